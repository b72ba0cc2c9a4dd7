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
/* the application the user starts after the crash: one per process */
static MtApplication *app;

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

/* a recovery file holds the survivor and @data, some text */
static gboolean
autosaved_text (gpointer data)
{
  g_autofree char *dir = mt_recovery_dup_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_str_has_suffix (name, ".mtour")
          && g_file_get_contents (path, &contents, NULL, NULL)
          && strstr (contents, SURVIVOR) != NULL
          && strstr (contents, data) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_window (gpointer data)
{
  return gtk_application_get_active_window (GTK_APPLICATION (data)) != NULL
         && MT_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (data)));
}

/* The child of the second case: opens @path as Ctrl+O does, renames the
 * tour, waits for the autosave and waits to be killed. */
static int
run_child_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MtWindow *window;

  gtk_init ();
  adw_init ();
  app = gui_test_app_new ();
  mt_application_open_file (app, file);
  if (!gui_test_wait_until (has_window, app))
    {
      g_printerr ("the tour did not open\n");
      return 1;
    }
  window = MT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  mt_tour_set_title (mt_window_get_tour (window), SURVIVOR);
  if (!gui_test_wait_until (autosaved_text, (gpointer) SURVIVOR))
    {
      g_printerr ("the autosave did not happen\n");
      return 1;
    }
  g_print ("ready\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static int
run_child (void)
{
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

/* runs this program with @args, waits for its "ready" line and kills it */
static void
crash_child (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  GPid pid;
  int out_fd, status;

  g_ptr_array_add (argv, self_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "ready"));
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);
}


/* A tour opened from its file, edited and lost to a crash comes back knowing
 * its file: the recovery names it, and Save after Restore writes over it
 * without asking where. */
static void
test_crash_recovery_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mt-recovery-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tour.mtour", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) reread = NULL;
  const char *args[] = { "--child-file", path, NULL };
  GtkWidget *dialog;
  MtWindow *window;
  MtRecoveryItem *item;

  g_assert_true (mt_tour_save_file (sample, file, NULL, &error));
  g_assert_no_error (error);
  items = mt_recovery_list ();
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  crash_child (args);

  items = mt_recovery_list ();
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->original_path, ==, path);
  g_assert_cmpstr (item->title, ==, SURVIVOR);

  g_application_activate (G_APPLICATION (app));
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* gone, as after a click on its button */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gui_test_wait_until (has_window, app));
  window = MT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (mt_window_get_file (window));
  g_assert_true (g_file_equal (mt_window_get_file (window), file));
  g_assert_true (mt_window_get_dirty (window));

  /* Ctrl+S: over the original, no file chooser */
  g_assert_true (gui_test_save (window, NULL));
  g_assert_false (mt_window_get_dirty (window));
  reread = mt_tour_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mt_tour_get_title (reread), ==, SURVIVOR);

  /* saved: nothing left to recover */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = mt_recovery_list ();
  g_assert_cmpuint (items->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
  gui_test_remove_tree (dir);
}

static void
test_crash_recovery (void)
{
  const char *argv[] = { self_path, "--child", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
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
  g_application_activate (G_APPLICATION (app));
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "restore"));
  g_free (gui_test_screenshot (dialog, "restore-dialog"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* gone, as after a click on its button */
  gtk_window_destroy (GTK_WINDOW (dialog));
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

  /* what the destroyed window left, so that the next case starts clean */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = mt_recovery_list ();
  for (guint i = 0; i < items->len; i++)
    mt_recovery_item_delete (g_ptr_array_index (items, i));
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
  if (argc > 2 && g_str_equal (argv[1], "--child-file"))
    return run_child_file (argv[2]);

  tmp_dir = gui_test_setup_env ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = gui_test_app_new ();
  g_test_add_func ("/gui/recovery/crash", test_crash_recovery);
  g_test_add_func ("/gui/recovery/crash-file", test_crash_recovery_file);

  result = g_test_run ();
  g_clear_object (&app);
  gui_test_remove_tree (tmp_dir);
  return result;
}
