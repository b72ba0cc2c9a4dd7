/* mt-sync-words.h: what a sync brought in, in words, decided without GTK
 *
 * A merge reports each field that came in (mt-merge.h); the changes panel
 * shows lines a person reads: "Lin moved “EHang” to 15:30", "Wei marked
 * “Banquet” as Confirmed". A visit's start and end, which change together,
 * make one line. Values are shown as the editors show them: times in the
 * tour's zone, ids as the names of what they refer to, enums by their
 * translated labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-merge.h"
#include "mt-change-item.h"

G_BEGIN_DECLS

/* the organiser's name of @replica, or "Someone" */
char        *mt_sync_words_who            (MtTour           *tour,
                                           const char       *replica);
/* the translated name of a field of @kind (MT_N_ENTITY_KINDS: the tour) */
const char  *mt_sync_words_field          (MtEntityKind      kind,
                                           const char       *field);
/* a field's value as the editors show it: "Wednesday, 15 May, 15:30",
 * "“Guangzhou Science City”", "Confirmed", "(empty)" */
char        *mt_sync_words_value          (MtTour           *tour,
                                           MtEntityKind      kind,
                                           const char       *field,
                                           JsonNode         *value);
/* The lines of what came in, in the order of @incoming (of
 * MtMergeChange): a GPtrArray of MtChangeItem. */
GPtrArray   *mt_sync_words_describe       (MtTour           *tour,
                                           GPtrArray        *incoming);
/* how many lines mt_sync_words_describe() makes of @incoming */
guint        mt_sync_words_count          (GPtrArray        *incoming);
/* the heading of a conflict: "“EHang”: Start" */
char        *mt_sync_words_conflict_title (const MtConflict *conflict);

G_END_DECLS
