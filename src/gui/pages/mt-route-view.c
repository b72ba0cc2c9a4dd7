/* mt-route-view.c: the map of the tour's cities and each day's route
 *
 * The cities at their coordinates (an equirectangular projection fitted to
 * the tour, mt_page_project()) and each day's legs between them
 * (mt_page_tour_routes(), worked out once per change of the tour, not at
 * every frame), a line in the day's colour with its number where it
 * starts. Every label (a city's name, a day's number, the legend) is put
 * where it meets no other and is not cut off (mt_page_place_label()). A
 * click on a day of the legend selects it: its route is drawn on top and
 * the others fade.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-route-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mt-page-logic.h"
#include "mt-route-view.h"

#define PADDING 64.0
#define BADGE 20.0

struct _MtRouteView
{
  GtkWidget  parent_instance;

  GtkWidget *area;      /* the drawing */
  MtTour    *tour;
  GPtrArray *routes;    /* of GArray of MtRoutePoint, one a day */
  GArray    *legend;    /* MtRect of each day's row in the legend */
  GArray    *placed;    /* MtRect of every label of the last frame */
  int        selected;  /* a day, or -1 */
  guint      n_legs;    /* of all the days */
};

G_DEFINE_FINAL_TYPE (MtRouteView, mt_route_view, GTK_TYPE_WIDGET)

/* a colour per day, from GNOME's palette, dark enough on white and on grey */
static const GdkRGBA day_colors[] = {
  { 0.110, 0.443, 0.847, 1 }, /* blue 4 */
  { 0.180, 0.761, 0.494, 1 }, /* green 4 */
  { 0.902, 0.380, 0.000, 1 }, /* orange 4 */
  { 0.753, 0.110, 0.157, 1 }, /* red 4 */
  { 0.506, 0.239, 0.612, 1 }, /* purple 3 */
  { 0.710, 0.514, 0.353, 1 }, /* brown 2 */
  { 0.129, 0.565, 0.643, 1 }, /* teal */
  { 0.898, 0.647, 0.039, 1 }, /* yellow 5 */
};

static PangoLayout *
text_layout (MtRouteView *self,
             const char  *text,
             gboolean     bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *font = pango_font_description_from_string (bold ? "Sans Bold 9" : "Sans 9");

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  *width = w;
  *height = h;
}

/* "Guangzhou 广州": a city's name with its local name */
static char *
city_label (MtCity *city)
{
  const char *name = mt_page_nonnull (mt_city_get_name (city));

  if (mt_city_get_local_name (city) == NULL)
    return g_strdup (name);
  /* Translators: a city on the route's map: its name, then its local name
   * ("Guangzhou 广州"); swap them (%2$s %1$s) where the local name reads first */
  return g_strdup_printf (_("%1$s %2$s"), name, mt_city_get_local_name (city));
}

/* text with a halo of the background around it, readable over any line */
static void
show_text (cairo_t       *cr,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *fg,
           const GdkRGBA *bg)
{
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  gdk_cairo_set_source_rgba (cr, bg);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (MtRouteView  *self,
             cairo_t      *cr,
             const GdkRGBA *fg,
             GArray       *taken)
{
  guint n_days = self->routes->len;

  g_array_set_size (self->legend, 0);
  for (guint day = 0; day < n_days; day++)
    {
      g_autofree char *label = g_strdup_printf (_("Day %u"), day + 1);
      g_autoptr(PangoLayout) layout = text_layout (self, label, (int) day == self->selected);
      double w, h, y = 12 + day * 20;
      MtRect row;
      GdkRGBA color = day_colors[day % G_N_ELEMENTS (day_colors)];

      layout_size (layout, &w, &h);
      row = (MtRect) { 12, y, 28 + w + 8, MAX (h, 16) };
      g_array_append_val (self->legend, row);
      g_array_append_val (taken, row);
      if ((int) day == self->selected)
        {
          cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.12);
          cairo_rectangle (cr, row.x - 4, row.y - 1, row.width + 4, row.height + 2);
          cairo_fill (cr);
        }
      if (self->selected >= 0 && (int) day != self->selected)
        color.alpha = 0.35;
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_rectangle (cr, 16, y + row.height / 2 - 2.5, 18, 5);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, fg);
      cairo_move_to (cr, 40, y + (row.height - h) / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

/* the route's line, as small squares every few pixels, for the labels to
 * keep off */
static void
take_line (GArray *taken,
           double  x0,
           double  y0,
           double  x1,
           double  y1)
{
  double length = hypot (x1 - x0, y1 - y0);
  guint steps = MAX (1, (guint) (length / 6));

  for (guint i = 0; i <= steps; i++)
    {
      MtRect dot = { x0 + (x1 - x0) * i / steps - 2, y0 + (y1 - y0) * i / steps - 2, 4, 4 };

      g_array_append_val (taken, dot);
    }
}

static void
draw_route (MtRouteView    *self,
            cairo_t        *cr,
            const MtGeoBox *box,
            int             width,
            int             height,
            guint           day,
            GArray         *taken)
{
  GArray *route = g_ptr_array_index (self->routes, day);
  GdkRGBA color = day_colors[day % G_N_ELEMENTS (day_colors)];
  guint n_days = self->routes->len;
  /* days that share a road are drawn side by side */
  double shift = ((double) day - (n_days - 1) / 2.0) * 2.5;

  if (route->len < 2)
    return;
  if (self->selected >= 0 && (int) day != self->selected)
    color.alpha = 0.25;
  /* a crowded map (a synthetic tour of thousands of visits) in fine lines */
  cairo_set_line_width (cr, (int) day == self->selected ? 5 : self->n_legs > 40 ? 1.2 : 3);
  gdk_cairo_set_source_rgba (cr, &color);
  for (guint i = 0; i < route->len; i++)
    {
      MtRoutePoint *p = &g_array_index (route, MtRoutePoint, i);
      double x, y;

      mt_page_project (box, width, height, PADDING, p->lat, p->lon, &x, &y);
      if (i == 0)
        cairo_move_to (cr, x + shift, y + shift);
      else
        {
          double x0, y0;

          cairo_get_current_point (cr, &x0, &y0);
          take_line (taken, x0, y0, x + shift, y + shift);
          cairo_line_to (cr, x + shift, y + shift);
        }
    }
  cairo_stroke (cr);
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  MtRouteView *self = MT_ROUTE_VIEW (user_data);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (MtRect));
  MtRect bounds = { 4, 4, width - 8, height - 8 };
  GListModel *cities;
  GdkRGBA fg, bg;
  MtGeoBox box;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "view_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  g_array_set_size (self->placed, 0);
  if (self->tour == NULL || self->routes == NULL || !mt_page_geo_box (self->tour, &box))
    {
      g_autoptr(PangoLayout) layout = text_layout (self, _("No places with coordinates yet"), FALSE);

      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, 24, 24);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  draw_legend (self, cr, &fg, taken);

  /* the routes, the selected one on top, under the cities */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint day = 0; day < self->routes->len; day++)
    if ((int) day != self->selected)
      draw_route (self, cr, &box, width, height, day, taken);
  if (self->selected >= 0 && self->selected < (int) self->routes->len)
    draw_route (self, cr, &box, width, height, self->selected, taken);

  /* the cities' dots, which no label may cover */
  cities = mt_tour_get_cities (self->tour);
  for (guint i = 0, n = g_list_model_get_n_items (cities); i < n; i++)
    {
      g_autoptr(MtCity) city = g_list_model_get_item (cities, i);
      double x, y;
      MtRect dot;

      if (mt_city_get_latitude (city) == 0 && mt_city_get_longitude (city) == 0)
        continue;
      mt_page_project (&box, width, height, PADDING, mt_city_get_latitude (city), mt_city_get_longitude (city), &x, &y);
      cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      dot = (MtRect) { x - 6, y - 6, 12, 12 };
      g_array_append_val (taken, dot);
    }

  /* their names */
  for (guint i = 0, n = g_list_model_get_n_items (cities); i < n; i++)
    {
      g_autoptr(MtCity) city = g_list_model_get_item (cities, i);
      g_autofree char *name = city_label (city);
      g_autoptr(PangoLayout) layout = text_layout (self, name, TRUE);
      double x, y, w, h;
      MtRect spot;

      if (mt_city_get_latitude (city) == 0 && mt_city_get_longitude (city) == 0)
        continue;
      mt_page_project (&box, width, height, PADDING, mt_city_get_latitude (city), mt_city_get_longitude (city), &x, &y);
      layout_size (layout, &w, &h);
      spot = mt_page_place_label (taken, &bounds, x, y, w, h, 8);
      g_array_append_val (self->placed, spot);
      show_text (cr, layout, spot.x, spot.y, &fg, &bg);
    }

  /* each day's number where its route starts */
  for (guint day = 0; day < self->routes->len; day++)
    {
      GArray *route = g_ptr_array_index (self->routes, day);
      g_autofree char *number = g_strdup_printf ("%u", day + 1);
      g_autoptr(PangoLayout) layout = text_layout (self, number, TRUE);
      GdkRGBA color = day_colors[day % G_N_ELEMENTS (day_colors)];
      MtRoutePoint *p;
      double x, y, w, h;
      MtRect spot;

      if (route->len == 0)
        continue;
      p = &g_array_index (route, MtRoutePoint, 0);
      mt_page_project (&box, width, height, PADDING, p->lat, p->lon, &x, &y);
      spot = mt_page_place_label (taken, &bounds, x, y, BADGE, BADGE, 6);
      g_array_append_val (self->placed, spot);
      if (self->selected >= 0 && (int) day != self->selected)
        color.alpha = 0.35;
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_arc (cr, spot.x + BADGE / 2, spot.y + BADGE / 2, BADGE / 2, 0, 2 * G_PI);
      cairo_fill (cr);
      layout_size (layout, &w, &h);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, spot.x + (BADGE - w) / 2, spot.y + (BADGE - h) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  g_array_append_vals (self->placed, self->legend->data, self->legend->len);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            MtRouteView     *self)
{
  for (guint day = 0; day < self->legend->len; day++)
    {
      MtRect *row = &g_array_index (self->legend, MtRect, day);

      if (x >= row->x && x < row->x + row->width && y >= row->y && y < row->y + row->height)
        {
          mt_route_view_select_day (self, (int) day == self->selected ? -1 : (int) day);
          return;
        }
    }
}

/* Public */

void
mt_route_view_set_tour (MtRouteView *self,
                        MtTour      *tour)
{
  g_return_if_fail (MT_IS_ROUTE_VIEW (self));

  g_set_object (&self->tour, tour);
  mt_route_view_refresh (self);
}

void
mt_route_view_refresh (MtRouteView *self)
{
  g_return_if_fail (MT_IS_ROUTE_VIEW (self));

  g_clear_pointer (&self->routes, g_ptr_array_unref);
  self->n_legs = 0;
  if (self->tour != NULL)
    self->routes = mt_page_tour_routes (self->tour);
  for (guint d = 0; self->routes != NULL && d < self->routes->len; d++)
    self->n_legs += MAX (((GArray *) g_ptr_array_index (self->routes, d))->len, 1) - 1;
  if (self->routes == NULL || self->selected >= (int) self->routes->len)
    self->selected = -1;
  gtk_widget_queue_draw (self->area);
}

void
mt_route_view_select_day (MtRouteView *self,
                          int          day)
{
  g_return_if_fail (MT_IS_ROUTE_VIEW (self));

  self->selected = self->routes != NULL && day >= 0 && day < (int) self->routes->len ? day : -1;
  gtk_widget_queue_draw (self->area);
}

int
mt_route_view_get_selected_day (MtRouteView *self)
{
  g_return_val_if_fail (MT_IS_ROUTE_VIEW (self), -1);
  return self->selected;
}

GArray *
mt_route_view_get_labels (MtRouteView *self)
{
  g_return_val_if_fail (MT_IS_ROUTE_VIEW (self), NULL);
  return self->placed;
}

GPtrArray *
mt_route_view_get_routes (MtRouteView *self)
{
  g_return_val_if_fail (MT_IS_ROUTE_VIEW (self), NULL);
  return self->routes;
}

/* GObject */

static void
mt_route_view_dispose (GObject *object)
{
  MtRouteView *self = MT_ROUTE_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_object (&self->tour);

  G_OBJECT_CLASS (mt_route_view_parent_class)->dispose (object);
}

static void
mt_route_view_finalize (GObject *object)
{
  MtRouteView *self = MT_ROUTE_VIEW (object);

  g_array_unref (self->legend);
  g_array_unref (self->placed);

  G_OBJECT_CLASS (mt_route_view_parent_class)->finalize (object);
}

static void
mt_route_view_class_init (MtRouteViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_route_view_dispose;
  object_class->finalize = mt_route_view_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mt_route_view_init (MtRouteView *self)
{
  GtkWidget *area = self->area = gtk_drawing_area_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->selected = -1;
  self->legend = g_array_new (FALSE, FALSE, sizeof (MtRect));
  self->placed = g_array_new (FALSE, FALSE, sizeof (MtRect));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw, self, NULL);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_widget_set_vexpand (area, TRUE);
  gtk_widget_set_parent (area, GTK_WIDGET (self));
  /* its own background, which the halos of the labels are drawn in */
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The tour's cities and each day's route"), -1);
}

GtkWidget *
mt_route_view_new (void)
{
  return g_object_new (MT_TYPE_ROUTE_VIEW, NULL);
}
