/* mt-print-draw.c: drawing the pieces of an itinerary's page
 *
 * Every piece is drawn by one function that, without a cairo_t, only
 * measures: pagination and drawing share the code and cannot disagree. Text
 * is laid out at 72 dots per inch with hinting off, so one unit is one point
 * on any surface. The words follow the layout's language (mt-i18n.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-print"

#include "config.h"

#include "mt-i18n.h"
#include "mt-ical.h"
#include "mt-print-private.h"
#include "mt-time-text.h"
#include "mt-wall-time.h"

/* The fonts of a printout, the first for its own language: the CJK font
 * draws Latin quotes and apostrophes full-width, so it comes second in an
 * English printout and first in a Chinese one */
static const char *
font_families (void)
{
  /* Translators: the fonts of a printout, the one for your script first;
   * for Chinese: "Noto Sans CJK SC, Cantarell, sans-serif" */
  return C_("printout fonts", "Cantarell, Noto Sans CJK SC, sans-serif");
}

void
_mt_print_pen_init (MtPrintPen *pen,
                    cairo_t    *cr)
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

/* Draws Pango markup at (x, y) in a box @width wide; returns its height. */
double
_mt_print_text (MtPrintPen       *pen,
                const char       *markup,
                double            size,
                MtPrintTextFlags  flags,
                MtPrintRgb        color,
                double            x,
                double            y,
                double            width)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (pen->context);
  PangoFontDescription *font = pango_font_description_from_string (font_families ());
  PangoRectangle logical;

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (flags & MT_PRINT_TEXT_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, (flags & MT_PRINT_TEXT_RIGHT) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
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

void
_mt_print_rule (MtPrintPen *pen,
                MtPrintRgb  color,
                double      line_width,
                double      x,
                double      y,
                double      width)
{
  if (pen->cr == NULL)
    return;
  cairo_set_source_rgb (pen->cr, color.r, color.g, color.b);
  cairo_set_line_width (pen->cr, line_width);
  cairo_move_to (pen->cr, x, y);
  cairo_line_to (pen->cr, x + width, y);
  cairo_stroke (pen->cr);
}

/* markup with every piece escaped: built with g_markup_printf_escaped() */
static char *
escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/* The site in both languages ("Canton Tower (广州塔)", turned round in a
 * translation that wants it so), then its address, and its contact */
char *
_mt_print_place_markup (MtSite  *site,
                        MtTour  *tour,
                        gboolean with_contact)
{
  const char *name = mt_site_get_name (site), *local = mt_site_get_local_name (site);
  g_autofree char *names = NULL, *escaped = NULL;
  GString *markup = g_string_new (NULL);

  if (name != NULL && local != NULL && g_strcmp0 (name, local) != 0)
    names = g_strdup_printf (C_("place", "%s (%s)"), name, local);
  else
    names = g_strdup (name != NULL ? name : local);
  escaped = escape (names);
  g_string_append (markup, escaped);
  if (mt_site_get_address (site) != NULL)
    {
      g_autofree char *address = escape (mt_site_get_address (site));

      g_string_append_printf (markup, "\n<span foreground=\"#6b6d73\">%s</span>", address);
    }
  if (with_contact && mt_site_get_contact (site) != NULL)
    {
      /* Translators: on a printed itinerary, who to call at a site */
      g_autofree char *contact = g_markup_printf_escaped (_("Contact: %s"), mt_site_get_contact (site));

      g_string_append_printf (markup, "\n<span foreground=\"#6b6d73\">%s</span>", contact);
    }
  return g_string_free (markup, FALSE);
}

double
_mt_print_draw_title_line (MtPrintLayout *self,
                           MtPrintPen    *pen,
                           double         x,
                           double         y,
                           double         width)
{
  g_autofree char *title = escape (mt_tour_get_title (self->tour));
  double h;

  h = _mt_print_text (pen, title, 8.5, 0, mt_print_grey, x, y, width * 0.6);
  if (self->scope != NULL)
    {
      g_autofree char *scope = escape (self->scope);

      h = MAX (h, _mt_print_text (pen, scope, 8.5, MT_PRINT_TEXT_BOLD | MT_PRINT_TEXT_RIGHT, mt_print_accent,
                        x + width * 0.3, y, width * 0.7));
    }
  return h + 10;
}

double
_mt_print_draw_heading (MtPrintLayout *self,
                        MtPrintPen    *pen,
                        const char    *heading,
                        double         size,
                        gboolean       continued,
                        double         x,
                        double         y,
                        double         width)
{
  g_autofree char *markup = NULL;
  double top = y;

  if (continued)
    /* Translators: a day's heading on the pages after its first, “%s” is the date */
    markup = g_markup_printf_escaped ("%s <span foreground=\"#6b6d73\" weight=\"normal\" size=\"60%%\">%s</span>",
                                      heading, _("continued"));
  else
    markup = g_markup_escape_text (heading, -1);
  y += _mt_print_text (pen, markup, size, MT_PRINT_TEXT_BOLD, mt_print_ink, x, y, width) + 2;
  return y - top;
}

double
_mt_print_draw_header (MtPrintLayout *self,
                       MtPrintPen    *pen,
                       Day           *day,
                       gboolean       continued,
                       double         x,
                       double         y,
                       double         width)
{
  g_autoptr(GDateTime) date_time = mt_wall_time_to_date_time (day->start, mt_tour_get_zone (self->tour));
  g_autofree char *date = NULL, *line = NULL;
  guint n_days = mt_tour_get_n_days (self->tour);
  double top = y;

  y += _mt_print_draw_title_line (self, pen, x, y, width);
  /* what changed for the delegate, first of all, where it fits */
  if (day->digest != NULL && !continued)
    y += _mt_print_draw_digest_box (self, pen, x, y, width) + 12;

  /* Translators: the date that heads a day of the printed itinerary, see g_date_time_format() */
  date = g_date_time_format (date_time, _("%A %-d %B %Y"));
  y += _mt_print_draw_heading (self, pen, date, 20, continued, x, y, width);

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
    g_autofree char *escaped = escape (line);

    y += _mt_print_text (pen, escaped, 10.5, MT_PRINT_TEXT_BOLD, mt_print_accent, x, y, width) + 2;
  }

  /* where the night is spent */
  if (day->hotel != NULL && !continued)
    {
      g_autofree char *place = _mt_print_place_markup (day->hotel, self->tour, TRUE);
      g_autofree char *label = escape (_("Tonight’s hotel:"));
      g_autofree char *markup = g_strdup_printf ("<b>%s</b> %s", label, place);

      y += _mt_print_text (pen, markup, 9, 0, mt_print_ink, x, y + 2, width) + 2;
    }
  if (day->note != NULL && !continued)
    {
      g_autofree char *note = escape (day->note);

      y += _mt_print_text (pen, note, 9, MT_PRINT_TEXT_BOLD, mt_print_accent, x, y + 2, width) + 2;
    }
  y += 6;
  _mt_print_rule (pen, mt_print_accent, 1.6, x, y, width);
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
  g_autofree char *span = mt_time_text_span (mt_interview_get_start (interview), mt_interview_get_end (interview));
  g_autofree char *who = escape (mt_interview_get_interviewee (interview));
  g_autoptr(GString) people = g_string_new (NULL);
  const char *parts[] = { mt_interview_get_interviewee_title (interview), mt_interview_get_organisation (interview) };

  if (with_time)
    g_string_append_printf (markup, "<b>%s</b>  ", span);
  g_string_append_printf (markup, "<b>%s</b>", who);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        g_autofree char *part = escape (parts[i]);

        g_string_append_printf (markup, ", %s", part);
      }
  g_string_append_printf (markup, "  <span foreground=\"#6b6d73\">%s</span>",
                          mt_interview_status_to_label (mt_interview_get_status (interview)));
  if (mt_interview_get_location (interview) != NULL)
    {
      g_autofree char *location = escape (mt_interview_get_location (interview));

      g_string_append_printf (markup, "\n<span foreground=\"#6b6d73\">%s</span>", location);
    }

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
    {
      g_autofree char *escaped = escape (people->str);

      /* Translators: the delegates who take part in an interview */
      g_string_append_printf (markup, "\n<span foreground=\"#6b6d73\">%s %s</span>", _("With"), escaped);
    }
  if (mt_interview_get_interpreter (interview))
    g_string_append_printf (markup, "\n<span foreground=\"#6b6d73\">%s</span>", _("An interpreter is needed"));
}

/* The organisers' note between two visits: the time by road against the
 * time planned, or against the transfer that comes between. A delegate's
 * page has none: these are the planner's estimates, not their plan. */
static double
draw_travel_note (MtPrintLayout *self,
                  MtPrintPen    *pen,
                  Block         *block,
                  double         x,
                  double         y,
                  double         width)
{
  g_autoptr(GString) note = g_string_new (NULL);

  if (self->audience != MT_PRINT_FOR_ORGANISERS || block->travel <= 0)
    return 0;

  if (block->planned >= 0)
    {
      g_autofree char *warning = NULL, *escaped = NULL;

      /* a transfer that plans enough says it all */
      if (block->planned >= block->travel)
        return 0;
      /* Translators: on the organisers' printout, after a transfer too short
       * for the road: the minutes it plans, the minutes by road */
      warning = g_strdup_printf (_("↑ the transfer plans %d min; about %d min by road"),
                                 block->planned, block->travel);
      escaped = escape (warning);
      g_string_printf (note, "<span foreground=\"#b57305\" weight=\"bold\">%s</span>", escaped);
    }
  else
    {
      g_autofree char *estimate = NULL, *escaped = NULL;

      /* Translators: between two visits of the organisers' printout */
      estimate = g_strdup_printf (_("↓ about %d min by road from the previous site"), block->travel);
      escaped = escape (estimate);
      g_string_append (note, escaped);
      if (block->gap >= 0 && block->gap < block->travel)
        {
          g_autofree char *gap = g_strdup_printf (_("only %d min planned"), (int) block->gap);
          g_autofree char *gap_escaped = escape (gap);

          g_string_append_printf (note, "  <span foreground=\"#b57305\" weight=\"bold\">%s</span>", gap_escaped);
        }
    }
  return _mt_print_text (pen, note->str, 8.5, 0, mt_print_grey, x, y, width) + 6;
}

double
_mt_print_draw_block (MtPrintLayout *self,
                      MtPrintPen    *pen,
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

  if (!first)
    y += draw_travel_note (self, pen, block, x2, y, w2);

  /* the time column */
  left = _mt_print_text (pen, from, 13, MT_PRINT_TEXT_BOLD, cancelled ? mt_print_grey : mt_print_ink, x, y, TIME_COLUMN - 8);
  if (end != MT_TIME_UNSET && end > start)
    {
      g_autofree char *to = mt_time_text_hour (end);
      g_autofree char *until = g_strdup_printf ("– %s", to);

      left += _mt_print_text (pen, until, 9.5, 0, mt_print_grey, x, y + left, TIME_COLUMN - 8);
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
  right = _mt_print_text (pen, markup->str, 11.5, MT_PRINT_TEXT_BOLD, cancelled ? mt_print_grey : mt_print_ink, x2, y, w2) + 2;

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
  right += _mt_print_text (pen, markup->str, 8.5, 0, mt_print_grey, x2, y + right, w2) + 3;

  /* where, with the site's address and contact */
  g_string_truncate (markup, 0);
  if (visit != NULL)
    {
      MtSite *site = mt_tour_lookup_kind (self->tour, MT_ENTITY_SITE, mt_visit_get_site (visit));

      if (site != NULL)
        {
          g_autofree char *place = _mt_print_place_markup (site, self->tour, TRUE);

          g_string_append (markup, place);
        }
    }
  else if (mt_interview_get_location (lone) != NULL)
    {
      g_autofree char *location = escape (mt_interview_get_location (lone));

      g_string_append (markup, location);
    }
  if (markup->len > 0)
    right += _mt_print_text (pen, markup->str, 9.5, 0, mt_print_ink, x2, y + right, w2) + 3;

  /* where and when to meet */
  if (visit != NULL && mt_visit_get_meeting_point (visit) != NULL && !cancelled)
    {
      /* Translators: on a printed itinerary, where and when the delegates meet for a visit */
      g_autofree char *meet = g_markup_printf_escaped (_("Meet at %s."), mt_visit_get_meeting_point (visit));

      g_string_printf (markup, "<span foreground=\"#1c70d9\" weight=\"bold\">%s</span>", meet);
      right += _mt_print_text (pen, markup->str, 9.5, 0, mt_print_ink, x2, y + right, w2) + 3;
    }

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
      right += _mt_print_text (pen, markup->str, 9, 0, mt_print_ink, x2, y + right, w2) + 3;
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
      h = _mt_print_text (pen, markup->str, 9, 0, mt_print_ink, x2 + 10, y + right + 1, w2 - 10);
      if (pen->cr != NULL)
        {
          cairo_set_source_rgb (pen->cr, mt_print_accent.r, mt_print_accent.g, mt_print_accent.b);
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

        right += _mt_print_text (pen, italic, 8.5, 0, mt_print_grey, x2, y + right, w2) + 2;
      }
  }

  return y - top + MAX (left, right);
}

/* Every page: the organiser and how to reach them, the zone of the times,
 * and the page's number */
void
_mt_print_draw_footer (MtPrintLayout *self,
                       MtPrintPen    *pen,
                       guint          page,
                       double         width,
                       double         height)
{
  double content = width - 2 * MARGIN, y = height - MARGIN - FOOTER + 10;
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autofree char *who = _mt_print_dup_organiser (self->tour);
  g_autofree char *escaped = escape (who);
  /* Translators: at the foot of each printed page; %s is the tour's time zone, "Asia/Shanghai" */
  g_autofree char *zone = g_strdup_printf (_("Times in %s"), mt_tour_get_time_zone (self->tour));
  g_autofree char *right = g_markup_printf_escaped ("%s  ·  %s", zone, number);

  _mt_print_rule (pen, mt_print_faint, 0.6, MARGIN, y, content);
  _mt_print_text (pen, escaped, 8, 0, mt_print_grey, MARGIN, y + 5, content * 0.62);
  _mt_print_text (pen, right, 8, MT_PRINT_TEXT_RIGHT, mt_print_grey, MARGIN + content * 0.62, y + 5, content * 0.38);
}

void
_mt_print_draw_empty (MtPrintPen *pen,
                      double      y,
                      double      width)
{
  _mt_print_text (pen, _("Nothing is planned for this day."), 11, 0, mt_print_grey, MARGIN + TIME_COLUMN, y,
        width - 2 * MARGIN - TIME_COLUMN);
}

void
_mt_print_draw_separator (MtPrintPen *pen,
                          double      y,
                          double      width)
{
  _mt_print_rule (pen, mt_print_faint, 0.6, MARGIN + TIME_COLUMN, y, width - 2 * MARGIN - TIME_COLUMN);
}
