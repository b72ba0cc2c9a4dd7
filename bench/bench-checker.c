/* bench-checker.c: how fast the schedule checker is
 *
 * On generated tours of 1k, 10k and 100k visits, with delegates and
 * interviews in proportion (half as many delegates, twice as many
 * interviews), prints the milliseconds of a full check (the first, which
 * also notes each item's day, and a repeat), of the re-check after one
 * visit moved, and of a re-check of one given day; and the growth of the
 * full check per tenfold against n log n's.
 *
 * Goals (issue 3): a full check of 10k visits, 5k delegates and 20k
 * interviews under 50 ms, a single-day re-check under 5 ms, growth no worse
 * than n log n. Nothing here asserts a time.
 *
 * Run: meson compile -C _build && _build/bench/bench-checker [MAX_VISITS]
 *
 * On a shared machine the times wander by a third from one run to the
 * next; bench-checker-count.sh counts instructions instead, which do not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "mt-checker.h"
#include "mt-model.h"

#define REPEATS 5

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* For bench-checker-count.sh: one full check and one single-day re-check,
 * in functions of their own so that callgrind can count the instructions of
 * each (--toggle-collect). */
G_GNUC_NO_INLINE static void
counted_full_check (MtChecker *checker)
{
  mt_checker_check (checker);
}

G_GNUC_NO_INLINE static void
counted_day_check (MtChecker *checker)
{
  const int third_day = 2;

  mt_checker_check_days (checker, &third_day, 1);
}

static int
count_once (guint n)
{
  g_autoptr(MtTour) tour = mt_tour_generate (n, n / 2, n * 2, 20240514);
  g_autoptr(MtChecker) checker = mt_checker_new (tour);

  /* the first check notes every item's day; the counted ones repeat it */
  mt_checker_check (checker);
  counted_full_check (checker);
  counted_day_check (checker);
  printf ("%u visits: %u problems\n", n, g_list_model_get_n_items (mt_checker_get_problems (checker)));
  return 0;
}

int
main (int    argc,
      char **argv)
{
  const guint sizes[] = { 1000, 10000, 100000 };
  guint max_visits;

  if (argc > 2 && g_str_equal (argv[1], "--count"))
    return count_once ((guint) atoi (argv[2]));
  max_visits = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  double previous = 0;
  guint previous_n = 0;

  printf ("%-8s %-8s %-10s %-9s %10s %10s %10s %10s %10s %8s\n",
          "visits", "delegates", "interviews", "problems",
          "first ms", "full ms", "edit ms", "day ms", "nlogn x", "growth");

  for (guint s = 0; s < G_N_ELEMENTS (sizes) && sizes[s] <= max_visits; s++)
    {
      guint n = sizes[s];
      g_autoptr(MtTour) tour = mt_tour_generate (n, n / 2, n * 2, 20240514);
      g_autoptr(MtChecker) checker = mt_checker_new (tour);
      GListModel *visits = mt_tour_get_visits (tour);
      double full[REPEATS], edit[REPEATS], day[REPEATS];
      g_autofree char *ratio = NULL, *predicted = NULL;
      double first, full_ms, expected = 0;
      const int third_day = 2;
      gint64 start;

      start = g_get_monotonic_time ();
      mt_checker_check (checker);
      first = ms_since (start);

      for (guint r = 0; r < REPEATS; r++)
        {
          g_autoptr(MtVisit) visit = g_list_model_get_item (visits, (r * 7919) % g_list_model_get_n_items (visits));

          start = g_get_monotonic_time ();
          mt_checker_check (checker);
          full[r] = ms_since (start);

          /* an edit the planner makes: a visit five minutes later */
          mt_visit_set_start (visit, mt_visit_get_start (visit) + 300);
          mt_visit_set_end (visit, mt_visit_get_end (visit) + 300);
          start = g_get_monotonic_time ();
          mt_checker_update (checker);
          edit[r] = ms_since (start);

          start = g_get_monotonic_time ();
          mt_checker_check_days (checker, &third_day, 1);
          day[r] = ms_since (start);
        }
      full_ms = bench_median (full, REPEATS);

      if (previous_n > 0)
        expected = (double) n * log (n) / ((double) previous_n * log (previous_n));
      ratio = previous_n > 0 ? g_strdup_printf ("%.1f", full_ms / previous) : g_strdup ("-");
      predicted = previous_n > 0 ? g_strdup_printf ("%.1f", expected) : g_strdup ("-");
      printf ("%-8u %-8u %-10u %-9u %10.1f %10.1f %10.2f %10.2f %10s %8s\n",
              mt_tour_count (tour, MT_ENTITY_VISIT), mt_tour_count (tour, MT_ENTITY_DELEGATE),
              mt_tour_count (tour, MT_ENTITY_INTERVIEW),
              g_list_model_get_n_items (mt_checker_get_problems (checker)),
              first, full_ms, bench_median (edit, REPEATS), bench_median (day, REPEATS), predicted, ratio);
      previous = full_ms;
      previous_n = n;
    }

  printf ("\nfirst: the first full check (notes every item's day as well); full: a repeat,\n"
          "median of %d; edit: mt_checker_update() after one visit moved 5 min; day: one\n"
          "day re-checked with mt_checker_check_days(); nlogn x: the growth n log n\n"
          "predicts for a tenfold size; growth: the full check's.\n", REPEATS);
  return 0;
}
