/* mt-window-sync.c: a window's tour in step with its server
 *
 * The window owns one MtSyncController (src/gui/sync) for its tour and its
 * file, and puts its parts in place: the state in the header bar, which
 * opens the changes panel beside the board (the problems panel closes
 * then, and the other way round); the dots on the board's cards of what
 * others changed, gone once the user selects or opens the visit; the
 * actions win.share, win.sync-now (Ctrl+R) and win.feeds. A save, or Save
 * As (the sync state moves with the file), syncs at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-feeds-dialog.h"
#include "mt-share-dialog.h"
#include "mt-window-private.h"

static void
present_share_dialog (MtWindow *self)
{
  gtk_window_present (GTK_WINDOW (mt_share_dialog_new_share (GTK_WINDOW (self), self->sync)));
}

static void
on_save_finished (MtWindow *self,
                  gboolean  ok)
{
  gboolean share = self->share_after_save;

  self->share_after_save = FALSE;
  if (!ok)
    return;
  mt_sync_controller_saved (self->sync);
  if (share)
    present_share_dialog (self);
}

static void
on_file_changed (MtWindow *self)
{
  mt_sync_controller_set_file (self->sync, self->file);
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);

  /* the sync state lives beside the tour's file */
  if (self->file == NULL)
    {
      self->share_after_save = TRUE;
      mt_window_show_toast (self, _("Save the tour first: a shared tour has a file on this computer too"));
      gtk_widget_activate_action (widget, "win.save-as", NULL);
      return;
    }
  present_share_dialog (self);
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);

  if (!mt_sync_controller_get_shared (self->sync))
    {
      share_action (widget, NULL, NULL);
      return;
    }
  mt_sync_controller_sync_now (self->sync);
}

static void
feeds_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (mt_feeds_dialog_new (GTK_WINDOW (self), self->sync)));
}

/* The board's marks of what others changed */

static void
on_unseen_changed (MtWindow *self)
{
  GHashTable *unseen = mt_sync_controller_get_unseen (self->sync);
  g_autoptr(GHashTable) copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer id;

  /* a new table each time: the columns compare tables, not contents */
  g_hash_table_iter_init (&iter, unseen);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (copy, g_strdup (id));
  mt_itinerary_view_set_unseen (self->itinerary, copy);
}

static void
on_visit_seen (MtWindow   *self,
               const char *id)
{
  mt_sync_controller_mark_seen (self->sync, id);
}

static void
on_change_activated (MtWindow   *self,
                     const char *id)
{
  mt_window_reveal_item (self, id);
  mt_sync_controller_mark_seen (self->sync, id);
}

/* One side panel at a time */

static void
on_changes_toggled (MtWindow *self)
{
  if (gtk_toggle_button_get_active (mt_sync_indicator_get_toggle (self->sync_indicator)))
    gtk_toggle_button_set_active (self->problems_button, FALSE);
}

static void
on_problems_toggled (MtWindow *self)
{
  if (gtk_toggle_button_get_active (self->problems_button))
    gtk_toggle_button_set_active (mt_sync_indicator_get_toggle (self->sync_indicator), FALSE);
}

void
_mt_window_sync_init (MtWindow *self)
{
  GtkToggleButton *toggle = mt_sync_indicator_get_toggle (self->sync_indicator);

  self->sync = mt_sync_controller_new (self->tour, self->file, self->settings);
  mt_sync_indicator_set_controller (self->sync_indicator, self->sync);
  mt_changes_panel_set_controller (self->changes_panel, self->sync);

  g_object_bind_property (toggle, "active", self->changes_revealer, "reveal-child", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_changes_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->problems_button, "notify::active", G_CALLBACK (on_problems_toggled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "unseen-changed", G_CALLBACK (on_unseen_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->itinerary, "visit-seen", G_CALLBACK (on_visit_seen), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->changes_panel, "item-activated", G_CALLBACK (on_change_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "save-finished", G_CALLBACK (on_save_finished), NULL);
  g_signal_connect (self, "notify::file", G_CALLBACK (on_file_changed), NULL);
  on_unseen_changed (self);
}

void
_mt_window_sync_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (MT_TYPE_SYNC_INDICATOR);
  g_type_ensure (MT_TYPE_CHANGES_PANEL);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, changes_revealer);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, changes_panel);
  gtk_widget_class_install_action (widget_class, "win.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "win.feeds", NULL, feeds_action);
}

MtSyncController *
mt_window_get_sync (MtWindow *self)
{
  g_return_val_if_fail (MT_IS_WINDOW (self), NULL);
  return self->sync;
}
