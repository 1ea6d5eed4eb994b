/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timesheets-page"

#include <string.h>

#include "dg-approve-until-dialog.h"
#include "dg-assistant-store.h"
#include "dg-business-profile.h"
#include "dg-form-row.h"
#include "dg-gui-test.h"
#include "dg-reason-dialog.h"
#include "dg-time-entry-dialog.h"
#include "dg-task-store.h"
#include "dg-timesheet-store.h"
#include "dg-timesheets-page-private.h"

#define ZONE "Asia/Manila"
#define TASK_TITLE "Inbox triage"
#define N_ENTRIES 4
#define REJECT_REASON "Tuesday was a holiday"
#define REOPEN_REASON "The client asked to recount Wednesday"

static char *test_dir;
static char *database_path;
/* The entries' ids, by start: Monday to Thursday of the week. */
static gint64 entry_ids[N_ENTRIES];
/* approve-until's second assistant, in Berlin: Wednesday 4 and Tuesday
 * 10 November. */
static gint64 second_ids[2];

static void
week_start (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 2, G_DATE_NOVEMBER, 2026);
}

/* An assistant in Manila and, with @with_entries, four pending entries of
 * 1:30 in the week of Monday 2 November 2026, two of them for a task. */
static void
seed_database (gboolean with_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (database_path, &error);
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgTaskStore) tasks = NULL;
  g_autoptr(DgTimesheetStore) timesheets = NULL;
  g_autoptr(DgAssistant) maria = dg_assistant_new ();
  g_autoptr(DgTask) task = dg_task_new (TASK_TITLE);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);

  g_assert_no_error (error);
  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  g_object_set (maria, "name", "Maria Santos", "time-zone", ZONE, "currency", "EUR",
                "hourly-rate", (gint64) 1500, NULL);
  g_assert_true (dg_assistant_store_add (assistants, maria, &error));
  if (!with_entries)
    return;

  tasks = dg_task_store_new (db, &error);
  g_assert_no_error (error);
  g_object_set (task, "assistant-id", dg_assistant_get_id (maria), "due-date", "2026-11-06",
                "due-time", "17:00", NULL);
  g_assert_true (dg_task_store_add (tasks, task, &error));
  g_assert_no_error (error);

  timesheets = dg_timesheet_store_new (db);
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(DgTimeEntry) entry = dg_time_entry_new ();
      g_autoptr(GDateTime) start = g_date_time_new (zone, 2026, 11, 2 + (int) i, 9, 0, 0);
      g_autofree char *note = g_strdup_printf ("Day %u of the week", i + 1);

      dg_time_entry_set_assistant_id (entry, dg_assistant_get_id (maria));
      if (i < 2)
        dg_time_entry_set_task_id (entry, dg_task_get_id (task));
      dg_time_entry_set_start (entry, start);
      dg_time_entry_set_time_zone (entry, ZONE);
      dg_time_entry_set_minutes (entry, 90);
      dg_time_entry_set_note (entry, note);
      dg_time_entry_set_source (entry, DG_TIME_ENTRY_SOURCE_MANUAL, "");
      g_assert_true (dg_timesheet_store_add_entry (timesheets, entry, &error));
      g_assert_no_error (error);
      entry_ids[i] = dg_time_entry_get_id (entry);
    }
}

static gint64
add_entry (DgTimesheetStore *timesheets,
           gint64            assistant_id,
           const char       *zone_name,
           int               day,
           int               minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimeEntry) entry = dg_time_entry_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2026, 11, day, 9, 0, 0);

  dg_time_entry_set_assistant_id (entry, assistant_id);
  dg_time_entry_set_start (entry, start);
  dg_time_entry_set_time_zone (entry, zone_name);
  dg_time_entry_set_minutes (entry, minutes);
  dg_time_entry_set_note (entry, "Second assistant");
  dg_time_entry_set_source (entry, "toggl", day == 4 ? "t-4" : "t-10");
  g_assert_true (dg_timesheet_store_add_entry (timesheets, entry, &error));
  g_assert_no_error (error);
  return dg_time_entry_get_id (entry);
}

/* seed_database (TRUE), then Tuesday's entry rejected and, with
 * @second_assistant, a second assistant in Berlin with 1:30 on Wednesday 4
 * and Tuesday 10 November. */
static void
seed_rejected (gboolean second_assistant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgTimesheetStore) timesheets = NULL;
  g_autoptr(DgAssistant) jonas = dg_assistant_new ();

  seed_database (TRUE);
  db = dg_database_open (database_path, &error);
  g_assert_no_error (error);
  timesheets = dg_timesheet_store_new (db);
  g_assert_true (dg_timesheet_store_reject_entries (timesheets, &entry_ids[1], 1, REJECT_REASON, &error));
  g_assert_no_error (error);
  if (!second_assistant)
    return;

  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  g_object_set (jonas, "name", "Jonas Weber", "time-zone", "Europe/Berlin", "currency", "EUR",
                "hourly-rate", (gint64) 2000, NULL);
  g_assert_true (dg_assistant_store_add (assistants, jonas, &error));
  g_assert_no_error (error);
  second_ids[0] = add_entry (timesheets, dg_assistant_get_id (jonas), "Europe/Berlin", 4, 90);
  second_ids[1] = add_entry (timesheets, dg_assistant_get_id (jonas), "Europe/Berlin", 10, 90);
}

/* What another reader of the database sees. */
static DgTimesheetStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (database_path, &error);

  g_assert_no_error (error);
  return dg_timesheet_store_new (db);
}

static DgTimeEntry *
stored_entry (gint64 entry_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimesheetStore) store = open_store ();
  DgTimeEntry *entry = dg_timesheet_store_get_entry (store, entry_id, &error);

  g_assert_no_error (error);
  return entry;
}

static DgTimeEntryState
stored_state (gint64  entry_id,
              char  **reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimesheetStore) store = open_store ();
  g_autoptr(DgTimeEntry) entry = dg_timesheet_store_get_entry (store, entry_id, &error);

  g_assert_no_error (error);
  if (reason != NULL)
    *reason = g_strdup (dg_time_entry_get_reason (entry));
  return dg_time_entry_get_state (entry);
}

/* The audit rows of the week that went from @old_state to @new_state,
 * each with @reason, none automatic. */
static guint
count_audit (const char *old_state,
             const char *new_state,
             const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimesheetStore) store = open_store ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) weeks = NULL;
  GDate start;
  guint n = 0;

  week_start (&start);
  weeks = dg_timesheet_store_list_weeks (store, 0, DG_TIMESHEET_FILTER_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 1);
  events = dg_timesheet_store_list_audit (store, dg_timesheet_week_get_assistant_id (g_ptr_array_index (weeks, 0)),
                                          &start, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      DgAuditEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (dg_audit_event_get_old_state (event), old_state) != 0 ||
          g_strcmp0 (dg_audit_event_get_new_state (event), new_state) != 0)
        continue;
      g_assert_cmpstr (dg_audit_event_get_reason (event), ==, reason);
      g_assert_false (dg_audit_event_get_automatic (event));
      n++;
    }
  return n;
}

static guint
n_audit_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimesheetStore) store = open_store ();
  g_autoptr(GPtrArray) events = NULL;
  GDate start;

  week_start (&start);
  events = dg_timesheet_store_list_audit (store, 1, &start, &error);
  g_assert_no_error (error);
  return events->len;
}

static void
collect_by_name (GtkWidget  *widget,
                 const char *name,
                 GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_by_name (child, name, found);
}

/* The Approve or Reject button of one entry's row. */
static GtkWidget *
entry_button (GtkWidget  *page,
              const char *name,
              gint64      entry_id)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_by_name (dg_gui_test_find_by_name (page, "week_entries"), name, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

      if (target != NULL && g_variant_get_int64 (target) == entry_id)
        return button;
    }
  g_assert_not_reached ();
  return NULL;
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

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *png = g_build_filename (g_getenv ("DG_TEST_OUTPUT_DIR") ? g_getenv ("DG_TEST_OUTPUT_DIR") : ".",
                                           name, NULL);

  g_assert_cmpint (dg_gui_test_render_png (widget, png), >, 300);
}

static GtkWidget *
open_page (GtkWindow *window)
{
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_TIMESHEETS_PAGE);

  g_assert_nonnull (page);
  /* Nothing is read before the page is shown. */
  g_assert_false (dg_timesheets_page_get_loaded (DG_TIMESHEETS_PAGE (page)));
  dg_gui_test_show_page (window, "timesheets");
  g_assert_true (dg_timesheets_page_get_loaded (DG_TIMESHEETS_PAGE (page)));
  return page;
}

/* Chooses the only week in the list; its entries are listed. */
static DgTimesheetWeekView *
select_week (GtkWidget *page)
{
  GListModel *weeks = dg_timesheets_page_get_weeks (DG_TIMESHEETS_PAGE (page));
  GtkWidget *list = dg_gui_test_find_by_name (page, "timesheets_week_list");
  DgTimesheetWeekView *view = dg_timesheets_page_get_week_view (DG_TIMESHEETS_PAGE (page));
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  g_autoptr(DgTimesheetWeek) week = NULL;
  GDate start;

  week_start (&start);
  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, 1);
  week = g_list_model_get_item (weeks, 0);
  g_assert_cmpstr (dg_timesheet_week_get_start_date (week), ==, "2026-11-02");
  g_assert_cmpint (dg_timesheet_week_get_state (week), ==, DG_TIMESHEET_STATE_PENDING);

  gtk_selection_model_unselect_all (selection);
  dg_gui_test_iterate ();
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  dg_gui_test_iterate ();

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_nonnull (dg_timesheet_week_view_get_week (view));
  g_assert_cmpstr (dg_timesheet_week_get_start_date (dg_timesheet_week_view_get_week (view)), ==, "2026-11-02");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dg_gui_test_find_by_name (page, "week_title"))), ==, "Maria Santos");
  return view;
}

static DgReasonDialog *
reason_dialog (void)
{
  GtkWindow *dialog = dg_gui_test_find_toplevel (DG_TYPE_REASON_DIALOG);

  g_assert_nonnull (dialog);
  return DG_REASON_DIALOG (dialog);
}

static void
type_reason (DgReasonDialog *dialog,
             const char     *reason)
{
  gtk_editable_set_text (GTK_EDITABLE (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "reason_entry")), reason);
  dg_gui_test_iterate ();
}

/* Reject one entry with a reason, approve the rest as a week, then reopen
 * it with a reason: the store, the audit log and the list follow. */
static void
drive_approval (DgApplication *app,
                GtkWindow     *window)
{
  GtkWidget *page = open_page (window);
  GListModel *weeks = dg_timesheets_page_get_weeks (DG_TIMESHEETS_PAGE (page));
  DgTimesheetWeekView *view = select_week (page);
  GtkWidget *reject = entry_button (page, "entry_reject_button", entry_ids[1]);
  GtkWidget *focus;
  GtkWidget *row;
  DgReasonDialog *dialog;
  g_autofree char *reason = NULL;

  g_assert_cmpuint (n_audit_rows (), ==, N_ENTRIES);
  g_assert_cmpuint (n_children (dg_gui_test_find_by_name (page, "week_history")), ==, N_ENTRIES);
  g_assert_false (gtk_widget_get_visible (dg_gui_test_find_by_name (page, "reopen_week_button")));

  /* The keyboard reaches an entry's buttons from its row. */
  /* Button, its box, the cell, the row. */
  row = gtk_widget_get_parent (gtk_widget_get_parent (gtk_widget_get_parent (reject)));
  g_assert_true (gtk_widget_get_focusable (row));
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, row));

  /* Tuesday's entry goes back with a reason: the dialog cannot answer
   * without one. */
  click (reject);
  dialog = reason_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), DG_REASON_DIALOG_RESPONSE));
  type_reason (dialog, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), DG_REASON_DIALOG_RESPONSE));
  type_reason (dialog, "  " REJECT_REASON " ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), DG_REASON_DIALOG_RESPONSE));
  /* Enter in the entry confirms and closes. */
  g_signal_emit_by_name (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "reason_entry"), "activate");
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_REASON_DIALOG));

  g_assert_cmpint (stored_state (entry_ids[1], &reason), ==, DG_TIME_ENTRY_STATE_REJECTED);
  g_assert_cmpstr (reason, ==, REJECT_REASON);
  for (guint i = 0; i < N_ENTRIES; i++)
    if (i != 1)
      g_assert_cmpint (stored_state (entry_ids[i], NULL), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpuint (count_audit ("pending", "rejected", REJECT_REASON), ==, 1);
  g_assert_cmpuint (dg_timesheet_week_get_n_rejected (dg_timesheet_week_view_get_week (view)), ==, 1);
  /* The row says so, and offers nothing more to do. */
  g_assert_false (gtk_widget_get_visible (entry_button (page, "entry_reject_button", entry_ids[1])));
  g_assert_false (gtk_widget_get_visible (entry_button (page, "entry_approve_button", entry_ids[1])));
  g_assert_true (gtk_widget_get_visible (entry_button (page, "entry_reject_button", entry_ids[0])));
  /* Still waiting for the other three. */
  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, 1);
  save_png (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), "test-timesheets-week.png");

  /* The rest of the week is approved at once. */
  click (dg_gui_test_find_by_name (page, "approve_week_button"));
  for (guint i = 0; i < N_ENTRIES; i++)
    g_assert_cmpint (stored_state (entry_ids[i], NULL), ==,
                     i == 1 ? DG_TIME_ENTRY_STATE_REJECTED : DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpuint (count_audit ("pending", "approved", ""), ==, N_ENTRIES - 1);
  g_assert_cmpuint (count_audit ("", "pending", ""), ==, N_ENTRIES);
  g_assert_cmpuint (n_audit_rows (), ==, 2 * N_ENTRIES);
  g_assert_cmpuint (n_children (dg_gui_test_find_by_name (page, "week_history")), ==, 2 * N_ENTRIES);

  /* Nothing waits any more: the list no longer has the week, the detail
   * still shows it, with nothing to approve but a way to reopen. */
  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, 0);
  g_assert_true (gtk_widget_get_mapped (dg_gui_test_find_by_name (page, "timesheets_list_empty")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_visible (dg_gui_test_find_by_name (page, "approve_week_button")));
  g_assert_true (gtk_widget_get_visible (dg_gui_test_find_by_name (page, "reopen_week_button")));

  /* Reopened only with a reason. */
  click (dg_gui_test_find_by_name (page, "reopen_week_button"));
  dialog = reason_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), DG_REASON_DIALOG_RESPONSE);
  dg_gui_test_iterate ();
  g_assert_cmpint (stored_state (entry_ids[0], NULL), ==, DG_TIME_ENTRY_STATE_APPROVED);
  type_reason (dialog, REOPEN_REASON);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), DG_REASON_DIALOG_RESPONSE);
  gtk_window_destroy (GTK_WINDOW (dialog));
  dg_gui_test_iterate ();

  for (guint i = 0; i < N_ENTRIES; i++)
    g_assert_cmpint (stored_state (entry_ids[i], NULL), ==,
                     i == 1 ? DG_TIME_ENTRY_STATE_REJECTED : DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpuint (count_audit ("approved", "pending", REOPEN_REASON), ==, N_ENTRIES - 1);
  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, 1);
  g_assert_true (gtk_widget_get_visible (dg_gui_test_find_by_name (page, "approve_week_button")));
  g_assert_false (gtk_widget_get_visible (dg_gui_test_find_by_name (page, "reopen_week_button")));
  g_assert_cmpuint (n_children (dg_gui_test_find_by_name (page, "week_history")), ==, 3 * N_ENTRIES - 1);
}

/* Without hours the page says there is nothing to approve. */
static void
drive_empty (DgApplication *app,
             GtkWindow     *window)
{
  GtkWidget *page = open_page (window);
  GtkWidget *empty = dg_gui_test_find_by_name (page, "timesheets_empty");

  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "Nothing to Approve");
  g_assert_cmpuint (g_list_model_get_n_items (dg_timesheets_page_get_weeks (DG_TIMESHEETS_PAGE (page))), ==, 0);

  /* All weeks: still none. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dg_gui_test_find_by_name (page, "timesheets_show_filter")), 1);
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Hours Yet");
}

/* Another program approved an entry meanwhile: approving it here fails,
 * the owner is told why, and the week shows what is stored. */
static void
drive_store_error (DgApplication *app,
                   GtkWindow     *window)
{
  GtkWidget *page = open_page (window);
  DgTimesheetWeekView *view = select_week (page);
  g_autoptr(DgTimesheetStore) other = open_store ();
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *message;

  g_assert_true (dg_timesheet_store_approve_entries (other, &entry_ids[0], 1, &error));
  g_assert_no_error (error);
  click (entry_button (page, "entry_approve_button", entry_ids[0]));

  message = ADW_MESSAGE_DIALOG (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Approve the Entry");
  g_assert_cmpuint (strlen (adw_message_dialog_get_body (message)), >, 10);
  gtk_window_destroy (GTK_WINDOW (message));
  dg_gui_test_iterate ();

  g_assert_cmpuint (dg_timesheet_week_get_n_approved (dg_timesheet_week_view_get_week (view)), ==, 1);
  g_assert_cmpuint (dg_timesheet_week_get_n_pending (dg_timesheet_week_view_get_week (view)), ==, N_ENTRIES - 1);
  g_assert_false (gtk_widget_get_visible (entry_button (page, "entry_approve_button", entry_ids[0])));
}

/* The owner changes the first day of the week (to Sunday, as Preferences
 * would) while a week is shown: the next change reads the week again,
 * which is then the one holding the Monday shown before, and nothing
 * crashes. */
static void
drive_week_start_change (DgApplication *app,
                         GtkWindow     *window)
{
  GtkWidget *page = open_page (window);
  DgTimesheetWeekView *view = select_week (page);
  GListModel *weeks = dg_timesheets_page_get_weeks (DG_TIMESHEETS_PAGE (page));
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (database_path, &error);
  g_autoptr(DgBusinessProfile) profile = NULL;
  g_autoptr(DgTimesheetWeek) listed = NULL;
  DgTimesheetWeek *week;

  g_assert_no_error (error);
  profile = dg_business_profile_load (db, &error);
  g_assert_no_error (error);
  g_object_set (profile, "week-start", (int) G_DATE_SUNDAY, NULL);
  g_assert_true (dg_business_profile_save (profile, db, &error));
  g_assert_no_error (error);

  click (entry_button (page, "entry_approve_button", entry_ids[0]));
  g_assert_cmpint (stored_state (entry_ids[0], NULL), ==, DG_TIME_ENTRY_STATE_APPROVED);
  week = dg_timesheet_week_view_get_week (view);
  g_assert_nonnull (week);
  g_assert_cmpstr (dg_timesheet_week_get_start_date (week), ==, "2026-11-01");
  g_assert_cmpuint (dg_timesheet_week_get_n_approved (week), ==, 1);
  g_assert_cmpuint (dg_timesheet_week_get_n_pending (week), ==, N_ENTRIES - 1);
  g_assert_false (gtk_widget_get_visible (dg_gui_test_find_by_name (page, "week_error")));
  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, 1);
  listed = g_list_model_get_item (weeks, 0);
  g_assert_cmpstr (dg_timesheet_week_get_start_date (listed), ==, "2026-11-01");
  /* The list marks it as the week shown. */
  if (!adw_leaflet_get_folded (ADW_LEAFLET (dg_gui_test_find_by_type (page, ADW_TYPE_LEAFLET))))
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "timesheets_week_list"))))), ==, 0);
  /* Approving the rest of it works on the new week. */
  click (dg_gui_test_find_by_name (page, "approve_week_button"));
  for (guint i = 0; i < N_ENTRIES; i++)
    g_assert_cmpint (stored_state (entry_ids[i], NULL), ==, DG_TIME_ENTRY_STATE_APPROVED);

  /* Back to Monday without any change of hours: the window's becoming
   * active again (after Preferences) reads the week anew. */
  g_object_set (profile, "week-start", (int) G_DATE_MONDAY, NULL);
  g_assert_true (dg_business_profile_save (profile, db, &error));
  g_assert_no_error (error);
  g_object_notify (G_OBJECT (window), "is-active");
  dg_gui_test_iterate ();
  if (gtk_window_is_active (window))
    g_assert_cmpstr (dg_timesheet_week_get_start_date (dg_timesheet_week_view_get_week (view)), ==, "2026-11-02");
  else
    g_test_message ("The window is not active here: the reading on activation is not checked.");
}

/* A rejected entry is corrected in the dialog: it waits for approval
 * again, with a row in the history; a field that cannot be read keeps the
 * dialog open and says why beside it. A pending entry is deleted after a
 * question. */
static void
drive_edit (DgApplication *app,
            GtkWindow     *window)
{
  GtkWidget *page = open_page (window);
  DgTimesheetWeekView *view = select_week (page);
  GtkWindow *dialog;
  GtkWidget *duration_row;
  GtkWidget *task_row;
  GListModel *tasks;
  AdwMessageDialog *question;
  g_autoptr(DgTimeEntry) corrected = NULL;
  g_autoptr(GDateTime) local = NULL;
  guint task_position = GTK_INVALID_LIST_POSITION;
  guint none_position = GTK_INVALID_LIST_POSITION;

  g_assert_cmpuint (dg_timesheet_week_get_n_rejected (dg_timesheet_week_view_get_week (view)), ==, 1);
  /* A rejected entry can be edited or deleted, not approved. */
  g_assert_false (gtk_widget_get_visible (entry_button (page, "entry_approve_button", entry_ids[1])));
  g_assert_true (gtk_widget_get_visible (entry_button (page, "entry_delete_button", entry_ids[1])));
  g_assert_true (gtk_widget_get_visible (entry_button (page, "entry_edit_button", entry_ids[0])));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (entry_button (page, "entry_reject_button", entry_ids[0]))),
                   !=, "window-close-symbolic");

  click (entry_button (page, "entry_edit_button", entry_ids[1]));
  dialog = dg_gui_test_find_toplevel (DG_TYPE_TIME_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  /* Why it was rejected, to be corrected. */
  g_assert_true (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_reason")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_reason"))),
                            REJECT_REASON));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_date_row"))),
                   ==, "2026-11-03");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_time_row"))),
                   ==, "09:00");
  duration_row = dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_duration_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (duration_row)), ==, "1:30");

  /* Not a duration: said beside the field, nothing stored. */
  gtk_editable_set_text (GTK_EDITABLE (duration_row), "an hour");
  click (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_save_button"));
  g_assert_true (dg_gui_test_find_toplevel (DG_TYPE_TIME_ENTRY_DIALOG) == dialog);
  g_assert_nonnull (dg_form_row_get_error (duration_row));
  g_assert_true (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_field_errors")));
  g_assert_cmpint (stored_state (entry_ids[1], NULL), ==, DG_TIME_ENTRY_STATE_REJECTED);
  /* Corrected, the mark goes. */
  gtk_editable_set_text (GTK_EDITABLE (duration_row), "2:15");
  dg_gui_test_iterate ();
  g_assert_null (dg_form_row_get_error (duration_row));

  gtk_editable_set_text (GTK_EDITABLE (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_time_row")), "10:30");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_note_view"))),
                            "Tuesday, not for the task", -1);
  task_row = dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_task_row");
  tasks = adw_combo_row_get_model (ADW_COMBO_ROW (task_row));
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (tasks, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), TASK_TITLE) == 0)
        task_position = i;
      else if (g_strcmp0 (gtk_string_object_get_string (item), "No task") == 0)
        none_position = i;
    }
  /* The entry's own task is chosen at first; the hours move off it. */
  g_assert_cmpuint (task_position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (none_position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (task_row)), ==, task_position);
  adw_combo_row_set_selected (ADW_COMBO_ROW (task_row), none_position);
  save_png (GTK_WIDGET (dialog), "test-timesheets-edit-entry.png");
  click (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "entry_save_button"));
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_TIME_ENTRY_DIALOG));

  corrected = stored_entry (entry_ids[1]);
  g_assert_cmpint (dg_time_entry_get_state (corrected), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpstr (dg_time_entry_get_reason (corrected), ==, "");
  g_assert_cmpint (dg_time_entry_get_minutes (corrected), ==, 135);
  g_assert_cmpstr (dg_time_entry_get_note (corrected), ==, "Tuesday, not for the task");
  g_assert_cmpint (dg_time_entry_get_task_id (corrected), ==, 0);
  local = dg_time_entry_dup_local_start (corrected);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 30);
  g_assert_cmpstr (dg_time_entry_get_local_date (corrected), ==, "2026-11-03");
  g_assert_cmpuint (count_audit ("rejected", "pending", ""), ==, 1);
  /* The week shows it. */
  g_assert_cmpuint (dg_timesheet_week_get_n_rejected (dg_timesheet_week_view_get_week (view)), ==, 0);
  g_assert_cmpuint (dg_timesheet_week_get_n_pending (dg_timesheet_week_view_get_week (view)), ==, N_ENTRIES);
  g_assert_true (gtk_widget_get_visible (entry_button (page, "entry_approve_button", entry_ids[1])));

  /* Deleting asks first; Cancel keeps the entry. */
  click (entry_button (page, "entry_delete_button", entry_ids[3]));
  question = ADW_MESSAGE_DIALOG (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Delete the Entry?");
  adw_message_dialog_response (question, "cancel");
  gtk_window_destroy (GTK_WINDOW (question));
  dg_gui_test_iterate ();
  g_assert_cmpint (stored_state (entry_ids[3], NULL), ==, DG_TIME_ENTRY_STATE_PENDING);

  click (entry_button (page, "entry_delete_button", entry_ids[3]));
  question = ADW_MESSAGE_DIALOG (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (question, "delete");
  gtk_window_destroy (GTK_WINDOW (question));
  dg_gui_test_iterate ();
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DgTimesheetStore) store = open_store ();
    g_autoptr(DgTimeEntry) gone = dg_timesheet_store_get_entry (store, entry_ids[3], &error);

    g_assert_null (gone);
    g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND);
  }
  g_assert_cmpuint (count_audit ("pending", "deleted", ""), ==, 1);
  g_assert_cmpuint (dg_timesheet_week_get_n_pending (dg_timesheet_week_view_get_week (view)), ==, N_ENTRIES - 1);
}

/* "Approve All Up To…" approves every assistant's pending entries up to
 * the chosen day, after saying how many and how long: not a rejected one,
 * not a later one. */
static void
drive_approve_until (DgApplication *app,
                     GtkWindow     *window)
{
  GtkWidget *page = open_page (window);
  DgApproveUntilDialog *dialog;
  const char *body;
  GDate until;

  click (dg_gui_test_find_by_name (page, "approve_until_button"));
  dialog = DG_APPROVE_UNTIL_DIALOG (dg_gui_test_find_toplevel (DG_TYPE_APPROVE_UNTIL_DIALOG));
  g_assert_nonnull (dialog);

  /* Before anything was worked: nothing to approve. */
  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 1, G_DATE_NOVEMBER, 2026);
  dg_approve_until_dialog_set_until (dialog, &until);
  g_assert_cmpuint (dg_approve_until_dialog_get_n_entries (dialog), ==, 0);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), DG_APPROVE_UNTIL_DIALOG_RESPONSE));

  /* Up to Wednesday 4 November: Maria's Monday and Wednesday (Tuesday's is
   * rejected), Jonas's Wednesday. */
  g_date_set_dmy (&until, 4, G_DATE_NOVEMBER, 2026);
  dg_approve_until_dialog_set_until (dialog, &until);
  g_assert_cmpuint (dg_approve_until_dialog_get_n_entries (dialog), ==, 3);
  g_assert_cmpint (dg_approve_until_dialog_get_minutes (dialog), ==, 270);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "3 entries"));
  g_assert_nonnull (strstr (body, "4.5 h"));
  g_assert_nonnull (strstr (body, "4 Nov 2026"));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), DG_APPROVE_UNTIL_DIALOG_RESPONSE));
  save_png (GTK_WIDGET (dialog), "test-timesheets-approve-until.png");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), DG_APPROVE_UNTIL_DIALOG_RESPONSE);
  gtk_window_destroy (GTK_WINDOW (dialog));
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_cmpint (stored_state (entry_ids[0], NULL), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (stored_state (entry_ids[1], NULL), ==, DG_TIME_ENTRY_STATE_REJECTED);
  g_assert_cmpint (stored_state (entry_ids[2], NULL), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (stored_state (entry_ids[3], NULL), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpint (stored_state (second_ids[0], NULL), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (stored_state (second_ids[1], NULL), ==, DG_TIME_ENTRY_STATE_PENDING);
  /* The list follows: Maria's week still waits (Thursday) and Jonas's
   * next one; his first week is approved. */
  g_assert_cmpuint (g_list_model_get_n_items (dg_timesheets_page_get_weeks (DG_TIMESHEETS_PAGE (page))), ==, 2);
}

/* On a narrow window the week stands alone, with a Back button; it and its
 * shortcut's action (Alt+Left) return to the list. */
static void
drive_back (DgApplication *app,
            GtkWindow     *window)
{
  GtkWidget *page = open_page (window);
  GtkWidget *back = dg_gui_test_find_by_name (page, "timesheets_back_button");
  AdwLeaflet *leaflet = ADW_LEAFLET (dg_gui_test_find_by_type (page, ADW_TYPE_LEAFLET));
  /* The stack of the list and its empty page. */
  GtkWidget *sidebar = gtk_widget_get_ancestor (dg_gui_test_find_by_name (page, "timesheets_week_list"), GTK_TYPE_STACK);

  g_assert_nonnull (back);

  gtk_window_set_default_size (window, 360, 640);
  while (!adw_leaflet_get_folded (leaflet))
    g_main_context_iteration (NULL, TRUE);
  dg_gui_test_iterate ();
  for (guint i = 0; i < 2; i++)
    {
      select_week (page);
      g_assert_true (gtk_widget_get_mapped (back));
      g_assert_true (adw_leaflet_get_visible_child (leaflet) != sidebar);
      if (i == 0)
        click (back);
      else
        g_assert_true (gtk_widget_activate_action (page, "timesheets.back", NULL));
      dg_gui_test_iterate ();
      g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
    }
}

static void
test_back (void)
{
  g_free (database_path);
  database_path = g_build_filename (test_dir, "back.db", NULL);
  seed_database (TRUE);
  dg_gui_test_run_app (database_path, drive_back);
}

static void
test_week_start_change (void)
{
  g_free (database_path);
  database_path = g_build_filename (test_dir, "week-start.db", NULL);
  seed_database (TRUE);
  dg_gui_test_run_app (database_path, drive_week_start_change);
}

static void
test_edit (void)
{
  g_free (database_path);
  database_path = g_build_filename (test_dir, "edit.db", NULL);
  seed_rejected (FALSE);
  dg_gui_test_run_app (database_path, drive_edit);
}

static void
test_approve_until (void)
{
  g_free (database_path);
  database_path = g_build_filename (test_dir, "approve-until.db", NULL);
  seed_rejected (TRUE);
  dg_gui_test_run_app (database_path, drive_approve_until);
}

static void
test_approval (void)
{
  g_free (database_path);
  database_path = g_build_filename (test_dir, "approval.db", NULL);
  seed_database (TRUE);
  dg_gui_test_run_app (database_path, drive_approval);
}

static void
test_empty (void)
{
  g_free (database_path);
  database_path = g_build_filename (test_dir, "empty.db", NULL);
  seed_database (FALSE);
  dg_gui_test_run_app (database_path, drive_empty);
}

static void
test_store_error (void)
{
  g_free (database_path);
  database_path = g_build_filename (test_dir, "error.db", NULL);
  seed_database (TRUE);
  dg_gui_test_run_app (database_path, drive_store_error);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  test_dir = g_dir_make_tmp ("delegate-test-XXXXXX", NULL);

  g_test_add_func ("/timesheets-page/approval", test_approval);
  g_test_add_func ("/timesheets-page/empty", test_empty);
  g_test_add_func ("/timesheets-page/store-error", test_store_error);
  g_test_add_func ("/timesheets-page/week-start-change", test_week_start_change);
  g_test_add_func ("/timesheets-page/edit", test_edit);
  g_test_add_func ("/timesheets-page/approve-until", test_approve_until);
  g_test_add_func ("/timesheets-page/back", test_back);
  return g_test_run ();
}
