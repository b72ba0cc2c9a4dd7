/* mt-ical-scan.c: the first pass over a calendar to import
 *
 * Unfolds the content lines and checks the structure (every BEGIN closed by
 * its END, in order) and the dates and durations, knowing the line of each
 * property, which libical does not tell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mt-ical.h"
#include "mt-ical-private.h"

void
_mt_ical_event_lines_free (EventLines *event)
{
  g_hash_table_unref (event->lines);
  g_free (event);
}

guint
_mt_ical_event_line_of (EventLines *event,
                        const char *property)
{
  guint line = GPOINTER_TO_UINT (g_hash_table_lookup (event->lines, property));

  return line != 0 ? line : event->begin_line;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (GError    **error,
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
  g_set_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_SYNTAX, _("line %u: %s"), line, message);
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

static gboolean
scan_content_line (Scan        *scan,
                   const char  *text,
                   guint        line,
                   GError     **error)
{
  g_autofree char *name = NULL;
  const char *p, *value = NULL;
  gboolean quoted = FALSE;
  const char *top;

  for (p = text; g_ascii_isalnum (*p) || *p == '-'; p++)
    ;
  if (p == text || (*p != ';' && *p != ':'))
    return fail (error, line, _("“%.40s” is not an iCalendar content line"), text);
  name = g_ascii_strup (text, p - text);

  for (; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        {
          value = p + 1;
          break;
        }
    }
  if (value == NULL)
    return fail (error, line, _("the line “%.40s” has no value"), text);

  if (scan->n_logical++ == 0 && (strcmp (name, "BEGIN") != 0 || g_ascii_strcasecmp (value, "VCALENDAR") != 0))
    return fail (error, line, _("the file does not start with BEGIN:VCALENDAR; it is not a calendar"));
  if (scan->ended)
    return fail (error, line, _("there is more after END:VCALENDAR"));

  top = scan->stack->len > 0 ? g_ptr_array_index (scan->stack, scan->stack->len - 1) : NULL;

  if (strcmp (name, "BEGIN") == 0)
    {
      char *component = g_ascii_strup (value, -1);

      if (strcmp (component, "VEVENT") == 0 && g_strcmp0 (top, "VCALENDAR") == 0)
        {
          EventLines *event = g_new0 (EventLines, 1);

          event->begin_line = line;
          event->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_ptr_array_add (scan->events, event);
        }
      g_ptr_array_add (scan->stack, component);
      g_array_append_val (scan->stack_line, line);
      return TRUE;
    }

  if (strcmp (name, "END") == 0)
    {
      if (top == NULL || g_ascii_strcasecmp (top, value) != 0)
        return top == NULL
               ? fail (error, line, _("END:%s closes nothing"), value)
               : fail (error, line, _("END:%s where END:%s was expected for the BEGIN:%s of line %u"),
                       value, top, top, g_array_index (scan->stack_line, guint, scan->stack_line->len - 1));
      g_ptr_array_remove_index (scan->stack, scan->stack->len - 1);
      g_array_remove_index (scan->stack_line, scan->stack_line->len - 1);
      scan->ended = scan->stack->len == 0;
      return TRUE;
    }

  if (g_strcmp0 (top, "VEVENT") == 0 && scan->stack->len == 2)
    {
      EventLines *event = g_ptr_array_index (scan->events, scan->events->len - 1);

      if (!g_hash_table_contains (event->lines, name))
        g_hash_table_insert (event->lines, g_strdup (name), GUINT_TO_POINTER (line));

      if ((strcmp (name, "DTSTART") == 0 || strcmp (name, "DTEND") == 0 ||
           strcmp (name, "RECURRENCE-ID") == 0) && !date_value_is_valid (value))
        return fail (error, line, _("“%.40s” is not a date or a date and time"), value);
      if (strcmp (name, "DURATION") == 0)
        {
          g_autoptr(ICalDuration) duration = i_cal_duration_new_from_string (value);

          if (duration == NULL || i_cal_duration_is_bad_duration (duration))
            return fail (error, line, _("“%.40s” is not a duration"), value);
        }
    }
  return TRUE;
}

/* Unfolds the content lines and checks them; fills @scan. */
gboolean
_mt_ical_scan_file (Scan        *scan,
                    const char  *data,
                    GError     **error)
{
  g_autoptr(GString) logical = g_string_new (NULL);
  guint line = 0, logical_line = 0;
  const char *p = data;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      gsize len = end ? (gsize) (end - p) : strlen (p);
      const char *next = end ? end + 1 : p + len;

      /* every turn moves on by a line, whatever the line holds */
      g_assert (next > p);
      line++;
      if (len > 0 && p[len - 1] == '\r')
        len--;
      if (len > 0 && (p[0] == ' ' || p[0] == '\t') && logical->len > 0)
        g_string_append_len (logical, p + 1, len - 1);
      else
        {
          if (logical->len > 0 && !scan_content_line (scan, logical->str, logical_line, error))
            return FALSE;
          g_string_truncate (logical, 0);
          g_string_append_len (logical, p, len);
          logical_line = line;
        }
      p = next;
    }
  if (logical->len > 0 && !scan_content_line (scan, logical->str, logical_line, error))
    return FALSE;

  if (scan->n_logical == 0)
    return fail (error, 1, _("the file is empty"));
  if (scan->stack->len > 0)
    {
      guint i = scan->stack->len - 1;

      return fail (error, line, _("the file ends before the END:%s for the BEGIN:%s of line %u; it is cut short"),
                   (char *) g_ptr_array_index (scan->stack, i), (char *) g_ptr_array_index (scan->stack, i),
                   g_array_index (scan->stack_line, guint, i));
    }
  return TRUE;
}
