/* mt-visit-card.h: one visit on the itinerary board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_VISIT_CARD (mt_visit_card_get_type ())
G_DECLARE_FINAL_TYPE (MtVisitCard, mt_visit_card, MT, VISIT_CARD, GtkWidget)

GtkWidget  *mt_visit_card_new          (void);
MtVisit    *mt_visit_card_get_visit    (MtVisitCard *self);
void        mt_visit_card_set_visit    (MtVisitCard *self,
                                        MtVisit     *visit);
/* the checker's problems with the visit: how many, the worst one's level
 * (the icon's colour and tooltip) */
void        mt_visit_card_set_problems   (MtVisitCard *self,
                                          guint        n_problems,
                                          int          worst_level);
/* the level the problem icon shows (MtProblemLevel), or -1 when hidden;
 * for tests */
int         mt_visit_card_get_problem_level (MtVisitCard *self);
/* changed by another organiser since the user last looked: a dot */
void        mt_visit_card_set_unseen     (MtVisitCard *self,
                                          gboolean     unseen);
gboolean    mt_visit_card_get_unseen     (MtVisitCard *self);
/* the texts shown, for tests */
const char *mt_visit_card_get_time_text  (MtVisitCard *self);
const char *mt_visit_card_get_title_text (MtVisitCard *self);
/* briefly draws attention to the card */
void        mt_visit_card_flash          (MtVisitCard *self);
/* the card's menu, as a right click, Shift+F10 or the Menu key opens it */
void        mt_visit_card_popup_menu     (MtVisitCard *self);
/* the menu open over the card, or NULL */
GtkWidget  *mt_visit_card_get_menu       (MtVisitCard *self);

G_END_DECLS
