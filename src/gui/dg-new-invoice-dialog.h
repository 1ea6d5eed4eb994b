/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-assistant-store.h"
#include "dg-invoice-store.h"

G_BEGIN_DECLS

#define DG_TYPE_NEW_INVOICE_DIALOG (dg_new_invoice_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgNewInvoiceDialog, dg_new_invoice_dialog, DG, NEW_INVOICE_DIALOG, AdwWindow)

/* "New Invoice": the assistant (the active ones, @assistant_id chosen
 * when it is one of them), the service period from … to (the last full
 * month at first) and whether hours become one line per task or one per
 * entry. Create (action new-invoice.create, also Ctrl+Enter) makes the
 * draft with dg_invoice_store_create_draft(); when that fails (nothing to
 * invoice in the period, a date that cannot be read) the dialog says why
 * and stays open.
 *
 * Signal "invoice-created" (gint64 invoice_id): the draft exists, to be
 * looked at before it is issued. The dialog then closes itself. */
DgNewInvoiceDialog *dg_new_invoice_dialog_new        (GtkWindow          *parent,
                                                      DgInvoiceStore     *invoices,
                                                      DgAssistantStore   *assistants,
                                                      gint64              assistant_id);
/* The period the fields show at first: the last full month before @today. */
void                dg_new_invoice_dialog_default_period (const GDate    *today,
                                                          GDate          *out_from,
                                                          GDate          *out_to);

G_END_DECLS
