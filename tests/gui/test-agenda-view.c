/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-agenda-view"

#include <string.h>

#include "dg-agenda-row.h"
#include "dg-agenda-view.h"
#include "dg-assistant-store.h"
#include "dg-gui-test.h"

/* The owner works in Berlin. The first day shown is Monday, 23 March 2026:
 * Europe moves to summer time on Sunday, 29 March, so the weekly task due at
 * 16:00 in Manila is at 09:00 for the owner in the first week and at 10:00
 * in the second. Everything is in the past, so what is open is overdue. */
#define OWNER_ZONE "Europe/Berlin"
#define WEEKLY_TITLE "Weekly report"
#define WEEKLY_FIRST "20260323T160000"
#define WEEKLY_SECOND "20260330T160000"

typedef struct
{
  char             *dir;
  char             *path;
  DgDatabase       *db;
  DgAssistantStore *assistants;
  DgTaskStore      *tasks;
  gint64            maria;
  DgTask           *weekly;
  DgTask           *flights;
  GtkWindow        *window;
  DgAgendaView     *view;
} Fixture;

static gint64
add_assistant (Fixture    *fixture,
               const char *name,
               const char *zone)
{
  g_autoptr(DgAssistant) assistant = dg_assistant_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (assistant, "name", name, "time-zone", zone, "currency", "EUR", NULL);
  g_assert_true (dg_assistant_store_add (fixture->assistants, assistant, &error));
  g_assert_no_error (error);
  return dg_assistant_get_id (assistant);
}

/* An empty @zone takes the assistant's. */
static DgTask *
add_task (Fixture    *fixture,
          const char *title,
          gint64      assistant_id,
          const char *date,
          const char *time,
          const char *zone,
          const char *rrule)
{
  g_autoptr(DgTask) task = dg_task_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (task,
                "assistant-id", assistant_id,
                "due-date", date,
                "due-time", time,
                "time-zone", zone,
                "rrule", rrule,
                NULL);
  g_assert_true (dg_task_store_add (fixture->tasks, task, &error));
  g_assert_no_error (error);
  return dg_task_store_find (fixture->tasks, dg_task_get_id (task));
}

static GDateTime *
owner_date (int year,
            int month,
            int day)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (OWNER_ZONE);

  g_assert_nonnull (zone);
  /* Any time of the day: the view starts at its midnight. */
  return g_date_time_new (zone, year, month, day, 15, 30, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = owner_date (2026, 3, 23);
  gint64 lena, john;

  fixture->dir = g_dir_make_tmp ("delegate-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "delegate.db", NULL);
  fixture->db = dg_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->assistants = dg_assistant_store_new (fixture->db, &error);
  g_assert_no_error (error);
  fixture->tasks = dg_task_store_new (fixture->db, &error);
  g_assert_no_error (error);

  fixture->maria = add_assistant (fixture, "Maria Santos", "Asia/Manila");
  lena = add_assistant (fixture, "Lena Vogel", OWNER_ZONE);
  john = add_assistant (fixture, "John Miller", "America/New_York");
  /* The store loaded the assistants' names when it was made. */
  g_assert_true (dg_task_store_reload (fixture->tasks, &error));
  g_assert_no_error (error);

  fixture->weekly = add_task (fixture, WEEKLY_TITLE, fixture->maria, "2026-03-23", "16:00", "", "FREQ=WEEKLY;BYDAY=MO");
  add_task (fixture, "Check invoices & receipts", lena, "2026-03-24", "11:00", "", "");
  add_task (fixture, "Order office supplies", lena, "2026-03-25", "", "", "");
  /* In New York, summer time began on 8 March: 10:00 there is 15:00 in
   * Berlin, still on winter time. */
  fixture->flights = add_task (fixture, "Book the flights", john, "2026-03-26", "10:00", "America/New_York", "");

  fixture->view = g_object_new (DG_TYPE_AGENDA_VIEW, NULL);
  dg_agenda_view_set_store (fixture->view, fixture->tasks);
  dg_agenda_view_set_start (fixture->view, start);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 720, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  dg_gui_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  dg_gui_test_iterate ();
  g_clear_object (&fixture->tasks);
  g_clear_object (&fixture->assistants);
  g_clear_object (&fixture->db);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* ---- reading the view ------------------------------------------------- */

/* The widgets the agenda's list holds, in its order: a day's heading
 * ("agenda_day"), then a row for each of its occurrences. Only what is in
 * sight is made; the window is tall enough for the two weeks of the
 * fixture. */
static GPtrArray *
list_children (Fixture *fixture)
{
  GtkWidget *list = dg_gui_test_find_by_name (GTK_WIDGET (fixture->view), "agenda_days");
  GPtrArray *found = g_ptr_array_new ();

  g_assert_nonnull (list);
  for (GtkWidget *item = gtk_widget_get_first_child (list); item; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *child = gtk_widget_get_first_child (item);

      if (child != NULL && (g_strcmp0 (gtk_widget_get_name (child), "agenda_day") == 0 ||
                            (DG_IS_AGENDA_ROW (child) && dg_agenda_row_get_occurrence (DG_AGENDA_ROW (child)) != NULL)))
        g_ptr_array_add (found, child);
    }
  return found;
}

static GtkWidget *
day (Fixture *fixture,
     guint    index)
{
  g_autoptr(GPtrArray) children = list_children (fixture);
  GtkWidget *found = NULL;
  guint n_days = 0;

  for (guint i = 0; i < children->len; i++)
    if (!DG_IS_AGENDA_ROW (g_ptr_array_index (children, i)))
      {
        if (n_days == index)
          found = g_ptr_array_index (children, i);
        n_days++;
      }
  g_assert_cmpuint (n_days, ==, 14);
  return found;
}

static const char *
heading (Fixture *fixture,
         guint    index)
{
  return gtk_label_get_text (GTK_LABEL (dg_gui_test_find_by_name (day (fixture, index), "agenda_day_heading")));
}

static void
assert_heading (Fixture    *fixture,
                guint       index,
                const char *expected)
{
  /* Days of another year than this one carry the year too. */
  if (!g_str_has_prefix (heading (fixture, index), expected))
    g_error ("Day %u is headed “%s”, not “%s”.", index, heading (fixture, index), expected);
}

/* The rows under the heading of day @index. */
static GList *
rows (Fixture *fixture,
      guint    index)
{
  g_autoptr(GPtrArray) children = list_children (fixture);
  GtkWidget *heading_box = day (fixture, index);
  GList *found = NULL;
  gboolean under = FALSE;

  for (guint i = 0; i < children->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (children, i);

      if (!DG_IS_AGENDA_ROW (child))
        under = child == heading_box;
      else if (under)
        found = g_list_append (found, child);
    }
  return found;
}

static gboolean
nothing_due_shown (Fixture *fixture,
                   guint    index)
{
  GtkWidget *nothing = dg_gui_test_find_by_name (day (fixture, index), "agenda_nothing_due");

  return nothing != NULL && gtk_widget_get_visible (nothing);
}

static DgAgendaRow *
only_row (Fixture *fixture,
          guint    index)
{
  g_autoptr(GList) found = rows (fixture, index);

  g_assert_cmpuint (g_list_length (found), ==, 1);
  g_assert_true (DG_IS_AGENDA_ROW (found->data));
  g_assert_false (nothing_due_shown (fixture, index));
  return found->data;
}

static const char *
status_of (DgAgendaRow *row)
{
  GtkWidget *tag = dg_gui_test_find_by_name (GTK_WIDGET (row), "agenda_status");

  g_assert_nonnull (tag);
  return gtk_widget_get_visible (tag) ? gtk_label_get_text (GTK_LABEL (tag)) : "";
}

static const char *
markup_of (DgAgendaRow *row,
           const char  *name)
{
  GtkWidget *label = dg_gui_test_find_by_name (GTK_WIDGET (row), name);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
assert_row (DgAgendaRow *row,
            const char  *title_markup,
            const char  *subtitle,
            const char  *status)
{
  g_assert_cmpstr (markup_of (row, "agenda_title"), ==, title_markup);
  g_assert_cmpstr (markup_of (row, "agenda_subtitle"), ==, subtitle);
  g_assert_cmpstr (status_of (row), ==, status);
}

static void
assert_nothing_due (Fixture *fixture,
                    guint    index)
{
  g_assert_null (rows (fixture, index));
  g_assert_true (nothing_due_shown (fixture, index));
}

static DgTaskStatus
stored_status (Fixture    *fixture,
               DgTask     *task,
               const char *recurrence_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTaskOccurrence) occurrence = dg_task_store_get_occurrence (fixture->tasks, task, recurrence_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (occurrence);
  return dg_task_occurrence_get_status (occurrence);
}

static gboolean
on_settled (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The window with its background, so that the dark style shows as it is;
 * after a resize has been carried out by the display server. */
static void
screenshot (Fixture    *fixture,
            int         width,
            const char *name)
{
  const char *dir = g_getenv ("DG_TEST_OUTPUT_DIR");
  g_autofree char *path = NULL;
  gboolean settled = FALSE;

  if (dir == NULL)
    return;
  gtk_window_set_default_size (fixture->window, width, 900);
  g_timeout_add (300, on_settled, &settled);
  while (!settled || gtk_widget_get_width (GTK_WIDGET (fixture->window)) != width)
    g_main_context_iteration (NULL, TRUE);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (dg_gui_test_render_png (GTK_WIDGET (fixture->window), path), ==, width);
}

/* ---- tests ------------------------------------------------------------ */

static void
test_days_and_items (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *range = dg_gui_test_find_by_name (GTK_WIDGET (fixture->view), "agenda_range");
  GDateTime *start = dg_agenda_view_get_start (fixture->view);

  /* The first day at midnight in the owner's zone. */
  g_assert_nonnull (start);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 0);
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (start)), ==, OWNER_ZONE);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (range)), ==, "23 March – 5 April 2026");
  assert_heading (fixture, 0, "Monday, 23 March");
  assert_heading (fixture, 1, "Tuesday, 24 March");
  assert_heading (fixture, 13, "Sunday, 5 April");

  /* The assistant's local time beside the owner's wherever the offsets
   * differ, also across a daylight-saving change on one side only. */
  assert_row (only_row (fixture, 0), WEEKLY_TITLE, "09:00 · 16:00 in Manila — Maria Santos", "Overdue");
  assert_row (only_row (fixture, 1), "Check invoices &amp; receipts", "11:00 — Lena Vogel", "Overdue");
  assert_row (only_row (fixture, 2), "Order office supplies", "All day — Lena Vogel", "Overdue");
  assert_row (only_row (fixture, 3), "Book the flights", "15:00 · 10:00 in New York — John Miller", "Overdue");
  assert_nothing_due (fixture, 4);
  assert_nothing_due (fixture, 5);
  assert_nothing_due (fixture, 6);
  assert_row (only_row (fixture, 7), WEEKLY_TITLE, "10:00 · 16:00 in Manila — Maria Santos", "Overdue");
  for (guint i = 8; i < 14; i++)
    assert_nothing_due (fixture, i);

  screenshot (fixture, 720, "test-agenda-view.png");
}

static void
test_marks_occurrences (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *done_button = dg_gui_test_find_by_name (GTK_WIDGET (only_row (fixture, 0)), "agenda_done");
  DgAgendaRow *row;

  /* Done on the first Monday leaves the second one open. */
  g_assert_true (gtk_widget_get_visible (done_button));
  g_signal_emit_by_name (done_button, "clicked");
  dg_gui_test_iterate ();
  g_assert_cmpint (stored_status (fixture, fixture->weekly, WEEKLY_FIRST), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (stored_status (fixture, fixture->weekly, WEEKLY_SECOND), ==, DG_TASK_STATUS_OPEN);

  row = only_row (fixture, 0);
  assert_row (row, "<span alpha=\"55%\"><s>" WEEKLY_TITLE "</s></span>",
              "09:00 · 16:00 in Manila — Maria Santos", "Done");
  g_assert_false (gtk_widget_get_visible (dg_gui_test_find_by_name (GTK_WIDGET (row), "agenda_done")));
  assert_row (only_row (fixture, 7), WEEKLY_TITLE, "10:00 · 16:00 in Manila — Maria Santos", "Overdue");

  /* The second Monday skipped, from the row's menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (only_row (fixture, 7)), "agenda-row.skip", NULL));
  dg_gui_test_iterate ();
  g_assert_cmpint (stored_status (fixture, fixture->weekly, WEEKLY_SECOND), ==, DG_TASK_STATUS_SKIPPED);
  g_assert_cmpstr (status_of (only_row (fixture, 7)), ==, "Skipped");
  g_assert_cmpint (stored_status (fixture, fixture->weekly, WEEKLY_FIRST), ==, DG_TASK_STATUS_DONE);

  /* A one-off task is done as a whole. The rows are made anew, and the
   * keyboard stays on the one it was on. */
  done_button = dg_gui_test_find_by_name (GTK_WIDGET (only_row (fixture, 3)), "agenda_done");
  g_assert_true (gtk_widget_grab_focus (done_button));
  g_signal_emit_by_name (done_button, "clicked");
  dg_gui_test_iterate ();
  g_assert_cmpint (dg_task_get_status (fixture->flights), ==, DG_TASK_STATUS_DONE);
  row = only_row (fixture, 3);
  g_assert_cmpstr (status_of (row), ==, "Done");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (row));

  screenshot (fixture, 360, "test-agenda-view-360.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot (fixture, 360, "test-agenda-view-360-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Opened again: overdue once more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (only_row (fixture, 0)), "agenda-row.reopen", NULL));
  dg_gui_test_iterate ();
  g_assert_cmpint (stored_status (fixture, fixture->weekly, WEEKLY_FIRST), ==, DG_TASK_STATUS_OPEN);
  assert_row (only_row (fixture, 0), WEEKLY_TITLE, "09:00 · 16:00 in Manila — Maria Santos", "Overdue");
}

static void
test_navigates (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *today_button = dg_gui_test_find_by_name (view, "agenda_today");
  guint n_rows = 0;

  g_assert_true (gtk_widget_get_sensitive (today_button));

  g_signal_emit_by_name (dg_gui_test_find_by_name (view, "agenda_next"), "clicked");
  dg_gui_test_iterate ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dg_gui_test_find_by_name (view, "agenda_range"))), ==,
                   "6 April – 19 April 2026");
  assert_heading (fixture, 0, "Monday, 6 April");
  assert_row (only_row (fixture, 0), WEEKLY_TITLE, "10:00 · 16:00 in Manila — Maria Santos", "Overdue");
  assert_heading (fixture, 7, "Monday, 13 April");
  assert_row (only_row (fixture, 7), WEEKLY_TITLE, "10:00 · 16:00 in Manila — Maria Santos", "Overdue");
  for (guint i = 0; i < 14; i++)
    {
      g_autoptr(GList) found = rows (fixture, i);

      n_rows += g_list_length (found);
    }
  g_assert_cmpuint (n_rows, ==, 2);

  g_signal_emit_by_name (dg_gui_test_find_by_name (view, "agenda_previous"), "clicked");
  dg_gui_test_iterate ();
  assert_heading (fixture, 0, "Monday, 23 March");
  assert_row (only_row (fixture, 3), "Book the flights", "15:00 · 10:00 in New York — John Miller", "Overdue");

  /* Back to today, where "Today" has nothing more to do. */
  g_signal_emit_by_name (today_button, "clicked");
  dg_gui_test_iterate ();
  g_assert_cmpstr (heading (fixture, 0), ==, "Today");
  g_assert_cmpstr (heading (fixture, 1), ==, "Tomorrow");
  g_assert_false (gtk_widget_get_sensitive (today_button));
}

static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Only Maria's tasks. */
  dg_agenda_view_set_assistant_id (fixture->view, fixture->maria);
  assert_row (only_row (fixture, 0), WEEKLY_TITLE, "09:00 · 16:00 in Manila — Maria Santos", "Overdue");
  assert_nothing_due (fixture, 1);
  assert_nothing_due (fixture, 3);

  /* A task added and a status set elsewhere (the Tasks page, an import). */
  add_task (fixture, "Update the price list", fixture->maria, "2026-03-27", "16:00", "", "");
  g_assert_true (dg_task_store_set_status (fixture->tasks, fixture->weekly, WEEKLY_SECOND, DG_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);
  dg_gui_test_iterate ();
  assert_row (only_row (fixture, 4), "Update the price list", "09:00 · 16:00 in Manila — Maria Santos", "Overdue");
  g_assert_cmpstr (status_of (only_row (fixture, 7)), ==, "Done");

  dg_agenda_view_set_assistant_id (fixture->view, 0);
  assert_row (only_row (fixture, 3), "Book the flights", "15:00 · 10:00 in New York — John Miller", "Overdue");
}

/* A hidden agenda lists nothing: the Tasks page holds one from start-up. */
static void
test_hidden_lists_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  DgAgendaView *hidden = g_object_ref_sink (g_object_new (DG_TYPE_AGENDA_VIEW, NULL));
  GtkWidget *list = dg_gui_test_find_by_name (GTK_WIDGET (hidden), "agenda_days");
  GtkStack *stack = GTK_STACK (gtk_stack_new ());

  dg_agenda_view_set_store (hidden, fixture->tasks);
  dg_gui_test_iterate ();
  g_assert_null (gtk_widget_get_first_child (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)))), ==, 0);

  /* Shown, it lists the two weeks. */
  gtk_window_set_child (fixture->window, GTK_WIDGET (stack));
  gtk_stack_add_child (stack, GTK_WIDGET (hidden));
  dg_gui_test_iterate ();
  g_assert_nonnull (gtk_widget_get_first_child (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)))), >=, 14);
  g_object_unref (hidden);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  {
    /* As the application loads it, for the screenshots. */
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/delegatedesk/Delegate/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/agenda-view/days-and-items", test_days_and_items);
  ADD ("/agenda-view/marks-occurrences", test_marks_occurrences);
  ADD ("/agenda-view/navigates", test_navigates);
  ADD ("/agenda-view/follows-store", test_follows_store);
  ADD ("/agenda-view/hidden-lists-nothing", test_hidden_lists_nothing);
#undef ADD
  return g_test_run ();
}
