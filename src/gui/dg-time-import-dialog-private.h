/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-time-import-dialog.h"

G_BEGIN_DECLS

/* For tests: dg_time_import_dialog_choose_file() opens the dialog on
 * @file at once instead of asking for one (NULL: asks again). */
void dg_time_import_dialog_set_test_file (GFile *file);

G_END_DECLS
