/* mt-window-tools.c: the window's tools beside its document: the tour's
 * details, Export…, Print…, Import…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-csv.h"
#include "mt-export-dialog.h"
#include "mt-file-io.h"
#include "mt-ical.h"
#include "mt-import-dialog.h"
#include "mt-import-preview.h"
#include "mt-print-dialog.h"
#include "mt-toast.h"
#include "mt-tour-details-dialog.h"
#include "mt-window-private.h"

GtkWidget *
mt_window_show_details (MtWindow *self,
                        gboolean  new_tour)
{
  g_autofree char *zone = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (MT_IS_WINDOW (self), NULL);

  if (new_tour)
    zone = g_settings_get_string (self->settings, "default-time-zone");
  dialog = mt_tour_details_dialog_new (GTK_WINDOW (self), self->tour, new_tour, zone);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
tour_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  mt_window_show_details (MT_WINDOW (widget), FALSE);
}

GtkWidget *
mt_window_show_export (MtWindow   *self,
                       const char *delegate_id)
{
  GtkWidget *dialog;

  g_return_val_if_fail (MT_IS_WINDOW (self), NULL);

  dialog = mt_export_dialog_new (GTK_WINDOW (self), self->tour);
  if (delegate_id != NULL && *delegate_id != '\0')
    mt_scope_chooser_select_delegate (mt_export_dialog_get_scope (MT_EXPORT_DIALOG (dialog)), delegate_id, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* win.export-for: Export… for a delegate (a delegate's schedule) */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  mt_window_show_export (MT_WINDOW (widget), parameter ? g_variant_get_string (parameter, NULL) : NULL);
}

GtkWidget *
mt_window_show_print (MtWindow   *self,
                      const char *delegate_id)
{
  GtkWidget *dialog;

  g_return_val_if_fail (MT_IS_WINDOW (self), NULL);

  dialog = mt_print_dialog_new (GTK_WINDOW (self), self->tour);
  if (delegate_id != NULL && *delegate_id != '\0')
    mt_scope_chooser_select_delegate (mt_print_dialog_get_scope (MT_PRINT_DIALOG (dialog)), delegate_id, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* win.print-for: Print… for a delegate */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  mt_window_show_print (MT_WINDOW (widget), parameter ? g_variant_get_string (parameter, NULL) : NULL);
}

/* Import… */

static void
show_import_error (MtWindow     *self,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: “%s” is a file's name */
  g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);

  mt_show_error (GTK_WIDGET (self), heading, error->message);
}

static void
on_import_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MtWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = mt_file_load_contents_finish (result, &error);
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  GtkWidget *dialog;

  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_import_error (self, G_FILE (source), error);
      return;
    }
  dialog = mt_import_dialog_new (GTK_WINDOW (self), self->tour, bytes, name, &error);
  if (dialog == NULL)
    {
      show_import_error (self, G_FILE (source), error);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

void
mt_window_import_file (MtWindow *self,
                       GFile    *file)
{
  g_return_if_fail (MT_IS_WINDOW (self));
  g_autofree char *name = NULL;
  gsize max_size;

  g_return_if_fail (G_IS_FILE (file));

  /* read in a thread, and no more than a calendar or a roster may be: a
   * file of gigabytes is refused, not read in first */
  name = g_file_get_basename (file);
  /* a roster when its name says so, whatever it holds; else it may be a
   * calendar, the larger */
  max_size = mt_import_kind_guess (name, "BEGIN:VCALENDAR", 15) == MT_IMPORT_ROSTER
             ? MT_CSV_MAX_FILE_SIZE : MT_ICAL_MAX_FILE_SIZE;
  mt_file_load_contents_async (file, max_size, self->cancellable, on_import_loaded, g_object_ref (self));
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    MtWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      mt_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);
  g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) calendars = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) rosters = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (both, _("Calendars and Rosters"));
  gtk_file_filter_set_name (calendars, _("Calendars (iCalendar)"));
  gtk_file_filter_set_name (rosters, _("Rosters (CSV)"));
  gtk_file_filter_add_mime_type (calendars, "text/calendar");
  gtk_file_filter_add_suffix (calendars, "ics");
  gtk_file_filter_add_mime_type (rosters, "text/csv");
  gtk_file_filter_add_suffix (rosters, "csv");
  gtk_file_filter_add_suffix (rosters, "tsv");
  gtk_file_filter_add_mime_type (both, "text/calendar");
  gtk_file_filter_add_mime_type (both, "text/csv");
  gtk_file_filter_add_suffix (both, "ics");
  gtk_file_filter_add_suffix (both, "csv");
  gtk_file_filter_add_suffix (both, "tsv");

  chooser = gtk_file_chooser_native_new (_("Import a Calendar or a Roster"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), both);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), calendars);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), rosters);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_mt_window_tools_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-for", "s", print_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-for", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.tour-details", NULL, tour_details_action);
}
