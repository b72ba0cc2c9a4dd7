/* mt-itinerary-view.h: the Itinerary page
 *
 * The tour's days side by side, either as a board of day columns of visit
 * cards or as a timeline (an hour grid per day). It owns the itinerary's
 * actions: itinerary.add-visit (day index), itinerary.edit-visit,
 * itinerary.duplicate-visit and itinerary.delete-visit (visit id); moves,
 * copies and deletions say so in a toast with an Undo button. It emits
 * "visit-seen" (a visit id) when the user selects or opens a visit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mt-model.h"
#include "mt-tour-view.h"

G_BEGIN_DECLS

#define MT_TYPE_ITINERARY_VIEW (mt_itinerary_view_get_type ())
G_DECLARE_FINAL_TYPE (MtItineraryView, mt_itinerary_view, MT, ITINERARY_VIEW, GtkWidget)

GtkWidget   *mt_itinerary_view_new           (void);
MtTour      *mt_itinerary_view_get_tour      (MtItineraryView *self);
/* "board" or "timeline" */
const char  *mt_itinerary_view_get_mode      (MtItineraryView *self);
void         mt_itinerary_view_set_mode      (MtItineraryView *self,
                                              const char      *mode);
guint        mt_itinerary_view_get_n_columns (MtItineraryView *self);
GtkWidget   *mt_itinerary_view_get_column    (MtItineraryView *self,
                                              guint            day_index);
GtkWidget   *mt_itinerary_view_get_timeline  (MtItineraryView *self);
/* What a drop does: moves @visit (and its interviews) to @new_start, or
 * adds a copy there, as one undoable step, and says so in a toast. */
void         mt_itinerary_view_place_visit   (MtItineraryView *self,
                                              MtVisit         *visit,
                                              gint64           new_start,
                                              gboolean         copy);
/* Deletes @visit and its interviews as one step, with an Undo toast. */
void         mt_itinerary_view_delete_visit  (MtItineraryView *self,
                                              MtVisit         *visit);
/* Shows, selects and highlights @visit. */
void         mt_itinerary_view_reveal_visit  (MtItineraryView *self,
                                              MtVisit         *visit);
/* Opens the visit editor; @visit NULL adds a visit to @day_index. Returns
 * the editor window (owned by GTK). */
GtkWidget   *mt_itinerary_view_open_editor   (MtItineraryView *self,
                                              MtVisit         *visit,
                                              int              day_index);
/* The number of the checker's problems per visit id (borrowed; NULL for
 * none): the cards show a badge. */
void         mt_itinerary_view_set_problem_counts (MtItineraryView *self,
                                                   GHashTable      *counts);

/* The ids of visits changed by other organisers that the user has not
 * seen (borrowed; NULL for none): their cards show a dot until
 * MtItineraryView::visit-seen says the user selected or opened them. */
void         mt_itinerary_view_set_unseen    (MtItineraryView *self,
                                              GHashTable      *ids);

G_END_DECLS
