/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-handbook-printing.h"

G_BEGIN_DECLS

/* The print operation behind dg_handbook_print(), run with @action; with
 * GTK_PRINT_OPERATION_ACTION_EXPORT it writes @export_filename without a
 * dialog, which is how the PDF export writes and tests reach the page
 * callbacks. */
GtkPrintOperationResult dg_handbook_print_run   (GtkWindow                *parent,
                                                 DgHandbook               *handbook,
                                                 GtkPrintOperationAction   action,
                                                 const char               *export_filename,
                                                 GError                  **error);
/* What dg_handbook_export() does once the file is chosen: a PDF goes
 * through dg_handbook_print_run() with GTK_PRINT_OPERATION_ACTION_EXPORT. */
gboolean                dg_handbook_export_write (DgHandbook              *handbook,
                                                  GFile                   *file,
                                                  gboolean                 as_pdf,
                                                  GError                 **error);

/* Makes dg_handbook_export() write to @file instead of asking where,
 * which a test cannot answer; NULL asks again. */
void                    dg_handbook_export_set_test_file (GFile   *file);

G_END_DECLS
