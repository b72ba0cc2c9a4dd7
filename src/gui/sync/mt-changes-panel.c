/* mt-changes-panel.c: what the syncs brought in, and the conflicts
 *
 * Both lists are GtkListBoxes bound to the controller's models: short
 * lists (the controller keeps the last 200 changes), rows of text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-sync-ui-resources.h"
#include "mt-change-item.h"
#include "mt-changes-panel.h"
#include "mt-page-logic.h"
#include "mt-sync-indicator.h"

struct _MtChangesPanel
{
  AdwBin            parent_instance;

  /* template children */
  GtkImage         *status_icon;
  GtkLabel         *status_title;
  GtkLabel         *status_detail;
  GtkBox           *conflicts_box;
  GtkListBox       *conflicts_list;
  GtkLabel         *conflict_error;
  GtkListBox       *changes_list;

  /* owned */
  MtSyncController *controller;
};

G_DEFINE_FINAL_TYPE (MtChangesPanel, mt_changes_panel, ADW_TYPE_BIN)

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "14:05" today, "14 May, 14:05" before */
static char *
when_text (gint64 when_ms)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when_ms / 1000);
  g_autoptr(GDateTime) when = g_date_time_to_local (utc);

  if (g_date_time_get_year (when) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    return g_date_time_format (when, "%H:%M");
  /* Translators: when a change was made, see g_date_time_format(): "14 May, 14:05" */
  return g_date_time_format (when, _("%-d %B, %H:%M"));
}

static void
update_status (MtChangesPanel *self)
{
  const MtSyncStatus *status = mt_sync_controller_get_status (self->controller);

  if (status == NULL)
    return;
  gtk_image_set_from_icon_name (self->status_icon, status->icon_name);
  gtk_label_set_text (self->status_title, status->title);
  gtk_label_set_text (self->status_detail, status->detail);
}

/* Changes */

static GtkWidget *
make_change_row (gpointer item,
                 gpointer user_data)
{
  MtChangesPanel *self = user_data;
  MtChangeItem *change = item;
  const char *id = mt_change_item_get_id (change);
  gboolean present = id != NULL && mt_tour_lookup (mt_sync_controller_get_tour (self->controller), id) != NULL;
  g_autofree char *when = when_text (mt_change_item_get_when (change));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (mt_page_entity_kind_icon (mt_change_item_get_kind (change)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mt_change_item_get_text (change));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), present);
  if (present)
    {
      gtk_widget_set_tooltip_text (row, _("Show it"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (change), g_object_unref);
  return row;
}

static void
on_change_activated (MtChangesPanel *self,
                     GtkListBoxRow  *row)
{
  MtChangeItem *change = g_object_get_data (G_OBJECT (row), "item");

  if (change != NULL && mt_change_item_get_id (change) != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, mt_change_item_get_id (change));
}

/* Conflicts */

static void
on_keep_clicked (GtkButton      *button,
                 MtChangesPanel *self)
{
  MtConflictItem *item = g_object_get_data (G_OBJECT (button), "item");
  gboolean lost = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lost"));
  g_autoptr(GError) error = NULL;
  g_autoptr(MtConflictItem) held = g_object_ref (item);

  gtk_widget_set_visible (GTK_WIDGET (self->conflict_error), FALSE);
  if (!mt_sync_controller_keep (self->controller, held, lost, &error))
    {
      gtk_label_set_text (self->conflict_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->conflict_error), TRUE);
    }
}

static void
on_show_clicked (GtkButton      *button,
                 MtChangesPanel *self)
{
  MtConflictItem *item = g_object_get_data (G_OBJECT (button), "item");

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, mt_conflict_item_get_conflict (item)->id);
}

static GtkWidget *
make_side (MtChangesPanel *self,
           MtConflictItem *item,
           gboolean        lost)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *who = gtk_label_new (NULL);
  GtkWidget *value = gtk_label_new (mt_conflict_item_get_value (item, lost));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Keep This One"));
  g_autofree char *when = when_text (mt_conflict_item_get_when (item, lost));
  g_autofree char *caption = NULL;

  if (lost)
    /* Translators: who made a value that lost, and when */
    caption = g_strdup_printf (_("%s · %s"), mt_conflict_item_get_who (item, lost), when);
  else
    /* Translators: who made the value the tour holds, and when */
    caption = g_strdup_printf (_("%s · %s · in the tour now"), mt_conflict_item_get_who (item, lost), when);
  gtk_label_set_text (GTK_LABEL (who), caption);
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_label_set_wrap (GTK_LABEL (who), TRUE);
  gtk_widget_add_css_class (who, "caption");
  gtk_widget_add_css_class (who, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_vexpand (value, TRUE);
  gtk_widget_set_valign (value, GTK_ALIGN_START);

  gtk_widget_set_name (button, lost ? "keep-lost" : "keep-kept");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, lost ? _("Set it back to this value, on every copy")
                                            : _("Keep the value the tour holds"));
  g_object_set_data_full (G_OBJECT (button), "item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (button), "lost", GINT_TO_POINTER (lost));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_keep_clicked), self, 0);

  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "conflict-side");
  if (!lost)
    gtk_widget_add_css_class (box, "kept");
  return box;
}

static GtkWidget *
make_conflict_row (gpointer item,
                   gpointer user_data)
{
  MtChangesPanel *self = user_data;
  MtConflictItem *conflict = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (mt_conflict_item_get_title (conflict));
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  const char *id = mt_conflict_item_get_conflict (conflict)->id;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (heading), title);
  if (id != NULL && mt_tour_lookup (mt_sync_controller_get_tour (self->controller), id) != NULL)
    {
      GtkWidget *show = gtk_button_new_from_icon_name ("go-next-symbolic");

      gtk_widget_set_tooltip_text (show, _("Show it"));
      gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (show, "flat");
      g_object_set_data_full (G_OBJECT (show), "item", g_object_ref (conflict), g_object_unref);
      g_signal_connect_object (show, "clicked", G_CALLBACK (on_show_clicked), self, 0);
      gtk_box_append (GTK_BOX (heading), show);
    }

  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides), make_side (self, conflict, FALSE));
  gtk_box_append (GTK_BOX (sides), make_side (self, conflict, TRUE));
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), sides);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update_conflicts (MtChangesPanel *self)
{
  GListModel *conflicts = mt_sync_controller_get_conflicts (self->controller);

  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_box), g_list_model_get_n_items (conflicts) > 0);
}

void
mt_changes_panel_set_controller (MtChangesPanel   *self,
                                 MtSyncController *controller)
{
  g_return_if_fail (MT_IS_CHANGES_PANEL (self));
  g_return_if_fail (MT_IS_SYNC_CONTROLLER (controller));

  if (self->controller != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->controller, self);
      g_signal_handlers_disconnect_by_data (mt_sync_controller_get_conflicts (self->controller), self);
    }
  g_set_object (&self->controller, controller);
  gtk_list_box_bind_model (self->changes_list, mt_sync_controller_get_changes (controller),
                           make_change_row, self, NULL);
  gtk_list_box_bind_model (self->conflicts_list, mt_sync_controller_get_conflicts (controller),
                           make_conflict_row, self, NULL);
  g_signal_connect_object (controller, "status-changed", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mt_sync_controller_get_conflicts (controller), "items-changed",
                           G_CALLBACK (update_conflicts), self, G_CONNECT_SWAPPED);
  update_status (self);
  update_conflicts (self);
}

GtkWidget *
mt_changes_panel_get_keep_button (MtChangesPanel *self,
                                  guint           index,
                                  gboolean        lost)
{
  GtkListBoxRow *row;
  GtkWidget *sides, *side;

  g_return_val_if_fail (MT_IS_CHANGES_PANEL (self), NULL);

  row = gtk_list_box_get_row_at_index (self->conflicts_list, (int) index);
  if (row == NULL)
    return NULL;
  /* the row's box: the heading, then the two sides */
  sides = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
  side = lost ? gtk_widget_get_last_child (sides) : gtk_widget_get_first_child (sides);
  return gtk_widget_get_last_child (side);
}

GtkWidget *
mt_changes_panel_get_change_row (MtChangesPanel *self,
                                 guint           index)
{
  g_return_val_if_fail (MT_IS_CHANGES_PANEL (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->changes_list, (int) index));
}

static void
mt_changes_panel_dispose (GObject *object)
{
  MtChangesPanel *self = MT_CHANGES_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_CHANGES_PANEL);
  g_clear_object (&self->controller);
  G_OBJECT_CLASS (mt_changes_panel_parent_class)->dispose (object);
}

static void
mt_changes_panel_class_init (MtChangesPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mt_changes_panel_dispose;

  /**
   * MtChangesPanel::item-activated:
   * @id: the item to reveal
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  (void) mt_sync_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/sync/mt-changes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MtChangesPanel, status_icon);
  gtk_widget_class_bind_template_child (widget_class, MtChangesPanel, status_title);
  gtk_widget_class_bind_template_child (widget_class, MtChangesPanel, status_detail);
  gtk_widget_class_bind_template_child (widget_class, MtChangesPanel, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, MtChangesPanel, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, MtChangesPanel, conflict_error);
  gtk_widget_class_bind_template_child (widget_class, MtChangesPanel, changes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_change_activated);
}

static void
mt_changes_panel_init (MtChangesPanel *self)
{
  mt_sync_ui_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
