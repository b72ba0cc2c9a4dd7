/* bench-sync.c: what a sync costs, and a merge
 *
 * Against Apache (mod_dav_fs) started on 127.0.0.1 by
 * tests/sync/servers/mt-test-server.sh, as Debian configures its ETags
 * ("apache": weak for a second after a change) and with content-hash ETags
 * ("apache-d": FileETag Digest), and lighttpd for comparison:
 *   - one edit's sync on the Guangdong sample: milliseconds, requests, PUTs
 *     of the tour, bytes sent and received (median of 7; each sync starts a
 *     second after the last write, when Apache's ETag is strong again);
 *   - a sync whose write is refused (412) because another organiser wrote
 *     in between, then reads, merges and writes again;
 *   - mt_tour_merge() of two copies of a generated tour (1k, 10k and, with
 *     --large, 100k visits) with 1,000 random edits each: milliseconds, and
 *     the growth per tenfold size.
 * Goals: one edit synced in under 50 ms with exactly one PUT of the tour;
 * the 10k merge in under 200 ms; the merge's cost linear in the size.
 * Asserts nothing: these machines are shared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-bench"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "bench-util.h"
#include "mt-merge.h"
#include "mt-sync.h"
#include "mt-test-edits.h"

#define SYNC_RUNS 7
#define MERGE_RUNS 5

typedef struct
{
  char *dir;
  char *url;
} Server;

static char *
script (void)
{
  return g_build_filename (MT_SOURCE_DIR, "tests", "sync", "servers", "mt-test-server.sh", NULL);
}

static gboolean
server_start (const char *kind,
              const char *file_etag,
              Server     *server)
{
  g_autofree char *path = script ();
  g_autofree char *out = NULL;
  g_autofree char *owner = g_strdup_printf ("%d", (int) getpid ());
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "MT_TEST_SERVER_OWNER_PID", owner, TRUE);
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { path, "start", kind, NULL, NULL };

  if (file_etag != NULL)
    env = g_environ_setenv (env, "MT_TEST_APACHE_FILEETAG", file_etag, TRUE);
  int status;

  server->dir = g_dir_make_tmp ("mt-bench-server-XXXXXX", NULL);
  argv[3] = server->dir;
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "URL="))
      server->url = g_strdup (lines[i] + 4);
  return server->url != NULL;
}

static void
server_stop (Server *server)
{
  g_autofree char *path = script ();
  const char *stop[] = { path, "stop", server->dir, NULL };
  const char *remove[] = { "rm", "-rf", server->dir, NULL };

  g_spawn_sync (NULL, (char **) stop, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  g_spawn_sync (NULL, (char **) remove, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (server->dir);
  g_free (server->url);
}

typedef struct
{
  MtTour      *tour;
  GFile       *file;
  MtSyncState *state;
  MtSync      *sync;
} Copy;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static MtSyncResult *
run_sync (Copy *copy)
{
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;
  MtSyncResult *result;

  mt_sync_run_async (copy->sync, copy->tour, copy->file, copy->state, NULL, on_done, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  result = mt_sync_run_finish (copy->sync, done, &error);
  if (result == NULL)
    g_error ("sync: %s", error->message);
  if (copy->tour == NULL)
    copy->tour = g_object_ref (result->tour);
  return result;
}

static void
copy_init (Copy       *copy,
           const char *dir,
           const char *name,
           const char *url,
           const char *user,
           MtTour     *tour)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *password = g_strconcat (user, "-secret", NULL);

  copy->tour = tour != NULL ? g_object_ref (tour) : NULL;
  copy->file = g_file_new_for_path (path);
  copy->state = mt_sync_state_load (copy->file, NULL);
  copy->sync = mt_sync_new (url, user, password, NULL);
  mt_sync_set_publish_feeds (copy->sync, FALSE);
}

static void
copy_clear (Copy *copy)
{
  g_clear_object (&copy->tour);
  g_clear_object (&copy->file);
  g_clear_pointer (&copy->state, mt_sync_state_free);
  g_clear_object (&copy->sync);
}

/* a counter of the requests of one method, from the client's totals */
typedef struct
{
  guint   requests;
  guint64 sent;
  guint64 received;
} Counts;

static Counts
counts_of (MtSync *sync)
{
  MtDavClient *client = mt_sync_get_client (sync);
  Counts counts = { mt_dav_client_get_n_requests (client), mt_dav_client_get_bytes_sent (client),
                    mt_dav_client_get_bytes_received (client) };

  return counts;
}

static void
on_writing (MtSync *sync,
            guint  *n_puts)
{
  (*n_puts)++;
}

static void
bench_one_edit (const char *kind,
                const char *url,
                const char *dir)
{
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  Copy copy = { 0, };
  double ms[SYNC_RUNS];
  guint requests = 0, puts = 0;
  guint64 sent = 0, received = 0;

  copy_init (&copy, dir, "one-edit.mtour", url, "lin", sample);
  mt_sync_result_free (run_sync (&copy));
  g_signal_connect (copy.sync, "writing", G_CALLBACK (on_writing), &puts);

  for (guint run = 0; run < SYNC_RUNS; run++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (mt_tour_get_visits (copy.tour), run);
      g_autofree char *title = g_strdup_printf ("Edited %u", run);
      Counts before;
      double start;

      g_usleep (1100 * 1000);
      mt_visit_set_title (visit, title);
      before = counts_of (copy.sync);
      start = bench_now_ms ();
      mt_sync_result_free (run_sync (&copy));
      ms[run] = bench_now_ms () - start;
      requests += counts_of (copy.sync).requests - before.requests;
      sent += counts_of (copy.sync).sent - before.sent;
      received += counts_of (copy.sync).received - before.received;
    }
  printf ("%-9s one edit on the sample: %6.1f ms (median of %d), %.1f requests, %.1f PUTs of the tour, "
          "%.0f KB sent, %.0f KB received per sync\n",
          kind, bench_median (ms, SYNC_RUNS), SYNC_RUNS, (double) requests / SYNC_RUNS, (double) puts / SYNC_RUNS,
          sent / 1024.0 / SYNC_RUNS, received / 1024.0 / SYNC_RUNS);
  copy_clear (&copy);
}

/* the other organiser writes between this one's read and write */
static void
write_first (MtSync *sync,
             Copy   *other)
{
  g_signal_handlers_disconnect_by_func (sync, write_first, other);
  mt_sync_result_free (run_sync (other));
}

static void
bench_412 (const char *kind,
           const char *url,
           const char *dir)
{
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  Copy lin = { 0, }, wei = { 0, };
  double ms[SYNC_RUNS];
  guint attempts = 0;

  copy_init (&lin, dir, "lin.mtour", url, "lin", sample);
  copy_init (&wei, dir, "wei.mtour", url, "wei", NULL);
  mt_sync_result_free (run_sync (&lin));
  mt_sync_result_free (run_sync (&wei));

  for (guint run = 0; run < SYNC_RUNS; run++)
    {
      g_autoptr(MtVisit) a = g_list_model_get_item (mt_tour_get_visits (lin.tour), run);
      g_autoptr(MtVisit) b = g_list_model_get_item (mt_tour_get_visits (wei.tour), run + 10);
      MtSyncResult *result;
      double start;

      g_usleep (1100 * 1000);
      mt_visit_set_notes (a, "Lin's note");
      mt_visit_set_notes (b, "Wei's note");
      g_signal_connect (wei.sync, "writing", G_CALLBACK (write_first), &lin);
      start = bench_now_ms ();
      result = run_sync (&wei);
      ms[run] = bench_now_ms () - start;
      attempts += result->n_attempts;
      mt_sync_result_free (result);
    }
  printf ("%-9s a sync after a 412: %6.1f ms (median of %d, the other's sync included), "
          "%.1f reads and merges\n",
          kind, bench_median (ms, SYNC_RUNS), SYNC_RUNS, (double) attempts / SYNC_RUNS);
  copy_clear (&lin);
  copy_clear (&wei);
}

static MtTour *
copy_of (GBytes     *bytes,
         const char *replica)
{
  MtTour *tour = mt_tour_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         NULL, NULL, NULL);

  mt_tour_set_replica (tour, replica);
  return tour;
}

static void
bench_merge (guint n_visits)
{
  g_autoptr(MtTour) origin = mt_tour_generate (n_visits, n_visits / 2, n_visits * 2, 1);
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (origin);
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_visits);
  g_autoptr(MtTour) lin = copy_of (bytes, "lin");
  g_autoptr(MtTour) wei = copy_of (bytes, "wei");
  g_autoptr(GPtrArray) edits = mt_test_edits_new ();
  g_autoptr(GBytes) lin_bytes = NULL;
  g_autoptr(GBytes) wei_bytes = NULL;
  double ms[MERGE_RUNS];
  guint incoming = 0;

  for (guint i = 0; i < 1000; i++)
    {
      mt_test_random_edit (lin, rand, edits);
      mt_test_random_edit (wei, rand, edits);
    }
  lin_bytes = mt_tour_save_to_bytes (lin);
  wei_bytes = mt_tour_save_to_bytes (wei);

  for (guint run = 0; run < MERGE_RUNS; run++)
    {
      g_autoptr(MtTour) into = copy_of (lin_bytes, "lin");
      g_autoptr(MtTour) other = copy_of (wei_bytes, "wei");
      g_autoptr(MtMergeReport) report = NULL;
      double start = bench_now_ms ();

      report = mt_tour_merge (into, other, NULL, g_get_real_time () / 1000, NULL);
      ms[run] = bench_now_ms () - start;
      incoming = report->incoming->len;
    }
  printf ("merge of %6u visits, 1,000 edits on each side: %7.1f ms (median of %d), %u changes came in\n",
          n_visits, bench_median (ms, MERGE_RUNS), MERGE_RUNS, incoming);
}

int
main (int    argc,
      char **argv)
{
  /* Apache as Debian configures it, Apache with content-hash ETags (never
   * weak), lighttpd */
  const char *kinds[] = { "apache", "apache", "lighttpd" };
  const char *labels[] = { "apache", "apache-d", "lighttpd" };
  const char *file_etags[] = { NULL, "Digest", NULL };
  gboolean large = argc > 1 && g_str_equal (argv[1], "--large");

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      Server server = { 0, };
      g_autofree char *dir = g_dir_make_tmp ("mt-bench-sync-XXXXXX", NULL);
      g_autofree char *one = NULL;
      g_autofree char *raced = NULL;
      const char *remove[] = { "rm", "-rf", dir, NULL };

      if (!server_start (kinds[k], file_etags[k], &server))
        {
          fprintf (stderr, "bench-sync: could not start %s (run build-aux/install-deps.sh)\n", kinds[k]);
          return 1;
        }
      one = g_strconcat (server.url, "bench/one.mtour", NULL);
      raced = g_strconcat (server.url, "bench/raced.mtour", NULL);
      bench_one_edit (labels[k], one, dir);
      bench_412 (labels[k], raced, dir);
      server_stop (&server);
      g_spawn_sync (NULL, (char **) remove, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }

  bench_merge (1000);
  bench_merge (10000);
  if (large)
    bench_merge (100000);
  printf ("(goals: one edit synced in under 50 ms with one PUT of the tour; the 10k merge under 200 ms, "
          "linear in the size)\n");
  return 0;
}
