/* test-sync-window.c: sharing a tour through the window's real widgets,
 * against real WebDAV servers
 *
 * Runs under xvfb-run with a private Secret Service
 * (tests/sync/servers/mt-test-keyring.sh) and starts Apache and nginx
 * with tests/sync/servers/mt-test-server.sh. Two organisers are two
 * windows of this process, each with its own copy of the tour, its own
 * sync state and replica, and its own user on the server: Lin shares the
 * tour through the share dialog, Wei opens it through "Open Shared
 * Tour…". Screenshots of the dialogs, the header bar's states, the
 * changes panel and the feeds go to <build>/tests/gui/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gui-test-util.h"
#include "mt-changes-panel.h"
#include "mt-day-column.h"
#include "mt-feeds-dialog.h"
#include "mt-feeds.h"
#include "mt-itinerary-view.h"
#include "mt-preferences-window.h"
#include "mt-qr-code.h"
#include "mt-share-dialog.h"
#include "mt-sync-indicator.h"
#include "mt-visit-card.h"
#include "mt-visit-editor.h"
#include "mt-window.h"
#include "mt-test-content.h"
#include "sync-test-util.h"

#define EHANG "EHang: the low-altitude economy"

static MtApplication *app;
static char *tmp_dir;
static TestServer *apache;

/* Helpers */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = find_named (root, name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();
}

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  GtkWidget *row = find_named (root, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static MtSyncIndicator *
indicator_of (MtWindow *window)
{
  return MT_SYNC_INDICATOR (gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_SYNC_INDICATOR));
}

static MtChangesPanel *
panel_of (MtWindow *window)
{
  return MT_CHANGES_PANEL (gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_CHANGES_PANEL));
}

static MtDayColumn *
column_of (MtWindow *window,
           guint     day)
{
  return MT_DAY_COLUMN (mt_itinerary_view_get_column (MT_ITINERARY_VIEW (mt_window_get_itinerary (window)), day));
}

typedef struct
{
  MtSyncController *sync;
  MtSyncStatusKind  kind;
} StatusWait;

static gboolean
has_status (gpointer data)
{
  StatusWait *wait = data;
  const MtSyncStatus *status = mt_sync_controller_get_status (wait->sync);

  return status != NULL && status->kind == wait->kind;
}

static void
wait_for_status (MtWindow         *window,
                 MtSyncStatusKind  kind)
{
  StatusWait wait = { mt_window_get_sync (window), kind };

  if (!gui_test_wait_until (has_status, &wait))
    g_error ("the sync state of %s stayed “%s” (%s), not %d", g_file_peek_path (mt_window_get_file (window)),
             mt_sync_controller_get_status (wait.sync)->title, mt_sync_controller_get_status (wait.sync)->detail, kind);
}

static gboolean
is_idle (gpointer data)
{
  MtSyncController *sync = data;

  return mt_sync_controller_get_settled (sync) && mt_sync_controller_get_n_pending (sync) != MT_SYNC_PENDING_UNKNOWN;
}

/* syncs @window now, as Ctrl+R does, and waits until it is done */
static void
sync_now (MtWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-now", NULL);
  gui_test_iterate ();
  g_assert_true (gui_test_wait_until (is_idle, mt_window_get_sync (window)));
  wait_for_status (window, mt_sync_controller_get_status (mt_window_get_sync (window))->kind == MT_SYNC_STATUS_CONFLICTS
                           ? MT_SYNC_STATUS_CONFLICTS : MT_SYNC_STATUS_SYNCED);
}

/* A copy of the sample saved in a folder of its own, open in a window.
 * Each first sync of a copy publishes a feed for each delegate: the tests
 * that are not about the feeds keep six delegates of the sample's 108. */
static MtWindow *
open_tour_file_with (const char *name,
                     gboolean    all_delegates)
{
  g_autofree char *dir = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *path = g_build_filename (dir, "guangdong.mtour", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GError) error = NULL;
  MtWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  while (!all_delegates && g_list_model_get_n_items (mt_tour_get_delegates (sample)) > 6)
    {
      g_autoptr(MtEntity) delegate = g_list_model_get_item (mt_tour_get_delegates (sample), 6);

      mt_tour_remove (sample, delegate);
    }
  g_assert_true (mt_tour_save_file (sample, file, NULL, &error));
  tour = mt_tour_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  window = mt_application_add_window (app, tour, file);
  mt_sync_controller_set_delays (mt_window_get_sync (window), 100, 300);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

static MtWindow *
open_tour_file (const char *name)
{
  return open_tour_file_with (name, FALSE);
}

static MtShareDialog *
open_share_dialog (MtWindow *window)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.share", NULL);
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (MT_TYPE_SHARE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  return MT_SHARE_DIALOG (dialog);
}

static gboolean
dialog_idle (gpointer data)
{
  return !mt_share_dialog_get_busy (data);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

static void
fill_account (GtkWidget  *dialog,
              const char *url,
              const char *user,
              const char *password)
{
  gint64 until = g_get_monotonic_time () + 400 * 1000;

  type_into (dialog, "url-row", url);
  type_into (dialog, "user-row", user);
  type_into (dialog, "password-row", password);
  /* the rows' titles have moved up out of the text, as a screenshot shows */
  g_assert_true (gui_test_wait_until (time_passed, &until));
}

/* The server check through the dialog: its verdict */
static char *
check_server (MtShareDialog *dialog,
              const char    *url,
              const char    *user,
              const char    *password)
{
  fill_account (GTK_WIDGET (dialog), url, user, password);
  /* the check runs from the click on (it may be over when the click is) */
  click (GTK_WIDGET (dialog), "check-button");
  g_assert_true (gui_test_wait_until (dialog_idle, dialog));
  g_assert_nonnull (mt_share_dialog_get_verdict (dialog));
  return g_strdup (mt_share_dialog_get_verdict (dialog));
}

/* Lin shares the tour in @window in a new folder of @server */
static char *
share_through_dialog (MtWindow   *window,
                      TestServer *server,
                      const char *screenshot)
{
  MtShareDialog *dialog = open_share_dialog (window);
  g_autofree char *folder = test_server_new_folder (server);

  fill_account (GTK_WIDGET (dialog), folder, "lin", "lin-secret");
  if (screenshot != NULL)
    {
      g_autofree char *name = g_strconcat (screenshot, "-filled", NULL);

      g_free (gui_test_screenshot (GTK_WIDGET (dialog), name));
    }
  /* Share runs the server check first, then uploads */
  click (GTK_WIDGET (dialog), "primary-button");
  g_assert_true (gui_test_wait_until (dialog_idle, dialog));
  if (!mt_sync_controller_get_shared (mt_window_get_sync (window)))
    g_error ("not shared: %s / %s", mt_share_dialog_get_verdict (dialog),
             gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog), "error-label"))));
  if (screenshot != NULL)
    g_free (gui_test_screenshot (GTK_WIDGET (dialog), screenshot));
  click (GTK_WIDGET (dialog), "primary-button");   /* Done */
  g_assert_null (gui_test_find_toplevel (MT_TYPE_SHARE_DIALOG, GTK_WINDOW (window)));
  wait_for_status (window, MT_SYNC_STATUS_SYNCED);
  return g_strdup (mt_sync_controller_get_url (mt_window_get_sync (window)));
}

typedef struct
{
  GFile    *file;
  MtWindow *window;
} Opened;

static gboolean
window_with_file (gpointer data)
{
  Opened *opened = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (MT_IS_WINDOW (l->data) && mt_window_get_file (l->data) != NULL &&
        g_file_equal (mt_window_get_file (l->data), opened->file))
      {
        opened->window = l->data;
        return TRUE;
      }
  return FALSE;
}

static MtWindow *
wait_for_window (GFile *file)
{
  Opened opened = { file, NULL };

  g_assert_true (gui_test_wait_until (window_with_file, &opened));
  gui_test_wait_for_frame (GTK_WIDGET (opened.window));
  return opened.window;
}

static gboolean
shared_window_opened (gpointer data)
{
  Opened *opened = data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    if (MT_IS_WINDOW (l->data) && mt_window_get_file (l->data) != NULL &&
        g_str_has_prefix (g_file_peek_path (mt_window_get_file (l->data)), g_get_user_data_dir ()))
      {
        opened->window = l->data;
        return TRUE;
      }
  return FALSE;
}

/* Wei opens the tour at @url through "Open Shared Tour…" */
static MtWindow *
open_shared (const char *url,
             const char *screenshot)
{
  GtkWidget *dialog;
  Opened opened = { NULL, NULL };

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-shared", NULL);
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (MT_TYPE_SHARE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  fill_account (dialog, url, "wei", "wei-secret");
  if (screenshot != NULL)
    g_free (gui_test_screenshot (dialog, screenshot));
  click (dialog, "primary-button");
  g_assert_true (gui_test_wait_until (shared_window_opened, &opened));
  mt_sync_controller_set_delays (mt_window_get_sync (opened.window), 100, 300);
  gui_test_wait_for_frame (GTK_WIDGET (opened.window));
  wait_for_status (opened.window, MT_SYNC_STATUS_SYNCED);
  return opened.window;
}

static void
force_close (MtWindow *window)
{
  mt_window_set_unsaved (window, FALSE);
  mt_history_mark_saved (mt_tour_get_history (mt_window_get_tour (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

/* a revealer is open: the changes panel's, or an expander row's */
static gboolean
panel_shown (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

/* opens the changes panel as a click on the header's state does */
static void
show_changes_panel (MtWindow *window)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (GTK_WIDGET (panel_of (window)), GTK_TYPE_REVEALER);

  gtk_toggle_button_set_active (mt_sync_indicator_get_toggle (indicator_of (window)), TRUE);
  g_assert_true (gui_test_wait_until (panel_shown, revealer));
}

static void
screenshot_styles (GtkWidget  *widget,
                   const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strconcat (name, "-light", NULL);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  g_free (gui_test_screenshot (widget, light));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (gui_test_screenshot (widget, dark));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
count_up (guint *count)
{
  (*count)++;
}

static gboolean
is_positive (gpointer data)
{
  return *(guint *) data > 0;
}

/* keeps a password as the dialogs do: one store at a time */
static void
keep_password (const char *url,
               const char *user,
               const char *password)
{
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;

  mt_sync_keep_password_async (url, user, password, on_done, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (mt_sync_keep_password_finish (done, &error));
  g_assert_no_error (error);
}

/* Tests */

/* Lin shares the tour through the dialog; Wei opens it in a window of
 * their own, moves a visit; Lin syncs (Ctrl+R) and the move arrives: the
 * board shows the card at its new time, marked until Lin looks at it,
 * Lin's selection stays, the changes panel says who moved what, and one
 * undo takes the whole of it back. */
static void
test_share_and_receive (void)
{
  MtWindow *lin = open_tour_file ("lin-share");
  g_autofree char *url = share_through_dialog (lin, apache, "share-dialog");
  MtWindow *wei = open_shared (url, "open-shared-dialog");
  MtTour *lin_tour = mt_window_get_tour (lin);
  MtTour *wei_tour = mt_window_get_tour (wei);
  MtVisit *ehang = mt_test_find_visit (lin_tour, EHANG);
  MtVisit *dinner = mt_test_find_visit (lin_tour, "Dinner");
  MtVisit *wei_ehang = mt_test_find_visit (wei_tour, EHANG);
  MtHistory *history = mt_tour_get_history (lin_tour);
  gint64 old_start = mt_visit_get_start (ehang);
  gint64 new_start = mt_wall_time_new (2024, 5, 14, 15, 30, 0);
  GtkWidget *card;
  MtChangesPanel *panel = panel_of (lin);
  GtkWidget *row, *ehang_row = NULL;
  guint n_synced = 0;

  /* two copies, two replicas, two names */
  g_assert_cmpstr (mt_tour_get_replica (lin_tour), !=, mt_tour_get_replica (wei_tour));
  g_assert_cmpstr (mt_sync_controller_get_user (mt_window_get_sync (wei)), ==, "wei");
  g_assert_cmpuint (g_list_model_get_n_items (mt_tour_get_visits (wei_tour)), ==,
                    g_list_model_get_n_items (mt_tour_get_visits (lin_tour)));
  g_assert_true (g_str_has_prefix (mt_sync_indicator_get_text (indicator_of (lin)), "Synced at "));

  /* Lin has another visit selected */
  mt_itinerary_view_reveal_visit (MT_ITINERARY_VIEW (mt_window_get_itinerary (lin)), dinner);
  gui_test_iterate ();
  g_assert_true (mt_day_column_get_selected (column_of (lin, 0)) == dinner);

  /* Wei moves EHang, as a drop on the board does; it goes out by itself */
  g_signal_connect_swapped (mt_window_get_sync (wei), "synced", G_CALLBACK (count_up), &n_synced);
  mt_itinerary_view_place_visit (MT_ITINERARY_VIEW (mt_window_get_itinerary (wei)), wei_ehang, new_start, FALSE);
  g_assert_true (gui_test_wait_until (is_positive, &n_synced));
  g_assert_true (gui_test_wait_until (is_idle, mt_window_get_sync (wei)));
  g_assert_cmpuint (mt_sync_controller_get_n_pending (mt_window_get_sync (wei)), ==, 0);
  g_signal_handlers_disconnect_by_func (mt_window_get_sync (wei), count_up, &n_synced);

  sync_now (lin);
  g_assert_cmpint (mt_visit_get_start (ehang), ==, new_start);
  g_assert_cmpstr (mt_history_get_undo_label (history), ==, "Changes from wei");
  g_assert_true (mt_day_column_get_selected (column_of (lin, 0)) == dinner);
  gui_test_wait_for_frame (GTK_WIDGET (lin));
  card = mt_day_column_find_card (column_of (lin, 0), ehang);
  g_assert_nonnull (card);
  g_assert_cmpstr (mt_visit_card_get_time_text (MT_VISIT_CARD (card)), ==, "15:30 – 16:30");
  g_assert_true (mt_visit_card_get_unseen (MT_VISIT_CARD (card)));
  g_assert_false (mt_visit_card_get_unseen (MT_VISIT_CARD (mt_day_column_find_card (column_of (lin, 0), dinner))));

  /* the changes panel: who moved what; a click shows it */
  show_changes_panel (lin);
  /* the visit, and its interview that moved with it */
  for (guint i = 0; (row = mt_changes_panel_get_change_row (panel, i)) != NULL; i++)
    {
      g_test_message ("change %u: %s", i, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "wei moved “" EHANG "” to 15:30") == 0)
        ehang_row = row;
    }
  g_assert_nonnull (ehang_row);
  g_assert_null (mt_changes_panel_get_change_row (panel, 2));
  screenshot_styles (GTK_WIDGET (lin), "changes-panel");
  g_signal_emit_by_name (ehang_row, "activate");
  gui_test_iterate ();
  g_assert_true (mt_day_column_get_selected (column_of (lin, 0)) == ehang);
  g_assert_false (g_hash_table_contains (mt_sync_controller_get_unseen (mt_window_get_sync (lin)),
                                         mt_entity_get_id (MT_ENTITY (ehang))));
  gui_test_wait_for_frame (GTK_WIDGET (lin));
  card = mt_day_column_find_card (column_of (lin, 0), ehang);
  g_assert_false (mt_visit_card_get_unseen (MT_VISIT_CARD (card)));

  /* one undo takes what came in back */
  gtk_widget_activate_action (GTK_WIDGET (lin), "win.undo", NULL);
  g_assert_cmpint (mt_visit_get_start (ehang), ==, old_start);

  force_close (wei);
  force_close (lin);
}

/* Wei and Lin change the same visit's title; Lin's sync keeps Lin's (the
 * later) and shows Wei's beside it in the conflicts panel. "Keep This One"
 * under Wei's sets it back, as one step, and it goes out: Wei gets it. */
static void
test_conflict (void)
{
  MtWindow *lin = open_tour_file ("lin-conflict");
  g_autofree char *url = share_through_dialog (lin, apache, NULL);
  MtWindow *wei = open_shared (url, NULL);
  MtVisit *lin_visit = mt_test_find_visit (mt_window_get_tour (lin), EHANG);
  MtVisit *wei_visit = mt_test_find_visit (mt_window_get_tour (wei), EHANG);
  MtChangesPanel *panel = panel_of (lin);
  GListModel *conflicts = mt_sync_controller_get_conflicts (mt_window_get_sync (lin));

  mt_visit_set_title (wei_visit, "EHang: drones over Guangzhou");
  sync_now (wei);
  mt_visit_set_title (lin_visit, "EHang: passenger drones");
  sync_now (lin);

  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  g_assert_cmpstr (mt_visit_get_title (lin_visit), ==, "EHang: passenger drones");
  wait_for_status (lin, MT_SYNC_STATUS_CONFLICTS);
  g_assert_cmpstr (mt_sync_indicator_get_text (indicator_of (lin)), ==, "1 conflict");
  show_changes_panel (lin);
  gui_test_iterate ();
  {
    g_autoptr(MtConflictItem) item = g_list_model_get_item (conflicts, 0);

    g_assert_cmpstr (mt_conflict_item_get_value (item, FALSE), ==, "“EHang: passenger drones”");
    g_assert_cmpstr (mt_conflict_item_get_value (item, TRUE), ==, "“EHang: drones over Guangzhou”");
    g_assert_cmpstr (mt_conflict_item_get_who (item, TRUE), ==, "wei");
  }
  screenshot_styles (GTK_WIDGET (lin), "header-conflicts");

  /* Wei takes in Lin's title, the later one */
  sync_now (wei);
  g_assert_cmpstr (mt_visit_get_title (wei_visit), ==, "EHang: passenger drones");

  g_signal_emit_by_name (mt_changes_panel_get_keep_button (panel, 0, TRUE), "clicked");
  gui_test_iterate ();
  g_assert_cmpstr (mt_visit_get_title (lin_visit), ==, "EHang: drones over Guangzhou");
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 0);
  g_assert_cmpstr (mt_history_get_undo_label (mt_tour_get_history (mt_window_get_tour (lin))), ==, "Restore title");
  g_assert_true (gui_test_wait_until (is_idle, mt_window_get_sync (lin)));
  wait_for_status (lin, MT_SYNC_STATUS_SYNCED);

  /* and Wei's comes back to Wei */
  sync_now (wei);
  g_assert_cmpstr (mt_visit_get_title (wei_visit), ==, "EHang: drones over Guangzhou");

  force_close (wei);
  force_close (lin);
}

/* Lin has the visit's editor open when Wei's change to the visit comes in:
 * what Lin typed stays in the editor, and saving it keeps Wei's change to
 * what Lin did not touch. */
static void
test_editor_open (void)
{
  MtWindow *lin = open_tour_file ("lin-editor");
  g_autofree char *url = share_through_dialog (lin, apache, NULL);
  MtWindow *wei = open_shared (url, NULL);
  MtVisit *lin_visit = mt_test_find_visit (mt_window_get_tour (lin), EHANG);
  MtVisit *wei_visit = mt_test_find_visit (mt_window_get_tour (wei), EHANG);
  gint64 start = mt_visit_get_start (lin_visit);
  GtkWidget *editor;
  GObject *title;

  editor = mt_itinerary_view_open_editor (MT_ITINERARY_VIEW (mt_window_get_itinerary (lin)), lin_visit, -1);
  gui_test_iterate ();
  title = gtk_widget_get_template_child (editor, MT_TYPE_VISIT_EDITOR, "title_row");
  gtk_editable_set_text (GTK_EDITABLE (title), "EHang: flying taxis");

  mt_visit_set_notes (wei_visit, "Wei: the hangar visit needs helmets");
  mt_tour_move_visit (mt_window_get_tour (wei), wei_visit, start + 30 * 60);
  sync_now (wei);
  sync_now (lin);
  g_assert_cmpstr (mt_visit_get_notes (lin_visit), ==, "Wei: the hangar visit needs helmets");
  g_assert_cmpint (mt_visit_get_start (lin_visit), ==, start + 30 * 60);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "EHang: flying taxis");

  gtk_widget_activate_action (editor, "editor.save", NULL);
  gui_test_iterate ();
  g_assert_cmpstr (mt_visit_get_title (lin_visit), ==, "EHang: flying taxis");
  g_assert_cmpstr (mt_visit_get_notes (lin_visit), ==, "Wei: the hangar visit needs helmets");
  g_assert_cmpint (mt_visit_get_start (lin_visit), ==, start + 30 * 60);

  force_close (wei);
  force_close (lin);
}

/* The server check's verdict in the dialog: Apache keeps every edit,
 * nginx's dav module does not (and the dialog says why), and a wrong
 * password is said as such. */
static void
test_server_check (void)
{
  g_autoptr(TestServer) nginx = test_server_start ("nginx");
  MtWindow *lin = open_tour_file ("lin-check");
  MtShareDialog *dialog = open_share_dialog (lin);
  g_autofree char *apache_folder = test_server_new_folder (apache);
  g_autofree char *nginx_folder = test_server_new_folder (nginx);
  g_autofree char *verdict = NULL;

  verdict = check_server (dialog, apache_folder, "lin", "lin-secret");
  g_assert_nonnull (strstr (verdict, "keeps every organiser's edits"));
  g_free (verdict);

  verdict = check_server (dialog, nginx_folder, "lin", "lin-secret");
  g_assert_nonnull (strstr (verdict, "nginx"));
  g_assert_nonnull (strstr (verdict, "lose each other's edits"));
  screenshot_styles (GTK_WIDGET (dialog), "share-dialog-refused");
  /* Share does not go on with a refused server */
  click (GTK_WIDGET (dialog), "primary-button");
  g_assert_false (mt_share_dialog_get_busy (dialog));
  g_assert_false (mt_sync_controller_get_shared (mt_window_get_sync (lin)));
  g_free (verdict);

  verdict = check_server (dialog, apache_folder, "lin", "not-the-password");
  g_assert_nonnull (strstr (verdict, "refused the user name “lin” or its password"));
  g_free (gui_test_screenshot (GTK_WIDGET (dialog), "share-dialog-wrong-password"));

  gtk_window_close (GTK_WINDOW (dialog));
  gui_test_iterate ();
  force_close (lin);
}

/* Offline: with the server stopped, edits are kept and counted in the
 * header; when it is back, they go out by themselves. */
static void
test_offline (void)
{
  g_autoptr(TestServer) server = test_server_start ("apache");
  MtWindow *lin = open_tour_file ("lin-offline");
  g_autofree char *url = share_through_dialog (lin, server, NULL);
  MtTour *tour = mt_window_get_tour (lin);
  MtSyncController *sync = mt_window_get_sync (lin);

  test_server_command (server, "stop");
  mt_visit_set_title (mt_test_find_visit (tour, EHANG), "EHang: offline edit");
  mt_visit_set_notes (mt_test_find_visit (tour, "Dinner"), "Round tables of ten");
  wait_for_status (lin, MT_SYNC_STATUS_OFFLINE);
  g_assert_true (gui_test_wait_until (is_idle, sync));
  g_assert_cmpuint (mt_sync_controller_get_n_pending (sync), ==, 2);
  g_assert_cmpstr (mt_sync_indicator_get_text (indicator_of (lin)), ==, "Offline · 2 edits waiting");
  g_assert_true (mt_sync_indicator_get_can_retry (indicator_of (lin)));
  show_changes_panel (lin);
  screenshot_styles (GTK_WIDGET (lin), "header-offline");

  test_server_command (server, "restart");
  wait_for_status (lin, MT_SYNC_STATUS_SYNCED);
  g_assert_true (gui_test_wait_until (is_idle, sync));
  g_assert_cmpuint (mt_sync_controller_get_n_pending (sync), ==, 0);

  /* on the server: a new copy fetched from it has both */
  {
    g_autofree char *dir = test_make_dir ();
    g_autoptr(TestCopy) check = test_copy_new (dir, "check.mtour", url, "wei", NULL);
    g_autoptr(MtSyncResult) result = test_copy_sync (check);

    g_assert_nonnull (mt_test_find_visit (check->tour, "EHang: offline edit"));
    g_assert_cmpstr (mt_visit_get_notes (mt_test_find_visit (check->tour, "Dinner")), ==, "Round tables of ten");
    test_remove_dir (dir);
  }
  force_close (lin);
}

/* A password the server refuses: one state in the header with the reason,
 * a retry, and no dialog. */
static void
test_error_state (void)
{
  MtWindow *lin = open_tour_file ("lin-error");
  g_autofree char *url = share_through_dialog (lin, apache, NULL);
  g_autoptr(GFile) file = g_object_ref (mt_window_get_file (lin));
  MtSyncController *sync;

  force_close (lin);
  keep_password (url, "lin", "changed-meanwhile");
  mt_application_open_file (app, file);
  lin = wait_for_window (file);
  sync = mt_window_get_sync (lin);
  wait_for_status (lin, MT_SYNC_STATUS_ERROR);
  g_assert_cmpstr (mt_sync_indicator_get_text (indicator_of (lin)), ==, "Wrong password");
  g_assert_true (mt_sync_indicator_get_can_retry (indicator_of (lin)));
  g_assert_nonnull (strstr (mt_sync_controller_get_status (sync)->detail, "refused the user name “lin”"));
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  show_changes_panel (lin);
  screenshot_styles (GTK_WIDGET (lin), "header-error");

  /* the right password again, and Retry */
  keep_password (url, "lin", "lin-secret");
  click (GTK_WIDGET (indicator_of (lin)), "sync-retry-button");
  wait_for_status (lin, MT_SYNC_STATUS_SYNCED);
  force_close (lin);
}

/* The feeds of the tour, its groups and its delegates, published on the
 * server: each with its links and a QR code of the webcal:// one. */
static void
test_feeds (void)
{
  MtWindow *lin = open_tour_file_with ("lin-feeds", TRUE);
  g_autofree char *url = share_through_dialog (lin, apache, NULL);
  MtTour *tour = mt_window_get_tour (lin);
  g_autoptr(GPtrArray) feeds = mt_feeds_list (tour);
  g_autofree char *webcal = mt_feed_dup_url (g_ptr_array_index (feeds, 0), url, TRUE);
  GtkWidget *dialog, *row;
  MtQrCode *code;

  gtk_widget_activate_action (GTK_WIDGET (lin), "win.feeds", NULL);
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (MT_TYPE_FEEDS_DIALOG, GTK_WINDOW (lin));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (mt_feeds_dialog_get_n_feeds (MT_FEEDS_DIALOG (dialog)), ==,
                    1 + mt_tour_count (tour, MT_ENTITY_GROUP) + mt_tour_count (tour, MT_ENTITY_DELEGATE));
  g_assert_true (g_str_has_prefix (webcal, "webcal://127.0.0.1:"));

  row = mt_feeds_dialog_expand (MT_FEEDS_DIALOG (dialog), 0);
  g_assert_true (gui_test_wait_until (panel_shown, gui_test_find_descendant (row, GTK_TYPE_REVEALER)));
  code = MT_QR_CODE (gui_test_find_descendant (row, MT_TYPE_QR_CODE));
  g_assert_nonnull (code);
  g_assert_cmpstr (mt_qr_code_get_text (code), ==, webcal);
  g_assert_cmpuint (mt_qr_code_get_n_modules (code), >=, 21);
  /* a finder pattern's corner is dark, the module inside its ring light */
  g_assert_true (mt_qr_code_get_module (code, 0, 0));
  g_assert_false (mt_qr_code_get_module (code, 1, 1));

  screenshot_styles (dialog, "feeds-dialog");
  click (row, "copy-webcal");
  {
    GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (dialog));
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, webcal);
  }

  /* the feed is on the server, a calendar */
  {
    MtFeed *feed = g_ptr_array_index (feeds, 0);
    g_autofree char *folder = NULL;
    g_autofree char *name = NULL;
    g_autoptr(MtDavClient) client = NULL;
    g_autoptr(MtDavResponse) response = NULL;
    g_autoptr(GAsyncResult) done = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (mt_sync_split_url (url, &folder, &name, &error));
    client = mt_dav_client_new (folder, "lin", "lin-secret", &error);
    g_assert_no_error (error);
    mt_dav_client_request_async (client, "GET", feed->name, NULL, NULL, NULL, NULL, on_done, &done);
    while (done == NULL)
      g_main_context_iteration (NULL, TRUE);
    response = mt_dav_client_request_finish (client, done, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (response->status, ==, 200);
    g_assert_nonnull (response->body);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (response->body, NULL), "BEGIN:VCALENDAR"));
  }

  gtk_window_close (GTK_WINDOW (dialog));
  gui_test_iterate ();
  force_close (lin);
}

/* The preferences set the interval and the metered connections, as the
 * controller reads them */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = mt_preferences_window_new (NULL);
  GtkWidget *spin, *metered;

  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_frame (window);
  spin = find_named (window, "sync-interval-spin");
  metered = find_named (window, "metered-switch");
  g_assert_nonnull (spin);
  g_assert_nonnull (metered);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 1);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (metered)));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 15);
  gtk_switch_set_active (GTK_SWITCH (metered), TRUE);
  g_assert_cmpuint (g_settings_get_uint (settings, "sync-interval"), ==, 15);
  g_assert_true (g_settings_get_boolean (settings, "sync-on-metered"));

  g_settings_reset (settings, "sync-interval");
  g_settings_reset (settings, "sync-on-metered");
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

/* The dialogs and the panel in Simplified Chinese, for the screenshots */
static void
test_zh_cn (void)
{
  if (!gui_test_have_zh_cn ())
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }

  if (g_test_subprocess ())
    {
      MtWindow *lin = open_tour_file_with ("lin-zh", TRUE);
      g_autofree char *url = NULL;
      GtkWidget *dialog;

      g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Share Tour"), !=, "Share Tour");
      url = share_through_dialog (lin, apache, "share-dialog-zh_CN");
      show_changes_panel (lin);
      g_free (gui_test_screenshot (GTK_WIDGET (lin), "changes-panel-zh_CN"));
      gtk_widget_activate_action (GTK_WIDGET (lin), "win.feeds", NULL);
      gui_test_iterate ();
      dialog = gui_test_find_toplevel (MT_TYPE_FEEDS_DIALOG, GTK_WINDOW (lin));
      g_assert_true (gui_test_wait_until (panel_shown, gui_test_find_descendant (
                       mt_feeds_dialog_expand (MT_FEEDS_DIALOG (dialog), 1), GTK_TYPE_REVEALER)));
      g_free (gui_test_screenshot (dialog, "feeds-dialog-zh_CN"));
      gtk_window_close (GTK_WINDOW (dialog));
      force_close (lin);
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = gui_test_setup_env ();
  g_test_init (&argc, &argv, NULL);
  gui_test_setup_locale ();
  gtk_init ();
  adw_init ();

  app = gui_test_app_new ();
  apache = test_server_start ("apache");

  g_test_add_func ("/gui/sync/share-and-receive", test_share_and_receive);
  g_test_add_func ("/gui/sync/conflict", test_conflict);
  g_test_add_func ("/gui/sync/editor-open", test_editor_open);
  g_test_add_func ("/gui/sync/server-check", test_server_check);
  g_test_add_func ("/gui/sync/error-state", test_error_state);
  g_test_add_func ("/gui/sync/feeds", test_feeds);
  g_test_add_func ("/gui/sync/offline", test_offline);
  g_test_add_func ("/gui/sync/preferences", test_preferences);
  g_test_add_func ("/gui/sync/zh-cn", test_zh_cn);

  result = g_test_run ();

  g_clear_object (&app);
  test_server_free (apache);
  gui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
