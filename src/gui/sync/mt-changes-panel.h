/* mt-changes-panel.h: what the syncs brought in, and the conflicts
 *
 * At the top the sync state in full, with "Sync Now" and the account;
 * then the conflicts, each with both values side by side and "Keep This
 * One" under each; then the changes from others, newest first: a click on
 * one emits "item-activated" with the item's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-sync-controller.h"

G_BEGIN_DECLS

#define MT_TYPE_CHANGES_PANEL (mt_changes_panel_get_type ())
G_DECLARE_FINAL_TYPE (MtChangesPanel, mt_changes_panel, MT, CHANGES_PANEL, AdwBin)

void        mt_changes_panel_set_controller  (MtChangesPanel   *self,
                                              MtSyncController *controller);
/* for tests: the "Keep This One" button of conflict @index, under the
 * value that lost (@lost) or the one the tour holds */
GtkWidget  *mt_changes_panel_get_keep_button (MtChangesPanel   *self,
                                              guint             index,
                                              gboolean          lost);
/* the row of change @index (0: the newest) */
GtkWidget  *mt_changes_panel_get_change_row  (MtChangesPanel   *self,
                                              guint             index);

G_END_DECLS
