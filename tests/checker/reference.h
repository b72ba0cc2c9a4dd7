/* reference.h: a naive checker to hold the real one to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"
#include "mt-checker.h"

G_BEGIN_DECLS

typedef struct
{
  double speed_kmh;
  double road_factor;
  guint  min_transfer_minutes;
  guint  daily_limit_minutes;
  guint  meal_break_after_minutes;
} ReferenceSettings;

/* "kind day severity id id …", ids sorted; sorted */
GPtrArray *reference_check (MtTour                  *tour,
                            const ReferenceSettings *settings);
/* the same keys of what a checker found */
GPtrArray *reference_keys_of (GListModel *problems);

G_END_DECLS
