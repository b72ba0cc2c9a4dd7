/* mt-conflict-item.c: one conflict as the changes panel shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include "mt-conflict-item.h"
#include "mt-sync-words.h"

struct _MtConflictItem
{
  GObject     parent_instance;

  MtConflict *conflict;
  char       *title;
  char       *values[2];  /* kept, lost */
  char       *who[2];
};

G_DEFINE_FINAL_TYPE (MtConflictItem, mt_conflict_item, G_TYPE_OBJECT)

static void
mt_conflict_item_finalize (GObject *object)
{
  MtConflictItem *self = MT_CONFLICT_ITEM (object);

  g_clear_pointer (&self->conflict, mt_conflict_free);
  g_free (self->title);
  for (guint i = 0; i < 2; i++)
    {
      g_free (self->values[i]);
      g_free (self->who[i]);
    }

  G_OBJECT_CLASS (mt_conflict_item_parent_class)->finalize (object);
}

static void
mt_conflict_item_class_init (MtConflictItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mt_conflict_item_finalize;
}

static void
mt_conflict_item_init (MtConflictItem *self)
{
}

MtConflictItem *
mt_conflict_item_new (MtTour           *tour,
                      const MtConflict *conflict)
{
  MtConflictItem *self;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (conflict != NULL, NULL);

  self = g_object_new (MT_TYPE_CONFLICT_ITEM, NULL);
  self->conflict = mt_conflict_copy (conflict);
  self->title = mt_sync_words_conflict_title (conflict);
  self->values[0] = mt_sync_words_value (tour, conflict->entity_kind, conflict->field, conflict->kept_value);
  self->values[1] = mt_sync_words_value (tour, conflict->entity_kind, conflict->field, conflict->lost_value);
  self->who[0] = mt_sync_words_who (tour, conflict->kept_replica);
  self->who[1] = mt_sync_words_who (tour, conflict->lost_replica);
  return self;
}

const MtConflict *
mt_conflict_item_get_conflict (MtConflictItem *self)
{
  g_return_val_if_fail (MT_IS_CONFLICT_ITEM (self), NULL);
  return self->conflict;
}

const char *
mt_conflict_item_get_title (MtConflictItem *self)
{
  g_return_val_if_fail (MT_IS_CONFLICT_ITEM (self), NULL);
  return self->title;
}

const char *
mt_conflict_item_get_value (MtConflictItem *self,
                            gboolean        lost)
{
  g_return_val_if_fail (MT_IS_CONFLICT_ITEM (self), NULL);
  return self->values[lost ? 1 : 0];
}

const char *
mt_conflict_item_get_who (MtConflictItem *self,
                          gboolean        lost)
{
  g_return_val_if_fail (MT_IS_CONFLICT_ITEM (self), NULL);
  return self->who[lost ? 1 : 0];
}

gint64
mt_conflict_item_get_when (MtConflictItem *self,
                           gboolean        lost)
{
  g_return_val_if_fail (MT_IS_CONFLICT_ITEM (self), 0);
  return lost ? self->conflict->lost_ms : self->conflict->kept_ms;
}
