/* test-tour-limits.c: tour files made to break the loader
 *
 * Numbers that cannot be kept as they are, files and lists past the bounds
 * of mt-tour-file.h and mt-json-reader.h, nesting 100 000 deep: each is
 * refused with a message that says what and where, or loads and saves back
 * to the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "mt-json-reader.h"
#include "mt-model.h"

#define HEAD "{\"format\":1,\"first-day\":\"2024-05-14\""

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in “%.300s”", needle, haystack ? haystack : "(null)");
}

static char *
refused (const char *text,
         gsize       length,
         int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = mt_tour_load_from_data (text, length, "limits.mtour", NULL, &error);

  g_assert_null (tour);
  g_assert_error (error, MT_TOUR_ERROR, code);
  return g_strdup (error->message);
}

/* load → save → load gives the same tour, save → load → save the same bytes */
static void
assert_stable (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) first = mt_tour_load_from_data (text, -1, "limits.mtour", NULL, &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(MtTour) second = NULL;
  g_autoptr(GBytes) again = NULL;

  g_assert_no_error (error);
  saved = mt_tour_save_to_bytes (first);
  second = mt_tour_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                   "saved.mtour", NULL, &error);
  g_assert_no_error (error);
  again = mt_tour_save_to_bytes (second);
  g_assert_true (g_bytes_equal (saved, again));
}

/* "1e999" in a member of a newer version became infinity and was saved as
 * what no reader takes back; a whole number past 64 bits became a rounded
 * double. Both are refused now; numbers that fit keep their value. */
static void
test_numbers (void)
{
  const struct { const char *number; const char *message; } cases[] = {
    { "1e999", "line 1, column 46: the number 1e999 is too large or too small to keep" },
    { "-1e999", "the number -1e999 is too large or too small to keep" },
    { "1e-999", "the number 1e-999 is too large or too small to keep" },
    { "12345678901234567890", "the whole number 12345678901234567890 is too large to keep exactly" },
    { "-9223372036854775809", "the whole number -9223372036854775809 is too large" },
  };
  const char *kept[] = { "0.1", "-0", "-0.0", "1E+2", "9223372036854775807", "-9223372036854775808",
                         "2.2250738585072014e-308", "1.7976931348623157e308", "[1e308,0.5,{\"a\":[-1]}]" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD ",\"newer\":%s}", cases[i].number);
      g_autofree char *message = refused (text, strlen (text), MT_TOUR_ERROR_SYNTAX);

      assert_contains (message, cases[i].message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD ",\"newer\":%s}", kept[i]);

      g_test_message ("%s", kept[i]);
      assert_stable (text);
    }
}

static void
test_nested_deep (void)
{
  g_autoptr(GString) text = g_string_new (HEAD ",\"newer\":");
  g_autofree char *message = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  message = refused (text->str, text->len, MT_TOUR_ERROR_SYNTAX);
  assert_contains (message, "nested too deeply");
}

/* A file past 128 MiB is not read; mt_tour_load_file() does not even read
 * it in (mt_file_load_contents()) */
static void
test_file_size (void)
{
  gsize size = MT_TOUR_MAX_FILE_SIZE + 1;
  g_autofree char *big = g_malloc (size);
  g_autofree char *message = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mt-limits-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.mtour", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = NULL;
  FILE *stream;

  memset (big, ' ', size);
  message = refused (big, size, MT_TOUR_ERROR_TOO_LARGE);
  assert_contains (message, "limits.mtour: the file is 129 MiB; a tour file may be at most 128 MiB");

  /* a sparse file of 200 MB */
  stream = fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, 200 * 1000 * 1000, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', stream), ==, '}');
  fclose (stream);
  tour = mt_tour_load_file (file, NULL, NULL, &error);
  g_assert_null (tour);
  g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_TOO_LARGE);
  assert_contains (error->message, "big.mtour: the file is 191 MiB; a tour file may be at most 128 MiB");
  g_unlink (path);
  g_rmdir (dir);
}

/* More items than a tour may hold: each costs a few hundred bytes, though
 * "{"id":"1"}" is ten */
static void
test_items (void)
{
  g_autoptr(GString) text = g_string_new (HEAD ",\"cities\":[");
  g_autofree char *message = NULL;

  for (guint i = 0; i <= MT_TOUR_MAX_ITEMS; i++)
    g_string_append_printf (text, "%s{\"id\":\"%x\"}", i ? "," : "", i);
  g_string_append (text, "]}");
  message = refused (text->str, text->len, MT_TOUR_ERROR_TOO_LARGE);
  assert_contains (message, "cities[1000000]: the tour holds more than 1000000 items");
}

/* Values kept for a newer version: an empty list in the file is two bytes,
 * in memory a hundred */
static void
test_kept_values (void)
{
  g_autoptr(GString) text = g_string_new (HEAD ",\"newer\":[");
  g_autofree char *message = NULL;

  for (guint i = 0; i < MT_JSON_MAX_KEPT_VALUES; i++)
    g_string_append (text, i ? ",[]" : "[]");
  g_string_append (text, "]}");
  message = refused (text->str, text->len, MT_TOUR_ERROR_TOO_LARGE);
  assert_contains (message, "more than 1000000 values in members this version does not know");
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* What the window reads a roster with: in a thread, and no more than the
 * bound, whatever the file's size */
static void
test_load_async_bounded (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mt-limits-XXXXXX", NULL);
  g_autofree char *big_path = g_build_filename (dir, "big.csv", NULL);
  g_autofree char *small_path = g_build_filename (dir, "small.csv", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GFile) small = g_file_new_for_path (small_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FILE *stream = fopen (big_path, "w");

  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, 20 * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', stream), ==, 'x');
  fclose (stream);
  g_assert_true (g_file_set_contents (small_path, "Name\r\nLi Wei\r\n", -1, NULL));

  mt_file_load_contents_async (big, 16 * 1024 * 1024, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  bytes = mt_file_load_contents_finish (result, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  assert_contains (error->message, "the file is 21 MiB, more than the 16 MiB that is read");
  g_clear_error (&error);
  g_clear_object (&result);

  mt_file_load_contents_async (small, 16 * 1024 * 1024, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  bytes = mt_file_load_contents_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "Name\r\nLi Wei\r\n", 14);

  g_unlink (big_path);
  g_unlink (small_path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/tour-limits/numbers", test_numbers);
  g_test_add_func ("/model/tour-limits/nested-deep", test_nested_deep);
  g_test_add_func ("/model/tour-limits/file-size", test_file_size);
  g_test_add_func ("/model/tour-limits/items", test_items);
  g_test_add_func ("/model/tour-limits/kept-values", test_kept_values);
  g_test_add_func ("/model/tour-limits/load-async-bounded", test_load_async_bounded);

  return g_test_run ();
}
