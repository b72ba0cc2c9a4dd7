/* mt-page-logic.c: what the pages, the search and the route show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-page-logic"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "mt-page-logic.h"

char *
mt_page_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *lower = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  lower = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_steal_pointer (&lower);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
folded_matches (const char *folded_query,
                const char *folded_text)
{
  g_auto(GStrv) words = g_strsplit_set (folded_query, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (folded_text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
mt_page_text_matches (const char *folded_query,
                      const char *text)
{
  g_autofree char *folded = NULL;

  if (folded_query == NULL || folded_query[0] == '\0')
    return TRUE;
  folded = mt_page_fold (text);
  return folded_matches (folded_query, folded);
}

gboolean
mt_page_delegate_matches (MtDelegate *delegate,
                          const char *folded_query)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (MT_IS_DELEGATE (delegate), FALSE);

  if (folded_query == NULL || folded_query[0] == '\0')
    return TRUE;
  text = g_strjoin ("\n",
                    mt_delegate_get_name (delegate) ? mt_delegate_get_name (delegate) : "",
                    mt_delegate_get_outlet (delegate) ? mt_delegate_get_outlet (delegate) : "",
                    mt_delegate_get_email (delegate) ? mt_delegate_get_email (delegate) : "",
                    NULL);
  return mt_page_text_matches (folded_query, text);
}

char *
mt_page_format_time (gint64 time)
{
  int hour, minute;

  if (time == MT_TIME_UNSET)
    return g_strdup ("");
  mt_wall_time_split (time, NULL, NULL, NULL, &hour, &minute, NULL);
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

char *
mt_page_format_day_span (MtTour *tour,
                         gint64  start,
                         gint64  end)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int day;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  if (start == MT_TIME_UNSET)
    return g_strdup ("");
  day = mt_tour_get_day_index (tour, start) + 1;
  from = mt_page_format_time (start);
  if (end == MT_TIME_UNSET)
    /* Translators: a day of the tour and a time, "Day 3 · 09:00" */
    return g_strdup_printf (_("Day %d · %s"), day, from);
  to = mt_page_format_time (end);
  /* Translators: a day of the tour and a time range, "Day 3 · 09:00 – 10:30" */
  return g_strdup_printf (_("Day %d · %s – %s"), day, from, to);
}

char *
mt_page_delegate_names (MtTour             *tour,
                        const char * const *delegate_ids)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  for (guint i = 0; delegate_ids != NULL && delegate_ids[i] != NULL; i++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_ids[i]);

      if (delegate == NULL || mt_delegate_get_name (delegate) == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, mt_delegate_get_name (delegate));
    }
  return g_string_free (out, FALSE);
}

char *
mt_page_join_list (const char * const *items)
{
  if (items == NULL)
    return g_strdup ("");
  return g_strjoinv (", ", (char **) items);
}

char **
mt_page_list_without (const char * const *items,
                      const char         *item)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (g_strcmp0 (items[i], item) != 0)
      g_strv_builder_add (builder, items[i]);
  return g_strv_builder_end (builder);
}

char *
mt_page_delegate_needs (MtDelegate *delegate)
{
  const char *dietary, *access;

  g_return_val_if_fail (MT_IS_DELEGATE (delegate), NULL);

  dietary = mt_delegate_get_dietary (delegate);
  access = mt_delegate_get_access (delegate);
  if (dietary != NULL && *dietary != '\0' && access != NULL && *access != '\0')
    return g_strdup_printf ("%s · %s", dietary, access);
  if (dietary != NULL && *dietary != '\0')
    return g_strdup (dietary);
  return g_strdup (access != NULL ? access : "");
}

guint
mt_page_count_group_members (MtTour     *tour,
                             const char *group_id)
{
  GListModel *delegates;
  guint n, count = 0;

  g_return_val_if_fail (MT_IS_TOUR (tour), 0);

  delegates = mt_tour_get_delegates (tour);
  n = g_list_model_get_n_items (delegates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);

      if (g_strcmp0 (mt_delegate_get_group (delegate), group_id) == 0)
        count++;
    }
  return count;
}

const char *
mt_page_role_label (MtRole role)
{
  switch (role)
    {
    case MT_ROLE_REPORTER: return _("Reporter");
    case MT_ROLE_PHOTOGRAPHER: return _("Photographer");
    case MT_ROLE_CAMERA: return _("Camera operator");
    case MT_ROLE_PRODUCER: return _("Producer");
    case MT_ROLE_EDITOR: return _("Editor");
    case MT_ROLE_OTHER: return _("Other");
    default: return "";
    }
}

const char *
mt_page_interview_status_label (MtInterviewStatus status)
{
  switch (status)
    {
    case MT_INTERVIEW_REQUESTED: return _("Requested");
    case MT_INTERVIEW_CONFIRMED: return _("Confirmed");
    case MT_INTERVIEW_DECLINED: return _("Declined");
    case MT_INTERVIEW_DONE: return _("Done");
    default: return "";
    }
}

const char *
mt_page_site_kind_label (MtSiteKind kind)
{
  switch (kind)
    {
    case MT_SITE_GOVERNMENT: return _("Government");
    case MT_SITE_RESEARCH: return _("Research");
    case MT_SITE_COMPANY: return _("Company");
    case MT_SITE_VENUE: return _("Venue");
    case MT_SITE_HOTEL: return _("Hotel");
    case MT_SITE_OTHER: return _("Other");
    default: return "";
    }
}

const char *
mt_page_entity_kind_icon (MtEntityKind kind)
{
  switch (kind)
    {
    case MT_ENTITY_CITY: return "mark-location-symbolic";
    case MT_ENTITY_SITE: return "find-location-symbolic";
    case MT_ENTITY_GROUP: return "system-users-symbolic";
    case MT_ENTITY_DELEGATE: return "avatar-default-symbolic";
    case MT_ENTITY_VISIT: return "x-office-calendar-symbolic";
    case MT_ENTITY_INTERVIEW: return "audio-input-microphone-symbolic";
    case MT_N_ENTITY_KINDS:
    default: return "text-x-generic-symbolic";
    }
}

/* --- free slots ----------------------------------------------------------- */

static void
free_slot_clear (gpointer data)
{
  MtFreeSlot *slot = data;

  g_clear_pointer (&slot->visit_id, g_free);
}

/* folded, with runs of white space made one space and none at the ends */
static char *
fold_name (const char *name)
{
  g_autofree char *folded = mt_page_fold (name);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
group_attends (MtVisit    *visit,
               const char *group_id)
{
  const char * const *groups = mt_visit_get_groups (visit);

  if (groups == NULL || groups[0] == NULL)
    return TRUE;
  return group_id != NULL && mt_visit_has_group (visit, group_id);
}

static const char *
first_absent (MtTour            *tour,
              MtVisit           *visit,
              const MtSlotQuery *query)
{
  for (guint i = 0; query->delegate_ids != NULL && query->delegate_ids[i] != NULL; i++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, query->delegate_ids[i]);

      if (delegate != NULL && !group_attends (visit, mt_delegate_get_group (delegate)))
        return query->delegate_ids[i];
    }
  return NULL;
}

static gboolean
interview_concerns (MtInterview       *interview,
                    const MtSlotQuery *query,
                    const char        *folded_interviewee)
{
  g_autofree char *other = NULL;

  if (g_strcmp0 (mt_entity_get_id (MT_ENTITY (interview)), query->ignore_interview_id) == 0)
    return FALSE;
  if (mt_interview_get_status (interview) == MT_INTERVIEW_DECLINED)
    return FALSE;
  if (mt_interview_get_start (interview) == MT_TIME_UNSET ||
      mt_interview_get_end (interview) == MT_TIME_UNSET)
    return FALSE;

  for (guint i = 0; query->delegate_ids != NULL && query->delegate_ids[i] != NULL; i++)
    if (mt_interview_has_delegate (interview, query->delegate_ids[i]))
      return TRUE;

  if (folded_interviewee == NULL || *folded_interviewee == '\0')
    return FALSE;
  other = fold_name (mt_interview_get_interviewee (interview));
  return g_strcmp0 (other, folded_interviewee) == 0;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const gint64 *x = a, *y = b;

  return (x[0] > y[0]) - (x[0] < y[0]);
}

static gint64
round_up (gint64 value,
          gint64 step)
{
  gint64 r;

  if (step <= 1)
    return value;
  r = value % step;
  if (r < 0)
    r += step;
  return r == 0 ? value : value + (step - r);
}

/* fills @window (start, end) of @visit_id with back-to-back slots that
 * avoid the busy spans (pairs of gint64, sorted by start) */
static void
fill_window (GArray       *slots,
             const GArray *busy,
             gint64        window_start,
             gint64        window_end,
             const char   *visit_id,
             gint64        length,
             gint64        granularity)
{
  gint64 t = round_up (window_start, granularity);

  while (t + length <= window_end)
    {
      gint64 clash_end = G_MININT64;

      for (guint i = 0; i < busy->len; i++)
        {
          const gint64 *span = &g_array_index (busy, gint64, 2 * i);

          if (span[0] < t + length && span[1] > t && span[1] > clash_end)
            clash_end = span[1];
        }
      if (clash_end != G_MININT64)
        {
          t = round_up (clash_end, granularity);
          continue;
        }
      {
        MtFreeSlot slot = { t, t + length, g_strdup (visit_id) };

        g_array_append_val (slots, slot);
      }
      t = round_up (t + length, granularity);
    }
}

static gboolean
visit_has_window (MtVisit *visit)
{
  return mt_visit_get_start (visit) != MT_TIME_UNSET &&
         mt_visit_get_end (visit) != MT_TIME_UNSET &&
         mt_visit_get_end (visit) > mt_visit_get_start (visit);
}

GArray *
mt_page_propose_slots (MtTour             *tour,
                       const MtSlotQuery  *query,
                       MtSlotsResult      *result,
                       const char        **absent_delegate)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (MtFreeSlot));
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, 2 * sizeof (gint64));
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  g_autofree char *folded_interviewee = NULL;
  GListModel *model;
  const char *absent = NULL;
  gint64 granularity;
  guint n;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->length > 0, NULL);

  g_array_set_clear_func (slots, free_slot_clear);
  granularity = query->granularity > 0 ? query->granularity : 5 * 60;
  if (absent_delegate != NULL)
    *absent_delegate = NULL;

  /* the windows: the visit, or the day's visits that every group attends */
  if (query->visit_id != NULL)
    {
      MtVisit *visit = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, query->visit_id);

      if (visit != NULL && visit_has_window (visit))
        {
          absent = first_absent (tour, visit, query);
          if (absent == NULL)
            g_ptr_array_add (windows, visit);
        }
    }
  else
    {
      model = mt_tour_get_visits (tour);
      n = g_list_model_get_n_items (model);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MtVisit) visit = g_list_model_get_item (model, i);
          const char *who;

          if (!visit_has_window (visit) ||
              mt_visit_get_status (visit) == MT_VISIT_CANCELLED ||
              mt_visit_get_visit_kind (visit) == MT_VISIT_TRANSFER ||
              mt_tour_get_day_index (tour, mt_visit_get_start (visit)) != query->day_index)
            continue;
          who = first_absent (tour, visit, query);
          if (who == NULL)
            g_ptr_array_add (windows, visit);
          else if (absent == NULL)
            absent = who;
        }
    }

  if (windows->len == 0)
    {
      if (result != NULL)
        *result = absent != NULL ? MT_SLOTS_GROUP_ABSENT : MT_SLOTS_NO_WINDOW;
      if (absent_delegate != NULL)
        *absent_delegate = absent;
      return g_steal_pointer (&slots);
    }

  /* the busy spans: other interviews of the delegates or the interviewee */
  folded_interviewee = fold_name (query->interviewee);
  model = mt_tour_get_interviews (tour);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MtInterview) interview = g_list_model_get_item (model, i);

      if (interview_concerns (interview, query, folded_interviewee))
        {
          gint64 span[2] = { mt_interview_get_start (interview), mt_interview_get_end (interview) };

          g_array_append_val (busy, span);
        }
    }
  g_array_sort (busy, compare_spans);

  /* windows in time order, and no slot proposed twice where visits overlap */
  for (guint i = 0; i < windows->len; i++)
    {
      MtVisit *visit = g_ptr_array_index (windows, i);
      gint64 start = mt_visit_get_start (visit);

      for (guint j = 0; j < slots->len; j++)
        start = MAX (start, g_array_index (slots, MtFreeSlot, j).end);
      fill_window (slots, busy, start, mt_visit_get_end (visit),
                   mt_entity_get_id (MT_ENTITY (visit)), query->length, granularity);
    }

  if (result != NULL)
    *result = slots->len > 0 ? MT_SLOTS_OK : MT_SLOTS_NONE_FREE;
  return g_steal_pointer (&slots);
}

/* --- search --------------------------------------------------------------- */

void
mt_search_hit_free (MtSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_clear_object (&hit->entity);
  g_free (hit->title);
  g_free (hit->detail);
  g_free (hit);
}


static char *
join_details (const char *a,
              const char *b)
{
  if (a == NULL || *a == '\0')
    return g_strdup (mt_page_nonnull (b));
  if (b == NULL || *b == '\0')
    return g_strdup (a);
  return g_strdup_printf ("%s · %s", a, b);
}

static char *
entity_haystack (MtTour   *tour,
                 MtEntity *entity,
                 char    **detail)
{
  switch (mt_entity_get_kind (entity))
    {
    case MT_ENTITY_VISIT:
      {
        MtVisit *visit = MT_VISIT (entity);
        MtSite *site = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_page_nonnull (mt_visit_get_site (visit)));
        g_autofree char *when = mt_page_format_day_span (tour, mt_visit_get_start (visit), mt_visit_get_end (visit));
        const char * const *speakers = mt_visit_get_speakers (visit);
        g_autofree char *notes = speakers != NULL ? g_strjoinv ("\n", (char **) speakers) : g_strdup ("");

        *detail = join_details (when, site ? mt_site_get_name (site) : NULL);
        return g_strjoin ("\n", mt_page_nonnull (mt_visit_get_title (visit)),
                          site ? mt_page_nonnull (mt_site_get_name (site)) : "",
                          site ? mt_page_nonnull (mt_site_get_local_name (site)) : "",
                          notes, NULL);
      }
    case MT_ENTITY_SITE:
      {
        MtSite *site = MT_SITE (entity);
        MtCity *city = mt_tour_lookup_kind (tour, MT_ENTITY_CITY, mt_page_nonnull (mt_site_get_city (site)));

        *detail = join_details (mt_page_site_kind_label (mt_site_get_site_kind (site)),
                                city ? mt_city_get_name (city) : NULL);
        return g_strjoin ("\n", mt_page_nonnull (mt_site_get_name (site)), mt_page_nonnull (mt_site_get_local_name (site)),
                          mt_page_nonnull (mt_site_get_address (site)), city ? mt_page_nonnull (mt_city_get_name (city)) : "",
                          NULL);
      }
    case MT_ENTITY_DELEGATE:
      {
        MtDelegate *delegate = MT_DELEGATE (entity);
        MtGroup *group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, mt_page_nonnull (mt_delegate_get_group (delegate)));

        *detail = join_details (mt_delegate_get_outlet (delegate), group ? mt_group_get_name (group) : NULL);
        return g_strjoin ("\n", mt_page_nonnull (mt_delegate_get_name (delegate)), mt_page_nonnull (mt_delegate_get_outlet (delegate)),
                          mt_page_nonnull (mt_delegate_get_email (delegate)), NULL);
      }
    case MT_ENTITY_INTERVIEW:
      {
        MtInterview *interview = MT_INTERVIEW (entity);
        g_autofree char *when = mt_page_format_day_span (tour, mt_interview_get_start (interview),
                                                         mt_interview_get_end (interview));

        *detail = join_details (when, mt_interview_get_organisation (interview));
        return g_strjoin ("\n", mt_page_nonnull (mt_interview_get_interviewee (interview)),
                          mt_page_nonnull (mt_interview_get_organisation (interview)),
                          mt_page_nonnull (mt_interview_get_interviewee_title (interview)), NULL);
      }
    case MT_ENTITY_CITY:
      {
        MtCity *city = MT_CITY (entity);

        *detail = g_strdup (mt_page_nonnull (mt_city_get_local_name (city)));
        return g_strjoin ("\n", mt_page_nonnull (mt_city_get_name (city)), mt_page_nonnull (mt_city_get_local_name (city)), NULL);
      }
    case MT_ENTITY_GROUP:
    case MT_N_ENTITY_KINDS:
    default:
      *detail = g_strdup ("");
      return g_strdup (mt_page_nonnull (mt_entity_get_display_name (entity)));
    }
}

static const MtEntityKind search_kinds[] = {
  MT_ENTITY_VISIT, MT_ENTITY_INTERVIEW, MT_ENTITY_SITE, MT_ENTITY_DELEGATE, MT_ENTITY_CITY,
};

static guint
kind_rank (MtEntityKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_kinds); i++)
    if (search_kinds[i] == kind)
      return i;
  return G_N_ELEMENTS (search_kinds);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const MtSearchHit *x = *(MtSearchHit * const *) a;
  const MtSearchHit *y = *(MtSearchHit * const *) b;
  guint kx = kind_rank (mt_entity_get_kind (x->entity));
  guint ky = kind_rank (mt_entity_get_kind (y->entity));

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  if (kx != ky)
    return kx < ky ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

GPtrArray *
mt_page_search (MtTour     *tour,
                const char *query,
                guint       max_hits)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_search_hit_free);
  g_autofree char *folded_query = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  folded_query = g_strstrip (mt_page_fold (query));
  if (*folded_query == '\0')
    return g_steal_pointer (&hits);

  for (guint k = 0; k < G_N_ELEMENTS (search_kinds); k++)
    {
      GListModel *model = mt_tour_get_entities (tour, search_kinds[k]);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);
          g_autofree char *detail = NULL;
          g_autofree char *haystack = entity_haystack (tour, entity, &detail);
          g_autofree char *folded = mt_page_fold (haystack);
          g_autofree char *folded_title = NULL;
          MtSearchHit *hit;

          if (!folded_matches (folded_query, folded))
            continue;

          folded_title = mt_page_fold (mt_entity_get_display_name (entity));
          hit = g_new0 (MtSearchHit, 1);
          hit->entity = g_steal_pointer (&entity);
          hit->title = g_strdup (mt_page_nonnull (mt_entity_get_display_name (hit->entity)));
          hit->detail = g_steal_pointer (&detail);
          if (g_str_has_prefix (folded_title, folded_query))
            hit->score = 0;
          else if (strstr (folded_title, folded_query) != NULL)
            hit->score = 1;
          else
            hit->score = 2;
          g_ptr_array_add (hits, hit);
        }
    }

  g_ptr_array_sort (hits, compare_hits);
  if (max_hits > 0 && hits->len > max_hits)
    g_ptr_array_set_size (hits, max_hits);
  return g_steal_pointer (&hits);
}

/* --- route ---------------------------------------------------------------- */

static gboolean
has_position (double lat,
              double lon)
{
  return !(lat == 0.0 && lon == 0.0) && isfinite (lat) && isfinite (lon);
}

static void
box_add (MtGeoBox *box,
         gboolean *any,
         double    lat,
         double    lon)
{
  if (!has_position (lat, lon))
    return;
  if (!*any)
    {
      box->min_lat = box->max_lat = lat;
      box->min_lon = box->max_lon = lon;
      *any = TRUE;
      return;
    }
  box->min_lat = MIN (box->min_lat, lat);
  box->max_lat = MAX (box->max_lat, lat);
  box->min_lon = MIN (box->min_lon, lon);
  box->max_lon = MAX (box->max_lon, lon);
}

gboolean
mt_page_geo_box (MtTour   *tour,
                 MtGeoBox *box)
{
  GListModel *model;
  gboolean any = FALSE;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  model = mt_tour_get_cities (tour);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MtCity) city = g_list_model_get_item (model, i);

      box_add (box, &any, mt_city_get_latitude (city), mt_city_get_longitude (city));
    }
  model = mt_tour_get_sites (tour);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MtSite) site = g_list_model_get_item (model, i);

      box_add (box, &any, mt_site_get_latitude (site), mt_site_get_longitude (site));
    }
  return any;
}

void
mt_page_project (const MtGeoBox *box,
                 double          width,
                 double          height,
                 double          padding,
                 double          lat,
                 double          lon,
                 double         *x,
                 double         *y)
{
  double kx = cos ((box->min_lat + box->max_lat) / 2.0 * G_PI / 180.0);
  double span_x = MAX ((box->max_lon - box->min_lon) * kx, 1e-6);
  double span_y = MAX (box->max_lat - box->min_lat, 1e-6);
  double inner_w = MAX (width - 2 * padding, 1.0);
  double inner_h = MAX (height - 2 * padding, 1.0);
  double scale = MIN (inner_w / span_x, inner_h / span_y);
  double off_x = padding + (inner_w - span_x * scale) / 2.0;
  double off_y = padding + (inner_h - span_y * scale) / 2.0;

  *x = off_x + (lon - box->min_lon) * kx * scale;
  *y = off_y + (box->max_lat - lat) * scale;
}

static int
compare_visit_start (gconstpointer a,
                     gconstpointer b)
{
  MtVisit *x = *(MtVisit * const *) a;
  MtVisit *y = *(MtVisit * const *) b;
  gint64 sx = mt_visit_get_start (x), sy = mt_visit_get_start (y);

  if (sx != sy)
    return sx < sy ? -1 : 1;
  return g_strcmp0 (mt_entity_get_id (MT_ENTITY (x)), mt_entity_get_id (MT_ENTITY (y)));
}

GArray *
mt_page_day_route (MtTour *tour,
                   int     day_index)
{
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *route = g_array_new (FALSE, FALSE, sizeof (MtRoutePoint));
  GListModel *model;

  g_return_val_if_fail (MT_IS_TOUR (tour), route);

  model = mt_tour_get_visits (tour);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      MtVisit *visit = g_list_model_get_item (model, i);

      if (mt_visit_get_start (visit) != MT_TIME_UNSET &&
          mt_visit_get_status (visit) != MT_VISIT_CANCELLED &&
          mt_tour_get_day_index (tour, mt_visit_get_start (visit)) == day_index)
        g_ptr_array_add (visits, visit);
      else
        g_object_unref (visit);
    }
  g_ptr_array_sort (visits, compare_visit_start);

  for (guint i = 0; i < visits->len; i++)
    {
      MtVisit *visit = g_ptr_array_index (visits, i);
      MtSite *site = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_page_nonnull (mt_visit_get_site (visit)));
      MtRoutePoint point;

      if (site == NULL)
        continue;
      point.site_id = mt_entity_get_id (MT_ENTITY (site));
      point.lat = mt_site_get_latitude (site);
      point.lon = mt_site_get_longitude (site);
      if (!has_position (point.lat, point.lon))
        {
          MtCity *city = mt_tour_lookup_kind (tour, MT_ENTITY_CITY, mt_page_nonnull (mt_site_get_city (site)));

          if (city == NULL || !has_position (mt_city_get_latitude (city), mt_city_get_longitude (city)))
            continue;
          point.lat = mt_city_get_latitude (city);
          point.lon = mt_city_get_longitude (city);
        }
      if (route->len > 0)
        {
          MtRoutePoint *last = &g_array_index (route, MtRoutePoint, route->len - 1);

          if (last->lat == point.lat && last->lon == point.lon)
            continue;
        }
      g_array_append_val (route, point);
    }
  return route;
}
