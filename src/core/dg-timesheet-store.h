/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dg-audit-event.h"
#include "dg-database.h"
#include "dg-time-entry.h"
#include "dg-timesheet-week.h"

G_BEGIN_DECLS

#define DG_TIMESHEET_ERROR (dg_timesheet_error_quark ())

typedef enum
{
  DG_TIMESHEET_ERROR_NOT_FOUND,        /* no such entry, assistant or task */
  DG_TIMESHEET_ERROR_FROZEN,           /* approved or invoiced: cannot be edited or deleted */
  DG_TIMESHEET_ERROR_INVALID_TRANSITION, /* e.g. approving an approved entry, nothing to approve */
  DG_TIMESHEET_ERROR_REASON_REQUIRED,  /* rejecting or reopening without a reason */
  DG_TIMESHEET_ERROR_INVOICED,         /* reopening a week with invoiced entries */
  DG_TIMESHEET_ERROR_DUPLICATE,        /* that source and external id were imported before */
  DG_TIMESHEET_ERROR_ARCHIVED,         /* new hours for an archived assistant */
} DgTimesheetError;

GQuark dg_timesheet_error_quark (void);

/* Which weeks list_weeks returns. */
typedef enum
{
  DG_TIMESHEET_FILTER_AWAITING,  /* weeks with pending entries, oldest first */
  DG_TIMESHEET_FILTER_ALL,       /* every week with entries, newest first */
} DgTimesheetFilter;

/* Hours of one assistant per week, for the Overview's chart. */
typedef struct
{
  gint64   assistant_id;
  char    *name;
  gint64  *minutes;      /* n_weeks values, oldest week first; rejected
                          * entries not counted */
  guint    n_weeks;
} DgAssistantHours;

void dg_assistant_hours_free (DgAssistantHours *hours);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgAssistantHours, dg_assistant_hours_free)

/* One row of the weekly grid: the minutes of one task on each day. */
typedef struct
{
  gint64   task_id;      /* 0: hours without a task */
  char    *title;        /* translated "No task" for 0 */
  gint64   editable[7];  /* manual entries still pending or rejected: what
                          * the cell shows and replaces */
  gint64   other[7];     /* everything else that day (imported, approved,
                          * invoiced): shown beside the cell, never changed */
} DgTimesheetGridRow;

void dg_timesheet_grid_row_free (DgTimesheetGridRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgTimesheetGridRow, dg_timesheet_grid_row_free)

#define DG_TYPE_TIMESHEET_STORE (dg_timesheet_store_get_type ())
G_DECLARE_FINAL_TYPE (DgTimesheetStore, dg_timesheet_store, DG, TIMESHEET_STORE, GObject)

/* Time entries and weekly timesheets in @db. Every change is one
 * transaction and writes one audit row per entry whose state changes
 * (created "" → pending, approved, rejected with its reason, corrected
 * rejected → pending, reopened approved → pending with its reason, deleted
 * → "deleted"); the audit log cannot be changed or deleted (triggers).
 * The week of an entry is the local week of its start in the entry's zone,
 * starting on the business profile's first day of the week (Monday by
 * default; read on every call, so a change applies at once).
 *
 * Signal "changed" (no arguments): an entry was added, changed, deleted or
 * changed state. Views load their weeks again. */
DgTimesheetStore *dg_timesheet_store_new          (DgDatabase       *db);
DgDatabase   *dg_timesheet_store_get_database     (DgTimesheetStore *self);
/* The business profile's settings (see DgBusinessProfile "week-start" and
 * "auto-approve-days"); G_DATE_MONDAY / 0 when they cannot be read. */
GDateWeekday  dg_timesheet_store_get_week_start   (DgTimesheetStore *self);
guint         dg_timesheet_store_get_auto_approve_days (DgTimesheetStore *self);

/* ---- entries ------------------------------------------------------------ */

/* Validates and stores @entry (id 0) as pending: the assistant must exist
 * and be active (DG_TIMESHEET_ERROR_ARCHIVED), a task must be the
 * assistant's; an empty zone becomes the assistant's; a source with an
 * external id already stored is DG_TIMESHEET_ERROR_DUPLICATE. Sets id,
 * state and the display properties. */
gboolean      dg_timesheet_store_add_entry        (DgTimesheetStore *self,
                                                   DgTimeEntry      *entry,
                                                   GError          **error);
/* What an import commits: every entry of @entries (DgTimeEntry *, id 0) in
 * one transaction, all or nothing; one whose source and external id are
 * stored already (before, or earlier in @entries) is left out and counted
 * in @n_duplicates, so importing a file again adds nothing. */
gboolean      dg_timesheet_store_add_entries      (DgTimesheetStore *self,
                                                   GPtrArray        *entries,
                                                   guint            *n_added,
                                                   guint            *n_duplicates,
                                                   GError          **error);
/* Sets @out_stored to whether an entry with @source and @external_id is
 * stored (never for an empty @external_id). FALSE with @error when the
 * database cannot be read: the caller cannot tell, and must not take the
 * entry for a new one. */
gboolean      dg_timesheet_store_has_external_id  (DgTimesheetStore *self,
                                                   const char       *source,
                                                   const char       *external_id,
                                                   gboolean         *out_stored,
                                                   GError          **error);
/* Writes @changes (same id) when the stored entry is pending or rejected
 * (else DG_TIMESHEET_ERROR_FROZEN); a rejected entry becomes pending again
 * (the correction) and its reason is cleared. Source and external id never
 * change. */
gboolean      dg_timesheet_store_update_entry     (DgTimesheetStore *self,
                                                   DgTimeEntry      *changes,
                                                   GError          **error);
/* Only pending and rejected entries (else DG_TIMESHEET_ERROR_FROZEN). */
gboolean      dg_timesheet_store_delete_entry     (DgTimesheetStore *self,
                                                   gint64            entry_id,
                                                   GError          **error);
DgTimeEntry  *dg_timesheet_store_get_entry        (DgTimesheetStore *self,
                                                   gint64            entry_id,
                                                   GError          **error);
/* DgTimeEntry * of one assistant's week, by start: the week that holds
 * @week_start, as for dg_timesheet_store_get_week(). */
GPtrArray    *dg_timesheet_store_list_week_entries (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   const GDate      *week_start,
                                                   GError          **error);
/* DgTimeEntry * whose local date is in [@from, @to] (either NULL: open),
 * of @assistant_id (0: all), by start. */
GPtrArray    *dg_timesheet_store_list_entries     (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   const GDate      *from,
                                                   const GDate      *to,
                                                   GError          **error);

/* ---- approval (each call one transaction, all or nothing) --------------- */

/* Pending → approved. Any entry of @entry_ids that is not pending fails the
 * whole call with DG_TIMESHEET_ERROR_INVALID_TRANSITION naming it. */
gboolean      dg_timesheet_store_approve_entries  (DgTimesheetStore *self,
                                                   const gint64     *entry_ids,
                                                   guint             n_entries,
                                                   GError          **error);
/* Pending → rejected with @reason (required, stripped:
 * DG_TIMESHEET_ERROR_REASON_REQUIRED). */
gboolean      dg_timesheet_store_reject_entries   (DgTimesheetStore *self,
                                                   const gint64     *entry_ids,
                                                   guint             n_entries,
                                                   const char       *reason,
                                                   GError          **error);
/* Every pending entry of the week → approved; none pending:
 * DG_TIMESHEET_ERROR_INVALID_TRANSITION. */
gboolean      dg_timesheet_store_approve_week     (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   const GDate      *week_start,
                                                   GError          **error);
gboolean      dg_timesheet_store_reject_week      (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   const GDate      *week_start,
                                                   const char       *reason,
                                                   GError          **error);
/* Approved entries of the week → pending, with @reason (required). A week
 * with any invoiced entry is never reopened (DG_TIMESHEET_ERROR_INVOICED);
 * a week without approved entries: INVALID_TRANSITION. */
gboolean      dg_timesheet_store_reopen_week      (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   const GDate      *week_start,
                                                   const char       *reason,
                                                   GError          **error);
/* "Approve all pending up to @until": every pending entry of every
 * assistant whose local date is @until or earlier. Sets @n_approved (0 is
 * not an error). */
gboolean      dg_timesheet_store_approve_until    (DgTimesheetStore *self,
                                                   const GDate      *until,
                                                   guint            *n_approved,
                                                   GError          **error);
/* Automatic approval, when the profile's auto-approve-days N is not 0:
 * every pending entry that has been pending N days after its week ended
 * (the assistant's local midnight after its last day) is approved, logged
 * as automatic: due at N days after the later of its week's end and the
 * time it last became pending (added, corrected after a rejection,
 * reopened), at or before @now. So hours entered or imported late, a
 * corrected entry and a reopened week wait N days for the owner too.
 * Nothing happens when N is 0. Sets @n_approved. The window runs it at
 * start and hourly, the command line before each timesheet command. */
gboolean      dg_timesheet_store_apply_auto_approval (DgTimesheetStore *self,
                                                   GDateTime        *now,
                                                   guint            *n_approved,
                                                   GError          **error);

/* ---- weeks, totals and history ------------------------------------------ */

/* DgTimesheetWeek * of @assistant_id (0: all). */
GPtrArray    *dg_timesheet_store_list_weeks       (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   DgTimesheetFilter filter,
                                                   GError          **error);
/* The same, but only the first @max_weeks are built (their totals cost a
 * few queries each); @n_weeks is set to how many there are in all. For a
 * summary such as the Overview's, which lists a few and counts the rest. */
GPtrArray    *dg_timesheet_store_list_first_weeks (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   DgTimesheetFilter filter,
                                                   guint             max_weeks,
                                                   guint            *n_weeks,
                                                   GError          **error);
/* The week of @assistant_id that holds @week_start, any day of it (its
 * first day by the profile's current week start: a date kept from before
 * the week start changed still finds its week). A week without entries is
 * EMPTY, not an error. */
DgTimesheetWeek *dg_timesheet_store_get_week      (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   const GDate      *week_start,
                                                   GError          **error);
/* DgAssistantHours * for every assistant with hours (not rejected) in
 * the @n_weeks weeks that end with the week containing @today, by name
 * (weeks by the
 * profile's first day, dates local to each assistant). */
GPtrArray    *dg_timesheet_store_hours_by_week    (DgTimesheetStore *self,
                                                   const GDate      *today,
                                                   guint             n_weeks,
                                                   GError          **error);
/* DgAuditEvent * about @assistant_id's entries, oldest first: of the
 * entries dated in the week that holds @week_start (as for
 * dg_timesheet_store_get_week(); NULL: every week). A row counts by the
 * entry's local date when it was written, so a week keeps its history when
 * the first day of the week changes. */
GPtrArray    *dg_timesheet_store_list_audit       (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   const GDate      *week_start,
                                                   GError          **error);

/* ---- the weekly grid ----------------------------------------------------- */

/* One DgTimesheetGridRow * per task of the assistant that is open (or in
 * progress), is due in the week (a one-off task or an occurrence of a
 * series, not cancelled or skipped) or has entries that week, by title;
 * then the "No task" row. Done and cancelled tasks of other weeks are
 * left out. */
GPtrArray    *dg_timesheet_store_get_grid         (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   const GDate      *week_start,
                                                   GError          **error);
/* Sets what the grid cell (@task_id, @day) holds: the manual pending or
 * rejected entries of that task and local day are replaced by one manual
 * entry of @minutes starting 09:00 local time (0 removes them), in one
 * transaction. A rejected entry changed this way is corrected (pending). */
gboolean      dg_timesheet_store_set_grid_cell    (DgTimesheetStore *self,
                                                   gint64            assistant_id,
                                                   gint64            task_id,
                                                   const GDate      *day,
                                                   gint64            minutes,
                                                   GError          **error);

G_END_DECLS
