/* sync-test-util.h: real WebDAV servers and syncs, for the sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"
#include "mt-sync.h"

G_BEGIN_DECLS

typedef struct
{
  char *kind;  /* apache, lighttpd, nginx */
  char *dir;   /* its state folder */
  char *url;   /* "http://127.0.0.1:PORT/dav/" */
} TestServer;

/* starts a server of @kind (tests/sync/servers/mt-test-server.sh) */
TestServer   *test_server_start    (const char   *kind);
/* stop, kill (SIGKILL) or restart it, by the script */
void          test_server_command  (TestServer   *server,
                                    const char   *command);
void          test_server_free     (TestServer   *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

/* a folder of its own for each test, under the server's: "…/dav/t3/" */
char         *test_server_new_folder (TestServer *server);

/* a fresh temporary folder for local files, removed at exit */
char         *test_make_dir        (void);
void          test_remove_dir      (const char   *dir);

/* runs one sync and waits for it; NULL with @error set where it failed */
MtSyncResult *test_sync            (MtSync       *sync,
                                    MtTour       *tour,
                                    GFile        *file,
                                    MtSyncState  *state,
                                    GError      **error);
/* one organiser's copy: a tour file, its state and a sync, as user lin
 * or wei */
typedef struct
{
  char        *path;
  GFile       *file;
  MtTour      *tour;
  MtSyncState *state;
  MtSync      *sync;
} TestCopy;

TestCopy     *test_copy_new        (const char   *dir,
                                    const char   *name,
                                    const char   *url,
                                    const char   *user,
                                    MtTour       *tour);
void          test_copy_free       (TestCopy     *copy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestCopy, test_copy_free)
/* syncs the copy; asserts it worked */
MtSyncResult *test_copy_sync       (TestCopy     *copy);
char         *test_copy_bytes      (TestCopy     *copy);

/* Two organisers sharing @origin in a new folder of @server: Lin shares
 * it (the first sync), Wei fetches it; with @feeds, the syncs publish the
 * feeds. The local files are in a folder of their own, removed with it. */
typedef struct
{
  char     *dir;
  char     *url;
  TestCopy *lin;
  TestCopy *wei;
} TestPair;

TestPair     *test_pair_new        (TestServer   *server,
                                    MtTour       *origin,
                                    gboolean      feeds);
void          test_pair_free       (TestPair     *pair);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPair, test_pair_free)

/* the time on a server's clock: for merges outside a sync */
gint64        test_now_ms          (void);

G_END_DECLS
