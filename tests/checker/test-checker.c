/* test-checker.c: the schedule checker
 *
 * One test per kind of problem, each with a small tour that has it and one
 * that just avoids it; the fixes (each removes its problem, adds none, and
 * undo restores the tour byte for byte); the sample tour's first day;
 * incremental re-checks against full ones; and the checker against a naive
 * reference on 200 generated tours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mt-test-content.h"
#include "reference.h"

#define T(day, hour, minute) (mt_wall_time_new (2024, 5, 14 + (day), (hour), (minute), 0))

/* Building tours */

static MtTour *
new_tour (void)
{
  MtTour *tour = mt_tour_new ();

  mt_tour_set_first_day (tour, T (0, 0, 0));
  mt_tour_set_n_days (tour, 7);
  return tour;
}

static const char *
take_entity (MtTour   *tour,
             gpointer  entity)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mt_tour_add (tour, entity, &error));
  g_assert_no_error (error);
  g_object_unref (entity);
  return mt_entity_get_id (entity);
}

static const char *
add_site (MtTour     *tour,
          const char *name,
          double      latitude,
          double      longitude,
          guint       capacity)
{
  g_autofree char *id = mt_uuid_new ();
  MtSite *site = mt_site_new (id);

  mt_site_set_name (site, name);
  mt_site_set_latitude (site, latitude);
  mt_site_set_longitude (site, longitude);
  mt_site_set_capacity (site, capacity);
  return take_entity (tour, site);
}

static const char *
add_group (MtTour     *tour,
           const char *name)
{
  g_autofree char *id = mt_uuid_new ();
  MtGroup *group = mt_group_new (id);

  mt_group_set_name (group, name);
  return take_entity (tour, group);
}

static const char *
add_delegate (MtTour     *tour,
              const char *name,
              const char *group)
{
  g_autofree char *id = mt_uuid_new ();
  MtDelegate *delegate = mt_delegate_new (id);

  mt_delegate_set_name (delegate, name);
  mt_delegate_set_group (delegate, group);
  return take_entity (tour, delegate);
}

static MtVisit *
add_visit (MtTour      *tour,
           const char  *title,
           const char  *site,
           MtVisitKind  kind,
           gint64       start,
           gint64       end,
           const char  *group)
{
  g_autofree char *id = mt_uuid_new ();
  MtVisit *visit = mt_visit_new (id);
  const char *groups[] = { group, NULL };

  mt_visit_set_title (visit, title);
  mt_visit_set_site (visit, site);
  mt_visit_set_visit_kind (visit, kind);
  mt_visit_set_start (visit, start);
  mt_visit_set_end (visit, end);
  mt_visit_set_status (visit, MT_VISIT_CONFIRMED);
  if (group != NULL)
    mt_visit_set_groups (visit, groups);
  take_entity (tour, visit);
  return visit;
}

static MtInterview *
add_interview (MtTour     *tour,
               const char *interviewee,
               MtVisit    *visit,
               gint64      start,
               gint64      end,
               const char *delegate)
{
  g_autofree char *id = mt_uuid_new ();
  MtInterview *interview = mt_interview_new (id);
  const char *delegates[] = { delegate, NULL };

  mt_interview_set_interviewee (interview, interviewee);
  if (visit != NULL)
    mt_interview_set_visit (interview, mt_entity_get_id (MT_ENTITY (visit)));
  mt_interview_set_start (interview, start);
  mt_interview_set_end (interview, end);
  mt_interview_set_status (interview, MT_INTERVIEW_CONFIRMED);
  if (delegate != NULL)
    mt_interview_set_delegates (interview, delegates);
  take_entity (tour, interview);
  return interview;
}

/* Checking */

static MtChecker *
checked (MtTour *tour)
{
  MtChecker *checker = mt_checker_new (tour);

  mt_checker_check (checker);
  return checker;
}

static guint
count_kind (MtChecker     *checker,
            MtProblemKind  kind)
{
  GListModel *problems = mt_checker_get_problems (checker);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);

      n += mt_problem_get_kind (problem) == kind;
    }
  return n;
}

/* borrowed from the checker's list */
static MtProblem *
find_kind (MtChecker     *checker,
           MtProblemKind  kind)
{
  GListModel *problems = mt_checker_get_problems (checker);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);

      if (mt_problem_get_kind (problem) == kind)
        return problem;
    }
  return NULL;
}

static guint
count_kind_in (MtTour        *tour,
               MtProblemKind  kind)
{
  g_autoptr(MtChecker) checker = checked (tour);

  return count_kind (checker, kind);
}

static gboolean
ids_have (MtProblem  *problem,
          const char *id)
{
  return g_strv_contains (mt_problem_get_ids (problem), id);
}

static gboolean
message_has (MtProblem  *problem,
             const char *text)
{
  return strstr (mt_problem_get_message (problem), text) != NULL;
}

static gboolean
same_keys (GPtrArray *a,
           GPtrArray *b,
           gboolean   verbose)
{
  gboolean same = a->len == b->len;

  for (guint i = 0; same && i < a->len; i++)
    same = g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i));
  if (!same && verbose)
    {
      g_autoptr(GHashTable) in_b = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) in_a = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < b->len; i++)
        g_hash_table_add (in_b, g_ptr_array_index (b, i));
      for (guint i = 0; i < a->len; i++)
        g_hash_table_add (in_a, g_ptr_array_index (a, i));
      for (guint i = 0; i < a->len; i++)
        if (!g_hash_table_contains (in_b, g_ptr_array_index (a, i)))
          g_test_message ("only in the first: %s", (char *) g_ptr_array_index (a, i));
      for (guint i = 0; i < b->len; i++)
        if (!g_hash_table_contains (in_a, g_ptr_array_index (b, i)))
          g_test_message ("only in the second: %s", (char *) g_ptr_array_index (b, i));
    }
  return same;
}

static char *
content_of (MtTour *tour)
{
  return mt_test_content_of (tour);
}

/* A fix removes its problem and adds none; undo restores the tour exactly. */
static guint
assert_fixes (MtTour *tour)
{
  g_autoptr(MtChecker) checker = checked (tour);
  g_autoptr(GPtrArray) before = reference_keys_of (mt_checker_get_problems (checker));
  GListModel *problems = mt_checker_get_problems (checker);
  MtHistory *history = mt_tour_get_history (tour);
  guint n_fixes = 0;

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *saved = NULL, *restored = NULL;
      g_autoptr(MtChecker) after = NULL;
      g_autoptr(GPtrArray) keys = NULL;
      g_autoptr(GHashTable) old = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GListStore) single = g_list_store_new (MT_TYPE_PROBLEM);
      g_autoptr(GPtrArray) own = NULL;
      guint steps;

      if (!mt_problem_has_fix (problem))
        continue;
      n_fixes++;
      g_list_store_append (single, problem);
      own = reference_keys_of (G_LIST_MODEL (single));
      for (guint k = 0; k < before->len; k++)
        g_hash_table_add (old, g_ptr_array_index (before, k));

      saved = content_of (tour);
      steps = mt_history_get_n_steps (history);
      g_assert_true (mt_problem_apply_fix (problem, tour));
      g_assert_cmpuint (mt_history_get_n_steps (history), ==, steps + 1);
      g_assert_cmpstr (mt_history_get_undo_label (history), ==, mt_problem_get_fix_label (problem));

      after = checked (tour);
      keys = reference_keys_of (mt_checker_get_problems (after));
      for (guint k = 0; k < keys->len; k++)
        {
          const char *key = g_ptr_array_index (keys, k);

          if (g_str_equal (key, g_ptr_array_index (own, 0)) || !g_hash_table_contains (old, key))
            g_test_message ("fix “%s” of “%s” left or added: %s", mt_problem_get_fix_label (problem),
                            mt_problem_get_message (problem), key);
          g_assert_cmpstr (key, !=, g_ptr_array_index (own, 0));
          g_assert_true (g_hash_table_contains (old, key));
        }

      g_assert_true (mt_history_undo (history));
      restored = content_of (tour);
      g_assert_cmpstr (saved, ==, restored);
    }
  return n_fixes;
}

/* Overlaps */

static void
test_overlap (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *site = add_site (tour, "Venue", 23.13, 113.26, 0);
  const char *a = add_group (tour, "Coach A");
  const char *b = add_group (tour, "Coach B");
  MtVisit *first = add_visit (tour, "Briefing", site, MT_VISIT_BRIEFING, T (0, 9, 0), T (0, 10, 0), a);
  MtVisit *second = add_visit (tour, "Tour", site, MT_VISIT_VISIT, T (0, 10, 10), T (0, 11, 0), a);
  g_autoptr(MtChecker) checker = NULL;
  MtProblem *problem;

  /* another group at the same time is no overlap; ten minutes apart is fine */
  add_visit (tour, "Factory", site, MT_VISIT_VISIT, T (0, 9, 30), T (0, 10, 30), b);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_VISIT_OVERLAP), ==, 0);

  mt_visit_set_start (second, T (0, 9, 59));
  checker = checked (tour);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_VISIT_OVERLAP), ==, 1);
  problem = find_kind (checker, MT_PROBLEM_VISIT_OVERLAP);
  g_assert_cmpint (mt_problem_get_severity (problem), ==, MT_SEVERITY_ERROR);
  g_assert_cmpint (mt_problem_get_day (problem), ==, 0);
  g_assert_true (ids_have (problem, mt_entity_get_id (MT_ENTITY (first))));
  g_assert_true (ids_have (problem, mt_entity_get_id (MT_ENTITY (second))));
  g_assert_true (message_has (problem, "Day 1: “Briefing” (09:00–10:00) and “Tour” (09:59–11:00) overlap for Coach A"));
  g_assert_true (mt_problem_has_fix (problem));
  g_assert_cmpstr (mt_problem_get_fix_label (problem), ==, "Start “Tour” at 10:10");
  mt_history_clear (mt_tour_get_history (tour));
  g_assert_cmpuint (assert_fixes (tour), >=, 1);
}

static void
test_overlap_whole_delegation (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *site = add_site (tour, "Venue", 23.13, 113.26, 0);
  const char *a = add_group (tour, "Coach A");
  const char *b = add_group (tour, "Coach B");

  /* a visit with no groups is for everyone: it overlaps each group's */
  add_visit (tour, "Welcome", site, MT_VISIT_BRIEFING, T (1, 9, 0), T (1, 10, 0), NULL);
  add_visit (tour, "A's tour", site, MT_VISIT_VISIT, T (1, 10, 10), T (1, 11, 0), a);
  add_visit (tour, "B's tour", site, MT_VISIT_VISIT, T (1, 10, 10), T (1, 11, 0), b);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_VISIT_OVERLAP), ==, 0);

  add_visit (tour, "Press call", site, MT_VISIT_PRESS_CONFERENCE, T (1, 10, 30), T (1, 10, 45), NULL);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_VISIT_OVERLAP), ==, 2);
}

/* Travel */

static void
test_travel_boundary (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *byd = add_site (tour, "BYD", 22.69, 114.37, 0);
  const char *venue = add_site (tour, "Dongguan venue", 23.02, 113.75, 0);
  g_autoptr(MtChecker) probe = mt_checker_new (tour);
  int minutes = mt_checker_get_travel_minutes (probe, byd, venue);
  MtVisit *second;
  g_autoptr(MtChecker) checker = NULL;
  MtProblem *problem;
  g_autofree char *expected = NULL;

  /* about 73 km as the crow flies, ×1.4 at 45 km/h */
  g_assert_cmpint (minutes, >, 120);
  g_assert_cmpint (minutes, <, 150);

  add_visit (tour, "Factory tour", byd, MT_VISIT_VISIT, T (2, 9, 0), T (2, 11, 30), NULL);
  second = add_visit (tour, "Forum", venue, MT_VISIT_VISIT, T (2, 11, 30) + minutes * 60, T (2, 16, 0), NULL);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_TRAVEL_TIME), ==, 0);

  /* one minute less is not enough */
  mt_visit_set_start (second, T (2, 11, 30) + (minutes - 1) * 60);
  checker = checked (tour);
  problem = find_kind (checker, MT_PROBLEM_TRAVEL_TIME);
  g_assert_nonnull (problem);
  g_assert_cmpint (mt_problem_get_severity (problem), ==, MT_SEVERITY_ERROR);
  expected = g_strdup_printf ("Day 3: The delegation leaves “Factory tour” at 11:30 but needs %d h %02d min to reach “Forum”",
                              minutes / 60, minutes % 60);
  g_assert_true (message_has (problem, expected));
  g_assert_true (mt_problem_has_fix (problem));
  mt_history_clear (mt_tour_get_history (tour));
  g_assert_cmpuint (assert_fixes (tour), ==, 1);
}

static void
test_travel_transfer_and_min_transfer (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *byd = add_site (tour, "BYD", 22.69, 114.37, 0);
  const char *venue = add_site (tour, "Dongguan venue", 23.02, 113.75, 0);
  MtVisit *transfer, *lunch;
  g_autoptr(MtChecker) checker = NULL;
  MtProblem *problem;

  /* an explicit transfer between two visits stands for the travel time */
  add_visit (tour, "Factory tour", byd, MT_VISIT_VISIT, T (2, 9, 0), T (2, 11, 0), NULL);
  transfer = add_visit (tour, "Coach to Dongguan", NULL, MT_VISIT_TRANSFER, T (2, 11, 0), T (2, 11, 50), NULL);
  add_visit (tour, "Forum", venue, MT_VISIT_VISIT, T (2, 11, 50), T (2, 13, 0), NULL);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_TRAVEL_TIME), ==, 0);
  mt_visit_set_status (transfer, MT_VISIT_CANCELLED);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_TRAVEL_TIME), ==, 1);
  mt_visit_set_status (transfer, MT_VISIT_CONFIRMED);

  /* at the same site, the shortest transfer: 10 minutes are fine, 9 not */
  lunch = add_visit (tour, "Lunch", venue, MT_VISIT_MEAL, T (2, 13, 10), T (2, 14, 0), NULL);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_TRAVEL_TIME), ==, 0);
  mt_visit_set_start (lunch, T (2, 13, 9));
  checker = checked (tour);
  problem = find_kind (checker, MT_PROBLEM_TRAVEL_TIME);
  g_assert_nonnull (problem);
  g_assert_cmpint (mt_problem_get_severity (problem), ==, MT_SEVERITY_WARNING);
  g_assert_true (message_has (problem, "Only 9 min between “Forum” (ends 13:00) and “Lunch” (starts 13:09)"));
  mt_checker_set_min_transfer_minutes (checker, 5);
  mt_checker_update (checker);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_TRAVEL_TIME), ==, 0);
}

static void
test_travel_cache (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *a = add_site (tour, "A", 23.10, 113.30, 0);
  const char *b = add_site (tour, "B", 23.10, 113.40, 0);
  g_autoptr(MtChecker) checker = mt_checker_new (tour);
  MtSite *site_b = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, b);
  int near, far;

  add_visit (tour, "At A", a, MT_VISIT_VISIT, T (0, 9, 0), T (0, 10, 0), NULL);
  add_visit (tour, "At B", b, MT_VISIT_VISIT, T (0, 10, 30), T (0, 11, 0), NULL);
  mt_checker_check (checker);
  near = mt_checker_get_travel_minutes (checker, a, b);
  g_assert_cmpint (near, ==, mt_checker_get_travel_minutes (checker, b, a));
  g_assert_cmpint (mt_checker_get_travel_minutes (checker, a, a), ==, 0);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_TRAVEL_TIME), ==, 0);

  /* the site moves far away: the cached time must not survive */
  mt_site_set_longitude (site_b, 114.40);
  far = mt_checker_get_travel_minutes (checker, a, b);
  g_assert_cmpint (far, >, near + 60);
  mt_checker_update (checker);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_TRAVEL_TIME), ==, 1);

  /* a slower coach */
  mt_site_set_longitude (site_b, 113.40);
  mt_checker_set_travel_speed_kmh (checker, 5.0);
  g_assert_cmpint (mt_checker_get_travel_minutes (checker, a, b), >, near * 8);

  /* a site without a position is as far as its city's centre */
  mt_site_set_latitude (site_b, 0);
  mt_site_set_longitude (site_b, 0);
  g_assert_cmpint (mt_checker_get_travel_minutes (checker, a, b), ==, -1);
}

/* Interviews */

static void
test_interview_outside_visit (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *site = add_site (tour, "Institute", 23.35, 113.30, 0);
  const char *wang = add_delegate (tour, "Wang Wei", NULL);
  MtVisit *visit = add_visit (tour, "Energy storage", site, MT_VISIT_VISIT, T (0, 14, 0), T (0, 15, 15), NULL);
  MtInterview *interview = add_interview (tour, "Li Shujie", visit, T (0, 14, 45), T (0, 15, 15), wang);
  g_autoptr(MtChecker) checker = NULL;
  MtProblem *problem;

  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_INTERVIEW_OUTSIDE_VISIT), ==, 0);
  mt_interview_set_start (interview, T (0, 14, 46));
  mt_interview_set_end (interview, T (0, 15, 16));
  checker = checked (tour);
  problem = find_kind (checker, MT_PROBLEM_INTERVIEW_OUTSIDE_VISIT);
  g_assert_nonnull (problem);
  g_assert_true (message_has (problem, "The interview with Li Shujie (14:46–15:16) is outside its visit “Energy storage” (14:00–15:15)"));
  g_assert_cmpstr (mt_problem_get_fix_label (problem), ==, "Move the interview with Li Shujie to 14:45");
  mt_history_clear (mt_tour_get_history (tour));
  g_assert_cmpuint (assert_fixes (tour), ==, 1);

  /* declined interviews are nobody's problem */
  mt_interview_set_status (interview, MT_INTERVIEW_DECLINED);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_INTERVIEW_OUTSIDE_VISIT), ==, 0);
}

static void
test_delegate_double_booked (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *site = add_site (tour, "Institute", 23.35, 113.30, 0);
  const char *wang = add_delegate (tour, "Wang Wei", NULL);
  MtVisit *visit = add_visit (tour, "Energy storage", site, MT_VISIT_VISIT, T (0, 14, 0), T (0, 16, 0), NULL);
  MtInterview *second;
  g_autoptr(MtChecker) checker = NULL;
  MtProblem *problem;

  add_interview (tour, "Li Shujie", visit, T (0, 14, 0), T (0, 14, 30), wang);
  second = add_interview (tour, "Yang Qiang", visit, T (0, 14, 30), T (0, 15, 0), wang);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_DELEGATE_DOUBLE_BOOKED), ==, 0);

  mt_interview_set_start (second, T (0, 14, 29));
  checker = checked (tour);
  problem = find_kind (checker, MT_PROBLEM_DELEGATE_DOUBLE_BOOKED);
  g_assert_nonnull (problem);
  g_assert_true (ids_have (problem, wang));
  g_assert_true (message_has (problem, "Wang Wei is booked into the interviews with Li Shujie (14:00–14:30) and with Yang Qiang (14:29–15:00) at once"));
  mt_history_clear (mt_tour_get_history (tour));
  g_assert_cmpuint (assert_fixes (tour), ==, 1);
}

static void
test_interviewee_double_booked (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *site = add_site (tour, "EHang", 23.10, 113.45, 0);
  const char *wang = add_delegate (tour, "Wang Wei", NULL);
  const char *li = add_delegate (tour, "Li Na", NULL);
  MtVisit *visit = add_visit (tour, "EHang", site, MT_VISIT_VISIT, T (0, 17, 0), T (0, 18, 30), NULL);
  MtInterview *second;
  g_autoptr(MtChecker) checker = NULL;
  MtProblem *problem;

  add_interview (tour, "Hu Huazhi", visit, T (0, 17, 0), T (0, 17, 30), wang);
  second = add_interview (tour, "Hu Huazhi", visit, T (0, 17, 30), T (0, 18, 0), li);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_INTERVIEWEE_DOUBLE_BOOKED), ==, 0);

  mt_interview_set_start (second, T (0, 17, 29));
  checker = checked (tour);
  problem = find_kind (checker, MT_PROBLEM_INTERVIEWEE_DOUBLE_BOOKED);
  g_assert_nonnull (problem);
  g_assert_true (message_has (problem, "Hu Huazhi has two interviews at once, 17:00–17:30 and 17:29–18:00"));
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_DELEGATE_DOUBLE_BOOKED), ==, 0);
  mt_history_clear (mt_tour_get_history (tour));
  g_assert_cmpuint (assert_fixes (tour), ==, 1);
}

static void
test_delegate_elsewhere (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *byd = add_site (tour, "BYD", 22.69, 114.37, 0);
  const char *dji = add_site (tour, "DJI", 22.58, 113.94, 0);
  const char *a = add_group (tour, "Coach A");
  const char *b = add_group (tour, "Coach B");
  const char *wang = add_delegate (tour, "Wang Wei", a);
  MtVisit *at_byd = add_visit (tour, "Batteries", byd, MT_VISIT_VISIT, T (3, 9, 0), T (3, 10, 30), a);
  MtVisit *at_dji = add_visit (tour, "Drones", dji, MT_VISIT_VISIT, T (3, 9, 0), T (3, 12, 0), b);
  g_autoptr(MtChecker) checker = NULL;
  MtProblem *problem;

  /* Coach A leaves BYD at 10:30; its reporter can be at DJI from then */
  add_interview (tour, "Frank Wang", at_dji, T (3, 10, 30), T (3, 11, 0), wang);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_DELEGATE_ELSEWHERE), ==, 0);

  mt_visit_set_end (at_byd, T (3, 10, 31));
  checker = checked (tour);
  problem = find_kind (checker, MT_PROBLEM_DELEGATE_ELSEWHERE);
  g_assert_nonnull (problem);
  g_assert_true (ids_have (problem, wang));
  g_assert_true (ids_have (problem, mt_entity_get_id (MT_ENTITY (at_byd))));
  g_assert_true (message_has (problem, "Wang Wei is in the interview with Frank Wang at “DJI” (10:30–11:00) while Coach A is at “BYD” for “Batteries”"));
}

/* Capacity, days */

static void
test_capacity (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *lab = add_site (tour, "Clean room", 23.35, 113.30, 3);
  const char *a = add_group (tour, "Coach A");
  const char *b = add_group (tour, "Coach B");
  MtVisit *visit;
  g_autoptr(MtChecker) checker = NULL;

  for (guint i = 0; i < 3; i++)
    add_delegate (tour, "Reporter", a);
  add_delegate (tour, "Camera", b);
  visit = add_visit (tour, "Clean room", lab, MT_VISIT_VISIT, T (0, 9, 0), T (0, 10, 0), a);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_OVER_CAPACITY), ==, 0);

  /* the whole delegation is four */
  mt_visit_set_groups (visit, NULL);
  checker = checked (tour);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_OVER_CAPACITY), ==, 1);
  g_assert_true (message_has (find_kind (checker, MT_PROBLEM_OVER_CAPACITY),
                              "“Clean room” brings 4 delegates to “Clean room”, which holds 3"));
  mt_visit_set_status (visit, MT_VISIT_CANCELLED);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_OVER_CAPACITY), ==, 0);
}

static void
test_outside_tour (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  MtVisit *last = add_visit (tour, "Farewell", NULL, MT_VISIT_MEAL, T (6, 22, 0), T (7, 0, 0), NULL);
  MtVisit *early = add_visit (tour, "Arrival", NULL, MT_VISIT_TRANSFER, T (0, 0, 0), T (0, 1, 0), NULL);
  g_autoptr(MtChecker) checker = NULL;
  MtProblem *problem;

  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_OUTSIDE_TOUR), ==, 0);
  mt_visit_set_end (last, T (7, 0, 1));
  mt_visit_set_start (early, T (-1, 23, 59));
  checker = checked (tour);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_OUTSIDE_TOUR), ==, 2);
  problem = find_kind (checker, MT_PROBLEM_OUTSIDE_TOUR);
  g_assert_cmpint (mt_problem_get_day (problem), ==, -1);
  g_assert_true (message_has (problem, "2024-05-13: “Arrival”"));
}

static void
test_day_too_long (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *site = add_site (tour, "Venue", 23.13, 113.26, 0);
  MtVisit *dinner;
  g_autoptr(MtChecker) checker = NULL;

  add_visit (tour, "Breakfast briefing", site, MT_VISIT_MEAL, T (4, 8, 0), T (4, 9, 0), NULL);
  dinner = add_visit (tour, "Dinner", site, MT_VISIT_MEAL, T (4, 19, 0), T (4, 20, 0), NULL);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_DAY_TOO_LONG), ==, 0);
  mt_visit_set_end (dinner, T (4, 20, 1));
  checker = checked (tour);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_DAY_TOO_LONG), ==, 1);
  g_assert_true (message_has (find_kind (checker, MT_PROBLEM_DAY_TOO_LONG),
                              "Day 5: The day of the whole delegation lasts 12 h 01 min (08:00–20:01)"));
  mt_checker_set_daily_limit_minutes (checker, 721);
  mt_checker_update (checker);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_DAY_TOO_LONG), ==, 0);
}

static void
test_no_meal_break (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *site = add_site (tour, "Venue", 23.13, 113.26, 0);
  const char *a = add_group (tour, "Coach A");
  MtVisit *afternoon, *lunch;

  add_visit (tour, "Morning", site, MT_VISIT_VISIT, T (5, 9, 0), T (5, 12, 0), a);
  afternoon = add_visit (tour, "Afternoon", site, MT_VISIT_VISIT, T (5, 12, 10), T (5, 15, 0), a);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_NO_MEAL_BREAK), ==, 0);
  mt_visit_set_end (afternoon, T (5, 15, 1));
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_NO_MEAL_BREAK), ==, 1);
  lunch = add_visit (tour, "Lunch", site, MT_VISIT_MEAL, T (5, 15, 20), T (5, 16, 0), NULL);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_NO_MEAL_BREAK), ==, 0);
  mt_visit_set_status (lunch, MT_VISIT_CANCELLED);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_NO_MEAL_BREAK), ==, 1);
}

/* Statuses and references */

static void
test_cancelled_with_interviews (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *wang = add_delegate (tour, "Wang Wei", NULL);
  MtVisit *visit = add_visit (tour, "Port", NULL, MT_VISIT_VISIT, T (5, 9, 0), T (5, 11, 0), NULL);
  MtInterview *interview = add_interview (tour, "Port director", visit, T (5, 9, 30), T (5, 10, 0), wang);
  g_autoptr(MtChecker) checker = NULL;
  MtProblem *problem;

  mt_visit_set_status (visit, MT_VISIT_CANCELLED);
  mt_interview_set_status (interview, MT_INTERVIEW_REQUESTED);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_CANCELLED_WITH_INTERVIEWS), ==, 0);
  mt_interview_set_status (interview, MT_INTERVIEW_CONFIRMED);
  checker = checked (tour);
  problem = find_kind (checker, MT_PROBLEM_CANCELLED_WITH_INTERVIEWS);
  g_assert_nonnull (problem);
  g_assert_true (message_has (problem, "“Port” is cancelled but has 1 confirmed interview"));
  mt_history_clear (mt_tour_get_history (tour));
  g_assert_cmpuint (assert_fixes (tour), ==, 1);
}

static void
test_interview_without_delegates (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *wang = add_delegate (tour, "Wang Wei", NULL);
  MtInterview *interview = add_interview (tour, "Mayor", NULL, T (1, 9, 0), T (1, 9, 30), wang);
  g_autoptr(MtChecker) checker = NULL;

  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_INTERVIEW_WITHOUT_DELEGATES), ==, 0);
  mt_interview_set_delegates (interview, NULL);
  checker = checked (tour);
  g_assert_cmpint (mt_problem_get_severity (find_kind (checker, MT_PROBLEM_INTERVIEW_WITHOUT_DELEGATES)),
                   ==, MT_SEVERITY_WARNING);
  mt_interview_set_status (interview, MT_INTERVIEW_REQUESTED);
  mt_checker_update (checker);
  g_assert_cmpint (mt_problem_get_severity (find_kind (checker, MT_PROBLEM_INTERVIEW_WITHOUT_DELEGATES)),
                   ==, MT_SEVERITY_HINT);
}

static void
test_dangling_references (void)
{
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtChecker) checker = NULL;
  const char *data =
    "{ \"format\": 1, \"first-day\": \"2024-05-14\","
    "  \"groups\": [ { \"id\": \"g\", \"name\": \"Coach A\" } ],"
    "  \"sites\": [ { \"id\": \"s\", \"name\": \"Port\", \"city\": \"no-city\" } ],"
    "  \"delegates\": [ { \"id\": \"d\", \"name\": \"Wang Wei\", \"group\": \"no-group\" } ],"
    "  \"visits\": [ { \"id\": \"v\", \"title\": \"Visit\", \"site\": \"no-site\", \"groups\": [\"g\", \"gone\"],"
    "                  \"start\": \"2024-05-14T09:00\", \"end\": \"2024-05-14T10:00\" } ],"
    "  \"interviews\": [ { \"id\": \"i\", \"interviewee\": \"Mayor\", \"visit\": \"no-visit\","
    "                      \"delegates\": [\"d\", \"nobody\"],"
    "                      \"start\": \"2024-05-14T09:00\", \"end\": \"2024-05-14T09:30\" } ] }";
  MtProblem *problem;

  tour = mt_tour_load_from_data (data, -1, "dangling.mtour", &warnings, &error);
  g_assert_no_error (error);
  checker = checked (tour);

  /* every dangling reference the loader saw is a problem of the checker */
  g_assert_cmpuint (warnings->len, ==, 6);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_DANGLING_REFERENCE), ==, warnings->len);
  problem = find_kind (checker, MT_PROBLEM_DANGLING_REFERENCE);
  g_assert_cmpint (mt_problem_get_severity (problem), ==, MT_SEVERITY_ERROR);
  g_assert_true (message_has (problem, "no-"));
  g_assert_cmpuint (assert_fixes (tour), ==, 6);

  mt_checker_fix_all (checker, NULL);
  mt_checker_update (checker);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_DANGLING_REFERENCE), ==, 0);
}

static void
test_invalid_time (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  MtVisit *visit = add_visit (tour, "Photo stop", NULL, MT_VISIT_VISIT, T (2, 9, 0), T (2, 9, 0), NULL);
  g_autoptr(MtChecker) checker = NULL;

  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_INVALID_TIME), ==, 0);
  mt_visit_set_end (visit, T (2, 8, 59));
  checker = checked (tour);
  g_assert_true (message_has (find_kind (checker, MT_PROBLEM_INVALID_TIME),
                              "“Photo stop” ends at 08:59, before it starts at 09:00"));
  mt_visit_set_end (visit, MT_TIME_UNSET);
  g_assert_cmpuint (count_kind_in (tour, MT_PROBLEM_INVALID_TIME), ==, 1);
}

/* The sample tour's first day, as the article tells it */

static MtInterview *
interview_with (MtTour     *tour,
                const char *interviewee)
{
  GListModel *interviews = mt_tour_get_interviews (tour);

  for (guint i = 0; i < g_list_model_get_n_items (interviews); i++)
    {
      g_autoptr(MtInterview) interview = g_list_model_get_item (interviews, i);

      if (g_strcmp0 (mt_interview_get_interviewee (interview), interviewee) == 0)
        return interview;
    }
  return NULL;
}

static void
test_sample_day_one (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autoptr(MtChecker) checker = checked (tour);
  GListModel *problems = mt_checker_get_problems (checker);
  MtInterview *li = interview_with (tour, "Li Shujie");
  guint on_day_one = 0;
  MtProblem *problem;
  g_autofree char *before = NULL, *after = NULL;

  /* 09:00 briefing to 20:30 dinner, with the transfers the article implies:
   * nothing on day 1 is wrong at the default settings */
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(MtProblem) p = g_list_model_get_item (problems, i);

      if (mt_problem_get_day (p) == 0)
        {
          g_test_message ("day 1: %s", mt_problem_get_message (p));
          on_day_one++;
        }
    }
  g_assert_cmpuint (on_day_one, ==, 0);

  /* its day is 11 h 30 min: a ten-hour limit finds exactly that */
  mt_checker_set_daily_limit_minutes (checker, 600);
  mt_checker_update (checker);
  problem = find_kind (checker, MT_PROBLEM_DAY_TOO_LONG);
  g_assert_nonnull (problem);
  g_assert_cmpint (mt_problem_get_day (problem), ==, 0);
  g_assert_true (message_has (problem, "Day 1: The day of the whole delegation lasts 11 h 30 min (09:00–20:30)"));
  mt_checker_set_daily_limit_minutes (checker, MT_CHECKER_DEFAULT_DAILY_LIMIT_MINUTES);

  /* an interview at the energy storage institute that runs past the visit */
  g_assert_nonnull (li);
  before = content_of (tour);
  mt_history_clear (mt_tour_get_history (tour));
  mt_interview_set_start (li, mt_interview_get_start (li) + 25 * 60);
  mt_interview_set_end (li, mt_interview_get_end (li) + 25 * 60);
  mt_checker_update (checker);
  problem = find_kind (checker, MT_PROBLEM_INTERVIEW_OUTSIDE_VISIT);
  g_assert_nonnull (problem);
  g_assert_cmpint (mt_problem_get_day (problem), ==, 0);
  g_assert_true (mt_problem_apply_fix (problem, tour));
  mt_checker_update (checker);
  g_assert_cmpuint (count_kind (checker, MT_PROBLEM_INTERVIEW_OUTSIDE_VISIT), ==, 0);
  while (mt_history_undo (mt_tour_get_history (tour)))
    ;
  after = content_of (tour);
  g_assert_cmpstr (before, ==, after);
}

/* Generated tours */

static const ReferenceSettings defaults = {
  MT_CHECKER_DEFAULT_TRAVEL_SPEED_KMH, MT_CHECKER_DEFAULT_ROAD_FACTOR,
  MT_CHECKER_DEFAULT_MIN_TRANSFER_MINUTES, MT_CHECKER_DEFAULT_DAILY_LIMIT_MINUTES,
  MT_CHECKER_DEFAULT_MEAL_BREAK_AFTER_MINUTES,
};

static gpointer
random_item (GRand        *rand,
             MtTour       *tour,
             MtEntityKind  kind)
{
  GListModel *model = mt_tour_get_entities (tour, kind);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GObject) item = NULL;

  if (n == 0)
    return NULL;
  item = g_list_model_get_item (model, g_rand_int_range (rand, 0, (gint32) n));
  return item; /* the tour holds it */
}

/* An edit a planner might make, or a mistake: shifts, cancellations,
 * removals that leave references dangling, broken times. */
static void
random_edit (GRand  *rand,
             MtTour *tour)
{
  MtVisit *visit = random_item (rand, tour, MT_ENTITY_VISIT);
  MtInterview *interview = random_item (rand, tour, MT_ENTITY_INTERVIEW);

  switch (g_rand_int_range (rand, 0, 12))
    {
    case 0:
    case 1:
      if (visit)
        mt_tour_move_visit (tour, visit, mt_visit_get_start (visit) + 60 * g_rand_int_range (rand, -90, 90));
      break;
    case 2:
      if (visit)
        mt_visit_set_end (visit, mt_visit_get_end (visit) + 60 * g_rand_int_range (rand, -60, 60));
      break;
    case 3:
      if (visit)
        mt_visit_set_status (visit, g_rand_int_range (rand, 0, 3));
      break;
    case 4:
      if (visit)
        mt_tour_move_visit (tour, visit, mt_visit_get_start (visit) + MT_SECONDS_PER_DAY * g_rand_int_range (rand, -2, 3));
      break;
    case 5:
      if (interview)
        {
          mt_interview_set_start (interview, mt_interview_get_start (interview) + 60 * g_rand_int_range (rand, -60, 60));
          mt_interview_set_end (interview, mt_interview_get_start (interview) + 60 * g_rand_int_range (rand, -5, 60));
        }
      break;
    case 6:
      if (interview)
        mt_interview_set_status (interview, g_rand_int_range (rand, 0, 4));
      break;
    case 7:
      if (interview && visit)
        mt_interview_set_visit (interview, mt_entity_get_id (MT_ENTITY (visit)));
      break;
    case 8:
      if (interview && g_rand_boolean (rand))
        mt_interview_set_delegates (interview, NULL);
      else if (interview)
        mt_interview_set_interviewee (interview, "Same person");
      break;
    case 9:
      {
        MtEntityKind kinds[] = { MT_ENTITY_SITE, MT_ENTITY_GROUP, MT_ENTITY_DELEGATE, MT_ENTITY_VISIT, MT_ENTITY_CITY };
        gpointer victim = random_item (rand, tour, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);

        if (victim)
          mt_tour_remove (tour, victim);
      }
      break;
    case 10:
      if (visit)
        mt_visit_set_groups (visit, NULL);
      break;
    default:
      {
        MtSite *site = random_item (rand, tour, MT_ENTITY_SITE);

        if (site)
          mt_site_set_latitude (site, mt_site_get_latitude (site) + g_rand_double_range (rand, -0.3, 0.3));
      }
    }
}

static void
test_reference (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  guint total = 0;

  for (guint seed = 1; seed <= 200; seed++)
    {
      guint n = (guint) g_rand_int_range (rand, 20, 301);
      g_autoptr(MtTour) tour = mt_tour_generate (n, MAX (10, n / 2), n * 2, seed);
      g_autoptr(MtChecker) checker = NULL;
      g_autoptr(GPtrArray) mine = NULL, theirs = NULL;
      guint edits = (guint) g_rand_int_range (rand, 0, 12);

      for (guint e = 0; e < edits; e++)
        random_edit (rand, tour);

      checker = checked (tour);
      mine = reference_keys_of (mt_checker_get_problems (checker));
      theirs = reference_check (tour, &defaults);
      if (!same_keys (mine, theirs, TRUE))
        g_test_message ("tour %u (%u visits, %u edits) differs", seed, n, edits);
      g_assert_true (same_keys (mine, theirs, FALSE));
      total += mine->len;
    }
  g_test_message ("%u problems in all agree", total);
  g_assert_cmpuint (total, >, 1000);
}

/* Incremental re-checks give what a full check gives, messages and all */
static void
test_incremental (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint seed = 1; seed <= 20; seed++)
    {
      g_autoptr(MtTour) tour = mt_tour_generate (150, 75, 300, seed);
      g_autoptr(MtChecker) checker = checked (tour);

      for (guint e = 0; e < 25; e++)
        {
          g_autoptr(MtChecker) fresh = NULL;
          GListModel *a, *b;

          random_edit (rand, tour);
          if (g_rand_int_range (rand, 0, 4) == 0)
            mt_history_undo (mt_tour_get_history (tour));
          mt_checker_update (checker);
          fresh = checked (tour);
          a = mt_checker_get_problems (checker);
          b = mt_checker_get_problems (fresh);
          g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
          for (guint i = 0; i < g_list_model_get_n_items (a); i++)
            {
              g_autoptr(MtProblem) pa = g_list_model_get_item (a, i);
              g_autoptr(MtProblem) pb = g_list_model_get_item (b, i);

              g_assert_cmpstr (mt_problem_get_message (pa), ==, mt_problem_get_message (pb));
              g_assert_cmpstr (mt_problem_get_fix_label (pa), ==, mt_problem_get_fix_label (pb));
            }
          g_assert_cmpuint (mt_checker_count (checker, MT_SEVERITY_ERROR), ==,
                            mt_checker_count (fresh, MT_SEVERITY_ERROR));
        }
    }
}

static void
assert_same_keys (MtChecker *checker,
                  MtTour    *tour)
{
  g_autoptr(MtChecker) fresh = checked (tour);
  g_autoptr(GPtrArray) mine = reference_keys_of (mt_checker_get_problems (checker));
  g_autoptr(GPtrArray) theirs = reference_keys_of (mt_checker_get_problems (fresh));

  g_assert_cmpuint (mine->len, ==, theirs->len);
  for (guint i = 0; i < mine->len; i++)
    g_assert_cmpstr (g_ptr_array_index (mine, i), ==, g_ptr_array_index (theirs, i));
}

/* The checker remembers each interview's visit between checks: removing
 * that visit leaves the interview's reference dangling, and undoing the
 * removal mends it; an unchanged tour leaves the very same problems. */
static void
test_remembered_visit (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (150, 75, 300, 7);
  g_autoptr(MtChecker) checker = checked (tour);
  GListModel *interviews = mt_tour_get_interviews (tour);
  g_autoptr(MtProblem) first = NULL, again = NULL;
  MtInterview *interview = NULL;
  const char *visit_id;
  gboolean dangling = FALSE;
  GListModel *problems;

  for (guint i = 0; i < g_list_model_get_n_items (interviews) && interview == NULL; i++)
    {
      g_autoptr(MtInterview) candidate = g_list_model_get_item (interviews, i);

      if (mt_interview_get_visit (candidate) != NULL &&
          mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, mt_interview_get_visit (candidate)) != NULL)
        interview = candidate;
    }
  g_assert_nonnull (interview);
  visit_id = mt_interview_get_visit (interview);

  problems = mt_checker_get_problems (checker);
  g_assert_cmpuint (g_list_model_get_n_items (problems), >, 0);
  first = g_list_model_get_item (problems, 0);
  mt_checker_check (checker);
  again = g_list_model_get_item (problems, 0);
  g_assert_true (first == again);

  mt_tour_remove (tour, mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, visit_id));
  mt_checker_update (checker);
  assert_same_keys (checker, tour);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);

      if (mt_problem_get_kind (problem) == MT_PROBLEM_DANGLING_REFERENCE &&
          g_strv_contains (mt_problem_get_ids (problem), visit_id))
        dangling = TRUE;
    }
  g_assert_true (dangling);

  g_assert_true (mt_history_undo (mt_tour_get_history (tour)));
  mt_checker_update (checker);
  assert_same_keys (checker, tour);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);

      g_assert_false (mt_problem_get_kind (problem) == MT_PROBLEM_DANGLING_REFERENCE &&
                      g_strv_contains (mt_problem_get_ids (problem), visit_id));
    }
}

static void
test_generated_fixes (void)
{
  guint n_fixes = 0;

  for (guint seed = 1; seed <= 6; seed++)
    {
      g_autoptr(MtTour) tour = mt_tour_generate (120, 60, 240, seed);

      n_fixes += assert_fixes (tour);
    }
  g_test_message ("%u fixes applied and undone", n_fixes);
  g_assert_cmpuint (n_fixes, >, 20);
}

static void
test_fix_all (void)
{
  g_autoptr(MtTour) tour = mt_tour_generate (300, 150, 600, 5);
  g_autoptr(MtChecker) checker = checked (tour);
  g_autoptr(GPtrArray) applied = NULL;
  g_autofree char *before = content_of (tour);
  g_autofree char *after = NULL;
  guint errors = mt_checker_count (checker, MT_SEVERITY_ERROR);
  guint kept = mt_checker_fix_all (checker, &applied);

  g_assert_cmpuint (kept, ==, applied->len);
  g_assert_cmpuint (kept, >, 10);
  g_assert_cmpuint (mt_checker_count (checker, MT_SEVERITY_ERROR), <, errors);
  for (guint i = 0; i < kept; i++)
    g_assert_true (mt_history_undo (mt_tour_get_history (tour)));
  after = content_of (tour);
  g_assert_cmpstr (before, ==, after);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

static void
test_auto_check (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  const char *site = add_site (tour, "Venue", 23.13, 113.26, 0);
  MtVisit *second;
  g_autoptr(MtChecker) checker = mt_checker_new (tour);
  guint calls = 0;

  add_visit (tour, "One", site, MT_VISIT_VISIT, T (0, 9, 0), T (0, 10, 0), NULL);
  second = add_visit (tour, "Two", site, MT_VISIT_VISIT, T (0, 10, 30), T (0, 11, 0), NULL);
  add_visit (tour, "Three", site, MT_VISIT_VISIT, T (4, 9, 0), T (4, 10, 0), NULL);
  mt_checker_set_auto_check (checker, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (mt_checker_get_problems (checker)), ==, 0);

  g_signal_connect (mt_checker_get_problems (checker), "items-changed", G_CALLBACK (on_items_changed), &calls);
  mt_visit_set_start (second, T (0, 9, 30));
  g_assert_cmpuint (calls, ==, 0); /* not before the main loop runs */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (mt_checker_count (checker, MT_SEVERITY_ERROR), ==, 1);

  mt_history_undo (mt_tour_get_history (tour));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (mt_checker_count (checker, MT_SEVERITY_ERROR), ==, 0);
}

/* The list holds each problem object once, before and after a re-check
 * that takes the list's problems for its own, with an interview that
 * names a missing delegate. */
static void
test_recheck_distinct (void)
{
  g_autoptr(MtTour) tour = new_tour ();
  g_autoptr(MtChecker) checker = mt_checker_new (tour);
  MtInterview *x = add_interview (tour, "Li Na", NULL, T (0, 8, 0), T (0, 8, 30), NULL);
  MtInterview *y = add_interview (tour, "Wang Wei", NULL, T (0, 18, 0), T (0, 18, 30), NULL);
  MtInterview *twice = add_interview (tour, "Zhang Min", NULL, T (0, 10, 0), T (0, 10, 30), NULL);
  const char *ghosts[] = { "ghost", "ghost", NULL };
  GListModel *problems = mt_checker_get_problems (checker);

  /* a list of ids is a set: the id named twice is kept once (it used to
   * make one problem twice, which two drafts then took for one object) */
  mt_interview_set_delegates (twice, ghosts);
  g_assert_cmpuint (g_strv_length ((char **) mt_interview_get_delegates (twice)), ==, 1);
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
      guint dangling = 0;

      if (round == 0)
        mt_checker_check (checker);
      else
        {
          /* problems of the same day change around the two */
          mt_interview_set_interviewee (x, "Li Na (CCTV)");
          mt_interview_set_interviewee (y, "Wang Wei (Xinhua)");
          g_assert_true (mt_checker_update (checker));
        }
      for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
        {
          g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);

          g_assert_true (g_hash_table_add (seen, problem));
          dangling += mt_problem_get_kind (problem) == MT_PROBLEM_DANGLING_REFERENCE;
        }
      g_assert_cmpuint (dangling, ==, 1);
      g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 3);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checker/overlap/group", test_overlap);
  g_test_add_func ("/checker/overlap/whole-delegation", test_overlap_whole_delegation);
  g_test_add_func ("/checker/travel/boundary", test_travel_boundary);
  g_test_add_func ("/checker/travel/transfer-and-min-transfer", test_travel_transfer_and_min_transfer);
  g_test_add_func ("/checker/travel/cache", test_travel_cache);
  g_test_add_func ("/checker/interview/outside-visit", test_interview_outside_visit);
  g_test_add_func ("/checker/interview/delegate-double-booked", test_delegate_double_booked);
  g_test_add_func ("/checker/interview/interviewee-double-booked", test_interviewee_double_booked);
  g_test_add_func ("/checker/interview/delegate-elsewhere", test_delegate_elsewhere);
  g_test_add_func ("/checker/capacity", test_capacity);
  g_test_add_func ("/checker/day/outside-tour", test_outside_tour);
  g_test_add_func ("/checker/day/too-long", test_day_too_long);
  g_test_add_func ("/checker/day/no-meal-break", test_no_meal_break);
  g_test_add_func ("/checker/status/cancelled-with-interviews", test_cancelled_with_interviews);
  g_test_add_func ("/checker/status/interview-without-delegates", test_interview_without_delegates);
  g_test_add_func ("/checker/references/dangling", test_dangling_references);
  g_test_add_func ("/checker/times/invalid", test_invalid_time);
  g_test_add_func ("/checker/sample/day-one", test_sample_day_one);
  g_test_add_func ("/checker/generated/reference", test_reference);
  g_test_add_func ("/checker/generated/incremental", test_incremental);
  g_test_add_func ("/checker/generated/remembered-visit", test_remembered_visit);
  g_test_add_func ("/checker/generated/fixes", test_generated_fixes);
  g_test_add_func ("/checker/generated/fix-all", test_fix_all);
  g_test_add_func ("/checker/auto-check", test_auto_check);
  g_test_add_func ("/checker/recheck/distinct", test_recheck_distinct);

  return g_test_run ();
}
