/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-handbook-store.h"

G_BEGIN_DECLS

#define DG_TYPE_HANDBOOK_TEMPLATE_DIALOG (dg_handbook_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DgHandbookTemplateDialog, dg_handbook_template_dialog, DG, HANDBOOK_TEMPLATE_DIALOG, AdwWindow)

/* A modal dialog on @parent listing the starter templates. Choosing one
 * stores a new handbook with its content through @store, emits "created"
 * (DgHandbook *saved) and closes the dialog. */
GtkWidget *dg_handbook_template_dialog_new (GtkWindow       *parent,
                                            DgHandbookStore *store);

G_END_DECLS
