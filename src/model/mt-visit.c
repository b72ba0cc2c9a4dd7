/* mt-visit.c: a visit, briefing, meal or transfer on the itinerary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-visit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-enum-types.h"
#include "mt-visit.h"

struct _MtVisit
{
  MtEntity      parent_instance;

  char         *site;
  char         *title;
  char        **groups;
  char        **speakers;
  char         *meeting_point;
  char         *notes;
  gint64        start;
  gint64        end;
  MtVisitKind   kind;
  MtVisitStatus status;
};

G_DEFINE_FINAL_TYPE (MtVisit, mt_visit, MT_TYPE_ENTITY)

enum {
  FIELD_TITLE,
  FIELD_SITE,
  FIELD_KIND,
  FIELD_START,
  FIELD_END,
  FIELD_GROUPS,
  FIELD_STATUS,
  FIELD_SPEAKERS,
  FIELD_MEETING_POINT,
  FIELD_NOTES,
  N_FIELDS
};

#define OFFSET(member) G_STRUCT_OFFSET (MtVisit, member)

static MtField fields[N_FIELDS] = {
  [FIELD_TITLE] = { "title", N_("Title"), MT_FIELD_STRING, 0, OFFSET (title) },
  [FIELD_SITE] = { "site", N_("Site"), MT_FIELD_STRING, MT_FIELD_REFERENCE, OFFSET (site), 0, MT_ENTITY_SITE },
  [FIELD_KIND] = { "kind", N_("Kind"), MT_FIELD_ENUM, 0, OFFSET (kind) },
  [FIELD_START] = { "start", N_("Start"), MT_FIELD_TIME, MT_FIELD_REQUIRED | MT_FIELD_SPAN, OFFSET (start) },
  [FIELD_END] = { "end", N_("End"), MT_FIELD_TIME, MT_FIELD_REQUIRED | MT_FIELD_SPAN, OFFSET (end) },
  [FIELD_GROUPS] = { "groups", N_("Groups"), MT_FIELD_STRV, MT_FIELD_REFERENCE, OFFSET (groups), 0, MT_ENTITY_GROUP },
  [FIELD_STATUS] = { "status", N_("Status"), MT_FIELD_ENUM, 0, OFFSET (status) },
  [FIELD_SPEAKERS] = { "speakers", N_("Speakers"), MT_FIELD_STRV, MT_FIELD_MULTILINE, OFFSET (speakers) },
  [FIELD_MEETING_POINT] = { "meeting-point", N_("Meeting point"), MT_FIELD_STRING, 0, OFFSET (meeting_point) },
  [FIELD_NOTES] = { "notes", N_("Notes"), MT_FIELD_STRING, MT_FIELD_MULTILINE, OFFSET (notes) },
};

static void
mt_visit_class_init (MtVisitClass *klass)
{
  fields[FIELD_KIND].enum_type = MT_TYPE_VISIT_KIND;
  fields[FIELD_STATUS].enum_type = MT_TYPE_VISIT_STATUS;
  _mt_entity_class_install_fields (MT_ENTITY_CLASS (klass), MT_ENTITY_VISIT,
                                   fields, N_FIELDS, FIELD_TITLE);
}

static void
mt_visit_init (MtVisit *self)
{
  _mt_entity_init_fields (MT_ENTITY (self));
}

/**
 * mt_visit_new:
 * @id: (nullable): the id; %NULL for a new UUID
 *
 * Returns: (transfer full): a new visit
 */
MtVisit *
mt_visit_new (const char *id)
{
  return g_object_new (MT_TYPE_VISIT, "id", id, NULL);
}

const char *
mt_visit_get_site (MtVisit *self)
{
  g_return_val_if_fail (MT_IS_VISIT (self), NULL);
  return self->site;
}

void
mt_visit_set_site (MtVisit    *self,
                   const char *site_id)
{
  g_return_if_fail (MT_IS_VISIT (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_SITE, site_id);
}

MtVisitKind
mt_visit_get_visit_kind (MtVisit *self)
{
  g_return_val_if_fail (MT_IS_VISIT (self), 0);
  return self->kind;
}

void
mt_visit_set_visit_kind (MtVisit     *self,
                         MtVisitKind  kind)
{
  g_return_if_fail (MT_IS_VISIT (self));
  _mt_entity_set_enum (MT_ENTITY (self), FIELD_KIND, kind);
}

const char *
mt_visit_get_title (MtVisit *self)
{
  g_return_val_if_fail (MT_IS_VISIT (self), NULL);
  return self->title;
}

void
mt_visit_set_title (MtVisit    *self,
                    const char *title)
{
  g_return_if_fail (MT_IS_VISIT (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_TITLE, title);
}

gint64
mt_visit_get_start (MtVisit *self)
{
  g_return_val_if_fail (MT_IS_VISIT (self), MT_TIME_UNSET);
  return self->start;
}

void
mt_visit_set_start (MtVisit *self,
                    gint64   start)
{
  g_return_if_fail (MT_IS_VISIT (self));
  _mt_entity_set_time (MT_ENTITY (self), FIELD_START, start);
}

gint64
mt_visit_get_end (MtVisit *self)
{
  g_return_val_if_fail (MT_IS_VISIT (self), MT_TIME_UNSET);
  return self->end;
}

void
mt_visit_set_end (MtVisit *self,
                  gint64   end)
{
  g_return_if_fail (MT_IS_VISIT (self));
  _mt_entity_set_time (MT_ENTITY (self), FIELD_END, end);
}

/**
 * mt_visit_get_groups:
 *
 * Returns: (nullable) (transfer none): the ids of the groups that attend;
 *   %NULL for the whole delegation
 */
const char * const *
mt_visit_get_groups (MtVisit *self)
{
  g_return_val_if_fail (MT_IS_VISIT (self), NULL);
  return (const char * const *) self->groups;
}

void
mt_visit_set_groups (MtVisit            *self,
                     const char * const *group_ids)
{
  g_return_if_fail (MT_IS_VISIT (self));
  _mt_entity_set_strv (MT_ENTITY (self), FIELD_GROUPS, group_ids);
}

/* Whether the group attends: a visit for the whole delegation has them all. */
gboolean
mt_visit_has_group (MtVisit    *self,
                    const char *group_id)
{
  g_return_val_if_fail (MT_IS_VISIT (self), FALSE);

  if (self->groups == NULL)
    return TRUE;
  return group_id != NULL && g_strv_contains ((const char * const *) self->groups, group_id);
}

MtVisitStatus
mt_visit_get_status (MtVisit *self)
{
  g_return_val_if_fail (MT_IS_VISIT (self), 0);
  return self->status;
}

void
mt_visit_set_status (MtVisit       *self,
                     MtVisitStatus  status)
{
  g_return_if_fail (MT_IS_VISIT (self));
  _mt_entity_set_enum (MT_ENTITY (self), FIELD_STATUS, status);
}

/**
 * mt_visit_get_speakers:
 *
 * Returns: (nullable) (transfer none): one "Name, Title: topic" each
 */
const char * const *
mt_visit_get_speakers (MtVisit *self)
{
  g_return_val_if_fail (MT_IS_VISIT (self), NULL);
  return (const char * const *) self->speakers;
}

void
mt_visit_set_speakers (MtVisit            *self,
                       const char * const *speakers)
{
  g_return_if_fail (MT_IS_VISIT (self));
  _mt_entity_set_strv (MT_ENTITY (self), FIELD_SPEAKERS, speakers);
}

/**
 * mt_visit_get_meeting_point:
 *
 * Returns: (nullable): where and when the delegates meet to go to it,
 *   "Hotel lobby, 15:15", as they read it
 */
const char *
mt_visit_get_meeting_point (MtVisit *self)
{
  g_return_val_if_fail (MT_IS_VISIT (self), NULL);
  return self->meeting_point;
}

void
mt_visit_set_meeting_point (MtVisit    *self,
                            const char *meeting_point)
{
  g_return_if_fail (MT_IS_VISIT (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_MEETING_POINT, meeting_point);
}

const char *
mt_visit_get_notes (MtVisit *self)
{
  g_return_val_if_fail (MT_IS_VISIT (self), NULL);
  return self->notes;
}

void
mt_visit_set_notes (MtVisit    *self,
                    const char *notes)
{
  g_return_if_fail (MT_IS_VISIT (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_NOTES, notes);
}
