/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-assistant-store.h"
#include "dg-handbook-store.h"
#include "dg-task-store.h"

G_BEGIN_DECLS

#define DG_TYPE_TASK_DIALOG (dg_task_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgTaskDialog, dg_task_dialog, DG, TASK_DIALOG, AdwWindow)

/* A modal window that assigns a new task (@task NULL) or changes @task (a
 * stored one): it edits a copy and writes it through @tasks on Create or
 * Save (Ctrl+S, Ctrl+Enter); Escape cancels. Actions: task.save, and for
 * a stored task task.cancel (asks first) and task.reopen, which set the
 * status of the task or whole series, and task.delete (asks first), after
 * which the window closes. Signal "saved" (DgTask *stored), after which
 * the window closes. */
DgTaskDialog *dg_task_dialog_new              (GtkWindow        *parent,
                                               DgTaskStore      *tasks,
                                               DgAssistantStore *assistants,
                                               DgHandbookStore  *handbooks,
                                               DgTask           *task);
/* Chooses the assistant of a new task, e.g. the one the list shows. */
void          dg_task_dialog_set_assistant_id (DgTaskDialog     *self,
                                               gint64            assistant_id);
/* Creates or saves; FALSE when a field is invalid or the store refused,
 * with the reason shown, and when a new schedule of a stored series would
 * drop the status of some dates: then it asks first, and saves when the
 * owner agrees. */
gboolean      dg_task_dialog_save             (DgTaskDialog     *self);

G_END_DECLS
