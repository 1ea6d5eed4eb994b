/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-task.h"

G_BEGIN_DECLS

/* The read-only display properties, which only DgTaskStore fills in from
 * the assistant and the pinned handbook version. */
void _dg_task_set_display (DgTask     *self,
                           const char *assistant_name,
                           const char *assistant_time_zone,
                           const char *handbook_title);

G_END_DECLS
