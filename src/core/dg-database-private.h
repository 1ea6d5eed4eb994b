/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-database.h"

G_BEGIN_DECLS

/* Opens @path and migrates it only up to @version, so that tests can build a
 * database of an older schema, fill it, and then migrate it for real. */
DgDatabase *_dg_database_open_at_version (const char  *path,
                                          int          version,
                                          GError     **error);

G_END_DECLS
