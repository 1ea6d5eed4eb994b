/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-assistant-store.h"
#include "dg-timesheet-store.h"

G_BEGIN_DECLS

#define DG_TYPE_TIME_IMPORT_DIALOG (dg_time_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgTimeImportDialog, dg_time_import_dialog, DG, TIME_IMPORT_DIALOG, AdwWindow)

/* A modal dialog on @parent importing hours from @file (a CSV export of a
 * time tracker, or an iCalendar file) into @store: it reads the file, asks
 * which column holds what when the CSV's header is not one Delegate
 * knows, then previews every entry it would add and every bad line with
 * its line number and why. "Import" adds them all or nothing; when that
 * succeeds the dialog emits "imported" (guint: the number of entries
 * added) and closes, when it fails it says why and stays open. Cancel or
 * Escape close it without a change. */
DgTimeImportDialog *dg_time_import_dialog_new         (GtkWindow        *parent,
                                                       DgTimesheetStore *store,
                                                       DgAssistantStore *assistants,
                                                       GFile            *file);
/* Lets the owner choose a file (CSV or iCalendar) and then opens the
 * dialog for it; when @parent is the main window, a toast there says how
 * many entries were imported. */
void                dg_time_import_dialog_choose_file (GtkWindow        *parent,
                                                       DgTimesheetStore *store,
                                                       DgAssistantStore *assistants);

G_END_DECLS
