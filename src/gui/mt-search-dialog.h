/* mt-search-dialog.h: find a visit, site, delegate or interview (Ctrl+F)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_SEARCH_DIALOG (mt_search_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MtSearchDialog, mt_search_dialog, MT, SEARCH_DIALOG, AdwWindow)

/* a modal window over @parent; "item-activated" (id) is emitted when the
 * user picks a result, and the window closes */
MtSearchDialog *mt_search_dialog_new        (GtkWindow      *parent,
                                             MtTour         *tour);
MtTour         *mt_search_dialog_get_tour   (MtSearchDialog *self);
void            mt_search_dialog_set_tour   (MtSearchDialog *self,
                                             MtTour         *tour);
/* fills the search entry and searches at once (for tests and callers that
 * start from a selection) */
void            mt_search_dialog_set_query  (MtSearchDialog *self,
                                             const char     *query);
/* the number of results shown */
guint           mt_search_dialog_get_n_results (MtSearchDialog *self);

G_END_DECLS
