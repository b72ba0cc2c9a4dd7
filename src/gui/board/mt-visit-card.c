/* mt-visit-card.c: one visit on the itinerary board
 *
 * The card shows what mt-itinerary-model.c decides (time range, place, style
 * classes) and follows its visit, the visit's site and the groups through
 * the tour's "changed" signal. It is the source of a drag carrying the
 * visit's id; its context menu and keyboard go through the itinerary's
 * actions (itinerary.edit-visit, itinerary.delete-visit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-visit-card"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-board-resources.h"
#include "mt-itinerary-model.h"
#include "mt-visit-card.h"

struct _MtVisitCard
{
  GtkWidget   parent_instance;

  /* template children */
  GtkImage   *kind_image;
  GtkLabel   *time_label;
  GtkLabel   *status_label;
  GtkImage   *problem_image;
  GtkWidget  *unseen_dot;
  GtkLabel   *title_label;
  GtkLabel   *place_label;
  GtkBox     *chips_box;

  /* owned */
  MtVisit    *visit;
  MtTour     *tour;
  GtkWidget  *menu;
  char       *status_class;
  guint       flash_id;
  int         problem_level;  /* MtProblemLevel, -1 without problems */
};

G_DEFINE_FINAL_TYPE (MtVisitCard, mt_visit_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VISIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_chips (MtVisitCard *self)
{
  const char * const *groups = mt_visit_get_groups (self->visit);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      MtGroup *group = mt_tour_lookup_kind (self->tour, MT_ENTITY_GROUP, groups[i]);
      g_autofree char *class = mt_itinerary_group_class (groups[i]);
      GtkWidget *chip;

      if (group == NULL)
        continue;
      chip = gtk_label_new (mt_group_get_name (group));
      gtk_label_set_ellipsize (GTK_LABEL (chip), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (chip, "group-chip");
      gtk_widget_add_css_class (chip, class);
      gtk_box_append (self->chips_box, chip);
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), n > 0);
}

static void
update (MtVisitCard *self)
{
  g_autofree char *time = NULL;
  g_autofree char *place = NULL;
  g_autofree char *description = NULL;
  const char *status_class;
  const char *title;
  MtVisitStatus status;

  if (self->visit == NULL || self->tour == NULL)
    return;

  time = mt_itinerary_format_time_range (mt_visit_get_start (self->visit),
                                         mt_visit_get_end (self->visit));
  place = mt_itinerary_visit_place (self->tour, self->visit);
  title = mt_visit_get_title (self->visit);
  if (title == NULL || *title == '\0')
    title = _("Untitled visit");
  status = mt_visit_get_status (self->visit);

  gtk_label_set_text (self->time_label, time);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->place_label, place);
  gtk_widget_set_visible (GTK_WIDGET (self->place_label), *place != '\0');
  gtk_image_set_from_icon_name (self->kind_image,
                                mt_itinerary_visit_kind_icon (mt_visit_get_visit_kind (self->visit)));
  /* no tooltip: setting one on every card costs more than the card itself;
   * the kind is in the card's accessible description */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  mt_itinerary_visit_kind_label (mt_visit_get_visit_kind (self->visit)),
                                  -1);

  gtk_label_set_text (self->status_label, mt_itinerary_visit_status_label (status));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != MT_VISIT_CONFIRMED);

  status_class = mt_itinerary_visit_status_class (status);
  if (g_strcmp0 (status_class, self->status_class) != 0)
    {
      if (self->status_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self), self->status_class);
      gtk_widget_add_css_class (GTK_WIDGET (self), status_class);
      g_free (self->status_class);
      self->status_class = g_strdup (status_class);
    }

  update_chips (self);

  /* Translators: what a screen reader says for a card: time, title, place */
  description = g_strdup_printf (_("%s, %s, %s"), time, title, place);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
on_tour_changed (MtVisitCard *self,
                 MtEntity    *entity,
                 MtTour      *tour)
{
  if (entity == NULL)
    return;
  /* the visit itself, or what the card shows of its site, city or groups */
  if (entity == MT_ENTITY (self->visit)
      || MT_IS_SITE (entity) || MT_IS_CITY (entity) || MT_IS_GROUP (entity))
    update (self);
}

void
mt_visit_card_set_visit (MtVisitCard *self,
                         MtVisit     *visit)
{
  MtTour *tour;

  g_return_if_fail (MT_IS_VISIT_CARD (self));
  g_return_if_fail (visit == NULL || MT_IS_VISIT (visit));

  if (self->visit == visit)
    return;

  tour = visit ? mt_entity_get_tour (MT_ENTITY (visit)) : NULL;
  if (tour != self->tour)
    {
      if (self->tour != NULL)
        g_signal_handlers_disconnect_by_func (self->tour, on_tour_changed, self);
      g_set_object (&self->tour, tour);
      if (tour != NULL)
        g_signal_connect_object (tour, "changed", G_CALLBACK (on_tour_changed), self,
                                 G_CONNECT_SWAPPED);
    }

  g_set_object (&self->visit, visit);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIT]);
}

MtVisit *
mt_visit_card_get_visit (MtVisitCard *self)
{
  g_return_val_if_fail (MT_IS_VISIT_CARD (self), NULL);
  return self->visit;
}

void
mt_visit_card_set_problems (MtVisitCard *self,
                            guint        n_problems,
                            int          worst_level)
{
  static const char * const classes[] = { "dim-label", "warning", "error" };
  int level = n_problems > 0 ? CLAMP (worst_level, MT_PROBLEM_LEVEL_HINT, MT_PROBLEM_LEVEL_ERROR) : -1;
  const char *tooltip;

  g_return_if_fail (MT_IS_VISIT_CARD (self));

  if (level == self->problem_level)
    return;
  self->problem_level = level;
  gtk_widget_set_visible (GTK_WIDGET (self->problem_image), level >= 0);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if ((int) i == level)
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_image), classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_image), classes[i]);
  /* the card's edge in the colour of its worst problem */
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      g_autofree char *name = g_strconcat ("has-problem-", classes[i], NULL);

      if ((int) i == level)
        gtk_widget_add_css_class (GTK_WIDGET (self), name);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), name);
    }

  tooltip = level == MT_PROBLEM_LEVEL_ERROR ? _("The schedule checker reports an error with this visit")
            : level == MT_PROBLEM_LEVEL_WARNING ? _("The schedule checker has a warning about this visit")
            : level == MT_PROBLEM_LEVEL_HINT ? _("The schedule checker has a hint about this visit")
            : NULL;
  if (tooltip != NULL || gtk_widget_get_has_tooltip (GTK_WIDGET (self->problem_image)))
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->problem_image), tooltip);
}

int
mt_visit_card_get_problem_level (MtVisitCard *self)
{
  g_return_val_if_fail (MT_IS_VISIT_CARD (self), -1);
  return self->problem_level;
}

const char *
mt_visit_card_get_time_text (MtVisitCard *self)
{
  g_return_val_if_fail (MT_IS_VISIT_CARD (self), NULL);
  return gtk_label_get_text (self->time_label);
}

const char *
mt_visit_card_get_title_text (MtVisitCard *self)
{
  g_return_val_if_fail (MT_IS_VISIT_CARD (self), NULL);
  return gtk_label_get_text (self->title_label);
}

static gboolean
unflash (gpointer user_data)
{
  MtVisitCard *self = user_data;

  self->flash_id = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "flash");
  return G_SOURCE_REMOVE;
}

void
mt_visit_card_set_unseen (MtVisitCard *self,
                          gboolean     unseen)
{
  g_return_if_fail (MT_IS_VISIT_CARD (self));

  gtk_widget_set_visible (self->unseen_dot, unseen);
  if (unseen)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unseen");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unseen");
}

gboolean
mt_visit_card_get_unseen (MtVisitCard *self)
{
  g_return_val_if_fail (MT_IS_VISIT_CARD (self), FALSE);
  return gtk_widget_get_visible (self->unseen_dot);
}

void
mt_visit_card_flash (MtVisitCard *self)
{
  g_return_if_fail (MT_IS_VISIT_CARD (self));

  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_widget_add_css_class (GTK_WIDGET (self), "flash");
  self->flash_id = g_timeout_add (1500, unflash, self);
}

/* Drag and drop: the card gives its visit's id; Ctrl makes it a copy. */

static GdkContentProvider *
on_drag_prepare (MtVisitCard   *self,
                 double         x,
                 double         y,
                 GtkDragSource *source)
{
  if (self->visit == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, mt_entity_get_id (MT_ENTITY (self->visit)));
}

static void
on_drag_begin (MtVisitCard   *self,
               GdkDrag       *drag,
               GtkDragSource *source)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 20, 20);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragged");
}

/* The drag holds the drag source, not the card: a card moved to another
 * day is gone from its column, and may be finalized, before the drag ends.
 * The source's widget is NULL by then. */
static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             gpointer       user_data)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (card != NULL)
    gtk_widget_remove_css_class (card, "dragged");
}

/* The context menu */

static void
popup_menu (MtVisitCard *self,
            double       x,
            double       y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) copy = NULL;
  g_autoptr(GMenuItem) delete = NULL;
  const char *id;

  if (self->visit == NULL)
    return;

  id = mt_entity_get_id (MT_ENTITY (self->visit));
  edit = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target (edit, "itinerary.edit-visit", "s", id);
  copy = g_menu_item_new (_("D_uplicate"), NULL);
  g_menu_item_set_action_and_target (copy, "itinerary.duplicate-visit", "s", id);
  delete = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target (delete, "itinerary.delete-visit", "s", id);
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, copy);
  g_menu_append_item (menu, delete);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_secondary_click (MtVisitCard     *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  popup_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
mt_visit_card_popup_menu (MtVisitCard *self)
{
  g_return_if_fail (MT_IS_VISIT_CARD (self));
  popup_menu (self, 24, 24);
}

GtkWidget *
mt_visit_card_get_menu (MtVisitCard *self)
{
  g_return_val_if_fail (MT_IS_VISIT_CARD (self), NULL);
  return self->menu && gtk_widget_get_visible (self->menu) ? self->menu : NULL;
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  popup_menu (MT_VISIT_CARD (widget), 24, 24);
}

static void
mt_visit_card_dispose (GObject *object)
{
  MtVisitCard *self = MT_VISIT_CARD (object);

  g_clear_handle_id (&self->flash_id, g_source_remove);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_VISIT_CARD);
  {
    GtkWidget *child;

    /* the template's children that no field holds */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->visit);
  g_clear_object (&self->tour);

  G_OBJECT_CLASS (mt_visit_card_parent_class)->dispose (object);
}

static void
mt_visit_card_finalize (GObject *object)
{
  MtVisitCard *self = MT_VISIT_CARD (object);

  g_free (self->status_class);

  G_OBJECT_CLASS (mt_visit_card_parent_class)->finalize (object);
}

static void
mt_visit_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MtVisitCard *self = MT_VISIT_CARD (object);

  switch (prop_id)
    {
    case PROP_VISIT:
      g_value_set_object (value, self->visit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_visit_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MtVisitCard *self = MT_VISIT_CARD (object);

  switch (prop_id)
    {
    case PROP_VISIT:
      mt_visit_card_set_visit (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_visit_card_class_init (MtVisitCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_visit_card_dispose;
  object_class->finalize = mt_visit_card_finalize;
  object_class->get_property = mt_visit_card_get_property;
  object_class->set_property = mt_visit_card_set_property;

  properties[PROP_VISIT] =
    g_param_spec_object ("visit", NULL, NULL, MT_TYPE_VISIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  (void) mt_board_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-visit-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MtVisitCard, kind_image);
  gtk_widget_class_bind_template_child (widget_class, MtVisitCard, time_label);
  gtk_widget_class_bind_template_child (widget_class, MtVisitCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, MtVisitCard, problem_image);
  gtk_widget_class_bind_template_child (widget_class, MtVisitCard, unseen_dot);
  gtk_widget_class_bind_template_child (widget_class, MtVisitCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, MtVisitCard, place_label);
  gtk_widget_class_bind_template_child (widget_class, MtVisitCard, chips_box);

  gtk_widget_class_install_action (widget_class, "card.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "visitcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mt_visit_card_init (MtVisitCard *self)
{
  GtkDragSource *source;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->problem_level = -1;

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect_swapped (source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
mt_visit_card_new (void)
{
  return g_object_new (MT_TYPE_VISIT_CARD, NULL);
}
