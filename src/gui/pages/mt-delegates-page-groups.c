/* mt-delegates-page-groups.c: the delegates page's list of groups
 *
 * Each group is a row with its colour, its name and size, and buttons to
 * rename and delete it; a button under the list adds one. Every change is
 * one undoable step. Deleting a group takes it off its delegates and
 * visits in the same step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-delegates-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mt-delegates-page-private.h"
#include "mt-page-logic.h"

/* the colours new groups get in turn: GNOME's palette */
static const char *group_palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2190a4",
};

static void
clear_group_references (MtTour     *tour,
                        const char *group_id)
{
  GListModel *model = mt_tour_get_delegates (tour);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (model, i);

      if (g_strcmp0 (mt_delegate_get_group (delegate), group_id) == 0)
        mt_delegate_set_group (delegate, NULL);
    }

  model = mt_tour_get_visits (tour);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (model, i);
      g_auto(GStrv) kept = NULL;

      if (!mt_visit_has_group (visit, group_id))
        continue;
      kept = mt_page_list_without (mt_visit_get_groups (visit), group_id);
      mt_visit_set_groups (visit, (const char * const *) kept);
    }
}

static void
delete_group (MtDelegatesPage *self,
              MtGroup         *group)
{
  MtHistory *history = mt_tour_get_history (mt_delegates_page_get_tour (self));
  g_autofree char *label = g_strdup_printf (_("Delete group “%s”"), mt_page_nonnull (mt_group_get_name (group)));
  g_autoptr(MtGroup) hold = g_object_ref (group);

  mt_history_begin (history, label);
  clear_group_references (mt_delegates_page_get_tour (self), mt_entity_get_id (MT_ENTITY (group)));
  mt_tour_remove (mt_delegates_page_get_tour (self), MT_ENTITY (group));
  mt_history_end (history);
}

static void
on_delete_group_clicked (GtkButton       *button,
                         MtDelegatesPage *self)
{
  MtGroup *group = _mt_delegates_page_lookup_group (self, g_object_get_data (G_OBJECT (button), "group-id"));

  if (group != NULL)
    delete_group (self, group);
}

static void
on_color_set (GtkColorButton  *button,
              MtDelegatesPage *self)
{
  MtGroup *group = _mt_delegates_page_lookup_group (self, g_object_get_data (G_OBJECT (button), "group-id"));
  GdkRGBA rgba;
  g_autofree char *hex = NULL;
  g_autofree char *label = NULL;
  MtHistory *history;

  if (group == NULL)
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                         (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  label = g_strdup_printf (_("Recolour group “%s”"), mt_page_nonnull (mt_group_get_name (group)));
  history = mt_tour_get_history (mt_delegates_page_get_tour (self));
  mt_history_begin (history, label);
  mt_group_set_color (group, hex);
  mt_history_end (history);
}

typedef struct
{
  MtDelegatesPage *self;
  char            *group_id; /* NULL: a new group */
  GtkEditable     *entry;
} GroupNameDialog;

static void
group_name_dialog_free (gpointer data)
{
  GroupNameDialog *d = data;

  g_clear_weak_pointer (&d->self);
  g_free (d->group_id);
  g_free (d);
}

static void
on_group_name_response (AdwMessageDialog *dialog,
                        const char       *response,
                        GroupNameDialog  *d)
{
  MtDelegatesPage *self = d->self;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (d->entry)));
  MtHistory *history;

  if (!g_str_equal (response, "apply") || *name == '\0' || self == NULL || mt_delegates_page_get_tour (self) == NULL)
    return;

  history = mt_tour_get_history (mt_delegates_page_get_tour (self));
  if (d->group_id == NULL)
    {
      g_autoptr(MtGroup) group = mt_group_new (NULL);
      g_autofree char *label = g_strdup_printf (_("Add group “%s”"), name);
      guint n = mt_tour_count (mt_delegates_page_get_tour (self), MT_ENTITY_GROUP);

      mt_group_set_name (group, name);
      mt_group_set_color (group, group_palette[n % G_N_ELEMENTS (group_palette)]);
      mt_history_begin (history, label);
      mt_tour_add (mt_delegates_page_get_tour (self), MT_ENTITY (group), NULL);
      mt_history_end (history);
    }
  else
    {
      MtGroup *group = _mt_delegates_page_lookup_group (self, d->group_id);
      g_autofree char *label = NULL;

      if (group == NULL)
        return;
      label = g_strdup_printf (_("Rename group “%s”"), mt_page_nonnull (mt_group_get_name (group)));
      mt_history_begin (history, label);
      mt_group_set_name (group, name);
      mt_history_end (history);
    }
}

static void
on_group_entry_changed (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "apply", *name != '\0');
}

static void
open_group_name_dialog (MtDelegatesPage *self,
                        MtGroup         *group)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GroupNameDialog *d = g_new0 (GroupNameDialog, 1);
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       group != NULL ? _("Rename Group") : _("New Group"),
                                                       NULL));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "apply", group != NULL ? _("_Rename") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Group name"), -1);
  if (group != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), mt_page_nonnull (mt_group_get_name (group)));
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_group_entry_changed), dialog);
  on_group_entry_changed (GTK_EDITABLE (entry), dialog);

  g_set_weak_pointer (&d->self, self);
  d->group_id = group != NULL ? g_strdup (mt_entity_get_id (MT_ENTITY (group))) : NULL;
  d->entry = GTK_EDITABLE (entry);
  g_object_set_data_full (G_OBJECT (dialog), "group-dialog", d, group_name_dialog_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_group_name_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_rename_group_clicked (GtkButton       *button,
                         MtDelegatesPage *self)
{
  MtGroup *group = _mt_delegates_page_lookup_group (self, g_object_get_data (G_OBJECT (button), "group-id"));

  if (group != NULL)
    open_group_name_dialog (self, group);
}

void
_mt_delegates_page_add_group (MtDelegatesPage *self)
{
  if (mt_delegates_page_get_tour (self) != NULL)
    open_group_name_dialog (self, NULL);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *group_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "group-id", g_strdup (group_id), g_free);
  return button;
}

static GtkWidget *
create_group_row (gpointer item,
                  gpointer data)
{
  MtDelegatesPage *self = data;
  MtGroup *group = item;
  const char *id = mt_entity_get_id (MT_ENTITY (group));
  guint members = mt_page_count_group_members (mt_delegates_page_get_tour (self), id);
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u member", "%u members", members), members);
  g_autofree char *color_label = g_strdup_printf (_("Colour of “%s”"), mt_page_nonnull (mt_group_get_name (group)));
  g_autofree char *rename_label = g_strdup_printf (_("Rename “%s”"), mt_page_nonnull (mt_group_get_name (group)));
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), mt_page_nonnull (mt_group_get_name (group)));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *color, *button;
  GdkRGBA rgba;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mt_page_nonnull (mt_group_get_name (group)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "group-id", g_strdup (id), g_free);

  color = gtk_color_button_new ();
  if (!gdk_rgba_parse (&rgba, mt_page_nonnull (mt_group_get_color (group))))
    gdk_rgba_parse (&rgba, "#9a9996");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (color), color_label);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (color, color_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (color), GTK_ACCESSIBLE_PROPERTY_LABEL, color_label, -1);
  g_object_set_data_full (G_OBJECT (color), "group-id", g_strdup (id), g_free);
  g_signal_connect_object (color, "color-set", G_CALLBACK (on_color_set), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), color);

  button = icon_button ("document-edit-symbolic", rename_label, id);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_rename_group_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = icon_button ("user-trash-symbolic", delete_label, id);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_group_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

void
_mt_delegates_page_bind_groups (MtDelegatesPage *self,
                                GtkListBox      *list)
{
  MtTour *tour = mt_delegates_page_get_tour (self);

  gtk_list_box_bind_model (list, tour != NULL ? mt_tour_get_groups (tour) : NULL,
                           tour != NULL ? create_group_row : NULL, self, NULL);
}
