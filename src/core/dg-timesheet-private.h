/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-time-entry.h"
#include "dg-timesheet-week.h"

G_BEGIN_DECLS

/* How DgTimesheetStore builds a week: a new empty week, then every entry
 * of it, then the task totals and fixed fees it computed. */
DgTimesheetWeek *_dg_timesheet_week_new            (gint64           assistant_id,
                                                    const char      *assistant_name,
                                                    const char      *time_zone,
                                                    const char      *currency,
                                                    const GDate     *start);
/* Counts an entry of @minutes in @state on @day (0…6) of the week. */
void             _dg_timesheet_week_add_entry      (DgTimesheetWeek *self,
                                                    guint            day,
                                                    DgTimeEntryState state,
                                                    gint64           minutes);
/* Takes @title. */
void             _dg_timesheet_week_add_task_total (DgTimesheetWeek *self,
                                                    gint64           task_id,
                                                    char            *title,
                                                    gint64           minutes,
                                                    gint64           amount);
void             _dg_timesheet_week_add_fixed_fee  (DgTimesheetWeek *self,
                                                    gint64           task_id,
                                                    const char      *title,
                                                    const char      *recurrence_id,
                                                    const char      *due_date,
                                                    gint64           fee);
/* Names and titles in the order lists show them: ignoring case, as the
 * assistants list does, then byte by byte so that the order is total. */
int              _dg_timesheet_compare_titles      (const char      *a,
                                                    const char      *b);
/* Sorts the task totals by title (entries without a task last) and the
 * fixed fees by due date, once everything is added. */
void             _dg_timesheet_week_finish         (DgTimesheetWeek *self);

G_END_DECLS
