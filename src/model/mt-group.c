/* mt-group.c: a sub-group of the delegation (a coach, the TV crews)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-enum-types.h"
#include "mt-group.h"

struct _MtGroup
{
  MtEntity parent_instance;
  char *name;
  char *color;
  char *description;
};

G_DEFINE_FINAL_TYPE (MtGroup, mt_group, MT_TYPE_ENTITY)

enum {
  FIELD_NAME,
  FIELD_COLOR,
  FIELD_DESCRIPTION,
  N_FIELDS
};

#define OFFSET(member) G_STRUCT_OFFSET (MtGroup, member)

static MtField fields[N_FIELDS] = {
  [FIELD_NAME] = { "name", N_("Name"), MT_FIELD_STRING, 0, OFFSET (name) },
  [FIELD_COLOR] = { "color", N_("Colour"), MT_FIELD_STRING, 0, OFFSET (color) },
  [FIELD_DESCRIPTION] = { "description", N_("Description"), MT_FIELD_STRING, MT_FIELD_MULTILINE, OFFSET (description) },
};

static void
mt_group_class_init (MtGroupClass *klass)
{
  _mt_entity_class_install_fields (MT_ENTITY_CLASS (klass), MT_ENTITY_GROUP,
                                   fields, N_FIELDS, FIELD_NAME);
}

static void
mt_group_init (MtGroup *self)
{
  _mt_entity_init_fields (MT_ENTITY (self));
}

/**
 * mt_group_new:
 * @id: (nullable): the id; %NULL for a new UUID
 *
 * Returns: (transfer full): a new group
 */
MtGroup *
mt_group_new (const char *id)
{
  return g_object_new (MT_TYPE_GROUP, "id", id, NULL);
}

/**
 * mt_group_get_name:
 *
 * Returns: (nullable) (transfer none): the name
 */
const char *
mt_group_get_name (MtGroup *self)
{
  g_return_val_if_fail (MT_IS_GROUP (self), NULL);
  return self->name;
}

void
mt_group_set_name (MtGroup *self,
                   const char *value)
{
  g_return_if_fail (MT_IS_GROUP (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_NAME, value);
}

/**
 * mt_group_get_color:
 *
 * Returns: (nullable) (transfer none): the colour
 */
const char *
mt_group_get_color (MtGroup *self)
{
  g_return_val_if_fail (MT_IS_GROUP (self), NULL);
  return self->color;
}

void
mt_group_set_color (MtGroup *self,
                    const char *value)
{
  g_return_if_fail (MT_IS_GROUP (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_COLOR, value);
}

/**
 * mt_group_get_description:
 *
 * Returns: (nullable) (transfer none): the description
 */
const char *
mt_group_get_description (MtGroup *self)
{
  g_return_val_if_fail (MT_IS_GROUP (self), NULL);
  return self->description;
}

void
mt_group_set_description (MtGroup *self,
                          const char *value)
{
  g_return_if_fail (MT_IS_GROUP (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_DESCRIPTION, value);
}
