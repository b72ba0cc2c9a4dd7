/* mt-window-tools.c: the window's tools beside its document: the tour's
 * details, Export…, Print…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-export-dialog.h"
#include "mt-print-dialog.h"
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

void
_mt_window_tools_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-for", "s", print_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-for", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.tour-details", NULL, tour_details_action);
}
