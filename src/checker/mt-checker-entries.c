/* mt-checker-entries.c: the sorted lists a run sweeps
 *
 * A run's rows become entries, one per lane a visit is for, per delegate
 * of an interview, per lane of those delegates and per interviewee. They
 * are sorted by key (the lane, delegate or interviewee), day, start, end
 * and id: a counting sort on (key, day), then an insertion sort inside each
 * bucket, whose bounds are kept so that a key's day is found without a
 * search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mt-checker-run.h"


/* the @index-th array of the runs with @st, emptied */
GArray *
_mt_run_buffer (MtCheckStatic *st,
                guint          index,
                guint          element_size)
{
  if (st->buffers[index] == NULL)
    st->buffers[index] = g_array_new (FALSE, FALSE, element_size);
  g_array_set_size (st->buffers[index], 0);
  return st->buffers[index];
}

/* Entries are written in place into arrays sized for the most there can be,
 * then cut to what was written. */
static Entry *
open_entries (GArray *entries,
              guint   most)
{
  g_array_set_size (entries, most);
  return (Entry *) entries->data;
}

static inline void
add_entry (Entry      *entries,
           guint      *n,
           int         key,
           int         day,
           gint64      start,
           gint64      end,
           const char *id,
           int         row,
           int         extra)
{
  Entry entry = { key, day, start, end, id, row, extra };

  entries[(*n)++] = entry;
}

/* the order within a key's entries: day, start, end, extra, id */
static inline int
compare_in_key (const Entry *a,
                const Entry *b)
{
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if (a->extra != b->extra)
    return a->extra < b->extra ? -1 : 1;
  return strcmp (a->id, b->id);
}

/* the order of a sorted list: key, then as compare_in_key() */
static int
compare_entries (gconstpointer pa,
                 gconstpointer pb)
{
  const Entry *a = pa, *b = pb;

  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return compare_in_key (a, b);
}

static void
sort_block (Entry *block,
            guint  n)
{
  /* a key's day holds a handful of items: insertion sort beats qsort */
  if (n > 32)
    {
      qsort (block, n, sizeof (Entry), compare_entries);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      Entry entry = block[i];
      guint j = i;

      for (; j > 0 && compare_in_key (&entry, &block[j - 1]) < 0; j--)
        block[j] = block[j - 1];
      block[j] = entry;
    }
}

/* Writes @unsorted into @entries sorted as compare_entries() does: a counting sort by key and
 * day (every key is in [0, @n_keys); days outside the tour share a slot
 * before and one after its @n_days), then each slot's few entries on their
 * own; fills @index. */
static void
sort_entries (GArray     *unsorted,
              GArray     *entries,
              guint       n_keys,
              int         n_days,
              EntryIndex *index)
{
  guint per_key = (guint) MAX (n_days, 0) + 2;
  guint n_slots = n_keys * per_key;
  guint *slot_first, *next;
  Entry *from = (Entry *) unsorted->data;
  Entry *to;
  guint len = unsorted->len;

  /* a long tour with few entries sorts by key alone */
  if (n_slots > 4 * len + 4096)
    per_key = 1, n_slots = n_keys;

  slot_first = g_new0 (guint, n_slots + 1);
  next = g_new (guint, n_slots);
  g_array_set_size (entries, len);
  to = (Entry *) entries->data;

#define SLOT(e) ((guint) (e)->key * per_key + \
                 (per_key == 1 ? 0 : (e)->day < 0 ? 0 : (e)->day >= n_days ? per_key - 1 : (guint) (e)->day + 1))
  for (guint i = 0; i < len; i++)
    {
      g_assert ((guint) from[i].key < n_keys);
      slot_first[SLOT (&from[i]) + 1]++;
    }
  for (guint k = 0; k < n_slots; k++)
    {
      slot_first[k + 1] += slot_first[k];
      next[k] = slot_first[k];
    }
  for (guint i = 0; i < len; i++)
    to[next[SLOT (&from[i])]++] = from[i];
#undef SLOT
  for (guint k = 0; k < n_slots; k++)
    if (slot_first[k + 1] > slot_first[k]) /* @to is NULL where there are none */
      sort_block (to + slot_first[k], slot_first[k + 1] - slot_first[k]);

  index->first = slot_first;
  index->per_key = per_key;
  index->n_keys = n_keys;

  g_free (next);
}

void
_mt_run_build_entries (Run *run)
{
  /* written unsorted into arrays of their own, then sorted into the run's */
  GArray *unsorted_lanes = _mt_run_buffer (run->st, 8, sizeof (Entry));
  GArray *unsorted_delegates = _mt_run_buffer (run->st, 9, sizeof (Entry));
  GArray *unsorted_lane_interviews = _mt_run_buffer (run->st, 10, sizeof (Entry));
  GArray *unsorted_interviewees = _mt_run_buffer (run->st, 11, sizeof (Entry));
  Entry *lanes = open_entries (unsorted_lanes, run->lane_pool->len);
  Entry *delegates = open_entries (unsorted_delegates, run->delegate_pool->len);
  Entry *lane_interviews = open_entries (unsorted_lane_interviews, run->delegate_pool->len);
  Entry *interviewees = open_entries (unsorted_interviewees, run->interviews->len);
  guint n_lanes = 0, n_delegates = 0, n_lane_interviews = 0, n_interviewees = 0;

  for (guint i = 0; i < run->visits->len; i++)
    {
      VisitRow *v = &g_array_index (run->visits, VisitRow, i);

      if (!v->in_scope || !v->active)
        continue;
      for (int k = 0; k < v->n_lanes; k++)
        add_entry (lanes, &n_lanes, g_array_index (run->lane_pool, int, v->first_lane + k),
                   v->day, v->start, v->end, v->id, (int) i, 0);
    }

  for (guint i = 0; i < run->interviews->len; i++)
    {
      InterviewRow *r = &g_array_index (run->interviews, InterviewRow, i);

      if (!r->in_scope || !r->active)
        continue;
      for (int k = 0; k < r->n_delegates; k++)
        {
          int d = g_array_index (run->delegate_pool, int, r->first_delegate + k);

          add_entry (delegates, &n_delegates, d, r->day, r->start, r->end, r->id, (int) i, 0);
          add_entry (lane_interviews, &n_lane_interviews, run->st->delegate_lane[d], r->day,
                     r->start, r->end, r->id, (int) i, d);
        }
      if (r->interviewee >= 0)
        add_entry (interviewees, &n_interviewees, r->interviewee, r->day, r->start, r->end, r->id, (int) i, 0);
    }
  g_array_set_size (unsorted_lanes, n_lanes);
  g_array_set_size (unsorted_delegates, n_delegates);
  g_array_set_size (unsorted_lane_interviews, n_lane_interviews);
  g_array_set_size (unsorted_interviewees, n_interviewees);

  sort_entries (unsorted_lanes, run->lane_entries, run->st->n_groups + 1, run->n_days, &run->lane_index);
  sort_entries (unsorted_delegates, run->delegate_entries, run->st->delegates->len, run->n_days,
                &run->delegate_index);
  sort_entries (unsorted_interviewees, run->interviewee_entries, run->st->n_interviewees, run->n_days,
                &run->interviewee_index);
  sort_entries (unsorted_lane_interviews, run->lane_interviews, run->st->n_groups + 1, run->n_days,
                &run->lane_interview_index);
}


/* the entries of @key on @day: [lo, hi) */
gboolean
_mt_run_block (Run    *run,
               GArray *entries,
               int     key,
               int     day,
               guint  *lo,
               guint  *hi)
{
  const EntryIndex *index;
  guint a, b, end, slot;

  if (entries == run->lane_entries)
    index = &run->lane_index;
  else if (entries == run->delegate_entries)
    index = &run->delegate_index;
  else if (entries == run->interviewee_entries)
    index = &run->interviewee_index;
  else
    index = &run->lane_interview_index;

  if (key < 0 || (guint) key >= index->n_keys)
    {
      *lo = *hi = 0;
      return FALSE;
    }
  slot = (guint) key * index->per_key;
  /* a day of the tour has a slot of its own */
  if (index->per_key > 1 && day >= 0 && day < run->n_days)
    {
      *lo = index->first[slot + (guint) day + 1];
      *hi = index->first[slot + (guint) day + 2];
      return *hi > *lo;
    }

  /* else the key's entries are searched for the day */
  a = index->first[slot];
  b = index->first[slot + index->per_key];
  end = b;

  while (a < b)
    {
      guint mid = a + (b - a) / 2;

      if (_mt_entry_compare_key_day (&g_array_index (entries, Entry, mid), key, day) < 0)
        a = mid + 1;
      else
        b = mid;
    }
  *lo = a;
  b = end;
  while (a < b)
    {
      guint mid = a + (b - a) / 2;

      if (_mt_entry_compare_key_day (&g_array_index (entries, Entry, mid), key, day) <= 0)
        a = mid + 1;
      else
        b = mid;
    }
  *hi = a;
  return *hi > *lo;
}
