/* test-history.c: undo and redo of every kind of edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mt-model.h"
#include "mt-test-content.h"

static char *
snapshot (MtTour *tour)
{
  return mt_test_content_of (tour);
}

/* Entities' modified stamps and revisions move on undo too; compare what
 * the user sees: every field. */
static void
assert_same_content (MtTour *a,
                     MtTour *b)
{
  g_assert_cmpstr (mt_tour_get_title (a), ==, mt_tour_get_title (b));
  g_assert_cmpint (mt_tour_get_first_day (a), ==, mt_tour_get_first_day (b));

  for (MtEntityKind kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      GListModel *ma = mt_tour_get_entities (a, kind);
      GListModel *mb = mt_tour_get_entities (b, kind);

      g_assert_cmpuint (g_list_model_get_n_items (ma), ==, g_list_model_get_n_items (mb));
      for (guint i = 0; i < g_list_model_get_n_items (ma); i++)
        {
          g_autoptr(MtEntity) ea = g_list_model_get_item (ma, i);
          g_autoptr(MtEntity) eb = g_list_model_get_item (mb, i);

          g_assert_true (mt_entity_equal (ea, eb));
        }
    }
}

static MtTour *
reload (MtTour *tour)
{
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);
  g_autoptr(GError) error = NULL;
  MtTour *copy;

  copy = mt_tour_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 "copy", NULL, &error);
  g_assert_no_error (error);
  return copy;
}

static void
test_property_edits (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (40, 20, 30, 7);
  g_autoptr(MtTour) before = reload (tour);
  MtHistory *history = mt_tour_get_history (tour);

  g_assert_false (mt_history_can_undo (history));
  g_assert_false (mt_history_get_dirty (history));

  /* one edit of each kind, each its own step */
  for (MtEntityKind kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      g_autoptr(MtEntity) entity = g_list_model_get_item (mt_tour_get_entities (tour, kind), 0);
      GParamSpec **pspecs;
      guint n;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity), &n);
      for (guint i = 0; i < n; i++)
        {
          if (pspecs[i]->value_type == G_TYPE_STRING && (pspecs[i]->flags & G_PARAM_WRITABLE) &&
              !(pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
            {
              g_object_set (entity, pspecs[i]->name, "edited", NULL);
              break;
            }
        }
      g_free (pspecs);
    }
  mt_tour_set_title (tour, "Edited tour");

  g_assert_cmpuint (mt_history_get_n_steps (history), ==, MT_N_ENTITY_KINDS + 1);
  g_assert_true (mt_history_get_dirty (history));
  g_assert_cmpstr (mt_history_get_undo_label (history), ==, "Edit tour details");

  while (mt_history_undo (history))
    ;
  assert_same_content (tour, before);
  g_assert_false (mt_history_get_dirty (history));
  g_assert_true (mt_history_can_redo (history));

  while (mt_history_redo (history))
    ;
  g_assert_cmpstr (mt_tour_get_title (tour), ==, "Edited tour");
  {
    g_autoptr(MtEntity) city = g_list_model_get_item (mt_tour_get_cities (tour), 0);

    g_assert_cmpstr (mt_city_get_name (MT_CITY (city)), ==, "edited");
  }
}

static void
test_add_remove (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (20, 10, 10, 3);
  g_autoptr(MtTour) before = reload (tour);
  MtHistory *history = mt_tour_get_history (tour);
  g_autoptr(MtVisit) visit = mt_visit_new (NULL);
  g_autoptr(MtEntity) second = g_list_model_get_item (mt_tour_get_visits (tour), 1);
  g_autofree char *second_id = g_strdup (mt_entity_get_id (second));

  mt_visit_set_title (visit, "Press conference");
  g_assert_true (mt_tour_add (tour, MT_ENTITY (visit), NULL));
  g_assert_cmpstr (mt_history_get_undo_label (history), ==, "Add “Press conference”");

  mt_tour_remove (tour, second);
  g_assert_null (mt_tour_lookup (tour, second_id));

  g_assert_true (mt_history_undo (history));
  /* back in its place, second in the list */
  g_assert_true (mt_tour_lookup (tour, second_id) == second);
  {
    g_autoptr(MtEntity) at_1 = g_list_model_get_item (mt_tour_get_visits (tour), 1);
    g_assert_true (at_1 == second);
  }

  g_assert_true (mt_history_undo (history));
  g_assert_null (mt_tour_lookup (tour, mt_entity_get_id (MT_ENTITY (visit))));
  assert_same_content (tour, before);

  g_assert_true (mt_history_redo (history));
  g_assert_true (mt_tour_lookup (tour, mt_entity_get_id (MT_ENTITY (visit))) == MT_ENTITY (visit));
  g_assert_true (mt_history_redo (history));
  g_assert_null (mt_tour_lookup (tour, second_id));
  g_assert_false (mt_history_redo (history));
}

static void
test_grouped_step (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (60, 30, 120, 11);
  g_autoptr(MtTour) before = reload (tour);
  MtHistory *history = mt_tour_get_history (tour);
  g_autoptr(GPtrArray) interviews = NULL;
  MtVisit *visit = NULL;
  gint64 old_start, new_start;

  /* a visit with interviews */
  for (guint i = 0; visit == NULL; i++)
    {
      g_autoptr(MtVisit) candidate = g_list_model_get_item (mt_tour_get_visits (tour), i);
      g_autoptr(GPtrArray) of_visit = mt_tour_dup_interviews_of_visit (tour, mt_entity_get_id (MT_ENTITY (candidate)));

      if (of_visit->len > 0)
        visit = candidate;
    }

  interviews = mt_tour_dup_interviews_of_visit (tour, mt_entity_get_id (MT_ENTITY (visit)));
  old_start = mt_visit_get_start (visit);
  new_start = old_start + MT_SECONDS_PER_DAY + 3600;

  mt_tour_move_visit (tour, visit, new_start);
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, 1);
  g_assert_true (g_str_has_prefix (mt_history_get_undo_label (history), "Move “"));
  g_assert_cmpint (mt_visit_get_start (visit), ==, new_start);
  for (guint i = 0; i < interviews->len; i++)
    {
      MtInterview *interview = g_ptr_array_index (interviews, i);

      g_assert_cmpint (mt_interview_get_start (interview), >=, new_start);
    }

  g_assert_true (mt_history_undo (history));
  g_assert_false (mt_history_can_undo (history));
  assert_same_content (tour, before);

  /* nested groups make one step; the outer label counts */
  mt_history_begin (history, "Outer");
  mt_history_begin (history, "Inner");
  mt_visit_set_title (visit, "A");
  mt_history_end (history);
  mt_visit_set_notes (visit, "B");
  mt_history_end (history);
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (mt_history_get_undo_label (history), ==, "Outer");

  /* an empty group leaves no step */
  mt_history_begin (history, "Nothing");
  mt_history_end (history);
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, 1);
}

static void
test_dirty (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (10, 5, 5, 1);
  MtHistory *history = mt_tour_get_history (tour);
  g_autofree char *saved = NULL;
  g_autofree char *now = NULL;

  mt_tour_set_title (tour, "One");
  mt_history_mark_saved (history);
  saved = snapshot (tour);
  g_assert_false (mt_history_get_dirty (history));

  mt_tour_set_title (tour, "Two");
  g_assert_true (mt_history_get_dirty (history));
  mt_history_undo (history);
  g_assert_false (mt_history_get_dirty (history));
  now = snapshot (tour);
  g_assert_cmpstr (now, ==, saved);

  /* undo past the saved point, then a new edit: the saved state is gone */
  mt_history_undo (history);
  g_assert_true (mt_history_get_dirty (history));
  mt_tour_set_organiser (tour, "Someone");
  g_assert_true (mt_history_get_dirty (history));
  g_assert_false (mt_history_can_redo (history));
  mt_history_undo (history);
  g_assert_true (mt_history_get_dirty (history));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/history/property-edits", test_property_edits);
  g_test_add_func ("/model/history/add-remove", test_add_remove);
  g_test_add_func ("/model/history/grouped-step", test_grouped_step);
  g_test_add_func ("/model/history/dirty", test_dirty);

  return g_test_run ();
}
