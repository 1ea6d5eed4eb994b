/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dg-database.h"
#include "dg-task.h"
#include "dg-task-occurrence.h"

G_BEGIN_DECLS

#define DG_TASK_ERROR (dg_task_error_quark ())

typedef enum
{
  DG_TASK_ERROR_NOT_FOUND,              /* no such task, assistant or handbook */
  DG_TASK_ERROR_IN_USE,                 /* other records refer to it: cancel instead */
  DG_TASK_ERROR_NO_PUBLISHED_VERSION,   /* the handbook was never published */
  DG_TASK_ERROR_NO_SUCH_OCCURRENCE,     /* not a date of the task's rule */
  DG_TASK_ERROR_UP_TO_DATE,             /* already pinned to the latest version */
  DG_TASK_ERROR_INVALID_STATUS,         /* e.g. SKIPPED for a one-off task */
} DgTaskError;

#define DG_TYPE_TASK_STORE (dg_task_store_get_type ())
G_DECLARE_FINAL_TYPE (DgTaskStore, dg_task_store, DG, TASK_STORE, GObject)

GQuark        dg_task_error_quark               (void);

/* A GListModel of every DgTask in @db, by first due date and time, then
 * title. Changes go through the functions below, which write the database
 * first and update the list only when that succeeded (items-changed for the
 * affected position; "occurrences-changed" after any status change). The
 * read-only display properties (assistant name and zone, handbook title)
 * are filled in from the database.
 *
 * Signal "occurrences-changed" (no arguments): the occurrences of some task
 * changed — a status, the dates or the rule, or a task was added, deleted
 * or reloaded. Agenda views list their occurrences again. */
DgTaskStore  *dg_task_store_new                 (DgDatabase    *db,
                                                 GError       **error);
DgDatabase   *dg_task_store_get_database        (DgTaskStore   *self);
/* Reloads everything from the database, e.g. after the command line
 * changed it or an assistant was renamed. */
gboolean      dg_task_store_reload              (DgTaskStore   *self,
                                                 GError       **error);
DgTask       *dg_task_store_find                (DgTaskStore   *self,
                                                 gint64         id);
DgTask       *dg_task_store_find_by_uid         (DgTaskStore   *self,
                                                 const char    *uid);

/* Validates and inserts @task (id 0): the assistant must exist and not be
 * archived; an empty time zone becomes the assistant's; with a handbook and
 * version 0, the latest published version is pinned (a handbook never
 * published: DG_TASK_ERROR_NO_PUBLISHED_VERSION); the rule is normalised;
 * a new UID ("<uuid>@delegate") is given; sets id, uid and created-at. The
 * store keeps a reference. */
gboolean      dg_task_store_add                 (DgTaskStore   *self,
                                                 DgTask        *task,
                                                 GError       **error);
/* Validates @changes (a dg_task_copy() with the same id) and writes it; the
 * stored object takes over its values. The UID never changes. A change of
 * handbook pins that handbook's latest version; the pinned version of the
 * same handbook only changes through update_handbook_version. Changing the
 * rule, first due date, time or zone keeps each stored occurrence status
 * on its local date: it moves to the occurrence of the new schedule on the
 * same date (so a new time of day loses nothing); a status whose date is
 * no longer an occurrence is dropped — see count_dropped_statuses. */
gboolean      dg_task_store_update              (DgTaskStore   *self,
                                                 DgTask        *changes,
                                                 GError       **error);
/* Sets @n_dropped to how many stored occurrence statuses (done, skipped,
 * in progress) an update with @changes would drop, so that the window can
 * ask first (0 for a change that update would refuse). FALSE with @error
 * when the statuses cannot be read: then nobody can say, and the window
 * must not save without asking. */
gboolean      dg_task_store_count_dropped_statuses (DgTaskStore *self,
                                                 DgTask        *changes,
                                                 guint         *n_dropped,
                                                 GError       **error);
/* Pins the latest published version of the task's handbook: the explicit
 * "update to latest version". DG_TASK_ERROR_UP_TO_DATE when it already is. */
gboolean      dg_task_store_update_handbook_version (DgTaskStore *self,
                                                 DgTask        *task,
                                                 GError       **error);
/* Only while nothing refers to the task (time entries, invoices); otherwise
 * DG_TASK_ERROR_IN_USE and nothing changes: set the status CANCELLED instead.
 * Deletes its occurrence statuses with it. */
gboolean      dg_task_store_delete              (DgTaskStore   *self,
                                                 DgTask        *task,
                                                 GError       **error);

/* ---- status, per occurrence (RFC 5545 RECURRENCE-ID semantics) --------- */

typedef struct
{
  gint64        task_id;
  const char   *recurrence_id;     /* NULL or "" for the task itself (a
                                    * one-off task, or a whole series) */
  DgTaskStatus  status;
  int           percent_complete;  /* 0..100; -1: 100 when DONE, else kept */
  const char   *completed_at;      /* UTC "YYYY-MM-DDTHH:MM:SSZ"; NULL: now
                                    * when DONE, "" otherwise */
} DgTaskProgress;

/* Applies every change in one transaction, all or nothing. A recurrence id
 * must be a date of the task's rule (DG_TASK_ERROR_NO_SUCH_OCCURRENCE);
 * setting an occurrence changes that occurrence only, never another or the
 * series. SKIPPED only for an occurrence; for a series only OPEN and
 * CANCELLED (DG_TASK_ERROR_INVALID_STATUS). CANCELLED for an occurrence is
 * stored as SKIPPED (what a calendar sends back for a skipped one). An
 * occurrence set back to OPEN with 0 % has no stored status any more.
 * Of a cancelled series, the occurrences without a status of their own are
 * CANCELLED; done and skipped ones stay so. */
gboolean      dg_task_store_set_progress        (DgTaskStore          *self,
                                                 const DgTaskProgress *changes,
                                                 guint                 n_changes,
                                                 GError              **error);
/* The common case: mark @recurrence_id (NULL for a one-off task) DONE,
 * SKIPPED, OPEN, … now. */
gboolean      dg_task_store_set_status          (DgTaskStore   *self,
                                                 DgTask        *task,
                                                 const char    *recurrence_id,
                                                 DgTaskStatus   status,
                                                 GError       **error);
/* The occurrence @recurrence_id (NULL for a one-off task) with its status;
 * NULL with DG_TASK_ERROR_NO_SUCH_OCCURRENCE when the rule has no such date. */
DgTaskOccurrence *dg_task_store_get_occurrence  (DgTaskStore   *self,
                                                 DgTask        *task,
                                                 const char    *recurrence_id,
                                                 GError       **error);
/* Occurrences whose own status was stored (overrides), in date order:
 * what the calendar export writes as RECURRENCE-ID components. */
GPtrArray    *dg_task_store_list_overrides      (DgTaskStore   *self,
                                                 DgTask        *task,
                                                 GError       **error);

/* ---- agenda ------------------------------------------------------------- */

/* Every occurrence (DgTaskOccurrence *, any status) due in [@from, @to) of
 * the tasks of @assistant_id (0: all), expanded with libical, in due order
 * (ties by title). */
GPtrArray    *dg_task_store_list_occurrences    (DgTaskStore   *self,
                                                 GDateTime     *from,
                                                 GDateTime     *to,
                                                 gint64         assistant_id,
                                                 GError       **error);
/* What the Tasks page shows at @now (in the owner's zone): the overdue
 * occurrences of the last 90 days, every occurrence due from today to the
 * end of the week that starts on @week_start (cancelled ones left out),
 * and for each task that is not cancelled its first pending occurrence
 * after that week; of @assistant_id (0: all); in due order. */
GPtrArray    *dg_task_store_list_upcoming       (DgTaskStore   *self,
                                                 GDateTime     *now,
                                                 GDateWeekday   week_start,
                                                 gint64         assistant_id,
                                                 GError       **error);
/* The first pending occurrence due at or after @after, or NULL (a series
 * that has ended, or a one-off task that is done). */
DgTaskOccurrence *dg_task_store_next_occurrence (DgTaskStore   *self,
                                                 DgTask        *task,
                                                 GDateTime     *after);

G_END_DECLS
