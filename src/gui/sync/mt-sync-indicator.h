/* mt-sync-indicator.h: the sync state in the header bar
 *
 * One short line (an icon and "Synced at 15:30", "Offline · 3 edits
 * waiting", "2 conflicts", "Wrong password"), the whole of it in the
 * tooltip, and where a sync failed a retry button beside it (win.sync-now).
 * The line is a toggle: it opens the changes panel. Hidden while the tour
 * is not shared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mt-sync-controller.h"

G_BEGIN_DECLS

#define MT_TYPE_SYNC_INDICATOR (mt_sync_indicator_get_type ())
G_DECLARE_FINAL_TYPE (MtSyncIndicator, mt_sync_indicator, MT, SYNC_INDICATOR, GtkWidget)

void             mt_sync_indicator_set_controller (MtSyncIndicator  *self,
                                                   MtSyncController *controller);
/* the toggle that opens the changes panel */
GtkToggleButton *mt_sync_indicator_get_toggle     (MtSyncIndicator  *self);
/* the line shown, for tests */
const char      *mt_sync_indicator_get_text       (MtSyncIndicator  *self);
gboolean         mt_sync_indicator_get_can_retry  (MtSyncIndicator  *self);

/* the style of the sync widgets, added to the display once */
void             mt_sync_ui_ensure_style          (void);

G_END_DECLS
