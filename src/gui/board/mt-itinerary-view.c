/* mt-itinerary-view.c: the Itinerary page
 *
 * The view keeps each day column in step with the tour: when a visit's
 * start changes it refilters only the columns of the old and the new day
 * (a map from visit to day remembers the old one) and resorts the column
 * otherwise, so an edit costs two columns, not the whole board.
 *
 * A column builds its cards only once it is on screen: after each layout
 * (a handler on the frame clock's "layout", which GTK runs again in the
 * same frame when a column gets its cards; a scroll lays the board out
 * again too), the view shows the cards of the columns that reach into the
 * board's visible width. A week on a laptop's screen builds four or five
 * columns of cards, not seven, before its first frame. Keyboard focus
 * entering a column, and revealing a visit, build that column's cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-itinerary-view"

#include "config.h"

#include <gtk/gtk.h>
#include <glib/gi18n.h>

#include "mt-board-resources.h"
#include "mt-day-column.h"
#include "mt-itinerary-model.h"
#include "mt-itinerary-view-private.h"
#include "mt-timeline-view.h"

static void mt_itinerary_view_tour_view_init (MtTourViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MtItineraryView, mt_itinerary_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (MT_TYPE_TOUR_VIEW, mt_itinerary_view_tour_view_init))

enum {
  PROP_0,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  VISIT_SEEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_visit_selected (MtItineraryView *self,
                   MtVisit         *visit)
{
  g_signal_emit (self, signals[VISIT_SEEN], 0, mt_entity_get_id (MT_ENTITY (visit)));
}

/* Keeping the columns in step */

static MtDayColumn *
column_for_day (MtItineraryView *self,
                int              day)
{
  if (self->columns == NULL || day < 0 || (guint) day >= self->columns->len)
    return NULL;
  return g_ptr_array_index (self->columns, day);
}

int
_mt_itinerary_view_visit_day (MtItineraryView *self,
                              MtVisit         *visit)
{
  gint64 start = mt_visit_get_start (visit);

  return start == MT_TIME_UNSET ? -1 : mt_tour_get_day_index (self->tour, start);
}

/* a tour without visits shows what to do first instead of empty days */
static void
update_empty (MtItineraryView *self)
{
  gboolean empty = self->tour != NULL && mt_tour_count (self->tour, MT_ENTITY_VISIT) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : self->mode);
}

static void
update_summary (MtItineraryView *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GDateTime) first_date = NULL;
  g_autoptr(GDateTime) last_date = NULL;
  const char *title;
  guint n_days, n_visits;
  int y, m, d;

  if (self->tour == NULL)
    return;

  title = mt_tour_get_title (self->tour);
  gtk_label_set_text (self->title_label, title && *title ? title : _("Untitled Tour"));

  n_days = mt_tour_get_n_days (self->tour);
  n_visits = mt_tour_count (self->tour, MT_ENTITY_VISIT);
  mt_wall_time_split (mt_tour_get_day_start (self->tour, 0), &y, &m, &d, NULL, NULL, NULL);
  first_date = g_date_time_new_utc (y, m, d, 12, 0, 0);
  mt_wall_time_split (mt_tour_get_day_start (self->tour, n_days - 1), &y, &m, &d, NULL, NULL, NULL);
  last_date = g_date_time_new_utc (y, m, d, 12, 0, 0);
  /* Translators: the first day of the tour, see g_date_time_format() */
  first = g_date_time_format (first_date, _("%-d %B"));
  /* Translators: the last day of the tour, see g_date_time_format() */
  last = g_date_time_format (last_date, _("%-d %B %Y"));
  {
    g_autofree char *days = g_strdup_printf (g_dngettext (NULL, "%u day", "%u days", n_days), n_days);
    g_autofree char *visits = g_strdup_printf (g_dngettext (NULL, "%u visit", "%u visits", n_visits), n_visits);

    /* Translators: under the tour's title: "14 May – 20 May 2024 · 7 days · 56 visits" */
    summary = g_strdup_printf (_("%s – %s · %s · %s"), first, last, days, visits);
  }
  gtk_label_set_text (self->summary_label, summary);
  update_empty (self);
}

static gboolean
summary_idle (gpointer user_data)
{
  MtItineraryView *self = user_data;

  self->summary_idle = 0;
  update_summary (self);
  return G_SOURCE_REMOVE;
}

static void
update_group_css (MtItineraryView *self)
{
  g_autofree char *css = mt_itinerary_group_css (self->tour);

  gtk_css_provider_load_from_data (self->group_css, css, -1);
}

static void
on_visit_dropped (MtItineraryView *self,
                  MtVisit         *visit,
                  gint64           new_start,
                  gboolean         copy,
                  GtkWidget       *source)
{
  mt_itinerary_view_place_visit (self, visit, new_start, copy);
}

/* Building the cards of the columns in view */

static void
show_cards_in_view (MtItineraryView *self)
{
  GtkWidget *viewport;
  /* a column just past the edge counts, so that one more scroll step finds
   * its cards built */
  double slack = 24;
  double width;

  if (self->columns_box == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->board_scroller)))
    return;

  /* the viewport's coordinates, in which the columns have just been
   * allocated with the scroll offset applied */
  viewport = gtk_widget_get_parent (GTK_WIDGET (self->columns_box));
  width = gtk_widget_get_width (viewport);
  for (guint i = 0; i < self->columns->len; i++)
    {
      MtDayColumn *column = g_ptr_array_index (self->columns, i);
      graphene_rect_t bounds;

      if (mt_day_column_get_cards_shown (column)
          || !gtk_widget_compute_bounds (GTK_WIDGET (column), viewport, &bounds)
          || bounds.size.width <= 0)
        continue;
      if (bounds.origin.x < width + slack && bounds.origin.x + bounds.size.width > -slack)
        mt_day_column_show_cards (column);
    }
}

static void
on_layout (GdkFrameClock   *clock,
           MtItineraryView *self)
{
  show_cards_in_view (self);
}

static void
mt_itinerary_view_realize (GtkWidget *widget)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (widget);

  GTK_WIDGET_CLASS (mt_itinerary_view_parent_class)->realize (widget);

  /* after the window's own handler, which allocates */
  self->layout_handler = g_signal_connect_after (gtk_widget_get_frame_clock (widget), "layout",
                                                 G_CALLBACK (on_layout), self);
}

static void
mt_itinerary_view_unrealize (GtkWidget *widget)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (widget);

  g_clear_signal_handler (&self->layout_handler, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (mt_itinerary_view_parent_class)->unrealize (widget);
}

static void
rebuild_columns (MtItineraryView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
  g_ptr_array_set_size (self->columns, 0);
  g_hash_table_remove_all (self->visit_days);

  if (self->tour == NULL)
    return;

  for (guint d = 0; d < mt_tour_get_n_days (self->tour); d++)
    {
      GtkWidget *column = mt_day_column_new (self->tour, d);

      mt_day_column_set_problem_counts (MT_DAY_COLUMN (column), self->problems);
      mt_day_column_set_unseen (MT_DAY_COLUMN (column), self->unseen);
      g_signal_connect_object (column, "visit-dropped", G_CALLBACK (on_visit_dropped), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (column, "visit-selected", G_CALLBACK (on_visit_selected), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->columns_box, column);
      g_ptr_array_add (self->columns, column);
    }

  {
    GListModel *visits = mt_tour_get_visits (self->tour);

    for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
      {
        g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);

        g_hash_table_insert (self->visit_days, visit, GINT_TO_POINTER (_mt_itinerary_view_visit_day (self, visit) + 1));
      }
  }
}

static void
update_all_headers (MtItineraryView *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    mt_day_column_update_header (g_ptr_array_index (self->columns, i));
}

static void
on_tour_changed (MtItineraryView *self,
                 MtEntity        *entity,
                 MtTour          *tour)
{
  if (self->summary_idle == 0)
    self->summary_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, summary_idle, self, NULL);

  if (entity == NULL)
    {
      guint n_days = mt_tour_get_n_days (tour);
      g_autofree char *first_date = mt_itinerary_day_date (tour, 0);

      /* the days themselves changed */
      if (n_days != self->columns->len
          || (n_days > 0 && g_strcmp0 (mt_day_column_get_date_text (g_ptr_array_index (self->columns, 0)),
                                       first_date) != 0))
        rebuild_columns (self);
      return;
    }

  if (MT_IS_VISIT (entity))
    {
      MtVisit *visit = MT_VISIT (entity);
      gpointer old_value = NULL;
      gboolean known = g_hash_table_lookup_extended (self->visit_days, visit, NULL, &old_value);
      int old_day = known ? GPOINTER_TO_INT (old_value) - 1 : -1;
      MtDayColumn *old_column, *new_column;
      int new_day;

      if (mt_entity_get_tour (entity) != tour)
        {
          /* removed: the filter model saw it go */
          g_hash_table_remove (self->visit_days, visit);
          if ((old_column = column_for_day (self, old_day)) != NULL)
            mt_day_column_update_header (old_column);
          return;
        }

      new_day = _mt_itinerary_view_visit_day (self, visit);
      g_hash_table_insert (self->visit_days, visit, GINT_TO_POINTER (new_day + 1));
      old_column = column_for_day (self, old_day);
      new_column = column_for_day (self, new_day);

      if (known && old_day != new_day)
        {
          if (old_column != NULL)
            {
              mt_day_column_refilter (old_column);
              mt_day_column_update_header (old_column);
            }
          if (new_column != NULL)
            mt_day_column_refilter (new_column);
        }
      else if (new_column != NULL)
        {
          mt_day_column_resort (new_column);
        }
      if (new_column != NULL)
        mt_day_column_update_header (new_column);
      return;
    }

  if (MT_IS_SITE (entity) || MT_IS_CITY (entity))
    update_all_headers (self);
  else if (MT_IS_GROUP (entity))
    update_group_css (self);
}

/* GObject */

static void
mt_itinerary_view_dispose (GObject *object)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (object);

  g_clear_handle_id (&self->summary_idle, g_source_remove);
  if (self->group_css != NULL)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->group_css));
      g_clear_object (&self->group_css);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_ITINERARY_VIEW);
  {
    GtkWidget *child;

    /* the template's children that no field holds */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->tour);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->unseen, g_hash_table_unref);

  G_OBJECT_CLASS (mt_itinerary_view_parent_class)->dispose (object);
}

static void
mt_itinerary_view_finalize (GObject *object)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (object);

  g_ptr_array_unref (self->columns);
  g_hash_table_unref (self->visit_days);
  g_free (self->mode);

  G_OBJECT_CLASS (mt_itinerary_view_parent_class)->finalize (object);
}

static void
mt_itinerary_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_itinerary_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      mt_itinerary_view_set_mode (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_itinerary_view_class_init (MtItineraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_itinerary_view_dispose;
  object_class->finalize = mt_itinerary_view_finalize;
  object_class->get_property = mt_itinerary_view_get_property;
  object_class->set_property = mt_itinerary_view_set_property;
  widget_class->realize = mt_itinerary_view_realize;
  widget_class->unrealize = mt_itinerary_view_unrealize;

  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "board",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MtItineraryView::visit-seen:
   * @id: the visit the user selected, opened or was shown
   */
  signals[VISIT_SEEN] =
    g_signal_new ("visit-seen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (MT_TYPE_TIMELINE_VIEW);
  (void) mt_board_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-itinerary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MtItineraryView, title_label);
  gtk_widget_class_bind_template_child (widget_class, MtItineraryView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MtItineraryView, stack);
  gtk_widget_class_bind_template_child (widget_class, MtItineraryView, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, MtItineraryView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, MtItineraryView, timeline);

  _mt_itinerary_view_class_init_actions (widget_class);
}

static void
mt_itinerary_view_init (MtItineraryView *self)
{
  self->columns = g_ptr_array_new ();
  self->visit_days = g_hash_table_new (NULL, NULL);
  self->mode = g_strdup ("board");

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->timeline, "visit-dropped", G_CALLBACK (on_visit_dropped), self,
                           G_CONNECT_SWAPPED);

  self->group_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->group_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

GtkWidget *
mt_itinerary_view_new (void)
{
  return g_object_new (MT_TYPE_ITINERARY_VIEW, NULL);
}

MtTour *
mt_itinerary_view_get_tour (MtItineraryView *self)
{
  g_return_val_if_fail (MT_IS_ITINERARY_VIEW (self), NULL);
  return self->tour;
}

static void
mt_itinerary_view_set_tour (MtTourView *view,
                            MtTour     *tour)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (view);

  if (self->tour == tour)
    return;

  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_func (self->tour, on_tour_changed, self);
  g_set_object (&self->tour, tour);
  if (tour != NULL)
    g_signal_connect_object (tour, "changed", G_CALLBACK (on_tour_changed), self, G_CONNECT_SWAPPED);

  rebuild_columns (self);
  mt_timeline_view_set_tour (self->timeline, tour);
  if (tour != NULL)
    {
      update_group_css (self);
      update_summary (self);
    }
}

const char *
mt_itinerary_view_get_mode (MtItineraryView *self)
{
  g_return_val_if_fail (MT_IS_ITINERARY_VIEW (self), NULL);
  return self->mode;
}

void
mt_itinerary_view_set_mode (MtItineraryView *self,
                            const char      *mode)
{
  g_return_if_fail (MT_IS_ITINERARY_VIEW (self));

  if (g_strcmp0 (mode, "timeline") != 0)
    mode = "board";
  if (g_strcmp0 (self->mode, mode) == 0)
    return;
  g_free (self->mode);
  self->mode = g_strdup (mode);
  update_empty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

guint
mt_itinerary_view_get_n_columns (MtItineraryView *self)
{
  g_return_val_if_fail (MT_IS_ITINERARY_VIEW (self), 0);
  return self->columns->len;
}

GtkWidget *
mt_itinerary_view_get_column (MtItineraryView *self,
                              guint            day_index)
{
  g_return_val_if_fail (MT_IS_ITINERARY_VIEW (self), NULL);
  g_return_val_if_fail (day_index < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, day_index);
}

GtkWidget *
mt_itinerary_view_get_timeline (MtItineraryView *self)
{
  g_return_val_if_fail (MT_IS_ITINERARY_VIEW (self), NULL);
  return GTK_WIDGET (self->timeline);
}

void
mt_itinerary_view_reveal_visit (MtItineraryView *self,
                                MtVisit         *visit)
{
  MtDayColumn *column;
  graphene_rect_t bounds;

  g_return_if_fail (MT_IS_ITINERARY_VIEW (self));
  g_return_if_fail (MT_IS_VISIT (visit));

  if (g_str_equal (self->mode, "timeline"))
    {
      mt_timeline_view_reveal_visit (self->timeline, visit);
      return;
    }

  column = column_for_day (self, _mt_itinerary_view_visit_day (self, visit));
  if (column == NULL)
    return;

  if (gtk_widget_compute_bounds (GTK_WIDGET (column), GTK_WIDGET (self->columns_box), &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (self->board_scroller),
                               bounds.origin.x - 12, bounds.origin.x + bounds.size.width + 12);
  mt_day_column_reveal_visit (column, visit);
  gtk_widget_grab_focus (GTK_WIDGET (column));
}

static gboolean
mt_itinerary_view_reveal (MtTourView *view,
                          const char *id)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (view);
  MtVisit *visit;

  if (self->tour == NULL || (visit = mt_tour_lookup_kind (self->tour, MT_ENTITY_VISIT, id)) == NULL)
    return FALSE;
  mt_itinerary_view_reveal_visit (self, visit);
  return TRUE;
}

static MtTour *
mt_itinerary_view_view_get_tour (MtTourView *view)
{
  return mt_itinerary_view_get_tour (MT_ITINERARY_VIEW (view));
}

static void
mt_itinerary_view_tour_view_init (MtTourViewInterface *iface)
{
  iface->get_tour = mt_itinerary_view_view_get_tour;
  iface->set_tour = mt_itinerary_view_set_tour;
  iface->reveal = mt_itinerary_view_reveal;
}

void
mt_itinerary_view_set_problem_counts (MtItineraryView *self,
                                      GHashTable      *counts)
{
  g_return_if_fail (MT_IS_ITINERARY_VIEW (self));

  g_clear_pointer (&self->problems, g_hash_table_unref);
  self->problems = counts ? g_hash_table_ref (counts) : NULL;
  for (guint i = 0; i < self->columns->len; i++)
    mt_day_column_set_problem_counts (g_ptr_array_index (self->columns, i), counts);
  mt_timeline_view_set_problem_counts (self->timeline, counts);
}

void
mt_itinerary_view_set_unseen (MtItineraryView *self,
                              GHashTable      *ids)
{
  g_return_if_fail (MT_IS_ITINERARY_VIEW (self));

  g_clear_pointer (&self->unseen, g_hash_table_unref);
  self->unseen = ids ? g_hash_table_ref (ids) : NULL;
  for (guint i = 0; i < self->columns->len; i++)
    mt_day_column_set_unseen (g_ptr_array_index (self->columns, i), ids);
}
