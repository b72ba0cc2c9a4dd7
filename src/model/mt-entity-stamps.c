/* mt-entity-stamps.c: the merge stamps of an entity's fields
 *
 * Each field has the stamp of its last change. A list of ids (a visit's
 * groups, an interview's delegates) merges element by element instead:
 * each id has the stamp of its last addition or removal, and a removed id
 * stays, marked removed, so that a copy that never saw it added cannot
 * bring it back. The list's value is its present ids in the order of
 * their stamps, which every copy computes alike; ids added in one change
 * get ticks one after the other, so they keep the order they were given.
 *
 * A delete is a stamp and the newest field clock the deleting copy had
 * seen: the entity is dead while no field has a newer clock, so an edit
 * that its delete did not see brings it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-entity"

#include "config.h"

#include <string.h>

#include "mt-entity-private.h"

static void
element_clear (gpointer data)
{
  MtElement *element = data;

  g_clear_pointer (&element->id, g_free);
}

static GArray *
ensure_elements (MtEntity *self,
                 guint     index)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);

  if (priv->elements == NULL)
    priv->elements = g_new0 (GArray *, MT_ENTITY_GET_CLASS (self)->n_fields);
  if (priv->elements[index] == NULL)
    {
      priv->elements[index] = g_array_new (FALSE, FALSE, sizeof (MtElement));
      g_array_set_clear_func (priv->elements[index], element_clear);
    }
  return priv->elements[index];
}

void
_mt_entity_free_stamps (MtEntity *self)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);

  g_clear_pointer (&priv->stamps, g_free);
  g_clear_pointer (&priv->deleted_seen, g_array_unref);
  if (priv->elements != NULL)
    {
      for (guint i = 0; i < MT_ENTITY_GET_CLASS (self)->n_fields; i++)
        g_clear_pointer (&priv->elements[i], g_array_unref);
      g_clear_pointer (&priv->elements, g_free);
    }
}

MtElement *
_mt_elements_find (GArray     *elements,
                   const char *id)
{
  for (guint i = 0; i < elements->len; i++)
    {
      MtElement *element = &g_array_index (elements, MtElement, i);

      if (strcmp (element->id, id) == 0)
        return element;
    }
  return NULL;
}

static int
compare_elements (gconstpointer a,
                  gconstpointer b)
{
  const MtElement *ea = a, *eb = b;
  int order = mt_stamp_compare (&ea->stamp, &eb->stamp);

  return order != 0 ? order : strcmp (ea->id, eb->id);
}

gboolean
_mt_entity_sync_list_value (MtEntity *self,
                            guint     index)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  const MtField *field = &MT_ENTITY_GET_CLASS (self)->fields[index];
  char ***slot = MT_FIELD_PTR (self, field);
  GArray *elements = ensure_elements (self, index);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean changed;

  g_array_sort (elements, compare_elements);
  for (guint i = 0; i < elements->len; i++)
    {
      MtElement *element = &g_array_index (elements, MtElement, i);

      if (element->present)
        g_ptr_array_add (ids, element->id);
      if (mt_stamp_compare (&element->stamp, &priv->stamps[index]) > 0)
        priv->stamps[index] = element->stamp;
    }
  g_ptr_array_add (ids, NULL);

  if (*slot == NULL)
    changed = ids->len > 1;
  else
    changed = !g_strv_equal ((const char * const *) *slot, (const char * const *) ids->pdata);
  if (changed)
    {
      g_strfreev (*slot);
      *slot = ids->len > 1 ? g_strdupv ((char **) ids->pdata) : NULL;
    }
  return changed;
}

void
_mt_entity_put_element (MtEntity      *self,
                        guint          index,
                        const char    *id,
                        const MtStamp *stamp,
                        gboolean       present)
{
  GArray *elements = ensure_elements (self, index);
  MtElement *element = _mt_elements_find (elements, id);

  if (element == NULL)
    {
      MtElement added = { g_strdup (id), *stamp, present };

      g_array_append_val (elements, added);
      return;
    }
  element->stamp = *stamp;
  element->present = present;
}

/**
 * _mt_entity_get_elements:
 *
 * Returns: (transfer none) (nullable): the MtElements of field @index
 */
GArray *
_mt_entity_get_elements (MtEntity *self,
                         guint     index)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);

  return priv->elements != NULL ? priv->elements[index] : NULL;
}

void
_mt_entity_stamp_new (MtEntity   *self,
                      MtTickFunc  tick,
                      gpointer    data)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);

  priv->created = tick (data);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MtField *field = &klass->fields[i];

      priv->stamps[i] = priv->created;
      if (_mt_field_is_id_list (field))
        {
          char **ids = *(char ***) MT_FIELD_PTR (self, field);

          g_array_set_size (ensure_elements (self, i), 0);
          for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
            {
              MtStamp stamp = tick (data);

              _mt_entity_put_element (self, i, ids[j], &stamp, TRUE);
            }
          _mt_entity_sync_list_value (self, i);
        }
    }
}

void
_mt_entity_stamp_unset (MtEntity      *self,
                        const MtStamp *stamp)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);

  MtStamp span = MT_STAMP_INIT;

  if (!mt_stamp_is_set (&priv->created))
    priv->created = *stamp;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MtField *field = &klass->fields[i];

      if (!mt_stamp_is_set (&priv->stamps[i]))
        priv->stamps[i] = priv->created;
      if ((field->flags & MT_FIELD_SPAN) && mt_stamp_compare (&priv->stamps[i], &span) > 0)
        span = priv->stamps[i];
      if (_mt_field_is_id_list (field))
        {
          const char * const *ids = *(const char * const **) MT_FIELD_PTR (self, field);
          GArray *elements = ensure_elements (self, i);

          /* the list's value says which ids are present */
          for (guint j = 0; j < elements->len; j++)
            {
              MtElement *element = &g_array_index (elements, MtElement, j);

              element->present = ids != NULL && g_strv_contains (ids, element->id);
            }
          for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
            if (_mt_elements_find (elements, ids[j]) == NULL)
              _mt_entity_put_element (self, i, ids[j], &priv->created, TRUE);
          _mt_entity_sync_list_value (self, i);
        }
    }
  /* a start and its end share their stamp (a file written otherwise gets
   * the newer of the two for both, on every copy alike) */
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].flags & MT_FIELD_SPAN)
      priv->stamps[i] = span;
}

void
_mt_entity_stamp_field (MtEntity      *self,
                        guint          index,
                        const MtStamp *stamp)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);

  priv->stamps[index] = *stamp;
  if (klass->fields[index].flags & MT_FIELD_SPAN)
    for (guint i = 0; i < klass->n_fields; i++)
      if (klass->fields[i].flags & MT_FIELD_SPAN)
        priv->stamps[i] = *stamp;
}

void
_mt_entity_stamp_list (MtEntity   *self,
                       guint       index,
                       MtTickFunc  tick,
                       gpointer    data)
{
  const MtField *field = &MT_ENTITY_GET_CLASS (self)->fields[index];
  char **ids = *(char ***) MT_FIELD_PTR (self, field);
  GArray *elements = ensure_elements (self, index);

  for (guint i = 0; i < elements->len; i++)
    {
      MtElement *element = &g_array_index (elements, MtElement, i);

      if (element->present && (ids == NULL || !g_strv_contains ((const char * const *) ids, element->id)))
        {
          element->stamp = tick (data);
          element->present = FALSE;
        }
    }
  for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
    {
      MtElement *element = _mt_elements_find (elements, ids[j]);

      if (element == NULL || !element->present)
        {
          MtStamp stamp = tick (data);

          _mt_entity_put_element (self, index, ids[j], &stamp, TRUE);
        }
    }
  _mt_entity_sync_list_value (self, index);
}

guint64
_mt_entity_get_newest_hlc (MtEntity *self)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);
  guint64 newest = priv->created.hlc;

  for (guint i = 0; i < klass->n_fields; i++)
    newest = MAX (newest, priv->stamps[i].hlc);
  return newest;
}

GArray *
_mt_seen_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (MtStamp));
}

GArray *
_mt_seen_copy (GArray *seen)
{
  GArray *copy;

  if (seen == NULL)
    return NULL;
  copy = _mt_seen_new ();
  g_array_append_vals (copy, seen->data, seen->len);
  return copy;
}

/* the entry of @replica, or where it would go */
static guint
seen_position (GArray     *seen,
               const char *replica,
               gboolean   *found)
{
  guint low = 0, high = seen->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int order = g_strcmp0 (g_array_index (seen, MtStamp, middle).replica, replica);

      if (order == 0)
        {
          *found = TRUE;
          return middle;
        }
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }
  *found = FALSE;
  return low;
}

guint64
_mt_seen_lookup (GArray     *seen,
                 const char *replica)
{
  gboolean found;
  guint position = seen_position (seen, replica, &found);

  return found ? g_array_index (seen, MtStamp, position).hlc : 0;
}

void
_mt_seen_put (GArray        *seen,
              const MtStamp *stamp)
{
  gboolean found;
  guint position;

  if (!mt_stamp_is_set (stamp))
    return;
  position = seen_position (seen, stamp->replica, &found);
  if (!found)
    g_array_insert_val (seen, position, *stamp);
  else if (g_array_index (seen, MtStamp, position).hlc < stamp->hlc)
    g_array_index (seen, MtStamp, position).hlc = stamp->hlc;
}

int
_mt_seen_compare (GArray *a,
                  GArray *b)
{
  guint n_a = a != NULL ? a->len : 0, n_b = b != NULL ? b->len : 0;

  for (guint i = 0; i < n_a && i < n_b; i++)
    {
      int order = mt_stamp_compare (&g_array_index (a, MtStamp, i), &g_array_index (b, MtStamp, i));

      if (order != 0)
        return order;
    }
  return n_a < n_b ? -1 : n_a > n_b ? 1 : 0;
}

/* Calls @func on every stamp of the entity but its delete's */
static gboolean
all_stamps (MtEntity *self,
            gboolean (*func) (const MtStamp *stamp, gpointer data),
            gpointer  data)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);

  if (!func (&priv->created, data))
    return FALSE;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GArray *elements = _mt_entity_get_elements (self, i);

      if (!func (&priv->stamps[i], data))
        return FALSE;
      for (guint j = 0; elements != NULL && j < elements->len; j++)
        if (!func (&g_array_index (elements, MtElement, j).stamp, data))
          return FALSE;
    }
  return TRUE;
}

static gboolean
put_seen (const MtStamp *stamp,
          gpointer       data)
{
  _mt_seen_put (data, stamp);
  return TRUE;
}

static gboolean
was_seen (const MtStamp *stamp,
          gpointer       data)
{
  return !mt_stamp_is_set (stamp) || stamp->hlc <= _mt_seen_lookup (data, stamp->replica);
}

gboolean
_mt_entity_is_dead (MtEntity *self)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);

  return priv->deleted_seen != NULL && all_stamps (self, was_seen, priv->deleted_seen);
}

void
_mt_entity_mark_deleted (MtEntity      *self,
                         const MtStamp *stamp)
{
  GArray *seen = _mt_seen_new ();

  all_stamps (self, put_seen, seen);
  _mt_entity_set_deleted (self, stamp, seen);
}

void
_mt_entity_set_deleted (MtEntity      *self,
                        const MtStamp *stamp,
                        GArray        *seen)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);

  priv->deleted_stamp = *stamp;
  g_clear_pointer (&priv->deleted_seen, g_array_unref);
  priv->deleted_seen = seen;
}

void
_mt_entity_observe_stamps (MtEntity *self,
                           MtClock  *clock)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);

  mt_clock_observe (clock, _mt_entity_get_newest_hlc (self));
  mt_clock_observe (clock, priv->deleted_stamp.hlc);
}

static int
compare_strv (const char * const *a,
              const char * const *b)
{
  guint i;

  for (i = 0; a != NULL && b != NULL && a[i] != NULL && b[i] != NULL; i++)
    {
      int order = strcmp (a[i], b[i]);

      if (order != 0)
        return order;
    }
  if (a != NULL && a[i] != NULL)
    return 1;
  if (b != NULL && b[i] != NULL)
    return -1;
  return 0;
}

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

int
_mt_entity_compare_values (MtEntity *a,
                           MtEntity *b,
                           guint     index)
{
  const MtField *field = &MT_ENTITY_GET_CLASS (a)->fields[index];
  gpointer pa = MT_FIELD_PTR (a, field);
  gpointer pb = MT_FIELD_PTR (b, field);

  g_assert (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));

  switch (field->type)
    {
    case MT_FIELD_STRING:
      return g_strcmp0 (*(char **) pa, *(char **) pb);
    case MT_FIELD_STRV:
      return compare_strv (*(const char * const **) pa, *(const char * const **) pb);
    case MT_FIELD_BOOLEAN:
    case MT_FIELD_ENUM:
      return CMP (*(int *) pa, *(int *) pb);
    case MT_FIELD_UINT:
      return CMP (*(guint *) pa, *(guint *) pb);
    case MT_FIELD_DOUBLE:
      return CMP (*(double *) pa, *(double *) pb);
    case MT_FIELD_TIME:
      return CMP (*(gint64 *) pa, *(gint64 *) pb);
    default:
      g_assert_not_reached ();
    }
}

/* The order of a kind's list: by created stamp, then id */
int
_mt_entity_compare_created (MtEntity *a,
                            MtEntity *b)
{
  MtEntityPrivate *pa = _mt_entity_get_private (a);
  MtEntityPrivate *pb = _mt_entity_get_private (b);
  int order = mt_stamp_compare (&pa->created, &pb->created);

  return order != 0 ? order : strcmp (pa->id, pb->id);
}

gboolean
_mt_stamp_clamp (MtStamp           *stamp,
                 const MtClampRule *rule)
{
  if (stamp->hlc <= rule->limit)
    return FALSE;
  /* this copy's own stamps, from its clock when it was wrong: moved back by
   * how wrong it was, where that is known */
  if (stamp->replica == rule->own_replica && rule->own_shift > 0 && stamp->hlc > rule->own_shift)
    stamp->hlc -= rule->own_shift;
  if (stamp->hlc > rule->limit)
    stamp->hlc = rule->to;
  return TRUE;
}

/* Sets back every stamp after the rule's limit; returns the newest stamp
 * set back (its clock as it was), or an unset stamp where none was. */
MtStamp
_mt_entity_clamp_stamps (MtEntity          *self,
                         const MtClampRule *rule)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (self);
  MtStamp newest = MT_STAMP_INIT;

#define CLAMP_STAMP(stamp)                                           \
  G_STMT_START {                                                     \
    MtStamp before = (stamp);                                        \
    if (_mt_stamp_clamp (&(stamp), rule) &&                              \
        mt_stamp_compare (&before, &newest) > 0)                     \
      newest = before;                                               \
  } G_STMT_END

  CLAMP_STAMP (priv->created);
  CLAMP_STAMP (priv->deleted_stamp);
  for (guint j = 0; priv->deleted_seen != NULL && j < priv->deleted_seen->len; j++)
    _mt_stamp_clamp (&g_array_index (priv->deleted_seen, MtStamp, j), rule);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GArray *elements = _mt_entity_get_elements (self, i);

      CLAMP_STAMP (priv->stamps[i]);
      for (guint j = 0; elements != NULL && j < elements->len; j++)
        CLAMP_STAMP (g_array_index (elements, MtElement, j).stamp);
    }
#undef CLAMP_STAMP
  return newest;
}

/* A copy of @src's elements of field @index, for @dest to take */
GArray *
_mt_entity_dup_elements (MtEntity *src,
                         guint     index)
{
  GArray *from = _mt_entity_get_elements (src, index);
  GArray *copy = g_array_new (FALSE, FALSE, sizeof (MtElement));

  g_array_set_clear_func (copy, element_clear);
  for (guint j = 0; from != NULL && j < from->len; j++)
    {
      MtElement element = g_array_index (from, MtElement, j);

      element.id = g_strdup (element.id);
      g_array_append_val (copy, element);
    }
  return copy;
}

/* @self takes @elements (transfer full) for field @index, and the stamp of
 * the list becomes its newest element's */
void
_mt_entity_take_elements (MtEntity *self,
                          guint     index,
                          GArray   *elements)
{
  MtEntityPrivate *priv = _mt_entity_get_private (self);
  GArray **slot;

  ensure_elements (self, index);
  slot = &priv->elements[index];
  g_array_unref (*slot);
  *slot = elements;
  priv->stamps[index] = (MtStamp) MT_STAMP_INIT;
  _mt_entity_sync_list_value (self, index);
}

/* Sorts @elements by stamp and returns their present ids in that order:
 * the list's value */
char **
_mt_elements_dup_value (GArray *elements)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_array_sort (elements, compare_elements);
  for (guint i = 0; i < elements->len; i++)
    if (g_array_index (elements, MtElement, i).present)
      g_strv_builder_add (builder, g_array_index (elements, MtElement, i).id);
  return g_strv_builder_end (builder);
}
