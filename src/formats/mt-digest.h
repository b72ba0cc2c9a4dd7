/* mt-digest.h: what changed for a delegate since their copy of the plan
 *
 * A digest compares a delegate's schedule in an issued version (by
 * default the newest one they received, mt_tour_get_received_version())
 * with their schedule now: the visits of their group then and now, and
 * their own interviews. Each item that changed for them is one entry:
 * added, no longer theirs, moved, at another place, of another status,
 * with another meeting point or title. Nothing that did not change for
 * them is listed, so a visit moved for another group is in no digest of
 * this group's delegates, and a change undone before the version was
 * issued is in none.
 *
 * The digests of every delegate share their work: the versions are
 * resolved once and the visits compared once for each pair of groups
 * (then and now), so a digest of all delegates takes time in proportion
 * to their number. mt-digest-format.c writes a digest in words, text or
 * HTML, in the language of the moment (mt-language.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mt-tour.h"

G_BEGIN_DECLS

typedef enum
{
  MT_DIGEST_ADDED   = 1 << 0, /* on their schedule now, not in their copy */
  MT_DIGEST_REMOVED = 1 << 1, /* in their copy, no longer on their schedule */
  MT_DIGEST_MOVED   = 1 << 2, /* starts or ends at another time */
  MT_DIGEST_PLACE   = 1 << 3, /* at another site or address, another location */
  MT_DIGEST_STATUS  = 1 << 4, /* tentative, confirmed, cancelled… */
  MT_DIGEST_MEETING = 1 << 5, /* another meeting point */
  MT_DIGEST_TITLE   = 1 << 6, /* another title, or interviewee */
} MtDigestChanges;

typedef struct
{
  MtDigestChanges       changes;
  const MtVersionItem  *before;       /* as their copy has it; NULL: added */
  const MtVersionItem  *after;        /* as it is now; NULL: removed */
  const MtVersionPlace *before_place; /* where it was, where known */
  const MtVersionPlace *after_place;  /* where it is, where known */
} MtDigestEntry;

typedef struct _MtDigest MtDigest;

/* @since: (nullable): the version to compare with; NULL for the one the
 * delegate last received. NULL with @error set where the tour has no such
 * delegate. */
MtDigest            *mt_digest_new             (MtTour       *tour,
                                                const char   *delegate_id,
                                                MtVersion    *since,
                                                GError      **error);
/* (transfer full) (element-type MtDigest): the digest of every delegate,
 * in the order of the tour's list */
GPtrArray           *mt_digest_new_all         (MtTour       *tour,
                                                MtVersion    *since);
void                 mt_digest_free            (MtDigest     *digest);

MtTour              *mt_digest_get_tour        (MtDigest     *digest);
MtDelegate          *mt_digest_get_delegate    (MtDigest     *digest);
/* (nullable): the version compared with; NULL where the delegate has
 * received none, and everything on their schedule is new to them */
MtVersion           *mt_digest_get_since       (MtDigest     *digest);
/* the entries, by day and time */
guint                mt_digest_get_n_entries   (MtDigest     *digest);
const MtDigestEntry *mt_digest_get_entry       (MtDigest     *digest,
                                                guint         index);
/* the day (0: the tour's first) under which an entry is listed: of its
 * time now, or of its time then where it is no longer theirs */
int                  mt_digest_entry_get_day   (MtDigest     *digest,
                                                const MtDigestEntry *entry);

/* The digest in words, in the language of the moment: a message ready to
 * send, as plain text or as an HTML page (mt-digest-format.c) */
char                *mt_digest_format_text     (MtDigest     *digest);
char                *mt_digest_format_html     (MtDigest     *digest);
char                *mt_digest_format_heading  (MtDigest     *digest);
char                *mt_digest_format_day      (MtDigest     *digest,
                                                int           day);
/* one line per change of @entry, joined by spaces: "“EHang” moved from
 * 15:30 to 16:00. Meet at the hotel lobby, 15:15." */
char                *mt_digest_format_entry    (MtDigest     *digest,
                                                const MtDigestEntry *entry);

/* Writes, for each digest with changes (or each, where @all), a text and
 * an HTML file in its delegate's language into @folder, and "digests.csv"
 * listing who gets which: the batch to send. Returns how many delegates
 * it wrote for, or -1 with @error set. */
int                  mt_digest_write_batch     (GPtrArray    *digests,
                                                GFile        *folder,
                                                gboolean      all,
                                                GCancellable *cancellable,
                                                GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtDigest, mt_digest_free)

G_END_DECLS
