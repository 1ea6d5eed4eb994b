/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-time-grid-dialog"

#include <string.h>

#include "dg-assistant-store.h"
#include "dg-form-row.h"
#include "dg-gui-test.h"
#include "dg-task-store.h"
#include "dg-time-grid-dialog.h"

/* Monday 2 March 2026: the week the grid shows. */
#define WEEK_YEAR  2026
#define WEEK_MONTH G_DATE_MARCH
#define WEEK_DAY   2

/* The rows: the assistant's task, then hours without a task. */
#define ROW_TASK    0
#define ROW_NO_TASK 1

typedef struct
{
  char             *dir;
  DgDatabase       *db;
  DgAssistantStore *assistants;
  DgTimesheetStore *store;
  gint64            maria_id;
  gint64            ben_id;
  gint64            task_id;
  GDate             week_start;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DgAssistant) maria = dg_assistant_new ();
  g_autoptr(DgAssistant) ben = dg_assistant_new ();
  g_autoptr(DgTaskStore) tasks = NULL;
  g_autoptr(DgTask) report = dg_task_new ("Weekly report");

  fixture->dir = g_dir_make_tmp ("delegate-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "delegate.db", NULL);
  fixture->db = dg_database_open (path, &error);
  g_assert_no_error (error);
  fixture->assistants = dg_assistant_store_new (fixture->db, &error);
  g_assert_no_error (error);
  g_object_set (maria, "name", "Maria Santos", "time-zone", "Europe/Berlin", "currency", "EUR", NULL);
  g_assert_true (dg_assistant_store_add (fixture->assistants, maria, &error));
  g_assert_no_error (error);
  fixture->maria_id = dg_assistant_get_id (maria);
  /* First in the list by name; the grid is opened on Maria. */
  g_object_set (ben, "name", "Ben Carter", "time-zone", "America/New_York", "currency", "USD", NULL);
  g_assert_true (dg_assistant_store_add (fixture->assistants, ben, &error));
  g_assert_no_error (error);
  fixture->ben_id = dg_assistant_get_id (ben);

  tasks = dg_task_store_new (fixture->db, &error);
  g_assert_no_error (error);
  g_object_set (report, "assistant-id", fixture->maria_id, "due-date", "2026-03-06", NULL);
  g_assert_true (dg_task_store_add (tasks, report, &error));
  g_assert_no_error (error);
  fixture->task_id = dg_task_get_id (report);

  fixture->store = dg_timesheet_store_new (fixture->db);
  g_date_clear (&fixture->week_start, 1);
  g_date_set_dmy (&fixture->week_start, WEEK_DAY, WEEK_MONTH, WEEK_YEAR);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dg_gui_test_iterate ();
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->assistants);
  g_clear_object (&fixture->db);
  g_free (fixture->dir);
}

static GtkWidget *
open_dialog (Fixture *fixture)
{
  GtkWidget *dialog = GTK_WIDGET (dg_time_grid_dialog_new (NULL, fixture->store, fixture->assistants,
                                                           fixture->maria_id, &fixture->week_start));

  gtk_window_present (GTK_WINDOW (dialog));
  dg_gui_test_iterate ();
  return dialog;
}

static GtkWidget *
named (GtkWidget  *dialog,
       const char *name)
{
  GtkWidget *widget = dg_gui_test_find_by_name (dialog, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
cell (GtkWidget *dialog,
      guint      row,
      guint      day)
{
  g_autofree char *name = g_strdup_printf ("cell_%u_%u", row, day);
  GtkWidget *entry = named (dialog, name);

  g_assert_true (GTK_IS_ENTRY (entry));
  return entry;
}

static const char *
cell_text (GtkWidget *dialog,
           guint      row,
           guint      day)
{
  return gtk_editable_get_text (GTK_EDITABLE (cell (dialog, row, day)));
}

static void
type_and_press_enter (GtkWidget  *entry,
                      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  dg_gui_test_iterate ();
}

/* The entry of the cell with the focus. */
static GtkWidget *
focused_entry (GtkWidget *dialog)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  return focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
}

/* The minutes of manual entries for @task_id (0: none) on day @day of the
 * week, and how many entries hold them. */
static gint64
stored_minutes (Fixture *fixture,
                gint64   task_id,
                guint    day,
                guint   *n_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = dg_timesheet_store_list_week_entries (fixture->store, fixture->maria_id,
                                                                      &fixture->week_start, &error);
  GDate date = fixture->week_start;
  char iso[16];
  gint64 minutes = 0;
  guint n = 0;

  g_assert_no_error (error);
  g_date_add_days (&date, day);
  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  for (guint i = 0; i < entries->len; i++)
    {
      DgTimeEntry *entry = g_ptr_array_index (entries, i);

      if (dg_time_entry_get_task_id (entry) == task_id &&
          g_str_equal (dg_time_entry_get_local_date (entry), iso) &&
          g_str_equal (dg_time_entry_get_source (entry), DG_TIME_ENTRY_SOURCE_MANUAL))
        {
          minutes += dg_time_entry_get_minutes (entry);
          n++;
        }
    }
  if (n_entries != NULL)
    *n_entries = n;
  return minutes;
}

static guint
count_entries_of (Fixture *fixture,
                  gint64   assistant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = dg_timesheet_store_list_week_entries (fixture->store, assistant_id,
                                                                      &fixture->week_start, &error);

  g_assert_no_error (error);
  return entries->len;
}

static guint
count_entries (Fixture *fixture)
{
  return count_entries_of (fixture, fixture->maria_id);
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
  g_assert_cmpint (dg_gui_test_render_png (dialog, path), >, 300);
}

static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);

  /* The task, then hours without a task; seven days each. */
  g_assert_nonnull (dg_gui_test_find_by_name (dialog, "cell_1_6"));
  g_assert_null (dg_gui_test_find_by_name (dialog, "cell_2_0"));
  g_assert_null (dg_gui_test_find_by_name (dialog, "cell_0_7"));
  g_assert_cmpstr (cell_text (dialog, ROW_TASK, 0), ==, "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (dialog, "row_total_0"))), ==, "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (dialog, "day_total_0"))), ==, "0:00");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (dialog, "week_total"))), ==, "0:00");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_typing_saves (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);
  guint n = 0;

  /* Every way of writing an hour and a half. */
  type_and_press_enter (cell (dialog, ROW_TASK, 0), "1:30");
  type_and_press_enter (cell (dialog, ROW_TASK, 1), "1.5");
  type_and_press_enter (cell (dialog, ROW_NO_TASK, 2), "90m");
  type_and_press_enter (cell (dialog, ROW_NO_TASK, 3), "1,5");

  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 0, &n), ==, 90);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 1, &n), ==, 90);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (stored_minutes (fixture, 0, 2, &n), ==, 90);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (stored_minutes (fixture, 0, 3, &n), ==, 90);
  g_assert_cmpuint (count_entries (fixture), ==, 4);

  /* Written back the one way. */
  g_assert_cmpstr (cell_text (dialog, ROW_TASK, 0), ==, "1:30");
  g_assert_cmpstr (cell_text (dialog, ROW_TASK, 1), ==, "1:30");
  g_assert_cmpstr (cell_text (dialog, ROW_NO_TASK, 2), ==, "1:30");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (dialog, "row_total_0"))), ==, "3:00");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (dialog, "day_total_2"))), ==, "1:30");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (dialog, "week_total"))), ==, "6:00");

  /* A new value replaces the cell's hours rather than adding to them. */
  type_and_press_enter (cell (dialog, ROW_TASK, 0), "2h");
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 0, &n), ==, 120);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (cell_text (dialog, ROW_TASK, 0), ==, "2:00");

  /* Clearing a cell removes its entry. */
  type_and_press_enter (cell (dialog, ROW_TASK, 0), "");
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 0, &n), ==, 0);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (count_entries (fixture), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (dialog, "week_total"))), ==, "4:30");

  screenshot (dialog, "test-time-grid-dialog.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_focus_leave_saves (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);
  GtkWidget *first = cell (dialog, ROW_TASK, 4);

  g_assert_true (gtk_widget_grab_focus (first));
  gtk_editable_set_text (GTK_EDITABLE (first), "45m");
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 4, NULL), ==, 0);

  /* Leaving the cell saves it. */
  g_assert_true (gtk_widget_grab_focus (cell (dialog, ROW_TASK, 5)));
  dg_gui_test_iterate ();
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 4, NULL), ==, 45);
  g_assert_cmpstr (cell_text (dialog, ROW_TASK, 4), ==, "0:45");
  g_assert_true (focused_entry (dialog) == cell (dialog, ROW_TASK, 5));

  /* So does closing the window with the focus in a cell. */
  gtk_editable_set_text (GTK_EDITABLE (cell (dialog, ROW_TASK, 5)), "0:20");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  dg_gui_test_iterate ();
  g_assert_null (dialog);
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 5, NULL), ==, 20);
}

static void
test_invalid_text (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);
  GtkWidget *entry = cell (dialog, ROW_TASK, 0);
  GtkWidget *errors = named (dialog, "grid_cell_errors");

  type_and_press_enter (entry, "abc");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (dg_form_row_get_error (entry));
  /* The message under the grid names the cell and quotes the text. */
  g_assert_true (gtk_widget_get_visible (errors));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (errors)), "Weekly report, Monday 2 March: "));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (errors)), "abc"));
  g_assert_cmpstr (cell_text (dialog, ROW_TASK, 0), ==, "abc");
  g_assert_cmpuint (count_entries (fixture), ==, 0);

  /* More than a day in a cell is refused as well. */
  type_and_press_enter (cell (dialog, ROW_TASK, 1), "25:00");
  g_assert_true (gtk_widget_has_css_class (cell (dialog, ROW_TASK, 1), "error"));
  g_assert_cmpuint (count_entries (fixture), ==, 0);

  /* Corrected, the marks go and the hours are saved. */
  type_and_press_enter (entry, "1:00");
  type_and_press_enter (cell (dialog, ROW_TASK, 1), "");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_has_css_class (cell (dialog, ROW_TASK, 1), "error"));
  g_assert_false (gtk_widget_get_visible (errors));
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 0, NULL), ==, 60);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Closing with text that is not a duration: the window stays on that
 * cell and says why; nothing of it is saved. */
static void
test_close_with_invalid_text (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);
  GtkWidget *error_revealer = gtk_widget_get_ancestor (named (dialog, "grid_error"), GTK_TYPE_REVEALER);
  GtkWidget *invalid = cell (dialog, ROW_TASK, 0);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* "abc" typed, the focus still in the cell. */
  g_assert_true (gtk_widget_grab_focus (invalid));
  gtk_editable_set_text (GTK_EDITABLE (invalid), "abc");
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  dg_gui_test_iterate ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (gtk_widget_has_css_class (invalid, "error"));
  g_assert_true (focused_entry (dialog) == invalid);
  g_assert_cmpstr (cell_text (dialog, ROW_TASK, 0), ==, "abc");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (dialog, "grid_error"))), ==,
                   "1 marked cell is not saved. Correct it, or close the window again to leave it out.");
  g_assert_cmpuint (count_entries (fixture), ==, 0);

  /* Corrected, the message goes and closing saves it. */
  gtk_editable_set_text (GTK_EDITABLE (invalid), "1:00");
  g_signal_emit_by_name (invalid, "activate");
  dg_gui_test_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  dg_gui_test_iterate ();
  g_assert_null (dialog);
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 0, NULL), ==, 60);

  /* A marked cell the focus has left, another cell with good hours
   * focused: the good hours are saved, the window goes to the marked
   * cell. */
  dialog = open_dialog (fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  type_and_press_enter (cell (dialog, ROW_TASK, 1), "abc");
  g_assert_true (gtk_widget_grab_focus (cell (dialog, ROW_NO_TASK, 2)));
  gtk_editable_set_text (GTK_EDITABLE (cell (dialog, ROW_NO_TASK, 2)), "0:30");
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  dg_gui_test_iterate ();
  g_assert_nonnull (dialog);
  g_assert_true (focused_entry (dialog) == cell (dialog, ROW_TASK, 1));
  g_assert_cmpint (stored_minutes (fixture, 0, 2, NULL), ==, 30);
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 1, NULL), ==, 0);

  /* Closing again, told: the window goes, the text is left out. */
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  dg_gui_test_iterate ();
  g_assert_null (dialog);
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 1, NULL), ==, 0);
  g_assert_cmpuint (count_entries (fixture), ==, 2);
}

static gboolean
press_key (GtkWidget *entry,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
          if (handled)
            break;
        }
    }
  dg_gui_test_iterate ();
  return handled;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);

  /* Tab and Shift+Tab go along a row, then to the next row. */
  g_assert_true (gtk_widget_grab_focus (cell (dialog, ROW_TASK, 0)));
  g_assert_true (gtk_widget_child_focus (dialog, GTK_DIR_TAB_FORWARD));
  g_assert_true (focused_entry (dialog) == cell (dialog, ROW_TASK, 1));
  g_assert_true (gtk_widget_grab_focus (cell (dialog, ROW_TASK, 6)));
  g_assert_true (gtk_widget_child_focus (dialog, GTK_DIR_TAB_FORWARD));
  g_assert_true (focused_entry (dialog) == cell (dialog, ROW_NO_TASK, 0));
  g_assert_true (gtk_widget_child_focus (dialog, GTK_DIR_TAB_BACKWARD));
  g_assert_true (focused_entry (dialog) == cell (dialog, ROW_TASK, 6));

  /* Down and Up stay on the day, saving the cell left. */
  g_assert_true (gtk_widget_grab_focus (cell (dialog, ROW_TASK, 3)));
  gtk_editable_set_text (GTK_EDITABLE (cell (dialog, ROW_TASK, 3)), "30m");
  g_assert_true (press_key (cell (dialog, ROW_TASK, 3), GDK_KEY_Down));
  g_assert_true (focused_entry (dialog) == cell (dialog, ROW_NO_TASK, 3));
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 3, NULL), ==, 30);
  g_assert_true (press_key (cell (dialog, ROW_NO_TASK, 3), GDK_KEY_Up));
  g_assert_true (focused_entry (dialog) == cell (dialog, ROW_TASK, 3));
  /* Nothing above the first row: the focus stays. */
  g_assert_true (press_key (cell (dialog, ROW_TASK, 3), GDK_KEY_Up));
  g_assert_true (focused_entry (dialog) == cell (dialog, ROW_TASK, 3));
  /* Other keys are the entry's. */
  g_assert_false (press_key (cell (dialog, ROW_TASK, 3), GDK_KEY_Left));

  /* Alt+Right: the next week, whose cells are empty. */
  g_assert_true (gtk_widget_activate_action (dialog, "grid.next-week", NULL));
  dg_gui_test_iterate ();
  g_assert_cmpstr (cell_text (dialog, ROW_TASK, 3), ==, "");
  g_assert_true (gtk_widget_activate_action (dialog, "grid.previous-week", NULL));
  dg_gui_test_iterate ();
  g_assert_cmpstr (cell_text (dialog, ROW_TASK, 3), ==, "0:30");

  /* Escape closes it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  dg_gui_test_iterate ();
  g_assert_null (dialog);
}

static void
test_other_hours (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimeEntry) imported = dg_time_entry_new ();
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 3, 4, 8, 0, 0);
  GtkWidget *dialog;
  GtkWidget *other;
  GtkWidget *entry;
  guint n = 0;

  /* An hour the assistant's tracker reported on Wednesday. */
  g_object_set (imported,
                "assistant-id", fixture->maria_id,
                "task-id", fixture->task_id,
                "start", start,
                "minutes", 60,
                NULL);
  dg_time_entry_set_source (imported, "toggl", "toggl-1");
  g_assert_true (dg_timesheet_store_add_entry (fixture->store, imported, &error));
  g_assert_no_error (error);

  dialog = open_dialog (fixture);
  entry = cell (dialog, ROW_TASK, 2);
  other = gtk_widget_get_next_sibling (entry);
  /* Beside the cell, not in it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_widget_get_visible (other));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (other)), ==, "+1:00");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (cell (dialog, ROW_TASK, 1))));

  /* Typing into the cell leaves the imported hour alone. */
  type_and_press_enter (entry, "0:30");
  g_assert_cmpint (stored_minutes (fixture, fixture->task_id, 2, &n), ==, 30);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (count_entries (fixture), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (dialog, "day_total_2"))), ==, "1:30");
  type_and_press_enter (entry, "");
  g_assert_cmpuint (count_entries (fixture), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_switch_assistant (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);
  GtkDropDown *dropdown = GTK_DROP_DOWN (named (dialog, "grid_assistant"));
  DgAssistant *selected = gtk_drop_down_get_selected_item (dropdown);

  g_assert_cmpint (dg_assistant_get_id (selected), ==, fixture->maria_id);
  type_and_press_enter (cell (dialog, ROW_TASK, 0), "1:00");

  /* Ben has no task: only hours without one, in his own week. */
  gtk_drop_down_set_selected (dropdown, 0);
  dg_gui_test_iterate ();
  selected = gtk_drop_down_get_selected_item (dropdown);
  g_assert_cmpint (dg_assistant_get_id (selected), ==, fixture->ben_id);
  g_assert_null (dg_gui_test_find_by_name (dialog, "cell_1_0"));
  g_assert_cmpstr (cell_text (dialog, 0, 0), ==, "");
  type_and_press_enter (cell (dialog, 0, 0), "2:00");
  g_assert_cmpuint (count_entries_of (fixture, fixture->ben_id), ==, 1);
  g_assert_cmpuint (count_entries (fixture), ==, 1);

  gtk_drop_down_set_selected (dropdown, 1);
  dg_gui_test_iterate ();
  g_assert_cmpstr (cell_text (dialog, ROW_TASK, 0), ==, "1:00");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/time-grid-dialog/layout", test_layout);
  ADD ("/time-grid-dialog/typing-saves", test_typing_saves);
  ADD ("/time-grid-dialog/focus-leave-saves", test_focus_leave_saves);
  ADD ("/time-grid-dialog/invalid-text", test_invalid_text);
  ADD ("/time-grid-dialog/close-with-invalid-text", test_close_with_invalid_text);
  ADD ("/time-grid-dialog/keyboard", test_keyboard);
  ADD ("/time-grid-dialog/other-hours", test_other_hours);
  ADD ("/time-grid-dialog/switch-assistant", test_switch_assistant);
#undef ADD
  return g_test_run ();
}
