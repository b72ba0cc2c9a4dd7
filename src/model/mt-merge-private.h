/* mt-merge-private.h: a field's value as the tour file writes it, shared by
 * the merge and what it reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *_mt_merge_node_from_value   (const GValue  *value,
                                       GParamSpec    *pspec);
JsonNode *_mt_merge_dup_property_node (GObject       *object,
                                       GParamSpec    *pspec);
gboolean  _mt_merge_set_property_node (GObject       *object,
                                       const char    *field,
                                       JsonNode      *node,
                                       GError       **error);

G_END_DECLS
