/* mt-sync-policy.c: when a tour syncs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include "mt-sync-policy.h"

void
mt_sync_policy_init (MtSyncPolicy *policy)
{
  g_return_if_fail (policy != NULL);

  *policy = (MtSyncPolicy) {
    .interval_s = MT_SYNC_DEFAULT_INTERVAL_SECONDS,
    .retry_ms = MT_SYNC_DEFAULT_RETRY_MS,
    .online = TRUE,
  };
}

static gboolean
network_usable (const MtSyncPolicy *policy)
{
  return policy->online && (!policy->metered || policy->sync_on_metered);
}

gboolean
mt_sync_policy_allows (const MtSyncPolicy *policy,
                       MtSyncTrigger       trigger)
{
  g_return_val_if_fail (policy != NULL, FALSE);

  /* the user asked: try, whatever the last attempt said */
  if (trigger == MT_SYNC_TRIGGER_DEMAND)
    return TRUE;
  if (!network_usable (policy))
    return FALSE;
  /* the same password again gets the same answer */
  if (policy->failure == MT_SYNC_FAILURE_AUTH)
    return FALSE;
  return TRUE;
}

gint64
mt_sync_policy_next_delay (const MtSyncPolicy *policy)
{
  gint64 interval_ms, retry_ms;

  g_return_val_if_fail (policy != NULL, -1);

  if (!network_usable (policy) || policy->failure == MT_SYNC_FAILURE_AUTH)
    return -1;
  interval_ms = (gint64) policy->interval_s * 1000;
  if (policy->failure != MT_SYNC_FAILURE_UNREACHABLE)
    return policy->interval_s > 0 ? interval_ms : -1;

  /* 1, 2, 4… times the first retry, up to the interval */
  retry_ms = (gint64) policy->retry_ms << MIN (policy->n_failures > 0 ? policy->n_failures - 1 : 0, 16u);
  return policy->interval_s > 0 ? MIN (retry_ms, interval_ms) : retry_ms;
}

void
mt_sync_policy_record (MtSyncPolicy  *policy,
                       MtSyncFailure  failure)
{
  g_return_if_fail (policy != NULL);

  policy->failure = failure;
  policy->n_failures = failure == MT_SYNC_FAILURE_NONE ? 0 : policy->n_failures + 1;
}
