/* mt-export-dialog.h: Export…, the schedules as files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-export-logic.h"
#include "mt-scope-chooser.h"

G_BEGIN_DECLS

#define MT_TYPE_EXPORT_DIALOG (mt_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MtExportDialog, mt_export_dialog, MT, EXPORT_DIALOG, AdwWindow)

GtkWidget      *mt_export_dialog_new          (GtkWindow      *parent,
                                               MtTour         *tour);
MtScopeChooser *mt_export_dialog_get_scope    (MtExportDialog *self);
void            mt_export_dialog_set_format   (MtExportDialog *self,
                                               MtExportFormat  format);
void            mt_export_dialog_set_paper    (MtExportDialog *self,
                                               MtPaper         paper);
/* "" for the app's own language, "en", "zh_CN" */
void            mt_export_dialog_set_language (MtExportDialog *self,
                                               const char     *language);
/* Exports to @target, as Export… does after its file chooser: a file, or
 * a folder where several delegates are chosen. Emits "finished". */
void            mt_export_dialog_export_to    (MtExportDialog *self,
                                               GFile          *target);

G_END_DECLS
