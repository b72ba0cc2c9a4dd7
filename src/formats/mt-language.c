/* mt-language.c: writing in the language of whoever reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-language"

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "mt-language.h"

struct _MtLanguageScope
{
  locale_t  locale;         /* (locale_t) 0 where nothing changed */
  locale_t  previous;
  char     *old_language;   /* the LANGUAGE variable before */
  gboolean  had_language;
};

/* the locale whose messages, months and days are the language's */
static const char *
locale_of (const char *language)
{
  if (g_strcmp0 (language, "en") == 0)
    return "C.UTF-8";
  if (g_strcmp0 (language, "zh_CN") == 0)
    return "zh_CN.UTF-8";
  return NULL;
}

gboolean
mt_language_is_available (const char *language)
{
  const char *name = locale_of (language);
  locale_t locale;

  if (name == NULL)
    return FALSE;
  locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  if (locale == (locale_t) 0)
    return FALSE;
  freelocale (locale);
  return TRUE;
}

const char *
mt_language_of_delegate (MtDelegate *delegate)
{
  const char * const *languages;

  g_return_val_if_fail (MT_IS_DELEGATE (delegate), NULL);

  languages = mt_delegate_get_languages (delegate);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      if (g_ascii_strncasecmp (languages[i], "zh", 2) == 0)
        return "zh_CN";
      if (g_ascii_strncasecmp (languages[i], "en", 2) == 0)
        return "en";
    }
  return NULL;
}

/* gettext keeps what it found for the language it last looked in; naming
 * the text domain again makes it look anew */
static void
forget_found_translations (void)
{
  textdomain (textdomain (NULL));
}

/* back to the language before the scope */
static void
restore (MtLanguageScope *scope)
{
  if (scope->locale == (locale_t) 0)
    return;
  if (scope->had_language)
    g_setenv ("LANGUAGE", scope->old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  uselocale (scope->previous);
  freelocale (scope->locale);
  scope->locale = (locale_t) 0;
  forget_found_translations ();
}

MtLanguageScope *
mt_language_enter (const char *language)
{
  MtLanguageScope *scope = g_new0 (MtLanguageScope, 1);
  const char *name = locale_of (language);

  if (name == NULL)
    return scope;
  scope->locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  if (scope->locale == (locale_t) 0)
    return scope;

  scope->previous = uselocale (scope->locale);
  scope->had_language = g_getenv ("LANGUAGE") != NULL;
  scope->old_language = g_strdup (g_getenv ("LANGUAGE"));
  /* LANGUAGE, where set, comes before the locale in choosing messages */
  g_setenv ("LANGUAGE", language, TRUE);
  forget_found_translations ();

  /* without its catalogue (an uninstalled program), the words would stay
   * English around dates in the language: all of it stays as it was */
  if (strcmp (language, "en") != 0 && *dgettext (GETTEXT_PACKAGE, "") == '\0')
    {
      restore (scope);
      g_debug ("No catalogue of %s for %s: writing in the session's language", GETTEXT_PACKAGE, language);
    }
  return scope;
}

void
mt_language_leave (MtLanguageScope *scope)
{
  if (scope == NULL)
    return;
  restore (scope);
  g_free (scope->old_language);
  g_free (scope);
}
