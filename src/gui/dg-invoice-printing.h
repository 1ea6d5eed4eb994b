/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-invoice-store.h"

G_BEGIN_DECLS

/* Opens the print dialog (with preview and "Print to File") for @invoice,
 * drawn as its DgInvoiceDocument on the invoice's paper; failures are
 * shown in a dialog on @parent. */
void     dg_invoice_print        (GtkWindow       *parent,
                                  DgInvoice       *invoice);
/* Asks where to save @invoice as PDF, then writes it with
 * dg_invoice_export_write(); failures are shown in a dialog on @parent,
 * success in a toast when @parent is the main window. */
void     dg_invoice_export       (GtkWindow       *parent,
                                  DgInvoiceStore  *store,
                                  DgInvoice       *invoice);
/* Writes @invoice to @file as PDF: an issued (paid, cancelled) invoice or
 * a cancellation as the PDF stored when it was issued, byte for byte, so
 * that every copy is the same document; a draft as a preview rendered
 * now, marked as a draft across every page. */
gboolean dg_invoice_export_write (DgInvoiceStore  *store,
                                  DgInvoice       *invoice,
                                  GFile           *file,
                                  GError         **error);
/* A file name to suggest for @invoice: "Invoice 2026-0001.pdf". */
char    *dg_invoice_export_suggest_name (DgInvoice *invoice);

G_END_DECLS
