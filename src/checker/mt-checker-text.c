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

/* Deferred messages */

MtText *
_mt_text_new (const char *format,
              gint64      first_day,
              int         n_days,
              int         day)
{
  MtText *text = g_new (MtText, 1);

  text->format = format;
  text->first_day = first_day;
  text->n_days = n_days;
  text->day = day;
  text->n_args = 0;
  return text;
}

static MtTextArg *
next_arg (MtText        *text,
          MtTextArgType  type)
{
  MtTextArg *arg;

  g_assert (text->n_args < MT_TEXT_MAX_ARGS);
  arg = &text->args[text->n_args++];
  arg->type = type;
  arg->ref_day = 0;
  arg->string = NULL;
  arg->owned = FALSE;
  arg->seconds = 0;
  return arg;
}

void
_mt_text_take_string (MtText *text,
                      char   *string)
{
  MtTextArg *arg = next_arg (text, MT_TEXT_ARG_STRING);

  arg->string = string;
  arg->owned = TRUE;
}

void
_mt_text_add_string (MtText     *text,
                     const char *string)
{
  next_arg (text, MT_TEXT_ARG_STRING)->string = (char *) string;
}

void
_mt_text_own (MtText *text)
{
  for (guint i = 0; i < text->n_args; i++)
    if (text->args[i].type == MT_TEXT_ARG_STRING && !text->args[i].owned)
      {
        text->args[i].string = g_strdup (text->args[i].string);
        text->args[i].owned = TRUE;
      }
}

void
_mt_text_add_time (MtText *text,
                   gint64  time,
                   int     ref_day)
{
  MtTextArg *arg = next_arg (text, MT_TEXT_ARG_TIME);

  arg->seconds = time;
  arg->ref_day = ref_day;
}

void
_mt_text_add_duration (MtText *text,
                       gint64  seconds)
{
  next_arg (text, MT_TEXT_ARG_DURATION)->seconds = seconds;
}

void
_mt_text_add_clock (MtText *text,
                    gint64  time)
{
  next_arg (text, MT_TEXT_ARG_CLOCK)->seconds = time;
}

void
_mt_text_free (MtText *text)
{
  if (text == NULL)
    return;
  for (guint i = 0; i < text->n_args; i++)
    if (text->args[i].owned)
      g_free (text->args[i].string);
  g_free (text);
}

gboolean
_mt_text_equal (const MtText *a,
                const MtText *b)
{
  if (a->format != b->format || a->first_day != b->first_day || a->n_days != b->n_days ||
      a->day != b->day || a->n_args != b->n_args)
    return FALSE;
  for (guint i = 0; i < a->n_args; i++)
    {
      const MtTextArg *x = &a->args[i], *y = &b->args[i];

      if (x->type != y->type || x->ref_day != y->ref_day || x->seconds != y->seconds ||
          g_strcmp0 (x->string, y->string) != 0)
        return FALSE;
    }
  return TRUE;
}

/* as _mt_text_time(), from the tour's first day and length as of the check */
static char *
time_text (const MtText *text,
           gint64        time,
           int           day)
{
  int hour, minute, time_day;
  gint64 delta;

  if (time == MT_TIME_UNSET)
    return g_strdup ("--:--");

  mt_wall_time_split (time, NULL, NULL, NULL, &hour, &minute, NULL);
  delta = time - text->first_day;
  time_day = (int) (delta >= 0 ? delta / MT_SECONDS_PER_DAY
                               : -((-delta + MT_SECONDS_PER_DAY - 1) / MT_SECONDS_PER_DAY));
  if (time_day == day)
    return g_strdup_printf ("%02d:%02d", hour, minute);
  else if (time_day >= 0 && time_day < text->n_days)
    return g_strdup_printf (_("%02d:%02d (day %d)"), hour, minute, time_day + 1);
  else
    {
      g_autofree char *date = mt_wall_date_format (time);

      return g_strdup_printf (_("%02d:%02d (%s)"), hour, minute, date);
    }
}

char *
_mt_text_format (const MtText *text)
{
  char *values[MT_TEXT_MAX_ARGS] = { NULL, };
  g_autofree char *body = NULL;
  char *result;

  for (guint i = 0; i < text->n_args; i++)
    {
      const MtTextArg *arg = &text->args[i];

      switch (arg->type)
        {
        case MT_TEXT_ARG_STRING:
          values[i] = g_strdup (arg->string);
          break;
        case MT_TEXT_ARG_TIME:
          values[i] = time_text (text, arg->seconds, arg->ref_day);
          break;
        case MT_TEXT_ARG_CLOCK:
          {
            int hour, minute;

            mt_wall_time_split (arg->seconds, NULL, NULL, NULL, &hour, &minute, NULL);
            values[i] = g_strdup_printf ("%02d:%02d", hour, minute);
          }
          break;
        case MT_TEXT_ARG_DURATION:
        default:
          values[i] = _mt_text_duration (arg->seconds);
          break;
        }
    }
  /* every conversion of the format is a %s; the values past its last one
   * are not read */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  body = g_strdup_printf (_(text->format), values[0], values[1], values[2], values[3],
                          values[4], values[5], values[6], values[7]);
#pragma GCC diagnostic pop
  for (guint i = 0; i < text->n_args; i++)
    g_free (values[i]);

  if (text->day == MT_PROBLEM_NO_DAY)
    return g_steal_pointer (&body);
  if (text->day >= 0 && text->day < text->n_days)
    result = g_strdup_printf (_("Day %d: %s"), text->day + 1, body);
  else
    {
      g_autofree char *date = mt_wall_date_format (text->first_day + text->day * MT_SECONDS_PER_DAY);

      result = g_strdup_printf (_("%s: %s"), date, body);
    }
  return result;
}
