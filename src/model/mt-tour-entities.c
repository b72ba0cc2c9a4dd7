/* mt-tour-entities.c: the tour's items: kept by kind in file order and
 * by id, added, removed, and moved together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-tour"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-tour-file.h"
#include "mt-tour-private.h"

/**
 * mt_tour_get_entities:
 *
 * Returns: (transfer none): the entities of @kind, in the order of the file
 */
GListModel *
mt_tour_get_entities (MtTour       *self,
                      MtEntityKind  kind)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  g_return_val_if_fail (kind < MT_N_ENTITY_KINDS, NULL);
  return G_LIST_MODEL (self->stores[kind]);
}

GListModel *mt_tour_get_cities (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_CITY); }
GListModel *mt_tour_get_sites (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_SITE); }
GListModel *mt_tour_get_groups (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_GROUP); }
GListModel *mt_tour_get_delegates (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_DELEGATE); }
GListModel *mt_tour_get_visits (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_VISIT); }
GListModel *mt_tour_get_interviews (MtTour *self) { return mt_tour_get_entities (self, MT_ENTITY_INTERVIEW); }

guint
mt_tour_count (MtTour       *self,
               MtEntityKind  kind)
{
  return g_list_model_get_n_items (mt_tour_get_entities (self, kind));
}

/**
 * mt_tour_lookup:
 * @id: (nullable): an id
 *
 * Returns: (transfer none) (nullable): the entity with @id
 */
MtEntity *
mt_tour_lookup (MtTour     *self,
                const char *id)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->index, id);
}

/**
 * mt_tour_lookup_kind:
 *
 * Returns: (transfer none) (nullable): the entity with @id where it is of
 *   @kind
 */
gpointer
mt_tour_lookup_kind (MtTour       *self,
                     MtEntityKind  kind,
                     const char   *id)
{
  MtEntity *entity = mt_tour_lookup (self, id);

  if (entity == NULL || mt_entity_get_kind (entity) != kind)
    return NULL;
  return entity;
}

static MtStamp
tick_tour (gpointer data)
{
  return _mt_tour_tick (data);
}

/* Where @entity goes in its kind's list: the lists are in the order of the
 * entities' created stamps, then ids, the same on every copy. */
static guint
sorted_position (GListStore *store,
                 MtEntity   *entity)
{
  guint low = 0, high = g_list_model_get_n_items (G_LIST_MODEL (store));

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(MtEntity) other = g_list_model_get_item (G_LIST_MODEL (store), middle);

      if (_mt_entity_compare_created (other, entity) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Adds @entity, new or brought back from the deleted: its place in the list
 * follows from its created stamp (@position is where it was, which undo
 * passes, and no longer decides). */
void
_mt_tour_insert (MtTour   *self,
                 MtEntity *entity,
                 guint     position)
{
  MtEntityPrivate *priv = _mt_entity_get_private (entity);
  GListStore *store = self->stores[mt_entity_get_kind (entity)];

  g_assert (mt_entity_get_tour (entity) == NULL);
  g_assert (!g_hash_table_contains (self->index, mt_entity_get_id (entity)));

  if (!mt_stamp_is_set (&priv->created))
    _mt_entity_stamp_new (entity, tick_tour, self);
  else if (_mt_entity_is_dead (entity))
    {
      MtStamp stamp = _mt_tour_tick (self);

      /* undeleted (an undo): a new stamp, so the undelete wins */
      _mt_entity_set_deleted (entity, &stamp, NULL);
    }
  g_hash_table_remove (self->tombstones, priv->id);

  position = sorted_position (store, entity);
  _mt_entity_set_tour (entity, self);
  g_hash_table_insert (self->index, (gpointer) mt_entity_get_id (entity), entity);
  g_list_store_insert (store, position, entity);
  _mt_history_record_add (self->history, entity, position);
  g_signal_emit_by_name (self, "changed", entity);
}

/**
 * mt_tour_add:
 *
 * Adds @entity at the end of its kind's list, as one undoable step (or part
 * of the open one).
 *
 * Returns: %FALSE, with @error set, where the tour has an entity with the
 *   same id already
 */
gboolean
mt_tour_add (MtTour    *self,
             MtEntity  *entity,
             GError   **error)
{
  g_return_val_if_fail (MT_IS_TOUR (self), FALSE);
  g_return_val_if_fail (MT_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (mt_entity_get_tour (entity) == NULL, FALSE);

  if (g_hash_table_contains (self->index, mt_entity_get_id (entity)))
    {
      g_set_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_DUPLICATE_ID,
                   _("The tour has an item with the id “%s” already"),
                   mt_entity_get_id (entity));
      return FALSE;
    }

  _mt_tour_insert (self, entity, G_MAXUINT);
  return TRUE;
}

/**
 * mt_tour_remove:
 *
 * Removes @entity, as one undoable step (or part of the open one). References
 * to it from other entities stay, and dangle, until they are changed. The
 * entity is kept among the deleted, with the stamp of its delete, so that
 * the delete reaches the other copies of the tour.
 */
void
mt_tour_remove (MtTour   *self,
                MtEntity *entity)
{
  MtStamp stamp;

  g_return_if_fail (MT_IS_TOUR (self));
  g_return_if_fail (MT_IS_ENTITY (entity));
  g_return_if_fail (mt_entity_get_tour (entity) == self);

  stamp = _mt_tour_tick (self);
  _mt_entity_mark_deleted (entity, &stamp);
  _mt_tour_unlink (self, entity);
}

void
_mt_tour_unlink (MtTour   *self,
                 MtEntity *entity)
{
  g_autoptr(MtEntity) hold G_GNUC_UNUSED = g_object_ref (entity); /* alive until unlinked */
  GListStore *store = self->stores[mt_entity_get_kind (entity)];
  guint position;

  if (!g_list_store_find (store, entity, &position))
    g_return_if_reached ();

  g_hash_table_remove (self->index, mt_entity_get_id (entity));
  g_list_store_remove (store, position);
  _mt_entity_set_tour (entity, NULL);
  g_hash_table_insert (self->tombstones, (gpointer) mt_entity_get_id (entity), g_object_ref (entity));
  _mt_history_record_remove (self->history, entity, position);
  g_signal_emit_by_name (self, "changed", entity);
}

static int
compare_created_indirect (gconstpointer a,
                          gconstpointer b)
{
  return _mt_entity_compare_created (*(MtEntity **) a, *(MtEntity **) b);
}

static int
compare_created (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return _mt_entity_compare_created ((MtEntity *) a, (MtEntity *) b);
}

void
_mt_tour_sort_lists (MtTour *self)
{
  for (guint kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = G_LIST_MODEL (self->stores[kind]);
      guint n = g_list_model_get_n_items (model);
      g_autoptr(MtEntity) previous = n > 0 ? g_list_model_get_item (model, 0) : NULL;

      for (guint i = 1; i < n; i++)
        {
          g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);

          if (_mt_entity_compare_created (previous, entity) > 0)
            {
              g_list_store_sort (self->stores[kind], compare_created, NULL);
              break;
            }
          g_set_object (&previous, entity);
        }
    }
}

gboolean
_mt_tour_take_loaded (MtTour        *self,
                      MtEntityKind   kind,
                      GPtrArray     *entities,
                      const char   **duplicate_id)
{
  GListStore *store = self->stores[kind];
  g_autoptr(GPtrArray) alive = g_ptr_array_sized_new (entities->len);

  for (guint i = 0; i < entities->len; i++)
    {
      MtEntity *entity = g_ptr_array_index (entities, i);
      const char *id = mt_entity_get_id (entity);

      _mt_entity_observe_stamps (entity, &self->clock);
      if (g_hash_table_contains (self->index, id) || g_hash_table_contains (self->tombstones, id))
        {
          /* roll back this kind's ids so the tour stays consistent */
          for (guint j = 0; j < i; j++)
            {
              MtEntity *added = g_ptr_array_index (entities, j);

              if (g_hash_table_lookup (self->index, mt_entity_get_id (added)) == added)
                g_hash_table_remove (self->index, mt_entity_get_id (added));
              g_hash_table_remove (self->tombstones, mt_entity_get_id (added));
            }
          *duplicate_id = id;
          return FALSE;
        }
      if (_mt_entity_is_dead (entity))
        {
          g_hash_table_insert (self->tombstones, (gpointer) id, g_object_ref (entity));
          continue;
        }
      g_hash_table_insert (self->index, (gpointer) id, entity);
      _mt_entity_set_tour (entity, self);
      g_ptr_array_add (alive, entity);
    }

  /* the file's order, unless someone wrote it out of order */
  for (guint i = 1; i < alive->len; i++)
    if (_mt_entity_compare_created (g_ptr_array_index (alive, i - 1), g_ptr_array_index (alive, i)) > 0)
      {
        g_ptr_array_sort (alive, compare_created_indirect);
        break;
      }

  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       alive->pdata, alive->len);
  return TRUE;
}

/**
 * mt_tour_dup_interviews_of_visit:
 *
 * Returns: (transfer container) (element-type MtInterview): the interviews
 *   that belong to the visit
 */
GPtrArray *
mt_tour_dup_interviews_of_visit (MtTour     *self,
                                 const char *visit_id)
{
  GListModel *interviews;
  GPtrArray *result;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  interviews = mt_tour_get_interviews (self);
  for (guint i = 0, n = g_list_model_get_n_items (interviews); i < n; i++)
    {
      g_autoptr(MtInterview) interview = g_list_model_get_item (interviews, i);

      if (g_strcmp0 (mt_interview_get_visit (interview), visit_id) == 0)
        g_ptr_array_add (result, g_steal_pointer (&interview));
    }
  return result;
}

static gint64
shift (gint64 time,
       gint64 delta)
{
  return time == MT_TIME_UNSET ? time : time + delta;
}

/**
 * mt_tour_move_visit:
 *
 * Moves @visit to start at @new_start, keeping its length, and its
 * interviews with it: one undoable step.
 */
void
mt_tour_move_visit (MtTour  *self,
                    MtVisit *visit,
                    gint64   new_start)
{
  g_autoptr(GPtrArray) interviews = NULL;
  g_autofree char *label = NULL;
  gint64 delta;

  g_return_if_fail (MT_IS_TOUR (self));
  g_return_if_fail (MT_IS_VISIT (visit));

  delta = new_start - mt_visit_get_start (visit);
  if (delta == 0)
    return;

  /* Translators: an undoable step, “%s” is a visit's title */
  label = g_strdup_printf (_("Move “%s”"), mt_visit_get_title (visit) ? mt_visit_get_title (visit) : _("Untitled visit"));
  mt_history_begin (self->history, label);

  mt_visit_set_start (visit, new_start);
  mt_visit_set_end (visit, shift (mt_visit_get_end (visit), delta));

  interviews = mt_tour_dup_interviews_of_visit (self, mt_entity_get_id (MT_ENTITY (visit)));
  for (guint i = 0; i < interviews->len; i++)
    {
      MtInterview *interview = g_ptr_array_index (interviews, i);

      mt_interview_set_start (interview, shift (mt_interview_get_start (interview), delta));
      mt_interview_set_end (interview, shift (mt_interview_get_end (interview), delta));
    }

  mt_history_end (self->history);
}
