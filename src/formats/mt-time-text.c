/* mt-time-text.c: times as the printouts and digests write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-formats"

#include "config.h"

#include "mt-time-text.h"
#include "mt-wall-time.h"

char *
mt_time_text_hour (gint64 wall)
{
  int hour, minute;

  mt_wall_time_split (wall, NULL, NULL, NULL, &hour, &minute, NULL);
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

char *
mt_time_text_span (gint64 start,
                   gint64 end)
{
  g_autofree char *from = mt_time_text_hour (start);
  g_autofree char *to = NULL;

  if (end == MT_TIME_UNSET || end <= start)
    return g_steal_pointer (&from);
  to = mt_time_text_hour (end);
  return g_strdup_printf ("%s–%s", from, to);
}
