/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-timesheet-store.h"

G_BEGIN_DECLS

#define DG_TYPE_TIME_ENTRY_DIALOG (dg_time_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgTimeEntryDialog, dg_time_entry_dialog, DG, TIME_ENTRY_DIALOG, AdwWindow)

/* Edits one pending or rejected time entry: its date, start time (in the
 * entry's zone, the assistant's), duration, task (the assistant's) and
 * note. Save (action entry.save, also Ctrl+S / Ctrl+Enter) writes it with
 * dg_timesheet_store_update_entry, which makes a rejected entry pending
 * again; a field that cannot be read, or a change the store refuses, is
 * said inside the dialog, which then stays open. The dialog closes itself
 * once the entry is saved. */
DgTimeEntryDialog *dg_time_entry_dialog_new (GtkWindow        *parent,
                                             DgTimesheetStore *store,
                                             DgTimeEntry      *entry);

G_END_DECLS
