/* test-checker-edges.c: the checker at the edges of what a tour can be
 *
 * An empty tour (the sanitizer build catches pointer arithmetic on the
 * NULL data of empty arrays), and wall times that do not exist in the
 * tour's zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mt-checker.h"
#include "mt-model.h"

#define EMPTY_TOUR "{\"format\":1,\"first-day\":\"2024-05-14\"}"

static MtTour *
load_or_die (const char *text)
{
  g_autoptr(GError) error = NULL;
  MtTour *tour = mt_tour_load_from_data (text, -1, "edge.mtour", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tour);
  return tour;
}

static void
test_empty_tour (void)
{
  g_autoptr(MtTour) tour = load_or_die (EMPTY_TOUR);
  g_autoptr(MtChecker) checker = mt_checker_new (tour);
  g_autoptr(GPtrArray) applied = NULL;
  const int days[] = { -1, 0, 3, 7 };

  mt_checker_check (checker);
  g_assert_cmpuint (g_list_model_get_n_items (mt_checker_get_problems (checker)), ==, 0);

  /* a re-check of some days, as after an edit, on nothing */
  mt_checker_check_days (checker, days, G_N_ELEMENTS (days));
  g_assert_cmpuint (g_list_model_get_n_items (mt_checker_get_problems (checker)), ==, 0);
  g_assert_cmpuint (mt_checker_fix_all (checker, &applied), ==, 0);
  g_assert_cmpuint (mt_checker_count (checker, MT_SEVERITY_ERROR), ==, 0);
}

static MtTour *
berlin_tour (void)
{
  MtTour *tour = mt_tour_new ();

  g_assert_true (mt_tour_set_time_zone (tour, "Europe/Berlin", NULL));
  mt_tour_set_first_day (tour, mt_wall_time_new (2024, 3, 30, 0, 0, 0));
  mt_tour_set_n_days (tour, 211);
  return tour;
}

static void
add_visit (MtTour     *tour,
           const char *id,
           const char *title,
           gint64      start,
           gint64      end)
{
  g_autoptr(MtVisit) visit = mt_visit_new (id);

  mt_visit_set_title (visit, title);
  mt_visit_set_start (visit, start);
  mt_visit_set_end (visit, end);
  g_assert_true (mt_tour_add (tour, MT_ENTITY (visit), NULL));
}

static MtProblem *
find_problem (MtChecker     *checker,
              MtProblemKind  kind,
              const char    *id)
{
  GListModel *problems = mt_checker_get_problems (checker);

  for (guint i = 0, n = g_list_model_get_n_items (problems); i < n; i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);

      if (mt_problem_get_kind (problem) == kind && g_strv_contains (mt_problem_get_ids (problem), id))
        return problem;
    }
  return NULL;
}

/* 02:00 to 03:00 on 2024-03-31 does not exist in Berlin: a warning that
 * says so; the hour that repeats in October exists (twice), and an end at
 * the moment the clocks jump is that moment */
static void
test_nonexistent_time (void)
{
  g_autoptr(MtTour) tour = berlin_tour ();
  g_autoptr(MtChecker) checker = NULL;
  MtProblem *problem;

  add_visit (tour, "gap", "Night museum", mt_wall_time_new (2024, 3, 31, 2, 0, 0), mt_wall_time_new (2024, 3, 31, 3, 0, 0));
  add_visit (tour, "gap-end", "Late dinner", mt_wall_time_new (2024, 3, 31, 1, 0, 0), mt_wall_time_new (2024, 3, 31, 2, 30, 0));
  add_visit (tour, "before", "Reception", mt_wall_time_new (2024, 3, 31, 0, 0, 0), mt_wall_time_new (2024, 3, 31, 2, 0, 0));
  add_visit (tour, "fold", "Night train", mt_wall_time_new (2024, 10, 27, 2, 30, 0), mt_wall_time_new (2024, 10, 27, 2, 45, 0));
  add_visit (tour, "day", "Museum", mt_wall_time_new (2024, 3, 31, 10, 0, 0), mt_wall_time_new (2024, 3, 31, 11, 0, 0));

  checker = mt_checker_new (tour);
  mt_checker_check (checker);

  problem = find_problem (checker, MT_PROBLEM_NONEXISTENT_TIME, "gap");
  g_assert_nonnull (problem);
  g_assert_cmpint (mt_problem_get_severity (problem), ==, MT_SEVERITY_WARNING);
  g_assert_cmpint (mt_problem_get_day (problem), ==, 1);
  g_assert_nonnull (strstr (mt_problem_get_message (problem), "Europe/Berlin"));
  g_assert_nonnull (strstr (mt_problem_get_message (problem), "from 02:00 to 03:00"));
  g_assert_nonnull (find_problem (checker, MT_PROBLEM_NONEXISTENT_TIME, "gap-end"));
  g_assert_null (find_problem (checker, MT_PROBLEM_NONEXISTENT_TIME, "before"));
  g_assert_null (find_problem (checker, MT_PROBLEM_NONEXISTENT_TIME, "fold"));
  g_assert_null (find_problem (checker, MT_PROBLEM_NONEXISTENT_TIME, "day"));
  g_assert_cmpstr (mt_problem_kind_to_string (MT_PROBLEM_NONEXISTENT_TIME), ==, "nonexistent-time");

  /* moved an hour on, the warning goes */
  mt_visit_set_start (mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, "gap"), mt_wall_time_new (2024, 3, 31, 3, 0, 0));
  mt_visit_set_end (mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, "gap"), mt_wall_time_new (2024, 3, 31, 4, 0, 0));
  mt_checker_check (checker);
  g_assert_null (find_problem (checker, MT_PROBLEM_NONEXISTENT_TIME, "gap"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checker/edges/empty-tour", test_empty_tour);
  g_test_add_func ("/checker/edges/nonexistent-time", test_nonexistent_time);

  return g_test_run ();
}
