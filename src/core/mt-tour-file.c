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
#include "mt-tour-private.h"
#include "mt-wall-time.h"

G_DEFINE_QUARK (mt-tour-error-quark, mt_tour_error)

static const char * const tour_members[] = {
  "format", "title", "organiser", "time-zone", "first-day", "n-days", "description",
};

static gboolean
is_tour_member (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tour_members); i++)
    if (strcmp (tour_members[i], name) == 0)
      return TRUE;
  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    if (strcmp (mt_entity_kind_get_member (kind), name) == 0)
      return TRUE;
  return FALSE;
}

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

static gboolean
get_string_member (JsonObject  *root,
                   const char  *member,
                   const char **out,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (root, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, _("%s: expected text"), member);
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_tour (MtTour      *tour,
           JsonObject  *root,
           GError     **error)
{
  JsonNode *node;
  const char *title, *organiser, *description, *zone, *first_day;
  gint64 format, midnight;

  node = json_object_get_member (root, "format");
  if (node == NULL)
    return invalid (error, _("format: missing; this is not a tour file"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, _("format: expected a whole number"));
  format = json_node_get_int (node);
  if (format > MT_TOUR_FORMAT)
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_NEWER_FORMAT,
                   _("The file is in format %" G_GINT64_FORMAT ", written by a newer "
                     "version of Media Tour Planner; this version reads format %d "
                     "and older. Update Media Tour Planner to open it."),
                   format, MT_TOUR_FORMAT);
      return FALSE;
    }
  if (format < 1)
    return invalid (error, _("format: %" G_GINT64_FORMAT " is not a format version"), format);

  if (!get_string_member (root, "title", &title, error) ||
      !get_string_member (root, "organiser", &organiser, error) ||
      !get_string_member (root, "description", &description, error) ||
      !get_string_member (root, "time-zone", &zone, error) ||
      !get_string_member (root, "first-day", &first_day, error))
    return FALSE;

  mt_tour_set_title (tour, title);
  mt_tour_set_organiser (tour, organiser);
  mt_tour_set_description (tour, description);

  if (zone != NULL && !mt_tour_set_time_zone (tour, zone, NULL))
    return invalid (error, _("time-zone: \"%s\" is not a time zone this system knows"), zone);

  if (first_day == NULL)
    return invalid (error, _("first-day: missing"));
  if (!mt_wall_date_parse (first_day, &midnight))
    return invalid (error, _("first-day: \"%s\" is not a valid date (YYYY-MM-DD)"), first_day);
  mt_tour_set_first_day (tour, midnight);

  node = json_object_get_member (root, "n-days");
  if (node != NULL)
    {
      gint64 n_days;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return invalid (error, _("n-days: expected a whole number"));
      n_days = json_node_get_int (node);
      if (n_days < 1 || n_days > 366)
        return invalid (error, _("n-days: %" G_GINT64_FORMAT " is out of range (1 to 366)"), n_days);
      mt_tour_set_n_days (tour, (guint) n_days);
    }

  return TRUE;
}

static gboolean
read_entities (MtTour        *tour,
               JsonObject    *root,
               MtEntityKind   kind,
               GError       **error)
{
  const char *member = mt_entity_kind_get_member (kind);
  JsonNode *node = json_object_get_member (root, member);
  g_autoptr(GPtrArray) entities = NULL;
  const char *duplicate = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("%s: expected a list"), member);

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  entities = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      char path[64];
      MtEntity *entity;

      g_snprintf (path, sizeof path, "%s[%u]", member, i);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, _("%s: expected an object"), path);

      entity = _mt_entity_new_from_json (kind, json_node_get_object (element), path, error);
      if (entity == NULL)
        return FALSE;
      g_ptr_array_add (entities, entity);
    }

  if (!_mt_tour_take_loaded (tour, kind, entities, &duplicate))
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_DUPLICATE_ID,
                   _("%s: the id \"%s\" is used by more than one item"), member, duplicate);
      return FALSE;
    }
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
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *root, *node;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  if (length == 0)
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_SYNTAX, _("The file is empty"));
      prefix_error (error, name);
      return NULL;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_SYNTAX,
                   _("The file is not UTF-8 text"));
      prefix_error (error, name);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      int line, column, offset = 0;

      /* json-glib's message carries the line and column, after "<data>" */
      if (sscanf (local_error->message, "<data>:%d:%d: %n", &line, &column, &offset) == 2 && offset > 0)
        g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_SYNTAX,
                     _("Not a valid tour file: line %d, column %d: %s"),
                     line, column, local_error->message + offset);
      else
        g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_SYNTAX,
                     _("Not a valid tour file: %s"), local_error->message);
      prefix_error (error, name);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_SYNTAX,
                   _("Not a valid tour file: the top level is not a JSON object"));
      prefix_error (error, name);
      return NULL;
    }

  tour = mt_tour_new ();
  if (!read_tour (tour, json_node_get_object (root), error))
    {
      prefix_error (error, name);
      return NULL;
    }

  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    if (!read_entities (tour, json_node_get_object (root), kind, error))
      {
        prefix_error (error, name);
        return NULL;
      }

  json_object_iter_init_ordered (&iter, json_node_get_object (root));
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (is_tour_member (member))
        continue;
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, member, json_node_copy (node));
    }
  _mt_tour_set_unknown (tour, unknown);

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
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
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
  write_string_member (&writer, "time-zone", mt_tour_get_time_zone (tour));
  first_day = mt_wall_date_format (mt_tour_get_first_day (tour));
  write_string_member (&writer, "first-day", first_day);
  mt_json_writer_member (&writer, "n-days");
  mt_json_writer_int (&writer, mt_tour_get_n_days (tour));
  write_string_member (&writer, "description", mt_tour_get_description (tour));

  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = mt_tour_get_entities (tour, kind);

      mt_json_writer_member (&writer, mt_entity_kind_get_member (kind));
      mt_json_writer_begin_array (&writer);
      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);

          _mt_entity_write_json (entity, &writer);
        }
      mt_json_writer_end_array (&writer);
    }

  if (_mt_tour_get_unknown (tour) != NULL)
    mt_json_writer_members (&writer, _mt_tour_get_unknown (tour));

  mt_json_writer_end_object (&writer);
  g_string_append_c (text, '\n');
  return g_string_free_to_bytes (text);
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
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = mt_tour_save_to_bytes (tour);
  if (!g_file_replace_contents (file,
                                g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                cancellable, &local_error))
    {
      g_autofree char *name = file_display_name (file);

      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_IO,
                   _("%s: could not be saved: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
save_replace_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &local_error))
    {
      g_autofree char *name = file_display_name (G_FILE (source));

      g_task_return_new_error (task, MT_TOUR_ERROR, MT_TOUR_ERROR_IO,
                               _("%s: could not be saved: %s"), name, local_error->message);
      return;
    }
  g_task_return_boolean (task, TRUE);
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
  GTask *task;

  g_return_if_fail (MT_IS_TOUR (tour));
  g_return_if_fail (G_IS_FILE (file));

  bytes = mt_tour_save_to_bytes (tour);
  task = g_task_new (tour, cancellable, callback, user_data);
  g_task_set_source_tag (task, mt_tour_save_file_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       cancellable, save_replace_cb, task);
}

gboolean
mt_tour_save_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
