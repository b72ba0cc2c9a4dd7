/* mt-version.h: an issued version of the plan, what each delegate was sent
 *
 * When the organisers send the plan out ("Version 3, sent 15 May 18:00")
 * the tour keeps what it said: a table of the visits and interviews as
 * they were (title, kind, site, start, end, status, meeting point, who
 * attends), the name and address of each site they name, and the group of
 * each delegate it went to. From these, each delegate's schedule in that
 * version can be told (mt-version-snapshot.c), and so what changed for
 * them since.
 *
 * A version never changes once issued. It has a unique id, so two copies
 * of the tour merge their versions as a set; only whether it is withdrawn
 * (an issue undone) changes, and merges like any field, by its stamp. To
 * stay small in the file, a version stores only what differs from the
 * version it was issued after (its base), and the tour resolves the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mt-enums.h"
#include "mt-stamp.h"

G_BEGIN_DECLS

#define MT_TYPE_VERSION (mt_version_get_type ())
G_DECLARE_FINAL_TYPE (MtVersion, mt_version, MT, VERSION, GObject)

/* A visit or an interview as a version has it; times are wall-clock in
 * the tour's zone. */
typedef struct
{
  char         *id;
  gboolean      interview;
  char         *title;      /* a visit's title; an interview's interviewee */
  int           kind;       /* visits: an MtVisitKind */
  int           status;     /* an MtVisitStatus or MtInterviewStatus */
  gint64        start;
  gint64        end;        /* MT_TIME_UNSET where none */
  char         *site;       /* visits: the site's id, or NULL */
  char         *visit;      /* interviews: the visit it belongs to, or NULL */
  char         *where;      /* a visit's meeting point; an interview's location */
  char        **audience;   /* a visit's groups (NULL: everyone); an
                             * interview's delegates */
} MtVersionItem;

/* A site as a version names it */
typedef struct
{
  char *name;
  char *local_name;
  char *address;
} MtVersionPlace;

void                 mt_version_item_free       (MtVersionItem        *item);
gboolean             mt_version_item_equal      (const MtVersionItem  *a,
                                                 const MtVersionItem  *b);
void                 mt_version_place_free      (MtVersionPlace       *place);
gboolean             mt_version_place_equal     (const MtVersionPlace *a,
                                                 const MtVersionPlace *b);

const char          *mt_version_get_id          (MtVersion   *self);
/* 1 for the first; see mt_tour_dup_version_label() for two of one number */
guint                mt_version_get_number      (MtVersion   *self);
/* when it was issued: microseconds since 1970, UTC */
gint64               mt_version_get_issued      (MtVersion   *self);
/* the stamp of the issue: its replica id names the copy that issued it */
const MtStamp       *mt_version_get_stamp       (MtVersion   *self);
const char          *mt_version_get_note        (MtVersion   *self);
/* (nullable): the version it was issued after, which it stores its
 * differences from */
MtVersion           *mt_version_get_base        (MtVersion   *self);
gboolean             mt_version_get_withdrawn   (MtVersion   *self);
/* Withdraws the version or issues it again: one undoable step of its
 * tour's history, stamped so that it reaches the other copies. */
void                 mt_version_set_withdrawn   (MtVersion   *self,
                                                 gboolean     withdrawn);
gboolean             mt_version_has_recipient   (MtVersion   *self,
                                                 const char  *delegate_id);
/* The order of versions, the same on every copy: by number, then by the
 * stamp of their issue, then by id. */
int                  mt_version_compare         (MtVersion   *a,
                                                 MtVersion   *b);

/* What a version holds, resolved over its bases: each delegate's
 * schedule as it was sent. */
typedef struct _MtSnapshot MtSnapshot;

MtSnapshot          *mt_version_dup_snapshot    (MtVersion   *self);
void                 mt_snapshot_free           (MtSnapshot  *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtSnapshot, mt_snapshot_free)

/* (nullable) (transfer none): the item with @id */
const MtVersionItem *mt_snapshot_lookup_item    (MtSnapshot  *snapshot,
                                                 const char  *id);
/* (nullable) (transfer none): the site with @id, as the version named it */
const MtVersionPlace *mt_snapshot_lookup_place  (MtSnapshot  *snapshot,
                                                 const char  *site_id);
/* whether the version went to the delegate, and then, in *@group_id, the
 * group they were in (NULL for none) */
gboolean             mt_snapshot_lookup_recipient (MtSnapshot *snapshot,
                                                 const char  *delegate_id,
                                                 const char **group_id);
/* (transfer container) (element-type MtVersionItem): every item, in no
 * particular order */
GPtrArray           *mt_snapshot_dup_items      (MtSnapshot  *snapshot);
guint                mt_snapshot_get_n_recipients (MtSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MtVersionItem, mt_version_item_free)

G_END_DECLS
