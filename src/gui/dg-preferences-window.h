/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-business-profile.h"
#include "dg-database.h"

G_BEGIN_DECLS

#define DG_TYPE_PREFERENCES_WINDOW (dg_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (DgPreferencesWindow, dg_preferences_window, DG, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Edits the business profile stored in @db. Each valid change is saved at
 * once; an invalid one is shown beside its field and never saved, and closing
 * the window while one is shown asks whether to discard it. */
GtkWidget         *dg_preferences_window_new         (GtkWindow           *parent,
                                                      DgDatabase          *db);
/* The profile being edited: it holds the last valid value of each field. */
DgBusinessProfile *dg_preferences_window_get_profile (DgPreferencesWindow *self);

G_END_DECLS
