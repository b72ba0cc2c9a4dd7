/* mt-share-dialog.c: "Share…" and "Open Shared Tour…"
 *
 * The primary button runs the server check first where it has not run on
 * what the entries hold now, and goes on only where the server is
 * accepted. Whatever fails is said below the entries, in the server's
 * words; the dialog stays open to fix it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-sync-ui-resources.h"
#include "mt-server-check.h"
#include "mt-share-dialog.h"
#include "mt-sync.h"

typedef enum
{
  MODE_SHARE,
  MODE_OPEN,
} Mode;

typedef enum
{
  CHECK_NONE,
  CHECK_ACCEPTED,
  CHECK_REFUSED,
  CHECK_FAILED,
} CheckResult;

struct _MtShareDialog
{
  AdwWindow         parent_instance;

  /* template children */
  GtkButton        *primary_button;
  GtkButton        *cancel_button;
  GtkSpinner       *spinner;
  GtkLabel         *intro_label;
  AdwEntryRow      *url_row;
  AdwEntryRow      *user_row;
  AdwEntryRow      *password_row;
  AdwActionRow     *check_row;
  GtkImage         *check_image;
  AdwPreferencesGroup *shared_group;
  AdwActionRow     *address_row;
  GtkLabel         *error_label;

  /* owned */
  MtSyncController *controller;   /* MODE_SHARE */
  GCancellable     *cancellable;
  GFile            *fetching;     /* MODE_OPEN: where the tour goes */
  char             *verdict;

  Mode              mode;
  CheckResult       check;        /* of what the entries hold now */
  guint             busy : 1;
  guint             go_on : 1;    /* after the check, the primary action */
  guint             done : 1;     /* shared: the primary button closes */
};

G_DEFINE_FINAL_TYPE (MtShareDialog, mt_share_dialog, ADW_TYPE_WINDOW)

enum {
  TOUR_OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void primary_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter);

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
file_name (MtShareDialog *self)
{
  GFile *file = self->controller != NULL ? mt_sync_controller_get_file (self->controller) : NULL;

  return file != NULL ? g_file_get_basename (file) : NULL;
}

/* the tour's address from the entry, or NULL with the reason shown */
static char *
tour_url (MtShareDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = self->mode == MODE_SHARE ? file_name (self) : NULL;
  char *url = mt_sync_tour_url_from_input (text_of (self->url_row), name, &error);

  if (url == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  return url;
}

static void
update (MtShareDialog *self)
{
  gboolean filled = text_of (self->url_row)[0] != '\0' && text_of (self->user_row)[0] != '\0' &&
                    text_of (self->password_row)[0] != '\0';
  gboolean shared = self->controller != NULL && mt_sync_controller_get_shared (self->controller);

  if (self->done)
    gtk_button_set_label (self->primary_button, _("_Done"));
  else if (self->mode == MODE_OPEN)
    gtk_button_set_label (self->primary_button, _("_Open"));
  else
    gtk_button_set_label (self->primary_button, shared ? _("_Share Again") : _("_Share"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "share.primary", !self->busy && (self->done || filled));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "share.check", !self->busy && filled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "share.stop", !self->busy && shared);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !self->busy);

  gtk_widget_set_visible (GTK_WIDGET (self->shared_group), shared);
  if (shared)
    adw_action_row_set_subtitle (self->address_row, mt_sync_controller_get_url (self->controller));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !self->done);
}

static void
set_busy (MtShareDialog *self,
          gboolean       busy)
{
  self->busy = !!busy;
  if (busy)
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update (self);
}

static void
show_error (MtShareDialog *self,
            const GError  *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
on_input_changed (MtShareDialog *self)
{
  self->check = CHECK_NONE;
  self->done = FALSE;
  update (self);
}

static void
on_entry_activated (MtShareDialog *self)
{
  if (gtk_widget_is_sensitive (GTK_WIDGET (self->primary_button)))
    gtk_widget_activate (GTK_WIDGET (self->primary_button));
}

/* The server check */

static void
show_verdict (MtShareDialog *self,
              CheckResult    result,
              const char    *title,
              const char    *message,
              const char    *icon_name)
{
  self->check = result;
  g_free (self->verdict);
  self->verdict = g_strdup (message);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_row), title);
  adw_action_row_set_subtitle (self->check_row, message);
  gtk_image_set_from_icon_name (self->check_image, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_image), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_image), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_image), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->check_image),
                            result == CHECK_ACCEPTED ? "success" : result == CHECK_REFUSED ? "warning" : "error");
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MtShareDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtServerCheck) check = mt_server_check_finish (MT_DAV_CLIENT (source), result, &error);
  gboolean go_on = self->go_on;

  self->go_on = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (check == NULL)
    /* Translators: the server check could not finish: the connection, TLS or the password */
    show_verdict (self, CHECK_FAILED, _("Could not check the server"), error->message, "dialog-error-symbolic");
  else if (check->accepted)
    /* Translators: the server check's verdict */
    show_verdict (self, CHECK_ACCEPTED, _("Accepted"), check->message, "emblem-ok-symbolic");
  else
    show_verdict (self, CHECK_REFUSED, _("Refused"), check->message, "dialog-warning-symbolic");
  set_busy (self, FALSE);

  if (go_on && self->check == CHECK_ACCEPTED)
    primary_action (GTK_WIDGET (self), NULL, NULL);
}

static void
run_check (MtShareDialog *self)
{
  g_autofree char *url = tour_url (self);
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autoptr(MtDavClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (url == NULL)
    {
      self->go_on = FALSE;
      return;
    }
  if (!mt_sync_split_url (url, &folder, &name, &error) ||
      (client = mt_dav_client_new (folder, text_of (self->user_row), text_of (self->password_row), &error)) == NULL)
    {
      self->go_on = FALSE;
      show_error (self, error);
      return;
    }
  set_busy (self, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_row), _("Checking the server…"));
  adw_action_row_set_subtitle (self->check_row, folder);
  mt_server_check_async (client, self->cancellable, check_done, g_object_ref (self));
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run_check (MT_SHARE_DIALOG (widget));
}

/* Sharing */

static void
shared_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MtShareDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mt_sync_controller_share_finish (MT_SYNC_CONTROLLER (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error);
      return;
    }
  self->done = TRUE;
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), mt_sync_controller_get_url (self->controller));
  /* the entry's change above is not an edit to share again */
  self->done = TRUE;
  self->check = CHECK_ACCEPTED;
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->primary_button));
}

/* Opening */

static void
fetched_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MtShareDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = mt_sync_fetch_finish (result, &error);

  if (tour == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error);
      return;
    }
  set_busy (self, FALSE);
  g_signal_emit (self, signals[TOUR_OPENED], 0, tour, self->fetching);
  gtk_window_close (GTK_WINDOW (self));
}

/* a tour fetched before opens once the password is kept: its window
 * looks it up */
static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MtShareDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  /* where it was not kept, the window says so when it looks for it */
  mt_sync_keep_password_finish (result, &error);
  set_busy (self, FALSE);
  g_signal_emit (self, signals[TOUR_OPENED], 0, NULL, self->fetching);
  gtk_window_close (GTK_WINDOW (self));
}

static void
open_tour (MtShareDialog *self,
           const char    *url)
{
  gboolean exists;
  g_autoptr(GFile) file = mt_sync_dup_shared_file (url, &exists);

  g_set_object (&self->fetching, file);
  set_busy (self, TRUE);
  if (exists)
    {
      /* fetched before: the window syncs it as it opens */
      mt_sync_keep_password_async (url, text_of (self->user_row), text_of (self->password_row),
                                   stored_cb, g_object_ref (self));
      return;
    }
  mt_sync_fetch_async (url, text_of (self->user_row), text_of (self->password_row), file,
                       self->cancellable, fetched_done, g_object_ref (self));
}

static void
primary_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MtShareDialog *self = MT_SHARE_DIALOG (widget);
  g_autofree char *url = NULL;

  if (self->done)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  url = tour_url (self);
  if (url == NULL)
    return;
  if (self->mode == MODE_OPEN)
    {
      open_tour (self, url);
      return;
    }
  /* sharing through a server that would lose edits: not without a check */
  if (self->check == CHECK_NONE)
    {
      self->go_on = TRUE;
      run_check (self);
      return;
    }
  if (self->check != CHECK_ACCEPTED)
    return;
  set_busy (self, TRUE);
  mt_sync_controller_share_async (self->controller, url, text_of (self->user_row), text_of (self->password_row),
                                  self->cancellable, shared_done, g_object_ref (self));
}

/* Stopping */

static void
on_stop_response (AdwMessageDialog *dialog,
                  const char       *response,
                  MtShareDialog    *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "stop") != 0)
    return;
  if (!mt_sync_controller_stop_sharing (self->controller, &error))
    {
      show_error (self, error);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MtShareDialog *self = MT_SHARE_DIALOG (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Stop Sharing?"),
                                              _("This copy of the tour no longer syncs, and edits made here stay "
                                                "here. The tour stays on the server for the other organisers."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "stop", _("_Stop Sharing"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_stop_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_address_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MtShareDialog *self = MT_SHARE_DIALOG (widget);

  if (self->controller != NULL && mt_sync_controller_get_url (self->controller) != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), mt_sync_controller_get_url (self->controller));
}

/* GObject */

static gboolean
mt_share_dialog_close_request (GtkWindow *window)
{
  MtShareDialog *self = MT_SHARE_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (mt_share_dialog_parent_class)->close_request (window);
}

static void
mt_share_dialog_dispose (GObject *object)
{
  MtShareDialog *self = MT_SHARE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_SHARE_DIALOG);
  G_OBJECT_CLASS (mt_share_dialog_parent_class)->dispose (object);
}

static void
mt_share_dialog_finalize (GObject *object)
{
  MtShareDialog *self = MT_SHARE_DIALOG (object);

  g_clear_object (&self->controller);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->fetching);
  g_free (self->verdict);
  G_OBJECT_CLASS (mt_share_dialog_parent_class)->finalize (object);
}

static void
mt_share_dialog_class_init (MtShareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_share_dialog_dispose;
  object_class->finalize = mt_share_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = mt_share_dialog_close_request;

  /**
   * MtShareDialog::tour-opened:
   * @tour: (nullable): the tour fetched, or NULL where @file holds it already
   * @file: where the tour is kept
   */
  signals[TOUR_OPENED] =
    g_signal_new ("tour-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, MT_TYPE_TOUR, G_TYPE_FILE);

  (void) mt_sync_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mediatour/Planner/sync/mt-share-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, primary_button);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, check_row);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, check_image);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, shared_group);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, MtShareDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "share.primary", NULL, primary_action);
  gtk_widget_class_install_action (widget_class, "share.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "share.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "share.copy-address", NULL, copy_address_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mt_share_dialog_init (MtShareDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

MtShareDialog *
mt_share_dialog_new_share (GtkWindow        *parent,
                           MtSyncController *controller)
{
  MtShareDialog *self;
  const char *title;

  g_return_val_if_fail (MT_IS_SYNC_CONTROLLER (controller), NULL);

  self = g_object_new (MT_TYPE_SHARE_DIALOG, "transient-for", parent, NULL);
  self->mode = MODE_SHARE;
  self->controller = g_object_ref (controller);
  title = mt_tour_get_title (mt_sync_controller_get_tour (controller));
  gtk_window_set_title (GTK_WINDOW (self), _("Share Tour"));
  {
    g_autofree char *intro =
      /* Translators: %s is the tour's title */
      g_strdup_printf (_("Organisers who open “%s” from the server with their own user name edit it together "
                         "with you, each on their own copy, online or not. Any WebDAV server that keeps every "
                         "organiser’s edits will do: Nextcloud, ownCloud, Apache or lighttpd."),
                       title != NULL && title[0] != '\0' ? title : _("Untitled Tour"));

    gtk_label_set_text (self->intro_label, intro);
  }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->url_row),
                               _("A folder (https://server/folder/) gets the tour’s file name"));
  if (mt_sync_controller_get_shared (controller))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), mt_sync_controller_get_url (controller));
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), mt_sync_controller_get_user (controller));
      self->done = TRUE;
    }
  g_signal_connect_object (controller, "status-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return self;
}

MtShareDialog *
mt_share_dialog_new_open (GtkWindow *parent)
{
  MtShareDialog *self = g_object_new (MT_TYPE_SHARE_DIALOG, "transient-for", parent, NULL);

  self->mode = MODE_OPEN;
  gtk_window_set_title (GTK_WINDOW (self), _("Open Shared Tour"));
  gtk_label_set_text (self->intro_label,
                      _("Enter the address of the tour another organiser shared (it ends in .mtour), with "
                        "your own user name and password on that server. The tour opens in a new window and "
                        "stays in step with theirs."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), _("Tour address"));
  update (self);
  return self;
}

const char *
mt_share_dialog_get_verdict (MtShareDialog *self)
{
  g_return_val_if_fail (MT_IS_SHARE_DIALOG (self), NULL);
  return self->verdict;
}

gboolean
mt_share_dialog_get_busy (MtShareDialog *self)
{
  g_return_val_if_fail (MT_IS_SHARE_DIALOG (self), FALSE);
  return self->busy;
}
