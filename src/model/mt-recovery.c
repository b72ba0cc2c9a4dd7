/* mt-recovery.c: autosave of unsaved edits, and their recovery after a crash
 *
 * The tour is serialised on the main thread (the model is not thread-safe)
 * and written by a worker thread, so a large tour does not stall the window.
 * Every write carries a sequence number; the writer skips a write older than
 * the last one done, and discarding bumps the number under the same lock, so
 * a late write never brings back a file that was deleted or outdated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-recovery"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mt-file-io.h"
#include "mt-history.h"
#include "mt-recovery.h"
#include "mt-tour-file.h"

typedef struct
{
  GMutex  lock;
  guint64 done_seq;  /* the newest write done or cancelled */
} Writer;

typedef struct
{
  Writer  *writer;
  guint64  seq;
  GBytes  *tour;
  GBytes  *meta;
  char    *path;
  char    *meta_path;
} Job;

struct _MtRecovery
{
  GObject   parent_instance;

  MtTour   *tour;
  char     *original_path;
  char     *name;           /* the file name without extension */
  char     *path;
  char     *meta_path;
  Writer   *writer;         /* an atomic rc box, shared with the jobs */
  guint     timeout_id;
  guint     delay_ms;
  guint64   seq;

  guint     unsaved : 1;
  guint     written : 1;    /* a recovery file may exist */
};

G_DEFINE_FINAL_TYPE (MtRecovery, mt_recovery, G_TYPE_OBJECT)

/* the recovery names in use by this process's windows */
static GHashTable *names_in_use;

static void
writer_clear (gpointer data)
{
  Writer *writer = data;

  g_mutex_clear (&writer->lock);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_atomic_rc_box_release_full (job->writer, writer_clear);
  g_bytes_unref (job->tour);
  g_bytes_unref (job->meta);
  g_free (job->path);
  g_free (job->meta_path);
  g_free (job);
}

char *
mt_recovery_dup_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "mediatour", "recovery", NULL);
}

/* atomically, and a save cut short is cleaned up by the next one: see
 * mt-file-io.h; private to the user */
static gboolean
write_bytes (const char *path,
             GBytes     *bytes,
             GError    **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return mt_file_replace_path (path, data, size, 0600, NULL, error);
}

static gboolean
job_run (Job     *job,
         GError **error)
{
  gboolean ok = TRUE;

  g_mutex_lock (&job->writer->lock);
  if (job->seq > job->writer->done_seq)
    {
      g_autofree char *dir = g_path_get_dirname (job->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s: %s", dir, g_strerror (saved_errno));
          ok = FALSE;
        }
      /* the metadata first: a tour file without it is still restored */
      ok = ok && write_bytes (job->meta_path, job->meta, error);
      ok = ok && write_bytes (job->path, job->tour, error);
      job->writer->done_seq = job->seq;
    }
  g_mutex_unlock (&job->writer->lock);
  return ok;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static GBytes *
meta_new (MtRecovery *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "original-path");
  if (self->original_path != NULL)
    json_builder_add_string_value (builder, self->original_path);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, mt_tour_get_title (self->tour));
  json_builder_set_member_name (builder, "written");
  json_builder_add_int_value (builder, g_get_real_time ());
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

static gboolean
has_unsaved_edits (MtRecovery *self)
{
  return self->unsaved || mt_history_get_dirty (mt_tour_get_history (self->tour));
}

static Job *
job_new (MtRecovery *self)
{
  Job *job = g_new0 (Job, 1);

  job->writer = g_atomic_rc_box_acquire (self->writer);
  job->seq = ++self->seq;
  job->tour = mt_tour_save_to_bytes (self->tour);
  job->meta = meta_new (self);
  job->path = g_strdup (self->path);
  job->meta_path = g_strdup (self->meta_path);
  return job;
}

static void
delete_files (MtRecovery *self)
{
  g_mutex_lock (&self->writer->lock);
  self->writer->done_seq = ++self->seq;
  g_unlink (self->path);
  g_unlink (self->meta_path);
  g_mutex_unlock (&self->writer->lock);
  self->written = FALSE;
}

static void
write_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("Could not write the recovery file: %s", error->message);
}

static gboolean
write_timeout (gpointer user_data)
{
  MtRecovery *self = user_data;
  g_autoptr(GTask) task = NULL;

  self->timeout_id = 0;

  /* undone back to the saved state: nothing to recover */
  if (!has_unsaved_edits (self))
    {
      if (self->written)
        delete_files (self);
      return G_SOURCE_REMOVE;
    }

  task = g_task_new (NULL, NULL, write_done, NULL);
  g_task_set_source_tag (task, write_timeout);
  g_task_set_task_data (task, job_new (self), job_free);
  g_task_run_in_thread (task, job_thread);
  self->written = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_tour_changed (MtRecovery *self,
                 MtEntity   *entity,
                 MtTour     *tour)
{
  /* not restarted by later changes: steady typing still gets saved */
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (self->delay_ms, write_timeout, self);
}

static void
on_dirty_changed (MtRecovery *self)
{
  if (self->timeout_id == 0 && (self->written || has_unsaved_edits (self)))
    self->timeout_id = g_timeout_add (self->delay_ms, write_timeout, self);
}

static void
release_name (MtRecovery *self)
{
  if (names_in_use != NULL && self->name != NULL)
    g_hash_table_remove (names_in_use, self->name);
}

static void
choose_name (MtRecovery *self)
{
  g_autofree char *dir = mt_recovery_dup_dir ();

  release_name (self);
  g_clear_pointer (&self->name, g_free);
  if (names_in_use == NULL)
    names_in_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (self->original_path != NULL)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                             self->original_path, -1);

      hash[16] = '\0';
      self->name = g_strdup (hash);
    }
  else
    {
      /* a number that no other window and no unrecovered file uses */
      for (guint n = 1; self->name == NULL; n++)
        {
          g_autofree char *name = g_strdup_printf ("untitled-%u", n);
          g_autofree char *file_name = g_strconcat (name, ".mtour", NULL);
          g_autofree char *path = g_build_filename (dir, file_name, NULL);

          if (!g_hash_table_contains (names_in_use, name)
              && !g_file_test (path, G_FILE_TEST_EXISTS))
            self->name = g_steal_pointer (&name);
        }
    }
  g_hash_table_add (names_in_use, g_strdup (self->name));

  g_free (self->path);
  g_free (self->meta_path);
  {
    g_autofree char *tour_name = g_strconcat (self->name, ".mtour", NULL);
    g_autofree char *meta_name = g_strconcat (self->name, ".json", NULL);

    self->path = g_build_filename (dir, tour_name, NULL);
    self->meta_path = g_build_filename (dir, meta_name, NULL);
  }
}

static void
mt_recovery_finalize (GObject *object)
{
  MtRecovery *self = MT_RECOVERY (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  release_name (self);
  g_clear_object (&self->tour);
  g_free (self->original_path);
  g_free (self->name);
  g_free (self->path);
  g_free (self->meta_path);
  g_atomic_rc_box_release_full (self->writer, writer_clear);

  G_OBJECT_CLASS (mt_recovery_parent_class)->finalize (object);
}

static void
mt_recovery_class_init (MtRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mt_recovery_finalize;
}

static void
mt_recovery_init (MtRecovery *self)
{
  self->writer = g_atomic_rc_box_new0 (Writer);
  g_mutex_init (&self->writer->lock);
  self->delay_ms = MT_RECOVERY_DELAY_MS;
}

/**
 * mt_recovery_new:
 * @file: (nullable): the tour's file, %NULL when untitled
 *
 * Returns: (transfer full): an autosave of @tour's unsaved edits
 */
MtRecovery *
mt_recovery_new (MtTour *tour,
                 GFile  *file)
{
  g_autoptr(MtRecovery) self = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (MT_TYPE_RECOVERY, NULL);
  self->tour = g_object_ref (tour);
  self->original_path = file ? g_file_get_path (file) : NULL;
  choose_name (self);

  g_signal_connect_object (tour, "changed", G_CALLBACK (on_tour_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (mt_tour_get_history (tour), "notify::dirty",
                           G_CALLBACK (on_dirty_changed), self, G_CONNECT_SWAPPED);

  return g_steal_pointer (&self);
}

void
mt_recovery_set_file (MtRecovery *self,
                      GFile      *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (MT_IS_RECOVERY (self));

  path = file ? g_file_get_path (file) : NULL;
  if (g_strcmp0 (path, self->original_path) == 0)
    return;

  if (self->written)
    delete_files (self);
  g_free (self->original_path);
  self->original_path = g_steal_pointer (&path);
  choose_name (self);
  on_dirty_changed (self);
}

void
mt_recovery_set_unsaved (MtRecovery *self,
                         gboolean    unsaved)
{
  g_return_if_fail (MT_IS_RECOVERY (self));

  self->unsaved = !!unsaved;
  on_dirty_changed (self);
}

void
mt_recovery_set_delay (MtRecovery *self,
                       guint       delay_ms)
{
  g_return_if_fail (MT_IS_RECOVERY (self));

  self->delay_ms = delay_ms;
}

const char *
mt_recovery_get_path (MtRecovery *self)
{
  g_return_val_if_fail (MT_IS_RECOVERY (self), NULL);

  return self->path;
}

gboolean
mt_recovery_flush (MtRecovery *self,
                   GError    **error)
{
  Job *job;
  gboolean ok;

  g_return_val_if_fail (MT_IS_RECOVERY (self), FALSE);

  if (self->timeout_id == 0)
    return TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!has_unsaved_edits (self))
    {
      if (self->written)
        delete_files (self);
      return TRUE;
    }

  job = job_new (self);
  ok = job_run (job, error);
  job_free (job);
  self->written = TRUE;
  return ok;
}

void
mt_recovery_discard (MtRecovery *self)
{
  g_return_if_fail (MT_IS_RECOVERY (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->unsaved = FALSE;
  delete_files (self);
}

void
mt_recovery_item_free (MtRecoveryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->path);
  g_free (item->original_path);
  g_free (item->title);
  g_free (item);
}

static void
read_meta (MtRecoveryItem *item,
           const char     *meta_path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (!json_parser_load_from_file (parser, meta_path, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;

  object = json_node_get_object (json_parser_get_root (parser));
  item->original_path = g_strdup (json_object_get_string_member_with_default (object, "original-path", NULL));
  item->title = g_strdup (json_object_get_string_member_with_default (object, "title", NULL));
  item->written_usec = json_object_get_int_member_with_default (object, "written", 0);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const MtRecoveryItem *ia = *(MtRecoveryItem **) a;
  const MtRecoveryItem *ib = *(MtRecoveryItem **) b;

  if (ia->written_usec != ib->written_usec)
    return ia->written_usec > ib->written_usec ? -1 : 1;
  return g_strcmp0 (ia->path, ib->path);
}

GPtrArray *
mt_recovery_list (void)
{
  g_autofree char *dir_path = mt_recovery_dup_dir ();
  g_autoptr(GDir) dir = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_recovery_item_free);
  const char *name;

  /* what a write killed halfway left, of files the app may never write
   * again (a discarded tour's): the folder is ours alone */
  mt_file_remove_leftovers_in (dir_path);

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return items;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *base = NULL;
      g_autofree char *meta_name = NULL;
      g_autofree char *meta_path = NULL;
      MtRecoveryItem *item;

      /* skip the temporary files of a write that was cut short */
      if (!g_str_has_suffix (name, ".mtour"))
        continue;

      base = g_strndup (name, strlen (name) - strlen (".mtour"));
      /* another window of this process is using it */
      if (names_in_use != NULL && g_hash_table_contains (names_in_use, base))
        continue;

      meta_name = g_strconcat (base, ".json", NULL);
      meta_path = g_build_filename (dir_path, meta_name, NULL);
      item = g_new0 (MtRecoveryItem, 1);
      item->path = g_build_filename (dir_path, name, NULL);
      read_meta (item, meta_path);
      g_ptr_array_add (items, item);
    }

  g_ptr_array_sort (items, compare_items);
  return items;
}

void
mt_recovery_item_delete (const MtRecoveryItem *item)
{
  g_autofree char *base = NULL;
  g_autofree char *meta_path = NULL;

  g_return_if_fail (item != NULL);

  base = g_strndup (item->path, strlen (item->path) - strlen (".mtour"));
  meta_path = g_strconcat (base, ".json", NULL);
  g_unlink (item->path);
  g_unlink (meta_path);
}
