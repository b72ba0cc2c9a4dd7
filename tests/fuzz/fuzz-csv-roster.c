/* fuzz-csv-roster.c: the CSV roster importer on any bytes
 *
 * An import either fails with an error and leaves the tour as it was, or
 * changes it in one undoable step into a tour that saves and loads back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-base-tour.h"
#include "mt-csv.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GPtrArray) bad_rows = NULL;
  g_autoptr(GError) error = NULL;
  MtCsvImport result;
  gboolean ok;

  mt_fuzz_init ();
  tour = fuzz_base_tour (&before);
  ok = mt_csv_import_roster (tour, (const char *) data, size, "fuzz.csv", &result, &bad_rows, &error);
  g_assert (ok == (error == NULL));
  g_assert (ok || g_utf8_validate (error->message, -1, NULL));
  fuzz_check_after_import (tour, before, ok);
  return 0;
}
