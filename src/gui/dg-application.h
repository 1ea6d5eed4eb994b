/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-database.h"

G_BEGIN_DECLS

#define DG_TYPE_APPLICATION (dg_application_get_type ())
G_DECLARE_FINAL_TYPE (DgApplication, dg_application, DG, APPLICATION, AdwApplication)

DgApplication *dg_application_new          (void);
/* The database the window shows: the owner's, or the sample business's
 * while the owner explores it. NULL until the application has started and
 * opened its database. */
DgDatabase    *dg_application_get_database (DgApplication *self);
gboolean       dg_application_get_exploring_sample (DgApplication *self);
/* Whether a window on an empty database opens on the welcome page (it does
 * unless turned off; the page tests turn it off, as they start on an empty
 * database). Set before the application runs. */
void           dg_application_set_welcome_enabled  (DgApplication *self,
                                                    gboolean       enabled);

G_END_DECLS
