/* mt-versions-dialog.h: the versions of the plan issued to the
 * delegates, and what changed for a delegate since one of them
 *
 * The list names each version issued and not withdrawn, when it was sent,
 * by whom, to how many delegates, and its note; "Issue Version…" opens
 * the issue dialog. Below, for the delegate chosen, what changed since
 * the version chosen (by default the last one they received), in the
 * words of the message they would be sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-tour.h"

G_BEGIN_DECLS

#define MT_TYPE_VERSIONS_DIALOG (mt_versions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MtVersionsDialog, mt_versions_dialog, MT, VERSIONS_DIALOG, AdwWindow)

MtVersionsDialog *mt_versions_dialog_new               (GtkWindow        *parent,
                                                        MtTour           *tour);
/* shows what changed for @delegate_id */
void              mt_versions_dialog_select_delegate   (MtVersionsDialog *self,
                                                        const char       *delegate_id);
/* shows what changed since @version (NULL: each one's last copy) */
void              mt_versions_dialog_select_since      (MtVersionsDialog *self,
                                                        MtVersion        *version);
/* for tests: the versions listed, and the words of the digest shown */
guint             mt_versions_dialog_get_n_versions    (MtVersionsDialog *self);
const char       *mt_versions_dialog_get_digest_text   (MtVersionsDialog *self);

G_END_DECLS
