/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mt-entity.h"

G_BEGIN_DECLS

#define MT_TYPE_VISIT (mt_visit_get_type ())
G_DECLARE_FINAL_TYPE (MtVisit, mt_visit, MT, VISIT, MtEntity)

MtVisit            *mt_visit_new          (const char          *id);
/* the id of an MtSite, or NULL */
const char         *mt_visit_get_site     (MtVisit             *self);
void                mt_visit_set_site     (MtVisit             *self,
                                           const char          *site_id);
MtVisitKind         mt_visit_get_visit_kind (MtVisit           *self);
void                mt_visit_set_visit_kind (MtVisit           *self,
                                             MtVisitKind        kind);
const char         *mt_visit_get_title    (MtVisit             *self);
void                mt_visit_set_title    (MtVisit             *self,
                                           const char          *title);
/* wall-clock times in the tour's zone, see mt-wall-time.h */
gint64              mt_visit_get_start    (MtVisit             *self);
void                mt_visit_set_start    (MtVisit             *self,
                                           gint64               start);
gint64              mt_visit_get_end      (MtVisit             *self);
void                mt_visit_set_end      (MtVisit             *self,
                                           gint64               end);
/* the ids of the MtGroups that attend; empty: the whole delegation */
const char * const *mt_visit_get_groups   (MtVisit             *self);
void                mt_visit_set_groups   (MtVisit             *self,
                                           const char * const  *group_ids);
gboolean            mt_visit_has_group    (MtVisit             *self,
                                           const char          *group_id);
MtVisitStatus       mt_visit_get_status   (MtVisit             *self);
void                mt_visit_set_status   (MtVisit             *self,
                                           MtVisitStatus        status);
/* who speaks at a briefing: one "Name, Title: topic" a line */
const char * const *mt_visit_get_speakers (MtVisit             *self);
void                mt_visit_set_speakers (MtVisit             *self,
                                           const char * const  *speakers);
/* where and when the delegates meet to go to it: "Hotel lobby, 15:15" */
const char         *mt_visit_get_meeting_point (MtVisit        *self);
void                mt_visit_set_meeting_point (MtVisit        *self,
                                                const char     *meeting_point);
const char         *mt_visit_get_notes    (MtVisit             *self);
void                mt_visit_set_notes    (MtVisit             *self,
                                           const char          *notes);

G_END_DECLS
