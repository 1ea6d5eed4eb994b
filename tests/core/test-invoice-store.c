/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-invoice-store"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dg-invoice-store-private.h"
#include "dg-invoice-store.h"
#include "dg-test-utils.h"
#include "dg-timesheet-store.h"

/* ---- the world the tests work in ------------------------------------------------ */

/* A business with an assistant, Maria Santos (EUR 30.00 an hour, VAT
 * 19 %), and her tasks in November 2026. */
typedef struct
{
  DgTestFixture    *fixture;
  DgInvoiceStore   *store;
  DgTimesheetStore *timesheets;
  gint64            maria;
  gint64            inbox;          /* at her rate, following a handbook */
  gint64            bookkeeping;    /* its own rate: EUR 40.00 */
  gint64            launch;         /* fixed fee EUR 150, done, due 4 Nov */
  gint64            report;         /* fixed-fee series EUR 50: 3 Nov done, 10 Nov open */
  gint64            unfinished;     /* fixed fee EUR 80, still open */
  gint64            december_fee;   /* fixed fee EUR 90, done, due 5 Dec */
  gint64            handbook;
  guint             n_changed;
} World;

static gint64
add_assistant (DgDatabase *db,
               const char *name,
               const char *tax_status,
               int         vat_rate,
               const char *language)
{
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "INSERT INTO assistants (name, email, time_zone, country, address, currency, hourly_rate, "
    "tax_status, vat_rate, vat_id, self_billing_date, tax_number, iban, bic, invoice_language) "
    "VALUES (?1, 'maria@example.com', 'Europe/Berlin', 'DE', 'Lindenweg 5\n04109 Leipzig', "
    "'EUR', 3000, ?2, ?3, 'DE987654321', '2026-01-15', '231/456/78901', "
    "'DE89370400440532013000', 'COBADEFFXXX', ?4)");

  dg_database_bind_text (stmt, 1, name);
  dg_database_bind_text (stmt, 2, tax_status);
  sqlite3_bind_int (stmt, 3, vat_rate);
  dg_database_bind_text (stmt, 4, language);
  g_assert_true (dg_database_execute (db, stmt, NULL));
  return dg_database_last_insert_id (db);
}

static gint64
add_handbook (DgDatabase *db)
{
  gint64 id;
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "INSERT INTO handbooks (title, saved_at) VALUES ('Inbox triage', '2026-01-01T00:00:00Z')");

  g_assert_true (dg_database_execute (db, stmt, NULL));
  id = dg_database_last_insert_id (db);
  stmt = dg_test_prepare (db,
    "INSERT INTO handbook_versions (handbook_id, number, title, published_at) "
    "VALUES (?1, 1, 'Inbox triage', '2026-01-02T00:00:00Z')");
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_true (dg_database_execute (db, stmt, NULL));
  return id;
}

static void
set_task_status (DgDatabase *db,
                 gint64      task_id,
                 const char *status)
{
  sqlite3_stmt *stmt = dg_test_prepare (db, "UPDATE tasks SET status = ?2 WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, task_id);
  dg_database_bind_text (stmt, 2, status);
  g_assert_true (dg_database_execute (db, stmt, NULL));
}

/* Hours starting at @local ("2026-11-02T09:00:00", Berlin), approved
 * unless @approve is FALSE. */
static gint64
add_hours (World      *w,
           gint64      assistant_id,
           gint64      task_id,
           const char *local,
           int         minutes,
           const char *note,
           gboolean    approve)
{
  g_autoptr(DgTimeEntry) entry = dg_test_new_entry (assistant_id, task_id, local, "Europe/Berlin",
                                                    minutes, note);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (dg_timesheet_store_add_entry (w->timesheets, entry, &error));
  g_assert_no_error (error);
  id = dg_time_entry_get_id (entry);
  if (approve)
    {
      g_assert_true (dg_timesheet_store_approve_entries (w->timesheets, &id, 1, &error));
      g_assert_no_error (error);
    }
  return id;
}

static void
on_changed (DgInvoiceStore *store,
            World          *w)
{
  w->n_changed++;
}

static void
set_up_business (DgDatabase *db)
{
  dg_test_execute (db,
    "UPDATE business_profile SET name = 'Müller Consulting GmbH', "
    "address = 'Hauptstraße 1\n10115 Berlin', tax_number = '27/123/45678', "
    "vat_id = 'DE123456789', email = 'office@example.com', iban = 'DE02120300000000202051', "
    "bic = 'BYLADEM1001', payment_terms_days = 14 WHERE id = 1");
}

static void
world_open_stores (World *w)
{
  /* The invoices are of late 2026; the tests run on any day after them. */
  g_autoptr(GDate) today = g_date_new_dmy (30, G_DATE_JUNE, 2027);

  w->store = dg_invoice_store_new (w->fixture->db);
  _dg_invoice_store_set_today (w->store, today);
  w->timesheets = dg_timesheet_store_new (w->fixture->db);
  g_signal_connect (w->store, "changed", G_CALLBACK (on_changed), w);
}

static void
world_close_stores (World *w)
{
  g_clear_object (&w->store);
  g_clear_object (&w->timesheets);
}

/* The business and Maria with her tasks, but no hours yet. */
static void
world_set_up (World         *w,
              DgTestFixture *fixture,
              const char    *tax_status,
              int            vat_rate,
              const char    *language)
{
  DgDatabase *db = fixture->db;

  memset (w, 0, sizeof *w);
  w->fixture = fixture;
  world_open_stores (w);
  set_up_business (db);
  w->maria = add_assistant (db, "Maria Santos", tax_status, vat_rate, language);
  w->handbook = add_handbook (db);
  w->inbox = dg_test_add_task (db, w->maria, "Inbox triage", "assistant-rate", 0, "2026-11-02", "",
                               "in-progress", w->handbook);
  w->bookkeeping = dg_test_add_task (db, w->maria, "Bookkeeping", "own-rate", 4000, "2026-11-05", "",
                                     "open", 0);
  w->launch = dg_test_add_task (db, w->maria, "Website launch", "fixed-fee", 15000, "2026-11-04", "",
                                "done", 0);
  w->report = dg_test_add_task (db, w->maria, "Weekly report", "fixed-fee", 5000, "2026-11-03",
                                "FREQ=WEEKLY;COUNT=4", "open", 0);
  dg_test_add_occurrence (db, w->report, "20261103", "done");
  dg_test_add_occurrence (db, w->report, "20261110", "open");
  w->unfinished = dg_test_add_task (db, w->maria, "Newsletter", "fixed-fee", 8000, "2026-11-20", "",
                                    "open", 0);
  w->december_fee = dg_test_add_task (db, w->maria, "Year-end mailing", "fixed-fee", 9000, "2026-12-05",
                                      "", "done", 0);
}

/* November's hours: six billable entries, one pending, one in October,
 * one on a fixed-fee task that is not done. */
static void
world_add_november (World *w)
{
  add_hours (w, w->maria, w->inbox, "2026-11-02T09:00:00", 90, "Sorted mail", TRUE);
  add_hours (w, w->maria, w->inbox, "2026-11-03T09:00:00", 45, "", TRUE);
  add_hours (w, w->maria, w->bookkeeping, "2026-11-05T09:00:00", 30, "Receipts", TRUE);
  add_hours (w, w->maria, 0, "2026-11-06T09:00:00", 20, "Phone call\nwith the bank", TRUE);
  add_hours (w, w->maria, w->launch, "2026-11-04T09:00:00", 60, "Go live", TRUE);
  add_hours (w, w->maria, w->report, "2026-11-10T09:00:00", 30, "Report", TRUE);
  add_hours (w, w->maria, w->unfinished, "2026-11-19T09:00:00", 60, "Draft", TRUE);
  add_hours (w, w->maria, w->inbox, "2026-11-09T09:00:00", 60, "Not approved", FALSE);
  add_hours (w, w->maria, w->inbox, "2026-10-30T09:00:00", 60, "October", TRUE);
}

/* No fee is done: the drafts bill hours alone. */
static void
world_without_fees (World *w)
{
  dg_test_execute (w->fixture->db, "UPDATE tasks SET status = 'open' WHERE billing = 'fixed-fee'");
  dg_test_execute (w->fixture->db, "UPDATE task_occurrences SET status = 'open'");
}

static void
world_tear_down (World *w)
{
  world_close_stores (w);
}

static GDate *
date_of (const char *iso)
{
  unsigned int year, month, day;

  g_assert_cmpint (sscanf (iso, "%4u-%2u-%2u", &year, &month, &day), ==, 3);
  return g_date_new_dmy (day, month, year);
}

static DgInvoice *
create_draft (World             *w,
              const char        *from,
              const char        *to,
              DgInvoiceGrouping  grouping)
{
  g_autoptr(GDate) first = date_of (from);
  g_autoptr(GDate) last = date_of (to);
  g_autoptr(GError) error = NULL;
  DgInvoice *draft = dg_invoice_store_create_draft (w->store, w->maria, first, last, grouping, &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  return draft;
}

static DgInvoice *
issue (World      *w,
       gint64      invoice_id,
       const char *date)
{
  g_autoptr(GDate) day = date_of (date);
  g_autoptr(GError) error = NULL;
  DgInvoice *issued = dg_invoice_store_issue (w->store, invoice_id, day, &error);

  g_assert_no_error (error);
  g_assert_nonnull (issued);
  return issued;
}

static DgInvoice *
get_invoice (World  *w,
             gint64  invoice_id)
{
  g_autoptr(GError) error = NULL;
  DgInvoice *invoice = dg_invoice_store_get (w->store, invoice_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (invoice);
  return invoice;
}

static DgInvoiceLine *
line_at (DgInvoice *invoice,
         guint      index)
{
  GPtrArray *lines = dg_invoice_get_lines (invoice);

  g_assert_cmpuint (index, <, lines->len);
  return g_ptr_array_index (lines, index);
}

static void
assert_line (const DgInvoiceLine *line,
             guint                position,
             DgInvoiceLineKind    kind,
             const char          *description,
             const char          *service_date,
             gint64               minutes,
             gint64               quantity,
             gint64               unit_price,
             gint64               amount)
{
  g_assert_cmpuint (line->position, ==, position);
  g_assert_cmpint (line->kind, ==, kind);
  g_assert_cmpstr (line->description, ==, description);
  g_assert_cmpstr (line->service_date, ==, service_date);
  g_assert_cmpint (line->minutes, ==, minutes);
  g_assert_cmpint (line->quantity, ==, quantity);
  g_assert_cmpint (line->unit_price, ==, unit_price);
  g_assert_cmpint (line->amount, ==, amount);
}

static guint
count_line_entries (World  *w,
                    gint64  line_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = dg_invoice_store_list_line_entries (w->store, line_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids ? ids->len : 0;
}

static char *
entry_state (DgDatabase *db,
             gint64      entry_id)
{
  sqlite3_stmt *stmt = dg_test_prepare (db, "SELECT state FROM time_entries WHERE id = ?1");
  char *state = NULL;

  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    state = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return state;
}

static gint64
count_entries_in_state (DgDatabase *db,
                        const char *state)
{
  sqlite3_stmt *stmt = dg_test_prepare (db, "SELECT count(*) FROM time_entries WHERE state = ?1");

  dg_database_bind_text (stmt, 1, state);
  return dg_test_step_int (stmt);
}

static gint64
count_entry_audit (DgDatabase *db,
                   const char *old_state,
                   const char *new_state)
{
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "SELECT count(*) FROM audit_log WHERE object_type = 'time-entry' "
    "AND old_state = ?1 AND new_state = ?2");

  dg_database_bind_text (stmt, 1, old_state);
  dg_database_bind_text (stmt, 2, new_state);
  return dg_test_step_int (stmt);
}

static gint64
series_last_number (DgDatabase *db,
                    const char *series,
                    const char *prefix)
{
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "SELECT coalesce ((SELECT last_number FROM invoice_number_series "
    "WHERE series = ?1 AND prefix = ?2), 0)");

  dg_database_bind_text (stmt, 1, series);
  dg_database_bind_text (stmt, 2, prefix);
  return dg_test_step_int (stmt);
}

/* "old→new" of each audit row of the invoice, joined by spaces. */
static char *
audit_trail (World  *w,
             gint64  invoice_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = dg_invoice_store_list_audit (w->store, invoice_id, &error);
  g_autoptr(GString) trail = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      DgAuditEvent *event = g_ptr_array_index (events, i);

      g_assert_cmpstr (dg_audit_event_get_object_type (event), ==, "invoice");
      g_assert_cmpint (dg_audit_event_get_object_id (event), ==, invoice_id);
      if (trail->len > 0)
        g_string_append_c (trail, ' ');
      g_string_append_printf (trail, "%s→%s", dg_audit_event_get_old_state (event),
                              dg_audit_event_get_new_state (event));
    }
  return g_string_free (g_steal_pointer (&trail), FALSE);
}

static void
assert_pdf (World  *w,
            gint64  invoice_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = dg_invoice_store_get_pdf (w->store, invoice_id, &error);
  gsize size = 0;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  if (pdf == NULL)
    return;
  data = g_bytes_get_data (pdf, &size);
  g_assert_cmpuint (size, >, 4);
  g_assert_true (memcmp (data, "%PDF", 4) == 0);
}

/* The text of the PDF stored with @invoice_id, by pdftotext. */
static char *
stored_pdf_text (World  *w,
                 gint64  invoice_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = dg_invoice_store_get_pdf (w->store, invoice_id, &error);
  g_autofree char *path = NULL;
  char *text = NULL;
  int fd, status = 0;

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  fd = g_file_open_tmp ("test-invoice-store-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  return text;
}

/* ---- drafts ---------------------------------------------------------------------- */

static void
test_draft_by_task (DgTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) again = NULL;
  g_autofree char *trail = NULL;
  const DgInvoiceParties *parties;
  GPtrArray *lines;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  world_add_november (&w);

  draft = create_draft (&w, "2026-11-01", "2026-11-30", DG_INVOICE_GROUPING_BY_TASK);
  g_assert_cmpuint (w.n_changed, ==, 1);
  g_assert_cmpint (dg_invoice_get_state (draft), ==, DG_INVOICE_STATE_DRAFT);
  g_assert_cmpint (dg_invoice_get_kind (draft), ==, DG_INVOICE_KIND_INVOICE);
  g_assert_cmpstr (dg_invoice_get_number (draft), ==, "");
  g_assert_cmpstr (dg_invoice_get_period_start (draft), ==, "2026-11-01");
  g_assert_cmpstr (dg_invoice_get_period_end (draft), ==, "2026-11-30");
  g_assert_cmpstr (dg_invoice_get_currency (draft), ==, "EUR");
  g_assert_cmpstr (dg_invoice_get_language (draft), ==, "en");
  g_assert_cmpint (dg_invoice_get_grouping (draft), ==, DG_INVOICE_GROUPING_BY_TASK);
  g_assert_cmpint (dg_invoice_get_paper (draft), ==, dg_paper_from_locale ());

  lines = dg_invoice_get_lines (draft);
  g_assert_cmpuint (lines->len, ==, 5);
  if (lines->len != 5)
    goto out;
  /* Hours by title, hours without a task last, then the fees by due date;
   * the hours of fixed-fee tasks are in their fees, those of an unfinished
   * fixed-fee task nowhere. */
  assert_line (line_at (draft, 0), 1, DG_INVOICE_LINE_HOURS, "Bookkeeping", "", 30, 1, 4000, 2000);
  assert_line (line_at (draft, 1), 2, DG_INVOICE_LINE_HOURS, "Inbox triage", "", 135, 1, 3000, 6750);
  assert_line (line_at (draft, 2), 3, DG_INVOICE_LINE_HOURS, "Hours without a task", "", 20, 1, 3000, 1000);
  assert_line (line_at (draft, 3), 4, DG_INVOICE_LINE_FIXED_FEE, "Weekly report", "2026-11-03", 0, 1, 5000, 5000);
  assert_line (line_at (draft, 4), 5, DG_INVOICE_LINE_FIXED_FEE, "Website launch", "2026-11-04", 0, 1, 15000, 15000);

  g_assert_cmpint (line_at (draft, 0)->task_id, ==, w.bookkeeping);
  g_assert_cmpint (line_at (draft, 1)->task_id, ==, w.inbox);
  g_assert_cmpint (line_at (draft, 1)->handbook_id, ==, w.handbook);
  g_assert_cmpint (line_at (draft, 1)->handbook_version, ==, 1);
  g_assert_cmpint (line_at (draft, 0)->handbook_id, ==, 0);
  g_assert_cmpint (line_at (draft, 2)->task_id, ==, 0);
  g_assert_cmpint (line_at (draft, 3)->task_id, ==, w.report);
  g_assert_cmpstr (line_at (draft, 3)->recurrence_id, ==, "20261103");
  g_assert_cmpint (line_at (draft, 4)->task_id, ==, w.launch);
  g_assert_cmpstr (line_at (draft, 4)->recurrence_id, ==, "");
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpint (line_at (draft, i)->tax_rate, ==, 1900);

  /* The way back from each line to the work it bills. */
  g_assert_cmpuint (count_line_entries (&w, line_at (draft, 0)->id), ==, 1);
  g_assert_cmpuint (count_line_entries (&w, line_at (draft, 1)->id), ==, 2);
  g_assert_cmpuint (count_line_entries (&w, line_at (draft, 2)->id), ==, 1);
  g_assert_cmpuint (count_line_entries (&w, line_at (draft, 3)->id), ==, 1);
  g_assert_cmpuint (count_line_entries (&w, line_at (draft, 4)->id), ==, 1);

  /* 297.50 net, 19 % of it is 56.525, rounded half away from zero. */
  g_assert_cmpint (dg_invoice_get_net_total (draft).minor, ==, 29750);
  g_assert_cmpint (dg_invoice_get_tax_total (draft).minor, ==, 5653);
  g_assert_cmpint (dg_invoice_get_total (draft).minor, ==, 35403);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT net_total FROM invoices"), ==, 29750);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT tax_total FROM invoices"), ==, 5653);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT total FROM invoices"), ==, 35403);

  /* A draft's parties are the profile and the assistant as they are now. */
  parties = dg_invoice_get_parties (draft);
  g_assert_cmpstr (parties->business_name, ==, "Müller Consulting GmbH");
  g_assert_cmpstr (parties->assistant_name, ==, "Maria Santos");
  g_assert_cmpstr (parties->assistant_iban, ==, "DE89370400440532013000");
  g_assert_cmpint (parties->tax_status, ==, DG_TAX_STATUS_VAT);
  g_assert_cmpint (parties->vat_rate, ==, 1900);
  dg_test_execute (fixture->db, "UPDATE business_profile SET name = 'Müller & Co. GmbH'");
  again = get_invoice (&w, dg_invoice_get_id (draft));
  g_assert_cmpstr (dg_invoice_get_parties (again)->business_name, ==, "Müller & Co. GmbH");

  trail = audit_trail (&w, dg_invoice_get_id (draft));
  g_assert_cmpstr (trail, ==, "→draft");

  /* Nothing changes state by drafting. */
  g_assert_cmpint (count_entries_in_state (fixture->db, "invoiced"), ==, 0);

out:
  world_tear_down (&w);
}

static void
test_draft_by_entry (DgTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(DgInvoice) draft = NULL;
  World w;

  world_set_up (&w, fixture, "small-business", 0, "de");
  world_add_november (&w);

  draft = create_draft (&w, "2026-11-01", "2026-11-30", DG_INVOICE_GROUPING_BY_ENTRY);
  g_assert_cmpstr (dg_invoice_get_language (draft), ==, "de");
  g_assert_cmpuint (dg_invoice_get_lines (draft)->len, ==, 6);
  if (dg_invoice_get_lines (draft)->len != 6)
    goto out;
  assert_line (line_at (draft, 0), 1, DG_INVOICE_LINE_HOURS, "Inbox triage – Sorted mail", "2026-11-02", 90, 1, 3000, 4500);
  assert_line (line_at (draft, 1), 2, DG_INVOICE_LINE_HOURS, "Inbox triage", "2026-11-03", 45, 1, 3000, 2250);
  assert_line (line_at (draft, 2), 3, DG_INVOICE_LINE_HOURS, "Bookkeeping – Receipts", "2026-11-05", 30, 1, 4000, 2000);
  /* In the invoice's language, and the note on one line. */
  assert_line (line_at (draft, 3), 4, DG_INVOICE_LINE_HOURS, "Stunden ohne Aufgabe – Phone call with the bank", "2026-11-06", 20, 1, 3000, 1000);
  assert_line (line_at (draft, 4), 5, DG_INVOICE_LINE_FIXED_FEE, "Weekly report", "2026-11-03", 0, 1, 5000, 5000);
  assert_line (line_at (draft, 5), 6, DG_INVOICE_LINE_FIXED_FEE, "Website launch", "2026-11-04", 0, 1, 15000, 15000);
  g_assert_cmpuint (count_line_entries (&w, line_at (draft, 0)->id), ==, 1);
  g_assert_cmpuint (count_line_entries (&w, line_at (draft, 5)->id), ==, 1);

  /* Without VAT: no tax. */
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (line_at (draft, i)->tax_rate, ==, 0);
  g_assert_cmpint (dg_invoice_get_net_total (draft).minor, ==, 29750);
  g_assert_cmpint (dg_invoice_get_tax_total (draft).minor, ==, 0);
  g_assert_cmpint (dg_invoice_get_total (draft).minor, ==, 29750);

out:
  world_tear_down (&w);
}

/* Each line of hours is rounded on its own: by entry, three times
 * 7 minutes at EUR 33.33 are 3.89 each (3.8885); by task, 21 minutes are
 * 11.67 (11.6655). */
/* A description is at most 500 characters, so that its row fits a page:
 * a long note is cut with "…"; a longer line the owner adds is refused. */
static void
test_long_descriptions (DgTestFixture *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *long_note = g_strnfill (600, 'x');
  g_autofree char *five_hundred = g_strnfill (500, 'y');
  g_autofree char *too_long = g_strnfill (501, 'y');
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) with_line = NULL;
  g_autoptr(GError) error = NULL;
  const char *description;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  world_without_fees (&w);
  add_hours (&w, w.maria, w.inbox, "2026-11-02T09:00:00", 60, long_note, TRUE);
  draft = create_draft (&w, "2026-11-02", "2026-11-08", DG_INVOICE_GROUPING_BY_ENTRY);
  description = line_at (draft, 0)->description;
  g_assert_cmpint (g_utf8_strlen (description, -1), ==, 500);
  g_assert_true (g_str_has_prefix (description, "Inbox triage – xxx"));
  g_assert_true (g_str_has_suffix (description, "x…"));

  g_assert_false (dg_invoice_store_add_line (w.store, dg_invoice_get_id (draft), too_long, 1, 100, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  dg_test_assert_error_mentions (error, "500");
  g_clear_error (&error);
  g_assert_true (dg_invoice_store_add_line (w.store, dg_invoice_get_id (draft), five_hundred, 1, 100, &error));
  g_assert_no_error (error);
  with_line = get_invoice (&w, dg_invoice_get_id (draft));
  g_assert_cmpuint (dg_invoice_get_lines (with_line)->len, ==, 2);

  world_tear_down (&w);
}

static void
test_draft_rounding (DgTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(DgInvoice) by_entry = NULL;
  g_autoptr(DgInvoice) by_task = NULL;
  g_autoptr(GError) error = NULL;
  World w;

  world_set_up (&w, fixture, "outside-scope", 0, "en");
  world_without_fees (&w);
  dg_test_execute (fixture->db, "UPDATE assistants SET hourly_rate = 3333");
  add_hours (&w, w.maria, w.inbox, "2026-11-02T09:00:00", 7, "", TRUE);
  add_hours (&w, w.maria, w.inbox, "2026-11-03T09:00:00", 7, "", TRUE);
  add_hours (&w, w.maria, w.inbox, "2026-11-04T09:00:00", 7, "", TRUE);

  by_entry = create_draft (&w, "2026-11-02", "2026-11-08", DG_INVOICE_GROUPING_BY_ENTRY);
  g_assert_cmpuint (dg_invoice_get_lines (by_entry)->len, ==, 3);
  g_assert_cmpint (line_at (by_entry, 0)->amount, ==, 389);
  g_assert_cmpint (dg_invoice_get_total (by_entry).minor, ==, 3 * 389);

  by_task = dg_invoice_store_refresh_draft (w.store, dg_invoice_get_id (by_entry),
                                            DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_task);
  if (by_task == NULL)
    goto out;
  g_assert_cmpint (dg_invoice_get_grouping (by_task), ==, DG_INVOICE_GROUPING_BY_TASK);
  g_assert_cmpuint (dg_invoice_get_lines (by_task)->len, ==, 1);
  g_assert_cmpint (line_at (by_task, 0)->minutes, ==, 21);
  g_assert_cmpint (line_at (by_task, 0)->amount, ==, 1167);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT total FROM invoices"), ==, 1167);

out:
  world_tear_down (&w);
}

static void
test_nothing_to_invoice (DgTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GDate) from = date_of ("2026-11-01");
  g_autoptr(GDate) to = date_of ("2026-11-30");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) draft = NULL;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  /* Hours not approved yet, hours of a fixed-fee task that is not done,
   * and the fees are done in other months. */
  world_without_fees (&w);
  add_hours (&w, w.maria, w.inbox, "2026-11-02T09:00:00", 60, "Pending", FALSE);
  add_hours (&w, w.maria, w.unfinished, "2026-11-03T09:00:00", 60, "Not done", TRUE);

  draft = dg_invoice_store_create_draft (w.store, w.maria, from, to, DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOTHING_TO_INVOICE);
  g_assert_null (draft);
  dg_test_assert_error_mentions (error, "Maria Santos");
  g_clear_error (&error);
  /* Rolled back whole: no invoice, no line, no audit row. */
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoices"), ==, 0);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoice_lines"), ==, 0);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM audit_log WHERE object_type = 'invoice'"), ==, 0);
  g_assert_cmpuint (w.n_changed, ==, 0);

  /* A period that ends before it starts, and an unknown assistant. */
  draft = dg_invoice_store_create_draft (w.store, w.maria, to, from, DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  g_assert_null (draft);
  g_clear_error (&error);
  draft = dg_invoice_store_create_draft (w.store, 4242, from, to, DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND);
  g_assert_null (draft);
  g_clear_error (&error);

  /* Unknown invoices. */
  g_assert_null (dg_invoice_store_get (w.store, 4242, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dg_invoice_store_add_line (w.store, 4242, "Postage", 1, 100, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (dg_invoice_store_list_line_entries (w.store, 4242, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  world_tear_down (&w);
}

/* ---- extra lines, refresh, delete ---------------------------------------------------- */

static void
test_extra_lines (DgTestFixture *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) changed = NULL;
  g_autoptr(DgInvoice) refreshed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  world_without_fees (&w);
  add_hours (&w, w.maria, w.inbox, "2026-11-02T09:00:00", 60, "Mail", TRUE);
  draft = create_draft (&w, "2026-11-02", "2026-11-08", DG_INVOICE_GROUPING_BY_TASK);
  id = dg_invoice_get_id (draft);
  g_assert_cmpint (dg_invoice_get_total (draft).minor, ==, 3570);

  /* An expense and a discount, after the work. */
  g_assert_true (dg_invoice_store_add_line (w.store, id, "  Postage ", 2, 150, &error));
  g_assert_no_error (error);
  g_assert_true (dg_invoice_store_add_line (w.store, id, "Loyalty discount", 1, -500, &error));
  g_assert_no_error (error);
  changed = get_invoice (&w, id);
  g_assert_cmpuint (dg_invoice_get_lines (changed)->len, ==, 3);
  if (dg_invoice_get_lines (changed)->len != 3)
    goto out;
  assert_line (line_at (changed, 1), 2, DG_INVOICE_LINE_EXTRA, "Postage", "", 0, 2, 150, 300);
  assert_line (line_at (changed, 2), 3, DG_INVOICE_LINE_EXTRA, "Loyalty discount", "", 0, 1, -500, -500);
  g_assert_cmpint (line_at (changed, 1)->tax_rate, ==, 1900);
  /* 30.00 + 3.00 − 5.00 = 28.00 net, 5.32 tax. */
  g_assert_cmpint (dg_invoice_get_net_total (changed).minor, ==, 2800);
  g_assert_cmpint (dg_invoice_get_tax_total (changed).minor, ==, 532);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT total FROM invoices"), ==, 3332);

  /* Refused: no description, no quantity, an amount that cannot be held. */
  g_assert_false (dg_invoice_store_add_line (w.store, id, "  ", 1, 100, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dg_invoice_store_add_line (w.store, id, "Postage", 0, 100, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dg_invoice_store_add_line (w.store, id, "Gold", 4, G_MAXINT64 / 2, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  g_clear_error (&error);
  /* The line fits, its sum with the others does not: refused, nothing
   * added. */
  g_assert_false (dg_invoice_store_add_line (w.store, id, "Gold", 1, G_MAXINT64 - 10, &error));
  g_assert_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoice_lines"), ==, 3);

  /* More approved work: the draft is built again, the owner's lines kept
   * after the work. */
  add_hours (&w, w.maria, w.bookkeeping, "2026-11-03T09:00:00", 30, "Receipts", TRUE);
  refreshed = dg_invoice_store_refresh_draft (w.store, id, DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_no_error (error);
  g_assert_nonnull (refreshed);
  if (refreshed == NULL)
    goto out;
  g_assert_cmpuint (dg_invoice_get_lines (refreshed)->len, ==, 4);
  assert_line (line_at (refreshed, 0), 1, DG_INVOICE_LINE_HOURS, "Bookkeeping", "", 30, 1, 4000, 2000);
  assert_line (line_at (refreshed, 1), 2, DG_INVOICE_LINE_HOURS, "Inbox triage", "", 60, 1, 3000, 3000);
  assert_line (line_at (refreshed, 2), 3, DG_INVOICE_LINE_EXTRA, "Postage", "", 0, 2, 150, 300);
  assert_line (line_at (refreshed, 3), 4, DG_INVOICE_LINE_EXTRA, "Loyalty discount", "", 0, 1, -500, -500);
  g_assert_cmpint (dg_invoice_get_net_total (refreshed).minor, ==, 4800);

  /* Removing a line closes the gap; its work stays invoiceable. */
  g_assert_true (dg_invoice_store_remove_line (w.store, id, line_at (refreshed, 0)->id, &error));
  g_assert_no_error (error);
  g_clear_object (&changed);
  changed = get_invoice (&w, id);
  g_assert_cmpuint (dg_invoice_get_lines (changed)->len, ==, 3);
  for (guint i = 0; i < dg_invoice_get_lines (changed)->len; i++)
    g_assert_cmpuint (line_at (changed, i)->position, ==, i + 1);
  g_assert_cmpstr (line_at (changed, 0)->description, ==, "Inbox triage");
  g_assert_cmpint (dg_invoice_get_net_total (changed).minor, ==, 2800);
  g_assert_false (dg_invoice_store_remove_line (w.store, id, 4242, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A draft is deleted with its lines and links; its work stays approved. */
  g_assert_true (dg_invoice_store_delete_draft (w.store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoices"), ==, 0);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoice_lines"), ==, 0);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoice_line_entries"), ==, 0);
  g_assert_cmpint (count_entries_in_state (fixture->db, "approved"), ==, 2);
  {
    g_autofree char *trail = audit_trail (&w, id);

    g_assert_cmpstr (trail, ==, "→draft draft→deleted");
  }
  g_assert_null (dg_invoice_store_get (w.store, id, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND);
  g_clear_error (&error);

out:
  world_tear_down (&w);
}

/* ---- issuing ----------------------------------------------------------------------------- */

static void
test_issue (DgTestFixture *fixture,
            gconstpointer  user_data)
{
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) issued = NULL;
  g_autoptr(DgInvoice) reloaded = NULL;
  g_autoptr(DgInvoice) december = NULL;
  g_autoptr(DgInvoice) second = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) from = date_of ("2026-11-01");
  g_autoptr(GDate) to = date_of ("2026-11-30");
  g_autofree char *trail = NULL;
  g_autofree char *october = NULL;
  gint64 id;
  guint changes;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  world_add_november (&w);
  draft = create_draft (&w, "2026-11-01", "2026-11-30", DG_INVOICE_GROUPING_BY_TASK);
  id = dg_invoice_get_id (draft);
  g_assert_true (dg_invoice_store_check_issuable (w.store, id, &error));
  g_assert_no_error (error);

  /* A draft has no stored PDF. */
  g_assert_null (dg_invoice_store_get_pdf (w.store, id, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE);
  g_clear_error (&error);

  changes = w.n_changed;
  issued = issue (&w, id, "2026-12-01");
  if (issued == NULL)
    goto out;
  g_assert_cmpuint (w.n_changed, ==, changes + 1);
  g_assert_cmpint (dg_invoice_get_state (issued), ==, DG_INVOICE_STATE_ISSUED);
  g_assert_cmpstr (dg_invoice_get_number (issued), ==, "2026-0001");
  g_assert_cmpstr (dg_invoice_get_issue_date (issued), ==, "2026-12-01");
  g_assert_cmpstr (dg_invoice_get_due_date (issued), ==, "2026-12-15");
  g_assert_cmpint (dg_invoice_get_total (issued).minor, ==, 35403);
  g_assert_cmpuint (dg_invoice_get_lines (issued)->len, ==, 5);
  g_assert_cmpint (series_last_number (fixture->db, "invoice", "2026-{NNNN}"), ==, 1);

  /* Every entry it bills is invoiced, with its history row; the others
   * are not. */
  g_assert_cmpint (count_entries_in_state (fixture->db, "invoiced"), ==, 6);
  g_assert_cmpint (count_entry_audit (fixture->db, "approved", "invoiced"), ==, 6);
  /* Each entry's history reads as the timesheets write it. */
  {
    sqlite3_stmt *stmt = dg_test_prepare (fixture->db,
      "SELECT summary FROM audit_log WHERE object_type = 'time-entry' AND object_id = 1 "
      "AND new_state = 'invoiced'");
    g_autofree char *expected = dg_time_entry_format_audit_summary ("2026-11-02", 90, "Inbox triage", "Sorted mail");

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected);
    g_assert_cmpstr (expected, ==, "Mon 2 Nov 2026, 1:30, Inbox triage");
    sqlite3_reset (stmt);
  }
  october = entry_state (fixture->db, 9);
  g_assert_cmpstr (october, ==, "approved");
  trail = audit_trail (&w, id);
  g_assert_cmpstr (trail, ==, "→draft draft→issued");
  {
    g_autoptr(GPtrArray) events = dg_invoice_store_list_audit (w.store, id, &error);
    g_autofree char *described = NULL;

    g_assert_no_error (error);
    /* The history reads in the invoice's own states' labels. */
    described = dg_audit_event_describe (g_ptr_array_index (events, 1));
    g_assert_cmpstr (described, ==, "Draft → Issued");
  }

  /* The PDF is stored, and every copy is that one. */
  assert_pdf (&w, id);
  pdf = dg_invoice_store_get_pdf (w.store, id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) again = dg_invoice_store_get_pdf (w.store, id, &error);

    g_assert_no_error (error);
    g_assert_true (pdf != NULL && again != NULL && g_bytes_equal (pdf, again));
  }

  /* The parties are frozen: a later change of the profile is not on it. */
  dg_test_execute (fixture->db, "UPDATE business_profile SET name = 'Someone Else GmbH'");
  dg_test_execute (fixture->db, "UPDATE assistants SET address = 'Elsewhere 1\n12345 Town'");
  reloaded = get_invoice (&w, id);
  g_assert_cmpstr (dg_invoice_get_parties (reloaded)->business_name, ==, "Müller Consulting GmbH");
  g_assert_cmpstr (dg_invoice_get_parties (reloaded)->assistant_address, ==, "Lindenweg 5\n04109 Leipzig");
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT total FROM invoices"), ==, 35403);

  /* What it billed is billed: November has nothing left. */
  g_assert_null (dg_invoice_store_create_draft (w.store, w.maria, from, to,
                                                DG_INVOICE_GROUPING_BY_TASK, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOTHING_TO_INVOICE);
  g_clear_error (&error);

  /* The next invoice takes the next number. */
  add_hours (&w, w.maria, w.inbox, "2026-12-02T09:00:00", 60, "December", TRUE);
  december = create_draft (&w, "2026-12-01", "2026-12-31", DG_INVOICE_GROUPING_BY_ENTRY);
  g_assert_cmpuint (dg_invoice_get_lines (december)->len, ==, 2);
  second = issue (&w, dg_invoice_get_id (december), "2026-12-31");
  if (second != NULL)
    {
      g_assert_cmpstr (dg_invoice_get_number (second), ==, "2026-0002");
      g_assert_cmpstr (dg_invoice_get_due_date (second), ==, "2027-01-14");
      g_assert_cmpstr (dg_invoice_get_parties (second)->business_name, ==, "Someone Else GmbH");
    }

out:
  world_tear_down (&w);
}

/* One case of a field the document needs, taken away and given back. */
typedef struct
{
  const char *take[2];
  const char *give[2];
  const char *words[2];
} MissingCase;

static void
test_missing_fields (DgTestFixture *fixture,
                     gconstpointer  user_data)
{
  static const MissingCase cases[] = {
    { { "UPDATE business_profile SET name = ''" },
      { "UPDATE business_profile SET name = 'Müller Consulting GmbH'" },
      { "name", "Preferences" } },
    { { "UPDATE business_profile SET address = ''" },
      { "UPDATE business_profile SET address = 'Hauptstraße 1\n10115 Berlin'" },
      { "address", "Preferences" } },
    { { "UPDATE business_profile SET tax_number = '', vat_id = ''" },
      { "UPDATE business_profile SET tax_number = '27/123/45678', vat_id = 'DE123456789'" },
      { "tax number", "Preferences" } },
    { { "UPDATE assistants SET address = ' '" },
      { "UPDATE assistants SET address = 'Lindenweg 5\n04109 Leipzig'" },
      { "postal address", "Maria Santos" } },
    { { "UPDATE assistants SET self_billing_date = ''" },
      { "UPDATE assistants SET self_billing_date = '2026-01-15'" },
      { "self-billing agreement", "Maria Santos" } },
    { { "UPDATE assistants SET tax_number = '', vat_id = ''" },
      { "UPDATE assistants SET tax_number = '231/456/78901', vat_id = 'DE987654321'" },
      { "tax number", "Maria Santos" } },
    { { "UPDATE assistants SET vat_rate = 0" },
      { "UPDATE assistants SET vat_rate = 1900" },
      { "VAT at 0 %", "Maria Santos" } },
    { { "UPDATE assistants SET tax_status = 'small-business', vat_rate = 0, tax_number = '', vat_id = ''" },
      { "UPDATE assistants SET tax_status = 'vat', vat_rate = 1900, tax_number = '231/456/78901', vat_id = 'DE987654321'" },
      { "tax number", "Maria Santos" } },
    { { "UPDATE assistants SET tax_status = 'reverse-charge', vat_rate = 0",
        "UPDATE assistants SET vat_id = ''" },
      { "UPDATE assistants SET tax_status = 'vat', vat_rate = 1900",
        "UPDATE assistants SET vat_id = 'DE987654321'" },
      { "VAT ID", "Maria Santos" } },
    { { "UPDATE assistants SET tax_status = 'reverse-charge', vat_rate = 0",
        "UPDATE business_profile SET vat_id = ''" },
      { "UPDATE assistants SET tax_status = 'vat', vat_rate = 1900",
        "UPDATE business_profile SET vat_id = 'DE123456789'" },
      { "VAT ID", "Preferences" } },
  };
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) lines = NULL;
  g_autoptr(DgInvoice) issued = NULL;
  g_autoptr(GDate) day = date_of ("2026-12-01");
  g_autoptr(GError) error = NULL;
  gint64 id;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  add_hours (&w, w.maria, w.inbox, "2026-11-02T09:00:00", 60, "Mail", TRUE);
  draft = create_draft (&w, "2026-11-01", "2026-11-30", DG_INVOICE_GROUPING_BY_TASK);
  id = dg_invoice_get_id (draft);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DgInvoice) refused = NULL;

      g_test_message ("missing: %s; %s", cases[i].take[0], cases[i].take[1] ? cases[i].take[1] : "");
      for (gsize j = 0; j < G_N_ELEMENTS (cases[i].take) && cases[i].take[j] != NULL; j++)
        dg_test_execute (fixture->db, cases[i].take[j]);

      g_assert_false (dg_invoice_store_check_issuable (w.store, id, &error));
      g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_MISSING_FIELD);
      for (gsize j = 0; j < G_N_ELEMENTS (cases[i].words); j++)
        dg_test_assert_error_mentions (error, cases[i].words[j]);
      g_clear_error (&error);

      refused = dg_invoice_store_issue (w.store, id, day, &error);
      g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_MISSING_FIELD);
      g_assert_null (refused);
      g_clear_error (&error);
      /* No number was used by the refusal. */
      g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoice_number_series"), ==, 0);
      g_assert_cmpint (count_entries_in_state (fixture->db, "invoiced"), ==, 0);

      for (gsize j = 0; j < G_N_ELEMENTS (cases[i].give) && cases[i].give[j] != NULL; j++)
        dg_test_execute (fixture->db, cases[i].give[j]);
      g_assert_true (dg_invoice_store_check_issuable (w.store, id, &error));
      g_assert_no_error (error);
    }

  /* Reverse charge names the assistant's VAT ID only where there is one
   * to name: in the EU (or a country not known). */
  dg_test_execute (fixture->db,
                   "UPDATE assistants SET tax_status = 'reverse-charge', vat_rate = 0, vat_id = '', country = 'PH'");
  g_assert_true (dg_invoice_store_check_issuable (w.store, id, &error));
  g_assert_no_error (error);
  dg_test_execute (fixture->db, "UPDATE assistants SET country = 'AT'");
  g_assert_false (dg_invoice_store_check_issuable (w.store, id, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_MISSING_FIELD);
  dg_test_assert_error_mentions (error, "VAT ID");
  g_clear_error (&error);
  dg_test_execute (fixture->db,
                   "UPDATE assistants SET tax_status = 'vat', vat_rate = 1900, vat_id = 'DE987654321', country = 'DE'");

  /* What the EPC payment code cannot carry is refused before the
   * document is frozen without it: a payee's name over 70 characters, an
   * amount over 999,999,999.99 euros. */
  dg_test_execute (fixture->db,
                   "UPDATE assistants SET name = 'Maria Santos de la Cruz y Fernández Villanueva Montenegro Castellanos Ortiz'");
  g_assert_false (dg_invoice_store_check_issuable (w.store, id, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_MISSING_FIELD);
  dg_test_assert_error_mentions (error, "70 characters");
  g_clear_error (&error);
  /* Without an IBAN there is no code to carry. */
  dg_test_execute (fixture->db, "UPDATE assistants SET iban = ''");
  g_assert_true (dg_invoice_store_check_issuable (w.store, id, &error));
  g_assert_no_error (error);
  dg_test_execute (fixture->db,
                   "UPDATE assistants SET name = 'Maria Santos', iban = 'DE89370400440532013000'");
  g_assert_true (dg_invoice_store_add_line (w.store, id, "Gold", 1, G_GINT64_CONSTANT (100000000000), &error));
  g_assert_no_error (error);
  g_assert_false (dg_invoice_store_check_issuable (w.store, id, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_MISSING_FIELD);
  dg_test_assert_error_mentions (error, "999,999,999.99");
  g_clear_error (&error);
  {
    g_autoptr(DgInvoice) with_gold = get_invoice (&w, id);

    guint last = dg_invoice_get_lines (with_gold)->len - 1;

    g_assert_cmpstr (line_at (with_gold, last)->description, ==, "Gold");
    g_assert_true (dg_invoice_store_remove_line (w.store, id, line_at (with_gold, last)->id, &error));
    g_assert_no_error (error);
  }
  g_assert_true (dg_invoice_store_check_issuable (w.store, id, &error));
  g_assert_no_error (error);

  /* A total below zero. */
  g_assert_true (dg_invoice_store_add_line (w.store, id, "Credit", 1, -100000, &error));
  g_assert_no_error (error);
  g_assert_false (dg_invoice_store_check_issuable (w.store, id, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_MISSING_FIELD);
  dg_test_assert_error_mentions (error, "negative");
  g_clear_error (&error);

  /* No lines at all. */
  lines = get_invoice (&w, id);
  for (guint i = 0; i < dg_invoice_get_lines (lines)->len; i++)
    {
      g_assert_true (dg_invoice_store_remove_line (w.store, id, line_at (lines, i)->id, &error));
      g_assert_no_error (error);
    }
  g_assert_false (dg_invoice_store_check_issuable (w.store, id, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_MISSING_FIELD);
  dg_test_assert_error_mentions (error, "no lines");
  g_clear_error (&error);

  /* Once complete it issues with the first number. */
  g_clear_object (&draft);
  draft = dg_invoice_store_refresh_draft (w.store, id, DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_no_error (error);
  issued = issue (&w, id, "2026-12-01");
  if (issued != NULL)
    g_assert_cmpstr (dg_invoice_get_number (issued), ==, "2026-0001");

  world_tear_down (&w);
}

static void
assert_stale (World      *w,
              gint64      invoice_id,
              const char *date)
{
  g_autoptr(GDate) day = date_of (date);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) refused = dg_invoice_store_issue (w->store, invoice_id, day, &error);
  g_autoptr(DgInvoice) still = NULL;

  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_STALE);
  dg_test_assert_error_mentions (error, "refresh");
  g_assert_null (refused);
  still = get_invoice (w, invoice_id);
  g_assert_cmpint (dg_invoice_get_state (still), ==, DG_INVOICE_STATE_DRAFT);
}

static void
test_stale (DgTestFixture *fixture,
            gconstpointer  user_data)
{
  g_autoptr(DgInvoice) first = NULL;
  g_autoptr(DgInvoice) second = NULL;
  g_autoptr(DgInvoice) issued = NULL;
  g_autoptr(DgInvoice) refreshed = NULL;
  g_autoptr(DgInvoice) fee_a = NULL;
  g_autoptr(DgInvoice) fee_b = NULL;
  g_autoptr(DgInvoice) fee_issued = NULL;
  g_autoptr(DgInvoice) vat = NULL;
  g_autoptr(GDate) week = date_of ("2026-11-02");
  g_autoptr(GError) error = NULL;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  add_hours (&w, w.maria, w.inbox, "2026-11-02T09:00:00", 60, "Mail", TRUE);
  add_hours (&w, w.maria, w.inbox, "2026-11-03T09:00:00", 30, "Mail", TRUE);

  /* Reopened after drafting: refused until the draft is refreshed. */
  first = create_draft (&w, "2026-11-02", "2026-11-03", DG_INVOICE_GROUPING_BY_TASK);
  g_assert_true (dg_timesheet_store_reopen_week (w.timesheets, w.maria, week, "Wrong task", &error));
  g_assert_no_error (error);
  assert_stale (&w, dg_invoice_get_id (first), "2026-12-01");
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoice_number_series"), ==, 0);
  g_assert_cmpint (count_entries_in_state (fixture->db, "pending"), ==, 2);
  /* Only the fee of 3 Nov is left to bill. */
  refreshed = dg_invoice_store_refresh_draft (w.store, dg_invoice_get_id (first),
                                              DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_no_error (error);
  g_assert_true (refreshed != NULL && dg_invoice_get_lines (refreshed)->len == 1);
  g_assert_true (dg_timesheet_store_approve_week (w.timesheets, w.maria, week, &error));
  g_assert_no_error (error);
  g_clear_object (&refreshed);
  refreshed = dg_invoice_store_refresh_draft (w.store, dg_invoice_get_id (first),
                                              DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_no_error (error);
  g_assert_true (refreshed != NULL && dg_invoice_get_lines (refreshed)->len == 2);

  /* Two drafts of the same hours: the second is refused once the first
   * is issued. */
  second = create_draft (&w, "2026-11-02", "2026-11-03", DG_INVOICE_GROUPING_BY_ENTRY);
  issued = issue (&w, dg_invoice_get_id (second), "2026-12-01");
  assert_stale (&w, dg_invoice_get_id (first), "2026-12-01");
  g_assert_cmpint (series_last_number (fixture->db, "invoice", "2026-{NNNN}"), ==, 1);

  /* The same fee on two drafts. */
  fee_a = create_draft (&w, "2026-11-04", "2026-11-04", DG_INVOICE_GROUPING_BY_TASK);
  fee_b = create_draft (&w, "2026-11-04", "2026-11-04", DG_INVOICE_GROUPING_BY_TASK);
  fee_issued = issue (&w, dg_invoice_get_id (fee_a), "2026-12-01");
  assert_stale (&w, dg_invoice_get_id (fee_b), "2026-12-01");

  /* A fee that is no longer done. */
  g_assert_true (dg_invoice_store_delete_draft (w.store, dg_invoice_get_id (fee_b), &error));
  g_assert_no_error (error);
  g_clear_object (&fee_b);
  fee_b = create_draft (&w, "2026-12-05", "2026-12-05", DG_INVOICE_GROUPING_BY_TASK);
  set_task_status (fixture->db, w.december_fee, "in-progress");
  assert_stale (&w, dg_invoice_get_id (fee_b), "2026-12-31");
  set_task_status (fixture->db, w.december_fee, "done");

  /* The assistant's invoice language changed since the draft was made:
   * its lines are worded in the old one. */
  dg_test_execute (fixture->db, "UPDATE assistants SET invoice_language = 'de'");
  assert_stale (&w, dg_invoice_get_id (fee_b), "2026-12-31");
  vat = dg_invoice_store_refresh_draft (w.store, dg_invoice_get_id (fee_b),
                                        DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_no_error (error);
  g_assert_true (vat != NULL && g_str_equal (dg_invoice_get_language (vat), "de"));
  g_clear_object (&vat);

  /* The assistant's VAT rate changed since the draft was made. */
  dg_test_execute (fixture->db, "UPDATE assistants SET vat_rate = 700");
  assert_stale (&w, dg_invoice_get_id (fee_b), "2026-12-31");
  vat = dg_invoice_store_refresh_draft (w.store, dg_invoice_get_id (fee_b),
                                        DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_no_error (error);
  g_assert_true (vat != NULL && line_at (vat, 0)->tax_rate == 700);
  g_clear_object (&vat);
  vat = issue (&w, dg_invoice_get_id (fee_b), "2026-12-31");
  if (vat != NULL)
    {
      g_assert_cmpstr (dg_invoice_get_number (vat), ==, "2026-0003");
      g_assert_cmpint (dg_invoice_get_tax_total (vat).minor, ==, 630);
    }

  world_tear_down (&w);
}

/* Raw statements against an issued invoice, each refused by the schema. */
static const char * const frozen_sql[] = {
  "UPDATE invoices SET total = 0, net_total = 0, tax_total = 0 WHERE state <> 'draft'",
  "UPDATE invoices SET number = 'X-1' WHERE state <> 'draft'",
  "UPDATE invoices SET parties = '' WHERE state <> 'draft'",
  "UPDATE invoices SET pdf = x'25504446' WHERE state <> 'draft'",
  "UPDATE invoices SET issue_date = '2020-01-01' WHERE state <> 'draft'",
  "UPDATE invoices SET state = 'draft', number = NULL, pdf = NULL WHERE state <> 'draft'",
  "DELETE FROM invoices WHERE state <> 'draft'",
  "UPDATE invoice_lines SET amount = 1",
  "UPDATE invoice_lines SET description = 'Something else'",
  "DELETE FROM invoice_lines",
  "INSERT INTO invoice_lines (invoice_id, position, kind, description, amount) "
  "SELECT id, 99, 'extra', 'Smuggled', 1 FROM invoices WHERE state <> 'draft'",
  "DELETE FROM invoice_line_entries",
  /* A draft's line moved into the invoice, an entry linked to one of its
   * lines, a link of its lines changed or moved into it. */
  "UPDATE invoice_lines SET invoice_id = ?1, position = 999 "
  "WHERE invoice_id IN (SELECT id FROM invoices WHERE state = 'draft')",
  "INSERT INTO invoice_line_entries (line_id, entry_id) "
  "SELECT id, 4242 FROM invoice_lines WHERE invoice_id = ?1",
  "UPDATE invoice_line_entries SET entry_id = entry_id + 4242 WHERE line_id IN "
  "(SELECT l.id FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.state <> 'draft')",
  "UPDATE invoice_line_entries SET line_id = (SELECT min(id) FROM invoice_lines WHERE invoice_id = ?1) "
  "WHERE line_id IN (SELECT l.id FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id "
  "WHERE i.state = 'draft')",
  /* Cancelled without a cancellation invoice, or a reason written in. */
  "UPDATE invoices SET state = 'cancelled' WHERE id = ?1",
  "UPDATE invoices SET cancel_reason = 'Edited' WHERE id = ?1",
};

/* Raw statements against a paid invoice: a payment is never taken back
 * or rewritten. */
static const char * const paid_sql[] = {
  "UPDATE invoices SET state = 'issued' WHERE id = ?1",
  "UPDATE invoices SET paid_date = '2026-12-21' WHERE id = ?1",
  "UPDATE invoices SET paid_amount = 1 WHERE id = ?1",
};

/* Runs each of @statements (?1: @invoice_id) and asserts that the schema
 * refuses it. */
static void
assert_sql_refused (World             *w,
                    gint64             invoice_id,
                    const char * const statements[],
                    gsize              n_statements)
{
  for (gsize i = 0; i < n_statements; i++)
    {
      sqlite3_stmt *stmt = dg_test_prepare (w->fixture->db, statements[i]);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", statements[i]);
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_int64 (stmt, 1, invoice_id);
      g_assert_false (dg_database_execute (w->fixture->db, stmt, &error));
      g_assert_nonnull (error);
    }
}

static void
assert_frozen (World  *w,
               gint64  invoice_id)
{
  g_autoptr(GDate) day = date_of ("2027-02-01");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) before = get_invoice (w, invoice_id);
  g_autoptr(DgInvoice) after = NULL;
  g_autoptr(DgInvoice) result = NULL;
  g_autoptr(GBytes) pdf_before = dg_invoice_store_get_pdf (w->store, invoice_id, NULL);
  g_autoptr(GBytes) pdf_after = NULL;
  guint changes = w->n_changed;

  g_assert_false (dg_invoice_store_add_line (w->store, invoice_id, "Postage", 1, 100, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_FROZEN);
  g_assert_cmpstr (error ? error->message : "", !=, "");
  g_clear_error (&error);
  g_assert_false (dg_invoice_store_remove_line (w->store, invoice_id, line_at (before, 0)->id, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_FROZEN);
  g_clear_error (&error);
  result = dg_invoice_store_refresh_draft (w->store, invoice_id, DG_INVOICE_GROUPING_BY_ENTRY, &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_FROZEN);
  g_assert_null (result);
  g_clear_error (&error);
  g_assert_false (dg_invoice_store_delete_draft (w->store, invoice_id, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_FROZEN);
  dg_test_assert_error_mentions (error, "never");
  g_clear_error (&error);
  result = dg_invoice_store_issue (w->store, invoice_id, day, &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_FROZEN);
  g_assert_null (result);
  g_clear_error (&error);
  g_assert_false (dg_invoice_store_check_issuable (w->store, invoice_id, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_FROZEN);
  g_clear_error (&error);
  g_assert_cmpuint (w->n_changed, ==, changes);

  assert_sql_refused (w, invoice_id, frozen_sql, G_N_ELEMENTS (frozen_sql));
  if (dg_invoice_get_state (before) == DG_INVOICE_STATE_PAID)
    assert_sql_refused (w, invoice_id, paid_sql, G_N_ELEMENTS (paid_sql));

  after = get_invoice (w, invoice_id);
  pdf_after = dg_invoice_store_get_pdf (w->store, invoice_id, NULL);
  g_assert_cmpstr (dg_invoice_get_number (after), ==, dg_invoice_get_number (before));
  g_assert_cmpint (dg_invoice_get_state (after), ==, dg_invoice_get_state (before));
  g_assert_cmpint (dg_invoice_get_total (after).minor, ==, dg_invoice_get_total (before).minor);
  g_assert_cmpuint (dg_invoice_get_lines (after)->len, ==, dg_invoice_get_lines (before)->len);
  g_assert_cmpstr (line_at (after, 0)->description, ==, line_at (before, 0)->description);
  g_assert_cmpstr (dg_invoice_get_paid_date (after), ==, dg_invoice_get_paid_date (before));
  g_assert_cmpint (dg_invoice_get_paid_amount (after), ==, dg_invoice_get_paid_amount (before));
  g_assert_cmpstr (dg_invoice_get_cancel_reason (after), ==, dg_invoice_get_cancel_reason (before));
  g_assert_true (pdf_before != NULL && pdf_after != NULL && g_bytes_equal (pdf_before, pdf_after));
}

static void
test_issued_refuses_changes (DgTestFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) issued = NULL;
  g_autoptr(DgInvoice) cancellation = NULL;
  g_autoptr(DgInvoice) october = NULL;
  g_autoptr(GDate) day = date_of ("2026-12-20");
  g_autoptr(GError) error = NULL;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  world_add_november (&w);
  draft = create_draft (&w, "2026-11-01", "2026-11-30", DG_INVOICE_GROUPING_BY_TASK);
  issued = issue (&w, dg_invoice_get_id (draft), "2026-12-01");
  if (issued == NULL)
    goto out;
  /* A draft with a line and an entry, for the statements that try to move
   * them into the issued invoice. */
  october = create_draft (&w, "2026-10-01", "2026-10-31", DG_INVOICE_GROUPING_BY_TASK);

  g_test_message ("issued");
  assert_frozen (&w, dg_invoice_get_id (issued));
  g_assert_true (dg_invoice_store_mark_paid (w.store, dg_invoice_get_id (issued), day, 35403, &error));
  g_assert_no_error (error);
  g_test_message ("paid");
  assert_frozen (&w, dg_invoice_get_id (issued));

  cancellation = dg_invoice_store_cancel (w.store, dg_invoice_get_id (issued), day, "Wrong rate", &error);
  g_assert_no_error (error);
  if (cancellation == NULL)
    goto out;
  g_test_message ("cancelled");
  assert_frozen (&w, dg_invoice_get_id (issued));
  g_test_message ("the cancellation");
  assert_frozen (&w, dg_invoice_get_id (cancellation));

out:
  world_tear_down (&w);
}

/* ---- payment and cancellation ------------------------------------------------------------ */

static void
test_mark_paid (DgTestFixture *fixture,
                gconstpointer  user_data)
{
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) issued = NULL;
  g_autoptr(DgInvoice) paid = NULL;
  g_autoptr(GPtrArray) unpaid = NULL;
  g_autoptr(GDate) before = date_of ("2026-11-30");
  g_autoptr(GDate) day = date_of ("2026-12-10");
  g_autoptr(GError) error = NULL;
  g_autofree char *trail = NULL;
  gint64 id;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  world_add_november (&w);
  draft = create_draft (&w, "2026-11-01", "2026-11-30", DG_INVOICE_GROUPING_BY_TASK);
  id = dg_invoice_get_id (draft);

  g_assert_false (dg_invoice_store_mark_paid (w.store, id, day, 35403, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE);
  g_clear_error (&error);

  issued = issue (&w, id, "2026-12-01");
  unpaid = dg_invoice_store_list (w.store, DG_INVOICE_FILTER_UNPAID, 0, &error);
  g_assert_no_error (error);
  g_assert_true (unpaid != NULL && unpaid->len == 1);
  g_clear_pointer (&unpaid, g_ptr_array_unref);
  g_assert_true (dg_invoice_is_overdue (issued, "2026-12-16"));
  g_assert_false (dg_invoice_is_overdue (issued, "2026-12-15"));

  g_assert_false (dg_invoice_store_mark_paid (w.store, id, before, 35403, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dg_invoice_store_mark_paid (w.store, id, day, 0, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  g_clear_error (&error);
  /* Only the whole total: a part is not recorded, and would take the
   * invoice off the unpaid ones. */
  g_assert_false (dg_invoice_store_mark_paid (w.store, id, day, 1, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  dg_test_assert_error_mentions (error, "partial payments");
  g_clear_error (&error);
  g_assert_false (dg_invoice_store_mark_paid (w.store, id, day, 35404, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  g_clear_error (&error);
  /* Not after today (the owner's date: 30 June 2027 in these tests). */
  {
    g_autoptr(GDate) tomorrow = date_of ("2027-07-01");
    g_autoptr(DgInvoice) still = NULL;

    g_assert_false (dg_invoice_store_mark_paid (w.store, id, tomorrow, 35403, &error));
    g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
    dg_test_assert_error_mentions (error, "future");
    g_clear_error (&error);
    still = get_invoice (&w, id);
    g_assert_cmpint (dg_invoice_get_state (still), ==, DG_INVOICE_STATE_ISSUED);
  }

  g_assert_true (dg_invoice_store_mark_paid (w.store, id, day, 35403, &error));
  g_assert_no_error (error);
  paid = get_invoice (&w, id);
  g_assert_cmpint (dg_invoice_get_state (paid), ==, DG_INVOICE_STATE_PAID);
  g_assert_cmpstr (dg_invoice_get_paid_date (paid), ==, "2026-12-10");
  g_assert_cmpint (dg_invoice_get_paid_amount (paid), ==, 35403);
  g_assert_false (dg_invoice_is_overdue (paid, "2027-01-01"));
  trail = audit_trail (&w, id);
  g_assert_cmpstr (trail, ==, "→draft draft→issued issued→paid");

  g_assert_false (dg_invoice_store_mark_paid (w.store, id, day, 35403, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE);
  g_clear_error (&error);
  unpaid = dg_invoice_store_list (w.store, DG_INVOICE_FILTER_UNPAID, 0, &error);
  g_assert_no_error (error);
  g_assert_true (unpaid != NULL && unpaid->len == 0);

  world_tear_down (&w);
}

static void
test_cancel (DgTestFixture *fixture,
             gconstpointer  user_data)
{
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) original = NULL;
  g_autoptr(DgInvoice) cancellation = NULL;
  g_autoptr(DgInvoice) cancelled = NULL;
  g_autoptr(DgInvoice) refused = NULL;
  g_autoptr(DgInvoice) redraft = NULL;
  g_autoptr(DgInvoice) reissued = NULL;
  g_autoptr(DgInvoice) other = NULL;
  g_autoptr(GDate) day = date_of ("2026-12-05");
  g_autoptr(GDate) too_early = date_of ("2026-11-30");
  g_autoptr(GDate) later = date_of ("2026-12-07");
  g_autoptr(GError) error = NULL;
  g_autofree char *trail = NULL;
  g_autofree char *cancellation_trail = NULL;
  GPtrArray *original_lines;
  GPtrArray *lines;
  gint64 id;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  world_add_november (&w);
  draft = create_draft (&w, "2026-11-01", "2026-11-30", DG_INVOICE_GROUPING_BY_TASK);
  id = dg_invoice_get_id (draft);

  /* A draft is deleted, not cancelled. */
  refused = dg_invoice_store_cancel (w.store, id, day, "Mistake", &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE);
  g_assert_null (refused);
  g_clear_error (&error);

  original = issue (&w, id, "2026-12-01");
  if (original == NULL)
    goto out;

  /* A reason is required, and the date cannot be before the issue. */
  refused = dg_invoice_store_cancel (w.store, id, day, "  ", &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  g_clear_error (&error);
  refused = dg_invoice_store_cancel (w.store, id, too_early, "Wrong rate", &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoices"), ==, 1);

  cancellation = dg_invoice_store_cancel (w.store, id, day, " Wrong rate ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cancellation);
  if (cancellation == NULL)
    goto out;
  g_assert_cmpint (dg_invoice_get_kind (cancellation), ==, DG_INVOICE_KIND_CANCELLATION);
  g_assert_cmpint (dg_invoice_get_state (cancellation), ==, DG_INVOICE_STATE_ISSUED);
  g_assert_cmpstr (dg_invoice_get_number (cancellation), ==, "ST-2026-0001");
  g_assert_cmpstr (dg_invoice_get_issue_date (cancellation), ==, "2026-12-05");
  g_assert_cmpstr (dg_invoice_get_due_date (cancellation), ==, "");
  g_assert_cmpint (dg_invoice_get_cancels_id (cancellation), ==, id);
  g_assert_cmpstr (dg_invoice_get_cancels_number (cancellation), ==, "2026-0001");
  g_assert_cmpint (series_last_number (fixture->db, "cancellation", "ST-2026-{NNNN}"), ==, 1);
  g_assert_cmpint (series_last_number (fixture->db, "invoice", "2026-{NNNN}"), ==, 1);
  assert_pdf (&w, dg_invoice_get_id (cancellation));

  /* The same lines negated, and so the totals. */
  original_lines = dg_invoice_get_lines (original);
  lines = dg_invoice_get_lines (cancellation);
  g_assert_cmpuint (lines->len, ==, original_lines->len);
  for (guint i = 0; i < lines->len && i < original_lines->len; i++)
    {
      const DgInvoiceLine *line = g_ptr_array_index (lines, i);
      const DgInvoiceLine *was = g_ptr_array_index (original_lines, i);

      g_assert_cmpuint (line->position, ==, was->position);
      g_assert_cmpint (line->kind, ==, was->kind);
      g_assert_cmpstr (line->description, ==, was->description);
      g_assert_cmpint (line->minutes, ==, was->minutes);
      g_assert_cmpint (line->quantity, ==, was->quantity);
      g_assert_cmpint (line->unit_price, ==, -was->unit_price);
      g_assert_cmpint (line->amount, ==, -was->amount);
      g_assert_cmpint (line->tax_rate, ==, was->tax_rate);
      g_assert_cmpint (line->task_id, ==, was->task_id);
    }
  g_assert_cmpint (dg_invoice_get_net_total (cancellation).minor, ==, -29750);
  g_assert_cmpint (dg_invoice_get_tax_total (cancellation).minor, ==, -5653);
  g_assert_cmpint (dg_invoice_get_total (cancellation).minor, ==, -35403);
  /* The parties exactly as the original printed them. */
  dg_test_execute (fixture->db, "UPDATE business_profile SET name = 'Renamed GmbH'");
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(DISTINCT parties) FROM invoices"), ==, 1);

  /* The original is cancelled, with the reason and a pointer back. */
  cancelled = get_invoice (&w, id);
  g_assert_cmpint (dg_invoice_get_state (cancelled), ==, DG_INVOICE_STATE_CANCELLED);
  g_assert_cmpstr (dg_invoice_get_cancel_reason (cancelled), ==, "Wrong rate");
  g_assert_cmpint (dg_invoice_get_cancelled_by_id (cancelled), ==, dg_invoice_get_id (cancellation));
  g_assert_cmpstr (dg_invoice_get_cancelled_by_number (cancelled), ==, "ST-2026-0001");
  g_assert_cmpstr (dg_invoice_get_parties (cancelled)->business_name, ==, "Müller Consulting GmbH");
  trail = audit_trail (&w, id);
  g_assert_cmpstr (trail, ==, "→draft draft→issued issued→cancelled");
  /* Issued from the draft it is built as, and its history says so. */
  cancellation_trail = audit_trail (&w, dg_invoice_get_id (cancellation));
  g_assert_cmpstr (cancellation_trail, ==, "draft→issued");
  /* The reason is on the cancellation too, and printed on its stored
   * document. */
  g_assert_cmpstr (dg_invoice_get_cancel_reason (cancellation), ==, "Wrong rate");
  {
    g_autofree char *text = stored_pdf_text (&w, dg_invoice_get_id (cancellation));

    g_assert_nonnull (strstr (text, "Reason: Wrong rate"));
  }

  /* Its entries are approved again, each with its history row. */
  g_assert_cmpint (count_entries_in_state (fixture->db, "invoiced"), ==, 0);
  g_assert_cmpint (count_entry_audit (fixture->db, "invoiced", "approved"), ==, 6);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM audit_log WHERE object_type = 'time-entry' "
                   "AND new_state = 'approved' AND old_state = 'invoiced' AND reason = 'Wrong rate'"), ==, 6);

  /* Twice, or the cancellation itself: refused. */
  refused = dg_invoice_store_cancel (w.store, id, day, "Again", &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE);
  g_clear_error (&error);
  refused = dg_invoice_store_cancel (w.store, dg_invoice_get_id (cancellation), day, "Again", &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE);
  g_clear_error (&error);
  g_assert_false (dg_invoice_store_mark_paid (w.store, dg_invoice_get_id (cancellation), day, 1, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE);
  g_clear_error (&error);
  /* With its own (negative) total, as the command line offers it: told
   * that it is a cancellation, not that the amount is wrong. */
  g_assert_false (dg_invoice_store_mark_paid (w.store, dg_invoice_get_id (cancellation), day, -35403, &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_WRONG_STATE);
  dg_test_assert_error_mentions (error, "cancellation");
  g_clear_error (&error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoices"), ==, 2);

  /* The work and the fees are invoiceable again, by the next number. */
  redraft = create_draft (&w, "2026-11-01", "2026-11-30", DG_INVOICE_GROUPING_BY_TASK);
  g_assert_cmpuint (dg_invoice_get_lines (redraft)->len, ==, 5);
  g_assert_cmpint (dg_invoice_get_total (redraft).minor, ==, 35403);
  reissued = issue (&w, dg_invoice_get_id (redraft), "2026-12-06");
  if (reissued != NULL)
    {
      g_assert_cmpstr (dg_invoice_get_number (reissued), ==, "2026-0002");
      g_assert_cmpstr (dg_invoice_get_parties (reissued)->business_name, ==, "Renamed GmbH");
    }
  g_assert_cmpint (count_entries_in_state (fixture->db, "invoiced"), ==, 6);

  /* A paid invoice can be cancelled too; the next cancellation number. */
  g_assert_true (dg_invoice_store_mark_paid (w.store, dg_invoice_get_id (redraft), later, 35403, &error));
  g_assert_no_error (error);
  other = dg_invoice_store_cancel (w.store, dg_invoice_get_id (redraft), later, "Paid twice", &error);
  g_assert_no_error (error);
  if (other != NULL)
    g_assert_cmpstr (dg_invoice_get_number (other), ==, "ST-2026-0002");
  g_clear_object (&cancelled);
  cancelled = get_invoice (&w, dg_invoice_get_id (redraft));
  g_assert_cmpint (dg_invoice_get_state (cancelled), ==, DG_INVOICE_STATE_CANCELLED);
  g_clear_pointer (&trail, g_free);
  trail = audit_trail (&w, dg_invoice_get_id (redraft));
  g_assert_cmpstr (trail, ==, "→draft draft→issued issued→paid paid→cancelled");

out:
  world_tear_down (&w);
}

/* ---- numbers ----------------------------------------------------------------------------- */

/* A draft of one approved hour on @day. */
static gint64
draft_of_day (World      *w,
              const char *day)
{
  g_autofree char *start = g_strdup_printf ("%sT09:00:00", day);
  g_autoptr(DgInvoice) draft = NULL;

  add_hours (w, w->maria, w->inbox, start, 60, "Mail", TRUE);
  draft = create_draft (w, day, day, DG_INVOICE_GROUPING_BY_TASK);
  return draft ? dg_invoice_get_id (draft) : 0;
}

static char *
issue_number (World      *w,
              gint64      invoice_id,
              const char *date)
{
  g_autoptr(DgInvoice) issued = issue (w, invoice_id, date);

  return g_strdup (issued ? dg_invoice_get_number (issued) : "");
}

static void
test_numbers_without_gaps (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  static const struct { const char *day; const char *issue; const char *number; } plan[] = {
    { "2026-11-02", "2026-12-30", "2026-0001" },
    { "2026-11-03", "2026-12-31", "2026-0002" },
    { "2026-11-04", "2027-01-02", "2027-0001" },
    { "2026-11-05", "2027-01-02", "2027-0002" },
  };
  g_autoptr(GDate) day = date_of ("2027-01-05");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) cancellation = NULL;
  g_autoptr(DgInvoice) refused = NULL;
  gint64 ids[G_N_ELEMENTS (plan)];
  gint64 failing;
  World w;

  world_set_up (&w, fixture, "outside-scope", 0, "en");
  for (gsize i = 0; i < G_N_ELEMENTS (plan); i++)
    ids[i] = draft_of_day (&w, plan[i].day);
  for (gsize i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autofree char *number = issue_number (&w, ids[i], plan[i].issue);

      g_assert_cmpstr (number, ==, plan[i].number);
    }

  /* A failed issue uses no number. */
  failing = draft_of_day (&w, "2026-11-09");
  dg_test_execute (fixture->db, "UPDATE assistants SET address = ''");
  refused = dg_invoice_store_issue (w.store, failing, day, &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_MISSING_FIELD);
  g_clear_error (&error);
  dg_test_execute (fixture->db, "UPDATE assistants SET address = 'Lindenweg 5\n04109 Leipzig'");

  /* Cancellations count on their own. */
  cancellation = dg_invoice_store_cancel (w.store, ids[0], day, "Duplicate", &error);
  g_assert_no_error (error);
  if (cancellation != NULL)
    g_assert_cmpstr (dg_invoice_get_number (cancellation), ==, "ST-2027-0001");

  {
    g_autofree char *number = issue_number (&w, failing, "2027-01-05");

    g_assert_cmpstr (number, ==, "2027-0003");
  }
  g_assert_cmpint (series_last_number (fixture->db, "invoice", "2026-{NNNN}"), ==, 2);
  g_assert_cmpint (series_last_number (fixture->db, "invoice", "2027-{NNNN}"), ==, 3);
  g_assert_cmpint (series_last_number (fixture->db, "cancellation", "ST-2027-{NNNN}"), ==, 1);

  /* A pattern without the year never starts again. */
  dg_test_execute (fixture->db, "UPDATE business_profile SET invoice_number_pattern = 'R{NNNNN}'");
  {
    gint64 a = draft_of_day (&w, "2026-11-10");
    gint64 b = draft_of_day (&w, "2026-11-11");
    g_autofree char *first = issue_number (&w, a, "2027-12-31");
    g_autofree char *second = issue_number (&w, b, "2028-01-01");

    g_assert_cmpstr (first, ==, "R00001");
    g_assert_cmpstr (second, ==, "R00002");
  }

  /* A counter that outgrows its placeholder is written in full, and
   * listed in its order, not the text's. */
  dg_test_execute (fixture->db, "UPDATE business_profile SET invoice_number_pattern = 'N{N}'");
  dg_test_execute (fixture->db,
                   "INSERT INTO invoice_number_series (series, prefix, last_number) VALUES ('invoice', 'N{N}', 8)");
  {
    gint64 a = draft_of_day (&w, "2026-11-12");
    gint64 b = draft_of_day (&w, "2026-11-13");
    g_autofree char *first = issue_number (&w, a, "2028-02-01");
    g_autofree char *second = issue_number (&w, b, "2028-02-01");
    g_autoptr(GPtrArray) all = dg_invoice_store_list (w.store, DG_INVOICE_FILTER_ALL, 0, &error);

    g_assert_cmpstr (first, ==, "N9");
    g_assert_cmpstr (second, ==, "N10");
    g_assert_no_error (error);
    g_assert_true (all != NULL && all->len == 10);
    if (all != NULL && all->len == 10)
      {
        g_assert_cmpstr (dg_invoice_get_number (g_ptr_array_index (all, 0)), ==, "N10");
        g_assert_cmpstr (dg_invoice_get_number (g_ptr_array_index (all, 1)), ==, "N9");
      }
  }

  /* Every issued number is unique and every series has no hole. */
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM invoices WHERE number IS NOT NULL"), ==, 10);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(DISTINCT number) FROM invoices WHERE number IS NOT NULL"), ==, 10);

  world_tear_down (&w);
}

static DgInvoice *
assert_issue_refused (World      *w,
                      gint64      invoice_id,
                      const char *date,
                      const char *mentions)
{
  g_autoptr(GDate) day = date_of (date);
  g_autoptr(GError) error = NULL;
  DgInvoice *refused = dg_invoice_store_issue (w->store, invoice_id, day, &error);

  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  dg_test_assert_error_mentions (error, mentions);
  g_assert_null (refused);
  return refused;
}

/* Issue dates keep numbers and dates in one order, and an invoice is not
 * dated before the work it bills or the agreement it is issued under. */
static void
test_issue_dates (DgTestFixture *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GDate) before_first = date_of ("2026-12-19");
  g_autoptr(GDate) after_first = date_of ("2026-12-20");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) cancellation = NULL;
  gint64 november, december;
  World w;

  world_set_up (&w, fixture, "outside-scope", 0, "en");
  world_without_fees (&w);
  november = draft_of_day (&w, "2026-11-02");
  december = draft_of_day (&w, "2026-12-02");

  /* Before the service period, before the agreement. */
  g_assert_null (assert_issue_refused (&w, december, "2026-12-01", "service period"));
  dg_test_execute (fixture->db, "UPDATE assistants SET self_billing_date = '2026-11-15'");
  g_assert_null (assert_issue_refused (&w, november, "2026-11-10", "self-billing agreement"));
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoice_number_series"), ==, 0);

  /* Once 2026-0001 is dated 10 Dec, no invoice is dated before it, not
   * even in another year's series; the same day is fine. */
  g_free (issue_number (&w, december, "2026-12-10"));
  g_assert_null (assert_issue_refused (&w, november, "2026-12-09", "10 Dec 2026"));
  g_assert_null (assert_issue_refused (&w, november, "2025-12-31", "10 Dec 2026"));
  g_assert_cmpint (series_last_number (fixture->db, "invoice", "2026-{NNNN}"), ==, 1);
  g_assert_cmpint (series_last_number (fixture->db, "invoice", "2025-{NNNN}"), ==, 0);
  {
    g_autofree char *number = issue_number (&w, november, "2026-12-10");

    g_assert_cmpstr (number, ==, "2026-0002");
  }

  /* Cancellations likewise, in their own series. */
  cancellation = dg_invoice_store_cancel (w.store, december, after_first, "Duplicate", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cancellation);
  g_assert_null (dg_invoice_store_cancel (w.store, november, before_first, "Duplicate", &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  dg_test_assert_error_mentions (error, "cancellation");
  dg_test_assert_error_mentions (error, "20 Dec 2026");
  g_clear_error (&error);
  g_clear_object (&cancellation);
  cancellation = dg_invoice_store_cancel (w.store, november, after_first, "Duplicate", &error);
  g_assert_no_error (error);
  g_assert_true (cancellation != NULL && g_str_equal (dg_invoice_get_number (cancellation), "ST-2026-0002"));

  world_tear_down (&w);
}

/* Patterns that make a number in use already: refused with a sentence
 * naming the pattern to change, and nothing is used up. */
static void
test_number_taken (DgTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDate) day = date_of ("2026-12-05");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) cancellation = NULL;
  gint64 first;
  World w;

  world_set_up (&w, fixture, "outside-scope", 0, "en");
  world_without_fees (&w);
  first = draft_of_day (&w, "2026-11-02");
  g_free (issue_number (&w, first, "2026-12-01"));
  /* Written past the profile's own check, which only sees the text. */
  dg_test_execute (fixture->db,
                   "UPDATE business_profile SET cancellation_number_pattern = '{YYYY}-000{N}'");

  g_assert_null (dg_invoice_store_cancel (w.store, first, day, "Duplicate", &error));
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_INVALID);
  dg_test_assert_error_mentions (error, "2026-0001");
  dg_test_assert_error_mentions (error, "cancellation numbers");
  dg_test_assert_error_mentions (error, "Preferences");
  g_clear_error (&error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM invoices"), ==, 1);
  g_assert_cmpint (series_last_number (fixture->db, "cancellation", "2026-000{N}"), ==, 0);

  dg_test_execute (fixture->db,
                   "UPDATE business_profile SET cancellation_number_pattern = 'ST-{YYYY}-{NNNN}'");
  cancellation = dg_invoice_store_cancel (w.store, first, day, "Duplicate", &error);
  g_assert_no_error (error);
  g_assert_true (cancellation != NULL && g_str_equal (dg_invoice_get_number (cancellation), "ST-2026-0001"));

  world_tear_down (&w);
}

/* ---- a process killed while issuing ------------------------------------------------------- */

static void
kill_self (gpointer data)
{
  raise (SIGKILL);
}

/* Issues @invoice_id in a child process with its own connection, which
 * @hook (or NULL: after the issue returned) kills; TRUE when it died by
 * SIGKILL. The parent closes its connection first and opens it again
 * after: SQLite connections must not cross a fork(). */
static gboolean
issue_in_killed_child (World      *w,
                       gint64      invoice_id,
                       const char *date,
                       gboolean    during)
{
  DgTestFixture *fixture = w->fixture;
  pid_t pid;
  int status = 0;

  world_close_stores (w);
  g_clear_object (&fixture->db);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GDate) day = date_of (date);
      DgDatabase *db = dg_database_open (fixture->path, NULL);
      DgInvoiceStore *store;
      DgInvoice *issued;

      if (db == NULL)
        _exit (2);
      store = dg_invoice_store_new (db);
      if (during)
        _dg_invoice_store_set_issue_hook (store, kill_self, NULL);
      issued = dg_invoice_store_issue (store, invoice_id, day, NULL);
      if (issued != NULL)
        raise (SIGKILL);
      _exit (3);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  fixture->db = dg_test_open_database (fixture->path);
  world_open_stores (w);
  return WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
}

static void
test_killed_while_issuing (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(DgInvoice) first = NULL;
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) still = NULL;
  g_autoptr(DgInvoice) issued = NULL;
  gint64 id;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  world_add_november (&w);
  add_hours (&w, w.maria, w.inbox, "2026-12-02T09:00:00", 60, "December", TRUE);
  draft = create_draft (&w, "2026-12-01", "2026-12-31", DG_INVOICE_GROUPING_BY_TASK);
  first = issue (&w, dg_invoice_get_id (draft), "2027-01-04");
  g_clear_object (&draft);
  g_assert_cmpint (series_last_number (fixture->db, "invoice", "2027-{NNNN}"), ==, 1);

  draft = create_draft (&w, "2026-11-01", "2026-11-30", DG_INVOICE_GROUPING_BY_TASK);
  id = dg_invoice_get_id (draft);

  g_assert_true (issue_in_killed_child (&w, id, "2027-01-05", TRUE));

  /* Still a draft, no number used, its entries approved, no history of
   * an issue. */
  still = get_invoice (&w, id);
  g_assert_cmpint (dg_invoice_get_state (still), ==, DG_INVOICE_STATE_DRAFT);
  g_assert_cmpstr (dg_invoice_get_number (still), ==, "");
  g_assert_cmpint (series_last_number (fixture->db, "invoice", "2027-{NNNN}"), ==, 1);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM invoices WHERE pdf IS NOT NULL"), ==, 1);
  g_assert_cmpint (count_entries_in_state (fixture->db, "invoiced"), ==, 1);
  g_assert_cmpint (count_entry_audit (fixture->db, "approved", "invoiced"), ==, 1);
  {
    g_autofree char *trail = audit_trail (&w, id);

    g_assert_cmpstr (trail, ==, "→draft");
  }

  /* Issued normally it takes the next number: no gap. */
  issued = issue (&w, id, "2027-01-05");
  if (issued != NULL)
    g_assert_cmpstr (dg_invoice_get_number (issued), ==, "2027-0002");
  g_assert_cmpint (count_entries_in_state (fixture->db, "invoiced"), ==, 7);

  world_tear_down (&w);
}

static void
test_killed_after_issue (DgTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) issued = NULL;
  gint64 id;
  World w;

  world_set_up (&w, fixture, "vat", 1900, "en");
  world_add_november (&w);
  draft = create_draft (&w, "2026-11-01", "2026-11-30", DG_INVOICE_GROUPING_BY_TASK);
  id = dg_invoice_get_id (draft);

  g_assert_true (issue_in_killed_child (&w, id, "2026-12-01", FALSE));

  /* Committed before the process died: issued, with the next number, its
   * PDF and its entries invoiced. */
  issued = get_invoice (&w, id);
  g_assert_cmpint (dg_invoice_get_state (issued), ==, DG_INVOICE_STATE_ISSUED);
  g_assert_cmpstr (dg_invoice_get_number (issued), ==, "2026-0001");
  g_assert_cmpint (series_last_number (fixture->db, "invoice", "2026-{NNNN}"), ==, 1);
  g_assert_cmpint (count_entries_in_state (fixture->db, "invoiced"), ==, 6);
  assert_pdf (&w, id);
  {
    g_autofree char *trail = audit_trail (&w, id);

    g_assert_cmpstr (trail, ==, "→draft draft→issued");
  }

  world_tear_down (&w);
}

/* ---- lists ------------------------------------------------------------------------------- */

static void
test_list (DgTestFixture *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) unpaid = NULL;
  g_autoptr(GPtrArray) nobody = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = date_of ("2027-01-20");
  g_autoptr(DgInvoice) cancellation = NULL;
  gint64 a, b, c, d;
  World w;

  world_set_up (&w, fixture, "outside-scope", 0, "en");
  a = draft_of_day (&w, "2026-11-02");
  b = draft_of_day (&w, "2026-11-03");
  c = draft_of_day (&w, "2026-11-04");
  d = draft_of_day (&w, "2026-11-05");
  g_free (issue_number (&w, a, "2026-12-01"));
  g_free (issue_number (&w, b, "2027-01-10"));
  dg_test_execute (fixture->db, "UPDATE business_profile SET payment_terms_days = 3");
  g_free (issue_number (&w, c, "2027-01-11"));
  cancellation = dg_invoice_store_cancel (w.store, a, day, "Duplicate", &error);
  g_assert_no_error (error);

  /* Drafts first, then the newest. */
  all = dg_invoice_store_list (w.store, DG_INVOICE_FILTER_ALL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (all != NULL && all->len == 5);
  if (all == NULL || all->len != 5)
    goto out;
  g_assert_cmpint (dg_invoice_get_id (g_ptr_array_index (all, 0)), ==, d);
  g_assert_cmpstr (dg_invoice_get_number (g_ptr_array_index (all, 1)), ==, "ST-2027-0001");
  g_assert_cmpstr (dg_invoice_get_number (g_ptr_array_index (all, 2)), ==, "2027-0002");
  g_assert_cmpstr (dg_invoice_get_number (g_ptr_array_index (all, 3)), ==, "2027-0001");
  g_assert_cmpstr (dg_invoice_get_number (g_ptr_array_index (all, 4)), ==, "2026-0001");
  g_assert_cmpstr (dg_invoice_get_cancelled_by_number (g_ptr_array_index (all, 4)), ==, "ST-2027-0001");
  g_assert_cmpstr (dg_invoice_get_cancels_number (g_ptr_array_index (all, 1)), ==, "2026-0001");
  g_assert_cmpstr (dg_invoice_get_assistant_name (g_ptr_array_index (all, 0)), ==, "Maria Santos");

  drafts = dg_invoice_store_list (w.store, DG_INVOICE_FILTER_DRAFTS, 0, &error);
  g_assert_no_error (error);
  g_assert_true (drafts != NULL && drafts->len == 1);

  /* Unpaid: issued invoices by due date, oldest first; c (due 14 Jan)
   * before b (due 24 Jan). */
  unpaid = dg_invoice_store_list (w.store, DG_INVOICE_FILTER_UNPAID, w.maria, &error);
  g_assert_no_error (error);
  g_assert_true (unpaid != NULL && unpaid->len == 2);
  if (unpaid != NULL && unpaid->len == 2)
    {
      g_assert_cmpint (dg_invoice_get_id (g_ptr_array_index (unpaid, 0)), ==, c);
      g_assert_cmpint (dg_invoice_get_id (g_ptr_array_index (unpaid, 1)), ==, b);
    }

  nobody = dg_invoice_store_list (w.store, DG_INVOICE_FILTER_ALL, w.maria + 1, &error);
  g_assert_no_error (error);
  g_assert_true (nobody != NULL && nobody->len == 0);

out:
  world_tear_down (&w);
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  dg_test_add_with_database ("/invoice-store/draft/by-task", test_draft_by_task);
  dg_test_add_with_database ("/invoice-store/draft/by-entry", test_draft_by_entry);
  dg_test_add_with_database ("/invoice-store/draft/rounding", test_draft_rounding);
  dg_test_add_with_database ("/invoice-store/draft/long-descriptions", test_long_descriptions);
  dg_test_add_with_database ("/invoice-store/draft/nothing-to-invoice", test_nothing_to_invoice);
  dg_test_add_with_database ("/invoice-store/draft/extra-lines", test_extra_lines);
  dg_test_add_with_database ("/invoice-store/issue", test_issue);
  dg_test_add_with_database ("/invoice-store/issue/missing-fields", test_missing_fields);
  dg_test_add_with_database ("/invoice-store/issue/stale", test_stale);
  dg_test_add_with_database ("/invoice-store/issued-refuses-changes", test_issued_refuses_changes);
  dg_test_add_with_database ("/invoice-store/mark-paid", test_mark_paid);
  dg_test_add_with_database ("/invoice-store/cancel", test_cancel);
  dg_test_add_with_database ("/invoice-store/numbers-without-gaps", test_numbers_without_gaps);
  dg_test_add_with_database ("/invoice-store/number-taken", test_number_taken);
  dg_test_add_with_database ("/invoice-store/issue/dates", test_issue_dates);
  dg_test_add_with_database ("/invoice-store/killed-while-issuing", test_killed_while_issuing);
  dg_test_add_with_database ("/invoice-store/killed-after-issue", test_killed_after_issue);
  dg_test_add_with_database ("/invoice-store/list", test_list);

  return g_test_run ();
}
