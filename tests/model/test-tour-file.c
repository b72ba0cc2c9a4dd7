/* test-tour-file.c: the .mtour file, round trips and bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt-model.h"

static char *
save_text (MtTour *tour)
{
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static MtTour *
load_text (const char *text,
           GPtrArray **warnings,
           GError    **error)
{
  return mt_tour_load_from_data (text, -1, "test.mtour", warnings, error);
}

static void
assert_round_trip (MtTour *tour)
{
  g_autofree char *first = save_text (tour);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(MtTour) loaded = load_text (first, &warnings, &error);
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  second = save_text (loaded);
  g_assert_cmpstr (first, ==, second);

  for (MtEntityKind kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    g_assert_cmpuint (mt_tour_count (tour, kind), ==, mt_tour_count (loaded, kind));
  g_assert_false (mt_history_can_undo (mt_tour_get_history (loaded)));
  g_assert_false (mt_history_get_dirty (mt_tour_get_history (loaded)));
}

static void
test_round_trip_sample (void)
{
  g_autoptr(MtTour) sample = mt_tour_new_sample ();

  g_assert_cmpstr (mt_tour_get_time_zone (sample), ==, "Asia/Shanghai");
  g_assert_cmpint (mt_tour_get_first_day (sample), ==, mt_wall_time_new (2024, 5, 14, 0, 0, 0));
  g_assert_cmpuint (mt_tour_get_n_days (sample), ==, 7);
  g_assert_cmpuint (mt_tour_count (sample, MT_ENTITY_CITY), ==, 6);
  g_assert_cmpuint (mt_tour_count (sample, MT_ENTITY_DELEGATE), >, 100);
  assert_round_trip (sample);
}

static void
test_round_trip_generated (void)
{
  const guint sizes[][3] = { { 10, 5, 5 }, { 300, 150, 600 }, { 1000, 500, 2000 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(MtTour) tour = mt_tour_generate (sizes[i][0], sizes[i][1], sizes[i][2], i + 1);
      g_autoptr(MtTour) again = mt_tour_generate (sizes[i][0], sizes[i][1], sizes[i][2], i + 1);
      g_autofree char *a = save_text (tour);
      g_autofree char *b = save_text (again);

      /* the generator is deterministic */
      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_DELEGATE), ==, sizes[i][1]);
      assert_round_trip (tour);
    }
}

static void
test_unknown_fields (void)
{
  const char *text =
    "{\n"
    "  \"format\": 1, \"first-day\": \"2024-05-14\", \"future-top\": {\"a\": [1, 2]},\n"
    "  \"visits\": [ { \"id\": \"v1\", \"start\": \"2024-05-14T09:00\", \"end\": \"2024-05-14T10:00\",\n"
    "                 \"zeta\": \"kept\", \"alpha\": 3 } ],\n"
    "  \"another-top\": true\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = load_text (text, NULL, &error);
  g_autofree char *saved = NULL;
  g_autoptr(MtTour) again = NULL;
  g_autofree char *saved_again = NULL;
  const char *zeta, *alpha, *future, *another;

  g_assert_no_error (error);
  saved = save_text (tour);

  zeta = strstr (saved, "\"zeta\" : \"kept\"");
  alpha = strstr (saved, "\"alpha\" : 3");
  future = strstr (saved, "\"future-top\"");
  another = strstr (saved, "\"another-top\" : true");
  g_assert_nonnull (zeta);
  g_assert_nonnull (alpha);
  g_assert_nonnull (future);
  g_assert_nonnull (another);
  /* in the order they came */
  g_assert_true (zeta < alpha);
  g_assert_true (future < another);

  /* and through an edit */
  {
    MtVisit *visit = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, "v1");

    mt_visit_set_title (visit, "Edited");
  }
  g_free (saved);
  saved = save_text (tour);
  again = load_text (saved, NULL, &error);
  g_assert_no_error (error);
  saved_again = save_text (again);
  g_assert_nonnull (strstr (saved_again, "\"zeta\" : \"kept\""));
  g_assert_nonnull (strstr (saved_again, "\"title\" : \"Edited\""));
}

/* The organiser's contact is written as "organiser-contact", read back,
 * and its edit is one undoable step. */
static void
test_organiser_contact (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) again = NULL;
  g_autofree char *saved = NULL;
  MtHistory *history = mt_tour_get_history (tour);

  mt_tour_set_organiser_contact (tour, "+86 20 8888 0000");
  g_assert_cmpstr (mt_history_get_undo_label (history), !=, NULL);
  saved = save_text (tour);
  g_assert_nonnull (strstr (saved, "\"organiser-contact\" : \"+86 20 8888 0000\""));
  again = load_text (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mt_tour_get_organiser_contact (again), ==, "+86 20 8888 0000");

  g_assert_true (mt_history_undo (history));
  g_assert_null (mt_tour_get_organiser_contact (tour));
}

typedef struct
{
  const char *name;
  const char *text;
  int         code;
  const char *message_part;
} BadCase;

#define HEAD "{ \"format\": 1, \"first-day\": \"2024-05-14\", "
#define VISIT(fields) "\"visits\": [ { \"id\": \"v1\", " fields " } ] }"

static const BadCase bad_cases[] = {
  { "not-json", "this is not JSON", MT_TOUR_ERROR_SYNTAX, "test.mtour: Not a valid tour file" },
  { "truncated", HEAD "\"visits\": [ { \"id\": \"v1\", \"start\": \"2024-", MT_TOUR_ERROR_SYNTAX, "line 1, column" },
  { "empty", "", MT_TOUR_ERROR_SYNTAX, "test.mtour: The file is empty" },
  { "top-level-array", "[1, 2]", MT_TOUR_ERROR_SYNTAX, "not a JSON object" },
  { "no-format", "{ \"title\": \"x\" }", MT_TOUR_ERROR_INVALID, "format: missing" },
  { "newer-format", "{ \"format\": 3, \"first-day\": \"2024-05-14\" }", MT_TOUR_ERROR_NEWER_FORMAT, "newer version" },
  { "wrong-type", HEAD VISIT ("\"title\": 5, \"start\": \"2024-05-14T09:00\", \"end\": \"2024-05-14T10:00\""),
    MT_TOUR_ERROR_INVALID, "visits[0].title: expected text, found a number" },
  { "wrong-list-type", HEAD "\"visits\": {} }", MT_TOUR_ERROR_INVALID, "visits: expected a list" },
  { "bad-date", HEAD VISIT ("\"start\": \"2024-05-32T09:00\", \"end\": \"2024-05-14T10:00\""),
    MT_TOUR_ERROR_INVALID, "visits[0].start: \"2024-05-32T09:00\" is not a valid time" },
  { "bad-first-day", "{ \"format\": 1, \"first-day\": \"14/05/2024\" }", MT_TOUR_ERROR_INVALID,
    "first-day: \"14/05/2024\" is not a valid date" },
  { "unknown-zone", "{ \"format\": 1, \"first-day\": \"2024-05-14\", \"time-zone\": \"Mars/Olympus_Mons\" }",
    MT_TOUR_ERROR_INVALID, "time-zone: \"Mars/Olympus_Mons\"" },
  { "end-before-start", HEAD VISIT ("\"start\": \"2024-05-14T10:00\", \"end\": \"2024-05-14T09:00\""),
    MT_TOUR_ERROR_INVALID, "visits[0].end: \"2024-05-14T09:00\" is before the start" },
  { "missing-start", HEAD VISIT ("\"end\": \"2024-05-14T09:00\""), MT_TOUR_ERROR_INVALID, "visits[0].start: missing" },
  { "bad-enum", HEAD VISIT ("\"kind\": \"party\", \"start\": \"2024-05-14T09:00\", \"end\": \"2024-05-14T10:00\""),
    MT_TOUR_ERROR_INVALID, "visits[0].kind: \"party\" is not one of visit, briefing" },
  { "out-of-range", HEAD "\"cities\": [ { \"id\": \"c\", \"latitude\": 123.5 } ] }",
    MT_TOUR_ERROR_INVALID, "cities[0].latitude: 123.5 is out of range" },
  { "no-id", HEAD "\"groups\": [ { \"name\": \"Coach A\" } ] }", MT_TOUR_ERROR_INVALID, "groups[0].id: missing" },
  { "duplicate-id", HEAD "\"groups\": [ { \"id\": \"g\" } ], \"cities\": [ { \"id\": \"g\" } ] }",
    MT_TOUR_ERROR_DUPLICATE_ID, "the id \"g\" is used by more than one item" },
  { "trailing-garbage", "{ \"format\": 1, \"first-day\": \"2024-05-14\" } extra", MT_TOUR_ERROR_SYNTAX,
    "line 1, column 44: more follows the end of the tour" },
  { "missing-comma", "{ \"format\": 1\n  \"first-day\": \"2024-05-14\" }", MT_TOUR_ERROR_SYNTAX,
    "line 2, column 3: expected “,” or “}”" },
  { "control-character", "{ \"format\": 1, \"title\": \"a\tb\" }", MT_TOUR_ERROR_SYNTAX,
    "a control character inside text" },
  { "bad-escape", "{ \"format\": 1, \"title\": \"a\\qb\" }", MT_TOUR_ERROR_SYNTAX, "an unknown escape" },
  { "lone-surrogate", "{ \"format\": 1, \"title\": \"\\ud83d\" }", MT_TOUR_ERROR_SYNTAX, "half of a surrogate pair" },
  { "bad-number", "{ \"format\": 01 }", MT_TOUR_ERROR_SYNTAX, "line 1, column 13: expected a number" },
  { "deep-nesting", "{ \"format\": 1, \"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ ] }",
    MT_TOUR_ERROR_SYNTAX, "nested too deeply" },
  { "entity-not-object", HEAD "\"sites\": [ 5 ] }", MT_TOUR_ERROR_INVALID, "sites[0]: expected an object, found a number" },
  { "not-utf8", "{ \"format\": 1, \"title\": \"\xff\xfe\" }", MT_TOUR_ERROR_SYNTAX, "not UTF-8" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = load_text (bad->text, NULL, &error);

  g_assert_null (tour);
  g_assert_error (error, MT_TOUR_ERROR, bad->code);
  if (strstr (error->message, bad->message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bad->message_part);
  g_assert_true (g_str_has_prefix (error->message, "test.mtour: "));
}

static void
test_text_escapes (void)
{
  const char *text = "{ \"format\": 1, \"first-day\": \"2024-05-14\", "
                     "\"title\": \"caf\\u00e9 \\\"quoted\\\" back\\\\slash\\n\\ud83d\\ude8c 广州\\/\" }";
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = load_text (text, NULL, &error);
  g_autoptr(MtTour) again = NULL;
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (mt_tour_get_title (tour), ==, "café \"quoted\" back\\slash\n🚌 广州/");

  saved = save_text (tour);
  again = load_text (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mt_tour_get_title (again), ==, mt_tour_get_title (tour));
}

static void
test_dangling_reference (void)
{
  const char *text = HEAD VISIT ("\"site\": \"nowhere\", \"groups\": [\"g-missing\"], "
                                 "\"start\": \"2024-05-14T09:00\", \"end\": \"2024-05-14T10:00\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(MtTour) tour = load_text (text, &warnings, &error);

  /* the rest of the file is the user's work: it loads, and says what dangles */
  g_assert_no_error (error);
  g_assert_nonnull (tour);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, "visits[0].site: \"nowhere\" names no site in this tour");
  g_assert_cmpstr (g_ptr_array_index (warnings, 1), ==, "visits[0].groups: \"g-missing\" names no group in this tour");
}

static GFile *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("mt-test-XXXXXX", &error);

  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
remove_tree (GFile *dir)
{
  g_autofree char *path = g_file_get_path (dir);
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", path);

  g_assert_cmpint (system (command), ==, 0);
}

static void
test_files (void)
{
  g_autoptr(GFile) dir = temp_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, "tour.mtour");
  g_autoptr(MtTour) tour = mt_tour_generate (50, 20, 40, 5);
  g_autoptr(MtTour) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = save_text (tour);

  g_assert_true (mt_tour_save_file (tour, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  loaded = mt_tour_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mt_tour_count (loaded, MT_ENTITY_VISIT), ==, 50);

  /* a directory */
  g_clear_object (&loaded);
  loaded = mt_tour_load_file (dir, NULL, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "could not be read"));
  g_clear_error (&error);

  /* a file that is not there */
  {
    g_autoptr(GFile) missing = g_file_get_child (dir, "missing.mtour");

    loaded = mt_tour_load_file (missing, NULL, NULL, &error);
    g_assert_null (loaded);
    g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "missing.mtour"));
    g_clear_error (&error);
  }

  remove_tree (dir);
}

/* An unreadable file: the permission bits stop anyone but root; for root
 * (CI runs as root) a file the kernel refuses to read stands in. */
static void
test_unreadable_file (void)
{
  g_autoptr(GFile) dir = temp_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, "locked.mtour");
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = mt_tour_generate (5, 5, 5, 1);
  g_autoptr(MtTour) loaded = NULL;
  g_autofree char *path = NULL;

  g_assert_true (mt_tour_save_file (tour, file, NULL, NULL));
  path = g_file_get_path (file);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);

  if (access (path, R_OK) == 0)
    {
      g_clear_object (&file);
      file = g_file_new_for_path ("/proc/self/mem");
    }

  loaded = mt_tour_load_file (file, NULL, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "could not be read"));

  remove_tree (dir);
}

/* Saving into a read-only folder fails with an error and leaves the old
 * file whole. Root writes anywhere, so the attempt runs in a subprocess
 * that first gives up root for the unprivileged "nobody". */
static void
test_save_read_only (void)
{
  const char *dir_path = g_getenv ("MT_TEST_READ_ONLY_DIR");

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = g_file_new_build_filename (dir_path, "tour.mtour", NULL);
      g_autoptr(MtTour) tour = mt_tour_generate (30, 10, 10, 2);
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0)
        g_assert_cmpint (setresuid (65534, 65534, 65534), ==, 0);
      g_assert_false (mt_tour_save_file (tour, file, NULL, &error));
      g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "tour.mtour: could not be saved: "
                                                "permission to write there is denied"));
      return;
    }
  else
    {
      g_autoptr(GFile) dir = temp_dir ();
      g_autoptr(GFile) file = g_file_get_child (dir, "tour.mtour");
      g_autoptr(MtTour) old = mt_tour_generate (5, 5, 5, 1);
      g_autofree char *old_text = save_text (old);
      g_autofree char *path = g_file_get_path (dir);
      g_autofree char *after = NULL;
      g_autoptr(GPtrArray) leftovers = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      GDir *listing;

      g_assert_true (mt_tour_save_file (old, file, NULL, NULL));
      g_assert_cmpint (g_chmod (path, 0555), ==, 0);
      g_setenv ("MT_TEST_READ_ONLY_DIR", path, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      g_assert_true (g_file_load_contents (file, NULL, &after, NULL, NULL, NULL));
      g_assert_cmpstr (after, ==, old_text);
      listing = g_dir_open (path, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        g_ptr_array_add (leftovers, g_strdup (name));
      g_dir_close (listing);
      g_assert_cmpuint (leftovers->len, ==, 1);

      g_assert_cmpint (g_chmod (path, 0755), ==, 0);
      remove_tree (dir);
    }
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_load_async (void)
{
  g_autoptr(GFile) dir = temp_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, "tour.mtour");
  g_autoptr(MtTour) tour = mt_tour_generate (100, 40, 80, 9);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MtTour) loaded = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = save_text (tour);
  g_autofree char *b = NULL;

  g_assert_true (mt_tour_save_file (tour, file, NULL, NULL));
  mt_tour_load_file_async (file, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  loaded = mt_tour_load_file_finish (result, &warnings, &error);
  g_assert_no_error (error);
  b = save_text (loaded);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (warnings->len, ==, 0);

  remove_tree (dir);
}

static void
test_save_async (void)
{
  g_autoptr(GFile) dir = temp_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, "tour.mtour");
  g_autoptr(GFile) bad = g_file_get_child (dir, "tour.mtour/inside.mtour");
  g_autoptr(MtTour) tour = mt_tour_generate (60, 20, 40, 4);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = save_text (tour);
  g_autofree char *contents = NULL;

  mt_tour_save_file_async (tour, file, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (mt_tour_save_file_finish (result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);

  /* a parent that is a file: the error names the file, the old one stays */
  g_clear_object (&result);
  mt_tour_save_file_async (tour, bad, NULL, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (mt_tour_save_file_finish (result, &error));
  g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "inside.mtour"));

  remove_tree (dir);
}


/* Issued versions go into the file and come back as they were: numbers,
 * notes, meeting points, a withdrawn one, and members of a newer version
 * inside a version, written back. */
static void
test_round_trip_versions (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (60, 30, 40, 9);
  g_autoptr(MtVisit) visit = g_list_model_get_item (mt_tour_get_visits (tour), 2);
  g_autoptr(MtTour) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *again = NULL, *with_unknown = NULL;
  MtVersion *first, *second;
  g_autoptr(MtSnapshot) snapshot = NULL;
  const MtVersionItem *item;

  first = mt_tour_issue_version (tour, "第一版：发给全体记者 \"all\"");
  mt_visit_set_meeting_point (visit, "Hotel lobby, 08:45");
  mt_tour_move_visit (tour, visit, mt_visit_get_start (visit) + 3600);
  second = mt_tour_issue_version (tour, NULL);
  mt_tour_issue_version (tour, "taken back");
  g_assert_true (mt_history_undo (mt_tour_get_history (tour)));
  assert_round_trip (tour);

  text = save_text (tour);
  loaded = load_text (text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (mt_tour_get_versions (loaded)), ==, 2);
  g_assert_cmpstr (mt_version_get_note (mt_tour_lookup_version (loaded, mt_version_get_id (first))), ==,
                   "第一版：发给全体记者 \"all\"");
  snapshot = mt_version_dup_snapshot (mt_tour_lookup_version (loaded, mt_version_get_id (second)));
  item = mt_snapshot_lookup_item (snapshot, mt_entity_get_id (MT_ENTITY (visit)));
  g_assert_cmpstr (item->where, ==, "Hotel lobby, 08:45");
  g_assert_cmpint (item->start, ==, mt_visit_get_start (visit));

  /* a member a newer version puts in a version is kept */
  {
    g_auto(GStrv) parts = g_strsplit (text, "\"number\" : 1,", 2);
    g_autoptr(MtTour) future = NULL;
    g_autofree char *future_text = NULL;

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    with_unknown = g_strconcat (parts[0], "\"number\" : 1, \"colour\" : \"teal\",", parts[1], NULL);
    future = load_text (with_unknown, NULL, &error);
    g_assert_no_error (error);
    future_text = save_text (future);
    g_assert_nonnull (strstr (future_text, "\"colour\" : \"teal\""));
  }
  again = save_text (loaded);
  g_assert_cmpstr (text, ==, again);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/tour-file/round-trip-sample", test_round_trip_sample);
  g_test_add_func ("/model/tour-file/round-trip-generated", test_round_trip_generated);
  g_test_add_func ("/model/tour-file/unknown-fields", test_unknown_fields);
  g_test_add_func ("/model/tour-file/organiser-contact", test_organiser_contact);
  g_test_add_func ("/model/tour-file/round-trip-versions", test_round_trip_versions);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/tour-file/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/model/tour-file/text-escapes", test_text_escapes);
  g_test_add_func ("/model/tour-file/dangling-reference", test_dangling_reference);
  g_test_add_func ("/model/tour-file/files", test_files);
  g_test_add_func ("/model/tour-file/unreadable-file", test_unreadable_file);
  g_test_add_func ("/model/tour-file/save-read-only", test_save_read_only);
  g_test_add_func ("/model/tour-file/load-async", test_load_async);
  g_test_add_func ("/model/tour-file/save-async", test_save_async);

  return g_test_run ();
}
