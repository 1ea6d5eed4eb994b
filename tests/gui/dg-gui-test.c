/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-gui-test"

#include "dg-gui-test.h"

typedef struct
{
  DgGuiTestFunc func;
  gboolean      done;
} RunData;

#define TIMEOUT_SECONDS 30

void
dg_gui_test_iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
on_timeout (gpointer user_data)
{
  g_error ("The window did not appear or the test did not finish within %d seconds.", TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

static gboolean
run_test (gpointer user_data)
{
  DgApplication *app = user_data;
  RunData *data = g_object_get_data (G_OBJECT (app), "dg-run-data");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  dg_gui_test_iterate ();
  data->func (app, window);
  data->done = TRUE;
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             gpointer      user_data)
{
  g_timeout_add (50, run_test, app);
}

static void run_app (DgApplication *app,
                     const char    *database_path,
                     DgGuiTestFunc  func);

void
dg_gui_test_run_app (const char    *database_path,
                     DgGuiTestFunc  func)
{
  g_autoptr(DgApplication) app = dg_application_new ();

  dg_application_set_welcome_enabled (app, FALSE);
  run_app (app, database_path, func);
}

void
dg_gui_test_run_first_start (const char    *database_path,
                             DgGuiTestFunc  func)
{
  g_autoptr(DgApplication) app = dg_application_new ();

  run_app (app, database_path, func);
}

void
dg_gui_test_run_app_with_data (const char    *database_path,
                               DgGuiTestFunc  func,
                               ...)
{
  g_autoptr(DgApplication) app = dg_application_new ();
  const char *key;
  va_list args;

  va_start (args, func);
  while ((key = va_arg (args, const char *)) != NULL)
    g_object_set_data_full (G_OBJECT (app), key, g_strdup (va_arg (args, const char *)), g_free);
  va_end (args);

  dg_application_set_welcome_enabled (app, FALSE);
  run_app (app, database_path, func);
}

static void
run_app (DgApplication *app,
         const char    *database_path,
         DgGuiTestFunc  func)
{
  RunData data = { func, FALSE };
  char *argv[] = { (char *) "delegate", (char *) "--database", (char *) database_path, NULL };
  guint timeout_id;

  g_object_set_data (G_OBJECT (app), "dg-run-data", &data);
  /* Connected after the application's own handler, so the window exists. */
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);
  timeout_id = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout, NULL);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_source_remove (timeout_id);
  g_assert_true (data.done);
}

GtkWidget *
dg_gui_test_find_by_name (GtkWidget  *root,
                          const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dg_gui_test_find_by_name (child, name);
      if (found)
        return found;
    }
  return NULL;
}

GtkWidget *
dg_gui_test_find_by_type (GtkWidget *root,
                          GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dg_gui_test_find_by_type (child, type);
      if (found)
        return found;
    }
  return NULL;
}

GtkWindow *
dg_gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (toplevel), type))
        return toplevel;
    }
  return NULL;
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* A widget paintable draws nothing while layout is pending: let one frame
 * be painted first. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

void
dg_gui_test_show_page (GtkWindow  *window,
                       const char *name)
{
  GtkWidget *stack = dg_gui_test_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
  wait_for_frame (GTK_WIDGET (window));
  dg_gui_test_iterate ();
}

int
dg_gui_test_render_png (GtkWidget  *widget,
                        const char *path)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* The paintable may have nothing to draw while a frame is pending or an
   * animation (a toast, a stack transition) runs: try over a few frames. */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      wait_for_frame (widget);
      g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
      gdk_paintable_snapshot (paintable, snapshot,
                              gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return gdk_texture_get_width (texture);
}
