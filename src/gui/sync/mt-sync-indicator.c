/* mt-sync-indicator.c: the sync state in the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-sync-ui-resources.h"
#include "mt-sync-indicator.h"

struct _MtSyncIndicator
{
  GtkWidget         parent_instance;

  /* template children */
  GtkToggleButton  *status_button;
  GtkStack         *icon_stack;
  GtkImage         *icon;
  GtkSpinner       *spinner;
  GtkLabel         *title_label;
  GtkButton        *retry_button;

  /* owned */
  MtSyncController *controller;
};

G_DEFINE_FINAL_TYPE (MtSyncIndicator, mt_sync_indicator, GTK_TYPE_WIDGET)

static const char * const kind_classes[] = {
  [MT_SYNC_STATUS_NOT_SHARED] = "not-shared",
  [MT_SYNC_STATUS_SYNCED] = "synced",
  [MT_SYNC_STATUS_SYNCING] = "syncing",
  [MT_SYNC_STATUS_OFFLINE] = "offline",
  [MT_SYNC_STATUS_PAUSED] = "paused",
  [MT_SYNC_STATUS_CONFLICTS] = "conflicts",
  [MT_SYNC_STATUS_ERROR] = "error",
};

void
mt_sync_ui_ensure_style (void)
{
  static gsize added = 0;

  if (g_once_init_enter (&added))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/mediatour/Planner/sync/mt-sync.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_unref (provider);
      g_once_init_leave (&added, 1);
    }
}

static void
update (MtSyncIndicator *self)
{
  const MtSyncStatus *status = mt_sync_controller_get_status (self->controller);
  gboolean syncing;

  if (status == NULL)
    return;
  syncing = status->kind == MT_SYNC_STATUS_SYNCING;
  gtk_widget_set_visible (GTK_WIDGET (self), status->kind != MT_SYNC_STATUS_NOT_SHARED);
  gtk_label_set_text (self->title_label, status->title);
  gtk_image_set_from_icon_name (self->icon, status->icon_name);
  gtk_stack_set_visible_child_name (self->icon_stack, syncing ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->spinner, syncing);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_button), status->detail);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), status->can_retry);
  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    if (i == status->kind)
      gtk_widget_add_css_class (GTK_WIDGET (self), kind_classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self), kind_classes[i]);
}

void
mt_sync_indicator_set_controller (MtSyncIndicator  *self,
                                  MtSyncController *controller)
{
  g_return_if_fail (MT_IS_SYNC_INDICATOR (self));
  g_return_if_fail (MT_IS_SYNC_CONTROLLER (controller));

  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  g_set_object (&self->controller, controller);
  g_signal_connect_object (controller, "status-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

GtkToggleButton *
mt_sync_indicator_get_toggle (MtSyncIndicator *self)
{
  g_return_val_if_fail (MT_IS_SYNC_INDICATOR (self), NULL);
  return self->status_button;
}

const char *
mt_sync_indicator_get_text (MtSyncIndicator *self)
{
  g_return_val_if_fail (MT_IS_SYNC_INDICATOR (self), NULL);
  return gtk_label_get_text (self->title_label);
}

gboolean
mt_sync_indicator_get_can_retry (MtSyncIndicator *self)
{
  g_return_val_if_fail (MT_IS_SYNC_INDICATOR (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->retry_button));
}

static void
mt_sync_indicator_dispose (GObject *object)
{
  MtSyncIndicator *self = MT_SYNC_INDICATOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_SYNC_INDICATOR);
  /* the box that no field holds */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->controller);
  G_OBJECT_CLASS (mt_sync_indicator_parent_class)->dispose (object);
}

static void
mt_sync_indicator_class_init (MtSyncIndicatorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mt_sync_indicator_dispose;
  (void) mt_sync_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/sync/mt-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, MtSyncIndicator, status_button);
  gtk_widget_class_bind_template_child (widget_class, MtSyncIndicator, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, MtSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, MtSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, MtSyncIndicator, title_label);
  gtk_widget_class_bind_template_child (widget_class, MtSyncIndicator, retry_button);
}

static void
mt_sync_indicator_init (MtSyncIndicator *self)
{
  mt_sync_ui_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
