/* mt-conflict-item.h: one conflict as the changes panel shows it
 *
 * Both values of a field that two organisers changed, in words, with who
 * made each and when: the one the tour holds now ("kept") and the one
 * that lost. The panel offers "Keep this one" on each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-merge.h"

G_BEGIN_DECLS

#define MT_TYPE_CONFLICT_ITEM (mt_conflict_item_get_type ())
G_DECLARE_FINAL_TYPE (MtConflictItem, mt_conflict_item, MT, CONFLICT_ITEM, GObject)

MtConflictItem   *mt_conflict_item_new          (MtTour           *tour,
                                                 const MtConflict *conflict);
const MtConflict *mt_conflict_item_get_conflict (MtConflictItem   *self);
/* "“EHang”: Start" */
const char       *mt_conflict_item_get_title    (MtConflictItem   *self);
/* @lost: the value that lost, or the one the tour holds */
const char       *mt_conflict_item_get_value    (MtConflictItem   *self,
                                                 gboolean          lost);
const char       *mt_conflict_item_get_who      (MtConflictItem   *self,
                                                 gboolean          lost);
gint64            mt_conflict_item_get_when     (MtConflictItem   *self,
                                                 gboolean          lost);

G_END_DECLS
