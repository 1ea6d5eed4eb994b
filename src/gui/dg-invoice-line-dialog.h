/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-invoice-store.h"

G_BEGIN_DECLS

#define DG_TYPE_INVOICE_LINE_DIALOG (dg_invoice_line_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgInvoiceLineDialog, dg_invoice_line_dialog, DG, INVOICE_LINE_DIALOG, AdwWindow)

/* "Add Line": an extra line for the draft @invoice (an expense, or a
 * discount with a negative price): description, quantity (a whole number,
 * 1 at first) and unit price in the invoice's currency, typed as the user
 * writes amounts (dg_money_parse()). Add (action line.add, also
 * Ctrl+Enter) calls dg_invoice_store_add_line(); a field that cannot be
 * read, or a refusal of the store, is said inside the dialog, which then
 * stays open. The dialog closes itself once the line is added. */
DgInvoiceLineDialog *dg_invoice_line_dialog_new (GtkWindow      *parent,
                                                 DgInvoiceStore *store,
                                                 DgInvoice      *invoice);

G_END_DECLS
