/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dg-assistant.h"
#include "dg-money.h"

G_BEGIN_DECLS

typedef enum
{
  DG_INVOICE_STATE_DRAFT,      /* editable, deletable, no number */
  DG_INVOICE_STATE_ISSUED,     /* numbered and frozen; awaiting payment */
  DG_INVOICE_STATE_PAID,       /* payment recorded */
  DG_INVOICE_STATE_CANCELLED,  /* a cancellation invoice refers to it */
} DgInvoiceState;

#define DG_TYPE_INVOICE_STATE (dg_invoice_state_get_type ())
GType        dg_invoice_state_get_type     (void);
/* "draft", "issued", "paid", "cancelled" (as stored) */
const char  *dg_invoice_state_to_string    (DgInvoiceState  state);
gboolean     dg_invoice_state_from_string  (const char     *text,
                                            DgInvoiceState *out_state);
/* Translated, for display: "Draft", "Issued", "Paid", "Cancelled" */
const char  *dg_invoice_state_get_label    (DgInvoiceState  state);

typedef enum
{
  DG_INVOICE_KIND_INVOICE,
  DG_INVOICE_KIND_CANCELLATION,  /* negated copy of an issued invoice */
} DgInvoiceKind;

/* How a draft turns hours into lines. */
typedef enum
{
  DG_INVOICE_GROUPING_BY_TASK,   /* one line per task and rate, hours summed */
  DG_INVOICE_GROUPING_BY_ENTRY,  /* one line per time entry */
} DgInvoiceGrouping;

/* "by-task", "by-entry" */
const char  *dg_invoice_grouping_to_string   (DgInvoiceGrouping  grouping);
gboolean     dg_invoice_grouping_from_string (const char        *text,
                                              DgInvoiceGrouping *out_grouping);

typedef enum
{
  DG_PAPER_A4,
  DG_PAPER_LETTER,
} DgPaper;

/* "a4", "letter" */
const char  *dg_paper_to_string            (DgPaper      paper);
gboolean     dg_paper_from_string          (const char  *text,
                                            DgPaper     *out_paper);
/* US Letter where the locale's LC_PAPER says so (US, Canada, …), A4
 * everywhere else. */
DgPaper      dg_paper_from_locale          (void);
/* Size in PostScript points (1/72 inch): A4 595.276 × 841.89, Letter 612 × 792. */
void         dg_paper_get_size             (DgPaper      paper,
                                            double      *out_width,
                                            double      *out_height);

typedef enum
{
  DG_INVOICE_LINE_HOURS,      /* approved time: minutes at unit_price per hour */
  DG_INVOICE_LINE_FIXED_FEE,  /* a done fixed-fee task or occurrence */
  DG_INVOICE_LINE_EXTRA,      /* added by the owner: expense, discount (negative) */
} DgInvoiceLineKind;

/* "hours", "fixed-fee", "extra" */
const char  *dg_invoice_line_kind_to_string   (DgInvoiceLineKind  kind);
gboolean     dg_invoice_line_kind_from_string (const char        *text,
                                               DgInvoiceLineKind *out_kind);

/* One line of an invoice: on an issued invoice a frozen copy, never a
 * reference to data that may change. Amounts are minor units of the
 * invoice's currency. */
typedef struct
{
  gint64             id;
  guint              position;          /* 1, 2, … in print order */
  DgInvoiceLineKind  kind;
  char              *description;       /* the task's title, or the owner's text */
  char              *service_date;      /* "YYYY-MM-DD": the entry's local date
                                         * (by entry) or the fee's due date;
                                         * "" for a line over the period */
  gint64             task_id;           /* 0: none (extra line, hours without task) */
  char              *recurrence_id;     /* fixed fee of a series: the occurrence; "" otherwise */
  gint64             handbook_id;       /* the handbook version the task followed; 0: none */
  int                handbook_version;
  gint64             minutes;           /* hours lines: the minutes billed; 0 otherwise */
  gint64             quantity;          /* fixed-fee and extra lines: units (≥ 1); 1 for hours */
  gint64             unit_price;        /* hours: the hourly rate; otherwise the price of one unit */
  gint64             amount;            /* net: hours round(minutes × rate / 60) half away
                                         * from zero; otherwise quantity × unit_price */
  int                tax_rate;          /* basis points (1900 = 19 %); 0 without VAT */
} DgInvoiceLine;

DgInvoiceLine *dg_invoice_line_copy (const DgInvoiceLine *line);
void           dg_invoice_line_free (DgInvoiceLine       *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgInvoiceLine, dg_invoice_line_free)

/* Net and tax of the lines with one tax rate. */
typedef struct
{
  int     tax_rate;   /* basis points */
  gint64  net;        /* sum of the lines' rounded amounts */
  gint64  tax;        /* round(net × tax_rate / 10000), half away from zero */
} DgInvoiceTaxGroup;

/* Computes the tax groups of @lines (DgInvoiceLine *), by rate ascending,
 * and the totals: @out_net is the sum of the groups' nets, @out_tax the sum
 * of their taxes, @out_total = net + tax, so the printed figures always add
 * up. Fails (DG_MONEY_ERROR_OVERFLOW) rather than overflow. @out_groups
 * (DgInvoiceTaxGroup *, owned) may be NULL. */
gboolean     dg_invoice_compute_totals     (GPtrArray    *lines,
                                            GPtrArray   **out_groups,
                                            gint64       *out_net,
                                            gint64       *out_tax,
                                            gint64       *out_total,
                                            GError      **error);

/* The two parties as printed. For an issued invoice, a copy frozen when it
 * was issued; for a draft, the business profile and the assistant as they
 * are now. In self-billing ("Gutschrift") the business issues the document
 * for the service the assistant supplied. */
typedef struct
{
  char        *business_name;
  char        *business_address;     /* several lines */
  char        *business_tax_number;
  char        *business_vat_id;
  char        *business_email;
  char        *assistant_name;
  char        *assistant_address;    /* several lines */
  char        *assistant_country;    /* ISO 3166 alpha-2 */
  char        *assistant_email;
  char        *assistant_tax_number;
  char        *assistant_vat_id;
  char        *assistant_iban;       /* where the payment goes */
  char        *assistant_bic;
  char        *self_billing_date;    /* "YYYY-MM-DD" of the agreement, or "" */
  DgTaxStatus  tax_status;
  int          vat_rate;             /* basis points; 0 unless DG_TAX_STATUS_VAT */
} DgInvoiceParties;

DgInvoiceParties *dg_invoice_parties_copy      (const DgInvoiceParties *parties);
void              dg_invoice_parties_free      (DgInvoiceParties       *parties);
/* The stored form (a GKeyFile text) and back. */
char             *dg_invoice_parties_serialize (const DgInvoiceParties *parties);
DgInvoiceParties *dg_invoice_parties_parse     (const char             *text,
                                                GError                **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgInvoiceParties, dg_invoice_parties_free)

#define DG_TYPE_INVOICE (dg_invoice_get_type ())
G_DECLARE_FINAL_TYPE (DgInvoice, dg_invoice, DG, INVOICE, GObject)

/* An invoice as the store loaded it: a read-only snapshot (load it again
 * after a change). Properties (read-only): "id" (int64), "kind"
 * (DgInvoiceKind as int), "state" (DgInvoiceState as int), "number" (""
 * for a draft), "assistant-id" (int64), "assistant-name", "period-start",
 * "period-end" ("YYYY-MM-DD", inclusive), "currency", "language" ("en" or
 * "de"), "issue-date", "due-date", "paid-date" ("" until known), "total"
 * (int64 minor units). */
gint64             dg_invoice_get_id              (DgInvoice *self);
DgInvoiceKind      dg_invoice_get_kind            (DgInvoice *self);
DgInvoiceState     dg_invoice_get_state           (DgInvoice *self);
const char        *dg_invoice_get_number          (DgInvoice *self);
gint64             dg_invoice_get_assistant_id    (DgInvoice *self);
const char        *dg_invoice_get_assistant_name  (DgInvoice *self);
const char        *dg_invoice_get_period_start    (DgInvoice *self);
const char        *dg_invoice_get_period_end      (DgInvoice *self);
DgInvoiceGrouping  dg_invoice_get_grouping        (DgInvoice *self);
const char        *dg_invoice_get_currency        (DgInvoice *self);
const char        *dg_invoice_get_language        (DgInvoice *self);
DgPaper            dg_invoice_get_paper           (DgInvoice *self);
const char        *dg_invoice_get_issue_date      (DgInvoice *self);
const char        *dg_invoice_get_due_date        (DgInvoice *self);
const char        *dg_invoice_get_paid_date       (DgInvoice *self);
gint64             dg_invoice_get_paid_amount     (DgInvoice *self);
/* A cancellation: the original's id and number; 0 / "" otherwise. */
gint64             dg_invoice_get_cancels_id      (DgInvoice *self);
const char        *dg_invoice_get_cancels_number  (DgInvoice *self);
/* A cancelled invoice: its cancellation's id and number; 0 / "" otherwise. */
gint64             dg_invoice_get_cancelled_by_id     (DgInvoice *self);
const char        *dg_invoice_get_cancelled_by_number (DgInvoice *self);
const char        *dg_invoice_get_cancel_reason   (DgInvoice *self);
/* DgInvoiceLine *, by position. Owned by the invoice. */
GPtrArray         *dg_invoice_get_lines           (DgInvoice *self);
/* DgInvoiceTaxGroup *, by rate. Owned by the invoice. */
GPtrArray         *dg_invoice_get_tax_groups      (DgInvoice *self);
DgMoney            dg_invoice_get_net_total       (DgInvoice *self);
DgMoney            dg_invoice_get_tax_total       (DgInvoice *self);
DgMoney            dg_invoice_get_total           (DgInvoice *self);
const DgInvoiceParties *dg_invoice_get_parties    (DgInvoice *self);
/* Issued (not paid, not cancelled), an invoice (not a cancellation), and
 * @today ("YYYY-MM-DD", the owner's local date) after its due date. */
gboolean           dg_invoice_is_overdue          (DgInvoice  *self,
                                                   const char *today);
/* "27 Oct – 2 Nov 2026", translated, in the user's locale. */
char              *dg_invoice_format_period       (DgInvoice *self);

G_END_DECLS
