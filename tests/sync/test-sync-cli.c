/* test-sync-cli.c: mediatour-cli sync and check-server, against real servers
 *
 * Runs inside a private D-Bus session with gnome-keyring
 * (servers/mt-test-keyring.sh), so the Secret Service is real too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "mt-credentials.h"
#include "sync-test-util.h"

static TestServer *apache;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* runs mediatour-cli with @args; @password NULL: MEDIATOUR_PASSWORD unset */
static void
cli (Run                *run,
     const char         *password,
     const char * const *env_extra,
     const char         *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  va_list args;

  /* a Run may be used again for the next step */
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  g_ptr_array_add (argv, (gpointer) g_getenv ("MT_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = password != NULL ? g_environ_setenv (env, "MEDIATOUR_PASSWORD", password, TRUE)
                         : g_environ_unsetenv (env, "MEDIATOUR_PASSWORD");
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i += 2)
    env = g_environ_setenv (env, env_extra[i], env_extra[i + 1], TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

/* Apache and lighttpd keep edits; nginx's dav module is refused with the
 * reason; a wrong password is an error that says so. */
static void
test_check_server (void)
{
  const char *kinds[] = { "lighttpd", "nginx" };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TestServer) own = i > 0 ? test_server_start (kinds[i - 1]) : NULL;
      TestServer *server = i == 0 ? apache : own;
      g_autofree char *folder = test_server_new_folder (server);
      g_auto(Run) run = { 0, };

      cli (&run, "lin-secret", NULL, "check-server", folder, "--user", "lin", NULL);
      g_test_message ("%s: %s%s", server->kind, run.out, run.err);
      if (g_str_equal (server->kind, "nginx"))
        {
          g_assert_cmpint (run.status, ==, 1);
          g_assert_true (g_str_has_prefix (run.out, "Refused:"));
          g_assert_nonnull (strstr (run.out, "would lose"));
        }
      else
        {
          g_assert_cmpint (run.status, ==, 0);
          g_assert_true (g_str_has_prefix (run.out, "Accepted:"));
        }
    }

  {
    g_autofree char *folder = test_server_new_folder (apache);
    g_auto(Run) run = { 0, };

    cli (&run, "not-the-password", NULL, "check-server", folder, "--user", "lin", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "refused the user name “lin”"));
    g_assert_cmpuint (strlen (run.err) - 1, ==, strcspn (run.err, "\n"));
  }
}

/* The password from the Secret Service; never in the tour, the state or
 * the debug log, which hides the Authorization header. */
static void
test_secrets (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *folder = test_server_new_folder (apache);
  g_autofree char *url = g_strconcat (folder, "tour.mtour", NULL);
  g_autofree char *path = g_build_filename (dir, "tour.mtour", NULL);
  g_autofree char *state_path = g_build_filename (dir, ".tour.mtour.sync", "state.json", NULL);
  g_autofree char *tour_text = NULL;
  g_autofree char *state_text = NULL;
  g_autofree char *basic = g_base64_encode ((const guchar *) "lin:lin-secret", strlen ("lin:lin-secret"));
  const char *debug[] = { "MT_SYNC_DEBUG", "1", "G_MESSAGES_DEBUG", "mt-sync", NULL };
  g_autoptr(GError) error = NULL;
  g_auto(Run) sample = { 0, };
  g_auto(Run) without = { 0, };
  g_auto(Run) with = { 0, };

  cli (&sample, NULL, NULL, "sample", "-o", path, NULL);
  g_assert_cmpint (sample.status, ==, 0);

  /* nothing stored, no terminal: the server refuses */
  cli (&without, NULL, NULL, "sync", path, "--url", url, "--user", "lin", "--no-feeds", NULL);
  g_assert_cmpint (without.status, ==, 2);
  g_assert_nonnull (strstr (without.err, "asks for a password"));

  g_assert_true (mt_credentials_store_sync (url, "lin", "lin-secret", &error));
  g_assert_no_error (error);
  cli (&with, NULL, debug, "sync", path, "--url", url, "--user", "lin", "--no-feeds", NULL);
  g_test_message ("%s", with.err);
  g_assert_cmpint (with.status, ==, 0);
  g_assert_nonnull (strstr (with.out, "Created the tour on the server"));

  /* the log shows the requests, not the credentials */
  g_assert_nonnull (strstr (with.err, "PUT /dav/"));
  g_assert_nonnull (strstr (with.err, "Authorization: [hidden]"));
  g_assert_null (strstr (with.err, "lin-secret"));
  g_assert_null (strstr (with.err, basic));

  g_assert_true (g_file_get_contents (path, &tour_text, NULL, NULL));
  g_assert_true (g_file_get_contents (state_path, &state_text, NULL, NULL));
  g_assert_null (strstr (tour_text, "lin-secret"));
  g_assert_null (strstr (state_text, "lin-secret"));
  g_assert_nonnull (strstr (state_text, url));
  test_remove_dir (dir);
}

/* What the command line prints: what came in, what went out, conflicts */
static void
test_reports (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *folder = test_server_new_folder (apache);
  g_autofree char *url = g_strconcat (folder, "tour.mtour", NULL);
  g_autofree char *lin = g_build_filename (dir, "lin.mtour", NULL);
  g_autofree char *wei = g_build_filename (dir, "wei.mtour", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) shared = { 0, };
  g_auto(Run) fetched = { 0, };
  g_auto(Run) lin_sent = { 0, };
  g_auto(Run) wei_merged = { 0, };
  g_auto(Run) lin_in = { 0, };
  g_auto(Run) bad_url = { 0, };

  cli (&shared, NULL, NULL, "sample", "-o", lin, NULL);
  cli (&shared, "lin-secret", NULL, "sync", lin, "--url", url, "--user", "lin", "--no-feeds", NULL);
  g_assert_cmpint (shared.status, ==, 0);
  cli (&fetched, "wei-secret", NULL, "sync", wei, "--url", url, "--user", "wei", "--no-feeds", NULL);
  g_assert_cmpint (fetched.status, ==, 0);
  g_assert_nonnull (strstr (fetched.out, "Fetched “High-quality development media tour: Guangdong”"));

  /* both rename the tour */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? lin : wei);
      g_autoptr(MtTour) tour = mt_tour_load_file (file, NULL, NULL, &error);
      g_autoptr(MtSyncState) state = mt_sync_state_load (file, &error);

      /* as the app does: the copy's own replica id, before any edit */
      g_assert_no_error (error);
      mt_sync_state_apply_to (state, tour);
      mt_tour_set_title (tour, i == 0 ? "Lin's title" : "Wei's title");
      g_assert_true (mt_tour_save_file (tour, file, NULL, &error));
      g_usleep (5000);
    }
  g_usleep (1100 * 1000);
  cli (&lin_sent, "lin-secret", NULL, "sync", lin, "--url", url, "--user", "lin", "--no-feeds", NULL);
  g_assert_cmpint (lin_sent.status, ==, 0);
  g_assert_nonnull (strstr (lin_sent.out, "out: 1 change"));
  cli (&wei_merged, "wei-secret", NULL, "sync", wei, "--url", url, "--user", "wei", "--no-feeds", NULL);
  g_test_message ("%s", wei_merged.out);
  g_assert_cmpint (wei_merged.status, ==, 0);
  g_assert_nonnull (strstr (wei_merged.out, "conflict: "));
  g_assert_nonnull (strstr (wei_merged.out, "kept “Wei's title” (wei), not “Lin's title” (lin)"));
  cli (&lin_in, "lin-secret", NULL, "sync", lin, "--url", url, "--user", "lin", "--no-feeds", NULL);
  g_assert_nonnull (strstr (lin_in.out, "in: wei changed"));
  g_assert_nonnull (strstr (lin_in.out, "“Lin's title” → “Wei's title”"));

  /* a server that is not there: exit 2, one line naming the URL */
  cli (&bad_url, "lin-secret", NULL, "sync", lin, "--url", "http://127.0.0.1:9/dav/tour.mtour", "--user", "lin", NULL);
  g_assert_cmpint (bad_url.status, ==, 2);
  g_assert_nonnull (strstr (bad_url.err, "http://127.0.0.1:9/dav/tour.mtour"));
  g_assert_cmpuint (strlen (bad_url.err) - 1, ==, strcspn (bad_url.err, "\n"));
  test_remove_dir (dir);
}

/* mediatour-cli sync killed with SIGKILL at random moments, 200 times, each
 * after an edit of its own: afterwards one more sync converges and no edit
 * is lost. */
static void
edit_file (const char *path,
           guint       n)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = mt_tour_load_file (file, NULL, NULL, &error);
  g_autoptr(MtVisit) visit = NULL;
  g_autofree char *notes = g_strdup_printf ("edit %u", n);

  g_assert_no_error (error);
  visit = g_list_model_get_item (mt_tour_get_visits (tour), n);
  mt_visit_set_notes (visit, notes);
  g_assert_true (mt_tour_save_file (tour, file, NULL, &error));
  g_assert_no_error (error);
}

static void
test_killed (void)
{
  const guint n_kills = g_test_slow () ? 1000 : 200;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *folder = test_server_new_folder (apache);
  g_autofree char *url = g_strconcat (folder, "tour.mtour", NULL);
  g_autofree char *path = g_build_filename (dir, "lin.mtour", NULL);
  g_autofree char *fresh = g_build_filename (dir, "check.mtour", NULL);
  g_autoptr(MtTour) origin = mt_tour_generate (n_kills + 20, 20, 20, 12);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) server_copy = NULL;
  g_autofree char *local_text = NULL;
  g_autofree char *server_text = NULL;
  g_auto(Run) last = { 0, };
  g_auto(Run) fetch = { 0, };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "MEDIATOUR_PASSWORD", "lin-secret", TRUE);
  guint finished = 0;

  g_assert_true (mt_tour_save_file (origin, file, NULL, &error));
  g_assert_no_error (error);
  for (guint n = 0; n < n_kills; n++)
    {
      const char *argv[] = { g_getenv ("MT_CLI"), "sync", path, "--url", url, "--user", "lin", "--no-feeds", NULL };
      GPid pid;
      int status;

      edit_file (path, n);
      g_assert_true (g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD |
                                    G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 0, 120) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
      finished += WIFEXITED (status);
    }
  g_test_message ("%u of %u runs finished before the kill", finished, n_kills);

  cli (&last, "lin-secret", NULL, "sync", path, "--url", url, "--user", "lin", "--no-feeds", NULL);
  g_assert_cmpint (last.status, ==, 0);
  cli (&fetch, "lin-secret", NULL, "sync", fresh, "--url", url, "--user", "lin", "--no-feeds", NULL);
  g_assert_cmpint (fetch.status, ==, 0);

  /* the server holds what the local file holds, every edit in it */
  g_assert_true (g_file_get_contents (path, &local_text, NULL, NULL));
  g_assert_true (g_file_get_contents (fresh, &server_text, NULL, NULL));
  g_assert_cmpstr (local_text, ==, server_text);
  server_copy = mt_tour_load_file (fresh_file, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint n = 0; n < n_kills; n++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (mt_tour_get_visits (server_copy), n);
      g_autofree char *notes = g_strdup_printf ("edit %u", n);

      g_assert_cmpstr (mt_visit_get_notes (visit), ==, notes);
    }
  test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/cli/check-server", test_check_server);
  g_test_add_func ("/sync/cli/secrets", test_secrets);
  g_test_add_func ("/sync/cli/reports", test_reports);
  g_test_add_func ("/sync/cli/killed", test_killed);

  apache = test_server_start ("apache");
  status = g_test_run ();
  test_server_free (apache);
  return status;
}
