/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-assistant-store.h"
#include "dg-business-profile.h"
#include "dg-handbook-store.h"
#include "dg-task-store.h"

G_BEGIN_DECLS

/* The tasks of @assistant_id (0: every assistant) as an iCalendar file for
 * the assistant's calendar (RFC 5545, CRLF line ends, lines folded at 75
 * octets, UTF-8): PRODID and VERSION:2.0; one VTIMEZONE (from libical's
 * zone data, TZID the IANA name) for every zone used but UTC; one VTODO
 * per task with UID, DTSTAMP, CREATED, SUMMARY, DUE in the task's zone
 * (VALUE=DATE when all day; UTC "…Z" without TZID for a task in UTC,
 * Etc/UTC, GMT and the like), for a repeating task also DTSTART (the same
 * as DUE) and RRULE (UNTIL as RFC 5545 wants it beside DTSTART: a UTC time,
 * or a DATE when all day), STATUS, PRIORITY, PERCENT-COMPLETE,
 * COMPLETED, ORGANIZER (the business e-mail, CN the business name; left
 * out when there is no e-mail), ATTENDEE (the assistant's e-mail and name),
 * DESCRIPTION (the notes, then the pinned handbook version's title and
 * numbered steps with their details), and X-DELEGATE-HANDBOOK-VERSION;
 * then for every occurrence with a stored status a VTODO with the same UID
 * and its RECURRENCE-ID: the occurrence's recurrence id as the rule names
 * it (the nominal local time, also on a day the clocks skip it), with the
 * task's TZID, or a DATE. Cancelled tasks are written with STATUS:CANCELLED
 * so that the assistant's copy learns about them. */
char     *dg_calendar_export      (DgTaskStore       *tasks,
                                   DgHandbookStore   *handbooks,
                                   DgAssistantStore  *assistants,
                                   DgBusinessProfile *profile,
                                   gint64             assistant_id,
                                   GError           **error);
/* Writes dg_calendar_export() to @file atomically (a failed write leaves an
 * existing file as it was). */
gboolean  dg_calendar_export_to_file (DgTaskStore       *tasks,
                                      DgHandbookStore   *handbooks,
                                      DgAssistantStore  *assistants,
                                      DgBusinessProfile *profile,
                                      gint64             assistant_id,
                                      GFile             *file,
                                      GError           **error);

G_END_DECLS
