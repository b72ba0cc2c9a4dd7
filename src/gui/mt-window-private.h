/* mt-window-private.h: what mt-window.c shares with mt-window-file.c and
 * mt-window-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mt-delegates-page.h"
#include "mt-interviews-page.h"
#include "mt-sites-page.h"
#include "mt-itinerary-view.h"
#include "mt-problems-panel.h"
#include "mt-recovery.h"
#include "mt-changes-panel.h"
#include "mt-sync-indicator.h"
#include "mt-window.h"

G_BEGIN_DECLS

struct _MtWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwToastOverlay      *toast_overlay;
  MtItineraryView      *itinerary;
  MtProblemsPanel      *problems_panel;
  GtkToggleButton      *problems_button;
  GtkLabel             *problems_badge;
  GMenu                *recent_menu;
  MtSyncIndicator      *sync_indicator;
  GtkRevealer          *changes_revealer;
  MtChangesPanel       *changes_panel;

  /* owned */
  MtTour               *tour;
  GFile                *file;
  MtRecovery           *recovery;
  MtSyncController     *sync;
  GCancellable         *cancellable;
  GSettings            *settings;
  GtkRecentManager     *recent;     /* borrowed: the default one */
  guint64               n_changes;  /* changes made to the tour so far */
  guint                 problems_idle;

  guint                 unsaved : 1;
  guint                 saving : 1;
  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
  guint                 share_after_save : 1;
};

void     _mt_window_update_title      (MtWindow   *self);
void     _mt_window_update_actions    (MtWindow   *self);
void     _mt_window_file_init         (MtWindow   *self);
void     _mt_window_file_class_init   (GtkWidgetClass *widget_class);
void     _mt_window_tools_class_init  (GtkWidgetClass *widget_class);
gboolean _mt_window_close_request     (GtkWindow  *window);
void     _mt_window_add_recent        (MtWindow   *self);
void     _mt_window_emit_save_finished (MtWindow  *self,
                                       gboolean   ok);
void     _mt_window_sync_init         (MtWindow   *self);
void     _mt_window_sync_class_init   (GtkWidgetClass *widget_class);
void     _mt_window_versions_class_init (GtkWidgetClass *widget_class);
/* the *.mtour filter of the file choosers */
GtkFileFilter *_mt_window_new_tour_filter (void);

G_END_DECLS
