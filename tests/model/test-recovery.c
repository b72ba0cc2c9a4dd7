/* test-recovery.c: the autosave of unsaved edits, without a display
 *
 * Each run gets its own $XDG_DATA_HOME, so the recovery folder starts empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "mt-model.h"

static char *tmp_dir;

/* runs the main loop until the recovery file is written (or gone) */
static gboolean
wait_for_file (const char *path,
               gboolean    exists)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_file_test (path, G_FILE_TEST_EXISTS) != exists)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

static MtVisit *
first_visit (MtTour *tour)
{
  g_autoptr(MtVisit) visit = g_list_model_get_item (mt_tour_get_visits (tour), 0);

  return visit;  /* the tour holds it */
}

static void
test_autosave_and_list (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(GFile) file = g_file_new_build_filename (tmp_dir, "tour.mtour", NULL);
  g_autoptr(MtRecovery) recovery = mt_recovery_new (tour, file);
  g_autoptr(GPtrArray) items = NULL;
  const char *path = mt_recovery_get_path (recovery);

  mt_recovery_set_delay (recovery, 50);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  mt_visit_set_title (first_visit (tour), "Typed before the crash");
  g_assert_true (wait_for_file (path, TRUE));

  /* a file that a window of this process is using is not offered */
  items = mt_recovery_list ();
  g_assert_cmpuint (items->len, ==, 0);

  /* saved: gone */
  mt_recovery_discard (recovery);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_recover_after_object_gone (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(GFile) file = g_file_new_build_filename (tmp_dir, "lost.mtour", NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(MtTour) restored = NULL;
  g_autoptr(GFile) recovered = NULL;
  g_autofree char *expected_path = g_file_get_path (file);
  g_autofree char *path = NULL;
  MtRecoveryItem *item;
  MtRecovery *recovery;

  recovery = mt_recovery_new (tour, file);
  mt_recovery_set_delay (recovery, 50);
  path = g_strdup (mt_recovery_get_path (recovery));
  mt_visit_set_title (first_visit (tour), "Typed before the crash");
  g_assert_true (wait_for_file (path, TRUE));
  /* as if the process died: the object goes without discarding */
  g_object_unref (recovery);

  items = mt_recovery_list ();
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->path, ==, path);
  g_assert_cmpstr (item->original_path, ==, expected_path);
  g_assert_cmpstr (item->title, ==, mt_tour_get_title (tour));
  g_assert_cmpint (item->written_usec, >, 0);

  recovered = g_file_new_for_path (item->path);
  restored = mt_tour_load_file (recovered, NULL, NULL, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (mt_visit_get_title (first_visit (restored)), ==, "Typed before the crash");

  mt_recovery_item_delete (item);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = mt_recovery_list ();
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_discard_and_undo (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(MtRecovery) recovery = mt_recovery_new (tour, NULL);
  MtHistory *history = mt_tour_get_history (tour);
  const char *path = mt_recovery_get_path (recovery);

  mt_recovery_set_delay (recovery, 50);
  g_assert_true (g_str_has_suffix (path, ".mtour"));
  g_assert_nonnull (strstr (path, "untitled-"));

  /* saved or thrown away: nothing left to recover */
  mt_visit_set_title (first_visit (tour), "One");
  g_assert_true (wait_for_file (path, TRUE));
  mt_recovery_discard (recovery);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* undone back to the saved state: nothing to recover either */
  mt_history_mark_saved (history);
  mt_visit_set_title (first_visit (tour), "Two");
  g_assert_true (wait_for_file (path, TRUE));
  g_assert_true (mt_history_undo (history));
  g_assert_true (wait_for_file (path, FALSE));
}

static void
test_flush_and_rename (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(MtRecovery) recovery = mt_recovery_new (tour, NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (tmp_dir, "named.mtour", NULL);
  g_autofree char *untitled = g_strdup (mt_recovery_get_path (recovery));
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) restored = NULL;
  g_autoptr(GFile) recovered = NULL;

  /* a long delay: flush writes at once */
  mt_recovery_set_delay (recovery, 60 * 1000);
  mt_visit_set_title (first_visit (tour), "Flushed");
  g_assert_false (g_file_test (untitled, G_FILE_TEST_EXISTS));
  g_assert_true (mt_recovery_flush (recovery, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (untitled, G_FILE_TEST_EXISTS));

  /* Save As moves the autosave to the new name */
  mt_recovery_set_file (recovery, file);
  g_assert_false (g_file_test (untitled, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (mt_recovery_get_path (recovery), !=, untitled);
  g_assert_true (mt_recovery_flush (recovery, &error));
  g_assert_true (g_file_test (mt_recovery_get_path (recovery), G_FILE_TEST_EXISTS));

  recovered = g_file_new_for_path (mt_recovery_get_path (recovery));
  restored = mt_tour_load_file (recovered, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mt_visit_get_title (first_visit (restored)), ==, "Flushed");

  /* a restored tour counts as unsaved though its history is clean */
  mt_recovery_discard (recovery);
  mt_history_mark_saved (mt_tour_get_history (tour));
  mt_recovery_set_unsaved (recovery, TRUE);
  g_assert_true (mt_recovery_flush (recovery, &error));
  g_assert_true (g_file_test (mt_recovery_get_path (recovery), G_FILE_TEST_EXISTS));
  mt_recovery_discard (recovery);
}

static void
test_unwritable_folder (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(MtRecovery) recovery = mt_recovery_new (tour, NULL);
  g_autofree char *dir = mt_recovery_dup_dir ();
  g_autofree char *moved = g_strconcat (dir, ".moved", NULL);
  g_autoptr(GError) error = NULL;

  /* the recovery folder's place taken by a plain file: writing fails with
   * an error instead of crashing (a full disk looks the same to us) */
  mt_recovery_set_delay (recovery, 60 * 1000);
  g_assert_cmpint (g_rename (dir, moved), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));
  mt_visit_set_title (first_visit (tour), "Cannot be written");
  g_assert_false (mt_recovery_flush (recovery, &error));
  g_assert_nonnull (error);

  g_assert_cmpint (g_unlink (dir), ==, 0);
  g_assert_cmpint (g_rename (moved, dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = g_dir_make_tmp ("mt-recovery-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/recovery/autosave", test_autosave_and_list);
  g_test_add_func ("/model/recovery/recover", test_recover_after_object_gone);
  g_test_add_func ("/model/recovery/discard-and-undo", test_discard_and_undo);
  g_test_add_func ("/model/recovery/flush-and-rename", test_flush_and_rename);
  g_test_add_func ("/model/recovery/unwritable", test_unwritable_folder);

  result = g_test_run ();

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    if (system (command) != 0)
      g_printerr ("could not remove %s\n", tmp_dir);
  }
  g_free (tmp_dir);
  return result;
}
