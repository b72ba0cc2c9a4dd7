/* mt-export-dialog.c: Export…, the schedules as files
 *
 * What (the whole tour, a group, one or several delegates) and how
 * (iCalendar, CSV, PDF; the paper; the language), then a file chooser
 * (through the portal where there is one). Several delegates make a folder
 * of personal files, an .ics and a PDF each, named after them; that runs a
 * delegate at a time from the main loop, with a progress bar and Cancel,
 * so a roster of hundreds neither freezes the window nor has to finish.
 * The files are written by the formats' exporters (mt-export-logic.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-export"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-export-dialog.h"
#include "mt-export-resources.h"
#include "mt-toast.h"

struct _MtExportDialog
{
  AdwWindow        parent_instance;

  /* template children */
  GtkButton       *export_button;
  GtkStack        *stack;
  MtScopeChooser  *scope;
  AdwComboRow     *format_row;
  AdwActionRow    *folder_row;
  AdwComboRow     *paper_row;
  AdwComboRow     *language_row;
  GtkLabel        *progress_title;
  GtkProgressBar  *progress_bar;
  GtkLabel        *progress_detail;

  /* owned */
  MtTour          *tour;
  GtkWidget       *parent;       /* weak: where the toast goes */
  GPtrArray       *languages;    /* codes behind the language row */
  GFile           *target;
  GCancellable    *cancellable;
  GStrv            delegates;    /* being exported, one file pair each */
  GHashTable      *names;        /* the names used in the folder */
  guint            next;         /* the next of them */
  guint            idle_id;
};

G_DEFINE_FINAL_TYPE (MtExportDialog, mt_export_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
several (MtExportDialog *self)
{
  g_auto(GStrv) ids = mt_scope_chooser_dup_delegate_ids (self->scope);

  return g_strv_length (ids) > 1;
}

static MtExportFormat
get_format (MtExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), MT_EXPORT_PDF);
}

static MtPaper
get_paper (MtExportDialog *self)
{
  return adw_combo_row_get_selected (self->paper_row) == 1 ? MT_PAPER_LETTER : MT_PAPER_A4;
}

static const char *
get_language (MtExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  return selected < self->languages->len ? g_ptr_array_index (self->languages, selected) : "";
}

static void
update (MtExportDialog *self)
{
  gboolean many = several (self);

  gtk_widget_set_visible (GTK_WIDGET (self->format_row), !many);
  gtk_widget_set_visible (GTK_WIDGET (self->folder_row), many);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), many || get_format (self) == MT_EXPORT_PDF);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export",
                                 mt_scope_chooser_is_complete (self->scope) && self->idle_id == 0);
}

/* Finishing */

static void
finish (MtExportDialog *self,
        gboolean        ok,
        guint           n_files,
        const char     *message)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (message != NULL && self->parent != NULL)
    mt_toast_show (self->parent, message, NULL, NULL);
  g_signal_emit (self, signals[FINISHED], 0, ok, n_files);
  if (ok)
    gtk_window_close (GTK_WINDOW (self));
}

static void
show_error (MtExportDialog *self,
            const GError   *error)
{
  mt_show_error (GTK_WIDGET (self), _("Could Not Export"), error->message);
}

/* One file */

static void
export_file (MtExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = mt_scope_chooser_dup_delegate_ids (self->scope);
  g_autofree char *basename = g_file_get_basename (self->target);
  g_autofree char *message = NULL;
  MtExportScope scope = { mt_scope_chooser_get_group_id (self->scope), ids[0] };
  MtLanguage *language = mt_language_push (get_language (self));
  gboolean ok;

  ok = mt_export_write (self->tour, &scope, get_format (self), get_paper (self), self->target,
                        self->cancellable, &error);
  mt_language_pop (language);
  if (!ok)
    {
      show_error (self, error);
      finish (self, FALSE, 0, NULL);
      return;
    }
  /* Translators: a toast, “%s” is a file's name */
  message = g_strdup_printf (_("Exported “%s”"), basename);
  finish (self, TRUE, 1, message);
}

/* A folder of personal files, a delegate at a time */

static gboolean
export_next (gpointer user_data)
{
  MtExportDialog *self = user_data;
  guint n = g_strv_length (self->delegates);
  g_autoptr(GError) error = NULL;
  MtEntity *delegate;
  MtExportScope scope = { NULL, NULL };
  MtLanguage *language;
  const MtExportFormat formats[] = { MT_EXPORT_ICS, MT_EXPORT_PDF };
  g_autofree char *fraction = NULL;

  if (self->next >= n)
    {
      g_autofree char *folder = g_file_get_basename (self->target);
      /* Translators: a toast, “%s” is a folder's name */
      g_autofree char *message = g_strdup_printf (g_dngettext (NULL, "Exported the schedule of %u delegate to “%s”",
                                                               "Exported the schedules of %u delegates to “%s”", n),
                                                  n, folder);

      self->idle_id = 0;
      finish (self, TRUE, 2 * n, message);
      return G_SOURCE_REMOVE;
    }

  delegate = mt_tour_lookup (self->tour, self->delegates[self->next]);
  scope.delegate_id = self->delegates[self->next];
  language = mt_language_push (get_language (self));
  for (guint f = 0; f < G_N_ELEMENTS (formats) && delegate != NULL && error == NULL; f++)
    {
      g_autofree char *name = mt_export_file_name (mt_entity_get_display_name (delegate), _("Delegate"),
                                                   mt_export_format_extension (formats[f]),
                                                   self->names);
      g_autoptr(GFile) file = g_file_get_child (self->target, name);

      mt_export_write (self->tour, &scope, formats[f], get_paper (self), file, self->cancellable, &error);
    }
  mt_language_pop (language);
  if (error != NULL)
    {
      self->idle_id = 0;
      gtk_stack_set_visible_child_name (self->stack, "form");
      show_error (self, error);
      finish (self, FALSE, 2 * self->next, NULL);
      return G_SOURCE_REMOVE;
    }

  self->next++;
  gtk_progress_bar_set_fraction (self->progress_bar, (double) self->next / n);
  /* Translators: the progress of an export, "12 of 108" */
  fraction = g_strdup_printf (_("%u of %u"), self->next, n);
  gtk_progress_bar_set_text (self->progress_bar, fraction);
  gtk_label_set_text (self->progress_detail, delegate ? mt_entity_get_display_name (delegate) : "");
  return G_SOURCE_CONTINUE;
}

static void
export_folder (MtExportDialog *self)
{
  g_strfreev (self->delegates);
  self->delegates = mt_scope_chooser_dup_delegate_ids (self->scope);
  g_clear_pointer (&self->names, g_hash_table_unref);
  self->names = mt_export_names_new ();
  self->next = 0;

  gtk_label_set_text (self->progress_title, _("Exporting the Delegates’ Schedules"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  /* a delegate at a time, a moment apart and after any redraw */
  self->idle_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 1, export_next, self, NULL);
  update (self);
}

void
mt_export_dialog_export_to (MtExportDialog *self,
                            GFile          *target)
{
  g_return_if_fail (MT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (target));

  if (self->idle_id != 0)
    return;
  g_set_object (&self->target, target);
  g_cancellable_reset (self->cancellable);
  if (several (self))
    export_folder (self);
  else
    export_file (self);
}

/* The file chooser */

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     MtExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      mt_export_dialog_export_to (self, file);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MtExportDialog *self = MT_EXPORT_DIALOG (widget);
  gboolean folder = several (self);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Export to a Folder") : _("Export Schedule"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder_file = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder_file, NULL);
    }
  if (!folder)
    {
      g_autofree char *label = mt_scope_chooser_dup_label (self->scope);
      g_autoptr(GHashTable) names = mt_export_names_new ();
      g_autofree char *name = mt_export_file_name (label, _("Schedule"),
                                                   mt_export_format_extension (get_format (self)), names);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MtExportDialog *self = MT_EXPORT_DIALOG (widget);

  if (self->idle_id != 0)
    {
      guint n = g_strv_length (self->delegates);
      /* Translators: a toast after Cancel, "Exported 12 of 108 schedules before you cancelled" */
      g_autofree char *message = g_strdup_printf (g_dngettext (NULL, "Exported %u of %u schedule before you cancelled",
                                                               "Exported %u of %u schedules before you cancelled", n),
                                                  self->next, n);

      g_cancellable_cancel (self->cancellable);
      finish (self, FALSE, 2 * self->next, message);
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* Setters, for the window and the tests */

MtScopeChooser *
mt_export_dialog_get_scope (MtExportDialog *self)
{
  g_return_val_if_fail (MT_IS_EXPORT_DIALOG (self), NULL);
  return self->scope;
}

void
mt_export_dialog_set_format (MtExportDialog *self,
                             MtExportFormat  format)
{
  g_return_if_fail (MT_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format);
}

void
mt_export_dialog_set_paper (MtExportDialog *self,
                            MtPaper         paper)
{
  g_return_if_fail (MT_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->paper_row, paper == MT_PAPER_LETTER ? 1 : 0);
}

void
mt_export_dialog_set_language (MtExportDialog *self,
                               const char     *language)
{
  g_return_if_fail (MT_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->languages->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->languages, i), language ? language : "") == 0)
      adw_combo_row_set_selected (self->language_row, i);
}

/* GObject */

static void
mt_export_dialog_dispose (GObject *object)
{
  MtExportDialog *self = MT_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->tour);
  g_clear_object (&self->target);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (mt_export_dialog_parent_class)->dispose (object);
}

static void
mt_export_dialog_finalize (GObject *object)
{
  MtExportDialog *self = MT_EXPORT_DIALOG (object);

  g_ptr_array_unref (self->languages);
  g_strfreev (self->delegates);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (mt_export_dialog_parent_class)->finalize (object);
}

static void
mt_export_dialog_class_init (MtExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_export_dialog_dispose;
  object_class->finalize = mt_export_dialog_finalize;

  /**
   * MtExportDialog::finished:
   * @ok: whether every file was written
   * @n_files: how many were
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_UINT);

  g_type_ensure (MT_TYPE_SCOPE_CHOOSER);
  (void) mt_export_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MtExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, MtExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MtExportDialog, scope);
  gtk_widget_class_bind_template_child (widget_class, MtExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, MtExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, MtExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MtExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, MtExportDialog, progress_title);
  gtk_widget_class_bind_template_child (widget_class, MtExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MtExportDialog, progress_detail);
  gtk_widget_class_bind_template_callback (widget_class, update);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
mt_export_dialog_init (MtExportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->languages = mt_language_list ();
  for (guint i = 0; i < self->languages->len; i++)
    gtk_string_list_append (labels, mt_language_label (g_ptr_array_index (self->languages, i)));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (labels));
  g_signal_connect_object (self->scope, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
}

GtkWidget *
mt_export_dialog_new (GtkWindow *parent,
                      MtTour    *tour)
{
  MtExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  self = g_object_new (MT_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->tour = g_object_ref (tour);
  g_set_weak_pointer (&self->parent, GTK_WIDGET (parent));
  mt_scope_chooser_set_tour (self->scope, tour);
  update (self);
  return GTK_WIDGET (self);
}
