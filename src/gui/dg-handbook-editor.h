/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-handbook-store.h"

G_BEGIN_DECLS

#define DG_TYPE_HANDBOOK_EDITOR (dg_handbook_editor_get_type ())
G_DECLARE_FINAL_TYPE (DgHandbookEditor, dg_handbook_editor, DG, HANDBOOK_EDITOR, AdwBin)

/* The editor of one handbook's draft. Every change goes straight into the
 * draft object and is saved through the store half a second later, also
 * while the draft lacks a title (the fields show what publishing needs;
 * handbook.publish is off until then). Actions: handbook.publish, handbook.history,
 * handbook.print, handbook.export-pdf, handbook.export-markdown,
 * handbook.duplicate, handbook.archive, handbook.restore, handbook.delete,
 * handbook.add-step. Signals: "saved" (DgHandbook *) after each save,
 * archive or restore; "open" (DgHandbook *) asks to show another handbook
 * (a duplicate); "closed" after the handbook was deleted. */
void        dg_handbook_editor_set_store    (DgHandbookEditor *self,
                                             DgHandbookStore  *store);
/* Starts editing @handbook: a draft from the store's list, or a new one
 * (id 0) that is stored with its first change. */
void        dg_handbook_editor_edit         (DgHandbookEditor *self,
                                             DgHandbook       *handbook);
DgHandbook *dg_handbook_editor_get_handbook (DgHandbookEditor *self);
void        dg_handbook_editor_focus_title  (DgHandbookEditor *self);
/* TRUE while edits wait to be saved, or could not be saved. */
gboolean    dg_handbook_editor_get_dirty    (DgHandbookEditor *self);
/* Complete enough to publish (dg_handbook_validate()). */
gboolean    dg_handbook_editor_get_valid    (DgHandbookEditor *self);
/* Saves waiting edits now, complete or not, and marks at the fields what
 * publishing still needs. FALSE only when the store refused them (the
 * database failed, or the handbook was deleted meanwhile): the reason is
 * in @error (a toast shows it when @error is NULL), and the edits stay in
 * the editor. */
gboolean    dg_handbook_editor_save         (DgHandbookEditor  *self,
                                             GError           **error);
/* Forgets edits that could not be saved, so that closing does not ask
 * again. */
void        dg_handbook_editor_discard      (DgHandbookEditor *self);

G_END_DECLS
