/* test-pages.c: GUI engineer B's pages, panel, search and their logic
 *
 * The /gui/page-logic/ cases need no display; the others drive the real
 * widgets under Xvfb and save a screenshot of each page next to the test
 * binary (page-*.png) to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "mt-delegates-page.h"
#include "mt-interviews-page.h"
#include "mt-preferences-window.h"
#include "mt-search-dialog.h"
#include "mt-sites-page.h"
#include "mt-page-logic.h"
#include "mt-problems-panel.h"

/* --- helpers -------------------------------------------------------------- */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* the first widget under @root (itself included) whose @text is @value */
static GtkWidget *
find_where (GtkWidget    *root,
            const char *(*text) (GtkWidget *widget),
            const char   *value)
{
  if (g_strcmp0 (text (root), value) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_where (child, text, value);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return find_where (root, gtk_widget_get_name, name);
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  return find_where (root, gtk_widget_get_tooltip_text, tooltip);
}

/* how many of the tour's visits list @group_id (not counting the visits
 * for the whole delegation, which list no group), and how many of its
 * delegates are in it */
static guint
count_group_uses (MtTour     *tour,
                  const char *group_id)
{
  GListModel *visits = mt_tour_get_visits (tour);
  guint n = mt_page_count_group_members (tour, group_id);

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);

      n += mt_visit_get_groups (visit) != NULL && mt_visit_has_group (visit, group_id);
    }
  return n;
}

/* how many interviews name @delegate_id */
static guint
count_interviews_of (MtTour     *tour,
                     const char *delegate_id)
{
  GListModel *interviews = mt_tour_get_interviews (tour);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (interviews); i++)
    {
      g_autoptr(MtInterview) interview = g_list_model_get_item (interviews, i);

      n += mt_interview_has_delegate (interview, delegate_id);
    }
  return n;
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = gtk_native_get_renderer (native);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  /* let the window map and lay out; bounded, and no assertion on time */
  for (guint i = 0; i < 200 && (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0); i++)
    {
      iterate ();
      g_usleep (5000);
    }
  iterate ();
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  /* a widget waiting for a new layout draws nothing: give it frames */
  for (guint i = 0; i < 100 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) attempt = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, attempt, w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&attempt));
      if (node == NULL)
        {
          iterate ();
          g_usleep (10000);
        }
    }
  if (node == NULL)
    {
      g_test_message ("no screenshot of %s: nothing drawn (mapped %d, %dx%d)", name, gtk_widget_get_mapped (widget), w, h);
      return;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  /* beside the window's screenshots when the test command names a folder */
  if (g_getenv ("MT_SCREENSHOT_DIR") != NULL)
    {
      g_mkdir_with_parents (g_getenv ("MT_SCREENSHOT_DIR"), 0755);
      path = g_build_filename (g_getenv ("MT_SCREENSHOT_DIR"), name, NULL);
    }
  else
    path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("screenshot: %s", path);
}

static MtTour *
sample (void)
{
  MtTour *tour = mt_tour_new_sample ();

  g_assert_nonnull (tour);
  return tour;
}

/* --- logic: free slots ---------------------------------------------------- */

typedef struct
{
  MtTour *tour;
  char   *group_a, *group_b;
  char   *d1, *d2, *d3;
  char   *visit, *afternoon, *transfer;
  char   *busy1, *busy2;
} SlotFixture;

static char *
add_entity (MtTour   *tour,
            MtEntity *entity)
{
  g_autoptr(MtEntity) owned = entity;

  g_assert_true (mt_tour_add (tour, entity, NULL));
  return g_strdup (mt_entity_get_id (entity));
}

static gint64
at (int hour, int minute)
{
  return mt_wall_time_new (2024, 5, 14, hour, minute, 0);
}

static char *
add_visit (MtTour *tour, const char *title, int h1, int m1, int h2, int m2,
           const char *group, MtVisitKind kind)
{
  MtVisit *visit = mt_visit_new (NULL);
  const char *groups[] = { group, NULL };

  mt_visit_set_title (visit, title);
  mt_visit_set_start (visit, at (h1, m1));
  mt_visit_set_end (visit, at (h2, m2));
  mt_visit_set_visit_kind (visit, kind);
  if (group != NULL)
    mt_visit_set_groups (visit, groups);
  return add_entity (tour, MT_ENTITY (visit));
}

static char *
add_delegate (MtTour *tour, const char *name, const char *group)
{
  MtDelegate *delegate = mt_delegate_new (NULL);

  mt_delegate_set_name (delegate, name);
  mt_delegate_set_group (delegate, group);
  return add_entity (tour, MT_ENTITY (delegate));
}

static char *
add_interview (MtTour *tour, const char *interviewee, const char *delegate,
               int h1, int m1, int h2, int m2, MtInterviewStatus status)
{
  MtInterview *interview = mt_interview_new (NULL);
  const char *delegates[] = { delegate, NULL };

  mt_interview_set_interviewee (interview, interviewee);
  mt_interview_set_delegates (interview, delegates);
  mt_interview_set_start (interview, at (h1, m1));
  mt_interview_set_end (interview, at (h2, m2));
  mt_interview_set_status (interview, status);
  return add_entity (tour, MT_ENTITY (interview));
}

static void
slot_fixture_init (SlotFixture *f)
{
  MtGroup *a = mt_group_new (NULL), *b = mt_group_new (NULL);

  f->tour = mt_tour_new ();
  mt_tour_set_first_day (f->tour, at (0, 0));
  mt_group_set_name (a, "Coach A");
  mt_group_set_name (b, "Coach B");
  f->group_a = add_entity (f->tour, MT_ENTITY (a));
  f->group_b = add_entity (f->tour, MT_ENTITY (b));
  f->d1 = add_delegate (f->tour, "Wang Wei", f->group_a);
  f->d2 = add_delegate (f->tour, "Li Na", f->group_b);
  f->d3 = add_delegate (f->tour, "Zhao Lei", f->group_a);
  /* Coach A at the factory 10:00-12:00; everyone 14:00-15:00 */
  f->visit = add_visit (f->tour, "Factory", 10, 0, 12, 0, f->group_a, MT_VISIT_VISIT);
  f->transfer = add_visit (f->tour, "Coach", 12, 0, 13, 0, NULL, MT_VISIT_TRANSFER);
  f->afternoon = add_visit (f->tour, "Lab", 14, 0, 15, 0, NULL, MT_VISIT_VISIT);
  /* Wang Wei is busy 10:30-11:00; the interviewee 11:30-11:45 with Zhao */
  f->busy1 = add_interview (f->tour, "Someone", f->d1, 10, 30, 11, 0, MT_INTERVIEW_CONFIRMED);
  f->busy2 = add_interview (f->tour, "Chen  Ming", f->d3, 11, 30, 11, 45, MT_INTERVIEW_REQUESTED);
  /* a declined interview blocks nothing */
  g_free (add_interview (f->tour, "Someone", f->d1, 10, 0, 10, 30, MT_INTERVIEW_DECLINED));
}

static void
slot_fixture_clear (SlotFixture *f)
{
  g_clear_object (&f->tour);
  g_free (f->group_a); g_free (f->group_b);
  g_free (f->d1); g_free (f->d2); g_free (f->d3);
  g_free (f->visit); g_free (f->afternoon); g_free (f->transfer);
  g_free (f->busy1); g_free (f->busy2);
}

static void
assert_slot (GArray *slots, guint i, int h1, int m1, int h2, int m2, const char *visit)
{
  MtFreeSlot *slot;

  g_assert_cmpuint (i, <, slots->len);
  slot = &g_array_index (slots, MtFreeSlot, i);
  g_assert_cmpint (slot->start, ==, at (h1, m1));
  g_assert_cmpint (slot->end, ==, at (h2, m2));
  g_assert_cmpstr (slot->visit_id, ==, visit);
}

static void
test_slots_in_visit (void)
{
  SlotFixture f;
  g_autoptr(GArray) slots = NULL;
  MtSlotsResult result;
  const char *who = (const char *) 1;

  slot_fixture_init (&f);
  {
    const char *delegates[] = { f.d1, NULL };
    MtSlotQuery query = { delegates, "chen ming", f.visit, 0, 30 * 60, 5 * 60, NULL };

    slots = mt_page_propose_slots (f.tour, &query, &result, &who);
  }
  g_assert_cmpint (result, ==, MT_SLOTS_OK);
  g_assert_null (who);
  /* 10:00-10:30 (the declined one does not count), then after Wang's
   * interview 11:00-11:30; 11:45-12:15 would leave the visit */
  g_assert_cmpuint (slots->len, ==, 2);
  assert_slot (slots, 0, 10, 0, 10, 30, f.visit);
  assert_slot (slots, 1, 11, 0, 11, 30, f.visit);
  slot_fixture_clear (&f);
}

static void
test_slots_group_absent (void)
{
  SlotFixture f;
  g_autoptr(GArray) slots = NULL;
  MtSlotsResult result;
  const char *who = NULL;

  slot_fixture_init (&f);
  {
    /* Li Na rides coach B, which is not at the factory */
    const char *delegates[] = { f.d1, f.d2, NULL };
    MtSlotQuery query = { delegates, NULL, f.visit, 0, 30 * 60, 5 * 60, NULL };

    slots = mt_page_propose_slots (f.tour, &query, &result, &who);
  }
  g_assert_cmpint (result, ==, MT_SLOTS_GROUP_ABSENT);
  g_assert_cmpstr (who, ==, f.d2);
  g_assert_cmpuint (slots->len, ==, 0);
  slot_fixture_clear (&f);
}

static void
test_slots_in_day (void)
{
  SlotFixture f;
  g_autoptr(GArray) slots = NULL;
  MtSlotsResult result;

  slot_fixture_init (&f);
  {
    /* editing Wang's own interview: it does not block him; 20 minutes,
     * on quarter hours; the transfer is no place for an interview */
    const char *delegates[] = { f.d1, NULL };
    MtSlotQuery query = { delegates, "Chen Ming", NULL, 0, 20 * 60, 15 * 60, f.busy1 };

    slots = mt_page_propose_slots (f.tour, &query, &result, NULL);
  }
  g_assert_cmpint (result, ==, MT_SLOTS_OK);
  /* factory: 10:00, 10:30, 11:00 (ends 11:20, before Chen's 11:30; after
   * 11:45 twenty minutes would leave the visit); lab: 14:00, 14:30 */
  g_assert_cmpuint (slots->len, ==, 5);
  assert_slot (slots, 0, 10, 0, 10, 20, f.visit);
  assert_slot (slots, 1, 10, 30, 10, 50, f.visit);
  assert_slot (slots, 2, 11, 0, 11, 20, f.visit);
  assert_slot (slots, 3, 14, 0, 14, 20, f.afternoon);
  assert_slot (slots, 4, 14, 30, 14, 50, f.afternoon);
  slot_fixture_clear (&f);
}

static void
test_slots_none_free (void)
{
  SlotFixture f;
  g_autoptr(GArray) slots = NULL;
  MtSlotsResult result;

  slot_fixture_init (&f);
  {
    const char *delegates[] = { f.d1, NULL };
    MtSlotQuery query = { delegates, NULL, f.afternoon, 0, 90 * 60, 5 * 60, NULL };

    slots = mt_page_propose_slots (f.tour, &query, &result, NULL);
  }
  g_assert_cmpint (result, ==, MT_SLOTS_NONE_FREE);
  g_assert_cmpuint (slots->len, ==, 0);
  slot_fixture_clear (&f);
}

/* --- logic: search -------------------------------------------------------- */

static void
test_fold (void)
{
  g_autofree char *a = mt_page_fold ("Señor Ärger ÉCOLE");
  g_autofree char *b = mt_page_fold ("广州 Guangzhou");

  g_assert_cmpstr (a, ==, "senor arger ecole");
  g_assert_cmpstr (b, ==, "广州 guangzhou");
  g_assert_true (mt_page_text_matches ("ecole senor", "L’École du Señor"));
  g_assert_false (mt_page_text_matches ("ecole paris", "L’École du Señor"));
  g_assert_true (mt_page_text_matches ("", "anything"));
}

static void
test_list_without (void)
{
  const char *groups[] = { "a", "b", "a", "c", NULL };
  g_auto(GStrv) without_a = mt_page_list_without (groups, "a");
  g_auto(GStrv) without_x = mt_page_list_without (groups, "x");
  g_auto(GStrv) from_none = mt_page_list_without (NULL, "a");

  g_assert_cmpstrv (without_a, ((const char *[]) { "b", "c", NULL }));
  g_assert_cmpstrv (without_x, groups);
  g_assert_cmpstrv (from_none, ((const char *[]) { NULL }));
}

static void
test_search_sample (void)
{
  g_autoptr(MtTour) tour = sample ();
  g_autoptr(GPtrArray) hits = mt_page_search (tour, "ehang", 0);
  g_autoptr(GPtrArray) chinese = mt_page_search (tour, "广州", 0);
  g_autoptr(GPtrArray) none = mt_page_search (tour, "no such thing at all", 0);
  MtSearchHit *first;

  g_assert_cmpuint (hits->len, >, 0);
  first = g_ptr_array_index (hits, 0);
  /* the visit titled "EHang: ..." comes first, with its day and time */
  g_assert_cmpint (mt_entity_get_kind (first->entity), ==, MT_ENTITY_VISIT);
  g_assert_true (g_str_has_prefix (first->title, "EHang"));
  g_assert_true (g_str_has_prefix (first->detail, "Day "));

  /* the city's local name finds Guangzhou */
  g_assert_cmpuint (chinese->len, >, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

/* --- logic: route --------------------------------------------------------- */

static void
test_route (void)
{
  g_autoptr(MtTour) tour = sample ();
  MtGeoBox box;
  double x, y, x2, y2;
  guint days_with_route = 0;

  g_assert_true (mt_page_geo_box (tour, &box));
  g_assert_cmpfloat (box.min_lat, <, box.max_lat);

  /* the box fits the area with its padding, north up */
  mt_page_project (&box, 800, 600, 40, box.max_lat, box.min_lon, &x, &y);
  mt_page_project (&box, 800, 600, 40, box.min_lat, box.max_lon, &x2, &y2);
  g_assert_cmpfloat (x, >=, 40 - 1e-9);
  g_assert_cmpfloat (y, >=, 40 - 1e-9);
  g_assert_cmpfloat (x2, <=, 760 + 1e-9);
  g_assert_cmpfloat (y2, <=, 560 + 1e-9);
  g_assert_cmpfloat (y, <, y2);
  g_assert_cmpfloat (x, <, x2);

  for (int day = 0; day < (int) mt_tour_get_n_days (tour); day++)
    {
      g_autoptr(GArray) route = mt_page_day_route (tour, day);

      if (route->len >= 2)
        days_with_route++;
      for (guint i = 1; i < route->len; i++)
        {
          MtRoutePoint *a = &g_array_index (route, MtRoutePoint, i - 1);
          MtRoutePoint *b = &g_array_index (route, MtRoutePoint, i);

          g_assert_false (a->lat == b->lat && a->lon == b->lon);
        }
    }
  /* the sample moves between cities on most days */
  g_assert_cmpuint (days_with_route, >=, 4);
}

/* --- the problems panel --------------------------------------------------- */

static void
on_item_activated (GtkWidget  *widget,
                   const char *id,
                   char      **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static MtProblem *
find_fixable (GListModel *problems)
{
  guint n = g_list_model_get_n_items (problems);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MtProblem) p = g_list_model_get_item (problems, i);

      if (mt_problem_has_fix (p))
        return g_steal_pointer (&p);
    }
  return NULL;
}

static GtkWidget *
find_fix_button (GtkWidget  *root,
                 const char *fix_label)
{
  if (g_strcmp0 (gtk_widget_get_name (root), "fix-button") == 0 &&
      g_strcmp0 (gtk_widget_get_tooltip_text (root), fix_label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_fix_button (child, fix_label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_problems_panel (void)
{
  g_autoptr(MtTour) tour = sample ();
  GtkWidget *panel = mt_problems_panel_new ();
  GtkWidget *window = show_in_window (panel, 420, 900);
  MtHistory *history = mt_tour_get_history (tour);
  MtChecker *checker;
  GListModel *problems;
  g_autofree char *activated = NULL;
  g_autofree char *message = NULL;
  g_autoptr(MtProblem) fixable = NULL;
  GtkGridView *list;
  GtkWidget *fix;
  guint n, steps;

  mt_tour_view_set_tour (MT_TOUR_VIEW (panel), tour);
  checker = mt_problems_panel_get_checker (MT_PROBLEMS_PANEL (panel));
  g_assert_nonnull (checker);
  problems = mt_checker_get_problems (checker);

  /* a lunch put over the first visit gives a problem with a fix; the panel
   * re-checks after the tour's change */
  {
    GListModel *visits = mt_tour_get_visits (tour);
    g_autoptr(MtVisit) first = g_list_model_get_item (visits, 0);
    g_autoptr(MtVisit) clash = mt_visit_new (NULL);

    mt_visit_set_title (clash, "Clashing lunch");
    mt_visit_set_visit_kind (clash, MT_VISIT_MEAL);
    mt_visit_set_start (clash, mt_visit_get_start (first) + 30 * 60);
    mt_visit_set_end (clash, mt_visit_get_start (first) + 90 * 60);
    mt_visit_set_site (clash, mt_visit_get_site (first));
    g_assert_true (mt_tour_add (tour, MT_ENTITY (clash), NULL));
  }
  mt_problems_panel_recheck_now (MT_PROBLEMS_PANEL (panel));
  iterate ();

  n = g_list_model_get_n_items (problems);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (mt_problems_panel_get_n_problems (MT_PROBLEMS_PANEL (panel)), ==, n);
  g_assert_cmpuint (mt_problems_panel_get_n_errors (MT_PROBLEMS_PANEL (panel)), ==,
                    mt_checker_count (checker, MT_SEVERITY_ERROR));
  save_screenshot (panel, "page-problems.png");

  /* one row per problem */
  list = GTK_GRID_VIEW (find_named (panel, "problems-list"));
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (list))), ==, n);

  /* activating a row names the first item of its problem */
  {
    g_autoptr(MtProblem) p = g_list_model_get_item (problems, 0);

    g_signal_connect (panel, "item-activated", G_CALLBACK (on_item_activated), &activated);
    g_signal_emit_by_name (list, "activate", 0);
    g_assert_cmpstr (activated, ==, mt_problem_get_ids (p)[0]);
  }

  /* revealing an item selects a problem about it; an unknown id
   * reveals nothing */
  {
    g_autoptr(MtProblem) last = g_list_model_get_item (problems, n - 1);
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_grid_view_get_model (list));
    const char *id = mt_problem_get_ids (last)[0];
    g_autoptr(MtProblem) selected = NULL;

    g_assert_true (mt_tour_view_reveal (MT_TOUR_VIEW (panel), id));
    selected = g_object_ref (gtk_single_selection_get_selected_item (selection));
    g_assert_nonnull (selected);
    g_assert_true (g_strv_contains (mt_problem_get_ids (selected), id));
    g_assert_false (mt_tour_view_reveal (MT_TOUR_VIEW (panel), "no-such-id"));
  }

  /* Fix: one click, one undoable step, and the problem is gone */
  fixable = find_fixable (problems);
  g_assert_nonnull (fixable);
  message = g_strdup (mt_problem_get_message (fixable));
  fix = find_fix_button (panel, mt_problem_get_fix_label (fixable));
  g_assert_nonnull (fix);
  steps = mt_history_get_n_steps (history);
  g_signal_emit_by_name (fix, "clicked");
  iterate ();
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, steps + 1);
  n = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MtProblem) p = g_list_model_get_item (problems, i);

      g_assert_cmpstr (mt_problem_get_message (p), !=, message);
    }
  g_assert_cmpuint (mt_problems_panel_get_n_problems (MT_PROBLEMS_PANEL (panel)), ==, n);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- the delegates page ---------------------------------------------------- */

static gboolean
sorted_by_name (GListModel *rows,
                int         direction)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(MtDelegate) a = g_list_model_get_item (rows, i - 1);
      g_autoptr(MtDelegate) b = g_list_model_get_item (rows, i);

      if (direction * g_utf8_collate (mt_delegate_get_name (a), mt_delegate_get_name (b)) > 0)
        return FALSE;
    }
  return TRUE;
}

static void
test_delegates_page (void)
{
  g_autoptr(MtTour) tour = sample ();
  GtkWidget *page = mt_delegates_page_new ();
  GtkWidget *window = show_in_window (page, 1400, 900);
  MtDelegatesPage *dp = MT_DELEGATES_PAGE (page);
  GListModel *rows;
  GtkColumnView *view;
  GtkEditable *search;
  MtHistory *history = mt_tour_get_history (tour);
  g_autoptr(MtDelegate) first = NULL, last = NULL;
  GtkWindow *editor;
  guint n, steps;

  mt_tour_view_set_tour (MT_TOUR_VIEW (page), tour);
  iterate ();
  rows = mt_delegates_page_get_model (dp);
  view = mt_delegates_page_get_column_view (dp);
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, ==, mt_tour_count (tour, MT_ENTITY_DELEGATE));
  g_assert_cmpuint (n, >=, 100);
  save_screenshot (window, "page-delegates.png");

  /* sorted by name, ascending, then descending */
  g_assert_true (sorted_by_name (rows, 1));
  first = g_list_model_get_item (rows, 0);
  {
    g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);

    gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  }
  last = g_list_model_get_item (rows, n - 1);
  g_assert_true (first == last);
  g_assert_true (sorted_by_name (rows, -1));

  /* the search narrows the rows to the matching outlet, case and accents
   * aside */
  search = GTK_EDITABLE (find_named (page, "delegates-search"));
  g_assert_nonnull (search);
  gtk_editable_set_text (search, "NATIONAL NEWS");
  g_signal_emit_by_name (search, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(MtDelegate) d = g_list_model_get_item (rows, i);

      g_assert_true (mt_page_delegate_matches (d, "national news"));
    }
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");

  /* edit the first delegate through the editor: one undoable step */
  steps = mt_history_get_n_steps (history);
  editor = mt_delegates_page_edit (dp, mt_entity_get_id (MT_ENTITY (first)));
  g_assert_nonnull (editor);
  iterate ();
  save_screenshot (GTK_WIDGET (editor), "page-delegate-editor.png");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "name-row")), "Zzz Renamed");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "outlet-row")), "Pearl River Post");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "dietary-row")), "Vegetarian");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (editor), "role-row")), MT_ROLE_CAMERA);
  g_signal_emit_by_name (find_named (GTK_WIDGET (editor), "save-button"), "clicked");
  iterate ();
  g_assert_cmpstr (mt_delegate_get_name (first), ==, "Zzz Renamed");
  g_assert_cmpstr (mt_delegate_get_outlet (first), ==, "Pearl River Post");
  g_assert_cmpstr (mt_delegate_get_dietary (first), ==, "Vegetarian");
  g_assert_cmpint (mt_delegate_get_role (first), ==, MT_ROLE_CAMERA);
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, steps + 1);
  /* the table follows: still sorted (descending), the renamed delegate no
   * longer last */
  iterate ();
  g_assert_true (sorted_by_name (rows, -1));
  {
    g_autoptr(MtDelegate) bottom = g_list_model_get_item (rows, n - 1);

    g_assert_true (bottom != first);
  }
  g_assert_true (mt_history_undo (history));
  g_assert_cmpstr (mt_delegate_get_outlet (first), !=, "Pearl River Post");
  g_assert_cmpstr (mt_delegate_get_dietary (first), ==, NULL);

  /* an empty name cannot be saved */
  editor = mt_delegates_page_edit (dp, mt_entity_get_id (MT_ENTITY (first)));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "name-row")), "  ");
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (editor), "save-button")));
  /* deleting from the editor is one step too, and the row goes */
  steps = mt_history_get_n_steps (history);
  g_signal_emit_by_name (find_named (GTK_WIDGET (editor), "delete-button"), "clicked");
  iterate ();
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, steps + 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n - 1);
  g_assert_true (mt_history_undo (history));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);

  /* deleting a delegate takes them out of their interviews, in the same
   * step; undo puts them back */
  {
    g_autoptr(MtInterview) interview = g_list_model_get_item (mt_tour_get_interviews (tour), 0);
    g_autofree char *id = g_strdup (mt_interview_get_delegates (interview)[0]);
    guint uses = count_interviews_of (tour, id);

    g_assert_cmpuint (uses, >, 0);
    editor = mt_delegates_page_edit (dp, id);
    steps = mt_history_get_n_steps (history);
    g_signal_emit_by_name (find_named (GTK_WIDGET (editor), "delete-button"), "clicked");
    iterate ();
    g_assert_cmpuint (mt_history_get_n_steps (history), ==, steps + 1);
    g_assert_null (mt_tour_lookup (tour, id));
    g_assert_cmpuint (count_interviews_of (tour, id), ==, 0);
    g_assert_true (mt_history_undo (history));
    g_assert_cmpuint (count_interviews_of (tour, id), ==, uses);
  }

  /* deleting a group (its row's trash button) takes it off its delegates
   * and visits, in one step; undo puts it back */
  {
    g_autoptr(MtGroup) group = g_list_model_get_item (mt_tour_get_groups (tour), 0);
    g_autofree char *id = g_strdup (mt_entity_get_id (MT_ENTITY (group)));
    g_autofree char *tooltip = g_strdup_printf ("Delete “%s”", mt_group_get_name (group));
    guint uses = count_group_uses (tour, id);
    GtkWidget *button;

    iterate ();
    button = find_by_tooltip (page, tooltip);
    g_assert_nonnull (button);
    g_assert_cmpuint (uses, >, 0);
    steps = mt_history_get_n_steps (history);
    g_signal_emit_by_name (button, "clicked");
    iterate ();
    g_assert_cmpuint (mt_history_get_n_steps (history), ==, steps + 1);
    g_assert_null (mt_tour_lookup (tour, id));
    g_assert_cmpuint (count_group_uses (tour, id), ==, 0);
    g_assert_true (mt_history_undo (history));
    g_assert_cmpuint (count_group_uses (tour, id), ==, uses);
  }

  /* reveal selects the delegate even when the search hides it */
  gtk_editable_set_text (search, "no such delegate");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_true (mt_tour_view_reveal (MT_TOUR_VIEW (dp), mt_entity_get_id (MT_ENTITY (first))));
  {
    GtkSelectionModel *selection = gtk_column_view_get_model (view);
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
    g_autoptr(GObject) item = NULL;

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    item = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_minimum (selected));
    g_assert_true (item == (gpointer) first);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- the interviews page ---------------------------------------------------- */

static void
test_interviews_page (void)
{
  g_autoptr(MtTour) tour = sample ();
  GtkWidget *page = mt_interviews_page_new ();
  GtkWidget *window = show_in_window (page, 1400, 700);
  MtInterviewsPage *ip = MT_INTERVIEWS_PAGE (page);
  MtHistory *history = mt_tour_get_history (tour);
  g_autoptr(MtInterview) first = NULL;
  GtkWidget *editor, *slots, *slot;
  GListModel *rows;
  guint n, steps;

  mt_tour_view_set_tour (MT_TOUR_VIEW (page), tour);
  iterate ();
  rows = mt_interviews_page_get_model (ip);
  n = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n, ==, mt_tour_count (tour, MT_ENTITY_INTERVIEW));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(MtInterview) a = g_list_model_get_item (rows, i - 1);
      g_autoptr(MtInterview) b = g_list_model_get_item (rows, i);

      g_assert_cmpint (mt_interview_get_start (a), <=, mt_interview_get_start (b));
    }
  save_screenshot (page, "page-interviews.png");

  /* the first interview through the editor: ask for free slots in its
   * visit, take the first, save: one step, the times are the slot's */
  first = g_list_model_get_item (rows, 0);
  editor = GTK_WIDGET (mt_interviews_page_edit (ip, mt_entity_get_id (MT_ENTITY (first))));
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_sensitive (find_named (editor, "save-button")));

  /* an end before the start is shown and blocks Save */
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "end-row")), "08:00");
  g_assert_false (gtk_widget_get_sensitive (find_named (editor, "save-button")));
  g_assert_true (gtk_widget_get_visible (find_named (editor, "time-message")));
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "end-row")), "25:00");
  g_assert_false (gtk_widget_get_sensitive (find_named (editor, "save-button")));

  g_signal_emit_by_name (find_named (editor, "propose-button"), "clicked");
  iterate ();
  slots = find_named (editor, "slots-box");
  slot = find_named (slots, "slot-button");
  g_assert_nonnull (slot);
  save_screenshot (editor, "page-interview-editor.png");
  {
    gint64 start = *(gint64 *) g_object_get_data (G_OBJECT (slot), "start");
    gint64 end = *(gint64 *) g_object_get_data (G_OBJECT (slot), "end");
    MtVisit *visit = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, mt_interview_get_visit (first));

    /* inside the visit, and as long as asked (30 minutes) */
    g_assert_nonnull (visit);
    g_assert_cmpint (start, >=, mt_visit_get_start (visit));
    g_assert_cmpint (end, <=, mt_visit_get_end (visit));
    g_assert_cmpint (end - start, ==, 30 * 60);

    g_signal_emit_by_name (slot, "clicked");
    g_assert_true (gtk_widget_get_sensitive (find_named (editor, "save-button")));
    steps = mt_history_get_n_steps (history);
    g_signal_emit_by_name (find_named (editor, "save-button"), "clicked");
    iterate ();
    g_assert_cmpuint (mt_history_get_n_steps (history), ==, steps + 1);
    g_assert_cmpint (mt_interview_get_start (first), ==, start);
    g_assert_cmpint (mt_interview_get_end (first), ==, end);
  }

  /* the visit cell names the visit for the window to show */
  g_assert_true (mt_tour_view_reveal (MT_TOUR_VIEW (ip), mt_entity_get_id (MT_ENTITY (first))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- the sites page ----------------------------------------------------------- */

static guint
count_rows (GtkWidget *root)
{
  guint n = ADW_IS_ACTION_ROW (root) && g_object_get_data (G_OBJECT (root), "entity-id") != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static void
test_sites_page (void)
{
  g_autoptr(MtTour) tour = sample ();
  GtkWidget *page = mt_sites_page_new ();
  GtkWidget *window = show_in_window (page, 1500, 900);
  MtSitesPage *sp = MT_SITES_PAGE (page);
  MtHistory *history = mt_tour_get_history (tour);
  g_autoptr(MtSite) site = NULL;
  GtkWidget *editor;
  guint steps;

  mt_tour_view_set_tour (MT_TOUR_VIEW (page), tour);
  iterate ();
  /* one row per site */
  g_assert_cmpuint (count_rows (find_named (page, "cities-box")), ==, mt_tour_count (tour, MT_ENTITY_SITE));
  save_screenshot (page, "page-sites.png");
  save_screenshot (mt_sites_page_get_route_view (sp), "page-route.png");

  /* edit a site: a capacity that is not a number blocks Save; a good one
   * saves in one step */
  site = g_list_model_get_item (mt_tour_get_sites (tour), 0);
  editor = GTK_WIDGET (mt_sites_page_edit (sp, MT_ENTITY_SITE, mt_entity_get_id (MT_ENTITY (site))));
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "capacity-row")), "lots");
  g_assert_false (gtk_widget_get_sensitive (find_named (editor, "save-button")));
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "capacity-row")), "250");
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "contact-row")), "Ms Lin, +86 20 0000 0000");
  g_assert_true (gtk_widget_get_sensitive (find_named (editor, "save-button")));
  steps = mt_history_get_n_steps (history);
  g_signal_emit_by_name (find_named (editor, "save-button"), "clicked");
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, steps + 1);
  g_assert_cmpuint (mt_site_get_capacity (site), ==, 250);
  g_assert_cmpstr (mt_site_get_contact (site), ==, "Ms Lin, +86 20 0000 0000");

  /* a new city through its dialog, then revealed */
  editor = GTK_WIDGET (mt_sites_page_edit (sp, MT_ENTITY_CITY, NULL));
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "name-row")), "Jiangmen");
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "local-name-row")), "江门");
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "latitude-row")), "22.5787");
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "longitude-row")), "113.0815");
  g_signal_emit_by_name (find_named (editor, "save-button"), "clicked");
  g_assert_cmpuint (mt_history_get_n_steps (history), ==, steps + 2);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_CITY), ==, 7);
  g_assert_true (mt_tour_view_reveal (MT_TOUR_VIEW (sp), mt_entity_get_id (MT_ENTITY (site))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- search ------------------------------------------------------------------ */

static void
test_search_dialog (void)
{
  g_autoptr(MtTour) tour = sample ();
  MtSearchDialog *dialog = mt_search_dialog_new (NULL, tour);
  g_autofree char *activated = NULL;
  g_autoptr(GPtrArray) expected = mt_page_search (tour, "ehang", 1);
  GtkWidget *entry;

  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "item-activated", G_CALLBACK (on_item_activated), &activated);
  mt_search_dialog_set_query (dialog, "EHANG");
  g_assert_cmpuint (mt_search_dialog_get_n_results (dialog), >, 0);
  save_screenshot (GTK_WIDGET (dialog), "page-search.png");

  /* Enter picks the first result: the EHang visit */
  entry = find_named (GTK_WIDGET (dialog), "search-entry");
  g_assert_nonnull (entry);
  g_object_ref (dialog);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (expected->len, ==, 1);
  g_assert_cmpstr (activated, ==, mt_entity_get_id (((MtSearchHit *) g_ptr_array_index (expected, 0))->entity));
  g_assert_cmpint (mt_entity_get_kind (mt_tour_lookup (tour, activated)), ==, MT_ENTITY_VISIT);
  /* and the window closed */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  /* no results for nonsense, and Chinese finds the city */
  dialog = mt_search_dialog_new (NULL, tour);
  mt_search_dialog_set_query (dialog, "qqqzzz");
  g_assert_cmpuint (mt_search_dialog_get_n_results (dialog), ==, 0);
  mt_search_dialog_set_query (dialog, "深圳");
  g_assert_cmpuint (mt_search_dialog_get_n_results (dialog), >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* --- preferences and shortcuts ----------------------------------------------- */

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = mt_preferences_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  save_screenshot (window, "page-preferences.png");

  /* the spin buttons write their keys, the style row its string */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (window, "speed-spin")), 60);
  g_assert_cmpfloat (g_settings_get_double (settings, "travel-speed-kmh"), ==, 60);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (window, "transfer-spin")), 25);
  g_assert_cmpuint (g_settings_get_uint (settings, "min-transfer-minutes"), ==, 25);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (window, "style-row")), 2);
  {
    g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

    g_assert_cmpstr (scheme, ==, "dark");
  }
  /* a time zone typed as a path is refused before GLib opens that path
   * (it logged a critical about the file's header); a real one is taken */
  {
    GtkWidget *zone_row = find_named (window, "zone-row");

    gtk_editable_set_text (GTK_EDITABLE (zone_row), "../../../../etc/passwd");
    g_assert_true (gtk_widget_has_css_class (zone_row, "error"));
    gtk_editable_set_text (GTK_EDITABLE (zone_row), "Europe/Berlin");
    g_assert_false (gtk_widget_has_css_class (zone_row, "error"));
    gtk_editable_set_text (GTK_EDITABLE (zone_row), "Asia/Shanghai");
  }
  /* and follow the keys */
  g_settings_set_double (settings, "road-factor", 1.75);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (find_named (window, "road-spin"))), ==, 1.75);
  g_settings_reset (settings, "color-scheme");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/mediatour/Planner/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/page-logic/fold", test_fold);
  g_test_add_func ("/gui/page-logic/list-without", test_list_without);
  g_test_add_func ("/gui/page-logic/slots-in-visit", test_slots_in_visit);
  g_test_add_func ("/gui/page-logic/slots-group-absent", test_slots_group_absent);
  g_test_add_func ("/gui/page-logic/slots-in-day", test_slots_in_day);
  g_test_add_func ("/gui/page-logic/slots-none-free", test_slots_none_free);
  g_test_add_func ("/gui/page-logic/search-sample", test_search_sample);
  g_test_add_func ("/gui/page-logic/route", test_route);

  if (gtk_init_check ())
    {
      adw_init ();
      g_test_add_func ("/gui/pages/problems-panel", test_problems_panel);
      g_test_add_func ("/gui/pages/delegates", test_delegates_page);
      g_test_add_func ("/gui/pages/interviews", test_interviews_page);
      g_test_add_func ("/gui/pages/sites", test_sites_page);
      g_test_add_func ("/gui/pages/search", test_search_dialog);
      g_test_add_func ("/gui/pages/preferences", test_preferences);
      g_test_add_func ("/gui/pages/help-overlay", test_help_overlay);
    }
  else
    g_test_message ("no display: the widget tests are skipped");

  return g_test_run ();
}
