/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-task-store.h"

G_BEGIN_DECLS

#define DG_TYPE_AGENDA_VIEW (dg_agenda_view_get_type ())
G_DECLARE_FINAL_TYPE (DgAgendaView, dg_agenda_view, DG, AGENDA_VIEW, AdwBin)

/* Fourteen days of occurrences from a first day, under a heading per day,
 * each in the owner's time with the assistant's local time beside it; an
 * occurrence is marked done, skipped or open again from its row. Follows
 * the store's "items-changed" and "occurrences-changed" while it is shown;
 * hidden, it lists nothing until it is shown again. Actions:
 * agenda.previous, agenda.today, agenda.next (two weeks back, the two weeks
 * from today, two weeks on). */
void       dg_agenda_view_set_store        (DgAgendaView *self,
                                            DgTaskStore  *store);
/* Only the tasks of @assistant_id; 0 for every assistant. */
void       dg_agenda_view_set_assistant_id (DgAgendaView *self,
                                            gint64        assistant_id);
/* The first day shown: the day of @start, whose zone is the owner's (in
 * which the days are counted and the times shown). NULL: today in the
 * local zone, the default. */
void       dg_agenda_view_set_start        (DgAgendaView *self,
                                            GDateTime    *start);
/* The first day shown, 00:00 in the owner's zone. */
GDateTime *dg_agenda_view_get_start        (DgAgendaView *self);

G_END_DECLS
