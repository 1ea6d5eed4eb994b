/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-window"

#include "dg-assistant.h"
#include "dg-assistants-page.h"
#include "dg-gui-test.h"

static char *database_path;

static void
check_list_shows_cli_assistant (DgApplication *app,
                                GtkWindow     *window)
{
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_ASSISTANTS_PAGE);
  GtkListView *list = GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "assistant_list"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (model);
  AdwLeaflet *leaflet = ADW_LEAFLET (dg_gui_test_find_by_type (page, ADW_TYPE_LEAFLET));
  GtkWidget *sidebar = dg_gui_test_find_by_name (page, "assistant_sidebar");
  g_autoptr(DgAssistant) assistant = NULL;

  dg_gui_test_show_page (window, "assistants");

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  assistant = g_list_model_get_item (model, 0);
  g_assert_cmpstr (dg_assistant_get_name (assistant), ==, "Jonas Becker");
  g_assert_cmpstr (dg_assistant_get_time_zone (assistant), ==, "Europe/Berlin");
  g_assert_cmpint (dg_assistant_get_hourly_rate (assistant), ==, 2850);

  /* On a narrow window the list stands alone; a row opens the editor, Back
   * returns, and the same row opens it again. */
  gtk_window_set_default_size (window, 360, 640);
  while (!adw_leaflet_get_folded (leaflet))
    g_main_context_iteration (NULL, TRUE);
  dg_gui_test_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < 2; i++)
    {
      gtk_single_selection_set_selected (selection, 0);
      dg_gui_test_iterate ();
      g_assert_true (adw_leaflet_get_visible_child (leaflet) != sidebar);
      g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK));
      dg_gui_test_iterate ();
      g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
    }
}

static void
test_cli_then_window (void)
{
  const char *cli = g_getenv ("DG_CLI");
  const char *argv[] = {
    cli, "--database", database_path, "assistant", "add",
    "--name", "Jonas Becker", "--time-zone", "Europe/Berlin",
    "--currency", "EUR", "--rate", "28,50", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  dg_gui_test_run_app (database_path, check_list_shows_cli_assistant);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;

  gtk_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("delegate-test-XXXXXX", NULL);
  database_path = g_build_filename (dir, "delegate.db", NULL);

  g_test_add_func ("/window/cli-then-window", test_cli_then_window);
  return g_test_run ();
}
