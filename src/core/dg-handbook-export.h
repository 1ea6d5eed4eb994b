/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "dg-handbook.h"

G_BEGIN_DECLS

/* Markdown to paste into an e-mail: title, purpose, version and date,
 * numbered steps ("1. [ ]" for checklist steps), estimates, links. */
char     *dg_handbook_to_markdown    (DgHandbook  *handbook);

/* Page layout of a printed handbook, shared by the PDF export and the
 * window's GtkPrintOperation: A4 or US Letter, cairo + pango, no GTK. */
typedef struct _DgHandbookLayout DgHandbookLayout;

/* Lays out @handbook for pages of @width × @height points (72 per inch)
 * with text measured on @cr's target. @cr's user space must be in points
 * (GtkPrintOperation: GTK_UNIT_POINTS); margins of 56 pt are added inside
 * @width × @height. Pages are drawn from the top left corner of @cr. */
DgHandbookLayout *dg_handbook_layout_new        (DgHandbook        *handbook,
                                                 cairo_t           *cr,
                                                 double             width,
                                                 double             height);
int               dg_handbook_layout_get_n_pages (DgHandbookLayout *layout);
/* Draws page @page (0-based) with "Page N of M" at its foot. */
void              dg_handbook_layout_draw_page  (DgHandbookLayout  *layout,
                                                 cairo_t           *cr,
                                                 int                page);
void              dg_handbook_layout_free       (DgHandbookLayout  *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgHandbookLayout, dg_handbook_layout_free)

/* Writes @handbook as a PDF file (paper size from the locale: US Letter in
 * the US and Canada, A4 elsewhere), fonts embedded. */
gboolean  dg_handbook_export_pdf     (DgHandbook  *handbook,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
