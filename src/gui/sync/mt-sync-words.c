/* mt-sync-words.c: what a sync brought in, in words, decided without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mt-itinerary-model.h"
#include "mt-page-logic.h"
#include "mt-sync-words.h"

/* a value longer than this is "edited", not quoted */
#define SHORT_VALUE_CHARS 40

char *
mt_sync_words_who (MtTour     *tour,
                   const char *replica)
{
  const char *name = tour != NULL && replica != NULL ? mt_tour_get_replica_name (tour, replica) : NULL;

  /* Translators: who changed something, where the tour does not say */
  return g_strdup (name != NULL && name[0] != '\0' ? name : _("Someone"));
}

static GParamSpec *
find_pspec (MtEntityKind  kind,
            const char   *field)
{
  GType type = kind < MT_N_ENTITY_KINDS ? mt_entity_kind_get_gtype (kind) : MT_TYPE_TOUR;
  GObjectClass *klass = g_type_class_ref (type);
  GParamSpec *pspec = field != NULL ? g_object_class_find_property (klass, field) : NULL;

  /* the class of a static type stays, and its pspecs with it */
  g_type_class_unref (klass);
  return pspec;
}

const char *
mt_sync_words_field (MtEntityKind  kind,
                     const char   *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } tour_fields[] = {
    { "title", N_("Title") },
    { "organiser", N_("Organiser") },
    { "time-zone", N_("Time zone") },
    { "first-day", N_("First day") },
    { "n-days", N_("Number of days") },
    { "description", N_("Description") },
    { "feed-key", N_("Calendar feed key") },
  };
  GParamSpec *pspec;

  g_return_val_if_fail (field != NULL, NULL);

  if (kind >= MT_N_ENTITY_KINDS)
    {
      for (guint i = 0; i < G_N_ELEMENTS (tour_fields); i++)
        if (strcmp (tour_fields[i].field, field) == 0)
          return _(tour_fields[i].label);
      return field;
    }
  pspec = find_pspec (kind, field);
  return pspec != NULL && g_param_spec_get_nick (pspec) != NULL ? _(g_param_spec_get_nick (pspec)) : field;
}

static const char *
enum_label (GType type,
            int   value)
{
  if (type == MT_TYPE_VISIT_KIND)
    return mt_itinerary_visit_kind_label (value);
  if (type == MT_TYPE_VISIT_STATUS)
    return mt_itinerary_visit_status_label (value);
  if (type == MT_TYPE_ROLE)
    return mt_page_role_label (value);
  if (type == MT_TYPE_INTERVIEW_STATUS)
    return mt_page_interview_status_label (value);
  if (type == MT_TYPE_SITE_KIND)
    return mt_page_site_kind_label (value);
  return NULL;
}

/* "15:30", or "Wednesday, 15 May, 15:30" */
static char *
time_text (MtTour   *tour,
           gint64    time,
           gboolean  with_date)
{
  g_autofree char *clock = mt_itinerary_format_clock (time);
  g_autofree char *date = NULL;

  if (!with_date || tour == NULL)
    return g_steal_pointer (&clock);
  date = mt_itinerary_day_date (tour, mt_tour_get_day_index (tour, time));
  /* Translators: a date, then a time of day: "Wednesday, 15 May, 15:30" */
  return g_strdup_printf (C_("date and time", "%s, %s"), date, clock);
}

/* The name of what @id refers to, quoted, or NULL where the tour has no
 * item with that id */
static char *
reference_text (MtTour     *tour,
                const char *id)
{
  MtEntity *entity = tour != NULL && id != NULL ? mt_tour_lookup (tour, id) : NULL;
  const char *name;

  if (entity == NULL)
    return NULL;
  name = mt_entity_get_display_name (entity);
  return g_strdup_printf ("“%s”", name != NULL && name[0] != '\0' ? name : _("(unnamed)"));
}

static gboolean
is_reference_field (const char *field)
{
  static const char * const references[] = { "site", "city", "group", "visit", "groups", "delegates", NULL };

  return g_strv_contains (references, field);
}

static char *
string_value_text (MtTour     *tour,
                   const char *field,
                   const char *text)
{
  char *name;

  if (text == NULL || text[0] == '\0')
    return g_strdup (_("(empty)"));
  if (!is_reference_field (field))
    return g_strdup_printf ("“%s”", text);
  name = reference_text (tour, text);
  /* Translators: a reference to an item that is no longer in the tour */
  return name != NULL ? name : g_strdup (_("(a removed item)"));
}

static char *
list_value_text (MtTour     *tour,
                 const char *field,
                 JsonArray  *array)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *element = json_array_get_string_element (array, i);
      g_autofree char *item = string_value_text (tour, field, element);

      if (text->len > 0)
        /* Translators: between the items of a list */
        g_string_append (text, _(", "));
      g_string_append (text, item);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_strdup (_("(empty)"));
}

static char *
time_value_text (MtTour     *tour,
                 const char *field,
                 const char *text)
{
  gint64 time;

  if (strcmp (field, "first-day") == 0 && mt_wall_date_parse (text, &time))
    {
      g_autoptr(GDateTime) date = mt_wall_time_to_date_time (time, NULL);

      /* Translators: a date, see g_date_time_format(): "14 May 2024" */
      return g_date_time_format (date, _("%-d %B %Y"));
    }
  if (mt_wall_time_parse (text, &time))
    return time_text (tour, time, TRUE);
  return g_strdup (text);
}

char *
mt_sync_words_value (MtTour       *tour,
                     MtEntityKind  kind,
                     const char   *field,
                     JsonNode     *value)
{
  GParamSpec *pspec = find_pspec (kind, field);
  GType type = pspec != NULL ? pspec->value_type : G_TYPE_INVALID;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup (_("(empty)"));
  if (JSON_NODE_HOLDS_ARRAY (value))
    return list_value_text (tour, field, json_node_get_array (value));
  if (!JSON_NODE_HOLDS_VALUE (value))
    return json_to_string (value, FALSE);

  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? C_("value", "Yes") : C_("value", "No"));
  if (type == G_TYPE_INT64 && json_node_get_value_type (value) == G_TYPE_STRING)
    return time_value_text (tour, field, json_node_get_string (value));
  if (G_TYPE_IS_ENUM (type) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *enum_value = g_enum_get_value_by_nick (klass, json_node_get_string (value));
      const char *label = enum_value != NULL ? enum_label (type, enum_value->value) : NULL;

      return g_strdup (label != NULL ? label : json_node_get_string (value));
    }
  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return string_value_text (tour, field, json_node_get_string (value));
  if (json_node_get_value_type (value) == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", json_node_get_double (value)));
    }
  if (json_node_get_value_type (value) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  return json_to_string (value, FALSE);
}

/* Lines: each one change, or a start and an end that moved together */

typedef struct
{
  MtMergeChange *change;
  MtMergeChange *end;     /* the end of a span whose start is @change, or NULL */
} Line;

static gboolean
is_span_field (const MtMergeChange *change)
{
  return change->kind == MT_MERGE_CHANGED && change->id != NULL && change->field != NULL &&
         (strcmp (change->field, "start") == 0 || strcmp (change->field, "end") == 0);
}

static GArray *
group_lines (GPtrArray *incoming)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr(GHashTable) spans = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; incoming != NULL && i < incoming->len; i++)
    {
      MtMergeChange *change = g_ptr_array_index (incoming, i);
      gpointer index;
      Line line = { change, NULL };

      if (is_span_field (change))
        {
          gboolean is_end = strcmp (change->field, "end") == 0;

          if (g_hash_table_lookup_extended (spans, change->id, NULL, &index))
            {
              Line *other = &g_array_index (lines, Line, GPOINTER_TO_UINT (index));

              if (is_end && other->end == NULL && strcmp (other->change->field, "start") == 0)
                {
                  other->end = change;
                  continue;
                }
              if (!is_end && strcmp (other->change->field, "end") == 0)
                {
                  other->end = other->change;
                  other->change = change;
                  continue;
                }
            }
          g_hash_table_insert (spans, change->id, GUINT_TO_POINTER (lines->len));
        }
      g_array_append_val (lines, line);
    }
  return lines;
}

guint
mt_sync_words_count (GPtrArray *incoming)
{
  g_autoptr(GArray) lines = group_lines (incoming);

  return lines->len;
}

static const char *
item_name (const char *name)
{
  return name != NULL && name[0] != '\0' ? name : _("(unnamed)");
}

static char *
added_text (const char   *who,
            MtEntityKind  kind,
            const char   *name)
{
  switch (kind)
    {
    case MT_ENTITY_CITY:
      /* Translators: what a sync brought in: who, then the item's name */
      return g_strdup_printf (_("%s added the city “%s”"), who, name);
    case MT_ENTITY_SITE:
      return g_strdup_printf (_("%s added the site “%s”"), who, name);
    case MT_ENTITY_GROUP:
      return g_strdup_printf (_("%s added the group “%s”"), who, name);
    case MT_ENTITY_DELEGATE:
      return g_strdup_printf (_("%s added the delegate “%s”"), who, name);
    case MT_ENTITY_INTERVIEW:
      return g_strdup_printf (_("%s added the interview with “%s”"), who, name);
    case MT_ENTITY_VISIT:
    case MT_N_ENTITY_KINDS:
    default:
      return g_strdup_printf (_("%s added the visit “%s”"), who, name);
    }
}

static char *
deleted_text (const char   *who,
              MtEntityKind  kind,
              const char   *name)
{
  switch (kind)
    {
    case MT_ENTITY_CITY:
      /* Translators: what a sync brought in: who, then the item's name */
      return g_strdup_printf (_("%s deleted the city “%s”"), who, name);
    case MT_ENTITY_SITE:
      return g_strdup_printf (_("%s deleted the site “%s”"), who, name);
    case MT_ENTITY_GROUP:
      return g_strdup_printf (_("%s deleted the group “%s”"), who, name);
    case MT_ENTITY_DELEGATE:
      return g_strdup_printf (_("%s deleted the delegate “%s”"), who, name);
    case MT_ENTITY_INTERVIEW:
      return g_strdup_printf (_("%s deleted the interview with “%s”"), who, name);
    case MT_ENTITY_VISIT:
    case MT_N_ENTITY_KINDS:
    default:
      return g_strdup_printf (_("%s deleted the visit “%s”"), who, name);
    }
}

static gint64
node_time (JsonNode *node)
{
  gint64 time;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !mt_wall_time_parse (json_node_get_string (node), &time))
    return MT_TIME_UNSET;
  return time;
}

static char *
span_text (MtTour     *tour,
           const char *who,
           const Line *line)
{
  MtMergeChange *start = strcmp (line->change->field, "start") == 0 ? line->change : NULL;
  MtMergeChange *end = start != NULL ? line->end : line->change;
  const char *name = item_name (line->change->name);

  if (start != NULL && !json_node_equal (start->old_value, start->new_value))
    {
      gint64 old_start = node_time (start->old_value);
      gint64 new_start = node_time (start->new_value);
      gboolean other_day = old_start == MT_TIME_UNSET || new_start == MT_TIME_UNSET ||
                           mt_wall_time_day_start (old_start) != mt_wall_time_day_start (new_start);
      g_autofree char *when = new_start != MT_TIME_UNSET ? time_text (tour, new_start, other_day)
                                                         : g_strdup (_("(empty)"));

      /* Translators: who, an item, where it went: "Lin moved “EHang” to 15:30" */
      return g_strdup_printf (_("%1$s moved “%2$s” to %3$s"), who, name, when);
    }
  if (end != NULL)
    {
      gint64 new_end = node_time (end->new_value);
      g_autofree char *when = new_end != MT_TIME_UNSET ? time_text (tour, new_end, FALSE)
                                                       : g_strdup (_("(empty)"));

      /* Translators: who, an item, its new end: "Lin made “EHang” end at 16:30" */
      return g_strdup_printf (_("%1$s made “%2$s” end at %3$s"), who, name, when);
    }
  /* Translators: who, then an item whose time was set again to what it was */
  return g_strdup_printf (_("%1$s set the time of “%2$s”"), who, name);
}

static gboolean
is_long (JsonNode *value)
{
  const char *text;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return value != NULL && JSON_NODE_HOLDS_ARRAY (value) && json_array_get_length (json_node_get_array (value)) > 3;
  text = json_node_get_string (value);
  return strchr (text, '\n') != NULL || g_utf8_strlen (text, -1) > SHORT_VALUE_CHARS;
}

static gboolean
is_name_field (MtEntityKind  kind,
               const char   *field)
{
  if (kind == MT_ENTITY_VISIT || kind >= MT_N_ENTITY_KINDS)
    return strcmp (field, "title") == 0;
  if (kind == MT_ENTITY_INTERVIEW)
    return strcmp (field, "interviewee") == 0;
  return strcmp (field, "name") == 0;
}

static char *
changed_text (MtTour        *tour,
              const char    *who,
              MtMergeChange *change)
{
  const char *name = item_name (change->name);
  g_autofree char *field = g_utf8_strdown (mt_sync_words_field (change->entity_kind, change->field), -1);
  g_autofree char *value = NULL;
  gboolean of_tour = change->entity_kind >= MT_N_ENTITY_KINDS;

  /* a version of the plan issued to the delegates, or withdrawn */
  if (of_tour && strcmp (change->field, "versions") == 0)
    {
      gboolean issued = change->new_value != NULL && JSON_NODE_HOLDS_VALUE (change->new_value);
      JsonNode *label = issued ? change->new_value : change->old_value;
      const char *version = label != NULL && JSON_NODE_HOLDS_VALUE (label) ? json_node_get_string (label) : NULL;

      if (issued)
        /* Translators: who, then "Version 3" */
        return g_strdup_printf (_("%1$s issued %2$s to the delegates"), who, item_name (version));
      /* Translators: who, then "Version 3" */
      return g_strdup_printf (_("%1$s withdrew %2$s"), who, item_name (version));
    }

  if (is_name_field (change->entity_kind, change->field) && !is_long (change->new_value))
    {
      const char *old_name = change->old_value != NULL && JSON_NODE_HOLDS_VALUE (change->old_value)
                             ? json_node_get_string (change->old_value) : NULL;
      const char *new_name = change->new_value != NULL && JSON_NODE_HOLDS_VALUE (change->new_value)
                             ? json_node_get_string (change->new_value) : NULL;

      if (of_tour)
        /* Translators: who, then the tour's new title */
        return g_strdup_printf (_("%1$s renamed the tour to “%2$s”"), who, item_name (new_name));
      /* Translators: who, an item's old name, its new name */
      return g_strdup_printf (_("%1$s renamed “%2$s” to “%3$s”"), who, item_name (old_name), item_name (new_name));
    }
  if (is_long (change->new_value) || is_long (change->old_value))
    {
      if (of_tour)
        /* Translators: who, then a field of the tour: "Lin edited the description of the tour" */
        return g_strdup_printf (_("%1$s edited the %2$s of the tour"), who, field);
      /* Translators: who, a field, an item: "Lin edited the notes of “EHang”" */
      return g_strdup_printf (_("%1$s edited the %2$s of “%3$s”"), who, field, name);
    }

  value = mt_sync_words_value (tour, change->entity_kind, change->field, change->new_value);
  if (strcmp (change->field, "status") == 0)
    /* Translators: who, an item, a status: "Wei marked “Banquet” as Confirmed" */
    return g_strdup_printf (_("%1$s marked “%2$s” as %3$s"), who, name, value);
  if (change->entity_kind == MT_ENTITY_VISIT && strcmp (change->field, "site") == 0)
    return g_strdup_printf (_("%1$s moved “%2$s” to %3$s"), who, name, value);
  if (of_tour)
    /* Translators: who, a field of the tour, its new value */
    return g_strdup_printf (_("%1$s changed the %2$s of the tour to %3$s"), who, field, value);
  /* Translators: who, a field, an item, the new value: "Lin changed the capacity of “Science City” to 80" */
  return g_strdup_printf (_("%1$s changed the %2$s of “%3$s” to %4$s"), who, field, name, value);
}

static char *
line_text (MtTour     *tour,
           const Line *line)
{
  MtMergeChange *change = line->change;
  g_autofree char *who = mt_sync_words_who (tour, change->replica);
  const char *name = item_name (change->name);

  switch (change->kind)
    {
    case MT_MERGE_ADDED:
      return added_text (who, change->entity_kind, name);
    case MT_MERGE_DELETED:
      return deleted_text (who, change->entity_kind, name);
    case MT_MERGE_KEPT:
      /* Translators: an item's name */
      return g_strdup_printf (_("“%s” was deleted by one organiser and changed by another: it stays"), name);
    case MT_MERGE_CLAMPED:
      /* Translators: who; their computer's clock is wrong */
      return g_strdup_printf (_("The clock of %s is more than a day ahead: their changes count as made now"), who);
    case MT_MERGE_CHANGED:
    default:
      if (is_span_field (change))
        return span_text (tour, who, line);
      return changed_text (tour, who, change);
    }
}

GPtrArray *
mt_sync_words_describe (MtTour    *tour,
                        GPtrArray *incoming)
{
  g_autoptr(GArray) lines = group_lines (incoming);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      MtMergeChange *change = line->change;
      g_autofree char *text = line_text (tour, line);
      g_autofree char *who = mt_sync_words_who (tour, change->replica);
      const char *id = change->kind != MT_MERGE_DELETED ? change->id : NULL;

      g_ptr_array_add (items, mt_change_item_new (text, who, change->when_ms, change->entity_kind, id));
    }
  return items;
}

char *
mt_sync_words_conflict_title (const MtConflict *conflict)
{
  const char *field;

  g_return_val_if_fail (conflict != NULL, NULL);

  field = mt_sync_words_field (conflict->entity_kind, conflict->field);
  if (conflict->entity_kind >= MT_N_ENTITY_KINDS)
    /* Translators: a conflict about a field of the tour itself: "The tour: Title" */
    return g_strdup_printf (_("The tour: %s"), field);
  /* Translators: a conflict's heading: an item, then the field: "“EHang”: Start" */
  return g_strdup_printf (_("“%1$s”: %2$s"), item_name (conflict->name), field);
}
