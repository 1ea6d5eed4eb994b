/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DG_CSV_ERROR (dg_csv_error_quark ())

typedef enum
{
  DG_CSV_ERROR_ENCODING,     /* not UTF-8, or a NUL byte */
  DG_CSV_ERROR_EMPTY,        /* no header row */
  DG_CSV_ERROR_UNTERMINATED, /* a quoted field never closes */
} DgCsvError;

/* One record (row) of a CSV file. A quoted field may span several physical
 * lines; @line is the first of them (1-based, counting the header as 1). */
typedef struct
{
  guint   line;
  GStrv   fields;      /* unquoted, "" doubled quotes undone */
  guint   n_fields;
  char   *problem;     /* translated reason the row is malformed (a stray
                        * quote inside an unquoted field, text after a
                        * closing quote), or NULL */
} DgCsvRecord;

void     dg_csv_record_free        (DgCsvRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgCsvRecord, dg_csv_record_free)

GQuark   dg_csv_error_quark        (void);

/* Reads a whole CSV file (RFC 4180 and what spreadsheets write): a UTF-8
 * BOM is dropped; CRLF, LF and CR line ends; fields quoted with '"' may hold
 * separators, doubled quotes and line breaks; completely empty lines are
 * skipped. The separator is found from the header row (the first record):
 * whichever of ',', ';' and TAB occurs most often outside quotes (',' on a
 * tie). Returns every record, header first (DgCsvRecord *, owned), and sets
 * @out_separator. Fails only for a file that cannot be CSV at all:
 * invalid UTF-8 or NUL (naming the line), no header, or a quote left open
 * at the end of the file (naming the line it opened on). */
GPtrArray *dg_csv_parse            (const char  *data,
                                    gsize        length,
                                    char        *out_separator,
                                    GError     **error);

G_END_DECLS
