/* mt-delegate-checklist.h: the tour's delegates with a check box each
 *
 * A search over name and outlet, All and None (of those shown), a list of
 * the delegates by name with a check box each, and how many are chosen.
 * Which are chosen is a set of ids, so a search hides no choice. The
 * export's and the printout's choice of delegates, and a group's members,
 * are made with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mt-model.h"

G_BEGIN_DECLS

#define MT_TYPE_DELEGATE_CHECKLIST (mt_delegate_checklist_get_type ())
G_DECLARE_FINAL_TYPE (MtDelegateChecklist, mt_delegate_checklist, MT, DELEGATE_CHECKLIST, GtkWidget)

GtkWidget *mt_delegate_checklist_new        (void);
void       mt_delegate_checklist_set_tour   (MtDelegateChecklist *self,
                                             MtTour              *tour);
/* the delegates chosen, in the list's order (by name). (transfer full) */
GStrv      mt_delegate_checklist_dup_chosen (MtDelegateChecklist *self);
guint      mt_delegate_checklist_get_n_chosen (MtDelegateChecklist *self);
gboolean   mt_delegate_checklist_is_chosen  (MtDelegateChecklist *self,
                                             const char          *delegate_id);
/* chooses @delegate_id (NULL: none) alone, or besides the others */
void       mt_delegate_checklist_choose     (MtDelegateChecklist *self,
                                             const char          *delegate_id,
                                             gboolean             add);
/* All and None, as their buttons do */
void       mt_delegate_checklist_choose_shown (MtDelegateChecklist *self,
                                               gboolean             chosen);

G_END_DECLS
