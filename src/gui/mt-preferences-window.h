/* mt-preferences-window.h: the application's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MT_TYPE_PREFERENCES_WINDOW (mt_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (MtPreferencesWindow, mt_preferences_window, MT, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* bound to the GSettings schema APP_ID; changes apply at once */
GtkWidget *mt_preferences_window_new (GtkWindow *parent);

G_END_DECLS
