/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-application.h"

G_BEGIN_DECLS

#define DG_TYPE_WINDOW (dg_window_get_type ())
G_DECLARE_FINAL_TYPE (DgWindow, dg_window, DG, WINDOW, AdwApplicationWindow)

/* Loads what the pages show from @db; NULL with @error when that fails. */
GtkWindow *dg_window_new             (DgApplication *application,
                                      DgDatabase    *db,
                                      GError       **error);
void       dg_window_add_toast       (DgWindow      *self,
                                      AdwToast      *toast);
/* The welcome page, on an empty database, in place of the pages. */
void       dg_window_set_welcome_visible (DgWindow  *self,
                                          gboolean   visible);
gboolean   dg_window_get_welcome_visible (DgWindow  *self);
/* Marks the window as showing the sample business: a bar that says so, with
 * Leave Sample, and the title. */
void       dg_window_set_sample          (DgWindow  *self,
                                          gboolean   sample);
gboolean   dg_window_get_sample          (DgWindow  *self);

G_END_DECLS
