/* mt-page-delegates.c: what the delegates page does to several delegates
 * at once, each as one undoable step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-page-logic"

#include "config.h"

#include "mt-page-logic.h"

guint
mt_page_move_delegates (MtTour             *tour,
                        const char * const *delegate_ids,
                        const char         *group_id,
                        const char         *label)
{
  MtHistory *history;
  guint moved = 0;

  g_return_val_if_fail (MT_IS_TOUR (tour), 0);
  g_return_val_if_fail (delegate_ids != NULL, 0);

  history = mt_tour_get_history (tour);
  mt_history_begin (history, label);
  for (guint i = 0; delegate_ids[i] != NULL; i++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_ids[i]);

      if (delegate == NULL || g_strcmp0 (mt_delegate_get_group (delegate), group_id) == 0)
        continue;
      mt_delegate_set_group (delegate, group_id);
      moved++;
    }
  mt_history_end (history);
  return moved;
}

static gboolean
array_has (GPtrArray  *array,
           const char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), text) == 0)
      return TRUE;
  return FALSE;
}

guint
mt_page_add_delegates_to_visit (MtTour             *tour,
                                MtVisit            *visit,
                                const char * const *delegate_ids,
                                guint              *n_without_group,
                                const char         *label)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();   /* borrowed */
  const char * const *old;
  guint added = 0, without = 0;

  g_return_val_if_fail (MT_IS_TOUR (tour), 0);
  g_return_val_if_fail (MT_IS_VISIT (visit), 0);
  g_return_val_if_fail (delegate_ids != NULL, 0);

  old = mt_visit_get_groups (visit);
  for (guint i = 0; old != NULL && old[i] != NULL; i++)
    g_ptr_array_add (groups, (gpointer) old[i]);
  for (guint i = 0; delegate_ids[i] != NULL; i++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_ids[i]);
      const char *group = delegate ? mt_delegate_get_group (delegate) : NULL;

      if (delegate == NULL)
        continue;
      /* a whole-delegation visit has everyone, with a group or not */
      if (old == NULL)
        continue;
      if (group == NULL)
        without++;
      else if (!array_has (groups, group))
        {
          g_ptr_array_add (groups, (gpointer) group);
          added++;
        }
    }
  if (n_without_group != NULL)
    *n_without_group = without;
  if (added == 0)
    return 0;

  g_ptr_array_add (groups, NULL);
  mt_history_begin (mt_tour_get_history (tour), label);
  mt_visit_set_groups (visit, (const char * const *) groups->pdata);
  mt_history_end (mt_tour_get_history (tour));
  return added;
}

guint
mt_page_add_delegates_to_interview (MtTour             *tour,
                                    MtInterview        *interview,
                                    const char * const *delegate_ids,
                                    const char         *label)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) delegates = NULL;
  guint added = 0;

  g_return_val_if_fail (MT_IS_TOUR (tour), 0);
  g_return_val_if_fail (MT_IS_INTERVIEW (interview), 0);
  g_return_val_if_fail (delegate_ids != NULL, 0);

  if (mt_interview_get_delegates (interview) != NULL)
    g_strv_builder_addv (builder, (const char **) mt_interview_get_delegates (interview));
  for (guint i = 0; delegate_ids[i] != NULL; i++)
    if (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_ids[i]) != NULL
        && !mt_interview_has_delegate (interview, delegate_ids[i]))
      {
        g_strv_builder_add (builder, delegate_ids[i]);
        added++;
      }
  if (added == 0)
    return 0;

  delegates = g_strv_builder_end (builder);
  mt_history_begin (mt_tour_get_history (tour), label);
  mt_interview_set_delegates (interview, (const char * const *) delegates);
  mt_history_end (mt_tour_get_history (tour));
  return added;
}
