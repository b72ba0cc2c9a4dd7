/* mt-column-view.h: what the pages' tables share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* scrolls @view so that the row at @position shows */
void mt_column_view_scroll_to              (GtkColumnView *view,
                                            guint          position);
/* After each change of the rows (a new sort order, a search typed or
 * cleared), scrolls back to the first row selected, so that it stays in
 * view. */
void mt_column_view_keep_selection_in_view (GtkColumnView *view);

G_END_DECLS
