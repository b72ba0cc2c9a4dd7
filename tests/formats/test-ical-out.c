/* test-ical-out.c: what a delegate's calendar carries besides the times:
 * the site's contact, the address and coordinates of an interview, a time
 * zone that older parsers can build, and the calendar's own name, read
 * back by libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libical-glib/libical-glib.h>
#include <string.h>

#include "export-test-util.h"
#include "mt-ical-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalGeo, g_object_unref)

static ICalComponent *
parse (const char *text)
{
  ICalComponent *calendar = i_cal_parser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (i_cal_component_isa (calendar), ==, I_CAL_VCALENDAR_COMPONENT);
  return calendar;
}

/* (transfer full): the event of @id */
static ICalComponent *
event_of (ICalComponent *calendar,
          const char    *id)
{
  g_autofree char *uid = mt_ical_uid_for_id (id);

  for (ICalComponent *event = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT);
       event != NULL; event = i_cal_component_get_next_component (calendar, I_CAL_VEVENT_COMPONENT))
    {
      if (g_strcmp0 (i_cal_component_get_uid (event), uid) == 0)
        return event;
      g_object_unref (event);
    }
  g_error ("no event %s", uid);
}

/* the value of the calendar's property @name (its first), as text; read
 * from the property's own text, as libical's getters of names and values
 * hand out buffers of a ring it never frees */
static char *
calendar_property (ICalComponent *calendar,
                   const char    *name)
{
  for (ICalProperty *property = i_cal_component_get_first_property (calendar, I_CAL_ANY_PROPERTY);
       property != NULL; property = i_cal_component_get_next_property (calendar, I_CAL_ANY_PROPERTY))
    {
      g_autofree char *text = i_cal_property_as_ical_string (property);
      g_auto(GStrv) folds = g_strsplit (text, "\r\n ", -1);
      g_autofree char *line = g_strchomp (g_strjoinv ("", folds));
      gsize length = strcspn (line, ":;");
      const char *colon = strchr (line, ':');

      g_object_unref (property);
      if (colon != NULL && strlen (name) == length && strncmp (line, name, length) == 0)
        return g_strdup (colon + 1);
    }
  return NULL;
}

/* Item 7: the site's contact is in the event's description and the CSV */
static void
test_site_contact (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  MtSite *tower = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, SITE_TOWER);
  g_autofree char *text = NULL, *csv = NULL;
  g_autoptr(ICalComponent) calendar = NULL;
  g_autoptr(ICalComponent) opening = NULL;
  g_autoptr(GBytes) bytes = NULL;

  mt_site_set_contact (tower, "Ms Zhou, +86 20 1234 5678");
  text = export_or_die (tour, NULL, DELEGATE_WANG);
  calendar = parse (text);
  opening = event_of (calendar, VISIT_OPENING);
  assert_contains (i_cal_component_get_description (opening), "Ms Zhou, +86 20 1234 5678");

  bytes = mt_csv_export_schedule (tour, NULL, DELEGATE_WANG, NULL);
  csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  assert_contains (csv, ",Contact,");
  assert_contains (csv, "\"Ms Zhou, +86 20 1234 5678\"");
}

/* Item 10: an interview whose location only names a room of its visit
 * still carries the visit's site, address and coordinates */
static void
test_interview_place (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *text = NULL;
  g_autoptr(ICalComponent) calendar = NULL;
  g_autoptr(ICalComponent) event = NULL;
  g_autoptr(ICalGeo) geo = NULL;
  g_autoptr(ICalProperty) geo_property = NULL;

  mt_site_set_address (mt_tour_lookup_kind (tour, MT_ENTITY_SITE, SITE_LAB), "1 Science Avenue, Huangpu");
  mt_interview_set_location (mt_tour_lookup_kind (tour, MT_ENTITY_INTERVIEW, INTERVIEW_WANG), "Meeting room 3");
  text = export_or_die (tour, NULL, DELEGATE_WANG);
  calendar = parse (text);
  event = event_of (calendar, INTERVIEW_WANG);
  assert_contains (i_cal_component_get_location (event), "Meeting room 3");
  assert_contains (i_cal_component_get_location (event), "Pearl River Lab");
  assert_contains (i_cal_component_get_location (event), "1 Science Avenue, Huangpu");
  geo_property = i_cal_component_get_first_property (event, I_CAL_GEO_PROPERTY);
  g_assert_nonnull (geo_property);
  geo = i_cal_property_get_geo (geo_property);
  g_assert_cmpfloat_with_epsilon (i_cal_geo_get_lat (geo), 23.35, 1e-6);
  g_assert_cmpfloat_with_epsilon (i_cal_geo_get_lon (geo), 113.30, 1e-6);
}

static guint
count_zone_parts (ICalComponent *zone,
                  ICalComponentKind kind)
{
  guint n = 0;

  for (ICalComponent *part = i_cal_component_get_first_component (zone, kind); part != NULL;
       part = i_cal_component_get_next_component (zone, kind))
    {
      n++;
      g_object_unref (part);
    }
  return n;
}

static gint64
utc_of (ICalComponent *calendar,
        const char    *id)
{
  g_autoptr(ICalComponent) event = event_of (calendar, id);
  g_autoptr(ICalTime) start = i_cal_component_get_dtstart (event);

  /* the zone libical built from the file's VTIMEZONE */
  g_assert_nonnull (i_cal_time_get_timezone (start));
  return i_cal_time_as_timet_with_zone (start, i_cal_time_get_timezone (start));
}

/* Item 9: the VTIMEZONE has only what the tour's dates need: Shanghai one
 * offset, Berlin across the night clocks went forward both, and the times
 * built from it are right on either side */
static void
test_vtimezone (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *text = export_or_die (tour, NULL, NULL);
  g_autoptr(ICalComponent) calendar = parse (text);
  g_autoptr(ICalComponent) zone = i_cal_component_get_first_component (calendar, I_CAL_VTIMEZONE_COMPONENT);
  g_autoptr(ICalComponent) berlin_calendar = NULL;
  g_autoptr(ICalComponent) berlin_zone = NULL;
  g_autoptr(MtTour) berlin = NULL;
  g_autofree char *berlin_text = NULL;

  g_assert_cmpuint (count_zone_parts (zone, I_CAL_XSTANDARD_COMPONENT), ==, 1);
  g_assert_cmpuint (count_zone_parts (zone, I_CAL_XDAYLIGHT_COMPONENT), ==, 0);
  g_assert_null (strstr (text, "RDATE"));
  g_assert_null (strstr (text, "RRULE"));
  assert_contains (text, "TZOFFSETTO:+0800\r\n");
  g_assert_cmpint (utc_of (calendar, VISIT_OPENING), ==, 1715648400);

  /* 30 March to 2 April 2024 in Berlin: summer time from 31 March 02:00 */
  berlin = berlin_spring_tour_new ();
  berlin_text = export_or_die (berlin, NULL, NULL);
  berlin_calendar = parse (berlin_text);
  berlin_zone = i_cal_component_get_first_component (berlin_calendar, I_CAL_VTIMEZONE_COMPONENT);
  g_assert_cmpuint (count_zone_parts (berlin_zone, I_CAL_XSTANDARD_COMPONENT), ==, 1);
  g_assert_cmpuint (count_zone_parts (berlin_zone, I_CAL_XDAYLIGHT_COMPONENT), ==, 1);
  assert_contains (berlin_text, "BEGIN:DAYLIGHT\r\nDTSTART:20240331T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n");
  /* 09:00 CET is 08:00 UTC; 09:00 CEST 07:00 UTC */
  g_assert_cmpint (utc_of (berlin_calendar, VISIT_OPENING), ==, 1711785600);
  g_assert_cmpint (utc_of (berlin_calendar, VISIT_LAB), ==, 1711954800);
}

/* Item 11: the calendar's own name (a delegate's names them), what it is,
 * how often to look again, and a colour, by RFC 7986 */
static void
test_calendar_properties (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *whole = export_or_die (tour, NULL, NULL);
  g_autofree char *delegate = export_or_die (tour, NULL, DELEGATE_WANG);
  g_autofree char *group = export_or_die (tour, GROUP_B, NULL);
  g_autoptr(ICalComponent) whole_calendar = parse (whole);
  g_autoptr(ICalComponent) delegate_calendar = parse (delegate);
  g_autoptr(ICalComponent) group_calendar = parse (group);
  g_autofree char *name = NULL, *description = NULL, *refresh = NULL, *color = NULL;

  name = calendar_property (delegate_calendar, "NAME");
  g_assert_cmpstr (name, ==, "Small tour: 王伟");
  description = calendar_property (delegate_calendar, "DESCRIPTION");
  assert_contains (description, "王伟");
  refresh = calendar_property (delegate_calendar, "REFRESH-INTERVAL");
  g_assert_cmpstr (refresh, ==, "PT1H");
  assert_contains (delegate, "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
  /* Coach A is #3584e4: a CSS colour name near it */
  color = calendar_property (delegate_calendar, "COLOR");
  g_assert_cmpstr (color, ==, "royalblue");

  g_free (name);
  name = calendar_property (whole_calendar, "NAME");
  g_assert_cmpstr (name, ==, "Small tour");
  g_free (color);
  color = calendar_property (group_calendar, "COLOR");
  g_assert_cmpstr (color, ==, "chocolate");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/ical-out/site-contact", test_site_contact);
  g_test_add_func ("/formats/ical-out/interview-place", test_interview_place);
  g_test_add_func ("/formats/ical-out/vtimezone", test_vtimezone);
  g_test_add_func ("/formats/ical-out/calendar-properties", test_calendar_properties);

  return g_test_run ();
}
