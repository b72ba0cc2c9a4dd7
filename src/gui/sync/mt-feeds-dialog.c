/* mt-feeds-dialog.c: the calendar feeds to hand out to delegates
 *
 * A tour of 100 delegates has over 100 feeds: a row shows its links and
 * QR code only once it is expanded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-sync-ui-resources.h"
#include "mt-feeds-dialog.h"
#include "mt-feeds.h"
#include "mt-qr-code.h"
#include "mt-sync-indicator.h"

struct _MtFeedsDialog
{
  AdwWindow         parent_instance;

  /* template children */
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  AdwPreferencesGroup *tour_group;
  AdwPreferencesGroup *groups_group;
  AdwPreferencesGroup *delegates_group;

  /* owned */
  MtSyncController *controller;
  GPtrArray        *feeds;   /* MtFeed */
  GPtrArray        *rows;    /* AdwExpanderRow, one per feed, borrowed */
};

G_DEFINE_FINAL_TYPE (MtFeedsDialog, mt_feeds_dialog, ADW_TYPE_WINDOW)

static void
on_copy_clicked (GtkButton     *button,
                 MtFeedsDialog *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "url");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), url);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Link copied")));
}

static GtkWidget *
link_row (MtFeedsDialog *self,
          const char    *title,
          const char    *url,
          const char    *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), url);
  gtk_widget_set_name (copy, name);
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (copy, _("Copy the link"));
  g_object_set_data_full (G_OBJECT (copy), "url", g_strdup (url), g_free);
  g_signal_connect_object (copy, "clicked", G_CALLBACK (on_copy_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
  return row;
}

/* the links and the code, made when the row first opens */
static void
on_expanded (AdwExpanderRow *row,
             GParamSpec     *pspec,
             MtFeedsDialog  *self)
{
  MtFeed *feed = g_object_get_data (G_OBJECT (row), "feed");
  const char *tour_url = mt_sync_controller_get_url (self->controller);
  g_autofree char *webcal = NULL;
  g_autofree char *https = NULL;
  GtkWidget *code_row, *code;

  if (!adw_expander_row_get_expanded (row) || g_object_get_data (G_OBJECT (row), "built") != NULL || tour_url == NULL)
    return;
  g_object_set_data (G_OBJECT (row), "built", GINT_TO_POINTER (TRUE));

  webcal = mt_feed_dup_url (feed, tour_url, TRUE);
  https = mt_feed_dup_url (feed, tour_url, FALSE);
  adw_expander_row_add_row (row, link_row (self, _("For calendar apps"), webcal, "copy-webcal"));
  adw_expander_row_add_row (row, link_row (self, _("On the web"), https, "copy-https"));

  code = mt_qr_code_new (webcal);
  gtk_widget_set_size_request (code, 220, 220);
  gtk_widget_set_halign (code, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (code, 12);
  gtk_widget_set_margin_bottom (code, 12);
  gtk_widget_set_tooltip_text (code, _("Point a phone’s camera at the code to subscribe"));
  code_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (code_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (code_row), code);
  adw_expander_row_add_row (row, code_row);
}

static const char *
kind_subtitle (MtFeed *feed,
               MtTour *tour)
{
  if (feed->kind == MT_ENTITY_DELEGATE)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, feed->id);

      return delegate != NULL && mt_delegate_get_outlet (delegate) != NULL ? mt_delegate_get_outlet (delegate) : NULL;
    }
  if (feed->kind == MT_ENTITY_GROUP)
    return _("Every visit the group attends");
  return _("Every visit, for the whole delegation");
}

static void
fill (MtFeedsDialog *self)
{
  MtTour *tour = mt_sync_controller_get_tour (self->controller);

  if (!mt_sync_controller_get_shared (self->controller) || mt_tour_get_feed_key (tour) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "not-shared");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "feeds");
  self->feeds = mt_feeds_list (tour);
  for (guint i = 0; i < self->feeds->len; i++)
    {
      MtFeed *feed = g_ptr_array_index (self->feeds, i);
      GtkWidget *row = adw_expander_row_new ();
      const char *subtitle = kind_subtitle (feed, tour);
      AdwPreferencesGroup *group = feed->kind == MT_ENTITY_DELEGATE ? self->delegates_group
                                   : feed->kind == MT_ENTITY_GROUP ? self->groups_group : self->tour_group;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     feed->title != NULL && feed->title[0] != '\0' ? feed->title : _("(unnamed)"));
      if (subtitle != NULL)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "feed", feed);
      g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_expanded), self, 0);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->groups_group), mt_tour_count (tour, MT_ENTITY_GROUP) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->delegates_group), mt_tour_count (tour, MT_ENTITY_DELEGATE) > 0);
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  gtk_window_close (GTK_WINDOW (widget));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.share", NULL);
}

static void
mt_feeds_dialog_dispose (GObject *object)
{
  MtFeedsDialog *self = MT_FEEDS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_FEEDS_DIALOG);
  g_clear_object (&self->controller);
  G_OBJECT_CLASS (mt_feeds_dialog_parent_class)->dispose (object);
}

static void
mt_feeds_dialog_finalize (GObject *object)
{
  MtFeedsDialog *self = MT_FEEDS_DIALOG (object);

  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (mt_feeds_dialog_parent_class)->finalize (object);
}

static void
mt_feeds_dialog_class_init (MtFeedsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_feeds_dialog_dispose;
  object_class->finalize = mt_feeds_dialog_finalize;

  (void) mt_sync_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/sync/mt-feeds-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MtFeedsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MtFeedsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MtFeedsDialog, tour_group);
  gtk_widget_class_bind_template_child (widget_class, MtFeedsDialog, groups_group);
  gtk_widget_class_bind_template_child (widget_class, MtFeedsDialog, delegates_group);
  gtk_widget_class_install_action (widget_class, "feeds.share", NULL, share_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mt_feeds_dialog_init (MtFeedsDialog *self)
{
  mt_sync_ui_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

MtFeedsDialog *
mt_feeds_dialog_new (GtkWindow        *parent,
                     MtSyncController *controller)
{
  MtFeedsDialog *self;

  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (controller), NULL);

  self = g_object_new (MT_TYPE_FEEDS_DIALOG, "transient-for", parent, NULL);
  self->controller = g_object_ref (controller);
  fill (self);
  return self;
}

guint
mt_feeds_dialog_get_n_feeds (MtFeedsDialog *self)
{
  g_return_val_if_fail (MT_IS_FEEDS_DIALOG (self), 0);
  return self->rows->len;
}

GtkWidget *
mt_feeds_dialog_expand (MtFeedsDialog *self,
                        guint          index)
{
  g_return_val_if_fail (MT_IS_FEEDS_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  adw_expander_row_set_expanded (g_ptr_array_index (self->rows, index), TRUE);
  return g_ptr_array_index (self->rows, index);
}
