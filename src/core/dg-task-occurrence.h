/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-task.h"

G_BEGIN_DECLS

/* Where an occurrence shows on the Tasks page. */
typedef enum
{
  DG_TASK_GROUP_OVERDUE,
  DG_TASK_GROUP_TODAY,
  DG_TASK_GROUP_THIS_WEEK,
  DG_TASK_GROUP_LATER,
} DgTaskGroup;

/* Translated heading: "Overdue", "Today", "This Week", "Later". */
const char *dg_task_group_get_label (DgTaskGroup group);

#define DG_TYPE_TASK_OCCURRENCE (dg_task_occurrence_get_type ())
G_DECLARE_FINAL_TYPE (DgTaskOccurrence, dg_task_occurrence, DG, TASK_OCCURRENCE, GObject)

/* One due date of a task: the only one of a one-off task, or one of a
 * recurring task's series. Read-only properties: "task" (DgTask),
 * "recurrence-id" ("" for a one-off task, else "20261130T090000" or
 * "20261130", see dg-recurrence.h), "due" (GDateTime in the task's zone),
 * "status" (DgTaskStatus: the occurrence's own, or the task's for a one-off;
 * an occurrence of a cancelled series is CANCELLED), "percent-complete",
 * "completed-at". Made by DgTaskStore. */
DgTaskOccurrence *dg_task_occurrence_new          (DgTask       *task,
                                                   const char   *recurrence_id,
                                                   GDateTime    *due,
                                                   DgTaskStatus  status,
                                                   int           percent_complete,
                                                   const char   *completed_at);
DgTask           *dg_task_occurrence_get_task      (DgTaskOccurrence *self);
const char       *dg_task_occurrence_get_recurrence_id (DgTaskOccurrence *self);
GDateTime        *dg_task_occurrence_get_due       (DgTaskOccurrence *self);
DgTaskStatus      dg_task_occurrence_get_status    (DgTaskOccurrence *self);
int               dg_task_occurrence_get_percent_complete (DgTaskOccurrence *self);
const char       *dg_task_occurrence_get_completed_at (DgTaskOccurrence *self);

/* Still pending and past due, judged in the assistant's zone: a timed
 * occurrence once @now has passed its due instant; an all-day one once the
 * assistant's local date is after the due date. */
gboolean          dg_task_occurrence_is_overdue    (DgTaskOccurrence *self,
                                                    GDateTime        *now);
/* OVERDUE when overdue; otherwise by the due date in @now's zone (the
 * owner's): TODAY, THIS_WEEK (later in the week that starts on
 * @week_start), or LATER. Done and skipped occurrences of the past count as
 * TODAY when due today, else by date as if pending. */
DgTaskGroup       dg_task_occurrence_get_group     (DgTaskOccurrence *self,
                                                    GDateTime        *now,
                                                    GDateWeekday      week_start);
/* The due time as the owner reads it in @owner_zone, and beside it the
 * assistant's local time when their zone's offset differs:
 * "Mon 30 Nov, 09:00 (Manila: Mon 30 Nov, 16:00)", translated; all-day
 * occurrences show the date only. */
char             *dg_task_occurrence_format_due    (DgTaskOccurrence *self,
                                                    GTimeZone        *owner_zone);

G_END_DECLS
