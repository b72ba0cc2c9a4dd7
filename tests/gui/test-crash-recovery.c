/* test-crash-recovery.c: edits survive the app being killed
 *
 * The test runs itself again as a child ("--child") that opens the sample
 * in a real window, adds a visit through the editor and moves another, waits
 * for the autosave to reach the disk, says "ready" and waits. The parent
 * kills it with SIGKILL, then starts the application as a user would: it
 * must offer to restore, and restoring must give back both edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/wait.h>

#include "gui-test-util.h"
#include "mt-itinerary-model.h"
#include "mt-itinerary-view.h"
#include "mt-recovery.h"
#include "mt-visit-editor.h"

#define SURVIVOR "Crash survivor"

static char *self_path;

/* The autosave holds both edits: the typed title, and the moved visit at
 * its new start (another visit of the sample starts at that time too, so
 * the text alone would not tell; the first edit's autosave can come before
 * the move on a slow machine) */
static gboolean
autosaved (gpointer data)
{
  MtVisit *moved = data;
  g_autofree char *dir = mt_recovery_dup_dir ();
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "untitled-1.mtour", NULL);
  g_autoptr(MtTour) saved = mt_tour_load_file (file, NULL, NULL, NULL);
  GListModel *visits;
  MtVisit *there;
  gboolean typed = FALSE;

  if (saved == NULL)
    return FALSE;
  visits = mt_tour_get_visits (saved);
  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n && !typed; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);

      typed = g_strcmp0 (mt_visit_get_title (visit), SURVIVOR) == 0;
    }
  there = mt_tour_lookup_kind (saved, MT_ENTITY_VISIT, mt_entity_get_id (MT_ENTITY (moved)));
  return typed && there != NULL && mt_visit_get_start (there) == mt_visit_get_start (moved);
}

static int
run_child (void)
{
  g_autoptr(MtApplication) app = NULL;
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  g_autoptr(GPtrArray) day1 = NULL;
  MtWindow *window;
  GtkWidget *editor;
  MtVisit *moved;

  gtk_init ();
  adw_init ();
  app = gui_test_app_new ();
  window = mt_application_add_window (app, sample, NULL);
  gui_test_wait_for_frame (GTK_WIDGET (window));

  /* typed into the editor */
  editor = mt_itinerary_view_open_editor (MT_ITINERARY_VIEW (mt_window_get_itinerary (window)), NULL, 4);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (editor, MT_TYPE_VISIT_EDITOR, "title_row")),
                         SURVIVOR);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (editor, MT_TYPE_VISIT_EDITOR, "start_entry")),
                         "20:00");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (editor, MT_TYPE_VISIT_EDITOR, "end_entry")),
                         "21:15");
  gtk_widget_activate_action (editor, "editor.save", NULL);
  gui_test_iterate ();

  /* dragged to the next day */
  day1 = mt_itinerary_dup_day_visits (mt_window_get_tour (window), 0);
  moved = g_ptr_array_index (day1, day1->len - 1);
  mt_itinerary_view_place_visit (MT_ITINERARY_VIEW (mt_window_get_itinerary (window)), moved,
                                 mt_visit_get_start (moved) + MT_SECONDS_PER_DAY, FALSE);

  /* the autosave, within its couple of seconds */
  if (!gui_test_wait_until (autosaved, moved))
    {
      g_printerr ("the autosave did not happen\n");
      return 1;
    }

  g_print ("ready %s\n", mt_entity_get_id (MT_ENTITY (moved)));
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static gboolean
has_window (gpointer data)
{
  return gtk_application_get_active_window (GTK_APPLICATION (data)) != NULL
         && MT_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (data)));
}

static void
test_crash_recovery (void)
{
  const char *argv[] = { self_path, "--child", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(MtApplication) app = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  g_auto(GStrv) words = NULL;
  GtkWidget *dialog;
  MtWindow *window;
  MtTour *tour;
  MtVisit *moved, *original, *survivor = NULL;
  MtRecoveryItem *item;
  GPid pid;
  int out_fd, status;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "ready "));
  words = g_strsplit (g_strstrip (line), " ", 2);

  /* the crash */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  items = mt_recovery_list ();
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_null (item->original_path);  /* the sample was never saved */
  g_assert_cmpstr (item->title, ==, mt_tour_get_title (sample));

  /* the next start offers to restore */
  app = gui_test_app_new ();
  g_application_activate (G_APPLICATION (app));
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "restore"));
  g_free (gui_test_screenshot (dialog, "restore-dialog"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_assert_true (gui_test_wait_until (has_window, app));

  window = MT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  tour = mt_window_get_tour (window);
  g_assert_true (mt_window_get_dirty (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* both edits are back */
  for (guint i = 0, n = g_list_model_get_n_items (mt_tour_get_visits (tour)); i < n; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (mt_tour_get_visits (tour), i);

      if (g_strcmp0 (mt_visit_get_title (visit), SURVIVOR) == 0)
        survivor = visit;
    }
  g_assert_nonnull (survivor);
  g_assert_cmpint (mt_visit_get_start (survivor), ==, mt_tour_get_day_start (tour, 4) + 20 * 3600);
  g_assert_cmpint (mt_visit_get_end (survivor), ==, mt_tour_get_day_start (tour, 4) + 21 * 3600 + 900);

  moved = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, words[1]);
  original = mt_tour_lookup_kind (sample, MT_ENTITY_VISIT, words[1]);
  g_assert_nonnull (moved);
  g_assert_nonnull (original);
  g_assert_cmpint (mt_visit_get_start (moved), ==, mt_visit_get_start (original) + MT_SECONDS_PER_DAY);

  /* the autosave now belongs to the restored window: not offered twice */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = mt_recovery_list ();
  g_assert_cmpuint (items->len, ==, 0);

  mt_window_set_unsaved (window, FALSE);
  mt_history_mark_saved (mt_tour_get_history (tour));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = NULL;
  int result;

  self_path = argv[0];
  setlocale (LC_ALL, "C.UTF-8");
  if (argc > 1 && g_str_equal (argv[1], "--child"))
    return run_child ();

  tmp_dir = gui_test_setup_env ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/gui/recovery/crash", test_crash_recovery);

  result = g_test_run ();
  gui_test_remove_tree (tmp_dir);
  return result;
}
