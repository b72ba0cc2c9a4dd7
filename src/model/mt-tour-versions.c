/* mt-tour-versions.c: the versions of the plan a tour has issued
 *
 * Issuing takes a snapshot of the plan (every visit and interview with a
 * time, the sites they name, each delegate's group) and keeps what differs
 * from the newest version before it. The number of a new version is one
 * more than the greatest the issuing copy knows, so it never changes once
 * given; two organisers who issue at the same time, offline, give the same
 * number to two versions, which both copies keep after they merge (the
 * versions are a set, by id) and which the labels tell apart by who issued
 * each: "Version 3 (Lin)", "Version 3 (Wei)".
 *
 * Which version a delegate last received is not stored apart: it is the
 * greatest version, not withdrawn, that went to them, so it merges with the
 * versions themselves, the greater one winning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-tour"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mt-i18n.h"
#include "mt-merge.h"
#include "mt-tour-file.h"
#include "mt-tour-private.h"
#include "mt-version-private.h"
#include "mt-wall-time.h"

void
_mt_tour_init_versions (MtTour *self)
{
  self->versions = g_list_store_new (MT_TYPE_VERSION);
  self->version_index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

void
_mt_tour_dispose_versions (MtTour *self)
{
  if (self->version_index != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->version_index);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        _mt_version_set_tour (value, NULL);
    }
  g_clear_object (&self->versions);
  g_clear_pointer (&self->version_index, g_hash_table_unref);
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return mt_version_compare ((MtVersion *) a, (MtVersion *) b);
}

static int
compare_versions_indirect (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  return mt_version_compare (*(MtVersion **) a, *(MtVersion **) b);
}

/* every version, withdrawn too, in their order */
static GPtrArray *
dup_all_versions (MtTour *self)
{
  GPtrArray *all = g_ptr_array_sized_new (g_hash_table_size (self->version_index));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->version_index);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (all, value);
  g_ptr_array_sort_with_data (all, compare_versions_indirect, NULL);
  return all;
}

static void
show_version (MtTour    *self,
              MtVersion *version)
{
  g_list_store_insert_sorted (self->versions, version, compare_versions, NULL);
}

static void
hide_version (MtTour    *self,
              MtVersion *version)
{
  guint position;

  if (g_list_store_find (self->versions, version, &position))
    g_list_store_remove (self->versions, position);
}

void
_mt_tour_version_withdrawn_changed (MtTour    *self,
                                    MtVersion *version)
{
  if (mt_version_get_withdrawn (version))
    hide_version (self, version);
  else
    show_version (self, version);
}

/* Adds a version read or merged in; its base is linked by the caller */
static void
insert_version (MtTour    *self,
                MtVersion *version)
{
  _mt_version_set_tour (version, self);
  g_hash_table_insert (self->version_index, (gpointer) mt_version_get_id (version), g_object_ref (version));
  mt_clock_observe (&self->clock, mt_version_get_stamp (version)->hlc);
  mt_clock_observe (&self->clock, _mt_version_get_withdrawn_stamp (version)->hlc);
  if (!mt_version_get_withdrawn (version))
    show_version (self, version);
}

/**
 * mt_tour_get_versions:
 *
 * Returns: (transfer none): the versions issued and not withdrawn, as
 *   MtVersions from the first to the newest
 */
GListModel *
mt_tour_get_versions (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return G_LIST_MODEL (self->versions);
}

/**
 * mt_tour_lookup_version:
 *
 * Returns: (transfer none) (nullable): the version with @id, withdrawn or
 *   not
 */
MtVersion *
mt_tour_lookup_version (MtTour     *self,
                        const char *id)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->version_index, id) : NULL;
}

/**
 * mt_tour_get_latest_version:
 *
 * Returns: (transfer none) (nullable): the newest version not withdrawn
 */
MtVersion *
mt_tour_get_latest_version (MtTour *self)
{
  guint n;
  g_autoptr(MtVersion) version = NULL;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));
  if (n == 0)
    return NULL;
  version = g_list_model_get_item (G_LIST_MODEL (self->versions), n - 1);
  return version;  /* the tour keeps it */
}

static MtVersionItem *
item_of_visit (MtVisit *visit)
{
  MtVersionItem *item = g_new0 (MtVersionItem, 1);

  item->id = g_strdup (mt_entity_get_id (MT_ENTITY (visit)));
  item->title = g_strdup (mt_visit_get_title (visit));
  item->kind = mt_visit_get_visit_kind (visit);
  item->status = mt_visit_get_status (visit);
  item->start = mt_visit_get_start (visit);
  item->end = mt_visit_get_end (visit);
  item->site = g_strdup (mt_visit_get_site (visit));
  item->where = g_strdup (mt_visit_get_meeting_point (visit));
  item->audience = g_strdupv ((char **) mt_visit_get_groups (visit));
  return item;
}

static MtVersionItem *
item_of_interview (MtInterview *interview)
{
  MtVersionItem *item = g_new0 (MtVersionItem, 1);

  item->id = g_strdup (mt_entity_get_id (MT_ENTITY (interview)));
  item->interview = TRUE;
  item->title = g_strdup (mt_interview_get_interviewee (interview));
  item->status = mt_interview_get_status (interview);
  item->start = mt_interview_get_start (interview);
  item->end = mt_interview_get_end (interview);
  item->visit = g_strdup (mt_interview_get_visit (interview));
  item->where = g_strdup (mt_interview_get_location (interview));
  item->audience = g_strdupv ((char **) mt_interview_get_delegates (interview));
  return item;
}

/**
 * mt_tour_dup_snapshot:
 *
 * Returns: (transfer full): the plan as it is now, as a version would hold
 *   it: every visit and interview with a time, the sites the visits name
 *   and each delegate's group
 */
MtSnapshot *
mt_tour_dup_snapshot (MtTour *self)
{
  MtSnapshot *snapshot;
  GListModel *model;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  snapshot = _mt_snapshot_new_owning ();
  model = mt_tour_get_visits (self);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (model, i);
      const char *site_id = mt_visit_get_site (visit);
      MtSite *site;

      if (mt_visit_get_start (visit) == MT_TIME_UNSET)
        continue;
      _mt_snapshot_take_item (snapshot, item_of_visit (visit));
      site = mt_tour_lookup_kind (self, MT_ENTITY_SITE, site_id);
      if (site != NULL && mt_snapshot_lookup_place (snapshot, site_id) == NULL)
        {
          MtVersionPlace *place = g_new0 (MtVersionPlace, 1);

          place->name = g_strdup (mt_site_get_name (site));
          place->local_name = g_strdup (mt_site_get_local_name (site));
          place->address = g_strdup (mt_site_get_address (site));
          _mt_snapshot_take_place (snapshot, site_id, place);
        }
    }
  model = mt_tour_get_interviews (self);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(MtInterview) interview = g_list_model_get_item (model, i);

      if (mt_interview_get_start (interview) != MT_TIME_UNSET)
        _mt_snapshot_take_item (snapshot, item_of_interview (interview));
    }
  model = mt_tour_get_delegates (self);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (model, i);

      _mt_snapshot_add_recipient (snapshot, mt_entity_get_id (MT_ENTITY (delegate)),
                                  mt_delegate_get_group (delegate));
    }
  return snapshot;
}

static int
compare_item_ids (gconstpointer a,
                  gconstpointer b)
{
  return strcmp ((*(MtVersionItem **) a)->id, (*(MtVersionItem **) b)->id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Fills @delta with what @now has that @before (NULL: nothing) has not,
 * in the order of ids, so that every copy writes the same file. */
static void
fill_delta (MtVersionDelta *delta,
            MtSnapshot     *now,
            MtSnapshot     *before)
{
  g_autoptr(GPtrArray) items = mt_snapshot_dup_items (now);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < items->len; i++)
    {
      const MtVersionItem *item = g_ptr_array_index (items, i);
      const MtVersionItem *old = before != NULL ? mt_snapshot_lookup_item (before, item->id) : NULL;

      if (old == NULL || !mt_version_item_equal (old, item))
        g_ptr_array_add (delta->items, _mt_version_item_copy (item));
    }
  g_ptr_array_sort (delta->items, compare_item_ids);

  g_hash_table_iter_init (&iter, _mt_snapshot_get_places (now));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const MtVersionPlace *old = before != NULL ? mt_snapshot_lookup_place (before, key) : NULL;

      if (old == NULL || !mt_version_place_equal (old, value))
        g_hash_table_insert (delta->places, g_strdup (key), _mt_version_place_copy (value));
    }

  g_hash_table_iter_init (&iter, _mt_snapshot_get_recipients (now));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *old = before != NULL ? g_hash_table_lookup (_mt_snapshot_get_recipients (before), key) : NULL;

      if (old == NULL || strcmp (old, value) != 0)
        g_hash_table_insert (delta->recipients, g_strdup (key), g_strdup (value));
    }

  if (before == NULL)
    return;

  g_clear_pointer (&items, g_ptr_array_unref);
  items = mt_snapshot_dup_items (before);
  for (guint i = 0; i < items->len; i++)
    {
      const MtVersionItem *item = g_ptr_array_index (items, i);

      if (mt_snapshot_lookup_item (now, item->id) == NULL)
        g_ptr_array_add (delta->removed, g_strdup (item->id));
    }
  g_ptr_array_sort (delta->removed, compare_strings);

  g_hash_table_iter_init (&iter, _mt_snapshot_get_recipients (before));
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!mt_snapshot_lookup_recipient (now, key, NULL))
      g_ptr_array_add (delta->left, g_strdup (key));
  g_ptr_array_sort (delta->left, compare_strings);
}

static GParamSpec *
withdrawn_pspec (MtVersion *version)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (version), "withdrawn");
}

/**
 * mt_tour_issue_version:
 * @note: (nullable): what the organiser says of it, "Day 3 moved"
 *
 * Marks the plan as it is now as issued, sent to every delegate: one
 * undoable step (undo withdraws it).
 *
 * Returns: (transfer none): the new version
 */
MtVersion *
mt_tour_issue_version (MtTour     *self,
                       const char *note)
{
  MtVersion *base;
  g_autoptr(MtSnapshot) now = NULL;
  g_autoptr(MtSnapshot) before = NULL;
  g_autoptr(MtVersion) version = NULL;
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;
  GValue old = G_VALUE_INIT;
  MtStamp stamp, unset = MT_STAMP_INIT;
  guint number;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  base = mt_tour_get_latest_version (self);
  number = base != NULL ? mt_version_get_number (base) + 1 : 1;
  now = mt_tour_dup_snapshot (self);
  if (base != NULL)
    before = mt_version_dup_snapshot (base);

  stamp = _mt_tour_tick (self);
  id = mt_uuid_new ();
  version = _mt_version_new (id, number, g_get_real_time (), &stamp, note,
                             base != NULL ? mt_version_get_id (base) : NULL);
  _mt_version_set_base (version, base);
  fill_delta (_mt_version_get_delta (version), now, before);

  /* it comes in withdrawn, and is issued as one step of the history */
  _mt_version_put_withdrawn (version, TRUE, &unset);
  insert_version (self, version);

  /* Translators: an undoable step; %u is the version's number */
  label = g_strdup_printf (_("Issue version %u"), number);
  mt_history_begin (self->history, label);
  g_value_init (&old, G_TYPE_BOOLEAN);
  g_value_set_boolean (&old, TRUE);
  _mt_version_put_withdrawn (version, FALSE, &stamp);
  _mt_tour_property_changed (self, G_OBJECT (version), withdrawn_pspec (version), &old);
  mt_history_end (self->history);

  return version;
}

/**
 * mt_tour_get_received_version:
 *
 * Returns: (transfer none) (nullable): the newest version, not withdrawn,
 *   that went to the delegate: their copy of the plan
 */
MtVersion *
mt_tour_get_received_version (MtTour     *self,
                              const char *delegate_id)
{
  GListModel *versions;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  g_return_val_if_fail (delegate_id != NULL, NULL);

  versions = G_LIST_MODEL (self->versions);
  for (guint i = g_list_model_get_n_items (versions); i-- > 0;)
    {
      g_autoptr(MtVersion) version = g_list_model_get_item (versions, i);

      if (mt_version_has_recipient (version, delegate_id))
        return version;  /* the tour keeps it */
    }
  return NULL;
}

/**
 * mt_tour_dup_received_versions:
 *
 * Returns: (transfer full): delegate id → the MtVersion they last received
 *   (borrowed from the tour), for every delegate who received one
 */
GHashTable *
mt_tour_dup_received_versions (MtTour *self)
{
  GHashTable *received;
  GListModel *versions;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  received = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  versions = G_LIST_MODEL (self->versions);
  for (guint i = g_list_model_get_n_items (versions); i-- > 0;)
    {
      g_autoptr(MtVersion) version = g_list_model_get_item (versions, i);
      g_autoptr(MtSnapshot) snapshot = mt_version_dup_snapshot (version);
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, _mt_snapshot_get_recipients (snapshot));
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (received, key))
          g_hash_table_insert (received, g_strdup (key), version);
    }
  return received;
}

static guint
count_number (MtTour *self,
              guint   number)
{
  GListModel *versions = G_LIST_MODEL (self->versions);
  guint count = 0;

  for (guint i = 0, n = g_list_model_get_n_items (versions); i < n; i++)
    {
      g_autoptr(MtVersion) version = g_list_model_get_item (versions, i);

      count += mt_version_get_number (version) == number;
    }
  return count;
}

/* who issued it: the organiser's name of its copy, or the copy's id */
static const char *
issuer (MtTour    *self,
        MtVersion *version)
{
  const char *replica = mt_version_get_stamp (version)->replica;
  const char *name = mt_tour_get_replica_name (self, replica);

  return name != NULL ? name : replica;
}

/**
 * mt_tour_dup_version_label:
 *
 * Returns: (transfer full): "Version 3", or where another version not
 *   withdrawn has the same number, "Version 3 (Lin)", after who issued it
 */
char *
mt_tour_dup_version_label (MtTour    *self,
                           MtVersion *version)
{
  guint number;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  g_return_val_if_fail (MT_IS_VERSION (version), NULL);

  number = mt_version_get_number (version);
  if (count_number (self, number) > 1)
    /* Translators: a version of the plan, issued at the same time as
     * another of the same number: the number, then who issued it */
    return g_strdup_printf (_("Version %u (%s)"), number, issuer (self, version));
  /* Translators: a version of the plan that was sent to the delegates */
  return g_strdup_printf (_("Version %u"), number);
}

/**
 * mt_tour_format_version_issued:
 *
 * Returns: (transfer full): when @version was issued, on the clock of the
 *   tour's zone: "15 May 18:00"
 */
char *
mt_tour_format_version_issued (MtTour    *self,
                               MtVersion *version)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  g_return_val_if_fail (MT_IS_VERSION (version), NULL);

  utc = g_date_time_new_from_unix_utc (mt_version_get_issued (version) / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (utc, mt_tour_get_zone (self));
  /* Translators: when a version was issued, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %H:%M"));
}

/**
 * mt_tour_find_version:
 * @wanted: a version's number ("3"), its id, or the start of its id
 *
 * Returns: (transfer none) (nullable): the version, not withdrawn, that
 *   @wanted names; %NULL with @error set where none does, or where its
 *   number names two (the message lists their ids)
 */
MtVersion *
mt_tour_find_version (MtTour      *self,
                      const char  *wanted,
                      GError     **error)
{
  GListModel *versions;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  guint64 number = 0;
  gboolean is_number;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  g_return_val_if_fail (wanted != NULL, NULL);

  versions = G_LIST_MODEL (self->versions);
  is_number = g_ascii_string_to_unsigned (wanted, 10, 1, G_MAXUINT, &number, NULL);
  for (guint i = 0, n = g_list_model_get_n_items (versions); i < n; i++)
    {
      g_autoptr(MtVersion) version = g_list_model_get_item (versions, i);

      if (is_number ? mt_version_get_number (version) == number
                    : strlen (wanted) >= 4 && g_str_has_prefix (mt_version_get_id (version), wanted))
        g_ptr_array_add (found, g_steal_pointer (&version));
    }

  if (found->len == 1)
    return g_ptr_array_index (found, 0);
  if (found->len == 0)
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                   _("The tour has no issued version “%s”"), wanted);
      return NULL;
    }
  {
    g_autoptr(GString) ids = g_string_new (NULL);

    for (guint i = 0; i < found->len; i++)
      {
        MtVersion *version = g_ptr_array_index (found, i);

        if (ids->len > 0)
          g_string_append (ids, ", ");
        /* Translators: one of several versions of one number: its id, then who issued it */
        g_string_append_printf (ids, _("%s (%s)"), mt_version_get_id (version), issuer (self, version));
      }
    g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                 /* Translators: %s is what the user asked for, then a list of ids */
                 _("“%s” names %u versions, issued at the same time on different copies: give one of their ids: %s"),
                 wanted, found->len, ids->str);
  }
  return NULL;
}

/* The file */

gboolean
_mt_tour_take_versions (MtTour     *self,
                        GPtrArray  *versions,
                        GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < versions->len; i++)
    {
      MtVersion *version = g_ptr_array_index (versions, i);

      if (!g_hash_table_insert (by_id, (gpointer) mt_version_get_id (version), version))
        {
          g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_DUPLICATE_ID,
                       _("versions[%u]: the id \"%s\" is used by more than one version"),
                       i, mt_version_get_id (version));
          return FALSE;
        }
    }
  /* each base was issued before the version on it, which rules out loops */
  for (guint i = 0; i < versions->len; i++)
    {
      MtVersion *version = g_ptr_array_index (versions, i);
      const char *base_id = _mt_version_get_base_id (version);
      MtVersion *base = base_id != NULL ? g_hash_table_lookup (by_id, base_id) : NULL;

      if (base_id != NULL &&
          (base == NULL || mt_stamp_compare (mt_version_get_stamp (base), mt_version_get_stamp (version)) >= 0))
        {
          g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                       base == NULL ? _("versions[%u].base: \"%s\" names no version in this file")
                                    : _("versions[%u].base: \"%s\" was not issued before it"),
                       i, base_id);
          return FALSE;
        }
      _mt_version_set_base (version, base);
    }
  for (guint i = 0; i < versions->len; i++)
    insert_version (self, g_ptr_array_index (versions, i));
  return TRUE;
}

void
_mt_tour_write_versions (MtTour       *self,
                         MtJsonWriter *writer)
{
  g_autoptr(GPtrArray) all = dup_all_versions (self);

  if (all->len == 0)
    return;
  mt_json_writer_member (writer, "versions");
  mt_json_writer_begin_array (writer);
  for (guint i = 0; i < all->len; i++)
    _mt_version_write_json (g_ptr_array_index (all, i), writer);
  mt_json_writer_end_array (writer);
}

/* The merge: the union of both copies' versions, and of each the state,
 * withdrawn or issued, with the greater stamp */

static void
report_version (MtMergeReport *report,
                MtTour        *self,
                MtVersion     *version,
                const MtStamp *stamp,
                gboolean       issued)
{
  MtMergeChange *change = g_new0 (MtMergeChange, 1);
  g_autofree char *label = mt_tour_dup_version_label (self, version);
  JsonNode *node = json_node_init_string (json_node_alloc (), label);

  change->kind = MT_MERGE_CHANGED;
  change->entity_kind = MT_N_ENTITY_KINDS;
  change->field = g_strdup ("versions");
  change->replica = stamp->replica;
  change->when_ms = MT_HLC_MS (stamp->hlc);
  if (issued)
    {
      change->old_value = json_node_init_null (json_node_alloc ());
      change->new_value = node;
    }
  else
    {
      change->old_value = node;
      change->new_value = json_node_init_null (json_node_alloc ());
    }
  g_ptr_array_add (report->incoming, change);
}

void
_mt_tour_merge_versions (MtTour        *self,
                         MtTour        *other,
                         MtMergeReport *report)
{
  g_autoptr(GPtrArray) theirs = dup_all_versions (other);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < theirs->len; i++)
    {
      MtVersion *their = g_ptr_array_index (theirs, i);
      MtVersion *mine = g_hash_table_lookup (self->version_index, mt_version_get_id (their));
      const MtStamp *their_stamp = _mt_version_get_withdrawn_stamp (their);

      if (mine == NULL)
        {
          MtVersion *copy = _mt_version_copy (their);

          g_ptr_array_add (added, copy);
          _mt_version_set_tour (copy, self);
          g_hash_table_insert (self->version_index, (gpointer) mt_version_get_id (copy), g_object_ref (copy));
          continue;
        }
      if (mt_stamp_compare (their_stamp, _mt_version_get_withdrawn_stamp (mine)) > 0)
        {
          gboolean was = mt_version_get_withdrawn (mine);

          _mt_version_put_withdrawn (mine, mt_version_get_withdrawn (their), their_stamp);
          if (was != mt_version_get_withdrawn (mine))
            report_version (report, self, mine, their_stamp, was);
        }
      else if (mt_stamp_compare (their_stamp, _mt_version_get_withdrawn_stamp (mine)) < 0)
        report->n_outgoing++;
    }

  /* the bases of those taken in are here now, theirs or ours */
  for (guint i = 0; i < added->len; i++)
    {
      MtVersion *version = g_ptr_array_index (added, i);
      const char *base_id = _mt_version_get_base_id (version);

      _mt_version_set_base (version, mt_tour_lookup_version (self, base_id));
      mt_clock_observe (&self->clock, mt_version_get_stamp (version)->hlc);
      mt_clock_observe (&self->clock, _mt_version_get_withdrawn_stamp (version)->hlc);
      if (!mt_version_get_withdrawn (version))
        show_version (self, version);
    }
  for (guint i = 0; i < added->len; i++)
    {
      MtVersion *version = g_ptr_array_index (added, i);

      if (!mt_version_get_withdrawn (version))
        report_version (report, self, version, mt_version_get_stamp (version), TRUE);
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->version_index);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (other->version_index, key))
        report->n_outgoing++;
  }
  if (added->len > 0)
    g_signal_emit_by_name (self, "changed", NULL);
}
