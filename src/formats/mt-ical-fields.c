/* mt-ical-fields.c: what an import takes from an event besides its times
 *
 * The planner's own export writes, after the DESCRIPTION that people read,
 * where in it the notes begin (X-MEDIATOUR-NOTES-AT, in bytes) and a
 * visit's groups and speakers (X-MEDIATOUR-GROUPS, X-MEDIATOUR-SPEAKERS).
 * Reading its own file back, the import takes the notes from there, so an
 * edit of the notes in a calendar program comes back as notes, and groups
 * and speakers go back to their fields rather than into the notes. Any
 * other calendar's DESCRIPTION is the visit's notes as a whole.
 *
 * What the import does not take from an event (attendees, organizer,
 * alarms, links, attachments, a description in HTML) is named here, so
 * that the import reports it rather than dropping it without a word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-ical"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mt-ical.h"
#include "mt-ical-private.h"

/* the properties and components of an event that no field of a visit
 * holds, as iCalendar names them */
static const char * const not_taken[] = {
  "ATTENDEE", "ORGANIZER", "VALARM", "URL", "ATTACH", "X-ALT-DESC", "STYLED-DESCRIPTION",
};

char *
_mt_ical_parts_not_taken (EventLines *lines,
                          guint      *first_line)
{
  g_autoptr(GString) names = NULL;

  *first_line = 0;
  for (guint i = 0; i < G_N_ELEMENTS (not_taken); i++)
    {
      guint line = GPOINTER_TO_UINT (g_hash_table_lookup (lines->lines, not_taken[i]));

      if (line == 0)
        continue;
      if (names == NULL)
        names = g_string_new (NULL);
      else
        g_string_append (names, ", ");
      g_string_append (names, not_taken[i]);
      *first_line = *first_line == 0 ? line : MIN (*first_line, line);
    }
  return names ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

gboolean
_mt_ical_is_own_event (EventLines *lines)
{
  return lines->x_values != NULL && g_hash_table_contains (lines->x_values, "X-MEDIATOUR-NOTES-AT");
}

/* A list of TEXT values as written: split at the commas that are not
 * escaped, each value unescaped */
char **
_mt_ical_text_list (EventLines *lines,
                    const char *name)
{
  const char *raw = lines->x_values ? g_hash_table_lookup (lines->x_values, name) : NULL;
  g_autoptr(GStrvBuilder) list = NULL;
  g_autoptr(GString) value = NULL;

  if (raw == NULL)
    return NULL;
  list = g_strv_builder_new ();
  value = g_string_new (NULL);
  for (const char *p = raw;; p++)
    {
      if (*p == '\0' || *p == ',')
        {
          if (value->len > 0)
            g_strv_builder_add (list, value->str);
          g_string_truncate (value, 0);
          if (*p == '\0')
            break;
        }
      else if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (value, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else
        g_string_append_c (value, *p);
    }
  return g_strv_builder_end (list);
}

NotesRead
_mt_ical_notes_of (EventLines *lines,
                   const char *uid,
                   const char *description,
                   char      **notes)
{
  const char *at = lines->x_values ? g_hash_table_lookup (lines->x_values, "X-MEDIATOUR-NOTES-AT") : NULL;
  gsize length = description ? strlen (description) : 0;
  guint64 offset;

  *notes = NULL;
  if (at == NULL)
    {
      /* an export of an older version: the notes cannot be told from what
       * it wrote around them */
      if (uid != NULL && g_str_has_suffix (uid, MT_ICAL_UID_SUFFIX))
        return NOTES_NOT_MARKED;
      *notes = length > 0 ? g_strdup (description) : NULL;
      return NOTES_READ;
    }
  if (!g_ascii_string_to_unsigned (at, 10, 0, G_MAXSIZE, &offset, NULL) || offset > length)
    return NOTES_MANGLED;
  /* notes added where there were none, after a blank line */
  if (offset > 0 && offset + 2 <= length && strncmp (description + offset, "\n\n", 2) == 0)
    offset += 2;
  /* the notes follow a blank line, or are the whole of the text */
  else if (offset < length &&
           (offset == 1 || (offset >= 2 && strncmp (description + offset - 2, "\n\n", 2) != 0)))
    return NOTES_MANGLED;
  if (!g_utf8_validate (description + offset, -1, NULL))
    return NOTES_MANGLED;
  *notes = offset < length ? g_strdup (description + offset) : NULL;
  return NOTES_READ;
}

/* Whether @text, as an export writes it (without the control characters
 * iCalendar text cannot hold), is @read */
gboolean
_mt_ical_text_reads_as (const char *text,
                        const char *read)
{
  const char *p = text ? text : "", *q = read ? read : "";

  for (;; p++)
    {
      guchar c = (guchar) *p;

      if (c != '\0' && ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f))
        continue;
      if (c != (guchar) *q)
        return FALSE;
      if (c == '\0')
        return TRUE;
      q++;
    }
}
