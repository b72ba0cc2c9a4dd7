/* mt-interviews-page-editor.c: the interview editor of the interviews page
 *
 * A dialog with every field of an interview, times checked as they are
 * typed, a searchable list of the delegates and the free slots the
 * delegates and the interviewee share. Save is one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-interviews-page"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include "mt-pages-resources.h"
#include "mt-interviews-page.h"
#include "mt-itinerary-model.h"
#include "mt-editor-rows.h"
#include "mt-page-logic.h"
#include "mt-toast.h"

typedef struct
{
  MtInterviewsPage *self;        /* weak */
  char             *id;          /* NULL: a new interview */
  GtkWindow        *window;
  GtkWidget        *save_button;
  AdwEntryRow      *interviewee, *title, *organisation, *location, *language, *notes;
  AdwEntryRow      *start, *end;
  AdwComboRow      *visit, *day, *status;
  AdwActionRow     *time_message;
  GtkSwitch        *interpreter;
  GtkSpinButton    *length;
  GtkListBox       *delegates_list;
  GtkFlowBox       *slots_box;
  GtkLabel         *slots_message;
  GHashTable       *chosen;      /* delegate ids */
  GPtrArray        *visit_ids;   /* behind the visit row; NULL first */
  char             *folded_query;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *e = data;

  g_clear_weak_pointer (&e->self);
  g_free (e->id);
  g_hash_table_unref (e->chosen);
  g_ptr_array_unref (e->visit_ids);
  g_free (e->folded_query);
  g_free (e);
}

static GtkWidget *
editor_group (AdwPreferencesPage *page,
              const char         *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return group;
}

/* "9:05", "09:05" or "0905": minutes since midnight, or -1 */
static int
parse_clock (const char *text)
{
  unsigned hour, minute;
  char extra;

  if (sscanf (text, "%u:%u%c", &hour, &minute, &extra) == 2 ||
      sscanf (text, "%u.%u%c", &hour, &minute, &extra) == 2)
    ;
  else if (strlen (text) == 4 && g_ascii_isdigit (text[0]) && sscanf (text, "%2u%2u", &hour, &minute) == 2)
    ;
  else
    return -1;
  if (hour > 24 || minute > 59 || (hour == 24 && minute > 0))
    return -1;
  return (int) (hour * 60 + minute);
}

static const char *
selected_visit_id (Editor *e)
{
  guint i = adw_combo_row_get_selected (e->visit);

  return i < e->visit_ids->len ? g_ptr_array_index (e->visit_ids, i) : NULL;
}

/* the times in the editor; FALSE (and a message) when they do not hold */
static gboolean
editor_times (Editor  *e,
              gint64  *start,
              gint64  *end,
              char   **message)
{
  g_autofree char *from = mt_editor_entry_text (e->start);
  g_autofree char *to = mt_editor_entry_text (e->end);
  int a = parse_clock (from), b = parse_clock (to);
  gint64 day;

  *message = NULL;
  if (a < 0 || b < 0)
    {
      *message = g_strdup (a < 0 ? _("Type the start as hours and minutes, 14:30")
                                 : _("Type the end as hours and minutes, 15:00"));
      return FALSE;
    }
  if (b <= a)
    {
      *message = g_strdup (_("The end must come after the start"));
      return FALSE;
    }
  day = mt_tour_get_day_start (mt_interviews_page_get_tour (e->self), adw_combo_row_get_selected (e->day));
  *start = day + a * 60;
  *end = day + b * 60;
  return TRUE;
}

static void
editor_validate (Editor *e)
{
  g_autofree char *message = NULL;
  g_autofree char *who = mt_editor_entry_text (e->interviewee);
  gint64 start, end;
  gboolean times_ok;

  if (e->self == NULL || mt_interviews_page_get_tour (e->self) == NULL)
    return;
  times_ok = editor_times (e, &start, &end, &message);
  gtk_widget_set_visible (GTK_WIDGET (e->time_message), !times_ok);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->time_message), mt_page_nonnull (message));
  if (times_ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (e->start), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (e->end), "error");
    }
  else
    {
      g_autofree char *from = mt_editor_entry_text (e->start);

      gtk_widget_add_css_class (GTK_WIDGET (parse_clock (from) < 0 ? e->start : e->end), "error");
    }
  if (*who == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (e->interviewee), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (e->interviewee), "error");
  gtk_widget_set_sensitive (e->save_button, times_ok && *who != '\0');
}

static GStrv
chosen_delegates (Editor *e)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *model = mt_tour_get_delegates (mt_interviews_page_get_tour (e->self));

  /* in the tour's order, so the result does not depend on hashing */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MtEntity) delegate = g_list_model_get_item (model, i);

      if (g_hash_table_contains (e->chosen, mt_entity_get_id (delegate)))
        g_strv_builder_add (builder, mt_entity_get_id (delegate));
    }
  return g_strv_builder_end (builder);
}

static void
on_editor_save (Editor *e)
{
  MtInterviewsPage *self = e->self;
  g_autoptr(MtInterview) created = NULL;
  g_autofree char *message = NULL;
  g_autofree char *who = NULL;
  g_autofree char *label = NULL;
  g_auto(GStrv) delegates = NULL;
  MtInterview *interview;
  MtHistory *history;
  gint64 start, end;

  if (self == NULL || mt_interviews_page_get_tour (self) == NULL || !editor_times (e, &start, &end, &message))
    return;
  who = mt_editor_entry_text (e->interviewee);
  if (*who == '\0')
    return;

  if (e->id != NULL)
    {
      interview = mt_tour_lookup_kind (mt_interviews_page_get_tour (self), MT_ENTITY_INTERVIEW, e->id);
      if (interview == NULL)
        {
          gtk_window_destroy (e->window);
          return;
        }
      label = g_strdup_printf (_("Edit interview with %s"), mt_page_nonnull (mt_interview_get_interviewee (interview)));
    }
  else
    {
      created = mt_interview_new (NULL);
      interview = created;
      label = g_strdup_printf (_("Add interview with %s"), who);
    }

  delegates = chosen_delegates (e);
  history = mt_tour_get_history (mt_interviews_page_get_tour (self));
  mt_history_begin (history, label);
  mt_editor_apply_text (interview, "interviewee", GTK_EDITABLE (e->interviewee));
  mt_editor_apply_text (interview, "interviewee-title", GTK_EDITABLE (e->title));
  mt_editor_apply_text (interview, "organisation", GTK_EDITABLE (e->organisation));
  mt_editor_apply_text (interview, "location", GTK_EDITABLE (e->location));
  mt_editor_apply_text (interview, "language", GTK_EDITABLE (e->language));
  mt_editor_apply_text (interview, "notes", GTK_EDITABLE (e->notes));
  mt_interview_set_delegates (interview, delegates[0] != NULL ? (const char * const *) delegates : NULL);
  mt_interview_set_visit (interview, selected_visit_id (e));
  mt_interview_set_start (interview, start);
  mt_interview_set_end (interview, end);
  mt_interview_set_interpreter (interview, gtk_switch_get_active (e->interpreter));
  mt_interview_set_status (interview, adw_combo_row_get_selected (e->status));
  if (created != NULL)
    mt_tour_add (mt_interviews_page_get_tour (self), MT_ENTITY (created), NULL);
  mt_history_end (history);

  gtk_window_destroy (e->window);
}

static void
on_editor_delete (Editor *e)
{
  MtInterview *interview = NULL;

  if (e->self != NULL && mt_interviews_page_get_tour (e->self) != NULL && e->id != NULL)
    interview = mt_tour_lookup_kind (mt_interviews_page_get_tour (e->self), MT_ENTITY_INTERVIEW, e->id);
  if (interview != NULL)
    {
      MtHistory *history = mt_tour_get_history (mt_interviews_page_get_tour (e->self));
      g_autofree char *label = g_strdup_printf (_("Delete interview with %s"),
                                                mt_page_nonnull (mt_interview_get_interviewee (interview)));
      /* Translators: a toast, %s is the interviewee */
      g_autofree char *message = g_strdup_printf (_("Deleted the interview with %s"),
                                                  mt_page_nonnull (mt_interview_get_interviewee (interview)));

      mt_history_begin (history, label);
      mt_tour_remove (mt_interviews_page_get_tour (e->self), MT_ENTITY (interview));
      mt_history_end (history);
      mt_toast_show_undo (GTK_WIDGET (e->self), message);
    }
  gtk_window_destroy (e->window);
}

/* --- free slots --- */

static void
on_slot_clicked (GtkButton *button,
                 Editor    *e)
{
  gint64 start = *(gint64 *) g_object_get_data (G_OBJECT (button), "start");
  gint64 end = *(gint64 *) g_object_get_data (G_OBJECT (button), "end");
  const char *visit_id = g_object_get_data (G_OBJECT (button), "visit-id");
  g_autofree char *from = mt_itinerary_format_clock (start);
  g_autofree char *to = mt_itinerary_format_clock (end);

  for (guint i = 0; i < e->visit_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (e->visit_ids, i), visit_id) == 0)
      adw_combo_row_set_selected (e->visit, i);
  adw_combo_row_set_selected (e->day, mt_tour_get_day_index (mt_interviews_page_get_tour (e->self), start));
  gtk_editable_set_text (GTK_EDITABLE (e->start), from);
  gtk_editable_set_text (GTK_EDITABLE (e->end), to);
  editor_validate (e);
}

static void
on_propose_clicked (Editor *e)
{
  g_auto(GStrv) delegates = NULL;
  g_autofree char *who = NULL;
  g_autoptr(GArray) slots = NULL;
  const char *absent = NULL;
  MtSlotsResult result;
  MtSlotQuery query = { 0 };
  GtkWidget *child;

  if (e->self == NULL || mt_interviews_page_get_tour (e->self) == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (e->slots_box))) != NULL)
    gtk_flow_box_remove (e->slots_box, child);

  delegates = chosen_delegates (e);
  who = mt_editor_entry_text (e->interviewee);
  query.delegate_ids = (const char * const *) delegates;
  query.interviewee = who;
  query.visit_id = selected_visit_id (e);
  query.day_index = adw_combo_row_get_selected (e->day);
  query.length = (gint64) gtk_spin_button_get_value_as_int (e->length) * 60;
  query.granularity = 5 * 60;
  query.ignore_interview_id = e->id;
  slots = mt_page_propose_slots (mt_interviews_page_get_tour (e->self), &query, &result, &absent);

  switch (result)
    {
    case MT_SLOTS_OK:
      gtk_label_set_label (e->slots_message, _("Click a time to use it."));
      break;
    case MT_SLOTS_NO_WINDOW:
      gtk_label_set_label (e->slots_message, query.visit_id != NULL
                           ? _("The visit has no start and end.")
                           : _("That day has no visit all the chosen delegates attend."));
      break;
    case MT_SLOTS_GROUP_ABSENT:
      {
        MtDelegate *delegate = mt_tour_lookup_kind (mt_interviews_page_get_tour (e->self), MT_ENTITY_DELEGATE, absent);
        g_autofree char *text = g_strdup_printf (_("%s’s group is not at this visit."),
                                                 delegate ? mt_page_nonnull (mt_delegate_get_name (delegate)) : "?");

        gtk_label_set_label (e->slots_message, text);
      }
      break;
    case MT_SLOTS_NONE_FREE:
    default:
      gtk_label_set_label (e->slots_message, _("No free time that long: everyone is busy."));
      break;
    }

  for (guint i = 0; i < slots->len; i++)
    {
      MtFreeSlot *slot = &g_array_index (slots, MtFreeSlot, i);
      g_autofree char *from = mt_itinerary_format_clock (slot->start);
      g_autofree char *to = mt_itinerary_format_clock (slot->end);
      /* Translators: a free time slot, "10:00 – 10:30" */
      g_autofree char *text = g_strdup_printf (_("%s – %s"), from, to);
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_widget_add_css_class (button, "pill");
      gtk_widget_set_name (button, "slot-button");
      g_object_set_data_full (G_OBJECT (button), "start", g_memdup2 (&slot->start, sizeof (gint64)), g_free);
      g_object_set_data_full (G_OBJECT (button), "end", g_memdup2 (&slot->end, sizeof (gint64)), g_free);
      g_object_set_data_full (G_OBJECT (button), "visit-id", g_strdup (slot->visit_id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_slot_clicked), e);
      gtk_flow_box_append (e->slots_box, button);
    }
}

/* --- the delegates list --- */

static void
on_delegate_toggled (GtkCheckButton *check,
                     Editor         *e)
{
  const char *id = g_object_get_data (G_OBJECT (check), "delegate-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (e->chosen, g_strdup (id));
  else
    g_hash_table_remove (e->chosen, id);
}

static gboolean
filter_delegate_row (GtkListBoxRow *row,
                     gpointer       data)
{
  Editor *e = data;
  MtDelegate *delegate;

  if (e->self == NULL || e->folded_query == NULL || *e->folded_query == '\0')
    return TRUE;
  delegate = mt_tour_lookup_kind (mt_interviews_page_get_tour (e->self), MT_ENTITY_DELEGATE,
                                  g_object_get_data (G_OBJECT (row), "delegate-id"));
  return delegate != NULL && mt_page_delegate_matches (delegate, e->folded_query);
}

static void
on_delegate_search_changed (GtkSearchEntry *entry,
                            Editor         *e)
{
  g_free (e->folded_query);
  e->folded_query = g_strstrip (mt_page_fold (gtk_editable_get_text (GTK_EDITABLE (entry))));
  gtk_list_box_invalidate_filter (e->delegates_list);
}

static void
fill_delegates (Editor *e)
{
  GListModel *model = mt_tour_get_delegates (mt_interviews_page_get_tour (e->self));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (model, i);
      const char *id = mt_entity_get_id (MT_ENTITY (delegate));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mt_page_nonnull (mt_delegate_get_name (delegate)));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mt_page_nonnull (mt_delegate_get_outlet (delegate)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (e->chosen, id));
      g_object_set_data_full (G_OBJECT (check), "delegate-id", g_strdup (id), g_free);
      g_object_set_data_full (G_OBJECT (row), "delegate-id", g_strdup (id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_delegate_toggled), e);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      mt_page_nonnull (mt_delegate_get_name (delegate)), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (e->delegates_list, row);
    }
}

GtkWindow *
mt_interviews_page_edit (MtInterviewsPage *self,
                         const char       *id)
{
  MtInterview *interview = NULL;
  AdwPreferencesPage *page;
  GtkWidget *group, *row, *search, *scroller, *button;
  GtkStringList *items;
  GListModel *visits;
  guint visit_selected = 0, day_selected = 0;
  g_autofree char *from = NULL, *to = NULL;
  Editor *e;

  g_return_val_if_fail (MT_IS_INTERVIEWS_PAGE (self), NULL);
  g_return_val_if_fail (mt_interviews_page_get_tour (self) != NULL, NULL);

  if (id != NULL)
    {
      interview = mt_tour_lookup_kind (mt_interviews_page_get_tour (self), MT_ENTITY_INTERVIEW, id);
      g_return_val_if_fail (interview != NULL, NULL);
    }

  e = g_new0 (Editor, 1);
  g_set_weak_pointer (&e->self, self);
  e->id = g_strdup (id);
  e->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  e->visit_ids = g_ptr_array_new_with_free_func (g_free);
  if (interview != NULL)
    {
      const char * const *ids = mt_interview_get_delegates (interview);

      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        g_hash_table_add (e->chosen, g_strdup (ids[i]));
    }

  e->window = mt_editor_window_new (GTK_WIDGET (self),
                                    interview != NULL ? _("Edit Interview") : _("New Interview"), NULL,
                                    600, 760, interview != NULL ? _("_Save") : _("_Add"),
                                    &e->save_button, &page);
  g_object_set_data_full (G_OBJECT (e->window), "editor", e, editor_free);
  g_signal_connect_swapped (e->save_button, "clicked", G_CALLBACK (on_editor_save), e);

  group = editor_group (page, NULL);
  e->interviewee = mt_editor_add_entry (group, _("Interviewee"), "interviewee-row",
                                 interview ? mt_interview_get_interviewee (interview) : NULL);
  e->title = mt_editor_add_entry (group, _("Their title"), "title-row",
                           interview ? mt_interview_get_interviewee_title (interview) : NULL);
  e->organisation = mt_editor_add_entry (group, _("Organisation"), "organisation-row",
                                  interview ? mt_interview_get_organisation (interview) : NULL);
  items = gtk_string_list_new (NULL);
  for (int s = MT_INTERVIEW_REQUESTED; s <= MT_INTERVIEW_DONE; s++)
    gtk_string_list_append (items, mt_page_interview_status_label (s));
  e->status = mt_editor_add_combo (group, _("Status"), "status-row", items,
                            interview ? mt_interview_get_status (interview) : 0);

  /* when and where */
  group = editor_group (page, _("Time and Place"));
  items = gtk_string_list_new (NULL);
  gtk_string_list_append (items, _("No visit"));
  g_ptr_array_add (e->visit_ids, NULL);
  visits = mt_tour_get_visits (mt_interviews_page_get_tour (self));
  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);
      g_autofree char *when = mt_page_format_day_span (mt_interviews_page_get_tour (self), mt_visit_get_start (visit), mt_visit_get_end (visit));
      g_autofree char *text = g_strdup_printf ("%s · %s", mt_page_nonnull (mt_visit_get_title (visit)), when);

      if (interview != NULL && g_strcmp0 (mt_interview_get_visit (interview), mt_entity_get_id (MT_ENTITY (visit))) == 0)
        visit_selected = e->visit_ids->len;
      g_ptr_array_add (e->visit_ids, g_strdup (mt_entity_get_id (MT_ENTITY (visit))));
      gtk_string_list_append (items, text);
    }
  e->visit = mt_editor_add_combo (group, _("Visit"), "visit-row", items, visit_selected);
  adw_combo_row_set_use_subtitle (e->visit, FALSE);

  items = gtk_string_list_new (NULL);
  for (guint i = 0; i < mt_tour_get_n_days (mt_interviews_page_get_tour (self)); i++)
    {
      g_autofree char *date = mt_itinerary_day_date (mt_interviews_page_get_tour (self), i);
      g_autofree char *text = g_strdup_printf (_("Day %u · %s"), i + 1, date);

      gtk_string_list_append (items, text);
    }
  if (interview != NULL && mt_interview_get_start (interview) != MT_TIME_UNSET)
    {
      int day = mt_tour_get_day_index (mt_interviews_page_get_tour (self), mt_interview_get_start (interview));

      if (day >= 0 && day < (int) mt_tour_get_n_days (mt_interviews_page_get_tour (self)))
        day_selected = day;
      from = mt_itinerary_format_clock (mt_interview_get_start (interview));
      to = mt_itinerary_format_clock (mt_interview_get_end (interview));
    }
  e->day = mt_editor_add_combo (group, _("Day"), "day-row", items, day_selected);
  e->start = mt_editor_add_entry (group, _("Start (hh:mm)"), "start-row", from ? from : "10:00");
  e->end = mt_editor_add_entry (group, _("End (hh:mm)"), "end-row", to ? to : "10:30");
  row = adw_action_row_new ();
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_name (row, "time-message");
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
  e->time_message = ADW_ACTION_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  e->location = mt_editor_add_entry (group, _("Location"), "location-row",
                              interview ? mt_interview_get_location (interview) : NULL);
  e->language = mt_editor_add_entry (group, _("Language"), "language-row",
                              interview ? mt_interview_get_language (interview) : NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Interpreter needed"));
  e->interpreter = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (e->interpreter), GTK_ALIGN_CENTER);
  gtk_switch_set_active (e->interpreter, interview != NULL && mt_interview_get_interpreter (interview));
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->interpreter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Interpreter needed"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (e->interpreter));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (e->interpreter));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  /* free slots */
  group = editor_group (page, _("Propose Free Slots"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Times in the visit (or the day) when the chosen delegates and the interviewee are free"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Length in minutes"));
  e->length = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (5, 240, 5));
  gtk_spin_button_set_value (e->length, 30);
  gtk_widget_set_valign (GTK_WIDGET (e->length), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->length), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Length in minutes"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (e->length));
  button = gtk_button_new_with_mnemonic (_("_Propose"));
  gtk_widget_set_name (button, "propose-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_propose_clicked), e);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  e->slots_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (e->slots_message, 0);
  gtk_label_set_wrap (e->slots_message, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (e->slots_message), 6);
  gtk_widget_add_css_class (GTK_WIDGET (e->slots_message), "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (e->slots_message));
  e->slots_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_widget_set_name (GTK_WIDGET (e->slots_box), "slots-box");
  gtk_flow_box_set_selection_mode (e->slots_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (e->slots_box, 4);
  gtk_flow_box_set_row_spacing (e->slots_box, 6);
  gtk_flow_box_set_column_spacing (e->slots_box, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (e->slots_box));

  /* delegates */
  group = editor_group (page, _("Delegates"));
  search = gtk_search_entry_new ();
  gtk_widget_set_name (search, "delegate-search");
  g_object_set (search, "placeholder-text", _("Search delegates"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search delegates"), -1);
  gtk_widget_set_margin_bottom (search, 6);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_delegate_search_changed), e);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), search);
  e->delegates_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (e->delegates_list), "delegates-list");
  gtk_list_box_set_selection_mode (e->delegates_list, GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (e->delegates_list, filter_delegate_row, e, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->delegates_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delegates"), -1);
  fill_delegates (e);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (e->delegates_list));
  gtk_widget_add_css_class (scroller, "card");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scroller);

  group = editor_group (page, NULL);
  e->notes = mt_editor_add_entry (group, _("Notes"), "notes-row", interview ? mt_interview_get_notes (interview) : NULL);
  if (interview != NULL)
    {
      GtkWidget *delete = gtk_button_new_with_mnemonic (_("_Delete Interview"));

      gtk_widget_set_name (delete, "delete-button");
      gtk_widget_set_halign (delete, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (delete, 12);
      gtk_widget_add_css_class (delete, "destructive-action");
      gtk_widget_add_css_class (delete, "pill");
      g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_editor_delete), e);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), delete);
    }

  g_signal_connect_swapped (e->interviewee, "changed", G_CALLBACK (editor_validate), e);
  g_signal_connect_swapped (e->start, "changed", G_CALLBACK (editor_validate), e);
  g_signal_connect_swapped (e->end, "changed", G_CALLBACK (editor_validate), e);
  editor_validate (e);
  gtk_window_present (e->window);
  gtk_widget_grab_focus (GTK_WIDGET (e->interviewee));
  return e->window;
}

