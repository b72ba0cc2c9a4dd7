/* test-sync-controller.c: when an open tour syncs, without a display
 *
 * MtSyncController against a real Apache (tests/sync/servers), with a
 * network monitor the test switches: edits made without a network wait
 * and are counted, and go out when it comes back; a metered connection
 * holds them while the preferences say so; Save As takes the sharing
 * along; what others changed stays marked across a reopening until seen.
 * Runs with a private Secret Service (mt-test-keyring.sh).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mt-sync-controller.h"
#include "mt-test-content.h"
#include "sync-test-util.h"

#define EHANG "EHang: the low-altitude economy"

static TestServer *apache;

/* A network monitor the test switches */

#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject  parent_instance;
  gboolean available;
  gboolean metered;
};

enum {
  PROP_0,
  PROP_AVAILABLE,
  PROP_METERED,
  PROP_CONNECTIVITY,
};

static void test_monitor_iface_init (GNetworkMonitorInterface *iface);
static void test_monitor_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_monitor_initable_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_monitor_iface_init))

static gboolean
test_monitor_initable_init_ (GInitable     *initable,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return TRUE;
}

static void
test_monitor_initable_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init_;
}

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_METERED:
      g_value_set_boolean (value, self->metered);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
test_monitor_can_reach (GNetworkMonitor     *monitor,
                        GSocketConnectable  *connectable,
                        GCancellable        *cancellable,
                        GError             **error)
{
  return TEST_MONITOR (monitor)->available;
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = test_monitor_can_reach;
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

static void
test_monitor_set (TestMonitor *self,
                  gboolean     available,
                  gboolean     metered)
{
  self->available = available;
  if (self->metered != metered)
    {
      self->metered = metered;
      g_object_notify (G_OBJECT (self), "network-metered");
    }
  g_signal_emit_by_name (self, "network-changed", available);
}

/* Helpers */

static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

static gboolean
settled (gpointer data)
{
  return mt_sync_controller_get_settled (data) &&
         mt_sync_controller_get_n_pending (data) != MT_SYNC_PENDING_UNKNOWN;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* An organiser's open tour: the sample saved in @dir, and its controller */
typedef struct
{
  GFile            *file;
  MtTour           *tour;
  MtSyncController *sync;
} Open;

static void
open_free (Open *open)
{
  mt_sync_controller_shutdown (open->sync);
  g_clear_object (&open->sync);
  g_clear_object (&open->tour);
  g_clear_object (&open->file);
  g_free (open);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Open, open_free)

static Open *
open_file (GFile       *file,
           TestMonitor *monitor,
           GSettings   *settings)
{
  Open *open = g_new0 (Open, 1);
  g_autoptr(GError) error = NULL;

  if (!g_file_query_exists (file, NULL))
    {
      g_autoptr(MtTour) sample = mt_tour_new_sample ();

      g_assert_true (mt_tour_save_file (sample, file, NULL, &error));
    }
  open->file = g_object_ref (file);
  open->tour = mt_tour_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  open->sync = mt_sync_controller_new (open->tour, file, settings);
  mt_sync_controller_set_delays (open->sync, 50, 200);
  if (monitor != NULL)
    mt_sync_controller_set_network_monitor (open->sync, G_NETWORK_MONITOR (monitor));
  return open;
}

static Open *
open_new (const char  *dir,
          const char  *name,
          TestMonitor *monitor,
          GSettings   *settings)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return open_file (file, monitor, settings);
}

static char *
share (Open *open)
{
  g_autofree char *folder = test_server_new_folder (apache);
  g_autofree char *url = g_strconcat (folder, "tour.mtour", NULL);
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;

  mt_sync_controller_share_async (open->sync, url, "lin", "lin-secret", NULL, on_done, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (mt_sync_controller_share_finish (open->sync, done, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (settled, open->sync));
  return g_steal_pointer (&url);
}

/* what the server holds, read by a copy of its own */
static MtTour *
server_tour (const char *url)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(TestCopy) copy = test_copy_new (dir, "check.mtour", url, "wei", NULL);
  g_autoptr(MtSyncResult) result = test_copy_sync (copy);
  MtTour *tour = g_object_ref (copy->tour);

  test_remove_dir (dir);
  return tour;
}

/* Tests */

/* Without a network nothing starts by itself: the edit is counted; when
 * the network comes back it goes out at once. */
static void
test_reconnect (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(TestMonitor) monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  g_autoptr(Open) lin = open_new (dir, "lin.mtour", monitor, NULL);
  g_autofree char *url = share (lin);
  g_autoptr(MtTour) before = NULL;
  g_autoptr(MtTour) after = NULL;

  test_monitor_set (monitor, FALSE, FALSE);
  g_assert_cmpint (mt_sync_controller_get_status (lin->sync)->kind, ==, MT_SYNC_STATUS_OFFLINE);
  mt_visit_set_title (mt_test_find_visit (lin->tour, EHANG), "EHang: written on the coach");
  g_assert_true (wait_until (settled, lin->sync));
  g_assert_cmpuint (mt_sync_controller_get_n_pending (lin->sync), ==, 1);
  g_assert_cmpstr (mt_sync_controller_get_status (lin->sync)->title, ==, "Offline · 1 edit waiting");
  /* the server did not get it, nor was it asked */
  before = server_tour (url);
  g_assert_nonnull (mt_test_find_visit (before, EHANG));

  test_monitor_set (monitor, TRUE, FALSE);
  g_assert_false (mt_sync_controller_get_settled (lin->sync));
  g_assert_true (wait_until (settled, lin->sync));
  g_assert_cmpuint (mt_sync_controller_get_n_pending (lin->sync), ==, 0);
  g_assert_cmpint (mt_sync_controller_get_status (lin->sync)->kind, ==, MT_SYNC_STATUS_SYNCED);
  after = server_tour (url);
  g_assert_nonnull (mt_test_find_visit (after, "EHang: written on the coach"));
  test_remove_dir (dir);
}

/* On a metered connection edits wait, as the preference says, until it
 * allows syncing there; Sync Now goes out anyway. */
static void
test_metered (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(TestMonitor) monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(Open) lin = open_new (dir, "lin.mtour", monitor, settings);
  g_autofree char *url = share (lin);
  g_autoptr(MtTour) held = NULL;
  g_autoptr(MtTour) sent = NULL;

  g_settings_set_boolean (settings, "sync-on-metered", FALSE);
  test_monitor_set (monitor, TRUE, TRUE);
  mt_visit_set_notes (mt_test_find_visit (lin->tour, "Dinner"), "Hotspot edit");
  g_assert_true (wait_until (settled, lin->sync));
  g_assert_cmpint (mt_sync_controller_get_status (lin->sync)->kind, ==, MT_SYNC_STATUS_PAUSED);
  g_assert_cmpstr (mt_sync_controller_get_status (lin->sync)->title, ==, "Paused · 1 edit waiting");
  held = server_tour (url);
  g_assert_cmpstr (mt_visit_get_notes (mt_test_find_visit (held, "Dinner")), !=, "Hotspot edit");

  g_settings_set_boolean (settings, "sync-on-metered", TRUE);
  g_assert_true (wait_until (settled, lin->sync));
  g_assert_cmpint (mt_sync_controller_get_status (lin->sync)->kind, ==, MT_SYNC_STATUS_SYNCED);
  sent = server_tour (url);
  g_assert_cmpstr (mt_visit_get_notes (mt_test_find_visit (sent, "Dinner")), ==, "Hotspot edit");

  g_settings_reset (settings, "sync-on-metered");
  test_remove_dir (dir);
}

/* Save As: the copy at the new place is the shared one, with its account
 * and what it agreed with the server; an untitled tour is not shared. */
static void
test_save_as (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *new_path = g_build_filename (dir, "moved.mtour", NULL);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(Open) lin = open_new (dir, "lin.mtour", NULL, NULL);
  g_autofree char *url = share (lin);
  g_autoptr(GError) error = NULL;

  g_assert_true (mt_tour_save_file (lin->tour, new_file, NULL, &error));
  mt_sync_controller_set_file (lin->sync, new_file);
  {
    g_autoptr(Open) reopened = open_file (new_file, NULL, NULL);

    g_assert_true (mt_sync_controller_get_shared (reopened->sync));
    g_assert_cmpstr (mt_sync_controller_get_url (reopened->sync), ==, url);
    g_assert_true (wait_until (settled, reopened->sync));
    g_assert_cmpuint (mt_sync_controller_get_n_pending (reopened->sync), ==, 0);
    g_assert_cmpint (mt_sync_controller_get_status (reopened->sync)->kind, ==, MT_SYNC_STATUS_SYNCED);
  }

  {
    g_autoptr(MtTour) untitled = mt_tour_new_sample ();
    g_autoptr(MtSyncController) sync = mt_sync_controller_new (untitled, NULL, NULL);
    g_autoptr(GAsyncResult) done = NULL;

    mt_sync_controller_share_async (sync, url, "lin", "lin-secret", NULL, on_done, &done);
    while (done == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (mt_sync_controller_share_finish (sync, done, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_false (mt_sync_controller_get_shared (sync));
  }
  test_remove_dir (dir);
}

/* What Wei changed stays marked for Lin across a reopening, until Lin has
 * seen it; what Lin changed is not marked for Lin, not even when it comes
 * back from the server to a copy of Lin's that had not kept it. */
static void
test_unseen_kept (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(Open) lin = open_new (dir, "lin.mtour", NULL, NULL);
  g_autofree char *url = share (lin);
  g_autoptr(TestCopy) wei = test_copy_new (dir, "wei.mtour", url, "wei", NULL);
  g_autoptr(MtSyncResult) fetched = test_copy_sync (wei);
  MtVisit *dinner = mt_test_find_visit (wei->tour, "Dinner");
  const char *id = mt_entity_get_id (MT_ENTITY (dinner));
  g_autoptr(GFile) file = g_object_ref (lin->file);

  mt_visit_set_notes (dinner, "Wei booked the river boat");
  mt_sync_result_free (test_copy_sync (wei));
  mt_visit_set_title (mt_test_find_visit (lin->tour, EHANG), "EHang: Lin's title");
  mt_sync_controller_sync_now (lin->sync);
  g_assert_true (wait_until (settled, lin->sync));
  g_assert_true (g_hash_table_contains (mt_sync_controller_get_unseen (lin->sync), id));
  g_assert_cmpuint (g_hash_table_size (mt_sync_controller_get_unseen (lin->sync)), ==, 1);
  /* the window saves the tour before it closes */
  g_assert_true (mt_tour_save_file (lin->tour, file, NULL, NULL));
  g_clear_pointer (&lin, open_free);

  lin = open_file (file, NULL, NULL);
  g_assert_true (g_hash_table_contains (mt_sync_controller_get_unseen (lin->sync), id));
  mt_sync_controller_mark_seen (lin->sync, id);
  g_assert_true (wait_until (settled, lin->sync));
  g_clear_pointer (&lin, open_free);
  lin = open_file (file, NULL, NULL);
  g_assert_true (wait_until (settled, lin->sync));
  g_assert_cmpuint (g_hash_table_size (mt_sync_controller_get_unseen (lin->sync)), ==, 0);

  /* a copy of Lin's without Lin's title takes it back, unmarked */
  g_clear_pointer (&lin, open_free);
  {
    g_autoptr(MtTour) sample = mt_tour_new_sample ();

    g_assert_true (mt_tour_save_file (sample, file, NULL, NULL));
  }
  lin = open_file (file, NULL, NULL);
  g_assert_true (wait_until (settled, lin->sync));
  g_assert_nonnull (mt_test_find_visit (lin->tour, "EHang: Lin's title"));
  g_assert_false (g_hash_table_contains (mt_sync_controller_get_unseen (lin->sync),
                                         mt_entity_get_id (MT_ENTITY (mt_test_find_visit (lin->tour, "EHang: Lin's title")))));
  g_assert_cmpuint (g_list_model_get_n_items (mt_sync_controller_get_changes (lin->sync)), ==, 1);
  test_remove_dir (dir);
}

/* Stopping: the account is forgotten, nothing syncs, and the header says
 * it is not shared. */
static void
test_stop_sharing (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autoptr(Open) lin = open_new (dir, "lin.mtour", NULL, NULL);
  g_autofree char *url = share (lin);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_object_ref (lin->file);

  g_assert_true (mt_sync_controller_stop_sharing (lin->sync, &error));
  g_assert_no_error (error);
  g_assert_false (mt_sync_controller_get_shared (lin->sync));
  g_assert_cmpint (mt_sync_controller_get_status (lin->sync)->kind, ==, MT_SYNC_STATUS_NOT_SHARED);
  /* an edit schedules nothing */
  mt_visit_set_notes (mt_test_find_visit (lin->tour, "Dinner"), "Not shared any more");
  g_assert_true (mt_sync_controller_get_settled (lin->sync));
  g_clear_pointer (&lin, open_free);
  lin = open_file (file, NULL, NULL);
  g_assert_false (mt_sync_controller_get_shared (lin->sync));
  test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  apache = test_server_start ("apache");

  g_test_add_func ("/sync-ui/controller/reconnect", test_reconnect);
  g_test_add_func ("/sync-ui/controller/metered", test_metered);
  g_test_add_func ("/sync-ui/controller/save-as", test_save_as);
  g_test_add_func ("/sync-ui/controller/unseen-kept", test_unseen_kept);
  g_test_add_func ("/sync-ui/controller/stop-sharing", test_stop_sharing);

  result = g_test_run ();
  test_server_free (apache);
  return result;
}
