/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-recurrence"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "dg-recurrence.h"
#include "dg-validation.h"

/* ---- civil time arithmetic ----------------------------------------------
 *
 * Wall-clock times are handled as "local seconds": the seconds since the
 * epoch the wall clock would show if it were UTC. Converting them to an
 * instant is done here rather than with icaltime_as_timet_with_zone(),
 * because libical resolves a time that does not exist (spring forward) and
 * an ambiguous one (fall back) both to the wrong side for RFC 5545. The
 * offsets come from GLib's reading of the same system zone files: libical
 * 3.0 gets some zones wrong after 2037 (America/St_Johns keeps standard
 * time all year), GLib follows the rule every zone file ends with. */

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * algorithm: exact for every year, no time_t or locale involved). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int d = (int) (doy - (153 * mp + 2) / 5 + 1);
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *year = (int) (yoe + era * 400 + (m <= 2));
  *month = m;
  *day = d;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static gint64
local_seconds_of (const struct icaltimetype *tt)
{
  gint64 days = days_from_civil (tt->year, tt->month, tt->day);

  if (tt->is_date)
    return days * SECONDS_PER_DAY;
  return days * SECONDS_PER_DAY + tt->hour * 3600 + tt->minute * 60 + tt->second;
}

static struct icaltimetype
icaltime_from_seconds (gint64 seconds)
{
  struct icaltimetype tt = icaltime_null_time ();
  gint64 days = floor_div (seconds, SECONDS_PER_DAY);
  gint64 rest = seconds - days * SECONDS_PER_DAY;

  civil_from_days (days, &tt.year, &tt.month, &tt.day);
  tt.hour = (int) (rest / 3600);
  tt.minute = (int) (rest % 3600 / 60);
  tt.second = (int) (rest % 60);
  return tt;
}

/* The UTC offset in seconds of @zone at the instant @utc. */
static int
offset_at (GTimeZone *zone,
           gint64     utc)
{
  return g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc));
}

/* The zone a task may name: one libical knows, as dg_validate_time_zone()
 * checks; NULL otherwise. */
static GTimeZone *
zone_new (const char *time_zone)
{
  if (time_zone == NULL || icaltimezone_get_builtin_timezone (time_zone) == NULL)
    return NULL;
  return g_time_zone_new_identifier (time_zone);
}

/* For a date only: UTC when no zone is given or known. */
static GTimeZone *
zone_or_utc (const char *time_zone)
{
  GTimeZone *zone = zone_new (time_zone);

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

/* The instant a wall-clock time in @zone stands for, as RFC 5545 §3.3.5
 * wants it: an ambiguous time (clocks go back) is the first of its two
 * instants; a time that does not exist (clocks go forward) is read with the
 * offset from before the gap, which moves it forward by the gap. Offsets
 * a day before and after cover every transition, since no zone changes
 * its offset twice within two days. */
static gint64
local_to_utc (GTimeZone *zone,
              gint64     local)
{
  int before = offset_at (zone, local - SECONDS_PER_DAY);
  int after = offset_at (zone, local + SECONDS_PER_DAY);
  gboolean before_fits = offset_at (zone, local - before) == before;
  gboolean after_fits = offset_at (zone, local - after) == after;

  if (before_fits && after_fits)
    return local - MAX (before, after);
  if (before_fits)
    return local - before;
  if (after_fits)
    return local - after;
  return local - before;
}

/* ---- parsing a rule by hand ---------------------------------------------
 *
 * libical's parser accepts RFC 7529 parts (RSCALE, SKIP), X- parts and
 * sub-daily rules, and reports some errors only through icalerrno, so the
 * text is checked part by part first; libical then parses what is known to
 * be good. */

typedef enum
{
  PART_FREQ,
  PART_UNTIL,
  PART_COUNT,
  PART_INTERVAL,
  PART_BYSECOND,
  PART_BYMINUTE,
  PART_BYHOUR,
  PART_BYDAY,
  PART_BYMONTHDAY,
  PART_BYYEARDAY,
  PART_BYWEEKNO,
  PART_BYMONTH,
  PART_BYSETPOS,
  PART_WKST,
  N_PARTS
} Part;

static const char * const part_names[N_PARTS] = {
  "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR",
  "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS",
  "WKST",
};

static const char * const weekday_codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static gboolean
set_invalid (GError    **error,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError    **error,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return FALSE;
}

/* A whole number in [min, max], with an optional sign; no spaces. */
static gboolean
parse_int (const char *text,
           int         min,
           int         max,
           int        *value)
{
  gint64 number;

  if (!g_ascii_isdigit (text[text[0] == '+' || text[0] == '-' ? 1 : 0]))
    return FALSE;
  if (!g_ascii_string_to_signed (text[0] == '+' ? text + 1 : text, 10, min, max, &number, NULL))
    return FALSE;
  *value = (int) number;
  return TRUE;
}

static int
weekday_index (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (weekday_codes); i++)
    if (strcmp (code, weekday_codes[i]) == 0)
      return (int) i;
  return -1;
}

/* YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ, a date that exists. */
static gboolean
check_until (const char *text)
{
  gsize length = strlen (text);
  int year, month, day;

  if (length != 8 && length != 15 && length != 16)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      gboolean digit_expected = i != 8 && i != 15;

      if (digit_expected && !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  if (length > 8 && text[8] != 'T')
    return FALSE;
  if (length == 16 && text[15] != 'Z')
    return FALSE;

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[4] - '0') * 10 + (text[5] - '0');
  day = (text[6] - '0') * 10 + (text[7] - '0');
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  if (length > 8)
    {
      int hour = (text[9] - '0') * 10 + (text[10] - '0');
      int minute = (text[11] - '0') * 10 + (text[12] - '0');
      int second = (text[13] - '0') * 10 + (text[14] - '0');

      if (hour > 23 || minute > 59 || second > 60)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_number_list (Part        part,
                   const char *value,
                   int         limit,
                   gboolean    zero_allowed,
                   GError    **error)
{
  g_auto(GStrv) items = g_strsplit (value, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      int number;

      if (!parse_int (items[i], -limit, limit, &number) || (number == 0 && !zero_allowed))
        return set_invalid (error,
                            _("“%s” is not a valid value for %s. Use whole numbers from 1 to %d, or from -1 to -%d to count from the end."),
                            items[i], part_names[part], limit, limit);
    }
  return TRUE;
}

static gboolean
check_byday (const char  *value,
             const char  *freq,
             gboolean     has_byweekno,
             GError     **error)
{
  g_auto(GStrv) items = g_strsplit (value, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = items[i];
      gsize length = strlen (item);
      int position = 0;

      if (length < 2 || weekday_index (item + length - 2) < 0)
        return set_invalid (error,
                            _("“%s” is not a day of the week in BYDAY. Use MO, TU, WE, TH, FR, SA or SU, optionally with a position such as 2TU or -1FR."),
                            item);
      if (length > 2)
        {
          g_autofree char *number = g_strndup (item, length - 2);

          if (!parse_int (number, -53, 53, &position) || position == 0)
            return set_invalid (error,
                                _("“%s” is not a day of the week in BYDAY. Use MO, TU, WE, TH, FR, SA or SU, optionally with a position such as 2TU or -1FR."),
                                item);
          if (strcmp (freq, "MONTHLY") != 0 && strcmp (freq, "YEARLY") != 0)
            return set_invalid (error,
                                _("A position such as “%s” in BYDAY needs FREQ=MONTHLY or FREQ=YEARLY."),
                                item);
          if (has_byweekno)
            return set_invalid (error,
                                _("A position such as “%s” in BYDAY cannot be used together with BYWEEKNO."),
                                item);
          if (strcmp (freq, "MONTHLY") == 0 && (position > 5 || position < -5))
            return set_invalid (error,
                                _("A month has at most five of each weekday, so “%s” never occurs."),
                                item);
        }
    }
  return TRUE;
}

/* Splits @text (a rule as typed) into its parts and checks each; on success
 * returns the parts in upper case joined by ";", ready for libical. */
/* The value of each part of a rule, by Part; NULL when not given. */
typedef struct
{
  char *values[N_PARTS];
} RuleParts;

static void
rule_parts_clear (RuleParts *parts)
{
  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&parts->values[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RuleParts, rule_parts_clear)

static char *
check_rule_text (const char  *text,
                 GError     **error)
{
  g_autofree char *upper = g_ascii_strup (text, -1);
  g_auto(GStrv) pieces = NULL;
  g_auto(RuleParts) parts = { { NULL, } };
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *rule = g_strstrip (upper);
  const char *freq;
  int number;

  if (g_str_has_prefix (rule, "RRULE:"))
    rule += strlen ("RRULE:");
  while (g_ascii_isspace (*rule))
    rule++;

  if (*rule == '\0')
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                           _("The repeat rule is empty. Enter a rule such as FREQ=WEEKLY;BYDAY=MO."));
      return NULL;
    }

  pieces = g_strsplit (rule, ";", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      char *piece = g_strstrip (pieces[i]);
      char *equals = strchr (piece, '=');
      char *name, *value;
      int part;

      /* A trailing ";" is a common slip when typing; it names nothing. */
      if (*piece == '\0')
        continue;

      if (equals == NULL)
        {
          set_invalid (error,
                       _("“%s” is not a part of a repeat rule. Write each part as NAME=VALUE and separate parts with semicolons."),
                       piece);
          return NULL;
        }
      *equals = '\0';
      name = g_strstrip (piece);
      value = g_strstrip (equals + 1);

      for (part = 0; part < N_PARTS; part++)
        if (strcmp (name, part_names[part]) == 0)
          break;
      if (part == N_PARTS)
        {
          set_invalid (error,
                       _("The repeat rule has an unknown part “%s”. Known parts are FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS and WKST."),
                       name);
          return NULL;
        }
      if (parts.values[part] != NULL)
        {
          set_invalid (error, _("The repeat rule gives %s twice. Give each part only once."), name);
          return NULL;
        }
      if (*value == '\0')
        {
          set_invalid (error, _("The part %s of the repeat rule has no value."), name);
          return NULL;
        }
      if (value[0] == ',' || g_str_has_suffix (value, ",") || strstr (value, ",,") != NULL)
        {
          set_invalid (error, _("The list in %s has an empty item. Separate the values with single commas."), name);
          return NULL;
        }
      parts.values[part] = g_strdup (value);
    }

  freq = parts.values[PART_FREQ];
  if (freq == NULL)
    {
      set_invalid (error, _("The repeat rule needs a FREQ part, such as FREQ=DAILY or FREQ=WEEKLY."));
      return NULL;
    }
  if (strcmp (freq, "SECONDLY") == 0 || strcmp (freq, "MINUTELY") == 0 || strcmp (freq, "HOURLY") == 0)
    {
      set_invalid (error, _("A task repeats at most once a day. Use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY."));
      return NULL;
    }
  if (strcmp (freq, "DAILY") != 0 && strcmp (freq, "WEEKLY") != 0 &&
      strcmp (freq, "MONTHLY") != 0 && strcmp (freq, "YEARLY") != 0)
    {
      set_invalid (error, _("“%s” is not a frequency. Use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY."), freq);
      return NULL;
    }

  for (Part part = PART_BYSECOND; part <= PART_BYHOUR; part++)
    if (parts.values[part] != NULL)
      {
        set_invalid (error,
                     _("A task repeats at most once a day, at its due time. Remove %s from the repeat rule."),
                     part_names[part]);
        return NULL;
      }

  if (parts.values[PART_COUNT] != NULL && parts.values[PART_UNTIL] != NULL)
    {
      set_invalid (error, _("A repeat rule ends either after a number of times (COUNT) or on a date (UNTIL), not both."));
      return NULL;
    }
  if (parts.values[PART_COUNT] != NULL && !parse_int (parts.values[PART_COUNT], 1, G_MAXINT, &number))
    {
      set_invalid (error, _("The number of times must be a whole number of 1 or more, not “%s”."), parts.values[PART_COUNT]);
      return NULL;
    }
  if (parts.values[PART_INTERVAL] != NULL && !parse_int (parts.values[PART_INTERVAL], 1, G_MAXSHORT, &number))
    {
      set_invalid (error, _("The interval must be a whole number from 1 to %d, not “%s”."),
                   G_MAXSHORT, parts.values[PART_INTERVAL]);
      return NULL;
    }
  if (parts.values[PART_UNTIL] != NULL && !check_until (parts.values[PART_UNTIL]))
    {
      set_invalid (error,
                   _("“%s” is not an end date. Write UNTIL as a date (20261231) or as a UTC time (20261231T225959Z)."),
                   parts.values[PART_UNTIL]);
      return NULL;
    }
  if (parts.values[PART_WKST] != NULL && weekday_index (parts.values[PART_WKST]) < 0)
    {
      set_invalid (error, _("“%s” is not a day of the week for WKST. Use MO, TU, WE, TH, FR, SA or SU."), parts.values[PART_WKST]);
      return NULL;
    }
  if (parts.values[PART_BYDAY] != NULL && !check_byday (parts.values[PART_BYDAY], freq, parts.values[PART_BYWEEKNO] != NULL, error))
    return NULL;
  if (parts.values[PART_BYMONTHDAY] != NULL)
    {
      if (strcmp (freq, "WEEKLY") == 0)
        {
          set_invalid (error, _("BYMONTHDAY cannot be used with FREQ=WEEKLY."));
          return NULL;
        }
      if (!check_number_list (PART_BYMONTHDAY, parts.values[PART_BYMONTHDAY], 31, FALSE, error))
        return NULL;
    }
  if (parts.values[PART_BYYEARDAY] != NULL)
    {
      if (strcmp (freq, "YEARLY") != 0)
        {
          set_invalid (error, _("BYYEARDAY can only be used with FREQ=YEARLY."));
          return NULL;
        }
      if (!check_number_list (PART_BYYEARDAY, parts.values[PART_BYYEARDAY], 366, FALSE, error))
        return NULL;
    }
  if (parts.values[PART_BYWEEKNO] != NULL)
    {
      if (strcmp (freq, "YEARLY") != 0)
        {
          set_invalid (error, _("BYWEEKNO can only be used with FREQ=YEARLY."));
          return NULL;
        }
      if (!check_number_list (PART_BYWEEKNO, parts.values[PART_BYWEEKNO], 53, FALSE, error))
        return NULL;
    }
  if (parts.values[PART_BYMONTH] != NULL)
    {
      g_auto(GStrv) months = g_strsplit (parts.values[PART_BYMONTH], ",", -1);

      for (guint i = 0; months[i] != NULL; i++)
        if (!parse_int (months[i], 1, 12, &number) || months[i][0] == '-' || months[i][0] == '+')
          {
            set_invalid (error, _("“%s” is not a month for BYMONTH. Use the numbers 1 to 12."), months[i]);
            return NULL;
          }
    }
  if (parts.values[PART_BYSETPOS] != NULL)
    {
      if (parts.values[PART_BYDAY] == NULL && parts.values[PART_BYMONTHDAY] == NULL &&
          parts.values[PART_BYYEARDAY] == NULL && parts.values[PART_BYWEEKNO] == NULL &&
          parts.values[PART_BYMONTH] == NULL)
        {
          set_invalid (error, _("BYSETPOS picks from the days another BY part gives, so it needs one such as BYDAY."));
          return NULL;
        }
      if (!check_number_list (PART_BYSETPOS, parts.values[PART_BYSETPOS], 366, FALSE, error))
        return NULL;
    }

  for (Part part = 0; part < N_PARTS; part++)
    if (parts.values[part] != NULL)
      g_string_append_printf (clean, "%s%s=%s", clean->len > 0 ? ";" : "", part_names[part], parts.values[part]);
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

/* Checks @text and lets libical parse it into @rule. */
static gboolean
parse_rule (const char                *text,
            struct icalrecurrencetype *rule,
            GError                   **error)
{
  g_autofree char *clean = check_rule_text (text, error);
  struct icaltimetype probe_start;
  icalrecur_iterator *probe;

  if (clean == NULL)
    return FALSE;

  icalerror_clear_errno ();
  *rule = icalrecurrencetype_from_string (clean);
  if (icalerrno != ICAL_NO_ERROR || rule->freq == ICAL_NO_RECURRENCE)
    {
      icalerror_clear_errno ();
      return set_invalid (error, _("“%s” is not a valid repeat rule."), text);
    }

  /* libical refuses to walk a rule that names only days that do not
   * exist, such as BYMONTH=2;BYMONTHDAY=30; such a rule never repeats. */
  probe_start = icaltime_from_day_of_year (1, 2026);
  probe = icalrecur_iterator_new (*rule, probe_start);
  if (probe == NULL)
    {
      icalerror_clear_errno ();
      return set_invalid (error,
                          _("The repeat rule “%s” names only days that do not exist, such as 30 February. Check BYMONTH and BYMONTHDAY."),
                          text);
    }
  icalrecur_iterator_free (probe);
  return TRUE;
}

/* The rule as libical writes it, in GLib's allocator. */
static char *
rule_to_string (struct icalrecurrencetype *rule)
{
  char *text = icalrecurrencetype_as_string_r (rule);
  char *copy = g_strdup (text);

  icalmemory_free_buffer (text);
  return copy;
}

char *
dg_rrule_normalize (const char  *text,
                    GError     **error)
{
  struct icalrecurrencetype rule;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_rule (text, &rule, error))
    return NULL;
  return rule_to_string (&rule);
}

char *
dg_rrule_fit_until (const char *rrule,
                    const char *due_time,
                    const char *time_zone)
{
  struct icalrecurrencetype rule;
  g_autoptr(GTimeZone) zone = NULL;
  gboolean all_day;

  g_return_val_if_fail (rrule != NULL, NULL);
  g_return_val_if_fail (due_time != NULL, NULL);
  g_return_val_if_fail (time_zone != NULL, NULL);

  if (*rrule == '\0')
    return g_strdup ("");
  zone = zone_new (time_zone);
  if (zone == NULL || !parse_rule (rrule, &rule, NULL))
    return NULL;

  all_day = *due_time == '\0';
  if (!icaltime_is_null_time (rule.until))
    {
      gint64 until = local_seconds_of (&rule.until);
      gboolean is_utc = !rule.until.is_date && icaltime_is_utc (rule.until);

      if (all_day && !rule.until.is_date)
        {
          /* The day the last instant falls on in the zone; an all-day
           * occurrence is due at the start of its day. */
          if (is_utc)
            until += offset_at (zone, until);
          rule.until = icaltime_from_seconds (until);
          rule.until.is_date = 1;
          rule.until.hour = rule.until.minute = rule.until.second = 0;
        }
      else if (!all_day && !is_utc)
        {
          if (rule.until.is_date)
            until += SECONDS_PER_DAY - 1;
          rule.until = icaltime_from_seconds (local_to_utc (zone, until));
          rule.until.zone = icaltimezone_get_utc_timezone ();
        }
    }
  return rule_to_string (&rule);
}

/* ---- presets --------------------------------------------------------- */

static const DgWeekdays weekday_bits[] = {
  DG_WEEKDAY_MONDAY, DG_WEEKDAY_TUESDAY, DG_WEEKDAY_WEDNESDAY,
  DG_WEEKDAY_THURSDAY, DG_WEEKDAY_FRIDAY, DG_WEEKDAY_SATURDAY,
  DG_WEEKDAY_SUNDAY,
};

/* icalrecurrencetype_weekday (Sunday = 1) to 0 = Monday … 6 = Sunday. */
static int
weekday_from_ical (icalrecurrencetype_weekday day)
{
  g_assert (day >= ICAL_SUNDAY_WEEKDAY && day <= ICAL_SATURDAY_WEEKDAY);
  return day == ICAL_SUNDAY_WEEKDAY ? 6 : (int) day - ICAL_MONDAY_WEEKDAY;
}

/* "YYYY-MM-DD" that exists, into its parts. */
static gboolean
parse_iso_date (const char *text,
                int        *year,
                int        *month,
                int        *day)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  *year = atoi (text);
  *month = atoi (text + 5);
  *day = atoi (text + 8);
  return *year >= 1 && g_date_valid_dmy (*day, *month, *year);
}

char *
dg_recurrence_to_rrule (const DgRecurrence  *recurrence,
                        const char          *time_zone,
                        GError             **error)
{
  g_autoptr(GString) rule = g_string_new (NULL);
  int year, month, day;

  g_return_val_if_fail (recurrence != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (recurrence->kind == DG_RECURRENCE_NONE)
    return g_strdup ("");
  if (recurrence->kind == DG_RECURRENCE_CUSTOM)
    {
      set_invalid (error, _("A custom repeat rule is kept as typed and cannot be built from the presets."));
      return NULL;
    }
  if (recurrence->interval < 1 || recurrence->interval > G_MAXSHORT)
    {
      set_invalid (error, _("The interval must be a whole number of 1 or more."));
      return NULL;
    }
  if (recurrence->count < 0)
    {
      set_invalid (error, _("The number of times must be 1 or more."));
      return NULL;
    }
  if (recurrence->count > 0 && recurrence->until[0] != '\0')
    {
      set_invalid (error, _("A repeat rule ends either after a number of times or on a date, not both."));
      return NULL;
    }
  if (recurrence->until[0] != '\0' && !parse_iso_date (recurrence->until, &year, &month, &day))
    {
      set_invalid (error, _("“%s” is not an end date. Use the form YYYY-MM-DD."), recurrence->until);
      return NULL;
    }

  switch (recurrence->kind)
    {
    case DG_RECURRENCE_DAILY:
      g_string_append (rule, "FREQ=DAILY");
      break;

    case DG_RECURRENCE_WEEKLY:
      if ((recurrence->weekdays & 0x7f) == 0 || (recurrence->weekdays & ~0x7f) != 0)
        {
          set_invalid (error, _("Choose at least one day of the week."));
          return NULL;
        }
      g_string_append (rule, "FREQ=WEEKLY");
      break;

    case DG_RECURRENCE_MONTHLY_BY_DAY:
      if (recurrence->month_day != -1 && (recurrence->month_day < 1 || recurrence->month_day > 31))
        {
          set_invalid (error, _("The day of the month must be from 1 to 31, or the last day."));
          return NULL;
        }
      g_string_append (rule, "FREQ=MONTHLY");
      break;

    case DG_RECURRENCE_MONTHLY_BY_WEEKDAY:
      if (recurrence->week_number != -1 && (recurrence->week_number < 1 || recurrence->week_number > 4))
        {
          set_invalid (error, _("Choose the first, second, third, fourth or last weekday of the month."));
          return NULL;
        }
      if (recurrence->weekday < G_DATE_MONDAY || recurrence->weekday > G_DATE_SUNDAY)
        {
          set_invalid (error, _("Choose a day of the week."));
          return NULL;
        }
      g_string_append (rule, "FREQ=MONTHLY");
      break;

    case DG_RECURRENCE_NONE:
    case DG_RECURRENCE_CUSTOM:
    default:
      g_assert_not_reached ();
    }

  /* Parts in libical's order, so that the text equals dg_rrule_normalize()'s. */
  if (recurrence->until[0] != '\0')
    {
      if (time_zone == NULL || *time_zone == '\0')
        {
          g_string_append_printf (rule, ";UNTIL=%04d%02d%02d", year, month, day);
        }
      else
        {
          g_autoptr(GTimeZone) zone = zone_or_utc (time_zone);
          gint64 end_of_day = days_from_civil (year, month, day) * SECONDS_PER_DAY + SECONDS_PER_DAY - 1;
          struct icaltimetype until = icaltime_from_seconds (local_to_utc (zone, end_of_day));

          g_string_append_printf (rule, ";UNTIL=%04d%02d%02dT%02d%02d%02dZ",
                                  until.year, until.month, until.day,
                                  until.hour, until.minute, until.second);
        }
    }
  if (recurrence->count > 0)
    g_string_append_printf (rule, ";COUNT=%d", recurrence->count);
  if (recurrence->interval > 1)
    g_string_append_printf (rule, ";INTERVAL=%d", recurrence->interval);

  switch (recurrence->kind)
    {
    case DG_RECURRENCE_WEEKLY:
      {
        const char *separator = ";BYDAY=";

        /* From Monday on, the week start, as libical sorts them. */
        for (guint i = 0; i < G_N_ELEMENTS (weekday_bits); i++)
          if (recurrence->weekdays & weekday_bits[i])
            {
              g_string_append_printf (rule, "%s%s", separator, weekday_codes[i]);
              separator = ",";
            }
      }
      break;

    case DG_RECURRENCE_MONTHLY_BY_DAY:
      g_string_append_printf (rule, ";BYMONTHDAY=%d", recurrence->month_day);
      break;

    case DG_RECURRENCE_MONTHLY_BY_WEEKDAY:
      g_string_append_printf (rule, ";BYDAY=%d%s", recurrence->week_number,
                              weekday_codes[recurrence->weekday - G_DATE_MONDAY]);
      break;

    case DG_RECURRENCE_NONE:
    case DG_RECURRENCE_DAILY:
    case DG_RECURRENCE_CUSTOM:
    default:
      break;
    }

  return g_string_free (g_steal_pointer (&rule), FALSE);
}

static int
array_length (const short *array,
              int          size)
{
  int length = 0;

  while (length < size && array[length] != ICAL_RECURRENCE_ARRAY_MAX)
    length++;
  return length;
}

/* The date in @time_zone on which UNTIL falls, as YYYY-MM-DD. */
static void
until_to_date (const struct icaltimetype *until,
               const char                *time_zone,
               char                       date[11])
{
  struct icaltimetype local = *until;

  if (!until->is_date && icaltime_is_utc (*until))
    {
      g_autoptr(GTimeZone) zone = zone_or_utc (time_zone);
      gint64 utc = local_seconds_of (until);

      local = icaltime_from_seconds (utc + offset_at (zone, utc));
    }
  g_snprintf (date, 11, "%04d-%02d-%02d", local.year % 10000, local.month, local.day);
}

gboolean
dg_recurrence_from_rrule (const char   *rrule,
                          const char   *time_zone,
                          DgRecurrence *recurrence)
{
  struct icalrecurrencetype rule;
  int n_by_day, n_by_month_day;
  gboolean other_parts;
  DgRecurrence result = { 0, };

  g_return_val_if_fail (rrule != NULL, FALSE);
  g_return_val_if_fail (recurrence != NULL, FALSE);

  if (*rrule == '\0')
    {
      result.kind = DG_RECURRENCE_NONE;
      result.interval = 1;
      *recurrence = result;
      return TRUE;
    }
  if (!parse_rule (rrule, &rule, NULL))
    return FALSE;

  result.kind = DG_RECURRENCE_CUSTOM;
  result.interval = rule.interval;
  result.count = rule.count;
  if (!icaltime_is_null_time (rule.until))
    until_to_date (&rule.until, time_zone, result.until);

  n_by_day = array_length (rule.by_day, ICAL_BY_DAY_SIZE);
  n_by_month_day = array_length (rule.by_month_day, ICAL_BY_MONTHDAY_SIZE);
  other_parts = array_length (rule.by_year_day, ICAL_BY_YEARDAY_SIZE) > 0 ||
                array_length (rule.by_week_no, ICAL_BY_WEEKNO_SIZE) > 0 ||
                array_length (rule.by_month, ICAL_BY_MONTH_SIZE) > 0 ||
                array_length (rule.by_set_pos, ICAL_BY_SETPOS_SIZE) > 0 ||
                /* The week start changes which weeks an interval skips. */
                (rule.week_start != ICAL_MONDAY_WEEKDAY && rule.week_start != ICAL_NO_WEEKDAY);

  if (other_parts)
    {
      /* Only a custom rule can say these. */
    }
  else if (rule.freq == ICAL_DAILY_RECURRENCE && n_by_day == 0 && n_by_month_day == 0)
    {
      result.kind = DG_RECURRENCE_DAILY;
    }
  else if (rule.freq == ICAL_WEEKLY_RECURRENCE && n_by_day > 0 && n_by_month_day == 0)
    {
      DgWeekdays weekdays = 0;

      for (int i = 0; i < n_by_day; i++)
        weekdays |= weekday_bits[weekday_from_ical (icalrecurrencetype_day_day_of_week (rule.by_day[i]))];
      result.kind = DG_RECURRENCE_WEEKLY;
      result.weekdays = weekdays;
    }
  else if (rule.freq == ICAL_MONTHLY_RECURRENCE && n_by_day == 0 && n_by_month_day == 1)
    {
      result.kind = DG_RECURRENCE_MONTHLY_BY_DAY;
      result.month_day = rule.by_month_day[0];
      if (result.month_day < -1)
        result.kind = DG_RECURRENCE_CUSTOM;
    }
  else if (rule.freq == ICAL_MONTHLY_RECURRENCE && n_by_day == 1 && n_by_month_day == 0)
    {
      int position = icalrecurrencetype_day_position (rule.by_day[0]);

      if (position == -1 || (position >= 1 && position <= 4))
        {
          result.kind = DG_RECURRENCE_MONTHLY_BY_WEEKDAY;
          result.week_number = position;
          result.weekday = G_DATE_MONDAY + weekday_from_ical (icalrecurrencetype_day_day_of_week (rule.by_day[0]));
        }
    }

  *recurrence = result;
  return TRUE;
}

/* ---- expansion ------------------------------------------------------- */

typedef enum
{
  UNTIL_NONE,
  UNTIL_LOCAL,   /* a DATE (end of that day) or a floating date-time */
  UNTIL_UTC,
} UntilKind;

/* Walks the occurrences in order. DTSTART always counts as the first
 * occurrence (RFC 5545 §3.3.10), even when it does not match the rule;
 * COUNT and UNTIL are applied here rather than by libical, which neither
 * counts such a DTSTART nor compares a UTC UNTIL with a zoned start
 * correctly. */
typedef struct
{
  GTimeZone          *zone;
  struct icaltimetype start;
  icalrecur_iterator *iterator;
  int                 count;
  UntilKind           until_kind;
  gint64              until;
  int                 emitted;
  gboolean            done;
} Expander;

static void
expander_clear (Expander *self)
{
  g_clear_pointer (&self->iterator, icalrecur_iterator_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Expander, expander_clear)

/* "HH:MM" into minutes since midnight. */
static gboolean
parse_due_time (const char *text,
                int        *hour,
                int        *minute)
{
  if (strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  *hour = (text[0] - '0') * 10 + (text[1] - '0');
  *minute = (text[3] - '0') * 10 + (text[4] - '0');
  return *hour < 24 && *minute < 60;
}

static gboolean
expander_init (Expander    *self,
               const char  *rrule,
               const char  *due_date,
               const char  *due_time,
               const char  *time_zone,
               GError     **error)
{
  int year, month, day, hour = 0, minute = 0;

  memset (self, 0, sizeof *self);

  if (!parse_iso_date (due_date, &year, &month, &day))
    return set_invalid (error, _("“%s” is not a due date. Use the form YYYY-MM-DD."), due_date);
  if (*due_time != '\0' && !parse_due_time (due_time, &hour, &minute))
    return set_invalid (error, _("“%s” is not a due time. Use the form HH:MM, for example 09:00."), due_time);
  self->zone = zone_new (time_zone);
  if (self->zone == NULL)
    return set_invalid (error, _("“%s” is not a known time zone. Use a name such as Europe/Berlin or Asia/Manila."), time_zone);

  self->start = icaltime_null_time ();
  self->start.year = year;
  self->start.month = month;
  self->start.day = day;
  self->start.hour = hour;
  self->start.minute = minute;
  self->start.is_date = *due_time == '\0';

  if (*rrule != '\0')
    {
      struct icalrecurrencetype rule;

      if (!parse_rule (rrule, &rule, error))
        return FALSE;

      self->count = rule.count;
      if (!icaltime_is_null_time (rule.until))
        {
          if (rule.until.is_date)
            {
              self->until_kind = UNTIL_LOCAL;
              self->until = local_seconds_of (&rule.until) + SECONDS_PER_DAY - 1;
            }
          else
            {
              self->until_kind = icaltime_is_utc (rule.until) ? UNTIL_UTC : UNTIL_LOCAL;
              self->until = local_seconds_of (&rule.until);
            }
        }
      rule.count = 0;
      rule.until = icaltime_null_time ();

      /* Floating start: libical only walks the calendar; the zone is
       * applied to each occurrence by local_to_utc(). */
      self->iterator = icalrecur_iterator_new (rule, self->start);
      if (self->iterator == NULL)
        {
          icalerror_clear_errno ();
          return set_invalid (error, _("Delegate cannot work out the dates of the repeat rule “%s”."), rrule);
        }
    }
  return TRUE;
}

/* The next occurrence as a local time, also in local seconds. Its instant
 * is left to the caller: finding it costs more than walking the calendar,
 * and only occurrences near a window need it. */
static gboolean
expander_next (Expander            *self,
               struct icaltimetype *local_time,
               gint64              *local)
{
  struct icaltimetype next;

  if (self->done)
    return FALSE;

  if (self->emitted == 0)
    {
      next = self->start;
    }
  else
    {
      gint64 start = local_seconds_of (&self->start);

      if (self->iterator == NULL)
        {
          self->done = TRUE;
          return FALSE;
        }
      /* libical repeats DTSTART when it matches the rule; it was emitted. */
      do
        next = icalrecur_iterator_next (self->iterator);
      while (!icaltime_is_null_time (next) && local_seconds_of (&next) <= start);

      if (icaltime_is_null_time (next))
        {
          self->done = TRUE;
          return FALSE;
        }
    }

  *local_time = next;
  *local = local_seconds_of (&next);

  if (self->emitted > 0 &&
      ((self->until_kind == UNTIL_LOCAL && *local > self->until) ||
       (self->until_kind == UNTIL_UTC && *local - SECONDS_PER_DAY > self->until) ||
       (self->until_kind == UNTIL_UTC && *local + SECONDS_PER_DAY > self->until &&
        local_to_utc (self->zone, *local) > self->until)))
    {
      self->done = TRUE;
      return FALSE;
    }

  self->emitted++;
  if (self->count > 0 && self->emitted >= self->count)
    self->done = TRUE;
  return TRUE;
}

/* Lets libical start near the window instead of at DTSTART, so that an
 * agenda years after a daily task began does not walk every day since.
 * Not with COUNT, which counts from DTSTART. */
static void
expander_skip_to (Expander *self,
                  gint64    from_utc)
{
  struct icaltimetype jump;
  gint64 start;

  if (self->iterator == NULL || self->count > 0 || self->emitted > 0 ||
      from_utc < G_MININT64 + 2 * SECONDS_PER_DAY)
    return;

  /* A local time is less than a day from its instant. */
  start = local_seconds_of (&self->start);
  if (from_utc - SECONDS_PER_DAY <= start + SECONDS_PER_DAY)
    return;

  jump = icaltime_from_seconds (from_utc - SECONDS_PER_DAY);
  jump.is_date = self->start.is_date;
  if (jump.is_date)
    jump.hour = jump.minute = jump.second = 0;
  if (jump.year > 9999 || !icalrecur_iterator_set_start (self->iterator, jump))
    return;
  /* DTSTART lies before the window: it counts as emitted. */
  self->emitted = 1;
}

static void
format_recurrence_id (const struct icaltimetype *tt,
                      char                       id[16])
{
  if (tt->is_date)
    g_snprintf (id, 16, "%04d%02d%02d", tt->year % 10000, tt->month, tt->day);
  else
    g_snprintf (id, 16, "%04d%02d%02dT%02d%02d%02d", tt->year % 10000, tt->month, tt->day,
                tt->hour, tt->minute, tt->second);
}

GArray *
dg_recurrence_expand (const char  *rrule,
                      const char  *due_date,
                      const char  *due_time,
                      const char  *time_zone,
                      gint64       from_utc,
                      gint64       to_utc,
                      guint        max_count,
                      GError     **error)
{
  g_auto(Expander) expander = { 0, };
  g_autoptr(GArray) occurrences = NULL;
  struct icaltimetype local_time;
  gint64 local, utc;

  g_return_val_if_fail (rrule != NULL, NULL);
  g_return_val_if_fail (due_date != NULL, NULL);
  g_return_val_if_fail (due_time != NULL, NULL);
  g_return_val_if_fail (time_zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!expander_init (&expander, rrule, due_date, due_time, time_zone, error))
    return NULL;

  expander_skip_to (&expander, from_utc);
  occurrences = g_array_new (FALSE, FALSE, sizeof (DgOccurrenceTime));
  while ((max_count == 0 || occurrences->len < max_count) &&
         expander_next (&expander, &local_time, &local))
    {
      DgOccurrenceTime occurrence = { { 0, }, 0 };

      /* A zone's offset is less than a day, so an occurrence more than a
       * day outside the window in local time is outside it in UTC too. */
      if (local - SECONDS_PER_DAY >= to_utc)
        break;
      if (local + SECONDS_PER_DAY < from_utc)
        continue;

      /* Occurrences come in order, and a day apart at least, so the
       * first one past the window ends it. */
      utc = local_to_utc (expander.zone, local);
      if (utc >= to_utc)
        break;
      if (utc < from_utc)
        continue;

      format_recurrence_id (&local_time, occurrence.recurrence_id);
      occurrence.due_utc = utc;
      g_array_append_val (occurrences, occurrence);
    }
  return g_steal_pointer (&occurrences);
}

/* "20261130T090000" or "20261130" into a libical time (floating). */
static gboolean
parse_recurrence_id (const char          *text,
                     struct icaltimetype *tt)
{
  gsize length = strlen (text);

  if (length != 8 && length != 15)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (i != 8 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (length == 15 && text[8] != 'T')
    return FALSE;

  *tt = icaltime_null_time ();
  tt->year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  tt->month = (text[4] - '0') * 10 + (text[5] - '0');
  tt->day = (text[6] - '0') * 10 + (text[7] - '0');
  tt->is_date = length == 8;
  if (length == 15)
    {
      tt->hour = (text[9] - '0') * 10 + (text[10] - '0');
      tt->minute = (text[11] - '0') * 10 + (text[12] - '0');
      tt->second = (text[13] - '0') * 10 + (text[14] - '0');
    }
  return tt->year >= 1 && g_date_valid_dmy (tt->day, tt->month, tt->year) &&
         tt->hour < 24 && tt->minute < 60 && tt->second < 60;
}

gboolean
dg_recurrence_has_occurrence (const char *rrule,
                              const char *due_date,
                              const char *due_time,
                              const char *time_zone,
                              const char *recurrence_id)
{
  g_auto(Expander) expander = { 0, };
  struct icaltimetype wanted, local_time;
  gint64 wanted_local, local;

  g_return_val_if_fail (rrule != NULL, FALSE);
  g_return_val_if_fail (due_date != NULL, FALSE);
  g_return_val_if_fail (due_time != NULL, FALSE);
  g_return_val_if_fail (time_zone != NULL, FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  if (!parse_recurrence_id (recurrence_id, &wanted))
    return FALSE;
  if (wanted.is_date != (*due_time == '\0'))
    return FALSE;
  if (!expander_init (&expander, rrule, due_date, due_time, time_zone, NULL))
    return FALSE;

  wanted_local = local_seconds_of (&wanted);
  /* Any instant within a day of the id's local time starts the walk early
   * enough not to miss it. */
  expander_skip_to (&expander, wanted_local);
  while (expander_next (&expander, &local_time, &local))
    {
      if (local == wanted_local)
        return TRUE;
      if (local > wanted_local)
        return FALSE;
    }
  return FALSE;
}

/* How many dates of a rule before its start are walked to reach it: a
 * year of days, as a task repeats at most daily. */
#define MAX_DATES_BEFORE_START 400

gboolean
dg_rrule_includes_date (const char *rrule,
                        int         year,
                        int         month,
                        int         day)
{
  struct icalrecurrencetype rule;
  struct icaltimetype start = icaltime_null_time ();
  struct icaltimetype next;
  icalrecur_iterator *iterator;
  gboolean includes_start = TRUE;

  icalerror_clear_errno ();
  rule = icalrecurrencetype_from_string (rrule);
  if (icalerrno != ICAL_NO_ERROR)
    {
      icalerror_clear_errno ();
      return TRUE;
    }
  /* Where the series ends does not change which dates it has. */
  rule.count = 0;
  rule.until = icaltime_null_time ();

  start.year = year;
  start.month = month;
  start.day = day;
  start.is_date = 1;
  iterator = icalrecur_iterator_new (rule, start);
  if (iterator == NULL)
    {
      icalerror_clear_errno ();
      return TRUE;
    }
  /* libical may begin before the start, in its week, month or year; a
   * rule walked that far without reaching it is not refused. */
  for (guint i = 0; i < MAX_DATES_BEFORE_START; i++)
    {
      int cmp;

      next = icalrecur_iterator_next (iterator);
      if (icaltime_is_null_time (next))
        {
          includes_start = FALSE;
          break;
        }
      cmp = icaltime_compare_date_only (next, start);
      if (cmp >= 0)
        {
          includes_start = cmp == 0;
          break;
        }
    }
  icalrecur_iterator_free (iterator);
  return includes_start;
}

GDateTime *
dg_recurrence_id_to_date_time (const char *recurrence_id,
                               const char *time_zone)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;
  struct icaltimetype tt;

  g_return_val_if_fail (recurrence_id != NULL, NULL);
  g_return_val_if_fail (time_zone != NULL, NULL);

  if (!parse_recurrence_id (recurrence_id, &tt))
    return NULL;
  zone = zone_new (time_zone);
  if (zone == NULL)
    return NULL;

  /* The same instant the expansion gives the occurrence. */
  utc = g_date_time_new_from_unix_utc (local_to_utc (zone, local_seconds_of (&tt)));
  if (utc == NULL)
    return NULL;
  return g_date_time_to_timezone (utc, zone);
}

char *
dg_recurrence_id_from_date_time (GDateTime *date_time,
                                 gboolean   all_day)
{
  g_return_val_if_fail (date_time != NULL, NULL);

  return g_date_time_format (date_time, all_day ? "%Y%m%d" : "%Y%m%dT%H%M%S");
}

/* ---- description ------------------------------------------------------ */

static const char *
weekday_name (int index)
{
  switch (index)
    {
    case 0: return _("Monday");
    case 1: return _("Tuesday");
    case 2: return _("Wednesday");
    case 3: return _("Thursday");
    case 4: return _("Friday");
    case 5: return _("Saturday");
    case 6: return _("Sunday");
    default: g_assert_not_reached ();
    }
}

/* "Monday", "Monday and Wednesday", "Monday, Wednesday and Friday". */
static char *
weekday_list (DgWeekdays weekdays)
{
  g_autofree char *list = NULL;
  int n_days = 0, seen = 0;

  for (int i = 0; i < 7; i++)
    if (weekdays & weekday_bits[i])
      n_days++;

  for (int i = 0; i < 7; i++)
    {
      char *joined;

      if (!(weekdays & weekday_bits[i]))
        continue;
      seen++;
      if (list == NULL)
        joined = g_strdup (weekday_name (i));
      else if (seen < n_days)
        /* Translators: joins days in a list: "Monday, Wednesday" */
        joined = g_strdup_printf (C_("weekday list", "%s, %s"), list, weekday_name (i));
      else
        /* Translators: joins the last day of a list: "Monday, Wednesday and Friday" */
        joined = g_strdup_printf (C_("weekday list", "%s and %s"), list, weekday_name (i));
      g_free (list);
      list = joined;
    }
  return g_steal_pointer (&list);
}

static char *
describe_monthly_day (int interval,
                      int month_day)
{
  if (month_day == -1)
    {
      if (interval == 1)
        return g_strdup (_("Monthly on the last day"));
      return g_strdup_printf (ngettext ("Every %d month on the last day",
                                        "Every %d months on the last day", interval),
                              interval);
    }
  if (interval == 1)
    return g_strdup_printf (_("Monthly on day %d"), month_day);
  /* Translators: the second number is the day of the month */
  return g_strdup_printf (ngettext ("Every %d month on day %d",
                                    "Every %d months on day %d", interval),
                          interval, month_day);
}

static char *
describe_monthly_weekday (int          interval,
                          int          position,
                          GDateWeekday weekday)
{
  const char *day = weekday_name (weekday - G_DATE_MONDAY);

  if (interval == 1)
    {
      switch (position)
        {
        /* Translators: %s is a day of the week: "Monthly on the first Monday" */
        case 1: return g_strdup_printf (_("Monthly on the first %s"), day);
        case 2: return g_strdup_printf (_("Monthly on the second %s"), day);
        case 3: return g_strdup_printf (_("Monthly on the third %s"), day);
        case 4: return g_strdup_printf (_("Monthly on the fourth %s"), day);
        case -1: return g_strdup_printf (_("Monthly on the last %s"), day);
        default: g_assert_not_reached ();
        }
    }

  switch (position)
    {
    /* Translators: %1$d is a number of months, %2$s a day of the week */
    case 1: return g_strdup_printf (ngettext ("Every %1$d month on the first %2$s",
                                              "Every %1$d months on the first %2$s", interval), interval, day);
    case 2: return g_strdup_printf (ngettext ("Every %1$d month on the second %2$s",
                                              "Every %1$d months on the second %2$s", interval), interval, day);
    case 3: return g_strdup_printf (ngettext ("Every %1$d month on the third %2$s",
                                              "Every %1$d months on the third %2$s", interval), interval, day);
    case 4: return g_strdup_printf (ngettext ("Every %1$d month on the fourth %2$s",
                                              "Every %1$d months on the fourth %2$s", interval), interval, day);
    case -1: return g_strdup_printf (ngettext ("Every %1$d month on the last %2$s",
                                               "Every %1$d months on the last %2$s", interval), interval, day);
    default: g_assert_not_reached ();
    }
}

static char *
describe_frequency (const DgRecurrence *recurrence)
{
  int n = recurrence->interval;

  switch (recurrence->kind)
    {
    case DG_RECURRENCE_DAILY:
      if (n == 1)
        return g_strdup (_("Every day"));
      return g_strdup_printf (ngettext ("Every %d day", "Every %d days", n), n);

    case DG_RECURRENCE_WEEKLY:
      {
        g_autofree char *days = weekday_list (recurrence->weekdays);

        if (n == 1)
          /* Translators: %s is a list of days: "Weekly on Monday and Wednesday" */
          return g_strdup_printf (_("Weekly on %s"), days);
        /* Translators: %1$d is a number of weeks, %2$s a list of days */
        return g_strdup_printf (ngettext ("Every %1$d week on %2$s", "Every %1$d weeks on %2$s", n), n, days);
      }

    case DG_RECURRENCE_MONTHLY_BY_DAY:
      return describe_monthly_day (n, recurrence->month_day);

    case DG_RECURRENCE_MONTHLY_BY_WEEKDAY:
      return describe_monthly_weekday (n, recurrence->week_number, recurrence->weekday);

    case DG_RECURRENCE_NONE:
    case DG_RECURRENCE_CUSTOM:
    default:
      g_assert_not_reached ();
    }
}

char *
dg_rrule_describe (const char *rrule,
                   const char *time_zone)
{
  DgRecurrence recurrence;
  g_autofree char *frequency = NULL;

  g_return_val_if_fail (rrule != NULL, NULL);

  if (!dg_recurrence_from_rrule (rrule, time_zone, &recurrence) ||
      recurrence.kind == DG_RECURRENCE_CUSTOM)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (rrule));

      /* Translators: %s is an iCalendar RRULE such as FREQ=YEARLY;BYMONTH=3 */
      return g_strdup_printf (_("Custom rule: %s"), stripped);
    }
  if (recurrence.kind == DG_RECURRENCE_NONE)
    return g_strdup ("");

  frequency = describe_frequency (&recurrence);
  if (recurrence.count == 1)
    /* Translators: %s is a rule such as "Every day" */
    return g_strdup_printf (_("%s, once"), frequency);
  if (recurrence.count > 1)
    /* Translators: %1$s is a rule such as "Every day", %2$d how often it repeats */
    return g_strdup_printf (ngettext ("%1$s, %2$d time", "%1$s, %2$d times", recurrence.count),
                            frequency, recurrence.count);
  if (recurrence.until[0] != '\0')
    {
      int year, month, day;
      g_autoptr(GDateTime) until = NULL;
      g_autofree char *date = NULL;

      if (!parse_iso_date (recurrence.until, &year, &month, &day))
        return g_strdup_printf (_("Custom rule: %s"), rrule);
      until = g_date_time_new_utc (year, month, day, 0, 0, 0);
      /* Translators: the end date of a repeat rule, see g_date_time_format() */
      date = g_date_time_format (until, C_("until date", "%-d %b %Y"));
      /* Translators: %1$s is a rule such as "Every day", %2$s a date */
      return g_strdup_printf (_("%1$s, until %2$s"), frequency, date);
    }
  return g_steal_pointer (&frequency);
}
