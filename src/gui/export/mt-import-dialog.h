/* mt-import-dialog.h: Import…, what a calendar or a roster would change,
 * before it does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-import-preview.h"

G_BEGIN_DECLS

#define MT_TYPE_IMPORT_DIALOG (mt_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MtImportDialog, mt_import_dialog, MT, IMPORT_DIALOG, AdwWindow)

/* The preview of importing @data, the file @name, into @tour; NULL with
 * @error set for a file that cannot be read at all. */
GtkWidget             *mt_import_dialog_new         (GtkWindow      *parent,
                                                     MtTour         *tour,
                                                     GBytes         *data,
                                                     const char     *name,
                                                     GError        **error);
const MtImportPreview *mt_import_dialog_get_preview (MtImportDialog *self);

G_END_DECLS
