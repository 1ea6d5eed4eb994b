/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-assistant-store.h"
#include "dg-timesheet-store.h"

G_BEGIN_DECLS

#define DG_TYPE_TIMESHEETS_PAGE (dg_timesheets_page_get_type ())
G_DECLARE_FINAL_TYPE (DgTimesheetsPage, dg_timesheets_page, DG, TIMESHEETS_PAGE, AdwBin)

/* The Timesheets page: the weeks awaiting approval (or all weeks), of one
 * assistant or of all, and beside them the chosen week's entries, totals
 * and history, where the owner approves and rejects (DgTimesheetWeekView).
 * Actions: timesheets.enter-hours (the weekly grid), timesheets.import (a
 * file of hours), timesheets.approve-until (every assistant's pending hours
 * up to a day, DgApproveUntilDialog), timesheets.back (Alt+Left: from the
 * week back to the list on a narrow window). Nothing is read before the
 * page is first shown; a change in the store reads the list again, and so
 * does a new first day of the week when the window is active again. */
void dg_timesheets_page_set_stores (DgTimesheetsPage *self,
                                    DgTimesheetStore *timesheets,
                                    DgAssistantStore *assistants);
/* Shows the week of @assistant_id starting on @week_start (its first day),
 * chosen in the list when it is listed. */
void dg_timesheets_page_show_week  (DgTimesheetsPage *self,
                                    gint64            assistant_id,
                                    const GDate      *week_start);
/* Reads the list again: now while it is shown, else when it is shown next. */
void dg_timesheets_page_reload     (DgTimesheetsPage *self);

G_END_DECLS
