/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-handbook-printing"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-handbook-export.h"
#include "dg-handbook-printing-private.h"
#include "dg-print-run.h"
#include "dg-window.h"

/* The settings of the last print in this session (printer, copies, paper),
 * so that printing a second handbook starts where the first one ended. */
static DgPrintMemory print_memory = { NULL, TRUE };
/* Set by tests in place of the file chooser of dg_handbook_export(). */
static GFile *test_export_file;

typedef struct
{
  DgHandbook       *handbook;
  DgHandbookLayout *layout;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->layout, dg_handbook_layout_free);
  g_clear_object (&job->handbook);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  /* Laid out again for each run: the user may have picked another paper
   * size in the dialog. */
  g_clear_pointer (&job->layout, dg_handbook_layout_free);
  job->layout = dg_handbook_layout_new (job->handbook,
                                        gtk_print_context_get_cairo_context (context),
                                        gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, dg_handbook_layout_get_n_pages (job->layout));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  g_assert (job->layout != NULL);

  dg_handbook_layout_draw_page (job->layout, gtk_print_context_get_cairo_context (context), page);
}

static void
on_end_print (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              PrintJob          *job)
{
  g_clear_pointer (&job->layout, dg_handbook_layout_free);
}

/* The operation both the dialog and the export to a file run: the same
 * page callbacks either way. */
static GtkPrintOperation *
create_operation (GtkWindow  *parent,
                  DgHandbook *handbook)
{
  GtkPrintOperation *operation;
  PrintJob *job = g_new0 (PrintJob, 1);

  job->handbook = g_object_ref (handbook);
  operation = dg_print_run_new_operation (parent, dg_handbook_get_display_title (handbook),
                                          &print_memory, job, (GDestroyNotify) print_job_free);
  /* The paper is picked in the dialog; the layout follows it. */
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "end-print", G_CALLBACK (on_end_print), job);
  return operation;
}

GtkPrintOperationResult
dg_handbook_print_run (GtkWindow                *parent,
                       DgHandbook               *handbook,
                       GtkPrintOperationAction   action,
                       const char               *export_filename,
                       GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  operation = create_operation (parent, handbook);
  return dg_print_run_run (operation, action, export_filename, error);
}

void
dg_handbook_print (GtkWindow  *parent,
                   DgHandbook *handbook)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (DG_IS_HANDBOOK (handbook));

  operation = create_operation (parent, handbook);
  dg_print_run_show_dialog (operation);
}

gboolean
dg_handbook_export_write (DgHandbook  *handbook,
                          GFile       *file,
                          gboolean     as_pdf,
                          GError     **error)
{
  g_autofree char *markdown = NULL;

  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (as_pdf)
    {
      g_autofree char *path = g_file_get_path (file);

      g_autoptr(GError) local_error = NULL;

      /* A print operation exports to a path only. */
      if (path == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A PDF can only be saved in a folder on this computer. Choose a local folder and try again."));
          return FALSE;
        }
      /* The same print operation as the Print dialog, so that the PDF is
       * exactly what would be printed; the file is already chosen, so no
       * dialog. */
      if (dg_handbook_print_run (NULL, handbook, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &local_error)
          == GTK_PRINT_OPERATION_RESULT_APPLY)
        return TRUE;
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The PDF could not be written. Check that the folder exists and can be written to, then try again."));
      return FALSE;
    }

  markdown = dg_handbook_to_markdown (handbook);
  return g_file_replace_contents (file, markdown, strlen (markdown), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

typedef struct
{
  DgHandbook *handbook;
  GtkWindow  *parent;     /* weak: the window may close while the chooser is open */
  gboolean    as_pdf;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->handbook);
  g_clear_weak_pointer (&job->parent);
  g_free (job);
}

static void
export_to_file (ExportJob *job,
                GFile     *file)
{
  g_autoptr(GError) error = NULL;

  if (!dg_handbook_export_write (job->handbook, file, job->as_pdf, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), dg_handbook_get_display_title (job->handbook));

      dg_print_run_show_error (job->parent, heading, error->message);
    }
  else if (job->parent != NULL && DG_IS_WINDOW (job->parent))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display_name = g_filename_display_name (name);
      /* Translators: a file name */
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), display_name);

      dg_window_add_toast (DG_WINDOW (job->parent), adw_toast_new (title));
    }
}

static void
on_export_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            ExportJob       *job)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    export_to_file (job, file);

  /* The reference taken when the chooser was shown. */
  g_object_unref (chooser);
}

void
dg_handbook_export_set_test_file (GFile *file)
{
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&test_export_file, file);
}

static char *
suggested_name (DgHandbook *handbook,
                gboolean    as_pdf)
{
  g_autofree char *base = g_strstrip (g_strdup (dg_handbook_get_display_title (handbook)));

  /* A title may hold characters a file name cannot. */
  g_strdelimit (base, "/\\:", '-');
  return g_strconcat (*base != '\0' ? base : _("Handbook"), as_pdf ? ".pdf" : ".md", NULL);
}

void
dg_handbook_export (GtkWindow  *parent,
                    DgHandbook *handbook,
                    gboolean    as_pdf)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  ExportJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (DG_IS_HANDBOOK (handbook));

  if (test_export_file != NULL)
    {
      ExportJob test_job = { handbook, NULL, as_pdf };

      export_to_file (&test_job, test_export_file);
      return;
    }

  chooser = gtk_file_chooser_native_new (as_pdf ? _("Export as PDF") : _("Export as Markdown"),
                                         parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = suggested_name (handbook, as_pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  if (as_pdf)
    {
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Markdown Documents"));
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_suffix (filter, "md");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  job = g_new0 (ExportJob, 1);
  job->handbook = g_object_ref (handbook);
  job->as_pdf = as_pdf;
  g_set_weak_pointer (&job->parent, parent);
  g_object_set_data_full (G_OBJECT (chooser), "dg-export-job", job, (GDestroyNotify) export_job_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
