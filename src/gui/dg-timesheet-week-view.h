/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-timesheet-store.h"

G_BEGIN_DECLS

#define DG_TYPE_TIMESHEET_WEEK_VIEW (dg_timesheet_week_view_get_type ())
G_DECLARE_FINAL_TYPE (DgTimesheetWeekView, dg_timesheet_week_view, DG, TIMESHEET_WEEK_VIEW, AdwBin)

/* One assistant's week: its entries in a column view with Approve and
 * Reject on each pending one and Edit… (DgTimeEntryDialog) and Delete… on
 * each pending or rejected one, Approve Week, Reject Week… and Reopen
 * Week…, the totals per day and per task with the amount, and the week's
 * audit history. Actions: week.approve-entry, week.reject-entry,
 * week.edit-entry and week.delete-entry (entry id, "x"),
 * week.approve-week, week.reject-week, week.reopen-week. A change that
 * fails is said in a dialog, and the week is read again. */
void              dg_timesheet_week_view_set_store       (DgTimesheetWeekView *self,
                                                          DgTimesheetStore    *store);
/* Shows the week of @assistant_id starting on @week_start, read now. Each
 * reading starts the week on the business's first day of the week as it is
 * then: after a change of that setting, the week shown is the new week
 * that holds the middle day of the one shown before. */
void              dg_timesheet_week_view_show_week       (DgTimesheetWeekView *self,
                                                          gint64               assistant_id,
                                                          const GDate         *week_start);
/* Reads the shown week again. */
void              dg_timesheet_week_view_reload          (DgTimesheetWeekView *self);
/* The week shown, or NULL before one was shown. */
DgTimesheetWeek  *dg_timesheet_week_view_get_week        (DgTimesheetWeekView *self);

G_END_DECLS
