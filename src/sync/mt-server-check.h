/* mt-server-check.h: is this server safe to share a tour through?
 *
 * Run when an account is set up and on demand: it makes a test file in
 * the folder and checks that the server refuses, with 412, a write made
 * against a version it does not hold (a stale If-Match) and a create over
 * a file that exists (If-None-Match: *). A server that ignores them (the
 * dav module of nginx, for one) would let two organisers overwrite each
 * other's edits, and is refused with a message that says so; so is one
 * that cannot store a plain file (a calendar-only server). Connection,
 * TLS and password errors are errors, not verdicts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-dav-client.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean  accepted;
  char     *message;   /* the verdict in plain words */
  char     *server;    /* the Server header, or NULL */
} MtServerCheck;

void           mt_server_check_free   (MtServerCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtServerCheck, mt_server_check_free)

/* checks the folder of @client */
void           mt_server_check_async  (MtDavClient         *client,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
MtServerCheck *mt_server_check_finish (MtDavClient         *client,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
