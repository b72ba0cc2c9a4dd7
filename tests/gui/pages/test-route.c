/* test-route.c: the route's map: every leg between cities, labels that
 * neither meet nor are cut off, the selected day, a 10,000-visit tour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "mt-page-logic.h"
#include "mt-route-view.h"

static MtApplication *app;

static MtCity *
city (MtTour     *tour,
      const char *name)
{
  MtCity *found = gui_test_find_entity (tour, MT_ENTITY_CITY, name);

  g_assert_nonnull (found);
  return found;
}

static gboolean
at (MtRoutePoint *point,
    MtCity       *where)
{
  return point->lat == mt_city_get_latitude (where) && point->lon == mt_city_get_longitude (where);
}

/* Day 2 starts with the coach from Guangzhou to Shenzhen, day 6 from
 * Zhaoqing to Zhuhai: transfers without a site, whose legs the map draws
 * from where the day before ended */
static void
test_legs (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(GPtrArray) routes = mt_page_tour_routes (tour);
  GArray *day2 = g_ptr_array_index (routes, 1);
  GArray *day6 = g_ptr_array_index (routes, 5);

  g_assert_cmpuint (routes->len, ==, 7);
  g_assert_cmpuint (day2->len, >=, 2);
  g_assert_true (at (&g_array_index (day2, MtRoutePoint, 0), city (tour, "Guangzhou")));
  g_assert_true (at (&g_array_index (day2, MtRoutePoint, 1), city (tour, "Shenzhen")));
  g_assert_cmpuint (day6->len, >=, 2);
  g_assert_true (at (&g_array_index (day6, MtRoutePoint, 0), city (tour, "Zhaoqing")));
  g_assert_true (at (&g_array_index (day6, MtRoutePoint, day6->len - 1), city (tour, "Zhuhai")));

  /* each day starts where the one before ended, so no leg is missing */
  for (guint d = 1; d < routes->len; d++)
    {
      GArray *before = g_ptr_array_index (routes, d - 1);
      GArray *route = g_ptr_array_index (routes, d);

      if (before->len > 0 && route->len > 0)
        g_assert_true (g_array_index (before, MtRoutePoint, before->len - 1).lat == g_array_index (route, MtRoutePoint, 0).lat
                       && g_array_index (before, MtRoutePoint, before->len - 1).lon == g_array_index (route, MtRoutePoint, 0).lon);
    }
}

/* the route view alone in a window of @width × @height, drawn */
static GtkWidget *
show_route (MtTour *tour,
            int     width,
            int     height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = mt_route_view_new ();

  mt_route_view_set_tour (MT_ROUTE_VIEW (view), tour);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_frame (view);
  gui_test_wait_for_frame (view);
  return view;
}

static void
assert_labels_fit (GtkWidget *view)
{
  GArray *labels = mt_route_view_get_labels (MT_ROUTE_VIEW (view));
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);

  g_assert_cmpuint (labels->len, >, 0);
  g_assert_false (mt_page_rects_overlap (labels));
  for (guint i = 0; i < labels->len; i++)
    {
      MtRect *r = &g_array_index (labels, MtRect, i);

      g_assert_cmpfloat (r->x, >=, 0);
      g_assert_cmpfloat (r->y, >=, 0);
      g_assert_cmpfloat (r->x + r->width, <=, width);
      g_assert_cmpfloat (r->y + r->height, <=, height);
    }
}

/* No label meets another or leaves the map, large or small */
static void
test_labels (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  GtkWidget *view = show_route (tour, 860, 900);

  /* six cities, seven days' numbers, seven rows of legend */
  g_assert_cmpuint (mt_route_view_get_labels (MT_ROUTE_VIEW (view))->len, ==, 6 + 7 + 7);
  assert_labels_fit (view);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));

  view = show_route (tour, 420, 380);
  assert_labels_fit (view);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));
}

/* A click on a day of the legend selects it; another click on it does not */
static void
test_select_day (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  GtkWidget *view = show_route (tour, 860, 900);
  GArray *labels = mt_route_view_get_labels (MT_ROUTE_VIEW (view));
  /* the legend's rows come last, a day each */
  MtRect row = g_array_index (labels, MtRect, labels->len - 7 + 2);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  GtkGesture *click = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);
  g_assert_cmpint (mt_route_view_get_selected_day (MT_ROUTE_VIEW (view)), ==, -1);
  g_signal_emit_by_name (click, "pressed", 1, row.x + 2, row.y + 2);
  g_assert_cmpint (mt_route_view_get_selected_day (MT_ROUTE_VIEW (view)), ==, 2);
  gui_test_wait_for_frame (view);
  assert_labels_fit (view);
  g_signal_emit_by_name (click, "pressed", 1, row.x + 2, row.y + 2);
  g_assert_cmpint (mt_route_view_get_selected_day (MT_ROUTE_VIEW (view)), ==, -1);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));
}

/* A 10,000-visit tour: a day's route is its legs between cities, however
 * many visits it has, and the map stays readable */
static void
test_large (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (10000, 100, 100, 7);
  g_autoptr(GPtrArray) routes = NULL;
  gint64 start = g_get_monotonic_time ();
  GtkWidget *view;

  routes = mt_page_tour_routes (tour);
  g_test_message ("routes of %u visits in %.1f ms", mt_tour_count (tour, MT_ENTITY_VISIT),
                  (g_get_monotonic_time () - start) / 1000.0);
  for (guint d = 0; d < routes->len; d++)
    g_assert_cmpuint (((GArray *) g_ptr_array_index (routes, d))->len, >, 0);

  view = show_route (tour, 860, 900);
  assert_labels_fit (view);
  g_free (gui_test_screenshot (view, "route-10k"));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));
}

static void
test_look (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  GtkWidget *view = show_route (tour, 860, 900);

  gui_test_screenshot_styles (view, "route");
  mt_route_view_select_day (MT_ROUTE_VIEW (view), 1);
  gui_test_screenshot_styles (view, "route-day-2");
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (view)));
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/route/legs", test_legs);
  g_test_add_func ("/gui/route/labels", test_labels);
  g_test_add_func ("/gui/route/select-day", test_select_day);
  g_test_add_func ("/gui/route/large", test_large);
  g_test_add_func ("/gui/route/look", test_look);
}

int
main (int   argc,
      char *argv[])
{
  return gui_test_main (&argc, &argv, &app, NULL, add_tests);
}
