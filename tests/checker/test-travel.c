/* test-travel.c: the travel-time cache and the map of number pairs under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mt-model.h"
#include "mt-pair-map.h"
#include "mt-travel.h"

static gboolean
keep_even (guint64  key,
           gpointer user_data)
{
  return key % 2 == 0;
}

/* the map against a GHashTable on the same random keys, through growth,
 * duplicates and a filter */
static void
test_pair_map (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  MtPairMap map;
  GHashTableIter iter;
  gpointer key, value;

  mt_pair_map_init (&map);
  g_assert_null (mt_pair_map_lookup (&map, 42));

  for (guint i = 0; i < 20000; i++)
    {
      /* few distinct keys, so that many inserts are duplicates */
      guint64 k = (guint64) g_rand_int_range (rand, 0, 5000) << 32 | (guint) g_rand_int_range (rand, 0, 3);
      gpointer v = GUINT_TO_POINTER (i + 1);
      gboolean fresh = !g_hash_table_contains (expected, &k);

      g_assert_cmpint (mt_pair_map_insert (&map, k, v), ==, fresh);
      if (fresh)
        g_hash_table_insert (expected, g_memdup2 (&k, sizeof k), v);
    }
  g_assert_cmpuint (mt_pair_map_size (&map), ==, g_hash_table_size (expected));

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_true (mt_pair_map_lookup (&map, *(guint64 *) key) == value);
  g_assert_null (mt_pair_map_lookup (&map, (guint64) 6000 << 32));
  /* 0 is a key like any other */
  g_assert_true (mt_pair_map_insert (&map, 0, GINT_TO_POINTER (1)) == !g_hash_table_contains (expected, &(guint64) { 0 }));
  g_assert_nonnull (mt_pair_map_lookup (&map, 0));

  mt_pair_map_keep (&map, keep_even, NULL);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 k = *(guint64 *) key;

      if (k % 2 == 0)
        g_assert_true (mt_pair_map_lookup (&map, k) == value);
      else
        g_assert_null (mt_pair_map_lookup (&map, k));
    }

  mt_pair_map_clear (&map);
  g_assert_cmpuint (mt_pair_map_size (&map), ==, 0);
  g_assert_null (mt_pair_map_lookup (&map, 0));
}

static MtSite *
add_site (MtTour     *tour,
          const char *id,
          double      latitude,
          double      longitude)
{
  MtSite *site = mt_site_new (id);
  g_autoptr(GError) error = NULL;

  mt_site_set_latitude (site, latitude);
  mt_site_set_longitude (site, longitude);
  g_assert_true (mt_tour_add (tour, MT_ENTITY (site), &error));
  g_assert_no_error (error);
  g_object_unref (site);
  return site;
}

/* Moving a site forgets the times to and from it, and only those. */
static void
test_travel_invalidate (void)
{
  g_autoptr(MtTour) tour = mt_tour_new ();
  /* Guangzhou, Shenzhen and Dongguan, roughly */
  MtSite *gz = add_site (tour, "gz", 23.13, 113.26);
  MtSite *sz = add_site (tour, "sz", 22.54, 114.06);
  MtSite *dg = add_site (tour, "dg", 23.02, 113.75);
  MtTravel *travel = mt_travel_new (tour);
  int gz_sz, gz_dg, sz_dg, moved;

  mt_travel_set_speed (travel, 45.0, 1.4);
  gz_sz = mt_travel_get_minutes (travel, gz, sz);
  gz_dg = mt_travel_get_minutes (travel, gz, dg);
  sz_dg = mt_travel_get_minutes (travel, sz, dg);
  /* about 104 km, 51 km and 62 km as the crow flies */
  g_assert_cmpint (gz_sz, >, 180);
  g_assert_cmpint (gz_sz, <, 210);
  g_assert_cmpint (gz_dg, <, gz_sz);
  g_assert_cmpint (mt_travel_get_minutes (travel, sz, gz), ==, gz_sz);
  g_assert_cmpint (mt_travel_get_minutes (travel, gz, gz), ==, 0);
  g_assert_cmpuint (mt_travel_get_n_cached (travel), ==, 4);

  /* not moved: nothing forgotten */
  g_assert_false (mt_travel_invalidate_site (travel, sz));
  g_assert_cmpuint (mt_travel_get_n_cached (travel), ==, 4);

  /* Shenzhen moves next to Guangzhou */
  mt_site_set_latitude (sz, 23.14);
  mt_site_set_longitude (sz, 113.27);
  g_assert_true (mt_travel_invalidate_site (travel, sz));
  g_assert_cmpuint (mt_travel_get_n_cached (travel), ==, 1);
  moved = mt_travel_get_minutes (travel, gz, sz);
  g_assert_cmpint (moved, <, 5);
  g_assert_cmpint (mt_travel_get_minutes (travel, sz, dg), !=, sz_dg);
  g_assert_cmpint (mt_travel_get_minutes (travel, gz, dg), ==, gz_dg);

  /* a slower coach: every time grows */
  mt_travel_set_speed (travel, 30.0, 1.4);
  g_assert_cmpuint (mt_travel_get_n_cached (travel), ==, 0);
  g_assert_cmpint (mt_travel_get_minutes (travel, gz, dg), >, gz_dg);

  mt_travel_free (travel);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/travel/pair-map", test_pair_map);
  g_test_add_func ("/travel/invalidate", test_travel_invalidate);
  return g_test_run ();
}
