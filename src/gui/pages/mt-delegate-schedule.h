/* mt-delegate-schedule.h: one delegate's personal itinerary, day by day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_DELEGATE_SCHEDULE (mt_delegate_schedule_get_type ())
G_DECLARE_FINAL_TYPE (MtDelegateSchedule, mt_delegate_schedule, MT, DELEGATE_SCHEDULE, AdwWindow)

/* the schedule of @delegate_id, over @parent (the main window, whose
 * Export… and Print… its buttons use) */
GtkWidget *mt_delegate_schedule_new (GtkWindow  *parent,
                                     MtTour     *tour,
                                     const char *delegate_id);

G_END_DECLS
