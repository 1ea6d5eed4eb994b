/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-invoices-page"

#include <stdio.h>
#include <string.h>

#include "dg-assistant-store.h"
#include "dg-business-profile.h"
#include "dg-gui-test.h"
#include "dg-invoice-document.h"
#include "dg-invoice-line-dialog.h"
#include "dg-invoice-line-item.h"
#include "dg-invoice-printing-private.h"
#include "dg-invoice-store.h"
#include "dg-invoices-page-private.h"
#include "dg-new-invoice-dialog.h"
#include "dg-payment-dialog.h"
#include "dg-reason-dialog.h"
#include "dg-task-store.h"
#include "dg-timesheet-store.h"
#include "dg-timesheets-page-private.h"

#define ZONE "Europe/Berlin"
#define N_ENTRIES 4
#define CANCEL_REASON "Billed the wrong week"
/* Four entries of 1:30 at €15.00 an hour, two of them for a task: two
 * lines of €45.00, net €90.00, 19 % VAT €17.10. */
#define WEEK_NET 9000
#define WEEK_TOTAL 10710

static char *test_dir;
static char *database_path;
static gint64 assistant_id;
static gint64 entry_ids[N_ENTRIES];
static gint64 seeded_draft_id;

static DgDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  DgDatabase *db = dg_database_open (database_path, &error);

  g_assert_no_error (error);
  return db;
}

/* The business; Maria in Berlin, VAT-registered at 19 %, without a postal
 * address unless @with_address; her approved week of Monday 2 November
 * 2026: four entries of 1:30, two of them for a task. */
static void
seed_database (gboolean with_address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = open_database ();
  g_autoptr(DgBusinessProfile) profile = dg_business_profile_new ();
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgTaskStore) tasks = NULL;
  g_autoptr(DgTimesheetStore) timesheets = NULL;
  g_autoptr(DgAssistant) maria = dg_assistant_new ();
  g_autoptr(DgTask) task = dg_task_new ("Inbox triage");
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  GDate week;

  g_object_set (profile, "name", "Example Trading GmbH", "address", "Hauptstraße 1\n10115 Berlin",
                "tax-number", "27/123/45678", "currency", "EUR", "payment-terms-days", 14, NULL);
  g_assert_true (dg_business_profile_save (profile, db, &error));
  g_assert_no_error (error);

  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  g_object_set (maria, "name", "Maria Santos", "time-zone", ZONE, "country", "DE", "currency", "EUR",
                "hourly-rate", (gint64) 1500, "tax-status", DG_TAX_STATUS_VAT, "vat-rate", 1900,
                "tax-number", "21/815/08150", "self-billing-date", "2026-01-15",
                "iban", "DE89370400440532013000", "invoice-language", "en",
                "address", with_address ? "Maria Santos\nGartenweg 5\n80331 München" : "", NULL);
  g_assert_true (dg_assistant_store_add (assistants, maria, &error));
  g_assert_no_error (error);
  assistant_id = dg_assistant_get_id (maria);

  tasks = dg_task_store_new (db, &error);
  g_assert_no_error (error);
  g_object_set (task, "assistant-id", assistant_id, "due-date", "2026-11-06", "due-time", "17:00", NULL);
  g_assert_true (dg_task_store_add (tasks, task, &error));
  g_assert_no_error (error);

  timesheets = dg_timesheet_store_new (db);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(DgTimeEntry) entry = dg_time_entry_new ();
      g_autoptr(GDateTime) start = g_date_time_new (zone, 2026, 11, 2 + (int) i, 9, 0, 0);

      dg_time_entry_set_assistant_id (entry, assistant_id);
      if (i < 2)
        dg_time_entry_set_task_id (entry, dg_task_get_id (task));
      dg_time_entry_set_start (entry, start);
      dg_time_entry_set_time_zone (entry, ZONE);
      dg_time_entry_set_minutes (entry, 90);
      dg_time_entry_set_note (entry, "Mailbox");
      dg_time_entry_set_source (entry, DG_TIME_ENTRY_SOURCE_MANUAL, "");
      g_assert_true (dg_timesheet_store_add_entry (timesheets, entry, &error));
      g_assert_no_error (error);
      entry_ids[i] = dg_time_entry_get_id (entry);
    }
  g_date_clear (&week, 1);
  g_date_set_dmy (&week, 2, G_DATE_NOVEMBER, 2026);
  g_assert_true (dg_timesheet_store_approve_week (timesheets, assistant_id, &week, &error));
  g_assert_no_error (error);
}

static void
set_address (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = open_database ();
  g_autoptr(DgAssistantStore) assistants = dg_assistant_store_new (db, &error);
  g_autoptr(DgAssistant) changes = NULL;

  g_assert_no_error (error);
  changes = dg_assistant_copy (dg_assistant_store_find (assistants, assistant_id));
  g_object_set (changes, "address", "Maria Santos\nGartenweg 5\n80331 München", NULL);
  g_assert_true (dg_assistant_store_update (assistants, changes, &error));
  g_assert_no_error (error);
}

/* What another reader of the database sees. */
static DgInvoiceStore *
open_invoice_store (void)
{
  g_autoptr(DgDatabase) db = open_database ();

  return dg_invoice_store_new (db);
}

static DgTimeEntryState
stored_entry_state (gint64 entry_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = open_database ();
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (db);
  g_autoptr(DgTimeEntry) entry = dg_timesheet_store_get_entry (store, entry_id, &error);

  g_assert_no_error (error);
  return dg_time_entry_get_state (entry);
}

static GtkWidget *
find (GtkWidget  *root,
      const char *name)
{
  GtkWidget *widget = dg_gui_test_find_by_name (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (find (root, name)));
}

/* How many labels under @root read exactly @text: cells of a column view
 * are labels. */
static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  guint count = GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0 ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    count += count_labels (child, text);
  return count;
}

/* A day as the list writes it, "3 Dec 2026". */
static char *
list_date (const char *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  g_assert_cmpint (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day), ==, 3);
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  return g_date_time_format (date, "%-d %b %Y");
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  /* "activate" would click only after a pause, as a key press does. */
  g_signal_emit_by_name (button, "clicked");
  dg_gui_test_iterate ();
}

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (root, name)), text);
  dg_gui_test_iterate ();
}

static void
save_png (GtkWindow  *window,
          const char *name)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  /* Past the stack's crossfade from the empty page. */
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_autofree char *png = g_build_filename (g_getenv ("DG_TEST_OUTPUT_DIR") ? g_getenv ("DG_TEST_OUTPUT_DIR") : ".",
                                           name, NULL);

  g_assert_cmpint (dg_gui_test_render_png (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), png),
                   >, 300);
}

static DgInvoicesPage *
find_page (GtkWindow *window)
{
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_INVOICES_PAGE);

  g_assert_nonnull (page);
  return DG_INVOICES_PAGE (page);
}

static DgInvoicesPage *
open_page (GtkWindow *window)
{
  DgInvoicesPage *page = find_page (window);

  /* Nothing is read before the page is shown: the window opens on the
   * Overview, and its start-up is measured. */
  g_assert_false (dg_invoices_page_get_loaded (page));
  dg_gui_test_show_page (window, "invoices");
  g_assert_true (dg_invoices_page_get_loaded (page));
  return page;
}

/* The one message dialog open, answered with @response and closed. */
static void
answer_question (const char *response,
                 const char *body_part)
{
  GtkWindow *dialog = dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  if (body_part != NULL)
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), body_part));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* The new-invoice dialog for @from … @to; returns it still open when the
 * store refused, else NULL once it closed. */
static GtkWindow *
create_draft (DgInvoicesPage *page,
              const char     *from,
              const char     *to)
{
  GtkWindow *dialog;

  click (find (GTK_WIDGET (page), "new_invoice_button"));
  dialog = dg_gui_test_find_toplevel (DG_TYPE_NEW_INVOICE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), "new_invoice_assistant_row"))), ==, 0);
  type_into (GTK_WIDGET (dialog), "new_invoice_from_row", from);
  type_into (GTK_WIDGET (dialog), "new_invoice_to_row", to);
  click (find (GTK_WIDGET (dialog), "new_invoice_create_button"));
  return dg_gui_test_find_toplevel (DG_TYPE_NEW_INVOICE_DIALOG);
}

static gint64
sum_of_lines (DgInvoicesPage *page)
{
  GListModel *lines = dg_invoices_page_get_lines (page);
  gint64 sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(DgInvoiceLineItem) item = g_list_model_get_item (lines, i);

      sum += dg_invoice_line_item_get_line (item)->amount;
    }
  return sum;
}

static char *
money_text (gint64 minor)
{
  DgMoney money;

  dg_money_init (&money, minor, "EUR");
  return dg_money_format (&money);
}

/* The draft of the approved week, shown with its two lines and totals. */
static void
check_week_draft (DgInvoicesPage *page)
{
  DgInvoice *draft = dg_invoices_page_get_shown (page);
  g_autofree char *total = money_text (WEEK_TOTAL);

  g_assert_nonnull (draft);
  g_assert_cmpint (dg_invoice_get_state (draft), ==, DG_INVOICE_STATE_DRAFT);
  g_assert_cmpint (dg_invoice_get_assistant_id (draft), ==, assistant_id);
  g_assert_cmpstr (label_text (GTK_WIDGET (page), "invoice_title"), ==, "Draft Invoice");
  g_assert_cmpuint (g_list_model_get_n_items (dg_invoices_page_get_lines (page)), ==, 2);
  g_assert_cmpint (sum_of_lines (page), ==, WEEK_NET);
  g_assert_cmpint (dg_invoice_get_total (draft).minor, ==, WEEK_TOTAL);
  g_assert_cmpstr (label_text (GTK_WIDGET (page), "invoice_total"), ==, total);
  g_assert_true (gtk_widget_get_mapped (find (GTK_WIDGET (page), "invoice_lines")));
  /* Each line bills two entries of 1:30, written as the printed invoice
   * writes them, not as decimal hours. */
  g_assert_cmpuint (count_labels (find (GTK_WIDGET (page), "invoice_lines"), "3:00 h"), ==, 2);
}

/* At the window's default size the list gets about half the height, not
 * a strip of four rows above the detail. */
static void
check_list_share (GtkWindow *window)
{
  GtkWidget *paned = find (GTK_WIDGET (window), "invoices_paned");
  GtkWidget *list = find (GTK_WIDGET (window), "invoices_list_stack");
  int window_height = gtk_widget_get_height (GTK_WIDGET (window));

  g_test_message ("window %d px high: paned %d, list %d", window_height, gtk_widget_get_height (paned),
                  gtk_widget_get_height (list));
  g_assert_cmpint (window_height, <=, 640);
  g_assert_cmpint (gtk_widget_get_height (list) * 100, >=, gtk_widget_get_height (paned) * 40);
  g_assert_cmpint (gtk_widget_get_height (list) * 100, <=, gtk_widget_get_height (paned) * 60);
}

/* The page fits the narrowest window (360 pixels) with a draft shown,
 * whose action bar is the widest. */
static void
check_fits_narrow_window (DgInvoicesPage *page)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("minimum width with a draft: %d", minimum);
  g_assert_cmpint (minimum, <=, 360);
}

/* The state of the only week the Timesheets page lists with "All Weeks":
 * what that page shows after the invoice store changed, without being
 * told by anything but the window. */
static DgTimesheetState
listed_week_state (GtkWindow *window)
{
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_TIMESHEETS_PAGE);
  GListModel *weeks = dg_timesheets_page_get_weeks (DG_TIMESHEETS_PAGE (page));
  g_autoptr(DgTimesheetWeek) week = NULL;
  DgTimesheetState state;

  dg_gui_test_show_page (window, "timesheets");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (page, "timesheets_show_filter")), 1);
  dg_gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, 1);
  week = g_list_model_get_item (weeks, 0);
  state = dg_timesheet_week_get_state (week);
  dg_gui_test_show_page (window, "invoices");
  return state;
}

static void
issue_shown (DgInvoicesPage *page)
{
  click (find (GTK_WIDGET (page), "invoice_issue_button"));
  answer_question ("issue", "can never be changed or deleted");
}

/* From the approved week to an issued invoice through the page, then
 * export, print, payment and cancellation. */
static void
drive_flow (DgApplication *app,
            GtkWindow     *window)
{
  DgInvoicesPage *page = open_page (window);
  GtkWidget *root = GTK_WIDGET (page);
  g_autoptr(DgInvoiceStore) store = open_invoice_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *export_path = g_build_filename (test_dir, "exported.pdf", NULL);
  g_autofree char *print_path = g_build_filename (test_dir, "printed.pdf", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autofree char *exported = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *pdfinfo = NULL;
  g_autofree char *pages_line = NULL;
  g_autoptr(DgInvoiceDocument) document = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GtkWindow *dialog;
  DgInvoice *invoice;
  gsize exported_length = 0;
  gint64 invoice_id;
  gint64 cancellation_id = 0;
  const char *cancellation_due = NULL;
  char *number;
  int status = 0;

  /* No invoice yet: the page invites the first. */
  g_assert_true (gtk_widget_get_mapped (find (root, "invoices_empty")));
  g_assert_cmpint (listed_week_state (window), ==, DG_TIMESHEET_STATE_APPROVED);

  /* October has nothing approved: the dialog says so and stays. */
  dialog = create_draft (page, "2026-10-01", "2026-10-31");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (find (GTK_WIDGET (dialog), "new_invoice_error")));
  g_assert_cmpstr (label_text (GTK_WIDGET (dialog), "new_invoice_error"), !=, "");
  gtk_window_destroy (dialog);
  dg_gui_test_iterate ();

  /* November: the draft is made and shown, with its lines and totals. */
  g_assert_null (create_draft (page, "2026-11-01", "2026-11-30"));
  check_week_draft (page);
  invoice_id = dg_invoice_get_id (dg_invoices_page_get_shown (page));
  g_assert_cmpuint (g_list_model_get_n_items (dg_invoices_page_get_invoices (page)), ==, 1);

  /* Maria has no postal address: the page says so and Issue waits. */
  g_assert_true (gtk_widget_get_visible (find (root, "invoice_problem")));
  g_assert_nonnull (strstr (label_text (root, "invoice_problem"), "postal address"));
  g_assert_true (gtk_widget_get_visible (find (root, "invoice_issue_button")));
  g_assert_false (gtk_widget_is_sensitive (find (root, "invoice_issue_button")));
  save_png (window, "test-invoices-page-draft.png");
  check_list_share (window);
  check_fits_narrow_window (page);
  set_address ();
  dg_invoices_page_reload (page);
  dg_gui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (find (root, "invoice_problem")));
  g_assert_true (gtk_widget_is_sensitive (find (root, "invoice_issue_button")));

  /* An expense: a price that cannot be read keeps the dialog open. */
  click (find (root, "invoice_add_line_button"));
  dialog = dg_gui_test_find_toplevel (DG_TYPE_INVOICE_LINE_DIALOG);
  g_assert_nonnull (dialog);
  type_into (GTK_WIDGET (dialog), "line_description_row", "Train ticket");
  type_into (GTK_WIDGET (dialog), "line_quantity_row", "2");
  type_into (GTK_WIDGET (dialog), "line_price_row", "twelve");
  click (find (GTK_WIDGET (dialog), "line_add_button"));
  g_assert_true (gtk_widget_has_css_class (find (GTK_WIDGET (dialog), "line_price_row"), "error"));
  g_assert_nonnull (dg_gui_test_find_toplevel (DG_TYPE_INVOICE_LINE_DIALOG));
  type_into (GTK_WIDGET (dialog), "line_price_row", "12,50");
  click (find (GTK_WIDGET (dialog), "line_add_button"));
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_INVOICE_LINE_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (dg_invoices_page_get_lines (page)), ==, 3);
  g_assert_cmpint (sum_of_lines (page), ==, WEEK_NET + 2500);
  /* (90.00 + 25.00) × 1.19 */
  g_assert_cmpint (dg_invoice_get_total (dg_invoices_page_get_shown (page)).minor, ==, 13685);

  /* … and removed again. */
  g_assert_false (gtk_widget_is_sensitive (find (root, "invoice_remove_line_button")));
  dg_invoices_page_select_line (page, 2);
  dg_gui_test_iterate ();
  click (find (root, "invoice_remove_line_button"));
  check_week_draft (page);

  /* Issued after the question: the number, the entries invoiced, the PDF
   * stored. */
  issue_shown (page);
  invoice = dg_invoices_page_get_shown (page);
  g_assert_cmpint (dg_invoice_get_id (invoice), ==, invoice_id);
  g_assert_cmpint (dg_invoice_get_state (invoice), ==, DG_INVOICE_STATE_ISSUED);
  number = g_strdup (dg_invoice_get_number (invoice));
  g_assert_cmpstr (number, !=, "");
  g_assert_nonnull (strstr (label_text (root, "invoice_title"), number));
  g_assert_false (gtk_widget_get_visible (find (root, "invoice_issue_button")));
  g_assert_false (gtk_widget_get_visible (find (root, "invoice_add_line_button")));
  g_assert_true (gtk_widget_get_visible (find (root, "invoice_due")));
  for (guint i = 0; i < N_ENTRIES; i++)
    g_assert_cmpint (stored_entry_state (entry_ids[i]), ==, DG_TIME_ENTRY_STATE_INVOICED);
  /* The window told the timesheet views. */
  g_assert_cmpint (listed_week_state (window), ==, DG_TIMESHEET_STATE_INVOICED);
  pdf = dg_invoice_store_get_pdf (store, invoice_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  {
    g_autoptr(DgInvoice) listed = g_list_model_get_item (dg_invoices_page_get_invoices (page), 0);

    g_assert_cmpstr (dg_invoice_get_number (listed), ==, number);
  }
  save_png (window, "test-invoices-page.png");

  /* Export writes the stored PDF, byte for byte. */
  g_assert_true (dg_invoices_page_export_to (page, export_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (export_path, &exported, &exported_length, &error));
  g_assert_cmpmem (exported, exported_length, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));

  /* Printing draws every page of the document through the print
   * operation's own callbacks, here into a PDF instead of a printer. */
  g_assert_cmpint (dg_invoice_print_run (window, invoice, GTK_PRINT_OPERATION_ACTION_EXPORT, print_path, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  document = dg_invoice_document_new (invoice);
  {
    const char *pdfinfo_argv[] = { "pdfinfo", print_path, NULL };
    const char *pdftotext_argv[] = { "pdftotext", "-layout", print_path, "-", NULL };
    g_autofree char *expected_pages = g_strdup_printf ("%u", dg_invoice_document_get_n_pages (document));

    g_assert_true (g_spawn_sync (NULL, (char **) pdfinfo_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pdfinfo, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    pages_line = g_strdup (strstr (pdfinfo, "Pages:"));
    g_assert_nonnull (pages_line);
    *strchr (pages_line, '\n') = '\0';
    g_assert_cmpstr (g_strstrip (pages_line + strlen ("Pages:")), ==, expected_pages);
    g_assert_true (g_spawn_sync (NULL, (char **) pdftotext_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &printed_text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (printed_text, number));
    g_assert_nonnull (strstr (printed_text, "Maria Santos"));
    g_assert_nonnull (strstr (printed_text, "Inbox triage"));
  }

  /* Paid, today, the total. */
  click (find (root, "invoice_mark_paid_button"));
  dialog = dg_gui_test_find_toplevel (DG_TYPE_PAYMENT_DIALOG);
  g_assert_nonnull (dialog);
  {
    DgMoney total = dg_invoice_get_total (invoice);
    g_autofree char *amount = dg_money_format (&total);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    /* The store records only the whole total: the amount is shown, and
     * cannot be typed into one it refuses. */
    g_assert_false (GTK_IS_EDITABLE (find (GTK_WIDGET (dialog), "payment_amount_row")));
    g_assert_cmpstr (label_text (GTK_WIDGET (dialog), "payment_amount"), ==, amount);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), "payment_date_row"))), ==, today);
  }
  click (find (GTK_WIDGET (dialog), "payment_record_button"));
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_PAYMENT_DIALOG));
  invoice = dg_invoices_page_get_shown (page);
  g_assert_cmpint (dg_invoice_get_state (invoice), ==, DG_INVOICE_STATE_PAID);
  g_assert_cmpint (dg_invoice_get_paid_amount (invoice), ==, WEEK_TOTAL);
  g_assert_true (gtk_widget_get_visible (find (root, "invoice_paid")));
  g_assert_false (gtk_widget_get_visible (find (root, "invoice_mark_paid_button")));

  /* Cancelled with a reason: the cancellation is listed, the entries are
   * invoiceable again. */
  click (find (root, "invoice_cancel_button"));
  dialog = dg_gui_test_find_toplevel (DG_TYPE_REASON_DIALOG);
  g_assert_nonnull (dialog);
  type_into (GTK_WIDGET (dialog), "reason_entry", CANCEL_REASON);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), DG_REASON_DIALOG_RESPONSE);
  gtk_window_destroy (dialog);
  dg_gui_test_iterate ();
  invoice = dg_invoices_page_get_shown (page);
  g_assert_cmpint (dg_invoice_get_state (invoice), ==, DG_INVOICE_STATE_CANCELLED);
  g_assert_cmpstr (dg_invoice_get_cancel_reason (invoice), ==, CANCEL_REASON);
  g_assert_true (gtk_widget_get_visible (find (root, "invoice_reference")));
  g_assert_nonnull (strstr (label_text (root, "invoice_reference"), dg_invoice_get_cancelled_by_number (invoice)));
  g_assert_false (gtk_widget_get_visible (find (root, "invoice_cancel_button")));
  g_assert_cmpuint (g_list_model_get_n_items (dg_invoices_page_get_invoices (page)), ==, 2);
  all = dg_invoice_store_list (store, DG_INVOICE_FILTER_ALL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    {
      DgInvoice *listed = g_ptr_array_index (all, i);

      if (dg_invoice_get_id (listed) == invoice_id)
        continue;
      g_assert_cmpint (dg_invoice_get_kind (listed), ==, DG_INVOICE_KIND_CANCELLATION);
      g_assert_cmpint (dg_invoice_get_cancels_id (listed), ==, invoice_id);
      g_assert_cmpint (dg_invoice_get_total (listed).minor, ==, -WEEK_TOTAL);
      cancellation_id = dg_invoice_get_id (listed);
      cancellation_due = dg_invoice_get_due_date (listed);
    }
  /* A cancellation is never paid, so it has no due date; only the
   * original shows its own in the list. */
  g_assert_cmpstr (cancellation_due, ==, "");
  {
    g_autofree char *due = list_date (dg_invoice_get_due_date (invoice));

    g_assert_cmpuint (count_labels (find (root, "invoices_list"), due), ==, 1);
  }
  dg_invoices_page_show_invoice (page, cancellation_id);
  g_assert_cmpint (dg_invoice_get_kind (dg_invoices_page_get_shown (page)), ==, DG_INVOICE_KIND_CANCELLATION);
  g_assert_false (gtk_widget_get_visible (find (root, "invoice_due")));
  dg_invoices_page_show_invoice (page, invoice_id);
  for (guint i = 0; i < N_ENTRIES; i++)
    g_assert_cmpint (stored_entry_state (entry_ids[i]), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (listed_week_state (window), ==, DG_TIMESHEET_STATE_APPROVED);

  /* The week is invoiced again, under the next number. */
  g_assert_null (create_draft (page, "2026-11-01", "2026-11-30"));
  check_week_draft (page);
  issue_shown (page);
  g_assert_cmpint (dg_invoice_get_state (dg_invoices_page_get_shown (page)), ==, DG_INVOICE_STATE_ISSUED);
  g_assert_cmpstr (dg_invoice_get_number (dg_invoices_page_get_shown (page)), !=, number);
  g_assert_cmpuint (g_list_model_get_n_items (dg_invoices_page_get_invoices (page)), ==, 3);
  for (guint i = 0; i < N_ENTRIES; i++)
    g_assert_cmpint (stored_entry_state (entry_ids[i]), ==, DG_TIME_ENTRY_STATE_INVOICED);
  save_png (window, "test-invoices-page-reissued.png");

  /* The Overview lists it as unpaid; choosing it there shows it here. */
  {
    gint64 reissued_id = dg_invoice_get_id (dg_invoices_page_get_shown (page));
    GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
    GtkWidget *list;
    GtkListBoxRow *row;

    dg_invoices_page_show_invoice (page, invoice_id);
    g_assert_cmpint (dg_invoice_get_id (dg_invoices_page_get_shown (page)), ==, invoice_id);
    dg_gui_test_show_page (window, "overview");
    dg_gui_test_iterate ();
    list = find (GTK_WIDGET (window), "overview_invoices_list");
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    g_assert_nonnull (row);
    g_signal_emit_by_name (list, "row-activated", row);
    dg_gui_test_iterate ();
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "invoices");
    g_assert_cmpint (dg_invoice_get_id (dg_invoices_page_get_shown (page)), ==, reissued_id);
  }
  g_free (number);
}

/* A draft opened from elsewhere (win.show-invoice), then deleted after a
 * question; the filter. */
static void
drive_show_and_delete (DgApplication *app,
                       GtkWindow     *window)
{
  DgInvoicesPage *page = find_page (window);
  GtkWidget *root = GTK_WIDGET (page);
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  g_autoptr(DgInvoiceStore) store = open_invoice_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) gone = NULL;
  GtkDropDown *filter = GTK_DROP_DOWN (find (root, "invoices_filter"));

  g_assert_false (dg_invoices_page_get_loaded (page));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-invoice", g_variant_new_int64 (seeded_draft_id));
  dg_gui_test_show_page (window, "invoices");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "invoices");
  g_assert_true (dg_invoices_page_get_loaded (page));
  g_assert_nonnull (dg_invoices_page_get_shown (page));
  g_assert_cmpint (dg_invoice_get_id (dg_invoices_page_get_shown (page)), ==, seeded_draft_id);
  check_week_draft (page);
  /* With an address, nothing is missing. */
  g_assert_false (gtk_widget_get_visible (find (root, "invoice_problem")));

  /* A draft is not unpaid; it is a draft. */
  gtk_drop_down_set_selected (filter, DG_INVOICE_FILTER_UNPAID);
  dg_gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (dg_invoices_page_get_invoices (page)), ==, 0);
  g_assert_true (gtk_widget_get_mapped (find (root, "invoices_list_empty")));
  gtk_drop_down_set_selected (filter, DG_INVOICE_FILTER_DRAFTS);
  dg_gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (dg_invoices_page_get_invoices (page)), ==, 1);

  /* A work line removed comes back when the draft is refreshed. */
  dg_invoices_page_select_line (page, 0);
  dg_gui_test_iterate ();
  click (find (root, "invoice_remove_line_button"));
  g_assert_cmpuint (g_list_model_get_n_items (dg_invoices_page_get_lines (page)), ==, 1);
  click (find (root, "invoice_refresh_button"));
  check_week_draft (page);

  /* Kept when the question is declined, deleted when it is answered. */
  click (find (root, "invoice_delete_button"));
  answer_question ("cancel", NULL);
  g_assert_nonnull (dg_invoices_page_get_shown (page));
  click (find (root, "invoice_delete_button"));
  answer_question ("delete", "can be invoiced again");
  g_assert_null (dg_invoices_page_get_shown (page));
  gone = dg_invoice_store_get (store, seeded_draft_id, &error);
  g_assert_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  gtk_drop_down_set_selected (filter, DG_INVOICE_FILTER_ALL);
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (find (root, "invoices_empty")));
}

/* An invoice that cannot be read is said so where it would be shown, in
 * the store's words, rather than left out in silence. */
static void
drive_unreadable (DgApplication *app,
                  GtkWindow     *window)
{
  DgInvoicesPage *page = find_page (window);
  GtkWidget *root = GTK_WIDGET (page);
  GtkWidget *status;

  /* The list without drafts still reads; the broken draft is asked for. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (root, "invoices_filter")), DG_INVOICE_FILTER_UNPAID);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-invoice", g_variant_new_int64 (seeded_draft_id));
  dg_gui_test_show_page (window, "invoices");
  g_assert_true (dg_invoices_page_get_loaded (page));
  g_assert_null (dg_invoices_page_get_shown (page));
  status = find (root, "invoice_read_error");
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), !=, "");
}

static void
test_flow (void)
{
  g_free (database_path);
  database_path = g_build_filename (test_dir, "flow.db", NULL);
  seed_database (FALSE);
  dg_gui_test_run_app (database_path, drive_flow);
}

/* A new database @name in the test's folder, seeded, with a by-task draft
 * for November (seeded_draft_id). */
static void
seed_november_draft (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(DgInvoice) draft = NULL;
  GDate from, to;

  g_free (database_path);
  database_path = g_build_filename (test_dir, name, NULL);
  seed_database (TRUE);
  store = open_invoice_store ();
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_NOVEMBER, 2026);
  g_date_clear (&to, 1);
  g_date_set_dmy (&to, 30, G_DATE_NOVEMBER, 2026);
  draft = dg_invoice_store_create_draft (store, assistant_id, &from, &to, DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_no_error (error);
  seeded_draft_id = dg_invoice_get_id (draft);
}

static void
test_show_and_delete (void)
{
  seed_november_draft ("delete.db");
  dg_gui_test_run_app (database_path, drive_show_and_delete);
}

static void
test_unreadable (void)
{
  static const char *break_parties_sql = "UPDATE invoices SET parties = 'not parties' WHERE id = ?";
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  sqlite3_stmt *stmt;

  seed_november_draft ("unreadable.db");

  /* A draft's parties are read from the assistant until they are frozen;
   * text that is not a frozen copy cannot be read back. */
  db = open_database ();
  stmt = dg_database_prepare (db, break_parties_sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, seeded_draft_id);
  g_assert_true (dg_database_execute (db, stmt, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  dg_gui_test_run_app (database_path, drive_unreadable);
}

/* The period the dialog proposes: the last full month. */
static void
test_default_period (void)
{
  GDate today, from, to;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2028);
  dg_new_invoice_dialog_default_period (&today, &from, &to);
  g_assert_cmpint (g_date_get_day (&from), ==, 1);
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (&to), ==, 29);
  g_assert_cmpint (g_date_get_month (&to), ==, G_DATE_FEBRUARY);
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2027);
  dg_new_invoice_dialog_default_period (&today, &from, &to);
  g_assert_cmpint (g_date_get_year (&from), ==, 2026);
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_DECEMBER);
  g_assert_cmpint (g_date_get_day (&to), ==, 31);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  test_dir = g_dir_make_tmp ("delegate-test-XXXXXX", NULL);

  g_test_add_func ("/invoices-page/default-period", test_default_period);
  g_test_add_func ("/invoices-page/flow", test_flow);
  g_test_add_func ("/invoices-page/show-and-delete", test_show_and_delete);
  g_test_add_func ("/invoices-page/unreadable", test_unreadable);
  return g_test_run ();
}
