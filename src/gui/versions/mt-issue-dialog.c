/* mt-issue-dialog.c: "Issue Version…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-versions-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-issue-dialog.h"
#include "mt-versions-ui-resources.h"
#include "mt-versions-words.h"

struct _MtIssueDialog
{
  AdwWindow            parent_instance;

  /* template children */
  AdwPreferencesGroup *group;
  AdwEntryRow         *note_row;
  GtkButton           *issue_button;

  /* owned */
  MtTour              *tour;
};

G_DEFINE_FINAL_TYPE (MtIssueDialog, mt_issue_dialog, ADW_TYPE_WINDOW)

enum { ISSUED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MtIssueDialog *self = MT_ISSUE_DIALOG (widget);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  MtVersion *version = mt_tour_issue_version (self->tour, note[0] != '\0' ? note : NULL);

  g_signal_emit (self, signals[ISSUED], 0, version);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
mt_issue_dialog_dispose (GObject *object)
{
  MtIssueDialog *self = MT_ISSUE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_ISSUE_DIALOG);
  g_clear_object (&self->tour);
  G_OBJECT_CLASS (mt_issue_dialog_parent_class)->dispose (object);
}

static void
mt_issue_dialog_class_init (MtIssueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_issue_dialog_dispose;

  /**
   * MtIssueDialog::issued:
   * @version: the version just issued
   */
  signals[ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, MT_TYPE_VERSION);

  (void) mt_versions_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mediatour/Planner/versions/mt-issue-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MtIssueDialog, group);
  gtk_widget_class_bind_template_child (widget_class, MtIssueDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, MtIssueDialog, issue_button);
  gtk_widget_class_install_action (widget_class, "issue.issue", NULL, issue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mt_issue_dialog_init (MtIssueDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->issue_button));
}

MtIssueDialog *
mt_issue_dialog_new (GtkWindow *parent,
                     MtTour    *tour)
{
  MtIssueDialog *self;
  g_autofree char *label = NULL, *title = NULL, *summary = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  self = g_object_new (MT_TYPE_ISSUE_DIALOG, "transient-for", parent, NULL);
  self->tour = g_object_ref (tour);
  label = mt_versions_words_next_label (tour);
  /* Translators: the dialog's heading: "Issue Version 3" */
  title = g_strdup_printf (_("Issue %s"), label);
  summary = mt_versions_words_issue_summary (tour);
  adw_preferences_group_set_title (self->group, title);
  adw_preferences_group_set_description (self->group, summary);
  return self;
}
