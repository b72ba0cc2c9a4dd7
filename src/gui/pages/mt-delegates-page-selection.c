/* mt-delegates-page-selection.c: what the delegates page does to the
 * delegates selected
 *
 * The table selects several rows (Ctrl and Shift with a click, Ctrl+A); a
 * bar under it then offers to move them all to a group, to add them to a
 * visit (a visit is attended by groups: theirs join it) or to an interview,
 * each as one undoable step with a toast, and to show one's schedule. The
 * last column of every row shows that row's schedule too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-delegates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-delegate-schedule.h"
#include "mt-delegates-page-private.h"
#include "mt-itinerary-model.h"
#include "mt-toast.h"

GStrv
_mt_delegates_page_dup_selected_ids (MtDelegatesPage *self)
{
  GtkSelectionModel *model = _mt_delegates_page_get_selection (self);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    do
      {
        g_autoptr(MtEntity) delegate = g_list_model_get_item (G_LIST_MODEL (model), position);

        if (delegate != NULL)
          g_strv_builder_add (builder, mt_entity_get_id (delegate));
      }
    while (gtk_bitset_iter_next (&iter, &position));
  return g_strv_builder_end (builder);
}

static MtTour *
tour_of (GtkWidget *widget)
{
  return mt_delegates_page_get_tour (MT_DELEGATES_PAGE (widget));
}

/* Moving to a group */

static void
move_to_group_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MtTour *tour = tour_of (widget);
  g_auto(GStrv) ids = _mt_delegates_page_dup_selected_ids (MT_DELEGATES_PAGE (widget));
  const char *group_id = g_variant_get_string (parameter, NULL);
  MtGroup *group = *group_id ? mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, group_id) : NULL;
  const char *name = group && mt_group_get_name (group) ? mt_group_get_name (group) : "";
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  guint n = g_strv_length (ids), moved;

  if (n == 0 || tour == NULL || (*group_id && group == NULL))
    return;
  if (group != NULL)
    /* Translators: an undoable step, “%s” is a group's name */
    label = g_strdup_printf (g_dngettext (NULL, "Move %u delegate to “%s”", "Move %u delegates to “%s”", n), n, name);
  else
    /* Translators: an undoable step */
    label = g_strdup_printf (g_dngettext (NULL, "Take %u delegate out of their group", "Take %u delegates out of their groups", n), n);
  moved = mt_page_move_delegates (tour, (const char * const *) ids, group ? group_id : NULL, label);
  if (group != NULL)
    /* Translators: a toast, “%s” is a group's name */
    message = g_strdup_printf (g_dngettext (NULL, "Moved %u delegate to “%s”", "Moved %u delegates to “%s”", moved), moved, name);
  else
    /* Translators: a toast */
    message = g_strdup_printf (g_dngettext (NULL, "Took %u delegate out of their group", "Took %u delegates out of their groups", moved), moved);
  mt_toast_show_undo (widget, message);
}

static void
update_move_menu (GtkMenuButton   *button,
                  MtDelegatesPage *self)
{
  MtTour *tour = mt_delegates_page_get_tour (self);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) groups = g_menu_new ();
  g_autoptr(GMenuItem) none = g_menu_item_new (_("No Group"), NULL);
  GListModel *model;

  if (tour == NULL)
    return;
  model = mt_tour_get_groups (tour);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(MtGroup) group = g_list_model_get_item (model, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (mt_page_nonnull (mt_group_get_name (group)), NULL);

      g_menu_item_set_action_and_target (item, "delegates.move-to-group", "s", mt_entity_get_id (MT_ENTITY (group)));
      g_menu_append_item (groups, item);
    }
  g_menu_item_set_action_and_target (none, "delegates.move-to-group", "s", "");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (groups));
  g_menu_append_item (menu, none);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* Adding to a visit or an interview: a question with a list to choose from */

typedef struct
{
  GtkWidget *page;      /* weak */
  GStrv      delegates;
  GPtrArray *ids;       /* behind the drop-down */
  GtkDropDown *dropdown;
  gboolean   visit;
} AddTo;

static void
add_to_free (gpointer data)
{
  AddTo *a = data;

  g_clear_weak_pointer (&a->page);
  g_strfreev (a->delegates);
  g_ptr_array_unref (a->ids);
  g_free (a);
}

static char *
item_label (MtTour   *tour,
            MtEntity *item)
{
  gint64 start = MT_IS_VISIT (item) ? mt_visit_get_start (MT_VISIT (item)) : mt_interview_get_start (MT_INTERVIEW (item));
  int day = start != MT_TIME_UNSET ? mt_tour_get_day_index (tour, start) : -1;
  g_autofree char *day_title = mt_itinerary_day_title (day);
  g_autofree char *time = mt_itinerary_format_clock (start);
  g_autofree char *title = NULL;

  if (MT_IS_VISIT (item))
    title = g_strdup (mt_visit_get_title (MT_VISIT (item)) ? mt_visit_get_title (MT_VISIT (item)) : _("Untitled visit"));
  else
    /* Translators: an interview in a list, “%s” is the interviewee */
    title = g_strdup_printf (_("Interview with %s"), mt_page_nonnull (mt_interview_get_interviewee (MT_INTERVIEW (item))));
  /* Translators: an item to choose: its day, its time and its title, "Day 2 · 10:30 · Lunch" */
  return g_strdup_printf (_("%s · %s · %s"), day_title, time, title);
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  MtEntity *ea = *(MtEntity **) a, *eb = *(MtEntity **) b;
  gint64 sa = MT_IS_VISIT (ea) ? mt_visit_get_start (MT_VISIT (ea)) : mt_interview_get_start (MT_INTERVIEW (ea));
  gint64 sb = MT_IS_VISIT (eb) ? mt_visit_get_start (MT_VISIT (eb)) : mt_interview_get_start (MT_INTERVIEW (eb));

  return sa < sb ? -1 : sa > sb;
}

static void
on_add_to_response (AdwMessageDialog *dialog,
                    const char       *response,
                    AddTo            *a)
{
  MtTour *tour = a->page ? tour_of (a->page) : NULL;
  guint selected = gtk_drop_down_get_selected (a->dropdown);
  guint n = g_strv_length (a->delegates);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  MtEntity *item;

  if (!g_str_equal (response, "add") || tour == NULL || selected >= a->ids->len)
    return;
  item = mt_tour_lookup (tour, g_ptr_array_index (a->ids, selected));
  if (item == NULL)
    return;

  if (a->visit)
    {
      const char *title = mt_page_nonnull (mt_visit_get_title (MT_VISIT (item)));
      guint without = 0, added;

      /* Translators: an undoable step, “%s” is a visit's title */
      label = g_strdup_printf (_("Add groups to “%s”"), title);
      added = mt_page_add_delegates_to_visit (tour, MT_VISIT (item), (const char * const *) a->delegates,
                                              &without, label);
      if (mt_visit_get_groups (MT_VISIT (item)) == NULL)
        /* Translators: a toast, “%s” is a visit's title */
        message = g_strdup_printf (_("“%s” is for the whole delegation: everyone attends already"), title);
      else
        {
          /* Translators: a toast, “%s” is a visit's title */
          g_autofree char *joined = g_strdup_printf (g_dngettext (NULL, "%u group joins “%s”.", "%u groups join “%s”.", added),
                                                     added, title);
          /* Translators: the second sentence of the toast above */
          g_autofree char *alone = g_strdup_printf (g_dngettext (NULL, "%u delegate has no group and cannot join alone.",
                                                                 "%u delegates have no group and cannot join alone.", without),
                                                    without);

          message = without > 0 ? g_strdup_printf ("%s %s", joined, alone) : g_steal_pointer (&joined);
        }
    }
  else
    {
      const char *who = mt_page_nonnull (mt_interview_get_interviewee (MT_INTERVIEW (item)));
      guint added;

      /* Translators: an undoable step, “%s” is an interviewee */
      label = g_strdup_printf (_("Add delegates to the interview with %s"), who);
      added = mt_page_add_delegates_to_interview (tour, MT_INTERVIEW (item), (const char * const *) a->delegates, label);
      /* Translators: a toast, %u of %u delegates, “%s” is an interviewee */
      message = g_strdup_printf (g_dngettext (NULL, "%u of %u delegate joins the interview with %s",
                                              "%u of %u delegates join the interview with %s", n),
                                 added, n, who);
    }
  mt_toast_show_undo (a->page, message);
}

static void
ask_add_to (MtDelegatesPage *self,
            gboolean         visit)
{
  MtTour *tour = mt_delegates_page_get_tour (self);
  GListModel *model = visit ? mt_tour_get_visits (tour) : mt_tour_get_interviews (tour);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  AddTo *a;
  guint n;

  a = g_new0 (AddTo, 1);
  g_set_weak_pointer (&a->page, GTK_WIDGET (self));
  a->delegates = _mt_delegates_page_dup_selected_ids (self);
  a->ids = g_ptr_array_new_with_free_func (g_free);
  a->visit = visit;
  n = g_strv_length (a->delegates);

  for (guint i = 0, len = g_list_model_get_n_items (model); i < len; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_ptr_array_sort (items, compare_start);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *label = item_label (tour, g_ptr_array_index (items, i));

      g_ptr_array_add (a->ids, g_strdup (mt_entity_get_id (g_ptr_array_index (items, i))));
      gtk_string_list_append (labels, label);
    }

  heading = g_strdup_printf (visit ? g_dngettext (NULL, "Add %u Delegate to a Visit", "Add %u Delegates to a Visit", n)
                                   : g_dngettext (NULL, "Add %u Delegate to an Interview", "Add %u Delegates to an Interview", n),
                             n);
  dialog = mt_ask (GTK_WIDGET (self), heading,
                   visit ? _("A visit is attended by groups: the groups of these delegates join it.")
                         : _("These delegates join the interview, beside those already in it."),
                   "cancel", _("_Cancel"),
                   "add", _("_Add"), ADW_RESPONSE_SUGGESTED,
                   NULL);
  a->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  gtk_drop_down_set_enable_search (a->dropdown, TRUE);
  gtk_drop_down_set_expression (a->dropdown, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (a->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  visit ? _("Visit") : _("Interview"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (a->dropdown));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", a->ids->len > 0);
  g_object_set_data_full (G_OBJECT (dialog), "add-to", a, add_to_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_add_to_response), a);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_to_visit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ask_add_to (MT_DELEGATES_PAGE (widget), TRUE);
}

static void
add_to_interview_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ask_add_to (MT_DELEGATES_PAGE (widget), FALSE);
}

/* A delegate's schedule: the one given, or the first selected */

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) selected = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *window;

  if (*id == '\0')
    {
      selected = _mt_delegates_page_dup_selected_ids (MT_DELEGATES_PAGE (widget));
      id = selected[0];
    }
  if (id == NULL || tour_of (widget) == NULL)
    return;
  window = mt_delegate_schedule_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, tour_of (widget), id);
  gtk_window_present (GTK_WINDOW (window));
}

/* The bar */

static void
on_selection_changed (MtDelegatesPage *self)
{
  GtkWidget *bar = g_object_get_data (G_OBJECT (self), "selection-bar");
  GtkLabel *label = g_object_get_data (G_OBJECT (self), "selection-label");
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (_mt_delegates_page_get_selection (self));
  guint n = (guint) gtk_bitset_get_size (selected);
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u delegate selected", "%u delegates selected", n), n);

  gtk_label_set_text (label, text);
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (bar), n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegates.add-to-visit", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegates.add-to-interview", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegates.move-to-group", n > 0);
}

void
_mt_delegates_page_class_init_selection (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "delegates.move-to-group", "s", move_to_group_action);
  gtk_widget_class_install_action (widget_class, "delegates.add-to-visit", NULL, add_to_visit_action);
  gtk_widget_class_install_action (widget_class, "delegates.add-to-interview", NULL, add_to_interview_action);
  gtk_widget_class_install_action (widget_class, "delegates.schedule", "s", schedule_action);
}

void
_mt_delegates_page_init_selection (MtDelegatesPage *self,
                                   GtkActionBar    *bar,
                                   GtkLabel        *label,
                                   GtkMenuButton   *move_button)
{
  g_object_set_data (G_OBJECT (self), "selection-bar", bar);
  g_object_set_data (G_OBJECT (self), "selection-label", label);
  gtk_menu_button_set_create_popup_func (move_button, (GtkMenuButtonCreatePopupFunc) update_move_menu, self, NULL);
  g_signal_connect_object (_mt_delegates_page_get_selection (self), "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  on_selection_changed (self);
}

/* The schedule column */

static void
setup_schedule_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("x-office-calendar-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), "delegates.schedule('')");
  gtk_list_item_set_child (item, button);
}

static void
bind_schedule_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  MtDelegate *delegate = gtk_list_item_get_item (item);
  GtkWidget *button = gtk_list_item_get_child (item);
  /* Translators: the tooltip of a row's schedule button, “%s” is a delegate */
  g_autofree char *tooltip = g_strdup_printf (_("Schedule of %s"), mt_page_nonnull (mt_delegate_get_name (delegate)));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", mt_entity_get_id (MT_ENTITY (delegate)));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

void
_mt_delegates_page_add_schedule_column (MtDelegatesPage *self,
                                        GtkColumnView   *view)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_schedule_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_schedule_cell), NULL);
  column = gtk_column_view_column_new (_("Schedule"), factory);
  gtk_column_view_column_set_fixed_width (column, 90);
  gtk_column_view_append_column (view, column);
}
