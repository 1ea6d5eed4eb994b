/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-invoice.h"

G_BEGIN_DECLS

/* What the store (and tests of the printed document) fill in to make a
 * DgInvoice. Strings are copied; NULL reads as "". */
typedef struct
{
  gint64             id;
  DgInvoiceKind      kind;
  DgInvoiceState     state;
  const char        *number;
  gint64             assistant_id;
  const char        *assistant_name;
  const char        *period_start;
  const char        *period_end;
  DgInvoiceGrouping  grouping;
  const char        *currency;
  const char        *language;
  DgPaper            paper;
  const char        *issue_date;
  const char        *due_date;
  const char        *paid_date;
  gint64             paid_amount;
  gint64             cancels_id;
  const char        *cancels_number;
  gint64             cancelled_by_id;
  const char        *cancelled_by_number;
  const char        *cancel_reason;
} DgInvoiceFields;

/* Takes @lines (DgInvoiceLine *, in position order, with a free func) and
 * @parties; computes the tax groups and totals with
 * dg_invoice_compute_totals() and fails as it does. */
DgInvoice *_dg_invoice_new (const DgInvoiceFields *fields,
                            GPtrArray             *lines,
                            DgInvoiceParties      *parties,
                            GError               **error);

G_END_DECLS
