/* test-versions-window.c: issuing a version and reading what changed for
 * a delegate, through the window's real actions and dialogs
 *
 * Runs under xvfb-run (see tests/gui/meson.build). Screenshots of the
 * dialogs go to <build>/tests/gui/screenshots/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "mt-issue-dialog.h"
#include "mt-test-lookup.h"
#include "mt-time-text.h"
#include "mt-versions-dialog.h"
#include "mt-window.h"

static MtApplication *app;
static char *tmp_dir;

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

static MtIssueDialog *
open_issue_dialog (GtkWidget *from,
                   GtkWindow *parent,
                   const char *action)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (from, action, NULL));
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (MT_TYPE_ISSUE_DIALOG, parent);
  g_assert_nonnull (dialog);
  gui_test_wait_for_frame (dialog);
  return MT_ISSUE_DIALOG (dialog);
}

/* the title of the group heading @dialog */
static const char *
issue_title (MtIssueDialog *dialog)
{
  GtkWidget *group = gui_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP);

  return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
}

/* the rows on screen that show a version of @tour, named by its id */
static guint
count_rows (GtkWidget *root,
            MtTour    *tour)
{
  guint n = GTK_IS_LIST_BOX_ROW (root) && gtk_widget_get_mapped (root) &&
            mt_tour_lookup_version (tour, gtk_widget_get_name (root)) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, tour);
  return n;
}

/* "Issue Version…" from the window's menu: the dialog names Version 1,
 * takes a note and issues; the list of versions shows it; after a visit
 * of one group moves, a delegate of that group reads what changed, with
 * both times, and one of another group reads that nothing did; a second
 * version issued from the list's own button shows at once, and undoing
 * it in the window withdraws it from the list */
static void
test_issue_and_read (void)
{
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  MtWindow *window = mt_application_add_window (app, sample, NULL);
  MtTour *tour = mt_window_get_tour (window);
  MtVisit *filming = mt_test_lookup_named (tour, MT_ENTITY_VISIT, "Shenzhen: filming");
  GListModel *delegates = mt_tour_get_delegates (tour);
  const char *ours = NULL, *theirs = NULL;
  MtIssueDialog *issue;
  MtVersionsDialog *versions;
  GtkWidget *note;
  g_autoptr(MtVersion) first = NULL;
  g_autofree char *from = NULL, *to = NULL, *moved = NULL;

  gui_test_wait_for_frame (GTK_WIDGET (window));
  for (guint i = 0, n = g_list_model_get_n_items (delegates); i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);
      gboolean in_group = g_strcmp0 (mt_delegate_get_group (delegate), mt_visit_get_groups (filming)[0]) == 0;

      if (in_group && ours == NULL)
        ours = mt_entity_get_id (MT_ENTITY (delegate));
      if (!in_group && theirs == NULL)
        theirs = mt_entity_get_id (MT_ENTITY (delegate));
    }

  issue = open_issue_dialog (GTK_WIDGET (window), GTK_WINDOW (window), "win.issue-version");
  g_assert_cmpstr (issue_title (issue), ==, "Issue Version 1");
  note = gui_test_find_descendant (GTK_WIDGET (issue), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (note), "Sent on the coach");
  gui_test_wait_for_frame (GTK_WIDGET (issue));
  g_free (gui_test_screenshot (GTK_WIDGET (issue), "versions-issue"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (issue), "issue.issue", NULL));
  gui_test_iterate ();
  g_assert_null (gui_test_find_toplevel (MT_TYPE_ISSUE_DIALOG, GTK_WINDOW (window)));
  g_assert_cmpuint (g_list_model_get_n_items (mt_tour_get_versions (tour)), ==, 1);
  first = g_list_model_get_item (mt_tour_get_versions (tour), 0);
  g_assert_cmpstr (mt_version_get_note (first), ==, "Sent on the coach");
  g_assert_true (mt_window_get_dirty (window));

  /* the plan changes for one group */
  from = mt_time_text_hour (mt_visit_get_start (filming));
  mt_tour_move_visit (tour, filming, mt_visit_get_start (filming) + 30 * 60);
  to = mt_time_text_hour (mt_visit_get_start (filming));
  moved = g_strdup_printf ("moved from %s to %s", from, to);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.versions", NULL));
  gui_test_iterate ();
  versions = MT_VERSIONS_DIALOG (gui_test_find_toplevel (MT_TYPE_VERSIONS_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (versions);
  gui_test_wait_for_frame (GTK_WIDGET (versions));
  g_assert_cmpuint (mt_versions_dialog_get_n_versions (versions), ==, 1);
  g_assert_cmpuint (count_rows (GTK_WIDGET (versions), tour), ==, 1);

  mt_versions_dialog_select_delegate (versions, ours);
  /* the row names the delegate chosen */
  {
    GtkWidget *row = gui_test_find_descendant (GTK_WIDGET (versions), ADW_TYPE_COMBO_ROW);
    MtEntity *delegate = mt_tour_lookup (tour, ours);
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_true (gtk_expression_evaluate (adw_combo_row_get_expression (ADW_COMBO_ROW (row)),
                                            adw_combo_row_get_selected_item (ADW_COMBO_ROW (row)), &value));
    g_assert_cmpstr (g_value_get_string (&value), ==, mt_entity_get_display_name (delegate));
  }
  assert_contains (mt_versions_dialog_get_digest_text (versions), "Shenzhen: filming");
  assert_contains (mt_versions_dialog_get_digest_text (versions), moved);
  gui_test_wait_for_frame (GTK_WIDGET (versions));
  g_free (gui_test_screenshot (GTK_WIDGET (versions), "versions-list"));
  mt_versions_dialog_select_delegate (versions, theirs);
  assert_contains (mt_versions_dialog_get_digest_text (versions), "Nothing has changed for ");

  /* a second version, from the list's own button, says Version 2 */
  issue = open_issue_dialog (GTK_WIDGET (versions), GTK_WINDOW (versions), "versions.issue");
  g_assert_cmpstr (issue_title (issue), ==, "Issue Version 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (issue), "issue.issue", NULL));
  gui_test_iterate ();
  g_assert_cmpuint (count_rows (GTK_WIDGET (versions), tour), ==, 2);
  /* since their last copy, Version 2, nothing changed for them; since
   * Version 1, the filming did */
  mt_versions_dialog_select_delegate (versions, ours);
  assert_contains (mt_versions_dialog_get_digest_text (versions), "Nothing has changed for ");
  mt_versions_dialog_select_since (versions, first);
  assert_contains (mt_versions_dialog_get_digest_text (versions), moved);

  /* undone in the window, Version 2 leaves the list */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gui_test_iterate ();
  g_assert_cmpuint (count_rows (GTK_WIDGET (versions), tour), ==, 1);

  gtk_window_destroy (GTK_WINDOW (versions));
  gui_test_force_close (window);
}

/* win.delegate-changes, as a view of a delegate activates it, opens the
 * list on that delegate's changes; an id that names no delegate opens
 * nothing */
static void
test_delegate_changes (void)
{
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  MtWindow *window = mt_application_add_window (app, sample, NULL);
  MtTour *tour = mt_window_get_tour (window);
  MtDelegate *hu = mt_test_lookup_named (tour, MT_ENTITY_DELEGATE, "Hu Jiayi");
  MtVisit *ehang = mt_test_lookup_named (tour, MT_ENTITY_VISIT, "EHang");
  GtkWidget *dialog;

  gui_test_wait_for_frame (GTK_WIDGET (window));
  mt_tour_issue_version (tour, NULL);
  mt_visit_set_meeting_point (ehang, "Hotel lobby, 17:00");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delegate-changes", "s",
                                             "00000000-0000-4000-8000-00000000dead"));
  gui_test_iterate ();
  g_assert_null (gui_test_find_toplevel (MT_TYPE_VERSIONS_DIALOG, GTK_WINDOW (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delegate-changes", "s",
                                             mt_entity_get_id (MT_ENTITY (hu))));
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (MT_TYPE_VERSIONS_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  assert_contains (mt_versions_dialog_get_digest_text (MT_VERSIONS_DIALOG (dialog)), "What changed for Hu Jiayi");
  assert_contains (mt_versions_dialog_get_digest_text (MT_VERSIONS_DIALOG (dialog)), "Hotel lobby, 17:00");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_force_close (window);
}

/* The dialogs in Simplified Chinese: the test runs in a subprocess that
 * starts GTK under the zh_CN.UTF-8 locale (gui_test_setup_locale()) */
static void
test_zh_cn (void)
{
  if (!gui_test_have_zh_cn ())
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(MtTour) sample = mt_tour_new_sample ();
      MtWindow *window = mt_application_add_window (app, sample, NULL);
      MtTour *tour = mt_window_get_tour (window);
      MtVisit *filming = mt_test_lookup_named (tour, MT_ENTITY_VISIT, "Shenzhen: filming");
      MtIssueDialog *issue;
      MtVersionsDialog *versions;
      GListModel *delegates = mt_tour_get_delegates (tour);

      gui_test_wait_for_frame (GTK_WIDGET (window));
      issue = open_issue_dialog (GTK_WIDGET (window), GTK_WINDOW (window), "win.issue-version");
      g_assert_cmpstr (issue_title (issue), ==, "发布第 1 版");
      g_free (gui_test_screenshot (GTK_WIDGET (issue), "versions-issue-zh_CN"));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (issue), "issue.issue", NULL));
      gui_test_iterate ();
      mt_tour_move_visit (tour, filming, mt_visit_get_start (filming) + 30 * 60);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.versions", NULL));
      gui_test_iterate ();
      versions = MT_VERSIONS_DIALOG (gui_test_find_toplevel (MT_TYPE_VERSIONS_DIALOG, GTK_WINDOW (window)));
      g_assert_nonnull (versions);
      for (guint i = 0, n = g_list_model_get_n_items (delegates); i < n; i++)
        {
          g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);

          if (g_strcmp0 (mt_delegate_get_group (delegate), mt_visit_get_groups (filming)[0]) == 0)
            {
              mt_versions_dialog_select_delegate (versions, mt_entity_get_id (MT_ENTITY (delegate)));
              break;
            }
        }
      assert_contains (mt_versions_dialog_get_digest_text (versions), "改到");
      gui_test_wait_for_frame (GTK_WIDGET (versions));
      g_free (gui_test_screenshot (GTK_WIDGET (versions), "versions-list-zh_CN"));
      gtk_window_destroy (GTK_WINDOW (versions));
      gui_test_force_close (window);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int result;

  tmp_dir = gui_test_setup_env ();
  g_test_init (&argc, &argv, NULL);
  gui_test_setup_locale ();
  gtk_init ();
  adw_init ();

  app = gui_test_app_new ();

  g_test_add_func ("/gui/versions/issue-and-read", test_issue_and_read);
  g_test_add_func ("/gui/versions/delegate-changes", test_delegate_changes);
  g_test_add_func ("/gui/versions/zh-cn", test_zh_cn);

  result = g_test_run ();

  g_clear_object (&app);
  gui_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
