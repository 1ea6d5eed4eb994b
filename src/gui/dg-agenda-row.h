/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-occurrence-item.h"

G_BEGIN_DECLS

#define DG_TYPE_AGENDA_ROW (dg_agenda_row_get_type ())
G_DECLARE_FINAL_TYPE (DgAgendaRow, dg_agenda_row, DG, AGENDA_ROW, GtkWidget)

/* One occurrence in the agenda, made once by the agenda's list factory and
 * bound to one item after another: its title, the due time in the owner's
 * zone with the assistant's local time beside it, the assistant, and its
 * status (done and skipped ones struck through, an overdue one marked).
 * Its buttons and menu emit "status-requested" (DgTaskStatus) with the
 * status the owner chose; the agenda writes it. */
GtkWidget        *dg_agenda_row_new            (void);
/* Shows @item (an occurrence, not a heading) and follows its changes;
 * NULL lets go of the item the row showed. */
void              dg_agenda_row_set_item       (DgAgendaRow      *self,
                                                DgOccurrenceItem *item,
                                                GTimeZone        *owner_zone);
DgTaskOccurrence *dg_agenda_row_get_occurrence (DgAgendaRow      *self);

G_END_DECLS
