/* mt-cli.h: the subcommands of mediatour-cli
 *
 * Each takes the arguments after its name (argv[0] is the subcommand) and
 * returns the exit status: MT_CLI_OK, MT_CLI_PROBLEMS where the tour has
 * problems, MT_CLI_USAGE for bad input or usage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-model.h"

G_BEGIN_DECLS

enum {
  MT_CLI_OK = 0,
  MT_CLI_PROBLEMS = 1,
  MT_CLI_USAGE = 2,
};

typedef int (*MtCliCommand) (int argc, char **argv);

int     mt_cli_info       (int argc, char **argv);
int     mt_cli_check      (int argc, char **argv);
int     mt_cli_sample     (int argc, char **argv);
int     mt_cli_generate   (int argc, char **argv);
int     mt_cli_export     (int argc, char **argv);
int     mt_cli_import     (int argc, char **argv);
int     mt_cli_sync       (int argc, char **argv);
int     mt_cli_check_server (int argc, char **argv);
int     mt_cli_issue      (int argc, char **argv);
int     mt_cli_versions   (int argc, char **argv);
int     mt_cli_digest     (int argc, char **argv);

/* Shared by the subcommands */
void    mt_cli_error      (const char    *format,
                           ...) G_GNUC_PRINTF (1, 2);
int     mt_cli_parse      (GOptionContext *context,
                           int           *argc,
                           char        ***argv);
MtTour *mt_cli_load       (const char    *path,
                           GPtrArray    **warnings);
gboolean mt_cli_save      (MtTour        *tour,
                           const char    *path);
gboolean mt_cli_write_stdout (GBytes     *bytes);
/* An entity of @kind named by its id or, where no id matches, by its
 * exact name (case aside), which must name one only; NULL, with the
 * error printed, where none or several do */
MtEntity *mt_cli_find_entity (MtTour      *tour,
                           MtEntityKind   kind,
                           const char    *wanted);

G_END_DECLS
