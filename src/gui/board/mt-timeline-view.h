/* mt-timeline-view.h: the itinerary on an hour grid
 *
 * One column per day with an hour grid; each visit is a block as tall as it
 * lasts, overlapping visits side by side (mt_itinerary_assign_lanes()), and
 * the time between two consecutive visits shows the estimated travel
 * between their sites, in red where it does not fit. Drawn with GtkSnapshot;
 * only what is on screen is drawn, so a 10k-visit tour scrolls smoothly.
 * It scrolls itself (GtkScrollable) and keeps the day titles and the hours
 * in view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_TIMELINE_VIEW (mt_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (MtTimelineView, mt_timeline_view, MT, TIMELINE_VIEW, GtkWidget)

GtkWidget *mt_timeline_view_new          (void);
void       mt_timeline_view_set_tour     (MtTimelineView *self,
                                          MtTour         *tour);
MtVisit   *mt_timeline_view_get_selected (MtTimelineView *self);
void       mt_timeline_view_reveal_visit (MtTimelineView *self,
                                          MtVisit        *visit);
/* visit id → number of problems (borrowed, nullable) */
void       mt_timeline_view_set_problem_counts (MtTimelineView *self,
                                                GHashTable     *counts);

G_END_DECLS
