/* mt-sync-pending.c: how many edits made here the server has not seen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include "mt-merge.h"
#include "mt-sync-pending.h"
#include "mt-sync-words.h"

guint
mt_sync_pending_count (GBytes  *base,
                       GBytes  *current,
                       GError **error)
{
  g_autoptr(MtTour) base_tour = NULL;
  g_autoptr(MtTour) current_tour = NULL;
  g_autoptr(MtMergeReport) report = NULL;

  g_return_val_if_fail (base != NULL, G_MAXUINT);
  g_return_val_if_fail (current != NULL, G_MAXUINT);

  base_tour = mt_tour_load_from_data (g_bytes_get_data (base, NULL), g_bytes_get_size (base), NULL, NULL, error);
  if (base_tour == NULL)
    return G_MAXUINT;
  current_tour = mt_tour_load_from_data (g_bytes_get_data (current, NULL), g_bytes_get_size (current),
                                         NULL, NULL, error);
  if (current_tour == NULL)
    return G_MAXUINT;
  /* what comes into the base from the tour is what the server lacks */
  report = mt_tour_merge (base_tour, current_tour, NULL, g_get_real_time () / 1000, "");
  return mt_sync_words_count (report->incoming);
}

typedef struct
{
  GBytes *base;
  GBytes *current;
} Count;

static void
count_free (gpointer data)
{
  Count *count = data;

  g_bytes_unref (count->base);
  g_bytes_unref (count->current);
  g_free (count);
}

static void
count_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Count *count = task_data;
  GError *error = NULL;
  guint n = mt_sync_pending_count (count->base, count->current, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n);
}

void
mt_sync_pending_count_async (GBytes              *base,
                             GBytes              *current,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Count *count;

  g_return_if_fail (base != NULL);
  g_return_if_fail (current != NULL);

  count = g_new0 (Count, 1);
  count->base = g_bytes_ref (base);
  count->current = g_bytes_ref (current);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mt_sync_pending_count_async);
  g_task_set_task_data (task, count, count_free);
  g_task_run_in_thread (task, count_thread);
}

guint
mt_sync_pending_count_finish (GAsyncResult  *result,
                              GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), G_MAXUINT);

  n = g_task_propagate_int (G_TASK (result), error);
  return n < 0 ? G_MAXUINT : (guint) n;
}
