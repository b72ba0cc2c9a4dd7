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

#include "mt-gui-b-resources.h"
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

G_DEFINE_FINAL_TYPE (MtInterviewsPage, mt_interviews_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TOUR,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
nonnull (const char *s)
{
  return s != NULL ? s : "";
}

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
        return g_strdup_printf (_("%s, %s"), nonnull (mt_interview_get_interviewee (interview)),
                                mt_interview_get_interviewee_title (interview));
      return g_strdup (nonnull (mt_interview_get_interviewee (interview)));
    case COLUMN_ORGANISATION:
      return g_strdup (nonnull (mt_interview_get_organisation (interview)));
    case COLUMN_DELEGATES:
      return mt_page_delegate_names (self->tour, mt_interview_get_delegates (interview));
    case COLUMN_VISIT:
      {
        MtVisit *visit = interview_visit (self, interview);

        return g_strdup (visit != NULL ? nonnull (mt_visit_get_title (visit)) : "");
      }
    case COLUMN_INTERPRETER:
      return g_strdup (mt_interview_get_interpreter (interview) ? _("Interpreter") : "");
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
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, id);
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
  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "list" : "empty");
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

/* --- the interview editor ------------------------------------------------------ */

typedef struct
{
  MtInterviewsPage *self;        /* weak */
  char             *id;          /* NULL: a new interview */
  GtkWindow        *window;
  GtkWidget        *save_button;
  AdwEntryRow      *interviewee, *title, *organisation, *location, *language, *notes;
  AdwEntryRow      *start, *end;
  AdwComboRow      *visit, *day, *status;
  AdwActionRow     *time_message;
  GtkSwitch        *interpreter;
  GtkSpinButton    *length;
  GtkListBox       *delegates_list;
  GtkFlowBox       *slots_box;
  GtkLabel         *slots_message;
  GHashTable       *chosen;      /* delegate ids */
  GPtrArray        *visit_ids;   /* behind the visit row; NULL first */
  char             *folded_query;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *e = data;

  g_clear_weak_pointer (&e->self);
  g_free (e->id);
  g_hash_table_unref (e->chosen);
  g_ptr_array_unref (e->visit_ids);
  g_free (e->folded_query);
  g_free (e);
}

static GtkWidget *
editor_group (GtkWidget  *page,
              const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

static AdwEntryRow *
editor_entry (GtkWidget  *group,
              const char *title,
              const char *name,
              const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_editable_set_text (GTK_EDITABLE (row), nonnull (text));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
editor_combo (GtkWidget     *group,
              const char    *title,
              const char    *name,
              GtkStringList *items,
              guint          selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (items));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_unref (items);
  return ADW_COMBO_ROW (row);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* "9:05", "09:05" or "0905": minutes since midnight, or -1 */
static int
parse_clock (const char *text)
{
  unsigned hour, minute;
  char extra;

  if (sscanf (text, "%u:%u%c", &hour, &minute, &extra) == 2 ||
      sscanf (text, "%u.%u%c", &hour, &minute, &extra) == 2)
    ;
  else if (strlen (text) == 4 && g_ascii_isdigit (text[0]) && sscanf (text, "%2u%2u", &hour, &minute) == 2)
    ;
  else
    return -1;
  if (hour > 24 || minute > 59 || (hour == 24 && minute > 0))
    return -1;
  return (int) (hour * 60 + minute);
}

static const char *
selected_visit_id (Editor *e)
{
  guint i = adw_combo_row_get_selected (e->visit);

  return i < e->visit_ids->len ? g_ptr_array_index (e->visit_ids, i) : NULL;
}

/* the times in the editor; FALSE (and a message) when they do not hold */
static gboolean
editor_times (Editor  *e,
              gint64  *start,
              gint64  *end,
              char   **message)
{
  g_autofree char *from = entry_text (e->start);
  g_autofree char *to = entry_text (e->end);
  int a = parse_clock (from), b = parse_clock (to);
  gint64 day;

  *message = NULL;
  if (a < 0 || b < 0)
    {
      *message = g_strdup (a < 0 ? _("Type the start as hours and minutes, 14:30")
                                 : _("Type the end as hours and minutes, 15:00"));
      return FALSE;
    }
  if (b <= a)
    {
      *message = g_strdup (_("The end must come after the start"));
      return FALSE;
    }
  day = mt_tour_get_day_start (e->self->tour, adw_combo_row_get_selected (e->day));
  *start = day + a * 60;
  *end = day + b * 60;
  return TRUE;
}

static void
editor_validate (Editor *e)
{
  g_autofree char *message = NULL;
  g_autofree char *who = entry_text (e->interviewee);
  gint64 start, end;
  gboolean times_ok;

  if (e->self == NULL || e->self->tour == NULL)
    return;
  times_ok = editor_times (e, &start, &end, &message);
  gtk_widget_set_visible (GTK_WIDGET (e->time_message), !times_ok);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->time_message), nonnull (message));
  if (times_ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (e->start), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (e->end), "error");
    }
  else
    {
      g_autofree char *from = entry_text (e->start);

      gtk_widget_add_css_class (GTK_WIDGET (parse_clock (from) < 0 ? e->start : e->end), "error");
    }
  if (*who == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (e->interviewee), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (e->interviewee), "error");
  gtk_widget_set_sensitive (e->save_button, times_ok && *who != '\0');
}

static GStrv
chosen_delegates (Editor *e)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model = mt_tour_get_delegates (e->self->tour);

  /* in the tour's order, so the result does not depend on hashing */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MtEntity) delegate = g_list_model_get_item (model, i);

      if (g_hash_table_contains (e->chosen, mt_entity_get_id (delegate)))
        g_strv_builder_add (builder, mt_entity_get_id (delegate));
    }
  return g_strv_builder_end (builder);
}

static void
set_text_field (MtInterview  *interview,
                void        (*setter) (MtInterview *, const char *),
                AdwEntryRow  *row)
{
  g_autofree char *text = entry_text (row);

  setter (interview, *text != '\0' ? text : NULL);
}

static void
on_editor_save (Editor *e)
{
  MtInterviewsPage *self = e->self;
  g_autoptr(MtInterview) created = NULL;
  g_autofree char *message = NULL;
  g_autofree char *who = NULL;
  g_autofree char *label = NULL;
  g_auto(GStrv) delegates = NULL;
  MtInterview *interview;
  MtHistory *history;
  gint64 start, end;

  if (self == NULL || self->tour == NULL || !editor_times (e, &start, &end, &message))
    return;
  who = entry_text (e->interviewee);
  if (*who == '\0')
    return;

  if (e->id != NULL)
    {
      interview = mt_tour_lookup_kind (self->tour, MT_ENTITY_INTERVIEW, e->id);
      if (interview == NULL)
        {
          gtk_window_destroy (e->window);
          return;
        }
      label = g_strdup_printf (_("Edit interview with %s"), nonnull (mt_interview_get_interviewee (interview)));
    }
  else
    {
      created = mt_interview_new (NULL);
      interview = created;
      label = g_strdup_printf (_("Add interview with %s"), who);
    }

  delegates = chosen_delegates (e);
  history = mt_tour_get_history (self->tour);
  mt_history_begin (history, label);
  set_text_field (interview, mt_interview_set_interviewee, e->interviewee);
  set_text_field (interview, mt_interview_set_interviewee_title, e->title);
  set_text_field (interview, mt_interview_set_organisation, e->organisation);
  set_text_field (interview, mt_interview_set_location, e->location);
  set_text_field (interview, mt_interview_set_language, e->language);
  set_text_field (interview, mt_interview_set_notes, e->notes);
  mt_interview_set_delegates (interview, delegates[0] != NULL ? (const char * const *) delegates : NULL);
  mt_interview_set_visit (interview, selected_visit_id (e));
  mt_interview_set_start (interview, start);
  mt_interview_set_end (interview, end);
  mt_interview_set_interpreter (interview, gtk_switch_get_active (e->interpreter));
  mt_interview_set_status (interview, adw_combo_row_get_selected (e->status));
  if (created != NULL)
    mt_tour_add (self->tour, MT_ENTITY (created), NULL);
  mt_history_end (history);

  gtk_window_destroy (e->window);
}

static void
on_editor_delete (Editor *e)
{
  MtInterview *interview = NULL;

  if (e->self != NULL && e->self->tour != NULL && e->id != NULL)
    interview = mt_tour_lookup_kind (e->self->tour, MT_ENTITY_INTERVIEW, e->id);
  if (interview != NULL)
    {
      MtHistory *history = mt_tour_get_history (e->self->tour);
      g_autofree char *label = g_strdup_printf (_("Delete interview with %s"),
                                                nonnull (mt_interview_get_interviewee (interview)));

      mt_history_begin (history, label);
      mt_tour_remove (e->self->tour, MT_ENTITY (interview));
      mt_history_end (history);
    }
  gtk_window_destroy (e->window);
}

/* --- free slots --- */

static void
on_slot_clicked (GtkButton *button,
                 Editor    *e)
{
  gint64 start = *(gint64 *) g_object_get_data (G_OBJECT (button), "start");
  gint64 end = *(gint64 *) g_object_get_data (G_OBJECT (button), "end");
  const char *visit_id = g_object_get_data (G_OBJECT (button), "visit-id");
  g_autofree char *from = mt_page_format_time (start);
  g_autofree char *to = mt_page_format_time (end);

  for (guint i = 0; i < e->visit_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (e->visit_ids, i), visit_id) == 0)
      adw_combo_row_set_selected (e->visit, i);
  adw_combo_row_set_selected (e->day, mt_tour_get_day_index (e->self->tour, start));
  gtk_editable_set_text (GTK_EDITABLE (e->start), from);
  gtk_editable_set_text (GTK_EDITABLE (e->end), to);
  editor_validate (e);
}

static void
on_propose_clicked (Editor *e)
{
  g_auto(GStrv) delegates = NULL;
  g_autofree char *who = NULL;
  g_autoptr(GArray) slots = NULL;
  const char *absent = NULL;
  MtSlotsResult result;
  MtSlotQuery query = { 0 };
  GtkWidget *child;

  if (e->self == NULL || e->self->tour == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (e->slots_box))) != NULL)
    gtk_flow_box_remove (e->slots_box, child);

  delegates = chosen_delegates (e);
  who = entry_text (e->interviewee);
  query.delegate_ids = (const char * const *) delegates;
  query.interviewee = who;
  query.visit_id = selected_visit_id (e);
  query.day_index = adw_combo_row_get_selected (e->day);
  query.length = (gint64) gtk_spin_button_get_value_as_int (e->length) * 60;
  query.granularity = 5 * 60;
  query.ignore_interview_id = e->id;
  slots = mt_page_propose_slots (e->self->tour, &query, &result, &absent);

  switch (result)
    {
    case MT_SLOTS_OK:
      gtk_label_set_label (e->slots_message, _("Click a time to use it."));
      break;
    case MT_SLOTS_NO_WINDOW:
      gtk_label_set_label (e->slots_message, query.visit_id != NULL
                           ? _("The visit has no start and end.")
                           : _("That day has no visit all the chosen delegates attend."));
      break;
    case MT_SLOTS_GROUP_ABSENT:
      {
        MtDelegate *delegate = mt_tour_lookup_kind (e->self->tour, MT_ENTITY_DELEGATE, absent);
        g_autofree char *text = g_strdup_printf (_("%s’s group is not at this visit."),
                                                 delegate ? nonnull (mt_delegate_get_name (delegate)) : "?");

        gtk_label_set_label (e->slots_message, text);
      }
      break;
    case MT_SLOTS_NONE_FREE:
    default:
      gtk_label_set_label (e->slots_message, _("No free time that long: everyone is busy."));
      break;
    }

  for (guint i = 0; i < slots->len; i++)
    {
      MtFreeSlot *slot = &g_array_index (slots, MtFreeSlot, i);
      g_autofree char *from = mt_page_format_time (slot->start);
      g_autofree char *to = mt_page_format_time (slot->end);
      /* Translators: a free time slot, "10:00 – 10:30" */
      g_autofree char *text = g_strdup_printf (_("%s – %s"), from, to);
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_widget_add_css_class (button, "pill");
      gtk_widget_set_name (button, "slot-button");
      g_object_set_data_full (G_OBJECT (button), "start", g_memdup2 (&slot->start, sizeof (gint64)), g_free);
      g_object_set_data_full (G_OBJECT (button), "end", g_memdup2 (&slot->end, sizeof (gint64)), g_free);
      g_object_set_data_full (G_OBJECT (button), "visit-id", g_strdup (slot->visit_id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_slot_clicked), e);
      gtk_flow_box_append (e->slots_box, button);
    }
}

/* --- the delegates list --- */

static void
on_delegate_toggled (GtkCheckButton *check,
                     Editor         *e)
{
  const char *id = g_object_get_data (G_OBJECT (check), "delegate-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (e->chosen, g_strdup (id));
  else
    g_hash_table_remove (e->chosen, id);
}

static gboolean
filter_delegate_row (GtkListBoxRow *row,
                     gpointer       data)
{
  Editor *e = data;
  MtDelegate *delegate;

  if (e->self == NULL || e->folded_query == NULL || *e->folded_query == '\0')
    return TRUE;
  delegate = mt_tour_lookup_kind (e->self->tour, MT_ENTITY_DELEGATE,
                                  g_object_get_data (G_OBJECT (row), "delegate-id"));
  return delegate != NULL && mt_page_delegate_matches (delegate, e->folded_query);
}

static void
on_delegate_search_changed (GtkSearchEntry *entry,
                            Editor         *e)
{
  g_free (e->folded_query);
  e->folded_query = g_strstrip (mt_page_fold (gtk_editable_get_text (GTK_EDITABLE (entry))));
  gtk_list_box_invalidate_filter (e->delegates_list);
}

static void
fill_delegates (Editor *e)
{
  GListModel *model = mt_tour_get_delegates (e->self->tour);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (model, i);
      const char *id = mt_entity_get_id (MT_ENTITY (delegate));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nonnull (mt_delegate_get_name (delegate)));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), nonnull (mt_delegate_get_outlet (delegate)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (e->chosen, id));
      g_object_set_data_full (G_OBJECT (check), "delegate-id", g_strdup (id), g_free);
      g_object_set_data_full (G_OBJECT (row), "delegate-id", g_strdup (id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_delegate_toggled), e);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      nonnull (mt_delegate_get_name (delegate)), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (e->delegates_list, row);
    }
}

GtkWindow *
mt_interviews_page_edit (MtInterviewsPage *self,
                         const char       *id)
{
  MtInterview *interview = NULL;
  GtkRoot *root;
  GtkWidget *window, *box, *header, *cancel, *page, *group, *row, *search, *scroller, *button;
  GtkStringList *items;
  GListModel *visits;
  guint visit_selected = 0, day_selected = 0;
  g_autofree char *from = NULL, *to = NULL;
  Editor *e;

  g_return_val_if_fail (MT_IS_INTERVIEWS_PAGE (self), NULL);
  g_return_val_if_fail (self->tour != NULL, NULL);

  if (id != NULL)
    {
      interview = mt_tour_lookup_kind (self->tour, MT_ENTITY_INTERVIEW, id);
      g_return_val_if_fail (interview != NULL, NULL);
    }

  e = g_new0 (Editor, 1);
  g_set_weak_pointer (&e->self, self);
  e->id = g_strdup (id);
  e->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->visit_ids = g_ptr_array_new_with_free_func (g_free);
  if (interview != NULL)
    {
      const char * const *ids = mt_interview_get_delegates (interview);

      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        g_hash_table_add (e->chosen, g_strdup (ids[i]));
    }

  window = adw_window_new ();
  e->window = GTK_WINDOW (window);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (e->window, GTK_WINDOW (root));
  gtk_window_set_modal (e->window, TRUE);
  gtk_window_set_default_size (e->window, 600, 760);
  gtk_window_set_title (e->window, interview != NULL ? _("Edit Interview") : _("New Interview"));
  g_object_set_data_full (G_OBJECT (window), "editor", e, editor_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  e->save_button = gtk_button_new_with_mnemonic (interview != NULL ? _("_Save") : _("_Add"));
  gtk_widget_set_name (e->save_button, "save-button");
  gtk_widget_add_css_class (e->save_button, "suggested-action");
  g_signal_connect_swapped (e->save_button, "clicked", G_CALLBACK (on_editor_save), e);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), e->save_button);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  group = editor_group (page, NULL);
  e->interviewee = editor_entry (group, _("Interviewee"), "interviewee-row",
                                 interview ? mt_interview_get_interviewee (interview) : NULL);
  e->title = editor_entry (group, _("Their title"), "title-row",
                           interview ? mt_interview_get_interviewee_title (interview) : NULL);
  e->organisation = editor_entry (group, _("Organisation"), "organisation-row",
                                  interview ? mt_interview_get_organisation (interview) : NULL);
  items = gtk_string_list_new (NULL);
  for (int s = MT_INTERVIEW_REQUESTED; s <= MT_INTERVIEW_DONE; s++)
    gtk_string_list_append (items, mt_page_interview_status_label (s));
  e->status = editor_combo (group, _("Status"), "status-row", items,
                            interview ? mt_interview_get_status (interview) : 0);

  /* when and where */
  group = editor_group (page, _("Time and Place"));
  items = gtk_string_list_new (NULL);
  gtk_string_list_append (items, _("No visit"));
  g_ptr_array_add (e->visit_ids, NULL);
  visits = mt_tour_get_visits (self->tour);
  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);
      g_autofree char *when = mt_page_format_day_span (self->tour, mt_visit_get_start (visit), mt_visit_get_end (visit));
      g_autofree char *text = g_strdup_printf ("%s · %s", nonnull (mt_visit_get_title (visit)), when);

      if (interview != NULL && g_strcmp0 (mt_interview_get_visit (interview), mt_entity_get_id (MT_ENTITY (visit))) == 0)
        visit_selected = e->visit_ids->len;
      g_ptr_array_add (e->visit_ids, g_strdup (mt_entity_get_id (MT_ENTITY (visit))));
      gtk_string_list_append (items, text);
    }
  e->visit = editor_combo (group, _("Visit"), "visit-row", items, visit_selected);
  adw_combo_row_set_use_subtitle (e->visit, FALSE);

  items = gtk_string_list_new (NULL);
  for (guint i = 0; i < mt_tour_get_n_days (self->tour); i++)
    {
      g_autofree char *date = mt_itinerary_day_date (self->tour, i);
      g_autofree char *text = g_strdup_printf (_("Day %u · %s"), i + 1, date);

      gtk_string_list_append (items, text);
    }
  if (interview != NULL && mt_interview_get_start (interview) != MT_TIME_UNSET)
    {
      int day = mt_tour_get_day_index (self->tour, mt_interview_get_start (interview));

      if (day >= 0 && day < (int) mt_tour_get_n_days (self->tour))
        day_selected = day;
      from = mt_page_format_time (mt_interview_get_start (interview));
      to = mt_page_format_time (mt_interview_get_end (interview));
    }
  e->day = editor_combo (group, _("Day"), "day-row", items, day_selected);
  e->start = editor_entry (group, _("Start (hh:mm)"), "start-row", from ? from : "10:00");
  e->end = editor_entry (group, _("End (hh:mm)"), "end-row", to ? to : "10:30");
  row = adw_action_row_new ();
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_name (row, "time-message");
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
  e->time_message = ADW_ACTION_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  e->location = editor_entry (group, _("Location"), "location-row",
                              interview ? mt_interview_get_location (interview) : NULL);
  e->language = editor_entry (group, _("Language"), "language-row",
                              interview ? mt_interview_get_language (interview) : NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Interpreter needed"));
  e->interpreter = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (e->interpreter), GTK_ALIGN_CENTER);
  gtk_switch_set_active (e->interpreter, interview != NULL && mt_interview_get_interpreter (interview));
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->interpreter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Interpreter needed"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (e->interpreter));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (e->interpreter));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  /* free slots */
  group = editor_group (page, _("Propose Free Slots"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Times in the visit (or the day) when the chosen delegates and the interviewee are free"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Length in minutes"));
  e->length = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (5, 240, 5));
  gtk_spin_button_set_value (e->length, 30);
  gtk_widget_set_valign (GTK_WIDGET (e->length), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->length), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Length in minutes"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (e->length));
  button = gtk_button_new_with_mnemonic (_("_Propose"));
  gtk_widget_set_name (button, "propose-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_propose_clicked), e);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  e->slots_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (e->slots_message, 0);
  gtk_label_set_wrap (e->slots_message, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (e->slots_message), 6);
  gtk_widget_add_css_class (GTK_WIDGET (e->slots_message), "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (e->slots_message));
  e->slots_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_widget_set_name (GTK_WIDGET (e->slots_box), "slots-box");
  gtk_flow_box_set_selection_mode (e->slots_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (e->slots_box, 4);
  gtk_flow_box_set_row_spacing (e->slots_box, 6);
  gtk_flow_box_set_column_spacing (e->slots_box, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (e->slots_box));

  /* delegates */
  group = editor_group (page, _("Delegates"));
  search = gtk_search_entry_new ();
  gtk_widget_set_name (search, "delegate-search");
  g_object_set (search, "placeholder-text", _("Search delegates"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search delegates"), -1);
  gtk_widget_set_margin_bottom (search, 6);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_delegate_search_changed), e);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), search);
  e->delegates_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (e->delegates_list), "delegates-list");
  gtk_list_box_set_selection_mode (e->delegates_list, GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (e->delegates_list, filter_delegate_row, e, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->delegates_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delegates"), -1);
  fill_delegates (e);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (e->delegates_list));
  gtk_widget_add_css_class (scroller, "card");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scroller);

  group = editor_group (page, NULL);
  e->notes = editor_entry (group, _("Notes"), "notes-row", interview ? mt_interview_get_notes (interview) : NULL);
  if (interview != NULL)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Interview"));

      gtk_widget_set_name (delete, "delete-button");
      gtk_widget_set_halign (delete, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (delete, 12);
      gtk_widget_add_css_class (delete, "destructive-action");
      gtk_widget_add_css_class (delete, "pill");
      g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_editor_delete), e);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), delete);
    }

  g_signal_connect_swapped (e->interviewee, "changed", G_CALLBACK (editor_validate), e);
  g_signal_connect_swapped (e->start, "changed", G_CALLBACK (editor_validate), e);
  g_signal_connect_swapped (e->end, "changed", G_CALLBACK (editor_validate), e);
  editor_validate (e);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (e->window);
  gtk_widget_grab_focus (GTK_WIDGET (e->interviewee));
  return e->window;
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
  label = g_strdup_printf (_("Delete interview with %s"), nonnull (mt_interview_get_interviewee (interview)));
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

void
mt_interviews_page_set_tour (MtInterviewsPage *self,
                             MtTour           *tour)
{
  g_return_if_fail (MT_IS_INTERVIEWS_PAGE (self));
  g_return_if_fail (tour == NULL || MT_IS_TOUR (tour));

  if (self->tour == tour)
    return;
  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_data (self->tour, self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_set_object (&self->tour, tour);
  if (tour != NULL)
    g_signal_connect_object (tour, "changed", G_CALLBACK (on_tour_changed), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filter_model, tour != NULL ? mt_tour_get_interviews (tour) : NULL);
  rebuild_day_filter (self);
  refresh_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUR]);
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

gboolean
mt_interviews_page_reveal (MtInterviewsPage *self,
                           const char       *id)
{
  MtInterview *interview;
  guint position;

  g_return_val_if_fail (MT_IS_INTERVIEWS_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

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
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return TRUE;
}

/* --- GObject ---------------------------------------------------------------- */

static void
mt_interviews_page_dispose (GObject *object)
{
  MtInterviewsPage *self = MT_INTERVIEWS_PAGE (object);

  mt_interviews_page_set_tour (self, NULL);
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

static void
mt_interviews_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MtInterviewsPage *self = MT_INTERVIEWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      g_value_set_object (value, self->tour);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_interviews_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MtInterviewsPage *self = MT_INTERVIEWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      mt_interviews_page_set_tour (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_interviews_page_class_init (MtInterviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_interviews_page_dispose;
  object_class->finalize = mt_interviews_page_finalize;
  object_class->get_property = mt_interviews_page_get_property;
  object_class->set_property = mt_interviews_page_set_property;

  properties[PROP_TOUR] =
    g_param_spec_object ("tour", NULL, NULL, MT_TYPE_TOUR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MtInterviewsPage::item-activated:
   * @id: the id of the visit of an interview, from its Visit cell
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "interviews.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "interviews.delete", NULL, delete_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "interviews.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "interviews.add", NULL);

  (void) mt_gui_b_get_resource ();
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
