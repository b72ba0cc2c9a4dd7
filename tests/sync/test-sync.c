/* test-sync.c: organisers sharing a tour through real WebDAV servers
 *
 * Each test runs against Apache (mod_dav_fs) and lighttpd (mod_webdav),
 * started on 127.0.0.1 for this program, each test in a folder of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <libical-glib/libical-glib.h>

#include "mt-feeds.h"
#include "mt-ical.h"
#include "mt-server-check.h"
#include "mt-test-edits.h"
#include "sync-test-util.h"

static TestServer *servers[2];

static TestServer *
server_of (gconstpointer data)
{
  return servers[GPOINTER_TO_UINT (data)];
}

static MtVisit *
visit_at (MtTour *tour,
          guint   n)
{
  g_autoptr(MtVisit) visit = g_list_model_get_item (mt_tour_get_visits (tour), n);

  return visit;
}

static MtVisit *
visit_by_id (MtTour     *tour,
             const char *id)
{
  return mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, id);
}

/* Lin shares a tour; Wei fetches it, edits it and syncs; Lin's next sync
 * brings the edit in, as one undoable step. */
static void
test_round_trip (gconstpointer data)
{
  TestServer *server = server_of (data);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *folder = test_server_new_folder (server);
  g_autofree char *url = g_strconcat (folder, "tour.mtour", NULL);
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  g_autoptr(TestCopy) lin = test_copy_new (dir, "lin.mtour", url, "lin", sample);
  g_autoptr(TestCopy) wei = test_copy_new (dir, "wei.mtour", url, "wei", NULL);
  g_autoptr(MtSyncResult) created = NULL;
  g_autoptr(MtSyncResult) fetched = NULL;
  g_autoptr(MtSyncResult) sent = NULL;
  g_autoptr(MtSyncResult) received = NULL;
  g_autoptr(MtSyncResult) again = NULL;
  g_autofree char *id = g_strdup (mt_entity_get_id (MT_ENTITY (visit_at (sample, 3))));
  g_autofree char *lin_bytes = NULL;
  g_autofree char *wei_bytes = NULL;
  g_autofree char *on_disk = NULL;

  /* the server's folder does not exist yet: sharing makes it */
  created = test_copy_sync (lin);
  g_assert_true (created->written);
  g_assert_true (created->created);
  g_assert_cmpuint (created->n_feeds_written, >, 0);

  fetched = test_copy_sync (wei);
  g_assert_true (fetched->fetched);
  g_assert_false (fetched->written);
  g_assert_true (g_file_get_contents (wei->path, &on_disk, NULL, NULL));
  lin_bytes = test_copy_bytes (lin);
  g_assert_cmpstr (on_disk, ==, lin_bytes);

  mt_visit_set_title (visit_by_id (wei->tour, id), "Visit to EHang");
  mt_tour_move_visit (wei->tour, visit_by_id (wei->tour, id),
                      mt_visit_get_start (visit_by_id (wei->tour, id)) + 30 * 60);
  sent = test_copy_sync (wei);
  g_assert_true (sent->written);
  g_assert_false (sent->created);
  g_assert_cmpuint (sent->report->n_outgoing, >=, 2);

  received = test_copy_sync (lin);
  g_assert_false (received->written);
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (lin->tour, id)), ==, "Visit to EHang");
  g_assert_cmpuint (received->report->incoming->len, >=, 2);
  g_assert_cmpstr (mt_history_get_undo_label (mt_tour_get_history (lin->tour)), ==, "Changes from wei");

  lin_bytes = (g_free (lin_bytes), test_copy_bytes (lin));
  wei_bytes = test_copy_bytes (wei);
  g_assert_cmpstr (lin_bytes, ==, wei_bytes);

  /* nothing new: nothing written, the feeds not again */
  again = test_copy_sync (lin);
  g_assert_false (again->written);
  g_assert_cmpuint (again->n_feeds_written, ==, 0);
  g_assert_cmpuint (again->report->incoming->len, ==, 0);

  /* one undo takes what came in back out */
  g_assert_true (mt_history_undo (mt_tour_get_history (lin->tour)));
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (lin->tour, id)), !=, "Visit to EHang");

  test_remove_dir (dir);
}

/* Both organisers edit offline, different items and different fields of
 * one item; they sync in either order: both edits survive everywhere and
 * the files are the same bytes. */
static void
check_offline_edits (TestServer *server,
                     gboolean    lin_first)
{
  g_autoptr(MtTour) origin = mt_tour_generate (30, 20, 20, 1);
  g_autoptr(TestPair) pair = test_pair_new (server, origin, TRUE);
  TestCopy *lin = pair->lin, *wei = pair->wei;
  g_autofree char *a = g_strdup (mt_entity_get_id (MT_ENTITY (visit_at (origin, 1))));
  g_autofree char *b = g_strdup (mt_entity_get_id (MT_ENTITY (visit_at (origin, 2))));
  g_autofree char *lin_bytes = NULL;
  g_autofree char *wei_bytes = NULL;
  gint64 start;

  mt_visit_set_title (visit_by_id (lin->tour, a), "Lin renamed it");
  mt_visit_set_notes (visit_by_id (lin->tour, b), "Lin's note");
  start = mt_visit_get_start (visit_by_id (wei->tour, b));
  mt_tour_move_visit (wei->tour, visit_by_id (wei->tour, b), start + 3600);
  mt_tour_set_description (wei->tour, "Wei's description");

  for (guint round = 0; round < 2; round++)
    {
      mt_sync_result_free (test_copy_sync (lin_first ? lin : wei));
      mt_sync_result_free (test_copy_sync (lin_first ? wei : lin));
    }

  for (guint i = 0; i < 2; i++)
    {
      MtTour *tour = i == 0 ? lin->tour : wei->tour;

      g_assert_cmpstr (mt_visit_get_title (visit_by_id (tour, a)), ==, "Lin renamed it");
      g_assert_cmpstr (mt_visit_get_notes (visit_by_id (tour, b)), ==, "Lin's note");
      g_assert_cmpint (mt_visit_get_start (visit_by_id (tour, b)), ==, start + 3600);
      g_assert_cmpstr (mt_tour_get_description (tour), ==, "Wei's description");
    }
  lin_bytes = test_copy_bytes (lin);
  wei_bytes = test_copy_bytes (wei);
  g_assert_cmpstr (lin_bytes, ==, wei_bytes);
}

static void
test_offline_edits (gconstpointer data)
{
  check_offline_edits (server_of (data), TRUE);
  check_offline_edits (server_of (data), FALSE);
}

/* Both change one field: the later edit wins everywhere; the copy that
 * syncs second finds that both changed it since they last agreed, and
 * keeps the other value as a conflict (in its sync state, across a
 * restart), which restores it everywhere. */
static void
test_same_field (gconstpointer data)
{
  g_autoptr(MtTour) origin = mt_tour_generate (20, 10, 10, 2);
  g_autoptr(TestPair) pair = test_pair_new (server_of (data), origin, TRUE);
  TestCopy *lin = pair->lin, *wei = pair->wei;
  g_autofree char *id = g_strdup (mt_entity_get_id (MT_ENTITY (visit_at (origin, 4))));
  g_autoptr(MtSyncResult) second = NULL;
  g_autoptr(MtSyncResult) restored = NULL;
  g_autoptr(MtSyncState) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  MtConflict *conflict;

  mt_visit_set_title (visit_by_id (lin->tour, id), "Lin's title");
  g_usleep (5000);
  mt_visit_set_title (visit_by_id (wei->tour, id), "Wei's title");

  mt_sync_result_free (test_copy_sync (lin));
  second = test_copy_sync (wei);
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (wei->tour, id)), ==, "Wei's title");
  g_assert_cmpuint (second->report->conflicts->len, ==, 1);
  mt_sync_result_free (test_copy_sync (lin));
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (lin->tour, id)), ==, "Wei's title");

  reloaded = mt_sync_state_load (wei->file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded->conflicts->len, ==, 1);
  conflict = g_ptr_array_index (reloaded->conflicts, 0);
  g_assert_cmpstr (conflict->id, ==, id);
  g_assert_cmpstr (conflict->field, ==, "title");
  g_assert_cmpstr (json_node_get_string (conflict->kept_value), ==, "Wei's title");
  g_assert_cmpstr (json_node_get_string (conflict->lost_value), ==, "Lin's title");
  g_assert_cmpstr (mt_tour_get_replica_name (wei->tour, conflict->lost_replica), ==, "lin");
  g_assert_cmpstr (mt_tour_get_replica_name (wei->tour, conflict->kept_replica), ==, "wei");

  /* "keep this one" on Lin's value: it wins everywhere */
  g_assert_true (mt_conflict_restore (conflict, wei->tour, &error));
  g_assert_no_error (error);
  restored = test_copy_sync (wei);
  g_assert_true (restored->written);
  mt_sync_result_free (test_copy_sync (lin));
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (lin->tour, id)), ==, "Lin's title");
}

/* Edit against delete, two delegates added to one interview from two
 * copies, and a copy whose clock is a week ahead. */
static void
test_merge_rules (gconstpointer data)
{
  g_autoptr(MtTour) origin = mt_tour_generate (20, 10, 10, 3);
  g_autoptr(TestPair) pair = test_pair_new (server_of (data), origin, TRUE);
  TestCopy *lin = pair->lin, *wei = pair->wei;
  g_autofree char *kept = g_strdup (mt_entity_get_id (MT_ENTITY (visit_at (origin, 5))));
  g_autoptr(MtInterview) interview = g_list_model_get_item (mt_tour_get_interviews (origin), 0);
  g_autofree char *interview_id = g_strdup (mt_entity_get_id (MT_ENTITY (interview)));
  g_autoptr(MtDelegate) d7 = g_list_model_get_item (mt_tour_get_delegates (origin), 7);
  g_autoptr(MtDelegate) d8 = g_list_model_get_item (mt_tour_get_delegates (origin), 8);
  g_autofree char *fast_title = NULL;
  g_autoptr(MtSyncResult) wei_sync = NULL;
  const char * const *delegates;

  /* Lin deletes a visit Wei edits */
  mt_tour_remove (lin->tour, MT_ENTITY (visit_by_id (lin->tour, kept)));
  /* each adds a delegate to the interview */
  {
    MtInterview *mine = mt_tour_lookup_kind (lin->tour, MT_ENTITY_INTERVIEW, interview_id);
    MtInterview *theirs = mt_tour_lookup_kind (wei->tour, MT_ENTITY_INTERVIEW, interview_id);
    g_autoptr(GStrvBuilder) a = g_strv_builder_new ();
    g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
    g_auto(GStrv) with_d7 = NULL;
    g_auto(GStrv) with_d8 = NULL;

    g_strv_builder_addv (a, (const char **) mt_interview_get_delegates (mine));
    g_strv_builder_add (a, mt_entity_get_id (MT_ENTITY (d7)));
    with_d7 = g_strv_builder_end (a);
    g_strv_builder_addv (b, (const char **) mt_interview_get_delegates (theirs));
    g_strv_builder_add (b, mt_entity_get_id (MT_ENTITY (d8)));
    with_d8 = g_strv_builder_end (b);
    mt_interview_set_delegates (mine, (const char * const *) with_d7);
    mt_interview_set_delegates (theirs, (const char * const *) with_d8);
  }
  g_usleep (5000);
  mt_visit_set_notes (visit_by_id (wei->tour, kept), "Wei confirmed it");

  mt_sync_result_free (test_copy_sync (lin));
  wei_sync = test_copy_sync (wei);
  mt_sync_result_free (test_copy_sync (lin));

  for (guint i = 0; i < 2; i++)
    {
      MtTour *tour = i == 0 ? lin->tour : wei->tour;

      g_assert_nonnull (visit_by_id (tour, kept));
      g_assert_cmpstr (mt_visit_get_notes (visit_by_id (tour, kept)), ==, "Wei confirmed it");
      delegates = mt_interview_get_delegates (mt_tour_lookup_kind (tour, MT_ENTITY_INTERVIEW, interview_id));
      g_assert_true (g_strv_contains (delegates, mt_entity_get_id (MT_ENTITY (d7))));
      g_assert_true (g_strv_contains (delegates, mt_entity_get_id (MT_ENTITY (d8))));
    }
  {
    gboolean said = FALSE;

    for (guint i = 0; i < wei_sync->report->incoming->len; i++)
      said |= ((MtMergeChange *) g_ptr_array_index (wei_sync->report->incoming, i))->kind == MT_MERGE_KEPT;
    g_assert_true (said);
  }

  /* Wei's clock is a week ahead: the edit is set back to the server's time
   * and Lin's later edit of the same field wins */
  mt_tour_set_clock_offset (wei->tour, G_GINT64_CONSTANT (7) * 24 * 3600 * 1000);
  mt_visit_set_title (visit_by_id (wei->tour, kept), "From a fast clock");
  mt_sync_result_free (test_copy_sync (wei));
  mt_sync_result_free (test_copy_sync (lin));
  g_assert_cmpstr (mt_visit_get_title (visit_by_id (lin->tour, kept)), ==, "From a fast clock");
  g_usleep (5000);
  mt_visit_set_title (visit_by_id (lin->tour, kept), "Lin's title");
  mt_sync_result_free (test_copy_sync (lin));
  mt_sync_result_free (test_copy_sync (wei));
  fast_title = g_strdup (mt_visit_get_title (visit_by_id (wei->tour, kept)));
  g_assert_cmpstr (fast_title, ==, "Lin's title");
}

/* The feeds: one for the tour, each group, each delegate, under names that
 * say nothing of who they are for; they parse with libical and hold the
 * events of their group or delegate. (They are read from the server's
 * folder on disk.) */
static GHashTable *
uids_of_feed (const char *path)
{
  g_autofree char *text = NULL;
  ICalComponent *calendar;
  ICalComponent *event;
  GHashTable *uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  calendar = i_cal_parser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (i_cal_component_isa (calendar), ==, I_CAL_VCALENDAR_COMPONENT);
  for (event = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT); event != NULL;)
    {
      ICalComponent *next;

      g_hash_table_add (uids, g_strdup (i_cal_component_get_uid (event)));
      g_object_unref (event);
      next = i_cal_component_get_next_component (calendar, I_CAL_VEVENT_COMPONENT);
      event = next;
    }
  g_object_unref (calendar);
  return uids;
}

/* By RFC 7986 a feed names itself, a delegate's after the delegate, and
 * says how often to look again */
static void
assert_feed_named (const char *path,
                   const char *tour_title,
                   const char *delegate_name)
{
  g_autofree char *text = NULL, *unfolded = NULL, *line = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  parts = g_strsplit (text, "\r\n ", -1);
  unfolded = g_strjoinv ("", parts);
  g_assert_nonnull (strstr (unfolded, "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
  line = delegate_name != NULL ? g_strdup_printf ("\r\nNAME:%s: %s\r\n", tour_title, delegate_name)
                               : g_strdup ("\r\nNAME:");
  if (strstr (unfolded, line) == NULL)
    g_error ("%s has no “%s”", path, line + 2);
}

static void
test_feeds (gconstpointer data)
{
  TestServer *server = server_of (data);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *folder = test_server_new_folder (server);
  g_autofree char *url = g_strconcat (folder, "tour.mtour", NULL);
  g_autoptr(MtTour) sample = mt_tour_new_sample ();
  g_autoptr(TestCopy) lin = test_copy_new (dir, "lin.mtour", url, "lin", sample);
  g_autoptr(MtSyncResult) result = test_copy_sync (lin);
  g_autoptr(GPtrArray) feeds = mt_feeds_list (lin->tour);
  const char *folder_path = folder + strlen (server->url);
  guint checked = 0;

  g_assert_cmpuint (result->n_feeds_written, ==, feeds->len);
  g_assert_cmpuint (feeds->len, ==, 1 + mt_tour_count (lin->tour, MT_ENTITY_GROUP) +
                                    mt_tour_count (lin->tour, MT_ENTITY_DELEGATE));

  for (guint i = 0; i < feeds->len; i += (i < 8 ? 1 : 17))
    {
      MtFeed *feed = g_ptr_array_index (feeds, i);
      g_autofree char *webcal = mt_feed_dup_url (feed, url, TRUE);
      g_autofree char *path = g_build_filename (server->dir, "data", folder_path, feed->name, NULL);
      g_autoptr(GHashTable) uids = uids_of_feed (path);
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_str_has_prefix (webcal, "webcal://127.0.0.1:"));
      g_assert_true (g_str_has_suffix (webcal, feed->name));
      /* the name says nothing of whose it is */
      g_assert_true (feed->title == NULL || strstr (feed->name, feed->title) == NULL);
      g_assert_null (strstr (feed->name, feed->id != NULL ? feed->id : "tour"));

      items = mt_ical_select_items (lin->tour,
                                    feed->kind == MT_ENTITY_GROUP ? feed->id : NULL,
                                    feed->kind == MT_ENTITY_DELEGATE ? feed->id : NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_hash_table_size (uids), ==, items->len);
      assert_feed_named (path, mt_tour_get_title (lin->tour), feed->kind == MT_ENTITY_DELEGATE ? feed->title : NULL);
      for (guint j = 0; j < items->len; j++)
        {
          g_autofree char *uid = mt_ical_uid_for_id (mt_entity_get_id (g_ptr_array_index (items, j)));

          g_assert_true (g_hash_table_contains (uids, uid));
        }
      checked++;
    }
  g_assert_cmpuint (checked, >, 8);


  /* a change to one group's visit rewrites the feeds it is in (the
   * tour's, the group's, its delegates'), not every feed */
  {
    g_autoptr(MtSyncResult) again = NULL;
    MtVisit *visit = NULL;

    for (guint i = 0; visit == NULL; i++)
      if (mt_visit_get_groups (visit_at (lin->tour, i)) != NULL)
        visit = visit_at (lin->tour, i);

    mt_visit_set_notes (visit, "Bring the press card");
    again = test_copy_sync (lin);
    g_assert_cmpuint (again->n_feeds_written, >, 0);
    g_assert_cmpuint (again->n_feeds_written, <, feeds->len);
  }
  /* the tour moved to another folder: the feeds are published there too,
   * whatever was published at the old one */
  {
    g_autofree char *moved_folder = test_server_new_folder (server);
    g_autofree char *moved = g_strconcat (moved_folder, "tour.mtour", NULL);
    g_autoptr(MtSync) sync = mt_sync_new (moved, "lin", "lin-secret", NULL);
    g_autoptr(MtSyncResult) there = NULL;
    g_autoptr(GError) error = NULL;

    there = test_sync (sync, lin->tour, lin->file, lin->state, &error);
    g_assert_no_error (error);
    g_assert_true (there->created);
    g_assert_cmpuint (there->n_feeds_written, ==, feeds->len);
  }
  test_remove_dir (dir);
}

/* Two organisers sync at the same moment: Lin's write lands between Wei's
 * read and write, so Wei's write is refused (412); Wei's sync reads,
 * merges and writes again, and both edits arrive. */
typedef struct
{
  TestCopy     *copy;
  MtSyncResult *result;
  GError       *error;
  gboolean      done;
} Racer;

static void
raced (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  Racer *racer = user_data;

  racer->result = mt_sync_run_finish (MT_SYNC (source), result, &racer->error);
  racer->done = TRUE;
}

static void
sync_other_first (MtSync   *sync,
                  TestCopy *other)
{
  g_signal_handlers_disconnect_by_func (sync, sync_other_first, other);
  mt_sync_result_free (test_copy_sync (other));
}

static void
test_race (gconstpointer data)
{
  g_autoptr(MtTour) origin = mt_tour_generate (200, 50, 50, 4);
  g_autoptr(TestPair) pair = test_pair_new (server_of (data), origin, FALSE);
  TestCopy *lin = pair->lin, *wei = pair->wei;
  Racer racer = { wei, NULL, NULL, FALSE };
  g_autofree char *lin_bytes = NULL;
  g_autofree char *wei_bytes = NULL;

  mt_visit_set_title (visit_at (lin->tour, 10), "Lin raced");
  mt_visit_set_title (visit_at (wei->tour, 20), "Wei raced");
  g_signal_connect (wei->sync, "writing", G_CALLBACK (sync_other_first), lin);
  mt_sync_run_async (wei->sync, wei->tour, wei->file, wei->state, NULL, raced, &racer);
  while (!racer.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (racer.error);
  g_assert_true (racer.result->written);
  g_assert_cmpuint (racer.result->n_attempts, >=, 2);
  g_assert_cmpstr (mt_visit_get_title (visit_at (wei->tour, 10)), ==, "Lin raced");
  mt_sync_result_free (racer.result);

  mt_sync_result_free (test_copy_sync (lin));
  g_assert_cmpstr (mt_visit_get_title (visit_at (lin->tour, 20)), ==, "Wei raced");
  lin_bytes = test_copy_bytes (lin);
  wei_bytes = test_copy_bytes (wei);
  g_assert_cmpstr (lin_bytes, ==, wei_bytes);
}

/* Apache killed in the middle of a write, then started again. The write
 * goes through a proxy on 127.0.0.1 that passes the request on at 8 MB/s
 * (loopback alone would send a 15 MB tour in a few milliseconds), and
 * Apache is killed once 3 MB of the tour have reached it: the sync fails,
 * the local file and state hold, and the next sync converges. */
typedef struct
{
  GSocketService *service;
  guint16         port;
  guint16         upstream_port;
  gint            forwarded;   /* bytes from client to server, atomic */
} Proxy;

typedef struct
{
  GIOStream *from;
  GIOStream *to;
} Pump;

static gpointer
pump_back (gpointer data)
{
  Pump *pump = data;
  char buffer[64 * 1024];
  gssize n;

  while ((n = g_input_stream_read (g_io_stream_get_input_stream (pump->from), buffer, sizeof buffer, NULL, NULL)) > 0)
    if (!g_output_stream_write_all (g_io_stream_get_output_stream (pump->to), buffer, n, NULL, NULL, NULL))
      break;
  /* the server is gone: so is the client's connection */
  g_io_stream_close (pump->to, NULL, NULL);
  return NULL;
}

static gboolean
proxy_run (GThreadedSocketService *service,
           GSocketConnection      *client,
           GObject                *source,
           gpointer                user_data)
{
  Proxy *proxy = user_data;
  g_autoptr(GSocketClient) connector = g_socket_client_new ();
  g_autoptr(GSocketConnection) server = g_socket_client_connect_to_host (connector, "127.0.0.1",
                                                                         proxy->upstream_port, NULL, NULL);
  Pump back = { G_IO_STREAM (server), G_IO_STREAM (client) };
  GThread *thread;
  char buffer[64 * 1024];
  gssize n;

  if (server == NULL)
    return TRUE;
  thread = g_thread_new ("proxy-back", pump_back, &back);
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (client)), buffer, sizeof buffer,
                                   NULL, NULL)) > 0)
    {
      if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (server)), buffer, n,
                                      NULL, NULL, NULL))
        break;
      g_atomic_int_add (&proxy->forwarded, (gint) n);
      g_usleep (8000);  /* 64 KB each 8 ms: 8 MB/s */
    }
  g_io_stream_close (G_IO_STREAM (server), NULL, NULL);
  g_thread_join (thread);
  return TRUE;
}

static Proxy *
proxy_new (const char *upstream_url)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autoptr(GUri) uri = g_uri_parse (upstream_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  proxy->upstream_port = (guint16) g_uri_get_port (uri);
  proxy->service = g_threaded_socket_service_new (8);
  g_socket_listener_add_address (G_SOCKET_LISTENER (proxy->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  proxy->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (proxy->service, "run", G_CALLBACK (proxy_run), proxy);
  g_socket_service_start (proxy->service);
  return proxy;
}

static void
proxy_free (Proxy *proxy)
{
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  g_clear_object (&proxy->service);
  g_free (proxy);
}

typedef struct
{
  Proxy      *proxy;
  TestServer *server;
  gint        start;       /* bytes forwarded when the write began */
  gboolean    writing;
  gboolean    killed;
} Killer;

static void
on_writing (MtSync *sync,
            Killer *killer)
{
  killer->start = g_atomic_int_get (&killer->proxy->forwarded);
  killer->writing = TRUE;
}

static gboolean
kill_when_written (gpointer user_data)
{
  Killer *killer = user_data;

  if (!killer->writing || g_atomic_int_get (&killer->proxy->forwarded) - killer->start < 3 * 1024 * 1024)
    return G_SOURCE_CONTINUE;
  test_server_command (killer->server, "kill");
  killer->killed = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_killed_server (void)
{
  TestServer *server = servers[0];
  Proxy *proxy = proxy_new (server->url);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *folder = test_server_new_folder (server);
  g_autofree char *path = g_strdup (folder + strlen (server->url));
  g_autofree char *url = g_strconcat (folder, "tour.mtour", NULL);
  g_autofree char *proxied = g_strdup_printf ("http://127.0.0.1:%u/dav/%stour.mtour", proxy->port, path);
  g_autoptr(MtTour) origin = mt_tour_generate (10000, 2000, 2000, 5);
  g_autoptr(TestCopy) lin = test_copy_new (dir, "lin.mtour", proxied, "lin", origin);
  g_autoptr(TestCopy) wei = test_copy_new (dir, "wei.mtour", url, "wei", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MtTour) reread = NULL;
  g_autoptr(MtSyncState) state = NULL;
  g_autofree char *before = NULL;
  g_autofree char *on_server = NULL;
  g_autofree char *local_text = NULL;
  g_autofree char *server_file = g_build_filename (server->dir, "data", path, "tour.mtour", NULL);
  Racer racer = { lin, NULL, NULL, FALSE };
  Killer killer = { proxy, server, 0, FALSE, FALSE };

  mt_sync_set_publish_feeds (lin->sync, FALSE);
  mt_sync_set_publish_feeds (wei->sync, FALSE);
  mt_sync_result_free (test_copy_sync (lin));
  mt_sync_result_free (test_copy_sync (wei));
  g_assert_true (g_file_get_contents (server_file, &before, NULL, NULL));

  mt_visit_set_title (visit_at (lin->tour, 1), "Written while the server died");
  g_signal_connect (lin->sync, "writing", G_CALLBACK (on_writing), &killer);
  g_timeout_add (2, kill_when_written, &killer);
  mt_sync_run_async (lin->sync, lin->tour, lin->file, lin->state, NULL, raced, &racer);
  while (!racer.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (killer.killed);
  g_assert_nonnull (racer.error);
  g_test_message ("killed 3 MB into the write: %s", racer.error->message);
  g_clear_error (&racer.error);
  test_server_command (server, "restart");

  /* Apache holds the version it had or the whole new one (a worker may
   * finish the write after its parent is killed), never part of one; the
   * local file and the state hold */
  g_assert_true (g_file_get_contents (server_file, &on_server, NULL, NULL));
  g_assert_true (g_file_get_contents (lin->path, &local_text, NULL, NULL));
  if (g_strcmp0 (on_server, before) != 0)
    g_assert_cmpstr (on_server, ==, local_text);
  reread = mt_tour_load_file (lin->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mt_visit_get_title (visit_at (reread, 1)), ==, "Written while the server died");
  state = mt_sync_state_load (lin->file, &error);
  g_assert_no_error (error);

  /* the next syncs converge */
  g_signal_handlers_disconnect_by_func (lin->sync, on_writing, &killer);
  mt_sync_result_free (test_copy_sync (lin));
  mt_sync_result_free (test_copy_sync (wei));
  g_assert_cmpstr (mt_visit_get_title (visit_at (wei->tour, 1)), ==, "Written while the server died");
  proxy_free (proxy);
  test_remove_dir (dir);
}

/* Ten organisers, a hundred random edits each (adds, deletes, moves,
 * renames, group changes), syncing at random moments: when all have
 * synced twice, all ten files are the same bytes, the server's too, and
 * every edit that nothing later replaced is there. */
static void
test_ten_copies (gconstpointer data)
{
  TestServer *server = server_of (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autofree char *dir = test_make_dir ();
  g_autofree char *folder = test_server_new_folder (server);
  g_autofree char *url = g_strconcat (folder, "tour.mtour", NULL);
  g_autoptr(MtTour) origin = mt_tour_generate (60, 30, 30, 6);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) test_copy_free);
  g_autoptr(GPtrArray) edits = mt_test_edits_new ();
  g_autofree char *first = NULL;
  g_autofree char *on_server = NULL;
  g_autofree char *local_text = NULL;
  g_autofree char *server_file = g_build_filename (server->dir, "data", folder + strlen (server->url),
                                                   "tour.mtour", NULL);
  guint n_syncs = 0, stand;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("copy%u.mtour", i);
      TestCopy *copy = test_copy_new (dir, name, url, i % 2 ? "wei" : "lin", i == 0 ? origin : NULL);

      mt_sync_set_publish_feeds (copy->sync, FALSE);
      mt_sync_result_free (test_copy_sync (copy));
      g_ptr_array_add (copies, copy);
    }

  for (guint step = 0; step < 10 * 100; step++)
    {
      TestCopy *copy = g_ptr_array_index (copies, g_rand_int_range (rand, 0, 10));

      mt_test_random_edit (copy->tour, rand, edits);
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          mt_sync_result_free (test_copy_sync (g_ptr_array_index (copies, g_rand_int_range (rand, 0, 10))));
          n_syncs++;
        }
    }
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < copies->len; i++)
      mt_sync_result_free (test_copy_sync (g_ptr_array_index (copies, i)));

  first = test_copy_bytes (g_ptr_array_index (copies, 0));
  for (guint i = 1; i < copies->len; i++)
    {
      g_autofree char *text = test_copy_bytes (g_ptr_array_index (copies, i));

      g_assert_cmpstr (text, ==, first);
    }
  g_assert_true (g_file_get_contents (server_file, &on_server, NULL, NULL));
  g_assert_cmpstr (on_server, ==, first);
  stand = mt_test_assert_edits_stand (((TestCopy *) g_ptr_array_index (copies, 0))->tour, edits);
  g_test_message ("%u syncs between the edits; %u edits recorded, %u stand", n_syncs, edits->len, stand);
  g_assert_cmpuint (stand, >, 0);
  test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *kinds[] = { "apache", "lighttpd" };
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *round_trip = g_strdup_printf ("/sync/%s/round-trip", kinds[k]);
      g_autofree char *offline = g_strdup_printf ("/sync/%s/offline-edits", kinds[k]);
      g_autofree char *same_field = g_strdup_printf ("/sync/%s/same-field", kinds[k]);
      g_autofree char *rules = g_strdup_printf ("/sync/%s/merge-rules", kinds[k]);
      g_autofree char *feeds = g_strdup_printf ("/sync/%s/feeds", kinds[k]);
      g_autofree char *race = g_strdup_printf ("/sync/%s/race", kinds[k]);

      g_test_add_data_func (round_trip, GUINT_TO_POINTER (k), test_round_trip);
      g_test_add_data_func (offline, GUINT_TO_POINTER (k), test_offline_edits);
      g_test_add_data_func (same_field, GUINT_TO_POINTER (k), test_same_field);
      g_test_add_data_func (rules, GUINT_TO_POINTER (k), test_merge_rules);
      g_test_add_data_func (feeds, GUINT_TO_POINTER (k), test_feeds);
      g_test_add_data_func (race, GUINT_TO_POINTER (k), test_race);
    }
  g_test_add_func ("/sync/apache/killed-during-write", test_killed_server);
  g_test_add_data_func ("/sync/lighttpd/ten-copies", GUINT_TO_POINTER (1), test_ten_copies);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    servers[k] = test_server_start (kinds[k]);
  status = g_test_run ();
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    test_server_free (servers[k]);
  return status;
}
