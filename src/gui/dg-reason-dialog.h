/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The response that carries the reason; "cancel" is the other one. */
#define DG_REASON_DIALOG_RESPONSE "confirm"

#define DG_TYPE_REASON_DIALOG (dg_reason_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgReasonDialog, dg_reason_dialog, DG, REASON_DIALOG, AdwMessageDialog)

/* Asks why, before a change that needs a reason (rejecting hours,
 * reopening an approved week): a message dialog on @parent with an entry
 * for the reason, "cancel" (the default, also on Escape) and
 * DG_REASON_DIALOG_RESPONSE labelled @response_label, which stays
 * insensitive until a reason is typed. Enter in the entry confirms.
 *
 * Signal "reason-chosen" (const char *reason, stripped, never empty): the
 * owner confirmed. The dialog closes itself. */
DgReasonDialog *dg_reason_dialog_new        (GtkWindow      *parent,
                                             const char     *heading,
                                             const char     *body,
                                             const char     *response_label);
/* The reason as typed, without surrounding spaces ("" when none). */
char           *dg_reason_dialog_dup_reason (DgReasonDialog *self);

G_END_DECLS
