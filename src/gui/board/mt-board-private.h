/* mt-board-private.h: what the board's drop targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* whether the drop copies: the source offers only a copy while Ctrl is held */
static inline gboolean
_mt_board_drop_copies (GtkDropTarget *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  return drop != NULL && gdk_drop_get_actions (drop) == GDK_ACTION_COPY;
}

/* the action a drop target's "enter" and "motion" answer with */
static inline GdkDragAction
_mt_board_drop_action (GtkDropTarget *target)
{
  return _mt_board_drop_copies (target) ? GDK_ACTION_COPY : GDK_ACTION_MOVE;
}

G_END_DECLS
