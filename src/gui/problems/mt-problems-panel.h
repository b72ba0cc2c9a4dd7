/* mt-problems-panel.h: the checker's problems, by day, with one-click fixes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-model.h"
#include "mt-checker.h"
#include "mt-tour-view.h"

G_BEGIN_DECLS

#define MT_TYPE_PROBLEMS_PANEL (mt_problems_panel_get_type ())
G_DECLARE_FINAL_TYPE (MtProblemsPanel, mt_problems_panel, MT, PROBLEMS_PANEL, AdwBin)

GtkWidget *mt_problems_panel_new          (void);
MtTour    *mt_problems_panel_get_tour     (MtProblemsPanel *self);
/* (nullable): the panel's checker, NULL without a tour */
MtChecker *mt_problems_panel_get_checker  (MtProblemsPanel *self);
guint      mt_problems_panel_get_n_problems (MtProblemsPanel *self);
guint      mt_problems_panel_get_n_errors (MtProblemsPanel *self);
/* re-checks now what changed, instead of after the short delay */
void       mt_problems_panel_recheck_now  (MtProblemsPanel *self);

G_END_DECLS
