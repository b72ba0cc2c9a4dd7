/* mt-digest.c: what changed for a delegate since their copy of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-digest"

#include "config.h"

#include <string.h>

#include "mt-digest-private.h"
#include "mt-i18n.h"
#include "mt-ical.h"

/* Where to find a snapshot's items: the visits of each group ("" for
 * those of the whole delegation) and the interviews of each delegate */
typedef struct
{
  MtSnapshot *snapshot;
  GHashTable *visits_of_group;    /* group id → GPtrArray of MtVersionItem */
  GHashTable *interviews_of;      /* delegate id → GPtrArray of MtVersionItem */
} Indexed;

struct _MtDigestContext
{
  MtTour     *tour;
  Indexed    *now;
  GHashTable *versions;           /* MtVersion → Indexed */
  GHashTable *visit_changes;      /* "version\037then\037now" → GPtrArray of entries */
  GPtrArray  *entries;            /* every MtDigestEntry made, owned */
};

static void
add_to (GHashTable *table,
        const char *key,
        gpointer    item)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) key, list);
    }
  g_ptr_array_add (list, item);
}

static Indexed *
indexed_new (MtSnapshot *snapshot)
{
  Indexed *indexed = g_new0 (Indexed, 1);
  g_autoptr(GPtrArray) items = mt_snapshot_dup_items (snapshot);

  indexed->snapshot = snapshot;
  indexed->visits_of_group = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  indexed->interviews_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < items->len; i++)
    {
      MtVersionItem *item = g_ptr_array_index (items, i);

      if (item->interview)
        for (guint d = 0; item->audience != NULL && item->audience[d] != NULL; d++)
          add_to (indexed->interviews_of, item->audience[d], item);
      else if (item->audience == NULL || item->audience[0] == NULL)
        add_to (indexed->visits_of_group, "", item);
      else
        for (guint g = 0; item->audience[g] != NULL; g++)
          add_to (indexed->visits_of_group, item->audience[g], item);
    }
  return indexed;
}

static void
indexed_free (Indexed *indexed)
{
  g_hash_table_unref (indexed->visits_of_group);
  g_hash_table_unref (indexed->interviews_of);
  mt_snapshot_free (indexed->snapshot);
  g_free (indexed);
}

static void
context_clear (gpointer data)
{
  MtDigestContext *context = data;

  g_clear_pointer (&context->now, indexed_free);
  g_clear_pointer (&context->versions, g_hash_table_unref);
  g_clear_pointer (&context->visit_changes, g_hash_table_unref);
  g_clear_pointer (&context->entries, g_ptr_array_unref);
  g_clear_object (&context->tour);
}

MtDigestContext *
_mt_digest_context_new (MtTour *tour)
{
  MtDigestContext *context = g_rc_box_new0 (MtDigestContext);

  context->tour = g_object_ref (tour);
  context->now = indexed_new (mt_tour_dup_snapshot (tour));
  context->versions = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) indexed_free);
  context->visit_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_ptr_array_unref);
  context->entries = g_ptr_array_new_with_free_func (g_free);
  return context;
}

MtDigestContext *
_mt_digest_context_ref (MtDigestContext *context)
{
  return g_rc_box_acquire (context);
}

void
_mt_digest_context_unref (MtDigestContext *context)
{
  g_rc_box_release_full (context, context_clear);
}

static Indexed *
indexed_version (MtDigestContext *context,
                 MtVersion       *version)
{
  Indexed *indexed = g_hash_table_lookup (context->versions, version);

  if (indexed == NULL)
    {
      indexed = indexed_new (mt_version_dup_snapshot (version));
      g_hash_table_insert (context->versions, g_object_ref (version), indexed);
    }
  return indexed;
}

/* Comparing */

static const MtVersionPlace *
place_of (MtSnapshot          *snapshot,
          const MtVersionItem *item)
{
  if (item == NULL)
    return NULL;
  if (item->interview)
    {
      const MtVersionItem *visit = mt_snapshot_lookup_item (snapshot, item->visit);

      return visit != NULL ? mt_snapshot_lookup_place (snapshot, visit->site) : NULL;
    }
  return mt_snapshot_lookup_place (snapshot, item->site);
}

static gboolean
same_place (const MtVersionPlace *a,
            const MtVersionPlace *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return mt_version_place_equal (a, b);
}

static MtDigestChanges
compare_items (const MtVersionItem  *before,
               const MtVersionItem  *after,
               const MtVersionPlace *before_place,
               const MtVersionPlace *after_place)
{
  MtDigestChanges changes = 0;

  if (before->start != after->start || before->end != after->end)
    changes |= MT_DIGEST_MOVED;
  if (before->status != after->status)
    changes |= MT_DIGEST_STATUS;
  if (g_strcmp0 (before->title, after->title) != 0)
    changes |= MT_DIGEST_TITLE;
  if (after->interview)
    {
      /* where it is: its location, or else its visit's site; where the
       * visit it belongs to moved, the visit's own entry says so */
      if (g_strcmp0 (before->where, after->where) != 0 ||
          (after->where == NULL && g_strcmp0 (before->visit, after->visit) != 0 &&
           !same_place (before_place, after_place)))
        changes |= MT_DIGEST_PLACE;
    }
  else
    {
      if (g_strcmp0 (before->site, after->site) != 0 || !same_place (before_place, after_place))
        changes |= MT_DIGEST_PLACE;
      if (g_strcmp0 (before->where, after->where) != 0)
        changes |= MT_DIGEST_MEETING;
    }
  return changes;
}

static MtDigestEntry *
add_entry (MtDigestContext      *context,
           GPtrArray            *list,
           MtDigestChanges       changes,
           const MtVersionItem  *before,
           const MtVersionItem  *after,
           const MtVersionPlace *before_place,
           const MtVersionPlace *after_place)
{
  MtDigestEntry *entry = g_new0 (MtDigestEntry, 1);

  entry->changes = changes;
  entry->before = before;
  entry->after = after;
  entry->before_place = before_place;
  entry->after_place = after_place;
  g_ptr_array_add (context->entries, entry);
  g_ptr_array_add (list, entry);
  return entry;
}

/* What changed between two lists of items of one person: @before from
 * @then (NULL: they had no copy), @after from the plan now */
static void
compare_lists (MtDigestContext *context,
               Indexed         *then,
               GPtrArray       *before,
               GPtrArray       *after,
               GPtrArray       *out)
{
  g_autoptr(GHashTable) had = g_hash_table_new (g_str_hash, g_str_equal);
  MtSnapshot *now = context->now->snapshot;

  for (guint i = 0; i < before->len; i++)
    {
      MtVersionItem *item = g_ptr_array_index (before, i);

      g_hash_table_insert (had, item->id, item);
    }

  for (guint i = 0; i < after->len; i++)
    {
      const MtVersionItem *item = g_ptr_array_index (after, i);
      const MtVersionItem *old = g_hash_table_lookup (had, item->id);
      const MtVersionPlace *place = place_of (now, item);

      if (old == NULL)
        add_entry (context, out, MT_DIGEST_ADDED, NULL, item, NULL, place);
      else
        {
          const MtVersionPlace *old_place = place_of (then->snapshot, old);
          MtDigestChanges changes = compare_items (old, item, old_place, place);

          if (changes != 0)
            add_entry (context, out, changes, old, item, old_place, place);
          g_hash_table_remove (had, item->id);
        }
    }

  for (guint i = 0; i < before->len; i++)
    {
      const MtVersionItem *item = g_ptr_array_index (before, i);

      if (g_hash_table_contains (had, item->id))
        add_entry (context, out, MT_DIGEST_REMOVED, item, NULL, place_of (then->snapshot, item), NULL);
    }
}

/* the visits of a group (NULL: of no group), the whole delegation's too */
static GPtrArray *
visits_of (Indexed    *indexed,
           const char *group_id)
{
  GPtrArray *whole = g_hash_table_lookup (indexed->visits_of_group, "");
  GPtrArray *own = group_id != NULL ? g_hash_table_lookup (indexed->visits_of_group, group_id) : NULL;
  GPtrArray *visits = g_ptr_array_new ();

  if (whole != NULL)
    g_ptr_array_extend (visits, whole, NULL, NULL);
  if (own != NULL)
    g_ptr_array_extend (visits, own, NULL, NULL);
  return visits;
}

static GPtrArray *
interviews_of (Indexed    *indexed,
               const char *delegate_id)
{
  GPtrArray *own = g_hash_table_lookup (indexed->interviews_of, delegate_id);
  GPtrArray *interviews = g_ptr_array_new ();

  if (own != NULL)
    g_ptr_array_extend (interviews, own, NULL, NULL);
  return interviews;
}

/* The changes to the visits of those in group @then_group in @version
 * (NULL: no copy) who are in @now_group now: made once per pair */
static GPtrArray *
visit_changes (MtDigestContext *context,
               MtVersion       *version,
               Indexed         *then,
               const char      *then_group,
               const char      *now_group)
{
  g_autofree char *key = g_strdup_printf ("%s\037%s\037%s", version ? mt_version_get_id (version) : "",
                                          then_group ? then_group : "", now_group ? now_group : "");
  GPtrArray *changes = g_hash_table_lookup (context->visit_changes, key);

  if (changes == NULL)
    {
      g_autoptr(GPtrArray) before = then != NULL ? visits_of (then, then_group) : g_ptr_array_new ();
      g_autoptr(GPtrArray) after = visits_of (context->now, now_group);

      changes = g_ptr_array_new ();
      compare_lists (context, then, before, after, changes);
      g_hash_table_insert (context->visit_changes, g_steal_pointer (&key), changes);
    }
  return changes;
}

struct _MtDigest
{
  MtDigestContext *context;
  MtDelegate      *delegate;
  MtVersion       *since;
  GPtrArray       *entries;   /* borrowed from the context, sorted */
};

int
mt_digest_entry_get_day (MtDigest            *digest,
                         const MtDigestEntry *entry)
{
  const MtVersionItem *item = entry->after != NULL ? entry->after : entry->before;

  return mt_tour_get_day_index (digest->context->tour, item->start);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const MtDigestEntry *x = *(const MtDigestEntry **) a, *y = *(const MtDigestEntry **) b;
  const MtVersionItem *p = x->after != NULL ? x->after : x->before;
  const MtVersionItem *q = y->after != NULL ? y->after : y->before;

  if (p->start != q->start)
    return p->start < q->start ? -1 : 1;
  /* a visit before the interviews that start with it */
  if (p->interview != q->interview)
    return p->interview ? 1 : -1;
  return strcmp (p->id, q->id);
}

MtDigest *
_mt_digest_compute (MtDigestContext *context,
                    MtDelegate      *delegate,
                    MtVersion       *since)
{
  MtDigest *digest = g_new0 (MtDigest, 1);
  const char *id = mt_entity_get_id (MT_ENTITY (delegate));
  Indexed *then = since != NULL ? indexed_version (context, since) : NULL;
  const char *then_group = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  digest->context = _mt_digest_context_ref (context);
  digest->delegate = g_object_ref (delegate);
  digest->entries = g_ptr_array_new ();

  /* one who was not sent that version had nothing of it */
  if (then != NULL && !mt_snapshot_lookup_recipient (then->snapshot, id, &then_group))
    then = NULL;
  digest->since = then != NULL ? g_object_ref (since) : NULL;

  g_ptr_array_extend (digest->entries,
                      visit_changes (context, digest->since, then, then_group, mt_delegate_get_group (delegate)),
                      NULL, NULL);
  before = then != NULL ? interviews_of (then, id) : g_ptr_array_new ();
  after = interviews_of (context->now, id);
  compare_lists (context, then, before, after, digest->entries);
  g_ptr_array_sort (digest->entries, compare_entries);
  return digest;
}

/**
 * mt_digest_new:
 *
 * Returns: (transfer full): what changed for the delegate
 */
MtDigest *
mt_digest_new (MtTour      *tour,
               const char  *delegate_id,
               MtVersion   *since,
               GError     **error)
{
  MtDelegate *delegate;
  MtDigestContext *context;
  MtDigest *digest;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (since == NULL || MT_IS_VERSION (since), NULL);

  delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_id);
  if (delegate == NULL)
    {
      g_set_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_NOT_FOUND,
                   _("The tour has no delegate with the id “%s”"), delegate_id);
      return NULL;
    }
  if (since == NULL)
    since = mt_tour_get_received_version (tour, delegate_id);

  context = _mt_digest_context_new (tour);
  digest = _mt_digest_compute (context, delegate, since);
  _mt_digest_context_unref (context);
  return digest;
}

GPtrArray *
mt_digest_new_all (MtTour    *tour,
                   MtVersion *since)
{
  g_autoptr(GHashTable) received = NULL;
  GListModel *delegates;
  MtDigestContext *context;
  GPtrArray *digests;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (since == NULL || MT_IS_VERSION (since), NULL);

  if (since == NULL)
    received = mt_tour_dup_received_versions (tour);
  context = _mt_digest_context_new (tour);
  delegates = mt_tour_get_delegates (tour);
  digests = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_digest_free);
  for (guint i = 0, n = g_list_model_get_n_items (delegates); i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);
      MtVersion *version = since != NULL ? since
                                         : g_hash_table_lookup (received, mt_entity_get_id (MT_ENTITY (delegate)));

      g_ptr_array_add (digests, _mt_digest_compute (context, delegate, version));
    }
  _mt_digest_context_unref (context);
  return digests;
}

void
mt_digest_free (MtDigest *digest)
{
  if (digest == NULL)
    return;
  g_ptr_array_unref (digest->entries);
  g_clear_object (&digest->since);
  g_clear_object (&digest->delegate);
  _mt_digest_context_unref (digest->context);
  g_free (digest);
}

MtTour *
mt_digest_get_tour (MtDigest *digest)
{
  g_return_val_if_fail (digest != NULL, NULL);
  return digest->context->tour;
}

MtDelegate *
mt_digest_get_delegate (MtDigest *digest)
{
  g_return_val_if_fail (digest != NULL, NULL);
  return digest->delegate;
}

MtVersion *
mt_digest_get_since (MtDigest *digest)
{
  g_return_val_if_fail (digest != NULL, NULL);
  return digest->since;
}

guint
mt_digest_get_n_entries (MtDigest *digest)
{
  g_return_val_if_fail (digest != NULL, 0);
  return digest->entries->len;
}

const MtDigestEntry *
mt_digest_get_entry (MtDigest *digest,
                     guint     index)
{
  g_return_val_if_fail (digest != NULL, NULL);
  g_return_val_if_fail (index < digest->entries->len, NULL);
  return g_ptr_array_index (digest->entries, index);
}
