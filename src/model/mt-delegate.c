/* mt-delegate.c: a journalist of the delegation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-delegate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-enum-types.h"
#include "mt-delegate.h"

struct _MtDelegate
{
  MtEntity parent_instance;
  char *name;
  char *outlet;
  MtRole role;
  char *email;
  char *phone;
  char **languages;
  char *group;
  char *dietary;
  char *access;
  char *notes;
};

G_DEFINE_FINAL_TYPE (MtDelegate, mt_delegate, MT_TYPE_ENTITY)

enum {
  FIELD_NAME,
  FIELD_OUTLET,
  FIELD_ROLE,
  FIELD_EMAIL,
  FIELD_PHONE,
  FIELD_LANGUAGES,
  FIELD_GROUP,
  FIELD_DIETARY,
  FIELD_ACCESS,
  FIELD_NOTES,
  N_FIELDS
};

#define OFFSET(member) G_STRUCT_OFFSET (MtDelegate, member)

static MtField fields[N_FIELDS] = {
  [FIELD_NAME] = { "name", N_("Name"), MT_FIELD_STRING, 0, OFFSET (name) },
  [FIELD_OUTLET] = { "outlet", N_("Outlet"), MT_FIELD_STRING, 0, OFFSET (outlet) },
  [FIELD_ROLE] = { "role", N_("Role"), MT_FIELD_ENUM, 0, OFFSET (role) },
  [FIELD_EMAIL] = { "email", N_("Email"), MT_FIELD_STRING, 0, OFFSET (email) },
  [FIELD_PHONE] = { "phone", N_("Phone"), MT_FIELD_STRING, 0, OFFSET (phone) },
  [FIELD_LANGUAGES] = { "languages", N_("Languages"), MT_FIELD_STRV, 0, OFFSET (languages) },
  [FIELD_GROUP] = { "group", N_("Group"), MT_FIELD_STRING, MT_FIELD_REFERENCE, OFFSET (group), 0, MT_ENTITY_GROUP },
  [FIELD_DIETARY] = { "dietary", N_("Dietary needs"), MT_FIELD_STRING, 0, OFFSET (dietary) },
  [FIELD_ACCESS] = { "access", N_("Access needs"), MT_FIELD_STRING, 0, OFFSET (access) },
  [FIELD_NOTES] = { "notes", N_("Notes"), MT_FIELD_STRING, MT_FIELD_MULTILINE, OFFSET (notes) },
};

static void
mt_delegate_class_init (MtDelegateClass *klass)
{
  fields[FIELD_ROLE].enum_type = MT_TYPE_ROLE;
  _mt_entity_class_install_fields (MT_ENTITY_CLASS (klass), MT_ENTITY_DELEGATE,
                                   fields, N_FIELDS, FIELD_NAME);
}

static void
mt_delegate_init (MtDelegate *self)
{
  _mt_entity_init_fields (MT_ENTITY (self));
}

/**
 * mt_delegate_new:
 * @id: (nullable): the id; %NULL for a new UUID
 *
 * Returns: (transfer full): a new delegate
 */
MtDelegate *
mt_delegate_new (const char *id)
{
  return g_object_new (MT_TYPE_DELEGATE, "id", id, NULL);
}

/**
 * mt_delegate_get_name:
 *
 * Returns: (nullable) (transfer none): the name
 */
const char *
mt_delegate_get_name (MtDelegate *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE (self), NULL);
  return self->name;
}

void
mt_delegate_set_name (MtDelegate *self,
                      const char *value)
{
  g_return_if_fail (MT_IS_DELEGATE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_NAME, value);
}

/**
 * mt_delegate_get_outlet:
 *
 * Returns: (nullable) (transfer none): the outlet
 */
const char *
mt_delegate_get_outlet (MtDelegate *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE (self), NULL);
  return self->outlet;
}

void
mt_delegate_set_outlet (MtDelegate *self,
                        const char *value)
{
  g_return_if_fail (MT_IS_DELEGATE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_OUTLET, value);
}

MtRole
mt_delegate_get_role (MtDelegate *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE (self), 0);
  return self->role;
}

void
mt_delegate_set_role (MtDelegate *self,
                      MtRole value)
{
  g_return_if_fail (MT_IS_DELEGATE (self));
  _mt_entity_set_enum (MT_ENTITY (self), FIELD_ROLE, value);
}

/**
 * mt_delegate_get_email:
 *
 * Returns: (nullable) (transfer none): the email
 */
const char *
mt_delegate_get_email (MtDelegate *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE (self), NULL);
  return self->email;
}

void
mt_delegate_set_email (MtDelegate *self,
                       const char *value)
{
  g_return_if_fail (MT_IS_DELEGATE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_EMAIL, value);
}

/**
 * mt_delegate_get_phone:
 *
 * Returns: (nullable) (transfer none): the phone
 */
const char *
mt_delegate_get_phone (MtDelegate *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE (self), NULL);
  return self->phone;
}

void
mt_delegate_set_phone (MtDelegate *self,
                       const char *value)
{
  g_return_if_fail (MT_IS_DELEGATE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_PHONE, value);
}

/**
 * mt_delegate_get_languages:
 *
 * Returns: (nullable) (transfer none): the languages
 */
const char * const *
mt_delegate_get_languages (MtDelegate *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE (self), NULL);
  return (const char * const *) self->languages;
}

void
mt_delegate_set_languages (MtDelegate *self,
                           const char * const *value)
{
  g_return_if_fail (MT_IS_DELEGATE (self));
  _mt_entity_set_strv (MT_ENTITY (self), FIELD_LANGUAGES, value);
}

/**
 * mt_delegate_get_group:
 *
 * Returns: (nullable) (transfer none): the group
 */
const char *
mt_delegate_get_group (MtDelegate *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE (self), NULL);
  return self->group;
}

void
mt_delegate_set_group (MtDelegate *self,
                       const char *value)
{
  g_return_if_fail (MT_IS_DELEGATE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_GROUP, value);
}

/**
 * mt_delegate_get_dietary:
 *
 * Returns: (nullable) (transfer none): the dietary needs
 */
const char *
mt_delegate_get_dietary (MtDelegate *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE (self), NULL);
  return self->dietary;
}

void
mt_delegate_set_dietary (MtDelegate *self,
                         const char *value)
{
  g_return_if_fail (MT_IS_DELEGATE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_DIETARY, value);
}

/**
 * mt_delegate_get_access:
 *
 * Returns: (nullable) (transfer none): the access needs
 */
const char *
mt_delegate_get_access (MtDelegate *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE (self), NULL);
  return self->access;
}

void
mt_delegate_set_access (MtDelegate *self,
                        const char *value)
{
  g_return_if_fail (MT_IS_DELEGATE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_ACCESS, value);
}

/**
 * mt_delegate_get_notes:
 *
 * Returns: (nullable) (transfer none): the notes
 */
const char *
mt_delegate_get_notes (MtDelegate *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE (self), NULL);
  return self->notes;
}

void
mt_delegate_set_notes (MtDelegate *self,
                       const char *value)
{
  g_return_if_fail (MT_IS_DELEGATE (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_NOTES, value);
}
