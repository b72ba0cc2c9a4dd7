/* mt-print-dialog.c: Print…, the itinerary on paper, with its preview
 *
 * Whose itinerary (the whole tour, a group, one or several delegates), the
 * paper and the language, beside a preview of its pages; Print… hands it to
 * GtkPrintOperation. The preview and the printer draw the same pages with
 * the formats' print code (mt_print_job_draw_page()), on the whole sheet,
 * in points, as the PDF export does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-export"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-export-resources.h"
#include "mt-print-dialog.h"
#include "mt-toast.h"

struct _MtPrintDialog
{
  AdwWindow        parent_instance;

  /* template children */
  GtkButton       *print_button;
  GtkDrawingArea  *preview;
  GtkLabel        *page_label;
  MtScopeChooser  *scope;
  AdwComboRow     *paper_row;
  AdwComboRow     *language_row;

  /* owned */
  MtTour          *tour;
  GPtrArray       *languages;
  MtPrintJob      *job;        /* for the preview; NULL when none can be made */
  GError          *job_error;
  guint            n_pages;
  guint            page;
};

G_DEFINE_FINAL_TYPE (MtPrintDialog, mt_print_dialog, ADW_TYPE_WINDOW)

static MtPaper
get_paper (MtPrintDialog *self)
{
  return adw_combo_row_get_selected (self->paper_row) == 1 ? MT_PAPER_LETTER : MT_PAPER_A4;
}

static const char *
get_language (MtPrintDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  return selected < self->languages->len ? g_ptr_array_index (self->languages, selected) : "";
}

/* a new job for the choice made; NULL with @error where it is not complete */
static MtPrintJob *
new_job (MtPrintDialog *self,
         GError       **error)
{
  g_auto(GStrv) delegates = mt_scope_chooser_dup_delegate_ids (self->scope);

  if (!mt_scope_chooser_is_complete (self->scope))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose the group or the delegates whose itinerary to print."));
      return NULL;
    }
  return mt_print_job_new (self->tour, mt_scope_chooser_get_group_id (self->scope),
                           (const char * const *) delegates, error);
}

static void
update_page (MtPrintDialog *self)
{
  g_autofree char *text = NULL;

  if (self->n_pages > 0)
    /* Translators: under the print preview, "Page 2 of 14" */
    text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->page_label, text ? text : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "print.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "print.next-page", self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "print.print", self->job != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
refresh (MtPrintDialog *self)
{
  MtLanguage *language;
  double width, height;

  if (self->tour == NULL)
    return;
  g_clear_pointer (&self->job, mt_print_job_free);
  g_clear_error (&self->job_error);
  self->job = new_job (self, &self->job_error);
  self->n_pages = 0;
  if (self->job != NULL)
    {
      mt_paper_get_size (get_paper (self), &width, &height);
      language = mt_language_push (get_language (self));
      self->n_pages = mt_print_job_get_n_pages (self->job, width, height);
      mt_language_pop (language);
    }
  self->page = MIN (self->page, self->n_pages ? self->n_pages - 1 : 0);
  update_page (self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             area_width,
              int             area_height,
              gpointer        user_data)
{
  MtPrintDialog *self = user_data;
  MtLanguage *language;
  double width, height, scale, x, y;

  if (self->job == NULL || self->n_pages == 0)
    {
      g_autoptr(PangoLayout) layout = NULL;
      GdkRGBA color;

      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (area),
                                               self->job_error ? self->job_error->message : "");
      pango_layout_set_width (layout, (area_width - 48) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_move_to (cr, 24, area_height / 2.0 - 12);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  mt_paper_get_size (get_paper (self), &width, &height);
  scale = MIN ((area_width - 48) / width, (area_height - 48) / height);
  x = (area_width - width * scale) / 2;
  y = (area_height - height * scale) / 2;

  /* the sheet, with a shadow */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 2, y + 3, width * scale, height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, width * scale, height * scale);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  language = mt_language_push (get_language (self));
  mt_print_job_draw_page (self->job, cr, self->page, width, height);
  mt_language_pop (language);
  cairo_restore (cr);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MtPrintDialog *self = MT_PRINT_DIALOG (widget);

  if (self->page > 0)
    self->page--;
  update_page (self);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MtPrintDialog *self = MT_PRINT_DIALOG (widget);

  if (self->page + 1 < self->n_pages)
    self->page++;
  update_page (self);
}

/* The print operation */

typedef struct
{
  MtPrintJob *job;
  char       *language;
  gboolean    close_after;  /* printed from the printing dialog */
} Printing;

static void
printing_free (gpointer data)
{
  Printing *printing = data;

  mt_print_job_free (printing->job);
  g_free (printing->language);
  g_free (printing);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Printing          *printing)
{
  MtLanguage *language = mt_language_push (printing->language);

  gtk_print_operation_set_n_pages (operation,
                                   MAX (1, mt_print_job_get_n_pages (printing->job,
                                                                     gtk_print_context_get_width (context),
                                                                     gtk_print_context_get_height (context))));
  mt_language_pop (language);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Printing          *printing)
{
  MtLanguage *language = mt_language_push (printing->language);

  mt_print_job_draw_page (printing->job, gtk_print_context_get_cairo_context (context), page,
                          gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  mt_language_pop (language);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         MtPrintDialog           *self)
{
  Printing *printing = g_object_get_data (G_OBJECT (operation), "printing");
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      mt_show_error (GTK_WIDGET (self), _("Could Not Print"), error ? error->message : NULL);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && printing->close_after)
    gtk_window_close (GTK_WINDOW (self));
}

GtkPrintOperationResult
mt_print_dialog_run (MtPrintDialog          *self,
                     GtkPrintOperationAction action,
                     GFile                  *export_file,
                     GError                **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *label = NULL;
  Printing *printing;

  g_return_val_if_fail (MT_IS_PRINT_DIALOG (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || G_IS_FILE (export_file),
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  printing = g_new0 (Printing, 1);
  printing->language = g_strdup (get_language (self));
  printing->job = new_job (self, error);
  if (printing->job == NULL)
    {
      printing_free (printing);
      return GTK_PRINT_OPERATION_RESULT_ERROR;
    }

  operation = gtk_print_operation_new ();
  label = mt_scope_chooser_dup_label (self->scope);
  gtk_print_operation_set_job_name (operation, label);
  paper = gtk_paper_size_new (get_paper (self) == MT_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* the itinerary has its own margins, as in the PDF */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (action == GTK_PRINT_OPERATION_ACTION_EXPORT)
    {
      g_autofree char *path = g_file_get_path (export_file);

      gtk_print_operation_set_export_filename (operation, path);
    }
  else
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      printing->close_after = TRUE;
    }

  g_object_set_data_full (G_OBJECT (operation), "printing", printing, printing_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), printing);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), printing);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_done), self, 0);
  return gtk_print_operation_run (operation, action, GTK_WINDOW (self), error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MtPrintDialog *self = MT_PRINT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (mt_print_dialog_run (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    mt_show_error (GTK_WIDGET (self), _("Could Not Print"), error->message);
}

/* Public */

MtScopeChooser *
mt_print_dialog_get_scope (MtPrintDialog *self)
{
  g_return_val_if_fail (MT_IS_PRINT_DIALOG (self), NULL);
  return self->scope;
}

void
mt_print_dialog_set_paper (MtPrintDialog *self,
                           MtPaper        paper)
{
  g_return_if_fail (MT_IS_PRINT_DIALOG (self));
  adw_combo_row_set_selected (self->paper_row, paper == MT_PAPER_LETTER ? 1 : 0);
}

void
mt_print_dialog_set_language (MtPrintDialog *self,
                              const char    *language)
{
  g_return_if_fail (MT_IS_PRINT_DIALOG (self));

  for (guint i = 0; i < self->languages->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->languages, i), language ? language : "") == 0)
      adw_combo_row_set_selected (self->language_row, i);
}

guint
mt_print_dialog_get_n_pages (MtPrintDialog *self)
{
  g_return_val_if_fail (MT_IS_PRINT_DIALOG (self), 0);
  return self->n_pages;
}

guint
mt_print_dialog_get_page (MtPrintDialog *self)
{
  g_return_val_if_fail (MT_IS_PRINT_DIALOG (self), 0);
  return self->page;
}

/* GObject */

static void
mt_print_dialog_dispose (GObject *object)
{
  MtPrintDialog *self = MT_PRINT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_PRINT_DIALOG);
  g_clear_pointer (&self->job, mt_print_job_free);
  g_clear_object (&self->tour);

  G_OBJECT_CLASS (mt_print_dialog_parent_class)->dispose (object);
}

static void
mt_print_dialog_finalize (GObject *object)
{
  MtPrintDialog *self = MT_PRINT_DIALOG (object);

  g_ptr_array_unref (self->languages);
  g_clear_error (&self->job_error);

  G_OBJECT_CLASS (mt_print_dialog_parent_class)->finalize (object);
}

static void
mt_print_dialog_class_init (MtPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_print_dialog_dispose;
  object_class->finalize = mt_print_dialog_finalize;

  g_type_ensure (MT_TYPE_SCOPE_CHOOSER);
  (void) mt_export_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MtPrintDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, MtPrintDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, MtPrintDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, MtPrintDialog, scope);
  gtk_widget_class_bind_template_child (widget_class, MtPrintDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MtPrintDialog, language_row);
  gtk_widget_class_bind_template_callback (widget_class, refresh);

  gtk_widget_class_install_action (widget_class, "print.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "print.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "print.next-page", NULL, next_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "print.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "print.next-page", NULL);
}

static void
mt_print_dialog_init (MtPrintDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->languages = mt_language_list ();
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < self->languages->len; i++)
    gtk_string_list_append (labels, mt_language_label (g_ptr_array_index (self->languages, i)));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (labels));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect_object (self->scope, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->print_button));
}

GtkWidget *
mt_print_dialog_new (GtkWindow *parent,
                     MtTour    *tour)
{
  MtPrintDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  self = g_object_new (MT_TYPE_PRINT_DIALOG, "transient-for", parent, NULL);
  self->tour = g_object_ref (tour);
  mt_scope_chooser_set_tour (self->scope, tour);
  refresh (self);
  return GTK_WIDGET (self);
}
