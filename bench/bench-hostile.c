/* bench-hostile.c: the readers on hostile sizes
 *
 * Prints how long each reader takes and the process's peak memory on
 * inputs built to be costly: a calendar event with one SUMMARY line of 5,
 * 20 and 60 MB (libical's own line reader was quadratic: 5 MB took 1.6 s,
 * 20 MB 33 s), a calendar and a tour past their size bounds, JSON nested
 * 100 000 deep, a CSV roster with one line of 50 MB, and the largest
 * calendar and roster within their bounds. Each runs in a
 * child process, so the peak memory is its own.
 *
 *   _build/bench/bench-hostile            all of them
 *   _build/bench/bench-hostile ics-5      one of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mt-csv.h"
#include "mt-ical.h"
#include "mt-model.h"

#define MB (1024 * 1024)

static GString *
long_summary_calendar (gsize summary_bytes)
{
  GString *text = g_string_sized_new (summary_bytes + 4096);

  g_string_append (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//hostile//EN\r\n"
                         "BEGIN:VEVENT\r\nUID:long@bench\r\nDTSTART:20240514T100000\r\n"
                         "DTEND:20240514T110000\r\nSUMMARY:");
  for (gsize i = 0; i < summary_bytes; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_string_append (text, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  return text;
}

static GString *
many_events_calendar (gsize total_bytes)
{
  GString *text = g_string_sized_new (total_bytes + 4096);
  guint n = 0;

  g_string_append (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//hostile//EN\r\n");
  while (text->len < total_bytes)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:%u@bench\r\nDTSTART:20240514T100000\r\n"
                                  "DTEND:20240514T110000\r\nSUMMARY:Event %u\r\nEND:VEVENT\r\n", n, n), n++;
  g_string_append (text, "END:VCALENDAR\r\n");
  return text;
}

static void
run_ics (GString *text)
{
  g_autoptr(MtTour) tour = mt_tour_generate (10, 5, 5, 1);
  g_autoptr(GError) error = NULL;
  MtIcalImport result;

  if (mt_ical_import_data (tour, text->str, text->len, "bench.ics", NULL, &result, &error))
    printf ("  imported: %u added\n", result.n_added);
  else
    printf ("  refused: %s\n", error->message);
  mt_ical_import_clear (&result);
}

static void
run_tour (GString *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = mt_tour_load_from_data (text->str, text->len, "bench.mtour", NULL, &error);

  if (tour != NULL)
    printf ("  loaded: %u visits\n", mt_tour_count (tour, MT_ENTITY_VISIT));
  else
    printf ("  refused: %.200s\n", error->message);
}

static void
run_csv (GString *text)
{
  g_autoptr(MtTour) tour = mt_tour_generate (10, 5, 5, 1);
  g_autoptr(GError) error = NULL;
  MtCsvImport result;

  if (mt_csv_import_roster (tour, text->str, text->len, "bench.csv", &result, NULL, &error))
    printf ("  imported: %u added\n", result.n_added);
  else
    printf ("  refused: %.200s\n", error->message);
}

static void
case_ics_long_line (gsize mb)
{
  g_autoptr(GString) text = long_summary_calendar (mb * MB);

  run_ics (text);
}

static void
case_ics_large (void)
{
  g_autoptr(GString) text = many_events_calendar (100 * MB);

  run_ics (text);
}

static void
case_ics_bound (void)
{
  g_autoptr(GString) text = many_events_calendar (60 * MB);

  run_ics (text);
}

static void
case_ics_events (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//hostile//EN\r\n");

  for (guint n = 0; n < 200000; n++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:%u@bench\r\nDTSTART:20240514T100000\r\n"
                                  "DTEND:20240514T110000\r\nSUMMARY:Event %u\r\nEND:VEVENT\r\n", n, n);
  g_string_append (text, "END:VCALENDAR\r\n");
  run_ics (text);
}

static void
case_tour_large (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (100000, 2000, 20000, 1);
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_clear_object (&tour);
  g_clear_pointer (&bytes, g_bytes_unref);
  /* grow it past 200 MB with descriptions */
  g_string_truncate (text, text->len - 2);
  g_string_append (text, ",\"padding\":\"");
  while (text->len < 200 * MB)
    g_string_append (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_string_append (text, "\"}\n");
  run_tour (text);
}

static void
case_tour_tiny_items (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":1,\"first-day\":\"2024-05-14\",\"x\":[");

  while (text->len < 60 * MB)
    g_string_append (text, "[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],[],");
  g_string_append (text, "[]]}");
  run_tour (text);
}

/* the most items a tour file may hold, each as small as it can be */
static void
case_tour_items (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":1,\"first-day\":\"2024-05-14\",\"cities\":[");

  for (guint i = 0; i < MT_TOUR_MAX_ITEMS; i++)
    g_string_append_printf (text, "%s{\"id\":\"%x\"}", i ? "," : "", i);
  g_string_append (text, "]}");
  run_tour (text);
}

/* the largest real tour within the bound: 100 000 visits */
static void
case_tour_100k (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (100000, 2000, 20000, 1);
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_clear_object (&tour);
  g_clear_pointer (&bytes, g_bytes_unref);
  run_tour (text);
}

static void
case_json_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":1,\"first-day\":\"2024-05-14\",\"x\":");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}");
  run_tour (text);
}

static void
case_csv_long_line (void)
{
  g_autoptr(GString) text = g_string_new ("Name,Outlet,Notes\r\n");

  while (text->len < 50 * MB)
    g_string_append (text, ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,");
  g_string_append (text, "\r\n");
  run_csv (text);
}

/* the most a roster within its bounds can cost: rows of one letter */
static void
case_csv_rows (void)
{
  g_autoptr(GString) text = g_string_new ("Name\r\n");

  for (guint i = 0; text->len < 16 * MB - 16; i++)
    g_string_append_printf (text, "%x\r\n", i);
  run_csv (text);
}

/* the largest roster within its bounds: 100 000 full rows, 15 MB */
static void
case_csv_full (void)
{
  g_autoptr(GString) text = g_string_new ("Name,Outlet,Role,Email,Phone,Languages,Group,Dietary needs,"
                                          "Access needs,Notes\r\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "Delegate %u,Outlet %u,reporter,d%u@example.com,+86 20 1234 %04u,"
                                  "zh en,Coach %u,vegetarian,none,Notes on delegate %u\r\n",
                            i, i % 50, i, i % 10000, i % 20, i);
  run_csv (text);
}

static void case_ics_5 (void) { case_ics_long_line (5); }
static void case_ics_20 (void) { case_ics_long_line (20); }
static void case_ics_60 (void) { case_ics_long_line (60); }

static const struct
{
  const char *name;
  const char *what;
  void (*run) (void);
} cases[] = {
  { "ics-5", "a calendar with a SUMMARY line of 5 MB", case_ics_5 },
  { "ics-20", "a calendar with a SUMMARY line of 20 MB", case_ics_20 },
  { "ics-60", "a calendar with a SUMMARY line of 60 MB", case_ics_60 },
  { "ics-60-events", "a calendar of 60 MB of small events (past the bound on events)", case_ics_bound },
  { "ics-events", "a calendar of 200 000 small events", case_ics_events },
  { "ics-100", "a calendar of 100 MB", case_ics_large },
  { "tour-200", "a tour of 200 MB (100 000 visits and padding)", case_tour_large },
  { "tour-tiny-items", "a tour of 60 MB of empty lists in an unknown member", case_tour_tiny_items },
  { "tour-items", "a tour of 1 000 000 tiny items", case_tour_items },
  { "tour-100k", "a tour of 100 000 visits, 2000 delegates, 20 000 interviews", case_tour_100k },
  { "json-deep", "JSON nested 100 000 deep", case_json_deep },
  { "csv-line", "a CSV roster with one line of 50 MB", case_csv_long_line },
  { "csv-rows", "a CSV roster of 16 MB of one-letter rows", case_csv_rows },
  { "csv-full", "a CSV roster of 100 000 full rows", case_csv_full },
};

static void
run_case (guint i)
{
  gint64 start;
  pid_t pid;
  int status;
  struct rusage usage;

  printf ("%s: %s\n", cases[i].name, cases[i].what);
  fflush (stdout);
  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      cases[i].run ();
      fflush (stdout);
      _exit (0);
    }
  wait4 (pid, &status, 0, &usage);
  printf ("  %.2f s, peak memory %ld MB%s\n", (g_get_monotonic_time () - start) / 1e6,
          usage.ru_maxrss / 1024, WIFEXITED (status) && WEXITSTATUS (status) == 0 ? "" : " (it failed)");
}

int
main (int    argc,
      char **argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (argc < 2 || strcmp (argv[1], cases[i].name) == 0)
      run_case (i);
  return 0;
}
