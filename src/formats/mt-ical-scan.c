/* mt-ical-scan.c: the two passes over a calendar to import
 *
 * The first unfolds the content lines and checks the structure (every
 * BEGIN closed by its END, in order, not too deep) and the dates and
 * durations, knowing the line of each property, which libical does not
 * tell; it notes where each VEVENT and VTIMEZONE of the calendar is. The
 * second hands libical those components one at a time, as whole content
 * lines: libical's own line reader is quadratic in a line's length.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mt-ical.h"
#include "mt-ical-private.h"
#include "mt-validate.h"

gboolean
_mt_ical_next_content_line (const char *data,
                            gsize       length,
                            gsize      *pos,
                            guint      *line,
                            guint      *first_line,
                            GString    *out)
{
  g_string_truncate (out, 0);
  while (*pos < length)
    {
      const char *p = data + *pos;
      const char *newline = memchr (p, '\n', length - *pos);
      gsize len = newline ? (gsize) (newline - p) : length - *pos;
      gsize next = *pos + len + (newline ? 1 : 0);

      if (len > 0 && p[len - 1] == '\r')
        len--;
      if (out->len > 0 && len > 0 && (p[0] == ' ' || p[0] == '\t'))
        {
          /* a folded line goes on: CRLF and one blank are taken out */
          g_string_append_len (out, p + 1, len - 1);
          (*line)++;
          *pos = next;
          continue;
        }
      if (out->len > 0)
        return TRUE; /* this line starts the next one */
      (*line)++;
      *pos = next;
      if (len == 0)
        continue; /* a blank line */
      *first_line = *line;
      g_string_append_len (out, p, len);
    }
  return out->len > 0;
}

void
_mt_ical_scan_init (Scan *scan)
{
  memset (scan, 0, sizeof *scan);
  scan->stack = g_ptr_array_new_with_free_func (g_free);
  scan->stack_line = g_array_new (FALSE, FALSE, sizeof (guint));
  scan->events = g_array_new (FALSE, FALSE, sizeof (Range));
  scan->zones = g_array_new (FALSE, FALSE, sizeof (Range));
}

void
_mt_ical_scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->stack, g_ptr_array_unref);
  g_clear_pointer (&scan->stack_line, g_array_unref);
  g_clear_pointer (&scan->events, g_array_unref);
  g_clear_pointer (&scan->zones, g_array_unref);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (GError    **error,
      int         code,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: where a calendar file is wrong: “line 12: <what is wrong>” */
  g_set_error (error, MT_ICAL_ERROR, code, _("line %u: %s"), line, message);
  return FALSE;
}

static int
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static gboolean
digits (const char *text,
        guint       n,
        int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS, Z optional), with every
 * field in its range. */
static gboolean
date_value_is_valid (const char *value)
{
  int year, month, day, hour, minute, second;
  gsize len = strlen (value);

  if (len != 8 && len != 15 && len != 16)
    return FALSE;
  if (!digits (value, 4, &year) || !digits (value + 4, 2, &month) || !digits (value + 6, 2, &day))
    return FALSE;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month (year, month))
    return FALSE;
  if (len == 8)
    return TRUE;
  if (value[8] != 'T' || (len == 16 && value[15] != 'Z'))
    return FALSE;
  if (!digits (value + 9, 2, &hour) || !digits (value + 11, 2, &minute) || !digits (value + 13, 2, &second))
    return FALSE;
  return hour < 24 && minute < 60 && second <= 60;
}

/* Where a VEVENT or VTIMEZONE of the calendar begins and ends */
static gboolean
note_component (Scan        *scan,
                const char  *component,
                gboolean     begins,
                guint        line,
                GError     **error)
{
  GArray *ranges;
  Range *range;

  if (scan->stack->len != 2)
    return TRUE;
  if (strcmp (component, "VEVENT") == 0)
    ranges = scan->events;
  else if (strcmp (component, "VTIMEZONE") == 0)
    ranges = scan->zones;
  else
    return TRUE;

  if (begins)
    {
      Range begun = { scan->line_begin, 0, line };

      if (ranges == scan->events && ranges->len >= MT_ICAL_MAX_EVENTS)
        return fail (error, MT_ICAL_ERROR_TOO_LARGE, line,
                     _("the calendar has more than %d events; a calendar to import may have at most that many"),
                     MT_ICAL_MAX_EVENTS);
      g_array_append_val (ranges, begun);
      return TRUE;
    }
  range = &g_array_index (ranges, Range, ranges->len - 1);
  range->end = scan->line_end;
  if (ranges == scan->zones)
    {
      scan->n_zone_lines += scan->n_in_component;
      if (scan->n_zone_lines > MT_ICAL_MAX_ZONE_LINES)
        return fail (error, MT_ICAL_ERROR_TOO_LARGE, range->line,
                     _("the time zone definitions have more than %d lines together; "
                       "this is more than a calendar to import may have"),
                     MT_ICAL_MAX_ZONE_LINES);
    }
  return TRUE;
}

const char *
_mt_ical_value_of (const char *line)
{
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        return p + 1;
    }
  return NULL;
}

gboolean
_mt_ical_text_escapes_are_known (const char *value)
{
  if (value == NULL)
    return TRUE;
  for (const char *p = strchr (value, '\\'); p != NULL; p = strchr (p + 2, '\\'))
    if (strchr ("\\;,nN", p[1]) == NULL || p[1] == '\0')
      return FALSE;
  return TRUE;
}

static gboolean
scan_content_line (Scan        *scan,
                   const char  *text,
                   guint        line,
                   GError     **error)
{
  g_autofree char *name = NULL;
  const char *p, *value = NULL;
  const char *top;

  for (p = text; g_ascii_isalnum (*p) || *p == '-'; p++)
    ;
  if (p == text || (*p != ';' && *p != ':'))
    {
      g_autofree char *shown = mt_text_excerpt (text, 40);

      return fail (error, MT_ICAL_ERROR_SYNTAX, line, _("“%s” is not an iCalendar content line"), shown);
    }
  name = g_ascii_strup (text, p - text);

  value = _mt_ical_value_of (p);
  if (value == NULL)
    {
      g_autofree char *shown = mt_text_excerpt (text, 40);

      return fail (error, MT_ICAL_ERROR_SYNTAX, line, _("the line “%s” has no value"), shown);
    }

  if (scan->n_logical++ == 0 && (strcmp (name, "BEGIN") != 0 || g_ascii_strcasecmp (value, "VCALENDAR") != 0))
    return fail (error, MT_ICAL_ERROR_SYNTAX, line,
                 _("the file does not start with BEGIN:VCALENDAR; it is not a calendar"));
  /* a file may hold several calendars, one after the other (RFC 5545,
   * 3.4): their events are read as one */
  if (scan->ended && strcmp (name, "BEGIN") == 0 && g_ascii_strcasecmp (value, "VCALENDAR") == 0)
    scan->ended = FALSE;
  if (scan->ended)
    return fail (error, MT_ICAL_ERROR_SYNTAX, line, _("there is more after END:VCALENDAR"));

  if (scan->stack->len >= 2 && ++scan->n_in_component > MT_ICAL_MAX_EVENT_LINES)
    return fail (error, MT_ICAL_ERROR_TOO_LARGE, g_array_index (scan->stack_line, guint, 1),
                 _("the %s that begins here has more than %d lines; "
                   "this is more than a calendar to import may have"),
                 (char *) g_ptr_array_index (scan->stack, 1), MT_ICAL_MAX_EVENT_LINES);

  top = scan->stack->len > 0 ? g_ptr_array_index (scan->stack, scan->stack->len - 1) : NULL;

  if (strcmp (name, "BEGIN") == 0)
    {
      char *component = g_ascii_strup (value, -1);

      if (scan->stack->len >= MT_ICAL_MAX_DEPTH)
        {
          g_free (component);
          return fail (error, MT_ICAL_ERROR_TOO_LARGE, line,
                       _("components nest more than %d deep here"), MT_ICAL_MAX_DEPTH);
        }
      g_ptr_array_add (scan->stack, component);
      g_array_append_val (scan->stack_line, line);
      if (scan->stack->len == 2)
        scan->n_in_component = 0;
      return note_component (scan, component, TRUE, line, error);
    }

  if (strcmp (name, "END") == 0)
    {
      g_autofree char *closed = NULL;

      if (top == NULL || g_ascii_strcasecmp (top, value) != 0)
        return top == NULL
               ? fail (error, MT_ICAL_ERROR_SYNTAX, line, _("END:%s closes nothing"), value)
               : fail (error, MT_ICAL_ERROR_SYNTAX, line,
                       _("END:%s where END:%s was expected for the BEGIN:%s of line %u"),
                       value, top, top, g_array_index (scan->stack_line, guint, scan->stack_line->len - 1));
      if (!note_component (scan, top, FALSE, line, error))
        return FALSE;
      closed = g_ptr_array_steal_index (scan->stack, scan->stack->len - 1);
      g_array_remove_index (scan->stack_line, scan->stack_line->len - 1);
      scan->ended = scan->stack->len == 0;
      return TRUE;
    }

  if (g_strcmp0 (top, "VEVENT") == 0 && scan->stack->len == 2)
    {
      if ((strcmp (name, "DTSTART") == 0 || strcmp (name, "DTEND") == 0 ||
           strcmp (name, "RECURRENCE-ID") == 0) && !date_value_is_valid (value))
        {
          g_autofree char *shown = mt_text_excerpt (value, 40);

          return fail (error, MT_ICAL_ERROR_SYNTAX, line, _("“%s” is not a date or a date and time"), shown);
        }
      if (strcmp (name, "DURATION") == 0)
        {
          g_autoptr(ICalDuration) duration = i_cal_duration_new_from_string (value);

          if (duration == NULL || i_cal_duration_is_bad_duration (duration))
            {
              g_autofree char *shown = mt_text_excerpt (value, 40);

              return fail (error, MT_ICAL_ERROR_SYNTAX, line, _("“%s” is not a duration"), shown);
            }
        }
    }
  return TRUE;
}

/* Unfolds the content lines and checks them; fills @scan. */
gboolean
_mt_ical_scan_file (Scan        *scan,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GString) logical = g_string_new (NULL);
  guint line = 0, logical_line = 0;
  gsize pos = 0;

  for (scan->line_begin = 0;
       _mt_ical_next_content_line (data, length, &pos, &line, &logical_line, logical);
       scan->line_begin = pos)
    {
      scan->line_end = pos;
      if (!scan_content_line (scan, logical->str, logical_line, error))
        return FALSE;
    }

  if (scan->n_logical == 0)
    return fail (error, MT_ICAL_ERROR_SYNTAX, 1, _("the file is empty"));
  if (scan->stack->len > 0)
    {
      guint i = scan->stack->len - 1;

      return fail (error, MT_ICAL_ERROR_SYNTAX, line,
                   _("the file ends before the END:%s for the BEGIN:%s of line %u; it is cut short"),
                   (char *) g_ptr_array_index (scan->stack, i), (char *) g_ptr_array_index (scan->stack, i),
                   g_array_index (scan->stack_line, guint, i));
    }
  return TRUE;
}

/* libical-glib makes the parser the owner of what it returns, and then
 * neither frees it: the component is the caller's */
static ICalComponent *
own (ICalComponent *component)
{
  if (component != NULL)
    i_cal_object_remove_owner (I_CAL_OBJECT (component));
  return component;
}

/* The properties whose text becomes the tour's */
static const char *
text_property_of (const char *name)
{
  static const char * const names[] = { "SUMMARY", "LOCATION", "DESCRIPTION", "CATEGORIES", "UID" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      return names[i];
  return NULL;
}

ICalComponent *
_mt_ical_parse_range (ICalParser  *parser,
                      const char  *data,
                      const Range *range,
                      EventLines  *lines)
{
  g_autoptr(GString) logical = g_string_new (NULL);
  ICalComponent *component = NULL;
  guint line = range->line - 1, first_line, depth = 0;
  gsize pos = range->begin;

  while (component == NULL && _mt_ical_next_content_line (data, range->end, &pos, &line, &first_line, logical))
    {
      if (lines != NULL)
        {
          /* the line of each of the event's own properties */
          g_autofree char *name = g_ascii_strup (logical->str, strcspn (logical->str, ";:"));

          if (strcmp (name, "BEGIN") == 0 && depth++ == 1)
            {
              /* a component inside the event (a VALARM): noted as its name */
              const char *value = _mt_ical_value_of (logical->str);
              char *inner = g_ascii_strup (value != NULL ? value : "", -1);

              if (!g_hash_table_contains (lines->lines, inner))
                g_hash_table_insert (lines->lines, inner, GUINT_TO_POINTER (first_line));
              else
                g_free (inner);
            }
          else if (strcmp (name, "END") == 0)
            depth--;
          else if (depth == 1)
            {
              const char *text_property = text_property_of (name);

              if (text_property != NULL && lines->bad_text == NULL &&
                  !_mt_ical_text_escapes_are_known (_mt_ical_value_of (logical->str)))
                {
                  lines->bad_text = text_property;
                  lines->bad_text_line = first_line;
                }
              /* the planner's own fields, as written (mt-ical-export.c) */
              if (g_str_has_prefix (name, "X-MEDIATOUR-") && !g_hash_table_contains (lines->lines, name))
                {
                  if (lines->x_values == NULL)
                    lines->x_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
                  g_hash_table_insert (lines->x_values, g_strdup (name),
                                       g_strdup (_mt_ical_value_of (logical->str)));
                }
              if (!g_hash_table_contains (lines->lines, name))
                g_hash_table_insert (lines->lines, g_steal_pointer (&name), GUINT_TO_POINTER (first_line));
            }
        }
      component = i_cal_parser_add_line (parser, logical->str);
    }
  return own (component);
}

ICalComponent *
_mt_ical_parse_zones (const char *data,
                      Scan       *scan)
{
  g_autoptr(ICalParser) parser = NULL;
  ICalComponent *calendar;

  if (scan->zones->len == 0)
    return NULL;
  parser = i_cal_parser_new ();
  i_cal_parser_add_line (parser, (char *) "BEGIN:VCALENDAR");
  for (guint i = 0; i < scan->zones->len; i++)
    {
      /* nothing comes back while the calendar is open */
      ICalComponent *early = _mt_ical_parse_range (parser, data, &g_array_index (scan->zones, Range, i), NULL);

      g_clear_object (&early);
    }
  calendar = i_cal_parser_add_line (parser, (char *) "END:VCALENDAR");
  return own (calendar);
}

/* For the import: a TZID's zone name, and a DURATION */

/* libical's own TZIDs carry a prefix before the IANA name */
const char *
_mt_ical_iana_name_of (const char *tzid)
{
  const char *prefix = "/freeassociation.sourceforge.net/";

  if (g_str_has_prefix (tzid, prefix))
    {
      tzid += strlen (prefix);
      if (g_str_has_prefix (tzid, "Tzfile/"))
        tzid += strlen ("Tzfile/");
    }
  return tzid;
}

/* In 64 bits: i_cal_duration_as_int() overflows an int past 68 years */
gint64
_mt_ical_duration_seconds (ICalDuration *duration)
{
  gint64 seconds = (((gint64) i_cal_duration_get_weeks (duration) * 7 + i_cal_duration_get_days (duration)) * 24 +
                    i_cal_duration_get_hours (duration)) * 3600 +
                   (gint64) i_cal_duration_get_minutes (duration) * 60 + i_cal_duration_get_seconds (duration);

  return i_cal_duration_is_neg (duration) ? -seconds : seconds;
}
