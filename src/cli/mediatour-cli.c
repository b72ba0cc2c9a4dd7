/* mediatour-cli.c: the command line of Media Tour Planner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "mt-cli.h"

static const struct {
  const char   *name;
  MtCliCommand  run;
  const char   *summary;
} commands[] = {
  { "info", mt_cli_info, N_("Show a tour's title, dates, counts and cities per day") },
  { "check", mt_cli_check, N_("List a tour's problems") },
  { "sample", mt_cli_sample, N_("Write the built-in Guangdong sample tour") },
  { "generate", mt_cli_generate, N_("Write a synthetic tour for tests and benchmarks") },
  { "export", mt_cli_export, N_("Write a tour's schedule as iCalendar, CSV or PDF") },
  { "import", mt_cli_import, N_("Read a calendar's events or a delegate roster into a tour") },
  { "sync", mt_cli_sync, N_("Share a tour through a WebDAV server with other organisers") },
  { "check-server", mt_cli_check_server, N_("Check that a WebDAV server can share a tour safely") },
  { "issue", mt_cli_issue, N_("Mark the plan as issued to the delegates: a version they were sent") },
  { "versions", mt_cli_versions, N_("List the versions of the plan issued to the delegates") },
  { "digest", mt_cli_digest, N_("Write for each delegate what changed since their copy of the plan") },
};

void
mt_cli_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* one line each, whatever the message holds */
  g_strdelimit (message, "\n", ' ');
  fprintf (stderr, "mediatour-cli: %s\n", message);
}

int
mt_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      mt_cli_error ("%s", error->message);
      return MT_CLI_USAGE;
    }
  return MT_CLI_OK;
}

MtTour *
mt_cli_load (const char  *path,
             GPtrArray  **warnings)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  MtTour *tour;

  tour = mt_tour_load_file (file, warnings, NULL, &error);
  if (tour == NULL)
    mt_cli_error ("%s", error->message);
  return tour;
}

gboolean
mt_cli_save (MtTour     *tour,
             const char *path)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GBytes) bytes = mt_tour_save_to_bytes (tour);

      return mt_cli_write_stdout (bytes);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      if (!mt_tour_save_file (tour, file, NULL, &error))
        {
          mt_cli_error ("%s", error->message);
          return FALSE;
        }
      return TRUE;
    }
}

/* every byte, or an error that says why (a full disk shows at the flush) */
gboolean
mt_cli_write_stdout (GBytes *bytes)
{
  gsize size = g_bytes_get_size (bytes);

  if (fwrite (g_bytes_get_data (bytes, NULL), 1, size, stdout) != size || fflush (stdout) != 0)
    {
      int errsv = errno;

      mt_cli_error (_("standard output: could not be written: %s"), g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  mediatour-cli %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…] FILE"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-13s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “mediatour-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* stdout is for what a command prints; debug messages go with errors */
  g_log_writer_default_set_use_stderr (TRUE);
  /* MT_LOCALEDIR: the catalogues of a build folder, as the tests and
   * build-aux/run-app.sh use them */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MT_LOCALEDIR") ? g_getenv ("MT_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return MT_CLI_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return MT_CLI_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("mediatour-cli %s\n", PACKAGE_VERSION);
      return MT_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  mt_cli_error (_("“%s” is not a command; run “mediatour-cli --help” for the list"), argv[1]);
  return MT_CLI_USAGE;
}
