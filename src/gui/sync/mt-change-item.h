/* mt-change-item.h: one line of what the syncs brought in
 *
 * "Lin moved “EHang” to 15:30": who changed what, when by their clock,
 * and the item a click on the line reveals. The changes panel lists them;
 * mt_sync_words_describe() makes them from a merge's report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_CHANGE_ITEM (mt_change_item_get_type ())
G_DECLARE_FINAL_TYPE (MtChangeItem, mt_change_item, MT, CHANGE_ITEM, GObject)

/* @id: (nullable): the item to reveal; NULL for the tour itself or an
 * item that is gone */
MtChangeItem *mt_change_item_new             (const char   *text,
                                              const char   *who,
                                              gint64        when_ms,
                                              MtEntityKind  kind,
                                              const char   *id);
const char   *mt_change_item_get_text        (MtChangeItem *self);
const char   *mt_change_item_get_who         (MtChangeItem *self);
gint64        mt_change_item_get_when        (MtChangeItem *self);
/* MT_N_ENTITY_KINDS for the tour itself */
MtEntityKind  mt_change_item_get_kind        (MtChangeItem *self);
const char   *mt_change_item_get_id          (MtChangeItem *self);

G_END_DECLS
