/* mt-day-column.h: one day of the itinerary board
 *
 * A header (the day, its date, its cities, a button to add a visit) over a
 * GtkListView of the day's visits as cards, in time order: the tour's visits
 * through a GtkFilterListModel (this day) and a GtkSortListModel (by start),
 * so that only the visible cards exist, however large the tour. A column
 * builds no cards at all until mt_day_column_show_cards(): the board asks
 * for the columns it shows, so the days scrolled out of sight cost only
 * their headers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_DAY_COLUMN (mt_day_column_get_type ())
G_DECLARE_FINAL_TYPE (MtDayColumn, mt_day_column, MT, DAY_COLUMN, GtkWidget)

GtkWidget  *mt_day_column_new            (MtTour      *tour,
                                          int          day_index);
int         mt_day_column_get_day_index  (MtDayColumn *self);
/* builds the column's cards (once; showing twice does nothing) */
void        mt_day_column_show_cards     (MtDayColumn *self);
gboolean    mt_day_column_get_cards_shown (MtDayColumn *self);
/* the day's visits as shown, in order */
GListModel *mt_day_column_get_visits     (MtDayColumn *self);
/* a visit's day changed (refilter) or only its time (resort) */
void        mt_day_column_refilter       (MtDayColumn *self);
void        mt_day_column_resort         (MtDayColumn *self);
void        mt_day_column_update_header  (MtDayColumn *self);
const char *mt_day_column_get_title_text (MtDayColumn *self);
const char *mt_day_column_get_date_text  (MtDayColumn *self);
const char *mt_day_column_get_cities_text (MtDayColumn *self);
/* shows the cards, scrolls to the visit, selects and flashes it; FALSE if
 * the visit is not in this day */
gboolean    mt_day_column_reveal_visit   (MtDayColumn *self,
                                          MtVisit     *visit);
/* selects the day's visit at @position (the last where there are fewer)
 * and gives its card the keyboard's focus, as Left and Right from the
 * next column do */
void        mt_day_column_focus_visit_at (MtDayColumn *self,
                                          guint        position);
/* the selected visit, or NULL */
MtVisit    *mt_day_column_get_selected   (MtDayColumn *self);
/* the card showing @visit, if it is on screen */
GtkWidget  *mt_day_column_find_card      (MtDayColumn *self,
                                          MtVisit     *visit);
/* visit id → number of the checker's problems (nullable): card badges */
void        mt_day_column_set_problem_counts (MtDayColumn *self,
                                              GHashTable  *counts);
/* the ids of visits changed by others, not seen yet (nullable): a dot on
 * their cards */
void        mt_day_column_set_unseen     (MtDayColumn *self,
                                          GHashTable  *ids);
/* calls @func for every card on screen */
void        mt_day_column_foreach_card   (MtDayColumn *self,
                                          GFunc        func,
                                          gpointer     user_data);

G_END_DECLS
