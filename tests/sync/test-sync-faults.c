/* test-sync-faults.c: what servers do wrong, and the tour survives it
 *
 * An in-process server (libsoup's, or a bare socket for what no HTTP
 * server library would send) answers with errors, never answers, breaks
 * its answer off, sends what is not a tour or far too much, refuses the
 * password, or presents a certificate nobody signed; and Apache is killed
 * in the middle of a write. In every case the sync fails with an error
 * that names what went wrong, and the local tour file and its sync state
 * are unchanged or advanced, never damaged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>

#include "mt-server-check.h"
#include "sync-test-util.h"

/* A local copy whose file and state must survive */
typedef struct
{
  char   *dir;
  char   *path;
  GFile  *file;
  MtTour *tour;
  char   *before;       /* the file's bytes before the fault */
} Local;

static Local *
local_new (void)
{
  Local *local = g_new0 (Local, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  local->dir = test_make_dir ();
  local->path = g_build_filename (local->dir, "tour.mtour", NULL);
  local->file = g_file_new_for_path (local->path);
  local->tour = mt_tour_generate (40, 20, 20, 11);
  g_assert_true (mt_tour_save_file (local->tour, local->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (local->path, &local->before, NULL, NULL));
  return local;
}

static void
local_free (Local *local)
{
  test_remove_dir (local->dir);
  g_free (local->dir);
  g_free (local->path);
  g_clear_object (&local->file);
  g_clear_object (&local->tour);
  g_free (local->before);
  g_free (local);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Local, local_free)

/* the file loads, and is the same as before or the tour as it is now */
static void
assert_local_intact (Local *local)
{
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) loaded = NULL;
  g_autoptr(MtSyncState) state = NULL;
  g_autoptr(GBytes) now = mt_tour_save_to_bytes (local->tour);

  g_assert_true (g_file_get_contents (local->path, &after, NULL, NULL));
  if (g_strcmp0 (after, local->before) != 0)
    g_assert_cmpstr (after, ==, (const char *) g_bytes_get_data (now, NULL));
  loaded = mt_tour_load_file (local->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  state = mt_sync_state_load (local->file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (state);
}

static GError *
sync_error (Local      *local,
            const char *url,
            guint       timeout,
            gsize       max_body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MtSync) sync = mt_sync_new (url, "lin", "lin-secret", &error);
  g_autoptr(MtSyncState) state = NULL;
  g_autoptr(MtSyncResult) result = NULL;

  g_assert_no_error (error);
  mt_dav_client_set_timeout (mt_sync_get_client (sync), timeout);
  if (max_body > 0)
    mt_dav_client_set_max_body (mt_sync_get_client (sync), max_body);
  state = mt_sync_state_load (local->file, &error);
  g_assert_no_error (error);
  result = test_sync (sync, local->tour, local->file, state, &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  assert_local_intact (local);
  return g_steal_pointer (&error);
}

/* libsoup's server, answering every request with @status */

typedef struct
{
  guint status;
  char *body;
  guint n_requests;
  guint n_with_credentials;
} Answer;

static void
answer_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Answer *answer = user_data;

  answer->n_requests++;
  if (soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization") != NULL)
    answer->n_with_credentials++;
  soup_server_message_set_status (msg, answer->status, NULL);
  if (answer->body != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      answer->body, strlen (answer->body));
}

static SoupServer *
soup_server_on_loopback (Answer  *answer,
                         char   **url)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  soup_server_add_handler (server, NULL, answer_cb, answer, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *url = g_strdup_printf ("http://127.0.0.1:%d/dav/tour.mtour", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  return server;
}

static void
test_error_statuses (void)
{
  const guint statuses[] = { 500, 503, 403 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      Answer answer = { statuses[i], NULL, 0, 0 };
      g_autofree char *url = NULL;
      g_autoptr(SoupServer) server = soup_server_on_loopback (&answer, &url);
      g_autoptr(Local) local = local_new ();
      g_autoptr(GError) error = sync_error (local, url, 5, 0);
      g_autofree char *status = g_strdup_printf ("%u", statuses[i]);

      g_assert_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_SERVER);
      g_assert_nonnull (strstr (error->message, url));
      g_assert_nonnull (strstr (error->message, status));
    }
}

static void
test_not_a_tour (void)
{
  Answer answer = { 200, "<html><body>It works!</body></html>", 0, 0 };
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = soup_server_on_loopback (&answer, &url);
  g_autoptr(Local) local = local_new ();
  g_autoptr(GError) error = sync_error (local, url, 5, 0);

  g_assert_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_BAD_BODY);
  g_assert_nonnull (strstr (error->message, "is not a tour file"));
}

/* A wrong password: one request with credentials, one clear error */
static gboolean
refuse_password (SoupAuthDomain    *domain,
                 SoupServerMessage *msg,
                 const char        *user,
                 const char        *password,
                 gpointer           user_data)
{
  Answer *answer = user_data;

  answer->n_with_credentials++;
  return FALSE;
}

static void
test_wrong_password (void)
{
  Answer answer = { 200, NULL, 0, 0 };
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = soup_server_on_loopback (&answer, &url);
  g_autoptr(SoupAuthDomain) domain = soup_auth_domain_basic_new ("realm", "Media tours",
                                                                  "auth-callback", refuse_password,
                                                                  "auth-data", &answer,
                                                                  NULL);
  g_autoptr(Local) local = local_new ();
  g_autoptr(GError) error = NULL;

  soup_auth_domain_add_path (domain, "/");
  soup_server_add_auth_domain (server, domain);
  error = sync_error (local, url, 5, 0);
  g_assert_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "lin"));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  /* the password was given once, not again and again */
  g_assert_cmpuint (answer.n_with_credentials, ==, 1);
}

/* A bare socket server for what no HTTP library sends */

typedef enum
{
  SOCKET_SILENT,     /* accepts, never answers */
  SOCKET_TRUNCATED,  /* announces more than it sends, then closes */
  SOCKET_HUGE,       /* announces 500 MB */
  SOCKET_ENDLESS,    /* no length, sends until the client stops reading */
  SOCKET_SLOW,       /* answers 404, after 0.7 s */
} SocketMode;

/* Each connection is handled in a thread of its own (GThreadedSocketService),
 * so the server may block while the client runs in the main loop. */
typedef struct
{
  SocketMode         mode;
  GSocketService    *service;
  guint16            port;
} SocketServer;

static void
write_endless (GOutputStream *out)
{
  static char zeros[64 * 1024];
  gsize written;

  /* until the client closes the connection */
  while (g_output_stream_write_all (out, zeros, sizeof zeros, &written, NULL, NULL))
    ;
}

static void
wait_for_close (GInputStream *in)
{
  char buffer[4096];

  while (g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL) > 0)
    ;
}

static gboolean
on_run (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source,
        gpointer                user_data)
{
  SocketServer *server = user_data;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  char request[4096];
  g_autofree char *head = NULL;

  /* the request's head; its body does not matter */
  g_input_stream_read (in, request, sizeof request, NULL, NULL);

  switch (server->mode)
    {
    case SOCKET_SILENT:
      wait_for_close (in);
      break;
    case SOCKET_TRUNCATED:
      head = g_strdup ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n"
                       "ETag: \"truncated\"\r\n\r\n{ \"format\" : 2, \"title\" : \"cut");
      g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      break;
    case SOCKET_HUGE:
      head = g_strdup ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 524288000\r\n\r\n");
      g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
      wait_for_close (in);
      break;
    case SOCKET_ENDLESS:
      head = g_strdup ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
      g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
      write_endless (out);
      break;
    case SOCKET_SLOW:
      g_usleep (700 * 1000);
      head = g_strdup ("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static SocketServer *
socket_server_new (SocketMode mode)
{
  SocketServer *server = g_new0 (SocketServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  server->mode = mode;
  server->service = g_threaded_socket_service_new (4);
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (server->service, "run", G_CALLBACK (on_run), server);
  g_socket_service_start (server->service);
  return server;
}

static void
socket_server_free (SocketServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_clear_object (&server->service);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SocketServer, socket_server_free)

static char *
socket_url (SocketServer *server)
{
  return g_strdup_printf ("http://127.0.0.1:%u/dav/tour.mtour", server->port);
}

static void
test_never_answers (void)
{
  g_autoptr(SocketServer) server = socket_server_new (SOCKET_SILENT);
  g_autofree char *url = socket_url (server);
  g_autoptr(Local) local = local_new ();
  g_autoptr(GError) error = sync_error (local, url, 1, 0);

  g_assert_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

static void
test_truncated (void)
{
  g_autoptr(SocketServer) server = socket_server_new (SOCKET_TRUNCATED);
  g_autofree char *url = socket_url (server);
  g_autoptr(Local) local = local_new ();
  g_autoptr(GError) error = sync_error (local, url, 5, 0);

  g_assert_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_BAD_BODY);
  g_assert_nonnull (strstr (error->message, "broke off"));
}

/* 500 MB announced: refused before a byte of it is read; without a length,
 * read up to the limit and no further */
static void
test_huge (void)
{
  g_autoptr(SocketServer) huge = socket_server_new (SOCKET_HUGE);
  g_autoptr(SocketServer) endless = socket_server_new (SOCKET_ENDLESS);
  g_autofree char *huge_url = socket_url (huge);
  g_autofree char *endless_url = socket_url (endless);
  g_autoptr(Local) local = local_new ();
  g_autoptr(GError) announced = sync_error (local, huge_url, 5, 0);
  g_autoptr(GError) streamed = sync_error (local, endless_url, 5, 4 * 1024 * 1024);

  g_assert_error (announced, MT_SYNC_ERROR, MT_SYNC_ERROR_BAD_BODY);
  g_assert_nonnull (strstr (announced->message, "larger than 256.0"));
  g_assert_error (streamed, MT_SYNC_ERROR, MT_SYNC_ERROR_BAD_BODY);
  g_assert_nonnull (strstr (streamed->message, "larger than 4.0"));
}

/* Each answer in time, all of them not: the deadline of the whole sync */
static void
test_deadline (void)
{
  g_autoptr(SocketServer) server = socket_server_new (SOCKET_SLOW);
  g_autofree char *url = socket_url (server);
  g_autoptr(Local) local = local_new ();
  g_autoptr(MtSync) sync = NULL;
  g_autoptr(MtSyncState) state = NULL;
  g_autoptr(MtSyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  sync = mt_sync_new (url, "lin", "lin-secret", &error);
  g_assert_no_error (error);
  mt_dav_client_set_timeout (mt_sync_get_client (sync), 5);
  mt_sync_set_deadline (sync, 1);
  state = mt_sync_state_load (local->file, &error);
  g_assert_no_error (error);
  result = test_sync (sync, local->tour, local->file, state, &error);
  g_assert_null (result);
  g_assert_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "within 1 second"));
  assert_local_intact (local);
}

/* The deadline passes while a large tour is being read: the sync says it
 * ran out of time, not that the tour is no tour */
typedef struct
{
  GBytes *tour;
} Slow;

static void
slow_tour_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Slow *slow = user_data;

  /* most of the second the sync has, then 15 MB to read */
  g_usleep (850 * 1000);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (slow->tour, NULL), g_bytes_get_size (slow->tour));
}

static void
test_deadline_while_reading (void)
{
  g_autoptr(MtTour) big = mt_tour_generate (10000, 5000, 20000, 3);
  Slow slow = { mt_tour_save_to_bytes (big) };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GSList) uris = NULL;
  g_autoptr(Local) local = local_new ();
  g_autoptr(MtSync) sync = NULL;
  g_autoptr(MtSyncState) state = NULL;
  g_autoptr(MtSyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  soup_server_add_handler (server, NULL, slow_tour_cb, &slow, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/dav/tour.mtour", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  sync = mt_sync_new (url, "lin", "lin-secret", &error);
  g_assert_no_error (error);
  mt_sync_set_deadline (sync, 1);
  state = mt_sync_state_load (local->file, &error);
  g_assert_no_error (error);
  result = test_sync (sync, local->tour, local->file, state, &error);
  g_assert_null (result);
  g_test_message ("%s", error->message);
  g_assert_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_TIMEOUT);
  assert_local_intact (local);
  g_bytes_unref (slow.tour);
}

/* A certificate nobody signed: an error that names the host */
static void
test_bad_certificate (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                         "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(Local) local = local_new ();
  g_autoptr(GError) failed = NULL;
  Answer answer = { 200, NULL, 0, 0 };
  g_autofree char *url = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, answer_cb, &answer, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://127.0.0.1:%d/dav/tour.mtour", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  failed = sync_error (local, url, 5, 0);
  g_assert_error (failed, MT_SYNC_ERROR, MT_SYNC_ERROR_TLS);
  g_assert_nonnull (strstr (failed->message, "127.0.0.1"));
  g_assert_cmpuint (answer.n_requests, ==, 0);
  test_remove_dir (dir);
}

/* A write the server asks credentials for (reads need none): libsoup sends
 * it again with them, and the body goes with it (libsoup drops it when it
 * restarts a message). */
typedef struct
{
  GBytes *stored;
  guint   n_puts;
} Store;

static void
store_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Store *store = user_data;
  const char *method = soup_server_message_get_method (msg);

  if (g_str_equal (method, "PUT"))
    {
      SoupMessageBody *body = soup_server_message_get_request_body (msg);

      store->n_puts++;
      g_clear_pointer (&store->stored, g_bytes_unref);
      store->stored = soup_message_body_flatten (body);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", "\"stored\"");
      soup_server_message_set_status (msg, SOUP_STATUS_CREATED, NULL);
      return;
    }
  if (g_str_equal (method, "MKCOL"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static gboolean
accept_lin (SoupAuthDomain    *domain,
            SoupServerMessage *msg,
            const char        *user,
            const char        *password,
            gpointer           user_data)
{
  return g_str_equal (user, "lin") && g_str_equal (password, "lin-secret");
}

static gboolean
only_writes (SoupAuthDomain    *domain,
             SoupServerMessage *msg,
             gpointer           user_data)
{
  return g_str_equal (soup_server_message_get_method (msg), "PUT");
}

static void
test_restarted_write (void)
{
  Store store = { NULL, 0 };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(Local) local = local_new ();
  g_autoptr(MtSync) sync = NULL;
  g_autoptr(MtSyncState) state = NULL;
  g_autoptr(MtSyncResult) result = NULL;
  g_autoptr(GBytes) sent = NULL;
  g_autofree char *url = NULL;

  g_autoptr(SoupAuthDomain) domain = soup_auth_domain_basic_new ("realm", "Media tours",
                                                                  "auth-callback", accept_lin, NULL);

  soup_auth_domain_add_path (domain, "/");
  soup_auth_domain_set_filter (domain, only_writes, NULL, NULL);
  soup_server_add_auth_domain (server, domain);
  soup_server_add_handler (server, NULL, store_cb, &store, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/dav/tour.mtour", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  sync = mt_sync_new (url, "lin", "lin-secret", &error);
  g_assert_no_error (error);
  mt_sync_set_publish_feeds (sync, FALSE);
  state = mt_sync_state_load (local->file, &error);
  g_assert_no_error (error);
  result = test_sync (sync, local->tour, local->file, state, &error);
  g_assert_no_error (error);
  g_assert_true (result->written);

  sent = mt_tour_save_to_bytes (local->tour);
  g_assert_cmpuint (store.n_puts, ==, 1);
  g_assert_nonnull (store.stored);
  g_assert_true (g_bytes_equal (store.stored, sent));
  g_bytes_unref (store.stored);
}

/* A server that only stores calendars is refused, by its name */
static void
refuse_files_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Server", "Radicale/3.1.8");
  if (g_str_equal (soup_server_message_get_method (msg), "PUT"))
    soup_server_message_set_status (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, NULL);
  else
    soup_server_message_set_status (msg, SOUP_STATUS_CREATED, NULL);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_calendar_server (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(MtDavClient) client = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(MtServerCheck) check = NULL;
  g_autofree char *url = NULL;

  soup_server_add_handler (server, NULL, refuse_files_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/dav/", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  client = mt_dav_client_new (url, "lin", "lin-secret", &error);
  g_assert_no_error (error);
  mt_server_check_async (client, NULL, on_checked, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  check = mt_server_check_finish (client, done, &error);
  g_assert_no_error (error);
  g_assert_false (check->accepted);
  g_assert_nonnull (strstr (check->message, "Radicale/3.1.8"));
  g_assert_nonnull (strstr (check->message, "does not store plain files"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/faults/error-statuses", test_error_statuses);
  g_test_add_func ("/sync/faults/not-a-tour", test_not_a_tour);
  g_test_add_func ("/sync/faults/wrong-password", test_wrong_password);
  g_test_add_func ("/sync/faults/never-answers", test_never_answers);
  g_test_add_func ("/sync/faults/deadline", test_deadline);
  g_test_add_func ("/sync/faults/deadline-while-reading", test_deadline_while_reading);
  g_test_add_func ("/sync/faults/truncated", test_truncated);
  g_test_add_func ("/sync/faults/huge", test_huge);
  g_test_add_func ("/sync/faults/bad-certificate", test_bad_certificate);
  g_test_add_func ("/sync/faults/restarted-write", test_restarted_write);
  g_test_add_func ("/sync/faults/calendar-server", test_calendar_server);

  return g_test_run ();
}
