/* test-language-files.c: files written in one interface language read in
 * another
 *
 * The calendar's CATEGORIES and the roster's header are written in a
 * zh_CN session and read in an English one, and the other way round: the
 * kinds of the visits, the interviews and the roster's columns come back.
 * The catalogue is the one built from po/ ($MT_LOCALEDIR); the test fails
 * where the zh_CN.UTF-8 locale is missing (build-aux/install-deps.sh makes
 * it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "export-test-util.h"

static void
use_language (gboolean chinese)
{
  if (chinese)
    {
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      /* a session in Chinese, or the test proves nothing */
      g_assert_cmpstr (_("Interview"), !=, "Interview");
    }
  else
    {
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
      g_unsetenv ("LANGUAGE");
      g_assert_cmpstr (_("Interview"), ==, "Interview");
    }
}

static MtTour *
tour_with_kinds (void)
{
  MtTour *tour = small_tour_new ();

  mt_visit_set_visit_kind (mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, VISIT_OPENING), MT_VISIT_PRESS_CONFERENCE);
  mt_visit_set_visit_kind (mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, VISIT_CANCELLED), MT_VISIT_MEAL);
  return tour;
}

/* a calendar of @tour written in one language, read in the other: into a
 * tour without the visits they are added with their kinds, and into the
 * tour itself nothing changes (interviews stay interviews) */
static void
calendar_across (gboolean written_in_chinese)
{
  g_autoptr(MtTour) tour = tour_with_kinds ();
  g_autoptr(MtTour) empty = mt_tour_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  MtIcalImport result;
  GListModel *visits = mt_tour_get_visits (tour);

  use_language (written_in_chinese);
  text = export_or_die (tour, NULL, NULL);
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "CATEGORIES:"))
      g_assert_true (g_str_is_ascii (lines[i]));

  use_language (!written_in_chinese);
  g_assert_true (mt_ical_import_data (empty, text, strlen (text), "tour.ics", NULL, &result, NULL));
  g_assert_cmpuint (result.n_added, ==, 4);
  /* the tour's interviews, which the empty tour does not have */
  g_assert_cmpuint (result.n_left_out, ==, 2);
  mt_ical_import_clear (&result);
  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);
      MtVisit *copy = mt_tour_lookup_kind (empty, MT_ENTITY_VISIT, mt_entity_get_id (MT_ENTITY (visit)));

      g_assert_nonnull (copy);
      g_assert_cmpint (mt_visit_get_visit_kind (copy), ==, mt_visit_get_visit_kind (visit));
    }

  g_assert_true (mt_ical_import_data (tour, text, strlen (text), "tour.ics", NULL, &result, NULL));
  g_assert_cmpuint (result.n_unchanged, ==, 6);
  g_assert_cmpuint (result.n_updated, ==, 0);
  g_assert_cmpuint (result.n_left_out, ==, 0);
  mt_ical_import_clear (&result);
  use_language (FALSE);
}

static void
test_calendar_zh_to_en (void)
{
  calendar_across (TRUE);
}

static void
test_calendar_en_to_zh (void)
{
  calendar_across (FALSE);
}

/* an older version wrote the categories in the interface's language: a
 * zh_CN session still reads them */
static void
test_calendar_translated_categories (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:meal@x\r\n"
    "DTSTART:20240514T040000Z\r\n"
    "SUMMARY:Lunch\r\n"
    "CATEGORIES:%s\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autofree char *id = mt_ical_id_for_uid ("meal@x");
  g_autofree char *calendar = NULL;
  MtIcalImport result;

  use_language (TRUE);
  calendar = g_strdup_printf (text, mt_visit_kind_to_label (MT_VISIT_MEAL));
  g_assert_true (mt_ical_import_data (tour, calendar, strlen (calendar), "old.ics", NULL, &result, NULL));
  g_assert_cmpuint (result.n_added, ==, 1);
  mt_ical_import_clear (&result);
  use_language (FALSE);
  g_assert_cmpint (mt_visit_get_visit_kind (mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id)), ==, MT_VISIT_MEAL);
}

static void
roster_across (gboolean written_in_chinese)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(MtTour) other = small_tour_new ();
  g_autoptr(GBytes) roster = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bad_rows = NULL;
  MtCsvImport result;
  MtDelegate *wang;

  mt_delegate_set_email (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, DELEGATE_WANG), "wang@tv.example");
  use_language (written_in_chinese);
  roster = mt_csv_export_roster (tour);
  use_language (!written_in_chinese);
  g_assert_true (mt_csv_import_roster (other, g_bytes_get_data (roster, NULL), g_bytes_get_size (roster), "roster.csv",
                                       &result, &bad_rows, &error));
  g_assert_no_error (error);
  use_language (FALSE);
  /* the same delegates by their ids, the email in its column */
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_updated, ==, 1);
  g_assert_cmpuint (result.n_unchanged, ==, 1);
  wang = mt_tour_lookup_kind (other, MT_ENTITY_DELEGATE, DELEGATE_WANG);
  g_assert_cmpstr (mt_delegate_get_email (wang), ==, "wang@tv.example");
  g_assert_cmpstr (mt_delegate_get_group (wang), ==, GROUP_A);
}

static void
test_roster_zh_to_en (void)
{
  roster_across (TRUE);
}

static void
test_roster_en_to_zh (void)
{
  roster_across (FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("MT_LOCALEDIR"));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/formats/language-files/calendar-zh-to-en", test_calendar_zh_to_en);
  g_test_add_func ("/formats/language-files/calendar-en-to-zh", test_calendar_en_to_zh);
  g_test_add_func ("/formats/language-files/calendar-translated-categories", test_calendar_translated_categories);
  g_test_add_func ("/formats/language-files/roster-zh-to-en", test_roster_zh_to_en);
  g_test_add_func ("/formats/language-files/roster-en-to-zh", test_roster_en_to_zh);

  return g_test_run ();
}
