/* mt-tour-view.h: what the window asks of each view of the tour
 *
 * The board, the pages and the problems panel each show one tour and,
 * where the user asks to see an item elsewhere (an interview's visit, a
 * problem's delegate), ask the window to reveal it: the window talks to all
 * of them through this interface, and to none of them by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_TOUR_VIEW (mt_tour_view_get_type ())
G_DECLARE_INTERFACE (MtTourView, mt_tour_view, MT, TOUR_VIEW, GtkWidget)

struct _MtTourViewInterface
{
  GTypeInterface parent_iface;

  MtTour   *(*get_tour) (MtTourView *self);
  void      (*set_tour) (MtTourView *self,
                         MtTour     *tour);
  /* shows and selects the item; FALSE where the view does not show it */
  gboolean  (*reveal)   (MtTourView *self,
                         const char *id);
};

MtTour   *mt_tour_view_get_tour       (MtTourView *self);
void      mt_tour_view_set_tour       (MtTourView *self,
                                       MtTour     *tour);
gboolean  mt_tour_view_reveal         (MtTourView *self,
                                       const char *id);
/* For a view's set_tour(): where @tour is not *@slot already, stops
 * following the old tour (the handlers of its "changed" with @self as
 * their data, and the refresh *@refresh_id pending), holds @tour in *@slot
 * and follows its "changed" with @on_changed (swapped: @self first), and
 * returns TRUE; FALSE where nothing changed. */
gboolean  mt_tour_view_follow_tour    (MtTourView *self,
                                       MtTour    **slot,
                                       MtTour     *tour,
                                       guint      *refresh_id,
                                       GCallback   on_changed);
/* emits MtTourView::item-activated, asking to reveal @id */
void      mt_tour_view_item_activated (MtTourView *self,
                                       const char *id);

G_END_DECLS
