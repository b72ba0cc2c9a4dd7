/* mt-json-writer.h: a fast, streaming JSON writer for the tour file
 *
 * json-glib reads the tour file; writing goes straight from the model into
 * a GString instead of building a JsonNode tree first, which on a large tour
 * cost more than the writing itself (building, generating and freeing the
 * tree). The output is pretty-printed with two-space indentation in the
 * style json-glib's generator uses, and numbers are written in the shortest
 * form that reads back to the same double.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  GString *out;
  guint    depth;
  gboolean first;     /* no member or element written yet at this depth */
  gboolean in_member; /* a member's name is written, its value is next */
  guint    flat_depth; /* 0, or the depth below which all is on one line */
} MtJsonWriter;

void  mt_json_writer_init         (MtJsonWriter *writer,
                                   GString      *out);
void  mt_json_writer_begin_object (MtJsonWriter *writer);
void  mt_json_writer_end_object   (MtJsonWriter *writer);
void  mt_json_writer_begin_array  (MtJsonWriter *writer);
void  mt_json_writer_end_array    (MtJsonWriter *writer);
/* Starts a member of an object: the value follows. */
void  mt_json_writer_member       (MtJsonWriter *writer,
                                   const char   *name);
void  mt_json_writer_string       (MtJsonWriter *writer,
                                   const char   *value);
void  mt_json_writer_int          (MtJsonWriter *writer,
                                   gint64        value);
void  mt_json_writer_double       (MtJsonWriter *writer,
                                   double        value);
void  mt_json_writer_boolean      (MtJsonWriter *writer,
                                   gboolean      value);
void  mt_json_writer_node         (MtJsonWriter *writer,
                                   JsonNode     *node);
/* The next value, to the matching mt_json_writer_end_flat(), goes on one
 * line: a row of a table. */
void  mt_json_writer_begin_flat   (MtJsonWriter *writer);
void  mt_json_writer_end_flat     (MtJsonWriter *writer);
/* Writes the members of @object at the current depth. */
void  mt_json_writer_members      (MtJsonWriter *writer,
                                   JsonObject   *object);

G_END_DECLS
