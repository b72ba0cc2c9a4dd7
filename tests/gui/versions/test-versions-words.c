/* test-versions-words.c: what the versions dialogs say, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mt-test-lookup.h"
#include "mt-versions-words.h"
#include "mt-wall-time.h"

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

/* the delegates of the one group that a visit is for */
static guint
count_audience (MtTour  *tour,
                MtVisit *visit)
{
  const char * const *groups = mt_visit_get_groups (visit);
  GListModel *delegates = mt_tour_get_delegates (tour);
  guint count = 0;

  g_assert_nonnull (groups);
  g_assert_cmpuint (g_strv_length ((char **) groups), ==, 1);
  for (guint i = 0, n = g_list_model_get_n_items (delegates); i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);

      count += g_strcmp0 (mt_delegate_get_group (delegate), groups[0]) == 0;
    }
  return count;
}

/* The issue dialog names the version it makes and says who has changes:
 * only the delegates of the group a visit moved for; after the undo,
 * nobody */
static void
test_issue_summary (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  g_autofree char *label = NULL, *first = NULL, *after = NULL, *undone = NULL, *expected = NULL;
  MtVisit *filming = mt_test_lookup_named (tour, MT_ENTITY_VISIT, "Shenzhen: filming");
  guint n_group = count_audience (tour, filming);

  label = mt_versions_words_next_label (tour);
  g_assert_cmpstr (label, ==, "Version 1");
  first = mt_versions_words_issue_summary (tour);
  g_assert_cmpstr (first, ==, "The plan as it is now is recorded as sent to the 108 delegates. "
                              "Later, each delegate can be told what changed since this copy.");

  mt_tour_issue_version (tour, NULL);
  g_free (label);
  label = mt_versions_words_next_label (tour);
  g_assert_cmpstr (label, ==, "Version 2");

  g_assert_cmpuint (n_group, >, 0);
  g_assert_cmpuint (n_group, <, 108);
  mt_tour_move_visit (tour, filming, mt_visit_get_start (filming) + 30 * 60);
  after = mt_versions_words_issue_summary (tour);
  expected = g_strdup_printf ("The plan as it is now is recorded as sent to the 108 delegates. "
                              "%u of them have changes since their copy.", n_group);
  g_assert_cmpstr (after, ==, expected);

  g_assert_true (mt_history_undo (mt_tour_get_history (tour)));
  undone = mt_versions_words_issue_summary (tour);
  assert_contains (undone, "Nothing has changed for any of them since their copy.");
}

/* A version in the list: when, by whom (where the copy has a name), to
 * how many */
static void
test_sent (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  MtVersion *version = mt_tour_issue_version (tour, "Day 3 moved");
  g_autofree char *anonymous = mt_versions_words_sent (tour, version);
  g_autofree char *named = NULL, *sent = mt_tour_format_version_issued (tour, version);
  g_autofree char *expected = g_strdup_printf ("Sent %s to 108 delegates", sent);

  g_assert_cmpstr (anonymous, ==, expected);
  mt_tour_set_replica_name (tour, mt_version_get_stamp (version)->replica, "Lin");
  named = mt_versions_words_sent (tour, version);
  g_free (expected);
  expected = g_strdup_printf ("Sent %s by Lin to 108 delegates", sent);
  g_assert_cmpstr (named, ==, expected);
}

/* A delegate's "what changed": the visit moved for their group, with both
 * times; a delegate of another group has nothing */
static void
test_digest (void)
{
  g_autoptr(MtTour) tour = mt_tour_new_sample ();
  MtVisit *filming = mt_test_lookup_named (tour, MT_ENTITY_VISIT, "Shenzhen: filming");
  GListModel *delegates = mt_tour_get_delegates (tour);
  g_autofree char *theirs = NULL, *others = NULL, *unknown = NULL;
  g_autoptr(GError) error = NULL;
  const char *in_group = NULL, *not_in_group = NULL;

  mt_tour_issue_version (tour, NULL);
  mt_tour_move_visit (tour, filming, mt_visit_get_start (filming) + 30 * 60);
  for (guint i = 0, n = g_list_model_get_n_items (delegates); i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);
      gboolean ours = g_strcmp0 (mt_delegate_get_group (delegate), mt_visit_get_groups (filming)[0]) == 0;

      if (ours && in_group == NULL)
        in_group = mt_entity_get_id (MT_ENTITY (delegate));
      if (!ours && not_in_group == NULL)
        not_in_group = mt_entity_get_id (MT_ENTITY (delegate));
    }

  theirs = mt_versions_words_digest (tour, in_group, NULL, &error);
  g_assert_no_error (error);
  assert_contains (theirs, "Shenzhen: filming");
  assert_contains (theirs, " moved from ");
  others = mt_versions_words_digest (tour, not_in_group, NULL, &error);
  g_assert_no_error (error);
  assert_contains (others, "Nothing has changed for ");
  g_assert_null (strstr (others, "filming"));

  unknown = mt_versions_words_digest (tour, "00000000-0000-4000-8000-00000000dead", NULL, &error);
  g_assert_null (unknown);
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/versions-ui/words/issue-summary", test_issue_summary);
  g_test_add_func ("/versions-ui/words/sent", test_sent);
  g_test_add_func ("/versions-ui/words/digest", test_digest);

  return g_test_run ();
}
