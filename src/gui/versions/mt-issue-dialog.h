/* mt-issue-dialog.h: "Issue Version…": the plan as it is now, marked as
 * sent to the delegates
 *
 * Names the version it makes ("Issue Version 3"), says how many
 * delegates it goes to and how many of them have changes since their
 * copy, and takes a note for the list of versions. "Issue" records the
 * version as one undoable step and emits ::issued.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-tour.h"

G_BEGIN_DECLS

#define MT_TYPE_ISSUE_DIALOG (mt_issue_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MtIssueDialog, mt_issue_dialog, MT, ISSUE_DIALOG, AdwWindow)

MtIssueDialog *mt_issue_dialog_new (GtkWindow *parent,
                                    MtTour    *tour);

G_END_DECLS
