/* mt-sync-state.c: what a copy of a tour remembers of its server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mt-dav-client.h"
#include "mt-sync-state.h"

#define STATE_FILE "state.json"
#define BASE_FILE "base.mtour"

GFile *
mt_sync_state_dir_for (GFile *tour_file)
{
  g_autoptr(GFile) parent = g_file_get_parent (tour_file);
  g_autofree char *name = g_file_get_basename (tour_file);
  g_autofree char *dir = g_strdup_printf (".%s.sync", name);

  return g_file_get_child (parent, dir);
}

void
mt_sync_state_free (MtSyncState *state)
{
  if (state == NULL)
    return;
  g_clear_object (&state->dir);
  g_free (state->url);
  g_free (state->user);
  g_free (state->replica);
  g_free (state->etag);
  g_free (state->revision);
  g_clear_pointer (&state->feeds, g_hash_table_unref);
  g_clear_pointer (&state->conflicts, g_ptr_array_unref);
  g_free (state);
}

static MtSyncState *
state_new (GFile *dir)
{
  MtSyncState *state = g_new0 (MtSyncState, 1);

  state->dir = g_object_ref (dir);
  state->feeds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_conflict_free);
  return state;
}

static const char *
entity_kind_member (MtEntityKind kind)
{
  return kind < MT_N_ENTITY_KINDS ? mt_entity_kind_get_member (kind) : "tour";
}

static MtEntityKind
entity_kind_from_member (const char *member)
{
  for (MtEntityKind kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    if (g_strcmp0 (member, mt_entity_kind_get_member (kind)) == 0)
      return kind;
  return MT_N_ENTITY_KINDS;
}

static JsonNode *
conflict_to_json (const MtConflict *conflict)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, entity_kind_member (conflict->entity_kind));
  if (conflict->id != NULL)
    {
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, conflict->id);
    }
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, conflict->field);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, conflict->name ? conflict->name : "");
  json_builder_set_member_name (builder, "kept");
  json_builder_add_value (builder, json_node_copy (conflict->kept_value));
  json_builder_set_member_name (builder, "kept-by");
  json_builder_add_string_value (builder, conflict->kept_replica ? conflict->kept_replica : "");
  json_builder_set_member_name (builder, "kept-at");
  json_builder_add_int_value (builder, conflict->kept_ms);
  json_builder_set_member_name (builder, "lost");
  json_builder_add_value (builder, json_node_copy (conflict->lost_value));
  json_builder_set_member_name (builder, "lost-by");
  json_builder_add_string_value (builder, conflict->lost_replica ? conflict->lost_replica : "");
  json_builder_set_member_name (builder, "lost-at");
  json_builder_add_int_value (builder, conflict->lost_ms);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static MtConflict *
conflict_from_json (JsonObject *object)
{
  MtConflict *conflict;

  if (!json_object_has_member (object, "field") || !json_object_has_member (object, "kept") ||
      !json_object_has_member (object, "lost"))
    return NULL;
  conflict = mt_conflict_new ();
  conflict->entity_kind = entity_kind_from_member (json_object_get_string_member_with_default (object, "kind", "tour"));
  conflict->id = g_strdup (json_object_get_string_member_with_default (object, "id", NULL));
  conflict->field = g_strdup (json_object_get_string_member_with_default (object, "field", ""));
  conflict->name = g_strdup (json_object_get_string_member_with_default (object, "name", ""));
  conflict->kept_value = json_node_copy (json_object_get_member (object, "kept"));
  conflict->kept_replica = mt_replica_intern (json_object_get_string_member_with_default (object, "kept-by", ""));
  conflict->kept_ms = json_object_get_int_member_with_default (object, "kept-at", 0);
  conflict->lost_value = json_node_copy (json_object_get_member (object, "lost"));
  conflict->lost_replica = mt_replica_intern (json_object_get_string_member_with_default (object, "lost-by", ""));
  conflict->lost_ms = json_object_get_int_member_with_default (object, "lost-at", 0);
  return conflict;
}

static char *
dup_string_member (JsonObject *object,
                   const char *member)
{
  const char *value = json_object_get_string_member_with_default (object, member, NULL);

  return value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

static gboolean
member_of_type (JsonObject   *object,
                const char   *member,
                JsonNodeType  type)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_TYPE (node) == type;
}

/**
 * mt_sync_state_load:
 *
 * Returns: (transfer full) (nullable): the state, empty where the tour was
 *   never synced; %NULL with @error set where the state file is damaged
 */
MtSyncState *
mt_sync_state_load (GFile   *tour_file,
                    GError **error)
{
  g_autoptr(GFile) dir = mt_sync_state_dir_for (tour_file);
  g_autoptr(GFile) file = g_file_get_child (dir, STATE_FILE);
  g_autoptr(MtSyncState) state = state_new (dir);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  gsize length;
  JsonObject *root, *feeds;
  JsonArray *conflicts;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&state);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, contents, length, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, MT_SYNC_ERROR, MT_SYNC_ERROR_BAD_BODY,
                   _("%s: the sync state is damaged: %s"), path,
                   local_error != NULL ? local_error->message : _("not an object"));
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  state->url = dup_string_member (root, "url");
  state->user = dup_string_member (root, "user");
  state->replica = dup_string_member (root, "replica");
  state->etag = dup_string_member (root, "etag");
  state->revision = dup_string_member (root, "revision");
  state->last_sync_ms = json_object_get_int_member_with_default (root, "last-sync", 0);
  if (state->replica != NULL && mt_replica_intern (state->replica) == NULL)
    g_clear_pointer (&state->replica, g_free);

  feeds = member_of_type (root, "feeds", JSON_NODE_OBJECT) ? json_object_get_object_member (root, "feeds") : NULL;
  if (feeds != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (feeds);

      for (GList *l = names; l != NULL; l = l->next)
        g_hash_table_insert (state->feeds, g_strdup (l->data),
                             g_strdup (json_object_get_string_member_with_default (feeds, l->data, "")));
    }
  conflicts = member_of_type (root, "conflicts", JSON_NODE_ARRAY) ? json_object_get_array_member (root, "conflicts") : NULL;
  for (guint i = 0; conflicts != NULL && i < json_array_get_length (conflicts); i++)
    {
      JsonNode *node = json_array_get_element (conflicts, i);
      MtConflict *conflict = JSON_NODE_HOLDS_OBJECT (node) ? conflict_from_json (json_node_get_object (node)) : NULL;

      if (conflict != NULL)
        g_ptr_array_add (state->conflicts, conflict);
    }
  return g_steal_pointer (&state);
}

static gboolean
write_atomically (GFile       *dir,
                  const char  *name,
                  const char  *contents,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *path = g_file_get_path (file);

  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: could not be made: %s"), dir_path, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

gboolean
mt_sync_state_save (MtSyncState  *state,
                    GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) names = NULL;
  g_autofree char *text = NULL;

#define STRING_MEMBER(name, value)                          \
  G_STMT_START {                                            \
    if ((value) != NULL)                                    \
      {                                                     \
        json_builder_set_member_name (builder, (name));     \
        json_builder_add_string_value (builder, (value));   \
      }                                                     \
  } G_STMT_END

  json_builder_begin_object (builder);
  STRING_MEMBER ("url", state->url);
  STRING_MEMBER ("user", state->user);
  STRING_MEMBER ("replica", state->replica);
  STRING_MEMBER ("etag", state->etag);
  STRING_MEMBER ("revision", state->revision);
#undef STRING_MEMBER
  if (state->last_sync_ms != 0)
    {
      json_builder_set_member_name (builder, "last-sync");
      json_builder_add_int_value (builder, state->last_sync_ms);
    }
  json_builder_set_member_name (builder, "feeds");
  json_builder_begin_object (builder);
  names = g_list_sort (g_hash_table_get_keys (state->feeds), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, g_hash_table_lookup (state->feeds, l->data));
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->conflicts->len; i++)
    json_builder_add_value (builder, conflict_to_json (g_ptr_array_index (state->conflicts, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  return write_atomically (state->dir, STATE_FILE, text, strlen (text), error);
}

void
mt_sync_state_apply_to (MtSyncState *state,
                        MtTour      *tour)
{
  if (state->replica == NULL || !mt_tour_set_replica (tour, state->replica))
    return;
  if (state->user != NULL)
    mt_tour_set_replica_name (tour, state->replica, state->user);
}

/**
 * mt_sync_state_load_base:
 *
 * Returns: (transfer full) (nullable): the version last agreed with the
 *   server, or %NULL (without an error where none is kept)
 */
MtTour *
mt_sync_state_load_base (MtSyncState  *state,
                         GError      **error)
{
  g_autoptr(GFile) file = g_file_get_child (state->dir, BASE_FILE);
  g_autoptr(GError) local_error = NULL;
  MtTour *base;

  if (state->revision == NULL || !g_file_query_exists (file, NULL))
    return NULL;
  base = mt_tour_load_file (file, NULL, NULL, &local_error);
  if (base == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return base;
}

gboolean
mt_sync_state_save_base (MtSyncState  *state,
                         GBytes       *contents,
                         GError      **error)
{
  return write_atomically (state->dir, BASE_FILE, g_bytes_get_data (contents, NULL),
                           g_bytes_get_size (contents), error);
}

void
mt_sync_state_add_conflicts (MtSyncState *state,
                             GPtrArray   *conflicts)
{
  if (conflicts != NULL)
    mt_conflicts_add (state->conflicts, conflicts);
}

void
mt_sync_state_dismiss_conflict (MtSyncState *state,
                                guint        index)
{
  g_return_if_fail (index < state->conflicts->len);
  g_ptr_array_remove_index (state->conflicts, index);
}

void
_mt_sync_state_reset_server (MtSyncState *state)
{
  g_clear_pointer (&state->etag, g_free);
  g_clear_pointer (&state->revision, g_free);
  state->last_sync_ms = 0;
  g_hash_table_remove_all (state->feeds);
  g_ptr_array_set_size (state->conflicts, 0);
}

gboolean
mt_sync_state_forget (MtSyncState  *state,
                      GError      **error)
{
  g_autoptr(GFile) base = g_file_get_child (state->dir, BASE_FILE);
  g_autoptr(GError) local_error = NULL;

  g_clear_pointer (&state->url, g_free);
  g_clear_pointer (&state->user, g_free);
  _mt_sync_state_reset_server (state);
  if (!g_file_delete (base, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return mt_sync_state_save (state, error);
}
