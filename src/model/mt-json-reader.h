/* mt-json-reader.h: a fast pull reader for the tour file
 *
 * json-glib builds a tree of JsonNodes that the loader then walks and
 * frees; on a tour of 10k visits that tree alone cost more time than the
 * goal for the whole load. This reader walks the bytes once and hands the
 * loader each member and value as it comes, so entities are built straight
 * from the text. Members the loader does not know are read into JsonNodes
 * (json-glib's type) to be kept and written back.
 *
 * Errors name the line and column: "line 3, column 14: expected ',' or '}'".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  MT_JSON_OBJECT,
  MT_JSON_ARRAY,
  MT_JSON_STRING,
  MT_JSON_INT,
  MT_JSON_DOUBLE,
  MT_JSON_BOOLEAN,
  MT_JSON_NULL,
  MT_JSON_INVALID,
} MtJsonType;

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GString    *name;   /* the last member name read */
  GString    *text;   /* the last string value read */
  guint       depth;
  guint64     fresh;  /* bit d: the container at depth d has no item yet */
  guint       n_kept; /* values read into JsonNodes */
} MtJsonReader;

/* The values of members the loader does not know are kept as JsonNodes, of
 * a hundred bytes and more each: a file may hold this many of them. */
#define MT_JSON_MAX_KEPT_VALUES 1000000

void        mt_json_reader_init          (MtJsonReader  *reader,
                                          const char    *data,
                                          gsize          length);
void        mt_json_reader_clear         (MtJsonReader  *reader);

/* The type of the next value, without reading it. */
MtJsonType  mt_json_reader_peek          (MtJsonReader  *reader);
const char *mt_json_type_describe        (MtJsonType     type);

gboolean    mt_json_reader_begin_object  (MtJsonReader  *reader,
                                          GError       **error);
/* TRUE with *@name set (valid until the next member) for each member,
 * FALSE at the end of the object (read) or on an error. */
gboolean    mt_json_reader_next_member   (MtJsonReader  *reader,
                                          const char   **name,
                                          GError       **error);
typedef gboolean (*MtJsonMemberFunc) (MtJsonReader  *reader,
                                      const char    *name,
                                      gpointer       data,
                                      GError       **error);
gboolean    mt_json_reader_read_members  (MtJsonReader  *reader,
                                          MtJsonMemberFunc func,
                                          gpointer       data,
                                          GError       **error);
gboolean    mt_json_reader_begin_array   (MtJsonReader  *reader,
                                          GError       **error);
/* TRUE before each element, FALSE at the end (read) or on an error. */
gboolean    mt_json_reader_next_element  (MtJsonReader  *reader,
                                          GError       **error);

/* Each reads a value of that type; the string stays valid until the next
 * string value. */
gboolean    mt_json_reader_read_string   (MtJsonReader  *reader,
                                          const char   **value,
                                          GError       **error);
gboolean    mt_json_reader_read_int      (MtJsonReader  *reader,
                                          gint64        *value,
                                          GError       **error);
gboolean    mt_json_reader_read_double   (MtJsonReader  *reader,
                                          double        *value,
                                          GError       **error);
gboolean    mt_json_reader_read_boolean  (MtJsonReader  *reader,
                                          gboolean      *value,
                                          GError       **error);
gboolean    mt_json_reader_read_null     (MtJsonReader  *reader,
                                          GError       **error);
JsonNode   *mt_json_reader_read_node     (MtJsonReader  *reader,
                                          GError       **error);
/* Sets a syntax error at the reader's position; returns FALSE. */
gboolean    mt_json_reader_error         (MtJsonReader  *reader,
                                          GError       **error,
                                          const char    *what);

/* After the top-level value: only white space may follow. */
gboolean    mt_json_reader_end           (MtJsonReader  *reader,
                                          GError       **error);

G_END_DECLS
