/* mt-checker-problem.c: one problem the checker found, and its fix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-checker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-checker-private.h"
#include "mt-checker-enum-types.h"
#include "mt-history.h"
#include "mt-wall-time.h"

typedef enum
{
  FIX_NONE,
  FIX_MOVE_VISIT,
  FIX_VISIT_END,
  FIX_INTERVIEW_TIME,
  FIX_REQUEST,
  FIX_CLEAR_REFERENCE,
} FixType;

struct _MtProblem
{
  GObject        parent_instance;

  char          *message;     /* written from text when first asked for */
  MtText        *text;
  char         **ids;
  gint64         time;
  int            day;
  MtProblemKind  kind;
  MtSeverity     severity;

  /* a draft (see _mt_problem_fill()) borrows the strings of ids, fix_id
   * and fix_ref; ids points into borrowed_ids */
  gboolean       borrowed;
  GPtrArray     *borrowed_ids;

  /* the fix */
  FixType        fix;
  char          *fix_label;   /* written from fix_text when first asked for */
  MtText        *fix_text;
  char          *fix_id;      /* the entity it edits */
  char         **fix_ids;     /* FIX_REQUEST */
  const char    *fix_field;   /* FIX_CLEAR_REFERENCE: a static string */
  char          *fix_ref;     /* FIX_CLEAR_REFERENCE: the missing id */
  gint64         fix_start;
  gint64         fix_end;
};

G_DEFINE_FINAL_TYPE (MtProblem, mt_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SEVERITY,
  PROP_MESSAGE,
  PROP_DAY,
  PROP_TIME,
  PROP_IDS,
  PROP_FIX_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_mt_problem_reset (MtProblem *self)
{
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->text, _mt_text_free);
  g_clear_pointer (&self->fix_label, g_free);
  g_clear_pointer (&self->fix_text, _mt_text_free);
  g_clear_pointer (&self->fix_ids, g_strfreev);
  if (self->borrowed)
    {
      self->ids = NULL;
      self->fix_id = self->fix_ref = NULL;
      g_ptr_array_set_size (self->borrowed_ids, 0);
    }
  else
    {
      g_clear_pointer (&self->ids, g_strfreev);
      g_clear_pointer (&self->fix_id, g_free);
      g_clear_pointer (&self->fix_ref, g_free);
    }
  self->fix = FIX_NONE;
  self->fix_field = NULL;
  self->fix_start = self->fix_end = 0;
  self->day = MT_PROBLEM_NO_DAY;
  self->time = MT_TIME_UNSET;
}

void
_mt_problem_own (MtProblem *self)
{
  if (!self->borrowed)
    return;
  self->ids = g_strdupv (self->ids);
  self->fix_id = g_strdup (self->fix_id);
  self->fix_ref = g_strdup (self->fix_ref);
  if (self->text != NULL)
    _mt_text_own (self->text);
  if (self->fix_text != NULL)
    _mt_text_own (self->fix_text);
  g_clear_pointer (&self->borrowed_ids, g_ptr_array_unref);
  self->borrowed = FALSE;
}

static void
mt_problem_finalize (GObject *object)
{
  MtProblem *self = MT_PROBLEM (object);

  _mt_problem_reset (self);
  g_clear_pointer (&self->borrowed_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (mt_problem_parent_class)->finalize (object);
}

static void
mt_problem_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MtProblem *self = MT_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, mt_problem_get_message (self));
      break;
    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;
    case PROP_IDS:
      g_value_set_boxed (value, self->ids);
      break;
    case PROP_FIX_LABEL:
      g_value_set_string (value, mt_problem_get_fix_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mt_problem_class_init (MtProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mt_problem_finalize;
  object_class->get_property = mt_problem_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, MT_TYPE_PROBLEM_KIND, MT_PROBLEM_VISIT_OVERLAP, flags);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, MT_TYPE_SEVERITY, MT_SEVERITY_ERROR, flags);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL, G_MININT, G_MAXINT, MT_PROBLEM_NO_DAY, flags);
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, G_MININT64, G_MAXINT64, MT_TIME_UNSET, flags);
  properties[PROP_IDS] =
    g_param_spec_boxed ("ids", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_FIX_LABEL] =
    g_param_spec_string ("fix-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mt_problem_init (MtProblem *self)
{
  self->day = MT_PROBLEM_NO_DAY;
  self->time = MT_TIME_UNSET;
}

MtProblem *
_mt_problem_new (MtProblemKind       kind,
                 MtSeverity          severity,
                 int                 day,
                 gint64              time,
                 char               *message,
                 const char * const *ids)
{
  MtProblem *self = g_object_new (MT_TYPE_PROBLEM, NULL);

  _mt_problem_fill (self, kind, severity, day, time, message, ids);
  return self;
}

void
_mt_problem_fill (MtProblem          *self,
                  MtProblemKind       kind,
                  MtSeverity          severity,
                  int                 day,
                  gint64              time,
                  char               *message,
                  const char * const *ids)
{
  g_assert (self->ids == NULL && self->fix == FIX_NONE);

  self->kind = kind;
  self->severity = severity;
  self->day = day;
  self->time = time;
  self->message = message;
  /* a pointer array of its own, for the caller's ids are often on its
   * stack, but the strings borrowed */
  if (self->borrowed_ids == NULL)
    self->borrowed_ids = g_ptr_array_new ();
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (self->borrowed_ids, (gpointer) ids[i]);
  g_ptr_array_add (self->borrowed_ids, NULL);
  self->ids = (char **) self->borrowed_ids->pdata;
  self->borrowed = TRUE;
}

void
_mt_problem_set_text (MtProblem *self,
                      MtText    *text)
{
  g_assert (self->text == NULL);
  self->text = text;
}

/* takes @label */
static void
set_fix (MtProblem  *self,
         FixType     fix,
         char       *label,
         const char *entity_id)
{
  g_assert (self->fix == FIX_NONE);
  self->fix = fix;
  self->fix_label = label;
  self->fix_id = self->borrowed ? (char *) entity_id : g_strdup (entity_id);
}

/* takes @label */
static void
set_fix_text (MtProblem  *self,
              FixType     fix,
              MtText     *label,
              const char *entity_id)
{
  set_fix (self, fix, NULL, entity_id);
  self->fix_text = label;
}

void
_mt_problem_set_fix_move_visit (MtProblem  *self,
                                MtText     *label,
                                const char *visit_id,
                                gint64      start)
{
  set_fix_text (self, FIX_MOVE_VISIT, label, visit_id);
  self->fix_start = start;
}

void
_mt_problem_set_fix_visit_end (MtProblem  *self,
                               MtText     *label,
                               const char *visit_id,
                               gint64      end)
{
  set_fix_text (self, FIX_VISIT_END, label, visit_id);
  self->fix_end = end;
}

void
_mt_problem_set_fix_interview_time (MtProblem  *self,
                                    MtText     *label,
                                    const char *interview_id,
                                    gint64      start,
                                    gint64      end)
{
  set_fix_text (self, FIX_INTERVIEW_TIME, label, interview_id);
  self->fix_start = start;
  self->fix_end = end;
}

void
_mt_problem_set_fix_request (MtProblem          *self,
                             char               *label,
                             const char * const *interview_ids)
{
  set_fix (self, FIX_REQUEST, label, NULL);
  self->fix_ids = g_strdupv ((char **) interview_ids);
}

/* @field is a static string: "site", "groups", "group", "delegates", "visit"
 * or "city" */
void
_mt_problem_set_fix_clear_reference (MtProblem  *self,
                                     char       *label,
                                     const char *entity_id,
                                     const char *field,
                                     const char *reference)
{
  set_fix (self, FIX_CLEAR_REFERENCE, label, entity_id);
  self->fix_field = field;
  self->fix_ref = self->borrowed ? (char *) reference : g_strdup (reference);
}

MtProblemKind
mt_problem_get_kind (MtProblem *self)
{
  g_return_val_if_fail (MT_IS_PROBLEM (self), 0);
  return self->kind;
}

MtSeverity
mt_problem_get_severity (MtProblem *self)
{
  g_return_val_if_fail (MT_IS_PROBLEM (self), 0);
  return self->severity;
}

const char *
mt_problem_get_message (MtProblem *self)
{
  g_return_val_if_fail (MT_IS_PROBLEM (self), NULL);
  if (self->message == NULL && self->text != NULL)
    {
      self->message = _mt_text_format (self->text);
      g_clear_pointer (&self->text, _mt_text_free);
    }
  return self->message;
}

int
mt_problem_get_day (MtProblem *self)
{
  g_return_val_if_fail (MT_IS_PROBLEM (self), MT_PROBLEM_NO_DAY);
  return self->day;
}

gint64
mt_problem_get_time (MtProblem *self)
{
  g_return_val_if_fail (MT_IS_PROBLEM (self), MT_TIME_UNSET);
  return self->time;
}

/**
 * mt_problem_get_ids:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   entities the problem concerns
 */
const char * const *
mt_problem_get_ids (MtProblem *self)
{
  g_return_val_if_fail (MT_IS_PROBLEM (self), NULL);
  return (const char * const *) self->ids;
}

gboolean
mt_problem_has_fix (MtProblem *self)
{
  g_return_val_if_fail (MT_IS_PROBLEM (self), FALSE);
  return self->fix != FIX_NONE;
}

/**
 * mt_problem_get_fix_label:
 *
 * Returns: (nullable): what the fix does, as the label of a button and of
 *   the undoable step
 */
const char *
mt_problem_get_fix_label (MtProblem *self)
{
  g_return_val_if_fail (MT_IS_PROBLEM (self), NULL);
  if (self->fix_label == NULL && self->fix_text != NULL)
    {
      self->fix_label = _mt_text_format (self->fix_text);
      g_clear_pointer (&self->fix_text, _mt_text_free);
    }
  return self->fix_label;
}

static char **
strv_without (const char * const *strv,
              const char         *id)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], id) != 0)
      g_strv_builder_add (builder, strv[i]);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static gboolean
clear_reference (MtProblem *self,
                 MtEntity  *entity)
{
  const char *field = self->fix_field;

  if (MT_IS_VISIT (entity) && g_str_equal (field, "site") &&
      g_strcmp0 (mt_visit_get_site (MT_VISIT (entity)), self->fix_ref) == 0)
    mt_visit_set_site (MT_VISIT (entity), NULL);
  else if (MT_IS_VISIT (entity) && g_str_equal (field, "groups") &&
           mt_visit_has_group (MT_VISIT (entity), self->fix_ref))
    {
      g_auto(GStrv) groups = strv_without (mt_visit_get_groups (MT_VISIT (entity)), self->fix_ref);

      mt_visit_set_groups (MT_VISIT (entity), (const char * const *) groups);
    }
  else if (MT_IS_DELEGATE (entity) && g_str_equal (field, "group") &&
           g_strcmp0 (mt_delegate_get_group (MT_DELEGATE (entity)), self->fix_ref) == 0)
    mt_delegate_set_group (MT_DELEGATE (entity), NULL);
  else if (MT_IS_INTERVIEW (entity) && g_str_equal (field, "delegates") &&
           mt_interview_has_delegate (MT_INTERVIEW (entity), self->fix_ref))
    {
      g_auto(GStrv) delegates = strv_without (mt_interview_get_delegates (MT_INTERVIEW (entity)), self->fix_ref);

      mt_interview_set_delegates (MT_INTERVIEW (entity), (const char * const *) delegates);
    }
  else if (MT_IS_INTERVIEW (entity) && g_str_equal (field, "visit") &&
           g_strcmp0 (mt_interview_get_visit (MT_INTERVIEW (entity)), self->fix_ref) == 0)
    mt_interview_set_visit (MT_INTERVIEW (entity), NULL);
  else if (MT_IS_SITE (entity) && g_str_equal (field, "city") &&
           g_strcmp0 (mt_site_get_city (MT_SITE (entity)), self->fix_ref) == 0)
    mt_site_set_city (MT_SITE (entity), NULL);
  else
    return FALSE;
  return TRUE;
}

/**
 * mt_problem_apply_fix:
 * @tour: the tour the problem was found in
 *
 * Makes the edit the fix describes, as one undoable step labelled with the
 * fix's label.
 *
 * Returns: %FALSE, changing nothing, where the problem has no fix or the
 *   items it would edit are gone or changed
 */
gboolean
mt_problem_apply_fix (MtProblem *self,
                      MtTour    *tour)
{
  MtHistory *history;
  MtEntity *entity = NULL;
  gboolean applied = TRUE;

  g_return_val_if_fail (MT_IS_PROBLEM (self), FALSE);
  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);

  if (self->fix == FIX_NONE)
    return FALSE;

  if (self->fix_id != NULL)
    {
      entity = mt_tour_lookup (tour, self->fix_id);
      if (entity == NULL)
        return FALSE;
    }

  switch (self->fix)
    {
    case FIX_MOVE_VISIT:
    case FIX_VISIT_END:
      if (!MT_IS_VISIT (entity))
        return FALSE;
      break;
    case FIX_INTERVIEW_TIME:
      if (!MT_IS_INTERVIEW (entity))
        return FALSE;
      break;
    case FIX_REQUEST:
      for (guint i = 0; self->fix_ids[i] != NULL; i++)
        if (mt_tour_lookup_kind (tour, MT_ENTITY_INTERVIEW, self->fix_ids[i]) == NULL)
          return FALSE;
      break;
    case FIX_CLEAR_REFERENCE:
    case FIX_NONE:
    default:
      break;
    }

  history = mt_tour_get_history (tour);
  mt_history_begin (history, mt_problem_get_fix_label (self));

  switch (self->fix)
    {
    case FIX_MOVE_VISIT:
      mt_tour_move_visit (tour, MT_VISIT (entity), self->fix_start);
      break;
    case FIX_VISIT_END:
      mt_visit_set_end (MT_VISIT (entity), self->fix_end);
      break;
    case FIX_INTERVIEW_TIME:
      mt_interview_set_start (MT_INTERVIEW (entity), self->fix_start);
      mt_interview_set_end (MT_INTERVIEW (entity), self->fix_end);
      break;
    case FIX_REQUEST:
      for (guint i = 0; self->fix_ids[i] != NULL; i++)
        mt_interview_set_status (mt_tour_lookup_kind (tour, MT_ENTITY_INTERVIEW, self->fix_ids[i]),
                                 MT_INTERVIEW_REQUESTED);
      break;
    case FIX_CLEAR_REFERENCE:
      applied = clear_reference (self, entity);
      break;
    case FIX_NONE:
    default:
      g_assert_not_reached ();
    }

  mt_history_end (history);
  return applied;
}

static const char *
enum_nick (GType type,
           int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* enum classes of static types stay alive; the nick is static */
  g_type_class_unref (klass);
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

const char *
mt_problem_kind_to_string (MtProblemKind kind)
{
  return enum_nick (MT_TYPE_PROBLEM_KIND, kind);
}

const char *
mt_severity_to_string (MtSeverity severity)
{
  return enum_nick (MT_TYPE_SEVERITY, severity);
}

static int
compare_str_ptrs (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
_mt_problem_dup_key (MtProblem *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GString *key = g_string_new (NULL);

  for (guint i = 0; self->ids[i] != NULL; i++)
    g_ptr_array_add (sorted, self->ids[i]);
  g_ptr_array_sort (sorted, compare_str_ptrs);

  g_string_append_printf (key, "%s %d", mt_problem_kind_to_string (self->kind), self->day);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_string_append_c (key, ' ');
      g_string_append (key, g_ptr_array_index (sorted, i));
    }
  return g_string_free (key, FALSE);
}

void
_mt_problem_get_place (MtProblem      *self,
                       MtProblemPlace *place)
{
  place->day_rank = _mt_problem_day_rank (self->day);
  place->time_rank = self->time == MT_TIME_UNSET ? G_MAXINT64 : self->time;
  place->severity_kind = (guint) self->severity << 16 | (guint) self->kind;
  place->taken = FALSE;
  place->problem = self;
}

int
_mt_problem_compare_place (MtProblem *a,
                           MtProblem *b)
{
  gint64 da = _mt_problem_day_rank (a->day), db = _mt_problem_day_rank (b->day);
  gint64 ta = a->time == MT_TIME_UNSET ? G_MAXINT64 : a->time;
  gint64 tb = b->time == MT_TIME_UNSET ? G_MAXINT64 : b->time;
  int result;

  if (da != db)
    return da < db ? -1 : 1;
  if (ta != tb)
    return ta < tb ? -1 : 1;
  if (a->severity != b->severity)
    return a->severity < b->severity ? -1 : 1;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  for (guint i = 0; a->ids[i] != NULL || b->ids[i] != NULL; i++)
    if ((result = g_strcmp0 (a->ids[i], b->ids[i])) != 0)
      return result;
  return 0;
}

int
_mt_problem_compare (MtProblem *a,
                     MtProblem *b)
{
  int result = _mt_problem_compare_place (a, b);

  /* the message last: it is written only when first read */
  if (result != 0)
    return result;
  return g_strcmp0 (mt_problem_get_message (a), mt_problem_get_message (b));
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* the same problem, worded the same, with the same fix: one may stand for
 * the other in the list */
gboolean
_mt_problem_equal (MtProblem *a,
                   MtProblem *b)
{
  if (a == b)
    return TRUE;
  if (a->kind != b->kind || a->severity != b->severity || a->day != b->day || a->time != b->time ||
      a->fix != b->fix || a->fix_start != b->fix_start || a->fix_end != b->fix_end ||
      !strv_equal0 (a->ids, b->ids) ||
      g_strcmp0 (a->fix_id, b->fix_id) != 0 || !strv_equal0 (a->fix_ids, b->fix_ids) ||
      g_strcmp0 (a->fix_field, b->fix_field) != 0 || g_strcmp0 (a->fix_ref, b->fix_ref) != 0)
    return FALSE;
  /* compare the makings of unwritten messages and labels rather than
   * write them */
  if (a->fix_label == NULL && b->fix_label == NULL && a->fix_text != NULL && b->fix_text != NULL)
    {
      if (!_mt_text_equal (a->fix_text, b->fix_text))
        return FALSE;
    }
  else if (g_strcmp0 (mt_problem_get_fix_label (a), mt_problem_get_fix_label (b)) != 0)
    return FALSE;
  if (a->message == NULL && b->message == NULL && a->text != NULL && b->text != NULL)
    return _mt_text_equal (a->text, b->text);
  return g_strcmp0 (mt_problem_get_message (a), mt_problem_get_message (b)) == 0;
}
