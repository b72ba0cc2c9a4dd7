/* mt-digest-private.h: what the digest's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-digest.h"

G_BEGIN_DECLS

/* What the digests of one tour share: the plan now, the versions they
 * compare with, and the changes to the visits of each pair of groups */
typedef struct _MtDigestContext MtDigestContext;

MtDigestContext *_mt_digest_context_new   (MtTour          *tour);
MtDigestContext *_mt_digest_context_ref   (MtDigestContext *context);
void             _mt_digest_context_unref (MtDigestContext *context);
/* @since: NULL where the delegate received no version */
MtDigest        *_mt_digest_compute       (MtDigestContext *context,
                                           MtDelegate      *delegate,
                                           MtVersion       *since);

/* a place in both languages, with its address; NULL where none is known
 * (mt-digest-format.c) */
char            *_mt_digest_format_place  (const MtVersionPlace *place);

G_END_DECLS
