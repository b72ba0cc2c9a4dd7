/* mt-tour-details.c: what the Tour Details dialog changes, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-tour-details"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mt-tour-details.h"

void
mt_tour_details_read (MtTourDetails *details,
                      MtTour        *tour)
{
  g_return_if_fail (details != NULL);
  g_return_if_fail (MT_IS_TOUR (tour));

  details->title = g_strdup (mt_tour_get_title (tour));
  details->organiser = g_strdup (mt_tour_get_organiser (tour));
  details->organiser_contact = g_strdup (mt_tour_get_organiser_contact (tour));
  details->time_zone = g_strdup (mt_tour_get_time_zone (tour));
  details->description = g_strdup (mt_tour_get_description (tour));
  details->first_day = mt_tour_get_first_day (tour);
  details->n_days = mt_tour_get_n_days (tour);
}

void
mt_tour_details_clear (MtTourDetails *details)
{
  g_clear_pointer (&details->title, g_free);
  g_clear_pointer (&details->organiser, g_free);
  g_clear_pointer (&details->organiser_contact, g_free);
  g_clear_pointer (&details->time_zone, g_free);
  g_clear_pointer (&details->description, g_free);
}

void
mt_tour_details_init_new (MtTourDetails *details,
                          const char    *time_zone)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (details != NULL);

  memset (details, 0, sizeof *details);
  if (time_zone == NULL || *time_zone == '\0')
    time_zone = MT_DEFAULT_TIME_ZONE;
  zone = g_time_zone_new_identifier (time_zone);
  if (zone == NULL)
    {
      time_zone = MT_DEFAULT_TIME_ZONE;
      zone = g_time_zone_new_identifier (time_zone);
    }
  now = zone ? g_date_time_new_now (zone) : g_date_time_new_now_utc ();
  details->time_zone = g_strdup (time_zone);
  details->first_day = mt_wall_time_day_start (mt_wall_time_from_date_time (now));
  details->n_days = MT_DEFAULT_N_DAYS;
}

gint64
mt_tour_details_shift (const MtTourDetails *details,
                       MtTour              *tour)
{
  g_return_val_if_fail (details != NULL, 0);
  g_return_val_if_fail (MT_IS_TOUR (tour), 0);

  return details->first_day - mt_tour_get_first_day (tour);
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  gint64 sa = mt_visit_get_start (*(MtVisit **) a);
  gint64 sb = mt_visit_get_start (*(MtVisit **) b);

  return sa < sb ? -1 : sa > sb;
}

GPtrArray *
mt_tour_details_dup_outside (const MtTourDetails *details,
                             MtTour              *tour,
                             gboolean             move)
{
  GPtrArray *outside = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *visits;
  gint64 shift, end;

  g_return_val_if_fail (details != NULL, outside);
  g_return_val_if_fail (MT_IS_TOUR (tour), outside);

  shift = move ? mt_tour_details_shift (details, tour) : 0;
  end = details->first_day + (gint64) details->n_days * MT_SECONDS_PER_DAY;
  visits = mt_tour_get_visits (tour);
  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);
      gint64 start = mt_visit_get_start (visit);

      if (start == MT_TIME_UNSET)
        continue;
      start += shift;
      if (start < details->first_day || start >= end)
        g_ptr_array_add (outside, g_steal_pointer (&visit));
    }
  g_ptr_array_sort (outside, compare_start);
  return outside;
}

static gint64
shifted (gint64 time,
         gint64 shift)
{
  return time == MT_TIME_UNSET ? time : time + shift;
}

gboolean
mt_tour_details_apply (const MtTourDetails *details,
                       MtTour              *tour,
                       gboolean             move,
                       const char          *label,
                       GError             **error)
{
  MtHistory *history;
  gint64 shift;

  g_return_val_if_fail (details != NULL, FALSE);
  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);

  {
    g_autoptr(GTimeZone) zone = details->time_zone ? g_time_zone_new_identifier (details->time_zone) : NULL;

    if (details->time_zone != NULL && zone == NULL)
      {
        g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                     /* Translators: “%s” is a time zone's name, "Asia/Shanghai" */
                     _("“%s” is not a time zone this system knows"), details->time_zone);
        return FALSE;
      }
  }

  history = mt_tour_get_history (tour);
  shift = move ? mt_tour_details_shift (details, tour) : 0;

  mt_history_begin (history, label);
  mt_tour_set_title (tour, details->title);
  mt_tour_set_organiser (tour, details->organiser);
  mt_tour_set_organiser_contact (tour, details->organiser_contact);
  mt_tour_set_description (tour, details->description);
  if (details->time_zone != NULL)
    mt_tour_set_time_zone (tour, details->time_zone, NULL);
  mt_tour_set_n_days (tour, details->n_days);
  mt_tour_set_first_day (tour, details->first_day);

  if (shift != 0)
    {
      GListModel *visits = mt_tour_get_visits (tour);
      GListModel *interviews = mt_tour_get_interviews (tour);

      for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
        {
          g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);

          mt_visit_set_start (visit, shifted (mt_visit_get_start (visit), shift));
          mt_visit_set_end (visit, shifted (mt_visit_get_end (visit), shift));
        }
      for (guint i = 0, n = g_list_model_get_n_items (interviews); i < n; i++)
        {
          g_autoptr(MtInterview) interview = g_list_model_get_item (interviews, i);

          mt_interview_set_start (interview, shifted (mt_interview_get_start (interview), shift));
          mt_interview_set_end (interview, shifted (mt_interview_get_end (interview), shift));
        }
    }
  mt_history_end (history);
  return TRUE;
}

char *
mt_tour_details_format_date (gint64      time,
                             const char *format)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  g_return_val_if_fail (format != NULL, NULL);

  mt_wall_time_split (time, &y, &m, &d, NULL, NULL, NULL);
  /* noon in UTC: the date itself, whatever the local zone */
  date = g_date_time_new_utc (y, m, d, 12, 0, 0);
  return date ? g_date_time_format (date, format) : g_strdup ("");
}

char *
mt_tour_details_format_span (const MtTourDetails *details)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gint64 last_day;

  g_return_val_if_fail (details != NULL, NULL);

  last_day = details->first_day + (gint64) (MAX (details->n_days, 1) - 1) * MT_SECONDS_PER_DAY;
  /* Translators: the first day of the tour, see g_date_time_format() */
  first = mt_tour_details_format_date (details->first_day, _("%-d %B"));
  /* Translators: the last day of the tour, see g_date_time_format() */
  last = mt_tour_details_format_date (last_day, _("%-d %B %Y"));
  /* Translators: the days of a tour, "14 May – 20 May 2024" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static gboolean
is_region_zone (const char *name)
{
  static const char * const regions[] = {
    "Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/",
    "Australia/", "Europe/", "Indian/", "Pacific/",
  };

  if (g_str_equal (name, "UTC"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_str_has_prefix (name, regions[i]))
      return TRUE;
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The zones of the tz database's compiled source ("Z name …" and
 * "L target name"), or else of zone1970.tab (its third column). */
GPtrArray *
mt_time_zone_list (void)
{
  const char *dir = g_getenv ("TZDIR") ? g_getenv ("TZDIR") : "/usr/share/zoneinfo";
  g_autofree char *zi_path = g_build_filename (dir, "tzdata.zi", NULL);
  g_autofree char *tab_path = g_build_filename (dir, "zone1970.tab", NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *zones = g_ptr_array_new_with_free_func (g_free);
  gboolean from_zi;

  from_zi = g_file_get_contents (zi_path, &contents, NULL, NULL);
  if (!from_zi && !g_file_get_contents (tab_path, &contents, NULL, NULL))
    contents = g_strdup ("");

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      const char *name = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit_set (lines[i], from_zi ? " " : "\t", -1);
      if (from_zi && g_str_equal (fields[0], "Z") && g_strv_length (fields) > 1)
        name = fields[1];
      else if (from_zi && g_str_equal (fields[0], "L") && g_strv_length (fields) > 2)
        name = fields[2];
      else if (!from_zi && g_strv_length (fields) > 2)
        name = fields[2];
      if (name != NULL && is_region_zone (name) && !g_hash_table_contains (seen, name))
        g_hash_table_add (seen, g_strdup (name));
    }
  if (!g_hash_table_contains (seen, "UTC"))
    g_hash_table_add (seen, g_strdup ("UTC"));
  if (!g_hash_table_contains (seen, MT_DEFAULT_TIME_ZONE))
    g_hash_table_add (seen, g_strdup (MT_DEFAULT_TIME_ZONE));

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        g_ptr_array_add (zones, key);
        g_hash_table_iter_steal (&iter);
      }
  }
  g_ptr_array_sort (zones, compare_names);
  return zones;
}
