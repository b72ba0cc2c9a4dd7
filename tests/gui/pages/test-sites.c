/* test-sites.c: the sites page in a real window: deleting what is in use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gui-test-util.h"
#include "mt-page-logic.h"
#include "mt-sites-page.h"

static MtApplication *app;

/* the site that the most visits use */
static MtSite *
busiest_site (MtTour *tour)
{
  GListModel *sites = mt_tour_get_sites (tour);
  MtSite *best = NULL;
  guint most = 0;

  for (guint i = 0, n = g_list_model_get_n_items (sites); i < n; i++)
    {
      g_autoptr(MtSite) site = g_list_model_get_item (sites, i);
      g_autoptr(GPtrArray) visits = mt_page_dup_site_visits (tour, mt_entity_get_id (MT_ENTITY (site)));

      if (visits->len > most)
        {
          most = visits->len;
          best = site;
        }
    }
  return best;
}

/* clicks the page's delete button of @place; returns the question asked */
static GtkWidget *
click_delete (MtWindow *window,
              MtEntity *place)
{
  g_autofree char *tooltip = g_strdup_printf (_("Delete “%s”"), mt_entity_get_display_name (place));
  GtkWidget *page;
  GtkWidget *button;

  mt_window_reveal_item (window, mt_entity_get_id (place));
  gui_test_iterate ();
  page = gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_SITES_PAGE);
  g_assert_nonnull (page);
  button = gui_test_find_by_tooltip (page, tooltip);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();
  return gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
}

static gboolean
all_at (GPtrArray  *items,
        const char *property,
        const char *id)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (g_ptr_array_index (items, i), property, &value, NULL);
      if (g_strcmp0 (value, id) != 0)
        return FALSE;
    }
  return TRUE;
}

/* A site in use is not deleted without asking: the question names how
 * many visits use it; Cancel keeps it; Move moves its visits to the site
 * chosen and deletes it, in one step that Undo takes back. */
static void
test_delete_site_in_use (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtHistory *history = mt_tour_get_history (tour);
  MtSite *site = busiest_site (tour);
  g_autofree char *id = g_strdup (mt_entity_get_id (MT_ENTITY (site)));
  g_autoptr(GPtrArray) visits = mt_page_dup_site_visits (tour, id);
  g_autofree char *count = NULL;
  g_autofree char *toast = NULL;
  GtkWidget *dialog;
  GtkDropDown *target;
  MtSite *other;
  guint n_steps;

  g_assert_cmpuint (visits->len, >, 1);
  dialog = click_delete (window, MT_ENTITY (site));
  g_assert_nonnull (dialog);
  /* still there while the question is open */
  g_assert_true (mt_tour_lookup (tour, id) == MT_ENTITY (site));
  count = g_strdup_printf ("%u visits take place at", visits->len);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), count));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "move"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "delete"));

  gui_test_answer (dialog, "cancel");
  g_assert_true (mt_tour_lookup (tour, id) == MT_ENTITY (site));
  g_assert_true (all_at (visits, "site", id));

  /* move them to the third site offered */
  n_steps = mt_history_get_n_steps (history);
  dialog = click_delete (window, MT_ENTITY (site));
  target = GTK_DROP_DOWN (gui_test_find_descendant (dialog, GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (target);
  gtk_drop_down_set_selected (target, 2);
  other = NULL;
  {
    const char *name = gtk_string_object_get_string (gtk_drop_down_get_selected_item (target));
    GListModel *sites = mt_tour_get_sites (tour);

    for (guint i = 0; i < g_list_model_get_n_items (sites) && other == NULL; i++)
      {
        g_autoptr(MtSite) s = g_list_model_get_item (sites, i);

        if (g_strcmp0 (mt_entity_get_display_name (MT_ENTITY (s)), name) == 0)
          other = s;
      }
  }
  g_assert_nonnull (other);
  g_assert_true (other != site);
  gui_test_answer (dialog, "move");

  g_assert_null (mt_tour_lookup (tour, id));
  g_assert_true (all_at (visits, "site", mt_entity_get_id (MT_ENTITY (other))));
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, n_steps + 1);
  toast = g_strdup_printf ("Deleted “%s” and moved %u visits to “%s”",
                           mt_entity_get_display_name (MT_ENTITY (site)), visits->len,
                           mt_entity_get_display_name (MT_ENTITY (other)));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), toast));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_iterate ();
  g_assert_true (mt_tour_lookup (tour, id) == MT_ENTITY (site));
  g_assert_true (all_at (visits, "site", id));

  /* or deleted anyway, leaving its visits without a site */
  dialog = click_delete (window, MT_ENTITY (site));
  gui_test_answer (dialog, "delete");
  g_assert_null (mt_tour_lookup (tour, id));
  g_assert_true (all_at (visits, "site", NULL));

  gui_test_force_close (window);
}

/* Deleting Guangzhou asks too, naming its sites and their visits, and can
 * move the sites to another city; a site nothing uses goes at once, with a
 * toast that offers Undo. */
static void
test_delete_city_in_use (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtCity *guangzhou = gui_test_find_entity (tour, MT_ENTITY_CITY, "Guangzhou");
  g_autofree char *id = g_strdup (mt_entity_get_id (MT_ENTITY (guangzhou)));
  g_autoptr(GPtrArray) sites = mt_page_dup_city_sites (tour, id);
  g_autoptr(MtSite) unused = mt_site_new (NULL);
  g_autofree char *sentence = NULL;
  GtkWidget *dialog;
  GtkDropDown *target;

  g_assert_cmpuint (sites->len, >, 1);
  dialog = click_delete (window, MT_ENTITY (guangzhou));
  g_assert_nonnull (dialog);
  sentence = g_strdup_printf ("“Guangzhou” has %u sites. %u visits take place there.",
                              sites->len, mt_page_count_city_visits (tour, id));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), sentence));
  target = GTK_DROP_DOWN (gui_test_find_descendant (dialog, GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (target);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (target)), !=, "Guangzhou");
  gui_test_answer (dialog, "move");
  g_assert_null (mt_tour_lookup (tour, id));
  g_assert_false (all_at (sites, "city", NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gui_test_iterate ();
  g_assert_nonnull (mt_tour_lookup (tour, id));
  g_assert_true (all_at (sites, "city", id));

  mt_site_set_name (unused, "Nobody goes here");
  g_assert_true (mt_tour_add (tour, MT_ENTITY (unused), NULL));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_null (click_delete (window, MT_ENTITY (unused)));
  g_assert_null (mt_tour_lookup (tour, mt_entity_get_id (MT_ENTITY (unused))));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), "Deleted “Nobody goes here”"));
  g_assert_cmpstr (mt_history_get_undo_label (mt_tour_get_history (tour)), ==, "Delete site “Nobody goes here”");

  gui_test_force_close (window);
}

/* The questions, light and dark, in English and in Chinese */
static void
test_look (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  GtkWidget *dialog;

  dialog = click_delete (window, MT_ENTITY (busiest_site (tour)));
  gui_test_screenshot_styles (dialog, "delete-site-dialog");
  gui_test_answer (dialog, "cancel");
  dialog = click_delete (window, MT_ENTITY (gui_test_find_entity (tour, MT_ENTITY_CITY, "Guangzhou")));
  gui_test_screenshot_styles (dialog, "delete-city-dialog");
  gui_test_answer (dialog, "cancel");
  gui_test_force_close (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/sites/delete-site-in-use", test_delete_site_in_use);
  g_test_add_func ("/gui/sites/delete-city-in-use", test_delete_city_in_use);
  g_test_add_func ("/gui/sites/look", test_look);
}

int
main (int   argc,
      char *argv[])
{
  return gui_test_main (&argc, &argv, &app, NULL, add_tests);
}
