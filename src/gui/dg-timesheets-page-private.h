/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-timesheet-week-view.h"
#include "dg-timesheets-page.h"

G_BEGIN_DECLS

/* Whether the list was ever read: not before the page is first shown. */
gboolean             dg_timesheets_page_get_loaded    (DgTimesheetsPage *self);
/* The weeks listed (DgTimesheetWeek), in order. */
GListModel          *dg_timesheets_page_get_weeks     (DgTimesheetsPage *self);
DgTimesheetWeekView *dg_timesheets_page_get_week_view (DgTimesheetsPage *self);

G_END_DECLS
