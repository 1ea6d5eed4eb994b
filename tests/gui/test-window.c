/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include <glib/gstdio.h>

#include "dg-assistant-editor.h"
#include "dg-assistants-page.h"
#include "dg-gui-test.h"
#include "dg-preferences-window.h"

static char *database_path;

static GtkWidget *
row (GtkWindow  *window,
     const char *name)
{
  GtkWidget *widget = dg_gui_test_find_by_name (GTK_WIDGET (window), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
type_into (GtkWindow  *window,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (window, name)), text);
  dg_gui_test_iterate ();
}

static void
select_currency (GtkWindow  *window,
                 const char *code)
{
  AdwComboRow *combo = ADW_COMBO_ROW (row (window, "currency_row"));
  GListModel *model = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), code))
        {
          adw_combo_row_set_selected (combo, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
drive_add_assistant (DgApplication *app,
                     GtkWindow     *window)
{
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_ASSISTANTS_PAGE);
  DgAssistantEditor *editor;
  g_autofree char *png = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GtkWindow *preferences;
  GtkWindow *shortcuts;

  dg_gui_test_show_page (window, "assistants");

  g_assert_nonnull (page);
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Delegate");

  /* The empty state invites the first assistant. */
  g_assert_true (gtk_widget_activate_action (page, "assistants.add", NULL));
  dg_gui_test_iterate ();
  editor = DG_ASSISTANT_EDITOR (dg_gui_test_find_by_type (page, DG_TYPE_ASSISTANT_EDITOR));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));

  type_into (window, "name_row", "Maria Santos");
  type_into (window, "time_zone_row", "Asia/Manila");
  select_currency (window, "PHP");
  type_into (window, "rate_row", "450,50");

  /* An invalid e-mail address is marked at its field and blocks saving. */
  type_into (window, "email_row", "maria at example");
  g_assert_true (gtk_widget_has_css_class (row (window, "email_row"), "error"));
  g_assert_false (dg_assistant_editor_get_valid (editor));
  g_assert_false (dg_assistant_editor_save (editor));
  type_into (window, "email_row", "maria@example.com");
  g_assert_false (gtk_widget_has_css_class (row (window, "email_row"), "error"));

  /* So is a negative rate. */
  type_into (window, "rate_row", "-5");
  g_assert_true (gtk_widget_has_css_class (row (window, "rate_row"), "error"));
  type_into (window, "rate_row", "450,50");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  dg_gui_test_iterate ();
  g_assert_false (dg_assistant_editor_get_dirty (editor));
  g_assert_nonnull (dg_assistant_editor_get_edited (editor));

  /* What the database now holds, read by a connection of its own. */
  g_assert_cmpint (sqlite3_open_v2 (database_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, email, time_zone, currency, hourly_rate, active FROM assistants",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Maria Santos");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "maria@example.com");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "Asia/Manila");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "PHP");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 4), ==, 45050);
  g_assert_cmpint (sqlite3_column_int (stmt, 5), ==, 1);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  /* Archive hides the assistant from the list but keeps the row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.archive", NULL));
  dg_gui_test_iterate ();
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT active FROM assistants", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.restore", NULL));
  dg_gui_test_iterate ();
  sqlite3_close (db);

  png = g_build_filename (g_getenv ("DG_TEST_OUTPUT_DIR"), "test-window-assistants.png", NULL);
  /* The window itself is a GtkNative, which a widget paintable does not draw. */
  g_assert_cmpint (dg_gui_test_render_png (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), png), >, 300);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  /* Preferences open on the same database. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dg_gui_test_iterate ();
  preferences = dg_gui_test_find_toplevel (DG_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_nonnull (dg_preferences_window_get_profile (DG_PREFERENCES_WINDOW (preferences)));
  gtk_window_close (preferences);

  /* So does the list of keyboard shortcuts. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  dg_gui_test_iterate ();
  shortcuts = dg_gui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == window);
  gtk_window_close (shortcuts);

  /* Closing the window keeps its size for the next start. */
  gtk_window_set_default_size (window, 820, 610);
  dg_gui_test_iterate ();
  gtk_window_close (window);
}

static void
test_add_assistant (void)
{
  g_autoptr(GSettings) settings = NULL;

  dg_gui_test_run_app (database_path, drive_add_assistant);

  settings = g_settings_new (APPLICATION_ID);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  int result;

  gtk_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("delegate-test-XXXXXX", NULL);
  database_path = g_build_filename (dir, "delegate.db", NULL);

  g_test_add_func ("/window/add-assistant", test_add_assistant);
  result = g_test_run ();

  g_unlink (database_path);
  g_free (database_path);
  return result;
}
