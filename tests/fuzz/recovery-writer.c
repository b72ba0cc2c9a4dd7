/* recovery-writer.c: the window's autosave, writing as fast as it can until
 * it is killed (kill-saves.sh kills it at random moments)
 *
 *   recovery-writer N_VISITS
 *
 * Writes into $XDG_DATA_HOME/mediatour/recovery/ through MtRecovery, as the
 * window does after each edit: edit the tour's title ("Edit 1", "Edit 2",
 * …), flush. Prints each edit's number once it is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "mt-model.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(MtRecovery) recovery = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: recovery-writer N_VISITS\n");
      return 2;
    }
  tour = mt_tour_generate ((guint) atoi (argv[1]), 100, 400, 1);
  recovery = mt_recovery_new (tour, NULL);
  mt_recovery_set_delay (recovery, 1);

  for (guint edit = 1;; edit++)
    {
      g_autofree char *title = g_strdup_printf ("Edit %u", edit);
      g_autoptr(GError) error = NULL;

      mt_tour_set_title (tour, title);
      if (!mt_recovery_flush (recovery, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("%u\n", edit);
      fflush (stdout);
    }
}
