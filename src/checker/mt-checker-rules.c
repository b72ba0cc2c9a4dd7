/* mt-checker-rules.c: the checks
 *
 * A run takes rows for the visits and interviews of the days it checks
 * (mt-checker-rows.c), checks each item on its own, then sorts entries per
 * lane, per delegate and per interviewee and sweeps each sorted block once
 * (mt-checker-sweeps.c):
 * O(n log n) in the number of items, plus the number of problems found.
 *
 * Days are independent: two items are compared only where they start on the
 * same day (a night separates the days of a tour), so re-checking a day
 * needs nothing of the others but the visits its interviews belong to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "mt-checker-run.h"
#include "mt-wall-time.h"

/* Problems */

/* An edit changes few problems, so most of those a check finds are in the
 * list already. A problem is drafted in one object the run reuses; when
 * the next is reported (or the run ends), an equal problem of the list is
 * taken in its place where there is one, and the draft only where there is
 * none. */

/* where the problems of @day begin in @places (sorted), or end */
static guint
day_bound (const MtProblemPlace *places,
           guint                 n,
           int                   day,
           gboolean              end)
{
  gint64 rank = _mt_problem_day_rank (day);
  guint a = 0, b = n;

  while (a < b)
    {
      guint mid = a + (b - a) / 2;
      gint64 r = places[mid].day_rank;

      if (r < rank || (end && r == rank))
        a = mid + 1;
      else
        b = mid;
    }
  return a;
}

/* the problem of the list equal to @draft, or NULL; searched among the
 * places of its day's problems, which are read only where places tie */
static MtProblem *
find_equal (Run       *run,
            MtProblem *draft)
{
  GPtrArray *previous = run->previous;
  MtProblemPlace *places;
  MtProblemPlace key;
  int day = mt_problem_get_day (draft);
  guint a, b, end;

  if (previous == NULL)
    return NULL;
  if (run->previous_places == NULL)
    {
      /* one walk takes each problem's place and finds where each of the
       * tour's days begins */
      guint i = 0;

      run->previous_places = g_new (MtProblemPlace, MAX (previous->len, 1));
      for (guint k = 0; k < previous->len; k++)
        _mt_problem_get_place (g_ptr_array_index (previous, k), &run->previous_places[k]);
      run->previous_first = g_new (guint, run->n_days + 1);
      for (int d = 0; d <= run->n_days; d++)
        {
          while (i < previous->len && run->previous_places[i].day_rank < d)
            i++;
          run->previous_first[d] = i;
        }
    }
  places = run->previous_places;
  if (day >= 0 && day < run->n_days)
    {
      a = run->previous_first[day];
      end = run->previous_first[day + 1];
    }
  else
    {
      a = day_bound (places, previous->len, day, FALSE);
      end = day_bound (places, previous->len, day, TRUE);
    }

  _mt_problem_get_place (draft, &key);
  b = end;
  while (a < b)
    {
      guint mid = a + (b - a) / 2;
      int result = _mt_problem_place_compare (&places[mid], &key);

      if (result == 0)
        result = _mt_problem_compare_place (places[mid].problem, draft);
      if (result < 0)
        a = mid + 1;
      else
        b = mid;
    }
  /* equal problems have the same place; one the run found twice (a
   * reference named twice, say) takes two of the list's, never one twice */
  for (; a < end && _mt_problem_place_compare (&places[a], &key) == 0 &&
         _mt_problem_compare_place (places[a].problem, draft) == 0; a++)
    if (!places[a].taken && _mt_problem_equal (places[a].problem, draft))
      {
        places[a].taken = TRUE;
        return places[a].problem;
      }
  return NULL;
}

/* adds the drafted problem, or its equal in the list, to the run's */
static void
commit_draft (Run *run)
{
  MtProblem *found;

  if (!run->drafted)
    return;
  run->drafted = FALSE;
  found = find_equal (run, run->draft);
  if (found != NULL)
    {
      g_ptr_array_add (run->problems, g_object_ref (found));
      _mt_problem_reset (run->draft);
    }
  else
    {
      _mt_problem_own (run->draft);
      g_ptr_array_add (run->problems, g_steal_pointer (&run->draft));
    }
}

/* takes @message and @text; the problem returned may be given a fix until
 * the next is reported */
static MtProblem *
draft (Run                *run,
       MtProblemKind       kind,
       MtSeverity          severity,
       int                 day,
       gint64              time,
       char               *message,
       MtText             *text,
       const char * const *ids)
{
  commit_draft (run);
  if (run->draft == NULL)
    run->draft = _mt_problem_new (kind, severity, day, time, message, ids);
  else
    _mt_problem_fill (run->draft, kind, severity, day, time, message, ids);
  _mt_problem_set_text (run->draft, text);
  run->drafted = TRUE;
  return run->draft;
}

MtProblem *
_mt_run_report (Run                *run,
                MtProblemKind       kind,
                MtSeverity          severity,
                int                 day,
                gint64              time,
                char               *body,
                const char * const *ids)
{
  return draft (run, kind, severity, day, time, _mt_text_with_day (run, day, body), NULL, ids);
}

/* a message for a problem on @day, written when first read */
MtText *
_mt_run_text (Run        *run,
              int         day,
              const char *format)
{
  return _mt_text_new (format, run->first_day, run->n_days, day);
}

/* takes @text */
MtProblem *
_mt_run_report_text (Run                *run,
                     MtProblemKind       kind,
                     MtSeverity          severity,
                     gint64              time,
                     MtText             *text,
                     const char * const *ids)
{
  return draft (run, kind, severity, text->day, time, NULL, text, ids);
}

/* where a pair was reported once already (in another lane), FALSE */
gboolean
_mt_run_first_time (Run    *run,
                    MtSeen  what,
                    guint   a,
                    guint   b)
{
  g_assert (a < (1u << 29) && b < (1u << 29));
  return mt_pair_map_insert (&run->seen, (guint64) what << 58 | (guint64) a << 29 | b, GINT_TO_POINTER (1));
}

gint64
_mt_run_needed (Run      *run,
                VisitRow *a,
                VisitRow *b,
                int      *travel_minutes)
{
  int travel = -1;

  if (a->site != NULL && b->site != NULL)
    travel = mt_travel_get_minutes (run->settings->travel, a->site, b->site);
  if (travel_minutes != NULL)
    *travel_minutes = travel;
  return MAX ((gint64) MAX (travel, 0) * 60, run->settings->min_transfer);
}

static void
check_dangling (Run          *run,
                int           day,
                gint64        time,
                const char   *entity_id,
                const char   *missing_id,
                char         *body,
                const char   *field,
                char         *fix_label)
{
  const char *ids[] = { entity_id, missing_id, NULL };
  MtProblem *problem;

  problem = _mt_run_report (run, MT_PROBLEM_DANGLING_REFERENCE, MT_SEVERITY_ERROR, day, time, body, ids);
  if (fix_label != NULL)
    _mt_problem_set_fix_clear_reference (problem, fix_label, entity_id, field, missing_id);
}

static void
check_times (Run        *run,
             int         day,
             const char *id,
             const char *name,
             gboolean    is_visit,
             gint64      start,
             gint64      end,
             gboolean    timed)
{
  const char *ids[] = { id, NULL };

  if (start != MT_TIME_UNSET && !timed)
    {
      g_autofree char *from = _mt_text_time (run, start, day);
      g_autofree char *to = end != MT_TIME_UNSET ? _mt_text_time (run, end, day) : NULL;
      char *body;

      if (end == MT_TIME_UNSET)
        body = is_visit ? g_strdup_printf (_("“%s” starts at %s but has no end"), name, from)
                        : g_strdup_printf (_("The interview with %s starts at %s but has no end"), name, from);
      else
        body = is_visit ? g_strdup_printf (_("“%s” ends at %s, before it starts at %s"), name, to, from)
                        : g_strdup_printf (_("The interview with %s ends at %s, before it starts at %s"), name, to, from);
      _mt_run_report (run, MT_PROBLEM_INVALID_TIME, MT_SEVERITY_ERROR, day, start, body, ids);
    }
  else if (timed && (day < 0 || day >= run->n_days || end > run->tour_end))
    {
      g_autofree char *from = _mt_text_time (run, start, day);
      g_autofree char *to = _mt_text_time (run, end, day);

      _mt_run_report (run, MT_PROBLEM_OUTSIDE_TOUR, MT_SEVERITY_ERROR, day, start,
              is_visit ? g_strdup_printf (_("“%s” (%s–%s) lies outside the tour’s days"), name, from, to)
                       : g_strdup_printf (_("The interview with %s (%s–%s) lies outside the tour’s days"), name, from, to),
              ids);
    }
  else if (timed)
    _mt_run_check_gaps (run, day, id, name, is_visit, start, end);
}

static int
compare_id_ptrs (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* the groups @v names that the tour lacks (rare: only looked for where
 * the row says there is one) */
static void
check_missing_groups (Run        *run,
                      VisitRow   *v,
                      const char *name)
{
  const char * const *groups = mt_visit_get_groups (v->visit);
  guint n_groups = g_strv_length ((char **) groups);

  for (guint i = 0; i < n_groups; i++)
    if (mt_tour_lookup_kind (run->tour, MT_ENTITY_GROUP, groups[i]) == NULL)
      check_dangling (run, v->day, v->start, v->id, groups[i],
                      g_strdup_printf (_("“%s” is for a group that is not in the tour (%s)"), name, groups[i]),
                      "groups",
                      /* removing the last group would open it to everyone */
                      n_groups > 1 ? g_strdup_printf (_("Remove the missing group from “%s”"), name) : NULL);
}

static void
check_visit (Run      *run,
             VisitRow *v)
{
  const char *site_id = mt_visit_get_site (v->visit);
  const char *name = _mt_text_visit (v);

  if (site_id != NULL && v->site == NULL)
    check_dangling (run, v->day, v->start, v->id, site_id,
                    g_strdup_printf (_("“%s” is at a site that is not in the tour (%s)"), name, site_id),
                    "site", g_strdup_printf (_("Remove the missing site from “%s”"), name));

  if (v->missing_groups)
    check_missing_groups (run, v, name);

  check_times (run, v->day, v->id, name, TRUE, v->start, v->end, v->timed);

  if (v->status != MT_VISIT_CANCELLED && v->site != NULL && mt_site_get_capacity (v->site) > 0)
    {
      guint capacity = mt_site_get_capacity (v->site);
      guint people = 0;

      if (v->whole)
        people = run->st->delegates->len;
      else
        for (int k = 0; k < v->n_lanes; k++)
          people += run->st->group_size[g_array_index (run->lane_pool, int, v->first_lane + k)];

      if (people > capacity)
        {
          const char *ids[] = { v->id, mt_entity_get_id (MT_ENTITY (v->site)), NULL };

          _mt_run_report (run, MT_PROBLEM_OVER_CAPACITY, MT_SEVERITY_WARNING, v->day, v->start,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "“%s” brings %u delegate to “%s”, which holds %u",
                                                "“%s” brings %u delegates to “%s”, which holds %u",
                                                people),
                                   name, people, _mt_text_site (v->site), capacity),
                  ids);
        }
    }

  if (v->status == MT_VISIT_CANCELLED)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      MtProblem *problem;
      guint n;

      g_ptr_array_add (ids, (gpointer) v->id);
      for (int i = v->first_interview; i >= 0; i = g_array_index (run->interviews, InterviewRow, i).next_of_visit)
        {
          InterviewRow *r = &g_array_index (run->interviews, InterviewRow, i);

          if (r->status == MT_INTERVIEW_CONFIRMED)
            g_ptr_array_add (ids, (gpointer) r->id);
        }
      if (ids->len == 1)
        return;

      /* in the same order whatever order the rows came in */
      n = ids->len - 1;
      qsort (ids->pdata + 1, n, sizeof (gpointer), compare_id_ptrs);
      g_ptr_array_add (ids, NULL);
      problem = _mt_run_report (run, MT_PROBLEM_CANCELLED_WITH_INTERVIEWS, MT_SEVERITY_ERROR, v->day, v->start,
                        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "“%s” is cancelled but has %u confirmed interview",
                                                      "“%s” is cancelled but has %u confirmed interviews",
                                                      n),
                                         name, n),
                        (const char * const *) ids->pdata);
      _mt_problem_set_fix_request (problem,
                                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "Set %u interview of “%s” back to requested",
                                                                 "Set %u interviews of “%s” back to requested",
                                                                 n),
                                                    n, name),
                                   (const char * const *) ids->pdata + 1);
    }
}

static void
check_interview (Run          *run,
                 InterviewRow *r)
{
  const char *visit_id = mt_interview_get_visit (r->interview);
  const char *who = _mt_text_interviewee (r);
  const char *ids[] = { r->id, NULL, NULL };

  if (visit_id != NULL && r->visit < 0)
    check_dangling (run, r->day, r->start, r->id, visit_id,
                    g_strdup_printf (_("The interview with %s belongs to a visit that is not in the tour (%s)"),
                                     who, visit_id),
                    "visit", g_strdup_printf (_("Detach the interview with %s from its missing visit"), who));

  if (r->missing_delegates)
    {
      const char * const *delegates = mt_interview_get_delegates (r->interview);
      guint n_delegates = g_strv_length ((char **) delegates);

      for (guint i = 0; i < n_delegates; i++)
        if (mt_tour_lookup_kind (run->tour, MT_ENTITY_DELEGATE, delegates[i]) == NULL)
          check_dangling (run, r->day, r->start, r->id, delegates[i],
                          g_strdup_printf (_("The interview with %s names a delegate who is not in the tour (%s)"),
                                           who, delegates[i]),
                          "delegates",
                          n_delegates > 1 ? g_strdup_printf (_("Remove the missing delegate from the interview with %s"), who)
                                          : NULL);
    }

  check_times (run, r->day, r->id, who, FALSE, r->start, r->end, r->timed);

  /* no delegate named at all (a missing one counts as named) */
  if (r->status != MT_INTERVIEW_DECLINED && r->n_delegates == 0 && !r->missing_delegates)
    _mt_run_report (run, MT_PROBLEM_INTERVIEW_WITHOUT_DELEGATES,
            r->status == MT_INTERVIEW_REQUESTED ? MT_SEVERITY_HINT : MT_SEVERITY_WARNING,
            r->day, r->start,
            g_strdup_printf (_("No delegate takes part in the interview with %s"), who), ids);

  if (r->active && r->visit >= 0)
    {
      VisitRow *v = &g_array_index (run->visits, VisitRow, r->visit);

      if (v->timed && (r->start < v->start || r->end > v->end))
        {
          g_autofree char *from = _mt_text_time (run, r->start, r->day);
          g_autofree char *to = _mt_text_time (run, r->end, r->day);
          g_autofree char *vfrom = _mt_text_time (run, v->start, r->day);
          g_autofree char *vto = _mt_text_time (run, v->end, r->day);
          MtProblem *problem;

          ids[1] = v->id;
          problem = _mt_run_report (run, MT_PROBLEM_INTERVIEW_OUTSIDE_VISIT, MT_SEVERITY_ERROR, r->day, r->start,
                            g_strdup_printf (_("The interview with %s (%s–%s) is outside its visit “%s” (%s–%s)"),
                                             who, from, to, _mt_text_visit (v), vfrom, vto),
                            ids);
          _mt_run_fix_outside_visit (run, problem, r, v);
        }
    }
}

static void
check_sites_and_delegates (Run *run)
{
  GListModel *sites = mt_tour_get_sites (run->tour);
  MtCheckStatic *st = run->st;

  for (guint i = 0, n = g_list_model_get_n_items (sites); i < n; i++)
    {
      g_autoptr(MtSite) site = g_list_model_get_item (sites, i);
      const char *city = mt_site_get_city (site);

      if (city != NULL && mt_tour_lookup_kind (run->tour, MT_ENTITY_CITY, city) == NULL)
        check_dangling (run, MT_PROBLEM_NO_DAY, MT_TIME_UNSET, mt_entity_get_id (MT_ENTITY (site)), city,
                        g_strdup_printf (_("The site “%s” is in a city that is not in the tour (%s)"),
                                         _mt_text_site (site), city),
                        "city", g_strdup_printf (_("Remove the missing city from “%s”"), _mt_text_site (site)));
    }

  for (guint i = 0; i < st->delegates->len; i++)
    {
      MtDelegate *delegate = g_ptr_array_index (st->delegates, i);
      const char *group = mt_delegate_get_group (delegate);
      const char *name = mt_delegate_get_name (delegate);

      if (name == NULL)
        name = _("an unnamed delegate");
      if (group != NULL && mt_tour_lookup_kind (run->tour, MT_ENTITY_GROUP, group) == NULL)
        check_dangling (run, MT_PROBLEM_NO_DAY, MT_TIME_UNSET, mt_entity_get_id (MT_ENTITY (delegate)), group,
                        g_strdup_printf (_("%s is in a group that is not in the tour (%s)"), name, group),
                        "group", g_strdup_printf (_("Remove the missing group from %s"), name));
    }
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  return _mt_problem_compare (*(MtProblem **) a, *(MtProblem **) b);
}


GPtrArray *
_mt_check_run (const MtCheckSettings *settings,
               MtCheckStatic         *st,
               GHashTable            *days,
               GPtrArray             *visits,
               GPtrArray             *interviews,
               GPtrArray             *previous)
{
  Run run = { 0, };

  run.settings = settings;
  run.st = st;
  run.tour = settings->tour;
  run.days = days;
  run.previous = previous;
  run.serial = ++st->serial;
  if (days != NULL)
    {
      GHashTableIter iter;
      gpointer day;

      run.day_list = g_new (int, g_hash_table_size (days));
      g_hash_table_iter_init (&iter, days);
      while (g_hash_table_iter_next (&iter, &day, NULL))
        run.day_list[run.n_day_list++] = GPOINTER_TO_INT (day);
    }
  run.n_days = (int) mt_tour_get_n_days (run.tour);
  run.tour_end = mt_tour_get_day_start (run.tour, run.n_days);
  run.first_day = mt_tour_get_day_start (run.tour, 0);
  _mt_run_find_gaps (&run);
  /* the arrays come emptied from the last run */
  run.visits = _mt_run_buffer (st, 0, sizeof (VisitRow));
  run.lane_pool = _mt_run_buffer (st, 1, sizeof (int));
  run.interviews = _mt_run_buffer (st, 2, sizeof (InterviewRow));
  run.delegate_pool = _mt_run_buffer (st, 3, sizeof (int));
  run.lane_entries = _mt_run_buffer (st, 4, sizeof (Entry));
  run.delegate_entries = _mt_run_buffer (st, 5, sizeof (Entry));
  run.interviewee_entries = _mt_run_buffer (st, 6, sizeof (Entry));
  run.lane_interviews = _mt_run_buffer (st, 7, sizeof (Entry));
  run.problems = g_ptr_array_new_with_free_func (g_object_unref);
  mt_pair_map_init (&run.seen);

  _mt_run_collect_rows (&run, visits, interviews);
  _mt_run_build_entries (&run);

  for (guint i = 0; i < run.visits->len; i++)
    if (g_array_index (run.visits, VisitRow, i).in_scope)
      check_visit (&run, &g_array_index (run.visits, VisitRow, i));
  for (guint i = 0; i < run.interviews->len; i++)
    if (g_array_index (run.interviews, InterviewRow, i).in_scope)
      {
        check_interview (&run, &g_array_index (run.interviews, InterviewRow, i));
        _mt_run_check_elsewhere (&run, &g_array_index (run.interviews, InterviewRow, i));
      }
  if (_mt_run_in_scope (&run, MT_PROBLEM_NO_DAY))
    check_sites_and_delegates (&run);
  _mt_run_sweep_lanes (&run);
  _mt_run_check_bookings (&run);

  commit_draft (&run);
  g_clear_object (&run.draft);
  g_ptr_array_sort (run.problems, compare_problems);

  g_free (run.lane_index.first);
  g_free (run.delegate_index.first);
  g_free (run.interviewee_index.first);
  g_free (run.lane_interview_index.first);
  mt_pair_map_clear (&run.seen);
  g_free (run.day_list);
  g_array_unref (run.gaps);
  g_free (run.previous_first);
  g_free (run.previous_places);
  return run.problems;
}
