/* mt-sites-page.c: the cities, their sites and the route of each day
 *
 * The cities are groups of rows, one row per site; each city and site is
 * added, edited and deleted through a dialog, each change one undoable
 * step. Beside them, the route view (mt-route-view.c) draws the cities at
 * their coordinates and each day's route between them. The dialogs that add and
 * edit cities and sites are in mt-sites-page-editor.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sites-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-pages-resources.h"
#include "mt-page-logic.h"
#include "mt-route-view.h"
#include "mt-sites-page-private.h"

struct _MtSitesPage
{
  AdwBin          parent_instance;

  /* template children */
  GtkLabel       *count_label;
  GtkBox         *cities_box;
  GtkStack       *stack;
  MtRouteView    *route_area;

  /* owned */
  MtTour         *tour;
  guint           refresh_id;
};

static void mt_sites_page_tour_view_init (MtTourViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MtSitesPage, mt_sites_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MT_TYPE_TOUR_VIEW, mt_sites_page_tour_view_init))

GtkWidget *
mt_sites_page_get_route_view (MtSitesPage *self)
{
  g_return_val_if_fail (MT_IS_SITES_PAGE (self), NULL);
  return GTK_WIDGET (self->route_area);
}

/* --- the list ---------------------------------------------------------------- */

static void
on_edit_clicked (GtkWidget   *button,
                 MtSitesPage *self)
{
  MtEntity *entity = mt_tour_lookup (self->tour, g_object_get_data (G_OBJECT (button), "entity-id"));

  if (entity != NULL)
    mt_sites_page_edit (self, mt_entity_get_kind (entity), mt_entity_get_id (entity));
}

static void
on_delete_clicked (GtkWidget   *button,
                   MtSitesPage *self)
{
  MtEntity *entity = mt_tour_lookup (self->tour, g_object_get_data (G_OBJECT (button), "entity-id"));

  if (entity != NULL)
    _mt_sites_page_delete (self, entity);
}

static GtkWidget *
entity_button (MtSitesPage *self,
               MtEntity    *entity,
               gboolean     delete)
{
  const char *name = mt_page_nonnull (mt_entity_get_display_name (entity));
  g_autofree char *tooltip = g_strdup_printf (delete ? _("Delete “%s”") : _("Edit “%s”"), name);
  GtkWidget *button = gtk_button_new_from_icon_name (delete ? "user-trash-symbolic" : "document-edit-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "entity-id", g_strdup (mt_entity_get_id (entity)), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (delete ? on_delete_clicked : on_edit_clicked), self, 0);
  return button;
}

static char *
site_subtitle (MtSite *site)
{
  GString *out = g_string_new (mt_page_site_kind_label (mt_site_get_site_kind (site)));

  if (mt_site_get_address (site) != NULL)
    g_string_append_printf (out, " · %s", mt_site_get_address (site));
  if (mt_site_get_capacity (site) > 0)
    {
      g_autofree char *capacity = g_strdup_printf (ngettext ("holds %u", "holds %u", mt_site_get_capacity (site)),
                                                   mt_site_get_capacity (site));

      g_string_append_printf (out, " · %s", capacity);
    }
  if (mt_site_get_contact (site) != NULL)
    g_string_append_printf (out, " · %s", mt_site_get_contact (site));
  return g_string_free (out, FALSE);
}

static GtkWidget *
city_group (MtSitesPage *self,
            MtCity      *city)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  if (city == NULL)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sites Without a City"));
      return group;
    }

  {
    g_autofree char *title = NULL;
    g_autofree char *description = NULL;
    char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

    if (mt_city_get_local_name (city) != NULL)
      title = g_strdup_printf ("%s · %s", mt_page_nonnull (mt_city_get_name (city)), mt_city_get_local_name (city));
    else
      title = g_strdup (mt_page_nonnull (mt_city_get_name (city)));
    g_ascii_formatd (lat, sizeof lat, "%.4f", mt_city_get_latitude (city));
    g_ascii_formatd (lon, sizeof lon, "%.4f", mt_city_get_longitude (city));
    /* Translators: a city's coordinates, "23.1291° N, 113.2644° E" */
    description = g_strdup_printf (_("%s° N, %s° E"), lat, lon);
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  }
  gtk_box_append (GTK_BOX (suffix), entity_button (self, MT_ENTITY (city), FALSE));
  gtk_box_append (GTK_BOX (suffix), entity_button (self, MT_ENTITY (city), TRUE));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  g_object_set_data_full (G_OBJECT (group), "entity-id", g_strdup (mt_entity_get_id (MT_ENTITY (city))), g_free);
  return group;
}

static void
on_site_row_activated (AdwActionRow *row,
                       MtSitesPage  *self)
{
  on_edit_clicked (GTK_WIDGET (row), self);
}

static void
rebuild (MtSitesPage *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child, *orphans = NULL;
  GListModel *cities, *sites;
  guint n_cities = 0, n_sites = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cities_box))) != NULL)
    gtk_box_remove (self->cities_box, child);
  if (self->tour == NULL)
    return;

  cities = mt_tour_get_cities (self->tour);
  n_cities = g_list_model_get_n_items (cities);
  for (guint i = 0; i < n_cities; i++)
    {
      g_autoptr(MtCity) city = g_list_model_get_item (cities, i);
      GtkWidget *group = city_group (self, city);

      g_hash_table_insert (groups, (gpointer) mt_entity_get_id (MT_ENTITY (city)), group);
      gtk_box_append (self->cities_box, group);
    }

  sites = mt_tour_get_sites (self->tour);
  n_sites = g_list_model_get_n_items (sites);
  for (guint i = 0; i < n_sites; i++)
    {
      g_autoptr(MtSite) site = g_list_model_get_item (sites, i);
      GtkWidget *group = mt_site_get_city (site) ? g_hash_table_lookup (groups, mt_site_get_city (site)) : NULL;
      g_autofree char *subtitle = site_subtitle (site);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (group == NULL)
        {
          if (orphans == NULL)
            {
              orphans = city_group (self, NULL);
              gtk_box_append (self->cities_box, orphans);
            }
          group = orphans;
        }
      if (mt_site_get_local_name (site) != NULL)
        title = g_strdup_printf ("%s · %s", mt_page_nonnull (mt_site_get_name (site)), mt_site_get_local_name (site));
      else
        title = g_strdup (mt_page_nonnull (mt_site_get_name (site)));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), mt_page_entity_kind_icon (MT_ENTITY_SITE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entity_button (self, MT_ENTITY (site), FALSE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), entity_button (self, MT_ENTITY (site), TRUE));
      g_object_set_data_full (G_OBJECT (row), "entity-id", g_strdup (mt_entity_get_id (MT_ENTITY (site))), g_free);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_site_row_activated), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  {
    g_autofree char *c = g_strdup_printf (ngettext ("%u city", "%u cities", n_cities), n_cities);
    g_autofree char *s = g_strdup_printf (ngettext ("%u site", "%u sites", n_sites), n_sites);
    /* Translators: "6 cities, 31 sites" */
    g_autofree char *text = g_strdup_printf (_("%s, %s"), c, s);

    gtk_label_set_label (self->count_label, text);
  }
  gtk_stack_set_visible_child_name (self->stack, n_cities + n_sites == 0 ? "empty" : "list");
}

static gboolean
refresh_cb (gpointer data)
{
  MtSitesPage *self = data;

  self->refresh_id = 0;
  rebuild (self);
  mt_route_view_refresh (self->route_area);
  return G_SOURCE_REMOVE;
}

static void
on_tour_changed (MtSitesPage *self,
                 MtEntity    *entity,
                 MtTour      *tour)
{
  if (entity != NULL && !MT_IS_CITY (entity) && !MT_IS_SITE (entity) && !MT_IS_VISIT (entity))
    return;
  if (entity != NULL && MT_IS_VISIT (entity))
    {
      /* a visit changes the route only */
      mt_route_view_refresh (self->route_area);
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_add_city_clicked (MtSitesPage *self)
{
  if (self->tour != NULL)
    mt_sites_page_edit (self, MT_ENTITY_CITY, NULL);
}

static void
on_add_site_clicked (MtSitesPage *self)
{
  if (self->tour != NULL)
    mt_sites_page_edit (self, MT_ENTITY_SITE, NULL);
}

static void
mt_sites_page_set_tour (MtTourView *view,
                        MtTour     *tour)
{
  MtSitesPage *self = MT_SITES_PAGE (view);

  if (!mt_tour_view_follow_tour (view, &self->tour, tour, &self->refresh_id, G_CALLBACK (on_tour_changed)))
    return;
  mt_route_view_set_tour (self->route_area, tour);
  refresh_cb (self);
}

MtTour *
mt_sites_page_get_tour (MtSitesPage *self)
{
  g_return_val_if_fail (MT_IS_SITES_PAGE (self), NULL);
  return self->tour;
}

static GtkWidget *
find_entity_widget (GtkWidget  *root,
                    const char *id)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (root), "entity-id"), id) == 0 &&
      (ADW_IS_ACTION_ROW (root) || ADW_IS_PREFERENCES_GROUP (root)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entity_widget (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
mt_sites_page_reveal (MtTourView *view,
                      const char *id)
{
  MtSitesPage *self = MT_SITES_PAGE (view);

  GtkWidget *widget;

  if (self->refresh_id != 0)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh_cb (self);
    }
  widget = find_entity_widget (GTK_WIDGET (self->cities_box), id);
  if (widget == NULL)
    return FALSE;
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      /* a city: its first button, so the group scrolls into view */
      GtkWidget *suffix = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (widget));

      if (suffix != NULL && gtk_widget_get_first_child (suffix) != NULL)
        gtk_widget_grab_focus (gtk_widget_get_first_child (suffix));
      return TRUE;
    }
  gtk_widget_grab_focus (widget);
  return TRUE;
}

/* --- GObject ----------------------------------------------------------------- */

static void
mt_sites_page_dispose (GObject *object)
{
  MtSitesPage *self = MT_SITES_PAGE (object);

  mt_sites_page_set_tour (MT_TOUR_VIEW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_SITES_PAGE);
  G_OBJECT_CLASS (mt_sites_page_parent_class)->dispose (object);
}

static MtTour *
mt_sites_page_view_get_tour (MtTourView *view)
{
  return mt_sites_page_get_tour (MT_SITES_PAGE (view));
}

static void
mt_sites_page_tour_view_init (MtTourViewInterface *iface)
{
  iface->get_tour = mt_sites_page_view_get_tour;
  iface->set_tour = mt_sites_page_set_tour;
  iface->reveal = mt_sites_page_reveal;
}

static void
mt_sites_page_class_init (MtSitesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_sites_page_dispose;

  (void) mt_pages_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-sites-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MtSitesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, MtSitesPage, cities_box);
  gtk_widget_class_bind_template_child (widget_class, MtSitesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MtSitesPage, route_area);
  g_type_ensure (MT_TYPE_ROUTE_VIEW);
  gtk_widget_class_bind_template_callback (widget_class, on_add_city_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_site_clicked);
}

static void
mt_sites_page_init (MtSitesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mt_sites_page_new (void)
{
  return g_object_new (MT_TYPE_SITES_PAGE, NULL);
}
