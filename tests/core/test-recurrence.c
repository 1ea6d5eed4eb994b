/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-recurrence"

#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "dg-recurrence.h"
#include "dg-validation.h"

/* Every expected instant below is worked out by hand from the zone's rules
 * (and was cross-checked with python-dateutil and zoneinfo), never taken
 * from this code's output. */

static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (date_time);
}

#define ANY_FROM G_MININT64
#define ANY_TO   G_MAXINT64

static GArray *
expand (const char *rrule,
        const char *due_date,
        const char *due_time,
        const char *time_zone,
        gint64      from_utc,
        gint64      to_utc,
        guint       max_count)
{
  g_autoptr(GError) error = NULL;
  GArray *occurrences = dg_recurrence_expand (rrule, due_date, due_time, time_zone,
                                              from_utc, to_utc, max_count, &error);

  g_assert_no_error (error);
  g_assert_nonnull (occurrences);
  return occurrences;
}

static void
assert_occurrence (GArray     *occurrences,
                   guint       index,
                   const char *recurrence_id,
                   gint64      due_utc)
{
  const DgOccurrenceTime *occurrence;

  g_assert_cmpuint (index, <, occurrences->len);
  occurrence = &g_array_index (occurrences, DgOccurrenceTime, index);
  g_assert_cmpstr (occurrence->recurrence_id, ==, recurrence_id);
  g_assert_cmpint (occurrence->due_utc, ==, due_utc);
}

/* The UTC offset in minutes an occurrence "…T090000" was given. */
static int
offset_minutes_at_nine (const DgOccurrenceTime *occurrence)
{
  int year, month, day;

  g_assert_cmpint (sscanf (occurrence->recurrence_id, "%4d%2d%2dT090000", &year, &month, &day), ==, 3);
  return (int) ((utc (year, month, day, 9, 0) - occurrence->due_utc) / 60);
}

/* ---- daylight-saving time --------------------------------------------- */

static void
test_berlin_weekly_across_dst (void)
{
  g_autoptr(GArray) occurrences = expand ("FREQ=WEEKLY", "2026-03-16", "09:00", "Europe/Berlin",
                                          ANY_FROM, utc (2026, 11, 3, 0, 0), 0);

  /* 16 March to 2 November is 231 days: 33 weeks, 34 Mondays. */
  g_assert_cmpuint (occurrences->len, ==, 34);
  assert_occurrence (occurrences, 0, "20260316T090000", utc (2026, 3, 16, 8, 0));
  assert_occurrence (occurrences, 1, "20260323T090000", utc (2026, 3, 23, 8, 0));
  /* Summer time from 29 March (last Sunday of March). */
  assert_occurrence (occurrences, 2, "20260330T090000", utc (2026, 3, 30, 7, 0));
  assert_occurrence (occurrences, 31, "20261019T090000", utc (2026, 10, 19, 7, 0));
  /* Winter time again from 25 October (last Sunday of October). */
  assert_occurrence (occurrences, 32, "20261026T090000", utc (2026, 10, 26, 8, 0));
  assert_occurrence (occurrences, 33, "20261102T090000", utc (2026, 11, 2, 8, 0));

  for (guint i = 0; i < occurrences->len; i++)
    {
      const DgOccurrenceTime *occurrence = &g_array_index (occurrences, DgOccurrenceTime, i);
      gboolean summer = strcmp (occurrence->recurrence_id, "20260329") > 0 &&
                        strcmp (occurrence->recurrence_id, "20261025") < 0;

      g_assert_cmpint (offset_minutes_at_nine (occurrence), ==, summer ? 120 : 60);
    }
}

static void
test_new_york_weekly_across_dst (void)
{
  g_autoptr(GArray) spring = expand ("FREQ=WEEKLY", "2026-03-02", "09:00", "America/New_York",
                                     ANY_FROM, ANY_TO, 3);
  g_autoptr(GArray) autumn = expand ("FREQ=WEEKLY", "2026-10-26", "09:00", "America/New_York",
                                     ANY_FROM, ANY_TO, 3);

  /* EDT from Sunday 8 March, EST again from Sunday 1 November. */
  assert_occurrence (spring, 0, "20260302T090000", utc (2026, 3, 2, 14, 0));
  assert_occurrence (spring, 1, "20260309T090000", utc (2026, 3, 9, 13, 0));
  assert_occurrence (spring, 2, "20260316T090000", utc (2026, 3, 16, 13, 0));
  assert_occurrence (autumn, 0, "20261026T090000", utc (2026, 10, 26, 13, 0));
  assert_occurrence (autumn, 1, "20261102T090000", utc (2026, 11, 2, 14, 0));
  assert_occurrence (autumn, 2, "20261109T090000", utc (2026, 11, 9, 14, 0));
}

static void
test_manila_has_no_dst (void)
{
  g_autoptr(GArray) occurrences = expand ("FREQ=WEEKLY", "2026-01-05", "09:00", "Asia/Manila",
                                          ANY_FROM, utc (2027, 1, 1, 0, 0), 0);

  g_assert_cmpuint (occurrences->len, ==, 52);
  for (guint i = 0; i < occurrences->len; i++)
    g_assert_cmpint (offset_minutes_at_nine (&g_array_index (occurrences, DgOccurrenceTime, i)), ==, 8 * 60);
  assert_occurrence (occurrences, 0, "20260105T090000", utc (2026, 1, 5, 1, 0));
}

static void
test_lord_howe_half_hour_dst (void)
{
  g_autoptr(GArray) april = expand ("FREQ=WEEKLY", "2026-03-29", "09:00", "Australia/Lord_Howe",
                                    ANY_FROM, ANY_TO, 3);
  g_autoptr(GArray) october = expand ("FREQ=WEEKLY", "2026-09-27", "09:00", "Australia/Lord_Howe",
                                      ANY_FROM, ANY_TO, 3);

  /* +11:00 in summer until the first Sunday of April (5 April), then
   * +10:30 until the first Sunday of October (4 October). */
  assert_occurrence (april, 0, "20260329T090000", utc (2026, 3, 28, 22, 0));
  assert_occurrence (april, 1, "20260405T090000", utc (2026, 4, 4, 22, 30));
  assert_occurrence (april, 2, "20260412T090000", utc (2026, 4, 11, 22, 30));
  assert_occurrence (october, 0, "20260927T090000", utc (2026, 9, 26, 22, 30));
  assert_occurrence (october, 1, "20261004T090000", utc (2026, 10, 3, 22, 0));
  assert_occurrence (october, 2, "20261011T090000", utc (2026, 10, 10, 22, 0));
}

/* libical 3.0 keeps St. John's on standard time all year after 2037. */
static void
test_dst_after_2037 (void)
{
  g_autoptr(GArray) st_johns = expand ("FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1", "2038-01-01", "09:00",
                                       "America/St_Johns", ANY_FROM, ANY_TO, 4);
  g_autoptr(GArray) berlin = expand ("", "2040-07-02", "09:00", "Europe/Berlin", ANY_FROM, ANY_TO, 0);

  /* NST is -03:30, NDT (March to November) -02:30. */
  assert_occurrence (st_johns, 0, "20380101T090000", utc (2038, 1, 1, 12, 30));
  assert_occurrence (st_johns, 1, "20380701T090000", utc (2038, 7, 1, 11, 30));
  assert_occurrence (st_johns, 2, "20390101T090000", utc (2039, 1, 1, 12, 30));
  assert_occurrence (st_johns, 3, "20390701T090000", utc (2039, 7, 1, 11, 30));
  assert_occurrence (berlin, 0, "20400702T090000", utc (2040, 7, 2, 7, 0));
}

static void
test_gap_moves_forward (void)
{
  g_autoptr(GArray) berlin = expand ("FREQ=DAILY", "2026-03-28", "02:30", "Europe/Berlin",
                                     ANY_FROM, ANY_TO, 3);
  g_autoptr(GArray) new_york = expand ("", "2026-03-08", "02:30", "America/New_York",
                                       ANY_FROM, ANY_TO, 0);
  g_autoptr(GArray) lord_howe = expand ("", "2026-10-04", "02:15", "Australia/Lord_Howe",
                                        ANY_FROM, ANY_TO, 0);

  /* 02:30 does not exist on 29 March: 03:30 CEST, 01:30 UTC. The
   * recurrence id keeps the nominal time. */
  assert_occurrence (berlin, 0, "20260328T023000", utc (2026, 3, 28, 1, 30));
  assert_occurrence (berlin, 1, "20260329T023000", utc (2026, 3, 29, 1, 30));
  assert_occurrence (berlin, 2, "20260330T023000", utc (2026, 3, 30, 0, 30));
  /* 02:30 EST read before the gap is 03:30 EDT. */
  assert_occurrence (new_york, 0, "20260308T023000", utc (2026, 3, 8, 7, 30));
  /* 02:00 → 02:30 on Lord Howe: 02:15 at +10:30 is 02:45 at +11:00. */
  assert_occurrence (lord_howe, 0, "20261004T021500", utc (2026, 10, 3, 15, 45));
}

static void
test_ambiguous_takes_first (void)
{
  g_autoptr(GArray) new_york = expand ("", "2026-11-01", "01:30", "America/New_York",
                                       ANY_FROM, ANY_TO, 0);
  g_autoptr(GArray) berlin = expand ("FREQ=DAILY", "2026-10-24", "02:30", "Europe/Berlin",
                                     ANY_FROM, ANY_TO, 3);
  g_autoptr(GArray) lord_howe = expand ("", "2026-04-05", "01:45", "Australia/Lord_Howe",
                                        ANY_FROM, ANY_TO, 0);

  /* 01:30 EDT, not 01:30 EST an hour later. */
  assert_occurrence (new_york, 0, "20261101T013000", utc (2026, 11, 1, 5, 30));
  assert_occurrence (berlin, 0, "20261024T023000", utc (2026, 10, 24, 0, 30));
  assert_occurrence (berlin, 1, "20261025T023000", utc (2026, 10, 25, 0, 30));
  assert_occurrence (berlin, 2, "20261026T023000", utc (2026, 10, 26, 1, 30));
  /* 01:45 at +11:00, not at +10:30. */
  assert_occurrence (lord_howe, 0, "20260405T014500", utc (2026, 4, 4, 14, 45));
}

/* ---- rules ------------------------------------------------------------- */

static void
test_daily_interval (void)
{
  g_autoptr(GArray) occurrences = expand ("FREQ=DAILY;INTERVAL=3", "2026-01-30", "09:00", "UTC",
                                          ANY_FROM, ANY_TO, 4);

  assert_occurrence (occurrences, 0, "20260130T090000", utc (2026, 1, 30, 9, 0));
  assert_occurrence (occurrences, 1, "20260202T090000", utc (2026, 2, 2, 9, 0));
  assert_occurrence (occurrences, 2, "20260205T090000", utc (2026, 2, 5, 9, 0));
  assert_occurrence (occurrences, 3, "20260208T090000", utc (2026, 2, 8, 9, 0));
}

static void
test_weekly_chosen_days (void)
{
  g_autoptr(GArray) three = expand ("FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-30", "09:00", "UTC",
                                    ANY_FROM, ANY_TO, 4);
  g_autoptr(GArray) fortnightly = expand ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "2026-11-30", "09:00", "UTC",
                                          ANY_FROM, ANY_TO, 4);

  /* 30 November 2026 is a Monday. */
  assert_occurrence (three, 0, "20261130T090000", utc (2026, 11, 30, 9, 0));
  assert_occurrence (three, 1, "20261202T090000", utc (2026, 12, 2, 9, 0));
  assert_occurrence (three, 2, "20261204T090000", utc (2026, 12, 4, 9, 0));
  assert_occurrence (three, 3, "20261207T090000", utc (2026, 12, 7, 9, 0));
  assert_occurrence (fortnightly, 0, "20261130T090000", utc (2026, 11, 30, 9, 0));
  assert_occurrence (fortnightly, 1, "20261202T090000", utc (2026, 12, 2, 9, 0));
  assert_occurrence (fortnightly, 2, "20261214T090000", utc (2026, 12, 14, 9, 0));
  assert_occurrence (fortnightly, 3, "20261216T090000", utc (2026, 12, 16, 9, 0));
}

static void
test_start_off_the_rule_counts_first (void)
{
  /* Tuesday 1 December with a Monday rule: the due date is the first
   * occurrence, and COUNT counts it (RFC 5545 §3.3.10). */
  g_autoptr(GArray) occurrences = expand ("FREQ=WEEKLY;COUNT=3;BYDAY=MO", "2026-12-01", "09:00", "UTC",
                                          ANY_FROM, ANY_TO, 0);

  g_assert_cmpuint (occurrences->len, ==, 3);
  assert_occurrence (occurrences, 0, "20261201T090000", utc (2026, 12, 1, 9, 0));
  assert_occurrence (occurrences, 1, "20261207T090000", utc (2026, 12, 7, 9, 0));
  assert_occurrence (occurrences, 2, "20261214T090000", utc (2026, 12, 14, 9, 0));
}

static void
test_monthly_by_day (void)
{
  g_autoptr(GArray) thirty_first = expand ("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31", "", "UTC",
                                           ANY_FROM, utc (2027, 1, 1, 0, 0), 0);
  g_autoptr(GArray) last = expand ("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-12-31", "", "UTC",
                                   ANY_FROM, ANY_TO, 4);
  const char *months_with_31[] = { "20260131", "20260331", "20260531", "20260731",
                                   "20260831", "20261031", "20261231" };

  /* RFC 5545 skips the months without a 31st. */
  g_assert_cmpuint (thirty_first->len, ==, G_N_ELEMENTS (months_with_31));
  for (guint i = 0; i < G_N_ELEMENTS (months_with_31); i++)
    g_assert_cmpstr (g_array_index (thirty_first, DgOccurrenceTime, i).recurrence_id, ==, months_with_31[i]);

  /* -1 is the last day of every month, 29 February in a leap year. */
  assert_occurrence (last, 0, "20271231", utc (2027, 12, 31, 0, 0));
  assert_occurrence (last, 1, "20280131", utc (2028, 1, 31, 0, 0));
  assert_occurrence (last, 2, "20280229", utc (2028, 2, 29, 0, 0));
  assert_occurrence (last, 3, "20280331", utc (2028, 3, 31, 0, 0));
}

static void
test_monthly_by_weekday (void)
{
  g_autoptr(GArray) second_tuesday = expand ("FREQ=MONTHLY;BYDAY=2TU", "2026-01-13", "10:00", "UTC",
                                             ANY_FROM, ANY_TO, 4);
  g_autoptr(GArray) last_friday = expand ("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30", "10:00", "UTC",
                                          ANY_FROM, ANY_TO, 4);

  assert_occurrence (second_tuesday, 0, "20260113T100000", utc (2026, 1, 13, 10, 0));
  assert_occurrence (second_tuesday, 1, "20260210T100000", utc (2026, 2, 10, 10, 0));
  assert_occurrence (second_tuesday, 2, "20260310T100000", utc (2026, 3, 10, 10, 0));
  assert_occurrence (second_tuesday, 3, "20260414T100000", utc (2026, 4, 14, 10, 0));
  assert_occurrence (last_friday, 0, "20260130T100000", utc (2026, 1, 30, 10, 0));
  assert_occurrence (last_friday, 1, "20260227T100000", utc (2026, 2, 27, 10, 0));
  assert_occurrence (last_friday, 2, "20260327T100000", utc (2026, 3, 27, 10, 0));
  assert_occurrence (last_friday, 3, "20260424T100000", utc (2026, 4, 24, 10, 0));
}

static void
test_count (void)
{
  g_autoptr(GArray) occurrences = expand ("FREQ=DAILY;COUNT=3", "2026-12-01", "09:00", "Europe/Berlin",
                                          ANY_FROM, ANY_TO, 0);
  g_autoptr(GArray) later = expand ("FREQ=DAILY;COUNT=3", "2026-12-01", "09:00", "Europe/Berlin",
                                    utc (2026, 12, 2, 12, 0), ANY_TO, 0);

  g_assert_cmpuint (occurrences->len, ==, 3);
  assert_occurrence (occurrences, 2, "20261203T090000", utc (2026, 12, 3, 8, 0));
  /* The window does not restart the count. */
  g_assert_cmpuint (later->len, ==, 1);
  assert_occurrence (later, 0, "20261203T090000", utc (2026, 12, 3, 8, 0));
}

static void
test_until (void)
{
  g_autoptr(GArray) by_date = expand ("FREQ=DAILY;UNTIL=20261203", "2026-12-01", "09:00", "Europe/Berlin",
                                      ANY_FROM, ANY_TO, 0);
  g_autoptr(GArray) at_last = expand ("FREQ=DAILY;UNTIL=20261203T080000Z", "2026-12-01", "09:00", "Europe/Berlin",
                                      ANY_FROM, ANY_TO, 0);
  g_autoptr(GArray) before_last = expand ("FREQ=DAILY;UNTIL=20261203T075959Z", "2026-12-01", "09:00", "Europe/Berlin",
                                          ANY_FROM, ANY_TO, 0);
  /* The end of 3 December in New York is 05:00 UTC on the 4th. */
  g_autoptr(GArray) end_of_day = expand ("FREQ=DAILY;UNTIL=20261204T045959Z", "2026-12-01", "23:30", "America/New_York",
                                         ANY_FROM, ANY_TO, 0);

  g_assert_cmpuint (by_date->len, ==, 3);
  assert_occurrence (by_date, 2, "20261203T090000", utc (2026, 12, 3, 8, 0));
  g_assert_cmpuint (at_last->len, ==, 3);
  g_assert_cmpuint (before_last->len, ==, 2);
  g_assert_cmpuint (end_of_day->len, ==, 3);
  assert_occurrence (end_of_day, 2, "20261203T233000", utc (2026, 12, 4, 4, 30));
}

static void
test_all_day (void)
{
  g_autoptr(GArray) weekly = expand ("FREQ=WEEKLY", "2026-03-22", "", "Europe/Berlin",
                                     ANY_FROM, ANY_TO, 3);
  g_autoptr(GArray) until_date = expand ("FREQ=DAILY;UNTIL=20261203", "2026-12-01", "", "Asia/Manila",
                                         ANY_FROM, ANY_TO, 0);
  /* An all-day series ending with a UTC UNTIL written by another program. */
  g_autoptr(GArray) until_utc = expand ("FREQ=DAILY;UNTIL=20261202T235959Z", "2026-12-01", "", "Europe/Berlin",
                                        ANY_FROM, ANY_TO, 0);

  /* Sundays at midnight in Berlin: CET, CET (the change is at 02:00), CEST. */
  assert_occurrence (weekly, 0, "20260322", utc (2026, 3, 21, 23, 0));
  assert_occurrence (weekly, 1, "20260329", utc (2026, 3, 28, 23, 0));
  assert_occurrence (weekly, 2, "20260405", utc (2026, 4, 4, 22, 0));
  g_assert_cmpuint (until_date->len, ==, 3);
  assert_occurrence (until_date, 2, "20261203", utc (2026, 12, 2, 16, 0));
  /* 3 December starts at 23:00 UTC on the 2nd, inside the UNTIL. */
  g_assert_cmpuint (until_utc->len, ==, 3);
}

static void
test_window_and_max_count (void)
{
  g_autoptr(GArray) window = expand ("FREQ=DAILY", "2026-01-01", "09:00", "UTC",
                                     utc (2026, 1, 10, 9, 0), utc (2026, 1, 15, 9, 0), 0);
  g_autoptr(GArray) limited = expand ("FREQ=DAILY", "2026-01-01", "09:00", "UTC",
                                      utc (2026, 1, 10, 0, 0), ANY_TO, 2);
  g_autoptr(GArray) empty = expand ("FREQ=DAILY", "2026-01-01", "09:00", "UTC",
                                    utc (2026, 1, 10, 9, 1), utc (2026, 1, 11, 9, 0), 0);
  g_autoptr(GArray) one_off = expand ("", "2026-11-30", "09:00", "Europe/Berlin",
                                      ANY_FROM, ANY_TO, 0);
  g_autoptr(GArray) one_off_outside = expand ("", "2026-11-30", "09:00", "Europe/Berlin",
                                              utc (2026, 12, 1, 0, 0), ANY_TO, 0);

  /* [from, to): the 10th is in, the 15th is out. */
  g_assert_cmpuint (window->len, ==, 5);
  assert_occurrence (window, 0, "20260110T090000", utc (2026, 1, 10, 9, 0));
  assert_occurrence (window, 4, "20260114T090000", utc (2026, 1, 14, 9, 0));
  g_assert_cmpuint (limited->len, ==, 2);
  assert_occurrence (limited, 1, "20260111T090000", utc (2026, 1, 11, 9, 0));
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (one_off->len, ==, 1);
  assert_occurrence (one_off, 0, "20261130T090000", utc (2026, 11, 30, 8, 0));
  g_assert_cmpuint (one_off_outside->len, ==, 0);
}

static void
test_far_window_is_quick (void)
{
  gint64 started = g_get_monotonic_time ();
  g_autoptr(GArray) week = NULL;
  gint64 elapsed;

  /* An agenda week ten years after a daily task began. */
  for (int i = 0; i < 10; i++)
    {
      g_clear_pointer (&week, g_array_unref);
      week = expand ("FREQ=DAILY", "2026-01-01", "09:00", "Europe/Berlin",
                     utc (2036, 6, 1, 0, 0), utc (2036, 6, 8, 0, 0), 0);
    }
  elapsed = g_get_monotonic_time () - started;

  g_assert_cmpuint (week->len, ==, 7);
  assert_occurrence (week, 0, "20360601T090000", utc (2036, 6, 1, 7, 0));
  g_test_message ("10 expansions over 3800 days: %" G_GINT64_FORMAT " µs", elapsed);
  /* Generous, for sanitizer builds; a quadratic walk would take far longer. */
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);
}

/* A window far from the start (where libical may start near it) gives the
 * same occurrences as walking the whole series from its start. */
static void
test_window_matches_full_walk (void)
{
  struct { const char *rrule, *date, *time, *zone; } cases[] = {
    { "FREQ=DAILY;INTERVAL=3", "2026-01-30", "09:00", "Europe/Berlin" },
    { "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "2026-12-01", "09:00", "America/New_York" },
    { "FREQ=WEEKLY;INTERVAL=3;BYDAY=SA,SU;WKST=SU", "2026-01-03", "", "Australia/Lord_Howe" },
    { "FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31", "", "Asia/Manila" },
    { "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR", "2026-01-30", "17:45", "Europe/Berlin" },
    { "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2028-02-29", "08:00", "UTC" },
    { "FREQ=DAILY;UNTIL=20310101T000000Z", "2026-03-28", "02:30", "Europe/Berlin" },
  };
  gint64 windows[][2] = {
    { utc (2026, 3, 1, 0, 0), utc (2026, 4, 1, 0, 0) },
    { utc (2028, 2, 27, 12, 0), utc (2028, 3, 31, 12, 0) },
    { utc (2030, 10, 20, 0, 0), utc (2030, 11, 10, 0, 0) },
    { utc (2032, 1, 1, 0, 0), utc (2033, 1, 1, 0, 0) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) all = expand (cases[i].rrule, cases[i].date, cases[i].time, cases[i].zone,
                                      ANY_FROM, utc (2034, 1, 1, 0, 0), 0);

      for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
        {
          g_autoptr(GArray) part = expand (cases[i].rrule, cases[i].date, cases[i].time, cases[i].zone,
                                           windows[w][0], windows[w][1], 0);
          guint matched = 0;

          g_test_message ("%s in window %u", cases[i].rrule, w);
          for (guint j = 0; j < all->len; j++)
            {
              const DgOccurrenceTime *occurrence = &g_array_index (all, DgOccurrenceTime, j);

              if (occurrence->due_utc < windows[w][0] || occurrence->due_utc >= windows[w][1])
                continue;
              assert_occurrence (part, matched++, occurrence->recurrence_id, occurrence->due_utc);
            }
          g_assert_cmpuint (part->len, ==, matched);
        }
    }
}

static void
test_expand_errors (void)
{
  struct { const char *rrule, *date, *time, *zone; } cases[] = {
    { "FREQ=HOURLY", "2026-01-01", "09:00", "UTC" },
    { "FREQ=DAILY", "2026-02-30", "09:00", "UTC" },
    { "FREQ=DAILY", "2026-01-01", "9:00", "UTC" },
    { "FREQ=DAILY", "2026-01-01", "24:00", "UTC" },
    { "FREQ=DAILY", "2026-01-01", "09:00", "Mars/Olympus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) occurrences = dg_recurrence_expand (cases[i].rrule, cases[i].date, cases[i].time,
                                                            cases[i].zone, ANY_FROM, ANY_TO, 0, &error);

      g_assert_null (occurrences);
      g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
    }
}

/* ---- presets ----------------------------------------------------------- */

static void
assert_same_recurrence (const DgRecurrence *a,
                        const DgRecurrence *b)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->interval, ==, b->interval);
  g_assert_cmpint (a->count, ==, b->count);
  g_assert_cmpstr (a->until, ==, b->until);
  if (a->kind == DG_RECURRENCE_WEEKLY)
    g_assert_cmpint (a->weekdays, ==, b->weekdays);
  if (a->kind == DG_RECURRENCE_MONTHLY_BY_DAY)
    g_assert_cmpint (a->month_day, ==, b->month_day);
  if (a->kind == DG_RECURRENCE_MONTHLY_BY_WEEKDAY)
    {
      g_assert_cmpint (a->week_number, ==, b->week_number);
      g_assert_cmpint (a->weekday, ==, b->weekday);
    }
}

static void
test_presets_round_trip (void)
{
  struct {
    DgRecurrence recurrence;
    const char  *time_zone;
    const char  *rrule;
  } cases[] = {
    { { DG_RECURRENCE_NONE, 1 }, "Europe/Berlin", "" },
    { { DG_RECURRENCE_DAILY, 1 }, "Europe/Berlin", "FREQ=DAILY" },
    { { DG_RECURRENCE_DAILY, 3, .count = 10 }, "Europe/Berlin", "FREQ=DAILY;COUNT=10;INTERVAL=3" },
    { { DG_RECURRENCE_WEEKLY, 1, DG_WEEKDAY_TUESDAY }, "Europe/Berlin", "FREQ=WEEKLY;BYDAY=TU" },
    { { DG_RECURRENCE_WEEKLY, 2, DG_WEEKDAY_MONDAY | DG_WEEKDAY_WEDNESDAY | DG_WEEKDAY_SUNDAY },
      "Europe/Berlin", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,SU" },
    /* UNTIL is the end of the day in the task's zone, in UTC. */
    { { DG_RECURRENCE_WEEKLY, 1, DG_WEEKDAY_FRIDAY, .until = "2026-12-31" },
      "Europe/Berlin", "FREQ=WEEKLY;UNTIL=20261231T225959Z;BYDAY=FR" },
    { { DG_RECURRENCE_WEEKLY, 1, DG_WEEKDAY_FRIDAY, .until = "2026-12-31" },
      "America/New_York", "FREQ=WEEKLY;UNTIL=20270101T045959Z;BYDAY=FR" },
    { { DG_RECURRENCE_DAILY, 1, .until = "2026-07-31" },
      "Australia/Lord_Howe", "FREQ=DAILY;UNTIL=20260731T132959Z" },
    /* No zone: an all-day task, whose UNTIL is a DATE. */
    { { DG_RECURRENCE_DAILY, 1, .until = "2026-07-31" }, NULL, "FREQ=DAILY;UNTIL=20260731" },
    { { DG_RECURRENCE_MONTHLY_BY_DAY, 1, .month_day = 15 }, "UTC", "FREQ=MONTHLY;BYMONTHDAY=15" },
    { { DG_RECURRENCE_MONTHLY_BY_DAY, 2, .month_day = -1, .count = 6 }, "UTC",
      "FREQ=MONTHLY;COUNT=6;INTERVAL=2;BYMONTHDAY=-1" },
    { { DG_RECURRENCE_MONTHLY_BY_WEEKDAY, 1, .week_number = 2, .weekday = G_DATE_TUESDAY }, "UTC",
      "FREQ=MONTHLY;BYDAY=2TU" },
    { { DG_RECURRENCE_MONTHLY_BY_WEEKDAY, 3, .week_number = -1, .weekday = G_DATE_SUNDAY, .count = 10 },
      "Asia/Manila", "FREQ=MONTHLY;COUNT=10;INTERVAL=3;BYDAY=-1SU" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *rrule = dg_recurrence_to_rrule (&cases[i].recurrence, cases[i].time_zone, &error);
      DgRecurrence back;

      g_test_message ("preset %u: %s", i, cases[i].rrule);
      g_assert_no_error (error);
      g_assert_cmpstr (rrule, ==, cases[i].rrule);
      if (*rrule != '\0')
        {
          g_autofree char *normalized = dg_rrule_normalize (rrule, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (normalized, ==, rrule);
        }
      g_assert_true (dg_recurrence_from_rrule (rrule, cases[i].time_zone, &back));
      assert_same_recurrence (&back, &cases[i].recurrence);
    }
}

static void
test_presets_refused (void)
{
  DgRecurrence cases[] = {
    { DG_RECURRENCE_DAILY, 0 },
    { DG_RECURRENCE_WEEKLY, 1, 0 },
    { DG_RECURRENCE_MONTHLY_BY_DAY, 1, .month_day = 0 },
    { DG_RECURRENCE_MONTHLY_BY_DAY, 1, .month_day = 32 },
    { DG_RECURRENCE_MONTHLY_BY_DAY, 1, .month_day = -2 },
    { DG_RECURRENCE_MONTHLY_BY_WEEKDAY, 1, .week_number = 5, .weekday = G_DATE_MONDAY },
    { DG_RECURRENCE_MONTHLY_BY_WEEKDAY, 1, .week_number = 1, .weekday = G_DATE_BAD_WEEKDAY },
    { DG_RECURRENCE_DAILY, 1, .count = 3, .until = "2026-12-31" },
    { DG_RECURRENCE_DAILY, 1, .until = "2026-02-30" },
    { DG_RECURRENCE_CUSTOM, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *rrule = dg_recurrence_to_rrule (&cases[i], "Europe/Berlin", &error);

      g_test_message ("refused preset %u", i);
      g_assert_null (rrule);
      g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
      g_assert_true (g_str_has_suffix (error->message, "."));
    }
}

static void
test_from_rrule (void)
{
  const char *custom[] = {
    "FREQ=YEARLY",
    "FREQ=WEEKLY",                              /* the day comes from DTSTART */
    "FREQ=MONTHLY",
    "FREQ=MONTHLY;BYDAY=5MO",
    "FREQ=MONTHLY;BYDAY=MO,TU",
    "FREQ=MONTHLY;BYMONTHDAY=1,15",
    "FREQ=MONTHLY;BYMONTHDAY=-2",
    "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU",
    "FREQ=DAILY;BYMONTH=6,7",
    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
  };
  DgRecurrence recurrence;

  for (guint i = 0; i < G_N_ELEMENTS (custom); i++)
    {
      g_test_message ("custom: %s", custom[i]);
      g_assert_true (dg_recurrence_from_rrule (custom[i], "UTC", &recurrence));
      g_assert_cmpint (recurrence.kind, ==, DG_RECURRENCE_CUSTOM);
    }

  /* Typed differently, still a preset. */
  g_assert_true (dg_recurrence_from_rrule ("rrule:freq=weekly;byday=we,mo;wkst=mo", "UTC", &recurrence));
  g_assert_cmpint (recurrence.kind, ==, DG_RECURRENCE_WEEKLY);
  g_assert_cmpint (recurrence.weekdays, ==, DG_WEEKDAY_MONDAY | DG_WEEKDAY_WEDNESDAY);
  g_assert_cmpint (recurrence.interval, ==, 1);

  /* A UTC UNTIL from another program becomes the date in the task's zone. */
  g_assert_true (dg_recurrence_from_rrule ("FREQ=DAILY;UNTIL=20261231T230000Z", "Asia/Manila", &recurrence));
  g_assert_cmpstr (recurrence.until, ==, "2027-01-01");
  g_assert_true (dg_recurrence_from_rrule ("FREQ=DAILY;UNTIL=20261231T230000Z", "America/New_York", &recurrence));
  g_assert_cmpstr (recurrence.until, ==, "2026-12-31");

  g_assert_false (dg_recurrence_from_rrule ("FREQ=HOURLY", "UTC", &recurrence));
  g_assert_false (dg_recurrence_from_rrule ("nonsense", "UTC", &recurrence));
}

/* ---- normalising typed rules -------------------------------------------- */

static void
test_normalize_accepts (void)
{
  struct { const char *text, *normalized; } cases[] = {
    { "FREQ=DAILY", "FREQ=DAILY" },
    { "freq=weekly;byday=mo,we", "FREQ=WEEKLY;BYDAY=MO,WE" },
    { "  RRULE:FREQ=DAILY;INTERVAL=2  ", "FREQ=DAILY;INTERVAL=2" },
    { "rrule:freq=monthly;bymonthday=-1", "FREQ=MONTHLY;BYMONTHDAY=-1" },
    { "BYDAY=MO;FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=MO" },
    { "FREQ=WEEKLY; BYDAY=MO ;", "FREQ=WEEKLY;BYDAY=MO" },
    { "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T225959Z", "FREQ=WEEKLY;UNTIL=20261231T225959Z;BYDAY=MO" },
    { "FREQ=DAILY;UNTIL=20261231", "FREQ=DAILY;UNTIL=20261231" },
    { "FREQ=MONTHLY;BYDAY=+2MO;INTERVAL=007", "FREQ=MONTHLY;INTERVAL=7;BYDAY=2MO" },
    { "FREQ=MONTHLY;BYDAY=-1FR;COUNT=10", "FREQ=MONTHLY;COUNT=10;BYDAY=-1FR" },
    { "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" },
    { "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1" },
    { "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTHDAY=29;BYMONTH=2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = dg_rrule_normalize (cases[i].text, &error);

      g_test_message ("accept: “%s”", cases[i].text);
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
    }
}

static void
test_normalize_refuses (void)
{
  struct { const char *text, *says; } cases[] = {
    { "", "empty" },
    { "   ", "empty" },
    { "RRULE:", "empty" },
    { "INTERVAL=2", "FREQ" },
    { "FREQ=HOURLY", "once a day" },
    { "FREQ=MINUTELY", "once a day" },
    { "freq=secondly", "once a day" },
    { "FREQ=RECONDLY", "RECONDLY" },
    { "FREQ=WEEKLY;BYDAY=XX", "XX" },
    { "FREQ=WEEKLY;BYDAY=", "BYDAY" },
    { "FREQ=DAILY;COUNT=3;UNTIL=20261231", "not both" },
    { "FREQ=DAILY;INTERVAL=0", "interval" },
    { "FREQ=DAILY;INTERVAL=-1", "interval" },
    { "FREQ=DAILY;INTERVAL=two", "interval" },
    { "FREQ=DAILY;INTERVAL=40000", "32767" },
    { "FREQ=WEEKLY;BYDAY=MO,,TU", "empty item" },
    { "FREQ=MONTHLY;BYMONTHDAY=1,", "empty item" },
    { "FREQ=DAILY;COUNT=0", "number of times" },
    { "FREQ=DAILY;FOO=BAR", "FOO" },
    { "FREQ=DAILY;X-FOO=1", "X-FOO" },
    { "FREQ=DAILY;RSCALE=GREGORIAN", "RSCALE" },
    { "FREQ=DAILY;BYHOUR=9,17", "BYHOUR" },
    { "FREQ=DAILY;UNTIL=20261301", "20261301" },
    { "FREQ=DAILY;UNTIL=tomorrow", "TOMORROW" },
    { "FREQ=WEEKLY;BYDAY=2MO", "2MO" },
    { "FREQ=MONTHLY;BYDAY=6MO", "6MO" },
    { "FREQ=MONTHLY;BYMONTHDAY=32", "32" },
    { "FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY" },
    { "FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY" },
    { "FREQ=MONTHLY;BYYEARDAY=1", "BYYEARDAY" },
    { "FREQ=YEARLY;BYMONTH=13", "13" },
    { "FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS" },
    { "FREQ=DAILY;FREQ=WEEKLY", "twice" },
    { "FREQ=DAILY;INTERVAL", "INTERVAL" },
    { "FREQ=DAILY;WKST=XY", "XY" },
    { "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "30 February" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = dg_rrule_normalize (cases[i].text, &error);
      g_autofree char *stripped = g_strstrip (g_strdup (cases[i].text));
      gboolean empty = *stripped == '\0' || g_ascii_strcasecmp (stripped, "RRULE:") == 0;

      g_test_message ("refuse: “%s”: %s", cases[i].text, error != NULL ? error->message : "(accepted)");
      g_assert_null (normalized);
      g_assert_error (error, DG_VALIDATION_ERROR,
                      empty ? DG_VALIDATION_ERROR_REQUIRED : DG_VALIDATION_ERROR_INVALID);
      /* A full sentence that says what is wrong. */
      g_assert_true (g_ascii_isupper (error->message[0]) || g_str_has_prefix (error->message, "“"));
      g_assert_true (g_str_has_suffix (error->message, "."));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

static void
test_fit_until (void)
{
  struct { const char *rrule, *due_time, *zone, *fitted; } cases[] = {
    /* A timed task gets the end of the day in its zone, in UTC. */
    { "FREQ=DAILY;UNTIL=20261231", "09:00", "Europe/Berlin", "FREQ=DAILY;UNTIL=20261231T225959Z" },
    { "FREQ=DAILY;UNTIL=20260630", "23:30", "Australia/Lord_Howe", "FREQ=DAILY;UNTIL=20260630T132959Z" },
    { "FREQ=DAILY;UNTIL=20261231T090000", "09:00", "America/New_York", "FREQ=DAILY;UNTIL=20261231T140000Z" },
    { "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T225959Z", "09:00", "Europe/Berlin",
      "FREQ=WEEKLY;UNTIL=20261231T225959Z;BYDAY=MO" },
    /* An all-day task gets the date the UTC time falls on in its zone. */
    { "FREQ=DAILY;UNTIL=20261231T225959Z", "", "Europe/Berlin", "FREQ=DAILY;UNTIL=20261231" },
    { "FREQ=DAILY;UNTIL=20261231T230000Z", "", "Europe/Berlin", "FREQ=DAILY;UNTIL=20270101" },
    { "FREQ=DAILY;UNTIL=20261231T090000", "", "UTC", "FREQ=DAILY;UNTIL=20261231" },
    { "FREQ=DAILY;UNTIL=20261231", "", "Asia/Manila", "FREQ=DAILY;UNTIL=20261231" },
    { "rrule:freq=daily;count=3", "09:00", "UTC", "FREQ=DAILY;COUNT=3" },
    { "", "09:00", "UTC", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fitted = dg_rrule_fit_until (cases[i].rrule, cases[i].due_time, cases[i].zone);
      g_autoptr(GArray) before = NULL;
      g_autoptr(GArray) after = NULL;

      g_test_message ("fit: %s", cases[i].rrule);
      g_assert_cmpstr (fitted, ==, cases[i].fitted);

      /* The same occurrences either way. */
      before = expand (cases[i].rrule, "2026-12-25", cases[i].due_time, cases[i].zone, ANY_FROM, ANY_TO, 400);
      after = expand (fitted, "2026-12-25", cases[i].due_time, cases[i].zone, ANY_FROM, ANY_TO, 400);
      g_assert_cmpuint (before->len, ==, after->len);
      for (guint j = 0; j < before->len; j++)
        assert_occurrence (after, j, g_array_index (before, DgOccurrenceTime, j).recurrence_id,
                           g_array_index (before, DgOccurrenceTime, j).due_utc);
    }

  g_assert_null (dg_rrule_fit_until ("FREQ=HOURLY", "09:00", "UTC"));
  g_assert_null (dg_rrule_fit_until ("FREQ=DAILY", "09:00", "Mars/Olympus"));
}

/* ---- description --------------------------------------------------------- */

static void
test_describe (void)
{
  struct { const char *rrule, *time_zone, *text; } cases[] = {
    { "", "UTC", "" },
    { "FREQ=DAILY", "UTC", "Every day" },
    { "FREQ=DAILY;INTERVAL=3", "UTC", "Every 3 days" },
    { "FREQ=DAILY;COUNT=1", "UTC", "Every day, once" },
    { "FREQ=WEEKLY;BYDAY=TU", "UTC", "Weekly on Tuesday" },
    { "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE,MO", "UTC", "Every 2 weeks on Monday and Wednesday" },
    { "FREQ=WEEKLY;BYDAY=SU,MO,WE,FR", "UTC", "Weekly on Monday, Wednesday, Friday and Sunday" },
    { "FREQ=WEEKLY;UNTIL=20261231T225959Z;BYDAY=TU", "Europe/Berlin", "Weekly on Tuesday, until 31 Dec 2026" },
    { "FREQ=WEEKLY;UNTIL=20261231T225959Z;BYDAY=TU", "Asia/Manila", "Weekly on Tuesday, until 1 Jan 2027" },
    { "FREQ=DAILY;UNTIL=20260704", "UTC", "Every day, until 4 Jul 2026" },
    { "FREQ=MONTHLY;BYMONTHDAY=15", "UTC", "Monthly on day 15" },
    { "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15", "UTC", "Every 2 months on day 15" },
    { "FREQ=MONTHLY;UNTIL=20270131;BYMONTHDAY=31", "UTC", "Monthly on day 31, until 31 Jan 2027" },
    { "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1", "UTC", "Every 2 months on the last day" },
    { "FREQ=MONTHLY;COUNT=10;BYDAY=-1FR", "UTC", "Monthly on the last Friday, 10 times" },
    { "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", "UTC", "Every 3 months on the second Tuesday" },
    { "FREQ=MONTHLY;BYDAY=1MO", "UTC", "Monthly on the first Monday" },
    { "FREQ=YEARLY;BYMONTH=3", "UTC", "Custom rule: FREQ=YEARLY;BYMONTH=3" },
    { "FREQ=HOURLY", "UTC", "Custom rule: FREQ=HOURLY" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = dg_rrule_describe (cases[i].rrule, cases[i].time_zone);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* ---- occurrences by id ----------------------------------------------------- */

static void
test_has_occurrence (void)
{
  const char *weekly = "FREQ=WEEKLY;BYDAY=MO";
  gint64 started;

  g_assert_true (dg_recurrence_has_occurrence (weekly, "2026-11-30", "09:00", "Europe/Berlin", "20261130T090000"));
  g_assert_true (dg_recurrence_has_occurrence (weekly, "2026-11-30", "09:00", "Europe/Berlin", "20261207T090000"));
  g_assert_false (dg_recurrence_has_occurrence (weekly, "2026-11-30", "09:00", "Europe/Berlin", "20261208T090000"));
  g_assert_false (dg_recurrence_has_occurrence (weekly, "2026-11-30", "09:00", "Europe/Berlin", "20261207T100000"));
  g_assert_false (dg_recurrence_has_occurrence (weekly, "2026-11-30", "09:00", "Europe/Berlin", "20261207"));
  g_assert_false (dg_recurrence_has_occurrence (weekly, "2026-11-30", "09:00", "Europe/Berlin", "20261123T090000"));
  g_assert_false (dg_recurrence_has_occurrence (weekly, "2026-11-30", "09:00", "Europe/Berlin", "garbage"));
  g_assert_true (dg_recurrence_has_occurrence (weekly, "2026-11-30", "", "Europe/Berlin", "20261207"));
  g_assert_false (dg_recurrence_has_occurrence (weekly, "2026-11-30", "", "Europe/Berlin", "20261207T000000"));
  g_assert_true (dg_recurrence_has_occurrence ("", "2026-11-30", "09:00", "UTC", "20261130T090000"));
  g_assert_false (dg_recurrence_has_occurrence ("", "2026-11-30", "09:00", "UTC", "20261207T090000"));
  /* The gap keeps its nominal id. */
  g_assert_true (dg_recurrence_has_occurrence ("FREQ=DAILY", "2026-03-28", "02:30", "Europe/Berlin", "20260329T023000"));
  /* COUNT and UNTIL end the series. */
  g_assert_true (dg_recurrence_has_occurrence ("FREQ=WEEKLY;COUNT=2", "2026-11-30", "09:00", "UTC", "20261207T090000"));
  g_assert_false (dg_recurrence_has_occurrence ("FREQ=WEEKLY;COUNT=2", "2026-11-30", "09:00", "UTC", "20261214T090000"));
  g_assert_false (dg_recurrence_has_occurrence ("FREQ=WEEKLY;UNTIL=20261210", "2026-11-30", "09:00", "UTC", "20261214T090000"));

  /* Far away, found or missed, without walking on forever. */
  started = g_get_monotonic_time ();
  g_assert_true (dg_recurrence_has_occurrence ("FREQ=DAILY", "2026-01-01", "09:00", "Europe/Berlin", "20460101T090000"));
  g_assert_false (dg_recurrence_has_occurrence ("FREQ=WEEKLY", "2026-01-01", "09:00", "Europe/Berlin", "20460102T090000"));
  /* 4 January 2046 is 7308 days (522 fortnights) after 1 January 2026. */
  g_assert_true (dg_recurrence_has_occurrence ("FREQ=WEEKLY;INTERVAL=2", "2026-01-01", "09:00", "Europe/Berlin", "20460104T090000"));
  g_assert_false (dg_recurrence_has_occurrence ("FREQ=WEEKLY;INTERVAL=2", "2026-01-01", "09:00", "Europe/Berlin", "20460111T090000"));
  /* The 7300th day is 26 December 2045. */
  g_assert_true (dg_recurrence_has_occurrence ("FREQ=DAILY;COUNT=7300", "2026-01-01", "09:00", "UTC", "20451226T090000"));
  g_assert_false (dg_recurrence_has_occurrence ("FREQ=DAILY;COUNT=7300", "2026-01-01", "09:00", "UTC", "20451227T090000"));
  g_assert_false (dg_recurrence_has_occurrence ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2028-02-29", "", "UTC", "20290301"));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);
}

static void
test_recurrence_id_conversion (void)
{
  g_autoptr(GDateTime) summer = dg_recurrence_id_to_date_time ("20260330T090000", "Europe/Berlin");
  g_autoptr(GDateTime) gap = dg_recurrence_id_to_date_time ("20260329T023000", "Europe/Berlin");
  g_autoptr(GDateTime) ambiguous = dg_recurrence_id_to_date_time ("20261101T013000", "America/New_York");
  g_autoptr(GDateTime) day = dg_recurrence_id_to_date_time ("20261130", "Asia/Manila");
  g_autofree char *summer_id = NULL;
  g_autofree char *day_id = NULL;
  g_autofree char *day_as_time = NULL;

  g_assert_nonnull (summer);
  g_assert_cmpint (g_date_time_to_unix (summer), ==, utc (2026, 3, 30, 7, 0));
  g_assert_cmpint (g_date_time_get_hour (summer), ==, 9);
  g_assert_cmpint (g_date_time_get_utc_offset (summer) / G_TIME_SPAN_HOUR, ==, 2);
  summer_id = dg_recurrence_id_from_date_time (summer, FALSE);
  g_assert_cmpstr (summer_id, ==, "20260330T090000");

  g_assert_cmpint (g_date_time_to_unix (gap), ==, utc (2026, 3, 29, 1, 30));
  g_assert_cmpint (g_date_time_get_hour (gap), ==, 3);
  g_assert_cmpint (g_date_time_to_unix (ambiguous), ==, utc (2026, 11, 1, 5, 30));

  g_assert_cmpint (g_date_time_to_unix (day), ==, utc (2026, 11, 29, 16, 0));
  day_id = dg_recurrence_id_from_date_time (day, TRUE);
  g_assert_cmpstr (day_id, ==, "20261130");
  day_as_time = dg_recurrence_id_from_date_time (day, FALSE);
  g_assert_cmpstr (day_as_time, ==, "20261130T000000");

  g_assert_null (dg_recurrence_id_to_date_time ("2026-11-30", "UTC"));
  g_assert_null (dg_recurrence_id_to_date_time ("20261130T0900", "UTC"));
  g_assert_null (dg_recurrence_id_to_date_time ("20260230", "UTC"));
  g_assert_null (dg_recurrence_id_to_date_time ("20261130T250000", "UTC"));
  g_assert_null (dg_recurrence_id_to_date_time ("20261130", "Mars/Olympus"));
}

/* A rule's own dates, as a task's first date must be one of them; COUNT
 * and UNTIL do not change which dates those are. */
static void
test_includes_date (void)
{
  /* 2026-11-30 is a Monday, 2026-12-02 a Wednesday. */
  g_assert_true (dg_rrule_includes_date ("FREQ=WEEKLY;BYDAY=MO", 2026, 11, 30));
  g_assert_false (dg_rrule_includes_date ("FREQ=WEEKLY;BYDAY=MO", 2026, 12, 2));
  g_assert_true (dg_rrule_includes_date ("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=3", 2026, 12, 2));
  g_assert_true (dg_rrule_includes_date ("FREQ=DAILY;UNTIL=20261201", 2026, 12, 2));
  /* 2026-11-27 is the last Friday of November, 2026-11-20 is not. */
  g_assert_true (dg_rrule_includes_date ("FREQ=MONTHLY;BYDAY=-1FR", 2026, 11, 27));
  g_assert_false (dg_rrule_includes_date ("FREQ=MONTHLY;BYDAY=-1FR", 2026, 11, 20));
  g_assert_true (dg_rrule_includes_date ("FREQ=MONTHLY;BYMONTHDAY=31", 2026, 12, 31));
  g_assert_false (dg_rrule_includes_date ("FREQ=MONTHLY;BYMONTHDAY=31", 2026, 12, 30));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* English month names in "until 31 Dec 2026", whatever the machine's. */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/recurrence/dst/berlin", test_berlin_weekly_across_dst);
  g_test_add_func ("/recurrence/dst/new-york", test_new_york_weekly_across_dst);
  g_test_add_func ("/recurrence/dst/manila", test_manila_has_no_dst);
  g_test_add_func ("/recurrence/dst/lord-howe", test_lord_howe_half_hour_dst);
  g_test_add_func ("/recurrence/dst/after-2037", test_dst_after_2037);
  g_test_add_func ("/recurrence/dst/gap", test_gap_moves_forward);
  g_test_add_func ("/recurrence/dst/ambiguous", test_ambiguous_takes_first);
  g_test_add_func ("/recurrence/expand/daily-interval", test_daily_interval);
  g_test_add_func ("/recurrence/expand/weekly-days", test_weekly_chosen_days);
  g_test_add_func ("/recurrence/expand/start-off-rule", test_start_off_the_rule_counts_first);
  g_test_add_func ("/recurrence/expand/monthly-day", test_monthly_by_day);
  g_test_add_func ("/recurrence/expand/monthly-weekday", test_monthly_by_weekday);
  g_test_add_func ("/recurrence/expand/count", test_count);
  g_test_add_func ("/recurrence/expand/until", test_until);
  g_test_add_func ("/recurrence/expand/all-day", test_all_day);
  g_test_add_func ("/recurrence/expand/window", test_window_and_max_count);
  g_test_add_func ("/recurrence/expand/far-window", test_far_window_is_quick);
  g_test_add_func ("/recurrence/expand/window-matches-walk", test_window_matches_full_walk);
  g_test_add_func ("/recurrence/expand/errors", test_expand_errors);
  g_test_add_func ("/recurrence/preset/round-trip", test_presets_round_trip);
  g_test_add_func ("/recurrence/preset/refused", test_presets_refused);
  g_test_add_func ("/recurrence/preset/from-rrule", test_from_rrule);
  g_test_add_func ("/recurrence/normalize/accepts", test_normalize_accepts);
  g_test_add_func ("/recurrence/normalize/refuses", test_normalize_refuses);
  g_test_add_func ("/recurrence/fit-until", test_fit_until);
  g_test_add_func ("/recurrence/describe", test_describe);
  g_test_add_func ("/recurrence/id/has-occurrence", test_has_occurrence);
  g_test_add_func ("/recurrence/includes-date", test_includes_date);
  g_test_add_func ("/recurrence/id/conversion", test_recurrence_id_conversion);

  return g_test_run ();
}
