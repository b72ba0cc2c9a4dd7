/* mt-timeline-view-draw.c: drawing the timeline
 *
 * An hour grid per day under a header with the day's date; each visit is a
 * block in its lane, coloured by its first group, with its time and title
 * (struck through when cancelled; a dashed outline when tentative), a
 * warning dot when the checker has a problem with it and an outline when
 * selected; between two consecutive visits, a dotted line with the
 * estimated travel time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-timeline-view-private.h"

static GdkRGBA
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    gdk_rgba_parse (&color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static GdkRGBA
with_alpha (GdkRGBA color,
            double  alpha)
{
  color.alpha *= alpha;
  return color;
}

static void
draw_text (GtkSnapshot    *snapshot,
           PangoLayout    *layout,
           double          x,
           double          y,
           const GdkRGBA  *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static GdkRGBA
block_color (MtTimelineView *self,
             MtVisit        *visit,
             const GdkRGBA  *accent)
{
  const char * const *groups = mt_visit_get_groups (visit);
  GdkRGBA color = *accent;

  if (groups != NULL && groups[0] != NULL)
    {
      MtGroup *group = mt_tour_lookup_kind (self->tour, MT_ENTITY_GROUP, groups[0]);

      if (group == NULL || mt_group_get_color (group) == NULL
          || !gdk_rgba_parse (&color, mt_group_get_color (group)))
        color = *accent;
    }
  return color;
}

static void
draw_block (MtTimelineView *self,
            GtkSnapshot    *snapshot,
            guint           d,
            const Block    *block,
            const GdkRGBA  *fg,
            const GdkRGBA  *accent,
            const GdkRGBA  *warning)
{
  graphene_rect_t rect = _mt_timeline_view_block_rect (self, d, block);
  MtVisit *visit = block->visit;
  MtVisitStatus status = mt_visit_get_status (visit);
  GdkRGBA color = block_color (self, visit, accent);
  GdkRGBA fill = with_alpha (color, status == MT_VISIT_TENTATIVE ? 0.12 : 0.25);
  GdkRGBA text = with_alpha (*fg, status == MT_VISIT_CANCELLED ? 0.5 : 1.0);
  GskRoundedRect outline;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *time = NULL;
  g_autofree char *markup = NULL;
  const char *title = mt_visit_get_title (visit);

  gsk_rounded_rect_init_from_rect (&outline, &rect, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (rect.origin.x, rect.origin.y, 4, rect.size.height));

  time = mt_itinerary_format_time_range (block->span.start, block->span.end);
  markup = g_markup_printf_escaped ("<span size='small' font_features='tnum'>%s</span>\n<b>%s</b>",
                                    time, title ? title : _("Untitled visit"));
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (layout, markup, -1);
  if (status == MT_VISIT_CANCELLED)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_width (layout, (int) ((rect.size.width - 14) * PANGO_SCALE));
  pango_layout_set_height (layout, (int) ((rect.size.height - 6) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  draw_text (snapshot, layout, rect.origin.x + 9, rect.origin.y + 3, &text);
  gtk_snapshot_pop (snapshot);

  if (status == MT_VISIT_TENTATIVE)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &rect);
      double dashes[] = { 4, 3 };

      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_rectangle (cr, rect.origin.x + 0.75, rect.origin.y + 0.75,
                       rect.size.width - 1.5, rect.size.height - 1.5);
      cairo_stroke (cr);
      cairo_destroy (cr);
    }

  if (visit == self->selected)
    {
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { *accent, *accent, *accent, *accent };

      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }

  if (self->problems != NULL
      && g_hash_table_contains (self->problems, mt_entity_get_id (MT_ENTITY (visit))))
    {
      GskRoundedRect dot;

      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (rect.origin.x + rect.size.width - 12,
                                                                  rect.origin.y + 4, 8, 8), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, warning, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static gboolean
visit_coordinates (MtTimelineView *self,
                   MtVisit        *visit,
                   double         *lat,
                   double         *lon)
{
  MtSite *site = NULL;

  if (mt_visit_get_site (visit) != NULL)
    site = mt_tour_lookup_kind (self->tour, MT_ENTITY_SITE, mt_visit_get_site (visit));
  if (site == NULL)
    return FALSE;
  *lat = mt_site_get_latitude (site);
  *lon = mt_site_get_longitude (site);
  if (*lat == 0 && *lon == 0 && mt_site_get_city (site) != NULL)
    {
      MtCity *city = mt_tour_lookup_kind (self->tour, MT_ENTITY_CITY, mt_site_get_city (site));

      if (city == NULL)
        return FALSE;
      *lat = mt_city_get_latitude (city);
      *lon = mt_city_get_longitude (city);
    }
  return *lat != 0 || *lon != 0;
}

/* Between two consecutive visits: a dotted line and the estimated travel. */
static void
draw_gap (MtTimelineView *self,
          GtkSnapshot    *snapshot,
          guint           d,
          const Block    *prev,
          const Block    *next,
          const GdkRGBA  *fg,
          const GdkRGBA  *error)
{
  double lat1, lon1, lat2, lon2, y1, y2, x;
  int minutes, gap_minutes;
  gboolean short_gap;
  GdkRGBA color;

  if (prev->span.end == MT_TIME_UNSET || next->span.start <= prev->span.end)
    return;
  if (!visit_coordinates (self, prev->visit, &lat1, &lon1)
      || !visit_coordinates (self, next->visit, &lat2, &lon2))
    return;

  minutes = mt_itinerary_travel_minutes (lat1, lon1, lat2, lon2,
                                         g_settings_get_double (self->settings, "road-factor"),
                                         g_settings_get_double (self->settings, "travel-speed-kmh"));
  if (minutes <= 0)
    return;

  gap_minutes = (int) ((next->span.start - prev->span.end) / 60);
  short_gap = minutes > gap_minutes;
  color = short_gap ? *error : with_alpha (*fg, 0.45);
  x = GUTTER_WIDTH + d * COLUMN_WIDTH + BLOCK_MARGIN + 9 - _mt_timeline_view_scroll_x (self);
  y1 = _mt_timeline_view_time_y (self, d, prev->span.end) - _mt_timeline_view_scroll_y (self);
  y2 = _mt_timeline_view_time_y (self, d, next->span.start) - _mt_timeline_view_scroll_y (self);

  for (double y = y1 + 1; y < y2 - 1; y += 5)
    gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y, 2, MIN (2.5, y2 - y)));

  if (y2 - y1 >= 14 || short_gap)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      /* Translators: the estimated travel between two visits on the
       * timeline, "%d" is minutes */
      g_autofree char *text = g_strdup_printf (_("%d min travel"), minutes);
      g_autofree char *markup = g_markup_printf_escaped ("<span size='x-small'>%s</span>", text);
      int height;

      pango_layout_set_markup (layout, markup, -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 2, (y1 + y2) / 2));
      gtk_snapshot_rotate (snapshot, -90);
      draw_text (snapshot, layout, -pango_layout_get_width (layout) / 2.0 / PANGO_SCALE - 30,
                 -height, &color);
      gtk_snapshot_restore (snapshot);
    }
}

void
_mt_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  MtTimelineView *self = MT_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double sx, sy;
  GdkRGBA fg, accent, warning, error, view_bg, header_bg, line;
  g_autoptr(PangoLayout) layout = NULL;

  _mt_timeline_view_ensure_layout (self);
  if (self->tour == NULL)
    return;

  sx = _mt_timeline_view_scroll_x (self);
  sy = _mt_timeline_view_scroll_y (self);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  accent = lookup_color (widget, "accent_color", "#3584e4");
  warning = lookup_color (widget, "warning_color", "#c88800");
  error = lookup_color (widget, "error_color", "#e01b24");
  view_bg = lookup_color (widget, "view_bg_color", "#ffffff");
  header_bg = lookup_color (widget, "headerbar_bg_color", "#ebebeb");
  line = with_alpha (fg, 0.08);

  gtk_snapshot_append_color (snapshot, &view_bg, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* the grid and the blocks, under the header and right of the hours */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (GUTTER_WIDTH, HEADER_HEIGHT,
                                                         MAX (width - GUTTER_WIDTH, 0),
                                                         MAX (height - HEADER_HEIGHT, 0)));
  for (int h = self->first_hour; h <= self->last_hour; h++)
    {
      double y = HEADER_HEIGHT + (h - self->first_hour) * HOUR_HEIGHT - sy;

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (GUTTER_WIDTH, y, width, 1));
    }
  for (guint d = 0; d < self->n_days; d++)
    {
      double x = GUTTER_WIDTH + d * COLUMN_WIDTH - sx;
      GArray *blocks = self->days[d];

      if (x > width || x + COLUMN_WIDTH < GUTTER_WIDTH)
        continue;
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, 0, 1, height));

      for (guint i = 0; i < blocks->len; i++)
        {
          const Block *block = &g_array_index (blocks, Block, i);
          graphene_rect_t rect = _mt_timeline_view_block_rect (self, d, block);

          if (rect.origin.y > height)
            break;
          if (i > 0)
            draw_gap (self, snapshot, d, &g_array_index (blocks, Block, i - 1), block, &fg, &error);
          if (rect.origin.y + rect.size.height < HEADER_HEIGHT)
            continue;
          draw_block (self, snapshot, d, block, &fg, &accent, &warning);
        }
    }
  gtk_snapshot_pop (snapshot);

  layout = gtk_widget_create_pango_layout (widget, NULL);

  /* the hours */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, GUTTER_WIDTH, height));
  gtk_snapshot_append_color (snapshot, &view_bg, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, GUTTER_WIDTH, height));
  for (int h = self->first_hour; h < self->last_hour; h++)
    {
      g_autofree char *markup = g_strdup_printf ("<span size='small' font_features='tnum'>%02d:00</span>", h);
      double y = HEADER_HEIGHT + (h - self->first_hour) * HOUR_HEIGHT - sy;
      GdkRGBA dim = with_alpha (fg, 0.55);

      pango_layout_set_markup (layout, markup, -1);
      draw_text (snapshot, layout, 12, y + 2, &dim);
    }
  gtk_snapshot_pop (snapshot);

  /* the days */
  gtk_snapshot_append_color (snapshot, &header_bg, &GRAPHENE_RECT_INIT (0, 0, width, HEADER_HEIGHT));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (GUTTER_WIDTH, 0, width, HEADER_HEIGHT));
  for (guint d = 0; d < self->n_days; d++)
    {
      double x = GUTTER_WIDTH + d * COLUMN_WIDTH - sx;
      g_autofree char *title = NULL;
      g_autofree char *date = NULL;
      g_autofree char *markup = NULL;

      if (x > width || x + COLUMN_WIDTH < 0)
        continue;
      title = mt_itinerary_day_title (d);
      date = mt_itinerary_day_date (self->tour, d);
      markup = g_markup_printf_escaped ("<b>%s</b>\n<span size='small'>%s</span>", title, date);
      pango_layout_set_markup (layout, markup, -1);
      pango_layout_set_width (layout, (int) ((COLUMN_WIDTH - 24) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      draw_text (snapshot, layout, x + 12, 8, &fg);
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, 0, 1, HEADER_HEIGHT));
    }
  gtk_snapshot_pop (snapshot);
  line = with_alpha (fg, 0.15);
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, width, 1));
}
