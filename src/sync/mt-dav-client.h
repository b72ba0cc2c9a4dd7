/* mt-dav-client.h: the requests the sync engine makes of a WebDAV server
 *
 * One MtDavClient talks to one server as one user, on libsoup 3's async
 * API. Every request asks for the body as it is stored (Accept-Encoding:
 * identity: a compressed answer changes the ETag on some servers), has a
 * timeout, sets its body again when libsoup restarts it (authentication,
 * redirects), gives the password at most once (a second challenge is a
 * wrong password, not a loop) and refuses a body larger than a limit. TLS
 * certificates are verified. The debug log (MT_SYNC_DEBUG=1, G_MESSAGES_DEBUG
 * including mt-sync) shows requests and answers, never the Authorization
 * header or the password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MT_SYNC_ERROR (mt_sync_error_quark ())

typedef enum
{
  MT_SYNC_ERROR_NETWORK,    /* could not connect, or the connection broke */
  MT_SYNC_ERROR_TIMEOUT,    /* the server did not answer in time */
  MT_SYNC_ERROR_TLS,        /* the server's certificate is not valid */
  MT_SYNC_ERROR_AUTH,       /* the user name or password is wrong */
  MT_SYNC_ERROR_SERVER,     /* the server answered with an error status */
  MT_SYNC_ERROR_BAD_BODY,   /* the answer is truncated, too large or not a tour */
  MT_SYNC_ERROR_BUSY,       /* the tour kept changing on the server (412s) */
  MT_SYNC_ERROR_REFUSED,    /* the server check found the server unsafe */
  MT_SYNC_ERROR_URL,        /* the address is not an http(s) URL */
} MtSyncError;

GQuark mt_sync_error_quark (void);

/* the largest body the client reads unless told otherwise */
#define MT_DAV_DEFAULT_MAX_BODY ((gsize) 256 * 1024 * 1024)
#define MT_DAV_DEFAULT_TIMEOUT_SECONDS 30

typedef struct
{
  guint       status;
  char       *etag;       /* as the server gave it (W/ included), or NULL */
  gboolean    etag_weak;
  gint64      date_ms;    /* the server's Date, or 0 */
  GBytes     *body;       /* or NULL */
  char       *server;     /* the Server header, or NULL */
  char       *allow;      /* the Allow header, or NULL */
} MtDavResponse;

void           mt_dav_response_free  (MtDavResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtDavResponse, mt_dav_response_free)

#define MT_TYPE_DAV_CLIENT (mt_dav_client_get_type ())
G_DECLARE_FINAL_TYPE (MtDavClient, mt_dav_client, MT, DAV_CLIENT, GObject)

/* @base_url: the folder, "https://host/dav/tours/" */
MtDavClient   *mt_dav_client_new         (const char    *base_url,
                                          const char    *user,
                                          const char    *password,
                                          GError       **error);
const char    *mt_dav_client_get_base_url (MtDavClient  *self);
const char    *mt_dav_client_get_user    (MtDavClient   *self);
void           mt_dav_client_set_timeout (MtDavClient   *self,
                                          guint          seconds);
void           mt_dav_client_set_max_body (MtDavClient  *self,
                                          gsize          max_body);
/* requests sent and bytes sent and received so far */
guint          mt_dav_client_get_n_requests (MtDavClient *self);
guint64        mt_dav_client_get_bytes_sent (MtDavClient *self);
guint64        mt_dav_client_get_bytes_received (MtDavClient *self);

/* The ETag without its weak prefix, as If-Match wants it */
char          *mt_dav_etag_strip         (const char    *etag);

/* One request for @name, a resource in the folder (NULL for the folder
 * itself). @headers: NULL or pairs of header name and value, NULL-ended.
 * Any status is a result; errors are the network's, TLS, a wrong password,
 * a timeout or a body that is too large or truncated. */
void           mt_dav_client_request_async  (MtDavClient         *self,
                                             const char          *method,
                                             const char          *name,
                                             const char * const  *headers,
                                             GBytes              *body,
                                             const char          *content_type,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
MtDavResponse *mt_dav_client_request_finish (MtDavClient         *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* an error for a status the caller did not expect, naming the URL */
void           mt_dav_client_set_status_error (MtDavClient   *self,
                                               GError       **error,
                                               const char    *name,
                                               const char    *method,
                                               guint          status);

G_END_DECLS
