/* mt-pair-map.h: a map from 64-bit keys to pointers (see mt-pair-map.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64  *keys;   /* key + 1, 0 where a slot is empty */
  gpointer *values;
  guint     size;   /* a power of two, or 0 */
  guint     n;
} MtPairMap;

/* TRUE to keep the pair of @key */
typedef gboolean (*MtPairMapFilter) (guint64  key,
                                     gpointer user_data);

void      mt_pair_map_init    (MtPairMap       *map);
void      mt_pair_map_clear   (MtPairMap       *map);
/* NULL where @key (any but G_MAXUINT64) is not in @map */
gpointer  mt_pair_map_lookup  (const MtPairMap *map,
                               guint64          key);
/* @value must not be NULL; FALSE, changing nothing, where @key is in @map
 * already */
gboolean  mt_pair_map_insert  (MtPairMap       *map,
                               guint64          key,
                               gpointer         value);
/* removes the pairs @keep does not keep */
void      mt_pair_map_keep    (MtPairMap       *map,
                               MtPairMapFilter  keep,
                               gpointer         user_data);
guint     mt_pair_map_size    (const MtPairMap *map);

G_END_DECLS
