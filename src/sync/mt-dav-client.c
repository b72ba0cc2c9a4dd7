/* mt-dav-client.c: the requests the sync engine makes of a WebDAV server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "mt-dav-client.h"

G_DEFINE_QUARK (mt-sync-error-quark, mt_sync_error)

#define READ_CHUNK (64 * 1024)

struct _MtDavClient
{
  GObject      parent_instance;

  SoupSession *session;
  GUri        *base;       /* the folder, its path ending in "/" */
  char        *base_url;
  char        *user;
  char        *password;
  gsize        max_body;
  guint        n_requests;
  guint64      bytes_sent;
  guint64      bytes_received;
};

G_DEFINE_FINAL_TYPE (MtDavClient, mt_dav_client, G_TYPE_OBJECT)

void
mt_dav_response_free (MtDavResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->etag);
  g_free (response->server);
  g_free (response->allow);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

static void
mt_dav_client_finalize (GObject *object)
{
  MtDavClient *self = MT_DAV_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_free (self->base_url);
  g_free (self->user);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);

  G_OBJECT_CLASS (mt_dav_client_parent_class)->finalize (object);
}

static void
mt_dav_client_class_init (MtDavClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mt_dav_client_finalize;
}

static void
mt_dav_client_init (MtDavClient *self)
{
  self->max_body = MT_DAV_DEFAULT_MAX_BODY;
}

/* The debug log, with every credential taken out */
static void
print_redacted (SoupLogger         *logger,
                SoupLoggerLogLevel  level,
                char                direction,
                const char         *data,
                gpointer            user_data)
{
  if (g_ascii_strncasecmp (data, "Authorization:", 14) == 0 ||
      g_ascii_strncasecmp (data, "Proxy-Authorization:", 20) == 0)
    {
      const char *colon = strchr (data, ':');

      g_debug ("%c %.*s: [hidden]", direction, (int) (colon - data), data);
      return;
    }
  g_debug ("%c %s", direction, data);
}

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * mt_dav_client_new:
 *
 * Returns: (transfer full) (nullable): a client, or %NULL with @error set
 *   where @base_url is not an http or https URL
 */
MtDavClient *
mt_dav_client_new (const char  *base_url,
                   const char  *user,
                   const char  *password,
                   GError     **error)
{
  g_autoptr(MtDavClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;

  g_return_val_if_fail (base_url != NULL, NULL);

  uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, &local_error);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_URL,
                   _("“%s” is not a web address (https://server/folder/)"), base_url);
      return NULL;
    }

  self = g_object_new (MT_TYPE_DAV_CLIENT, NULL);
  if (!g_str_has_suffix (g_uri_get_path (uri), "/"))
    {
      g_autofree char *path = g_strconcat (g_uri_get_path (uri), "/", NULL);
      GUri *with_slash = g_uri_build (SOUP_HTTP_URI_FLAGS, scheme, NULL, g_uri_get_host (uri),
                                      g_uri_get_port (uri), path, NULL, NULL);

      g_uri_unref (uri);
      uri = with_slash;
    }
  self->base = g_steal_pointer (&uri);
  self->base_url = g_uri_to_string_partial (self->base, G_URI_HIDE_PASSWORD | G_URI_HIDE_USERINFO);
  self->user = g_strdup (user);
  self->password = g_strdup (password);

  self->session = soup_session_new_with_options ("user-agent", "Media Tour Planner/" PACKAGE_VERSION,
                                                 "timeout", MT_DAV_DEFAULT_TIMEOUT_SECONDS,
                                                 NULL);
  /* a server on this machine is reached directly, whatever proxy is set */
  if (is_loopback (g_uri_get_host (self->base)))
    soup_session_set_proxy_resolver (self->session, NULL);
  if (g_getenv ("MT_SYNC_DEBUG") != NULL)
    {
      g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_HEADERS);

      soup_logger_set_printer (logger, print_redacted, NULL, NULL);
      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (logger));
    }

  return g_steal_pointer (&self);
}

const char *
mt_dav_client_get_base_url (MtDavClient *self)
{
  g_return_val_if_fail (MT_IS_DAV_CLIENT (self), NULL);
  return self->base_url;
}

const char *
mt_dav_client_get_user (MtDavClient *self)
{
  g_return_val_if_fail (MT_IS_DAV_CLIENT (self), NULL);
  return self->user;
}

void
mt_dav_client_set_timeout (MtDavClient *self,
                           guint        seconds)
{
  g_return_if_fail (MT_IS_DAV_CLIENT (self));
  soup_session_set_timeout (self->session, seconds);
}

void
mt_dav_client_set_max_body (MtDavClient *self,
                            gsize        max_body)
{
  g_return_if_fail (MT_IS_DAV_CLIENT (self));
  self->max_body = max_body;
}

guint
mt_dav_client_get_n_requests (MtDavClient *self)
{
  return self->n_requests;
}

guint64
mt_dav_client_get_bytes_sent (MtDavClient *self)
{
  return self->bytes_sent;
}

guint64
mt_dav_client_get_bytes_received (MtDavClient *self)
{
  return self->bytes_received;
}

/**
 * mt_dav_etag_strip:
 *
 * Returns: (transfer full) (nullable): @etag without a weak prefix
 */
char *
mt_dav_etag_strip (const char *etag)
{
  if (etag == NULL)
    return NULL;
  if (g_str_has_prefix (etag, "W/") || g_str_has_prefix (etag, "w/"))
    etag += 2;
  return g_strdup (etag);
}

/* One request */

typedef struct
{
  MtDavClient  *client;
  SoupMessage  *msg;
  GBytes       *body;
  char         *content_type;
  GInputStream *stream;
  GByteArray   *received;
  char         *url;        /* for messages, without credentials */
  gboolean      gave_password;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->client);
  g_clear_object (&request->msg);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->content_type);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->received, g_byte_array_unref);
  g_free (request->url);
  g_free (request);
}

static void
set_body (Request *request)
{
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->msg, request->content_type, request->body);
}

/* libsoup drops the body when it restarts a message (authentication,
 * redirect): give it again */
static void
on_restarted (SoupMessage *msg,
              Request     *request)
{
  set_body (request);
}

static gboolean
on_authenticate (SoupMessage *msg,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 Request     *request)
{
  GUri *uri = soup_message_get_uri (msg);

  /* the password once (a second challenge means it is wrong), and only to
   * the server it is for: not to a proxy, nor to where a redirect leads */
  if (retrying || request->gave_password || request->client->password == NULL ||
      soup_auth_is_for_proxy (auth) ||
      g_strcmp0 (g_uri_get_host (uri), g_uri_get_host (request->client->base)) != 0 ||
      g_uri_get_port (uri) != g_uri_get_port (request->client->base))
    return FALSE;
  request->gave_password = TRUE;
  soup_auth_authenticate (auth, request->client->user ? request->client->user : "",
                          request->client->password);
  return TRUE;
}

static char *
host_of (Request *request)
{
  GUri *uri = soup_message_get_uri (request->msg);

  return g_strdup (g_uri_get_host (uri));
}

static void
set_transport_error (Request  *request,
                     GError   *cause,
                     GError  **error)
{
  g_autofree char *host = host_of (request);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_TIMEOUT,
                 _("%s did not answer in time (%s)"), host, request->url);
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_TLS,
                 _("The certificate of %s is not valid: %s"), host, cause->message);
  else
    g_set_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_NETWORK,
                 _("Could not reach %s: %s"), request->url, cause->message);
}

static void
finish_response (GTask   *task,
                 Request *request)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->msg);
  MtDavResponse *response = g_new0 (MtDavResponse, 1);
  const char *etag = soup_message_headers_get_one (headers, "OC-ETag");
  const char *date = soup_message_headers_get_one (headers, "Date");

  /* Nextcloud and ownCloud: OC-ETag is the file's own ETag */
  if (etag == NULL)
    etag = soup_message_headers_get_one (headers, "ETag");
  response->status = soup_message_get_status (request->msg);
  response->etag = g_strdup (etag);
  response->etag_weak = etag != NULL && (g_str_has_prefix (etag, "W/") || g_str_has_prefix (etag, "w/"));
  response->server = g_strdup (soup_message_headers_get_one (headers, "Server"));
  response->allow = g_strdup (soup_message_headers_get_one (headers, "Allow"));
  if (date != NULL)
    {
      g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (date);

      if (when != NULL)
        response->date_ms = g_date_time_to_unix (when) * 1000;
    }
  if (request->received != NULL)
    {
      request->client->bytes_received += request->received->len;
      response->body = g_byte_array_free_to_bytes (g_steal_pointer (&request->received));
    }
  g_debug ("%s %s: %u%s%s", soup_message_get_method (request->msg), request->url,
           response->status, response->etag ? ", ETag " : "", response->etag ? response->etag : "");
  g_task_return_pointer (task, response, (GDestroyNotify) mt_dav_response_free);
}

static gboolean
too_large (GTask   *task,
           Request *request,
           guint64  size)
{
  g_autofree char *limit = g_format_size_full (request->client->max_body, G_FORMAT_SIZE_IEC_UNITS);

  if (size <= request->client->max_body)
    return FALSE;
  g_task_return_new_error (task, MT_SYNC_ERROR, MT_SYNC_ERROR_BAD_BODY,
                           _("The answer from %s is larger than %s; it is not read"),
                           request->url, limit);
  return TRUE;
}

static void read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data);

static void
read_next (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (request->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, task);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (chunk == NULL)
    {
      GError *mapped = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        set_transport_error (request, error, &mapped);
      else
        mapped = g_error_new (MT_SYNC_ERROR, MT_SYNC_ERROR_BAD_BODY,
                              _("The answer from %s broke off: %s"), request->url, error->message);
      g_task_return_error (task, mapped);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      finish_response (task, request);
      return;
    }
  g_byte_array_append (request->received, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (too_large (task, request, request->received->len))
    return;
  read_next (g_steal_pointer (&task));
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  goffset length;

  request->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (request->stream == NULL)
    {
      GError *mapped = NULL;

      set_transport_error (request, error, &mapped);
      g_task_return_error (task, mapped);
      return;
    }

  if (soup_message_get_status (request->msg) == SOUP_STATUS_UNAUTHORIZED)
    {
      g_autofree char *host = host_of (request);

      if (request->client->password == NULL)
        g_task_return_new_error (task, MT_SYNC_ERROR, MT_SYNC_ERROR_AUTH,
                                 _("%s asks for a password for %s, and none is known"),
                                 host, request->client->user ? request->client->user : "");
      else
        g_task_return_new_error (task, MT_SYNC_ERROR, MT_SYNC_ERROR_AUTH,
                                 _("%s refused the user name “%s” or its password"),
                                 host, request->client->user ? request->client->user : "");
      return;
    }

  headers = soup_message_get_response_headers (request->msg);
  length = soup_message_headers_get_content_length (headers);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      too_large (task, request, (guint64) length))
    return;
  request->received = g_byte_array_new ();
  read_next (g_steal_pointer (&task));
}

static char *
resource_path (MtDavClient *self,
               const char  *name)
{
  g_autofree char *escaped = NULL;

  if (name == NULL)
    return g_strdup (g_uri_get_path (self->base));
  /* each segment of @name escaped, the slashes kept */
  escaped = g_uri_escape_string (name, "/", FALSE);
  return g_strconcat (g_uri_get_path (self->base), escaped, NULL);
}

void
mt_dav_client_request_async (MtDavClient         *self,
                             const char          *method,
                             const char          *name,
                             const char * const  *headers,
                             GBytes              *body,
                             const char          *content_type,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *path = NULL;
  Request *request;

  g_return_if_fail (MT_IS_DAV_CLIENT (self));
  g_return_if_fail (method != NULL);

  path = resource_path (self, name);
  uri = g_uri_build (SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_ENCODED_PATH, g_uri_get_scheme (self->base), NULL,
                     g_uri_get_host (self->base), g_uri_get_port (self->base), path, NULL, NULL);

  request = g_new0 (Request, 1);
  request->client = g_object_ref (self);
  request->msg = soup_message_new_from_uri (method, uri);
  request->body = body != NULL ? g_bytes_ref (body) : NULL;
  request->content_type = g_strdup (content_type);
  request->url = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD | G_URI_HIDE_USERINFO);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mt_dav_client_request_async);
  g_task_set_task_data (task, request, request_free);

  soup_message_headers_replace (soup_message_get_request_headers (request->msg),
                                "Accept-Encoding", "identity");
  for (guint i = 0; headers != NULL && headers[i] != NULL && headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (soup_message_get_request_headers (request->msg), headers[i], headers[i + 1]);
  set_body (request);
  g_signal_connect (request->msg, "restarted", G_CALLBACK (on_restarted), request);
  g_signal_connect (request->msg, "authenticate", G_CALLBACK (on_authenticate), request);

  self->n_requests++;
  self->bytes_sent += body != NULL ? g_bytes_get_size (body) : 0;
  soup_session_send_async (self->session, request->msg, G_PRIORITY_DEFAULT, cancellable,
                           send_cb, g_steal_pointer (&task));
}

/**
 * mt_dav_client_request_finish:
 *
 * Returns: (transfer full) (nullable): the answer, whatever its status
 */
MtDavResponse *
mt_dav_client_request_finish (MtDavClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
mt_dav_client_set_status_error (MtDavClient  *self,
                                GError      **error,
                                const char   *name,
                                const char   *method,
                                guint         status)
{
  g_autofree char *path = resource_path (self, name);
  g_autoptr(GUri) uri = g_uri_build (SOUP_HTTP_URI_FLAGS | G_URI_FLAGS_ENCODED_PATH, g_uri_get_scheme (self->base),
                                     NULL, g_uri_get_host (self->base), g_uri_get_port (self->base),
                                     path, NULL, NULL);
  g_autofree char *url = g_uri_to_string (uri);
  const char *phrase = soup_status_get_phrase (status);

  /* Translators: “PUT https://…/tour.mtour: 503 Service Unavailable” */
  g_set_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_SERVER, _("%s %s: the server answered %u %s"),
               method, url, status, phrase ? phrase : "");
}
