/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-handbook.h"

G_BEGIN_DECLS

/* Opens the print dialog (with preview) for @handbook; failures are shown
 * in a dialog on @parent. */
void dg_handbook_print  (GtkWindow  *parent,
                         DgHandbook *handbook);
/* Asks where to save @handbook, then writes it as a PDF (@as_pdf) or as
 * Markdown; failures are shown in a dialog on @parent, success in a toast
 * when @parent is the main window. */
void dg_handbook_export (GtkWindow  *parent,
                         DgHandbook *handbook,
                         gboolean    as_pdf);

G_END_DECLS
