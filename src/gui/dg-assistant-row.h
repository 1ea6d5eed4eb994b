/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-assistant.h"

G_BEGIN_DECLS

#define DG_TYPE_ASSISTANT_ROW (dg_assistant_row_get_type ())
G_DECLARE_FINAL_TYPE (DgAssistantRow, dg_assistant_row, DG, ASSISTANT_ROW, AdwBin)

/* One assistant in the sidebar list: the name, and below it the zone, the
 * local time there and whether the assistant is archived. Set by the list's factory; NULL to unbind. */
void dg_assistant_row_set_assistant (DgAssistantRow *self,
                                     DgAssistant    *assistant);

G_END_DECLS
