/* mt-entity-private.h: the field tables behind every entity kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mt-entity.h"
#include "mt-json-reader.h"
#include "mt-json-writer.h"
#include "mt-stamp.h"
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
  MT_FIELD_SPAN = 1 << 3,      /* start or end: a change of one stamps both */
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


/* An element of a list of ids (a visit's groups, an interview's
 * delegates): the list merges element by element, so each has the stamp of
 * its last addition or removal. */
typedef struct
{
  char     *id;
  MtStamp   stamp;
  gboolean  present;
} MtElement;

/* The state every entity has, shared by mt-entity.c, mt-entity-json.c,
 * mt-entity-stamps.c and the merge */
typedef struct
{
  char       *id;
  guint       revision;
  MtTour     *tour;     /* unowned: the tour owns its entities */
  JsonObject *unknown;  /* members this version does not know, or NULL */

  /* Merge stamps (mt-entity-stamps.c) */
  MtStamp     created;  /* when it was first added: orders the tour's lists */
  MtStamp    *stamps;   /* one per field; a list's is its newest element's */
  GArray    **elements; /* per list-of-ids field, its MtElements by stamp; or NULL */
  MtStamp     deleted_stamp; /* the last delete or undelete */
  GArray     *deleted_seen;  /* a delete: what it saw, the newest clock of each
                              * replica in the entity's stamps (MtStamps by
                              * replica); NULL: not deleted */
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

void     _mt_entity_set_revision (MtEntity           *self,
                                  guint               revision);

void     _mt_entity_set_tour    (MtEntity            *self,
                                 MtTour              *tour);

/* The tour file */
/* @newest_modified: where not NULL, raised to a format-1 "modified" */
MtEntity *_mt_entity_read_json     (MtEntityKind      kind,
                                    MtJsonReader     *reader,
                                    const char       *path,
                                    gint64           *newest_modified,
                                    GError          **error);
void      _mt_entity_write_json    (MtEntity         *self,
                                    MtJsonWriter     *writer);
JsonObject *_mt_entity_get_unknown (MtEntity         *self);

/* Merge stamps (mt-entity-stamps.c) */
typedef MtStamp (*MtTickFunc) (gpointer data);

static inline gboolean
_mt_field_is_id_list (const MtField *field)
{
  return field->type == MT_FIELD_STRV && (field->flags & MT_FIELD_REFERENCE);
}

void      _mt_entity_free_stamps       (MtEntity            *self);
/* Stamps a new entity: created and every field get one tick, and each
 * element of a list of ids a tick of its own, in the list's order. */
void      _mt_entity_stamp_new         (MtEntity            *self,
                                        MtTickFunc           tick,
                                        gpointer             data);
/* Completes the stamps of an entity read from a file: created becomes
 * @stamp where it is unset, and every field and element without a stamp
 * of its own gets created's. */
void      _mt_entity_stamp_unset       (MtEntity            *self,
                                        const MtStamp       *stamp);
/* A field changed: @stamp becomes its stamp (and its span's) */
void      _mt_entity_stamp_field       (MtEntity            *self,
                                        guint                index,
                                        const MtStamp       *stamp);
/* A list of ids changed to what the field holds now: each added or removed
 * element gets a tick, and the field is put in the order of its elements'
 * stamps. */
void      _mt_entity_stamp_list        (MtEntity            *self,
                                        guint                index,
                                        MtTickFunc           tick,
                                        gpointer             data);
/* the elements of a list of ids, present and removed, by stamp, or NULL */
GArray   *_mt_entity_get_elements      (MtEntity            *self,
                                        guint                index);
/* sets an element's stamp and presence, and the field's list from them */
void      _mt_entity_put_element       (MtEntity            *self,
                                        guint                index,
                                        const char          *id,
                                        const MtStamp       *stamp,
                                        gboolean             present);
/* rebuilds a list of ids field's value from its elements; TRUE if changed */
gboolean  _mt_entity_sync_list_value   (MtEntity            *self,
                                        guint                index);
/* the order of a kind's list: by created stamp, then id */
int       _mt_entity_compare_created   (MtEntity            *a,
                                        MtEntity            *b);
/* the newest clock of all fields and elements */
guint64   _mt_entity_get_newest_hlc    (MtEntity            *self);
/* Deleted, and not brought back by an edit its delete did not see: a
 * stamp of a replica whose clock is newer than the newest the delete saw
 * of that replica */
gboolean  _mt_entity_is_dead           (MtEntity            *self);
/* deleted now, by @stamp, having seen what the entity has */
void      _mt_entity_mark_deleted      (MtEntity            *self,
                                        const MtStamp       *stamp);
/* the delete register: @seen (transfer full) NULL for an undelete */
void      _mt_entity_set_deleted       (MtEntity            *self,
                                        const MtStamp       *stamp,
                                        GArray              *seen);
/* a copy of what a delete saw, or NULL */
GArray   *_mt_seen_copy                (GArray              *seen);
/* orders what two deletes saw, alike on every copy */
int       _mt_seen_compare             (GArray              *a,
                                        GArray              *b);
/* the clock the delete saw of @replica, 0 where none */
guint64   _mt_seen_lookup              (GArray              *seen,
                                        const char          *replica);
/* adds or raises @replica's clock in @seen, keeping it sorted */
void      _mt_seen_put                 (GArray              *seen,
                                        const MtStamp       *stamp);
GArray   *_mt_seen_new                 (void);
/* the greatest stamp in @self, for the tour's clock */
void      _mt_entity_observe_stamps    (MtEntity            *self,
                                        MtClock             *clock);
/* How the merge sets back stamps from a clock far ahead: every stamp after
 * @limit becomes @to, but those of @own_replica first move back by
 * @own_shift (how far this copy's own clock was ahead, where known). */
typedef struct
{
  guint64     limit;
  guint64     to;
  const char *own_replica;
  guint64     own_shift;
} MtClampRule;

/* TRUE where @stamp was after the limit and is set back */
gboolean  _mt_stamp_clamp              (MtStamp             *stamp,
                                        const MtClampRule   *rule);
/* returns the newest stamp set back, as it was, or an unset stamp */
MtStamp   _mt_entity_clamp_stamps      (MtEntity            *self,
                                        const MtClampRule   *rule);
GArray   *_mt_entity_dup_elements      (MtEntity            *src,
                                        guint                index);
void      _mt_entity_take_elements     (MtEntity            *self,
                                        guint                index,
                                        GArray              *elements);
MtElement *_mt_elements_find           (GArray              *elements,
                                        const char          *id);
/* sorts @elements by stamp; returns the ids present, in that order */
char    **_mt_elements_dup_value       (GArray              *elements);
/* Orders the values of field @index of two entities of one kind, alike on
 * every copy: what breaks a tie between equal stamps. */
int       _mt_entity_compare_values    (MtEntity            *a,
                                        MtEntity            *b,
                                        guint                index);

G_END_DECLS
