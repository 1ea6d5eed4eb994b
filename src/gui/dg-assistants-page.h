/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-assistant-store.h"
#include "dg-task-store.h"

G_BEGIN_DECLS

#define DG_TYPE_ASSISTANTS_PAGE (dg_assistants_page_get_type ())
G_DECLARE_FINAL_TYPE (DgAssistantsPage, dg_assistants_page, DG, ASSISTANTS_PAGE, AdwBin)

/* The Assistants page: a searchable list beside the editor, or an empty state.
 * Actions: assistants.add (Ctrl+N), assistants.search (Ctrl+F). */
void     dg_assistants_page_set_store     (DgAssistantsPage *self,
                                           DgAssistantStore *store);
/* The tasks the editor lists as the assistant's open work. */
void     dg_assistants_page_set_task_store (DgAssistantsPage *self,
                                            DgTaskStore      *tasks);
/* Saves valid unsaved changes before the window closes. FALSE when the
 * changes are invalid: the page then asks whether to discard them, and
 * closes the window itself if the owner agrees. */
gboolean dg_assistants_page_prepare_close (DgAssistantsPage *self);

G_END_DECLS
