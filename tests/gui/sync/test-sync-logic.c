/* test-sync-logic.c: what the window says about syncs, without a display
 *
 * The words of what came in (real merges of two copies of the sample),
 * the header bar's states, when a tour syncs, and the count of edits
 * waiting to go out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mt-dav-client.h"
#include "mt-sync-controller.h"
#include "mt-sync-pending.h"
#include "mt-sync-policy.h"
#include "mt-sync-status.h"
#include "mt-sync-words.h"
#include "mt-test-content.h"

/* Two copies of the sample: Lin's, and Wei's that changes things */
typedef struct
{
  MtTour *lin;
  MtTour *wei;
} Pair;

static void
pair_setup (Pair          *pair,
            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  pair->lin = mt_tour_new_sample ();
  mt_tour_set_replica (pair->lin, "lin-laptop");
  mt_tour_set_replica_name (pair->lin, "lin-laptop", "Lin");
  bytes = mt_tour_save_to_bytes (pair->lin);
  pair->wei = mt_tour_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, NULL, &error);
  g_assert_no_error (error);
  mt_tour_set_replica (pair->wei, "wei-laptop");
  mt_tour_set_replica_name (pair->wei, "wei-laptop", "Wei");
}

static void
pair_teardown (Pair          *pair,
               gconstpointer  data)
{
  g_clear_object (&pair->lin);
  g_clear_object (&pair->wei);
}

/* What Lin's copy takes in from Wei's, in words */
static GPtrArray *
merge_words (Pair *pair)
{
  g_autoptr(MtMergeReport) report = mt_tour_merge (pair->lin, pair->wei, NULL, g_get_real_time () / 1000, NULL);

  g_assert_cmpuint (mt_sync_words_count (report->incoming), >, 0);
  return mt_sync_words_describe (pair->lin, report->incoming);
}

static const char *
text_of (GPtrArray *items,
         guint      i)
{
  g_assert_cmpuint (i, <, items->len);
  return mt_change_item_get_text (g_ptr_array_index (items, i));
}

/* A visit moved on its day is one line, with the new time; to another
 * day, with the date; a click on it reveals the visit. */
static void
test_words_moved (Pair          *pair,
                  gconstpointer  data)
{
  MtVisit *transfer = mt_test_find_visit (pair->wei, "Transfer: city centre → Baiyun District");
  MtVisit *to_shenzhen = mt_test_find_visit (pair->wei, "Transfer: Guangzhou → Shenzhen");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(MtMergeReport) report = NULL;

  mt_tour_move_visit (pair->wei, transfer, mt_wall_time_new (2024, 5, 14, 15, 30, 0));
  items = merge_words (pair);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (text_of (items, 0), ==, "Wei moved “Transfer: city centre → Baiyun District” to 15:30");
  g_assert_cmpstr (mt_change_item_get_who (g_ptr_array_index (items, 0)), ==, "Wei");
  g_assert_cmpstr (mt_change_item_get_id (g_ptr_array_index (items, 0)), ==, mt_entity_get_id (MT_ENTITY (transfer)));
  g_assert_cmpint (mt_change_item_get_kind (g_ptr_array_index (items, 0)), ==, MT_ENTITY_VISIT);
  g_clear_pointer (&items, g_ptr_array_unref);

  mt_tour_move_visit (pair->wei, to_shenzhen, mt_wall_time_new (2024, 5, 16, 7, 45, 0));
  items = merge_words (pair);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (text_of (items, 0), ==, "Wei moved “Transfer: Guangzhou → Shenzhen” to Thursday, 16 May, 07:45");

  /* only the end: not a move */
  mt_visit_set_end (to_shenzhen, mt_wall_time_new (2024, 5, 16, 10, 15, 0));
  report = mt_tour_merge (pair->lin, pair->wei, NULL, g_get_real_time () / 1000, NULL);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = mt_sync_words_describe (pair->lin, report->incoming);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (text_of (items, 0), ==, "Wei made “Transfer: Guangzhou → Shenzhen” end at 10:15");
}

/* A version of the plan Wei issued reads as such, and so does its
 * withdrawal */
static void
test_words_versions (Pair          *pair,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;

  mt_tour_issue_version (pair->wei, "Sent on the coach");
  items = merge_words (pair);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (text_of (items, 0), ==, "Wei issued Version 1 to the delegates");
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_true (mt_history_undo (mt_tour_get_history (pair->wei)));
  items = merge_words (pair);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (text_of (items, 0), ==, "Wei withdrew Version 1");
}

/* Renames, statuses, sites, long notes, additions and deletions, and the
 * tour's own title each read as a sentence. */
static void
test_words_fields (Pair          *pair,
                   gconstpointer  data)
{
  MtVisit *ehang = mt_test_find_visit (pair->wei, "EHang: the low-altitude economy");
  MtVisit *transfer = mt_test_find_visit (pair->wei, "Transfer: city centre → Baiyun District");
  MtVisit *storage = mt_test_find_visit (pair->wei, "National Institute of Guangdong Advanced Energy Storage");
  MtVisit *yuntao = mt_test_find_visit (pair->wei, "Guangdong Yuntao Hydrogen Technology");
  g_autoptr(MtVisit) added = MT_VISIT (mt_entity_new_of_kind (MT_ENTITY_VISIT, NULL));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const char *expected[] = {
    "Wei renamed the tour to “Pearl River Delta tour”",
    "Wei marked “EHang: the low-altitude economy” as Tentative",
    "Wei moved “National Institute of Guangdong Advanced Energy Storage” to “EHang Holdings Limited”",
    "Wei edited the notes of “Guangdong Yuntao Hydrogen Technology”",
    "Wei deleted the visit “Transfer: city centre → Baiyun District”",
    "Wei added the visit “Press conference”",
  };

  mt_tour_set_title (pair->wei, "Pearl River Delta tour");
  mt_visit_set_status (ehang, MT_VISIT_TENTATIVE);
  mt_visit_set_site (storage, mt_visit_get_site (ehang));
  mt_visit_set_notes (yuntao, "Bring the signed filming permit.\nAsk for the hydrogen bus demonstration.");
  mt_tour_remove (pair->wei, MT_ENTITY (transfer));
  mt_visit_set_title (added, "Press conference");
  mt_visit_set_start (added, mt_wall_time_new (2024, 5, 14, 21, 0, 0));
  mt_visit_set_end (added, mt_wall_time_new (2024, 5, 14, 21, 30, 0));
  g_assert_true (mt_tour_add (pair->wei, MT_ENTITY (added), NULL));

  items = merge_words (pair);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (texts, (gpointer) text_of (items, i));
  g_ptr_array_add (texts, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_strv_contains ((const char * const *) texts->pdata, expected[i]))
      g_error ("“%s” is not among what came in:\n%s", expected[i],
               g_strjoinv ("\n", (char **) texts->pdata));
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));
}

/* A renamed visit, and a delegate's role, in their editors' words */
static void
test_words_values (Pair          *pair,
                   gconstpointer  data)
{
  MtVisit *ehang = mt_test_find_visit (pair->lin, "EHang: the low-altitude economy");
  g_autoptr(JsonNode) start = json_node_init_string (json_node_alloc (), "2024-05-15T09:30");
  g_autoptr(JsonNode) site = json_node_init_string (json_node_alloc (), mt_visit_get_site (ehang));
  g_autoptr(JsonNode) role = json_node_init_string (json_node_alloc (), "camera");
  g_autoptr(JsonNode) empty = json_node_init_null (json_node_alloc ());
  g_autoptr(JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autofree char *start_text = mt_sync_words_value (pair->lin, MT_ENTITY_VISIT, "start", start);
  g_autofree char *site_text = mt_sync_words_value (pair->lin, MT_ENTITY_VISIT, "site", site);
  g_autofree char *role_text = mt_sync_words_value (pair->lin, MT_ENTITY_DELEGATE, "role", role);
  g_autofree char *empty_text = mt_sync_words_value (pair->lin, MT_ENTITY_VISIT, "notes", empty);
  g_autofree char *yes_text = mt_sync_words_value (pair->lin, MT_ENTITY_INTERVIEW, "interpreter", yes);
  g_autofree char *who = mt_sync_words_who (pair->lin, "nobody-known");
  MtConflict conflict = { MT_ENTITY_VISIT, NULL, (char *) "start", (char *) "EHang", };

  g_assert_cmpstr (start_text, ==, "Wednesday, 15 May, 09:30");
  g_assert_cmpstr (site_text, ==, "“EHang Holdings Limited”");
  g_assert_cmpstr (role_text, ==, "Camera operator");
  g_assert_cmpstr (empty_text, ==, "(empty)");
  g_assert_cmpstr (yes_text, ==, "Yes");
  g_assert_cmpstr (who, ==, "Someone");
  g_assert_cmpstr (mt_sync_words_field (MT_ENTITY_DELEGATE, "dietary"), ==, "Dietary needs");
  g_assert_cmpstr (mt_sync_words_field (MT_N_ENTITY_KINDS, "first-day"), ==, "First day");
  {
    g_autofree char *title = mt_sync_words_conflict_title (&conflict);

    g_assert_cmpstr (title, ==, "“EHang”: Start");
  }
}

/* The header bar: each state, and which wins */
static char *
status_title (const MtSyncStatusInput *input,
              MtSyncStatusKind         kind,
              gboolean                 can_retry)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2024, 5, 14, 16, 0, 0);
  g_autoptr(MtSyncStatus) status = mt_sync_status_new (input, now);

  g_assert_cmpint (status->kind, ==, kind);
  g_assert_cmpint (status->can_retry, ==, can_retry);
  g_assert_nonnull (status->detail);
  g_assert_nonnull (status->icon_name);
  return g_strdup (status->title);
}

static void
test_status (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_local (2024, 5, 14, 15, 30, 0);
  g_autoptr(GDateTime) before = g_date_time_new_local (2024, 5, 12, 9, 0, 0);
  g_autoptr(GError) refused = g_error_new (MT_SYNC_ERROR, MT_SYNC_ERROR_NETWORK, "Could not reach x: refused");
  g_autoptr(GError) auth = g_error_new (MT_SYNC_ERROR, MT_SYNC_ERROR_AUTH, "x refused the user name “lin”");
  MtSyncStatusInput input = {
    .shared = TRUE, .online = TRUE, .n_pending = 0,
    .last_sync_ms = g_date_time_to_unix (today) * 1000,
  };
  char *title;

  title = status_title (&input, MT_SYNC_STATUS_SYNCED, FALSE);
  g_assert_cmpstr (title, ==, "Synced at 15:30");
  g_free (title);
  input.last_sync_ms = g_date_time_to_unix (before) * 1000;
  title = status_title (&input, MT_SYNC_STATUS_SYNCED, FALSE);
  g_assert_cmpstr (title, ==, "Synced on 12 May");
  g_free (title);

  input.n_conflicts = 2;
  title = status_title (&input, MT_SYNC_STATUS_CONFLICTS, FALSE);
  g_assert_cmpstr (title, ==, "2 conflicts");
  g_free (title);

  /* a server that cannot be reached: offline, the edits counted */
  input.error = refused;
  input.n_pending = 3;
  title = status_title (&input, MT_SYNC_STATUS_OFFLINE, TRUE);
  g_assert_cmpstr (title, ==, "Offline · 3 edits waiting");
  g_free (title);
  input.n_pending = 1;
  title = status_title (&input, MT_SYNC_STATUS_OFFLINE, TRUE);
  g_assert_cmpstr (title, ==, "Offline · 1 edit waiting");
  g_free (title);
  /* no network: nothing to retry until it comes back */
  input.error = NULL;
  input.online = FALSE;
  input.n_pending = MT_SYNC_PENDING_UNKNOWN;
  title = status_title (&input, MT_SYNC_STATUS_OFFLINE, FALSE);
  g_assert_cmpstr (title, ==, "Offline");
  g_free (title);

  /* an error: the reason, and a retry; it beats offline and conflicts */
  input.error = auth;
  title = status_title (&input, MT_SYNC_STATUS_ERROR, TRUE);
  g_assert_cmpstr (title, ==, "Wrong password");
  g_free (title);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(MtSyncStatus) status = mt_sync_status_new (&input, now);

    g_assert_nonnull (strstr (status->detail, "x refused the user name “lin”"));
  }

  /* a run under way beats all */
  input.syncing = TRUE;
  title = status_title (&input, MT_SYNC_STATUS_SYNCING, FALSE);
  g_assert_cmpstr (title, ==, "Syncing…");
  g_free (title);

  input = (MtSyncStatusInput) { .shared = TRUE, .online = TRUE, .metered_paused = TRUE, .n_pending = 2 };
  title = status_title (&input, MT_SYNC_STATUS_PAUSED, TRUE);
  g_assert_cmpstr (title, ==, "Paused · 2 edits waiting");
  g_free (title);

  input = (MtSyncStatusInput) { .shared = FALSE };
  title = status_title (&input, MT_SYNC_STATUS_NOT_SHARED, FALSE);
  g_free (title);
}

/* When syncs start by themselves */
static void
test_policy (void)
{
  MtSyncPolicy policy;
  const gint64 expected[] = { 5000, 10000, 20000, 40000, 60000, 60000 };

  mt_sync_policy_init (&policy);
  g_assert_cmpint (mt_sync_policy_next_delay (&policy), ==, 60000);
  g_assert_true (mt_sync_policy_allows (&policy, MT_SYNC_TRIGGER_EDIT));

  /* the server cannot be reached: sooner, then less often, up to the interval */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      mt_sync_policy_record (&policy, MT_SYNC_FAILURE_UNREACHABLE);
      g_assert_cmpint (mt_sync_policy_next_delay (&policy), ==, expected[i]);
      g_assert_true (mt_sync_policy_allows (&policy, MT_SYNC_TRIGGER_EDIT));
    }
  mt_sync_policy_record (&policy, MT_SYNC_FAILURE_NONE);
  g_assert_cmpint (mt_sync_policy_next_delay (&policy), ==, 60000);

  /* a wrong password: only the user starts the next try */
  mt_sync_policy_record (&policy, MT_SYNC_FAILURE_AUTH);
  g_assert_cmpint (mt_sync_policy_next_delay (&policy), ==, -1);
  g_assert_false (mt_sync_policy_allows (&policy, MT_SYNC_TRIGGER_SAVE));
  g_assert_false (mt_sync_policy_allows (&policy, MT_SYNC_TRIGGER_TIMER));
  g_assert_true (mt_sync_policy_allows (&policy, MT_SYNC_TRIGGER_DEMAND));
  mt_sync_policy_record (&policy, MT_SYNC_FAILURE_OTHER);
  g_assert_cmpint (mt_sync_policy_next_delay (&policy), ==, 60000);

  /* offline: nothing starts by itself, not even a retry */
  policy.online = FALSE;
  g_assert_cmpint (mt_sync_policy_next_delay (&policy), ==, -1);
  g_assert_false (mt_sync_policy_allows (&policy, MT_SYNC_TRIGGER_EDIT));
  g_assert_true (mt_sync_policy_allows (&policy, MT_SYNC_TRIGGER_DEMAND));

  /* metered: as the preference says */
  policy.online = TRUE;
  policy.metered = TRUE;
  g_assert_false (mt_sync_policy_allows (&policy, MT_SYNC_TRIGGER_RECONNECT));
  policy.sync_on_metered = TRUE;
  g_assert_true (mt_sync_policy_allows (&policy, MT_SYNC_TRIGGER_RECONNECT));

  policy.interval_s = 15 * 60;
  g_assert_cmpint (mt_sync_policy_next_delay (&policy), ==, 15 * 60 * 1000);
}

/* Edits made since the last sync are counted as the panel lists them: a
 * move (start and end) is one, and what only came in is none */
static void
test_pending (Pair          *pair,
              gconstpointer  data)
{
  g_autoptr(GBytes) base = mt_tour_save_to_bytes (pair->wei);
  g_autoptr(GBytes) same = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  MtVisit *transfer = mt_test_find_visit (pair->wei, "Transfer: Guangzhou → Shenzhen");

  same = mt_tour_save_to_bytes (pair->wei);
  g_assert_cmpuint (mt_sync_pending_count (base, same, &error), ==, 0);
  g_assert_no_error (error);

  mt_tour_move_visit (pair->wei, transfer, mt_wall_time_new (2024, 5, 15, 7, 30, 0));
  mt_visit_set_notes (mt_test_find_visit (pair->wei, "Dinner"), "Vegetarian table for six");
  edited = mt_tour_save_to_bytes (pair->wei);
  g_assert_cmpuint (mt_sync_pending_count (base, edited, &error), ==, 2);
  g_assert_no_error (error);

  /* a damaged base says so */
  {
    g_autoptr(GBytes) damaged = g_bytes_new_static ("{ \"format\": 2, ", 15);

    g_assert_cmpuint (mt_sync_pending_count (damaged, edited, &error), ==, G_MAXUINT);
    g_assert_nonnull (error);
  }
}

/* What the share dialog takes as the tour's address */
static void
test_tour_url (void)
{
  g_autoptr(GError) error = NULL;
  char *url;

  url = mt_sync_tour_url_from_input (" https://dav.example.org/tours/ ", "Guangdong tour.mtour", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "https://dav.example.org/tours/Guangdong%20tour.mtour");
  g_free (url);
  url = mt_sync_tour_url_from_input ("http://127.0.0.1:8080/dav/a.mtour", "b.mtour", &error);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:8080/dav/a.mtour");
  g_free (url);

  /* a folder where a tour's address is wanted (opening), and no address */
  g_assert_null (mt_sync_tour_url_from_input ("https://dav.example.org/tours/", NULL, &error));
  g_assert_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_URL);
  g_clear_error (&error);
  g_assert_null (mt_sync_tour_url_from_input ("ftp://dav.example.org/tours/", "a.mtour", &error));
  g_assert_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_URL);
  g_assert_nonnull (strstr (error->message, "ftp://dav.example.org/tours/"));
  g_clear_error (&error);
  g_assert_null (mt_sync_tour_url_from_input ("dav.example.org", "a.mtour", &error));
  g_assert_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_URL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync-ui/words/moved", Pair, NULL, pair_setup, test_words_moved, pair_teardown);
  g_test_add ("/sync-ui/words/fields", Pair, NULL, pair_setup, test_words_fields, pair_teardown);
  g_test_add ("/sync-ui/words/values", Pair, NULL, pair_setup, test_words_values, pair_teardown);
  g_test_add ("/sync-ui/words/versions", Pair, NULL, pair_setup, test_words_versions, pair_teardown);
  g_test_add_func ("/sync-ui/status", test_status);
  g_test_add_func ("/sync-ui/policy", test_policy);
  g_test_add ("/sync-ui/pending", Pair, NULL, pair_setup, test_pending, pair_teardown);
  g_test_add_func ("/sync-ui/tour-url", test_tour_url);

  return g_test_run ();
}
