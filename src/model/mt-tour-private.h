/* mt-tour-private.h: what the tour shares with its entities, its history and
 * the tour file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mt-tour.h"
#include "mt-history.h"

G_BEGIN_DECLS

/* An entity or the tour itself changed a property from @old_value. */
void        _mt_tour_property_changed (MtTour        *self,
                                       GObject       *object,
                                       GParamSpec    *pspec,
                                       const GValue  *old_value);
void        _mt_tour_insert           (MtTour        *self,
                                       MtEntity      *entity,
                                       guint          position);
/* Bulk insertion of loaded entities: no history, one items-changed. */
gboolean    _mt_tour_take_loaded      (MtTour        *self,
                                       MtEntityKind   kind,
                                       GPtrArray     *entities,
                                       const char   **duplicate_id);
JsonObject *_mt_tour_get_unknown      (MtTour        *self);
void        _mt_tour_set_unknown      (MtTour        *self,
                                       JsonObject    *unknown);

MtHistory  *_mt_history_new           (MtTour        *tour);
void        _mt_history_record_property (MtHistory   *self,
                                       GObject       *object,
                                       GParamSpec    *pspec,
                                       const GValue  *old_value);
void        _mt_history_record_add    (MtHistory     *self,
                                       MtEntity      *entity,
                                       guint          position);
void        _mt_history_record_remove (MtHistory     *self,
                                       MtEntity      *entity,
                                       guint          position);

G_END_DECLS
