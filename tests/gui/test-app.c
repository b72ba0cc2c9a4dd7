/* test-app.c: the app as it runs from its build folder: its translations
 * and its icon found as an installed app's are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gui-test-util.h"
#include "mt-export-logic.h"

static MtApplication *app;

/* The icon of About, and of the window, comes with the app: the icon theme
 * has it though nothing is installed */
static void
test_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree char *symbolic = g_strconcat (APP_ID, "-symbolic", NULL);
  MtWindow *window = gui_test_open_sample (app);
  GtkWidget *about;

  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, symbolic));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  gui_test_iterate ();
  about = gui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  gui_test_screenshot_styles (about, "about");
  gtk_window_destroy (GTK_WINDOW (about));
  gui_test_force_close (window);
}

/* The catalogues are the build folder's where MT_LOCALEDIR names it */
static void
test_translations (void)
{
  const char *dir = g_getenv ("MT_LOCALEDIR");
  MtLanguage *language;

  g_assert_nonnull (dir);
  if (!mt_language_available ("zh_CN"))
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, "/nonexistent");
  mt_application_bind_text_domain ();
  g_assert_cmpstr (bindtextdomain (GETTEXT_PACKAGE, NULL), ==, dir);
  language = mt_language_push ("zh_CN");
  g_assert_cmpstr (gettext ("_Itinerary"), !=, "_Itinerary");
  g_assert_cmpstr (gettext ("Tour _Details…"), ==, "行程详情(_D)…");
  mt_language_pop (language);
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/app/translations", test_translations);
  g_test_add_func ("/gui/app/look/icon", test_icon);
}

int
main (int   argc,
      char *argv[])
{
  return gui_test_main (&argc, &argv, &app, NULL, add_tests);
}
