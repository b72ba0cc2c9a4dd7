/* mt-server-check.c: is this server safe to share a tour through?
 *
 * The steps, one request each: make the folder (MKCOL: made, or there
 * already), create the test file with If-None-Match: *, create it again
 * (must be refused), read its ETag, write with a made-up ETag (must be
 * refused), write with the real one (must succeed; Apache refuses that for
 * a second after a change, so once more after a wait), delete it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "mt-server-check.h"

typedef enum
{
  STEP_FOLDER,
  STEP_CREATE,
  STEP_CREATE_AGAIN,
  STEP_READ,
  STEP_STALE,
  STEP_CURRENT,
  STEP_CURRENT_AGAIN,
  STEP_DELETE,
  STEP_DONE,
} Step;

typedef struct
{
  MtDavClient   *client;
  char          *name;
  Step           step;
  char          *etag;
  MtServerCheck *check;
} Check;

void
mt_server_check_free (MtServerCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->message);
  g_free (check->server);
  g_free (check);
}

static void
check_free (gpointer data)
{
  Check *check = data;

  g_clear_object (&check->client);
  g_free (check->name);
  g_free (check->etag);
  g_clear_pointer (&check->check, mt_server_check_free);
  g_free (check);
}

static const char *
server_name (Check *check)
{
  return check->check->server != NULL ? check->check->server : mt_dav_client_get_base_url (check->client);
}

static void run_step (GTask *task);

/* A verdict: the test file is deleted before the answer, whatever it is */
static void
verdict (GTask      *task,
         gboolean    accepted,
         const char *message)
{
  Check *check = g_task_get_task_data (task);

  check->check->accepted = accepted;
  check->check->message = g_strdup (message);
  check->step = STEP_DELETE;
  run_step (task);
}

static void
step_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtDavResponse) response = mt_dav_client_request_finish (MT_DAV_CLIENT (source), result, &error);
  g_autofree char *message = NULL;
  guint status;

  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  status = response->status;
  if (response->server != NULL && check->check->server == NULL)
    check->check->server = g_strdup (response->server);

  switch (check->step)
    {
    case STEP_FOLDER:
      if (status != SOUP_STATUS_CREATED && status != SOUP_STATUS_METHOD_NOT_ALLOWED && !SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          mt_dav_client_set_status_error (check->client, &error, NULL, "MKCOL", status);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      break;

    case STEP_CREATE:
      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          /* Translators: %s names the server ("Radicale/3.1"), then the HTTP status */
          message = g_strdup_printf (_("%s does not store plain files (it answered %u %s): it looks like a "
                                       "calendar or contacts server. Share the tour through a file server: "
                                       "Nextcloud, ownCloud, Apache or lighttpd with WebDAV."),
                                     server_name (check), status, soup_status_get_phrase (status));
          check->check->accepted = FALSE;
          check->check->message = g_steal_pointer (&message);
          check->step = STEP_DONE;
          g_task_return_pointer (task, g_steal_pointer (&check->check), (GDestroyNotify) mt_server_check_free);
          return;
        }
      break;

    case STEP_CREATE_AGAIN:
      if (status != SOUP_STATUS_PRECONDITION_FAILED)
        {
          message = g_strdup_printf (_("%s overwrote a file that a new upload was told not to replace "
                                       "(it ignores “If-None-Match: *”). Two organisers sharing a tour at once "
                                       "would lose each other's edits, so Media Tour Planner does not use it."),
                                     server_name (check));
          verdict (g_steal_pointer (&task), FALSE, message);
          return;
        }
      break;

    case STEP_READ:
      check->etag = mt_dav_etag_strip (response->etag);
      if (status != SOUP_STATUS_OK || check->etag == NULL)
        {
          message = g_strdup_printf (_("%s does not say which version of a file it holds (it sends no ETag), "
                                       "so edits made at the same time could be lost. Media Tour Planner does not use it."),
                                     server_name (check));
          verdict (g_steal_pointer (&task), FALSE, message);
          return;
        }
      break;

    case STEP_STALE:
      if (status != SOUP_STATUS_PRECONDITION_FAILED)
        {
          message = g_strdup_printf (_("%s overwrote a file with an upload made against a version it no longer "
                                       "holds (it ignores “If-Match”). Two organisers saving at once would lose "
                                       "each other's edits, so Media Tour Planner does not use it."),
                                     server_name (check));
          verdict (g_steal_pointer (&task), FALSE, message);
          return;
        }
      break;

    case STEP_CURRENT:
      if (status == SOUP_STATUS_PRECONDITION_FAILED)
        {
          /* Apache's ETags are weak for a second after a change */
          check->step = STEP_CURRENT_AGAIN;
          g_timeout_add_once (1200, (GSourceOnceFunc) run_step, g_steal_pointer (&task));
          return;
        }
      G_GNUC_FALLTHROUGH;
    case STEP_CURRENT_AGAIN:
      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          message = g_strdup_printf (_("%s refused an upload made against the version it holds (%u %s)."),
                                     server_name (check), status, soup_status_get_phrase (status));
          verdict (g_steal_pointer (&task), FALSE, message);
          return;
        }
      message = g_strdup_printf (_("%s keeps every organiser's edits: it refuses an upload made against a "
                                   "version it no longer holds."), server_name (check));
      verdict (g_steal_pointer (&task), TRUE, message);
      return;

    case STEP_DELETE:
      g_task_return_pointer (task, g_steal_pointer (&check->check), (GDestroyNotify) mt_server_check_free);
      return;

    case STEP_DONE:
    default:
      g_assert_not_reached ();
    }

  check->step++;
  run_step (g_steal_pointer (&task));
}

static void
run_step (GTask *task)
{
  Check *check = g_task_get_task_data (task);
  static const char text[] = "Media Tour Planner's server check\n";
  g_autoptr(GBytes) body = g_bytes_new_static (text, sizeof text - 1);
  const char *create[] = { "If-None-Match", "*", NULL };
  const char *stale[] = { "If-Match", "\"mediatour-no-such-version\"", NULL };
  const char *current[] = { "If-Match", check->etag, NULL };
  GCancellable *cancellable = g_task_get_cancellable (task);

  switch (check->step)
    {
    case STEP_FOLDER:
      mt_dav_client_request_async (check->client, "MKCOL", NULL, NULL, NULL, NULL, cancellable, step_cb, task);
      break;
    case STEP_CREATE:
    case STEP_CREATE_AGAIN:
      mt_dav_client_request_async (check->client, "PUT", check->name, create, body, "text/plain",
                                   cancellable, step_cb, task);
      break;
    case STEP_READ:
      mt_dav_client_request_async (check->client, "GET", check->name, NULL, NULL, NULL, cancellable, step_cb, task);
      break;
    case STEP_STALE:
      mt_dav_client_request_async (check->client, "PUT", check->name, stale, body, "text/plain",
                                   cancellable, step_cb, task);
      break;
    case STEP_CURRENT:
    case STEP_CURRENT_AGAIN:
      mt_dav_client_request_async (check->client, "PUT", check->name, current, body, "text/plain",
                                   cancellable, step_cb, task);
      break;
    case STEP_DELETE:
      mt_dav_client_request_async (check->client, "DELETE", check->name, NULL, NULL, NULL, cancellable, step_cb, task);
      break;
    case STEP_DONE:
    default:
      g_assert_not_reached ();
    }
}

void
mt_server_check_async (MtDavClient         *client,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;
  Check *check;

  g_return_if_fail (MT_IS_DAV_CLIENT (client));

  check = g_new0 (Check, 1);
  check->client = g_object_ref (client);
  check->name = g_strdup_printf (".mediatour-check-%08x.txt", g_random_int ());
  check->check = g_new0 (MtServerCheck, 1);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, mt_server_check_async);
  g_task_set_task_data (task, check, check_free);
  run_step (task);
}

/**
 * mt_server_check_finish:
 *
 * Returns: (transfer full) (nullable): the verdict, or %NULL with @error
 *   set where the server could not be asked (network, TLS, password)
 */
MtServerCheck *
mt_server_check_finish (MtDavClient   *client,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
