/* bench-tour-file.c: loading and saving generated tours
 *
 * Prints, for tours of 1k, 10k and 100k visits (delegates and interviews in
 * proportion: half and twice as many), the milliseconds to load (read and
 * build the model), to parse the same bytes with json-glib alone, to save
 * (build the JSON and write it), and the peak resident memory. Asserts
 * nothing: these machines are shared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-util.h"
#include "mt-model.h"

#define RUNS 5

typedef struct
{
  double load_ms;
  double parse_ms;
  double save_ms;
  long   peak_kib;
  gsize  bytes;
  gboolean too_large;
} Figures;

static void
measure (guint    n_visits,
         Figures *figures)
{
  g_autoptr(MtTour) tour = mt_tour_generate (n_visits, n_visits / 2, n_visits * 2, 1);
  g_autofree char *dir = g_dir_make_tmp ("mt-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tour.mtour", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  double load[RUNS], parse[RUNS], save[RUNS];
  struct rusage usage;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!mt_tour_save_file (tour, file, NULL, &error))
    {
      /* beyond what a tour file may hold: the save refuses it */
      g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_TOO_LARGE);
      g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);
      figures->bytes = g_bytes_get_size (bytes);
      figures->too_large = TRUE;
      g_rmdir (dir);
      return;
    }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  figures->bytes = length;
  g_clear_object (&tour);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(MtTour) loaded = NULL;
      double start;

      /* json-glib alone, measured as the load is: read the file, parse
       * it into json-glib's tree, and free the tree */
      start = bench_now_ms ();
      {
        g_autoptr(JsonParser) parser = json_parser_new_immutable ();
        g_autofree char *bytes = NULL;
        gsize n_bytes;

        g_assert_true (g_file_get_contents (path, &bytes, &n_bytes, NULL));
        g_assert_true (json_parser_load_from_data (parser, bytes, n_bytes, NULL));
      }
      parse[run] = bench_now_ms () - start;

      start = bench_now_ms ();
      loaded = mt_tour_load_file (file, NULL, NULL, NULL);
      load[run] = bench_now_ms () - start;
      g_assert_nonnull (loaded);

      start = bench_now_ms ();
      g_assert_true (mt_tour_save_file (loaded, file, NULL, NULL));
      save[run] = bench_now_ms () - start;
    }

  figures->load_ms = bench_median (load, RUNS);
  figures->parse_ms = bench_median (parse, RUNS);
  figures->save_ms = bench_median (save, RUNS);

  getrusage (RUSAGE_SELF, &usage);
  figures->peak_kib = usage.ru_maxrss;

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  const guint sizes[] = { 1000, 10000, 100000 };
  double previous_load = 0, previous_save = 0;

  printf ("%-8s %-8s %-10s %9s %9s %9s %10s %9s %9s %10s\n",
          "visits", "deleg.", "interviews", "file MB", "load ms", "parse ms",
          "load/parse", "save ms", "peak MB", "growth");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Figures figures = { 0 };
      int pipe_fds[2];
      pid_t child;

      /* each size in a process of its own, so the peak memory is its own */
      g_assert_cmpint (pipe (pipe_fds), ==, 0);
      child = fork ();
      if (child == 0)
        {
          close (pipe_fds[0]);
          measure (sizes[i], &figures);
          g_assert_cmpint (write (pipe_fds[1], &figures, sizeof figures), ==, sizeof figures);
          _exit (0);
        }
      close (pipe_fds[1]);
      g_assert_cmpint (read (pipe_fds[0], &figures, sizeof figures), ==, sizeof figures);
      close (pipe_fds[0]);
      waitpid (child, NULL, 0);

      if (figures.too_large)
        {
          printf ("%-8u %-8u %-10u %9.1f   refused: a tour file may hold at most %d MiB\n",
                  sizes[i], sizes[i] / 2, sizes[i] * 2, figures.bytes / 1e6, MT_TOUR_MAX_FILE_SIZE >> 20);
          continue;
        }
      printf ("%-8u %-8u %-10u %9.1f %9.1f %9.1f %10.2f %9.1f %9.1f",
              sizes[i], sizes[i] / 2, sizes[i] * 2, figures.bytes / 1e6,
              figures.load_ms, figures.parse_ms, figures.load_ms / figures.parse_ms,
              figures.save_ms, figures.peak_kib / 1024.0);
      if (previous_load > 0)
        printf ("  load ×%.1f save ×%.1f", figures.load_ms / previous_load, figures.save_ms / previous_save);
      printf ("\n");
      fflush (stdout);
      previous_load = figures.load_ms;
      previous_save = figures.save_ms;
    }

  printf ("(median of %d runs; growth is per tenfold size; goal at 10k: load < 300 ms and "
          "< 1.5 × parse, save < 200 ms)\n", RUNS);
  return 0;
}
