/* mt-version-json.c: an issued version read from the tour file (written by
 * mt-version-json-write.c)
 *
 * Each row of a version's tables (a visit, an interview, a site, the
 * delegates of a group) is written on one line, so that a version of a
 * large tour stays a few lines per change. See FORMAT.md.
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

/* Reading */

typedef struct
{
  const char     *path;
  char           *id;
  gint64          number;
  gint64          issued;
  MtStamp         stamp;
  char           *note;
  char           *base;
  gboolean        has_withdrawn;
  gboolean        withdrawn;
  MtStamp         withdrawn_stamp;
  MtVersionDelta  delta;
  JsonObject     *unknown;
} Read;

static gboolean
invalid (GError    **error,
         const char *path,
         const char *member,
         const char *what)
{
  g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID, "%s.%s: %s", path, member, what);
  return FALSE;
}

static gboolean
read_text (MtJsonReader  *reader,
           const char    *path,
           const char    *member,
           char         **out,
           GError       **error)
{
  const char *text;

  if (mt_json_reader_peek (reader) == MT_JSON_NULL)
    return mt_json_reader_read_null (reader, error);
  if (mt_json_reader_peek (reader) != MT_JSON_STRING)
    return invalid (error, path, member, _("expected text"));
  if (!mt_json_reader_read_string (reader, &text, error))
    return FALSE;
  g_free (*out);
  *out = text[0] != '\0' ? g_strdup (text) : NULL;
  return TRUE;
}

typedef gboolean (*ParseFunc) (const char *text,
                               gpointer    out);

/* text that @parse turns into *@out, or an error that says what it expected */
static gboolean
read_parsed (MtJsonReader  *reader,
             const char    *path,
             const char    *member,
             ParseFunc      parse,
             gpointer       out,
             const char    *expected,
             GError       **error)
{
  g_autofree char *text = NULL;

  if (!read_text (reader, path, member, &text, error))
    return FALSE;
  if (text == NULL || !parse (text, out))
    return invalid (error, path, member, expected);
  return TRUE;
}

static gboolean
read_stamp (MtJsonReader  *reader,
            const char    *path,
            const char    *member,
            MtStamp       *out,
            GError       **error)
{
  return read_parsed (reader, path, member, (ParseFunc) mt_stamp_parse, out,
                      _("expected a stamp (a clock in hex, \"@\", a replica id)"), error);
}

/* a member a newer version of the file has: read and dropped */
static gboolean
skip_value (MtJsonReader  *reader,
            GError       **error)
{
  JsonNode *node = mt_json_reader_read_node (reader, error);

  if (node == NULL)
    return FALSE;
  json_node_unref (node);
  return TRUE;
}

static gboolean
read_ids (MtJsonReader  *reader,
          const char    *path,
          const char    *member,
          GPtrArray     *out,
          GError       **error)
{
  GError *local_error = NULL;

  if (mt_json_reader_peek (reader) != MT_JSON_ARRAY)
    return invalid (error, path, member, _("expected a list of ids"));
  if (!mt_json_reader_begin_array (reader, error))
    return FALSE;
  while (mt_json_reader_next_element (reader, &local_error))
    {
      const char *text;

      if (mt_json_reader_peek (reader) != MT_JSON_STRING)
        return invalid (error, path, member, _("expected a list of ids"));
      if (!mt_json_reader_read_string (reader, &text, error))
        return FALSE;
      g_ptr_array_add (out, g_strdup (text));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_strv (MtJsonReader  *reader,
           const char    *path,
           const char    *member,
           char        ***out,
           GError       **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (!read_ids (reader, path, member, ids, error))
    return FALSE;
  g_strfreev (*out);
  *out = NULL;
  if (ids->len > 0)
    {
      g_ptr_array_add (ids, NULL);
      *out = (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
    }
  return TRUE;
}

static gboolean
read_time (MtJsonReader  *reader,
           const char    *path,
           const char    *member,
           gint64        *out,
           GError       **error)
{
  g_autofree char *field = NULL;

  if (!read_parsed (reader, path, member, (ParseFunc) mt_wall_time_parse, out,
                    _("expected a time (YYYY-MM-DDTHH:MM)"), error))
    return FALSE;
  /* in the years the entities' times may have (mt-validate.h) */
  field = g_strdup_printf ("%s.%s", path, member);
  return mt_validate_wall_time (*out, field, error);
}

/* an item's id, as an entity's must be (it becomes a UID) */
static gboolean
read_id (MtJsonReader  *reader,
         const char    *path,
         const char    *member,
         char         **out,
         GError       **error)
{
  g_autofree char *field = NULL;

  if (!read_text (reader, path, member, out, error))
    return FALSE;
  field = g_strdup_printf ("%s.%s", path, member);
  return *out == NULL || mt_validate_id (*out, field, error);
}

static gboolean
read_enum (MtJsonReader  *reader,
           const char    *path,
           const char    *member,
           GType          type,
           int           *out,
           GError       **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *value;

  if (!read_text (reader, path, member, &text, error))
    return FALSE;
  value = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;
  if (value == NULL)
    return invalid (error, path, member, _("is not one of the values this field takes"));
  *out = value->value;
  return TRUE;
}

typedef struct
{
  const char    *path;
  MtVersionItem *item;
} ItemRead;

static gboolean
read_item_member (MtJsonReader  *reader,
                  const char    *name,
                  gpointer       data,
                  GError       **error)
{
  ItemRead *read = data;
  MtVersionItem *item = read->item;
  const char *path = read->path;

  if (strcmp (name, "id") == 0)
    return read_id (reader, path, name, &item->id, error);
  if (strcmp (name, item->interview ? "interviewee" : "title") == 0)
    return read_text (reader, path, name, &item->title, error);
  if (strcmp (name, "start") == 0)
    return read_time (reader, path, name, &item->start, error);
  if (strcmp (name, "end") == 0)
    return read_time (reader, path, name, &item->end, error);
  if (strcmp (name, "status") == 0)
    return read_enum (reader, path, name, item->interview ? MT_TYPE_INTERVIEW_STATUS : MT_TYPE_VISIT_STATUS,
                      &item->status, error);
  if (item->interview)
    {
      if (strcmp (name, "visit") == 0)
        return read_text (reader, path, name, &item->visit, error);
      if (strcmp (name, "location") == 0)
        return read_text (reader, path, name, &item->where, error);
      if (strcmp (name, "delegates") == 0)
        return read_strv (reader, path, name, &item->audience, error);
    }
  else
    {
      if (strcmp (name, "kind") == 0)
        return read_enum (reader, path, name, MT_TYPE_VISIT_KIND, &item->kind, error);
      if (strcmp (name, "site") == 0)
        return read_text (reader, path, name, &item->site, error);
      if (strcmp (name, "meeting-point") == 0)
        return read_text (reader, path, name, &item->where, error);
      if (strcmp (name, "groups") == 0)
        return read_strv (reader, path, name, &item->audience, error);
    }
  /* a column of a newer version: a version is what it was, and stays
   * readable without it */
  return skip_value (reader, error);
}

static gboolean
read_items (MtJsonReader  *reader,
            Read          *read,
            const char    *member,
            gboolean       interviews,
            GError       **error)
{
  GError *local_error = NULL;
  guint index = 0;

  if (mt_json_reader_peek (reader) != MT_JSON_ARRAY)
    return invalid (error, read->path, member, _("expected a list"));
  if (!mt_json_reader_begin_array (reader, error))
    return FALSE;
  while (mt_json_reader_next_element (reader, &local_error))
    {
      g_autofree char *path = g_strdup_printf ("%s.%s[%u]", read->path, member, index++);
      g_autoptr(MtVersionItem) item = g_new0 (MtVersionItem, 1);
      ItemRead item_read = { path, item };

      item->interview = interviews;
      item->start = MT_TIME_UNSET;
      item->end = MT_TIME_UNSET;
      if (mt_json_reader_peek (reader) != MT_JSON_OBJECT)
        {
          g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID, "%s: %s", path, _("expected an object"));
          return FALSE;
        }
      if (!mt_json_reader_read_members (reader, read_item_member, &item_read, error))
        return FALSE;
      if (item->id == NULL)
        return invalid (error, path, "id", _("missing"));
      if (item->start == MT_TIME_UNSET)
        return invalid (error, path, "start", _("missing"));
      g_ptr_array_add (read->delta.items, g_steal_pointer (&item));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char     *path;
  MtVersionPlace *place;
} PlaceRead;

static gboolean
read_place_member (MtJsonReader  *reader,
                   const char    *name,
                   gpointer       data,
                   GError       **error)
{
  PlaceRead *read = data;

  if (strcmp (name, "name") == 0)
    return read_text (reader, read->path, name, &read->place->name, error);
  if (strcmp (name, "local-name") == 0)
    return read_text (reader, read->path, name, &read->place->local_name, error);
  if (strcmp (name, "address") == 0)
    return read_text (reader, read->path, name, &read->place->address, error);
  return skip_value (reader, error);
}

static gboolean
read_site (MtJsonReader  *reader,
           const char    *name,
           gpointer       data,
           GError       **error)
{
  Read *read = data;
  g_autofree char *path = g_strdup_printf ("%s.sites.%s", read->path, name);
  MtVersionPlace *place = g_new0 (MtVersionPlace, 1);
  PlaceRead place_read = { path, place };

  g_hash_table_replace (read->delta.places, g_strdup (name), place);
  if (mt_json_reader_peek (reader) != MT_JSON_OBJECT)
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID, "%s: %s", path, _("expected an object"));
      return FALSE;
    }
  return mt_json_reader_read_members (reader, read_place_member, &place_read, error);
}

static gboolean
read_recipients_of_group (MtJsonReader  *reader,
                          const char    *name,
                          gpointer       data,
                          GError       **error)
{
  Read *read = data;
  g_autofree char *path = g_strdup_printf ("%s.recipients", read->path);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (!read_ids (reader, path, name, ids, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_replace (read->delta.recipients, g_strdup (g_ptr_array_index (ids, i)), g_strdup (name));
  return TRUE;
}

static gboolean
read_object_of (MtJsonReader      *reader,
                Read              *read,
                const char        *member,
                MtJsonMemberFunc   func,
                GError           **error)
{
  if (mt_json_reader_peek (reader) != MT_JSON_OBJECT)
    return invalid (error, read->path, member, _("expected an object"));
  return mt_json_reader_read_members (reader, func, read, error);
}

static gboolean
read_member (MtJsonReader  *reader,
             const char    *name,
             gpointer       data,
             GError       **error)
{
  Read *read = data;
  const char *path = read->path;

  if (strcmp (name, "id") == 0)
    return read_text (reader, path, name, &read->id, error);
  if (strcmp (name, "number") == 0)
    {
      if (mt_json_reader_peek (reader) != MT_JSON_INT)
        return invalid (error, path, name, _("expected a whole number"));
      return mt_json_reader_read_int (reader, &read->number, error);
    }
  if (strcmp (name, "issued") == 0)
    return read_parsed (reader, path, name, (ParseFunc) mt_utc_time_parse, &read->issued,
                        _("expected a time in UTC (YYYY-MM-DDTHH:MM:SS.sssZ)"), error);
  if (strcmp (name, "stamp") == 0)
    return read_stamp (reader, path, name, &read->stamp, error);
  if (strcmp (name, "note") == 0)
    return read_text (reader, path, name, &read->note, error);
  if (strcmp (name, "base") == 0)
    return read_text (reader, path, name, &read->base, error);
  if (strcmp (name, "withdrawn") == 0)
    {
      if (mt_json_reader_peek (reader) != MT_JSON_BOOLEAN)
        return invalid (error, path, name, _("expected true or false"));
      read->has_withdrawn = TRUE;
      return mt_json_reader_read_boolean (reader, &read->withdrawn, error);
    }
  if (strcmp (name, "withdrawn-stamp") == 0)
    return read_stamp (reader, path, name, &read->withdrawn_stamp, error);
  if (strcmp (name, "sites") == 0)
    return read_object_of (reader, read, name, read_site, error);
  if (strcmp (name, "visits") == 0)
    return read_items (reader, read, name, FALSE, error);
  if (strcmp (name, "interviews") == 0)
    return read_items (reader, read, name, TRUE, error);
  if (strcmp (name, "removed") == 0)
    return read_ids (reader, path, name, read->delta.removed, error);
  if (strcmp (name, "recipients") == 0)
    return read_object_of (reader, read, name, read_recipients_of_group, error);
  if (strcmp (name, "left") == 0)
    return read_ids (reader, path, name, read->delta.left, error);

  /* a member of a newer version of the file: kept, to be written back */
  {
    JsonNode *node = mt_json_reader_read_node (reader, error);

    if (node == NULL)
      return FALSE;
    if (read->unknown == NULL)
      read->unknown = json_object_new ();
    json_object_set_member (read->unknown, name, node);
  }
  return TRUE;
}

static void
read_clear (Read *read)
{
  g_free (read->id);
  g_free (read->note);
  g_free (read->base);
  g_clear_pointer (&read->delta.items, g_ptr_array_unref);
  g_clear_pointer (&read->delta.removed, g_ptr_array_unref);
  g_clear_pointer (&read->delta.places, g_hash_table_unref);
  g_clear_pointer (&read->delta.recipients, g_hash_table_unref);
  g_clear_pointer (&read->delta.left, g_ptr_array_unref);
  g_clear_pointer (&read->unknown, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Read, read_clear)

static void
move_all (GPtrArray *to,
          GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, g_steal_pointer (&from->pdata[i]));
  g_ptr_array_set_size (from, 0);
}

static void
move_table (GHashTable *to,
            GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (to, key, value);
    }
}

/**
 * _mt_version_read_json:
 * @path: where the version is, for messages: "versions[2]"
 *
 * Returns: (transfer full) (nullable): the version, its base not yet
 *   linked; %NULL with @error set, naming the member, where it is wrong
 */
MtVersion *
_mt_version_read_json (MtJsonReader  *reader,
                       const char    *path,
                       GError       **error)
{
  g_auto(Read) read = { 0, };
  MtVersion *version;
  MtVersionDelta *delta;

  read.path = path;
  read.delta.items = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_version_item_free);
  read.delta.removed = g_ptr_array_new_with_free_func (g_free);
  read.delta.places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) mt_version_place_free);
  read.delta.recipients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  read.delta.left = g_ptr_array_new_with_free_func (g_free);

  if (mt_json_reader_peek (reader) != MT_JSON_OBJECT)
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID, "%s: %s", path, _("expected an object"));
      return NULL;
    }
  if (!mt_json_reader_read_members (reader, read_member, &read, error))
    return NULL;

  if (read.id == NULL)
    {
      invalid (error, path, "id", _("missing"));
      return NULL;
    }
  if (read.number < 1 || read.number > G_MAXUINT)
    {
      invalid (error, path, "number", _("missing, or not a version's number (1 or more)"));
      return NULL;
    }
  if (!mt_stamp_is_set (&read.stamp))
    {
      invalid (error, path, "stamp", _("missing"));
      return NULL;
    }
  if (read.has_withdrawn != mt_stamp_is_set (&read.withdrawn_stamp))
    {
      invalid (error, path, "withdrawn-stamp", _("\"withdrawn\" and \"withdrawn-stamp\" go together"));
      return NULL;
    }

  version = _mt_version_new (read.id, (guint) read.number, read.issued, &read.stamp, read.note, read.base);
  delta = _mt_version_get_delta (version);
  move_all (delta->items, read.delta.items);
  move_all (delta->removed, read.delta.removed);
  move_table (delta->places, read.delta.places);
  move_table (delta->recipients, read.delta.recipients);
  move_all (delta->left, read.delta.left);
  _mt_version_set_unknown (version, read.unknown);
  if (read.has_withdrawn)
    _mt_version_put_withdrawn (version, read.withdrawn, &read.withdrawn_stamp);
  return version;
}

gboolean
_mt_tour_file_read_versions (MtJsonReader  *reader,
                             GPtrArray    **out,
                             GError       **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  GError *local_error = NULL;

  if (mt_json_reader_peek (reader) != MT_JSON_ARRAY)
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID, "versions: %s", _("expected a list"));
      return FALSE;
    }
  if (!mt_json_reader_begin_array (reader, error))
    return FALSE;
  while (mt_json_reader_next_element (reader, &local_error))
    {
      g_autofree char *path = g_strdup_printf ("versions[%u]", versions->len);
      MtVersion *version = _mt_version_read_json (reader, path, error);

      if (version == NULL)
        return FALSE;
      g_ptr_array_add (versions, version);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_clear_pointer (out, g_ptr_array_unref);
  *out = g_steal_pointer (&versions);
  return TRUE;
}
