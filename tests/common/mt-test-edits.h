/* mt-test-edits.h: random edits of a tour, recorded, for the merge and
 * sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"

G_BEGIN_DECLS

/* an array for mt_test_random_edit() to record its edits in */
GPtrArray *mt_test_edits_new            (void);
/* One random edit of a visit: add, delete, move, rename, change its
 * groups or its status; the renames, moves and status changes are
 * recorded with their stamps. */
void       mt_test_random_edit          (MtTour     *tour,
                                         GRand      *rand,
                                         GPtrArray  *edits);
/* Asserts that every recorded edit stands in @tour, unless its item is
 * deleted or a later edit (a greater stamp) replaced it; returns how many
 * stand. */
guint      mt_test_assert_edits_stand   (MtTour     *tour,
                                         GPtrArray  *edits);

G_END_DECLS
