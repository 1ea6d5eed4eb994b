/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The status of a task, or of one occurrence of a recurring task. SKIPPED
 * exists only for an occurrence (exported as an override with
 * STATUS:CANCELLED); CANCELLED on a recurring task ends the whole series. */
typedef enum
{
  DG_TASK_STATUS_OPEN,          /* iCalendar NEEDS-ACTION */
  DG_TASK_STATUS_IN_PROGRESS,   /* IN-PROCESS */
  DG_TASK_STATUS_DONE,          /* COMPLETED */
  DG_TASK_STATUS_CANCELLED,     /* CANCELLED */
  DG_TASK_STATUS_SKIPPED,       /* occurrences only */
} DgTaskStatus;

#define DG_TYPE_TASK_STATUS (dg_task_status_get_type ())
GType        dg_task_status_get_type       (void);
/* "open", "in-progress", "done", "cancelled", "skipped": database and CLI. */
const char  *dg_task_status_to_string      (DgTaskStatus status);
gboolean     dg_task_status_from_string    (const char   *text,
                                            DgTaskStatus *status);
/* Translated: "Open", "In Progress", "Done", "Cancelled", "Skipped". */
const char  *dg_task_status_get_label      (DgTaskStatus status);
/* Open or in progress: still work to do. */
gboolean     dg_task_status_is_pending     (DgTaskStatus status);

/* The values are iCalendar PRIORITY values (1 highest … 9 lowest). */
typedef enum
{
  DG_TASK_PRIORITY_NONE   = 0,
  DG_TASK_PRIORITY_HIGH   = 1,
  DG_TASK_PRIORITY_MEDIUM = 5,
  DG_TASK_PRIORITY_LOW    = 9,
} DgTaskPriority;

#define DG_TYPE_TASK_PRIORITY (dg_task_priority_get_type ())
GType        dg_task_priority_get_type     (void);
/* "none", "high", "medium", "low". */
const char  *dg_task_priority_to_string    (DgTaskPriority priority);
gboolean     dg_task_priority_from_string  (const char     *text,
                                            DgTaskPriority *priority);
const char  *dg_task_priority_get_label    (DgTaskPriority priority);

typedef enum
{
  DG_TASK_BILLING_ASSISTANT_RATE,  /* hourly at the assistant's rate */
  DG_TASK_BILLING_OWN_RATE,        /* hourly at billing-amount per hour */
  DG_TASK_BILLING_FIXED_FEE,       /* billing-amount once, when done */
} DgTaskBilling;

#define DG_TYPE_TASK_BILLING (dg_task_billing_get_type ())
GType        dg_task_billing_get_type      (void);
/* "assistant-rate", "own-rate", "fixed-fee". */
const char  *dg_task_billing_to_string     (DgTaskBilling billing);
gboolean     dg_task_billing_from_string   (const char   *text,
                                            DgTaskBilling *billing);
const char  *dg_task_billing_get_label     (DgTaskBilling billing);

#define DG_TYPE_TASK (dg_task_get_type ())
G_DECLARE_FINAL_TYPE (DgTask, dg_task, DG, TASK, GObject)

/* Properties (all read-write unless noted):
 * "id" (int64, 0 until stored), "uid" (the stable iCalendar UID, set when
 * stored), "title", "assistant-id" (int64), "handbook-id" (int64, 0 = none),
 * "handbook-version" (int: the pinned published version, 0 = none),
 * "due-date" (YYYY-MM-DD: the first occurrence), "due-time" (HH:MM, or ""
 * for all day), "time-zone" (IANA; the assistant's by default),
 * "rrule" ("" = one-off; see dg-recurrence.h), "notes", "priority"
 * (DgTaskPriority), "estimate-minutes" (int), "billing" (DgTaskBilling),
 * "billing-amount" (int64 minor units of the assistant's currency: the rate
 * per hour for OWN_RATE, the fee for FIXED_FEE, 0 otherwise), "status"
 * (DgTaskStatus of a one-off task, or of the series), "percent-complete"
 * (int 0..100), "completed-at" (UTC "YYYY-MM-DDTHH:MM:SSZ" or ""),
 * "created-at" (UTC, set when stored),
 * and, filled in by the store for display (read-only here):
 * "assistant-name", "assistant-time-zone", "handbook-title". */
DgTask      *dg_task_new                   (const char   *title);
/* A copy with every property, for editing and then dg_task_store_update(). */
DgTask      *dg_task_copy                  (DgTask       *self);
/* Title not blank; an assistant; a valid due date, time ("" or HH:MM) and
 * zone; a valid rule (dg_rrule_normalize) whose dates include the first
 * due date; no control characters in the title, nor in the notes other
 * than line breaks and tabs; SKIPPED refused; priority one of
 * the four; estimate and amount not negative; amount 0 for ASSISTANT_RATE
 * and above 0 otherwise; percent 0..100. Errors are DG_VALIDATION_ERROR
 * sentences the window shows beside the field. */
gboolean     dg_task_validate              (DgTask       *self,
                                            GError      **error);
gboolean     dg_task_is_recurring          (DgTask       *self);
gboolean     dg_task_is_all_day            (DgTask       *self);
/* The first due date and time in the task's zone (00:00 for all day). */
GDateTime   *dg_task_get_due               (DgTask       *self);

gint64       dg_task_get_id                (DgTask       *self);
const char  *dg_task_get_uid               (DgTask       *self);
const char  *dg_task_get_title             (DgTask       *self);
gint64       dg_task_get_assistant_id      (DgTask       *self);
gint64       dg_task_get_handbook_id       (DgTask       *self);
int          dg_task_get_handbook_version  (DgTask       *self);
const char  *dg_task_get_due_date          (DgTask       *self);
const char  *dg_task_get_due_time          (DgTask       *self);
const char  *dg_task_get_time_zone         (DgTask       *self);
const char  *dg_task_get_rrule             (DgTask       *self);
const char  *dg_task_get_notes             (DgTask       *self);
DgTaskPriority dg_task_get_priority        (DgTask       *self);
int          dg_task_get_estimate_minutes  (DgTask       *self);
DgTaskBilling dg_task_get_billing          (DgTask       *self);
gint64       dg_task_get_billing_amount    (DgTask       *self);
DgTaskStatus dg_task_get_status            (DgTask       *self);
int          dg_task_get_percent_complete  (DgTask       *self);
const char  *dg_task_get_completed_at      (DgTask       *self);
const char  *dg_task_get_created_at        (DgTask       *self);
const char  *dg_task_get_assistant_name    (DgTask       *self);
const char  *dg_task_get_assistant_time_zone (DgTask     *self);
const char  *dg_task_get_handbook_title    (DgTask       *self);

G_END_DECLS
