/* mt-sync-controller.h: one open tour kept in step with its server
 *
 * Each window has one. It keeps the tour's sync state (mt-sync-state.h,
 * beside the tour's file), runs the syncs when the policy says
 * (mt-sync-policy.h: after edits and saves, at the interval, when the
 * network comes back, on demand), applies what comes in to the open tour
 * as one undoable step, and keeps what the window shows of it: the status
 * (mt-sync-status.h), what the last syncs brought in (MtChangeItem, newest
 * first), the conflicts (MtConflictItem) and the items changed by others
 * that the user has not looked at yet (kept in the sync state's folder, as
 * unseen.json: a list of ids). No GTK: the tests drive it without a
 * display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mt-conflict-item.h"
#include "mt-sync-status.h"

G_BEGIN_DECLS

#define MT_TYPE_SYNC_CONTROLLER (mt_sync_controller_get_type ())
G_DECLARE_FINAL_TYPE (MtSyncController, mt_sync_controller, MT, SYNC_CONTROLLER, GObject)

/* @file: (nullable): the tour's file (an untitled tour cannot be shared);
 * @settings: (nullable): the application's, for the interval and metered
 * connections */
MtSyncController   *mt_sync_controller_new          (MtTour           *tour,
                                                     GFile            *file,
                                                     GSettings        *settings);
/* The tour was saved as @file: its sync state goes with it. */
void                mt_sync_controller_set_file     (MtSyncController *self,
                                                     GFile            *file);
GFile              *mt_sync_controller_get_file     (MtSyncController *self);
MtTour             *mt_sync_controller_get_tour     (MtSyncController *self);
gboolean            mt_sync_controller_get_shared   (MtSyncController *self);
/* the tour on the server and the user, or NULL where not shared */
const char         *mt_sync_controller_get_url      (MtSyncController *self);
const char         *mt_sync_controller_get_user     (MtSyncController *self);
const MtSyncStatus *mt_sync_controller_get_status   (MtSyncController *self);
/* edits not on the server yet, or MT_SYNC_PENDING_UNKNOWN */
guint               mt_sync_controller_get_n_pending (MtSyncController *self);
/* nothing runs, and nothing is due in a moment (an edit's sync, a count
 * of what waits): what the status says holds */
gboolean            mt_sync_controller_get_settled  (MtSyncController *self);
/* MtChangeItem, newest first */
GListModel         *mt_sync_controller_get_changes  (MtSyncController *self);
/* MtConflictItem, oldest first */
GListModel         *mt_sync_controller_get_conflicts (MtSyncController *self);
/* the ids of the items others changed that the user has not seen since */
GHashTable         *mt_sync_controller_get_unseen   (MtSyncController *self);
void                mt_sync_controller_mark_seen    (MtSyncController *self,
                                                     const char       *id);

/* Syncs now (Ctrl+R, the header's button, Retry). */
void                mt_sync_controller_sync_now     (MtSyncController *self);
/* The window saved the tour. */
void                mt_sync_controller_saved        (MtSyncController *self);

/* Shares the tour at @url as @user: keeps the password in the Secret
 * Service and uploads the tour (or, where the server has it already,
 * merges). A tour shared elsewhere before moves to @url. On failure the
 * tour is shared as it was before. */
void                mt_sync_controller_share_async  (MtSyncController *self,
                                                     const char       *url,
                                                     const char       *user,
                                                     const char       *password,
                                                     GCancellable     *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
gboolean            mt_sync_controller_share_finish (MtSyncController *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);
/* Stops sharing: forgets the account, the base and the conflicts (the
 * password stays: other tours on the server use it). */
gboolean            mt_sync_controller_stop_sharing (MtSyncController *self,
                                                     GError          **error);
/* "Keep this one": with @lost, sets the field back to the value that lost
 * (one undoable step) and syncs; either way the conflict is settled. */
gboolean            mt_sync_controller_keep         (MtSyncController *self,
                                                     MtConflictItem   *item,
                                                     gboolean          lost,
                                                     GError          **error);
/* Cancels what runs; nothing starts after. The window calls it on close. */
void                mt_sync_controller_shutdown     (MtSyncController *self);

/* for tests: the delay after an edit and the first retry, in ms */
void                mt_sync_controller_set_delays   (MtSyncController *self,
                                                     guint             edit_ms,
                                                     guint             retry_ms);
void                mt_sync_controller_set_network_monitor (MtSyncController *self,
                                                     GNetworkMonitor  *monitor);

/* Fetches the tour at @url into @file (which must not exist yet) with
 * its sync state, as @user, and keeps the password: "Open Shared Tour". */
void                mt_sync_fetch_async             (const char       *url,
                                                     const char       *user,
                                                     const char       *password,
                                                     GFile            *file,
                                                     GCancellable     *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
MtTour             *mt_sync_fetch_finish            (GAsyncResult     *result,
                                                     GError          **error);
/* Where a tour fetched from @url is kept: a file of its own under
 * $XDG_DATA_HOME/mediatour/shared/, named after the tour on the server.
 * Sets @exists where a tour fetched from @url before is there already. */
GFile              *mt_sync_dup_shared_file         (const char       *url,
                                                     gboolean         *exists);

/* Keeps @password in the Secret Service, where it is not kept already;
 * one at a time. A failure is logged as a message and returned. */
void                mt_sync_keep_password_async     (const char       *url,
                                                     const char       *user,
                                                     const char       *password,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
gboolean            mt_sync_keep_password_finish    (GAsyncResult     *result,
                                                     GError          **error);
/* The tour's address from what was typed: a folder ("https://host/dav/")
 * gets @file_name, and spaces around are dropped; NULL with @error where
 * it is not the address of a file on an http or https server. */
char               *mt_sync_tour_url_from_input     (const char       *text,
                                                     const char       *file_name,
                                                     GError          **error);

G_END_DECLS
