/* mt-window.c: the main window, one per tour
 *
 * The window owns the tour it shows, its file, its autosave (MtRecovery) and
 * a GCancellable that its file operations use and that closing cancels. The
 * document handling (save, save as, closing with unsaved changes, recent
 * files) is in mt-window-file.c, the sync with a server in mt-window-sync.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-itinerary-model.h"
#include "mt-itinerary-view.h"
#include "mt-search-dialog.h"
#include "mt-toast.h"
#include "mt-window-private.h"

G_DEFINE_FINAL_TYPE (MtWindow, mt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_TOUR,
  PROP_FILE,
  N_PROPS
};

enum {
  SAVE_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

gboolean
mt_window_get_dirty (MtWindow *self)
{
  g_return_val_if_fail (MT_IS_WINDOW (self), FALSE);
  return self->unsaved || mt_history_get_dirty (mt_tour_get_history (self->tour));
}

void
_mt_window_update_title (MtWindow *self)
{
  const char *name = mt_tour_get_title (self->tour);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (name == NULL || *name == '\0')
    name = _("Untitled Tour");

  if (mt_window_get_dirty (self))
    /* Translators: the window title of a tour with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  if (self->file != NULL)
    subtitle = g_file_get_basename (self->file);
  else
    subtitle = g_strdup (_("Not saved yet"));

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

void
_mt_window_update_actions (MtWindow *self)
{
  MtHistory *history = mt_tour_get_history (self->tour);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", mt_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", mt_history_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !self->saving);
}

static void
on_history_changed (MtWindow *self)
{
  _mt_window_update_title (self);
  _mt_window_update_actions (self);
}

static void
on_tour_changed (MtWindow *self)
{
  self->n_changes++;
}

/* Undo and redo, each saying what it did in a toast that offers the reverse */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);
  MtHistory *history = mt_tour_get_history (self->tour);
  g_autofree char *label = g_strdup (mt_history_get_undo_label (history));
  g_autofree char *message = NULL;

  if (!mt_history_undo (history))
    return;
  /* Translators: a toast, “%s” is the step undone, "Move “EHang visit”" */
  message = g_strdup_printf (_("Undid: %s"), label ? label : "");
  mt_toast_show (GTK_WIDGET (self->toast_overlay), message, _("_Redo"), "win.redo");
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);
  MtHistory *history = mt_tour_get_history (self->tour);
  g_autofree char *label = g_strdup (mt_history_get_redo_label (history));
  g_autofree char *message = NULL;

  if (!mt_history_redo (history))
    return;
  /* Translators: a toast, “%s” is the step redone, "Move “EHang visit”" */
  message = g_strdup_printf (_("Redid: %s"), label ? label : "");
  mt_toast_show (GTK_WIDGET (self->toast_overlay), message, _("_Undo"), "win.undo");
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* The views of the tour, each a page of the view stack, and the kinds of
 * item each one reveals. The board is in the window's template; the others
 * are built, and given the tour, only when first shown: nobody sees them at
 * start, and building them delayed the window's first frame (their content,
 * on a large tour, by seconds). */
#define KIND(k) (1u << MT_ENTITY_##k)

static const struct
{
  const char *name;
  GType     (*get_type) (void);
  guint       kinds;
} tour_views[] = {
  { "itinerary", mt_itinerary_view_get_type, KIND (VISIT) },
  { "delegates", mt_delegates_page_get_type, KIND (DELEGATE) | KIND (GROUP) },
  { "interviews", mt_interviews_page_get_type, KIND (INTERVIEW) },
  { "sites", mt_sites_page_get_type, KIND (SITE) | KIND (CITY) },
};

static void on_item_activated (MtWindow   *self,
                               const char *id);

/* The view on the stack page @child, built if it is still an empty bin */
static MtTourView *
ensure_tour_view (MtWindow  *self,
                  GtkWidget *child,
                  GType      type)
{
  GtkWidget *view = child;

  if (!MT_IS_TOUR_VIEW (child))
    {
      view = adw_bin_get_child (ADW_BIN (child));
      if (view == NULL)
        {
          view = g_object_new (type, NULL);
          adw_bin_set_child (ADW_BIN (child), view);
          g_signal_connect_object (view, "item-activated", G_CALLBACK (on_item_activated), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  if (mt_tour_view_get_tour (MT_TOUR_VIEW (view)) != self->tour)
    mt_tour_view_set_tour (MT_TOUR_VIEW (view), self->tour);
  return MT_TOUR_VIEW (view);
}

static void
ensure_visible_page (MtWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (page == NULL || self->tour == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (tour_views); i++)
    if (page == adw_view_stack_get_child_by_name (self->view_stack, tour_views[i].name))
      ensure_tour_view (self, page, tour_views[i].get_type ());
}

void
mt_window_reveal_item (MtWindow   *self,
                       const char *id)
{
  MtEntity *entity;

  g_return_if_fail (MT_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  entity = mt_tour_lookup (self->tour, id);
  if (entity == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (tour_views); i++)
    if (tour_views[i].kinds & (1u << mt_entity_get_kind (entity)))
      {
        GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, tour_views[i].name);

        adw_view_stack_set_visible_child (self->view_stack, page);
        mt_tour_view_reveal (ensure_tour_view (self, page, tour_views[i].get_type ()), id);
        return;
      }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);
  MtSearchDialog *dialog = mt_search_dialog_new (GTK_WINDOW (self), self->tour);

  g_signal_connect_object (dialog, "item-activated", G_CALLBACK (mt_window_reveal_item), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_item_activated (MtWindow   *self,
                   const char *id)
{
  mt_window_reveal_item (self, id);
}

/* The checker's findings: the count on the header bar button, a badge on
 * each card it concerns. */

static void
update_problems_badge (MtWindow *self)
{
  guint n = mt_problems_panel_get_n_problems (self->problems_panel);
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_text (self->problems_badge, n > 99 ? "99+" : text);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_badge), n > 0);
  if (mt_problems_panel_get_n_errors (self->problems_panel) > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->problems_badge), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->problems_badge), "error");
}

static gboolean
update_problem_counts (gpointer user_data)
{
  MtWindow *self = user_data;
  MtChecker *checker = mt_problems_panel_get_checker (self->problems_panel);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->problems_idle = 0;
  if (checker != NULL)
    {
      GListModel *problems = mt_checker_get_problems (checker);

      for (guint i = 0, n = g_list_model_get_n_items (problems); i < n; i++)
        {
          g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);
          const char * const *ids = mt_problem_get_ids (problem);

          MtProblemLevel level = mt_problem_get_severity (problem) == MT_SEVERITY_ERROR ? MT_PROBLEM_LEVEL_ERROR
                                 : mt_problem_get_severity (problem) == MT_SEVERITY_WARNING ? MT_PROBLEM_LEVEL_WARNING
                                 : MT_PROBLEM_LEVEL_HINT;

          for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
            {
              gpointer old = g_hash_table_lookup (counts, ids[j]);

              g_hash_table_insert (counts, g_strdup (ids[j]),
                                   mt_itinerary_problems_pack (mt_itinerary_problems_count (old) + 1,
                                                               MAX (level, mt_itinerary_problems_worst (old))));
            }
        }
    }
  mt_itinerary_view_set_problem_counts (self->itinerary, counts);
  return G_SOURCE_REMOVE;
}

static void
queue_problem_counts (MtWindow *self)
{
  if (self->problems_idle == 0)
    self->problems_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_problem_counts, self, NULL);
}

static void
toggle_problems_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MtWindow *self = MT_WINDOW (widget);

  gtk_toggle_button_set_active (self->problems_button,
                                !gtk_toggle_button_get_active (self->problems_button));
}

void
mt_window_show_toast (MtWindow   *self,
                      const char *title)
{
  g_return_if_fail (MT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
mt_window_show_load_warnings (MtWindow  *self,
                              GPtrArray *warnings)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_if_fail (MT_IS_WINDOW (self));

  if (warnings == NULL || warnings->len == 0)
    return;

  for (guint i = 0; i < warnings->len; i++)
    g_message ("%s", (const char *) g_ptr_array_index (warnings, i));

  message = g_strdup_printf (g_dngettext (NULL,
                                          "The tour was opened, but %u reference in it points nowhere",
                                          "The tour was opened, but %u references in it point nowhere",
                                          warnings->len),
                             warnings->len);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Window size, kept in the settings */

static void
save_window_state (MtWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
mt_window_close_request (GtkWindow *window)
{
  MtWindow *self = MT_WINDOW (window);

  if (_mt_window_close_request (window))
    return TRUE;

  save_window_state (self);
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (mt_window_parent_class)->close_request (window);
}

static void
mt_window_constructed (GObject *object)
{
  MtWindow *self = MT_WINDOW (object);
  MtHistory *history;

  G_OBJECT_CLASS (mt_window_parent_class)->constructed (object);

  if (self->tour == NULL)
    self->tour = mt_tour_new ();
  history = mt_tour_get_history (self->tour);

  g_signal_connect_object (history, "notify", G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tour, "notify::title", G_CALLBACK (_mt_window_update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tour, "changed", G_CALLBACK (on_tour_changed), self, G_CONNECT_SWAPPED);

  self->recovery = mt_recovery_new (self->tour, self->file);
  mt_tour_view_set_tour (MT_TOUR_VIEW (self->itinerary), self->tour);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (ensure_visible_page), self, G_CONNECT_SWAPPED);
  ensure_visible_page (self);
  mt_tour_view_set_tour (MT_TOUR_VIEW (self->problems_panel), self->tour);

  g_signal_connect_object (self->problems_panel, "notify::n-problems",
                           G_CALLBACK (update_problems_badge), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->problems_panel, "notify::n-errors",
                           G_CALLBACK (update_problems_badge), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->problems_panel, "item-activated",
                           G_CALLBACK (on_item_activated), self, G_CONNECT_SWAPPED);
  if (mt_problems_panel_get_checker (self->problems_panel) != NULL)
    g_signal_connect_object (mt_checker_get_problems (mt_problems_panel_get_checker (self->problems_panel)),
                             "items-changed", G_CALLBACK (queue_problem_counts), self,
                             G_CONNECT_SWAPPED);
  update_problems_badge (self);
  update_problem_counts (self);
  _mt_window_sync_init (self);

  _mt_window_update_title (self);
  _mt_window_update_actions (self);
}

static void
mt_window_dispose (GObject *object)
{
  MtWindow *self = MT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->sync != NULL)
    mt_sync_controller_shutdown (self->sync);
  g_clear_handle_id (&self->problems_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_WINDOW);

  G_OBJECT_CLASS (mt_window_parent_class)->dispose (object);
}

static void
mt_window_finalize (GObject *object)
{
  MtWindow *self = MT_WINDOW (object);

  g_clear_object (&self->recovery);
  g_clear_object (&self->sync);
  g_clear_object (&self->tour);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mt_window_parent_class)->finalize (object);
}

static void
mt_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MtWindow *self = MT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      g_value_set_object (value, self->tour);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MtWindow *self = MT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      g_assert (self->tour == NULL);
      self->tour = g_value_dup_object (value);
      break;
    case PROP_FILE:
      /* the autosave names the tour's file, so that a restore knows it */
      if (g_set_object (&self->file, g_value_get_object (value)) && self->recovery != NULL)
        mt_recovery_set_file (self->recovery, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_window_class_init (MtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = mt_window_constructed;
  object_class->dispose = mt_window_dispose;
  object_class->finalize = mt_window_finalize;
  object_class->get_property = mt_window_get_property;
  object_class->set_property = mt_window_set_property;
  window_class->close_request = mt_window_close_request;

  properties[PROP_TOUR] =
    g_param_spec_object ("tour", NULL, NULL, MT_TYPE_TOUR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MtWindow::save-finished:
   * @ok: whether the tour was saved
   */
  signals[SAVE_FINISHED] =
    g_signal_new ("save-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (MT_TYPE_ITINERARY_VIEW);
  g_type_ensure (MT_TYPE_PROBLEMS_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mediatour/Planner/mt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MtWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, itinerary);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, problems_panel);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, problems_button);
  gtk_widget_class_bind_template_child (widget_class, MtWindow, problems_badge);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-problems", NULL, toggle_problems_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "itinerary");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "delegates");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "interviews");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "sites");

  _mt_window_file_class_init (widget_class);
  _mt_window_sync_class_init (widget_class);
  _mt_window_tools_class_init (widget_class);
  _mt_window_versions_class_init (widget_class);
}

static void
mt_window_init (MtWindow *self)
{
  g_autoptr(GAction) mode_action = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  mode_action = g_settings_create_action (self->settings, "itinerary-mode");
  g_action_map_add_action (G_ACTION_MAP (self), mode_action);
  g_settings_bind (self->settings, "itinerary-mode", self->itinerary, "mode", G_SETTINGS_BIND_GET);

  _mt_window_file_init (self);
}

MtWindow *
mt_window_new (GtkApplication *application,
               MtTour         *tour,
               GFile          *file)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (tour == NULL || MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (MT_TYPE_WINDOW,
                       "application", application,
                       "tour", tour,
                       "file", file,
                       NULL);
}

MtTour *
mt_window_get_tour (MtWindow *self)
{
  g_return_val_if_fail (MT_IS_WINDOW (self), NULL);
  return self->tour;
}

GFile *
mt_window_get_file (MtWindow *self)
{
  g_return_val_if_fail (MT_IS_WINDOW (self), NULL);
  return self->file;
}

void
mt_window_set_unsaved (MtWindow *self,
                       gboolean  unsaved)
{
  g_return_if_fail (MT_IS_WINDOW (self));

  self->unsaved = !!unsaved;
  mt_recovery_set_unsaved (self->recovery, unsaved);
  _mt_window_update_title (self);
}

GtkWidget *
mt_window_get_itinerary (MtWindow *self)
{
  g_return_val_if_fail (MT_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->itinerary);
}

void
_mt_window_emit_save_finished (MtWindow *self,
                               gboolean  ok)
{
  g_signal_emit (self, signals[SAVE_FINISHED], 0, ok);
}
