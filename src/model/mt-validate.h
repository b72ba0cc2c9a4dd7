/* mt-validate.h: the bounds of what a tour may hold
 *
 * Shared by the tour file's reader, the setters that take what a user
 * typed, and the importers: a time zone id is checked before anything
 * touches the file system with it, and dates are kept to years GLib's date
 * arithmetic and every export handle. Each check sets an error that names
 * @field and the value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MT_TOUR_FIRST_YEAR 1900
#define MT_TOUR_LAST_YEAR 2200
#define MT_TOUR_MAX_DAYS 366
/* the longest IANA name is about 32 characters */
#define MT_TIME_ZONE_ID_MAX 64

/* An IANA name (Area/Location: letters, digits, "_", "+" and "-", each part
 * starting with a letter) of a zone file in the system's zone database;
 * nothing but the pattern is looked at before the pattern passes. */
gboolean mt_validate_time_zone (const char  *id,
                                const char  *field,
                                GError     **error);
/* a wall time (mt-wall-time.h) in the years MT_TOUR_FIRST_YEAR to
 * MT_TOUR_LAST_YEAR */
gboolean mt_validate_wall_time (gint64       time,
                                const char  *field,
                                GError     **error);
gboolean mt_validate_n_days    (gint64       n_days,
                                const char  *field,
                                GError     **error);

/* An entity's id: not empty, no control characters (it becomes a UID in
 * the iCalendar exports, where they cannot be written) */
gboolean mt_validate_id        (const char  *id,
                                const char  *field,
                                GError     **error);
/* The first character of @text that iCalendar TEXT cannot hold (a control
 * character but newline and tab), or 0 */
gunichar mt_text_find_control  (const char  *text);

/* The first @max_chars characters of UTF-8 @text, with "…" where it goes
 * on: for messages that quote what was read (cut at a byte, a message
 * could end in half a character) */
char    *mt_text_excerpt       (const char  *text,
                                guint        max_chars);

G_END_DECLS
