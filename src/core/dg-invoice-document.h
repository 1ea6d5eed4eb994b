/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "dg-invoice.h"

G_BEGIN_DECLS

#define DG_INVOICE_DOCUMENT_ERROR (dg_invoice_document_error_quark ())

typedef enum
{
  DG_INVOICE_DOCUMENT_ERROR_FAILED,    /* cairo could not write the PDF */
  DG_INVOICE_DOCUMENT_ERROR_TOO_LONG,  /* a line does not fit on a page */
} DgInvoiceDocumentError;

GQuark dg_invoice_document_error_quark (void);

#define DG_TYPE_INVOICE_DOCUMENT (dg_invoice_document_get_type ())
G_DECLARE_FINAL_TYPE (DgInvoiceDocument, dg_invoice_document, DG, INVOICE_DOCUMENT, GObject)

/* The printed form of an invoice, laid out on pages of the invoice's paper
 * (A4 or US Letter) in the invoice's language ("en" or "de", whatever the
 * user's locale), with cairo and pango only, so that the window, the CLI
 * and the tests make the same document.
 *
 * First page: the business's letterhead; the assistant's address in the
 * window of a DIN 5008 envelope (type B: 20 mm from the left, 45 mm from
 * the top, 85 × 45 mm, sender line above it); the title ("Gutschrift" /
 * "Self-billing invoice (Gutschrift)", or the cancellation's title with the
 * original's number); number, issue date, service period, due date, both
 * tax numbers / VAT IDs and the self-billing agreement. Then the lines
 * (position, service date, description, quantity, unit price, amount
 * right-aligned) with the table header repeated on every page; net per tax
 * rate, tax, total; the legal note for the tax status (§ 19 UStG,
 * "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge" with
 * both VAT IDs, not subject to VAT); payment details with, for EUR and an
 * IBAN, the EPC QR code. Every page: "Page N of M" and the number. A draft
 * says so across every page and has no number.
 *
 * The page count is known after dg_invoice_document_new(); pages are drawn
 * in points (1/72 inch) with the origin at the paper's top-left corner. */
DgInvoiceDocument *dg_invoice_document_new             (DgInvoice          *invoice);
DgInvoice         *dg_invoice_document_get_invoice     (DgInvoiceDocument  *self);
void               dg_invoice_document_get_page_size   (DgInvoiceDocument  *self,
                                                        double             *out_width,
                                                        double             *out_height);
guint              dg_invoice_document_get_n_pages     (DgInvoiceDocument  *self);
/* Draws page @page (0-based) on @cr, whose user unit is one point. */
void               dg_invoice_document_draw_page       (DgInvoiceDocument  *self,
                                                        cairo_t            *cr,
                                                        guint               page);
/* The whole document as PDF (fonts embedded), with the title and the
 * business as its metadata. */
GBytes            *dg_invoice_document_render_pdf      (DgInvoiceDocument  *self,
                                                        GError            **error);

G_END_DECLS
