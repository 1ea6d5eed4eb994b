/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-invoice-store.h"

G_BEGIN_DECLS

/* For the tests only: @hook is called with @data inside the issuing
 * transaction, after everything is written and before it is committed, so
 * that a test can end the process at the worst instant and check that the
 * database then holds either the old or the new state. NULL removes it. */
void _dg_invoice_store_set_issue_hook (DgInvoiceStore *self,
                                       void          (*hook) (gpointer data),
                                       gpointer        data);
/* For the tests and the sample business (dg-sample.c): the owner's local
 * date the store takes as today (a payment cannot be dated after it), so
 * that dated invoices do not depend on the clock. NULL: the real date again. */
void _dg_invoice_store_set_today (DgInvoiceStore *self,
                                  const GDate    *today);

G_END_DECLS
