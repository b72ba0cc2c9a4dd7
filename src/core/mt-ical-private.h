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

G_END_DECLS
