/* fuzz-common.h: what the fuzz targets share
 *
 * Each target defines LLVMFuzzerTestOneInput(). Built with clang and
 * -Dfuzzing=true it links libFuzzer, which calls it with generated inputs;
 * in a normal build fuzz-replay.c's main() calls it once for every file of
 * the corpus, so the test suite replays the corpus on every change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* Makes every GLib warning and critical abort, so the fuzzer reports it
 * as a crash with its stack; idempotent. */
void  mt_fuzz_init                 (void);

/* Aborts, naming @what, where @a and @b (the bytes of two saves) differ. */
void  mt_fuzz_assert_same_bytes    (GBytes     *a,
                                    GBytes     *b,
                                    const char *what);

int   LLVMFuzzerTestOneInput       (const uint8_t *data,
                                    size_t         size);

G_END_DECLS
