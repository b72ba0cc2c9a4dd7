/* mt-tour.h: a media tour, the root of the model
 *
 * A tour owns one GListStore per entity kind (exposed as GListModel so views
 * bind to them directly) and an index from id to entity, kept in step with
 * the stores. Every change to the tour or its entities, made through the
 * setters, mt_tour_add() or mt_tour_remove(), is recorded in the tour's
 * MtHistory and announced by the "changed" signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mt-entity.h"
#include "mt-city.h"
#include "mt-site.h"
#include "mt-group.h"
#include "mt-delegate.h"
#include "mt-visit.h"
#include "mt-interview.h"
#include "mt-version.h"

G_BEGIN_DECLS

#define MT_TYPE_TOUR (mt_tour_get_type ())
G_DECLARE_FINAL_TYPE (MtTour, mt_tour, MT, TOUR, GObject)

typedef struct _MtHistory MtHistory;

#define MT_DEFAULT_TIME_ZONE "Asia/Shanghai"
#define MT_DEFAULT_N_DAYS 7

MtTour       *mt_tour_new                (void);

const char   *mt_tour_get_title          (MtTour       *self);
void          mt_tour_set_title          (MtTour       *self,
                                          const char   *title);
const char   *mt_tour_get_organiser      (MtTour       *self);
void          mt_tour_set_organiser      (MtTour       *self,
                                          const char   *organiser);
/* how to reach the organiser: a phone number, an e-mail address */
const char   *mt_tour_get_organiser_contact (MtTour    *self);
void          mt_tour_set_organiser_contact (MtTour    *self,
                                          const char   *contact);
/* an IANA zone name, "Asia/Shanghai" */
const char   *mt_tour_get_time_zone      (MtTour       *self);
gboolean      mt_tour_set_time_zone      (MtTour       *self,
                                          const char   *time_zone,
                                          GError      **error);
GTimeZone    *mt_tour_get_zone           (MtTour       *self);
/* midnight of the first day, as a wall-clock time */
gint64        mt_tour_get_first_day      (MtTour       *self);
void          mt_tour_set_first_day      (MtTour       *self,
                                          gint64        first_day);
guint         mt_tour_get_n_days         (MtTour       *self);
void          mt_tour_set_n_days         (MtTour       *self,
                                          guint         n_days);
const char   *mt_tour_get_description    (MtTour       *self);
void          mt_tour_set_description    (MtTour       *self,
                                          const char   *description);
const char   *mt_tour_get_feed_key       (MtTour       *self);
void          mt_tour_set_feed_key       (MtTour       *self,
                                          const char   *feed_key);

/* day 0 is the first day; a time before it gives a negative index */
int           mt_tour_get_day_index      (MtTour       *self,
                                          gint64        wall_time);
gint64        mt_tour_get_day_start      (MtTour       *self,
                                          int           day_index);

GListModel   *mt_tour_get_entities       (MtTour       *self,
                                          MtEntityKind  kind);
GListModel   *mt_tour_get_cities         (MtTour       *self);
GListModel   *mt_tour_get_sites          (MtTour       *self);
GListModel   *mt_tour_get_groups         (MtTour       *self);
GListModel   *mt_tour_get_delegates      (MtTour       *self);
GListModel   *mt_tour_get_visits         (MtTour       *self);
GListModel   *mt_tour_get_interviews     (MtTour       *self);

MtEntity     *mt_tour_lookup             (MtTour       *self,
                                          const char   *id);
gpointer      mt_tour_lookup_kind        (MtTour       *self,
                                          MtEntityKind  kind,
                                          const char   *id);
guint         mt_tour_count              (MtTour       *self,
                                          MtEntityKind  kind);

gboolean      mt_tour_add                (MtTour       *self,
                                          MtEntity     *entity,
                                          GError      **error);
void          mt_tour_remove             (MtTour       *self,
                                          MtEntity     *entity);
GPtrArray    *mt_tour_dup_interviews_of_visit (MtTour  *self,
                                          const char   *visit_id);
void          mt_tour_move_visit         (MtTour       *self,
                                          MtVisit      *visit,
                                          gint64        new_start);

MtHistory    *mt_tour_get_history        (MtTour       *self);

/* Merge stamps (mt-tour-stamps.c) */
const char   *mt_tour_get_replica        (MtTour       *self);
gboolean      mt_tour_set_replica        (MtTour       *self,
                                          const char   *replica);
void          mt_tour_set_clock_offset   (MtTour       *self,
                                          gint64        offset_ms);
const char   *mt_tour_get_replica_name   (MtTour       *self,
                                          const char   *replica);
void          mt_tour_set_replica_name   (MtTour       *self,
                                          const char   *replica,
                                          const char   *name);
GPtrArray    *mt_tour_dup_replicas       (MtTour       *self);
const char   *mt_tour_ensure_feed_key    (MtTour       *self);
const char   *mt_tour_get_revision       (MtTour       *self);
guint         mt_tour_count_deleted      (MtTour       *self);

/* Issued versions (mt-tour-versions.c) */
GListModel   *mt_tour_get_versions       (MtTour       *self);
MtVersion    *mt_tour_issue_version      (MtTour       *self,
                                          const char   *note);
MtVersion    *mt_tour_lookup_version     (MtTour       *self,
                                          const char   *id);
MtVersion    *mt_tour_get_latest_version (MtTour       *self);
MtVersion    *mt_tour_find_version       (MtTour       *self,
                                          const char   *wanted,
                                          GError      **error);
MtVersion    *mt_tour_get_received_version (MtTour     *self,
                                          const char   *delegate_id);
GHashTable   *mt_tour_dup_received_versions (MtTour    *self);
char         *mt_tour_dup_version_label  (MtTour       *self,
                                          MtVersion    *version);
char         *mt_tour_format_version_issued (MtTour    *self,
                                          MtVersion    *version);
MtSnapshot   *mt_tour_dup_snapshot       (MtTour       *self);

G_END_DECLS
