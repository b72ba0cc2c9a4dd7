/* mt-cli-check.c: mediatour-cli check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mt-cli.h"

int
mt_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  int status;

  context = g_option_context_new (_("FILE — list a tour’s problems"));
  g_option_context_set_summary (context,
                                _("Prints each problem of the tour on a line of its own. "
                                  "Exits with 1 where there are problems, 2 where the file "
                                  "cannot be read."));
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 2)
    {
      mt_cli_error (_("check takes one tour file"));
      return MT_CLI_USAGE;
    }

  tour = mt_cli_load (argv[1], &warnings);
  if (tour == NULL)
    return MT_CLI_USAGE;

  for (guint i = 0; i < warnings->len; i++)
    printf ("%s: %s: %s\n", argv[1], _("error"), (char *) g_ptr_array_index (warnings, i));

  if (warnings->len > 0)
    return MT_CLI_PROBLEMS;

  printf ("%s\n", _("No problems found"));
  return MT_CLI_OK;
}
