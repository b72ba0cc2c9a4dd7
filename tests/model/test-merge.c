/* test-merge.c: merging two copies of a tour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mt-entity-private.h"
#include "mt-merge.h"
#include "mt-model.h"
#include "mt-test-content.h"
#include "mt-test-edits.h"

#define DAY_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

static char *
bytes_of (MtTour *tour)
{
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A copy of @tour as another organiser has it: the same file, another
 * replica id */
static MtTour *
copy_of (MtTour     *tour,
         const char *replica)
{
  g_autofree char *text = bytes_of (tour);
  g_autoptr(GError) error = NULL;
  MtTour *copy = mt_tour_load_from_data (text, -1, "copy", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (mt_tour_set_replica (copy, replica));
  mt_tour_set_replica_name (copy, replica, replica);
  return copy;
}

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

/* Merges @from into @into (as a sync would: @from is read anew) */
static MtMergeReport *
merge_into (MtTour *into,
            MtTour *from,
            MtTour *base)
{
  g_autoptr(MtTour) incoming = copy_of (from, mt_tour_get_replica (from));

  return mt_tour_merge (into, incoming, base, now_ms (), "Merge");
}

/* Both orders give the same bytes; returns them */
static char *
assert_converge (MtTour *a,
                 MtTour *b)
{
  g_autoptr(MtMergeReport) ab = merge_into (a, b, NULL);
  g_autoptr(MtMergeReport) ba = merge_into (b, a, NULL);
  g_autofree char *text_a = bytes_of (a);
  g_autofree char *text_b = bytes_of (b);

  g_assert_cmpstr (text_a, ==, text_b);
  return g_steal_pointer (&text_a);
}

static MtVisit *
nth_visit (MtTour *tour,
           guint   n)
{
  g_autoptr(MtVisit) visit = g_list_model_get_item (mt_tour_get_visits (tour), n);

  return visit;   /* the tour keeps it */
}

static MtVisit *
visit_by_id (MtTour     *tour,
             const char *id)
{
  return mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id);
}

static guint
count_kind (MtMergeReport     *report,
            MtMergeChangeKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < report->incoming->len; i++)
    n += ((MtMergeChange *) g_ptr_array_index (report->incoming, i))->kind == kind;
  return n;
}

/* Two organisers edit different items, and different fields of one item,
 * offline: in either order both edits survive and the files are the same. */
static void
test_different_edits (void)
{
  g_autoptr(MtTour) origin = mt_tour_generate (40, 20, 20, 3);
  g_autoptr(MtTour) lin = copy_of (origin, "lin");
  g_autoptr(MtTour) wei = copy_of (origin, "wei");
  g_autofree char *v0 = g_strdup (mt_entity_get_id (MT_ENTITY (nth_visit (origin, 0))));
  g_autofree char *v1 = g_strdup (mt_entity_get_id (MT_ENTITY (nth_visit (origin, 1))));
  g_autofree char *merged = NULL;
  g_autoptr(MtMergeReport) report = NULL;
  gint64 start = mt_visit_get_start (visit_by_id (origin, v1));

  mt_visit_set_title (visit_by_id (lin, v0), "Lin's title");
  mt_visit_set_notes (visit_by_id (lin, v1), "Bring passports");
  mt_tour_move_visit (wei, visit_by_id (wei, v1), start + 1800);
  mt_tour_set_description (wei, "Wei's description");

  report = merge_into (lin, wei, NULL);
  g_assert_cmpuint (count_kind (report, MT_MERGE_CHANGED), >=, 3);
  g_assert_cmpuint (report->n_outgoing, ==, 2);
  g_assert_cmpuint (report->conflicts->len, ==, 0);

  merged = assert_converge (lin, wei);
  for (guint i = 0; i < 2; i++)
    {
      MtTour *tour = i == 0 ? lin : wei;

      g_assert_cmpstr (mt_visit_get_title (visit_by_id (tour, v0)), ==, "Lin's title");
      g_assert_cmpstr (mt_visit_get_notes (visit_by_id (tour, v1)), ==, "Bring passports");
      g_assert_cmpint (mt_visit_get_start (visit_by_id (tour, v1)), ==, start + 1800);
      g_assert_cmpstr (mt_tour_get_description (tour), ==, "Wei's description");
    }
  /* who changed what travels with the tour */
  g_assert_cmpstr (mt_tour_get_replica_name (lin, "wei"), ==, "wei");
  g_assert_cmpstr (mt_tour_get_replica_name (wei, "lin"), ==, "lin");
}

/* The same field on both: the later edit wins everywhere; the other value
 * is a conflict, which restores it. */
static void
test_same_field (void)
{
  g_autoptr(MtTour) origin = mt_tour_generate (20, 10, 10, 4);
  g_autoptr(MtTour) base = copy_of (origin, "base");
  g_autoptr(MtTour) lin = copy_of (origin, "lin");
  g_autoptr(MtTour) wei = copy_of (origin, "wei");
  g_autofree char *v = g_strdup (mt_entity_get_id (MT_ENTITY (nth_visit (origin, 2))));
  g_autoptr(MtMergeReport) report = NULL;
  g_autoptr(MtMergeReport) back = NULL;
  g_autoptr(MtTour) lin_before = NULL;
  g_autoptr(GError) error = NULL;
  MtConflict *conflict;

  mt_visit_set_title (visit_by_id (lin, v), "Lin's");
  g_usleep (2000);
  mt_visit_set_title (visit_by_id (wei, v), "Wei's");
  lin_before = copy_of (lin, "lin");

  report = merge_into (lin, wei, base);
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (lin, v)), ==, "Wei's");
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (report->conflicts, 0);
  g_assert_cmpstr (conflict->id, ==, v);
  g_assert_cmpstr (conflict->field, ==, "title");
  g_assert_cmpstr (json_node_get_string (conflict->kept_value), ==, "Wei's");
  g_assert_cmpstr (json_node_get_string (conflict->lost_value), ==, "Lin's");
  g_assert_cmpstr (conflict->kept_replica, ==, "wei");
  g_assert_cmpstr (conflict->lost_replica, ==, "lin");

  /* the other side, merging Lin's edit, sees the same conflict */
  back = merge_into (wei, lin_before, base);
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (wei, v)), ==, "Wei's");
  g_assert_cmpuint (back->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (back->conflicts, 0);
  g_assert_cmpstr (json_node_get_string (conflict->lost_value), ==, "Lin's");
  g_free (assert_converge (lin, wei));
  conflict = g_ptr_array_index (report->conflicts, 0);

  /* restoring the lost value is a new edit: it wins everywhere */
  g_assert_true (mt_conflict_restore (conflict, lin, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (lin, v)), ==, "Lin's");
  g_free (assert_converge (lin, wei));
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (wei, v)), ==, "Lin's");

  /* and undo takes the restore back */
  g_assert_true (mt_history_undo (mt_tour_get_history (lin)));
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (lin, v)), ==, "Wei's");
}

/* One organiser deletes a visit the other edits: the edit keeps it, and the
 * merge says so. A delete nobody contradicts deletes everywhere. */
static void
test_edit_against_delete (void)
{
  g_autoptr(MtTour) origin = mt_tour_generate (20, 10, 10, 5);
  g_autoptr(MtTour) lin = copy_of (origin, "lin");
  g_autoptr(MtTour) wei = copy_of (origin, "wei");
  g_autofree char *edited = g_strdup (mt_entity_get_id (MT_ENTITY (nth_visit (origin, 3))));
  g_autofree char *gone = g_strdup (mt_entity_get_id (MT_ENTITY (nth_visit (origin, 4))));
  g_autoptr(MtMergeReport) report = NULL;
  guint n_visits = mt_tour_count (origin, MT_ENTITY_VISIT);

  mt_tour_remove (lin, MT_ENTITY (visit_by_id (lin, edited)));
  mt_tour_remove (lin, MT_ENTITY (visit_by_id (lin, gone)));
  g_usleep (2000);
  mt_visit_set_notes (visit_by_id (wei, edited), "Confirmed by phone");

  report = merge_into (wei, lin, NULL);
  g_assert_cmpuint (count_kind (report, MT_MERGE_DELETED), ==, 1);
  g_assert_cmpuint (count_kind (report, MT_MERGE_KEPT), ==, 1);
  g_free (assert_converge (lin, wei));

  for (guint i = 0; i < 2; i++)
    {
      MtTour *tour = i == 0 ? lin : wei;

      g_assert_nonnull (visit_by_id (tour, edited));
      g_assert_cmpstr (mt_visit_get_notes (visit_by_id (tour, edited)), ==, "Confirmed by phone");
      g_assert_null (visit_by_id (tour, gone));
      g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_VISIT), ==, n_visits - 1);
    }

  /* deleting it again, having seen the edit, deletes it */
  mt_tour_remove (wei, MT_ENTITY (visit_by_id (wei, edited)));
  g_free (assert_converge (lin, wei));
  g_assert_null (visit_by_id (lin, edited));

  /* and undoing that delete brings it back everywhere */
  g_assert_true (mt_history_undo (mt_tour_get_history (wei)));
  g_free (assert_converge (lin, wei));
  g_assert_nonnull (visit_by_id (lin, edited));
}

/* Two organisers each add a delegate to one interview: both keep theirs; a
 * removal on one side goes through. */
static void
test_id_lists (void)
{
  g_autoptr(MtTour) origin = mt_tour_generate (20, 10, 10, 6);
  g_autoptr(MtTour) lin = copy_of (origin, "lin");
  g_autoptr(MtTour) wei = copy_of (origin, "wei");
  g_autoptr(MtInterview) first = g_list_model_get_item (mt_tour_get_interviews (origin), 0);
  const char *id = mt_entity_get_id (MT_ENTITY (first));
  g_autoptr(MtDelegate) d8 = g_list_model_get_item (mt_tour_get_delegates (origin), 8);
  g_autoptr(MtDelegate) d9 = g_list_model_get_item (mt_tour_get_delegates (origin), 9);
  const char * const *before = mt_interview_get_delegates (first);
  g_autoptr(GStrvBuilder) with_d8 = g_strv_builder_new ();
  g_auto(GStrv) lin_list = NULL;
  const char *with_d9[] = { mt_entity_get_id (MT_ENTITY (d9)), NULL };
  const char * const *merged;

  g_assert_nonnull (before);
  g_strv_builder_addv (with_d8, (const char **) before);
  g_strv_builder_add (with_d8, mt_entity_get_id (MT_ENTITY (d8)));
  lin_list = g_strv_builder_end (with_d8);
  mt_interview_set_delegates (mt_tour_lookup_kind (lin, MT_ENTITY_INTERVIEW, id), (const char * const *) lin_list);
  /* Wei replaces the delegates with d9: the first ones removed, d9 added */
  mt_interview_set_delegates (mt_tour_lookup_kind (wei, MT_ENTITY_INTERVIEW, id), with_d9);

  g_free (assert_converge (lin, wei));
  merged = mt_interview_get_delegates (mt_tour_lookup_kind (lin, MT_ENTITY_INTERVIEW, id));
  g_assert_true (g_strv_contains (merged, mt_entity_get_id (MT_ENTITY (d8))));
  g_assert_true (g_strv_contains (merged, mt_entity_get_id (MT_ENTITY (d9))));
  for (guint i = 0; before[i] != NULL; i++)
    g_assert_false (g_strv_contains (merged, before[i]));
  g_assert_cmpuint (g_strv_length ((char **) merged), ==, 2);
}

/* A copy whose clock is a week ahead does not freeze the field it touched:
 * its stamp is set back and reported, and a later edit elsewhere wins. */
static void
test_clock_ahead (void)
{
  g_autoptr(MtTour) origin = mt_tour_generate (20, 10, 10, 7);
  g_autoptr(MtTour) fast = copy_of (origin, "fast");
  g_autoptr(MtTour) lin = copy_of (origin, "lin");
  g_autofree char *v = g_strdup (mt_entity_get_id (MT_ENTITY (nth_visit (origin, 5))));
  g_autoptr(MtMergeReport) report = NULL;
  g_autoptr(MtMergeReport) again = NULL;
  MtEntityPrivate *priv;

  mt_tour_set_clock_offset (fast, 7 * DAY_MS);
  mt_visit_set_title (visit_by_id (fast, v), "From the future");
  priv = _mt_entity_get_private (MT_ENTITY (visit_by_id (fast, v)));
  g_assert_cmpint (MT_HLC_MS (priv->stamps[0].hlc), >, now_ms () + 6 * DAY_MS);

  /* Lin takes the edit in, set back to now, and says so */
  report = merge_into (lin, fast, NULL);
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (lin, v)), ==, "From the future");
  g_assert_cmpuint (count_kind (report, MT_MERGE_CLAMPED), ==, 1);
  priv = _mt_entity_get_private (MT_ENTITY (visit_by_id (lin, v)));
  g_assert_cmpint (MT_HLC_MS (priv->stamps[0].hlc), <=, now_ms ());

  /* Lin's later edit wins, on Lin's copy and on the fast one */
  g_usleep (2000);
  mt_visit_set_title (visit_by_id (lin, v), "Lin's correction");
  again = merge_into (fast, lin, NULL);
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (fast, v)), ==, "Lin's correction");
  g_free (assert_converge (lin, fast));
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (lin, v)), ==, "Lin's correction");
}

/* A format-1 file read by two organisers gives the same stamps: merging the
 * two copies changes nothing. */
static void
test_format_1_copies (void)
{
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  g_autoptr(MtTour) lin = copy_of (sample, "lin");
  g_autoptr(MtTour) wei = copy_of (sample, "wei");
  g_autoptr(MtMergeReport) report = merge_into (lin, wei, NULL);

  g_assert_cmpuint (report->incoming->len, ==, 0);
  g_assert_cmpuint (report->n_outgoing, ==, 0);
  /* a merge that brings nothing leaves no step to undo */
  g_assert_false (mt_history_can_undo (mt_tour_get_history (lin)));
  g_free (assert_converge (lin, wei));
}

/* One undo takes back everything a merge brought in. */
static void
test_undo_merge (void)
{
  g_autoptr(MtTour) origin = mt_tour_generate (20, 10, 10, 8);
  g_autoptr(MtTour) lin = copy_of (origin, "lin");
  g_autoptr(MtTour) wei = copy_of (origin, "wei");
  g_autofree char *before = mt_test_content_of (lin);
  g_autofree char *after = NULL;
  g_autoptr(MtVisit) added = mt_visit_new (NULL);
  g_autoptr(MtMergeReport) report = NULL;

  mt_visit_set_title (nth_visit (wei, 0), "Renamed");
  mt_visit_set_start (added, mt_wall_time_new (2024, 5, 15, 9, 0, 0));
  mt_visit_set_end (added, mt_wall_time_new (2024, 5, 15, 10, 0, 0));
  g_assert_true (mt_tour_add (wei, MT_ENTITY (added), NULL));
  mt_tour_remove (wei, MT_ENTITY (nth_visit (wei, 1)));

  report = merge_into (lin, wei, NULL);
  g_assert_cmpuint (report->incoming->len, ==, 3);
  g_assert_cmpstr (mt_history_get_undo_label (mt_tour_get_history (lin)), ==, "Merge");
  g_assert_true (mt_history_undo (mt_tour_get_history (lin)));
  after = mt_test_content_of (lin);
  g_assert_cmpstr (after, ==, before);
}

/* Random edits on ten copies syncing at random moments through one shared
 * copy (as the server's file): when all have synced twice, all ten write
 * the same bytes, and every edit that nothing later replaced is there. */
static void
sync_copy (MtTour  *copy,
           char   **server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) remote = mt_tour_load_from_data (*server, -1, "server", NULL, &error);
  g_autoptr(MtMergeReport) report = NULL;

  g_assert_no_error (error);
  report = mt_tour_merge (copy, remote, NULL, now_ms (), "Sync");
  g_free (*server);
  *server = bytes_of (copy);
}

static void
test_ten_copies (void)
{
  /* MT_TEST_SEED explores other runs; the suite runs one */
  guint32 seed = g_getenv ("MT_TEST_SEED") ? (guint32) g_ascii_strtoull (g_getenv ("MT_TEST_SEED"), NULL, 10) : 20240514;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(MtTour) origin = mt_tour_generate (60, 30, 30, 9);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) edits = mt_test_edits_new ();
  g_autofree char *server = bytes_of (origin);
  g_autofree char *first = NULL;
  guint kept = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *replica = g_strdup_printf ("copy%u", i);

      g_ptr_array_add (copies, copy_of (origin, replica));
    }

  for (guint step = 0; step < 10 * 100; step++)
    {
      MtTour *copy = g_ptr_array_index (copies, g_rand_int_range (rand, 0, 10));

      mt_test_random_edit (copy, rand, edits);
      if (g_rand_int_range (rand, 0, 8) == 0)
        sync_copy (g_ptr_array_index (copies, g_rand_int_range (rand, 0, 10)), &server);
    }
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < copies->len; i++)
      sync_copy (g_ptr_array_index (copies, i), &server);

  first = bytes_of (g_ptr_array_index (copies, 0));
  for (guint i = 1; i < copies->len; i++)
    {
      g_autofree char *text = bytes_of (g_ptr_array_index (copies, i));

      g_assert_cmpstr (text, ==, first);
    }
  g_assert_cmpstr (server, ==, first);

  kept = mt_test_assert_edits_stand (g_ptr_array_index (copies, 0), edits);
  g_test_message ("%u edits recorded, %u of them still stand", edits->len, kept);
  g_assert_cmpuint (kept, >, 0);
}

/* Copies that merge with each other directly, in any order and as often as
 * they like, still end with the same bytes. */
static void
test_pairwise (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  g_autoptr(MtTour) origin = mt_tour_generate (40, 20, 20, 10);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) edits = mt_test_edits_new ();
  g_autofree char *first = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *replica = g_strdup_printf ("pair%u", i);

      g_ptr_array_add (copies, copy_of (origin, replica));
    }
  for (guint step = 0; step < 300; step++)
    {
      mt_test_random_edit (g_ptr_array_index (copies, g_rand_int_range (rand, 0, 4)), rand, edits);
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          guint a = g_rand_int_range (rand, 0, 4), b = g_rand_int_range (rand, 0, 4);
          g_autoptr(MtMergeReport) report = merge_into (g_ptr_array_index (copies, a), g_ptr_array_index (copies, b), NULL);
        }
    }
  for (guint round = 0; round < 2; round++)
    for (guint a = 0; a < 4; a++)
      for (guint b = 0; b < 4; b++)
        {
          g_autoptr(MtMergeReport) report = merge_into (g_ptr_array_index (copies, a), g_ptr_array_index (copies, b), NULL);
        }

  first = bytes_of (g_ptr_array_index (copies, 0));
  for (guint i = 1; i < copies->len; i++)
    {
      g_autofree char *text = bytes_of (g_ptr_array_index (copies, i));

      g_assert_cmpstr (text, ==, first);
    }
}

/* One organiser moves a visit five hours; the other, a moment later, only
 * its end: the merge takes start and end from one side, never a visit
 * that ends before it starts (which no copy could read back). */
static void
test_span (void)
{
  g_autoptr(MtTour) origin = mt_tour_generate (20, 10, 10, 13);
  g_autoptr(MtTour) lin = copy_of (origin, "lin");
  g_autoptr(MtTour) wei = copy_of (origin, "wei");
  g_autofree char *id = g_strdup (mt_entity_get_id (MT_ENTITY (nth_visit (origin, 0))));
  MtVisit *visit = visit_by_id (origin, id);
  gint64 start = mt_visit_get_start (visit), end = mt_visit_get_end (visit);
  g_autofree char *merged = NULL;
  g_autoptr(MtTour) reread = NULL;
  g_autoptr(GError) error = NULL;

  mt_tour_move_visit (lin, visit_by_id (lin, id), start + 5 * 3600);
  g_usleep (2000);
  mt_visit_set_end (visit_by_id (wei, id), end + 1800);

  merged = assert_converge (lin, wei);
  g_assert_cmpint (mt_visit_get_end (visit_by_id (lin, id)), >=, mt_visit_get_start (visit_by_id (lin, id)));
  /* the later edit, Wei's, wins as a whole */
  g_assert_cmpint (mt_visit_get_start (visit_by_id (lin, id)), ==, start);
  g_assert_cmpint (mt_visit_get_end (visit_by_id (lin, id)), ==, end + 1800);
  reread = mt_tour_load_from_data (merged, -1, "merged", NULL, &error);
  g_assert_no_error (error);
}

/* An edit the delete did not see keeps the entity even where its clock is
 * older than edits the delete did see */
static void
test_unseen_older_edit (void)
{
  g_autoptr(MtTour) origin = mt_tour_generate (20, 10, 10, 14);
  g_autoptr(MtTour) lin = copy_of (origin, "lin");
  g_autoptr(MtTour) wei = copy_of (origin, "wei");
  g_autofree char *id = g_strdup (mt_entity_get_id (MT_ENTITY (nth_visit (origin, 2))));
  g_autoptr(MtMergeReport) report = NULL;

  mt_visit_set_notes (visit_by_id (wei, id), "Wei, offline, first");
  g_usleep (2000);
  mt_visit_set_title (visit_by_id (lin, id), "Lin renamed it");
  g_usleep (2000);
  mt_tour_remove (lin, MT_ENTITY (visit_by_id (lin, id)));

  report = merge_into (lin, wei, NULL);
  g_assert_cmpuint (count_kind (report, MT_MERGE_KEPT), ==, 1);
  g_free (assert_converge (lin, wei));
  for (guint i = 0; i < 2; i++)
    {
      MtTour *tour = i == 0 ? lin : wei;

      g_assert_nonnull (visit_by_id (tour, id));
      g_assert_cmpstr (mt_visit_get_notes (visit_by_id (tour, id)), ==, "Wei, offline, first");
      g_assert_cmpstr (mt_visit_get_title (visit_by_id (tour, id)), ==, "Lin renamed it");
    }
}

/* A copy two days ahead adds a visit; two others set its stamps back at
 * different times, and add their own: their lists still come out in one
 * order, the same bytes. */
static void
test_clamped_order (void)
{
  g_autoptr(MtTour) origin = mt_tour_generate (20, 10, 10, 15);
  g_autoptr(MtTour) fast = copy_of (origin, "fast");
  g_autoptr(MtTour) a = copy_of (origin, "copya");
  g_autoptr(MtTour) b = copy_of (origin, "copyb");
  g_autoptr(MtVisit) e = mt_visit_new (NULL);
  g_autoptr(MtVisit) f = mt_visit_new (NULL);
  g_autoptr(MtMergeReport) first = NULL;
  g_autoptr(MtMergeReport) second = NULL;
  g_autoptr(MtTour) from_fast = NULL;
  g_autoptr(MtTour) from_fast_again = NULL;

  mt_tour_set_clock_offset (fast, 2 * DAY_MS);
  mt_visit_set_start (e, mt_wall_time_new (2024, 5, 15, 9, 0, 0));
  mt_visit_set_end (e, mt_wall_time_new (2024, 5, 15, 10, 0, 0));
  g_assert_true (mt_tour_add (fast, MT_ENTITY (e), NULL));

  from_fast = copy_of (fast, "fast");
  first = mt_tour_merge (a, from_fast, NULL, now_ms (), "Merge");
  g_usleep (3000);
  mt_visit_set_start (f, mt_wall_time_new (2024, 5, 16, 9, 0, 0));
  mt_visit_set_end (f, mt_wall_time_new (2024, 5, 16, 10, 0, 0));
  g_assert_true (mt_tour_add (b, MT_ENTITY (f), NULL));
  g_usleep (3000);
  from_fast_again = copy_of (fast, "fast");
  second = mt_tour_merge (b, from_fast_again, NULL, now_ms (), "Merge");

  g_free (assert_converge (a, b));
}

/* The order of a list of ids is the order its ids were added: setting the
 * same ids in another order is no change, and no step to undo */
static void
test_list_reorder (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (20, 10, 10, 16);
  g_autoptr(MtInterview) interview = NULL;
  const char * const *delegates;
  g_auto(GStrv) reversed = NULL;
  guint steps = mt_history_get_n_steps (mt_tour_get_history (tour));
  guint revision;

  for (guint i = 0; interview == NULL; i++)
    {
      g_autoptr(MtInterview) candidate = g_list_model_get_item (mt_tour_get_interviews (tour), i);

      if (g_strv_length ((char **) mt_interview_get_delegates (candidate)) >= 2)
        interview = g_steal_pointer (&candidate);
    }
  delegates = mt_interview_get_delegates (interview);
  reversed = g_strdupv ((char **) delegates);
  {
    char *first = reversed[0];

    reversed[0] = reversed[1];
    reversed[1] = first;
  }
  revision = mt_entity_get_revision (MT_ENTITY (interview));
  mt_interview_set_delegates (interview, (const char * const *) reversed);
  g_assert_cmpuint (mt_entity_get_revision (MT_ENTITY (interview)), ==, revision);
  g_assert_cmpuint (mt_history_get_n_steps (mt_tour_get_history (tour)), ==, steps);
  g_assert_cmpstr (mt_interview_get_delegates (interview)[0], ==, reversed[1]);
}

/* A new tour has its own stamps from the start, written with it */
static void
test_new_tour_stamps (void)
{
  g_autoptr(MtTour) tour = mt_tour_new ();
  g_autofree char *text = NULL;

  mt_tour_set_title (tour, "Brand new");
  text = bytes_of (tour);
  g_assert_nonnull (strstr (text, "\"stamp\" : \""));
  g_assert_nonnull (strstr (text, "\"stamps\" : {"));
  g_assert_null (strstr (text, "@origin"));
}


static guint
count_versions (MtTour *tour)
{
  return g_list_model_get_n_items (mt_tour_get_versions (tour));
}

/* Two organisers issue a version each, offline: after they merge, both
 * copies have both (the versions are a set, by id), each keeps the number
 * it was given, the labels tell them apart by who issued them, a bare
 * number that names both is refused, and the next version is numbered
 * after both. */
static void
test_versions_issued_together (void)
{
  g_autoptr(MtTour) origin = mt_tour_generate (40, 20, 20, 3);
  g_autoptr(MtTour) lin = NULL, wei = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *label_lin = NULL, *label_wei = NULL;
  g_autofree char *lin_id = NULL, *wei_id = NULL;
  MtVersion *next;

  mt_tour_issue_version (origin, "The first plan");
  lin = copy_of (origin, "lin");
  wei = copy_of (origin, "wei");
  mt_visit_set_title (nth_visit (lin, 0), "Lin's change");
  lin_id = g_strdup (mt_version_get_id (mt_tour_issue_version (lin, "Lin's")));
  mt_visit_set_title (nth_visit (wei, 1), "Wei's change");
  wei_id = g_strdup (mt_version_get_id (mt_tour_issue_version (wei, "Wei's")));

  merged = assert_converge (lin, wei);
  g_assert_cmpuint (count_versions (lin), ==, 3);
  g_assert_cmpuint (count_versions (wei), ==, 3);
  g_assert_cmpuint (mt_version_get_number (mt_tour_lookup_version (wei, lin_id)), ==, 2);
  g_assert_cmpuint (mt_version_get_number (mt_tour_lookup_version (lin, wei_id)), ==, 2);
  label_lin = mt_tour_dup_version_label (wei, mt_tour_lookup_version (wei, lin_id));
  label_wei = mt_tour_dup_version_label (lin, mt_tour_lookup_version (lin, wei_id));
  g_assert_cmpstr (label_lin, ==, "Version 2 (lin)");
  g_assert_cmpstr (label_wei, ==, "Version 2 (wei)");

  /* each kept what its own snapshot said */
  {
    g_autoptr(MtSnapshot) lins = mt_version_dup_snapshot (mt_tour_lookup_version (wei, lin_id));
    g_autoptr(MtSnapshot) weis = mt_version_dup_snapshot (mt_tour_lookup_version (lin, wei_id));
    const char *v0 = mt_entity_get_id (MT_ENTITY (nth_visit (lin, 0)));
    const char *v1 = mt_entity_get_id (MT_ENTITY (nth_visit (lin, 1)));

    g_assert_cmpstr (mt_snapshot_lookup_item (lins, v0)->title, ==, "Lin's change");
    g_assert_cmpstr (mt_snapshot_lookup_item (lins, v1)->title, !=, "Wei's change");
    g_assert_cmpstr (mt_snapshot_lookup_item (weis, v1)->title, ==, "Wei's change");
  }

  g_assert_null (mt_tour_find_version (lin, "2", &error));
  g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, lin_id));
  g_assert_nonnull (strstr (error->message, wei_id));

  next = mt_tour_issue_version (wei, NULL);
  g_assert_cmpuint (mt_version_get_number (next), ==, 3);
  /* the greater of the two is each delegate's copy before it */
  {
    MtDelegate *delegate = g_list_model_get_item (mt_tour_get_delegates (lin), 0);
    MtVersion *received = mt_tour_get_received_version (lin, mt_entity_get_id (MT_ENTITY (delegate)));

    g_assert_true (received == mt_tour_get_latest_version (lin));
    g_object_unref (delegate);
  }
}

/* A version withdrawn on one copy is withdrawn on the other after the
 * merge, in either order; an issue the merge brings in is no step of the
 * history. */
static void
test_versions_withdrawn (void)
{
  g_autoptr(MtTour) lin = mt_tour_generate (40, 20, 20, 3);
  g_autoptr(MtTour) wei = NULL;
  g_autoptr(MtMergeReport) report = NULL;
  g_autofree char *id = NULL;
  g_autofree char *merged = NULL;
  guint steps;

  g_assert_true (mt_tour_set_replica (lin, "lin"));
  mt_tour_issue_version (lin, NULL);
  id = g_strdup (mt_version_get_id (mt_tour_issue_version (lin, NULL)));
  wei = copy_of (lin, "wei");
  g_assert_cmpuint (count_versions (wei), ==, 2);

  /* Lin takes it back */
  g_assert_true (mt_history_undo (mt_tour_get_history (lin)));
  g_assert_cmpuint (count_versions (lin), ==, 1);

  report = merge_into (wei, lin, NULL);
  g_assert_true (mt_version_get_withdrawn (mt_tour_lookup_version (wei, id)));
  g_assert_cmpuint (count_versions (wei), ==, 1);
  g_assert_cmpuint (count_kind (report, MT_MERGE_CHANGED), ==, 1);
  merged = assert_converge (lin, wei);
  g_assert_nonnull (strstr (merged, "\"withdrawn\" : true"));

  /* Wei issues one: it reaches Lin, and is no step of Lin's history to
   * be undone */
  mt_tour_issue_version (wei, "Wei's");
  g_clear_pointer (&report, mt_merge_report_free);
  steps = mt_history_get_n_steps (mt_tour_get_history (lin));
  report = merge_into (lin, wei, NULL);
  g_assert_cmpuint (count_versions (lin), ==, 2);
  g_assert_cmpuint (mt_history_get_n_steps (mt_tour_get_history (lin)), ==, steps);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/merge/different-edits", test_different_edits);
  g_test_add_func ("/model/merge/same-field", test_same_field);
  g_test_add_func ("/model/merge/edit-against-delete", test_edit_against_delete);
  g_test_add_func ("/model/merge/id-lists", test_id_lists);
  g_test_add_func ("/model/merge/clock-ahead", test_clock_ahead);
  g_test_add_func ("/model/merge/format-1-copies", test_format_1_copies);
  g_test_add_func ("/model/merge/undo", test_undo_merge);
  g_test_add_func ("/model/merge/ten-copies", test_ten_copies);
  g_test_add_func ("/model/merge/pairwise", test_pairwise);
  g_test_add_func ("/model/merge/span", test_span);
  g_test_add_func ("/model/merge/unseen-older-edit", test_unseen_older_edit);
  g_test_add_func ("/model/merge/clamped-order", test_clamped_order);
  g_test_add_func ("/model/merge/list-reorder", test_list_reorder);
  g_test_add_func ("/model/merge/new-tour-stamps", test_new_tour_stamps);
  g_test_add_func ("/model/merge/versions-issued-together", test_versions_issued_together);
  g_test_add_func ("/model/merge/versions-withdrawn", test_versions_withdrawn);

  return g_test_run ();
}
