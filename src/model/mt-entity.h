/* mt-entity.h: what every entity of a tour shares
 *
 * An entity has an immutable id (a UUID string), a "modified" stamp that the
 * merge uses, a revision that grows with every change (the iCalendar
 * SEQUENCE), and the fields of the tour file that this version does not know,
 * kept to be written back.
 *
 * The concrete kinds (MtCity, MtSite, MtGroup, MtDelegate, MtVisit,
 * MtInterview) are final subclasses. Their properties are declared by a table
 * of fields (see mt-entity-private.h), from which MtEntity installs the
 * GParamSpecs, implements get/set_property, records each change in the
 * tour's history and reads and writes the tour file, so every kind behaves
 * the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mt-enums.h"

G_BEGIN_DECLS

#define MT_TYPE_ENTITY (mt_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (MtEntity, mt_entity, MT, ENTITY, GObject)

typedef struct _MtTour MtTour;
typedef struct _MtField MtField;

struct _MtEntityClass
{
  GObjectClass   parent_class;

  /*< private >*/
  MtEntityKind   kind;
  const MtField *fields;
  guint          n_fields;
  GParamSpec   **pspecs;        /* one per field */
  guint          display_field; /* the field that names the entity */
};

const char   *mt_entity_get_id            (MtEntity     *self);
MtEntityKind  mt_entity_get_kind          (MtEntity     *self);
gint64        mt_entity_get_modified      (MtEntity     *self);
guint         mt_entity_get_revision      (MtEntity     *self);
MtTour       *mt_entity_get_tour          (MtEntity     *self);
const char   *mt_entity_get_display_name  (MtEntity     *self);
MtEntity     *mt_entity_copy              (MtEntity     *self,
                                           const char   *new_id);
gboolean      mt_entity_equal             (MtEntity     *a,
                                           MtEntity     *b);

GType         mt_entity_kind_get_gtype    (MtEntityKind  kind);
const char   *mt_entity_kind_get_member   (MtEntityKind  kind);
MtEntity     *mt_entity_new_of_kind       (MtEntityKind  kind,
                                           const char   *id);

char         *mt_uuid_new                 (void);

G_END_DECLS
