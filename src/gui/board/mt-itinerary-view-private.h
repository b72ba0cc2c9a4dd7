/* mt-itinerary-view-private.h: what mt-itinerary-view.c shares with
 * mt-itinerary-view-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-day-column.h"
#include "mt-itinerary-view.h"
#include "mt-timeline-view.h"

G_BEGIN_DECLS

struct _MtItineraryView
{
  GtkWidget          parent_instance;

  /* template children */
  GtkLabel          *title_label;
  GtkLabel          *summary_label;
  GtkStack          *stack;
  GtkScrolledWindow *board_scroller;
  GtkBox            *columns_box;
  MtTimelineView    *timeline;

  /* owned */
  MtTour            *tour;
  GPtrArray         *columns;      /* of MtDayColumn, borrowed from columns_box */
  GHashTable        *visit_days;   /* MtVisit* → day index + 1 */
  GHashTable        *problems;     /* visit id → count */
  GHashTable        *unseen;       /* visit ids changed by others, not seen yet */
  GtkCssProvider    *group_css;
  char              *mode;
  guint              summary_idle;
  gulong             layout_handler; /* on the frame clock, while realized */
};

/* the day index of @visit's start, or -1 */
int  _mt_itinerary_view_visit_day           (MtItineraryView *self,
                                             MtVisit         *visit);
void _mt_itinerary_view_class_init_actions  (GtkWidgetClass  *widget_class);

G_END_DECLS
