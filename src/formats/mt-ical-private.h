/* mt-ical-private.h: what the iCalendar files share inside the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libical-glib/libical-glib.h>

G_BEGIN_DECLS

/* libical-glib 3.0 declares no cleanup functions of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalProperty, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalParameter, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalDuration, g_object_unref)

/* What the import's first pass learnt of one VEVENT: its first line and
 * the line of the first occurrence of each property. */
typedef struct
{
  guint       begin_line;
  GHashTable *lines; /* upper-case name → line, as GUINT_TO_POINTER */
} EventLines;

/* The first pass over a calendar (mt-ical-scan.c) */
typedef struct
{
  GPtrArray *stack;      /* of "NAME" strings, upper case */
  GArray    *stack_line; /* of guint, the BEGIN's line */
  GPtrArray *events;     /* of EventLines */
  guint      n_logical;
  gboolean   ended;      /* the outermost component was closed */
} Scan;

void      _mt_ical_event_lines_free (EventLines  *event);
/* the line of @property in @event, or of its BEGIN where it has none */
guint     _mt_ical_event_line_of    (EventLines  *event,
                                     const char  *property);
/* unfolds and checks the content lines of @data, filling @scan; an error
 * names the line */
gboolean  _mt_ical_scan_file        (Scan        *scan,
                                     const char  *data,
                                     GError     **error);

G_END_DECLS
