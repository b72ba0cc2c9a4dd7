/* mt-validate.c: the bounds of what a tour may hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-validate"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mt-tour-file.h"
#include "mt-validate.h"
#include "mt-wall-time.h"

static gboolean G_GNUC_PRINTF (2, 3)
refuse (GError    **error,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_vprintf (format, args);

      g_set_error_literal (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID, message);
    }
  va_end (args);
  return FALSE;
}

static gboolean
looks_like_iana_name (const char *id)
{
  gboolean part_start = TRUE;
  gsize length = 0;

  for (const char *p = id; *p != '\0'; p++, length++)
    {
      char c = *p;

      if (length >= MT_TIME_ZONE_ID_MAX)
        return FALSE;
      if (c == '/')
        {
          /* no empty part: no "//", no leading or trailing "/" */
          if (part_start)
            return FALSE;
          part_start = TRUE;
          continue;
        }
      /* a part starts with a letter: no ".", "..", "-x" or "+x" */
      if (part_start && !g_ascii_isalpha (c))
        return FALSE;
      if (!g_ascii_isalnum (c) && c != '_' && c != '+' && c != '-')
        return FALSE;
      part_start = FALSE;
    }
  return length > 0 && !part_start;
}

/* Where GLib looks for zone files */
static const char *
zone_dir (void)
{
  const char *dir = g_getenv ("TZDIR");

  return dir != NULL && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

/* A zone file starts with "TZif"; the zone folder also holds tables and
 * lists (zone.tab, leapseconds) that GLib would complain about. */
static gboolean
is_zone_file (const char *path)
{
  char magic[4];
  gboolean ok;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);

  if (fd < 0)
    return FALSE;
  ok = g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
       read (fd, magic, sizeof magic) == sizeof magic &&
       memcmp (magic, "TZif", 4) == 0;
  close (fd);
  return ok;
}

gboolean
mt_validate_time_zone (const char  *id,
                       const char  *field,
                       GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (field != NULL, FALSE);

  if (id == NULL || *id == '\0')
    return refuse (error, _("%s: the time zone is empty"), field);
  if (!g_utf8_validate (id, -1, NULL) || !looks_like_iana_name (id))
    /* Translators: %s: the field ("time-zone"), then the value */
    {
      g_autofree char *shown = g_utf8_validate (id, -1, NULL) ? mt_text_excerpt (id, 80) : g_strdup ("?");

      return refuse (error, _("%s: \"%s\" is not a time zone name (names look like Asia/Shanghai)"),
                     field, shown);
    }

  path = g_build_filename (zone_dir (), id, NULL);
  if (!is_zone_file (path))
    return refuse (error, _("%s: \"%s\" is not a time zone this system knows"), field, id);
  return TRUE;
}

gboolean
mt_validate_wall_time (gint64       time,
                       const char  *field,
                       GError     **error)
{
  int year;

  g_return_val_if_fail (field != NULL, FALSE);

  if (time >= mt_wall_time_new (MT_TOUR_FIRST_YEAR, 1, 1, 0, 0, 0) &&
      time < mt_wall_time_new (MT_TOUR_LAST_YEAR + 1, 1, 1, 0, 0, 0))
    return TRUE;

  mt_wall_time_split (time, &year, NULL, NULL, NULL, NULL, NULL);
  /* Translators: "first-day: the year 9999 is outside the years 1900 to 2200" */
  return refuse (error, _("%s: the year %d is outside the years %d to %d"),
                 field, year, MT_TOUR_FIRST_YEAR, MT_TOUR_LAST_YEAR);
}

gboolean
mt_validate_n_days (gint64       n_days,
                    const char  *field,
                    GError     **error)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (n_days >= 1 && n_days <= MT_TOUR_MAX_DAYS)
    return TRUE;
  return refuse (error, _("%s: %lld is out of range (1 to %d)"), field, (long long) n_days, MT_TOUR_MAX_DAYS);
}

char *
mt_text_excerpt (const char *text,
                 guint       max_chars)
{
  g_autofree char *head = NULL;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  for (guint i = 0; i < max_chars && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_strdup (text);
  head = g_strndup (text, p - text);
  return g_strconcat (head, "…", NULL);
}

gunichar
mt_text_find_control (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
        return c;
    }
  return 0;
}

gboolean
mt_validate_id (const char  *id,
                const char  *field,
                GError     **error)
{
  gunichar bad;

  g_return_val_if_fail (field != NULL, FALSE);

  if (id == NULL || *id == '\0')
    return refuse (error, _("%s: the id is empty"), field);
  bad = mt_text_find_control (id);
  if (bad != 0 || strchr (id, '\n') != NULL || strchr (id, '\t') != NULL)
    return refuse (error, _("%s: the id holds a control character (U+%04X)"), field,
                   bad != 0 ? bad : strchr (id, '\n') != NULL ? '\n' : '\t');
  return TRUE;
}
