/* mt-sync.c: one organiser's copy of a tour in step with the server's
 *
 * A run is a chain of callbacks: save the state, GET, merge (the GET's
 * body parsed in a worker thread), save the local file and the state, PUT,
 * confirm the new ETag, save the state and the base, publish the feeds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "mt-feeds.h"
#include "mt-sync-private.h"

#define TOUR_TYPE "application/x-mediatour+json"


G_DEFINE_FINAL_TYPE (MtSync, mt_sync, G_TYPE_OBJECT)

enum {
  WRITING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
mt_sync_result_free (MtSyncResult *result)
{
  if (result == NULL)
    return;
  g_clear_object (&result->tour);
  g_clear_pointer (&result->report, mt_merge_report_free);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result);
}

static void
mt_sync_finalize (GObject *object)
{
  MtSync *self = MT_SYNC (object);

  g_clear_object (&self->client);
  g_free (self->url);
  g_free (self->name);

  G_OBJECT_CLASS (mt_sync_parent_class)->finalize (object);
}

static void
mt_sync_class_init (MtSyncClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mt_sync_finalize;

  /**
   * MtSync::writing:
   *
   * Emitted when a run is about to write the merged tour to the server:
   * what waits for the server from here on is the write.
   */
  signals[WRITING] = g_signal_new ("writing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mt_sync_init (MtSync *self)
{
  self->max_attempts = MT_SYNC_DEFAULT_ATTEMPTS;
  self->deadline = MT_SYNC_DEFAULT_DEADLINE_SECONDS;
  self->publish_feeds = TRUE;
}

gboolean
mt_sync_split_url (const char  *url,
                   char       **folder,
                   char       **name,
                   GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  const char *path = uri != NULL ? g_uri_get_path (uri) : NULL;
  const char *slash = path != NULL ? strrchr (path, '/') : NULL;

  if (slash == NULL || slash[1] == '\0')
    {
      g_set_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_URL,
                   _("“%s” does not name a tour file on a server (https://server/folder/tour.mtour)"), url);
      return FALSE;
    }
  *name = g_uri_unescape_string (slash + 1, NULL);
  *folder = g_strndup (url, strlen (url) - strlen (strrchr (url, '/') + 1));
  return TRUE;
}

/**
 * mt_sync_new:
 *
 * Returns: (transfer full) (nullable): a sync for the tour at @url, or
 *   %NULL with @error set where @url is not one
 */
MtSync *
mt_sync_new (const char  *url,
             const char  *user,
             const char  *password,
             GError     **error)
{
  g_autoptr(MtSync) self = g_object_new (MT_TYPE_SYNC, NULL);
  g_autofree char *folder = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  if (!mt_sync_split_url (url, &folder, &self->name, error))
    return NULL;
  self->client = mt_dav_client_new (folder, user, password, error);
  if (self->client == NULL)
    return NULL;
  self->url = g_strdup (url);
  return g_steal_pointer (&self);
}

MtDavClient *
mt_sync_get_client (MtSync *self)
{
  g_return_val_if_fail (MT_IS_SYNC (self), NULL);
  return self->client;
}

const char *
mt_sync_get_url (MtSync *self)
{
  g_return_val_if_fail (MT_IS_SYNC (self), NULL);
  return self->url;
}

void
mt_sync_set_max_attempts (MtSync *self,
                          guint   attempts)
{
  g_return_if_fail (MT_IS_SYNC (self));
  self->max_attempts = MAX (attempts, 1);
}

void
mt_sync_set_deadline (MtSync *self,
                      guint   seconds)
{
  g_return_if_fail (MT_IS_SYNC (self));
  self->deadline = seconds;
}

void
mt_sync_set_publish_feeds (MtSync   *self,
                           gboolean  publish)
{
  g_return_if_fail (MT_IS_SYNC (self));
  self->publish_feeds = !!publish;
}

/* One run */


static void
run_free (gpointer data)
{
  Run *run = data;

  if (run->caller_handler != 0)
    g_cancellable_disconnect (run->caller_cancellable, run->caller_handler);
  g_clear_handle_id (&run->deadline_id, g_source_remove);
  g_clear_object (&run->sync);
  g_clear_object (&run->tour);
  g_clear_object (&run->tour_file);
  g_clear_pointer (&run->result, mt_sync_result_free);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->caller_cancellable);
  g_clear_pointer (&run->got, mt_dav_response_free);
  g_clear_pointer (&run->sent, g_bytes_unref);
  g_free (run->sent_revision);
  g_clear_pointer (&run->feeds, g_ptr_array_unref);
  g_clear_pointer (&run->published, g_hash_table_unref);
  g_free (run);
}

Run *
_mt_sync_run_of (GTask *task)
{
  return g_task_get_task_data (task);
}

void
_mt_sync_run_fail (GTask  *task,
      GError *error)
{
  Run *run = _mt_sync_run_of (task);

  if (run->deadline_passed && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      error = g_error_new (MT_SYNC_ERROR, MT_SYNC_ERROR_TIMEOUT,
                           g_dngettext (GETTEXT_PACKAGE, "The sync with %s did not finish within %u second",
                                        "The sync with %s did not finish within %u seconds",
                                        run->sync->deadline),
                           run->sync->url, run->sync->deadline);
    }
  g_task_return_error (task, error);
  g_object_unref (task);
}

void
_mt_sync_run_finish (GTask *task)
{
  Run *run = _mt_sync_run_of (task);
  MtDavClient *client = run->sync->client;

  run->result->n_requests = mt_dav_client_get_n_requests (client);
  run->result->bytes_sent = mt_dav_client_get_bytes_sent (client);
  run->result->bytes_received = mt_dav_client_get_bytes_received (client);
  run->result->tour = run->tour != NULL ? g_object_ref (run->tour) : NULL;
  g_task_return_pointer (task, g_steal_pointer (&run->result), (GDestroyNotify) mt_sync_result_free);
  g_object_unref (task);
}

void
_mt_sync_run_warn (Run    *run,
      GError *error)
{
  g_ptr_array_add (run->result->warnings, g_strdup (error->message));
}

gboolean
_mt_sync_run_save_state (GTask *task)
{
  Run *run = _mt_sync_run_of (task);
  GError *error = NULL;

  if (mt_sync_state_save (run->state, &error))
    return TRUE;
  _mt_sync_run_fail (task, error);
  return FALSE;
}

static gboolean
save_local (GTask  *task,
            GBytes *contents)
{
  Run *run = _mt_sync_run_of (task);
  g_autofree char *path = NULL;
  GError *error = NULL;
  GStatBuf info;
  int mode = 0666;

  if (run->tour_file == NULL)
    return TRUE;
  path = g_file_get_path (run->tour_file);
  /* the file keeps its permissions (it holds people's contacts) */
  if (g_stat (path, &info) == 0)
    mode = info.st_mode & 0777;
  if (g_file_set_contents_full (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, mode, &error))
    return TRUE;
  _mt_sync_run_fail (task, error);
  return FALSE;
}

/* The answer to a request of the run, or NULL where the request failed:
 * then the run has failed with its error */
static MtDavResponse *
response_or_fail (GTask        *task,
                  GObject      *source,
                  GAsyncResult *result)
{
  GError *error = NULL;
  MtDavResponse *response = mt_dav_client_request_finish (MT_DAV_CLIENT (source), result, &error);

  if (response == NULL)
    _mt_sync_run_fail (task, error);
  return response;
}

static void do_get (GTask *task);

/* The server holds @contents (revision @revision), as @etag */
static gboolean
agreed (GTask      *task,
        GBytes     *contents,
        const char *revision,
        const char *etag)
{
  Run *run = _mt_sync_run_of (task);
  GError *error = NULL;

  /* the base first: the state names its revision */
  if (!mt_sync_state_save_base (run->state, contents, &error))
    {
      _mt_sync_run_fail (task, error);
      return FALSE;
    }
  g_free (run->state->etag);
  run->state->etag = mt_dav_etag_strip (etag);
  g_free (run->state->revision);
  run->state->revision = g_strdup (revision);
  run->state->last_sync_ms = g_get_real_time () / 1000;
  return _mt_sync_run_save_state (task);
}

/* Writing */

static void
written (GTask      *task,
         const char *etag)
{
  Run *run = _mt_sync_run_of (task);

  run->result->written = TRUE;
  if (agreed (task, run->sent, run->sent_revision, etag))
    _mt_sync_run_publish_feeds (task);
}

static void
confirm_get_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = _mt_sync_run_of (task);
  g_autoptr(MtDavResponse) response = response_or_fail (task, source, result);
  g_autofree char *revision = NULL;

  if (response == NULL)
    return;
  if ((response->status == SOUP_STATUS_OK || response->status == SOUP_STATUS_PARTIAL_CONTENT) &&
      response->body != NULL)
    revision = mt_tour_file_dup_revision (response->body);
  /* our version: its ETag; another's already: none known, the next sync
   * reads it anyway */
  written (task, g_strcmp0 (revision, run->sent_revision) == 0 ? response->etag : NULL);
}

/* A weak ETag or none after the write (Apache sends none, and its ETag is
 * weak for a second after a change): which version does the server hold,
 * as what ETag? The revision inside the document says, in its first line,
 * so the GET asks for the start of it only (a server that ignores the
 * range sends all of it). */
static void
confirm_write (GTask *task)
{
  Run *run = _mt_sync_run_of (task);
  static const char * const range[] = { "Range", "bytes=0-1023", NULL };

  mt_dav_client_request_async (run->sync->client, "GET", run->sync->name, range, NULL, NULL,
                               run->cancellable, confirm_get_cb, task);
}

static gboolean
retry_cb (gpointer user_data)
{
  do_get (user_data);
  return G_SOURCE_REMOVE;
}

static void
put_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = _mt_sync_run_of (task);
  g_autoptr(MtDavResponse) response = response_or_fail (task, source, result);
  g_autoptr(GError) error = NULL;

  if (response == NULL)
    return;
  if (response->status == SOUP_STATUS_PRECONDITION_FAILED)
    {
      /* someone wrote in between: read, merge and write again, after a
       * wait that grows and is jittered so two copies do not collide
       * again */
      guint wait_ms;

      if (run->result->n_attempts >= run->sync->max_attempts)
        {
          _mt_sync_run_fail (task, g_error_new (MT_SYNC_ERROR, MT_SYNC_ERROR_BUSY,
                                   _("The tour at %s changed on the server during each of %u tries; try again later"),
                                   run->sync->url, run->result->n_attempts));
          return;
        }
      wait_ms = MIN (100u << MIN (run->result->n_attempts - 1, 5u), 3000u);
      wait_ms = wait_ms / 2 + (guint) g_random_int_range (0, (gint32) wait_ms);
      g_debug ("412 on %s: trying again in %u ms", run->sync->url, wait_ms);
      g_timeout_add_once (wait_ms, (GSourceOnceFunc) retry_cb, task);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (response->status))
    {
      mt_dav_client_set_status_error (run->sync->client, &error, run->sync->name, "PUT", response->status);
      _mt_sync_run_fail (task, g_steal_pointer (&error));
      return;
    }

  run->result->created = response->status == SOUP_STATUS_CREATED;
  if (response->etag != NULL && !response->etag_weak)
    written (task, response->etag);
  else
    confirm_write (task);
}

static void put_tour (GTask *task);

static void
folder_made_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(MtDavResponse) response = response_or_fail (task, source, result);

  /* made (201) or there already (405): the PUT says the rest */
  if (response != NULL)
    put_tour (task);
}

static void
put_tour (GTask *task)
{
  Run *run = _mt_sync_run_of (task);
  g_autofree char *if_match = NULL;
  const char *headers[3] = { NULL, };

  if (run->got->status == SOUP_STATUS_NOT_FOUND)
    {
      /* the first upload of a tour: its folder may not exist yet */
      if (!run->made_folder)
        {
          run->made_folder = TRUE;
          mt_dav_client_request_async (run->sync->client, "MKCOL", NULL, NULL, NULL, NULL,
                                       run->cancellable, folder_made_cb, task);
          return;
        }
      headers[0] = "If-None-Match";
      headers[1] = "*";
    }
  else
    {
      if_match = mt_dav_etag_strip (run->got->etag);
      headers[0] = if_match != NULL ? "If-Match" : NULL;
      headers[1] = if_match;
    }
  g_signal_emit (run->sync, signals[WRITING], 0);
  mt_dav_client_request_async (run->sync->client, "PUT", run->sync->name, headers, run->sent, TOUR_TYPE,
                               run->cancellable, put_cb, task);
}

/* Merging */

static void
merge (GTask  *task,
       MtTour *remote)
{
  Run *run = _mt_sync_run_of (task);
  g_autoptr(MtTour) base = NULL;
  g_autoptr(GError) error = NULL;
  gint64 reference_ms = run->got->date_ms > 0 ? run->got->date_ms : g_get_real_time () / 1000;
  const char *remote_revision = remote != NULL ? mt_tour_get_revision (remote) : NULL;

  base = mt_sync_state_load_base (run->state, &error);
  if (error != NULL)
    {
      /* the base only explains: without it, no conflicts are shown */
      _mt_sync_run_warn (run, error);
      g_clear_error (&error);
    }

  if (remote != NULL)
    {
      MtMergeReport *report = mt_tour_merge (run->tour, remote, base, reference_ms, NULL);

      if (run->result->report == NULL)
        run->result->report = report;
      else
        {
          /* a retry after a 412: what came in adds up, and so do the
           * conflicts (a field that lost the first time is found again
           * only where the other copy changed it once more) */
          g_ptr_array_extend_and_steal (run->result->report->incoming, g_steal_pointer (&report->incoming));
          mt_conflicts_add (run->result->report->conflicts, report->conflicts);
          run->result->report->n_outgoing = report->n_outgoing;
          mt_merge_report_free (report);
        }
      mt_sync_state_add_conflicts (run->state, run->result->report->conflicts);
    }
  else if (run->result->report == NULL)
    {
      run->result->report = g_new0 (MtMergeReport, 1);
      run->result->report->incoming = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_merge_change_free);
      run->result->report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_conflict_free);
    }
  if (run->sync->publish_feeds)
    mt_tour_ensure_feed_key (run->tour);

  g_clear_pointer (&run->sent, g_bytes_unref);
  g_clear_pointer (&run->sent_revision, g_free);
  run->sent = mt_tour_save_to_bytes (run->tour);
  run->sent_revision = mt_tour_file_dup_revision (run->sent);

  /* everything this copy has is on the server already */
  if (remote != NULL && g_strcmp0 (remote_revision, run->sent_revision) == 0)
    {
      if (save_local (task, run->sent) && agreed (task, run->got->body, remote_revision, run->got->etag))
        _mt_sync_run_finish (task);
      return;
    }

  /* the local file holds all of it before anything goes out */
  if (!save_local (task, run->sent) || !_mt_sync_run_save_state (task))
    return;
  put_tour (task);
}

/* The tour as it came from the server, where the local copy had none */
static void
fetched (GTask  *task,
         MtTour *remote)
{
  Run *run = _mt_sync_run_of (task);

  run->tour = g_object_ref (remote);
  run->result->fetched = TRUE;
  mt_sync_state_apply_to (run->state, run->tour);
  if (save_local (task, run->got->body) &&
      agreed (task, run->got->body, mt_tour_get_revision (remote), run->got->etag))
    _mt_sync_run_finish (task);
}

static void
parse_thread (GTask        *parse,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GBytes *body = task_data;
  GError *error = NULL;
  MtTour *tour = mt_tour_load_from_data (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                         NULL, NULL, &error);

  if (tour == NULL)
    g_task_return_error (parse, error);
  else
    g_task_return_pointer (parse, tour, g_object_unref);
}

static void
parsed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = _mt_sync_run_of (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) remote = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_cancellable_is_cancelled (run->cancellable))
    {
      _mt_sync_run_fail (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
      return;
    }
  if (remote == NULL)
    {
      _mt_sync_run_fail (task, g_error_new (MT_SYNC_ERROR, MT_SYNC_ERROR_BAD_BODY,
                               _("%s is not a tour file Media Tour Planner can read: %s"),
                               run->sync->url, error->message));
      return;
    }
  if (run->tour == NULL)
    fetched (task, remote);
  else
    merge (task, remote);
}

static void
get_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = _mt_sync_run_of (task);
  MtDavResponse *response = response_or_fail (task, source, result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) parse = NULL;

  if (response == NULL)
    return;
  g_clear_pointer (&run->got, mt_dav_response_free);
  run->got = response;

  if (response->status == SOUP_STATUS_NOT_FOUND)
    {
      if (run->tour == NULL)
        _mt_sync_run_fail (task, g_error_new (MT_SYNC_ERROR, MT_SYNC_ERROR_SERVER,
                                 _("There is no tour at %s"), run->sync->url));
      else
        merge (task, NULL);
      return;
    }
  if (response->status != SOUP_STATUS_OK || response->body == NULL)
    {
      mt_dav_client_set_status_error (run->sync->client, &error, run->sync->name, "GET", response->status);
      _mt_sync_run_fail (task, g_steal_pointer (&error));
      return;
    }

  /* parsing a large tour takes a while: not on the main thread */
  parse = g_task_new (NULL, run->cancellable, parsed_cb, task);
  /* a cancellation is told apart from a body that is not a tour after it */
  g_task_set_check_cancellable (parse, FALSE);
  g_task_set_task_data (parse, g_bytes_ref (response->body), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (parse, parse_thread);
}

static void
do_get (GTask *task)
{
  Run *run = _mt_sync_run_of (task);

  run->result->n_attempts++;
  mt_dav_client_request_async (run->sync->client, "GET", run->sync->name, NULL, NULL, NULL,
                               run->cancellable, get_cb, task);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Run *run = user_data;

  run->deadline_id = 0;
  run->deadline_passed = TRUE;
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

void
mt_sync_run_async (MtSync              *self,
                   MtTour              *tour,
                   GFile               *tour_file,
                   MtSyncState         *state,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task;
  Run *run;

  g_return_if_fail (MT_IS_SYNC (self));
  g_return_if_fail (tour == NULL || MT_IS_TOUR (tour));
  g_return_if_fail (state != NULL);

  run = g_new0 (Run, 1);
  run->sync = g_object_ref (self);
  run->tour = tour != NULL ? g_object_ref (tour) : NULL;
  run->tour_file = tour_file != NULL ? g_object_ref (tour_file) : NULL;
  run->state = state;
  run->result = g_new0 (MtSyncResult, 1);
  run->result->warnings = g_ptr_array_new_with_free_func (g_free);
  run->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      run->caller_cancellable = g_object_ref (cancellable);
      run->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                   run->cancellable, NULL);
    }
  if (self->deadline > 0)
    run->deadline_id = g_timeout_add_seconds (self->deadline, deadline_cb, run);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mt_sync_run_async);
  g_task_set_task_data (task, run, run_free);
  /* the caller's cancellable is checked here, ours on each request */
  g_task_set_check_cancellable (task, FALSE);

  /* another server: what this copy knew of the old one does not hold */
  if (state->url != NULL && g_strcmp0 (state->url, self->url) != 0)
    _mt_sync_state_reset_server (state);

  /* what this copy stamps its changes with, and whose they are */
  if (state->replica == NULL)
    state->replica = tour != NULL ? g_strdup (mt_tour_get_replica (tour)) : mt_replica_new_id ();
  g_free (state->url);
  state->url = g_strdup (self->url);
  g_free (state->user);
  state->user = g_strdup (mt_dav_client_get_user (self->client));
  if (tour != NULL)
    mt_sync_state_apply_to (state, tour);

  /* the state is on disk before any request */
  if (_mt_sync_run_save_state (task))
    do_get (task);
}

/**
 * mt_sync_run_finish:
 *
 * Returns: (transfer full) (nullable): what the sync did, or %NULL with
 *   @error set
 */
MtSyncResult *
mt_sync_run_finish (MtSync        *self,
                    GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
