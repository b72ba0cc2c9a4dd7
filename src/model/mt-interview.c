/* mt-interview.c: an interview of an executive or official by delegates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-interview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mt-entity-private.h"
#include "mt-enum-types.h"
#include "mt-interview.h"

struct _MtInterview
{
  MtEntity parent_instance;
  char *interviewee;
  char *interviewee_title;
  char *organisation;
  char **delegates;
  gint64 start;
  gint64 end;
  char *visit;
  char *location;
  char *language;
  gboolean interpreter;
  MtInterviewStatus status;
  char *notes;
};

G_DEFINE_FINAL_TYPE (MtInterview, mt_interview, MT_TYPE_ENTITY)

enum {
  FIELD_INTERVIEWEE,
  FIELD_INTERVIEWEE_TITLE,
  FIELD_ORGANISATION,
  FIELD_DELEGATES,
  FIELD_START,
  FIELD_END,
  FIELD_VISIT,
  FIELD_LOCATION,
  FIELD_LANGUAGE,
  FIELD_INTERPRETER,
  FIELD_STATUS,
  FIELD_NOTES,
  N_FIELDS
};

#define OFFSET(member) G_STRUCT_OFFSET (MtInterview, member)

static MtField fields[N_FIELDS] = {
  [FIELD_INTERVIEWEE] = { "interviewee", N_("Interviewee"), MT_FIELD_STRING, 0, OFFSET (interviewee) },
  [FIELD_INTERVIEWEE_TITLE] = { "interviewee-title", N_("Interviewee's title"), MT_FIELD_STRING, 0, OFFSET (interviewee_title) },
  [FIELD_ORGANISATION] = { "organisation", N_("Organisation"), MT_FIELD_STRING, 0, OFFSET (organisation) },
  [FIELD_DELEGATES] = { "delegates", N_("Delegates"), MT_FIELD_STRV, MT_FIELD_REFERENCE, OFFSET (delegates), 0, MT_ENTITY_DELEGATE },
  [FIELD_START] = { "start", N_("Start"), MT_FIELD_TIME, MT_FIELD_REQUIRED | MT_FIELD_SPAN, OFFSET (start) },
  [FIELD_END] = { "end", N_("End"), MT_FIELD_TIME, MT_FIELD_REQUIRED | MT_FIELD_SPAN, OFFSET (end) },
  [FIELD_VISIT] = { "visit", N_("Visit"), MT_FIELD_STRING, MT_FIELD_REFERENCE, OFFSET (visit), 0, MT_ENTITY_VISIT },
  [FIELD_LOCATION] = { "location", N_("Location"), MT_FIELD_STRING, 0, OFFSET (location) },
  [FIELD_LANGUAGE] = { "language", N_("Language"), MT_FIELD_STRING, 0, OFFSET (language) },
  [FIELD_INTERPRETER] = { "interpreter", N_("Interpreter needed"), MT_FIELD_BOOLEAN, 0, OFFSET (interpreter) },
  [FIELD_STATUS] = { "status", N_("Status"), MT_FIELD_ENUM, 0, OFFSET (status) },
  [FIELD_NOTES] = { "notes", N_("Notes"), MT_FIELD_STRING, MT_FIELD_MULTILINE, OFFSET (notes) },
};

static void
mt_interview_class_init (MtInterviewClass *klass)
{
  fields[FIELD_STATUS].enum_type = MT_TYPE_INTERVIEW_STATUS;
  _mt_entity_class_install_fields (MT_ENTITY_CLASS (klass), MT_ENTITY_INTERVIEW,
                                   fields, N_FIELDS, FIELD_INTERVIEWEE);
}

static void
mt_interview_init (MtInterview *self)
{
  _mt_entity_init_fields (MT_ENTITY (self));
}

/**
 * mt_interview_new:
 * @id: (nullable): the id; %NULL for a new UUID
 *
 * Returns: (transfer full): a new interview
 */
MtInterview *
mt_interview_new (const char *id)
{
  return g_object_new (MT_TYPE_INTERVIEW, "id", id, NULL);
}

/**
 * mt_interview_get_interviewee:
 *
 * Returns: (nullable) (transfer none): the interviewee
 */
const char *
mt_interview_get_interviewee (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), NULL);
  return self->interviewee;
}

void
mt_interview_set_interviewee (MtInterview *self,
                              const char *value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_INTERVIEWEE, value);
}

/**
 * mt_interview_get_interviewee_title:
 *
 * Returns: (nullable) (transfer none): the interviewee's title
 */
const char *
mt_interview_get_interviewee_title (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), NULL);
  return self->interviewee_title;
}

void
mt_interview_set_interviewee_title (MtInterview *self,
                                    const char *value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_INTERVIEWEE_TITLE, value);
}

/**
 * mt_interview_get_organisation:
 *
 * Returns: (nullable) (transfer none): the organisation
 */
const char *
mt_interview_get_organisation (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), NULL);
  return self->organisation;
}

void
mt_interview_set_organisation (MtInterview *self,
                               const char *value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_ORGANISATION, value);
}

/**
 * mt_interview_get_delegates:
 *
 * Returns: (nullable) (transfer none): the delegates
 */
const char * const *
mt_interview_get_delegates (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), NULL);
  return (const char * const *) self->delegates;
}

void
mt_interview_set_delegates (MtInterview *self,
                            const char * const *value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_strv (MT_ENTITY (self), FIELD_DELEGATES, value);
}

gint64
mt_interview_get_start (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), MT_TIME_UNSET);
  return self->start;
}

void
mt_interview_set_start (MtInterview *self,
                        gint64 value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_time (MT_ENTITY (self), FIELD_START, value);
}

gint64
mt_interview_get_end (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), MT_TIME_UNSET);
  return self->end;
}

void
mt_interview_set_end (MtInterview *self,
                      gint64 value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_time (MT_ENTITY (self), FIELD_END, value);
}

/**
 * mt_interview_get_visit:
 *
 * Returns: (nullable) (transfer none): the visit
 */
const char *
mt_interview_get_visit (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), NULL);
  return self->visit;
}

void
mt_interview_set_visit (MtInterview *self,
                        const char *value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_VISIT, value);
}

/**
 * mt_interview_get_location:
 *
 * Returns: (nullable) (transfer none): the location
 */
const char *
mt_interview_get_location (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), NULL);
  return self->location;
}

void
mt_interview_set_location (MtInterview *self,
                           const char *value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_LOCATION, value);
}

/**
 * mt_interview_get_language:
 *
 * Returns: (nullable) (transfer none): the language
 */
const char *
mt_interview_get_language (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), NULL);
  return self->language;
}

void
mt_interview_set_language (MtInterview *self,
                           const char *value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_LANGUAGE, value);
}

gboolean
mt_interview_get_interpreter (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), FALSE);
  return self->interpreter;
}

void
mt_interview_set_interpreter (MtInterview *self,
                              gboolean value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_boolean (MT_ENTITY (self), FIELD_INTERPRETER, value);
}

MtInterviewStatus
mt_interview_get_status (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), 0);
  return self->status;
}

void
mt_interview_set_status (MtInterview *self,
                         MtInterviewStatus value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_enum (MT_ENTITY (self), FIELD_STATUS, value);
}

/**
 * mt_interview_get_notes:
 *
 * Returns: (nullable) (transfer none): the notes
 */
const char *
mt_interview_get_notes (MtInterview *self)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), NULL);
  return self->notes;
}

void
mt_interview_set_notes (MtInterview *self,
                        const char *value)
{
  g_return_if_fail (MT_IS_INTERVIEW (self));
  _mt_entity_set_string (MT_ENTITY (self), FIELD_NOTES, value);
}

gboolean
mt_interview_has_delegate (MtInterview *self,
                           const char  *delegate_id)
{
  g_return_val_if_fail (MT_IS_INTERVIEW (self), FALSE);

  return self->delegates != NULL && delegate_id != NULL &&
         g_strv_contains ((const char * const *) self->delegates, delegate_id);
}
