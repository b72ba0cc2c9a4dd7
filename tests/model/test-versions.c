/* test-versions.c: issued versions of the plan, what each delegate was sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mt-model.h"
#include "mt-test-edits.h"

static MtTour *
reload (MtTour *tour)
{
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);
  g_autoptr(GError) error = NULL;
  MtTour *copy = mt_tour_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         "copy", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

/* Both snapshots hold the same items, sites and recipients */
static void
assert_same_snapshot (MtSnapshot *a,
                      MtSnapshot *b)
{
  g_autoptr(GPtrArray) items = mt_snapshot_dup_items (a);
  g_autoptr(GPtrArray) others = mt_snapshot_dup_items (b);

  g_assert_cmpuint (items->len, ==, others->len);
  for (guint i = 0; i < items->len; i++)
    {
      const MtVersionItem *item = g_ptr_array_index (items, i);
      const MtVersionItem *other = mt_snapshot_lookup_item (b, item->id);

      if (other == NULL || !mt_version_item_equal (item, other))
        g_error ("the item %s (%s) differs", item->id, item->title);
      if (item->site != NULL)
        {
          const MtVersionPlace *place = mt_snapshot_lookup_place (a, item->site);
          const MtVersionPlace *other_place = mt_snapshot_lookup_place (b, item->site);

          g_assert_true ((place == NULL) == (other_place == NULL));
          g_assert_true (place == NULL || mt_version_place_equal (place, other_place));
        }
    }
  g_assert_cmpuint (mt_snapshot_get_n_recipients (a), ==, mt_snapshot_get_n_recipients (b));
}

static MtVisit *
nth_visit (MtTour *tour,
           guint   n)
{
  g_autoptr(MtVisit) visit = g_list_model_get_item (mt_tour_get_visits (tour), n);

  return visit;  /* the tour keeps it */
}

static MtDelegate *
nth_delegate (MtTour *tour,
              guint   n)
{
  g_autoptr(MtDelegate) delegate = g_list_model_get_item (mt_tour_get_delegates (tour), n);

  return delegate;  /* the tour keeps it */
}

/* Each version holds the plan as it was when issued, though it stores only
 * what changed since the one before; and so it does after the file is
 * read back. */
static void
test_snapshots (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (200, 60, 80, 7);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GPtrArray) edits = mt_test_edits_new ();
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_snapshot_free);
  g_autoptr(GPtrArray) versions = g_ptr_array_new ();
  g_autoptr(MtTour) copy = NULL;
  GListModel *list;

  for (guint round = 0; round < 5; round++)
    {
      MtVersion *version;

      for (guint i = 0; i < 25; i++)
        mt_test_random_edit (tour, rand, edits);
      /* a delegate who changes group, and one who leaves */
      mt_delegate_set_group (nth_delegate (tour, round),
                             mt_delegate_get_group (nth_delegate (tour, 59 - round)));
      if (round == 2)
        mt_tour_remove (tour, MT_ENTITY (nth_delegate (tour, 30)));
      mt_visit_set_meeting_point (nth_visit (tour, round), "Hotel lobby, 08:45");

      g_ptr_array_add (expected, mt_tour_dup_snapshot (tour));
      version = mt_tour_issue_version (tour, round == 0 ? "First plan" : NULL);
      g_assert_cmpuint (mt_version_get_number (version), ==, round + 1);
      g_assert_true (mt_version_get_base (version) == (round == 0 ? NULL : g_ptr_array_index (versions, round - 1)));
      g_ptr_array_add (versions, version);
    }

  list = mt_tour_get_versions (tour);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  copy = reload (tour);
  g_assert_cmpuint (g_list_model_get_n_items (mt_tour_get_versions (copy)), ==, 5);
  for (guint i = 0; i < versions->len; i++)
    {
      MtVersion *version = g_ptr_array_index (versions, i);
      MtVersion *read = mt_tour_lookup_version (copy, mt_version_get_id (version));
      g_autoptr(MtSnapshot) snapshot = mt_version_dup_snapshot (version);
      g_autoptr(MtSnapshot) read_snapshot = mt_version_dup_snapshot (read);

      assert_same_snapshot (snapshot, g_ptr_array_index (expected, i));
      assert_same_snapshot (read_snapshot, g_ptr_array_index (expected, i));
      g_assert_cmpuint (mt_version_get_number (read), ==, mt_version_get_number (version));
      g_assert_cmpint (mt_version_get_issued (read) / 1000, ==, mt_version_get_issued (version) / 1000);
      g_assert_cmpstr (mt_version_get_note (read), ==, mt_version_get_note (version));
    }
  /* the delegate who left had versions 1 and 2, and nothing after */
  {
    g_autoptr(MtSnapshot) third = mt_version_dup_snapshot (g_ptr_array_index (versions, 2));
    g_autoptr(MtSnapshot) second = mt_version_dup_snapshot (g_ptr_array_index (versions, 1));

    g_assert_cmpuint (mt_snapshot_get_n_recipients (second), ==, 60);
    g_assert_cmpuint (mt_snapshot_get_n_recipients (third), ==, 59);
  }
}

/* A later version stores what changed, not the whole plan again */
static void
test_compact (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (400, 100, 200, 3);
  g_autoptr(GBytes) before = NULL, first = NULL, second = NULL;
  gsize grew_first, grew_second;

  before = mt_tour_save_to_bytes (tour);
  mt_tour_issue_version (tour, NULL);
  first = mt_tour_save_to_bytes (tour);
  mt_tour_move_visit (tour, nth_visit (tour, 3), mt_visit_get_start (nth_visit (tour, 3)) + 1800);
  mt_tour_issue_version (tour, NULL);
  second = mt_tour_save_to_bytes (tour);

  grew_first = g_bytes_get_size (first) - g_bytes_get_size (before);
  grew_second = g_bytes_get_size (second) - g_bytes_get_size (first);
  g_test_message ("the first version adds %zu bytes, the second %zu", grew_first, grew_second);
  g_assert_cmpuint (grew_first, >, 20000);
  /* one visit and its interviews moved: a few rows */
  g_assert_cmpuint (grew_second, <, 3000);
}

/* Issuing is one step of the history; undo withdraws the version, redo
 * issues it again, and the next number follows what is issued. */
static void
test_undo (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (40, 20, 10, 5);
  MtHistory *history = mt_tour_get_history (tour);
  GListModel *list = mt_tour_get_versions (tour);
  MtVersion *first, *second, *again;
  g_autofree char *label = NULL;

  first = mt_tour_issue_version (tour, "Sent to all");
  g_assert_cmpstr (mt_history_get_undo_label (history), ==, "Issue version 1");
  g_assert_true (mt_history_get_dirty (history));
  second = mt_tour_issue_version (tour, NULL);
  g_assert_cmpuint (mt_version_get_number (second), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  g_assert_true (mt_history_undo (history));
  g_assert_true (mt_version_get_withdrawn (second));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (mt_tour_get_latest_version (tour) == first);
  g_assert_true (mt_history_redo (history));
  g_assert_false (mt_version_get_withdrawn (second));
  g_assert_true (mt_tour_get_latest_version (tour) == second);

  /* withdrawn, then issued anew: the number is free again */
  g_assert_true (mt_history_undo (history));
  again = mt_tour_issue_version (tour, NULL);
  g_assert_cmpuint (mt_version_get_number (again), ==, 2);
  label = mt_tour_dup_version_label (tour, again);
  g_assert_cmpstr (label, ==, "Version 2");

  /* the withdrawn one stays in the file, withdrawn */
  {
    g_autoptr(MtTour) copy = reload (tour);

    g_assert_true (mt_version_get_withdrawn (mt_tour_lookup_version (copy, mt_version_get_id (second))));
    g_assert_cmpuint (g_list_model_get_n_items (mt_tour_get_versions (copy)), ==, 2);
  }
}

/* Which version a delegate last received, and finding a version by what
 * the user types */
static void
test_received (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (40, 20, 10, 5);
  MtDelegate *late;
  MtVersion *first, *second, *found;
  g_autoptr(GHashTable) received = NULL;
  g_autoptr(GError) error = NULL;

  first = mt_tour_issue_version (tour, NULL);
  late = mt_delegate_new (NULL);
  mt_delegate_set_name (late, "Late Comer");
  g_assert_true (mt_tour_add (tour, MT_ENTITY (late), NULL));
  g_object_unref (late);

  g_assert_true (mt_tour_get_received_version (tour, mt_entity_get_id (MT_ENTITY (nth_delegate (tour, 0)))) == first);
  g_assert_null (mt_tour_get_received_version (tour, mt_entity_get_id (MT_ENTITY (late))));

  second = mt_tour_issue_version (tour, NULL);
  g_assert_true (mt_tour_get_received_version (tour, mt_entity_get_id (MT_ENTITY (late))) == second);
  received = mt_tour_dup_received_versions (tour);
  g_assert_cmpuint (g_hash_table_size (received), ==, 21);
  g_assert_true (g_hash_table_lookup (received, mt_entity_get_id (MT_ENTITY (nth_delegate (tour, 3)))) == second);

  found = mt_tour_find_version (tour, "1", &error);
  g_assert_no_error (error);
  g_assert_true (found == first);
  {
    g_autofree char *prefix = g_strndup (mt_version_get_id (second), 8);

    g_assert_true (mt_tour_find_version (tour, prefix, NULL) == second);
  }
  g_assert_null (mt_tour_find_version (tour, "7", &error));
  g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“7”"));
}

typedef struct
{
  const char *name;
  const char *versions;
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "no-id", "[{\"number\": 1, \"stamp\": \"18f76f94a000000@lin\"}]", "versions[0].id: missing" },
  { "number", "[{\"id\": \"a\", \"number\": 0, \"stamp\": \"18f76f94a000000@lin\"}]", "versions[0].number" },
  { "stamp", "[{\"id\": \"a\", \"number\": 1, \"stamp\": \"yesterday\"}]", "versions[0].stamp" },
  { "base", "[{\"id\": \"a\", \"number\": 2, \"stamp\": \"18f76f94a000000@lin\", \"base\": \"b\"}]",
    "versions[0].base: \"b\" names no version" },
  { "loop", "[{\"id\": \"a\", \"number\": 2, \"stamp\": \"18f76f94a000000@lin\", \"base\": \"b\"},"
            " {\"id\": \"b\", \"number\": 1, \"stamp\": \"18f76f94a000001@lin\", \"base\": \"a\"}]",
    "was not issued before it" },
  { "item-time", "[{\"id\": \"a\", \"number\": 1, \"stamp\": \"18f76f94a000000@lin\","
                 " \"visits\": [{\"id\": \"v\", \"start\": \"soon\"}]}]",
    "versions[0].visits[0].start" },
  /* as issue 15 bounds the entities' times and ids, so are a version's */
  { "item-year", "[{\"id\": \"a\", \"number\": 1, \"stamp\": \"18f76f94a000000@lin\","
                 " \"visits\": [{\"id\": \"v\", \"start\": \"9999-05-14T10:00\"}]}]",
    "versions[0].visits[0].start" },
  { "item-id", "[{\"id\": \"a\", \"number\": 1, \"stamp\": \"18f76f94a000000@lin\","
               " \"visits\": [{\"id\": \"v\\u0007\", \"start\": \"2024-05-14T10:00\"}]}]",
    "versions[0].visits[0].id" },
  { "duplicate", "[{\"id\": \"a\", \"number\": 1, \"stamp\": \"18f76f94a000000@lin\"},"
                 " {\"id\": \"a\", \"number\": 2, \"stamp\": \"18f76f94a000001@lin\"}]",
    "versions[1]: the id \"a\"" },
};

/* A broken version is refused with a message that names it */
static void
test_bad (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *text = g_strdup_printf ("{\"format\": 2, \"first-day\": \"2024-05-14\", \"versions\": %s}",
                                           bad->versions);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) tour = mt_tour_load_from_data (text, -1, "bad.mtour", NULL, &error);

  g_assert_null (tour);
  g_assert_nonnull (error);
  if (strstr (error->message, bad->message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bad->message);
  g_assert_true (g_str_has_prefix (error->message, "bad.mtour: "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/versions/snapshots", test_snapshots);
  g_test_add_func ("/model/versions/compact", test_compact);
  g_test_add_func ("/model/versions/undo", test_undo);
  g_test_add_func ("/model/versions/received", test_received);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/versions/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }

  return g_test_run ();
}
