/* mt-share-dialog.h: "Share…" and "Open Shared Tour…"
 *
 * The account (server folder or tour address, user, password), the server
 * check with its verdict in plain words, and then the upload of the tour
 * (sharing) or its download into a new window (opening). Sharing a tour
 * that is shared already changes its account, or stops it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-sync-controller.h"

G_BEGIN_DECLS

#define MT_TYPE_SHARE_DIALOG (mt_share_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MtShareDialog, mt_share_dialog, MT, SHARE_DIALOG, AdwWindow)

/* shares the tour of @controller, which has a file */
MtShareDialog *mt_share_dialog_new_share       (GtkWindow        *parent,
                                                MtSyncController *controller);
/* Opens a shared tour: emits MtShareDialog::tour-opened with the tour
 * fetched into its own file, or with NULL and the file where the tour was
 * fetched before. */
MtShareDialog *mt_share_dialog_new_open        (GtkWindow        *parent);

/* the verdict of the server check shown, or NULL before one: for tests */
const char    *mt_share_dialog_get_verdict     (MtShareDialog    *self);
gboolean       mt_share_dialog_get_busy        (MtShareDialog    *self);

G_END_DECLS
