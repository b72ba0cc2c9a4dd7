/* main.c: the mediatour program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mediatour"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mt-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MtApplication) app = NULL;

  setlocale (LC_ALL, "");
  mt_application_bind_text_domain ();

  app = mt_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
