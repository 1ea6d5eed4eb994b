/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-invoice-printing.h"

G_BEGIN_DECLS

/* The print operation behind dg_invoice_print(), run with @action; with
 * GTK_PRINT_OPERATION_ACTION_EXPORT it writes @export_filename through
 * the same page callbacks without a dialog, which is how tests draw every
 * page the printer would get. */
GtkPrintOperationResult dg_invoice_print_run (GtkWindow                *parent,
                                              DgInvoice                *invoice,
                                              GtkPrintOperationAction   action,
                                              const char               *export_filename,
                                              GError                  **error);

G_END_DECLS
