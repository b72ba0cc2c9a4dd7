/* mt-checker-fixes.c: the fixes the checker suggests
 *
 * A fix is offered only where the edit, as far as the sorted lists of the
 * run can tell, removes its problem and adds none: the moved visit fits
 * between its new neighbours with the travel time to each, does not make a
 * group's day too long, and its interviews stay free of other bookings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-checker-run.h"
#include "mt-history.h"
#include "mt-wall-time.h"

static VisitRow *
visit_at (Run *run,
          int  row)
{
  return &g_array_index (run->visits, VisitRow, row);
}

static InterviewRow *
interview_at (Run *run,
              int  row)
{
  return &g_array_index (run->interviews, InterviewRow, row);
}

/* the sort order of the lists: start, end, id */
static int
compare_slot (gint64      s1,
              gint64      e1,
              const char *id1,
              gint64      s2,
              gint64      e2,
              const char *id2)
{
  if (s1 != s2)
    return s1 < s2 ? -1 : 1;
  if (e1 != e2)
    return e1 < e2 ? -1 : 1;
  return strcmp (id1, id2);
}

static gboolean
needs_travel (VisitRow *a,
              VisitRow *b)
{
  return a->kind != MT_VISIT_TRANSFER && b->kind != MT_VISIT_TRANSFER;
}

typedef struct
{
  int      first;
  int      last;
  gint64   span;
  gboolean meal;
} DayShape;

/* the shape of a lane's day, with @row moved to [@start, @end) */
static void
day_shape (Run      *run,
           guint     lo,
           guint     hi,
           int       row,
           gint64    start,
           gint64    end,
           DayShape *shape)
{
  gint64 first_start = 0, first_end = 0, last_start = 0, last_end = 0;
  const char *first_id = NULL, *last_id = NULL;

  shape->first = shape->last = -1;
  shape->meal = FALSE;
  for (guint i = lo; i < hi; i++)
    {
      Entry *e = &g_array_index (run->lane_entries, Entry, i);
      gint64 s = e->row == row ? start : e->start;
      gint64 t = e->row == row ? end : e->end;

      shape->meal |= visit_at (run, e->row)->kind == MT_VISIT_MEAL;
      if (shape->first < 0 || compare_slot (s, t, e->id, first_start, first_end, first_id) < 0)
        {
          shape->first = e->row;
          first_start = s, first_end = t, first_id = e->id;
        }
      if (shape->last < 0 || t > last_end ||
          (t == last_end && compare_slot (s, t, e->id, last_start, last_end, last_id) < 0))
        {
          shape->last = e->row;
          last_start = s, last_end = t, last_id = e->id;
        }
    }
  shape->span = last_end - first_start;
}

/* The edit keeps the day problems of a lane as they are: none appears, and
 * one that stays names the same first and last visit. */
static gboolean
day_kept (Run      *run,
          DayShape *before,
          DayShape *after)
{
  const MtCheckSettings *settings = run->settings;
  gboolean same = before->first == after->first && before->last == after->last;
  gboolean long_before = before->span > settings->daily_limit;
  gboolean long_after = after->span > settings->daily_limit;
  gboolean hungry_before = !before->meal && before->span > settings->meal_after;
  gboolean hungry_after = !after->meal && after->span > settings->meal_after;

  if (long_after && !(long_before && same))
    return FALSE;
  if (hungry_after && !(hungry_before && same))
    return FALSE;
  /* a problem that goes away changes no other */
  return TRUE;
}

static gboolean
is_interview_of (Run *run,
                 int  interview,
                 int  visit)
{
  return visit >= 0 && interview_at (run, interview)->visit == visit;
}

/* Would the delegates of @r be away from their group at [@start, @end)?
 * Visits of @ignore_visit do not count (it moves with the interview). */
static gboolean
delegates_elsewhere (Run          *run,
                     InterviewRow *r,
                     gint64        start,
                     gint64        end,
                     int           ignore_visit)
{
  VisitRow *own;

  if (r->visit < 0 || (own = visit_at (run, r->visit))->site == NULL)
    return FALSE;

  for (int k = 0; k < r->n_delegates; k++)
    {
      int d = g_array_index (run->delegate_pool, int, r->first_delegate + k);
      guint lo, hi;

      if (!_mt_run_block (run, run->lane_entries, run->st->delegate_lane[d], r->day, &lo, &hi))
        continue;
      for (guint i = lo; i < hi; i++)
        {
          Entry *e = &g_array_index (run->lane_entries, Entry, i);
          VisitRow *w = visit_at (run, e->row);

          if (e->row != ignore_visit && _mt_overlap (e->start, e->end, start, end) &&
              w->site != NULL && w->site != own->site)
            return TRUE;
        }
    }
  return FALSE;
}

/* Is [@start, @end) on @r's day free for its delegates and interviewee?
 * Interviews of @ignore_visit do not count (they move along). */
static gboolean
interview_slot_free (Run          *run,
                     InterviewRow *r,
                     gint64        start,
                     gint64        end,
                     int           ignore_visit)
{
  int self = (int) (r - interview_at (run, 0));
  guint lo, hi;

  for (int k = 0; k < r->n_delegates; k++)
    {
      int d = g_array_index (run->delegate_pool, int, r->first_delegate + k);

      if (_mt_run_block (run, run->delegate_entries, d, r->day, &lo, &hi))
        for (guint i = lo; i < hi; i++)
          {
            Entry *e = &g_array_index (run->delegate_entries, Entry, i);

            if (e->row != self && !is_interview_of (run, e->row, ignore_visit) &&
                _mt_overlap (e->start, e->end, start, end))
              return FALSE;
          }
    }

  if (r->interviewee >= 0 && _mt_run_block (run, run->interviewee_entries, r->interviewee, r->day, &lo, &hi))
    for (guint i = lo; i < hi; i++)
      {
        Entry *e = &g_array_index (run->interviewee_entries, Entry, i);

        if (e->row != self && !is_interview_of (run, e->row, ignore_visit) &&
            _mt_overlap (e->start, e->end, start, end))
          return FALSE;
      }

  return !delegates_elsewhere (run, r, start, end, ignore_visit);
}

static gboolean
same_day (Run    *run,
          int     day,
          gint64  start,
          gint64  end)
{
  return _mt_check_day_of (run->tour, start) == day && end <= mt_tour_get_day_start (run->tour, day + 1);
}

/* Can @b move to [@start, @end) without a new problem? */
static gboolean
visit_can_move (Run      *run,
                VisitRow *b,
                gint64    start,
                gint64    end)
{
  int brow = (int) (b - visit_at (run, 0));
  gint64 delta = start - b->start;

  if (!b->in_scope || !b->active || !same_day (run, b->day, start, end))
    return FALSE;

  for (int k = 0; k < b->n_lanes; k++)
    {
      int lane = g_array_index (run->lane_pool, int, b->first_lane + k);
      int new_prev = -1, new_next = -1, old_prev = -1, old_next = -1;
      DayShape before, after;
      guint lo, hi;

      /* the lane's interviews elsewhere at the new time */
      if (b->site != NULL && _mt_run_block (run, run->lane_interviews, lane, b->day, &lo, &hi))
        for (guint i = lo; i < hi; i++)
          {
            Entry *e = &g_array_index (run->lane_interviews, Entry, i);
            InterviewRow *r = interview_at (run, e->row);

            if (r->visit != brow && r->visit >= 0 && visit_at (run, r->visit)->site != NULL &&
                visit_at (run, r->visit)->site != b->site && _mt_overlap (e->start, e->end, start, end))
              return FALSE;
          }

      if (!_mt_run_checked_lane (run, lane) ||
          !_mt_run_block (run, run->lane_entries, lane, b->day, &lo, &hi))
        continue;

      for (guint i = lo; i < hi; i++)
        {
          Entry *e = &g_array_index (run->lane_entries, Entry, i);

          if (e->row == brow)
            {
              old_prev = i > lo ? (int) i - 1 : -1;
              old_next = i + 1 < hi ? (int) i + 1 : -1;
              continue;
            }
          if (_mt_overlap (e->start, e->end, start, end))
            return FALSE;
          if (compare_slot (e->start, e->end, e->id, start, end, b->id) < 0)
            new_prev = (int) i;
          else if (new_next < 0)
            new_next = (int) i;
        }

      if (new_prev >= 0)
        {
          VisitRow *p = visit_at (run, g_array_index (run->lane_entries, Entry, new_prev).row);

          if (needs_travel (p, b) && start - p->end < _mt_run_needed (run, p, b, NULL))
            return FALSE;
        }
      if (new_next >= 0)
        {
          VisitRow *n = visit_at (run, g_array_index (run->lane_entries, Entry, new_next).row);

          if (needs_travel (b, n) && n->start - end < _mt_run_needed (run, b, n, NULL))
            return FALSE;
        }
      /* where it leaves its place, its old neighbours meet */
      if (new_prev != old_prev && old_prev >= 0 && old_next >= 0)
        {
          VisitRow *p = visit_at (run, g_array_index (run->lane_entries, Entry, old_prev).row);
          VisitRow *n = visit_at (run, g_array_index (run->lane_entries, Entry, old_next).row);

          if (needs_travel (p, n) && p->end <= n->start && n->start - p->end < _mt_run_needed (run, p, n, NULL))
            return FALSE;
        }

      day_shape (run, lo, hi, -1, 0, 0, &before);
      day_shape (run, lo, hi, brow, start, end, &after);
      if (!day_kept (run, &before, &after))
        return FALSE;
    }

  /* its interviews move with it */
  for (int i = b->first_interview; i >= 0; i = interview_at (run, i)->next_of_visit)
    {
      InterviewRow *r = interview_at (run, i);

      if (!r->active)
        continue;
      if (!r->in_scope || r->day != b->day ||
          !same_day (run, r->day, r->start + delta, r->end + delta) ||
          !interview_slot_free (run, r, r->start + delta, r->end + delta, brow))
        return FALSE;
    }
  return TRUE;
}

/* Can @a end at @end without a new problem? */
static gboolean
visit_can_end (Run      *run,
               VisitRow *a,
               gint64    end)
{
  int arow = (int) (a - visit_at (run, 0));

  if (!a->in_scope || !a->active || end - a->start < MT_CHECK_MIN_SHORTENED || end >= a->end)
    return FALSE;

  for (int i = a->first_interview; i >= 0; i = interview_at (run, i)->next_of_visit)
    {
      InterviewRow *r = interview_at (run, i);

      /* one outside already stays the same problem */
      if (r->active && r->end > end && r->start >= a->start && r->end <= a->end)
        return FALSE;
    }

  for (int k = 0; k < a->n_lanes; k++)
    {
      int lane = g_array_index (run->lane_pool, int, a->first_lane + k);
      DayShape before, after;
      guint lo, hi;

      if (!_mt_run_checked_lane (run, lane) ||
          !_mt_run_block (run, run->lane_entries, lane, a->day, &lo, &hi))
        continue;
      for (guint i = lo; i < hi; i++)
        {
          Entry *e = &g_array_index (run->lane_entries, Entry, i);

          /* an equal start would change the order of the list */
          if (e->row != arow && e->start == a->start)
            return FALSE;
          /* where it overlapped the next one and no longer does, the two
           * need the travel time between them */
          if (e->row == arow && i + 1 < hi)
            {
              VisitRow *n = visit_at (run, g_array_index (run->lane_entries, Entry, i + 1).row);

              if (needs_travel (a, n) && a->end > n->start && end <= n->start &&
                  n->start - end < _mt_run_needed (run, a, n, NULL))
                return FALSE;
            }
        }
      day_shape (run, lo, hi, -1, 0, 0, &before);
      day_shape (run, lo, hi, arow, a->start, end, &after);
      if (!day_kept (run, &before, &after))
        return FALSE;
    }
  return TRUE;
}

/* a fix's label, written when first read: @format, untranslated, has %s
 * for @name and the clock times that follow */
static MtText *
label_text (const char *format,
            const char *name,
            gint64      time1,
            gint64      time2)
{
  MtText *text = _mt_text_new (format, 0, 0, MT_PROBLEM_NO_DAY);

  _mt_text_add_string (text, name);
  _mt_text_add_clock (text, time1);
  if (time2 != MT_TIME_UNSET)
    _mt_text_add_clock (text, time2);
  return text;
}

/* @a comes before @b in @lane, and they overlap or leave too short a gap:
 * start @b later, or else end @a sooner. */
void
_mt_run_fix_visit_pair (Run       *run,
                        MtProblem *problem,
                        int        lane,
                        VisitRow  *a,
                        VisitRow  *b)
{
  gint64 needed = needs_travel (a, b) ? _mt_run_needed (run, a, b, NULL) : 0;
  gint64 start = a->end + needed;
  gint64 end = b->start - needed;

  if (visit_can_move (run, b, start, start + (b->end - b->start)))
    /* Translators: a fix, “Start “Lunch” at 12:25” */
    _mt_problem_set_fix_move_visit (problem, label_text (N_("Start “%s” at %s"), _mt_text_visit (b), start, MT_TIME_UNSET),
                                    b->id, start);
  else if (visit_can_end (run, a, end))
    /* Translators: a fix, “End “Factory tour” at 11:20” */
    _mt_problem_set_fix_visit_end (problem, label_text (N_("End “%s” at %s"), _mt_text_visit (a), end, MT_TIME_UNSET),
                                   a->id, end);
}

static gboolean
inside (InterviewRow *r,
        VisitRow     *v,
        gint64        start,
        gint64        end)
{
  return !v->timed || (start >= v->start && end <= v->end);
}

static void
set_interview_fix (Run          *run,
                   MtProblem    *problem,
                   InterviewRow *r,
                   gint64        start,
                   gint64        end)
{
  MtText *label;

  if (end - start == r->end - r->start)
    /* Translators: a fix, “Move the interview with Li Na to 10:30” */
    label = label_text (N_("Move the interview with %s to %s"), _mt_text_interviewee (r), start, MT_TIME_UNSET);
  else
    /* Translators: a fix, “Hold the interview with Li Na from 10:00 to 10:45” */
    label = label_text (N_("Hold the interview with %s from %s to %s"), _mt_text_interviewee (r), start, end);
  _mt_problem_set_fix_interview_time (problem, label, r->id, start, end);
}

/* Two interviews of a delegate or an interviewee overlap: start the second
 * when the first ends, where it stays inside its visit. */
void
_mt_run_fix_double_booking (Run          *run,
                            MtProblem    *problem,
                            InterviewRow *first,
                            InterviewRow *second)
{
  gint64 start = first->end, end = first->end + (second->end - second->start);

  if (!second->in_scope || !same_day (run, second->day, start, end))
    return;
  if (second->visit >= 0)
    {
      VisitRow *v = visit_at (run, second->visit);

      if (inside (second, v, second->start, second->end) && !inside (second, v, start, end))
        return;
    }
  if (interview_slot_free (run, second, start, end, -1))
    set_interview_fix (run, problem, second, start, end);
}

/* An interview lies outside its visit: move it in, or fit it to the visit
 * where it is longer. */
void
_mt_run_fix_outside_visit (Run          *run,
                           MtProblem    *problem,
                           InterviewRow *r,
                           VisitRow     *v)
{
  gint64 length = r->end - r->start;
  gint64 start, end;

  if (v->day != r->day || !v->timed)
    return;
  if (length <= v->end - v->start)
    {
      start = CLAMP (r->start, v->start, v->end - length);
      end = start + length;
    }
  else
    {
      start = v->start;
      end = v->end;
    }
  if (interview_slot_free (run, r, start, end, -1))
    set_interview_fix (run, problem, r, start, end);
}

/* Fixing all problems at once */

static GHashTable *
problem_keys (MtChecker *self)
{
  GListModel *problems = mt_checker_get_problems (self);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (problems);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);

      g_hash_table_add (keys, _mt_problem_dup_key (problem));
    }
  return keys;
}

static gboolean
is_subset (GHashTable *a,
           GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

/**
 * mt_checker_fix_all:
 * @applied: (out) (optional) (transfer full) (element-type utf8): the
 *   labels of the fixes kept, in order
 *
 * Applies the fixes of the problems one at a time, each as one undoable
 * step, and keeps a fix only where the re-check shows its problem gone and
 * no new one; the others are undone.
 *
 * Returns: the number of fixes kept
 */
guint
mt_checker_fix_all (MtChecker  *self,
                    GPtrArray **applied)
{
  g_autoptr(GHashTable) tried = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  MtTour *tour;
  GListModel *problems;
  guint kept = 0;

  g_return_val_if_fail (MT_IS_CHECKER (self), 0);

  tour = mt_checker_get_tour (self);
  problems = mt_checker_get_problems (self);
  mt_checker_update (self);

  for (;;)
    {
      g_autoptr(MtProblem) problem = NULL;
      g_autoptr(GHashTable) before = NULL, after = NULL;
      g_autofree char *key = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (problems) && problem == NULL; i++)
        {
          g_autoptr(MtProblem) candidate = g_list_model_get_item (problems, i);
          g_autofree char *candidate_key = NULL;

          if (!mt_problem_has_fix (candidate))
            continue;
          candidate_key = _mt_problem_dup_key (candidate);
          if (g_hash_table_contains (tried, candidate_key))
            continue;
          problem = g_steal_pointer (&candidate);
          key = g_steal_pointer (&candidate_key);
        }
      if (problem == NULL)
        break;

      g_hash_table_add (tried, g_strdup (key));
      before = problem_keys (self);
      if (!mt_problem_apply_fix (problem, tour))
        continue;
      mt_checker_update (self);
      after = problem_keys (self);

      if (!g_hash_table_contains (after, key) && is_subset (after, before))
        {
          g_ptr_array_add (labels, g_strdup (mt_problem_get_fix_label (problem)));
          kept++;
        }
      else
        {
          mt_history_undo (mt_tour_get_history (tour));
          mt_checker_update (self);
        }
    }

  if (applied != NULL)
    *applied = g_steal_pointer (&labels);
  return kept;
}
