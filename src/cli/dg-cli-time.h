/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-cli-common.h"
#include "dg-time-entry.h"

G_BEGIN_DECLS

/* “delegate-cli time …”: add, list, change and delete hours, and import
 * them from a time tracker's CSV export or a calendar file. */
int       dg_cli_time_run                (DgCli              *cli,
                                          const DgCliCommand *command,
                                          int                 argc,
                                          char              **argv);

/* Shared with “timesheet …”, so that an entry reads the same in both. */

/* The members of one entry's JSON object (the caller opens and closes it). */
void      dg_cli_time_add_entry_json     (JsonBuilder        *builder,
                                          DgTimeEntry        *entry);
/* A DgCliJsonObjectFunc: the members of entry @index of @entries, a
 * GPtrArray of DgTimeEntry. */
void      dg_cli_time_add_listed_entry_json (JsonBuilder     *builder,
                                             guint            index,
                                             gpointer         entries);
/* The local start time in the assistant's zone: "09:00". */
char     *dg_cli_time_format_start       (DgTimeEntry        *entry);
/* The state for a table: “Approved”, or “Rejected: reason”. */
char     *dg_cli_time_format_state       (DgTimeEntry        *entry);
/* @text on one line, for a table cell. */
char     *dg_cli_time_one_line           (const char         *text);
/* A valid YYYY-MM-DD as a GDate; a translated sentence otherwise. */
gboolean  dg_cli_time_parse_date         (const char         *text,
                                          GDate              *out_date,
                                          GError            **error);

G_END_DECLS
