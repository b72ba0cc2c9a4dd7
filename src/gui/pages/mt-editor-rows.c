/* mt-editor-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-editor-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-editor-rows.h"

GtkWindow *
mt_editor_window_new (GtkWidget           *parent,
                      const char          *title,
                      const char          *subtitle,
                      int                  width,
                      int                  height,
                      const char          *save_label,
                      GtkWidget          **save_button,
                      AdwPreferencesPage **page)
{
  GtkWidget *window = adw_window_new ();
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (save_label);
  GtkWidget *content = adw_preferences_page_new ();

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_title (GTK_WINDOW (window), title);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_widget_set_name (cancel, "cancel-button");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_widget_set_name (save, "save-button");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (window), box);

  *save_button = save;
  *page = ADW_PREFERENCES_PAGE (content);
  return GTK_WINDOW (window);
}

AdwEntryRow *
mt_editor_add_entry (GtkWidget  *group,
                     const char *title,
                     const char *name,
                     const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

AdwComboRow *
mt_editor_add_combo (GtkWidget     *group,
                     const char    *title,
                     const char    *name,
                     GtkStringList *items,
                     guint          selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (items));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_unref (items);
  return ADW_COMBO_ROW (row);
}

char *
mt_editor_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

void
mt_editor_apply_text (gpointer     object,
                      const char  *property,
                      GtkEditable *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (row)));

  g_return_if_fail (G_IS_OBJECT (object));
  g_object_set (object, property, *text != '\0' ? text : NULL, NULL);
}
