/* mt-ical.c: what the iCalendar, CSV and printed exports share
 *
 * The selection of items an export shows, the mapping between entity ids and
 * event UIDs, and the names of the enums as people read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-ical"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mt-i18n.h"
#include "mt-ical.h"
#include "mt-validate.h"
#include "mt-wall-time.h"

G_DEFINE_QUARK (mt-ical-error-quark, mt_ical_error)

gint64
mt_ical_item_get_start (MtEntity *item)
{
  g_return_val_if_fail (MT_IS_VISIT (item) || MT_IS_INTERVIEW (item), MT_TIME_UNSET);

  return MT_IS_VISIT (item) ? mt_visit_get_start (MT_VISIT (item))
                            : mt_interview_get_start (MT_INTERVIEW (item));
}

gint64
mt_ical_item_get_end (MtEntity *item)
{
  g_return_val_if_fail (MT_IS_VISIT (item) || MT_IS_INTERVIEW (item), MT_TIME_UNSET);

  return MT_IS_VISIT (item) ? mt_visit_get_end (MT_VISIT (item))
                            : mt_interview_get_end (MT_INTERVIEW (item));
}

typedef struct
{
  gint64    start;
  MtEntity *item;
} Sorted;

static int
compare_sorted (gconstpointer a,
                gconstpointer b)
{
  const Sorted *sa = a, *sb = b;
  MtEntityKind ka, kb;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  /* a visit before the interviews that start with it */
  ka = mt_entity_get_kind (sa->item);
  kb = mt_entity_get_kind (sb->item);
  if (ka != kb)
    return ka < kb ? -1 : 1;
  return strcmp (mt_entity_get_id (sa->item), mt_entity_get_id (sb->item));
}

/* Sorts by start with each start read once: exports sort 100 000 items. */
static void
sort_items (GPtrArray *items)
{
  g_autofree Sorted *sorted = NULL;

  /* nothing to sort, and qsort() may not be given NULL */
  if (items->len < 2)
    return;
  sorted = g_new (Sorted, items->len);

  for (guint i = 0; i < items->len; i++)
    {
      sorted[i].item = g_ptr_array_index (items, i);
      sorted[i].start = mt_ical_item_get_start (sorted[i].item);
    }
  if (items->len > 1) /* qsort() takes no NULL, even for nothing */
    qsort (sorted, items->len, sizeof (Sorted), compare_sorted);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_index (items, i) = sorted[i].item;
}

static gboolean
visit_attended_by (MtVisit    *visit,
                   const char *group_id)
{
  const char * const *groups = mt_visit_get_groups (visit);

  /* no groups: the whole delegation */
  return groups == NULL || groups[0] == NULL ||
         (group_id != NULL && mt_visit_has_group (visit, group_id));
}

static gboolean
interview_has_member_of (MtTour      *tour,
                         MtInterview *interview,
                         const char  *group_id)
{
  const char * const *delegates = mt_interview_get_delegates (interview);

  for (guint i = 0; delegates != NULL && delegates[i] != NULL; i++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegates[i]);

      if (delegate != NULL && g_strcmp0 (mt_delegate_get_group (delegate), group_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * mt_ical_select_items:
 *
 * Returns: (transfer container) (element-type MtEntity): the visits and
 *   interviews with a start time that the selection shows, in order of
 *   start; %NULL with @error set where the group or delegate is unknown
 */
GPtrArray *
mt_ical_select_items (MtTour      *tour,
                      const char  *group_id,
                      const char  *delegate_id,
                      GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  GListModel *visits, *interviews;
  MtDelegate *delegate = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (group_id == NULL || delegate_id == NULL, NULL);

  if (group_id != NULL && mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, group_id) == NULL)
    {
      g_set_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_NOT_FOUND,
                   _("The tour has no group with the id “%s”"), group_id);
      return NULL;
    }
  if (delegate_id != NULL)
    {
      delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_id);
      if (delegate == NULL)
        {
          g_set_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_NOT_FOUND,
                       _("The tour has no delegate with the id “%s”"), delegate_id);
          return NULL;
        }
      group_id = mt_delegate_get_group (delegate);
    }

  visits = mt_tour_get_visits (tour);
  interviews = mt_tour_get_interviews (tour);
  items = g_ptr_array_sized_new (g_list_model_get_n_items (visits) +
                                 g_list_model_get_n_items (interviews));

  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);

      if (mt_visit_get_start (visit) == MT_TIME_UNSET)
        continue;
      if ((group_id != NULL || delegate != NULL) && !visit_attended_by (visit, group_id))
        continue;
      g_ptr_array_add (items, visit);
    }

  for (guint i = 0, n = g_list_model_get_n_items (interviews); i < n; i++)
    {
      g_autoptr(MtInterview) interview = g_list_model_get_item (interviews, i);

      if (mt_interview_get_start (interview) == MT_TIME_UNSET)
        continue;
      if (delegate != NULL && !mt_interview_has_delegate (interview, delegate_id))
        continue;
      if (delegate == NULL && group_id != NULL && !interview_has_member_of (tour, interview, group_id))
        continue;
      g_ptr_array_add (items, interview);
    }

  sort_items (items);
  return g_steal_pointer (&items);
}

const char *
mt_ical_scope_name (MtTour     *tour,
                    const char *group_id,
                    const char *delegate_id)
{
  MtEntity *entity = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  if (delegate_id != NULL)
    entity = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_id);
  else if (group_id != NULL)
    entity = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, group_id);
  return entity != NULL ? mt_entity_get_display_name (entity) : NULL;
}

char *
mt_ical_uid_for_id (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  return g_strconcat (id, MT_ICAL_UID_SUFFIX, NULL);
}

/* The namespace of the ids derived from foreign UIDs, itself a UUID, so that
 * they never meet the ids the planner makes. */
#define FOREIGN_NAMESPACE "6f1d4a5e-3c1b-5f7e-9a42-0d8e2b6c9f10"

char *
mt_ical_id_for_uid (const char *uid)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[20];
  gsize length = sizeof digest;

  g_return_val_if_fail (uid != NULL, NULL);

  /* ours: the entity's id, where it is one a tour can hold */
  if (g_str_has_suffix (uid, MT_ICAL_UID_SUFFIX) &&
      strlen (uid) > strlen (MT_ICAL_UID_SUFFIX))
    {
      g_autofree char *id = g_strndup (uid, strlen (uid) - strlen (MT_ICAL_UID_SUFFIX));

      if (mt_validate_id (id, "id", NULL))
        return g_steal_pointer (&id);
    }

  /* like a version 5 UUID: SHA-1 of a namespace and the name */
  checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (checksum, (const guchar *) FOREIGN_NAMESPACE, -1);
  g_checksum_update (checksum, (const guchar *) uid, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* the kinds' names as files carry them, in English whatever the
 * interface's language (CATEGORIES), and translated for people */
static const char * const kind_names[] = {
  [MT_VISIT_VISIT] = N_("Visit"),
  [MT_VISIT_BRIEFING] = N_("Briefing"),
  [MT_VISIT_PRESS_CONFERENCE] = N_("Press conference"),
  [MT_VISIT_MEAL] = N_("Meal"),
  [MT_VISIT_TRANSFER] = N_("Transfer"),
  [MT_VISIT_FREE_TIME] = N_("Free time"),
};

const char *
mt_visit_kind_to_name (MtVisitKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), "");

  return kind_names[kind];
}

const char *
mt_visit_kind_to_label (MtVisitKind kind)
{
  return _(mt_visit_kind_to_name (kind));
}

const char *
mt_visit_status_to_label (MtVisitStatus status)
{
  switch (status)
    {
    case MT_VISIT_TENTATIVE: return _("Tentative");
    case MT_VISIT_CONFIRMED: return _("Confirmed");
    case MT_VISIT_CANCELLED: return _("Cancelled");
    default: g_return_val_if_reached ("");
    }
}

const char *
mt_interview_status_to_label (MtInterviewStatus status)
{
  switch (status)
    {
    case MT_INTERVIEW_REQUESTED: return _("Requested");
    case MT_INTERVIEW_CONFIRMED: return _("Confirmed");
    case MT_INTERVIEW_DECLINED: return _("Declined");
    case MT_INTERVIEW_DONE: return _("Done");
    default: g_return_val_if_reached ("");
    }
}

const char *
mt_role_to_label (MtRole role)
{
  switch (role)
    {
    case MT_ROLE_REPORTER: return _("Reporter");
    case MT_ROLE_PHOTOGRAPHER: return _("Photographer");
    case MT_ROLE_CAMERA: return _("Camera");
    case MT_ROLE_PRODUCER: return _("Producer");
    case MT_ROLE_EDITOR: return _("Editor");
    case MT_ROLE_OTHER: return _("Other");
    default: g_return_val_if_reached ("");
    }
}
