/* mt-editor-rows.h: the rows the editor dialogs are made of
 *
 * The delegate and interview editors build their forms from the same
 * libadwaita rows; these make one and add it to a preferences group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

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

G_END_DECLS
