/* test-window.c: the window, driven through its real widgets and actions
 *
 * Runs under xvfb-run (see meson.build). Screenshots of the main views go to
 * <build>/tests/gui/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "gui-test-util.h"
#include "mt-day-column.h"
#include "mt-delegates-page.h"
#include "mt-interviews-page.h"
#include "mt-itinerary-model.h"
#include "mt-itinerary-view.h"
#include "mt-recovery.h"
#include "mt-sites-page.h"
#include "mt-timeline-view.h"
#include "mt-visit-card.h"
#include "mt-visit-editor.h"

static MtApplication *app;
static char *tmp_dir;

static MtItineraryView *
itinerary_of (MtWindow *window)
{
  return MT_ITINERARY_VIEW (mt_window_get_itinerary (window));
}

static MtDayColumn *
column_of (MtWindow *window,
           guint     day)
{
  return MT_DAY_COLUMN (mt_itinerary_view_get_column (itinerary_of (window), day));
}

static gboolean
column_has (MtDayColumn *column,
            MtVisit     *visit)
{
  GListModel *visits = mt_day_column_get_visits (column);

  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
    {
      g_autoptr(MtVisit) item = g_list_model_get_item (visits, i);

      if (item == visit)
        return TRUE;
    }
  return FALSE;
}

/* The window opens on the sample with seven day columns, their dates, and
 * each day's visits in time order, as the cards on screen show them. */
static void
test_sample_columns (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtItineraryView *view = itinerary_of (window);
  const char *dates[] = {
    "Tuesday, 14 May", "Wednesday, 15 May", "Thursday, 16 May", "Friday, 17 May",
    "Saturday, 18 May", "Sunday, 19 May", "Monday, 20 May",
  };
  MtVisitCard *first_card = NULL;

  g_assert_cmpuint (mt_itinerary_view_get_n_columns (view), ==, 7);
  for (guint d = 0; d < 7; d++)
    {
      MtDayColumn *column = column_of (window, d);
      g_autofree char *title = g_strdup_printf ("Day %u", d + 1);
      g_autoptr(GPtrArray) expected = mt_itinerary_dup_day_visits (tour, d);
      GListModel *shown = mt_day_column_get_visits (column);

      g_assert_cmpstr (mt_day_column_get_title_text (column), ==, title);
      g_assert_cmpstr (mt_day_column_get_date_text (column), ==, dates[d]);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len);
      g_assert_cmpuint (expected->len, >, 0);
      for (guint i = 0; i < expected->len; i++)
        {
          g_autoptr(MtVisit) visit = g_list_model_get_item (shown, i);

          g_assert_true (visit == g_ptr_array_index (expected, i));
        }
    }
  g_assert_cmpstr (mt_day_column_get_cities_text (column_of (window, 0)), ==, "Guangzhou");

  /* the first card of day 1 on screen: the provincial briefing at 09:00 */
  {
    g_autoptr(MtVisit) first = g_list_model_get_item (mt_day_column_get_visits (column_of (window, 0)), 0);

    first_card = MT_VISIT_CARD (mt_day_column_find_card (column_of (window, 0), first));
    g_assert_nonnull (first_card);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (first_card)));
    g_assert_cmpstr (mt_visit_card_get_time_text (first_card), ==, "09:00 – 11:30");
    g_assert_cmpstr (mt_visit_card_get_title_text (first_card), ==, mt_visit_get_title (first));
  }

  /* the title names the tour; a clean sample has no unsaved mark */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, mt_tour_get_title (tour));
  g_assert_false (mt_window_get_dirty (window));

  g_free (gui_test_screenshot (GTK_WIDGET (window), "itinerary-light"));

  gui_test_force_close (window);
}

static MtVisit *
first_visit_of (MtWindow *window,
                guint     day)
{
  g_autoptr(MtVisit) visit = g_list_model_get_item (mt_day_column_get_visits (column_of (window, day)), 0);

  return visit;  /* the tour holds it */
}

/* Only the columns in view have built their cards by the first frame;
 * scrolling to a column, or revealing one of its visits, builds its cards. */
static void
test_cards_in_view (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtDayColumn *first = column_of (window, 0);
  MtDayColumn *last = column_of (window, 6);
  GtkWidget *board = gtk_widget_get_ancestor (GTK_WIDGET (last), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (board));

  /* the first frame is drawn: Day 1's cards exist and are on screen */
  g_assert_true (mt_day_column_get_cards_shown (first));
  g_assert_nonnull (mt_day_column_find_card (first, first_visit_of (window, 0)));
  /* 1280 pixels hold four days and a bit: Day 7 is out of sight, and has
   * its visits but no cards */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <, 1600);
  g_assert_false (mt_day_column_get_cards_shown (last));
  g_assert_cmpuint (g_list_model_get_n_items (mt_day_column_get_visits (last)), >, 0);
  g_assert_null (mt_day_column_find_card (last, first_visit_of (window, 6)));

  /* scrolled to the end, Day 7 has its cards in the next frame */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (mt_day_column_get_cards_shown (last));
  g_assert_nonnull (mt_day_column_find_card (last, first_visit_of (window, 6)));
  gui_test_force_close (window);

  /* revealing a visit of a day out of sight (from the problems panel or
   * the search) builds that day's cards, selects the visit and flashes
   * its card */
  window = gui_test_open_sample (app);
  last = column_of (window, 6);
  g_assert_false (mt_day_column_get_cards_shown (last));
  g_assert_true (mt_day_column_reveal_visit (last, first_visit_of (window, 6)));
  g_assert_true (mt_day_column_get_cards_shown (last));
  g_assert_true (mt_day_column_get_selected (last) == first_visit_of (window, 6));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_nonnull (mt_day_column_find_card (last, first_visit_of (window, 6)));
  gui_test_force_close (window);

  /* keyboard focus entering a day without cards (scrolled straight past
   * it) builds them, so that Tab reaches them */
  window = gui_test_open_sample (app);
  last = column_of (window, 6);
  g_assert_false (mt_day_column_get_cards_shown (last));
  gtk_widget_child_focus (GTK_WIDGET (last), GTK_DIR_TAB_FORWARD);
  g_assert_true (mt_day_column_get_cards_shown (last));
  gui_test_force_close (window);
}

static void
set_entry (GtkWidget  *editor,
           const char *child,
           const char *text)
{
  GObject *entry = gtk_widget_get_template_child (editor, MT_TYPE_VISIT_EDITOR, child);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Add through the editor, move, undo, redo, delete, undo: after each step
 * the model holds what the columns show. */
static void
test_edit_cycle (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtHistory *history = mt_tour_get_history (tour);
  MtItineraryView *view = itinerary_of (window);
  guint n_visits = mt_tour_count (tour, MT_ENTITY_VISIT);
  GtkWidget *editor;
  GtkWidget *end_entry;
  MtVisit *visit;
  guint n_steps;

  /* the + of Day 3 opens the editor for a new visit on that day */
  gtk_widget_activate_action (GTK_WIDGET (column_of (window, 2)), "itinerary.add-visit", "i", 2);
  gui_test_iterate ();
  editor = gui_test_find_toplevel (MT_TYPE_VISIT_EDITOR, GTK_WINDOW (window));
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));

  set_entry (editor, "title_row", "EHang test flight");
  set_entry (editor, "start_entry", "10:00");

  /* an end before the start is shown on the field and Save is off */
  set_entry (editor, "end_entry", "09:00");
  end_entry = GTK_WIDGET (gtk_widget_get_template_child (editor, MT_TYPE_VISIT_EDITOR, "end_entry"));
  g_assert_true (gtk_widget_has_css_class (end_entry, "error"));
  g_assert_false (mt_visit_editor_can_save (MT_VISIT_EDITOR (editor)));
  gtk_widget_activate_action (editor, "editor.save", NULL);
  gui_test_iterate ();
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, n_visits);

  set_entry (editor, "end_entry", "11:30");
  g_assert_false (gtk_widget_has_css_class (end_entry, "error"));
  g_assert_true (mt_visit_editor_can_save (MT_VISIT_EDITOR (editor)));
  g_free (gui_test_screenshot (editor, "visit-editor"));

  n_steps = mt_history_get_n_steps (history);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  gui_test_iterate ();

  visit = gui_test_find_entity (tour, MT_ENTITY_VISIT, "EHang test flight");
  g_assert_nonnull (visit);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, n_visits + 1);
  g_assert_cmpint (mt_visit_get_start (visit), ==, mt_tour_get_day_start (tour, 2) + 10 * 3600);
  g_assert_cmpint (mt_visit_get_end (visit), ==, mt_tour_get_day_start (tour, 2) + 11 * 3600 + 1800);
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, n_steps + 1);
  g_assert_cmpstr (mt_history_get_undo_label (history), ==, "Add “EHang test flight”");
  g_assert_true (column_has (column_of (window, 2), visit));
  g_assert_true (mt_window_get_dirty (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_null (gui_test_find_toplevel (MT_TYPE_VISIT_EDITOR, GTK_WINDOW (window)));

  /* what a drop on Day 4's header does */
  mt_itinerary_view_place_visit (view, visit, mt_visit_get_start (visit) + MT_SECONDS_PER_DAY, FALSE);
  gui_test_iterate ();
  g_assert_false (column_has (column_of (window, 2), visit));
  g_assert_true (column_has (column_of (window, 3), visit));
  g_assert_cmpint (mt_visit_get_start (visit), ==, mt_tour_get_day_start (tour, 3) + 10 * 3600);
  g_assert_cmpstr (mt_history_get_undo_label (history), ==, "Move “EHang test flight”");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_iterate ();
  g_assert_true (column_has (column_of (window, 2), visit));
  g_assert_false (column_has (column_of (window, 3), visit));
  g_assert_cmpint (mt_visit_get_start (visit), ==, mt_tour_get_day_start (tour, 2) + 10 * 3600);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  gui_test_iterate ();
  g_assert_true (column_has (column_of (window, 3), visit));
  g_assert_false (column_has (column_of (window, 2), visit));

  /* delete: gone from the tour and the column, no question asked */
  g_object_ref (visit);
  gtk_widget_activate_action (GTK_WIDGET (view), "itinerary.delete-visit", "s",
                              mt_entity_get_id (MT_ENTITY (visit)));
  gui_test_iterate ();
  g_assert_null (mt_tour_lookup (tour, mt_entity_get_id (MT_ENTITY (visit))));
  g_assert_false (column_has (column_of (window, 3), visit));
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_iterate ();
  g_assert_true (mt_tour_lookup (tour, mt_entity_get_id (MT_ENTITY (visit))) == MT_ENTITY (visit));
  g_assert_true (column_has (column_of (window, 3), visit));

  /* Ctrl-drag: a copy, one step */
  n_steps = mt_history_get_n_steps (history);
  mt_itinerary_view_place_visit (view, visit, mt_tour_get_day_start (tour, 5) + 15 * 3600, TRUE);
  gui_test_iterate ();
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, n_visits + 2);
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, n_steps + 1);
  g_assert_true (column_has (column_of (window, 3), visit));
  g_assert_cmpuint (g_list_model_get_n_items (mt_day_column_get_visits (column_of (window, 5))), ==,
                    mt_itinerary_dup_day_visits (tour, 5)->len);
  g_object_unref (visit);

  gui_test_force_close (window);
}

/* Moving a visit moves its interviews, and the editor edits as one step. */
static void
test_edit_existing (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtHistory *history = mt_tour_get_history (tour);
  g_autoptr(MtVisit) first = g_list_model_get_item (mt_day_column_get_visits (column_of (window, 0)), 0);
  GtkWidget *editor;
  guint n_steps = mt_history_get_n_steps (history);
  gint64 old_start = mt_visit_get_start (first);

  editor = mt_itinerary_view_open_editor (itinerary_of (window), first, -1);
  gui_test_iterate ();
  set_entry (editor, "title_row", "Provincial briefing (moved)");
  set_entry (editor, "start_entry", "9:30");
  set_entry (editor, "end_entry", "1200");
  gtk_widget_activate_action (editor, "editor.save", NULL);
  gui_test_iterate ();

  g_assert_cmpstr (mt_visit_get_title (first), ==, "Provincial briefing (moved)");
  g_assert_cmpint (mt_visit_get_start (first), ==, old_start + 1800);
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, n_steps + 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (mt_visit_get_start (first), ==, old_start);
  g_assert_cmpstr (mt_visit_get_title (first), !=, "Provincial briefing (moved)");

  gui_test_force_close (window);
}


static gboolean
has_window_for (gpointer data)
{
  GFile *file = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (MT_IS_WINDOW (l->data) && mt_window_get_file (l->data)
        && g_file_equal (mt_window_get_file (l->data), file))
      return TRUE;
  return FALSE;
}

/* Save, open the file again, save that: the same bytes. */
static void
test_save_reopen (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  g_autoptr(GFile) first = g_file_new_build_filename (tmp_dir, "first.mtour", NULL);
  g_autoptr(GFile) second = g_file_new_build_filename (tmp_dir, "second.mtour", NULL);
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  gsize first_length, second_length;
  MtWindow *reopened = NULL;

  mt_tour_set_title (tour, "Saved and reopened");
  g_assert_true (mt_window_get_dirty (window));

  g_assert_true (gui_test_save (window, first));
  g_assert_false (mt_window_get_dirty (window));
  g_assert_true (g_file_equal (mt_window_get_file (window), first));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Saved and reopened");

  /* opening it while open presents the same window */
  mt_application_open_file (app, first);
  gui_test_iterate ();
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
  gui_test_force_close (window);
  g_assert_false (has_window_for (first));

  /* open it through the application as the file manager would */
  mt_application_open_file (app, first);
  g_assert_true (gui_test_wait_until (has_window_for, first));
  reopened = MT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (g_file_equal (mt_window_get_file (reopened), first));
  g_assert_false (mt_window_get_dirty (reopened));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (reopened)), ==, "Saved and reopened");
  g_assert_cmpuint (mt_itinerary_view_get_n_columns (itinerary_of (reopened)), ==, 7);

  g_assert_true (gui_test_save (reopened, second));
  g_assert_true (g_file_load_contents (first, NULL, &first_data, &first_length, NULL, NULL));
  g_assert_true (g_file_load_contents (second, NULL, &second_data, &second_length, NULL, NULL));
  g_assert_cmpmem (first_data, first_length, second_data, second_length);

  gui_test_force_close (reopened);
}

/* Closing with unsaved changes asks; Cancel keeps the window, Discard
 * closes it and throws the autosave away. */
static void
test_close_asks (void)
{
  MtWindow *window = gui_test_open_sample (app);
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  mt_tour_set_title (mt_window_get_tour (window), "Unsaved");
  gtk_window_close (GTK_WINDOW (window));
  gui_test_iterate ();

  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "discard"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "cancel"));
  g_free (gui_test_screenshot (dialog, "close-dialog"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gui_test_iterate ();
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (mt_tour_get_title (mt_window_get_tour (window)), ==, "Unsaved");

  gtk_window_close (GTK_WINDOW (window));
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gui_test_iterate ();
  g_assert_null (window);
}

/* A save that cannot be written shows the error and keeps the edits.
 * Tests run as root in CI, where permissions do not stop a write: the
 * target's parent folder is a regular file instead, which stops anyone. */
static void
test_save_error (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  g_autofree char *blocker = g_build_filename (tmp_dir, "not-a-folder", NULL);
  g_autofree char *target_path = g_build_filename (blocker, "tour.mtour", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (blocker, "a plain file", -1, NULL));
  mt_tour_set_title (tour, "Edits that must survive");

  g_assert_false (gui_test_save (window, target));
  gui_test_iterate ();

  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save-as"));
  g_free (gui_test_screenshot (dialog, "save-error-dialog"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gui_test_iterate ();

  g_assert_true (mt_window_get_dirty (window));
  g_assert_null (mt_window_get_file (window));
  g_assert_cmpstr (mt_tour_get_title (tour), ==, "Edits that must survive");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_false (g_file_query_exists (target, NULL));

  gui_test_force_close (window);
}

static gboolean
transition_over (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

/* The timeline shows the same days; dark mode; screenshots of both. */
static void
test_timeline_and_dark (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtItineraryView *view = itinerary_of (window);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(MtVisit) visit = g_list_model_get_item (mt_day_column_get_visits (column_of (window, 1)), 0);
  GAction *mode = g_action_map_lookup_action (G_ACTION_MAP (window), "itinerary-mode");

  g_assert_nonnull (mode);
  g_action_activate (mode, g_variant_new_string ("timeline"));
  gui_test_iterate ();
  g_assert_cmpstr (mt_itinerary_view_get_mode (view), ==, "timeline");
  g_assert_true (gtk_widget_get_mapped (mt_itinerary_view_get_timeline (view)));
  /* the board cross-fades into the timeline: wait until it has, so that
   * the screenshot shows the timeline alone */
  g_assert_true (gui_test_wait_until (transition_over,
                                      gtk_widget_get_ancestor (mt_itinerary_view_get_timeline (view),
                                                               GTK_TYPE_STACK)));

  mt_window_reveal_item (window, mt_entity_get_id (MT_ENTITY (visit)));
  g_assert_true (mt_timeline_view_get_selected (MT_TIMELINE_VIEW (mt_itinerary_view_get_timeline (view))) == visit);
  g_free (gui_test_screenshot (GTK_WIDGET (window), "timeline-light"));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  g_free (gui_test_screenshot (GTK_WIDGET (window), "timeline-dark"));

  g_action_activate (mode, g_variant_new_string ("board"));
  gui_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column_of (window, 0))));
  g_assert_true (gui_test_wait_until (transition_over,
                                      gtk_widget_get_ancestor (mt_itinerary_view_get_timeline (view),
                                                               GTK_TYPE_STACK)));
  mt_window_reveal_item (window, mt_entity_get_id (MT_ENTITY (visit)));
  g_assert_true (mt_day_column_get_selected (column_of (window, 1)) == visit);
  g_free (gui_test_screenshot (GTK_WIDGET (window), "itinerary-dark"));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gui_test_force_close (window);
}

/* With the problems panel open, no page asks for more width than the
 * window's default 1280 px, so opening the panel never grows the window. And
 * the hidden pages are built, with the tour, only once shown. */
static void
test_min_width (void)
{
  MtWindow *window = gui_test_open_sample (app);
  AdwViewStack *stack = ADW_VIEW_STACK (gui_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  const char *pages[] = { "itinerary", "delegates", "interviews", "sites" };
  GType page_types[] = { MT_TYPE_DELEGATES_PAGE, MT_TYPE_INTERVIEWS_PAGE, MT_TYPE_SITES_PAGE };
  MtDelegatesPage *delegates;

  g_assert_nonnull (stack);
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    g_assert_null (gui_test_find_descendant (GTK_WIDGET (window), page_types[i]));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      int min_width, min_page;

      adw_view_stack_set_visible_child_name (stack, pages[i]);
      gui_test_wait_for_frame (GTK_WIDGET (window));
      gtk_widget_measure (adw_view_stack_get_visible_child (stack), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_page, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_width, NULL, NULL, NULL);
      g_test_message ("%s: the page needs %d px, the window %d px", pages[i], min_page, min_width);
      g_assert_cmpint (min_width, <=, 1280);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1280);
    }
  delegates = MT_DELEGATES_PAGE (gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_DELEGATES_PAGE));
  g_assert_nonnull (delegates);
  g_assert_true (mt_tour_view_get_tour (MT_TOUR_VIEW (delegates)) == mt_window_get_tour (window));
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    g_assert_nonnull (gui_test_find_descendant (GTK_WIDGET (window), page_types[i]));

  gui_test_force_close (window);
}

/* The itinerary in Simplified Chinese, for the screenshots. The test runs
 * in a subprocess that starts GTK under the zh_CN.UTF-8 locale (see main()),
 * with the catalogue built in <build>/po. */
static GtkWidget *
find_button_content (GtkWidget  *root,
                     const char *label)
{
  if (ADW_IS_BUTTON_CONTENT (root) &&
      g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_content (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_zh_cn (void)
{
  if (!gui_test_have_zh_cn ())
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }

  if (g_test_subprocess ())
    {
      MtWindow *window = gui_test_open_sample (app);
      g_autofree char *path = NULL;

      /* the board's mode button speaks Chinese, not English */
      g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "_Board"), !=, "_Board");
      g_assert_nonnull (find_button_content (GTK_WIDGET (window), g_dgettext (GETTEXT_PACKAGE, "_Board")));
      g_assert_null (find_button_content (GTK_WIDGET (window), "_Board"));

      path = gui_test_screenshot (GTK_WIDGET (window), "itinerary-zh_CN");
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      gui_test_force_close (window);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = gui_test_setup_env ();
  g_test_init (&argc, &argv, NULL);
  gui_test_setup_locale ();
  gtk_init ();
  adw_init ();

  app = gui_test_app_new ();

  g_test_add_func ("/gui/window/sample-columns", test_sample_columns);
  g_test_add_func ("/gui/window/cards-in-view", test_cards_in_view);
  g_test_add_func ("/gui/window/edit-cycle", test_edit_cycle);
  g_test_add_func ("/gui/window/edit-existing", test_edit_existing);
  g_test_add_func ("/gui/window/save-reopen", test_save_reopen);
  g_test_add_func ("/gui/window/close-asks", test_close_asks);
  g_test_add_func ("/gui/window/save-error", test_save_error);
  g_test_add_func ("/gui/window/timeline-and-dark", test_timeline_and_dark);
  g_test_add_func ("/gui/window/min-width", test_min_width);
  g_test_add_func ("/gui/window/zh-cn", test_zh_cn);

  result = g_test_run ();

  g_clear_object (&app);
  gui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
