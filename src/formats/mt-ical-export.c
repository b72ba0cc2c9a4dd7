/* mt-ical-export.c: writing the tour as an iCalendar file
 *
 * The events are written straight into one buffer, each content line folded
 * at 75 octets on a character boundary, with a VTIMEZONE of the tour's zone
 * over the dates the events span (mt-ical-zone.c); libical-glib reads every
 * file back in the tests. Building a libical component tree first and
 * serialising it took over two seconds for 100 000 events; writing the
 * lines directly takes a tenth of that.
 *
 * The calendar names itself by RFC 7986 (NAME, DESCRIPTION, a COLOR for a
 * group's or a delegate's, and REFRESH-INTERVAL, which the published feeds
 * need), and by the older X-WR-CALNAME and X-PUBLISHED-TTL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-ical"

#include "config.h"

#include <glib/gi18n-lib.h>
#include "mt-ical-private.h"
#include <string.h>

#include "mt-file-io.h"
#include "mt-ical.h"
#include "mt-ical-out-private.h"
#include "mt-wall-time.h"

#define FOLD_OCTETS 75

typedef struct
{
  MtTour     *tour;
  GString    *out;
  GString    *line;
  GString    *scratch;
  GString    *stamp;               /* the last DTSTAMP written */
  gint64      stamp_seconds;
  GHashTable *interviews_of_visit; /* visit id → GPtrArray of MtInterview */
  const char *tzid;                /* NULL: the tour runs on UTC */
} Writer;

/* Appends @line to the output as one content line, folded so that no
 * physical line is longer than 75 octets and no UTF-8 sequence is split. */
static void
put_line (Writer *w)
{
  const char *s = w->line->str;
  gsize len = w->line->len, pos = 0, limit = FOLD_OCTETS;

  while (len - pos > limit)
    {
      gsize cut = pos + limit;

      while (cut > pos && ((guchar) s[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (w->out, s + pos, cut - pos);
      g_string_append_len (w->out, "\r\n ", 3);
      pos = cut;
      limit = FOLD_OCTETS - 1; /* the space that starts a folded line counts */
    }
  g_string_append_len (w->out, s + pos, len - pos);
  g_string_append_len (w->out, "\r\n", 2);
  g_string_truncate (w->line, 0);
}

/* TEXT values (RFC 5545, 3.3.11): backslash, semicolon, comma and newline
 * are escaped; tab is kept; other control characters cannot appear and are
 * dropped (the import refuses them). */
static void
append_escaped (GString    *line,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '\\': g_string_append_len (line, "\\\\", 2); break;
        case ';': g_string_append_len (line, "\\;", 2); break;
        case ',': g_string_append_len (line, "\\,", 2); break;
        case '\n': g_string_append_len (line, "\\n", 2); break;
        case '\t': g_string_append_c (line, '\t'); break;
        default:
          if (c >= 0x20 && c != 0x7f)
            g_string_append_c (line, (char) c);
        }
    }
}

static void
put_text (Writer     *w,
          const char *name,
          const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (w->line, name);
  g_string_append_c (w->line, ':');
  append_escaped (w->line, text);
  put_line (w);
}

static void
put_raw (Writer     *w,
         const char *name,
         const char *value)
{
  g_string_append (w->line, name);
  g_string_append_c (w->line, ':');
  g_string_append (w->line, value);
  put_line (w);
}

static void
append_digits (GString *line,
               int      value,
               guint    width)
{
  char digits[12];

  for (guint i = width; i-- > 0;)
    {
      digits[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  g_string_append_len (line, digits, width);
}

static void
append_uint (GString *line,
             guint    value)
{
  char digits[12];
  guint n = 0;

  do
    {
      digits[sizeof digits - ++n] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  g_string_append_len (line, digits + sizeof digits - n, n);
}

/* "20240514T090000", without printf: it is written twice per event */
static void
append_date_time (GString *line,
                  int      year,
                  int      month,
                  int      day,
                  int      hour,
                  int      minute,
                  int      second)
{
  append_digits (line, year, 4);
  append_digits (line, month, 2);
  append_digits (line, day, 2);
  g_string_append_c (line, 'T');
  append_digits (line, hour, 2);
  append_digits (line, minute, 2);
  append_digits (line, second, 2);
}

static void
put_wall_time (Writer     *w,
               const char *name,
               gint64      wall)
{
  int year, month, day, hour, minute, second;

  mt_wall_time_split (wall, &year, &month, &day, &hour, &minute, &second);
  g_string_append (w->line, name);
  if (w->tzid != NULL)
    {
      g_string_append (w->line, ";TZID=");
      g_string_append (w->line, w->tzid);
    }
  g_string_append_c (w->line, ':');
  append_date_time (w->line, year, month, day, hour, minute, second);
  if (w->tzid == NULL)
    g_string_append_c (w->line, 'Z');
  put_line (w);
}

static void
put_utc_stamp (Writer     *w,
               const char *name,
               gint64      usec)
{
  /* most entities share a few stamps: keep the last one made */
  if (usec / G_USEC_PER_SEC != w->stamp_seconds)
    {
      g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

      g_string_truncate (w->stamp, 0);
      append_date_time (w->stamp, g_date_time_get_year (date_time), g_date_time_get_month (date_time),
                        g_date_time_get_day_of_month (date_time), g_date_time_get_hour (date_time),
                        g_date_time_get_minute (date_time), g_date_time_get_second (date_time));
      g_string_append_c (w->stamp, 'Z');
      w->stamp_seconds = usec / G_USEC_PER_SEC;
    }
  g_string_append (w->line, name);
  g_string_append_c (w->line, ':');
  g_string_append_len (w->line, w->stamp->str, w->stamp->len);
  put_line (w);
}

/* "Name (本地名), address" */
static void
append_site_location (GString *text,
                      MtSite  *site)
{
  const char *local = mt_site_get_local_name (site);
  const char *address = mt_site_get_address (site);

  g_string_append (text, mt_site_get_name (site) ? mt_site_get_name (site) : "");
  if (local != NULL && *local != '\0')
    g_string_append_printf (text, " (%s)", local);
  if (address != NULL && *address != '\0')
    g_string_append_printf (text, ", %s", address);
}

/* LOCATION (after @room, a room of the site, where not NULL) and GEO */
static void
put_site (Writer     *w,
          MtSite     *site,
          const char *room)
{
  double latitude, longitude;

  if (site == NULL)
    return;

  g_string_truncate (w->scratch, 0);
  if (room != NULL && *room != '\0')
    g_string_append_printf (w->scratch, "%s, ", room);
  append_site_location (w->scratch, site);
  put_text (w, "LOCATION", w->scratch->str);

  latitude = mt_site_get_latitude (site);
  longitude = mt_site_get_longitude (site);
  if (latitude == 0 && longitude == 0)
    {
      MtCity *city = mt_tour_lookup_kind (w->tour, MT_ENTITY_CITY, mt_site_get_city (site));

      if (city != NULL)
        {
          latitude = mt_city_get_latitude (city);
          longitude = mt_city_get_longitude (city);
        }
    }
  if (latitude != 0 || longitude != 0)
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (w->line, "GEO:%s;%s",
                              g_ascii_formatd (lat, sizeof lat, "%.6f", latitude),
                              g_ascii_formatd (lon, sizeof lon, "%.6f", longitude));
      put_line (w);
    }
}

static void
append_hour (GString *text,
             gint64   wall)
{
  int hour, minute;

  if (wall == MT_TIME_UNSET)
    return;
  mt_wall_time_split (wall, NULL, NULL, NULL, &hour, &minute, NULL);
  g_string_append_printf (text, "%02d:%02d", hour, minute);
}

/* "Wang Wei (Provincial TV), Li Na (Economic daily)" */
static void
append_delegates (GString     *text,
                  MtTour      *tour,
                  MtInterview *interview)
{
  const char * const *ids = mt_interview_get_delegates (interview);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, ids[i]);
      const char *outlet;

      if (delegate == NULL)
        continue;
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, mt_delegate_get_name (delegate) ? mt_delegate_get_name (delegate) : "");
      outlet = mt_delegate_get_outlet (delegate);
      if (outlet != NULL && *outlet != '\0')
        g_string_append_printf (text, " (%s)", outlet);
    }
}

/* "Chen Ming, Chief engineer, BYD" */
static void
append_interviewee (GString     *text,
                    MtInterview *interview)
{
  const char *parts[] = {
    mt_interview_get_interviewee (interview),
    mt_interview_get_interviewee_title (interview),
    mt_interview_get_organisation (interview),
  };
  gboolean first = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      {
        if (!first)
          g_string_append (text, ", ");
        g_string_append (text, parts[i]);
        first = FALSE;
      }
}

static void
append_notes (GString    *text,
              const char *notes)
{
  if (notes == NULL || *notes == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, notes);
}

/* "Contact on site: Ms Zhou, +86 20 …" */
static void
append_contact (GString *text,
                MtSite  *site)
{
  const char *contact = site != NULL ? mt_site_get_contact (site) : NULL;

  if (contact == NULL || *contact == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, "\n\n");
  /* Translators: in a calendar event, who to call at the site */
  g_string_append_printf (text, _("Contact on site: %s"), contact);
}

static void
put_visit_description (Writer  *w,
                       MtVisit *visit)
{
  GString *text = w->scratch;
  const char * const *speakers = mt_visit_get_speakers (visit);
  const char * const *groups = mt_visit_get_groups (visit);
  GPtrArray *interviews;

  g_string_truncate (text, 0);
  if (speakers != NULL && speakers[0] != NULL)
    {
      g_string_append (text, _("Speakers:"));
      for (guint i = 0; speakers[i] != NULL; i++)
        g_string_append_printf (text, "\n• %s", speakers[i]);
    }

  interviews = g_hash_table_lookup (w->interviews_of_visit, mt_entity_get_id (MT_ENTITY (visit)));
  if (interviews != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, _("Interviews:"));
      for (guint i = 0; i < interviews->len; i++)
        {
          MtInterview *interview = g_ptr_array_index (interviews, i);

          g_string_append (text, "\n• ");
          append_hour (text, mt_interview_get_start (interview));
          g_string_append_c (text, ' ');
          append_interviewee (text, interview);
          if (mt_interview_get_delegates (interview) != NULL)
            {
              g_string_append (text, " — ");
              append_delegates (text, w->tour, interview);
            }
        }
    }

  if (text->len > 0)
    g_string_append (text, "\n\n");
  if (groups == NULL || groups[0] == NULL)
    g_string_append (text, _("For the whole delegation"));
  else
    {
      g_string_append (text, _("Groups:"));
      for (guint i = 0; groups[i] != NULL; i++)
        {
          MtGroup *group = mt_tour_lookup_kind (w->tour, MT_ENTITY_GROUP, groups[i]);

          g_string_append (text, i == 0 ? " " : ", ");
          g_string_append (text, group && mt_group_get_name (group) ? mt_group_get_name (group) : groups[i]);
        }
    }

  append_contact (text, mt_tour_lookup_kind (w->tour, MT_ENTITY_SITE, mt_visit_get_site (visit)));
  append_notes (text, mt_visit_get_notes (visit));
  put_text (w, "DESCRIPTION", text->str);
}

static void
put_interview_description (Writer      *w,
                           MtInterview *interview,
                           MtSite      *site)
{
  GString *text = w->scratch;
  const char *language = mt_interview_get_language (interview);

  g_string_truncate (text, 0);
  append_interviewee (text, interview);
  if (mt_interview_get_delegates (interview) != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("With:"));
      g_string_append_c (text, ' ');
      append_delegates (text, w->tour, interview);
    }
  if (language != NULL && *language != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Language: %s"), language);
    }
  if (mt_interview_get_interpreter (interview))
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("An interpreter is needed"));
    }
  if (site != NULL)
    append_contact (text, site);
  append_notes (text, mt_interview_get_notes (interview));
  put_text (w, "DESCRIPTION", text->str);
}

static void
put_common (Writer   *w,
            MtEntity *entity)
{
  gint64 modified = mt_entity_get_modified (entity);

  g_string_append (w->line, "UID:");
  append_escaped (w->line, mt_entity_get_id (entity));
  g_string_append (w->line, MT_ICAL_UID_SUFFIX);
  put_line (w);

  /* Without METHOD, DTSTAMP is when the event was last revised. */
  put_utc_stamp (w, "DTSTAMP", modified > 0 ? modified : g_get_real_time ());
  if (modified > 0)
    put_utc_stamp (w, "LAST-MODIFIED", modified);
  g_string_append (w->line, "SEQUENCE:");
  append_uint (w->line, mt_entity_get_revision (entity));
  put_line (w);
}

static const char *
visit_status_value (MtVisitStatus status)
{
  switch (status)
    {
    case MT_VISIT_TENTATIVE: return "TENTATIVE";
    case MT_VISIT_CANCELLED: return "CANCELLED";
    case MT_VISIT_CONFIRMED:
    default: return "CONFIRMED";
    }
}

static const char *
interview_status_value (MtInterviewStatus status)
{
  switch (status)
    {
    case MT_INTERVIEW_REQUESTED: return "TENTATIVE";
    case MT_INTERVIEW_DECLINED: return "CANCELLED";
    case MT_INTERVIEW_CONFIRMED:
    case MT_INTERVIEW_DONE:
    default: return "CONFIRMED";
    }
}

static void
put_times (Writer *w,
           gint64  start,
           gint64  end)
{
  put_wall_time (w, "DTSTART", start);
  /* without DTEND an event with a time ends when it starts */
  if (end != MT_TIME_UNSET && end > start)
    put_wall_time (w, "DTEND", end);
}

/* What an import of the file takes back into the planner's fields, after
 * the DESCRIPTION (in w->scratch) was written: CATEGORIES in English
 * whatever the interface's language; where the notes begin in the
 * DESCRIPTION, after the lines written for the reader; a visit's groups
 * (ids) and speakers. */
static void
put_planner_fields (Writer   *w,
                    MtEntity *item)
{
  const char * const *groups = MT_IS_VISIT (item) ? mt_visit_get_groups (MT_VISIT (item)) : NULL;
  const char * const *speakers = MT_IS_VISIT (item) ? mt_visit_get_speakers (MT_VISIT (item)) : NULL;
  const char *notes = MT_IS_VISIT (item) ? mt_visit_get_notes (MT_VISIT (item))
                                         : mt_interview_get_notes (MT_INTERVIEW (item));
  gsize notes_at = w->scratch->len;
  const char * const *lists[] = { groups, speakers };
  const char *list_names[] = { "X-MEDIATOUR-GROUPS:", "X-MEDIATOUR-SPEAKERS:" };

  put_text (w, "CATEGORIES", MT_IS_VISIT (item) ? mt_visit_kind_to_name (mt_visit_get_visit_kind (MT_VISIT (item)))
                                                : MT_ICAL_INTERVIEW_CATEGORY);
  if (notes != NULL && *notes != '\0' && g_str_has_suffix (w->scratch->str, notes))
    notes_at -= strlen (notes);
  g_string_append_printf (w->line, "X-MEDIATOUR-NOTES-AT:%" G_GSIZE_FORMAT, notes_at);
  put_line (w);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      if (lists[l] == NULL || lists[l][0] == NULL)
        continue;
      g_string_append (w->line, list_names[l]);
      for (guint i = 0; lists[l][i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (w->line, ',');
          append_escaped (w->line, lists[l][i]);
        }
      put_line (w);
    }
}

static void
put_visit (Writer  *w,
           MtVisit *visit)
{
  put_raw (w, "BEGIN", "VEVENT");
  put_common (w, MT_ENTITY (visit));
  put_times (w, mt_visit_get_start (visit), mt_visit_get_end (visit));
  put_text (w, "SUMMARY", mt_visit_get_title (visit));
  put_site (w, mt_tour_lookup_kind (w->tour, MT_ENTITY_SITE, mt_visit_get_site (visit)), NULL);
  put_visit_description (w, visit);
  put_planner_fields (w, MT_ENTITY (visit));
  put_raw (w, "STATUS", visit_status_value (mt_visit_get_status (visit)));
  put_raw (w, "END", "VEVENT");
}

static void
put_interview (Writer      *w,
               MtInterview *interview)
{
  g_autofree char *summary = NULL;
  const char *location = mt_interview_get_location (interview);
  MtVisit *visit = mt_tour_lookup_kind (w->tour, MT_ENTITY_VISIT, mt_interview_get_visit (interview));
  MtSite *site = visit != NULL ? mt_tour_lookup_kind (w->tour, MT_ENTITY_SITE, mt_visit_get_site (visit)) : NULL;

  put_raw (w, "BEGIN", "VEVENT");
  put_common (w, MT_ENTITY (interview));
  put_times (w, mt_interview_get_start (interview), mt_interview_get_end (interview));
  /* Translators: an interview's title in a calendar, “%s” is the interviewee */
  summary = g_strdup_printf (_("Interview with %s"),
                             mt_interview_get_interviewee (interview) ? mt_interview_get_interviewee (interview) : "");
  put_text (w, "SUMMARY", summary);
  /* a location of its own is a room of its visit's site, where it has
   * one: the site's address and coordinates let a phone find it */
  if (site != NULL)
    put_site (w, site, location);
  else if (location != NULL && *location != '\0')
    put_text (w, "LOCATION", location);
  put_interview_description (w, interview, site);
  put_planner_fields (w, MT_ENTITY (interview));
  put_raw (w, "STATUS", interview_status_value (mt_interview_get_status (interview)));
  put_raw (w, "END", "VEVENT");
}

static gboolean
zone_is_utc (const char *name)
{
  return g_strcmp0 (name, "UTC") == 0 || g_strcmp0 (name, "Etc/UTC") == 0 ||
         g_strcmp0 (name, "GMT") == 0 || g_strcmp0 (name, "Etc/GMT") == 0 ||
         g_strcmp0 (name, "Etc/Zulu") == 0 || g_strcmp0 (name, "Zulu") == 0;
}

/* The wall-clock times the export spans: the tour's days and its items */
static void
get_span (MtTour    *tour,
          GPtrArray *items,
          gint64    *first,
          gint64    *last)
{
  *first = mt_tour_get_first_day (tour);
  *last = mt_tour_get_day_start (tour, (int) mt_tour_get_n_days (tour));
  for (guint i = 0; i < items->len; i++)
    {
      MtEntity *item = g_ptr_array_index (items, i);
      gint64 start = mt_ical_item_get_start (item), end = mt_ical_item_get_end (item);

      *first = MIN (*first, start);
      *last = MAX (*last, end != MT_TIME_UNSET ? end : start);
    }
}

/* NAME and DESCRIPTION (RFC 7986, and the older X-WR- names), how often a
 * subscribed calendar looks again, and the colour of a group's */
static void
put_calendar_names (Writer     *w,
                    const char *group_id,
                    const char *delegate_id)
{
  MtTour *tour = w->tour;
  const char *title = mt_tour_get_title (tour) ? mt_tour_get_title (tour) : "";
  const char *scope = mt_ical_scope_name (tour, group_id, delegate_id);
  g_autofree char *name = NULL, *description = NULL;
  MtGroup *group = NULL;
  const char *color;

  if (scope != NULL)
    /* Translators: a calendar's name: the tour's title and a group or delegate */
    name = g_strdup_printf (_("%s: %s"), title, scope);
  put_text (w, "NAME", name ? name : title);
  put_text (w, "X-WR-CALNAME", name ? name : title);

  if (delegate_id != NULL)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_id);

      group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, mt_delegate_get_group (delegate));
      /* Translators: a delegate's calendar: their name, the tour's title */
      description = g_strdup_printf (_("The personal itinerary of %s on “%s”: the visits of their group and their own interviews."),
                                     scope ? scope : "", title);
    }
  else if (group_id != NULL)
    {
      group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, group_id);
      /* Translators: a group's calendar: its name, the tour's title */
      description = g_strdup_printf (_("The itinerary of %s on “%s”."), scope ? scope : "", title);
    }
  else
    description = g_strdup (mt_tour_get_description (tour));
  put_text (w, "DESCRIPTION", description);
  put_text (w, "X-WR-CALDESC", description);

  /* subscribed, a phone asks again every hour */
  put_raw (w, "REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
  put_raw (w, "X-PUBLISHED-TTL", "PT1H");

  color = _mt_ical_color_name (group != NULL ? mt_group_get_color (group) : NULL);
  if (color != NULL)
    put_raw (w, "COLOR", color);
}

static void
index_interviews (Writer    *w,
                  GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      MtEntity *item = g_ptr_array_index (items, i);
      const char *visit_id;
      GPtrArray *list;

      if (!MT_IS_INTERVIEW (item))
        continue;
      visit_id = mt_interview_get_visit (MT_INTERVIEW (item));
      if (visit_id == NULL)
        continue;
      list = g_hash_table_lookup (w->interviews_of_visit, visit_id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (w->interviews_of_visit, (gpointer) visit_id, list);
        }
      g_ptr_array_add (list, item);
    }
}

/**
 * mt_ical_export_to_bytes:
 * @group_id: (nullable): export only this group's schedule
 * @delegate_id: (nullable): export only this delegate's schedule
 *
 * Returns: (transfer full): the iCalendar file, or %NULL with @error set
 */
GBytes *
mt_ical_export_to_bytes (MtTour      *tour,
                         const char  *group_id,
                         const char  *delegate_id,
                         GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *vtimezone = NULL;
  const char *zone_name;
  Writer w = { 0, };

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (group_id == NULL || delegate_id == NULL, NULL);

  items = mt_ical_select_items (tour, group_id, delegate_id, error);
  if (items == NULL)
    return NULL;

  zone_name = mt_tour_get_time_zone (tour);
  if (!zone_is_utc (zone_name))
    {
      gint64 first, last;

      get_span (tour, items, &first, &last);
      vtimezone = _mt_ical_zone_dup_vtimezone (zone_name, first, last, error);
      if (vtimezone == NULL)
        return NULL;
      w.tzid = zone_name;
    }

  w.tour = tour;
  w.out = g_string_sized_new (4096 + items->len * 640);
  w.line = g_string_sized_new (256);
  w.scratch = g_string_sized_new (256);
  w.stamp = g_string_new (NULL);
  w.stamp_seconds = G_MININT64;
  w.interviews_of_visit = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);
  index_interviews (&w, items);

  put_raw (&w, "BEGIN", "VCALENDAR");
  put_raw (&w, "VERSION", "2.0");
  put_raw (&w, "PRODID", "-//Media Tour Planner//mediatour " PACKAGE_VERSION "//EN");
  put_raw (&w, "CALSCALE", "GREGORIAN");
  put_calendar_names (&w, group_id, delegate_id);
  put_text (&w, "X-WR-TIMEZONE", zone_name);
  if (vtimezone != NULL)
    g_string_append (w.out, vtimezone);

  for (guint i = 0; i < items->len; i++)
    {
      MtEntity *item = g_ptr_array_index (items, i);

      if (MT_IS_VISIT (item))
        put_visit (&w, MT_VISIT (item));
      else
        put_interview (&w, MT_INTERVIEW (item));
    }
  put_raw (&w, "END", "VCALENDAR");

  g_string_free (w.line, TRUE);
  g_string_free (w.scratch, TRUE);
  g_string_free (w.stamp, TRUE);
  g_hash_table_unref (w.interviews_of_visit);
  return g_string_free_to_bytes (w.out);
}

gboolean
mt_ical_export_file (MtTour        *tour,
                     const char    *group_id,
                     const char    *delegate_id,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = mt_ical_export_to_bytes (tour, group_id, delegate_id, error);
  if (bytes == NULL)
    return FALSE;

  return mt_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), -1,
                                   cancellable, error);
}
