/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-welcome-page"

#include <glib/gstdio.h>

#include "dg-assistant.h"
#include "dg-assistant-editor.h"
#include "dg-assistants-page.h"
#include "dg-gui-test.h"
#include "dg-preferences-window.h"
#include "dg-sample.h"
#include "dg-welcome-page.h"
#include "dg-test-utils.h"
#include "dg-window.h"

/* How long a wait below may take before the test fails with what it waited
 * for: within the harness's own time-out for the whole run. */
#define WAIT_SECONDS 15

#define WAIT_FOR(condition, what)                                               \
  G_STMT_START                                                                  \
  {                                                                             \
    gint64 deadline_ = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC; \
    while (!(condition))                                                        \
      {                                                                         \
        if (g_get_monotonic_time () > deadline_)                                \
          g_error ("%s did not happen within %d seconds.", what, WAIT_SECONDS); \
        if (!g_main_context_iteration (NULL, FALSE))                            \
          g_usleep (1000);                                                      \
      }                                                                         \
  }                                                                             \
  G_STMT_END

/* $XDG_DATA_HOME for the whole run: where the window keeps the sample. */
static char *data_home;
static char *dir;

static char *
new_database_path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static GtkWidget *
find (GtkWindow  *window,
      const char *name)
{
  GtkWidget *widget = dg_gui_test_find_by_name (GTK_WIDGET (window), name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
action_enabled (DgApplication *app,
                const char    *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (app), name);
}

/* The window shown in place of @old, once it is mapped. */
static GtkWindow *
wait_for_new_window (DgApplication *app,
                     GtkWindow     *old)
{
  GtkWindow *window;

  WAIT_FOR ((window = gtk_application_get_active_window (GTK_APPLICATION (app))) != NULL &&
            window != old && gtk_widget_get_mapped (GTK_WIDGET (window)),
            "The window in place of the old one");
  g_assert_true (DG_IS_WINDOW (window));
  return window;
}

/* Clicks the button @name of @old, or activates the application's action
 * @name, and waits for the window that replaces @old to be shown. @old is
 * held meanwhile, so that no new window can take its address. */
static GtkWindow *
replace_window (DgApplication *app,
                GtkWindow     *old,
                const char    *name)
{
  g_autoptr(GtkWindow) held = g_object_ref (old);
  GtkWindow *window;

  if (g_action_group_has_action (G_ACTION_GROUP (app), name))
    g_action_group_activate_action (G_ACTION_GROUP (app), name, NULL);
  else
    g_signal_emit_by_name (find (old, name), "clicked");

  window = wait_for_new_window (app, held);
  /* The old window is gone, not hidden behind the new one. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  dg_gui_test_iterate ();
  return window;
}

static void
assert_welcome_shown (DgApplication *app,
                      GtkWindow     *window)
{
  GtkWidget *welcome = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_WELCOME_PAGE);
  GtkWidget *start = find (window, "start_button");
  GtkWidget *explore = find (window, "explore_button");

  g_assert_true (dg_window_get_welcome_visible (DG_WINDOW (window)));
  g_assert_false (dg_window_get_sample (DG_WINDOW (window)));
  g_assert_false (dg_application_get_exploring_sample (app));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Delegate");
  g_assert_true (gtk_widget_get_mapped (welcome));
  g_assert_true (gtk_widget_get_mapped (start));
  g_assert_true (gtk_widget_get_mapped (explore));
  g_assert_true (gtk_widget_is_sensitive (start));
  g_assert_true (gtk_widget_is_sensitive (explore));
  g_assert_false (gtk_widget_get_mapped (find (window, "leave_sample_button")));

  /* The owner's own business has the focus; Tab reaches the sample. */
  g_assert_true (gtk_window_get_focus (window) == start);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_window_get_focus (window) == explore);

  g_assert_true (action_enabled (app, "explore-sample"));
  g_assert_false (action_enabled (app, "leave-sample"));
  /* The pages' keys (Alt+1…, Ctrl+N) wait until the pages are shown. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-page"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-item"));
}

static guint
count_assistants (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM assistants", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static void
assert_database_empty (const char *path)
{
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (dg_sample_database_is_empty (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_assistants (path), ==, 0);
}

/* The sample's three assistants on the Assistants page of @window. */
static void
assert_sample_shown (DgApplication *app,
                     GtkWindow     *window)
{
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_ASSISTANTS_PAGE);
  GtkListView *list = GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "assistant_list"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (dg_window_get_sample (DG_WINDOW (window)));
  g_assert_false (dg_window_get_welcome_visible (DG_WINDOW (window)));
  g_assert_true (dg_application_get_exploring_sample (app));
  g_assert_true (strstr (gtk_window_get_title (window), "Sample Business") != NULL);
  g_assert_true (gtk_widget_get_mapped (find (window, "leave_sample_button")));
  g_assert_false (action_enabled (app, "explore-sample"));
  g_assert_true (action_enabled (app, "leave-sample"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-page"));

  dg_gui_test_show_page (window, "assistants");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DgAssistant) assistant = g_list_model_get_item (model, i);

      g_ptr_array_add (zones, g_strdup (dg_assistant_get_time_zone (assistant)));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (zones, "Asia/Manila", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (zones, "Europe/Berlin", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (zones, "America/Argentina/Buenos_Aires", g_str_equal, NULL));
}

/* The newest day with hours in the database at @path. */
static char *
newest_entry_day (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *day;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max(local_date) FROM time_entries", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (day);
  return day;
}

static void
remove_sample (void)
{
  g_autofree char *sample_path = dg_sample_get_default_path ();
  static const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (sample_path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* A sample as an earlier visit a month ago left it: its weeks awaiting
 * approval and its tasks due would be a month old now. */
static void
write_stale_sample (void)
{
  g_autofree char *sample_path = dg_sample_get_default_path ();
  g_autofree char *sample_dir = g_path_get_dirname (sample_path);
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (now, -30);
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (now, -7);
  g_autofree char *week_ago_day = g_date_time_format (week_ago, "%Y-%m-%d");
  g_autofree char *newest = NULL;
  DgSampleOptions options;
  GDate today;

  remove_sample ();
  g_assert_cmpint (g_mkdir_with_parents (sample_dir, 0700), ==, 0);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (month_ago),
                  (GDateMonth) g_date_time_get_month (month_ago),
                  (GDateYear) g_date_time_get_year (month_ago));
  db = dg_database_open (sample_path, &error);
  g_assert_no_error (error);
  dg_sample_options_init (&options);
  options.today = &today;
  g_assert_true (dg_sample_create (db, &options, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  newest = newest_entry_day (sample_path);
  g_assert_cmpstr (newest, <, week_ago_day);
}

/* The preferences opened in the sample show (and save to) the sample's
 * business profile, the one its invoices name, not the owner's. */
static void
assert_preferences_on_sample (DgApplication *app)
{
  GtkWindow *preferences;
  DgBusinessProfile *profile;

  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_PREFERENCES_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dg_gui_test_iterate ();
  preferences = dg_gui_test_find_toplevel (DG_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  profile = dg_preferences_window_get_profile (DG_PREFERENCES_WINDOW (preferences));
  g_assert_cmpstr (dg_business_profile_get_name (profile), ==, "Möller Kaffeerösterei GmbH");
  gtk_window_close (preferences);
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_PREFERENCES_WINDOW));
}

static void
drive_explore_and_leave (DgApplication *app,
                         GtkWindow     *window)
{
  const char *owner_path = dg_database_get_path (dg_application_get_database (app));
  g_autofree char *sample_path = g_build_filename (data_home, "delegate", "sample.db", NULL);
  g_autofree char *expected_path = dg_sample_get_default_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (now, -7);
  g_autofree char *week_ago_day = g_date_time_format (week_ago, "%Y-%m-%d");
  g_autofree char *newest = NULL;

  g_assert_cmpstr (expected_path, ==, sample_path);
  assert_welcome_shown (app, window);

  /* The sample is written beside the owner's database, never into it, and
   * afresh: the one a visit a month ago left has hours from this week. */
  window = replace_window (app, window, "explore_button");
  assert_sample_shown (app, window);
  newest = newest_entry_day (sample_path);
  g_assert_cmpstr (newest, >=, week_ago_day);
  g_assert_cmpstr (dg_database_get_path (dg_application_get_database (app)), ==, sample_path);
  g_assert_cmpuint (count_assistants (sample_path), ==, 3);
  assert_database_empty (owner_path);
  assert_preferences_on_sample (app);
  assert_database_empty (owner_path);

  /* Leaving returns to the owner's database, still empty: welcome again. */
  window = replace_window (app, window, "leave_sample_button");
  assert_welcome_shown (app, window);
  g_assert_cmpstr (dg_database_get_path (dg_application_get_database (app)), ==, owner_path);

  /* The menu reaches it too. */
  window = replace_window (app, window, "explore-sample");
  assert_sample_shown (app, window);
  window = replace_window (app, window, "leave-sample");
  assert_welcome_shown (app, window);
  assert_database_empty (owner_path);
}

static void
test_explore_and_leave (void)
{
  g_autofree char *path = new_database_path ("explore.db");

  write_stale_sample ();
  dg_gui_test_run_first_start (path, drive_explore_and_leave);
}

static void
drive_start (DgApplication *app,
             GtkWindow     *window)
{
  GtkWindow *preferences;

  assert_welcome_shown (app, window);
  g_assert_null (dg_gui_test_find_toplevel (DG_TYPE_PREFERENCES_WINDOW));

  g_signal_emit_by_name (find (window, "start_button"), "clicked");
  dg_gui_test_iterate ();

  /* The same window, now on the pages' empty states, and the business
   * profile open over it. */
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  g_assert_false (dg_window_get_welcome_visible (DG_WINDOW (window)));
  g_assert_false (dg_window_get_sample (DG_WINDOW (window)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-page"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-item"));
  /* Gone once the cross-fade ends. */
  WAIT_FOR (!gtk_widget_get_mapped (find (window, "start_button")), "The end of the cross-fade");
  dg_gui_test_show_page (window, "assistants");
  g_assert_true (gtk_widget_get_mapped (dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_ASSISTANTS_PAGE)));
  preferences = dg_gui_test_find_toplevel (DG_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preferences)));
  g_assert_true (gtk_window_get_transient_for (preferences) == window);
  gtk_window_destroy (preferences);
  dg_gui_test_iterate ();
}

static void
test_start (void)
{
  g_autofree char *path = new_database_path ("start.db");

  dg_gui_test_run_first_start (path, drive_start);
}

/* Presses Explore on the welcome page and returns the error dialog that
 * follows, checked to have @heading. */
static GtkWindow *
explore_to_error (DgApplication *app,
                  GtkWindow     *window,
                  const char    *heading)
{
  GtkWindow *dialog = NULL;

  assert_welcome_shown (app, window);
  g_signal_emit_by_name (find (window, "explore_button"), "clicked");
  WAIT_FOR ((dialog = dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL,
            "The error dialog of Explore a Sample Business");
  dg_gui_test_iterate ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  return dialog;
}

static void
drive_sample_error (DgApplication *app,
                    GtkWindow     *window)
{
  /* Said in a dialog over the welcome page, which stays, and can be tried
   * again. */
  GtkWindow *dialog = explore_to_error (app, window, "The Sample Business Could Not Be Created");

  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  g_assert_true (dg_window_get_welcome_visible (DG_WINDOW (window)));
  g_assert_false (dg_application_get_exploring_sample (app));
  g_assert_true (action_enabled (app, "explore-sample"));
  gtk_window_destroy (dialog);
  dg_gui_test_iterate ();
}

static void
test_sample_error (void)
{
  g_autofree char *path = new_database_path ("error.db");
  g_autofree char *sample_dir = g_build_filename (data_home, "delegate", NULL);
  g_autofree char *sample_path = g_build_filename (sample_dir, "sample.db", NULL);
  static const char *suffixes[] = { "", "-wal", "-shm" };

  /* A folder where the sample's file should be: it cannot be opened. */
  g_assert_cmpint (g_mkdir_with_parents (sample_dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (sample_path, suffixes[i], NULL);

      g_remove (file);
    }
  g_assert_cmpint (g_mkdir (sample_path, 0700), ==, 0);

  dg_gui_test_run_first_start (path, drive_sample_error);

  g_assert_cmpint (g_rmdir (sample_path), ==, 0);
}

/* An edit on @window's Assistants page that is not valid, so closing the
 * window cannot save it and asks first. */
static void
make_invalid_edit (GtkWindow *window)
{
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_ASSISTANTS_PAGE);
  GtkWidget *list = dg_gui_test_find_by_name (page, "assistant_list");
  GtkWidget *editor;

  dg_gui_test_show_page (window, "assistants");
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))), 0);
  dg_gui_test_iterate ();
  editor = dg_gui_test_find_by_type (page, DG_TYPE_ASSISTANT_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (dg_gui_test_find_by_name (editor, "email_row")), "not an address");
  dg_gui_test_iterate ();
  g_assert_true (dg_assistant_editor_get_dirty (DG_ASSISTANT_EDITOR (editor)));
  g_assert_false (dg_assistant_editor_get_valid (DG_ASSISTANT_EDITOR (editor)));
}

/* Activates the application's @action (explore-sample, leave-sample) from
 * @window, whose edit cannot be saved, and gives @response to the question
 * that asks what to do with it. */
static void
swap_and_answer (DgApplication *app,
                 GtkWindow     *window,
                 const char    *action,
                 const char    *response)
{
  g_autoptr(GtkWindow) dialog = NULL;
  gboolean exploring = dg_application_get_exploring_sample (app);

  g_action_group_activate_action (G_ACTION_GROUP (app), action, NULL);
  WAIT_FOR ((dialog = dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL,
            "The question about the unsaved edit");
  g_object_ref (dialog);
  dg_gui_test_iterate ();
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  /* While the owner decides, the window's database stays and no second
   * swap starts. */
  g_assert_true (dg_application_get_exploring_sample (app) == exploring);
  g_assert_false (action_enabled (app, "leave-sample"));
  g_assert_false (action_enabled (app, "explore-sample"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
}

static void
drive_unsaved_edit (DgApplication *app,
                    GtkWindow     *window)
{
  const char *owner_path = dg_database_get_path (dg_application_get_database (app));
  g_autoptr(GtkWindow) sample_window = NULL;
  GtkWindow *owner_window;

  window = replace_window (app, window, "explore-sample");
  sample_window = g_object_ref (window);
  make_invalid_edit (window);

  /* Keep Editing: the sample's window stays, the only one, and the window
   * that was to replace it is gone. */
  swap_and_answer (app, window, "leave-sample", "cancel");
  WAIT_FOR (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) == 1,
            "Dropping the window that was to replace the sample's");
  dg_gui_test_iterate ();
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  assert_sample_shown (app, window);

  /* Discard: the owner's window takes its place, and the application runs
   * on with it (it used to quit, its last window closed). */
  swap_and_answer (app, window, "leave-sample", "discard");
  owner_window = wait_for_new_window (app, sample_window);
  WAIT_FOR (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) == 1,
            "Closing the sample's window");
  dg_gui_test_iterate ();
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == owner_window);
  assert_welcome_shown (app, owner_window);
  g_assert_cmpstr (dg_database_get_path (dg_application_get_database (app)), ==, owner_path);
  assert_database_empty (owner_path);
}

static void
test_unsaved_edit (void)
{
  g_autofree char *path = new_database_path ("unsaved.db");

  dg_gui_test_run_first_start (path, drive_unsaved_edit);
}

/* Explore from the owner's own assistants with an edit that cannot be
 * saved: Keep Editing stays, Discard opens the sample. */
static void
drive_unsaved_edit_explore (DgApplication *app,
                            GtkWindow     *window)
{
  g_autoptr(GtkWindow) owner_window = g_object_ref (window);
  GtkWindow *sample_window;

  make_invalid_edit (window);
  swap_and_answer (app, window, "explore-sample", "cancel");
  WAIT_FOR (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) == 1 &&
            !g_action_group_get_action_enabled (G_ACTION_GROUP (app), "leave-sample") &&
            g_action_group_get_action_enabled (G_ACTION_GROUP (app), "explore-sample"),
            "Dropping the sample's window");
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  g_assert_false (dg_application_get_exploring_sample (app));

  swap_and_answer (app, window, "explore-sample", "discard");
  sample_window = wait_for_new_window (app, owner_window);
  WAIT_FOR (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) == 1,
            "Closing the owner's window");
  dg_gui_test_iterate ();
  assert_sample_shown (app, sample_window);
}

static void
drive_not_empty (DgApplication *app,
                 GtkWindow     *window)
{
  g_assert_false (dg_window_get_welcome_visible (DG_WINDOW (window)));
  g_assert_false (dg_window_get_sample (DG_WINDOW (window)));
  g_assert_false (dg_application_get_exploring_sample (app));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Delegate");
  g_assert_false (gtk_widget_get_mapped (find (window, "start_button")));
  g_assert_false (gtk_widget_get_mapped (find (window, "leave_sample_button")));
  g_assert_true (action_enabled (app, "explore-sample"));

  drive_unsaved_edit_explore (app, window);
}

/* A database with records opens on its pages, without the welcome page and
 * without the sample's marks, even when it is a sample written by the CLI;
 * and there an unsaved edit holds up Explore. */
static void
test_not_empty (void)
{
  g_autofree char *path = new_database_path ("business.db");
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  DgSampleOptions options;

  db = dg_database_open (path, &error);
  g_assert_no_error (error);
  dg_sample_options_init (&options);
  g_assert_true (dg_sample_create (db, &options, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  dg_gui_test_run_first_start (path, drive_not_empty);
}

static void
drive_sample_is_owner (DgApplication *app,
                       GtkWindow     *window)
{
  GtkWindow *dialog = explore_to_error (app, window, "The Sample Business Could Not Be Opened");

  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "sample.db"));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  g_assert_true (dg_window_get_welcome_visible (DG_WINDOW (window)));
  g_assert_false (dg_application_get_exploring_sample (app));
  gtk_window_destroy (dialog);
  dg_gui_test_iterate ();
}

/* Started on the sample's own file (delegate --database …/sample.db), the
 * owner's database is not overwritten with the sample. */
static void
test_sample_is_owner (void)
{
  g_autofree char *sample_path = dg_sample_get_default_path ();

  remove_sample ();
  dg_gui_test_run_first_start (sample_path, drive_sample_is_owner);
  assert_database_empty (sample_path);
  remove_sample ();
}

int
main (int   argc,
      char *argv[])
{
  int result;

  /* Before GLib reads (and keeps) the user's data folder. */
  dir = g_dir_make_tmp ("delegate-test-XXXXXX", NULL);
  g_assert_nonnull (dir);
  data_home = g_build_filename (dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/welcome/explore-and-leave", test_explore_and_leave);
  g_test_add_func ("/welcome/start", test_start);
  g_test_add_func ("/welcome/not-empty", test_not_empty);
  g_test_add_func ("/welcome/sample-error", test_sample_error);
  g_test_add_func ("/welcome/unsaved-edit", test_unsaved_edit);
  g_test_add_func ("/welcome/sample-is-owner", test_sample_is_owner);
  result = g_test_run ();

  dg_test_remove_tree (dir);
  g_free (data_home);
  g_free (dir);
  return result;
}
