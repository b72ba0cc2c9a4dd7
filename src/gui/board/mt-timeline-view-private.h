/* mt-timeline-view-private.h: what the timeline's layout shares with its
 * drawing (mt-timeline-view-draw.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-itinerary-model.h"
#include "mt-timeline-view.h"

G_BEGIN_DECLS

#define HEADER_HEIGHT  52.0
#define GUTTER_WIDTH   60.0
#define COLUMN_WIDTH  236.0
#define HOUR_HEIGHT    64.0
#define BLOCK_MARGIN    4.0
#define MIN_BLOCK_SECONDS (20 * 60)
#define SNAP_SECONDS   (5 * 60)

typedef struct
{
  MtVisit   *visit;   /* owned */
  MtTimeSpan span;
  MtLane     lane;
} Block;

struct _MtTimelineView
{
  GtkWidget      parent_instance;

  MtTour        *tour;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GArray       **days;        /* one GArray of Block per day */
  guint          n_days;
  MtVisit       *selected;
  GHashTable    *problems;
  GSettings     *settings;
  int            first_hour;
  int            last_hour;
  double         drag_offset_y;

  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  guint          stale : 1;
};

/* lays the blocks out again if the tour changed since */
void            _mt_timeline_view_ensure_layout (MtTimelineView *self);
double          _mt_timeline_view_scroll_x      (MtTimelineView *self);
double          _mt_timeline_view_scroll_y      (MtTimelineView *self);
/* the y of a wall time on day @d's grid, in content coordinates */
double          _mt_timeline_view_time_y        (MtTimelineView *self,
                                                 guint           d,
                                                 gint64          time);
/* where @block of day @d is drawn, in the widget's coordinates */
graphene_rect_t _mt_timeline_view_block_rect    (MtTimelineView *self,
                                                 guint           d,
                                                 const Block    *block);
/* GtkWidget::snapshot */
void            _mt_timeline_view_snapshot      (GtkWidget      *widget,
                                                 GtkSnapshot    *snapshot);

G_END_DECLS
