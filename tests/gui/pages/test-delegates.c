/* test-delegates.c: several delegates at once, a group's members, and a
 * delegate's schedule, through the delegates page in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "gui-test-util.h"
#include "mt-delegate-checklist.h"
#include "mt-delegate-schedule.h"
#include "mt-delegates-page.h"
#include "mt-export-dialog.h"
#include "mt-interviews-page.h"
#include "mt-ical.h"
#include "mt-page-logic.h"
#include "mt-print-dialog.h"

static MtApplication *app;

static MtDelegatesPage *
show_delegates (MtWindow *window)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "delegates");
  gui_test_wait_for_frame (GTK_WIDGET (window));
  page = gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_DELEGATES_PAGE);
  g_assert_nonnull (page);
  return MT_DELEGATES_PAGE (page);
}

/* selects the rows @first … @first + @n - 1 of the table, as Shift+click does */
static GStrv
select_rows (MtDelegatesPage *page,
             guint            first,
             guint            n)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (mt_delegates_page_get_column_view (page));
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  gtk_selection_model_select_range (selection, first, n, TRUE);
  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(MtEntity) delegate = g_list_model_get_item (G_LIST_MODEL (selection), i);

      g_strv_builder_add (ids, mt_entity_get_id (delegate));
    }
  gui_test_iterate ();
  return g_strv_builder_end (ids);
}

static gboolean
all_in_group (MtTour     *tour,
              GStrv       ids,
              const char *group_id)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (mt_delegate_get_group (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, ids[i])), group_id) != 0)
      return FALSE;
  return TRUE;
}

/* Three delegates selected move to a group in one step, which Undo takes
 * back; the bar under the table says how many are selected */
static void
test_move_to_group (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtDelegatesPage *page = show_delegates (window);
  MtGroup *group = gui_test_find_entity (tour, MT_ENTITY_GROUP, "TV crews");
  const char *group_id = mt_entity_get_id (MT_ENTITY (group));
  g_auto(GStrv) ids = select_rows (page, 2, 3);
  MtHistory *history = mt_tour_get_history (tour);
  guint n_steps = mt_history_get_n_steps (history);
  g_autofree char *before = g_strdup (mt_delegate_get_group (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, ids[0])));

  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (page), "3 delegates selected"));
  g_assert_false (all_in_group (tour, ids, group_id));
  gtk_widget_activate_action (GTK_WIDGET (page), "delegates.move-to-group", "s", group_id);
  g_assert_true (all_in_group (tour, ids, group_id));
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, n_steps + 1);
  g_assert_cmpstr (mt_history_get_undo_label (history), ==, "Move 3 delegates to “TV crews”");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (mt_delegate_get_group (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, ids[0])), ==, before);

  /* and out of any group */
  gtk_widget_activate_action (GTK_WIDGET (page), "delegates.move-to-group", "s", "");
  g_assert_true (all_in_group (tour, ids, NULL));
  gui_test_force_close (window);
}

/* answers the question over the window, choosing @position in its list */
static void
choose_in_question (MtWindow *window,
                    guint     position)
{
  GtkWidget *dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  GtkWidget *dropdown;

  g_assert_nonnull (dialog);
  dropdown = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  gui_test_answer (dialog, "add");
}

/* Delegates join an interview beside those in it; a visit of one group is
 * joined by their groups, one step each */
static void
test_add_to (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtHistory *history = mt_tour_get_history (tour);
  MtDelegatesPage *page = show_delegates (window);
  g_autoptr(GPtrArray) interviews = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) ids = NULL;
  MtInterview *interview;
  MtVisit *visit = NULL;
  guint before, n_steps;

  /* the first interview in time, as the list offers them */
  for (guint i = 0; i < g_list_model_get_n_items (mt_tour_get_interviews (tour)); i++)
    g_ptr_array_add (interviews, g_list_model_get_item (mt_tour_get_interviews (tour), i));
  interview = g_ptr_array_index (interviews, 0);
  for (guint i = 1; i < interviews->len; i++)
    if (mt_interview_get_start (g_ptr_array_index (interviews, i)) < mt_interview_get_start (interview))
      interview = g_ptr_array_index (interviews, i);
  before = g_strv_length ((char **) mt_interview_get_delegates (interview));

  ids = select_rows (page, 40, 2);
  n_steps = mt_history_get_n_steps (history);
  gtk_widget_activate_action (GTK_WIDGET (page), "delegates.add-to-interview", NULL);
  gui_test_iterate ();
  choose_in_question (window, 0);
  g_assert_true (mt_interview_has_delegate (interview, ids[0]));
  g_assert_true (mt_interview_has_delegate (interview, ids[1]));
  g_assert_cmpuint (g_strv_length ((char **) mt_interview_get_delegates (interview)), ==, before + 2);
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, n_steps + 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_strv_length ((char **) mt_interview_get_delegates (interview)), ==, before);

  /* a visit of one group: the other groups of the delegates join it */
  {
    GListModel *visits = mt_tour_get_visits (tour);

    for (guint i = 0; i < g_list_model_get_n_items (visits) && visit == NULL; i++)
      {
        g_autoptr(MtVisit) v = g_list_model_get_item (visits, i);

        if (mt_visit_get_groups (v) != NULL && g_strv_length ((char **) mt_visit_get_groups (v)) == 1)
          visit = v;
      }
  }
  g_assert_nonnull (visit);
  {
    GListModel *delegates = mt_tour_get_delegates (tour);
    g_autoptr(GStrvBuilder) others = g_strv_builder_new ();
    g_auto(GStrv) chosen = NULL;
    MtHistory *h = mt_tour_get_history (tour);
    g_autofree char *label = g_strdup_printf ("Add groups to “%s”", mt_visit_get_title (visit));

    for (guint i = 0; i < g_list_model_get_n_items (delegates); i++)
      {
        g_autoptr(MtDelegate) d = g_list_model_get_item (delegates, i);

        if (mt_delegate_get_group (d) != NULL && !mt_visit_has_group (visit, mt_delegate_get_group (d)))
          {
            g_strv_builder_add (others, mt_entity_get_id (MT_ENTITY (d)));
            break;
          }
      }
    chosen = g_strv_builder_end (others);
    g_assert_nonnull (chosen[0]);
    g_assert_cmpuint (mt_page_add_delegates_to_visit (tour, visit, (const char * const *) chosen, NULL, label), ==, 1);
    g_assert_true (mt_visit_has_group (visit, mt_delegate_get_group (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, chosen[0]))));
    g_assert_cmpuint (g_strv_length ((char **) mt_visit_get_groups (visit)), ==, 2);
    g_assert_cmpstr (mt_history_get_undo_label (h), ==, label);
    mt_history_undo (h);
    g_assert_cmpuint (g_strv_length ((char **) mt_visit_get_groups (visit)), ==, 1);
  }
  gui_test_force_close (window);
}

/* A group's editor changes its colour and its members in one step */
static void
test_group_members (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtDelegatesPage *page = show_delegates (window);
  MtGroup *group = gui_test_find_entity (tour, MT_ENTITY_GROUP, "Coach C");
  const char *group_id = mt_entity_get_id (MT_ENTITY (group));
  guint members = mt_page_count_group_members (tour, group_id);
  g_autoptr(MtDelegate) newcomer = NULL;
  g_autoptr(MtDelegate) leaver = NULL;
  MtDelegateChecklist *checklist;
  GtkWidget *editor, *button;
  GdkRGBA red = { 0.878, 0.106, 0.141, 1 };
  MtHistory *history = mt_tour_get_history (tour);
  guint n_steps = mt_history_get_n_steps (history);

  for (guint i = 0; i < g_list_model_get_n_items (mt_tour_get_delegates (tour)); i++)
    {
      g_autoptr(MtDelegate) d = g_list_model_get_item (mt_tour_get_delegates (tour), i);

      if (newcomer == NULL && g_strcmp0 (mt_delegate_get_group (d), group_id) != 0)
        newcomer = g_object_ref (d);
      if (leaver == NULL && g_strcmp0 (mt_delegate_get_group (d), group_id) == 0)
        leaver = g_object_ref (d);
    }

  button = gui_test_find_by_tooltip (GTK_WIDGET (page), "Edit “Coach C”");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();
  editor = gui_test_find_toplevel (ADW_TYPE_WINDOW, GTK_WINDOW (window));
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Group");
  checklist = MT_DELEGATE_CHECKLIST (gui_test_find_descendant (editor, MT_TYPE_DELEGATE_CHECKLIST));
  g_assert_cmpuint (mt_delegate_checklist_get_n_chosen (checklist), ==, members);
  g_assert_true (mt_delegate_checklist_is_chosen (checklist, mt_entity_get_id (MT_ENTITY (leaver))));

  mt_delegate_checklist_choose (checklist, mt_entity_get_id (MT_ENTITY (newcomer)), TRUE);
  {
    g_auto(GStrv) chosen = mt_delegate_checklist_dup_chosen (checklist);
    g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

    for (guint i = 0; chosen[i] != NULL; i++)
      if (!g_str_equal (chosen[i], mt_entity_get_id (MT_ENTITY (leaver))))
        g_strv_builder_add (kept, chosen[i]);
    g_strfreev (chosen);
    chosen = g_strv_builder_end (kept);
    mt_delegate_checklist_choose (checklist, NULL, FALSE);
    for (guint i = 0; chosen[i] != NULL; i++)
      mt_delegate_checklist_choose (checklist, chosen[i], TRUE);
  }
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (gui_test_find_descendant (editor, GTK_TYPE_COLOR_BUTTON)), &red);
  g_signal_emit_by_name (gui_test_find_button (editor, "_Save"), "clicked");
  gui_test_iterate ();

  g_assert_cmpstr (mt_delegate_get_group (newcomer), ==, group_id);
  g_assert_null (mt_delegate_get_group (leaver));
  g_assert_cmpuint (mt_page_count_group_members (tour, group_id), ==, members);
  g_assert_cmpstr (mt_group_get_color (group), ==, "#e01b24");
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, n_steps + 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (mt_delegate_get_group (leaver), ==, group_id);
  g_assert_cmpstr (mt_delegate_get_group (newcomer), !=, group_id);
  gui_test_force_close (window);
}

static gboolean
has_toplevel (gpointer type)
{
  return gui_test_find_toplevel (GPOINTER_TO_SIZE (type), NULL) != NULL;
}

/* A row's schedule: the delegate's items day by day, with Export… and
 * Print… for them */
static void
test_schedule (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtDelegatesPage *page = show_delegates (window);
  g_autoptr(MtDelegate) delegate = g_list_model_get_item (mt_tour_get_delegates (tour), 7);
  const char *id = mt_entity_get_id (MT_ENTITY (delegate));
  g_autoptr(GPtrArray) items = mt_ical_select_items (tour, NULL, id, NULL);
  g_autofree char *title = g_strdup_printf ("Schedule of %s", mt_delegate_get_name (delegate));
  GtkWidget *schedule, *dialog;
  guint n_rows = 0;

  gtk_widget_activate_action (GTK_WIDGET (page), "delegates.schedule", "s", id);
  gui_test_iterate ();
  schedule = gui_test_find_toplevel (MT_TYPE_DELEGATE_SCHEDULE, GTK_WINDOW (window));
  g_assert_nonnull (schedule);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (schedule)), ==, title);
  gui_test_wait_for_frame (schedule);
  /* a row per item, and one a day without */
  {
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, schedule);
    while (stack->len > 0)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (ADW_IS_ACTION_ROW (w))
          n_rows++;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_ptr_array_unref (stack);
  }
  g_assert_cmpuint (n_rows, >=, items->len);
  g_assert_cmpuint (n_rows, <=, items->len + mt_tour_get_n_days (tour));

  /* Export… for them */
  gtk_widget_activate_action (schedule, "schedule.export", NULL);
  g_assert_true (gui_test_wait_until (has_toplevel, GSIZE_TO_POINTER (MT_TYPE_EXPORT_DIALOG)));
  dialog = gui_test_find_toplevel (MT_TYPE_EXPORT_DIALOG, NULL);
  {
    g_autofree char *label = mt_scope_chooser_dup_label (mt_export_dialog_get_scope (MT_EXPORT_DIALOG (dialog)));

    g_assert_cmpstr (label, ==, mt_delegate_get_name (delegate));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_activate_action (schedule, "schedule.print", NULL);
  g_assert_true (gui_test_wait_until (has_toplevel, GSIZE_TO_POINTER (MT_TYPE_PRINT_DIALOG)));
  dialog = gui_test_find_toplevel (MT_TYPE_PRINT_DIALOG, NULL);
  g_assert_cmpuint (mt_print_dialog_get_n_pages (MT_PRINT_DIALOG (dialog)), >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (schedule));
  gui_test_force_close (window);
}

static void
test_look (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtDelegatesPage *page = show_delegates (window);
  g_autoptr(MtDelegate) delegate = g_list_model_get_item (mt_tour_get_delegates (tour), 7);
  g_auto(GStrv) ids = select_rows (page, 2, 3);
  GtkWidget *dialog;

  gui_test_screenshot_styles (GTK_WIDGET (window), "delegates-selected");
  gtk_widget_activate_action (GTK_WIDGET (page), "delegates.add-to-interview", NULL);
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  gui_test_screenshot_styles (dialog, "delegates-add-to-interview");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_signal_emit_by_name (gui_test_find_by_tooltip (GTK_WIDGET (page), _("Add a group")), "clicked");
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (ADW_TYPE_WINDOW, GTK_WINDOW (window));
  gui_test_screenshot_styles (dialog, "group-editor");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_widget_activate_action (GTK_WIDGET (page), "delegates.schedule", "s", mt_entity_get_id (MT_ENTITY (delegate)));
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (MT_TYPE_DELEGATE_SCHEDULE, GTK_WINDOW (window));
  gui_test_screenshot_styles (dialog, "delegate-schedule");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_force_close (window);
}

/* Every delete on the delegates and interviews pages says what it deleted
 * in a toast that offers Undo, as deleting a visit does */
static void
test_delete_toasts (void)
{
  MtWindow *window = gui_test_open_sample (app);
  MtTour *tour = mt_window_get_tour (window);
  MtDelegatesPage *page = show_delegates (window);
  g_auto(GStrv) ids = select_rows (page, 1, 3);
  MtGroup *group = gui_test_find_entity (tour, MT_ENTITY_GROUP, "TV crews");
  g_autofree char *group_id = g_strdup (mt_entity_get_id (MT_ENTITY (group)));
  g_autoptr(MtInterview) interview = g_list_model_get_item (mt_tour_get_interviews (tour), 0);
  g_autofree char *interview_id = g_strdup (mt_entity_get_id (MT_ENTITY (interview)));
  g_autofree char *said = NULL;
  GtkWidget *page_widget;
  GtkWindow *editor;
  GtkWidget *undo;

  /* three at once with the Delete key */
  gtk_widget_activate_action (GTK_WIDGET (page), "delegates.delete", NULL);
  gui_test_iterate ();
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_null (mt_tour_lookup (tour, ids[i]));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), "Deleted 3 delegates"));
  /* the toast's own button takes them back */
  undo = gui_test_find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  gui_test_iterate ();
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_nonnull (mt_tour_lookup (tour, ids[i]));

  /* one from its editor */
  editor = mt_delegates_page_edit (page, ids[0]);
  said = g_strdup_printf ("Deleted “%s”", mt_delegate_get_name (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, ids[0])));
  g_signal_emit_by_name (gui_test_find_button (GTK_WIDGET (editor), "_Delete Delegate"), "clicked");
  gui_test_iterate ();
  g_assert_null (mt_tour_lookup (tour, ids[0]));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), said));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_nonnull (mt_tour_lookup (tour, ids[0]));

  /* a group by its row's trash button */
  g_signal_emit_by_name (gui_test_find_by_tooltip (GTK_WIDGET (page), "Delete “TV crews”"), "clicked");
  gui_test_iterate ();
  g_assert_null (mt_tour_lookup (tour, group_id));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), "Deleted “TV crews”"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_nonnull (mt_tour_lookup (tour, group_id));

  /* an interview from its editor */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "interviews");
  gui_test_wait_for_frame (GTK_WIDGET (window));
  page_widget = gui_test_find_descendant (GTK_WIDGET (window), MT_TYPE_INTERVIEWS_PAGE);
  g_assert_nonnull (page_widget);
  editor = mt_interviews_page_edit (MT_INTERVIEWS_PAGE (page_widget), interview_id);
  g_free (said);
  said = g_strdup_printf ("Deleted the interview with %s", mt_interview_get_interviewee (interview));
  g_signal_emit_by_name (gui_test_find_button (GTK_WIDGET (editor), "_Delete Interview"), "clicked");
  gui_test_iterate ();
  g_assert_null (mt_tour_lookup (tour, interview_id));
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (window), said));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_nonnull (mt_tour_lookup (tour, interview_id));
  gui_test_force_close (window);
}

static void
add_tests (void)
{
  g_test_add_func ("/gui/delegates/delete-toasts", test_delete_toasts);
  g_test_add_func ("/gui/delegates/move-to-group", test_move_to_group);
  g_test_add_func ("/gui/delegates/add-to", test_add_to);
  g_test_add_func ("/gui/delegates/group-members", test_group_members);
  g_test_add_func ("/gui/delegates/schedule", test_schedule);
  g_test_add_func ("/gui/delegates/look", test_look);
}

int
main (int   argc,
      char *argv[])
{
  return gui_test_main (&argc, &argv, &app, NULL, add_tests);
}
