/* mt-tour-file-stamps.c: the merge stamps in the tour file (format 2)
 *
 * At the top level: "revision", a digest of the rest of the file; "stamp",
 * the tour's created stamp; "stamps", those of the tour's own properties
 * that differ from it; "replicas", the organiser's name of each replica id
 * that changed the tour. Each entity has its own "stamp" and "stamps" (see
 * mt-entity-json.c), and the deleted entities stay in their lists with a
 * "deleted" member.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-tour-file"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-tour-file.h"
#include "mt-tour-file-private.h"

/* 2024-01-01T00:00:00Z: the clock of a format-1 file's stamps where it has
 * no "modified" member */
#define FORMAT_1_EPOCH_MS G_GINT64_CONSTANT (1704067200000)

void
_mt_tour_file_stamps_clear (MtTourFileStamps *stamps)
{
  g_clear_pointer (&stamps->replica_names, g_hash_table_unref);
  g_clear_pointer (&stamps->revision, g_free);
}

static gboolean
invalid_member (GError     **error,
                const char  *member,
                const char  *what)
{
  g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID, "%s: %s", member, what);
  return FALSE;
}

static gboolean
read_stamp_text (MtJsonReader  *reader,
                 const char    *member,
                 MtStamp       *out,
                 GError       **error)
{
  MtJsonType type = mt_json_reader_peek (reader);
  const char *text;

  if (type != MT_JSON_STRING)
    return invalid_member (error, member, _("expected a stamp as text"));
  if (!mt_json_reader_read_string (reader, &text, error))
    return FALSE;
  if (!mt_stamp_parse (text, out))
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                   _("%s: \"%s\" is not a stamp (a clock in hex, \"@\", a replica id)"),
                   member, text);
      return FALSE;
    }
  return TRUE;
}

typedef gboolean (*ReadObjectMember) (MtJsonReader      *reader,
                                      const char        *path,
                                      const char        *name,
                                      MtTourFileStamps  *stamps,
                                      GError           **error);

typedef struct
{
  const char       *member;
  ReadObjectMember  read;
  MtTourFileStamps *stamps;
} ObjectRead;

static gboolean
read_object_member (MtJsonReader  *reader,
                    const char    *name,
                    gpointer       data,
                    GError       **error)
{
  ObjectRead *object = data;
  g_autofree char *path = g_strconcat (object->member, ".", name, NULL);

  return object->read (reader, path, name, object->stamps, error);
}

static gboolean
read_object (MtJsonReader      *reader,
             const char        *member,
             ReadObjectMember   read,
             MtTourFileStamps  *stamps,
             GError           **error)
{
  ObjectRead object = { member, read, stamps };

  if (mt_json_reader_peek (reader) != MT_JSON_OBJECT)
    return invalid_member (error, member, _("expected an object"));
  return mt_json_reader_read_members (reader, read_object_member, &object, error);
}

static gboolean
read_property_stamp (MtJsonReader      *reader,
                     const char        *path,
                     const char        *name,
                     MtTourFileStamps  *stamps,
                     GError           **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (MT_TYPE_TOUR);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);

  MtStamp ignored;

  /* a property of a newer version of the same format: its stamp is read
   * and not kept */
  if (pspec == NULL)
    return read_stamp_text (reader, path, &ignored, error);
  return read_stamp_text (reader, path, &stamps->props[pspec->param_id], error);
}

static gboolean
read_replica_name (MtJsonReader      *reader,
                   const char        *path,
                   const char        *name,
                   MtTourFileStamps  *stamps,
                   GError           **error)
{
  const char *replica = mt_replica_intern (name);
  const char *text;

  if (replica == NULL)
    return invalid_member (error, path, _("is not a replica id (a-z, 0-9, \"-\", \"_\")"));
  if (mt_json_reader_peek (reader) != MT_JSON_STRING)
    return invalid_member (error, path, _("expected a name as text"));
  if (!mt_json_reader_read_string (reader, &text, error))
    return FALSE;
  if (text[0] == '\0')
    return TRUE;
  if (stamps->replica_names == NULL)
    stamps->replica_names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_hash_table_insert (stamps->replica_names, (gpointer) replica, g_strdup (text));
  return TRUE;
}

gboolean
_mt_tour_file_read_stamps (MtJsonReader      *reader,
                           const char        *member,
                           MtTourFileStamps  *stamps,
                           gboolean          *handled,
                           GError           **error)
{
  *handled = TRUE;
  if (strcmp (member, "stamp") == 0)
    return read_stamp_text (reader, member, &stamps->created, error);
  /* not @member: it is the reader's buffer, which the next name overwrites */
  if (strcmp (member, "stamps") == 0)
    return read_object (reader, "stamps", read_property_stamp, stamps, error);
  if (strcmp (member, "replicas") == 0)
    return read_object (reader, "replicas", read_replica_name, stamps, error);
  if (strcmp (member, "revision") == 0)
    {
      const char *text;

      if (mt_json_reader_peek (reader) != MT_JSON_STRING)
        return invalid_member (error, member, _("expected text"));
      if (!mt_json_reader_read_string (reader, &text, error))
        return FALSE;
      g_free (stamps->revision);
      stamps->revision = g_strdup (text);
      return TRUE;
    }
  *handled = FALSE;
  return TRUE;
}

void
_mt_tour_file_apply_stamps (MtTour            *tour,
                            MtTourFileStamps  *stamps,
                            GPtrArray        **entities)
{
  gint64 base_ms = stamps->newest_modified > 0 ? stamps->newest_modified / 1000 : FORMAT_1_EPOCH_MS;
  MtStamp origin = { MT_HLC_MAKE (base_ms, 0), mt_replica_intern (MT_REPLICA_ORIGIN) };

  tour->created = mt_stamp_is_set (&stamps->created) ? stamps->created : origin;
  mt_clock_observe (&tour->clock, tour->created.hlc);
  for (guint p = 1; p < MT_TOUR_N_PROPS; p++)
    {
      tour->stamps[p] = mt_stamp_is_set (&stamps->props[p]) ? stamps->props[p] : tour->created;
      mt_clock_observe (&tour->clock, tour->stamps[p].hlc);
    }

  /* entities without stamps: one each, in the order of the file */
  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    for (guint i = 0; entities[kind] != NULL && i < entities[kind]->len; i++)
      {
        origin.hlc++;
        _mt_entity_stamp_unset (g_ptr_array_index (entities[kind], i), &origin);
      }

  if (stamps->replica_names != NULL)
    {
      GHashTableIter iter;
      gpointer replica, name;

      g_hash_table_iter_init (&iter, stamps->replica_names);
      while (g_hash_table_iter_next (&iter, &replica, &name))
        mt_tour_set_replica_name (tour, replica, name);
    }
  g_free (tour->revision);
  tour->revision = g_steal_pointer (&stamps->revision);
}

void
_mt_tour_file_write_stamps (MtTour       *tour,
                            MtJsonWriter *writer)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (MT_TYPE_TOUR);
  g_autoptr(GPtrArray) replicas = mt_tour_dup_replicas (tour);
  char buf[MT_STAMP_BUF_SIZE];
  gboolean open = FALSE;

  if (!mt_stamp_is_set (&tour->created))
    return;

  mt_stamp_format_buf (&tour->created, buf);
  mt_json_writer_member (writer, "stamp");
  mt_json_writer_string (writer, buf);

  for (guint p = 1; p < MT_TOUR_N_PROPS; p++)
    {
      GParamSpec *pspec;
      guint n_pspecs;
      g_autofree GParamSpec **pspecs = NULL;

      if (mt_stamp_equal (&tour->stamps[p], &tour->created))
        continue;
      if (!open)
        {
          mt_json_writer_member (writer, "stamps");
          mt_json_writer_begin_object (writer);
          open = TRUE;
        }
      pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
      pspec = NULL;
      for (guint i = 0; i < n_pspecs && pspec == NULL; i++)
        if (pspecs[i]->param_id == p)
          pspec = pspecs[i];
      g_assert (pspec != NULL);
      mt_stamp_format_buf (&tour->stamps[p], buf);
      mt_json_writer_member (writer, g_param_spec_get_name (pspec));
      mt_json_writer_string (writer, buf);
    }
  if (open)
    mt_json_writer_end_object (writer);

  if (replicas->len > 0)
    {
      mt_json_writer_member (writer, "replicas");
      mt_json_writer_begin_object (writer);
      for (guint i = 0; i < replicas->len; i++)
        {
          const char *replica = g_ptr_array_index (replicas, i);

          mt_json_writer_member (writer, replica);
          mt_json_writer_string (writer, mt_tour_get_replica_name (tour, replica));
        }
      mt_json_writer_end_object (writer);
    }
}

static int
compare_created_indirect (gconstpointer a,
                          gconstpointer b)
{
  return _mt_entity_compare_created (*(MtEntity **) a, *(MtEntity **) b);
}

void
_mt_tour_file_write_entities (MtTour       *tour,
                              MtEntityKind  kind,
                              MtJsonWriter *writer)
{
  GListModel *model = mt_tour_get_entities (tour, kind);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) dead = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  guint i = 0, j = 0;

  g_hash_table_iter_init (&iter, tour->tombstones);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (mt_entity_get_kind (value) == kind)
      g_ptr_array_add (dead, value);
  g_ptr_array_sort (dead, compare_created_indirect);

  mt_json_writer_member (writer, mt_entity_kind_get_member (kind));
  mt_json_writer_begin_array (writer);
  while (i < n || j < dead->len)
    {
      g_autoptr(MtEntity) alive = i < n ? g_list_model_get_item (model, i) : NULL;

      if (alive != NULL &&
          (j == dead->len || _mt_entity_compare_created (alive, g_ptr_array_index (dead, j)) < 0))
        {
          _mt_entity_write_json (alive, writer);
          i++;
        }
      else
        _mt_entity_write_json (g_ptr_array_index (dead, j++), writer);
    }
  mt_json_writer_end_array (writer);
}

/* FNV-1a, 64 bits: not for secrets, only to tell contents apart */
static guint64
digest (const char *data,
        gsize       length)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < length; i++)
    {
      hash ^= (guchar) data[i];
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return hash;
}

void
_mt_tour_file_insert_revision (GString *text)
{
  const char *format = strstr (text->str, "\"format\"");
  const char *line_end;
  char member[64];

  g_assert (format != NULL);
  line_end = strchr (format, '\n');
  g_assert (line_end != NULL);

  g_snprintf (member, sizeof member, "  \"revision\" : \"%016" G_GINT64_MODIFIER "x\",\n",
              digest (text->str, text->len));
  g_string_insert (text, line_end + 1 - text->str, member);
}

/**
 * mt_tour_file_dup_revision:
 *
 * Returns: (transfer full) (nullable): the "revision" of a tour file's
 *   contents, read from its first lines without parsing the rest
 */
char *
mt_tour_file_dup_revision (GBytes *contents)
{
  gsize length = MIN (g_bytes_get_size (contents), 256);
  g_autofree char *head = g_strndup (g_bytes_get_data (contents, NULL), length);
  const char *member = strstr (head, "\"revision\"");
  const char *open, *close;

  if (member == NULL)
    return NULL;
  open = strchr (member + strlen ("\"revision\""), '"');
  close = open != NULL ? strchr (open + 1, '"') : NULL;
  if (close == NULL)
    return NULL;
  return g_strndup (open + 1, close - open - 1);
}
