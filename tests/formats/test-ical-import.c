/* test-ical-import.c: reading calendars into a tour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "export-test-util.h"

static GBytes *
snapshot (MtTour *tour)
{
  return mt_tour_save_to_bytes (tour);
}

static gboolean
import (MtTour       *tour,
        const char   *text,
        MtIcalImport *result,
        GError      **error)
{
  return mt_ical_import_data (tour, text, strlen (text), "test.ics", NULL, result, error);
}

static void
test_round_trip (void)
{
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  g_autoptr(MtTour) empty = mt_tour_new ();
  g_autofree char *text = export_or_die (sample, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *visits = mt_tour_get_visits (sample);
  MtIcalImport result;
  guint n_interviews = 0, n_visits = 0, n_with_site = 0;

  g_assert_true (import (empty, text, &result, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (mt_tour_get_interviews (sample)); i++)
    {
      g_autoptr(MtInterview) interview = g_list_model_get_item (mt_tour_get_interviews (sample), i);

      n_interviews += mt_interview_get_start (interview) != MT_TIME_UNSET;
    }
  /* the visits come back with their ids; interviews have no place to go */
  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);
      MtVisit *copy = mt_tour_lookup_kind (empty, MT_ENTITY_VISIT, mt_entity_get_id (MT_ENTITY (visit)));

      if (mt_visit_get_start (visit) == MT_TIME_UNSET)
        continue;
      n_visits++;
      n_with_site += mt_visit_get_site (visit) != NULL;
      g_assert_nonnull (copy);
      g_assert_cmpstr (mt_visit_get_title (copy), ==, mt_visit_get_title (visit));
      g_assert_cmpint (mt_visit_get_start (copy), ==, mt_visit_get_start (visit));
      g_assert_cmpint (mt_visit_get_end (copy), ==, mt_visit_get_end (visit));
      g_assert_cmpint (mt_visit_get_status (copy), ==, mt_visit_get_status (visit));
      g_assert_cmpint (mt_visit_get_visit_kind (copy), ==, mt_visit_get_visit_kind (visit));
      g_assert_cmpuint (mt_entity_get_revision (MT_ENTITY (copy)), ==, mt_entity_get_revision (MT_ENTITY (visit)));
    }
  g_assert_cmpuint (result.n_added, ==, n_visits);
  g_assert_cmpuint (mt_tour_count (empty, MT_ENTITY_VISIT), ==, n_visits);
  /* reported by line: each interview, left out; apart from them, each
   * site the empty tour does not have, kept in the visit's notes */
  g_assert_cmpuint (result.problems->len, ==, n_interviews);
  g_assert_cmpuint (result.n_left_out, ==, n_interviews);
  for (guint i = 0; i < result.problems->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (result.problems, i), "line "));
  for (guint i = 0; i < result.notes->len; i++)
    {
      g_assert_true (g_str_has_prefix (g_ptr_array_index (result.notes, i), "line "));
      n_with_site -= strstr (g_ptr_array_index (result.notes, i), "no site of the tour") != NULL;
    }
  g_assert_cmpuint (n_with_site, ==, 0);
  mt_ical_import_clear (&result);

  /* the same file once more adds nothing and changes nothing */
  g_assert_true (import (empty, text, &result, &error));
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_updated, ==, 0);
  g_assert_cmpuint (result.n_unchanged, ==, n_visits);
  g_assert_cmpuint (mt_tour_count (empty, MT_ENTITY_VISIT), ==, n_visits);
  mt_ical_import_clear (&result);
}

static void
test_into_itself (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *text = export_or_die (tour, NULL, NULL);
  g_autoptr(GBytes) before = snapshot (tour);
  g_autoptr(GBytes) after = NULL;
  MtIcalImport result;

  g_assert_true (import (tour, text, &result, NULL));
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_updated, ==, 0);
  g_assert_cmpuint (result.problems->len, ==, 0);
  after = snapshot (tour);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (mt_history_can_undo (mt_tour_get_history (tour)));
  mt_ical_import_clear (&result);
}

static const char foreign[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Venue//Bookings//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:booking-17@venue.example\r\n"
  "DTSTAMP:20240401T100000Z\r\n"
  "DTSTART;TZID=Europe/Berlin:20240514T030000\r\n"
  "DTEND;TZID=Europe/Berlin:20240514T043000\r\n"
  "SUMMARY:Hall booking\\, east wing\r\n"
  "LOCATION:Canton Tower\r\n"
  "DESCRIPTION:Bring badges.\r\n"
  "STATUS:TENTATIVE\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:booking-18@venue.example\r\n"
  "DTSTAMP:20240401T100000Z\r\n"
  "DTSTART:20240514T060000Z\r\n"
  "DURATION:PT45M\r\n"
  "SUMMARY:Lunch at the tower\r\n"
  "CATEGORIES:Meal\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:booking-19@venue.example\r\n"
  "DTSTAMP:20240401T100000Z\r\n"
  "DTSTART:20240515T160000\r\n"
  "SUMMARY:Floating evening event\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_foreign (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *id = mt_ical_id_for_uid ("booking-17@venue.example");
  g_autofree char *lunch_id = mt_ical_id_for_uid ("booking-18@venue.example");
  g_autofree char *evening_id = mt_ical_id_for_uid ("booking-19@venue.example");
  g_autofree char *moved = NULL;
  MtHistory *history = mt_tour_get_history (tour);
  guint n_visits = mt_tour_count (tour, MT_ENTITY_VISIT);
  MtVisit *hall, *lunch, *evening;
  MtIcalImport result;

  g_assert_true (import (tour, foreign, &result, NULL));
  g_assert_cmpuint (result.n_added, ==, 3);
  g_assert_cmpuint (result.problems->len, ==, 0);
  mt_ical_import_clear (&result);

  hall = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id);
  g_assert_nonnull (hall);
  /* 03:00 in Berlin summer time is 09:00 in Shanghai */
  g_assert_cmpint (mt_visit_get_start (hall), ==, mt_wall_time_new (2024, 5, 14, 9, 0, 0));
  g_assert_cmpint (mt_visit_get_end (hall), ==, mt_wall_time_new (2024, 5, 14, 10, 30, 0));
  g_assert_cmpstr (mt_visit_get_title (hall), ==, "Hall booking, east wing");
  g_assert_cmpstr (mt_visit_get_site (hall), ==, SITE_TOWER);
  g_assert_cmpstr (mt_visit_get_notes (hall), ==, "Bring badges.");
  g_assert_cmpint (mt_visit_get_status (hall), ==, MT_VISIT_TENTATIVE);

  lunch = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, lunch_id);
  g_assert_cmpint (mt_visit_get_start (lunch), ==, mt_wall_time_new (2024, 5, 14, 14, 0, 0));
  g_assert_cmpint (mt_visit_get_end (lunch), ==, mt_wall_time_new (2024, 5, 14, 14, 45, 0));
  g_assert_cmpint (mt_visit_get_visit_kind (lunch), ==, MT_VISIT_MEAL);
  g_assert_cmpint (mt_visit_get_status (lunch), ==, MT_VISIT_CONFIRMED);

  /* a floating time is the tour's wall clock */
  evening = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, evening_id);
  g_assert_cmpint (mt_visit_get_start (evening), ==, mt_wall_time_new (2024, 5, 15, 16, 0, 0));

  /* one undoable step */
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, 1);

  /* importing the venue's next version updates the booking it moved */
  moved = g_strdup (foreign);
  memcpy (strstr (moved, "20240514T030000"), "20240514T040000", 15);
  g_assert_true (import (tour, moved, &result, NULL));
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_updated, ==, 1);
  g_assert_cmpuint (result.n_unchanged, ==, 2);
  mt_ical_import_clear (&result);
  g_assert_cmpint (mt_visit_get_start (hall), ==, mt_wall_time_new (2024, 5, 14, 10, 0, 0));
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, n_visits + 3);

  /* undo takes the update back, then the whole first import */
  g_assert_true (mt_history_undo (history));
  g_assert_cmpint (mt_visit_get_start (hall), ==, mt_wall_time_new (2024, 5, 14, 9, 0, 0));
  g_assert_true (mt_history_undo (history));
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, n_visits);
}

/* Each broken file gives an error naming the right line and leaves the
 * tour as it was. */
static void
test_broken (void)
{
  static const struct {
    const char *text;
    const char *line;
  } cases[] = {
    /* cut short in the middle of an event */
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@x\r\nDTSTART:20240514T0900", "line 5:" },
    /* a month 13 and an hour 25 */
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@x\r\nDTSTART:20240514T090000Z\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:b@x\r\nDTSTART:20241345T250000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "line 8:" },
    /* an event that is never closed */
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@x\r\nDTSTART:20240514T090000Z\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:b@x\r\nDTSTART:20240514T100000Z\r\nEND:VCALENDAR\r\n", "line 9:" },
    /* the calendar is never closed */
    { "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a@x\nDTSTART:20240514T090000Z\nEND:VEVENT\n", "line 5:" },
    /* a bad DTEND after a fold */
    { "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@x\r\nSUMMARY:A long\r\n  title\r\nDTSTART:20240514T090000Z\r\n"
      "DTEND:2024-05-14 10:00\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "line 7:" },
    /* not a calendar at all */
    { "Name,Outlet\r\nWang Wei,Provincial TV\r\n", "line 1:" },
    { "", "line 1:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MtTour) tour = small_tour_new ();
      g_autoptr(GBytes) before = snapshot (tour);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GError) error = NULL;
      MtIcalImport result;

      g_test_message ("case %u", i);
      g_assert_false (import (tour, cases[i].text, &result, &error));
      g_assert_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_SYNTAX);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "test.ics: "));
      g_assert_nonnull (strstr (error->message, cases[i].line));
      after = snapshot (tour);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (mt_history_can_undo (mt_tour_get_history (tour)));
      mt_ical_import_clear (&result);
    }
}

/* What cannot become a visit is left out and reported by line; the rest
 * is imported. */
static void
test_unmappable (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\n"                                   /* 1 */
    "BEGIN:VEVENT\r\n"                                      /* 2 */
    "UID:weekly@x\r\n"
    "DTSTART:20240514T090000Z\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=3\r\n"                         /* 5 */
    "SUMMARY:Weekly call\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:allday@x\r\n"
    "DTSTART;VALUE=DATE:20240515\r\n"                       /* 10 */
    "SUMMARY:Expo day\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:zone@x\r\n"
    "DTSTART;TZID=Nowhere/Special:20240515T090000\r\n"      /* 15 */
    "SUMMARY:Somewhere\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:good@x\r\n"
    "DTSTART:20240515T020000Z\r\n"
    "DTEND:20240515T030000Z\r\n"
    "SUMMARY:Good one\r\n"
    "LOCATION:Somewhere unknown\r\n"                        /* 23 */
    "END:VEVENT\r\n"
    "BEGIN:VTODO\r\n"
    "UID:todo@x\r\n"
    "END:VTODO\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(MtTour) tour = small_tour_new ();
  guint n_visits = mt_tour_count (tour, MT_ENTITY_VISIT);
  MtIcalImport result;

  g_assert_true (import (tour, text, &result, NULL));
  g_assert_cmpuint (result.n_added, ==, 1);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, n_visits + 1);
  g_assert_cmpuint (result.problems->len, ==, 3);
  g_assert_cmpuint (result.n_left_out, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result.problems, 0), "line 5: "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result.problems, 1), "line 10: "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result.problems, 2), "line 15: "));
  g_assert_nonnull (strstr (g_ptr_array_index (result.problems, 2), "Nowhere/Special"));
  /* the one imported without its site is not counted as left out */
  g_assert_cmpuint (result.notes->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result.notes, 0), "line 23: "));
  mt_ical_import_clear (&result);
}

static void
test_into_group (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *id = mt_ical_id_for_uid ("booking-17@venue.example");
  MtIcalImport result;
  MtVisit *hall;

  g_assert_true (mt_ical_import_data (tour, foreign, strlen (foreign), "v.ics", GROUP_B, &result, NULL));
  mt_ical_import_clear (&result);
  hall = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id);
  g_assert_true (mt_visit_has_group (hall, GROUP_B));
  g_assert_false (mt_visit_has_group (hall, GROUP_A));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/ical-import/round-trip", test_round_trip);
  g_test_add_func ("/formats/ical-import/into-itself", test_into_itself);
  g_test_add_func ("/formats/ical-import/foreign", test_foreign);
  g_test_add_func ("/formats/ical-import/broken", test_broken);
  g_test_add_func ("/formats/ical-import/unmappable", test_unmappable);
  g_test_add_func ("/formats/ical-import/into-group", test_into_group);

  return g_test_run ();
}
