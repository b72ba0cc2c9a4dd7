/* mt-stamp.c: the stamps the merge of two copies of a tour compares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-stamp"

#include "config.h"

#include <string.h>

#include "mt-stamp.h"

/**
 * mt_stamp_compare:
 *
 * Orders stamps by clock, then by replica id (an unset replica first), so
 * that every copy orders any two stamps alike.
 *
 * Returns: < 0, 0 or > 0 as @a is before, the same as or after @b
 */
int
mt_stamp_compare (const MtStamp *a,
                  const MtStamp *b)
{
  if (a->hlc != b->hlc)
    return a->hlc < b->hlc ? -1 : 1;
  if (a->replica == b->replica)
    return 0;
  if (a->replica == NULL)
    return -1;
  if (b->replica == NULL)
    return 1;
  return strcmp (a->replica, b->replica);
}

gboolean
mt_stamp_equal (const MtStamp *a,
                const MtStamp *b)
{
  /* replicas are interned */
  return a->hlc == b->hlc && a->replica == b->replica;
}

void
mt_hlc_format_buf (guint64 hlc,
                   char    buf[MT_STAMP_BUF_SIZE])
{
  g_snprintf (buf, MT_STAMP_BUF_SIZE, "%" G_GINT64_MODIFIER "x", hlc);
}

void
mt_stamp_format_buf (const MtStamp *stamp,
                     char           buf[MT_STAMP_BUF_SIZE])
{
  g_snprintf (buf, MT_STAMP_BUF_SIZE, "%" G_GINT64_MODIFIER "x@%s",
              stamp->hlc, stamp->replica != NULL ? stamp->replica : "");
}

static gboolean
parse_hex (const char  *text,
           const char  *end,
           guint64     *out)
{
  guint64 value = 0;

  if (end == text || end - text > 16)
    return FALSE;
  for (const char *p = text; p < end; p++)
    {
      int digit = g_ascii_xdigit_value (*p);

      if (digit < 0 || g_ascii_isupper (*p))
        return FALSE;
      value = value << 4 | (guint64) digit;
    }
  *out = value;
  return TRUE;
}

gboolean
mt_hlc_parse (const char *text,
              guint64    *out_hlc)
{
  return parse_hex (text, text + strlen (text), out_hlc) && *out_hlc != 0;
}

/**
 * mt_stamp_parse:
 *
 * Returns: whether @text is a stamp, "<hex>@<replica>" with a clock other
 *   than 0 and a valid replica id
 */
gboolean
mt_stamp_parse (const char *text,
                MtStamp    *out_stamp)
{
  const char *at = strchr (text, '@');
  const char *replica;
  guint64 hlc;

  if (at == NULL || !parse_hex (text, at, &hlc) || hlc == 0)
    return FALSE;
  replica = mt_replica_intern (at + 1);
  if (replica == NULL)
    return FALSE;
  out_stamp->hlc = hlc;
  out_stamp->replica = replica;
  return TRUE;
}

const char *
mt_replica_intern (const char *id)
{
  gsize length = 0;

  if (id == NULL)
    return NULL;
  for (const char *p = id; *p != '\0'; p++, length++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_') ||
        length >= MT_REPLICA_MAX_LENGTH)
      return NULL;
  if (length == 0)
    return NULL;
  return g_intern_string (id);
}

char *
mt_replica_new_id (void)
{
  static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
  char id[13];

  for (guint i = 0; i < 12; i++)
    id[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  id[12] = '\0';
  return g_strdup (id);
}

gint64
mt_clock_now_ms (const MtClock *clock)
{
  return g_get_real_time () / 1000 + clock->offset_ms;
}

guint64
mt_clock_tick (MtClock *clock)
{
  gint64 now = mt_clock_now_ms (clock);
  guint64 wall = now > 0 ? MT_HLC_MAKE (now, 0) : 1;

  clock->last = MAX (clock->last + 1, wall);
  return clock->last;
}

void
mt_clock_observe (MtClock *clock,
                  guint64  hlc)
{
  clock->last = MAX (clock->last, hlc);
}
