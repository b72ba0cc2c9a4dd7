/* mt-entity-json.c: reading and writing an entity in the tour file
 *
 * The field table of each kind drives both: every member is read straight
 * from the pull reader into the entity's fields, and written from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-entity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mt-entity-private.h"
#include "mt-tour-file.h"
#include "mt-validate.h"

static gboolean
wrong_type (GError     **error,
            const char  *path,
            const char  *member,
            const char  *expected,
            MtJsonType   found)
{
  g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
               _("%s.%s: expected %s, found %s"),
               path, member, expected, mt_json_type_describe (found));
  return FALSE;
}

static char *
enum_nicks (GType enum_type)
{
  GEnumClass *enum_class = g_type_class_peek (enum_type);
  GString *nicks = g_string_new (NULL);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      if (i > 0)
        g_string_append (nicks, ", ");
      g_string_append (nicks, enum_class->values[i].value_nick);
    }
  return g_string_free (nicks, FALSE);
}

static gboolean
read_strv (MtJsonReader  *reader,
           const MtField *field,
           const char    *path,
           char        ***out,
           GError       **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GError *local_error = NULL;

  if (!mt_json_reader_begin_array (reader, error))
    return FALSE;
  while (mt_json_reader_next_element (reader, &local_error))
    {
      MtJsonType type = mt_json_reader_peek (reader);
      const char *text;

      if (type != MT_JSON_STRING)
        {
          g_autofree char *indexed = g_strdup_printf ("%s[%u]", field->name, strings->len);

          return wrong_type (error, path, indexed, _("text"), type);
        }
      if (!mt_json_reader_read_string (reader, &text, error))
        return FALSE;
      g_ptr_array_add (strings, g_strdup (text));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_strfreev (*out);
  *out = NULL;
  if (strings->len > 0)
    {
      g_ptr_array_add (strings, NULL);
      *out = (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
    }
  return TRUE;
}

static gboolean
check_id (const char  *id,
          const char  *path,
          GError     **error)
{
  g_autofree char *field = g_strdup_printf ("%s.id", path);

  return mt_validate_id (id, field, error);
}

static gboolean
check_time_range (gint64       time,
                  const char  *path,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *field = g_strdup_printf ("%s.%s", path, name);

  return mt_validate_wall_time (time, field, error);
}

static gboolean
read_field (MtEntity      *self,
            const MtField *field,
            MtJsonReader  *reader,
            const char    *path,
            GError       **error)
{
  gpointer slot = MT_FIELD_PTR (self, field);
  const char *name = field->name;
  MtJsonType type = mt_json_reader_peek (reader);
  const char *text;

  if (type == MT_JSON_NULL)
    return mt_json_reader_read_null (reader, error);

  switch (field->type)
    {
    case MT_FIELD_STRING:
      if (type != MT_JSON_STRING)
        return wrong_type (error, path, name, _("text"), type);
      if (!mt_json_reader_read_string (reader, &text, error))
        return FALSE;
      g_free (*(char **) slot);
      *(char **) slot = text[0] != '\0' ? g_strdup (text) : NULL;
      return TRUE;

    case MT_FIELD_STRV:
      if (type != MT_JSON_ARRAY)
        return wrong_type (error, path, name, _("a list of text"), type);
      return read_strv (reader, field, path, slot, error);

    case MT_FIELD_BOOLEAN:
      if (type != MT_JSON_BOOLEAN)
        return wrong_type (error, path, name, _("true or false"), type);
      return mt_json_reader_read_boolean (reader, slot, error);

    case MT_FIELD_UINT:
      {
        gint64 value;

        if (type != MT_JSON_INT)
          return wrong_type (error, path, name, _("a whole number"), type);
        if (!mt_json_reader_read_int (reader, &value, error))
          return FALSE;
        if (value < field->minimum || value > field->maximum)
          {
            g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                         _("%s.%s: %lld is out of range (%.0f to %.0f)"),
                         path, name, (long long) value, field->minimum, field->maximum);
            return FALSE;
          }
        *(guint *) slot = (guint) value;
        return TRUE;
      }

    case MT_FIELD_DOUBLE:
      {
        double value;

        if (type != MT_JSON_INT && type != MT_JSON_DOUBLE)
          return wrong_type (error, path, name, _("a number"), type);
        if (!mt_json_reader_read_double (reader, &value, error))
          return FALSE;
        if (!(value >= field->minimum && value <= field->maximum))
          {
            g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                         _("%s.%s: %g is out of range (%g to %g)"),
                         path, name, value, field->minimum, field->maximum);
            return FALSE;
          }
        *(double *) slot = value;
        return TRUE;
      }

    case MT_FIELD_TIME:
      if (type != MT_JSON_STRING)
        return wrong_type (error, path, name, _("a time as text"), type);
      if (!mt_json_reader_read_string (reader, &text, error))
        return FALSE;
      if (!mt_wall_time_parse (text, slot))
        {
          g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                       _("%s.%s: \"%s\" is not a valid time (YYYY-MM-DDTHH:MM)"),
                       path, name, text);
          return FALSE;
        }
      return check_time_range (*(gint64 *) slot, path, name, error);

    case MT_FIELD_ENUM:
      {
        /* the field's GParamSpec holds a reference on the class */
        GEnumClass *enum_class = g_type_class_peek (field->enum_type);
        GEnumValue *value;

        if (type != MT_JSON_STRING)
          return wrong_type (error, path, name, _("text"), type);
        if (!mt_json_reader_read_string (reader, &text, error))
          return FALSE;
        value = g_enum_get_value_by_nick (enum_class, text);
        if (value == NULL)
          {
            g_autofree char *nicks = enum_nicks (field->enum_type);

            g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                         _("%s.%s: \"%s\" is not one of %s"), path, name, text, nicks);
            return FALSE;
          }
        *(int *) slot = value->value;
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static const MtField *
find_field (MtEntityClass *klass,
            const char    *name,
            guint         *out_index)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (strcmp (klass->fields[i].name, name) == 0)
      {
        *out_index = i;
        return &klass->fields[i];
      }
  return NULL;
}

static gboolean
check_times (MtEntity    *self,
             const char  *path,
             GError     **error)
{
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);
  guint start_index, end_index;
  const MtField *start_field = find_field (klass, "start", &start_index);
  const MtField *end_field = find_field (klass, "end", &end_index);
  gint64 start, end;

  if (start_field == NULL || end_field == NULL)
    return TRUE;

  start = *(gint64 *) MT_FIELD_PTR (self, start_field);
  end = *(gint64 *) MT_FIELD_PTR (self, end_field);
  if (start != MT_TIME_UNSET && end != MT_TIME_UNSET && end < start)
    {
      char start_text[MT_WALL_TIME_BUF_SIZE], end_text[MT_WALL_TIME_BUF_SIZE];

      mt_wall_time_format_buf (start, start_text);
      mt_wall_time_format_buf (end, end_text);
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                   _("%s.end: \"%s\" is before the start \"%s\""),
                   path, end_text, start_text);
      return FALSE;
    }
  return TRUE;
}

void
_mt_entity_init_fields (MtEntity *self)
{
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);

  _mt_entity_get_private (self)->stamps = g_new0 (MtStamp, klass->n_fields);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MtField *field = &klass->fields[i];

      if (field->type == MT_FIELD_TIME)
        *(gint64 *) MT_FIELD_PTR (self, field) = MT_TIME_UNSET;
      else if (field->type == MT_FIELD_UINT)
        *(guint *) MT_FIELD_PTR (self, field) = (guint) field->minimum;
    }
}

static gboolean
bad_stamp (GError     **error,
           const char  *path,
           const char  *member,
           const char  *text)
{
  g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
               _("%s.%s: \"%s\" is not a stamp (a clock in hex, \"@\", a replica id)"),
               path, member, text);
  return FALSE;
}

/* "stamps": { "title": "<stamp>", "groups/<id>": "<stamp>" or "-<stamp>"
 * for an id removed from the list, "deleted": "<stamp>" } */
static gboolean
read_stamp_member (MtEntity     *self,
                   const char   *key,
                   const char   *text,
                   const char   *path,
                   GError      **error)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);
  g_autofree char *name = g_strdup (key);
  char *slash = strchr (name, '/');
  gboolean removed = text[0] == '-';
  g_autofree char *member = g_strconcat ("stamps.", key, NULL);
  const MtField *field;
  MtStamp stamp;
  guint index;

  if (!mt_stamp_parse (removed ? text + 1 : text, &stamp))
    return bad_stamp (error, path, member, text);

  if (slash == NULL && strcmp (name, "deleted") == 0 && !removed)
    {
      priv->deleted_stamp = stamp;
      return TRUE;
    }
  if (slash != NULL)
    *slash = '\0';
  field = find_field (klass, name, &index);
  /* a field of a newer version of the same format: its values are kept
   * (they merge as members this version does not know), its stamps not */
  if (field == NULL)
    return TRUE;
  if ((slash != NULL) != _mt_field_is_id_list (field) ||
      (slash != NULL && slash[1] == '\0') || (removed && slash == NULL))
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                   _("%s.%s: names no list element of this item"), path, member);
      return FALSE;
    }
  if (slash != NULL)
    _mt_entity_put_element (self, index, slash + 1, &stamp, !removed);
  else
    priv->stamps[index] = stamp;
  return TRUE;
}

typedef struct
{
  MtEntity   *self;
  const char *path;
} StampsRead;

static gboolean
read_stamps_member (MtJsonReader  *reader,
                    const char    *name,
                    gpointer       data,
                    GError       **error)
{
  StampsRead *read = data;
  MtJsonType type = mt_json_reader_peek (reader);
  const char *text;

  if (type != MT_JSON_STRING)
    {
      g_autofree char *member = g_strconcat ("stamps.", name, NULL);

      return wrong_type (error, read->path, member, _("a stamp as text"), type);
    }
  return mt_json_reader_read_string (reader, &text, error) &&
         read_stamp_member (read->self, name, text, read->path, error);
}

static gboolean
read_stamps (MtEntity      *self,
             MtJsonReader  *reader,
             const char    *path,
             GError       **error)
{
  StampsRead read = { self, path };

  return mt_json_reader_read_members (reader, read_stamps_member, &read, error);
}

/* "deleted": { "<replica>": "<clock in hex>" }: what the delete saw */
typedef struct
{
  GArray     *seen;
  const char *path;
} SeenRead;

static gboolean
read_seen_member (MtJsonReader  *reader,
                  const char    *name,
                  gpointer       data,
                  GError       **error)
{
  SeenRead *read = data;
  MtStamp stamp = MT_STAMP_INIT;
  g_autofree char *member = g_strconcat ("deleted.", name, NULL);
  MtJsonType type = mt_json_reader_peek (reader);
  const char *text;

  stamp.replica = mt_replica_intern (name);
  if (stamp.replica == NULL)
    return bad_stamp (error, read->path, member, name);
  if (type != MT_JSON_STRING)
    return wrong_type (error, read->path, member, _("a clock as text"), type);
  if (!mt_json_reader_read_string (reader, &text, error))
    return FALSE;
  if (!mt_hlc_parse (text, &stamp.hlc))
    return bad_stamp (error, read->path, member, text);
  _mt_seen_put (read->seen, &stamp);
  return TRUE;
}

static gboolean
read_member (MtEntity     *self,
             const char   *member,
             MtJsonReader *reader,
             const char   *path,
             guint32      *seen,
             gint64       *newest_modified,
             GError      **error)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);
  MtJsonType type = mt_json_reader_peek (reader);
  const MtField *field;
  const char *text;
  guint index;

  if (strcmp (member, "id") == 0)
    {
      if (type != MT_JSON_STRING)
        return wrong_type (error, path, "id", _("text"), type);
      if (!mt_json_reader_read_string (reader, &text, error))
        return FALSE;
      if (text[0] != '\0' && !check_id (text, path, error))
        return FALSE;
      g_free (priv->id);
      priv->id = g_strdup (text);
      return TRUE;
    }

  if (strcmp (member, "modified") == 0)
    {
      /* format 1's stamp: when the entity last changed */
      gint64 modified;

      if (type != MT_JSON_STRING)
        return wrong_type (error, path, "modified", _("a UTC time as text"), type);
      if (!mt_json_reader_read_string (reader, &text, error))
        return FALSE;
      if (!mt_utc_time_parse (text, &modified))
        {
          g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                       _("%s.modified: \"%s\" is not a UTC time (YYYY-MM-DDTHH:MM:SS.sssZ)"),
                       path, text);
          return FALSE;
        }
      if (newest_modified != NULL)
        *newest_modified = MAX (*newest_modified, modified);
      return TRUE;
    }

  if (strcmp (member, "stamp") == 0)
    {
      if (type != MT_JSON_STRING)
        return wrong_type (error, path, "stamp", _("a stamp as text"), type);
      if (!mt_json_reader_read_string (reader, &text, error))
        return FALSE;
      if (!mt_stamp_parse (text, &priv->created))
        return bad_stamp (error, path, "stamp", text);
      return TRUE;
    }

  if (strcmp (member, "stamps") == 0)
    {
      if (type != MT_JSON_OBJECT)
        return wrong_type (error, path, "stamps", _("an object"), type);
      return read_stamps (self, reader, path, error);
    }

  if (strcmp (member, "deleted") == 0)
    {
      if (type != MT_JSON_OBJECT)
        return wrong_type (error, path, "deleted", _("an object of clocks by replica"), type);
      g_clear_pointer (&priv->deleted_seen, g_array_unref);
      priv->deleted_seen = _mt_seen_new ();
      {
        SeenRead read = { priv->deleted_seen, path };

        return mt_json_reader_read_members (reader, read_seen_member, &read, error);
      }
    }

  if (strcmp (member, "revision") == 0)
    {
      gint64 value;

      if (type != MT_JSON_INT)
        return wrong_type (error, path, "revision", _("a whole number"), type);
      if (!mt_json_reader_read_int (reader, &value, error))
        return FALSE;
      if (value < 0 || value > G_MAXUINT)
        {
          g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                       _("%s.revision: %lld is out of range"), path, (long long) value);
          return FALSE;
        }
      priv->revision = (guint) value;
      return TRUE;
    }

  field = find_field (klass, member, &index);
  if (field != NULL)
    {
      *seen |= 1u << index;
      return read_field (self, field, reader, path, error);
    }

  /* a member of a newer version: kept as it is, to be written back */
  {
    g_autofree char *name = g_strdup (member);
    JsonNode *node = mt_json_reader_read_node (reader, error);

    if (node == NULL)
      return FALSE;
    if (priv->unknown == NULL)
      priv->unknown = json_object_new ();
    json_object_set_member (priv->unknown, name, node);
  }
  return TRUE;
}

MtEntity *
_mt_entity_read_json (MtEntityKind   kind,
                      MtJsonReader  *reader,
                      const char    *path,
                      gint64        *newest_modified,
                      GError       **error)
{
  g_autoptr(MtEntity) self = NULL;
  g_autoptr(GError) local_error = NULL;
  MtEntityPrivate *priv;
  MtEntityClass *klass;
  const char *member;
  guint32 seen = 0;

  /* an empty id for now (no new UUID to throw away): the member sets it */
  self = g_object_new (mt_entity_kind_get_gtype (kind), "id", "", NULL);
  priv = _mt_entity_get_private (self);
  klass = MT_ENTITY_GET_CLASS (self);
  g_assert (klass->n_fields <= 32);

  if (mt_json_reader_peek (reader) != MT_JSON_OBJECT)
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                   _("%s: expected an object, found %s"),
                   path, mt_json_type_describe (mt_json_reader_peek (reader)));
      return NULL;
    }
  if (!mt_json_reader_begin_object (reader, error))
    return NULL;

  while (mt_json_reader_next_member (reader, &member, &local_error))
    if (!read_member (self, member, reader, path, &seen, newest_modified, error))
      return NULL;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (priv->id[0] == '\0')
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                   _("%s.id: missing; every entity needs an id"), path);
      return NULL;
    }

  for (guint i = 0; i < klass->n_fields; i++)
    if ((klass->fields[i].flags & MT_FIELD_REQUIRED) && !(seen & (1u << i)))
      {
        g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                     _("%s.%s: missing"), path, klass->fields[i].name);
        return NULL;
      }

  if (!check_times (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The stamps that differ from the entity's created stamp */
static void
write_stamps (MtEntity     *self,
              MtJsonWriter *writer)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);
  gboolean open = FALSE;
  char buf[MT_STAMP_BUF_SIZE + 1];

#define OPEN_STAMPS()                                   \
  G_STMT_START {                                        \
    if (!open)                                          \
      {                                                 \
        mt_json_writer_member (writer, "stamps");       \
        mt_json_writer_begin_object (writer);           \
        open = TRUE;                                    \
      }                                                 \
  } G_STMT_END

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MtField *field = &klass->fields[i];
      GArray *elements;

      if (!_mt_field_is_id_list (field))
        {
          if (mt_stamp_equal (&priv->stamps[i], &priv->created))
            continue;
          OPEN_STAMPS ();
          mt_stamp_format_buf (&priv->stamps[i], buf);
          mt_json_writer_member (writer, field->name);
          mt_json_writer_string (writer, buf);
          continue;
        }

      elements = _mt_entity_get_elements (self, i);
      for (guint j = 0; elements != NULL && j < elements->len; j++)
        {
          MtElement *element = &g_array_index (elements, MtElement, j);
          g_autofree char *key = NULL;

          if (element->present && mt_stamp_equal (&element->stamp, &priv->created))
            continue;
          OPEN_STAMPS ();
          buf[0] = '-';
          mt_stamp_format_buf (&element->stamp, buf + 1);
          key = g_strconcat (field->name, "/", element->id, NULL);
          mt_json_writer_member (writer, key);
          mt_json_writer_string (writer, element->present ? buf + 1 : buf);
        }
    }
  if (mt_stamp_is_set (&priv->deleted_stamp))
    {
      OPEN_STAMPS ();
      mt_stamp_format_buf (&priv->deleted_stamp, buf);
      mt_json_writer_member (writer, "deleted");
      mt_json_writer_string (writer, buf);
    }
  if (open)
    mt_json_writer_end_object (writer);

#undef OPEN_STAMPS
}

void
_mt_entity_write_json (MtEntity     *self,
                       MtJsonWriter *writer)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);

  mt_json_writer_begin_object (writer);
  mt_json_writer_member (writer, "id");
  mt_json_writer_string (writer, priv->id);
  if (mt_stamp_is_set (&priv->created))
    {
      char buf[MT_STAMP_BUF_SIZE];

      mt_stamp_format_buf (&priv->created, buf);
      mt_json_writer_member (writer, "stamp");
      mt_json_writer_string (writer, buf);
    }
  if (priv->revision != 0)
    {
      mt_json_writer_member (writer, "revision");
      mt_json_writer_int (writer, priv->revision);
    }
  if (priv->deleted_seen != NULL)
    {
      char buf[MT_STAMP_BUF_SIZE];

      mt_json_writer_member (writer, "deleted");
      mt_json_writer_begin_object (writer);
      for (guint i = 0; i < priv->deleted_seen->len; i++)
        {
          MtStamp *seen = &g_array_index (priv->deleted_seen, MtStamp, i);

          mt_hlc_format_buf (seen->hlc, buf);
          mt_json_writer_member (writer, seen->replica);
          mt_json_writer_string (writer, buf);
        }
      mt_json_writer_end_object (writer);
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MtField *field = &klass->fields[i];
      gpointer slot = MT_FIELD_PTR (self, field);

      switch (field->type)
        {
        case MT_FIELD_STRING:
          if (*(char **) slot != NULL)
            {
              mt_json_writer_member (writer, field->name);
              mt_json_writer_string (writer, *(char **) slot);
            }
          break;

        case MT_FIELD_STRV:
          if (*(char ***) slot != NULL)
            {
              mt_json_writer_member (writer, field->name);
              mt_json_writer_begin_array (writer);
              for (char **s = *(char ***) slot; *s != NULL; s++)
                mt_json_writer_string (writer, *s);
              mt_json_writer_end_array (writer);
            }
          break;

        case MT_FIELD_BOOLEAN:
          if (*(gboolean *) slot)
            {
              mt_json_writer_member (writer, field->name);
              mt_json_writer_boolean (writer, TRUE);
            }
          break;

        case MT_FIELD_UINT:
          if (*(guint *) slot != (guint) field->minimum)
            {
              mt_json_writer_member (writer, field->name);
              mt_json_writer_int (writer, *(guint *) slot);
            }
          break;

        case MT_FIELD_DOUBLE:
          if (*(double *) slot != 0.0)
            {
              mt_json_writer_member (writer, field->name);
              mt_json_writer_double (writer, *(double *) slot);
            }
          break;

        case MT_FIELD_TIME:
          if (*(gint64 *) slot != MT_TIME_UNSET)
            {
              char buf[MT_WALL_TIME_BUF_SIZE];

              mt_wall_time_format_buf (*(gint64 *) slot, buf);
              mt_json_writer_member (writer, field->name);
              mt_json_writer_string (writer, buf);
            }
          break;

        case MT_FIELD_ENUM:
          if (*(int *) slot != 0)
            {
              GEnumClass *enum_class = g_type_class_peek (field->enum_type);
              GEnumValue *value = g_enum_get_value (enum_class, *(int *) slot);

              g_assert (value != NULL);
              mt_json_writer_member (writer, field->name);
              mt_json_writer_string (writer, value->value_nick);
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  write_stamps (self, writer);

  if (priv->unknown != NULL)
    mt_json_writer_members (writer, priv->unknown);

  mt_json_writer_end_object (writer);
}

