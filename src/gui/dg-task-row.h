/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-occurrence-item.h"

G_BEGIN_DECLS

#define DG_TYPE_TASK_ROW (dg_task_row_get_type ())
G_DECLARE_FINAL_TYPE (DgTaskRow, dg_task_row, DG, TASK_ROW, GtkWidget)

/* One occurrence on the Tasks page, made once by the list's factory and
 * bound to one item after another: title, assistant, due time in the
 * owner's zone and status, with buttons for the page's actions tasks.done,
 * tasks.skip and tasks.reopen (target: the task id and the recurrence id).
 * The row takes the keyboard focus itself, before its buttons, so that
 * Enter opens the task (the list's "activate"). */
GtkWidget        *dg_task_row_new            (void);
/* Shows @item (an occurrence, not a heading) and follows its changes;
 * NULL lets go of the item the row showed. */
void              dg_task_row_set_item       (DgTaskRow        *self,
                                              DgOccurrenceItem *item,
                                              GTimeZone        *owner_zone);
DgTaskOccurrence *dg_task_row_get_occurrence (DgTaskRow        *self);

G_END_DECLS
