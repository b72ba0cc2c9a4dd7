/* mt-export-logic.h: what the Export, Print and Import dialogs do, without
 * GTK
 *
 * The dialogs choose; these functions write the files through the formats'
 * own exporters (mt-ical.h, mt-csv.h, mt-print.h), name the files of a
 * folder of personal schedules, and switch the language that a printout or
 * an export is written in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"
#include "mt-print.h"

G_BEGIN_DECLS

typedef enum
{
  MT_EXPORT_ICS,
  MT_EXPORT_CSV,
  MT_EXPORT_PDF,
} MtExportFormat;

/* "ics", "csv", "pdf" */
const char *mt_export_format_extension (MtExportFormat  format);

/* What an export or a printout shows: the whole tour (both NULL), one
 * group, or one delegate. */
typedef struct
{
  const char *group_id;
  const char *delegate_id;
} MtExportScope;

/* Writes the schedule of @scope as @format to @file (@paper for PDF),
 * replacing it only once all is written. */
gboolean    mt_export_write            (MtTour              *tour,
                                        const MtExportScope *scope,
                                        MtExportFormat       format,
                                        MtPaper              paper,
                                        GFile               *file,
                                        GCancellable        *cancellable,
                                        GError             **error);

/* The name of a file for @name with @extension: what file systems refuse
 * in a name replaced, an empty name given @fallback, and " (2)", " (3)" …
 * added where @used (a set of names, which the name joins) holds it
 * already, case aside. */
char       *mt_export_file_name        (const char          *name,
                                        const char          *fallback,
                                        const char          *extension,
                                        GHashTable          *used);
/* a set for mt_export_file_name() */
GHashTable *mt_export_names_new        (void);

/* What a printout shows: the itineraries of the whole tour, of a group, or
 * of each of several delegates one after the other, each from a new page
 * with its own page numbers. Drawn with the formats' print code, for
 * GtkPrintOperation and the preview alike. */
typedef struct _MtPrintJob MtPrintJob;

/* @delegate_ids: NULL or empty for the whole tour or @group_id; NULL with
 * @error set where one is unknown */
MtPrintJob *mt_print_job_new           (MtTour              *tour,
                                        const char          *group_id,
                                        const char * const  *delegate_ids,
                                        GError             **error);
void        mt_print_job_free          (MtPrintJob          *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtPrintJob, mt_print_job_free)
/* lays the itineraries out on pages of @width × @height points */
guint       mt_print_job_get_n_pages   (MtPrintJob          *job,
                                        double               width,
                                        double               height);
void        mt_print_job_draw_page     (MtPrintJob          *job,
                                        cairo_t             *cr,
                                        guint                page,
                                        double               width,
                                        double               height);

/* The languages a printout or an export can be written in besides the
 * app's own: "en" (English), and the languages with a catalogue whose
 * locale is installed ("zh_CN"). */
gboolean    mt_language_available      (const char          *language);

/* The languages to offer, the app's own ("") first: a new array of codes */
GPtrArray  *mt_language_list           (void);
/* "The app’s language", "English", "简体中文": each in its own language */
const char *mt_language_label          (const char          *language);

typedef struct _MtLanguage MtLanguage;

/* Makes this thread's translations, and its names of months and days,
 * those of @language until mt_language_pop(); NULL or "" (the app's own
 * language), or a language whose locale is missing, changes nothing and
 * returns NULL. */
MtLanguage *mt_language_push           (const char          *language);
void        mt_language_pop            (MtLanguage          *language);

G_END_DECLS
