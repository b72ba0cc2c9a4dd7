/* mt-cli-info.c: mediatour-cli info
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mt-cli.h"

static char *
format_day (MtTour *tour,
            gint64  wall)
{
  g_autoptr(GDateTime) date_time = mt_wall_time_to_date_time (wall, mt_tour_get_zone (tour));

  /* Translators: a day in the tour's summary, see strftime() */
  return g_date_time_format (date_time, _("%a %e %b %Y"));
}

/* The cities a day's visits take the delegation to, in time order, each
 * named once. */
static char *
cities_of_day (MtTour    *tour,
               GPtrArray *visits_of_day)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < visits_of_day->len; i++)
    {
      MtVisit *visit = g_ptr_array_index (visits_of_day, i);
      MtSite *site = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_visit_get_site (visit));
      MtCity *city = site ? mt_tour_lookup_kind (tour, MT_ENTITY_CITY, mt_site_get_city (site)) : NULL;
      const char *name = city ? mt_city_get_name (city) : NULL;

      if (name != NULL && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" → ", (char **) names->pdata);
}

static int
compare_visits (gconstpointer a,
                gconstpointer b)
{
  gint64 sa = mt_visit_get_start (*(MtVisit **) a);
  gint64 sb = mt_visit_get_start (*(MtVisit **) b);

  return sa < sb ? -1 : sa > sb;
}

int
mt_cli_info (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *first = NULL, *last = NULL;
  g_autoptr(GPtrArray) by_day = NULL;
  GListModel *visits;
  guint n_days;
  int status;

  context = g_option_context_new (_("FILE — show a tour’s summary"));
  g_option_context_set_summary (context,
                                _("Prints the title, the dates, the number of items of each kind "
                                  "and the cities of each day."));
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 2)
    {
      mt_cli_error (_("info takes one tour file"));
      return MT_CLI_USAGE;
    }

  tour = mt_cli_load (argv[1], &warnings);
  if (tour == NULL)
    return MT_CLI_USAGE;

  n_days = mt_tour_get_n_days (tour);
  first = format_day (tour, mt_tour_get_first_day (tour));
  last = format_day (tour, mt_tour_get_day_start (tour, n_days - 1));

  printf (_("Title: %s\n"), mt_tour_get_title (tour) ? mt_tour_get_title (tour) : _("(untitled)"));
  if (mt_tour_get_organiser (tour))
    printf (_("Organiser: %s\n"), mt_tour_get_organiser (tour));
  /* Translators: "Dates: Tue 14 May 2024 – Mon 20 May 2024 (Asia/Shanghai)" */
  printf (_("Dates: %s – %s (%s)\n"), first, last, mt_tour_get_time_zone (tour));
  printf (g_dngettext (GETTEXT_PACKAGE, "%u day\n", "%u days\n", n_days), n_days);
  printf (_("Cities: %u  Sites: %u  Groups: %u  Delegates: %u  Visits: %u  Interviews: %u\n"),
          mt_tour_count (tour, MT_ENTITY_CITY), mt_tour_count (tour, MT_ENTITY_SITE),
          mt_tour_count (tour, MT_ENTITY_GROUP), mt_tour_count (tour, MT_ENTITY_DELEGATE),
          mt_tour_count (tour, MT_ENTITY_VISIT), mt_tour_count (tour, MT_ENTITY_INTERVIEW));

  by_day = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint d = 0; d < n_days; d++)
    g_ptr_array_add (by_day, g_ptr_array_new ());

  visits = mt_tour_get_visits (tour);
  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
    {
      MtVisit *visit = g_list_model_get_item (visits, i);
      int day = mt_tour_get_day_index (tour, mt_visit_get_start (visit));

      if (day >= 0 && (guint) day < n_days)
        g_ptr_array_add (g_ptr_array_index (by_day, day), visit);
      g_object_unref (visit); /* the tour holds it */
    }

  for (guint d = 0; d < n_days; d++)
    {
      GPtrArray *day = g_ptr_array_index (by_day, d);
      g_autofree char *date = format_day (tour, mt_tour_get_day_start (tour, d));
      g_autofree char *cities = NULL;

      g_ptr_array_sort (day, compare_visits);
      cities = cities_of_day (tour, day);
      /* Translators: "Day 3  Thu 16 May 2024  Shenzhen → Dongguan  (6 visits)" */
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "Day %u  %s  %s  (%u visit)\n",
                           "Day %u  %s  %s  (%u visits)\n", day->len),
              d + 1, date, cities[0] ? cities : "—", day->len);
    }

  for (guint i = 0; warnings && i < warnings->len; i++)
    fprintf (stderr, "%s: %s\n", argv[1], (char *) g_ptr_array_index (warnings, i));

  return MT_CLI_OK;
}
