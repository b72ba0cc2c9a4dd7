/* mt-checker-zone.c: wall-clock times that the tour's zone skips
 *
 * The tour keeps wall-clock times (mt-wall-time.h). Where the zone's clocks
 * go forward, for summer time, an hour of wall-clock times does not exist
 * that day (02:00 to 03:00 on 2024-03-31 in Europe/Berlin): a visit set
 * there is kept as it was written (the exports write it so too), and the
 * checker warns that no clock shows that time. The skipped spans within the
 * tour's days are found once a run, from the zone's offsets at each day's
 * start and a binary search for the moment they change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-checker-run.h"
#include "mt-wall-time.h"

/* the zone's offset from UTC at @utc, in seconds */
static gint64
offset_at (GTimeZone *zone,
           gint64     utc)
{
  return g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc));
}

void
_mt_run_find_gaps (Run *run)
{
  GTimeZone *zone = mt_tour_get_zone (run->tour);
  /* wall times and UTC differ by at most a day: look a day beyond both ends */
  gint64 from = run->first_day - 2 * MT_SECONDS_PER_DAY;
  gint64 to = run->tour_end + 2 * MT_SECONDS_PER_DAY;

  run->gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (gint64 day = from; day < to; day += MT_SECONDS_PER_DAY)
    {
      gint64 before = offset_at (zone, day);
      gint64 after = offset_at (zone, day + MT_SECONDS_PER_DAY);
      gint64 lo = day, hi = day + MT_SECONDS_PER_DAY;

      /* only forward changes skip times; a change back repeats them */
      if (after <= before)
        continue;
      /* the first second with the new offset */
      while (hi - lo > 1)
        {
          gint64 mid = lo + (hi - lo) / 2;

          if (offset_at (zone, mid) == before)
            lo = mid;
          else
            hi = mid;
        }
      {
        gint64 span[2] = { hi + before, hi + after };

        g_array_append_vals (run->gaps, span, 2);
      }
    }
}

gint64
_mt_run_gap_of (Run    *run,
                gint64  time,
                gint64 *gap_end)
{
  for (guint i = 0; i + 1 < run->gaps->len; i += 2)
    {
      gint64 start = g_array_index (run->gaps, gint64, i);
      gint64 end = g_array_index (run->gaps, gint64, i + 1);

      if (time >= start && time < end)
        {
          *gap_end = end;
          return start;
        }
    }
  return MT_TIME_UNSET;
}

/* A start in a skipped span, or an end inside one (an end at the moment
 * the clocks jump is the jump itself, and exists). */
void
_mt_run_check_gaps (Run        *run,
                    int         day,
                    const char *id,
                    const char *name,
                    gboolean    is_visit,
                    gint64      start,
                    gint64      end)
{
  const char *ids[] = { id, NULL };
  gint64 gap_start, gap_end = 0;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *skip_from = NULL;
  g_autofree char *skip_to = NULL;
  const char *zone = mt_tour_get_time_zone (run->tour);

  if (run->gaps->len == 0)
    return;
  gap_start = _mt_run_gap_of (run, start, &gap_end);
  if (gap_start == MT_TIME_UNSET)
    {
      gap_start = _mt_run_gap_of (run, end, &gap_end);
      if (gap_start == MT_TIME_UNSET || gap_start == end)
        return;
    }

  from = _mt_text_time (run, start, day);
  to = _mt_text_time (run, end, day);
  skip_from = _mt_text_time (run, gap_start, day);
  skip_to = _mt_text_time (run, gap_end, day);
  _mt_run_report (run, MT_PROBLEM_NONEXISTENT_TIME, MT_SEVERITY_WARNING, day, start,
                  is_visit
                  /* Translators: “Museum” (02:00–03:00) … in Europe/Berlin … from 02:00 to 03:00 */
                  ? g_strdup_printf (_("“%s” (%s–%s) is set at a time no clock in %s shows that day: "
                                       "the clocks go forward from %s to %s"),
                                     name, from, to, zone, skip_from, skip_to)
                  : g_strdup_printf (_("The interview with %s (%s–%s) is set at a time no clock in %s shows "
                                       "that day: the clocks go forward from %s to %s"),
                                     name, from, to, zone, skip_from, skip_to),
                  ids);
}
