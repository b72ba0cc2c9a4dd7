/* mt-delegates-page-groups.c: the delegates page's list of groups
 *
 * Each group is a row with its colour, its name and size, and buttons to
 * edit it (its name, colour and members) and delete it; a button over the
 * list adds one. Every change is one undoable step. Deleting a group takes it off its delegates and
 * visits in the same step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-delegates-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mt-delegate-checklist.h"
#include "mt-delegates-page-private.h"
#include "mt-editor-rows.h"
#include "mt-page-logic.h"
#include "mt-toast.h"

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
  /* Translators: a toast, “%s” is a group's name */
  g_autofree char *message = g_strdup_printf (_("Deleted “%s”"), mt_page_nonnull (mt_group_get_name (group)));
  g_autoptr(MtGroup) hold = g_object_ref (group);

  mt_history_begin (history, label);
  clear_group_references (mt_delegates_page_get_tour (self), mt_entity_get_id (MT_ENTITY (group)));
  mt_tour_remove (mt_delegates_page_get_tour (self), MT_ENTITY (group));
  mt_history_end (history);
  mt_toast_show_undo (GTK_WIDGET (self), message);
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

/* The group's editor: its name, its colour and its members, one step */

typedef struct
{
  MtDelegatesPage     *self;      /* weak */
  char                *group_id;  /* NULL: a new group */
  GtkWindow           *window;
  GtkWidget           *save_button;
  AdwEntryRow         *name_row;
  GtkColorButton      *color_button;
  MtDelegateChecklist *members;
} GroupEditor;

static void
group_editor_free (gpointer data)
{
  GroupEditor *e = data;

  g_clear_weak_pointer (&e->self);
  g_free (e->group_id);
  g_free (e);
}

static void
on_group_name_changed (GroupEditor *e)
{
  g_autofree char *name = mt_editor_entry_text (e->name_row);

  gtk_widget_set_sensitive (e->save_button, *name != '\0');
}

static char *
color_text (GtkColorButton *button)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  return g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                          (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
}

static void
on_group_save (GroupEditor *e)
{
  MtTour *tour = e->self ? mt_delegates_page_get_tour (e->self) : NULL;
  g_autofree char *name = mt_editor_entry_text (e->name_row);
  g_autofree char *color = color_text (e->color_button);
  g_autofree char *label = NULL;
  g_autoptr(MtGroup) created = NULL;
  GListModel *delegates;
  MtGroup *group;
  MtHistory *history;
  const char *id;

  if (tour == NULL || *name == '\0')
    return;
  if (e->group_id != NULL)
    {
      group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, e->group_id);
      if (group == NULL)
        {
          gtk_window_destroy (e->window);
          return;
        }
      /* Translators: an undoable step, “%s” is a group's name */
      label = g_strdup_printf (_("Edit group “%s”"), mt_page_nonnull (mt_group_get_name (group)));
    }
  else
    {
      group = created = mt_group_new (NULL);
      /* Translators: an undoable step, “%s” is a group's name */
      label = g_strdup_printf (_("Add group “%s”"), name);
    }

  history = mt_tour_get_history (tour);
  mt_history_begin (history, label);
  mt_group_set_name (group, name);
  mt_group_set_color (group, color);
  if (created != NULL)
    mt_tour_add (tour, MT_ENTITY (created), NULL);
  /* the members: who is ticked joins, who is not leaves */
  id = mt_entity_get_id (MT_ENTITY (group));
  delegates = mt_tour_get_delegates (tour);
  for (guint i = 0, n = g_list_model_get_n_items (delegates); i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);
      gboolean member = mt_delegate_checklist_is_chosen (e->members, mt_entity_get_id (MT_ENTITY (delegate)));

      if (member)
        mt_delegate_set_group (delegate, id);
      else if (g_strcmp0 (mt_delegate_get_group (delegate), id) == 0)
        mt_delegate_set_group (delegate, NULL);
    }
  mt_history_end (history);
  gtk_window_destroy (e->window);
}

GtkWindow *
_mt_delegates_page_edit_group (MtDelegatesPage *self,
                               const char      *group_id)
{
  MtTour *tour = mt_delegates_page_get_tour (self);
  MtGroup *group = group_id ? mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, group_id) : NULL;
  GroupEditor *e = g_new0 (GroupEditor, 1);
  AdwPreferencesPage *page;
  GtkWidget *details, *members, *color_row;
  GListModel *delegates;
  GdkRGBA rgba;

  g_set_weak_pointer (&e->self, self);
  e->group_id = g_strdup (group ? group_id : NULL);
  e->window = mt_editor_window_new (GTK_WIDGET (self), group ? _("Edit Group") : _("New Group"),
                                    group ? mt_group_get_name (group) : NULL, 520, 720,
                                    group ? _("_Save") : _("_Add"), &e->save_button, &page);
  g_object_set_data_full (G_OBJECT (e->window), "editor", e, group_editor_free);
  g_signal_connect_swapped (e->save_button, "clicked", G_CALLBACK (on_group_save), e);

  details = adw_preferences_group_new ();
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (details));
  e->name_row = mt_editor_add_entry (details, _("Name"), "name-row", group ? mt_group_get_name (group) : NULL);
  g_signal_connect_swapped (e->name_row, "changed", G_CALLBACK (on_group_name_changed), e);

  color_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (color_row), _("Colour"));
  e->color_button = GTK_COLOR_BUTTON (gtk_color_button_new ());
  if (!gdk_rgba_parse (&rgba, group ? mt_page_nonnull (mt_group_get_color (group))
                                    : group_palette[mt_tour_count (tour, MT_ENTITY_GROUP) % G_N_ELEMENTS (group_palette)]))
    gdk_rgba_parse (&rgba, "#9a9996");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (e->color_button), &rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (e->color_button), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (e->color_button), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->color_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (color_row), GTK_WIDGET (e->color_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (color_row), GTK_WIDGET (e->color_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), color_row);

  members = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (members), _("Members"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (members),
                                         _("A delegate is in one group at a time: ticking one moves them here."));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (members));
  e->members = MT_DELEGATE_CHECKLIST (mt_delegate_checklist_new ());
  mt_delegate_checklist_set_tour (e->members, tour);
  delegates = mt_tour_get_delegates (tour);
  for (guint i = 0, n = g_list_model_get_n_items (delegates); group && i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);

      if (g_strcmp0 (mt_delegate_get_group (delegate), group_id) == 0)
        mt_delegate_checklist_choose (e->members, mt_entity_get_id (MT_ENTITY (delegate)), TRUE);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (members), GTK_WIDGET (e->members));

  on_group_name_changed (e);
  gtk_window_present (e->window);
  gtk_widget_grab_focus (GTK_WIDGET (e->name_row));
  return e->window;
}

static void
on_rename_group_clicked (GtkButton       *button,
                         MtDelegatesPage *self)
{
  MtGroup *group = _mt_delegates_page_lookup_group (self, g_object_get_data (G_OBJECT (button), "group-id"));

  if (group != NULL)
    _mt_delegates_page_edit_group (self, mt_entity_get_id (MT_ENTITY (group)));
}

void
_mt_delegates_page_add_group (MtDelegatesPage *self)
{
  if (mt_delegates_page_get_tour (self) != NULL)
    _mt_delegates_page_edit_group (self, NULL);
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
  g_autofree char *rename_label = g_strdup_printf (_("Edit “%s”"), mt_page_nonnull (mt_group_get_name (group)));
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
