/* mt-stamp.h: the stamps the merge of two copies of a tour compares
 *
 * Every field of every entity, and of the tour itself, carries the stamp of
 * its last change: a hybrid logical clock (wall-clock milliseconds in the
 * high 48 bits, a counter in the low 16) and the replica id of the copy
 * that made the change. A copy's clock never goes backwards and never falls
 * behind a stamp it has seen, so a later change always has a greater stamp
 * than one its author had seen; between changes that did not see each
 * other, the order is the order of their clocks, then of their replica ids.
 *
 * In the tour file a stamp is "<hlc in hex>@<replica>", for example
 * "18f6a5b2c3d0000@k3j9x2p4qa7m".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64     hlc;      /* 0: never stamped */
  const char *replica;  /* interned with mt_replica_intern(); NULL when unset */
} MtStamp;

#define MT_STAMP_INIT { 0, NULL }
#define MT_STAMP_BUF_SIZE 96
/* the longest replica id */
#define MT_REPLICA_MAX_LENGTH 64

#define MT_HLC_COUNTER_BITS 16
#define MT_HLC_MAKE(ms, counter) ((((guint64) (ms)) << MT_HLC_COUNTER_BITS) | (guint64) (counter))
#define MT_HLC_MS(hlc) ((gint64) ((hlc) >> MT_HLC_COUNTER_BITS))

static inline gboolean
mt_stamp_is_set (const MtStamp *stamp)
{
  return stamp->hlc != 0;
}

int          mt_stamp_compare        (const MtStamp *a,
                                      const MtStamp *b);
gboolean     mt_stamp_equal          (const MtStamp *a,
                                      const MtStamp *b);
/* "<hex>@<replica>"; @buf holds MT_STAMP_BUF_SIZE bytes */
void         mt_stamp_format_buf     (const MtStamp *stamp,
                                      char           buf[MT_STAMP_BUF_SIZE]);
gboolean     mt_stamp_parse          (const char    *text,
                                      MtStamp       *out_stamp);
/* the hex of a clock value alone, as a tombstone records what it saw */
void         mt_hlc_format_buf       (guint64        hlc,
                                      char           buf[MT_STAMP_BUF_SIZE]);
gboolean     mt_hlc_parse            (const char    *text,
                                      guint64       *out_hlc);

/* A replica id: 1 to 64 of [a-z0-9_-]. Returns the interned string, or
 * NULL where @id is not one. */
const char  *mt_replica_intern       (const char    *id);
/* a new random replica id of 12 characters */
char        *mt_replica_new_id       (void);

/* A hybrid logical clock */
typedef struct
{
  guint64 last;       /* the greatest value handed out or seen */
  gint64  offset_ms;  /* added to the system's clock (tests of wrong clocks) */
} MtClock;

gint64       mt_clock_now_ms         (const MtClock *clock);
/* the next value: never behind the wall clock, always ahead of the last */
guint64      mt_clock_tick           (MtClock       *clock);
/* the clock will not hand out @hlc or anything before it again */
void         mt_clock_observe        (MtClock       *clock,
                                      guint64        hlc);

G_END_DECLS
