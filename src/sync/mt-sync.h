/* mt-sync.h: one organiser's copy of a tour in step with the server's
 *
 * A sync reads the tour from the server, merges it into the local copy,
 * and writes the merged tour back where the server's lacked something the
 * local copy had: with If-Match (the ETag it read) so that a write in
 * between is never overwritten (a 412 means read, merge and write again,
 * a few times, with jittered waits), or If-None-Match: * where it creates
 * the tour. Where the server gives a weak ETag or none after a write, a GET
 * of the document's first line confirms which version it holds, by the
 * revision there. After each write it publishes the feeds whose
 * contents changed (mt-feeds.h).
 *
 * The local file, where there is one, is written before the request that
 * sends its contents, and the sync state before any request that depends
 * on it, so a crash at any moment loses nothing and the next sync resumes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-dav-client.h"
#include "mt-merge.h"
#include "mt-sync-state.h"

G_BEGIN_DECLS

#define MT_SYNC_DEFAULT_ATTEMPTS 6
#define MT_SYNC_DEFAULT_DEADLINE_SECONDS 120

typedef struct
{
  MtTour        *tour;        /* the tour as synced (fetched, where there was none) */
  MtMergeReport *report;      /* what came in, NULL where the tour was fetched */
  gboolean       created;     /* the tour is new on the server */
  gboolean       fetched;     /* the tour came from the server */
  gboolean       written;     /* the tour was written to the server */
  guint          n_attempts;  /* reads and merges (more than one after a 412) */
  guint          n_feeds_written;
  GPtrArray     *warnings;    /* what went wrong but did not fail the sync */
  guint          n_requests;
  guint64        bytes_sent;
  guint64        bytes_received;
} MtSyncResult;

void          mt_sync_result_free        (MtSyncResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtSyncResult, mt_sync_result_free)

#define MT_TYPE_SYNC (mt_sync_get_type ())
G_DECLARE_FINAL_TYPE (MtSync, mt_sync, MT, SYNC, GObject)

/* @url: the tour on the server, "https://host/dav/tours/tour.mtour" */
MtSync       *mt_sync_new                (const char    *url,
                                          const char    *user,
                                          const char    *password,
                                          GError       **error);
MtDavClient  *mt_sync_get_client         (MtSync        *self);
const char   *mt_sync_get_url            (MtSync        *self);
void          mt_sync_set_max_attempts   (MtSync        *self,
                                          guint          attempts);
void          mt_sync_set_deadline       (MtSync        *self,
                                          guint          seconds);
/* whether to publish the feeds after a write (TRUE) */
void          mt_sync_set_publish_feeds  (MtSync        *self,
                                          gboolean       publish);

/* Syncs @tour (NULL: fetch the tour from the server) with @state; where
 * @tour_file is given, the merged tour is saved there before it is sent.
 * The merge is one undoable step of @tour's history. */
void          mt_sync_run_async          (MtSync        *self,
                                          MtTour        *tour,
                                          GFile         *tour_file,
                                          MtSyncState   *state,
                                          GCancellable  *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer       user_data);
MtSyncResult *mt_sync_run_finish         (MtSync        *self,
                                          GAsyncResult  *result,
                                          GError       **error);

/* the server folder and the resource name of a tour's URL */
gboolean      mt_sync_split_url          (const char    *url,
                                          char         **folder,
                                          char         **name,
                                          GError       **error);

G_END_DECLS
