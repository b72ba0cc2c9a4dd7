/* test-itinerary-model.c: what the itinerary shows, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mt-itinerary-model.h"

static gint64
at (int day,
    int hour,
    int minute)
{
  return mt_wall_time_new (2024, 5, 14 + day, hour, minute, 0);
}

static void
test_time_range (void)
{
  g_autofree char *plain = mt_itinerary_format_time_range (at (0, 9, 0), at (0, 10, 30));
  g_autofree char *no_end = mt_itinerary_format_time_range (at (0, 9, 5), MT_TIME_UNSET);
  g_autofree char *overnight = mt_itinerary_format_time_range (at (0, 22, 0), at (1, 1, 0));
  g_autofree char *midnight = mt_itinerary_format_time_range (at (0, 22, 0), at (1, 0, 0));
  g_autofree char *unset = mt_itinerary_format_time_range (MT_TIME_UNSET, MT_TIME_UNSET);

  g_assert_cmpstr (plain, ==, "09:00 – 10:30");
  g_assert_cmpstr (no_end, ==, "09:05");
  g_assert_cmpstr (overnight, ==, "22:00 – 01:00 (+1)");
  g_assert_cmpstr (midnight, ==, "22:00 – 24:00");
  g_assert_cmpstr (unset, ==, "");
}

static void
test_parse_clock (void)
{
  int minutes = -1;

  g_assert_true (mt_itinerary_parse_clock ("09:30", FALSE, &minutes));
  g_assert_cmpint (minutes, ==, 570);
  g_assert_true (mt_itinerary_parse_clock (" 9:05 ", FALSE, &minutes));
  g_assert_cmpint (minutes, ==, 545);
  g_assert_true (mt_itinerary_parse_clock ("1415", FALSE, &minutes));
  g_assert_cmpint (minutes, ==, 855);
  g_assert_true (mt_itinerary_parse_clock ("7", FALSE, &minutes));
  g_assert_cmpint (minutes, ==, 420);
  g_assert_true (mt_itinerary_parse_clock ("24:00", TRUE, &minutes));
  g_assert_cmpint (minutes, ==, 1440);

  /* what a user may mistype is refused, never clamped */
  g_assert_false (mt_itinerary_parse_clock ("24:00", FALSE, &minutes));
  g_assert_false (mt_itinerary_parse_clock ("25:00", TRUE, &minutes));
  g_assert_false (mt_itinerary_parse_clock ("9:60", FALSE, &minutes));
  g_assert_false (mt_itinerary_parse_clock ("9:5", FALSE, &minutes));
  g_assert_false (mt_itinerary_parse_clock ("nine", FALSE, &minutes));
  g_assert_false (mt_itinerary_parse_clock ("", FALSE, &minutes));
  g_assert_false (mt_itinerary_parse_clock ("-1:00", FALSE, &minutes));
}

static void
test_day_header (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autofree char *title = mt_itinerary_day_title (0);
  g_autofree char *date = mt_itinerary_day_date (tour, 0);
  g_autofree char *last = mt_itinerary_day_date (tour, 6);
  g_autofree char *cities1 = mt_itinerary_day_cities (tour, 0);
  g_autofree char *cities3 = mt_itinerary_day_cities (tour, 2);
  g_autofree char *none = mt_itinerary_day_cities (tour, 30);

  g_assert_cmpstr (title, ==, "Day 1");
  g_assert_cmpstr (date, ==, "Tuesday, 14 May");
  g_assert_cmpstr (last, ==, "Monday, 20 May");
  g_assert_cmpstr (cities1, ==, "Guangzhou");
  /* in the order the delegation gets there */
  g_assert_cmpstr (cities3, ==, "Shenzhen · Dongguan");
  g_assert_cmpstr (none, ==, "");
}

static void
test_day_visits_in_order (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  guint total = 0;

  for (int d = 0; d < 7; d++)
    {
      g_autoptr(GPtrArray) visits = mt_itinerary_dup_day_visits (tour, d);

      g_assert_cmpuint (visits->len, >, 0);
      for (guint i = 0; i < visits->len; i++)
        {
          MtVisit *visit = g_ptr_array_index (visits, i);

          g_assert_cmpint (mt_tour_get_day_index (tour, mt_visit_get_start (visit)), ==, d);
          if (i > 0)
            g_assert_cmpint (mt_visit_get_start (g_ptr_array_index (visits, i - 1)), <=,
                             mt_visit_get_start (visit));
        }
      total += visits->len;
    }
  g_assert_cmpuint (total, ==, mt_tour_count (tour, MT_ENTITY_VISIT));
}

static void
test_visit_place_and_style (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(GPtrArray) visits = mt_itinerary_dup_day_visits (tour, 0);
  g_autofree char *place = mt_itinerary_visit_place (tour, g_ptr_array_index (visits, 0));
  g_autoptr(MtVisit) loose = mt_visit_new (NULL);
  g_autofree char *no_place = mt_itinerary_visit_place (tour, loose);

  g_assert_true (g_str_has_suffix (place, " · Guangzhou"));
  g_assert_cmpstr (no_place, ==, "");
  g_assert_cmpstr (mt_itinerary_visit_status_class (MT_VISIT_TENTATIVE), ==, "tentative");
  g_assert_cmpstr (mt_itinerary_visit_status_class (MT_VISIT_CANCELLED), ==, "cancelled");
  g_assert_cmpstr (mt_itinerary_visit_status_class (MT_VISIT_CONFIRMED), ==, "confirmed");
  g_assert_cmpstr (mt_itinerary_visit_kind_icon (MT_VISIT_MEAL), ==, "emoji-food-symbolic");
  g_assert_cmpstr (mt_itinerary_visit_kind_icon (MT_VISIT_TRANSFER), !=,
                   mt_itinerary_visit_kind_icon (MT_VISIT_VISIT));
}

static void
test_group_css (void)
{
  g_autoptr(MtTour) tour = mt_tour_new ();
  g_autoptr(MtGroup) light = mt_group_new ("1a-b");
  g_autoptr(MtGroup) dark = mt_group_new ("g2");
  g_autoptr(MtGroup) hostile = mt_group_new ("g3");
  g_autofree char *class = mt_itinerary_group_class ("x y}{");
  g_autofree char *css = NULL;

  mt_group_set_color (light, "#f6d32d");
  mt_group_set_color (dark, "#1c71d8");
  mt_group_set_color (hostile, "red; } * { color: red");
  g_assert_true (mt_tour_add (tour, MT_ENTITY (light), NULL));
  g_assert_true (mt_tour_add (tour, MT_ENTITY (dark), NULL));
  g_assert_true (mt_tour_add (tour, MT_ENTITY (hostile), NULL));
  css = mt_itinerary_group_css (tour);

  /* a class name CSS can hold, whatever the id */
  g_assert_cmpstr (class, ==, "group-x_y__");
  /* dark text on a light colour, white on a dark one */
  g_assert_nonnull (strstr (css, ".group-1a-b { background-color: #f6d32d; color: rgba(0,0,0,0.8); }"));
  g_assert_nonnull (strstr (css, ".group-g2 { background-color: #1c71d8; color: white; }"));
  /* a colour that is not #rrggbb never reaches the style sheet */
  g_assert_null (strstr (css, "red;"));
  g_assert_nonnull (strstr (css, ".group-g3 { background-color: #9a9996;"));
}

static void
test_lanes (void)
{
  /* 9–10 and 9:30–11 overlap; 10:00–10:30 fits under the first; 12–13 alone */
  MtTimeSpan spans[] = {
    { at (0, 9, 0), at (0, 10, 0) },
    { at (0, 9, 30), at (0, 11, 0) },
    { at (0, 10, 0), at (0, 10, 30) },
    { at (0, 12, 0), at (0, 13, 0) },
    { at (0, 13, 0), MT_TIME_UNSET },
  };
  MtLane lanes[G_N_ELEMENTS (spans)];

  mt_itinerary_assign_lanes (spans, G_N_ELEMENTS (spans), 15 * 60, lanes);

  g_assert_cmpuint (lanes[0].lane, ==, 0);
  g_assert_cmpuint (lanes[1].lane, ==, 1);
  g_assert_cmpuint (lanes[2].lane, ==, 0);
  g_assert_cmpuint (lanes[0].n_lanes, ==, 2);
  g_assert_cmpuint (lanes[1].n_lanes, ==, 2);
  g_assert_cmpuint (lanes[2].n_lanes, ==, 2);
  /* back to back is not an overlap */
  g_assert_cmpuint (lanes[3].lane, ==, 0);
  g_assert_cmpuint (lanes[3].n_lanes, ==, 1);
  g_assert_cmpuint (lanes[4].lane, ==, 0);
  g_assert_cmpuint (lanes[4].n_lanes, ==, 1);

  /* nothing to place */
  mt_itinerary_assign_lanes (NULL, 0, 60, NULL);
}

static void
test_drop_start (void)
{
  MtTimeSpan target = { at (1, 14, 0), at (1, 15, 30) };
  gint64 day2 = at (1, 0, 0);

  /* on the header: the same time, on the other day */
  g_assert_cmpint (mt_itinerary_drop_start (day2, at (0, 9, 15), 3600, MT_DROP_KEEP_TIME, NULL),
                   ==, at (1, 9, 15));
  /* on the upper half of a card: ends when the card starts */
  g_assert_cmpint (mt_itinerary_drop_start (day2, at (0, 9, 15), 3600, MT_DROP_BEFORE, &target),
                   ==, at (1, 13, 0));
  /* on the lower half: starts when the card ends */
  g_assert_cmpint (mt_itinerary_drop_start (day2, at (0, 9, 15), 3600, MT_DROP_AFTER, &target),
                   ==, at (1, 15, 30));

  /* the hour grid snaps to five minutes and stays inside the day */
  g_assert_cmpint (mt_itinerary_snap_time (day2, 9.5 + 2.0 / 60, 300), ==, at (1, 9, 30));
  g_assert_cmpint (mt_itinerary_snap_time (day2, 9.5 + 3.0 / 60, 300), ==, at (1, 9, 35));
  g_assert_cmpint (mt_itinerary_snap_time (day2, -2, 300), ==, at (1, 0, 0));
  g_assert_cmpint (mt_itinerary_snap_time (day2, 30, 300), ==, at (1, 23, 55));
}

static void
test_travel (void)
{
  /* Guangzhou to Shenzhen: about 105 km in a straight line */
  double km = mt_itinerary_distance_km (23.1291, 113.2644, 22.5431, 114.0579);
  int minutes = mt_itinerary_travel_minutes (23.1291, 113.2644, 22.5431, 114.0579, 1.4, 45);

  g_assert_cmpfloat (km, >, 100);
  g_assert_cmpfloat (km, <, 110);
  /* 1.4 × ~104 km at 45 km/h: a little over three hours */
  g_assert_cmpint (minutes, >=, 190);
  g_assert_cmpint (minutes, <=, 200);
  g_assert_cmpint (mt_itinerary_travel_minutes (0, 0, 22.5, 114, 1.4, 45), ==, -1);
}

static MtVisit *
add_visit_at (MtTour *tour,
              int     h1,
              int     m1,
              int     h2,
              int     m2)
{
  g_autoptr(MtVisit) visit = mt_visit_new (NULL);

  mt_visit_set_start (visit, mt_tour_get_day_start (tour, 0) + h1 * 3600 + m1 * 60);
  mt_visit_set_end (visit, mt_tour_get_day_start (tour, 0) + h2 * 3600 + m2 * 60);
  g_assert_true (mt_tour_add (tour, MT_ENTITY (visit), NULL));
  return visit;
}

/* A new visit goes into the first free hour from 09:00, not after the
 * day's last visit */
static void
test_free_start (void)
{
  g_autoptr(MtTour) tour = mt_tour_new ();
  gint64 day = mt_tour_get_day_start (tour, 0);

  /* an empty day: 09:00 */
  g_assert_cmpint (mt_itinerary_free_start (tour, 0, 3600), ==, day + 9 * 3600);
  /* 09:00-10:00 and 12:00-13:00 taken: 10:00, the gap holds an hour */
  add_visit_at (tour, 9, 0, 10, 0);
  add_visit_at (tour, 12, 0, 13, 0);
  g_assert_cmpint (mt_itinerary_free_start (tour, 0, 3600), ==, day + 10 * 3600);
  /* 10:10-11:30 taken too: the 10:00-10:10 gap is too short, after it on
   * the quarter: 11:30 holds only 30 minutes; then 13:00 */
  add_visit_at (tour, 10, 10, 11, 30);
  g_assert_cmpint (mt_itinerary_free_start (tour, 0, 3600), ==, day + 13 * 3600);
  /* a half-hour visit fits at 11:30 */
  g_assert_cmpint (mt_itinerary_free_start (tour, 0, 1800), ==, day + 11 * 3600 + 1800);
  /* a day full to 23:30: the new visit ends at midnight */
  add_visit_at (tour, 13, 0, 23, 30);
  g_assert_cmpint (mt_itinerary_free_start (tour, 0, 3600), ==, day + 23 * 3600);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/itinerary-model/free-start", test_free_start);
  g_test_add_func ("/gui/itinerary-model/time-range", test_time_range);
  g_test_add_func ("/gui/itinerary-model/parse-clock", test_parse_clock);
  g_test_add_func ("/gui/itinerary-model/day-header", test_day_header);
  g_test_add_func ("/gui/itinerary-model/day-visits-in-order", test_day_visits_in_order);
  g_test_add_func ("/gui/itinerary-model/visit-place-and-style", test_visit_place_and_style);
  g_test_add_func ("/gui/itinerary-model/group-css", test_group_css);
  g_test_add_func ("/gui/itinerary-model/lanes", test_lanes);
  g_test_add_func ("/gui/itinerary-model/drop-start", test_drop_start);
  g_test_add_func ("/gui/itinerary-model/travel", test_travel);

  return g_test_run ();
}
