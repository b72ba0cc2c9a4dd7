/* mt-cli-check.c: mediatour-cli check
 *
 * Prints the problems of a tour grouped by day, one a line, or as JSON;
 * with --fix applies every fix the checker suggests (keeping each only where
 * it removes its problem and adds none) and writes the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "mt-checker.h"
#include "mt-cli.h"

static char *
day_heading (MtTour *tour,
             int     day)
{
  g_autofree char *date = NULL;

  if (day == MT_PROBLEM_NO_DAY)
    return g_strdup (_("Not on a day"));
  date = mt_wall_date_format (mt_tour_get_day_start (tour, day));
  if (day >= 0 && (guint) day < mt_tour_get_n_days (tour))
    /* Translators: a heading, “Day 3 (2024-05-16)” */
    return g_strdup_printf (_("Day %d (%s)"), day + 1, date);
  /* Translators: a heading, “Outside the tour: 2024-05-21” */
  return g_strdup_printf (_("Outside the tour: %s"), date);
}

static const char *
severity_label (MtSeverity severity)
{
  switch (severity)
    {
    case MT_SEVERITY_ERROR:
      return _("error");
    case MT_SEVERITY_WARNING:
      return _("warning");
    case MT_SEVERITY_HINT:
    default:
      return _("hint");
    }
}

static void
print_text (MtChecker *checker)
{
  GListModel *problems = mt_checker_get_problems (checker);
  MtTour *tour = mt_checker_get_tour (checker);
  guint n = g_list_model_get_n_items (problems);
  int day = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);

      if (i == 0 || mt_problem_get_day (problem) != day)
        {
          g_autofree char *heading = NULL;

          day = mt_problem_get_day (problem);
          heading = day_heading (tour, day);
          printf ("%s%s\n", i > 0 ? "\n" : "", heading);
        }
      printf ("  %s: %s\n", severity_label (mt_problem_get_severity (problem)),
              mt_problem_get_message (problem));
    }

  if (n == 0)
    printf ("%s\n", _("No problems found"));
  else
    {
      guint errors = mt_checker_count (checker, MT_SEVERITY_ERROR);
      guint warnings = mt_checker_count (checker, MT_SEVERITY_WARNING);
      guint hints = mt_checker_count (checker, MT_SEVERITY_HINT);
      g_autofree char *e = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
      g_autofree char *w = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
      g_autofree char *h = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hint", "%u hints", hints), hints);

      g_autofree char *summary = NULL;

      /* Translators: the summary, “3 errors, 5 warnings, 1 hint” */
      summary = g_strdup_printf (_("%s, %s, %s"), e, w, h);
      printf ("\n%s\n", summary);
    }
}

static void
print_json (MtChecker *checker,
            GPtrArray *fixed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GListModel *problems = mt_checker_get_problems (checker);
  MtTour *tour = mt_checker_get_tour (checker);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0, n = g_list_model_get_n_items (problems); i < n; i++)
    {
      g_autoptr(MtProblem) problem = g_list_model_get_item (problems, i);
      const char * const *ids = mt_problem_get_ids (problem);
      int day = mt_problem_get_day (problem);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, mt_problem_kind_to_string (mt_problem_get_kind (problem)));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, mt_severity_to_string (mt_problem_get_severity (problem)));
      json_builder_set_member_name (builder, "day");
      if (day == MT_PROBLEM_NO_DAY)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, day + 1);
      json_builder_set_member_name (builder, "date");
      if (day == MT_PROBLEM_NO_DAY)
        json_builder_add_null_value (builder);
      else
        {
          g_autofree char *date = mt_wall_date_format (mt_tour_get_day_start (tour, day));

          json_builder_add_string_value (builder, date);
        }
      json_builder_set_member_name (builder, "time");
      if (mt_problem_get_time (problem) == MT_TIME_UNSET)
        json_builder_add_null_value (builder);
      else
        {
          g_autofree char *time = mt_wall_time_format (mt_problem_get_time (problem));

          json_builder_add_string_value (builder, time);
        }
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, mt_problem_get_message (problem));
      json_builder_set_member_name (builder, "ids");
      json_builder_begin_array (builder);
      for (guint k = 0; ids[k] != NULL; k++)
        json_builder_add_string_value (builder, ids[k]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "fix");
      if (mt_problem_has_fix (problem))
        json_builder_add_string_value (builder, mt_problem_get_fix_label (problem));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (MtSeverity s = MT_SEVERITY_ERROR; s <= MT_SEVERITY_HINT; s++)
    {
      json_builder_set_member_name (builder, mt_severity_to_string (s));
      json_builder_add_int_value (builder, mt_checker_count (checker, s));
    }
  json_builder_end_object (builder);

  if (fixed != NULL)
    {
      json_builder_set_member_name (builder, "fixed");
      json_builder_begin_array (builder);
      for (guint i = 0; i < fixed->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (fixed, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

int
mt_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MtTour) tour = NULL;
  g_autoptr(MtChecker) checker = NULL;
  g_autoptr(GPtrArray) fixed = NULL;
  g_autofree char *output = NULL;
  gboolean json = FALSE, fix = FALSE;
  double speed = MT_CHECKER_DEFAULT_TRAVEL_SPEED_KMH;
  double road_factor = MT_CHECKER_DEFAULT_ROAD_FACTOR;
  int min_transfer = MT_CHECKER_DEFAULT_MIN_TRANSFER_MINUTES;
  int daily_limit = MT_CHECKER_DEFAULT_DAILY_LIMIT_MINUTES;
  int meal_after = MT_CHECKER_DEFAULT_MEAL_BREAK_AFTER_MINUTES;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the problems as JSON"), NULL },
    { "fix", 0, 0, G_OPTION_ARG_NONE, &fix, N_("Apply every suggested fix and write the tour to OUT"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file --fix writes the tour to"), N_("OUT") },
    { "travel-speed", 0, 0, G_OPTION_ARG_DOUBLE, &speed, N_("Coach speed in km/h (45)"), N_("KMH") },
    { "road-factor", 0, 0, G_OPTION_ARG_DOUBLE, &road_factor, N_("Road distance per straight-line distance (1.4)"), N_("FACTOR") },
    { "min-transfer", 0, 0, G_OPTION_ARG_INT, &min_transfer, N_("Shortest transfer in minutes (10)"), N_("MINUTES") },
    { "daily-limit", 0, 0, G_OPTION_ARG_INT, &daily_limit, N_("Longest day in minutes (720)"), N_("MINUTES") },
    { "meal-break-after", 0, 0, G_OPTION_ARG_INT, &meal_after, N_("Length of a day that needs a meal, in minutes (360)"), N_("MINUTES") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — list a tour’s problems"));
  g_option_context_set_summary (context,
                                _("Prints each problem of the tour on a line of its own, grouped by day. "
                                  "Exits with 1 where there are errors, 2 where the file cannot be read."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((status = mt_cli_parse (context, &argc, &argv)) != MT_CLI_OK)
    return status;
  if (argc != 2)
    {
      mt_cli_error (_("check takes one tour file"));
      return MT_CLI_USAGE;
    }
  if (fix != (output != NULL))
    {
      mt_cli_error (_("--fix needs -o OUT, and -o is only for --fix"));
      return MT_CLI_USAGE;
    }
  if (speed <= 0 || road_factor < 1.0 || min_transfer < 0 || daily_limit <= 0 || meal_after <= 0)
    {
      mt_cli_error (_("the speed must be above 0, the road factor at least 1 and the minutes above 0"));
      return MT_CLI_USAGE;
    }

  /* the checker reports dangling references itself */
  tour = mt_cli_load (argv[1], NULL);
  if (tour == NULL)
    return MT_CLI_USAGE;

  checker = mt_checker_new (tour);
  mt_checker_set_travel_speed_kmh (checker, speed);
  mt_checker_set_road_factor (checker, road_factor);
  mt_checker_set_min_transfer_minutes (checker, (guint) min_transfer);
  mt_checker_set_daily_limit_minutes (checker, (guint) daily_limit);
  mt_checker_set_meal_break_after_minutes (checker, (guint) meal_after);
  mt_checker_check (checker);

  if (fix)
    {
      guint before = g_list_model_get_n_items (mt_checker_get_problems (checker));

      mt_checker_fix_all (checker, &fixed);
      if (!json)
        {
          for (guint i = 0; i < fixed->len; i++)
            /* Translators: a fix that --fix applied, “Fixed: Start “Lunch” at 12:25” */
            printf (_("Fixed: %s\n"), (char *) g_ptr_array_index (fixed, i));
          printf (g_dngettext (GETTEXT_PACKAGE, "%u fix applied", "%u fixes applied", fixed->len), fixed->len);
          printf (" ");
          /* Translators: after “%u fixes applied”, “(problems: 12 before, 4 after)” */
          printf (_("(problems: %u before, %u after)"), before,
                  g_list_model_get_n_items (mt_checker_get_problems (checker)));
          printf ("\n\n");
        }
      /* the tour goes to stdout only where the report does not */
      if (g_strcmp0 (output, "-") == 0 || !mt_cli_save (tour, output))
        {
          if (g_strcmp0 (output, "-") == 0)
            mt_cli_error (_("--fix writes the tour to a file; “-” would mix it with the report"));
          return MT_CLI_USAGE;
        }
    }

  if (json)
    print_json (checker, fixed);
  else
    print_text (checker);

  return mt_checker_count (checker, MT_SEVERITY_ERROR) > 0 ? MT_CLI_PROBLEMS : MT_CLI_OK;
}
