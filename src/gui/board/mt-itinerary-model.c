/* mt-itinerary-model.c: what the itinerary shows, decided without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-itinerary-model"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mt-itinerary-model.h"

char *
mt_itinerary_format_time_range (gint64 start,
                                gint64 end)
{
  int sh, sm, eh, em;
  gint64 days;

  if (start == MT_TIME_UNSET)
    return g_strdup ("");

  mt_wall_time_split (start, NULL, NULL, NULL, &sh, &sm, NULL);
  if (end == MT_TIME_UNSET)
    return g_strdup_printf ("%02d:%02d", sh, sm);

  mt_wall_time_split (end, NULL, NULL, NULL, &eh, &em, NULL);
  days = (mt_wall_time_day_start (end) - mt_wall_time_day_start (start)) / MT_SECONDS_PER_DAY;
  /* an end at midnight belongs to the day before */
  if (days == 1 && eh == 0 && em == 0 && end > start)
    return g_strdup_printf ("%02d:%02d – 24:00", sh, sm);
  if (days > 0)
    /* Translators: a time range that ends %d days later, "22:00 – 01:00 (+1)" */
    return g_strdup_printf (_("%02d:%02d – %02d:%02d (+%d)"), sh, sm, eh, em, (int) days);

  return g_strdup_printf ("%02d:%02d – %02d:%02d", sh, sm, eh, em);
}

gboolean
mt_itinerary_parse_clock (const char *text,
                          gboolean    allow_midnight_end,
                          int        *out_minutes)
{
  g_autofree char *stripped = NULL;
  guint64 hours = 0, minutes = 0;
  char *colon;
  gsize length;

  g_return_val_if_fail (out_minutes != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  length = strlen (stripped);
  if (length == 0)
    return FALSE;

  if ((colon = strchr (stripped, ':')) != NULL)
    {
      *colon = '\0';
      if (strlen (stripped) < 1 || strlen (stripped) > 2 || strlen (colon + 1) != 2
          || !g_ascii_string_to_unsigned (stripped, 10, 0, 99, &hours, NULL)
          || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 99, &minutes, NULL))
        return FALSE;
    }
  else if (length <= 2)
    {
      if (!g_ascii_string_to_unsigned (stripped, 10, 0, 99, &hours, NULL))
        return FALSE;
    }
  else if (length == 3 || length == 4)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (stripped, 10, 0, 9999, &value, NULL))
        return FALSE;
      hours = value / 100;
      minutes = value % 100;
    }
  else
    return FALSE;

  if (minutes > 59 || hours > 24 || (hours == 24 && (minutes > 0 || !allow_midnight_end)))
    return FALSE;
  *out_minutes = (int) (hours * 60 + minutes);
  return TRUE;
}

char *
mt_itinerary_format_clock (gint64 time)
{
  int hour, minute;

  if (time == MT_TIME_UNSET)
    return g_strdup ("");
  mt_wall_time_split (time, NULL, NULL, NULL, &hour, &minute, NULL);
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

char *
mt_itinerary_day_title (int day_index)
{
  /* Translators: the title of a column of the itinerary, "Day 1" */
  return g_strdup_printf (_("Day %d"), day_index + 1);
}

char *
mt_itinerary_day_date (MtTour *tour,
                       int     day_index)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  mt_wall_time_split (mt_tour_get_day_start (tour, day_index), &year, &month, &day,
                      NULL, NULL, NULL);
  date = g_date_time_new_utc (year, month, day, 12, 0, 0);
  /* Translators: a day's date in a column header, see g_date_time_format();
   * "Tuesday, 14 May" */
  return g_date_time_format (date, _("%A, %-d %B"));
}

static MtCity *
visit_city (MtTour  *tour,
            MtVisit *visit,
            MtSite **out_site)
{
  MtSite *site = NULL;
  MtCity *city = NULL;

  if (mt_visit_get_site (visit) != NULL)
    site = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_visit_get_site (visit));
  if (site != NULL && mt_site_get_city (site) != NULL)
    city = mt_tour_lookup_kind (tour, MT_ENTITY_CITY, mt_site_get_city (site));
  if (out_site != NULL)
    *out_site = site;
  return city;
}

static int
compare_visits (gconstpointer a,
                gconstpointer b)
{
  MtVisit *va = *(MtVisit **) a;
  MtVisit *vb = *(MtVisit **) b;
  gint64 sa = mt_visit_get_start (va), sb = mt_visit_get_start (vb);
  gint64 ea = mt_visit_get_end (va), eb = mt_visit_get_end (vb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (ea != eb)
    return ea < eb ? -1 : 1;
  return g_strcmp0 (mt_entity_get_id (MT_ENTITY (va)), mt_entity_get_id (MT_ENTITY (vb)));
}

GPtrArray *
mt_itinerary_dup_day_visits (MtTour *tour,
                             int     day_index)
{
  GListModel *visits;
  GPtrArray *result;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  visits = mt_tour_get_visits (tour);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);
      gint64 start = mt_visit_get_start (visit);

      if (start != MT_TIME_UNSET && mt_tour_get_day_index (tour, start) == day_index)
        g_ptr_array_add (result, g_steal_pointer (&visit));
    }
  g_ptr_array_sort (result, compare_visits);
  return result;
}

char *
mt_itinerary_day_cities (MtTour *tour,
                         int     day_index)
{
  g_autoptr(GPtrArray) visits = mt_itinerary_dup_day_visits (tour, day_index);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < visits->len; i++)
    {
      MtCity *city = visit_city (tour, g_ptr_array_index (visits, i), NULL);
      const char *name;
      gboolean seen = FALSE;

      if (city == NULL || (name = mt_city_get_name (city)) == NULL)
        continue;
      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (names, j), name);
      if (!seen)
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" · ", (char **) names->pdata);
}

char *
mt_itinerary_visit_place (MtTour  *tour,
                          MtVisit *visit)
{
  MtSite *site = NULL;
  MtCity *city;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (MT_IS_VISIT (visit), NULL);

  city = visit_city (tour, visit, &site);
  if (site == NULL || mt_site_get_name (site) == NULL)
    return g_strdup ("");
  if (city == NULL || mt_city_get_name (city) == NULL)
    return g_strdup (mt_site_get_name (site));
  return g_strdup_printf ("%s · %s", mt_site_get_name (site), mt_city_get_name (city));
}

const char *
mt_itinerary_visit_kind_icon (MtVisitKind kind)
{
  switch (kind)
    {
    case MT_VISIT_BRIEFING:
      return "x-office-presentation-symbolic";
    case MT_VISIT_PRESS_CONFERENCE:
      return "audio-input-microphone-symbolic";
    case MT_VISIT_MEAL:
      return "emoji-food-symbolic";
    case MT_VISIT_TRANSFER:
      return "emoji-travel-symbolic";
    case MT_VISIT_FREE_TIME:
      return "weather-clear-symbolic";
    case MT_VISIT_VISIT:
    default:
      return "mark-location-symbolic";
    }
}

const char *
mt_itinerary_visit_kind_label (MtVisitKind kind)
{
  switch (kind)
    {
    case MT_VISIT_BRIEFING:
      return _("Briefing");
    case MT_VISIT_PRESS_CONFERENCE:
      return _("Press conference");
    case MT_VISIT_MEAL:
      return _("Meal");
    case MT_VISIT_TRANSFER:
      return _("Transfer");
    case MT_VISIT_FREE_TIME:
      return _("Free time");
    case MT_VISIT_VISIT:
    default:
      return _("Visit");
    }
}

const char *
mt_itinerary_visit_status_label (MtVisitStatus status)
{
  switch (status)
    {
    case MT_VISIT_TENTATIVE:
      return _("Tentative");
    case MT_VISIT_CANCELLED:
      return _("Cancelled");
    case MT_VISIT_CONFIRMED:
    default:
      return _("Confirmed");
    }
}

const char *
mt_itinerary_visit_status_class (MtVisitStatus status)
{
  switch (status)
    {
    case MT_VISIT_TENTATIVE:
      return "tentative";
    case MT_VISIT_CANCELLED:
      return "cancelled";
    case MT_VISIT_CONFIRMED:
    default:
      return "confirmed";
    }
}

char *
mt_itinerary_group_class (const char *group_id)
{
  GString *class = g_string_new ("group-");

  for (const char *p = group_id ? group_id : ""; *p; p++)
    g_string_append_c (class, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');
  return g_string_free (class, FALSE);
}

static gboolean
parse_color (const char *color,
             guint      *r,
             guint      *g,
             guint      *b)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  *r = g_ascii_xdigit_value (color[1]) * 16 + g_ascii_xdigit_value (color[2]);
  *g = g_ascii_xdigit_value (color[3]) * 16 + g_ascii_xdigit_value (color[4]);
  *b = g_ascii_xdigit_value (color[5]) * 16 + g_ascii_xdigit_value (color[6]);
  return TRUE;
}

static double
channel_luminance (guint c)
{
  double v = c / 255.0;

  return v <= 0.03928 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

char *
mt_itinerary_group_css (MtTour *tour)
{
  GListModel *groups;
  GString *css = g_string_new (NULL);

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  groups = mt_tour_get_groups (tour);
  for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
    {
      g_autoptr(MtGroup) group = g_list_model_get_item (groups, i);
      g_autofree char *class = mt_itinerary_group_class (mt_entity_get_id (MT_ENTITY (group)));
      guint r = 0x9a, g = 0x99, b = 0x96;
      double luminance;

      parse_color (mt_group_get_color (group), &r, &g, &b);
      luminance = 0.2126 * channel_luminance (r) + 0.7152 * channel_luminance (g)
                  + 0.0722 * channel_luminance (b);
      g_string_append_printf (css, ".%s { background-color: #%02x%02x%02x; color: %s; }\n",
                              class, r, g, b, luminance > 0.4 ? "rgba(0,0,0,0.8)" : "white");
    }
  return g_string_free (css, FALSE);
}

void
mt_itinerary_assign_lanes (const MtTimeSpan *spans,
                           guint             n_spans,
                           gint64            min_length,
                           MtLane           *lanes)
{
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint cluster_start = 0;
  gint64 cluster_end = G_MININT64;

  for (guint i = 0; i <= n_spans; i++)
    {
      gint64 start = 0, end = 0;
      guint lane;

      if (i < n_spans)
        {
          start = spans[i].start;
          end = spans[i].end;
          if (end == MT_TIME_UNSET || end - start < min_length)
            end = start + min_length;
        }

      /* a span that starts after everything so far ended closes the cluster */
      if (i == n_spans || start >= cluster_end)
        {
          for (guint j = cluster_start; j < i; j++)
            lanes[j].n_lanes = lane_ends->len;
          if (i == n_spans)
            break;
          g_array_set_size (lane_ends, 0);
          cluster_start = i;
        }

      for (lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, gint64, lane) <= start)
          break;
      if (lane == lane_ends->len)
        g_array_append_val (lane_ends, end);
      else
        g_array_index (lane_ends, gint64, lane) = end;
      lanes[i].lane = lane;
      cluster_end = (i == cluster_start) ? end : MAX (cluster_end, end);
    }
}

gint64
mt_itinerary_drop_start (gint64            day_start,
                         gint64            old_start,
                         gint64            length,
                         MtDropPlace       place,
                         const MtTimeSpan *target)
{
  switch (place)
    {
    case MT_DROP_BEFORE:
      g_return_val_if_fail (target != NULL, old_start);
      return target->start - MAX (length, 0);
    case MT_DROP_AFTER:
      g_return_val_if_fail (target != NULL, old_start);
      return target->end != MT_TIME_UNSET ? target->end : target->start;
    case MT_DROP_KEEP_TIME:
    default:
      return day_start + (old_start - mt_wall_time_day_start (old_start));
    }
}

gint64
mt_itinerary_snap_time (gint64 day_start,
                        double hours,
                        gint64 snap)
{
  gint64 seconds;

  hours = CLAMP (hours, 0.0, 24.0);
  seconds = (gint64) round (hours * 3600.0 / snap) * snap;
  return day_start + MIN (seconds, MT_SECONDS_PER_DAY - snap);
}

double
mt_itinerary_distance_km (double lat1,
                          double lon1,
                          double lat2,
                          double lon2)
{
  const double earth_radius_km = 6371.0;
  double p1 = lat1 * G_PI / 180.0, p2 = lat2 * G_PI / 180.0;
  double dp = p2 - p1, dl = (lon2 - lon1) * G_PI / 180.0;
  double a = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);

  return 2 * earth_radius_km * atan2 (sqrt (a), sqrt (1 - a));
}

int
mt_itinerary_travel_minutes (double lat1,
                             double lon1,
                             double lat2,
                             double lon2,
                             double road_factor,
                             double speed_kmh)
{
  if ((lat1 == 0 && lon1 == 0) || (lat2 == 0 && lon2 == 0) || speed_kmh <= 0)
    return -1;
  return (int) ceil (mt_itinerary_distance_km (lat1, lon1, lat2, lon2) * road_factor
                     / speed_kmh * 60.0);
}

static gint64
next_quarter (gint64 time)
{
  return (time + 899) / 900 * 900;
}

gint64
mt_itinerary_free_start (MtTour *tour,
                         int     day_index,
                         gint64  length)
{
  g_autoptr(GPtrArray) visits = NULL;
  gint64 day_start, start;

  g_return_val_if_fail (MT_IS_TOUR (tour), MT_TIME_UNSET);

  visits = mt_itinerary_dup_day_visits (tour, day_index);
  day_start = mt_tour_get_day_start (tour, day_index);
  start = day_start + 9 * 3600;
  for (guint i = 0; i < visits->len; i++)
    {
      MtVisit *visit = g_ptr_array_index (visits, i);
      gint64 visit_start = mt_visit_get_start (visit);
      gint64 visit_end = mt_visit_get_end (visit) != MT_TIME_UNSET ? mt_visit_get_end (visit) : visit_start;

      if (mt_visit_get_status (visit) == MT_VISIT_CANCELLED)
        continue;
      /* the gap before this visit holds the new one */
      if (visit_start >= start + length)
        break;
      if (visit_end > start)
        start = next_quarter (visit_end);
    }
  /* and it ends within the day */
  return MIN (start, day_start + MT_SECONDS_PER_DAY - length);
}
