/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dg-task-occurrence.h"

G_BEGIN_DECLS

#define DG_TYPE_OCCURRENCE_ITEM (dg_occurrence_item_get_type ())
G_DECLARE_FINAL_TYPE (DgOccurrenceItem, dg_occurrence_item, DG, OCCURRENCE_ITEM, GObject)

/* One line of a flat list of occurrences under headings, as the Tasks page
 * and the agenda show them in a GtkListView: either a heading (a title,
 * an optional detail beside it and a style class such as "error") or an
 * occurrence, which knows whether it opens or closes the run of
 * occurrences under its heading (the corners of a card). */
DgOccurrenceItem *dg_occurrence_item_new_heading     (const char        *title,
                                                      const char        *detail,
                                                      const char        *style_class);
DgOccurrenceItem *dg_occurrence_item_new             (DgTaskOccurrence  *occurrence,
                                                      gboolean           first,
                                                      gboolean           last);
gboolean          dg_occurrence_item_is_heading      (DgOccurrenceItem  *self);
const char       *dg_occurrence_item_get_title       (DgOccurrenceItem  *self);
const char       *dg_occurrence_item_get_detail      (DgOccurrenceItem  *self);
const char       *dg_occurrence_item_get_style_class (DgOccurrenceItem  *self);
/* Property "occurrence": notified whenever the list is updated, also with
 * the same object, so that a bound row shows the time anew. */
DgTaskOccurrence *dg_occurrence_item_get_occurrence  (DgOccurrenceItem  *self);
gboolean          dg_occurrence_item_get_first       (DgOccurrenceItem  *self);
gboolean          dg_occurrence_item_get_last        (DgOccurrenceItem  *self);

/* Makes @store (of DgOccurrenceItem) hold @items (DgOccurrenceItem) with
 * as few changes as it takes: the items that are the same heading or the
 * same occurrence in the same place stay and take the new occurrence, only
 * the run between them is replaced. Rows of the items that stay are not
 * made anew, so they keep the keyboard focus. */
void              dg_occurrence_item_update_store    (GListStore        *store,
                                                      GPtrArray         *items);

G_END_DECLS
