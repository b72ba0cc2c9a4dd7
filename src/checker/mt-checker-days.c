/* mt-checker-days.c: which items are on which day, kept up to date
 *
 * The checker re-checks single days after an edit. To know the days an edit
 * touched, and which items a day's check needs, it keeps for every visit and
 * interview the day it starts on, and for every interview its visit's id and
 * day, with three indexes: the items of each day, the interviews whose visit
 * is on each day, and the interviews of each visit id. Each edit updates
 * them in O(1), so a day's check reads only that day's items.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include "mt-checker-private.h"

typedef struct
{
  int   day;
  int   visit_day; /* interviews: the day of their visit */
  char *visit_id;  /* interviews: the id of their visit */
} Record;

struct _MtCheckDays
{
  MtTour     *tour;          /* borrowed */
  GHashTable *records;       /* MtEntity* (ref) → Record* */
  GHashTable *by_day;        /* day → set of MtEntity* */
  GHashTable *by_visit_day;  /* day → set of MtInterview* */
  GHashTable *of_visit;      /* visit id → set of MtInterview* */
  gboolean    ready;
};

static void
record_free (gpointer data)
{
  Record *rec = data;

  g_free (rec->visit_id);
  g_free (rec);
}

MtCheckDays *
_mt_check_days_new (MtTour *tour)
{
  MtCheckDays *self = g_new0 (MtCheckDays, 1);

  self->tour = tour;
  self->records = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, record_free);
  self->by_day = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  self->by_visit_day = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  self->of_visit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  return self;
}

void
_mt_check_days_free (MtCheckDays *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_day);
  g_hash_table_unref (self->by_visit_day);
  g_hash_table_unref (self->of_visit);
  g_hash_table_unref (self->records);
  g_free (self);
}

gboolean
_mt_check_days_is_ready (MtCheckDays *self)
{
  return self->ready;
}

void
_mt_check_days_reset (MtCheckDays *self)
{
  g_hash_table_remove_all (self->by_day);
  g_hash_table_remove_all (self->by_visit_day);
  g_hash_table_remove_all (self->of_visit);
  g_hash_table_remove_all (self->records);
  self->ready = FALSE;
}

/* adds @item to the set of @key; @value is what the set maps it to (the
 * by_visit_day sets map an interview to its Record, the others map an item
 * to itself) */
static void
index_add (GHashTable *index,
           gpointer    key,
           gpointer    item,
           gpointer    value,
           gboolean    string_key)
{
  GHashTable *set = g_hash_table_lookup (index, key);

  if (set == NULL)
    {
      set = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_hash_table_insert (index, string_key ? g_strdup (key) : key, set);
    }
  g_hash_table_insert (set, item, value);
}

static void
index_remove (GHashTable *index,
              gpointer    key,
              gpointer    item)
{
  GHashTable *set = g_hash_table_lookup (index, key);

  if (set != NULL && g_hash_table_remove (set, item) && g_hash_table_size (set) == 0)
    g_hash_table_remove (index, key);
}

static int
visit_day (MtCheckDays *self,
           const char  *visit_id)
{
  MtVisit *visit = mt_tour_lookup_kind (self->tour, MT_ENTITY_VISIT, visit_id);

  return visit != NULL ? _mt_check_day_of (self->tour, mt_visit_get_start (visit)) : MT_PROBLEM_NO_DAY;
}

static void
note (MtCheckDays *self,
      MtEntity    *entity,
      Record      *rec)
{
  if (MT_IS_VISIT (entity))
    {
      rec->day = _mt_check_day_of (self->tour, mt_visit_get_start (MT_VISIT (entity)));
      rec->visit_day = MT_PROBLEM_NO_DAY;
      index_add (self->by_day, GINT_TO_POINTER (rec->day), entity, entity, FALSE);
    }
  else
    {
      MtInterview *interview = MT_INTERVIEW (entity);

      rec->day = _mt_check_day_of (self->tour, mt_interview_get_start (interview));
      g_free (rec->visit_id);
      rec->visit_id = g_strdup (mt_interview_get_visit (interview));
      rec->visit_day = visit_day (self, rec->visit_id);
      index_add (self->by_day, GINT_TO_POINTER (rec->day), entity, entity, FALSE);
      index_add (self->by_visit_day, GINT_TO_POINTER (rec->visit_day), entity, rec, FALSE);
      if (rec->visit_id != NULL)
        index_add (self->of_visit, rec->visit_id, entity, entity, TRUE);
    }
}

static void
forget (MtCheckDays *self,
        MtEntity    *entity,
        Record      *rec)
{
  index_remove (self->by_day, GINT_TO_POINTER (rec->day), entity);
  if (MT_IS_INTERVIEW (entity))
    {
      index_remove (self->by_visit_day, GINT_TO_POINTER (rec->visit_day), entity);
      if (rec->visit_id != NULL)
        index_remove (self->of_visit, rec->visit_id, entity);
    }
}

void
_mt_check_days_record_all (MtCheckDays *self)
{
  MtEntityKind kinds[] = { MT_ENTITY_VISIT, MT_ENTITY_INTERVIEW };

  _mt_check_days_reset (self);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *model = mt_tour_get_entities (self->tour, kinds[k]);

      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          MtEntity *entity = g_list_model_get_item (model, i);
          Record *rec = g_new0 (Record, 1);

          g_hash_table_insert (self->records, entity, rec);
          note (self, entity, rec);
        }
    }
  self->ready = TRUE;
}

static void
mark (GHashTable *dirty,
      int         day)
{
  g_hash_table_add (dirty, GINT_TO_POINTER (day));
}

/* a visit or an interview changed, was added or removed */
void
_mt_check_days_changed (MtCheckDays *self,
                        MtEntity    *entity,
                        GHashTable  *dirty)
{
  Record *rec;
  gboolean gone = mt_entity_get_tour (entity) != self->tour;

  if (!self->ready)
    return;

  rec = g_hash_table_lookup (self->records, entity);
  if (rec != NULL)
    {
      mark (dirty, rec->day);
      if (MT_IS_INTERVIEW (entity))
        mark (dirty, rec->visit_day);
      forget (self, entity, rec);
    }

  if (gone)
    {
      if (rec != NULL)
        g_hash_table_remove (self->records, entity);
      rec = NULL;
    }
  else
    {
      if (rec == NULL)
        {
          rec = g_new0 (Record, 1);
          g_hash_table_insert (self->records, g_object_ref (entity), rec);
        }
      note (self, entity, rec);
      mark (dirty, rec->day);
      if (MT_IS_INTERVIEW (entity))
        mark (dirty, rec->visit_day);
    }

  /* a visit's interviews are checked against it, on their own days */
  if (MT_IS_VISIT (entity))
    {
      GHashTable *interviews = g_hash_table_lookup (self->of_visit, mt_entity_get_id (entity));
      GHashTableIter iter;
      gpointer item;

      if (interviews == NULL)
        return;
      g_hash_table_iter_init (&iter, interviews);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        {
          Record *irec = g_hash_table_lookup (self->records, item);
          int new_day = rec != NULL ? rec->day : MT_PROBLEM_NO_DAY;

          g_assert (irec != NULL);
          mark (dirty, irec->day);
          if (irec->visit_day != new_day)
            {
              index_remove (self->by_visit_day, GINT_TO_POINTER (irec->visit_day), item);
              irec->visit_day = new_day;
              index_add (self->by_visit_day, GINT_TO_POINTER (new_day), item, irec, FALSE);
            }
        }
    }
}

/* every visit and interview of the tour, in no particular order: reading
 * them here is quicker than from the tour's list models */
void
_mt_check_days_collect_all (MtCheckDays *self,
                            GPtrArray   *visits,
                            GPtrArray   *interviews)
{
  GHashTableIter iter;
  gpointer item;

  g_assert (self->ready);

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    g_ptr_array_add (MT_IS_VISIT (item) ? visits : interviews, item);
}

/* the visits and interviews a check of @days reads: those on the days, and
 * the interviews of visits on the days, in no particular order (the checks
 * sort what they compare); each once, since an item has one day and an
 * interview one visit */
void
_mt_check_days_collect (MtCheckDays *self,
                        GHashTable  *days,
                        GPtrArray   *visits,
                        GPtrArray   *interviews)
{
  GHashTableIter iter, items;
  gpointer day, item, value;

  g_assert (self->ready);

  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, &day, NULL))
    {
      GHashTable *on_day = g_hash_table_lookup (self->by_day, day);
      GHashTable *of_visits = g_hash_table_lookup (self->by_visit_day, day);

      if (on_day != NULL)
        {
          g_hash_table_iter_init (&items, on_day);
          while (g_hash_table_iter_next (&items, &item, NULL))
            g_ptr_array_add (MT_IS_VISIT (item) ? visits : interviews, item);
        }
      if (of_visits != NULL)
        {
          g_hash_table_iter_init (&items, of_visits);
          while (g_hash_table_iter_next (&items, &item, &value))
            {
              Record *rec = value;

              /* not already taken as an item of its own day */
              if (!g_hash_table_contains (days, GINT_TO_POINTER (rec->day)))
                g_ptr_array_add (interviews, item);
            }
        }
    }
}
