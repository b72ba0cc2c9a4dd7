/* mt-time-text.h: times as the printouts and digests write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "09:30" of a wall-clock time */
char *mt_time_text_hour (gint64 wall);
/* "09:30–11:00", or "09:30" where it has no end after its start */
char *mt_time_text_span (gint64 start,
                         gint64 end);

G_END_DECLS
