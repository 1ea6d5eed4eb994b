/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-task-store.h"
#include "dg-timesheet-store.h"

G_BEGIN_DECLS

#define DG_TYPE_OVERVIEW_PAGE (dg_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (DgOverviewPage, dg_overview_page, DG, OVERVIEW_PAGE, AdwBin)

/* The page the window opens with: the weeks awaiting approval, the overdue
 * tasks and a chart of each assistant's hours in the last eight weeks.
 * Nothing is read before the page's first frame is on screen; it reads
 * again when the stores change.
 *
 * Once it has stores, the page also runs the automatic approval (see
 * dg_timesheet_store_apply_auto_approval) after its first frame and every
 * hour, and says in a toast when that approved something.
 *
 * Signal "week-activated" (gint64 assistant_id, const char *week_start):
 * the owner chose a week awaiting approval; @week_start is its first day,
 * "YYYY-MM-DD". The window shows that week on the Timesheets page.
 *
 * Activating an overdue task, or the "more" row of a list, shows the page
 * named "tasks" or "timesheets" of the AdwViewStack the page is in. */
void dg_overview_page_set_stores (DgOverviewPage   *self,
                                  DgTimesheetStore *timesheets,
                                  DgTaskStore      *tasks);
/* Reads everything again: now while the page is shown, else when it is
 * shown next. */
void dg_overview_page_reload     (DgOverviewPage   *self);

G_END_DECLS
