/* mt-window-file.c: a window's document: save, save as, close, recent files
 *
 * Saving runs in a worker thread (mt_tour_save_file_async); the tour counts
 * as saved only if nothing changed while it was written. A failed save is
 * shown in a dialog and changes nothing: the tour stays open and dirty, and
 * its autosave stays on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-export-logic.h"
#include "mt-toast.h"
#include "mt-window-private.h"

#define MT_MIME_TYPE "application/x-mediatour+json"
#define MAX_RECENT 8

typedef struct
{
  MtWindow *window;
  GFile    *file;
  guint64   n_changes;
  gboolean  close_after;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

static void save_as (MtWindow *self,
                     gboolean  close_after);

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   MtWindow         *self)
{
  if (g_strcmp0 (response, "save-as") == 0)
    save_as (self, FALSE);
}

static void
show_save_error (MtWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: the body of the save error dialog */
  body = g_strdup_printf (_("%s\n\nYour changes are still here and in the autosave. Save the tour somewhere else, or try again."),
                          error->message);
  dialog = mt_ask (GTK_WIDGET (self), _("Could Not Save the Tour"), body,
                   "close", _("_Close"),
                   "save-as", _("Save _As…"), ADW_RESPONSE_SUGGESTED,
                   NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_mt_window_add_recent (MtWindow *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  GtkRecentData data = { 0 };

  if (self->file == NULL)
    return;

  uri = g_file_get_uri (self->file);
  name = g_file_get_basename (self->file);
  data.display_name = name;
  data.mime_type = (char *) MT_MIME_TYPE;
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "mediatour %u";
  gtk_recent_manager_add_full (self->recent, uri, &data);

  if (g_file_get_path (self->file) != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);

      g_settings_set_string (self->settings, "last-file", path);
    }
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SaveData *data = user_data;
  MtWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = mt_tour_save_file_finish (result, &error);
  self->saving = FALSE;

  if (ok)
    {
      if (self->file == NULL || !g_file_equal (self->file, data->file))
        {
          g_set_object (&self->file, data->file);
          mt_recovery_set_file (self->recovery, data->file);
          g_object_notify (G_OBJECT (self), "file");
        }
      /* edits made while it was written are not in the file */
      if (self->n_changes == data->n_changes)
        {
          mt_history_mark_saved (mt_tour_get_history (self->tour));
          self->unsaved = FALSE;
          mt_recovery_discard (self->recovery);
        }
      _mt_window_add_recent (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_save_error (self, data->file, error);
    }

  _mt_window_update_title (self);
  _mt_window_update_actions (self);
  _mt_window_emit_save_finished (self, ok);

  if (ok && data->close_after)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  save_data_free (data);
}

static void
save_to (MtWindow *self,
         GFile    *file,
         gboolean  close_after)
{
  SaveData *data;

  if (self->saving)
    return;

  /* the autosave is current before the file is replaced */
  mt_recovery_flush (self->recovery, NULL);

  data = g_new0 (SaveData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->n_changes = self->n_changes;
  data->close_after = close_after;

  self->saving = TRUE;
  _mt_window_update_actions (self);
  mt_tour_save_file_async (self->tour, file, self->cancellable, save_done, data);
}

void
mt_window_save_to (MtWindow *self,
                   GFile    *file)
{
  g_return_if_fail (MT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  save_to (self, file, FALSE);
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     MtWindow        *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "close-after"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      /* a tour file has its extension, so the file manager knows it */
      if (path != NULL && !g_str_has_suffix (path, ".mtour"))
        {
          g_autofree char *with_suffix = g_strconcat (path, ".mtour", NULL);

          g_set_object (&file, g_file_new_for_path (with_suffix));
        }
      save_to (self, file, close_after);
    }
  g_object_unref (chooser);
}

GtkFileFilter *
_mt_window_new_tour_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Media Tours"));
  gtk_file_filter_add_mime_type (filter, MT_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "mtour");
  return filter;
}

static void
save_as (MtWindow *self,
         gboolean  close_after)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = _mt_window_new_tour_filter ();
  g_autoptr(GHashTable) names = mt_export_names_new ();
  g_autofree char *name = NULL;
  const char *title = mt_tour_get_title (self->tour);

  chooser = gtk_file_chooser_native_new (_("Save Tour"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (self->file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
    }
  else
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      /* in the user's documents, named after the tour */
      if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GFile) folder = g_file_new_for_path (documents);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
      /* Translators: the file name offered for a new tour, without extension */
      name = mt_export_file_name (title, _("Untitled tour"), "mtour", names);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_object_set_data (G_OBJECT (chooser), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_as_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);

  if (self->file != NULL)
    save_to (self, self->file, FALSE);
  else
    save_as (self, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (MT_WINDOW (widget), FALSE);
}

/* Closing */

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   MtWindow         *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->close_confirmed = TRUE;
      mt_recovery_discard (self->recovery);
      /* after the dialog, which is transient for the window, has gone */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      if (self->file != NULL)
        save_to (self, self->file, TRUE);
      else
        save_as (self, TRUE);
    }
}

gboolean
_mt_window_close_request (GtkWindow *window)
{
  MtWindow *self = MT_WINDOW (window);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  const char *title;

  if (self->close_confirmed || !mt_window_get_dirty (self))
    {
      mt_recovery_discard (self->recovery);
      return FALSE;
    }
  if (self->saving)
    return TRUE;

  title = mt_tour_get_title (self->tour);
  /* Translators: “%s” is the tour's title */
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                          title && *title ? title : _("Untitled Tour"));
  dialog = mt_ask (GTK_WIDGET (window), _("Save Changes?"), body,
                   "cancel", _("_Cancel"),
                   "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE,
                   "save", _("_Save"), ADW_RESPONSE_SUGGESTED,
                   NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Recent files, in the Open button's menu */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *tb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return -g_date_time_compare (ta, tb);
}

static void
update_recent_menu (MtWindow *self)
{
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GPtrArray) tours = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (self->recent);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if ((g_strcmp0 (gtk_recent_info_get_mime_type (info), MT_MIME_TYPE) == 0
           || g_str_has_suffix (gtk_recent_info_get_uri (info), ".mtour"))
          && gtk_recent_info_exists (info))
        g_ptr_array_add (tours, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (tours, compare_recent);

  for (guint i = 0; i < MIN (tours->len, MAX_RECENT); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (tours, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (section, item);
    }

  g_menu_remove_all (self->recent_menu);
  if (tours->len > 0)
    g_menu_append_section (self->recent_menu, _("Recent Tours"), G_MENU_MODEL (section));
  else
    {
      g_autoptr(GMenuItem) none = g_menu_item_new (_("No Recent Tours"), "app.no-recent");

      g_menu_append_item (self->recent_menu, none);
    }
}

void
_mt_window_file_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
}

void
_mt_window_file_init (MtWindow *self)
{
  self->recent = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent, "changed", G_CALLBACK (update_recent_menu), self,
                           G_CONNECT_SWAPPED);
  update_recent_menu (self);
}
