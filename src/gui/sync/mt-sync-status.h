/* mt-sync-status.h: what the header bar says about a tour's sync,
 * decided without GTK
 *
 * One state at a time, from the most to the least pressing: syncing; an
 * error, with the reason and a retry; offline (no network, or the server
 * cannot be reached), with the number of edits waiting; paused on a
 * metered connection; conflicts, with their number; synced, and when.
 * A connection that fails is "offline", not an error: the edits wait and
 * go out when the server answers again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  MT_SYNC_STATUS_NOT_SHARED,
  MT_SYNC_STATUS_SYNCED,
  MT_SYNC_STATUS_SYNCING,
  MT_SYNC_STATUS_OFFLINE,
  MT_SYNC_STATUS_PAUSED,     /* on a metered connection, as the preferences say */
  MT_SYNC_STATUS_CONFLICTS,
  MT_SYNC_STATUS_ERROR,
} MtSyncStatusKind;

/* the number of edits waiting is not known yet */
#define MT_SYNC_PENDING_UNKNOWN G_MAXUINT

typedef struct
{
  gboolean      shared;
  gboolean      syncing;
  gboolean      online;          /* the network is there */
  gboolean      metered_paused;  /* metered, and syncing on it is off */
  gint64        last_sync_ms;    /* when a sync last ended well; 0: never */
  guint         n_pending;       /* edits not on the server, or MT_SYNC_PENDING_UNKNOWN */
  guint         n_conflicts;
  const GError *error;           /* why the last sync failed, or NULL */
  gboolean      no_password;     /* the error: no password is kept */
} MtSyncStatusInput;

typedef struct
{
  MtSyncStatusKind  kind;
  char             *title;      /* short, for the header bar: "Offline · 3 edits waiting" */
  char             *detail;     /* the whole of it, for the tooltip and the panel */
  const char       *icon_name;
  gboolean          can_retry;  /* a retry button is offered */
} MtSyncStatus;

/* @now: the local time, for "Synced at 15:30" */
MtSyncStatus *mt_sync_status_new       (const MtSyncStatusInput *input,
                                        GDateTime               *now);
void          mt_sync_status_free      (MtSyncStatus            *status);
gboolean      mt_sync_status_equal     (const MtSyncStatus      *a,
                                        const MtSyncStatus      *b);
/* whether @error means the server could not be reached at all */
gboolean      mt_sync_status_is_unreachable (const GError      *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtSyncStatus, mt_sync_status_free)

G_END_DECLS
