/* test-ical-reimport.c: a calendar changed elsewhere, imported again
 *
 * The calendars are changed as a calendar program would change them, by
 * Python's icalendar module (edit_ical.py), and the exports are read back
 * with it (parse_ical.py), as in test-parsers.c. A missing parser is a
 * failure: build-aux/install-deps.sh installs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "export-test-util.h"
#include "mt-merge.h"

static char *
run_python (const char *script,
            const char *arg1,
            const char *arg2,
            const char *arg3)
{
  g_autofree char *path = g_build_filename (g_getenv ("MT_EXPORT_SCRIPTS"), script, NULL);
  const char *python = g_getenv ("MT_PYTHON") ? g_getenv ("MT_PYTHON") : "/usr/bin/python3";
  const char *argv[] = { python, path, arg1, arg2, arg3, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_assert_nonnull (g_getenv ("MT_EXPORT_SCRIPTS"));
  if (!g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is not installed; run build-aux/install-deps.sh", python);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", script, err);
  return out;
}

static char *
write_temp (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("reimport-XXXXXX.ics", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return path;
}

/* @text as a calendar program that made @edits (JSON, see edit_ical.py)
 * writes it */
static char *
edit (const char *text,
      const char *edits)
{
  g_autofree char *in = write_temp (text);
  g_autofree char *out = write_temp ("");
  g_autofree char *ignored = run_python ("edit_ical.py", in, out, edits);
  g_autoptr(GError) error = NULL;
  char *edited = NULL;

  g_assert_true (g_file_get_contents (out, &edited, NULL, &error));
  g_assert_no_error (error);
  g_unlink (in);
  g_unlink (out);
  return edited;
}

/* the SEQUENCE of the event of @id in @tour's export, as Python reads it */
static gint64
sequence_of (MtTour     *tour,
             const char *id)
{
  g_autofree char *text = export_or_die (tour, NULL, NULL);
  g_autofree char *path = write_temp (text);
  g_autofree char *out = run_python ("parse_ical.py", path, NULL, NULL);
  g_autofree char *uid = mt_ical_uid_for_id (id);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_unlink (path);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *event;

      if (*lines[i] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      event = json_node_get_object (json_parser_get_root (parser));
      if (g_strcmp0 (json_object_get_string_member (event, "uid"), uid) == 0)
        return json_object_get_int_member (event, "sequence");
    }
  g_error ("no event %s in the export", uid);
}

static gboolean
import (MtTour       *tour,
        const char   *text,
        MtIcalImport *result)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = mt_ical_import_data (tour, text, strlen (text), "test.ics", NULL, result, &error);

  g_assert_no_error (error);
  for (guint i = 0; result->problems && i < result->problems->len; i++)
    g_test_message ("left out: %s", (char *) g_ptr_array_index (result->problems, i));
  for (guint i = 0; result->notes && i < result->notes->len; i++)
    g_test_message ("note: %s", (char *) g_ptr_array_index (result->notes, i));
  return ok;
}

static gboolean
messages_mention (GPtrArray  *messages,
                  const char *text)
{
  for (guint i = 0; i < messages->len; i++)
    if (strstr (g_ptr_array_index (messages, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static MtVisit *
visit (MtTour     *tour,
       const char *id)
{
  return mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id);
}

#define UID(id) id "@mediatour"

/* Item 1: a DESCRIPTION, a LOCATION and an interview's times changed in a
 * calendar program come back; nothing else changes. */
static void
test_changed_elsewhere (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *text = NULL, *edited = NULL;
  MtInterview *wang = mt_tour_lookup_kind (tour, MT_ENTITY_INTERVIEW, INTERVIEW_WANG);
  MtIcalImport result;

  mt_visit_set_notes (visit (tour, VISIT_LAB), "Wear closed shoes.");
  text = export_or_die (tour, NULL, NULL);
  edited = edit (text, "{\"" UID (VISIT_LAB) "\": {\"DESCRIPTION\": {\"replace\": [\"closed shoes\", \"hard hats\"]}},"
                       " \"" UID (VISIT_FACTORY) "\": {\"LOCATION\": \"Canton Tower\"},"
                       " \"" UID (INTERVIEW_WANG) "\": {\"DTSTART\": {\"shift_minutes\": 30}}}");

  g_assert_true (import (tour, edited, &result));
  g_assert_cmpuint (result.n_updated, ==, 3);
  g_assert_cmpuint (result.n_unchanged, ==, 3); /* the opening, the museum, Li's interview */
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_left_out, ==, 0);
  mt_ical_import_clear (&result);

  g_assert_cmpstr (mt_visit_get_notes (visit (tour, VISIT_LAB)), ==, "Wear hard hats.");
  g_assert_cmpstr (mt_visit_get_site (visit (tour, VISIT_FACTORY)), ==, SITE_TOWER);
  g_assert_cmpint (mt_interview_get_start (wang), ==, mt_wall_time_new (2024, 5, 14, 13, 45, 0));
  g_assert_cmpint (mt_interview_get_end (wang), ==, mt_wall_time_new (2024, 5, 14, 14, 15, 0));
  /* what the lab's description says besides its notes stays out of them */
  g_assert_true (mt_visit_has_group (visit (tour, VISIT_LAB), GROUP_A));

  /* and the same file once more changes nothing */
  g_assert_true (import (tour, edited, &result));
  g_assert_cmpuint (result.n_updated, ==, 0);
  g_assert_cmpuint (result.n_unchanged, ==, 6);
  mt_ical_import_clear (&result);
}

/* Item 1: what the import does not take is named in its report */
static void
test_not_taken (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:meeting-4@office.example\r\n"
    "DTSTART:20240514T020000Z\r\n"
    "DTEND:20240514T030000Z\r\n"
    "SUMMARY:Press meeting\r\n"
    "ORGANIZER:mailto:press@office.example\r\n"                /* 8 */
    "ATTENDEE;CN=Lin:mailto:lin@office.example\r\n"
    "URL:https://office.example/meeting\r\n"
    "X-ALT-DESC;FMTTYPE=text/html:<p>Agenda</p>\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "DESCRIPTION:Soon\r\n"
    "TRIGGER:-PT15M\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(MtTour) tour = small_tour_new ();
  MtIcalImport result;

  g_assert_true (import (tour, text, &result));
  g_assert_cmpuint (result.n_added, ==, 1);
  g_assert_cmpuint (result.n_left_out, ==, 0);
  g_assert_cmpuint (result.problems->len, ==, 0);
  g_assert_cmpuint (result.notes->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result.notes, 0), "line 8: "));
  for (guint i = 0; i < 5; i++)
    g_assert_true (messages_mention (result.notes,
                                     (const char *[]) { "ATTENDEE", "ORGANIZER", "VALARM", "URL", "X-ALT-DESC" }[i]));
  mt_ical_import_clear (&result);
}

/* Item 1 for another calendar's events: its DESCRIPTION is the notes, and
 * an event without one leaves the notes as they are */
static void
test_foreign_description (void)
{
  static const char head[] =
    "BEGIN:VCALENDAR\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:booking-7@venue.example\r\n"
    "DTSTART:20240514T020000Z\r\n"
    "SUMMARY:Hall booking\r\n";
  static const char tail[] = "END:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *id = mt_ical_id_for_uid ("booking-7@venue.example");
  g_autofree char *first = g_strconcat (head, "DESCRIPTION:Bring badges.\r\n", tail, NULL);
  g_autofree char *changed = g_strconcat (head, "DESCRIPTION:Bring badges and IDs.\r\n", tail, NULL);
  g_autofree char *without = g_strconcat (head, tail, NULL);
  MtIcalImport result;

  g_assert_true (import (tour, first, &result));
  g_assert_cmpuint (result.n_added, ==, 1);
  mt_ical_import_clear (&result);
  g_assert_cmpstr (mt_visit_get_notes (visit (tour, id)), ==, "Bring badges.");

  g_assert_true (import (tour, changed, &result));
  g_assert_cmpuint (result.n_updated, ==, 1);
  mt_ical_import_clear (&result);
  g_assert_cmpstr (mt_visit_get_notes (visit (tour, id)), ==, "Bring badges and IDs.");

  g_assert_true (import (tour, without, &result));
  g_assert_cmpuint (result.n_unchanged, ==, 1);
  mt_ical_import_clear (&result);
  g_assert_cmpstr (mt_visit_get_notes (visit (tour, id)), ==, "Bring badges and IDs.");
}

/* Item 2: without STATUS, a visit keeps its status */
static void
test_no_status (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *text = NULL, *edited = NULL;
  MtIcalImport result;

  mt_visit_set_status (visit (tour, VISIT_LAB), MT_VISIT_TENTATIVE);
  text = export_or_die (tour, NULL, NULL);
  edited = edit (text, "{\"*\": {\"STATUS\": null}}");
  g_assert_null (strstr (edited, "STATUS"));

  g_assert_true (import (tour, edited, &result));
  g_assert_cmpuint (result.n_updated, ==, 0);
  mt_ical_import_clear (&result);
  g_assert_cmpint (mt_visit_get_status (visit (tour, VISIT_LAB)), ==, MT_VISIT_TENTATIVE);
  g_assert_cmpint (mt_visit_get_status (visit (tour, VISIT_CANCELLED)), ==, MT_VISIT_CANCELLED);
  g_assert_cmpint (mt_visit_get_status (visit (tour, VISIT_OPENING)), ==, MT_VISIT_CONFIRMED);
  g_assert_cmpint (mt_interview_get_status (mt_tour_lookup_kind (tour, MT_ENTITY_INTERVIEW, INTERVIEW_WANG)), ==,
                   MT_INTERVIEW_CONFIRMED);
}

/* Item 3: the SEQUENCE of an export never goes below one imported, and
 * grows with each change after; the saved tour and a sync merge keep it */
static void
test_sequence (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(MtTour) copy = NULL, loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(MtMergeReport) report = NULL;
  g_autofree char *text = export_or_die (tour, NULL, NULL);
  g_autofree char *edited = NULL;
  MtIcalImport result;
  gint64 after_import;

  saved = mt_tour_save_to_bytes (tour);
  copy = mt_tour_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "copy", NULL, NULL);
  g_clear_pointer (&saved, g_bytes_unref);
  g_assert_cmpint (sequence_of (tour, VISIT_LAB), <, 10);

  edited = edit (text, "{\"" UID (VISIT_LAB) "\": {\"SUMMARY\": \"Lab visit, moved\", \"SEQUENCE\": {\"sequence\": 10}},"
                       " \"" UID (VISIT_OPENING) "\": {\"SEQUENCE\": {\"sequence\": 12}},"
                       " \"" UID (INTERVIEW_LI) "\": {\"SEQUENCE\": {\"sequence\": 7}}}");
  g_assert_true (import (tour, edited, &result));
  g_assert_cmpuint (result.n_updated, ==, 1);
  mt_ical_import_clear (&result);

  after_import = sequence_of (tour, VISIT_LAB);
  g_assert_cmpint (after_import, >=, 10);
  g_assert_cmpint (sequence_of (tour, VISIT_OPENING), >=, 12); /* unchanged, still not below */
  g_assert_cmpint (sequence_of (tour, INTERVIEW_LI), >=, 7);

  mt_visit_set_title (visit (tour, VISIT_LAB), "Lab visit, moved again");
  g_assert_cmpint (sequence_of (tour, VISIT_LAB), >, after_import);

  /* saved and read again */
  saved = mt_tour_save_to_bytes (tour);
  loaded = mt_tour_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "saved", NULL, NULL);
  g_assert_cmpint (sequence_of (loaded, VISIT_LAB), >, after_import);
  g_assert_cmpint (sequence_of (loaded, VISIT_OPENING), >=, 12);

  /* a copy that syncs with it */
  report = mt_tour_merge (copy, tour, NULL, g_get_real_time () / 1000, "Sync");
  g_assert_cmpint (sequence_of (copy, VISIT_LAB), >, after_import);
}

/* Item 4: added, updated, unchanged and left out, each counted once */
static void
test_counts (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\n"
    "BEGIN:VEVENT\r\n"                   /* added, with a warning */
    "UID:new@x\r\n"
    "DTSTART:20240514T020000Z\r\n"
    "SUMMARY:New one\r\n"
    "LOCATION:Nowhere known\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"                   /* added */
    "UID:other@x\r\n"
    "DTSTART:20240514T030000Z\r\n"
    "SUMMARY:Other one\r\n"
    "ATTENDEE:mailto:a@x\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"                   /* left out */
    "UID:weekly@x\r\n"
    "DTSTART:20240514T090000Z\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=3\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"                   /* left out */
    "UID:allday@x\r\n"
    "DTSTART;VALUE=DATE:20240515\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"                   /* updated */
    "UID:" UID (VISIT_LAB) "\r\n"
    "DTSTART;TZID=Asia/Shanghai:20240514T130000\r\n"
    "DTEND;TZID=Asia/Shanghai:20240514T141500\r\n"
    "SUMMARY:Lab visit\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"                   /* unchanged */
    "UID:" UID (VISIT_FACTORY) "\r\n"
    "DTSTART;TZID=Asia/Shanghai:20240514T130000\r\n"
    "DTEND;TZID=Asia/Shanghai:20240514T143000\r\n"
    "SUMMARY:Factory tour\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(MtTour) tour = small_tour_new ();
  MtIcalImport result;

  g_assert_true (import (tour, text, &result));
  g_assert_cmpuint (result.n_added, ==, 2);
  g_assert_cmpuint (result.n_updated, ==, 1);
  g_assert_cmpuint (result.n_unchanged, ==, 1);
  g_assert_cmpuint (result.n_left_out, ==, 2);
  g_assert_cmpuint (result.problems->len, ==, 2);
  /* the warnings are told apart from the events left out */
  g_assert_cmpuint (result.notes->len, ==, 2);
  g_assert_true (messages_mention (result.notes, "Nowhere known"));
  g_assert_true (messages_mention (result.notes, "ATTENDEE"));
  mt_ical_import_clear (&result);
}

/* Item 6: a byte order mark, and several calendars one after the other */
static void
test_several_calendars (void)
{
  static const char text[] =
    "\xef\xbb\xbf"
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:first@x\r\n"
    "DTSTART:20240514T020000Z\r\n"
    "SUMMARY:In the first\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Office\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0800\r\n"
    "TZOFFSETTO:+0800\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:second@x\r\n"
    "DTSTART;TZID=Office:20240514T160000\r\n"
    "SUMMARY:In the second\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(MtTour) tour = small_tour_new ();
  static const char bad[] = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\n";
  g_autofree char *second = mt_ical_id_for_uid ("second@x");
  g_autoptr(GError) error = NULL;
  MtIcalImport result;

  g_assert_true (import (tour, text, &result));
  g_assert_cmpuint (result.n_added, ==, 2);
  g_assert_cmpuint (result.n_left_out, ==, 0);
  mt_ical_import_clear (&result);
  g_assert_cmpint (mt_visit_get_start (visit (tour, second)), ==, mt_wall_time_new (2024, 5, 14, 16, 0, 0));

  /* what follows a calendar must be another */
  g_assert_false (mt_ical_import_data (tour, bad, strlen (bad),
                                       "bad.ics", NULL, &result, &error));
  g_assert_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 3"));
  mt_ical_import_clear (&result);
}

/* Item 8: the tour's own export, into a copy of the tour without its
 * visits, gives the visits back their groups, speakers and notes */
static void
test_own_export (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(MtTour) bare = small_tour_new ();
  const char *speakers[] = { "Dr. Chen, CTO", "Ms Wu; host", NULL };
  const char *both[] = { GROUP_A, GROUP_B, NULL };
  const char *ids[] = { VISIT_OPENING, VISIT_LAB, VISIT_FACTORY, VISIT_CANCELLED };
  const char *interviews[] = { INTERVIEW_WANG, INTERVIEW_LI };
  g_autofree char *text = NULL;
  MtIcalImport result;
  MtVisit *lab;

  mt_visit_set_speakers (visit (tour, VISIT_LAB), speakers);
  mt_visit_set_notes (visit (tour, VISIT_LAB), "Bring your press card.\n\nNo flash.");
  mt_visit_set_groups (visit (tour, VISIT_FACTORY), both);
  text = export_or_die (tour, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (interviews); i++)
    mt_tour_remove (bare, mt_tour_lookup (bare, interviews[i]));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    mt_tour_remove (bare, mt_tour_lookup (bare, ids[i]));

  g_assert_true (import (bare, text, &result));
  g_assert_cmpuint (result.n_added, ==, 4);
  g_assert_cmpuint (result.n_left_out, ==, 2); /* the interviews, which it lacks */
  g_assert_cmpuint (result.notes->len, ==, 0);
  mt_ical_import_clear (&result);

  lab = visit (bare, VISIT_LAB);
  g_assert_cmpstrv (mt_visit_get_speakers (lab), speakers);
  g_assert_cmpstr (mt_visit_get_notes (lab), ==, "Bring your press card.\n\nNo flash.");
  g_assert_true (mt_visit_has_group (lab, GROUP_A));
  g_assert_false (mt_visit_has_group (lab, GROUP_B));
  g_assert_cmpstrv (mt_visit_get_groups (visit (bare, VISIT_FACTORY)), mt_visit_get_groups (visit (tour, VISIT_FACTORY)));
  g_assert_cmpuint (g_strv_length ((char **) mt_visit_get_groups (visit (bare, VISIT_FACTORY))), ==, 2);
  g_assert_true (mt_visit_get_groups (visit (bare, VISIT_OPENING)) == NULL ||
                 mt_visit_get_groups (visit (bare, VISIT_OPENING))[0] == NULL);
  g_assert_null (mt_visit_get_notes (visit (bare, VISIT_OPENING)));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (mt_visit_get_title (visit (bare, ids[i])), ==, mt_visit_get_title (visit (tour, ids[i])));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/ical-reimport/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/formats/ical-reimport/foreign-description", test_foreign_description);
  g_test_add_func ("/formats/ical-reimport/not-taken", test_not_taken);
  g_test_add_func ("/formats/ical-reimport/no-status", test_no_status);
  g_test_add_func ("/formats/ical-reimport/sequence", test_sequence);
  g_test_add_func ("/formats/ical-reimport/counts", test_counts);
  g_test_add_func ("/formats/ical-reimport/several-calendars", test_several_calendars);
  g_test_add_func ("/formats/ical-reimport/own-export", test_own_export);

  return g_test_run ();
}
