/* mt-sync-controller-news.c: what the syncs brought in, as the window
 * shows it
 *
 * The changes from others (words, newest first, the last 200), the
 * conflicts the state keeps, and the items others changed that the user
 * has not looked at since, kept beside the sync state as unseen.json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "mt-sync-controller-private.h"
#include "mt-sync-words.h"

/* the changes kept in the panel */
#define MAX_CHANGES 200
#define UNSEEN_FILE "unseen.json"

/* The items changed by others and not seen yet, kept beside the sync state */

static void
load_unseen (MtSyncController *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize length;
  JsonNode *root;

  g_hash_table_remove_all (self->unseen);
  if (!mt_sync_controller_get_shared (self))
    return;
  file = g_file_get_child (self->state->dir, UNSEEN_FILE);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL) ||
      !json_parser_load_from_data (parser, contents, length, NULL))
    return;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (root), i);
      const char *id = JSON_NODE_HOLDS_VALUE (element) ? json_node_get_string (element) : NULL;

      if (id != NULL && mt_tour_lookup (self->tour, id) != NULL)
        g_hash_table_add (self->unseen, g_strdup (id));
    }
}

gboolean
_mt_sync_controller_save_unseen (MtSyncController  *self,
                                 GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) ids = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (self->state == NULL)
    return TRUE;
  ids = g_list_sort (g_hash_table_get_keys (self->unseen), (GCompareFunc) g_strcmp0);
  json_builder_begin_array (builder);
  for (GList *l = ids; l != NULL; l = l->next)
    json_builder_add_string_value (builder, l->data);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  file = g_file_get_child (self->state->dir, UNSEEN_FILE);
  path = g_file_get_path (file);
  dir = g_file_get_path (self->state->dir);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: could not be made: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
save_unseen_or_log (MtSyncController *self)
{
  g_autoptr(GError) error = NULL;

  /* the marks are a help, not data: losing them loses no edit */
  if (!_mt_sync_controller_save_unseen (self, &error))
    g_message ("Could not keep which items are unseen: %s", error->message);
}

/* What the window shows of the state */

void
_mt_sync_controller_refresh_conflicts (MtSyncController *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));

  for (guint i = 0; self->state != NULL && i < self->state->conflicts->len; i++)
    g_ptr_array_add (items, mt_conflict_item_new (self->tour, g_ptr_array_index (self->state->conflicts, i)));
  g_list_store_splice (self->conflicts, 0, n_old, items->pdata, items->len);
}

void
_mt_sync_controller_state_loaded (MtSyncController *self)
{
  g_free (self->url);
  self->url = self->state != NULL && self->state->user != NULL ? g_strdup (self->state->url) : NULL;
  g_free (self->user);
  self->user = self->url != NULL ? g_strdup (self->state->user) : NULL;
  /* edits made before the first sync of this session are this copy's */
  if (self->url != NULL)
    mt_sync_state_apply_to (self->state, self->tour);
  load_unseen (self);
  g_clear_pointer (&self->base_bytes, g_bytes_unref);
  g_clear_pointer (&self->base_revision, g_free);
  self->n_pending = MT_SYNC_PENDING_UNKNOWN;
  _mt_sync_controller_refresh_conflicts (self);
  g_signal_emit_by_name (self, "unseen-changed");
}

static int
compare_when (gconstpointer a,
              gconstpointer b)
{
  gint64 wa = mt_change_item_get_when (*(MtChangeItem **) a);
  gint64 wb = mt_change_item_get_when (*(MtChangeItem **) b);

  /* the newest first */
  return wa > wb ? -1 : wa < wb;
}

void
_mt_sync_controller_add_changes (MtSyncController *self,
                                 GPtrArray        *all)
{
  g_autoptr(GPtrArray) incoming = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = NULL;
  const char *own = mt_tour_get_replica (self->tour);
  guint n;

  /* this copy's own changes coming back (to a file that had not kept
   * them) are not news from others */
  for (guint i = 0; i < all->len; i++)
    {
      MtMergeChange *change = g_ptr_array_index (all, i);

      if (change->replica != own || change->kind == MT_MERGE_CLAMPED)
        g_ptr_array_add (incoming, change);
    }
  if (incoming->len == 0)
    return;
  items = mt_sync_words_describe (self->tour, incoming);

  /* the newest first (what came in together, in the tour's order), the
   * oldest beyond the limit dropped */
  g_ptr_array_sort (items, compare_when);
  g_list_store_splice (self->changes, 0, 0, items->pdata, items->len);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  if (n > MAX_CHANGES)
    g_list_store_splice (self->changes, MAX_CHANGES, n - MAX_CHANGES, NULL, 0);

  for (guint i = 0; i < incoming->len; i++)
    {
      MtMergeChange *change = g_ptr_array_index (incoming, i);

      if (change->id == NULL || change->kind == MT_MERGE_CLAMPED)
        continue;
      if (change->kind == MT_MERGE_DELETED)
        g_hash_table_remove (self->unseen, change->id);
      else
        g_hash_table_add (self->unseen, g_strdup (change->id));
    }
  save_unseen_or_log (self);
  g_signal_emit_by_name (self, "unseen-changed");
}

void
mt_sync_controller_mark_seen (MtSyncController *self,
                              const char       *id)
{
  g_return_if_fail (MT_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (id != NULL);

  if (!g_hash_table_remove (self->unseen, id))
    return;
  save_unseen_or_log (self);
  g_signal_emit_by_name (self, "unseen-changed");
}

