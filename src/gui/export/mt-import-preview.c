/* mt-import-preview.c: what an import would do, before it does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mt-csv.h"
#include "mt-ical.h"
#include "mt-import-preview.h"
#include "mt-itinerary-model.h"

static void
item_free (gpointer data)
{
  MtImportItem *item = data;

  g_free (item->title);
  g_free (item->detail);
  g_free (item);
}

static void
add_item (MtImportPreview *preview,
          MtImportChange   change,
          const char      *title,
          char            *detail)
{
  MtImportItem *item = g_new0 (MtImportItem, 1);

  item->change = change;
  item->title = g_strdup (title);
  item->detail = detail;
  g_ptr_array_add (preview->items, item);
}

void
mt_import_preview_free (MtImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->name);
  g_ptr_array_unref (preview->items);
  g_clear_pointer (&preview->notes, g_ptr_array_unref);
  g_free (preview);
}

MtImportKind
mt_import_kind_guess (const char *name,
                      const char *data,
                      gsize       length)
{
  const char *dot = name ? strrchr (name, '.') : NULL;

  if (dot != NULL && (g_ascii_strcasecmp (dot, ".ics") == 0 || g_ascii_strcasecmp (dot, ".ical") == 0
                      || g_ascii_strcasecmp (dot, ".ifb") == 0))
    return MT_IMPORT_CALENDAR;
  if (dot != NULL && (g_ascii_strcasecmp (dot, ".csv") == 0 || g_ascii_strcasecmp (dot, ".tsv") == 0))
    return MT_IMPORT_ROSTER;
  /* a byte order mark, then the calendar's first line */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (length >= 15 && g_ascii_strncasecmp (data, "BEGIN:VCALENDAR", 15) == 0)
    return MT_IMPORT_CALENDAR;
  return MT_IMPORT_ROSTER;
}

/* a copy of @tour to try the import on */
static MtTour *
copy_tour (MtTour *tour)
{
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return mt_tour_load_from_data (data, size, "copy", NULL, NULL);
}

static char *
visit_detail (MtTour  *tour,
              MtVisit *visit)
{
  g_autofree char *when = mt_itinerary_format_time_range (mt_visit_get_start (visit), mt_visit_get_end (visit));
  int day = mt_tour_get_day_index (tour, mt_visit_get_start (visit));
  g_autofree char *date = mt_itinerary_day_date (tour, day);
  g_autofree char *place = mt_itinerary_visit_place (tour, visit);

  if (day < 0 || day >= (int) mt_tour_get_n_days (tour))
    /* Translators: an imported visit outside the tour's days: its date and times */
    return g_strdup_printf (_("%s, %s (outside the tour’s days)"), date, when);
  if (*place != '\0')
    /* Translators: an imported visit: its date, times and place */
    return g_strdup_printf (_("%s, %s · %s"), date, when, place);
  /* Translators: an imported visit: its date and times */
  return g_strdup_printf (_("%s, %s"), date, when);
}

static char *
delegate_detail (MtTour     *tour,
                 MtDelegate *delegate)
{
  MtGroup *group = mt_delegate_get_group (delegate)
                   ? mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, mt_delegate_get_group (delegate)) : NULL;
  const char *outlet = mt_delegate_get_outlet (delegate);

  if (group != NULL && outlet != NULL)
    /* Translators: an imported delegate: their outlet and their group */
    return g_strdup_printf (_("%s · %s"), outlet, mt_group_get_name (group));
  return g_strdup (outlet ? outlet : group ? mt_group_get_name (group) : "");
}

/* the fields of @after that differ from @before, by their names */
static char *
changed_fields (MtEntity *before,
                MtEntity *after)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (after), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE) || g_str_equal (pspecs[i]->name, "id")
          || g_param_spec_get_nick (pspecs[i]) == NULL || pspecs[i]->owner_type == MT_TYPE_ENTITY)
        continue;
      g_value_init (&a, pspecs[i]->value_type);
      g_value_init (&b, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (before), pspecs[i]->name, &a);
      g_object_get_property (G_OBJECT (after), pspecs[i]->name, &b);
      if (g_param_values_cmp (pspecs[i], &a, &b) != 0)
        g_string_append_printf (text, text->len ? ", %s" : "%s", _(g_param_spec_get_nick (pspecs[i])));
    }
  /* Translators: what an import changes in an item, "Start, End, Title" */
  return text->len ? g_strdup_printf (_("Changes: %s"), text->str) : g_strdup ("");
}

/* the items of @kind that the import added to @after, then those it changed */
static void
compare (MtImportPreview *preview,
         MtTour          *before,
         MtTour          *after,
         MtEntityKind     kind)
{
  GListModel *model = mt_tour_get_entities (after, kind);
  g_autoptr(GPtrArray) updated = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);
      MtEntity *old = mt_tour_lookup_kind (before, kind, mt_entity_get_id (entity));
      const char *title = mt_entity_get_display_name (entity);

      if (old == NULL)
        add_item (preview, MT_IMPORT_ADD, title ? title : _("Untitled visit"),
                  kind == MT_ENTITY_VISIT ? visit_detail (after, MT_VISIT (entity))
                                          : delegate_detail (after, MT_DELEGATE (entity)));
      else if (!mt_entity_equal (old, entity))
        g_ptr_array_add (updated, g_object_ref (entity));
    }
  for (guint i = 0; i < updated->len; i++)
    {
      MtEntity *entity = g_ptr_array_index (updated, i);
      MtEntity *old = mt_tour_lookup_kind (before, kind, mt_entity_get_id (entity));
      const char *title = mt_entity_get_display_name (entity);

      add_item (preview, MT_IMPORT_UPDATE, title ? title : _("Untitled visit"), changed_fields (old, entity));
    }
}

static void
leave_out (MtImportPreview *preview,
           GPtrArray       *messages)
{
  for (guint i = 0; messages != NULL && i < messages->len; i++)
    add_item (preview, MT_IMPORT_LEAVE_OUT, NULL, g_strdup (g_ptr_array_index (messages, i)));
}

MtImportPreview *
mt_import_preview_new (MtTour      *tour,
                       const char  *data,
                       gsize        length,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(MtImportPreview) preview = g_new0 (MtImportPreview, 1);
  g_autoptr(MtTour) copy = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  preview->kind = mt_import_kind_guess (name, data, length);
  preview->name = g_strdup (name);
  preview->items = g_ptr_array_new_with_free_func (item_free);
  copy = copy_tour (tour);
  if (copy == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The tour could not be copied to try the import"));
      return NULL;
    }

  if (preview->kind == MT_IMPORT_CALENDAR)
    {
      MtIcalImport result = { 0 };

      if (!mt_ical_import_data (copy, data, length, name, NULL, &result, error))
        return NULL;
      compare (preview, tour, copy, MT_ENTITY_VISIT);
      /* an interview's event moves the interview */
      compare (preview, tour, copy, MT_ENTITY_INTERVIEW);
      leave_out (preview, result.problems);
      preview->n_added = result.n_added;
      preview->n_updated = result.n_updated;
      preview->n_unchanged = result.n_unchanged;
      preview->n_left_out = result.n_left_out;
      preview->notes = g_steal_pointer (&result.notes);
      mt_ical_import_clear (&result);
    }
  else
    {
      MtCsvImport result = { 0 };
      g_autoptr(GPtrArray) bad_rows = NULL;

      if (!mt_csv_import_roster (copy, data, length, name, &result, &bad_rows, &local_error))
        {
          if (!g_error_matches (local_error, MT_CSV_ERROR, MT_CSV_ERROR_BAD_ROWS))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          /* nothing of a roster with bad rows is imported: say which */
          preview->refused = TRUE;
          leave_out (preview, bad_rows);
          preview->n_left_out = bad_rows ? bad_rows->len : 0;
          return g_steal_pointer (&preview);
        }
      compare (preview, tour, copy, MT_ENTITY_DELEGATE);
      preview->n_added = result.n_added;
      preview->n_updated = result.n_updated;
      preview->n_unchanged = result.n_unchanged;
      preview->n_groups_added = result.n_groups_added;
    }
  return g_steal_pointer (&preview);
}

gboolean
mt_import_apply (MtTour        *tour,
                 MtImportKind   kind,
                 const char    *data,
                 gsize          length,
                 const char    *name,
                 GError       **error)
{
  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);

  if (kind == MT_IMPORT_CALENDAR)
    return mt_ical_import_data (tour, data, length, name, NULL, NULL, error);
  return mt_csv_import_roster (tour, data, length, name, NULL, NULL, error);
}
