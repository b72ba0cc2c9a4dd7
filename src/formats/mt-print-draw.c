/* mt-print-draw.c: drawing the pieces of an itinerary's page
 *
 * Every piece is drawn by one function that, without a cairo_t, only
 * measures: pagination and drawing share the code and cannot disagree. Text
 * is laid out at 72 dots per inch with hinting off, so one unit is one point
 * on any surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-ical.h"
#include "mt-print-private.h"
#include "mt-time-text.h"
#include "mt-wall-time.h"

#define FONT "Noto Sans CJK SC, Cantarell, sans-serif"

typedef struct { double r, g, b; } Rgb;

static const Rgb ink = { 0.13, 0.13, 0.15 };
static const Rgb grey = { 0.40, 0.41, 0.44 };
static const Rgb faint = { 0.82, 0.83, 0.85 };
static const Rgb accent = { 0.11, 0.44, 0.85 };

void
_mt_print_pen_init (MtPrintPen     *pen,
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

void
_mt_print_pen_clear (MtPrintPen *pen)
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
text (MtPrintPen        *pen,
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
rule (MtPrintPen    *pen,
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

double
_mt_print_draw_header (MtPrintLayout *self,
             MtPrintPen           *pen,
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
  g_autofree char *span = mt_time_text_span (mt_interview_get_start (interview), mt_interview_get_end (interview));
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

double
_mt_print_draw_block (MtPrintLayout *self,
            MtPrintPen           *pen,
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
  g_autofree char *from = mt_time_text_hour (start);
  g_autoptr(GString) markup = g_string_new (NULL);

  if (!first && block->travel >= 0)
    {
      g_autoptr(GString) travel = g_string_new (NULL);

      /* Translators: between two visits of the printed itinerary */
      g_string_printf (travel, _("↓ about %d min by road from the previous site"), block->travel);
      if (block->gap >= 0 && block->gap < block->travel)
        {
          g_autofree char *gap = g_strdup_printf (_("only %d min planned"), (int) block->gap);
          g_autofree char *escaped = escape (gap);

          g_string_append_printf (travel, "  <span foreground=\"#b57305\" weight=\"bold\">%s</span>", escaped);
        }
      y += text (pen, travel->str, 8.5, 0, grey, x2, y, w2) + 6;
    }

  /* the time column */
  left = text (pen, from, 13, TEXT_BOLD, cancelled ? grey : ink, x, y, TIME_COLUMN - 8);
  if (end != MT_TIME_UNSET && end > start)
    {
      g_autofree char *to = mt_time_text_hour (end);
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

void
_mt_print_draw_footer (MtPrintLayout *self,
             MtPrintPen *pen,
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
_mt_print_draw_empty (MtPrintPen *pen,
                      double      y,
                      double      width)
{
  text (pen, _("Nothing is planned for this day."), 11, 0, grey, MARGIN + TIME_COLUMN, y,
        width - 2 * MARGIN - TIME_COLUMN);
}

void
_mt_print_draw_separator (MtPrintPen *pen,
                          double      y,
                          double      width)
{
  rule (pen, faint, 0.6, MARGIN + TIME_COLUMN, y, width - 2 * MARGIN - TIME_COLUMN);
}
