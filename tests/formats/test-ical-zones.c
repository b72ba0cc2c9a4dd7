/* test-ical-zones.c: wall-clock times where the zone's clocks change
 *
 * A visit from 02:00 to 03:00 on 2024-03-31 in Europe/Berlin (the hour
 * the clocks skip) was exported as DTSTART;TZID=Europe/Berlin:20240331T020000
 * and came back from its own file as 01:00 to 03:00, "1 updated". Times in
 * the tour's own zone now come back as written, in a gap or in a fold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "export-test-util.h"

#define GAP_VISIT "00000000-0000-4000-8000-000000000901"
#define FOLD_VISIT "00000000-0000-4000-8000-000000000902"

static MtTour *
berlin_tour (gboolean with_visits)
{
  MtTour *tour = mt_tour_new ();

  g_assert_true (mt_tour_set_time_zone (tour, "Europe/Berlin", NULL));
  mt_tour_set_first_day (tour, mt_wall_time_new (2024, 3, 30, 0, 0, 0));
  mt_tour_set_n_days (tour, 211);
  if (with_visits)
    {
      /* the hour the clocks skip, and the hour they repeat */
      add_or_die (tour, new_visit (GAP_VISIT, "Night museum", NULL, NULL,
                                   mt_wall_time_new (2024, 3, 31, 2, 0, 0),
                                   mt_wall_time_new (2024, 3, 31, 3, 0, 0)));
      add_or_die (tour, new_visit (FOLD_VISIT, "Night train", NULL, NULL,
                                   mt_wall_time_new (2024, 10, 27, 2, 30, 0),
                                   mt_wall_time_new (2024, 10, 27, 2, 45, 0)));
    }
  return tour;
}

static void
assert_times (MtTour     *tour,
              const char *id,
              gint64      start,
              gint64      end)
{
  MtVisit *visit = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id);

  g_assert_nonnull (visit);
  g_assert_cmpint (mt_visit_get_start (visit), ==, start);
  g_assert_cmpint (mt_visit_get_end (visit), ==, end);
}

static void
test_gap_and_fold_round_trip (void)
{
  g_autoptr(MtTour) tour = berlin_tour (TRUE);
  g_autoptr(MtTour) empty = berlin_tour (FALSE);
  g_autofree char *text = export_or_die (tour, NULL, NULL);
  g_autoptr(GError) error = NULL;
  MtIcalImport result;

  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Berlin:20240331T020000"));

  /* back into itself: nothing changes */
  g_assert_true (mt_ical_import_data (tour, text, strlen (text), "berlin.ics", NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_updated, ==, 0);
  g_assert_cmpuint (result.n_unchanged, ==, 2);
  mt_ical_import_clear (&result);
  assert_times (tour, GAP_VISIT, mt_wall_time_new (2024, 3, 31, 2, 0, 0), mt_wall_time_new (2024, 3, 31, 3, 0, 0));

  /* into an empty tour of the same zone: the same wall-clock times */
  g_assert_true (mt_ical_import_data (empty, text, strlen (text), "berlin.ics", NULL, &result, &error));
  g_assert_cmpuint (result.n_added, ==, 2);
  mt_ical_import_clear (&result);
  assert_times (empty, GAP_VISIT, mt_wall_time_new (2024, 3, 31, 2, 0, 0), mt_wall_time_new (2024, 3, 31, 3, 0, 0));
  assert_times (empty, FOLD_VISIT, mt_wall_time_new (2024, 10, 27, 2, 30, 0), mt_wall_time_new (2024, 10, 27, 2, 45, 0));
}

/* A time in another zone is still converted into the tour's */
static void
test_other_zone_converted (void)
{
  g_autoptr(MtTour) tour = berlin_tour (FALSE);
  g_autoptr(GError) error = NULL;
  const char *text =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//zones//EN\r\n"
    "BEGIN:VEVENT\r\nUID:shanghai@test\r\nSUMMARY:Call\r\n"
    "DTSTART;TZID=Asia/Shanghai:20240514T150000\r\nDTEND;TZID=Asia/Shanghai:20240514T160000\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";
  MtIcalImport result;
  GListModel *visits = mt_tour_get_visits (tour);
  g_autoptr(MtVisit) visit = NULL;

  g_assert_true (mt_ical_import_data (tour, text, strlen (text), "shanghai.ics", NULL, &result, &error));
  g_assert_cmpuint (result.n_added, ==, 1);
  mt_ical_import_clear (&result);
  visit = g_list_model_get_item (visits, 0);
  /* 15:00 in Shanghai (UTC+8) is 09:00 in Berlin in summer (UTC+2) */
  g_assert_cmpint (mt_visit_get_start (visit), ==, mt_wall_time_new (2024, 5, 14, 9, 0, 0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/ical-zones/gap-and-fold-round-trip", test_gap_and_fold_round_trip);
  g_test_add_func ("/formats/ical-zones/other-zone-converted", test_other_zone_converted);

  return g_test_run ();
}
