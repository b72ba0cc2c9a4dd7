/* mt-feeds-dialog.h: the calendar feeds to hand out to delegates
 *
 * The feed of the whole tour, of each group and of each delegate, as the
 * sync publishes them beside the tour on its server: each with its links
 * (webcal:// for calendar apps, https:// for the web), "Copy" on each,
 * and a QR code of the webcal:// link for a phone's camera. A note says
 * how a phone subscribes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-sync-controller.h"

G_BEGIN_DECLS

#define MT_TYPE_FEEDS_DIALOG (mt_feeds_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MtFeedsDialog, mt_feeds_dialog, MT, FEEDS_DIALOG, AdwWindow)

MtFeedsDialog *mt_feeds_dialog_new       (GtkWindow        *parent,
                                          MtSyncController *controller);
/* for tests: the feeds listed, and the row of feed @index expanded */
guint          mt_feeds_dialog_get_n_feeds (MtFeedsDialog  *self);
GtkWidget     *mt_feeds_dialog_expand    (MtFeedsDialog    *self,
                                          guint             index);

G_END_DECLS
