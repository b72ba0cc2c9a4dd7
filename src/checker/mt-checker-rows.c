/* mt-checker-rows.c: what a run reads of the tour
 *
 * A run takes a row for each visit and interview of the days it checks
 * (and for the visits those interviews belong to). What a row needs of the
 * ids an item names (a visit's site and groups, an interview's visit,
 * delegates and interviewee) is looked up once per revision of the item and
 * kept in the MtCheckStatic until a group, delegate, site or setting
 * changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include <string.h>

#include "mt-checker-run.h"
#include "mt-wall-time.h"

/* Static data */

static void
resolved_free (gpointer data)
{
  Resolved *resolved = data;

  g_clear_object (&resolved->visit);
  g_free (resolved);
}

MtCheckStatic *
_mt_check_static_new (MtTour *tour)
{
  MtCheckStatic *st = g_new0 (MtCheckStatic, 1);
  GListModel *groups = mt_tour_get_groups (tour);
  GListModel *delegates = mt_tour_get_delegates (tour);

  st->n_groups = g_list_model_get_n_items (groups);
  st->whole = st->n_groups;
  st->groups = g_ptr_array_new_full (st->n_groups, g_object_unref);
  st->group_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  st->group_size = g_new0 (guint, st->n_groups + 1);
  for (guint i = 0; i < st->n_groups; i++)
    {
      MtGroup *group = g_list_model_get_item (groups, i);

      g_ptr_array_add (st->groups, group);
      g_hash_table_insert (st->group_index, group, GUINT_TO_POINTER (i + 1));
    }

  st->interviewee_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  st->resolved = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, resolved_free);
  st->delegates = g_ptr_array_new_full (g_list_model_get_n_items (delegates), g_object_unref);
  st->delegate_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  st->delegate_lane = g_new0 (int, g_list_model_get_n_items (delegates) + 1);
  for (guint i = 0, n = g_list_model_get_n_items (delegates); i < n; i++)
    {
      MtDelegate *delegate = g_list_model_get_item (delegates, i);
      MtGroup *group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, mt_delegate_get_group (delegate));
      guint lane = group != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (st->group_index, group)) - 1
                                 : st->whole;

      g_ptr_array_add (st->delegates, delegate);
      g_hash_table_insert (st->delegate_index, delegate, GUINT_TO_POINTER (i + 1));
      st->delegate_lane[i] = (int) lane;
      st->group_size[lane]++;
    }
  return st;
}

void
_mt_check_static_free (MtCheckStatic *st)
{
  if (st == NULL)
    return;
  g_ptr_array_unref (st->groups);
  g_hash_table_unref (st->group_index);
  g_free (st->group_size);
  g_ptr_array_unref (st->delegates);
  g_hash_table_unref (st->delegate_index);
  g_free (st->delegate_lane);
  g_hash_table_unref (st->resolved);
  g_hash_table_unref (st->interviewee_index);
  for (guint i = 0; i < G_N_ELEMENTS (st->buffers); i++)
    g_clear_pointer (&st->buffers[i], g_array_unref);
  g_free (st);
}

int
_mt_check_day_of (MtTour *tour,
                  gint64  start)
{
  if (start == MT_TIME_UNSET)
    return MT_PROBLEM_NO_DAY;
  return mt_tour_get_day_index (tour, start);
}

/* Rows */

gboolean
_mt_run_in_scope (Run *run,
                  int  day)
{
  if (run->days == NULL)
    return TRUE;
  /* a re-check has a day or two: a scan beats a hash */
  for (guint i = 0; i < run->n_day_list; i++)
    if (run->day_list[i] == day)
      return TRUE;
  return FALSE;
}

gboolean
_mt_run_checked_lane (Run *run,
                      int  lane)
{
  /* with groups, every group's day is checked and the whole delegation's
   * visits are in each; without, the whole delegation is the one lane */
  return run->st->n_groups > 0 ? (guint) lane < run->st->n_groups : (guint) lane == run->st->whole;
}

static void
add_unique (GArray *items,
            int     value)
{
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, int, i) == value)
      return;
  g_array_append_val (items, value);
}

static Resolved *
store_resolved (MtCheckStatic *st,
                MtEntity      *entity,
                GArray        *items,
                Resolved      *proto)
{
  Resolved *resolved = g_malloc (sizeof (Resolved) + items->len * sizeof (int));

  *resolved = *proto;
  resolved->revision = mt_entity_get_revision (entity);
  resolved->serial = 0;
  resolved->row = -1;
  resolved->n = (int) items->len;
  if (items->len > 0)
    memcpy (resolved->items, items->data, items->len * sizeof (int));
  g_hash_table_replace (st->resolved, g_object_ref (entity), resolved);
  return resolved;
}

/* the site and lanes of @visit, looked up once per revision */
static Resolved *
resolve_visit (Run     *run,
               MtVisit *visit)
{
  MtCheckStatic *st = run->st;
  Resolved *resolved = g_hash_table_lookup (st->resolved, visit);
  const char * const *groups;
  g_autoptr(GArray) lanes = NULL;
  Resolved proto = { 0, };

  if (resolved != NULL && resolved->revision == mt_entity_get_revision (MT_ENTITY (visit)))
    return resolved;

  lanes = g_array_new (FALSE, FALSE, sizeof (int));
  groups = mt_visit_get_groups (visit);
  proto.start = mt_visit_get_start (visit);
  proto.end = mt_visit_get_end (visit);
  proto.day = _mt_check_day_of (run->tour, proto.start);
  proto.kind = mt_visit_get_visit_kind (visit);
  proto.status = mt_visit_get_status (visit);
  proto.site = mt_tour_lookup_kind (run->tour, MT_ENTITY_SITE, mt_visit_get_site (visit));
  if (groups == NULL || groups[0] == NULL)
    {
      proto.whole = TRUE;
      for (guint g = 0; g <= st->n_groups; g++)
        add_unique (lanes, (int) g);
    }
  else
    for (guint i = 0; groups[i] != NULL; i++)
      {
        MtGroup *group = mt_tour_lookup_kind (run->tour, MT_ENTITY_GROUP, groups[i]);
        guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (st->group_index, group));

        if (lane > 0)
          add_unique (lanes, (int) lane - 1);
        else
          proto.missing = TRUE;
      }
  return store_resolved (st, MT_ENTITY (visit), lanes, &proto);
}

/* the same index for the same name, from one full check to the next */
static int
intern_interviewee (MtCheckStatic *st,
                    const char    *name)
{
  int index;

  if (name == NULL || name[0] == '\0')
    return -1;
  index = GPOINTER_TO_INT (g_hash_table_lookup (st->interviewee_index, name)) - 1;
  if (index >= 0)
    return index;
  index = (int) st->n_interviewees++;
  g_hash_table_insert (st->interviewee_index, g_strdup (name), GINT_TO_POINTER (index + 1));
  return index;
}

/* the delegates of @interview, once each, looked up once per revision */
static Resolved *
resolve_interview (Run         *run,
                   MtInterview *interview)
{
  MtCheckStatic *st = run->st;
  Resolved *resolved = g_hash_table_lookup (st->resolved, interview);
  const char * const *delegates;
  g_autoptr(GArray) found = NULL;
  Resolved proto = { 0, };

  if (resolved != NULL && resolved->revision == mt_entity_get_revision (MT_ENTITY (interview)))
    {
      if (resolved->visits_epoch != run->settings->visits_epoch)
        {
          g_set_object (&resolved->visit, mt_tour_lookup_kind (run->tour, MT_ENTITY_VISIT,
                                                               mt_interview_get_visit (interview)));
          resolved->visits_epoch = run->settings->visits_epoch;
        }
      return resolved;
    }

  found = g_array_new (FALSE, FALSE, sizeof (int));
  delegates = mt_interview_get_delegates (interview);
  for (guint k = 0; delegates != NULL && delegates[k] != NULL; k++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (run->tour, MT_ENTITY_DELEGATE, delegates[k]);
      int d = GPOINTER_TO_INT (g_hash_table_lookup (st->delegate_index, delegate)) - 1;

      if (d < 0)
        proto.missing = TRUE;
      else
        add_unique (found, d);
    }
  proto.start = mt_interview_get_start (interview);
  proto.end = mt_interview_get_end (interview);
  proto.day = _mt_check_day_of (run->tour, proto.start);
  proto.status = mt_interview_get_status (interview);
  proto.visit = mt_tour_lookup_kind (run->tour, MT_ENTITY_VISIT, mt_interview_get_visit (interview));
  if (proto.visit != NULL)
    g_object_ref (proto.visit);
  proto.visits_epoch = run->settings->visits_epoch;
  proto.interviewee = intern_interviewee (st, mt_interview_get_interviewee (interview));
  return store_resolved (st, MT_ENTITY (interview), found, &proto);
}

static int
add_row_of (Run      *run,
            MtVisit  *visit,
            Resolved *resolved,
            gboolean  in_scope)
{
  VisitRow row = { 0, };
  int index = (int) run->visits->len;

  row.visit = visit;
  row.id = mt_entity_get_id (MT_ENTITY (visit));
  row.start = resolved->start;
  row.end = resolved->end;
  row.day = resolved->day;
  row.kind = resolved->kind;
  row.status = resolved->status;
  row.site = resolved->site;
  row.timed = row.start != MT_TIME_UNSET && row.end != MT_TIME_UNSET && row.end >= row.start;
  row.active = row.timed && row.status != MT_VISIT_CANCELLED;
  row.in_scope = in_scope;
  row.first_interview = -1;
  row.first_lane = (int) run->lane_pool->len;
  row.n_lanes = resolved->n;
  row.whole = resolved->whole;
  row.missing_groups = resolved->missing;
  g_array_append_vals (run->lane_pool, resolved->items, (guint) resolved->n);

  g_array_append_val (run->visits, row);
  resolved->serial = run->serial;
  resolved->row = index;
  return index;
}

/* the row of @visit, or -1 where it has none; with @add, a row out of
 * scope is added where it has none */
static int
visit_row (Run      *run,
           MtVisit  *visit,
           gboolean  add)
{
  Resolved *resolved = g_hash_table_lookup (run->st->resolved, visit);

  if (resolved != NULL && resolved->serial == run->serial)
    return resolved->row;
  if (!add)
    return -1;
  return add_row_of (run, visit, resolve_visit (run, visit), FALSE);
}

/* the @i-th item of @list, or of the tour's @model; borrowed */
static gpointer
nth_item (GPtrArray  *list,
          GListModel *model,
          guint       i)
{
  gpointer item;

  if (list != NULL)
    return g_ptr_array_index (list, i);
  /* the tour holds a reference */
  item = g_list_model_get_item (model, i);
  g_object_unref (item);
  return item;
}

void
_mt_run_collect_rows (Run       *run,
                      GPtrArray *visit_list,
                      GPtrArray *interview_list)
{
  GListModel *visits = mt_tour_get_visits (run->tour);
  GListModel *interviews = mt_tour_get_interviews (run->tour);
  guint n_visits = visit_list != NULL ? visit_list->len : g_list_model_get_n_items (visits);
  guint n_interviews = interview_list != NULL ? interview_list->len : g_list_model_get_n_items (interviews);

  for (guint i = 0; i < n_visits; i++)
    {
      MtVisit *visit = nth_item (visit_list, visits, i);
      Resolved *resolved = resolve_visit (run, visit);

      if (_mt_run_in_scope (run, resolved->day))
        add_row_of (run, visit, resolved, TRUE);
    }

  for (guint i = 0; i < n_interviews; i++)
    {
      MtInterview *interview = nth_item (interview_list, interviews, i);
      InterviewRow row = { 0, };
      Resolved *resolved;
      MtVisit *visit;
      int index = (int) run->interviews->len;

      resolved = resolve_interview (run, interview);
      row.start = resolved->start;
      row.day = resolved->day;
      row.in_scope = _mt_run_in_scope (run, row.day);
      row.visit = -1;

      visit = resolved->visit;
      if (visit != NULL)
        row.visit = visit_row (run, visit, row.in_scope);
      if (!row.in_scope && (row.visit < 0 || !g_array_index (run->visits, VisitRow, row.visit).in_scope))
        continue;

      row.interview = interview;
      row.id = mt_entity_get_id (MT_ENTITY (interview));
      row.end = resolved->end;
      row.status = resolved->status;
      row.timed = row.start != MT_TIME_UNSET && row.end != MT_TIME_UNSET && row.end >= row.start;
      row.active = row.timed && row.status != MT_INTERVIEW_DECLINED;
      row.interviewee = resolved->interviewee;
      row.first_delegate = (int) run->delegate_pool->len;

      row.n_delegates = resolved->n;
      row.missing_delegates = resolved->missing;
      g_array_append_vals (run->delegate_pool, resolved->items, (guint) resolved->n);

      if (row.visit >= 0)
        {
          VisitRow *v = &g_array_index (run->visits, VisitRow, row.visit);

          row.next_of_visit = v->first_interview;
          v->first_interview = index;
        }
      g_array_append_val (run->interviews, row);
    }
}
