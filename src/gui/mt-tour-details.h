/* mt-tour-details.h: what the Tour Details dialog changes, without GTK
 *
 * The dialog reads the tour's own fields into an MtTourDetails, lets the
 * user edit them, and asks these functions what the change would do (which
 * visits would fall outside the tour's days) before it applies them, as one
 * undoable step, moving every visit and interview with the first day when
 * the user says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"

G_BEGIN_DECLS

typedef struct
{
  char   *title;
  char   *organiser;
  char   *organiser_contact;
  char   *time_zone;
  char   *description;
  gint64  first_day;   /* midnight, wall-clock */
  guint   n_days;
} MtTourDetails;

void       mt_tour_details_read          (MtTourDetails       *details,
                                          MtTour              *tour);
void       mt_tour_details_clear         (MtTourDetails       *details);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MtTourDetails, mt_tour_details_clear)

/* the details a new tour starts with: today (in @time_zone) for seven
 * days, no title */
void       mt_tour_details_init_new      (MtTourDetails       *details,
                                          const char          *time_zone);
/* how far the first day moves, in seconds (whole days) */
gint64     mt_tour_details_shift         (const MtTourDetails *details,
                                          MtTour              *tour);
/* The visits that would start outside the days of @details, in time order:
 * with @move, every visit moved by mt_tour_details_shift() first. */
GPtrArray *mt_tour_details_dup_outside   (const MtTourDetails *details,
                                          MtTour              *tour,
                                          gboolean             move);
/* Applies @details to @tour as one undoable step named @label; with @move,
 * every visit and interview moves by mt_tour_details_shift(). FALSE, with
 * @error set and nothing changed, for a time zone this system does not
 * know. */
gboolean   mt_tour_details_apply         (const MtTourDetails *details,
                                          MtTour              *tour,
                                          gboolean             move,
                                          const char          *label,
                                          GError             **error);

/* @time (a wall-clock time) formatted by g_date_time_format() */
char      *mt_tour_details_format_date   (gint64               time,
                                          const char          *format);
/* "14 May – 20 May 2024": the days of @details */
char      *mt_tour_details_format_span   (const MtTourDetails *details);

/* The IANA time zone names this system knows ("Asia/Shanghai"), sorted:
 * a GPtrArray of strings. */
GPtrArray *mt_time_zone_list             (void);

G_END_DECLS
