/* mt-digest-files.c: the digests of many delegates as files to send
 *
 * Each delegate gets "<name>-<start of id>.txt" and ".html", in their own
 * language; "digests.csv" lists who gets which, with their e-mail address,
 * for a mail merge. Its header row is of fixed names in English, so that a
 * script reads it the same whatever the language of the session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-digest"

#include "config.h"

#include <string.h>

#include "mt-csv-private.h"
#include "mt-digest.h"
#include "mt-i18n.h"
#include "mt-language.h"

#define NAME_MAX_CHARS 48

/* The delegate's name as a file name, without what file systems refuse,
 * and the start of their id, which tells two of one name apart */
static char *
base_name (MtDelegate *delegate)
{
  const char *name = mt_delegate_get_name (delegate);
  const char *id = mt_entity_get_id (MT_ENTITY (delegate));
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = name ? name : ""; *p != '\0' && n_chars < NAME_MAX_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '-' || c == '_')
        g_string_append_unichar (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
      else
        continue;
      n_chars++;
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "delegate");
  g_string_append_printf (out, "-%.8s", id);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_file (GFile         *folder,
            const char    *name,
            const char    *contents,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);

  return g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

int
mt_digest_write_batch (GPtrArray     *digests,
                       GFile         *folder,
                       gboolean       all,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GString) index = g_string_new (MT_CSV_BOM);
  g_autoptr(GError) local_error = NULL;
  const char *header[] = { "name", "email", "language", "changes", "since", "text", "html", "id" };
  int written = 0;

  g_return_val_if_fail (digests != NULL, -1);
  g_return_val_if_fail (G_IS_FILE (folder), -1);

  if (!g_file_make_directory_with_parents (folder, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_autofree char *path = g_file_get_parse_name (folder);

      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: the folder could not be made: %s"), path, local_error->message);
      return -1;
    }

  _mt_csv_append_row (index, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < digests->len; i++)
    {
      MtDigest *digest = g_ptr_array_index (digests, i);
      MtDelegate *delegate = mt_digest_get_delegate (digest);
      MtVersion *since = mt_digest_get_since (digest);
      const char *language = mt_language_of_delegate (delegate);
      g_autofree char *name = NULL, *text_name = NULL, *html_name = NULL;
      g_autofree char *text = NULL, *html = NULL, *changes = NULL, *number = NULL;

      if (!all && since != NULL && mt_digest_get_n_entries (digest) == 0)
        continue;

      {
        g_autoptr(MtLanguageScope) scope = mt_language_enter (language);

        text = mt_digest_format_text (digest);
        html = mt_digest_format_html (digest);
      }
      name = base_name (delegate);
      text_name = g_strconcat (name, ".txt", NULL);
      html_name = g_strconcat (name, ".html", NULL);
      if (!write_file (folder, text_name, text, cancellable, error) ||
          !write_file (folder, html_name, html, cancellable, error))
        return -1;

      changes = g_strdup_printf ("%u", mt_digest_get_n_entries (digest));
      number = since != NULL ? g_strdup_printf ("%u", mt_version_get_number (since)) : NULL;
      {
        const char *row[] = {
          mt_delegate_get_name (delegate), mt_delegate_get_email (delegate), language,
          changes, number, text_name, html_name, mt_entity_get_id (MT_ENTITY (delegate)),
        };

        _mt_csv_append_row (index, row, G_N_ELEMENTS (row));
      }
      written++;
    }

  if (!write_file (folder, "digests.csv", index->str, cancellable, error))
    return -1;
  return written;
}
