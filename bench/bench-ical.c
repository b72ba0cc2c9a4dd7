/* bench-ical.c: the iCalendar export against a peer, and ical.js reading it
 *
 * For generated tours of 10k and 100k events (visits; sizes can be given as
 * arguments), prints:
 *   - our export's time (the median of 3 runs) and events per second;
 *   - the same events, read back from our file with libical, written by the
 *     npm package ical-generator on Node.js (one run, building the calendar
 *     and its text), its events per second, and the ratio;
 *   - the time ical.js takes to read our file and every event's start, with
 *     the VTIMEZONE as we write it, and for the smaller size without it.
 * Asserts nothing: these machines are shared.
 *
 * Run: _build/bench/bench-ical [N…]   (npm ci in tests/formats first)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical-glib/libical-glib.h>
#include <stdio.h>
#include <string.h>

#include "bench-util.h"
#include "mt-ical.h"
#include "mt-model.h"

#define RUNS 3

static char *
iso_utc (ICalTime *time)
{
  ICalTimezone *zone = i_cal_time_get_timezone (time);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (zone ? i_cal_time_as_timet_with_zone (time, zone)
                                                                 : i_cal_time_as_timet (time));

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* The events of our file, as the peer is given them */
static void
write_events_json (const char *ics,
                   MtTour     *tour,
                   const char *path)
{
  ICalComponent *calendar = i_cal_parser_parse_string (ics);
  ICalComponent *event;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, mt_tour_get_title (tour));
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, mt_tour_get_time_zone (tour));
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (event = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT); event != NULL;
       g_object_unref (event), event = i_cal_component_get_next_component (calendar, I_CAL_VEVENT_COMPONENT))
    {
      ICalTime *start = i_cal_component_get_dtstart (event);
      ICalTime *end = i_cal_component_get_dtend (event);
      ICalTime *stamp = i_cal_component_get_dtstamp (event);
      ICalProperty *categories = i_cal_component_get_first_property (event, I_CAL_CATEGORIES_PROPERTY);
      ICalProperty *geo = i_cal_component_get_first_property (event, I_CAL_GEO_PROPERTY);
      g_autofree char *start_text = iso_utc (start), *end_text = iso_utc (end), *stamp_text = iso_utc (stamp);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uid");
      json_builder_add_string_value (builder, i_cal_component_get_uid (event));
      json_builder_set_member_name (builder, "sequence");
      json_builder_add_int_value (builder, i_cal_component_get_sequence (event));
      json_builder_set_member_name (builder, "stamp");
      json_builder_add_string_value (builder, stamp_text);
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, start_text);
      json_builder_set_member_name (builder, "end");
      json_builder_add_string_value (builder, end_text);
      json_builder_set_member_name (builder, "summary");
      json_builder_add_string_value (builder, i_cal_component_get_summary (event));
      json_builder_set_member_name (builder, "location");
      json_builder_add_string_value (builder, i_cal_component_get_location (event));
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, i_cal_component_get_description (event));
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, categories ? i_cal_property_get_categories (categories) : "");
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, i_cal_property_status_to_string (i_cal_component_get_status (event)));
      if (geo != NULL)
        {
          ICalGeo *value = i_cal_property_get_geo (geo);

          json_builder_set_member_name (builder, "geo");
          json_builder_begin_array (builder);
          json_builder_add_double_value (builder, i_cal_geo_get_lat (value));
          json_builder_add_double_value (builder, i_cal_geo_get_lon (value));
          json_builder_end_array (builder);
          g_object_unref (value);
        }
      json_builder_end_object (builder);
      g_object_unref (start);
      g_object_unref (end);
      g_object_unref (stamp);
      g_clear_object (&categories);
      g_clear_object (&geo);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  g_object_unref (calendar);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, path, NULL))
    g_error ("cannot write %s", path);
}

/* Runs the peer script; returns its JSON answer's "seconds", or -1. */
static double
run_peer (const char *what,
          const char *file,
          const char *output)
{
  g_autofree char *script = g_build_filename (MT_SOURCE_DIR, "bench", "ical-peer.mjs", NULL);
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *argv[] = { node, script, what, file, output, NULL };
  int status;

  if (node == NULL)
    {
      printf ("  (node is not installed: no peer figures)\n");
      return -1;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL) ||
      !json_parser_load_from_data (parser, out, -1, NULL))
    {
      printf ("  (the peer failed; npm ci in tests/formats?) %s\n", err ? err : "");
      return -1;
    }
  return json_object_get_double_member (json_node_get_object (json_parser_get_root (parser)), "seconds");
}

static void
bench_size (guint       n_events,
            const char *dir,
            gboolean    without_zone)
{
  g_autoptr(MtTour) tour = mt_tour_generate (n_events, MAX (100, n_events / 50), 0, 42);
  g_autofree char *ics_path = g_strdup_printf ("%s/ours-%u.ics", dir, n_events);
  g_autofree char *json_path = g_strdup_printf ("%s/events-%u.json", dir, n_events);
  g_autofree char *peer_path = g_strdup_printf ("%s/peer-%u.ics", dir, n_events);
  g_autoptr(GBytes) bytes = NULL;
  double times[RUNS], ours, peer, read;
  guint n;

  n = mt_tour_count (tour, MT_ENTITY_VISIT);
  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = mt_ical_export_to_bytes (tour, NULL, NULL, NULL);
      times[r] = (g_get_monotonic_time () - start) / 1e6;
    }
  qsort (times, RUNS, sizeof (double), bench_compare_doubles);
  ours = times[RUNS / 2];
  printf ("%u events\n", n);
  printf ("  mediatour export:     %8.3f s  %10.0f events/s  (%.1f MB)\n", ours, n / ours,
          g_bytes_get_size (bytes) / 1e6);
  fflush (stdout);

  g_file_set_contents (ics_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  write_events_json (g_bytes_get_data (bytes, NULL), tour, json_path);
  peer = run_peer ("generate", json_path, peer_path);
  if (peer > 0)
    printf ("  ical-generator 10.2:  %8.3f s  %10.0f events/s  ours is %.1f× as fast\n", peer, n / peer, peer / ours);
  fflush (stdout);

  read = run_peer ("read", ics_path, NULL);
  if (read > 0)
    printf ("  ical.js reads ours:   %8.3f s  %10.0f events/s  (with the VTIMEZONE)\n", read, n / read);
  fflush (stdout);

  if (without_zone)
    {
      g_autofree char *bare_path = g_strdup_printf ("%s/bare-%u.ics", dir, n_events);
      const char *text = g_bytes_get_data (bytes, NULL);
      const char *begin = strstr (text, "BEGIN:VTIMEZONE");
      const char *end = strstr (text, "END:VTIMEZONE\r\n");
      g_autoptr(GString) bare = g_string_new_len (text, begin - text);

      g_string_append_len (bare, end + 15, g_bytes_get_size (bytes) - (end + 15 - text));
      g_file_set_contents (bare_path, bare->str, bare->len, NULL);
      read = run_peer ("read", bare_path, NULL);
      if (read > 0)
        printf ("  ical.js reads ours:   %8.3f s  %10.0f events/s  (the VTIMEZONE taken out)\n", read, n / read);
      g_unlink (bare_path);
    }

  g_unlink (ics_path);
  g_unlink (json_path);
  g_unlink (peer_path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("mt-bench-ical-XXXXXX", NULL);
  guint sizes[8] = { 10000, 100000 };
  guint n_sizes = 2;

  if (argc > 1)
    {
      n_sizes = 0;
      for (int i = 1; i < argc && n_sizes < G_N_ELEMENTS (sizes); i++)
        sizes[n_sizes++] = (guint) g_ascii_strtoull (argv[i], NULL, 10);
    }

  for (guint i = 0; i < n_sizes; i++)
    bench_size (sizes[i], dir, i == 0);

  g_rmdir (dir);
  return 0;
}
