/* test-digest.c: what changed for each delegate since their copy
 *
 * Hand-made tours (export-test-util.h: Wang in Coach A, Li in Coach B)
 * changed after a version was issued; each delegate's digest lists what
 * changed for them and nothing else, in their own language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "export-test-util.h"
#include "mt-digest.h"
#include "mt-language.h"

static MtDigest *
digest_of (MtTour     *tour,
           const char *delegate_id)
{
  g_autoptr(GError) error = NULL;
  MtDigest *digest = mt_digest_new (tour, delegate_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (digest);
  return digest;
}

/* the digest's text, in English */
static char *
text_of (MtDigest *digest)
{
  g_autoptr(MtLanguageScope) scope = mt_language_enter ("en");

  return mt_digest_format_text (digest);
}

static MtVisit *
visit (MtTour     *tour,
       const char *id)
{
  return mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id);
}

static MtInterview *
interview (MtTour     *tour,
           const char *id)
{
  return mt_tour_lookup_kind (tour, MT_ENTITY_INTERVIEW, id);
}

/* A visit of Coach A moved (and the interview in it with it): in Wang's
 * digest, with both times, and in no digest of Coach B's. */
static void
test_moved_for_one_group (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(MtDigest) wang = NULL, li = NULL;
  g_autofree char *text = NULL, *entry = NULL;

  mt_tour_issue_version (tour, NULL);
  mt_tour_move_visit (tour, visit (tour, VISIT_LAB), mt_wall_time_new (2024, 5, 14, 13, 30, 0));

  wang = digest_of (tour, DELEGATE_WANG);
  li = digest_of (tour, DELEGATE_LI);
  g_assert_cmpuint (mt_digest_get_n_entries (li), ==, 0);
  g_assert_cmpuint (mt_digest_get_n_entries (wang), ==, 2);
  g_assert_true (mt_digest_get_entry (wang, 0)->changes == MT_DIGEST_MOVED);
  g_assert_cmpstr (mt_digest_get_entry (wang, 0)->after->id, ==, VISIT_LAB);
  g_assert_cmpstr (mt_digest_get_entry (wang, 1)->after->id, ==, INTERVIEW_WANG);
  g_assert_cmpint (mt_digest_entry_get_day (wang, mt_digest_get_entry (wang, 0)), ==, 0);

  text = text_of (wang);
  assert_contains (text, "What changed for 王伟 since Version 1, sent ");
  assert_contains (text, "Tuesday 14 May\n");
  assert_contains (text, "• “Lab visit” moved from 13:00 to 13:30.\n");
  assert_contains (text, "• Your interview with Chen Ming moved from 13:15 to 13:45.\n");
  assert_contains (text, "All times are local times in the zone Asia/Shanghai.");
  assert_contains (text, "Press office");
  g_free (text);
  text = text_of (li);
  assert_contains (text, "Nothing has changed for Li Na since Version 1, sent ");
}

/* A change and its undo before the version is issued is in no digest, nor
 * is one undone after it. */
static void
test_change_and_undo (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  MtHistory *history = mt_tour_get_history (tour);
  g_autoptr(GPtrArray) digests = NULL;

  mt_visit_set_title (visit (tour, VISIT_FACTORY), "Factory tour, postponed");
  mt_tour_move_visit (tour, visit (tour, VISIT_OPENING), mt_wall_time_new (2024, 5, 14, 10, 0, 0));
  g_assert_true (mt_history_undo (history));
  g_assert_true (mt_history_undo (history));
  mt_tour_issue_version (tour, NULL);

  mt_visit_set_status (visit (tour, VISIT_OPENING), MT_VISIT_TENTATIVE);
  g_assert_true (mt_history_undo (history));

  digests = mt_digest_new_all (tour, NULL);
  g_assert_cmpuint (digests->len, ==, 2);
  for (guint i = 0; i < digests->len; i++)
    g_assert_cmpuint (mt_digest_get_n_entries (g_ptr_array_index (digests, i)), ==, 0);
}

/* An interview moved on its own is in its delegate's digest only, worded
 * with both times; declined, it says so. */
static void
test_interview_moved (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(MtDigest) wang = NULL, li = NULL;
  g_autofree char *text = NULL;
  MtInterview *zhao = interview (tour, INTERVIEW_LI);

  mt_tour_issue_version (tour, NULL);
  mt_interview_set_start (zhao, mt_wall_time_new (2024, 5, 14, 14, 0, 0));
  mt_interview_set_end (zhao, mt_wall_time_new (2024, 5, 14, 14, 30, 0));
  mt_interview_set_status (interview (tour, INTERVIEW_WANG), MT_INTERVIEW_DECLINED);

  li = digest_of (tour, DELEGATE_LI);
  g_assert_cmpuint (mt_digest_get_n_entries (li), ==, 1);
  text = text_of (li);
  assert_contains (text, "• Your interview with Zhao Lei moved from 13:30 to 14:00.\n");
  g_assert_null (strstr (text, "Chen Ming"));

  wang = digest_of (tour, DELEGATE_WANG);
  g_assert_cmpuint (mt_digest_get_n_entries (wang), ==, 1);
  g_free (text);
  text = text_of (wang);
  assert_contains (text, "• Your interview with Chen Ming was declined: it will not take place.\n");
  g_assert_null (strstr (text, "Zhao Lei"));
}

/* Every kind of change, worded: added, gone, cancelled, confirmed, at
 * another site, a new meeting point, renamed, moved to another day, and a
 * delegate who moved to the other coach. */
static void
test_every_change (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(MtDigest) wang = NULL, li = NULL;
  g_autofree char *text = NULL;
  MtVisit *dinner;

  mt_visit_set_status (visit (tour, VISIT_LAB), MT_VISIT_TENTATIVE);
  mt_tour_issue_version (tour, NULL);

  mt_visit_set_status (visit (tour, VISIT_LAB), MT_VISIT_CONFIRMED);
  mt_visit_set_site (visit (tour, VISIT_LAB), SITE_TOWER);
  mt_visit_set_meeting_point (visit (tour, VISIT_LAB), "Hotel lobby, 12:40");
  mt_visit_set_title (visit (tour, VISIT_OPENING), "Opening briefing by the governor");
  mt_visit_set_status (visit (tour, VISIT_FACTORY), MT_VISIT_CANCELLED);
  mt_tour_remove (tour, MT_ENTITY (visit (tour, VISIT_CANCELLED)));
  mt_tour_move_visit (tour, visit (tour, VISIT_OPENING), mt_wall_time_new (2024, 5, 15, 9, 0, 0));
  dinner = new_visit (NULL, "Dinner", SITE_TOWER, GROUP_B, mt_wall_time_new (2024, 5, 15, 19, 0, 0),
                      mt_wall_time_new (2024, 5, 15, 20, 30, 0));
  mt_visit_set_meeting_point (dinner, "Lobby, 18:45");
  add_or_die (tour, dinner);

  wang = digest_of (tour, DELEGATE_WANG);
  text = text_of (wang);
  assert_contains (text, "“Lab visit” is now at Canton Tower (广州塔), 222 Yuejiang West Road, Haizhu District instead of Pearl River Lab. "
                         "“Lab visit” is now confirmed. Meet at Hotel lobby, 12:40.\n");
  assert_contains (text, "• “Opening briefing” is now called “Opening briefing by the governor”. "
                         "“Opening briefing by the governor” moved from Tue 14 May 09:00 to Wed 15 May 09:00.\n");
  assert_contains (text, "• “Museum” (Wed 15 May 10:00) is no longer on your itinerary.\n");
  g_assert_null (strstr (text, "Factory"));
  g_assert_null (strstr (text, "Dinner"));
  /* the opening is listed under its new day */
  g_assert_true (strstr (text, "Wednesday 15 May") < strstr (text, "Opening briefing by"));

  /* Li moves to Coach A: Coach B's visits go, Coach A's come */
  mt_delegate_set_group (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, DELEGATE_LI), GROUP_A);
  li = digest_of (tour, DELEGATE_LI);
  g_free (text);
  text = text_of (li);
  assert_contains (text, "• “Factory tour” (Tue 14 May 13:00) is no longer on your itinerary.\n");
  assert_contains (text, "• New: “Lab visit”, 13:00–14:00, at Canton Tower (广州塔), 222 Yuejiang West Road, Haizhu District. "
                         "Meet at Hotel lobby, 12:40.\n");
  g_assert_null (strstr (text, "Dinner"));
  g_assert_null (strstr (text, "Museum"));
}

/* A delegate who joined after the version has no copy: all is new */
static void
test_no_copy (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(MtDigest) digest = NULL;
  g_autofree char *text = NULL;
  MtDelegate *late = mt_delegate_new ("00000000-0000-4000-8000-000000000399");

  mt_tour_issue_version (tour, NULL);
  mt_delegate_set_name (late, "Late Comer");
  mt_delegate_set_group (late, GROUP_B);
  add_or_die (tour, late);

  digest = digest_of (tour, "00000000-0000-4000-8000-000000000399");
  g_assert_null (mt_digest_get_since (digest));
  g_assert_cmpuint (mt_digest_get_n_entries (digest), ==, 2);
  for (guint i = 0; i < mt_digest_get_n_entries (digest); i++)
    g_assert_true (mt_digest_get_entry (digest, i)->changes == MT_DIGEST_ADDED);
  text = text_of (digest);
  assert_contains (text, "The itinerary of Late Comer: no version was sent to them yet, so all of it is new.");
}

/* Since an older version than their own copy, when asked */
static void
test_since (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(MtDigest) since_first = NULL, own = NULL;
  MtVersion *first;

  first = mt_tour_issue_version (tour, NULL);
  mt_tour_move_visit (tour, visit (tour, VISIT_FACTORY), mt_wall_time_new (2024, 5, 14, 15, 0, 0));
  mt_tour_issue_version (tour, NULL);

  own = digest_of (tour, DELEGATE_LI);
  g_assert_cmpuint (mt_version_get_number (mt_digest_get_since (own)), ==, 2);
  g_assert_cmpuint (mt_digest_get_n_entries (own), ==, 0);
  since_first = mt_digest_new (tour, DELEGATE_LI, first, NULL);
  g_assert_cmpuint (mt_digest_get_n_entries (since_first), ==, 2);
}

/* In Chinese for a delegate who reads Chinese: the sentences, the day,
 * and the place's local name first */
static void
test_chinese (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(MtDigest) wang = NULL;
  g_autofree char *text = NULL, *html = NULL;
  const char *zh[] = { "zh", NULL };

  if (!mt_language_is_available ("zh_CN"))
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }
  mt_delegate_set_languages (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, DELEGATE_WANG), zh);
  mt_tour_issue_version (tour, NULL);
  mt_tour_move_visit (tour, visit (tour, VISIT_LAB), mt_wall_time_new (2024, 5, 14, 13, 30, 0));
  mt_visit_set_site (visit (tour, VISIT_LAB), SITE_TOWER);

  wang = digest_of (tour, DELEGATE_WANG);
  g_assert_cmpstr (mt_language_of_delegate (mt_digest_get_delegate (wang)), ==, "zh_CN");
  {
    g_autoptr(MtLanguageScope) scope = mt_language_enter ("zh_CN");

    text = mt_digest_format_text (wang);
    html = mt_digest_format_html (wang);
  }
  assert_contains (text, "5月14日 星期二\n");
  assert_contains (text, "“Lab visit”从 13:00 改到 13:30。");
  assert_contains (text, "您与 Chen Ming 的采访从 13:15 改到 13:45。");
  assert_contains (text, "广州塔（Canton Tower）");
  assert_contains (text, "王伟");
  assert_contains (html, "<html lang=\"zh-CN\">");
  /* and back in English after */
  g_free (text);
  text = text_of (wang);
  assert_contains (text, "“Lab visit” moved from 13:00 to 13:30.");
}

static char *
read_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* The batch: a text and an HTML file for each delegate with changes, in
 * their language, and the list of who gets which; the HTML is read back
 * by xmllint's HTML parser. */
static void
test_batch (void)
{
  g_autoptr(MtTour) tour = small_tour_new ();
  g_autoptr(GPtrArray) digests = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mt-digests-XXXXXX", NULL);
  g_autofree char *index = NULL, *text = NULL, *html_path = NULL, *out = NULL, *err = NULL;
  int written, status;

  mt_delegate_set_email (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, DELEGATE_WANG), "wang@example.org");
  mt_tour_issue_version (tour, NULL);
  mt_visit_set_title (visit (tour, VISIT_LAB), "Lab visit & <demo>");

  digests = mt_digest_new_all (tour, NULL);
  folder = g_file_new_for_path (dir);
  written = mt_digest_write_batch (digests, folder, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 1);

  index = read_file (dir, "digests.csv");
  assert_contains (index, "\xef\xbb\xbfname,email,language,changes,since,text,html,id\r\n");
  assert_contains (index, "王伟,wang@example.org,,1,1,王伟-00000000.txt,王伟-00000000.html," DELEGATE_WANG "\r\n");
  g_assert_null (strstr (index, "Li Na"));
  text = read_file (dir, "王伟-00000000.txt");
  assert_contains (text, "“Lab visit” is now called “Lab visit & <demo>”.");

  html_path = g_build_filename (dir, "王伟-00000000.html", NULL);
  {
    const char *argv[] = { "xmllint", "--html", "--noout", html_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL) || *err != '\0')
      g_error ("xmllint finds the HTML digest wrong: %s", err);
  }
  {
    g_autofree char *html = read_file (dir, "王伟-00000000.html");

    assert_contains (html, "Lab visit &amp; &lt;demo&gt;");
  }

  /* every delegate, where asked */
  g_assert_cmpint (mt_digest_write_batch (digests, folder, TRUE, NULL, &error), ==, 2);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  export_test_init_translations ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formats/digest/moved-for-one-group", test_moved_for_one_group);
  g_test_add_func ("/formats/digest/change-and-undo", test_change_and_undo);
  g_test_add_func ("/formats/digest/interview-moved", test_interview_moved);
  g_test_add_func ("/formats/digest/every-change", test_every_change);
  g_test_add_func ("/formats/digest/no-copy", test_no_copy);
  g_test_add_func ("/formats/digest/since", test_since);
  g_test_add_func ("/formats/digest/chinese", test_chinese);
  g_test_add_func ("/formats/digest/batch", test_batch);

  return g_test_run ();
}
