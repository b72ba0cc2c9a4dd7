/* mt-json-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-json-writer"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "mt-json-writer.h"

void
mt_json_writer_init (MtJsonWriter *writer,
                     GString      *out)
{
  writer->out = out;
  writer->depth = 0;
  writer->first = TRUE;
  writer->in_member = FALSE;
  writer->flat_depth = 0;
}

static gboolean
is_flat (MtJsonWriter *writer,
         guint         depth)
{
  return writer->flat_depth > 0 && depth >= writer->flat_depth;
}

static void
newline (MtJsonWriter *writer)
{
  if (is_flat (writer, writer->depth))
    {
      g_string_append_c (writer->out, ' ');
      return;
    }
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->depth; i++)
    g_string_append (writer->out, "  ");
}

/* Before an array element (a member's value has its place already). */
static void
element (MtJsonWriter *writer)
{
  if (writer->depth == 0)
    return;
  if (!writer->first)
    g_string_append_c (writer->out, ',');
  newline (writer);
  writer->first = FALSE;
}

static void
value_start (MtJsonWriter *writer)
{
  if (writer->in_member)
    writer->in_member = FALSE;
  else
    element (writer);
}

static void
begin (MtJsonWriter *writer,
       char          bracket)
{
  value_start (writer);
  g_string_append_c (writer->out, bracket);
  writer->depth++;
  writer->first = TRUE;
}

static void
end (MtJsonWriter *writer,
     char          bracket)
{
  gboolean empty = writer->first;

  writer->depth--;
  if (empty || is_flat (writer, writer->depth + 1))
    g_string_append_c (writer->out, ' ');
  else
    newline (writer);
  g_string_append_c (writer->out, bracket);
  writer->first = FALSE;
}

void
mt_json_writer_begin_object (MtJsonWriter *writer)
{
  begin (writer, '{');
}

void
mt_json_writer_end_object (MtJsonWriter *writer)
{
  end (writer, '}');
}

void
mt_json_writer_begin_flat (MtJsonWriter *writer)
{
  g_return_if_fail (writer->flat_depth == 0);
  writer->flat_depth = writer->depth + 1;
}

void
mt_json_writer_end_flat (MtJsonWriter *writer)
{
  writer->flat_depth = 0;
}

void
mt_json_writer_begin_array (MtJsonWriter *writer)
{
  begin (writer, '[');
}

void
mt_json_writer_end_array (MtJsonWriter *writer)
{
  end (writer, ']');
}

static void
append_escaped (GString    *out,
                const char *text)
{
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p; p++)
    {
      unsigned char c = (unsigned char) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
mt_json_writer_member (MtJsonWriter *writer,
                       const char   *name)
{
  element (writer);
  append_escaped (writer->out, name);
  g_string_append (writer->out, " : ");
  writer->in_member = TRUE;
}

void
mt_json_writer_string (MtJsonWriter *writer,
                       const char   *value)
{
  value_start (writer);
  append_escaped (writer->out, value);
}

void
mt_json_writer_int (MtJsonWriter *writer,
                    gint64        value)
{
  value_start (writer);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

void
mt_json_writer_double (MtJsonWriter *writer,
                       double        value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  value_start (writer);

  /* the shortest form that reads back to the same number */
  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (writer->out, buf);
  /* keep it a double for readers that tell integers apart */
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (writer->out, ".0");
}

void
mt_json_writer_boolean (MtJsonWriter *writer,
                        gboolean      value)
{
  value_start (writer);
  g_string_append (writer->out, value ? "true" : "false");
}

void
mt_json_writer_members (MtJsonWriter *writer,
                        JsonObject   *object)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      mt_json_writer_member (writer, member);
      mt_json_writer_node (writer, node);
    }
}

void
mt_json_writer_node (MtJsonWriter *writer,
                     JsonNode     *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      mt_json_writer_begin_object (writer);
      mt_json_writer_members (writer, json_node_get_object (node));
      mt_json_writer_end_object (writer);
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        mt_json_writer_begin_array (writer);
        for (guint i = 0, n = json_array_get_length (array); i < n; i++)
          mt_json_writer_node (writer, json_array_get_element (array, i));
        mt_json_writer_end_array (writer);
      }
      break;

    case JSON_NODE_NULL:
      value_start (writer);
      g_string_append (writer->out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          mt_json_writer_string (writer, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          mt_json_writer_boolean (writer, json_node_get_boolean (node));
          break;
        case G_TYPE_DOUBLE:
          mt_json_writer_double (writer, json_node_get_double (node));
          break;
        default:
          mt_json_writer_int (writer, json_node_get_int (node));
          break;
        }
      break;
    }
}
