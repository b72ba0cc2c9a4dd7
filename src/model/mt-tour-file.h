/* mt-tour-file.h: reading and writing the .mtour file
 *
 * The tour file is JSON with "format": 2 (see FORMAT.md). Loading
 * either gives a complete new tour or an error naming the file, the position
 * and the bad field and value; it never changes a tour in memory. Saving
 * writes a temporary file and renames it over the old one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mt-tour.h"

G_BEGIN_DECLS

#define MT_TOUR_FORMAT 2
#define MT_TOUR_ERROR (mt_tour_error_quark ())

typedef enum
{
  MT_TOUR_ERROR_IO,           /* the file could not be read or written */
  MT_TOUR_ERROR_SYNTAX,       /* not JSON, or truncated */
  MT_TOUR_ERROR_INVALID,      /* a field has a wrong type or value */
  MT_TOUR_ERROR_NEWER_FORMAT, /* written by a newer version */
  MT_TOUR_ERROR_DUPLICATE_ID, /* two entities share an id */
  MT_TOUR_ERROR_TOO_LARGE,    /* beyond what a tour file may hold (see below) */
} MtTourError;

/* What a tour file may hold: a tour of 100 000 visits is about 50 MB and
 * 120 000 items. The bounds keep a hostile file to a known memory. */
#define MT_TOUR_MAX_FILE_SIZE (128 * 1024 * 1024)
#define MT_TOUR_MAX_ITEMS 1000000

GQuark   mt_tour_error_quark        (void);

/* @name names the data in error messages (a file's name); @warnings, where
 * not NULL, receives one message a line for what was loaded but is wrong
 * (a reference to an id that does not exist). */
MtTour  *mt_tour_load_from_data     (const char    *data,
                                     gssize         length,
                                     const char    *name,
                                     GPtrArray    **warnings,
                                     GError       **error);
MtTour  *mt_tour_load_file          (GFile         *file,
                                     GPtrArray    **warnings,
                                     GCancellable  *cancellable,
                                     GError       **error);
void     mt_tour_load_file_async    (GFile         *file,
                                     GCancellable  *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer       user_data);
MtTour  *mt_tour_load_file_finish   (GAsyncResult  *result,
                                     GPtrArray    **warnings,
                                     GError       **error);

GBytes  *mt_tour_save_to_bytes      (MtTour        *tour);
/* the digest of the contents a file names as its "revision" */
char    *mt_tour_file_dup_revision  (GBytes        *contents);
gboolean mt_tour_save_file          (MtTour        *tour,
                                     GFile         *file,
                                     GCancellable  *cancellable,
                                     GError       **error);
void     mt_tour_save_file_async    (MtTour        *tour,
                                     GFile         *file,
                                     GCancellable  *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer       user_data);
gboolean mt_tour_save_file_finish   (GAsyncResult  *result,
                                     GError       **error);

/* the Guangdong sample tour built into the program */
MtTour  *mt_tour_new_sample         (void);

/* a deterministic synthetic tour for tests and benchmarks */
MtTour  *mt_tour_generate           (guint          n_visits,
                                     guint          n_delegates,
                                     guint          n_interviews,
                                     guint32        seed);

G_END_DECLS
