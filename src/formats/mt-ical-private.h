/* mt-ical-private.h: what the iCalendar files share inside the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libical-glib/libical-glib.h>

#include "mt-ical.h"

G_BEGIN_DECLS

/* libical-glib 3.0 declares no cleanup functions of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalProperty, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalParameter, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalDuration, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalParser, g_object_unref)

/* Bounds on what an import reads: the file's size (MT_ICAL_MAX_FILE_SIZE), the events (each
 * becomes a visit: an export of 100 000 visits and 20 000 interviews has
 * 120 000), the content lines of one
 * event and of all time zone definitions together, and how deep components
 * nest. Each keeps libical's memory to one event's worth (see
 * mt-ical-import.c) and is named in the error that refuses a file. */
#define MT_ICAL_MAX_EVENTS 200000
#define MT_ICAL_MAX_EVENT_LINES 10000
#define MT_ICAL_MAX_ZONE_LINES 20000
#define MT_ICAL_MAX_DEPTH 8

/* One component of the calendar: its bytes and its first line */
typedef struct
{
  gsize begin;
  gsize end;
  guint line;
} Range;

/* What the import learnt of one VEVENT: its first line and the line of the
 * first occurrence of each of its own properties and of the components it
 * holds (VALARM). */
typedef struct
{
  guint       begin_line;
  GHashTable *lines; /* upper-case name → line, as GUINT_TO_POINTER */
  const char *bad_text;      /* a property whose text has an unknown escape */
  guint       bad_text_line;
  GHashTable *x_values; /* X-MEDIATOUR-… name → its value as written, or NULL */
} EventLines;

/* The first pass over a calendar (mt-ical-scan.c) */
typedef struct
{
  GPtrArray *stack;      /* of "NAME" strings, upper case */
  GArray    *stack_line; /* of guint, the BEGIN's line */
  GArray    *events;     /* of Range: the VEVENTs of the calendar */
  GArray    *zones;      /* of Range: its VTIMEZONEs */
  guint      n_logical;
  guint      n_in_component; /* content lines of the event or zone open now */
  guint      n_zone_lines;
  gsize      line_begin; /* the bytes of the content line being scanned */
  gsize      line_end;
  gboolean   ended;      /* the outermost component was closed */
} Scan;

/* Unfolds the content line at *@pos of @data (@length bytes) into @out,
 * counting physical lines in *@line and setting *@first_line to where it
 * starts; moves *@pos past it. FALSE at the end. Linear in the bytes read,
 * however long the lines. */
gboolean  _mt_ical_next_content_line (const char  *data,
                                      gsize        length,
                                      gsize       *pos,
                                      guint       *line,
                                      guint       *first_line,
                                      GString     *out);

/* The value of a content line: what follows the first ":" outside quotes,
 * or NULL */
const char *_mt_ical_value_of       (const char  *line);
/* Whether each backslash in the TEXT @value starts an escape RFC 5545 knows
 * (\\ \; \, \n \N); libical turns any other into something else. */
gboolean  _mt_ical_text_escapes_are_known (const char *value);

/* The second pass: feeds the content lines of @range to @parser, noting in
 * @lines (where not NULL) the line of each of the event's properties and
 * any text with an escape libical would change; the component it made. */
ICalComponent *_mt_ical_parse_range (ICalParser  *parser,
                                     const char  *data,
                                     const Range *range,
                                     EventLines  *lines);
/* the calendar's VTIMEZONEs, in a VCALENDAR of their own, or NULL */
ICalComponent *_mt_ical_parse_zones (const char  *data,
                                     Scan        *scan);

/* What the import takes from an event besides its times (mt-ical-fields.c) */
typedef enum
{
  NOTES_READ,       /* the notes are what the file says */
  NOTES_NOT_MARKED, /* our own event, from an export that did not mark them */
  NOTES_MANGLED,    /* the DESCRIPTION changed where the notes begin */
} NotesRead;

/* "ATTENDEE, VALARM": what the event holds that no field takes, and the
 * line of the first; NULL where it holds nothing of that */
char     *_mt_ical_parts_not_taken  (EventLines  *lines,
                                     guint       *first_line);
/* whether the planner's export wrote the event, with its own fields */
gboolean  _mt_ical_is_own_event     (EventLines  *lines);
/* the values of the event's X-MEDIATOUR-… TEXT list @name, or NULL */
char    **_mt_ical_text_list        (EventLines  *lines,
                                     const char  *name);
/* the notes in @description, as *@notes (NULL for none) */
NotesRead _mt_ical_notes_of         (EventLines  *lines,
                                     const char  *uid,
                                     const char  *description,
                                     char       **notes);

/* whether @text, as an export writes it, reads back as @read */
gboolean  _mt_ical_text_reads_as    (const char  *text,
                                     const char  *read);

/* What the import does to one visit, or to the times and status of one
 * interview, decided before anything changes. A field the file does not
 * give (has_… unset) stays as it is. */
typedef struct
{
  char              *id;
  MtVisit           *visit;  /* the existing one, or NULL to add one */
  MtInterview       *interview; /* or an existing interview */
  char              *title;
  char              *notes;
  char              *site_id;
  char             **groups;
  char             **speakers;
  gint64             start;
  gint64             end;
  guint              sequence;
  MtVisitStatus      status;
  MtInterviewStatus  interview_status;
  MtVisitKind        kind;
  guint              has_kind : 1;
  guint              has_notes : 1;
  guint              has_groups : 1;
  guint              has_speakers : 1;
} Plan;

void      _mt_ical_plan_free        (Plan        *plan);
/* Carries out @plans (of Plan) on @tour as one undoable step, counting in
 * @result; the visits it adds go to @group_id where not NULL */
void      _mt_ical_apply_plans      (MtTour       *tour,
                                     GPtrArray    *plans,
                                     const char   *group_id,
                                     MtIcalImport *result);

void      _mt_ical_scan_init        (Scan        *scan);
void      _mt_ical_scan_clear       (Scan        *scan);
/* unfolds and checks the content lines of @data, filling @scan; an error
 * names the line */
gboolean  _mt_ical_scan_file        (Scan        *scan,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error);

const char *_mt_ical_iana_name_of     (const char   *tzid);
gint64      _mt_ical_duration_seconds (ICalDuration *duration);

G_END_DECLS
