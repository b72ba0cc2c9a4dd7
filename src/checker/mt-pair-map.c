/* mt-pair-map.c: a map from 64-bit keys to pointers
 *
 * For the hot paths that key on numbers: the pairs of rows a check has
 * reported, the travel times between pairs of sites. A lookup neither
 * allocates nor calls through a hash function pointer: open addressing with
 * linear probing in a table kept at most half full.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-pair-map"

#include "config.h"

#include "mt-pair-map.h"

#define MIN_SIZE 64

/* slots hold key + 1, so that 0 marks an empty one */
#define STORED(key) ((key) + 1)

void
mt_pair_map_init (MtPairMap *map)
{
  map->keys = NULL;
  map->values = NULL;
  map->size = map->n = 0;
}

void
mt_pair_map_clear (MtPairMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->values, g_free);
  map->size = map->n = 0;
}

static guint
slot_of (const guint64 *keys,
         guint          size,
         guint64        stored)
{
  guint i = (guint) ((stored * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & (size - 1);

  while (keys[i] != 0 && keys[i] != stored)
    i = (i + 1) & (size - 1);
  return i;
}

/* a table of @size slots holding the pairs of @map that @keep keeps */
static void
rebuild (MtPairMap      *map,
         guint           size,
         MtPairMapFilter keep,
         gpointer        user_data)
{
  guint64 *keys = map->keys;
  gpointer *values = map->values;
  guint old_size = map->size;

  map->size = size;
  map->n = 0;
  map->keys = g_new0 (guint64, size);
  map->values = g_new (gpointer, size);
  for (guint i = 0; i < old_size; i++)
    if (keys[i] != 0 && (keep == NULL || keep (keys[i] - 1, user_data)))
      {
        guint slot = slot_of (map->keys, size, keys[i]);

        map->keys[slot] = keys[i];
        map->values[slot] = values[i];
        map->n++;
      }
  g_free (keys);
  g_free (values);
}

gpointer
mt_pair_map_lookup (const MtPairMap *map,
                    guint64          key)
{
  guint slot;

  g_assert (key != G_MAXUINT64);
  if (map->size == 0)
    return NULL;
  slot = slot_of (map->keys, map->size, STORED (key));
  return map->keys[slot] != 0 ? map->values[slot] : NULL;
}

gboolean
mt_pair_map_insert (MtPairMap *map,
                    guint64    key,
                    gpointer   value)
{
  guint slot;

  g_assert (key != G_MAXUINT64 && value != NULL);
  if (2 * (map->n + 1) > map->size)
    rebuild (map, MAX (MIN_SIZE, map->size * 2), NULL, NULL);
  slot = slot_of (map->keys, map->size, STORED (key));
  if (map->keys[slot] != 0)
    return FALSE;
  map->keys[slot] = STORED (key);
  map->values[slot] = value;
  map->n++;
  return TRUE;
}

void
mt_pair_map_keep (MtPairMap       *map,
                  MtPairMapFilter  keep,
                  gpointer         user_data)
{
  if (map->size > 0)
    rebuild (map, map->size, keep, user_data);
}

guint
mt_pair_map_size (const MtPairMap *map)
{
  return map->n;
}
