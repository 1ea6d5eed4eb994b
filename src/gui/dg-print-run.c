/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-print-run"

#include <glib/gi18n.h>

#include "dg-print-run.h"

/* What every print needs besides its document's own job. */
typedef struct
{
  char          *title;
  DgPrintMemory *memory;
  GtkWindow     *parent;        /* weak: the dialog may outlive it */
  gboolean       error_shown;
} PrintRun;

static void
print_run_free (PrintRun *run)
{
  g_free (run->title);
  g_clear_weak_pointer (&run->parent);
  g_free (run);
}

static PrintRun *
get_print_run (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), "dg-print-run");
}

void
dg_print_run_show_error (GtkWindow  *parent,
                         const char *heading,
                         const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (message != NULL);

  dialog = adw_message_dialog_new (parent, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Both the immediate failure and the one "done" reports may arrive for
 * one run; the user is told once. */
static void
show_print_error (PrintRun     *run,
                  const GError *error)
{
  g_autofree char *heading = NULL;

  if (run->error_shown)
    return;
  run->error_shown = TRUE;
  /* Translators: %s is what is printed: "Invoice 2026-0001", "Draft Invoice" or a handbook's title */
  heading = g_strdup_printf (_("Could Not Print “%s”"), run->title);
  dg_print_run_show_error (run->parent, heading, error->message);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintRun                *run)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (operation));

      if (!run->memory->keep_paper)
        {
          gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_PAPER_FORMAT);
          gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_PAPER_WIDTH);
          gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_PAPER_HEIGHT);
        }
      g_set_object (&run->memory->settings, settings);
    }

  /* Asked only after a failure: GTK 4.8 propagates a NULL error with a
   * critical warning after a print that was cancelled or went ahead. */
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    show_print_error (run, error);
}

GtkPrintOperation *
dg_print_run_new_operation (GtkWindow      *parent,
                            const char     *title,
                            DgPrintMemory  *memory,
                            gpointer        job,
                            GDestroyNotify  job_free)
{
  GtkPrintOperation *operation;
  PrintRun *run;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (memory != NULL, NULL);

  operation = gtk_print_operation_new ();
  run = g_new0 (PrintRun, 1);
  run->title = g_strdup (title);
  run->memory = memory;
  g_set_weak_pointer (&run->parent, parent);
  g_object_set_data_full (G_OBJECT (operation), "dg-print-run", run, (GDestroyNotify) print_run_free);
  g_object_set_data_full (G_OBJECT (operation), "dg-print-job", job, job_free);

  gtk_print_operation_set_job_name (operation, title);
  /* Documents place everything on the whole sheet, in points, as in their
   * PDF: the printed page and the PDF look the same. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (memory->settings != NULL)
    gtk_print_operation_set_print_settings (operation, memory->settings);
  return operation;
}

GtkPrintOperationResult
dg_print_run_run (GtkPrintOperation        *operation,
                  GtkPrintOperationAction   action,
                  const char               *export_filename,
                  GError                  **error)
{
  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (get_print_run (operation) != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  return gtk_print_operation_run (operation, action, get_print_run (operation)->parent, error);
}

void
dg_print_run_show_dialog (GtkPrintOperation *operation)
{
  g_autoptr(GError) error = NULL;
  PrintRun *run;
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (get_print_run (operation) != NULL);

  run = get_print_run (operation);
  /* The dialog must not block the window's main loop: the result arrives
   * in "done". */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), run);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, run->parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_print_error (run, error);
}
