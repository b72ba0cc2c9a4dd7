/* mt-merge.h: merging two copies of a tour
 *
 * mt_tour_merge() takes into one copy what the other has that it has not
 * seen, field by field: of two values of a field, the one with the greater
 * stamp (see mt-stamp.h). Lists of ids merge element by element, deletes
 * are stamps too, and an edit a delete did not see keeps the entity. So
 * the merge is commutative, associative and idempotent: copies that have
 * seen the same changes write the same bytes, in whatever order they
 * merged, however often.
 *
 * The last version both copies agreed on, where there is one, only
 * explains: where both changed a field since then, the value that lost is
 * kept as a conflict, to be shown and restored. It never decides.
 *
 * A stamp more than a day ahead of the reference clock (the server's, at
 * a sync) is not trusted to win: it is set back to the reference time and
 * reported, so that a copy with a wrong clock cannot freeze everyone's
 * edits to what it last touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mt-tour.h"

G_BEGIN_DECLS

/* how far ahead of the reference clock a stamp may be and still win */
#define MT_MERGE_CLOCK_LIMIT_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

typedef enum
{
  MT_MERGE_ADDED,    /* an item the other copy added */
  MT_MERGE_DELETED,  /* an item the other copy deleted */
  MT_MERGE_CHANGED,  /* a field the other copy changed */
  MT_MERGE_KEPT,     /* deleted on one side, edited on the other: kept */
  MT_MERGE_CLAMPED,  /* a stamp from a clock far ahead, set back */
} MtMergeChangeKind;

typedef struct
{
  MtMergeChangeKind  kind;
  MtEntityKind       entity_kind;  /* MT_N_ENTITY_KINDS for the tour itself */
  char              *id;           /* the item's id; NULL for the tour */
  char              *field;        /* the property; NULL for a whole item */
  char              *name;         /* the item's name or title when merged */
  const char        *replica;      /* who changed it (interned) */
  gint64             when_ms;      /* by that copy's clock */
  JsonNode          *old_value;    /* CHANGED: before and after, as in */
  JsonNode          *new_value;    /*   the tour file */
} MtMergeChange;

/* Both copies changed one field since they last agreed: the value kept
 * everywhere and the one that lost, with who changed each and when. */
typedef struct
{
  MtEntityKind  entity_kind;  /* MT_N_ENTITY_KINDS for the tour itself */
  char         *id;           /* NULL for the tour */
  char         *field;
  char         *name;
  JsonNode     *kept_value;
  const char   *kept_replica;
  gint64        kept_ms;
  JsonNode     *lost_value;
  const char   *lost_replica;
  gint64        lost_ms;
} MtConflict;

typedef struct
{
  GPtrArray *incoming;   /* of MtMergeChange: what came into the tour */
  GPtrArray *conflicts;  /* of MtConflict */
  guint      n_outgoing; /* fields and items the other copy had not seen */
} MtMergeReport;

void           mt_merge_change_free  (MtMergeChange *change);
MtConflict    *mt_conflict_new       (void);
MtConflict    *mt_conflict_copy      (const MtConflict *conflict);
void           mt_conflict_free      (MtConflict    *conflict);
void           mt_merge_report_free  (MtMergeReport *report);
void           mt_conflicts_add      (GPtrArray     *conflicts,
                                      GPtrArray     *more);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtMergeChange, mt_merge_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtConflict, mt_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtMergeReport, mt_merge_report_free)

/* Takes into @tour what @other has that @tour has not seen, as one step of
 * @tour's history named @label, or where @label is NULL after who the
 * changes are from ("Changes from Lin"). @base, where not NULL, is the last version
 * both agreed on; @reference_ms is the clock against which stamps far
 * ahead are set back (the server's Date at a sync, or the local clock).
 * @other is changed too: its stamps far ahead are set back. */
MtMergeReport *mt_tour_merge         (MtTour        *tour,
                                      MtTour        *other,
                                      MtTour        *base,
                                      gint64         reference_ms,
                                      const char    *label);

/* Sets the field of @conflict back to the value that lost, as a new change
 * (so it wins everywhere at the next sync): one undoable step. */
gboolean       mt_conflict_restore   (const MtConflict *conflict,
                                      MtTour           *tour,
                                      GError          **error);

/* the value of a field as the tour file writes it, and back */
JsonNode      *mt_entity_dup_field_node (MtEntity    *entity,
                                         const char  *field);
gboolean       mt_entity_set_field_node (MtEntity    *entity,
                                         const char  *field,
                                         JsonNode    *value,
                                         GError     **error);

G_END_DECLS
