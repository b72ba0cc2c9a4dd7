/* mt-search-dialog.c: find a visit, site, delegate or interview (Ctrl+F)
 *
 * The matching and ranking are mt_page_search()'s (case, accents and word
 * order aside; Chinese matches too); this window shows its best hits and
 * names the one the user picks through "item-activated", then closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-search-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-window-resources.h"
#include "mt-page-logic.h"
#include "mt-search-dialog.h"

#define MAX_RESULTS 60

struct _MtSearchDialog
{
  AdwWindow       parent_instance;

  /* template children */
  GtkSearchEntry *entry;
  GtkStack       *stack;
  GtkListBox     *results;

  /* owned */
  MtTour         *tour;
  guint           n_results;
};

G_DEFINE_FINAL_TYPE (MtSearchDialog, mt_search_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_TOUR,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
kind_label (MtEntityKind kind)
{
  switch (kind)
    {
    case MT_ENTITY_VISIT: return _("Visit");
    case MT_ENTITY_SITE: return _("Site");
    case MT_ENTITY_DELEGATE: return _("Delegate");
    case MT_ENTITY_INTERVIEW: return _("Interview");
    case MT_ENTITY_CITY: return _("City");
    case MT_ENTITY_GROUP: return _("Group");
    case MT_N_ENTITY_KINDS:
    default: return "";
    }
}

static GtkWidget *
create_row (MtSearchHit *hit)
{
  MtEntityKind kind = mt_entity_get_kind (hit->entity);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (mt_page_entity_kind_icon (kind));
  GtkWidget *title = gtk_label_new (hit->title);
  GtkWidget *detail = gtk_label_new (hit->detail);
  g_autofree char *accessible = g_strdup_printf ("%s: %s. %s", kind_label (kind), hit->title, hit->detail);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_tooltip_text (icon, kind_label (kind));
  gtk_box_append (GTK_BOX (box), icon);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "entity-id", g_strdup (mt_entity_get_id (hit->entity)), g_free);
  return row;
}

static void
on_search_changed (MtSearchDialog *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (query));
  g_autoptr(GPtrArray) hits = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  self->n_results = 0;

  if (self->tour == NULL || *stripped == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }

  hits = mt_page_search (self->tour, query, MAX_RESULTS);
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results, create_row (g_ptr_array_index (hits, i)));
  self->n_results = hits->len;
  gtk_stack_set_visible_child_name (self->stack, hits->len > 0 ? "results" : "none");
  if (hits->len > 0)
    gtk_list_box_select_row (self->results, gtk_list_box_get_row_at_index (self->results, 0));
}

static void
on_row_activated (MtSearchDialog *self,
                  GtkListBoxRow  *row)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "entity-id"));

  if (id == NULL)
    return;
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_entry_activate (MtSearchDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->results, 0);
  if (row != NULL)
    on_row_activated (self, row);
}

static void
on_stop_search (MtSearchDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Up and Down in the entry move through the results */
static gboolean
on_entry_key (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              MtSearchDialog        *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  GtkListBoxRow *next;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    index++;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    index = MAX (index - 1, 0);
  else
    return FALSE;
  next = gtk_list_box_get_row_at_index (self->results, index);
  if (next != NULL)
    {
      GtkAdjustment *adjustment;
      double x, y;

      gtk_list_box_select_row (self->results, next);
      /* keep it in view */
      adjustment = gtk_list_box_get_adjustment (self->results);
      if (adjustment != NULL &&
          gtk_widget_translate_coordinates (GTK_WIDGET (next), GTK_WIDGET (self->results), 0, 0, &x, &y))
        gtk_adjustment_clamp_page (adjustment, y, y + gtk_widget_get_height (GTK_WIDGET (next)));
    }
  return TRUE;
}

void
mt_search_dialog_set_tour (MtSearchDialog *self,
                           MtTour         *tour)
{
  g_return_if_fail (MT_IS_SEARCH_DIALOG (self));
  g_return_if_fail (tour == NULL || MT_IS_TOUR (tour));

  if (g_set_object (&self->tour, tour))
    {
      on_search_changed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUR]);
    }
}

MtTour *
mt_search_dialog_get_tour (MtSearchDialog *self)
{
  g_return_val_if_fail (MT_IS_SEARCH_DIALOG (self), NULL);
  return self->tour;
}

void
mt_search_dialog_set_query (MtSearchDialog *self,
                            const char     *query)
{
  g_return_if_fail (MT_IS_SEARCH_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), query != NULL ? query : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  on_search_changed (self);
}

guint
mt_search_dialog_get_n_results (MtSearchDialog *self)
{
  g_return_val_if_fail (MT_IS_SEARCH_DIALOG (self), 0);
  return self->n_results;
}

static void
mt_search_dialog_dispose (GObject *object)
{
  MtSearchDialog *self = MT_SEARCH_DIALOG (object);

  g_clear_object (&self->tour);
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_SEARCH_DIALOG);
  G_OBJECT_CLASS (mt_search_dialog_parent_class)->dispose (object);
}

static void
mt_search_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MtSearchDialog *self = MT_SEARCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      g_value_set_object (value, self->tour);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_search_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MtSearchDialog *self = MT_SEARCH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      mt_search_dialog_set_tour (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_search_dialog_class_init (MtSearchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_search_dialog_dispose;
  object_class->get_property = mt_search_dialog_get_property;
  object_class->set_property = mt_search_dialog_set_property;

  properties[PROP_TOUR] =
    g_param_spec_object ("tour", NULL, NULL, MT_TYPE_TOUR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MtSearchDialog::item-activated:
   * @id: the id of the result the user picked
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  (void) mt_window_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-search-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MtSearchDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, MtSearchDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MtSearchDialog, results);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
mt_search_dialog_init (MtSearchDialog *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
}

MtSearchDialog *
mt_search_dialog_new (GtkWindow *parent,
                      MtTour    *tour)
{
  return g_object_new (MT_TYPE_SEARCH_DIALOG,
                       "transient-for", parent,
                       "tour", tour,
                       NULL);
}
