/* mt-sync-publish.c: after a write, the feeds whose contents changed
 *
 * One PUT per changed feed, without preconditions (they are made from the
 * tour, and every copy makes the same ones). A feed that fails to publish
 * is a warning, not a failed sync: the tour is written already.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync"

#include "config.h"

#include <libsoup/soup.h>

#include "mt-feeds.h"
#include "mt-sync-private.h"

#define FEED_TYPE "text/calendar; charset=utf-8"

static void publish_next_feed (GTask *task);

static void
feed_put_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = _mt_sync_run_of (task);
  MtFeed *feed = g_ptr_array_index (run->feeds, run->next_feed - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtDavResponse) response = mt_dav_client_request_finish (MT_DAV_CLIENT (source), result, &error);

  if (response == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _mt_sync_run_fail (task, g_steal_pointer (&error));
      return;
    }
  if (response != NULL && SOUP_STATUS_IS_SUCCESSFUL (response->status))
    {
      g_autofree char *digest = g_object_steal_data (G_OBJECT (task), "digest");

      g_hash_table_insert (run->state->feeds, g_strdup (feed->name), g_steal_pointer (&digest));
      run->result->n_feeds_written++;
    }
  else
    {
      if (response != NULL)
        mt_dav_client_set_status_error (run->sync->client, &error, feed->name, "PUT", response->status);
      _mt_sync_run_warn (run, error);
    }
  publish_next_feed (task);
}

static void
publish_next_feed (GTask *task)
{
  Run *run = _mt_sync_run_of (task);

  while (run->next_feed < run->feeds->len)
    {
      MtFeed *feed = g_ptr_array_index (run->feeds, run->next_feed++);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) contents = mt_feed_export (feed, run->tour, &error);
      g_autofree char *digest = NULL;

      g_hash_table_add (run->published, g_strdup (feed->name));
      if (contents == NULL)
        {
          _mt_sync_run_warn (run, error);
          continue;
        }
      digest = mt_feed_digest (contents);
      /* a feed whose contents did not change is not written again */
      if (g_strcmp0 (g_hash_table_lookup (run->state->feeds, feed->name), digest) == 0)
        continue;
      g_object_set_data_full (G_OBJECT (task), "digest", g_steal_pointer (&digest), g_free);
      mt_dav_client_request_async (run->sync->client, "PUT", feed->name, NULL, contents, FEED_TYPE,
                                   run->cancellable, feed_put_cb, task);
      return;
    }

  /* the feeds of groups and delegates that are gone are not published
   * any more: forget them (they stay on the server until it is cleaned) */
  {
    GHashTableIter iter;
    gpointer name;

    g_hash_table_iter_init (&iter, run->state->feeds);
    while (g_hash_table_iter_next (&iter, &name, NULL))
      if (!g_hash_table_contains (run->published, name))
        g_hash_table_iter_remove (&iter);
  }
  if (_mt_sync_run_save_state (task))
    _mt_sync_run_finish (task);
}

static void
feeds_folder_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = _mt_sync_run_of (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtDavResponse) response = mt_dav_client_request_finish (MT_DAV_CLIENT (source), result, &error);

  if (response == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _mt_sync_run_fail (task, g_steal_pointer (&error));
      return;
    }
  /* 201 made, 405 there already; anything else shows in the PUTs */
  run->feeds = mt_feeds_list (run->tour);
  run->published = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  publish_next_feed (task);
}

void
_mt_sync_run_publish_feeds (GTask *task)
{
  Run *run = _mt_sync_run_of (task);

  if (!run->sync->publish_feeds || mt_tour_get_feed_key (run->tour) == NULL)
    {
      _mt_sync_run_finish (task);
      return;
    }
  mt_dav_client_request_async (run->sync->client, "MKCOL", MT_FEEDS_FOLDER "/", NULL, NULL, NULL,
                               run->cancellable, feeds_folder_cb, task);
}
