/* mt-print-dialog.h: Print…, the itinerary on paper, with its preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-export-logic.h"
#include "mt-scope-chooser.h"

G_BEGIN_DECLS

#define MT_TYPE_PRINT_DIALOG (mt_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MtPrintDialog, mt_print_dialog, MT, PRINT_DIALOG, AdwWindow)

GtkWidget      *mt_print_dialog_new          (GtkWindow     *parent,
                                              MtTour        *tour);
MtScopeChooser *mt_print_dialog_get_scope    (MtPrintDialog *self);
void            mt_print_dialog_set_paper    (MtPrintDialog *self,
                                              MtPaper        paper);
/* "" for the app's own language, "en", "zh_CN" */
void            mt_print_dialog_set_language (MtPrintDialog *self,
                                              const char    *language);
/* the pages the preview shows, and the one it shows (from 0) */
guint           mt_print_dialog_get_n_pages  (MtPrintDialog *self);
guint           mt_print_dialog_get_page     (MtPrintDialog *self);
/* Runs the print operation: @action GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG
 * shows the printing dialog (Print… does this); _EXPORT writes a PDF to
 * @export_file instead, through the same drawing. */
GtkPrintOperationResult mt_print_dialog_run  (MtPrintDialog          *self,
                                              GtkPrintOperationAction action,
                                              GFile                  *export_file,
                                              GError                **error);

G_END_DECLS
