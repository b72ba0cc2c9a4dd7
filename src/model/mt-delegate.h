/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mt-entity.h"

G_BEGIN_DECLS

#define MT_TYPE_DELEGATE (mt_delegate_get_type ())
G_DECLARE_FINAL_TYPE (MtDelegate, mt_delegate, MT, DELEGATE, MtEntity)

MtDelegate         *mt_delegate_new           (const char         *id);
const char         *mt_delegate_get_name      (MtDelegate         *self);
void                mt_delegate_set_name      (MtDelegate         *self,
                                               const char         *name);
const char         *mt_delegate_get_outlet    (MtDelegate         *self);
void                mt_delegate_set_outlet    (MtDelegate         *self,
                                               const char         *outlet);
MtRole              mt_delegate_get_role      (MtDelegate         *self);
void                mt_delegate_set_role      (MtDelegate         *self,
                                               MtRole              role);
const char         *mt_delegate_get_email     (MtDelegate         *self);
void                mt_delegate_set_email     (MtDelegate         *self,
                                               const char         *email);
const char         *mt_delegate_get_phone     (MtDelegate         *self);
void                mt_delegate_set_phone     (MtDelegate         *self,
                                               const char         *phone);
/* language tags, "zh", "en" */
const char * const *mt_delegate_get_languages (MtDelegate         *self);
void                mt_delegate_set_languages (MtDelegate         *self,
                                               const char * const *languages);
/* the id of an MtGroup, or NULL */
const char         *mt_delegate_get_group     (MtDelegate         *self);
void                mt_delegate_set_group     (MtDelegate         *self,
                                               const char         *group_id);
const char         *mt_delegate_get_dietary   (MtDelegate         *self);
void                mt_delegate_set_dietary   (MtDelegate         *self,
                                               const char         *dietary);
const char         *mt_delegate_get_access    (MtDelegate         *self);
void                mt_delegate_set_access    (MtDelegate         *self,
                                               const char         *access);
const char         *mt_delegate_get_notes     (MtDelegate         *self);
void                mt_delegate_set_notes     (MtDelegate         *self,
                                               const char         *notes);

G_END_DECLS
