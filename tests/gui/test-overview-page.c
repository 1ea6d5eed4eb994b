/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-overview-page"

#include <string.h>

#include "dg-assistant-store.h"
#include "dg-business-profile.h"
#include "dg-gui-test.h"
#include "dg-hours-chart.h"
#include "dg-invoice-store.h"
#include "dg-overview-page-private.h"
#include "dg-preferences-window.h"
#include "dg-task-store.h"
#include "dg-timesheet-store.h"

#define ANA "Ana Lima"
#define BEN "Ben Cruz"
#define ANA_ZONE "Europe/Berlin"
#define BEN_ZONE "Asia/Manila"
#define OVERDUE_TITLE "Send the monthly newsletter"
#define LATER_TITLE "Renew the domain"

static char *test_dir;
static char *database_path;
static gint64 ana_id;
static gint64 ben_id;

/* The first day of the week, @weeks_back weeks ago, of the week that holds
 * today in the owner's zone (the page's "today"); weeks start on Monday. */
static GDate
monday_weeks_back (guint weeks_back)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
  g_date_subtract_days (&date, 7 * weeks_back);
  return date;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* An entry of @minutes on day @weekday_offset (0: Monday) of the week
 * @weeks_back weeks ago, at @hour in the assistant's own zone. */
static gint64
add_entry (DgTimesheetStore *store,
           gint64            assistant_id,
           const char       *zone_name,
           guint             weeks_back,
           guint             weekday_offset,
           int               hour,
           int               minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimeEntry) entry = dg_time_entry_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  GDate day = monday_weeks_back (weeks_back);
  g_autoptr(GDateTime) start = NULL;

  g_date_add_days (&day, weekday_offset);
  start = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                           hour, 0, 0);
  dg_time_entry_set_assistant_id (entry, assistant_id);
  dg_time_entry_set_time_zone (entry, zone_name);
  dg_time_entry_set_start (entry, start);
  dg_time_entry_set_minutes (entry, minutes);
  dg_time_entry_set_note (entry, "Inbox and bookkeeping");
  g_assert_true (dg_timesheet_store_add_entry (store, entry, &error));
  g_assert_no_error (error);
  return dg_time_entry_get_id (entry);
}

static gint64
add_assistant (DgAssistantStore *assistants,
               const char       *name,
               const char       *zone,
               const char       *currency,
               gint64            rate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgAssistant) assistant = dg_assistant_new ();

  g_object_set (assistant, "name", name, "time-zone", zone, "currency", currency,
                "hourly-rate", rate, NULL);
  g_assert_true (dg_assistant_store_add (assistants, assistant, &error));
  g_assert_no_error (error);
  return dg_assistant_get_id (assistant);
}

static void
add_task (DgTaskStore *tasks,
          gint64       assistant_id,
          const char  *title,
          int          days_from_today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTask) task = dg_task_new (title);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_from_today);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  g_object_set (task, "assistant-id", assistant_id, "due-date", date, "due-time", "09:00",
                "time-zone", ANA_ZONE, NULL);
  g_assert_true (dg_task_store_add (tasks, task, &error));
  g_assert_no_error (error);
}

/* The automatic approval counts from when an entry began to wait
 * (pending_since): the seeded hours are dated as if each had been entered
 * on the day it was worked, not today. */
static void
entered_as_worked (DgDatabase *db)
{
  static const char update_sql[] =
    "UPDATE time_entries SET pending_since = start_utc";
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = dg_database_prepare (db, update_sql, &error);

  g_assert_no_error (error);
  g_assert_true (dg_database_execute (db, stmt, &error));
  g_assert_no_error (error);
}

/* Two assistants with hours over several weeks:
 *   Ana (Berlin): 1 week ago 90 min pending; 3 weeks ago 120 min pending and
 *     60 min approved; 5 weeks ago 240 min approved.
 *   Ben (Manila): 2 weeks ago 300 min pending and 60 min rejected; 7 weeks
 *     ago 45 min approved.
 * An overdue task and one due later. */
static void
seed_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (database_path, &error);
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgTimesheetStore) store = NULL;
  g_autoptr(DgTaskStore) tasks = NULL;
  gint64 approved[3];
  gint64 rejected;

  g_assert_no_error (error);
  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  ana_id = add_assistant (assistants, ANA, ANA_ZONE, "EUR", 2000);
  ben_id = add_assistant (assistants, BEN, BEN_ZONE, "USD", 1500);

  store = dg_timesheet_store_new (db);
  add_entry (store, ana_id, ANA_ZONE, 1, 1, 10, 90);
  add_entry (store, ana_id, ANA_ZONE, 3, 2, 9, 120);
  approved[0] = add_entry (store, ana_id, ANA_ZONE, 3, 2, 14, 60);
  approved[1] = add_entry (store, ana_id, ANA_ZONE, 5, 0, 8, 240);
  add_entry (store, ben_id, BEN_ZONE, 2, 3, 14, 300);
  rejected = add_entry (store, ben_id, BEN_ZONE, 2, 4, 10, 60);
  approved[2] = add_entry (store, ben_id, BEN_ZONE, 7, 4, 10, 45);
  g_assert_true (dg_timesheet_store_approve_entries (store, approved, G_N_ELEMENTS (approved), &error));
  g_assert_no_error (error);
  g_assert_true (dg_timesheet_store_reject_entries (store, &rejected, 1, "Not agreed", &error));
  g_assert_no_error (error);
  entered_as_worked (db);

  tasks = dg_task_store_new (db, &error);
  g_assert_no_error (error);
  add_task (tasks, ana_id, OVERDUE_TITLE, -1);
  add_task (tasks, ana_id, LATER_TITLE, 5);
}

/* The page of the window when the window has one, else a page of our own
 * in a window beside it, on the same database. */
static DgOverviewPage *
find_page (DgApplication *app,
           GtkWindow     *window)
{
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_OVERVIEW_PAGE);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimesheetStore) timesheets = NULL;
  g_autoptr(DgTaskStore) tasks = NULL;
  GtkWidget *own_window;
  GtkWidget *overlay;

  if (page != NULL)
    return DG_OVERVIEW_PAGE (page);

  timesheets = dg_timesheet_store_new (dg_application_get_database (app));
  tasks = dg_task_store_new (dg_application_get_database (app), &error);
  g_assert_no_error (error);
  page = g_object_new (DG_TYPE_OVERVIEW_PAGE, NULL);
  dg_overview_page_set_stores (DG_OVERVIEW_PAGE (page), timesheets, tasks);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  own_window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (own_window), 700, 900);
  adw_window_set_content (ADW_WINDOW (own_window), overlay);
  gtk_window_set_application (GTK_WINDOW (own_window), GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (own_window));
  return DG_OVERVIEW_PAGE (page);
}

static void
wait_until_loaded (DgOverviewPage *page)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!dg_overview_page_get_loaded (page))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  dg_gui_test_iterate ();
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @usec, for animations to end. */
static void
wait_for (gint64 usec)
{
  gboolean done = FALSE;

  g_timeout_add (usec / 1000, on_wait_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* In the window, a chosen week opens on the Timesheets page: come back. */
static void
show_overview (DgOverviewPage *page)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child (ADW_VIEW_STACK (stack), GTK_WIDGET (page));
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
}

static GPtrArray *
list_rows (DgOverviewPage *page,
           const char     *name)
{
  GtkWidget *list = dg_gui_test_find_by_name (GTK_WIDGET (page), name);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list);
  if (!gtk_widget_get_visible (list))
    return rows;
  for (guint i = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i) != NULL; i++)
    g_ptr_array_add (rows, gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i));
  return rows;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
on_week_activated (DgOverviewPage *page,
                   gint64          assistant_id,
                   const char     *week_start,
                   GString        *activated)
{
  g_string_append_printf (activated, "%" G_GINT64_FORMAT "/%s;", assistant_id, week_start);
}

static DgTimesheetState
stored_week_state (DgDatabase *db,
                   gint64      assistant_id,
                   guint       weeks_back)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (db);
  GDate monday = monday_weeks_back (weeks_back);
  g_autoptr(DgTimesheetWeek) week = dg_timesheet_store_get_week (store, assistant_id, &monday, &error);

  g_assert_no_error (error);
  return dg_timesheet_week_get_state (week);
}

static void
drive_overview (DgApplication *app,
                GtkWindow     *window)
{
  DgOverviewPage *page = find_page (app, window);
  DgDatabase *db = dg_application_get_database (app);
  DgHoursChart *chart;
  g_autoptr(GPtrArray) awaiting = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GString) activated = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBusinessProfile) profile = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *ana_week = NULL;
  GDate this_monday = monday_weeks_back (0);
  GDate ana_monday = monday_weeks_back (3);
  AdwToast *toast;
  gulong handler;

  wait_until_loaded (page);

  /* Oldest first: Ana's week three weeks ago, Ben's two weeks ago, Ana's
   * last week. The approved-only weeks are not listed. */
  awaiting = list_rows (page, "overview_awaiting_list");
  g_assert_cmpuint (awaiting->len, ==, 3);
  g_assert_cmpstr (row_title (awaiting->pdata[0]), ==, ANA);
  g_assert_cmpstr (row_title (awaiting->pdata[1]), ==, BEN);
  g_assert_cmpstr (row_title (awaiting->pdata[2]), ==, ANA);
  g_assert_false (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_awaiting_empty")));

  handler = g_signal_connect (page, "week-activated", G_CALLBACK (on_week_activated), activated);
  g_signal_emit_by_name (awaiting->pdata[0], "activate");
  g_signal_handler_disconnect (page, handler);
  show_overview (page);
  ana_week = format_date (&ana_monday);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "/%s;", ana_id, ana_week);
  g_assert_cmpstr (activated->str, ==, expected);

  /* The task due yesterday, not the one due in five days. */
  overdue = list_rows (page, "overview_overdue_list");
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (row_title (overdue->pdata[0]), ==, OVERDUE_TITLE);

  /* The chart: eight weeks, the oldest first, the rejected hour left out. */
  chart = dg_overview_page_get_chart (page);
  g_assert_cmpuint (dg_hours_chart_get_n_weeks (chart), ==, 8);
  g_assert_cmpuint (dg_hours_chart_get_n_series (chart), ==, 2);
  g_assert_false (dg_hours_chart_is_empty (chart));
  g_assert_cmpstr (dg_hours_chart_get_series_name (chart, 0), ==, ANA);
  g_assert_cmpint (dg_hours_chart_get_series_id (chart, 0), ==, ana_id);
  g_assert_cmpstr (dg_hours_chart_get_series_name (chart, 1), ==, BEN);
  {
    static const gint64 ana_minutes[8] = { 0, 0, 240, 0, 180, 0, 90, 0 };
    static const gint64 ben_minutes[8] = { 45, 0, 0, 0, 0, 300, 0, 0 };

    for (guint week = 0; week < 8; week++)
      {
        g_assert_cmpint (dg_hours_chart_get_minutes (chart, 0, week), ==, ana_minutes[week]);
        g_assert_cmpint (dg_hours_chart_get_minutes (chart, 1, week), ==, ben_minutes[week]);
      }
  }
  /* A screen reader hears the figures. */
  g_test_message ("The chart's description: %s", dg_hours_chart_get_description (chart));
  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       dg_hours_chart_get_description (chart));
  g_assert_nonnull (strstr (dg_hours_chart_get_description (chart), ANA ": 8.5 h in total"));
  g_assert_nonnull (strstr (dg_hours_chart_get_description (chart), BEN ": 5.75 h in total"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >, 200);

  /* Off by default: nothing is approved however old. */
  now = g_date_time_new_utc (g_date_get_year (&this_monday), g_date_get_month (&this_monday),
                             g_date_get_day (&this_monday), 12, 0, 0);
  g_assert_cmpuint (dg_overview_page_run_auto_approval (page, now, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_null (dg_overview_page_get_toast (page));

  /* Three days: the weeks that ended two and three weeks ago are approved,
   * last week (ended twelve hours before "now") is not. */
  profile = dg_business_profile_load (db, &error);
  g_assert_no_error (error);
  g_object_set (profile, "auto-approve-days", 3, NULL);
  g_assert_true (dg_business_profile_save (profile, db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dg_overview_page_run_auto_approval (page, now, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (stored_week_state (db, ana_id, 3), ==, DG_TIMESHEET_STATE_APPROVED);
  g_assert_cmpint (stored_week_state (db, ben_id, 2), ==, DG_TIMESHEET_STATE_REJECTED);
  g_assert_cmpint (stored_week_state (db, ana_id, 1), ==, DG_TIMESHEET_STATE_PENDING);

  toast = dg_overview_page_get_toast (page);
  g_assert_nonnull (toast);
  /* One sentence, as translators need it. */
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "2 entries pending too long were approved automatically");
  /* libadwaita 1.2 may crash when a toast is dismissed while it appears,
   * or when a window closes while a toast animates. */
  wait_for (G_USEC_PER_SEC);
  adw_toast_dismiss (toast);
  wait_for (G_USEC_PER_SEC);
  g_assert_null (dg_overview_page_get_toast (page));

  wait_until_loaded (page);
  after = list_rows (page, "overview_awaiting_list");
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (row_title (after->pdata[0]), ==, ANA);

  /* Last week's one entry, on Friday: its own sentence. */
  g_clear_pointer (&now, g_date_time_unref);
  now = g_date_time_new_utc (g_date_get_year (&this_monday), g_date_get_month (&this_monday),
                             g_date_get_day (&this_monday), 12, 0, 0);
  now = g_date_time_add_days (g_steal_pointer (&now), 4);
  g_assert_cmpuint (dg_overview_page_run_auto_approval (page, now, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (stored_week_state (db, ana_id, 1), ==, DG_TIMESHEET_STATE_APPROVED);
  toast = dg_overview_page_get_toast (page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "1 entry pending too long was approved automatically");
  wait_for (G_USEC_PER_SEC);
  adw_toast_dismiss (toast);
  wait_for (G_USEC_PER_SEC);
  dg_gui_test_iterate ();
}

static void
test_overview (void)
{
  database_path = g_build_filename (test_dir, "delegate.db", NULL);
  seed_database ();
  dg_gui_test_run_app (database_path, drive_overview);
}

/* Empty database: each part says so. */
static void
drive_empty (DgApplication *app,
             GtkWindow     *window)
{
  DgOverviewPage *page = find_page (app, window);
  GtkWidget *hours_empty;

  wait_until_loaded (page);
  g_assert_true (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_awaiting_empty")));
  g_assert_true (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_overdue_empty")));
  g_assert_true (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_invoices_empty")));
  g_assert_true (dg_hours_chart_is_empty (dg_overview_page_get_chart (page)));
  hours_empty = dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_hours_empty");
  g_assert_true (gtk_widget_get_mapped (hours_empty));
}

static void
test_empty (void)
{
  g_autofree char *path = g_build_filename (test_dir, "empty.db", NULL);

  dg_gui_test_run_app (path, drive_empty);
}

/* Long lists are cut short: seven rows and one that says how many more. */
static void
drive_capped (DgApplication *app,
              GtkWindow     *window)
{
  DgOverviewPage *page = find_page (app, window);
  g_autoptr(GPtrArray) awaiting = NULL;
  g_autoptr(GPtrArray) overdue = NULL;

  wait_until_loaded (page);
  awaiting = list_rows (page, "overview_awaiting_list");
  g_assert_cmpuint (awaiting->len, ==, 8);
  g_assert_cmpstr (row_title (awaiting->pdata[7]), ==, "And 5 more weeks on the Timesheets page");
  overdue = list_rows (page, "overview_overdue_list");
  g_assert_cmpuint (overdue->len, ==, 8);
  g_assert_cmpstr (row_title (overdue->pdata[7]), ==, "And 5 more on the Tasks page");
  g_assert_cmpuint (dg_hours_chart_get_n_series (dg_overview_page_get_chart (page)), ==, 12);
}

static void
test_capped (void)
{
  g_autofree char *path = g_build_filename (test_dir, "capped.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (path, &error);
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgTimesheetStore) store = NULL;
  g_autoptr(DgTaskStore) tasks = NULL;

  g_assert_no_error (error);
  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  store = dg_timesheet_store_new (db);
  tasks = dg_task_store_new (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Assistant %02u", i + 1);
      g_autofree char *title = g_strdup_printf ("Task %02u", i + 1);
      gint64 id = add_assistant (assistants, name, ANA_ZONE, "EUR", 2000);

      add_entry (store, id, ANA_ZONE, 1, 2, 10, 60);
      add_task (tasks, id, title, -2);
    }
  g_clear_object (&tasks);
  g_clear_object (&store);
  g_clear_object (&assistants);
  g_clear_object (&db);

  dg_gui_test_run_app (path, drive_capped);
}

/* ---- unpaid invoices ------------------------------------------------------ */

/* The three unpaid invoices of seed_invoices(), in the order the Overview
 * lists them. */
static gint64 unpaid_ids[3];
static char *unpaid_numbers[3];

/* The owner's local date, @days_ago days back. */
static GDate
owner_date_days_ago (guint days_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_days (&date, days_ago);
  return date;
}

/* An assistant an invoice can be addressed to. */
static gint64
add_payee (DgAssistantStore *assistants,
           const char       *name,
           const char       *zone,
           const char       *country,
           const char       *currency,
           gint64            rate,
           const char       *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgAssistant) assistant = dg_assistant_new ();
  /* Agreed long before any invoice of the tests. */
  GDate agreed = owner_date_days_ago (2 * 365);
  g_autofree char *agreed_text = format_date (&agreed);

  g_object_set (assistant, "name", name, "time-zone", zone, "country", country, "currency", currency,
                "hourly-rate", rate, "address", address, "tax-status", DG_TAX_STATUS_OUTSIDE_SCOPE,
                "self-billing-date", agreed_text, NULL);
  g_assert_true (dg_assistant_store_add (assistants, assistant, &error));
  g_assert_no_error (error);
  return dg_assistant_get_id (assistant);
}

/* A draft of the approved hours of the week @weeks_back weeks ago, issued
 * @issued_days_ago days ago unless that is -1. */
static DgInvoice *
make_invoice (DgInvoiceStore *invoices,
              gint64          assistant_id,
              guint           weeks_back,
              int             issued_days_ago)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) draft = NULL;
  GDate from = monday_weeks_back (weeks_back);
  GDate to = from;
  GDate issue_date;
  DgInvoice *issued;

  g_date_add_days (&to, 6);
  draft = dg_invoice_store_create_draft (invoices, assistant_id, &from, &to,
                                         DG_INVOICE_GROUPING_BY_TASK, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  if (issued_days_ago < 0)
    return g_steal_pointer (&draft);

  issue_date = owner_date_days_ago ((guint) issued_days_ago);
  issued = dg_invoice_store_issue (invoices, dg_invoice_get_id (draft), &issue_date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (issued);
  return issued;
}

/* Ana (EUR, €20.00 an hour) and Ben (PHP, ₱500.00 an hour) with approved
 * hours in five weeks; payment terms of 14 days:
 *   Ana, 12 weeks ago, 120 min, issued 60 days ago: overdue, €40.00;
 *   Ben, 11 weeks ago, 240 min, issued 50 days ago: overdue, ₱2,000.00;
 *   Ana, 4 weeks ago, 60 min, issued today: unpaid, due in 14 days;
 *   Ben, 3 weeks ago, 90 min, issued and paid today;
 *   Ana, 2 weeks ago, 30 min, a draft. */
static void
seed_invoices (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (path, &error);
  g_autoptr(DgBusinessProfile) profile = NULL;
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgTimesheetStore) store = NULL;
  g_autoptr(DgInvoiceStore) invoices = NULL;
  g_autoptr(DgInvoice) ana_overdue = NULL;
  g_autoptr(DgInvoice) ben_overdue = NULL;
  g_autoptr(DgInvoice) ana_unpaid = NULL;
  g_autoptr(DgInvoice) paid = NULL;
  g_autoptr(DgInvoice) draft = NULL;
  GDate today = owner_date_days_ago (0);
  gint64 approved[5];

  g_assert_no_error (error);
  profile = dg_business_profile_load (db, &error);
  g_assert_no_error (error);
  g_object_set (profile, "name", "Keller Bookkeeping", "address", "Hauptstraße 1\n10115 Berlin",
                "tax-number", "12/345/67890", "payment-terms-days", 14, NULL);
  g_assert_true (dg_business_profile_save (profile, db, &error));
  g_assert_no_error (error);

  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  ana_id = add_payee (assistants, ANA, ANA_ZONE, "DE", "EUR", 2000, "Torstraße 5\n10119 Berlin");
  ben_id = add_payee (assistants, BEN, BEN_ZONE, "PH", "PHP", 50000, "12 Rizal Street\nCebu City 6000");

  store = dg_timesheet_store_new (db);
  approved[0] = add_entry (store, ana_id, ANA_ZONE, 12, 1, 10, 120);
  approved[1] = add_entry (store, ben_id, BEN_ZONE, 11, 2, 10, 240);
  approved[2] = add_entry (store, ana_id, ANA_ZONE, 4, 3, 10, 60);
  approved[3] = add_entry (store, ben_id, BEN_ZONE, 3, 1, 10, 90);
  approved[4] = add_entry (store, ana_id, ANA_ZONE, 2, 1, 10, 30);
  g_assert_true (dg_timesheet_store_approve_entries (store, approved, G_N_ELEMENTS (approved), &error));
  g_assert_no_error (error);

  /* Issued in the order of their dates, as numbers and dates go together. */
  invoices = dg_invoice_store_new (db);
  ana_overdue = make_invoice (invoices, ana_id, 12, 60);
  ben_overdue = make_invoice (invoices, ben_id, 11, 50);
  ana_unpaid = make_invoice (invoices, ana_id, 4, 0);
  paid = make_invoice (invoices, ben_id, 3, 0);
  g_assert_true (dg_invoice_store_mark_paid (invoices, dg_invoice_get_id (paid), &today,
                                             dg_invoice_get_total (paid).minor, &error));
  g_assert_no_error (error);
  draft = make_invoice (invoices, ana_id, 2, -1);

  g_assert_cmpint (dg_invoice_get_total (ana_overdue).minor, ==, 4000);
  g_assert_cmpint (dg_invoice_get_total (ben_overdue).minor, ==, 200000);
  g_assert_cmpint (dg_invoice_get_total (ana_unpaid).minor, ==, 2000);
  unpaid_ids[0] = dg_invoice_get_id (ana_overdue);
  unpaid_ids[1] = dg_invoice_get_id (ben_overdue);
  unpaid_ids[2] = dg_invoice_get_id (ana_unpaid);
  unpaid_numbers[0] = g_strdup (dg_invoice_get_number (ana_overdue));
  unpaid_numbers[1] = g_strdup (dg_invoice_get_number (ben_overdue));
  unpaid_numbers[2] = g_strdup (dg_invoice_get_number (ana_unpaid));
}

/* A GtkLabel under @widget that reads @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
format_amount (gint64      minor,
               const char *currency)
{
  DgMoney money;

  dg_money_init (&money, minor, currency);
  return dg_money_format (&money);
}

static void
on_show_invoice (GSimpleAction *action,
                 GVariant      *parameter,
                 GString       *requested)
{
  g_string_append_printf (requested, "%" G_GINT64_FORMAT ";", g_variant_get_int64 (parameter));
}

/* The page in an application window of its own with the action
 * "win.show-invoice" of the main window, which records the ids it is
 * activated with in @requested. */
static DgOverviewPage *
create_invoices_page (DgApplication  *app,
                      DgInvoiceStore *invoices,
                      GString        *requested)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimesheetStore) timesheets = dg_timesheet_store_new (dg_application_get_database (app));
  g_autoptr(DgTaskStore) tasks = dg_task_store_new (dg_application_get_database (app), &error);
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-invoice", G_VARIANT_TYPE_INT64);
  GtkWidget *page;
  GtkWidget *overlay;
  GtkWidget *own_window;

  g_assert_no_error (error);
  page = g_object_new (DG_TYPE_OVERVIEW_PAGE, "invoice-store", invoices, NULL);
  dg_overview_page_set_stores (DG_OVERVIEW_PAGE (page), timesheets, tasks);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  own_window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (own_window), 700, 1100);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (own_window), overlay);
  g_signal_connect (action, "activate", G_CALLBACK (on_show_invoice), requested);
  g_action_map_add_action (G_ACTION_MAP (own_window), G_ACTION (action));
  gtk_window_present (GTK_WINDOW (own_window));
  return DG_OVERVIEW_PAGE (page);
}

/* Overdue first, said in words and in the error style, then the rest by
 * due date; paid invoices and drafts are not listed; the summary adds up
 * the overdue amounts per currency. */
static void
drive_invoices (DgApplication *app,
                GtkWindow     *window)
{
  DgDatabase *db = dg_application_get_database (app);
  g_autoptr(DgInvoiceStore) invoices = dg_invoice_store_new (db);
  g_autoptr(DgInvoiceStore) page_store = NULL;
  g_autoptr(GString) requested = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *euros = format_amount (4000, "EUR");
  g_autofree char *pesos = format_amount (200000, "PHP");
  g_autofree char *expected = NULL;
  g_autofree char *expected_ids = NULL;
  GDate today = owner_date_days_ago (0);
  DgOverviewPage *window_page = find_page (app, window);
  g_autoptr(DgInvoiceStore) window_store = NULL;
  g_autoptr(GPtrArray) window_rows = NULL;
  DgOverviewPage *page;
  GtkWidget *summary;

  /* The window gives its Overview the invoice store, and shows the
   * invoice chosen there on its Invoices page. */
  g_object_get (window_page, "invoice-store", &window_store, NULL);
  g_assert_nonnull (window_store);
  wait_until_loaded (window_page);
  window_rows = list_rows (window_page, "overview_invoices_list");
  g_assert_cmpuint (window_rows->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (row_title (window_rows->pdata[i]), ==, unpaid_numbers[i]);
  g_signal_emit_by_name (window_rows->pdata[0], "activate");
  dg_gui_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (window_page), ADW_TYPE_VIEW_STACK))),
                   ==, "invoices");

  page = create_invoices_page (app, invoices, requested);
  g_object_get (page, "invoice-store", &page_store, NULL);
  g_assert_true (page_store == invoices);
  wait_until_loaded (page);

  rows = list_rows (page, "overview_invoices_list");
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *overdue_label = find_label (rows->pdata[i], "Overdue");

      g_assert_cmpstr (row_title (rows->pdata[i]), ==, unpaid_numbers[i]);
      if (i < 2)
        {
          g_assert_nonnull (overdue_label);
          g_assert_true (gtk_widget_has_css_class (overdue_label, "error"));
        }
      else
        g_assert_null (overdue_label);
    }
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (rows->pdata[0]), ANA " · due "));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (rows->pdata[1]), BEN " · due "));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (rows->pdata[2]), ANA " · due "));
  g_assert_nonnull (find_label (rows->pdata[0], euros));
  g_assert_nonnull (find_label (rows->pdata[1], pesos));
  g_assert_false (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_invoices_empty")));

  /* Each currency on its own: euros and pesos are never added up. */
  summary = dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_invoices_summary");
  expected = g_strdup_printf ("3 unpaid invoices · 2 overdue: %s, %s", euros, pesos);
  g_assert_true (gtk_widget_get_visible (summary));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, expected);

  /* The window is asked to show the invoice activated. */
  g_signal_emit_by_name (rows->pdata[1], "activate");
  g_signal_emit_by_name (rows->pdata[2], "activate");
  expected_ids = g_strdup_printf ("%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT ";", unpaid_ids[1], unpaid_ids[2]);
  g_assert_cmpstr (requested->str, ==, expected_ids);

  /* A payment recorded through the store: the page reads again. */
  g_assert_true (dg_invoice_store_mark_paid (invoices, unpaid_ids[1], &today, 200000, &error));
  g_assert_no_error (error);
  wait_until_loaded (page);
  after = list_rows (page, "overview_invoices_list");
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpstr (row_title (after->pdata[0]), ==, unpaid_numbers[0]);
  g_assert_cmpstr (row_title (after->pdata[1]), ==, unpaid_numbers[2]);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("2 unpaid invoices · 1 overdue: %s", euros);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, expected);
}

/* No unpaid invoice: the section says so, without a summary. */
static void
drive_no_invoices (DgApplication *app,
                   GtkWindow     *window)
{
  g_autoptr(DgInvoiceStore) invoices = dg_invoice_store_new (dg_application_get_database (app));
  g_autoptr(GString) requested = g_string_new (NULL);
  DgOverviewPage *page = create_invoices_page (app, invoices, requested);
  GtkWidget *empty;

  wait_until_loaded (page);
  empty = dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_invoices_empty");
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (empty)), ==, "No unpaid invoices");
  g_assert_false (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_invoices_list")));
  g_assert_false (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_invoices_summary")));
}

static void
test_no_invoices (void)
{
  g_autofree char *path = g_build_filename (test_dir, "no-invoices.db", NULL);

  dg_gui_test_run_app (path, drive_no_invoices);
}

/* Nine unpaid invoices, none overdue: seven rows and one that says how
 * many more. */
static void
drive_invoices_capped (DgApplication *app,
                       GtkWindow     *window)
{
  g_autoptr(DgInvoiceStore) invoices = dg_invoice_store_new (dg_application_get_database (app));
  g_autoptr(GString) requested = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  DgOverviewPage *page = create_invoices_page (app, invoices, requested);
  GtkWidget *summary;

  wait_until_loaded (page);
  rows = list_rows (page, "overview_invoices_list");
  g_assert_cmpuint (rows->len, ==, 8);
  for (guint i = 0; i < 7; i++)
    g_assert_null (find_label (rows->pdata[i], "Overdue"));
  g_assert_cmpstr (row_title (rows->pdata[7]), ==, "And 2 more on the Invoices page");
  /* Not in a window with an Invoices page: nothing to lead to. */
  g_assert_false (gtk_list_box_row_get_activatable (rows->pdata[7]));
  summary = dg_gui_test_find_by_name (GTK_WIDGET (page), "overview_invoices_summary");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, "9 unpaid invoices · none overdue");
}

static void
test_invoices_capped (void)
{
  g_autofree char *path = g_build_filename (test_dir, "invoices-capped.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (path, &error);
  g_autoptr(DgBusinessProfile) profile = NULL;
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgTimesheetStore) store = NULL;
  g_autoptr(DgInvoiceStore) invoices = NULL;
  gint64 id;

  g_assert_no_error (error);
  profile = dg_business_profile_load (db, &error);
  g_assert_no_error (error);
  g_object_set (profile, "name", "Keller Bookkeeping", "address", "Hauptstraße 1\n10115 Berlin",
                "tax-number", "12/345/67890", NULL);
  g_assert_true (dg_business_profile_save (profile, db, &error));
  g_assert_no_error (error);
  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  id = add_payee (assistants, ANA, ANA_ZONE, "DE", "EUR", 2000, "Torstraße 5\n10119 Berlin");
  store = dg_timesheet_store_new (db);
  invoices = dg_invoice_store_new (db);
  for (guint week = 1; week <= 9; week++)
    {
      gint64 entry = add_entry (store, id, ANA_ZONE, week, 1, 10, 60);
      g_autoptr(DgInvoice) invoice = NULL;

      g_assert_true (dg_timesheet_store_approve_entries (store, &entry, 1, &error));
      g_assert_no_error (error);
      invoice = make_invoice (invoices, id, week, 0);
    }
  g_clear_object (&invoices);
  g_clear_object (&store);
  g_clear_object (&assistants);
  g_clear_object (&db);

  dg_gui_test_run_app (path, drive_invoices_capped);
}

static void
test_invoices (void)
{
  g_autofree char *path = g_build_filename (test_dir, "invoices.db", NULL);

  seed_invoices (path);
  dg_gui_test_run_app (path, drive_invoices);
  for (guint i = 0; i < G_N_ELEMENTS (unpaid_numbers); i++)
    g_clear_pointer (&unpaid_numbers[i], g_free);
}

/* The Preferences save the first day of the week and the days until the
 * automatic approval to the business profile. */
static void
test_preferences (void)
{
  g_autofree char *path = g_build_filename (test_dir, "preferences.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (path, &error);
  g_autoptr(DgBusinessProfile) profile = NULL;
  g_autoptr(DgBusinessProfile) sunday = NULL;
  g_autoptr(DgBusinessProfile) saved = NULL;
  GtkWidget *window;
  AdwComboRow *week_start_row;
  GtkSpinButton *spin;

  g_assert_no_error (error);
  profile = dg_business_profile_load (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_business_profile_get_week_start (profile), ==, G_DATE_MONDAY);
  g_assert_cmpint (dg_business_profile_get_auto_approve_days (profile), ==, 0);

  window = dg_preferences_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  dg_gui_test_iterate ();
  week_start_row = ADW_COMBO_ROW (gtk_widget_get_template_child (window, DG_TYPE_PREFERENCES_WINDOW, "week_start_row"));
  spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (window, DG_TYPE_PREFERENCES_WINDOW, "auto_approve_spin"));
  g_assert_nonnull (week_start_row);
  g_assert_nonnull (spin);
  g_assert_cmpuint (adw_combo_row_get_selected (week_start_row), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);

  adw_combo_row_set_selected (week_start_row, 6);
  gtk_spin_button_set_value (spin, 14);
  dg_gui_test_iterate ();
  sunday = dg_business_profile_load (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_business_profile_get_week_start (sunday), ==, G_DATE_SUNDAY);
  g_assert_cmpint (dg_business_profile_get_auto_approve_days (sunday), ==, 14);
  gtk_window_destroy (GTK_WINDOW (window));
  dg_gui_test_iterate ();

  /* Shown as stored when opened again; back to Monday and off. */
  window = dg_preferences_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  dg_gui_test_iterate ();
  week_start_row = ADW_COMBO_ROW (gtk_widget_get_template_child (window, DG_TYPE_PREFERENCES_WINDOW, "week_start_row"));
  spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (window, DG_TYPE_PREFERENCES_WINDOW, "auto_approve_spin"));
  g_assert_cmpuint (adw_combo_row_get_selected (week_start_row), ==, 6);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 14);
  adw_combo_row_set_selected (week_start_row, 0);
  gtk_spin_button_set_value (spin, 0);
  gtk_window_close (GTK_WINDOW (window));
  dg_gui_test_iterate ();
  saved = dg_business_profile_load (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_business_profile_get_week_start (saved), ==, G_DATE_MONDAY);
  g_assert_cmpint (dg_business_profile_get_auto_approve_days (saved), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend keeps accessible properties for the checks, and
   * needs no accessibility bus either. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  test_dir = g_dir_make_tmp ("delegate-test-XXXXXX", NULL);

  g_test_add_func ("/overview/page", test_overview);
  g_test_add_func ("/overview/empty", test_empty);
  g_test_add_func ("/overview/capped", test_capped);
  g_test_add_func ("/overview/invoices", test_invoices);
  g_test_add_func ("/overview/no-invoices", test_no_invoices);
  g_test_add_func ("/overview/invoices-capped", test_invoices_capped);
  g_test_add_func ("/overview/preferences", test_preferences);
  return g_test_run ();
}
