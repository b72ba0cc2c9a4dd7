/* mt-site.c: a place the delegation visits: an institute, a company, a hotel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-site"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-enum-types.h"
#include "mt-site.h"

struct _MtSite
{
  MtEntity parent_instance;
  char *name;
  char *local_name;
  char *city;
  MtSiteKind kind;
  char *address;
  double latitude;
  double longitude;
  guint capacity;
  char *contact;
  char *notes;
};

G_DEFINE_FINAL_TYPE (MtSite, mt_site, MT_TYPE_ENTITY)

enum {
  FIELD_NAME,
  FIELD_LOCAL_NAME,
  FIELD_CITY,
  FIELD_KIND,
  FIELD_ADDRESS,
  FIELD_LATITUDE,
  FIELD_LONGITUDE,
  FIELD_CAPACITY,
  FIELD_CONTACT,
  FIELD_NOTES,
  N_FIELDS
};

#define OFFSET(member) G_STRUCT_OFFSET (MtSite, member)

static MtField fields[N_FIELDS] = {
  [FIELD_NAME] = { "name", N_("Name"), MT_FIELD_STRING, 0, OFFSET (name) },
  [FIELD_LOCAL_NAME] = { "local-name", N_("Local name"), MT_FIELD_STRING, 0, OFFSET (local_name) },
  [FIELD_CITY] = { "city", N_("City"), MT_FIELD_STRING, MT_FIELD_REFERENCE, OFFSET (city), 0, MT_ENTITY_CITY },
  [FIELD_KIND] = { "kind", N_("Kind"), MT_FIELD_ENUM, 0, OFFSET (kind) },
  [FIELD_ADDRESS] = { "address", N_("Address"), MT_FIELD_STRING, 0, OFFSET (address) },
  [FIELD_LATITUDE] = { "latitude", N_("Latitude"), MT_FIELD_DOUBLE, 0, OFFSET (latitude), 0, 0, -90, 90 },
  [FIELD_LONGITUDE] = { "longitude", N_("Longitude"), MT_FIELD_DOUBLE, 0, OFFSET (longitude), 0, 0, -180, 180 },
  [FIELD_CAPACITY] = { "capacity", N_("Capacity"), MT_FIELD_UINT, 0, OFFSET (capacity), 0, 0, 0, 1000000 },
  [FIELD_CONTACT] = { "contact", N_("Contact"), MT_FIELD_STRING, 0, OFFSET (contact) },
  [FIELD_NOTES] = { "notes", N_("Notes"), MT_FIELD_STRING, MT_FIELD_MULTILINE, OFFSET (notes) },
};

static void
mt_site_class_init (MtSiteClass *klass)
{
  fields[FIELD_KIND].enum_type = MT_TYPE_SITE_KIND;
  _mt_entity_class_install_fields (MT_ENTITY_CLASS (klass), MT_ENTITY_SITE,
                                   fields, N_FIELDS, FIELD_NAME);
}

static void
mt_site_init (MtSite *self)
{
  _mt_entity_init_fields (MT_ENTITY (self));
}

/**
 * mt_site_new:
 * @id: (nullable): the id; %NULL for a new UUID
 *
 * Returns: (transfer full): a new site
 */
MtSite *
mt_site_new (const char *id)
{
  return g_object_new (MT_TYPE_SITE, "id", id, NULL);
}

/**
 * mt_site_get_name:
 *
 * Returns: (nullable) (transfer none): the name
 */
const char *
mt_site_get_name (MtSite *self)
{
  g_return_val_if_fail (MT_IS_SITE (self), NULL);
  return self->name;
}

void
mt_site_set_name (MtSite *self,
                  const char *value)
{
  g_return_if_fail (MT_IS_SITE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_NAME, value);
}

/**
 * mt_site_get_local_name:
 *
 * Returns: (nullable) (transfer none): the local name
 */
const char *
mt_site_get_local_name (MtSite *self)
{
  g_return_val_if_fail (MT_IS_SITE (self), NULL);
  return self->local_name;
}

void
mt_site_set_local_name (MtSite *self,
                        const char *value)
{
  g_return_if_fail (MT_IS_SITE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_LOCAL_NAME, value);
}

/**
 * mt_site_get_city:
 *
 * Returns: (nullable) (transfer none): the city
 */
const char *
mt_site_get_city (MtSite *self)
{
  g_return_val_if_fail (MT_IS_SITE (self), NULL);
  return self->city;
}

void
mt_site_set_city (MtSite *self,
                  const char *value)
{
  g_return_if_fail (MT_IS_SITE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_CITY, value);
}

MtSiteKind
mt_site_get_site_kind (MtSite *self)
{
  g_return_val_if_fail (MT_IS_SITE (self), 0);
  return self->kind;
}

void
mt_site_set_site_kind (MtSite *self,
                       MtSiteKind value)
{
  g_return_if_fail (MT_IS_SITE (self));
  _mt_entity_set_enum (MT_ENTITY (self), FIELD_KIND, value);
}

/**
 * mt_site_get_address:
 *
 * Returns: (nullable) (transfer none): the address
 */
const char *
mt_site_get_address (MtSite *self)
{
  g_return_val_if_fail (MT_IS_SITE (self), NULL);
  return self->address;
}

void
mt_site_set_address (MtSite *self,
                     const char *value)
{
  g_return_if_fail (MT_IS_SITE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_ADDRESS, value);
}

double
mt_site_get_latitude (MtSite *self)
{
  g_return_val_if_fail (MT_IS_SITE (self), 0.0);
  return self->latitude;
}

void
mt_site_set_latitude (MtSite *self,
                      double value)
{
  g_return_if_fail (MT_IS_SITE (self));
  _mt_entity_set_double (MT_ENTITY (self), FIELD_LATITUDE, value);
}

double
mt_site_get_longitude (MtSite *self)
{
  g_return_val_if_fail (MT_IS_SITE (self), 0.0);
  return self->longitude;
}

void
mt_site_set_longitude (MtSite *self,
                       double value)
{
  g_return_if_fail (MT_IS_SITE (self));
  _mt_entity_set_double (MT_ENTITY (self), FIELD_LONGITUDE, value);
}

guint
mt_site_get_capacity (MtSite *self)
{
  g_return_val_if_fail (MT_IS_SITE (self), 0);
  return self->capacity;
}

void
mt_site_set_capacity (MtSite *self,
                      guint value)
{
  g_return_if_fail (MT_IS_SITE (self));
  _mt_entity_set_uint (MT_ENTITY (self), FIELD_CAPACITY, value);
}

/**
 * mt_site_get_contact:
 *
 * Returns: (nullable) (transfer none): the contact
 */
const char *
mt_site_get_contact (MtSite *self)
{
  g_return_val_if_fail (MT_IS_SITE (self), NULL);
  return self->contact;
}

void
mt_site_set_contact (MtSite *self,
                     const char *value)
{
  g_return_if_fail (MT_IS_SITE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_CONTACT, value);
}

/**
 * mt_site_get_notes:
 *
 * Returns: (nullable) (transfer none): the notes
 */
const char *
mt_site_get_notes (MtSite *self)
{
  g_return_val_if_fail (MT_IS_SITE (self), NULL);
  return self->notes;
}

void
mt_site_set_notes (MtSite *self,
                   const char *value)
{
  g_return_if_fail (MT_IS_SITE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_NOTES, value);
}
