/* mt-tour-private.h: what the tour shares with its entities, its history and
 * the tour file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "mt-tour.h"
#include "mt-history.h"
#include "mt-json-writer.h"
#include "mt-stamp.h"
#include "mt-version.h"

G_BEGIN_DECLS

typedef enum
{
  MT_TOUR_PROP_0,
  MT_TOUR_PROP_TITLE,
  MT_TOUR_PROP_ORGANISER,
  MT_TOUR_PROP_ORGANISER_CONTACT,
  MT_TOUR_PROP_TIME_ZONE,
  MT_TOUR_PROP_FIRST_DAY,
  MT_TOUR_PROP_N_DAYS,
  MT_TOUR_PROP_DESCRIPTION,
  MT_TOUR_PROP_FEED_KEY,
  MT_TOUR_N_PROPS
} MtTourProp;

struct _MtTour
{
  GObject      parent_instance;

  char        *title;
  char        *organiser;
  char        *organiser_contact;
  char        *time_zone;
  char        *description;
  char        *feed_key;
  gint64       first_day;
  guint        n_days;

  GTimeZone   *zone;
  GListStore  *stores[MT_N_ENTITY_KINDS];
  GHashTable  *index;     /* id → MtEntity, borrowed from the stores */
  MtHistory   *history;
  JsonObject  *unknown;

  /* Merge stamps (mt-tour-stamps.c) */
  MtClock      clock;
  const char  *replica;    /* interned: the replica id of this copy */
  MtStamp      created;
  MtStamp      stamps[MT_TOUR_N_PROPS]; /* of the tour's own properties */
  GHashTable  *tombstones; /* id → deleted MtEntity, owned */
  GHashTable  *replica_names; /* interned replica id → organiser's name */
  char        *revision;   /* as read from the file, or NULL */

  /* Issued versions (mt-tour-versions.c) */
  GListStore  *versions;      /* issued and not withdrawn, in order */
  GHashTable  *version_index; /* id → MtVersion, withdrawn too, owned */
};

/* An entity or the tour itself changed a property from @old_value. */
void        _mt_tour_property_changed (MtTour        *self,
                                       GObject       *object,
                                       GParamSpec    *pspec,
                                       const GValue  *old_value);
void        _mt_tour_insert           (MtTour        *self,
                                       MtEntity      *entity,
                                       guint          position);
/* Bulk insertion of loaded entities: no history, one items-changed. */
gboolean    _mt_tour_take_loaded      (MtTour        *self,
                                       MtEntityKind   kind,
                                       GPtrArray     *entities,
                                       const char   **duplicate_id);
JsonObject *_mt_tour_get_unknown      (MtTour        *self);
void        _mt_tour_set_unknown      (MtTour        *self,
                                       JsonObject    *unknown);

/* Merge stamps (mt-tour-stamps.c) */
const char *_mt_replica_get_default   (void);
/* a new stamp from the tour's clock, with its replica id */
MtStamp     _mt_tour_tick             (MtTour        *self);
/* Takes @entity out of the lists (one undoable step, or part of the open
 * one) and keeps it among the deleted, its delete stamp as it is. */
void        _mt_tour_unlink           (MtTour        *self,
                                       MtEntity      *entity);
/* puts each kind's list in the order of created stamps, where it is not */
void        _mt_tour_sort_lists       (MtTour        *self);
/* the entity with @id, alive or deleted */
MtEntity   *_mt_tour_lookup_any       (MtTour        *self,
                                       const char    *id);

/* Issued versions (mt-tour-versions.c) */
void        _mt_tour_init_versions    (MtTour        *self);
void        _mt_tour_dispose_versions (MtTour        *self);
/* a version was withdrawn or issued again */
void        _mt_tour_version_withdrawn_changed (MtTour   *self,
                                       MtVersion     *version);
/* Takes the versions read from a file (MtVersions), linking each to its
 * base; FALSE with @error set where one names a base the file lacks */
gboolean    _mt_tour_take_versions    (MtTour        *self,
                                       GPtrArray     *versions,
                                       GError       **error);
void        _mt_tour_write_versions   (MtTour        *self,
                                       MtJsonWriter  *writer);
MtHistory  *_mt_history_new           (MtTour        *tour);
void        _mt_history_set_open_label (MtHistory    *self,
                                       const char    *label);
void        _mt_history_record_property (MtHistory   *self,
                                       GObject       *object,
                                       GParamSpec    *pspec,
                                       const GValue  *old_value);
void        _mt_history_record_add    (MtHistory     *self,
                                       MtEntity      *entity,
                                       guint          position);
void        _mt_history_record_remove (MtHistory     *self,
                                       MtEntity      *entity,
                                       guint          position);

G_END_DECLS
