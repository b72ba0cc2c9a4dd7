/* mt-csv-roster.c: importing a delegate roster from CSV
 *
 * The whole file is read and every row checked before anything changes;
 * then the groups it names and the tour lacks are added and the delegates
 * added or updated, as one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mt-csv-private.h"
#include "mt-enum-types.h"
#include "mt-history.h"
#include "mt-ical.h"
#include "mt-validate.h"

typedef struct
{
  guint       row;
  MtDelegate *existing;
  const char *values[N_COLUMNS]; /* borrowed from the records */
  MtRole      role;
  char      **languages;
  char       *group_key;         /* casefolded group name, or NULL */
} RowPlan;

static void
row_plan_free (RowPlan *plan)
{
  g_strfreev (plan->languages);
  g_free (plan->group_key);
  g_free (plan);
}

typedef struct
{
  MtTour     *tour;
  int         column[N_COLUMNS]; /* index in the record, or -1 */
  GHashTable *delegates;         /* "name\x1foutlet" casefolded → MtDelegate */
  GHashTable *groups;            /* casefolded name or id → group id (char *) */
  GHashTable *new_groups;        /* casefolded name → name as written */
  GHashTable *rows_seen;         /* "name\x1foutlet" → row, as pointer */
  GHashTable *ids_seen;          /* id → row */
  GPtrArray  *plans;
  GPtrArray  *bad_rows;          /* the first MT_CSV_MAX_BAD_ROWS_SHOWN */
  guint       n_bad_rows;
} Roster;

static char *
person_key (const char *name,
            const char *outlet)
{
  g_autofree char *joined = g_strdup_printf ("%s\x1f%s", name ? name : "", outlet ? outlet : "");

  return g_utf8_casefold (joined, -1);
}

static gboolean
find_columns (Roster      *roster,
              char       **header)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    roster->column[c] = -1;

  for (int i = 0; header[i] != NULL; i++)
    {
      g_autofree char *found = g_utf8_casefold (g_strstrip (header[i]), -1);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autofree char *english = g_utf8_casefold (_mt_csv_roster_columns[c].header, -1);
          g_autofree char *translated = g_utf8_casefold (_(_mt_csv_roster_columns[c].header), -1);

          if (strcmp (found, _mt_csv_roster_columns[c].key) != 0 && strcmp (found, english) != 0 &&
              strcmp (found, translated) != 0)
            continue;
          if (roster->column[c] >= 0)
            {
              g_ptr_array_add (roster->bad_rows,
                               g_strdup_printf (_("row 1: the column “%s” is there twice"), header[i]));
              roster->n_bad_rows++;
              return FALSE;
            }
          roster->column[c] = i;
        }
    }
  return TRUE;
}

static void
index_tour (Roster *roster)
{
  GListModel *delegates = mt_tour_get_delegates (roster->tour);
  GListModel *groups = mt_tour_get_groups (roster->tour);

  for (guint i = 0, n = g_list_model_get_n_items (delegates); i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);

      g_hash_table_insert (roster->delegates,
                           person_key (mt_delegate_get_name (delegate), mt_delegate_get_outlet (delegate)),
                           delegate);
    }
  for (guint i = 0, n = g_list_model_get_n_items (groups); i < n; i++)
    {
      g_autoptr(MtGroup) group = g_list_model_get_item (groups, i);
      const char *id = mt_entity_get_id (MT_ENTITY (group));

      if (mt_group_get_name (group) != NULL)
        g_hash_table_insert (roster->groups, g_utf8_casefold (mt_group_get_name (group), -1), (gpointer) id);
      g_hash_table_insert (roster->groups, g_strdup (id), (gpointer) id);
    }
}

static gboolean
parse_role (const char *text,
            MtRole     *role)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (mt_role_get_type ());

  if (*text == '\0')
    {
      *role = MT_ROLE_REPORTER;
      return TRUE;
    }
  for (guint i = 0; i < klass->n_values; i++)
    if (g_ascii_strcasecmp (text, klass->values[i].value_nick) == 0 ||
        g_utf8_collate (text, mt_role_to_label (klass->values[i].value)) == 0)
      {
        *role = klass->values[i].value;
        return TRUE;
      }
  return FALSE;
}

static void G_GNUC_PRINTF (3, 4)
bad_row (Roster     *roster,
         guint       row,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  roster->n_bad_rows++;
  if (roster->bad_rows->len < MT_CSV_MAX_BAD_ROWS_SHOWN)
    g_ptr_array_add (roster->bad_rows, g_strdup_printf (_("row %u: %s"), row, message));
}

static void
plan_row (Roster  *roster,
          char   **record,
          guint    row,
          guint    n_header)
{
  g_autofree char *key = NULL;
  RowPlan *plan;
  const char *id, *email, *group;
  guint n_fields = g_strv_length (record);
  gpointer other;
  gboolean ok = TRUE;

  if (n_fields > n_header)
    {
      bad_row (roster, row, _("it has %u fields where the header has %u"), n_fields, n_header);
      return;
    }

  plan = g_new0 (RowPlan, 1);
  plan->row = row;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      int i = roster->column[c];

      plan->values[c] = i >= 0 && (guint) i < n_fields ? g_strstrip (record[i]) : (i >= 0 ? "" : NULL);
    }

  if (*plan->values[COL_NAME] == '\0')
    {
      bad_row (roster, row, _("the name is empty"));
      ok = FALSE;
    }
  if (plan->values[COL_ROLE] != NULL && !parse_role (plan->values[COL_ROLE], &plan->role))
    {
      bad_row (roster, row, _("“%s” is not a role (reporter, photographer, camera, producer, editor or other)"),
               plan->values[COL_ROLE]);
      ok = FALSE;
    }
  email = plan->values[COL_EMAIL];
  if (email != NULL && *email != '\0' &&
      (strchr (email, '@') == NULL || strpbrk (email, " ,;") != NULL || email[0] == '@'))
    {
      bad_row (roster, row, _("“%s” is not an email address"), email);
      ok = FALSE;
    }

  id = plan->values[COL_ID];
  if (id != NULL && *id != '\0')
    {
      MtEntity *entity = mt_tour_lookup (roster->tour, id);
      g_autoptr(GError) id_error = NULL;

      if (!mt_validate_id (id, _("ID"), &id_error))
        {
          bad_row (roster, row, "%s", id_error->message);
          ok = FALSE;
        }
      else if (entity != NULL && !MT_IS_DELEGATE (entity))
        {
          bad_row (roster, row, _("the ID “%s” belongs to an item that is not a delegate"), id);
          ok = FALSE;
        }
      else if (g_hash_table_lookup_extended (roster->ids_seen, id, NULL, &other))
        {
          bad_row (roster, row, _("it has the ID of row %u"), GPOINTER_TO_UINT (other));
          ok = FALSE;
        }
      else
        {
          plan->existing = (MtDelegate *) entity;
          g_hash_table_insert (roster->ids_seen, (gpointer) id, GUINT_TO_POINTER (row));
        }
    }

  key = person_key (plan->values[COL_NAME], plan->values[COL_OUTLET]);
  if (g_hash_table_lookup_extended (roster->rows_seen, key, NULL, &other))
    {
      bad_row (roster, row, _("it repeats row %u: the same name and outlet"), GPOINTER_TO_UINT (other));
      ok = FALSE;
    }
  else if (*plan->values[COL_NAME] != '\0')
    g_hash_table_insert (roster->rows_seen, g_strdup (key), GUINT_TO_POINTER (row));
  if (plan->existing == NULL)
    plan->existing = g_hash_table_lookup (roster->delegates, key);

  if (plan->values[COL_LANGUAGES] != NULL)
    {
      g_auto(GStrv) parts = g_regex_split_simple ("[\\s,;/]+", plan->values[COL_LANGUAGES], 0, 0);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_strv_builder_add (builder, parts[i]);
      plan->languages = g_strv_builder_end (builder);
    }

  group = plan->values[COL_GROUP];
  if (group != NULL && *group != '\0')
    {
      plan->group_key = g_utf8_casefold (group, -1);
      if (!g_hash_table_contains (roster->groups, plan->group_key) &&
          !g_hash_table_contains (roster->new_groups, plan->group_key))
        g_hash_table_insert (roster->new_groups, g_strdup (plan->group_key), (gpointer) group);
    }

  if (ok)
    g_ptr_array_add (roster->plans, plan);
  else
    row_plan_free (plan);
}

static void
apply_row (Roster      *roster,
           RowPlan     *plan,
           GHashTable  *created,
           MtCsvImport *result)
{
  g_autoptr(MtDelegate) added = NULL;
  MtDelegate *delegate = plan->existing;
  const char * const *values = plan->values;
  guint revision = 0;

  if (delegate == NULL)
    {
      const char *id = values[COL_ID];
      g_autofree char *new_id = id != NULL && *id != '\0' ? g_strdup (id) : mt_uuid_new ();

      delegate = added = mt_delegate_new (new_id);
    }
  else
    revision = mt_entity_get_revision (MT_ENTITY (delegate));

  mt_delegate_set_name (delegate, values[COL_NAME]);
  if (values[COL_OUTLET] != NULL)
    mt_delegate_set_outlet (delegate, *values[COL_OUTLET] ? values[COL_OUTLET] : NULL);
  if (values[COL_ROLE] != NULL)
    mt_delegate_set_role (delegate, plan->role);
  if (values[COL_EMAIL] != NULL)
    mt_delegate_set_email (delegate, *values[COL_EMAIL] ? values[COL_EMAIL] : NULL);
  if (values[COL_PHONE] != NULL)
    mt_delegate_set_phone (delegate, *values[COL_PHONE] ? values[COL_PHONE] : NULL);
  if (values[COL_LANGUAGES] != NULL)
    mt_delegate_set_languages (delegate, plan->languages && plan->languages[0] ? (const char * const *) plan->languages : NULL);
  if (values[COL_GROUP] != NULL)
    {
      const char *group_id = NULL;

      if (plan->group_key != NULL)
        {
          group_id = g_hash_table_lookup (roster->groups, plan->group_key);
          if (group_id == NULL)
            group_id = g_hash_table_lookup (created, plan->group_key);
        }
      mt_delegate_set_group (delegate, group_id);
    }
  if (values[COL_DIETARY] != NULL)
    mt_delegate_set_dietary (delegate, *values[COL_DIETARY] ? values[COL_DIETARY] : NULL);
  if (values[COL_ACCESS] != NULL)
    mt_delegate_set_access (delegate, *values[COL_ACCESS] ? values[COL_ACCESS] : NULL);
  if (values[COL_NOTES] != NULL)
    mt_delegate_set_notes (delegate, *values[COL_NOTES] ? values[COL_NOTES] : NULL);

  if (added != NULL)
    {
      if (!mt_tour_add (roster->tour, MT_ENTITY (added), NULL))
        g_assert_not_reached (); /* ids were checked when planning */
      result->n_added++;
    }
  else if (mt_entity_get_revision (MT_ENTITY (delegate)) != revision)
    result->n_updated++;
  else
    result->n_unchanged++;
}

static void
apply_roster (Roster      *roster,
              MtCsvImport *result)
{
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  MtHistory *history = mt_tour_get_history (roster->tour);
  GHashTableIter iter;
  gpointer key, value;

  mt_history_begin (history, _("Import roster"));

  g_hash_table_iter_init (&iter, roster->new_groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *id = mt_uuid_new ();
      g_autoptr(MtGroup) group = mt_group_new (id);

      mt_group_set_name (group, value);
      if (!mt_tour_add (roster->tour, MT_ENTITY (group), NULL))
        g_assert_not_reached ();
      g_hash_table_insert (created, key, g_steal_pointer (&id));
      result->n_groups_added++;
    }

  for (guint i = 0; i < roster->plans->len; i++)
    apply_row (roster, g_ptr_array_index (roster->plans, i), created, result);

  mt_history_end (history);
}

/* "row 12: …" by the row's number, the first number in the message */
static guint64
row_of (const char *message)
{
  while (*message != '\0' && !g_ascii_isdigit (*message))
    message++;
  return g_ascii_strtoull (message, NULL, 10);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  guint64 ra = row_of (*(const char **) a), rb = row_of (*(const char **) b);

  return ra < rb ? -1 : ra > rb;
}

/**
 * mt_csv_import_roster:
 * @name: names the data in messages (the file's name)
 *
 * Returns: %FALSE, with @error set and the tour unchanged, where a row of the
 *   file cannot be imported
 */
gboolean
mt_csv_import_roster (MtTour       *tour,
                      const char   *data,
                      gsize         length,
                      const char   *name,
                      MtCsvImport  *result,
                      GPtrArray   **bad_rows,
                      GError      **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) rows = NULL;
  MtCsvImport ignored;
  Roster roster = { 0, };
  guint n_header;
  gboolean ok = FALSE;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (result == NULL)
    result = &ignored;
  memset (result, 0, sizeof *result);
  name = name ? name : _("The roster");

  roster.tour = tour;
  roster.bad_rows = g_ptr_array_new_with_free_func (g_free);
  roster.delegates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  roster.groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  roster.new_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  roster.rows_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  roster.ids_seen = g_hash_table_new (g_str_hash, g_str_equal);
  roster.plans = g_ptr_array_new_with_free_func ((GDestroyNotify) row_plan_free);

  if (length > MT_CSV_MAX_FILE_SIZE)
    {
      /* Translators: sizes in MiB (1024 × 1024 bytes), the first rounded up */
      g_set_error (error, MT_CSV_ERROR, MT_CSV_ERROR_TOO_LARGE,
                   _("%s: the file is %u MiB; a roster to import may be at most %d MiB"),
                   name, (guint) ((length + (1 << 20) - 1) >> 20), MT_CSV_MAX_FILE_SIZE >> 20);
      goto out;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_ptr_array_add (roster.bad_rows, g_strdup (_("the file is not UTF-8 text; save it as “CSV UTF-8”")));
      roster.n_bad_rows++;
      goto out;
    }

  records = mt_csv_parse (data, length, &rows, roster.bad_rows, &roster.n_bad_rows);
  if (records->len == 0 || g_array_index (rows, guint, 0) != 1)
    {
      if (roster.bad_rows->len == 0)
        {
          g_ptr_array_add (roster.bad_rows, g_strdup (_("row 1: the header row is missing")));
          roster.n_bad_rows++;
        }
      goto out;
    }
  if (!find_columns (&roster, g_ptr_array_index (records, 0)))
    goto out;
  if (roster.column[COL_NAME] < 0)
    {
      g_set_error (error, MT_CSV_ERROR, MT_CSV_ERROR_NO_NAME,
                   _("%s: the header row has no “%s” column; nothing was imported"), name, _("Name"));
      g_ptr_array_set_size (roster.bad_rows, 0);
      goto out;
    }

  index_tour (&roster);
  n_header = g_strv_length (g_ptr_array_index (records, 0));
  for (guint i = 1; i < records->len; i++)
    plan_row (&roster, g_ptr_array_index (records, i), g_array_index (rows, guint, i), n_header);

  if (roster.n_bad_rows == 0)
    {
      apply_roster (&roster, result);
      ok = TRUE;
    }

out:
  g_ptr_array_sort (roster.bad_rows, compare_rows);
  if (!ok && roster.bad_rows->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_printf (message, g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %u row cannot be imported, so nothing was:",
                                             "%s: %u rows cannot be imported, so nothing was:",
                                             roster.n_bad_rows),
                       name, roster.n_bad_rows);
      for (guint i = 0; i < roster.bad_rows->len; i++)
        g_string_append_printf (message, "\n%s", (char *) g_ptr_array_index (roster.bad_rows, i));
      if (roster.n_bad_rows > roster.bad_rows->len)
        {
          guint n_more = roster.n_bad_rows - roster.bad_rows->len;

          g_string_append_c (message, '\n');
          g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "… and %u more row", "… and %u more rows",
                                                        n_more), n_more);
        }
      g_set_error_literal (error, MT_CSV_ERROR, MT_CSV_ERROR_BAD_ROWS, message->str);
    }
  if (bad_rows != NULL)
    *bad_rows = g_ptr_array_ref (roster.bad_rows);
  g_ptr_array_unref (roster.bad_rows);
  g_hash_table_unref (roster.delegates);
  g_hash_table_unref (roster.groups);
  g_hash_table_unref (roster.new_groups);
  g_hash_table_unref (roster.rows_seen);
  g_hash_table_unref (roster.ids_seen);
  g_ptr_array_unref (roster.plans);
  return ok;
}
