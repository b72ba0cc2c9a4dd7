/* test-board.c: the board's editor and its drag and drop, through real
 * widgets under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>

#include "gui-test-util.h"
#include "mt-day-column.h"
#include "mt-itinerary-model.h"
#include "mt-itinerary-view.h"
#include "mt-visit-card.h"
#include "mt-visit-editor.h"

static MtApplication *app;

static gpointer
editor_child (GtkWidget  *editor,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (editor, MT_TYPE_VISIT_EDITOR, name);

  g_assert_nonnull (child);
  return child;
}

/* the check button of the group row titled @name */
static GtkCheckButton *
group_check (GtkWidget  *editor,
             const char *name)
{
  GtkWidget *group = editor_child (editor, "groups_group");
  GtkWidget *row = NULL;

  for (GtkWidget *w = gui_test_find_descendant (group, ADW_TYPE_ACTION_ROW); w != NULL;)
    {
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), name) == 0)
        {
          row = w;
          break;
        }
      w = gtk_widget_get_next_sibling (w);
    }
  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (gui_test_find_descendant (row, GTK_TYPE_CHECK_BUTTON));
}

/* Editing only the title of a visit for the whole delegation keeps it for
 * the whole delegation: the editor shows that case on its own switch, not
 * as every group ticked, and a group added later is in it too. */
static void
test_whole_delegation (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtItineraryView *view = MT_ITINERARY_VIEW (mt_window_get_itinerary (window));
  MtVisit *lunch = gui_test_find_entity (tour, MT_ENTITY_VISIT, "Lunch");
  MtGroup *coach_b = gui_test_find_entity (tour, MT_ENTITY_GROUP, "Coach B");
  g_autoptr(MtGroup) later = mt_group_new (NULL);
  g_autofree char *saved = NULL;
  GtkWidget *editor;
  GtkSwitch *whole;

  g_assert_nonnull (lunch);
  g_assert_nonnull (coach_b);
  g_assert_null (mt_visit_get_groups (lunch));

  editor = mt_itinerary_view_open_editor (view, lunch, -1);
  gui_test_iterate ();
  whole = editor_child (editor, "whole_switch");
  g_assert_true (gtk_switch_get_active (whole));
  g_assert_false (gtk_check_button_get_active (group_check (editor, "Coach A")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (group_check (editor, "Coach A"))));
  g_free (gui_test_screenshot (editor, "visit-editor-whole-delegation"));

  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "title_row")), "Lunch at the hotel");
  gtk_widget_activate_action (editor, "editor.save", NULL);
  gui_test_iterate ();
  g_assert_cmpstr (mt_visit_get_title (lunch), ==, "Lunch at the hotel");
  g_assert_null (mt_visit_get_groups (lunch));

  /* what the file says: no groups for the lunch */
  {
    g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);

    saved = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }
  {
    const char *at = strstr (saved, "\"Lunch at the hotel\"");
    const char *next = at ? strstr (at, "\"id\"") : NULL;
    g_autofree char *entry = at ? g_strndup (at, next ? (gsize) (next - at) : strlen (at)) : NULL;

    g_assert_nonnull (entry);
    g_assert_null (strstr (entry, "\"groups\""));
  }

  /* a group made afterwards goes to lunch too */
  mt_group_set_name (later, "Late arrivals");
  g_assert_true (mt_tour_add (tour, MT_ENTITY (later), NULL));
  g_assert_true (mt_visit_has_group (lunch, mt_entity_get_id (MT_ENTITY (later))));

  /* turning the switch off and ticking one group makes it that group's */
  editor = mt_itinerary_view_open_editor (view, lunch, -1);
  gui_test_iterate ();
  whole = editor_child (editor, "whole_switch");
  gtk_switch_set_active (whole, FALSE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (group_check (editor, "Coach B"))));
  /* no group ticked and not the whole delegation: nothing to save */
  g_assert_false (mt_visit_editor_can_save (MT_VISIT_EDITOR (editor)));
  gtk_check_button_set_active (group_check (editor, "Coach B"), TRUE);
  g_assert_true (mt_visit_editor_can_save (MT_VISIT_EDITOR (editor)));
  gtk_widget_activate_action (editor, "editor.save", NULL);
  gui_test_iterate ();
  g_assert_nonnull (mt_visit_get_groups (lunch));
  g_assert_cmpuint (g_strv_length ((char **) mt_visit_get_groups (lunch)), ==, 1);
  g_assert_true (mt_visit_has_group (lunch, mt_entity_get_id (MT_ENTITY (coach_b))));

  /* and a visit of one group opens with the switch off and its box ticked */
  editor = mt_itinerary_view_open_editor (view, lunch, -1);
  gui_test_iterate ();
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (editor_child (editor, "whole_switch"))));
  g_assert_true (gtk_check_button_get_active (group_check (editor, "Coach B")));
  g_assert_false (gtk_check_button_get_active (group_check (editor, "Coach A")));
  gtk_window_close (GTK_WINDOW (editor));
  gui_test_iterate ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (mt_visit_get_groups (lunch));

  gui_test_force_close (window);
}

/* Where @widget's centre is, in its toplevel's X window */
static void
x_point (GtkWidget *widget,
         int       *x,
         int       *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  *x = (int) (point.x + dx);
  *y = (int) (point.y + dy);
}

static gboolean
child_done (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_child_exit (GPid     pid,
               int      status,
               gpointer data)
{
  g_spawn_close_pid (pid);
  *(gboolean *) data = TRUE;
}

static gboolean
timeout_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* iterates the main loop for @ms milliseconds */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_done, &done);
  g_assert_true (gui_test_wait_until (child_done, &done));
}

/* runs xdotool with @args, the main loop running until it is done */
static void
xdotool (const char * const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exited = FALSE;
  GPid pid;

  g_strv_builder_add (builder, "xdotool");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_assert_true (g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exit, &exited);
  g_assert_true (gui_test_wait_until (child_done, &exited));
}

/* the first controller of @type on @widget */
static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
drop_pending (gpointer data)
{
  return gtk_drop_target_get_current_drop (GTK_DROP_TARGET (data)) != NULL;
}

/* A real drag with the X server's pointer (xdotool), from @from to
 * @to_target's widget at @to, the main loop running meanwhile, as a user's
 * hand would do it. Each step waits for GTK to have seen the one before (the
 * drag begun, the drop target under the pointer), however slow the build. */
static void
drag_with_pointer (GtkWidget *from,
                   GtkWidget *to,
                   GtkWidget *to_target)
{
  GtkNative *native = gtk_widget_get_native (from);
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  /* held: the card, and its controller with it, may go at the drop */
  g_autoptr(GtkEventController) source = g_object_ref (find_controller (from, GTK_TYPE_DRAG_SOURCE));
  GtkEventController *target = find_controller (to_target, GTK_TYPE_DROP_TARGET);
  gboolean begun = FALSE, ended = FALSE;
  int x1, y1, x2, y2;
  g_autofree char *x1s = NULL, *y1s = NULL, *xms = NULL, *yms = NULL, *x2s = NULL, *y2s = NULL;

  g_assert_nonnull (target);
  g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (set_flag), &begun);
  g_signal_connect_swapped (source, "drag-end", G_CALLBACK (set_flag), &ended);
  x_point (from, &x1, &y1);
  x_point (to, &x2, &y2);
  g_test_message ("drag in %s from %d,%d to %d,%d", xid, x1, y1, x2, y2);
  x1s = g_strdup_printf ("%d", x1);
  y1s = g_strdup_printf ("%d", y1);
  xms = g_strdup_printf ("%d", (x1 + x2) / 2);
  yms = g_strdup_printf ("%d", (y1 + y2) / 2 + 20);
  x2s = g_strdup_printf ("%d", x2);
  y2s = g_strdup_printf ("%d", y2);

  /* press on the card and go past the drag threshold */
  xdotool ((const char *[]) { "mousemove", "--window", xid, x1s, y1s, "sleep", "0.3", "mousedown", "1", NULL });
  run_for (200);
  xdotool ((const char *[]) { "mousemove_relative", "--", "20", "10", NULL });
  g_assert_true (gui_test_wait_until (child_done, &begun));
  /* over the way in steps, until the day's drop target has the drop */
  xdotool ((const char *[]) { "mousemove", "--window", xid, xms, yms, NULL });
  run_for (200);
  xdotool ((const char *[]) { "mousemove", "--window", xid, x2s, y2s, NULL });
  run_for (200);
  xdotool ((const char *[]) { "mousemove_relative", "--", "1", "1", NULL });
  g_assert_true (gui_test_wait_until (drop_pending, target));
  /* let go: the drop, and the end of the drag that follows it */
  xdotool ((const char *[]) { "mouseup", "1", NULL });
  g_assert_true (gui_test_wait_until (child_done, &ended));
  g_signal_handlers_disconnect_by_func (source, set_flag, &begun);
  g_signal_handlers_disconnect_by_func (source, set_flag, &ended);
  run_for (1000);
}

/* Dropping a card on another day's header moves the visit there, at the
 * same time of day, and nothing is logged: the card that was dragged is
 * gone from its day by the time the drag ends, and must not be touched
 * then. (The tests run with fatal criticals and freed memory scribbled
 * over, see tests/gui/meson.build.) */
static void
test_drop_on_another_day (void)
{
  MtWindow *window;
  MtTour *tour;
  MtItineraryView *view;
  MtVisit *lunch;
  MtDayColumn *day1, *day2;
  GtkWidget *card, *header;
  gint64 start;

  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }

  window = gui_test_open_sample (app);
  tour = mt_window_get_tour (window);
  view = MT_ITINERARY_VIEW (mt_window_get_itinerary (window));
  lunch = gui_test_find_entity (tour, MT_ENTITY_VISIT, "Lunch");
  start = mt_visit_get_start (lunch);
  day1 = MT_DAY_COLUMN (mt_itinerary_view_get_column (view, 0));
  day2 = MT_DAY_COLUMN (mt_itinerary_view_get_column (view, 1));
  g_assert_cmpint (mt_tour_get_day_index (tour, start), ==, 0);
  card = mt_day_column_find_card (day1, lunch);
  g_assert_nonnull (card);
  header = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (day2), MT_TYPE_DAY_COLUMN, "title_label"));
  g_assert_nonnull (header);

  drag_with_pointer (card, header, GTK_WIDGET (day2));

  g_assert_cmpint (mt_visit_get_start (lunch), ==, start + MT_SECONDS_PER_DAY);
  g_assert_cmpstr (mt_history_get_undo_label (mt_tour_get_history (tour)), ==, "Move “Lunch”");
  g_assert_null (mt_day_column_find_card (day1, lunch));

  gui_test_force_close (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/board/whole-delegation", test_whole_delegation);
  g_test_add_func ("/gui/board/drop-on-another-day", test_drop_on_another_day);
}

int
main (int   argc,
      char *argv[])
{
  return gui_test_main (&argc, &argv, &app, NULL, add_tests);
}
