/* mt-application.c: Media Tour Planner, the application
 *
 * Started without a file it offers to restore what a crashed session left
 * unsaved, then opens the last tour or, on the first run, the built-in
 * sample. Files given on the command line or by the file manager open in a
 * window each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-application"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-application.h"
#include "mt-window-resources.h"
#include "mt-preferences-window.h"
#include "mt-recovery.h"
#include "mt-share-dialog.h"
#include "mt-toast.h"
#include "mt-window-private.h"

#define RESOURCE_BASE_PATH "/io/github/mediatour/Planner"

struct _MtApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  guint           bench_handler;
  guint           bench_state;        /* BenchState */
  gint64          bench_move_start;
  double          bench_move_apply;   /* ms */
  gint64          bench_frame_start;  /* the "before-paint" of the frame after the move */
};

G_DEFINE_FINAL_TYPE (MtApplication, mt_application, ADW_TYPE_APPLICATION)

/* Benchmark hooks: MT_BENCH_FIRST_FRAME=1 prints the time from exec
 * (MT_BENCH_EXEC_TIME, wall-clock microseconds, set by bench-startup.sh) to
 * the first frame and quits. With MT_BENCH_MOVE=1 it then lets the window
 * settle (the first check and what it shows run after the first frame),
 * moves a visit to another day as a drop does, and prints the time the move
 * took to apply (move-apply-ms), that plus the work of the frame that draws
 * it, from its "before-paint" to its "after-paint" (move-work-ms), and the
 * time until that frame was drawn, the wait for its tick included
 * (move-ms). */

#define BENCH_SETTLE_MS 500

typedef enum
{
  BENCH_FIRST_FRAME,
  BENCH_SETTLING,
  BENCH_MOVED,
} BenchState;

static void
bench_before_paint (GdkFrameClock *clock,
                    MtApplication *self)
{
  if (self->bench_frame_start == 0)
    self->bench_frame_start = g_get_monotonic_time ();
}

static double
bench_ms_since_exec (void)
{
  const char *exec_time = g_getenv ("MT_BENCH_EXEC_TIME");
  double usec;

  if (exec_time == NULL)
    return -1;
  /* bash's EPOCHREALTIME: seconds with a decimal point */
  usec = g_ascii_strtod (exec_time, NULL) * G_USEC_PER_SEC;
  return (g_get_real_time () - usec) / 1000.0;
}

static void
bench_quit (MtApplication *self,
            MtWindow      *window)
{
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), self->bench_handler);
  g_application_quit (G_APPLICATION (self));
}

/* the last visit of the first day goes to the second */
static gboolean
bench_move (gpointer user_data)
{
  MtWindow *window = user_data;
  MtApplication *self = MT_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  MtTour *tour = mt_window_get_tour (window);
  GListModel *visits = mt_tour_get_visits (tour);
  g_autoptr(MtVisit) visit = NULL;

  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
    {
      g_autoptr(MtVisit) v = g_list_model_get_item (visits, i);

      if (mt_tour_get_day_index (tour, mt_visit_get_start (v)) == 0)
        g_set_object (&visit, v);
    }
  if (visit == NULL)
    {
      bench_quit (self, window);
      return G_SOURCE_REMOVE;
    }

  self->bench_state = BENCH_MOVED;
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint",
                    G_CALLBACK (bench_before_paint), self);
  self->bench_move_start = g_get_monotonic_time ();
  mt_itinerary_view_place_visit (MT_ITINERARY_VIEW (mt_window_get_itinerary (window)), visit,
                                 mt_visit_get_start (visit) + MT_SECONDS_PER_DAY, FALSE);
  self->bench_move_apply = (g_get_monotonic_time () - self->bench_move_start) / 1000.0;
  g_print ("move-apply-ms %.2f\n", self->bench_move_apply);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  return G_SOURCE_REMOVE;
}

static void
bench_after_paint (GdkFrameClock *clock,
                   MtWindow      *window)
{
  MtApplication *self = MT_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  gint64 now = g_get_monotonic_time ();

  switch ((BenchState) self->bench_state)
    {
    case BENCH_FIRST_FRAME:
      g_print ("first-frame-ms %.1f\n", bench_ms_since_exec ());
      if (g_strcmp0 (g_getenv ("MT_BENCH_MOVE"), "1") != 0)
        break;
      self->bench_state = BENCH_SETTLING;
      g_timeout_add_full (G_PRIORITY_DEFAULT, BENCH_SETTLE_MS, bench_move,
                          g_object_ref (window), g_object_unref);
      return;
    case BENCH_SETTLING:
      return;
    case BENCH_MOVED:
    default:
      g_signal_handlers_disconnect_by_func (clock, bench_before_paint, self);
      g_print ("move-work-ms %.2f\n", self->bench_move_apply + (now - self->bench_frame_start) / 1000.0);
      g_print ("move-ms %.2f\n", (now - self->bench_move_start) / 1000.0);
      break;
    }
  bench_quit (self, window);
}

static void
bench_on_realize (MtWindow *window)
{
  MtApplication *self = MT_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  self->bench_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (bench_after_paint), window);
}

/* Windows */

MtWindow *
mt_application_add_window (MtApplication *self,
                           MtTour        *tour,
                           GFile         *file)
{
  MtWindow *window;

  g_return_val_if_fail (MT_IS_APPLICATION (self), NULL);

  window = mt_window_new (GTK_APPLICATION (self), tour, file);
  if (g_strcmp0 (g_getenv ("MT_BENCH_FIRST_FRAME"), "1") == 0 && self->bench_handler == 0)
    g_signal_connect (window, "realize", G_CALLBACK (bench_on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static MtWindow *
find_window (MtApplication *self,
             GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MT_IS_WINDOW (l->data) && mt_window_get_file (l->data) != NULL
        && g_file_equal (mt_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

typedef struct
{
  MtApplication *app;
  GFile         *file;
} OpenData;

static void
show_open_error (MtApplication *self,
                 GFile         *file,
                 const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = mt_show_error (parent ? GTK_WIDGET (parent) : NULL, _("Could Not Open the Tour"),
                                     error->message);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
}

static void
open_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenData *data = user_data;
  MtApplication *self = data->app;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = NULL;

  tour = mt_tour_load_file_finish (result, &warnings, &error);
  if (tour != NULL)
    {
      MtWindow *window = mt_application_add_window (self, tour, data->file);

      mt_window_show_load_warnings (window, warnings);
      _mt_window_add_recent (window);
    }
  else
    {
      show_open_error (self, data->file, error);
    }

  g_application_release (G_APPLICATION (self));
  g_object_unref (data->file);
  g_object_unref (data->app);
  g_free (data);
}

void
mt_application_open_file (MtApplication *self,
                          GFile         *file)
{
  MtWindow *window;
  OpenData *data;

  g_return_if_fail (MT_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((window = find_window (self, file)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  data = g_new0 (OpenData, 1);
  data->app = g_object_ref (self);
  data->file = g_object_ref (file);
  g_application_hold (G_APPLICATION (self));
  mt_tour_load_file_async (file, NULL, open_done, data);
}

MtWindow *
mt_application_restore (MtApplication *self,
                        const char    *recovery_path,
                        const char    *original_path,
                        GError       **error)
{
  g_autoptr(GFile) recovery_file = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(MtTour) tour = NULL;
  MtWindow *window;

  g_return_val_if_fail (MT_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (recovery_path != NULL, NULL);

  recovery_file = g_file_new_for_path (recovery_path);
  tour = mt_tour_load_file (recovery_file, NULL, NULL, error);
  if (tour == NULL)
    return NULL;

  original = original_path ? g_file_new_for_path (original_path) : NULL;
  window = mt_application_add_window (self, tour, original);
  mt_window_set_unsaved (window, TRUE);
  return window;
}

/* Start */

static void
open_default (MtApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-file");

  if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (last);

      mt_application_open_file (self, file);
    }
  else
    {
      g_autoptr(MtTour) sample = mt_tour_new_sample ();

      mt_application_add_window (self, sample, NULL);
    }
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      MtApplication    *self)
{
  GPtrArray *items = g_object_get_data (G_OBJECT (dialog), "items");
  guint restored = 0;

  for (guint i = 0; i < items->len; i++)
    {
      MtRecoveryItem *item = g_ptr_array_index (items, i);
      g_autoptr(GError) error = NULL;
      MtWindow *window;

      if (g_strcmp0 (response, "restore") != 0)
        {
          mt_recovery_item_delete (item);
          continue;
        }

      window = mt_application_restore (self, item->path, item->original_path, &error);
      if (window == NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_path (item->path);

          show_open_error (self, file, error);
          continue;
        }
      restored++;
      /* the window wrote its own autosave; an untitled one has a new name */
      if (g_strcmp0 (mt_recovery_get_path (window->recovery), item->path) != 0)
        {
          mt_recovery_flush (window->recovery, NULL);
          mt_recovery_item_delete (item);
        }
    }

  if (restored == 0)
    open_default (self);
  g_application_release (G_APPLICATION (self));
}

/* Offers to restore what sessions that ended without saving left behind;
 * returns FALSE when there is nothing. */
static gboolean
offer_recovery (MtApplication *self)
{
  g_autoptr(GPtrArray) items = mt_recovery_list ();
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (items->len == 0)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      MtRecoveryItem *item = g_ptr_array_index (items, i);
      g_autofree char *basename = item->original_path ? g_path_get_basename (item->original_path) : NULL;

      g_string_append_printf (names, "\n• %s", item->title && *item->title ? item->title : _("Untitled Tour"));
      if (basename != NULL)
        g_string_append_printf (names, " (%s)", basename);
    }

  body = g_strdup_printf ("%s\n%s",
                          g_dngettext (NULL,
                                       "Media Tour Planner was closed before this tour was saved:",
                                       "Media Tour Planner was closed before these tours were saved:",
                                       items->len),
                          names->str);
  dialog = mt_ask (NULL, _("Restore Unsaved Changes?"), body,
                   "discard", _("_Discard Changes"),
                   "restore", _("_Restore"), ADW_RESPONSE_SUGGESTED,
                   NULL);
  /* closing it keeps the changes: only Discard loses them */
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_object_set_data_full (G_OBJECT (dialog), "items", g_steal_pointer (&items),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
mt_application_activate (GApplication *application)
{
  MtApplication *self = MT_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!offer_recovery (self))
    open_default (self);
}

static void
mt_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MtApplication *self = MT_APPLICATION (application);

  /* edits a crash left behind come first, even when opening a file */
  if (gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL)
    {
      g_autoptr(GPtrArray) items = mt_recovery_list ();

      if (items->len > 0)
        offer_recovery (self);
    }

  for (int i = 0; i < n_files; i++)
    mt_application_open_file (self, files[i]);
}

/* Actions */

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  MtApplication *self = user_data;
  g_autoptr(MtTour) tour = mt_tour_new ();
  MtWindow *window;

  /* an empty board, and over it the tour's details to fill in */
  window = mt_application_add_window (self, tour, NULL);
  mt_window_show_details (window, TRUE);
}

static void
new_from_sample_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();

  mt_application_add_window (user_data, tour, NULL);
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  MtApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0, n = g_list_model_get_n_items (files); i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          mt_application_open_file (self, file);
        }
    }
  g_object_unref (chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  MtApplication *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = _mt_window_new_tour_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Tour"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_shared_tour_opened (MtApplication *self,
                       MtTour        *tour,
                       GFile         *file)
{
  MtWindow *window;

  /* fetched before: it opens as any file, and syncs as it opens */
  if (tour == NULL)
    {
      mt_application_open_file (self, file);
      return;
    }
  window = mt_application_add_window (self, tour, file);
  _mt_window_add_recent (window);
}

static void
open_shared_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  MtApplication *self = user_data;
  MtShareDialog *dialog = mt_share_dialog_new_open (gtk_application_get_active_window (GTK_APPLICATION (self)));

  g_signal_connect_object (dialog, "tour-opened", G_CALLBACK (on_shared_tour_opened), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  mt_application_open_file (user_data, file);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (mt_preferences_window_new (parent)));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { "Media Tour Planner developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Media Tour Planner"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Media Tour Planner developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/mediatour/planner",
                         "issue-url", "https://github.com/mediatour/planner/issues",
                         "copyright", "© 2024 Media Tour Planner developers",
                         /* Translators: your name, one a line, for the About window */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* each window asks about its own unsaved changes */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "new-from-sample", new_from_sample_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "open-shared", open_shared_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
  { "about", about_action },
  { "quit", quit_action },
};

static gboolean
color_scheme_from_setting (GValue   *value,
                           GVariant *variant,
                           gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_str_equal (scheme, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

static void
mt_application_startup (GApplication *application)
{
  MtApplication *self = MT_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.toggle-problems", { "F8", NULL } },
    { "win.sync-now", { "<Control>r", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (mt_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_application_get_style_manager (ADW_APPLICATION (self)),
                                "color-scheme", G_SETTINGS_BIND_GET,
                                color_scheme_from_setting, NULL, NULL, NULL);
  g_set_application_name (_("Media Tour Planner"));
  gtk_window_set_default_icon_name (APP_ID);
}

static void
mt_application_finalize (GObject *object)
{
  MtApplication *self = MT_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mt_application_parent_class)->finalize (object);
}

static void
mt_application_class_init (MtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mt_application_finalize;
  app_class->startup = mt_application_startup;
  app_class->activate = mt_application_activate;
  app_class->open = mt_application_open;
}

static void
mt_application_init (MtApplication *self)
{
  /* keeps the GUI's resources (registered by a constructor) linked in
   * from the static library */
  (void) mt_window_get_resource ();
}

void
mt_application_bind_text_domain (void)
{
  const char *dir = g_getenv ("MT_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

MtApplication *
mt_application_new (void)
{
  return g_object_new (MT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}
