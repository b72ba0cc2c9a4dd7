/* mt-window.h: the main window, one per tour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-model.h"
#include "mt-sync-controller.h"

G_BEGIN_DECLS

#define MT_TYPE_WINDOW (mt_window_get_type ())
G_DECLARE_FINAL_TYPE (MtWindow, mt_window, MT, WINDOW, AdwApplicationWindow)

/* @file: (nullable): where @tour is saved; NULL for an untitled tour */
MtWindow   *mt_window_new             (GtkApplication *application,
                                       MtTour         *tour,
                                       GFile          *file);
MtTour     *mt_window_get_tour        (MtWindow       *self);
GFile      *mt_window_get_file        (MtWindow       *self);
/* the tour has edits that are not in its file */
gboolean    mt_window_get_dirty       (MtWindow       *self);
/* a restored tour: unsaved although its history is clean */
void        mt_window_set_unsaved     (MtWindow       *self,
                                       gboolean        unsaved);
GtkWidget  *mt_window_get_itinerary   (MtWindow       *self);
/* shows the page of the entity with @id and selects it */
void        mt_window_reveal_item     (MtWindow       *self,
                                       const char     *id);
void        mt_window_show_toast      (MtWindow       *self,
                                       const char     *title);
/* Saves to @file (Save As without the file chooser); emits "save-finished". */
void        mt_window_save_to         (MtWindow       *self,
                                       GFile          *file);
/* the sync of the window's tour with its server */
MtSyncController *mt_window_get_sync  (MtWindow       *self);
/* Opens the Tour Details dialog; with @new_tour, on the defaults of a new
 * tour (see mt-tour-details-dialog.h). Returns the dialog. */
GtkWidget  *mt_window_show_details    (MtWindow       *self,
                                       gboolean        new_tour);
/* Opens Export…, for @delegate_id's schedule where not NULL. Returns the
 * dialog. */
GtkWidget  *mt_window_show_export     (MtWindow       *self,
                                       const char     *delegate_id);
/* Opens Print…, for @delegate_id's itinerary where not NULL. Returns the
 * dialog. */
GtkWidget  *mt_window_show_print      (MtWindow       *self,
                                       const char     *delegate_id);
/* Reads @file (a calendar or a roster) and shows what importing it would
 * change, as Import… does after its file chooser. */
void        mt_window_import_file     (MtWindow       *self,
                                       GFile          *file);
/* shows what loading the tour warned about (dangling references) */
void        mt_window_show_load_warnings (MtWindow    *self,
                                          GPtrArray   *warnings);

G_END_DECLS
