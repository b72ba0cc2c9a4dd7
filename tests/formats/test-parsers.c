/* test-parsers.c: our .ics read by two independent parsers
 *
 * ical.js (the parser Thunderbird uses, run with Node.js) and Python's
 * icalendar module must each see the same events as the tour: the same
 * UIDs, summaries, statuses and UTC start times. The scripts that run them
 * are in this folder ($MT_EXPORT_SCRIPTS); a missing parser is a failure,
 * not a skip, because CI installs both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "export-test-util.h"

typedef enum { NODE, PYTHON } Parser;

static char *
write_ics (MtTour     *tour,
           const char *group_id,
           const char *delegate_id)
{
  g_autofree char *text = export_or_die (tour, group_id, delegate_id);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("mt-export-XXXXXX.ics", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return path;
}

/* Runs a parser on @path: UID → its JSON object */
static GHashTable *
run_parser (Parser      parser,
            const char *path)
{
  const char *scripts = g_getenv ("MT_EXPORT_SCRIPTS");
  g_autofree char *script = NULL, *out = NULL, *err = NULL, *program = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  int status;

  g_assert_nonnull (scripts);
  if (parser == NODE)
    {
      program = g_find_program_in_path ("node");
      script = g_build_filename (scripts, "parse-ical.mjs", NULL);
    }
  else
    {
      program = g_strdup (g_getenv ("MT_PYTHON") ? g_getenv ("MT_PYTHON") : "/usr/bin/python3");
      script = g_build_filename (scripts, "parse_ical.py", NULL);
    }
  if (program == NULL || !g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is not installed; run build-aux/install-deps.sh", parser == NODE ? "node" : "python3");

  {
    const char *argv[] = { program, script, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed (is ical.js in tests/formats/node_modules? run npm ci there): %s", script, err);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) json = json_parser_new ();
      JsonObject *object;

      if (*lines[i] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (json, lines[i], -1, NULL));
      object = json_node_get_object (json_parser_get_root (json));
      g_assert_false (g_hash_table_contains (events, json_object_get_string_member (object, "uid")));
      g_hash_table_insert (events, g_strdup (json_object_get_string_member (object, "uid")),
                           json_object_ref (object));
    }
  return events;
}

static void
assert_parser_sees_tour (Parser      parser,
                         MtTour     *tour,
                         const char *group_id,
                         const char *delegate_id)
{
  g_autofree char *path = write_ics (tour, group_id, delegate_id);
  g_autoptr(GHashTable) events = run_parser (parser, path);
  g_autoptr(GPtrArray) items = mt_ical_select_items (tour, group_id, delegate_id, NULL);

  g_assert_cmpuint (g_hash_table_size (events), ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      MtEntity *item = g_ptr_array_index (items, i);
      g_autofree char *uid = mt_ical_uid_for_id (mt_entity_get_id (item));
      g_autofree char *utc = utc_start_of (tour, item);
      g_autofree char *summary = summary_of (item);
      JsonObject *event = g_hash_table_lookup (events, uid);

      g_assert_nonnull (event);
      g_assert_cmpstr (json_object_get_string_member (event, "summary"), ==, summary);
      g_assert_cmpstr (json_object_get_string_member (event, "utc"), ==, utc);
      g_assert_cmpstr (json_object_get_string_member (event, "zone"), ==, mt_tour_get_time_zone (tour));
      g_assert_cmpint (json_object_get_int_member (event, "sequence"), ==, mt_entity_get_revision (item));
      /* Python by the file's VTIMEZONE alone: it holds what the dates need */
      if (json_object_has_member (event, "utc_by_file_zone"))
        g_assert_cmpstr (json_object_get_string_member (event, "utc_by_file_zone"), ==, utc);
    }
  g_unlink (path);
}

static void
assert_small_tour (Parser parser)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) events = NULL;
  JsonObject *opening, *cancelled;

  mt_visit_set_title (mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, VISIT_OPENING),
                      "开幕简报会：广东省新质生产力发展情况介绍，Opening briefing; \"quoted\", with commas");
  path = write_ics (tour, NULL, NULL);
  events = run_parser (parser, path);
  opening = g_hash_table_lookup (events, VISIT_OPENING "@mediatour");
  cancelled = g_hash_table_lookup (events, VISIT_CANCELLED "@mediatour");

  /* 09:00 in Shanghai: 01:00 UTC, 03:00 in Berlin summer time */
  g_assert_cmpstr (json_object_get_string_member (opening, "utc"), ==, "2024-05-14T01:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (opening, "berlin"), ==, "03:00");
  g_assert_cmpstr (json_object_get_string_member (opening, "summary"), ==,
                   "开幕简报会：广东省新质生产力发展情况介绍，Opening briefing; \"quoted\", with commas");
  g_assert_cmpstr (json_object_get_string_member (cancelled, "status"), ==, "CANCELLED");
  g_unlink (path);

  assert_parser_sees_tour (parser, tour, NULL, NULL);
  assert_parser_sees_tour (parser, tour, GROUP_A, NULL);
  assert_parser_sees_tour (parser, tour, NULL, DELEGATE_LI);
}

static void
assert_sample_and_generated (Parser parser)
{
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  g_autoptr(MtTour) generated = mt_tour_generate (300, 60, 40, 5);

  assert_parser_sees_tour (parser, sample, NULL, NULL);
  assert_parser_sees_tour (parser, generated, NULL, NULL);
  /* a zone with summer time, whose VTIMEZONE the parsers must apply */
  g_assert_true (mt_tour_set_time_zone (generated, "America/New_York", NULL));
  assert_parser_sees_tour (parser, generated, NULL, NULL);
}

/* A tour in Berlin across the night the clocks go forward: the VTIMEZONE
 * has the change, and both parsers place the days on either side of it */
static void
assert_across_summer_time (Parser parser)
{
  g_autoptr(MtTour) tour = berlin_spring_tour_new ();

  assert_parser_sees_tour (parser, tour, NULL, NULL);
}

static void test_ical_js_summer_time (void) { assert_across_summer_time (NODE); }
static void test_python_summer_time (void) { assert_across_summer_time (PYTHON); }
static void test_ical_js_small (void) { assert_small_tour (NODE); }
static void test_ical_js_tours (void) { assert_sample_and_generated (NODE); }
static void test_python_small (void) { assert_small_tour (PYTHON); }
static void test_python_tours (void) { assert_sample_and_generated (PYTHON); }

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/parsers/ical-js/small", test_ical_js_small);
  g_test_add_func ("/formats/parsers/ical-js/sample-and-generated", test_ical_js_tours);
  g_test_add_func ("/formats/parsers/python-icalendar/small", test_python_small);
  g_test_add_func ("/formats/parsers/python-icalendar/sample-and-generated", test_python_tours);
  g_test_add_func ("/formats/parsers/ical-js/summer-time", test_ical_js_summer_time);
  g_test_add_func ("/formats/parsers/python-icalendar/summer-time", test_python_summer_time);

  return g_test_run ();
}
