/* mt-tour-view.c: what the window asks of each view of the tour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-tour-view"

#include "config.h"

#include "mt-tour-view.h"

G_DEFINE_INTERFACE (MtTourView, mt_tour_view, GTK_TYPE_WIDGET)

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mt_tour_view_default_init (MtTourViewInterface *iface)
{
  /**
   * MtTourView::item-activated:
   * @id: the id of the item the user asked to see, wherever it is shown
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

/**
 * mt_tour_view_get_tour:
 *
 * Returns: (transfer none) (nullable): the tour shown
 */
MtTour *
mt_tour_view_get_tour (MtTourView *self)
{
  g_return_val_if_fail (MT_IS_TOUR_VIEW (self), NULL);

  return MT_TOUR_VIEW_GET_IFACE (self)->get_tour (self);
}

void
mt_tour_view_set_tour (MtTourView *self,
                       MtTour     *tour)
{
  g_return_if_fail (MT_IS_TOUR_VIEW (self));
  g_return_if_fail (tour == NULL || MT_IS_TOUR (tour));

  MT_TOUR_VIEW_GET_IFACE (self)->set_tour (self, tour);
}

/**
 * mt_tour_view_reveal:
 * @id: the id of an entity of the tour
 *
 * Shows the item and selects it.
 *
 * Returns: %FALSE where this view does not show @id
 */
gboolean
mt_tour_view_reveal (MtTourView *self,
                     const char *id)
{
  g_return_val_if_fail (MT_IS_TOUR_VIEW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return MT_TOUR_VIEW_GET_IFACE (self)->reveal (self, id);
}

void
mt_tour_view_item_activated (MtTourView *self,
                             const char *id)
{
  g_return_if_fail (MT_IS_TOUR_VIEW (self));
  g_return_if_fail (id != NULL);

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, id);
}

gboolean
mt_tour_view_follow_tour (MtTourView *self,
                          MtTour    **slot,
                          MtTour     *tour,
                          guint      *refresh_id,
                          GCallback   on_changed)
{
  g_return_val_if_fail (MT_IS_TOUR_VIEW (self), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);

  if (*slot == tour)
    return FALSE;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  if (refresh_id != NULL)
    g_clear_handle_id (refresh_id, g_source_remove);
  g_set_object (slot, tour);
  if (tour != NULL)
    g_signal_connect_object (tour, "changed", on_changed, self, G_CONNECT_SWAPPED);
  return TRUE;
}
