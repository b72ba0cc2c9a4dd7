/* mt-scope-chooser.h: whose schedule an export or a printout shows
 *
 * The whole tour, one group, or delegates chosen from a searchable list of
 * check boxes (one, several or all: mt-delegate-checklist.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mt-model.h"

G_BEGIN_DECLS

typedef enum
{
  MT_SCOPE_TOUR,
  MT_SCOPE_GROUP,
  MT_SCOPE_DELEGATES,
} MtScopeKind;

#define MT_TYPE_SCOPE_CHOOSER (mt_scope_chooser_get_type ())
G_DECLARE_FINAL_TYPE (MtScopeChooser, mt_scope_chooser, MT, SCOPE_CHOOSER, AdwPreferencesGroup)

void         mt_scope_chooser_set_tour        (MtScopeChooser *self,
                                               MtTour         *tour);
MtScopeKind  mt_scope_chooser_get_kind        (MtScopeChooser *self);
void         mt_scope_chooser_set_kind        (MtScopeChooser *self,
                                               MtScopeKind     kind);
/* the group chosen, with MT_SCOPE_GROUP; else NULL */
const char  *mt_scope_chooser_get_group_id    (MtScopeChooser *self);
void         mt_scope_chooser_select_group    (MtScopeChooser *self,
                                               const char     *group_id);
/* the delegates chosen, in the tour's order by name, with
 * MT_SCOPE_DELEGATES; else an empty array. (transfer full) */
GStrv        mt_scope_chooser_dup_delegate_ids (MtScopeChooser *self);
/* chooses @delegate_id alone (NULL: none), or adds it */
void         mt_scope_chooser_select_delegate (MtScopeChooser *self,
                                               const char     *delegate_id,
                                               gboolean        add);
/* whether the choice is one an export can make: a group chosen, at least
 * one delegate */
gboolean     mt_scope_chooser_is_complete     (MtScopeChooser *self);
/* the choice in a few words, for a title or a file's name: the tour's
 * title, the group's or the delegate's name, "5 delegates" */
char        *mt_scope_chooser_dup_label       (MtScopeChooser *self);

G_END_DECLS
