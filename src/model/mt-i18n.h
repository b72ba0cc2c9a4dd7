/* mt-i18n.h: translations that follow the language of the moment
 *
 * Include it in a file whose words a delegate reads in their own language
 * (the digests, the printouts, the names of versions; see the formats'
 * mt-language.h): its _(), C_() and mt_ngettext() ask gettext each time,
 * as the language can change from one delegate to the next. GLib's own
 * g_dgettext() decides once per process whether to translate at all, under
 * the language the process started in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libintl.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#undef _
#define _(String) ((char *) dgettext (GETTEXT_PACKAGE, (String)))
#define mt_ngettext(Singular, Plural, N) ((char *) dngettext (GETTEXT_PACKAGE, (Singular), (Plural), (N)))

/* C_(): a message with a context, looked up the same way */
static inline const char *mt_pgettext (const char *context_and_id,
                                       gsize       id_offset) G_GNUC_FORMAT (1);

static inline const char *
mt_pgettext (const char *context_and_id,
             gsize       id_offset)
{
  const char *translated = dgettext (GETTEXT_PACKAGE, context_and_id);

  return translated == context_and_id ? context_and_id + id_offset : translated;
}

#undef C_
#define C_(Context, String) mt_pgettext (Context "\004" String, strlen (Context) + 1)
