/* mt-application.h: Media Tour Planner, the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-window.h"

G_BEGIN_DECLS

#define MT_TYPE_APPLICATION (mt_application_get_type ())
G_DECLARE_FINAL_TYPE (MtApplication, mt_application, MT, APPLICATION, AdwApplication)

/* Binds the app's text domain to its catalogues: under LOCALEDIR once
 * installed, or where MT_LOCALEDIR says (build-aux/run-app.sh and the
 * tests run the app from its build folder so). */
void           mt_application_bind_text_domain (void);
MtApplication *mt_application_new              (void);
/* a new window on @tour, presented */
MtWindow      *mt_application_add_window       (MtApplication *self,
                                                MtTour        *tour,
                                                GFile         *file);
/* loads @file without blocking and opens it in a new window, or presents
 * the window that has it open already */
void           mt_application_open_file        (MtApplication *self,
                                                GFile         *file);
/* Opens the tour of a recovery file (a path from mt_recovery_list()) with
 * its original file and marked unsaved. */
MtWindow      *mt_application_restore          (MtApplication *self,
                                                const char    *recovery_path,
                                                const char    *original_path,
                                                GError       **error);

G_END_DECLS
