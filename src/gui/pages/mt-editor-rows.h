/* mt-editor-rows.h: the rows the editor dialogs are made of
 *
 * The delegate, interview, city and site editors are the same kind of
 * window, and build their forms from the same libadwaita rows: these make
 * the window, and make a row and add it to a preferences group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A modal window over @parent's window, titled @title (@subtitle may be
 * NULL): Cancel, which closes it, and @save_label, the suggested action, in
 * its header bar, over a preferences page that takes the rest of its
 * height. The buttons are named "cancel-button" and "save-button" for the
 * tests. Returns the window, to present once filled; *@save_button and
 * *@page point into it. */
GtkWindow   *mt_editor_window_new (GtkWidget           *parent,
                                   const char          *title,
                                   const char          *subtitle,
                                   int                  width,
                                   int                  height,
                                   const char          *save_label,
                                   GtkWidget          **save_button,
                                   AdwPreferencesPage **page);
/* @name names the row for tests; @text may be NULL */
AdwEntryRow *mt_editor_add_entry (GtkWidget     *group,
                                  const char    *title,
                                  const char    *name,
                                  const char    *text);
/* takes @items */
AdwComboRow *mt_editor_add_combo (GtkWidget     *group,
                                  const char    *title,
                                  const char    *name,
                                  GtkStringList *items,
                                  guint          selected);
/* the row's text without surrounding white space; free it */
char        *mt_editor_entry_text (AdwEntryRow  *row);
/* sets the text property @property of @object to the row's text, or to
 * NULL where the row is empty */
void         mt_editor_apply_text (gpointer       object,
                                   const char    *property,
                                   GtkEditable   *row);

G_END_DECLS
