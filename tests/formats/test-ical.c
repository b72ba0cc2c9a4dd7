/* test-ical.c: the iCalendar export read back by libical, and the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libical-glib/libical-glib.h>
#include <string.h>

#include "export-test-util.h"

typedef struct
{
  char *summary;
  char *utc;
  char *status;
  int   sequence;
} Event;

static void
event_free (Event *event)
{
  g_free (event->summary);
  g_free (event->utc);
  g_free (event->status);
  g_free (event);
}

/* Parses @text with libical: UID → Event, and the calendar's TZIDs. */
static GHashTable *
read_events (const char  *text,
             char       **tzids)
{
  GHashTable *events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) event_free);
  ICalComponent *calendar = i_cal_parser_parse_string (text);
  ICalComponent *child;
  GString *zones = g_string_new (NULL);

  g_assert_nonnull (calendar);
  g_assert_cmpint (i_cal_component_isa (calendar), ==, I_CAL_VCALENDAR_COMPONENT);

  for (child = i_cal_component_get_first_component (calendar, I_CAL_VTIMEZONE_COMPONENT); child != NULL;
       g_object_unref (child), child = i_cal_component_get_next_component (calendar, I_CAL_VTIMEZONE_COMPONENT))
    {
      ICalProperty *tzid = i_cal_component_get_first_property (child, I_CAL_TZID_PROPERTY);

      g_string_append_printf (zones, "%s%s", zones->len ? " " : "", i_cal_property_get_tzid (tzid));
      g_object_unref (tzid);
    }

  for (child = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT); child != NULL;
       g_object_unref (child), child = i_cal_component_get_next_component (calendar, I_CAL_VEVENT_COMPONENT))
    {
      Event *event = g_new0 (Event, 1);
      ICalTime *start = i_cal_component_get_dtstart (child);
      ICalTimezone *zone = i_cal_time_get_timezone (start);
      g_autoptr(GDateTime) utc = NULL;

      g_assert_nonnull (zone); /* not floating: the TZID resolved to the file's VTIMEZONE */
      utc = g_date_time_new_from_unix_utc (i_cal_time_as_timet_with_zone (start, zone));
      event->utc = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
      event->summary = g_strdup (i_cal_component_get_summary (child));
      event->status = g_strdup (i_cal_property_status_to_string (i_cal_component_get_status (child)));
      event->sequence = i_cal_component_get_sequence (child);
      g_assert_false (g_hash_table_contains (events, i_cal_component_get_uid (child)));
      g_hash_table_insert (events, g_strdup (i_cal_component_get_uid (child)), event);
      g_object_unref (start);
    }

  g_object_unref (calendar);
  if (tzids != NULL)
    *tzids = g_string_free (zones, FALSE);
  else
    g_string_free (zones, TRUE);
  return events;
}

/* Every item of the selection is one event with its UID, summary and UTC
 * start, and there are no others. */
static void
assert_events_match (MtTour     *tour,
                     const char *group_id,
                     const char *delegate_id)
{
  g_autofree char *text = export_or_die (tour, group_id, delegate_id);
  g_autofree char *tzids = NULL;
  g_autoptr(GHashTable) events = read_events (text, &tzids);
  g_autoptr(GPtrArray) items = mt_ical_select_items (tour, group_id, delegate_id, NULL);

  g_assert_cmpstr (tzids, ==, mt_tour_get_time_zone (tour));
  g_assert_cmpuint (g_hash_table_size (events), ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      MtEntity *item = g_ptr_array_index (items, i);
      g_autofree char *uid = mt_ical_uid_for_id (mt_entity_get_id (item));
      g_autofree char *utc = utc_start_of (tour, item);
      g_autofree char *summary = summary_of (item);
      Event *event = g_hash_table_lookup (events, uid);

      g_assert_nonnull (event);
      g_assert_cmpstr (event->summary, ==, summary);
      g_assert_cmpstr (event->utc, ==, utc);
      g_assert_cmpint (event->sequence, ==, mt_entity_get_revision (item));
    }
}

static void
test_sample (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(GPtrArray) items = mt_ical_select_items (tour, NULL, NULL, NULL);

  g_assert_cmpuint (items->len, >, 20);
  assert_events_match (tour, NULL, NULL);
}

static void
test_generated (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (400, 80, 60, 11);
  GListModel *groups = mt_tour_get_groups (tour);
  GListModel *delegates = mt_tour_get_delegates (tour);
  g_autoptr(MtGroup) group = g_list_model_get_item (groups, 1);
  g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, 5);

  assert_events_match (tour, NULL, NULL);
  assert_events_match (tour, mt_entity_get_id (MT_ENTITY (group)), NULL);
  assert_events_match (tour, NULL, mt_entity_get_id (MT_ENTITY (delegate)));

  /* a zone with summer time: the VTIMEZONE must carry its rules */
  g_assert_true (mt_tour_set_time_zone (tour, "America/New_York", NULL));
  assert_events_match (tour, NULL, NULL);
}

static void
test_times (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *text = export_or_die (tour, NULL, NULL);
  ICalComponent *calendar = i_cal_parser_parse_string (text);
  ICalComponent *event = NULL;
  ICalTime *start, *berlin;
  ICalTimezone *zone;

  /* the wall clock of the tour's zone, named by its TZID */
  g_assert_nonnull (strstr (text, "\r\nDTSTART;TZID=Asia/Shanghai:20240514T090000\r\n"));
  g_assert_nonnull (strstr (text, "\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"));

  for (event = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT);
       g_strcmp0 (i_cal_component_get_uid (event), VISIT_OPENING "@mediatour") != 0;
       g_object_unref (event), event = i_cal_component_get_next_component (calendar, I_CAL_VEVENT_COMPONENT))
    ;
  start = i_cal_component_get_dtstart (event);
  zone = i_cal_time_get_timezone (start);
  /* 09:00 in Shanghai is 01:00 UTC */
  g_assert_cmpint (i_cal_time_as_timet_with_zone (start, zone), ==, 1715648400);
  /* and 03:00 on a phone in Berlin, on summer time in May */
  berlin = i_cal_time_convert_to_zone (start, i_cal_timezone_get_builtin_timezone ("Europe/Berlin"));
  g_assert_cmpint (i_cal_time_get_hour (berlin), ==, 3);
  g_assert_cmpint (i_cal_time_get_minute (berlin), ==, 0);

  g_object_unref (berlin);
  g_object_unref (start);
  g_object_unref (event);
  g_object_unref (calendar);
}

static void
test_uid_and_sequence (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *first = export_or_die (tour, NULL, NULL);
  g_autofree char *second = NULL, *third = NULL;
  g_autoptr(GHashTable) before = read_events (first, NULL);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) reloaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(MtTour) loaded = NULL;
  GHashTableIter iter;
  gpointer uid, value;

  mt_visit_set_title (mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, VISIT_LAB), "Lab visit and demonstration");
  second = export_or_die (tour, NULL, NULL);
  after = read_events (second, NULL);

  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &uid, &value))
    {
      Event *old = value, *new = g_hash_table_lookup (after, uid);

      g_assert_nonnull (new); /* the same UIDs */
      if (g_str_equal (uid, VISIT_LAB "@mediatour"))
        {
          g_assert_cmpint (new->sequence, >, old->sequence);
          g_assert_cmpstr (new->summary, ==, "Lab visit and demonstration");
        }
      else
        g_assert_cmpint (new->sequence, ==, old->sequence);
    }

  /* the SEQUENCE is kept in the tour file */
  saved = mt_tour_save_to_bytes (tour);
  loaded = mt_tour_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "t", NULL, NULL);
  third = export_or_die (loaded, NULL, NULL);
  reloaded = read_events (third, NULL);
  g_assert_cmpint (((Event *) g_hash_table_lookup (reloaded, VISIT_LAB "@mediatour"))->sequence, ==,
                   ((Event *) g_hash_table_lookup (after, VISIT_LAB "@mediatour"))->sequence);
}

static void
test_cancelled (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) events = NULL;

  mt_visit_set_status (mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, VISIT_LAB), MT_VISIT_CANCELLED);
  mt_visit_set_status (mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, VISIT_FACTORY), MT_VISIT_TENTATIVE);
  text = export_or_die (tour, NULL, NULL);
  events = read_events (text, NULL);

  g_assert_cmpstr (((Event *) g_hash_table_lookup (events, VISIT_LAB "@mediatour"))->status, ==, "CANCELLED");
  g_assert_cmpstr (((Event *) g_hash_table_lookup (events, VISIT_CANCELLED "@mediatour"))->status, ==, "CANCELLED");
  g_assert_cmpstr (((Event *) g_hash_table_lookup (events, VISIT_FACTORY "@mediatour"))->status, ==, "TENTATIVE");
  g_assert_cmpstr (((Event *) g_hash_table_lookup (events, VISIT_OPENING "@mediatour"))->status, ==, "CONFIRMED");
}

static void
test_folding (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  MtVisit *visit = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, VISIT_OPENING);
  const char *title = "广东省新质生产力发展情况介绍会：广州、深圳、东莞、佛山、肇庆、珠海六市的产业转型升级与科技创新成果，"
                      "Opening briefing; with \"quotes\", commas, a back\\slash";
  const char *notes = "第一行\n第二行：粤港澳大湾区国际科技创新中心建设进展。Line three is Latin text that runs on and on.";
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  ICalComponent *calendar, *event;
  guint n_folded = 0;

  mt_visit_set_title (visit, title);
  mt_visit_set_notes (visit, notes);
  text = export_or_die (tour, NULL, NULL);

  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      /* every physical line is whole UTF-8: no character was cut */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
      n_folded += lines[i][0] == ' ';
    }
  g_assert_cmpuint (n_folded, >, 3);

  calendar = i_cal_parser_parse_string (text);
  for (event = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT);
       g_strcmp0 (i_cal_component_get_uid (event), VISIT_OPENING "@mediatour") != 0;
       g_object_unref (event), event = i_cal_component_get_next_component (calendar, I_CAL_VEVENT_COMPONENT))
    ;
  g_assert_cmpstr (i_cal_component_get_summary (event), ==, title);
  g_assert_nonnull (strstr (i_cal_component_get_description (event), notes));
  g_assert_cmpstr (i_cal_component_get_location (event), ==,
                   "Canton Tower (广州塔), 222 Yuejiang West Road, Haizhu District");
  g_object_unref (event);
  g_object_unref (calendar);
}

static void
test_scopes (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *group = export_or_die (tour, GROUP_A, NULL);
  g_autofree char *delegate = export_or_die (tour, NULL, DELEGATE_LI);
  g_autoptr(GHashTable) of_group = read_events (group, NULL);
  g_autoptr(GHashTable) of_delegate = read_events (delegate, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) none = NULL;

  /* Coach A: the opening for everyone, its lab visit, the museum, Wang's interview */
  g_assert_cmpuint (g_hash_table_size (of_group), ==, 4);
  g_assert_true (g_hash_table_contains (of_group, VISIT_OPENING "@mediatour"));
  g_assert_true (g_hash_table_contains (of_group, VISIT_LAB "@mediatour"));
  g_assert_true (g_hash_table_contains (of_group, VISIT_CANCELLED "@mediatour"));
  g_assert_true (g_hash_table_contains (of_group, INTERVIEW_WANG "@mediatour"));
  g_assert_nonnull (strstr (group, "X-WR-CALNAME:Small tour: Coach A\r\n"));

  /* Li Na, in Coach B: the opening, the factory and her own interview */
  g_assert_cmpuint (g_hash_table_size (of_delegate), ==, 3);
  g_assert_true (g_hash_table_contains (of_delegate, VISIT_OPENING "@mediatour"));
  g_assert_true (g_hash_table_contains (of_delegate, VISIT_FACTORY "@mediatour"));
  g_assert_true (g_hash_table_contains (of_delegate, INTERVIEW_LI "@mediatour"));
  g_assert_cmpstr (((Event *) g_hash_table_lookup (of_delegate, INTERVIEW_LI "@mediatour"))->summary, ==,
                   "Interview with Zhao Lei");

  none = mt_ical_export_to_bytes (tour, "no-such-group", NULL, &error);
  g_assert_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_NOT_FOUND);
  g_assert_null (none);
}

static void
test_uid_mapping (void)
{
  g_autofree char *ours = mt_ical_id_for_uid (VISIT_LAB "@mediatour");
  g_autofree char *foreign1 = mt_ical_id_for_uid ("event-17@venue.example");
  g_autofree char *foreign2 = mt_ical_id_for_uid ("event-17@venue.example");
  g_autofree char *other = mt_ical_id_for_uid ("event-18@venue.example");

  g_assert_cmpstr (ours, ==, VISIT_LAB);
  g_assert_cmpstr (foreign1, ==, foreign2);
  g_assert_cmpstr (foreign1, !=, other);
  g_assert_cmpuint (strlen (foreign1), ==, 36);
  g_assert_cmpint (foreign1[14], ==, '5');
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/ical/sample", test_sample);
  g_test_add_func ("/formats/ical/generated", test_generated);
  g_test_add_func ("/formats/ical/times", test_times);
  g_test_add_func ("/formats/ical/uid-and-sequence", test_uid_and_sequence);
  g_test_add_func ("/formats/ical/cancelled", test_cancelled);
  g_test_add_func ("/formats/ical/folding", test_folding);
  g_test_add_func ("/formats/ical/scopes", test_scopes);
  g_test_add_func ("/formats/ical/uid-mapping", test_uid_mapping);

  return g_test_run ();
}
