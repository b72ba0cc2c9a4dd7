/* mt-sync-pending.h: how many edits made here the server has not seen
 *
 * The version last agreed with the server (the sync state's base) merged
 * with the tour as it is now: what the tour has that the base lacks went
 * out to nobody yet. Counted as the changes panel would list it (a move is
 * one edit), in a worker thread, on copies: the open tour is not touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @base and @current: tour files, as mt_tour_save_to_bytes() writes them */
void   mt_sync_pending_count_async  (GBytes               *base,
                                     GBytes               *current,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
/* the number of edits, or G_MAXUINT with @error set */
guint  mt_sync_pending_count_finish (GAsyncResult         *result,
                                     GError              **error);
/* the same, here and now */
guint  mt_sync_pending_count        (GBytes               *base,
                                     GBytes               *current,
                                     GError              **error);

G_END_DECLS
