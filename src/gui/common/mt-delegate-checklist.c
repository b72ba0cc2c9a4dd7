/* mt-delegate-checklist.c: the tour's delegates with a check box each
 *
 * A list view over the tour's delegates sorted by name and filtered by the
 * search; the check box of each row shows and changes the set of chosen
 * ids. The rows on screen are kept in a table by id, so that All and None
 * show at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-delegate-checklist"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-delegate-checklist.h"

struct _MtDelegateChecklist
{
  GtkWidget           parent_instance;

  /* children */
  GtkSearchEntry     *search_entry;
  GtkListView        *list;
  GtkLabel           *count_label;

  /* owned */
  MtTour             *tour;
  GtkStringFilter    *filter;
  GtkFilterListModel *shown;
  GHashTable         *chosen;     /* delegate id */
  GHashTable         *checks;     /* delegate id → its row's GtkCheckButton, borrowed */
};

G_DEFINE_FINAL_TYPE (MtDelegateChecklist, mt_delegate_checklist, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_count (MtDelegateChecklist *self)
{
  guint n = g_hash_table_size (self->chosen);
  guint total = self->tour ? mt_tour_count (self->tour, MT_ENTITY_DELEGATE) : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No delegate chosen."));
  else
    /* Translators: "5 of 108 delegates chosen" */
    text = g_strdup_printf (g_dngettext (NULL, "%u of %u delegate chosen.", "%u of %u delegates chosen.", total),
                            n, total);
  gtk_label_set_text (self->count_label, text);
}

static void
changed (MtDelegateChecklist *self)
{
  update_count (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
search_text (MtDelegate *delegate)
{
  return g_strdup_printf ("%s %s", delegate && mt_delegate_get_name (delegate) ? mt_delegate_get_name (delegate) : "",
                          delegate && mt_delegate_get_outlet (delegate) ? mt_delegate_get_outlet (delegate) : "");
}

static void
on_check_toggled (GtkCheckButton      *check,
                  MtDelegateChecklist *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "delegate-id");
  gboolean active = gtk_check_button_get_active (check);

  if (id == NULL || active == g_hash_table_contains (self->chosen, id))
    return;
  if (active)
    g_hash_table_add (self->chosen, g_strdup (id));
  else
    g_hash_table_remove (self->chosen, id);
  changed (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MtDelegateChecklist      *self)
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
          MtDelegateChecklist      *self)
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
            MtDelegateChecklist      *self)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (item), "check");
  const char *id = g_object_get_data (G_OBJECT (check), "delegate-id");

  if (id != NULL && self->checks != NULL && g_hash_table_lookup (self->checks, id) == check)
    g_hash_table_remove (self->checks, id);
  g_object_set_data (G_OBJECT (check), "delegate-id", NULL);
}

/* the rows on screen show the set again */
static void
sync_checks (MtDelegateChecklist *self)
{
  GHashTableIter iter;
  gpointer id, check;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &id, &check))
    gtk_check_button_set_active (check, g_hash_table_contains (self->chosen, id));
}

static void
on_search_changed (MtDelegateChecklist *self)
{
  if (self->filter != NULL)
    gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

void
mt_delegate_checklist_choose_shown (MtDelegateChecklist *self,
                                    gboolean             chosen)
{
  g_return_if_fail (MT_IS_DELEGATE_CHECKLIST (self));

  for (guint i = 0, n = self->shown ? g_list_model_get_n_items (G_LIST_MODEL (self->shown)) : 0; i < n; i++)
    {
      g_autoptr(MtEntity) delegate = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      if (chosen)
        g_hash_table_add (self->chosen, g_strdup (mt_entity_get_id (delegate)));
      else
        g_hash_table_remove (self->chosen, mt_entity_get_id (delegate));
    }
  sync_checks (self);
  changed (self);
}

static void
on_all_clicked (MtDelegateChecklist *self)
{
  mt_delegate_checklist_choose_shown (self, TRUE);
}

static void
on_none_clicked (MtDelegateChecklist *self)
{
  mt_delegate_checklist_choose_shown (self, FALSE);
}

/* Public */

void
mt_delegate_checklist_set_tour (MtDelegateChecklist *self,
                                MtTour              *tour)
{
  GtkExpression *expression;
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  g_return_if_fail (MT_IS_DELEGATE_CHECKLIST (self));
  g_return_if_fail (MT_IS_TOUR (tour));
  g_return_if_fail (self->tour == NULL);

  self->tour = g_object_ref (tour);
  expression = gtk_property_expression_new (MT_TYPE_DELEGATE, NULL, "name");
  sorted = gtk_sort_list_model_new (g_object_ref (mt_tour_get_delegates (tour)),
                                    GTK_SORTER (gtk_string_sorter_new (expression)));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (search_text), NULL, NULL);
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  update_count (self);
}

GStrv
mt_delegate_checklist_dup_chosen (MtDelegateChecklist *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *all;

  g_return_val_if_fail (MT_IS_DELEGATE_CHECKLIST (self), NULL);

  all = self->shown ? gtk_filter_list_model_get_model (self->shown) : NULL;
  for (guint i = 0, n = all ? g_list_model_get_n_items (all) : 0; i < n; i++)
    {
      g_autoptr(MtEntity) delegate = g_list_model_get_item (all, i);

      if (g_hash_table_contains (self->chosen, mt_entity_get_id (delegate)))
        g_strv_builder_add (builder, mt_entity_get_id (delegate));
    }
  return g_strv_builder_end (builder);
}

guint
mt_delegate_checklist_get_n_chosen (MtDelegateChecklist *self)
{
  g_return_val_if_fail (MT_IS_DELEGATE_CHECKLIST (self), 0);
  return g_hash_table_size (self->chosen);
}

gboolean
mt_delegate_checklist_is_chosen (MtDelegateChecklist *self,
                                 const char          *delegate_id)
{
  g_return_val_if_fail (MT_IS_DELEGATE_CHECKLIST (self), FALSE);
  return delegate_id != NULL && g_hash_table_contains (self->chosen, delegate_id);
}

void
mt_delegate_checklist_choose (MtDelegateChecklist *self,
                              const char          *delegate_id,
                              gboolean             add)
{
  g_return_if_fail (MT_IS_DELEGATE_CHECKLIST (self));

  if (!add)
    g_hash_table_remove_all (self->chosen);
  if (delegate_id != NULL)
    g_hash_table_add (self->chosen, g_strdup (delegate_id));
  sync_checks (self);
  changed (self);
}

/* GObject */

static GtkWidget *
text_button (const char *label,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
mt_delegate_checklist_dispose (GObject *object)
{
  MtDelegateChecklist *self = MT_DELEGATE_CHECKLIST (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->tour);

  G_OBJECT_CLASS (mt_delegate_checklist_parent_class)->dispose (object);
}

static void
mt_delegate_checklist_finalize (GObject *object)
{
  MtDelegateChecklist *self = MT_DELEGATE_CHECKLIST (object);

  g_hash_table_unref (self->chosen);

  G_OBJECT_CLASS (mt_delegate_checklist_parent_class)->finalize (object);
}

static void
mt_delegate_checklist_class_init (MtDelegateChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_delegate_checklist_dispose;
  object_class->finalize = mt_delegate_checklist_finalize;

  /**
   * MtDelegateChecklist::changed:
   *
   * A delegate was chosen, or no longer is.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
mt_delegate_checklist_init (MtDelegateChecklist *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *all = text_button (_("_All"), _("Choose every delegate shown"));
  GtkWidget *none = text_button (_("_None"), _("Choose none of the delegates shown"));

  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search name or outlet"), NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (all, "clicked", G_CALLBACK (on_all_clicked), self);
  g_signal_connect_swapped (none, "clicked", G_CALLBACK (on_none_clicked), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (bar), all);
  gtk_box_append (GTK_BOX (bar), none);
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, NULL));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delegates"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_label_set_wrap (self->count_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_widget_set_parent (GTK_WIDGET (self->count_label), GTK_WIDGET (self));
  update_count (self);
}

GtkWidget *
mt_delegate_checklist_new (void)
{
  return g_object_new (MT_TYPE_DELEGATE_CHECKLIST, NULL);
}
