/* sync-test-util.c: real WebDAV servers and syncs, for the sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "sync-test-util.h"

static char *
script_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "servers", "mt-test-server.sh", NULL);
}

static char *
run_script (const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *owner = g_strdup_printf ("%d", (int) getpid ());
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "MT_TEST_SERVER_OWNER_PID", owner, TRUE);
  int status;

  if (!g_spawn_sync (NULL, (char **) args, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("could not run %s: %s", args[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s %s failed: %s\n%s", args[0], args[1], error->message, err);
  return g_steal_pointer (&out);
}

TestServer *
test_server_start (const char *kind)
{
  g_autofree char *script = script_path ();
  g_autoptr(GError) error = NULL;
  TestServer *server = g_new0 (TestServer, 1);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  /* under /tmp: as root the servers' workers run as www-data */
  server->dir = g_dir_make_tmp ("mt-sync-server-XXXXXX", &error);
  g_assert_no_error (error);
  server->kind = g_strdup (kind);
  out = run_script ((const char *[]) { script, "start", kind, server->dir, NULL });
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "URL="))
      server->url = g_strdup (lines[i] + 4);
  g_assert_nonnull (server->url);
  g_test_message ("%s at %s", kind, server->url);
  return server;
}

void
test_server_command (TestServer *server,
                     const char *command)
{
  g_autofree char *script = script_path ();
  g_autofree char *out = run_script ((const char *[]) { script, command, server->dir, NULL });
}

void
test_server_free (TestServer *server)
{
  if (server == NULL)
    return;
  test_server_command (server, "stop");
  test_remove_dir (server->dir);
  g_free (server->kind);
  g_free (server->dir);
  g_free (server->url);
  g_free (server);
}

char *
test_server_new_folder (TestServer *server)
{
  static guint n;

  return g_strdup_printf ("%st%u-%u/", server->url, (guint) getpid (), ++n);
}

char *
test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mt-sync-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_remove_dir (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

MtSyncResult *
test_sync (MtSync       *sync,
           MtTour       *tour,
           GFile        *file,
           MtSyncState  *state,
           GError      **error)
{
  g_autoptr(GAsyncResult) done = NULL;

  mt_sync_run_async (sync, tour, file, state, NULL, on_done, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  return mt_sync_run_finish (sync, done, error);
}

TestCopy *
test_copy_new (const char *dir,
               const char *name,
               const char *url,
               const char *user,
               MtTour     *tour)
{
  TestCopy *copy = g_new0 (TestCopy, 1);
  g_autofree char *password = g_strconcat (user, "-secret", NULL);
  g_autoptr(GError) error = NULL;

  copy->path = g_build_filename (dir, name, NULL);
  copy->file = g_file_new_for_path (copy->path);
  copy->tour = tour != NULL ? g_object_ref (tour) : NULL;
  copy->state = mt_sync_state_load (copy->file, &error);
  g_assert_no_error (error);
  copy->sync = mt_sync_new (url, user, password, &error);
  g_assert_no_error (error);
  mt_dav_client_set_timeout (mt_sync_get_client (copy->sync), 20);
  return copy;
}

void
test_copy_free (TestCopy *copy)
{
  if (copy == NULL)
    return;
  g_free (copy->path);
  g_clear_object (&copy->file);
  g_clear_object (&copy->tour);
  g_clear_pointer (&copy->state, mt_sync_state_free);
  g_clear_object (&copy->sync);
  g_free (copy);
}

MtSyncResult *
test_copy_sync (TestCopy *copy)
{
  g_autoptr(GError) error = NULL;
  MtSyncResult *result = test_sync (copy->sync, copy->tour, copy->file, copy->state, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  if (copy->tour == NULL)
    copy->tour = g_object_ref (result->tour);
  return result;
}

char *
test_copy_bytes (TestCopy *copy)
{
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (copy->tour);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

TestPair *
test_pair_new (TestServer *server,
               MtTour     *origin,
               gboolean    feeds)
{
  TestPair *pair = g_new0 (TestPair, 1);
  g_autofree char *folder = test_server_new_folder (server);

  pair->dir = test_make_dir ();
  pair->url = g_strconcat (folder, "tour.mtour", NULL);
  pair->lin = test_copy_new (pair->dir, "lin.mtour", pair->url, "lin", origin);
  pair->wei = test_copy_new (pair->dir, "wei.mtour", pair->url, "wei", NULL);
  mt_sync_set_publish_feeds (pair->lin->sync, feeds);
  mt_sync_set_publish_feeds (pair->wei->sync, feeds);
  mt_sync_result_free (test_copy_sync (pair->lin));
  mt_sync_result_free (test_copy_sync (pair->wei));
  return pair;
}

void
test_pair_free (TestPair *pair)
{
  if (pair == NULL)
    return;
  test_copy_free (pair->lin);
  test_copy_free (pair->wei);
  test_remove_dir (pair->dir);
  g_free (pair->dir);
  g_free (pair->url);
  g_free (pair);
}

gint64
test_now_ms (void)
{
  return g_get_real_time () / 1000;
}
