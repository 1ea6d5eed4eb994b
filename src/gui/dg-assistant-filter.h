/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dg-assistant-store.h"

G_BEGIN_DECLS

/* The "All Assistants" drop-down of the Tasks and Timesheets pages: its
 * model is a GtkStringList of names, and @ids (a GArray of gint64) holds the
 * assistant of each item, 0 for "All Assistants". */

/* The assistant chosen in @dropdown, 0 for all. */
gint64 dg_assistant_filter_get_selected (GtkDropDown      *dropdown,
                                         GArray           *ids);
/* Fills @model and @ids with "All Assistants", then the assistants of
 * @assistants (only the active ones with @active_only), keeping the choice
 * unless that assistant is no longer listed. */
void   dg_assistant_filter_fill         (GtkDropDown      *dropdown,
                                         GtkStringList    *model,
                                         GArray           *ids,
                                         DgAssistantStore *assistants,
                                         gboolean          active_only);

G_END_DECLS
