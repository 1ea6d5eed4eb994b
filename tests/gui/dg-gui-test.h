/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-application.h"

G_BEGIN_DECLS

typedef void (*DgGuiTestFunc) (DgApplication *app, GtkWindow *window);

/* Runs the real application on @database_path and calls @func from the main
 * loop once its window is shown; fails the test after a time-out. */
void       dg_gui_test_run_app           (const char     *database_path,
                                          DgGuiTestFunc   func);
/* The same, with string data set on the application (key, value pairs
 * ending in NULL) for @func to read with g_object_get_data(). */
void       dg_gui_test_run_app_with_data (const char     *database_path,
                                          DgGuiTestFunc   func,
                                          ...) G_GNUC_NULL_TERMINATED;
/* The same as a first start: an empty database opens on the welcome page,
 * which dg_gui_test_run_app() turns off for the tests of the pages. */
void       dg_gui_test_run_first_start   (const char     *database_path,
                                          DgGuiTestFunc   func);
/* Lets GTK handle pending events (layout, drawing, idle callbacks). */
void       dg_gui_test_iterate           (void);
/* Shows the page @name of @window's view stack and waits until it is drawn:
 * a page shown for the first time is laid out only in the next frame, and
 * only then knows whether its leaflet folds. The window opens on the
 * Overview. */
void       dg_gui_test_show_page         (GtkWindow      *window,
                                          const char     *name);
GtkWidget *dg_gui_test_find_by_name      (GtkWidget      *root,
                                          const char     *name);
GtkWidget *dg_gui_test_find_by_type      (GtkWidget      *root,
                                          GType           type);
/* The first toplevel window of @type, or NULL. */
GtkWindow *dg_gui_test_find_toplevel     (GType           type);
/* Renders @widget to a PNG file; returns the texture's width. */
int        dg_gui_test_render_png        (GtkWidget      *widget,
                                          const char     *path);

G_END_DECLS
