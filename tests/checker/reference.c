/* reference.c: a naive checker to hold the real one to
 *
 * Written from the rules as the issue states them, not from the checker's
 * code: every pair of items is compared with every other (O(n²)), and the
 * neighbour of a visit is found by scanning its whole day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "reference.h"

#define NO_DAY G_MININT

typedef struct
{
  MtTour                  *tour;
  const ReferenceSettings *settings;
  GPtrArray               *groups;
  GPtrArray               *keys;
  GHashTable              *seen;
  gint64                   first_day;
  int                      n_days;
} Ref;

static int
day_of (Ref    *ref,
        gint64  t)
{
  gint64 delta;

  if (t == MT_TIME_UNSET)
    return NO_DAY;
  delta = t - ref->first_day;
  return (int) (delta >= 0 ? delta / 86400 : -((-delta + 86399) / 86400));
}

static int
compare_strs (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
add_key (Ref           *ref,
         MtProblemKind  kind,
         int            day,
         MtSeverity     severity,
         GPtrArray     *ids)
{
  GString *key = g_string_new (NULL);

  g_ptr_array_sort (ids, compare_strs);
  g_string_append_printf (key, "%s %d %s", mt_problem_kind_to_string (kind), day, mt_severity_to_string (severity));
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (key, " %s", (char *) g_ptr_array_index (ids, i));
  if (g_hash_table_add (ref->seen, g_strdup (key->str)))
    g_ptr_array_add (ref->keys, g_string_free (key, FALSE));
  else
    g_string_free (key, TRUE);
}

static void
add (Ref           *ref,
     MtProblemKind  kind,
     int            day,
     MtSeverity     severity,
     ...)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  va_list args;
  const char *id;

  va_start (args, severity);
  while ((id = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (ids, (gpointer) id);
  va_end (args);
  add_key (ref, kind, day, severity, ids);
}

static const char *
id_of (gpointer entity)
{
  return mt_entity_get_id (MT_ENTITY (entity));
}

static gboolean
timed (gint64 s,
       gint64 e)
{
  return s != MT_TIME_UNSET && e != MT_TIME_UNSET && e >= s;
}

static gboolean
active_visit (MtVisit *v)
{
  return timed (mt_visit_get_start (v), mt_visit_get_end (v)) && mt_visit_get_status (v) != MT_VISIT_CANCELLED;
}

static gboolean
active_interview (MtInterview *i)
{
  return timed (mt_interview_get_start (i), mt_interview_get_end (i)) &&
         mt_interview_get_status (i) != MT_INTERVIEW_DECLINED;
}

static gboolean
whole (MtVisit *v)
{
  const char * const *groups = mt_visit_get_groups (v);

  return groups == NULL || groups[0] == NULL;
}

/* lane: a group's index, or groups->len for the whole delegation */
static gboolean
in_lane (Ref     *ref,
         MtVisit *v,
         guint    lane)
{
  if (whole (v))
    return TRUE;
  if (lane == ref->groups->len)
    return FALSE;
  return mt_visit_has_group (v, id_of (g_ptr_array_index (ref->groups, lane)));
}

static gboolean
checked_lane (Ref   *ref,
              guint  lane)
{
  return ref->groups->len > 0 ? lane < ref->groups->len : lane == ref->groups->len;
}

static guint
lane_of_delegate (Ref        *ref,
                  MtDelegate *d)
{
  for (guint g = 0; g < ref->groups->len; g++)
    if (g_strcmp0 (mt_delegate_get_group (d), id_of (g_ptr_array_index (ref->groups, g))) == 0)
      return g;
  return ref->groups->len;
}

static gboolean
overlaps (gint64 s1, gint64 e1, gint64 s2, gint64 e2)
{
  return s1 < e2 && s2 < e1;
}

/* the order of a day: start, end, id */
static int
order (MtVisit *a,
       MtVisit *b)
{
  if (mt_visit_get_start (a) != mt_visit_get_start (b))
    return mt_visit_get_start (a) < mt_visit_get_start (b) ? -1 : 1;
  if (mt_visit_get_end (a) != mt_visit_get_end (b))
    return mt_visit_get_end (a) < mt_visit_get_end (b) ? -1 : 1;
  return strcmp (id_of (a), id_of (b));
}

static gboolean
position (Ref    *ref,
          MtSite *site,
          double *lat,
          double *lon)
{
  MtCity *city;

  *lat = mt_site_get_latitude (site);
  *lon = mt_site_get_longitude (site);
  if (*lat != 0 || *lon != 0)
    return TRUE;
  city = mt_tour_lookup_kind (ref->tour, MT_ENTITY_CITY, mt_site_get_city (site));
  if (city == NULL)
    return FALSE;
  *lat = mt_city_get_latitude (city);
  *lon = mt_city_get_longitude (city);
  return *lat != 0 || *lon != 0;
}

/* minutes, or -1 */
static int
travel (Ref     *ref,
        MtVisit *a,
        MtVisit *b)
{
  MtSite *sa = mt_tour_lookup_kind (ref->tour, MT_ENTITY_SITE, mt_visit_get_site (a));
  MtSite *sb = mt_tour_lookup_kind (ref->tour, MT_ENTITY_SITE, mt_visit_get_site (b));
  double la, oa, lb, ob, km, p1, p2, dp, dl, h;

  if (sa == NULL || sb == NULL)
    return -1;
  if (sa == sb)
    return 0;
  if (!position (ref, sa, &la, &oa) || !position (ref, sb, &lb, &ob))
    return -1;
  p1 = la * G_PI / 180, p2 = lb * G_PI / 180, dp = p2 - p1, dl = (ob - oa) * G_PI / 180;
  h = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);
  km = 2 * 6371.0 * asin (MIN (1.0, sqrt (h)));
  return MAX (0, (int) ceil (km * ref->settings->road_factor / ref->settings->speed_kmh * 60.0 - 1e-6));
}

static GPtrArray *
items (MtTour       *tour,
       MtEntityKind  kind)
{
  GListModel *model = mt_tour_get_entities (tour, kind);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static void
check_time (Ref        *ref,
            const char *id,
            gint64      s,
            gint64      e)
{
  int day = day_of (ref, s);
  gint64 tour_end = ref->first_day + (gint64) ref->n_days * 86400;

  if (s != MT_TIME_UNSET && !timed (s, e))
    add (ref, MT_PROBLEM_INVALID_TIME, day, MT_SEVERITY_ERROR, id, NULL);
  else if (timed (s, e) && (day < 0 || day >= ref->n_days || e > tour_end))
    add (ref, MT_PROBLEM_OUTSIDE_TOUR, day, MT_SEVERITY_ERROR, id, NULL);
}

GPtrArray *
reference_check (MtTour                  *tour,
                 const ReferenceSettings *settings)
{
  g_autoptr(GPtrArray) visits = items (tour, MT_ENTITY_VISIT);
  g_autoptr(GPtrArray) interviews = items (tour, MT_ENTITY_INTERVIEW);
  g_autoptr(GPtrArray) delegates = items (tour, MT_ENTITY_DELEGATE);
  g_autoptr(GPtrArray) sites = items (tour, MT_ENTITY_SITE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 min_transfer = settings->min_transfer_minutes * 60;
  Ref ref = { tour, settings, items (tour, MT_ENTITY_GROUP), g_ptr_array_new_with_free_func (g_free), seen,
              mt_tour_get_first_day (tour), (int) mt_tour_get_n_days (tour) };

  /* references, times */
  for (guint i = 0; i < sites->len; i++)
    {
      MtSite *s = g_ptr_array_index (sites, i);

      if (mt_site_get_city (s) && !mt_tour_lookup_kind (tour, MT_ENTITY_CITY, mt_site_get_city (s)))
        add (&ref, MT_PROBLEM_DANGLING_REFERENCE, NO_DAY, MT_SEVERITY_ERROR, id_of (s), mt_site_get_city (s), NULL);
    }
  for (guint i = 0; i < delegates->len; i++)
    {
      MtDelegate *d = g_ptr_array_index (delegates, i);

      if (mt_delegate_get_group (d) && !mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, mt_delegate_get_group (d)))
        add (&ref, MT_PROBLEM_DANGLING_REFERENCE, NO_DAY, MT_SEVERITY_ERROR, id_of (d), mt_delegate_get_group (d), NULL);
    }
  for (guint i = 0; i < visits->len; i++)
    {
      MtVisit *v = g_ptr_array_index (visits, i);
      const char * const *groups = mt_visit_get_groups (v);
      int day = day_of (&ref, mt_visit_get_start (v));
      MtSite *site = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_visit_get_site (v));

      if (mt_visit_get_site (v) && site == NULL)
        add (&ref, MT_PROBLEM_DANGLING_REFERENCE, day, MT_SEVERITY_ERROR, id_of (v), mt_visit_get_site (v), NULL);
      for (guint k = 0; groups && groups[k]; k++)
        if (!mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, groups[k]))
          add (&ref, MT_PROBLEM_DANGLING_REFERENCE, day, MT_SEVERITY_ERROR, id_of (v), groups[k], NULL);
      check_time (&ref, id_of (v), mt_visit_get_start (v), mt_visit_get_end (v));

      /* capacity */
      if (mt_visit_get_status (v) != MT_VISIT_CANCELLED && site && mt_site_get_capacity (site) > 0)
        {
          guint people = 0;

          for (guint k = 0; k < delegates->len; k++)
            {
              MtDelegate *d = g_ptr_array_index (delegates, k);
              guint lane = lane_of_delegate (&ref, d);

              if (whole (v) || (lane < ref.groups->len && in_lane (&ref, v, lane)))
                people++;
            }
          if (people > mt_site_get_capacity (site))
            add (&ref, MT_PROBLEM_OVER_CAPACITY, day, MT_SEVERITY_WARNING, id_of (v), id_of (site), NULL);
        }

      /* cancelled with confirmed interviews */
      if (mt_visit_get_status (v) == MT_VISIT_CANCELLED)
        {
          g_autoptr(GPtrArray) ids = g_ptr_array_new ();

          g_ptr_array_add (ids, (gpointer) id_of (v));
          for (guint k = 0; k < interviews->len; k++)
            {
              MtInterview *r = g_ptr_array_index (interviews, k);

              if (g_strcmp0 (mt_interview_get_visit (r), id_of (v)) == 0 &&
                  mt_interview_get_status (r) == MT_INTERVIEW_CONFIRMED)
                g_ptr_array_add (ids, (gpointer) id_of (r));
            }
          if (ids->len > 1)
            add_key (&ref, MT_PROBLEM_CANCELLED_WITH_INTERVIEWS, day, MT_SEVERITY_ERROR, ids);
        }
    }

  /* pairs of visits */
  for (guint i = 0; i < visits->len; i++)
    for (guint j = 0; j < visits->len; j++)
      {
        MtVisit *a = g_ptr_array_index (visits, i), *b = g_ptr_array_index (visits, j);
        gboolean shared = FALSE;

        if (i == j || !active_visit (a) || !active_visit (b) || order (a, b) >= 0 ||
            day_of (&ref, mt_visit_get_start (a)) != day_of (&ref, mt_visit_get_start (b)))
          continue;
        for (guint lane = 0; lane <= ref.groups->len; lane++)
          shared |= checked_lane (&ref, lane) && in_lane (&ref, a, lane) && in_lane (&ref, b, lane);
        if (shared && overlaps (mt_visit_get_start (a), mt_visit_get_end (a), mt_visit_get_start (b), mt_visit_get_end (b)))
          add (&ref, MT_PROBLEM_VISIT_OVERLAP, day_of (&ref, mt_visit_get_start (a)), MT_SEVERITY_ERROR,
               id_of (a), id_of (b), NULL);
      }

  /* each lane's days: neighbours and length */
  for (guint lane = 0; lane <= ref.groups->len; lane++)
    {
      if (!checked_lane (&ref, lane))
        continue;
      for (guint j = 0; j < visits->len; j++)
        {
          MtVisit *b = g_ptr_array_index (visits, j), *a = NULL, *first = NULL, *last = NULL;
          int day = day_of (&ref, mt_visit_get_start (b));
          gboolean meal = FALSE, all_whole = TRUE;

          if (!active_visit (b) || !in_lane (&ref, b, lane))
            continue;
          for (guint i = 0; i < visits->len; i++)
            {
              MtVisit *o = g_ptr_array_index (visits, i);

              if (!active_visit (o) || !in_lane (&ref, o, lane) || day_of (&ref, mt_visit_get_start (o)) != day)
                continue;
              if (i != j && order (o, b) < 0 && (a == NULL || order (o, a) > 0))
                a = o;
              if (first == NULL || order (o, first) < 0)
                first = o;
              if (last == NULL || mt_visit_get_end (o) > mt_visit_get_end (last) ||
                  (mt_visit_get_end (o) == mt_visit_get_end (last) && order (o, last) < 0))
                last = o;
              meal |= mt_visit_get_visit_kind (o) == MT_VISIT_MEAL;
              all_whole &= whole (o);
            }

          if (a != NULL && mt_visit_get_end (a) <= mt_visit_get_start (b) &&
              mt_visit_get_visit_kind (a) != MT_VISIT_TRANSFER && mt_visit_get_visit_kind (b) != MT_VISIT_TRANSFER)
            {
              gint64 gap = mt_visit_get_start (b) - mt_visit_get_end (a);
              int t = travel (&ref, a, b);
              gint64 needed = MAX ((gint64) MAX (t, 0) * 60, min_transfer);

              if (gap < needed)
                add (&ref, MT_PROBLEM_TRAVEL_TIME, day,
                     t >= 0 && gap < (gint64) t * 60 ? MT_SEVERITY_ERROR : MT_SEVERITY_WARNING,
                     id_of (a), id_of (b), NULL);
            }

          if (b == first)
            {
              gint64 span = mt_visit_get_end (last) - mt_visit_get_start (first);
              const char *group = lane < ref.groups->len ? id_of (g_ptr_array_index (ref.groups, lane)) : NULL;
              gboolean ends_whole = whole (first) && whole (last);

              if (span > (gint64) settings->daily_limit_minutes * 60)
                add (&ref, MT_PROBLEM_DAY_TOO_LONG, day, MT_SEVERITY_WARNING, id_of (first),
                     last != first ? id_of (last) : (ends_whole ? NULL : group),
                     last != first && !ends_whole ? group : NULL, NULL);
              if (!meal && span > (gint64) settings->meal_break_after_minutes * 60)
                add (&ref, MT_PROBLEM_NO_MEAL_BREAK, day, MT_SEVERITY_WARNING, id_of (first),
                     last != first ? id_of (last) : (all_whole ? NULL : group),
                     last != first && !all_whole ? group : NULL, NULL);
            }
        }
    }

  /* interviews */
  for (guint i = 0; i < interviews->len; i++)
    {
      MtInterview *r = g_ptr_array_index (interviews, i);
      const char * const *ds = mt_interview_get_delegates (r);
      int day = day_of (&ref, mt_interview_get_start (r));
      MtVisit *v = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, mt_interview_get_visit (r));
      MtSite *own = v ? mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_visit_get_site (v)) : NULL;
      gint64 s = mt_interview_get_start (r), e = mt_interview_get_end (r);

      if (mt_interview_get_visit (r) && v == NULL)
        add (&ref, MT_PROBLEM_DANGLING_REFERENCE, day, MT_SEVERITY_ERROR, id_of (r), mt_interview_get_visit (r), NULL);
      for (guint k = 0; ds && ds[k]; k++)
        if (!mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, ds[k]))
          add (&ref, MT_PROBLEM_DANGLING_REFERENCE, day, MT_SEVERITY_ERROR, id_of (r), ds[k], NULL);
      check_time (&ref, id_of (r), s, e);
      if (mt_interview_get_status (r) != MT_INTERVIEW_DECLINED && (ds == NULL || ds[0] == NULL))
        add (&ref, MT_PROBLEM_INTERVIEW_WITHOUT_DELEGATES, day,
             mt_interview_get_status (r) == MT_INTERVIEW_REQUESTED ? MT_SEVERITY_HINT : MT_SEVERITY_WARNING,
             id_of (r), NULL);
      if (!active_interview (r))
        continue;

      if (v && timed (mt_visit_get_start (v), mt_visit_get_end (v)) &&
          (s < mt_visit_get_start (v) || e > mt_visit_get_end (v)))
        add (&ref, MT_PROBLEM_INTERVIEW_OUTSIDE_VISIT, day, MT_SEVERITY_ERROR, id_of (r), id_of (v), NULL);

      /* its delegates' groups elsewhere */
      if (own != NULL)
        for (guint w = 0; w < visits->len; w++)
          {
            MtVisit *wv = g_ptr_array_index (visits, w);
            MtSite *there = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_visit_get_site (wv));
            g_autoptr(GPtrArray) ids = g_ptr_array_new ();

            if (!active_visit (wv) || day_of (&ref, mt_visit_get_start (wv)) != day || there == NULL || there == own ||
                !overlaps (s, e, mt_visit_get_start (wv), mt_visit_get_end (wv)))
              continue;
            g_ptr_array_add (ids, (gpointer) id_of (r));
            g_ptr_array_add (ids, (gpointer) id_of (wv));
            for (guint k = 0; k < delegates->len; k++)
              {
                MtDelegate *d = g_ptr_array_index (delegates, k);

                if (mt_interview_has_delegate (r, id_of (d)) && in_lane (&ref, wv, lane_of_delegate (&ref, d)))
                  g_ptr_array_add (ids, (gpointer) id_of (d));
              }
            if (ids->len > 2)
              add_key (&ref, MT_PROBLEM_DELEGATE_ELSEWHERE, day, MT_SEVERITY_ERROR, ids);
          }

      /* pairs */
      for (guint j = 0; j < interviews->len; j++)
        {
          MtInterview *q = g_ptr_array_index (interviews, j);
          g_autoptr(GPtrArray) ids = g_ptr_array_new ();
          const char *who_r = mt_interview_get_interviewee (r), *who_q = mt_interview_get_interviewee (q);

          if (i >= j || !active_interview (q) || day_of (&ref, mt_interview_get_start (q)) != day ||
              !overlaps (s, e, mt_interview_get_start (q), mt_interview_get_end (q)))
            continue;
          if (who_r && who_r[0] && g_strcmp0 (who_r, who_q) == 0)
            add (&ref, MT_PROBLEM_INTERVIEWEE_DOUBLE_BOOKED, day, MT_SEVERITY_ERROR, id_of (r), id_of (q), NULL);

          g_ptr_array_add (ids, (gpointer) id_of (r));
          g_ptr_array_add (ids, (gpointer) id_of (q));
          for (guint k = 0; k < delegates->len; k++)
            {
              const char *d = id_of (g_ptr_array_index (delegates, k));

              if (mt_interview_has_delegate (r, d) && mt_interview_has_delegate (q, d))
                g_ptr_array_add (ids, (gpointer) d);
            }
          if (ids->len > 2)
            add_key (&ref, MT_PROBLEM_DELEGATE_DOUBLE_BOOKED, day, MT_SEVERITY_ERROR, ids);
        }
    }

  g_ptr_array_unref (ref.groups);
  g_ptr_array_sort (ref.keys, compare_strs);
  return ref.keys;
}

GPtrArray *
reference_keys_of (GListModel *problems)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(MtProblem) p = g_list_model_get_item (problems, i);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      const char * const *strv = mt_problem_get_ids (p);
      GString *key = g_string_new (NULL);

      for (guint k = 0; strv[k]; k++)
        g_ptr_array_add (ids, (gpointer) strv[k]);
      g_ptr_array_sort (ids, compare_strs);
      g_string_append_printf (key, "%s %d %s", mt_problem_kind_to_string (mt_problem_get_kind (p)),
                              mt_problem_get_day (p), mt_severity_to_string (mt_problem_get_severity (p)));
      for (guint k = 0; k < ids->len; k++)
        g_string_append_printf (key, " %s", (char *) g_ptr_array_index (ids, k));
      g_ptr_array_add (keys, g_string_free (key, FALSE));
    }
  g_ptr_array_sort (keys, compare_strs);
  return keys;
}
