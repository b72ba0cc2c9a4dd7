/* mt-page-places.c: what uses a site or a city, and deleting one
 *
 * A site is used by the visits that take place there, a city by its sites
 * (and through them by their visits). Deleting either is one undoable step
 * that first moves what used it to another site or city, or leaves it
 * without one, so that nothing points at what is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-page-logic"

#include "config.h"

#include "mt-history.h"
#include "mt-page-logic.h"

/* the items of @model whose @property is @id, in the model's order */
static GPtrArray *
dup_referring (GListModel *model,
               const char *property,
               const char *id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0, n = g_list_model_get_n_items (model); id != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *value = NULL;

      g_object_get (item, property, &value, NULL);
      if (g_strcmp0 (value, id) == 0)
        g_ptr_array_add (found, g_steal_pointer (&item));
    }
  return found;
}

GPtrArray *
mt_page_dup_site_visits (MtTour     *tour,
                         const char *site_id)
{
  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  return dup_referring (mt_tour_get_visits (tour), "site", site_id);
}

GPtrArray *
mt_page_dup_city_sites (MtTour     *tour,
                        const char *city_id)
{
  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  return dup_referring (mt_tour_get_sites (tour), "city", city_id);
}

guint
mt_page_count_city_visits (MtTour     *tour,
                           const char *city_id)
{
  g_autoptr(GPtrArray) sites = NULL;
  guint n = 0;

  g_return_val_if_fail (MT_IS_TOUR (tour), 0);

  sites = mt_page_dup_city_sites (tour, city_id);
  for (guint i = 0; i < sites->len; i++)
    {
      g_autoptr(GPtrArray) visits =
        mt_page_dup_site_visits (tour, mt_entity_get_id (g_ptr_array_index (sites, i)));

      n += visits->len;
    }
  return n;
}

guint
mt_page_delete_place (MtTour     *tour,
                      MtEntity   *place,
                      const char *move_to,
                      const char *label)
{
  g_autoptr(MtEntity) hold = NULL;
  g_autoptr(GPtrArray) users = NULL;
  MtHistory *history;
  gboolean is_city;

  g_return_val_if_fail (MT_IS_TOUR (tour), 0);
  g_return_val_if_fail (MT_IS_CITY (place) || MT_IS_SITE (place), 0);
  g_return_val_if_fail (g_strcmp0 (move_to, mt_entity_get_id (place)) != 0, 0);

  hold = g_object_ref (place);
  is_city = MT_IS_CITY (place);
  history = mt_tour_get_history (tour);
  users = is_city ? mt_page_dup_city_sites (tour, mt_entity_get_id (place))
                  : mt_page_dup_site_visits (tour, mt_entity_get_id (place));

  mt_history_begin (history, label);
  for (guint i = 0; i < users->len; i++)
    g_object_set (g_ptr_array_index (users, i), is_city ? "city" : "site", move_to, NULL);
  mt_tour_remove (tour, place);
  mt_history_end (history);
  return users->len;
}
