/* mt-qr-code.h: a QR code of a text, drawn with GtkSnapshot
 *
 * Black modules on white with the quiet zone the standard asks for,
 * whatever the style (a phone's camera wants the contrast), as large as
 * the widget allows in whole pixels per module. Encoded by libqrencode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MT_TYPE_QR_CODE (mt_qr_code_get_type ())
G_DECLARE_FINAL_TYPE (MtQrCode, mt_qr_code, MT, QR_CODE, GtkWidget)

GtkWidget  *mt_qr_code_new          (const char *text);
const char *mt_qr_code_get_text     (MtQrCode   *self);
void        mt_qr_code_set_text     (MtQrCode   *self,
                                     const char *text);
/* modules per side without the quiet zone; 0 where @text did not encode */
guint       mt_qr_code_get_n_modules (MtQrCode  *self);
/* whether the module at @x, @y is dark: for tests */
gboolean    mt_qr_code_get_module   (MtQrCode   *self,
                                     guint       x,
                                     guint       y);

G_END_DECLS
