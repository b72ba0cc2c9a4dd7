/* fuzz-merge.c: two tours merged both ways give the same bytes
 *
 * The input is two tour files separated by a NUL byte (which no tour file
 * holds). Where both load, A takes in B and B takes in A, each from a
 * fresh copy as a sync would read it; the two results must save to the
 * same bytes, and merging again must change nothing. The merge's own rules
 * are in src/model/mt-merge.c; this target only holds it to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "mt-merge.h"
#include "mt-model.h"

/* a fixed reference clock: 2024-06-01, so every run is the same */
#define REFERENCE_MS G_GINT64_CONSTANT (1717200000000)

static MtTour *
load (const char *data,
      gsize       length)
{
  return mt_tour_load_from_data (data, length, "fuzz.mtour", NULL, NULL);
}

static GBytes *
merged (const char *into,
        gsize       into_length,
        const char *from,
        gsize       from_length)
{
  g_autoptr(MtTour) tour = load (into, into_length);
  g_autoptr(MtTour) other = load (from, from_length);
  g_autoptr(MtMergeReport) report = NULL;

  g_assert (tour != NULL && other != NULL);
  report = mt_tour_merge (tour, other, NULL, REFERENCE_MS, "Merge");
  g_assert (report != NULL);
  return mt_tour_save_to_bytes (tour);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *a = (const char *) data;
  const char *nul = memchr (data, '\0', size);
  const char *b;
  gsize a_length, b_length;
  g_autoptr(MtTour) tour_a = NULL;
  g_autoptr(MtTour) tour_b = NULL;
  g_autoptr(GBytes) ab = NULL;
  g_autoptr(GBytes) ba = NULL;
  g_autoptr(GBytes) again = NULL;

  mt_fuzz_init ();
  if (nul == NULL)
    return 0;
  a_length = nul - a;
  b = nul + 1;
  b_length = size - a_length - 1;
  tour_a = load (a, a_length);
  tour_b = load (b, b_length);
  if (tour_a == NULL || tour_b == NULL)
    return 0;

  ab = merged (a, a_length, b, b_length);
  ba = merged (b, b_length, a, a_length);
  mt_fuzz_assert_same_bytes (ab, ba, "A merged with B, and B with A");

  /* idempotent: what both now hold, merged once more, is the same */
  again = merged (g_bytes_get_data (ab, NULL), g_bytes_get_size (ab),
                  g_bytes_get_data (ba, NULL), g_bytes_get_size (ba));
  mt_fuzz_assert_same_bytes (ab, again, "merged again");
  return 0;
}
