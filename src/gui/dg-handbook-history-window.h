/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-handbook-store.h"

G_BEGIN_DECLS

#define DG_TYPE_HANDBOOK_HISTORY_WINDOW (dg_handbook_history_window_get_type ())
G_DECLARE_FINAL_TYPE (DgHandbookHistoryWindow, dg_handbook_history_window, DG, HANDBOOK_HISTORY_WINDOW, AdwWindow)

/* A modal window on @parent with the published versions of @draft's
 * handbook, what changed between them, and who has read which version;
 * acknowledgements can be recorded from it. */
GtkWidget *dg_handbook_history_window_new (GtkWindow       *parent,
                                           DgHandbookStore *store,
                                           DgHandbook      *draft);

G_END_DECLS
