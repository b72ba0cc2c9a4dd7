/* test-cli.c: mediatour-cli's output, exit codes and errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mount.h>

#include "mt-model.h"
#include "mt-test-lookup.h"

static const char *cli_path;
static char *work_dir;

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) cli_path);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (work_dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static char *
write_file (const char *name,
            const char *contents)
{
  char *path = g_build_filename (work_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_sample (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = g_build_filename (work_dir, "sample.mtour", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(MtTour) expected = mt_tour_new_sample ();
  g_autoptr(GBytes) expected_bytes = mt_tour_save_to_bytes (expected);

  run_cli (&run, "sample", "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, g_bytes_get_data (expected_bytes, NULL));
  run_clear (&run);

  run_cli (&run, "sample", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  assert_contains (run.err, "-o FILE");
}

static void
test_info (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = g_build_filename (work_dir, "info.mtour", NULL);
  g_autofree char *expected_delegates = NULL;
  g_autoptr(MtTour) sample = mt_tour_new_sample ();

  run_cli (&run, "sample", "-o", path, NULL);
  run_clear (&run);

  run_cli (&run, "info", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "Dates: Tue 14 May 2024 – Mon 20 May 2024 (Asia/Shanghai)");
  assert_contains (run.out, "7 days");
  assert_contains (run.out, "Cities: 6");
  expected_delegates = g_strdup_printf ("Delegates: %u ", mt_tour_count (sample, MT_ENTITY_DELEGATE));
  assert_contains (run.out, expected_delegates);
  assert_contains (run.out, "Day 1  Tue 14 May 2024  Guangzhou");
  assert_contains (run.out, "Day 7  Mon 20 May 2024");
  g_assert_cmpstr (run.err, ==, "");
  run_clear (&run);

  run_cli (&run, "info", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  run_clear (&run);

  run_cli (&run, "info", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "FILE");
}

static void
test_bad_file (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = write_file ("bad.mtour",
                                      "{ \"format\": 1, \"first-day\": \"2024-05-14\", \"visits\": "
                                      "[ { \"id\": \"v\", \"start\": \"2024-05-32T09:00\", \"end\": \"2024-05-14T10:00\" } ] }");
  g_autofree char *garbage = write_file ("garbage.mtour", "{\n  \"format\": 1,\n  \"title\": \"x\" \"y\"\n}\n");
  g_autofree char *missing = g_build_filename (work_dir, "missing.mtour", NULL);

  run_cli (&run, "info", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  assert_contains (run.err, "bad.mtour");
  assert_contains (run.err, "visits[0].start: \"2024-05-32T09:00\" is not a valid time");
  run_clear (&run);

  run_cli (&run, "check", garbage, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  assert_contains (run.err, "garbage.mtour");
  assert_contains (run.err, "line 3"); /* where json-glib stopped */
  run_clear (&run);

  run_cli (&run, "info", missing, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "missing.mtour");
}

static void
test_check_dangling (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = write_file ("dangling.mtour",
                                      "{ \"format\": 1, \"first-day\": \"2024-05-14\", \"visits\": "
                                      "[ { \"id\": \"v\", \"title\": \"Visit\", \"site\": \"nowhere\", "
                                      "\"start\": \"2024-05-14T09:00\", \"end\": \"2024-05-14T10:00\" } ] }");

  run_cli (&run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.out, "nowhere");
}

static void
test_generate (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *a = g_build_filename (work_dir, "a.mtour", NULL);
  g_autofree char *b = g_build_filename (work_dir, "b.mtour", NULL);
  g_autofree char *c = g_build_filename (work_dir, "c.mtour", NULL);
  g_autofree char *text_a = NULL, *text_b = NULL, *text_c = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GFile) file = NULL;

  run_cli (&run, "generate", "--visits", "500", "--delegates", "250", "--interviews", "1000",
           "--seed", "42", "-o", a, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_cli (&run, "generate", "--visits", "500", "--delegates", "250", "--interviews", "1000",
           "--seed", "42", "-o", b, NULL);
  run_clear (&run);
  run_cli (&run, "generate", "--visits", "500", "--delegates", "250", "--interviews", "1000",
           "--seed", "43", "-o", c, NULL);
  run_clear (&run);

  g_assert_true (g_file_get_contents (a, &text_a, NULL, NULL));
  g_assert_true (g_file_get_contents (b, &text_b, NULL, NULL));
  g_assert_true (g_file_get_contents (c, &text_c, NULL, NULL));
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpstr (text_a, !=, text_c);

  file = g_file_new_for_path (a);
  tour = mt_tour_load_file (file, NULL, NULL, NULL);
  g_assert_nonnull (tour);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, 500);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_DELEGATE), ==, 250);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_INTERVIEW), ==, 1000);

  run_cli (&run, "generate", "--visits", "many", "-o", a, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  assert_contains (run.err, "--visits: “many” is not a whole number");
}

static void
test_usage (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "Commands:");
  run_clear (&run);

  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "generate");
  run_clear (&run);

  run_cli (&run, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  assert_contains (run.err, "“frobnicate” is not a command");
  run_clear (&run);

  run_cli (&run, "info", "--no-such-option", "x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
}

/* A calendar's import says how many events it added, updated, left
 * unchanged and left out, each once: a warning about an event it imported
 * is not one left out. */
static void
test_import_counts (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *tour = g_build_filename (work_dir, "counts.mtour", NULL);
  g_autofree char *calendar = write_file ("counts.ics",
    "BEGIN:VCALENDAR\r\n"
    "BEGIN:VEVENT\r\nUID:new@x\r\nDTSTART:20250514T020000Z\r\nSUMMARY:New\r\n"
    "LOCATION:Nowhere known\r\nATTENDEE:mailto:a@x\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:weekly@x\r\nDTSTART:20250514T090000Z\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n");

  run_cli (&run, "sample", "-o", tour, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_cli (&run, "import", tour, calendar, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.out, "1 visits added, 0 updated, 0 unchanged, 1 events left out");
  assert_contains (run.err, "counts.ics: line 12: the event “weekly@x” repeats");
  assert_contains (run.err, "counts.ics: line 6: no site of the tour is “Nowhere known”");
  assert_contains (run.err, "the import does not take ATTENDEE of “New”");
  run_clear (&run);

  /* again: the same event, unchanged */
  run_cli (&run, "import", tour, calendar, NULL);
  assert_contains (run.out, "0 visits added, 0 updated, 1 unchanged, 1 events left out");
}

static GString *
roster_csv (guint n)
{
  GString *csv = g_string_new ("Name,Outlet,Role,Email,Notes\r\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Delegate %u,Outlet %u,reporter,d%u@example.com,"
                                 "Notes that take up room on the small disk of this test\r\n", i, i % 20, i);
  return csv;
}

/* On a full disk the tour stays as it was, the command says why and that
 * nothing was imported, and does not say what it would have added (it
 * used to print "N added" and leave a truncated tour). */
static void
test_disk_full (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *disk = g_build_filename (work_dir, "full", NULL);
  g_autofree char *tour = g_build_filename (disk, "tour.mtour", NULL);
  g_autofree char *export = g_build_filename (disk, "tour.csv", NULL);
  g_autoptr(GString) csv = roster_csv (400);
  g_autofree char *roster = write_file ("roster.csv", csv->str);
  g_autofree char *before = NULL, *after = NULL, *export_before = NULL, *export_after = NULL;
  GDir *dir;
  const char *name;

  g_assert_cmpint (g_mkdir (disk, 0755), ==, 0);
  if (mount ("tmpfs", disk, "tmpfs", 0, "size=128k") != 0)
    {
      g_test_skip ("mounting a small tmpfs to fill needs root (CI runs the tests as root)");
      return;
    }

  run_cli (&run, "sample", "-o", tour, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run_cli (&run, "export", tour, "--roster", "-o", export, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (tour, &before, NULL, NULL));
  g_assert_true (g_file_get_contents (export, &export_before, NULL, NULL));

  run_cli (&run, "import", tour, roster, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "tour.mtour: could not be saved: the disk is full");
  assert_contains (run.err, "nothing was imported: the tour could not be saved");
  g_assert_null (strstr (run.out, "added"));
  run_clear (&run);

  /* the schedule as CSV is larger than the roster it would replace */
  run_cli (&run, "export", tour, "-f", "ics", "-o", export, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "tour.csv: could not be saved: the disk is full");
  run_clear (&run);

  run_cli (&run, "generate", "--visits", "400", "-o", tour, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "could not be saved: the disk is full");

  g_assert_true (g_file_get_contents (tour, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_get_contents (export, &export_after, NULL, NULL));
  g_assert_cmpstr (export_after, ==, export_before);
  dir = g_dir_open (disk, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, "tour.mtour") || g_str_equal (name, "tour.csv"));
  g_dir_close (dir);

  g_assert_cmpint (umount2 (disk, MNT_DETACH), ==, 0);
}

/* Writing to standard output on a full disk (here /dev/full) is an error
 * that says so, not a success */
static void
test_stdout_full (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
  process = g_subprocess_launcher_spawn (launcher, &error, cli_path, "sample", "-o", "-", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  assert_contains (err, "standard output: could not be written: No space left on device");
}

/* issue, versions and digest: the plan as sent, what changed since, for
 * each delegate in their language, and the batch of files to send */
static void
test_issue_and_digest (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = g_build_filename (work_dir, "issued.mtour", NULL);
  g_autofree char *dir = g_build_filename (work_dir, "digests", NULL);
  g_autofree char *index = NULL, *index_path = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MtTour) tour = NULL;
  const char *zh[] = { "zh", NULL };
  MtVisit *filming;
  guint n_delegates;

  run_cli (&run, "sample", "-o", path, NULL);
  run_clear (&run);
  run_cli (&run, "versions", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "No version of the plan has been issued yet.");
  run_clear (&run);

  run_cli (&run, "issue", path, "--note", "First plan", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_contains (run.out, "Issued Version 1, sent ");
  run_clear (&run);

  /* the plan changes: EHang, for everyone, later; a filming for one
   * group, cancelled; Hu Jiayi reads Chinese */
  tour = mt_tour_load_file (file, NULL, NULL, NULL);
  g_assert_nonnull (tour);
  n_delegates = mt_tour_count (tour, MT_ENTITY_DELEGATE);
  mt_tour_move_visit (tour, mt_test_lookup_named (tour, MT_ENTITY_VISIT, "EHang"), mt_wall_time_new (2024, 5, 14, 17, 45, 0));
  mt_visit_set_meeting_point (mt_test_lookup_named (tour, MT_ENTITY_VISIT, "EHang"), "Hotel lobby, 17:15");
  filming = mt_test_lookup_named (tour, MT_ENTITY_VISIT, "Shenzhen: filming");
  mt_visit_set_status (filming, MT_VISIT_CANCELLED);
  mt_delegate_set_languages (mt_test_lookup_named (tour, MT_ENTITY_DELEGATE, "Hu Jiayi"), zh);
  g_assert_true (mt_tour_save_file (tour, file, NULL, NULL));

  run_cli (&run, "digest", path, "--delegate", "Hu Jiayi", "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "5月14日 星期二\n• “EHang: the low-altitude economy”从 17:15 改到 17:45。集合于 Hotel lobby, 17:15。\n");
  run_clear (&run);

  run_cli (&run, "digest", path, "-o", dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, "108 of 108 delegates have changes since their copy");
  run_clear (&run);
  index_path = g_build_filename (dir, "digests.csv", NULL);
  g_assert_true (g_file_get_contents (index_path, &index, NULL, NULL));
  g_assert_cmpuint (count_lines (index), ==, n_delegates + 1);
  assert_contains (index, "Hu Jiayi,jiayi.hu@example.org,zh_CN,1,1,Hu-Jiayi-");

  /* issued again: nothing has changed since anyone's copy, but since the
   * first version it has */
  run_cli (&run, "issue", path, NULL);
  assert_contains (run.out, "Issued Version 2");
  run_clear (&run);
  run_cli (&run, "versions", path, NULL);
  assert_contains (run.out, "Version 1  sent ");
  assert_contains (run.out, "“First plan”");
  assert_contains (run.out, "Version 2  sent ");
  g_assert_cmpuint (count_lines (run.out), ==, 2);
  run_clear (&run);
  run_cli (&run, "digest", path, "-o", dir, NULL);
  assert_contains (run.out, "0 of 108 delegates have changes since their copy");
  run_clear (&run);
  run_cli (&run, "digest", path, "--since", "1", "--delegate", "Hu Jiayi", "-o", "-", NULL);
  assert_contains (run.out, "17:45");
  run_clear (&run);

  run_cli (&run, "digest", path, "--since", "9", "-o", dir, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  assert_contains (run.err, "The tour has no issued version “9”");
  run_clear (&run);
  run_cli (&run, "digest", path, "-o", "-", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "--delegate");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (argc, ==, 2);
  cli_path = argv[1];
  work_dir = g_dir_make_tmp ("mt-cli-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/sample", test_sample);
  g_test_add_func ("/cli/import-counts", test_import_counts);
  g_test_add_func ("/cli/info", test_info);
  g_test_add_func ("/cli/bad-file", test_bad_file);
  g_test_add_func ("/cli/check-dangling", test_check_dangling);
  g_test_add_func ("/cli/generate", test_generate);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/disk-full", test_disk_full);
  g_test_add_func ("/cli/stdout-full", test_stdout_full);
  g_test_add_func ("/cli/issue-and-digest", test_issue_and_digest);

  status = g_test_run ();

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", work_dir);
    if (system (command) != 0)
      g_warning ("could not remove %s", work_dir);
  }
  g_free (work_dir);
  return status;
}
