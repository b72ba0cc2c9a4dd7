/* mt-cli-sync.c: mediatour-cli sync, mediatour-cli check-server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "mt-cli.h"
#include "mt-credentials.h"
#include "mt-server-check.h"
#include "mt-sync.h"

/* The password: from MEDIATOUR_PASSWORD, the Secret Service, or a prompt
 * on a terminal, in that order */
static char *
find_password (const char *url,
               const char *user)
{
  g_autoptr(GError) error = NULL;
  char *password;
  char line[1024];
  struct termios saved, quiet;
  gboolean echo_off;

  if (g_getenv ("MEDIATOUR_PASSWORD") != NULL)
    return g_strdup (g_getenv ("MEDIATOUR_PASSWORD"));

  password = mt_credentials_lookup_sync (url, user, &error);
  if (password != NULL)
    return password;
  if (error != NULL)
    g_debug ("No password from the Secret Service: %s", error->message);

  if (!isatty (STDIN_FILENO))
    return NULL;

  /* Translators: a prompt on the terminal; %s is a user name, then a server */
  fprintf (stderr, _("Password for %s at %s: "), user, url);
  fflush (stderr);
  echo_off = tcgetattr (STDIN_FILENO, &saved) == 0;
  if (echo_off)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  password = fgets (line, sizeof line, stdin) != NULL ? g_strdup (g_strchomp (line)) : NULL;
  if (echo_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  fputc ('\n', stderr);
  memset (line, 0, sizeof line);
  return password;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static const char *
who (MtTour     *tour,
     const char *replica)
{
  const char *name = tour != NULL && replica != NULL ? mt_tour_get_replica_name (tour, replica) : NULL;

  return name != NULL ? name : _("another organiser");
}

static char *
value_text (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup (_("(empty)"));
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup_printf ("“%s”", json_node_get_string (value));
  return json_to_string (value, FALSE);
}

static const char *
item_name (const char *name)
{
  return name != NULL && name[0] != '\0' ? name : _("(unnamed)");
}

static void
print_change (MtTour        *tour,
              MtMergeChange *change)
{
  const char *name = item_name (change->name);
  const char *by = who (tour, change->replica);

  switch (change->kind)
    {
    case MT_MERGE_ADDED:
      /* Translators: what a sync brought in: who, then an item's name */
      printf (_("in: %s added “%s”\n"), by, name);
      break;
    case MT_MERGE_DELETED:
      printf (_("in: %s deleted “%s”\n"), by, name);
      break;
    case MT_MERGE_KEPT:
      printf (_("in: “%s” was deleted on one copy and edited on another: it is kept\n"), name);
      break;
    case MT_MERGE_CLAMPED:
      printf (_("in: the clock of %s is more than a day ahead; its changes are dated now\n"), by);
      break;
    case MT_MERGE_CHANGED:
    default:
      {
        g_autofree char *old_text = value_text (change->old_value);
        g_autofree char *new_text = value_text (change->new_value);

        /* Translators: who, an item, a field, the old and the new value */
        printf (_("in: %s changed “%s” %s: %s → %s\n"), by, name, change->field, old_text, new_text);
      }
      break;
    }
}

static void
print_result (MtSyncResult *result,
              MtSyncState  *state)
{
  if (result->fetched)
    /* Translators: %s is the tour's title */
    printf (_("Fetched “%s” from the server\n"), item_name (mt_tour_get_title (result->tour)));
  if (result->report != NULL)
    {
      for (guint i = 0; i < result->report->incoming->len; i++)
        print_change (result->tour, g_ptr_array_index (result->report->incoming, i));
      for (guint i = 0; i < result->report->conflicts->len; i++)
        {
          MtConflict *conflict = g_ptr_array_index (result->report->conflicts, i);
          g_autofree char *kept = value_text (conflict->kept_value);
          g_autofree char *lost = value_text (conflict->lost_value);

          /* Translators: an item, a field, the value kept and who made it, the one that lost and who made it */
          printf (_("conflict: “%s” %s: kept %s (%s), not %s (%s)\n"), item_name (conflict->name),
                  conflict->field, kept, who (result->tour, conflict->kept_replica),
                  lost, who (result->tour, conflict->lost_replica));
        }
      if (result->written && !result->created)
        printf (g_dngettext (GETTEXT_PACKAGE, "out: %u change\n", "out: %u changes\n",
                             result->report->n_outgoing), result->report->n_outgoing);
    }
  if (result->created)
    printf (_("Created the tour on the server\n"));
  if (result->n_feeds_written > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "Published %u calendar feed\n", "Published %u calendar feeds\n",
                         result->n_feeds_written), result->n_feeds_written);
  for (guint i = 0; i < result->warnings->len; i++)
    mt_cli_error ("%s", (char *) g_ptr_array_index (result->warnings, i));
  if (!result->written && !result->fetched &&
      (result->report == NULL || result->report->incoming->len == 0))
    printf (_("Up to date\n"));
}

int
mt_cli_sync (int    argc,
             char **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  int timeout = 0;
  gboolean no_feeds = FALSE;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The tour on the server"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("The user name on the server"), N_("USER") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Seconds to wait for each answer (30)"), N_("SECONDS") },
    { "no-feeds", 0, 0, G_OPTION_ARG_NONE, &no_feeds, N_("Do not publish the calendar feeds"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(MtSync) sync = NULL;
  g_autoptr(MtSyncState) state = NULL;
  g_autoptr(MtSyncResult) result = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context, _("Shares the tour in FILE through a WebDAV server: merges what other "
                                           "organisers changed into FILE and sends what FILE has that the server "
                                           "lacks. A FILE that does not exist yet is fetched from the server. The "
                                           "password comes from MEDIATOUR_PASSWORD, the Secret Service, or a prompt."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 2 || url == NULL || user == NULL)
    {
      mt_cli_error (_("sync takes one FILE, --url and --user; see “mediatour-cli sync --help”"));
      return MT_CLI_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (g_file_query_exists (file, NULL))
    {
      tour = mt_cli_load (argv[1], NULL);
      if (tour == NULL)
        return MT_CLI_USAGE;
    }
  state = mt_sync_state_load (file, &error);
  if (state == NULL)
    {
      mt_cli_error ("%s", error->message);
      return MT_CLI_USAGE;
    }
  if (tour != NULL)
    mt_sync_state_apply_to (state, tour);

  password = find_password (url, user);
  sync = mt_sync_new (url, user, password, &error);
  if (sync == NULL)
    {
      mt_cli_error ("%s", error->message);
      return MT_CLI_USAGE;
    }
  if (timeout > 0)
    mt_dav_client_set_timeout (mt_sync_get_client (sync), (guint) timeout);
  mt_sync_set_publish_feeds (sync, !no_feeds);

  mt_sync_run_async (sync, tour, file, state, NULL, on_done, &done);
  result = mt_sync_run_finish (sync, wait_for (&done), &error);
  if (result == NULL)
    {
      mt_cli_error ("%s", error->message);
      return MT_CLI_USAGE;
    }
  print_result (result, state);
  return MT_CLI_OK;
}

int
mt_cli_check_server (int    argc,
                     char **argv)
{
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  const GOptionEntry entries[] = {
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("The user name on the server"), N_("USER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("URL"));
  g_autoptr(MtDavClient) client = NULL;
  g_autoptr(MtServerCheck) check = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_summary (context, _("Checks that the WebDAV folder at URL can share a tour without losing "
                                           "edits: that it refuses writes made against a version it no longer "
                                           "holds. Exit status 1 where it does not."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 2 || user == NULL)
    {
      mt_cli_error (_("check-server takes one URL and --user; see “mediatour-cli check-server --help”"));
      return MT_CLI_USAGE;
    }

  password = find_password (argv[1], user);
  client = mt_dav_client_new (argv[1], user, password, &error);
  if (client == NULL)
    {
      mt_cli_error ("%s", error->message);
      return MT_CLI_USAGE;
    }
  mt_server_check_async (client, NULL, on_done, &done);
  check = mt_server_check_finish (client, wait_for (&done), &error);
  if (check == NULL)
    {
      mt_cli_error ("%s", error->message);
      return MT_CLI_USAGE;
    }
  printf ("%s %s\n", check->accepted ? _("Accepted:") : _("Refused:"), check->message);
  return check->accepted ? MT_CLI_OK : MT_CLI_PROBLEMS;
}
