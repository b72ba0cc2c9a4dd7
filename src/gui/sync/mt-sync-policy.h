/* mt-sync-policy.h: when a tour syncs, decided without GTK
 *
 * A shared tour syncs a moment after each edit (when the autosave writes
 * it), at once after each save, at the interval the preferences set while
 * the network is there, at once when the network comes back, and when the
 * user asks. Without a network, or on a metered connection where the
 * preferences say not to, nothing starts by itself: the edits wait. After
 * a failure to reach the server it tries again sooner, then less often
 * (from a few seconds up to the interval); after a wrong password it waits
 * for the user, so a locked account does not get locked harder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MT_SYNC_DEFAULT_INTERVAL_SECONDS 60
#define MT_SYNC_DEFAULT_RETRY_MS 5000

typedef enum
{
  MT_SYNC_TRIGGER_EDIT,       /* an edit made here, autosaved */
  MT_SYNC_TRIGGER_SAVE,       /* the tour was saved */
  MT_SYNC_TRIGGER_TIMER,      /* the interval or a retry */
  MT_SYNC_TRIGGER_RECONNECT,  /* the network came back */
  MT_SYNC_TRIGGER_OPEN,       /* the tour was opened or shared */
  MT_SYNC_TRIGGER_DEMAND,     /* the user asked (Ctrl+R, the button, Retry) */
} MtSyncTrigger;

typedef enum
{
  MT_SYNC_FAILURE_NONE,
  MT_SYNC_FAILURE_UNREACHABLE,  /* no connection, or no answer in time */
  MT_SYNC_FAILURE_AUTH,         /* the password was refused */
  MT_SYNC_FAILURE_OTHER,
} MtSyncFailure;

typedef struct
{
  guint          interval_s;       /* between syncs; 0 for none */
  guint          retry_ms;         /* the first retry after a failure to connect */
  gboolean       online;
  gboolean       metered;
  gboolean       sync_on_metered;
  MtSyncFailure  failure;          /* of the last sync */
  guint          n_failures;       /* syncs that failed in a row */
} MtSyncPolicy;

void      mt_sync_policy_init        (MtSyncPolicy       *policy);
/* whether @trigger may start a sync now */
gboolean  mt_sync_policy_allows      (const MtSyncPolicy *policy,
                                      MtSyncTrigger       trigger);
/* milliseconds from the end of the last sync to the next one that starts
 * by itself, or -1 where none does until something changes */
gint64    mt_sync_policy_next_delay  (const MtSyncPolicy *policy);
/* a sync ended, with @failure */
void      mt_sync_policy_record      (MtSyncPolicy       *policy,
                                      MtSyncFailure       failure);

G_END_DECLS
