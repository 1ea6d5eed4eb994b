/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-calendar-import-dialog"

#include <string.h>

#include "dg-assistant-store.h"
#include "dg-calendar-import-dialog.h"
#include "dg-gui-test.h"

#define WEEKLY_FIRST "20260323T160000"
#define WEEKLY_SECOND "20260330T160000"

typedef struct
{
  char             *dir;
  DgDatabase       *db;
  DgTaskStore      *tasks;
  DgTask           *weekly;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgAssistant) maria = dg_assistant_new ();
  g_autoptr(DgTask) weekly = dg_task_new ("Weekly report");

  fixture->dir = g_dir_make_tmp ("delegate-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "delegate.db", NULL);
  fixture->db = dg_database_open (path, &error);
  g_assert_no_error (error);
  assistants = dg_assistant_store_new (fixture->db, &error);
  g_assert_no_error (error);
  g_object_set (maria, "name", "Maria Santos", "time-zone", "Asia/Manila", "currency", "EUR", NULL);
  g_assert_true (dg_assistant_store_add (assistants, maria, &error));
  g_assert_no_error (error);

  fixture->tasks = dg_task_store_new (fixture->db, &error);
  g_assert_no_error (error);
  g_object_set (weekly,
                "assistant-id", dg_assistant_get_id (maria),
                "due-date", "2026-03-23",
                "due-time", "16:00",
                "rrule", "FREQ=WEEKLY;BYDAY=MO",
                NULL);
  g_assert_true (dg_task_store_add (fixture->tasks, weekly, &error));
  g_assert_no_error (error);
  fixture->weekly = dg_task_store_find (fixture->tasks, dg_task_get_id (weekly));
  g_assert_nonnull (fixture->weekly);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dg_gui_test_iterate ();
  g_clear_object (&fixture->tasks);
  g_clear_object (&fixture->db);
  g_free (fixture->dir);
}

/* The assistant's copy of the exported calendar: the series as it was
 * shared, the first Monday completed, and a to-do of their own that
 * Delegate never shared. */
static char *
assistant_copy (Fixture *fixture)
{
  const char *uid = dg_task_get_uid (fixture->weekly);

  return g_strconcat ("BEGIN:VCALENDAR\r\n"
                      "VERSION:2.0\r\n"
                      "PRODID:-//Example//Assistant Calendar//EN\r\n"
                      "BEGIN:VTODO\r\n"
                      "UID:", uid, "\r\n"
                      "DTSTAMP:20260324T080000Z\r\n"
                      "SUMMARY:Weekly report\r\n"
                      "DTSTART;TZID=Asia/Manila:20260323T160000\r\n"
                      "DUE;TZID=Asia/Manila:20260323T160000\r\n"
                      "RRULE:FREQ=WEEKLY;BYDAY=MO\r\n"
                      "STATUS:NEEDS-ACTION\r\n"
                      "END:VTODO\r\n"
                      "BEGIN:VTODO\r\n"
                      "UID:", uid, "\r\n"
                      "RECURRENCE-ID;TZID=Asia/Manila:" WEEKLY_FIRST "\r\n"
                      "DTSTAMP:20260324T080000Z\r\n"
                      "SUMMARY:Weekly report\r\n"
                      "DUE;TZID=Asia/Manila:20260323T160000\r\n"
                      "STATUS:COMPLETED\r\n"
                      "COMPLETED:20260323T073000Z\r\n"
                      "PERCENT-COMPLETE:100\r\n"
                      "END:VTODO\r\n"
                      "BEGIN:VTODO\r\n"                      /* line 23 */
                      "UID:own-todo-17@example.com\r\n"
                      "DTSTAMP:20260324T080000Z\r\n"
                      "SUMMARY:Water the office plants\r\n"
                      "STATUS:COMPLETED\r\n"
                      "END:VTODO\r\n"
                      "END:VCALENDAR\r\n",
                      NULL);
}

static DgCalendarImport *
prepare (Fixture *fixture)
{
  g_autofree char *text = assistant_copy (fixture);
  g_autoptr(GError) error = NULL;
  DgCalendarImport *import = dg_calendar_import_prepare (fixture->tasks, text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static DgTaskStatus
stored_status (Fixture    *fixture,
               const char *recurrence_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTaskOccurrence) occurrence = dg_task_store_get_occurrence (fixture->tasks, fixture->weekly,
                                                                         recurrence_id, &error);

  g_assert_no_error (error);
  return dg_task_occurrence_get_status (occurrence);
}

static GtkWidget *
child (GtkWidget  *dialog,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (dialog, DG_TYPE_CALENDAR_IMPORT_DIALOG, name));

  g_assert_nonnull (widget);
  return widget;
}

static GList *
rows_named (GtkWidget  *list,
            const char *name)
{
  GList *found = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      found = g_list_append (found, row);
  return found;
}

static void
on_applied (DgCalendarImportDialog *dialog,
            guint                  *count)
{
  (*count)++;
}

static GtkWidget *
open_dialog (DgCalendarImport *import,
             guint            *applied)
{
  GtkWidget *dialog = GTK_WIDGET (dg_calendar_import_dialog_new (NULL, import));

  g_signal_connect (dialog, "applied", G_CALLBACK (on_applied), applied);
  gtk_window_present (GTK_WINDOW (dialog));
  dg_gui_test_iterate ();
  return dialog;
}

static void
screenshot (GtkWidget  *dialog,
            const char *name)
{
  const char *dir = g_getenv ("DG_TEST_OUTPUT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  /* The window, with its background: the dark style shows as it is. */
  g_assert_cmpint (dg_gui_test_render_png (dialog, path), >, 300);
}

static void
test_applies_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DgCalendarImport) import = prepare (fixture);
  guint applied = 0;
  GtkWidget *dialog = open_dialog (import, &applied);
  GtkWidget *apply_button = child (dialog, "apply_button");
  g_autoptr(GList) changes = rows_named (child (dialog, "change_list"), "change_row");
  g_autoptr(GList) skipped = rows_named (child (dialog, "skipped_list"), "skipped_row");
  g_autofree char *summary = dg_calendar_import_describe (import);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "summary_label"))), ==, summary);

  /* Only what changes: the series itself is as it was shared. */
  g_assert_cmpuint (g_list_length (changes), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (changes->data), ==, "Weekly report");
  g_assert_cmpstr (adw_action_row_get_subtitle (changes->data), ==, "Monday, 23 March 2026 · Open → Done");

  g_assert_cmpuint (g_list_length (skipped), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (skipped->data), ==, "Water the office plants");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (skipped->data), "Line 23 · "));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (skipped->data), ==, "own-todo-17@example.com");

  g_assert_true (gtk_widget_get_sensitive (apply_button));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == apply_button);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (dialog, "error_revealer"))));
  screenshot (dialog, "test-calendar-import-dialog.png");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (apply_button, "clicked");
  dg_gui_test_iterate ();

  /* Written, announced and closed; the next Monday untouched. */
  g_assert_cmpuint (applied, ==, 1);
  g_assert_null (dialog);
  g_assert_cmpint (stored_status (fixture, WEEKLY_FIRST), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (stored_status (fixture, WEEKLY_SECOND), ==, DG_TASK_STATUS_OPEN);
}

static void
test_nothing_to_apply (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DgCalendarImport) import = NULL;
  g_autoptr(GError) error = NULL;
  guint applied = 0;
  GtkWidget *dialog;
  g_autoptr(GList) skipped = NULL;

  /* Already done in Delegate: the file says nothing new. */
  g_assert_true (dg_task_store_set_status (fixture->tasks, fixture->weekly, WEEKLY_FIRST, DG_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);
  import = prepare (fixture);
  g_assert_cmpuint (dg_calendar_import_get_changes (import)->len, ==, 0);

  dialog = open_dialog (import, &applied);
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "apply_button")));
  g_assert_null (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  g_assert_false (gtk_widget_get_visible (child (dialog, "changes_group")));
  skipped = rows_named (child (dialog, "skipped_list"), "skipped_row");
  g_assert_cmpuint (g_list_length (skipped), ==, 1);

  /* Escape closes it, and nothing was applied. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  dg_gui_test_iterate ();
  g_assert_null (dialog);
  g_assert_cmpuint (applied, ==, 0);
}

static void
test_failure_keeps_dialog (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DgCalendarImport) import = prepare (fixture);
  g_autoptr(GError) error = NULL;
  guint applied = 0;
  GtkWidget *dialog = open_dialog (import, &applied);
  GtkWidget *error_label = child (dialog, "error_label");

  /* The task went away while the preview was open. */
  g_assert_true (dg_task_store_delete (fixture->tasks, fixture->weekly, &error));
  g_assert_no_error (error);
  fixture->weekly = NULL;

  g_signal_emit_by_name (child (dialog, "apply_button"), "clicked");
  dg_gui_test_iterate ();

  g_assert_cmpuint (applied, ==, 0);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (dialog, "error_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  /* Slid in completely before the picture is taken. */
  while (!gtk_revealer_get_child_revealed (GTK_REVEALER (child (dialog, "error_revealer"))))
    g_main_context_iteration (NULL, TRUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  dg_gui_test_iterate ();
  screenshot (dialog, "test-calendar-import-dialog-error-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/calendar-import-dialog/applies-changes", test_applies_changes);
  ADD ("/calendar-import-dialog/nothing-to-apply", test_nothing_to_apply);
  ADD ("/calendar-import-dialog/failure-keeps-dialog", test_failure_keeps_dialog);
#undef ADD
  return g_test_run ();
}
