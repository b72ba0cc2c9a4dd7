/* test-import.c: Import… through its real dialog: the preview of a
 * calendar and of a roster before anything changes, and the import as one
 * undoable step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "gui-test-util.h"
#include "mt-ical.h"
#include "mt-import-dialog.h"
#include "mt-itinerary-view.h"

static MtApplication *app;
static char *out_dir;

static GFile *
write_file (const char *name,
            const char *text)
{
  GFile *file = g_file_new_build_filename (out_dir, name, NULL);

  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  return file;
}

static gboolean
has_import_dialog (gpointer window)
{
  return gui_test_find_toplevel (MT_TYPE_IMPORT_DIALOG, window) != NULL;
}

static MtImportDialog *
import (MtWindow *window,
        GFile    *file)
{
  mt_window_import_file (window, file);
  g_assert_true (gui_test_wait_until (has_import_dialog, window));
  return MT_IMPORT_DIALOG (gui_test_find_toplevel (MT_TYPE_IMPORT_DIALOG, GTK_WINDOW (window)));
}

/* A calendar: the tour's own zone, then one event that updates a visit,
 * one that adds a visit (with an attendee, which the import does not
 * take), one that repeats and is left out */
static char *
calendar_text (MtTour *tour)
{
  MtVisit *lunch = gui_test_find_entity (tour, MT_ENTITY_VISIT, "Lunch");
  g_autoptr(GBytes) bytes = mt_ical_export_to_bytes (tour, NULL, NULL, NULL);
  g_autofree char *all = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *head = g_strndup (all, strstr (all, "BEGIN:VEVENT") - all);

  return g_strdup_printf ("%s"
                          "BEGIN:VEVENT\r\nUID:%s@mediatour\r\nDTSTAMP:20240601T000000Z\r\n"
                          "DTSTART;TZID=Asia/Shanghai:20240514T120000\r\nDTEND;TZID=Asia/Shanghai:20240514T130000\r\n"
                          "SUMMARY:Lunch with the mayor\r\nEND:VEVENT\r\n"
                          "BEGIN:VEVENT\r\nUID:press-dinner@example.org\r\nDTSTAMP:20240601T000000Z\r\n"
                          "DTSTART;TZID=Asia/Shanghai:20240515T190000\r\nDTEND;TZID=Asia/Shanghai:20240515T210000\r\n"
                          "SUMMARY:Press dinner\r\nATTENDEE:mailto:press@example.org\r\nEND:VEVENT\r\n"
                          "BEGIN:VEVENT\r\nUID:weekly@example.org\r\nDTSTAMP:20240601T000000Z\r\n"
                          "DTSTART;TZID=Asia/Shanghai:20240516T080000\r\nDTEND;TZID=Asia/Shanghai:20240516T083000\r\n"
                          "RRULE:FREQ=WEEKLY\r\nSUMMARY:Weekly call\r\nEND:VEVENT\r\n"
                          "END:VCALENDAR\r\n",
                          head, mt_entity_get_id (MT_ENTITY (lunch)));
}

/* What the calendar would do is shown first, each item with its reason,
 * and Cancel changes nothing; Import does it in one step Undo takes back. */
static void
test_calendar (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtHistory *history = mt_tour_get_history (tour);
  MtVisit *lunch = gui_test_find_entity (tour, MT_ENTITY_VISIT, "Lunch");
  g_autofree char *text = calendar_text (tour);
  g_autoptr(GFile) file = write_file ("changes.ics", text);
  guint n_visits = mt_tour_count (tour, MT_ENTITY_VISIT);
  guint n_steps = mt_history_get_n_steps (history);
  const MtImportPreview *preview;
  MtImportDialog *dialog;

  dialog = import (window, file);
  preview = mt_import_dialog_get_preview (dialog);
  g_assert_cmpint (preview->kind, ==, MT_IMPORT_CALENDAR);
  g_assert_cmpuint (preview->n_added, ==, 1);
  g_assert_cmpuint (preview->n_updated, ==, 1);
  g_assert_cmpuint (preview->n_left_out, ==, 1);
  g_assert_false (preview->refused);
  /* what the import does not take is told, apart from what it leaves out */
  g_assert_cmpuint (preview->notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (preview->notes, 0), "ATTENDEE of “Press dinner”"));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (dialog), g_ptr_array_index (preview->notes, 0)));
  /* each shown, in its group, with why */
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (dialog), "Press dinner"));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (dialog), "Lunch with the mayor"));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (dialog), "Changes: Title"));
  for (guint i = 0; i < preview->items->len; i++)
    {
      const MtImportItem *item = g_ptr_array_index (preview->items, i);

      if (item->change == MT_IMPORT_LEAVE_OUT)
        g_assert_nonnull (strstr (item->detail, "repeat"));
      if (item->change == MT_IMPORT_ADD)
        g_assert_cmpstr (item->detail, ==, "Wednesday, 15 May, 19:00 – 21:00");
    }
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (gui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP))),
                   ==, "1 visit to add, 1 to update, 1 left out.");

  /* Cancel: nothing changed */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, n_visits);
  g_assert_cmpstr (mt_visit_get_title (lunch), ==, "Lunch");
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, n_steps);

  /* Import: both, in one step */
  dialog = import (window, file);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_null (gui_test_find_toplevel (MT_TYPE_IMPORT_DIALOG, GTK_WINDOW (window)));
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, n_visits + 1);
  g_assert_cmpstr (mt_visit_get_title (lunch), ==, "Lunch with the mayor");
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, n_steps + 1);
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), "Imported “changes.ics”: 1 visit added, 1 updated"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, n_visits);
  g_assert_cmpstr (mt_visit_get_title (lunch), ==, "Lunch");
  gui_test_force_close (window);
}

#define ROSTER_HEAD "\xef\xbb\xbfName,Outlet,Role,Group\r\n"

/* A roster: who it adds and updates, and the groups it brings; the toast
 * after says what it added */
static void
test_roster (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  g_autoptr(MtDelegate) first = g_list_model_get_item (mt_tour_get_delegates (tour), 0);
  g_autofree char *text = g_strdup_printf (ROSTER_HEAD
                                           "Ana Lima,Folha,reporter,Coach A\r\n"
                                           "Ben Okafor,Daily Trust,camera,Drivers\r\n"
                                           "%s,%s,editor,Coach A\r\n",
                                           mt_delegate_get_name (first), mt_delegate_get_outlet (first));
  g_autoptr(GFile) file = write_file ("roster.csv", text);
  guint n_delegates = mt_tour_count (tour, MT_ENTITY_DELEGATE);
  const MtImportPreview *preview;
  MtImportDialog *dialog;

  dialog = import (window, file);
  preview = mt_import_dialog_get_preview (dialog);
  g_assert_cmpint (preview->kind, ==, MT_IMPORT_ROSTER);
  g_assert_cmpuint (preview->n_added, ==, 2);
  g_assert_cmpuint (preview->n_updated, ==, 1);
  g_assert_cmpuint (preview->n_groups_added, ==, 1);
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (dialog), "Ana Lima"));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (dialog), "Folha · Coach A"));
  /* a roster without a Languages column clears them: the preview says so
   * before it happens */
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (dialog), "Changes: Role, Languages"));
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_DELEGATE), ==, n_delegates);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_DELEGATE), ==, n_delegates + 2);
  g_assert_cmpint (mt_delegate_get_role (first), ==, MT_ROLE_EDITOR);
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), "Imported “roster.csv”: 2 delegates added, 1 updated"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_DELEGATE), ==, n_delegates);
  gui_test_force_close (window);
}

/* A roster with a row that cannot be read: nothing can be imported, and
 * the row is named with what is wrong */
static void
test_roster_refused (void)
{
  MtWindow *window = gui_test_open_sample (app);
  g_autoptr(GFile) file = write_file ("bad.csv", ROSTER_HEAD "Ana Lima,Folha,reporter,Coach A\r\n,No name,camera,\r\n");
  const MtImportPreview *preview;
  MtImportDialog *dialog;
  const MtImportItem *item;

  dialog = import (window, file);
  preview = mt_import_dialog_get_preview (dialog);
  g_assert_true (preview->refused);
  g_assert_cmpuint (preview->n_left_out, ==, 1);
  item = g_ptr_array_index (preview->items, 0);
  g_assert_true (g_str_has_prefix (item->detail, "row 3:"));
  g_assert_false (gtk_widget_is_sensitive (gui_test_find_button (GTK_WIDGET (dialog), _("_Import"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_force_close (window);
}

static gboolean
has_message (gpointer window)
{
  return gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, window) != NULL;
}

/* A file that is neither says so, and changes nothing */
static void
test_unreadable (void)
{
  MtWindow *window = gui_test_open_sample (app);
  g_autoptr(GFile) file = write_file ("broken.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n");
  GtkWidget *dialog;

  mt_window_import_file (window, file);
  g_assert_true (gui_test_wait_until (has_message, window));
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Import “broken.ics”");
  g_assert_null (gui_test_find_toplevel (MT_TYPE_IMPORT_DIALOG, GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_force_close (window);
}

/* @name, a file of @mib MiB that holds nothing (sparse) */
static GFile *
write_large_file (const char *name,
                  guint       mib)
{
  GFile *file = write_file (name, "");
  g_autofree char *path = g_file_get_path (file);

  g_assert_cmpint (truncate (path, (off_t) mib << 20), ==, 0);
  return file;
}

/* A file larger than a roster or a calendar may be is refused before it
 * is read in, and the message says how large it is */
static void
test_too_large (void)
{
  MtWindow *window = gui_test_open_sample (app);
  struct { const char *name; guint mib; const char *says; } files[] = {
    { "huge.csv", 17, "the file is 17 MiB, more than the 16 MiB that is read" },
    { "huge.ics", 65, "the file is 65 MiB, more than the 64 MiB that is read" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) file = write_large_file (files[i].name, files[i].mib);
      GtkWidget *dialog;

      mt_window_import_file (window, file);
      g_assert_true (gui_test_wait_until (has_message, window));
      dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), files[i].says));
      g_assert_null (gui_test_find_toplevel (MT_TYPE_IMPORT_DIALOG, GTK_WINDOW (window)));
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_file_delete (file, NULL, NULL);
    }
  gui_test_force_close (window);
}

static gboolean
has_chooser (gpointer window)
{
  return gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, window) != NULL;
}

/* The delegates' Import CSV… and the empty board's Import a Roster… both
 * open Import…, whose file chooser comes first */
static void
test_buttons (void)
{
  MtWindow *window = gui_test_open_sample (app);
  g_autoptr(MtTour) empty = mt_tour_new ();
  GtkWidget *page, *chooser;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "delegates");
  gui_test_wait_for_frame (GTK_WIDGET (window));
  page = gui_test_find_descendant (GTK_WIDGET (window), g_type_from_name ("MtDelegatesPage"));
  g_assert_nonnull (page);
  g_signal_emit_by_name (gui_test_find_button (page, "Import CSV…"), "clicked");
  g_assert_true (gui_test_wait_until (has_chooser, window));
  chooser = gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Import a Calendar or a Roster");
  gtk_window_close (GTK_WINDOW (chooser));
  gui_test_iterate ();
  gui_test_force_close (window);

  window = mt_application_add_window (app, empty, NULL);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_signal_emit_by_name (gui_test_find_button (mt_window_get_itinerary (window), "_Import a Roster…"), "clicked");
  g_assert_true (gui_test_wait_until (has_chooser, window));
  gtk_window_close (GTK_WINDOW (gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window))));
  gui_test_iterate ();
  gui_test_force_close (window);
}

static void
test_look (void)
{
  MtWindow *window = gui_test_open_sample (app);
  g_autofree char *text = calendar_text (mt_window_get_tour (window));
  g_autoptr(GFile) calendar = write_file ("look.ics", text);
  g_autoptr(GFile) bad = write_file ("look.csv", ROSTER_HEAD ",No name,camera,\r\nAna Lima,Folha,chef,Coach A\r\n");
  MtImportDialog *dialog;

  dialog = import (window, calendar);
  gui_test_screenshot_styles (GTK_WIDGET (dialog), "import-calendar");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = import (window, bad);
  gui_test_screenshot_styles (GTK_WIDGET (dialog), "import-roster-refused");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_force_close (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/import/calendar", test_calendar);
  g_test_add_func ("/gui/import/roster", test_roster);
  g_test_add_func ("/gui/import/roster-refused", test_roster_refused);
  g_test_add_func ("/gui/import/unreadable", test_unreadable);
  g_test_add_func ("/gui/import/too-large", test_too_large);
  g_test_add_func ("/gui/import/buttons", test_buttons);
  g_test_add_func ("/gui/import/look", test_look);
}

int
main (int   argc,
      char *argv[])
{
  return gui_test_main (&argc, &argv, &app, &out_dir, add_tests);
}
