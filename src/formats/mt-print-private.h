/* mt-print-private.h: what the itinerary's layout and drawing share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "mt-print.h"
#include "mt-travel.h"

G_BEGIN_DECLS

#define MARGIN 44.0
#define TIME_COLUMN 74.0
#define FOOTER 26.0
#define BLOCK_GAP 16.0

typedef struct
{
  MtVisit   *visit;        /* NULL for an interview outside the selection's visits */
  GPtrArray *interviews;   /* of MtInterview, by time */
  int        travel;       /* minutes from the previous visit's site, or -1 */
  gint64     gap;          /* minutes from the previous visit's end, or -1 */
} Block;

typedef struct
{
  int        index;        /* 0: the tour's first day */
  gint64     start;        /* its midnight, wall-clock */
  GPtrArray *blocks;
  char      *cities;
} Day;

typedef struct
{
  guint    day;
  guint    first;
  guint    n_blocks;
  gboolean continued;
} Page;

struct _MtPrintLayout
{
  GObject     parent_instance;

  MtTour     *tour;
  MtTravel   *travel;      /* the checker's travel estimate */
  char       *scope;       /* the group's or delegate's line, or NULL */
  GPtrArray  *days;        /* of Day */
  GArray     *pages;       /* of Page, for page_width × page_height */
  double      page_width;
  double      page_height;
};

/* Draws with a cairo_t, or only measures where @cr is NULL */
typedef struct
{
  PangoContext *context;
  cairo_t      *cr;
} MtPrintPen;

void    _mt_print_pen_init     (MtPrintPen    *pen,
                                cairo_t       *cr);
void    _mt_print_pen_clear    (MtPrintPen    *pen);
/* each returns the height it takes */
double  _mt_print_draw_header  (MtPrintLayout *self,
                                MtPrintPen    *pen,
                                Day           *day,
                                gboolean       continued,
                                double         x,
                                double         y,
                                double         width);
double  _mt_print_draw_block   (MtPrintLayout *self,
                                MtPrintPen    *pen,
                                Block         *block,
                                gboolean       first,
                                double         x,
                                double         y,
                                double         width);
void    _mt_print_draw_footer  (MtPrintLayout *self,
                                MtPrintPen    *pen,
                                guint          page,
                                double         width,
                                double         height);
void    _mt_print_draw_separator (MtPrintPen    *pen,
                                double         y,
                                double         width);
void    _mt_print_draw_empty   (MtPrintPen    *pen,
                                double         y,
                                double         width);

G_END_DECLS
