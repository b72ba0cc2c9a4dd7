/* mt-cli-write.c: mediatour-cli sample and generate, the commands that
 * write a new tour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mt-cli.h"

static int
write_tour (MtTour     *tour,
            const char *output)
{
  if (output == NULL)
    {
      mt_cli_error (_("say where to write the tour with -o FILE (- for standard output)"));
      return MT_CLI_USAGE;
    }
  return mt_cli_save (tour, output) ? MT_CLI_OK : MT_CLI_USAGE;
}

int
mt_cli_sample (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the tour to FILE"), N_("FILE") },
    { NULL }
  };
  int status;

  context = g_option_context_new (_("— write the built-in sample tour"));
  g_option_context_set_summary (context,
                                _("Writes the 2024 Guangdong media tour that the program "
                                  "opens on first start."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 1)
    {
      mt_cli_error (_("sample takes no file argument; use -o FILE"));
      return MT_CLI_USAGE;
    }

  tour = mt_tour_new_sample ();
  return write_tour (tour, output);
}

static gboolean
parse_count (const char *name,
             const char *text,
             guint       maximum,
             guint      *out)
{
  guint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, maximum, &value, NULL))
    {
      mt_cli_error (_("--%s: “%s” is not a whole number from 0 to %u"), name, text, maximum);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

int
mt_cli_generate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autofree char *output = NULL;
  g_autofree char *visits_text = NULL, *delegates_text = NULL;
  g_autofree char *interviews_text = NULL, *seed_text = NULL;
  guint n_visits = 200, n_delegates = 100, n_interviews = 400, seed = 1;
  const GOptionEntry entries[] = {
    { "visits", 0, 0, G_OPTION_ARG_STRING, &visits_text, N_("About N visits (200)"), N_("N") },
    { "delegates", 0, 0, G_OPTION_ARG_STRING, &delegates_text, N_("N delegates (100)"), N_("N") },
    { "interviews", 0, 0, G_OPTION_ARG_STRING, &interviews_text, N_("N interviews (400)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, N_("The random seed: the same seed gives the same tour (1)"), N_("S") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the tour to FILE"), N_("FILE") },
    { NULL }
  };
  int status;

  context = g_option_context_new (_("— write a synthetic tour"));
  g_option_context_set_summary (context,
                                _("Writes a deterministic, realistic tour of the given size "
                                  "for tests and benchmarks."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 1)
    {
      mt_cli_error (_("generate takes no file argument; use -o FILE"));
      return MT_CLI_USAGE;
    }
  if (!parse_count ("visits", visits_text, 10000000, &n_visits) ||
      !parse_count ("delegates", delegates_text, 10000000, &n_delegates) ||
      !parse_count ("interviews", interviews_text, 10000000, &n_interviews) ||
      !parse_count ("seed", seed_text, G_MAXUINT32, &seed))
    return MT_CLI_USAGE;

  tour = mt_tour_generate (n_visits, n_delegates, n_interviews, seed);
  return write_tour (tour, output);
}
