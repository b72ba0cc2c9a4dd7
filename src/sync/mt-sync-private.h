/* mt-sync-private.h: what mt-sync.c shares with mt-sync-publish.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-sync.h"

G_BEGIN_DECLS

struct _MtSync
{
  GObject      parent_instance;

  MtDavClient *client;
  char        *url;
  char        *name;          /* the tour's resource in the client's folder */
  guint        max_attempts;
  guint        deadline;      /* seconds */
  guint        publish_feeds : 1;
};

/* One run of a sync: the task's data */
typedef struct
{
  MtSync        *sync;
  MtTour        *tour;
  GFile         *tour_file;
  MtSyncState   *state;        /* the caller's, which outlives the run */
  MtSyncResult  *result;
  GCancellable  *cancellable;  /* the run's: the caller's and the deadline */
  GCancellable  *caller_cancellable;
  gulong         caller_handler;
  guint          deadline_id;
  gboolean       deadline_passed;
  gboolean       made_folder;

  MtDavResponse *got;          /* the last GET */
  GBytes        *sent;         /* what the PUT sends */
  char          *sent_revision;
  GPtrArray     *feeds;
  guint          next_feed;
  GHashTable    *published;    /* the feed names of this run */
} Run;

Run      *_mt_sync_run_of             (GTask        *task);
/* The run ends: with @error (taken), or with its result. Either drops the
 * run's reference on @task. */
void      _mt_sync_run_fail           (GTask        *task,
                                       GError       *error);
void      _mt_sync_run_finish         (GTask        *task);
/* what went wrong but does not fail the run */
void      _mt_sync_run_warn           (Run          *run,
                                       GError       *error);
/* FALSE, the run failed, where the state could not be saved */
gboolean  _mt_sync_run_save_state     (GTask        *task);
/* After a write: the feeds whose contents changed, then the end */
void      _mt_sync_run_publish_feeds  (GTask        *task);

G_END_DECLS
