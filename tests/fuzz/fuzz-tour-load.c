/* fuzz-tour-load.c: the tour loader on any bytes
 *
 * A file either loads or gives an error in the tour's domain with a
 * message; nothing else (no crash, no warning, no hang, no leak).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "mt-model.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  mt_fuzz_init ();
  tour = mt_tour_load_from_data ((const char *) data, size, "fuzz.mtour", &warnings, &error);
  g_assert ((tour == NULL) == (error != NULL));
  if (error != NULL)
    {
      g_assert (error->domain == MT_TOUR_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL) && error->message[0] != '\0');
    }
  else
    for (guint i = 0; i < warnings->len; i++)
      g_assert (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
  return 0;
}
