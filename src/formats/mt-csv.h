/* mt-csv.h: the delegate roster and the schedule as CSV
 *
 * Files are UTF-8 with a byte order mark (so spreadsheet programs show
 * Chinese names correctly), a header row, CRLF line ends and quoting by
 * RFC 4180. Reading accepts files with or without the mark, with LF or CRLF,
 * and separated by commas, semicolons or tabs, as spreadsheet programs write
 * them in different countries.
 *
 * The roster import understands the whole file before it changes anything:
 * every bad row is reported by its number (the header is row 1, as in a
 * spreadsheet) with what is wrong, and then nothing is imported. A row whose
 * ID is a delegate's, or whose name and outlet are a delegate's, updates that
 * delegate instead of adding a second one; two rows with the same name and
 * outlet are an error. Groups named in the file that the tour lacks are
 * added. The import is one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mt-tour.h"

G_BEGIN_DECLS

#define MT_CSV_ERROR (mt_csv_error_quark ())
/* What a roster import reads: a roster of 10 000 delegates is about 2 MB,
 * and has 11 columns. A row with more fields is refused without keeping
 * them, a file with more rows is not read past them, and the rows that
 * cannot be imported are listed up to a number. */
#define MT_CSV_MAX_FILE_SIZE (16 * 1024 * 1024)
#define MT_CSV_MAX_ROWS 100000
#define MT_CSV_MAX_FIELDS 256
#define MT_CSV_MAX_BAD_ROWS_SHOWN 100

typedef enum
{
  MT_CSV_ERROR_BAD_ROWS, /* rows that cannot be imported; nothing was */
  MT_CSV_ERROR_NO_NAME,  /* the header has no Name column */
  MT_CSV_ERROR_TOO_LARGE, /* beyond MT_CSV_MAX_FILE_SIZE */
} MtCsvError;

typedef struct
{
  guint n_added;
  guint n_updated;
  guint n_unchanged;
  guint n_groups_added;
} MtCsvImport;

GQuark    mt_csv_error_quark         (void);

GBytes   *mt_csv_export_roster       (MtTour        *tour);
/* the items of mt_ical_select_items(), one a row */
GBytes   *mt_csv_export_schedule     (MtTour        *tour,
                                      const char    *group_id,
                                      const char    *delegate_id,
                                      GError       **error);

/* @bad_rows, where not NULL, receives the "row N: …" messages of a file
 * that was refused; the error's message holds them too, one a line. */
gboolean  mt_csv_import_roster       (MtTour        *tour,
                                      const char    *data,
                                      gsize          length,
                                      const char    *name,
                                      MtCsvImport   *result,
                                      GPtrArray    **bad_rows,
                                      GError       **error);

/* Splits CSV text into records: a GPtrArray of GStrv, each record's row
 * number in @row_numbers where not NULL. Rows that break the quoting rules
 * or have more than MT_CSV_MAX_FIELDS fields are left out, counted in
 * @n_bad_rows and reported in @bad_rows while it holds fewer than
 * MT_CSV_MAX_BAD_ROWS_SHOWN; past MT_CSV_MAX_ROWS rows (and the header)
 * one more is reported and nothing more read. */
GPtrArray *mt_csv_parse              (const char    *data,
                                      gsize          length,
                                      GArray       **row_numbers,
                                      GPtrArray     *bad_rows,
                                      guint         *n_bad_rows);

G_END_DECLS
