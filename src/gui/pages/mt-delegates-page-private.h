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

G_END_DECLS
