/* mt-version.c: an issued version of the plan, and what it holds resolved
 * over its bases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-version"

#include "config.h"

#include <string.h>

#include "mt-tour-private.h"
#include "mt-version-private.h"
#include "mt-wall-time.h"

struct _MtVersion
{
  GObject         parent_instance;

  /* owned, and never changed once issued */
  char           *id;
  guint           number;
  gint64          issued;
  MtStamp         stamp;
  char           *note;
  char           *base_id;
  MtVersionDelta  delta;
  JsonObject     *unknown;

  /* owned */
  MtVersion      *base;
  MtStamp         withdrawn_stamp;  /* the last withdrawal or issue */

  /* borrowed: the tour owns its versions */
  MtTour         *tour;

  guint           withdrawn : 1;
};

G_DEFINE_FINAL_TYPE (MtVersion, mt_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WITHDRAWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
mt_version_item_free (MtVersionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->title);
  g_free (item->site);
  g_free (item->visit);
  g_free (item->where);
  g_strfreev (item->audience);
  g_free (item);
}

MtVersionItem *
_mt_version_item_copy (const MtVersionItem *item)
{
  MtVersionItem *copy = g_memdup2 (item, sizeof *item);

  copy->id = g_strdup (item->id);
  copy->title = g_strdup (item->title);
  copy->site = g_strdup (item->site);
  copy->visit = g_strdup (item->visit);
  copy->where = g_strdup (item->where);
  copy->audience = g_strdupv (item->audience);
  return copy;
}

static gboolean
strv_equal (char **a,
            char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

gboolean
mt_version_item_equal (const MtVersionItem *a,
                       const MtVersionItem *b)
{
  return g_strcmp0 (a->id, b->id) == 0 && a->interview == b->interview &&
         g_strcmp0 (a->title, b->title) == 0 && a->kind == b->kind && a->status == b->status &&
         a->start == b->start && a->end == b->end && g_strcmp0 (a->site, b->site) == 0 &&
         g_strcmp0 (a->visit, b->visit) == 0 && g_strcmp0 (a->where, b->where) == 0 &&
         strv_equal (a->audience, b->audience);
}

void
mt_version_place_free (MtVersionPlace *place)
{
  if (place == NULL)
    return;
  g_free (place->name);
  g_free (place->local_name);
  g_free (place->address);
  g_free (place);
}

MtVersionPlace *
_mt_version_place_copy (const MtVersionPlace *place)
{
  MtVersionPlace *copy = g_new0 (MtVersionPlace, 1);

  copy->name = g_strdup (place->name);
  copy->local_name = g_strdup (place->local_name);
  copy->address = g_strdup (place->address);
  return copy;
}

gboolean
mt_version_place_equal (const MtVersionPlace *a,
                        const MtVersionPlace *b)
{
  return g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->local_name, b->local_name) == 0 &&
         g_strcmp0 (a->address, b->address) == 0;
}

static void
delta_init (MtVersionDelta *delta)
{
  delta->items = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_version_item_free);
  delta->removed = g_ptr_array_new_with_free_func (g_free);
  delta->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) mt_version_place_free);
  delta->recipients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  delta->left = g_ptr_array_new_with_free_func (g_free);
}

static void
delta_clear (MtVersionDelta *delta)
{
  g_clear_pointer (&delta->items, g_ptr_array_unref);
  g_clear_pointer (&delta->removed, g_ptr_array_unref);
  g_clear_pointer (&delta->places, g_hash_table_unref);
  g_clear_pointer (&delta->recipients, g_hash_table_unref);
  g_clear_pointer (&delta->left, g_ptr_array_unref);
}

static void
mt_version_finalize (GObject *object)
{
  MtVersion *self = MT_VERSION (object);

  g_free (self->id);
  g_free (self->note);
  g_free (self->base_id);
  delta_clear (&self->delta);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (mt_version_parent_class)->finalize (object);
}

static void
mt_version_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MtVersion *self = MT_VERSION (object);

  switch (prop_id)
    {
    case PROP_WITHDRAWN:
      g_value_set_boolean (value, self->withdrawn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_version_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MtVersion *self = MT_VERSION (object);

  switch (prop_id)
    {
    case PROP_WITHDRAWN:
      mt_version_set_withdrawn (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_version_class_init (MtVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mt_version_finalize;
  object_class->get_property = mt_version_get_property;
  object_class->set_property = mt_version_set_property;

  properties[PROP_WITHDRAWN] =
    g_param_spec_boolean ("withdrawn", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mt_version_init (MtVersion *self)
{
  delta_init (&self->delta);
}

MtVersion *
_mt_version_new (const char    *id,
                 guint          number,
                 gint64         issued,
                 const MtStamp *stamp,
                 const char    *note,
                 const char    *base_id)
{
  MtVersion *self = g_object_new (MT_TYPE_VERSION, NULL);

  self->id = g_strdup (id);
  self->number = number;
  self->issued = issued;
  self->stamp = *stamp;
  self->withdrawn_stamp = *stamp;
  self->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
  self->base_id = g_strdup (base_id);
  return self;
}

MtVersion *
_mt_version_copy (MtVersion *self)
{
  MtVersion *copy = _mt_version_new (self->id, self->number, self->issued, &self->stamp,
                                     self->note, self->base_id);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->delta.items->len; i++)
    g_ptr_array_add (copy->delta.items, _mt_version_item_copy (g_ptr_array_index (self->delta.items, i)));
  for (guint i = 0; i < self->delta.removed->len; i++)
    g_ptr_array_add (copy->delta.removed, g_strdup (g_ptr_array_index (self->delta.removed, i)));
  g_hash_table_iter_init (&iter, self->delta.places);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->delta.places, g_strdup (key), _mt_version_place_copy (value));
  g_hash_table_iter_init (&iter, self->delta.recipients);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->delta.recipients, g_strdup (key), g_strdup (value));
  for (guint i = 0; i < self->delta.left->len; i++)
    g_ptr_array_add (copy->delta.left, g_strdup (g_ptr_array_index (self->delta.left, i)));
  copy->withdrawn = self->withdrawn;
  copy->withdrawn_stamp = self->withdrawn_stamp;
  if (self->unknown != NULL)
    copy->unknown = json_object_ref (self->unknown);
  return copy;
}

MtVersionDelta *
_mt_version_get_delta (MtVersion *self)
{
  return &self->delta;
}

const char *
_mt_version_get_base_id (MtVersion *self)
{
  return self->base_id;
}

void
_mt_version_set_base (MtVersion *self,
                      MtVersion *base)
{
  g_set_object (&self->base, base);
}

void
_mt_version_set_tour (MtVersion *self,
                      MtTour    *tour)
{
  self->tour = tour;
}

MtTour *
_mt_version_get_tour (MtVersion *self)
{
  return self->tour;
}

const MtStamp *
_mt_version_get_withdrawn_stamp (MtVersion *self)
{
  return &self->withdrawn_stamp;
}

JsonObject *
_mt_version_get_unknown (MtVersion *self)
{
  return self->unknown;
}

void
_mt_version_set_unknown (MtVersion  *self,
                         JsonObject *unknown)
{
  g_clear_pointer (&self->unknown, json_object_unref);
  self->unknown = unknown != NULL ? json_object_ref (unknown) : NULL;
}

const char *
mt_version_get_id (MtVersion *self)
{
  g_return_val_if_fail (MT_IS_VERSION (self), NULL);
  return self->id;
}

guint
mt_version_get_number (MtVersion *self)
{
  g_return_val_if_fail (MT_IS_VERSION (self), 0);
  return self->number;
}

gint64
mt_version_get_issued (MtVersion *self)
{
  g_return_val_if_fail (MT_IS_VERSION (self), 0);
  return self->issued;
}

const MtStamp *
mt_version_get_stamp (MtVersion *self)
{
  g_return_val_if_fail (MT_IS_VERSION (self), NULL);
  return &self->stamp;
}

/**
 * mt_version_get_note:
 *
 * Returns: (nullable): what the organiser wrote when issuing it
 */
const char *
mt_version_get_note (MtVersion *self)
{
  g_return_val_if_fail (MT_IS_VERSION (self), NULL);
  return self->note;
}

MtVersion *
mt_version_get_base (MtVersion *self)
{
  g_return_val_if_fail (MT_IS_VERSION (self), NULL);
  return self->base;
}

gboolean
mt_version_get_withdrawn (MtVersion *self)
{
  g_return_val_if_fail (MT_IS_VERSION (self), FALSE);
  return self->withdrawn;
}

void
_mt_version_put_withdrawn (MtVersion     *self,
                           gboolean       withdrawn,
                           const MtStamp *stamp)
{
  gboolean changed = self->withdrawn != !!withdrawn;

  self->withdrawn = !!withdrawn;
  self->withdrawn_stamp = *stamp;
  if (changed)
    {
      if (self->tour != NULL)
        _mt_tour_version_withdrawn_changed (self->tour, self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITHDRAWN]);
    }
}

void
mt_version_set_withdrawn (MtVersion *self,
                          gboolean   withdrawn)
{
  GValue old = G_VALUE_INIT;
  MtStamp stamp;

  g_return_if_fail (MT_IS_VERSION (self));
  g_return_if_fail (self->tour != NULL);

  if (self->withdrawn == !!withdrawn)
    return;

  stamp = _mt_tour_tick (self->tour);
  g_value_init (&old, G_TYPE_BOOLEAN);
  g_value_set_boolean (&old, self->withdrawn);
  _mt_version_put_withdrawn (self, withdrawn, &stamp);
  _mt_tour_property_changed (self->tour, G_OBJECT (self), properties[PROP_WITHDRAWN], &old);
}

int
mt_version_compare (MtVersion *a,
                    MtVersion *b)
{
  int order;

  g_return_val_if_fail (MT_IS_VERSION (a) && MT_IS_VERSION (b), 0);

  if (a->number != b->number)
    return a->number < b->number ? -1 : 1;
  order = mt_stamp_compare (&a->stamp, &b->stamp);
  if (order != 0)
    return order;
  return strcmp (a->id, b->id);
}

/**
 * mt_version_has_recipient:
 *
 * Returns: whether the version went to the delegate
 */
gboolean
mt_version_has_recipient (MtVersion  *self,
                          const char *delegate_id)
{
  g_return_val_if_fail (MT_IS_VERSION (self), FALSE);
  g_return_val_if_fail (delegate_id != NULL, FALSE);

  for (MtVersion *version = self; version != NULL; version = version->base)
    {
      if (g_hash_table_contains (version->delta.recipients, delegate_id))
        return TRUE;
      for (guint i = 0; i < version->delta.left->len; i++)
        if (strcmp (g_ptr_array_index (version->delta.left, i), delegate_id) == 0)
          return FALSE;
    }
  return FALSE;
}

/* Snapshots */

struct _MtSnapshot
{
  GHashTable *items;       /* id → MtVersionItem */
  GHashTable *places;      /* site id → MtVersionPlace */
  GHashTable *recipients;  /* delegate id → group id, "" for none */
  GPtrArray  *versions;    /* those it borrows from, or NULL */
  gboolean    owning;
};

static MtSnapshot *
snapshot_new (gboolean owning)
{
  MtSnapshot *snapshot = g_new0 (MtSnapshot, 1);

  snapshot->owning = owning;
  if (owning)
    {
      snapshot->items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) mt_version_item_free);
      snapshot->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) mt_version_place_free);
      snapshot->recipients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  else
    {
      snapshot->items = g_hash_table_new (g_str_hash, g_str_equal);
      snapshot->places = g_hash_table_new (g_str_hash, g_str_equal);
      snapshot->recipients = g_hash_table_new (g_str_hash, g_str_equal);
      snapshot->versions = g_ptr_array_new_with_free_func (g_object_unref);
    }
  return snapshot;
}

void
mt_snapshot_free (MtSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_hash_table_unref (snapshot->items);
  g_hash_table_unref (snapshot->places);
  g_hash_table_unref (snapshot->recipients);
  g_clear_pointer (&snapshot->versions, g_ptr_array_unref);
  g_free (snapshot);
}

MtSnapshot *
_mt_snapshot_new_owning (void)
{
  return snapshot_new (TRUE);
}

void
_mt_snapshot_take_item (MtSnapshot    *snapshot,
                        MtVersionItem *item)
{
  g_assert (snapshot->owning);
  g_hash_table_replace (snapshot->items, item->id, item);
}

void
_mt_snapshot_take_place (MtSnapshot     *snapshot,
                         const char     *site_id,
                         MtVersionPlace *place)
{
  g_assert (snapshot->owning);
  g_hash_table_replace (snapshot->places, g_strdup (site_id), place);
}

void
_mt_snapshot_add_recipient (MtSnapshot *snapshot,
                            const char *delegate_id,
                            const char *group_id)
{
  g_assert (snapshot->owning);
  g_hash_table_replace (snapshot->recipients, g_strdup (delegate_id), g_strdup (group_id ? group_id : ""));
}

GHashTable *
_mt_snapshot_get_places (MtSnapshot *snapshot)
{
  return snapshot->places;
}

GHashTable *
_mt_snapshot_get_recipients (MtSnapshot *snapshot)
{
  return snapshot->recipients;
}

/**
 * mt_version_dup_snapshot:
 *
 * Resolves what the version holds over its bases: the newest row of each
 * item, site and recipient along the chain wins, and what a version
 * removed stays removed for the versions after it.
 *
 * Returns: (transfer full): what the version was, whole
 */
MtSnapshot *
mt_version_dup_snapshot (MtVersion *self)
{
  MtSnapshot *snapshot;
  g_autoptr(GHashTable) gone = NULL;
  g_autoptr(GHashTable) left = NULL;

  g_return_val_if_fail (MT_IS_VERSION (self), NULL);

  snapshot = snapshot_new (FALSE);
  gone = g_hash_table_new (g_str_hash, g_str_equal);
  left = g_hash_table_new (g_str_hash, g_str_equal);

  for (MtVersion *version = self; version != NULL; version = version->base)
    {
      MtVersionDelta *delta = &version->delta;
      GHashTableIter iter;
      gpointer key, value;

      g_ptr_array_add (snapshot->versions, g_object_ref (version));
      for (guint i = 0; i < delta->items->len; i++)
        {
          MtVersionItem *item = g_ptr_array_index (delta->items, i);

          if (!g_hash_table_contains (snapshot->items, item->id) && !g_hash_table_contains (gone, item->id))
            g_hash_table_insert (snapshot->items, item->id, item);
        }
      for (guint i = 0; i < delta->removed->len; i++)
        {
          char *id = g_ptr_array_index (delta->removed, i);

          if (!g_hash_table_contains (snapshot->items, id))
            g_hash_table_add (gone, id);
        }

      g_hash_table_iter_init (&iter, delta->places);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (snapshot->places, key))
          g_hash_table_insert (snapshot->places, key, value);

      g_hash_table_iter_init (&iter, delta->recipients);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (snapshot->recipients, key) && !g_hash_table_contains (left, key))
          g_hash_table_insert (snapshot->recipients, key, value);
      for (guint i = 0; i < delta->left->len; i++)
        {
          char *id = g_ptr_array_index (delta->left, i);

          if (!g_hash_table_contains (snapshot->recipients, id))
            g_hash_table_add (left, id);
        }
    }
  return snapshot;
}

const MtVersionItem *
mt_snapshot_lookup_item (MtSnapshot *snapshot,
                         const char *id)
{
  g_return_val_if_fail (snapshot != NULL, NULL);
  return id != NULL ? g_hash_table_lookup (snapshot->items, id) : NULL;
}

const MtVersionPlace *
mt_snapshot_lookup_place (MtSnapshot *snapshot,
                          const char *site_id)
{
  g_return_val_if_fail (snapshot != NULL, NULL);
  return site_id != NULL ? g_hash_table_lookup (snapshot->places, site_id) : NULL;
}

gboolean
mt_snapshot_lookup_recipient (MtSnapshot  *snapshot,
                              const char  *delegate_id,
                              const char **group_id)
{
  const char *group;

  g_return_val_if_fail (snapshot != NULL, FALSE);

  group = g_hash_table_lookup (snapshot->recipients, delegate_id);
  if (group_id != NULL)
    *group_id = group != NULL && group[0] != '\0' ? group : NULL;
  return group != NULL;
}

GPtrArray *
mt_snapshot_dup_items (MtSnapshot *snapshot)
{
  GPtrArray *items;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (snapshot != NULL, NULL);

  items = g_ptr_array_sized_new (g_hash_table_size (snapshot->items));
  g_hash_table_iter_init (&iter, snapshot->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (items, value);
  return items;
}

guint
mt_snapshot_get_n_recipients (MtSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);
  return g_hash_table_size (snapshot->recipients);
}
