/* mt-sync-controller-account.c: sharing a tour, moving and stopping it,
 * settling conflicts, fetching a shared tour
 *
 * The password goes into the Secret Service only once the server has
 * taken it: a mistyped one is not kept. Where the Secret Service cannot
 * keep it, the tour still syncs for as long as the window is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mt-credentials.h"
#include "mt-sync-controller-private.h"

/* Keeping passwords: one at a time, and only where it changed, by
 * deleting the old item and adding a new one. gnome-keyring-daemon 42
 * crashes when asked to replace an item ("asked to register item …, but
 * it's already registered"), and with it every password of the session. */

typedef struct
{
  char *url;
  char *user;
  char *password;
} Keep;

static GQueue keeping = G_QUEUE_INIT;  /* of GTask, the first one running */

static void
keep_free (gpointer data)
{
  Keep *keep = data;

  g_free (keep->url);
  g_free (keep->user);
  g_free (keep->password);
  g_free (keep);
}

static void keep_next (void);

static void
keep_done (GTask  *task,
           GError *error)
{
  g_assert (g_queue_peek_head (&keeping) == task);
  g_queue_pop_head (&keeping);
  if (error != NULL)
    {
      g_message ("The Secret Service did not keep the password: %s", error->message);
      g_task_return_error (task, error);
    }
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
  keep_next ();
}

static void
kept_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError *error = NULL;

  mt_credentials_store_finish (result, &error);
  keep_done (user_data, error);
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Keep *keep = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mt_credentials_clear_finish (result, &error))
    keep_done (task, error);
  else
    mt_credentials_store_async (keep->url, keep->user, keep->password, NULL, kept_cb, task);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  Keep *keep = g_task_get_task_data (task);
  g_autofree char *kept = mt_credentials_lookup_finish (result, NULL);

  if (g_strcmp0 (kept, keep->password) == 0)
    keep_done (task, NULL);
  /* a changed password: the old item goes first, for the daemon replaces
   * an item in place only to crash on it */
  else if (kept != NULL)
    mt_credentials_clear_async (keep->url, keep->user, NULL, cleared_cb, task);
  else
    mt_credentials_store_async (keep->url, keep->user, keep->password, NULL, kept_cb, task);
}

static void
keep_next (void)
{
  GTask *task = g_queue_peek_head (&keeping);
  Keep *keep;

  if (task == NULL)
    return;
  keep = g_task_get_task_data (task);
  mt_credentials_lookup_async (keep->url, keep->user, NULL, looked_up_cb, task);
}

void
mt_sync_keep_password_async (const char          *url,
                             const char          *user,
                             const char          *password,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);
  Keep *keep = g_new0 (Keep, 1);

  keep->url = g_strdup (url);
  keep->user = g_strdup (user);
  keep->password = g_strdup (password);
  g_task_set_source_tag (task, mt_sync_keep_password_async);
  g_task_set_task_data (task, keep, keep_free);
  g_queue_push_tail (&keeping, task);
  if (keeping.length == 1)
    keep_next ();
}

gboolean
mt_sync_keep_password_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sharing */

typedef struct
{
  char     *url;
  char     *user;
  char     *password;
  char     *old_url;   /* the account before, to go back to on failure */
  char     *old_user;
  gboolean  moved;     /* the tour was shared elsewhere before */
} Share;

static void
share_free (gpointer data)
{
  Share *share = data;

  g_free (share->url);
  g_free (share->user);
  g_free (share->password);
  g_free (share->old_url);
  g_free (share->old_user);
  g_free (share);
}

static void
shared_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MtSyncController *self = g_task_get_source_object (task);
  Share *share = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      mt_sync_keep_password_async (share->url, share->user, share->password, NULL, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* as it was: not shared, or shared where it was */
  if (!self->shut_down && self->state != NULL)
    {
      g_autoptr(GError) forget_error = NULL;

      _mt_sync_controller_reset_account (self);
      g_clear_pointer (&self->password, g_free);
      if (share->old_url == NULL)
        {
          if (!mt_sync_state_forget (self->state, &forget_error))
            g_message ("%s", forget_error->message);
        }
      else
        {
          /* the next run finds the old server again (and forgets what the
           * state knew of the new one) */
          g_free (self->state->url);
          self->state->url = g_strdup (share->old_url);
          g_free (self->state->user);
          self->state->user = g_strdup (share->old_user);
          if (!mt_sync_state_save (self->state, &forget_error))
            g_message ("%s", forget_error->message);
        }
      _mt_sync_controller_state_loaded (self);
      _mt_sync_controller_update_status (self);
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

void
mt_sync_controller_share_async (MtSyncController    *self,
                                const char          *url,
                                const char          *user,
                                const char          *password,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  Share *share;

  g_return_if_fail (MT_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (url != NULL && user != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mt_sync_controller_share_async);
  if (self->state == NULL || self->shut_down)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Save the tour before sharing it"));
      return;
    }
  if (!mt_sync_split_url (url, &folder, &name, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  share = g_new0 (Share, 1);
  share->url = g_strdup (url);
  share->user = g_strdup (user);
  share->password = g_strdup (password);
  share->old_url = g_strdup (self->url);
  share->old_user = g_strdup (self->user);
  g_task_set_task_data (task, share, share_free);

  /* the state takes the account at the run (and forgets what it knew of
   * another server there) */
  _mt_sync_controller_reset_account (self);
  g_free (self->url);
  self->url = g_strdup (url);
  g_free (self->user);
  self->user = g_strdup (user);
  g_free (self->password);
  self->password = g_strdup (password);

  /* the run that shares: the next one */
  if (self->share_task != NULL)
    {
      GTask *old = g_steal_pointer (&self->share_task);

      g_task_return_new_error (old, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
      g_object_unref (old);
    }
  self->share_task = g_task_new (self, NULL, shared_cb, g_steal_pointer (&task));
  _mt_sync_controller_start (self, MT_SYNC_TRIGGER_DEMAND);
  _mt_sync_controller_update_status (self);
}

gboolean
mt_sync_controller_share_finish (MtSyncController  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
mt_sync_controller_stop_sharing (MtSyncController  *self,
                                 GError           **error)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), FALSE);

  if (!mt_sync_controller_get_shared (self))
    return TRUE;
  _mt_sync_controller_reset_account (self);
  g_clear_pointer (&self->password, g_free);
  g_hash_table_remove_all (mt_sync_controller_get_unseen (self));
  if (!_mt_sync_controller_save_unseen (self, error) || !mt_sync_state_forget (self->state, error))
    return FALSE;
  g_list_store_remove_all (G_LIST_STORE (mt_sync_controller_get_changes (self)));
  _mt_sync_controller_state_loaded (self);
  _mt_sync_controller_update_status (self);
  return TRUE;
}

/* Conflicts */

gboolean
mt_sync_controller_keep (MtSyncController  *self,
                         MtConflictItem    *item,
                         gboolean           lost,
                         GError           **error)
{
  const MtConflict *conflict;
  guint index;

  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), FALSE);
  g_return_val_if_fail (MT_IS_CONFLICT_ITEM (item), FALSE);

  if (!g_list_store_find (G_LIST_STORE (mt_sync_controller_get_conflicts (self)), item, &index) ||
      self->state == NULL || index >= self->state->conflicts->len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The conflict was settled already"));
      return FALSE;
    }
  conflict = mt_conflict_item_get_conflict (item);
  if (lost && !mt_conflict_restore (conflict, self->tour, error))
    return FALSE;

  mt_sync_state_dismiss_conflict (self->state, index);
  if (!mt_sync_state_save (self->state, error))
    return FALSE;
  _mt_sync_controller_refresh_conflicts (self);
  _mt_sync_controller_update_status (self);
  if (lost)
    _mt_sync_controller_start (self, MT_SYNC_TRIGGER_SAVE);
  return TRUE;
}

/* The tour's file moved (Save As): the sync state moves with it */

void
mt_sync_controller_set_file (MtSyncController *self,
                             GFile            *file)
{
  g_autoptr(MtTour) base = NULL;
  g_autoptr(GBytes) base_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtSyncState) there = NULL;

  g_return_if_fail (MT_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file == self->file || (file != NULL && self->file != NULL && g_file_equal (file, self->file)))
    return;
  g_set_object (&self->file, file);
  if (file == NULL)
    return;

  /* what a state left at the new place says belongs to another tour */
  there = mt_sync_state_load (file, NULL);
  if (there != NULL && there->url != NULL && !mt_sync_state_forget (there, &error))
    g_message ("%s", error->message);
  g_clear_error (&error);

  if (self->state == NULL)
    {
      self->state = g_steal_pointer (&there);
      if (self->state == NULL)
        self->state = mt_sync_state_load (file, NULL);
      _mt_sync_controller_state_loaded (self);
      _mt_sync_controller_update_status (self);
      return;
    }

  base = mt_sync_state_load_base (self->state, NULL);
  base_bytes = base != NULL ? mt_tour_save_to_bytes (base) : NULL;
  g_clear_object (&self->state->dir);
  self->state->dir = mt_sync_state_dir_for (file);
  if (!mt_sync_state_save (self->state, &error) ||
      (base_bytes != NULL && !mt_sync_state_save_base (self->state, base_bytes, &error)) ||
      !_mt_sync_controller_save_unseen (self, &error))
    g_message ("The sync state did not move with the tour: %s", error->message);
}

/* Fetching a shared tour */

typedef struct
{
  MtSyncState *state;
  char        *url;
  char        *user;
  char        *password;
} Fetch;

static void
fetch_free (gpointer data)
{
  Fetch *fetch = data;

  mt_sync_state_free (fetch->state);
  g_free (fetch->url);
  g_free (fetch->user);
  g_free (fetch->password);
  g_free (fetch);
}

static void
fetched_stored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  /* where it was not kept, the window says so when it looks for it */
  mt_sync_keep_password_finish (result, NULL);
  g_task_return_pointer (task, g_object_ref (g_object_get_data (G_OBJECT (task), "tour")), g_object_unref);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtSyncResult) sync_result = mt_sync_run_finish (MT_SYNC (source), result, &error);

  if (sync_result == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* kept before the window that opens the tour looks for it */
  g_object_set_data_full (G_OBJECT (task), "tour", g_object_ref (sync_result->tour), g_object_unref);
  mt_sync_keep_password_async (fetch->url, fetch->user, fetch->password, fetched_stored_cb,
                               g_steal_pointer (&task));
}

void
mt_sync_fetch_async (const char          *url,
                     const char          *user,
                     const char          *password,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtSync) sync = NULL;
  g_autoptr(GFile) parent = NULL;
  Fetch *fetch;

  g_return_if_fail (url != NULL && user != NULL && password != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mt_sync_fetch_async);
  sync = mt_sync_new (url, user, password, &error);
  parent = g_file_get_parent (file);
  if (sync == NULL ||
      (!g_file_make_directory_with_parents (parent, cancellable, &error) &&
       !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  fetch = g_new0 (Fetch, 1);
  fetch->url = g_strdup (url);
  fetch->user = g_strdup (user);
  fetch->password = g_strdup (password);
  fetch->state = mt_sync_state_load (file, &error);
  g_task_set_task_data (task, fetch, fetch_free);
  if (fetch->state == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  mt_sync_run_async (sync, NULL, file, fetch->state, cancellable, fetched_cb, g_steal_pointer (&task));
}

/**
 * mt_sync_fetch_finish:
 *
 * Returns: (transfer full) (nullable): the tour, saved in the file
 */
MtTour *
mt_sync_fetch_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * mt_sync_dup_shared_file:
 *
 * Returns: (transfer full): where the tour at @url is kept
 */
GFile *
mt_sync_dup_shared_file (const char *url,
                         gboolean   *exists)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "mediatour", "shared", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  *exists = FALSE;
  if (!mt_sync_split_url (url, &folder, &name, NULL))
    name = g_strdup ("tour.mtour");
  g_strdelimit (name, "/\\:", '-');
  if (name[0] == '.')
    name[0] = '_';
  stem = g_str_has_suffix (name, ".mtour") ? g_strndup (name, strlen (name) - strlen (".mtour")) : g_strdup (name);

  for (guint n = 1;; n++)
    {
      g_autofree char *file_name = n == 1 ? g_strconcat (stem, ".mtour", NULL)
                                          : g_strdup_printf ("%s (%u).mtour", stem, n);
      g_autofree char *path = g_build_filename (dir, file_name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(MtSyncState) state = NULL;

      if (!g_file_query_exists (file, NULL))
        return g_steal_pointer (&file);
      state = mt_sync_state_load (file, NULL);
      if (state != NULL && g_strcmp0 (state->url, url) == 0)
        {
          *exists = TRUE;
          return g_steal_pointer (&file);
        }
    }
}

char *
mt_sync_tour_url_from_input (const char  *text,
                             const char  *file_name,
                             GError     **error)
{
  g_autofree char *url = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      g_set_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_URL,
                   /* Translators: what was typed as a server's address */
                   _("“%s” is not the address of a folder or a tour on a WebDAV server (https://server/folder/)"),
                   url);
      return NULL;
    }
  if (g_str_has_suffix (url, "/") && file_name != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (file_name, NULL, FALSE);
      char *joined = g_strconcat (url, escaped, NULL);

      g_free (url);
      url = joined;
    }
  if (!mt_sync_split_url (url, &folder, &name, error))
    return NULL;
  return g_steal_pointer (&url);
}
