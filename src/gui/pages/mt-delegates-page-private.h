/* mt-delegates-page-private.h: what the delegates page shares with its
 * editor and its list of groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-delegates-page.h"
#include "mt-page-logic.h"

G_BEGIN_DECLS

void _mt_delegates_page_delete_delegate (MtDelegatesPage *self,
                                         MtDelegate      *delegate);
/* the tour's group @id, or NULL */
MtGroup *_mt_delegates_page_lookup_group (MtDelegatesPage *self,
                                          const char      *id);

/* mt-delegates-page-groups.c: fills @list with the tour's groups, and asks
 * for a new group's name */
void _mt_delegates_page_bind_groups     (MtDelegatesPage *self,
                                         GtkListBox      *list);
void _mt_delegates_page_add_group       (MtDelegatesPage *self);
/* the editor of a group's name, colour and members; @group_id NULL for a
 * new group. Returns its window, for tests. */
GtkWindow *_mt_delegates_page_edit_group (MtDelegatesPage *self,
                                          const char      *group_id);

/* mt-delegates-page-selection.c: what the page does to the delegates
 * selected (move them to a group, add them to a visit or an interview,
 * show one's schedule), and the bar that offers it */
GtkSelectionModel *_mt_delegates_page_get_selection (MtDelegatesPage *self);
/* the ids of the delegates selected, in the table's order */
GStrv _mt_delegates_page_dup_selected_ids       (MtDelegatesPage *self);
void  _mt_delegates_page_class_init_selection   (GtkWidgetClass  *widget_class);
void  _mt_delegates_page_init_selection         (MtDelegatesPage *self,
                                                 GtkActionBar    *bar,
                                                 GtkLabel        *label,
                                                 GtkMenuButton   *move_button);
/* a last column, with a button that shows the row's schedule */
void  _mt_delegates_page_add_schedule_column    (MtDelegatesPage *self,
                                                 GtkColumnView   *view);

G_END_DECLS
