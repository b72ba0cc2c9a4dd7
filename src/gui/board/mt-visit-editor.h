/* mt-visit-editor.h: the dialog that adds or edits a visit
 *
 * Every field is checked as it is typed: a time that cannot be read or an
 * end before the start is shown on its row and disables Save; nothing is
 * ever clamped behind the user's back. Save applies all the changes as one
 * undoable step (a new visit, and a new site made here, are added in it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_VISIT_EDITOR (mt_visit_editor_get_type ())
G_DECLARE_FINAL_TYPE (MtVisitEditor, mt_visit_editor, MT, VISIT_EDITOR, AdwWindow)

/* @visit NULL: a new visit on day @day_index */
GtkWidget *mt_visit_editor_new       (MtTour        *tour,
                                      MtVisit       *visit,
                                      int            day_index);
/* the visit edited or added (after Save), or NULL */
MtVisit   *mt_visit_editor_get_visit (MtVisitEditor *self);
gboolean   mt_visit_editor_can_save  (MtVisitEditor *self);

G_END_DECLS
