/* gui-test-util.h: what the window tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-application.h"

G_BEGIN_DECLS

/* Gives the process its own XDG folders and HOME (before GTK starts). */
char          *gui_test_setup_env        (void);
void           gui_test_remove_tree      (const char  *path);
/* Before gtk_init(): the C.UTF-8 locale, or in a test's subprocess the
 * zh_CN.UTF-8 one with the catalogue built in <build>/po (MT_LOCALEDIR),
 * for the Chinese screenshots. */
void           gui_test_setup_locale     (void);
/* whether the zh_CN.UTF-8 locale is installed (else the test skips) */
gboolean       gui_test_have_zh_cn       (void);
/* an MtApplication, registered (started), that runs no main loop */
MtApplication *gui_test_app_new          (void);
void           gui_test_iterate          (void);
/* iterates the main loop until @done returns TRUE; FALSE after 20 s */
gboolean       gui_test_wait_until       (gboolean   (*done) (gpointer),
                                          gpointer     data);
/* waits until @widget's window has drawn a frame */
void           gui_test_wait_for_frame   (GtkWidget   *widget);
/* the visible toplevel of @type, or NULL */
GtkWidget     *gui_test_find_toplevel    (GType        type,
                                          GtkWindow   *transient_for);
/* renders @widget into a PNG file in the build folder */
char          *gui_test_screenshot       (GtkWidget   *widget,
                                          const char  *name);
/* the first descendant of @root of @type */
GtkWidget     *gui_test_find_descendant  (GtkWidget   *root,
                                          GType        type);

G_END_DECLS
