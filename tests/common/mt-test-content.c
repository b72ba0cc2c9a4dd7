/* mt-test-content.c: a tour's content as the user sees it, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "mt-test-content.h"

static const char * const moving[] = { "revision", "stamp", "stamps", "replicas", NULL };

static void
strip (JsonObject *object)
{
  for (guint i = 0; moving[i] != NULL; i++)
    if (json_object_has_member (object, moving[i]))
      json_object_remove_member (object, moving[i]);
}

char *
mt_test_content_of (MtTour *tour)
{
  g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  strip (root);

  for (MtEntityKind kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      const char *member = mt_entity_kind_get_member (kind);
      JsonArray *entities = json_object_get_array_member (root, member);
      g_autoptr(JsonArray) alive = json_array_new ();

      for (guint i = 0; i < json_array_get_length (entities); i++)
        {
          JsonObject *entity = json_array_get_object_element (entities, i);

          if (json_object_has_member (entity, "deleted"))
            continue;
          strip (entity);
          json_array_add_object_element (alive, json_object_ref (entity));
        }
      json_object_set_array_member (root, member, g_steal_pointer (&alive));
    }
  return json_to_string (json_parser_get_root (parser), TRUE);
}

MtVisit *
mt_test_find_visit (MtTour     *tour,
                    const char *title)
{
  GListModel *visits = mt_tour_get_visits (tour);

  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);

      if (g_strcmp0 (mt_visit_get_title (visit), title) == 0)
        return visit;  /* the tour holds it */
    }
  return NULL;
}
