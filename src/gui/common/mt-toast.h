/* mt-toast.h: telling the user what happened: a toast over the window for
 * what an edit did, a dialog for what could not be done; and asking before
 * what cannot be taken back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @title in the toast overlay that holds @widget, or that the window
 * @widget holds (nothing when there is none), with a button labelled @button_label for @action_name when both
 * are given. */
void mt_toast_show      (GtkWidget  *widget,
                         const char *title,
                         const char *button_label,
                         const char *action_name);
/* the same, with Undo (win.undo): for an edit the user may regret */
void mt_toast_show_undo (GtkWidget  *widget,
                         const char *title);

/* A dialog over @parent's window saying what could not be done, with
 * Close; returns it, presented. */
GtkWidget *mt_show_error (GtkWidget  *parent,
                          const char *heading,
                          const char *body);

/* A question over @parent's window (none when @parent is NULL): @cancel_id
 * labelled @cancel_label answers closing it, then the other answers as
 * (id, label, AdwResponseAppearance) up to a NULL. The last suggested one
 * is the default, else @cancel_id. Returns it, to connect and present. */
GtkWidget *mt_ask (GtkWidget  *parent,
                   const char *heading,
                   const char *body,
                   const char *cancel_id,
                   const char *cancel_label,
                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
