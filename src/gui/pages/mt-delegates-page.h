/* mt-delegates-page.h: the delegates and their groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-model.h"
#include "mt-tour-view.h"

G_BEGIN_DECLS

#define MT_TYPE_DELEGATES_PAGE (mt_delegates_page_get_type ())
G_DECLARE_FINAL_TYPE (MtDelegatesPage, mt_delegates_page, MT, DELEGATES_PAGE, AdwBin)

GtkWidget  *mt_delegates_page_new          (void);
MtTour     *mt_delegates_page_get_tour     (MtDelegatesPage *self);
/* selects, scrolls to and highlights a delegate or a group */
/* Opens the editor of the delegate @id, or of a new delegate when @id is
 * NULL; Save applies every change as one undoable step. Returns the
 * editor's window (owned by GTK) for tests. */
GtkWindow  *mt_delegates_page_edit         (MtDelegatesPage *self,
                                            const char      *id);
/* the rows shown, after the search and the group filter, in their order */
GListModel *mt_delegates_page_get_model    (MtDelegatesPage *self);
GtkColumnView *mt_delegates_page_get_column_view (MtDelegatesPage *self);

G_END_DECLS
