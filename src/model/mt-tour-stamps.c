/* mt-tour-stamps.c: the tour's clock, its replica id and the names of the
 * copies that changed it
 *
 * Each copy of a tour stamps its changes with its replica id: one per
 * installation by default (kept in $XDG_DATA_HOME/mediatour/replica), or the
 * one a copy's sync state names. The tour file keeps the organiser's name
 * of every replica that changed it, so that each copy can say who changed
 * what.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-tour"

#include "config.h"

#include <string.h>

#include "mt-entity-private.h"
#include "mt-tour-private.h"

static char *
read_or_make_default_replica (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "mediatour", NULL);
  g_autofree char *path = g_build_filename (dir, "replica", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *made = NULL;

  if (g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_strstrip (contents);
      if (mt_replica_intern (contents) != NULL)
        return g_steal_pointer (&contents);
    }

  made = mt_replica_new_id ();
  /* where it cannot be kept, this process still stamps consistently */
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents (path, made, -1, NULL);
  return g_steal_pointer (&made);
}

/* The replica id of this installation's copies */
const char *
_mt_replica_get_default (void)
{
  static gsize replica = 0;

  if (g_once_init_enter (&replica))
    {
      g_autofree char *id = read_or_make_default_replica ();

      g_once_init_leave (&replica, (gsize) mt_replica_intern (id));
    }
  return (const char *) replica;
}

MtStamp
_mt_tour_tick (MtTour *self)
{
  MtStamp stamp = { mt_clock_tick (&self->clock), self->replica };

  return stamp;
}

MtEntity *
_mt_tour_lookup_any (MtTour     *self,
                     const char *id)
{
  MtEntity *entity = g_hash_table_lookup (self->index, id);

  return entity != NULL ? entity : g_hash_table_lookup (self->tombstones, id);
}

/**
 * mt_tour_get_replica:
 *
 * Returns: the replica id with which this copy stamps its changes
 */
const char *
mt_tour_get_replica (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return self->replica;
}

/**
 * mt_tour_set_replica:
 * @replica: 1 to 64 of a-z, 0-9, "-" and "_"
 *
 * Returns: %FALSE where @replica is not a replica id
 */
gboolean
mt_tour_set_replica (MtTour     *self,
                     const char *replica)
{
  const char *interned;

  g_return_val_if_fail (MT_IS_TOUR (self), FALSE);

  interned = mt_replica_intern (replica);
  if (interned == NULL)
    return FALSE;
  self->replica = interned;
  return TRUE;
}

/**
 * mt_tour_set_clock_offset:
 *
 * Moves the clock this copy stamps with by @offset_ms from the system's:
 * for tests of copies whose clock is wrong.
 */
void
mt_tour_set_clock_offset (MtTour *self,
                          gint64  offset_ms)
{
  g_return_if_fail (MT_IS_TOUR (self));
  self->clock.offset_ms = offset_ms;
}

/**
 * mt_tour_get_replica_name:
 *
 * Returns: (nullable): the name of the organiser whose copy has the replica
 *   id @replica, where the tour knows it
 */
const char *
mt_tour_get_replica_name (MtTour     *self,
                          const char *replica)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  replica = mt_replica_intern (replica);
  return replica != NULL ? g_hash_table_lookup (self->replica_names, replica) : NULL;
}

/**
 * mt_tour_set_replica_name:
 *
 * Names the organiser of the copy @replica: what the merge reports and the
 * window shows as who changed what. Every copy keeps every name it has
 * seen; where two copies named one replica differently, the greater name
 * wins on both.
 */
void
mt_tour_set_replica_name (MtTour     *self,
                          const char *replica,
                          const char *name)
{
  const char *interned;
  const char *old;

  g_return_if_fail (MT_IS_TOUR (self));
  g_return_if_fail (name != NULL && name[0] != '\0');

  interned = mt_replica_intern (replica);
  g_return_if_fail (interned != NULL);

  old = g_hash_table_lookup (self->replica_names, interned);
  if (old == NULL || g_strcmp0 (old, name) < 0)
    g_hash_table_insert (self->replica_names, (gpointer) interned, g_strdup (name));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * mt_tour_dup_replicas:
 *
 * Returns: (transfer container): the replica ids the tour has names for,
 *   sorted
 */
GPtrArray *
mt_tour_dup_replicas (MtTour *self)
{
  GPtrArray *replicas;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  replicas = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->replica_names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (replicas, key);
  g_ptr_array_sort (replicas, compare_strings);
  return replicas;
}

/**
 * mt_tour_get_revision:
 *
 * Returns: (nullable): the revision of the file the tour was read from: a
 *   digest of its contents, the same for the same contents on every copy
 */
const char *
mt_tour_get_revision (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);
  return self->revision;
}

/**
 * mt_tour_count_deleted:
 *
 * Returns: how many deleted items the tour keeps, so that their deletes
 *   reach the other copies
 */
guint
mt_tour_count_deleted (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), 0);
  return g_hash_table_size (self->tombstones);
}

/**
 * mt_tour_ensure_feed_key:
 *
 * Gives the tour a random feed key where it has none: the key from which
 * every copy makes the same names for the published feeds. Not an edit the
 * user undoes; it is stamped like one, so it reaches the other copies.
 *
 * Returns: the feed key
 */
const char *
mt_tour_ensure_feed_key (MtTour *self)
{
  g_return_val_if_fail (MT_IS_TOUR (self), NULL);

  if (self->feed_key == NULL)
    {
      guint8 random[16];
      GString *key = g_string_sized_new (2 * sizeof random);

      for (guint i = 0; i < sizeof random; i++)
        {
          random[i] = (guint8) g_random_int_range (0, 256);
          g_string_append_printf (key, "%02x", random[i]);
        }
      self->feed_key = g_string_free (key, FALSE);
      self->stamps[MT_TOUR_PROP_FEED_KEY] = _mt_tour_tick (self);
    }
  return self->feed_key;
}
