/* mt-import-dialog.c: Import…, what a calendar or a roster would change,
 * before it does
 *
 * The dialog shows the preview of mt-import-preview.c: a sentence of what
 * the import adds, updates and leaves out, then each item in its group,
 * the left-out ones with their reason. Import applies it as one undoable
 * step and says so in a toast with Undo; Cancel changes nothing. A roster
 * with rows that cannot be read is not imported at all, and its rows are
 * listed to be fixed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-export"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-export-resources.h"
#include "mt-import-dialog.h"
#include "mt-toast.h"

/* rows a group shows at the most; a last one counts the others */
#define MAX_ROWS 300

struct _MtImportDialog
{
  AdwWindow            parent_instance;

  /* template children */
  AdwWindowTitle      *window_title;
  GtkButton           *import_button;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *added_group;
  AdwPreferencesGroup *updated_group;
  AdwPreferencesGroup *left_out_group;

  /* owned */
  MtTour              *tour;
  GtkWidget           *parent;      /* weak: where the toast goes */
  GBytes              *data;
  MtImportPreview     *preview;
};

G_DEFINE_FINAL_TYPE (MtImportDialog, mt_import_dialog, ADW_TYPE_WINDOW)

/* "12 visits to add, 3 to update, 2 left out" as one sentence, by kind */
static char *
summary_text (const MtImportPreview *preview)
{
  g_autofree char *added = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *left_out = NULL;
  gboolean roster = preview->kind == MT_IMPORT_ROSTER;

  if (preview->refused)
    return g_strdup_printf (g_dngettext (NULL,
                                         "%u row of this roster cannot be read. Nothing is imported until it is fixed in the spreadsheet.",
                                         "%u rows of this roster cannot be read. Nothing is imported until they are fixed in the spreadsheet.",
                                         preview->n_left_out),
                            preview->n_left_out);
  if (preview->n_added + preview->n_updated == 0)
    return g_strdup (roster ? _("Every delegate of this roster is in the tour already, as it is.")
                            : _("Every event of this calendar is in the tour already, as it is."));

  added = roster ? g_strdup_printf (g_dngettext (NULL, "%u delegate to add", "%u delegates to add", preview->n_added), preview->n_added)
                 : g_strdup_printf (g_dngettext (NULL, "%u visit to add", "%u visits to add", preview->n_added), preview->n_added);
  updated = g_strdup_printf (g_dngettext (NULL, "%u to update", "%u to update", preview->n_updated), preview->n_updated);
  left_out = g_strdup_printf (g_dngettext (NULL, "%u left out", "%u left out", preview->n_left_out), preview->n_left_out);
  /* Translators: "12 visits to add, 3 to update, 2 left out." */
  return g_strdup_printf (_("%s, %s, %s."), added, updated, left_out);
}

static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (icon != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (group, row);
}

static void
fill (MtImportDialog *self)
{
  const MtImportPreview *preview = self->preview;
  AdwPreferencesGroup *groups[] = { self->added_group, self->updated_group, self->left_out_group };
  const char *icons[] = { "list-add-symbolic", "document-edit-symbolic", "dialog-warning-symbolic" };
  guint shown[3] = { 0, 0, 0 }, total[3] = { 0, 0, 0 };
  g_autofree char *summary = summary_text (preview);
  g_autofree char *heading = NULL;

  /* Translators: the title of the import's preview, “%s” is the file's name */
  heading = g_strdup_printf (_("Import “%s”"), preview->name ? preview->name : "");
  adw_window_title_set_title (self->window_title, heading);
  gtk_window_set_title (GTK_WINDOW (self), heading);
  adw_window_title_set_subtitle (self->window_title,
                                 preview->kind == MT_IMPORT_ROSTER ? _("A roster of delegates")
                                                                  : _("A calendar of visits"));
  adw_preferences_group_set_description (self->summary_group, summary);
  if (preview->n_groups_added > 0)
    {
      g_autofree char *groups_text = g_strdup_printf (g_dngettext (NULL, "The roster names %u group the tour does not have yet; it is added too.",
                                                                   "The roster names %u groups the tour does not have yet; they are added too.",
                                                                   preview->n_groups_added),
                                                      preview->n_groups_added);

      add_row (self->summary_group, groups_text, NULL, "system-users-symbolic");
    }

  if (preview->n_unchanged > 0 && preview->n_added + preview->n_updated > 0)
    {
      g_autofree char *unchanged = g_strdup_printf (g_dngettext (NULL, "%u event is in the tour already, as it is.",
                                                                 "%u events are in the tour already, as they are.",
                                                                 preview->n_unchanged),
                                                    preview->n_unchanged);

      add_row (self->summary_group, unchanged, NULL, "object-select-symbolic");
    }
  /* what the calendar holds that the import does not take */
  for (guint i = 0; preview->notes != NULL && i < MIN (preview->notes->len, MAX_ROWS); i++)
    add_row (self->summary_group, g_ptr_array_index (preview->notes, i), NULL, "dialog-information-symbolic");

  for (guint i = 0; i < preview->items->len; i++)
    {
      const MtImportItem *item = g_ptr_array_index (preview->items, i);

      total[item->change]++;
      if (shown[item->change]++ < MAX_ROWS)
        add_row (groups[item->change],
                 item->change == MT_IMPORT_LEAVE_OUT ? item->detail : item->title,
                 item->change == MT_IMPORT_LEAVE_OUT ? NULL : item->detail,
                 icons[item->change]);
    }
  for (guint c = 0; c < 3; c++)
    {
      if (total[c] > MAX_ROWS)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "… and %u more", "… and %u more", total[c] - MAX_ROWS),
                                                   total[c] - MAX_ROWS);

          add_row (groups[c], more, NULL, NULL);
        }
      gtk_widget_set_visible (GTK_WIDGET (groups[c]), total[c] > 0);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 !preview->refused && preview->n_added + preview->n_updated > 0);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MtImportDialog *self = MT_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gsize length;
  const char *data = g_bytes_get_data (self->data, &length);

  if (!mt_import_apply (self->tour, self->preview->kind, data, length, self->preview->name, &error))
    {
      mt_show_error (GTK_WIDGET (self), _("Could Not Import"), error->message);
      return;
    }

  if (self->preview->kind == MT_IMPORT_ROSTER)
    /* Translators: a toast after a roster's import */
    message = g_strdup_printf (g_dngettext (NULL, "Imported “%s”: %u delegate added, %u updated",
                                            "Imported “%s”: %u delegates added, %u updated", self->preview->n_added),
                               self->preview->name, self->preview->n_added, self->preview->n_updated);
  else
    /* Translators: a toast after a calendar's import */
    message = g_strdup_printf (g_dngettext (NULL, "Imported “%s”: %u visit added, %u updated",
                                            "Imported “%s”: %u visits added, %u updated", self->preview->n_added),
                               self->preview->name, self->preview->n_added, self->preview->n_updated);
  if (self->parent != NULL)
    mt_toast_show_undo (self->parent, message);
  gtk_window_close (GTK_WINDOW (self));
}

const MtImportPreview *
mt_import_dialog_get_preview (MtImportDialog *self)
{
  g_return_val_if_fail (MT_IS_IMPORT_DIALOG (self), NULL);
  return self->preview;
}

static void
mt_import_dialog_dispose (GObject *object)
{
  MtImportDialog *self = MT_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->tour);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (mt_import_dialog_parent_class)->dispose (object);
}

static void
mt_import_dialog_finalize (GObject *object)
{
  MtImportDialog *self = MT_IMPORT_DIALOG (object);

  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->preview, mt_import_preview_free);

  G_OBJECT_CLASS (mt_import_dialog_parent_class)->finalize (object);
}

static void
mt_import_dialog_class_init (MtImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_import_dialog_dispose;
  object_class->finalize = mt_import_dialog_finalize;

  (void) mt_export_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MtImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MtImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, MtImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, MtImportDialog, added_group);
  gtk_widget_class_bind_template_child (widget_class, MtImportDialog, updated_group);
  gtk_widget_class_bind_template_child (widget_class, MtImportDialog, left_out_group);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mt_import_dialog_init (MtImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
}

GtkWidget *
mt_import_dialog_new (GtkWindow   *parent,
                      MtTour      *tour,
                      GBytes      *data,
                      const char  *name,
                      GError     **error)
{
  MtImportDialog *self;
  MtImportPreview *preview;
  gsize length;
  const char *text;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  text = g_bytes_get_data (data, &length);
  preview = mt_import_preview_new (tour, text ? text : "", length, name, error);
  if (preview == NULL)
    return NULL;

  self = g_object_new (MT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->tour = g_object_ref (tour);
  self->data = g_bytes_ref (data);
  self->preview = preview;
  g_set_weak_pointer (&self->parent, GTK_WIDGET (parent));
  fill (self);
  return GTK_WIDGET (self);
}
