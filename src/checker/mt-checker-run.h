/* mt-checker-run.h: the working state of one check, shared by the rules,
 * the fixes and the wording
 *
 * A run takes a snapshot of the items of the days it checks (rows), sorts
 * them into entries per lane (a group, or the whole delegation), per
 * delegate and per interviewee, and sweeps each sorted block once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-checker-private.h"
#include "mt-pair-map.h"

G_BEGIN_DECLS

#define MT_CHECK_MIN_SHORTENED (15 * 60)

struct _MtCheckStatic
{
  GPtrArray  *groups;         /* MtGroup (ref), in the tour's order */
  GHashTable *group_index;    /* MtGroup* → index + 1 */
  guint      *group_size;     /* delegates per group */
  GPtrArray  *delegates;      /* MtDelegate (ref) */
  GHashTable *delegate_index; /* MtDelegate* → index + 1 */
  int        *delegate_lane;  /* the lane of each delegate */
  guint       n_groups;
  guint       whole;          /* the lane of the whole delegation: n_groups */
  /* MtVisit or MtInterview (ref) → Resolved: its references resolved to
   * indices as of its revision, so that a re-check looks up no ids of an
   * item that did not change (an edit of a site, a group or a delegate
   * makes a new MtCheckStatic) */
  GHashTable *resolved;
  GHashTable *interviewee_index; /* name (owned) → index + 1 */
  guint       n_interviewees;
  guint       serial;         /* of the last run */
  /* the arrays of a run (see Run), kept from one run to the next so that
   * each run does not allocate and grow them anew */
  GArray     *buffers[12];
};

typedef struct
{
  guint   revision;
  /* what the item's getters said, as of its revision (a change of the
   * tour's dates makes a new MtCheckStatic, so the day holds too) */
  gint64  start;
  gint64  end;
  int     day;
  int     kind;               /* a visit's MtVisitKind */
  int     status;             /* MtVisitStatus or MtInterviewStatus */
  /* a visit's row in the run numbered serial */
  guint   serial;
  int     row;
  MtSite *site;               /* a visit's, NULL where none or missing */
  MtVisit *visit;             /* an interview's (ref), NULL where none or missing */
  guint   visits_epoch;       /* the visits the interview's was found among */
  int     interviewee;        /* an interview's, an index, or -1 */
  guint   missing : 1;        /* names a group or delegate the tour lacks */
  guint   whole : 1;          /* a visit for the whole delegation */
  int     n;
  int     items[];            /* a visit's lanes, an interview's delegates */
} Resolved;

typedef struct
{
  MtVisit       *visit;
  const char    *id;
  MtSite        *site;        /* NULL where none or missing */
  gint64         start;
  gint64         end;
  int            day;
  int            first_lane;  /* into Run.lane_pool */
  int            n_lanes;
  int            first_interview; /* the chain of its interviews, -1 */
  MtVisitKind    kind;
  MtVisitStatus  status;
  guint          in_scope : 1;
  guint          timed : 1;   /* start and end, end not before start */
  guint          active : 1;  /* timed and not cancelled */
  guint          whole : 1;   /* for the whole delegation */
  guint          missing_groups : 1; /* names a group the tour lacks */
} VisitRow;

typedef struct
{
  MtInterview       *interview;
  const char        *id;
  gint64             start;
  gint64             end;
  int                day;
  int                visit;   /* a VisitRow, or -1 */
  int                next_of_visit;
  int                first_delegate; /* into Run.delegate_pool */
  int                n_delegates;
  int                interviewee;    /* an index into Run.interviewees, -1 */
  MtInterviewStatus  status;
  guint              in_scope : 1;
  guint              timed : 1;
  guint              active : 1; /* timed and not declined */
  guint              missing_delegates : 1;
} InterviewRow;

/* one item in a sorted list: a visit in a lane, an interview of a delegate
 * or of an interviewee */
typedef struct
{
  int         key;    /* the lane, delegate or interviewee */
  int         day;
  gint64      start;
  gint64      end;
  const char *id;
  int         row;
  int         extra;  /* the delegate, for interviews in a lane */
} Entry;

/* what a pair in Run.seen is of */
typedef enum
{
  MT_SEEN_OVERLAP,
  MT_SEEN_TRAVEL,
  MT_SEEN_DAY_TOO_LONG,
  MT_SEEN_NO_MEAL,
} MtSeen;

/* Where the entries of each key, and of each key's day, begin in a sorted
 * list: slot s = key × per_key + t holds day t - 1 of the tour for t in
 * [1, per_key - 1), the days before the tour for t = 0 and those after it
 * for t = per_key - 1; its entries are [first[s], first[s + 1]). With
 * per_key = 1 a slot is a key. */
typedef struct
{
  guint *first;
  guint  per_key;
  guint  n_keys;
} EntryIndex;

typedef struct
{
  const MtCheckSettings *settings;
  MtCheckStatic         *st;
  MtTour                *tour;
  GHashTable            *days;        /* the days checked, NULL for all */
  int                   *day_list;    /* the same days, as an array */
  guint                  n_day_list;
  int                    n_days;
  gint64                 tour_end;
  gint64                 first_day;   /* the start of day 0 */
  GArray                *gaps;        /* gint64 pairs: the wall times the zone skips */

  GArray                *visits;      /* VisitRow */
  guint                  serial;      /* numbers the runs of an MtCheckStatic */
  GArray                *lane_pool;   /* int */
  GArray                *interviews;  /* InterviewRow */
  GArray                *delegate_pool; /* int, a delegate index */

  GArray                *lane_entries;      /* visits per lane and day */
  GArray                *delegate_entries;  /* interviews per delegate and day */
  GArray                *interviewee_entries;
  GArray                *lane_interviews;   /* interviews per lane of their delegates */
  /* where the blocks of the four lists above begin (see sort_entries()) */
  EntryIndex             lane_index;
  EntryIndex             delegate_index;
  EntryIndex             interviewee_index;
  EntryIndex             lane_interview_index;

  GPtrArray             *problems;
  GPtrArray             *previous;    /* the list's problems, sorted; may be NULL */
  MtProblem             *draft;       /* the problem being reported, or one to reuse */
  MtProblemPlace        *previous_places; /* of previous, in its order */
  guint                 *previous_first; /* where each day of the tour begins in
                                          * previous; [n_days] where the last ends */
  gboolean               drafted;     /* draft holds a problem not yet added */
  MtPairMap              seen;        /* (MtSeen, row or lane, row) reported */
} Run;

static inline gboolean
_mt_overlap (gint64 s1,
             gint64 e1,
             gint64 s2,
             gint64 e2)
{
  return s1 < e2 && s2 < e1;
}

/* the order of the blocks of a sorted list: key, then day */
static inline int
_mt_entry_compare_key_day (const Entry *e,
                           int          key,
                           int          day)
{
  if (e->key != key)
    return e->key < key ? -1 : 1;
  if (e->day != day)
    return e->day < day ? -1 : 1;
  return 0;
}

/* mt-checker-zone.c */
void           _mt_run_find_gaps       (Run          *run);
/* the start of the span of skipped wall times @time is in, or MT_TIME_UNSET */
gint64         _mt_run_gap_of          (Run          *run,
                                        gint64        time,
                                        gint64       *gap_end);
void           _mt_run_check_gaps      (Run          *run,
                                        int           day,
                                        const char   *id,
                                        const char   *name,
                                        gboolean      is_visit,
                                        gint64        start,
                                        gint64        end);

/* mt-checker-rows.c */
void           _mt_run_collect_rows    (Run          *run,
                                        GPtrArray    *visit_list,
                                        GPtrArray    *interview_list);

/* mt-checker-entries.c */
GArray        *_mt_run_buffer          (MtCheckStatic *st,
                                        guint         index,
                                        guint         element_size);
void           _mt_run_build_entries   (Run          *run);
gboolean       _mt_run_block           (Run          *run,
                                        GArray       *entries,
                                        int           key,
                                        int           day,
                                        guint        *lo,
                                        guint        *hi);

/* mt-checker-rules.c (in scope and checked lane: mt-checker-rows.c) */
MtProblem     *_mt_run_report          (Run          *run,
                                        MtProblemKind kind,
                                        MtSeverity    severity,
                                        int           day,
                                        gint64        time,
                                        char         *body,
                                        const char * const *ids);
MtText        *_mt_run_text            (Run          *run,
                                        int           day,
                                        const char   *format);
MtProblem     *_mt_run_report_text     (Run          *run,
                                        MtProblemKind kind,
                                        MtSeverity    severity,
                                        gint64        time,
                                        MtText       *text,
                                        const char * const *ids);
gboolean       _mt_run_first_time      (Run          *run,
                                        MtSeen        what,
                                        guint         a,
                                        guint         b);
gboolean       _mt_run_in_scope        (Run          *run,
                                        int           day);
gint64         _mt_run_needed          (Run          *run,
                                        VisitRow     *a,
                                        VisitRow     *b,
                                        int          *travel_minutes);
gboolean       _mt_run_checked_lane    (Run          *run,
                                        int           lane);

/* mt-checker-sweeps.c */
void           _mt_run_sweep_lanes     (Run          *run);
void           _mt_run_check_bookings  (Run          *run);
void           _mt_run_check_elsewhere (Run          *run,
                                        InterviewRow *r);

/* mt-checker-fixes.c */
void           _mt_run_fix_visit_pair  (Run          *run,
                                        MtProblem    *problem,
                                        int           lane,
                                        VisitRow     *a,
                                        VisitRow     *b);
void           _mt_run_fix_double_booking (Run       *run,
                                        MtProblem    *problem,
                                        InterviewRow *first,
                                        InterviewRow *second);
void           _mt_run_fix_outside_visit (Run        *run,
                                        MtProblem    *problem,
                                        InterviewRow *interview,
                                        VisitRow     *visit);

/* mt-checker-text.c */
char          *_mt_text_time           (Run          *run,
                                        gint64        time,
                                        int           day);
char          *_mt_text_duration       (gint64        seconds);
char          *_mt_text_with_day       (Run          *run,
                                        int           day,
                                        char         *body);
const char    *_mt_text_visit          (VisitRow     *visit);
const char    *_mt_text_interviewee    (InterviewRow *interview);
char          *_mt_text_lane           (Run          *run,
                                        int           lane);
char          *_mt_text_delegates      (Run          *run,
                                        const int    *delegates,
                                        guint         n);
const char    *_mt_text_site           (MtSite       *site);

G_END_DECLS
