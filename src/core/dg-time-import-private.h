/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-csv.h"
#include "dg-time-import.h"

G_BEGIN_DECLS

/* A wall-clock time without a zone, as most trackers write it: it becomes
 * an instant only in the assistant's zone, which the importer knows once
 * it has found the assistant. */
typedef struct
{
  gboolean set;
  int      year, month, day;
  int      hour, minute, second;
} DgLocalTime;

/* What the readers (dg-time-import-csv.c, dg-time-import-ical.c) make of
 * one row or VEVENT, before dg-time-import.c finds its assistant and task
 * and turns it into an entry. A reader that already knows the row is bad
 * or has nothing to import sets @kind and @reason; the rest is then not
 * read. */
typedef struct
{
  guint                line;
  char                *text;         /* for display, shortened */
  DgTimeImportRowKind  kind;         /* ADD: not decided yet */
  char                *reason;

  GPtrArray           *emails;       /* char *: who, in the file's order */
  GPtrArray           *names;        /* char * */

  GDateTime           *start;        /* an instant the file states, or NULL … */
  DgLocalTime          local_start;  /* … a wall clock of the assistant's zone */
  GDateTime           *end;          /* likewise for the end, when there is one */
  DgLocalTime          local_end;
  gint64               seconds;      /* the file's duration; -1: end − start */

  char                *task;         /* the file's task, or NULL */
  char                *description;  /* matched to a task when @task is not */
  char                *note;
  char                *external_id;  /* the file's own id, or NULL: a digest */
  gboolean             day_only;     /* the file has a day but no time: the start
                                      * is made up (DAY_ONLY_START_HOUR) */
} DgTimeImportCandidate;

DgTimeImportCandidate *_dg_time_import_candidate_new  (guint                  line,
                                                       char                  *text);
void                   _dg_time_import_candidate_free (DgTimeImportCandidate *candidate);
/* Sets @kind (IGNORED or BAD) and takes @reason. */
void                   _dg_time_import_candidate_set  (DgTimeImportCandidate *candidate,
                                                       DgTimeImportRowKind    kind,
                                                       char                  *reason);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgTimeImportCandidate, _dg_time_import_candidate_free)

/* "text…": at most @max_chars characters, line breaks as spaces. */
char                  *_dg_time_import_shorten        (const char            *text,
                                                       guint                  max_chars);

/* ---- CSV (dg-time-import-csv.c) ----------------------------------------- */

/* How a file's slash dates were read. */
typedef struct
{
  DgDateOrder  order;        /* YMD: per date, ambiguous ones are bad lines */
  gboolean     guessed;      /* neither the owner nor the file settled @order */
  char        *example;      /* when guessed: a date of the file that the two
                              * orders read differently, as the file has it … */
  char        *example_read; /* … and as it was read, 2024-03-04 */
} DgTimeImportDateReading;

void                   _dg_time_import_date_reading_clear (DgTimeImportDateReading *reading);

/* The tool whose export has @header (MAPPED_CSV for none). */
DgTimeImportFormat     _dg_time_import_csv_recognize  (const char * const    *header);
/* Reads the records after the header (@records[0]) of a file of @format
 * (with @mapping for MAPPED_CSV) into DgTimeImportCandidate * added to
 * @candidates. A tool's slash dates are read in @date_order, or with YMD in
 * the order the file's dates settle, else the tool's usual one; @out_reading
 * says which. Fails only with BAD_MAPPING. */
gboolean               _dg_time_import_csv_read       (DgTimeImportFormat          format,
                                                       const DgTimeColumnMapping  *mapping,
                                                       DgDateOrder                 date_order,
                                                       GPtrArray                  *records,
                                                       char                        separator,
                                                       GPtrArray                  *candidates,
                                                       DgTimeImportDateReading    *out_reading,
                                                       GError                    **error);

/* ---- iCalendar (dg-time-import-ical.c) ---------------------------------- */

/* Reads the VEVENTs of @data into @candidates. Fails with UNREADABLE, with
 * the line, for a file dg_ical_document_read() refuses. */
gboolean               _dg_time_import_ical_read      (const char            *data,
                                                       gsize                  length,
                                                       GPtrArray             *candidates,
                                                       GError               **error);

G_END_DECLS
