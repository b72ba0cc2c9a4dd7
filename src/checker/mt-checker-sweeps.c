/* mt-checker-sweeps.c: the checks that sweep the sorted lists
 *
 * Each block of a sorted list (one lane, delegate or interviewee on one day)
 * is swept once: visits that overlap or leave too short a gap in a lane, the
 * length and the meal of a lane's day, interviews booked twice for a
 * delegate or an interviewee, and delegates interviewed while their group is
 * at another site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-checker-run.h"
#include "mt-wall-time.h"

static guint
row_of (Run      *run,
        VisitRow *v)
{
  return (guint) (v - &g_array_index (run->visits, VisitRow, 0));
}

static void
report_overlap (Run      *run,
                int       lane,
                VisitRow *a,
                VisitRow *b)
{
  const char *ids[] = { a->id, b->id, NULL };
  MtProblem *problem;
  MtText *text;

  if (!_mt_run_first_time (run, MT_SEEN_OVERLAP, row_of (run, a), row_of (run, b)))
    return;

  /* Translators: two visits, their times and the group they are for */
  text = _mt_run_text (run, a->day, N_("“%s” (%s–%s) and “%s” (%s–%s) overlap for %s"));
  _mt_text_add_string (text, _mt_text_visit (a));
  _mt_text_add_time (text, a->start, a->day);
  _mt_text_add_time (text, a->end, a->day);
  _mt_text_add_string (text, _mt_text_visit (b));
  _mt_text_add_time (text, b->start, a->day);
  _mt_text_add_time (text, b->end, a->day);
  _mt_text_take_string (text, _mt_text_lane (run, a->whole && b->whole ? -1 : lane));
  problem = _mt_run_report_text (run, MT_PROBLEM_VISIT_OVERLAP, MT_SEVERITY_ERROR, a->start, text, ids);
  _mt_run_fix_visit_pair (run, problem, lane, a, b);
}

static void
report_travel (Run      *run,
               int       lane,
               VisitRow *a,
               VisitRow *b)
{
  const char *ids[] = { a->id, b->id, NULL };
  gboolean whole = (a->whole && b->whole) || (guint) lane == run->st->whole;
  gint64 gap = b->start - a->end;
  gint64 needed;
  int travel;
  MtProblem *problem;
  MtText *text;

  needed = _mt_run_needed (run, a, b, &travel);
  if (gap >= needed || !_mt_run_first_time (run, MT_SEEN_TRAVEL, row_of (run, a), row_of (run, b)))
    return;

  if (travel >= 0 && gap < (gint64) travel * 60)
    {
      if (whole)
        /* Translators: “The delegation leaves “BYD” at 11:30 but needs 55 min to reach “Dongguan venue” at 12:00” */
        text = _mt_run_text (run, a->day, N_("The delegation leaves “%s” at %s but needs %s to reach “%s” at %s"));
      else
        {
          /* Translators: “Coach B leaves “BYD” at 11:30 but needs 55 min to reach “Dongguan venue” at 12:00” */
          text = _mt_run_text (run, a->day, N_("%s leaves “%s” at %s but needs %s to reach “%s” at %s"));
          _mt_text_take_string (text, _mt_text_lane (run, lane));
        }
      _mt_text_add_string (text, _mt_text_visit (a));
      _mt_text_add_time (text, a->end, a->day);
      _mt_text_add_duration (text, (gint64) travel * 60);
      _mt_text_add_string (text, _mt_text_visit (b));
      _mt_text_add_time (text, b->start, a->day);
      problem = _mt_run_report_text (run, MT_PROBLEM_TRAVEL_TIME, MT_SEVERITY_ERROR, a->end, text, ids);
    }
  else
    {
      text = _mt_run_text (run, a->day,
                           N_("Only %s between “%s” (ends %s) and “%s” (starts %s); a transfer takes at least %s"));
      _mt_text_add_duration (text, gap);
      _mt_text_add_string (text, _mt_text_visit (a));
      _mt_text_add_time (text, a->end, a->day);
      _mt_text_add_string (text, _mt_text_visit (b));
      _mt_text_add_time (text, b->start, a->day);
      _mt_text_add_duration (text, needed);
      problem = _mt_run_report_text (run, MT_PROBLEM_TRAVEL_TIME, MT_SEVERITY_WARNING, a->end, text, ids);
    }
  _mt_run_fix_visit_pair (run, problem, lane, a, b);
}

/* A day problem of a group names the group; one whose first and last visits
 * are the whole delegation's (too long) or whose visits all are (no meal)
 * is the same for every group and reported once. */
static void
report_day_problem (Run           *run,
                    MtProblemKind  kind,
                    int            lane,
                    VisitRow      *first,
                    VisitRow      *last,
                    gboolean       whole)
{
  const char *group_id = NULL;
  const char *ids[4] = { NULL, };
  guint n_ids = 0;
  gint64 span = last->end - first->start;
  MtText *text;

  if (!whole && lane >= 0 && (guint) lane < run->st->n_groups)
    group_id = mt_entity_get_id (g_ptr_array_index (run->st->groups, lane));
  if (!_mt_run_first_time (run, kind == MT_PROBLEM_DAY_TOO_LONG ? MT_SEEN_DAY_TOO_LONG : MT_SEEN_NO_MEAL,
                           group_id != NULL ? (guint) lane : run->st->whole, row_of (run, first)))
    return;

  ids[n_ids++] = first->id;
  if (last != first)
    ids[n_ids++] = last->id;
  if (group_id != NULL)
    ids[n_ids++] = group_id;

  if (kind == MT_PROBLEM_DAY_TOO_LONG)
    text = _mt_run_text (run, first->day, N_("The day of %s lasts %s (%s–%s), longer than the limit of %s"));
  else
    text = _mt_run_text (run, first->day, N_("The day of %s lasts %s (%s–%s) without a meal"));
  _mt_text_take_string (text, _mt_text_lane (run, whole ? -1 : lane));
  _mt_text_add_duration (text, span);
  _mt_text_add_time (text, first->start, first->day);
  _mt_text_add_time (text, last->end, first->day);
  if (kind == MT_PROBLEM_DAY_TOO_LONG)
    _mt_text_add_duration (text, run->settings->daily_limit);
  _mt_run_report_text (run, kind, MT_SEVERITY_WARNING, first->start, text, ids);
}

static void
report_day (Run   *run,
            int    lane,
            guint  lo,
            guint  hi)
{
  GArray *entries = run->lane_entries;
  VisitRow *first = &g_array_index (run->visits, VisitRow, g_array_index (entries, Entry, lo).row);
  VisitRow *last = first;
  gboolean all_whole = TRUE, meal = FALSE;
  gint64 span;

  for (guint i = lo; i < hi; i++)
    {
      VisitRow *v = &g_array_index (run->visits, VisitRow, g_array_index (entries, Entry, i).row);

      if (v->end > last->end)
        last = v;
      all_whole &= v->whole;
      meal |= v->kind == MT_VISIT_MEAL;
    }

  span = last->end - first->start;
  if (span > run->settings->daily_limit)
    report_day_problem (run, MT_PROBLEM_DAY_TOO_LONG, lane, first, last, first->whole && last->whole);
  if (!meal && span > run->settings->meal_after)
    report_day_problem (run, MT_PROBLEM_NO_MEAL_BREAK, lane, first, last, all_whole);
}

void
_mt_run_sweep_lanes (Run *run)
{
  GArray *entries = run->lane_entries;
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));
  guint lo = 0;

  while (lo < entries->len)
    {
      Entry *head = &g_array_index (entries, Entry, lo);
      guint hi = lo + 1;

      while (hi < entries->len && _mt_entry_compare_key_day (&g_array_index (entries, Entry, hi), head->key, head->day) == 0)
        hi++;

      if (_mt_run_checked_lane (run, head->key))
        {
          g_array_set_size (active, 0);
          for (guint i = lo; i < hi; i++)
            {
              Entry *e = &g_array_index (entries, Entry, i);
              VisitRow *b = &g_array_index (run->visits, VisitRow, e->row);

              /* the visits still going on when this one starts */
              for (guint k = 0; k < active->len;)
                {
                  Entry *o = &g_array_index (entries, Entry, g_array_index (active, guint, k));

                  if (o->end <= e->start)
                    g_array_remove_index_fast (active, k);
                  else
                    {
                      if (_mt_overlap (o->start, o->end, e->start, e->end))
                        report_overlap (run, head->key, &g_array_index (run->visits, VisitRow, o->row), b);
                      k++;
                    }
                }
              g_array_append_val (active, i);

              if (i > lo)
                {
                  Entry *p = &g_array_index (entries, Entry, i - 1);
                  VisitRow *a = &g_array_index (run->visits, VisitRow, p->row);

                  if (a->end <= b->start && a->kind != MT_VISIT_TRANSFER && b->kind != MT_VISIT_TRANSFER)
                    report_travel (run, head->key, a, b);
                }
            }
          report_day (run, head->key, lo, hi);
        }
      lo = hi;
    }
}

typedef struct
{
  int     a;          /* interview rows, in sorted order */
  int     b;
  GArray *delegates;  /* int */
} Booking;

static void
booking_free (gpointer data)
{
  Booking *booking = data;

  g_clear_pointer (&booking->delegates, g_array_unref);
  g_free (booking);
}

/* Overlapping pairs in each block of @entries; each pair once, with the keys
 * (delegates) it was found under. */
static GPtrArray *
sweep_bookings (GArray *entries)
{
  GPtrArray *bookings = g_ptr_array_new_with_free_func (booking_free);
  MtPairMap index;
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));

  mt_pair_map_init (&index);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = &g_array_index (entries, Entry, i);

      if (i == 0 || _mt_entry_compare_key_day (&g_array_index (entries, Entry, i - 1), e->key, e->day) != 0)
        g_array_set_size (active, 0);

      for (guint k = 0; k < active->len;)
        {
          Entry *o = &g_array_index (entries, Entry, g_array_index (active, guint, k));

          if (o->end <= e->start)
            g_array_remove_index_fast (active, k);
          else
            {
              if (_mt_overlap (o->start, o->end, e->start, e->end) && o->row != e->row)
                {
                  /* the same two interviews come in the same order for each delegate */
                  Booking *booking = mt_pair_map_lookup (&index, (guint64) o->row << 32 | (guint) e->row);

                  if (booking == NULL)
                    {
                      booking = g_new0 (Booking, 1);
                      booking->a = o->row;
                      booking->b = e->row;
                      booking->delegates = g_array_new (FALSE, FALSE, sizeof (int));
                      g_ptr_array_add (bookings, booking);
                      mt_pair_map_insert (&index, (guint64) o->row << 32 | (guint) e->row, booking);
                    }
                  g_array_append_val (booking->delegates, e->key);
                }
              k++;
            }
        }
      g_array_append_val (active, i);
    }
  mt_pair_map_clear (&index);
  return bookings;
}

void
_mt_run_check_bookings (Run *run)
{
  g_autoptr(GPtrArray) delegate_bookings = sweep_bookings (run->delegate_entries);
  g_autoptr(GPtrArray) interviewee_bookings = sweep_bookings (run->interviewee_entries);

  for (guint i = 0; i < delegate_bookings->len; i++)
    {
      Booking *booking = g_ptr_array_index (delegate_bookings, i);
      InterviewRow *a = &g_array_index (run->interviews, InterviewRow, booking->a);
      InterviewRow *b = &g_array_index (run->interviews, InterviewRow, booking->b);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      MtProblem *problem;
      MtText *text;

      g_ptr_array_add (ids, (gpointer) a->id);
      g_ptr_array_add (ids, (gpointer) b->id);
      for (guint k = 0; k < booking->delegates->len; k++)
        g_ptr_array_add (ids, (gpointer) mt_entity_get_id (g_ptr_array_index (run->st->delegates,
                                                                              g_array_index (booking->delegates, int, k))));
      g_ptr_array_add (ids, NULL);

      text = _mt_run_text (run, a->day,
                           N_("%s is booked into the interviews with %s (%s–%s) and with %s (%s–%s) at once"));
      _mt_text_take_string (text, _mt_text_delegates (run, (int *) booking->delegates->data,
                                                      booking->delegates->len));
      _mt_text_add_string (text, _mt_text_interviewee (a));
      _mt_text_add_time (text, a->start, a->day);
      _mt_text_add_time (text, a->end, a->day);
      _mt_text_add_string (text, _mt_text_interviewee (b));
      _mt_text_add_time (text, b->start, a->day);
      _mt_text_add_time (text, b->end, a->day);
      problem = _mt_run_report_text (run, MT_PROBLEM_DELEGATE_DOUBLE_BOOKED, MT_SEVERITY_ERROR, a->start,
                                     text, (const char * const *) ids->pdata);
      _mt_run_fix_double_booking (run, problem, a, b);
    }

  for (guint i = 0; i < interviewee_bookings->len; i++)
    {
      Booking *booking = g_ptr_array_index (interviewee_bookings, i);
      InterviewRow *a = &g_array_index (run->interviews, InterviewRow, booking->a);
      InterviewRow *b = &g_array_index (run->interviews, InterviewRow, booking->b);
      const char *ids[] = { a->id, b->id, NULL };
      MtProblem *problem;
      MtText *text;

      text = _mt_run_text (run, a->day, N_("%s has two interviews at once, %s–%s and %s–%s"));
      _mt_text_add_string (text, _mt_text_interviewee (a));
      _mt_text_add_time (text, a->start, a->day);
      _mt_text_add_time (text, a->end, a->day);
      _mt_text_add_time (text, b->start, a->day);
      _mt_text_add_time (text, b->end, a->day);
      problem = _mt_run_report_text (run, MT_PROBLEM_INTERVIEWEE_DOUBLE_BOOKED, MT_SEVERITY_ERROR, a->start,
                                     text, ids);
      _mt_run_fix_double_booking (run, problem, a, b);
    }
}

void
_mt_run_check_elsewhere (Run          *run,
                 InterviewRow *r)
{
  VisitRow *own;
  g_autoptr(GArray) found = NULL; /* pairs of ints: visit row, delegate */

  if (!r->active || r->visit < 0)
    return;
  own = &g_array_index (run->visits, VisitRow, r->visit);
  if (own->site == NULL)
    return;

  for (int k = 0; k < r->n_delegates; k++)
    {
      int d = g_array_index (run->delegate_pool, int, r->first_delegate + k);
      guint lo, hi;

      if (!_mt_run_block (run, run->lane_entries, run->st->delegate_lane[d], r->day, &lo, &hi))
        continue;
      for (guint i = lo; i < hi && g_array_index (run->lane_entries, Entry, i).start < r->end; i++)
        {
          Entry *e = &g_array_index (run->lane_entries, Entry, i);
          VisitRow *w = &g_array_index (run->visits, VisitRow, e->row);

          if (_mt_overlap (e->start, e->end, r->start, r->end) && w->site != NULL && w->site != own->site)
            {
              int pair[2] = { e->row, d };

              if (found == NULL)
                found = g_array_new (FALSE, FALSE, sizeof pair);
              g_array_append_val (found, pair);
            }
        }
    }
  if (found == NULL)
    return;

  /* one problem per visit elsewhere, naming every delegate it keeps away */
  for (guint i = 0; i < found->len; i++)
    {
      int *pair = &g_array_index (found, int, 2 * i);
      g_autoptr(GArray) delegates = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      VisitRow *w = &g_array_index (run->visits, VisitRow, pair[0]);
      gboolean earlier = FALSE;
      MtText *text;

      for (guint j = 0; j < i && !earlier; j++)
        earlier = g_array_index (found, int, 2 * j) == pair[0];
      if (earlier)
        continue;

      g_ptr_array_add (ids, (gpointer) r->id);
      g_ptr_array_add (ids, (gpointer) w->id);
      for (guint j = i; j < found->len; j++)
        if (g_array_index (found, int, 2 * j) == pair[0])
          {
            int d = g_array_index (found, int, 2 * j + 1);

            g_array_append_val (delegates, d);
            g_ptr_array_add (ids, (gpointer) mt_entity_get_id (g_ptr_array_index (run->st->delegates, d)));
          }
      g_ptr_array_add (ids, NULL);

      /* Translators: “Wang Wei is in the interview with Li Na at “BYD” (10:00–10:30) while Coach B is at “Songshan Lake” for “Factory tour”” */
      text = _mt_run_text (run, r->day, N_("%s is in the interview with %s at “%s” (%s–%s) while %s is at “%s” for “%s”"));
      _mt_text_take_string (text, _mt_text_delegates (run, (int *) delegates->data, delegates->len));
      _mt_text_add_string (text, _mt_text_interviewee (r));
      _mt_text_add_string (text, _mt_text_site (own->site));
      _mt_text_add_time (text, r->start, r->day);
      _mt_text_add_time (text, r->end, r->day);
      _mt_text_take_string (text, _mt_text_lane (run, run->st->delegate_lane[pair[1]]));
      _mt_text_add_string (text, _mt_text_site (w->site));
      _mt_text_add_string (text, _mt_text_visit (w));
      _mt_run_report_text (run, MT_PROBLEM_DELEGATE_ELSEWHERE, MT_SEVERITY_ERROR, r->start, text,
                           (const char * const *) ids->pdata);
    }
}

