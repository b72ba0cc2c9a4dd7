/* mt-checker-text.c: how the checker names items, times and days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-checker-run.h"
#include "mt-wall-time.h"

/* "09:30", or "09:30 (day 4)" where @time lies on another day than @day */
char *
_mt_text_time (Run    *run,
               gint64  time,
               int     day)
{
  int hour, minute, time_day;

  if (time == MT_TIME_UNSET)
    return g_strdup ("--:--");

  mt_wall_time_split (time, NULL, NULL, NULL, &hour, &minute, NULL);
  time_day = _mt_check_day_of (run->tour, time);
  if (time_day == day)
    return g_strdup_printf ("%02d:%02d", hour, minute);
  else if (time_day >= 0 && time_day < run->n_days)
    /* Translators: a time on another day of the tour, "09:30 (day 4)" */
    return g_strdup_printf (_("%02d:%02d (day %d)"), hour, minute, time_day + 1);
  else
    {
      g_autofree char *date = mt_wall_date_format (time);

      /* Translators: a time on a date outside the tour, "09:30 (2024-05-21)" */
      return g_strdup_printf (_("%02d:%02d (%s)"), hour, minute, date);
    }
}

/* "55 min", "2 h 05 min" */
char *
_mt_text_duration (gint64 seconds)
{
  gint64 minutes = (seconds + 59) / 60;

  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), (int) minutes);
  /* Translators: a duration in hours and minutes, "2 h 05 min" */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

/* takes @body */
char *
_mt_text_with_day (Run  *run,
                   int   day,
                   char *body)
{
  char *result;

  if (day == MT_PROBLEM_NO_DAY)
    return body;
  if (day >= 0 && day < run->n_days)
    /* Translators: a problem on a day of the tour, "Day 3: …" */
    result = g_strdup_printf (_("Day %d: %s"), day + 1, body);
  else
    {
      g_autofree char *date = mt_wall_date_format (mt_tour_get_day_start (run->tour, day));

      /* Translators: a problem on a date outside the tour, "2024-05-21: …" */
      result = g_strdup_printf (_("%s: %s"), date, body);
    }
  g_free (body);
  return result;
}

const char *
_mt_text_visit (VisitRow *visit)
{
  const char *title = mt_visit_get_title (visit->visit);

  if (title != NULL)
    return title;
  if (visit->site != NULL)
    return _mt_text_site (visit->site);
  return _("Untitled visit");
}

const char *
_mt_text_site (MtSite *site)
{
  const char *name = mt_site_get_name (site);

  return name != NULL ? name : _("Unnamed site");
}

const char *
_mt_text_interviewee (InterviewRow *interview)
{
  const char *name = mt_interview_get_interviewee (interview->interview);

  return name != NULL ? name : _("an unnamed interviewee");
}

/* a group's name, or "the whole delegation" */
char *
_mt_text_lane (Run *run,
               int  lane)
{
  MtCheckStatic *st = run->st;
  const char *name;

  if (lane < 0 || (guint) lane >= st->n_groups)
    return g_strdup (_("the whole delegation"));
  name = mt_group_get_name (g_ptr_array_index (st->groups, lane));
  return g_strdup (name != NULL ? name : _("an unnamed group"));
}

/* "Wang Wei, Li Na" */
char *
_mt_text_delegates (Run       *run,
                    const int *delegates,
                    guint      n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *name = mt_delegate_get_name (g_ptr_array_index (run->st->delegates, delegates[i]));

      if (i > 0)
        /* Translators: between the names of delegates in a list */
        g_string_append (text, _(", "));
      g_string_append (text, name != NULL ? name : _("an unnamed delegate"));
    }
  return g_string_free (text, FALSE);
}
