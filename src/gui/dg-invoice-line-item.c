/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-invoice-line-item"

#include "dg-invoice-line-item.h"

struct _DgInvoiceLineItem
{
  GObject    parent_instance;

  DgInvoice *invoice;
  guint      index;
};

G_DEFINE_FINAL_TYPE (DgInvoiceLineItem, dg_invoice_line_item, G_TYPE_OBJECT)

static void
dg_invoice_line_item_dispose (GObject *object)
{
  DgInvoiceLineItem *self = DG_INVOICE_LINE_ITEM (object);

  g_clear_object (&self->invoice);

  G_OBJECT_CLASS (dg_invoice_line_item_parent_class)->dispose (object);
}

static void
dg_invoice_line_item_class_init (DgInvoiceLineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dg_invoice_line_item_dispose;
}

static void
dg_invoice_line_item_init (DgInvoiceLineItem *self)
{
}

DgInvoiceLineItem *
dg_invoice_line_item_new (DgInvoice *invoice,
                          guint      index)
{
  DgInvoiceLineItem *self;

  g_return_val_if_fail (DG_IS_INVOICE (invoice), NULL);
  g_return_val_if_fail (index < dg_invoice_get_lines (invoice)->len, NULL);

  self = g_object_new (DG_TYPE_INVOICE_LINE_ITEM, NULL);
  self->invoice = g_object_ref (invoice);
  self->index = index;
  return self;
}

DgInvoice *
dg_invoice_line_item_get_invoice (DgInvoiceLineItem *self)
{
  g_return_val_if_fail (DG_IS_INVOICE_LINE_ITEM (self), NULL);

  return self->invoice;
}

const DgInvoiceLine *
dg_invoice_line_item_get_line (DgInvoiceLineItem *self)
{
  g_return_val_if_fail (DG_IS_INVOICE_LINE_ITEM (self), NULL);

  return g_ptr_array_index (dg_invoice_get_lines (self->invoice), self->index);
}
