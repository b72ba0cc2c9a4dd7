/* mt-delegates-page.c: the delegates and their groups
 *
 * A column view over the tour's delegates, filtered by a search and a group
 * and sorted by the column the user picks, beside a list of the groups with
 * their colour and size. Every edit (the editor's Save, a deletion, a
 * group's new name or colour) is one undoable step; the window shows a toast
 * with Undo for each, so nothing here asks for confirmation. Import CSV…
 * is the window's Import…, which shows what a roster would change first.
 * The editor is in mt-delegates-page-editor.c, the groups' list in
 * mt-delegates-page-groups.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-delegates-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-column-view.h"
#include "mt-delegates-page.h"
#include "mt-pages-resources.h"
#include "mt-itinerary-model.h"
#include "mt-page-logic.h"
#include "mt-toast.h"
#include "mt-delegates-page-private.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_OUTLET,
  COLUMN_ROLE,
  COLUMN_GROUP,
  COLUMN_LANGUAGES,
  COLUMN_NEEDS,
} Column;

struct _MtDelegatesPage
{
  AdwBin              parent_instance;

  /* template children */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *group_dropdown;
  GtkLabel           *count_label;
  GtkButton          *import_button;
  GtkColumnView      *column_view;
  GtkListBox         *groups_list;
  GtkStack           *stack;
  GtkActionBar       *selection_bar;
  GtkLabel           *selection_label;
  GtkMenuButton      *move_button;

  /* owned */
  MtTour             *tour;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkMultiSelection  *selection;
  GtkFilter          *filter;
  GPtrArray          *sorters;        /* GtkSorter, one per column */
  GPtrArray          *filter_groups;  /* ids behind the dropdown; NULL: all, "": none */
  GtkStringList      *filter_names;
  GtkCssProvider     *css;
  char               *folded_query;
  char               *group_filter;
  guint               refresh_id;
  guint               groups_dirty : 1;
};

static void mt_delegates_page_tour_view_init (MtTourViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MtDelegatesPage, mt_delegates_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MT_TYPE_TOUR_VIEW, mt_delegates_page_tour_view_init))

MtGroup *
_mt_delegates_page_lookup_group (MtDelegatesPage *self,
                                 const char      *id)
{
  if (self->tour == NULL || id == NULL)
    return NULL;
  return mt_tour_lookup_kind (self->tour, MT_ENTITY_GROUP, id);
}

static char *
cell_text (MtDelegatesPage *self,
           Column           column,
           MtDelegate      *delegate)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (mt_page_nonnull (mt_delegate_get_name (delegate)));
    case COLUMN_OUTLET:
      return g_strdup (mt_page_nonnull (mt_delegate_get_outlet (delegate)));
    case COLUMN_ROLE:
      return g_strdup (mt_page_role_label (mt_delegate_get_role (delegate)));
    case COLUMN_GROUP:
      {
        MtGroup *group = _mt_delegates_page_lookup_group (self, mt_delegate_get_group (delegate));

        return g_strdup (group != NULL ? mt_page_nonnull (mt_group_get_name (group)) : "");
      }
    case COLUMN_LANGUAGES:
      return mt_page_join_list (mt_delegate_get_languages (delegate));
    case COLUMN_NEEDS:
      return mt_page_delegate_needs (delegate);
    default:
      g_assert_not_reached ();
    }
}

/* --- cells ---------------------------------------------------------------- */

static void
update_cell (GtkListItem *item)
{
  MtDelegatesPage *self = g_object_get_data (G_OBJECT (item), "page");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column"));
  MtDelegate *delegate = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (delegate == NULL || label == NULL)
    return;
  text = cell_text (self, column, delegate);
  gtk_label_set_label (GTK_LABEL (label), text);

  if (column == COLUMN_GROUP)
    {
      const char *group_id = mt_delegate_get_group (delegate);
      g_autofree char *klass = NULL;
      char *old = g_object_get_data (G_OBJECT (label), "group-class");

      if (old != NULL)
        gtk_widget_remove_css_class (label, old);
      if (group_id != NULL && *text != '\0')
        {
          klass = mt_itinerary_group_class (group_id);
          gtk_widget_add_css_class (label, klass);
        }
      gtk_widget_set_visible (label, *text != '\0');
      g_object_set_data_full (G_OBJECT (label), "group-class", g_steal_pointer (&klass), g_free);
    }
}

static void
on_item_notify (GtkListItem *item)
{
  update_cell (item);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MtDelegatesPage          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_GROUP)
    {
      gtk_widget_add_css_class (label, "group-chip");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
    }
  if (column == COLUMN_NAME)
    gtk_widget_add_css_class (label, "heading");
  gtk_list_item_set_child (item, label);
  g_object_set_data (G_OBJECT (item), "page", self);
  g_object_set_data (G_OBJECT (item), "column", GINT_TO_POINTER (column));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MtDelegatesPage          *self)
{
  MtDelegate *delegate = gtk_list_item_get_item (item);

  g_signal_connect_object (delegate, "notify", G_CALLBACK (on_item_notify), item, G_CONNECT_SWAPPED);
  update_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             MtDelegatesPage          *self)
{
  MtDelegate *delegate = gtk_list_item_get_item (item);

  if (delegate != NULL)
    g_signal_handlers_disconnect_by_func (delegate, on_item_notify, item);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  GtkSorter *sorter = data;
  MtDelegatesPage *self = g_object_get_data (G_OBJECT (sorter), "page");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (sorter), "column"));
  g_autofree char *x = NULL, *y = NULL;
  int result;

  if (column == COLUMN_ROLE)
    {
      int rx = mt_delegate_get_role ((MtDelegate *) a), ry = mt_delegate_get_role ((MtDelegate *) b);

      if (rx != ry)
        return rx < ry ? -1 : 1;
    }
  else
    {
      x = cell_text (self, column, (MtDelegate *) a);
      y = cell_text (self, column, (MtDelegate *) b);
      /* empty cells last */
      if ((*x == '\0') != (*y == '\0'))
        return *x == '\0' ? 1 : -1;
      result = g_utf8_collate (x, y);
      if (result != 0)
        return result < 0 ? -1 : 1;
    }
  return g_strcmp0 (mt_delegate_get_name ((MtDelegate *) a), mt_delegate_get_name ((MtDelegate *) b));
}

static void
add_column (MtDelegatesPage *self,
            const char      *title,
            Column           column,
            gboolean         expand,
            int              fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  GtkCustomSorter *sorter;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);

  sorter = gtk_custom_sorter_new (NULL, NULL, NULL);
  gtk_custom_sorter_set_sort_func (sorter, compare_rows, sorter, NULL);
  g_object_set_data (G_OBJECT (sorter), "page", self);
  g_object_set_data (G_OBJECT (sorter), "column", GINT_TO_POINTER (column));
  g_ptr_array_add (self->sorters, g_object_ref (sorter));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (sorter);
}

/* --- filtering and refreshing --------------------------------------------- */

static gboolean
filter_row (gpointer item,
            gpointer data)
{
  MtDelegatesPage *self = data;
  MtDelegate *delegate = item;

  if (self->group_filter != NULL &&
      g_strcmp0 (mt_page_nonnull (mt_delegate_get_group (delegate)), self->group_filter) != 0)
    return FALSE;
  return mt_page_delegate_matches (delegate, self->folded_query);
}

static void
update_count (MtDelegatesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint total = self->tour != NULL ? mt_tour_count (self->tour, MT_ENTITY_DELEGATE) : 0;
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u delegate", "%u delegates", total), total);
  else
    /* Translators: "12 of 108 delegates" */
    text = g_strdup_printf (ngettext ("%u of %u delegate", "%u of %u delegates", total), shown, total);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "empty" : shown == 0 ? "none" : "list");
}

static void
on_search_changed (MtDelegatesPage *self)
{
  g_free (self->folded_query);
  self->folded_query = g_strstrip (mt_page_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_group_filter_changed (MtDelegatesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);
  const char *id = NULL;

  if (self->filter_groups != NULL && selected < self->filter_groups->len)
    id = g_ptr_array_index (self->filter_groups, selected);
  if (g_strcmp0 (id, self->group_filter) == 0)
    return;
  g_free (self->group_filter);
  self->group_filter = g_strdup (id);
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
rebuild_group_filter (MtDelegatesPage *self)
{
  g_autofree char *keep = g_strdup (self->group_filter);
  GListModel *groups = self->tour != NULL ? mt_tour_get_groups (self->tour) : NULL;
  guint n = groups != NULL ? g_list_model_get_n_items (groups) : 0;
  guint select = 0;

  g_ptr_array_set_size (self->filter_groups, 0);
  gtk_string_list_splice (self->filter_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->filter_names)), NULL);

  g_ptr_array_add (self->filter_groups, NULL);
  gtk_string_list_append (self->filter_names, _("All Groups"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MtGroup) group = g_list_model_get_item (groups, i);
      const char *id = mt_entity_get_id (MT_ENTITY (group));

      if (g_strcmp0 (id, keep) == 0)
        select = self->filter_groups->len;
      g_ptr_array_add (self->filter_groups, g_strdup (id));
      gtk_string_list_append (self->filter_names, mt_page_nonnull (mt_group_get_name (group)));
    }
  if (g_strcmp0 (keep, "") == 0)
    select = self->filter_groups->len;
  g_ptr_array_add (self->filter_groups, g_strdup (""));
  gtk_string_list_append (self->filter_names, _("No Group"));

  gtk_drop_down_set_selected (self->group_dropdown, select);
  on_group_filter_changed (self);
}

static void
update_css (MtDelegatesPage *self)
{
  g_autofree char *groups = self->tour != NULL ? mt_itinerary_group_css (self->tour) : g_strdup ("");
  g_autofree char *css = g_strconcat (".group-chip { font-size: smaller; font-weight: bold;"
                                      " padding: 1px 8px; border-radius: 9px; }\n", groups, NULL);

  gtk_css_provider_load_from_data (self->css, css, -1);
}

static gboolean
refresh_cb (gpointer data)
{
  MtDelegatesPage *self = data;

  self->refresh_id = 0;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  /* the cells' texts changed under the sorters */
  for (guint i = 0; i < self->sorters->len; i++)
    gtk_sorter_changed (g_ptr_array_index (self->sorters, i), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
  if (self->groups_dirty)
    {
      update_css (self);
      rebuild_group_filter (self);
    }
  _mt_delegates_page_bind_groups (self, self->groups_list);
  self->groups_dirty = FALSE;
  update_count (self);
  return G_SOURCE_REMOVE;
}

static void
on_tour_changed (MtDelegatesPage *self,
                 MtEntity        *entity,
                 MtTour          *tour)
{
  if (entity != NULL && !MT_IS_DELEGATE (entity) && !MT_IS_GROUP (entity))
    return;
  if (entity == NULL || MT_IS_GROUP (entity))
    self->groups_dirty = TRUE;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* Deletes @delegate and takes them out of their interviews: one step. */
void
_mt_delegates_page_delete_delegate (MtDelegatesPage *self,
                                    MtDelegate      *delegate)
{
  MtHistory *history = mt_tour_get_history (self->tour);
  g_autofree char *label = g_strdup_printf (_("Delete delegate “%s”"), mt_page_nonnull (mt_delegate_get_name (delegate)));
  g_autoptr(MtDelegate) hold = g_object_ref (delegate);
  const char *id = mt_entity_get_id (MT_ENTITY (delegate));
  GListModel *interviews = mt_tour_get_interviews (self->tour);

  mt_history_begin (history, label);
  for (guint i = 0; i < g_list_model_get_n_items (interviews); i++)
    {
      g_autoptr(MtInterview) interview = g_list_model_get_item (interviews, i);
      g_auto(GStrv) kept = NULL;

      if (!mt_interview_has_delegate (interview, id))
        continue;
      kept = mt_page_list_without (mt_interview_get_delegates (interview), id);
      mt_interview_set_delegates (interview, (const char * const *) kept);
    }
  mt_tour_remove (self->tour, MT_ENTITY (delegate));
  mt_history_end (history);
}

static void
on_add_clicked (MtDelegatesPage *self)
{
  if (self->tour != NULL)
    mt_delegates_page_edit (self, NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  on_add_clicked (MT_DELEGATES_PAGE (widget));
}

/* the first delegate selected, or NULL */
static MtDelegate *
selected_delegate (MtDelegatesPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(MtDelegate) delegate = NULL;

  if (gtk_bitset_is_empty (selected))
    return NULL;
  delegate = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));
  return delegate;  /* the tour holds it */
}

GtkSelectionModel *
_mt_delegates_page_get_selection (MtDelegatesPage *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

static void
on_row_activate (MtDelegatesPage *self,
                 guint            position)
{
  g_autoptr(MtDelegate) delegate = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (delegate != NULL)
    mt_delegates_page_edit (self, mt_entity_get_id (MT_ENTITY (delegate)));
}

static void
edit_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MtDelegatesPage *self = MT_DELEGATES_PAGE (widget);
  MtDelegate *delegate = selected_delegate (self);

  if (delegate != NULL)
    mt_delegates_page_edit (self, mt_entity_get_id (MT_ENTITY (delegate)));
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MtDelegatesPage *self = MT_DELEGATES_PAGE (widget);
  g_auto(GStrv) ids = _mt_delegates_page_dup_selected_ids (self);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  MtHistory *history;
  guint n;

  if (ids[0] == NULL)
    return;
  history = mt_tour_get_history (self->tour);
  n = g_strv_length (ids);
  /* Translators: an undoable step */
  label = g_strdup_printf (g_dngettext (NULL, "Delete %u delegate", "Delete %u delegates", n), n);
  if (n == 1)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (self->tour, MT_ENTITY_DELEGATE, ids[0]);

      /* Translators: a toast, “%s” is a delegate's name */
      message = g_strdup_printf (_("Deleted “%s”"), delegate ? mt_page_nonnull (mt_delegate_get_name (delegate)) : "");
    }
  else
    /* Translators: a toast after the Delete key on several delegates */
    message = g_strdup_printf (g_dngettext (NULL, "Deleted %u delegate", "Deleted %u delegates", n), n);
  mt_history_begin (history, label);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (self->tour, MT_ENTITY_DELEGATE, ids[i]);

      if (delegate != NULL)
        _mt_delegates_page_delete_delegate (self, delegate);
    }
  mt_history_end (history);
  mt_toast_show_undo (widget, message);
}

/* --- CSV import ------------------------------------------------------------ */

/* The window's Import…, which shows what the roster would change first */
static void
on_import_clicked (MtDelegatesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.import", NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  on_import_clicked (MT_DELEGATES_PAGE (widget));
}

/* --- the tour and revealing ------------------------------------------------- */

static void
mt_delegates_page_set_tour (MtTourView *view,
                            MtTour     *tour)
{
  MtDelegatesPage *self = MT_DELEGATES_PAGE (view);

  if (!mt_tour_view_follow_tour (view, &self->tour, tour, &self->refresh_id, G_CALLBACK (on_tour_changed)))
    return;

  gtk_filter_list_model_set_model (self->filter_model, tour != NULL ? mt_tour_get_delegates (tour) : NULL);
  self->groups_dirty = TRUE;
  refresh_cb (self);
}

MtTour *
mt_delegates_page_get_tour (MtDelegatesPage *self)
{
  g_return_val_if_fail (MT_IS_DELEGATES_PAGE (self), NULL);
  return self->tour;
}

GListModel *
mt_delegates_page_get_model (MtDelegatesPage *self)
{
  g_return_val_if_fail (MT_IS_DELEGATES_PAGE (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

GtkColumnView *
mt_delegates_page_get_column_view (MtDelegatesPage *self)
{
  g_return_val_if_fail (MT_IS_DELEGATES_PAGE (self), NULL);
  return self->column_view;
}

static gboolean
find_in_model (GListModel *model,
               gpointer    item,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
mt_delegates_page_reveal (MtTourView *view,
                          const char *id)
{
  MtDelegatesPage *self = MT_DELEGATES_PAGE (view);
  MtEntity *entity;
  guint position;

  if (self->tour == NULL || (entity = mt_tour_lookup (self->tour, id)) == NULL)
    return FALSE;

  if (MT_IS_GROUP (entity))
    {
      for (int i = 0;; i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->groups_list, i);

          if (row == NULL)
            return FALSE;
          if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "group-id"), id) == 0)
            {
              gtk_list_box_select_row (self->groups_list, row);
              gtk_widget_grab_focus (GTK_WIDGET (row));
              return TRUE;
            }
        }
    }
  if (!MT_IS_DELEGATE (entity))
    return FALSE;

  if (!find_in_model (G_LIST_MODEL (self->sort_model), entity, &position))
    {
      /* hidden by the search or the group filter: show everyone */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      on_search_changed (self);
      gtk_drop_down_set_selected (self->group_dropdown, 0);
      on_group_filter_changed (self);
      if (!find_in_model (G_LIST_MODEL (self->sort_model), entity, &position))
        return FALSE;
    }

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  mt_column_view_scroll_to (self->column_view, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return TRUE;
}

/* --- GObject ------------------------------------------------------------------ */

static void
mt_delegates_page_dispose (GObject *object)
{
  MtDelegatesPage *self = MT_DELEGATES_PAGE (object);

  mt_delegates_page_set_tour (MT_TOUR_VIEW (self), NULL);
  if (self->css != NULL)
    {
      gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->css));
      g_clear_object (&self->css);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_DELEGATES_PAGE);
  G_OBJECT_CLASS (mt_delegates_page_parent_class)->dispose (object);
}

static void
mt_delegates_page_finalize (GObject *object)
{
  MtDelegatesPage *self = MT_DELEGATES_PAGE (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->sorters, g_ptr_array_unref);
  g_clear_pointer (&self->filter_groups, g_ptr_array_unref);
  g_clear_object (&self->filter_names);
  g_free (self->folded_query);
  g_free (self->group_filter);
  G_OBJECT_CLASS (mt_delegates_page_parent_class)->finalize (object);
}

static MtTour *
mt_delegates_page_view_get_tour (MtTourView *view)
{
  return mt_delegates_page_get_tour (MT_DELEGATES_PAGE (view));
}

static void
mt_delegates_page_tour_view_init (MtTourViewInterface *iface)
{
  iface->get_tour = mt_delegates_page_view_get_tour;
  iface->set_tour = mt_delegates_page_set_tour;
  iface->reveal = mt_delegates_page_reveal;
}

static void
mt_delegates_page_class_init (MtDelegatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_delegates_page_dispose;
  object_class->finalize = mt_delegates_page_finalize;

  gtk_widget_class_install_action (widget_class, "delegates.edit", NULL, edit_selected_action);
  gtk_widget_class_install_action (widget_class, "delegates.delete", NULL, delete_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "delegates.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "delegates.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "delegates.add", NULL);
  gtk_widget_class_install_action (widget_class, "delegates.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "delegates.import", NULL, import_action);

  (void) mt_pages_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-delegates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MtDelegatesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MtDelegatesPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MtDelegatesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, MtDelegatesPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, MtDelegatesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, MtDelegatesPage, groups_list);
  gtk_widget_class_bind_template_child (widget_class, MtDelegatesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MtDelegatesPage, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, MtDelegatesPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, MtDelegatesPage, move_button);
  _mt_delegates_page_class_init_selection (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_group_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_group_clicked",
                                                G_CALLBACK (_mt_delegates_page_add_group));
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);
}

static void
mt_delegates_page_init (MtDelegatesPage *self)
{
  GtkSorter *view_sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorters = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter_groups = g_ptr_array_new_with_free_func (g_free);
  self->filter_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->filter_names));

  add_column (self, _("Name"), COLUMN_NAME, TRUE, -1);
  add_column (self, _("Outlet"), COLUMN_OUTLET, TRUE, -1);
  add_column (self, _("Role"), COLUMN_ROLE, FALSE, 130);
  add_column (self, _("Group"), COLUMN_GROUP, FALSE, 130);
  add_column (self, _("Languages"), COLUMN_LANGUAGES, FALSE, 110);
  add_column (self, _("Needs"), COLUMN_NEEDS, TRUE, -1);
  _mt_delegates_page_add_schedule_column (self, self->column_view);

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_row, self, NULL));
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (self->filter));
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), g_object_ref (view_sorter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  mt_column_view_keep_selection_in_view (self->column_view);
  /* by name until the user picks a column */
  {
    g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);

    gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);
  }

  _mt_delegates_page_init_selection (self, self->selection_bar, self->selection_label, self->move_button);
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  update_count (self);
}

GtkWidget *
mt_delegates_page_new (void)
{
  return g_object_new (MT_TYPE_DELEGATES_PAGE, NULL);
}
