/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-timesheet-store.h"

G_BEGIN_DECLS

#define DG_TIME_IMPORT_ERROR (dg_time_import_error_quark ())

typedef enum
{
  DG_TIME_IMPORT_ERROR_UNREADABLE,     /* not CSV or iCalendar at all (message names the line) */
  DG_TIME_IMPORT_ERROR_NEEDS_MAPPING,  /* a CSV whose header no known tool writes: map its columns */
  DG_TIME_IMPORT_ERROR_BAD_MAPPING,    /* the mapping lacks the date or the duration */
  DG_TIME_IMPORT_ERROR_BAD_LINES,      /* apply refused: the file has bad lines */
  DG_TIME_IMPORT_ERROR_NOTHING,        /* apply refused: nothing to add */
} DgTimeImportError;

GQuark dg_time_import_error_quark (void);

typedef enum
{
  DG_TIME_IMPORT_FORMAT_NONE,       /* before prepare, or CSV awaiting a mapping */
  DG_TIME_IMPORT_FORMAT_TOGGL,      /* Toggl Track detailed report */
  DG_TIME_IMPORT_FORMAT_CLOCKIFY,   /* Clockify detailed report */
  DG_TIME_IMPORT_FORMAT_KIMAI,      /* Kimai timesheet export */
  DG_TIME_IMPORT_FORMAT_HARVEST,    /* Harvest detailed time report */
  DG_TIME_IMPORT_FORMAT_MAPPED_CSV, /* any other CSV, through a column mapping */
  DG_TIME_IMPORT_FORMAT_ICALENDAR,  /* VEVENTs as time logs */
} DgTimeImportFormat;

/* "Toggl Track", "Clockify", … (product names are not translated; "CSV
 * File" and "Calendar File" are). */
const char *dg_time_import_format_get_label  (DgTimeImportFormat format);
/* The entries' source: "toggl", "clockify", "kimai", "harvest", "csv",
 * "ical". */
const char *dg_time_import_format_get_source (DgTimeImportFormat format);

/* The fields a mapped CSV provides. */
typedef enum
{
  DG_TIME_COLUMN_DATE,        /* required: the day (may also hold the time) */
  DG_TIME_COLUMN_START_TIME,
  DG_TIME_COLUMN_END_TIME,
  DG_TIME_COLUMN_DURATION,    /* required unless start and end time are mapped */
  DG_TIME_COLUMN_NOTE,
  DG_TIME_COLUMN_TASK,        /* matched to the assistant's task titles */
  DG_TIME_COLUMN_PERSON,      /* name or e-mail of the assistant */
  DG_TIME_COLUMN_COUNT,
} DgTimeColumn;

/* Translated: "Date", "Start Time", … */
const char *dg_time_column_get_label (DgTimeColumn column);

typedef enum
{
  DG_DATE_ORDER_YMD,   /* 2026-03-02, 2026/03/02 */
  DG_DATE_ORDER_DMY,   /* 02.03.2026, 02/03/2026 */
  DG_DATE_ORDER_MDY,   /* 03/02/2026 (US) */
} DgDateOrder;

typedef struct
{
  int         columns[DG_TIME_COLUMN_COUNT];  /* 0-based column, -1: none */
  DgDateOrder date_order;
} DgTimeColumnMapping;

/* A first guess from the header's names (English and German: "Date",
 * "Datum", "Duration", "Dauer", "Hours", "Stunden", "Description",
 * "Notes", "Task", "Aufgabe", "User", "E-Mail", …) and, for the date order,
 * from nothing (YMD); the mapping step shows it for the owner to correct.
 * Returns whether the required columns were all found. */
gboolean    dg_time_column_mapping_guess (const char * const  *header,
                                          DgTimeColumnMapping *out_mapping);

/* What the preview shows for each row (CSV) or VEVENT (iCalendar). */
typedef enum
{
  DG_TIME_IMPORT_ROW_ADD,        /* will be added */
  DG_TIME_IMPORT_ROW_DUPLICATE,  /* imported before (or twice in the file): left out */
  DG_TIME_IMPORT_ROW_IGNORED,    /* nothing to import, not an error: a zero-length
                                  * entry, an all-day or cancelled event, a row
                                  * edited since it was imported, … */
  DG_TIME_IMPORT_ROW_BAD,        /* an error: the import cannot be applied */
} DgTimeImportRowKind;

typedef struct
{
  guint                line;     /* physical line of the row (of BEGIN:VEVENT) */
  DgTimeImportRowKind  kind;
  DgTimeEntry         *entry;    /* ADD and DUPLICATE: the entry, not stored
                                  * (assistant, task, start, zone, minutes,
                                  * note, source, external id, and the
                                  * display names); else NULL */
  char                *text;     /* the row as the file has it, shortened
                                  * for display */
  char                *reason;   /* translated; NULL for ADD */
} DgTimeImportRow;

void dg_time_import_row_free (DgTimeImportRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgTimeImportRow, dg_time_import_row_free)

#define DG_TYPE_TIME_IMPORT (dg_time_import_get_type ())
G_DECLARE_FINAL_TYPE (DgTimeImport, dg_time_import, DG, TIME_IMPORT, GObject)

/* Importing hours from a file, in two steps: prepare reads it and builds
 * the preview without writing anything; apply adds the entries in one
 * transaction, all or nothing.
 *
 * Who: a row's person (e-mail first, then name, ignoring case) picks the
 * assistant; a row that names nobody known goes to the default assistant,
 * or is a bad line when there is none. Times without an offset are the
 * assistant's local time (one the clocks skip there is a bad line: the
 * file and the zone disagree; one they have twice is read as GLib does;
 * a row with a date but no time starts at 09:00). What: a row's task
 * (or, failing that, its description) equal to the title of one of the
 * assistant's tasks links the entry to it. Durations are rounded to whole minutes
 * (dg_duration_seconds_to_minutes); under half a minute is IGNORED.
 * Recognising again: the external id is the tool's own id where the file
 * has one (iCalendar UID and RECURRENCE-ID), otherwise a digest of the
 * row's assistant, start, duration and text, with a counter for identical
 * rows, so that the same file gives the same ids. A row with a start time
 * (not a day only) whose assistant has an entry from the same tool starting
 * the same minute under another id is that entry edited in the tool since:
 * IGNORED, its reason pointing to the stored entry to correct instead. */
DgTimeImport       *dg_time_import_new                  (DgTimesheetStore          *store);
void                dg_time_import_set_default_assistant (DgTimeImport             *self,
                                                         gint64                    assistant_id);
/* For a CSV the header of which is not recognised; NULL clears it. */
void                dg_time_import_set_mapping          (DgTimeImport              *self,
                                                         const DgTimeColumnMapping *mapping);
/* How the slash dates (03/04/2024, 03-04-2024) of a recognised tool's
 * export are read: DG_DATE_ORDER_DMY or _MDY as the owner chose, or
 * DG_DATE_ORDER_YMD (the default), which chooses nothing: the file's dates
 * decide (a first part above 12 means day first, a second part above 12
 * month first), and where none does, the tool's usual order is used and
 * dg_time_import_get_date_order_guessed() says so. Kept for later prepare
 * calls. A mapped CSV reads its dates in the mapping's date_order instead. */
void                dg_time_import_set_date_order       (DgTimeImport              *self,
                                                         DgDateOrder                order);
/* After prepare: TRUE when the file's slash dates could be read day first
 * or month first and neither the owner (set_date_order) nor the file
 * settled which, so that they were read in the tool's usual order
 * (dg_time_import_describe() says which). The preview should then offer the
 * choice and prepare again. FALSE for files whose dates are unambiguous. */
gboolean            dg_time_import_get_date_order_guessed (DgTimeImport            *self);
/* After prepare: the order slash dates were read in: for a recognised
 * tool's export DMY or MDY (also when guessed, so that a choice offered can
 * show it; the tool's usual one when the file has no slash dates), for a
 * mapped CSV the mapping's date_order, YMD for a calendar. */
DgDateOrder         dg_time_import_get_date_order       (DgTimeImport              *self);
/* Reads @data: iCalendar when it begins with BEGIN:VCALENDAR (after an
 * optional BOM), CSV otherwise, recognised by its header. Fails with
 * UNREADABLE (invalid UTF-8, NUL, a quote never closed, a malformed
 * calendar: with the line), NEEDS_MAPPING (get_header then has the
 * columns) or BAD_MAPPING. Bad rows are not a failure: they are rows of
 * kind BAD. */
gboolean            dg_time_import_prepare              (DgTimeImport              *self,
                                                         const char                *data,
                                                         gsize                      length,
                                                         GError                   **error);
gboolean            dg_time_import_prepare_file         (DgTimeImport              *self,
                                                         GFile                     *file,
                                                         GError                   **error);
DgTimeImportFormat  dg_time_import_get_format           (DgTimeImport              *self);
/* The CSV header's column names (after prepare, also when it failed with
 * NEEDS_MAPPING); NULL for iCalendar. */
const char * const *dg_time_import_get_header           (DgTimeImport              *self);
/* DgTimeImportRow *, in file order. */
GPtrArray          *dg_time_import_get_rows             (DgTimeImport              *self);
guint               dg_time_import_count_rows           (DgTimeImport              *self,
                                                         DgTimeImportRowKind        kind);
/* Something to add and no bad row. */
gboolean            dg_time_import_can_apply            (DgTimeImport              *self);
/* A translated paragraph: "12 entries (18:30 hours) will be added from a
 * Toggl Track export. 2 were imported before. 1 line has an error: fix the
 * file and import it again; nothing is added until it imports cleanly." */
char               *dg_time_import_describe             (DgTimeImport              *self);
/* Adds the ADD rows' entries (dg_timesheet_store_add_entries). Refused
 * with BAD_LINES when any row is bad, NOTHING when there is nothing to
 * add; entries that became duplicates since prepare are left out. */
gboolean            dg_time_import_apply                (DgTimeImport              *self,
                                                         guint                     *n_added,
                                                         GError                   **error);

G_END_DECLS
