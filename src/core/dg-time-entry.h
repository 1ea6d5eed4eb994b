/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The approval state of one time entry. A week's state follows from its
 * entries (see DgTimesheetWeek). */
typedef enum
{
  DG_TIME_ENTRY_STATE_PENDING,   /* waiting for the owner */
  DG_TIME_ENTRY_STATE_APPROVED,  /* checked; frozen */
  DG_TIME_ENTRY_STATE_REJECTED,  /* with a reason; a correction makes it pending */
  DG_TIME_ENTRY_STATE_INVOICED,  /* billed on an issued invoice; frozen for good */
} DgTimeEntryState;

#define DG_TYPE_TIME_ENTRY_STATE (dg_time_entry_state_get_type ())
GType        dg_time_entry_state_get_type     (void);
/* "pending", "approved", "rejected", "invoiced" (as stored and in the
 * command line's JSON) */
const char  *dg_time_entry_state_to_string    (DgTimeEntryState  state);
gboolean     dg_time_entry_state_from_string  (const char       *text,
                                               DgTimeEntryState *out_state);
/* Translated, for display: "Pending", "Approved", … */
const char  *dg_time_entry_state_get_label    (DgTimeEntryState  state);
/* Whether an entry in @state may still be edited or deleted (pending and
 * rejected ones; approved and invoiced ones are frozen). */
gboolean     dg_time_entry_state_is_editable  (DgTimeEntryState  state);

/* Where an entry came from. "manual" for the window's grid and `time add`;
 * imports use "toggl", "clockify", "kimai", "harvest", "csv" (a mapped
 * CSV) and "ical". */
#define DG_TIME_ENTRY_SOURCE_MANUAL "manual"

#define DG_TYPE_TIME_ENTRY (dg_time_entry_get_type ())
G_DECLARE_FINAL_TYPE (DgTimeEntry, dg_time_entry, DG, TIME_ENTRY, GObject)

/* Hours an assistant worked. Properties:
 *   "id" (int64, 0 until stored), "assistant-id" (int64), "task-id" (int64,
 *   0 for none), "start" (GDateTime, boxed: the instant work began; kept in
 *   UTC), "time-zone" (IANA name the entry was made in: the assistant's),
 *   "minutes" (int, 1…1440), "note", "source", "external-id" (what the
 *   source calls the entry, so that a second import recognises it; "" for
 *   manual entries), "state" (DgTimeEntryState), "reason" (why it was
 *   rejected; "" otherwise), "local-date" (read-only "YYYY-MM-DD": the
 *   start's date in time-zone — the day and week the entry belongs to).
 * Read-only display properties filled in by the store: "assistant-name",
 * "task-title" ("" without a task). */
DgTimeEntry *dg_time_entry_new               (void);
DgTimeEntry *dg_time_entry_copy              (DgTimeEntry *self);

/* Checks the fields a user or a file controls: an assistant, a start,
 * a known time zone, 1…1440 minutes, no control characters in the note
 * (tabs and line breaks allowed). A translated sentence names the field. */
gboolean     dg_time_entry_validate          (DgTimeEntry *self,
                                              GError     **error);

gint64       dg_time_entry_get_id            (DgTimeEntry *self);
gint64       dg_time_entry_get_assistant_id  (DgTimeEntry *self);
gint64       dg_time_entry_get_task_id       (DgTimeEntry *self);
GDateTime   *dg_time_entry_get_start         (DgTimeEntry *self);
/* The start in the entry's zone (new reference). */
GDateTime   *dg_time_entry_dup_local_start   (DgTimeEntry *self);
const char  *dg_time_entry_get_local_date    (DgTimeEntry *self);
const char  *dg_time_entry_get_time_zone     (DgTimeEntry *self);
int          dg_time_entry_get_minutes       (DgTimeEntry *self);
const char  *dg_time_entry_get_note          (DgTimeEntry *self);
const char  *dg_time_entry_get_source        (DgTimeEntry *self);
const char  *dg_time_entry_get_external_id   (DgTimeEntry *self);
DgTimeEntryState dg_time_entry_get_state     (DgTimeEntry *self);
const char  *dg_time_entry_get_reason        (DgTimeEntry *self);
const char  *dg_time_entry_get_assistant_name (DgTimeEntry *self);
const char  *dg_time_entry_get_task_title    (DgTimeEntry *self);

void         dg_time_entry_set_assistant_id  (DgTimeEntry *self,
                                              gint64       assistant_id);
void         dg_time_entry_set_task_id       (DgTimeEntry *self,
                                              gint64       task_id);
/* Converted to UTC; local-date follows once a zone is set. */
void         dg_time_entry_set_start         (DgTimeEntry *self,
                                              GDateTime   *start);
void         dg_time_entry_set_time_zone     (DgTimeEntry *self,
                                              const char  *time_zone);
void         dg_time_entry_set_minutes       (DgTimeEntry *self,
                                              int          minutes);
void         dg_time_entry_set_note          (DgTimeEntry *self,
                                              const char  *note);
void         dg_time_entry_set_source        (DgTimeEntry *self,
                                              const char  *source,
                                              const char  *external_id);

/* What an entry was about, as every audit row of an entry keeps it:
 * "Mon 2 Mar 2026, 1:30, Inbox triage" (@local_date "YYYY-MM-DD"; the
 * task's title, or else the first line of @note, cut at 60 characters
 * with "…"). One function, so that the timesheets and the invoices write
 * an entry's history alike. */
char        *dg_time_entry_format_audit_summary (const char *local_date,
                                                 gint64      minutes,
                                                 const char *task_title,
                                                 const char *note);

G_END_DECLS
