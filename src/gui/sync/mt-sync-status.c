/* mt-sync-status.c: what the header bar says about a tour's sync
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-dav-client.h"
#include "mt-sync-status.h"

void
mt_sync_status_free (MtSyncStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->title);
  g_free (status->detail);
  g_free (status);
}

gboolean
mt_sync_status_equal (const MtSyncStatus *a,
                      const MtSyncStatus *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->kind == b->kind && a->can_retry == b->can_retry &&
         g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->detail, b->detail) == 0 &&
         g_strcmp0 (a->icon_name, b->icon_name) == 0;
}

gboolean
mt_sync_status_is_unreachable (const GError *error)
{
  return error != NULL &&
         (g_error_matches (error, MT_SYNC_ERROR, MT_SYNC_ERROR_NETWORK) ||
          g_error_matches (error, MT_SYNC_ERROR, MT_SYNC_ERROR_TIMEOUT));
}

/* "Synced at 15:30", "Synced on 14 May" */
static char *
synced_title (gint64     last_sync_ms,
              GDateTime *now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (last_sync_ms / 1000);
  g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));
  g_autofree char *text = NULL;

  if (g_date_time_get_year (when) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    {
      text = g_date_time_format (when, "%H:%M");
      /* Translators: the sync state in the header bar; %s is a time of day */
      return g_strdup_printf (_("Synced at %s"), text);
    }
  /* Translators: a date, see g_date_time_format(): "14 May" */
  text = g_date_time_format (when, _("%-d %B"));
  /* Translators: the sync state in the header bar; %s is a date */
  return g_strdup_printf (_("Synced on %s"), text);
}

static char *
pending_text (guint n_pending)
{
  if (n_pending == MT_SYNC_PENDING_UNKNOWN)
    return g_strdup (_("Edits made here are kept and go out when the server can be reached."));
  if (n_pending == 0)
    return g_strdup (_("Nothing made here is waiting to go out."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u edit made here is kept and goes out when the server can be reached.",
                                       "%u edits made here are kept and go out when the server can be reached.",
                                       n_pending),
                          n_pending);
}

static char *
waiting_title (const char *state,
               guint       n_pending)
{
  if (n_pending == 0 || n_pending == MT_SYNC_PENDING_UNKNOWN)
    return g_strdup (state);
  /* Translators: the sync state in the header bar: "Offline · 3 edits waiting" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u edit waiting", "%s · %u edits waiting", n_pending),
                          state, n_pending);
}

/* the short reason of an error, for the header bar */
static const char *
error_title (const GError *error)
{
  if (error->domain == MT_SYNC_ERROR)
    switch ((MtSyncError) error->code)
      {
      case MT_SYNC_ERROR_TLS:
        return _("Certificate not valid");
      case MT_SYNC_ERROR_AUTH:
        return _("Wrong password");
      case MT_SYNC_ERROR_SERVER:
        return _("Server error");
      case MT_SYNC_ERROR_BAD_BODY:
        return _("Damaged answer");
      case MT_SYNC_ERROR_BUSY:
        return _("Server busy");
      case MT_SYNC_ERROR_REFUSED:
        return _("Server refused");
      case MT_SYNC_ERROR_URL:
        return _("Bad address");
      case MT_SYNC_ERROR_NETWORK:
      case MT_SYNC_ERROR_TIMEOUT:
      default:
        break;
      }
  return _("Sync failed");
}

MtSyncStatus *
mt_sync_status_new (const MtSyncStatusInput *input,
                    GDateTime               *now)
{
  g_autoptr(MtSyncStatus) status = g_new0 (MtSyncStatus, 1);

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!input->shared)
    {
      status->kind = MT_SYNC_STATUS_NOT_SHARED;
      status->title = g_strdup (_("Not shared"));
      status->detail = g_strdup (_("Share the tour to edit it with other organisers."));
      status->icon_name = "network-offline-symbolic";
    }
  else if (input->syncing)
    {
      status->kind = MT_SYNC_STATUS_SYNCING;
      status->title = g_strdup (_("Syncing…"));
      status->detail = g_strdup (_("Bringing in what others changed and sending what changed here."));
      status->icon_name = "emblem-synchronizing-symbolic";
    }
  else if (input->error != NULL && !mt_sync_status_is_unreachable (input->error))
    {
      g_autofree char *pending = pending_text (input->n_pending);

      status->kind = MT_SYNC_STATUS_ERROR;
      status->title = g_strdup (input->no_password ? _("Password needed") : error_title (input->error));
      /* Translators: why the last sync failed, then what happens to the edits */
      status->detail = g_strdup_printf (_("%s\n\n%s"), input->error->message, pending);
      status->icon_name = "dialog-error-symbolic";
      status->can_retry = TRUE;
    }
  else if (!input->online || input->error != NULL)
    {
      g_autofree char *pending = pending_text (input->n_pending);

      status->kind = MT_SYNC_STATUS_OFFLINE;
      status->title = waiting_title (_("Offline"), input->n_pending);
      if (input->error != NULL)
        status->detail = g_strdup_printf (_("%s\n\n%s"), input->error->message, pending);
      else
        status->detail = g_strdup_printf (_("%s\n\n%s"), _("This computer is not connected to a network."), pending);
      status->icon_name = "network-offline-symbolic";
      status->can_retry = input->online;
    }
  else if (input->metered_paused)
    {
      g_autofree char *pending = pending_text (input->n_pending);

      status->kind = MT_SYNC_STATUS_PAUSED;
      status->title = waiting_title (_("Paused"), input->n_pending);
      status->detail = g_strdup_printf (_("%s\n\n%s"),
                                        _("The connection is metered, and syncing on metered connections is off in the preferences."),
                                        pending);
      status->icon_name = "network-cellular-symbolic";
      status->can_retry = TRUE;
    }
  else if (input->n_conflicts > 0)
    {
      status->kind = MT_SYNC_STATUS_CONFLICTS;
      /* Translators: the sync state in the header bar */
      status->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", input->n_conflicts),
                                       input->n_conflicts);
      status->detail = g_strdup (g_dngettext (GETTEXT_PACKAGE,
                                              "Everything is synced. Two organisers changed the same thing: every copy holds the newer value until one of you keeps the other.",
                                              "Everything is synced. Two organisers changed the same things: every copy holds the newer values until one of you keeps the others.",
                                              input->n_conflicts));
      status->icon_name = "dialog-warning-symbolic";
    }
  else if (input->last_sync_ms > 0)
    {
      status->kind = MT_SYNC_STATUS_SYNCED;
      status->title = synced_title (input->last_sync_ms, now);
      status->detail = g_strdup (_("Everyone’s changes are in, and yours are on the server."));
      status->icon_name = "emblem-ok-symbolic";
    }
  else
    {
      status->kind = MT_SYNC_STATUS_SYNCING;
      status->title = g_strdup (_("Not synced yet"));
      status->detail = g_strdup (_("The first sync starts in a moment."));
      status->icon_name = "emblem-synchronizing-symbolic";
    }
  return g_steal_pointer (&status);
}
