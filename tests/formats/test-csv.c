/* test-csv.c: the roster and the schedule as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "export-test-util.h"

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Delegates whose fields hold what breaks naive CSV */
static MtTour *
awkward_roster_new (void)
{
  MtTour *tour = small_tour_new ();
  MtDelegate *delegate = mt_delegate_new ("00000000-0000-4000-8000-000000000309");
  const char *languages[] = { "zh", "yue", "en", NULL };

  mt_delegate_set_name (delegate, "欧阳 \"Annie\" 娜娜");
  mt_delegate_set_outlet (delegate, "Southern Daily, Guangzhou; weekend edition");
  mt_delegate_set_role (delegate, MT_ROLE_CAMERA);
  mt_delegate_set_email (delegate, "annie@example.org");
  mt_delegate_set_phone (delegate, "+86 20 8888 0000");
  mt_delegate_set_languages (delegate, languages);
  mt_delegate_set_group (delegate, GROUP_B);
  mt_delegate_set_dietary (delegate, "Vegetarian,\nno peanuts");
  mt_delegate_set_notes (delegate, "Line one\r\nLine \"two\", with a comma");
  add_or_die (tour, delegate);
  mt_history_clear (mt_tour_get_history (tour));
  return tour;
}

static void
assert_same_delegate (MtDelegate *a,
                      MtDelegate *b)
{
  g_assert_cmpstr (mt_entity_get_id (MT_ENTITY (a)), ==, mt_entity_get_id (MT_ENTITY (b)));
  g_assert_cmpstr (mt_delegate_get_name (a), ==, mt_delegate_get_name (b));
  g_assert_cmpstr (mt_delegate_get_outlet (a), ==, mt_delegate_get_outlet (b));
  g_assert_cmpint (mt_delegate_get_role (a), ==, mt_delegate_get_role (b));
  g_assert_cmpstr (mt_delegate_get_email (a), ==, mt_delegate_get_email (b));
  g_assert_cmpstr (mt_delegate_get_phone (a), ==, mt_delegate_get_phone (b));
  g_assert_true (g_strv_equal ((const char * const *) mt_delegate_get_languages (a) ?: (const char *[]) { NULL },
                               (const char * const *) mt_delegate_get_languages (b) ?: (const char *[]) { NULL }));
  g_assert_cmpstr (mt_delegate_get_dietary (a), ==, mt_delegate_get_dietary (b));
  g_assert_cmpstr (mt_delegate_get_access (a), ==, mt_delegate_get_access (b));
  g_assert_cmpstr (mt_delegate_get_notes (a), ==, mt_delegate_get_notes (b));
}

static void
test_roster_round_trip (void)
{
  g_autoptr(MtTour) tour = awkward_roster_new ();
  g_autoptr(MtTour) empty = mt_tour_new ();
  g_autoptr(GBytes) bytes = mt_csv_export_roster (tour);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr(GError) error = NULL;
  GListModel *delegates = mt_tour_get_delegates (tour);
  MtCsvImport result;

  /* a byte order mark, a header and CRLF line ends */
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbfName,Outlet,Role,"));
  g_assert_nonnull (strstr (text, "\"欧阳 \"\"Annie\"\" 娜娜\""));
  g_assert_nonnull (strstr (text, "\r\n"));

  g_assert_true (mt_csv_import_roster (empty, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       "roster.csv", &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_added, ==, g_list_model_get_n_items (delegates));
  g_assert_cmpuint (result.n_groups_added, ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (delegates); i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);
      MtDelegate *copy = mt_tour_lookup_kind (empty, MT_ENTITY_DELEGATE, mt_entity_get_id (MT_ENTITY (delegate)));
      MtGroup *group = mt_tour_lookup_kind (empty, MT_ENTITY_GROUP, mt_delegate_get_group (copy));
      MtGroup *original = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, mt_delegate_get_group (delegate));

      g_assert_nonnull (copy);
      assert_same_delegate (delegate, copy);
      g_assert_cmpstr (mt_group_get_name (group), ==, mt_group_get_name (original));
    }

  /* the same file again, into the tour it came from, changes nothing */
  g_assert_true (mt_csv_import_roster (tour, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       "roster.csv", &result, NULL, &error));
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_updated, ==, 0);
  g_assert_cmpuint (result.n_unchanged, ==, 3);
  g_assert_false (mt_history_can_undo (mt_tour_get_history (tour)));
}

static void
test_roster_spreadsheet_file (void)
{
  /* as a spreadsheet saves it: semicolons, LF, no BOM, no ID column, the
   * columns in another order, and a person already in the tour */
  static const char text[] =
    "Outlet;Name;Group;Role;Languages\n"
    "Provincial TV;王伟;Coach A;producer;zh yue\n"
    "Xinhua;\"Zhang; San\";Coach C;Photographer;zh/en\n"
    "\n";
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(GError) error = NULL;
  MtDelegate *wang = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, DELEGATE_WANG);
  MtHistory *history = mt_tour_get_history (tour);
  MtCsvImport result;

  g_assert_true (mt_csv_import_roster (tour, text, strlen (text), "r.csv", &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_added, ==, 1);
  g_assert_cmpuint (result.n_updated, ==, 1);
  g_assert_cmpuint (result.n_groups_added, ==, 1);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_DELEGATE), ==, 3);
  /* found by name and outlet, not added twice */
  g_assert_cmpint (mt_delegate_get_role (wang), ==, MT_ROLE_PRODUCER);
  g_assert_cmpstr (mt_delegate_get_languages (wang)[1], ==, "yue");
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, 1);
  g_assert_true (mt_history_undo (history));
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_DELEGATE), ==, 2);
  g_assert_cmpint (mt_delegate_get_role (wang), ==, MT_ROLE_REPORTER);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_GROUP), ==, 2);
}

static void
test_roster_bad_rows (void)
{
  static const char text[] =
    "\xef\xbb\xbfName,Outlet,Role,Email,ID\r\n"                 /* row 1 */
    "New Person,Radio,reporter,new@example.org,\r\n"            /* 2: fine */
    ",Radio,reporter,,\r\n"                                     /* 3: no name */
    "Wu Fan,TV,journalist,,\r\n"                                /* 4: no such role */
    "Qian Li,TV,reporter,qian.example.org,\r\n"                 /* 5: not an email */
    "\"Sun \"Bo\",TV,reporter,,\r\n"                            /* 6: broken quotes */
    "New Person,Radio,editor,,\r\n"                             /* 7: repeats row 2 */
    "Zhou Yi,TV,reporter,,,extra\r\n"                           /* 8: too many fields */
    "Ma Lin,TV,reporter,,00000000-0000-4000-8000-000000000401\r\n"; /* 9: a visit's id */
  static const guint bad[] = { 3, 4, 5, 6, 7, 8, 9 };
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(GBytes) before = mt_tour_save_to_bytes (tour);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) bad_rows = NULL;
  g_autoptr(GError) error = NULL;
  MtCsvImport result;

  g_assert_false (mt_csv_import_roster (tour, text, strlen (text), "r.csv", &result, &bad_rows, &error));
  g_assert_error (error, MT_CSV_ERROR, MT_CSV_ERROR_BAD_ROWS);
  g_test_message ("%s", error->message);

  /* every bad row is named, in order, and no good one */
  g_assert_cmpuint (bad_rows->len, ==, G_N_ELEMENTS (bad));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("row %u: ", bad[i]);

      g_assert_true (g_str_has_prefix (g_ptr_array_index (bad_rows, i), prefix));
      g_assert_nonnull (strstr (error->message, prefix));
    }
  g_assert_nonnull (strstr (g_ptr_array_index (bad_rows, 1), "journalist"));
  g_assert_nonnull (strstr (g_ptr_array_index (bad_rows, 4), "row 2"));

  /* and nothing was imported */
  after = mt_tour_save_to_bytes (tour);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (mt_history_can_undo (mt_tour_get_history (tour)));
}

static void
test_roster_no_name_column (void)
{
  static const char text[] = "Outlet,Email\r\nTV,a@example.org\r\n";
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (mt_csv_import_roster (tour, text, strlen (text), "r.csv", NULL, NULL, &error));
  g_assert_error (error, MT_CSV_ERROR, MT_CSV_ERROR_NO_NAME);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_DELEGATE), ==, 2);
}

static void
test_parse (void)
{
  static const char text[] = "a,\"b,1\",\"c\"\"q\"\"\"\r\n\"multi\nline\",,\r\n\r\nlast";
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GPtrArray) records = mt_csv_parse (text, strlen (text), &rows, NULL, NULL);
  char **first, **second;

  g_assert_cmpuint (records->len, ==, 3);
  first = g_ptr_array_index (records, 0);
  second = g_ptr_array_index (records, 1);
  g_assert_cmpuint (g_strv_length (first), ==, 3);
  g_assert_cmpstr (first[1], ==, "b,1");
  g_assert_cmpstr (first[2], ==, "c\"q\"");
  g_assert_cmpstr (second[0], ==, "multi\nline");
  g_assert_cmpuint (g_strv_length (second), ==, 3);
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 2))[0], ==, "last");
  g_assert_cmpuint (g_array_index (rows, guint, 2), ==, 4);
}

static void
test_schedule (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) all = mt_csv_export_schedule (tour, NULL, NULL, &error);
  g_autoptr(GBytes) li = mt_csv_export_schedule (tour, NULL, DELEGATE_LI, &error);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) of_li = NULL;
  char **header, **opening;

  g_assert_no_error (error);
  records = mt_csv_parse (g_bytes_get_data (all, NULL), g_bytes_get_size (all), NULL, NULL, NULL);
  /* a header and the four visits and two interviews, by time */
  g_assert_cmpuint (records->len, ==, 7);
  header = g_ptr_array_index (records, 0);
  opening = g_ptr_array_index (records, 1);
  g_assert_cmpstr (header[0], ==, "Date");
  g_assert_cmpstr (opening[0], ==, "2024-05-14");
  g_assert_cmpstr (opening[1], ==, "09:00");
  g_assert_cmpstr (opening[2], ==, "11:30");
  g_assert_cmpstr (opening[4], ==, "Opening briefing");
  g_assert_cmpstr (opening[6], ==, "Canton Tower");
  g_assert_cmpstr (opening[8], ==, "222 Yuejiang West Road, Haizhu District");
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 6))[5], ==, "Cancelled");

  of_li = mt_csv_parse (g_bytes_get_data (li, NULL), g_bytes_get_size (li), NULL, NULL, NULL);
  g_assert_cmpuint (of_li->len, ==, 4);
  g_assert_cmpstr (((char **) g_ptr_array_index (of_li, 3))[4], ==, "Interview with Zhao Lei");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/csv/parse", test_parse);
  g_test_add_func ("/formats/csv/roster-round-trip", test_roster_round_trip);
  g_test_add_func ("/formats/csv/roster-spreadsheet-file", test_roster_spreadsheet_file);
  g_test_add_func ("/formats/csv/roster-bad-rows", test_roster_bad_rows);
  g_test_add_func ("/formats/csv/roster-no-name-column", test_roster_no_name_column);
  g_test_add_func ("/formats/csv/schedule", test_schedule);

  return g_test_run ();
}
