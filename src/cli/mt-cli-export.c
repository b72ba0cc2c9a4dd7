/* mt-cli-export.c: mediatour-cli export and import, the schedule in and out
 * as iCalendar, CSV and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mt-cli.h"
#include "mt-csv.h"
#include "mt-ical.h"
#include "mt-print.h"

typedef enum
{
  FORMAT_NONE,
  FORMAT_ICS,
  FORMAT_CSV,
  FORMAT_PDF,
} Format;

static Format
parse_format (const char *name)
{
  if (name == NULL)
    return FORMAT_NONE;
  if (g_ascii_strcasecmp (name, "ics") == 0 || g_ascii_strcasecmp (name, "ical") == 0)
    return FORMAT_ICS;
  if (g_ascii_strcasecmp (name, "csv") == 0)
    return FORMAT_CSV;
  if (g_ascii_strcasecmp (name, "pdf") == 0)
    return FORMAT_PDF;
  return FORMAT_NONE;
}

static Format
format_of_file (const char *path)
{
  const char *dot = path ? strrchr (path, '.') : NULL;

  return dot ? parse_format (dot + 1) : FORMAT_NONE;
}

MtEntity *
mt_cli_find_entity (MtTour       *tour,
                    MtEntityKind  kind,
                    const char   *wanted)
{
  GListModel *model = mt_tour_get_entities (tour, kind);
  g_autofree char *folded = g_utf8_casefold (wanted, -1);
  MtEntity *found = mt_tour_lookup_kind (tour, kind, wanted);
  guint n_found = 0;

  if (found != NULL)
    return found;

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);
      const char *name = mt_entity_get_display_name (entity);
      g_autofree char *candidate = name ? g_utf8_casefold (name, -1) : NULL;

      if (g_strcmp0 (candidate, folded) == 0)
        {
          found = entity;
          n_found++;
        }
    }

  if (n_found == 1)
    return found;
  if (n_found > 1)
    mt_cli_error (_("%u items are called “%s”; give the id instead"), n_found, wanted);
  else if (kind == MT_ENTITY_GROUP)
    mt_cli_error (_("the tour has no group “%s”"), wanted);
  else
    mt_cli_error (_("the tour has no delegate “%s”"), wanted);
  return NULL;
}

/* The id of the item @wanted names (an id or a name), in @id; %TRUE and
 * nothing set where @wanted is %NULL, %FALSE (said on standard error)
 * where it names none */
static gboolean
find_id (MtTour        *tour,
         MtEntityKind   kind,
         const char    *wanted,
         const char   **id)
{
  MtEntity *entity;

  if (wanted == NULL)
    return TRUE;
  entity = mt_cli_find_entity (tour, kind, wanted);
  if (entity == NULL)
    return FALSE;
  *id = mt_entity_get_id (entity);
  return TRUE;
}

static gboolean
write_bytes (GBytes     *bytes,
             const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (g_strcmp0 (output, "-") == 0)
    return mt_cli_write_stdout (bytes);

  /* a new file or the old one whole, never half of one */
  file = g_file_new_for_commandline_arg (output);
  if (!mt_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), -1,
                                 NULL, &error))
    {
      mt_cli_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

int
mt_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *format_name = NULL, *group = NULL, *delegate = NULL;
  g_autofree char *paper_name = NULL, *output = NULL;
  g_autofree char *audience = NULL, *language = NULL, *since = NULL;
  gboolean roster = FALSE, digest = FALSE;
  const char *group_id = NULL, *delegate_id = NULL;
  MtPaper paper = MT_PAPER_A4;
  MtPrintOptions print = { MT_PRINT_FOR_DELEGATES, NULL, FALSE, NULL };
  Format format;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("ics, csv or pdf (by default, from OUT’s extension)"), N_("FORMAT") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group, N_("Only the schedule of this group (id or name)"), N_("GROUP") },
    { "delegate", 'd', 0, G_OPTION_ARG_STRING, &delegate, N_("Only this delegate’s schedule: their group’s visits and their interviews"), N_("DELEGATE") },
    { "roster", 'r', 0, G_OPTION_ARG_NONE, &roster, N_("Write the delegate roster instead of the schedule (csv)"), NULL },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 or letter (pdf; a4 by default)"), N_("PAPER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT (- for standard output)"), N_("OUT") },
    { "for", 0, 0, G_OPTION_ARG_STRING, &audience, N_("delegates, or organisers for the travel estimates too (pdf; delegates by default)"), N_("WHOM") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language, N_("en or zh_CN (pdf; by default a delegate’s own, else the session’s)"), N_("LANGUAGE") },
    { "digest", 0, 0, G_OPTION_ARG_NONE, &digest, N_("Open a delegate’s itinerary with what changed since their copy (pdf)"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("With --digest: since this version, not the delegate’s last copy"), N_("VERSION") },
    { NULL }
  };
  int status;

  context = g_option_context_new (_("FILE — write a tour’s schedule as iCalendar, CSV or PDF"));
  g_option_context_set_summary (context,
                                _("Writes the whole tour, one group’s or one delegate’s schedule as an "
                                  "iCalendar file for phones, a CSV table for spreadsheets or a printed "
                                  "itinerary, one page or more a day."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 2)
    {
      mt_cli_error (_("export takes one tour file"));
      return MT_CLI_USAGE;
    }
  if (output == NULL)
    {
      mt_cli_error (_("say where to write with -o OUT (- for standard output)"));
      return MT_CLI_USAGE;
    }
  format = format_name ? parse_format (format_name) : format_of_file (output);
  if (format == FORMAT_NONE)
    {
      mt_cli_error (format_name ? _("“%s” is not a format: use ics, csv or pdf")
                                : _("give the format with --format ics, csv or pdf"), format_name);
      return MT_CLI_USAGE;
    }
  if (group != NULL && delegate != NULL)
    {
      mt_cli_error (_("give --group or --delegate, not both"));
      return MT_CLI_USAGE;
    }
  if (paper_name != NULL && !mt_paper_from_string (paper_name, &paper))
    {
      mt_cli_error (_("“%s” is not a paper size: use a4 or letter"), paper_name);
      return MT_CLI_USAGE;
    }
  if (roster && format != FORMAT_CSV)
    {
      mt_cli_error (_("--roster is for --format csv"));
      return MT_CLI_USAGE;
    }
  if (format == FORMAT_PDF && g_strcmp0 (output, "-") == 0)
    {
      mt_cli_error (_("a PDF is written to a file, not to standard output"));
      return MT_CLI_USAGE;
    }
  if ((audience != NULL || language != NULL || digest || since != NULL) && format != FORMAT_PDF)
    {
      mt_cli_error (_("--for, --language, --digest and --since are for --format pdf"));
      return MT_CLI_USAGE;
    }
  if (audience != NULL && !g_str_equal (audience, "delegates") && !g_str_equal (audience, "organisers"))
    {
      mt_cli_error (_("“%s” is not whom a printout is for: use delegates or organisers"), audience);
      return MT_CLI_USAGE;
    }
  if (language != NULL && !g_str_equal (language, "en") && !g_str_equal (language, "zh_CN"))
    {
      mt_cli_error (_("“%s” is not a language of the printouts: use en or zh_CN"), language);
      return MT_CLI_USAGE;
    }
  if ((digest || since != NULL) && delegate == NULL)
    {
      mt_cli_error (_("--digest and --since are for one delegate’s itinerary: give --delegate"));
      return MT_CLI_USAGE;
    }

  tour = mt_cli_load (argv[1], NULL);
  if (tour == NULL)
    return MT_CLI_USAGE;

  if (!find_id (tour, MT_ENTITY_GROUP, group, &group_id) ||
      !find_id (tour, MT_ENTITY_DELEGATE, delegate, &delegate_id))
    return MT_CLI_USAGE;

  switch (format)
    {
    case FORMAT_ICS:
      bytes = mt_ical_export_to_bytes (tour, group_id, delegate_id, &error);
      break;
    case FORMAT_CSV:
      bytes = roster ? mt_csv_export_roster (tour)
                     : mt_csv_export_schedule (tour, group_id, delegate_id, &error);
      break;
    case FORMAT_PDF:
      {
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

        print.audience = g_strcmp0 (audience, "organisers") == 0 ? MT_PRINT_FOR_ORGANISERS : MT_PRINT_FOR_DELEGATES;
        print.language = language;
        print.digest = digest || since != NULL;
        if (since != NULL && (print.since = mt_tour_find_version (tour, since, &error)) == NULL)
          {
            mt_cli_error ("%s", error->message);
            return MT_CLI_USAGE;
          }
        if (!mt_print_write_pdf_with_options (tour, group_id, delegate_id, &print, paper, file, NULL, &error))
          {
            mt_cli_error ("%s", error->message);
            return MT_CLI_USAGE;
          }
        return MT_CLI_OK;
      }
    case FORMAT_NONE:
    default:
      g_assert_not_reached ();
    }

  if (bytes == NULL)
    {
      mt_cli_error ("%s", error->message);
      return MT_CLI_USAGE;
    }
  return write_bytes (bytes, output) ? MT_CLI_OK : MT_CLI_USAGE;
}

static void
print_problems (GPtrArray  *problems,
                const char *name)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    fprintf (stderr, "%s: %s\n", name, (char *) g_ptr_array_index (problems, i));
}

int
mt_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_autofree char *format_name = NULL, *group = NULL, *output = NULL;
  g_autofree char *data = NULL, *name = NULL, *summary = NULL;
  const char *group_id = NULL;
  gboolean problems = FALSE;
  gsize length;
  Format format;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("ics for a calendar, csv for a delegate roster (by default, from INPUT’s extension)"), N_("FORMAT") },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group, N_("Give the visits the calendar adds to this group (id or name)"), N_("GROUP") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the tour to OUT instead of back to FILE"), N_("OUT") },
    { NULL }
  };
  int status;

  context = g_option_context_new (_("FILE INPUT — read a calendar’s events or a roster into a tour"));
  g_option_context_set_summary (context,
                                _("Reads the events of an iCalendar file into the tour as visits, or the "
                                  "delegates of a CSV roster. Items already in the tour are updated, not "
                                  "added twice. A broken file changes nothing."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 3)
    {
      mt_cli_error (_("import takes a tour file and the file to read into it"));
      return MT_CLI_USAGE;
    }
  format = format_name ? parse_format (format_name) : format_of_file (argv[2]);
  if (format != FORMAT_ICS && format != FORMAT_CSV)
    {
      mt_cli_error (_("give the format of INPUT with --format ics or csv"));
      return MT_CLI_USAGE;
    }

  tour = mt_cli_load (argv[1], NULL);
  if (tour == NULL)
    return MT_CLI_USAGE;
  if (!find_id (tour, MT_ENTITY_GROUP, group, &group_id))
    return MT_CLI_USAGE;

  input = g_file_new_for_commandline_arg (argv[2]);
  name = g_file_get_basename (input);
  if (!mt_file_load_contents (input, format == FORMAT_ICS ? MT_ICAL_MAX_FILE_SIZE : MT_CSV_MAX_FILE_SIZE,
                              &data, &length, NULL, &error))
    {
      mt_cli_error ("%s: %s", name, error->message);
      return MT_CLI_USAGE;
    }

  if (format == FORMAT_ICS)
    {
      MtIcalImport result;

      if (!mt_ical_import_data (tour, data, length, name, group_id, &result, &error))
        {
          mt_cli_error ("%s", error->message);
          mt_ical_import_clear (&result);
          return MT_CLI_USAGE;
        }
      /* the events left out, then what was not taken from the others */
      print_problems (result.problems, name);
      print_problems (result.notes, name);
      problems = result.n_left_out > 0;
      /* what was imported is told once it is saved */
      summary = g_strdup_printf (_("%u visits added, %u updated, %u unchanged, %u events left out"),
                                 result.n_added, result.n_updated, result.n_unchanged, result.n_left_out);
      mt_ical_import_clear (&result);
    }
  else
    {
      g_autoptr(GPtrArray) bad_rows = NULL;
      MtCsvImport result;

      if (!mt_csv_import_roster (tour, data, length, name, &result, &bad_rows, &error))
        {
          if (bad_rows != NULL && bad_rows->len > 0)
            {
              fprintf (stderr, "mediatour-cli: %s\n", _("nothing was imported: the roster has rows that cannot be read"));
              print_problems (bad_rows, name);
            }
          else
            mt_cli_error ("%s", error->message);
          return MT_CLI_USAGE;
        }
      summary = g_strdup_printf (_("%u delegates added, %u updated, %u unchanged, %u groups added"),
                                 result.n_added, result.n_updated, result.n_unchanged, result.n_groups_added);
    }

  if (!mt_cli_save (tour, output ? output : argv[1]))
    {
      mt_cli_error (_("nothing was imported: the tour could not be saved"));
      return MT_CLI_USAGE;
    }
  printf ("%s\n", summary);
  return problems ? MT_CLI_PROBLEMS : MT_CLI_OK;
}
