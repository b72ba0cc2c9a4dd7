/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mt-entity.h"

G_BEGIN_DECLS

#define MT_TYPE_CITY (mt_city_get_type ())
G_DECLARE_FINAL_TYPE (MtCity, mt_city, MT, CITY, MtEntity)

MtCity     *mt_city_new            (const char *id);
const char *mt_city_get_name       (MtCity     *self);
void        mt_city_set_name       (MtCity     *self,
                                    const char *name);
const char *mt_city_get_local_name (MtCity     *self);
void        mt_city_set_local_name (MtCity     *self,
                                    const char *local_name);
double      mt_city_get_latitude   (MtCity     *self);
void        mt_city_set_latitude   (MtCity     *self,
                                    double      latitude);
double      mt_city_get_longitude  (MtCity     *self);
void        mt_city_set_longitude  (MtCity     *self,
                                    double      longitude);

G_END_DECLS
