/* mt-import-preview.h: what an import would do, before it does it
 *
 * The Import dialog reads an iCalendar file (its events become visits) or
 * a delegate roster saved as CSV, and shows what importing it would add,
 * update and leave out, each with the reason, before anything changes. The
 * preview runs the formats' own import on a copy of the tour and compares
 * the two; importing runs it again on the tour itself, as one undoable
 * step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"

G_BEGIN_DECLS

typedef enum
{
  MT_IMPORT_CALENDAR,
  MT_IMPORT_ROSTER,
} MtImportKind;

typedef enum
{
  MT_IMPORT_ADD,
  MT_IMPORT_UPDATE,
  MT_IMPORT_LEAVE_OUT,
} MtImportChange;

typedef struct
{
  MtImportChange  change;
  char           *title;   /* the visit's title, the delegate's name; NULL for one left out */
  char           *detail;  /* when and where; what changed; why it is left out */
} MtImportItem;

typedef struct
{
  MtImportKind  kind;
  char         *name;         /* the file's name */
  GPtrArray    *items;        /* of MtImportItem: added, updated, left out, in that order */
  guint         n_added;
  guint         n_updated;
  guint         n_unchanged;
  guint         n_left_out;
  guint         n_groups_added;
  GPtrArray    *notes;        /* of "line N: …": what a calendar's import does not
                               * take from the events it imports; NULL for a roster */
  gboolean      refused;      /* nothing can be imported (bad rows of a roster) */
} MtImportPreview;

void             mt_import_preview_free  (MtImportPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtImportPreview, mt_import_preview_free)

/* a calendar (.ics, .ical or BEGIN:VCALENDAR) or a roster (anything else) */
MtImportKind     mt_import_kind_guess    (const char      *name,
                                          const char      *data,
                                          gsize            length);
/* What importing @data (the file @name) into @tour would do; NULL with
 * @error set for a file that cannot be read at all (that is not iCalendar,
 * or a roster without a Name column). @tour does not change. */
MtImportPreview *mt_import_preview_new   (MtTour          *tour,
                                          const char      *data,
                                          gsize            length,
                                          const char      *name,
                                          GError         **error);
/* Imports @data into @tour, one undoable step */
gboolean         mt_import_apply         (MtTour          *tour,
                                          MtImportKind     kind,
                                          const char      *data,
                                          gsize            length,
                                          const char      *name,
                                          GError         **error);

G_END_DECLS
