/* test-papercuts.c: the small things of everyday work, each through the
 * real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "mt-checker.h"
#include "mt-day-column.h"
#include "mt-delegates-page.h"
#include "mt-interviews-page.h"
#include "mt-itinerary-model.h"
#include "mt-itinerary-view.h"
#include "mt-page-logic.h"
#include "mt-problems-panel.h"
#include "mt-visit-card.h"
#include "mt-visit-editor.h"

static MtApplication *app;

static MtVisit *
add_visit (MtTour     *tour,
           const char *title,
           int         day,
           int         h1,
           int         h2)
{
  g_autoptr(MtVisit) visit = mt_visit_new (NULL);

  mt_visit_set_title (visit, title);
  mt_visit_set_start (visit, mt_tour_get_day_start (tour, day) + h1 * 3600);
  mt_visit_set_end (visit, mt_tour_get_day_start (tour, day) + h2 * 3600);
  g_assert_true (mt_tour_add (tour, MT_ENTITY (visit), NULL));
  return visit;
}

static MtWindow *
open_tour (MtTour *tour)
{
  MtWindow *window = mt_application_add_window (app, tour, NULL);

  gui_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

/* A new visit starts in the first free hour of its day, an hour long; the
 * editor's window says what it is */
static void
test_new_visit (void)
{
  g_autoptr(MtTour) tour = mt_tour_new ();
  MtWindow *window;
  GtkWidget *editor;

  add_visit (tour, "Morning briefing", 2, 9, 10);
  add_visit (tour, "Afternoon visit", 2, 14, 16);
  window = open_tour (tour);
  gtk_widget_activate_action (mt_window_get_itinerary (window), "itinerary.add-visit", "i", 2);
  gui_test_iterate ();
  editor = gui_test_find_toplevel (MT_TYPE_VISIT_EDITOR, GTK_WINDOW (window));
  g_assert_nonnull (editor);
  g_free (gui_test_screenshot (editor, "papercut-new-visit"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Visit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (editor, MT_TYPE_VISIT_EDITOR, "start_entry"))), ==, "10:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (editor, MT_TYPE_VISIT_EDITOR, "end_entry"))), ==, "11:00");
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = mt_itinerary_view_open_editor (MT_ITINERARY_VIEW (mt_window_get_itinerary (window)),
                                          gui_test_find_entity (tour, MT_ENTITY_VISIT, "Afternoon visit"), -1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Visit");
  gtk_window_destroy (GTK_WINDOW (editor));
  gui_test_force_close (window);
}

static guint
count_fixable (MtChecker *checker)
{
  GListModel *problems = mt_checker_get_problems (checker);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);

      n += mt_problem_has_fix (problem);
    }
  return n;
}

/* the problems panel of @window, checked, and its Fix All button */
static GtkWidget *
fix_all_of (MtWindow         *window,
            MtProblemsPanel **panel)
{
  *panel = MT_PROBLEMS_PANEL (gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_PROBLEMS_PANEL));
  mt_problems_panel_recheck_now (*panel);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  return gui_test_find_button (GTK_WIDGET (*panel), _("Fix All"));
}

/* Fix All shows only where the checker has something to fix: on the
 * sample, whose problems have no fix, it does not; two visits of a group
 * at once can be fixed, and it shows; an interview nobody takes part in
 * cannot, and it does not */
static void
test_fix_all (void)
{
  MtWindow *window = gui_test_open_sample (app);
  g_autoptr(MtTour) overlap = mt_tour_new ();
  g_autoptr(MtTour) lonely_tour = mt_tour_new ();
  g_autoptr(MtInterview) lonely = mt_interview_new (NULL);
  MtProblemsPanel *panel;
  GtkWidget *fix_all;
  MtVisit *visit;

  fix_all = fix_all_of (window, &panel);
  g_assert_cmpuint (mt_problems_panel_get_n_problems (panel), >, 0);
  g_assert_cmpuint (count_fixable (mt_problems_panel_get_checker (panel)), ==, 0);
  g_assert_false (gtk_widget_get_visible (fix_all));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-problems", NULL);
  g_free (gui_test_screenshot (GTK_WIDGET (window), "papercut-no-fix-all"));
  gui_test_force_close (window);

  add_visit (overlap, "Factory", 0, 10, 12);
  add_visit (overlap, "Laboratory", 0, 11, 13);
  window = open_tour (overlap);
  fix_all = fix_all_of (window, &panel);
  g_assert_cmpuint (count_fixable (mt_problems_panel_get_checker (panel)), >, 0);
  g_assert_true (gtk_widget_get_visible (fix_all));
  gui_test_force_close (window);

  visit = add_visit (lonely_tour, "Factory", 0, 10, 12);
  mt_interview_set_interviewee (lonely, "Someone");
  mt_interview_set_visit (lonely, mt_entity_get_id (MT_ENTITY (visit)));
  mt_interview_set_start (lonely, mt_visit_get_start (visit));
  mt_interview_set_end (lonely, mt_visit_get_start (visit) + 1800);
  g_assert_true (mt_tour_add (lonely_tour, MT_ENTITY (lonely), NULL));
  window = open_tour (lonely_tour);
  fix_all = fix_all_of (window, &panel);
  g_assert_cmpuint (mt_problems_panel_get_n_problems (panel), >, 0);
  g_assert_cmpuint (count_fixable (mt_problems_panel_get_checker (panel)), ==, 0);
  g_assert_false (gtk_widget_get_visible (fix_all));
  gui_test_force_close (window);
}

typedef struct
{
  int worst;   /* the highest level among the cards found */
  int errors;  /* cards showing an error */
} Levels;

static void
collect_level (gpointer card,
               gpointer data)
{
  Levels *levels = data;
  int level = mt_visit_card_get_problem_level (card);

  levels->worst = MAX (levels->worst, level);
  levels->errors += level == MT_PROBLEM_LEVEL_ERROR;
}

/* A card's problem icon has the colour of its worst problem: two visits of
 * one group at once are an error, shown red */
static void
test_problem_icon (void)
{
  g_autoptr(MtTour) tour = mt_tour_new ();
  MtWindow *window;
  MtDayColumn *day1;
  Levels levels = { -1, 0 };
  GtkWidget *panel;
  MtVisit *a;

  a = add_visit (tour, "Factory", 0, 10, 12);
  add_visit (tour, "Laboratory", 0, 11, 13);
  window = open_tour (tour);
  panel = gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_PROBLEMS_PANEL);
  mt_problems_panel_recheck_now (MT_PROBLEMS_PANEL (panel));
  g_assert_cmpuint (mt_problems_panel_get_n_errors (MT_PROBLEMS_PANEL (panel)), >, 0);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  day1 = MT_DAY_COLUMN (mt_itinerary_view_get_column (MT_ITINERARY_VIEW (mt_window_get_itinerary (window)), 0));
  mt_day_column_foreach_card (day1, collect_level, &levels);
  g_assert_cmpint (levels.worst, ==, MT_PROBLEM_LEVEL_ERROR);
  g_assert_cmpint (levels.errors, ==, 2);
  {
    GtkWidget *card = mt_day_column_find_card (day1, a);
    GObject *image = gtk_widget_get_template_child (card, MT_TYPE_VISIT_CARD, "problem_image");

    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (image), "error"));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (image), "warning"));
    g_assert_true (gtk_widget_has_css_class (card, "has-problem-error"));
  }
  gui_test_screenshot_styles (GTK_WIDGET (day1), "card-error");
  gui_test_force_close (window);
}

/* The interviews' Interpreter column says yes or no */
static void
test_interpreter (void)
{
  MtWindow *window = gui_test_open_sample (app);
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "interviews");
  gui_test_wait_for_frame (GTK_WIDGET (window));
  page = gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_INTERVIEWS_PAGE);
  g_assert_nonnull (page);
  g_assert_nonnull (gui_test_find_label (page, "Yes"));
  g_assert_nonnull (gui_test_find_label (page, "No"));
  g_free (gui_test_screenshot (GTK_WIDGET (window), "papercut-interpreter"));
  gui_test_force_close (window);
}

/* Search results of one rank come in time order */
static void
test_search_order (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(GPtrArray) hits = mt_page_search (tour, "lunch", 0);
  gint64 last = G_MININT64;
  guint n_visits = 0;

  for (guint i = 0; i < hits->len; i++)
    {
      MtSearchHit *hit = g_ptr_array_index (hits, i);

      if (!MT_IS_VISIT (hit->entity) || hit->score != 0)
        continue;
      g_assert_cmpint (mt_visit_get_start (MT_VISIT (hit->entity)), >=, last);
      last = mt_visit_get_start (MT_VISIT (hit->entity));
      n_visits++;
    }
  g_assert_cmpuint (n_visits, >=, 5);
}

static GtkEventController *
key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;  /* the widget holds it */
    }
  return NULL;
}

static gboolean
press (GtkWidget       *column,
       guint            keyval,
       GdkModifierType  state)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (key_controller (column), "key-pressed", keyval, 0, state, &handled);
  gui_test_iterate ();
  return handled;
}

/* Right and Left move between days, to the same place in the day;
 * Shift+F10 and the Menu key open the card's menu */
static void
test_keys (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtItineraryView *view = MT_ITINERARY_VIEW (mt_window_get_itinerary (window));
  GtkWidget *day1 = mt_itinerary_view_get_column (view, 0);
  GtkWidget *day2 = mt_itinerary_view_get_column (view, 1);
  g_autoptr(MtVisit) second_of_day2 = g_list_model_get_item (mt_day_column_get_visits (MT_DAY_COLUMN (day2)), 1);
  GtkWidget *card;

  mt_day_column_focus_visit_at (MT_DAY_COLUMN (day1), 1);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (press (day1, GDK_KEY_Right, 0));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (mt_day_column_get_selected (MT_DAY_COLUMN (day2)) == second_of_day2);
  card = mt_day_column_find_card (MT_DAY_COLUMN (day2), second_of_day2);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_parent (card)));

  g_assert_true (press (day2, GDK_KEY_F10, GDK_SHIFT_MASK));
  g_assert_nonnull (mt_visit_card_get_menu (MT_VISIT_CARD (card)));
  g_free (gui_test_screenshot (GTK_WIDGET (window), "papercut-card-menu"));
  gtk_popover_popdown (GTK_POPOVER (mt_visit_card_get_menu (MT_VISIT_CARD (card))));
  gui_test_iterate ();
  g_assert_true (press (day2, GDK_KEY_Menu, 0));
  g_assert_nonnull (mt_visit_card_get_menu (MT_VISIT_CARD (card)));
  gtk_popover_popdown (GTK_POPOVER (mt_visit_card_get_menu (MT_VISIT_CARD (card))));

  g_assert_true (press (day2, GDK_KEY_Left, 0));
  g_assert_nonnull (mt_day_column_get_selected (MT_DAY_COLUMN (day1)));
  /* no day before the first */
  g_assert_false (press (day1, GDK_KEY_Left, 0));
  gui_test_force_close (window);
}

static gboolean
row_in_view (GtkWidget  *page,
             const char *name)
{
  GtkWidget *label = gui_test_find_label (page, name);
  GtkWidget *scroller;
  graphene_rect_t bounds;

  if (label == NULL || !gtk_widget_get_mapped (label))
    return FALSE;
  scroller = gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW);
  return gtk_widget_compute_bounds (label, scroller, &bounds)
         && bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* The selected delegate stays in view when the table is sorted again and
 * when a search is cleared */
static void
test_keep_in_view (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtDelegatesPage *page;
  GtkColumnView *view;
  GtkSelectionModel *selection;
  g_autoptr(MtDelegate) delegate = NULL;
  GtkEditable *search;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "delegates");
  gui_test_wait_for_frame (GTK_WIDGET (window));
  page = MT_DELEGATES_PAGE (gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_DELEGATES_PAGE));
  view = mt_delegates_page_get_column_view (page);
  selection = gtk_column_view_get_model (view);
  delegate = g_list_model_get_item (G_LIST_MODEL (selection), 90);
  g_assert_false (row_in_view (GTK_WIDGET (page), mt_delegate_get_name (delegate)));

  /* found by a search, selected, then the search cleared */
  search = GTK_EDITABLE (gui_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, mt_delegate_get_name (delegate));
  g_signal_emit_by_name (search, "search-changed");
  gui_test_wait_for_frame (GTK_WIDGET (window));
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  gui_test_wait_for_frame (GTK_WIDGET (window));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (row_in_view (GTK_WIDGET (page), mt_delegate_get_name (delegate)));

  /* sorted the other way round */
  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (gtk_column_view_get_columns (view), 0);

    gtk_column_view_sort_by_column (view, first, GTK_SORT_DESCENDING);
  }
  gui_test_wait_for_frame (GTK_WIDGET (window));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (row_in_view (GTK_WIDGET (page), mt_delegate_get_name (delegate)));
  gui_test_force_close (window);
}

/* Save As offers the tour's title in the user's documents */
static void
test_save_as_name (void)
{
  g_autoptr(MtTour) tour = mt_tour_new ();
  g_autofree char *documents = g_build_filename (g_get_home_dir (), "Documents", NULL);
  g_autofree char *dirs = g_build_filename (g_get_user_config_dir (), "user-dirs.dirs", NULL);
  g_autoptr(GFile) folder = NULL;
  MtWindow *window;
  GtkWidget *chooser;

  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dirs, "XDG_DOCUMENTS_DIR=\"$HOME/Documents\"\n", -1, NULL));
  g_reload_user_special_dirs_cache ();
  mt_tour_set_title (tour, "Yunnan: spring tour");
  window = open_tour (tour);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  gui_test_iterate ();
  chooser = gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==, "Yunnan - spring tour.mtour");
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (folder);
  {
    g_autofree char *path = g_file_get_path (folder);

    g_assert_cmpstr (path, ==, documents);
  }
  gtk_window_close (GTK_WINDOW (chooser));
  gui_test_iterate ();
  gui_test_force_close (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/papercuts/new-visit", test_new_visit);
  g_test_add_func ("/gui/papercuts/fix-all", test_fix_all);
  g_test_add_func ("/gui/papercuts/problem-icon", test_problem_icon);
  g_test_add_func ("/gui/papercuts/interpreter", test_interpreter);
  g_test_add_func ("/gui/papercuts/search-order", test_search_order);
  g_test_add_func ("/gui/papercuts/keys", test_keys);
  g_test_add_func ("/gui/papercuts/keep-in-view", test_keep_in_view);
  g_test_add_func ("/gui/papercuts/save-as-name", test_save_as_name);
}

int
main (int   argc,
      char *argv[])
{
  return gui_test_main (&argc, &argv, &app, NULL, add_tests);
}
