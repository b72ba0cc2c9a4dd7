/* mt-sync-controller.c: one open tour kept in step with its server
 *
 * One sync runs at a time; a trigger that comes while one runs makes
 * another run after it. What came in is described (mt-sync-words.h) and
 * added to the changes, and the items it touched become "unseen" until the
 * user looks at them. After every run, and after edits while the server
 * cannot be reached, a worker thread counts what waits to go out
 * (mt-sync-pending.h): edits made while a run was under way go out with
 * the next one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-credentials.h"
#include "mt-sync-controller-private.h"
#include "mt-sync-pending.h"
#include "mt-sync-words.h"

/* a sync that runs by itself shows "Syncing…" only when it takes longer */
#define SHOW_SYNCING_AFTER_MS 1000
/* the wait before counting what waits, after an edit */
#define COUNT_DELAY_MS 300

G_DEFINE_FINAL_TYPE (MtSyncController, mt_sync_controller, G_TYPE_OBJECT)

enum {
  STATUS_CHANGED,
  UNSEEN_CHANGED,
  SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Status */

void
_mt_sync_controller_update_status (MtSyncController *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  MtSyncStatusInput input = {
    .shared = mt_sync_controller_get_shared (self),
    .syncing = self->running && self->show_syncing,
    .online = self->policy.online,
    .metered_paused = self->policy.metered && !self->policy.sync_on_metered,
    .last_sync_ms = self->state != NULL ? self->state->last_sync_ms : 0,
    .n_pending = self->n_pending,
    .n_conflicts = self->state != NULL ? self->state->conflicts->len : 0,
    .error = self->error,
    .no_password = self->no_password,
  };
  g_autoptr(MtSyncStatus) status = mt_sync_status_new (&input, now);

  if (mt_sync_status_equal (status, self->status))
    return;
  mt_sync_status_free (self->status);
  self->status = g_steal_pointer (&status);
  g_signal_emit (self, signals[STATUS_CHANGED], 0);
}

static gboolean
show_syncing_cb (gpointer user_data)
{
  MtSyncController *self = user_data;

  self->syncing_id = 0;
  self->show_syncing = TRUE;
  _mt_sync_controller_update_status (self);
  return G_SOURCE_REMOVE;
}

/* Counting what waits to go out */

static GBytes *
ensure_base_bytes (MtSyncController *self)
{
  g_autoptr(MtTour) base = NULL;
  g_autoptr(GError) error = NULL;

  if (self->state == NULL || self->state->revision == NULL)
    return NULL;
  if (self->base_bytes != NULL && g_strcmp0 (self->base_revision, self->state->revision) == 0)
    return self->base_bytes;

  base = mt_sync_state_load_base (self->state, &error);
  if (base == NULL)
    {
      if (error != NULL)
        g_message ("Could not read the version last synced: %s", error->message);
      return NULL;
    }
  g_clear_pointer (&self->base_bytes, g_bytes_unref);
  self->base_bytes = mt_tour_save_to_bytes (base);
  g_free (self->base_revision);
  self->base_revision = g_strdup (self->state->revision);
  return self->base_bytes;
}

static void schedule_edit_sync (MtSyncController *self);

static void
count_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(MtSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = mt_sync_pending_count_finish (result, &error);

  self->counting = FALSE;
  g_debug ("%u edits wait", n);
  if (self->shut_down)
    return;
  if (error != NULL)
    g_message ("Could not count the edits that wait: %s", error->message);
  self->n_pending = n;
  if (self->count_again)
    {
      self->count_again = FALSE;
      _mt_sync_controller_count_pending (self);
    }
  /* edits made while the last run was under way go out now */
  else if (n > 0 && n != MT_SYNC_PENDING_UNKNOWN && !self->running &&
           self->policy.failure == MT_SYNC_FAILURE_NONE)
    schedule_edit_sync (self);
  _mt_sync_controller_update_status (self);
}

void
_mt_sync_controller_count_pending (MtSyncController *self)
{
  GBytes *base;
  g_autoptr(GBytes) current = NULL;

  g_clear_handle_id (&self->count_id, g_source_remove);
  if (self->shut_down || !mt_sync_controller_get_shared (self))
    return;
  if (self->counting)
    {
      self->count_again = TRUE;
      return;
    }
  base = ensure_base_bytes (self);
  if (base == NULL)
    {
      self->n_pending = MT_SYNC_PENDING_UNKNOWN;
      _mt_sync_controller_update_status (self);
      return;
    }
  current = mt_tour_save_to_bytes (self->tour);
  self->counting = TRUE;
  mt_sync_pending_count_async (base, current, self->cancellable, count_cb, g_object_ref (self));
}

static gboolean
count_timeout_cb (gpointer user_data)
{
  MtSyncController *self = user_data;

  self->count_id = 0;
  _mt_sync_controller_count_pending (self);
  return G_SOURCE_REMOVE;
}

/* Running */

static gboolean
edit_timeout_cb (gpointer user_data)
{
  MtSyncController *self = user_data;

  self->edit_id = 0;
  _mt_sync_controller_start (self, MT_SYNC_TRIGGER_EDIT);
  return G_SOURCE_REMOVE;
}

/* not restarted by later edits, as the autosave: steady typing still goes out */
static void
schedule_edit_sync (MtSyncController *self)
{
  if (self->edit_id == 0)
    self->edit_id = g_timeout_add (self->edit_delay_ms, edit_timeout_cb, self);
}

static gboolean
timer_cb (gpointer user_data)
{
  MtSyncController *self = user_data;

  self->timer_id = 0;
  _mt_sync_controller_start (self, MT_SYNC_TRIGGER_TIMER);
  return G_SOURCE_REMOVE;
}

static void
schedule_next (MtSyncController *self)
{
  gint64 delay;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->shut_down || !mt_sync_controller_get_shared (self))
    return;
  delay = mt_sync_policy_next_delay (&self->policy);
  if (delay >= 0)
    self->timer_id = g_timeout_add ((guint) MIN (delay, G_MAXUINT), timer_cb, self);
}

static MtSyncFailure
failure_of (const GError *error)
{
  if (g_error_matches (error, MT_SYNC_ERROR, MT_SYNC_ERROR_AUTH))
    return MT_SYNC_FAILURE_AUTH;
  if (mt_sync_status_is_unreachable (error))
    return MT_SYNC_FAILURE_UNREACHABLE;
  return MT_SYNC_FAILURE_OTHER;
}

static void
run_ended (MtSyncController *self,
           MtSyncResult     *result,
           GError           *error)
{
  self->running = FALSE;
  self->show_syncing = FALSE;
  self->no_password = FALSE;
  g_clear_handle_id (&self->syncing_id, g_source_remove);
  g_clear_object (&self->run_cancellable);

  if (result != NULL)
    {
      mt_sync_policy_record (&self->policy, MT_SYNC_FAILURE_NONE);
      g_clear_error (&self->error);
      if (result->report != NULL && result->report->incoming->len > 0)
        _mt_sync_controller_add_changes (self, result->report->incoming);
      _mt_sync_controller_refresh_conflicts (self);
    }
  else
    {
      mt_sync_policy_record (&self->policy, failure_of (error));
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      /* asked again at the next run: it may have been changed meanwhile */
      if (self->policy.failure == MT_SYNC_FAILURE_AUTH)
        {
          g_clear_pointer (&self->password, g_free);
          g_clear_object (&self->sync);
        }
    }

  if (self->share_task != NULL)
    {
      GTask *task = g_steal_pointer (&self->share_task);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }

  if (self->again)
    {
      gboolean demand = self->again_demand;

      self->again = self->again_demand = FALSE;
      _mt_sync_controller_start (self, demand ? MT_SYNC_TRIGGER_DEMAND : MT_SYNC_TRIGGER_EDIT);
    }
  if (!self->running)
    schedule_next (self);
  _mt_sync_controller_count_pending (self);
  _mt_sync_controller_update_status (self);
  if (result != NULL)
    g_signal_emit (self, signals[SYNCED], 0);
}

typedef struct
{
  MtSyncController *self;
  guint             generation;
} RunData;

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  RunData *data = user_data;
  g_autoptr(MtSyncController) self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtSyncResult) sync_result = mt_sync_run_finish (MT_SYNC (source), result, &error);
  gboolean current = data->generation == self->generation;

  g_free (data);
  if (self->shut_down)
    return;
  if (!current || (sync_result == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      /* the account changed: the next run is the one that counts */
      self->running = FALSE;
      g_clear_object (&self->run_cancellable);
      if (self->again)
        {
          self->again = self->again_demand = FALSE;
          _mt_sync_controller_start (self, MT_SYNC_TRIGGER_DEMAND);
        }
      _mt_sync_controller_update_status (self);
      return;
    }
  run_ended (self, sync_result, error);
}

static void
run_with_password (MtSyncController *self)
{
  g_autoptr(GError) error = NULL;
  RunData *data;

  if (self->sync == NULL)
    {
      self->sync = mt_sync_new (self->url, self->user, self->password, &error);
      if (self->sync == NULL)
        {
          run_ended (self, NULL, error);
          return;
        }
    }
  data = g_new0 (RunData, 1);
  data->self = g_object_ref (self);
  data->generation = self->generation;
  self->run_cancellable = g_cancellable_new ();
  mt_sync_run_async (self->sync, self->tour, NULL, self->state, self->run_cancellable, run_cb, data);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MtSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = mt_credentials_lookup_finish (result, &error);

  if (self->shut_down)
    return;
  if (password == NULL)
    {
      g_autoptr(GError) missing = NULL;

      if (error != NULL)
        g_message ("No password from the Secret Service: %s", error->message);
      missing = g_error_new (MT_SYNC_ERROR, MT_SYNC_ERROR_AUTH,
                             /* Translators: a user name, then the tour's address on the server */
                             _("No password is kept for “%s” at %s: enter it again in Share…"),
                             self->user, self->url);
      run_ended (self, NULL, missing);
      self->no_password = TRUE;
      _mt_sync_controller_update_status (self);
      return;
    }
  if (self->password == NULL)
    self->password = g_steal_pointer (&password);
  run_with_password (self);
}

void
_mt_sync_controller_start (MtSyncController *self,
                           MtSyncTrigger     trigger)
{
  if (self->shut_down || !mt_sync_controller_get_shared (self))
    return;
  if (self->running)
    {
      self->again = TRUE;
      self->again_demand |= trigger == MT_SYNC_TRIGGER_DEMAND;
      return;
    }
  if (!mt_sync_policy_allows (&self->policy, trigger))
    {
      _mt_sync_controller_update_status (self);
      return;
    }

  g_clear_handle_id (&self->edit_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_debug ("Sync of %s starts (%d)", self->url, trigger);
  self->running = TRUE;
  /* what the user asked for, and a retry, show at once */
  self->show_syncing = trigger == MT_SYNC_TRIGGER_DEMAND || trigger == MT_SYNC_TRIGGER_OPEN ||
                       self->policy.failure != MT_SYNC_FAILURE_NONE;
  if (!self->show_syncing)
    self->syncing_id = g_timeout_add (SHOW_SYNCING_AFTER_MS, show_syncing_cb, self);
  _mt_sync_controller_update_status (self);

  if (self->password != NULL)
    run_with_password (self);
  else
    mt_credentials_lookup_async (self->url, self->user, self->cancellable,
                                 lookup_cb, g_object_ref (self));
}

void
_mt_sync_controller_reset_account (MtSyncController *self)
{
  self->generation++;
  g_clear_object (&self->sync);
  g_clear_pointer (&self->error, g_error_free);
  mt_sync_policy_record (&self->policy, MT_SYNC_FAILURE_NONE);
  if (self->running && self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
}

/* Events */

static void
on_tour_changed (MtSyncController *self)
{
  if (!mt_sync_controller_get_shared (self) || self->shut_down)
    return;
  /* a run under way counts what waits when it ends */
  if (self->running)
    return;
  if (mt_sync_policy_allows (&self->policy, MT_SYNC_TRIGGER_EDIT))
    schedule_edit_sync (self);
  if (self->policy.failure != MT_SYNC_FAILURE_NONE || !mt_sync_policy_allows (&self->policy, MT_SYNC_TRIGGER_EDIT))
    {
      if (self->count_id == 0)
        self->count_id = g_timeout_add (COUNT_DELAY_MS, count_timeout_cb, self);
    }
}

static gboolean
network_usable (MtSyncController *self)
{
  return self->policy.online && (!self->policy.metered || self->policy.sync_on_metered);
}

/* The network or the preferences changed. The monitor says so often (any
 * change of a route): only a change of what the policy sees moves the
 * next sync. */
static void
network_changed (MtSyncController *self)
{
  gboolean was_usable = network_usable (self);
  guint old_interval = self->policy.interval_s;

  self->policy.online = g_network_monitor_get_network_available (self->monitor);
  self->policy.metered = g_network_monitor_get_network_metered (self->monitor);
  if (self->settings != NULL)
    {
      self->policy.interval_s = g_settings_get_uint (self->settings, "sync-interval") * 60;
      self->policy.sync_on_metered = g_settings_get_boolean (self->settings, "sync-on-metered");
    }
  if (!was_usable && network_usable (self))
    _mt_sync_controller_start (self, MT_SYNC_TRIGGER_RECONNECT);
  else if (!self->running && (was_usable != network_usable (self) || old_interval != self->policy.interval_s))
    schedule_next (self);
  _mt_sync_controller_update_status (self);
}

static void
on_network_changed (MtSyncController *self)
{
  network_changed (self);
}

/* GObject */

static void
mt_sync_controller_dispose (GObject *object)
{
  MtSyncController *self = MT_SYNC_CONTROLLER (object);

  mt_sync_controller_shutdown (self);
  G_OBJECT_CLASS (mt_sync_controller_parent_class)->dispose (object);
}

static void
mt_sync_controller_finalize (GObject *object)
{
  MtSyncController *self = MT_SYNC_CONTROLLER (object);

  g_clear_object (&self->tour);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->state, mt_sync_state_free);
  g_clear_object (&self->sync);
  g_free (self->url);
  g_free (self->user);
  g_free (self->password);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_pointer (&self->status, mt_sync_status_free);
  g_clear_error (&self->error);
  g_clear_object (&self->changes);
  g_clear_object (&self->conflicts);
  g_clear_pointer (&self->unseen, g_hash_table_unref);
  g_clear_pointer (&self->base_bytes, g_bytes_unref);
  g_free (self->base_revision);

  G_OBJECT_CLASS (mt_sync_controller_parent_class)->finalize (object);
}

static void
mt_sync_controller_class_init (MtSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mt_sync_controller_dispose;
  object_class->finalize = mt_sync_controller_finalize;

  /**
   * MtSyncController::status-changed:
   *
   * The status changed, or whether the tour is shared.
   */
  signals[STATUS_CHANGED] =
    g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * MtSyncController::synced:
   *
   * A sync ended well: what was here is on the server, and what was
   * there is here.
   */
  signals[SYNCED] =
    g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * MtSyncController::unseen-changed:
   *
   * The set of items changed by others and not seen yet changed.
   */
  signals[UNSEEN_CHANGED] =
    g_signal_new ("unseen-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mt_sync_controller_init (MtSyncController *self)
{
  self->cancellable = g_cancellable_new ();
  self->changes = g_list_store_new (MT_TYPE_CHANGE_ITEM);
  self->conflicts = g_list_store_new (MT_TYPE_CONFLICT_ITEM);
  self->unseen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->edit_delay_ms = MT_RECOVERY_DELAY_MS;
  self->n_pending = MT_SYNC_PENDING_UNKNOWN;
  mt_sync_policy_init (&self->policy);
}

static void
load_state (MtSyncController *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->state, mt_sync_state_free);
  if (self->file == NULL)
    return;
  self->state = mt_sync_state_load (self->file, &error);
  if (self->state == NULL)
    {
      /* a damaged state shares nothing; sharing again makes a new one */
      g_message ("%s", error->message);
      return;
    }
}

/**
 * mt_sync_controller_new:
 *
 * Returns: (transfer full): the sync of @tour, shared or not
 */
MtSyncController *
mt_sync_controller_new (MtTour    *tour,
                        GFile     *file,
                        GSettings *settings)
{
  MtSyncController *self;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MT_TYPE_SYNC_CONTROLLER, NULL);
  self->tour = g_object_ref (tour);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  load_state (self);
  _mt_sync_controller_state_loaded (self);

  g_signal_connect_object (tour, "changed", G_CALLBACK (on_tour_changed), self, G_CONNECT_SWAPPED);
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "changed::sync-interval", G_CALLBACK (network_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::sync-on-metered", G_CALLBACK (network_changed), self,
                               G_CONNECT_SWAPPED);
    }
  mt_sync_controller_set_network_monitor (self, g_network_monitor_get_default ());
  _mt_sync_controller_start (self, MT_SYNC_TRIGGER_OPEN);
  /* opened without a network: what waits from before is counted now */
  if (!self->running)
    _mt_sync_controller_count_pending (self);
  _mt_sync_controller_update_status (self);
  return self;
}

void
mt_sync_controller_set_network_monitor (MtSyncController *self,
                                        GNetworkMonitor  *monitor)
{
  g_return_if_fail (MT_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (G_IS_NETWORK_MONITOR (monitor));

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_set_object (&self->monitor, monitor);
  g_signal_connect_object (monitor, "network-changed", G_CALLBACK (on_network_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (monitor, "notify::network-metered", G_CALLBACK (on_network_changed), self,
                           G_CONNECT_SWAPPED);
  network_changed (self);
}

void
mt_sync_controller_set_delays (MtSyncController *self,
                               guint             edit_ms,
                               guint             retry_ms)
{
  g_return_if_fail (MT_IS_SYNC_CONTROLLER (self));

  self->edit_delay_ms = edit_ms;
  self->policy.retry_ms = retry_ms;
}

GFile *
mt_sync_controller_get_file (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), NULL);
  return self->file;
}

MtTour *
mt_sync_controller_get_tour (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), NULL);
  return self->tour;
}

gboolean
mt_sync_controller_get_shared (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), FALSE);
  return self->state != NULL && self->url != NULL;
}

const char *
mt_sync_controller_get_url (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), NULL);
  return mt_sync_controller_get_shared (self) ? self->url : NULL;
}

const char *
mt_sync_controller_get_user (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), NULL);
  return mt_sync_controller_get_shared (self) ? self->user : NULL;
}

const MtSyncStatus *
mt_sync_controller_get_status (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), NULL);
  return self->status;
}

guint
mt_sync_controller_get_n_pending (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), MT_SYNC_PENDING_UNKNOWN);
  return self->n_pending;
}

gboolean
mt_sync_controller_get_settled (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), FALSE);
  return !self->running && !self->counting && self->edit_id == 0 && self->count_id == 0;
}

GListModel *
mt_sync_controller_get_changes (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), NULL);
  return G_LIST_MODEL (self->changes);
}

GListModel *
mt_sync_controller_get_conflicts (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), NULL);
  return G_LIST_MODEL (self->conflicts);
}

GHashTable *
mt_sync_controller_get_unseen (MtSyncController *self)
{
  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (self), NULL);
  return self->unseen;
}

void
mt_sync_controller_sync_now (MtSyncController *self)
{
  g_return_if_fail (MT_IS_SYNC_CONTROLLER (self));
  _mt_sync_controller_start (self, MT_SYNC_TRIGGER_DEMAND);
}

void
mt_sync_controller_saved (MtSyncController *self)
{
  g_return_if_fail (MT_IS_SYNC_CONTROLLER (self));
  _mt_sync_controller_start (self, MT_SYNC_TRIGGER_SAVE);
}

void
mt_sync_controller_shutdown (MtSyncController *self)
{
  g_return_if_fail (MT_IS_SYNC_CONTROLLER (self));

  self->shut_down = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
  g_clear_handle_id (&self->edit_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->count_id, g_source_remove);
  g_clear_handle_id (&self->syncing_id, g_source_remove);
  if (self->share_task != NULL)
    {
      GTask *task = g_steal_pointer (&self->share_task);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
      g_object_unref (task);
    }
}
