/* mt-checker-pairs.c: a map from pairs of small numbers to pointers
 *
 * A run notes the pairs of rows it reported (a pair of visits is seen once
 * in each lane they share) and the pairs of interviews booked at once. The
 * keys are numbers, so a lookup neither allocates nor hashes a string:
 * open addressing with linear probing in a table kept at most half full.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include "mt-checker-run.h"

#define MIN_SIZE 64

void
_mt_pair_map_init (MtPairMap *map)
{
  map->size = 0;
  map->n = 0;
  map->keys = NULL;
  map->values = NULL;
}

void
_mt_pair_map_clear (MtPairMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->values, g_free);
  map->size = map->n = 0;
}

static guint64
pair_key (guint what,
          guint a,
          guint b)
{
  g_assert (what < 32 && a < (1u << 29) && b < (1u << 29));
  /* + 1: a key of 0 marks an empty slot */
  return ((guint64) what << 58 | (guint64) a << 29 | b) + 1;
}

static guint
slot_of (const MtPairMap *map,
         guint64          key)
{
  guint i = (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & (map->size - 1);

  while (map->keys[i] != 0 && map->keys[i] != key)
    i = (i + 1) & (map->size - 1);
  return i;
}

static void
grow (MtPairMap *map)
{
  guint64 *keys = map->keys;
  gpointer *values = map->values;
  guint size = map->size;

  map->size = MAX (MIN_SIZE, size * 2);
  map->keys = g_new0 (guint64, map->size);
  map->values = g_new (gpointer, map->size);
  for (guint i = 0; i < size; i++)
    if (keys[i] != 0)
      {
        guint slot = slot_of (map, keys[i]);

        map->keys[slot] = keys[i];
        map->values[slot] = values[i];
      }
  g_free (keys);
  g_free (values);
}

gpointer
_mt_pair_map_lookup (const MtPairMap *map,
                     guint            what,
                     guint            a,
                     guint            b)
{
  guint slot;

  if (map->size == 0)
    return NULL;
  slot = slot_of (map, pair_key (what, a, b));
  return map->keys[slot] != 0 ? map->values[slot] : NULL;
}

gboolean
_mt_pair_map_insert (MtPairMap *map,
                     guint      what,
                     guint      a,
                     guint      b,
                     gpointer   value)
{
  guint64 key = pair_key (what, a, b);
  guint slot;

  if (2 * (map->n + 1) > map->size)
    grow (map);
  slot = slot_of (map, key);
  if (map->keys[slot] != 0)
    return FALSE;
  map->keys[slot] = key;
  map->values[slot] = value;
  map->n++;
  return TRUE;
}
