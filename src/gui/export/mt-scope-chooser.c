/* mt-scope-chooser.c: whose schedule an export or a printout shows
 *
 * The delegates are chosen in an MtDelegateChecklist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-export"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-export-resources.h"
#include "mt-delegate-checklist.h"
#include "mt-scope-chooser.h"

struct _MtScopeChooser
{
  AdwPreferencesGroup  parent_instance;

  /* template children */
  AdwComboRow         *kind_row;
  AdwComboRow         *group_row;
  MtDelegateChecklist *checklist;

  /* owned */
  MtTour              *tour;
  GPtrArray           *group_ids;
};

G_DEFINE_FINAL_TYPE (MtScopeChooser, mt_scope_chooser, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (MtScopeChooser *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_kind_changed (MtScopeChooser *self)
{
  MtScopeKind kind = mt_scope_chooser_get_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->group_row), kind == MT_SCOPE_GROUP);
  gtk_widget_set_visible (GTK_WIDGET (self->checklist), kind == MT_SCOPE_DELEGATES);
  emit_changed (self);
}

/* Public */

void
mt_scope_chooser_set_tour (MtScopeChooser *self,
                           MtTour         *tour)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *groups;

  g_return_if_fail (MT_IS_SCOPE_CHOOSER (self));
  g_return_if_fail (MT_IS_TOUR (tour));
  g_return_if_fail (self->tour == NULL);

  self->tour = g_object_ref (tour);
  groups = mt_tour_get_groups (tour);
  for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
    {
      g_autoptr(MtGroup) group = g_list_model_get_item (groups, i);

      g_ptr_array_add (self->group_ids, g_strdup (mt_entity_get_id (MT_ENTITY (group))));
      gtk_string_list_append (names, mt_group_get_name (group) ? mt_group_get_name (group) : "");
    }
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (names));
  mt_delegate_checklist_set_tour (self->checklist, tour);
}

MtScopeKind
mt_scope_chooser_get_kind (MtScopeChooser *self)
{
  g_return_val_if_fail (MT_IS_SCOPE_CHOOSER (self), MT_SCOPE_TOUR);
  return MIN (adw_combo_row_get_selected (self->kind_row), MT_SCOPE_DELEGATES);
}

void
mt_scope_chooser_set_kind (MtScopeChooser *self,
                           MtScopeKind     kind)
{
  g_return_if_fail (MT_IS_SCOPE_CHOOSER (self));
  adw_combo_row_set_selected (self->kind_row, kind);
}

const char *
mt_scope_chooser_get_group_id (MtScopeChooser *self)
{
  guint selected;

  g_return_val_if_fail (MT_IS_SCOPE_CHOOSER (self), NULL);

  selected = adw_combo_row_get_selected (self->group_row);
  if (mt_scope_chooser_get_kind (self) != MT_SCOPE_GROUP || selected >= self->group_ids->len)
    return NULL;
  return g_ptr_array_index (self->group_ids, selected);
}

void
mt_scope_chooser_select_group (MtScopeChooser *self,
                               const char     *group_id)
{
  g_return_if_fail (MT_IS_SCOPE_CHOOSER (self));

  for (guint i = 0; i < self->group_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->group_ids, i), group_id) == 0)
      adw_combo_row_set_selected (self->group_row, i);
  mt_scope_chooser_set_kind (self, MT_SCOPE_GROUP);
}

GStrv
mt_scope_chooser_dup_delegate_ids (MtScopeChooser *self)
{
  g_return_val_if_fail (MT_IS_SCOPE_CHOOSER (self), NULL);

  if (mt_scope_chooser_get_kind (self) != MT_SCOPE_DELEGATES)
    return g_new0 (char *, 1);
  return mt_delegate_checklist_dup_chosen (self->checklist);
}

void
mt_scope_chooser_select_delegate (MtScopeChooser *self,
                                  const char     *delegate_id,
                                  gboolean        add)
{
  g_return_if_fail (MT_IS_SCOPE_CHOOSER (self));

  mt_scope_chooser_set_kind (self, MT_SCOPE_DELEGATES);
  mt_delegate_checklist_choose (self->checklist, delegate_id, add);
}

gboolean
mt_scope_chooser_is_complete (MtScopeChooser *self)
{
  g_return_val_if_fail (MT_IS_SCOPE_CHOOSER (self), FALSE);

  switch (mt_scope_chooser_get_kind (self))
    {
    case MT_SCOPE_GROUP:
      return mt_scope_chooser_get_group_id (self) != NULL;
    case MT_SCOPE_DELEGATES:
      return mt_delegate_checklist_get_n_chosen (self->checklist) > 0;
    case MT_SCOPE_TOUR:
    default:
      return TRUE;
    }
}

char *
mt_scope_chooser_dup_label (MtScopeChooser *self)
{
  g_auto(GStrv) ids = NULL;
  MtEntity *entity;
  const char *title;

  g_return_val_if_fail (MT_IS_SCOPE_CHOOSER (self), NULL);

  switch (mt_scope_chooser_get_kind (self))
    {
    case MT_SCOPE_GROUP:
      entity = mt_tour_lookup (self->tour, mt_scope_chooser_get_group_id (self));
      return g_strdup (entity && mt_entity_get_display_name (entity) ? mt_entity_get_display_name (entity) : "");
    case MT_SCOPE_DELEGATES:
      ids = mt_scope_chooser_dup_delegate_ids (self);
      if (g_strv_length (ids) == 1)
        {
          entity = mt_tour_lookup (self->tour, ids[0]);
          return g_strdup (entity && mt_entity_get_display_name (entity) ? mt_entity_get_display_name (entity) : "");
        }
      /* Translators: what a folder of personal schedules holds */
      return g_strdup_printf (g_dngettext (NULL, "%u delegate", "%u delegates", g_strv_length (ids)),
                              g_strv_length (ids));
    case MT_SCOPE_TOUR:
    default:
      title = mt_tour_get_title (self->tour);
      return g_strdup (title && *title ? title : _("Untitled Tour"));
    }
}

/* GObject */

static void
mt_scope_chooser_dispose (GObject *object)
{
  MtScopeChooser *self = MT_SCOPE_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_SCOPE_CHOOSER);
  g_clear_object (&self->tour);

  G_OBJECT_CLASS (mt_scope_chooser_parent_class)->dispose (object);
}

static void
mt_scope_chooser_finalize (GObject *object)
{
  MtScopeChooser *self = MT_SCOPE_CHOOSER (object);

  g_ptr_array_unref (self->group_ids);

  G_OBJECT_CLASS (mt_scope_chooser_parent_class)->finalize (object);
}

static void
mt_scope_chooser_class_init (MtScopeChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_scope_chooser_dispose;
  object_class->finalize = mt_scope_chooser_finalize;

  /**
   * MtScopeChooser::changed:
   *
   * The choice changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (MT_TYPE_DELEGATE_CHECKLIST);
  (void) mt_export_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-scope-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, MtScopeChooser, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MtScopeChooser, group_row);
  gtk_widget_class_bind_template_child (widget_class, MtScopeChooser, checklist);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, emit_changed);
}

static void
mt_scope_chooser_init (MtScopeChooser *self)
{
  self->group_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
