/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-task-store.h"

G_BEGIN_DECLS

/* Reading back the assistant's copy of an exported calendar: STATUS,
 * COMPLETED and PERCENT-COMPLETE of each VTODO are applied by UID to the
 * task, or with RECURRENCE-ID to that one occurrence (its wall clock in
 * the task's zone, or the instant it is due at when written in UTC or
 * another zone; a DATE names that day's occurrence). An explicit STATUS
 * decides; PERCENT-COMPLETE:100 or COMPLETED mean done only without one.
 * Two steps: prepare
 * reads the file and works out the changes without touching anything (the
 * preview), apply writes them in one transaction. */

/* Errors of dg_calendar_import_apply() besides the store's own. */
#define DG_CALENDAR_IMPORT_ERROR (dg_calendar_import_error_quark ())

typedef enum
{
  DG_CALENDAR_IMPORT_ERROR_CHANGED,  /* a task changed after prepare */
} DgCalendarImportError;

GQuark dg_calendar_import_error_quark (void);

/* One change the import would make. */
typedef struct
{
  guint         line;             /* of the VTODO's BEGIN */
  char         *uid;
  gint64        task_id;
  char         *title;            /* the task's title in Delegate */
  char         *recurrence_id;    /* "" for the task itself */
  GDateTime    *due;              /* the occurrence's due, task's zone */
  DgTaskStatus  old_status;
  DgTaskStatus  new_status;
  int           old_percent;
  int           new_percent;
  char         *completed_at;     /* UTC, "" when not done */
} DgCalendarChange;

/* A VTODO the import leaves alone, with the reason: an unknown UID (never
 * created: the import only updates), a date that is not an occurrence of
 * the task, a RECURRENCE-ID for this and all later dates
 * (RANGE=THISANDFUTURE), a status Delegate cannot take. */
typedef struct
{
  guint  line;                    /* of the property the reason is about
                                   * (RECURRENCE-ID, STATUS), else of the
                                   * VTODO's BEGIN */
  char  *uid;
  char  *summary;
  char  *reason;                  /* translated sentence */
} DgCalendarSkipped;

void dg_calendar_change_free  (DgCalendarChange  *change);
void dg_calendar_skipped_free (DgCalendarSkipped *skipped);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgCalendarChange, dg_calendar_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgCalendarSkipped, dg_calendar_skipped_free)

#define DG_TYPE_CALENDAR_IMPORT (dg_calendar_import_get_type ())
G_DECLARE_FINAL_TYPE (DgCalendarImport, dg_calendar_import, DG, CALENDAR_IMPORT, GObject)

/* Reads @data with dg_ical_document_read() and compares every VTODO with
 * the tasks in @tasks. A malformed file fails with its DG_ICAL_ERROR ("Line
 * N: …"); a file without any VTODO is not an error (it has nothing to
 * apply; see get_n_ignored). Nothing is written. */
DgCalendarImport *dg_calendar_import_prepare   (DgTaskStore      *tasks,
                                                const char       *data,
                                                gssize            length,
                                                GError          **error);
DgCalendarImport *dg_calendar_import_prepare_file (DgTaskStore   *tasks,
                                                   GFile         *file,
                                                   GError       **error);
/* DgCalendarChange *, in file order; VTODOs whose status already matches
 * are not listed. */
GPtrArray        *dg_calendar_import_get_changes (DgCalendarImport *self);
/* DgCalendarSkipped *, in file order. */
GPtrArray        *dg_calendar_import_get_skipped (DgCalendarImport *self);
/* Components other than VTODO (VEVENT, VJOURNAL …), which this import does
 * not read. */
guint             dg_calendar_import_get_n_ignored (DgCalendarImport *self);
/* A translated one-paragraph summary for the preview and the command line:
 * "1 task will change. 3 dates of 2 repeating tasks will change. 1 task in
 * the file is not in Delegate and will not be created." (unknown tasks
 * counted by UID) / "Nothing to change: …". */
char             *dg_calendar_import_describe    (DgCalendarImport *self);
/* Applies the changes in one transaction (dg_task_store_set_progress). A
 * task changed in between so that a change no longer applies makes the
 * whole import fail, with nothing written. */
gboolean          dg_calendar_import_apply       (DgCalendarImport *self,
                                                  GError          **error);

G_END_DECLS
