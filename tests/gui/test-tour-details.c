/* test-tour-details.c: the Tour Details dialog and a new tour, through real
 * widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "mt-delegates-page.h"
#include "mt-interviews-page.h"
#include "mt-itinerary-model.h"
#include "mt-itinerary-view.h"
#include "mt-sites-page.h"
#include "mt-visit-editor.h"
#include "mt-tour-details.h"
#include "mt-tour-details-dialog.h"

static MtApplication *app;

static gpointer
child (GtkWidget  *dialog,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (dialog, MT_TYPE_TOUR_DETAILS_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static GtkWidget *
open_details (MtWindow *window)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-details", NULL);
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (MT_TYPE_TOUR_DETAILS_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
set_first_day (GtkWidget *dialog,
               gint64     day)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  mt_wall_time_split (day, &y, &m, &d, NULL, NULL, NULL);
  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  /* as a click on the day: the calendar selects it and says so */
  gtk_calendar_select_day (child (dialog, "calendar"), date);
  g_signal_emit_by_name (child (dialog, "calendar"), "day-selected");
}

static void
save (GtkWidget *dialog)
{
  gtk_widget_activate_action (dialog, "details.save", NULL);
  gui_test_iterate ();
}

/* the question a dialog asks over @parent, or NULL */
static GtkWidget *
question (GtkWidget *parent)
{
  return gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (parent));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* answers the question over @dialog and waits for @dialog to close */
static void
answer_and_close (GtkWidget  *dialog,
                  const char *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gui_test_answer (question (dialog), response);
  g_assert_true (gui_test_wait_until (is_null, &dialog));
}

/* Every field shows the tour's value; Save changes the tour in one step,
 * which Undo takes back. The time zone is found by searching. */
static void
test_edit (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtHistory *history = mt_tour_get_history (tour);
  g_autofree char *title = g_strdup (mt_tour_get_title (tour));
  guint n_steps = mt_history_get_n_steps (history);
  GtkWidget *dialog = open_details (window);

  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "title_row")), ==, title);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, "days_spin")), ==, 7);
  g_assert_cmpstr (mt_tour_details_dialog_get_time_zone (MT_TOUR_DETAILS_DIALOG (dialog)), ==, "Asia/Shanghai");
  g_assert_cmpstr (gtk_menu_button_get_label (child (dialog, "first_day_button")), ==, "Tuesday, 14 May 2024");
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, "days_row")), ==, "14 May – 20 May 2024");

  gtk_editable_set_text (child (dialog, "title_row"), "Guangdong 2024, revised");
  gtk_editable_set_text (child (dialog, "contact_row"), "+86 20 8888 0000");
  g_assert_false (mt_tour_details_dialog_choose_zone (MT_TOUR_DETAILS_DIALOG (dialog), "berlin", "Asia/Shanghai"));
  g_assert_true (mt_tour_details_dialog_choose_zone (MT_TOUR_DETAILS_DIALOG (dialog), "berlin", "Europe/Berlin"));
  g_assert_cmpstr (gtk_menu_button_get_label (child (dialog, "zone_button")), ==, "Europe/Berlin");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  save (dialog);
  g_assert_true (gui_test_wait_until (is_null, &dialog));

  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));
  g_assert_null (gui_test_find_toplevel (MT_TYPE_TOUR_DETAILS_DIALOG, GTK_WINDOW (window)));
  g_assert_cmpstr (mt_tour_get_title (tour), ==, "Guangdong 2024, revised");
  g_assert_cmpstr (mt_tour_get_organiser_contact (tour), ==, "+86 20 8888 0000");
  g_assert_cmpstr (mt_tour_get_time_zone (tour), ==, "Europe/Berlin");
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, n_steps + 1);
  g_assert_cmpstr (mt_history_get_undo_label (history), ==, "Edit tour details");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Guangdong 2024, revised");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (mt_tour_get_title (tour), ==, title);
  g_assert_null (mt_tour_get_organiser_contact (tour));
  g_assert_cmpstr (mt_tour_get_time_zone (tour), ==, "Asia/Shanghai");

  gui_test_force_close (window);
}

/* A new first day asks whether the visits move with it: Move shifts every
 * visit and interview by the same days, in one step; Keep leaves them on
 * their dates, which the next question names as outside the tour. */
static void
test_first_day (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtVisit *lunch = gui_test_find_entity (tour, MT_ENTITY_VISIT, "Lunch");
  g_autoptr(MtInterview) interview = g_list_model_get_item (mt_tour_get_interviews (tour), 0);
  gint64 first = mt_tour_get_first_day (tour);
  gint64 lunch_start = mt_visit_get_start (lunch);
  gint64 interview_start = mt_interview_get_start (interview);
  gint64 week = 7 * MT_SECONDS_PER_DAY;
  GtkWidget *dialog, *asked;

  dialog = open_details (window);
  set_first_day (dialog, first + week);
  g_assert_cmpstr (gtk_menu_button_get_label (child (dialog, "first_day_button")), ==, "Tuesday, 21 May 2024");
  save (dialog);
  asked = question (dialog);
  g_assert_nonnull (asked);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (asked)), ==, "Move the Visits Too?");
  answer_and_close (dialog, "move");

  g_assert_cmpint (mt_tour_get_first_day (tour), ==, first + week);
  g_assert_cmpint (mt_visit_get_start (lunch), ==, lunch_start + week);
  g_assert_cmpint (mt_interview_get_start (interview), ==, interview_start + week);
  g_assert_cmpint (mt_tour_get_day_index (tour, mt_visit_get_start (lunch)), ==, 0);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), "Moved every visit by 7 days"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (mt_tour_get_first_day (tour), ==, first);
  g_assert_cmpint (mt_visit_get_start (lunch), ==, lunch_start);
  g_assert_cmpint (mt_interview_get_start (interview), ==, interview_start);

  /* kept on their dates, every visit is before the new first day */
  dialog = open_details (window);
  set_first_day (dialog, first + week);
  save (dialog);
  gui_test_answer (question (dialog), "keep");
  asked = question (dialog);
  g_assert_nonnull (asked);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (asked)), ==,
                   "56 Visits Would Fall Outside the Tour");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (asked)))),
                            "… and 50 more"));
  gui_test_answer (asked, "cancel");
  g_assert_cmpint (mt_tour_get_first_day (tour), ==, first);
  g_assert_nonnull (gui_test_find_toplevel (MT_TYPE_TOUR_DETAILS_DIALOG, GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gui_test_force_close (window);
}

/* Shortening the tour names the visits of the days that go and asks. */
static void
test_shorten (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  g_autoptr(GPtrArray) day6 = mt_itinerary_dup_day_visits (tour, 5);
  g_autoptr(GPtrArray) day7 = mt_itinerary_dup_day_visits (tour, 6);
  MtVisit *first_gone = g_ptr_array_index (day6, 0);
  g_autofree char *heading = g_strdup_printf ("%u Visits Would Fall Outside the Tour", day6->len + day7->len);
  GtkWidget *dialog, *asked;

  dialog = open_details (window);
  gtk_spin_button_set_value (child (dialog, "days_spin"), 5);
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, "days_row")), ==, "14 May – 18 May 2024");
  save (dialog);
  asked = question (dialog);
  g_assert_nonnull (asked);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (asked)), ==, heading);
  {
    const char *list = gtk_label_get_text (GTK_LABEL (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (asked))));

    g_assert_nonnull (strstr (list, mt_visit_get_title (first_gone)));
    g_assert_nonnull (strstr (list, "Sunday, 19 May"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (asked)), "14 May – 18 May 2024"));
  }
  answer_and_close (dialog, "apply");

  g_assert_cmpuint (mt_tour_get_n_days (tour), ==, 5);
  /* the visits are still in the tour */
  g_assert_true (mt_tour_lookup (tour, mt_entity_get_id (MT_ENTITY (first_gone))) == MT_ENTITY (first_gone));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (mt_tour_get_n_days (tour), ==, 7);

  gui_test_force_close (window);
}

static MtWindow *
window_other_than (GList *before)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (MT_IS_WINDOW (l->data) && g_list_find (before, l->data) == NULL)
      return l->data;
  return NULL;
}

/* A new tour opens on its details, filled with sensible defaults: the
 * settings' time zone, today, seven days. Creating it is no undoable step,
 * and leaves nothing to save. */
static void
test_new_tour (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autolist(GObject) before = NULL;
  MtWindow *window;
  MtTour *tour;
  GtkWidget *dialog;

  g_settings_set_string (settings, "default-time-zone", "Europe/Berlin");
  before = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (app)), (GCopyFunc) g_object_ref, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  gui_test_iterate ();
  window = window_other_than (before);
  g_assert_nonnull (window);
  tour = mt_window_get_tour (window);
  gui_test_wait_for_frame (GTK_WIDGET (window));

  dialog = gui_test_find_toplevel (MT_TYPE_TOUR_DETAILS_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Tour");
  g_assert_cmpstr (mt_tour_details_dialog_get_time_zone (MT_TOUR_DETAILS_DIALOG (dialog)), ==, "Europe/Berlin");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, "days_spin")), ==, 7);
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "title_row")), ==, "");

  gtk_editable_set_text (child (dialog, "title_row"), "Yunnan spring tour");
  gtk_editable_set_text (child (dialog, "organiser_row"), "Provincial press office");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  save (dialog);
  g_assert_true (gui_test_wait_until (is_null, &dialog));
  g_assert_cmpstr (mt_tour_get_title (tour), ==, "Yunnan spring tour");
  g_assert_cmpstr (mt_tour_get_time_zone (tour), ==, "Europe/Berlin");
  g_assert_false (mt_history_can_undo (mt_tour_get_history (tour)));
  g_assert_false (mt_window_get_dirty (window));

  g_settings_reset (settings, "default-time-zone");
  gui_test_force_close (window);
}

/* which page the view's own stack shows */
static const char *
visible_page (GtkWidget *view)
{
  GObject *stack = gtk_widget_get_template_child (view, G_OBJECT_TYPE (view), "stack");

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
click (GtkWidget  *view,
       const char *label)
{
  GtkWidget *button = gui_test_find_button (view, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();
}

/* the page of the window showing @name, built */
static GtkWidget *
show_page (MtWindow   *window,
           const char *name,
           GType       type)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  page = gui_test_find_descendant (GTK_WIDGET (window), type);
  g_assert_nonnull (page);
  return page;
}

/* An empty tour's board says what to do first, with a button for each;
 * the pages of delegates, interviews and sites have their empty states. */
static void
test_empty_states (void)
{
  g_autoptr(MtTour) empty = mt_tour_new ();
  MtWindow *window = mt_application_add_window (app, empty, NULL);
  GtkWidget *board = mt_window_get_itinerary (window);
  GtkWidget *editor, *page;
  AdwViewStack *stack;
  g_autoptr(MtVisit) visit = mt_visit_new (NULL);

  gui_test_wait_for_frame (GTK_WIDGET (window));
  stack = ADW_VIEW_STACK (gui_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (visible_page (board), ==, "empty");

  click (board, "Add a _Visit");
  editor = gui_test_find_toplevel (MT_TYPE_VISIT_EDITOR, GTK_WINDOW (window));
  g_assert_nonnull (editor);
  gtk_window_destroy (GTK_WINDOW (editor));

  click (board, "Add _Cities and Sites");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "sites");
  page = gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_SITES_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpstr (visible_page (page), ==, "empty");

  page = show_page (window, "delegates", MT_TYPE_DELEGATES_PAGE);
  g_assert_cmpstr (visible_page (page), ==, "empty");
  page = show_page (window, "interviews", MT_TYPE_INTERVIEWS_PAGE);
  g_assert_cmpstr (visible_page (page), ==, "empty");

  /* the first visit brings the days back */
  show_page (window, "itinerary", MT_TYPE_ITINERARY_VIEW);
  mt_visit_set_start (visit, mt_tour_get_day_start (empty, 1) + 10 * 3600);
  mt_visit_set_end (visit, mt_tour_get_day_start (empty, 1) + 11 * 3600);
  g_assert_true (mt_tour_add (empty, MT_ENTITY (visit), NULL));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (visible_page (board), ==, "board");

  gui_test_force_close (window);
}

static void
test_look_empty (void)
{
  g_autoptr(MtTour) empty = mt_tour_new ();
  MtWindow *window = mt_application_add_window (app, empty, NULL);

  gui_test_wait_for_frame (GTK_WIDGET (window));
  gui_test_screenshot_styles (GTK_WIDGET (window), "empty-board");
  show_page (window, "delegates", MT_TYPE_DELEGATES_PAGE);
  gui_test_screenshot_styles (GTK_WIDGET (window), "empty-delegates");
  show_page (window, "interviews", MT_TYPE_INTERVIEWS_PAGE);
  gui_test_screenshot_styles (GTK_WIDGET (window), "empty-interviews");
  show_page (window, "sites", MT_TYPE_SITES_PAGE);
  gui_test_screenshot_styles (GTK_WIDGET (window), "empty-sites");
  gui_test_force_close (window);
}

/* The zones offered: this system's, sorted, each once */
static void
test_zone_list (void)
{
  g_autoptr(GPtrArray) zones = mt_time_zone_list ();
  gboolean shanghai = FALSE, berlin = FALSE;

  g_assert_cmpuint (zones->len, >, 300);
  for (guint i = 0; i < zones->len; i++)
    {
      const char *zone = g_ptr_array_index (zones, i);

      shanghai |= g_str_equal (zone, "Asia/Shanghai");
      berlin |= g_str_equal (zone, "Europe/Berlin");
      if (i > 0)
        g_assert_cmpstr (g_ptr_array_index (zones, i - 1), <, zone);
    }
  g_assert_true (shanghai);
  g_assert_true (berlin);
}

static void
test_look (void)
{
  MtWindow *window = gui_test_open_sample (app);
  GtkWidget *dialog = open_details (window);
  GtkWidget *asked;

  gui_test_screenshot_styles (dialog, "tour-details");
  gtk_spin_button_set_value (child (dialog, "days_spin"), 6);
  set_first_day (dialog, mt_tour_get_first_day (mt_window_get_tour (window)) + MT_SECONDS_PER_DAY);
  save (dialog);
  asked = question (dialog);
  gui_test_screenshot_styles (asked, "tour-details-move");
  gui_test_answer (asked, "keep");
  asked = question (dialog);
  gui_test_screenshot_styles (asked, "tour-details-outside");
  gui_test_answer (asked, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_force_close (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/details/edit", test_edit);
  g_test_add_func ("/gui/details/first-day", test_first_day);
  g_test_add_func ("/gui/details/shorten", test_shorten);
  g_test_add_func ("/gui/details/new-tour", test_new_tour);
  g_test_add_func ("/gui/details/zone-list", test_zone_list);
  g_test_add_func ("/gui/details/empty-states", test_empty_states);
  g_test_add_func ("/gui/details/look/dialogs", test_look);
  g_test_add_func ("/gui/details/look/empty", test_look_empty);
}

int
main (int   argc,
      char *argv[])
{
  return gui_test_main (&argc, &argv, &app, NULL, add_tests);
}
