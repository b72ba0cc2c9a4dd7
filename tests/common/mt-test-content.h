/* mt-test-content.h: a tour's content as the user sees it, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"

G_BEGIN_DECLS

/* The tour file without what every change moves on, undo included (the
 * merge stamps, the revisions, the file's digest) and without the deleted
 * items it keeps for the merge: what the user sees. */
char    *mt_test_content_of  (MtTour     *tour);
/* the first visit of @tour titled @title, or NULL (borrowed) */
MtVisit *mt_test_find_visit  (MtTour     *tour,
                              const char *title);

G_END_DECLS
