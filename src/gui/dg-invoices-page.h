/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-assistant-store.h"
#include "dg-invoice-store.h"

G_BEGIN_DECLS

#define DG_TYPE_INVOICES_PAGE (dg_invoices_page_get_type ())
G_DECLARE_FINAL_TYPE (DgInvoicesPage, dg_invoices_page, DG, INVOICES_PAGE, AdwBin)

/* The Invoices page: every invoice (or the drafts, or the unpaid ones) in
 * a list (number, assistant, period, total, state, due date, marked when
 * overdue), and below it the chosen invoice: its state, number, dates,
 * lines, net and tax per rate, total and cancellation references.
 *
 * Actions: invoices.new (DgNewInvoiceDialog; the new draft is chosen),
 * invoices.add-line (DgInvoiceLineDialog), invoices.remove-line (the line
 * chosen), invoices.refresh (the draft's work lines built again from
 * what is invoiceable now), invoices.delete-draft (after a question), invoices.issue (only
 * when dg_invoice_store_check_issuable() passes, else the page says what
 * is missing; after a question that says it cannot be undone),
 * invoices.print (GtkPrintOperation), invoices.export-pdf (file chooser),
 * invoices.mark-paid (DgPaymentDialog), invoices.cancel (with a reason,
 * DgReasonDialog). Each is enabled only for the states it applies to.
 *
 * Nothing is read before the page is first shown; a change in the store
 * reads the list again (now while shown, else when shown next). */
void dg_invoices_page_set_stores  (DgInvoicesPage   *self,
                                   DgInvoiceStore   *invoices,
                                   DgAssistantStore *assistants);
/* Shows the invoice @invoice_id, chosen in the list when it is listed;
 * read when the page is shown, if it is not yet. */
void dg_invoices_page_show_invoice (DgInvoicesPage  *self,
                                    gint64           invoice_id);
/* Reads the list again: now while it is shown, else when it is shown next. */
void dg_invoices_page_reload      (DgInvoicesPage   *self);

G_END_DECLS
