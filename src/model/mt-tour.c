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
  _mt_tour_dispose_versions (self);

  G_OBJECT_CLASS (mt_tour_parent_class)->dispose (object);
}

static void
mt_tour_finalize (GObject *object)
{
  MtTour *self = MT_TOUR (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organiser, g_free);
  g_clear_pointer (&self->organiser_contact, g_free);
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
    case MT_TOUR_PROP_ORGANISER_CONTACT:
      g_value_set_string (value, self->organiser_contact);
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
    case MT_TOUR_PROP_ORGANISER_CONTACT:
      mt_tour_set_organiser_contact (self, g_value_get_string (value));
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
  properties[MT_TOUR_PROP_ORGANISER_CONTACT] =
    g_param_spec_string ("organiser-contact", NULL, NULL, NULL, flags);
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
  _mt_tour_init_versions (self);
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
mt_tour_get_organiser_contact (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return self->organiser_contact;
}

void
mt_tour_set_organiser_contact (MtTour     *self,
                               const char *contact)
{
  g_return_if_fail (MT_IS_TOUR (self));
  set_tour_string (self, &self->organiser_contact, contact, MT_TOUR_PROP_ORGANISER_CONTACT);
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
