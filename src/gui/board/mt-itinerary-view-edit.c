/* mt-itinerary-view-edit.c: what the board does to visits: place or copy
 * one (a drop), delete one, open the editor, and the actions of the cards'
 * menus, each with its toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-itinerary-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mt-itinerary-model.h"
#include "mt-itinerary-view-private.h"
#include "mt-toast.h"
#include "mt-visit-editor.h"

static const char *
visit_title (MtVisit *visit)
{
  const char *title = mt_visit_get_title (visit);

  return title && *title ? title : _("Untitled visit");
}

/* Actions of the cards' menus */

static MtVisit *
lookup_visit (MtItineraryView *self,
              GVariant        *parameter)
{
  if (self->tour == NULL || parameter == NULL)
    return NULL;
  return mt_tour_lookup_kind (self->tour, MT_ENTITY_VISIT, g_variant_get_string (parameter, NULL));
}

static void
add_visit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (widget);

  mt_itinerary_view_open_editor (self, NULL, g_variant_get_int32 (parameter));
}

static void
edit_visit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (widget);
  MtVisit *visit = lookup_visit (self, parameter);

  if (visit != NULL)
    mt_itinerary_view_open_editor (self, visit, -1);
}

static void
delete_visit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (widget);
  MtVisit *visit = lookup_visit (self, parameter);

  if (visit != NULL)
    mt_itinerary_view_delete_visit (self, visit);
}

static void
duplicate_visit_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MtItineraryView *self = MT_ITINERARY_VIEW (widget);
  MtVisit *visit = lookup_visit (self, parameter);

  if (visit != NULL && mt_visit_get_end (visit) != MT_TIME_UNSET)
    mt_itinerary_view_place_visit (self, visit, mt_visit_get_end (visit), TRUE);
  else if (visit != NULL)
    mt_itinerary_view_place_visit (self, visit, mt_visit_get_start (visit), TRUE);
}

void
_mt_itinerary_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "itinerary.add-visit", "i", add_visit_action);
  gtk_widget_class_install_action (widget_class, "itinerary.edit-visit", "s", edit_visit_action);
  gtk_widget_class_install_action (widget_class, "itinerary.delete-visit", "s", delete_visit_action);
  gtk_widget_class_install_action (widget_class, "itinerary.duplicate-visit", "s", duplicate_visit_action);
}

/* Public API */

void
mt_itinerary_view_place_visit (MtItineraryView *self,
                               MtVisit         *visit,
                               gint64           new_start,
                               gboolean         copy)
{
  MtHistory *history;
  g_autofree char *message = NULL;
  g_autofree char *day_title = NULL;
  int old_day, new_day;
  gint64 delta;

  g_return_if_fail (MT_IS_ITINERARY_VIEW (self));
  g_return_if_fail (MT_IS_VISIT (visit));
  g_return_if_fail (self->tour != NULL);

  history = mt_tour_get_history (self->tour);
  old_day = _mt_itinerary_view_visit_day (self, visit);
  new_day = mt_tour_get_day_index (self->tour, new_start);
  day_title = mt_itinerary_day_title (new_day);
  delta = new_start - mt_visit_get_start (visit);

  if (copy)
    {
      g_autoptr(MtEntity) twin = mt_entity_copy (MT_ENTITY (visit), NULL);
      g_autoptr(GError) error = NULL;
      /* Translators: an undoable step, “%s” is a visit's title */
      g_autofree char *label = g_strdup_printf (_("Copy “%s”"), visit_title (visit));

      mt_visit_set_start (MT_VISIT (twin), new_start);
      if (mt_visit_get_end (visit) != MT_TIME_UNSET)
        mt_visit_set_end (MT_VISIT (twin), mt_visit_get_end (visit) + delta);

      mt_history_begin (history, label);
      if (!mt_tour_add (self->tour, twin, &error))
        g_critical ("Could not add the copy: %s", error->message);
      mt_history_end (history);

      /* Translators: a toast, “%s” is a visit's title and %s a day, "Day 2" */
      message = g_strdup_printf (_("Copied “%s” to %s"), visit_title (visit), day_title);
    }
  else
    {
      if (delta == 0)
        return;
      mt_tour_move_visit (self->tour, visit, new_start);

      if (old_day != new_day)
        /* Translators: a toast, “%s” is a visit's title and %s a day, "Day 2" */
        message = g_strdup_printf (_("Moved “%s” to %s"), visit_title (visit), day_title);
      else
        {
          g_autofree char *time = mt_itinerary_format_time_range (new_start, MT_TIME_UNSET);

          /* Translators: a toast, “%s” is a visit's title and %s a time, "14:30" */
          message = g_strdup_printf (_("Moved “%s” to %s"), visit_title (visit), time);
        }
    }

  mt_toast_show_undo (GTK_WIDGET (self), message);
}

void
mt_itinerary_view_delete_visit (MtItineraryView *self,
                                MtVisit         *visit)
{
  g_autoptr(GPtrArray) interviews = NULL;
  g_autoptr(MtVisit) hold = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  MtHistory *history;

  g_return_if_fail (MT_IS_ITINERARY_VIEW (self));
  g_return_if_fail (MT_IS_VISIT (visit));
  g_return_if_fail (self->tour != NULL);

  hold = g_object_ref (visit);
  history = mt_tour_get_history (self->tour);
  /* Translators: an undoable step, “%s” is a visit's title */
  label = g_strdup_printf (_("Delete “%s”"), visit_title (visit));

  mt_history_begin (history, label);
  interviews = mt_tour_dup_interviews_of_visit (self->tour, mt_entity_get_id (MT_ENTITY (visit)));
  for (guint i = 0; i < interviews->len; i++)
    mt_tour_remove (self->tour, g_ptr_array_index (interviews, i));
  mt_tour_remove (self->tour, MT_ENTITY (visit));
  mt_history_end (history);

  if (interviews->len > 0)
    /* Translators: a toast, “%s” is a visit's title; %u interviews went with it */
    message = g_strdup_printf (g_dngettext (NULL, "Deleted “%s” and its interview",
                                            "Deleted “%s” and its %u interviews",
                                            interviews->len),
                               visit_title (visit), interviews->len);
  else
    /* Translators: a toast, “%s” is a visit's title */
    message = g_strdup_printf (_("Deleted “%s”"), visit_title (visit));
  mt_toast_show_undo (GTK_WIDGET (self), message);
}

GtkWidget *
mt_itinerary_view_open_editor (MtItineraryView *self,
                               MtVisit         *visit,
                               int              day_index)
{
  GtkWidget *editor;
  GtkRoot *root;

  g_return_val_if_fail (MT_IS_ITINERARY_VIEW (self), NULL);
  g_return_val_if_fail (self->tour != NULL, NULL);

  editor = mt_visit_editor_new (self->tour, visit, day_index);
  if (visit != NULL)
    g_signal_emit_by_name (self, "visit-seen", mt_entity_get_id (MT_ENTITY (visit)));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}
