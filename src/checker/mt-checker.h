/* mt-checker.h: the schedule checker
 *
 * An MtChecker looks at one tour and keeps a list of its problems (MtProblem
 * objects) in a GListModel, sorted by day, then by time: visits that overlap
 * for a group, gaps too short for the coach to reach the next site, interviews
 * outside their visit or booked twice for a delegate or an interviewee, a
 * delegate interviewed while their group is elsewhere, a site too small for
 * the groups, items outside the tour's days, days too long or without a meal,
 * cancelled visits with confirmed interviews, interviews without delegates and
 * references to items that do not exist.
 *
 * mt_checker_check() checks the whole tour. The checker follows the tour's
 * "changed" signal and notes which days each edit touched; mt_checker_update()
 * re-checks only those days (or everything, after an edit to a site, a group,
 * a delegate or the tour itself), and with "auto-check" set it does so by
 * itself from an idle callback of the thread-default main context.
 *
 * The settings are properties named as the keys of the application's GSettings
 * schema (travel-speed-kmh, road-factor, min-transfer-minutes,
 * daily-limit-minutes, meal-break-after-minutes), so g_settings_bind() can
 * connect them; the core reads no settings itself.
 *
 * A problem can carry a fix: a label ("Start “Lunch” at 12:25") and
 * mt_problem_apply_fix(), which makes the edit as one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mt-tour.h"

G_BEGIN_DECLS

/**
 * MtProblemKind:
 * @MT_PROBLEM_VISIT_OVERLAP: two visits of the same group overlap
 * @MT_PROBLEM_TRAVEL_TIME: the gap between two consecutive visits of a group
 *   is shorter than the travel time between their sites (an error) or than
 *   the shortest transfer (a warning)
 * @MT_PROBLEM_INTERVIEW_OUTSIDE_VISIT: an interview starts before or ends
 *   after the visit it belongs to
 * @MT_PROBLEM_DELEGATE_DOUBLE_BOOKED: two interviews of one delegate overlap
 * @MT_PROBLEM_INTERVIEWEE_DOUBLE_BOOKED: two interviews of one interviewee
 *   overlap
 * @MT_PROBLEM_DELEGATE_ELSEWHERE: a delegate is in an interview while their
 *   group is at another site
 * @MT_PROBLEM_OVER_CAPACITY: the groups of a visit outnumber its site's
 *   capacity
 * @MT_PROBLEM_OUTSIDE_TOUR: a visit or interview lies outside the tour's days
 * @MT_PROBLEM_DAY_TOO_LONG: a group's day lasts longer than the daily limit
 * @MT_PROBLEM_NO_MEAL_BREAK: a group's day is longer than the meal-break
 *   length and has no meal
 * @MT_PROBLEM_CANCELLED_WITH_INTERVIEWS: a cancelled visit still has
 *   confirmed interviews
 * @MT_PROBLEM_INTERVIEW_WITHOUT_DELEGATES: an interview no delegate takes
 *   part in
 * @MT_PROBLEM_DANGLING_REFERENCE: an item names an id the tour does not have
 * @MT_PROBLEM_INVALID_TIME: a visit or interview ends before it starts, or
 *   has a start and no end
 * @MT_PROBLEM_NONEXISTENT_TIME: a visit or interview starts or ends at a
 *   wall-clock time that the tour's zone skips that day (the clocks go
 *   forward for summer time); a warning
 */
typedef enum
{
  MT_PROBLEM_VISIT_OVERLAP,
  MT_PROBLEM_TRAVEL_TIME,
  MT_PROBLEM_INTERVIEW_OUTSIDE_VISIT,
  MT_PROBLEM_DELEGATE_DOUBLE_BOOKED,
  MT_PROBLEM_INTERVIEWEE_DOUBLE_BOOKED,
  MT_PROBLEM_DELEGATE_ELSEWHERE,
  MT_PROBLEM_OVER_CAPACITY,
  MT_PROBLEM_OUTSIDE_TOUR,
  MT_PROBLEM_DAY_TOO_LONG,
  MT_PROBLEM_NO_MEAL_BREAK,
  MT_PROBLEM_CANCELLED_WITH_INTERVIEWS,
  MT_PROBLEM_INTERVIEW_WITHOUT_DELEGATES,
  MT_PROBLEM_DANGLING_REFERENCE,
  MT_PROBLEM_INVALID_TIME,
  MT_PROBLEM_NONEXISTENT_TIME,
} MtProblemKind;

/**
 * MtSeverity:
 * @MT_SEVERITY_ERROR: the plan cannot work as it stands
 * @MT_SEVERITY_WARNING: the plan is doubtful
 * @MT_SEVERITY_HINT: worth a look
 */
typedef enum
{
  MT_SEVERITY_ERROR,
  MT_SEVERITY_WARNING,
  MT_SEVERITY_HINT,
} MtSeverity;

/* the day of a problem that concerns no day (a site's missing city) */
#define MT_PROBLEM_NO_DAY G_MININT

#define MT_CHECKER_DEFAULT_TRAVEL_SPEED_KMH 45.0
#define MT_CHECKER_DEFAULT_ROAD_FACTOR 1.4
#define MT_CHECKER_DEFAULT_MIN_TRANSFER_MINUTES 10
#define MT_CHECKER_DEFAULT_DAILY_LIMIT_MINUTES 720
#define MT_CHECKER_DEFAULT_MEAL_BREAK_AFTER_MINUTES 360

#define MT_TYPE_PROBLEM (mt_problem_get_type ())
G_DECLARE_FINAL_TYPE (MtProblem, mt_problem, MT, PROBLEM, GObject)

MtProblemKind       mt_problem_get_kind       (MtProblem  *self);
MtSeverity          mt_problem_get_severity   (MtProblem  *self);
/* one translated line, naming the items by title and time */
const char         *mt_problem_get_message    (MtProblem  *self);
/* day 0 is the tour's first day; may lie outside the tour, or be
 * MT_PROBLEM_NO_DAY */
int                 mt_problem_get_day        (MtProblem  *self);
/* the earliest time the problem concerns, or MT_TIME_UNSET */
gint64              mt_problem_get_time       (MtProblem  *self);
/* the ids of the entities concerned, the one to show first first */
const char * const *mt_problem_get_ids        (MtProblem  *self);
gboolean            mt_problem_has_fix        (MtProblem  *self);
/* what the fix does, "Start “Lunch” at 12:25", or NULL */
const char         *mt_problem_get_fix_label  (MtProblem  *self);
gboolean            mt_problem_apply_fix      (MtProblem  *self,
                                               MtTour     *tour);
/* "visit-overlap": the kind's nick, for machine-readable output */
const char         *mt_problem_kind_to_string (MtProblemKind kind);
const char         *mt_severity_to_string     (MtSeverity  severity);

#define MT_TYPE_CHECKER (mt_checker_get_type ())
G_DECLARE_FINAL_TYPE (MtChecker, mt_checker, MT, CHECKER, GObject)

MtChecker  *mt_checker_new                          (MtTour     *tour);
MtTour     *mt_checker_get_tour                     (MtChecker  *self);

double      mt_checker_get_travel_speed_kmh         (MtChecker  *self);
void        mt_checker_set_travel_speed_kmh         (MtChecker  *self,
                                                     double      speed);
double      mt_checker_get_road_factor              (MtChecker  *self);
void        mt_checker_set_road_factor              (MtChecker  *self,
                                                     double      factor);
guint       mt_checker_get_min_transfer_minutes     (MtChecker  *self);
void        mt_checker_set_min_transfer_minutes     (MtChecker  *self,
                                                     guint       minutes);
guint       mt_checker_get_daily_limit_minutes      (MtChecker  *self);
void        mt_checker_set_daily_limit_minutes      (MtChecker  *self,
                                                     guint       minutes);
guint       mt_checker_get_meal_break_after_minutes (MtChecker  *self);
void        mt_checker_set_meal_break_after_minutes (MtChecker  *self,
                                                     guint       minutes);
gboolean    mt_checker_get_auto_check               (MtChecker  *self);
void        mt_checker_set_auto_check               (MtChecker  *self,
                                                     gboolean    auto_check);

/* a GListModel of MtProblem, sorted by day (MT_PROBLEM_NO_DAY last), time,
 * severity; updated in place by every check */
GListModel *mt_checker_get_problems                 (MtChecker  *self);
guint       mt_checker_count                        (MtChecker  *self,
                                                     MtSeverity  severity);

void        mt_checker_check                        (MtChecker  *self);
void        mt_checker_check_days                   (MtChecker  *self,
                                                     const int  *days,
                                                     guint       n_days);
/* re-checks what changed since the last check; TRUE where it did any work */
gboolean    mt_checker_update                       (MtChecker  *self);

/* travel minutes between two sites by road at the set speed, rounded up;
 * -1 where either site or its position is unknown */
int         mt_checker_get_travel_minutes           (MtChecker  *self,
                                                     const char *from_site_id,
                                                     const char *to_site_id);

/* Applies the fix of every fixable problem, one at a time and each as one
 * undoable step, re-checking after each and undoing a fix that did not
 * remove its problem or added one. @applied receives the labels of the
 * fixes kept. Returns the number kept. */
guint       mt_checker_fix_all                      (MtChecker  *self,
                                                     GPtrArray **applied);

G_END_DECLS
