/* mt-history.c: undo and redo for a tour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-history.h"
#include "mt-tour-private.h"

typedef enum
{
  CHANGE_PROPERTY,
  CHANGE_ADD,
  CHANGE_REMOVE,
} ChangeType;

typedef struct
{
  ChangeType  type;
  GObject    *object;
  GParamSpec *pspec;      /* CHANGE_PROPERTY */
  GValue      old_value;  /* CHANGE_PROPERTY */
  GValue      new_value;  /* CHANGE_PROPERTY */
  guint       position;   /* CHANGE_ADD, CHANGE_REMOVE */
} Change;

typedef struct
{
  char      *label;
  GPtrArray *changes;
} Step;

struct _MtHistory
{
  GObject    parent_instance;

  MtTour    *tour;       /* unowned: the tour owns its history */
  GPtrArray *undo;       /* of Step, oldest first */
  GPtrArray *redo;       /* of Step, the next to redo last */
  Step      *open;       /* the step between begin and end */
  guint      depth;
  guint      saved_at;   /* undo->len when last saved */

  guint      saved_valid : 1;
  guint      replaying : 1;
};

G_DEFINE_FINAL_TYPE (MtHistory, mt_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->object);
  if (G_IS_VALUE (&change->old_value))
    g_value_unset (&change->old_value);
  if (G_IS_VALUE (&change->new_value))
    g_value_unset (&change->new_value);
  g_free (change);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->changes = g_ptr_array_new_with_free_func (change_free);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

typedef struct
{
  gboolean    can_undo;
  gboolean    can_redo;
  const char *undo_label;
  const char *redo_label;
  gboolean    dirty;
} State;

static void
get_state (MtHistory *self,
           State     *state)
{
  state->can_undo = mt_history_can_undo (self);
  state->can_redo = mt_history_can_redo (self);
  state->undo_label = mt_history_get_undo_label (self);
  state->redo_label = mt_history_get_redo_label (self);
  state->dirty = mt_history_get_dirty (self);
}

/* The one place that announces what changed in the history. */
static void
notify_changes (MtHistory   *self,
                const State *before)
{
  State after;

  get_state (self, &after);
  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->undo_label != after.undo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before->redo_label != after.redo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  if (before->dirty != after.dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
mt_history_finalize (GObject *object)
{
  MtHistory *self = MT_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open, step_free);

  G_OBJECT_CLASS (mt_history_parent_class)->finalize (object);
}

static void
mt_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MtHistory *self = MT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, mt_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, mt_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, mt_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, mt_history_get_redo_label (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, mt_history_get_dirty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_history_class_init (MtHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mt_history_finalize;
  object_class->get_property = mt_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mt_history_init (MtHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
  self->saved_valid = TRUE;
}

MtHistory *
_mt_history_new (MtTour *tour)
{
  MtHistory *self = g_object_new (MT_TYPE_HISTORY, NULL);

  self->tour = tour;
  return self;
}

/**
 * mt_history_begin:
 * @label: what the user did, as the undo toast names it ("Move “EHang”")
 *
 * Opens a step: every change until the matching mt_history_end() is undone
 * and redone together. Calls nest; the outermost label counts.
 */
void
mt_history_begin (MtHistory  *self,
                  const char *label)
{
  g_return_if_fail (MT_IS_HISTORY (self));

  if (self->depth++ == 0)
    {
      g_assert (self->open == NULL);
      self->open = step_new (label);
    }
}

static void
push_step (MtHistory *self,
           Step      *step)
{
  State before;

  get_state (self, &before);

  if (self->saved_at > self->undo->len)
    self->saved_valid = FALSE;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, step);

  notify_changes (self, &before);
}

/* Names the open step after what it turned out to hold (a merge knows
 * what came in only at its end) */
void
_mt_history_set_open_label (MtHistory  *self,
                            const char *label)
{
  g_return_if_fail (self->open != NULL);

  g_free (self->open->label);
  self->open->label = g_strdup (label);
}

void
mt_history_end (MtHistory *self)
{
  Step *step;

  g_return_if_fail (MT_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  step = g_steal_pointer (&self->open);
  if (step->changes->len == 0)
    step_free (step);
  else
    push_step (self, step);
}

static char *
default_label (Change *change)
{
  const char *name = NULL;

  if (MT_IS_ENTITY (change->object))
    name = mt_entity_get_display_name (MT_ENTITY (change->object));

  switch (change->type)
    {
    case CHANGE_ADD:
      /* Translators: an undoable step, “%s” names what was added */
      return name ? g_strdup_printf (_("Add “%s”"), name) : g_strdup (_("Add item"));
    case CHANGE_REMOVE:
      /* Translators: an undoable step, “%s” names what was deleted */
      return name ? g_strdup_printf (_("Delete “%s”"), name) : g_strdup (_("Delete item"));
    case CHANGE_PROPERTY:
    default:
      if (!MT_IS_ENTITY (change->object))
        return g_strdup (_("Edit tour details"));
      /* Translators: an undoable step, “%s” names what was edited */
      return name ? g_strdup_printf (_("Edit “%s”"), name) : g_strdup (_("Edit item"));
    }
}

static void
record (MtHistory *self,
        Change    *change)
{
  if (self->replaying)
    {
      change_free (change);
      return;
    }

  if (self->open != NULL)
    {
      g_ptr_array_add (self->open->changes, change);
    }
  else
    {
      g_autofree char *label = default_label (change);
      Step *step = step_new (label);

      g_ptr_array_add (step->changes, change);
      push_step (self, step);
    }
}

void
_mt_history_record_property (MtHistory    *self,
                             GObject      *object,
                             GParamSpec   *pspec,
                             const GValue *old_value)
{
  Change *change;

  if (self->replaying)
    return;

  change = g_new0 (Change, 1);
  change->type = CHANGE_PROPERTY;
  change->object = g_object_ref (object);
  change->pspec = pspec;
  g_value_init (&change->old_value, G_VALUE_TYPE (old_value));
  g_value_copy (old_value, &change->old_value);
  g_value_init (&change->new_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &change->new_value);
  record (self, change);
}

static void
record_membership (MtHistory  *self,
                   ChangeType  type,
                   MtEntity   *entity,
                   guint       position)
{
  Change *change;

  if (self->replaying)
    return;

  change = g_new0 (Change, 1);
  change->type = type;
  change->object = g_object_ref (G_OBJECT (entity));
  change->position = position;
  record (self, change);
}

void
_mt_history_record_add (MtHistory *self,
                        MtEntity  *entity,
                        guint      position)
{
  record_membership (self, CHANGE_ADD, entity, position);
}

void
_mt_history_record_remove (MtHistory *self,
                           MtEntity  *entity,
                           guint      position)
{
  record_membership (self, CHANGE_REMOVE, entity, position);
}

static void
apply (MtHistory *self,
       Change    *change,
       gboolean   forward)
{
  switch (change->type)
    {
    case CHANGE_PROPERTY:
      g_object_set_property (change->object, change->pspec->name,
                             forward ? &change->new_value : &change->old_value);
      break;

    case CHANGE_ADD:
    case CHANGE_REMOVE:
      if ((change->type == CHANGE_ADD) == forward)
        _mt_tour_insert (self->tour, MT_ENTITY (change->object), change->position);
      else
        mt_tour_remove (self->tour, MT_ENTITY (change->object));
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
replay (MtHistory *self,
        GPtrArray *from,
        GPtrArray *to,
        gboolean   forward)
{
  Step *step;
  State before;

  g_return_val_if_fail (self->depth == 0, FALSE);

  if (from->len == 0)
    return FALSE;

  get_state (self, &before);
  step = g_ptr_array_steal_index (from, from->len - 1);

  self->replaying = TRUE;
  if (forward)
    for (guint i = 0; i < step->changes->len; i++)
      apply (self, g_ptr_array_index (step->changes, i), TRUE);
  else
    for (guint i = step->changes->len; i > 0; i--)
      apply (self, g_ptr_array_index (step->changes, i - 1), FALSE);
  self->replaying = FALSE;

  g_ptr_array_add (to, step);
  notify_changes (self, &before);
  return TRUE;
}

/**
 * mt_history_undo:
 *
 * Returns: %FALSE where there was nothing to undo
 */
gboolean
mt_history_undo (MtHistory *self)
{
  g_return_val_if_fail (MT_IS_HISTORY (self), FALSE);
  return replay (self, self->undo, self->redo, FALSE);
}

/**
 * mt_history_redo:
 *
 * Returns: %FALSE where there was nothing to redo
 */
gboolean
mt_history_redo (MtHistory *self)
{
  g_return_val_if_fail (MT_IS_HISTORY (self), FALSE);
  return replay (self, self->redo, self->undo, TRUE);
}

gboolean
mt_history_can_undo (MtHistory *self)
{
  g_return_val_if_fail (MT_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
mt_history_can_redo (MtHistory *self)
{
  g_return_val_if_fail (MT_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

static const char *
top_label (GPtrArray *steps)
{
  if (steps->len == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (steps, steps->len - 1))->label;
}

const char *
mt_history_get_undo_label (MtHistory *self)
{
  g_return_val_if_fail (MT_IS_HISTORY (self), NULL);
  return top_label (self->undo);
}

const char *
mt_history_get_redo_label (MtHistory *self)
{
  g_return_val_if_fail (MT_IS_HISTORY (self), NULL);
  return top_label (self->redo);
}

guint
mt_history_get_n_steps (MtHistory *self)
{
  g_return_val_if_fail (MT_IS_HISTORY (self), 0);
  return self->undo->len;
}

gboolean
mt_history_get_dirty (MtHistory *self)
{
  g_return_val_if_fail (MT_IS_HISTORY (self), FALSE);
  return !self->saved_valid || self->saved_at != self->undo->len;
}

void
mt_history_mark_saved (MtHistory *self)
{
  State before;

  g_return_if_fail (MT_IS_HISTORY (self));

  get_state (self, &before);
  self->saved_at = self->undo->len;
  self->saved_valid = TRUE;
  notify_changes (self, &before);
}

/* Forgets every step; the tour as it is counts as saved. */
void
mt_history_clear (MtHistory *self)
{
  State before;

  g_return_if_fail (MT_IS_HISTORY (self));
  g_return_if_fail (self->depth == 0);

  get_state (self, &before);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_at = 0;
  self->saved_valid = TRUE;
  notify_changes (self, &before);
}
