/* mt-sites-page-editor.c: the dialog that adds or edits a city or a site
 *
 * One dialog for both kinds, built from a table of fields (text, number,
 * the city, the kind of site). The fields are checked as they are typed: a
 * number out of range or an empty name marks its row as an error and keeps
 * Save off until all are right. Save is one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sites-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-editor-rows.h"
#include "mt-page-logic.h"
#include "mt-sites-page.h"

typedef enum
{
  FIELD_TEXT,
  FIELD_DOUBLE,
  FIELD_UINT,
  FIELD_CITY,
  FIELD_SITE_KIND,
} FieldType;

typedef struct
{
  const char *property;
  const char *title;  /* N_() */
  FieldType   type;
  double      min, max;
} Field;

static const Field city_fields[] = {
  { "name", N_("Name"), FIELD_TEXT },
  { "local-name", N_("Local name (广州)"), FIELD_TEXT },
  { "latitude", N_("Latitude (°N)"), FIELD_DOUBLE, -90, 90 },
  { "longitude", N_("Longitude (°E)"), FIELD_DOUBLE, -180, 180 },
};

static const Field site_fields[] = {
  { "name", N_("Name"), FIELD_TEXT },
  { "local-name", N_("Local name"), FIELD_TEXT },
  { "city", N_("City"), FIELD_CITY },
  { "kind", N_("Kind"), FIELD_SITE_KIND },
  { "address", N_("Address"), FIELD_TEXT },
  { "latitude", N_("Latitude (°N)"), FIELD_DOUBLE, -90, 90 },
  { "longitude", N_("Longitude (°E)"), FIELD_DOUBLE, -180, 180 },
  { "capacity", N_("Capacity (people)"), FIELD_UINT, 0, 1000000 },
  { "contact", N_("Contact"), FIELD_TEXT },
  { "notes", N_("Notes"), FIELD_TEXT },
};

typedef struct
{
  MtSitesPage  *self;  /* weak */
  MtEntityKind  kind;
  char         *id;
  GtkWindow    *window;
  GtkWidget    *save_button;
  const Field  *fields;
  guint         n_fields;
  GtkWidget    *rows[G_N_ELEMENTS (site_fields)];
  GPtrArray    *city_ids;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *e = data;

  g_clear_weak_pointer (&e->self);
  g_free (e->id);
  g_ptr_array_unref (e->city_ids);
  g_free (e);
}

/* the value a number row holds; FALSE when it is not a number in range */
static gboolean
row_number (Editor   *e,
            guint     i,
            double   *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (e->rows[i]))));
  char *end = NULL;

  if (*text == '\0')
    {
      *value = 0;
      return TRUE;
    }
  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return FALSE;
  if (e->fields[i].type == FIELD_UINT && *value != (guint) *value)
    return FALSE;
  return *value >= e->fields[i].min && *value <= e->fields[i].max;
}

static void
editor_validate (Editor *e)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < e->n_fields; i++)
    {
      gboolean row_ok = TRUE;
      double value;

      if (e->fields[i].type == FIELD_DOUBLE || e->fields[i].type == FIELD_UINT)
        row_ok = row_number (e, i, &value);
      else if (g_str_equal (e->fields[i].property, "name"))
        {
          g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (e->rows[i]))));

          row_ok = *text != '\0';
        }
      if (row_ok)
        gtk_widget_remove_css_class (e->rows[i], "error");
      else
        gtk_widget_add_css_class (e->rows[i], "error");
      ok &= row_ok;
    }
  gtk_widget_set_sensitive (e->save_button, ok);
}

static void
editor_apply (Editor   *e,
              MtEntity *entity)
{
  for (guint i = 0; i < e->n_fields; i++)
    {
      const Field *f = &e->fields[i];
      double number;

      switch (f->type)
        {
        case FIELD_TEXT:
          mt_editor_apply_text (entity, f->property, GTK_EDITABLE (e->rows[i]));
          break;
        case FIELD_DOUBLE:
          if (row_number (e, i, &number))
            g_object_set (entity, f->property, number, NULL);
          break;
        case FIELD_UINT:
          if (row_number (e, i, &number))
            g_object_set (entity, f->property, (guint) number, NULL);
          break;
        case FIELD_CITY:
          {
            guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (e->rows[i]));

            g_object_set (entity, f->property,
                          selected < e->city_ids->len ? g_ptr_array_index (e->city_ids, selected) : NULL, NULL);
          }
          break;
        case FIELD_SITE_KIND:
          g_object_set (entity, f->property, (int) adw_combo_row_get_selected (ADW_COMBO_ROW (e->rows[i])), NULL);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
on_editor_save (Editor *e)
{
  MtSitesPage *self = e->self;
  g_autoptr(MtEntity) created = NULL;
  g_autofree char *label = NULL;
  MtEntity *entity;
  MtHistory *history;

  if (self == NULL || mt_sites_page_get_tour (self) == NULL || !gtk_widget_get_sensitive (e->save_button))
    return;
  if (e->id != NULL)
    {
      entity = mt_tour_lookup (mt_sites_page_get_tour (self), e->id);
      if (entity == NULL)
        {
          gtk_window_destroy (e->window);
          return;
        }
      label = g_strdup_printf (e->kind == MT_ENTITY_CITY ? _("Edit city “%s”") : _("Edit site “%s”"),
                               mt_page_nonnull (mt_entity_get_display_name (entity)));
    }
  else
    {
      created = mt_entity_new_of_kind (e->kind, NULL);
      entity = created;
      label = g_strdup_printf (e->kind == MT_ENTITY_CITY ? _("Add city “%s”") : _("Add site “%s”"),
                               gtk_editable_get_text (GTK_EDITABLE (e->rows[0])));
    }

  history = mt_tour_get_history (mt_sites_page_get_tour (self));
  mt_history_begin (history, label);
  editor_apply (e, entity);
  if (created != NULL)
    mt_tour_add (mt_sites_page_get_tour (self), created, NULL);
  mt_history_end (history);
  gtk_window_destroy (e->window);
}

GtkWindow *
mt_sites_page_edit (MtSitesPage  *self,
                    MtEntityKind  kind,
                    const char   *id)
{
  MtEntity *entity = NULL;
  AdwPreferencesPage *page;
  GtkWidget *group;
  const char *title;
  Editor *e;

  g_return_val_if_fail (MT_IS_SITES_PAGE (self), NULL);
  g_return_val_if_fail (mt_sites_page_get_tour (self) != NULL, NULL);
  g_return_val_if_fail (kind == MT_ENTITY_CITY || kind == MT_ENTITY_SITE, NULL);

  if (id != NULL)
    {
      entity = mt_tour_lookup_kind (mt_sites_page_get_tour (self), kind, id);
      g_return_val_if_fail (entity != NULL, NULL);
    }

  e = g_new0 (Editor, 1);
  g_set_weak_pointer (&e->self, self);
  e->kind = kind;
  e->id = g_strdup (id);
  e->fields = kind == MT_ENTITY_CITY ? city_fields : site_fields;
  e->n_fields = kind == MT_ENTITY_CITY ? G_N_ELEMENTS (city_fields) : G_N_ELEMENTS (site_fields);
  e->city_ids = g_ptr_array_new_with_free_func (g_free);

  if (kind == MT_ENTITY_CITY)
    title = entity != NULL ? _("Edit City") : _("New City");
  else
    title = entity != NULL ? _("Edit Site") : _("New Site");
  e->window = mt_editor_window_new (GTK_WIDGET (self), title, NULL,
                                    500, kind == MT_ENTITY_CITY ? 420 : 720,
                                    entity != NULL ? _("_Save") : _("_Add"), &e->save_button, &page);
  g_object_set_data_full (G_OBJECT (e->window), "editor", e, editor_free);
  g_signal_connect_swapped (e->save_button, "clicked", G_CALLBACK (on_editor_save), e);
  group = adw_preferences_group_new ();
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  for (guint i = 0; i < e->n_fields; i++)
    {
      const Field *f = &e->fields[i];
      g_autofree char *name = g_strdup_printf ("%s-row", f->property);
      GtkWidget *row;

      if (f->type == FIELD_CITY || f->type == FIELD_SITE_KIND)
        {
          GtkStringList *items = gtk_string_list_new (NULL);
          guint selected = 0;

          row = adw_combo_row_new ();
          if (f->type == FIELD_CITY)
            {
              GListModel *cities = mt_tour_get_cities (mt_sites_page_get_tour (self));

              gtk_string_list_append (items, _("No city"));
              g_ptr_array_add (e->city_ids, NULL);
              for (guint j = 0; j < g_list_model_get_n_items (cities); j++)
                {
                  g_autoptr(MtCity) city = g_list_model_get_item (cities, j);

                  if (entity != NULL && g_strcmp0 (mt_site_get_city (MT_SITE (entity)), mt_entity_get_id (MT_ENTITY (city))) == 0)
                    selected = e->city_ids->len;
                  g_ptr_array_add (e->city_ids, g_strdup (mt_entity_get_id (MT_ENTITY (city))));
                  gtk_string_list_append (items, mt_page_nonnull (mt_city_get_name (city)));
                }
            }
          else
            {
              for (int k = MT_SITE_GOVERNMENT; k <= MT_SITE_OTHER; k++)
                gtk_string_list_append (items, mt_page_site_kind_label (k));
              selected = entity != NULL ? mt_site_get_site_kind (MT_SITE (entity)) : MT_SITE_COMPANY;
            }
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (items));
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
          g_object_unref (items);
        }
      else
        {
          g_autofree char *text = NULL;

          row = adw_entry_row_new ();
          if (entity != NULL && f->type == FIELD_TEXT)
            g_object_get (entity, f->property, &text, NULL);
          else if (entity != NULL && f->type == FIELD_DOUBLE)
            {
              double value;
              char buf[G_ASCII_DTOSTR_BUF_SIZE];

              g_object_get (entity, f->property, &value, NULL);
              text = value != 0 ? g_strdup (g_ascii_formatd (buf, sizeof buf, "%.4f", value)) : NULL;
            }
          else if (entity != NULL && f->type == FIELD_UINT)
            {
              guint value;

              g_object_get (entity, f->property, &value, NULL);
              text = value != 0 ? g_strdup_printf ("%u", value) : NULL;
            }
          gtk_editable_set_text (GTK_EDITABLE (row), mt_page_nonnull (text));
          g_signal_connect_swapped (row, "changed", G_CALLBACK (editor_validate), e);
          if (f->type != FIELD_TEXT)
            adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(f->title));
      gtk_widget_set_name (row, name);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      e->rows[i] = row;
    }

  editor_validate (e);
  gtk_window_present (e->window);
  gtk_widget_grab_focus (e->rows[0]);
  return e->window;
}
