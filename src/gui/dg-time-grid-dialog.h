/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-assistant-store.h"
#include "dg-timesheet-store.h"

G_BEGIN_DECLS

#define DG_TYPE_TIME_GRID_DIALOG (dg_time_grid_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgTimeGridDialog, dg_time_grid_dialog, DG, TIME_GRID_DIALOG, AdwWindow)

/* A modal window on @parent to enter one assistant's hours for a week by
 * hand: a row per task, a column per day, each cell the task's manual
 * hours that day ("1:30", "1.5", "90m"), written to @store as the owner
 * leaves the cell or presses Enter (dg_timesheet_store_set_grid_cell).
 * Hours from imports or already approved are shown beside a cell and never
 * changed here.
 *
 * @assistant_id: the assistant shown first (0: the first active one of
 * @assistants); @week_start: any day of the week shown first (NULL: this
 * week in the assistant's zone). */
DgTimeGridDialog *dg_time_grid_dialog_new (GtkWindow        *parent,
                                           DgTimesheetStore *store,
                                           DgAssistantStore *assistants,
                                           gint64            assistant_id,
                                           const GDate      *week_start);

G_END_DECLS
