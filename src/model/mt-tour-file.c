/* mt-tour-file.c: reading and writing the .mtour file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-tour-file"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mt-entity-private.h"
#include "mt-enum-types.h"
#include "mt-tour-file.h"
#include "mt-tour-file-private.h"
#include "mt-file-io.h"
#include "mt-validate.h"
#include "mt-wall-time.h"

G_DEFINE_QUARK (mt-tour-error-quark, mt_tour_error)

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID, "");
  if (error != NULL && *error != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup_vprintf (format, args);
    }
  va_end (args);
  return FALSE;
}

/* The tour's own members, as read */
typedef struct
{
  gboolean   has_format;
  gint64     format;
  char      *title;
  char      *organiser;
  char      *organiser_contact;
  char      *description;
  char      *time_zone;
  char      *first_day;
  char      *feed_key;
  gint64     n_days;
  GPtrArray *entities[MT_N_ENTITY_KINDS];
  guint      n_items;  /* read so far, of every kind */
  GPtrArray *versions;
  JsonObject *unknown;
  MtTourFileStamps stamps;
} TourMembers;

static void
tour_members_clear (TourMembers *members)
{
  g_free (members->title);
  g_free (members->organiser);
  g_free (members->organiser_contact);
  g_free (members->description);
  g_free (members->time_zone);
  g_free (members->first_day);
  g_free (members->feed_key);
  _mt_tour_file_stamps_clear (&members->stamps);
  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    g_clear_pointer (&members->entities[kind], g_ptr_array_unref);
  g_clear_pointer (&members->versions, g_ptr_array_unref);
  g_clear_pointer (&members->unknown, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TourMembers, tour_members_clear)

static gboolean
read_text (MtJsonReader  *reader,
           const char    *member,
           char         **out,
           GError       **error)
{
  MtJsonType type = mt_json_reader_peek (reader);
  const char *text;

  if (type == MT_JSON_NULL)
    return mt_json_reader_read_null (reader, error);
  if (type != MT_JSON_STRING)
    return invalid (error, _("%s: expected text, found %s"), member, mt_json_type_describe (type));
  if (!mt_json_reader_read_string (reader, &text, error))
    return FALSE;
  g_free (*out);
  *out = text[0] != '\0' ? g_strdup (text) : NULL;
  return TRUE;
}

static gboolean
read_whole_number (MtJsonReader  *reader,
                   const char    *member,
                   gint64        *out,
                   GError       **error)
{
  MtJsonType type = mt_json_reader_peek (reader);

  if (type != MT_JSON_INT)
    return invalid (error, _("%s: expected a whole number, found %s"), member, mt_json_type_describe (type));
  return mt_json_reader_read_int (reader, out, error);
}

static gboolean
read_entities (MtJsonReader  *reader,
               MtEntityKind   kind,
               GPtrArray    **out,
               gint64        *newest_modified,
               guint         *n_items,
               GError       **error)
{
  const char *member = mt_entity_kind_get_member (kind);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  MtJsonType type = mt_json_reader_peek (reader);

  if (type == MT_JSON_NULL)
    return mt_json_reader_read_null (reader, error);
  if (type != MT_JSON_ARRAY)
    return invalid (error, _("%s: expected a list, found %s"), member, mt_json_type_describe (type));

  if (!mt_json_reader_begin_array (reader, error))
    return FALSE;
  while (mt_json_reader_next_element (reader, &local_error))
    {
      char path[64];
      MtEntity *entity;

      g_snprintf (path, sizeof path, "%s[%u]", member, entities->len);
      if (++*n_items > MT_TOUR_MAX_ITEMS)
        {
          g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_TOO_LARGE,
                       _("%s: the tour holds more than %d items, more than a tour file may hold"),
                       path, MT_TOUR_MAX_ITEMS);
          return FALSE;
        }
      entity = _mt_entity_read_json (kind, reader, path, newest_modified, error);
      if (entity == NULL)
        return FALSE;
      g_ptr_array_add (entities, entity);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_pointer (out, g_ptr_array_unref);
  *out = g_steal_pointer (&entities);
  return TRUE;
}

static gboolean
read_member (MtJsonReader *reader,
             const char   *member,
             TourMembers  *members,
             GError      **error)
{
  gboolean handled;

  if (!_mt_tour_file_read_stamps (reader, member, &members->stamps, &handled, error))
    return FALSE;
  if (handled)
    return TRUE;
  if (strcmp (member, "format") == 0)
    {
      if (!read_whole_number (reader, "format", &members->format, error))
        return FALSE;
      members->has_format = TRUE;
      if (members->format > MT_TOUR_FORMAT)
        {
          g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_NEWER_FORMAT,
                       _("The file is in format %lld, written by a newer "
                         "version of Media Tour Planner; this version reads format %d "
                         "and older. Update Media Tour Planner to open it."),
                       (long long) members->format, MT_TOUR_FORMAT);
          return FALSE;
        }
      if (members->format < 1)
        return invalid (error, _("format: %lld is not a format version"), (long long) members->format);
      return TRUE;
    }
  if (strcmp (member, "title") == 0)
    return read_text (reader, member, &members->title, error);
  if (strcmp (member, "organiser") == 0)
    return read_text (reader, member, &members->organiser, error);
  if (strcmp (member, "organiser-contact") == 0)
    return read_text (reader, member, &members->organiser_contact, error);
  if (strcmp (member, "description") == 0)
    return read_text (reader, member, &members->description, error);
  if (strcmp (member, "time-zone") == 0)
    return read_text (reader, member, &members->time_zone, error);
  if (strcmp (member, "first-day") == 0)
    return read_text (reader, member, &members->first_day, error);
  if (strcmp (member, "n-days") == 0)
    return read_whole_number (reader, member, &members->n_days, error);
  if (strcmp (member, "feed-key") == 0)
    return read_text (reader, member, &members->feed_key, error);

  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    if (strcmp (member, mt_entity_kind_get_member (kind)) == 0)
      return read_entities (reader, kind, &members->entities[kind],
                             &members->stamps.newest_modified, &members->n_items, error);
  if (strcmp (member, "versions") == 0)
    return _mt_tour_file_read_versions (reader, &members->versions, error);

  /* a member of a newer version: kept as it is, to be written back */
  {
    g_autofree char *name = g_strdup (member);
    JsonNode *node = mt_json_reader_read_node (reader, error);

    if (node == NULL)
      return FALSE;
    if (members->unknown == NULL)
      members->unknown = json_object_new ();
    json_object_set_member (members->unknown, name, node);
  }
  return TRUE;
}

static gboolean
apply_tour_members (MtTour       *tour,
                    TourMembers  *members,
                    GError      **error)
{
  gint64 midnight;

  if (!members->has_format)
    return invalid (error, _("format: missing; this is not a tour file"));

  mt_tour_set_title (tour, members->title);
  mt_tour_set_organiser (tour, members->organiser);
  mt_tour_set_organiser_contact (tour, members->organiser_contact);
  mt_tour_set_description (tour, members->description);
  mt_tour_set_feed_key (tour, members->feed_key);

  if (members->time_zone != NULL &&
      (!mt_validate_time_zone (members->time_zone, "time-zone", error) ||
       !mt_tour_set_time_zone (tour, members->time_zone, error)))
    return FALSE;

  if (members->first_day == NULL)
    return invalid (error, _("first-day: missing"));
  if (!mt_wall_date_parse (members->first_day, &midnight))
    return invalid (error, _("first-day: \"%s\" is not a valid date (YYYY-MM-DD)"), members->first_day);
  if (!mt_validate_wall_time (midnight, "first-day", error))
    return FALSE;
  mt_tour_set_first_day (tour, midnight);

  if (members->n_days != 0)
    {
      if (!mt_validate_n_days (members->n_days, "n-days", error))
        return FALSE;
      mt_tour_set_n_days (tour, (guint) members->n_days);
    }

  /* after the setters, which stamped what they set as new */
  _mt_tour_file_apply_stamps (tour, &members->stamps, members->entities);

  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      const char *duplicate = NULL;

      if (members->entities[kind] == NULL)
        continue;
      if (!_mt_tour_take_loaded (tour, kind, members->entities[kind], &duplicate))
        {
          g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_DUPLICATE_ID,
                       _("%s: the id \"%s\" is used by more than one item"),
                       mt_entity_kind_get_member (kind), duplicate);
          return FALSE;
        }
    }

  if (members->versions != NULL && !_mt_tour_take_versions (tour, members->versions, error))
    return FALSE;

  _mt_tour_set_unknown (tour, members->unknown);
  return TRUE;
}

static const char *
kind_nick (MtEntityKind kind)
{
  GEnumClass *klass = g_type_class_ref (MT_TYPE_ENTITY_KIND);
  const char *nick = g_enum_get_value (klass, kind)->value_nick;

  g_type_class_unref (klass);
  return nick;
}

static void
check_reference (MtTour        *tour,
                 MtEntityKind   kind,
                 guint          index,
                 const MtField *field,
                 const char    *id,
                 GPtrArray     *warnings)
{
  if (mt_tour_lookup_kind (tour, field->ref_kind, id) != NULL)
    return;

  g_ptr_array_add (warnings,
                   g_strdup_printf (_("%s[%u].%s: \"%s\" names no %s in this tour"),
                                    mt_entity_kind_get_member (kind), index,
                                    field->name, id, kind_nick (field->ref_kind)));
}

/* Dangling references are reported, not refused: the rest of the file is the
 * user's work, and the checker shows them until they are mended. */
static void
check_references (MtTour    *tour,
                  GPtrArray *warnings)
{
  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = mt_tour_get_entities (tour, kind);
      g_autoptr(MtEntityClass) klass = g_type_class_ref (mt_entity_kind_get_gtype (kind));

      for (guint f = 0; f < klass->n_fields; f++)
        {
          const MtField *field = &klass->fields[f];

          if (!(field->flags & MT_FIELD_REFERENCE))
            continue;

          for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
            {
              g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);
              gpointer slot = MT_FIELD_PTR (entity, field);

              if (field->type == MT_FIELD_STRING && *(char **) slot != NULL)
                check_reference (tour, kind, i, field, *(char **) slot, warnings);
              else if (field->type == MT_FIELD_STRV && *(char ***) slot != NULL)
                for (char **id = *(char ***) slot; *id != NULL; id++)
                  check_reference (tour, kind, i, field, *id, warnings);
            }
        }
    }
}

static void
too_large (GError **error,
           gsize    size)
{
  /* Translators: sizes in MiB (1024 × 1024 bytes), the first rounded up */
  g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_TOO_LARGE,
               _("the file is %u MiB; a tour file may be at most %d MiB"),
               (guint) ((size + (1 << 20) - 1) >> 20), MT_TOUR_MAX_FILE_SIZE >> 20);
}

static void
prefix_error (GError     **error,
              const char  *name)
{
  if (error != NULL && *error != NULL && name != NULL)
    g_prefix_error (error, "%s: ", name);
}

/**
 * mt_tour_load_from_data:
 * @length: the length of @data, or -1 where it ends with a NUL
 * @name: (nullable): what to call the data in messages
 * @warnings: (out) (optional) (transfer full) (element-type utf8): what is
 *   loaded but wrong
 *
 * Returns: (transfer full) (nullable): a new tour, or %NULL with @error set
 */
MtTour *
mt_tour_load_from_data (const char  *data,
                        gssize       length,
                        const char  *name,
                        GPtrArray  **warnings,
                        GError     **error)
{
  g_auto(TourMembers) members = { 0, };
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) local_error = NULL;
  MtJsonReader reader;
  const char *member;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  if (length == 0)
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_SYNTAX, _("The file is empty"));
      prefix_error (error, name);
      return NULL;
    }
  if ((gsize) length > MT_TOUR_MAX_FILE_SIZE)
    {
      too_large (error, length);
      prefix_error (error, name);
      return NULL;
    }

  mt_json_reader_init (&reader, data, length);
  if (mt_json_reader_peek (&reader) != MT_JSON_OBJECT)
    ok = mt_json_reader_error (&reader, &local_error,
                               _("the top level is not a JSON object"));
  else if (mt_json_reader_begin_object (&reader, &local_error))
    {
      while (ok && mt_json_reader_next_member (&reader, &member, &local_error))
        ok = read_member (&reader, member, &members, &local_error);
      ok = ok && local_error == NULL && mt_json_reader_end (&reader, &local_error);
    }
  else
    ok = FALSE;
  mt_json_reader_clear (&reader);

  tour = mt_tour_new ();
  if (!ok || !apply_tour_members (tour, &members, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      prefix_error (error, name);
      return NULL;
    }

  found = g_ptr_array_new_with_free_func (g_free);
  check_references (tour, found);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&found);

  /* What was read is the starting point, not an edit */
  mt_history_clear (mt_tour_get_history (tour));

  return g_steal_pointer (&tour);
}

static char *
file_display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/**
 * mt_tour_load_file:
 * @warnings: (out) (optional) (transfer full) (element-type utf8): what is
 *   loaded but wrong
 *
 * Returns: (transfer full) (nullable): a new tour, or %NULL with @error set,
 *   the message naming the file
 */
MtTour *
mt_tour_load_file (GFile         *file,
                   GPtrArray    **warnings,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = file_display_name (file);
  if (!mt_file_load_contents (file, MT_TOUR_MAX_FILE_SIZE, &contents, &length, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        {
          too_large (error, length);
          prefix_error (error, name);
        }
      else
        g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_IO,
                     _("%s: could not be read: %s"), name, local_error->message);
      return NULL;
    }

  return mt_tour_load_from_data (contents, length, name, warnings, error);
}

typedef struct
{
  MtTour    *tour;
  GPtrArray *warnings;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->tour);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadResult *result = g_new0 (LoadResult, 1);
  GError *error = NULL;

  result->tour = mt_tour_load_file (task_data, &result->warnings, cancellable, &error);
  if (result->tour == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, load_result_free);
}

/**
 * mt_tour_load_file_async:
 *
 * Reads and parses @file in a worker thread.
 */
void
mt_tour_load_file_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mt_tour_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * mt_tour_load_file_finish:
 *
 * Returns: (transfer full) (nullable): the tour
 */
MtTour *
mt_tour_load_file_finish (GAsyncResult  *result,
                          GPtrArray    **warnings,
                          GError       **error)
{
  LoadResult *loaded;
  MtTour *tour;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  tour = g_steal_pointer (&loaded->tour);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&loaded->warnings);
  load_result_free (loaded);
  return tour;
}

/* Saving */

static void
write_string_member (MtJsonWriter *writer,
                     const char   *name,
                     const char   *value)
{
  if (value == NULL)
    return;
  mt_json_writer_member (writer, name);
  mt_json_writer_string (writer, value);
}

/**
 * mt_tour_save_to_bytes:
 *
 * Returns: (transfer full): the tour file's contents
 */
GBytes *
mt_tour_save_to_bytes (MtTour *tour)
{
  g_autofree char *first_day = NULL;
  MtJsonWriter writer;
  GString *text;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  text = g_string_sized_new (4096 + 400 * (mt_tour_count (tour, MT_ENTITY_VISIT) +
                                           mt_tour_count (tour, MT_ENTITY_DELEGATE) +
                                           mt_tour_count (tour, MT_ENTITY_INTERVIEW)));
  mt_json_writer_init (&writer, text);
  mt_json_writer_begin_object (&writer);

  mt_json_writer_member (&writer, "format");
  mt_json_writer_int (&writer, MT_TOUR_FORMAT);
  write_string_member (&writer, "title", mt_tour_get_title (tour));
  write_string_member (&writer, "organiser", mt_tour_get_organiser (tour));
  write_string_member (&writer, "organiser-contact", mt_tour_get_organiser_contact (tour));
  write_string_member (&writer, "time-zone", mt_tour_get_time_zone (tour));
  first_day = mt_wall_date_format (mt_tour_get_first_day (tour));
  write_string_member (&writer, "first-day", first_day);
  mt_json_writer_member (&writer, "n-days");
  mt_json_writer_int (&writer, mt_tour_get_n_days (tour));
  write_string_member (&writer, "description", mt_tour_get_description (tour));
  write_string_member (&writer, "feed-key", mt_tour_get_feed_key (tour));
  _mt_tour_file_write_stamps (tour, &writer);

  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    _mt_tour_file_write_entities (tour, kind, &writer);
  _mt_tour_write_versions (tour, &writer);

  if (_mt_tour_get_unknown (tour) != NULL)
    mt_json_writer_members (&writer, _mt_tour_get_unknown (tour));

  mt_json_writer_end_object (&writer);
  g_string_append_c (text, '\n');
  _mt_tour_file_insert_revision (text);
  return g_string_free_to_bytes (text);
}

/* mt-file-io.c's writer; its message names the file and says why */
static gboolean
save_bytes (GFile         *file,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* what could not be opened again is not written: the old file stays */
  if (g_bytes_get_size (bytes) > MT_TOUR_MAX_FILE_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      too_large (&local_error, g_bytes_get_size (bytes));
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_TOO_LARGE,
                   _("%s: could not be saved: %s"), name, local_error->message);
      return FALSE;
    }
  if (mt_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), -1,
                                cancellable, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, MT_TOUR_ERROR, MT_TOUR_ERROR_IO, local_error->message);
  return FALSE;
}

/**
 * mt_tour_save_file:
 *
 * Writes the tour to a temporary file beside @file and renames it over
 * @file, so a crash leaves the old file or the new one, never half of one.
 * It does not mark the history saved: the caller knows which tour state it
 * wrote.
 */
gboolean
mt_tour_save_file (MtTour        *tour,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = mt_tour_save_to_bytes (tour);
  return save_bytes (file, bytes, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (save_bytes (file, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * mt_tour_save_file_async:
 *
 * Serialises @tour now, on the calling thread, and writes it in the
 * background, atomically.
 */
void
mt_tour_save_file_async (MtTour              *tour,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MT_IS_TOUR (tour));
  g_return_if_fail (G_IS_FILE (file));

  bytes = mt_tour_save_to_bytes (tour);
  task = g_task_new (tour, cancellable, callback, user_data);
  g_task_set_source_tag (task, mt_tour_save_file_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
mt_tour_save_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mt_tour_save_file_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
