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
  int        planned;      /* after a transfer: the minutes it plans, or -1 */
  char      *digest_day;   /* a day of the digest: its date, or NULL */
  GPtrArray *digest_lines; /* and its changes, one text each */
} Block;

typedef struct
{
  int        index;        /* 0: the tour's first day; MT_PRINT_DIGEST_DAY */
  gint64     start;        /* its midnight, wall-clock */
  GPtrArray *blocks;
  char      *cities;
  MtSite    *hotel;        /* where the delegation sleeps that night, or NULL */
  char      *note;         /* a line under the heading, or NULL */
  gpointer   digest;       /* the first day: the Day of the digest, shown at
                            * the top of its first page where it fits */
} Day;

typedef struct
{
  Day     *day;
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
  char       *language;    /* "en", "zh_CN", or NULL for the session's */
  char       *digest_title; /* the digest's heading, or NULL */
  Day        *digest;       /* its changes, by day, or NULL */
  MtPrintAudience audience;
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

typedef struct { double r, g, b; } MtPrintRgb;

static const MtPrintRgb mt_print_ink = { 0.13, 0.13, 0.15 };
static const MtPrintRgb mt_print_grey = { 0.40, 0.41, 0.44 };
static const MtPrintRgb mt_print_faint = { 0.82, 0.83, 0.85 };
static const MtPrintRgb mt_print_accent = { 0.11, 0.44, 0.85 };

typedef enum
{
  MT_PRINT_TEXT_BOLD = 1 << 0,
  MT_PRINT_TEXT_RIGHT = 1 << 1,
} MtPrintTextFlags;

/* Pango markup at (x, y) in a box @width wide; returns its height */
double  _mt_print_text         (MtPrintPen       *pen,
                                const char       *markup,
                                double            size,
                                MtPrintTextFlags  flags,
                                MtPrintRgb        color,
                                double            x,
                                double            y,
                                double            width);
void    _mt_print_rule         (MtPrintPen       *pen,
                                MtPrintRgb        color,
                                double            line_width,
                                double            x,
                                double            y,
                                double            width);
/* the tour's title and the scope at the top of a page */
double  _mt_print_draw_title_line (MtPrintLayout *self,
                                MtPrintPen       *pen,
                                double            x,
                                double            y,
                                double            width);
/* @heading in @size points, "continued" after it where it is */
double  _mt_print_draw_heading (MtPrintLayout    *self,
                                MtPrintPen       *pen,
                                const char       *heading,
                                double            size,
                                gboolean          continued,
                                double            x,
                                double            y,
                                double            width);
/* the organiser and how to reach them, for the foot of every page */
char   *_mt_print_dup_organiser (MtTour          *tour);

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
/* a place in both languages, its address and its contact, as markup */
char   *_mt_print_place_markup (MtSite        *site,
                                MtTour        *tour,
                                gboolean       with_contact);

void    _mt_print_block_free   (gpointer       block);

/* The digest at the top of a delegate's printout (mt-print-digest.c) */
void    _mt_print_add_digest   (MtPrintLayout *self,
                                const char    *delegate_id,
                                MtVersion     *since);
double  _mt_print_draw_digest_block (MtPrintLayout *self,
                                MtPrintPen    *pen,
                                Block         *block,
                                double         x,
                                double         y,
                                double         width);
double  _mt_print_draw_digest_header (MtPrintLayout *self,
                                MtPrintPen    *pen,
                                gboolean       continued,
                                double         x,
                                double         y,
                                double         width);
/* all of the digest in a box, to head the first day's page */
double  _mt_print_draw_digest_box (MtPrintLayout *self,
                                MtPrintPen    *pen,
                                double         x,
                                double         y,
                                double         width);


G_END_DECLS
