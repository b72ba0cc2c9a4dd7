/* mt-credentials.c: the passwords of the sync accounts, in the Secret
 * Service
 *
 * A password is stored under the server (scheme, host and port) and the
 * user, so one password serves every tour shared on that server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "mt-credentials.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.mediatour.Planner.WebDAV", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* "https://host:port": where the password is good */
static char *
server_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup_printf ("%s://%s", g_uri_get_scheme (uri), g_uri_get_host (uri));
}

static char *
label_for (const char *server,
           const char *user)
{
  /* Translators: the name of a stored password: “Media Tour Planner: lin on https://dav.example.org” */
  return g_strdup_printf (_("Media Tour Planner: %s on %s"), user, server);
}

void
mt_credentials_store_async (const char          *url,
                            const char          *user,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *server = server_of (url);
  g_autofree char *label = label_for (server, user);

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password, cancellable,
                         callback, user_data, "server", server, "user", user, NULL);
}

gboolean
mt_credentials_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  return secret_password_store_finish (result, error);
}

gboolean
mt_credentials_store_sync (const char  *url,
                           const char  *user,
                           const char  *password,
                           GError     **error)
{
  g_autofree char *server = server_of (url);
  g_autofree char *label = label_for (server, user);

  return secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL, error,
                                     "server", server, "user", user, NULL);
}

void
mt_credentials_lookup_async (const char          *url,
                             const char          *user,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *server = server_of (url);

  secret_password_lookup (get_schema (), cancellable, callback, user_data,
                          "server", server, "user", user, NULL);
}

char *
mt_credentials_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_autofree char *password = secret_password_lookup_finish (result, error);

  /* out of the non-pageable memory libsecret keeps it in */
  return g_strdup (password);
}

char *
mt_credentials_lookup_sync (const char  *url,
                            const char  *user,
                            GError     **error)
{
  g_autofree char *server = server_of (url);
  char *password = secret_password_lookup_sync (get_schema (), NULL, error,
                                                "server", server, "user", user, NULL);
  char *copy = g_strdup (password);

  secret_password_free (password);
  return copy;
}

void
mt_credentials_clear_async (const char          *url,
                            const char          *user,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *server = server_of (url);

  secret_password_clear (get_schema (), cancellable, callback, user_data,
                         "server", server, "user", user, NULL);
}

gboolean
mt_credentials_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* nothing stored is not an error */
  if (!secret_password_clear_finish (result, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
