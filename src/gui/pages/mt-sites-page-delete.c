/* mt-sites-page-delete.c: deleting a site or a city
 *
 * A site or city that nothing uses goes at once. One in use is not deleted
 * behind the user's back: a dialog names how many visits (and, for a city,
 * sites) use it, and offers to move them to another site (city) first, or
 * to delete it anyway and leave them without one. Either way it is one
 * undoable step, and a toast says what happened, with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sites-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-page-logic.h"
#include "mt-sites-page-private.h"
#include "mt-toast.h"

typedef struct
{
  MtSitesPage *self;     /* weak */
  char        *id;       /* the site or city */
  GPtrArray   *targets;  /* the ids the drop-down offers */
  GtkDropDown *dropdown;
} Question;

static void
question_free (gpointer data)
{
  Question *q = data;

  g_clear_weak_pointer (&q->self);
  g_free (q->id);
  g_ptr_array_unref (q->targets);
  g_free (q);
}

static const char *
place_name (MtEntity *place)
{
  return mt_page_nonnull (mt_entity_get_display_name (place));
}

static void
delete_now (MtSitesPage *self,
            MtEntity    *place,
            MtEntity    *move_to)
{
  MtTour *tour = mt_sites_page_get_tour (self);
  g_autoptr(MtEntity) hold = g_object_ref (place);
  gboolean is_city = MT_IS_CITY (place);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  guint moved;

  /* Translators: an undoable step, “%s” is a city's or a site's name */
  label = g_strdup_printf (is_city ? _("Delete city “%s”") : _("Delete site “%s”"), place_name (place));
  moved = mt_page_delete_place (tour, place, move_to ? mt_entity_get_id (move_to) : NULL, label);

  if (move_to != NULL && is_city)
    /* Translators: a toast; the first “%s” is a city, the second another city */
    message = g_strdup_printf (g_dngettext (NULL, "Deleted “%s” and moved %u site to “%s”",
                                            "Deleted “%s” and moved %u sites to “%s”", moved),
                               place_name (place), moved, place_name (move_to));
  else if (move_to != NULL)
    /* Translators: a toast; the first “%s” is a site, the second another site */
    message = g_strdup_printf (g_dngettext (NULL, "Deleted “%s” and moved %u visit to “%s”",
                                            "Deleted “%s” and moved %u visits to “%s”", moved),
                               place_name (place), moved, place_name (move_to));
  else
    /* Translators: a toast, “%s” is a city's or a site's name */
    message = g_strdup_printf (_("Deleted “%s”"), place_name (place));
  mt_toast_show_undo (GTK_WIDGET (self), message);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Question         *q)
{
  MtTour *tour = q->self ? mt_sites_page_get_tour (q->self) : NULL;
  MtEntity *place = tour ? mt_tour_lookup (tour, q->id) : NULL;
  MtEntity *move_to = NULL;

  if (place == NULL)
    return;
  if (g_str_equal (response, "move"))
    {
      guint selected = gtk_drop_down_get_selected (q->dropdown);

      if (selected >= q->targets->len)
        return;
      move_to = mt_tour_lookup (tour, g_ptr_array_index (q->targets, selected));
      if (move_to == NULL)
        return;
    }
  else if (!g_str_equal (response, "delete"))
    return;
  delete_now (q->self, place, move_to);
}

/* a drop-down of the other sites (cities), the place's own city's first */
static GtkWidget *
targets_row (Question *q,
             MtTour   *tour,
             MtEntity *place)
{
  gboolean is_city = MT_IS_CITY (place);
  GListModel *model = is_city ? mt_tour_get_cities (tour) : mt_tour_get_sites (tour);
  const char *near = is_city ? NULL : mt_site_get_city (MT_SITE (place));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (is_city ? _("Move its sites to") : _("Move its visits to"));

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
      {
        g_autoptr(MtEntity) other = g_list_model_get_item (model, i);
        gboolean same_city = near != NULL && g_strcmp0 (mt_site_get_city (MT_SITE (other)), near) == 0;

        if (other == place || (pass == 0) != same_city)
          continue;
        g_ptr_array_add (q->targets, g_strdup (mt_entity_get_id (other)));
        gtk_string_list_append (names, place_name (other));
      }

  q->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
  gtk_drop_down_set_enable_search (q->dropdown, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (q->dropdown), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (q->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (q->dropdown));
  return box;
}

GtkWindow *
_mt_sites_page_delete (MtSitesPage *self,
                       MtEntity    *place)
{
  MtTour *tour = mt_sites_page_get_tour (self);
  const char *id = mt_entity_get_id (place);
  gboolean is_city = MT_IS_CITY (place);
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *row;
  Question *q;

  users = is_city ? mt_page_dup_city_sites (tour, id) : mt_page_dup_site_visits (tour, id);
  if (users->len == 0)
    {
      delete_now (self, place, NULL);
      return NULL;
    }

  if (is_city)
    {
      guint n_visits = mt_page_count_city_visits (tour, id);
      /* Translators: the first sentence of the question before deleting a city */
      g_autofree char *sites = g_strdup_printf (g_dngettext (NULL, "“%s” has %u site.", "“%s” has %u sites.", users->len),
                                                place_name (place), users->len);
      /* Translators: the second sentence of the question before deleting a city */
      g_autofree char *visits = g_strdup_printf (g_dngettext (NULL, "%u visit takes place there.",
                                                              "%u visits take place there.", n_visits),
                                                 n_visits);

      /* Translators: the two sentences above, then what the dialog offers */
      body = g_strdup_printf (_("%s %s Move its sites to another city first, or delete the city and keep them without one."),
                              sites, visits);
    }
  else
    body = g_strdup_printf (g_dngettext (NULL,
                                         "%u visit takes place at “%s”. Move it to another site first, or delete the site and leave the visit without one.",
                                         "%u visits take place at “%s”. Move them to another site first, or delete the site and leave the visits without one.",
                                         users->len),
                            users->len, place_name (place));

  /* Translators: the heading of the question before deleting, “%s” is a city or a site */
  heading = g_strdup_printf (_("Delete “%s”?"), place_name (place));
  q = g_new0 (Question, 1);
  g_set_weak_pointer (&q->self, self);
  q->id = g_strdup (id);
  q->targets = g_ptr_array_new_with_free_func (g_free);
  row = targets_row (q, tour, place);

  /* Move and Delete only when there is somewhere to move to */
  dialog = mt_ask (GTK_WIDGET (self), heading, body,
                   "cancel", _("_Cancel"),
                   "delete", is_city ? _("_Keep Sites Without a City") : _("_Leave Without a Site"),
                   ADW_RESPONSE_DESTRUCTIVE,
                   q->targets->len > 0 ? "move" : NULL, _("_Move and Delete"), ADW_RESPONSE_SUGGESTED,
                   NULL);
  if (q->targets->len > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), row);
  else
    g_object_unref (g_object_ref_sink (row));
  g_object_set_data_full (G_OBJECT (dialog), "question", q, question_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), q);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
