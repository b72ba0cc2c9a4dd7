/* mt-city.c: a city on the tour's route
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-city"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-enum-types.h"
#include "mt-city.h"

struct _MtCity
{
  MtEntity parent_instance;
  char *name;
  char *local_name;
  double latitude;
  double longitude;
};

G_DEFINE_FINAL_TYPE (MtCity, mt_city, MT_TYPE_ENTITY)

enum {
  FIELD_NAME,
  FIELD_LOCAL_NAME,
  FIELD_LATITUDE,
  FIELD_LONGITUDE,
  N_FIELDS
};

#define OFFSET(member) G_STRUCT_OFFSET (MtCity, member)

static MtField fields[N_FIELDS] = {
  [FIELD_NAME] = { "name", N_("Name"), MT_FIELD_STRING, 0, OFFSET (name) },
  [FIELD_LOCAL_NAME] = { "local-name", N_("Local name"), MT_FIELD_STRING, 0, OFFSET (local_name) },
  [FIELD_LATITUDE] = { "latitude", N_("Latitude"), MT_FIELD_DOUBLE, 0, OFFSET (latitude), 0, 0, -90, 90 },
  [FIELD_LONGITUDE] = { "longitude", N_("Longitude"), MT_FIELD_DOUBLE, 0, OFFSET (longitude), 0, 0, -180, 180 },
};

static void
mt_city_class_init (MtCityClass *klass)
{
  _mt_entity_class_install_fields (MT_ENTITY_CLASS (klass), MT_ENTITY_CITY,
                                   fields, N_FIELDS, FIELD_NAME);
}

static void
mt_city_init (MtCity *self)
{
  _mt_entity_init_fields (MT_ENTITY (self));
}

/**
 * mt_city_new:
 * @id: (nullable): the id; %NULL for a new UUID
 *
 * Returns: (transfer full): a new city
 */
MtCity *
mt_city_new (const char *id)
{
  return g_object_new (MT_TYPE_CITY, "id", id, NULL);
}

/**
 * mt_city_get_name:
 *
 * Returns: (nullable) (transfer none): the name
 */
const char *
mt_city_get_name (MtCity *self)
{
  g_return_val_if_fail (MT_IS_CITY (self), NULL);
  return self->name;
}

void
mt_city_set_name (MtCity *self,
                  const char *value)
{
  g_return_if_fail (MT_IS_CITY (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_NAME, value);
}

/**
 * mt_city_get_local_name:
 *
 * Returns: (nullable) (transfer none): the local name
 */
const char *
mt_city_get_local_name (MtCity *self)
{
  g_return_val_if_fail (MT_IS_CITY (self), NULL);
  return self->local_name;
}

void
mt_city_set_local_name (MtCity *self,
                        const char *value)
{
  g_return_if_fail (MT_IS_CITY (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_LOCAL_NAME, value);
}

double
mt_city_get_latitude (MtCity *self)
{
  g_return_val_if_fail (MT_IS_CITY (self), 0.0);
  return self->latitude;
}

void
mt_city_set_latitude (MtCity *self,
                      double value)
{
  g_return_if_fail (MT_IS_CITY (self));
  _mt_entity_set_double (MT_ENTITY (self), FIELD_LATITUDE, value);
}

double
mt_city_get_longitude (MtCity *self)
{
  g_return_val_if_fail (MT_IS_CITY (self), 0.0);
  return self->longitude;
}

void
mt_city_set_longitude (MtCity *self,
                       double value)
{
  g_return_if_fail (MT_IS_CITY (self));
  _mt_entity_set_double (MT_ENTITY (self), FIELD_LONGITUDE, value);
}
