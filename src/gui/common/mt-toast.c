/* mt-toast.c: telling the user what happened: a toast over the window for
 * what an edit did, a dialog for what could not be done; and asking before
 * what cannot be taken back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-toast"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mt-toast.h"

/* the toast overlay under @root, for a toast asked of a whole window */
static GtkWidget *
find_overlay (GtkWidget *root)
{
  if (ADW_IS_TOAST_OVERLAY (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
mt_toast_show (GtkWidget  *widget,
               const char *title,
               const char *button_label,
               const char *action_name)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);

  if (GTK_IS_WINDOW (widget))
    overlay = find_overlay (widget);
  else
    overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (button_label != NULL && action_name != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
mt_toast_show_undo (GtkWidget  *widget,
                    const char *title)
{
  mt_toast_show (widget, title, _("_Undo"), "win.undo");
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
mt_show_error (GtkWidget  *parent,
               const char *heading,
               const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (window_of (parent), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GtkWidget *
mt_ask (GtkWidget  *parent,
        const char *heading,
        const char *body,
        const char *cancel_id,
        const char *cancel_label,
        ...)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (parent), heading, body));
  const char *default_id = cancel_id;
  const char *id;
  va_list args;

  adw_message_dialog_add_response (dialog, cancel_id, cancel_label);
  va_start (args, cancel_label);
  while ((id = va_arg (args, const char *)) != NULL)
    {
      const char *label = va_arg (args, const char *);
      AdwResponseAppearance appearance = va_arg (args, int);

      adw_message_dialog_add_response (dialog, id, label);
      adw_message_dialog_set_response_appearance (dialog, id, appearance);
      if (appearance == ADW_RESPONSE_SUGGESTED)
        default_id = id;
    }
  va_end (args);
  adw_message_dialog_set_default_response (dialog, default_id);
  adw_message_dialog_set_close_response (dialog, cancel_id);
  return GTK_WIDGET (dialog);
}
