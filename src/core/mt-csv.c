/* mt-csv.c: the delegate roster and the schedule as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mt-csv.h"
#include "mt-enum-types.h"
#include "mt-history.h"
#include "mt-ical.h"
#include "mt-wall-time.h"

#define BOM "\xef\xbb\xbf"

G_DEFINE_QUARK (mt-csv-error-quark, mt_csv_error)

/* Writing */

static void
append_field (GString    *out,
              const char *text,
              gboolean    last)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",;\t\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_row (GString            *out,
            const char * const *fields,
            guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    append_field (out, fields[i], i + 1 == n_fields);
}

enum {
  COL_NAME,
  COL_OUTLET,
  COL_ROLE,
  COL_EMAIL,
  COL_PHONE,
  COL_LANGUAGES,
  COL_GROUP,
  COL_DIETARY,
  COL_ACCESS,
  COL_NOTES,
  COL_ID,
  N_COLUMNS
};

static const struct {
  const char *key;
  const char *header;
} roster_columns[N_COLUMNS] = {
  [COL_NAME] = { "name", N_("Name") },
  [COL_OUTLET] = { "outlet", N_("Outlet") },
  [COL_ROLE] = { "role", N_("Role") },
  [COL_EMAIL] = { "email", N_("Email") },
  [COL_PHONE] = { "phone", N_("Phone") },
  [COL_LANGUAGES] = { "languages", N_("Languages") },
  [COL_GROUP] = { "group", N_("Group") },
  [COL_DIETARY] = { "dietary", N_("Dietary needs") },
  [COL_ACCESS] = { "access", N_("Access needs") },
  [COL_NOTES] = { "notes", N_("Notes") },
  [COL_ID] = { "id", N_("ID") },
};

static const char *
role_nick (MtRole role)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (mt_role_get_type ());
  GEnumValue *value = g_enum_get_value (klass, role);

  return value ? value->value_nick : "";
}

/**
 * mt_csv_export_roster:
 *
 * Returns: (transfer full): the delegates, one a row
 */
GBytes *
mt_csv_export_roster (MtTour *tour)
{
  GString *out = g_string_new (BOM);
  GListModel *delegates;
  const char *header[N_COLUMNS];

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    header[i] = _(roster_columns[i].header);
  append_row (out, header, N_COLUMNS);

  delegates = mt_tour_get_delegates (tour);
  for (guint i = 0, n = g_list_model_get_n_items (delegates); i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);
      MtGroup *group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, mt_delegate_get_group (delegate));
      const char * const *languages = mt_delegate_get_languages (delegate);
      g_autofree char *joined = languages ? g_strjoinv (", ", (char **) languages) : NULL;
      const char *row[N_COLUMNS] = {
        [COL_NAME] = mt_delegate_get_name (delegate),
        [COL_OUTLET] = mt_delegate_get_outlet (delegate),
        [COL_ROLE] = role_nick (mt_delegate_get_role (delegate)),
        [COL_EMAIL] = mt_delegate_get_email (delegate),
        [COL_PHONE] = mt_delegate_get_phone (delegate),
        [COL_LANGUAGES] = joined,
        [COL_GROUP] = group ? mt_group_get_name (group) : NULL,
        [COL_DIETARY] = mt_delegate_get_dietary (delegate),
        [COL_ACCESS] = mt_delegate_get_access (delegate),
        [COL_NOTES] = mt_delegate_get_notes (delegate),
        [COL_ID] = mt_entity_get_id (MT_ENTITY (delegate)),
      };

      append_row (out, row, N_COLUMNS);
    }
  return g_string_free_to_bytes (out);
}

static char *
format_hour (gint64 wall)
{
  int hour, minute;

  if (wall == MT_TIME_UNSET)
    return g_strdup ("");
  mt_wall_time_split (wall, NULL, NULL, NULL, &hour, &minute, NULL);
  return g_strdup_printf ("%02d:%02d", hour, minute);
}

static char *
join_group_names (MtTour  *tour,
                  MtVisit *visit)
{
  const char * const *groups = mt_visit_get_groups (visit);
  g_autoptr(GString) text = g_string_new (NULL);

  if (groups == NULL || groups[0] == NULL)
    return g_strdup (_("Whole delegation"));
  for (guint i = 0; groups[i] != NULL; i++)
    {
      MtGroup *group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, groups[i]);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, group && mt_group_get_name (group) ? mt_group_get_name (group) : groups[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
interview_people (MtTour      *tour,
                  MtInterview *interview)
{
  const char * const *ids = mt_interview_get_delegates (interview);
  g_autoptr(GString) text = g_string_new (mt_interview_get_interviewee (interview));

  if (mt_interview_get_interviewee_title (interview))
    g_string_append_printf (text, ", %s", mt_interview_get_interviewee_title (interview));
  if (mt_interview_get_organisation (interview))
    g_string_append_printf (text, ", %s", mt_interview_get_organisation (interview));
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, ids[i]);

      if (delegate != NULL)
        g_string_append_printf (text, i == 0 ? " — %s" : ", %s", mt_delegate_get_name (delegate));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

enum {
  SCH_DATE, SCH_START, SCH_END, SCH_KIND, SCH_TITLE, SCH_STATUS, SCH_SITE,
  SCH_CITY, SCH_ADDRESS, SCH_GROUPS, SCH_PEOPLE, SCH_NOTES, SCH_ID, N_SCH
};

/**
 * mt_csv_export_schedule:
 *
 * Returns: (transfer full): the visits and interviews, one a row, in order
 *   of time; %NULL with @error set where the group or delegate is unknown
 */
GBytes *
mt_csv_export_schedule (MtTour      *tour,
                        const char  *group_id,
                        const char  *delegate_id,
                        GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  GString *out;
  const char *header[N_SCH] = {
    _("Date"), _("Start"), _("End"), _("Kind"), _("Title"), _("Status"), _("Site"),
    _("City"), _("Address"), _("Groups"), _("People"), _("Notes"), _("ID"),
  };

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  items = mt_ical_select_items (tour, group_id, delegate_id, error);
  if (items == NULL)
    return NULL;

  out = g_string_new (BOM);
  append_row (out, header, N_SCH);
  for (guint i = 0; i < items->len; i++)
    {
      MtEntity *item = g_ptr_array_index (items, i);
      g_autofree char *date = mt_wall_date_format (mt_ical_item_get_start (item));
      g_autofree char *start = format_hour (mt_ical_item_get_start (item));
      g_autofree char *end = format_hour (mt_ical_item_get_end (item));
      g_autofree char *groups = NULL, *people = NULL, *title = NULL;
      const char *row[N_SCH] = { NULL, };
      MtVisit *visit = NULL;
      MtSite *site;
      MtCity *city;

      row[SCH_DATE] = date;
      row[SCH_START] = start;
      row[SCH_END] = end;
      row[SCH_ID] = mt_entity_get_id (item);
      if (MT_IS_VISIT (item))
        {
          visit = MT_VISIT (item);
          row[SCH_KIND] = mt_visit_kind_to_label (mt_visit_get_visit_kind (visit));
          row[SCH_TITLE] = mt_visit_get_title (visit);
          row[SCH_STATUS] = mt_visit_status_to_label (mt_visit_get_status (visit));
          row[SCH_GROUPS] = groups = join_group_names (tour, visit);
          if (mt_visit_get_speakers (visit) != NULL)
            row[SCH_PEOPLE] = people = g_strjoinv ("\n", (char **) mt_visit_get_speakers (visit));
          row[SCH_NOTES] = mt_visit_get_notes (visit);
        }
      else
        {
          MtInterview *interview = MT_INTERVIEW (item);

          visit = mt_tour_lookup_kind (tour, MT_ENTITY_VISIT, mt_interview_get_visit (interview));
          row[SCH_KIND] = _("Interview");
          row[SCH_TITLE] = title = g_strdup_printf (_("Interview with %s"),
                                                    mt_interview_get_interviewee (interview) ? mt_interview_get_interviewee (interview) : "");
          row[SCH_STATUS] = mt_interview_status_to_label (mt_interview_get_status (interview));
          row[SCH_PEOPLE] = people = interview_people (tour, interview);
          row[SCH_NOTES] = mt_interview_get_notes (interview);
          if (mt_interview_get_location (interview) != NULL)
            row[SCH_SITE] = mt_interview_get_location (interview);
        }

      site = visit ? mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_visit_get_site (visit)) : NULL;
      city = site ? mt_tour_lookup_kind (tour, MT_ENTITY_CITY, mt_site_get_city (site)) : NULL;
      if (row[SCH_SITE] == NULL && site != NULL)
        row[SCH_SITE] = mt_site_get_name (site);
      row[SCH_CITY] = city ? mt_city_get_name (city) : NULL;
      row[SCH_ADDRESS] = site ? mt_site_get_address (site) : NULL;
      append_row (out, row, N_SCH);
    }
  return g_string_free_to_bytes (out);
}

/* Reading */

static char
detect_separator (const char *p,
                  const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          commas += *p == ',';
          semicolons += *p == ';';
          tabs += *p == '\t';
        }
    }
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return semicolons > commas ? ';' : ',';
}

/**
 * mt_csv_parse:
 *
 * Returns: (transfer full) (element-type GStrv): the records
 */
GPtrArray *
mt_csv_parse (const char  *data,
              gsize        length,
              GArray     **row_numbers,
              GPtrArray   *bad_rows)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data, *end = data + length;
  guint row = 0;
  char separator;

  if (length >= 3 && memcmp (p, BOM, 3) == 0)
    p += 3;
  separator = detect_separator (p, end);

  while (p < end)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      const char *wrong = NULL;

      row++;
      for (;;)
        {
          g_string_truncate (field, 0);
          if (p < end && *p == '"')
            {
              gboolean closed = FALSE;

              for (p++; p < end; p++)
                {
                  if (*p == '"' && p + 1 < end && p[1] == '"')
                    g_string_append_c (field, *++p);
                  else if (*p == '"')
                    {
                      closed = TRUE;
                      p++;
                      break;
                    }
                  else
                    g_string_append_c (field, *p);
                }
              if (!closed)
                wrong = _("a quoted field is never closed");
              else if (p < end && *p != separator && *p != '\r' && *p != '\n')
                wrong = _("there is text after the closing quote of a field");
            }
          for (; p < end && *p != separator && *p != '\r' && *p != '\n'; p++)
            {
              if (*p == '"' && wrong == NULL)
                wrong = _("a field holds a quote but is not quoted as a whole");
              g_string_append_c (field, *p);
            }
          g_ptr_array_add (fields, g_strdup (field->str));
          if (p < end && *p == separator)
            {
              p++;
              continue;
            }
          if (p < end && *p == '\r')
            p++;
          if (p < end && *p == '\n')
            p++;
          break;
        }

      if (wrong != NULL)
        {
          if (bad_rows != NULL)
            g_ptr_array_add (bad_rows, g_strdup_printf (_("row %u: %s"), row, wrong));
          continue;
        }
      if (fields->len == 1 && *(char *) fields->pdata[0] == '\0')
        continue; /* a blank line */
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (records, g_ptr_array_free (g_steal_pointer (&fields), FALSE));
      g_array_append_val (rows, row);
    }

  if (row_numbers != NULL)
    *row_numbers = rows;
  else
    g_array_unref (rows);
  return records;
}

/* The roster import */

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
  GPtrArray  *bad_rows;
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
          g_autofree char *english = g_utf8_casefold (roster_columns[c].header, -1);
          g_autofree char *translated = g_utf8_casefold (_(roster_columns[c].header), -1);

          if (strcmp (found, roster_columns[c].key) != 0 && strcmp (found, english) != 0 &&
              strcmp (found, translated) != 0)
            continue;
          if (roster->column[c] >= 0)
            {
              g_ptr_array_add (roster->bad_rows,
                               g_strdup_printf (_("row 1: the column “%s” is there twice"), header[i]));
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

      if (entity != NULL && !MT_IS_DELEGATE (entity))
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

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_ptr_array_add (roster.bad_rows, g_strdup (_("the file is not UTF-8 text; save it as “CSV UTF-8”")));
      goto out;
    }

  records = mt_csv_parse (data, length, &rows, roster.bad_rows);
  if (records->len == 0 || g_array_index (rows, guint, 0) != 1)
    {
      if (roster.bad_rows->len == 0)
        g_ptr_array_add (roster.bad_rows, g_strdup (_("row 1: the header row is missing")));
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
  for (guint i = 1; i < records->len; i++)
    plan_row (&roster, g_ptr_array_index (records, i), g_array_index (rows, guint, i),
              g_strv_length (g_ptr_array_index (records, 0)));

  if (roster.bad_rows->len == 0)
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
                                             roster.bad_rows->len),
                       name, roster.bad_rows->len);
      for (guint i = 0; i < roster.bad_rows->len; i++)
        g_string_append_printf (message, "\n%s", (char *) g_ptr_array_index (roster.bad_rows, i));
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
