/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dg-money.h"

G_BEGIN_DECLS

/* The words and formats of a printed invoice, in the invoice's language
 * (the assistant's "invoice-language"), whatever the user's locale: a
 * German owner may send an English invoice. They are data of the
 * document, not a translation of the program, so they live in a table
 * here and not in the gettext catalogue. */

typedef enum
{
  DG_INVOICE_LANGUAGE_EN,
  DG_INVOICE_LANGUAGE_DE,
} DgInvoiceLanguage;

/* "de" (or "de_AT", …) is German; anything else English. */
DgInvoiceLanguage dg_invoice_language_from_code (const char *code);

typedef enum
{
  DG_INVOICE_TEXT_TITLE,                /* "Self-billing invoice (Gutschrift)" / "Gutschrift" */
  DG_INVOICE_TEXT_SELF_BILLING_NOTE,    /* one sentence: issued by the recipient of the service */
  DG_INVOICE_TEXT_DRAFT,                /* in place of the number */
  DG_INVOICE_TEXT_WATERMARK,            /* across every page of a draft */
  DG_INVOICE_TEXT_NUMBER,
  DG_INVOICE_TEXT_CANCELLATION_NUMBER,
  DG_INVOICE_TEXT_ISSUE_DATE,
  DG_INVOICE_TEXT_SERVICE_PERIOD,
  DG_INVOICE_TEXT_DUE_DATE,
  DG_INVOICE_TEXT_YOUR_TAX_NUMBER,      /* the assistant's (the supplier's) */
  DG_INVOICE_TEXT_YOUR_VAT_ID,
  DG_INVOICE_TEXT_OUR_TAX_NUMBER,       /* the business's (the issuer's) */
  DG_INVOICE_TEXT_OUR_VAT_ID,
  DG_INVOICE_TEXT_SELF_BILLING_AGREED,  /* label of the agreement's date */
  DG_INVOICE_TEXT_CANCEL_REASON,
  DG_INVOICE_TEXT_TAX_NUMBER_SHORT,     /* letterhead */
  DG_INVOICE_TEXT_VAT_ID_SHORT,
  DG_INVOICE_TEXT_COLUMN_POSITION,
  DG_INVOICE_TEXT_COLUMN_DATE,
  DG_INVOICE_TEXT_COLUMN_DESCRIPTION,
  DG_INVOICE_TEXT_COLUMN_QUANTITY,
  DG_INVOICE_TEXT_COLUMN_UNIT_PRICE,
  DG_INVOICE_TEXT_COLUMN_RATE,          /* shown when the lines have several rates */
  DG_INVOICE_TEXT_COLUMN_AMOUNT,
  DG_INVOICE_TEXT_NET,                  /* without a rate: one group, no VAT */
  DG_INVOICE_TEXT_TOTAL,
  DG_INVOICE_TEXT_NOTE_SMALL_BUSINESS,
  DG_INVOICE_TEXT_NOTE_REVERSE_CHARGE,
  DG_INVOICE_TEXT_NOTE_OUTSIDE_SCOPE,
  DG_INVOICE_TEXT_SUPPLIER_VAT_ID,      /* reverse charge: the assistant's */
  DG_INVOICE_TEXT_RECIPIENT_VAT_ID,     /* reverse charge: the business's */
  DG_INVOICE_TEXT_PAYMENT,              /* heading of the payment details */
  DG_INVOICE_TEXT_HOURS_WITHOUT_TASK,   /* a line of the hours that belong to no task */
  DG_INVOICE_TEXT_N_TEXTS,
} DgInvoiceTextId;

const char *dg_invoice_text_get                  (DgInvoiceLanguage  language,
                                                  DgInvoiceTextId    id);
/* "1.234,56 €" / "€1,234.56" (negative: "-1.234,56 €", "-€1,234.56"). */
void        dg_invoice_text_get_number_style     (DgInvoiceLanguage  language,
                                                  DgNumberStyle     *out_style);
char       *dg_invoice_text_format_money         (DgInvoiceLanguage  language,
                                                  gint64             minor,
                                                  const char        *currency);
/* "YYYY-MM-DD" → "28.11.2026" / "28 November 2026"; other text unchanged. */
char       *dg_invoice_text_format_date          (DgInvoiceLanguage  language,
                                                  const char        *iso_date);
/* For the table: "28.11.2026" / "28 Nov 2026". */
char       *dg_invoice_text_format_short_date    (DgInvoiceLanguage  language,
                                                  const char        *iso_date);
/* "01.11.2026 – 30.11.2026" / "1 November 2026 – 30 November 2026";
 * a single day once. */
char       *dg_invoice_text_format_period        (DgInvoiceLanguage  language,
                                                  const char        *start,
                                                  const char        *end);
/* Exact hours and minutes: "1:30 Std." / "1:30 h" (negative on a cancellation). */
char       *dg_invoice_text_format_hours         (DgInvoiceLanguage  language,
                                                  gint64             minutes);
/* A count of units, grouped: "1.250" / "1,250". */
char       *dg_invoice_text_format_units         (DgInvoiceLanguage  language,
                                                  gint64             quantity);
/* Basis points: "19 %", "7,5 %" / "19%", "7.5%". */
char       *dg_invoice_text_format_rate          (DgInvoiceLanguage  language,
                                                  int                basis_points);
/* An hourly rate: "45,00 €/Std." / "€45.00/h". */
char       *dg_invoice_text_format_hourly_price  (DgInvoiceLanguage  language,
                                                  gint64             minor,
                                                  const char        *currency);
/* "Nettobetrag 19 %" / "Net amount at 19%" */
char       *dg_invoice_text_format_net_at_rate   (DgInvoiceLanguage  language,
                                                  int                basis_points);
/* "USt. 19 %" / "VAT 19%" */
char       *dg_invoice_text_format_tax_at_rate   (DgInvoiceLanguage  language,
                                                  int                basis_points);
/* "Seite 1 von 3" / "Page 1 of 3" (1-based) */
char       *dg_invoice_text_format_page          (DgInvoiceLanguage  language,
                                                  guint              page,
                                                  guint              n_pages);
/* "Stornorechnung zur Gutschrift Nr. 2026-0001" /
 * "Cancellation of self-billing invoice (Gutschrift) no. 2026-0001" */
char       *dg_invoice_text_format_cancellation_title (DgInvoiceLanguage  language,
                                                       const char        *cancelled_number);
/* What the cancellation does to the original, in place of payment details. */
char       *dg_invoice_text_format_cancellation_note  (DgInvoiceLanguage  language,
                                                       const char        *cancelled_number);
/* The document's name with its number, for the footer and the PDF's title:
 * "Gutschrift 2026-0001" / "Self-billing invoice 2026-0001"; a cancellation
 * "Stornorechnung 2026-S-0001" / "Cancellation 2026-S-0001". */
char       *dg_invoice_text_format_document_name (DgInvoiceLanguage  language,
                                                  gboolean           cancellation,
                                                  const char        *number);
/* The payment sentence. @due_date (formatted), @iban (formatted for
 * reading), @bic and @reference may be empty, and are then left out. */
char       *dg_invoice_text_format_payment       (DgInvoiceLanguage  language,
                                                  const char        *amount,
                                                  const char        *due_date,
                                                  const char        *iban,
                                                  const char        *bic,
                                                  const char        *reference);
/* The country's name for an address, in the document's language, or NULL
 * when the table does not know @code. */
const char *dg_invoice_text_get_country_name     (DgInvoiceLanguage  language,
                                                  const char        *code);

G_END_DECLS
