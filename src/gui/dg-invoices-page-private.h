/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-invoices-page.h"

G_BEGIN_DECLS

/* Whether the list was ever read: not before the page is first shown. */
gboolean    dg_invoices_page_get_loaded    (DgInvoicesPage *self);
/* The invoices listed (DgInvoice), in order. */
GListModel *dg_invoices_page_get_invoices  (DgInvoicesPage *self);
/* The invoice in the detail, as last read, or NULL. */
DgInvoice  *dg_invoices_page_get_shown     (DgInvoicesPage *self);
/* The lines of the invoice in the detail (DgInvoiceLineItem). */
GListModel *dg_invoices_page_get_lines     (DgInvoicesPage *self);
/* Chooses the line at @position for invoices.remove-line. */
void        dg_invoices_page_select_line   (DgInvoicesPage *self,
                                            guint           position);
/* What invoices.export-pdf writes once the chooser answered: the invoice
 * in the detail, to @file. */
gboolean    dg_invoices_page_export_to     (DgInvoicesPage *self,
                                            GFile          *file,
                                            GError        **error);

G_END_DECLS
