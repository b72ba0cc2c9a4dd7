/* bench-digest.c: what changed for every delegate, on a large tour
 *
 * A generated tour of 10k visits and 20k interviews, with 625, 1250, 2500
 * and 5000 delegates: a version is issued, then 1,000 random edits are
 * made (visits moved, retitled, cancelled or confirmed, moved to another
 * site or group, deleted and added, interviews moved and declined,
 * delegates moved to another coach), and the digests of every delegate
 * are computed and written in words, text and HTML, in memory. Prints the
 * median of 3 runs of each step, the time per delegate (flat when the
 * work is linear in the delegates), and how much each issued version adds
 * to the tour file. Asserts nothing: these machines are shared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "bench-util.h"
#include "mt-digest.h"
#include "mt-model.h"

#define RUNS 3
#define N_VISITS 10000
#define N_INTERVIEWS 20000
#define N_EDITS 1000

static gpointer
nth (GListModel *model,
     guint       n)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, n);

  return item;  /* the tour keeps it */
}

static void
random_edit (MtTour *tour,
             GRand  *rand)
{
  GListModel *visits = mt_tour_get_visits (tour);
  GListModel *interviews = mt_tour_get_interviews (tour);
  GListModel *delegates = mt_tour_get_delegates (tour);
  GListModel *groups = mt_tour_get_groups (tour);
  GListModel *sites = mt_tour_get_sites (tour);
  MtVisit *visit = nth (visits, g_rand_int_range (rand, 0, g_list_model_get_n_items (visits)));
  gint64 shift = 15 * 60 * g_rand_int_range (rand, -4, 5);

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
    case 1:
      mt_tour_move_visit (tour, visit, mt_visit_get_start (visit) + (shift != 0 ? shift : 1800));
      break;
    case 2:
      mt_visit_set_status (visit, g_rand_int_range (rand, MT_VISIT_TENTATIVE, MT_VISIT_CANCELLED + 1));
      break;
    case 3:
      mt_visit_set_site (visit, mt_entity_get_id (nth (sites, g_rand_int_range (rand, 0, g_list_model_get_n_items (sites)))));
      break;
    case 4:
      {
        g_autofree char *title = g_strdup_printf ("%s (changed)", mt_visit_get_title (visit));

        mt_visit_set_title (visit, title);
        mt_visit_set_meeting_point (visit, "Hotel lobby, 08:30");
      }
      break;
    case 5:
      {
        const char *group[] = { mt_entity_get_id (nth (groups, g_rand_int_range (rand, 0, g_list_model_get_n_items (groups)))), NULL };

        mt_visit_set_groups (visit, group);
      }
      break;
    case 6:
      {
        MtVisit *added = mt_visit_new (NULL);

        mt_visit_set_title (added, "Added visit");
        mt_visit_set_site (added, mt_visit_get_site (visit));
        mt_visit_set_groups (added, mt_visit_get_groups (visit));
        mt_visit_set_start (added, mt_visit_get_end (visit) + 600);
        mt_visit_set_end (added, mt_visit_get_end (visit) + 3600);
        mt_tour_add (tour, MT_ENTITY (added), NULL);
        g_object_unref (added);
        mt_tour_remove (tour, MT_ENTITY (nth (visits, g_rand_int_range (rand, 0, g_list_model_get_n_items (visits)))));
      }
      break;
    case 7:
    case 8:
      {
        MtInterview *interview = nth (interviews, g_rand_int_range (rand, 0, g_list_model_get_n_items (interviews)));

        if (g_rand_boolean (rand))
          mt_interview_set_status (interview, MT_INTERVIEW_DECLINED);
        else
          {
            mt_interview_set_start (interview, mt_interview_get_start (interview) + 1800);
            mt_interview_set_end (interview, mt_interview_get_end (interview) + 1800);
          }
      }
      break;
    default:
      mt_delegate_set_group (nth (delegates, g_rand_int_range (rand, 0, g_list_model_get_n_items (delegates))),
                             mt_entity_get_id (nth (groups, g_rand_int_range (rand, 0, g_list_model_get_n_items (groups)))));
      break;
    }
}

static gsize
file_size (MtTour *tour)
{
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);

  return g_bytes_get_size (bytes);
}

/* returns the total milliseconds */
static double
measure (guint n_delegates)
{
  g_autoptr(MtTour) tour = mt_tour_generate (N_VISITS, n_delegates, N_INTERVIEWS, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double compute[RUNS], words[RUNS];
  gsize before, first, second;
  guint n_changed = 0, n_entries = 0;

  before = file_size (tour);
  mt_tour_issue_version (tour, "Bench");
  first = file_size (tour);
  for (guint i = 0; i < N_EDITS; i++)
    random_edit (tour, rand);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) digests = NULL;
      double start = bench_now_ms ();

      digests = mt_digest_new_all (tour, NULL);
      compute[run] = bench_now_ms () - start;

      start = bench_now_ms ();
      n_changed = n_entries = 0;
      for (guint i = 0; i < digests->len; i++)
        {
          MtDigest *digest = g_ptr_array_index (digests, i);
          g_autofree char *text = mt_digest_format_text (digest);
          g_autofree char *html = mt_digest_format_html (digest);

          n_changed += mt_digest_get_n_entries (digest) > 0;
          n_entries += mt_digest_get_n_entries (digest);
        }
      words[run] = bench_now_ms () - start;
    }

  mt_tour_issue_version (tour, "After the edits");
  second = file_size (tour);

  {
    double c = bench_median (compute, RUNS), w = bench_median (words, RUNS);

    printf ("%9u %10.0f %10.0f %10.0f %12.1f %9u %8.1f %11.0f %11.0f %11.0f\n",
            n_delegates, c, w, c + w, 1000.0 * (c + w) / n_delegates, n_changed,
            (double) n_entries / MAX (n_changed, 1), before / 1024.0, (first - before) / 1024.0,
            (second - first) / 1024.0);
    return c + w;
  }
}

int
main (int    argc,
      char **argv)
{
  const guint counts[] = { 625, 1250, 2500, 5000 };
  double totals[G_N_ELEMENTS (counts)];
  double slope;

  printf ("Digests of every delegate: %u visits, %u interviews, a version issued, then %u random edits\n",
          N_VISITS, N_INTERVIEWS, N_EDITS);
  printf ("median of %u runs; ms to compute them all, to write them in words (text and HTML),\n"
          "both, µs per delegate; delegates with changes and their mean changes; the tour file\n"
          "in KiB before any version, what the first version adds and what the second (after\n"
          "the edits) adds\n\n", RUNS);
  printf ("%9s %10s %10s %10s %12s %9s %8s %11s %11s %11s\n", "delegates", "compute", "words", "total",
          "µs/delegate", "changed", "changes", "file KiB", "+version 1", "+version 2");

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    totals[i] = measure (counts[i]);

  /* total = fixed + slope × delegates, from the smallest and the largest */
  slope = (totals[G_N_ELEMENTS (counts) - 1] - totals[0]) / (counts[G_N_ELEMENTS (counts) - 1] - counts[0]);
  printf ("\neach delegate more: %.1f µs; the work for any number of delegates (the plan now and\n"
          "the version, resolved and indexed once): %.0f ms\n", 1000.0 * slope, totals[0] - slope * counts[0]);
  return 0;
}
