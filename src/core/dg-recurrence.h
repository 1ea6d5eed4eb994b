/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Recurrence rules of tasks: iCalendar RRULEs (RFC 5545 §3.3.10), built from
 * the presets the window offers or typed by hand, and expanded with libical
 * in the task's IANA time zone, so that 09:00 stays 09:00 local time across
 * daylight-saving changes. Rules are stored and exchanged as the value of
 * the RRULE property, without the "RRULE:" name ("FREQ=WEEKLY;BYDAY=MO,WE"). */

typedef enum
{
  DG_RECURRENCE_NONE,                /* one-off */
  DG_RECURRENCE_DAILY,
  DG_RECURRENCE_WEEKLY,              /* on the days in weekdays */
  DG_RECURRENCE_MONTHLY_BY_DAY,      /* on month_day */
  DG_RECURRENCE_MONTHLY_BY_WEEKDAY,  /* on the week_number-th weekday */
  DG_RECURRENCE_CUSTOM,              /* any other valid RRULE, kept as typed */
} DgRecurrenceKind;

/* Weekday bits for DgRecurrence.weekdays. */
typedef enum
{
  DG_WEEKDAY_MONDAY    = 1 << 0,
  DG_WEEKDAY_TUESDAY   = 1 << 1,
  DG_WEEKDAY_WEDNESDAY = 1 << 2,
  DG_WEEKDAY_THURSDAY  = 1 << 3,
  DG_WEEKDAY_FRIDAY    = 1 << 4,
  DG_WEEKDAY_SATURDAY  = 1 << 5,
  DG_WEEKDAY_SUNDAY    = 1 << 6,
} DgWeekdays;

typedef struct
{
  DgRecurrenceKind kind;
  int        interval;      /* every N days/weeks/months, >= 1 */
  DgWeekdays weekdays;      /* WEEKLY: at least one day */
  int        month_day;     /* MONTHLY_BY_DAY: 1..31, or -1 for the last day */
  int        week_number;   /* MONTHLY_BY_WEEKDAY: 1..4, or -1 for the last */
  GDateWeekday weekday;     /* MONTHLY_BY_WEEKDAY: the weekday */
  int        count;         /* ends after N occurrences; 0 = no count */
  char       until[11];     /* ends on this date (YYYY-MM-DD), "" = no end;
                             * count and until are not both set */
} DgRecurrence;

/* The RRULE value for @recurrence ("" for NONE, the kept text for CUSTOM is
 * not available here: CUSTOM is refused). UNTIL is written as the end of
 * that day in @time_zone, in UTC (RFC 5545 wants UTC when DTSTART has a
 * TZID); with @time_zone NULL (an all-day task) it is a DATE. Fails with
 * DG_VALIDATION_ERROR when a field is out of range. */
char       *dg_recurrence_to_rrule      (const DgRecurrence *recurrence,
                                         const char         *time_zone,
                                         GError            **error);
/* Recognises a rule one of the presets can show; anything else valid is
 * CUSTOM. @rrule may be "" (NONE). Returns FALSE only for an invalid rule. */
gboolean    dg_recurrence_from_rrule    (const char         *rrule,
                                         const char         *time_zone,
                                         DgRecurrence       *recurrence);

/* Checks a rule as typed: an optional "RRULE:" prefix and surrounding space
 * are allowed; FREQ is required and must be DAILY or slower (a task does not
 * repeat every hour); COUNT and UNTIL not together; every part known to
 * RFC 5545. On success returns the normalised value (no prefix, upper case,
 * parts in libical's order); otherwise NULL with a DG_VALIDATION_ERROR whose
 * message says what is wrong. */
char       *dg_rrule_normalize          (const char         *text,
                                         GError            **error);

/* @rrule (valid, or "") with its UNTIL in the form RFC 5545 wants for a
 * task due at @due_time ("" = all day) in @time_zone: a DATE for an all-day
 * task, else a UTC time (a DATE becomes the end of that day in the zone).
 * The occurrences stay the same. A rule typed by hand may have either form;
 * call this before storing or exporting it. NULL for an invalid rule. */
char       *dg_rrule_fit_until          (const char         *rrule,
                                         const char         *due_time,
                                         const char         *time_zone);

/* The rule as a sentence for the owner, translated: "Every day",
 * "Every 2 weeks on Monday and Wednesday", "Monthly on the last Friday,
 * 10 times", "Weekly on Tuesday, until 31 Dec 2026". "" for a one-off. */
char       *dg_rrule_describe           (const char         *rrule,
                                         const char         *time_zone);

/* One occurrence: its RECURRENCE-ID as iCalendar basic format in the task's
 * zone ("20261130T090000", or "20261130" for an all-day task) and the
 * instant it is due. */
typedef struct
{
  char   recurrence_id[16];
  gint64 due_utc;            /* Unix seconds; all day: 00:00 in the zone */
} DgOccurrenceTime;

/* Expands @rrule ("" = the single occurrence) starting at @due_date
 * (YYYY-MM-DD) and @due_time (HH:MM, or "" for all day) in @time_zone:
 * the occurrences whose due instant lies in [@from_utc, @to_utc), in order,
 * at most @max_count (0 = no limit). A local time that does not exist on a
 * day clocks go forward is moved forward by the gap (RFC 5545 §3.3.5);
 * an ambiguous one takes the first (daylight) instance. Returns a GArray of
 * DgOccurrenceTime, or NULL with an error for an invalid rule or date. */
GArray     *dg_recurrence_expand        (const char         *rrule,
                                         const char         *due_date,
                                         const char         *due_time,
                                         const char         *time_zone,
                                         gint64              from_utc,
                                         gint64              to_utc,
                                         guint               max_count,
                                         GError            **error);
/* Whether @recurrence_id is one of the occurrences of the rule. */
gboolean    dg_recurrence_has_occurrence (const char        *rrule,
                                          const char        *due_date,
                                          const char        *due_time,
                                          const char        *time_zone,
                                          const char        *recurrence_id);

/* Whether the date @year-@month-@day is one of the dates @rrule (valid,
 * normalised) gives by itself, wherever its series ends: not only the
 * start, which RFC 5545 counts as the first occurrence anyway. A weekly
 * rule on Mondays that starts on a Wednesday gives a first date no two
 * calendar programs agree on, so a task must start on a date of its rule.
 * A rule libical cannot walk is not refused here. */
gboolean    dg_rrule_includes_date      (const char         *rrule,
                                         int                 year,
                                         int                 month,
                                         int                 day);

/* Converts between a recurrence id and a GDateTime in @time_zone; NULL when
 * the text is not a recurrence id ("20261130T090000" or "20261130"). */
GDateTime  *dg_recurrence_id_to_date_time (const char       *recurrence_id,
                                           const char       *time_zone);
char       *dg_recurrence_id_from_date_time (GDateTime      *date_time,
                                             gboolean        all_day);

G_END_DECLS
