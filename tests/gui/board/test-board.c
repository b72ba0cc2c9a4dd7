/* test-board.c: the board's editor and its drag and drop, through real
 * widgets under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "mt-day-column.h"
#include "mt-itinerary-model.h"
#include "mt-itinerary-view.h"
#include "mt-visit-card.h"
#include "mt-visit-editor.h"

static MtApplication *app;

static gpointer
editor_child (GtkWidget  *editor,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (editor, MT_TYPE_VISIT_EDITOR, name);

  g_assert_nonnull (child);
  return child;
}

/* the check button of the group row titled @name */
static GtkCheckButton *
group_check (GtkWidget  *editor,
             const char *name)
{
  GtkWidget *group = editor_child (editor, "groups_group");
  GtkWidget *row = NULL;

  for (GtkWidget *w = gui_test_find_descendant (group, ADW_TYPE_ACTION_ROW); w != NULL;)
    {
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), name) == 0)
        {
          row = w;
          break;
        }
      w = gtk_widget_get_next_sibling (w);
    }
  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (gui_test_find_descendant (row, GTK_TYPE_CHECK_BUTTON));
}

/* Editing only the title of a visit for the whole delegation keeps it for
 * the whole delegation: the editor shows that case on its own switch, not
 * as every group ticked, and a group added later is in it too. */
static void
test_whole_delegation (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtItineraryView *view = MT_ITINERARY_VIEW (mt_window_get_itinerary (window));
  MtVisit *lunch = gui_test_find_entity (tour, MT_ENTITY_VISIT, "Lunch");
  MtGroup *coach_b = gui_test_find_entity (tour, MT_ENTITY_GROUP, "Coach B");
  g_autoptr(MtGroup) later = mt_group_new (NULL);
  g_autofree char *saved = NULL;
  GtkWidget *editor;
  GtkSwitch *whole;

  g_assert_nonnull (lunch);
  g_assert_nonnull (coach_b);
  g_assert_null (mt_visit_get_groups (lunch));

  editor = mt_itinerary_view_open_editor (view, lunch, -1);
  gui_test_iterate ();
  whole = editor_child (editor, "whole_switch");
  g_assert_true (gtk_switch_get_active (whole));
  g_assert_false (gtk_check_button_get_active (group_check (editor, "Coach A")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (group_check (editor, "Coach A"))));
  g_free (gui_test_screenshot (editor, "visit-editor-whole-delegation"));

  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "title_row")), "Lunch at the hotel");
  gtk_widget_activate_action (editor, "editor.save", NULL);
  gui_test_iterate ();
  g_assert_cmpstr (mt_visit_get_title (lunch), ==, "Lunch at the hotel");
  g_assert_null (mt_visit_get_groups (lunch));

  /* what the file says: no groups for the lunch */
  {
    g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);

    saved = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  }
  {
    const char *at = strstr (saved, "\"Lunch at the hotel\"");
    const char *next = at ? strstr (at, "\"id\"") : NULL;
    g_autofree char *entry = at ? g_strndup (at, next ? (gsize) (next - at) : strlen (at)) : NULL;

    g_assert_nonnull (entry);
    g_assert_null (strstr (entry, "\"groups\""));
  }

  /* a group made afterwards goes to lunch too */
  mt_group_set_name (later, "Late arrivals");
  g_assert_true (mt_tour_add (tour, MT_ENTITY (later), NULL));
  g_assert_true (mt_visit_has_group (lunch, mt_entity_get_id (MT_ENTITY (later))));

  /* turning the switch off and ticking one group makes it that group's */
  editor = mt_itinerary_view_open_editor (view, lunch, -1);
  gui_test_iterate ();
  whole = editor_child (editor, "whole_switch");
  gtk_switch_set_active (whole, FALSE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (group_check (editor, "Coach B"))));
  /* no group ticked and not the whole delegation: nothing to save */
  g_assert_false (mt_visit_editor_can_save (MT_VISIT_EDITOR (editor)));
  gtk_check_button_set_active (group_check (editor, "Coach B"), TRUE);
  g_assert_true (mt_visit_editor_can_save (MT_VISIT_EDITOR (editor)));
  gtk_widget_activate_action (editor, "editor.save", NULL);
  gui_test_iterate ();
  g_assert_nonnull (mt_visit_get_groups (lunch));
  g_assert_cmpuint (g_strv_length ((char **) mt_visit_get_groups (lunch)), ==, 1);
  g_assert_true (mt_visit_has_group (lunch, mt_entity_get_id (MT_ENTITY (coach_b))));

  /* and a visit of one group opens with the switch off and its box ticked */
  editor = mt_itinerary_view_open_editor (view, lunch, -1);
  gui_test_iterate ();
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (editor_child (editor, "whole_switch"))));
  g_assert_true (gtk_check_button_get_active (group_check (editor, "Coach B")));
  g_assert_false (gtk_check_button_get_active (group_check (editor, "Coach A")));
  gtk_window_close (GTK_WINDOW (editor));
  gui_test_iterate ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (mt_visit_get_groups (lunch));

  gui_test_force_close (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = gui_test_init (&argc, &argv);
  int result;

  if (tmp_dir == NULL)
    return 0;
  app = gui_test_app_new ();

  g_test_add_func ("/gui/board/whole-delegation", test_whole_delegation);

  result = g_test_run ();

  g_clear_object (&app);
  gui_test_remove_tree (tmp_dir);
  return result;
}
