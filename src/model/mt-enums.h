/* mt-enums.h: the enumerations of the tour model
 *
 * Every enum here is registered as a GEnum by gnome.mkenums (mt-enum-types.h)
 * and travels in the tour file by its nick ("press-conference").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MtEntityKind:
 *
 * The kinds of entity a tour holds, in the order the tour file lists them.
 */
typedef enum
{
  MT_ENTITY_CITY,
  MT_ENTITY_SITE,
  MT_ENTITY_GROUP,
  MT_ENTITY_DELEGATE,
  MT_ENTITY_VISIT,
  MT_ENTITY_INTERVIEW,
  MT_N_ENTITY_KINDS /*< skip >*/
} MtEntityKind;

typedef enum
{
  MT_SITE_GOVERNMENT,
  MT_SITE_RESEARCH,
  MT_SITE_COMPANY,
  MT_SITE_VENUE,
  MT_SITE_HOTEL,
  MT_SITE_OTHER,
} MtSiteKind;

typedef enum
{
  MT_VISIT_VISIT,
  MT_VISIT_BRIEFING,
  MT_VISIT_PRESS_CONFERENCE,
  MT_VISIT_MEAL,
  MT_VISIT_TRANSFER,
  MT_VISIT_FREE_TIME,
} MtVisitKind;

typedef enum
{
  MT_VISIT_TENTATIVE,
  MT_VISIT_CONFIRMED,
  MT_VISIT_CANCELLED,
} MtVisitStatus;

typedef enum
{
  MT_ROLE_REPORTER,
  MT_ROLE_PHOTOGRAPHER,
  MT_ROLE_CAMERA,
  MT_ROLE_PRODUCER,
  MT_ROLE_EDITOR,
  MT_ROLE_OTHER,
} MtRole;

typedef enum
{
  MT_INTERVIEW_REQUESTED,
  MT_INTERVIEW_CONFIRMED,
  MT_INTERVIEW_DECLINED,
  MT_INTERVIEW_DONE,
} MtInterviewStatus;

G_END_DECLS
