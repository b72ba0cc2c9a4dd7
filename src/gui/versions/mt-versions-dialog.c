/* mt-versions-dialog.c: the versions issued, and what changed for a
 * delegate since one of them
 *
 * The list is bound to the tour's versions, so a version issued from the
 * dialog, undone or come in by a sync shows at once; the digest below is
 * worked out again when the delegate, the version or the versions change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-versions-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-issue-dialog.h"
#include "mt-versions-dialog.h"
#include "mt-versions-ui-resources.h"
#include "mt-versions-words.h"

struct _MtVersionsDialog
{
  AdwWindow            parent_instance;

  /* template children */
  GtkListBox          *versions_list;
  AdwComboRow         *delegate_row;
  AdwComboRow         *since_row;
  GtkLabel            *digest_label;

  /* owned */
  MtTour              *tour;
  GtkStringList       *since_names;  /* "Their last copy", then each version */
  GPtrArray           *since_versions; /* MtVersion, one per name after the first */
};

G_DEFINE_FINAL_TYPE (MtVersionsDialog, mt_versions_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
create_version_row (gpointer item,
                    gpointer user_data)
{
  MtVersionsDialog *self = user_data;
  MtVersion *version = MT_VERSION (item);
  g_autofree char *label = mt_tour_dup_version_label (self->tour, version);
  g_autofree char *sent = mt_versions_words_sent (self->tour, version);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  if (mt_version_get_note (version) != NULL)
    {
      /* Translators: when and by whom a version was sent, then its note */
      g_autofree char *subtitle = g_strdup_printf (_("%s · “%s”"), sent, mt_version_get_note (version));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sent);
  gtk_widget_set_name (row, mt_version_get_id (version));
  return row;
}

static void
update_digest (MtVersionsDialog *self)
{
  g_autoptr(MtDelegate) delegate = adw_combo_row_get_selected_item (self->delegate_row)
                                   ? g_object_ref (adw_combo_row_get_selected_item (self->delegate_row)) : NULL;
  guint since_index = adw_combo_row_get_selected (self->since_row);
  MtVersion *since = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (g_list_model_get_n_items (mt_tour_get_versions (self->tour)) == 0)
    {
      gtk_label_set_text (self->digest_label,
                          _("Once a version is issued, this shows what changed for each delegate since their copy."));
      return;
    }
  if (delegate == NULL)
    {
      gtk_label_set_text (self->digest_label, _("The tour has no delegates."));
      return;
    }
  if (since_index != GTK_INVALID_LIST_POSITION && since_index > 0 && since_index <= self->since_versions->len)
    since = g_ptr_array_index (self->since_versions, since_index - 1);
  text = mt_versions_words_digest (self->tour, mt_entity_get_id (MT_ENTITY (delegate)), since, &error);
  gtk_label_set_text (self->digest_label, text != NULL ? g_strchomp (text) : error->message);
}

/* "Their last copy", then each version not withdrawn */
static void
update_since (MtVersionsDialog *self)
{
  GListModel *versions = mt_tour_get_versions (self->tour);
  MtVersion *selected = NULL;
  guint index = adw_combo_row_get_selected (self->since_row);
  guint n = g_list_model_get_n_items (versions), keep = 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (index != GTK_INVALID_LIST_POSITION && index > 0 && index <= self->since_versions->len)
    selected = g_object_ref (g_ptr_array_index (self->since_versions, index - 1));
  g_ptr_array_set_size (self->since_versions, 0);
  g_ptr_array_add (names, g_strdup (_("Their last copy")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MtVersion) version = g_list_model_get_item (versions, i);

      if (version == selected)
        keep = i + 1;
      g_ptr_array_add (self->since_versions, g_object_ref (version));
      g_ptr_array_add (names, mt_tour_dup_version_label (self->tour, version));
    }
  g_ptr_array_add (names, NULL);
  g_clear_object (&selected);

  g_signal_handlers_block_by_func (self->since_row, update_digest, self);
  gtk_string_list_splice (self->since_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->since_names)),
                          (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->since_row, keep);
  g_signal_handlers_unblock_by_func (self->since_row, update_digest, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->since_row), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delegate_row), n > 0);
}

static void
on_versions_changed (MtVersionsDialog *self)
{
  update_since (self);
  update_digest (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MtVersionsDialog *self = MT_VERSIONS_DIALOG (widget);

  gtk_window_present (GTK_WINDOW (mt_issue_dialog_new (GTK_WINDOW (self), self->tour)));
}

static char *
delegate_name (MtDelegate *delegate,
               gpointer    unused)
{
  return g_strdup (delegate != NULL ? mt_entity_get_display_name (MT_ENTITY (delegate)) : "");
}

static void
mt_versions_dialog_dispose (GObject *object)
{
  MtVersionsDialog *self = MT_VERSIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_VERSIONS_DIALOG);
  g_clear_object (&self->tour);
  g_clear_object (&self->since_names);
  g_clear_pointer (&self->since_versions, g_ptr_array_unref);
  G_OBJECT_CLASS (mt_versions_dialog_parent_class)->dispose (object);
}

static void
mt_versions_dialog_class_init (MtVersionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_versions_dialog_dispose;

  (void) mt_versions_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/versions/mt-versions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MtVersionsDialog, versions_list);
  gtk_widget_class_bind_template_child (widget_class, MtVersionsDialog, delegate_row);
  gtk_widget_class_bind_template_child (widget_class, MtVersionsDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, MtVersionsDialog, digest_label);
  gtk_widget_class_install_action (widget_class, "versions.issue", NULL, issue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mt_versions_dialog_init (MtVersionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->since_names = gtk_string_list_new (NULL);
  self->since_versions = g_ptr_array_new_with_free_func (g_object_unref);
}

MtVersionsDialog *
mt_versions_dialog_new (GtkWindow *parent,
                        MtTour    *tour)
{
  MtVersionsDialog *self;
  GtkWidget *placeholder;
  GtkExpression *expression;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  self = g_object_new (MT_TYPE_VERSIONS_DIALOG, "transient-for", parent, NULL);
  self->tour = g_object_ref (tour);

  placeholder = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (placeholder),
                                 _("No version of the plan has been issued yet."));
  gtk_list_box_set_placeholder (self->versions_list, placeholder);
  gtk_list_box_bind_model (self->versions_list, mt_tour_get_versions (tour), create_version_row, self, NULL);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (delegate_name), NULL, NULL);
  adw_combo_row_set_expression (self->delegate_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->delegate_row, mt_tour_get_delegates (tour));
  adw_combo_row_set_model (self->since_row, G_LIST_MODEL (self->since_names));

  update_since (self);
  update_digest (self);
  g_signal_connect_object (self->delegate_row, "notify::selected", G_CALLBACK (update_digest), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->since_row, "notify::selected", G_CALLBACK (update_digest), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (mt_tour_get_versions (tour), "items-changed", G_CALLBACK (on_versions_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}

void
mt_versions_dialog_select_delegate (MtVersionsDialog *self,
                                    const char       *delegate_id)
{
  GListModel *delegates;

  g_return_if_fail (MT_IS_VERSIONS_DIALOG (self));

  delegates = mt_tour_get_delegates (self->tour);
  for (guint i = 0, n = g_list_model_get_n_items (delegates); i < n; i++)
    {
      g_autoptr(MtEntity) delegate = g_list_model_get_item (delegates, i);

      if (g_strcmp0 (mt_entity_get_id (delegate), delegate_id) == 0)
        {
          adw_combo_row_set_selected (self->delegate_row, i);
          return;
        }
    }
}

void
mt_versions_dialog_select_since (MtVersionsDialog *self,
                                 MtVersion        *version)
{
  g_return_if_fail (MT_IS_VERSIONS_DIALOG (self));

  for (guint i = 0; i < self->since_versions->len; i++)
    if (g_ptr_array_index (self->since_versions, i) == version)
      {
        adw_combo_row_set_selected (self->since_row, i + 1);
        return;
      }
  adw_combo_row_set_selected (self->since_row, 0);
}

guint
mt_versions_dialog_get_n_versions (MtVersionsDialog *self)
{
  g_return_val_if_fail (MT_IS_VERSIONS_DIALOG (self), 0);
  return g_list_model_get_n_items (mt_tour_get_versions (self->tour));
}

const char *
mt_versions_dialog_get_digest_text (MtVersionsDialog *self)
{
  g_return_val_if_fail (MT_IS_VERSIONS_DIALOG (self), NULL);
  return gtk_label_get_text (self->digest_label);
}
