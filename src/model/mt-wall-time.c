/* mt-wall-time.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-wall-time"

#include "mt-wall-time.h"

/* Days since 1970-01-01 of a proleptic Gregorian date, and back; the
 * well-known "days from civil" arithmetic, exact for any year. */
static gint64
days_from_civil (gint64 y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64 z, int *year, int *month, int *day)
{
  gint64 era, doe, yoe, y, doy, mp;
  int d, m;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = (int) (doy - (153 * mp + 2) / 5 + 1);
  m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (y + (m <= 2));
  *month = m;
  *day = d;
}

static int
days_in_month (int year, int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

gint64
mt_wall_time_new (int year,
                  int month,
                  int day,
                  int hour,
                  int minute,
                  int second)
{
  return days_from_civil (year, month, day) * MT_SECONDS_PER_DAY
         + hour * 3600 + minute * 60 + second;
}

/* Reads exactly @n digits. */
static gboolean
read_digits (const char **p,
             int          n,
             int         *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      char c = (*p)[i];

      if (c < '0' || c > '9')
        return FALSE;
      value = value * 10 + (c - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

static gboolean
read_date (const char **p,
           int         *year,
           int         *month,
           int         *day)
{
  if (!read_digits (p, 4, year) || **p != '-')
    return FALSE;
  (*p)++;
  if (!read_digits (p, 2, month) || **p != '-')
    return FALSE;
  (*p)++;
  if (!read_digits (p, 2, day))
    return FALSE;

  return *month >= 1 && *month <= 12 &&
         *day >= 1 && *day <= days_in_month (*year, *month);
}

/* "HH:MM" or "HH:MM:SS" */
static gboolean
read_clock (const char **p,
            int         *hour,
            int         *minute,
            int         *second)
{
  *second = 0;
  if (!read_digits (p, 2, hour) || **p != ':')
    return FALSE;
  (*p)++;
  if (!read_digits (p, 2, minute))
    return FALSE;
  if (**p == ':')
    {
      (*p)++;
      if (!read_digits (p, 2, second))
        return FALSE;
    }

  return *hour <= 23 && *minute <= 59 && *second <= 59;
}

gboolean
mt_wall_time_parse (const char *text,
                    gint64     *out_time)
{
  const char *p = text;
  int y, mo, d, h, mi, s;

  g_return_val_if_fail (out_time != NULL, FALSE);

  if (text == NULL || !read_date (&p, &y, &mo, &d))
    return FALSE;
  if (*p != 'T' && *p != ' ')
    return FALSE;
  p++;
  if (!read_clock (&p, &h, &mi, &s) || *p != '\0')
    return FALSE;

  *out_time = mt_wall_time_new (y, mo, d, h, mi, s);
  return TRUE;
}

gboolean
mt_wall_date_parse (const char *text,
                    gint64     *out_midnight)
{
  const char *p = text;
  int y, mo, d;

  g_return_val_if_fail (out_midnight != NULL, FALSE);

  if (text == NULL || !read_date (&p, &y, &mo, &d) || *p != '\0')
    return FALSE;

  *out_midnight = mt_wall_time_new (y, mo, d, 0, 0, 0);
  return TRUE;
}

static gint64
floor_div (gint64 a, gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

void
mt_wall_time_split (gint64  time,
                    int    *year,
                    int    *month,
                    int    *day,
                    int    *hour,
                    int    *minute,
                    int    *second)
{
  gint64 days = floor_div (time, MT_SECONDS_PER_DAY);
  gint64 rest = time - days * MT_SECONDS_PER_DAY;
  int y, mo, d;

  civil_from_days (days, &y, &mo, &d);
  if (year) *year = y;
  if (month) *month = mo;
  if (day) *day = d;
  if (hour) *hour = (int) (rest / 3600);
  if (minute) *minute = (int) (rest / 60 % 60);
  if (second) *second = (int) (rest % 60);
}

void
mt_wall_time_format_buf (gint64 time,
                         char   buf[MT_WALL_TIME_BUF_SIZE])
{
  int y, mo, d, h, mi, s;

  mt_wall_time_split (time, &y, &mo, &d, &h, &mi, &s);
  if (s != 0)
    g_snprintf (buf, MT_WALL_TIME_BUF_SIZE, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
  else
    g_snprintf (buf, MT_WALL_TIME_BUF_SIZE, "%04d-%02d-%02dT%02d:%02d", y, mo, d, h, mi);
}

char *
mt_wall_time_format (gint64 time)
{
  char buf[MT_WALL_TIME_BUF_SIZE];

  mt_wall_time_format_buf (time, buf);
  return g_strdup (buf);
}

char *
mt_wall_date_format (gint64 time)
{
  int y, mo, d;

  mt_wall_time_split (time, &y, &mo, &d, NULL, NULL, NULL);
  return g_strdup_printf ("%04d-%02d-%02d", y, mo, d);
}

gint64
mt_wall_time_day_start (gint64 time)
{
  return floor_div (time, MT_SECONDS_PER_DAY) * MT_SECONDS_PER_DAY;
}

/* 1 is Monday, 7 is Sunday, as g_date_time_get_day_of_week() */
int
mt_wall_time_weekday (gint64 time)
{
  gint64 days = floor_div (time, MT_SECONDS_PER_DAY);

  /* 1970-01-01 was a Thursday */
  return (int) ((days % 7 + 7 + 3) % 7) + 1;
}

GDateTime *
mt_wall_time_to_date_time (gint64     time,
                           GTimeZone *zone)
{
  int y, mo, d, h, mi, s;

  g_return_val_if_fail (zone != NULL, NULL);

  mt_wall_time_split (time, &y, &mo, &d, &h, &mi, &s);
  return g_date_time_new (zone, y, mo, d, h, mi, s);
}

gint64
mt_wall_time_from_date_time (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, MT_TIME_UNSET);

  return mt_wall_time_new (g_date_time_get_year (date_time),
                           g_date_time_get_month (date_time),
                           g_date_time_get_day_of_month (date_time),
                           g_date_time_get_hour (date_time),
                           g_date_time_get_minute (date_time),
                           g_date_time_get_second (date_time));
}

gboolean
mt_utc_time_parse (const char *text,
                   gint64     *out_usec)
{
  const char *p = text;
  int y, mo, d, h, mi, s, ms = 0;

  g_return_val_if_fail (out_usec != NULL, FALSE);

  if (text == NULL || !read_date (&p, &y, &mo, &d) || *p++ != 'T')
    return FALSE;
  if (!read_clock (&p, &h, &mi, &s))
    return FALSE;
  if (*p == '.')
    {
      p++;
      if (!read_digits (&p, 3, &ms))
        return FALSE;
    }
  if (p[0] != 'Z' || p[1] != '\0')
    return FALSE;

  *out_usec = mt_wall_time_new (y, mo, d, h, mi, s) * G_USEC_PER_SEC + ms * 1000;
  return TRUE;
}

void
mt_utc_time_format_buf (gint64 usec,
                        char   buf[MT_WALL_TIME_BUF_SIZE])
{
  gint64 seconds = floor_div (usec, G_USEC_PER_SEC);
  int ms = (int) ((usec - seconds * G_USEC_PER_SEC) / 1000);
  int y, mo, d, h, mi, s;

  mt_wall_time_split (seconds, &y, &mo, &d, &h, &mi, &s);
  g_snprintf (buf, MT_WALL_TIME_BUF_SIZE, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
              y, mo, d, h, mi, s, ms);
}
