/* mt-timeline-view.c: the itinerary on an hour grid
 *
 * The layout of the blocks (a lane for each of the visits that overlap),
 * scrolling, selection, and dragging a block to another time or day; the
 * drawing is in mt-timeline-view-draw.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-board-private.h"
#include "mt-itinerary-model.h"
#include "mt-timeline-view-private.h"

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

void
_mt_timeline_view_ensure_layout (MtTimelineView *self)
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

double
_mt_timeline_view_scroll_x (MtTimelineView *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

double
_mt_timeline_view_scroll_y (MtTimelineView *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* the y of a wall time on day @d's grid, in content coordinates */
double
_mt_timeline_view_time_y (MtTimelineView *self,
        guint           d,
        gint64          time)
{
  gint64 day_start = mt_tour_get_day_start (self->tour, d);

  return HEADER_HEIGHT + ((time - day_start) / 3600.0 - self->first_hour) * HOUR_HEIGHT;
}

graphene_rect_t
_mt_timeline_view_block_rect (MtTimelineView *self,
            guint           d,
            const Block    *block)
{
  gint64 end = block->span.end;
  double x, y, width, height;

  if (end == MT_TIME_UNSET || end - block->span.start < MIN_BLOCK_SECONDS)
    end = block->span.start + MIN_BLOCK_SECONDS;
  width = (COLUMN_WIDTH - 2 * BLOCK_MARGIN - 20) / MAX (block->lane.n_lanes, 1);
  x = GUTTER_WIDTH + d * COLUMN_WIDTH + BLOCK_MARGIN + 20 + block->lane.lane * width;
  y = _mt_timeline_view_time_y (self, d, block->span.start);
  height = _mt_timeline_view_time_y (self, d, end) - y;
  return GRAPHENE_RECT_INIT (x - _mt_timeline_view_scroll_x (self), y - _mt_timeline_view_scroll_y (self),
                             width - 2, MAX (height - 2, 10));
}

static const Block *
block_at (MtTimelineView *self,
          double          x,
          double          y,
          guint          *out_day)
{
  double cx = x + _mt_timeline_view_scroll_x (self) - GUTTER_WIDTH;
  guint d;

  _mt_timeline_view_ensure_layout (self);
  if (cx < 0 || y < HEADER_HEIGHT || self->tour == NULL)
    return NULL;
  d = (guint) (cx / COLUMN_WIDTH);
  if (d >= self->n_days)
    return NULL;

  for (guint i = 0; i < self->days[d]->len; i++)
    {
      const Block *block = &g_array_index (self->days[d], Block, i);
      graphene_rect_t rect = _mt_timeline_view_block_rect (self, d, block);

      if (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (out_day)
            *out_day = d;
          return block;
        }
    }
  return NULL;
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

  _mt_timeline_view_ensure_layout (self);
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

  _mt_timeline_view_ensure_layout (self);
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
  rect = _mt_timeline_view_block_rect (self, d, block);
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
  return _mt_board_drop_action (target);
}

static gboolean
on_drop (MtTimelineView *self,
         const GValue   *value,
         double          x,
         double          y,
         GtkDropTarget  *target)
{
  const char *id = g_value_get_string (value);
  MtVisit *visit;
  double cx = x + _mt_timeline_view_scroll_x (self) - GUTTER_WIDTH;
  double hours;
  gint64 new_start;
  guint d;

  visit = id && self->tour ? mt_tour_lookup_kind (self->tour, MT_ENTITY_VISIT, id) : NULL;
  if (visit == NULL || cx < 0)
    return FALSE;
  d = MIN ((guint) (cx / COLUMN_WIDTH), self->n_days - 1);
  hours = self->first_hour + (y + _mt_timeline_view_scroll_y (self) - self->drag_offset_y - HEADER_HEIGHT) / HOUR_HEIGHT;
  new_start = mt_itinerary_snap_time (mt_tour_get_day_start (self->tour, d), hours, SNAP_SECONDS);

  g_signal_emit (self, signals[VISIT_DROPPED], 0, visit, new_start, _mt_board_drop_copies (target));
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

  widget_class->snapshot = _mt_timeline_view_snapshot;
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
  /* the drag may end after the view is gone (see mt-visit-card.c) */
  g_signal_connect_object (source, "drag-end", G_CALLBACK (on_drag_end), self, G_CONNECT_SWAPPED);
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
  _mt_timeline_view_ensure_layout (self);
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
                                       _mt_timeline_view_time_y (self, d, mt_visit_get_start (visit)) - HEADER_HEIGHT - 20,
                                       _mt_timeline_view_time_y (self, d, mt_visit_get_start (visit)) + HOUR_HEIGHT);
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
