/* mt-tour-file-private.h: what mt-tour-file.c shares with
 * mt-tour-file-stamps.c, which reads and writes the merge stamps of format 2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-json-reader.h"
#include "mt-json-writer.h"
#include "mt-tour-private.h"

G_BEGIN_DECLS

/* the replica id of stamps older than the stamps (format 1, the generator) */
#define MT_REPLICA_ORIGIN "origin"

typedef struct
{
  MtStamp     created;                 /* "stamp" */
  MtStamp     props[MT_TOUR_N_PROPS];  /* "stamps" */
  GHashTable *replica_names;           /* "replicas": interned id → name */
  char       *revision;                /* "revision" */
  gint64      newest_modified;         /* format 1: the newest "modified", µs */
} MtTourFileStamps;

void      _mt_tour_file_stamps_clear     (MtTourFileStamps  *stamps);
/* Reads @member where it is one of the stamps': TRUE in *@handled. */
gboolean  _mt_tour_file_read_stamps      (MtJsonReader      *reader,
                                          const char        *member,
                                          MtTourFileStamps  *stamps,
                                          gboolean          *handled,
                                          GError           **error);
/* Gives the tour and its entities, before they are taken into the tour,
 * their stamps; those a format-1 file has none of get stamps of the origin
 * replica, in the order of the file. */
void      _mt_tour_file_apply_stamps     (MtTour            *tour,
                                          MtTourFileStamps  *stamps,
                                          GPtrArray        **entities);
void      _mt_tour_file_write_stamps     (MtTour            *tour,
                                          MtJsonWriter      *writer);
/* the entities of @kind, alive and deleted, in the order of their lists */
void      _mt_tour_file_write_entities   (MtTour            *tour,
                                          MtEntityKind       kind,
                                          MtJsonWriter      *writer);
/* the "versions" member: a list of MtVersions, their bases not linked */
gboolean  _mt_tour_file_read_versions    (MtJsonReader      *reader,
                                          GPtrArray        **out,
                                          GError           **error);
/* puts the "revision" member, a digest of the rest, after "format" */
void      _mt_tour_file_insert_revision  (GString           *text);

G_END_DECLS
