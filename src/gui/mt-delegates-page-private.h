/* mt-delegates-page-private.h: what the delegates page shares with its
 * editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-delegates-page.h"

G_BEGIN_DECLS

static inline const char *
nonnull (const char *s)
{
  return s != NULL ? s : "";
}

void _mt_delegates_page_delete_delegate (MtDelegatesPage *self,
                                         MtDelegate      *delegate);

G_END_DECLS
