/* mt-page-route.c: the route's map: the cities' box, the projection, a day's route
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-page-route"

#include "config.h"

#include <math.h>

#include "mt-page-logic.h"

static gboolean
has_position (double lat,
              double lon)
{
  return !(lat == 0.0 && lon == 0.0) && isfinite (lat) && isfinite (lon);
}

static void
box_add (MtGeoBox *box,
         gboolean *any,
         double    lat,
         double    lon)
{
  if (!has_position (lat, lon))
    return;
  if (!*any)
    {
      box->min_lat = box->max_lat = lat;
      box->min_lon = box->max_lon = lon;
      *any = TRUE;
      return;
    }
  box->min_lat = MIN (box->min_lat, lat);
  box->max_lat = MAX (box->max_lat, lat);
  box->min_lon = MIN (box->min_lon, lon);
  box->max_lon = MAX (box->max_lon, lon);
}

gboolean
mt_page_geo_box (MtTour   *tour,
                 MtGeoBox *box)
{
  GListModel *model;
  gboolean any = FALSE;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  model = mt_tour_get_cities (tour);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MtCity) city = g_list_model_get_item (model, i);

      box_add (box, &any, mt_city_get_latitude (city), mt_city_get_longitude (city));
    }
  model = mt_tour_get_sites (tour);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MtSite) site = g_list_model_get_item (model, i);

      box_add (box, &any, mt_site_get_latitude (site), mt_site_get_longitude (site));
    }
  return any;
}

void
mt_page_project (const MtGeoBox *box,
                 double          width,
                 double          height,
                 double          padding,
                 double          lat,
                 double          lon,
                 double         *x,
                 double         *y)
{
  double kx = cos ((box->min_lat + box->max_lat) / 2.0 * G_PI / 180.0);
  double span_x = MAX ((box->max_lon - box->min_lon) * kx, 1e-6);
  double span_y = MAX (box->max_lat - box->min_lat, 1e-6);
  double inner_w = MAX (width - 2 * padding, 1.0);
  double inner_h = MAX (height - 2 * padding, 1.0);
  double scale = MIN (inner_w / span_x, inner_h / span_y);
  double off_x = padding + (inner_w - span_x * scale) / 2.0;
  double off_y = padding + (inner_h - span_y * scale) / 2.0;

  *x = off_x + (lon - box->min_lon) * kx * scale;
  *y = off_y + (box->max_lat - lat) * scale;
}

static int
compare_visit_start (gconstpointer a,
                     gconstpointer b)
{
  MtVisit *x = *(MtVisit * const *) a;
  MtVisit *y = *(MtVisit * const *) b;
  gint64 sx = mt_visit_get_start (x), sy = mt_visit_get_start (y);

  if (sx != sy)
    return sx < sy ? -1 : 1;
  return g_strcmp0 (mt_entity_get_id (MT_ENTITY (x)), mt_entity_get_id (MT_ENTITY (y)));
}

GArray *
mt_page_day_route (MtTour *tour,
                   int     day_index)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *route = g_array_new (FALSE, FALSE, sizeof (MtRoutePoint));
  GListModel *model;

  g_return_val_if_fail (MT_IS_TOUR (tour), route);

  model = mt_tour_get_visits (tour);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      MtVisit *visit = g_list_model_get_item (model, i);

      if (mt_visit_get_start (visit) != MT_TIME_UNSET &&
          mt_visit_get_status (visit) != MT_VISIT_CANCELLED &&
          mt_tour_get_day_index (tour, mt_visit_get_start (visit)) == day_index)
        g_ptr_array_add (visits, visit);
      else
        g_object_unref (visit);
    }
  g_ptr_array_sort (visits, compare_visit_start);

  for (guint i = 0; i < visits->len; i++)
    {
      MtVisit *visit = g_ptr_array_index (visits, i);
      MtSite *site = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_page_nonnull (mt_visit_get_site (visit)));
      MtRoutePoint point;

      if (site == NULL)
        continue;
      point.site_id = mt_entity_get_id (MT_ENTITY (site));
      point.lat = mt_site_get_latitude (site);
      point.lon = mt_site_get_longitude (site);
      if (!has_position (point.lat, point.lon))
        {
          MtCity *city = mt_tour_lookup_kind (tour, MT_ENTITY_CITY, mt_page_nonnull (mt_site_get_city (site)));

          if (city == NULL || !has_position (mt_city_get_latitude (city), mt_city_get_longitude (city)))
            continue;
          point.lat = mt_city_get_latitude (city);
          point.lon = mt_city_get_longitude (city);
        }
      if (route->len > 0)
        {
          MtRoutePoint *last = &g_array_index (route, MtRoutePoint, route->len - 1);

          if (last->lat == point.lat && last->lon == point.lon)
            continue;
        }
      g_array_append_val (route, point);
    }
  return route;
}
