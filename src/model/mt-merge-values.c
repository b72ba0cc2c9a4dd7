/* mt-merge-values.c: what a merge reports, and a field's value as the
 * tour file writes it (read, written, and restored after a conflict)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-merge-private.h"
#include "mt-merge.h"
#include "mt-tour-file.h"
#include "mt-tour-private.h"

void
mt_merge_change_free (MtMergeChange *change)
{
  if (change == NULL)
    return;
  g_free (change->id);
  g_free (change->field);
  g_free (change->name);
  g_clear_pointer (&change->old_value, json_node_unref);
  g_clear_pointer (&change->new_value, json_node_unref);
  g_free (change);
}

MtConflict *
mt_conflict_new (void)
{
  return g_new0 (MtConflict, 1);
}

MtConflict *
mt_conflict_copy (const MtConflict *conflict)
{
  MtConflict *copy = g_memdup2 (conflict, sizeof *conflict);

  copy->id = g_strdup (conflict->id);
  copy->field = g_strdup (conflict->field);
  copy->name = g_strdup (conflict->name);
  copy->kept_value = conflict->kept_value ? json_node_copy (conflict->kept_value) : NULL;
  copy->lost_value = conflict->lost_value ? json_node_copy (conflict->lost_value) : NULL;
  return copy;
}

void
mt_conflict_free (MtConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->id);
  g_free (conflict->field);
  g_free (conflict->name);
  g_clear_pointer (&conflict->kept_value, json_node_unref);
  g_clear_pointer (&conflict->lost_value, json_node_unref);
  g_free (conflict);
}

static gboolean
same_field (const MtConflict *a,
            const MtConflict *b)
{
  return a->entity_kind == b->entity_kind && g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->field, b->field) == 0;
}

/**
 * mt_conflicts_add:
 * @conflicts: (element-type MtConflict): where to add
 * @more: (element-type MtConflict): copied in
 *
 * Adds @more to @conflicts, a newer conflict on a field replacing the
 * older one.
 */
void
mt_conflicts_add (GPtrArray *conflicts,
                  GPtrArray *more)
{
  for (guint i = 0; i < more->len; i++)
    {
      MtConflict *conflict = g_ptr_array_index (more, i);

      for (guint j = 0; j < conflicts->len; j++)
        if (same_field (g_ptr_array_index (conflicts, j), conflict))
          {
            g_ptr_array_remove_index (conflicts, j);
            break;
          }
      g_ptr_array_add (conflicts, mt_conflict_copy (conflict));
    }
}

void
mt_merge_report_free (MtMergeReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->incoming, g_ptr_array_unref);
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_free (report);
}

/* Values as the tour file writes them */

JsonNode *
_mt_merge_node_from_value (const GValue *value,
                           GParamSpec   *pspec)
{
  GType type = G_VALUE_TYPE (value);
  JsonNode *node;

  if (type == G_TYPE_STRING)
    return g_value_get_string (value) != NULL ? json_node_init_string (json_node_alloc (), g_value_get_string (value))
                                              : json_node_init_null (json_node_alloc ());
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      JsonArray *array = json_array_new ();

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    }
  if (type == G_TYPE_BOOLEAN)
    return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));
  if (type == G_TYPE_UINT)
    return json_node_init_int (json_node_alloc (), g_value_get_uint (value));
  if (type == G_TYPE_DOUBLE)
    return json_node_init_double (json_node_alloc (), g_value_get_double (value));
  if (type == G_TYPE_INT64)
    {
      gint64 time = g_value_get_int64 (value);
      char buf[MT_WALL_TIME_BUF_SIZE];

      if (time == MT_TIME_UNSET)
        return json_node_init_null (json_node_alloc ());
      if (strcmp (pspec->name, "first-day") == 0)
        {
          g_autofree char *date = mt_wall_date_format (time);

          return json_node_init_string (json_node_alloc (), date);
        }
      mt_wall_time_format_buf (time, buf);
      return json_node_init_string (json_node_alloc (), buf);
    }
  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value (klass, g_value_get_enum (value));

      return json_node_init_string (json_node_alloc (), enum_value != NULL ? enum_value->value_nick : "");
    }
  g_assert_not_reached ();
}

static gboolean
value_from_node (JsonNode    *node,
                 GParamSpec  *pspec,
                 GValue      *value,
                 GError     **error)
{
  GType type = pspec->value_type;
  gboolean is_null = node == NULL || JSON_NODE_HOLDS_NULL (node);

  g_value_init (value, type);
  if (type == G_TYPE_STRING && (is_null || JSON_NODE_HOLDS_VALUE (node)))
    {
      g_value_set_string (value, is_null ? NULL : json_node_get_string (node));
      return TRUE;
    }
  if (type == G_TYPE_STRV && (is_null || JSON_NODE_HOLDS_ARRAY (node)))
    {
      JsonArray *array = is_null ? NULL : json_node_get_array (node);
      g_autoptr(GPtrArray) strings = g_ptr_array_new ();

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        g_ptr_array_add (strings, (gpointer) json_array_get_string_element (array, i));
      g_ptr_array_add (strings, NULL);
      g_value_set_boxed (value, strings->pdata);
      return TRUE;
    }
  if (!is_null && JSON_NODE_HOLDS_VALUE (node))
    {
      if (type == G_TYPE_BOOLEAN)
        g_value_set_boolean (value, json_node_get_boolean (node));
      else if (type == G_TYPE_UINT)
        g_value_set_uint (value, (guint) json_node_get_int (node));
      else if (type == G_TYPE_DOUBLE)
        g_value_set_double (value, json_node_get_double (node));
      else if (type == G_TYPE_INT64)
        {
          gint64 time;

          if (!(strcmp (pspec->name, "first-day") == 0 ? mt_wall_date_parse (json_node_get_string (node), &time)
                                                        : mt_wall_time_parse (json_node_get_string (node), &time)))
            goto bad;
          g_value_set_int64 (value, time);
        }
      else if (G_TYPE_IS_ENUM (type))
        {
          g_autoptr(GEnumClass) klass = g_type_class_ref (type);
          GEnumValue *enum_value = g_enum_get_value_by_nick (klass, json_node_get_string (node));

          if (enum_value == NULL)
            goto bad;
          g_value_set_enum (value, enum_value->value);
        }
      else
        goto bad;
      return TRUE;
    }
  if (type == G_TYPE_INT64 && is_null)
    {
      g_value_set_int64 (value, MT_TIME_UNSET);
      return TRUE;
    }

bad:
  g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
               _("%s: the value to restore is not one this field takes"), pspec->name);
  return FALSE;
}

JsonNode *
_mt_merge_dup_property_node (GObject    *object,
                             GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);
  return _mt_merge_node_from_value (&value, pspec);
}

/**
 * mt_entity_dup_field_node:
 *
 * Returns: (transfer full) (nullable): the value of @field as the tour file
 *   writes it, or %NULL where @entity has no such field
 */
JsonNode *
mt_entity_dup_field_node (MtEntity   *entity,
                          const char *field)
{
  GParamSpec *pspec;

  g_return_val_if_fail (MT_IS_ENTITY (entity), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), field);
  if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    return NULL;
  return _mt_merge_dup_property_node (G_OBJECT (entity), pspec);
}

gboolean
_mt_merge_set_property_node (GObject     *object,
                             const char  *field,
                             JsonNode    *node,
                             GError     **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), field);
  g_auto(GValue) value = G_VALUE_INIT;

  if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID, _("%s: no such field"), field);
      return FALSE;
    }
  if (!value_from_node (node, pspec, &value, error))
    return FALSE;
  if (strcmp (field, "time-zone") == 0)
    return mt_tour_set_time_zone (MT_TOUR (object), g_value_get_string (&value), error);
  g_object_set_property (object, field, &value);
  return TRUE;
}

gboolean
mt_entity_set_field_node (MtEntity    *entity,
                          const char  *field,
                          JsonNode    *value,
                          GError     **error)
{
  g_return_val_if_fail (MT_IS_ENTITY (entity), FALSE);
  return _mt_merge_set_property_node (G_OBJECT (entity), field, value, error);
}

/**
 * mt_conflict_restore:
 *
 * Returns: %FALSE, with @error set, where the item is gone or the value
 *   does not fit the field
 */
gboolean
mt_conflict_restore (const MtConflict  *conflict,
                     MtTour            *tour,
                     GError           **error)
{
  GObject *object;
  g_autofree char *label = NULL;
  gboolean ok;

  g_return_val_if_fail (conflict != NULL, FALSE);
  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);

  object = conflict->id != NULL ? G_OBJECT (mt_tour_lookup (tour, conflict->id)) : G_OBJECT (tour);
  if (object == NULL)
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID,
                   _("“%s” is no longer in the tour"), conflict->name ? conflict->name : conflict->id);
      return FALSE;
    }

  /* Translators: an undoable step; %s is the name of a field, “Title” */
  label = g_strdup_printf (_("Restore %s"), conflict->field);
  mt_history_begin (mt_tour_get_history (tour), label);
  ok = _mt_merge_set_property_node (object, conflict->field, conflict->lost_value, error);
  mt_history_end (mt_tour_get_history (tour));
  return ok;
}
