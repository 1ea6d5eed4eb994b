/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-assistant-store.h"
#include "dg-task-store.h"

G_BEGIN_DECLS

#define DG_TYPE_ASSISTANT_EDITOR (dg_assistant_editor_get_type ())
G_DECLARE_FINAL_TYPE (DgAssistantEditor, dg_assistant_editor, DG, ASSISTANT_EDITOR, AdwBin)

/* The detail form of one assistant. It edits a copy and writes it through
 * @store on Save (Ctrl+S); actions: editor.save, editor.discard,
 * editor.archive, editor.restore, editor.delete. Signals: "saved"
 * (DgAssistant *stored) and "closed" (deleted, or a new one discarded:
 * the form is blank again). */
void         dg_assistant_editor_set_store     (DgAssistantEditor *self,
                                                DgAssistantStore  *store);
/* The tasks shown as the assistant's open work, next due first. */
void         dg_assistant_editor_set_task_store (DgAssistantEditor *self,
                                                 DgTaskStore       *tasks);
/* Starts editing @assistant (a stored one), or a new one when NULL. */
void         dg_assistant_editor_edit          (DgAssistantEditor *self,
                                                DgAssistant       *assistant);
/* The stored assistant being edited; NULL for a new one. */
DgAssistant *dg_assistant_editor_get_edited    (DgAssistantEditor *self);
gboolean     dg_assistant_editor_get_dirty     (DgAssistantEditor *self);
gboolean     dg_assistant_editor_get_valid     (DgAssistantEditor *self);
/* Saves when there are valid changes; FALSE (with the reason shown) when
 * the changes are invalid or could not be stored. */
gboolean     dg_assistant_editor_save          (DgAssistantEditor *self);

G_END_DECLS
