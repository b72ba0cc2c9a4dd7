/* test-handout.c: the printed itinerary as a delegate gets it, and as the
 * organisers do, read back with poppler's pdftotext and rendered to PNG
 * with pdftoppm into the build folder (printouts/), to be looked at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "export-test-util.h"
#include "mt-language.h"
#include "mt-test-lookup.h"

typedef struct
{
  char  *path;
  guint  n_pages;
} Pdf;

static void
pdf_clear (Pdf *pdf)
{
  if (pdf->path != NULL)
    g_unlink (pdf->path);
  g_clear_pointer (&pdf->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

static void
write_pdf (Pdf                  *pdf,
           MtTour               *tour,
           const char           *group_id,
           const char           *delegate_id,
           const MtPrintOptions *options,
           MtPaper               paper)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MtPrintLayout) layout = NULL;
  double width, height;
  int fd = g_file_open_tmp ("mt-handout-XXXXXX.pdf", &pdf->path, &error);

  g_assert_no_error (error);
  close (fd);
  file = g_file_new_for_path (pdf->path);
  g_assert_true (mt_print_write_pdf_with_options (tour, group_id, delegate_id, options, paper, file, NULL, &error));
  g_assert_no_error (error);
  layout = mt_print_layout_new_with_options (tour, group_id, delegate_id, options, &error);
  g_assert_no_error (error);
  mt_paper_get_size (paper, &width, &height);
  pdf->n_pages = mt_print_layout_get_n_pages (layout, width, height);
}

static char *
page_text (Pdf   *pdf,
           guint  page)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, "-enc", "UTF-8", pdf->path, "-", NULL };

  g_assert_cmpuint (page, <, pdf->n_pages);
  return run_or_die (argv, NULL);
}

static char *
all_text (Pdf *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf->path, "-", NULL };

  return run_or_die (argv, NULL);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in:\n%s", part, text);
}

static const MtPrintOptions for_delegates = { MT_PRINT_FOR_DELEGATES, NULL, FALSE, NULL };
static const MtPrintOptions for_organisers = { MT_PRINT_FOR_ORGANISERS, NULL, FALSE, NULL };

/* Item 12: the delegates' printout shows the time zone and the organiser
 * on every page, each site's address and contact, the hotel of the night,
 * and none of the planner's estimates; the organisers' shows those. */
static void
test_for_delegates (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_auto(Pdf) delegates = { 0, };
  g_auto(Pdf) organisers = { 0, };
  g_autofree char *all_delegates = NULL, *all_organisers = NULL, *first = NULL;
  const char *group_id = mt_delegate_get_group (mt_test_lookup_named (tour, MT_ENTITY_DELEGATE, "Hu Jiayi"));

  mt_tour_set_organiser_contact (tour, "+86 20 8765 4321");
  mt_site_set_contact (mt_test_lookup_named (tour, MT_ENTITY_SITE, "EHang Holdings Limited"), "Ms Lin, +86 20 3333 1111");
  mt_site_set_contact (mt_test_lookup_named (tour, MT_ENTITY_SITE, "Delegation hotel, Guangzhou"), "Front desk, +86 20 8888 2222");
  write_pdf (&delegates, tour, group_id, NULL, &for_delegates, MT_PAPER_A4);
  write_pdf (&organisers, tour, group_id, NULL, &for_organisers, MT_PAPER_A4);

  for (guint p = 0; p < delegates.n_pages; p++)
    {
      g_autofree char *text = page_text (&delegates, p);

      assert_contains (text, "Provincial press office");
      assert_contains (text, "+86 20 8765 4321");
      assert_contains (text, "Times in Asia/Shanghai");
    }
  first = page_text (&delegates, 0);
  assert_contains (first, "Tonight’s hotel:");
  assert_contains (first, "Delegation hotel, Guangzhou");
  assert_contains (first, "Front desk, +86 20 8888 2222");

  all_delegates = all_text (&delegates);
  assert_contains (all_delegates, "Contact: Ms Lin, +86 20 3333 1111");
  assert_contains (all_delegates, "Huangpu District, Guangzhou");
  assert_lacks (all_delegates, "by road");
  assert_lacks (all_delegates, "planned");
  all_organisers = all_text (&organisers);
  assert_contains (all_organisers, "min by road");
}

/* Item 12: a travel note never contradicts the transfer before the visit:
 * after a transfer, the organisers' page compares the road with what the
 * transfer plans, only where it plans too little */
static void
test_after_transfer (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_auto(Pdf) enough = { 0, };
  g_auto(Pdf) too_short = { 0, };
  g_autofree char *text = NULL;
  MtVisit *transfer = new_visit ("00000000-0000-4000-8000-000000000410", "Coach to the lab", NULL, GROUP_A,
                                 mt_wall_time_new (2024, 5, 14, 11, 40, 0), mt_wall_time_new (2024, 5, 14, 12, 55, 0));

  mt_visit_set_visit_kind (transfer, MT_VISIT_TRANSFER);
  add_or_die (tour, transfer);
  write_pdf (&enough, tour, GROUP_A, NULL, &for_organisers, MT_PAPER_A4);
  text = page_text (&enough, 0);
  assert_contains (text, "Coach to the lab");
  assert_lacks (text, "by road");

  mt_visit_set_start (transfer, mt_wall_time_new (2024, 5, 14, 12, 45, 0));
  write_pdf (&too_short, tour, GROUP_A, NULL, &for_organisers, MT_PAPER_A4);
  g_free (text);
  text = page_text (&too_short, 0);
  assert_contains (text, "the transfer plans 10 min; about");
  assert_lacks (text, "from the previous site");
}

/* Item 13: on A4 and on Letter no day leaves its last item alone on a
 * page, however many items the day has */
static void
test_no_lone_items (void)
{
  const MtPaper papers[] = { MT_PAPER_A4, MT_PAPER_LETTER };

  for (guint n = 6; n <= 30; n++)
    {
      g_autoptr(MtTour) tour = small_tour_new ();
      g_autoptr(MtPrintLayout) layout = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-0000000006%02u", i);
          g_autofree char *title = g_strdup_printf ("Stop number %u", i + 1);
          gint64 start = mt_wall_time_new (2024, 5, 15, 7, 0, 0) + i * 25 * 60;

          add_or_die (tour, new_visit (id, title, SITE_LAB, NULL, start, start + 20 * 60));
        }
      layout = mt_print_layout_new (tour, NULL, NULL, NULL);
      for (guint k = 0; k < G_N_ELEMENTS (papers); k++)
        {
          double width, height;
          guint n_pages;

          mt_paper_get_size (papers[k], &width, &height);
          n_pages = mt_print_layout_get_n_pages (layout, width, height);
          for (guint p = 1; p < n_pages; p++)
            if (mt_print_layout_get_page_day (layout, p, width, height) ==
                mt_print_layout_get_page_day (layout, p - 1, width, height) &&
                (mt_print_layout_get_page_n_items (layout, p, width, height) < 2 ||
                 mt_print_layout_get_page_n_items (layout, p - 1, width, height) < 2))
              g_error ("%u stops on %s: page %u or %u of %u has one item", n,
                       papers[k] == MT_PAPER_A4 ? "A4" : "Letter", p, p + 1, n_pages);
        }
    }
}

/* Item 13: the sample's printouts, for the delegates of a group and for
 * the organisers, on A4 and on Letter: every page of a day with more than
 * one item shows at least two */
static void
test_sample_pages (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  const MtPaper papers[] = { MT_PAPER_A4, MT_PAPER_LETTER };
  const char *group_id = mt_delegate_get_group (mt_test_lookup_named (tour, MT_ENTITY_DELEGATE, "Hu Jiayi"));
  const MtPrintOptions *audiences[] = { &for_delegates, &for_organisers };

  for (guint a = 0; a < G_N_ELEMENTS (audiences); a++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MtPrintLayout) layout = mt_print_layout_new_with_options (tour, a == 0 ? group_id : NULL, NULL,
                                                                          audiences[a], &error);

      g_assert_no_error (error);
      for (guint k = 0; k < G_N_ELEMENTS (papers); k++)
        {
          double width, height;
          guint n_pages;

          mt_paper_get_size (papers[k], &width, &height);
          n_pages = mt_print_layout_get_n_pages (layout, width, height);
          g_assert_cmpuint (n_pages, >=, 7);
          for (guint p = 0; p < n_pages; p++)
            {
              int day = mt_print_layout_get_page_day (layout, p, width, height);
              gboolean day_split = (p > 0 && mt_print_layout_get_page_day (layout, p - 1, width, height) == day) ||
                                   (p + 1 < n_pages && mt_print_layout_get_page_day (layout, p + 1, width, height) == day);

              if (day_split && mt_print_layout_get_page_n_items (layout, p, width, height) < 2)
                g_error ("the %s printout on %s: page %u of %u has one item", a == 0 ? "delegates’" : "organisers’",
                         papers[k] == MT_PAPER_A4 ? "A4" : "Letter", p + 1, n_pages);
            }
        }
    }
}

/* Item 14: a delegate who reads Chinese gets their printout in Chinese,
 * the places in both languages */
static void
test_chinese (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_auto(Pdf) pdf = { 0, };
  g_autofree char *text = NULL;
  const char *zh[] = { "zh", NULL };

  if (!mt_language_is_available ("zh_CN"))
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  mt_delegate_set_languages (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, DELEGATE_WANG), zh);
  write_pdf (&pdf, tour, NULL, DELEGATE_WANG, NULL, MT_PAPER_A4);
  text = page_text (&pdf, 0);
  assert_contains (text, "2024年5月14日");
  assert_contains (text, "广州塔（Canton Tower）");
  assert_contains (text, "广州（Guangzhou）");
  assert_contains (text, "王伟");
  /* the English delegate's is in English */
  {
    g_auto(Pdf) english = { 0, };
    g_autofree char *li = NULL;

    write_pdf (&english, tour, NULL, DELEGATE_LI, NULL, MT_PAPER_A4);
    li = page_text (&english, 0);
    assert_contains (li, "Tuesday 14 May 2024");
    assert_contains (li, "Canton Tower (广州塔)");
  }
}

/* Item 17: what changed since their copy opens the delegate's printout;
 * where nothing did, the first day says so */
static void
test_digest_on_top (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_auto(Pdf) changed = { 0, };
  g_auto(Pdf) unchanged = { 0, };
  g_autofree char *first = NULL, *second = NULL;
  const MtPrintOptions with_digest = { MT_PRINT_FOR_DELEGATES, "en", TRUE, NULL };
  g_autoptr(MtPrintLayout) layout = NULL;
  double width, height;

  mt_tour_issue_version (tour, NULL);
  mt_tour_move_visit (tour, mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, VISIT_LAB),
                      mt_wall_time_new (2024, 5, 14, 13, 30, 0));

  write_pdf (&changed, tour, NULL, DELEGATE_WANG, &with_digest, MT_PAPER_A4);
  first = page_text (&changed, 0);
  assert_contains (first, "What changed for 王伟 since Version 1, sent");
  assert_contains (first, "Tuesday 14 May");
  assert_contains (first, "“Lab visit” moved from 13:00 to 13:30.");
  assert_contains (first, "Your interview with Chen Ming moved from 13:15 to 13:45.");
  /* short, it heads the first day's page */
  assert_contains (first, "Tuesday 14 May 2024");
  g_assert_true (strstr (first, "What changed") < strstr (first, "Tuesday 14 May 2024"));

  /* long, it has pages of its own */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-0000000007%02u", i);
      g_autofree char *title = g_strdup_printf ("Added stop %u", i + 1);
      gint64 start = mt_wall_time_new (2024, 5, 15, 7, 0, 0) + i * 20 * 60;

      add_or_die (tour, new_visit (id, title, SITE_LAB, GROUP_A, start, start + 15 * 60));
    }
  layout = mt_print_layout_new_with_options (tour, NULL, DELEGATE_WANG, &with_digest, NULL);
  mt_paper_get_size (MT_PAPER_A4, &width, &height);
  g_assert_cmpint (mt_print_layout_get_page_day (layout, 0, width, height), ==, MT_PRINT_DIGEST_DAY);
  g_assert_cmpint (mt_print_layout_get_page_day (layout, 1, width, height), ==, MT_PRINT_DIGEST_DAY);
  g_assert_cmpint (mt_print_layout_get_page_day (layout, 2, width, height), ==, 0);

  write_pdf (&unchanged, tour, NULL, DELEGATE_LI, &with_digest, MT_PAPER_A4);
  second = page_text (&unchanged, 0);
  assert_contains (second, "Nothing has changed for Li Na since Version 1, sent");
  assert_contains (second, "Tuesday 14 May 2024");
}

/* Renders @pdf's first two pages to PNG in the build folder:
 * "<name>-<n>.png" */
static void
render (Pdf        *pdf,
        const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "formats", "printouts", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint page = 1; page <= MIN (pdf->n_pages, 2); page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_autofree char *prefix = g_strdup_printf ("%s%s%s-%u", dir, G_DIR_SEPARATOR_S, name, page);
      g_autofree char *png = g_strconcat (prefix, ".png", NULL);
      const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", number, "-l", number, "-singlefile",
                             pdf->path, prefix, NULL };

      g_free (run_or_die (argv, NULL));
      g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
      g_test_message ("rendered %s", png);
    }
}

/* The sample's delegate printout, with what changed and in Chinese, and
 * the organisers' printout, as PNGs to look at */
static void
test_render (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  MtDelegate *hu = mt_test_lookup_named (tour, MT_ENTITY_DELEGATE, "Hu Jiayi");
  const MtPrintOptions with_digest = { MT_PRINT_FOR_DELEGATES, NULL, TRUE, NULL };
  const MtPrintOptions english_digest = { MT_PRINT_FOR_DELEGATES, "en", TRUE, NULL };
  g_auto(Pdf) delegate = { 0, };
  g_auto(Pdf) english = { 0, };
  g_auto(Pdf) organisers = { 0, };
  GListModel *visits = mt_tour_get_visits (tour);

  mt_site_set_contact (mt_test_lookup_named (tour, MT_ENTITY_SITE, "EHang Holdings Limited"), "Ms Lin, +86 20 3333 1111");
  mt_tour_issue_version (tour, NULL);
  for (guint i = 0, n = g_list_model_get_n_items (visits); i < n; i++)
    {
      g_autoptr(MtVisit) visit = g_list_model_get_item (visits, i);

      if (g_str_has_prefix (mt_visit_get_title (visit), "EHang"))
        {
          mt_tour_move_visit (tour, visit, mt_visit_get_start (visit) + 30 * 60);
          mt_visit_set_meeting_point (visit, "Hotel lobby, 17:30");
        }
    }
  write_pdf (&delegate, tour, NULL, mt_entity_get_id (MT_ENTITY (hu)), &with_digest, MT_PAPER_A4);
  write_pdf (&english, tour, NULL, mt_entity_get_id (MT_ENTITY (hu)), &english_digest, MT_PAPER_LETTER);
  write_pdf (&organisers, tour, NULL, NULL, &for_organisers, MT_PAPER_A4);
  render (&delegate, "delegate-zh");
  render (&english, "delegate-en-letter");
  render (&organisers, "organisers");
}

int
main (int    argc,
      char **argv)
{
  export_test_init_translations ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/handout/for-delegates", test_for_delegates);
  g_test_add_func ("/formats/handout/after-transfer", test_after_transfer);
  g_test_add_func ("/formats/handout/no-lone-items", test_no_lone_items);
  g_test_add_func ("/formats/handout/sample-pages", test_sample_pages);
  g_test_add_func ("/formats/handout/chinese", test_chinese);
  g_test_add_func ("/formats/handout/digest-on-top", test_digest_on_top);
  g_test_add_func ("/formats/handout/render", test_render);

  return g_test_run ();
}
