/* mt-timeline-view.c: the itinerary on an hour grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-itinerary-model.h"
#include "mt-timeline-view.h"

#define HEADER_HEIGHT  52.0
#define GUTTER_WIDTH   60.0
#define COLUMN_WIDTH  236.0
#define HOUR_HEIGHT    64.0
#define BLOCK_MARGIN    4.0
#define MIN_BLOCK_SECONDS (20 * 60)
#define SNAP_SECONDS   (5 * 60)

typedef struct
{
  MtVisit   *visit;   /* owned */
  MtTimeSpan span;
  MtLane     lane;
} Block;

struct _MtTimelineView
{
  GtkWidget      parent_instance;

  MtTour        *tour;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GArray       **days;        /* one GArray of Block per day */
  guint          n_days;
  MtVisit       *selected;
  GHashTable    *problems;
  GSettings     *settings;
  int            first_hour;
  int            last_hour;
  double         drag_offset_y;

  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  guint          stale : 1;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (MtTimelineView, mt_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  VISIT_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
block_clear (gpointer data)
{
  g_clear_object (&((Block *) data)->visit);
}

static void
clear_days (MtTimelineView *self)
{
  for (guint i = 0; i < self->n_days; i++)
    g_array_unref (self->days[i]);
  g_clear_pointer (&self->days, g_free);
  self->n_days = 0;
}

/* Lays the visits out again; done lazily, at the next draw or measure. */
static void
rebuild (MtTimelineView *self)
{
  int first = 8 * 60, last = 20 * 60;

  clear_days (self);
  self->stale = FALSE;
  if (self->tour == NULL)
    return;

  self->n_days = mt_tour_get_n_days (self->tour);
  self->days = g_new0 (GArray *, self->n_days);
  for (guint d = 0; d < self->n_days; d++)
    {
      g_autoptr(GPtrArray) visits = mt_itinerary_dup_day_visits (self->tour, d);
      g_autofree MtTimeSpan *spans = g_new0 (MtTimeSpan, visits->len + 1);
      g_autofree MtLane *lanes = g_new0 (MtLane, visits->len + 1);
      gint64 day_start = mt_tour_get_day_start (self->tour, d);

      self->days[d] = g_array_sized_new (FALSE, TRUE, sizeof (Block), visits->len);
      g_array_set_clear_func (self->days[d], block_clear);

      for (guint i = 0; i < visits->len; i++)
        {
          MtVisit *visit = g_ptr_array_index (visits, i);

          spans[i].start = mt_visit_get_start (visit);
          spans[i].end = mt_visit_get_end (visit);
          first = MIN (first, (int) ((spans[i].start - day_start) / 60));
          if (spans[i].end != MT_TIME_UNSET)
            last = MAX (last, (int) MIN ((spans[i].end - day_start) / 60, 24 * 60));
        }
      mt_itinerary_assign_lanes (spans, visits->len, MIN_BLOCK_SECONDS, lanes);

      for (guint i = 0; i < visits->len; i++)
        {
          Block block = { g_object_ref (g_ptr_array_index (visits, i)), spans[i], lanes[i] };

          g_array_append_val (self->days[d], block);
        }
    }

  self->first_hour = CLAMP (first / 60, 0, 23);
  self->last_hour = CLAMP ((last + 59) / 60, self->first_hour + 1, 24);
}

static void
ensure_layout (MtTimelineView *self)
{
  if (self->stale)
    rebuild (self);
}

static double
content_width (MtTimelineView *self)
{
  return GUTTER_WIDTH + self->n_days * COLUMN_WIDTH;
}

static double
content_height (MtTimelineView *self)
{
  return HEADER_HEIGHT + (self->last_hour - self->first_hour) * HOUR_HEIGHT;
}

static double
scroll_x (MtTimelineView *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
scroll_y (MtTimelineView *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* the y of a wall time on day @d's grid, in content coordinates */
static double
time_y (MtTimelineView *self,
        guint           d,
        gint64          time)
{
  gint64 day_start = mt_tour_get_day_start (self->tour, d);

  return HEADER_HEIGHT + ((time - day_start) / 3600.0 - self->first_hour) * HOUR_HEIGHT;
}

static graphene_rect_t
block_rect (MtTimelineView *self,
            guint           d,
            const Block    *block)
{
  gint64 end = block->span.end;
  double x, y, width, height;

  if (end == MT_TIME_UNSET || end - block->span.start < MIN_BLOCK_SECONDS)
    end = block->span.start + MIN_BLOCK_SECONDS;
  width = (COLUMN_WIDTH - 2 * BLOCK_MARGIN - 20) / MAX (block->lane.n_lanes, 1);
  x = GUTTER_WIDTH + d * COLUMN_WIDTH + BLOCK_MARGIN + 20 + block->lane.lane * width;
  y = time_y (self, d, block->span.start);
  height = time_y (self, d, end) - y;
  return GRAPHENE_RECT_INIT (x - scroll_x (self), y - scroll_y (self),
                             width - 2, MAX (height - 2, 10));
}

static const Block *
block_at (MtTimelineView *self,
          double          x,
          double          y,
          guint          *out_day)
{
  double cx = x + scroll_x (self) - GUTTER_WIDTH;
  guint d;

  ensure_layout (self);
  if (cx < 0 || y < HEADER_HEIGHT || self->tour == NULL)
    return NULL;
  d = (guint) (cx / COLUMN_WIDTH);
  if (d >= self->n_days)
    return NULL;

  for (guint i = 0; i < self->days[d]->len; i++)
    {
      const Block *block = &g_array_index (self->days[d], Block, i);
      graphene_rect_t rect = block_rect (self, d, block);

      if (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (out_day)
            *out_day = d;
          return block;
        }
    }
  return NULL;
}

/* Drawing */

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
  graphene_rect_t rect = block_rect (self, d, block);
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
  x = GUTTER_WIDTH + d * COLUMN_WIDTH + BLOCK_MARGIN + 9 - scroll_x (self);
  y1 = time_y (self, d, prev->span.end) - scroll_y (self);
  y2 = time_y (self, d, next->span.start) - scroll_y (self);

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

static void
mt_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  MtTimelineView *self = MT_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double sx, sy;
  GdkRGBA fg, accent, warning, error, view_bg, header_bg, line;
  g_autoptr(PangoLayout) layout = NULL;

  ensure_layout (self);
  if (self->tour == NULL)
    return;

  sx = scroll_x (self);
  sy = scroll_y (self);
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
          graphene_rect_t rect = block_rect (self, d, block);

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

/* Size and scrolling */

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         size,
                      double         page)
{
  if (adjustment == NULL)
    return;
  gtk_adjustment_configure (adjustment,
                            CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (size - page, 0)),
                            0, MAX (size, page), page * 0.1, page * 0.9, page);
}

static void
mt_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  MtTimelineView *self = MT_TIMELINE_VIEW (widget);

  ensure_layout (self);
  configure_adjustment (self->hadjustment, content_width (self), width);
  configure_adjustment (self->vadjustment, content_height (self), height);
}

static void
mt_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  MtTimelineView *self = MT_TIMELINE_VIEW (widget);

  ensure_layout (self);
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? GUTTER_WIDTH + COLUMN_WIDTH : HEADER_HEIGHT + HOUR_HEIGHT;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? content_width (self) : content_height (self);
}

static void
set_adjustment (MtTimelineView  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, gtk_widget_queue_draw, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Input */

static void
on_pressed (MtTimelineView  *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  const Block *block = block_at (self, x, y, NULL);
  MtVisit *visit = block ? block->visit : NULL;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_set_object (&self->selected, visit);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (block != NULL && n_press == 2)
    gtk_widget_activate_action (GTK_WIDGET (self), "itinerary.edit-visit", "s",
                                mt_entity_get_id (MT_ENTITY (block->visit)));
}

static GdkContentProvider *
on_drag_prepare (MtTimelineView *self,
                 double          x,
                 double          y,
                 GtkDragSource  *source)
{
  guint d;
  const Block *block = block_at (self, x, y, &d);
  graphene_rect_t rect;

  if (block == NULL)
    return NULL;
  rect = block_rect (self, d, block);
  self->drag_offset_y = y - rect.origin.y;
  return gdk_content_provider_new_typed (G_TYPE_STRING, mt_entity_get_id (MT_ENTITY (block->visit)));
}

static void
on_drag_end (MtTimelineView *self,
             GdkDrag        *drag,
             gboolean        delete_data,
             GtkDragSource  *source)
{
  self->drag_offset_y = 0;
}

static GdkDragAction
on_drop_motion (MtTimelineView *self,
                double          x,
                double          y,
                GtkDropTarget  *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  if (drop != NULL && gdk_drop_get_actions (drop) == GDK_ACTION_COPY)
    return GDK_ACTION_COPY;
  return GDK_ACTION_MOVE;
}

static gboolean
on_drop (MtTimelineView *self,
         const GValue   *value,
         double          x,
         double          y,
         GtkDropTarget  *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  const char *id = g_value_get_string (value);
  MtVisit *visit;
  double cx = x + scroll_x (self) - GUTTER_WIDTH;
  double hours;
  gint64 new_start;
  guint d;

  visit = id && self->tour ? mt_tour_lookup_kind (self->tour, MT_ENTITY_VISIT, id) : NULL;
  if (visit == NULL || cx < 0)
    return FALSE;
  d = MIN ((guint) (cx / COLUMN_WIDTH), self->n_days - 1);
  hours = self->first_hour + (y + scroll_y (self) - self->drag_offset_y - HEADER_HEIGHT) / HOUR_HEIGHT;
  new_start = mt_itinerary_snap_time (mt_tour_get_day_start (self->tour, d), hours, SNAP_SECONDS);

  g_signal_emit (self, signals[VISIT_DROPPED], 0, visit, new_start,
                 drop != NULL && gdk_drop_get_actions (drop) == GDK_ACTION_COPY);
  return TRUE;
}

static void
activate_selected (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MtTimelineView *self = MT_TIMELINE_VIEW (widget);

  if (self->selected == NULL)
    return;
  gtk_widget_activate_action (widget,
                              g_str_equal (action_name, "timeline.edit") ? "itinerary.edit-visit" : "itinerary.delete-visit",
                              "s", mt_entity_get_id (MT_ENTITY (self->selected)));
}

static void
on_tour_changed (MtTimelineView *self)
{
  self->stale = TRUE;
  if (self->selected != NULL && mt_entity_get_tour (MT_ENTITY (self->selected)) == NULL)
    g_clear_object (&self->selected);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
mt_timeline_view_dispose (GObject *object)
{
  MtTimelineView *self = MT_TIMELINE_VIEW (object);

  clear_days (self);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->selected);
  g_clear_object (&self->tour);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->problems, g_hash_table_unref);

  G_OBJECT_CLASS (mt_timeline_view_parent_class)->dispose (object);
}

static void
mt_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MtTimelineView *self = MT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MtTimelineView *self = MT_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_timeline_view_class_init (MtTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_timeline_view_dispose;
  object_class->get_property = mt_timeline_view_get_property;
  object_class->set_property = mt_timeline_view_set_property;

  widget_class->snapshot = mt_timeline_view_snapshot;
  widget_class->measure = mt_timeline_view_measure;
  widget_class->size_allocate = mt_timeline_view_size_allocate;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[VISIT_DROPPED] =
    g_signal_new ("visit-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  MT_TYPE_VISIT, G_TYPE_INT64, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "timeline.edit", NULL, activate_selected);
  gtk_widget_class_install_action (widget_class, "timeline.delete", NULL, activate_selected);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "timeline.delete", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
mt_timeline_view_init (MtTimelineView *self)
{
  GtkGesture *click;
  GtkDragSource *source;
  GtkDropTarget *target;

  self->settings = g_settings_new (APP_ID);
  self->first_hour = 8;
  self->last_hour = 20;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect_swapped (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect_swapped (source, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect_swapped (target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect_swapped (target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
mt_timeline_view_new (void)
{
  return g_object_new (MT_TYPE_TIMELINE_VIEW, NULL);
}

void
mt_timeline_view_set_tour (MtTimelineView *self,
                           MtTour         *tour)
{
  g_return_if_fail (MT_IS_TIMELINE_VIEW (self));

  if (self->tour == tour)
    return;
  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_func (self->tour, on_tour_changed, self);
  g_set_object (&self->tour, tour);
  g_clear_object (&self->selected);
  if (tour != NULL)
    g_signal_connect_object (tour, "changed", G_CALLBACK (on_tour_changed), self, G_CONNECT_SWAPPED);
  on_tour_changed (self);
}

MtVisit *
mt_timeline_view_get_selected (MtTimelineView *self)
{
  g_return_val_if_fail (MT_IS_TIMELINE_VIEW (self), NULL);
  return self->selected;
}

void
mt_timeline_view_reveal_visit (MtTimelineView *self,
                               MtVisit        *visit)
{
  int d;

  g_return_if_fail (MT_IS_TIMELINE_VIEW (self));

  g_set_object (&self->selected, visit);
  ensure_layout (self);
  if (visit != NULL && self->tour != NULL)
    {
      d = mt_tour_get_day_index (self->tour, mt_visit_get_start (visit));
      if (d >= 0 && (guint) d < self->n_days)
        {
          if (self->hadjustment)
            gtk_adjustment_clamp_page (self->hadjustment, d * COLUMN_WIDTH,
                                       GUTTER_WIDTH + (d + 1) * COLUMN_WIDTH);
          if (self->vadjustment)
            gtk_adjustment_clamp_page (self->vadjustment,
                                       time_y (self, d, mt_visit_get_start (visit)) - HEADER_HEIGHT - 20,
                                       time_y (self, d, mt_visit_get_start (visit)) + HOUR_HEIGHT);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mt_timeline_view_set_problem_counts (MtTimelineView *self,
                                     GHashTable     *counts)
{
  g_return_if_fail (MT_IS_TIMELINE_VIEW (self));

  g_clear_pointer (&self->problems, g_hash_table_unref);
  self->problems = counts ? g_hash_table_ref (counts) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
