/* mt-credentials.h: the passwords of the sync accounts, in the Secret
 * Service (GNOME Keyring, KWallet; inside Flatpak, the secret portal),
 * never in the tour, the sync state, the settings or a log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      mt_credentials_store_async   (const char          *url,
                                        const char          *user,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  mt_credentials_store_finish  (GAsyncResult        *result,
                                        GError             **error);
void      mt_credentials_lookup_async  (const char          *url,
                                        const char          *user,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* the password, or NULL (without an error) where none is stored */
char     *mt_credentials_lookup_finish (GAsyncResult        *result,
                                        GError             **error);
/* for the command line, which may wait */
char     *mt_credentials_lookup_sync   (const char          *url,
                                        const char          *user,
                                        GError             **error);
gboolean  mt_credentials_store_sync    (const char          *url,
                                        const char          *user,
                                        const char          *password,
                                        GError             **error);
void      mt_credentials_clear_async   (const char          *url,
                                        const char          *user,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  mt_credentials_clear_finish  (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
