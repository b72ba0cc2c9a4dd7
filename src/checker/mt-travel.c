/* mt-travel.c: travel times between sites, cached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-travel"

#include "config.h"

#include <math.h>

#include "mt-pair-map.h"
#include "mt-travel.h"

#define EARTH_RADIUS_KM 6371.0

typedef struct
{
  guint    index;
  double   latitude;
  double   longitude;
  gboolean known;
} Slot;

struct _MtTravel
{
  MtTour     *tour;   /* borrowed */
  GHashTable *slots;  /* MtSite* (ref) → Slot* */
  MtPairMap   pairs;  /* from index << 32 | to index → minutes + 1 */
  guint       next_index;
  double      speed_kmh;
  double      road_factor;
};

MtTravel *
mt_travel_new (MtTour *tour)
{
  MtTravel *self = g_new0 (MtTravel, 1);

  self->tour = tour;
  self->slots = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_free);
  mt_pair_map_init (&self->pairs);
  self->speed_kmh = 45.0;
  self->road_factor = 1.4;
  return self;
}

void
mt_travel_free (MtTravel *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->slots);
  mt_pair_map_clear (&self->pairs);
  g_free (self);
}

void
mt_travel_invalidate (MtTravel *self)
{
  mt_pair_map_clear (&self->pairs);
  g_hash_table_remove_all (self->slots);
}

void
mt_travel_set_speed (MtTravel *self,
                     double    speed_kmh,
                     double    road_factor)
{
  g_return_if_fail (speed_kmh > 0 && road_factor > 0);

  if (speed_kmh == self->speed_kmh && road_factor == self->road_factor)
    return;
  self->speed_kmh = speed_kmh;
  self->road_factor = road_factor;
  mt_pair_map_clear (&self->pairs);
}

guint
mt_travel_get_n_cached (MtTravel *self)
{
  return mt_pair_map_size (&self->pairs);
}

double
mt_travel_distance_km (double latitude1,
                       double longitude1,
                       double latitude2,
                       double longitude2)
{
  double phi1 = latitude1 * G_PI / 180.0, phi2 = latitude2 * G_PI / 180.0;
  double dphi = phi2 - phi1, dlambda = (longitude2 - longitude1) * G_PI / 180.0;
  double a = sin (dphi / 2) * sin (dphi / 2)
             + cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);

  return 2 * EARTH_RADIUS_KM * asin (MIN (1.0, sqrt (a)));
}

static gboolean
site_position (MtTravel *self,
               MtSite   *site,
               double   *latitude,
               double   *longitude)
{
  MtCity *city;

  *latitude = mt_site_get_latitude (site);
  *longitude = mt_site_get_longitude (site);
  if (*latitude != 0 || *longitude != 0)
    return TRUE;

  city = mt_tour_lookup_kind (self->tour, MT_ENTITY_CITY, mt_site_get_city (site));
  if (city == NULL)
    return FALSE;
  *latitude = mt_city_get_latitude (city);
  *longitude = mt_city_get_longitude (city);
  return *latitude != 0 || *longitude != 0;
}

static Slot *
get_slot (MtTravel *self,
          MtSite   *site)
{
  Slot *slot = g_hash_table_lookup (self->slots, site);

  if (slot == NULL)
    {
      slot = g_new0 (Slot, 1);
      slot->index = self->next_index++;
      slot->known = site_position (self, site, &slot->latitude, &slot->longitude);
      g_hash_table_insert (self->slots, g_object_ref (site), slot);
    }
  return slot;
}

int
mt_travel_get_minutes (MtTravel *self,
                       MtSite   *from,
                       MtSite   *to)
{
  Slot *a, *b;
  guint64 key;
  gpointer value;
  double km, minutes;
  int result;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (MT_IS_SITE (from) && MT_IS_SITE (to), -1);

  if (from == to)
    return 0;

  a = get_slot (self, from);
  b = get_slot (self, to);
  if (!a->known || !b->known)
    return -1;

  key = (guint64) a->index << 32 | b->index;
  if ((value = mt_pair_map_lookup (&self->pairs, key)) != NULL)
    return GPOINTER_TO_INT (value) - 1;

  km = mt_travel_distance_km (a->latitude, a->longitude, b->latitude, b->longitude);
  minutes = km * self->road_factor / self->speed_kmh * 60.0;
  /* whole minutes, rounded up; a hair of rounding error is no extra minute */
  result = (int) ceil (minutes - 1e-6);
  result = MAX (result, 0);
  mt_pair_map_insert (&self->pairs, key, GINT_TO_POINTER (result + 1));
  return result;
}

static gboolean
pair_lacks_index (guint64  pair,
                  gpointer user_data)
{
  guint index = GPOINTER_TO_UINT (user_data);

  return (pair >> 32) != index && (pair & 0xffffffffu) != index;
}

gboolean
mt_travel_invalidate_site (MtTravel *self,
                           MtSite   *site)
{
  Slot *slot;
  double latitude, longitude;
  gboolean known;

  g_return_val_if_fail (self != NULL, FALSE);

  slot = g_hash_table_lookup (self->slots, site);
  if (slot == NULL)
    return FALSE;

  known = site_position (self, site, &latitude, &longitude);
  if (known == slot->known && latitude == slot->latitude && longitude == slot->longitude)
    return FALSE;

  mt_pair_map_keep (&self->pairs, pair_lacks_index, GUINT_TO_POINTER (slot->index));
  slot->known = known;
  slot->latitude = latitude;
  slot->longitude = longitude;
  return TRUE;
}
