/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mt-entity.h"

G_BEGIN_DECLS

#define MT_TYPE_SITE (mt_site_get_type ())
G_DECLARE_FINAL_TYPE (MtSite, mt_site, MT, SITE, MtEntity)

MtSite     *mt_site_new            (const char *id);
/* the id of an MtCity */
const char *mt_site_get_city       (MtSite     *self);
void        mt_site_set_city       (MtSite     *self,
                                    const char *city_id);
const char *mt_site_get_name       (MtSite     *self);
void        mt_site_set_name       (MtSite     *self,
                                    const char *name);
const char *mt_site_get_local_name (MtSite     *self);
void        mt_site_set_local_name (MtSite     *self,
                                    const char *local_name);
MtSiteKind  mt_site_get_site_kind  (MtSite     *self);
void        mt_site_set_site_kind  (MtSite     *self,
                                    MtSiteKind  kind);
const char *mt_site_get_address    (MtSite     *self);
void        mt_site_set_address    (MtSite     *self,
                                    const char *address);
double      mt_site_get_latitude   (MtSite     *self);
void        mt_site_set_latitude   (MtSite     *self,
                                    double      latitude);
double      mt_site_get_longitude  (MtSite     *self);
void        mt_site_set_longitude  (MtSite     *self,
                                    double      longitude);
/* 0 when unknown */
guint       mt_site_get_capacity   (MtSite     *self);
void        mt_site_set_capacity   (MtSite     *self,
                                    guint       capacity);
const char *mt_site_get_contact    (MtSite     *self);
void        mt_site_set_contact    (MtSite     *self,
                                    const char *contact);
const char *mt_site_get_notes      (MtSite     *self);
void        mt_site_set_notes      (MtSite     *self,
                                    const char *notes);

G_END_DECLS
