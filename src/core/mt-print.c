/* mt-print.c: the printed itinerary, drawn with cairo and Pango
 *
 * Every piece of a page is drawn by one function that, without a cairo_t,
 * only measures: pagination and drawing share the code and cannot disagree.
 * Text is laid out at 72 dots per inch with hinting off, so one unit is one
 * point on any surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "mt-ical.h"
#include "mt-print.h"
#include "mt-wall-time.h"

#define FONT "Noto Sans CJK SC, Cantarell, sans-serif"
#define MARGIN 44.0
#define TIME_COLUMN 74.0
#define FOOTER 26.0
#define ROAD_FACTOR 1.4
#define SPEED_KMH 45.0

typedef struct { double r, g, b; } Rgb;

static const Rgb ink = { 0.13, 0.13, 0.15 };
static const Rgb grey = { 0.40, 0.41, 0.44 };
static const Rgb faint = { 0.82, 0.83, 0.85 };
static const Rgb accent = { 0.11, 0.44, 0.85 };

typedef struct
{
  MtVisit   *visit;        /* NULL for an interview outside the selection's visits */
  GPtrArray *interviews;   /* of MtInterview, by time */
  int        travel;       /* minutes from the previous visit's site, or -1 */
  double     distance;     /* km */
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
  char       *scope;       /* the group's or delegate's line, or NULL */
  GPtrArray  *days;        /* of Day */
  GArray     *pages;       /* of Page, for page_width × page_height */
  double      page_width;
  double      page_height;
};

G_DEFINE_FINAL_TYPE (MtPrintLayout, mt_print_layout, G_TYPE_OBJECT)

static void
block_free (Block *block)
{
  g_clear_pointer (&block->interviews, g_ptr_array_unref);
  g_free (block);
}

static void
day_free (Day *day)
{
  g_ptr_array_unref (day->blocks);
  g_free (day->cities);
  g_free (day);
}

static void
mt_print_layout_finalize (GObject *object)
{
  MtPrintLayout *self = MT_PRINT_LAYOUT (object);

  g_clear_object (&self->tour);
  g_clear_pointer (&self->scope, g_free);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (mt_print_layout_parent_class)->finalize (object);
}

static void
mt_print_layout_class_init (MtPrintLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mt_print_layout_finalize;
}

static void
mt_print_layout_init (MtPrintLayout *self)
{
  self->days = g_ptr_array_new_with_free_func ((GDestroyNotify) day_free);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
}

void
mt_paper_get_size (MtPaper  paper,
                   double  *width,
                   double  *height)
{
  /* ISO 216 A4 is 210 × 297 mm; US Letter 8.5 × 11 in */
  *width = paper == MT_PAPER_LETTER ? 612.0 : 595.2756;
  *height = paper == MT_PAPER_LETTER ? 792.0 : 841.8898;
}

gboolean
mt_paper_from_string (const char *name,
                      MtPaper    *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = MT_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = MT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* Building the days */

static gboolean
site_position (MtTour *tour,
               MtSite *site,
               double *latitude,
               double *longitude)
{
  MtCity *city;

  *latitude = mt_site_get_latitude (site);
  *longitude = mt_site_get_longitude (site);
  if (*latitude != 0 || *longitude != 0)
    return TRUE;
  city = mt_tour_lookup_kind (tour, MT_ENTITY_CITY, mt_site_get_city (site));
  if (city == NULL)
    return FALSE;
  *latitude = mt_city_get_latitude (city);
  *longitude = mt_city_get_longitude (city);
  return *latitude != 0 || *longitude != 0;
}

/* Great-circle distance times a road factor at a coach's average speed, as
 * the checker estimates it. */
static int
travel_minutes (MtTour  *tour,
                MtVisit *from,
                MtVisit *to,
                double  *km)
{
  MtSite *a = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_visit_get_site (from));
  MtSite *b = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_visit_get_site (to));
  double lat1, lon1, lat2, lon2, dlat, dlon, h;

  if (a == NULL || b == NULL || a == b ||
      !site_position (tour, a, &lat1, &lon1) || !site_position (tour, b, &lat2, &lon2))
    return -1;

  dlat = (lat2 - lat1) * G_PI / 180;
  dlon = (lon2 - lon1) * G_PI / 180;
  h = sin (dlat / 2) * sin (dlat / 2) +
      cos (lat1 * G_PI / 180) * cos (lat2 * G_PI / 180) * sin (dlon / 2) * sin (dlon / 2);
  *km = 2 * 6371.0 * asin (MIN (1.0, sqrt (h))) * ROAD_FACTOR;
  return (int) ceil (*km / SPEED_KMH * 60);
}

static gboolean
share_a_group (MtVisit *a,
               MtVisit *b)
{
  const char * const *groups = mt_visit_get_groups (a);

  if (groups == NULL || groups[0] == NULL || mt_visit_get_groups (b) == NULL ||
      mt_visit_get_groups (b)[0] == NULL)
    return TRUE;
  for (guint i = 0; groups[i] != NULL; i++)
    if (mt_visit_has_group (b, groups[i]))
      return TRUE;
  return FALSE;
}

static void
add_travel (MtPrintLayout *self,
            Day           *day)
{
  for (guint i = 0; i < day->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (day->blocks, i);

      block->travel = -1;
      block->gap = -1;
      if (block->visit == NULL || mt_visit_get_status (block->visit) == MT_VISIT_CANCELLED)
        continue;
      /* the previous visit of the same people */
      for (guint j = i; j-- > 0;)
        {
          Block *before = g_ptr_array_index (day->blocks, j);

          if (before->visit == NULL || mt_visit_get_status (before->visit) == MT_VISIT_CANCELLED ||
              mt_visit_get_site (before->visit) == NULL || !share_a_group (before->visit, block->visit))
            continue;
          block->travel = travel_minutes (self->tour, before->visit, block->visit, &block->distance);
          if (mt_visit_get_end (before->visit) != MT_TIME_UNSET)
            block->gap = (mt_visit_get_start (block->visit) - mt_visit_get_end (before->visit)) / 60;
          break;
        }
    }
}

static void
name_cities (MtPrintLayout *self,
             Day           *day)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < day->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (day->blocks, i);
      MtSite *site = block->visit ? mt_tour_lookup_kind (self->tour, MT_ENTITY_SITE, mt_visit_get_site (block->visit)) : NULL;
      MtCity *city = site ? mt_tour_lookup_kind (self->tour, MT_ENTITY_CITY, mt_site_get_city (site)) : NULL;

      if (city == NULL || g_ptr_array_find (seen, city, NULL))
        continue;
      g_ptr_array_add (seen, city);
      if (text->len > 0)
        g_string_append (text, " → ");
      g_string_append (text, mt_city_get_name (city) ? mt_city_get_name (city) : "");
      if (mt_city_get_local_name (city) != NULL)
        g_string_append_printf (text, " %s", mt_city_get_local_name (city));
    }
  day->cities = text->len > 0 ? g_strdup (text->str) : NULL;
}

static Day *
get_day (MtPrintLayout *self,
         GHashTable    *by_index,
         int            index)
{
  Day *day = g_hash_table_lookup (by_index, GINT_TO_POINTER (index));

  if (day == NULL)
    {
      day = g_new0 (Day, 1);
      day->index = index;
      day->start = mt_tour_get_day_start (self->tour, index);
      day->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
      g_hash_table_insert (by_index, GINT_TO_POINTER (index), day);
      g_ptr_array_add (self->days, day);
    }
  return day;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return (*(Day **) a)->index - (*(Day **) b)->index;
}

static void
build_days (MtPrintLayout *self,
            GPtrArray     *items)
{
  g_autoptr(GHashTable) by_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) block_of_visit = g_hash_table_new (g_str_hash, g_str_equal);

  /* every day of the tour has its page, planned or not */
  for (guint i = 0; i < mt_tour_get_n_days (self->tour); i++)
    get_day (self, by_index, (int) i);

  for (guint i = 0; i < items->len; i++)
    {
      MtEntity *item = g_ptr_array_index (items, i);
      Day *day = get_day (self, by_index, mt_tour_get_day_index (self->tour, mt_ical_item_get_start (item)));
      Block *block = NULL;

      if (MT_IS_INTERVIEW (item))
        {
          const char *visit_id = mt_interview_get_visit (MT_INTERVIEW (item));

          block = visit_id ? g_hash_table_lookup (block_of_visit, visit_id) : NULL;
          if (block != NULL)
            {
              g_ptr_array_add (block->interviews, item);
              continue;
            }
        }

      block = g_new0 (Block, 1);
      block->interviews = g_ptr_array_new ();
      if (MT_IS_VISIT (item))
        {
          block->visit = MT_VISIT (item);
          g_hash_table_insert (block_of_visit, (gpointer) mt_entity_get_id (item), block);
        }
      else
        g_ptr_array_add (block->interviews, item);
      g_ptr_array_add (day->blocks, block);
    }

  g_ptr_array_sort (self->days, compare_days);
  for (guint i = 0; i < self->days->len; i++)
    {
      add_travel (self, g_ptr_array_index (self->days, i));
      name_cities (self, g_ptr_array_index (self->days, i));
    }
}

static char *
describe_scope (MtTour     *tour,
                const char *group_id,
                const char *delegate_id)
{
  if (delegate_id != NULL)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_id);
      MtGroup *group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, mt_delegate_get_group (delegate));
      g_autoptr(GString) text = g_string_new (NULL);

      /* Translators: the heading of one delegate's printed itinerary */
      g_string_printf (text, _("Personal itinerary of %s"), mt_delegate_get_name (delegate) ? mt_delegate_get_name (delegate) : "");
      if (mt_delegate_get_outlet (delegate) != NULL)
        g_string_append_printf (text, " · %s", mt_delegate_get_outlet (delegate));
      if (group != NULL && mt_group_get_name (group) != NULL)
        g_string_append_printf (text, " · %s", mt_group_get_name (group));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  if (group_id != NULL)
    {
      MtGroup *group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, group_id);

      /* Translators: the heading of one group's printed itinerary */
      return g_strdup_printf (_("Itinerary of %s"), mt_group_get_name (group) ? mt_group_get_name (group) : "");
    }
  return NULL;
}

/**
 * mt_print_layout_new:
 *
 * Returns: (transfer full): the itinerary of the whole tour (both ids
 *   %NULL), of one group or of one delegate
 */
MtPrintLayout *
mt_print_layout_new (MtTour      *tour,
                     const char  *group_id,
                     const char  *delegate_id,
                     GError     **error)
{
  g_autoptr(MtPrintLayout) self = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (group_id == NULL || delegate_id == NULL, NULL);

  items = mt_ical_select_items (tour, group_id, delegate_id, error);
  if (items == NULL)
    return NULL;

  self = g_object_new (MT_TYPE_PRINT_LAYOUT, NULL);
  self->tour = g_object_ref (tour);
  self->scope = describe_scope (tour, group_id, delegate_id);
  build_days (self, items);
  return g_steal_pointer (&self);
}

/* Drawing, or measuring where there is no cairo_t */

typedef struct
{
  PangoContext *context;
  cairo_t      *cr;     /* NULL: measure only */
} Pen;

static void
pen_init (Pen     *pen,
          cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pen->cr = cr;
  pen->context = cr ? pango_cairo_create_context (cr)
                    : pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (pen->context, 72);
  pango_cairo_context_set_font_options (pen->context, options);
  cairo_font_options_destroy (options);
}

static void
pen_clear (Pen *pen)
{
  g_clear_object (&pen->context);
}

typedef enum
{
  TEXT_BOLD = 1 << 0,
  TEXT_RIGHT = 1 << 1,
} TextFlags;

/* Draws Pango markup at (x, y) in a box @width wide; returns its height. */
static double
text (Pen        *pen,
      const char *markup,
      double      size,
      TextFlags   flags,
      Rgb         color,
      double      x,
      double      y,
      double      width)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (pen->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  PangoRectangle logical;

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (flags & TEXT_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, (flags & TEXT_RIGHT) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  if (pen->cr != NULL)
    {
      cairo_set_source_rgb (pen->cr, color.r, color.g, color.b);
      cairo_move_to (pen->cr, x, y);
      pango_cairo_show_layout (pen->cr, layout);
    }
  return (double) logical.height / PANGO_SCALE;
}

static void
rule (Pen    *pen,
      Rgb     color,
      double  line_width,
      double  x,
      double  y,
      double  width)
{
  if (pen->cr == NULL)
    return;
  cairo_set_source_rgb (pen->cr, color.r, color.g, color.b);
  cairo_set_line_width (pen->cr, line_width);
  cairo_move_to (pen->cr, x, y);
  cairo_line_to (pen->cr, x + width, y);
  cairo_stroke (pen->cr);
}

static char *
format_hour (gint64 wall)
{
  int hour, minute;

  mt_wall_time_split (wall, NULL, NULL, NULL, &hour, &minute, NULL);
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

static char *
format_span (gint64 start,
             gint64 end)
{
  g_autofree char *from = format_hour (start);
  g_autofree char *to = NULL;

  if (end == MT_TIME_UNSET || end <= start)
    return g_steal_pointer (&from);
  to = format_hour (end);
  return g_strdup_printf ("%s–%s", from, to);
}

static double
draw_header (MtPrintLayout *self,
             Pen           *pen,
             Day           *day,
             gboolean       continued,
             double         x,
             double         y,
             double         width)
{
  g_autoptr(GDateTime) date_time = mt_wall_time_to_date_time (day->start, mt_tour_get_zone (self->tour));
  g_autofree char *title = g_markup_escape_text (mt_tour_get_title (self->tour) ? mt_tour_get_title (self->tour) : "", -1);
  g_autofree char *date = NULL, *date_markup = NULL, *line = NULL;
  guint n_days = mt_tour_get_n_days (self->tour);
  double top = y, h;

  h = text (pen, title, 8.5, 0, grey, x, y, width * 0.6);
  if (self->scope != NULL)
    {
      g_autofree char *scope = g_markup_escape_text (self->scope, -1);

      h = MAX (h, text (pen, scope, 8.5, TEXT_BOLD | TEXT_RIGHT, accent, x + width * 0.3, y, width * 0.7));
    }
  y += h + 10;

  /* Translators: the date that heads a day of the printed itinerary, see g_date_time_format() */
  date = g_date_time_format (date_time, _("%A %-d %B %Y"));
  if (continued)
    /* Translators: a day's heading on the pages after its first, “%s” is the date */
    date_markup = g_markup_printf_escaped ("%s <span foreground=\"#6b6d73\" weight=\"normal\" size=\"60%%\">%s</span>",
                                           date, _("continued"));
  else
    date_markup = g_markup_escape_text (date, -1);
  y += text (pen, date_markup, 20, TEXT_BOLD, ink, x, y, width) + 2;

  if (day->index >= 0 && (guint) day->index < n_days)
    /* Translators: under a day's date: “Day 2 of 7” */
    line = g_strdup_printf (_("Day %d of %u"), day->index + 1, n_days);
  else
    line = g_strdup (day->index < 0 ? _("Before the tour") : _("After the tour"));
  if (day->cities != NULL)
    {
      g_autofree char *with_cities = g_strdup_printf ("%s  ·  %s", line, day->cities);

      g_free (line);
      line = g_steal_pointer (&with_cities);
    }
  {
    g_autofree char *escaped = g_markup_escape_text (line, -1);

    y += text (pen, escaped, 10.5, TEXT_BOLD, accent, x, y, width) + 8;
  }
  rule (pen, accent, 1.6, x, y, width);
  y += 14;
  return y - top;
}

static void
append_interview_lines (MtPrintLayout *self,
                        GString       *markup,
                        MtInterview   *interview,
                        gboolean       with_time)
{
  const char * const *ids = mt_interview_get_delegates (interview);
  const char *title = mt_interview_get_interviewee_title (interview);
  const char *organisation = mt_interview_get_organisation (interview);
  g_autofree char *span = format_span (mt_interview_get_start (interview), mt_interview_get_end (interview));
  g_autoptr(GString) people = g_string_new (NULL);

  if (with_time)
    g_string_append_printf (markup, "<b>%s</b>  ", span);
  g_string_append_printf (markup, "<b>%s</b>", mt_interview_get_interviewee (interview) ? mt_interview_get_interviewee (interview) : "");
  if (title != NULL)
    g_string_append_printf (markup, ", %s", title);
  if (organisation != NULL)
    g_string_append_printf (markup, ", %s", organisation);
  g_string_append_printf (markup, "  <span foreground=\"#6b6d73\">%s</span>",
                          mt_interview_status_to_label (mt_interview_get_status (interview)));

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (self->tour, MT_ENTITY_DELEGATE, ids[i]);

      if (delegate == NULL)
        continue;
      if (people->len > 0)
        g_string_append (people, ", ");
      g_string_append (people, mt_delegate_get_name (delegate) ? mt_delegate_get_name (delegate) : "");
      if (mt_delegate_get_outlet (delegate) != NULL)
        g_string_append_printf (people, " (%s)", mt_delegate_get_outlet (delegate));
    }
  if (people->len > 0)
    /* Translators: the delegates who take part in an interview */
    g_string_append_printf (markup, "\n<span foreground=\"#6b6d73\">%s %s</span>", _("With"), people->str);
  if (mt_interview_get_interpreter (interview))
    g_string_append_printf (markup, "\n<span foreground=\"#6b6d73\">%s</span>", _("An interpreter is needed"));
}

/* markup with every piece escaped: built with g_markup_printf_escaped() */
static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

static double
draw_block (MtPrintLayout *self,
            Pen           *pen,
            Block         *block,
            gboolean       first,
            double         x,
            double         y,
            double         width)
{
  MtVisit *visit = block->visit;
  MtInterview *lone = visit ? NULL : g_ptr_array_index (block->interviews, 0);
  gint64 start = visit ? mt_visit_get_start (visit) : mt_interview_get_start (lone);
  gint64 end = visit ? mt_visit_get_end (visit) : mt_interview_get_end (lone);
  double x2 = x + TIME_COLUMN, w2 = width - TIME_COLUMN, top = y, left, right;
  gboolean cancelled = visit && mt_visit_get_status (visit) == MT_VISIT_CANCELLED;
  g_autofree char *from = format_hour (start);
  g_autoptr(GString) markup = g_string_new (NULL);

  if (!first && block->travel >= 0)
    {
      g_autoptr(GString) travel = g_string_new (NULL);

      /* Translators: between two visits of the printed itinerary */
      g_string_printf (travel, _("↓ about %d min by road (%.0f km) from the previous site"),
                       block->travel, block->distance);
      if (block->gap >= 0 && block->gap < block->travel)
        {
          g_autofree char *gap = g_strdup_printf (_("only %d min planned"), (int) block->gap);
          g_autofree char *escaped = escape (gap);

          g_string_append_printf (travel, "  <span foreground=\"#bf1c29\" weight=\"bold\">%s</span>", escaped);
        }
      y += text (pen, travel->str, 8.5, 0, grey, x2, y, w2) + 6;
    }

  /* the time column */
  left = text (pen, from, 13, TEXT_BOLD, cancelled ? grey : ink, x, y, TIME_COLUMN - 8);
  if (end != MT_TIME_UNSET && end > start)
    {
      g_autofree char *to = format_hour (end);
      g_autofree char *until = g_strdup_printf ("– %s", to);

      left += text (pen, until, 9.5, 0, grey, x, y + left, TIME_COLUMN - 8);
    }

  /* the title */
  if (visit != NULL)
    {
      g_autofree char *title = escape (mt_visit_get_title (visit));

      g_string_printf (markup, cancelled ? "<s>%s</s>" : "%s", title);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Interview with %s"), mt_interview_get_interviewee (lone) ? mt_interview_get_interviewee (lone) : "");
      g_autofree char *escaped = escape (title);

      g_string_assign (markup, escaped);
    }
  right = text (pen, markup->str, 11.5, TEXT_BOLD, cancelled ? grey : ink, x2, y, w2) + 2;

  /* kind, status and groups */
  g_string_truncate (markup, 0);
  if (visit != NULL)
    {
      MtVisitStatus status = mt_visit_get_status (visit);
      const char * const *groups = mt_visit_get_groups (visit);
      const char *colour = status == MT_VISIT_CANCELLED ? "#bf1c29" : status == MT_VISIT_TENTATIVE ? "#b57305" : "#2a7a3b";

      g_string_append_printf (markup, "%s  ·  <span foreground=\"%s\" weight=\"bold\">%s</span>",
                              mt_visit_kind_to_label (mt_visit_get_visit_kind (visit)), colour,
                              mt_visit_status_to_label (status));
      if (self->scope == NULL)
        {
          if (groups == NULL || groups[0] == NULL)
            g_string_append_printf (markup, "  ·  %s", _("Whole delegation"));
          for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
            {
              MtGroup *group = mt_tour_lookup_kind (self->tour, MT_ENTITY_GROUP, groups[i]);
              g_autofree char *name = escape (group ? mt_group_get_name (group) : groups[i]);
              const char *color = group && mt_group_get_color (group) ? mt_group_get_color (group) : "#6b6d73";

              g_string_append_printf (markup, "  <span foreground=\"%s\">●</span> %s", color, name);
            }
        }
    }
  else
    g_string_append_printf (markup, "%s  ·  %s", _("Interview"),
                            mt_interview_status_to_label (mt_interview_get_status (lone)));
  right += text (pen, markup->str, 8.5, 0, grey, x2, y + right, w2) + 3;

  /* where */
  g_string_truncate (markup, 0);
  if (visit != NULL)
    {
      MtSite *site = mt_tour_lookup_kind (self->tour, MT_ENTITY_SITE, mt_visit_get_site (visit));

      if (site != NULL)
        {
          g_autofree char *name = escape (mt_site_get_name (site));
          g_autofree char *local = escape (mt_site_get_local_name (site));
          g_autofree char *address = escape (mt_site_get_address (site));

          g_string_append_printf (markup, "%s", name);
          if (*local != '\0')
            g_string_append_printf (markup, "  %s", local);
          if (*address != '\0')
            g_string_append_printf (markup, "\n<span foreground=\"#6b6d73\">%s</span>", address);
        }
    }
  else if (mt_interview_get_location (lone) != NULL)
    {
      g_autofree char *location = escape (mt_interview_get_location (lone));

      g_string_append (markup, location);
    }
  if (markup->len > 0)
    right += text (pen, markup->str, 9.5, 0, ink, x2, y + right, w2) + 3;

  /* who speaks */
  if (visit != NULL && mt_visit_get_speakers (visit) != NULL)
    {
      const char * const *speakers = mt_visit_get_speakers (visit);

      g_string_truncate (markup, 0);
      g_string_append_printf (markup, "<span foreground=\"#6b6d73\" weight=\"bold\">%s</span>", _("Speakers"));
      for (guint i = 0; speakers[i] != NULL; i++)
        {
          g_autofree char *speaker = escape (speakers[i]);

          g_string_append_printf (markup, "\n• %s", speaker);
        }
      right += text (pen, markup->str, 9, 0, ink, x2, y + right, w2) + 3;
    }

  /* interviews: those held during the visit, or the lone one's people */
  for (guint i = 0; i < block->interviews->len; i++)
    {
      MtInterview *interview = g_ptr_array_index (block->interviews, i);
      double h;

      g_string_truncate (markup, 0);
      if (visit != NULL)
        g_string_append_printf (markup, "<span foreground=\"#1c70d9\" weight=\"bold\">%s</span>  ", _("Interview"));
      append_interview_lines (self, markup, interview, visit != NULL);
      h = text (pen, markup->str, 9, 0, ink, x2 + 10, y + right + 1, w2 - 10);
      if (pen->cr != NULL)
        {
          cairo_set_source_rgb (pen->cr, accent.r, accent.g, accent.b);
          cairo_rectangle (pen->cr, x2 + 1, y + right + 2, 2.5, h - 2);
          cairo_fill (pen->cr);
        }
      right += h + 4;
    }

  /* notes */
  {
    const char *notes = visit ? mt_visit_get_notes (visit) : mt_interview_get_notes (lone);

    if (notes != NULL && *notes != '\0')
      {
        g_autofree char *escaped = escape (notes);
        g_autofree char *italic = g_strdup_printf ("<i>%s</i>", escaped);

        right += text (pen, italic, 8.5, 0, grey, x2, y + right, w2) + 2;
      }
  }

  return y - top + MAX (left, right);
}

/* Pagination */

#define BLOCK_GAP 16.0

static void
paginate (MtPrintLayout *self,
          double         width,
          double         height)
{
  double content = width - 2 * MARGIN, bottom = height - MARGIN - FOOTER;
  Pen pen;

  if (self->pages->len > 0 && self->page_width == width && self->page_height == height)
    return;

  g_array_set_size (self->pages, 0);
  self->page_width = width;
  self->page_height = height;
  pen_init (&pen, NULL);

  for (guint d = 0; d < self->days->len; d++)
    {
      Day *day = g_ptr_array_index (self->days, d);
      Page page = { d, 0, 0, FALSE };
      double y = MARGIN + draw_header (self, &pen, day, FALSE, MARGIN, MARGIN, content);

      for (guint b = 0; b < day->blocks->len; b++)
        {
          double h = draw_block (self, &pen, g_ptr_array_index (day->blocks, b), page.n_blocks == 0,
                                 MARGIN, 0, content);

          if (page.n_blocks > 0 && y + BLOCK_GAP + h > bottom)
            {
              g_array_append_val (self->pages, page);
              page = (Page) { d, b, 0, TRUE };
              y = MARGIN + draw_header (self, &pen, day, TRUE, MARGIN, MARGIN, content);
              h = draw_block (self, &pen, g_ptr_array_index (day->blocks, b), TRUE, MARGIN, 0, content);
            }
          y += (page.n_blocks > 0 ? BLOCK_GAP : 0) + h;
          page.n_blocks++;
        }
      g_array_append_val (self->pages, page);
    }
  pen_clear (&pen);
}

guint
mt_print_layout_get_n_pages (MtPrintLayout *self,
                             double         width,
                             double         height)
{
  g_return_val_if_fail (MT_IS_PRINT_LAYOUT (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN + TIME_COLUMN && height > 4 * MARGIN, 0);

  paginate (self, width, height);
  return self->pages->len;
}

int
mt_print_layout_get_page_day (MtPrintLayout *self,
                              guint          page,
                              double         width,
                              double         height)
{
  g_return_val_if_fail (page < mt_print_layout_get_n_pages (self, width, height), -1);

  return ((Day *) g_ptr_array_index (self->days, g_array_index (self->pages, Page, page).day))->index;
}

static void
draw_footer (MtPrintLayout *self,
             Pen           *pen,
             guint          page,
             double         width,
             double         height)
{
  double content = width - 2 * MARGIN, y = height - MARGIN - FOOTER + 10;
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autofree char *who = escape (mt_tour_get_organiser (self->tour));

  rule (pen, faint, 0.6, MARGIN, y, content);
  text (pen, who, 8, 0, grey, MARGIN, y + 5, content * 0.7);
  text (pen, number, 8, TEXT_RIGHT, grey, MARGIN + content * 0.5, y + 5, content * 0.5);
}

void
mt_print_layout_draw_page (MtPrintLayout *self,
                           cairo_t       *cr,
                           guint          page_number,
                           double         width,
                           double         height)
{
  double content = width - 2 * MARGIN, y;
  Page *page;
  Day *day;
  Pen pen;

  g_return_if_fail (MT_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_number < mt_print_layout_get_n_pages (self, width, height));

  page = &g_array_index (self->pages, Page, page_number);
  day = g_ptr_array_index (self->days, page->day);

  cairo_save (cr);
  pen_init (&pen, cr);
  y = MARGIN + draw_header (self, &pen, day, page->continued, MARGIN, MARGIN, content);

  if (day->blocks->len == 0)
    text (&pen, _("Nothing is planned for this day."), 11, 0, grey, MARGIN + TIME_COLUMN, y, content - TIME_COLUMN);

  for (guint b = page->first; b < page->first + page->n_blocks; b++)
    {
      if (b > page->first)
        {
          rule (&pen, faint, 0.6, MARGIN + TIME_COLUMN, y + BLOCK_GAP / 2, content - TIME_COLUMN);
          y += BLOCK_GAP;
        }
      y += draw_block (self, &pen, g_ptr_array_index (day->blocks, b), b == page->first, MARGIN, y, content);
    }

  draw_footer (self, &pen, page_number, width, height);
  pen_clear (&pen);
  cairo_restore (cr);
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * mt_print_write_pdf:
 *
 * Writes the itinerary of the whole tour, a group or a delegate as a PDF on
 * @paper, replacing @file only once the whole PDF is drawn.
 */
gboolean
mt_print_write_pdf (MtTour        *tour,
                    const char    *group_id,
                    const char    *delegate_id,
                    MtPaper        paper,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(MtPrintLayout) layout = NULL;
  g_autoptr(GByteArray) pdf = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  layout = mt_print_layout_new (tour, group_id, delegate_id, error);
  if (layout == NULL)
    return FALSE;

  mt_paper_get_size (paper, &width, &height);
  n_pages = mt_print_layout_get_n_pages (layout, width, height);

  pdf = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, pdf, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  layout->scope ? layout->scope : (mt_tour_get_title (tour) ? mt_tour_get_title (tour) : ""));
  if (mt_tour_get_organiser (tour) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, mt_tour_get_organiser (tour));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Media Tour Planner");

  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      mt_print_layout_draw_page (layout, cr, i, width, height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_IO,
                   _("The itinerary could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_replace_contents (file, (const char *) pdf->data, pdf->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}
