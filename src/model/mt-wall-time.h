/* mt-wall-time.h: wall-clock times in the tour's zone
 *
 * A planner thinks in wall-clock times ("09:00 on day 3 in Shenzhen"), so the
 * model stores every schedule time as a gint64 count of seconds since
 * 1970-01-01 00:00 *on the wall clock of the tour's zone*: arithmetic on it is
 * plain integer arithmetic, a day is 86400 and sorting is a comparison. Only
 * the iCalendar export turns it into an absolute time, through the zone.
 *
 * In the tour file it is written as ISO 8601 without an offset,
 * "2024-05-14T09:00" (seconds only where they are not zero).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MT_TIME_UNSET G_MININT64
#define MT_SECONDS_PER_DAY ((gint64) 86400)
#define MT_WALL_TIME_BUF_SIZE 32

gint64    mt_wall_time_new            (int          year,
                                       int          month,
                                       int          day,
                                       int          hour,
                                       int          minute,
                                       int          second);
gboolean  mt_wall_time_parse          (const char  *text,
                                       gint64      *out_time);
gboolean  mt_wall_date_parse          (const char  *text,
                                       gint64      *out_midnight);
char     *mt_wall_time_format         (gint64       time);
void      mt_wall_time_format_buf     (gint64       time,
                                       char         buf[MT_WALL_TIME_BUF_SIZE]);
char     *mt_wall_date_format         (gint64       time);
void      mt_wall_time_split          (gint64       time,
                                       int         *year,
                                       int         *month,
                                       int         *day,
                                       int         *hour,
                                       int         *minute,
                                       int         *second);
gint64    mt_wall_time_day_start      (gint64       time);
int       mt_wall_time_weekday        (gint64       time);
GDateTime *mt_wall_time_to_date_time  (gint64       time,
                                       GTimeZone   *zone);
gint64    mt_wall_time_from_date_time (GDateTime   *date_time);

/* Absolute times (the "modified" stamps): microseconds since the Unix epoch,
 * written as "2024-05-14T01:00:00.000Z". */
gboolean  mt_utc_time_parse           (const char  *text,
                                       gint64      *out_usec);
void      mt_utc_time_format_buf      (gint64       usec,
                                       char         buf[MT_WALL_TIME_BUF_SIZE]);

G_END_DECLS
