/* test-save-safety.c: a save that fails leaves the old file as it was
 *
 * On a 64 KB tmpfs holding a 38 KB tour, a save that filled the disk
 * renamed its truncated temporary file over the tour (inside
 * g_file_replace_contents()): the tour no longer loaded. Now the save, its
 * async form and the autosave each fail with a message that says why and
 * names the file, the old file is untouched and nothing is left beside it.
 * A full disk needs a tmpfs, which needs root: CI runs as root; elsewhere
 * those tests skip and say so. (A folder without write permission is
 * test-tour-file.c's save-read-only.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt-model.h"

static char *tmp_dir;

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in “%s”", needle, haystack ? haystack : "(null)");
}

static char *
read_or_die (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* the names in @dir, sorted, joined by spaces */
static char *
list_dir (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (listing);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
save_text_or_die (const char *path,
                  MtTour     *tour)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (mt_tour_save_file (tour, file, NULL, &error));
  g_assert_no_error (error);
}

/* A tmpfs of @kb KB at a new folder; NULL (the test skipped) where this
 * process may not mount one */
static char *
mount_small_disk (guint kb)
{
  g_autofree char *dir = g_dir_make_tmp ("mt-full-XXXXXX", NULL);
  g_autofree char *options = g_strdup_printf ("size=%uk", kb);

  g_assert_nonnull (dir);
  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_rmdir (dir);
      g_test_skip ("mounting a small tmpfs to fill needs root (CI runs the tests as root)");
      return NULL;
    }
  return g_steal_pointer (&dir);
}

static void
unmount_disk (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = mount_small_disk (64);
  g_autofree char *path = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(MtTour) old = mt_tour_generate (40, 20, 20, 1);
  g_autoptr(MtTour) bigger = mt_tour_generate (120, 60, 60, 2);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MtTour) loaded = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, "tour.mtour", NULL);
  file = g_file_new_for_path (path);
  save_text_or_die (path, old);
  old_text = read_or_die (path);
  g_assert_cmpuint (strlen (old_text), >, 20 * 1024);

  g_assert_false (mt_tour_save_file (bigger, file, NULL, &error));
  g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_IO);
  assert_contains (error->message, "tour.mtour: could not be saved: the disk is full");
  g_clear_error (&error);

  after = read_or_die (path);
  g_assert_cmpstr (after, ==, old_text);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "tour.mtour");

  /* the window's save, in a thread */
  mt_tour_save_file_async (bigger, file, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (mt_tour_save_file_finish (result, &error));
  assert_contains (error->message, "could not be saved: the disk is full");
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = read_or_die (path);
  g_assert_cmpstr (after, ==, old_text);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "tour.mtour");

  /* and what is there still loads */
  loaded = mt_tour_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  unmount_disk (dir);
}

/* The autosave on a full disk: the last recovery file it wrote stays whole */
static void
test_recovery_disk_full (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (20, 10, 10, 3);
  g_autoptr(MtRecovery) recovery = mt_recovery_new (tour, NULL);
  g_autofree char *recovery_dir = mt_recovery_dup_dir ();
  g_autofree char *dir = NULL;
  g_autofree char *first = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (recovery_dir, 0700), ==, 0);
  if (mount ("tmpfs", recovery_dir, "tmpfs", 0, "size=64k") != 0)
    {
      g_test_skip ("mounting a small tmpfs to fill needs root (CI runs the tests as root)");
      return;
    }
  dir = g_strdup (recovery_dir);

  {
    g_autoptr(MtVisit) visit = g_list_model_get_item (mt_tour_get_visits (tour), 0);

    mt_visit_set_title (visit, "First edit");
  }
  g_assert_true (mt_recovery_flush (recovery, &error));
  g_assert_no_error (error);
  first = read_or_die (mt_recovery_get_path (recovery));

  /* an edit that makes the tour too large for what is left */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("added-%u", i);
      g_autoptr(MtVisit) visit = mt_visit_new (id);

      mt_visit_set_title (visit, "A visit added to fill the disk with its long, long title");
      mt_visit_set_notes (visit, "Notes that take room: ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFGHIJKLMNOPQRSTUVWXYZ");
      g_assert_true (mt_tour_add (tour, MT_ENTITY (visit), NULL));
    }
  g_assert_false (mt_recovery_flush (recovery, &error));
  assert_contains (error->message, "could not be saved: the disk is full");

  after = read_or_die (mt_recovery_get_path (recovery));
  g_assert_cmpstr (after, ==, first);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "untitled-1.json untitled-1.mtour");

  mt_recovery_discard (recovery);
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

/* The folder is gone (a USB stick pulled, a folder deleted in the file
 * manager): the message says so */
static void
test_folder_gone (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "gone", NULL);
  g_autofree char *path = g_build_filename (dir, "tour.mtour", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  save_text_or_die (path, tour);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  g_assert_false (mt_tour_save_file (tour, file, NULL, &error));
  assert_contains (error->message, "gone/tour.mtour: could not be saved: its folder does not exist (any more)");
  g_clear_error (&error);

  mt_tour_save_file_async (tour, file, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (mt_tour_save_file_finish (result, &error));
  assert_contains (error->message, "its folder does not exist");
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* A tour too large to be opened again is not written, and the old file
 * stays as it was */
static void
test_too_large (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "large.mtour", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *notes = g_malloc (MT_TOUR_MAX_FILE_SIZE + 2);

  save_text_or_die (path, tour);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  memset (notes, 'x', MT_TOUR_MAX_FILE_SIZE + 1);
  notes[MT_TOUR_MAX_FILE_SIZE + 1] = '\0';
  mt_tour_set_description (tour, notes);
  g_assert_false (mt_tour_save_file (tour, file, NULL, &error));
  g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_TOO_LARGE);
  assert_contains (error->message, "large.mtour: could not be saved: the file is 129 MiB; a tour file may be at most 128 MiB");

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

/* A save killed at the wrong moment leaves a temporary file of ours; the
 * next save to the same file removes it, unless a save holds its lock */
static void
test_leftovers_removed (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "leftovers", NULL);
  g_autofree char *path = g_build_filename (dir, "tour.mtour", NULL);
  g_autofree char *left = g_build_filename (dir, ".tour.mtour.mtour-AbC123", NULL);
  g_autofree char *busy = g_build_filename (dir, ".tour.mtour.mtour-Busy42", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  const char *kept[] = { ".other.mtour.mtour-AbC123", ".tour.mtour.mtour-TooLong7", ".tour.mtour.mtour-Ab.123",
                         "tour.mtour.mtour-AbC123" };
  int busy_fd;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (left, "{\"format\":1,\"fir", -1, NULL));
  g_assert_true (g_file_set_contents (busy, "{\"format\":1,\"fir", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *other = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
    }
  /* a save in progress (here, this process) holds the lock of its file */
  busy_fd = open (busy, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);

  save_text_or_die (path, tour);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, ".other.mtour.mtour-AbC123 .tour.mtour.mtour-Ab.123 .tour.mtour.mtour-Busy42 "
                                ".tour.mtour.mtour-TooLong7 tour.mtour tour.mtour.mtour-AbC123");

  /* once its lock is let go, the next save takes it away too */
  close (busy_fd);
  g_assert_cmpuint (mt_file_remove_leftovers (path), ==, 1);
  g_assert_false (g_file_test (busy, G_FILE_TEST_EXISTS));
}

/* The autosave's folder is the program's alone: listing what there is to
 * recover removes what killed writes left, whatever file they were for */
static void
test_recovery_leftovers (void)
{
  g_autofree char *dir = mt_recovery_dup_dir ();
  g_autofree char *left = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  left = g_build_filename (dir, ".untitled-7.mtour.mtour-Q1w2E3", NULL);
  kept = g_build_filename (dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (left, "{\"format\":2,", -1, NULL));
  g_assert_true (g_file_set_contents (kept, "not ours", -1, NULL));

  items = mt_recovery_list ();
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_unlink (kept);
}

/* The file keeps its permissions, and a link stays a link */
static void
test_keeps_mode_and_link (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "modes", NULL);
  g_autofree char *path = g_build_filename (dir, "tour.mtour", NULL);
  g_autofree char *link = g_build_filename (dir, "link.mtour", NULL);
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  g_autoptr(MtTour) other = mt_tour_generate (6, 5, 5, 2);
  g_autofree char *expected = NULL;
  g_autofree char *after = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  save_text_or_die (path, tour);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (symlink ("tour.mtour", link), ==, 0);

  save_text_or_die (link, other);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  {
    g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (other);

    expected = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }
  after = read_or_die (path);
  g_assert_cmpstr (after, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  /* a subprocess works in its parent's folder */
  if (!g_test_subprocess ())
    {
      tmp_dir = g_dir_make_tmp ("mt-save-safety-XXXXXX", NULL);
      g_assert_nonnull (tmp_dir);
      g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
    }

  g_test_add_func ("/model/save-safety/disk-full", test_disk_full);
  g_test_add_func ("/model/save-safety/recovery-disk-full", test_recovery_disk_full);
  g_test_add_func ("/model/save-safety/folder-gone", test_folder_gone);
  g_test_add_func ("/model/save-safety/too-large", test_too_large);
  g_test_add_func ("/model/save-safety/leftovers-removed", test_leftovers_removed);
  g_test_add_func ("/model/save-safety/recovery-leftovers", test_recovery_leftovers);
  g_test_add_func ("/model/save-safety/keeps-mode-and-link", test_keeps_mode_and_link);

  result = g_test_run ();

  if (tmp_dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

      if (system (command) != 0)
        g_printerr ("could not remove %s\n", tmp_dir);
    }
  g_free (tmp_dir);
  return result;
}
