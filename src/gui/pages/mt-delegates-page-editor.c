/* mt-delegates-page-editor.c: the delegate editor of the delegates page
 *
 * A dialog with every field of a delegate; Save applies them all as one
 * undoable step, and is disabled while the name is empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-delegates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-delegates-page.h"
#include "mt-delegates-page-private.h"
#include "mt-editor-rows.h"
#include "mt-page-logic.h"
#include "mt-toast.h"

typedef struct
{
  MtDelegatesPage *self;      /* weak */
  char            *id;        /* NULL: a new delegate */
  GtkWindow       *window;
  GtkWidget       *save_button;
  AdwEntryRow     *name, *outlet, *email, *phone, *languages, *dietary, *access, *notes;
  AdwComboRow     *role, *group;
  GPtrArray       *group_ids; /* behind the group row; NULL first: no group */
} Editor;

static void
editor_free (gpointer data)
{
  Editor *e = data;

  g_clear_weak_pointer (&e->self);
  g_free (e->id);
  g_ptr_array_unref (e->group_ids);
  g_free (e);
}

static void
on_editor_name_changed (Editor *e)
{
  g_autofree char *name = mt_editor_entry_text (e->name);
  gboolean ok = *name != '\0';

  gtk_widget_set_sensitive (e->save_button, ok);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (e->name), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (e->name), "error");
}

static GStrv
split_languages (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",; ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static void
on_editor_save (Editor *e)
{
  MtDelegatesPage *self = e->self;
  g_autoptr(MtDelegate) created = NULL;
  g_autofree char *name = mt_editor_entry_text (e->name);
  g_autofree char *label = NULL;
  g_autofree char *languages_text = mt_editor_entry_text (e->languages);
  g_auto(GStrv) languages = split_languages (languages_text);
  MtDelegate *delegate;
  MtHistory *history;
  guint group_index;

  if (self == NULL || mt_delegates_page_get_tour (self) == NULL || *name == '\0')
    return;

  if (e->id != NULL)
    {
      delegate = mt_tour_lookup_kind (mt_delegates_page_get_tour (self), MT_ENTITY_DELEGATE, e->id);
      if (delegate == NULL)
        {
          gtk_window_destroy (e->window);
          return;
        }
      label = g_strdup_printf (_("Edit delegate “%s”"), mt_page_nonnull (mt_delegate_get_name (delegate)));
    }
  else
    {
      created = mt_delegate_new (NULL);
      delegate = created;
      label = g_strdup_printf (_("Add delegate “%s”"), name);
    }

  history = mt_tour_get_history (mt_delegates_page_get_tour (self));
  mt_history_begin (history, label);
  mt_editor_apply_text (delegate, "name", GTK_EDITABLE (e->name));
  mt_editor_apply_text (delegate, "outlet", GTK_EDITABLE (e->outlet));
  mt_editor_apply_text (delegate, "email", GTK_EDITABLE (e->email));
  mt_editor_apply_text (delegate, "phone", GTK_EDITABLE (e->phone));
  mt_editor_apply_text (delegate, "dietary", GTK_EDITABLE (e->dietary));
  mt_editor_apply_text (delegate, "access", GTK_EDITABLE (e->access));
  mt_editor_apply_text (delegate, "notes", GTK_EDITABLE (e->notes));
  mt_delegate_set_role (delegate, adw_combo_row_get_selected (e->role));
  mt_delegate_set_languages (delegate, languages[0] != NULL ? (const char * const *) languages : NULL);
  group_index = adw_combo_row_get_selected (e->group);
  if (group_index < e->group_ids->len)
    mt_delegate_set_group (delegate, g_ptr_array_index (e->group_ids, group_index));
  if (created != NULL)
    mt_tour_add (mt_delegates_page_get_tour (self), MT_ENTITY (created), NULL);
  mt_history_end (history);

  gtk_window_destroy (e->window);
  if (created != NULL)
    mt_tour_view_reveal (MT_TOUR_VIEW (self), mt_entity_get_id (MT_ENTITY (created)));
}

static void
on_editor_delete (Editor *e)
{
  MtDelegate *delegate = NULL;

  if (e->self != NULL && mt_delegates_page_get_tour (e->self) != NULL && e->id != NULL)
    delegate = mt_tour_lookup_kind (mt_delegates_page_get_tour (e->self), MT_ENTITY_DELEGATE, e->id);
  if (delegate != NULL)
    {
      /* Translators: a toast, “%s” is a delegate's name */
      g_autofree char *message = g_strdup_printf (_("Deleted “%s”"), mt_page_nonnull (mt_delegate_get_name (delegate)));

      _mt_delegates_page_delete_delegate (e->self, delegate);
      mt_toast_show_undo (GTK_WIDGET (e->self), message);
    }
  gtk_window_destroy (e->window);
}

GtkWindow *
mt_delegates_page_edit (MtDelegatesPage *self,
                        const char      *id)
{
  MtDelegate *delegate = NULL;
  AdwPreferencesPage *page;
  GtkWidget *group;
  GtkStringList *roles, *groups;
  GListModel *group_model;
  guint group_selected = 0;
  Editor *e;

  g_return_val_if_fail (MT_IS_DELEGATES_PAGE (self), NULL);
  g_return_val_if_fail (mt_delegates_page_get_tour (self) != NULL, NULL);

  if (id != NULL)
    {
      delegate = mt_tour_lookup_kind (mt_delegates_page_get_tour (self), MT_ENTITY_DELEGATE, id);
      g_return_val_if_fail (delegate != NULL, NULL);
    }

  e = g_new0 (Editor, 1);
  g_set_weak_pointer (&e->self, self);
  e->id = g_strdup (id);
  e->group_ids = g_ptr_array_new_with_free_func (g_free);

  e->window = mt_editor_window_new (GTK_WIDGET (self),
                                    delegate != NULL ? _("Edit Delegate") : _("New Delegate"),
                                    delegate != NULL ? mt_page_nonnull (mt_delegate_get_name (delegate)) : NULL,
                                    520, 680, delegate != NULL ? _("_Save") : _("_Add"),
                                    &e->save_button, &page);
  g_object_set_data_full (G_OBJECT (e->window), "editor", e, editor_free);
  g_signal_connect_swapped (e->save_button, "clicked", G_CALLBACK (on_editor_save), e);

  group = adw_preferences_group_new ();
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  e->name = mt_editor_add_entry (group, _("Name"), "name-row", delegate ? mt_delegate_get_name (delegate) : NULL);
  e->outlet = mt_editor_add_entry (group, _("Outlet"), "outlet-row", delegate ? mt_delegate_get_outlet (delegate) : NULL);

  roles = gtk_string_list_new (NULL);
  for (int role = MT_ROLE_REPORTER; role <= MT_ROLE_OTHER; role++)
    gtk_string_list_append (roles, mt_page_role_label (role));
  e->role = mt_editor_add_combo (group, _("Role"), "role-row", roles, delegate ? mt_delegate_get_role (delegate) : 0);

  groups = gtk_string_list_new (NULL);
  gtk_string_list_append (groups, _("No group"));
  g_ptr_array_add (e->group_ids, NULL);
  group_model = mt_tour_get_groups (mt_delegates_page_get_tour (self));
  for (guint i = 0; i < g_list_model_get_n_items (group_model); i++)
    {
      g_autoptr(MtGroup) g = g_list_model_get_item (group_model, i);

      if (delegate != NULL && g_strcmp0 (mt_delegate_get_group (delegate), mt_entity_get_id (MT_ENTITY (g))) == 0)
        group_selected = e->group_ids->len;
      g_ptr_array_add (e->group_ids, g_strdup (mt_entity_get_id (MT_ENTITY (g))));
      gtk_string_list_append (groups, mt_page_nonnull (mt_group_get_name (g)));
    }
  e->group = mt_editor_add_combo (group, _("Group"), "group-row", groups, group_selected);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Contact"));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  e->email = mt_editor_add_entry (group, _("Email"), "email-row", delegate ? mt_delegate_get_email (delegate) : NULL);
  gtk_editable_set_enable_undo (GTK_EDITABLE (e->email), TRUE);
  adw_entry_row_set_input_purpose (e->email, GTK_INPUT_PURPOSE_EMAIL);
  e->phone = mt_editor_add_entry (group, _("Phone"), "phone-row", delegate ? mt_delegate_get_phone (delegate) : NULL);
  adw_entry_row_set_input_purpose (e->phone, GTK_INPUT_PURPOSE_PHONE);
  {
    g_autofree char *languages = delegate ? mt_page_join_list (mt_delegate_get_languages (delegate)) : NULL;

    e->languages = mt_editor_add_entry (group, _("Languages (zh, en, …)"), "languages-row", languages);
  }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Needs and Notes"));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  e->dietary = mt_editor_add_entry (group, _("Dietary needs"), "dietary-row", delegate ? mt_delegate_get_dietary (delegate) : NULL);
  e->access = mt_editor_add_entry (group, _("Access needs"), "access-row", delegate ? mt_delegate_get_access (delegate) : NULL);
  e->notes = mt_editor_add_entry (group, _("Notes"), "notes-row", delegate ? mt_delegate_get_notes (delegate) : NULL);

  if (delegate != NULL)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Delegate"));

      gtk_widget_set_name (delete, "delete-button");
      gtk_widget_set_halign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "destructive-action");
      gtk_widget_add_css_class (delete, "pill");
      g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_editor_delete), e);
      group = adw_preferences_group_new ();
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), delete);
      adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
    }

  g_signal_connect_swapped (e->name, "changed", G_CALLBACK (on_editor_name_changed), e);
  on_editor_name_changed (e);
  gtk_window_present (e->window);
  gtk_widget_grab_focus (GTK_WIDGET (e->name));
  return e->window;
}

