/* test-export-logic.c: what the export dialogs decide, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mt-export-logic.h"
#include "mt-import-preview.h"

/* as the Print and Export dialogs print: in the language they chose (here
 * the app's), a delegate's printout too */
static const MtPrintOptions in_app_language = { MT_PRINT_FOR_DELEGATES, "", FALSE, NULL };

/* The files of a folder of schedules: named after each delegate, nothing a
 * file system refuses, none twice (case aside) */
static void
test_file_names (void)
{
  g_autoptr(GHashTable) used = mt_export_names_new ();
  g_autofree char *a = mt_export_file_name ("Wang Wei", "Delegate", "ics", used);
  g_autofree char *b = mt_export_file_name ("wang wei", "Delegate", "ics", used);
  g_autofree char *c = mt_export_file_name ("WANG WEI", "Delegate", "ics", used);
  g_autofree char *d = mt_export_file_name ("Wang Wei", "Delegate", "pdf", used);
  g_autofree char *e = mt_export_file_name ("AC/DC: \"live\"?", "Delegate", "ics", used);
  g_autofree char *f = mt_export_file_name ("  ..hidden", "Delegate", "ics", used);
  g_autofree char *g = mt_export_file_name ("", "Delegate", "ics", used);
  g_autofree char *h = mt_export_file_name (NULL, "Delegate", "ics", used);
  g_autofree char *i = mt_export_file_name ("王伟", "Delegate", "ics", used);

  g_assert_cmpstr (a, ==, "Wang Wei.ics");
  g_assert_cmpstr (b, ==, "wang wei (2).ics");
  g_assert_cmpstr (c, ==, "WANG WEI (3).ics");
  g_assert_cmpstr (d, ==, "Wang Wei.pdf");
  g_assert_cmpstr (e, ==, "AC-DC - -live--.ics");
  g_assert_cmpstr (f, ==, "hidden.ics");
  g_assert_cmpstr (g, ==, "Delegate.ics");
  g_assert_cmpstr (h, ==, "Delegate (2).ics");
  g_assert_cmpstr (i, ==, "王伟.ics");
}

/* Several delegates print one after the other: as many pages as each has */
static void
test_print_job (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(MtDelegate) a = g_list_model_get_item (mt_tour_get_delegates (tour), 0);
  g_autoptr(MtDelegate) b = g_list_model_get_item (mt_tour_get_delegates (tour), 1);
  const char *ids[] = { mt_entity_get_id (MT_ENTITY (a)), mt_entity_get_id (MT_ENTITY (b)), NULL };
  const char *unknown[] = { "no-such-delegate", NULL };
  g_autoptr(MtPrintJob) job = mt_print_job_new (tour, NULL, ids, NULL);
  g_autoptr(MtPrintJob) none = NULL;
  g_autoptr(MtPrintLayout) la = mt_print_layout_new_with_options (tour, NULL, ids[0], &in_app_language, NULL);
  g_autoptr(MtPrintLayout) lb = mt_print_layout_new_with_options (tour, NULL, ids[1], &in_app_language, NULL);
  g_autoptr(GError) error = NULL;
  double w, h;

  mt_paper_get_size (MT_PAPER_A4, &w, &h);
  g_assert_nonnull (job);
  g_assert_cmpuint (mt_print_job_get_n_pages (job, w, h), ==,
                    mt_print_layout_get_n_pages (la, w, h) + mt_print_layout_get_n_pages (lb, w, h));
  none = mt_print_job_new (tour, NULL, unknown, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
}

/* The file's kind, by its name or else by its first line */
static void
test_import_kind (void)
{
  g_assert_cmpint (mt_import_kind_guess ("a.ics", "", 0), ==, MT_IMPORT_CALENDAR);
  g_assert_cmpint (mt_import_kind_guess ("a.CSV", "", 0), ==, MT_IMPORT_ROSTER);
  g_assert_cmpint (mt_import_kind_guess ("download", "\xef\xbb\xbf" "BEGIN:VCALENDAR\r\n", 18), ==, MT_IMPORT_CALENDAR);
  g_assert_cmpint (mt_import_kind_guess ("download", "Name,Outlet\r\n", 13), ==, MT_IMPORT_ROSTER);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/export-logic/file-names", test_file_names);
  g_test_add_func ("/gui/export-logic/print-job", test_print_job);
  g_test_add_func ("/gui/export-logic/import-kind", test_import_kind);

  return g_test_run ();
}
