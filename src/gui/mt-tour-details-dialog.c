/* mt-tour-details-dialog.c: the Tour Details dialog
 *
 * Title, organiser and their contact, first day, number of days, time zone
 * (a searchable list of the zones this system knows) and description. Save
 * applies them as one undoable step (mt-tour-details.c), after the
 * questions that are due: a new first day offers to move every visit with
 * it, and days that would no longer hold some visits are named before they
 * go. A new tour opens with this dialog on its defaults; creating it is not
 * an undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-tour-details"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-toast.h"
#include "mt-tour-details.h"
#include "mt-tour-details-dialog.h"

/* how many visits the question before shortening names, at the most */
#define MAX_NAMED 6

struct _MtTourDetailsDialog
{
  AdwWindow           parent_instance;

  /* template children */
  AdwWindowTitle     *window_title;
  GtkButton          *save_button;
  AdwEntryRow        *title_row;
  AdwEntryRow        *organiser_row;
  AdwEntryRow        *contact_row;
  GtkMenuButton      *first_day_button;
  GtkCalendar        *calendar;
  AdwActionRow       *days_row;
  GtkSpinButton      *days_spin;
  GtkMenuButton      *zone_button;
  GtkSearchEntry     *zone_search;
  GtkListView        *zone_list;
  GtkTextView        *description_view;

  /* owned */
  MtTour             *tour;
  GtkWidget          *parent;     /* weak: where the toast goes */
  GtkStringFilter    *zone_filter;
  GtkFilterListModel *zones;
  char               *time_zone;
  gint64              first_day;
  MtTourDetails       pending;    /* what Save asks about before applying */

  guint               new_tour : 1;
  guint               move : 1;
};

G_DEFINE_FINAL_TYPE (MtTourDetailsDialog, mt_tour_details_dialog, ADW_TYPE_WINDOW)

/* The fields */

static char *
zone_label (GtkStringObject *item)
{
  char *label = g_strdup (item ? gtk_string_object_get_string (item) : "");

  /* "America/New_York" reads "America/New York" */
  return g_strdelimit (label, "_", ' ');
}

static void
update_dates (MtTourDetailsDialog *self)
{
  MtTourDetails details = { 0 };
  g_autofree char *date = NULL;
  g_autofree char *span = NULL;

  details.first_day = self->first_day;
  details.n_days = gtk_spin_button_get_value_as_int (self->days_spin);
  /* Translators: the first day in the Tour Details, see g_date_time_format() */
  date = mt_tour_details_format_date (self->first_day, _("%A, %-d %B %Y"));
  span = mt_tour_details_format_span (&details);
  gtk_menu_button_set_label (self->first_day_button, date);
  adw_action_row_set_subtitle (self->days_row, span);
}

static void
set_first_day (MtTourDetailsDialog *self,
               gint64               first_day)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  self->first_day = mt_wall_time_day_start (first_day);
  mt_wall_time_split (self->first_day, &y, &m, &d, NULL, NULL, NULL);
  date = g_date_time_new_local (y, m, d, 12, 0, 0);
  g_signal_handlers_block_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_calendar_select_day (self->calendar, date);
  g_signal_handlers_unblock_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  update_dates (self);
}

static void
on_day_selected (MtTourDetailsDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  self->first_day = mt_wall_time_new (g_date_time_get_year (date), g_date_time_get_month (date),
                                      g_date_time_get_day_of_month (date), 0, 0, 0);
  update_dates (self);
  gtk_menu_button_popdown (self->first_day_button);
}

static void
set_time_zone (MtTourDetailsDialog *self,
               const char          *time_zone)
{
  g_autofree char *label = NULL;

  g_free (self->time_zone);
  self->time_zone = g_strdup (time_zone);
  label = g_strdelimit (g_strdup (time_zone), "_", ' ');
  gtk_menu_button_set_label (self->zone_button, label);
}

static void
on_zone_activate (MtTourDetailsDialog *self,
                  guint                position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->zones), position);

  if (item == NULL)
    return;
  set_time_zone (self, gtk_string_object_get_string (item));
  gtk_menu_button_popdown (self->zone_button);
}

static void
on_zone_search_changed (MtTourDetailsDialog *self)
{
  gtk_string_filter_set_search (self->zone_filter, gtk_editable_get_text (GTK_EDITABLE (self->zone_search)));
}

static void
on_zone_search_activate (MtTourDetailsDialog *self)
{
  on_zone_activate (self, 0);
}

static void
setup_zone_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_zone_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  g_autofree char *label = zone_label (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), label);
}

static void
setup_zones (MtTourDetailsDialog *self)
{
  g_autoptr(GPtrArray) names = mt_time_zone_list ();
  GtkStringList *list = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression;
  GtkNoSelection *selection;

  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (names, i));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (zone_label), NULL, NULL);
  self->zone_filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->zone_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->zone_filter, TRUE);
  self->zones = gtk_filter_list_model_new (G_LIST_MODEL (list), g_object_ref (GTK_FILTER (self->zone_filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->zones)));
  gtk_list_view_set_model (self->zone_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_zone_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_zone_item), NULL);
  gtk_list_view_set_factory (self->zone_list, factory);
  g_object_unref (factory);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill (MtTourDetailsDialog *self,
      const MtTourDetails *details)
{
  set_entry (self->title_row, details->title);
  set_entry (self->organiser_row, details->organiser);
  set_entry (self->contact_row, details->organiser_contact);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            details->description ? details->description : "", -1);
  gtk_spin_button_set_value (self->days_spin, details->n_days);
  set_time_zone (self, details->time_zone);
  set_first_day (self, details->first_day);
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
collect (MtTourDetailsDialog *self,
         MtTourDetails       *details)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter begin, end;
  g_autofree char *description = NULL;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  description = g_strstrip (gtk_text_buffer_get_text (buffer, &begin, &end, FALSE));

  details->title = entry_text (self->title_row);
  details->organiser = entry_text (self->organiser_row);
  details->organiser_contact = entry_text (self->contact_row);
  details->description = *description != '\0' ? g_steal_pointer (&description) : NULL;
  details->time_zone = g_strdup (self->time_zone);
  details->first_day = self->first_day;
  details->n_days = gtk_spin_button_get_value_as_int (self->days_spin);
}

/* Saving, and the questions before it */

static void
apply (MtTourDetailsDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 shift = self->move ? mt_tour_details_shift (&self->pending, self->tour) : 0;

  if (!mt_tour_details_apply (&self->pending, self->tour, self->move,
                              self->new_tour ? _("New tour") : _("Edit tour details"), &error))
    {
      mt_show_error (GTK_WIDGET (self), _("Could Not Change the Tour"), error->message);
      return;
    }

  if (self->new_tour)
    mt_history_clear (mt_tour_get_history (self->tour));
  else if (shift != 0 && self->parent != NULL)
    {
      int days = (int) (shift / MT_SECONDS_PER_DAY);
      g_autofree char *message =
        /* Translators: a toast after the first day of the tour changed */
        g_strdup_printf (g_dngettext (NULL, "Moved every visit by %d day", "Moved every visit by %d days",
                                      ABS (days)),
                         days);

      mt_toast_show_undo (self->parent, message);
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
apply_idle (gpointer user_data)
{
  apply (user_data);
  return G_SOURCE_REMOVE;
}

/* after the question, which is transient for this dialog, has gone: closing
 * the dialog from its response would destroy the question under it */
static void
on_outside_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     MtTourDetailsDialog *self)
{
  if (g_str_equal (response, "apply"))
    g_idle_add_full (G_PRIORITY_DEFAULT, apply_idle, g_object_ref (self), g_object_unref);
}

/* "Tuesday, 21 May · 09:00 · Lunch", one a line, at most MAX_NAMED */
static char *
name_visits (GPtrArray *visits)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < MIN (visits->len, MAX_NAMED); i++)
    {
      MtVisit *visit = g_ptr_array_index (visits, i);
      const char *title = mt_visit_get_title (visit);
      /* Translators: a visit's day in a list, see g_date_time_format() */
      g_autofree char *day = mt_tour_details_format_date (mt_visit_get_start (visit), _("%A, %-d %B"));
      int hour, minute;

      mt_wall_time_split (mt_visit_get_start (visit), NULL, NULL, NULL, &hour, &minute, NULL);
      /* Translators: a visit in a list: its day, its time and its title */
      g_string_append_printf (text, _("• %s · %02d:%02d · %s\n"), day, hour, minute,
                              title && *title ? title : _("Untitled visit"));
    }
  if (visits->len > MAX_NAMED)
    g_string_append_printf (text, g_dngettext (NULL, "… and %u more\n", "… and %u more\n",
                                               visits->len - MAX_NAMED),
                            visits->len - MAX_NAMED);
  return g_string_free (text, FALSE);
}

static void
check_outside (MtTourDetailsDialog *self)
{
  g_autoptr(GPtrArray) outside = mt_tour_details_dup_outside (&self->pending, self->tour, self->move);
  g_autofree char *heading = NULL;
  g_autofree char *names = NULL;
  g_autofree char *span = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *list;

  if (outside->len == 0)
    {
      g_idle_add_full (G_PRIORITY_DEFAULT, apply_idle, g_object_ref (self), g_object_unref);
      return;
    }

  heading = g_strdup_printf (g_dngettext (NULL, "%u Visit Would Fall Outside the Tour",
                                          "%u Visits Would Fall Outside the Tour", outside->len),
                             outside->len);
  names = name_visits (outside);
  span = mt_tour_details_format_span (&self->pending);
  /* Translators: “%s” is the tour's days, "14 May – 18 May 2024"; the visits follow */
  body = g_strdup_printf (_("The tour would last %s, and these visits would be on none of its days. They stay in the tour until you move or delete them."),
                          span);
  dialog = mt_ask (GTK_WIDGET (self), heading, body,
                   "cancel", _("_Cancel"),
                   "apply", _("_Change the Days"), ADW_RESPONSE_DESTRUCTIVE,
                   NULL);
  list = gtk_label_new (g_strchomp (names));
  gtk_label_set_xalign (GTK_LABEL (list), 0);
  gtk_label_set_wrap (GTK_LABEL (list), TRUE);
  gtk_widget_add_css_class (list, "visit-list");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_outside_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_move_response (AdwMessageDialog    *dialog,
                  const char          *response,
                  MtTourDetailsDialog *self)
{
  if (!g_str_equal (response, "move") && !g_str_equal (response, "keep"))
    return;
  self->move = g_str_equal (response, "move");
  check_outside (self);
}

static void
ask_move (MtTourDetailsDialog *self)
{
  /* Translators: a day in the question about moving the visits, see g_date_time_format() */
  g_autofree char *from = mt_tour_details_format_date (mt_tour_get_first_day (self->tour), _("%A, %-d %B %Y"));
  g_autofree char *to = mt_tour_details_format_date (self->pending.first_day, _("%A, %-d %B %Y"));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: the first “%s” is the old first day, the second the new one */
  body = g_strdup_printf (_("The tour now starts on %s instead of %s. Move every visit and interview with it, so that each keeps its day of the tour, or keep them on their dates?"),
                          to, from);
  dialog = mt_ask (GTK_WIDGET (self), _("Move the Visits Too?"), body,
                   "cancel", _("_Cancel"),
                   "keep", _("_Keep Their Dates"), ADW_RESPONSE_DEFAULT,
                   "move", _("_Move Them"), ADW_RESPONSE_SUGGESTED,
                   NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MtTourDetailsDialog *self = MT_TOUR_DETAILS_DIALOG (widget);

  mt_tour_details_clear (&self->pending);
  collect (self, &self->pending);
  self->move = FALSE;

  if (!self->new_tour && mt_tour_details_shift (&self->pending, self->tour) != 0
      && mt_tour_count (self->tour, MT_ENTITY_VISIT) > 0)
    ask_move (self);
  else
    check_outside (self);
}

/* GObject */

static void
mt_tour_details_dialog_dispose (GObject *object)
{
  MtTourDetailsDialog *self = MT_TOUR_DETAILS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_TOUR_DETAILS_DIALOG);
  g_clear_object (&self->zones);
  g_clear_object (&self->zone_filter);
  g_clear_object (&self->tour);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (mt_tour_details_dialog_parent_class)->dispose (object);
}

static void
mt_tour_details_dialog_finalize (GObject *object)
{
  MtTourDetailsDialog *self = MT_TOUR_DETAILS_DIALOG (object);

  mt_tour_details_clear (&self->pending);
  g_free (self->time_zone);

  G_OBJECT_CLASS (mt_tour_details_dialog_parent_class)->finalize (object);
}

static void
mt_tour_details_dialog_class_init (MtTourDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_tour_details_dialog_dispose;
  object_class->finalize = mt_tour_details_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-tour-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, organiser_row);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, first_day_button);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, days_row);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, zone_button);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, zone_search);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, zone_list);
  gtk_widget_class_bind_template_child (widget_class, MtTourDetailsDialog, description_view);
  gtk_widget_class_bind_template_callback (widget_class, update_dates);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_search_activate);

  gtk_widget_class_install_action (widget_class, "details.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "details.save", NULL);
}

static void
mt_tour_details_dialog_init (MtTourDetailsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->first_day_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("First day"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zone_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time zone"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->days_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Number of days"), -1);
  setup_zones (self);
}

GtkWidget *
mt_tour_details_dialog_new (GtkWindow  *parent,
                            MtTour     *tour,
                            gboolean    new_tour,
                            const char *time_zone)
{
  MtTourDetailsDialog *self;
  g_auto(MtTourDetails) details = { 0 };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  self = g_object_new (MT_TYPE_TOUR_DETAILS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->tour = g_object_ref (tour);
  self->new_tour = !!new_tour;
  g_set_weak_pointer (&self->parent, GTK_WIDGET (parent));

  if (new_tour)
    {
      mt_tour_details_init_new (&details, time_zone);
      adw_window_title_set_title (self->window_title, _("New Tour"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Tour"));
      gtk_button_set_label (self->save_button, _("C_reate"));
    }
  else
    mt_tour_details_read (&details, tour);
  fill (self, &details);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}

const char *
mt_tour_details_dialog_get_time_zone (MtTourDetailsDialog *self)
{
  g_return_val_if_fail (MT_IS_TOUR_DETAILS_DIALOG (self), NULL);
  return self->time_zone;
}

gboolean
mt_tour_details_dialog_choose_zone (MtTourDetailsDialog *self,
                                    const char          *search,
                                    const char          *time_zone)
{
  GListModel *shown;

  g_return_val_if_fail (MT_IS_TOUR_DETAILS_DIALOG (self), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->zone_search), search ? search : "");
  on_zone_search_changed (self);
  shown = G_LIST_MODEL (self->zones);
  for (guint i = 0, n = g_list_model_get_n_items (shown); i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (shown, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), time_zone) == 0)
        {
          on_zone_activate (self, i);
          return TRUE;
        }
    }
  return FALSE;
}
