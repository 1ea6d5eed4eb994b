/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-tasks-page.h"

G_BEGIN_DECLS

/* Makes Export Calendar… write to @file and Import Status… read @file
 * instead of asking where, which a test cannot answer; NULL asks again. */
void     dg_tasks_page_set_test_file (GFile       *file);
/* Whether the list was ever made: not before it is first shown. */
gboolean dg_tasks_page_get_loaded    (DgTasksPage *self);

G_END_DECLS
