/* fuzz-common.c: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static GLogWriterOutput
fatal_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (level, fields, n_fields, user_data);
      abort ();
    }
  /* messages and debug output would only slow the fuzzer down */
  return G_LOG_WRITER_HANDLED;
}

void
mt_fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* the same settings as the test suite's */
      g_setenv ("TZ", "Europe/Berlin", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      g_log_set_writer_func (fatal_writer, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

void
mt_fuzz_assert_same_bytes (GBytes     *a,
                           GBytes     *b,
                           const char *what)
{
  gsize la, lb, i;
  const char *pa = g_bytes_get_data (a, &la);
  const char *pb = g_bytes_get_data (b, &lb);

  if (g_bytes_equal (a, b))
    return;
  for (i = 0; i < la && i < lb && pa[i] == pb[i]; i++)
    ;
  fprintf (stderr, "%s: the bytes differ at offset %" G_GSIZE_FORMAT " (%" G_GSIZE_FORMAT
           " and %" G_GSIZE_FORMAT " bytes):\n---\n%.*s\n---\n%.*s\n",
           what, i, la, lb, (int) MIN (la - i, 200), pa + i, (int) MIN (lb - i, 200), pb + i);
  abort ();
}
