/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-task-dialog"

#include <string.h>

#include "dg-assistant-store.h"
#include "dg-form-row.h"
#include "dg-gui-test.h"
#include "dg-handbook-store.h"
#include "dg-task-dialog.h"
#include "dg-validation.h"

#define ZONE "Asia/Manila"
/* A weekly series on Mondays and Wednesdays from Monday, 23 March 2026. */
#define FIRST_MONDAY "20260323T160000"
#define FIRST_WEDNESDAY "20260325T160000"
#define SECOND_MONDAY "20260330T160000"
#define SECOND_WEDNESDAY "20260401T160000"

/* In the order of the repeat row's items. */
enum { REPEAT_NEVER, REPEAT_DAILY, REPEAT_WEEKDAYS, REPEAT_WEEKLY, REPEAT_MONTHLY_DAY,
       REPEAT_MONTHLY_WEEKDAY, REPEAT_CUSTOM };

typedef struct
{
  char             *dir;
  DgDatabase       *db;
  DgAssistantStore *assistants;
  DgHandbookStore  *handbooks;
  DgTaskStore      *tasks;
  gint64            assistant_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DgAssistant) maria = dg_assistant_new ();

  fixture->dir = g_dir_make_tmp ("delegate-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "delegate.db", NULL);
  fixture->db = dg_database_open (path, &error);
  g_assert_no_error (error);
  fixture->assistants = dg_assistant_store_new (fixture->db, &error);
  g_assert_no_error (error);
  g_object_set (maria, "name", "Maria Santos", "time-zone", ZONE, "currency", "EUR", NULL);
  g_assert_true (dg_assistant_store_add (fixture->assistants, maria, &error));
  g_assert_no_error (error);
  fixture->assistant_id = dg_assistant_get_id (maria);
  fixture->handbooks = dg_handbook_store_new (fixture->db, &error);
  g_assert_no_error (error);
  fixture->tasks = dg_task_store_new (fixture->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window;

  while ((window = dg_gui_test_find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
  dg_gui_test_iterate ();
  g_clear_object (&fixture->tasks);
  g_clear_object (&fixture->handbooks);
  g_clear_object (&fixture->assistants);
  g_clear_object (&fixture->db);
  g_free (fixture->dir);
}

static DgTask *
add_task (Fixture    *fixture,
          const char *title,
          const char *due_date,
          const char *rrule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTask) task = dg_task_new (title);

  g_object_set (task, "assistant-id", fixture->assistant_id, "due-date", due_date,
                "due-time", "16:00", "time-zone", ZONE, "rrule", rrule, NULL);
  g_assert_true (dg_task_store_add (fixture->tasks, task, &error));
  g_assert_no_error (error);
  return dg_task_store_find (fixture->tasks, dg_task_get_id (task));
}

static void
set_status (Fixture      *fixture,
            DgTask       *task,
            const char   *recurrence_id,
            DgTaskStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_task_store_set_status (fixture->tasks, task, recurrence_id, status, &error));
  g_assert_no_error (error);
}

static DgTaskStatus
stored_status (Fixture    *fixture,
               DgTask     *task,
               const char *recurrence_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTaskOccurrence) occurrence = dg_task_store_get_occurrence (fixture->tasks, task, recurrence_id, &error);

  g_assert_no_error (error);
  return dg_task_occurrence_get_status (occurrence);
}

static guint
n_overrides (Fixture *fixture,
             DgTask  *task)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overrides = dg_task_store_list_overrides (fixture->tasks, task, &error);

  g_assert_no_error (error);
  return overrides->len;
}

static GtkWidget *
open_dialog (Fixture *fixture,
             DgTask  *task)
{
  GtkWidget *dialog = GTK_WIDGET (dg_task_dialog_new (NULL, fixture->tasks, fixture->assistants,
                                                      fixture->handbooks, task));

  gtk_window_present (GTK_WINDOW (dialog));
  dg_gui_test_iterate ();
  return dialog;
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
set_text (GtkWidget  *dialog,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (dialog, name)), text);
  dg_gui_test_iterate ();
}

static gboolean
is_active (GtkWidget  *dialog,
           const char *name)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (field (dialog, name)));
}

static AdwMessageDialog *
message_dialog (void)
{
  GtkWindow *window = dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return window != NULL ? ADW_MESSAGE_DIALOG (window) : NULL;
}

static void
answer (const char *response)
{
  AdwMessageDialog *dialog = message_dialog ();

  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  dg_gui_test_iterate ();
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("DG_TEST_OUTPUT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (dg_gui_test_render_png (widget, path), >, 300);
}

/* Leaving Wednesdays out of the series drops what was recorded for two of
 * them: the dialog says how many before anything changes; Cancel keeps it
 * all, and agreeing drops those two only. */
static void
test_schedule_change (Fixture       *fixture,
                      gconstpointer  data)
{
  DgTask *task = add_task (fixture, "Weekly report", "2026-03-23", "FREQ=WEEKLY;BYDAY=MO,WE");
  GtkWidget *dialog;
  AdwMessageDialog *question;

  set_status (fixture, task, FIRST_MONDAY, DG_TASK_STATUS_DONE);
  set_status (fixture, task, FIRST_WEDNESDAY, DG_TASK_STATUS_SKIPPED);
  set_status (fixture, task, SECOND_WEDNESDAY, DG_TASK_STATUS_DONE);

  dialog = open_dialog (fixture, task);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (dialog, "task_repeat_row"))), ==, REPEAT_WEEKLY);
  g_assert_true (is_active (dialog, "task_monday_button"));
  g_assert_true (is_active (dialog, "task_wednesday_button"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field (dialog, "task_wednesday_button")), FALSE);
  dg_gui_test_iterate ();

  g_assert_true (gtk_widget_activate_action (dialog, "task.save", NULL));
  dg_gui_test_iterate ();
  question = message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==,
                   "2 dates marked done or skipped are not part of the new schedule and their status will be removed.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (question, "change-schedule"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  screenshot (GTK_WIDGET (question), "test-task-dialog-schedule-change.png");

  /* Cancel: nothing written, the form stays open to be changed. */
  answer ("cancel");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (dg_task_get_rrule (task), ==, "FREQ=WEEKLY;BYDAY=MO,WE");
  g_assert_cmpuint (n_overrides (fixture, task), ==, 3);
  g_assert_cmpint (stored_status (fixture, task, FIRST_WEDNESDAY), ==, DG_TASK_STATUS_SKIPPED);

  g_assert_true (gtk_widget_activate_action (dialog, "task.save", NULL));
  dg_gui_test_iterate ();
  answer ("change-schedule");
  g_assert_null (message_dialog ());
  g_assert_null (dialog);
  g_assert_cmpstr (dg_task_get_rrule (task), ==, "FREQ=WEEKLY;BYDAY=MO");
  g_assert_cmpuint (n_overrides (fixture, task), ==, 1);
  g_assert_cmpint (stored_status (fixture, task, FIRST_MONDAY), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (stored_status (fixture, task, SECOND_MONDAY), ==, DG_TASK_STATUS_OPEN);
}

/* A new time of day keeps every status on its date: nothing to ask. */
static void
test_time_change_asks_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  DgTask *task = add_task (fixture, "Weekly report", "2026-03-23", "FREQ=WEEKLY;BYDAY=MO,WE");
  GtkWidget *dialog;

  set_status (fixture, task, FIRST_WEDNESDAY, DG_TASK_STATUS_DONE);
  dialog = open_dialog (fixture, task);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  set_text (dialog, "task_time_row", "17:30");
  g_assert_true (gtk_widget_activate_action (dialog, "task.save", NULL));
  dg_gui_test_iterate ();

  g_assert_null (message_dialog ());
  g_assert_null (dialog);
  g_assert_cmpstr (dg_task_get_due_time (task), ==, "17:30");
  g_assert_cmpint (stored_status (fixture, task, "20260325T173000"), ==, DG_TASK_STATUS_DONE);
}

/* What core says of a series that does not start on one of its dates. */
static char *
refusal_of (Fixture    *fixture,
            const char *due_date,
            const char *rrule)
{
  g_autoptr(DgTask) task = dg_task_new ("Weekly report");
  g_autoptr(GError) error = NULL;

  g_object_set (task, "assistant-id", fixture->assistant_id, "due-date", due_date,
                "due-time", "09:00", "time-zone", ZONE, "rrule", rrule, NULL);
  if (dg_task_validate (task, &error))
    return NULL;
  return g_strdup (error->message);
}

static void
assert_date_refused (GtkWidget  *dialog,
                     const char *message)
{
  g_assert_true (gtk_widget_has_css_class (field (dialog, "task_date_row"), "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (field (dialog, "task_date_row")), ==, message);
  g_assert_true (gtk_widget_get_visible (field (dialog, "task_due_errors")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (field (dialog, "task_due_errors"))), ==, message);
  g_assert_false (gtk_widget_get_visible (field (dialog, "task_repeat_errors")));
  g_assert_false (gtk_widget_get_sensitive (field (dialog, "task_save_button")));
}

static void
assert_no_error (GtkWidget *dialog)
{
  g_assert_false (gtk_widget_has_css_class (field (dialog, "task_date_row"), "error"));
  g_assert_false (gtk_widget_get_visible (field (dialog, "task_due_errors")));
  g_assert_false (gtk_widget_get_visible (field (dialog, "task_repeat_errors")));
  g_assert_true (gtk_widget_get_sensitive (field (dialog, "task_save_button")));
}

/* Weekly follows the due date's day, so the common case just works; a
 * first date the rule leaves out is refused beside the date, in core's
 * words, and Create stays off until it is one of the rule's. */
static void
test_first_date (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *friday = refusal_of (fixture, "2026-12-04", "FREQ=WEEKLY;BYDAY=MO,TH");
  g_autofree char *wednesday = refusal_of (fixture, "2026-12-02", "FREQ=WEEKLY;BYDAY=MO");
  GtkWidget *dialog;

  g_assert_nonnull (friday);
  g_assert_nonnull (wednesday);
  dialog = open_dialog (fixture, NULL);
  set_text (dialog, "task_title_row", "Weekly report");
  set_text (dialog, "task_date_row", "2026-12-02");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "task_repeat_row")), REPEAT_WEEKLY);
  dg_gui_test_iterate ();
  g_assert_true (is_active (dialog, "task_wednesday_button"));
  assert_no_error (dialog);

  /* The day the dialog chose moves with the date. */
  set_text (dialog, "task_date_row", "2026-12-03");
  g_assert_true (is_active (dialog, "task_thursday_button"));
  g_assert_false (is_active (dialog, "task_wednesday_button"));
  assert_no_error (dialog);

  /* Days the owner chose besides it stay. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field (dialog, "task_monday_button")), TRUE);
  dg_gui_test_iterate ();
  set_text (dialog, "task_date_row", "2026-12-04");
  g_assert_true (is_active (dialog, "task_monday_button"));
  g_assert_true (is_active (dialog, "task_thursday_button"));
  g_assert_false (is_active (dialog, "task_friday_button"));
  assert_date_refused (dialog, friday);
  screenshot (dialog, "test-task-dialog-first-date.png");

  set_text (dialog, "task_date_row", "2026-12-07");
  assert_no_error (dialog);

  /* Days the owner takes away are not put back. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field (dialog, "task_monday_button")), FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field (dialog, "task_thursday_button")), FALSE);
  dg_gui_test_iterate ();
  g_assert_false (is_active (dialog, "task_monday_button"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (field (dialog, "task_repeat_errors"))), ==,
                   "Choose at least one day of the week.");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field (dialog, "task_monday_button")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field (dialog, "task_thursday_button")), TRUE);
  dg_gui_test_iterate ();
  assert_no_error (dialog);

  /* A rule typed by hand: the same, beside the date. It starts from the
   * rule the presets made, and can be emptied to type another. */
  set_text (dialog, "task_date_row", "2026-12-02");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "task_repeat_row")), REPEAT_CUSTOM);
  dg_gui_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "task_rrule_row"))), ==,
                   "FREQ=WEEKLY;BYDAY=MO,TH");
  set_text (dialog, "task_rrule_row", "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (dialog, "task_rrule_row"))), ==, "");
  set_text (dialog, "task_rrule_row", "FREQ=WEEKLY;BYDAY=MO");
  assert_date_refused (dialog, wednesday);
  g_assert_false (gtk_widget_has_css_class (field (dialog, "task_rrule_row"), "error"));
  g_assert_false (dg_task_dialog_save (DG_TASK_DIALOG (dialog)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->tasks)), ==, 0);

  /* Once, nothing to match. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (dialog, "task_repeat_row")), REPEAT_NEVER);
  dg_gui_test_iterate ();
  assert_no_error (dialog);
}

/* Delete asks first, saying it cannot be undone; keeping the task keeps it. */
static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  DgTask *task = add_task (fixture, "Quarterly filing", "2026-04-10", "");
  gint64 id = dg_task_get_id (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTaskStore) reader = NULL;
  GtkWidget *dialog = open_dialog (fixture, task);
  GtkWidget *button = field (dialog, "task_delete_task_button");
  AdwMessageDialog *question;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_has_css_class (button, "destructive-action"));
  screenshot (gtk_widget_get_parent (button), "test-task-dialog-status-buttons.png");

  g_signal_emit_by_name (button, "clicked");
  dg_gui_test_iterate ();
  question = message_dialog ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Delete the Task?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "“Quarterly filing”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "cannot be undone"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "cancel the task instead"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (question, "delete-task"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  answer ("cancel");
  g_assert_nonnull (dialog);
  g_assert_true (dg_task_store_find (fixture->tasks, id) == task);

  g_assert_true (gtk_widget_activate_action (dialog, "task.delete", NULL));
  dg_gui_test_iterate ();
  answer ("delete-task");
  g_assert_null (dialog);
  g_assert_null (dg_task_store_find (fixture->tasks, id));
  /* Gone from the database too. */
  reader = dg_task_store_new (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reader)), ==, 0);
}

/* Records that refer to the task keep it: the dialog says so, offers to
 * cancel it instead, and stays open. */
static void
test_delete_in_use (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char create_sql[] = "CREATE TABLE test_hours (task_id INTEGER REFERENCES tasks (id))";
  static const char insert_sql[] = "INSERT INTO test_hours (task_id) VALUES (?1)";
  DgTask *task = add_task (fixture, "Quarterly filing", "2026-04-10", "");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  sqlite3_stmt *stmt;
  GtkWidget *dialog;
  GtkLabel *toast_label;

  stmt = dg_database_prepare (fixture->db, create_sql, &error);
  g_assert_no_error (error);
  g_assert_true (dg_database_execute (fixture->db, stmt, &error));
  stmt = dg_database_prepare (fixture->db, insert_sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, dg_task_get_id (task));
  g_assert_true (dg_database_execute (fixture->db, stmt, &error));
  g_assert_no_error (error);

  dialog = open_dialog (fixture, task);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "task.delete", NULL));
  dg_gui_test_iterate ();
  answer ("delete-task");

  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_sensitive (dialog));
  g_assert_true (dg_task_store_find (fixture->tasks, dg_task_get_id (task)) == task);
  message = g_strdup_printf ("“%s” cannot be deleted because recorded hours or invoices refer to it. Cancel the task instead.",
                             dg_task_get_title (task));
  toast_label = find_label (dialog, message);
  g_assert_nonnull (toast_label);
  g_assert_nonnull (find_label (dialog, "Cancel Task…"));
}

/* The shared marking of form rows: style, tooltip, and the group's label
 * listing the messages in the order the rows were marked. */
static void
test_form_row_errors (void)
{
  GtkWidget *first = g_object_ref_sink (adw_entry_row_new ());
  GtkWidget *second = g_object_ref_sink (adw_entry_row_new ());
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(GError) wrong = g_error_new_literal (DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID, "Wrong.");
  g_autoptr(GError) missing = g_error_new_literal (DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED, "Missing.");
  g_autoptr(GError) other = g_error_new_literal (DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID, "Other.");

  gtk_widget_set_visible (label, FALSE);
  dg_form_row_set_error (first, GTK_LABEL (label), wrong);
  g_assert_true (gtk_widget_has_css_class (first, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (first), ==, "Wrong.");
  g_assert_cmpstr (dg_form_row_get_error (first), ==, "Wrong.");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Wrong.");

  dg_form_row_set_error (second, GTK_LABEL (label), missing);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Wrong.\nMissing.");
  /* A new message keeps the row's place. */
  dg_form_row_set_error (first, GTK_LABEL (label), other);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Other.\nMissing.");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (first), ==, "Other.");

  dg_form_row_set_error (first, GTK_LABEL (label), NULL);
  g_assert_false (gtk_widget_has_css_class (first, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (first));
  g_assert_null (dg_form_row_get_error (first));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Missing.");
  g_assert_true (gtk_widget_has_css_class (second, "error"));

  dg_form_row_set_error (second, GTK_LABEL (label), NULL);
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_false (gtk_widget_has_css_class (second, "error"));

  /* Without a label: the row alone. */
  dg_form_row_set_error (second, NULL, wrong);
  g_assert_true (gtk_widget_has_css_class (second, "error"));
  g_assert_false (gtk_widget_get_visible (label));

  g_object_unref (label);
  g_object_unref (second);
  g_object_unref (first);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/task-dialog/schedule-change", test_schedule_change);
  ADD ("/task-dialog/time-change-asks-nothing", test_time_change_asks_nothing);
  ADD ("/task-dialog/first-date", test_first_date);
  ADD ("/task-dialog/delete", test_delete);
  ADD ("/task-dialog/delete-in-use", test_delete_in_use);
#undef ADD
  g_test_add_func ("/task-dialog/form-row-errors", test_form_row_errors);
  return g_test_run ();
}
