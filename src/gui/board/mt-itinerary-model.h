/* mt-itinerary-model.h: what the itinerary shows, decided without GTK
 *
 * The itinerary's widgets (the day columns, the visit cards, the timeline)
 * ask these functions what to show, so that the decisions can be tested
 * without a display: the text of a time range, a column's header, the style
 * classes of a card, the colours of the group chips, the lanes of
 * overlapping visits on the timeline, where a dropped card lands and the
 * travel time between two sites.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"

G_BEGIN_DECLS

/* "09:00 – 10:30"; "22:00 – 01:00 (+1)" when it ends on a later day; an
 * unset end gives "09:00"; an unset start gives "" */
char        *mt_itinerary_format_time_range  (gint64         start,
                                              gint64         end);
/* Reads a time of day typed as "9:30", "09:30", "0930" or "9" into
 * minutes after midnight; "24:00" only where @allow_midnight_end. */
gboolean     mt_itinerary_parse_clock        (const char    *text,
                                              gboolean       allow_midnight_end,
                                              int           *out_minutes);
/* "09:30" */
char        *mt_itinerary_format_clock       (gint64         time);
/* "Day 1" for @day_index 0 */
char        *mt_itinerary_day_title          (int            day_index);
/* "Tuesday, 14 May" in the user's language */
char        *mt_itinerary_day_date           (MtTour        *tour,
                                              int            day_index);
/* the cities of the day's visits in the order of their first visit, joined
 * by " · "; "" when the day has none */
char        *mt_itinerary_day_cities         (MtTour        *tour,
                                              int            day_index);
/* "Guangzhou Science City · Guangzhou", the site alone or "" */
char        *mt_itinerary_visit_place        (MtTour        *tour,
                                              MtVisit       *visit);
/* a symbolic icon of the Adwaita theme */
const char  *mt_itinerary_visit_kind_icon    (MtVisitKind    kind);
const char  *mt_itinerary_visit_kind_label   (MtVisitKind    kind);
const char  *mt_itinerary_visit_status_label (MtVisitStatus  status);
/* "tentative", "confirmed" or "cancelled": the card's style class */
const char  *mt_itinerary_visit_status_class (MtVisitStatus  status);

/* The style class of a group's chip, "group-<id>" with every character that
 * a CSS class cannot hold replaced. */
char        *mt_itinerary_group_class        (const char    *group_id);
/* A style sheet with one rule per group of @tour: its colour as background
 * and black or white text, whichever reads better. Colours that are not
 * "#rrggbb" get a neutral grey. */
char        *mt_itinerary_group_css          (MtTour        *tour);

/* The visits of the day @day_index, sorted by start (then end, then id). */
GPtrArray   *mt_itinerary_dup_day_visits     (MtTour        *tour,
                                              int            day_index);
/* Where a new visit of @length seconds goes on day @day_index: the first
 * time from 09:00, on a quarter hour, when no visit of the day takes place
 * for that long; else after the day's last visit, within the day. */
gint64       mt_itinerary_free_start         (MtTour        *tour,
                                              int            day_index,
                                              gint64         length);

typedef struct
{
  gint64 start;
  gint64 end;
} MtTimeSpan;

typedef struct
{
  guint lane;     /* 0-based column inside its cluster */
  guint n_lanes;  /* how many columns its cluster of overlaps needs */
} MtLane;

/* Places each span (sorted by start) in a lane so that overlapping spans
 * sit side by side: @lanes receives one MtLane per span. A span without an
 * end counts as lasting @min_length seconds. */
void         mt_itinerary_assign_lanes       (const MtTimeSpan *spans,
                                              guint          n_spans,
                                              gint64         min_length,
                                              MtLane        *lanes);

typedef enum
{
  MT_DROP_KEEP_TIME,    /* on the header or an empty column: same time of day */
  MT_DROP_BEFORE,       /* on the upper half of a card */
  MT_DROP_AFTER,        /* on the lower half of a card, or below the last */
} MtDropPlace;

/* Where a visit of @length seconds that started at @old_start lands when
 * dropped on day @day_start (midnight) at @place relative to the span
 * @target (ignored for MT_DROP_KEEP_TIME): before it ends where the target
 * starts, after it starts where the target ends. */
gint64       mt_itinerary_drop_start         (gint64         day_start,
                                              gint64         old_start,
                                              gint64         length,
                                              MtDropPlace    place,
                                              const MtTimeSpan *target);
/* a time of day from a position on the hour grid, rounded to @snap seconds */
gint64       mt_itinerary_snap_time          (gint64         day_start,
                                              double         hours,
                                              gint64         snap);

/* Estimated minutes from one place to the other by road: great-circle
 * distance times @road_factor at @speed_kmh; -1 when a place has no
 * coordinates (0, 0). */
int          mt_itinerary_travel_minutes     (double         lat1,
                                              double         lon1,
                                              double         lat2,
                                              double         lon2,
                                              double         road_factor,
                                              double         speed_kmh);
double       mt_itinerary_distance_km        (double         lat1,
                                              double         lon1,
                                              double         lat2,
                                              double         lon2);

/* What the board shows of a visit's problems: how many, and how bad the
 * worst is (its icon's colour), packed into one pointer-sized value of the
 * table of problem counts (visit id → value) */
typedef enum
{
  MT_PROBLEM_LEVEL_HINT,
  MT_PROBLEM_LEVEL_WARNING,
  MT_PROBLEM_LEVEL_ERROR,
} MtProblemLevel;

static inline gpointer
mt_itinerary_problems_pack (guint          n_problems,
                            MtProblemLevel worst)
{
  return GUINT_TO_POINTER ((n_problems << 2) | (guint) worst);
}

static inline guint
mt_itinerary_problems_count (gconstpointer packed)
{
  return GPOINTER_TO_UINT (packed) >> 2;
}

static inline MtProblemLevel
mt_itinerary_problems_worst (gconstpointer packed)
{
  return (MtProblemLevel) (GPOINTER_TO_UINT (packed) & 3);
}

G_END_DECLS
