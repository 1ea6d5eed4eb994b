/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-timesheet-store.h"

G_BEGIN_DECLS

/* The response that approves; "cancel" is the other one. */
#define DG_APPROVE_UNTIL_DIALOG_RESPONSE "approve"

#define DG_TYPE_APPROVE_UNTIL_DIALOG (dg_approve_until_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgApproveUntilDialog, dg_approve_until_dialog, DG, APPROVE_UNTIL_DIALOG, AdwMessageDialog)

/* "Approve All Up To…": a message dialog on @parent with a calendar (the
 * last day of last week at first) and a body that says how many pending
 * entries of every assistant, of how many hours, are dated that day or
 * earlier. DG_APPROVE_UNTIL_DIALOG_RESPONSE is insensitive while there
 * are none, "cancel" is the default (also on Escape). On the approving
 * response the dialog calls dg_timesheet_store_approve_until() for the
 * chosen day, and says in a message dialog on @parent when that fails. */
DgApproveUntilDialog *dg_approve_until_dialog_new       (GtkWindow            *parent,
                                                         DgTimesheetStore     *store);
/* Chooses @until in the calendar; the body follows. */
void                  dg_approve_until_dialog_set_until (DgApproveUntilDialog *self,
                                                         const GDate          *until);
/* The pending entries the body counts and their minutes. */
guint                 dg_approve_until_dialog_get_n_entries (DgApproveUntilDialog *self);
gint64                dg_approve_until_dialog_get_minutes   (DgApproveUntilDialog *self);

G_END_DECLS
