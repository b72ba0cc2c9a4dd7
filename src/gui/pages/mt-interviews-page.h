/* mt-interviews-page.h: the interviews by day and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-model.h"
#include "mt-tour-view.h"

G_BEGIN_DECLS

#define MT_TYPE_INTERVIEWS_PAGE (mt_interviews_page_get_type ())
G_DECLARE_FINAL_TYPE (MtInterviewsPage, mt_interviews_page, MT, INTERVIEWS_PAGE, AdwBin)

GtkWidget  *mt_interviews_page_new        (void);
MtTour     *mt_interviews_page_get_tour   (MtInterviewsPage *self);
/* Opens the editor of the interview @id, or of a new one when @id is NULL;
 * Save applies every change as one undoable step. Returns the editor's
 * window (owned by GTK) for tests. */
GtkWindow  *mt_interviews_page_edit       (MtInterviewsPage *self,
                                           const char       *id);
/* the rows shown, after the filters, in their order */
GListModel *mt_interviews_page_get_model  (MtInterviewsPage *self);

G_END_DECLS
