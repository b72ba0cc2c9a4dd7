/* test-printing.c: Print… through its real dialog: the preview's pages, and
 * GtkPrintOperation exporting to a PDF, page for page the CLI's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gui-test-util.h"
#include "mt-print.h"
#include "mt-print-dialog.h"

/* as the Print and Export dialogs print: in the language they chose (here
 * the app's), a delegate's printout too */
static const MtPrintOptions in_app_language = { MT_PRINT_FOR_DELEGATES, "", FALSE, NULL };

static MtApplication *app;
static char *out_dir;

static MtPrintDialog *
open_print (MtWindow *window)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (MT_TYPE_PRINT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  return MT_PRINT_DIALOG (dialog);
}

/* the pages of the PDF that mediatour-cli writes of @tour_path */
static guint
cli_pages (const char *tour_path,
           const char *option,
           const char *value,
           const char *name)
{
  g_autofree char *pdf = g_build_filename (out_dir, name, NULL);
  const char *argv[] = { g_getenv ("MT_CLI"), "export", tour_path, "--format", "pdf", "-o", pdf,
                         option, value, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return gui_test_pdf_pages (pdf);
}

/* prints through GtkPrintOperation into @name; returns its pages */
static guint
print_pages (MtPrintDialog *dialog,
             const char    *name)
{
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mt_print_dialog_run (dialog, GTK_PRINT_OPERATION_ACTION_EXPORT, file, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  return gui_test_pdf_pages (path);
}

/* The tour, a group and a delegate print on as many pages as the CLI's PDF
 * has, and as the preview shows */
static void
test_pages (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  g_autofree char *tour_path = g_build_filename (out_dir, "tour.mtour", NULL);
  g_autoptr(GFile) tour_file = g_file_new_for_path (tour_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtDelegate) delegate = g_list_model_get_item (mt_tour_get_delegates (tour), 5);
  MtGroup *group = gui_test_find_entity (tour, MT_ENTITY_GROUP, "TV crews");
  MtPrintDialog *dialog;
  guint pages, cli;

  g_assert_true (mt_tour_save_file (tour, tour_file, NULL, &error));
  g_assert_no_error (error);

  dialog = open_print (window);
  pages = print_pages (dialog, "tour.pdf");
  cli = cli_pages (tour_path, "--paper", "a4", "tour-cli.pdf");
  g_assert_cmpuint (pages, ==, cli);
  g_assert_cmpuint (pages, ==, mt_print_dialog_get_n_pages (dialog));
  g_assert_cmpuint (pages, >=, 7);

  mt_scope_chooser_select_group (mt_print_dialog_get_scope (dialog), mt_entity_get_id (MT_ENTITY (group)));
  pages = print_pages (dialog, "group.pdf");
  cli = cli_pages (tour_path, "--group", mt_entity_get_id (MT_ENTITY (group)), "group-cli.pdf");
  g_assert_cmpuint (pages, ==, cli);
  g_assert_cmpuint (pages, ==, mt_print_dialog_get_n_pages (dialog));

  mt_scope_chooser_select_delegate (mt_print_dialog_get_scope (dialog), mt_entity_get_id (MT_ENTITY (delegate)), FALSE);
  mt_print_dialog_set_paper (dialog, MT_PAPER_LETTER);
  pages = print_pages (dialog, "delegate.pdf");
  g_assert_cmpuint (pages, ==, mt_print_dialog_get_n_pages (dialog));
  {
    g_autoptr(MtPrintLayout) layout = mt_print_layout_new_with_options (tour, NULL, mt_entity_get_id (MT_ENTITY (delegate)), &in_app_language, NULL);
    double width, height;

    mt_paper_get_size (MT_PAPER_LETTER, &width, &height);
    g_assert_cmpuint (pages, ==, mt_print_layout_get_n_pages (layout, width, height));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_force_close (window);
}

/* Several delegates print one after the other, each from a new page; the
 * preview pages through them */
static void
test_several (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  g_autoptr(MtDelegate) a = g_list_model_get_item (mt_tour_get_delegates (tour), 0);
  g_autoptr(MtDelegate) b = g_list_model_get_item (mt_tour_get_delegates (tour), 50);
  g_autoptr(MtPrintLayout) layout_a = mt_print_layout_new_with_options (tour, NULL, mt_entity_get_id (MT_ENTITY (a)), &in_app_language, NULL);
  g_autoptr(MtPrintLayout) layout_b = mt_print_layout_new_with_options (tour, NULL, mt_entity_get_id (MT_ENTITY (b)), &in_app_language, NULL);
  MtPrintDialog *dialog = open_print (window);
  MtScopeChooser *scope = mt_print_dialog_get_scope (dialog);
  double width, height;
  guint n;

  mt_paper_get_size (MT_PAPER_A4, &width, &height);
  n = mt_print_layout_get_n_pages (layout_a, width, height) + mt_print_layout_get_n_pages (layout_b, width, height);
  mt_scope_chooser_select_delegate (scope, mt_entity_get_id (MT_ENTITY (a)), FALSE);
  mt_scope_chooser_select_delegate (scope, mt_entity_get_id (MT_ENTITY (b)), TRUE);
  g_assert_cmpuint (mt_print_dialog_get_n_pages (dialog), ==, n);
  g_assert_cmpuint (print_pages (dialog, "two.pdf"), ==, n);

  /* the preview's pages, forward and back */
  g_assert_cmpuint (mt_print_dialog_get_page (dialog), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "print.previous-page", NULL);
  g_assert_cmpuint (mt_print_dialog_get_page (dialog), ==, 0);
  for (guint i = 1; i < n + 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "print.next-page", NULL);
  g_assert_cmpuint (mt_print_dialog_get_page (dialog), ==, n - 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "print.previous-page", NULL);
  g_assert_cmpuint (mt_print_dialog_get_page (dialog), ==, n - 2);

  /* nobody chosen: nothing to print, and Print… says so by being off */
  mt_scope_chooser_select_delegate (scope, NULL, FALSE);
  g_assert_cmpuint (mt_print_dialog_get_n_pages (dialog), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (gui_test_find_button (GTK_WIDGET (dialog), _("_Print…"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_force_close (window);
}

static void
test_look (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtPrintDialog *dialog = open_print (window);
  g_autoptr(MtDelegate) delegate = g_list_model_get_item (mt_tour_get_delegates (mt_window_get_tour (window)), 5);

  gui_test_screenshot_styles (GTK_WIDGET (dialog), "print-dialog");
  mt_scope_chooser_select_delegate (mt_print_dialog_get_scope (dialog), mt_entity_get_id (MT_ENTITY (delegate)), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "print.next-page", NULL);
  gui_test_screenshot_styles (GTK_WIDGET (dialog), "print-dialog-delegate");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_force_close (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/print/pages", test_pages);
  g_test_add_func ("/gui/print/several", test_several);
  g_test_add_func ("/gui/print/look", test_look);
}

int
main (int   argc,
      char *argv[])
{
  return gui_test_main (&argc, &argv, &app, &out_dir, add_tests);
}
