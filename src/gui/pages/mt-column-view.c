/* mt-column-view.c: what the pages' tables share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-column-view"

#include "config.h"

#include "mt-column-view.h"

void
mt_column_view_scroll_to (GtkColumnView *view,
                          guint          position)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  /* the rows are a list view inside the column view */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static gboolean
scroll_to_selected (gpointer data)
{
  GtkColumnView *view = data;
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  g_autoptr(GtkBitset) selected = NULL;

  g_object_set_data (G_OBJECT (view), "mt-scroll-idle", NULL);
  if (model == NULL)
    return G_SOURCE_REMOVE;
  selected = gtk_selection_model_get_selection (model);
  if (!gtk_bitset_is_empty (selected))
    mt_column_view_scroll_to (view, gtk_bitset_get_minimum (selected));
  return G_SOURCE_REMOVE;
}

static void
on_items_changed (GtkColumnView *view)
{
  guint id;

  if (g_object_get_data (G_OBJECT (view), "mt-scroll-idle") != NULL)
    return;
  /* once the rows have their new places */
  id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_selected, g_object_ref (view), g_object_unref);
  g_object_set_data (G_OBJECT (view), "mt-scroll-idle", GUINT_TO_POINTER (id));
}

void
mt_column_view_keep_selection_in_view (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (gtk_column_view_get_model (view) != NULL);

  g_signal_connect_object (gtk_column_view_get_model (view), "items-changed",
                           G_CALLBACK (on_items_changed), view, G_CONNECT_SWAPPED);
}
