/* mt-ical.h: the tour as iCalendar (RFC 5545), out and in
 *
 * Export writes one VEVENT per scheduled visit and interview of the whole
 * tour, of one group or of one delegate (the visits of their group and their
 * own interviews). Every event's UID is "<entity id>@mediatour", so it stays
 * the same from one export to the next, and its SEQUENCE is the entity's
 * revision, so it grows with every change. Times are written as wall-clock
 * times with TZID= the tour's zone, and the calendar carries that zone's
 * VTIMEZONE. Cancelled visits stay in the file as STATUS:CANCELLED so that a
 * phone which imported an earlier file removes them.
 *
 * Each event also carries, for an import of the file, CATEGORIES in
 * English whatever the interface's language, and X-MEDIATOUR-NOTES-AT
 * (where in the DESCRIPTION the notes begin), X-MEDIATOUR-GROUPS (group
 * ids) and X-MEDIATOUR-SPEAKERS (see mt-ical-fields.c).
 *
 * Import reads the VEVENTs of a calendar into the tour as visits, as one
 * undoable step. A file may hold several VCALENDARs one after the other
 * and begin with a UTF-8 byte order mark. An event whose UID is one of ours
 * updates that visit (title, times, status where the event has STATUS,
 * kind, site, notes, and from our own export groups and speakers), or that
 * interview's times and status; any other UID maps to an id derived from
 * it, so importing the same file again updates the visits it created
 * instead of adding them twice. An item's revision is raised to the
 * event's SEQUENCE where that is greater. A file that cannot be read
 * (truncated, a component left open, a date that is not one) gives an
 * error naming the line and changes nothing; an event that can be read but
 * not turned into a visit (one that repeats, lasts all day, or is in a zone
 * the file does not define) is left out and reported by line, and what an
 * imported event holds that the import does not take (attendees,
 * organizer, alarms, links, HTML, a location that is no site) is noted by
 * line.
 *
 * The same selection of items (mt_ical_select_items()) is what the CSV
 * schedule and the printed itinerary show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mt-tour.h"

G_BEGIN_DECLS

#define MT_ICAL_ERROR (mt_ical_error_quark ())
/* the largest calendar an import reads: an export of 100 000 visits is
 * about 50 MB */
#define MT_ICAL_MAX_FILE_SIZE (64 * 1024 * 1024)
#define MT_ICAL_UID_SUFFIX "@mediatour"

typedef enum
{
  MT_ICAL_ERROR_NOT_FOUND, /* the group or delegate to export does not exist */
  MT_ICAL_ERROR_ZONE,      /* the tour's zone has no VTIMEZONE */
  MT_ICAL_ERROR_SYNTAX,    /* the file is not iCalendar, or is broken */
  MT_ICAL_ERROR_INVALID,   /* an event holds a value that is not one */
  MT_ICAL_ERROR_IO,
  MT_ICAL_ERROR_TOO_LARGE, /* beyond a bound of what an import reads: size, lines, nesting */
} MtIcalError;

/* What one import did, each event counted once: added, updated,
 * unchanged or left out. problems are "line N: …" messages, one per event
 * left out (n_left_out of them); notes are "line N: …" messages on what
 * the import did not take from the events it imported (attendees, alarms,
 * a location that is no site of the tour, …). */
typedef struct
{
  guint      n_added;
  guint      n_updated;
  guint      n_unchanged;
  GPtrArray *problems;
  guint      n_left_out;
  GPtrArray *notes;
} MtIcalImport;

GQuark        mt_ical_error_quark        (void);

/* The visits and interviews that an export of the whole tour (both ids
 * NULL), of one group or of one delegate shows, each with a start time, in
 * order of start. Entities are borrowed from the tour. */
GPtrArray    *mt_ical_select_items       (MtTour        *tour,
                                          const char    *group_id,
                                          const char    *delegate_id,
                                          GError       **error);
/* the start and end of such an item, a visit or an interview */
gint64        mt_ical_item_get_start     (MtEntity      *item);
gint64        mt_ical_item_get_end       (MtEntity      *item);
/* The name of the selection, for a calendar's or a page's title: the
 * group's or delegate's name, or NULL for the whole tour. */
const char   *mt_ical_scope_name         (MtTour        *tour,
                                          const char    *group_id,
                                          const char    *delegate_id);

GBytes       *mt_ical_export_to_bytes    (MtTour        *tour,
                                          const char    *group_id,
                                          const char    *delegate_id,
                                          GError       **error);
gboolean      mt_ical_export_file        (MtTour        *tour,
                                          const char    *group_id,
                                          const char    *delegate_id,
                                          GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* @group_id, where not NULL, is given to the visits the import creates;
 * @result, where not NULL, is filled in and must be cleared with
 * mt_ical_import_clear(). */
gboolean      mt_ical_import_data        (MtTour        *tour,
                                          const char    *data,
                                          gsize          length,
                                          const char    *name,
                                          const char    *group_id,
                                          MtIcalImport  *result,
                                          GError       **error);
gboolean      mt_ical_import_file        (MtTour        *tour,
                                          GFile         *file,
                                          const char    *group_id,
                                          MtIcalImport  *result,
                                          GCancellable  *cancellable,
                                          GError       **error);
void          mt_ical_import_clear       (MtIcalImport  *result);

/* "<id>@mediatour" */
char         *mt_ical_uid_for_id         (const char    *id);
/* the id an event's UID maps to: ours give the id back, others a UUID
 * derived from the UID, the same every time */
char         *mt_ical_id_for_uid         (const char    *uid);

/* the kind's English name, which files carry whatever the interface's
 * language (the import takes it, the translated label and the nick) */
const char   *mt_visit_kind_to_name      (MtVisitKind    kind);
/* The category of an interview's event, in English likewise */
#define MT_ICAL_INTERVIEW_CATEGORY "Interview"

/* Translated names of the enums, for the exports */
const char   *mt_visit_kind_to_label     (MtVisitKind    kind);
const char   *mt_visit_status_to_label   (MtVisitStatus  status);
const char   *mt_interview_status_to_label (MtInterviewStatus status);
const char   *mt_role_to_label           (MtRole         role);

G_END_DECLS
