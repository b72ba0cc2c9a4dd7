/* mt-ical-import.c: reading an iCalendar file into a tour as visits
 *
 * Two passes over the file before anything changes: our own scan of the
 * content lines (mt-ical-scan.c) checks the structure and the dates and
 * knows the line each property is on; libical-glib then parses the file and resolves each time's zone from
 * the file's VTIMEZONEs or its own zone data. Only when every event has been
 * understood are the visits added and updated, as one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include "mt-ical-private.h"
#include <string.h>

#include "mt-entity-private.h"
#include "mt-enum-types.h"
#include "mt-file-io.h"
#include "mt-history.h"
#include "mt-validate.h"
#include "mt-ical.h"
#include "mt-wall-time.h"

typedef struct
{
  MtTour        *tour;
  GTimeZone     *zone;
  ICalComponent *zones;  /* a VCALENDAR of the file's VTIMEZONEs */
  GHashTable    *found_zones; /* TZID → ICalTimezone, or none for unknown */
  GHashTable *sites;    /* "name", "name (local), address" → MtSite */
  GHashTable *seen;     /* ids met so far */
  GPtrArray  *plans;
  GPtrArray  *problems; /* one per event left out */
  GPtrArray  *notes;    /* what was not taken from the events imported */
} Import;

/* the line of @property in @event, or of its BEGIN where it has none */
static guint
line_of (EventLines *event,
         const char *property)
{
  guint line = GPOINTER_TO_UINT (g_hash_table_lookup (event->lines, property));

  return line != 0 ? line : event->begin_line;
}

static void
add_message (GPtrArray  *messages,
             guint       line,
             const char *format,
             va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_ptr_array_add (messages, g_strdup_printf (_("line %u: %s"), line, message));
}

/* an event left out */
static void G_GNUC_PRINTF (3, 4)
report (Import     *import,
        guint       line,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  add_message (import->problems, line, format, args);
  va_end (args);
}

/* something an event imported holds that the import did not take */
static void G_GNUC_PRINTF (3, 4)
remark (Import     *import,
        guint       line,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  add_message (import->notes, line, format, args);
  va_end (args);
}

static void
index_sites (Import *import)
{
  GListModel *sites = mt_tour_get_sites (import->tour);

  import->sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0, n = g_list_model_get_n_items (sites); i < n; i++)
    {
      g_autoptr(MtSite) site = g_list_model_get_item (sites, i);
      const char *name = mt_site_get_name (site);
      const char *local = mt_site_get_local_name (site);
      const char *address = mt_site_get_address (site);
      g_autoptr(GString) full = g_string_new (name);

      if (name == NULL)
        continue;
      if (local != NULL && *local != '\0')
        g_string_append_printf (full, " (%s)", local);
      g_hash_table_insert (import->sites, g_utf8_casefold (full->str, -1), site);
      if (address != NULL && *address != '\0')
        {
          g_string_append_printf (full, ", %s", address);
          g_hash_table_insert (import->sites, g_utf8_casefold (full->str, -1), site);
        }
      g_hash_table_insert (import->sites, g_utf8_casefold (name, -1), site);
    }
}

static MtSite *
find_site (Import     *import,
           const char *location)
{
  g_autofree char *key = g_utf8_casefold (location, -1);

  return g_hash_table_lookup (import->sites, key);
}

static gboolean
kind_from_categories (ICalComponent *event,
                      MtVisitKind   *kind,
                      gboolean      *is_interview)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (mt_visit_kind_get_type ());
  g_autoptr(ICalProperty) property = NULL;
  gboolean found = FALSE;

  *is_interview = FALSE;
  for (property = i_cal_component_get_first_property (event, I_CAL_CATEGORIES_PROPERTY);
       property != NULL && !found;
       g_set_object (&property, NULL),
       property = i_cal_component_get_next_property (event, I_CAL_CATEGORIES_PROPERTY))
    {
      g_auto(GStrv) values = g_strsplit (i_cal_property_get_categories (property), ",", -1);

      for (guint i = 0; values[i] != NULL && !found; i++)
        {
          const char *value = g_strstrip (values[i]);

          /* in English, as files carry them, or in the interface's language,
           * as older versions wrote them */
          if (g_ascii_strcasecmp (value, MT_ICAL_INTERVIEW_CATEGORY) == 0 ||
              g_utf8_collate (value, _(MT_ICAL_INTERVIEW_CATEGORY)) == 0)
            *is_interview = TRUE;
          for (guint k = 0; k < klass->n_values && !found; k++)
            if (g_ascii_strcasecmp (value, klass->values[k].value_nick) == 0 ||
                g_ascii_strcasecmp (value, mt_visit_kind_to_name (klass->values[k].value)) == 0 ||
                g_utf8_collate (value, mt_visit_kind_to_label (klass->values[k].value)) == 0)
              {
                *kind = klass->values[k].value;
                found = TRUE;
              }
        }
    }
  return found;
}

/* The zone a TZID names: the file's VTIMEZONE of that TZID, else the
 * system's zone of that IANA name. A TZID becomes a path inside libical,
 * so only a name that mt_validate_time_zone() accepts is looked up. */
static ICalTimezone *
find_zone (Import     *import,
           const char *tzid)
{
  ICalTimezone *zone;

  if (g_hash_table_lookup_extended (import->found_zones, tzid, NULL, (gpointer *) &zone))
    return zone;

  zone = import->zones ? i_cal_component_get_timezone (import->zones, tzid) : NULL;
  if (zone == NULL && mt_validate_time_zone (_mt_ical_iana_name_of (tzid), "TZID", NULL))
    {
      zone = i_cal_timezone_get_builtin_timezone (_mt_ical_iana_name_of (tzid));
      if (zone != NULL)
        g_object_ref (zone); /* borrowed from libical's table */
    }
  g_hash_table_insert (import->found_zones, g_strdup (tzid), zone);
  return zone;
}

typedef enum
{
  TIME_OK,
  TIME_UNREADABLE,   /* libical made no time of it */
  TIME_IS_DATE,      /* a day, not a time */
  TIME_UNKNOWN_ZONE, /* its TZID names a zone neither the file nor the system knows */
} TimeRead;

static gint64
wall_time_of (ICalTime *time)
{
  return mt_wall_time_new (i_cal_time_get_year (time), i_cal_time_get_month (time),
                           i_cal_time_get_day (time), i_cal_time_get_hour (time),
                           i_cal_time_get_minute (time), i_cal_time_get_second (time));
}

/* The time of the event's DTSTART or DTEND as a wall-clock time in the
 * tour's zone. Read from the property itself: libical's component getters
 * look the TZID up as a path. */
static TimeRead
to_wall_time (Import           *import,
              ICalComponent    *event,
              ICalPropertyKind  kind,
              gint64           *out)
{
  g_autoptr(ICalProperty) property = i_cal_component_get_first_property (event, kind);
  g_autoptr(ICalParameter) parameter = property ? i_cal_property_get_first_parameter (property, I_CAL_TZID_PARAMETER) : NULL;
  g_autoptr(ICalTime) time = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  const char *tzid = parameter ? i_cal_parameter_get_tzid (parameter) : NULL;
  time_t seconds;
  int year;

  if (property == NULL)
    return TIME_UNREADABLE;
  time = kind == I_CAL_DTSTART_PROPERTY ? i_cal_property_get_dtstart (property)
                                        : i_cal_property_get_dtend (property);
  if (time == NULL)
    return TIME_UNREADABLE;
  if (i_cal_time_is_date (time))
    return TIME_IS_DATE;

  /* far from the years a tour holds, where GLib has no dates in every
   * zone (nor libical past 3000): the year alone, for in_tour_years() to
   * refuse */
  year = i_cal_time_get_year (time);
  if (year < MT_TOUR_FIRST_YEAR - 1 || year > MT_TOUR_LAST_YEAR + 1)
    {
      *out = mt_wall_time_new (year, 1, 1, 0, 0, 0);
      return TIME_OK;
    }
  if (i_cal_time_is_null_time (time) || !i_cal_time_is_valid_time (time))
    return TIME_UNREADABLE;

  if (i_cal_time_is_utc (time))
    seconds = i_cal_time_as_timet (time);
  else if (tzid != NULL && strcmp (_mt_ical_iana_name_of (tzid), mt_tour_get_time_zone (import->tour)) == 0)
    {
      /* the tour's own zone: its wall clock as written, even at an hour
       * that the change to summer time skips or the change back repeats */
      *out = wall_time_of (time);
      return TIME_OK;
    }
  else if (tzid != NULL)
    {
      ICalTimezone *zone = find_zone (import, tzid);

      if (zone == NULL)
        return TIME_UNKNOWN_ZONE;
      seconds = i_cal_time_as_timet_with_zone (time, zone);
    }
  else
    {
      /* floating: the same wall clock wherever it is read, the tour's */
      *out = wall_time_of (time);
      return TIME_OK;
    }

  utc = g_date_time_new_from_unix_utc (seconds);
  local = utc ? g_date_time_to_timezone (utc, import->zone) : NULL;
  *out = local ? mt_wall_time_from_date_time (local) : mt_wall_time_new (year, 1, 1, 0, 0, 0);
  return TIME_OK;
}

static const char *
tzid_of (ICalComponent    *event,
         ICalPropertyKind  kind)
{
  g_autoptr(ICalProperty) property = i_cal_component_get_first_property (event, kind);
  g_autoptr(ICalParameter) tzid = property ? i_cal_property_get_first_parameter (property, I_CAL_TZID_PARAMETER) : NULL;

  /* the string belongs to the component, which outlives the caller's use */
  return tzid ? i_cal_parameter_get_tzid (tzid) : "";
}

/* A tour holds the years MT_TOUR_FIRST_YEAR to MT_TOUR_LAST_YEAR only */
static gboolean
in_tour_years (Import     *import,
               EventLines *lines,
               gint64      time,
               const char *property,
               const char *shown)
{
  g_autoptr(GError) error = NULL;

  if (mt_validate_wall_time (time, property, &error))
    return TRUE;
  /* Translators: the first %s says what is wrong: "DTSTART: the year 1 is outside the years 1900 to 2200" */
  report (import, line_of (lines, property), _("%s; the event “%s” is left out"),
          error->message, shown ? shown : "");
  return FALSE;
}

/* A plan for the event's item: its id, times and SEQUENCE, and what the
 * event holds that the import does not take, reported */
static Plan *
plan_new (Import         *import,
          ICalComponent  *event,
          EventLines     *lines,
          char          **id,
          gint64          start,
          gint64          end)
{
  Plan *plan = g_new0 (Plan, 1);
  const char *summary = i_cal_component_get_summary (event);
  g_autofree char *parts = NULL;
  guint first_line;

  plan->id = g_steal_pointer (id);
  plan->start = start;
  plan->end = end;
  plan->sequence = MAX (i_cal_component_get_sequence (event), 0);
  g_ptr_array_add (import->plans, plan);

  parts = _mt_ical_parts_not_taken (lines, &first_line);
  if (parts != NULL)
    /* Translators: %s are iCalendar's names of what an event holds, "ATTENDEE, VALARM", and its title */
    remark (import, first_line, _("the import does not take %s of “%s”; they stay in the file only"),
            parts, summary ? summary : plan->id);
  return plan;
}

/* groups (ids of the tour's) and speakers from our own export, and notes */
static void
plan_text_fields (Import     *import,
                  Plan       *plan,
                  EventLines *lines,
                  const char *uid,
                  const char *description,
                  const char *shown)
{
  const char *old_notes = plan->visit ? mt_visit_get_notes (plan->visit) : NULL;
  g_autofree char *notes = NULL;

  switch (_mt_ical_notes_of (lines, uid, description, &notes))
    {
    case NOTES_READ:
      /* what the export could not write is no change, nor is another
       * calendar's event without a DESCRIPTION */
      plan->has_notes = plan->visit == NULL ||
                        (!_mt_ical_text_reads_as (old_notes, notes) &&
                         (_mt_ical_is_own_event (lines) || g_hash_table_contains (lines->lines, "DESCRIPTION")));
      plan->notes = plan->has_notes ? g_steal_pointer (&notes) : g_strdup (old_notes);
      break;
    case NOTES_MANGLED:
      if (plan->visit == NULL)
        {
          /* nothing to keep: the whole text, so nothing is lost */
          plan->notes = g_strdup (description);
          plan->has_notes = TRUE;
          break;
        }
      /* the lines written for the reader changed, the notes after them not */
      if (old_notes != NULL && description != NULL && g_str_has_suffix (description, old_notes))
        break;
      remark (import, line_of (lines, "DESCRIPTION"),
              _("the description of “%s” was changed where the planner wrote speakers and groups; "
                "its notes are kept as they were"), shown ? shown : "");
      break;
    case NOTES_NOT_MARKED:
    default:
      if (plan->visit == NULL)
        {
          plan->notes = g_strdup (description);
          plan->has_notes = TRUE;
        }
      break;
    }

  if (!_mt_ical_is_own_event (lines))
    return;
  plan->speakers = _mt_ical_text_list (lines, "X-MEDIATOUR-SPEAKERS");
  plan->has_speakers = TRUE;
  plan->groups = _mt_ical_text_list (lines, "X-MEDIATOUR-GROUPS");
  plan->has_groups = TRUE;
  for (guint i = 0; plan->groups != NULL && plan->groups[i] != NULL;)
    {
      if (mt_tour_lookup_kind (import->tour, MT_ENTITY_GROUP, plan->groups[i]) != NULL)
        {
          i++;
          continue;
        }
      remark (import, line_of (lines, "X-MEDIATOUR-GROUPS"),
              _("the tour has no group “%s” for “%s”; the visit is not given that group"),
              plan->groups[i], shown ? shown : "");
      g_free (plan->groups[i]);
      memmove (plan->groups + i, plan->groups + i + 1, (g_strv_length (plan->groups + i + 1) + 1) * sizeof (char *));
    }
}

static void
plan_event (Import        *import,
            ICalComponent *event,
            EventLines    *lines)
{
  g_autofree char *id = NULL;
  g_autofree char *derived_uid = NULL;
  const char *uid = i_cal_component_get_uid (event);
  const char *summary = i_cal_component_get_summary (event);
  const char *location = i_cal_component_get_location (event);
  const char *description = i_cal_component_get_description (event);
  const char *shown = summary != NULL && *summary != '\0' ? summary : uid;
  MtEntity *existing;
  MtVisitKind kind = MT_VISIT_VISIT;
  gboolean has_kind, is_interview;
  Plan *plan;
  gint64 start, end;

  /* what libical would make of the text is not what the file says */
  if (lines->bad_text != NULL)
    {
      report (import, lines->bad_text_line,
              _("%s holds a backslash that is not an iCalendar escape (\\\\, \\;, \\, or \\n); "
                "the event “%s” is left out rather than changed"),
              lines->bad_text, shown && g_utf8_validate (shown, -1, NULL) ? shown
                               : uid && g_utf8_validate (uid, -1, NULL) ? uid : "");
      return;
    }
  if ((uid && !g_utf8_validate (uid, -1, NULL)) || (summary && !g_utf8_validate (summary, -1, NULL)) ||
      (location && !g_utf8_validate (location, -1, NULL)) ||
      (description && !g_utf8_validate (description, -1, NULL)))
    {
      report (import, lines->begin_line,
              _("the calendar library read text that is not UTF-8 from this event; it is left out"));
      return;
    }
  /* iCalendar text holds no control characters (but newline and tab): an
   * export would have to drop them */
  {
    const char *names[] = { "UID", "SUMMARY", "LOCATION", "DESCRIPTION" };
    const char *values[] = { uid, summary, location, description };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      if (values[i] != NULL && mt_text_find_control (values[i]) != 0)
        {
          report (import, line_of (lines, names[i]),
                  _("%s holds a control character (U+%04X) that iCalendar text cannot hold; the event is left out"),
                  names[i], mt_text_find_control (values[i]));
          return;
        }
  }
  if (!g_hash_table_contains (lines->lines, "DTSTART"))
    {
      report (import, lines->begin_line, _("the event “%s” has no start time; it is left out"), shown ? shown : "");
      return;
    }
  if (g_hash_table_contains (lines->lines, "RECURRENCE-ID"))
    {
      report (import, line_of (lines, "RECURRENCE-ID"),
              _("the event “%s” changes one occurrence of a repeating event; it is left out"), shown ? shown : "");
      return;
    }
  if (g_hash_table_contains (lines->lines, "RRULE") || g_hash_table_contains (lines->lines, "RDATE"))
    {
      report (import, line_of (lines, g_hash_table_contains (lines->lines, "RRULE") ? "RRULE" : "RDATE"),
              _("the event “%s” repeats; only single events become visits, it is left out"), shown ? shown : "");
      return;
    }

  switch (to_wall_time (import, event, I_CAL_DTSTART_PROPERTY, &start))
    {
    case TIME_IS_DATE:
      report (import, line_of (lines, "DTSTART"),
              _("the event “%s” lasts all day; only events with times become visits, it is left out"),
              shown ? shown : "");
      return;
    case TIME_UNKNOWN_ZONE:
      report (import, line_of (lines, "DTSTART"),
              _("the time zone “%s” of “%s” is not defined in the file; it is left out"),
              tzid_of (event, I_CAL_DTSTART_PROPERTY), shown ? shown : "");
      return;
    case TIME_UNREADABLE:
      report (import, line_of (lines, "DTSTART"),
              _("the start of “%s” cannot be read as a time; it is left out"), shown ? shown : "");
      return;
    case TIME_OK:
    default:
      break;
    }

  end = start;
  if (g_hash_table_contains (lines->lines, "DTEND"))
    {
      if (to_wall_time (import, event, I_CAL_DTEND_PROPERTY, &end) != TIME_OK)
        {
          report (import, line_of (lines, "DTEND"),
                  _("the end of “%s” cannot be read as a time; it is left out"), shown ? shown : "");
          return;
        }
    }
  else if (g_hash_table_contains (lines->lines, "DURATION"))
    {
      g_autoptr(ICalProperty) property = i_cal_component_get_first_property (event, I_CAL_DURATION_PROPERTY);
      g_autoptr(ICalDuration) duration = i_cal_property_get_duration (property);

      end = start + _mt_ical_duration_seconds (duration);
    }
  if (!in_tour_years (import, lines, start, "DTSTART", shown) ||
      !in_tour_years (import, lines, end, g_hash_table_contains (lines->lines, "DTEND") ? "DTEND" : "DURATION", shown))
    return;
  if (end < start)
    {
      report (import, line_of (lines, g_hash_table_contains (lines->lines, "DTEND") ? "DTEND" : "DURATION"),
              _("the event “%s” ends before it starts; it is left out"), shown ? shown : "");
      return;
    }

  if (uid == NULL || *uid == '\0')
    {
      char start_text[MT_WALL_TIME_BUF_SIZE];

      /* no UID: the same event gets the same id from its title and start */
      mt_wall_time_format_buf (start, start_text);
      uid = derived_uid = g_strdup_printf ("%s/%s", summary ? summary : "", start_text);
    }
  id = mt_ical_id_for_uid (uid);

  if (g_hash_table_contains (import->seen, id))
    {
      report (import, line_of (lines, "UID"),
              _("a second event with the UID “%s”; only the first is imported"), uid);
      return;
    }
  g_hash_table_add (import->seen, g_strdup (id));

  has_kind = kind_from_categories (event, &kind, &is_interview);
  existing = mt_tour_lookup (import->tour, id);
  if (existing != NULL && MT_IS_INTERVIEW (existing))
    {
      /* interviews are planned in the planner: their times and status
       * are what an event of theirs changes */
      plan = plan_new (import, event, lines, &id, start, end);
      plan->interview = MT_INTERVIEW (existing);
      plan->interview_status = mt_interview_get_status (plan->interview);
      if (g_hash_table_contains (lines->lines, "STATUS"))
        switch (i_cal_component_get_status (event))
          {
          case I_CAL_STATUS_TENTATIVE: plan->interview_status = MT_INTERVIEW_REQUESTED; break;
          case I_CAL_STATUS_CANCELLED: plan->interview_status = MT_INTERVIEW_DECLINED; break;
          default:
            /* one that took place is still confirmed */
            if (plan->interview_status != MT_INTERVIEW_DONE)
              plan->interview_status = MT_INTERVIEW_CONFIRMED;
            break;
          }
      return;
    }
  if (existing != NULL && !MT_IS_VISIT (existing))
    {
      report (import, line_of (lines, "UID"),
              _("the UID of “%s” belongs to an item of the tour that is not a visit; it is left out"),
              shown ? shown : "");
      return;
    }
  if (existing == NULL && is_interview && g_str_has_suffix (uid, MT_ICAL_UID_SUFFIX))
    {
      report (import, lines->begin_line,
              _("“%s” is an interview of a tour that has no such interview; it is left out"),
              shown ? shown : "");
      return;
    }

  plan = plan_new (import, event, lines, &id, start, end);
  plan->visit = existing ? MT_VISIT (existing) : NULL;
  plan->title = g_strdup (summary);
  plan->kind = kind;
  plan->has_kind = has_kind;
  /* without STATUS, a visit keeps the status it has */
  if (!g_hash_table_contains (lines->lines, "STATUS"))
    plan->status = existing ? mt_visit_get_status (MT_VISIT (existing)) : MT_VISIT_CONFIRMED;
  else
    switch (i_cal_component_get_status (event))
      {
      case I_CAL_STATUS_TENTATIVE: plan->status = MT_VISIT_TENTATIVE; break;
      case I_CAL_STATUS_CANCELLED: plan->status = MT_VISIT_CANCELLED; break;
      default: plan->status = MT_VISIT_CONFIRMED; break;
      }

  plan_text_fields (import, plan, lines, uid, description, shown);
  if (location != NULL && *location != '\0')
    {
      MtSite *site = find_site (import, location);

      if (site != NULL)
        plan->site_id = g_strdup (mt_entity_get_id (MT_ENTITY (site)));
      else if (plan->has_notes && (existing == NULL || mt_visit_get_site (MT_VISIT (existing)) == NULL))
        {
          g_autofree char *notes = g_steal_pointer (&plan->notes);

          remark (import, line_of (lines, "LOCATION"),
                  _("no site of the tour is “%s”; the visit “%s” has no site, the location is kept in its notes"),
                  location, shown ? shown : "");
          plan->notes = g_strdup_printf ("%s\n%s", location, notes ? notes : "");
        }
      else
        remark (import, line_of (lines, "LOCATION"),
                _("no site of the tour is “%s”; the visit “%s” keeps its site"),
                location, shown ? shown : "");
    }
}

static void
clear_zone (gpointer zone)
{
  g_clear_object (&zone);
}

/* Reads one VEVENT with libical and plans what it does to the tour */
static gboolean
plan_range (Import       *import,
            const char   *data,
            const Range  *range,
            const char   *name,
            GError      **error)
{
  g_autoptr(ICalParser) parser = i_cal_parser_new ();
  g_autoptr(ICalComponent) event = NULL;
  EventLines lines = { range->line, NULL };

  lines.lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  event = _mt_ical_parse_range (parser, data, range, &lines);
  if (event == NULL || i_cal_component_isa (event) != I_CAL_VEVENT_COMPONENT)
    {
      g_hash_table_unref (lines.lines);
      g_clear_pointer (&lines.x_values, g_hash_table_unref);
      g_set_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_SYNTAX,
                   _("%s: line %u: the calendar library cannot read the event that begins here"),
                   name, range->line);
      return FALSE;
    }
  plan_event (import, event, &lines);
  g_hash_table_unref (lines.lines);
  g_clear_pointer (&lines.x_values, g_hash_table_unref);
  return TRUE;
}

/**
 * mt_ical_import_data:
 * @name: names the data in messages (the file's name)
 *
 * Reads the events of an iCalendar file into @tour as visits. Returns
 * %FALSE, with @error set and the tour unchanged, where the file is broken.
 */
gboolean
mt_ical_import_data (MtTour        *tour,
                     const char    *data,
                     gsize          length,
                     const char    *name,
                     const char    *group_id,
                     MtIcalImport  *result,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  MtIcalImport ignored = { 0, };
  Scan scan = { 0, };
  Import import = { 0, };
  const char *bad = NULL;
  const char *nul;
  gboolean ok = FALSE;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (group_id == NULL || mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, group_id) != NULL, FALSE);

  if (result == NULL)
    result = &ignored;
  memset (result, 0, sizeof *result);
  result->problems = g_ptr_array_new_with_free_func (g_free);
  result->notes = g_ptr_array_new_with_free_func (g_free);
  name = name ? name : _("The calendar");

  if (length > MT_ICAL_MAX_FILE_SIZE)
    {
      /* Translators: sizes in MiB (1024 × 1024 bytes), the first rounded up */
      g_set_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_TOO_LARGE,
                   _("%s: the file is %u MiB; a calendar to import may be at most %d MiB"),
                   name, (guint) ((length + (1 << 20) - 1) >> 20), MT_ICAL_MAX_FILE_SIZE >> 20);
      goto out;
    }
  /* a byte order mark, as some programs write before UTF-8 text */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  nul = length > 0 ? memchr (data, '\0', length) : NULL;
  if (nul != NULL || (length > 0 && !g_utf8_validate_len (data, length, &bad)))
    {
      guint line = 1;

      bad = nul != NULL ? nul : bad;
      for (const char *p = data; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_SYNTAX,
                   _("%s: line %u: the text is not UTF-8"), name, line);
      goto out;
    }

  _mt_ical_scan_init (&scan);
  if (!_mt_ical_scan_file (&scan, data, length, &local_error))
    {
      g_set_error (error, MT_ICAL_ERROR, local_error->code, "%s: %s", name, local_error->message);
      goto out;
    }

  import.tour = tour;
  import.zone = mt_tour_get_zone (tour);
  import.found_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, clear_zone);
  import.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.plans = g_ptr_array_new_with_free_func ((GDestroyNotify) _mt_ical_plan_free);
  import.problems = result->problems;
  import.notes = result->notes;
  index_sites (&import);

  /* libical reads the zones, then one event at a time, each freed once
   * planned: its memory holds one event, not the file */
  import.zones = _mt_ical_parse_zones (data, &scan);
  for (guint i = 0; i < scan.events->len; i++)
    if (!plan_range (&import, data, &g_array_index (scan.events, Range, i), name, error))
      goto out;

  _mt_ical_apply_plans (tour, import.plans, group_id, result);
  result->n_left_out = result->problems->len;
  ok = TRUE;

out:
  _mt_ical_scan_clear (&scan);
  g_clear_object (&import.zones);
  g_clear_pointer (&import.found_zones, g_hash_table_unref);
  g_clear_pointer (&import.sites, g_hash_table_unref);
  g_clear_pointer (&import.seen, g_hash_table_unref);
  g_clear_pointer (&import.plans, g_ptr_array_unref);
  if (!ok)
    {
      g_ptr_array_set_size (result->problems, 0);
      g_ptr_array_set_size (result->notes, 0);
    }
  mt_ical_import_clear (&ignored);
  return ok;
}

gboolean
mt_ical_import_file (MtTour        *tour,
                     GFile         *file,
                     const char    *group_id,
                     MtIcalImport  *result,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (result != NULL)
    memset (result, 0, sizeof *result);
  name = g_file_get_basename (file);
  if (!mt_file_load_contents (file, MT_ICAL_MAX_FILE_SIZE, &data, &length, cancellable, error))
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }
  return mt_ical_import_data (tour, data, length, name, group_id, result, error);
}

void
mt_ical_import_clear (MtIcalImport *result)
{
  g_return_if_fail (result != NULL);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->notes, g_ptr_array_unref);
}
