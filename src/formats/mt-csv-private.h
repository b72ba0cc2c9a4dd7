/* mt-csv-private.h: what the CSV writer and the roster import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-csv.h"

G_BEGIN_DECLS

#define MT_CSV_BOM "\xef\xbb\xbf"

/* the roster's columns, in the order they are written */
enum {
  COL_NAME,
  COL_OUTLET,
  COL_ROLE,
  COL_EMAIL,
  COL_PHONE,
  COL_LANGUAGES,
  COL_GROUP,
  COL_DIETARY,
  COL_ACCESS,
  COL_NOTES,
  COL_ID,
  N_COLUMNS
};

typedef struct
{
  const char *key;    /* as the import also accepts it: "name" */
  const char *header; /* translatable, marked N_() */
} MtCsvColumn;

extern const MtCsvColumn _mt_csv_roster_columns[N_COLUMNS];

/* one row, quoted by RFC 4180, ended by CRLF */
void _mt_csv_append_row (GString            *out,
                         const char * const *fields,
                         guint               n_fields);

G_END_DECLS
