/* mt-tour.c: a media tour, the root of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-tour"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-tour-file.h"
#include "mt-tour-private.h"
#include "mt-validate.h"
#include "mt-wall-time.h"

G_DEFINE_FINAL_TYPE (MtTour, mt_tour, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[MT_TOUR_N_PROPS];
static guint signals[N_SIGNALS];

static void
mt_tour_dispose (GObject *object)
{
  MtTour *self = MT_TOUR (object);

  g_clear_object (&self->history);

  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = G_LIST_MODEL (self->stores[kind]);

      if (model == NULL)
        continue;
      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);

          _mt_entity_set_tour (entity, NULL);
        }
      g_clear_object (&self->stores[kind]);
    }
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->tombstones, g_hash_table_unref);

  G_OBJECT_CLASS (mt_tour_parent_class)->dispose (object);
}

static void
mt_tour_finalize (GObject *object)
{
  MtTour *self = MT_TOUR (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organiser, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->feed_key, g_free);
  g_clear_pointer (&self->revision, g_free);
  g_clear_pointer (&self->replica_names, g_hash_table_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->unknown, json_object_unref);

  G_OBJECT_CLASS (mt_tour_parent_class)->finalize (object);
}

static void
mt_tour_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  MtTour *self = MT_TOUR (object);

  switch (prop_id)
    {
    case MT_TOUR_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case MT_TOUR_PROP_ORGANISER:
      g_value_set_string (value, self->organiser);
      break;
    case MT_TOUR_PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;
    case MT_TOUR_PROP_FIRST_DAY:
      g_value_set_int64 (value, self->first_day);
      break;
    case MT_TOUR_PROP_N_DAYS:
      g_value_set_uint (value, self->n_days);
      break;
    case MT_TOUR_PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case MT_TOUR_PROP_FEED_KEY:
      g_value_set_string (value, self->feed_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_tour_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  MtTour *self = MT_TOUR (object);

  switch (prop_id)
    {
    case MT_TOUR_PROP_TITLE:
      mt_tour_set_title (self, g_value_get_string (value));
      break;
    case MT_TOUR_PROP_ORGANISER:
      mt_tour_set_organiser (self, g_value_get_string (value));
      break;
    case MT_TOUR_PROP_TIME_ZONE:
      {
        g_autoptr(GError) error = NULL;

        if (!mt_tour_set_time_zone (self, g_value_get_string (value), &error))
          g_warning ("%s", error->message);
      }
      break;
    case MT_TOUR_PROP_FIRST_DAY:
      mt_tour_set_first_day (self, g_value_get_int64 (value));
      break;
    case MT_TOUR_PROP_N_DAYS:
      mt_tour_set_n_days (self, g_value_get_uint (value));
      break;
    case MT_TOUR_PROP_DESCRIPTION:
      mt_tour_set_description (self, g_value_get_string (value));
      break;
    case MT_TOUR_PROP_FEED_KEY:
      mt_tour_set_feed_key (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_tour_class_init (MtTourClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = mt_tour_dispose;
  object_class->finalize = mt_tour_finalize;
  object_class->get_property = mt_tour_get_property;
  object_class->set_property = mt_tour_set_property;

  properties[MT_TOUR_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[MT_TOUR_PROP_ORGANISER] =
    g_param_spec_string ("organiser", NULL, NULL, NULL, flags);
  properties[MT_TOUR_PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, MT_DEFAULT_TIME_ZONE, flags);
  properties[MT_TOUR_PROP_FIRST_DAY] =
    g_param_spec_int64 ("first-day", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[MT_TOUR_PROP_N_DAYS] =
    g_param_spec_uint ("n-days", NULL, NULL, 1, 366, MT_DEFAULT_N_DAYS, flags);
  properties[MT_TOUR_PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[MT_TOUR_PROP_FEED_KEY] =
    g_param_spec_string ("feed-key", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, MT_TOUR_N_PROPS, properties);

  /**
   * MtTour::changed:
   * @entity: (nullable): the entity that changed, was added or removed;
   *   %NULL for the tour's own properties
   *
   * Emitted after every change of the tour, its entities or their set.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MT_TYPE_ENTITY);
}

static void
mt_tour_init (MtTour *self)
{
  GDateTime *now;

  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    self->stores[kind] = g_list_store_new (mt_entity_kind_get_gtype (kind));
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->tombstones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->replica_names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->replica = _mt_replica_get_default ();
  /* a new tour's own stamps (a file's replace them) */
  self->created = _mt_tour_tick (self);
  for (guint p = 1; p < MT_TOUR_N_PROPS; p++)
    self->stamps[p] = self->created;
  self->history = _mt_history_new (self);
  self->time_zone = g_strdup (MT_DEFAULT_TIME_ZONE);
  self->zone = g_time_zone_new_identifier (MT_DEFAULT_TIME_ZONE);
  if (self->zone == NULL)
    self->zone = g_time_zone_new_utc ();
  self->n_days = MT_DEFAULT_N_DAYS;

  now = g_date_time_new_now (self->zone);
  self->first_day = mt_wall_time_day_start (mt_wall_time_from_date_time (now));
  g_date_time_unref (now);
}

/**
 * mt_tour_new:
 *
 * Returns: (transfer full): a new empty tour, starting today in
 *   Asia/Shanghai, for seven days
 */
MtTour *
mt_tour_new (void)
{
  return g_object_new (MT_TYPE_TOUR, NULL);
}

static void
emit_changed (MtTour   *self,
              MtEntity *entity)
{
  g_signal_emit (self, signals[CHANGED], 0, entity);
}

void
_mt_tour_property_changed (MtTour       *self,
                           GObject      *object,
                           GParamSpec   *pspec,
                           const GValue *old_value)
{
  if (object == G_OBJECT (self))
    self->stamps[pspec->param_id] = _mt_tour_tick (self);
  if (old_value != NULL)
    _mt_history_record_property (self->history, object, pspec, old_value);
  emit_changed (self, MT_IS_ENTITY (object) ? MT_ENTITY (object) : NULL);
}

static void
set_tour_string (MtTour     *self,
                 char      **slot,
                 const char *value,
                 guint       prop_id)
{
  GValue old = G_VALUE_INIT;

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_value_init (&old, G_TYPE_STRING);
  g_value_take_string (&old, g_steal_pointer (slot));
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _mt_tour_property_changed (self, G_OBJECT (self), properties[prop_id], &old);
  g_value_unset (&old);
}

const char *
mt_tour_get_title (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return self->title;
}

void
mt_tour_set_title (MtTour     *self,
                   const char *title)
{
  g_return_if_fail (MT_IS_TOUR (self));
  set_tour_string (self, &self->title, title, MT_TOUR_PROP_TITLE);
}

const char *
mt_tour_get_organiser (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return self->organiser;
}

void
mt_tour_set_organiser (MtTour     *self,
                       const char *organiser)
{
  g_return_if_fail (MT_IS_TOUR (self));
  set_tour_string (self, &self->organiser, organiser, MT_TOUR_PROP_ORGANISER);
}

const char *
mt_tour_get_description (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return self->description;
}

void
mt_tour_set_description (MtTour     *self,
                         const char *description)
{
  g_return_if_fail (MT_IS_TOUR (self));
  set_tour_string (self, &self->description, description, MT_TOUR_PROP_DESCRIPTION);
}

/**
 * mt_tour_get_feed_key:
 *
 * Returns: (nullable): the random key from which the names of the tour's
 *   published calendar feeds are made, shared by every copy
 */
const char *
mt_tour_get_feed_key (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return self->feed_key;
}

void
mt_tour_set_feed_key (MtTour     *self,
                      const char *feed_key)
{
  g_return_if_fail (MT_IS_TOUR (self));
  set_tour_string (self, &self->feed_key, feed_key, MT_TOUR_PROP_FEED_KEY);
}

const char *
mt_tour_get_time_zone (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return self->time_zone;
}

/**
 * mt_tour_get_zone:
 *
 * Returns: (transfer none): the tour's time zone
 */
GTimeZone *
mt_tour_get_zone (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return self->zone;
}

/**
 * mt_tour_set_time_zone:
 * @time_zone: an IANA zone name
 *
 * Returns: %FALSE, with @error set and nothing changed, where the system
 *   knows no zone of that name
 */
gboolean
mt_tour_set_time_zone (MtTour      *self,
                       const char  *time_zone,
                       GError     **error)
{
  GTimeZone *zone;

  g_return_val_if_fail (MT_IS_TOUR (self), FALSE);

  /* the id becomes a path inside GLib: checked before GLib sees it */
  if (!mt_validate_time_zone (time_zone, _("Time zone"), error))
    return FALSE;
  if ((zone = g_time_zone_new_identifier (time_zone)) == NULL)
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                   _("“%s” is not a time zone this system knows"), time_zone);
      return FALSE;
    }

  g_time_zone_unref (self->zone);
  self->zone = zone;
  set_tour_string (self, &self->time_zone, time_zone, MT_TOUR_PROP_TIME_ZONE);
  return TRUE;
}

gint64
mt_tour_get_first_day (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), 0);
  return self->first_day;
}

void
mt_tour_set_first_day (MtTour *self,
                       gint64  first_day)
{
  GValue old = G_VALUE_INIT;

  g_return_if_fail (MT_IS_TOUR (self));
  g_return_if_fail (mt_validate_wall_time (first_day, "first-day", NULL));

  first_day = mt_wall_time_day_start (first_day);
  if (self->first_day == first_day)
    return;

  g_value_init (&old, G_TYPE_INT64);
  g_value_set_int64 (&old, self->first_day);
  self->first_day = first_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[MT_TOUR_PROP_FIRST_DAY]);
  _mt_tour_property_changed (self, G_OBJECT (self), properties[MT_TOUR_PROP_FIRST_DAY], &old);
}

guint
mt_tour_get_n_days (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), 0);
  return self->n_days;
}

void
mt_tour_set_n_days (MtTour *self,
                    guint   n_days)
{
  GValue old = G_VALUE_INIT;

  g_return_if_fail (MT_IS_TOUR (self));
  g_return_if_fail (n_days >= 1 && n_days <= MT_TOUR_MAX_DAYS);

  if (self->n_days == n_days)
    return;

  g_value_init (&old, G_TYPE_UINT);
  g_value_set_uint (&old, self->n_days);
  self->n_days = n_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[MT_TOUR_PROP_N_DAYS]);
  _mt_tour_property_changed (self, G_OBJECT (self), properties[MT_TOUR_PROP_N_DAYS], &old);
}

int
mt_tour_get_day_index (MtTour *self,
                       gint64  wall_time)
{
  gint64 delta;

  g_return_val_if_fail (MT_IS_TOUR (self), -1);

  delta = wall_time - self->first_day;
  return (int) (delta >= 0 ? delta / MT_SECONDS_PER_DAY
                           : -((-delta + MT_SECONDS_PER_DAY - 1) / MT_SECONDS_PER_DAY));
}

gint64
mt_tour_get_day_start (MtTour *self,
                       int     day_index)
{
  g_return_val_if_fail (MT_IS_TOUR (self), 0);
  return self->first_day + day_index * MT_SECONDS_PER_DAY;
}

/**
 * mt_tour_get_entities:
 *
 * Returns: (transfer none): the entities of @kind, in the order of the file
 */
GListModel *
mt_tour_get_entities (MtTour       *self,
                      MtEntityKind  kind)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  g_return_val_if_fail (kind < MT_N_ENTITY_KINDS, NULL);
  return G_LIST_MODEL (self->stores[kind]);
}

GListModel *mt_tour_get_cities (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_CITY); }
GListModel *mt_tour_get_sites (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_SITE); }
GListModel *mt_tour_get_groups (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_GROUP); }
GListModel *mt_tour_get_delegates (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_DELEGATE); }
GListModel *mt_tour_get_visits (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_VISIT); }
GListModel *mt_tour_get_interviews (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_INTERVIEW); }

guint
mt_tour_count (MtTour       *self,
               MtEntityKind  kind)
{
  return g_list_model_get_n_items (mt_tour_get_entities (self, kind));
}

/**
 * mt_tour_lookup:
 * @id: (nullable): an id
 *
 * Returns: (transfer none) (nullable): the entity with @id
 */
MtEntity *
mt_tour_lookup (MtTour     *self,
                const char *id)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->index, id);
}

/**
 * mt_tour_lookup_kind:
 *
 * Returns: (transfer none) (nullable): the entity with @id where it is of
 *   @kind
 */
gpointer
mt_tour_lookup_kind (MtTour       *self,
                     MtEntityKind  kind,
                     const char   *id)
{
  MtEntity *entity = mt_tour_lookup (self, id);

  if (entity == NULL || mt_entity_get_kind (entity) != kind)
    return NULL;
  return entity;
}

static MtStamp
tick_tour (gpointer data)
{
  return _mt_tour_tick (data);
}

/* Where @entity goes in its kind's list: the lists are in the order of the
 * entities' created stamps, then ids, the same on every copy. */
static guint
sorted_position (GListStore *store,
                 MtEntity   *entity)
{
  guint low = 0, high = g_list_model_get_n_items (G_LIST_MODEL (store));

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(MtEntity) other = g_list_model_get_item (G_LIST_MODEL (store), middle);

      if (_mt_entity_compare_created (other, entity) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Adds @entity, new or brought back from the deleted: its place in the list
 * follows from its created stamp (@position is where it was, which undo
 * passes, and no longer decides). */
void
_mt_tour_insert (MtTour   *self,
                 MtEntity *entity,
                 guint     position)
{
  MtEntityPrivate *priv = _mt_entity_get_private (entity);
  GListStore *store = self->stores[mt_entity_get_kind (entity)];

  g_assert (mt_entity_get_tour (entity) == NULL);
  g_assert (!g_hash_table_contains (self->index, mt_entity_get_id (entity)));

  if (!mt_stamp_is_set (&priv->created))
    _mt_entity_stamp_new (entity, tick_tour, self);
  else if (_mt_entity_is_dead (entity))
    {
      MtStamp stamp = _mt_tour_tick (self);

      /* undeleted (an undo): a new stamp, so the undelete wins */
      _mt_entity_set_deleted (entity, &stamp, NULL);
    }
  g_hash_table_remove (self->tombstones, priv->id);

  position = sorted_position (store, entity);
  _mt_entity_set_tour (entity, self);
  g_hash_table_insert (self->index, (gpointer) mt_entity_get_id (entity), entity);
  g_list_store_insert (store, position, entity);
  _mt_history_record_add (self->history, entity, position);
  emit_changed (self, entity);
}

/**
 * mt_tour_add:
 *
 * Adds @entity at the end of its kind's list, as one undoable step (or part
 * of the open one).
 *
 * Returns: %FALSE, with @error set, where the tour has an entity with the
 *   same id already
 */
gboolean
mt_tour_add (MtTour    *self,
             MtEntity  *entity,
             GError   **error)
{
  g_return_val_if_fail (MT_IS_TOUR (self), FALSE);
  g_return_val_if_fail (MT_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (mt_entity_get_tour (entity) == NULL, FALSE);

  if (g_hash_table_contains (self->index, mt_entity_get_id (entity)))
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_DUPLICATE_ID,
                   _("The tour has an item with the id “%s” already"),
                   mt_entity_get_id (entity));
      return FALSE;
    }

  _mt_tour_insert (self, entity, G_MAXUINT);
  return TRUE;
}

/**
 * mt_tour_remove:
 *
 * Removes @entity, as one undoable step (or part of the open one). References
 * to it from other entities stay, and dangle, until they are changed. The
 * entity is kept among the deleted, with the stamp of its delete, so that
 * the delete reaches the other copies of the tour.
 */
void
mt_tour_remove (MtTour   *self,
                MtEntity *entity)
{
  MtStamp stamp;

  g_return_if_fail (MT_IS_TOUR (self));
  g_return_if_fail (MT_IS_ENTITY (entity));
  g_return_if_fail (mt_entity_get_tour (entity) == self);

  stamp = _mt_tour_tick (self);
  _mt_entity_mark_deleted (entity, &stamp);
  _mt_tour_unlink (self, entity);
}

void
_mt_tour_unlink (MtTour   *self,
                 MtEntity *entity)
{
  g_autoptr(MtEntity) hold G_GNUC_UNUSED = g_object_ref (entity); /* alive until unlinked */
  GListStore *store = self->stores[mt_entity_get_kind (entity)];
  guint position;

  if (!g_list_store_find (store, entity, &position))
    g_return_if_reached ();

  g_hash_table_remove (self->index, mt_entity_get_id (entity));
  g_list_store_remove (store, position);
  _mt_entity_set_tour (entity, NULL);
  g_hash_table_insert (self->tombstones, (gpointer) mt_entity_get_id (entity), g_object_ref (entity));
  _mt_history_record_remove (self->history, entity, position);
  emit_changed (self, entity);
}

static int
compare_created_indirect (gconstpointer a,
                          gconstpointer b)
{
  return _mt_entity_compare_created (*(MtEntity **) a, *(MtEntity **) b);
}

static int
compare_created (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return _mt_entity_compare_created ((MtEntity *) a, (MtEntity *) b);
}

void
_mt_tour_sort_lists (MtTour *self)
{
  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = G_LIST_MODEL (self->stores[kind]);
      guint n = g_list_model_get_n_items (model);
      g_autoptr(MtEntity) previous = n > 0 ? g_list_model_get_item (model, 0) : NULL;

      for (guint i = 1; i < n; i++)
        {
          g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);

          if (_mt_entity_compare_created (previous, entity) > 0)
            {
              g_list_store_sort (self->stores[kind], compare_created, NULL);
              break;
            }
          g_set_object (&previous, entity);
        }
    }
}

gboolean
_mt_tour_take_loaded (MtTour        *self,
                      MtEntityKind   kind,
                      GPtrArray     *entities,
                      const char   **duplicate_id)
{
  GListStore *store = self->stores[kind];
  g_autoptr(GPtrArray) alive = g_ptr_array_sized_new (entities->len);

  for (guint i = 0; i < entities->len; i++)
    {
      MtEntity *entity = g_ptr_array_index (entities, i);
      const char *id = mt_entity_get_id (entity);

      _mt_entity_observe_stamps (entity, &self->clock);
      if (g_hash_table_contains (self->index, id) || g_hash_table_contains (self->tombstones, id))
        {
          /* roll back this kind's ids so the tour stays consistent */
          for (guint j = 0; j < i; j++)
            {
              MtEntity *added = g_ptr_array_index (entities, j);

              if (g_hash_table_lookup (self->index, mt_entity_get_id (added)) == added)
                g_hash_table_remove (self->index, mt_entity_get_id (added));
              g_hash_table_remove (self->tombstones, mt_entity_get_id (added));
            }
          *duplicate_id = id;
          return FALSE;
        }
      if (_mt_entity_is_dead (entity))
        {
          g_hash_table_insert (self->tombstones, (gpointer) id, g_object_ref (entity));
          continue;
        }
      g_hash_table_insert (self->index, (gpointer) id, entity);
      _mt_entity_set_tour (entity, self);
      g_ptr_array_add (alive, entity);
    }

  /* the file's order, unless someone wrote it out of order */
  for (guint i = 1; i < alive->len; i++)
    if (_mt_entity_compare_created (g_ptr_array_index (alive, i - 1), g_ptr_array_index (alive, i)) > 0)
      {
        g_ptr_array_sort (alive, compare_created_indirect);
        break;
      }

  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       alive->pdata, alive->len);
  return TRUE;
}

/**
 * mt_tour_dup_interviews_of_visit:
 *
 * Returns: (transfer container) (element-type MtInterview): the interviews
 *   that belong to the visit
 */
GPtrArray *
mt_tour_dup_interviews_of_visit (MtTour     *self,
                                 const char *visit_id)
{
  GListModel *interviews;
  GPtrArray *result;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  interviews = mt_tour_get_interviews (self);
  for (guint i = 0, n = g_list_model_get_n_items (interviews); i < n; i++)
    {
      g_autoptr(MtInterview) interview = g_list_model_get_item (interviews, i);

      if (g_strcmp0 (mt_interview_get_visit (interview), visit_id) == 0)
        g_ptr_array_add (result, g_steal_pointer (&interview));
    }
  return result;
}

static gint64
shift (gint64 time,
       gint64 delta)
{
  return time == MT_TIME_UNSET ? time : time + delta;
}

/**
 * mt_tour_move_visit:
 *
 * Moves @visit to start at @new_start, keeping its length, and its
 * interviews with it: one undoable step.
 */
void
mt_tour_move_visit (MtTour  *self,
                    MtVisit *visit,
                    gint64   new_start)
{
  g_autoptr(GPtrArray) interviews = NULL;
  g_autofree char *label = NULL;
  gint64 delta;

  g_return_if_fail (MT_IS_TOUR (self));
  g_return_if_fail (MT_IS_VISIT (visit));

  delta = new_start - mt_visit_get_start (visit);
  if (delta == 0)
    return;

  /* Translators: an undoable step, “%s” is a visit's title */
  label = g_strdup_printf (_("Move “%s”"), mt_visit_get_title (visit) ? mt_visit_get_title (visit) : _("Untitled visit"));
  mt_history_begin (self->history, label);

  mt_visit_set_start (visit, new_start);
  mt_visit_set_end (visit, shift (mt_visit_get_end (visit), delta));

  interviews = mt_tour_dup_interviews_of_visit (self, mt_entity_get_id (MT_ENTITY (visit)));
  for (guint i = 0; i < interviews->len; i++)
    {
      MtInterview *interview = g_ptr_array_index (interviews, i);

      mt_interview_set_start (interview, shift (mt_interview_get_start (interview), delta));
      mt_interview_set_end (interview, shift (mt_interview_get_end (interview), delta));
    }

  mt_history_end (self->history);
}

/**
 * mt_tour_get_history:
 *
 * Returns: (transfer none): the undo and redo history
 */
MtHistory *
mt_tour_get_history (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return self->history;
}

JsonObject *
_mt_tour_get_unknown (MtTour *self)
{
  return self->unknown;
}

void
_mt_tour_set_unknown (MtTour     *self,
                      JsonObject *unknown)
{
  g_clear_pointer (&self->unknown, json_object_unref);
  self->unknown = unknown ? json_object_ref (unknown) : NULL;
}
