/* mt-ical-out-private.h: what the iCalendar export takes from its helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-ical.h"

G_BEGIN_DECLS

/* the zone over the wall-clock times @first to @last (mt-ical-zone.c) */
char       *_mt_ical_zone_dup_vtimezone (const char  *tzid,
                                         gint64       first,
                                         gint64       last,
                                         GError     **error);
/* the CSS colour keyword nearest to "#rrggbb" (mt-ical-color.c) */
const char *_mt_ical_color_name         (const char  *color);

G_END_DECLS
