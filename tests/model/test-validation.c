/* test-validation.c: time zone ids and dates at the edges
 *
 * A time zone id names a file inside GLib: "../../../../etc/passwd" made it
 * open that file (a GLib-CRITICAL about its header) before it was refused.
 * Years 0000 and 9999 made GLib's date arithmetic fail with criticals. The
 * tests run with G_DEBUG=fatal-warnings, so a critical fails them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "mt-model.h"

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in “%s”", needle, haystack ? haystack : "(null)");
}

static MtTour *
load (const char  *text,
      GError     **error)
{
  return mt_tour_load_from_data (text, -1, "edge.mtour", NULL, error);
}

/* @text as a JSON string's contents */
static char *
json_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static const char *bad_zones[] = {
  "../../../../etc/passwd",
  "/etc/passwd",
  "Europe/../../../../etc/passwd",
  "Europe//Berlin",
  "Europe/Berlin/",
  "./UTC",
  ".UTC",
  "-UTC",
  "zone.tab",          /* a table in the zone folder, not a zone */
  "leapseconds",       /* the same, without a dot */
  "Europe/Atlantis",   /* the right shape, but no such zone */
  "Europe/Berlin\\x",
  "Asia/Shang hai",
  "+08:00",
  "Europe/Berlin\xe2\x80\x8b",
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
};

static const char *good_zones[] = {
  "Asia/Shanghai",
  "Europe/Berlin",
  "America/Argentina/Buenos_Aires",
  "Etc/GMT+5",
  "Etc/GMT-14",
  "UTC",
  "EST5EDT",
};

static void
test_time_zone_ids (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_zones); i++)
    {
      g_autofree char *escaped = json_escape (bad_zones[i]);
      g_autofree char *text = g_strdup_printf ("{\"format\":1,\"first-day\":\"2024-05-14\",\"time-zone\":\"%s\"}",
                                               escaped);
      g_autoptr(GError) error = NULL;
      g_autoptr(MtTour) tour = load (text, &error);
      g_autoptr(MtTour) other = mt_tour_new ();

      g_test_message ("zone “%s”", bad_zones[i]);
      g_assert_null (tour);
      g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID);
      assert_contains (error->message, "edge.mtour: time-zone: ");
      g_clear_error (&error);

      /* the setter that takes what a user typed refuses it the same way */
      g_assert_false (mt_tour_set_time_zone (other, bad_zones[i], &error));
      g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID);
      g_assert_cmpstr (mt_tour_get_time_zone (other), ==, "Asia/Shanghai");
    }

  for (guint i = 0; i < G_N_ELEMENTS (good_zones); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\":1,\"first-day\":\"2024-05-14\",\"time-zone\":\"%s\"}",
                                               good_zones[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(MtTour) tour = load (text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (mt_tour_get_time_zone (tour), ==, good_zones[i]);
    }
}

/* The message says what kind of thing is wrong */
static void
test_time_zone_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = mt_tour_new ();

  g_assert_false (mt_tour_set_time_zone (tour, "../../../../etc/passwd", &error));
  assert_contains (error->message, "is not a time zone name");
  g_clear_error (&error);
  g_assert_false (mt_tour_set_time_zone (tour, "Europe/Atlantis", &error));
  assert_contains (error->message, "is not a time zone this system knows");
  g_clear_error (&error);
  /* in the file, empty text is no value: the default zone */
  g_assert_false (mt_tour_set_time_zone (tour, "", &error));
  assert_contains (error->message, "the time zone is empty");
}

typedef struct
{
  const char *text;
  const char *message; /* NULL where it loads */
} DateCase;

static const DateCase date_cases[] = {
  { "{\"format\":1,\"first-day\":\"0000-01-01\"}", "first-day: the year 0 is outside the years 1900 to 2200" },
  { "{\"format\":1,\"first-day\":\"9999-12-31\",\"n-days\":366}", "first-day: the year 9999 is outside" },
  { "{\"format\":1,\"first-day\":\"1899-12-31\"}", "first-day: the year 1899" },
  { "{\"format\":1,\"first-day\":\"2201-01-01\"}", "first-day: the year 2201" },
  { "{\"format\":1,\"first-day\":\"2024-05-14\",\"n-days\":367}", "n-days: 367 is out of range (1 to 366)" },
  { "{\"format\":1,\"first-day\":\"2024-05-14\",\"n-days\":0}", NULL }, /* 0: the default */
  { "{\"format\":1,\"first-day\":\"1900-01-01\",\"n-days\":366}", NULL },
  { "{\"format\":1,\"first-day\":\"2200-12-31\",\"n-days\":366}", NULL },
  { "{\"format\":1,\"first-day\":\"2024-05-14\",\"visits\":[{\"id\":\"v\",\"start\":\"0001-01-01T10:00\",\"end\":\"0001-01-01T11:00\"}]}",
    "visits[0].start: the year 1 is outside" },
  { "{\"format\":1,\"first-day\":\"2024-05-14\",\"cities\":[{\"id\":\"a\\rb\"}]}",
    "cities[0].id: the id holds a control character (U+000D)" },
  { "{\"format\":1,\"first-day\":\"2024-05-14\",\"interviews\":[{\"id\":\"i\",\"interviewee\":\"x\",\"start\":\"2024-05-14T10:00\",\"end\":\"9999-12-31T23:59\"}]}",
    "interviews[0].end: the year 9999 is outside" },
};

static void
test_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MtTour) tour = load (date_cases[i].text, &error);

      g_test_message ("%s", date_cases[i].text);
      if (date_cases[i].message != NULL)
        {
          g_assert_null (tour);
          g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID);
          assert_contains (error->message, date_cases[i].message);
          continue;
        }
      g_assert_no_error (error);

      /* every day of a tour at the edge has a date GLib can name */
      for (guint day = 0; day < mt_tour_get_n_days (tour); day++)
        {
          g_autoptr(GDateTime) date = mt_wall_time_to_date_time (mt_tour_get_day_start (tour, day),
                                                                 mt_tour_get_zone (tour));

          g_assert_nonnull (date);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/validation/time-zone-ids", test_time_zone_ids);
  g_test_add_func ("/model/validation/time-zone-messages", test_time_zone_messages);
  g_test_add_func ("/model/validation/dates", test_dates);

  return g_test_run ();
}
