/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dg-audit-event.h"
#include "dg-database.h"
#include "dg-invoice.h"

G_BEGIN_DECLS

#define DG_INVOICE_ERROR (dg_invoice_error_quark ())

typedef enum
{
  DG_INVOICE_ERROR_NOT_FOUND,          /* no such invoice, line or assistant */
  DG_INVOICE_ERROR_FROZEN,             /* an issued invoice refuses the change */
  DG_INVOICE_ERROR_NOTHING_TO_INVOICE, /* no approved, uninvoiced work in the period */
  DG_INVOICE_ERROR_MISSING_FIELD,      /* the profile or the assistant lacks what the
                                        * document needs; the message names the field
                                        * and where to fill it in */
  DG_INVOICE_ERROR_STALE,              /* an entry or fee of the draft was invoiced,
                                        * reopened or deleted since: refresh the draft */
  DG_INVOICE_ERROR_INVALID,            /* bad input: empty description, period
                                        * backwards, payment date before the issue … */
  DG_INVOICE_ERROR_WRONG_STATE,        /* paying a draft, cancelling a cancellation,
                                        * cancelling twice … */
} DgInvoiceError;

GQuark dg_invoice_error_quark (void);

/* The longest description of a line, in characters: a row of the printed
 * table must fit on one page, and a frozen document cannot be fixed
 * afterwards. */
#define DG_INVOICE_LINE_DESCRIPTION_MAX 500

/* Which invoices dg_invoice_store_list() returns. */
typedef enum
{
  DG_INVOICE_FILTER_ALL,      /* everything, cancellations too */
  DG_INVOICE_FILTER_DRAFTS,
  DG_INVOICE_FILTER_UNPAID,   /* issued invoices (not cancellations) not yet paid */
} DgInvoiceFilter;

#define DG_TYPE_INVOICE_STORE (dg_invoice_store_get_type ())
G_DECLARE_FINAL_TYPE (DgInvoiceStore, dg_invoice_store, DG, INVOICE_STORE, GObject)

/* Invoices in @db. Every change is one transaction and writes an audit row
 * (object type "invoice": created "" → draft, draft → issued, issued →
 * paid, issued/paid → cancelled with the reason, draft → "deleted"); time
 * entries that become invoiced or invoiceable again get their own
 * "time-entry" audit rows (approved → invoiced and back). An issued
 * invoice refuses every change but recording its payment and its
 * cancellation, here and by triggers in the schema.
 *
 * Signal "changed" (no arguments): an invoice was created, changed,
 * issued, paid, cancelled or deleted. The timesheet views listen too,
 * because issuing and cancelling change entries' states. */
DgInvoiceStore *dg_invoice_store_new            (DgDatabase      *db);
DgDatabase     *dg_invoice_store_get_database   (DgInvoiceStore  *self);

/* A new draft for the assistant and the period @from … @to (inclusive,
 * the assistant's local dates): every approved, not yet invoiced entry
 * dated in it, and every done fixed-fee task or occurrence due in it that
 * no issued invoice bills yet. Lines are valued at today's rates (the
 * task's own rate, else the assistant's); issuing freezes them. Currency
 * and language are the assistant's, paper is dg_paper_from_locale(). VAT
 * at the assistant's rate when DG_TAX_STATUS_VAT, otherwise 0.
 * DG_INVOICE_ERROR_NOTHING_TO_INVOICE when there is no such work. */
DgInvoice  *dg_invoice_store_create_draft      (DgInvoiceStore    *self,
                                                gint64             assistant_id,
                                                const GDate       *from,
                                                const GDate       *to,
                                                DgInvoiceGrouping  grouping,
                                                GError           **error);
/* Builds the draft's work lines again from what is invoiceable now (after
 * hours were approved or reopened), with @grouping; lines the owner added
 * are kept after them. */
DgInvoice  *dg_invoice_store_refresh_draft     (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                DgInvoiceGrouping  grouping,
                                                GError           **error);
/* Adds an extra line to a draft: an expense, or a discount with a negative
 * @unit_price. @quantity ≥ 1; @description at most
 * DG_INVOICE_LINE_DESCRIPTION_MAX characters (so a line fits a page).
 * Taxed at the draft's rate. */
gboolean    dg_invoice_store_add_line          (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                const char        *description,
                                                gint64             quantity,
                                                gint64             unit_price,
                                                GError           **error);
/* Removes any line of a draft (the work it billed stays invoiceable). */
gboolean    dg_invoice_store_remove_line       (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                gint64             line_id,
                                                GError           **error);
gboolean    dg_invoice_store_delete_draft      (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                GError           **error);
/* Whether the draft could be issued now: every field the document needs
 * (business name, address, tax number or VAT ID; assistant address; the
 * VAT IDs a reverse charge names; a total that is not negative …). The
 * error (DG_INVOICE_ERROR_MISSING_FIELD) names the first missing field
 * and where to fill it in. */
gboolean    dg_invoice_store_check_issuable    (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                GError           **error);
/* Issues the draft on @issue_date (the owner's local date; not before the
 * latest issue date of its series, the period's start or the self-billing
 * agreement, so numbers follow dates), in one transaction: checks it as
 * above and that its work is still invoiceable (else
 * DG_INVOICE_ERROR_STALE), takes the next number of the invoice
 * series, freezes the parties, sets the due date (issue date + payment
 * terms), marks its entries invoiced, renders and stores the PDF. Either
 * all of it happens or none: no number is used by a failed issue. */
DgInvoice  *dg_invoice_store_issue             (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                const GDate       *issue_date,
                                                GError           **error);
/* Records the payment of an issued invoice in full: @amount (minor units)
 * must be the total (partial payments are not recorded), @paid_date not
 * before the issue date and not after today (the owner's local date). */
gboolean    dg_invoice_store_mark_paid         (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                const GDate       *paid_date,
                                                gint64             amount,
                                                GError           **error);
/* Cancels an issued or paid invoice on @date with @reason (required):
 * issues a cancellation invoice with the next number of the cancellation
 * series, the same lines negated and a reference to the original (with its
 * PDF), marks the original cancelled and makes its entries and fees
 * invoiceable again. Returns the cancellation. */
DgInvoice  *dg_invoice_store_cancel            (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                const GDate       *date,
                                                const char        *reason,
                                                GError           **error);

DgInvoice  *dg_invoice_store_get               (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                GError           **error);
/* DgInvoice *: drafts first, then by issue date and number, newest first;
 * UNPAID by due date, oldest first. @assistant_id 0: every assistant. */
GPtrArray  *dg_invoice_store_list              (DgInvoiceStore    *self,
                                                DgInvoiceFilter    filter,
                                                gint64             assistant_id,
                                                GError           **error);
/* The PDF stored when the invoice was issued, byte for byte. A draft has
 * none (DG_INVOICE_ERROR_WRONG_STATE): render a DgInvoiceDocument for a
 * preview. */
GBytes     *dg_invoice_store_get_pdf           (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                GError           **error);
/* The time entry ids a line billed (gint64), for going back from a line to
 * the work and the handbook it followed. */
GArray     *dg_invoice_store_list_line_entries (DgInvoiceStore    *self,
                                                gint64             line_id,
                                                GError           **error);
/* DgAuditEvent * of one invoice, oldest first. */
GPtrArray  *dg_invoice_store_list_audit        (DgInvoiceStore    *self,
                                                gint64             invoice_id,
                                                GError           **error);

G_END_DECLS
