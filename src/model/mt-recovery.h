/* mt-recovery.h: autosave of unsaved edits, and their recovery after a crash
 *
 * An MtRecovery watches one open tour. Within a couple of seconds of a
 * change it writes the whole tour to a recovery file in
 * $XDG_DATA_HOME/mediatour/recovery/ (atomically: a temporary file renamed
 * over the old one), with a small JSON file beside it that names the tour's
 * own file. A successful save, or closing without saving, deletes both. What
 * is left in the folder at start was not saved: mt_recovery_list() finds it.
 *
 * No GTK here, so the tests drive it without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-tour.h"

G_BEGIN_DECLS

#define MT_RECOVERY_DELAY_MS 2000

#define MT_TYPE_RECOVERY (mt_recovery_get_type ())
G_DECLARE_FINAL_TYPE (MtRecovery, mt_recovery, MT, RECOVERY, GObject)

/* $XDG_DATA_HOME/mediatour/recovery */
char       *mt_recovery_dup_dir        (void);

MtRecovery *mt_recovery_new            (MtTour      *tour,
                                        GFile       *file);
/* the tour's own file changed (Save As); NULL for an untitled tour */
void        mt_recovery_set_file       (MtRecovery  *self,
                                        GFile       *file);
/* a restored tour has unsaved edits although its history is clean */
void        mt_recovery_set_unsaved    (MtRecovery  *self,
                                        gboolean     unsaved);
void        mt_recovery_set_delay      (MtRecovery  *self,
                                        guint        delay_ms);
/* the path of the recovery file (it exists only while edits are unsaved) */
const char *mt_recovery_get_path       (MtRecovery  *self);
/* writes the pending edits now; TRUE when nothing is pending */
gboolean    mt_recovery_flush          (MtRecovery  *self,
                                        GError     **error);
/* the edits are saved, or thrown away: deletes the recovery files */
void        mt_recovery_discard        (MtRecovery  *self);

typedef struct
{
  char   *path;           /* the recovery file */
  char   *original_path;  /* the tour's own file, or NULL when untitled */
  char   *title;          /* the tour's title when it was written, or NULL */
  gint64  written_usec;   /* when it was written, wall-clock microseconds */
} MtRecoveryItem;

void        mt_recovery_item_free      (MtRecoveryItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtRecoveryItem, mt_recovery_item_free)

/* The recovery files left by sessions that did not save, newest first:
 * a GPtrArray of MtRecoveryItem. */
GPtrArray  *mt_recovery_list           (void);
/* deletes the files of @item */
void        mt_recovery_item_delete    (const MtRecoveryItem *item);

G_END_DECLS
