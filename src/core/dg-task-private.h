/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-task.h"

G_BEGIN_DECLS

/* The read-only display properties, which only DgTaskStore fills in from
 * the assistant and the pinned handbook version. */
void _dg_task_set_display (DgTask     *self,
                           const char *assistant_name,
                           const char *assistant_time_zone,
                           const char *handbook_title);

/* The title's collation key, case folded, kept until the title changes:
 * lists sort thousands of occurrences by it. */
const char *_dg_task_get_sort_key (DgTask *self);

/* The zone @identifier names (a new reference), or NULL for an unknown
 * one. GLib keeps a parsed zone in its cache only while something holds a
 * reference, and otherwise reads and parses the zone file again on every
 * g_time_zone_new_identifier(); lists make thousands of those calls (here
 * and in dg-recurrence.c). So every zone looked up here is kept for the
 * life of the process, which makes all of them cache hits. */
GTimeZone *_dg_task_lookup_zone (const char *identifier);

/* The calendar day of @date_time in its own zone, as a Julian day number,
 * by which the Tasks page and overdue checks compare days. */
guint32 _dg_date_time_get_day_number (GDateTime *date_time);

G_END_DECLS
