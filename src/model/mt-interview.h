/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mt-entity.h"

G_BEGIN_DECLS

#define MT_TYPE_INTERVIEW (mt_interview_get_type ())
G_DECLARE_FINAL_TYPE (MtInterview, mt_interview, MT, INTERVIEW, MtEntity)

MtInterview        *mt_interview_new                   (const char         *id);
const char         *mt_interview_get_interviewee       (MtInterview        *self);
void                mt_interview_set_interviewee       (MtInterview        *self,
                                                        const char         *interviewee);
const char         *mt_interview_get_interviewee_title (MtInterview        *self);
void                mt_interview_set_interviewee_title (MtInterview        *self,
                                                        const char         *title);
const char         *mt_interview_get_organisation      (MtInterview        *self);
void                mt_interview_set_organisation      (MtInterview        *self,
                                                        const char         *organisation);
/* the ids of the MtDelegates who take part */
const char * const *mt_interview_get_delegates         (MtInterview        *self);
void                mt_interview_set_delegates         (MtInterview        *self,
                                                        const char * const *delegate_ids);
gboolean            mt_interview_has_delegate          (MtInterview        *self,
                                                        const char         *delegate_id);
gint64              mt_interview_get_start             (MtInterview        *self);
void                mt_interview_set_start             (MtInterview        *self,
                                                        gint64              start);
gint64              mt_interview_get_end               (MtInterview        *self);
void                mt_interview_set_end               (MtInterview        *self,
                                                        gint64              end);
/* the id of the MtVisit it belongs to, or NULL */
const char         *mt_interview_get_visit             (MtInterview        *self);
void                mt_interview_set_visit             (MtInterview        *self,
                                                        const char         *visit_id);
const char         *mt_interview_get_location          (MtInterview        *self);
void                mt_interview_set_location          (MtInterview        *self,
                                                        const char         *location);
const char         *mt_interview_get_language          (MtInterview        *self);
void                mt_interview_set_language          (MtInterview        *self,
                                                        const char         *language);
gboolean            mt_interview_get_interpreter       (MtInterview        *self);
void                mt_interview_set_interpreter       (MtInterview        *self,
                                                        gboolean            interpreter);
MtInterviewStatus   mt_interview_get_status            (MtInterview        *self);
void                mt_interview_set_status            (MtInterview        *self,
                                                        MtInterviewStatus   status);
const char         *mt_interview_get_notes             (MtInterview        *self);
void                mt_interview_set_notes             (MtInterview        *self,
                                                        const char         *notes);

G_END_DECLS
