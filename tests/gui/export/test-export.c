/* test-export.c: Export… through its real dialog, each kind of file read
 * back by the core's parsers (and poppler for the PDFs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gui-test-util.h"
#include "mt-csv.h"
#include "mt-export-dialog.h"
#include "mt-ical.h"
#include "mt-print.h"

static MtApplication *app;
static char *out_dir;

typedef struct
{
  gboolean done;
  gboolean ok;
  guint    n_files;
} Finished;

static void
on_finished (MtExportDialog *dialog,
             gboolean        ok,
             guint           n_files,
             Finished       *finished)
{
  finished->done = TRUE;
  finished->ok = ok;
  finished->n_files = n_files;
}

static gboolean
is_done (gpointer data)
{
  return ((Finished *) data)->done;
}

static MtExportDialog *
open_export (MtWindow *window)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (MT_TYPE_EXPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  return MT_EXPORT_DIALOG (dialog);
}

/* exports to @name in the output folder; returns it */
static GFile *
export_to (MtExportDialog *dialog,
           const char     *name,
           Finished       *finished)
{
  GFile *file = g_file_new_build_filename (out_dir, name, NULL);

  memset (finished, 0, sizeof *finished);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), finished);
  mt_export_dialog_export_to (dialog, file);
  g_assert_true (gui_test_wait_until (is_done, finished));
  return file;
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The whole tour as iCalendar: one event per item, and the core's own
 * reader takes every one of them into an empty tour. */
static void
test_ics_tour (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  g_autoptr(GPtrArray) items = mt_ical_select_items (tour, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  MtExportDialog *dialog = open_export (window);
  MtIcalImport result = { 0 };
  Finished finished;

  g_assert_true (mt_scope_chooser_is_complete (mt_export_dialog_get_scope (dialog)));
  mt_export_dialog_set_format (dialog, MT_EXPORT_ICS);
  file = export_to (dialog, "tour.ics", &finished);
  g_assert_true (finished.ok);
  g_assert_cmpuint (finished.n_files, ==, 1);

  text = gui_test_read_file (file);
  g_assert_nonnull (text);
  g_assert_cmpuint (count (text, "BEGIN:VEVENT"), ==, items->len);
  /* read back into the same tour, every event is an item it has, as it is */
  g_assert_true (mt_ical_import_data (tour, text, strlen (text), "tour.ics", NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_updated, ==, 0);
  g_assert_cmpuint (result.n_unchanged, ==, items->len);
  g_assert_cmpuint (result.problems ? result.problems->len : 0, ==, 0);
  mt_ical_import_clear (&result);

  /* the window says so, and the dialog has gone */
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), "Exported “tour.ics”"));
  g_assert_null (gui_test_find_toplevel (MT_TYPE_EXPORT_DIALOG, GTK_WINDOW (window)));
  gui_test_force_close (window);
}

/* A group's schedule as CSV: a header and a row per item of that group */
static void
test_csv_group (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtGroup *coach_b = gui_test_find_entity (tour, MT_ENTITY_GROUP, "Coach B");
  const char *id = mt_entity_get_id (MT_ENTITY (coach_b));
  g_autoptr(GPtrArray) items = mt_ical_select_items (tour, id, NULL, NULL);
  g_autoptr(GPtrArray) all = mt_ical_select_items (tour, NULL, NULL, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_free);
  guint n_bad = 0;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  MtExportDialog *dialog = open_export (window);
  Finished finished;

  mt_scope_chooser_select_group (mt_export_dialog_get_scope (dialog), id);
  g_assert_cmpstr (mt_scope_chooser_get_group_id (mt_export_dialog_get_scope (dialog)), ==, id);
  mt_export_dialog_set_format (dialog, MT_EXPORT_CSV);
  file = export_to (dialog, "coach-b.csv", &finished);
  g_assert_true (finished.ok);

  text = gui_test_read_file (file);
  rows = mt_csv_parse (text, strlen (text), NULL, bad, &n_bad);
  g_assert_cmpuint (bad->len, ==, 0);
  g_assert_cmpuint (n_bad, ==, 0);
  g_assert_cmpuint (items->len, <, all->len);
  g_assert_cmpuint (rows->len, ==, items->len + 1);
  gui_test_force_close (window);
}

/* A delegate's printed itinerary: as many pages as the core lays out, on
 * Letter paper, in the language chosen */
static void
test_pdf_delegate (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  g_autoptr(MtDelegate) delegate = g_list_model_get_item (mt_tour_get_delegates (tour), 3);
  const char *id = mt_entity_get_id (MT_ENTITY (delegate));
  const MtPrintOptions in_app_language = { MT_PRINT_FOR_DELEGATES, "", FALSE, NULL };
  g_autoptr(MtPrintLayout) layout = mt_print_layout_new_with_options (tour, NULL, id, &in_app_language, NULL);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  MtExportDialog *dialog = open_export (window);
  Finished finished;
  double width, height;

  mt_scope_chooser_select_delegate (mt_export_dialog_get_scope (dialog), id, FALSE);
  mt_export_dialog_set_format (dialog, MT_EXPORT_PDF);
  mt_export_dialog_set_paper (dialog, MT_PAPER_LETTER);
  file = export_to (dialog, "delegate.pdf", &finished);
  g_assert_true (finished.ok);

  path = g_file_get_path (file);
  mt_paper_get_size (MT_PAPER_LETTER, &width, &height);
  g_assert_cmpuint (gui_test_pdf_pages (path), ==, mt_print_layout_get_n_pages (layout, width, height));
  text = gui_test_pdf_text (path);
  g_assert_nonnull (strstr (text, mt_delegate_get_name (delegate)));
  g_assert_nonnull (strstr (text, "Day 1 of 7"));
  gui_test_force_close (window);

  /* in Simplified Chinese, while the window stays in English */
  if (!mt_language_available ("zh_CN") || g_strcmp0 (setlocale (LC_MESSAGES, NULL), "en_US.UTF-8") != 0)
    {
      g_test_skip ("the zh_CN.UTF-8 and en_US.UTF-8 locales are not both installed");
      return;
    }
  window = gui_test_open_sample (app);
  dialog = open_export (window);
  mt_scope_chooser_select_delegate (mt_export_dialog_get_scope (dialog), id, FALSE);
  mt_export_dialog_set_format (dialog, MT_EXPORT_PDF);
  mt_export_dialog_set_language (dialog, "zh_CN");
  g_clear_object (&file);
  file = export_to (dialog, "delegate-zh.pdf", &finished);
  g_assert_true (finished.ok);
  g_free (path);
  path = g_file_get_path (file);
  g_free (text);
  text = gui_test_pdf_text (path);
  g_assert_null (strstr (text, "Day 1 of 7"));
  g_assert_nonnull (strstr (text, "第 1 天，共 7 天"));
  /* the date of the first day, in Chinese */
  g_assert_nonnull (strstr (text, "5月14日"));
  /* and the window is still in English */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Day %d of %u"), ==, "Day %d of %u");
  gui_test_force_close (window);
}

/* Several delegates: a folder of personal files, an .ics and a PDF each,
 * named after them; two delegates of one name do not overwrite each other */
static void
test_folder (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  g_autofree char *folder_path = g_build_filename (out_dir, "personal", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  MtExportDialog *dialog;
  MtScopeChooser *scope;
  Finished finished = { 0 };
  const char *names[4];
  g_autoptr(MtDelegate) twin = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (mt_tour_get_delegates (tour), i * 10);

      names[i] = mt_delegate_get_name (delegate);
    }
  twin = MT_DELEGATE (mt_entity_copy (MT_ENTITY (gui_test_find_entity (tour, MT_ENTITY_DELEGATE, names[0])), NULL));
  g_assert_true (mt_tour_add (tour, MT_ENTITY (twin), NULL));
  names[3] = NULL;

  dialog = open_export (window);
  scope = mt_export_dialog_get_scope (dialog);
  for (guint i = 0; i < 3; i++)
    mt_scope_chooser_select_delegate (scope, mt_entity_get_id (gui_test_find_entity (tour, MT_ENTITY_DELEGATE, names[i])), i > 0);
  mt_scope_chooser_select_delegate (scope, mt_entity_get_id (MT_ENTITY (twin)), TRUE);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &finished);
  mt_export_dialog_export_to (dialog, folder);
  g_assert_true (gui_test_wait_until (is_done, &finished));
  g_assert_true (finished.ok);
  g_assert_cmpuint (finished.n_files, ==, 8);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *ics = g_strdup_printf ("%s/%s.ics", folder_path, names[i]);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", folder_path, names[i]);
      g_autofree char *text = NULL;
      g_autoptr(MtTour) empty = mt_tour_new ();
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
      g_assert_true (mt_ical_import_data (empty, text, strlen (text), ics, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (gui_test_pdf_pages (pdf), >, 0);
    }
  {
    g_autofree char *second = g_strdup_printf ("%s/%s (2).pdf", folder_path, names[0]);

    g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  }
  gui_test_force_close (window);
}

static gboolean
three_done (gpointer dialog)
{
  GObject *bar = gtk_widget_get_template_child (dialog, MT_TYPE_EXPORT_DIALOG, "progress_bar");

  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) >= 3.0 / 108;
}

static gboolean
one_done (gpointer dialog)
{
  GObject *bar = gtk_widget_get_template_child (dialog, MT_TYPE_EXPORT_DIALOG, "progress_bar");

  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0;
}

/* ready whenever the main loop looks, above the export's steps */
static gboolean
keep_holding (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Cancel stops a big export part way, and says how far it got */
static void
test_folder_cancel (void)
{
  MtWindow *window = gui_test_open_sample (app);
  g_autofree char *folder_path = g_build_filename (out_dir, "cancelled", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GDir) dir = NULL;
  MtExportDialog *dialog;
  Finished finished = { 0 };
  guint n_files = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  dialog = open_export (window);
  mt_scope_chooser_set_kind (mt_export_dialog_get_scope (dialog), MT_SCOPE_DELEGATES);
  g_assert_false (mt_scope_chooser_is_complete (mt_export_dialog_get_scope (dialog)));
  g_signal_emit_by_name (gui_test_find_button (GTK_WIDGET (dialog), _("_All")), "clicked");
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &finished);
  mt_export_dialog_export_to (dialog, folder);
  /* a few delegates, then Cancel */
  g_assert_true (gui_test_wait_until (three_done, dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);
  g_assert_true (finished.done);
  g_assert_false (finished.ok);
  g_assert_cmpuint (finished.n_files, >, 0);
  g_assert_cmpuint (finished.n_files, <, 2 * 108);

  dir = g_dir_open (folder_path, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, finished.n_files);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  {
    g_autofree char *toast = g_strdup_printf ("Exported %u of 108 schedules before you cancelled", n_files / 2);

    g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), toast));
  }
  gui_test_force_close (window);
}

static void
test_look (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtExportDialog *dialog = open_export (window);
  MtScopeChooser *scope = mt_export_dialog_get_scope (dialog);
  g_autoptr(MtDelegate) first = g_list_model_get_item (mt_tour_get_delegates (mt_window_get_tour (window)), 0);
  g_autoptr(MtDelegate) second = g_list_model_get_item (mt_tour_get_delegates (mt_window_get_tour (window)), 1);
  g_autofree char *folder_path = g_build_filename (out_dir, "look", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  guint hold;

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);

  gui_test_screenshot_styles (GTK_WIDGET (dialog), "export-dialog");
  mt_scope_chooser_select_delegate (scope, mt_entity_get_id (MT_ENTITY (first)), FALSE);
  mt_scope_chooser_select_delegate (scope, mt_entity_get_id (MT_ENTITY (second)), TRUE);
  gui_test_screenshot_styles (GTK_WIDGET (dialog), "export-dialog-delegates");
  /* every delegate, to a folder: the progress after the first, held there
   * (the steps run at idle priority) while the screenshots are taken */
  g_signal_emit_by_name (gui_test_find_button (GTK_WIDGET (dialog), _("_All")), "clicked");
  mt_export_dialog_export_to (dialog, folder);
  g_assert_true (gui_test_wait_until (one_done, dialog));
  hold = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE - 10, keep_holding, NULL, NULL);
  gui_test_screenshot_styles (GTK_WIDGET (dialog), "export-progress");
  g_source_remove (hold);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);
  gui_test_iterate ();
  gui_test_force_close (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/export/ics-tour", test_ics_tour);
  g_test_add_func ("/gui/export/csv-group", test_csv_group);
  g_test_add_func ("/gui/export/pdf-delegate", test_pdf_delegate);
  g_test_add_func ("/gui/export/folder", test_folder);
  g_test_add_func ("/gui/export/folder-cancel", test_folder_cancel);
  g_test_add_func ("/gui/export/look", test_look);
}

int
main (int   argc,
      char *argv[])
{
  /* an English user's locale, as the app meets it: GLib translates nothing
   * for a program started in C.UTF-8 whose own catalogue has no English,
   * so that a printout in another language would stay in English */
  g_setenv ("MT_TEST_ENGLISH_LOCALE", "en_US.UTF-8", FALSE);

  return gui_test_main (&argc, &argv, &app, &out_dir, add_tests);
}
