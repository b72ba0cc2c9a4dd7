/* mt-csv.c: the delegate roster and the schedule as CSV
 *
 * Writing, and splitting a file into records; mt-csv-roster.c imports.
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
#include "mt-wall-time.h"

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

void
_mt_csv_append_row (GString            *out,
                    const char * const *fields,
                    guint               n_fields)
{
  append_row (out, fields, n_fields);
}

const MtCsvColumn _mt_csv_roster_columns[N_COLUMNS] = {
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
  GString *out = g_string_new (MT_CSV_BOM);
  GListModel *delegates;
  const char *header[N_COLUMNS];

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  /* in English whatever the interface's language, so that the file reads
   * back in any (the import takes the translated names too) */
  for (guint i = 0; i < N_COLUMNS; i++)
    header[i] = _mt_csv_roster_columns[i].header;
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
  SCH_CITY, SCH_ADDRESS, SCH_CONTACT, SCH_GROUPS, SCH_PEOPLE, SCH_NOTES, SCH_ID, N_SCH
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
    _("City"), _("Address"), _("Contact"), _("Groups"), _("People"), _("Notes"), _("ID"),
  };

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  items = mt_ical_select_items (tour, group_id, delegate_id, error);
  if (items == NULL)
    return NULL;

  out = g_string_new (MT_CSV_BOM);
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
      row[SCH_CONTACT] = site ? mt_site_get_contact (site) : NULL;
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
              GPtrArray   *bad_rows,
              guint       *n_bad_rows)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data, *end = data + length;
  guint row = 0;
  char separator;

  if (length >= 3 && memcmp (p, MT_CSV_BOM, 3) == 0)
    p += 3;
  separator = detect_separator (p, end);

  while (p < end)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *too_many = NULL;
      const char *wrong = NULL;

      if (++row > MT_CSV_MAX_ROWS + 1)
        {
          if (n_bad_rows != NULL)
            (*n_bad_rows)++;
          if (bad_rows != NULL)
            g_ptr_array_add (bad_rows, g_strdup_printf (_("row %u: the file has more than %d rows; "
                                                          "a roster to import may have at most that many"),
                                                        row, MT_CSV_MAX_ROWS));
          break;
        }
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
          /* a row of a million empty fields would take a million strings */
          if (fields->len < MT_CSV_MAX_FIELDS)
            g_ptr_array_add (fields, g_strdup (field->str));
          else if (too_many == NULL)
            wrong = too_many = g_strdup_printf (_("it has more than %d fields"), MT_CSV_MAX_FIELDS);
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
          if (n_bad_rows != NULL)
            (*n_bad_rows)++;
          if (bad_rows != NULL && bad_rows->len < MT_CSV_MAX_BAD_ROWS_SHOWN)
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
