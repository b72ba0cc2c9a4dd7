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
/* Starts a test program: gui_test_setup_env(), the language that
 * MT_TEST_LANGUAGE names ("zh_CN", with the catalogues in MT_LOCALEDIR;
 * English otherwise: C.UTF-8, or the locale MT_TEST_ENGLISH_LOCALE names
 * where it is installed), g_test_init(), GTK and libadwaita. Returns the
 * temporary folder to remove at the end, or NULL when the language is not
 * installed (the program then has nothing to run). */
char          *gui_test_init             (int          *argc,
                                          char       ***argv);
/* The main() of a GUI test program: gui_test_init(), an application in
 * *@app, a folder for the files the tests write in *@out_dir (where not
 * NULL), the test cases @add_tests registers, the run, and everything
 * removed after. */
int            gui_test_main             (int          *argc,
                                          char       ***argv,
                                          MtApplication **app,
                                          char        **out_dir,
                                          void        (*add_tests) (void));
/* "zh_CN" in a Chinese run, "" otherwise */
const char    *gui_test_language         (void);
void           gui_test_remove_tree      (const char  *path);
/* Before gtk_init(): the C.UTF-8 locale, or in a test's subprocess the
 * zh_CN.UTF-8 one with the catalogue built in <build>/po (MT_LOCALEDIR),
 * for the Chinese screenshots. */
void           gui_test_setup_locale     (void);
/* whether the zh_CN.UTF-8 locale is installed (else the test skips) */
gboolean       gui_test_have_zh_cn       (void);
/* an MtApplication, registered (started), that runs no main loop */
MtApplication *gui_test_app_new          (void);
/* runs what is pending in the main loop (at most 64 dispatches) */
void           gui_test_iterate          (void);
/* iterates the main loop until @done returns TRUE; FALSE after 20 s */
gboolean       gui_test_wait_until       (gboolean   (*done) (gpointer),
                                          gpointer     data);
/* waits until @widget's window has drawn a frame */
void           gui_test_wait_for_frame   (GtkWidget   *widget);
/* a window of @app on the built-in sample, after its first frame */
MtWindow      *gui_test_open_sample      (MtApplication *app);
/* destroys @window without asking about its edits */
void           gui_test_force_close      (MtWindow    *window);
/* saves @window's tour to @file (Save As without the chooser), or where it
 * belongs when @file is NULL (win.save), and waits: whether it was saved */
gboolean       gui_test_save             (MtWindow    *window,
                                          GFile       *file);
/* the first entity of @kind in @tour named (titled) @name, or NULL */
gpointer       gui_test_find_entity      (MtTour      *tour,
                                          MtEntityKind kind,
                                          const char  *name);
/* answers @dialog (an AdwMessageDialog) and destroys it, as a click on
 * one of its buttons does */
void           gui_test_answer           (GtkWidget   *dialog,
                                          const char  *response);
/* the visible toplevel of @type, or NULL */
GtkWidget     *gui_test_find_toplevel    (GType        type,
                                          GtkWindow   *transient_for);
/* renders @widget into a PNG file in the build folder */
char          *gui_test_screenshot       (GtkWidget   *widget,
                                          const char  *name);
/* screenshots of @widget in the light and the dark style, named
 * <name>-light.png and <name>-dark.png, with "-zh_CN" after the name in a
 * Chinese run */
void           gui_test_screenshot_styles (GtkWidget  *widget,
                                           const char *name);
/* the first widget under @root whose tooltip, or label's text, is @text */
GtkWidget     *gui_test_find_by_tooltip  (GtkWidget   *root,
                                          const char  *text);
GtkWidget     *gui_test_find_label       (GtkWidget   *root,
                                          const char  *text);
/* the first button under @root labelled @label (with its mnemonic) */
GtkWidget     *gui_test_find_button      (GtkWidget   *root,
                                          const char  *label);
/* the number of pages of the PDF @path (poppler's pdfinfo), and its text
 * (pdftotext) */
guint          gui_test_pdf_pages        (const char  *path);
char          *gui_test_pdf_text         (const char  *path);
/* the text of @file, or NULL */
char          *gui_test_read_file        (GFile       *file);
/* the first descendant of @root of @type */
GtkWidget     *gui_test_find_descendant  (GtkWidget   *root,
                                          GType        type);

G_END_DECLS
