/* bench-sync-ui.c: what counting the edits that wait costs the window
 *
 * While a shared tour cannot reach its server, the header shows how many
 * edits wait (mt-sync-pending.h): after each edit the main thread writes
 * the tour to bytes, and a worker thread parses it and the base and merges
 * them. After each sync the main thread also reads the base anew. Prints,
 * for the sample and for generated tours of 1k and 10k visits (half as
 * many delegates, twice as many interviews), the median milliseconds of
 * each part and of describing what a merge of 20 edits brought in.
 * Asserts nothing: these machines are shared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "bench-util.h"
#include "mt-merge.h"
#include "mt-sync-pending.h"
#include "mt-sync-words.h"

#define RUNS 5
#define N_EDITS 20

static MtTour *
copy_of (MtTour *tour)
{
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);

  return mt_tour_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, NULL, NULL);
}

static void
measure (const char *name,
         MtTour     *base)
{
  g_autoptr(GBytes) base_bytes = mt_tour_save_to_bytes (base);
  g_autoptr(MtTour) edited = copy_of (base);
  g_autoptr(GBytes) current = NULL;
  GListModel *visits = mt_tour_get_visits (edited);
  double serialise[RUNS], count[RUNS], reload[RUNS], describe[RUNS];
  guint n = 0;

  mt_tour_set_replica (edited, "bench-edits");
  mt_tour_set_replica_name (edited, "bench-edits", "Wei");
  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, (i * 7) % g_list_model_get_n_items (visits));

      mt_visit_set_notes (visit, "Changed on the coach");
    }

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(MtTour) target = copy_of (base);
      g_autoptr(MtTour) reloaded = NULL;
      g_autoptr(MtMergeReport) report = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      double start;

      start = bench_now_ms ();
      g_clear_pointer (&current, g_bytes_unref);
      current = mt_tour_save_to_bytes (edited);
      serialise[run] = bench_now_ms () - start;

      start = bench_now_ms ();
      n = mt_sync_pending_count (base_bytes, current, NULL);
      count[run] = bench_now_ms () - start;

      /* what the controller does with the base after a sync */
      start = bench_now_ms ();
      reloaded = mt_tour_load_from_data (g_bytes_get_data (base_bytes, NULL), g_bytes_get_size (base_bytes),
                                         NULL, NULL, NULL);
      g_bytes_unref (mt_tour_save_to_bytes (reloaded));
      reload[run] = bench_now_ms () - start;

      report = mt_tour_merge (target, edited, NULL, g_get_real_time () / 1000, NULL);
      start = bench_now_ms ();
      lines = mt_sync_words_describe (target, report->incoming);
      describe[run] = bench_now_ms () - start;
      g_assert (lines->len == n);
    }

  printf ("%-8s %6u visits %5zu KiB  serialise %7.2f  count %7.2f  base %7.2f  describe %6.3f  (%u edits)\n",
          name, g_list_model_get_n_items (visits), g_bytes_get_size (base_bytes) / 1024,
          bench_median (serialise, RUNS), bench_median (count, RUNS), bench_median (reload, RUNS),
          bench_median (describe, RUNS), n);
}

int
main (void)
{
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  g_autoptr(MtTour) k1 = mt_tour_generate (1000, 500, 2000, 1);
  g_autoptr(MtTour) k10 = mt_tour_generate (10000, 5000, 20000, 1);

  printf ("milliseconds, median of %d runs\n", RUNS);
  measure ("sample", sample);
  measure ("1k", k1);
  measure ("10k", k10);
  return 0;
}
