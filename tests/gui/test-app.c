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

/* true when the accelerator @accel is among @listed, a space-separated list
 * as a GtkShortcutsShortcut holds them */
static gboolean
accel_listed (const char *accel,
              const char *listed)
{
  g_auto(GStrv) each = g_strsplit (listed, " ", -1);
  guint key, listed_key;
  GdkModifierType mods, listed_mods;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  for (guint i = 0; each[i] != NULL; i++)
    if (gtk_accelerator_parse (each[i], &listed_key, &listed_mods) && listed_key == key && listed_mods == mods)
      return TRUE;
  return FALSE;
}

/* Every accelerator of the app is in the Keyboard Shortcuts window */
static void
test_shortcuts_listed (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/mediatour/Planner/gtk/help-overlay.ui");
  g_autoptr(GString) listed = g_string_new (NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  guint n_accels = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (overlay); w != NULL;)
    {
      GtkWidget *next;

      if (GTK_IS_SHORTCUTS_SHORTCUT (w))
        {
          g_autofree char *accelerator = NULL;

          g_object_get (w, "accelerator", &accelerator, NULL);
          if (accelerator != NULL)
            g_string_append_printf (listed, "%s ", accelerator);
        }
      /* depth first through the whole window */
      next = gtk_widget_get_first_child (w);
      while (next == NULL && w != overlay)
        {
          next = gtk_widget_get_next_sibling (w);
          w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  g_assert_cmpuint (listed->len, >, 0);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++, n_accels++)
        if (!accel_listed (accels[j], listed->str))
          g_error ("%s (%s) is not in the Keyboard Shortcuts window", accels[j], actions[i]);
    }
  g_assert_cmpuint (n_accels, >=, 15);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/app/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/gui/app/translations", test_translations);
  g_test_add_func ("/gui/app/look/icon", test_icon);
}

int
main (int   argc,
      char *argv[])
{
  return gui_test_main (&argc, &argv, &app, NULL, add_tests);
}
