/* test-hostile.c: the importers on files made to break them
 *
 * Each case was found by hand or by the fuzz targets (tests/fuzz); each
 * file here is in the fuzz corpus as well. Cases that used to hang run in
 * a subprocess with a time limit, so a hang fails instead of stalling.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "export-test-util.h"

#define EMPTY_TOUR "{\"format\":1,\"first-day\":\"2024-05-14\"}"
/* an event of an hour on 2024-05-14 with @props, content lines ending in CRLF */
#define EVENT(props) \
  "BEGIN:VEVENT\r\n" props "DTSTART:20240514T100000\r\nDTEND:20240514T110000\r\nEND:VEVENT\r\n"

static MtTour *
load_or_die (const char *text)
{
  g_autoptr(GError) error = NULL;
  MtTour *tour = mt_tour_load_from_data (text, -1, "hostile.mtour", NULL, &error);

  g_assert_no_error (error);
  return tour;
}

/* Imports @length bytes of @data into a small tour; on failure checks that
 * the tour is unchanged and returns the message. */
static char *
import_ics (MtTour       *tour,
            const char   *data,
            gsize         length,
            MtIcalImport *result)
{
  g_autoptr(GBytes) before = mt_tour_save_to_bytes (tour);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  if (mt_ical_import_data (tour, data, length, "hostile.ics", NULL, result, &error))
    return NULL;
  after = mt_tour_save_to_bytes (tour);
  g_assert_true (g_bytes_equal (before, after));
  return g_strdup (error->message);
}

/* Runs the test again in a subprocess that must end within @seconds. */
static gboolean
in_time (guint seconds)
{
  if (g_test_subprocess ())
    return TRUE;
  g_test_trap_subprocess (NULL, seconds * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

/* A file of one carriage return hung the importer: the line reader took
 * the CR off the line's length and then moved on by that length, 0. */
static void
test_ics_lone_carriage_return (void)
{
  const char *cases[] = { "\r", "\r\r\r", "\n\r", " \r", "BEGIN:VCALENDAR\r" };

  if (!in_time (10))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
      g_autofree char *message = import_ics (tour, cases[i], strlen (cases[i]), NULL);

      g_assert_nonnull (message);
      assert_contains (message, "hostile.ics");
    }
}

/* @events between the lines of a calendar */
static char *
calendar (const char *events)
{
  return g_strconcat ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//hostile//EN\r\n",
                      events, "END:VCALENDAR\r\n", NULL);
}

static void
assert_saves_and_loads (MtTour *tour)
{
  g_autoptr(GBytes) saved = mt_tour_save_to_bytes (tour);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) loaded = mt_tour_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                                     "saved.mtour", NULL, &error);

  g_assert_no_error (error);
  again = mt_tour_save_to_bytes (loaded);
  g_assert_true (g_bytes_equal (saved, again));
}

/* Years a tour cannot hold are left out with a message; year 1 in UTC is
 * year 0 in a zone west of it, where GLib has no date at all. */
static void
test_ics_years (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  g_autofree char *text = calendar (
    "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Year one\r\nDTSTART:00010101T000000Z\r\nDTEND:00010101T010000Z\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:The end\r\nDTSTART:99991231T235959Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Too long\r\nDTSTART:20240514T100000\r\nDURATION:P99999W\r\nEND:VEVENT\r\n"
    EVENT ("UID:d\r\nSUMMARY:Fine\r\n"));
  g_autofree char *message = NULL;
  MtIcalImport result;

  g_assert_true (mt_tour_set_time_zone (tour, "America/Los_Angeles", NULL));
  message = import_ics (tour, text, strlen (text), &result);
  g_assert_null (message);
  g_assert_cmpuint (result.n_added, ==, 1);
  g_assert_cmpuint (result.problems->len, ==, 3);
  assert_contains (g_ptr_array_index (result.problems, 0), "line 7: DTSTART: the year 1 is outside the years 1900 to 2200");
  assert_contains (g_ptr_array_index (result.problems, 1), "DTSTART: the year 9999 is outside");
  assert_contains (g_ptr_array_index (result.problems, 2), "DURATION: the year");
  mt_ical_import_clear (&result);
  assert_saves_and_loads (tour);
}

/* One SUMMARY line of 8 MB: libical's own line reader read it in steps of
 * 80 bytes, each looking for the line's end again (1.6 s for 5 MB, 33 s for
 * 20 MB); the import now hands libical whole lines. bench-hostile times it. */
static void
test_ics_long_line (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *events = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autofree char *id = NULL;
  MtIcalImport result;
  MtVisit *visit;

  while (summary->len < 8 * 1024 * 1024)
    g_string_append (summary, "长线 long line");
  events = g_strdup_printf ("BEGIN:VEVENT\r\nUID:long@test\r\nSUMMARY:%s\r\n"
                            "DTSTART:20240514T100000\r\nDTEND:20240514T110000\r\nEND:VEVENT\r\n", summary->str);
  text = calendar (events);
  message = import_ics (tour, text, strlen (text), &result);
  g_assert_null (message);
  g_assert_cmpuint (result.n_added, ==, 1);
  mt_ical_import_clear (&result);
  id = mt_ical_id_for_uid ("long@test");
  visit = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id);
  g_assert_nonnull (visit);
  /* not g_assert_cmpstr(): its message would print both */
  g_assert_cmpuint (strlen (mt_visit_get_title (visit)), ==, summary->len);
  g_assert_true (strcmp (mt_visit_get_title (visit), summary->str) == 0);
}

/* Each bound is named in the message that refuses a file */
static void
test_ics_bounds (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  g_autoptr(GString) events = g_string_new (NULL);
  g_autoptr(GString) zones = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autofree char *big = NULL;
  gsize big_size = 64 * 1024 * 1024 + 1;

  /* a file past 64 MiB is not read at all */
  big = g_malloc (big_size);
  memset (big, 'x', big_size);
  message = import_ics (tour, big, big_size, NULL);
  assert_contains (message, "hostile.ics: the file is 65 MiB; a calendar to import may be at most 64 MiB");
  g_clear_pointer (&message, g_free);

  /* more events than a calendar to import may have */
  for (guint i = 0; i <= 200000; i++)
    g_string_append (events, "BEGIN:VEVENT\r\nEND:VEVENT\r\n");
  text = calendar (events->str);
  message = import_ics (tour, text, strlen (text), NULL);
  assert_contains (message, "line 400004: the calendar has more than 200000 events");
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&text, g_free);
  g_string_truncate (events, 0);

  /* an event of more than 10 000 lines */
  g_string_append (events, "BEGIN:VEVENT\r\nUID:many@test\r\nDTSTART:20240514T100000\r\n");
  for (guint i = 0; i < 10000; i++)
    g_string_append (events, "ATTENDEE:mailto:a@example.com\r\n");
  g_string_append (events, "END:VEVENT\r\n");
  text = calendar (events->str);
  message = import_ics (tour, text, strlen (text), NULL);
  assert_contains (message, "line 4: the VEVENT that begins here has more than 10000 lines");
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&text, g_free);

  /* components nested nine deep */
  text = calendar ("BEGIN:VEVENT\r\nBEGIN:A\r\nBEGIN:B\r\nBEGIN:C\r\nBEGIN:D\r\nBEGIN:E\r\n"
                   "BEGIN:F\r\nBEGIN:G\r\nEND:G\r\nEND:F\r\nEND:E\r\nEND:D\r\nEND:C\r\n"
                   "END:B\r\nEND:A\r\nEND:VEVENT\r\n");
  message = import_ics (tour, text, strlen (text), NULL);
  assert_contains (message, "line 11: components nest more than 8 deep here");
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&text, g_free);

  /* time zone definitions of more than 20 000 lines together */
  for (guint z = 0; z < 3; z++)
    {
      g_string_append_printf (zones, "BEGIN:VTIMEZONE\r\nTZID:Zone/%u\r\n", z);
      for (guint i = 0; i < 8000; i++)
        g_string_append (zones, "X-FILLER:x\r\n");
      g_string_append (zones, "END:VTIMEZONE\r\n");
    }
  text = calendar (zones->str);
  message = import_ics (tour, text, strlen (text), NULL);
  assert_contains (message, "the time zone definitions have more than 20000 lines together");
}

/* A backslash before anything but \\ ; , n N is no escape; libical made a
 * space of it and cut a multi-byte character in half, so the tour saved
 * text that is not UTF-8 and did not load again. Such an event is left out
 * with a message; its neighbours come in. */
static void
test_ics_unknown_escape (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  g_autofree char *text = calendar (
    EVENT ("UID:bad@test\r\nSUMMARY:caf\\\xc3\xa9\r\n")
    EVENT ("UID:worse@test\r\nSUMMARY:ok\r\nLOCATION:\\x\r\n")
    EVENT ("UID:good@test\r\nSUMMARY:a\\, b\\; c\\\\ d\\n e\r\n"));
  g_autofree char *message = NULL;
  MtIcalImport result;
  g_autofree char *id = NULL;
  MtVisit *visit;

  message = import_ics (tour, text, strlen (text), &result);
  g_assert_null (message);
  g_assert_cmpuint (result.n_added, ==, 1);
  g_assert_cmpuint (result.problems->len, ==, 2);
  assert_contains (g_ptr_array_index (result.problems, 0), "line 6: SUMMARY holds a backslash that is not an iCalendar escape");
  assert_contains (g_ptr_array_index (result.problems, 1), "line 13: LOCATION holds a backslash");
  mt_ical_import_clear (&result);
  id = mt_ical_id_for_uid ("good@test");
  visit = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id);
  g_assert_cmpstr (mt_visit_get_title (visit), ==, "a, b; c\\ d\n e");
  assert_saves_and_loads (tour);
}

static char *
import_csv (MtTour     *tour,
            const char *data,
            gsize       length)
{
  g_autoptr(GBytes) before = mt_tour_save_to_bytes (tour);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  MtCsvImport result;

  if (mt_csv_import_roster (tour, data, length, "hostile.csv", &result, NULL, &error))
    return NULL;
  after = mt_tour_save_to_bytes (tour);
  g_assert_true (g_bytes_equal (before, after));
  return g_strdup (error->message);
}

/* A CSV line of 50 MB of commas made 50 million empty strings (gigabytes);
 * the file is now refused by its size, and a row of too many fields is
 * refused without keeping them. Rows that cannot be imported are listed up
 * to a hundred, and counted. */
static void
test_csv_bounds (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  g_autoptr(GString) text = g_string_new ("Name,Outlet\r\n");
  g_autofree char *message = NULL;

  while (text->len < 50 * 1024 * 1024)
    g_string_append (text, ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,");
  message = import_csv (tour, text->str, text->len);
  assert_contains (message, "hostile.csv: the file is 51 MiB; a roster to import may be at most 16 MiB");
  g_clear_pointer (&message, g_free);

  g_string_assign (text, "Name,Outlet\r\nWang Fang,Xinhua");
  for (guint i = 0; i < 300; i++)
    g_string_append (text, ",x");
  g_string_append (text, "\r\n");
  message = import_csv (tour, text->str, text->len);
  assert_contains (message, "row 2: it has more than 256 fields");
  g_clear_pointer (&message, g_free);

  /* more rows than a roster may have: not read past them */
  g_string_assign (text, "Name\r\n");
  for (guint i = 0; i <= 100000; i++)
    g_string_append (text, "x\r\n");
  message = import_csv (tour, text->str, text->len);
  assert_contains (message, "row 100002: the file has more than 100000 rows");
  g_clear_pointer (&message, g_free);

  /* an ID a tour cannot hold */
  g_string_assign (text, "Name,Outlet,ID\r\nWang Fang,Xinhua,\"a\rb\"\r\n");
  message = import_csv (tour, text->str, text->len);
  assert_contains (message, "row 2: ID: the id holds a control character (U+000D)");
  g_clear_pointer (&message, g_free);

  g_string_assign (text, "Name,Outlet\r\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "\"x\"y,z\r\n");
  message = import_csv (tour, text->str, text->len);
  assert_contains (message, "hostile.csv: 5000 rows cannot be imported, so nothing was:");
  assert_contains (message, "row 101: there is text after the closing quote of a field\n… and 4900 more rows");
  g_assert_null (strstr (message, "row 102:"));
}

/* A message quotes 40 characters of a bad line; cut at 40 bytes, it ended
 * in half a character (found by fuzz-ical-import) */
static void
test_ics_message_utf8 (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  const char *text = "BEGIN:VCALENDAR\r\nX;XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\xc3\xa9\xc3\xa9 no value\r\nEND:VCALENDAR\r\n";
  g_autofree char *message = import_ics (tour, text, strlen (text), NULL);

  g_assert_true (g_utf8_validate (message, -1, NULL));
  assert_contains (message, "line 2: the line “X;XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXé…” has no value");
}

/* A carriage return inside a UID of ours made a visit whose id the export
 * wrote as a line break, and the export did not import again (found by
 * fuzz-ical-import). Text that iCalendar cannot hold is refused on the way
 * in; a tab is text, and comes back as a tab. */
static void
test_ics_control_characters (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  g_autofree char *text = calendar (
    EVENT ("UID:a\rb@mediatour\r\nSUMMARY:cr uid\r\n")
    EVENT ("UID:ctl@test\r\nSUMMARY:bell\x07\r\n")
    EVENT ("UID:tab@test\r\nSUMMARY:a\tb\r\n"));
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *message = NULL;
  g_autofree char *id = NULL;
  MtIcalImport result;

  message = import_ics (tour, text, strlen (text), &result);
  g_assert_null (message);
  g_assert_cmpuint (result.n_added, ==, 1);
  g_assert_cmpuint (result.problems->len, ==, 2);
  assert_contains (g_ptr_array_index (result.problems, 0),
                   "line 5: UID holds a control character (U+000D) that iCalendar text cannot hold");
  assert_contains (g_ptr_array_index (result.problems, 1),
                   "line 12: SUMMARY holds a control character (U+0007) that iCalendar text cannot hold");
  mt_ical_import_clear (&result);
  id = mt_ical_id_for_uid ("tab@test");
  g_assert_cmpstr (mt_visit_get_title (mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id)), ==, "a\tb");
  /* nor does "a\rb" become an id: no tour could hold it */
  g_assert_null (mt_tour_lookup (tour, "a\rb"));
  g_assert_false (mt_validate_id ("a\rb", "id", NULL));

  /* its own export, back into it: nothing changes */
  exported = mt_ical_export_to_bytes (tour, NULL, NULL, NULL);
  message = import_ics (tour, g_bytes_get_data (exported, NULL), g_bytes_get_size (exported), &result);
  g_assert_null (message);
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_updated, ==, 0);
  mt_ical_import_clear (&result);
  assert_saves_and_loads (tour);
}

/* The exports of an empty tour: nothing to sort, nothing to write but the
 * frame (UBSan caught qsort() on the NULL list of an empty tour). */
static void
test_empty_tour_exports (void)
{
  g_autoptr(MtTour) tour = load_or_die (EMPTY_TOUR);
  g_autoptr(GBytes) ics = NULL;
  g_autoptr(GBytes) schedule = NULL;
  g_autoptr(GBytes) roster = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ics_text = NULL;

  ics = mt_ical_export_to_bytes (tour, NULL, NULL, &error);
  g_assert_no_error (error);
  ics_text = g_strndup (g_bytes_get_data (ics, NULL), g_bytes_get_size (ics));
  assert_contains (ics_text, "BEGIN:VCALENDAR");
  g_assert_null (strstr (ics_text, "BEGIN:VEVENT"));

  schedule = mt_csv_export_schedule (tour, NULL, NULL, &error);
  g_assert_no_error (error);
  roster = mt_csv_export_roster (tour);
  /* the header row only */
  g_assert_nonnull (memchr (g_bytes_get_data (roster, NULL), '\n', g_bytes_get_size (roster)));
  g_assert_cmpuint (g_bytes_get_size (schedule), >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/hostile/ics-lone-carriage-return", test_ics_lone_carriage_return);
  g_test_add_func ("/formats/hostile/empty-tour-exports", test_empty_tour_exports);
  g_test_add_func ("/formats/hostile/ics-years", test_ics_years);
  g_test_add_func ("/formats/hostile/ics-long-line", test_ics_long_line);
  g_test_add_func ("/formats/hostile/ics-bounds", test_ics_bounds);
  g_test_add_func ("/formats/hostile/ics-unknown-escape", test_ics_unknown_escape);
  g_test_add_func ("/formats/hostile/csv-bounds", test_csv_bounds);
  g_test_add_func ("/formats/hostile/ics-message-utf8", test_ics_message_utf8);
  g_test_add_func ("/formats/hostile/ics-control-characters", test_ics_control_characters);

  return g_test_run ();
}
