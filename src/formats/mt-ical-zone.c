/* mt-ical-zone.c: the VTIMEZONE of an export, with only what its dates need
 *
 * A zone's full history (Asia/Shanghai had summer time from 1940 to 1991)
 * makes a VTIMEZONE of many RDATEs and rules that older calendar programs
 * misread or refuse. The events of a tour span a few days, so the export
 * describes the zone over those days only, each change of offset as one
 * component starting at that moment: the changes within the span, and
 * those before it back to the last change to standard time, as programs
 * that build a zone from the file want a standard time to measure summer
 * time against. A zone that has not changed in two years is one STANDARD
 * component from 1970. The offsets come from the system's zone data
 * (GTimeZone), as the tour's own times do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-ical"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "mt-ical-out-private.h"
#include "mt-wall-time.h"

typedef struct
{
  gint64      utc;      /* when it starts, seconds since 1970 */
  gint32      from;     /* the offset before, seconds east of UTC */
  gint32      to;       /* the offset from then */
  gboolean    daylight;
  const char *name;     /* "CEST", borrowed from the zone */
} Onset;

static void
offset_at (GTimeZone *zone,
           gint64     utc,
           gint32    *offset,
           gboolean  *daylight,
           const char **name)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc);

  *offset = g_time_zone_get_offset (zone, interval);
  *daylight = g_time_zone_is_dst (zone, interval);
  *name = g_time_zone_get_abbreviation (zone, interval);
}

/* the first second in (@before, @after] with another offset than at @before */
static gint64
find_change (GTimeZone *zone,
             gint64     before,
             gint64     after)
{
  gint32 offset, other;
  gboolean daylight;
  const char *name;

  offset_at (zone, before, &offset, &daylight, &name);
  while (after - before > 1)
    {
      gint64 middle = before + (after - before) / 2;

      offset_at (zone, middle, &other, &daylight, &name);
      if (other == offset)
        before = middle;
      else
        after = middle;
    }
  return after;
}

/* "+0800", "-0430", "+053328" where there are seconds */
static void
append_offset (GString *out,
               gint32   offset)
{
  gint32 magnitude = abs (offset);

  g_string_append_printf (out, "%c%02d%02d", offset < 0 ? '-' : '+', magnitude / 3600, magnitude / 60 % 60);
  if (magnitude % 60 != 0)
    g_string_append_printf (out, "%02d", magnitude % 60);
}

static void
append_onset (GString     *out,
              const Onset *onset,
              gint64       wall_start)
{
  int year, month, day, hour, minute, second;

  mt_wall_time_split (wall_start, &year, &month, &day, &hour, &minute, &second);
  g_string_append_printf (out, "BEGIN:%s\r\nDTSTART:%04d%02d%02dT%02d%02d%02d\r\nTZOFFSETFROM:",
                          onset->daylight ? "DAYLIGHT" : "STANDARD", year, month, day, hour, minute, second);
  append_offset (out, onset->from);
  g_string_append (out, "\r\nTZOFFSETTO:");
  append_offset (out, onset->to);
  g_string_append (out, "\r\n");
  if (onset->name != NULL && onset->name[0] != '\0' && onset->name[0] != '+' && onset->name[0] != '-')
    g_string_append_printf (out, "TZNAME:%s\r\n", onset->name);
  g_string_append_printf (out, "END:%s\r\n", onset->daylight ? "DAYLIGHT" : "STANDARD");
}

#define LOOK_BACK_DAYS 800

/* The last change of offset at or before @when, found by the day and then
 * to the second; FALSE where there is none within LOOK_BACK_DAYS */
static gboolean
find_previous_change (GTimeZone *zone,
                      gint64     when,
                      gint64    *change)
{
  gint32 offset, other;
  gboolean daylight;
  const char *name;

  offset_at (zone, when, &offset, &daylight, &name);
  for (guint day = 1; day <= LOOK_BACK_DAYS; day++)
    {
      gint64 earlier = when - day * MT_SECONDS_PER_DAY;

      offset_at (zone, earlier, &other, &daylight, &name);
      if (other != offset)
        {
          *change = find_change (zone, earlier, earlier + MT_SECONDS_PER_DAY);
          return TRUE;
        }
    }
  return FALSE;
}

/* the change at @utc: the offsets before and from it */
static Onset
onset_at (GTimeZone *zone,
          gint64     utc)
{
  Onset onset = { utc, 0, };
  gboolean daylight;
  const char *name;

  offset_at (zone, utc - 1, &onset.from, &daylight, &name);
  offset_at (zone, utc, &onset.to, &onset.daylight, &onset.name);
  return onset;
}

/**
 * _mt_ical_zone_dup_vtimezone:
 * @first, @last: the wall-clock times, in the zone, that the events span
 *
 * Returns: (transfer full): the VTIMEZONE, with @tzid as its TZID, or
 *   %NULL with @error set where the system knows no zone of that name
 */
char *
_mt_ical_zone_dup_vtimezone (const char  *tzid,
                             gint64       first,
                             gint64       last,
                             GError     **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autoptr(GArray) onsets = g_array_new (FALSE, FALSE, sizeof (Onset));
  GString *out;
  gint64 from, to, before;
  gint32 offset;

  if (zone == NULL)
    {
      g_set_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_ZONE,
                   _("“%s” is not a time zone this system knows"), tzid);
      return NULL;
    }

  /* a day around, for what a wall-clock time is in UTC either way */
  from = first - MT_SECONDS_PER_DAY;
  to = last + MT_SECONDS_PER_DAY;

  /* back to the last change to standard time */
  before = from;
  while (find_previous_change (zone, before, &before))
    {
      Onset onset = onset_at (zone, before);

      g_array_prepend_val (onsets, onset);
      if (!onset.daylight)
        break;
      before--;
    }

  /* each change within the span, found by the hour and then to the second */
  for (gint64 hour = from; hour < to; hour += 3600)
    {
      gint32 now, next;
      gboolean daylight;
      const char *name;

      offset_at (zone, hour, &now, &daylight, &name);
      offset_at (zone, hour + 3600, &next, &daylight, &name);
      if (next != now)
        {
          Onset onset = onset_at (zone, find_change (zone, hour, hour + 3600));

          g_array_append_val (onsets, onset);
        }
    }

  out = g_string_new ("BEGIN:VTIMEZONE\r\nTZID:");
  g_string_append_printf (out, "%s\r\nX-LIC-LOCATION:%s\r\n", tzid, tzid);
  if (onsets->len == 0)
    {
      /* one offset all along: standard time, from 1970 */
      Onset onset = { 0, };
      gboolean daylight;

      offset_at (zone, from, &offset, &daylight, &onset.name);
      onset.from = onset.to = offset;
      append_onset (out, &onset, 0);
    }
  for (guint i = 0; i < onsets->len; i++)
    {
      Onset *onset = &g_array_index (onsets, Onset, i);

      /* DTSTART is the local time before the change: 02:00, not 03:00 */
      append_onset (out, onset, onset->utc + onset->from);
    }
  g_string_append (out, "END:VTIMEZONE\r\n");
  return g_string_free (out, FALSE);
}
