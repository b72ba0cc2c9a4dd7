/* fuzz-replay.c: a fuzz target as a plain program that runs every file of
 * the corpus (the files and folders named on the command line) once
 *
 * The test suite runs it with gcc on every change, and under AddressSanitizer
 * in CI, so each reproducer stays fixed. Each input gets a buffer of exactly
 * its size, as under libFuzzer, so reading past its end is caught.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static guint
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  uint8_t *exact;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  printf ("%s\n", path);
  fflush (stdout);
  exact = malloc (MAX (length, 1));
  memcpy (exact, contents, length);
  LLVMFuzzerTestOneInput (exact, length);
  free (exact);
  return 1;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static guint
replay_path (const char *path)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  GDir *dir;
  const char *name;
  guint n = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return replay_file (path);

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_dir_close (dir);

  /* the same order every time */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    n += replay_path (g_ptr_array_index (names, i));
  return n;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  mt_fuzz_init ();
  for (int i = 1; i < argc; i++)
    n += replay_path (argv[i]);

  printf ("%u inputs replayed\n", n);
  /* an empty corpus means the test looked in the wrong place */
  return n > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
