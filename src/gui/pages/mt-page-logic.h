/* mt-page-logic.h: what the pages, the search and the route show, without GTK
 *
 * The delegates, interviews and sites pages, the search dialog and the
 * route view ask these functions what to show, so that their decisions are
 * tested without a display: folded text for searching, the free slots the
 * interview editor proposes, the search hits and the day routes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"

G_BEGIN_DECLS

/* @s, or "" for NULL: for the getters of optional texts */
static inline const char *
mt_page_nonnull (const char *s)
{
  return s != NULL ? s : "";
}

/* Text folded for searching: lower case, without accents ("Señor" and
 * "senor" fold alike), compatibility forms unified; Chinese is kept. */
char        *mt_page_fold                   (const char         *text);
/* TRUE when every word of @folded_query (from mt_page_fold()) occurs in
 * @text, in any order; an empty query matches everything. */
gboolean     mt_page_text_matches           (const char         *folded_query,
                                             const char         *text);
/* the same, for @folded_text already folded */
gboolean     mt_page_folded_matches         (const char         *folded_query,
                                             const char         *folded_text);
/* TRUE when the query matches the delegate's name, outlet or email */
gboolean     mt_page_delegate_matches       (MtDelegate         *delegate,
                                             const char         *folded_query);

/* "Day 3 · 09:00 – 10:30" (the day of @start) or "" when @start is unset */
char        *mt_page_format_day_span        (MtTour             *tour,
                                             gint64              start,
                                             gint64              end);
/* the names of the delegates, joined by ", "; unknown ids are skipped */
char        *mt_page_delegate_names         (MtTour             *tour,
                                             const char * const *delegate_ids);
/* "zh, en" */
char        *mt_page_join_list              (const char * const *items);
/* a copy of @items without the items equal to @item, in order; for taking
 * a deleted group or delegate out of the lists that name it */
char       **mt_page_list_without           (const char * const *items,
                                             const char         *item);
/* the needs of a delegate in one line: "Vegetarian · Wheelchair" */
char        *mt_page_delegate_needs         (MtDelegate         *delegate);
guint        mt_page_count_group_members    (MtTour             *tour,
                                             const char         *group_id);
/* translated labels of the enumerations */
const char  *mt_page_role_label             (MtRole              role);
const char  *mt_page_interview_status_label (MtInterviewStatus   status);
const char  *mt_page_site_kind_label        (MtSiteKind          kind);
const char  *mt_page_entity_kind_icon       (MtEntityKind        kind);

/* --- sites and cities, what uses them ------------------------------------ */

/* the visits that take place at @site_id, and the sites in @city_id: new
 * arrays of the tour's entities, in the tour's order */
GPtrArray   *mt_page_dup_site_visits        (MtTour             *tour,
                                             const char         *site_id);
GPtrArray   *mt_page_dup_city_sites         (MtTour             *tour,
                                             const char         *city_id);
/* the visits at the sites of @city_id */
guint        mt_page_count_city_visits      (MtTour             *tour,
                                             const char         *city_id);
/* Deletes the site or city @place in one undoable step named @label: the
 * visits at the site (the sites in the city) move to @move_to first, or,
 * with @move_to NULL, are left without a site (a city). Returns how many
 * moved. */
guint        mt_page_delete_place           (MtTour             *tour,
                                             MtEntity           *place,
                                             const char         *move_to,
                                             const char         *label);

/* --- several delegates at once (mt-page-delegates.c) ---------------------- */

/* Puts the delegates in the group @group_id (NULL: none), one undoable step
 * named @label; returns how many changed group. */
guint        mt_page_move_delegates         (MtTour             *tour,
                                             const char * const *delegate_ids,
                                             const char         *group_id,
                                             const char         *label);
/* A visit is attended by groups: the groups of the delegates join it, one
 * step. Returns how many groups joined; *@n_without_group (nullable) counts
 * the delegates who have no group to join with, where the visit is not
 * for the whole delegation (which has everyone). */
guint        mt_page_add_delegates_to_visit (MtTour             *tour,
                                             MtVisit            *visit,
                                             const char * const *delegate_ids,
                                             guint              *n_without_group,
                                             const char         *label);
/* The delegates join the interview, one step; returns how many joined. */
guint        mt_page_add_delegates_to_interview (MtTour         *tour,
                                             MtInterview        *interview,
                                             const char * const *delegate_ids,
                                             const char         *label);

/* --- free slots for an interview -------------------------------------- */

typedef struct
{
  gint64  start;
  gint64  end;
  char   *visit_id; /* the visit the slot lies in */
} MtFreeSlot;

typedef enum
{
  MT_SLOTS_OK,
  MT_SLOTS_NO_WINDOW,     /* no visit or day given, or it has no times */
  MT_SLOTS_GROUP_ABSENT,  /* a chosen delegate's group is not at the visit */
  MT_SLOTS_NONE_FREE,     /* everyone is busy for the whole window */
} MtSlotsResult;

typedef struct
{
  const char * const *delegate_ids;    /* who takes part; may be empty */
  const char         *interviewee;     /* compared without case and spaces */
  const char         *visit_id;        /* propose inside this visit ... */
  int                 day_index;       /* ... or inside the day's visits */
  gint64              length;          /* seconds, > 0 */
  gint64              granularity;     /* starts fall on multiples, seconds */
  const char         *ignore_interview_id; /* the interview being edited */
} MtSlotQuery;

/* The free slots of @query->length: inside the visit (or, with no visit,
 * inside each visit of the day that every chosen delegate's group attends,
 * cancelled visits and transfers left out), at times when none of the
 * chosen delegates and not the interviewee have another interview (declined
 * interviews do not count). Slots do not overlap; each free gap is filled
 * from its start, every slot starting on a multiple of the granularity.
 * Returns an array of MtFreeSlot in time order; @result says why it is
 * empty; @absent_delegate (nullable) receives the id of a delegate whose
 * group is elsewhere. */
GArray      *mt_page_propose_slots          (MtTour             *tour,
                                             const MtSlotQuery  *query,
                                             MtSlotsResult      *result,
                                             const char        **absent_delegate);

/* --- search ----------------------------------------------------------- */

typedef struct
{
  MtEntity *entity;  /* owned */
  char     *title;
  char     *detail;  /* "Day 3 · 09:00 – 10:30 · Site" */
  guint     score;   /* lower is better */
} MtSearchHit;

void         mt_search_hit_free             (MtSearchHit        *hit);
/* The visits, sites, delegates and interviews (and cities) that match
 * every word of @query, best first: a title starting with the query, then
 * a title containing it, then other fields; within each, the visits and
 * interviews in time order, then the rest by name; at most @max_hits (0:
 * all). */
GPtrArray   *mt_page_search                 (MtTour             *tour,
                                             const char         *query,
                                             guint               max_hits);

/* --- the route view --------------------------------------------------- */

typedef struct
{
  double min_lat, max_lat;
  double min_lon, max_lon;
} MtGeoBox;

/* the bounding box of the cities and the sites that have coordinates;
 * FALSE when there is none */
gboolean     mt_page_geo_box                (MtTour             *tour,
                                             MtGeoBox           *box);
/* Equirectangular projection of (@lat, @lon) into a @width × @height area
 * with @padding on each side, fitted to @box keeping the aspect (longitude
 * scaled by the cosine of the box's middle latitude), centred. */
void         mt_page_project                (const MtGeoBox     *box,
                                             double              width,
                                             double              height,
                                             double              padding,
                                             double              lat,
                                             double              lon,
                                             double             *x,
                                             double             *y);

typedef struct
{
  double      lat;
  double      lon;
  const char *site_id; /* borrowed from the tour */
} MtRoutePoint;

/* The legs of each day between cities: for every day of the tour, an array
 * of MtRoutePoint, the cities (or, for a site without a city, the sites)
 * of its visits in time order, cancelled visits left out, consecutive
 * repeats merged; a day starts where the day before ended, so its first
 * leg is the journey from there. One pass over the visits. */
GPtrArray   *mt_page_tour_routes            (MtTour             *tour);
/* one day of mt_page_tour_routes() */
GArray      *mt_page_day_route              (MtTour             *tour,
                                             int                 day_index);

typedef struct
{
  double x, y, width, height;
} MtRect;

/* Where a label of @width × @height goes near the point (@x, @y): the first
 * spot around it, @gap apart and further out, that meets none of @taken and
 * lies inside @area (or, where none does, the least crowded, still inside
 * @area). The spot joins @taken. */
MtRect       mt_page_place_label            (GArray             *taken,
                                             const MtRect       *area,
                                             double              x,
                                             double              y,
                                             double              width,
                                             double              height,
                                             double              gap);
/* whether two of @rects (MtRect) meet; for tests */
gboolean     mt_page_rects_overlap          (GArray             *rects);

G_END_DECLS
