/* mt-route-view.h: the map of the tour's cities and each day's route
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_ROUTE_VIEW (mt_route_view_get_type ())
G_DECLARE_FINAL_TYPE (MtRouteView, mt_route_view, MT, ROUTE_VIEW, GtkWidget)

GtkWidget *mt_route_view_new              (void);
void       mt_route_view_set_tour         (MtRouteView *self,
                                           MtTour      *tour);
/* the tour's visits, cities or sites changed: the routes again */
void       mt_route_view_refresh          (MtRouteView *self);
/* the day drawn over the others (-1: none), as a click on the legend does */
void       mt_route_view_select_day       (MtRouteView *self,
                                           int          day);
int        mt_route_view_get_selected_day (MtRouteView *self);
/* for tests: where the last frame put its labels (MtRect: the cities'
 * names, the days' numbers, the legend's rows), and the routes it drew */
GArray    *mt_route_view_get_labels       (MtRouteView *self);
GPtrArray *mt_route_view_get_routes       (MtRouteView *self);

G_END_DECLS
