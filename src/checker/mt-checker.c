/* mt-checker.c: the schedule checker of a tour
 *
 * The checker keeps the problems of its tour in a GListStore. A full check
 * replaces them all; a re-check of some days replaces the block of each of
 * those days (the list is sorted by day first), so a view of the list sees
 * only the days that changed.
 *
 * To know which days an edit touched, it remembers the day of every visit
 * and interview (and, for an interview, the day of its visit) as of the last
 * check, and updates that on every "changed" signal of the tour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mt-checker-private.h"
#include "mt-wall-time.h"

struct _MtChecker
{
  GObject        parent_instance;

  /* owned */
  MtTour        *tour;
  GListStore    *store;
  GPtrArray     *items;          /* the store's problems, in its order */
  MtTravel      *travel;
  MtCheckStatic *st;
  MtCheckDays   *days;           /* the day of each item, since the first check */
  GHashTable    *dirty_days;     /* GINT_TO_POINTER (day) */
  GSource       *idle;

  double         travel_speed_kmh;
  double         road_factor;
  guint          min_transfer_minutes;
  guint          daily_limit_minutes;
  guint          meal_break_after_minutes;
  guint          counts[MT_SEVERITY_HINT + 1];
  guint          n_visits;       /* as of the last "changed" */
  guint          visits_epoch;   /* grows whenever a visit comes or goes */

  guint          dirty_all : 1;
  guint          auto_check : 1;
};

G_DEFINE_FINAL_TYPE (MtChecker, mt_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOUR,
  PROP_TRAVEL_SPEED_KMH,
  PROP_ROAD_FACTOR,
  PROP_MIN_TRANSFER_MINUTES,
  PROP_DAILY_LIMIT_MINUTES,
  PROP_MEAL_BREAK_AFTER_MINUTES,
  PROP_AUTO_CHECK,
  PROP_PROBLEMS,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_HINTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_tour_changed (MtTour    *tour,
                             MtEntity  *entity,
                             MtChecker *self);

static void
mt_checker_dispose (GObject *object)
{
  MtChecker *self = MT_CHECKER (object);

  if (self->idle != NULL)
    {
      g_source_destroy (self->idle);
      g_clear_pointer (&self->idle, g_source_unref);
    }
  if (self->tour != NULL)
    g_signal_handlers_disconnect_by_func (self->tour, on_tour_changed, self);
  g_clear_object (&self->tour);

  G_OBJECT_CLASS (mt_checker_parent_class)->dispose (object);
}

static void
mt_checker_finalize (GObject *object)
{
  MtChecker *self = MT_CHECKER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->travel, mt_travel_free);
  g_clear_pointer (&self->st, _mt_check_static_free);
  g_clear_pointer (&self->days, _mt_check_days_free);
  g_clear_pointer (&self->dirty_days, g_hash_table_unref);

  G_OBJECT_CLASS (mt_checker_parent_class)->finalize (object);
}

static void
mt_checker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MtChecker *self = MT_CHECKER (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      g_value_set_object (value, self->tour);
      break;
    case PROP_TRAVEL_SPEED_KMH:
      g_value_set_double (value, self->travel_speed_kmh);
      break;
    case PROP_ROAD_FACTOR:
      g_value_set_double (value, self->road_factor);
      break;
    case PROP_MIN_TRANSFER_MINUTES:
      g_value_set_uint (value, self->min_transfer_minutes);
      break;
    case PROP_DAILY_LIMIT_MINUTES:
      g_value_set_uint (value, self->daily_limit_minutes);
      break;
    case PROP_MEAL_BREAK_AFTER_MINUTES:
      g_value_set_uint (value, self->meal_break_after_minutes);
      break;
    case PROP_AUTO_CHECK:
      g_value_set_boolean (value, self->auto_check);
      break;
    case PROP_PROBLEMS:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->counts[MT_SEVERITY_ERROR]);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->counts[MT_SEVERITY_WARNING]);
      break;
    case PROP_N_HINTS:
      g_value_set_uint (value, self->counts[MT_SEVERITY_HINT]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_checker_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MtChecker *self = MT_CHECKER (object);

  switch (prop_id)
    {
    case PROP_TOUR:
      self->tour = g_value_dup_object (value);
      break;
    case PROP_TRAVEL_SPEED_KMH:
      mt_checker_set_travel_speed_kmh (self, g_value_get_double (value));
      break;
    case PROP_ROAD_FACTOR:
      mt_checker_set_road_factor (self, g_value_get_double (value));
      break;
    case PROP_MIN_TRANSFER_MINUTES:
      mt_checker_set_min_transfer_minutes (self, g_value_get_uint (value));
      break;
    case PROP_DAILY_LIMIT_MINUTES:
      mt_checker_set_daily_limit_minutes (self, g_value_get_uint (value));
      break;
    case PROP_MEAL_BREAK_AFTER_MINUTES:
      mt_checker_set_meal_break_after_minutes (self, g_value_get_uint (value));
      break;
    case PROP_AUTO_CHECK:
      mt_checker_set_auto_check (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_checker_constructed (GObject *object)
{
  MtChecker *self = MT_CHECKER (object);

  G_OBJECT_CLASS (mt_checker_parent_class)->constructed (object);

  g_assert (MT_IS_TOUR (self->tour));
  self->travel = mt_travel_new (self->tour);
  self->days = _mt_check_days_new (self->tour);
  mt_travel_set_speed (self->travel, self->travel_speed_kmh, self->road_factor);
  self->n_visits = mt_tour_count (self->tour, MT_ENTITY_VISIT);
  g_signal_connect_object (self->tour, "changed", G_CALLBACK (on_tour_changed), self, 0);
}

static void
mt_checker_class_init (MtCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = mt_checker_dispose;
  object_class->finalize = mt_checker_finalize;
  object_class->get_property = mt_checker_get_property;
  object_class->set_property = mt_checker_set_property;
  object_class->constructed = mt_checker_constructed;

  properties[PROP_TOUR] =
    g_param_spec_object ("tour", NULL, NULL, MT_TYPE_TOUR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* named as the keys of the GSettings schema, for g_settings_bind() */
  properties[PROP_TRAVEL_SPEED_KMH] =
    g_param_spec_double ("travel-speed-kmh", NULL, NULL, 1.0, 1000.0,
                         MT_CHECKER_DEFAULT_TRAVEL_SPEED_KMH, rw);
  properties[PROP_ROAD_FACTOR] =
    g_param_spec_double ("road-factor", NULL, NULL, 1.0, 10.0, MT_CHECKER_DEFAULT_ROAD_FACTOR, rw);
  properties[PROP_MIN_TRANSFER_MINUTES] =
    g_param_spec_uint ("min-transfer-minutes", NULL, NULL, 0, 1440,
                       MT_CHECKER_DEFAULT_MIN_TRANSFER_MINUTES, rw);
  properties[PROP_DAILY_LIMIT_MINUTES] =
    g_param_spec_uint ("daily-limit-minutes", NULL, NULL, 1, 2880,
                       MT_CHECKER_DEFAULT_DAILY_LIMIT_MINUTES, rw);
  properties[PROP_MEAL_BREAK_AFTER_MINUTES] =
    g_param_spec_uint ("meal-break-after-minutes", NULL, NULL, 1, 2880,
                       MT_CHECKER_DEFAULT_MEAL_BREAK_AFTER_MINUTES, rw);
  properties[PROP_AUTO_CHECK] =
    g_param_spec_boolean ("auto-check", NULL, NULL, FALSE, rw);
  properties[PROP_PROBLEMS] =
    g_param_spec_object ("problems", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_HINTS] =
    g_param_spec_uint ("n-hints", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mt_checker_init (MtChecker *self)
{
  self->store = g_list_store_new (MT_TYPE_PROBLEM);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty_days = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->travel_speed_kmh = MT_CHECKER_DEFAULT_TRAVEL_SPEED_KMH;
  self->road_factor = MT_CHECKER_DEFAULT_ROAD_FACTOR;
  self->min_transfer_minutes = MT_CHECKER_DEFAULT_MIN_TRANSFER_MINUTES;
  self->daily_limit_minutes = MT_CHECKER_DEFAULT_DAILY_LIMIT_MINUTES;
  self->meal_break_after_minutes = MT_CHECKER_DEFAULT_MEAL_BREAK_AFTER_MINUTES;
  self->dirty_all = TRUE;
}

/**
 * mt_checker_new:
 *
 * Returns: (transfer full): a checker of @tour with the default settings;
 *   its list stays empty until the first check
 */
MtChecker *
mt_checker_new (MtTour *tour)
{
  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  return g_object_new (MT_TYPE_CHECKER, "tour", tour, NULL);
}

MtTour *
mt_checker_get_tour (MtChecker *self)
{
  g_return_val_if_fail (MT_IS_CHECKER (self), NULL);
  return self->tour;
}

/* Keeping up with the tour */

static gboolean
idle_update (gpointer user_data)
{
  MtChecker *self = user_data;

  g_clear_pointer (&self->idle, g_source_unref);
  mt_checker_update (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (MtChecker *self)
{
  g_autoptr(GMainContext) context = NULL;

  if (!self->auto_check || self->idle != NULL)
    return;
  context = g_main_context_ref_thread_default ();
  self->idle = g_idle_source_new ();
  g_source_set_callback (self->idle, idle_update, self, NULL);
  g_source_set_name (self->idle, "[mt] checker update");
  g_source_attach (self->idle, context);
}

static void
mark_all (MtChecker *self)
{
  self->dirty_all = TRUE;
  schedule (self);
}

static void
on_tour_changed (MtTour    *tour,
                 MtEntity  *entity,
                 MtChecker *self)
{
  MtEntityKind kind;

  if (entity == NULL)
    {
      /* the dates moved: every item's day index may have changed */
      _mt_check_days_reset (self->days);
      mark_all (self);
      return;
    }

  kind = mt_entity_get_kind (entity);
  if (kind == MT_ENTITY_VISIT && mt_tour_count (tour, MT_ENTITY_VISIT) != self->n_visits)
    {
      /* an interview's visit may have gone, or one it names may be back */
      self->n_visits = mt_tour_count (tour, MT_ENTITY_VISIT);
      self->visits_epoch++;
    }
  if (kind == MT_ENTITY_CITY)
    mt_travel_invalidate (self->travel);
  else if (kind == MT_ENTITY_SITE)
    mt_travel_invalidate_site (self->travel, MT_SITE (entity));

  if (kind == MT_ENTITY_VISIT || kind == MT_ENTITY_INTERVIEW)
    {
      _mt_check_days_changed (self->days, entity, self->dirty_days);
      if (!_mt_check_days_is_ready (self->days))
        self->dirty_all = TRUE;
      schedule (self);
    }
  else
    mark_all (self);
}

/* The list */

static void
update_counts (MtChecker *self)
{
  guint counts[G_N_ELEMENTS (self->counts)] = { 0, };
  const guint props[] = { PROP_N_ERRORS, PROP_N_WARNINGS, PROP_N_HINTS };

  for (guint i = 0; i < self->items->len; i++)
    counts[mt_problem_get_severity (g_ptr_array_index (self->items, i))]++;
  for (guint s = 0; s < G_N_ELEMENTS (counts); s++)
    if (counts[s] != self->counts[s])
      {
        self->counts[s] = counts[s];
        g_object_notify_by_pspec (G_OBJECT (self), properties[props[s]]);
      }
}

/* the first item at or after @rank */
static guint
lower_bound (GPtrArray *items,
             gint64     rank)
{
  guint a = 0, b = items->len;

  while (a < b)
    {
      guint mid = a + (b - a) / 2;

      if (_mt_problem_day_rank (mt_problem_get_day (g_ptr_array_index (items, mid))) < rank)
        a = mid + 1;
      else
        b = mid;
    }
  return a;
}

/* replaces items[@position, @position + @n_removed) with the @n_added
 * problems of @problems from @first; the problems at the ends of the range
 * that did not change stay as they are, and the store sees one splice of
 * what is between. Indexes, not pointers: an empty array's data is NULL. */
static void
splice (MtChecker  *self,
        guint       position,
        guint       n_removed,
        GPtrArray  *problems,
        guint       first,
        guint       n_added)
{
  GPtrArray *items = self->items;
  guint head = 0, tail = 0;

#define ADDED(i) ((MtProblem *) g_ptr_array_index (problems, first + (i)))
  while (head < n_removed && head < n_added &&
         _mt_problem_equal (g_ptr_array_index (items, position + head), ADDED (head)))
    head++;
  while (tail < n_removed - head && tail < n_added - head &&
         _mt_problem_equal (g_ptr_array_index (items, position + n_removed - 1 - tail),
                            ADDED (n_added - 1 - tail)))
    tail++;

  position += head;
  n_removed -= head + tail;
  first += head;
  n_added -= head + tail;
  if (n_removed == 0 && n_added == 0)
    return;

  g_ptr_array_remove_range (items, position, n_removed);
  if (n_added > 0)
    {
      guint after = items->len - position;

      /* the new slots are NULL, which the free function skips */
      g_ptr_array_set_size (items, items->len + n_added);
      memmove (items->pdata + position + n_added, items->pdata + position, after * sizeof (gpointer));
      for (guint i = 0; i < n_added; i++)
        items->pdata[position + i] = g_object_ref (ADDED (i));
    }
#undef ADDED

  g_list_store_splice (self->store, position, n_removed,
                       n_added > 0 ? problems->pdata + first : NULL, n_added);
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b)
{
  gint64 ra = _mt_problem_day_rank (*(const int *) a), rb = _mt_problem_day_rank (*(const int *) b);

  return ra < rb ? -1 : ra > rb;
}

static void
settings_of (MtChecker       *self,
             MtCheckSettings *settings)
{
  settings->tour = self->tour;
  settings->travel = self->travel;
  settings->min_transfer = (gint64) self->min_transfer_minutes * 60;
  settings->daily_limit = (gint64) self->daily_limit_minutes * 60;
  settings->meal_after = (gint64) self->meal_break_after_minutes * 60;
  settings->visits_epoch = self->visits_epoch;
}

/* What a run needs: what the checker knows of groups and delegates (it
 * holds until one of them, a site, a city or the tour changes, which marks
 * everything dirty), the day of every item, and the settings. */
static void
prepare_run (MtChecker       *self,
             MtCheckSettings *settings)
{
  if (self->st == NULL || self->dirty_all)
    {
      g_clear_pointer (&self->st, _mt_check_static_free);
      self->st = _mt_check_static_new (self->tour);
    }
  if (!_mt_check_days_is_ready (self->days))
    _mt_check_days_record_all (self->days);
  settings_of (self, settings);
}

/**
 * mt_checker_check:
 *
 * Checks the whole tour and replaces the list of problems.
 */
void
mt_checker_check (MtChecker *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) interviews = NULL;
  MtCheckSettings settings;

  g_return_if_fail (MT_IS_CHECKER (self));

  prepare_run (self, &settings);
  visits = g_ptr_array_sized_new (mt_tour_count (self->tour, MT_ENTITY_VISIT));
  interviews = g_ptr_array_sized_new (mt_tour_count (self->tour, MT_ENTITY_INTERVIEW));
  _mt_check_days_collect_all (self->days, visits, interviews);
  problems = _mt_check_run (&settings, self->st, NULL, visits, interviews, self->items);
  self->dirty_all = FALSE;
  g_hash_table_remove_all (self->dirty_days);

  splice (self, 0, self->items->len, problems, 0, problems->len);
  update_counts (self);
}

static void
check_day_set (MtChecker  *self,
               GHashTable *days)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) visits = g_ptr_array_new ();
  g_autoptr(GPtrArray) interviews = g_ptr_array_new ();
  MtCheckSettings settings;
  GHashTableIter iter;
  gpointer key;
  guint next = 0;

  prepare_run (self, &settings);
  _mt_check_days_collect (self->days, days, visits, interviews);
  problems = _mt_check_run (&settings, self->st, days, visits, interviews, self->items);

  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int day = GPOINTER_TO_INT (key);

      g_array_append_val (sorted, day);
    }
  g_array_sort (sorted, compare_ranks);

  /* the problems come sorted by day as well: one block each */
  for (guint i = 0; i < sorted->len; i++)
    {
      int day = g_array_index (sorted, int, i);
      gint64 rank = _mt_problem_day_rank (day);
      guint lo = lower_bound (self->items, rank);
      guint hi = lo, first = next;

      while (hi < self->items->len &&
             _mt_problem_day_rank (mt_problem_get_day (g_ptr_array_index (self->items, hi))) == rank)
        hi++;
      while (next < problems->len && mt_problem_get_day (g_ptr_array_index (problems, next)) == day)
        next++;
      splice (self, lo, hi - lo, problems, first, next - first);
      g_hash_table_remove (self->dirty_days, key);
    }
  g_assert (next == problems->len);
  update_counts (self);
}

/**
 * mt_checker_check_days:
 * @days: (array length=n_days): day indexes, MT_PROBLEM_NO_DAY for what
 *   concerns no day
 *
 * Re-checks the items of @days and replaces their problems in the list.
 */
void
mt_checker_check_days (MtChecker *self,
                       const int *days,
                       guint      n_days)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_if_fail (MT_IS_CHECKER (self));

  for (guint i = 0; i < n_days; i++)
    g_hash_table_add (set, GINT_TO_POINTER (days[i]));
  check_day_set (self, set);
  for (guint i = 0; i < n_days; i++)
    g_hash_table_remove (self->dirty_days, GINT_TO_POINTER (days[i]));
}

/**
 * mt_checker_update:
 *
 * Re-checks what the edits since the last check touched: the days they
 * moved items from and to, or the whole tour after an edit of a site, a
 * group, a delegate, a city or the tour's own dates.
 *
 * Returns: %TRUE where it checked anything
 */
gboolean
mt_checker_update (MtChecker *self)
{
  g_return_val_if_fail (MT_IS_CHECKER (self), FALSE);

  if (self->dirty_all)
    {
      mt_checker_check (self);
      return TRUE;
    }

  if (g_hash_table_size (self->dirty_days) == 0)
    return FALSE;

  {
    g_autoptr(GHashTable) days = g_hash_table_new (g_direct_hash, g_direct_equal);
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->dirty_days);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_add (days, key);
    g_hash_table_remove_all (self->dirty_days);
    check_day_set (self, days);
  }
  return TRUE;
}

/**
 * mt_checker_get_problems:
 *
 * Returns: (transfer none): a GListModel of MtProblem
 */
GListModel *
mt_checker_get_problems (MtChecker *self)
{
  g_return_val_if_fail (MT_IS_CHECKER (self), NULL);
  return G_LIST_MODEL (self->store);
}

guint
mt_checker_count (MtChecker  *self,
                  MtSeverity  severity)
{
  g_return_val_if_fail (MT_IS_CHECKER (self), 0);
  g_return_val_if_fail (severity <= MT_SEVERITY_HINT, 0);
  return self->counts[severity];
}

int
mt_checker_get_travel_minutes (MtChecker  *self,
                               const char *from_site_id,
                               const char *to_site_id)
{
  MtSite *from, *to;

  g_return_val_if_fail (MT_IS_CHECKER (self), -1);

  from = mt_tour_lookup_kind (self->tour, MT_ENTITY_SITE, from_site_id);
  to = mt_tour_lookup_kind (self->tour, MT_ENTITY_SITE, to_site_id);
  if (from == NULL || to == NULL)
    return -1;
  return mt_travel_get_minutes (self->travel, from, to);
}

/* Settings */

#define SETTING(type, name, NAME, check)                                   \
  type                                                                     \
  mt_checker_get_##name (MtChecker *self)                                  \
  {                                                                        \
    g_return_val_if_fail (MT_IS_CHECKER (self), 0);                        \
    return self->name;                                                     \
  }                                                                        \
                                                                           \
  void                                                                     \
  mt_checker_set_##name (MtChecker *self,                                  \
                         type       value)                                 \
  {                                                                        \
    g_return_if_fail (MT_IS_CHECKER (self));                               \
    g_return_if_fail (check);                                              \
                                                                           \
    if (self->name == value)                                               \
      return;                                                              \
    self->name = value;                                                    \
    if (self->travel != NULL)                                              \
      mt_travel_set_speed (self->travel, self->travel_speed_kmh,           \
                           self->road_factor);                             \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##NAME]);   \
    mark_all (self);                                                       \
  }

SETTING (double, travel_speed_kmh, TRAVEL_SPEED_KMH, value > 0)
SETTING (double, road_factor, ROAD_FACTOR, value >= 1.0)
SETTING (guint, min_transfer_minutes, MIN_TRANSFER_MINUTES, TRUE)
SETTING (guint, daily_limit_minutes, DAILY_LIMIT_MINUTES, value > 0)
SETTING (guint, meal_break_after_minutes, MEAL_BREAK_AFTER_MINUTES, value > 0)

#undef SETTING

gboolean
mt_checker_get_auto_check (MtChecker *self)
{
  g_return_val_if_fail (MT_IS_CHECKER (self), FALSE);
  return self->auto_check;
}

void
mt_checker_set_auto_check (MtChecker *self,
                           gboolean   auto_check)
{
  g_return_if_fail (MT_IS_CHECKER (self));

  auto_check = !!auto_check;
  if (self->auto_check == auto_check)
    return;
  self->auto_check = auto_check;
  if (!auto_check && self->idle != NULL)
    {
      g_source_destroy (self->idle);
      g_clear_pointer (&self->idle, g_source_unref);
    }
  if (auto_check && (self->dirty_all || g_hash_table_size (self->dirty_days) > 0))
    schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_CHECK]);
}
