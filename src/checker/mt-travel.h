/* mt-travel.h: travel times between sites, cached
 *
 * The time a coach needs from one site to another: the great-circle distance
 * between them, times a road factor, at an average speed, rounded up to whole
 * minutes. A site without a position (latitude and longitude both 0) takes
 * its city's. Times are computed when first asked for and kept in a
 * matrix of the pairs asked for, until a site moves or the speed changes.
 *
 * MtTravel is a plain structure owned by one MtChecker; it borrows the tour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-tour.h"

G_BEGIN_DECLS

typedef struct _MtTravel MtTravel;

MtTravel *mt_travel_new             (MtTour   *tour);
void      mt_travel_free            (MtTravel *self);
/* clears the cache where either value changes */
void      mt_travel_set_speed       (MtTravel *self,
                                     double    speed_kmh,
                                     double    road_factor);
/* minutes from @from to @to (0 for the same site), or -1 where either has
 * no known position */
int       mt_travel_get_minutes     (MtTravel *self,
                                     MtSite   *from,
                                     MtSite   *to);
/* forgets what it knew of @site where its position changed; TRUE if so */
gboolean  mt_travel_invalidate_site (MtTravel *self,
                                     MtSite   *site);
/* forgets everything (a city moved, the tour was reloaded) */
void      mt_travel_invalidate      (MtTravel *self);
/* how many pairs the matrix holds */
guint     mt_travel_get_n_cached    (MtTravel *self);

double    mt_travel_distance_km     (double    latitude1,
                                     double    longitude1,
                                     double    latitude2,
                                     double    longitude2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtTravel, mt_travel_free)

G_END_DECLS
