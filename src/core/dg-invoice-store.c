/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-invoice-store"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dg-assistant-store.h"
#include "dg-business-profile.h"
#include "dg-epc-qr.h"
#include "dg-invoice-document.h"
#include "dg-invoice-number.h"
#include "dg-invoice-private.h"
#include "dg-invoice-store-private.h"
#include "dg-invoice-store.h"
#include "dg-invoice-text.h"
#include "dg-money.h"
#include "dg-time-entry.h"
#include "dg-validation.h"

struct _DgInvoiceStore
{
  GObject     parent_instance;

  DgDatabase *db;

  void      (*issue_hook) (gpointer data);
  gpointer    issue_hook_data;
  GDate       today;       /* set by a test; else the owner's local date */
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DgInvoiceStore, dg_invoice_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (dg-invoice-error-quark, dg_invoice_error)

/* ---- SQL ------------------------------------------------------------------ */


/* An invoice with the numbers of the invoice it cancels and of the
 * cancellation that cancels it. */
#define INVOICE_COLUMNS \
  "i.id, i.kind, i.state, coalesce (i.number, ''), i.assistant_id, i.period_start, " \
  "i.period_end, i.grouping, i.currency, i.language, i.paper, i.issue_date, i.due_date, " \
  "i.paid_date, i.paid_amount, coalesce (i.cancels_id, 0), coalesce (c.number, ''), " \
  "coalesce (cb.id, 0), coalesce (cb.number, ''), i.cancel_reason, i.parties"
#define INVOICE_TABLES \
  " FROM invoices i LEFT JOIN invoices c ON c.id = i.cancels_id " \
  "LEFT JOIN invoices cb ON cb.cancels_id = i.id"
#define SELECT_INVOICES "SELECT " INVOICE_COLUMNS INVOICE_TABLES

static const char *select_invoice_sql = SELECT_INVOICES " WHERE i.id = ?1";
/* Numbers of one day in the order of their counters: a counter written in
 * full once it outgrows its placeholder ("R100000" after "R99999") is
 * longer. */
static const char *select_all_invoices_sql =
  SELECT_INVOICES " WHERE (?1 = 0 OR i.assistant_id = ?1) "
  "ORDER BY i.state = 'draft' DESC, i.issue_date DESC, length (i.number) DESC, i.number DESC, "
  "i.id DESC";
static const char *select_draft_invoices_sql =
  SELECT_INVOICES " WHERE i.state = 'draft' AND (?1 = 0 OR i.assistant_id = ?1) "
  "ORDER BY i.id DESC";
static const char *select_unpaid_invoices_sql =
  SELECT_INVOICES " WHERE i.kind = 'invoice' AND i.state = 'issued' "
  "AND (?1 = 0 OR i.assistant_id = ?1) ORDER BY i.due_date, length (i.number), i.number";
static const char *select_head_sql =
  "SELECT kind, state, coalesce (number, '') FROM invoices WHERE id = ?1";
static const char *select_pdf_sql =
  "SELECT state, pdf FROM invoices WHERE id = ?1";

static const char *insert_invoice_sql =
  "INSERT INTO invoices (kind, state, assistant_id, period_start, period_end, grouping, "
  "currency, language, paper, created_at) "
  "VALUES ('invoice', 'draft', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
/* A cancellation starts as a draft copy of the original's head, with the
 * parties exactly as the original printed them. */
static const char *insert_cancellation_sql =
  "INSERT INTO invoices (kind, state, assistant_id, period_start, period_end, grouping, "
  "currency, language, paper, cancels_id, cancel_reason, parties, created_at) "
  "SELECT 'cancellation', 'draft', assistant_id, period_start, period_end, grouping, "
  "currency, language, paper, id, ?3, parties, ?2 FROM invoices WHERE id = ?1";
static const char *update_draft_totals_sql =
  "UPDATE invoices SET net_total = ?2, tax_total = ?3, total = ?4 "
  "WHERE id = ?1 AND state = 'draft'";
static const char *update_draft_settings_sql =
  "UPDATE invoices SET grouping = ?2, currency = ?3, language = ?4 "
  "WHERE id = ?1 AND state = 'draft'";
static const char *delete_draft_sql =
  "DELETE FROM invoices WHERE id = ?1 AND state = 'draft'";
/* The schema wants the number and the PDF together with the state, so
 * issuing is this one statement. A NULL ?5 keeps the parties stored (a
 * cancellation's are the original's). */
static const char *update_issued_sql =
  "UPDATE invoices SET state = 'issued', number = ?2, issue_date = ?3, due_date = ?4, "
  "parties = coalesce (?5, parties), pdf = ?6, net_total = ?7, tax_total = ?8, total = ?9 "
  "WHERE id = ?1 AND state = 'draft'";
static const char *update_paid_sql =
  "UPDATE invoices SET state = 'paid', paid_date = ?2, paid_amount = ?3 "
  "WHERE id = ?1 AND state = 'issued' AND kind = 'invoice'";
static const char *update_cancelled_sql =
  "UPDATE invoices SET state = 'cancelled', cancel_reason = ?2 "
  "WHERE id = ?1 AND state IN ('issued', 'paid') AND kind = 'invoice'";

static const char *select_lines_sql =
  "SELECT id, position, kind, description, service_date, coalesce (task_id, 0), "
  "recurrence_id, coalesce (handbook_id, 0), coalesce (handbook_version, 0), minutes, "
  "quantity, unit_price, amount, tax_rate FROM invoice_lines WHERE invoice_id = ?1 "
  "ORDER BY position";
static const char *insert_line_sql =
  "INSERT INTO invoice_lines (invoice_id, position, kind, description, service_date, "
  "task_id, recurrence_id, handbook_id, handbook_version, minutes, quantity, unit_price, "
  "amount, tax_rate) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
static const char *insert_line_entry_sql =
  "INSERT INTO invoice_line_entries (line_id, entry_id) VALUES (?1, ?2)";
static const char *copy_lines_negated_sql =
  "INSERT INTO invoice_lines (invoice_id, position, kind, description, service_date, "
  "task_id, recurrence_id, handbook_id, handbook_version, minutes, quantity, unit_price, "
  "amount, tax_rate) "
  "SELECT ?2, position, kind, description, service_date, task_id, recurrence_id, "
  "handbook_id, handbook_version, minutes, quantity, -unit_price, -amount, tax_rate "
  "FROM invoice_lines WHERE invoice_id = ?1 ORDER BY position";
static const char *delete_work_lines_sql =
  "DELETE FROM invoice_lines WHERE invoice_id = ?1 AND kind <> 'extra'";
static const char *delete_line_sql =
  "DELETE FROM invoice_lines WHERE id = ?1 AND invoice_id = ?2";
static const char *update_line_position_sql =
  "UPDATE invoice_lines SET position = ?2 WHERE id = ?1";
static const char *update_lines_tax_rate_sql =
  "UPDATE invoice_lines SET tax_rate = ?2 WHERE invoice_id = ?1";
static const char *count_lines_sql =
  "SELECT count(*) FROM invoice_lines WHERE id = ?1";
static const char *select_line_entries_sql =
  "SELECT entry_id FROM invoice_line_entries WHERE line_id = ?1 ORDER BY entry_id";

static const char *select_series_sql =
  "SELECT last_number FROM invoice_number_series WHERE series = ?1 AND prefix = ?2";
static const char *insert_series_sql =
  "INSERT INTO invoice_number_series (series, prefix, last_number) VALUES (?1, ?2, 1)";
static const char *update_series_sql =
  "UPDATE invoice_number_series SET last_number = ?3 WHERE series = ?1 AND prefix = ?2";
/* Whether a number is in use, whichever series made it. */
static const char *count_number_sql =
  "SELECT count(*) FROM invoices WHERE number = ?1";
/* The latest date a series has issued on: numbers go in the order of
 * their dates. */
static const char *select_latest_issue_date_sql =
  "SELECT coalesce (max (issue_date), '') FROM invoices WHERE kind = ?1 AND state <> 'draft'";

/* What a draft bills: the assistant's approved entries of the period. */
static const char *select_invoiceable_entries_sql =
  "SELECT e.id, coalesce (e.task_id, 0), e.local_date, e.minutes, e.note, "
  "coalesce (t.title, ''), coalesce (t.billing, ''), coalesce (t.billing_amount, 0), "
  "coalesce (t.handbook_id, 0), coalesce (t.handbook_version, 0) "
  "FROM time_entries e LEFT JOIN tasks t ON t.id = e.task_id "
  "WHERE e.assistant_id = ?1 AND e.state = 'approved' AND e.local_date BETWEEN ?2 AND ?3 "
  "ORDER BY e.local_date, e.start_utc, e.id";
/* A recurrence id starts with the occurrence's local date. */
#define OCCURRENCE_DATE \
  "substr (o.recurrence_id, 1, 4) || '-' || substr (o.recurrence_id, 5, 2) || '-' || " \
  "substr (o.recurrence_id, 7, 2)"
/* Whether an issued or paid invoice bills a fee; a cancelled one no
 * longer does, which makes the fee invoiceable again. */
#define FEE_BILLED(TASK, RECURRENCE) \
  "EXISTS (SELECT 1 FROM invoice_lines bl JOIN invoices bi ON bi.id = bl.invoice_id " \
  "WHERE bl.task_id = " TASK " AND bl.recurrence_id = " RECURRENCE " " \
  "AND bl.kind = 'fixed-fee' AND bi.kind = 'invoice' AND bi.state IN ('issued', 'paid'))"
/* Done occurrences of fixed-fee series and done fixed-fee one-off tasks,
 * due in the period, that no invoice bills yet. */
static const char *select_invoiceable_fees_sql =
  "SELECT t.id, t.title, o.recurrence_id, " OCCURRENCE_DATE ", t.billing_amount, "
  "coalesce (t.handbook_id, 0), coalesce (t.handbook_version, 0) "
  "FROM task_occurrences o JOIN tasks t ON t.id = o.task_id "
  "WHERE t.assistant_id = ?1 AND t.billing = 'fixed-fee' AND t.rrule <> '' "
  "AND o.status = 'done' AND " OCCURRENCE_DATE " BETWEEN ?2 AND ?3 "
  "AND NOT " FEE_BILLED ("t.id", "o.recurrence_id") " "
  "UNION ALL "
  "SELECT t.id, t.title, '', t.due_date, t.billing_amount, "
  "coalesce (t.handbook_id, 0), coalesce (t.handbook_version, 0) FROM tasks t "
  "WHERE t.assistant_id = ?1 AND t.billing = 'fixed-fee' AND t.rrule = '' "
  "AND t.status = 'done' AND t.due_date BETWEEN ?2 AND ?3 "
  "AND NOT " FEE_BILLED ("t.id", "''") " "
  "ORDER BY 4, 2, 1, 3";

/* What issuing checks again: every entry a line bills still approved … */
static const char *count_stale_entries_sql =
  "SELECT count(*) FROM invoice_line_entries le JOIN invoice_lines l ON l.id = le.line_id "
  "LEFT JOIN time_entries e ON e.id = le.entry_id "
  "WHERE l.invoice_id = ?1 AND (e.state IS NULL OR e.state <> 'approved')";
/* … and every fee still done and billed nowhere else. */
static const char *count_stale_fees_sql =
  "SELECT count(*) FROM invoice_lines l WHERE l.invoice_id = ?1 AND l.kind = 'fixed-fee' "
  "AND (l.task_id IS NULL "
  "  OR (l.recurrence_id = '' AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = l.task_id "
  "      AND t.billing = 'fixed-fee' AND t.status = 'done')) "
  "  OR (l.recurrence_id <> '' AND NOT EXISTS (SELECT 1 FROM task_occurrences o "
  "      WHERE o.task_id = l.task_id AND o.recurrence_id = l.recurrence_id "
  "      AND o.status = 'done')) "
  "  OR " FEE_BILLED ("l.task_id", "l.recurrence_id") ")";

static const char *select_billed_entries_sql =
  "SELECT DISTINCT e.id, e.assistant_id, e.local_date, e.minutes, e.note, coalesce (t.title, '') "
  "FROM invoice_line_entries le JOIN invoice_lines l ON l.id = le.line_id "
  "JOIN time_entries e ON e.id = le.entry_id LEFT JOIN tasks t ON t.id = e.task_id "
  /* "+e.state": the invoice's own lines lead the join, not the index of
   * every entry in that state, which grows with all the hours ever approved. */
  "WHERE l.invoice_id = ?1 AND +e.state = ?2 ORDER BY e.local_date, e.id";
static const char *update_entry_state_sql =
  "UPDATE time_entries SET state = ?3 WHERE id = ?1 AND state = ?2";

static const char *insert_audit_sql =
  "INSERT INTO audit_log (at, object_type, object_id, assistant_id, local_date, "
  "old_state, new_state, reason, automatic, summary) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9)";
static const char *select_audit_sql =
  "SELECT id, at, object_type, object_id, assistant_id, local_date, old_state, new_state, "
  "reason, automatic, summary FROM audit_log "
  "WHERE object_type = 'invoice' AND object_id = ?1 ORDER BY id";

/* ---- the parties as they are now ----------------------------------------- */

typedef struct
{
  char *name;
  char *address;
  char *tax_number;
  char *vat_id;
  char *email;
  char *invoice_pattern;
  char *cancellation_pattern;
  int   payment_terms_days;
} Profile;

static void
profile_clear (Profile *profile)
{
  g_clear_pointer (&profile->name, g_free);
  g_clear_pointer (&profile->address, g_free);
  g_clear_pointer (&profile->tax_number, g_free);
  g_clear_pointer (&profile->vat_id, g_free);
  g_clear_pointer (&profile->email, g_free);
  g_clear_pointer (&profile->invoice_pattern, g_free);
  g_clear_pointer (&profile->cancellation_pattern, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Profile, profile_clear)

typedef struct
{
  gint64       id;
  char        *name;
  char        *address;
  char        *country;
  char        *email;
  char        *tax_number;
  char        *vat_id;
  char        *iban;
  char        *bic;
  char        *self_billing_date;
  DgTaxStatus  tax_status;
  int          vat_rate;
  char        *currency;
  gint64       hourly_rate;
  char        *language;
} Assistant;

static void
assistant_clear (Assistant *assistant)
{
  g_clear_pointer (&assistant->name, g_free);
  g_clear_pointer (&assistant->address, g_free);
  g_clear_pointer (&assistant->country, g_free);
  g_clear_pointer (&assistant->email, g_free);
  g_clear_pointer (&assistant->tax_number, g_free);
  g_clear_pointer (&assistant->vat_id, g_free);
  g_clear_pointer (&assistant->iban, g_free);
  g_clear_pointer (&assistant->bic, g_free);
  g_clear_pointer (&assistant->self_billing_date, g_free);
  g_clear_pointer (&assistant->currency, g_free);
  g_clear_pointer (&assistant->language, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Assistant, assistant_clear)

/* The invoice's view of the business profile and of an assistant, read
 * through DgBusinessProfile and DgAssistant like everywhere else. */
static gboolean
read_profile (DgInvoiceStore  *self,
              Profile         *out,
              GError         **error)
{
  g_autoptr(DgBusinessProfile) profile = dg_business_profile_load (self->db, error);

  if (profile == NULL)
    return FALSE;
  out->name = g_strdup (dg_business_profile_get_name (profile));
  out->address = g_strdup (dg_business_profile_get_address (profile));
  out->tax_number = g_strdup (dg_business_profile_get_tax_number (profile));
  out->vat_id = g_strdup (dg_business_profile_get_vat_id (profile));
  out->email = g_strdup (dg_business_profile_get_email (profile));
  out->invoice_pattern = g_strdup (dg_business_profile_get_invoice_number_pattern (profile));
  out->cancellation_pattern = g_strdup (dg_business_profile_get_cancellation_number_pattern (profile));
  out->payment_terms_days = dg_business_profile_get_payment_terms_days (profile);
  return TRUE;
}

static gboolean
read_assistant (DgInvoiceStore  *self,
                gint64           assistant_id,
                Assistant       *out,
                GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DgAssistant) assistant = dg_assistant_load (self->db, assistant_id, &local_error);

  if (assistant == NULL)
    {
      if (g_error_matches (local_error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_NOT_FOUND))
        g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  out->id = assistant_id;
  out->name = g_strdup (dg_assistant_get_name (assistant));
  out->address = g_strdup (dg_assistant_get_address (assistant));
  out->country = g_strdup (dg_assistant_get_country (assistant));
  out->email = g_strdup (dg_assistant_get_email (assistant));
  out->tax_number = g_strdup (dg_assistant_get_tax_number (assistant));
  out->vat_id = g_strdup (dg_assistant_get_vat_id (assistant));
  out->iban = g_strdup (dg_assistant_get_iban (assistant));
  out->bic = g_strdup (dg_assistant_get_bic (assistant));
  out->self_billing_date = g_strdup (dg_assistant_get_self_billing_date (assistant));
  out->tax_status = dg_assistant_get_tax_status (assistant);
  out->vat_rate = dg_assistant_get_vat_rate (assistant);
  out->currency = g_strdup (dg_assistant_get_currency (assistant));
  out->hourly_rate = dg_assistant_get_hourly_rate (assistant);
  out->language = g_strdup (dg_assistant_get_invoice_language (assistant));
  return TRUE;
}

/* The rate every line of a draft for @assistant is taxed at. */
static int
tax_rate_of (const Assistant *assistant)
{
  return assistant->tax_status == DG_TAX_STATUS_VAT ? assistant->vat_rate : 0;
}

static DgInvoiceParties *
make_parties (const Profile   *profile,
              const Assistant *assistant)
{
  DgInvoiceParties *parties = g_new0 (DgInvoiceParties, 1);

  parties->business_name = g_strdup (profile->name);
  parties->business_address = g_strdup (profile->address);
  parties->business_tax_number = g_strdup (profile->tax_number);
  parties->business_vat_id = g_strdup (profile->vat_id);
  parties->business_email = g_strdup (profile->email);
  parties->assistant_name = g_strdup (assistant->name);
  parties->assistant_address = g_strdup (assistant->address);
  parties->assistant_country = g_strdup (assistant->country);
  parties->assistant_email = g_strdup (assistant->email);
  parties->assistant_tax_number = g_strdup (assistant->tax_number);
  parties->assistant_vat_id = g_strdup (assistant->vat_id);
  parties->assistant_iban = g_strdup (assistant->iban);
  parties->assistant_bic = g_strdup (assistant->bic);
  parties->self_billing_date = g_strdup (assistant->self_billing_date);
  parties->tax_status = assistant->tax_status;
  parties->vat_rate = tax_rate_of (assistant);
  return parties;
}

/* ---- small helpers ---------------------------------------------------------- */

static char *
now_utc_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
format_date (const GDate *date,
             char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

/* Reads a stored "YYYY-MM-DD" (the schema's CHECKs keep its shape). */
static gboolean
parse_date (const char *text,
            GDate      *out_date)
{
  unsigned int year, month, day;

  g_date_clear (out_date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

/* A stored date for a message: "2 Mar 2026". */
static char *
display_date (const char *iso)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (!parse_date (iso, &date))
    return g_strdup (iso);
  day = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date), 0, 0, 0);
  /* Translators: a date in a message about an invoice, "2 Mar 2026"; see
   * g_date_time_format() for the codes. */
  return g_date_time_format (day, _("%-d %b %Y"));
}

/* Steps @stmt, a query with one row and an integer first column. */
static gboolean
query_int (DgDatabase    *db,
           sqlite3_stmt  *stmt,
           gint64        *out_value,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  else
    dg_database_propagate_error (db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static void
bind_optional_id (sqlite3_stmt *stmt,
                  int           index,
                  gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
emit_changed (DgInvoiceStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The text of a line of hours that belong to no task, in the invoice's
 * language: printed on the document, so it comes from the document's
 * table of words, not from gettext. */
static const char *
hours_without_task (const char *language)
{
  return dg_invoice_text_get (dg_invoice_language_from_code (language),
                              DG_INVOICE_TEXT_HOURS_WITHOUT_TASK);
}

/* @text cut to DG_INVOICE_LINE_DESCRIPTION_MAX characters, ending in "…" when cut. */
static char *
cap_description (const char *text)
{
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (text, -1) <= DG_INVOICE_LINE_DESCRIPTION_MAX)
    return g_strdup (text);
  cut = g_utf8_substring (text, 0, DG_INVOICE_LINE_DESCRIPTION_MAX - 1);
  return g_strconcat (g_strchomp (cut), "…", NULL);
}

/* The owner's local date, or the one a test set. */
static void
owner_today (DgInvoiceStore *self,
             char            out[11])
{
  g_autoptr(GDateTime) now = NULL;

  if (g_date_valid (&self->today))
    {
      format_date (&self->today, out);
      return;
    }
  now = g_date_time_new_now_local ();
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_time_get_year (now),
              g_date_time_get_month (now), g_date_time_get_day_of_month (now));
}

/* ---- audit rows ------------------------------------------------------------- */

static gboolean
write_audit (DgInvoiceStore  *self,
             const char      *object_type,
             gint64           object_id,
             gint64           assistant_id,
             const char      *local_date,
             const char      *old_state,
             const char      *new_state,
             const char      *reason,
             const char      *summary,
             GError         **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, insert_audit_sql, error);
  g_autofree char *at = now_utc_string ();

  if (stmt == NULL)
    return FALSE;
  dg_database_bind_text (stmt, 1, at);
  dg_database_bind_text (stmt, 2, object_type);
  sqlite3_bind_int64 (stmt, 3, object_id);
  sqlite3_bind_int64 (stmt, 4, assistant_id);
  dg_database_bind_text (stmt, 5, local_date);
  dg_database_bind_text (stmt, 6, old_state);
  dg_database_bind_text (stmt, 7, new_state);
  dg_database_bind_text (stmt, 8, reason);
  dg_database_bind_text (stmt, 9, summary);
  return dg_database_execute (self->db, stmt, error);
}

/* What an invoice's audit row is about: "2026-0001, Maria Santos,
 * 2026-11-01 – 2026-11-30" (a draft has no number yet). */
static char *
invoice_summary (const char *number,
                 const char *assistant_name,
                 const char *period_start,
                 const char *period_end)
{
  if (number != NULL && *number != '\0')
    return g_strdup_printf ("%s, %s, %s – %s", number, assistant_name, period_start, period_end);
  return g_strdup_printf ("%s, %s – %s", assistant_name, period_start, period_end);
}

static gboolean
write_invoice_audit (DgInvoiceStore  *self,
                     DgInvoice       *invoice,
                     const char      *number,
                     const char      *old_state,
                     const char      *new_state,
                     const char      *reason,
                     GError         **error)
{
  g_autofree char *summary = invoice_summary (number, dg_invoice_get_assistant_name (invoice),
                                              dg_invoice_get_period_start (invoice),
                                              dg_invoice_get_period_end (invoice));

  return write_audit (self, "invoice", dg_invoice_get_id (invoice),
                      dg_invoice_get_assistant_id (invoice), "", old_state, new_state,
                      reason, summary, error);
}

/* An entry whose state an invoice changes, with what its audit row says. */
typedef struct
{
  gint64  id;
  gint64  assistant_id;
  char   *local_date;
  gint64  minutes;
  char   *note;
  char   *task_title;
} BilledEntry;

static void
billed_entry_clear (BilledEntry *entry)
{
  g_free (entry->local_date);
  g_free (entry->note);
  g_free (entry->task_title);
}

/* Moves every entry @invoice_id bills from @from to @to, each with its
 * audit row. The entries are read first: the table is not changed under
 * a running query. */
static gboolean
move_billed_entries (DgInvoiceStore  *self,
                     gint64           invoice_id,
                     const char      *from,
                     const char      *to,
                     const char      *reason,
                     GError         **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (BilledEntry));
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_billed_entries_sql, error);
  int rc;

  g_array_set_clear_func (entries, (GDestroyNotify) billed_entry_clear);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  dg_database_bind_text (stmt, 2, from);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BilledEntry entry = {
        .id = sqlite3_column_int64 (stmt, 0),
        .assistant_id = sqlite3_column_int64 (stmt, 1),
        .local_date = g_strdup (dg_database_column_text (stmt, 2)),
        .minutes = sqlite3_column_int64 (stmt, 3),
        .note = g_strdup (dg_database_column_text (stmt, 4)),
        .task_title = g_strdup (dg_database_column_text (stmt, 5)),
      };

      g_array_append_val (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < entries->len; i++)
    {
      const BilledEntry *entry = &g_array_index (entries, BilledEntry, i);
      g_autofree char *summary = dg_time_entry_format_audit_summary (entry->local_date,
                                                                     entry->minutes,
                                                                     entry->task_title,
                                                                     entry->note);

      stmt = dg_database_prepare (self->db, update_entry_state_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry->id);
      dg_database_bind_text (stmt, 2, from);
      dg_database_bind_text (stmt, 3, to);
      if (!dg_database_execute (self->db, stmt, error))
        return FALSE;
      /* Read in this transaction with that state: a mismatch is a bug. */
      g_assert (dg_database_changes (self->db) == 1);
      if (!write_audit (self, "time-entry", entry->id, entry->assistant_id, entry->local_date,
                        from, to, reason, summary, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- reading invoices ------------------------------------------------------- */

static DgInvoiceLine *
line_from_row (sqlite3_stmt *stmt)
{
  DgInvoiceLine *line = g_new0 (DgInvoiceLine, 1);

  line->id = sqlite3_column_int64 (stmt, 0);
  line->position = (guint) sqlite3_column_int (stmt, 1);
  /* The schema's CHECK keeps the kind to the known ones. */
  line->kind = DG_INVOICE_LINE_EXTRA;
  dg_invoice_line_kind_from_string (dg_database_column_text (stmt, 2), &line->kind);
  line->description = g_strdup (dg_database_column_text (stmt, 3));
  line->service_date = g_strdup (dg_database_column_text (stmt, 4));
  line->task_id = sqlite3_column_int64 (stmt, 5);
  line->recurrence_id = g_strdup (dg_database_column_text (stmt, 6));
  line->handbook_id = sqlite3_column_int64 (stmt, 7);
  line->handbook_version = sqlite3_column_int (stmt, 8);
  line->minutes = sqlite3_column_int64 (stmt, 9);
  line->quantity = sqlite3_column_int64 (stmt, 10);
  line->unit_price = sqlite3_column_int64 (stmt, 11);
  line->amount = sqlite3_column_int64 (stmt, 12);
  line->tax_rate = sqlite3_column_int (stmt, 13);
  return line;
}

static GPtrArray *
read_lines (DgInvoiceStore  *self,
            gint64           invoice_id,
            GError         **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_invoice_line_free);
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_lines_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (lines, line_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&lines);
}

/* What an invoice row holds, copied out of the statement so that other
 * statements can run before the invoice is made: the fields the invoice
 * is made from, their strings owned by @strings, and the stored parties. */
typedef struct
{
  DgInvoiceFields  fields;
  GPtrArray       *strings;
  char            *parties;
} InvoiceRow;

static void
invoice_row_clear (InvoiceRow *row)
{
  g_clear_pointer (&row->strings, g_ptr_array_unref);
  g_clear_pointer (&row->parties, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (InvoiceRow, invoice_row_clear)

/* A text column of @stmt, kept by @row. */
static const char *
invoice_row_text (InvoiceRow   *row,
                  sqlite3_stmt *stmt,
                  int           column)
{
  char *text = g_strdup (dg_database_column_text (stmt, column));

  g_ptr_array_add (row->strings, text);
  return text;
}

static void
invoice_row_read (InvoiceRow   *row,
                  sqlite3_stmt *stmt)
{
  DgInvoiceFields *fields = &row->fields;

  row->strings = g_ptr_array_new_with_free_func (g_free);
  /* The schema's CHECKs keep the texts to the known ones. */
  fields->id = sqlite3_column_int64 (stmt, 0);
  fields->kind = g_strcmp0 (dg_database_column_text (stmt, 1), "cancellation") == 0
                 ? DG_INVOICE_KIND_CANCELLATION : DG_INVOICE_KIND_INVOICE;
  fields->state = DG_INVOICE_STATE_DRAFT;
  dg_invoice_state_from_string (dg_database_column_text (stmt, 2), &fields->state);
  fields->number = invoice_row_text (row, stmt, 3);
  fields->assistant_id = sqlite3_column_int64 (stmt, 4);
  fields->period_start = invoice_row_text (row, stmt, 5);
  fields->period_end = invoice_row_text (row, stmt, 6);
  fields->grouping = DG_INVOICE_GROUPING_BY_TASK;
  dg_invoice_grouping_from_string (dg_database_column_text (stmt, 7), &fields->grouping);
  fields->currency = invoice_row_text (row, stmt, 8);
  fields->language = invoice_row_text (row, stmt, 9);
  fields->paper = DG_PAPER_A4;
  dg_paper_from_string (dg_database_column_text (stmt, 10), &fields->paper);
  fields->issue_date = invoice_row_text (row, stmt, 11);
  fields->due_date = invoice_row_text (row, stmt, 12);
  fields->paid_date = invoice_row_text (row, stmt, 13);
  fields->paid_amount = sqlite3_column_int64 (stmt, 14);
  fields->cancels_id = sqlite3_column_int64 (stmt, 15);
  fields->cancels_number = invoice_row_text (row, stmt, 16);
  fields->cancelled_by_id = sqlite3_column_int64 (stmt, 17);
  fields->cancelled_by_number = invoice_row_text (row, stmt, 18);
  fields->cancel_reason = invoice_row_text (row, stmt, 19);
  row->parties = g_strdup (dg_database_column_text (stmt, 20));
}

/* The parties of @row: frozen when it was issued (or, for a cancellation,
 * copied from its original), else the business profile and the assistant
 * as they are now. @profile is read once by the caller, which may make
 * many invoices. */
static DgInvoiceParties *
row_parties (DgInvoiceStore    *self,
             const InvoiceRow  *row,
             const Profile     *profile,
             GError           **error)
{
  g_auto(Assistant) assistant = { 0 };

  if (*row->parties != '\0')
    return dg_invoice_parties_parse (row->parties, error);
  if (!read_assistant (self, row->fields.assistant_id, &assistant, error))
    return NULL;
  return make_parties (profile, &assistant);
}

static DgInvoice *
invoice_from_row (DgInvoiceStore    *self,
                  const InvoiceRow  *row,
                  const Profile     *profile,
                  GError           **error)
{
  g_autoptr(DgInvoiceParties) parties = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  DgInvoiceFields fields = row->fields;

  parties = row_parties (self, row, profile, error);
  if (parties == NULL)
    return NULL;
  lines = read_lines (self, fields.id, error);
  if (lines == NULL)
    return NULL;

  /* The invoice copies the name while it takes the parties over. */
  fields.assistant_name = parties->assistant_name;
  return _dg_invoice_new (&fields, g_steal_pointer (&lines), g_steal_pointer (&parties), error);
}

static void
set_not_found_error (GError **error)
{
  g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND,
                       _("The invoice no longer exists. Reload the list of invoices."));
}

static DgInvoice *
load_invoice (DgInvoiceStore  *self,
              gint64           invoice_id,
              GError         **error)
{
  g_auto(Profile) profile = { 0 };
  g_auto(InvoiceRow) row = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (!read_profile (self, &profile, error))
    return NULL;
  stmt = dg_database_prepare (self->db, select_invoice_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    invoice_row_read (&row, stmt);
  else if (rc == SQLITE_DONE)
    set_not_found_error (error);
  else
    dg_database_propagate_error (self->db, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return NULL;
  return invoice_from_row (self, &row, &profile, error);
}

/* The head of an invoice: what the checks before a change need. */
typedef struct
{
  DgInvoiceKind   kind;
  DgInvoiceState  state;
  char           *number;
} InvoiceHead;

static void
invoice_head_clear (InvoiceHead *head)
{
  g_clear_pointer (&head->number, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (InvoiceHead, invoice_head_clear)

static gboolean
read_head (DgInvoiceStore  *self,
           gint64           invoice_id,
           InvoiceHead     *out,
           GError         **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_head_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->kind = g_strcmp0 (dg_database_column_text (stmt, 0), "cancellation") == 0
                  ? DG_INVOICE_KIND_CANCELLATION : DG_INVOICE_KIND_INVOICE;
      out->state = DG_INVOICE_STATE_DRAFT;
      dg_invoice_state_from_string (dg_database_column_text (stmt, 1), &out->state);
      out->number = g_strdup (dg_database_column_text (stmt, 2));
    }
  else if (rc == SQLITE_DONE)
    set_not_found_error (error);
  else
    dg_database_propagate_error (self->db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

typedef enum
{
  CHANGE_EDIT,
  CHANGE_DELETE,
  CHANGE_ISSUE,
} Change;

/* Why an invoice that is no longer a draft refuses @change. */
static void
set_frozen_error (DgInvoiceKind    kind,
                  DgInvoiceState   state,
                  const char      *number,
                  Change           change,
                  GError         **error)
{
  const char *format;

  g_assert (state != DG_INVOICE_STATE_DRAFT);

  if (change == CHANGE_ISSUE)
    format = kind == DG_INVOICE_KIND_CANCELLATION
             ? _("The cancellation %s is issued already.")
             : _("The invoice %s is issued already. Make a new draft to invoice more work.");
  else if (change == CHANGE_DELETE)
    format = kind == DG_INVOICE_KIND_CANCELLATION
             ? _("The cancellation %s is issued, so it can never be deleted.")
             : state == DG_INVOICE_STATE_CANCELLED
             ? _("The invoice %s is cancelled, and an issued invoice can never be deleted.")
             : _("The invoice %s is issued, so it can never be deleted. Cancel it with a cancellation invoice instead.");
  else
    format = kind == DG_INVOICE_KIND_CANCELLATION
             ? _("The cancellation %s is issued, so it can never be changed.")
             : state == DG_INVOICE_STATE_CANCELLED
             ? _("The invoice %s is cancelled, so it can never be changed. Make a new draft instead.")
             : _("The invoice %s is issued, so it can never be changed. Cancel it and make a new draft to correct it.");

  g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_FROZEN, format, number);
}

/* Reads the head of @invoice_id and fails unless it is a draft. */
static gboolean
require_draft (DgInvoiceStore  *self,
               gint64           invoice_id,
               Change           change,
               GError         **error)
{
  g_auto(InvoiceHead) head = { 0 };

  if (!read_head (self, invoice_id, &head, error))
    return FALSE;
  if (head.state != DG_INVOICE_STATE_DRAFT)
    {
      set_frozen_error (head.kind, head.state, head.number, change, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- building a draft's lines ----------------------------------------------- */

/* A line about to be written, with the entries it bills. */
typedef struct
{
  DgInvoiceLine *line;
  GArray        *entry_ids;  /* gint64 */
  char          *sort_key;   /* hours by task: the title's collation key */
} WorkLine;

static void
work_line_free (WorkLine *work)
{
  dg_invoice_line_free (work->line);
  g_array_unref (work->entry_ids);
  g_free (work->sort_key);
  g_free (work);
}

static WorkLine *
work_line_new (DgInvoiceLineKind  kind,
               const char        *description,
               const char        *service_date,
               gint64             task_id,
               const char        *recurrence_id,
               gint64             handbook_id,
               int                handbook_version,
               int                tax_rate)
{
  WorkLine *work = g_new0 (WorkLine, 1);

  work->line = g_new0 (DgInvoiceLine, 1);
  work->line->kind = kind;
  work->line->description = g_strdup (description);
  work->line->service_date = g_strdup (service_date);
  work->line->task_id = task_id;
  work->line->recurrence_id = g_strdup (recurrence_id);
  work->line->handbook_id = handbook_id;
  work->line->handbook_version = handbook_version;
  work->line->quantity = 1;
  work->line->tax_rate = tax_rate;
  work->entry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return work;
}

/* By task: hours lines in the order of their titles, hours without a
 * task last. */
static int
compare_task_lines (gconstpointer a,
                    gconstpointer b)
{
  const WorkLine *first = *(WorkLine * const *) a;
  const WorkLine *second = *(WorkLine * const *) b;
  int order;

  if ((first->line->task_id == 0) != (second->line->task_id == 0))
    return first->line->task_id == 0 ? 1 : -1;
  order = strcmp (first->sort_key, second->sort_key);
  if (order != 0)
    return order;
  if (first->line->task_id != second->line->task_id)
    return first->line->task_id < second->line->task_id ? -1 : 1;
  return first->line->unit_price < second->line->unit_price ? -1
         : first->line->unit_price > second->line->unit_price;
}

/* The fee line of @task_id that hours dated @local_date belong to: the
 * first occurrence due on or after that day (work precedes its due
 * date), else the task's last one; NULL when the draft has none. */
static WorkLine *
find_fee_line (GPtrArray  *fee_lines,
               gint64      task_id,
               const char *local_date)
{
  WorkLine *last = NULL;

  for (guint i = 0; i < fee_lines->len; i++)
    {
      WorkLine *fee = g_ptr_array_index (fee_lines, i);

      if (fee->line->task_id != task_id)
        continue;
      if (strcmp (fee->line->service_date, local_date) >= 0)
        return fee;
      last = fee;
    }
  return last;
}

static gboolean
insert_line (DgInvoiceStore  *self,
             gint64           invoice_id,
             guint            position,
             WorkLine        *work,
             GError         **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, insert_line_sql, error);
  const DgInvoiceLine *line = work->line;
  gint64 line_id;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int (stmt, 2, (int) position);
  dg_database_bind_text (stmt, 3, dg_invoice_line_kind_to_string (line->kind));
  dg_database_bind_text (stmt, 4, line->description);
  dg_database_bind_text (stmt, 5, line->service_date);
  bind_optional_id (stmt, 6, line->task_id);
  dg_database_bind_text (stmt, 7, line->recurrence_id);
  bind_optional_id (stmt, 8, line->handbook_id);
  if (line->handbook_id != 0)
    sqlite3_bind_int (stmt, 9, line->handbook_version);
  else
    sqlite3_bind_null (stmt, 9);
  sqlite3_bind_int64 (stmt, 10, line->minutes);
  sqlite3_bind_int64 (stmt, 11, line->quantity);
  sqlite3_bind_int64 (stmt, 12, line->unit_price);
  sqlite3_bind_int64 (stmt, 13, line->amount);
  sqlite3_bind_int (stmt, 14, line->tax_rate);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  line_id = dg_database_last_insert_id (self->db);

  for (guint i = 0; i < work->entry_ids->len; i++)
    {
      stmt = dg_database_prepare (self->db, insert_line_entry_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, line_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (work->entry_ids, gint64, i));
      if (!dg_database_execute (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The done fixed fees of the period that no invoice bills yet, as lines. */
static GPtrArray *
collect_fee_lines (DgInvoiceStore   *self,
                   const Assistant  *assistant,
                   const char       *from,
                   const char       *to,
                   GError          **error)
{
  g_autoptr(GPtrArray) fees = g_ptr_array_new_with_free_func ((GDestroyNotify) work_line_free);
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_invoiceable_fees_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assistant->id);
  dg_database_bind_text (stmt, 2, from);
  dg_database_bind_text (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 handbook_id = sqlite3_column_int64 (stmt, 5);
      g_autofree char *description = cap_description (dg_database_column_text (stmt, 1));
      WorkLine *fee = work_line_new (DG_INVOICE_LINE_FIXED_FEE,
                                     description,
                                     dg_database_column_text (stmt, 3),
                                     sqlite3_column_int64 (stmt, 0),
                                     dg_database_column_text (stmt, 2),
                                     handbook_id, sqlite3_column_int (stmt, 6),
                                     tax_rate_of (assistant));

      fee->line->unit_price = sqlite3_column_int64 (stmt, 4);
      fee->line->amount = fee->line->unit_price;
      g_ptr_array_add (fees, fee);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&fees);
}

/* The approved entries of the period as hours lines (@grouping), each
 * entry of a fixed-fee task linked to that task's fee line instead. */
static GPtrArray *
collect_hours_lines (DgInvoiceStore     *self,
                     const Assistant    *assistant,
                     const char         *from,
                     const char         *to,
                     DgInvoiceGrouping   grouping,
                     const char         *language,
                     GPtrArray          *fee_lines,
                     GError            **error)
{
  g_autoptr(GPtrArray) hours = g_ptr_array_new_with_free_func ((GDestroyNotify) work_line_free);
  /* By task: the line of each (task, rate), owned by @hours. */
  g_autoptr(GHashTable) by_task = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_invoiceable_entries_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assistant->id);
  dg_database_bind_text (stmt, 2, from);
  dg_database_bind_text (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 entry_id = sqlite3_column_int64 (stmt, 0);
      gint64 task_id = sqlite3_column_int64 (stmt, 1);
      const char *local_date = dg_database_column_text (stmt, 2);
      gint64 minutes = sqlite3_column_int64 (stmt, 3);
      const char *billing = dg_database_column_text (stmt, 6);
      const char *title = task_id != 0 ? dg_database_column_text (stmt, 5)
                                       : hours_without_task (language);
      gint64 rate = g_strcmp0 (billing, "own-rate") == 0 ? sqlite3_column_int64 (stmt, 7)
                                                         : assistant->hourly_rate;
      WorkLine *work = NULL;

      /* A fixed fee pays for the task however long it took. Hours whose
       * fee is not on this draft (billed by an earlier invoice, or due
       * outside the period) are billed by no line: they are paid by that
       * fee, so they stay approved rather than becoming invoiced with a
       * line that does not bill them. */
      if (g_strcmp0 (billing, "fixed-fee") == 0)
        {
          WorkLine *fee = find_fee_line (fee_lines, task_id, local_date);

          if (fee != NULL)
            g_array_append_val (fee->entry_ids, entry_id);
          continue;
        }

      if (grouping == DG_INVOICE_GROUPING_BY_TASK)
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                  task_id, rate);

          work = g_hash_table_lookup (by_task, key);
          if (work == NULL)
            {
              g_autofree char *description = cap_description (title);

              work = work_line_new (DG_INVOICE_LINE_HOURS, description, "", task_id, "",
                                    sqlite3_column_int64 (stmt, 8), sqlite3_column_int (stmt, 9),
                                    tax_rate_of (assistant));
              work->line->unit_price = rate;
              work->sort_key = g_utf8_collate_key (title, -1);
              g_hash_table_insert (by_task, g_steal_pointer (&key), work);
              g_ptr_array_add (hours, work);
            }
        }
      else
        {
          g_autofree char *note = g_strdup (dg_database_column_text (stmt, 4));
          g_autofree char *joined = NULL;
          g_autofree char *description = NULL;

          /* One line of text: the note's line breaks become spaces. A
           * long note is cut, so that the row fits a page. */
          g_strstrip (g_strdelimit (note, "\r\n\t", ' '));
          joined = *note != '\0' ? g_strconcat (title, " – ", note, NULL) : g_strdup (title);
          description = cap_description (joined);
          work = work_line_new (DG_INVOICE_LINE_HOURS, description, local_date, task_id, "",
                                sqlite3_column_int64 (stmt, 8), sqlite3_column_int (stmt, 9),
                                tax_rate_of (assistant));
          work->line->unit_price = rate;
          g_ptr_array_add (hours, work);
        }

      work->line->minutes += minutes;
      g_array_append_val (work->entry_ids, entry_id);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  if (grouping == DG_INVOICE_GROUPING_BY_TASK)
    g_ptr_array_sort (hours, compare_task_lines);

  /* Each line is rounded on its own, from its minutes. */
  for (guint i = 0; i < hours->len; i++)
    {
      DgInvoiceLine *line = ((WorkLine *) g_ptr_array_index (hours, i))->line;

      if (!dg_money_amount_for_minutes (line->minutes, line->unit_price, &line->amount, error))
        return NULL;
    }
  return g_steal_pointer (&hours);
}

/* Writes the work lines of the draft @invoice_id (hours, then fixed fees)
 * from position 1 and sets @out_n_lines to how many. */
static gboolean
write_work_lines (DgInvoiceStore     *self,
                  gint64              invoice_id,
                  const Assistant    *assistant,
                  const char         *from,
                  const char         *to,
                  DgInvoiceGrouping   grouping,
                  guint              *out_n_lines,
                  GError            **error)
{
  g_autoptr(GPtrArray) fees = NULL;
  g_autoptr(GPtrArray) hours = NULL;
  guint position = 0;

  fees = collect_fee_lines (self, assistant, from, to, error);
  if (fees == NULL)
    return FALSE;
  hours = collect_hours_lines (self, assistant, from, to, grouping, assistant->language, fees, error);
  if (hours == NULL)
    return FALSE;

  for (guint i = 0; i < hours->len; i++)
    if (!insert_line (self, invoice_id, ++position, g_ptr_array_index (hours, i), error))
      return FALSE;
  for (guint i = 0; i < fees->len; i++)
    if (!insert_line (self, invoice_id, ++position, g_ptr_array_index (fees, i), error))
      return FALSE;
  *out_n_lines = position;
  return TRUE;
}

/* Stores the draft's totals from its lines, so that a list shows them
 * without adding up lines. */
static gboolean
update_draft_totals (DgInvoiceStore  *self,
                     gint64           invoice_id,
                     GError         **error)
{
  g_autoptr(GPtrArray) lines = read_lines (self, invoice_id, error);
  sqlite3_stmt *stmt;
  gint64 net, tax, total;

  if (lines == NULL ||
      !dg_invoice_compute_totals (lines, NULL, &net, &tax, &total, error))
    return FALSE;
  stmt = dg_database_prepare (self->db, update_draft_totals_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int64 (stmt, 2, net);
  sqlite3_bind_int64 (stmt, 3, tax);
  sqlite3_bind_int64 (stmt, 4, total);
  return dg_database_execute (self->db, stmt, error);
}

static gboolean
set_line_position (DgInvoiceStore  *self,
                   gint64           line_id,
                   guint            position,
                   GError         **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, update_line_position_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int64 (stmt, 2, position);
  return dg_database_execute (self->db, stmt, error);
}

/* Numbers @lines (the draft's, in order) from @first on. Positions are
 * unique per invoice, so every line first moves out of the way, above
 * any position in use. */
static gboolean
renumber_lines (DgInvoiceStore  *self,
                GPtrArray       *lines,
                guint            first,
                GError         **error)
{
  guint above = first + lines->len;

  for (guint i = 0; i < lines->len; i++)
    {
      const DgInvoiceLine *line = g_ptr_array_index (lines, i);

      above = MAX (above, line->position + 1);
    }
  for (guint i = 0; i < lines->len; i++)
    if (!set_line_position (self, ((DgInvoiceLine *) g_ptr_array_index (lines, i))->id,
                            above + i, error))
      return FALSE;
  for (guint i = 0; i < lines->len; i++)
    if (!set_line_position (self, ((DgInvoiceLine *) g_ptr_array_index (lines, i))->id,
                            first + i, error))
      return FALSE;
  return TRUE;
}

static void
set_nothing_to_invoice_error (const Assistant  *assistant,
                              const char       *from,
                              const char       *to,
                              GError          **error)
{
  g_autofree char *first = display_date (from);
  g_autofree char *last = display_date (to);

  g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOTHING_TO_INVOICE,
               _("%s has no approved hours and no done fixed-fee tasks from %s to %s that are not invoiced yet. Approve their hours first, or choose another period."),
               assistant->name, first, last);
}

/* ---- the object -------------------------------------------------------------- */

static void
dg_invoice_store_dispose (GObject *object)
{
  DgInvoiceStore *self = DG_INVOICE_STORE (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (dg_invoice_store_parent_class)->dispose (object);
}

static void
dg_invoice_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DgInvoiceStore *self = DG_INVOICE_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_invoice_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DgInvoiceStore *self = DG_INVOICE_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_invoice_store_class_init (DgInvoiceStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_invoice_store_dispose;
  object_class->get_property = dg_invoice_store_get_property;
  object_class->set_property = dg_invoice_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, DG_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dg_invoice_store_init (DgInvoiceStore *self)
{
  g_date_clear (&self->today, 1);
}

DgInvoiceStore *
dg_invoice_store_new (DgDatabase *db)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  return g_object_new (DG_TYPE_INVOICE_STORE, "database", db, NULL);
}

DgDatabase *
dg_invoice_store_get_database (DgInvoiceStore *self)
{
  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), NULL);

  return self->db;
}

void
_dg_invoice_store_set_issue_hook (DgInvoiceStore *self,
                                  void          (*hook) (gpointer data),
                                  gpointer        data)
{
  g_return_if_fail (DG_IS_INVOICE_STORE (self));

  self->issue_hook = hook;
  self->issue_hook_data = data;
}

void
_dg_invoice_store_set_today (DgInvoiceStore *self,
                             const GDate    *today)
{
  g_return_if_fail (DG_IS_INVOICE_STORE (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
}

/* ---- drafts ------------------------------------------------------------------- */

typedef struct
{
  DgInvoiceStore    *self;
  gint64             assistant_id;
  char               from[11];
  char               to[11];
  DgInvoiceGrouping  grouping;
  gint64             invoice_id;
} CreateDraftData;

static gboolean
create_draft_in_transaction (DgDatabase  *db,
                             gpointer     user_data,
                             GError     **error)
{
  CreateDraftData *data = user_data;
  DgInvoiceStore *self = data->self;
  g_auto(Assistant) assistant = { 0 };
  g_autofree char *created_at = now_utc_string ();
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;
  guint n_lines = 0;

  if (!read_assistant (self, data->assistant_id, &assistant, error))
    return FALSE;

  stmt = dg_database_prepare (self->db, insert_invoice_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->assistant_id);
  dg_database_bind_text (stmt, 2, data->from);
  dg_database_bind_text (stmt, 3, data->to);
  dg_database_bind_text (stmt, 4, dg_invoice_grouping_to_string (data->grouping));
  dg_database_bind_text (stmt, 5, assistant.currency);
  dg_database_bind_text (stmt, 6, assistant.language);
  dg_database_bind_text (stmt, 7, dg_paper_to_string (dg_paper_from_locale ()));
  dg_database_bind_text (stmt, 8, created_at);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  data->invoice_id = dg_database_last_insert_id (self->db);

  if (!write_work_lines (self, data->invoice_id, &assistant, data->from, data->to,
                         data->grouping, &n_lines, error))
    return FALSE;
  if (n_lines == 0)
    {
      set_nothing_to_invoice_error (&assistant, data->from, data->to, error);
      return FALSE;
    }
  summary = invoice_summary ("", assistant.name, data->from, data->to);
  return update_draft_totals (self, data->invoice_id, error) &&
         write_audit (self, "invoice", data->invoice_id, data->assistant_id, "",
                      "", "draft", "", summary, error);
}

static gboolean
check_period (const GDate  *from,
              const GDate  *to,
              GError      **error)
{
  if (g_date_compare (from, to) > 0)
    {
      g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                           _("The period ends before it starts. Choose an end on or after its first day."));
      return FALSE;
    }
  return TRUE;
}

DgInvoice *
dg_invoice_store_create_draft (DgInvoiceStore     *self,
                               gint64              assistant_id,
                               const GDate        *from,
                               const GDate        *to,
                               DgInvoiceGrouping   grouping,
                               GError            **error)
{
  CreateDraftData data = { 0 };

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (grouping == DG_INVOICE_GROUPING_BY_TASK ||
                        grouping == DG_INVOICE_GROUPING_BY_ENTRY, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_period (from, to, error))
    return NULL;

  data.self = self;
  data.assistant_id = assistant_id;
  format_date (from, data.from);
  format_date (to, data.to);
  data.grouping = grouping;
  if (!dg_database_transaction (self->db, create_draft_in_transaction, &data, error))
    return NULL;

  emit_changed (self);
  return load_invoice (self, data.invoice_id, error);
}

typedef struct
{
  DgInvoiceStore    *self;
  gint64             invoice_id;
  DgInvoiceGrouping  grouping;
} RefreshData;

static gboolean
refresh_in_transaction (DgDatabase  *db,
                        gpointer     user_data,
                        GError     **error)
{
  RefreshData *data = user_data;
  DgInvoiceStore *self = data->self;
  g_auto(Assistant) assistant = { 0 };
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(GPtrArray) extras = NULL;
  sqlite3_stmt *stmt;
  guint n_lines = 0;

  if (!require_draft (self, data->invoice_id, CHANGE_EDIT, error))
    return FALSE;
  draft = load_invoice (self, data->invoice_id, error);
  if (draft == NULL ||
      !read_assistant (self, dg_invoice_get_assistant_id (draft), &assistant, error))
    return FALSE;

  /* Valued at today's rates in the assistant's currency and language, as
   * a new draft would be. */
  stmt = dg_database_prepare (self->db, update_draft_settings_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invoice_id);
  dg_database_bind_text (stmt, 2, dg_invoice_grouping_to_string (data->grouping));
  dg_database_bind_text (stmt, 3, assistant.currency);
  dg_database_bind_text (stmt, 4, assistant.language);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;

  stmt = dg_database_prepare (self->db, delete_work_lines_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invoice_id);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;

  /* The owner's lines move behind the new work lines, in their order;
   * they are out of the way of positions 1 … n first. */
  extras = read_lines (self, data->invoice_id, error);
  if (extras == NULL || !renumber_lines (self, extras, G_MAXINT / 2, error))
    return FALSE;
  g_clear_pointer (&extras, g_ptr_array_unref);

  if (!write_work_lines (self, data->invoice_id, &assistant, dg_invoice_get_period_start (draft),
                         dg_invoice_get_period_end (draft), data->grouping, &n_lines, error))
    return FALSE;

  extras = read_lines (self, data->invoice_id, error);
  if (extras == NULL)
    return FALSE;
  g_ptr_array_remove_range (extras, 0, n_lines);
  if (!renumber_lines (self, extras, n_lines + 1, error))
    return FALSE;

  stmt = dg_database_prepare (self->db, update_lines_tax_rate_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invoice_id);
  sqlite3_bind_int (stmt, 2, tax_rate_of (&assistant));
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;

  return update_draft_totals (self, data->invoice_id, error);
}

DgInvoice *
dg_invoice_store_refresh_draft (DgInvoiceStore     *self,
                                gint64              invoice_id,
                                DgInvoiceGrouping   grouping,
                                GError            **error)
{
  RefreshData data = { self, invoice_id, grouping };

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), NULL);
  g_return_val_if_fail (grouping == DG_INVOICE_GROUPING_BY_TASK ||
                        grouping == DG_INVOICE_GROUPING_BY_ENTRY, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!dg_database_transaction (self->db, refresh_in_transaction, &data, error))
    return NULL;

  emit_changed (self);
  return load_invoice (self, invoice_id, error);
}

typedef struct
{
  DgInvoiceStore *self;
  gint64          invoice_id;
  const char     *description;
  gint64          quantity;
  gint64          unit_price;
} AddLineData;

static gboolean
add_line_in_transaction (DgDatabase  *db,
                         gpointer     user_data,
                         GError     **error)
{
  AddLineData *data = user_data;
  DgInvoiceStore *self = data->self;
  g_autoptr(DgInvoice) draft = NULL;
  GPtrArray *lines;
  WorkLine *work;
  guint position = 1;
  gboolean ok;

  if (!require_draft (self, data->invoice_id, CHANGE_EDIT, error))
    return FALSE;
  draft = load_invoice (self, data->invoice_id, error);
  if (draft == NULL)
    return FALSE;
  lines = dg_invoice_get_lines (draft);
  if (lines->len > 0)
    position = ((DgInvoiceLine *) g_ptr_array_index (lines, lines->len - 1))->position + 1;

  work = work_line_new (DG_INVOICE_LINE_EXTRA, data->description, "", 0, "", 0, 0,
                        dg_invoice_get_parties (draft)->vat_rate);
  work->line->quantity = data->quantity;
  work->line->unit_price = data->unit_price;
  work->line->amount = data->quantity * data->unit_price;
  ok = insert_line (self, data->invoice_id, position, work, error) &&
       update_draft_totals (self, data->invoice_id, error);
  work_line_free (work);
  return ok;
}

gboolean
dg_invoice_store_add_line (DgInvoiceStore  *self,
                           gint64           invoice_id,
                           const char      *description,
                           gint64           quantity,
                           gint64           unit_price,
                           GError         **error)
{
  g_autofree char *stripped = NULL;
  AddLineData data = { 0 };

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (description ? description : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                           _("Describe the line: an invoice line needs a description."));
      return FALSE;
    }
  if (g_utf8_strlen (stripped, -1) > DG_INVOICE_LINE_DESCRIPTION_MAX)
    {
      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                   _("The line’s description is longer than %d characters. Shorten it, or split it into several lines."),
                   DG_INVOICE_LINE_DESCRIPTION_MAX);
      return FALSE;
    }
  if (quantity < 1)
    {
      g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                           _("The quantity must be 1 or more. For a discount, enter a negative price."));
      return FALSE;
    }
  /* The amount must fit, and so must its negation on a cancellation. */
  if (unit_price == G_MININT64 ||
      (unit_price != 0 && quantity > G_MAXINT64 / ABS (unit_price)))
    {
      g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                           _("The line’s amount is too large. Check its quantity and price."));
      return FALSE;
    }

  data.self = self;
  data.invoice_id = invoice_id;
  data.description = stripped;
  data.quantity = quantity;
  data.unit_price = unit_price;
  if (!dg_database_transaction (self->db, add_line_in_transaction, &data, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

typedef struct
{
  DgInvoiceStore *self;
  gint64          invoice_id;
  gint64          line_id;
} RemoveLineData;

static gboolean
remove_line_in_transaction (DgDatabase  *db,
                            gpointer     user_data,
                            GError     **error)
{
  RemoveLineData *data = user_data;
  DgInvoiceStore *self = data->self;
  g_autoptr(GPtrArray) lines = NULL;
  sqlite3_stmt *stmt;

  if (!require_draft (self, data->invoice_id, CHANGE_EDIT, error))
    return FALSE;
  stmt = dg_database_prepare (self->db, delete_line_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->line_id);
  sqlite3_bind_int64 (stmt, 2, data->invoice_id);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  if (dg_database_changes (self->db) != 1)
    {
      g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND,
                           _("The line is no longer on this invoice. Reload the invoice."));
      return FALSE;
    }

  /* Positions stay 1, 2, … without a hole. */
  lines = read_lines (self, data->invoice_id, error);
  return lines != NULL &&
         renumber_lines (self, lines, 1, error) &&
         update_draft_totals (self, data->invoice_id, error);
}

gboolean
dg_invoice_store_remove_line (DgInvoiceStore  *self,
                              gint64           invoice_id,
                              gint64           line_id,
                              GError         **error)
{
  RemoveLineData data = { self, invoice_id, line_id };

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!dg_database_transaction (self->db, remove_line_in_transaction, &data, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

typedef struct
{
  DgInvoiceStore *self;
  gint64          invoice_id;
} InvoiceData;

static gboolean
delete_draft_in_transaction (DgDatabase  *db,
                             gpointer     user_data,
                             GError     **error)
{
  InvoiceData *data = user_data;
  DgInvoiceStore *self = data->self;
  g_autoptr(DgInvoice) draft = NULL;
  sqlite3_stmt *stmt;

  if (!require_draft (self, data->invoice_id, CHANGE_DELETE, error))
    return FALSE;
  draft = load_invoice (self, data->invoice_id, error);
  if (draft == NULL)
    return FALSE;
  stmt = dg_database_prepare (self->db, delete_draft_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invoice_id);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  g_assert (dg_database_changes (self->db) == 1);
  return write_invoice_audit (self, draft, "", "draft", "deleted", "", error);
}

gboolean
dg_invoice_store_delete_draft (DgInvoiceStore  *self,
                               gint64           invoice_id,
                               GError         **error)
{
  InvoiceData data = { self, invoice_id };

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!dg_database_transaction (self->db, delete_draft_in_transaction, &data, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

/* ---- issuing ------------------------------------------------------------------- */

static gboolean
missing_field (GError     **error,
               const char  *format,
               ...) G_GNUC_PRINTF (2, 3);

/* Sets DG_INVOICE_ERROR_MISSING_FIELD; returns FALSE for the caller to
 * return. */
static gboolean
missing_field (GError     **error,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (DG_INVOICE_ERROR, DG_INVOICE_ERROR_MISSING_FIELD,
                                                format, args));
  va_end (args);
  return FALSE;
}

/* The member states of the EU (ISO 3166, so Greece is GR): an assistant
 * there has a VAT ID for a reverse charge to name (Art. 226 (3) of the
 * VAT Directive); one elsewhere may have none. */
static gboolean
is_eu_country (const char *code)
{
  static const char * const members[] = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    if (g_strcmp0 (members[i], code) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the document of @invoice will carry the EPC payment code, built
 * exactly as the document builds it: a frozen document can never gain the
 * code later, so what it cannot carry is refused before issuing. */
static gboolean
check_payment_code (DgInvoice  *invoice,
                    GError    **error)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (invoice);
  DgMoney total = dg_invoice_get_total (invoice);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *payload = NULL;

  if (dg_invoice_get_kind (invoice) == DG_INVOICE_KIND_CANCELLATION ||
      g_strcmp0 (total.currency, "EUR") != 0 || total.minor <= 0 ||
      dg_text_is_blank (parties->assistant_iban))
    return TRUE;
  payload = dg_epc_qr_payload (parties->assistant_bic,
                               parties->assistant_name != NULL ? parties->assistant_name : "",
                               parties->assistant_iban, total.minor,
                               dg_invoice_get_number (invoice), &local_error);
  if (payload == NULL)
    return missing_field (error, "%s", local_error->message);
  return TRUE;
}

/* Whether @invoice (a draft, with the parties as they are now) holds
 * everything its document needs (§14(4) UStG, Art. 226 of the VAT
 * Directive). */
static gboolean
check_document_fields (DgInvoice  *invoice,
                       GError    **error)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (invoice);
  const char *name = parties->assistant_name;

  if (dg_text_is_blank (parties->business_name))
    return missing_field (error, "%s", _("Enter your business’s name in Preferences → Business."));
  if (dg_text_is_blank (parties->business_address))
    return missing_field (error, "%s", _("Enter your business’s address in Preferences → Business."));
  if (dg_text_is_blank (parties->business_tax_number) && dg_text_is_blank (parties->business_vat_id))
    return missing_field (error, "%s", _("Enter your business’s tax number or VAT ID in Preferences → Business."));
  if (dg_text_is_blank (parties->assistant_address))
    return missing_field (error, _("Enter %s’s postal address in their details under Assistants."), name);
  if (dg_text_is_blank (parties->self_billing_date))
    return missing_field (error, _("Enter the date of the self-billing agreement with %s in their details under Assistants: a self-billing invoice needs one (§ 14 (2) UStG)."), name);

  switch (parties->tax_status)
    {
    case DG_TAX_STATUS_VAT:
      /* Charging no tax needs a reason on the document (§ 14 (4) Nr. 8
       * UStG), which only the other statuses print. */
      if (parties->vat_rate == 0)
        return missing_field (error, _("%s is set to charge VAT at 0 %%. Enter their VAT rate, or choose the tax status that exempts them, under Assistants."), name);
      G_GNUC_FALLTHROUGH;
    case DG_TAX_STATUS_SMALL_BUSINESS:
      if (dg_text_is_blank (parties->assistant_tax_number) && dg_text_is_blank (parties->assistant_vat_id))
        return missing_field (error, _("Enter %s’s tax number or VAT ID in their details under Assistants."), name);
      break;
    case DG_TAX_STATUS_REVERSE_CHARGE:
      if (dg_text_is_blank (parties->business_vat_id))
        return missing_field (error, "%s", _("Enter your business’s VAT ID in Preferences → Business: a reverse-charge invoice names both VAT IDs."));
      /* An assistant outside the EU has no EU VAT ID to name; an unknown
       * country is taken as inside. */
      if (dg_text_is_blank (parties->assistant_vat_id) &&
          (dg_text_is_blank (parties->assistant_country) || is_eu_country (parties->assistant_country)))
        return missing_field (error, _("Enter %s’s VAT ID in their details under Assistants: a reverse-charge invoice names both VAT IDs."), name);
      break;
    case DG_TAX_STATUS_OUTSIDE_SCOPE:
    default:
      break;
    }

  if (dg_invoice_get_lines (invoice)->len == 0)
    return missing_field (error, "%s", _("The invoice has no lines. Refresh it to bill the approved work, or add a line."));
  if (dg_invoice_get_total (invoice).minor < 0)
    return missing_field (error, "%s", _("The invoice’s total is negative. Reduce the discount, or add the work it is for."));
  return check_payment_code (invoice, error);
}

gboolean
dg_invoice_store_check_issuable (DgInvoiceStore  *self,
                                 gint64           invoice_id,
                                 GError         **error)
{
  g_autoptr(DgInvoice) invoice = NULL;

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  invoice = load_invoice (self, invoice_id, error);
  if (invoice == NULL)
    return FALSE;
  if (dg_invoice_get_state (invoice) != DG_INVOICE_STATE_DRAFT)
    {
      set_frozen_error (dg_invoice_get_kind (invoice), dg_invoice_get_state (invoice),
                        dg_invoice_get_number (invoice), CHANGE_ISSUE, error);
      return FALSE;
    }
  return check_document_fields (invoice, error);
}

static void
set_stale_error (GError **error)
{
  g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_STALE,
                       _("Some of the work on this draft was invoiced, reopened or changed since it was made. Refresh the draft and check it again."));
}

/* Whether what @draft bills is still there to bill, at the rates of tax
 * and in the currency and language its parties have now. */
static gboolean
check_still_invoiceable (DgInvoiceStore  *self,
                         DgInvoice       *draft,
                         GError         **error)
{
  g_auto(Assistant) assistant = { 0 };
  GPtrArray *lines = dg_invoice_get_lines (draft);
  sqlite3_stmt *stmt;
  gint64 count = 0;

  if (!read_assistant (self, dg_invoice_get_assistant_id (draft), &assistant, error))
    return FALSE;
  /* The language too: the draft's lines are worded in it, and the rest
   * of the document takes the assistant's details as they are now. */
  if (g_strcmp0 (assistant.currency, dg_invoice_get_currency (draft)) != 0 ||
      g_strcmp0 (assistant.language, dg_invoice_get_language (draft)) != 0)
    {
      set_stale_error (error);
      return FALSE;
    }
  for (guint i = 0; i < lines->len; i++)
    if (((DgInvoiceLine *) g_ptr_array_index (lines, i))->tax_rate != tax_rate_of (&assistant))
      {
        set_stale_error (error);
        return FALSE;
      }

  stmt = dg_database_prepare (self->db, count_stale_entries_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dg_invoice_get_id (draft));
  if (!query_int (self->db, stmt, &count, error))
    return FALSE;
  if (count == 0)
    {
      stmt = dg_database_prepare (self->db, count_stale_fees_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, dg_invoice_get_id (draft));
      if (!query_int (self->db, stmt, &count, error))
        return FALSE;
    }
  if (count > 0)
    {
      set_stale_error (error);
      return FALSE;
    }
  return TRUE;
}

/* Takes the next number of @series for @pattern on @date: reserved in the
 * caller's transaction, so that it is used exactly when that commits.
 * Patterns only differ as text, so a number the other series (or an older
 * pattern) made already is refused, naming the pattern to change. */
static char *
reserve_number (DgInvoiceStore  *self,
                const char      *series,
                const char      *pattern,
                const GDate     *date,
                GError         **error)
{
  g_autofree char *prefix = dg_invoice_number_series_prefix (pattern, date);
  g_autofree char *formatted = NULL;
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_series_sql, error);
  gint64 number = 1;
  gint64 taken = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  dg_database_bind_text (stmt, 1, series);
  dg_database_bind_text (stmt, 2, prefix);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    number = sqlite3_column_int64 (stmt, 0) + 1;
  else if (rc != SQLITE_DONE)
    dg_database_propagate_error (self->db, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return NULL;

  stmt = dg_database_prepare (self->db, rc == SQLITE_ROW ? update_series_sql : insert_series_sql, error);
  if (stmt == NULL)
    return NULL;
  dg_database_bind_text (stmt, 1, series);
  dg_database_bind_text (stmt, 2, prefix);
  if (rc == SQLITE_ROW)
    sqlite3_bind_int64 (stmt, 3, number);
  if (!dg_database_execute (self->db, stmt, error))
    return NULL;
  formatted = dg_invoice_number_format (pattern, date, (guint64) number);

  stmt = dg_database_prepare (self->db, count_number_sql, error);
  if (stmt == NULL)
    return NULL;
  dg_database_bind_text (stmt, 1, formatted);
  if (!query_int (self->db, stmt, &taken, error))
    return NULL;
  if (taken > 0)
    {
      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                   g_str_equal (series, "cancellation")
                   ? _("The next cancellation number, %s, is taken already by another invoice or cancellation. Change the pattern for cancellation numbers (“%s”) in Preferences → Business so that it makes numbers of its own.")
                   : _("The next invoice number, %s, is taken already by another invoice or cancellation. Change the pattern for invoice numbers (“%s”) in Preferences → Business so that it makes numbers of its own."),
                   formatted, pattern);
      return NULL;
    }
  return g_steal_pointer (&formatted);
}

/* Fails unless @date (ISO) is on or after the latest date a number of
 * @kind ("invoice", "cancellation") was issued on, so that a series'
 * numbers go in the order of their dates. */
static gboolean
check_series_order (DgInvoiceStore  *self,
                    const char      *kind,
                    const char      *date,
                    GError         **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_latest_issue_date_sql, error);
  g_autofree char *latest = NULL;
  g_autofree char *shown = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  dg_database_bind_text (stmt, 1, kind);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    latest = g_strdup (dg_database_column_text (stmt, 0));
  else
    dg_database_propagate_error (self->db, error);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;
  if (strcmp (date, latest) >= 0)
    return TRUE;

  shown = display_date (latest);
  g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
               g_str_equal (kind, "cancellation")
               ? _("A cancellation was issued on %s already. Choose a date on or after it: cancellation numbers follow the order of their dates.")
               : _("An invoice was issued on %s already. Choose an issue date on or after it: invoice numbers follow the order of their dates."),
               shown);
  return FALSE;
}

/* Fails unless @date (ISO) is a date @draft can be issued on: not before
 * its series' latest, the start of its service period or the self-billing
 * agreement it is issued under. */
static gboolean
check_issue_date (DgInvoiceStore  *self,
                  DgInvoice       *draft,
                  const char      *date,
                  GError         **error)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (draft);
  const char *start = dg_invoice_get_period_start (draft);

  if (!check_series_order (self, "invoice", date, error))
    return FALSE;
  if (strcmp (date, start) < 0)
    {
      g_autofree char *shown = display_date (start);

      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                   _("The invoice bills work from %s on. Choose an issue date on or after the start of its service period."),
                   shown);
      return FALSE;
    }
  if (!dg_text_is_blank (parties->self_billing_date) && strcmp (date, parties->self_billing_date) < 0)
    {
      g_autofree char *shown = display_date (parties->self_billing_date);

      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                   _("The self-billing agreement with %s dates from %s. Choose an issue date on or after it, or correct the agreement’s date in their details under Assistants."),
                   parties->assistant_name, shown);
      return FALSE;
    }
  return TRUE;
}

/* @draft as issued: the same lines and parties with its number and dates,
 * for the document that is rendered and kept. */
static DgInvoice *
make_issued (DgInvoice   *draft,
             const char  *number,
             const char  *issue_date,
             const char  *due_date,
             GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_invoice_line_free);
  GPtrArray *draft_lines = dg_invoice_get_lines (draft);
  DgInvoiceFields fields = {
    .id = dg_invoice_get_id (draft),
    .kind = dg_invoice_get_kind (draft),
    .state = DG_INVOICE_STATE_ISSUED,
    .number = number,
    .assistant_id = dg_invoice_get_assistant_id (draft),
    .assistant_name = dg_invoice_get_assistant_name (draft),
    .period_start = dg_invoice_get_period_start (draft),
    .period_end = dg_invoice_get_period_end (draft),
    .grouping = dg_invoice_get_grouping (draft),
    .currency = dg_invoice_get_currency (draft),
    .language = dg_invoice_get_language (draft),
    .paper = dg_invoice_get_paper (draft),
    .issue_date = issue_date,
    .due_date = due_date,
    .cancels_id = dg_invoice_get_cancels_id (draft),
    .cancels_number = dg_invoice_get_cancels_number (draft),
    .cancel_reason = dg_invoice_get_cancel_reason (draft),
  };

  for (guint i = 0; i < draft_lines->len; i++)
    g_ptr_array_add (lines, dg_invoice_line_copy (g_ptr_array_index (draft_lines, i)));
  return _dg_invoice_new (&fields, g_steal_pointer (&lines),
                          dg_invoice_parties_copy (dg_invoice_get_parties (draft)), error);
}

/* Renders @draft as issued and writes it so: state, number, dates, the
 * parties (@parties_text; NULL keeps those stored), the PDF and the
 * totals, in the one statement the schema's CHECKs want. */
static gboolean
write_issued (DgInvoiceStore  *self,
              DgInvoice       *draft,
              const char      *number,
              const char      *issue_date,
              const char      *due_date,
              const char      *parties_text,
              GError         **error)
{
  g_autoptr(DgInvoice) issued = make_issued (draft, number, issue_date, due_date, error);
  g_autoptr(DgInvoiceDocument) document = NULL;
  g_autoptr(GBytes) pdf = NULL;
  sqlite3_stmt *stmt;
  gsize size = 0;
  const void *data;

  if (issued == NULL)
    return FALSE;
  document = dg_invoice_document_new (issued);
  pdf = dg_invoice_document_render_pdf (document, error);
  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);

  stmt = dg_database_prepare (self->db, update_issued_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dg_invoice_get_id (draft));
  dg_database_bind_text (stmt, 2, number);
  dg_database_bind_text (stmt, 3, issue_date);
  dg_database_bind_text (stmt, 4, due_date);
  if (parties_text != NULL)
    dg_database_bind_text (stmt, 5, parties_text);
  else
    sqlite3_bind_null (stmt, 5);
  /* A zero-length blob with a NULL pointer would be bound as NULL. */
  sqlite3_bind_blob64 (stmt, 6, data != NULL ? data : "", size, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, dg_invoice_get_net_total (issued).minor);
  sqlite3_bind_int64 (stmt, 8, dg_invoice_get_tax_total (issued).minor);
  sqlite3_bind_int64 (stmt, 9, dg_invoice_get_total (issued).minor);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  g_assert (dg_database_changes (self->db) == 1);
  return TRUE;
}

typedef struct
{
  DgInvoiceStore *self;
  gint64          invoice_id;
  const GDate    *date;
  const char     *reason;
  gint64          result_id;
} IssueData;

static gboolean
issue_in_transaction (DgDatabase  *db,
                      gpointer     user_data,
                      GError     **error)
{
  IssueData *data = user_data;
  DgInvoiceStore *self = data->self;
  g_auto(Profile) profile = { 0 };
  g_autoptr(DgInvoice) draft = NULL;
  g_autofree char *number = NULL;
  g_autofree char *parties_text = NULL;
  g_autofree char *reason = NULL;
  char issue_date[11], due_date[11];
  GDate due;

  draft = load_invoice (self, data->invoice_id, error);
  if (draft == NULL)
    return FALSE;
  if (dg_invoice_get_state (draft) != DG_INVOICE_STATE_DRAFT)
    {
      set_frozen_error (dg_invoice_get_kind (draft), dg_invoice_get_state (draft),
                        dg_invoice_get_number (draft), CHANGE_ISSUE, error);
      return FALSE;
    }
  format_date (data->date, issue_date);
  if (!check_document_fields (draft, error) ||
      !check_issue_date (self, draft, issue_date, error) ||
      !check_still_invoiceable (self, draft, error) ||
      !read_profile (self, &profile, error))
    return FALSE;

  number = reserve_number (self, "invoice", profile.invoice_pattern, data->date, error);
  if (number == NULL)
    return FALSE;
  due = *data->date;
  g_date_add_days (&due, (guint) MAX (profile.payment_terms_days, 0));
  format_date (&due, due_date);
  parties_text = dg_invoice_parties_serialize (dg_invoice_get_parties (draft));

  /* Translators: why hours became invoiced, in their history. */
  reason = g_strdup_printf (_("Invoice %s"), number);
  if (!move_billed_entries (self, data->invoice_id, "approved", "invoiced", reason, error) ||
      !write_issued (self, draft, number, issue_date, due_date, parties_text, error) ||
      !write_invoice_audit (self, draft, number, "draft", "issued", "", error))
    return FALSE;

  if (self->issue_hook != NULL)
    self->issue_hook (self->issue_hook_data);
  return TRUE;
}

DgInvoice *
dg_invoice_store_issue (DgInvoiceStore  *self,
                        gint64           invoice_id,
                        const GDate     *issue_date,
                        GError         **error)
{
  IssueData data = { 0 };

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), NULL);
  g_return_val_if_fail (issue_date != NULL && g_date_valid (issue_date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data.self = self;
  data.invoice_id = invoice_id;
  data.date = issue_date;
  if (!dg_database_transaction (self->db, issue_in_transaction, &data, error))
    return NULL;

  emit_changed (self);
  return load_invoice (self, invoice_id, error);
}

/* ---- payment and cancellation ---------------------------------------------------- */

typedef struct
{
  DgInvoiceStore *self;
  gint64          invoice_id;
  const GDate    *date;
  gint64          amount;
} PayData;

static gboolean
mark_paid_in_transaction (DgDatabase  *db,
                          gpointer     user_data,
                          GError     **error)
{
  PayData *data = user_data;
  DgInvoiceStore *self = data->self;
  g_autoptr(DgInvoice) invoice = load_invoice (self, data->invoice_id, error);
  const char *number;
  char paid_date[11], today[11];
  DgMoney total;
  sqlite3_stmt *stmt;

  if (invoice == NULL)
    return FALSE;
  number = dg_invoice_get_number (invoice);
  if (dg_invoice_get_kind (invoice) == DG_INVOICE_KIND_CANCELLATION)
    {
      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE,
                   _("%s is a cancellation: it is not paid, it cancels %s."),
                   number, dg_invoice_get_cancels_number (invoice));
      return FALSE;
    }
  switch (dg_invoice_get_state (invoice))
    {
    case DG_INVOICE_STATE_DRAFT:
      g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE,
                           _("A draft cannot be paid. Issue it first."));
      return FALSE;
    case DG_INVOICE_STATE_PAID:
      {
        g_autofree char *when = display_date (dg_invoice_get_paid_date (invoice));

        g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE,
                     _("The invoice %s was paid on %s already."), number, when);
        return FALSE;
      }
    case DG_INVOICE_STATE_CANCELLED:
      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE,
                   _("The invoice %s is cancelled, so it is not paid."), number);
      return FALSE;
    case DG_INVOICE_STATE_ISSUED:
    default:
      break;
    }

  /* Checked after the kind and the state, which say more about why. */
  total = dg_invoice_get_total (invoice);
  if (data->amount != total.minor)
    {
      DgMoney paid;
      g_autofree char *paid_text = NULL;
      g_autofree char *total_text = NULL;

      dg_money_init (&paid, data->amount, total.currency);
      paid_text = dg_money_format (&paid);
      total_text = dg_money_format (&total);
      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                   _("The invoice %s is over %s, not %s. Record the payment once the whole total has arrived: partial payments are not recorded."),
                   number, total_text, paid_text);
      return FALSE;
    }

  format_date (data->date, paid_date);
  owner_today (self, today);
  if (strcmp (paid_date, dg_invoice_get_issue_date (invoice)) < 0)
    {
      g_autofree char *issued = display_date (dg_invoice_get_issue_date (invoice));

      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                   _("The invoice %s was issued on %s; it cannot have been paid before. Check the payment date."),
                   number, issued);
      return FALSE;
    }
  if (strcmp (paid_date, today) > 0)
    {
      g_autofree char *when = display_date (paid_date);

      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                   _("The payment date %s is in the future. Record the payment once it has arrived, with the day it arrived."),
                   when);
      return FALSE;
    }

  stmt = dg_database_prepare (self->db, update_paid_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invoice_id);
  dg_database_bind_text (stmt, 2, paid_date);
  sqlite3_bind_int64 (stmt, 3, data->amount);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  g_assert (dg_database_changes (self->db) == 1);
  return write_invoice_audit (self, invoice, number, "issued", "paid", "", error);
}

gboolean
dg_invoice_store_mark_paid (DgInvoiceStore  *self,
                            gint64           invoice_id,
                            const GDate     *paid_date,
                            gint64           amount,
                            GError         **error)
{
  PayData data = { self, invoice_id, paid_date, amount };

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), FALSE);
  g_return_val_if_fail (paid_date != NULL && g_date_valid (paid_date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!dg_database_transaction (self->db, mark_paid_in_transaction, &data, error))
    return FALSE;

  emit_changed (self);
  return TRUE;
}

static gboolean
cancel_in_transaction (DgDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  IssueData *data = user_data;
  DgInvoiceStore *self = data->self;
  g_auto(Profile) profile = { 0 };
  g_autoptr(DgInvoice) original = NULL;
  g_autoptr(DgInvoice) cancellation = NULL;
  g_autofree char *created_at = now_utc_string ();
  g_autofree char *number = NULL;
  const char *original_number;
  const char *old_state;
  char date[11];
  sqlite3_stmt *stmt;

  original = load_invoice (self, data->invoice_id, error);
  if (original == NULL)
    return FALSE;
  original_number = dg_invoice_get_number (original);
  if (dg_invoice_get_kind (original) == DG_INVOICE_KIND_CANCELLATION)
    {
      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE,
                   _("%s is a cancellation itself, which cannot be cancelled."), original_number);
      return FALSE;
    }
  switch (dg_invoice_get_state (original))
    {
    case DG_INVOICE_STATE_DRAFT:
      g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE,
                           _("A draft is not cancelled. Delete it instead."));
      return FALSE;
    case DG_INVOICE_STATE_CANCELLED:
      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE,
                   _("The invoice %s is cancelled already, by %s."),
                   original_number, dg_invoice_get_cancelled_by_number (original));
      return FALSE;
    case DG_INVOICE_STATE_ISSUED:
    case DG_INVOICE_STATE_PAID:
    default:
      break;
    }
  old_state = dg_invoice_state_to_string (dg_invoice_get_state (original));

  format_date (data->date, date);
  if (strcmp (date, dg_invoice_get_issue_date (original)) < 0)
    {
      g_autofree char *issued = display_date (dg_invoice_get_issue_date (original));

      g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                   _("The invoice %s was issued on %s. Choose a cancellation date on or after it."),
                   original_number, issued);
      return FALSE;
    }
  if (!check_series_order (self, "cancellation", date, error))
    return FALSE;

  if (!read_profile (self, &profile, error))
    return FALSE;
  number = reserve_number (self, "cancellation", profile.cancellation_pattern, data->date, error);
  if (number == NULL)
    return FALSE;

  /* A draft first, since lines can only be added to a draft. */
  stmt = dg_database_prepare (self->db, insert_cancellation_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invoice_id);
  dg_database_bind_text (stmt, 2, created_at);
  /* The reason is printed on the cancellation as well. */
  dg_database_bind_text (stmt, 3, data->reason);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  data->result_id = dg_database_last_insert_id (self->db);

  stmt = dg_database_prepare (self->db, copy_lines_negated_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invoice_id);
  sqlite3_bind_int64 (stmt, 2, data->result_id);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;

  /* Its parties stay those copied from the original, as printed there.
   * It is issued from the draft just made, and its history says so. */
  cancellation = load_invoice (self, data->result_id, error);
  if (cancellation == NULL ||
      /* No due date: a cancellation reverses an invoice and is never paid. */
      !write_issued (self, cancellation, number, date, "", NULL, error) ||
      !write_invoice_audit (self, cancellation, number, "draft", "issued", data->reason, error))
    return FALSE;

  stmt = dg_database_prepare (self->db, update_cancelled_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->invoice_id);
  dg_database_bind_text (stmt, 2, data->reason);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  g_assert (dg_database_changes (self->db) == 1);

  /* The fees become invoiceable again by themselves: only invoices that
   * are not cancelled bill them. */
  return write_invoice_audit (self, original, original_number, old_state, "cancelled",
                              data->reason, error) &&
         move_billed_entries (self, data->invoice_id, "invoiced", "approved", data->reason, error);
}

DgInvoice *
dg_invoice_store_cancel (DgInvoiceStore  *self,
                         gint64           invoice_id,
                         const GDate     *date,
                         const char      *reason,
                         GError         **error)
{
  g_autofree char *stripped = NULL;
  IssueData data = { 0 };

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stripped = g_strstrip (g_strdup (reason ? reason : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID,
                           _("Give a reason for the cancellation: it is kept with the invoice’s history."));
      return NULL;
    }

  data.self = self;
  data.invoice_id = invoice_id;
  data.date = date;
  data.reason = stripped;
  if (!dg_database_transaction (self->db, cancel_in_transaction, &data, error))
    return NULL;

  emit_changed (self);
  return load_invoice (self, data.result_id, error);
}

/* ---- reading ------------------------------------------------------------------------ */

DgInvoice *
dg_invoice_store_get (DgInvoiceStore  *self,
                      gint64           invoice_id,
                      GError         **error)
{
  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_invoice (self, invoice_id, error);
}

GPtrArray *
dg_invoice_store_list (DgInvoiceStore   *self,
                       DgInvoiceFilter   filter,
                       gint64            assistant_id,
                       GError          **error)
{
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GArray) rows = NULL;
  g_auto(Profile) profile = { 0 };
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (filter)
    {
    case DG_INVOICE_FILTER_DRAFTS: sql = select_draft_invoices_sql; break;
    case DG_INVOICE_FILTER_UNPAID: sql = select_unpaid_invoices_sql; break;
    case DG_INVOICE_FILTER_ALL:
    default:                       sql = select_all_invoices_sql; break;
    }

  if (!read_profile (self, &profile, error))
    return NULL;
  stmt = dg_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assistant_id);

  /* The rows are read first: making an invoice runs other statements. */
  rows = g_array_new (FALSE, TRUE, sizeof (InvoiceRow));
  g_array_set_clear_func (rows, (GDestroyNotify) invoice_row_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      InvoiceRow row = { 0 };

      invoice_row_read (&row, stmt);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  invoices = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      DgInvoice *invoice = invoice_from_row (self, &g_array_index (rows, InvoiceRow, i),
                                             &profile, error);

      if (invoice == NULL)
        return NULL;
      g_ptr_array_add (invoices, invoice);
    }
  return g_steal_pointer (&invoices);
}

GBytes *
dg_invoice_store_get_pdf (DgInvoiceStore  *self,
                          gint64           invoice_id,
                          GError         **error)
{
  sqlite3_stmt *stmt;
  GBytes *pdf = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = dg_database_prepare (self->db, select_pdf_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE,
                         _("A draft has no stored PDF yet: it is made when the invoice is issued."));
  else if (rc == SQLITE_ROW)
    pdf = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
  else if (rc == SQLITE_DONE)
    set_not_found_error (error);
  else
    dg_database_propagate_error (self->db, error);
  sqlite3_reset (stmt);
  return pdf;
}

GArray *
dg_invoice_store_list_line_entries (DgInvoiceStore  *self,
                                    gint64           line_id,
                                    GError         **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = dg_database_prepare (self->db, count_lines_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, line_id);
  if (!query_int (self->db, stmt, &count, error))
    return NULL;
  if (count == 0)
    {
      g_set_error_literal (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND,
                           _("The invoice line no longer exists. Reload the invoice."));
      return NULL;
    }

  stmt = dg_database_prepare (self->db, select_line_entries_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, line_id);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

GPtrArray *
dg_invoice_store_list_audit (DgInvoiceStore  *self,
                             gint64           invoice_id,
                             GError         **error)
{
  g_autoptr(GPtrArray) events = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DG_IS_INVOICE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = dg_database_prepare (self->db, select_audit_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);

  events = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (dg_database_column_text (stmt, 1), NULL);

      g_ptr_array_add (events,
                       dg_audit_event_new_from_row (sqlite3_column_int64 (stmt, 0),
                                                    at,
                                                    dg_database_column_text (stmt, 2),
                                                    sqlite3_column_int64 (stmt, 3),
                                                    sqlite3_column_int64 (stmt, 4),
                                                    dg_database_column_text (stmt, 5),
                                                    dg_database_column_text (stmt, 6),
                                                    dg_database_column_text (stmt, 7),
                                                    dg_database_column_text (stmt, 8),
                                                    sqlite3_column_int (stmt, 9) != 0,
                                                    dg_database_column_text (stmt, 10)));
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&events);
}
