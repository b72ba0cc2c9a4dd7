/* mt-sites-page.h: the cities, their sites and the route of each day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-model.h"
#include "mt-tour-view.h"

G_BEGIN_DECLS

#define MT_TYPE_SITES_PAGE (mt_sites_page_get_type ())
G_DECLARE_FINAL_TYPE (MtSitesPage, mt_sites_page, MT, SITES_PAGE, AdwBin)

GtkWidget *mt_sites_page_new         (void);
MtTour    *mt_sites_page_get_tour    (MtSitesPage *self);
/* Opens the editor of a city or a site (@id), or of a new one of @kind
 * (MT_ENTITY_CITY or MT_ENTITY_SITE) when @id is NULL. Returns its window. */
GtkWindow *mt_sites_page_edit        (MtSitesPage  *self,
                                      MtEntityKind  kind,
                                      const char   *id);
/* the route drawing, for tests and screenshots */
GtkWidget *mt_sites_page_get_route_view (MtSitesPage *self);

G_END_DECLS
