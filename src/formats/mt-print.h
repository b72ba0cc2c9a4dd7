/* mt-print.h: the printed itinerary, drawn with cairo and Pango
 *
 * An MtPrintLayout holds what an itinerary shows (the whole tour, one group
 * or one delegate, mt_ical_select_items()) and lays it out in pages: each day
 * starts a page and runs onto more where it must, with the date, the cities,
 * each visit with its time, site, address and the travel time from the one
 * before, its speakers and interviews, and the delegate's own interviews.
 *
 * A printout is for the delegates or for the organisers: the delegates'
 * leaves out the planner's estimates (the travel time by road, a gap
 * shorter than it), which the organisers' shows. A delegate's printout is
 * in the delegate's language (mt-language.h) unless another is asked for,
 * and can open with what changed for them since their copy (mt-digest.h).
 * Every page names the organiser and how to reach them, and the time zone
 * of the times; each day names the night's hotel.
 *
 * The drawing is the same for a PDF file and for GtkPrintOperation: call
 * mt_print_layout_get_n_pages() with the page's size (from "begin-print") and
 * mt_print_layout_draw_page() with the context's cairo_t (from "draw-page").
 * Sizes are in points, so set the print operation's unit to GTK_UNIT_POINTS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "mt-tour.h"

G_BEGIN_DECLS

typedef enum
{
  MT_PAPER_A4,
  MT_PAPER_LETTER,
} MtPaper;

typedef enum
{
  MT_PRINT_FOR_DELEGATES,   /* what a delegate needs, and nothing else */
  MT_PRINT_FOR_ORGANISERS,  /* with the planner's travel estimates */
} MtPrintAudience;

typedef struct
{
  MtPrintAudience  audience;
  /* "en" or "zh_CN"; NULL for the delegate's own on a delegate's printout,
   * else the session's; "" for the session's */
  const char      *language;
  /* a delegate's printout: open with what changed since @since (NULL: the
   * version they last received) */
  gboolean         digest;
  MtVersion       *since;
} MtPrintOptions;

/* the day mt_print_layout_get_page_day() gives for the pages of the digest */
#define MT_PRINT_DIGEST_DAY G_MININT

#define MT_TYPE_PRINT_LAYOUT (mt_print_layout_get_type ())
G_DECLARE_FINAL_TYPE (MtPrintLayout, mt_print_layout, MT, PRINT_LAYOUT, GObject)

/* the paper's size in points */
void           mt_paper_get_size            (MtPaper        paper,
                                             double        *width,
                                             double        *height);
/* "a4" or "letter" */
gboolean       mt_paper_from_string         (const char    *name,
                                             MtPaper       *paper);

/* %NULL with @error set where the group or delegate is unknown; the
 * options are the defaults: for the delegates, in a delegate's language,
 * without a digest */
MtPrintLayout *mt_print_layout_new          (MtTour        *tour,
                                             const char    *group_id,
                                             const char    *delegate_id,
                                             GError       **error);
/* @options: (nullable): NULL for the defaults */
MtPrintLayout *mt_print_layout_new_with_options (MtTour               *tour,
                                             const char           *group_id,
                                             const char           *delegate_id,
                                             const MtPrintOptions *options,
                                             GError              **error);
/* lays the itinerary out on pages of @width × @height points */
guint          mt_print_layout_get_n_pages  (MtPrintLayout *self,
                                             double         width,
                                             double         height);
/* the day (0 is the tour's first) that @page shows */
int            mt_print_layout_get_page_day (MtPrintLayout *self,
                                             guint          page,
                                             double         width,
                                             double         height);
/* how many items (visits, lone interviews, days of the digest) @page shows */
guint          mt_print_layout_get_page_n_items (MtPrintLayout *self,
                                             guint          page,
                                             double         width,
                                             double         height);
void           mt_print_layout_draw_page    (MtPrintLayout *self,
                                             cairo_t       *cr,
                                             guint          page,
                                             double         width,
                                             double         height);

gboolean       mt_print_write_pdf           (MtTour        *tour,
                                             const char    *group_id,
                                             const char    *delegate_id,
                                             MtPaper        paper,
                                             GFile         *file,
                                             GCancellable  *cancellable,
                                             GError       **error);
gboolean       mt_print_write_pdf_with_options (MtTour               *tour,
                                             const char           *group_id,
                                             const char           *delegate_id,
                                             const MtPrintOptions *options,
                                             MtPaper               paper,
                                             GFile                *file,
                                             GCancellable         *cancellable,
                                             GError              **error);

G_END_DECLS
