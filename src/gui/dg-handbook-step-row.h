/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-handbook.h"

G_BEGIN_DECLS

#define DG_TYPE_HANDBOOK_STEP_ROW (dg_handbook_step_row_get_type ())
G_DECLARE_FINAL_TYPE (DgHandbookStepRow, dg_handbook_step_row, DG, HANDBOOK_STEP_ROW, GtkListBoxRow)

/* One step of a handbook in the editor: its fields write straight into
 * @step. The row does not reorder or remove anything itself; it asks:
 * "move" (guint from, guint to: 0-based positions; by drag and drop, or the
 * actions step.move-up / step.move-down on Alt+Up / Alt+Down) and "remove"
 * (the action step.remove). "changed" follows every edit. */
GtkWidget      *dg_handbook_step_row_new          (DgHandbookStep    *step);
DgHandbookStep *dg_handbook_step_row_get_step     (DgHandbookStepRow *self);
/* The 0-based position of the step, shown 1-based; the list sorts by it. */
void            dg_handbook_step_row_set_position (DgHandbookStepRow *self,
                                                   guint              position,
                                                   guint              n_steps);
guint           dg_handbook_step_row_get_position (DgHandbookStepRow *self);
/* Marks an empty title as an error even before it was typed into. */
void            dg_handbook_step_row_show_problems (DgHandbookStepRow *self);
void            dg_handbook_step_row_focus_title  (DgHandbookStepRow *self);

G_END_DECLS
