/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-database.h"

G_BEGIN_DECLS

#define DG_TYPE_APPLICATION (dg_application_get_type ())
G_DECLARE_FINAL_TYPE (DgApplication, dg_application, DG, APPLICATION, AdwApplication)

DgApplication *dg_application_new          (void);
/* NULL until the application has started and opened its database. */
DgDatabase    *dg_application_get_database (DgApplication *self);

G_END_DECLS
