/* export-test-util.h: a small hand-made tour that the export tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "mt-model.h"
#include "mt-csv.h"
#include "mt-ical.h"
#include "mt-print.h"

#define SITE_TOWER "00000000-0000-4000-8000-000000000101"
#define SITE_LAB "00000000-0000-4000-8000-000000000102"
#define GROUP_A "00000000-0000-4000-8000-000000000201"
#define GROUP_B "00000000-0000-4000-8000-000000000202"
#define DELEGATE_WANG "00000000-0000-4000-8000-000000000301"
#define DELEGATE_LI "00000000-0000-4000-8000-000000000302"
#define VISIT_OPENING "00000000-0000-4000-8000-000000000401"
#define VISIT_LAB "00000000-0000-4000-8000-000000000402"
#define VISIT_FACTORY "00000000-0000-4000-8000-000000000403"
#define VISIT_CANCELLED "00000000-0000-4000-8000-000000000404"
#define INTERVIEW_WANG "00000000-0000-4000-8000-000000000501"
#define INTERVIEW_LI "00000000-0000-4000-8000-000000000502"

static inline void
add_or_die (MtTour   *tour,
            gpointer  entity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mt_tour_add (tour, MT_ENTITY (entity), &error));
  g_assert_no_error (error);
  g_object_unref (entity);
}

static inline MtVisit *
new_visit (const char *id,
           const char *title,
           const char *site,
           const char *group,
           gint64      start,
           gint64      end)
{
  MtVisit *visit = mt_visit_new (id);
  const char *groups[] = { group, NULL };

  mt_visit_set_title (visit, title);
  mt_visit_set_site (visit, site);
  mt_visit_set_start (visit, start);
  mt_visit_set_end (visit, end);
  mt_visit_set_status (visit, MT_VISIT_CONFIRMED);
  if (group != NULL)
    mt_visit_set_groups (visit, groups);
  return visit;
}

static inline MtInterview *
new_interview (const char *id,
               const char *interviewee,
               const char *delegate,
               const char *visit,
               gint64      start)
{
  MtInterview *interview = mt_interview_new (id);
  const char *delegates[] = { delegate, NULL };

  mt_interview_set_interviewee (interview, interviewee);
  mt_interview_set_interviewee_title (interview, "Chief engineer");
  mt_interview_set_organisation (interview, "广州实验室");
  mt_interview_set_delegates (interview, delegates);
  mt_interview_set_visit (interview, visit);
  mt_interview_set_start (interview, start);
  mt_interview_set_end (interview, start + 30 * 60);
  mt_interview_set_status (interview, MT_INTERVIEW_CONFIRMED);
  return interview;
}

/* Two days in Guangzhou: an opening for everyone, then Coach A at the lab
 * and Coach B at a factory, each with an interview; a cancelled visit on
 * the second day. */
static inline MtTour *
small_tour_new (void)
{
  MtTour *tour = mt_tour_new ();
  MtCity *city = mt_city_new ("00000000-0000-4000-8000-000000000001");
  MtSite *tower = mt_site_new (SITE_TOWER);
  MtSite *lab = mt_site_new (SITE_LAB);
  MtGroup *a = mt_group_new (GROUP_A), *b = mt_group_new (GROUP_B);
  MtDelegate *wang = mt_delegate_new (DELEGATE_WANG), *li = mt_delegate_new (DELEGATE_LI);
  MtVisit *cancelled;

  mt_tour_set_title (tour, "Small tour");
  mt_tour_set_organiser (tour, "Press office");
  mt_tour_set_first_day (tour, mt_wall_time_new (2024, 5, 14, 0, 0, 0));
  mt_tour_set_n_days (tour, 2);

  mt_city_set_name (city, "Guangzhou");
  mt_city_set_local_name (city, "广州");
  mt_city_set_latitude (city, 23.1291);
  mt_city_set_longitude (city, 113.2644);
  add_or_die (tour, city);

  mt_site_set_city (tower, "00000000-0000-4000-8000-000000000001");
  mt_site_set_name (tower, "Canton Tower");
  mt_site_set_local_name (tower, "广州塔");
  mt_site_set_address (tower, "222 Yuejiang West Road, Haizhu District");
  mt_site_set_latitude (tower, 23.1066);
  mt_site_set_longitude (tower, 113.3245);
  add_or_die (tour, tower);
  mt_site_set_city (lab, "00000000-0000-4000-8000-000000000001");
  mt_site_set_name (lab, "Pearl River Lab");
  mt_site_set_latitude (lab, 23.35);
  mt_site_set_longitude (lab, 113.30);
  add_or_die (tour, lab);

  mt_group_set_name (a, "Coach A");
  mt_group_set_color (a, "#3584e4");
  add_or_die (tour, a);
  mt_group_set_name (b, "Coach B");
  mt_group_set_color (b, "#e66100");
  add_or_die (tour, b);

  mt_delegate_set_name (wang, "王伟");
  mt_delegate_set_outlet (wang, "Provincial TV");
  mt_delegate_set_group (wang, GROUP_A);
  add_or_die (tour, wang);
  mt_delegate_set_name (li, "Li Na");
  mt_delegate_set_outlet (li, "Economic daily");
  mt_delegate_set_group (li, GROUP_B);
  add_or_die (tour, li);

  add_or_die (tour, new_visit (VISIT_OPENING, "Opening briefing", SITE_TOWER, NULL,
                               mt_wall_time_new (2024, 5, 14, 9, 0, 0), mt_wall_time_new (2024, 5, 14, 11, 30, 0)));
  add_or_die (tour, new_visit (VISIT_LAB, "Lab visit", SITE_LAB, GROUP_A,
                               mt_wall_time_new (2024, 5, 14, 13, 0, 0), mt_wall_time_new (2024, 5, 14, 14, 0, 0)));
  add_or_die (tour, new_visit (VISIT_FACTORY, "Factory tour", SITE_LAB, GROUP_B,
                               mt_wall_time_new (2024, 5, 14, 13, 0, 0), mt_wall_time_new (2024, 5, 14, 14, 30, 0)));
  cancelled = new_visit (VISIT_CANCELLED, "Museum", SITE_TOWER, GROUP_A,
                         mt_wall_time_new (2024, 5, 15, 10, 0, 0), mt_wall_time_new (2024, 5, 15, 11, 0, 0));
  mt_visit_set_status (cancelled, MT_VISIT_CANCELLED);
  add_or_die (tour, cancelled);

  add_or_die (tour, new_interview (INTERVIEW_WANG, "Chen Ming", DELEGATE_WANG, VISIT_LAB,
                                   mt_wall_time_new (2024, 5, 14, 13, 15, 0)));
  add_or_die (tour, new_interview (INTERVIEW_LI, "Zhao Lei", DELEGATE_LI, VISIT_FACTORY,
                                   mt_wall_time_new (2024, 5, 14, 13, 30, 0)));

  mt_history_clear (mt_tour_get_history (tour));
  return tour;
}

/* The small tour moved to Berlin, 30 March to 2 April 2024, across the
 * night the clocks go forward (31 March, 02:00): the opening on the 30th,
 * the lab on 1 April, the factory at 00:30 and the museum at 04:00 that
 * night */
static inline MtTour *
berlin_spring_tour_new (void)
{
  MtTour *tour = small_tour_new ();
  const struct { const char *id; int day, month, hour, minute; } moves[] = {
    { VISIT_OPENING, 30, 3, 9, 0 }, { VISIT_LAB, 1, 4, 9, 0 },
    { VISIT_FACTORY, 31, 3, 0, 30 }, { VISIT_CANCELLED, 31, 3, 4, 0 },
  };

  g_assert_true (mt_tour_set_time_zone (tour, "Europe/Berlin", NULL));
  mt_tour_set_first_day (tour, mt_wall_time_new (2024, 3, 30, 0, 0, 0));
  mt_tour_set_n_days (tour, 4);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    mt_tour_move_visit (tour, mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, moves[i].id),
                        mt_wall_time_new (2024, moves[i].month, moves[i].day, moves[i].hour, moves[i].minute, 0));
  return tour;
}

static inline char *
export_or_die (MtTour     *tour,
               const char *group_id,
               const char *delegate_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = mt_ical_export_to_bytes (tour, group_id, delegate_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* the absolute start of an item, as the tests expect to read it back */
static inline char *
utc_start_of (MtTour   *tour,
              MtEntity *item)
{
  g_autoptr(GDateTime) local = mt_wall_time_to_date_time (mt_ical_item_get_start (item), mt_tour_get_zone (tour));
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static inline char *
summary_of (MtEntity *item)
{
  if (MT_IS_VISIT (item))
    return g_strdup (mt_visit_get_title (MT_VISIT (item)));
  return g_strdup_printf ("Interview with %s", mt_interview_get_interviewee (MT_INTERVIEW (item)));
}

/* The session's locale, and the catalogues of the build folder where the
 * test runs from it ($MT_LOCALEDIR), for the words in Chinese */
static inline void
export_test_init_translations (void)
{
  setlocale (LC_ALL, "");
  if (g_getenv ("MT_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Runs @argv (searched in PATH): its output; its exit status in
 * @exit_status, or where that is NULL, the test fails unless it is 0 */
static inline char *
run_or_die (const char * const *argv,
            int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s cannot run (install poppler-utils): %s", argv[0], error->message);
  if (exit_status != NULL)
    *exit_status = WIFSIGNALED (status) ? 128 + WTERMSIG (status) : WEXITSTATUS (status);
  else if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static inline void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}
