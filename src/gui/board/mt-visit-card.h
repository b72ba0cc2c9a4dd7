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
/* the number of the checker's problems with the visit: a badge when > 0 */
void        mt_visit_card_set_n_problems (MtVisitCard *self,
                                          guint        n_problems,
                                          const char  *tooltip);
/* changed by another organiser since the user last looked: a dot */
void        mt_visit_card_set_unseen     (MtVisitCard *self,
                                          gboolean     unseen);
gboolean    mt_visit_card_get_unseen     (MtVisitCard *self);
/* the texts shown, for tests */
const char *mt_visit_card_get_time_text  (MtVisitCard *self);
const char *mt_visit_card_get_title_text (MtVisitCard *self);
/* briefly draws attention to the card */
void        mt_visit_card_flash          (MtVisitCard *self);

G_END_DECLS
