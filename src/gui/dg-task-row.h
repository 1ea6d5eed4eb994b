/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-task-occurrence.h"

G_BEGIN_DECLS

#define DG_TYPE_TASK_ROW (dg_task_row_get_type ())
G_DECLARE_FINAL_TYPE (DgTaskRow, dg_task_row, DG, TASK_ROW, GtkListBoxRow)

/* One occurrence on the Tasks page: title, assistant, due time in
 * @owner_zone and status, with buttons for the page's actions
 * tasks.done, tasks.skip and tasks.reopen (target: the task id and the
 * recurrence id). Activating the row edits the task (tasks.edit). */
GtkWidget        *dg_task_row_new            (DgTaskOccurrence *occurrence,
                                              DgTaskGroup       group,
                                              GTimeZone        *owner_zone);
DgTaskOccurrence *dg_task_row_get_occurrence (DgTaskRow        *self);
DgTaskGroup       dg_task_row_get_group      (DgTaskRow        *self);

G_END_DECLS
