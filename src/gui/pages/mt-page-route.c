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

/* Where a visit takes place on the map: the city of its site, or the site
 * itself where it has no city with a position; FALSE where neither has one */
static gboolean
visit_point (MtTour       *tour,
             MtVisit      *visit,
             MtRoutePoint *point)
{
  MtSite *site = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_page_nonnull (mt_visit_get_site (visit)));
  MtCity *city;

  if (site == NULL)
    return FALSE;
  point->site_id = mt_entity_get_id (MT_ENTITY (site));
  city = mt_tour_lookup_kind (tour, MT_ENTITY_CITY, mt_page_nonnull (mt_site_get_city (site)));
  if (city != NULL && has_position (mt_city_get_latitude (city), mt_city_get_longitude (city)))
    {
      point->lat = mt_city_get_latitude (city);
      point->lon = mt_city_get_longitude (city);
      return TRUE;
    }
  point->lat = mt_site_get_latitude (site);
  point->lon = mt_site_get_longitude (site);
  return has_position (point->lat, point->lon);
}

static gboolean
same_place (const MtRoutePoint *a,
            const MtRoutePoint *b)
{
  return a->lat == b->lat && a->lon == b->lon;
}

GPtrArray *
mt_page_tour_routes (MtTour *tour)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *routes;
  GListModel *model;
  guint n_days;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  n_days = mt_tour_get_n_days (tour);
  routes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint d = 0; d < n_days; d++)
    g_ptr_array_add (routes, g_array_new (FALSE, FALSE, sizeof (MtRoutePoint)));

  model = mt_tour_get_visits (tour);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      MtVisit *visit = g_list_model_get_item (model, i);
      int day = mt_visit_get_start (visit) != MT_TIME_UNSET ? mt_tour_get_day_index (tour, mt_visit_get_start (visit)) : -1;

      if (day >= 0 && day < (int) n_days && mt_visit_get_status (visit) != MT_VISIT_CANCELLED)
        g_ptr_array_add (visits, visit);
      else
        g_object_unref (visit);
    }
  g_ptr_array_sort (visits, compare_visit_start);

  for (guint i = 0; i < visits->len; i++)
    {
      MtVisit *visit = g_ptr_array_index (visits, i);
      GArray *route = g_ptr_array_index (routes, mt_tour_get_day_index (tour, mt_visit_get_start (visit)));
      MtRoutePoint point;

      if (!visit_point (tour, visit, &point))
        continue;
      if (route->len > 0 && same_place (&g_array_index (route, MtRoutePoint, route->len - 1), &point))
        continue;
      g_array_append_val (route, point);
    }

  /* a day starts where the delegation spent the night: its first leg is
   * the journey from there (a transfer has no site of its own) */
  for (guint d = 1; d < n_days; d++)
    {
      GArray *route = g_ptr_array_index (routes, d);
      GArray *before = NULL;

      for (guint e = d; e > 0 && before == NULL; e--)
        if (((GArray *) g_ptr_array_index (routes, e - 1))->len > 0)
          before = g_ptr_array_index (routes, e - 1);
      if (before == NULL || route->len == 0)
        continue;
      if (!same_place (&g_array_index (before, MtRoutePoint, before->len - 1), &g_array_index (route, MtRoutePoint, 0)))
        g_array_prepend_val (route, g_array_index (before, MtRoutePoint, before->len - 1));
    }
  return routes;
}

GArray *
mt_page_day_route (MtTour *tour,
                   int     day_index)
{
  g_autoptr(GPtrArray) routes = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  routes = mt_page_tour_routes (tour);
  if (day_index < 0 || day_index >= (int) routes->len)
    return g_array_new (FALSE, FALSE, sizeof (MtRoutePoint));
  return g_array_ref (g_ptr_array_index (routes, day_index));
}

/* Labels */

static gboolean
rects_meet (const MtRect *a,
            const MtRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_inside (const MtRect *inner,
             const MtRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y
         && inner->x + inner->width <= outer->x + outer->width
         && inner->y + inner->height <= outer->y + outer->height;
}

MtRect
mt_page_place_label (GArray       *taken,
                     const MtRect *area,
                     double        x,
                     double        y,
                     double        width,
                     double        height,
                     double        gap)
{
  /* right, left, below, above, then the corners, further and further out */
  static const double dirs[][2] = {
    { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 }, { 1, 1 }, { -1, 1 }, { 1, -1 }, { -1, -1 },
  };
  MtRect best = { 0 };
  double best_cost = G_MAXDOUBLE;

  g_return_val_if_fail (taken != NULL && area != NULL, best);

  for (guint ring = 1; ring <= 8 && best_cost > 0; ring++)
    for (guint k = 0; k < G_N_ELEMENTS (dirs) && best_cost > 0; k++)
      {
        double d = gap * ring;
        MtRect r;
        double cost = 0;

        r.width = width;
        r.height = height;
        r.x = dirs[k][0] > 0 ? x + d : dirs[k][0] < 0 ? x - d - width : x - width / 2;
        r.y = dirs[k][1] > 0 ? y + d : dirs[k][1] < 0 ? y - d - height : y - height / 2;
        /* pulled inside the area: a label is never cut off */
        r.x = CLAMP (r.x, area->x, MAX (area->x, area->x + area->width - width));
        r.y = CLAMP (r.y, area->y, MAX (area->y, area->y + area->height - height));
        for (guint t = 0; t < taken->len; t++)
          if (rects_meet (&r, &g_array_index (taken, MtRect, t)))
            cost += 1000;
        if (!rect_inside (&r, area))
          cost += 100;
        /* further out costs, but less than meeting anything */
        cost += (ring - 1) * 10 + k;
        if (cost < best_cost || best_cost == G_MAXDOUBLE)
          {
            best_cost = cost;
            best = r;
          }
        /* nothing met, at the nearest ring: no better spot */
        if (cost < ring * 10)
          best_cost = 0;
      }
  g_array_append_val (taken, best);
  return best;
}

gboolean
mt_page_rects_overlap (GArray *rects)
{
  for (guint i = 0; i < rects->len; i++)
    for (guint j = i + 1; j < rects->len; j++)
      if (rects_meet (&g_array_index (rects, MtRect, i), &g_array_index (rects, MtRect, j)))
        return TRUE;
  return FALSE;
}
