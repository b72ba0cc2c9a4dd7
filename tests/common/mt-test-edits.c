/* mt-test-edits.c: random edits of a tour, recorded, for the merge and
 * sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mt-entity-private.h"
#include "mt-merge.h"
#include "mt-test-edits.h"

typedef struct
{
  char     *id;
  char     *field;
  JsonNode *value;
  MtStamp   stamp;
  guint     index;
} Edit;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_free (edit->id);
  g_free (edit->field);
  json_node_unref (edit->value);
  g_free (edit);
}

static void
record_edit (GPtrArray  *edits,
             MtEntity   *entity,
             const char *field,
             guint       index)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->id = g_strdup (mt_entity_get_id (entity));
  edit->field = g_strdup (field);
  edit->value = mt_entity_dup_field_node (entity, field);
  edit->stamp = _mt_entity_get_private (entity)->stamps[index];
  edit->index = index;
  g_ptr_array_add (edits, edit);
}

void
mt_test_random_edit (MtTour    *tour,
                     GRand     *rand,
                     GPtrArray *edits)
{
  GListModel *visits = mt_tour_get_visits (tour);
  GListModel *groups = mt_tour_get_groups (tour);
  guint n = g_list_model_get_n_items (visits);
  g_autoptr(MtVisit) visit = n > 0 ? g_list_model_get_item (visits, g_rand_int_range (rand, 0, n)) : NULL;

  switch (visit == NULL ? 0 : g_rand_int_range (rand, 0, 6))
    {
    case 0: /* add */
      {
        g_autoptr(MtVisit) added = mt_visit_new (NULL);
        gint64 start = mt_wall_time_new (2024, 5, 14 + g_rand_int_range (rand, 0, 7), g_rand_int_range (rand, 8, 18), 0, 0);

        mt_visit_set_title (added, "Added");
        mt_visit_set_start (added, start);
        mt_visit_set_end (added, start + 3600);
        g_assert_true (mt_tour_add (tour, MT_ENTITY (added), NULL));
      }
      break;
    case 1: /* delete */
      mt_tour_remove (tour, MT_ENTITY (visit));
      break;
    case 2: /* move */
      mt_tour_move_visit (tour, visit, mt_visit_get_start (visit) + 900 * g_rand_int_range (rand, -4, 5));
      record_edit (edits, MT_ENTITY (visit), "start", 3);
      break;
    case 3: /* rename */
      {
        g_autofree char *title = g_strdup_printf ("Title %u", g_rand_int (rand));

        mt_visit_set_title (visit, title);
        record_edit (edits, MT_ENTITY (visit), "title", 0);
      }
      break;
    case 4: /* groups */
      {
        g_autoptr(MtGroup) group = g_list_model_get_item (groups, g_rand_int_range (rand, 0, g_list_model_get_n_items (groups)));
        const char *ids[] = { mt_entity_get_id (MT_ENTITY (group)), NULL };

        mt_visit_set_groups (visit, g_rand_boolean (rand) ? ids : NULL);
      }
      break;
    default: /* status */
      mt_visit_set_status (visit, g_rand_int_range (rand, 0, 3));
      record_edit (edits, MT_ENTITY (visit), "status", 6);
      break;
    }
}

GPtrArray *
mt_test_edits_new (void)
{
  return g_ptr_array_new_with_free_func (edit_free);
}

guint
mt_test_assert_edits_stand (MtTour    *tour,
                            GPtrArray *edits)
{
  guint stand = 0;

  for (guint i = 0; i < edits->len; i++)
    {
      Edit *edit = g_ptr_array_index (edits, i);
      MtEntity *entity = mt_tour_lookup (tour, edit->id);
      g_autoptr(JsonNode) value = NULL;

      if (entity == NULL)
        continue;
      value = mt_entity_dup_field_node (entity, edit->field);
      if (json_node_equal (value, edit->value))
        stand++;
      else
        g_assert_cmpint (mt_stamp_compare (&_mt_entity_get_private (entity)->stamps[edit->index], &edit->stamp), >, 0);
    }
  return stand;
}
