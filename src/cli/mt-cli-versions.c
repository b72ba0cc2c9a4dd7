/* mt-cli-versions.c: mediatour-cli issue, versions and digest: the plan
 * as the delegates were sent it, and what changed for each since
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mt-cli.h"
#include "mt-digest.h"
#include "mt-language.h"

int
mt_cli_issue (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autofree char *note = NULL, *output = NULL, *label = NULL, *sent = NULL;
  g_autoptr(MtSnapshot) snapshot = NULL;
  MtVersion *version;
  const GOptionEntry entries[] = {
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("What the version says to those who read the list of versions"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the tour to OUT instead of back to FILE"), N_("OUT") },
    { NULL }
  };
  int status;

  context = g_option_context_new (_("FILE — mark the plan as issued to the delegates"));
  g_option_context_set_summary (context,
                                _("Records the plan as it is now as a new version sent to every delegate, "
                                  "so that later digests can tell each of them what changed since. Run "
                                  "“mediatour-cli digest” before it to write what changed since their last copy."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 2)
    {
      mt_cli_error (_("issue takes one tour file"));
      return MT_CLI_USAGE;
    }

  tour = mt_cli_load (argv[1], NULL);
  if (tour == NULL)
    return MT_CLI_USAGE;
  version = mt_tour_issue_version (tour, note);
  if (!mt_cli_save (tour, output ? output : argv[1]))
    return MT_CLI_USAGE;

  label = mt_tour_dup_version_label (tour, version);
  sent = mt_tour_format_version_issued (tour, version);
  snapshot = mt_version_dup_snapshot (version);
  /* Translators: "Version 3", when it was sent, how many delegates it went to */
  printf (g_dngettext (GETTEXT_PACKAGE, "Issued %s, sent %s, to %u delegate\n",
                       "Issued %s, sent %s, to %u delegates\n", mt_snapshot_get_n_recipients (snapshot)),
          label, sent, mt_snapshot_get_n_recipients (snapshot));
  return MT_CLI_OK;
}

int
mt_cli_versions (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MtTour) tour = NULL;
  GListModel *versions;
  int status;

  context = g_option_context_new (_("FILE — list the versions issued to the delegates"));
  g_option_context_set_summary (context,
                                _("Lists each version of the plan sent to the delegates: its number, when "
                                  "it was sent, who issued it, to how many delegates, its note and its id."));
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 2)
    {
      mt_cli_error (_("versions takes one tour file"));
      return MT_CLI_USAGE;
    }

  tour = mt_cli_load (argv[1], NULL);
  if (tour == NULL)
    return MT_CLI_USAGE;

  versions = mt_tour_get_versions (tour);
  if (g_list_model_get_n_items (versions) == 0)
    printf ("%s\n", _("No version of the plan has been issued yet."));
  for (guint i = 0, n = g_list_model_get_n_items (versions); i < n; i++)
    {
      g_autoptr(MtVersion) version = g_list_model_get_item (versions, i);
      g_autoptr(MtSnapshot) snapshot = mt_version_dup_snapshot (version);
      g_autofree char *label = mt_tour_dup_version_label (tour, version);
      g_autofree char *sent = mt_tour_format_version_issued (tour, version);
      const char *replica = mt_version_get_stamp (version)->replica;
      const char *by = mt_tour_get_replica_name (tour, replica);
      guint n_recipients = mt_snapshot_get_n_recipients (snapshot);

      /* Translators: "Version 3", when it was sent, who issued it, how many delegates it went to */
      printf (g_dngettext (GETTEXT_PACKAGE, "%s  sent %s by %s to %u delegate", "%s  sent %s by %s to %u delegates",
                           n_recipients),
              label, sent, by != NULL ? by : replica, n_recipients);
      if (mt_version_get_note (version) != NULL)
        printf ("  “%s”", mt_version_get_note (version));
      printf ("  %s\n", mt_version_get_id (version));
    }
  return MT_CLI_OK;
}

/* One delegate's digest on standard output, in their language */
static int
print_digest (MtDigest *digest)
{
  g_autoptr(MtLanguageScope) scope = mt_language_enter (mt_language_of_delegate (mt_digest_get_delegate (digest)));
  g_autofree char *text = mt_digest_format_text (digest);

  fputs (text, stdout);
  return MT_CLI_OK;
}

int
mt_cli_digest (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GPtrArray) digests = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *delegate = NULL, *since_name = NULL, *output = NULL;
  MtVersion *since = NULL;
  gboolean all = FALSE;
  guint with_changes = 0;
  int written, status;
  const GOptionEntry entries[] = {
    { "delegate", 'd', 0, G_OPTION_ARG_STRING, &delegate, N_("Only this delegate (id or name), written whether or not anything changed for them"), N_("DELEGATE") },
    { "since", 's', 0, G_OPTION_ARG_STRING, &since_name, N_("Compare with this version (its number or id), not with each delegate’s last copy"), N_("VERSION") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Write a digest for every delegate, also those for whom nothing changed"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write into the folder DIR (- for one delegate’s digest on standard output)"), N_("DIR") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — write what changed for each delegate since their copy"));
  g_option_context_set_summary (context,
                                _("Compares each delegate’s schedule in the last version they were sent "
                                  "(see “mediatour-cli issue”) with the plan now, and writes what changed for "
                                  "them, in their language, as a text and an HTML message, with digests.csv "
                                  "listing who gets which. Delegates for whom nothing changed are left out."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 2)
    {
      mt_cli_error (_("digest takes one tour file"));
      return MT_CLI_USAGE;
    }
  if (output == NULL)
    {
      mt_cli_error (_("say where to write with -o DIR (- for standard output, with --delegate)"));
      return MT_CLI_USAGE;
    }
  if (g_strcmp0 (output, "-") == 0 && delegate == NULL)
    {
      mt_cli_error (_("standard output takes one delegate’s digest: give --delegate"));
      return MT_CLI_USAGE;
    }

  tour = mt_cli_load (argv[1], NULL);
  if (tour == NULL)
    return MT_CLI_USAGE;
  if (since_name != NULL && (since = mt_tour_find_version (tour, since_name, &error)) == NULL)
    {
      mt_cli_error ("%s", error->message);
      return MT_CLI_USAGE;
    }

  if (delegate != NULL)
    {
      MtEntity *entity = mt_cli_find_entity (tour, MT_ENTITY_DELEGATE, delegate);
      MtDigest *digest;

      if (entity == NULL)
        return MT_CLI_USAGE;
      digest = mt_digest_new (tour, mt_entity_get_id (entity), since, &error);
      if (digest == NULL)
        {
          mt_cli_error ("%s", error->message);
          return MT_CLI_USAGE;
        }
      digests = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_digest_free);
      g_ptr_array_add (digests, digest);
      if (g_strcmp0 (output, "-") == 0)
        return print_digest (digest);
      all = TRUE;
    }
  else
    digests = mt_digest_new_all (tour, since);

  folder = g_file_new_for_commandline_arg (output);
  written = mt_digest_write_batch (digests, folder, all, NULL, &error);
  if (written < 0)
    {
      mt_cli_error ("%s", error->message);
      return MT_CLI_USAGE;
    }
  for (guint i = 0; i < digests->len; i++)
    {
      MtDigest *digest = g_ptr_array_index (digests, i);

      with_changes += mt_digest_get_since (digest) == NULL || mt_digest_get_n_entries (digest) > 0;
    }
  /* Translators: how many delegates have changes, how many there are */
  printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u delegate has changes since their copy\n",
                       "%u of %u delegates have changes since their copy\n", digests->len),
          with_changes, digests->len);
  /* Translators: how many delegates' digests were written, and where */
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote the digest of %d delegate to %s\n",
                       "Wrote the digests of %d delegates to %s\n", written),
          written, output);
  return MT_CLI_OK;
}
