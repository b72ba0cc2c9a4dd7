/* mt-interviews-page-private.h: what the interviews page shares with its
 * editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-interviews-page.h"

G_BEGIN_DECLS

static inline const char *
nonnull (const char *s)
{
  return s != NULL ? s : "";
}

G_END_DECLS
