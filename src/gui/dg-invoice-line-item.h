/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dg-invoice.h"

G_BEGIN_DECLS

#define DG_TYPE_INVOICE_LINE_ITEM (dg_invoice_line_item_get_type ())
G_DECLARE_FINAL_TYPE (DgInvoiceLineItem, dg_invoice_line_item, DG, INVOICE_LINE_ITEM, GObject)

/* One line of an invoice as an item of a GListModel, for a list view: a
 * DgInvoiceLine is a plain struct. Holds a reference to @invoice, which
 * owns the line. */
DgInvoiceLineItem   *dg_invoice_line_item_new         (DgInvoice         *invoice,
                                                       guint              index);
DgInvoice           *dg_invoice_line_item_get_invoice (DgInvoiceLineItem *self);
const DgInvoiceLine *dg_invoice_line_item_get_line    (DgInvoiceLineItem *self);

G_END_DECLS
