/* mt-print.h: the printed itinerary, drawn with cairo and Pango
 *
 * An MtPrintLayout holds what an itinerary shows (the whole tour, one group
 * or one delegate, mt_ical_select_items()) and lays it out in pages: each day
 * starts a page and runs onto more where it must, with the date, the cities,
 * each visit with its time, site, address and the travel time from the one
 * before, its speakers and interviews, and the delegate's own interviews.
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

#define MT_TYPE_PRINT_LAYOUT (mt_print_layout_get_type ())
G_DECLARE_FINAL_TYPE (MtPrintLayout, mt_print_layout, MT, PRINT_LAYOUT, GObject)

/* the paper's size in points */
void           mt_paper_get_size            (MtPaper        paper,
                                             double        *width,
                                             double        *height);
/* "a4" or "letter" */
gboolean       mt_paper_from_string         (const char    *name,
                                             MtPaper       *paper);

/* %NULL with @error set where the group or delegate is unknown */
MtPrintLayout *mt_print_layout_new          (MtTour        *tour,
                                             const char    *group_id,
                                             const char    *delegate_id,
                                             GError       **error);
/* lays the itinerary out on pages of @width × @height points */
guint          mt_print_layout_get_n_pages  (MtPrintLayout *self,
                                             double         width,
                                             double         height);
/* the day (0 is the tour's first) that @page shows */
int            mt_print_layout_get_page_day (MtPrintLayout *self,
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

G_END_DECLS
