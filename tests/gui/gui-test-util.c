/* gui-test-util.c: what the window tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gui-test-util.h"

char *
gui_test_setup_env (void)
{
  char *tmp = g_dir_make_tmp ("mt-gui-test-XXXXXX", NULL);
  const char *dirs[] = { "data", "config", "cache", "home" };
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "HOME" };

  g_assert_nonnull (tmp);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (tmp, dirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (vars[i], path, TRUE);
    }
  return tmp;
}

static const char *language = "";

const char *
gui_test_language (void)
{
  return language;
}

char *
gui_test_init (int    *argc,
               char ***argv)
{
  char *tmp = gui_test_setup_env ();

  if (g_strcmp0 (g_getenv ("MT_TEST_LANGUAGE"), "zh_CN") == 0)
    {
      if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
        {
          g_print ("1..0 # SKIP the zh_CN.UTF-8 locale is not installed\n");
          gui_test_remove_tree (tmp);
          g_free (tmp);
          return NULL;
        }
      language = "zh_CN";
      /* gtk_init() reads the locale from the environment again */
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
    }
  else if (g_getenv ("MT_TEST_ENGLISH_LOCALE") != NULL
           && setlocale (LC_ALL, g_getenv ("MT_TEST_ENGLISH_LOCALE")) != NULL)
    g_setenv ("LC_ALL", g_getenv ("MT_TEST_ENGLISH_LOCALE"), TRUE);
  else
    setlocale (LC_ALL, "C.UTF-8");
  /* the catalogues built from po/, for Chinese runs and printouts */
  if (g_getenv ("MT_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  return tmp;
}

int
gui_test_main (int             *argc,
               char          ***argv,
               MtApplication  **app,
               char           **out_dir,
               void           (*add_tests) (void))
{
  g_autofree char *tmp_dir = gui_test_init (argc, argv);
  int result;

  if (tmp_dir == NULL)
    return 0;
  if (out_dir != NULL)
    {
      *out_dir = g_build_filename (tmp_dir, "out", NULL);
      g_assert_cmpint (g_mkdir_with_parents (*out_dir, 0700), ==, 0);
    }
  *app = gui_test_app_new ();
  add_tests ();

  result = g_test_run ();
  g_clear_object (app);
  gui_test_remove_tree (tmp_dir);
  if (out_dir != NULL)
    g_clear_pointer (out_dir, g_free);
  return result;
}

void
gui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gui_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
gui_test_setup_locale (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  /* the only subprocesses are the zh_CN tests': GTK starts in that locale */
  if (g_test_subprocess () && setlocale (LC_ALL, "zh_CN.UTF-8") != NULL)
    {
      /* gtk_init() sets the locale from the environment again: without
       * LC_ALL there, dates would be written in C's (周Thu) */
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      if (g_getenv ("MT_LOCALEDIR") != NULL)
        bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MT_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
}

gboolean
gui_test_have_zh_cn (void)
{
  locale_t zh = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);

  if (zh == (locale_t) 0)
    return FALSE;
  freelocale (zh);
  return TRUE;
}

MtApplication *
gui_test_app_new (void)
{
  MtApplication *app = mt_application_new ();
  g_autoptr(GError) error = NULL;

  /* no session bus in the tests: nothing to be unique on */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

MtWindow *
gui_test_open_sample (MtApplication *app)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  MtWindow *window = mt_application_add_window (app, tour, NULL);

  gui_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

typedef struct
{
  gboolean done;
  gboolean ok;
} SaveResult;

static void
on_save_finished (MtWindow   *window,
                  gboolean    ok,
                  SaveResult *result)
{
  result->done = TRUE;
  result->ok = ok;
}

static gboolean
save_done (gpointer data)
{
  return ((SaveResult *) data)->done;
}

gboolean
gui_test_save (MtWindow *window,
               GFile    *file)
{
  SaveResult result = { FALSE, FALSE };
  gulong handler = g_signal_connect (window, "save-finished", G_CALLBACK (on_save_finished), &result);

  if (file != NULL)
    mt_window_save_to (window, file);
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (gui_test_wait_until (save_done, &result));
  g_signal_handler_disconnect (window, handler);
  return result.ok;
}

void
gui_test_force_close (MtWindow *window)
{
  mt_window_set_unsaved (window, FALSE);
  mt_history_mark_saved (mt_tour_get_history (mt_window_get_tour (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

gpointer
gui_test_find_entity (MtTour       *tour,
                      MtEntityKind  kind,
                      const char   *name)
{
  GListModel *model = mt_tour_get_entities (tour, kind);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);

      if (g_strcmp0 (mt_entity_get_display_name (entity), name) == 0)
        return entity;  /* the tour holds it */
    }
  return NULL;
}

void
gui_test_answer (GtkWidget  *dialog,
                 const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
}

void
gui_test_iterate (void)
{
  /* bounded: a source that is always ready (the steps of a long export)
   * would keep it going to the end */
  for (guint i = 0; i < 64 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

gboolean
gui_test_wait_until (gboolean (*done) (gpointer),
                     gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
gui_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  gui_test_iterate ();
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (gui_test_wait_until (is_true, &painted));
  g_signal_handler_disconnect (clock, handler);
  gui_test_iterate ();
}

GtkWidget *
gui_test_find_toplevel (GType      type,
                        GtkWindow *transient_for)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0, n = g_list_model_get_n_items (toplevels); i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && gtk_widget_get_visible (GTK_WIDGET (window))
          && (transient_for == NULL || gtk_window_get_transient_for (window) == transient_for))
        return GTK_WIDGET (window);
    }
  return NULL;
}

char *
gui_test_screenshot (GtkWidget  *widget,
                     const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *dir = g_strdup (g_getenv ("MT_SCREENSHOT_DIR") ? g_getenv ("MT_SCREENSHOT_DIR") : "screenshots");
  char *path = g_build_filename (dir, file_name, NULL);
  GskRenderer *renderer;
  int width, height;

  /* a window just presented has its size after a frame or two */
  gui_test_wait_for_frame (widget);
  for (guint i = 0; i < 20 && gtk_widget_get_width (widget) == 0; i++)
    gui_test_wait_for_frame (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return path;
}

void
gui_test_screenshot_styles (GtkWidget  *widget,
                            const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *suffix = *language != '\0' ? "-" : "";
  g_autofree char *light = g_strdup_printf ("%s%s%s-light", name, suffix, language);
  g_autofree char *dark = g_strdup_printf ("%s%s%s-dark", name, suffix, language);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_free (gui_test_screenshot (widget, light));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (gui_test_screenshot (widget, dark));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gui_test_iterate ();
}

static GtkWidget *
find_where (GtkWidget   *root,
            gboolean   (*match) (GtkWidget *, const char *),
            const char  *text)
{
  if (match (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_where (child, match, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
tooltip_is (GtkWidget  *widget,
            const char *text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static gboolean
label_is (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
button_is (GtkWidget  *widget,
           const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
gui_test_find_button (GtkWidget  *root,
                      const char *label)
{
  return find_where (root, button_is, label);
}

GtkWidget *
gui_test_find_by_tooltip (GtkWidget  *root,
                          const char *text)
{
  return find_where (root, tooltip_is, text);
}

GtkWidget *
gui_test_find_label (GtkWidget  *root,
                     const char *text)
{
  return find_where (root, label_is, text);
}

GtkWidget *
gui_test_find_descendant (GtkWidget *root,
                          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

guint
gui_test_pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + 7, NULL, 10);
}

char *
gui_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return run_tool (argv);
}

char *
gui_test_read_file (GFile *file)
{
  char *contents = NULL;

  if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL))
    return NULL;
  return contents;
}
