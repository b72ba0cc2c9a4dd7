/* mt-test-lookup.c: finding an item of a tour by its name, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mt-test-lookup.h"

gpointer
mt_test_lookup_named (MtTour       *tour,
                      MtEntityKind  kind,
                      const char   *prefix)
{
  GListModel *items = mt_tour_get_entities (tour, kind);

  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(MtEntity) item = g_list_model_get_item (items, i);
      const char *name = mt_entity_get_display_name (item);

      if (name != NULL && g_str_has_prefix (name, prefix))
        return item;  /* the tour keeps it */
    }
  g_error ("the tour has no %s named “%s…”", mt_entity_kind_get_member (kind), prefix);
}
