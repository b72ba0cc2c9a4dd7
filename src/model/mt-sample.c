/* mt-sample.c: the Guangdong sample tour built into the program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sample"

#include "config.h"

#include "mt-model-resources.h"
#include "mt-tour-file.h"

#define SAMPLE_RESOURCE "/io/github/mediatour/Planner/model/sample.mtour"

/**
 * mt_tour_new_sample:
 *
 * Returns: (transfer full): a new copy of the sample tour: the 2024 media
 *   tour of Guangdong
 */
MtTour *
mt_tour_new_sample (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MtTour *tour;

  bytes = g_resource_lookup_data (mt_model_get_resource (), SAMPLE_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The sample tour is missing from the program: %s", error->message);

  tour = mt_tour_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 SAMPLE_RESOURCE, NULL, &error);
  if (tour == NULL)
    g_error ("The sample tour built into the program is broken: %s", error->message);

  return tour;
}
