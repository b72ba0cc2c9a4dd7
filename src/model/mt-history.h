/* mt-history.h: undo and redo for a tour
 *
 * The history records every change made to a tour through its API: the old
 * and new value of a property, an entity added or removed. Changes between
 * mt_history_begin() and mt_history_end() form one step with one label (a
 * visit moved together with its interviews is one step); a change made
 * outside such a pair is a step of its own. The GUI and the CLI share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MT_TYPE_HISTORY (mt_history_get_type ())
G_DECLARE_FINAL_TYPE (MtHistory, mt_history, MT, HISTORY, GObject)

void        mt_history_begin          (MtHistory  *self,
                                       const char *label);
void        mt_history_end            (MtHistory  *self);

gboolean    mt_history_can_undo       (MtHistory  *self);
gboolean    mt_history_can_redo       (MtHistory  *self);
/* the label of the step that undo (redo) would revert (replay), or NULL */
const char *mt_history_get_undo_label (MtHistory  *self);
const char *mt_history_get_redo_label (MtHistory  *self);
gboolean    mt_history_undo           (MtHistory  *self);
gboolean    mt_history_redo           (MtHistory  *self);
guint       mt_history_get_n_steps    (MtHistory  *self);

/* the tour differs from the last point marked saved */
gboolean    mt_history_get_dirty      (MtHistory  *self);
void        mt_history_mark_saved     (MtHistory  *self);
void        mt_history_clear          (MtHistory  *self);

G_END_DECLS
