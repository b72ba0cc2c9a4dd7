/* mt-merge.c: merging two copies of a tour
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
#include "mt-version-private.h"

/* The merge */

typedef struct
{
  MtTour        *tour;
  MtTour        *other;
  MtTour        *base;
  MtMergeReport *report;
} Merge;

static MtMergeChange *
add_change (Merge             *merge,
            MtMergeChangeKind  kind,
            MtEntity          *entity,
            const MtStamp     *stamp)
{
  MtMergeChange *change = g_new0 (MtMergeChange, 1);

  change->kind = kind;
  change->entity_kind = entity != NULL ? mt_entity_get_kind (entity) : MT_N_ENTITY_KINDS;
  change->id = entity != NULL ? g_strdup (mt_entity_get_id (entity)) : NULL;
  change->name = entity != NULL ? g_strdup (mt_entity_get_display_name (entity))
                                : g_strdup (mt_tour_get_title (merge->tour));
  change->replica = stamp->replica;
  change->when_ms = MT_HLC_MS (stamp->hlc);
  g_ptr_array_add (merge->report->incoming, change);
  return change;
}

static void
add_conflict (Merge         *merge,
              MtEntity      *entity,
              const char    *field,
              JsonNode      *kept,
              const MtStamp *kept_stamp,
              JsonNode      *lost,
              const MtStamp *lost_stamp)
{
  MtConflict *conflict = mt_conflict_new ();

  conflict->entity_kind = entity != NULL ? mt_entity_get_kind (entity) : MT_N_ENTITY_KINDS;
  conflict->id = entity != NULL ? g_strdup (mt_entity_get_id (entity)) : NULL;
  conflict->field = g_strdup (field);
  conflict->name = entity != NULL ? g_strdup (mt_entity_get_display_name (entity))
                                  : g_strdup (mt_tour_get_title (merge->tour));
  conflict->kept_value = json_node_ref (kept);
  conflict->kept_replica = kept_stamp->replica;
  conflict->kept_ms = MT_HLC_MS (kept_stamp->hlc);
  conflict->lost_value = json_node_ref (lost);
  conflict->lost_replica = lost_stamp->replica;
  conflict->lost_ms = MT_HLC_MS (lost_stamp->hlc);
  g_ptr_array_add (merge->report->conflicts, conflict);
}

/* Which of two values of one field wins: the greater stamp, and between
 * equal stamps (two copies that share a replica id), the greater value. */
static int
compare_sides (const MtStamp *ours,
               const MtStamp *theirs,
               int            value_order)
{
  int order = mt_stamp_compare (theirs, ours);

  return order != 0 ? order : value_order;
}

/* Both sides changed the field since the base, to different values */
static gboolean
is_conflict (const MtStamp *ours,
             const MtStamp *theirs,
             const MtStamp *base)
{
  return base != NULL && !mt_stamp_equal (ours, base) && !mt_stamp_equal (theirs, base);
}

/* Members this version does not know (a newer version's): the union of
 * both copies', a member both have with different values taking the
 * greater as JSON text, and sorted by name where the union grew, so every
 * copy writes the same. Returns the merged object (a new reference), or
 * NULL where neither has any. */
static JsonObject *
merge_unknown (JsonObject *mine,
               JsonObject *theirs)
{
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(GList) names = NULL;
  gboolean grew = FALSE;

  if (theirs == NULL)
    return mine != NULL ? json_object_ref (mine) : NULL;
  if (mine == NULL)
    return json_object_ref (theirs);

  names = json_object_get_members (theirs);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *their_node = json_object_get_member (theirs, l->data);
      JsonNode *my_node = json_object_get_member (mine, l->data);

      if (my_node == NULL)
        grew = TRUE;
      else if (!json_node_equal (my_node, their_node))
        {
          g_autofree char *my_text = json_to_string (my_node, FALSE);
          g_autofree char *their_text = json_to_string (their_node, FALSE);

          grew |= strcmp (their_text, my_text) > 0;
        }
    }
  if (!grew)
    return json_object_ref (mine);

  merged = json_object_new ();
  g_list_free (g_steal_pointer (&names));
  names = g_list_concat (json_object_get_members (mine), json_object_get_members (theirs));
  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *my_node = json_object_get_member (mine, l->data);
      JsonNode *their_node = json_object_get_member (theirs, l->data);
      JsonNode *pick = my_node != NULL ? my_node : their_node;

      if (json_object_has_member (merged, l->data))
        continue;
      if (my_node != NULL && their_node != NULL)
        {
          g_autofree char *my_text = json_to_string (my_node, FALSE);
          g_autofree char *their_text = json_to_string (their_node, FALSE);

          pick = strcmp (their_text, my_text) > 0 ? their_node : my_node;
        }
      json_object_set_member (merged, l->data, json_node_copy (pick));
    }
  return g_steal_pointer (&merged);
}

/* A field of the tour itself */
static void
merge_tour_property (Merge      *merge,
                     GParamSpec *pspec)
{
  MtTour *tour = merge->tour;
  MtTour *other = merge->other;
  guint p = pspec->param_id;
  g_auto(GValue) ours = G_VALUE_INIT;
  g_auto(GValue) theirs = G_VALUE_INIT;
  int value_order, side;

  g_value_init (&ours, pspec->value_type);
  g_value_init (&theirs, pspec->value_type);
  g_object_get_property (G_OBJECT (tour), pspec->name, &ours);
  g_object_get_property (G_OBJECT (other), pspec->name, &theirs);
  value_order = g_param_values_cmp (pspec, &theirs, &ours);
  side = compare_sides (&tour->stamps[p], &other->stamps[p], value_order);

  if (side > 0 && value_order != 0)
    {
      g_autoptr(JsonNode) old_value = _mt_merge_node_from_value (&ours, pspec);
      g_autoptr(JsonNode) new_value = _mt_merge_node_from_value (&theirs, pspec);
      MtMergeChange *change;

      if (merge->base != NULL && is_conflict (&tour->stamps[p], &other->stamps[p], &merge->base->stamps[p]))
        add_conflict (merge, NULL, pspec->name, new_value, &other->stamps[p], old_value, &tour->stamps[p]);
      if (p == MT_TOUR_PROP_TIME_ZONE)
        mt_tour_set_time_zone (tour, g_value_get_string (&theirs), NULL);
      else
        g_object_set_property (G_OBJECT (tour), pspec->name, &theirs);
      change = add_change (merge, MT_MERGE_CHANGED, NULL, &other->stamps[p]);
      change->field = g_strdup (pspec->name);
      change->old_value = g_steal_pointer (&old_value);
      change->new_value = g_steal_pointer (&new_value);
    }
  else if (side < 0 && value_order != 0)
    {
      merge->report->n_outgoing++;
      if (merge->base != NULL && is_conflict (&tour->stamps[p], &other->stamps[p], &merge->base->stamps[p]))
        {
          g_autoptr(JsonNode) kept = _mt_merge_node_from_value (&ours, pspec);
          g_autoptr(JsonNode) lost = _mt_merge_node_from_value (&theirs, pspec);

          add_conflict (merge, NULL, pspec->name, kept, &tour->stamps[p], lost, &other->stamps[p]);
        }
    }
  if (side > 0)
    tour->stamps[p] = other->stamps[p];
}

static void
merge_tour_properties (Merge *merge)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (MT_TYPE_TOUR);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;
  GHashTableIter iter;
  gpointer replica, name;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  /* the time zone first: the times of the rest are in it */
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->param_id == MT_TOUR_PROP_TIME_ZONE)
      merge_tour_property (merge, pspecs[i]);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->param_id != MT_TOUR_PROP_TIME_ZONE)
      merge_tour_property (merge, pspecs[i]);

  if (mt_stamp_compare (&merge->other->created, &merge->tour->created) < 0)
    merge->tour->created = merge->other->created;

  {
    g_autoptr(JsonObject) unknown = merge_unknown (_mt_tour_get_unknown (merge->tour),
                                                   _mt_tour_get_unknown (merge->other));

    _mt_tour_set_unknown (merge->tour, unknown);
  }

  g_hash_table_iter_init (&iter, merge->other->replica_names);
  while (g_hash_table_iter_next (&iter, &replica, &name))
    mt_tour_set_replica_name (merge->tour, replica, name);
}

/* An item of @other that @tour has never seen: a copy of all of it */
static MtEntity *
copy_entity (MtEntity *source)
{
  MtEntityPrivate *from = _mt_entity_get_private (source);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (source);
  MtEntity *copy = mt_entity_copy (source, from->id);
  MtEntityPrivate *to = _mt_entity_get_private (copy);

  to->created = from->created;
  to->revision = from->revision;
  to->deleted_stamp = from->deleted_stamp;
  to->deleted_seen = _mt_seen_copy (from->deleted_seen);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (_mt_field_is_id_list (&klass->fields[i]))
        _mt_entity_take_elements (copy, i, _mt_entity_dup_elements (source, i));
      to->stamps[i] = from->stamps[i];
    }
  return copy;
}

/* An id list: element by element, no conflicts. Returns whether the
 * other copy had elements this one had not seen. */
static gboolean
merge_id_list (Merge    *merge,
               MtEntity *ours,
               MtEntity *theirs,
               guint     index)
{
  GParamSpec *pspec = MT_ENTITY_GET_CLASS (ours)->pspecs[index];
  GArray *mine = _mt_entity_get_elements (ours, index);
  GArray *other = _mt_entity_get_elements (theirs, index);
  g_autoptr(GArray) merged = _mt_entity_dup_elements (ours, index);
  g_auto(GStrv) value = NULL;
  g_autoptr(JsonNode) old_value = NULL;
  g_autoptr(JsonNode) new_value = NULL;
  MtStamp newest = MT_STAMP_INIT;

  for (guint j = 0; other != NULL && j < other->len; j++)
    {
      MtElement *element = &g_array_index (other, MtElement, j);
      MtElement *found = _mt_elements_find (merged, element->id);

      if (found != NULL &&
          compare_sides (&found->stamp, &element->stamp, element->present - found->present) <= 0)
        continue;
      if (found == NULL)
        {
          MtElement added = { g_strdup (element->id), element->stamp, element->present };

          g_array_append_val (merged, added);
        }
      else
        {
          found->stamp = element->stamp;
          found->present = element->present;
        }
      if (mt_stamp_compare (&element->stamp, &newest) > 0)
        newest = element->stamp;
    }

  /* what goes out: elements the other copy has not seen as they are here */
  for (guint j = 0; mine != NULL && j < mine->len; j++)
    {
      MtElement *element = &g_array_index (mine, MtElement, j);
      MtElement *found = other != NULL ? _mt_elements_find (other, element->id) : NULL;

      if (found == NULL || mt_stamp_compare (&found->stamp, &element->stamp) < 0)
        merge->report->n_outgoing++;
    }

  if (!mt_stamp_is_set (&newest))
    return FALSE;

  /* the merged value through the setter (history, notification), then
   * the merged elements, which the setter's own stamps give way to */
  old_value = _mt_merge_dup_property_node (G_OBJECT (ours), pspec);
  value = _mt_elements_dup_value (merged);
  g_object_set (ours, pspec->name, value, NULL);
  _mt_entity_take_elements (ours, index, g_steal_pointer (&merged));
  new_value = _mt_merge_dup_property_node (G_OBJECT (ours), pspec);
  if (!json_node_equal (old_value, new_value))
    {
      MtMergeChange *change = add_change (merge, MT_MERGE_CHANGED, ours, &newest);

      change->field = g_strdup (pspec->name);
      change->old_value = g_steal_pointer (&old_value);
      change->new_value = g_steal_pointer (&new_value);
    }
  return TRUE;
}

/* A field other than an id list, decided already: @side > 0 where the
 * other copy's value wins, < 0 where this copy's does; @ours_stamp is this
 * copy's stamp before the merge set anything. */
static void
merge_field (Merge         *merge,
             MtEntity      *ours,
             MtEntity      *theirs,
             guint          index,
             const MtStamp *ours_stamp,
             int            side,
             gboolean       conflict)
{
  MtEntityPrivate *other = _mt_entity_get_private (theirs);
  GParamSpec *pspec = MT_ENTITY_GET_CLASS (ours)->pspecs[index];
  gboolean differ = _mt_entity_compare_values (theirs, ours, index) != 0;
  g_autoptr(JsonNode) ours_value = NULL;
  g_autoptr(JsonNode) theirs_value = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  MtMergeChange *change;

  if (!differ)
    return;
  ours_value = _mt_merge_dup_property_node (G_OBJECT (ours), pspec);
  theirs_value = _mt_merge_dup_property_node (G_OBJECT (theirs), pspec);
  if (side < 0)
    {
      merge->report->n_outgoing++;
      if (conflict)
        add_conflict (merge, ours, pspec->name, ours_value, ours_stamp, theirs_value, &other->stamps[index]);
      return;
    }

  if (conflict)
    add_conflict (merge, ours, pspec->name, theirs_value, &other->stamps[index], ours_value, ours_stamp);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (theirs), pspec->name, &value);
  g_object_set_property (G_OBJECT (ours), pspec->name, &value);
  change = add_change (merge, MT_MERGE_CHANGED, ours, &other->stamps[index]);
  change->field = g_strdup (pspec->name);
  change->old_value = g_steal_pointer (&ours_value);
  change->new_value = g_steal_pointer (&theirs_value);
}

/* The values of a start and its end, compared as one */
static int
compare_span (MtEntity *a,
              MtEntity *b)
{
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (a);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].flags & MT_FIELD_SPAN)
      {
        int order = _mt_entity_compare_values (a, b, i);

        if (order != 0)
          return order;
      }
  return 0;
}

static void
merge_entity (Merge    *merge,
              MtEntity *ours,
              MtEntity *theirs)
{
  MtEntityPrivate *mine = _mt_entity_get_private (ours);
  MtEntityPrivate *other = _mt_entity_get_private (theirs);
  MtEntityClass *klass = MT_ENTITY_GET_CLASS (ours);
  MtEntity *base = merge->base != NULL ? _mt_tour_lookup_any (merge->base, mine->id) : NULL;
  gboolean was_alive = mt_entity_get_tour (ours) != NULL;
  guint revision = MAX (mine->revision, other->revision);
  /* each field is decided on the stamps as they were: the setters that
   * take the other copy's values stamp what they set as new */
  g_autofree MtStamp *before = g_memdup2 (mine->stamps, klass->n_fields * sizeof (MtStamp));
  g_autofree int *sides = g_new0 (int, klass->n_fields);
  MtStamp deleted_before = mine->deleted_stamp;
  int span_side = 0;
  gboolean alive;

  if (base != NULL && G_OBJECT_TYPE (base) != G_OBJECT_TYPE (ours))
    base = NULL;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const MtField *field = &klass->fields[i];
      const MtStamp *base_stamp = base != NULL ? &_mt_entity_get_private (base)->stamps[i] : NULL;
      gboolean conflict;

      if (_mt_field_is_id_list (field))
        {
          merge_id_list (merge, ours, theirs, i);
          continue;
        }
      /* a start and its end go together, from one side: a merge never
       * makes a visit that ends before it starts */
      if (field->flags & MT_FIELD_SPAN)
        {
          if (span_side == 0)
            span_side = compare_sides (&before[i], &other->stamps[i], compare_span (theirs, ours));
          sides[i] = span_side;
        }
      else
        sides[i] = compare_sides (&before[i], &other->stamps[i], _mt_entity_compare_values (theirs, ours, i));
      conflict = is_conflict (&before[i], &other->stamps[i], base_stamp);
      merge_field (merge, ours, theirs, i, &before[i], sides[i], conflict);
    }
  for (guint i = 0; i < klass->n_fields; i++)
    if (!_mt_field_is_id_list (&klass->fields[i]))
      mine->stamps[i] = sides[i] > 0 ? other->stamps[i] : before[i];
  mine->revision = revision;
  if (mt_stamp_compare (&other->created, &mine->created) < 0)
    mine->created = other->created;
  {
    JsonObject *unknown = merge_unknown (mine->unknown, other->unknown);

    g_clear_pointer (&mine->unknown, json_object_unref);
    mine->unknown = unknown;
  }

  if (compare_sides (&mine->deleted_stamp, &other->deleted_stamp,
                     _mt_seen_compare (other->deleted_seen, mine->deleted_seen)) > 0)
    _mt_entity_set_deleted (ours, &other->deleted_stamp, _mt_seen_copy (other->deleted_seen));
  else if (!mt_stamp_equal (&mine->deleted_stamp, &other->deleted_stamp))
    merge->report->n_outgoing++;

  alive = !_mt_entity_is_dead (ours);
  if (was_alive && !alive)
    {
      add_change (merge, MT_MERGE_DELETED, ours, &mine->deleted_stamp);
      _mt_tour_unlink (merge->tour, ours);
    }
  else if (!was_alive && alive)
    {
      add_change (merge, mine->deleted_seen != NULL ? MT_MERGE_KEPT : MT_MERGE_ADDED, ours, &mine->created);
      _mt_tour_insert (merge->tour, ours, G_MAXUINT);
    }
  else if (alive && mine->deleted_seen != NULL && !mt_stamp_equal (&deleted_before, &mine->deleted_stamp))
    add_change (merge, MT_MERGE_KEPT, ours, &mine->deleted_stamp);
}

static void
take_entity (Merge    *merge,
             MtEntity *theirs)
{
  g_autoptr(MtEntity) copy = copy_entity (theirs);

  if (_mt_entity_is_dead (copy))
    {
      /* deleted before this copy saw it: kept only for its delete */
      g_hash_table_insert (merge->tour->tombstones, (gpointer) mt_entity_get_id (copy), g_object_ref (copy));
      return;
    }
  _mt_tour_insert (merge->tour, copy, G_MAXUINT);
  add_change (merge, MT_MERGE_ADDED, copy, &_mt_entity_get_private (copy)->created);
}

static void
merge_one (Merge    *merge,
           MtEntity *theirs)
{
  MtEntity *found = _mt_tour_lookup_any (merge->tour, mt_entity_get_id (theirs));
  g_autoptr(MtEntity) ours = found != NULL ? g_object_ref (found) : NULL;

  if (ours == NULL)
    take_entity (merge, theirs);
  else if (G_OBJECT_TYPE (ours) == G_OBJECT_TYPE (theirs))
    merge_entity (merge, ours, theirs);
  else
    g_warning ("Not merging the %s “%s”: this copy has a %s of that id",
               mt_entity_kind_get_member (mt_entity_get_kind (theirs)), mt_entity_get_id (theirs),
               mt_entity_kind_get_member (mt_entity_get_kind (ours)));
}

/* Every entity of @tour, alive and deleted, in a stable order */
static GPtrArray *
dup_all_entities (MtTour *tour)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  for (MtEntityKind kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = mt_tour_get_entities (tour, kind);

      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        g_ptr_array_add (all, g_list_model_get_item (model, i));
    }
  g_hash_table_iter_init (&iter, tour->tombstones);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (all, g_object_ref (value));
  return all;
}

/* Sets back the stamps of @tour from a clock far ahead (see MtClampRule) */
static void
clamp_tour (Merge             *merge,
            MtTour            *tour,
            const MtClampRule *rule)
{
  g_autoptr(GPtrArray) all = dup_all_entities (tour);
  MtStamp newest = MT_STAMP_INIT;

  for (guint p = 0; p < MT_TOUR_N_PROPS; p++)
    {
      MtStamp before = tour->stamps[p];

      if (_mt_stamp_clamp (&tour->stamps[p], rule) && mt_stamp_compare (&before, &newest) > 0)
        newest = before;
    }
  _mt_stamp_clamp (&tour->created, rule);
  for (guint i = 0; i < all->len; i++)
    {
      MtStamp clamped = _mt_entity_clamp_stamps (g_ptr_array_index (all, i), rule);

      if (mt_stamp_compare (&clamped, &newest) > 0)
        newest = clamped;
    }
  if (tour->clock.last > rule->limit)
    {
      /* the clock goes on from the newest stamp the tour now has */
      tour->clock.last = tour->created.hlc;
      for (guint p = 0; p < MT_TOUR_N_PROPS; p++)
        mt_clock_observe (&tour->clock, tour->stamps[p].hlc);
      for (guint i = 0; i < all->len; i++)
        _mt_entity_observe_stamps (g_ptr_array_index (all, i), &tour->clock);
    }

  if (mt_stamp_is_set (&newest))
    add_change (merge, MT_MERGE_CLAMPED, NULL, &newest);
}

/* "Changes from Lin", "Changes from Lin and Wei", "Changes from 3
 * organisers": who the changes that came in are from */
static char *
name_merge (Merge *merge)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < merge->report->incoming->len; i++)
    {
      MtMergeChange *change = g_ptr_array_index (merge->report->incoming, i);
      const char *name = mt_tour_get_replica_name (merge->tour, change->replica);

      if (change->kind == MT_MERGE_CLAMPED)
        continue;
      if (name == NULL)
        name = _("another organiser");
      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) name);
    }
  if (names->len == 1)
    /* Translators: an undoable step: what a sync brought in; %s is an organiser's name */
    return g_strdup_printf (_("Changes from %s"), (char *) g_ptr_array_index (names, 0));
  if (names->len == 2)
    /* Translators: an undoable step; the two %s are organisers' names */
    return g_strdup_printf (_("Changes from %s and %s"),
                            (char *) g_ptr_array_index (names, 0), (char *) g_ptr_array_index (names, 1));
  /* Translators: an undoable step: what a sync brought in */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Changes from %u organiser", "Changes from %u organisers",
                                       names->len), names->len);
}

MtMergeReport *
mt_tour_merge (MtTour     *tour,
               MtTour     *other,
               MtTour     *base,
               gint64      reference_ms,
               const char *label)
{
  Merge merge = { tour, other, base, NULL };
  g_autoptr(GPtrArray) theirs = NULL;
  MtHistory *history;
  MtClampRule rule = { 0, };
  gint64 skew;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (MT_IS_TOUR (other), NULL);
  g_return_val_if_fail (base == NULL || MT_IS_TOUR (base), NULL);

  merge.report = g_new0 (MtMergeReport, 1);
  merge.report->incoming = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_merge_change_free);
  merge.report->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_conflict_free);

  /* Where this copy's own clock is more than a day ahead of the reference,
   * its stamps since are as wrong as its clock: they move back by that
   * much, and so does the clock from now on. Other stamps far ahead are
   * set back to the reference time. */
  rule.limit = MT_HLC_MAKE (reference_ms + MT_MERGE_CLOCK_LIMIT_MS, 0);
  rule.to = MT_HLC_MAKE (reference_ms, 0);
  skew = mt_clock_now_ms (&tour->clock) - reference_ms;
  if (skew > MT_MERGE_CLOCK_LIMIT_MS)
    {
      rule.own_replica = tour->replica;
      rule.own_shift = MT_HLC_MAKE (skew, 0);
      tour->clock.offset_ms -= skew;
    }
  clamp_tour (&merge, other, &rule);
  clamp_tour (&merge, tour, &rule);

  history = mt_tour_get_history (tour);
  mt_history_begin (history, label);

  merge_tour_properties (&merge);
  _mt_tour_merge_versions (tour, other, merge.report);
  theirs = dup_all_entities (other);
  for (guint i = 0; i < theirs->len; i++)
    merge_one (&merge, g_ptr_array_index (theirs, i));

  for (guint i = 0; i < theirs->len; i++)
    _mt_entity_observe_stamps (g_ptr_array_index (theirs, i), &tour->clock);
  mt_clock_observe (&tour->clock, other->created.hlc);
  for (guint p = 0; p < MT_TOUR_N_PROPS; p++)
    mt_clock_observe (&tour->clock, other->stamps[p].hlc);

  /* what only this copy has goes out too */
  {
    g_autoptr(GPtrArray) ours = dup_all_entities (tour);

    for (guint i = 0; i < ours->len; i++)
      if (_mt_tour_lookup_any (other, mt_entity_get_id (g_ptr_array_index (ours, i))) == NULL)
        merge.report->n_outgoing++;
  }

  /* stamps set back, or an older created stamp taken, may have moved an
   * entity's place in its list */
  _mt_tour_sort_lists (tour);

  if (label == NULL)
    {
      g_autofree char *named = name_merge (&merge);

      _mt_history_set_open_label (history, named);
    }
  mt_history_end (history);
  return merge.report;
}
