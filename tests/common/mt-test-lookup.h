/* mt-test-lookup.h: finding an item of a tour by its name, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"

G_BEGIN_DECLS

/* (transfer none): the first item of @kind whose name or title starts
 * with @prefix; the test fails where there is none */
gpointer mt_test_lookup_named (MtTour       *tour,
                               MtEntityKind  kind,
                               const char   *prefix);

G_END_DECLS
