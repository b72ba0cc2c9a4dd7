/* test-print.c: the printed itinerary, checked with poppler's pdfinfo and
 * pdftotext, and mediatour-cli export end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "export-test-util.h"

static const char *cli_path;

/* text without any white space, so that line breaks do not matter */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static char *
temp_path (const char *suffix)
{
  g_autofree char *name = g_strdup_printf ("mt-print-XXXXXX%s", suffix);
  char *path = NULL;
  int fd = g_file_open_tmp (name, &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  return path;
}

static guint
pdf_pages (const char *path,
           char      **size)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_or_die (argv, NULL);
  const char *pages = strstr (info, "\nPages:");
  const char *page_size = strstr (info, "\nPage size:");

  g_assert_nonnull (pages);
  g_assert_nonnull (page_size);
  *size = g_strndup (page_size + 11, strcspn (page_size + 11, "\n"));
  g_strstrip (*size);
  return (guint) g_ascii_strtoull (pages + 7, NULL, 10);
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, "-enc", "UTF-8", path, "-", NULL };

  return run_or_die (argv, NULL);
}

/* Writes the itinerary and checks that each day has its pages and that
 * they show every item of that day with its time. */
static void
assert_itinerary (MtTour     *tour,
                  const char *group_id,
                  const char *delegate_id,
                  MtPaper     paper,
                  const char *page_size)
{
  g_autofree char *path = temp_path (".pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtPrintLayout) layout = mt_print_layout_new (tour, group_id, delegate_id, &error);
  g_autoptr(GPtrArray) items = mt_ical_select_items (tour, group_id, delegate_id, NULL);
  g_autoptr(GHashTable) day_text = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree char *size = NULL;
  double width, height;
  guint n_pages;

  g_assert_no_error (error);
  g_assert_true (mt_print_write_pdf (tour, group_id, delegate_id, paper, file, NULL, &error));
  g_assert_no_error (error);

  mt_paper_get_size (paper, &width, &height);
  n_pages = pdf_pages (path, &size);
  g_assert_cmpuint (n_pages, ==, mt_print_layout_get_n_pages (layout, width, height));
  g_assert_cmpuint (n_pages, >=, mt_tour_get_n_days (tour));
  g_assert_true (g_str_has_prefix (size, page_size));

  for (guint p = 0; p < n_pages; p++)
    {
      int day = mt_print_layout_get_page_day (layout, p, width, height);
      g_autofree char *text = page_text (path, p);
      char *so_far = g_hash_table_lookup (day_text, GINT_TO_POINTER (day));

      g_hash_table_insert (day_text, GINT_TO_POINTER (day), g_strconcat (so_far ? so_far : "", text, NULL));
      if (p > 0)
        g_assert_cmpint (day, >=, mt_print_layout_get_page_day (layout, p - 1, width, height));
    }
  /* every day of the tour has a page */
  for (guint d = 0; d < mt_tour_get_n_days (tour); d++)
    g_assert_true (g_hash_table_contains (day_text, GINT_TO_POINTER (d)));

  for (guint i = 0; i < items->len; i++)
    {
      MtEntity *item = g_ptr_array_index (items, i);
      int day = mt_tour_get_day_index (tour, mt_ical_item_get_start (item));
      g_autofree char *text = squeeze (g_hash_table_lookup (day_text, GINT_TO_POINTER (day)));
      g_autofree char *title = NULL;
      int hour, minute;
      char time[8];

      mt_wall_time_split (mt_ical_item_get_start (item), NULL, NULL, NULL, &hour, &minute, NULL);
      g_snprintf (time, sizeof time, "%02d:%02d", hour, minute);
      if (MT_IS_VISIT (item))
        title = squeeze (mt_visit_get_title (MT_VISIT (item)));
      else
        title = squeeze (mt_interview_get_interviewee (MT_INTERVIEW (item)));
      if (strstr (text, title) == NULL)
        g_error ("day %d does not show “%s”", day + 1, title);
      g_assert_nonnull (strstr (text, time));
    }
  g_unlink (path);
}

static void
test_sample_a4 (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();

  assert_itinerary (tour, NULL, NULL, MT_PAPER_A4, "595.276 x 841.89 pts (A4)");
}

static void
test_generated_letter (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (120, 40, 30, 3);
  g_autoptr(MtGroup) group = g_list_model_get_item (mt_tour_get_groups (tour), 0);

  assert_itinerary (tour, NULL, NULL, MT_PAPER_LETTER, "612 x 792 pts (letter)");
  assert_itinerary (tour, mt_entity_get_id (MT_ENTITY (group)), NULL, MT_PAPER_A4, "595.276 x 841.89 pts (A4)");
}

static void
test_delegate (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *path = temp_path (".pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *first = NULL, *size = NULL;

  assert_itinerary (tour, NULL, DELEGATE_WANG, MT_PAPER_A4, "595.276 x 841.89 pts (A4)");

  g_assert_true (mt_print_write_pdf (tour, NULL, DELEGATE_WANG, MT_PAPER_A4, file, NULL, NULL));
  g_assert_cmpuint (pdf_pages (path, &size), ==, 2);
  first = page_text (path, 0);
  /* Chinese and Latin text both come out of the page */
  g_assert_nonnull (strstr (first, "王伟"));
  g_assert_nonnull (strstr (first, "广州塔"));
  g_assert_nonnull (strstr (first, "Provincial TV"));
  g_assert_nonnull (strstr (first, "Lab visit"));
  g_assert_nonnull (strstr (first, "Chen Ming"));
  /* not what Coach B does */
  g_assert_null (strstr (first, "Factory tour"));
  g_assert_null (strstr (first, "Zhao Lei"));
  g_unlink (path);
}

/* Many visits on one day run onto a second page, which says so. */
static void
test_long_day (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(MtPrintLayout) layout = NULL;
  double width, height;
  guint n_pages;

  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-0000000006%02u", i);
      g_autofree char *title = g_strdup_printf ("Stop number %u", i + 1);
      gint64 start = mt_wall_time_new (2024, 5, 15, 7, 0, 0) + i * 30 * 60;

      add_or_die (tour, new_visit (id, title, SITE_LAB, NULL, start, start + 25 * 60));
    }
  layout = mt_print_layout_new (tour, NULL, NULL, NULL);
  mt_paper_get_size (MT_PAPER_A4, &width, &height);
  n_pages = mt_print_layout_get_n_pages (layout, width, height);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpint (mt_print_layout_get_page_day (layout, 0, width, height), ==, 0);
  g_assert_cmpint (mt_print_layout_get_page_day (layout, n_pages - 1, width, height), ==, 1);
  assert_itinerary (tour, NULL, NULL, MT_PAPER_A4, "595.276 x 841.89 pts (A4)");
}

static void
test_cli (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *tour_path = temp_path (".mtour");
  g_autofree char *pdf = temp_path (".pdf");
  g_autofree char *ics = temp_path (".ics");
  g_autofree char *csv = temp_path (".csv");
  g_autofree char *out = NULL, *text = NULL, *size = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (tour_path);
  int status;

  g_assert_true (mt_tour_save_file (tour, file, NULL, NULL));

  {
    const char *argv[] = { cli_path, "export", tour_path, "--format", "pdf", "--paper", "letter",
                           "--delegate", "Li Na", "-o", pdf, NULL };
    g_free (run_or_die (argv, &status));
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpuint (pdf_pages (pdf, &size), ==, 2);
    g_assert_true (g_str_has_prefix (size, "612 x 792"));
  }
  {
    const char *argv[] = { cli_path, "export", tour_path, "--group", "coach a", "-o", ics, NULL };
    g_free (run_or_die (argv, &status));
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "UID:" VISIT_LAB "@mediatour"));
    g_assert_null (strstr (text, "UID:" VISIT_FACTORY "@mediatour"));
  }
  {
    const char *argv[] = { cli_path, "export", tour_path, "--format", "csv", "-o", "-", NULL };
    out = run_or_die (argv, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (out, "\xef\xbb\xbf" "Date,Start,End,"));
  }
  {
    /* the organisers' printout has the travel estimates, the delegates' none */
    const char *organisers[] = { cli_path, "export", tour_path, "--for", "organisers", "-o", pdf, NULL };
    const char *delegates[] = { cli_path, "export", tour_path, "-o", pdf, NULL };
    const char *digest[] = { cli_path, "export", tour_path, "--digest", "-o", pdf, NULL };
    g_autofree char *with = NULL, *without = NULL;

    g_free (run_or_die (organisers, &status));
    g_assert_cmpint (status, ==, 0);
    with = page_text (pdf, 0);
    g_assert_nonnull (strstr (with, "min by road"));
    g_free (run_or_die (delegates, &status));
    g_assert_cmpint (status, ==, 0);
    without = page_text (pdf, 0);
    g_assert_null (strstr (without, "by road"));
    g_free (run_or_die (digest, &status));
    g_assert_cmpint (status, ==, 2);
  }
  {
    const char *argv[] = { cli_path, "export", tour_path, "--format", "docx", "-o", csv, NULL };
    g_free (run_or_die (argv, &status));
    g_assert_cmpint (status, ==, 2);
  }
  {
    const char *argv[] = { cli_path, "export", tour_path, "--group", "Coach Z", "-o", ics, NULL };
    g_free (run_or_die (argv, &status));
    g_assert_cmpint (status, ==, 2);
  }
  {
    /* the group's calendar read back into the tour changes nothing */
    const char *argv[] = { cli_path, "import", tour_path, ics, NULL };
    g_autofree char *summary = run_or_die (argv, &status);

    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (summary, "0 visits added, 0 updated"));
  }

  g_unlink (tour_path);
  g_unlink (pdf);
  g_unlink (ics);
  g_unlink (csv);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  cli_path = argv[1];

  g_test_add_func ("/formats/print/sample-a4", test_sample_a4);
  g_test_add_func ("/formats/print/generated-letter", test_generated_letter);
  g_test_add_func ("/formats/print/delegate", test_delegate);
  g_test_add_func ("/formats/print/long-day", test_long_day);
  g_test_add_func ("/formats/print/cli", test_cli);

  return g_test_run ();
}
