/* mt-problems-panel.c: the checker's problems, by day, with one-click fixes
 *
 * The panel owns an MtChecker for its tour. After each change of the tour it
 * waits a moment (edits come in bursts: a drag, an editor's Save) and then
 * re-checks only the days the edits touched, so typing never waits for the
 * checker. The list is a GtkListBox bound to the checker's problem model,
 * with a header above the first problem of each day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-problems-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-gui-b-resources.h"
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
  GtkListBox *list_box;

  /* owned */
  MtTour     *tour;
  MtChecker  *checker;
  GSettings  *settings;
  guint       recheck_id;
  guint       n_problems;
  guint       n_errors;
};

G_DEFINE_FINAL_TYPE (MtProblemsPanel, mt_problems_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TOUR,
  PROP_N_PROBLEMS,
  PROP_N_ERRORS,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
  guint n_problems = 0, n_errors = 0;

  if (self->checker != NULL)
    {
      n_problems = g_list_model_get_n_items (mt_checker_get_problems (self->checker));
      n_errors = mt_checker_count (self->checker, MT_SEVERITY_ERROR);
    }

  gtk_stack_set_visible_child_name (self->stack, n_problems > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->fix_all_button), n_problems > 0);

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

static void
on_problems_changed (MtProblemsPanel *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  update_counts (self);
  /* the headers depend on the neighbours */
  gtk_list_box_invalidate_headers (self->list_box);
}

static gboolean
recheck_cb (gpointer data)
{
  MtProblemsPanel *self = data;

  self->recheck_id = 0;
  if (self->checker != NULL)
    mt_checker_update (self->checker);
  update_counts (self);
  return G_SOURCE_REMOVE;
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
  g_autoptr(MtProblem) problem = g_object_ref (g_object_get_data (G_OBJECT (button), "problem"));

  if (self->tour == NULL)
    return;
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

static GtkWidget *
create_row (gpointer item,
            gpointer data)
{
  MtProblemsPanel *self = data;
  MtProblem *problem = item;
  MtSeverity severity = mt_problem_get_severity (problem);
  GtkWidget *row, *box, *icon, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  icon = gtk_image_new_from_icon_name (severity_icon (severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, severity_class (severity));
  gtk_widget_set_tooltip_text (icon, severity_label (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, severity_label (severity),
                                  -1);
  gtk_box_append (GTK_BOX (box), icon);

  label = gtk_label_new (mt_problem_get_message (problem));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (mt_problem_has_fix (problem))
    {
      GtkWidget *button = gtk_button_new_with_label (_("Fix"));
      const char *fix_label = mt_problem_get_fix_label (problem);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_name (button, "fix-button");
      gtk_widget_set_tooltip_text (button, fix_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, fix_label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "problem", g_object_ref (problem), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_fix_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "problem", g_object_ref (problem), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mt_problem_get_message (problem),
                                  -1);
  return row;
}

static MtProblem *
row_problem (GtkListBoxRow *row)
{
  MtProblem *problem = g_object_get_data (G_OBJECT (row), "problem");

  return problem != NULL ? g_object_ref (problem) : NULL;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       data)
{
  MtProblemsPanel *self = data;
  g_autoptr(MtProblem) problem = row_problem (row);
  g_autoptr(MtProblem) previous = before != NULL ? row_problem (before) : NULL;
  g_autofree char *title = NULL;
  GtkWidget *label;
  int day;

  if (problem == NULL)
    return;
  day = mt_problem_get_day (problem);
  if (previous != NULL && mt_problem_get_day (previous) == day)
    {
      gtk_list_box_row_set_header (row, NULL);
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

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_header (row, label);
}

static void
on_row_activated (MtProblemsPanel *self,
                  GtkListBoxRow   *row)
{
  g_autoptr(MtProblem) problem = row_problem (row);
  const char * const *ids;

  if (problem == NULL)
    return;
  ids = mt_problem_get_ids (problem);
  if (ids != NULL && ids[0] != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, ids[0]);
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

void
mt_problems_panel_set_tour (MtProblemsPanel *self,
                            MtTour          *tour)
{
  g_return_if_fail (MT_IS_PROBLEMS_PANEL (self));
  g_return_if_fail (tour == NULL || MT_IS_TOUR (tour));

  if (self->tour == tour)
    return;

  g_clear_handle_id (&self->recheck_id, g_source_remove);
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
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
      mt_checker_check (self->checker);
      g_signal_connect_object (tour, "changed", G_CALLBACK (on_tour_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (mt_checker_get_problems (self->checker), "items-changed",
                               G_CALLBACK (on_problems_changed), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->list_box, mt_checker_get_problems (self->checker),
                               create_row, self, NULL);
    }

  update_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUR]);
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

gboolean
mt_problems_panel_reveal (MtProblemsPanel *self,
                          const char      *id)
{
  GListModel *problems;
  guint n;

  g_return_val_if_fail (MT_IS_PROBLEMS_PANEL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

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
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

          gtk_list_box_select_row (self->list_box, row);
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return TRUE;
        }
    }
  return FALSE;
}

static void
mt_problems_panel_dispose (GObject *object)
{
  MtProblemsPanel *self = MT_PROBLEMS_PANEL (object);

  mt_problems_panel_set_tour (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_PROBLEMS_PANEL);
  G_OBJECT_CLASS (mt_problems_panel_parent_class)->dispose (object);
}

static void
mt_problems_panel_finalize (GObject *object)
{
  MtProblemsPanel *self = MT_PROBLEMS_PANEL (object);

  g_clear_object (&self->settings);
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
    case PROP_TOUR:
      g_value_set_object (value, self->tour);
      break;
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

static void
mt_problems_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MtProblemsPanel *self = MT_PROBLEMS_PANEL (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      mt_problems_panel_set_tour (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_problems_panel_class_init (MtProblemsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_problems_panel_dispose;
  object_class->finalize = mt_problems_panel_finalize;
  object_class->get_property = mt_problems_panel_get_property;
  object_class->set_property = mt_problems_panel_set_property;

  properties[PROP_TOUR] =
    g_param_spec_object ("tour", NULL, NULL, MT_TYPE_TOUR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MtProblemsPanel::item-activated:
   * @id: the id of the first item the activated problem concerns
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  (void) mt_gui_b_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-problems-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MtProblemsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MtProblemsPanel, errors_label);
  gtk_widget_class_bind_template_child (widget_class, MtProblemsPanel, fix_all_button);
  gtk_widget_class_bind_template_child (widget_class, MtProblemsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, MtProblemsPanel, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_all_clicked);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mt_problems_panel_init (MtProblemsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list_box, update_header, self, NULL);
  update_counts (self);
}

GtkWidget *
mt_problems_panel_new (void)
{
  return g_object_new (MT_TYPE_PROBLEMS_PANEL, NULL);
}
