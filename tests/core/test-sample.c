/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-sample"

/* The sample business: what a newcomer explores has every kind of record
 * the pages show, obeys the domain rules (totals add up, payments are
 * whole), is written all or nothing and never into a database with data,
 * and the same seed gives the same rows. */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dg-assistant-store.h"
#include "dg-business-profile.h"
#include "dg-invoice-store.h"
#include "dg-sample.h"
#include "dg-test-utils.h"
#include "dg-validation.h"

#define TODAY_DAY   28
#define TODAY_MONTH G_DATE_NOVEMBER
#define TODAY_YEAR  2026
#define TODAY_TEXT  "2026-11-28"

static void
init_options (DgSampleOptions *options,
              GDate           *today,
              guint            scale,
              guint32          seed)
{
  dg_sample_options_init (options);
  g_date_clear (today, 1);
  g_date_set_dmy (today, TODAY_DAY, TODAY_MONTH, TODAY_YEAR);
  options->today = today;
  options->scale = scale;
  options->seed = seed;
  /* Not the locale's: the same rows wherever the test runs. */
  options->language = "en";
}

static void
create_sample (DgDatabase *db,
               guint       scale,
               guint32     seed)
{
  g_autoptr(GError) error = NULL;
  DgSampleOptions options;
  GDate today;

  init_options (&options, &today, scale, seed);
  g_assert_true (dg_sample_create (db, &options, &error));
  g_assert_no_error (error);
}

/* Every record the user keeps, counted, to show that nothing was written. */
static char *
count_records (DgDatabase *db)
{
  return g_strdup_printf ("assistants %" G_GINT64_FORMAT ", handbooks %" G_GINT64_FORMAT
                          ", tasks %" G_GINT64_FORMAT ", entries %" G_GINT64_FORMAT
                          ", invoices %" G_GINT64_FORMAT ", audit %" G_GINT64_FORMAT
                          ", named profile %" G_GINT64_FORMAT,
                          dg_test_query_int (db, "SELECT count(*) FROM assistants"),
                          dg_test_query_int (db, "SELECT count(*) FROM handbooks"),
                          dg_test_query_int (db, "SELECT count(*) FROM tasks"),
                          dg_test_query_int (db, "SELECT count(*) FROM time_entries"),
                          dg_test_query_int (db, "SELECT count(*) FROM invoices"),
                          dg_test_query_int (db, "SELECT count(*) FROM audit_log"),
                          dg_test_query_int (db, "SELECT count(*) FROM business_profile WHERE name <> ''"));
}

static void
assert_invoices_add_up (DgDatabase *db,
                        guint      *n_issued_unpaid,
                        guint      *n_paid)
{
  g_autoptr(DgInvoiceStore) store = dg_invoice_store_new (db);
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_issue_date = g_strdup ("");
  g_autofree char *last_number = g_strdup ("");

  invoices = dg_invoice_store_list (store, DG_INVOICE_FILTER_ALL, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (invoices);

  *n_issued_unpaid = 0;
  *n_paid = 0;
  /* Listed newest first: walked backwards, numbers and dates ascend. */
  for (guint i = invoices->len; i > 0; i--)
    {
      DgInvoice *invoice = g_ptr_array_index (invoices, i - 1);
      GPtrArray *lines = dg_invoice_get_lines (invoice);
      GPtrArray *groups = dg_invoice_get_tax_groups (invoice);
      gint64 net = 0;
      gint64 tax = 0;

      g_assert_cmpuint (lines->len, >, 0);
      for (guint l = 0; l < lines->len; l++)
        net += ((DgInvoiceLine *) g_ptr_array_index (lines, l))->amount;
      for (guint g = 0; g < groups->len; g++)
        tax += ((DgInvoiceTaxGroup *) g_ptr_array_index (groups, g))->tax;
      g_assert_cmpint (dg_invoice_get_net_total (invoice).minor, ==, net);
      g_assert_cmpint (dg_invoice_get_tax_total (invoice).minor, ==, tax);
      g_assert_cmpint (dg_invoice_get_total (invoice).minor, ==, net + tax);
      g_assert_cmpint (net, >, 0);

      if (dg_invoice_get_state (invoice) == DG_INVOICE_STATE_DRAFT)
        continue;

      g_assert_cmpint (dg_invoice_get_kind (invoice), ==, DG_INVOICE_KIND_INVOICE);
      g_assert_cmpstr (dg_invoice_get_issue_date (invoice), >=, last_issue_date);
      g_assert_cmpstr (dg_invoice_get_number (invoice), >, last_number);
      g_assert_cmpstr (dg_invoice_get_issue_date (invoice), >=, dg_invoice_get_period_end (invoice));
      g_assert_cmpstr (dg_invoice_get_issue_date (invoice), <=, TODAY_TEXT);
      g_free (last_issue_date);
      last_issue_date = g_strdup (dg_invoice_get_issue_date (invoice));
      g_free (last_number);
      last_number = g_strdup (dg_invoice_get_number (invoice));

      if (dg_invoice_get_state (invoice) == DG_INVOICE_STATE_PAID)
        {
          g_assert_cmpint (dg_invoice_get_paid_amount (invoice), ==, net + tax);
          g_assert_cmpstr (dg_invoice_get_paid_date (invoice), >=, dg_invoice_get_issue_date (invoice));
          g_assert_cmpstr (dg_invoice_get_paid_date (invoice), <=, TODAY_TEXT);
          (*n_paid)++;
        }
      else
        {
          g_assert_cmpint (dg_invoice_get_state (invoice), ==, DG_INVOICE_STATE_ISSUED);
          (*n_issued_unpaid)++;
        }
    }

  /* Every invoiced entry is billed by a line of an issued invoice. */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries WHERE state = 'invoiced'"), ==,
                   dg_test_query_int (db, "SELECT count(DISTINCT e.entry_id) FROM invoice_line_entries e"
                                          " JOIN invoice_lines l ON l.id = e.line_id"
                                          " JOIN invoices i ON i.id = l.invoice_id"
                                          " WHERE i.state IN ('issued', 'paid')"));
}

/* Hours on a one-off job fall between the day it was set (three weeks
 * before it is due) and the day it was done: a timesheet never bills work
 * after the job was finished. */
static void
assert_one_off_hours_in_window (DgDatabase *db)
{
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries e JOIN tasks t ON t.id = e.task_id"
                                          " WHERE t.rrule = '' AND t.status = 'done'"
                                          " AND e.local_date > substr(t.completed_at, 1, 10)"), ==, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries e JOIN tasks t ON t.id = e.task_id"
                                          " WHERE t.rrule = '' AND e.local_date < date(t.due_date, '-21 days')"), ==, 0);
  /* …and the one-offs still have hours. */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries e JOIN tasks t ON t.id = e.task_id"
                                          " WHERE t.rrule = ''"), >, 0);
}

static void
test_scale_one (DgTestFixture *fixture,
                gconstpointer  user_data)
{
  DgDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBusinessProfile) profile = NULL;
  g_autoptr(DgAssistantStore) assistants = NULL;
  guint n_issued_unpaid;
  guint n_paid;
  gboolean seen_eur = FALSE;

  g_assert_true (dg_sample_database_is_empty (db, &error));
  g_assert_no_error (error);

  create_sample (db, 1, 7);

  g_assert_false (dg_sample_database_is_empty (db, &error));
  g_assert_no_error (error);

  /* A business profile complete enough to issue invoices. */
  profile = dg_business_profile_load (db, &error);
  g_assert_no_error (error);
  g_assert_true (dg_business_profile_validate (profile, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dg_business_profile_get_name (profile), !=, "");
  g_assert_cmpstr (dg_business_profile_get_address (profile), !=, "");
  g_assert_cmpstr (dg_business_profile_get_tax_number (profile), !=, "");
  g_assert_cmpstr (dg_business_profile_get_vat_id (profile), !=, "");
  g_assert_cmpstr (dg_business_profile_get_currency (profile), ==, "EUR");

  /* Three assistants: Manila in pesos, Berlin in euros, Buenos Aires in
   * dollars, each with what an invoice to them needs. */
  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (assistants)), ==, 3);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM assistants WHERE time_zone = 'Asia/Manila' AND currency = 'PHP'"), ==, 1);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM assistants WHERE time_zone = 'Europe/Berlin' AND currency = 'EUR'"), ==, 1);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM assistants WHERE time_zone = 'America/Argentina/Buenos_Aires' AND currency = 'USD'"), ==, 1);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DgAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (assistants), i);

      g_assert_true (dg_assistant_validate (assistant, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (dg_assistant_get_email (assistant), !=, "");
      g_assert_cmpstr (dg_assistant_get_address (assistant), !=, "");
      g_assert_cmpstr (dg_assistant_get_self_billing_date (assistant), !=, "");
      g_assert_cmpint (dg_assistant_get_hourly_rate (assistant), >, 0);
      if (g_str_equal (dg_assistant_get_currency (assistant), "EUR"))
        {
          seen_eur = TRUE;
          g_assert_true (dg_validate_iban (dg_assistant_get_iban (assistant), &error));
          g_assert_no_error (error);
          g_assert_cmpint (dg_assistant_get_tax_status (assistant), !=, DG_TAX_STATUS_OUTSIDE_SCOPE);
        }
      else
        g_assert_cmpint (dg_assistant_get_tax_status (assistant), ==, DG_TAX_STATUS_OUTSIDE_SCOPE);
    }
  g_assert_true (seen_eur);

  /* The whole starter library, published, and read by the assistants. */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM handbooks"), >=, 9);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM handbooks h WHERE NOT EXISTS"
                                          " (SELECT 1 FROM handbook_versions v WHERE v.handbook_id = h.id)"), ==, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM handbook_steps"), >, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM handbook_acknowledgements"), >, 0);

  /* One-off and recurring tasks of every assistant, each following a
   * handbook; some done, some overdue, some still to come. */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(DISTINCT assistant_id) FROM tasks WHERE rrule = ''"), ==, 3);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(DISTINCT assistant_id) FROM tasks WHERE rrule <> ''"), ==, 3);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM tasks WHERE handbook_id IS NULL"), ==, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM tasks WHERE rrule = '' AND status = 'done'"), >, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM tasks WHERE rrule = '' AND status = 'open'"
                                          " AND due_date < '" TODAY_TEXT "'"), >, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM tasks WHERE rrule = '' AND status = 'open'"
                                          " AND due_date > '" TODAY_TEXT "'"), >, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM task_occurrences WHERE status = 'done'"), >, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM tasks WHERE billing = 'fixed-fee'"), >, 0);

  /* Several weeks of hours, in every state, none in the future. */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries WHERE state = 'pending'"), >, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries WHERE state = 'approved'"), >, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries WHERE state = 'invoiced'"), >, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries WHERE state = 'rejected'"), >=, 1);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(DISTINCT strftime('%W', local_date)) FROM time_entries"), >=, 6);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries WHERE local_date >= '" TODAY_TEXT "'"), ==, 0);
  /* Pending only in the last two weeks; approved ones are older. */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries WHERE state = 'pending'"
                                          " AND local_date < '2026-11-16'"), ==, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries WHERE state IN ('approved', 'invoiced')"
                                          " AND local_date >= '2026-11-16'"), ==, 0);

  assert_one_off_hours_in_window (db);

  /* Three different jobs per assistant, not one title three times. */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM tasks WHERE rrule = ''"), ==, 9);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(DISTINCT title) FROM tasks WHERE rrule = ''"), ==, 9);

  /* Notes as assistants write them: varied, often none, and never just
   * the task's title again (the Timesheets page shows both). */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries e JOIN tasks t ON t.id = e.task_id"
                                          " WHERE e.note = t.title"), ==, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries WHERE note = ''"), >, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(DISTINCT note) FROM time_entries WHERE note <> ''"), >=, 4);

  /* An issued, unpaid invoice and a paid one, totals the sums of lines. */
  assert_invoices_add_up (db, &n_issued_unpaid, &n_paid);
  g_assert_cmpuint (n_issued_unpaid, >=, 1);
  g_assert_cmpuint (n_paid, >=, 1);
}

static void
test_refuses_data (DgTestFixture *fixture,
                   gconstpointer  user_data)
{
  DgDatabase *db = fixture->db;
  g_autoptr(DgBusinessProfile) profile = dg_business_profile_new ();
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgAssistant) assistant = dg_assistant_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DgSampleOptions options;
  GDate today;

  init_options (&options, &today, 1, 1);

  /* A profile alone is the owner's data already. */
  g_object_set (profile, "name", "Real Business Ltd", NULL);
  g_assert_true (dg_business_profile_save (profile, db, &error));
  g_assert_no_error (error);
  g_assert_false (dg_sample_database_is_empty (db, &error));
  g_assert_no_error (error);

  before = count_records (db);
  g_assert_false (dg_sample_create (db, &options, &error));
  g_assert_error (error, DG_SAMPLE_ERROR, DG_SAMPLE_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  after = count_records (db);
  g_assert_cmpstr (after, ==, before);

  /* An assistant too. */
  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  g_object_set (assistant, "name", "Real Person", "time-zone", "Europe/Berlin", "currency", "EUR", NULL);
  g_assert_true (dg_assistant_store_add (assistants, assistant, &error));
  g_assert_no_error (error);

  g_free (before);
  before = count_records (db);
  g_assert_false (dg_sample_create (db, &options, &error));
  g_assert_error (error, DG_SAMPLE_ERROR, DG_SAMPLE_ERROR_NOT_EMPTY);
  dg_test_assert_error_mentions (error, "empty");
  g_clear_error (&error);
  g_free (after);
  after = count_records (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM assistants WHERE name <> 'Real Person'"), ==, 0);
}

static void
test_is_empty (DgTestFixture *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_sample_database_is_empty (fixture->db, &error));
  g_assert_no_error (error);

  /* Any column of the business profile saved with another value than its
   * default counts, the number patterns and payment terms as much as the
   * name: every column of the table, so a column added later is covered. */
  {
    g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) defaults = g_ptr_array_new_with_free_func (g_free);
    /* dg_test_execute() caches statements by the address of their text,
     * so every text is kept alive to the end: a freed one's address could
     * come back with another text and run the cached statement instead. */
    g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
    sqlite3_stmt *stmt = dg_database_prepare (fixture->db, "SELECT name, dflt_value FROM pragma_table_info"
                                                           " ('business_profile') WHERE pk = 0", &error);

    g_assert_no_error (error);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
        g_ptr_array_add (defaults, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      }
    sqlite3_reset (stmt);
    g_assert_cmpuint (columns->len, >=, 12);

    for (guint i = 0; i < columns->len; i++)
      {
        const char *column = g_ptr_array_index (columns, i);
        char *change = g_strdup_printf ("UPDATE business_profile SET \"%s\" ="
                                        " CASE typeof (\"%s\") WHEN 'integer' THEN \"%s\" + 1"
                                        " ELSE \"%s\" || 'X' END",
                                        column, column, column, column);
        char *restore = g_strdup_printf ("UPDATE business_profile SET \"%s\" = %s", column,
                                         (const char *) g_ptr_array_index (defaults, i));

        g_ptr_array_add (statements, change);
        g_ptr_array_add (statements, restore);
        dg_test_execute (fixture->db, change);
        g_assert_false (dg_sample_database_is_empty (fixture->db, &error));
        g_assert_no_error (error);
        dg_test_execute (fixture->db, restore);
        g_assert_true (dg_sample_database_is_empty (fixture->db, &error));
        g_assert_no_error (error);
      }
  }

  /* Handbooks alone count, as does the rest. */
  dg_test_execute (fixture->db, "INSERT INTO handbooks (title, saved_at) VALUES ('Mine', '2026-01-01T00:00:00Z')");
  g_assert_false (dg_sample_database_is_empty (fixture->db, &error));
  g_assert_no_error (error);
}

/* A failure half-way leaves the database as it was: invoices refused by a
 * trigger come last, after everything else was written. */
static void
test_all_or_nothing (DgTestFixture *fixture,
                     gconstpointer  user_data)
{
  DgDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DgSampleOptions options;
  GDate today;

  init_options (&options, &today, 1, 1);
  dg_test_execute (db, "CREATE TEMP TRIGGER refuse_invoices BEFORE INSERT ON main.invoices "
                       "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END");

  before = count_records (db);
  g_assert_false (dg_sample_create (db, &options, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = count_records (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (dg_sample_database_is_empty (db, &error));
  g_assert_no_error (error);

  /* Nor does a failed run leave the database unusable. */
  dg_test_execute (db, "DROP TRIGGER temp.refuse_invoices");
  g_assert_true (dg_sample_create (db, &options, &error));
  g_assert_no_error (error);
}

static void
test_invalid_scale (DgTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  DgSampleOptions options;
  GDate today;

  init_options (&options, &today, 0, 1);
  g_assert_false (dg_sample_create (fixture->db, &options, &error));
  g_assert_error (error, DG_SAMPLE_ERROR, DG_SAMPLE_ERROR_INVALID);
  g_clear_error (&error);

  /* Near a hundred: a larger scale would run for hours. */
  g_assert_cmpuint (DG_SAMPLE_SCALE_MAX, ==, 100);
  options.scale = DG_SAMPLE_SCALE_MAX + 1;
  g_assert_false (dg_sample_create (fixture->db, &options, &error));
  g_assert_error (error, DG_SAMPLE_ERROR, DG_SAMPLE_ERROR_INVALID);
  g_assert_true (dg_sample_database_is_empty (fixture->db, NULL));
}

/* Without time zone data (TZDIR pointing nowhere stands in for a system
 * without tzdata) the sample is refused with an error that says what to
 * install, instead of crashing on a zone it does not have. In a subprocess,
 * as GLib keeps the zones it has made. */
static void
test_no_time_zone_data (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = dg_test_make_tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
      g_autofree char *empty = g_build_filename (dir, "zoneinfo", NULL);
      DgDatabase *db = dg_test_open_database (path);
      g_autoptr(GError) error = NULL;
      DgSampleOptions options;
      GDate today;

      g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
      g_setenv ("TZDIR", empty, TRUE);
      init_options (&options, &today, 1, 1);
      g_assert_false (dg_sample_create (db, &options, &error));
      g_assert_error (error, DG_SAMPLE_ERROR, DG_SAMPLE_ERROR_NO_TIME_ZONE);
      dg_test_assert_error_mentions (error, "tzdata");
      g_assert_true (dg_sample_database_is_empty (db, NULL));
      g_object_unref (db);
      dg_test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ---- determinism ------------------------------------------------------------ */

/* Columns the stores stamp themselves, from the clock or at random, which
 * the sample cannot choose: when a row was written, and tasks' UIDs. (The
 * stored PDFs are compared: they are dated by their issue date.) */
static const char * const stamped_columns[] = {
  "handbooks.saved_at",
  "handbook_versions.published_at",
  "tasks.uid",
  "tasks.created_at",
  "time_entries.created_at",
  "time_entries.pending_since",
  "audit_log.at",
  "invoices.created_at",
};

static const char * const domain_tables[] = {
  "business_profile", "assistants", "handbooks", "handbook_steps", "handbook_versions",
  "handbook_version_steps", "handbook_acknowledgements", "tasks", "task_occurrences",
  "time_entries", "audit_log", "invoice_number_series", "invoices", "invoice_lines",
  "invoice_line_entries",
};

static gboolean
is_stamped (const char *table,
            const char *column)
{
  g_autofree char *name = g_strconcat (table, ".", column, NULL);

  return g_strv_contains (stamped_columns, name);
}

/* Every row of the domain tables, in key order, as text. */
static char *
dump_database (const char *path)
{
  GString *dump = g_string_new (NULL);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint t = 0; t < G_N_ELEMENTS (domain_tables); t++)
    {
      const char *table = domain_tables[t];
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", table);
      sqlite3_stmt *stmt = NULL;
      guint n_rows = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "## %s\n", table);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *column = sqlite3_column_name (stmt, c);

              if (is_stamped (table, column))
                continue;
              if (sqlite3_column_type (stmt, c) == SQLITE_BLOB)
                {
                  /* A PDF: its digest, as the bytes hold NULs. */
                  g_autofree char *digest =
                    g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, c),
                                                 (gsize) sqlite3_column_bytes (stmt, c));

                  g_string_append_printf (dump, "%s=sha256:%s|", column, digest);
                }
              else
                {
                  const char *text = (const char *) sqlite3_column_text (stmt, c);

                  g_string_append_printf (dump, "%s=%s|", column, text != NULL ? text : "NULL");
                }
            }
          g_string_append_c (dump, '\n');
          n_rows++;
        }
      sqlite3_finalize (stmt);
      /* The sample leaves none of them empty. */
      g_assert_cmpuint (n_rows, >, 0);
    }

  sqlite3_close (handle);
  return g_string_free (dump, FALSE);
}

static char *
create_and_dump (const char *dir,
                 const char *name,
                 guint32     seed)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  DgDatabase *db = dg_test_open_database (path);

  create_sample (db, 1, seed);
  /* Closed first, so that the dump reads every committed page. */
  g_object_unref (db);
  return dump_database (path);
}

/* Whether two dumps are the same; if not, says where they first differ
 * (a whole dump is too long to read in a failure message). */
static gboolean
dumps_equal (const char *a,
             const char *b)
{
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);
  guint i;

  for (i = 0; lines_a[i] != NULL && lines_b[i] != NULL; i++)
    if (!g_str_equal (lines_a[i], lines_b[i]))
      break;
  if (lines_a[i] == NULL && lines_b[i] == NULL)
    return TRUE;
  g_test_message ("line %u differs:\n%s\n%s", i + 1,
                  lines_a[i] != NULL ? lines_a[i] : "(end)", lines_b[i] != NULL ? lines_b[i] : "(end)");
  return FALSE;
}

static void
test_deterministic (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *first = create_and_dump (dir, "first.db", 11);
  g_autofree char *second = create_and_dump (dir, "second.db", 11);
  g_autofree char *other = create_and_dump (dir, "other.db", 12);

  g_assert_cmpuint (strlen (first), >, 10000);
  g_assert_nonnull (strstr (first, "|pdf=sha256:"));
  g_assert_true (dumps_equal (first, second));
  g_assert_false (g_str_equal (first, other));

  dg_test_remove_tree (dir);
}

/* ---- larger scales ---------------------------------------------------------- */

static void
test_scale_three (DgTestFixture *fixture,
                  gconstpointer  user_data)
{
  DgDatabase *db = fixture->db;
  guint n_issued_unpaid;
  guint n_paid;

  create_sample (db, 3, 5);

  /* Three times the assistants, three in each zone, each with a name of
   * their own. */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM assistants"), ==, 9);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(DISTINCT name) FROM assistants"), ==, 9);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(DISTINCT email) FROM assistants"), ==, 9);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM assistants WHERE currency = 'PHP'"), ==, 3);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM assistants WHERE currency = 'EUR'"), ==, 3);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM assistants WHERE currency = 'USD'"), ==, 3);

  /* Hundreds of handbooks and of tasks (thousands from scale 20): fifty
   * handbooks per scale step, and a one-off every other week per assistant
   * over two years. */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM handbooks"), ==, 150);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM tasks WHERE rrule = ''"), >=, 9 * 52);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM tasks WHERE rrule = ''"), <=, 9 * 55);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM tasks WHERE rrule = '' AND status = 'done'"), >, 400);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM tasks WHERE rrule = '' AND status = 'open'"
                                          " AND due_date > '" TODAY_TEXT "'"), >, 0);

  /* Two years of weekly hours, invoiced month by month. */
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM time_entries WHERE local_date < '2024-12-15'"), >, 0);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(DISTINCT strftime('%Y-%W', local_date)) FROM time_entries"), >=, 100);
  g_assert_cmpint (dg_test_query_int (db, "SELECT min(n) FROM (SELECT count(*) AS n FROM invoices"
                                          " WHERE state <> 'draft' GROUP BY assistant_id)"), >=, 20);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(DISTINCT assistant_id) FROM invoices"), ==, 9);

  assert_one_off_hours_in_window (db);
  assert_invoices_add_up (db, &n_issued_unpaid, &n_paid);
  g_assert_cmpuint (n_issued_unpaid, >=, 1);
  g_assert_cmpuint (n_paid, >=, 9 * 20);
}

static void
test_default_options (void)
{
  DgSampleOptions options;
  g_autofree char *path = dg_sample_get_default_path ();

  memset (&options, 0xff, sizeof options);
  dg_sample_options_init (&options);
  g_assert_cmpuint (options.scale, ==, 1);
  g_assert_null (options.today);
  g_assert_null (options.language);

  g_assert_true (g_str_has_suffix (path, G_DIR_SEPARATOR_S "delegate" G_DIR_SEPARATOR_S "sample.db"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/sample/default-options", test_default_options);
  dg_test_add_with_database ("/sample/is-empty", test_is_empty);
  dg_test_add_with_database ("/sample/scale-one", test_scale_one);
  dg_test_add_with_database ("/sample/refuses-data", test_refuses_data);
  dg_test_add_with_database ("/sample/all-or-nothing", test_all_or_nothing);
  dg_test_add_with_database ("/sample/invalid-scale", test_invalid_scale);
  g_test_add_func ("/sample/no-time-zone-data", test_no_time_zone_data);
  g_test_add_func ("/sample/deterministic", test_deterministic);
  dg_test_add_with_database ("/sample/scale-three", test_scale_three);

  return g_test_run ();
}
