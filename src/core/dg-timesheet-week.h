/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dg-money.h"

G_BEGIN_DECLS

/* A week's state, from its entries. */
typedef enum
{
  DG_TIMESHEET_STATE_EMPTY,     /* no entries */
  DG_TIMESHEET_STATE_PENDING,   /* at least one entry waits for the owner */
  DG_TIMESHEET_STATE_REJECTED,  /* none pending, at least one rejected:
                                 * waits for the assistant's correction */
  DG_TIMESHEET_STATE_APPROVED,  /* every entry approved (or invoiced) */
  DG_TIMESHEET_STATE_INVOICED,  /* every entry invoiced */
} DgTimesheetState;

#define DG_TYPE_TIMESHEET_STATE (dg_timesheet_state_get_type ())
GType        dg_timesheet_state_get_type   (void);
/* "empty", "pending", "rejected", "approved", "invoiced" */
const char  *dg_timesheet_state_to_string  (DgTimesheetState state);
/* Translated: "Awaiting Approval", "Rejected", "Approved", "Invoiced", … */
const char  *dg_timesheet_state_get_label  (DgTimesheetState state);

/* The hours of one task (or of no task) in a week. */
typedef struct
{
  gint64   task_id;        /* 0: entries without a task */
  char    *title;          /* the task's title, or translated "No task" */
  gint64   minutes;        /* every entry but rejected ones */
  gint64   amount;         /* minor units of the assistant's currency:
                            * round(minutes × rate / 60) half away from
                            * zero at the task's rate (own rate) or the
                            * assistant's; 0 for a fixed-fee task */
} DgTimesheetTaskTotal;

/* A fixed-fee task (or occurrence of a repeating one) done in the week:
 * its fee counts once, in the week of its due date. */
typedef struct
{
  gint64   task_id;
  char    *title;
  char    *recurrence_id;  /* "" for a one-off task */
  char    *due_date;       /* local "YYYY-MM-DD" */
  gint64   fee;            /* minor units */
} DgTimesheetFixedFee;

#define DG_TYPE_TIMESHEET_WEEK (dg_timesheet_week_get_type ())
G_DECLARE_FINAL_TYPE (DgTimesheetWeek, dg_timesheet_week, DG, TIMESHEET_WEEK, GObject)

/* One assistant's week, as the store computed it (a snapshot: load it
 * again after a change). The week is the assistant's local week, starting
 * on the business's first day of the week. Properties (read-only):
 * "assistant-id", "assistant-name", "time-zone", "currency", "start-date"
 * ("YYYY-MM-DD", the week's first local day), "state" (DgTimesheetState),
 * "n-pending", "n-approved", "n-rejected", "n-invoiced", "minutes" (every
 * entry but rejected ones), "pending-minutes", "amount" (int64: the sum of
 * the task totals' amounts and the fixed fees; "rejected" entries are not
 * counted). */
gint64            dg_timesheet_week_get_assistant_id   (DgTimesheetWeek *self);
const char       *dg_timesheet_week_get_assistant_name (DgTimesheetWeek *self);
const char       *dg_timesheet_week_get_time_zone      (DgTimesheetWeek *self);
const char       *dg_timesheet_week_get_currency       (DgTimesheetWeek *self);
const char       *dg_timesheet_week_get_start_date     (DgTimesheetWeek *self);
/* The first day as a GDate (owned by @self). */
const GDate      *dg_timesheet_week_get_start          (DgTimesheetWeek *self);
DgTimesheetState  dg_timesheet_week_get_state          (DgTimesheetWeek *self);
guint             dg_timesheet_week_get_n_pending      (DgTimesheetWeek *self);
guint             dg_timesheet_week_get_n_approved     (DgTimesheetWeek *self);
guint             dg_timesheet_week_get_n_rejected     (DgTimesheetWeek *self);
guint             dg_timesheet_week_get_n_invoiced     (DgTimesheetWeek *self);
gint64            dg_timesheet_week_get_minutes        (DgTimesheetWeek *self);
gint64            dg_timesheet_week_get_pending_minutes (DgTimesheetWeek *self);
/* Minutes of each day, @day 0 being the first day of the week (rejected
 * entries not counted). */
gint64            dg_timesheet_week_get_day_minutes    (DgTimesheetWeek *self,
                                                        guint            day);
DgMoney           dg_timesheet_week_get_amount         (DgTimesheetWeek *self);
/* DgTimesheetTaskTotal *, by title, entries without a task last. Owned. */
GPtrArray        *dg_timesheet_week_get_task_totals    (DgTimesheetWeek *self);
/* DgTimesheetFixedFee *, by due date. Owned. */
GPtrArray        *dg_timesheet_week_get_fixed_fees     (DgTimesheetWeek *self);
/* "Week of 2 March 2026" / "2–8 March 2026", translated, for headings. */
char             *dg_timesheet_week_format_range       (DgTimesheetWeek *self);

/* ---- for the store, which builds weeks ------------------------------- */

/* The first local day of the week that contains @date, for weeks starting
 * on @week_start. */
void              dg_timesheet_week_start_of           (const GDate     *date,
                                                        GDateWeekday     week_start,
                                                        GDate           *out_start);

G_END_DECLS
