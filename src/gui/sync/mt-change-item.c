/* mt-change-item.c: one line of what the syncs brought in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include "mt-change-item.h"

struct _MtChangeItem
{
  GObject       parent_instance;

  char         *text;
  char         *who;
  char         *id;
  gint64        when_ms;
  MtEntityKind  kind;
};

G_DEFINE_FINAL_TYPE (MtChangeItem, mt_change_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mt_change_item_finalize (GObject *object)
{
  MtChangeItem *self = MT_CHANGE_ITEM (object);

  g_free (self->text);
  g_free (self->who);
  g_free (self->id);

  G_OBJECT_CLASS (mt_change_item_parent_class)->finalize (object);
}

static void
mt_change_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MtChangeItem *self = MT_CHANGE_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_change_item_class_init (MtChangeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mt_change_item_finalize;
  object_class->get_property = mt_change_item_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mt_change_item_init (MtChangeItem *self)
{
}

MtChangeItem *
mt_change_item_new (const char   *text,
                    const char   *who,
                    gint64        when_ms,
                    MtEntityKind  kind,
                    const char   *id)
{
  MtChangeItem *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (MT_TYPE_CHANGE_ITEM, NULL);
  self->text = g_strdup (text);
  self->who = g_strdup (who);
  self->when_ms = when_ms;
  self->kind = kind;
  self->id = g_strdup (id);
  return self;
}

const char *
mt_change_item_get_text (MtChangeItem *self)
{
  g_return_val_if_fail (MT_IS_CHANGE_ITEM (self), NULL);
  return self->text;
}

const char *
mt_change_item_get_who (MtChangeItem *self)
{
  g_return_val_if_fail (MT_IS_CHANGE_ITEM (self), NULL);
  return self->who;
}

gint64
mt_change_item_get_when (MtChangeItem *self)
{
  g_return_val_if_fail (MT_IS_CHANGE_ITEM (self), 0);
  return self->when_ms;
}

MtEntityKind
mt_change_item_get_kind (MtChangeItem *self)
{
  g_return_val_if_fail (MT_IS_CHANGE_ITEM (self), MT_N_ENTITY_KINDS);
  return self->kind;
}

const char *
mt_change_item_get_id (MtChangeItem *self)
{
  g_return_val_if_fail (MT_IS_CHANGE_ITEM (self), NULL);
  return self->id;
}
