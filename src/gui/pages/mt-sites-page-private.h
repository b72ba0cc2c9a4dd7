/* mt-sites-page-private.h: what the sites page shares with the files that
 * make its dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-sites-page.h"

G_BEGIN_DECLS

/* mt-sites-page-delete.c: deletes a site or a city, asking first where
 * anything uses it; returns the question, or NULL when it deleted at once */
GtkWindow *_mt_sites_page_delete (MtSitesPage *self,
                                  MtEntity    *place);

G_END_DECLS
