/* mt-page-slots.c: the free slots the interview editor proposes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-page-slots"

#include "config.h"

#include "mt-page-logic.h"

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
