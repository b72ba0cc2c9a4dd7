/* mt-sync-controller-private.h: what the controller's files share
 *
 * mt-sync-controller.c runs the syncs and keeps the status;
 * mt-sync-controller-news.c what came in (changes, conflicts, unseen
 * marks); mt-sync-controller-account.c sets up, moves and stops the
 * sharing, settles conflicts and fetches shared tours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-sync.h"
#include "mt-sync-controller.h"
#include "mt-sync-policy.h"

G_BEGIN_DECLS

struct _MtSyncController
{
  GObject          parent_instance;

  /* owned */
  MtTour          *tour;
  GFile           *file;
  GSettings       *settings;
  GNetworkMonitor *monitor;
  MtSyncState     *state;         /* NULL without a file */
  MtSync          *sync;          /* for the account, made at the first run */
  char            *url;           /* the account: the tour on the server, */
  char            *user;          /*   the user, NULL where not shared */
  char            *password;      /*   and the password, once known */
  GCancellable    *cancellable;   /* everything; cancelled at shutdown */
  GCancellable    *run_cancellable;
  MtSyncStatus    *status;
  GError          *error;         /* why the last sync failed */
  GListStore      *changes;       /* MtChangeItem, newest first */
  GListStore      *conflicts;     /* MtConflictItem */
  GHashTable      *unseen;        /* id → id */
  GBytes          *base_bytes;    /* the base, for counting what waits */
  char            *base_revision; /* whose base_bytes they are */
  GTask           *share_task;    /* waits for the run that shares */

  MtSyncPolicy     policy;
  guint            n_pending;
  guint            edit_delay_ms;
  guint            generation;    /* grows when the account changes */
  guint            edit_id;
  guint            timer_id;
  guint            count_id;
  guint            syncing_id;

  guint            running : 1;
  guint            again : 1;           /* run again when this run ends */
  guint            again_demand : 1;
  guint            show_syncing : 1;
  guint            counting : 1;
  guint            count_again : 1;
  guint            shut_down : 1;
  guint            no_password : 1;     /* the last run found none kept */
};

/* starts a sync where the policy allows @trigger (or queues it) */
void      _mt_sync_controller_start        (MtSyncController *self,
                                            MtSyncTrigger     trigger);
/* the account changed: what runs is cancelled, the next run uses it */
void      _mt_sync_controller_reset_account (MtSyncController *self);
/* the sync state was loaded or changed: the account, the tour's replica,
 * the unseen items and the conflicts follow it */
void      _mt_sync_controller_state_loaded (MtSyncController *self);
void      _mt_sync_controller_update_status (MtSyncController *self);
void      _mt_sync_controller_refresh_conflicts (MtSyncController *self);
gboolean  _mt_sync_controller_save_unseen  (MtSyncController *self,
                                            GError          **error);
void      _mt_sync_controller_count_pending (MtSyncController *self);
/* what a sync brought in: to the changes, and the unseen marks */
void      _mt_sync_controller_add_changes  (MtSyncController *self,
                                            GPtrArray        *incoming);

G_END_DECLS
