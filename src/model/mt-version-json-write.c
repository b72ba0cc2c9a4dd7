/* mt-version-json-write.c: an issued version written to the tour file
 *
 * Each row of a version's tables is written on one line, so that a
 * version of a large tour stays a few lines per change; mt-version-json.c
 * reads it back. See FORMAT.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-version"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mt-enum-types.h"
#include "mt-tour-file.h"
#include "mt-tour-file-private.h"
#include "mt-validate.h"
#include "mt-version-private.h"
#include "mt-wall-time.h"
/* Writing */

static void
write_text (MtJsonWriter *writer,
            const char   *name,
            const char   *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  mt_json_writer_member (writer, name);
  mt_json_writer_string (writer, value);
}

static void
write_time (MtJsonWriter *writer,
            const char   *name,
            gint64        time)
{
  char buf[MT_WALL_TIME_BUF_SIZE];

  if (time == MT_TIME_UNSET)
    return;
  mt_wall_time_format_buf (time, buf);
  write_text (writer, name, buf);
}

static void
write_enum (MtJsonWriter *writer,
            const char   *name,
            GType         type,
            int           value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* the first value is the default, and left out */
  if (enum_value != NULL && value != klass->values[0].value)
    write_text (writer, name, enum_value->value_nick);
  g_type_class_unref (klass);
}

static void
write_ids (MtJsonWriter *writer,
           const char   *name,
           char        **ids)
{
  if (ids == NULL || ids[0] == NULL)
    return;
  mt_json_writer_member (writer, name);
  mt_json_writer_begin_array (writer);
  for (guint i = 0; ids[i] != NULL; i++)
    mt_json_writer_string (writer, ids[i]);
  mt_json_writer_end_array (writer);
}

static void
write_item (MtJsonWriter        *writer,
            const MtVersionItem *item)
{
  mt_json_writer_begin_flat (writer);
  mt_json_writer_begin_object (writer);
  write_text (writer, "id", item->id);
  if (item->interview)
    {
      write_text (writer, "interviewee", item->title);
      write_text (writer, "visit", item->visit);
      write_time (writer, "start", item->start);
      write_time (writer, "end", item->end);
      write_enum (writer, "status", MT_TYPE_INTERVIEW_STATUS, item->status);
      write_text (writer, "location", item->where);
      write_ids (writer, "delegates", item->audience);
    }
  else
    {
      write_text (writer, "title", item->title);
      write_enum (writer, "kind", MT_TYPE_VISIT_KIND, item->kind);
      write_text (writer, "site", item->site);
      write_time (writer, "start", item->start);
      write_time (writer, "end", item->end);
      write_enum (writer, "status", MT_TYPE_VISIT_STATUS, item->status);
      write_text (writer, "meeting-point", item->where);
      write_ids (writer, "groups", item->audience);
    }
  mt_json_writer_end_object (writer);
  mt_json_writer_end_flat (writer);
}

static void
write_items (MtJsonWriter *writer,
             const char   *name,
             GPtrArray    *items,
             gboolean      interviews)
{
  gboolean open = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const MtVersionItem *item = g_ptr_array_index (items, i);

      if (item->interview != interviews)
        continue;
      if (!open)
        {
          mt_json_writer_member (writer, name);
          mt_json_writer_begin_array (writer);
          open = TRUE;
        }
      write_item (writer, item);
    }
  if (open)
    mt_json_writer_end_array (writer);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
write_flat_ids (MtJsonWriter *writer,
                const char   *name,
                GPtrArray    *ids)
{
  if (ids->len == 0)
    return;
  mt_json_writer_member (writer, name);
  mt_json_writer_begin_flat (writer);
  mt_json_writer_begin_array (writer);
  for (guint i = 0; i < ids->len; i++)
    mt_json_writer_string (writer, g_ptr_array_index (ids, i));
  mt_json_writer_end_array (writer);
  mt_json_writer_end_flat (writer);
}

static void
write_places (MtJsonWriter *writer,
              GHashTable   *places)
{
  g_autoptr(GPtrArray) ids = sorted_keys (places);

  if (ids->len == 0)
    return;
  mt_json_writer_member (writer, "sites");
  mt_json_writer_begin_object (writer);
  for (guint i = 0; i < ids->len; i++)
    {
      const MtVersionPlace *place = g_hash_table_lookup (places, g_ptr_array_index (ids, i));

      mt_json_writer_member (writer, g_ptr_array_index (ids, i));
      mt_json_writer_begin_flat (writer);
      mt_json_writer_begin_object (writer);
      write_text (writer, "name", place->name);
      write_text (writer, "local-name", place->local_name);
      write_text (writer, "address", place->address);
      mt_json_writer_end_object (writer);
      mt_json_writer_end_flat (writer);
    }
  mt_json_writer_end_object (writer);
}

/* "recipients": { "<group id>": [ "<delegate id>", … ], "": [ … ] } */
static void
write_recipients (MtJsonWriter *writer,
                  GHashTable   *recipients)
{
  g_autoptr(GHashTable) by_group = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) groups = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (recipients) == 0)
    return;
  g_hash_table_iter_init (&iter, recipients);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *members = g_hash_table_lookup (by_group, value);

      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (by_group, value, members);
        }
      g_ptr_array_add (members, key);
    }

  groups = sorted_keys (by_group);
  mt_json_writer_member (writer, "recipients");
  mt_json_writer_begin_object (writer);
  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *members = g_hash_table_lookup (by_group, g_ptr_array_index (groups, i));

      g_ptr_array_sort (members, compare_strings);
      write_flat_ids (writer, g_ptr_array_index (groups, i), members);
    }
  mt_json_writer_end_object (writer);
}

void
_mt_version_write_json (MtVersion    *self,
                        MtJsonWriter *writer)
{
  MtVersionDelta *delta = _mt_version_get_delta (self);
  const MtStamp *withdrawn_stamp = _mt_version_get_withdrawn_stamp (self);
  char buf[MT_STAMP_BUF_SIZE];
  char time[MT_WALL_TIME_BUF_SIZE];

  mt_json_writer_begin_object (writer);
  write_text (writer, "id", mt_version_get_id (self));
  mt_json_writer_member (writer, "number");
  mt_json_writer_int (writer, mt_version_get_number (self));
  mt_utc_time_format_buf (mt_version_get_issued (self), time);
  write_text (writer, "issued", time);
  mt_stamp_format_buf (mt_version_get_stamp (self), buf);
  write_text (writer, "stamp", buf);
  write_text (writer, "note", mt_version_get_note (self));
  write_text (writer, "base", _mt_version_get_base_id (self));
  /* the state is the unless it was withdrawn (or issued again) since */
  if (!mt_stamp_equal (withdrawn_stamp, mt_version_get_stamp (self)) || mt_version_get_withdrawn (self))
    {
      mt_json_writer_member (writer, "withdrawn");
      mt_json_writer_boolean (writer, mt_version_get_withdrawn (self));
      mt_stamp_format_buf (withdrawn_stamp, buf);
      write_text (writer, "withdrawn-stamp", buf);
    }
  write_places (writer, delta->places);
  write_items (writer, "visits", delta->items, FALSE);
  write_items (writer, "interviews", delta->items, TRUE);
  write_flat_ids (writer, "removed", delta->removed);
  write_recipients (writer, delta->recipients);
  write_flat_ids (writer, "left", delta->left);
  if (_mt_version_get_unknown (self) != NULL)
    mt_json_writer_members (writer, _mt_version_get_unknown (self));
  mt_json_writer_end_object (writer);
}
