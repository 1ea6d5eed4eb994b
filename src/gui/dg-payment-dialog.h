/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-invoice-store.h"

G_BEGIN_DECLS

#define DG_TYPE_PAYMENT_DIALOG (dg_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgPaymentDialog, dg_payment_dialog, DG, PAYMENT_DIALOG, AdwWindow)

/* "Mark Paid": the day the issued @invoice was paid (today at first) and
 * the amount (its total at first, in its currency, typed as the user
 * writes amounts). Record (action payment.record, also Ctrl+Enter) calls
 * dg_invoice_store_mark_paid(); a field that cannot be read, or a refusal
 * of the store (a day before the issue date …), is said inside the
 * dialog, which then stays open. The dialog closes itself once the
 * payment is recorded. */
DgPaymentDialog *dg_payment_dialog_new (GtkWindow      *parent,
                                        DgInvoiceStore *store,
                                        DgInvoice      *invoice);

G_END_DECLS
