/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tasks-page"

#include <libical/ical.h>
#include <string.h>

#include "dg-assistant-editor.h"
#include "dg-assistant-store.h"
#include "dg-calendar-import-dialog.h"
#include "dg-gui-test.h"
#include "dg-handbook-store.h"
#include "dg-task-dialog.h"
#include "dg-task-row.h"
#include "dg-task-store.h"
#include "dg-tasks-page-private.h"

#define HANDBOOK_TITLE "Weekly bookkeeping"
#define RENAMED "Weekly bookkeeping and reminders"
#define ZONE "Asia/Manila"

static char *test_dir;
static char *database_path;

/* An assistant and a handbook published once, with 45 minutes of steps. */
static void
seed_database (gboolean with_task)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (database_path, &error);
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgHandbookStore) handbooks = NULL;
  g_autoptr(DgAssistant) maria = dg_assistant_new ();
  g_autoptr(DgHandbook) handbook = dg_handbook_new (HANDBOOK_TITLE);

  g_assert_no_error (error);
  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  g_object_set (maria, "name", "Maria Santos", "time-zone", ZONE, "currency", "EUR",
                "hourly-rate", (gint64) 1500, NULL);
  g_assert_true (dg_assistant_store_add (assistants, maria, &error));

  handbooks = dg_handbook_store_new (db, &error);
  g_assert_no_error (error);
  dg_handbook_insert_step (handbook, 0, dg_handbook_step_new ("Collect the receipts", "", FALSE, 30));
  dg_handbook_insert_step (handbook, 1, dg_handbook_step_new ("Book them", "", TRUE, 15));
  g_assert_true (dg_handbook_store_save (handbooks, handbook, &error));
  g_assert_cmpint (dg_handbook_store_publish (handbooks, handbook, "First version", &error), ==, 1);
  g_assert_no_error (error);

  if (with_task)
    {
      g_autoptr(DgTaskStore) tasks = dg_task_store_new (db, &error);
      g_autoptr(DgTask) task = dg_task_new (HANDBOOK_TITLE);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      g_assert_no_error (error);
      g_object_set (task, "assistant-id", dg_assistant_get_id (maria), "handbook-id", dg_handbook_get_id (handbook),
                    "due-date", today, "due-time", "09:00", "rrule", "FREQ=WEEKLY", NULL);
      g_assert_true (dg_task_store_add (tasks, task, &error));
      g_assert_no_error (error);
    }
}

/* What another reader of the database sees: the status of one occurrence. */
static DgTaskStatus
stored_status (const char *title,
               const char *recurrence_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (database_path, &error);
  g_autoptr(DgTaskStore) tasks = NULL;
  g_autoptr(DgTaskOccurrence) occurrence = NULL;
  DgTask *task = NULL;

  g_assert_no_error (error);
  tasks = dg_task_store_new (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tasks)); i++)
    {
      g_autoptr(DgTask) item = g_list_model_get_item (G_LIST_MODEL (tasks), i);

      if (g_str_equal (dg_task_get_title (item), title))
        task = item;
    }
  g_assert_nonnull (task);
  occurrence = dg_task_store_get_occurrence (tasks, task, recurrence_id, &error);
  g_assert_no_error (error);
  return dg_task_occurrence_get_status (occurrence);
}

/* The rows that exist, in the list's order: only those in sight are
 * made, which in these tests is all of them. */
static GPtrArray *
task_rows (GtkWidget *page)
{
  GtkWidget *list = dg_gui_test_find_by_name (page, "task_list");
  GPtrArray *found = g_ptr_array_new ();

  g_assert_nonnull (list);
  for (GtkWidget *item = gtk_widget_get_first_child (list); item; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *child = gtk_widget_get_first_child (item);

      if (DG_IS_TASK_ROW (child) && dg_task_row_get_occurrence (DG_TASK_ROW (child)) != NULL)
        g_ptr_array_add (found, child);
    }
  return found;
}

static guint
n_rows (GtkWidget *page)
{
  g_autoptr(GPtrArray) found = task_rows (page);

  return found->len;
}

static DgTaskRow *
row_at (GtkWidget *page,
        guint      index)
{
  g_autoptr(GPtrArray) found = task_rows (page);

  g_assert_cmpuint (index, <, found->len);
  return g_ptr_array_index (found, index);
}

static const char *
row_recurrence_id (GtkWidget *page,
                   guint      index)
{
  return dg_task_occurrence_get_recurrence_id (dg_task_row_get_occurrence (row_at (page, index)));
}

static void
click (GtkWidget  *row,
       const char *name)
{
  GtkWidget *button = dg_gui_test_find_by_name (row, name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  /* "activate" would click only after a pause, as a key press does. */
  g_signal_emit_by_name (button, "clicked");
  dg_gui_test_iterate ();
}

static GtkWidget *
field (GtkWidget  *dialog,
       const char *name)
{
  GtkWidget *widget = dg_gui_test_find_by_name (dialog, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
choose_status (GtkWidget *page,
               guint      position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dg_gui_test_find_by_name (page, "task_status_filter")), position);
  dg_gui_test_iterate ();
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *png = g_build_filename (g_getenv ("DG_TEST_OUTPUT_DIR") ? g_getenv ("DG_TEST_OUTPUT_DIR") : ".",
                                           name, NULL);

  g_assert_cmpint (dg_gui_test_render_png (widget, png), >, 300);
}

/* A weekly task from a handbook: created in the dialog, listed, and its
 * first date done while the next week's stays open. */
static void
drive_weekly_task (DgApplication *app,
                   GtkWindow     *window)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_TASKS_PAGE);
  GtkWidget *dialog;
  GtkWidget *empty;
  DgTask *task;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_week = g_date_time_add_weeks (now, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *first_id = g_date_time_format (now, "%Y%m%dT090000");
  g_autofree char *second_id = g_date_time_format (next_week, "%Y%m%dT090000");
  g_autoptr(GDateTime) after_next = g_date_time_add_weeks (now, 2);
  g_autofree char *third_id = g_date_time_format (after_next, "%Y%m%dT090000");
  int weekday = g_date_time_get_day_of_week (now);
  const char *weekday_buttons[] = { NULL, "task_monday_button", "task_tuesday_button",
                                    "task_wednesday_button", "task_thursday_button",
                                    "task_friday_button", "task_saturday_button", "task_sunday_button" };

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "tasks");
  dg_gui_test_iterate ();

  /* Nothing assigned yet. */
  empty = dg_gui_test_find_by_name (page, "tasks_empty");
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Tasks");

  g_assert_true (gtk_widget_activate_action (page, "tasks.new", NULL));
  dg_gui_test_iterate ();
  dialog = GTK_WIDGET (dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG));
  g_assert_nonnull (dialog);

  /* The only assistant is chosen, with her zone; a handbook brings its
   * title and estimate. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "task_time_zone_row"))), ==, ZONE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "task_handbook_row")), 1);
  dg_gui_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "task_title_row"))), ==, HANDBOOK_TITLE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field (dialog, "task_estimate_spin"))), ==, 45);

  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_date_row")), today);
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_time_row")), "9:00");
  /* Weekly starts on the due date's day of the week. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "task_repeat_row")), 3);
  dg_gui_test_iterate ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (field (dialog, weekday_buttons[weekday]))));

  /* A fee needs an amount above zero: said at the field. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "task_billing_row")), DG_TASK_BILLING_FIXED_FEE);
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_amount_row")), "0");
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (field (dialog, "task_amount_row"), "error"));
  g_assert_true (gtk_widget_get_visible (field (dialog, "task_billing_errors")));
  g_assert_false (gtk_widget_get_sensitive (field (dialog, "task_save_button")));
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_amount_row")), "25.50");
  dg_gui_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (field (dialog, "task_amount_row"), "error"));
  save_png (dialog, "test-task-dialog.png");

  g_assert_true (gtk_widget_activate_action (dialog, "task.save", NULL));
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG));

  /* Today's date and the first of the following week are listed. */
  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_cmpstr (row_recurrence_id (page, 0), ==, first_id);
  g_assert_cmpstr (row_recurrence_id (page, 1), ==, second_id);
  task = dg_task_occurrence_get_task (dg_task_row_get_occurrence (row_at (page, 0)));
  g_assert_cmpstr (dg_task_get_title (task), ==, HANDBOOK_TITLE);
  g_assert_cmpstr (dg_task_get_due_date (task), ==, today);
  g_assert_cmpstr (dg_task_get_due_time (task), ==, "09:00");
  g_assert_cmpstr (dg_task_get_time_zone (task), ==, ZONE);
  g_assert_true (g_str_has_prefix (dg_task_get_rrule (task), "FREQ=WEEKLY"));
  g_assert_cmpint (dg_task_get_handbook_version (task), ==, 1);
  g_assert_cmpint (dg_task_get_estimate_minutes (task), ==, 45);
  g_assert_cmpint (dg_task_get_billing (task), ==, DG_TASK_BILLING_FIXED_FEE);
  g_assert_cmpint (dg_task_get_billing_amount (task), ==, 2550);
  save_png (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), "test-tasks-page.png");

  /* Done today leaves next week open. */
  click (GTK_WIDGET (row_at (page, 0)), "task_done_button");
  g_assert_cmpint (stored_status (HANDBOOK_TITLE, first_id), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (stored_status (HANDBOOK_TITLE, second_id), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (row_recurrence_id (page, 0), ==, second_id);

  /* Skipping next week brings the week after. */
  click (GTK_WIDGET (row_at (page, 0)), "task_skip_button");
  g_assert_cmpint (stored_status (HANDBOOK_TITLE, second_id), ==, DG_TASK_STATUS_SKIPPED);
  g_assert_cmpint (stored_status (HANDBOOK_TITLE, third_id), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (row_recurrence_id (page, 0), ==, third_id);

  /* The status filter shows the finished ones. */
  choose_status (page, 1);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (row_recurrence_id (page, 0), ==, first_id);
  g_assert_cmpint (dg_task_occurrence_get_status (dg_task_row_get_occurrence (row_at (page, 0))), ==, DG_TASK_STATUS_DONE);
  g_assert_true (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (row_at (page, 0)), "task_reopen_button")));
  choose_status (page, 2);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (row_recurrence_id (page, 0), ==, second_id);
  choose_status (page, 3);
  g_assert_cmpuint (n_rows (page), ==, 3);

  /* Reopened, the done date is open again. */
  choose_status (page, 1);
  click (GTK_WIDGET (row_at (page, 0)), "task_reopen_button");
  g_assert_cmpint (stored_status (HANDBOOK_TITLE, first_id), ==, DG_TASK_STATUS_OPEN);
  /* Now nothing is done: the filter hides everything, and says so. */
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Matching Tasks");
  g_assert_false (gtk_widget_get_visible (adw_status_page_get_child (ADW_STATUS_PAGE (empty))));
  /* Open again: today's date, then past the skipped one. */
  choose_status (page, 0);
  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_cmpstr (row_recurrence_id (page, 0), ==, first_id);
  g_assert_cmpstr (row_recurrence_id (page, 1), ==, third_id);

  /* Changed in the same dialog, with what it had filled in. */
  g_assert_true (gtk_widget_activate_action (page, "tasks.edit", "x", dg_task_get_id (task)));
  dg_gui_test_iterate ();
  dialog = GTK_WIDGET (dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (dialog, "task_repeat_row"))), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "task_amount_row"))), ==, "25.50");
  g_assert_true (gtk_widget_get_visible (field (dialog, "task_cancel_task_button")));
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_title_row")), RENAMED);
  g_assert_true (gtk_widget_activate_action (dialog, "task.save", NULL));
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG));
  g_assert_cmpstr (dg_task_get_title (dg_task_occurrence_get_task (dg_task_row_get_occurrence (row_at (page, 0)))), ==, RENAMED);
  g_assert_cmpint (stored_status (RENAMED, first_id), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (stored_status (RENAMED, second_id), ==, DG_TASK_STATUS_SKIPPED);

  /* The agenda beside the list. */
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (dg_gui_test_find_by_name (page, "task_agenda"))), "agenda");
  dg_gui_test_iterate ();
  save_png (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), "test-tasks-agenda.png");
}

/* The assistant's detail lists her open task with its next date. */
static void
drive_assistant_tasks (DgApplication *app,
                       GtkWindow     *window)
{
  GtkWidget *list_view;
  GtkWidget *tasks_list;
  GtkWidget *first;

  dg_gui_test_show_page (window, "assistants");
  list_view = dg_gui_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view))), 0);
  dg_gui_test_iterate ();
  tasks_list = dg_gui_test_find_by_name (GTK_WIDGET (window), "assistant_tasks_list");
  g_assert_nonnull (tasks_list);
  g_assert_true (gtk_widget_get_mapped (tasks_list));
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (tasks_list), 0));
  g_assert_true (ADW_IS_ACTION_ROW (first));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, RENAMED);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (tasks_list), 1));
}

/* A cancelled series leaves the list, after the owner confirmed. */
static void
drive_cancel (DgApplication *app,
              GtkWindow     *window)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_TASKS_PAGE);
  GtkWidget *empty = dg_gui_test_find_by_name (page, "tasks_empty");
  DgTask *task;
  GtkWindow *dialog;
  AdwMessageDialog *confirmation;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "tasks");
  dg_gui_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 2);
  task = dg_task_occurrence_get_task (dg_task_row_get_occurrence (row_at (page, 0)));

  g_assert_true (gtk_widget_activate_action (page, "tasks.edit", "x", dg_task_get_id (task)));
  dg_gui_test_iterate ();
  dialog = dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "task.cancel", NULL));
  dg_gui_test_iterate ();
  confirmation = ADW_MESSAGE_DIALOG (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirmation);
  adw_message_dialog_response (confirmation, "cancel-task");
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG));

  g_assert_cmpint (dg_task_get_status (task), ==, DG_TASK_STATUS_CANCELLED);
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "Nothing Left to Do");
}

/* What the export wrote, read back by libical: the one VTODO with its UID
 * and rule. Returns the UID. */
static char *
check_export (const char *path)
{
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  icalcomponent *todo;
  char *uid;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTODO_COMPONENT), ==, 1);
  todo = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_summary (todo), ==, HANDBOOK_TITLE);
  g_assert_nonnull (icalcomponent_get_first_property (todo, ICAL_RRULE_PROPERTY));
  g_assert_nonnull (icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT));
  uid = g_strdup (icalcomponent_get_uid (todo));
  icalcomponent_free (calendar);
  return uid;
}

/* Export, then the assistant's copy with the first date completed comes
 * back through the preview; a broken file is refused with its line. */
static void
drive_calendar_exchange (DgApplication *app,
                         GtkWindow     *window)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_TASKS_PAGE);
  g_autofree char *export_path = g_build_filename (test_dir, "delegate-tasks.ics", NULL);
  g_autofree char *import_path = g_build_filename (test_dir, "assistant-copy.ics", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GFile) import_file = g_file_new_for_path (import_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_week = g_date_time_add_weeks (now, 1);
  g_autofree char *first_id = g_date_time_format (now, "%Y%m%dT090000");
  g_autofree char *second_id = g_date_time_format (next_week, "%Y%m%dT090000");
  g_autofree char *exported = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *override = NULL;
  g_autoptr(GString) copy = NULL;
  GtkWindow *preview;
  AdwMessageDialog *error_dialog;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "tasks");
  dg_gui_test_iterate ();
  g_assert_cmpuint (n_rows (page), ==, 2);

  dg_tasks_page_set_test_file (export_file);
  g_assert_true (gtk_widget_activate_action (page, "tasks.export-calendar", NULL));
  dg_gui_test_iterate ();
  uid = check_export (export_path);

  g_assert_true (g_file_get_contents (export_path, &exported, NULL, NULL));
  copy = g_string_new (exported);
  override = g_strdup_printf ("BEGIN:VTODO\r\nUID:%s\r\nDTSTAMP:20261128T120000Z\r\n"
                              "RECURRENCE-ID;TZID=" ZONE ":%s\r\nSUMMARY:" HANDBOOK_TITLE "\r\n"
                              "STATUS:COMPLETED\r\nPERCENT-COMPLETE:100\r\n"
                              "COMPLETED:20261128T120000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
                              uid, first_id);
  g_string_truncate (copy, strstr (copy->str, "END:VCALENDAR") - copy->str);
  g_string_append (copy, override);
  g_assert_true (g_file_set_contents (import_path, copy->str, -1, NULL));

  dg_tasks_page_set_test_file (import_file);
  g_assert_true (gtk_widget_activate_action (page, "tasks.import-status", NULL));
  dg_gui_test_iterate ();
  preview = dg_gui_test_find_toplevel (DG_TYPE_CALENDAR_IMPORT_DIALOG);
  g_assert_nonnull (preview);
  g_assert_nonnull (dg_gui_test_find_by_name (GTK_WIDGET (preview), "change_row"));
  g_signal_emit_by_name (dg_gui_test_find_by_name (GTK_WIDGET (preview), "import_apply"), "clicked");
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_CALENDAR_IMPORT_DIALOG));
  g_assert_cmpint (stored_status (HANDBOOK_TITLE, first_id), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (stored_status (HANDBOOK_TITLE, second_id), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (row_recurrence_id (page, 0), ==, second_id);

  g_assert_true (g_file_set_contents (import_path, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:x\r\n", -1, NULL));
  g_assert_true (gtk_widget_activate_action (page, "tasks.import-status", NULL));
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_CALENDAR_IMPORT_DIALOG));
  error_dialog = ADW_MESSAGE_DIALOG (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (error_dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (error_dialog), "Line "));
  gtk_window_destroy (GTK_WINDOW (error_dialog));
  g_assert_cmpint (stored_status (HANDBOOK_TITLE, first_id), ==, DG_TASK_STATUS_DONE);
  dg_tasks_page_set_test_file (NULL);
}

static const char *
group_description (GtkWidget *dialog)
{
  GtkWidget *group = gtk_widget_get_ancestor (field (dialog, "task_repeat_row"), ADW_TYPE_PREFERENCES_GROUP);

  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
}

static gboolean
has_error (GtkWidget  *dialog,
           const char *name)
{
  return gtk_widget_has_css_class (field (dialog, name), "error");
}

/* The dialog's rules: a stored weekly task shows as Weekly on its day and
 * moves to the latest handbook version on request; a new task's fields are
 * checked as typed. */
static void
drive_dialog_rules (DgApplication *app,
                    GtkWindow     *window)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_TASKS_PAGE);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *weekday_buttons[] = { NULL, "task_monday_button", "task_tuesday_button",
                                    "task_wednesday_button", "task_thursday_button",
                                    "task_friday_button", "task_saturday_button", "task_sunday_button" };
  GtkWidget *dialog;
  GtkCalendar *calendar;
  DgTask *task;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "tasks");
  dg_gui_test_iterate ();
  task = dg_task_occurrence_get_task (dg_task_row_get_occurrence (row_at (page, 0)));
  g_assert_cmpint (dg_task_get_handbook_version (task), ==, 1);

  g_assert_true (gtk_widget_activate_action (page, "tasks.edit", "x", dg_task_get_id (task)));
  dg_gui_test_iterate ();
  dialog = GTK_WIDGET (dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG));
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (dialog, "task_repeat_row"))), ==, 3);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (field (dialog, weekday_buttons[g_date_time_get_day_of_week (now)]))));
  g_assert_true (gtk_widget_get_sensitive (field (dialog, "task_save_button")));
  g_assert_true (gtk_widget_get_visible (field (dialog, "task_latest_button")));
  g_signal_emit_by_name (field (dialog, "task_latest_button"), "clicked");
  dg_gui_test_iterate ();
  g_assert_cmpint (dg_task_get_handbook_version (task), ==, 2);
  g_assert_false (gtk_widget_get_visible (field (dialog, "task_latest_button")));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (gtk_widget_activate_action (page, "tasks.new", NULL));
  dg_gui_test_iterate ();
  dialog = GTK_WIDGET (dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_title_row")), "Close the month");

  gtk_switch_set_active (GTK_SWITCH (field (dialog, "task_all_day_switch")), TRUE);
  dg_gui_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (field (dialog, "task_time_row")));

  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_time_zone_row")), "manila");
  dg_gui_test_iterate ();
  g_assert_true (has_error (dialog, "task_time_zone_row"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (field (dialog, "task_time_zone_row")), ZONE));
  g_assert_false (gtk_widget_get_sensitive (field (dialog, "task_save_button")));
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_time_zone_row")), ZONE);

  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "task_repeat_row")), 6);
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_rrule_row")), "FREQ=HOURLY");
  dg_gui_test_iterate ();
  g_assert_true (has_error (dialog, "task_rrule_row"));
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_rrule_row")), "FREQ=MONTHLY;BYDAY=1MO");
  dg_gui_test_iterate ();
  g_assert_false (has_error (dialog, "task_rrule_row"));
  g_assert_nonnull (group_description (dialog));

  /* The calendar opens on the date typed, and a day chosen there is typed. */
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_date_row")), "2026-12-30");
  calendar = GTK_CALENDAR (dg_gui_test_find_by_type (dialog, GTK_TYPE_CALENDAR));
  gtk_popover_popup (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
  dg_gui_test_iterate ();
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);
    g_autoptr(GDateTime) chosen = g_date_time_new_utc (2026, 12, 31, 0, 0, 0);

    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 30);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "task_date_row"))), ==, "2026-12-30");
    gtk_calendar_select_day (calendar, chosen);
    dg_gui_test_iterate ();
  }

  /* Monthly on the weekday of the 31st: the last one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "task_date_row"))), ==, "2026-12-31");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "task_repeat_row")), 5);
  dg_gui_test_iterate ();
  g_assert_nonnull (strstr (group_description (dialog), "last"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "task_ends_row")), 2);
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, "task_until_row")), "2026-12-01");
  dg_gui_test_iterate ();
  g_assert_true (has_error (dialog, "task_until_row"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "task_ends_row")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (dialog, "task_count_spin")), 5);
  dg_gui_test_iterate ();
  g_assert_false (has_error (dialog, "task_until_row"));

  g_assert_true (gtk_widget_activate_action (dialog, "task.save", NULL));
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG));
  for (guint i = 0; i < n_rows (page); i++)
    {
      task = dg_task_occurrence_get_task (dg_task_row_get_occurrence (row_at (page, i)));
      if (g_str_equal (dg_task_get_title (task), "Close the month"))
        break;
    }
  g_assert_cmpstr (dg_task_get_title (task), ==, "Close the month");
  g_assert_true (dg_task_is_all_day (task));
  g_assert_cmpstr (dg_task_get_due_date (task), ==, "2026-12-31");
  g_assert_nonnull (strstr (dg_task_get_rrule (task), "BYDAY=-1TH"));
  g_assert_nonnull (strstr (dg_task_get_rrule (task), "COUNT=5"));
}

/* Daily work begun long ago, never done: a screenful of rows among
 * thousands of dates. */
#define N_DAILY_TASKS 25
#define DAYS_AGO 80

static guint
count_of_type (GtkWidget *widget,
               GType      type)
{
  guint n = g_type_is_a (G_OBJECT_TYPE (widget), type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_of_type (child, type);
  return n;
}

/* Nothing is listed before the Tasks page is shown; shown, it makes rows
 * only for what fits on the screen. */
static void
drive_many_dates (DgApplication *app,
                  GtkWindow     *window)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_TASKS_PAGE);
  GtkWidget *list = dg_gui_test_find_by_name (page, "task_list");
  GtkWidget *agenda_list = dg_gui_test_find_by_name (page, "agenda_days");
  GListModel *items = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
  GtkWindow *dialog;
  GtkWidget *row;
  GtkWidget *focus;
  guint n_widgets;

  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_false (dg_tasks_page_get_loaded (DG_TASKS_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_null (gtk_widget_get_first_child (list));
  g_assert_null (gtk_widget_get_first_child (agenda_list));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "tasks");
  dg_gui_test_iterate ();
  g_assert_true (dg_tasks_page_get_loaded (DG_TASKS_PAGE (page)));
  /* Every date with its group's heading. */
  g_assert_cmpuint (g_list_model_get_n_items (items), >=, N_DAILY_TASKS * DAYS_AGO);
  n_widgets = count_of_type (list, DG_TYPE_TASK_ROW);
  g_assert_cmpuint (n_widgets, >, 0);
  /* GtkGridView keeps thirty rows of its one column and a few more. */
  g_assert_cmpuint (n_widgets, <=, 40);
  g_assert_cmpuint (n_rows (page), >=, gtk_widget_get_height (list) / 100);
  /* The agenda beside the list waits until it is shown. */
  g_assert_null (gtk_widget_get_first_child (agenda_list));

  /* The keyboard reaches a row, then its buttons. */
  row = GTK_WIDGET (row_at (page, 0));
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, row));

  /* Activating a row (Enter, a click) opens its task; a heading opens
   * nothing. */
  g_assert_true (gtk_widget_activate_action (row, "list.activate-item", "u", 0));
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG));
  g_assert_true (gtk_widget_activate_action (row, "list.activate-item", "u", 1));
  dg_gui_test_iterate ();
  dialog = dg_gui_test_find_toplevel (DG_TYPE_TASK_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
}

static void
test_many_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgTaskStore) tasks = NULL;
  g_autoptr(DgAssistant) maria = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -DAYS_AGO);
  g_autofree char *start_date = g_date_time_format (start, "%Y-%m-%d");

  g_free (database_path);
  database_path = g_build_filename (test_dir, "many.db", NULL);
  seed_database (FALSE);
  db = dg_database_open (database_path, &error);
  g_assert_no_error (error);
  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  tasks = dg_task_store_new (db, &error);
  g_assert_no_error (error);
  maria = g_list_model_get_item (G_LIST_MODEL (assistants), 0);
  for (guint i = 0; i < N_DAILY_TASKS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Daily task %u", i + 1);
      g_autoptr(DgTask) task = dg_task_new (title);

      g_object_set (task, "assistant-id", dg_assistant_get_id (maria), "due-date", start_date,
                    "due-time", "09:00", "rrule", "FREQ=DAILY", NULL);
      g_assert_true (dg_task_store_add (tasks, task, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&tasks);
  g_clear_object (&assistants);
  g_clear_object (&db);

  dg_gui_test_run_app (database_path, drive_many_dates);
}

static void
test_dialog_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgHandbookStore) handbooks = NULL;
  DgHandbook *handbook;

  g_free (database_path);
  database_path = g_build_filename (test_dir, "rules.db", NULL);
  seed_database (TRUE);

  /* A newer version after the task was assigned. */
  db = dg_database_open (database_path, &error);
  g_assert_no_error (error);
  handbooks = dg_handbook_store_new (db, &error);
  g_assert_no_error (error);
  handbook = g_list_model_get_item (G_LIST_MODEL (handbooks), 0);
  dg_handbook_insert_step (handbook, 2, dg_handbook_step_new ("File them", "", FALSE, 5));
  g_assert_true (dg_handbook_store_save (handbooks, handbook, &error));
  g_assert_cmpint (dg_handbook_store_publish (handbooks, handbook, "Filing", &error), ==, 2);
  g_object_unref (handbook);
  g_clear_object (&handbooks);
  g_clear_object (&db);

  dg_gui_test_run_app (database_path, drive_dialog_rules);
}

static void
test_calendar_exchange (void)
{
  g_free (database_path);
  database_path = g_build_filename (test_dir, "exchange.db", NULL);
  seed_database (TRUE);
  dg_gui_test_run_app (database_path, drive_calendar_exchange);
}

static void
test_weekly_task (void)
{
  g_free (database_path);
  database_path = g_build_filename (test_dir, "delegate.db", NULL);
  seed_database (FALSE);
  dg_gui_test_run_app (database_path, drive_weekly_task);
  dg_gui_test_run_app (database_path, drive_assistant_tasks);
  dg_gui_test_run_app (database_path, drive_cancel);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  test_dir = g_dir_make_tmp ("delegate-test-XXXXXX", NULL);

  g_test_add_func ("/tasks-page/weekly-task", test_weekly_task);
  g_test_add_func ("/tasks-page/calendar-exchange", test_calendar_exchange);
  g_test_add_func ("/tasks-page/dialog-rules", test_dialog_rules);
  g_test_add_func ("/tasks-page/many-dates", test_many_dates);
  return g_test_run ();
}
