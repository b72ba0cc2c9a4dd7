/* mt-tour-details-dialog.h: the Tour Details dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_TOUR_DETAILS_DIALOG (mt_tour_details_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MtTourDetailsDialog, mt_tour_details_dialog, MT, TOUR_DETAILS_DIALOG, AdwWindow)

/* The details of @tour, over @parent. With @new_tour, the dialog that a new
 * tour opens with: its fields on the defaults of a new tour in
 * @time_zone (NULL: the default), its button Create, and applying them is
 * not an undoable step. */
GtkWidget *mt_tour_details_dialog_new (GtkWindow  *parent,
                                       MtTour     *tour,
                                       gboolean    new_tour,
                                       const char *time_zone);
/* the zone chosen; for tests */
const char *mt_tour_details_dialog_get_time_zone (MtTourDetailsDialog *self);
/* chooses @time_zone, as a click in the list does; FALSE when the list,
 * searched for @search, does not show it */
gboolean    mt_tour_details_dialog_choose_zone   (MtTourDetailsDialog *self,
                                                  const char          *search,
                                                  const char          *time_zone);

G_END_DECLS
