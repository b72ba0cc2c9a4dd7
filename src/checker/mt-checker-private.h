/* mt-checker-private.h: what the checker's files share
 *
 * mt-checker.c holds the MtChecker object (settings, the list of problems,
 * the days an edit touched), mt-checker-problem.c the MtProblem object and
 * its fixes, mt-checker-rows.c what a check reads of the tour,
 * mt-checker-entries.c the sorted lists a check sweeps,
 * mt-checker-rules.c and mt-checker-sweeps.c the checks themselves,
 * mt-checker-fixes.c the fixes they suggest and mt-checker-text.c the
 * wording of their messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-checker.h"
#include "mt-travel.h"

G_BEGIN_DECLS

/* A message to write when it is first read (mt-checker-text.c): a format
 * marked with N_() whose conversions are all %s, and the values for them;
 * times and durations are written only when the message is. */

#define MT_TEXT_MAX_ARGS 8

typedef enum
{
  MT_TEXT_ARG_STRING,
  MT_TEXT_ARG_TIME,
  MT_TEXT_ARG_DURATION,
  MT_TEXT_ARG_CLOCK,     /* a time as "09:30", whatever its day */
} MtTextArgType;

typedef struct
{
  MtTextArgType type;
  int           ref_day;  /* MT_TEXT_ARG_TIME: the day it is read on */
  char         *string;   /* MT_TEXT_ARG_STRING */
  gboolean      owned;    /* FALSE where @string is borrowed */
  gint64        seconds;  /* a time or a duration */
} MtTextArg;

typedef struct
{
  const char *format;     /* static, untranslated: translated when written */
  gint64      first_day;  /* of the tour, as of the check */
  int         n_days;
  int         day;        /* of the problem: the prefix "Day 3: " */
  guint       n_args;
  MtTextArg   args[MT_TEXT_MAX_ARGS];
} MtText;

MtText     *_mt_text_new                     (const char         *format,
                                              gint64              first_day,
                                              int                 n_days,
                                              int                 day);
/* borrows @string: see _mt_text_own() */
void        _mt_text_add_string              (MtText             *text,
                                              const char         *string);
void        _mt_text_take_string             (MtText             *text,
                                              char               *string);
void        _mt_text_add_time                (MtText             *text,
                                              gint64              time,
                                              int                 ref_day);
void        _mt_text_add_duration            (MtText             *text,
                                              gint64              seconds);
void        _mt_text_add_clock               (MtText             *text,
                                              gint64              time);
char       *_mt_text_format                  (const MtText       *text);
gboolean    _mt_text_equal                   (const MtText       *a,
                                              const MtText       *b);
/* copies the strings @text borrows, so that it outlives them */
void        _mt_text_own                     (MtText             *text);
void        _mt_text_free                    (MtText             *text);

/* MtProblem */

/* A problem is filled as a draft: it borrows its ids, the ids of its fix and
 * the strings of its texts, which must live until _mt_problem_own() or
 * _mt_problem_reset() (a check's run keeps its entities alive).
 *
 * takes @message (may be NULL, see _mt_problem_set_text()) */
MtProblem  *_mt_problem_new                  (MtProblemKind       kind,
                                              MtSeverity          severity,
                                              int                 day,
                                              gint64              time,
                                              char               *message,
                                              const char * const *ids);
/* as _mt_problem_new(), into an object emptied by _mt_problem_reset() */
void        _mt_problem_fill                 (MtProblem          *self,
                                              MtProblemKind       kind,
                                              MtSeverity          severity,
                                              int                 day,
                                              gint64              time,
                                              char               *message,
                                              const char * const *ids);
/* takes @text, where not NULL; the message is written from it when first
 * asked for */
void        _mt_problem_set_text             (MtProblem          *self,
                                              MtText             *text);
/* frees what the problem holds, for the next _mt_problem_fill() */
void        _mt_problem_reset                (MtProblem          *self);
/* copies what the draft borrows: it may then live on its own */
void        _mt_problem_own                  (MtProblem          *self);
/* the fixes a check finds often take their label as an MtText, written
 * when first read; the others as a string */
void        _mt_problem_set_fix_move_visit   (MtProblem          *self,
                                              MtText             *label,
                                              const char         *visit_id,
                                              gint64              start);
void        _mt_problem_set_fix_visit_end    (MtProblem          *self,
                                              MtText             *label,
                                              const char         *visit_id,
                                              gint64              end);
void        _mt_problem_set_fix_interview_time (MtProblem        *self,
                                              MtText             *label,
                                              const char         *interview_id,
                                              gint64              start,
                                              gint64              end);
void        _mt_problem_set_fix_request      (MtProblem          *self,
                                              char               *label,
                                              const char * const *interview_ids);
void        _mt_problem_set_fix_clear_reference (MtProblem       *self,
                                              char               *label,
                                              const char         *entity_id,
                                              const char         *field,
                                              const char         *reference);
/* "kind day id id …" with the ids sorted: what makes two problems the same */
char       *_mt_problem_dup_key              (MtProblem          *self);
/* the order of the list: day (no day last), time, severity, kind, ids,
 * message */
int         _mt_problem_compare              (MtProblem          *a,
                                              MtProblem          *b);
/* What orders a problem in the list before its ids, in a compact record:
 * a search through an array of these touches few problems (on a large tour
 * each is a cache miss). */
typedef struct
{
  gint64     day_rank;
  gint64     time_rank;      /* MT_TIME_UNSET last */
  guint      severity_kind;  /* severity << 16 | kind */
  gboolean   taken;          /* stands for a problem of the run already */
  MtProblem *problem;
} MtProblemPlace;

void        _mt_problem_get_place            (MtProblem          *self,
                                              MtProblemPlace     *place);

static inline int
_mt_problem_place_compare (const MtProblemPlace *a,
                           const MtProblemPlace *b)
{
  if (a->day_rank != b->day_rank)
    return a->day_rank < b->day_rank ? -1 : 1;
  if (a->time_rank != b->time_rank)
    return a->time_rank < b->time_rank ? -1 : 1;
  if (a->severity_kind != b->severity_kind)
    return a->severity_kind < b->severity_kind ? -1 : 1;
  return 0;
}

/* _mt_problem_compare() without the message: equal problems compare 0 */
int         _mt_problem_compare_place        (MtProblem          *a,
                                              MtProblem          *b);
/* the same problem, message and fix: an old one may stay in its place */
gboolean    _mt_problem_equal                (MtProblem          *a,
                                              MtProblem          *b);
/* the day as the list sorts it: MT_PROBLEM_NO_DAY after every day */
static inline gint64
_mt_problem_day_rank (int day)
{
  return day == MT_PROBLEM_NO_DAY ? G_MAXINT64 : day;
}

/* The checks */

typedef struct
{
  MtTour   *tour;
  MtTravel *travel;
  gint64    min_transfer;  /* seconds */
  gint64    daily_limit;   /* seconds */
  gint64    meal_after;    /* seconds */
  guint     visits_epoch;  /* grows whenever a visit comes or goes */
} MtCheckSettings;

/* What the checks need of delegates and groups, built once per full check
 * and kept for the re-checks of single days (an edit of a delegate or a
 * group makes the next check a full one). */
typedef struct _MtCheckStatic MtCheckStatic;

MtCheckStatic *_mt_check_static_new          (MtTour             *tour);
void           _mt_check_static_free         (MtCheckStatic      *st);

/* Which items are on which day (mt-checker-days.c) */

typedef struct _MtCheckDays MtCheckDays;

MtCheckDays *_mt_check_days_new             (MtTour             *tour);
void         _mt_check_days_free            (MtCheckDays        *self);
gboolean     _mt_check_days_is_ready        (MtCheckDays        *self);
void         _mt_check_days_reset           (MtCheckDays        *self);
void         _mt_check_days_record_all      (MtCheckDays        *self);
void         _mt_check_days_changed         (MtCheckDays        *self,
                                             MtEntity           *entity,
                                             GHashTable         *dirty);
void         _mt_check_days_collect_all     (MtCheckDays        *self,
                                             GPtrArray          *visits,
                                             GPtrArray          *interviews);
void         _mt_check_days_collect         (MtCheckDays        *self,
                                             GHashTable         *days,
                                             GPtrArray          *visits,
                                             GPtrArray          *interviews);

/* The problems of the days in @days (a set of GINT_TO_POINTER (day), with
 * MT_PROBLEM_NO_DAY for what concerns no day), or of the whole tour where
 * @days is NULL; sorted with _mt_problem_compare(). @visits and
 * @interviews, where not NULL, are the items to read (all a check of @days
 * needs, see _mt_check_days_collect()); else the run reads the whole tour. */
GPtrArray  *_mt_check_run                    (const MtCheckSettings *settings,
                                              MtCheckStatic      *st,
                                              GHashTable         *days,
                                              GPtrArray          *visits,
                                              GPtrArray          *interviews,
                                              GPtrArray          *previous);

/* the day an item starting at @start belongs to */
int         _mt_check_day_of                 (MtTour             *tour,
                                              gint64              start);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtCheckStatic, _mt_check_static_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtCheckDays, _mt_check_days_free)

G_END_DECLS
