/* mt-visit-editor.c: the dialog that adds or edits a visit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-visit-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-board-resources.h"
#include "mt-itinerary-model.h"
#include "mt-visit-editor.h"

#define N_VISIT_KINDS (MT_VISIT_FREE_TIME + 1)
#define N_VISIT_STATUSES (MT_VISIT_CANCELLED + 1)

struct _MtVisitEditor
{
  AdwWindow      parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *title_row;
  AdwComboRow    *kind_row;
  AdwActionRow   *site_row;
  GtkDropDown    *site_dropdown;
  GtkMenuButton  *new_site_button;
  GtkPopover     *new_site_popover;
  GtkEntry       *new_site_entry;
  GtkDropDown    *new_site_city;
  AdwComboRow    *day_row;
  AdwActionRow   *start_row;
  GtkEntry       *start_entry;
  AdwActionRow   *end_row;
  GtkEntry       *end_entry;
  AdwComboRow    *status_row;
  AdwPreferencesGroup *groups_group;
  AdwActionRow   *whole_row;
  GtkSwitch      *whole_switch;
  GtkTextView    *notes_view;

  /* owned */
  MtTour         *tour;
  MtVisit        *visit;        /* NULL until a new visit is saved */
  MtVisit        *opened;       /* a copy of the visit as the editor opened it */
  GListStore     *new_sites;    /* sites made here, added on Save */
  GListModel     *sites;        /* the tour's and the new ones, sorted */
  GPtrArray      *group_checks; /* GtkCheckButton, the group id in its data;
                                 * unticked while the whole delegation goes */
  int             start_minutes;
  int             end_minutes;
};

G_DEFINE_FINAL_TYPE (MtVisitEditor, mt_visit_editor, ADW_TYPE_WINDOW)

/* Validation */

static void
set_row_error (AdwActionRow *row,
               GtkWidget    *entry,
               const char   *error)
{
  adw_action_row_set_subtitle (row, error ? error : "");
  if (error != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static gboolean
any_group_checked (MtVisitEditor *self)
{
  for (guint i = 0; i < self->group_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->group_checks, i)))
      return TRUE;
  return FALSE;
}

/* The whole delegation, or the groups ticked: a visit for the whole
 * delegation lists no group, so that a group added later goes too. */
static gboolean
validate_groups (MtVisitEditor *self)
{
  gboolean whole = gtk_switch_get_active (self->whole_switch);
  gboolean ok = whole || any_group_checked (self);

  adw_action_row_set_subtitle (self->whole_row,
                               whole ? _("Every group, and any group added later")
                               : ok ? _("Only the groups ticked below")
                               : _("Tick a group below, or turn this on"));
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->whole_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->whole_row), "error");
  return ok;
}

static gboolean
validate (MtVisitEditor *self)
{
  const char *start_text = gtk_editable_get_text (GTK_EDITABLE (self->start_entry));
  const char *end_text = gtk_editable_get_text (GTK_EDITABLE (self->end_entry));
  gboolean start_ok, end_ok, order_ok = TRUE, groups_ok;

  start_ok = mt_itinerary_parse_clock (start_text, FALSE, &self->start_minutes);
  end_ok = mt_itinerary_parse_clock (end_text, TRUE, &self->end_minutes);
  set_row_error (self->start_row, GTK_WIDGET (self->start_entry),
                 start_ok ? NULL : _("Type a time such as 09:30"));

  if (end_ok && start_ok && self->end_minutes < self->start_minutes)
    order_ok = FALSE;
  set_row_error (self->end_row, GTK_WIDGET (self->end_entry),
                 !end_ok ? _("Type a time such as 10:30")
                 : !order_ok ? _("Ends before it starts")
                 : NULL);

  groups_ok = validate_groups (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", start_ok && end_ok && order_ok && groups_ok);
  return start_ok && end_ok && order_ok && groups_ok;
}

static void
on_whole_changed (MtVisitEditor *self)
{
  gboolean whole = gtk_switch_get_active (self->whole_switch);

  for (guint i = 0; i < self->group_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->group_checks, i);

      if (whole)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
      gtk_widget_set_sensitive (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW), !whole);
    }
  validate (self);
}

/* Sites */

static char *
site_label (MtSite        *site,
            MtVisitEditor *self)
{
  MtCity *city = NULL;

  if (site == NULL)
    return g_strdup ("");
  if (mt_site_get_city (site) != NULL)
    city = mt_tour_lookup_kind (self->tour, MT_ENTITY_CITY, mt_site_get_city (site));
  if (city != NULL && mt_city_get_name (city) != NULL)
    return g_strdup_printf ("%s · %s", mt_site_get_name (site) ? mt_site_get_name (site) : "",
                            mt_city_get_name (city));
  return g_strdup (mt_site_get_name (site) ? mt_site_get_name (site) : "");
}

static char *
city_label (MtCity *city)
{
  return g_strdup (city && mt_city_get_name (city) ? mt_city_get_name (city) : "");
}

static void
select_site (MtVisitEditor *self,
             const char    *site_id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0, n = g_list_model_get_n_items (self->sites); site_id && i < n; i++)
    {
      g_autoptr(MtSite) site = g_list_model_get_item (self->sites, i);

      if (g_strcmp0 (mt_entity_get_id (MT_ENTITY (site)), site_id) == 0)
        {
          position = i;
          break;
        }
    }
  gtk_drop_down_set_selected (self->site_dropdown, position);
}

static void
on_new_site_activate (MtVisitEditor *self)
{
  g_autoptr(MtSite) site = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_site_entry))));
  MtCity *city = gtk_drop_down_get_selected_item (self->new_site_city);

  if (*name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_site_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->new_site_entry));
      return;
    }

  site = mt_site_new (NULL);
  mt_site_set_name (site, name);
  if (city != NULL)
    mt_site_set_city (site, mt_entity_get_id (MT_ENTITY (city)));
  g_list_store_append (self->new_sites, site);
  select_site (self, mt_entity_get_id (MT_ENTITY (site)));

  gtk_editable_set_text (GTK_EDITABLE (self->new_site_entry), "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_site_entry), "error");
  gtk_popover_popdown (self->new_site_popover);
}

static void
setup_sites (MtVisitEditor *self)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkExpression *expression;
  GtkSorter *sorter;
  GtkFlattenListModel *all;

  g_list_store_append (parts, mt_tour_get_sites (self->tour));
  g_list_store_append (parts, self->new_sites);
  all = gtk_flatten_list_model_new (G_LIST_MODEL (parts));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (site_label), self, NULL);
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_expression_ref (expression)));
  self->sites = G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (all), sorter));
  gtk_drop_down_set_expression (self->site_dropdown, expression);
  gtk_drop_down_set_model (self->site_dropdown, self->sites);
  gtk_expression_unref (expression);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (city_label), NULL, NULL);
  gtk_drop_down_set_expression (self->new_site_city, expression);
  gtk_drop_down_set_model (self->new_site_city, mt_tour_get_cities (self->tour));
  gtk_expression_unref (expression);
}

/* Fields */

static GtkStringList *
day_list (MtTour *tour)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint d = 0; d < mt_tour_get_n_days (tour); d++)
    {
      g_autofree char *title = mt_itinerary_day_title (d);
      g_autofree char *date = mt_itinerary_day_date (tour, d);
      /* Translators: a day in the visit editor, "Day 1 · Tuesday, 14 May" */
      g_autofree char *label = g_strdup_printf (_("%s · %s"), title, date);

      gtk_string_list_append (list, label);
    }
  return list;
}

static void
setup_groups (MtVisitEditor *self,
              MtVisit       *visit)
{
  GListModel *groups = mt_tour_get_groups (self->tour);
  gboolean whole = visit == NULL || mt_visit_get_groups (visit) == NULL;

  for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
    {
      g_autoptr(MtGroup) group = g_list_model_get_item (groups, i);
      const char *id = mt_entity_get_id (MT_ENTITY (group));
      g_autofree char *class = mt_itinerary_group_class (id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *dot = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mt_group_get_name (group));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_add_css_class (dot, "group-dot");
      gtk_widget_add_css_class (dot, class);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !whole && mt_visit_has_group (visit, id));
      g_signal_connect_object (check, "toggled", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "group-id", g_strdup (id), g_free);
      adw_preferences_group_add (self->groups_group, row);
      g_ptr_array_add (self->group_checks, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->groups_group), self->group_checks->len > 0);
  gtk_switch_set_active (self->whole_switch, whole);
  on_whole_changed (self);
}

static void
fill (MtVisitEditor *self,
      MtVisit       *visit,
      int            day_index)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) days = day_list (self->tour);
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  gint64 start, end;

  for (int k = 0; k < N_VISIT_KINDS; k++)
    gtk_string_list_append (kinds, mt_itinerary_visit_kind_label (k));
  for (int s = 0; s < N_VISIT_STATUSES; s++)
    gtk_string_list_append (statuses, mt_itinerary_visit_status_label (s));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->day_row, G_LIST_MODEL (days));

  if (visit != NULL)
    {
      start = mt_visit_get_start (visit);
      end = mt_visit_get_end (visit);
      day_index = mt_tour_get_day_index (self->tour, start);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), mt_visit_get_title (visit) ? mt_visit_get_title (visit) : "");
      adw_combo_row_set_selected (self->kind_row, mt_visit_get_visit_kind (visit));
      adw_combo_row_set_selected (self->status_row, mt_visit_get_status (visit));
      select_site (self, mt_visit_get_site (visit));
      if (mt_visit_get_notes (visit) != NULL)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), mt_visit_get_notes (visit), -1);
      adw_window_title_set_title (self->window_title, _("Edit Visit"));
      adw_window_title_set_subtitle (self->window_title, mt_visit_get_title (visit) ? mt_visit_get_title (visit) : "");
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Visit"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  else
    {
      day_index = CLAMP (day_index, 0, (int) mt_tour_get_n_days (self->tour) - 1);
      /* the first free hour of the day */
      start = mt_itinerary_free_start (self->tour, day_index, 3600);
      end = start + 3600;
      adw_combo_row_set_selected (self->kind_row, MT_VISIT_VISIT);
      adw_combo_row_set_selected (self->status_row, MT_VISIT_TENTATIVE);
      gtk_drop_down_set_selected (self->site_dropdown, GTK_INVALID_LIST_POSITION);
      adw_window_title_set_title (self->window_title, _("New Visit"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Visit"));
      gtk_button_set_label (self->save_button, _("_Add"));
    }

  /* a visit outside the tour's days keeps its place; the day row shows none */
  if (day_index >= 0 && day_index < (int) mt_tour_get_n_days (self->tour))
    adw_combo_row_set_selected (self->day_row, day_index);
  else
    adw_combo_row_set_selected (self->day_row, GTK_INVALID_LIST_POSITION);

  start_text = mt_itinerary_format_clock (start);
  /* an end at midnight reads 24:00 */
  if (end != MT_TIME_UNSET && end > start && mt_wall_time_day_start (end) > mt_wall_time_day_start (start)
      && end == mt_wall_time_day_start (end))
    end_text = g_strdup ("24:00");
  else
    end_text = mt_itinerary_format_clock (end);
  gtk_editable_set_text (GTK_EDITABLE (self->start_entry), start_text);
  gtk_editable_set_text (GTK_EDITABLE (self->end_entry), end_text);

  setup_groups (self, visit);
}

static char **
checked_groups (MtVisitEditor *self)
{
  GStrvBuilder *builder;
  char **groups;

  if (gtk_switch_get_active (self->whole_switch))
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->group_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->group_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "group-id"));
    }
  groups = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return groups;
}

/* the same groups, in whatever order */
static gboolean
same_groups (const char * const *a,
             const char * const *b)
{
  guint na = a != NULL ? g_strv_length ((char **) a) : 0;
  guint nb = b != NULL ? g_strv_length ((char **) b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MtVisitEditor *self = MT_VISIT_EDITOR (widget);
  MtHistory *history = mt_tour_get_history (self->tour);
  g_autoptr(MtVisit) added = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *label = NULL;
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter begin, end_iter;
  MtSite *site;
  const char *title;
  gint64 day_start, start, end;
  guint day;

  if (!validate (self))
    return;

  day = adw_combo_row_get_selected (self->day_row);
  if (day != GTK_INVALID_LIST_POSITION)
    day_start = mt_tour_get_day_start (self->tour, day);
  else if (self->visit != NULL)
    day_start = mt_wall_time_day_start (mt_visit_get_start (self->visit));
  else
    day_start = mt_tour_get_day_start (self->tour, 0);
  start = day_start + self->start_minutes * 60;
  end = day_start + self->end_minutes * 60;

  title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &begin, &end_iter);
  notes = gtk_text_buffer_get_text (buffer, &begin, &end_iter, FALSE);
  groups = checked_groups (self);
  site = gtk_drop_down_get_selected_item (self->site_dropdown);

  if (self->visit == NULL)
    /* Translators: an undoable step, “%s” is a visit's title */
    label = g_strdup_printf (_("Add “%s”"), *title ? title : _("Untitled visit"));
  else
    /* Translators: an undoable step, “%s” is a visit's title */
    label = g_strdup_printf (_("Edit “%s”"), *title ? title : _("Untitled visit"));

  mt_history_begin (history, label);

  if (site != NULL && mt_entity_get_tour (MT_ENTITY (site)) == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!mt_tour_add (self->tour, MT_ENTITY (site), &error))
        g_critical ("Could not add the new site: %s", error->message);
    }

  if (self->visit == NULL)
    {
      added = mt_visit_new (NULL);
      mt_visit_set_start (added, start);
      self->visit = g_object_ref (added);
    }
  else if (mt_visit_get_start (self->opened) != start && mt_visit_get_start (self->visit) != start)
    {
      /* the visit's interviews move with it */
      mt_tour_move_visit (self->tour, self->visit, start);
    }

  /* Only what was changed here: what another organiser changed while the
   * editor was open (a sync) stays. A new visit takes everything. */
#define CHANGED(getter, value) (added != NULL || getter (self->opened) != (value))
#define CHANGED_STR(getter, value) (added != NULL || g_strcmp0 (getter (self->opened), (value)) != 0)
  if (CHANGED_STR (mt_visit_get_title, *title ? title : NULL))
    mt_visit_set_title (self->visit, *title ? title : NULL);
  if (CHANGED (mt_visit_get_visit_kind, adw_combo_row_get_selected (self->kind_row)))
    mt_visit_set_visit_kind (self->visit, adw_combo_row_get_selected (self->kind_row));
  if (CHANGED (mt_visit_get_status, adw_combo_row_get_selected (self->status_row)))
    mt_visit_set_status (self->visit, adw_combo_row_get_selected (self->status_row));
  if (CHANGED_STR (mt_visit_get_site, site ? mt_entity_get_id (MT_ENTITY (site)) : NULL))
    mt_visit_set_site (self->visit, site ? mt_entity_get_id (MT_ENTITY (site)) : NULL);
  if (CHANGED (mt_visit_get_start, start) || CHANGED (mt_visit_get_end, end))
    mt_visit_set_end (self->visit, end);
  if (added != NULL || !same_groups (mt_visit_get_groups (self->opened), (const char * const *) groups))
    mt_visit_set_groups (self->visit, (const char * const *) groups);
  if (CHANGED_STR (mt_visit_get_notes, *notes ? notes : NULL))
    mt_visit_set_notes (self->visit, *notes ? notes : NULL);
#undef CHANGED
#undef CHANGED_STR

  if (added != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!mt_tour_add (self->tour, MT_ENTITY (added), &error))
        g_critical ("Could not add the visit: %s", error->message);
    }

  mt_history_end (history);
  gtk_window_close (GTK_WINDOW (self));
}

static void
mt_visit_editor_dispose (GObject *object)
{
  MtVisitEditor *self = MT_VISIT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_VISIT_EDITOR);
  g_clear_object (&self->sites);
  g_clear_object (&self->new_sites);
  g_clear_object (&self->visit);
  g_clear_object (&self->opened);
  g_clear_object (&self->tour);
  g_clear_pointer (&self->group_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (mt_visit_editor_parent_class)->dispose (object);
}

static void
mt_visit_editor_class_init (MtVisitEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_visit_editor_dispose;

  (void) mt_board_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-visit-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, site_row);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, site_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, new_site_button);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, new_site_popover);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, new_site_entry);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, new_site_city);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, day_row);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, end_entry);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, groups_group);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, whole_row);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, whole_switch);
  gtk_widget_class_bind_template_child (widget_class, MtVisitEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_new_site_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_whole_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
mt_visit_editor_init (MtVisitEditor *self)
{
  self->new_sites = g_list_store_new (MT_TYPE_SITE);
  self->group_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->site_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Site"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Starts"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->end_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ends"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_site_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Site…"), -1);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

GtkWidget *
mt_visit_editor_new (MtTour  *tour,
                     MtVisit *visit,
                     int      day_index)
{
  MtVisitEditor *self;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (visit == NULL || MT_IS_VISIT (visit), NULL);

  self = g_object_new (MT_TYPE_VISIT_EDITOR, NULL);
  self->tour = g_object_ref (tour);
  self->visit = visit ? g_object_ref (visit) : NULL;
  self->opened = visit ? MT_VISIT (mt_entity_copy (MT_ENTITY (visit), NULL)) : NULL;
  setup_sites (self);
  fill (self, visit, day_index);
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return GTK_WIDGET (self);
}

MtVisit *
mt_visit_editor_get_visit (MtVisitEditor *self)
{
  g_return_val_if_fail (MT_IS_VISIT_EDITOR (self), NULL);
  return self->visit;
}

gboolean
mt_visit_editor_can_save (MtVisitEditor *self)
{
  g_return_val_if_fail (MT_IS_VISIT_EDITOR (self), FALSE);
  return gtk_widget_is_sensitive (GTK_WIDGET (self->save_button))
         && validate (self);
}
