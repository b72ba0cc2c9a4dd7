/* mt-problems-panel.c: the checker's problems, by day, with one-click fixes
 *
 * The panel owns an MtChecker for its tour. After each change of the tour it
 * waits a moment (edits come in bursts: a drag, an editor's Save) and then
 * re-checks only the days the edits touched, so typing never waits for the
 * checker. The list is a one-column GtkGridView over the checker's problem model, so
 * only the rows in view exist, with a header above the first problem of each
 * day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-problems-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-problems-resources.h"
#include "mt-itinerary-model.h"
#include "mt-problems-panel.h"

#define RECHECK_DELAY_MS 150

struct _MtProblemsPanel
{
  AdwBin      parent_instance;

  /* template children */
  GtkLabel   *summary_label;
  GtkLabel   *errors_label;
  GtkButton  *fix_all_button;
  GtkStack   *stack;
  GtkGridView *list_view;        /* one column; see the .ui file */

  /* owned */
  MtTour     *tour;
  MtChecker  *checker;
  GtkSingleSelection *selection;  /* of the checker's problems */
  GSettings  *settings;
  guint       recheck_id;
  guint       headers_id;
  GHashTable *bound_items;        /* the GtkListItems bound to a problem */
  gboolean    needs_full_check;   /* nothing checked yet since set_tour */
  guint       n_problems;
  guint       n_errors;
};

static void mt_problems_panel_tour_view_init (MtTourViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MtProblemsPanel, mt_problems_panel, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MT_TYPE_TOUR_VIEW, mt_problems_panel_tour_view_init))

enum {
  PROP_0,
  PROP_N_PROBLEMS,
  PROP_N_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *checker_keys[] = {
  "travel-speed-kmh",
  "road-factor",
  "min-transfer-minutes",
  "daily-limit-minutes",
  "meal-break-after-minutes",
};

static GSettings *
dup_app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static const char *
severity_icon (MtSeverity severity)
{
  switch (severity)
    {
    case MT_SEVERITY_ERROR: return "dialog-error-symbolic";
    case MT_SEVERITY_WARNING: return "dialog-warning-symbolic";
    case MT_SEVERITY_HINT:
    default: return "dialog-information-symbolic";
    }
}

static const char *
severity_label (MtSeverity severity)
{
  switch (severity)
    {
    case MT_SEVERITY_ERROR: return _("Error");
    case MT_SEVERITY_WARNING: return _("Warning");
    case MT_SEVERITY_HINT:
    default: return _("Hint");
    }
}

static const char *
severity_class (MtSeverity severity)
{
  switch (severity)
    {
    case MT_SEVERITY_ERROR: return "error";
    case MT_SEVERITY_WARNING: return "warning";
    case MT_SEVERITY_HINT:
    default: return "dim-label";
    }
}

static void
update_counts (MtProblemsPanel *self)
{
  guint n_problems = 0, n_errors = 0, n_fixable = 0;

  if (self->checker != NULL)
    {
      GListModel *problems = mt_checker_get_problems (self->checker);

      n_problems = g_list_model_get_n_items (problems);
      n_errors = mt_checker_count (self->checker, MT_SEVERITY_ERROR);
      for (guint i = 0; i < n_problems; i++)
        {
          g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);

          n_fixable += mt_problem_has_fix (problem);
        }
    }

  gtk_stack_set_visible_child_name (self->stack, n_problems > 0 ? "list" : "empty");
  /* only when there is something it can fix */
  gtk_widget_set_visible (GTK_WIDGET (self->fix_all_button), n_fixable > 0);

  if (n_problems == 0)
    gtk_label_set_label (self->summary_label, _("Problems"));
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u Problem", "%u Problems", n_problems), n_problems);

      gtk_label_set_label (self->summary_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), n_errors > 0);
  if (n_errors > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);

      gtk_label_set_label (self->errors_label, text);
    }

  if (self->n_problems != n_problems)
    {
      self->n_problems = n_problems;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
    }
  if (self->n_errors != n_errors)
    {
      self->n_errors = n_errors;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
    }
}

static gboolean refresh_headers_cb (gpointer data);

static void
on_problems_changed (MtProblemsPanel *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  update_counts (self);
  /* the headers depend on the neighbours */
  if (self->headers_id == 0)
    self->headers_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_headers_cb, self, NULL);
}

static gboolean
recheck_cb (gpointer data)
{
  MtProblemsPanel *self = data;

  self->recheck_id = 0;
  if (self->checker != NULL)
    {
      if (self->needs_full_check)
        mt_checker_check (self->checker);
      else
        mt_checker_update (self->checker);
      self->needs_full_check = FALSE;
    }
  update_counts (self);
  return G_SOURCE_REMOVE;
}

/* The first check of a tour waits until the window has painted its first
 * frame: on a large tour it takes a while, and nothing on screen needs it
 * before then. */
static void
on_first_after_paint (GdkFrameClock   *clock,
                      MtProblemsPanel *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_after_paint, self);
  if (self->needs_full_check && self->recheck_id == 0)
    self->recheck_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, recheck_cb, self, NULL);
}

static void
on_native_realized (GtkWidget       *native,
                    MtProblemsPanel *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (native);

  g_signal_handlers_disconnect_by_func (native, on_native_realized, self);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_after_paint), self, 0);
  else if (self->recheck_id == 0)
    self->recheck_id = g_idle_add_full (G_PRIORITY_LOW, recheck_cb, self, NULL);
}

static void
schedule_first_check (MtProblemsPanel *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

  self->needs_full_check = TRUE;
  if (native == NULL)
    self->recheck_id = g_idle_add_full (G_PRIORITY_LOW, recheck_cb, self, NULL);
  else if (gtk_widget_get_realized (GTK_WIDGET (native)))
    on_native_realized (GTK_WIDGET (native), self);
  else
    g_signal_connect_object (native, "realize", G_CALLBACK (on_native_realized), self, 0);
}

static void
schedule_recheck (MtProblemsPanel *self)
{
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  self->recheck_id = g_timeout_add (RECHECK_DELAY_MS, recheck_cb, self);
}

static void
on_tour_changed (MtProblemsPanel *self,
                 MtEntity        *entity,
                 MtTour          *tour)
{
  schedule_recheck (self);
}

static void
on_fix_clicked (GtkButton *button,
                gpointer   data)
{
  MtProblemsPanel *self = data;
  MtProblem *bound = g_object_get_data (G_OBJECT (button), "problem");
  g_autoptr(MtProblem) problem = NULL;

  if (self->tour == NULL || bound == NULL)
    return;
  problem = g_object_ref (bound);
  if (!mt_problem_apply_fix (problem, self->tour))
    g_debug ("The fix “%s” could not be applied", mt_problem_get_fix_label (problem));
  mt_problems_panel_recheck_now (self);
}

static void
on_fix_all_clicked (MtProblemsPanel *self)
{
  if (self->checker == NULL)
    return;
  mt_checker_fix_all (self->checker, NULL);
  mt_problems_panel_recheck_now (self);
}

/* Rows come from a list item factory, so only the problems in view have
 * widgets. Each row carries its own day header, shown when the problem above
 * it is of another day; the rows in view re-check that after each change of
 * the list, since a change can make a row the first of its day. */

static GtkWidget *
row_part (GtkWidget  *row,
          const char *part)
{
  return g_object_get_data (G_OBJECT (row), part);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MtProblemsPanel          *self)
{
  GtkWidget *row, *header, *box, *icon, *label, *button;

  row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_visible (header, FALSE);
  gtk_box_append (GTK_BOX (row), header);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (row), box);

  icon = gtk_image_new ();
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), icon);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* a floor under the narrowest width a measure may try: without it a
   * message may be laid out a character per line first, which took over
   * half a second for a dozen rows */
  gtk_label_set_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new_with_label (_("Fix"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "fix-button");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_fix_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  g_object_set_data (G_OBJECT (row), "header", header);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "label", label);
  g_object_set_data (G_OBJECT (row), "button", button);
  gtk_list_item_set_child (item, row);
}

static void
update_row_header (MtProblemsPanel *self,
                   GtkListItem     *item)
{
  GtkWidget *header = row_part (gtk_list_item_get_child (item), "header");
  MtProblem *problem = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(MtProblem) previous = NULL;
  g_autofree char *title = NULL;
  int day;

  if (problem == NULL || self->checker == NULL || position == GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_set_visible (header, FALSE);
      return;
    }
  day = mt_problem_get_day (problem);
  if (position > 0)
    previous = g_list_model_get_item (mt_checker_get_problems (self->checker), position - 1);
  if (previous != NULL && mt_problem_get_day (previous) == day)
    {
      gtk_widget_set_visible (header, FALSE);
      return;
    }

  if (day == MT_PROBLEM_NO_DAY)
    title = g_strdup (_("Whole tour"));
  else
    {
      g_autofree char *date = mt_itinerary_day_date (self->tour, day);

      /* Translators: a header in the problems list, "Day 3 · Thursday, 16 May" */
      title = g_strdup_printf (_("Day %d · %s"), day + 1, date);
    }
  gtk_label_set_label (GTK_LABEL (header), title);
  gtk_widget_set_margin_top (header, position > 0 ? 12 : 6);
  gtk_widget_set_visible (header, TRUE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          MtProblemsPanel          *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  MtProblem *problem = gtk_list_item_get_item (item);
  MtSeverity severity = mt_problem_get_severity (problem);
  GtkWidget *icon = row_part (row, "icon");
  GtkWidget *button = row_part (row, "button");

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity_icon (severity));
  gtk_widget_set_css_classes (icon, (const char *[]) { severity_class (severity), NULL });
  gtk_widget_set_tooltip_text (icon, severity_label (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, severity_label (severity),
                                  -1);
  gtk_label_set_label (GTK_LABEL (row_part (row, "label")), mt_problem_get_message (problem));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mt_problem_get_message (problem),
                                  -1);

  gtk_widget_set_visible (button, mt_problem_has_fix (problem));
  if (mt_problem_has_fix (problem))
    {
      const char *fix_label = mt_problem_get_fix_label (problem);

      gtk_widget_set_tooltip_text (button, fix_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, fix_label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "problem", g_object_ref (problem), g_object_unref);
    }

  update_row_header (self, item);
  g_hash_table_add (self->bound_items, item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MtProblemsPanel          *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (row_part (row, "button")), "problem", NULL);
  g_hash_table_remove (self->bound_items, item);
}

static gboolean
refresh_headers_cb (gpointer data)
{
  MtProblemsPanel *self = data;
  GHashTableIter iter;
  gpointer item;

  self->headers_id = 0;
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_row_header (self, item);
  return G_SOURCE_REMOVE;
}

static void
on_row_activated (MtProblemsPanel *self,
                  guint            position,
                  GtkGridView     *list_view)
{
  g_autoptr(MtProblem) problem = NULL;
  const char * const *ids;

  if (self->checker == NULL)
    return;
  problem = g_list_model_get_item (mt_checker_get_problems (self->checker), position);
  if (problem == NULL)
    return;
  ids = mt_problem_get_ids (problem);
  if (ids != NULL && ids[0] != NULL)
    mt_tour_view_item_activated (MT_TOUR_VIEW (self), ids[0]);
}

static void
bind_checker_settings (MtProblemsPanel *self)
{
  if (self->settings == NULL)
    self->settings = dup_app_settings ();
  if (self->settings == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (checker_keys); i++)
    g_settings_bind (self->settings, checker_keys[i], self->checker, checker_keys[i], G_SETTINGS_BIND_GET);
}

/* The list gets its model when the panel is first shown: the panel starts
 * hidden, and a list of problems nobody sees need not make rows. */
static void
attach_list (MtProblemsPanel *self)
{
  if (self->selection != NULL &&
      gtk_grid_view_get_model (self->list_view) != GTK_SELECTION_MODEL (self->selection))
    gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
mt_problems_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mt_problems_panel_parent_class)->map (widget);
  attach_list (MT_PROBLEMS_PANEL (widget));
}

static void
mt_problems_panel_set_tour (MtTourView *view,
                            MtTour     *tour)
{
  MtProblemsPanel *self = MT_PROBLEMS_PANEL (view);

  if (self->tour == tour)
    return;

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  g_clear_handle_id (&self->headers_id, g_source_remove);
  gtk_grid_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  self->needs_full_check = FALSE;
  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_data (self->tour, self);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (mt_checker_get_problems (self->checker), self);
  g_clear_object (&self->checker);
  g_set_object (&self->tour, tour);

  if (tour != NULL)
    {
      self->checker = mt_checker_new (tour);
      bind_checker_settings (self);
      g_signal_connect_object (tour, "changed", G_CALLBACK (on_tour_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (mt_checker_get_problems (self->checker), "items-changed",
                               G_CALLBACK (on_problems_changed), self, G_CONNECT_SWAPPED);
      self->selection = gtk_single_selection_new (g_object_ref (mt_checker_get_problems (self->checker)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        attach_list (self);
      schedule_first_check (self);
    }

  update_counts (self);
}

MtTour *
mt_problems_panel_get_tour (MtProblemsPanel *self)
{
  g_return_val_if_fail (MT_IS_PROBLEMS_PANEL (self), NULL);
  return self->tour;
}

MtChecker *
mt_problems_panel_get_checker (MtProblemsPanel *self)
{
  g_return_val_if_fail (MT_IS_PROBLEMS_PANEL (self), NULL);
  return self->checker;
}

guint
mt_problems_panel_get_n_problems (MtProblemsPanel *self)
{
  g_return_val_if_fail (MT_IS_PROBLEMS_PANEL (self), 0);
  return self->n_problems;
}

guint
mt_problems_panel_get_n_errors (MtProblemsPanel *self)
{
  g_return_val_if_fail (MT_IS_PROBLEMS_PANEL (self), 0);
  return self->n_errors;
}

void
mt_problems_panel_recheck_now (MtProblemsPanel *self)
{
  g_return_if_fail (MT_IS_PROBLEMS_PANEL (self));

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  recheck_cb (self);
}

static gboolean
mt_problems_panel_reveal (MtTourView *view,
                          const char *id)
{
  MtProblemsPanel *self = MT_PROBLEMS_PANEL (view);
  GListModel *problems;
  guint n;

  if (self->checker == NULL)
    return FALSE;
  problems = mt_checker_get_problems (self->checker);
  n = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);
      const char * const *ids = mt_problem_get_ids (problem);

      if (ids != NULL && g_strv_contains (ids, id))
        {
          attach_list (self);
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
          return TRUE;
        }
    }
  return FALSE;
}

static void
mt_problems_panel_dispose (GObject *object)
{
  MtProblemsPanel *self = MT_PROBLEMS_PANEL (object);

  mt_problems_panel_set_tour (MT_TOUR_VIEW (self), NULL);
  g_clear_handle_id (&self->headers_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_PROBLEMS_PANEL);
  G_OBJECT_CLASS (mt_problems_panel_parent_class)->dispose (object);
}

static void
mt_problems_panel_finalize (GObject *object)
{
  MtProblemsPanel *self = MT_PROBLEMS_PANEL (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  G_OBJECT_CLASS (mt_problems_panel_parent_class)->finalize (object);
}

static void
mt_problems_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MtProblemsPanel *self = MT_PROBLEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_problems);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static MtTour *
mt_problems_panel_view_get_tour (MtTourView *view)
{
  return mt_problems_panel_get_tour (MT_PROBLEMS_PANEL (view));
}

static void
mt_problems_panel_tour_view_init (MtTourViewInterface *iface)
{
  iface->get_tour = mt_problems_panel_view_get_tour;
  iface->set_tour = mt_problems_panel_set_tour;
  iface->reveal = mt_problems_panel_reveal;
}

static void
mt_problems_panel_class_init (MtProblemsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_problems_panel_dispose;
  object_class->finalize = mt_problems_panel_finalize;
  widget_class->map = mt_problems_panel_map;
  object_class->get_property = mt_problems_panel_get_property;

  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  (void) mt_problems_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-problems-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MtProblemsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MtProblemsPanel, errors_label);
  gtk_widget_class_bind_template_child (widget_class, MtProblemsPanel, fix_all_button);
  gtk_widget_class_bind_template_child (widget_class, MtProblemsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, MtProblemsPanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_all_clicked);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mt_problems_panel_init (MtProblemsPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->bound_items = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, 0);
  gtk_grid_view_set_factory (self->list_view, factory);
  update_counts (self);
}

GtkWidget *
mt_problems_panel_new (void)
{
  return g_object_new (MT_TYPE_PROBLEMS_PANEL, NULL);
}
