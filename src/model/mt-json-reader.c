/* mt-json-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "mt-json-reader.h"
#include "mt-tour-file.h"

/* Deeper than any tour file; stops a hostile file from exhausting the stack */
#define MAX_DEPTH 64

void
mt_json_reader_init (MtJsonReader *reader,
                     const char   *data,
                     gsize         length)
{
  reader->start = data;
  reader->p = data;
  reader->end = data + length;
  reader->name = g_string_new (NULL);
  reader->text = g_string_new (NULL);
  reader->depth = 0;
  reader->fresh = 0;
  reader->n_kept = 0;
}

void
mt_json_reader_clear (MtJsonReader *reader)
{
  g_string_free (reader->name, TRUE);
  g_string_free (reader->text, TRUE);
}

gboolean
mt_json_reader_error (MtJsonReader *reader,
                      GError      **error,
                      const char   *what)
{
  int line = 1, column = 1;

  for (const char *q = reader->start; q < reader->p; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else if (((unsigned char) *q & 0xc0) != 0x80)
        column++;
    }

  g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_SYNTAX,
               /* Translators: "line 3, column 14: expected ',' or '}'" */
               _("Not a valid tour file: line %d, column %d: %s"), line, column, what);
  return FALSE;
}

static inline void
skip_space (MtJsonReader *reader)
{
  while (reader->p < reader->end &&
         (*reader->p == ' ' || *reader->p == '\n' || *reader->p == '\t' || *reader->p == '\r'))
    reader->p++;
}

static inline gboolean
at (MtJsonReader *reader,
    char          c)
{
  skip_space (reader);
  return reader->p < reader->end && *reader->p == c;
}

static const char *
found (MtJsonReader *reader)
{
  return reader->p >= reader->end ? _("the file ends") : _("something else");
}

static gboolean
expect (MtJsonReader *reader,
        char          c,
        GError      **error)
{
  if (!at (reader, c))
    {
      g_autofree char *what = g_strdup_printf (_("expected “%c”, but %s"), c, found (reader));

      return mt_json_reader_error (reader, error, what);
    }
  reader->p++;
  return TRUE;
}

MtJsonType
mt_json_reader_peek (MtJsonReader *reader)
{
  skip_space (reader);
  if (reader->p >= reader->end)
    return MT_JSON_INVALID;

  switch (*reader->p)
    {
    case '{': return MT_JSON_OBJECT;
    case '[': return MT_JSON_ARRAY;
    case '"': return MT_JSON_STRING;
    case 't':
    case 'f': return MT_JSON_BOOLEAN;
    case 'n': return MT_JSON_NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      {
        for (const char *q = reader->p + 1; q < reader->end; q++)
          {
            if (*q == '.' || *q == 'e' || *q == 'E')
              return MT_JSON_DOUBLE;
            if (!g_ascii_isdigit (*q))
              break;
          }
        return MT_JSON_INT;
      }
    default:
      return MT_JSON_INVALID;
    }
}

const char *
mt_json_type_describe (MtJsonType type)
{
  switch (type)
    {
    case MT_JSON_OBJECT: return _("an object");
    case MT_JSON_ARRAY: return _("a list");
    case MT_JSON_STRING: return _("text");
    case MT_JSON_INT:
    case MT_JSON_DOUBLE: return _("a number");
    case MT_JSON_BOOLEAN: return _("true or false");
    case MT_JSON_NULL: return _("null");
    case MT_JSON_INVALID:
    default: return _("nothing valid");
    }
}

/* Whether the innermost container has had no item yet; marks it as having
 * one from now on. */
static gboolean
take_fresh (MtJsonReader *reader)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << (reader->depth - 1);
  gboolean fresh = (reader->fresh & bit) != 0;

  reader->fresh &= ~bit;
  return fresh;
}

gboolean
mt_json_reader_begin_object (MtJsonReader *reader,
                             GError      **error)
{
  if (!expect (reader, '{', error))
    return FALSE;
  if (++reader->depth > MAX_DEPTH)
    return mt_json_reader_error (reader, error, _("nested too deeply"));
  reader->fresh |= G_GUINT64_CONSTANT (1) << (reader->depth - 1);
  return TRUE;
}

static gboolean read_string_into (MtJsonReader *reader,
                                  GString      *out,
                                  GError      **error);

gboolean
mt_json_reader_next_member (MtJsonReader  *reader,
                            const char   **name,
                            GError       **error)
{
  g_assert (reader->depth > 0);

  if (at (reader, '}'))
    {
      reader->p++;
      reader->depth--;
      return FALSE;
    }
  if (!take_fresh (reader))
    {
      if (!at (reader, ','))
        return mt_json_reader_error (reader, error, _("expected “,” or “}”"));
      reader->p++;
    }
  if (!at (reader, '"'))
    return mt_json_reader_error (reader, error, _("expected a member name in quotes"));
  if (!read_string_into (reader, reader->name, error))
    return FALSE;
  if (!expect (reader, ':', error))
    return FALSE;

  *name = reader->name->str;
  return TRUE;
}

/**
 * mt_json_reader_read_members:
 * @func: called for each member, with the reader at its value, which it
 *   must read; its name is a copy, good while @func runs
 *
 * Reads an object member by member.
 */
gboolean
mt_json_reader_read_members (MtJsonReader      *reader,
                             MtJsonMemberFunc   func,
                             gpointer           data,
                             GError           **error)
{
  GError *local_error = NULL;
  const char *name;

  if (!mt_json_reader_begin_object (reader, error))
    return FALSE;
  while (mt_json_reader_next_member (reader, &name, &local_error))
    {
      /* the reader reuses its buffer for names inside the value */
      g_autofree char *copy = g_strdup (name);

      if (!func (reader, copy, data, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
mt_json_reader_begin_array (MtJsonReader *reader,
                            GError      **error)
{
  if (!expect (reader, '[', error))
    return FALSE;
  if (++reader->depth > MAX_DEPTH)
    return mt_json_reader_error (reader, error, _("nested too deeply"));
  reader->fresh |= G_GUINT64_CONSTANT (1) << (reader->depth - 1);
  return TRUE;
}

gboolean
mt_json_reader_next_element (MtJsonReader *reader,
                             GError      **error)
{
  g_assert (reader->depth > 0);

  if (at (reader, ']'))
    {
      reader->p++;
      reader->depth--;
      return FALSE;
    }
  if (take_fresh (reader))
    return TRUE;

  if (!at (reader, ','))
    return mt_json_reader_error (reader, error, _("expected “,” or “]”"));
  reader->p++;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (MtJsonReader *reader,
           gunichar     *out)
{
  gunichar value = 0;

  if (reader->end - reader->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (reader->p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }
  reader->p += 4;
  *out = value;
  return TRUE;
}

static gboolean
read_string_into (MtJsonReader *reader,
                  GString      *out,
                  GError      **error)
{
  const char *run;

  g_assert (*reader->p == '"');
  reader->p++;
  g_string_truncate (out, 0);
  run = reader->p;

  while (reader->p < reader->end)
    {
      unsigned char c = (unsigned char) *reader->p;

      if (c == '"')
        {
          g_string_append_len (out, run, reader->p - run);
          reader->p++;
          if (!g_utf8_validate_len (out->str, out->len, NULL))
            return mt_json_reader_error (reader, error, _("text that is not UTF-8"));
          return TRUE;
        }
      if (c < 0x20)
        return mt_json_reader_error (reader, error, _("a control character inside text"));
      if (c != '\\')
        {
          reader->p++;
          continue;
        }

      g_string_append_len (out, run, reader->p - run);
      reader->p++;
      if (reader->p >= reader->end)
        break;
      switch (*reader->p++)
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar unit, low;

            if (!read_hex4 (reader, &unit))
              return mt_json_reader_error (reader, error, _("a bad \\u escape"));
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                if (reader->end - reader->p < 6 || reader->p[0] != '\\' || reader->p[1] != 'u')
                  return mt_json_reader_error (reader, error, _("half of a surrogate pair"));
                reader->p += 2;
                if (!read_hex4 (reader, &low) || low < 0xdc00 || low > 0xdfff)
                  return mt_json_reader_error (reader, error, _("half of a surrogate pair"));
                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (unit >= 0xdc00 && unit <= 0xdfff)
              return mt_json_reader_error (reader, error, _("half of a surrogate pair"));
            if (unit == 0)
              return mt_json_reader_error (reader, error, _("a NUL character inside text"));
            g_string_append_unichar (out, unit);
          }
          break;
        default:
          reader->p--;
          return mt_json_reader_error (reader, error, _("an unknown escape in text"));
        }
      run = reader->p;
    }

  return mt_json_reader_error (reader, error, _("text that is not closed before the file ends"));
}

gboolean
mt_json_reader_read_string (MtJsonReader  *reader,
                            const char   **value,
                            GError       **error)
{
  if (!at (reader, '"'))
    return mt_json_reader_error (reader, error, _("expected text"));
  if (!read_string_into (reader, reader->text, error))
    return FALSE;
  *value = reader->text->str;
  return TRUE;
}

/* The extent of a number token, checked against JSON's grammar. */
static gboolean
scan_number (MtJsonReader *reader,
             const char  **token_end,
             gboolean     *is_integer)
{
  const char *q = reader->p;

  *is_integer = TRUE;
  if (q < reader->end && *q == '-')
    q++;
  if (q >= reader->end || !g_ascii_isdigit (*q))
    return FALSE;
  if (*q == '0')
    q++;
  else
    while (q < reader->end && g_ascii_isdigit (*q))
      q++;
  if (q < reader->end && *q == '.')
    {
      *is_integer = FALSE;
      q++;
      if (q >= reader->end || !g_ascii_isdigit (*q))
        return FALSE;
      while (q < reader->end && g_ascii_isdigit (*q))
        q++;
    }
  if (q < reader->end && (*q == 'e' || *q == 'E'))
    {
      *is_integer = FALSE;
      q++;
      if (q < reader->end && (*q == '+' || *q == '-'))
        q++;
      if (q >= reader->end || !g_ascii_isdigit (*q))
        return FALSE;
      while (q < reader->end && g_ascii_isdigit (*q))
        q++;
    }
  /* "01", "1x": a number runs into what cannot follow it */
  if (q < reader->end && (g_ascii_isalnum (*q) || *q == '.'))
    return FALSE;
  *token_end = q;
  return TRUE;
}

static gboolean
read_number (MtJsonReader *reader,
             gint64       *int_value,
             double       *double_value,
             gboolean     *is_integer,
             GError      **error)
{
  char buf[64];
  const char *token_end;
  gsize length;

  skip_space (reader);
  if (!scan_number (reader, &token_end, is_integer))
    return mt_json_reader_error (reader, error, _("expected a number"));

  length = token_end - reader->p;
  if (length >= sizeof buf)
    return mt_json_reader_error (reader, error, _("a number too long to read"));
  memcpy (buf, reader->p, length);
  buf[length] = '\0';

  /* a number that does not fit is refused, not rounded to another one:
   * what is saved must read back as what was read */
  errno = 0;
  if (*is_integer)
    *int_value = g_ascii_strtoll (buf, NULL, 10);
  if (errno == 0)
    *double_value = g_ascii_strtod (buf, NULL);
  if (errno != 0)
    {
      g_autofree char *what = g_strdup_printf (*is_integer ? _("the whole number %s is too large to keep exactly")
                                                           : _("the number %s is too large or too small to keep"),
                                               buf);

      return mt_json_reader_error (reader, error, what);
    }
  reader->p = token_end;
  return TRUE;
}

gboolean
mt_json_reader_read_int (MtJsonReader *reader,
                         gint64       *value,
                         GError      **error)
{
  double unused;
  gboolean is_integer;

  if (!read_number (reader, value, &unused, &is_integer, error))
    return FALSE;
  if (!is_integer)
    return mt_json_reader_error (reader, error, _("expected a whole number"));
  return TRUE;
}

gboolean
mt_json_reader_read_double (MtJsonReader *reader,
                            double       *value,
                            GError      **error)
{
  gint64 unused;
  gboolean is_integer;

  return read_number (reader, &unused, value, &is_integer, error);
}

static gboolean
read_word (MtJsonReader *reader,
           const char   *word)
{
  gsize length = strlen (word);

  skip_space (reader);
  if ((gsize) (reader->end - reader->p) < length || memcmp (reader->p, word, length) != 0)
    return FALSE;
  reader->p += length;
  return TRUE;
}

gboolean
mt_json_reader_read_boolean (MtJsonReader *reader,
                             gboolean     *value,
                             GError      **error)
{
  if (read_word (reader, "true"))
    *value = TRUE;
  else if (read_word (reader, "false"))
    *value = FALSE;
  else
    return mt_json_reader_error (reader, error, _("expected true or false"));
  return TRUE;
}

gboolean
mt_json_reader_read_null (MtJsonReader *reader,
                          GError      **error)
{
  if (!read_word (reader, "null"))
    return mt_json_reader_error (reader, error, _("expected null"));
  return TRUE;
}

JsonNode *
mt_json_reader_read_node (MtJsonReader *reader,
                          GError      **error)
{
  g_autoptr(JsonNode) node = NULL;

  if (++reader->n_kept > MT_JSON_MAX_KEPT_VALUES)
    {
      g_autofree char *what = g_strdup_printf (_("more than %d values in members this version does not know"),
                                               MT_JSON_MAX_KEPT_VALUES);

      mt_json_reader_error (reader, error, what);
      if (error != NULL)
        (*error)->code = MT_TOUR_ERROR_TOO_LARGE;
      return NULL;
    }

  switch (mt_json_reader_peek (reader))
    {
    case MT_JSON_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();
        const char *name;

        if (!mt_json_reader_begin_object (reader, error))
          return NULL;
        while (mt_json_reader_next_member (reader, &name, error))
          {
            g_autofree char *member = g_strdup (name);
            JsonNode *value = mt_json_reader_read_node (reader, error);

            if (value == NULL)
              return NULL;
            json_object_set_member (object, member, value);
          }
        if (error != NULL && *error != NULL)
          return NULL;
        node = json_node_init_object (json_node_alloc (), object);
      }
      break;

    case MT_JSON_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_new ();

        if (!mt_json_reader_begin_array (reader, error))
          return NULL;
        while (mt_json_reader_next_element (reader, error))
          {
            JsonNode *value = mt_json_reader_read_node (reader, error);

            if (value == NULL)
              return NULL;
            json_array_add_element (array, value);
          }
        if (error != NULL && *error != NULL)
          return NULL;
        node = json_node_init_array (json_node_alloc (), array);
      }
      break;

    case MT_JSON_STRING:
      {
        const char *text;

        if (!mt_json_reader_read_string (reader, &text, error))
          return NULL;
        node = json_node_init_string (json_node_alloc (), text);
      }
      break;

    case MT_JSON_INT:
    case MT_JSON_DOUBLE:
      {
        gint64 int_value = 0;
        double double_value;
        gboolean is_integer;

        if (!read_number (reader, &int_value, &double_value, &is_integer, error))
          return NULL;
        node = is_integer ? json_node_init_int (json_node_alloc (), int_value)
                          : json_node_init_double (json_node_alloc (), double_value);
      }
      break;

    case MT_JSON_BOOLEAN:
      {
        gboolean value;

        if (!mt_json_reader_read_boolean (reader, &value, error))
          return NULL;
        node = json_node_init_boolean (json_node_alloc (), value);
      }
      break;

    case MT_JSON_NULL:
      if (!mt_json_reader_read_null (reader, error))
        return NULL;
      node = json_node_init_null (json_node_alloc ());
      break;

    case MT_JSON_INVALID:
    default:
      mt_json_reader_error (reader, error, reader->p >= reader->end ? _("the file ends where a value should be")
                                                             : _("expected a value"));
      return NULL;
    }

  return g_steal_pointer (&node);
}

gboolean
mt_json_reader_end (MtJsonReader *reader,
                    GError      **error)
{
  skip_space (reader);
  if (reader->p < reader->end)
    return mt_json_reader_error (reader, error, _("more follows the end of the tour"));
  return TRUE;
}
