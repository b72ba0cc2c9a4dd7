/* fuzz-base-tour.h: the small tour the import targets read into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "mt-model.h"
#include "mt-test-content.h"

/* A small tour in Europe/Berlin, with sites, groups, delegates, visits and
 * an interview to match, written out so that loading a new copy for each
 * input costs little */
#define FUZZ_BASE_TOUR \
  "{\"format\":1,\"title\":\"Base\",\"time-zone\":\"Europe/Berlin\",\"first-day\":\"2024-03-30\",\"n-days\":7," \
  "\"cities\":[{\"id\":\"c1\",\"name\":\"Berlin\",\"latitude\":52.5,\"longitude\":13.4}]," \
  "\"sites\":[{\"id\":\"s1\",\"city\":\"c1\",\"name\":\"Tower\",\"local-name\":\"Turm\",\"address\":\"Alexanderplatz\"}," \
  "{\"id\":\"s2\",\"city\":\"c1\",\"name\":\"Lab\",\"capacity\":10}]," \
  "\"groups\":[{\"id\":\"g1\",\"name\":\"Coach A\"},{\"id\":\"g2\",\"name\":\"TV crews\"}]," \
  "\"delegates\":[{\"id\":\"d1\",\"name\":\"Wang Fang\",\"outlet\":\"Xinhua\",\"group\":\"g1\"}," \
  "{\"id\":\"d2\",\"name\":\"Li Wei\",\"outlet\":\"CCTV\",\"group\":\"g2\",\"role\":\"camera\"}]," \
  "\"visits\":[{\"id\":\"00000000-0000-4000-8000-000000000401\",\"title\":\"Opening\",\"site\":\"s1\"," \
  "\"start\":\"2024-03-31T02:00\",\"end\":\"2024-03-31T03:30\",\"status\":\"confirmed\"}," \
  "{\"id\":\"v2\",\"title\":\"Lab tour\",\"site\":\"s2\",\"groups\":[\"g2\"],\"kind\":\"briefing\"," \
  "\"start\":\"2024-04-01T10:00\",\"end\":\"2024-04-01T11:00\",\"status\":\"tentative\"}]," \
  "\"interviews\":[{\"id\":\"i1\",\"interviewee\":\"Dr Zhou\",\"delegates\":[\"d1\"],\"visit\":\"v2\"," \
  "\"start\":\"2024-04-01T10:15\",\"end\":\"2024-04-01T10:45\"}]}"

static inline MtTour *
fuzz_base_tour (GBytes **saved)
{
  static GBytes *bytes;
  MtTour *tour;

  if (g_once_init_enter (&bytes))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MtTour) base = mt_tour_load_from_data (FUZZ_BASE_TOUR, -1, "base.mtour", NULL, &error);

      if (base == NULL)
        g_error ("%s", error->message);
      g_once_init_leave (&bytes, mt_tour_save_to_bytes (base));
    }
  tour = mt_tour_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 "base.mtour", NULL, NULL);
  g_assert (tour != NULL);
  *saved = g_bytes_ref (bytes);
  return tour;
}

/* What an import left in @tour saves and loads back to the same bytes;
 * where the import failed, the tour is what it was. */
static inline void
fuzz_check_after_import (MtTour   *tour,
                         GBytes   *before,
                         gboolean  imported)
{
  g_autoptr(GBytes) first = mt_tour_save_to_bytes (tour);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(MtTour) again = NULL;
  g_autoptr(GError) error = NULL;

  if (!imported)
    {
      mt_fuzz_assert_same_bytes (before, first, "a refused import changed the tour");
      return;
    }
  again = mt_tour_load_from_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                  "saved.mtour", NULL, &error);
  if (again == NULL)
    g_error ("the tour after the import does not load: %s", error->message);
  second = mt_tour_save_to_bytes (again);
  mt_fuzz_assert_same_bytes (first, second, "import, save, load, save");

  /* one undo takes the whole import back: what the user sees is what it
   * was (the merge stamps move on, and deleted items are kept) */
  if (mt_history_can_undo (mt_tour_get_history (tour)))
    {
      g_autoptr(MtTour) original = mt_tour_load_from_data (g_bytes_get_data (before, NULL),
                                                           g_bytes_get_size (before), "base.mtour", NULL, NULL);
      g_autofree char *expected = mt_test_content_of (original);
      g_autofree char *undone = NULL;

      mt_history_undo (mt_tour_get_history (tour));
      undone = mt_test_content_of (tour);
      if (strcmp (expected, undone) != 0)
        {
          g_autoptr(GBytes) a = g_bytes_new_static (expected, strlen (expected));
          g_autoptr(GBytes) b = g_bytes_new_static (undone, strlen (undone));

          mt_fuzz_assert_same_bytes (a, b, "undoing the import");
        }
    }
}
