/* mt-feeds.h: the calendars published for the delegates' phones
 *
 * Beside the tour on the server, read-only iCalendar files: the whole
 * tour, one per group, one per delegate. Their names are made from the
 * tour's feed key (a random key in the tour, the same on every copy) and
 * the item's id, so every organiser publishes to the same names and nobody
 * can guess a delegate's feed from the delegate's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_FEEDS_FOLDER "feeds"

typedef struct
{
  MtEntityKind  kind;   /* MT_N_ENTITY_KINDS for the whole tour */
  char         *id;     /* the group or delegate; NULL for the tour */
  char         *title;  /* the tour's title, the group's or delegate's name */
  char         *name;   /* "feeds/<token>.ics", relative to the tour's folder */
} MtFeed;

void       mt_feed_free          (MtFeed *feed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtFeed, mt_feed_free)

/* The feeds of @tour: the tour, then its groups, then its delegates. The
 * tour needs a feed key (mt_tour_ensure_feed_key()). */
GPtrArray *mt_feeds_list         (MtTour     *tour);
/* the feed's calendar */
GBytes    *mt_feed_export        (MtFeed     *feed,
                                  MtTour     *tour,
                                  GError    **error);
/* the feed's address for a phone: "webcal://…" (or "https://…") */
char      *mt_feed_dup_url       (MtFeed     *feed,
                                  const char *tour_url,
                                  gboolean    webcal);
/* a short digest of a feed's contents, to tell whether it changed */
char      *mt_feed_digest        (GBytes     *contents);

G_END_DECLS
