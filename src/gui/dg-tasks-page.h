/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-assistant-store.h"
#include "dg-handbook-store.h"
#include "dg-task-store.h"

G_BEGIN_DECLS

#define DG_TYPE_TASKS_PAGE (dg_tasks_page_get_type ())
G_DECLARE_FINAL_TYPE (DgTasksPage, dg_tasks_page, DG, TASKS_PAGE, AdwBin)

/* The Tasks page: the occurrences to do, grouped Overdue / Today / This
 * Week / Later, filtered by assistant and status. Actions: tasks.new
 * (Ctrl+N), tasks.edit (task id), tasks.done, tasks.skip and tasks.reopen
 * (task id and recurrence id, "(xs)"), tasks.export-calendar,
 * tasks.import-status. */
void dg_tasks_page_set_stores (DgTasksPage      *self,
                               DgTaskStore      *tasks,
                               DgAssistantStore *assistants,
                               DgHandbookStore  *handbooks);
/* Reloads the list, e.g. after another program changed the database: now
 * while it is shown, else when it is shown next. Nothing is listed before
 * the list is first shown. */
void dg_tasks_page_reload     (DgTasksPage      *self);

G_END_DECLS
