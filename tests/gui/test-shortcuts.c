/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-shortcuts"

#include "dg-assistant-editor.h"
#include "dg-assistants-page.h"
#include "dg-gui-test.h"
#include "dg-handbook-editor.h"
#include "dg-handbooks-page.h"
#include "dg-invoices-page-private.h"
#include "dg-new-invoice-dialog.h"
#include "dg-task-dialog.h"
#include "dg-test-utils.h"
#include "dg-time-grid-dialog.h"

static char *database_path;

static const char *pages[] = { "overview", "assistants", "handbooks", "tasks", "timesheets", "invoices" };

static const char *
shown_page (GtkWindow *window)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

/* Leaves the focus outside every page, in the header bar: the keys must
 * not depend on where it is. */
static void
focus_header_bar (GtkWindow *window)
{
  GtkWidget *menu_button = dg_gui_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (menu_button);
  g_assert_true (gtk_widget_grab_focus (menu_button));
  dg_gui_test_iterate ();
}

/* Activates win.@action as its accelerator would, with the focus outside
 * the page, and waits for what it opens. */
static void
press (GtkWindow  *window,
       const char *action)
{
  focus_header_bar (window);
  g_action_group_activate_action (G_ACTION_GROUP (window), action, NULL);
  for (guint i = 0; i < 10; i++)
    dg_gui_test_iterate ();
}

static void
show_page (GtkWindow  *window,
           const char *name)
{
  focus_header_bar (window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string (name));
  dg_gui_test_iterate ();
  g_assert_cmpstr (shown_page (window), ==, name);
  /* As a click would: a page shown for the first time lays itself out. */
  dg_gui_test_show_page (window, name);
}

static guint
n_toplevels (void)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ());
}

static void
close_toplevel (GType type)
{
  GtkWindow *toplevel = dg_gui_test_find_toplevel (type);

  g_assert_nonnull (toplevel);
  gtk_window_destroy (toplevel);
  dg_gui_test_iterate ();
  g_assert_null (dg_gui_test_find_toplevel (type));
}

static void
assert_accel (GtkApplication *app,
              const char     *accel,
              const char     *action)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, accel);

  /* One action each: a second one would fire as well, or instead. */
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_cmpstr (actions[0], ==, action);
}

/* The accelerator is listed in the shortcuts window. */
static void
assert_listed (GtkBuilder *builder,
               const char *accel)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *listed = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &listed, NULL);
      if (g_strcmp0 (listed, accel) == 0)
        return;
    }
  g_error ("The shortcuts window does not list %s.", accel);
}

static gboolean
search_focused (GtkWindow *window,
                GtkWidget *page)
{
  GtkWidget *entry = dg_gui_test_find_by_type (page, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (entry);
  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* GTK's print dialog, by name: its type is declared in a header of its own
 * (gtkunixprint.h) that the window does not need. */
static GtkWindow *
print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "GtkPrintUnixDialog"))
        return toplevel;
    }
  return NULL;
}

/* The print dialog appears; cancelled, it prints nothing. */
static void
assert_print_dialog_opens (GtkWindow *window)
{
  GtkWindow *dialog = NULL;

  press (window, "print");
  for (guint i = 0; i < 200 && dialog == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      dialog = print_dialog ();
      if (dialog == NULL)
        g_usleep (10000);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  for (guint i = 0; i < 10; i++)
    dg_gui_test_iterate ();
  g_assert_null (print_dialog ());
}

static void
drive_accelerators (DgApplication *app,
                    GtkWindow     *window)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);
  g_autoptr(GtkBuilder) help =
    gtk_builder_new_from_resource ("/io/github/delegatedesk/Delegate/dg-shortcuts-window.ui");
  static const char *accels[][2] = {
    { "<Control>n", "win.new-item" },
    { "<Control>f", "win.search" },
    { "<Control>p", "win.print" },
    { "<Control>comma", "app.preferences" },
    { "<Control>question", "app.shortcuts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      assert_accel (gtk_app, accels[i][0], accels[i][1]);
      assert_listed (help, accels[i][0]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", pages[i]);

      assert_accel (gtk_app, accel, action);
      assert_listed (help, accel);
    }
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (help, "help_overlay")));

  /* Alt+1…6 show the pages in the view switcher's order. */
  g_assert_cmpstr (shown_page (window), ==, "overview");
  for (guint i = G_N_ELEMENTS (pages); i > 0; i--)
    show_page (window, pages[i - 1]);
  g_assert_cmpstr (shown_page (window), ==, "overview");
  /* A page that does not exist leaves the shown one. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("nowhere"));
  g_assert_cmpstr (shown_page (window), ==, "overview");
}

static void
drive_new_item (DgApplication *app,
                GtkWindow     *window)
{
  GtkWidget *page;
  GtkWidget *editor;
  guint before = n_toplevels ();

  /* The Overview has nothing to make: Ctrl+N opens nothing. */
  show_page (window, "overview");
  press (window, "new-item");
  g_assert_cmpuint (n_toplevels (), ==, before);
  g_assert_cmpstr (shown_page (window), ==, "overview");

  /* Assistants: the editor opens on a new, empty assistant. */
  show_page (window, "assistants");
  page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_ASSISTANTS_PAGE);
  press (window, "new-item");
  editor = dg_gui_test_find_by_type (page, DG_TYPE_ASSISTANT_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_null (dg_assistant_editor_get_edited (DG_ASSISTANT_EDITOR (editor)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), editor));
  g_assert_true (gtk_widget_activate_action (editor, "editor.discard", NULL));
  dg_gui_test_iterate ();

  /* Handbooks: the editor opens on a new handbook without a title. */
  show_page (window, "handbooks");
  page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_HANDBOOKS_PAGE);
  press (window, "new-item");
  editor = dg_gui_test_find_by_type (page, DG_TYPE_HANDBOOK_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpint (dg_handbook_get_id (dg_handbook_editor_get_handbook (DG_HANDBOOK_EDITOR (editor))), ==, 0);
  g_assert_cmpstr (dg_handbook_get_title (dg_handbook_editor_get_handbook (DG_HANDBOOK_EDITOR (editor))), ==, "");

  /* Tasks, Timesheets and Invoices open their dialogs. */
  show_page (window, "tasks");
  press (window, "new-item");
  close_toplevel (DG_TYPE_TASK_DIALOG);

  show_page (window, "timesheets");
  press (window, "new-item");
  close_toplevel (DG_TYPE_TIME_GRID_DIALOG);

  show_page (window, "invoices");
  press (window, "new-item");
  close_toplevel (DG_TYPE_NEW_INVOICE_DIALOG);

  g_assert_cmpuint (n_toplevels (), ==, before);
}

static void
drive_search (DgApplication *app,
              GtkWindow     *window)
{
  GtkWidget *page;

  show_page (window, "assistants");
  page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_ASSISTANTS_PAGE);
  g_assert_false (search_focused (window, page));
  press (window, "search");
  g_assert_true (search_focused (window, page));

  show_page (window, "handbooks");
  page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_HANDBOOKS_PAGE);
  g_assert_false (search_focused (window, page));
  press (window, "search");
  g_assert_true (search_focused (window, page));

  /* A page without a search leaves the focus where it was. */
  show_page (window, "tasks");
  focus_header_bar (window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  dg_gui_test_iterate ();
  g_assert_true (GTK_IS_MENU_BUTTON (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                                              GTK_TYPE_MENU_BUTTON)));
}

static void
drive_print (DgApplication *app,
             GtkWindow     *window)
{
  GtkWidget *page;
  GtkSelectionModel *list;
  gint64 invoice_id;

  /* Handbooks: nothing to print until one is open, then that one. */
  show_page (window, "handbooks");
  press (window, "print");
  g_assert_null (print_dialog ());
  page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_HANDBOOKS_PAGE);
  list = gtk_list_view_get_model (GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "handbook_list")));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  g_assert_true (gtk_selection_model_select_item (list, 0, TRUE));
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_get_mapped (dg_gui_test_find_by_type (page, DG_TYPE_HANDBOOK_EDITOR)));
  assert_print_dialog_opens (window);

  /* Invoices: the invoice shown. */
  show_page (window, "invoices");
  page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_INVOICES_PAGE);
  for (invoice_id = 1; dg_invoices_page_get_shown (DG_INVOICES_PAGE (page)) == NULL && invoice_id < 20; invoice_id++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "show-invoice", g_variant_new_int64 (invoice_id));
      dg_gui_test_iterate ();
    }
  g_assert_nonnull (dg_invoices_page_get_shown (DG_INVOICES_PAGE (page)));
  assert_print_dialog_opens (window);

  /* Pages without printing open nothing. */
  show_page (window, "tasks");
  press (window, "print");
  g_assert_null (print_dialog ());
}

/* One start of the window for all: each takes seconds. */
static void
drive_all (DgApplication *app,
           GtkWindow     *window)
{
  drive_accelerators (app, window);
  /* Before a new handbook is open, which would be printed. */
  drive_print (app, window);
  drive_search (app, window);
  drive_new_item (app, window);
  gtk_window_close (window);
}

static void
test_shortcuts (void)
{
  dg_gui_test_run_app (database_path, drive_all);
}

static void
create_sample (const char *path)
{
  const char *cli = g_getenv ("DG_CLI");
  const char *argv[] = { cli, "--database", path, "sample", "create", NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  int result;

  gtk_test_init (&argc, &argv, NULL);
  dir = dg_test_make_tmp_dir ();
  database_path = g_build_filename (dir, "sample.db", NULL);
  create_sample (database_path);

  g_test_add_func ("/shortcuts/all", test_shortcuts);
  result = g_test_run ();

  /* The folder goes with the database's -wal and -shm files. */
  dg_test_remove_tree (dir);
  g_free (database_path);
  return result;
}
