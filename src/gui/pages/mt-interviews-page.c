/* mt-interviews-page.c: the interviews by day and status
 *
 * A column view over the tour's interviews, sorted by start unless the user
 * picks another column, filtered by day and status. The editor checks the
 * times as they are typed (Save stays off while the end is not after the
 * start) and proposes free slots: times when none of the chosen delegates
 * and not the interviewee have another interview and the delegates' groups
 * are at the visit (mt_page_propose_slots()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-interviews-page"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "mt-pages-resources.h"
#include "mt-column-view.h"
#include "mt-interviews-page.h"
#include "mt-itinerary-model.h"
#include "mt-page-logic.h"

typedef enum
{
  COLUMN_WHEN,
  COLUMN_INTERVIEWEE,
  COLUMN_ORGANISATION,
  COLUMN_DELEGATES,
  COLUMN_VISIT,
  COLUMN_INTERPRETER,
  COLUMN_STATUS,
} Column;

struct _MtInterviewsPage
{
  AdwBin              parent_instance;

  /* template children */
  GtkDropDown        *day_dropdown;
  GtkDropDown        *status_dropdown;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkColumnView      *column_view;

  /* owned */
  MtTour             *tour;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GtkFilter          *filter;
  GPtrArray          *sorters;
  GtkStringList      *day_names;
  guint               refresh_id;
};

static void mt_interviews_page_tour_view_init (MtTourViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MtInterviewsPage, mt_interviews_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MT_TYPE_TOUR_VIEW, mt_interviews_page_tour_view_init))

static MtVisit *
interview_visit (MtInterviewsPage *self,
                 MtInterview      *interview)
{
  const char *id = mt_interview_get_visit (interview);

  if (self->tour == NULL || id == NULL)
    return NULL;
  return mt_tour_lookup_kind (self->tour, MT_ENTITY_VISIT, id);
}

static char *
cell_text (MtInterviewsPage *self,
           Column            column,
           MtInterview      *interview)
{
  switch (column)
    {
    case COLUMN_WHEN:
      return mt_page_format_day_span (self->tour, mt_interview_get_start (interview),
                                      mt_interview_get_end (interview));
    case COLUMN_INTERVIEWEE:
      if (mt_interview_get_interviewee_title (interview) != NULL)
        /* Translators: an interviewee and their title, "Li Na, Vice President" */
        return g_strdup_printf (_("%s, %s"), mt_page_nonnull (mt_interview_get_interviewee (interview)),
                                mt_interview_get_interviewee_title (interview));
      return g_strdup (mt_page_nonnull (mt_interview_get_interviewee (interview)));
    case COLUMN_ORGANISATION:
      return g_strdup (mt_page_nonnull (mt_interview_get_organisation (interview)));
    case COLUMN_DELEGATES:
      return mt_page_delegate_names (self->tour, mt_interview_get_delegates (interview));
    case COLUMN_VISIT:
      {
        MtVisit *visit = interview_visit (self, interview);

        return g_strdup (visit != NULL ? mt_page_nonnull (mt_visit_get_title (visit)) : "");
      }
    case COLUMN_INTERPRETER:
      /* Translators: whether an interview needs an interpreter */
      return g_strdup (mt_interview_get_interpreter (interview) ? C_("interpreter", "Yes") : C_("interpreter", "No"));
    case COLUMN_STATUS:
      return g_strdup (mt_page_interview_status_label (mt_interview_get_status (interview)));
    default:
      g_assert_not_reached ();
    }
}

/* --- cells ---------------------------------------------------------------- */

static void
update_cell (GtkListItem *item)
{
  MtInterviewsPage *self = g_object_get_data (G_OBJECT (item), "page");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column"));
  MtInterview *interview = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (interview == NULL || child == NULL)
    return;
  text = cell_text (self, column, interview);
  if (GTK_IS_BUTTON (child))
    {
      gtk_button_set_label (GTK_BUTTON (child), text);
      gtk_widget_set_visible (child, *text != '\0');
      gtk_widget_set_tooltip_text (child, *text != '\0' ? _("Show the visit on the itinerary") : NULL);
      g_object_set_data_full (G_OBJECT (child), "visit-id",
                              g_strdup (mt_interview_get_visit (interview)), g_free);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (child))), PANGO_ELLIPSIZE_END);
    }
  else
    gtk_label_set_label (GTK_LABEL (child), text);

  if (column == COLUMN_STATUS)
    {
      static const char *classes[] = { "accent", "success", "error", "dim-label" };

      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        gtk_widget_remove_css_class (child, classes[i]);
      gtk_widget_add_css_class (child, classes[mt_interview_get_status (interview) % G_N_ELEMENTS (classes)]);
    }
}

static void
on_visit_clicked (GtkButton        *button,
                  MtInterviewsPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "visit-id");

  if (id != NULL)
    mt_tour_view_item_activated (MT_TOUR_VIEW (self), id);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MtInterviewsPage         *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *child;

  if (column == COLUMN_VISIT)
    {
      child = gtk_button_new_with_label ("");
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      g_signal_connect_object (child, "clicked", G_CALLBACK (on_visit_clicked), self, 0);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      if (column == COLUMN_WHEN)
        gtk_widget_add_css_class (child, "numeric");
      if (column == COLUMN_INTERVIEWEE)
        gtk_widget_add_css_class (child, "heading");
      if (column == COLUMN_STATUS)
        gtk_widget_add_css_class (child, "caption-heading");
    }
  gtk_list_item_set_child (item, child);
  g_object_set_data (G_OBJECT (item), "page", self);
  g_object_set_data (G_OBJECT (item), "column", GINT_TO_POINTER (column));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MtInterviewsPage         *self)
{
  g_signal_connect_object (gtk_list_item_get_item (item), "notify", G_CALLBACK (update_cell), item,
                           G_CONNECT_SWAPPED);
  update_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             MtInterviewsPage         *self)
{
  gpointer interview = gtk_list_item_get_item (item);

  if (interview != NULL)
    g_signal_handlers_disconnect_by_func (interview, update_cell, item);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  GtkSorter *sorter = data;
  MtInterviewsPage *self = g_object_get_data (G_OBJECT (sorter), "page");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sorter), "column"));
  MtInterview *x = (MtInterview *) a, *y = (MtInterview *) b;
  gint64 sx = mt_interview_get_start (x), sy = mt_interview_get_start (y);

  if (column == COLUMN_STATUS && mt_interview_get_status (x) != mt_interview_get_status (y))
    return mt_interview_get_status (x) < mt_interview_get_status (y) ? -1 : 1;
  if (column == COLUMN_INTERPRETER && mt_interview_get_interpreter (x) != mt_interview_get_interpreter (y))
    return mt_interview_get_interpreter (x) ? -1 : 1;
  if (column != COLUMN_WHEN && column != COLUMN_STATUS && column != COLUMN_INTERPRETER)
    {
      g_autofree char *tx = cell_text (self, column, x);
      g_autofree char *ty = cell_text (self, column, y);
      int result = g_utf8_collate (tx, ty);

      if (result != 0)
        return result < 0 ? -1 : 1;
    }
  if (sx != sy)
    return sx < sy ? -1 : 1;
  return g_strcmp0 (mt_entity_get_id ((MtEntity *) x), mt_entity_get_id ((MtEntity *) y));
}

static void
add_column (MtInterviewsPage *self,
            const char       *title,
            Column            column,
            gboolean          expand,
            int               fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  GtkCustomSorter *sorter = gtk_custom_sorter_new (NULL, NULL, NULL);

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);

  gtk_custom_sorter_set_sort_func (sorter, compare_rows, sorter, NULL);
  g_object_set_data (G_OBJECT (sorter), "page", self);
  g_object_set_data (G_OBJECT (sorter), "column", GINT_TO_POINTER (column));
  g_ptr_array_add (self->sorters, sorter);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* --- filters ---------------------------------------------------------------- */

static gboolean
filter_row (gpointer item,
            gpointer data)
{
  MtInterviewsPage *self = data;
  MtInterview *interview = item;
  guint day = gtk_drop_down_get_selected (self->day_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  /* item 0 of each dropdown is "all" */
  if (status != GTK_INVALID_LIST_POSITION && status > 0 &&
      (guint) mt_interview_get_status (interview) != status - 1)
    return FALSE;
  if (day != GTK_INVALID_LIST_POSITION && day > 0 &&
      (mt_interview_get_start (interview) == MT_TIME_UNSET ||
       mt_tour_get_day_index (self->tour, mt_interview_get_start (interview)) != (int) day - 1))
    return FALSE;
  return TRUE;
}

static void
update_count (MtInterviewsPage *self)
{
  guint shown, total;
  g_autofree char *text = NULL;

  if (self->sort_model == NULL)
    return;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  total = self->tour != NULL ? mt_tour_count (self->tour, MT_ENTITY_INTERVIEW) : 0;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u interview", "%u interviews", total), total);
  else
    text = g_strdup_printf (ngettext ("%u of %u interview", "%u of %u interviews", total), shown, total);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "empty" : shown == 0 ? "none" : "list");
}

static void
on_filter_changed (MtInterviewsPage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
rebuild_day_filter (MtInterviewsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->day_dropdown);
  guint n_days = self->tour != NULL ? mt_tour_get_n_days (self->tour) : 0;

  gtk_string_list_splice (self->day_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->day_names)), NULL);
  gtk_string_list_append (self->day_names, _("All Days"));
  for (guint i = 0; i < n_days; i++)
    {
      g_autofree char *date = mt_itinerary_day_date (self->tour, i);
      /* Translators: a day of the tour in a dropdown, "Day 3 · Thursday, 16 May" */
      g_autofree char *name = g_strdup_printf (_("Day %u · %s"), i + 1, date);

      gtk_string_list_append (self->day_names, name);
    }
  gtk_drop_down_set_selected (self->day_dropdown, selected <= n_days ? selected : 0);
}

static gboolean
refresh_cb (gpointer data)
{
  MtInterviewsPage *self = data;

  self->refresh_id = 0;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  for (guint i = 0; i < self->sorters->len; i++)
    gtk_sorter_changed (g_ptr_array_index (self->sorters, i), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
  update_count (self);
  return G_SOURCE_REMOVE;
}

static void
on_tour_changed (MtInterviewsPage *self,
                 MtEntity         *entity,
                 MtTour           *tour)
{
  if (entity == NULL)
    rebuild_day_filter (self);
  if (entity != NULL && !MT_IS_INTERVIEW (entity))
    return;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_add_clicked (MtInterviewsPage *self)
{
  if (self->tour != NULL)
    mt_interviews_page_edit (self, NULL);
}

static void
on_row_activate (MtInterviewsPage *self,
                 guint             position)
{
  g_autoptr(MtInterview) interview = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (interview != NULL)
    mt_interviews_page_edit (self, mt_entity_get_id (MT_ENTITY (interview)));
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MtInterviewsPage *self = MT_INTERVIEWS_PAGE (widget);
  MtInterview *interview = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *label = NULL;
  MtHistory *history;

  if (interview == NULL)
    return;
  history = mt_tour_get_history (self->tour);
  label = g_strdup_printf (_("Delete interview with %s"), mt_page_nonnull (mt_interview_get_interviewee (interview)));
  mt_history_begin (history, label);
  mt_tour_remove (self->tour, MT_ENTITY (interview));
  mt_history_end (history);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  on_add_clicked (MT_INTERVIEWS_PAGE (widget));
}

/* --- the tour and revealing -------------------------------------------------- */

static void
mt_interviews_page_set_tour (MtTourView *view,
                             MtTour     *tour)
{
  MtInterviewsPage *self = MT_INTERVIEWS_PAGE (view);

  if (!mt_tour_view_follow_tour (view, &self->tour, tour, &self->refresh_id, G_CALLBACK (on_tour_changed)))
    return;
  gtk_filter_list_model_set_model (self->filter_model, tour != NULL ? mt_tour_get_interviews (tour) : NULL);
  rebuild_day_filter (self);
  refresh_cb (self);
}

MtTour *
mt_interviews_page_get_tour (MtInterviewsPage *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEWS_PAGE (self), NULL);
  return self->tour;
}

GListModel *
mt_interviews_page_get_model (MtInterviewsPage *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEWS_PAGE (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

static gboolean
position_of (GListModel *model,
             gpointer    item,
             guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
mt_interviews_page_reveal (MtTourView *view,
                           const char *id)
{
  MtInterviewsPage *self = MT_INTERVIEWS_PAGE (view);

  MtInterview *interview;
  guint position;

  if (self->tour == NULL ||
      (interview = mt_tour_lookup_kind (self->tour, MT_ENTITY_INTERVIEW, id)) == NULL)
    return FALSE;
  if (!position_of (G_LIST_MODEL (self->sort_model), interview, &position))
    {
      gtk_drop_down_set_selected (self->day_dropdown, 0);
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      on_filter_changed (self);
      if (!position_of (G_LIST_MODEL (self->sort_model), interview, &position))
        return FALSE;
    }
  gtk_single_selection_set_selected (self->selection, position);
  mt_column_view_scroll_to (self->column_view, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return TRUE;
}

/* --- GObject ---------------------------------------------------------------- */

static void
mt_interviews_page_dispose (GObject *object)
{
  MtInterviewsPage *self = MT_INTERVIEWS_PAGE (object);

  mt_interviews_page_set_tour (MT_TOUR_VIEW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_INTERVIEWS_PAGE);
  G_OBJECT_CLASS (mt_interviews_page_parent_class)->dispose (object);
}

static void
mt_interviews_page_finalize (GObject *object)
{
  MtInterviewsPage *self = MT_INTERVIEWS_PAGE (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->day_names);
  g_clear_pointer (&self->sorters, g_ptr_array_unref);
  G_OBJECT_CLASS (mt_interviews_page_parent_class)->finalize (object);
}

static MtTour *
mt_interviews_page_view_get_tour (MtTourView *view)
{
  return mt_interviews_page_get_tour (MT_INTERVIEWS_PAGE (view));
}

static void
mt_interviews_page_tour_view_init (MtTourViewInterface *iface)
{
  iface->get_tour = mt_interviews_page_view_get_tour;
  iface->set_tour = mt_interviews_page_set_tour;
  iface->reveal = mt_interviews_page_reveal;
}

static void
mt_interviews_page_class_init (MtInterviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_interviews_page_dispose;
  object_class->finalize = mt_interviews_page_finalize;

  gtk_widget_class_install_action (widget_class, "interviews.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "interviews.delete", NULL, delete_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "interviews.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "interviews.add", NULL);

  (void) mt_pages_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-interviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MtInterviewsPage, day_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MtInterviewsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MtInterviewsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, MtInterviewsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MtInterviewsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);
}

static void
mt_interviews_page_init (MtInterviewsPage *self)
{
  GtkStringList *statuses;

  self->sorters = g_ptr_array_new_with_free_func (g_object_unref);
  self->day_names = gtk_string_list_new (NULL);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_row, self, NULL));

  gtk_widget_init_template (GTK_WIDGET (self));

  statuses = gtk_string_list_new (NULL);
  gtk_string_list_append (statuses, _("All Statuses"));
  for (int s = MT_INTERVIEW_REQUESTED; s <= MT_INTERVIEW_DONE; s++)
    gtk_string_list_append (statuses, mt_page_interview_status_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  g_object_unref (statuses);
  gtk_drop_down_set_model (self->day_dropdown, G_LIST_MODEL (self->day_names));

  add_column (self, _("When"), COLUMN_WHEN, FALSE, 170);
  add_column (self, _("Interviewee"), COLUMN_INTERVIEWEE, TRUE, -1);
  add_column (self, _("Organisation"), COLUMN_ORGANISATION, TRUE, -1);
  add_column (self, _("Delegates"), COLUMN_DELEGATES, TRUE, -1);
  add_column (self, _("Visit"), COLUMN_VISIT, TRUE, -1);
  add_column (self, _("Interpreter"), COLUMN_INTERPRETER, FALSE, 100);
  add_column (self, _("Status"), COLUMN_STATUS, FALSE, 100);

  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (self->filter));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  mt_column_view_keep_selection_in_view (self->column_view);
  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);

    gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);
  }
  update_count (self);
}

GtkWidget *
mt_interviews_page_new (void)
{
  return g_object_new (MT_TYPE_INTERVIEWS_PAGE, NULL);
}
