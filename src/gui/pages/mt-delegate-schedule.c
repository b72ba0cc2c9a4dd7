/* mt-delegate-schedule.c: one delegate's personal itinerary, day by day
 *
 * The items of the delegate's schedule (mt_ical_select_items(): the visits
 * their group attends and their own interviews) by day, each with its
 * time, title and place, in a window of its own with Export… and Print…
 * for that delegate (the main window's win.export-for and win.print-for).
 * It follows the tour while it is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-delegate-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-delegate-schedule.h"
#include "mt-ical.h"
#include "mt-itinerary-model.h"
#include "mt-page-logic.h"

struct _MtDelegateSchedule
{
  AdwWindow           parent_instance;

  AdwWindowTitle     *title;
  AdwPreferencesPage *page;
  GPtrArray          *groups;    /* the page's groups, borrowed */

  MtTour             *tour;
  char               *delegate_id;
  guint               refresh_id;
};

G_DEFINE_FINAL_TYPE (MtDelegateSchedule, mt_delegate_schedule, ADW_TYPE_WINDOW)

static GtkWidget *
item_row (MtDelegateSchedule *self,
          MtEntity           *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *time = mt_itinerary_format_time_range (mt_ical_item_get_start (item), mt_ical_item_get_end (item));
  g_autofree char *title = NULL;
  g_autofree char *place = NULL;
  const char *icon;

  if (MT_IS_VISIT (item))
    {
      MtVisit *visit = MT_VISIT (item);

      title = g_strdup (mt_visit_get_title (visit) && *mt_visit_get_title (visit)
                        ? mt_visit_get_title (visit) : _("Untitled visit"));
      place = mt_itinerary_visit_place (self->tour, visit);
      icon = mt_itinerary_visit_kind_icon (mt_visit_get_visit_kind (visit));
    }
  else
    {
      MtInterview *interview = MT_INTERVIEW (item);

      /* Translators: an interview in a delegate's schedule, “%s” is the interviewee */
      title = g_strdup_printf (_("Interview with %s"), mt_page_nonnull (mt_interview_get_interviewee (interview)));
      place = g_strdup (mt_page_nonnull (mt_interview_get_location (interview)));
      icon = "audio-input-microphone-symbolic";
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (*place != '\0')
    {
      /* Translators: under an item of a delegate's schedule: its times and its place */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), time, place);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), time);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
clear (MtDelegateSchedule *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

static AdwPreferencesGroup *
day_group (MtDelegateSchedule *self,
           int                 day)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *title = NULL;

  if (day >= 0 && day < (int) mt_tour_get_n_days (self->tour))
    {
      g_autofree char *name = mt_itinerary_day_title (day);
      g_autofree char *date = mt_itinerary_day_date (self->tour, day);

      /* Translators: a day in a delegate's schedule, "Day 1 · Tuesday, 14 May" */
      title = g_strdup_printf (_("%s · %s"), name, date);
    }
  else
    title = g_strdup (day < 0 ? _("Before the Tour") : _("After the Tour"));
  adw_preferences_group_set_title (group, title);
  adw_preferences_page_add (self->page, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

static int
item_day (MtDelegateSchedule *self,
          GPtrArray          *items,
          guint               i)
{
  return mt_tour_get_day_index (self->tour, mt_ical_item_get_start (g_ptr_array_index (items, i)));
}

static void
rebuild (MtDelegateSchedule *self)
{
  MtDelegate *delegate = mt_tour_lookup_kind (self->tour, MT_ENTITY_DELEGATE, self->delegate_id);
  g_autoptr(GPtrArray) items = NULL;
  AdwPreferencesGroup *group = NULL;
  guint n_days, i;

  clear (self);
  if (delegate == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  adw_window_title_set_title (self->title, mt_page_nonnull (mt_delegate_get_name (delegate)));
  adw_window_title_set_subtitle (self->title, mt_page_nonnull (mt_delegate_get_outlet (delegate)));
  {
    /* Translators: the title of a delegate's schedule window, “%s” is their name */
    g_autofree char *title = g_strdup_printf (_("Schedule of %s"), mt_page_nonnull (mt_delegate_get_name (delegate)));

    gtk_window_set_title (GTK_WINDOW (self), title);
  }

  items = mt_ical_select_items (self->tour, NULL, self->delegate_id, NULL);
  n_days = mt_tour_get_n_days (self->tour);
  /* the items before the tour, every day of the tour (one without an item
   * says so), the items after it */
  i = 0;
  while (i < items->len && item_day (self, items, i) < 0)
    {
      if (group == NULL)
        group = day_group (self, -1);
      adw_preferences_group_add (group, item_row (self, g_ptr_array_index (items, i++)));
    }
  for (guint day = 0; day < n_days; day++)
    {
      guint first = i;

      group = day_group (self, day);
      while (i < items->len && item_day (self, items, i) == (int) day)
        adw_preferences_group_add (group, item_row (self, g_ptr_array_index (items, i++)));
      if (i == first)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing planned for this delegate"));
          gtk_widget_add_css_class (row, "dim-label");
          adw_preferences_group_add (group, row);
        }
    }
  group = NULL;
  while (i < items->len)
    {
      if (group == NULL)
        group = day_group (self, n_days);
      adw_preferences_group_add (group, item_row (self, g_ptr_array_index (items, i++)));
    }
}

static gboolean
refresh_idle (gpointer data)
{
  MtDelegateSchedule *self = data;

  self->refresh_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_tour_changed (MtDelegateSchedule *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* Export… and Print… of the main window, for this delegate */
static void
for_delegate (MtDelegateSchedule *self,
              const char         *action)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), action, "s", self->delegate_id);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  for_delegate (MT_DELEGATE_SCHEDULE (widget), "win.export-for");
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  for_delegate (MT_DELEGATE_SCHEDULE (widget), "win.print-for");
}

static void
mt_delegate_schedule_dispose (GObject *object)
{
  MtDelegateSchedule *self = MT_DELEGATE_SCHEDULE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_data (self->tour, self);
  g_clear_object (&self->tour);

  G_OBJECT_CLASS (mt_delegate_schedule_parent_class)->dispose (object);
}

static void
mt_delegate_schedule_finalize (GObject *object)
{
  MtDelegateSchedule *self = MT_DELEGATE_SCHEDULE (object);

  g_free (self->delegate_id);
  g_ptr_array_unref (self->groups);

  G_OBJECT_CLASS (mt_delegate_schedule_parent_class)->finalize (object);
}

static void
mt_delegate_schedule_class_init (MtDelegateScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_delegate_schedule_dispose;
  object_class->finalize = mt_delegate_schedule_finalize;

  gtk_widget_class_install_action (widget_class, "schedule.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "schedule.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "schedule.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "schedule.export", NULL);
}

static GtkWidget *
header_button (const char *label,
               const char *action,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
mt_delegate_schedule_init (MtDelegateSchedule *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->groups = g_ptr_array_new ();
  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             header_button (_("_Export…"), "schedule.export", _("Export this delegate’s schedule")));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header),
                             header_button (_("_Print…"), "schedule.print", _("Print this delegate’s itinerary")));
  gtk_box_append (GTK_BOX (box), header);
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 760);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
}

GtkWidget *
mt_delegate_schedule_new (GtkWindow  *parent,
                          MtTour     *tour,
                          const char *delegate_id)
{
  MtDelegateSchedule *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (delegate_id != NULL, NULL);

  self = g_object_new (MT_TYPE_DELEGATE_SCHEDULE, "transient-for", parent, NULL);
  self->tour = g_object_ref (tour);
  self->delegate_id = g_strdup (delegate_id);
  g_signal_connect_object (tour, "changed", G_CALLBACK (on_tour_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return GTK_WIDGET (self);
}
