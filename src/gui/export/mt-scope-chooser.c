/* mt-scope-chooser.c: whose schedule an export or a printout shows
 *
 * The delegates are a list view over the tour's delegates sorted by name and
 * filtered by the search; which are chosen is a set of ids, which the check
 * box of each row shows and changes, so that a search hides no choice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-export"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-export-resources.h"
#include "mt-scope-chooser.h"

struct _MtScopeChooser
{
  AdwPreferencesGroup parent_instance;

  /* template children */
  AdwComboRow        *kind_row;
  AdwComboRow        *group_row;
  GtkWidget          *delegates_box;
  GtkSearchEntry     *search_entry;
  GtkListView        *delegates_list;
  GtkLabel           *count_label;

  /* owned */
  MtTour             *tour;
  GtkStringFilter    *filter;
  GtkFilterListModel *shown;
  GPtrArray          *group_ids;
  GHashTable         *chosen;     /* delegate id */
  GHashTable         *checks;     /* delegate id → its row's GtkCheckButton, borrowed */
};

G_DEFINE_FINAL_TYPE (MtScopeChooser, mt_scope_chooser, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_count (MtScopeChooser *self)
{
  guint n = g_hash_table_size (self->chosen);
  guint total = self->tour ? mt_tour_count (self->tour, MT_ENTITY_DELEGATE) : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("Choose the delegates whose schedules you want."));
  else if (n == 1)
    text = g_strdup (_("One delegate chosen."));
  else
    /* Translators: "5 of 108 delegates chosen" */
    text = g_strdup_printf (g_dngettext (NULL, "%u of %u delegate chosen.", "%u of %u delegates chosen.", total),
                            n, total);
  gtk_label_set_text (self->count_label, text);
}

static void
emit_changed (MtScopeChooser *self)
{
  update_count (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_kind_changed (MtScopeChooser *self)
{
  MtScopeKind kind = mt_scope_chooser_get_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->group_row), kind == MT_SCOPE_GROUP);
  gtk_widget_set_visible (self->delegates_box, kind == MT_SCOPE_DELEGATES);
  emit_changed (self);
}

/* The delegates' rows */

static char *
delegate_search_text (MtDelegate *delegate)
{
  return g_strdup_printf ("%s %s", delegate && mt_delegate_get_name (delegate) ? mt_delegate_get_name (delegate) : "",
                          delegate && mt_delegate_get_outlet (delegate) ? mt_delegate_get_outlet (delegate) : "");
}

static void
on_check_toggled (GtkCheckButton *check,
                  MtScopeChooser *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "delegate-id");
  gboolean active = gtk_check_button_get_active (check);

  if (id == NULL || active == g_hash_table_contains (self->chosen, id))
    return;
  if (active)
    g_hash_table_add (self->chosen, g_strdup (id));
  else
    g_hash_table_remove (self->chosen, id);
  emit_changed (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MtScopeChooser           *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *outlet = gtk_label_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (outlet), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (outlet), 1);
  gtk_widget_set_hexpand (outlet, TRUE);
  gtk_widget_add_css_class (outlet, "dim-label");
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), name);
  gtk_widget_set_hexpand (check, TRUE);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), outlet);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 12);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, 0);
  g_object_set_data (G_OBJECT (item), "check", check);
  g_object_set_data (G_OBJECT (item), "outlet", outlet);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          MtScopeChooser           *self)
{
  MtDelegate *delegate = gtk_list_item_get_item (item);
  GtkCheckButton *check = g_object_get_data (G_OBJECT (item), "check");
  const char *id = mt_entity_get_id (MT_ENTITY (delegate));
  const char *name = mt_delegate_get_name (delegate);

  g_object_set_data_full (G_OBJECT (check), "delegate-id", g_strdup (id), g_free);
  gtk_label_set_text (GTK_LABEL (gtk_check_button_get_child (check)), name ? name : "");
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "outlet"),
                      mt_delegate_get_outlet (delegate) ? mt_delegate_get_outlet (delegate) : "");
  gtk_check_button_set_active (check, g_hash_table_contains (self->chosen, id));
  g_hash_table_insert (self->checks, g_strdup (id), check);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MtScopeChooser           *self)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (item), "check");
  const char *id = g_object_get_data (G_OBJECT (check), "delegate-id");

  if (id != NULL && g_hash_table_lookup (self->checks, id) == check)
    g_hash_table_remove (self->checks, id);
  g_object_set_data (G_OBJECT (check), "delegate-id", NULL);
}

/* the rows on screen show the set again */
static void
sync_checks (MtScopeChooser *self)
{
  GHashTableIter iter;
  gpointer id, check;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &id, &check))
    gtk_check_button_set_active (check, g_hash_table_contains (self->chosen, id));
}

static void
on_search_changed (MtScopeChooser *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_all_clicked (MtScopeChooser *self)
{
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->shown)); i < n; i++)
    {
      g_autoptr(MtEntity) delegate = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      g_hash_table_add (self->chosen, g_strdup (mt_entity_get_id (delegate)));
    }
  sync_checks (self);
  emit_changed (self);
}

static void
on_none_clicked (MtScopeChooser *self)
{
  g_hash_table_remove_all (self->chosen);
  sync_checks (self);
  emit_changed (self);
}

/* Public */

void
mt_scope_chooser_set_tour (MtScopeChooser *self,
                           MtTour         *tour)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkExpression *expression;
  GtkSortListModel *sorted;
  GtkNoSelection *selection;
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

  expression = gtk_property_expression_new (MT_TYPE_DELEGATE, NULL, "name");
  sorted = gtk_sort_list_model_new (g_object_ref (mt_tour_get_delegates (tour)),
                                    GTK_SORTER (gtk_string_sorter_new (expression)));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (delegate_search_text), NULL, NULL);
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->delegates_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  update_count (self);
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
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *all;

  g_return_val_if_fail (MT_IS_SCOPE_CHOOSER (self), NULL);

  if (mt_scope_chooser_get_kind (self) == MT_SCOPE_DELEGATES && self->shown != NULL)
    {
      /* in the list's order: by name */
      all = gtk_filter_list_model_get_model (self->shown);
      for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
        {
          g_autoptr(MtEntity) delegate = g_list_model_get_item (all, i);

          if (g_hash_table_contains (self->chosen, mt_entity_get_id (delegate)))
            g_strv_builder_add (builder, mt_entity_get_id (delegate));
        }
    }
  return g_strv_builder_end (builder);
}

void
mt_scope_chooser_select_delegate (MtScopeChooser *self,
                                  const char     *delegate_id,
                                  gboolean        add)
{
  g_return_if_fail (MT_IS_SCOPE_CHOOSER (self));

  if (!add)
    g_hash_table_remove_all (self->chosen);
  if (delegate_id != NULL)
    g_hash_table_add (self->chosen, g_strdup (delegate_id));
  sync_checks (self);
  mt_scope_chooser_set_kind (self, MT_SCOPE_DELEGATES);
  emit_changed (self);
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
      return g_hash_table_size (self->chosen) > 0;
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
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->tour);
  g_clear_pointer (&self->checks, g_hash_table_unref);

  G_OBJECT_CLASS (mt_scope_chooser_parent_class)->dispose (object);
}

static void
mt_scope_chooser_finalize (GObject *object)
{
  MtScopeChooser *self = MT_SCOPE_CHOOSER (object);

  g_ptr_array_unref (self->group_ids);
  g_hash_table_unref (self->chosen);

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

  (void) mt_export_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-scope-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, MtScopeChooser, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MtScopeChooser, group_row);
  gtk_widget_class_bind_template_child (widget_class, MtScopeChooser, delegates_box);
  gtk_widget_class_bind_template_child (widget_class, MtScopeChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MtScopeChooser, delegates_list);
  gtk_widget_class_bind_template_child (widget_class, MtScopeChooser, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, emit_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_all_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_none_clicked);
}

static void
mt_scope_chooser_init (MtScopeChooser *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->group_ids = g_ptr_array_new_with_free_func (g_free);
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->delegates_list, factory);
  g_object_unref (factory);
}
