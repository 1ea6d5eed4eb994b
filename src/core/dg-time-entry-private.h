/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-time-entry.h"

G_BEGIN_DECLS

/* The read-only display properties "assistant-name" and "task-title",
 * which only the timesheet store fills in (from the assistant and the
 * task). NULL is taken as "". */
void _dg_time_entry_set_display (DgTimeEntry *self,
                                 const char  *assistant_name,
                                 const char  *task_title);

/* What only storage decides: the row id (0 for an entry not stored), the
 * approval state and the rejection reason (NULL is taken as ""). The store
 * sets them when it reads a row or after a change it has committed, and
 * the importer to describe what an entry would be; neither is checked
 * here, the store's transitions are the rules. */
void _dg_time_entry_set_stored  (DgTimeEntry      *self,
                                 gint64            id,
                                 DgTimeEntryState  state,
                                 const char       *reason);

G_END_DECLS
