/* mt-entity-private.h: the field tables behind every entity kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mt-entity.h"
#include "mt-json-reader.h"
#include "mt-json-writer.h"
#include "mt-wall-time.h"

G_BEGIN_DECLS

typedef enum
{
  MT_FIELD_STRING,   /* char *, NULL when empty */
  MT_FIELD_STRV,     /* char **, NULL when empty */
  MT_FIELD_BOOLEAN,  /* gboolean */
  MT_FIELD_UINT,     /* guint */
  MT_FIELD_DOUBLE,   /* double */
  MT_FIELD_TIME,     /* gint64 wall-clock seconds, MT_TIME_UNSET when unset */
  MT_FIELD_ENUM,     /* int, a value of @enum_type */
} MtFieldType;

typedef enum
{
  MT_FIELD_REQUIRED = 1 << 0,  /* the tour file must have it */
  MT_FIELD_REFERENCE = 1 << 1, /* holds the id(s) of entities of @ref_kind */
  MT_FIELD_MULTILINE = 1 << 2,
} MtFieldFlags;

struct _MtField
{
  const char   *name;      /* the property's and the JSON member's name */
  const char   *nick;      /* translatable label, marked N_() */
  MtFieldType   type;
  MtFieldFlags  flags;
  gsize         offset;    /* into the instance struct */
  GType         enum_type; /* MT_FIELD_ENUM */
  MtEntityKind  ref_kind;  /* MT_FIELD_REFERENCE */
  double        minimum;   /* MT_FIELD_DOUBLE, MT_FIELD_UINT */
  double        maximum;
};


/* The state every entity has, shared by mt-entity.c and mt-entity-json.c */
typedef struct
{
  char       *id;
  gint64      modified;
  guint       revision;
  MtTour     *tour;     /* unowned: the tour owns its entities */
  JsonObject *unknown;  /* members this version does not know, or NULL */
} MtEntityPrivate;

MtEntityPrivate *_mt_entity_get_private (MtEntity *self);

#define MT_FIELD_PTR(entity, field) ((gpointer) (((guint8 *) (entity)) + (field)->offset))

void     _mt_entity_class_install_fields (MtEntityClass  *klass,
                                          MtEntityKind    kind,
                                          const MtField  *fields,
                                          guint           n_fields,
                                          guint           display_field);

/* Setters of the concrete kinds go through these: each compares, records the
 * old value in the tour's history, stores, bumps modified and revision, and
 * notifies, only when the value changes. @index is the field's index. */
void     _mt_entity_set_string  (MtEntity            *self,
                                 guint                index,
                                 const char          *value);
void     _mt_entity_set_strv    (MtEntity            *self,
                                 guint                index,
                                 const char * const  *value);
void     _mt_entity_set_boolean (MtEntity            *self,
                                 guint                index,
                                 gboolean             value);
void     _mt_entity_set_uint    (MtEntity            *self,
                                 guint                index,
                                 guint                value);
void     _mt_entity_set_double  (MtEntity            *self,
                                 guint                index,
                                 double               value);
void     _mt_entity_set_time    (MtEntity            *self,
                                 guint                index,
                                 gint64               value);
void     _mt_entity_set_enum    (MtEntity            *self,
                                 guint                index,
                                 int                  value);

/* Concrete kinds call this from their instance init function. */
void     _mt_entity_init_fields (MtEntity            *self);

/* Sets the stamps as read from a file or made by the generator. */
void     _mt_entity_set_stamps  (MtEntity            *self,
                                 gint64               modified,
                                 guint                revision);

void     _mt_entity_set_tour    (MtEntity            *self,
                                 MtTour              *tour);

/* The tour file */
MtEntity *_mt_entity_read_json     (MtEntityKind      kind,
                                    MtJsonReader     *reader,
                                    const char       *path,
                                    GError          **error);
void      _mt_entity_write_json    (MtEntity         *self,
                                    MtJsonWriter     *writer);
JsonObject *_mt_entity_get_unknown (MtEntity         *self);

G_END_DECLS
