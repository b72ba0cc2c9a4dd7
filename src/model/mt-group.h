/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mt-entity.h"

G_BEGIN_DECLS

#define MT_TYPE_GROUP (mt_group_get_type ())
G_DECLARE_FINAL_TYPE (MtGroup, mt_group, MT, GROUP, MtEntity)

MtGroup    *mt_group_new             (const char *id);
const char *mt_group_get_name        (MtGroup    *self);
void        mt_group_set_name        (MtGroup    *self,
                                      const char *name);
/* "#rrggbb" */
const char *mt_group_get_color       (MtGroup    *self);
void        mt_group_set_color       (MtGroup    *self,
                                      const char *color);
const char *mt_group_get_description (MtGroup    *self);
void        mt_group_set_description (MtGroup    *self,
                                      const char *description);

G_END_DECLS
