/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-invoice-printing"

#include <glib/gi18n.h>

#include "dg-invoice-document.h"
#include "dg-invoice-printing-private.h"
#include "dg-print-run.h"
#include "dg-window.h"

/* The printer and copies of the last print in this session, so that the
 * next invoice starts where the last one ended; not its paper, which
 * each invoice brings. */
static DgPrintMemory print_memory = { NULL, FALSE };

typedef struct
{
  DgInvoice         *invoice;
  DgInvoiceDocument *document;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->document);
  g_clear_object (&job->invoice);
  g_free (job);
}

/* "Invoice 2026-0001", "Cancellation ST-2026-0001" or "Draft Invoice". */
static char *
display_name (DgInvoice *invoice)
{
  const char *number = dg_invoice_get_number (invoice);

  if (number[0] == '\0')
    return g_strdup (_("Draft Invoice"));
  if (dg_invoice_get_kind (invoice) == DG_INVOICE_KIND_CANCELLATION)
    /* Translators: %s is the number of a cancellation invoice */
    return g_strdup_printf (_("Cancellation %s"), number);
  /* Translators: %s is an invoice number */
  return g_strdup_printf (_("Invoice %s"), number);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  /* Laid out on the invoice's own paper, as the stored PDF is: a printer
   * with other paper gets the same pages scaled to fit. */
  if (job->document == NULL)
    job->document = dg_invoice_document_new (job->invoice);
  gtk_print_operation_set_n_pages (operation, (int) dg_invoice_document_get_n_pages (job->document));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;
  double scale;

  g_assert (job->document != NULL);
  g_assert (page >= 0);

  dg_invoice_document_get_page_size (job->document, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  if (scale < 1.0)
    cairo_scale (cr, scale, scale);
  dg_invoice_document_draw_page (job->document, cr, (guint) page);
  cairo_restore (cr);
}

/* The operation both the dialog and the export to a file run: the same
 * page callbacks either way. */
static GtkPrintOperation *
create_operation (GtkWindow *parent,
                  DgInvoice *invoice)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *name = display_name (invoice);
  PrintJob *job = g_new0 (PrintJob, 1);

  job->invoice = g_object_ref (invoice);
  operation = dg_print_run_new_operation (parent, name, &print_memory, job, (GDestroyNotify) print_job_free);

  paper = gtk_paper_size_new (dg_invoice_get_paper (invoice) == DG_PAPER_LETTER
                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  return operation;
}

GtkPrintOperationResult
dg_invoice_print_run (GtkWindow                *parent,
                      DgInvoice                *invoice,
                      GtkPrintOperationAction   action,
                      const char               *export_filename,
                      GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (DG_IS_INVOICE (invoice), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  operation = create_operation (parent, invoice);
  return dg_print_run_run (operation, action, export_filename, error);
}

void
dg_invoice_print (GtkWindow *parent,
                  DgInvoice *invoice)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (DG_IS_INVOICE (invoice));

  operation = create_operation (parent, invoice);
  dg_print_run_show_dialog (operation);
}

gboolean
dg_invoice_export_write (DgInvoiceStore  *store,
                         DgInvoice       *invoice,
                         GFile           *file,
                         GError         **error)
{
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (DG_IS_INVOICE_STORE (store), FALSE);
  g_return_val_if_fail (DG_IS_INVOICE (invoice), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (dg_invoice_get_state (invoice) == DG_INVOICE_STATE_DRAFT)
    {
      g_autoptr(DgInvoiceDocument) document = dg_invoice_document_new (invoice);

      pdf = dg_invoice_document_render_pdf (document, error);
    }
  else
    pdf = dg_invoice_store_get_pdf (store, dg_invoice_get_id (invoice), error);
  if (pdf == NULL)
    return FALSE;

  return g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

char *
dg_invoice_export_suggest_name (DgInvoice *invoice)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (DG_IS_INVOICE (invoice), NULL);

  name = display_name (invoice);
  /* A number pattern may hold "/", which a file name cannot. */
  g_strdelimit (name, "/\\:", '-');
  return g_strconcat (name, ".pdf", NULL);
}

typedef struct
{
  DgInvoiceStore *store;
  DgInvoice      *invoice;
  GtkWindow      *parent;     /* weak: the window may close while the chooser is open */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->invoice);
  g_clear_weak_pointer (&job->parent);
  g_free (job);
}

static void
on_export_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            ExportJob       *job)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && !dg_invoice_export_write (job->store, job->invoice, file, &error))
    {
      g_autofree char *name = display_name (job->invoice);
      /* Translators: %s is "Invoice 2026-0001" or "Draft Invoice" */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

      dg_print_run_show_error (job->parent, heading, error->message);
    }
  else if (file != NULL && job->parent != NULL && DG_IS_WINDOW (job->parent))
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (basename);
      /* Translators: a file name */
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), display);

      dg_window_add_toast (DG_WINDOW (job->parent), adw_toast_new (title));
    }

  /* The reference taken when the chooser was shown. */
  g_object_unref (chooser);
}

void
dg_invoice_export (GtkWindow      *parent,
                   DgInvoiceStore *store,
                   DgInvoice      *invoice)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  ExportJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (DG_IS_INVOICE_STORE (store));
  g_return_if_fail (DG_IS_INVOICE (invoice));

  chooser = gtk_file_chooser_native_new (_("Export as PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = dg_invoice_export_suggest_name (invoice);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  job = g_new0 (ExportJob, 1);
  job->store = g_object_ref (store);
  job->invoice = g_object_ref (invoice);
  g_set_weak_pointer (&job->parent, parent);
  g_object_set_data_full (G_OBJECT (chooser), "dg-export-job", job, (GDestroyNotify) export_job_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
