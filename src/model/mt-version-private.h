/* mt-version-private.h: what the tour, its file and the merge share of an
 * issued version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-json-reader.h"
#include "mt-json-writer.h"
#include "mt-merge.h"
#include "mt-tour.h"
#include "mt-version.h"

G_BEGIN_DECLS

/* What a version stores: what differs from its base (everything, where it
 * has none). */
typedef struct
{
  GPtrArray  *items;      /* of MtVersionItem: new or changed since the base */
  GPtrArray  *removed;    /* of char *: items of the base it no longer has */
  GHashTable *places;     /* site id → MtVersionPlace: new or changed */
  GHashTable *recipients; /* delegate id → group id ("" for none): new or moved */
  GPtrArray  *left;       /* of char *: recipients of the base it no longer has */
} MtVersionDelta;

MtVersion      *_mt_version_new             (const char     *id,
                                             guint           number,
                                             gint64          issued,
                                             const MtStamp  *stamp,
                                             const char     *note,
                                             const char     *base_id);
MtVersionDelta *_mt_version_get_delta       (MtVersion      *self);
const char     *_mt_version_get_base_id     (MtVersion      *self);
void            _mt_version_set_base        (MtVersion      *self,
                                             MtVersion      *base);
/* the tour it belongs to, which stamps and records its withdrawal */
void            _mt_version_set_tour        (MtVersion      *self,
                                             MtTour         *tour);
MtTour         *_mt_version_get_tour        (MtVersion      *self);
const MtStamp  *_mt_version_get_withdrawn_stamp (MtVersion  *self);
/* the state as read or merged: no history, no new stamp */
void            _mt_version_put_withdrawn   (MtVersion      *self,
                                             gboolean        withdrawn,
                                             const MtStamp  *stamp);
/* members of a newer version of the file, kept to be written back */
JsonObject     *_mt_version_get_unknown     (MtVersion      *self);
void            _mt_version_set_unknown     (MtVersion      *self,
                                             JsonObject     *unknown);
/* a copy for another tour: the same content and state */
MtVersion      *_mt_version_copy            (MtVersion      *self);

MtVersionItem  *_mt_version_item_copy       (const MtVersionItem  *item);
MtVersionPlace *_mt_version_place_copy      (const MtVersionPlace *place);

/* A snapshot that owns what it holds: the tour's plan as it is */
MtSnapshot     *_mt_snapshot_new_owning     (void);
void            _mt_snapshot_take_item      (MtSnapshot     *snapshot,
                                             MtVersionItem  *item);
void            _mt_snapshot_take_place     (MtSnapshot     *snapshot,
                                             const char     *site_id,
                                             MtVersionPlace *place);
void            _mt_snapshot_add_recipient  (MtSnapshot     *snapshot,
                                             const char     *delegate_id,
                                             const char     *group_id);
GHashTable     *_mt_snapshot_get_places     (MtSnapshot     *snapshot);
GHashTable     *_mt_snapshot_get_recipients (MtSnapshot     *snapshot);

/* Takes into @self the versions of @other it has not, and of each the
 * state with the greater stamp (mt-tour-versions.c) */
void            _mt_tour_merge_versions     (MtTour         *self,
                                             MtTour         *other,
                                             MtMergeReport  *report);

/* The file (mt-version-json.c) */
MtVersion      *_mt_version_read_json       (MtJsonReader   *reader,
                                             const char     *path,
                                             GError        **error);
void            _mt_version_write_json      (MtVersion      *self,
                                             MtJsonWriter   *writer);

G_END_DECLS
