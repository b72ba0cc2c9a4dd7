/* fuzz-ical-import.c: the iCalendar importer on any bytes
 *
 * An import either fails with an error and leaves the tour as it was, or
 * changes it in one undoable step into a tour that saves and loads back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "fuzz-base-tour.h"
#include "mt-ical.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GError) error = NULL;
  MtIcalImport result;
  gboolean ok;

  mt_fuzz_init ();
  tour = fuzz_base_tour (&before);
  ok = mt_ical_import_data (tour, (const char *) data, size, "fuzz.ics", NULL, &result, &error);
  g_assert (ok == (error == NULL));
  g_assert (ok || g_utf8_validate (error->message, -1, NULL));
  for (guint i = 0; i < result.problems->len; i++)
    g_assert (g_utf8_validate (g_ptr_array_index (result.problems, i), -1, NULL));
  for (guint i = 0; i < result.notes->len; i++)
    g_assert (g_utf8_validate (g_ptr_array_index (result.notes, i), -1, NULL));
  g_assert (result.n_left_out == result.problems->len);
  mt_ical_import_clear (&result);

  /* the tour's own export, read back into it, changes nothing */
  if (ok)
    {
      g_autoptr(GBytes) exported = mt_ical_export_to_bytes (tour, NULL, NULL, NULL);
      MtIcalImport again;

      g_assert (exported != NULL);
      if (!mt_ical_import_data (tour, g_bytes_get_data (exported, NULL), g_bytes_get_size (exported),
                                "exported.ics", NULL, &again, &error))
        g_error ("the tour's own export does not import: %s", error->message);
      if (again.n_added != 0 || again.n_updated != 0)
        g_error ("the tour's own export, imported into it, added %u and updated %u",
                 again.n_added, again.n_updated);
      mt_ical_import_clear (&again);
    }

  fuzz_check_after_import (tour, before, ok);
  return 0;
}
