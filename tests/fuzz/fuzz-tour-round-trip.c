/* fuzz-tour-round-trip.c: a tour that loads is checked, exported, saved
 * and loaded again, and the second save is the first byte for byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "mt-checker.h"
#include "mt-csv.h"
#include "mt-ical.h"
#include "mt-model.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(MtTour) again = NULL;
  g_autoptr(MtChecker) checker = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) ics = NULL;
  g_autoptr(GBytes) schedule = NULL;
  g_autoptr(GBytes) roster = NULL;
  g_autoptr(GError) error = NULL;
  const int days[] = { -1, 0, 1, 6, 400 };

  mt_fuzz_init ();
  tour = mt_tour_load_from_data ((const char *) data, size, "fuzz.mtour", NULL, NULL);
  if (tour == NULL)
    return 0;

  /* the whole check, then some days again as after an edit */
  checker = mt_checker_new (tour);
  mt_checker_check (checker);
  mt_checker_check_days (checker, days, G_N_ELEMENTS (days));
  for (guint i = 0, n = g_list_model_get_n_items (mt_checker_get_problems (checker)); i < n; i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (mt_checker_get_problems (checker), i);

      g_assert (g_utf8_validate (mt_problem_get_message (problem), -1, NULL));
    }

  ics = mt_ical_export_to_bytes (tour, NULL, NULL, &error);
  g_assert (ics != NULL && error == NULL);
  schedule = mt_csv_export_schedule (tour, NULL, NULL, &error);
  g_assert (schedule != NULL && error == NULL);
  roster = mt_csv_export_roster (tour);

  first = mt_tour_save_to_bytes (tour);
  again = mt_tour_load_from_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                  "saved.mtour", NULL, &error);
  if (again == NULL)
    g_error ("what was saved does not load: %s\n%.*s", error->message,
             (int) MIN (g_bytes_get_size (first), 2000), (const char *) g_bytes_get_data (first, NULL));
  second = mt_tour_save_to_bytes (again);
  mt_fuzz_assert_same_bytes (first, second, "save, load, save");
  return 0;
}
