/* mt-ical-apply.c: what a calendar's import does to the tour
 *
 * Once every event of the file has been understood (mt-ical-import.c),
 * each plan adds a visit or updates a visit or an interview, all in one
 * undoable step, and counts what it did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-ical"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-history.h"
#include "mt-ical.h"
#include "mt-ical-private.h"

void
_mt_ical_plan_free (Plan *plan)
{
  g_free (plan->id);
  g_free (plan->title);
  g_free (plan->notes);
  g_free (plan->site_id);
  g_strfreev (plan->groups);
  g_strfreev (plan->speakers);
  g_free (plan);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

static gboolean
plan_changes_visit (Plan *plan)
{
  MtVisit *visit = plan->visit;

  return g_strcmp0 (mt_visit_get_title (visit), plan->title) != 0 ||
         mt_visit_get_start (visit) != plan->start ||
         mt_visit_get_end (visit) != plan->end ||
         mt_visit_get_status (visit) != plan->status ||
         (plan->has_kind && mt_visit_get_visit_kind (visit) != plan->kind) ||
         (plan->site_id != NULL && g_strcmp0 (mt_visit_get_site (visit), plan->site_id) != 0) ||
         (plan->has_notes && g_strcmp0 (mt_visit_get_notes (visit), plan->notes) != 0) ||
         (plan->has_groups && !strv_equal (mt_visit_get_groups (visit), (const char * const *) plan->groups)) ||
         (plan->has_speakers && !strv_equal (mt_visit_get_speakers (visit), (const char * const *) plan->speakers));
}

/* an interview's times and status; TRUE where they changed */
static gboolean
apply_to_interview (Plan *plan)
{
  MtInterview *interview = plan->interview;

  if (mt_interview_get_start (interview) == plan->start && mt_interview_get_end (interview) == plan->end &&
      mt_interview_get_status (interview) == plan->interview_status)
    return FALSE;
  /* keep end after start at every step */
  if (mt_interview_get_end (interview) != MT_TIME_UNSET && plan->start >= mt_interview_get_end (interview))
    {
      mt_interview_set_end (interview, plan->end);
      mt_interview_set_start (interview, plan->start);
    }
  else
    {
      mt_interview_set_start (interview, plan->start);
      mt_interview_set_end (interview, plan->end);
    }
  mt_interview_set_status (interview, plan->interview_status);
  return TRUE;
}

static void
apply_to_visit (Plan *plan)
{
  MtVisit *visit = plan->visit;

  mt_visit_set_title (visit, plan->title);
  /* keep end after start at every step */
  if (plan->start >= mt_visit_get_end (visit))
    {
      mt_visit_set_end (visit, plan->end);
      mt_visit_set_start (visit, plan->start);
    }
  else
    {
      mt_visit_set_start (visit, plan->start);
      mt_visit_set_end (visit, plan->end);
    }
  mt_visit_set_status (visit, plan->status);
  if (plan->has_kind)
    mt_visit_set_visit_kind (visit, plan->kind);
  if (plan->site_id != NULL)
    mt_visit_set_site (visit, plan->site_id);
  if (plan->has_notes)
    mt_visit_set_notes (visit, plan->notes);
  if (plan->has_groups)
    mt_visit_set_groups (visit, (const char * const *) plan->groups);
  if (plan->has_speakers)
    mt_visit_set_speakers (visit, (const char * const *) plan->speakers);
}

void
_mt_ical_apply_plans (MtTour       *tour,
                      GPtrArray    *plans,
                      const char   *group_id,
                      MtIcalImport *result)
{
  MtHistory *history = mt_tour_get_history (tour);

  mt_history_begin (history, _("Import calendar"));
  for (guint i = 0; i < plans->len; i++)
    {
      Plan *plan = g_ptr_array_index (plans, i);
      MtEntity *item = plan->visit ? MT_ENTITY (plan->visit) : MT_ENTITY (plan->interview);

      if (plan->interview != NULL && apply_to_interview (plan))
        result->n_updated++;
      else if (plan->visit != NULL && plan_changes_visit (plan))
        {
          apply_to_visit (plan);
          result->n_updated++;
        }
      else if (item != NULL)
        result->n_unchanged++;
      else
        {
          g_autoptr(MtVisit) added = mt_visit_new (plan->id);
          const char *groups[] = { group_id, NULL };

          mt_visit_set_title (added, plan->title);
          mt_visit_set_start (added, plan->start);
          mt_visit_set_end (added, plan->end);
          mt_visit_set_status (added, plan->status);
          mt_visit_set_visit_kind (added, plan->kind);
          mt_visit_set_site (added, plan->site_id);
          mt_visit_set_notes (added, plan->notes);
          mt_visit_set_speakers (added, (const char * const *) plan->speakers);
          /* the group the import is for, else the groups the file gives */
          if (group_id != NULL)
            mt_visit_set_groups (added, groups);
          else
            mt_visit_set_groups (added, (const char * const *) plan->groups);
          _mt_entity_set_revision (MT_ENTITY (added), plan->sequence);
          if (!mt_tour_add (tour, MT_ENTITY (added), NULL))
            g_assert_not_reached (); /* its id was looked up when planning */
          result->n_added++;
          continue;
        }
      /* RFC 5546, 2.1.5: the next export carries at least the SEQUENCE
       * read, and each later change raises it (the revision is saved and
       * the sync merge keeps the greater) */
      if (mt_entity_get_revision (item) < plan->sequence)
        _mt_entity_set_revision (item, plan->sequence);
    }
  mt_history_end (history);
}
