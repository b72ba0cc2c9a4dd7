/* mt-qr-code.c: a QR code of a text, drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include <string.h>

#include <qrencode.h>

#include "mt-qr-code.h"

/* modules of white around the code, as the standard asks */
#define QUIET_ZONE 4
/* the smallest module that a phone reads from a screen at arm's length */
#define MIN_MODULE_PX 4

struct _MtQrCode
{
  GtkWidget  parent_instance;

  char      *text;
  QRcode    *code;
};

G_DEFINE_FINAL_TYPE (MtQrCode, mt_qr_code, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
side_modules (MtQrCode *self)
{
  return self->code != NULL ? self->code->width + 2 * QUIET_ZONE : 0;
}

static void
mt_qr_code_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  MtQrCode *self = MT_QR_CODE (widget);

  *minimum = side_modules (self) * MIN_MODULE_PX;
  *natural = side_modules (self) * (MIN_MODULE_PX + 1);
}

static void
mt_qr_code_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  MtQrCode *self = MT_QR_CODE (widget);
  const GdkRGBA white = { 1, 1, 1, 1 };
  const GdkRGBA black = { 0, 0, 0, 1 };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int side = side_modules (self);
  int module, x0, y0, n;

  if (self->code == NULL || side == 0)
    return;
  /* whole pixels per module: sharp edges for the camera */
  module = MAX (1, MIN (width, height) / side);
  x0 = (width - module * side) / 2;
  y0 = (height - module * side) / 2;
  gtk_snapshot_append_color (snapshot, &white, &GRAPHENE_RECT_INIT (x0, y0, module * side, module * side));

  n = self->code->width;
  for (int y = 0; y < n; y++)
    for (int x = 0; x < n;)
      {
        int run = 0;

        /* a row's dark modules side by side make one rectangle */
        while (x + run < n && (self->code->data[y * n + x + run] & 1))
          run++;
        if (run == 0)
          {
            x++;
            continue;
          }
        gtk_snapshot_append_color (snapshot, &black,
                                   &GRAPHENE_RECT_INIT (x0 + (x + QUIET_ZONE) * module,
                                                        y0 + (y + QUIET_ZONE) * module,
                                                        run * module, module));
        x += run;
      }
}

void
mt_qr_code_set_text (MtQrCode   *self,
                     const char *text)
{
  g_return_if_fail (MT_IS_QR_CODE (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->code, QRcode_free);
  if (text != NULL && text[0] != '\0')
    /* level M: a smudged screen still reads */
    self->code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (self->code == NULL && text != NULL && text[0] != '\0')
    g_message ("Could not make a QR code of a text of %zu bytes", strlen (text));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
mt_qr_code_finalize (GObject *object)
{
  MtQrCode *self = MT_QR_CODE (object);

  g_free (self->text);
  g_clear_pointer (&self->code, QRcode_free);
  G_OBJECT_CLASS (mt_qr_code_parent_class)->finalize (object);
}

static void
mt_qr_code_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, MT_QR_CODE (object)->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_qr_code_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT:
      mt_qr_code_set_text (MT_QR_CODE (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_qr_code_class_init (MtQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mt_qr_code_finalize;
  object_class->get_property = mt_qr_code_get_property;
  object_class->set_property = mt_qr_code_set_property;
  widget_class->measure = mt_qr_code_measure;
  widget_class->snapshot = mt_qr_code_snapshot;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "qrcode");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mt_qr_code_init (MtQrCode *self)
{
}

GtkWidget *
mt_qr_code_new (const char *text)
{
  return g_object_new (MT_TYPE_QR_CODE, "text", text, NULL);
}

const char *
mt_qr_code_get_text (MtQrCode *self)
{
  g_return_val_if_fail (MT_IS_QR_CODE (self), NULL);
  return self->text;
}

guint
mt_qr_code_get_n_modules (MtQrCode *self)
{
  g_return_val_if_fail (MT_IS_QR_CODE (self), 0);
  return self->code != NULL ? (guint) self->code->width : 0;
}

gboolean
mt_qr_code_get_module (MtQrCode *self,
                       guint     x,
                       guint     y)
{
  g_return_val_if_fail (MT_IS_QR_CODE (self), FALSE);
  g_return_val_if_fail (x < mt_qr_code_get_n_modules (self) && y < mt_qr_code_get_n_modules (self), FALSE);
  return self->code->data[y * (guint) self->code->width + x] & 1;
}
