/* mt-sync-state.h: what a copy of a tour remembers of its server
 *
 * Beside the tour file "NAME.mtour", in a folder ".NAME.mtour.sync": the
 * account (the tour's URL and the user; never the password), the copy's
 * replica id, the ETag and revision of the version last agreed with the
 * server, that version itself (base.mtour, which only explains conflicts),
 * the conflicts not yet dismissed, and what each published feed held. Each
 * file is written atomically (a temporary file renamed over it), before
 * any request that depends on it, so a crash at any moment loses nothing
 * and the next sync resumes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-merge.h"
#include "mt-model.h"

G_BEGIN_DECLS

typedef struct
{
  GFile      *dir;          /* the state folder */
  char       *url;          /* the tour on the server */
  char       *user;
  char       *replica;
  char       *etag;         /* of the version last agreed, or NULL */
  char       *revision;     /* of that version, or NULL */
  gint64      last_sync_ms; /* when a sync last ended well, or 0 */
  GHashTable *feeds;        /* published name → digest of its contents */
  GPtrArray  *conflicts;    /* of MtConflict, oldest first */
} MtSyncState;

/* the state folder of @tour_file */
GFile       *mt_sync_state_dir_for     (GFile        *tour_file);
/* the state beside @tour_file; an empty one where there is none yet */
MtSyncState *mt_sync_state_load        (GFile        *tour_file,
                                        GError      **error);
gboolean     mt_sync_state_save        (MtSyncState  *state,
                                        GError      **error);
void         mt_sync_state_free        (MtSyncState  *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtSyncState, mt_sync_state_free)

/* A tour read from the file this state is beside stamps its changes with
 * this copy's replica id, and names it after the user: call it before any
 * edit. */
void         mt_sync_state_apply_to    (MtSyncState  *state,
                                        MtTour       *tour);

/* the version last agreed with the server, or NULL where none is kept */
MtTour      *mt_sync_state_load_base   (MtSyncState  *state,
                                        GError      **error);
gboolean     mt_sync_state_save_base   (MtSyncState  *state,
                                        GBytes       *contents,
                                        GError      **error);

/* Adds what a merge found; a newer conflict on the same field replaces
 * the older one. */
void         mt_sync_state_add_conflicts (MtSyncState *state,
                                          GPtrArray   *conflicts);
/* forgets the conflict at @index */
void         mt_sync_state_dismiss_conflict (MtSyncState *state,
                                             guint        index);
/* forgets what it knew of its server (ETag, revision, feeds, conflicts),
 * keeping the account and the replica id: the tour moved to another */
void         _mt_sync_state_reset_server (MtSyncState *state);
/* Stops sharing: forgets the account, the base and the conflicts. */
gboolean     mt_sync_state_forget      (MtSyncState  *state,
                                        GError      **error);

G_END_DECLS
