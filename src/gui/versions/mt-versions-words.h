/* mt-versions-words.h: the words of the versions dialogs, without GTK
 *
 * What the "Issue Version" dialog says of the version it would issue, how
 * the list of issued versions names each, and a delegate's "what changed
 * since", in the language of the session: the organiser reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-digest.h"

G_BEGIN_DECLS

/* "Version 3": the version that issuing now would make */
char *mt_versions_words_next_label (MtTour     *tour);
/* what issuing now does: "Everyone’s schedule as it is now is recorded as
 * sent to the 108 delegates. 12 of them have changes since their copy." */
char *mt_versions_words_issue_summary (MtTour  *tour);
/* "Sent 15 May 18:00 by Lin to 108 delegates" */
char *mt_versions_words_sent       (MtTour     *tour,
                                    MtVersion  *version);
/* What changed for @delegate_id since @since (NULL: the last version
 * they received), as the message they would be sent; NULL with @error
 * set where the tour has no such delegate */
char *mt_versions_words_digest     (MtTour     *tour,
                                    const char *delegate_id,
                                    MtVersion  *since,
                                    GError    **error);

G_END_DECLS
