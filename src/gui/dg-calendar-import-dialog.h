/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-calendar-import.h"

G_BEGIN_DECLS

#define DG_TYPE_CALENDAR_IMPORT_DIALOG (dg_calendar_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgCalendarImportDialog, dg_calendar_import_dialog, DG, CALENDAR_IMPORT_DIALOG, AdwWindow)

/* A modal dialog on @parent previewing a prepared status import: what it
 * will change and which entries of the file it leaves alone, and why.
 * "Apply Changes" writes them with dg_calendar_import_apply(); when that
 * succeeds the dialog emits "applied" and closes, when it fails it shows
 * why and stays open. Cancel or Escape close it without a change. */
DgCalendarImportDialog *dg_calendar_import_dialog_new (GtkWindow        *parent,
                                                       DgCalendarImport *import);

G_END_DECLS
