/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* How a document kind remembers the settings of its last print in this
 * session, so that its next print starts where the last one ended. */
typedef struct
{
  GtkPrintSettings *settings;
  /* FALSE when each document brings its own paper (an invoice), so that
   * only the printer and copies carry over. */
  gboolean          keep_paper;
} DgPrintMemory;

/* A print operation for a document titled @title (the job's name and
 * what an error names), laid out on the whole sheet in points as its PDF
 * is, starting from @memory's settings. @job is the caller's state for its
 * own "begin-print" and "draw-page" handlers, freed with @job_free when
 * the operation goes. @parent is held weakly: a dialog may outlive it. */
GtkPrintOperation       *dg_print_run_new_operation (GtkWindow               *parent,
                                                     const char              *title,
                                                     DgPrintMemory           *memory,
                                                     gpointer                 job,
                                                     GDestroyNotify           job_free);
/* Runs @operation with @action and no dialog of its own; with
 * GTK_PRINT_OPERATION_ACTION_EXPORT it writes @export_filename. */
GtkPrintOperationResult  dg_print_run_run           (GtkPrintOperation       *operation,
                                                     GtkPrintOperationAction  action,
                                                     const char              *export_filename,
                                                     GError                 **error);
/* Opens the print dialog for @operation without blocking the main loop;
 * a print that goes ahead is remembered in its DgPrintMemory, a failure
 * is shown in a dialog on the parent. */
void                     dg_print_run_show_dialog   (GtkPrintOperation       *operation);
/* A message dialog on @parent (which may be NULL) with a Close button. */
void                     dg_print_run_show_error    (GtkWindow               *parent,
                                                     const char              *heading,
                                                     const char              *message);

G_END_DECLS
