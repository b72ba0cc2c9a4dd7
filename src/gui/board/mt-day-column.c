/* mt-day-column.c: one day of the itinerary board
 *
 * The column is also the drop target for cards: dropped on the header a
 * visit keeps its time of day, dropped on a card it goes just before it
 * (upper half) or just after it (lower half), dropped below the last card
 * it follows the last one. The column only works out the new start time
 * (with mt_itinerary_drop_start()) and emits "visit-dropped"; the
 * itinerary view applies the move and says so in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-day-column"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-board-private.h"
#include "mt-board-resources.h"
#include "mt-day-column.h"
#include "mt-itinerary-model.h"
#include "mt-visit-card.h"

struct _MtDayColumn
{
  GtkWidget           parent_instance;

  /* template children */
  GtkWidget          *header;
  GtkLabel           *title_label;
  GtkLabel           *count_label;
  GtkLabel           *date_label;
  GtkLabel           *cities_label;
  GtkButton          *add_button;
  GtkScrolledWindow  *scroller;
  GtkGridView        *list_view;    /* one column; see the .ui file */

  /* owned */
  MtTour             *tour;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GHashTable         *problems;   /* visit id → count */
  GHashTable         *unseen;     /* ids changed by others, not seen yet */

  int                 day_index;
};

G_DEFINE_FINAL_TYPE (MtDayColumn, mt_day_column, GTK_TYPE_WIDGET)

enum {
  VISIT_DROPPED,
  VISIT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_visit (gpointer item,
              gpointer user_data)
{
  MtDayColumn *self = user_data;
  gint64 start = mt_visit_get_start (item);

  return start != MT_TIME_UNSET && mt_tour_get_day_index (self->tour, start) == self->day_index;
}

static int
sort_visits (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  MtVisit *va = (MtVisit *) a, *vb = (MtVisit *) b;
  gint64 sa = mt_visit_get_start (va), sb = mt_visit_get_start (vb);
  gint64 ea = mt_visit_get_end (va), eb = mt_visit_get_end (vb);

  if (sa != sb)
    return sa < sb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (ea != eb)
    return ea < eb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return gtk_ordering_from_cmpfunc (g_strcmp0 (mt_entity_get_id (MT_ENTITY (va)),
                                               mt_entity_get_id (MT_ENTITY (vb))));
}

/* The factory */

static void
on_setup (MtDayColumn              *self,
          GtkListItem              *item,
          GtkSignalListItemFactory *factory)
{
  GtkWidget *card = mt_visit_card_new ();

  gtk_list_item_set_child (item, card);
}

static void
update_card_problems (MtDayColumn *self,
                      MtVisitCard *card)
{
  MtVisit *visit = mt_visit_card_get_visit (card);
  gpointer problems = NULL;

  if (visit != NULL && self->problems != NULL)
    problems = g_hash_table_lookup (self->problems, mt_entity_get_id (MT_ENTITY (visit)));
  mt_visit_card_set_problems (card, mt_itinerary_problems_count (problems), mt_itinerary_problems_worst (problems));
}

static void
update_card_unseen (MtDayColumn *self,
                    MtVisitCard *card)
{
  MtVisit *visit = mt_visit_card_get_visit (card);

  mt_visit_card_set_unseen (card, visit != NULL && self->unseen != NULL &&
                                  g_hash_table_contains (self->unseen, mt_entity_get_id (MT_ENTITY (visit))));
}

static void
on_bind (MtDayColumn              *self,
         GtkListItem              *item,
         GtkSignalListItemFactory *factory)
{
  MtVisitCard *card = MT_VISIT_CARD (gtk_list_item_get_child (item));

  mt_visit_card_set_visit (card, gtk_list_item_get_item (item));
  update_card_problems (self, card);
  update_card_unseen (self, card);
}

static void
on_unbind (MtDayColumn              *self,
           GtkListItem              *item,
           GtkSignalListItemFactory *factory)
{
  mt_visit_card_set_visit (MT_VISIT_CARD (gtk_list_item_get_child (item)), NULL);
}

static void
on_selection_changed (MtDayColumn *self)
{
  MtVisit *visit = gtk_single_selection_get_selected_item (self->selection);

  if (visit != NULL)
    g_signal_emit (self, signals[VISIT_SELECTED], 0, visit);
}

static void
on_activate (MtDayColumn *self,
             guint        position,
             GtkGridView *list_view)
{
  g_autoptr(MtVisit) visit = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (visit != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "itinerary.edit-visit", "s",
                                mt_entity_get_id (MT_ENTITY (visit)));
}

static void
on_items_changed (MtDayColumn *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autofree char *count = g_strdup_printf ("%u", n);

  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n > 0);
}

/* Dropping */

static MtVisitCard *
card_at (MtDayColumn *self,
         double       x,
         double       y,
         double      *card_y,
         double      *card_height)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  GtkWidget *card;
  graphene_point_t point;

  if (picked == NULL)
    return NULL;
  card = MT_IS_VISIT_CARD (picked) ? picked : gtk_widget_get_ancestor (picked, MT_TYPE_VISIT_CARD);
  if (card == NULL)
    return NULL;
  if (!gtk_widget_compute_point (GTK_WIDGET (self), card, &GRAPHENE_POINT_INIT (x, y), &point))
    return NULL;
  *card_y = point.y;
  *card_height = gtk_widget_get_height (card);
  return MT_VISIT_CARD (card);
}

static gboolean
in_header (MtDayColumn *self,
           double       x,
           double       y)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (self->header, GTK_WIDGET (self), &bounds)
         && y < bounds.origin.y + bounds.size.height;
}

static GdkDragAction
on_drop_motion (MtDayColumn   *self,
                double         x,
                double         y,
                GtkDropTarget *target)
{
  return _mt_board_drop_action (target);
}

static gboolean
on_drop (MtDayColumn   *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  const char *id = g_value_get_string (value);
  gboolean copy = _mt_board_drop_copies (target);
  MtVisit *visit, *target_visit = NULL;
  MtDropPlace place = MT_DROP_KEEP_TIME;
  MtTimeSpan span = { 0, 0 };
  gint64 start, length, new_start;
  guint n;

  visit = id ? mt_tour_lookup_kind (self->tour, MT_ENTITY_VISIT, id) : NULL;
  if (visit == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  if (!in_header (self, x, y))
    {
      double card_y, card_height;
      MtVisitCard *card = card_at (self, x, y, &card_y, &card_height);

      if (card != NULL)
        {
          target_visit = mt_visit_card_get_visit (card);
          place = card_y < card_height / 2 ? MT_DROP_BEFORE : MT_DROP_AFTER;
        }
      else if (n > 0)
        {
          /* below the last card */
          target_visit = g_list_model_get_item (G_LIST_MODEL (self->sorted), n - 1);
          g_object_unref (target_visit); /* the tour holds it */
          place = MT_DROP_AFTER;
        }
    }

  /* dropped on itself: nothing moves */
  if (target_visit == visit && !copy)
    return FALSE;

  start = mt_visit_get_start (visit);
  length = mt_visit_get_end (visit) != MT_TIME_UNSET ? mt_visit_get_end (visit) - start : 0;
  if (target_visit != NULL)
    {
      span.start = mt_visit_get_start (target_visit);
      span.end = mt_visit_get_end (target_visit);
    }
  new_start = mt_itinerary_drop_start (mt_tour_get_day_start (self->tour, self->day_index),
                                       start, length, place, target_visit ? &span : NULL);

  g_signal_emit (self, signals[VISIT_DROPPED], 0, visit, new_start, copy);
  return TRUE;
}

/* Keyboard */

static void
delete_selected (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MtDayColumn *self = MT_DAY_COLUMN (widget);
  MtVisit *visit = mt_day_column_get_selected (self);

  if (visit != NULL)
    gtk_widget_activate_action (widget, "itinerary.delete-visit", "s",
                                mt_entity_get_id (MT_ENTITY (visit)));
}

/* The card that has the keyboard's focus, or else the selected visit's */
static MtVisitCard *
current_card (MtDayColumn *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *card = NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    {
      card = MT_IS_VISIT_CARD (focus) ? focus : gtk_widget_get_ancestor (focus, MT_TYPE_VISIT_CARD);
      /* a row of the list has the focus, its card inside it */
      if (card == NULL && gtk_widget_get_first_child (focus) != NULL
          && MT_IS_VISIT_CARD (gtk_widget_get_first_child (focus)))
        card = gtk_widget_get_first_child (focus);
    }
  if (card == NULL && mt_day_column_get_selected (self) != NULL)
    card = mt_day_column_find_card (self, mt_day_column_get_selected (self));
  return card ? MT_VISIT_CARD (card) : NULL;
}

/* the index of @card's visit in the day */
static guint
card_position (MtDayColumn *self,
               MtVisitCard *card)
{
  GListModel *visits = G_LIST_MODEL (self->sorted);

  for (guint i = 0, n = g_list_model_get_n_items (visits); card != NULL && i < n; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);

      if (visit == mt_visit_card_get_visit (card))
        return i;
    }
  return 0;
}

void
mt_day_column_focus_visit_at (MtDayColumn *self,
                              guint        position)
{
  g_autoptr(MtVisit) visit = NULL;
  guint n;
  GtkWidget *card;

  g_return_if_fail (MT_IS_DAY_COLUMN (self));

  mt_day_column_show_cards (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  if (n == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
      return;
    }
  position = MIN (position, n - 1);
  visit = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  gtk_single_selection_set_selected (self->selection, position);
  card = mt_day_column_find_card (self, visit);
  if (card != NULL && gtk_widget_get_parent (card) != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (card));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Left and Right go to the same place of the day before or after; Shift+F10
 * and the Menu key open the current card's menu. The list would take these
 * keys for itself: the column sees them first. */
static gboolean
on_key_pressed (MtDayColumn           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  MtVisitCard *card;

  if ((keyval == GDK_KEY_F10 && mods == GDK_SHIFT_MASK) || (keyval == GDK_KEY_Menu && mods == 0))
    {
      if ((card = current_card (self)) == NULL)
        return FALSE;
      mt_visit_card_popup_menu (card);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Left || keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Left || keyval == GDK_KEY_KP_Right)
      && mods == 0)
    {
      gboolean left = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left;
      GtkWidget *next = left ? gtk_widget_get_prev_sibling (GTK_WIDGET (self))
                             : gtk_widget_get_next_sibling (GTK_WIDGET (self));

      if (next == NULL || !MT_IS_DAY_COLUMN (next))
        return FALSE;
      mt_day_column_focus_visit_at (MT_DAY_COLUMN (next), card_position (self, current_card (self)));
      return TRUE;
    }
  return FALSE;
}

/* focus entering a column that has not built its cards yet (a scroll
 * straight past it) builds them, so that Tab reaches them */
static gboolean
mt_day_column_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  mt_day_column_show_cards (MT_DAY_COLUMN (widget));
  return GTK_WIDGET_CLASS (mt_day_column_parent_class)->focus (widget, direction);
}

static void
mt_day_column_dispose (GObject *object)
{
  MtDayColumn *self = MT_DAY_COLUMN (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_DAY_COLUMN);
  {
    GtkWidget *child;

    /* the template's children that no field holds */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->tour);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->unseen, g_hash_table_unref);

  G_OBJECT_CLASS (mt_day_column_parent_class)->dispose (object);
}

static void
mt_day_column_class_init (MtDayColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_day_column_dispose;
  widget_class->focus = mt_day_column_focus;

  /**
   * MtDayColumn::visit-dropped:
   * @visit: the visit dropped on the column
   * @new_start: where it lands
   * @copy: whether it is copied (Ctrl held) rather than moved
   */
  signals[VISIT_DROPPED] =
    g_signal_new ("visit-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  MT_TYPE_VISIT, G_TYPE_INT64, G_TYPE_BOOLEAN);
  /**
   * MtDayColumn::visit-selected:
   * @visit: the visit the user selected
   */
  signals[VISIT_SELECTED] =
    g_signal_new ("visit-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MT_TYPE_VISIT);

  (void) mt_board_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-day-column.ui");
  gtk_widget_class_bind_template_child (widget_class, MtDayColumn, header);
  gtk_widget_class_bind_template_child (widget_class, MtDayColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, MtDayColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, MtDayColumn, date_label);
  gtk_widget_class_bind_template_child (widget_class, MtDayColumn, cities_label);
  gtk_widget_class_bind_template_child (widget_class, MtDayColumn, add_button);
  gtk_widget_class_bind_template_child (widget_class, MtDayColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, MtDayColumn, list_view);

  gtk_widget_class_install_action (widget_class, "column.delete-selected", NULL, delete_selected);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "column.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "column.delete-selected", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mt_day_column_init (MtDayColumn *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
mt_day_column_new (MtTour *tour,
                   int     day_index)
{
  MtDayColumn *self;
  GtkFilterListModel *filtered;
  GtkListItemFactory *factory;
  GtkDropTarget *target;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  self = g_object_new (MT_TYPE_DAY_COLUMN, NULL);
  self->tour = g_object_ref (tour);
  self->day_index = day_index;

  self->filter = gtk_custom_filter_new (filter_visit, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_visits, NULL, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (mt_tour_get_visits (tour)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_swapped (factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect_swapped (factory, "bind", G_CALLBACK (on_bind), self);
  g_signal_connect_swapped (factory, "unbind", G_CALLBACK (on_unbind), self);
  gtk_grid_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "i", day_index);

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect_swapped (target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect_swapped (target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  mt_day_column_update_header (self);
  on_items_changed (self);

  return GTK_WIDGET (self);
}

void
mt_day_column_show_cards (MtDayColumn *self)
{
  g_return_if_fail (MT_IS_DAY_COLUMN (self));

  if (gtk_grid_view_get_model (self->list_view) == NULL)
    gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

gboolean
mt_day_column_get_cards_shown (MtDayColumn *self)
{
  g_return_val_if_fail (MT_IS_DAY_COLUMN (self), FALSE);
  return gtk_grid_view_get_model (self->list_view) != NULL;
}

int
mt_day_column_get_day_index (MtDayColumn *self)
{
  g_return_val_if_fail (MT_IS_DAY_COLUMN (self), -1);
  return self->day_index;
}

GListModel *
mt_day_column_get_visits (MtDayColumn *self)
{
  g_return_val_if_fail (MT_IS_DAY_COLUMN (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
mt_day_column_refilter (MtDayColumn *self)
{
  g_return_if_fail (MT_IS_DAY_COLUMN (self));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
mt_day_column_resort (MtDayColumn *self)
{
  g_return_if_fail (MT_IS_DAY_COLUMN (self));
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

void
mt_day_column_update_header (MtDayColumn *self)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *cities = NULL;
  g_autofree char *add_label = NULL;

  g_return_if_fail (MT_IS_DAY_COLUMN (self));

  title = mt_itinerary_day_title (self->day_index);
  date = mt_itinerary_day_date (self->tour, self->day_index);
  cities = mt_itinerary_day_cities (self->tour, self->day_index);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->date_label, date);
  gtk_label_set_text (self->cities_label, *cities ? cities : _("No visits yet"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cities_label), cities);

  /* Translators: the tooltip of the + button of a day, "%s" is "Day 1" */
  add_label = g_strdup_printf (_("Add a Visit to %s"), title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

const char *
mt_day_column_get_title_text (MtDayColumn *self)
{
  g_return_val_if_fail (MT_IS_DAY_COLUMN (self), NULL);
  return gtk_label_get_text (self->title_label);
}

const char *
mt_day_column_get_date_text (MtDayColumn *self)
{
  g_return_val_if_fail (MT_IS_DAY_COLUMN (self), NULL);
  return gtk_label_get_text (self->date_label);
}

const char *
mt_day_column_get_cities_text (MtDayColumn *self)
{
  g_return_val_if_fail (MT_IS_DAY_COLUMN (self), NULL);
  return gtk_label_get_text (self->cities_label);
}

gboolean
mt_day_column_reveal_visit (MtDayColumn *self,
                            MtVisit     *visit)
{
  GListModel *model;

  g_return_val_if_fail (MT_IS_DAY_COLUMN (self), FALSE);

  mt_day_column_show_cards (self);
  model = G_LIST_MODEL (self->sorted);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(MtVisit) item = g_list_model_get_item (model, i);
      GtkWidget *card;

      if (item != visit)
        continue;

      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
      gtk_single_selection_set_selected (self->selection, i);
      card = mt_day_column_find_card (self, visit);
      if (card != NULL)
        mt_visit_card_flash (MT_VISIT_CARD (card));
      return TRUE;
    }
  return FALSE;
}

MtVisit *
mt_day_column_get_selected (MtDayColumn *self)
{
  g_return_val_if_fail (MT_IS_DAY_COLUMN (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

/* The cards on screen: the list view's rows hold them. */
static void
foreach_card (MtDayColumn *self,
              GFunc        func,
              gpointer     user_data)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);

      if (child != NULL && MT_IS_VISIT_CARD (child))
        func (child, user_data);
    }
}

typedef struct
{
  MtVisit   *visit;
  GtkWidget *card;
} FindCard;

static void
match_card (gpointer card,
            gpointer user_data)
{
  FindCard *find = user_data;

  if (find->card == NULL && mt_visit_card_get_visit (card) == find->visit)
    find->card = card;
}

GtkWidget *
mt_day_column_find_card (MtDayColumn *self,
                         MtVisit     *visit)
{
  FindCard find = { visit, NULL };

  g_return_val_if_fail (MT_IS_DAY_COLUMN (self), NULL);

  foreach_card (self, match_card, &find);
  return find.card;
}

void
mt_day_column_foreach_card (MtDayColumn *self,
                            GFunc        func,
                            gpointer     user_data)
{
  g_return_if_fail (MT_IS_DAY_COLUMN (self));
  foreach_card (self, func, user_data);
}

static void
update_card_problems_cb (gpointer card,
                         gpointer user_data)
{
  update_card_problems (user_data, card);
}

void
mt_day_column_set_problem_counts (MtDayColumn *self,
                                  GHashTable  *counts)
{
  g_return_if_fail (MT_IS_DAY_COLUMN (self));

  if (self->problems == counts)
    return;
  g_clear_pointer (&self->problems, g_hash_table_unref);
  self->problems = counts ? g_hash_table_ref (counts) : NULL;
  foreach_card (self, update_card_problems_cb, self);
}

static void
update_card_unseen_cb (gpointer card,
                       gpointer user_data)
{
  update_card_unseen (user_data, card);
}

void
mt_day_column_set_unseen (MtDayColumn *self,
                          GHashTable  *ids)
{
  g_return_if_fail (MT_IS_DAY_COLUMN (self));

  if (self->unseen == ids)
    return;
  g_clear_pointer (&self->unseen, g_hash_table_unref);
  self->unseen = ids ? g_hash_table_ref (ids) : NULL;
  foreach_card (self, update_card_unseen_cb, self);
}
