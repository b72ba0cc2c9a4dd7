/* mt-file-io.c: writing a file so that a failure loses nothing, and reading
 * one within a bound
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-file-io"
#define _GNU_SOURCE /* O_TMPFILE */

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mt-file-io.h"

#define TEMP_RANDOM 6
#define CHUNK (4 * 1024 * 1024)

static const char *
reason_of (int errsv)
{
  switch (errsv)
    {
    case ENOSPC: return _("the disk is full");
    case EDQUOT: return _("the disk quota is used up");
    case EACCES:
    case EPERM: return _("permission to write there is denied");
    case ENOENT: return _("its folder does not exist (any more)");
    case ENOTDIR: return _("a part of its path is not a folder");
    case EROFS: return _("the disk is read-only");
    case EISDIR: return _("it is a folder");
    case EFBIG: return _("the file is too large for the disk’s file system");
    case EIO: return _("the disk reported an input/output error");
    default: return g_strerror (errsv);
    }
}

static gboolean
fail (GError    **error,
      const char *path,
      int         errsv)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: "tour.mtour: could not be saved: the disk is full" */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("%s: could not be saved: %s"), name, reason_of (errsv));
  return FALSE;
}

static void
random_name (const char *base,
             char      **out)
{
  static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  char suffix[TEMP_RANDOM + 1];

  for (guint i = 0; i < TEMP_RANDOM; i++)
    suffix[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  suffix[TEMP_RANDOM] = '\0';
  g_free (*out);
  *out = g_strconcat (".", base, MT_FILE_TEMP_INFIX, suffix, NULL);
}

/* ".@base.mtour-XXXXXX"; any base where @base is NULL */
static gboolean
is_temp_of (const char *name,
            const char *base)
{
  gsize name_len = strlen (name), infix_len = strlen (MT_FILE_TEMP_INFIX);
  const char *suffix = name_len > infix_len + TEMP_RANDOM ? name + name_len - TEMP_RANDOM : NULL;

  if (name[0] != '.' || suffix == NULL ||
      strncmp (suffix - infix_len, MT_FILE_TEMP_INFIX, infix_len) != 0)
    return FALSE;
  if (base != NULL && (strncmp (name + 1, base, strlen (base)) != 0 ||
                       name + 1 + strlen (base) != suffix - infix_len))
    return FALSE;
  for (const char *p = suffix; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

static int
lock_file (int  fd,
           int  how)
{
  int result;

  while ((result = flock (fd, how)) < 0 && errno == EINTR)
    ;
  return result;
}

/* Our temporary files beside @base (any, where NULL) in @dir_fd that no
 * save holds the lock of: each writer locks its file from before it has a
 * name until it is renamed or removed, and a killed process's locks go
 * with it. */
static guint
remove_leftovers_at (int         dir_fd,
                     const char *base)
{
  int list_fd = openat (dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *dir = list_fd >= 0 ? fdopendir (list_fd) : NULL;
  struct dirent *entry;
  guint n_removed = 0;

  if (dir == NULL)
    {
      if (list_fd >= 0)
        close (list_fd);
      return 0;
    }

  while ((entry = readdir (dir)) != NULL)
    {
      struct stat opened, named;
      int fd;

      if (!is_temp_of (entry->d_name, base))
        continue;
      fd = openat (dir_fd, entry->d_name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
      if (fd < 0)
        continue;
      /* unlocked, and still the file of that name: no save is writing it */
      if (fstat (fd, &opened) == 0 && S_ISREG (opened.st_mode) &&
          lock_file (fd, LOCK_EX | LOCK_NB) == 0 &&
          fstatat (dir_fd, entry->d_name, &named, AT_SYMLINK_NOFOLLOW) == 0 &&
          named.st_dev == opened.st_dev && named.st_ino == opened.st_ino &&
          unlinkat (dir_fd, entry->d_name, 0) == 0)
        n_removed++;
      close (fd);
    }
  closedir (dir);
  return n_removed;
}

guint
mt_file_remove_leftovers_in (const char *dir_path)
{
  int dir_fd;
  guint n;

  g_return_val_if_fail (dir_path != NULL, 0);

  dir_fd = open (dir_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    return 0;
  n = remove_leftovers_at (dir_fd, NULL);
  close (dir_fd);
  return n;
}

guint
mt_file_remove_leftovers (const char *path)
{
  g_autofree char *dir_path = NULL;
  g_autofree char *base = NULL;
  int dir_fd;
  guint n;

  g_return_val_if_fail (path != NULL, 0);

  dir_path = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  dir_fd = open (dir_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    return 0;
  n = remove_leftovers_at (dir_fd, base);
  close (dir_fd);
  return n;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length,
           int        *errsv)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, CHUNK));

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          *errsv = errno;
          return FALSE;
        }
      /* a short write goes on, and the next one says why it was short */
      data += written;
      length -= written;
    }
  return TRUE;
}

/* A new file in @dir_fd, locked; without a name (*@name NULL) where the
 * file system allows */
static int
open_temp (int          dir_fd,
           const char  *base,
           mode_t       create_mode,
           char       **name,
           int         *errsv)
{
  int fd;

  if (access ("/proc/self/fd", X_OK) == 0)
    {
      fd = openat (dir_fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, create_mode);
      if (fd >= 0)
        {
          if (lock_file (fd, LOCK_EX) == 0)
            return fd;
          *errsv = errno;
          close (fd);
          return -1;
        }
      /* no O_TMPFILE here: EOPNOTSUPP, or EISDIR from an older kernel */
      if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        {
          *errsv = errno;
          return -1;
        }
    }

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      struct stat st;

      random_name (base, name);
      fd = openat (dir_fd, *name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, create_mode);
      if (fd < 0 && errno == EEXIST)
        continue;
      if (fd < 0)
        break;
      /* locked, and not removed as a leftover before the lock was ours */
      if (lock_file (fd, LOCK_EX) == 0 && fstat (fd, &st) == 0 && st.st_nlink > 0)
        return fd;
      close (fd);
    }
  *errsv = errno != 0 ? errno : EEXIST;
  g_clear_pointer (name, g_free);
  return -1;
}

/* Gives the complete file made by open_temp() a temporary name */
static gboolean
name_temp (int          dir_fd,
           int          fd,
           const char  *base,
           char       **name,
           int         *errsv)
{
  char proc_path[64];

  g_snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      random_name (base, name);
      if (linkat (AT_FDCWD, proc_path, dir_fd, *name, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      if (errno != EEXIST)
        break;
    }
  *errsv = errno;
  g_clear_pointer (name, g_free);
  return FALSE;
}

static gboolean
replace_at (int           dir_fd,
            const char   *path,
            const char   *base,
            const char   *data,
            gsize         length,
            int           mode,
            GCancellable *cancellable,
            GError      **error)
{
  g_autofree char *name = NULL;
  struct stat old;
  gboolean has_old = fstatat (dir_fd, base, &old, 0) == 0;
  int errsv = 0;
  int fd;

  if (has_old && S_ISDIR (old.st_mode))
    return fail (error, path, EISDIR);

  remove_leftovers_at (dir_fd, base);

  fd = open_temp (dir_fd, base, mode >= 0 ? (mode_t) mode : 0666, &name, &errsv);
  if (fd < 0)
    return fail (error, path, errsv);

  if (mode >= 0)
    fchmod (fd, mode);
  else if (has_old)
    {
      /* the file keeps its permissions, and its owner where we may */
      fchmod (fd, old.st_mode & 07777);
      if (geteuid () == 0 && fchown (fd, old.st_uid, old.st_gid) != 0)
        g_debug ("%s: the owner could not be kept: %s", path, g_strerror (errno));
    }

  if (!write_all (fd, data, length, &errsv) || (fsync (fd) != 0 && (errsv = errno) != 0))
    goto failed;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (name != NULL)
        unlinkat (dir_fd, name, 0);
      close (fd);
      return FALSE;
    }
  if (name == NULL && !name_temp (dir_fd, fd, base, &name, &errsv))
    goto failed;
  if (renameat (dir_fd, name, dir_fd, base) != 0)
    {
      errsv = errno;
      goto failed;
    }

  /* the rename itself reaches the disk; some file systems cannot say */
  fsync (dir_fd);
  close (fd);
  return TRUE;

failed:
  if (name != NULL)
    unlinkat (dir_fd, name, 0);
  close (fd);
  return fail (error, path, errsv);
}

gboolean
mt_file_replace_path (const char    *path,
                      const char    *data,
                      gsize          length,
                      int            mode,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *base = NULL;
  struct stat st;
  gboolean ok;
  int dir_fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* a link stays a link: the file it points to is replaced */
  if (lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    resolved = realpath (path, NULL);
  if (resolved != NULL)
    path = resolved;

  dir_path = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (strcmp (base, ".") == 0 || strcmp (base, "/") == 0 || strcmp (base, "..") == 0)
    return fail (error, path, EISDIR);

  dir_fd = open (dir_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    return fail (error, path, errno);
  ok = replace_at (dir_fd, path, base, data, length, mode, cancellable, error);
  close (dir_fd);
  return ok;
}

gboolean
mt_file_replace_contents (GFile         *file,
                          const char    *data,
                          gsize          length,
                          int            mode,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return mt_file_replace_path (path, data, length, mode, cancellable, error);

  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, local_error->code, _("%s: could not be saved: %s"),
                   name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mt_file_load_contents (GFile         *file,
                       gsize          max_size,
                       char         **contents,
                       gsize         *length,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  gsize size = 0, n_read;
  guint8 nul = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = (gsize) g_file_info_get_size (info);
  if (size > max_size)
    {
      *length = size;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the file is %u MiB, more than the %u MiB that is read"),
                   (guint) ((size + (1 << 20) - 1) >> 20), (guint) (max_size >> 20));
      return FALSE;
    }

  /* no more than the bound, whatever the size said: the file may grow */
  bytes = g_byte_array_sized_new (MIN (size, max_size) + 1);
  do
    {
      guint old_len = bytes->len;
      gsize want = MIN (max_size + 1 - old_len, (gsize) CHUNK);

      g_byte_array_set_size (bytes, old_len + want);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bytes->data + old_len, want,
                                    &n_read, cancellable, error))
        return FALSE;
      g_byte_array_set_size (bytes, old_len + n_read);
    }
  while (n_read > 0 && bytes->len <= max_size);

  if (bytes->len > max_size)
    {
      *length = bytes->len;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the file is %u MiB, more than the %u MiB that is read"),
                   (guint) (((gsize) bytes->len + (1 << 20) - 1) >> 20), (guint) (max_size >> 20));
      return FALSE;
    }

  *length = bytes->len;
  g_byte_array_append (bytes, &nul, 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  char *contents = NULL;
  gsize length;
  GError *error = NULL;

  if (mt_file_load_contents (G_FILE (source_object), GPOINTER_TO_SIZE (task_data), &contents, &length,
                             cancellable, &error))
    g_task_return_pointer (task, g_bytes_new_take (contents, length), (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

void
mt_file_load_contents_async (GFile               *file,
                             gsize                max_size,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, mt_file_load_contents_async);
  g_task_set_task_data (task, GSIZE_TO_POINTER (max_size), NULL);
  g_task_run_in_thread (task, load_thread);
}

GBytes *
mt_file_load_contents_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mt_file_load_contents_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
