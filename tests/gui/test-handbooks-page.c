/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-handbooks-page"

#include <string.h>

#include "dg-assistant-store.h"
#include "dg-gui-test.h"
#include "dg-handbook-editor.h"
#include "dg-handbook-step-row.h"
#include "dg-handbook-store.h"
#include "dg-handbook-template-dialog.h"
#include "dg-handbooks-page.h"

static char *database_path;

/* Runs the main loop for @ms milliseconds: long enough for the editor's
 * autosave, which waits half a second after the last change. */
static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
  dg_gui_test_iterate ();
}

static GtkListBox *
steps_list (GtkWidget *editor)
{
  GtkWidget *list = dg_gui_test_find_by_name (editor, "handbook_steps");

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
step_row (GtkWidget *editor,
          guint      position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (steps_list (editor), position);

  g_assert_true (DG_IS_HANDBOOK_STEP_ROW (row));
  return GTK_WIDGET (row);
}

static GtkWidget *
title_entry (GtkWidget *row)
{
  GtkWidget *entry = dg_gui_test_find_by_type (row, GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);
  return entry;
}

static void
type_step_title (GtkWidget  *editor,
                 guint       position,
                 const char *title)
{
  gtk_editable_set_text (GTK_EDITABLE (title_entry (step_row (editor, position))), title);
  dg_gui_test_iterate ();
}

/* The titles of the steps as the rows show them, in the order shown, and
 * as the draft holds them. */
static char *
shown_titles (GtkWidget *editor)
{
  DgHandbook *handbook = dg_handbook_editor_get_handbook (DG_HANDBOOK_EDITOR (editor));
  GListModel *steps = dg_handbook_get_steps (handbook);
  g_autoptr(GString) shown = g_string_new (NULL);
  GtkListBoxRow *row;
  guint i;

  for (i = 0; (row = gtk_list_box_get_row_at_index (steps_list (editor), i)) != NULL; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);

      g_assert_nonnull (step);
      g_assert_true (dg_handbook_step_row_get_step (DG_HANDBOOK_STEP_ROW (row)) == step);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_entry (GTK_WIDGET (row)))), ==,
                       dg_handbook_step_get_title (step));
      if (shown->len > 0)
        g_string_append_c (shown, '|');
      g_string_append (shown, dg_handbook_step_get_title (step));
    }
  g_assert_cmpuint (g_list_model_get_n_items (steps), ==, i);
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

/* What dropping the handle of the step at @from onto the row at @to does. */
static void
drop_step (GtkWidget *editor,
           guint      from,
           guint      to)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (step_row (editor, to));
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, from);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_assert_true (dropped);
  dg_gui_test_iterate ();
}

/* One text value from the database, read by a connection of its own. */
static char *
query_text (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (database_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
assert_query (const char *sql,
              const char *expected)
{
  g_autofree char *text = query_text (sql);

  g_assert_cmpstr (text, ==, expected);
}

/* What another program does to the database while the window is open. */
static void
execute_elsewhere (const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (database_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static GtkTextBuffer *
purpose_buffer (GtkWidget *editor)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (dg_gui_test_find_by_name (editor, "handbook_purpose_view")));
}

/* The list shows each stored handbook once, in the store's order. */
static void
assert_list_matches_store (GtkWidget *page,
                           guint      n_expected)
{
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "handbook_list"))));
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(DgHandbook) handbook = g_list_model_get_item (shown, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "", dg_handbook_get_title (handbook));
    }
  assert_query ("SELECT group_concat(title, '|') FROM (SELECT title FROM handbooks ORDER BY title)", titles->str);
}

static guint
position_in_list (GtkWidget  *page,
                  const char *title)
{
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "handbook_list"))));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(DgHandbook) handbook = g_list_model_get_item (shown, i);

      if (g_str_equal (dg_handbook_get_title (handbook), title))
        return i;
    }
  g_assert_not_reached ();
}

static AdwMessageDialog *
find_dialog (void)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (dialog);
  return dialog;
}

static void
answer_dialog (AdwMessageDialog *dialog,
               const char       *response)
{
  /* The response may close the main window, and the dialog with it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  dg_gui_test_iterate ();
}

static void
drive_page (DgApplication *app,
            GtkWindow     *window)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_HANDBOOKS_PAGE);
  GtkWidget *editor;
  GtkWidget *moved;
  AdwMessageDialog *dialog;
  g_autofree char *titles = NULL;
  g_autofree char *png = NULL;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "handbooks");
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (dg_gui_test_find_by_name (page, "handbooks_empty")));

  /* A new handbook is stored once it has a title. */
  g_assert_true (gtk_widget_activate_action (page, "handbooks.new", NULL));
  dg_gui_test_iterate ();
  editor = dg_gui_test_find_by_type (page, DG_TYPE_HANDBOOK_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  gtk_editable_set_text (GTK_EDITABLE (dg_gui_test_find_by_name (editor, "handbook_title_row")),
                         "Onboarding a new client");
  dg_gui_test_iterate ();

  for (guint i = 0; i < 3; i++)
    {
      static const char *step_titles[] = {
        "Send the welcome e-mail", "Create the shared folder", "Book the kick-off call",
      };

      g_autofree char *n_steps = g_strdup_printf ("%u", i + 1);

      g_assert_true (gtk_widget_activate_action (editor, "handbook.add-step", NULL));
      dg_gui_test_iterate ();
      /* Nothing typed waits for a title: with a step not titled yet, what
       * is typed next is in the database half a second later. */
      if (i == 0)
        gtk_text_buffer_set_text (purpose_buffer (editor), "Clients feel welcome from day one.", -1);
      wait_ms (650);
      g_assert_false (dg_handbook_editor_get_dirty (DG_HANDBOOK_EDITOR (editor)));
      g_assert_false (dg_handbook_editor_get_valid (DG_HANDBOOK_EDITOR (editor)));
      assert_query ("SELECT purpose FROM handbooks", "Clients feel welcome from day one.");
      assert_query ("SELECT count(*) FROM handbook_steps", n_steps);
      assert_query ("SELECT count(*) FROM handbook_steps WHERE title = ''", "1");
      /* Only publishing needs every title. */
      g_assert_false (gtk_widget_get_sensitive (dg_gui_test_find_by_name (editor, "handbook_publish_button")));
      gtk_widget_activate_action (editor, "handbook.publish", NULL);
      dg_gui_test_iterate ();
      g_assert_null (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      type_step_title (editor, i, step_titles[i]);
    }

  /* The third step to the top, by the actions Alt+Up runs; the row goes
   * with its step. */
  moved = step_row (editor, 2);
  g_assert_true (gtk_widget_activate_action (moved, "step.move-up", NULL));
  dg_gui_test_iterate ();
  g_assert_true (step_row (editor, 1) == moved);
  g_assert_true (gtk_widget_activate_action (moved, "step.move-up", NULL));
  dg_gui_test_iterate ();
  g_assert_true (step_row (editor, 0) == moved);
  titles = shown_titles (editor);
  g_assert_cmpstr (titles, ==, "Book the kick-off call|Send the welcome e-mail|Create the shared folder");

  /* Dragging a step's handle onto another row puts it there. */
  drop_step (editor, 2, 0);
  g_clear_pointer (&titles, g_free);
  titles = shown_titles (editor);
  g_assert_cmpstr (titles, ==, "Create the shared folder|Book the kick-off call|Send the welcome e-mail");
  drop_step (editor, 0, 2);
  g_clear_pointer (&titles, g_free);
  titles = shown_titles (editor);
  g_assert_cmpstr (titles, ==, "Book the kick-off call|Send the welcome e-mail|Create the shared folder");

  /* Saved on its own half a second after the last change. */
  g_assert_true (gtk_widget_get_sensitive (dg_gui_test_find_by_name (editor, "handbook_publish_button")));
  wait_ms (700);
  g_assert_false (dg_handbook_editor_get_dirty (DG_HANDBOOK_EDITOR (editor)));
  assert_query ("SELECT title FROM handbooks", "Onboarding a new client");
  assert_query ("SELECT group_concat(title, '|') FROM (SELECT title FROM handbook_steps ORDER BY position)",
                "Book the kick-off call|Send the welcome e-mail|Create the shared folder");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "handbook_list"))))), ==, 1);

  /* Publishing asks for a change note. */
  g_assert_true (gtk_widget_activate_action (editor, "handbook.publish", NULL));
  dg_gui_test_iterate ();
  dialog = find_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "First version for the team");
  answer_dialog (dialog, "publish");
  assert_query ("SELECT number || ': ' || change_note FROM handbook_versions", "1: First version for the team");
  assert_query ("SELECT group_concat(title, '|') FROM (SELECT s.title FROM handbook_version_steps s "
                "JOIN handbook_versions v ON v.id = s.version_id WHERE v.number = 1 ORDER BY s.position)",
                "Book the kick-off call|Send the welcome e-mail|Create the shared folder");
  g_assert_cmpint (dg_handbook_get_version (dg_handbook_editor_get_handbook (DG_HANDBOOK_EDITOR (editor))), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dg_gui_test_find_by_name (editor, "handbook_status"))),
                   !=, "Draft — not yet published");

  /* A removed step is gone at once, and Undo puts it back in its place. */
  g_assert_true (gtk_widget_activate_action (step_row (editor, 1), "step.remove", NULL));
  dg_gui_test_iterate ();
  g_clear_pointer (&titles, g_free);
  titles = shown_titles (editor);
  g_assert_cmpstr (titles, ==, "Book the kick-off call|Create the shared folder");
  wait_ms (700);
  assert_query ("SELECT count(*) FROM handbook_steps", "2");
  g_assert_true (gtk_widget_activate_action (editor, "handbook.undo-remove", NULL));
  dg_gui_test_iterate ();
  g_clear_pointer (&titles, g_free);
  titles = shown_titles (editor);
  g_assert_cmpstr (titles, ==, "Book the kick-off call|Send the welcome e-mail|Create the shared folder");
  wait_ms (700);
  assert_query ("SELECT group_concat(title, '|') FROM (SELECT title FROM handbook_steps ORDER BY position)",
                "Book the kick-off call|Send the welcome e-mail|Create the shared folder");
  /* The same content as version 1: nothing new to publish. */
  g_assert_false (dg_handbook_get_has_changes (dg_handbook_editor_get_handbook (DG_HANDBOOK_EDITOR (editor))));

  /* A second handbook; saving either keeps the list whole. */
  g_assert_true (gtk_widget_activate_action (page, "handbooks.new", NULL));
  dg_gui_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (dg_gui_test_find_by_name (editor, "handbook_title_row")),
                         "Answering support e-mail");
  wait_ms (700);
  assert_list_matches_store (page, 2);
  /* Saving the first in the list takes it out and puts it back. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (dg_gui_test_find_by_name (editor, "handbook_purpose_view"))),
                            "Every e-mail answered within a day.", -1);
  wait_ms (700);
  assert_list_matches_store (page, 2);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "handbook_list")))), 1);
  dg_gui_test_iterate ();
  g_assert_cmpstr (dg_handbook_get_title (dg_handbook_editor_get_handbook (DG_HANDBOOK_EDITOR (editor))), ==,
                   "Onboarding a new client");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (dg_gui_test_find_by_name (editor, "handbook_purpose_view"))),
                            "Every new client gets the same start.", -1);
  wait_ms (700);
  assert_list_matches_store (page, 2);
  assert_query ("SELECT purpose FROM handbooks WHERE title = 'Onboarding a new client'",
                "Every new client gets the same start.");

  png = g_build_filename (g_getenv ("DG_TEST_OUTPUT_DIR"), "test-handbooks-page.png", NULL);
  g_assert_cmpint (dg_gui_test_render_png (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), png), >, 300);

  /* A step without a title is shown as an error once saving is asked for,
   * and saved all the same. */
  g_assert_true (gtk_widget_activate_action (editor, "handbook.add-step", NULL));
  dg_gui_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (title_entry (step_row (editor, 3)), "error"));
  g_assert_true (dg_handbook_editor_save (DG_HANDBOOK_EDITOR (editor), NULL));
  g_assert_true (gtk_widget_has_css_class (title_entry (step_row (editor, 3)), "error"));
  g_assert_false (dg_handbook_editor_get_dirty (DG_HANDBOOK_EDITOR (editor)));

  /* Closing right after typing, with the step still untitled, saves and
   * closes without asking. */
  gtk_text_buffer_set_text (purpose_buffer (editor), "Every new client gets the same start, in four steps.", -1);
  g_assert_true (dg_handbook_editor_get_dirty (DG_HANDBOOK_EDITOR (editor)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (window);
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (window);
}

static void
check_database_after (void)
{
  /* The untitled step and what was typed last are kept; the published
   * version is as it was. */
  assert_query ("SELECT count(*) FROM handbook_steps", "4");
  assert_query ("SELECT title FROM handbook_steps WHERE position = 4", "");
  assert_query ("SELECT purpose FROM handbooks WHERE title = 'Onboarding a new client'",
                "Every new client gets the same start, in four steps.");
  assert_query ("SELECT count(*) FROM handbook_versions", "1");
  assert_query ("SELECT count(*) FROM handbook_version_steps", "3");
}

static void
test_write_reorder_publish (void)
{
  dg_gui_test_run_app (database_path, drive_page);
  check_database_after ();
}

/* Typed text is saved when the window closes, without waiting. */
static void
drive_close_saves (DgApplication *app,
                   GtkWindow     *window)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_HANDBOOKS_PAGE);
  GtkSingleSelection *selection;
  GtkWidget *editor;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "handbooks");
  dg_gui_test_iterate ();
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "handbook_list"))));
  /* Sorted by title: after "Answering support e-mail". */
  gtk_single_selection_set_selected (selection, 1);
  dg_gui_test_iterate ();
  editor = dg_gui_test_find_by_type (page, DG_TYPE_HANDBOOK_EDITOR);
  g_assert_cmpstr (dg_handbook_get_title (dg_handbook_editor_get_handbook (DG_HANDBOOK_EDITOR (editor))), ==,
                   "Onboarding a new client");
  type_step_title (editor, 0, g_object_get_data (G_OBJECT (app), "dg-step-title"));
  g_assert_true (dg_handbook_editor_get_dirty (DG_HANDBOOK_EDITOR (editor)));
  if (g_object_get_data (G_OBJECT (app), "dg-destroy"))
    gtk_window_destroy (window);
  else
    gtk_window_close (window);
}

static void
test_close_saves (void)
{
  dg_gui_test_run_app_with_data (database_path, drive_close_saves,
                                 "dg-step-title", "Book the kick-off call within a week", NULL);
  assert_query ("SELECT title FROM handbook_steps WHERE position = 1", "Book the kick-off call within a week");

  /* Also when the window is destroyed outright, as on quitting: the last
   * save runs while the page's widgets are going. */
  dg_gui_test_run_app_with_data (database_path, drive_close_saves,
                                 "dg-step-title", "Book the kick-off call within two days",
                                 "dg-destroy", "yes", NULL);
  assert_query ("SELECT title FROM handbook_steps WHERE position = 1", "Book the kick-off call within two days");
}

/* A handbook started from a template opens in the editor, selected. */
static void
drive_from_template (DgApplication *app,
                     GtkWindow     *window)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_HANDBOOKS_PAGE);
  GtkSingleSelection *selection;
  GtkWindow *dialog;
  GtkWidget *first;
  GtkWidget *editor;
  DgHandbook *opened;
  DgHandbook *copy;
  g_autoptr(DgHandbook) selected = NULL;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "handbooks");
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (page, "handbooks.new-from-template", NULL));
  dg_gui_test_iterate ();
  dialog = dg_gui_test_find_toplevel (DG_TYPE_HANDBOOK_TEMPLATE_DIALOG);
  g_assert_nonnull (dialog);
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (dg_gui_test_find_by_name (GTK_WIDGET (dialog), "template_list")), 0));
  g_assert_nonnull (first);
  g_signal_emit_by_name (first, "activate");
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_HANDBOOK_TEMPLATE_DIALOG));

  opened = dg_handbook_editor_get_handbook (DG_HANDBOOK_EDITOR (dg_gui_test_find_by_type (page, DG_TYPE_HANDBOOK_EDITOR)));
  g_assert_nonnull (opened);
  g_assert_cmpint (dg_handbook_get_id (opened), !=, 0);
  g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (opened)), >, 0);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "handbook_list"))));
  selected = g_object_ref (gtk_single_selection_get_selected_item (selection));
  g_assert_true (selected == opened);
  assert_list_matches_store (page, 3);

  /* A duplicate opens beside its original. */
  editor = dg_gui_test_find_by_type (page, DG_TYPE_HANDBOOK_EDITOR);
  g_assert_true (gtk_widget_activate_action (editor, "handbook.duplicate", NULL));
  dg_gui_test_iterate ();
  assert_list_matches_store (page, 4);
  copy = dg_handbook_editor_get_handbook (DG_HANDBOOK_EDITOR (editor));
  g_assert_true (copy != opened);
  g_assert_true (g_str_has_suffix (dg_handbook_get_title (copy), ")"));
  g_assert_true (gtk_single_selection_get_selected_item (selection) == copy);

  /* Deleting asks first, then leaves the hint to pick another. */
  g_assert_true (gtk_widget_activate_action (editor, "handbook.delete", NULL));
  dg_gui_test_iterate ();
  answer_dialog (find_dialog (), "delete");
  assert_list_matches_store (page, 3);
  g_assert_false (gtk_widget_get_mapped (editor));

  /* A handbook an assistant has read is kept: archive it instead. */
  gtk_single_selection_set_selected (selection, position_in_list (page, "Onboarding a new client"));
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (gtk_widget_activate_action (editor, "handbook.delete", NULL));
  dg_gui_test_iterate ();
  answer_dialog (find_dialog (), "delete");
  assert_list_matches_store (page, 3);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpstr (dg_handbook_get_title (dg_handbook_editor_get_handbook (DG_HANDBOOK_EDITOR (editor))), ==,
                   "Onboarding a new client");
  gtk_window_close (window);
}

/* Maria has read version 1 of the onboarding handbook. */
static void
acknowledge_onboarding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (database_path, &error);
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgHandbookStore) handbooks = NULL;
  g_autoptr(DgAssistant) maria = dg_assistant_new ();
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  handbooks = dg_handbook_store_new (db, &error);
  g_assert_no_error (error);
  g_object_set (maria, "name", "Maria Santos", "time-zone", "Asia/Manila", "currency", "EUR", NULL);
  g_assert_true (dg_assistant_store_add (assistants, maria, &error));
  id = query_text ("SELECT id FROM handbooks WHERE title = 'Onboarding a new client'");
  g_assert_nonnull (id);
  g_assert_true (dg_handbook_store_acknowledge (handbooks, g_ascii_strtoll (id, NULL, 10),
                                                dg_assistant_get_id (maria), 1, "2026-11-27", &error));
  g_assert_no_error (error);
}

static void
test_from_template (void)
{
  acknowledge_onboarding ();
  dg_gui_test_run_app (database_path, drive_from_template);
  assert_query ("SELECT count(*) FROM handbooks WHERE title = 'Onboarding a new client'", "1");
}

/* A save that fails still asks before closing, and says why: here the
 * handbook was deleted by another program meanwhile. */
static void
drive_save_failure (DgApplication *app,
                    GtkWindow     *window)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_HANDBOOKS_PAGE);
  GtkWidget *editor;
  AdwMessageDialog *dialog;
  const char *body;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "handbooks");
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (page, "handbooks.new", NULL));
  dg_gui_test_iterate ();
  editor = dg_gui_test_find_by_type (page, DG_TYPE_HANDBOOK_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (dg_gui_test_find_by_name (editor, "handbook_title_row")),
                         "Packing for the trade fair");
  wait_ms (700);
  assert_query ("SELECT count(*) FROM handbooks WHERE title = 'Packing for the trade fair'", "1");

  execute_elsewhere ("DELETE FROM handbook_search WHERE rowid = "
                     "(SELECT id FROM handbooks WHERE title = 'Packing for the trade fair');"
                     "DELETE FROM handbooks WHERE title = 'Packing for the trade fair'");
  gtk_text_buffer_set_text (purpose_buffer (editor), "Banner, flyers and the card reader.", -1);
  gtk_window_close (window);
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  dialog = find_dialog ();
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "“Packing for the trade fair” no longer exists"));
  g_assert_null (strstr (body, "no title"));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  answer_dialog (dialog, "discard");
  g_assert_null (window);
}

static void
test_save_failure_asks (void)
{
  dg_gui_test_run_app (database_path, drive_save_failure);
  assert_query ("SELECT count(*) FROM handbooks WHERE title = 'Packing for the trade fair'", "0");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;

  gtk_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("delegate-test-XXXXXX", NULL);
  database_path = g_build_filename (dir, "delegate.db", NULL);

  g_test_add_func ("/handbooks-page/write-reorder-publish", test_write_reorder_publish);
  g_test_add_func ("/handbooks-page/close-saves", test_close_saves);
  g_test_add_func ("/handbooks-page/from-template", test_from_template);
  g_test_add_func ("/handbooks-page/save-failure-asks", test_save_failure_asks);
  return g_test_run ();
}
