/* mt-language.h: writing in the language of whoever reads it
 *
 * A delegate reads their printout and their digest in their own language,
 * English or Chinese, whichever language the organiser's session runs in.
 * mt_language_enter() makes this thread's translations, and its names of
 * months and days, those of a language until mt_language_leave(); scopes
 * nest. What a delegate reads is translated with dgettext() (mt-i18n.h),
 * which follows the switch.
 *
 * The switch sets the LANGUAGE variable of the process: enter and leave on
 * the thread that writes, with no other thread translating meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-tour.h"

G_BEGIN_DECLS

typedef struct _MtLanguageScope MtLanguageScope;

/* "en" or "zh_CN": the first of the delegate's languages that the
 * printouts and digests are written in; NULL where none is, for the
 * session's own */
const char      *mt_language_of_delegate   (MtDelegate      *delegate);
/* "en" and "zh_CN" where the system has their locale */
gboolean         mt_language_is_available  (const char      *language);
/* NULL or "" (the session's language), or a language whose locale the
 * system lacks, changes nothing; the scope is still to be left */
MtLanguageScope *mt_language_enter         (const char      *language);
void             mt_language_leave         (MtLanguageScope *scope);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtLanguageScope, mt_language_leave)

G_END_DECLS
