/* mt-file-io.h: writing a file so that a failure loses nothing, and reading
 * one within a bound
 *
 * mt_file_replace_contents() writes to a temporary file beside the target,
 * checks every write and the fsync, and only then renames it over the
 * target; on any error it removes the temporary file, leaves the target as
 * it was and says why, naming the file (the disk is full, permission is
 * denied, the folder is gone). The temporary file is ".NAME.mtour-XXXXXX"
 * and is locked (flock) from before it has a name until it is renamed or
 * removed. Where the file system allows, it is made without a name
 * (O_TMPFILE) and named only once complete, so a process killed while
 * writing leaves nothing behind. What a killed save did leave (killed
 * between naming and renaming, or on a file system without O_TMPFILE) is
 * removed by the next save to the same target: a temporary file of ours
 * that no process holds the lock of belongs to no save in progress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* the temporary file of a save of NAME: "." NAME MT_FILE_TEMP_INFIX "XXXXXX" */
#define MT_FILE_TEMP_INFIX ".mtour-"

/* @mode: the new file's permissions, or -1 for those of the file it
 * replaces (0666 less the umask for a new one). The error is in the
 * G_IO_ERROR domain, its message "FILE: could not be saved: WHY". */
gboolean  mt_file_replace_path      (const char    *path,
                                     const char    *data,
                                     gsize          length,
                                     int            mode,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* the same for a GFile; one that is not a local file is written by GIO */
gboolean  mt_file_replace_contents  (GFile         *file,
                                     const char    *data,
                                     gsize          length,
                                     int            mode,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* Removes the temporary files that saves to @path left and no save holds
 * now; returns how many. mt_file_replace_path() calls it. */
guint     mt_file_remove_leftovers  (const char    *path);
/* the same for every file in @dir (a folder only this program writes in) */
guint     mt_file_remove_leftovers_in (const char  *dir);

/* Reads @file whole, or fails with G_IO_ERROR_MESSAGE_TOO_LARGE (and
 * *@length the size found) where it holds more than @max_size bytes,
 * without reading more than that. The contents end with a NUL. */
gboolean  mt_file_load_contents     (GFile         *file,
                                     gsize          max_size,
                                     char         **contents,
                                     gsize         *length,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* the same in a worker thread; the contents as GBytes */
void      mt_file_load_contents_async  (GFile              *file,
                                        gsize               max_size,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
GBytes   *mt_file_load_contents_finish (GAsyncResult       *result,
                                        GError            **error);

G_END_DECLS
