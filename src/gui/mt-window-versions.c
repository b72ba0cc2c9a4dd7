/* mt-window-versions.c: the window's versions of the plan issued to the
 * delegates: win.issue-version ("Issue Version…") and win.versions
 * ("Issued Versions…", with what changed for a delegate since one) and
 * win.delegate-changes, the same opened on one delegate: any view that
 * shows a delegate activates it with their id, knowing nothing of the
 * dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-issue-dialog.h"
#include "mt-versions-dialog.h"
#include "mt-window-private.h"

static void
on_issued (MtWindow  *self,
           MtVersion *version)
{
  g_autofree char *label = mt_tour_dup_version_label (self->tour, version);
  g_autoptr(MtSnapshot) snapshot = mt_version_dup_snapshot (version);
  guint n = mt_snapshot_get_n_recipients (snapshot);
  /* Translators: a toast: "Version 3", how many delegates it went to */
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Issued %s to %u delegate",
                                                           "Issued %s to %u delegates", n),
                                              label, n);

  mt_window_show_toast (self, message);
}

static void
issue_version_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);
  MtIssueDialog *dialog = mt_issue_dialog_new (GTK_WINDOW (self), self->tour);

  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_issued), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
versions_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (mt_versions_dialog_new (GTK_WINDOW (self), self->tour)));
}

static void
delegate_changes_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);
  const char *delegate_id = g_variant_get_string (parameter, NULL);
  MtVersionsDialog *dialog;

  if (mt_tour_lookup_kind (self->tour, MT_ENTITY_DELEGATE, delegate_id) == NULL)
    return;
  dialog = mt_versions_dialog_new (GTK_WINDOW (self), self->tour);
  mt_versions_dialog_select_delegate (dialog, delegate_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_mt_window_versions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.issue-version", NULL, issue_version_action);
  gtk_widget_class_install_action (widget_class, "win.versions", NULL, versions_action);
  gtk_widget_class_install_action (widget_class, "win.delegate-changes", "s", delegate_changes_action);
}
