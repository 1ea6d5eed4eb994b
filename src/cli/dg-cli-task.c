/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-handbook.h"
#include "dg-money.h"
#include "dg-recurrence.h"
#include "dg-validation.h"

#include "dg-cli-stores.h"
#include "dg-cli-task.h"

/* “task list” without dates: from today this many days ahead … */
#define LIST_DAYS 14
/* … and the occurrences still pending from this many days back. */
#define OVERDUE_DAYS 90
/* “task show”: how many coming occurrences of a recurring task. */
#define SHOW_OCCURRENCES 5
/* How far “task show” looks for them: a yearly rule has five in this. */
#define SHOW_SECONDS ((gint64) 6 * 366 * 24 * 60 * 60)

/* An integer option that was not given. */
#define NOT_GIVEN G_MININT

typedef char *(*MoneyFormatFunc) (const DgMoney *money);

/* ---- the stores ---------------------------------------------------------- */

static DgTask *
find_task (DgTaskStore  *tasks,
           gint64        id,
           GError      **error)
{
  DgTask *task = dg_task_store_find (tasks, id);

  if (task == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND,
                   _("There is no task with the ID %s."), id_text);
    }

  return task;
}

/* ---- dates and occurrences ----------------------------------------------- */

/* The day of a date that dg_validate_date() accepted. */
static void
date_from_text (const char *text,
                GDate      *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_ascii_strtoull (text + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (text, NULL, 10));
}

/* The start of the day @text (valid YYYY-MM-DD) in @zone. */
static GDateTime *
day_start_from_text (const char *text,
                     GTimeZone  *zone)
{
  GDate date;

  date_from_text (text, &date);

  return g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 0, 0, 0);
}

static gboolean
is_digits (const char *text,
           gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* HH:MM, 00:00 to 23:59. */
static gboolean
is_time (const char *text)
{
  return strlen (text) == 5 && text[2] == ':' &&
         is_digits (text, 2) && is_digits (text + 3, 2) &&
         g_ascii_strtoull (text, NULL, 10) < 24 &&
         g_ascii_strtoull (text + 3, NULL, 10) < 60;
}

/* "20261130" or "20261130T090000", as the store and the calendar write them. */
static gboolean
is_recurrence_id (const char *text)
{
  gsize length = strlen (text);

  return (length == 8 && is_digits (text, 8)) ||
         (length == 15 && is_digits (text, 8) && text[8] == 'T' && is_digits (text + 9, 6));
}

/* A recurrence id as the owner types it back with --occurrence:
 * "20261130T090000" → "2026-11-30T09:00", "20261130" → "2026-11-30". */
static char *
format_occurrence (const char *recurrence_id)
{
  if (recurrence_id == NULL || !is_recurrence_id (recurrence_id))
    return g_strdup ("");

  if (strlen (recurrence_id) == 8)
    return g_strdup_printf ("%.4s-%.2s-%.2s", recurrence_id, recurrence_id + 4, recurrence_id + 6);

  return g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s", recurrence_id, recurrence_id + 4,
                          recurrence_id + 6, recurrence_id + 9, recurrence_id + 11);
}

/* The task's first due date and time as typed: "2026-11-30 09:00". */
static char *
format_task_due (DgTask *task)
{
  if (dg_task_is_all_day (task))
    return g_strdup (dg_task_get_due_date (task));

  return g_strdup_printf ("%s %s", dg_task_get_due_date (task), dg_task_get_due_time (task));
}

/* The occurrence of @task that @text names: a date (YYYY-MM-DD) or a date
 * and time (YYYY-MM-DDTHH:MM) in the task's zone, or the recurrence id
 * itself. The time may be left out: it is the task's due time. Sets
 * @out_recurrence_id to the recurrence id, or NULL for a one-off task, whose
 * only occurrence is the task itself. */
static gboolean
resolve_occurrence (DgTask      *task,
                    const char  *text,
                    char       **out_recurrence_id,
                    GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, dg_task_get_id (task));
  g_autofree char *date = NULL;
  g_autofree char *time_of_day = NULL;
  gboolean all_day = dg_task_is_all_day (task);

  *out_recurrence_id = NULL;

  if (is_recurrence_id (text))
    {
      g_autofree char *readable = format_occurrence (text);

      date = g_strndup (readable, 10);
      if (readable[10] == 'T')
        time_of_day = g_strdup (readable + 11);
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit_set (text, "T ", 2);

      date = g_strdup (parts[0]);
      if (parts[0] != NULL && parts[1] != NULL)
        time_of_day = g_strdup (parts[1]);
    }

  if (date == NULL || !dg_validate_date (date, NULL) || (time_of_day != NULL && !is_time (time_of_day)))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not an occurrence: give its date as YYYY-MM-DD, or its date "
                     "and time as YYYY-MM-DDTHH:MM, in the task’s time zone."),
                   text);
      return FALSE;
    }

  if (all_day && time_of_day != NULL)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("Task %s is due all day: give the occurrence as a date only, such as %s."),
                   id_text, date);
      return FALSE;
    }

  if (!all_day && time_of_day == NULL)
    time_of_day = g_strdup (dg_task_get_due_time (task));

  if (!dg_task_is_recurring (task))
    {
      if (!g_str_equal (date, dg_task_get_due_date (task)) ||
          (!all_day && !g_str_equal (time_of_day, dg_task_get_due_time (task))))
        {
          g_autofree char *due = format_task_due (task);

          g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE,
                       _("Task %s does not repeat: it is due on %s only. Leave out --occurrence."),
                       id_text, due);
          return FALSE;
        }

      return TRUE;
    }

  if (all_day)
    *out_recurrence_id = g_strdup_printf ("%.4s%.2s%.2s", date, date + 5, date + 8);
  else
    *out_recurrence_id = g_strdup_printf ("%.4s%.2s%.2sT%.2s%.2s00",
                                          date, date + 5, date + 8, time_of_day, time_of_day + 3);

  return TRUE;
}

/* ---- recurrence ---------------------------------------------------------- */

static DgWeekdays
weekday_bit (GDateWeekday weekday)
{
  g_assert (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY);

  return 1 << (weekday - G_DATE_MONDAY);
}

/* "MO,WE,FR" (any case) as weekday bits. */
static gboolean
parse_weekdays (const char  *text,
                DgWeekdays  *out_weekdays,
                GError     **error)
{
  static const char * const codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  DgWeekdays weekdays = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      gboolean found = FALSE;

      for (guint day = 0; day < G_N_ELEMENTS (codes); day++)
        {
          if (g_ascii_strcasecmp (part, codes[day]) == 0)
            {
              weekdays |= 1 << day;
              found = TRUE;
            }
        }

      if (!found)
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("“%s” is not a day of the week: use MO, TU, WE, TH, FR, SA or SU, "
                         "separated by commas, such as weekly:MO,WE."),
                       part);
          return FALSE;
        }
    }

  *out_weekdays = weekdays;

  return TRUE;
}

/* @preset of --repeat, for a task first due on @due. */
static gboolean
parse_repeat (const char    *preset,
              const GDate   *due,
              DgRecurrence  *recurrence,
              GError       **error)
{
  GDateWeekday weekday = g_date_get_weekday (due);
  int day = g_date_get_day (due);

  if (g_ascii_strcasecmp (preset, "daily") == 0)
    {
      recurrence->kind = DG_RECURRENCE_DAILY;
    }
  else if (g_ascii_strcasecmp (preset, "weekdays") == 0)
    {
      recurrence->kind = DG_RECURRENCE_WEEKLY;
      recurrence->weekdays = DG_WEEKDAY_MONDAY | DG_WEEKDAY_TUESDAY | DG_WEEKDAY_WEDNESDAY |
                             DG_WEEKDAY_THURSDAY | DG_WEEKDAY_FRIDAY;
    }
  else if (g_ascii_strcasecmp (preset, "weekly") == 0)
    {
      recurrence->kind = DG_RECURRENCE_WEEKLY;
      recurrence->weekdays = weekday_bit (weekday);
    }
  else if (g_ascii_strncasecmp (preset, "weekly:", strlen ("weekly:")) == 0)
    {
      recurrence->kind = DG_RECURRENCE_WEEKLY;
      if (!parse_weekdays (preset + strlen ("weekly:"), &recurrence->weekdays, error))
        return FALSE;
    }
  else if (g_ascii_strcasecmp (preset, "monthly") == 0)
    {
      recurrence->kind = DG_RECURRENCE_MONTHLY_BY_DAY;
      recurrence->month_day = day;
    }
  else if (g_ascii_strcasecmp (preset, "monthly-weekday") == 0)
    {
      int days_in_month = g_date_get_days_in_month (g_date_get_month (due), g_date_get_year (due));

      recurrence->kind = DG_RECURRENCE_MONTHLY_BY_WEEKDAY;
      recurrence->weekday = weekday;
      /* The last one of the month stays the last, also in months where it
       * is the fourth, and the fifth exists only as the last. */
      recurrence->week_number = day + 7 > days_in_month ? -1 : (day + 6) / 7;
    }
  else
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The repetition “%s” is not known: use daily, weekdays, weekly, "
                     "weekly:MO,WE,…, monthly or monthly-weekday, or give a rule with --rrule."),
                   preset);
      return FALSE;
    }

  return TRUE;
}

/* ---- JSON and text ------------------------------------------------------- */

/* The task's amount in @currency with @format; empty when it has none of
 * its own, or the currency is not one core knows. */
static char *
format_billing_amount (DgTask          *task,
                       const char      *currency,
                       MoneyFormatFunc  format)
{
  DgMoney money;

  if (dg_task_get_billing (task) == DG_TASK_BILLING_ASSISTANT_RATE ||
      currency == NULL || !dg_currency_is_known (currency))
    return g_strdup ("");

  dg_money_init (&money, dg_task_get_billing_amount (task), currency);

  return format (&money);
}

static const char *
get_currency (DgCliStores *stores,
              DgTask      *task)
{
  DgAssistant *assistant = dg_assistant_store_find (stores->assistants,
                                                    dg_task_get_assistant_id (task));

  return assistant != NULL ? dg_assistant_get_currency (assistant) : NULL;
}

static void
add_date_time_json (JsonBuilder *builder,
                    const char  *member,
                    GDateTime   *date_time,
                    GTimeZone   *zone)
{
  g_autoptr(GDateTime) converted = g_date_time_to_timezone (date_time, zone);
  /* RFC 3339, which every JSON reader takes: "+08:00" rather than "+08". */
  g_autofree char *text = g_date_time_format (converted, "%Y-%m-%dT%H:%M:%S%:z");

  dg_cli_json_add_string (builder, member, text);
}

/* The assistant's zone, or the task's when the assistant has none. */
static GTimeZone *
get_assistant_zone (DgTask *task)
{
  const char *zone = dg_task_get_assistant_time_zone (task);
  GTimeZone *time_zone = NULL;

  if (zone != NULL && *zone != '\0')
    time_zone = g_time_zone_new_identifier (zone);
  if (time_zone == NULL)
    time_zone = g_time_zone_new_identifier (dg_task_get_time_zone (task));

  return time_zone != NULL ? time_zone : g_time_zone_new_utc ();
}

static void
add_occurrence_json (JsonBuilder      *builder,
                     DgTaskOccurrence *occurrence,
                     GDateTime        *now,
                     GTimeZone        *owner_zone)
{
  DgTask *task = dg_task_occurrence_get_task (occurrence);
  GDateTime *due = dg_task_occurrence_get_due (occurrence);
  const char *recurrence_id = dg_task_occurrence_get_recurrence_id (occurrence);
  g_autoptr(GTimeZone) assistant_zone = get_assistant_zone (task);
  g_autofree char *readable = format_occurrence (recurrence_id);
  g_autofree char *due_date = g_date_time_format (due, "%Y-%m-%d");
  g_autofree char *due_time = dg_task_is_all_day (task) ? g_strdup ("") : g_date_time_format (due, "%H:%M");
  g_autofree char *due_text = dg_task_occurrence_format_due (occurrence, owner_zone);

  json_builder_begin_object (builder);
  dg_cli_json_add_int (builder, "task_id", dg_task_get_id (task));
  dg_cli_json_add_string (builder, "uid", dg_task_get_uid (task));
  dg_cli_json_add_string (builder, "title", dg_task_get_title (task));
  dg_cli_json_add_int (builder, "assistant_id", dg_task_get_assistant_id (task));
  dg_cli_json_add_string (builder, "assistant", dg_task_get_assistant_name (task));
  dg_cli_json_add_string (builder, "recurrence_id", recurrence_id);
  dg_cli_json_add_string (builder, "occurrence", readable);
  dg_cli_json_add_boolean (builder, "recurring", dg_task_is_recurring (task));
  dg_cli_json_add_boolean (builder, "all_day", dg_task_is_all_day (task));
  dg_cli_json_add_string (builder, "time_zone", dg_task_get_time_zone (task));
  dg_cli_json_add_string (builder, "due_date", due_date);
  dg_cli_json_add_string (builder, "due_time", due_time);
  add_date_time_json (builder, "due", due, g_date_time_get_timezone (due));
  add_date_time_json (builder, "due_owner", due, owner_zone);
  add_date_time_json (builder, "due_assistant", due, assistant_zone);
  dg_cli_json_add_string (builder, "due_text", due_text);
  dg_cli_json_add_string (builder, "status",
                          dg_task_status_to_string (dg_task_occurrence_get_status (occurrence)));
  dg_cli_json_add_int (builder, "percent_complete", dg_task_occurrence_get_percent_complete (occurrence));
  dg_cli_json_add_string (builder, "completed_at", dg_task_occurrence_get_completed_at (occurrence));
  dg_cli_json_add_boolean (builder, "overdue", dg_task_occurrence_is_overdue (occurrence, now));
  json_builder_end_object (builder);
}

static void
add_task_json (JsonBuilder *builder,
               DgTask      *task,
               const char  *currency)
{
  g_autofree char *amount = format_billing_amount (task, currency, dg_money_format_plain);
  g_autofree char *description = dg_rrule_describe (dg_task_get_rrule (task),
                                                    dg_task_get_time_zone (task));

  dg_cli_json_add_int (builder, "id", dg_task_get_id (task));
  dg_cli_json_add_string (builder, "uid", dg_task_get_uid (task));
  dg_cli_json_add_string (builder, "title", dg_task_get_title (task));
  dg_cli_json_add_int (builder, "assistant_id", dg_task_get_assistant_id (task));
  dg_cli_json_add_string (builder, "assistant", dg_task_get_assistant_name (task));
  dg_cli_json_add_int (builder, "handbook_id", dg_task_get_handbook_id (task));
  dg_cli_json_add_int (builder, "handbook_version", dg_task_get_handbook_version (task));
  dg_cli_json_add_string (builder, "handbook_title", dg_task_get_handbook_title (task));
  dg_cli_json_add_string (builder, "due_date", dg_task_get_due_date (task));
  dg_cli_json_add_string (builder, "due_time", dg_task_get_due_time (task));
  dg_cli_json_add_string (builder, "time_zone", dg_task_get_time_zone (task));
  dg_cli_json_add_string (builder, "rrule", dg_task_get_rrule (task));
  dg_cli_json_add_string (builder, "repeats", description);
  dg_cli_json_add_string (builder, "notes", dg_task_get_notes (task));
  dg_cli_json_add_string (builder, "priority", dg_task_priority_to_string (dg_task_get_priority (task)));
  dg_cli_json_add_int (builder, "estimate_minutes", dg_task_get_estimate_minutes (task));
  dg_cli_json_add_string (builder, "billing", dg_task_billing_to_string (dg_task_get_billing (task)));
  dg_cli_json_add_string (builder, "currency", currency);
  dg_cli_json_add_int (builder, "billing_amount_minor", dg_task_get_billing_amount (task));
  dg_cli_json_add_string (builder, "billing_amount", amount);
  dg_cli_json_add_string (builder, "status", dg_task_status_to_string (dg_task_get_status (task)));
  dg_cli_json_add_int (builder, "percent_complete", dg_task_get_percent_complete (task));
  dg_cli_json_add_string (builder, "completed_at", dg_task_get_completed_at (task));
  dg_cli_json_add_string (builder, "created_at", dg_task_get_created_at (task));
}

/* A UTC time stamp of the store ("2026-11-30T08:15:00Z") in this computer's
 * time zone, as the owner at this computer reads it; as stored when it is
 * not one. */
static char *
format_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL || *timestamp == '\0')
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* “Open”, or “Open (overdue)”. */
static char *
format_occurrence_status (DgTaskOccurrence *occurrence,
                          GDateTime        *now)
{
  const char *label = dg_task_status_get_label (dg_task_occurrence_get_status (occurrence));

  if (dg_task_occurrence_is_overdue (occurrence, now))
    /* Translators: a status in the list of tasks, such as “Open (overdue)” */
    return g_strdup_printf (_("%s (overdue)"), label);

  return g_strdup (label);
}

/* ---- commands ------------------------------------------------------------ */

static int
run_task_add (DgCli              *cli,
              const DgCliCommand *command,
              int                 argc,
              char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(DgTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *handbook_text = NULL;
  g_autofree char *due = NULL;
  g_autofree char *due_time = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *repeat = NULL;
  g_autofree char *rrule_text = NULL;
  g_autofree char *until = NULL;
  g_autofree char *priority_text = NULL;
  g_autofree char *rate_text = NULL;
  g_autofree char *fee_text = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *rrule = NULL;
  DgTaskPriority priority = DG_TASK_PRIORITY_NONE;
  DgTaskBilling billing = DG_TASK_BILLING_ASSISTANT_RATE;
  DgAssistant *assistant;
  const char *currency;
  gint64 billing_amount = 0;
  gint64 assistant_id;
  gint64 handbook_id;
  gboolean json = FALSE;
  int interval = NOT_GIVEN;
  int count = NOT_GIVEN;
  int estimate = NOT_GIVEN;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("The ID of the assistant who does the task"), N_("ID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What is to be done"), N_("TEXT") },
    { "handbook", 0, 0, G_OPTION_ARG_STRING, &handbook_text, N_("The ID of the handbook the work follows; its latest published version is pinned"), N_("ID") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("The due date, or the first one of a recurring task"), N_("YYYY-MM-DD") },
    { "time", 0, 0, G_OPTION_ARG_STRING, &due_time, N_("The due time; without it the task is due all day"), N_("HH:MM") },
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &zone, N_("The IANA time zone of date and time; the assistant’s unless given"), N_("ZONE") },
    { "repeat", 0, 0, G_OPTION_ARG_STRING, &repeat, N_("daily, weekdays, weekly, weekly:MO,WE,…, monthly or monthly-weekday"), N_("PRESET") },
    { "interval", 0, 0, G_OPTION_ARG_INT, &interval, N_("With --repeat: every N days, weeks or months"), N_("N") },
    { "count", 0, 0, G_OPTION_ARG_INT, &count, N_("With --repeat: end after N occurrences"), N_("N") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("With --repeat: end on this date"), N_("YYYY-MM-DD") },
    { "rrule", 0, 0, G_OPTION_ARG_STRING, &rrule_text, N_("Repeat by an iCalendar rule, such as FREQ=MONTHLY;BYDAY=1MO"), N_("RRULE") },
    { "priority", 0, 0, G_OPTION_ARG_STRING, &priority_text, N_("high, medium, low or none"), N_("PRIORITY") },
    { "estimate", 0, 0, G_OPTION_ARG_INT, &estimate, N_("The estimated time in minutes"), N_("MINUTES") },
    { "rate", 0, 0, G_OPTION_ARG_STRING, &rate_text, N_("Bill by the hour at this rate instead of the assistant’s"), N_("AMOUNT") },
    { "fixed-fee", 0, 0, G_OPTION_ARG_STRING, &fee_text, N_("Bill this amount once, when done"), N_("AMOUNT") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("Notes for the assistant"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("--assistant, --title and --due are required. "
                                       "“weekly” repeats on the due date’s weekday, “monthly” on "
                                       "its day of the month, “monthly-weekday” on its weekday of "
                                       "the month (such as the second Tuesday, or the last). "
                                       "Amounts are in the assistant’s currency; without --rate "
                                       "or --fixed-fee the work is billed at the assistant’s "
                                       "hourly rate. Prints the new task’s ID and its iCalendar UID."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id) ||
      !dg_cli_parse_id_option (handbook_text, &handbook_id))
    return DG_CLI_EXIT_USAGE;

  if (assistant_text == NULL)
    return dg_cli_usage_error (_("The option %s is required."), "--assistant");
  if (title == NULL)
    return dg_cli_usage_error (_("The option %s is required."), "--title");
  if (due == NULL)
    return dg_cli_usage_error (_("The option %s is required."), "--due");
  if (repeat != NULL && rrule_text != NULL)
    return dg_cli_usage_error (_("The options %s and %s cannot be used together."), "--repeat", "--rrule");
  if (rate_text != NULL && fee_text != NULL)
    return dg_cli_usage_error (_("The options %s and %s cannot be used together."), "--rate", "--fixed-fee");
  if (count != NOT_GIVEN && until != NULL)
    return dg_cli_usage_error (_("The options %s and %s cannot be used together."), "--count", "--until");
  if (repeat == NULL && (interval != NOT_GIVEN || count != NOT_GIVEN || until != NULL))
    return dg_cli_usage_error (_("The options --interval, --count and --until only go with --repeat. "
                                 "A rule given with --rrule says INTERVAL, COUNT or UNTIL itself."));
  if (interval != NOT_GIVEN && interval < 1)
    return dg_cli_usage_error (_("The option %s takes a whole number from 1 up."), "--interval");
  if (count != NOT_GIVEN && count < 1)
    return dg_cli_usage_error (_("The option %s takes a whole number from 1 up."), "--count");

  if (priority_text != NULL && !dg_task_priority_from_string (priority_text, &priority))
    {
      g_autofree char *message = g_strdup_printf (_("The priority “%s” is not known: use high, "
                                                    "medium, low or none."),
                                                  priority_text);

      dg_cli_print_error (message);
      return DG_CLI_EXIT_FAILED;
    }

  /* The presets need the due date's weekday and day; the zone reads UNTIL. */
  if (!dg_validate_date (due, &error) ||
      (until != NULL && !dg_validate_date (until, &error)) ||
      (zone != NULL && !dg_validate_time_zone (zone, &error)))
    return dg_cli_fail (error);

  if (!dg_cli_stores_open (&stores, cli, DG_CLI_STORE_TASKS, &error) ||
      !(assistant = dg_cli_find_assistant (stores.assistants, assistant_id, &error)))
    return dg_cli_fail (error);

  if (zone == NULL)
    zone = g_strdup (dg_assistant_get_time_zone (assistant));
  currency = dg_assistant_get_currency (assistant);

  if (repeat != NULL)
    {
      DgRecurrence recurrence = { .kind = DG_RECURRENCE_NONE, .interval = 1 };
      GDate due_date;

      date_from_text (due, &due_date);
      if (interval != NOT_GIVEN)
        recurrence.interval = interval;
      if (count != NOT_GIVEN)
        recurrence.count = count;
      if (until != NULL)
        g_strlcpy (recurrence.until, until, sizeof recurrence.until);

      if (!parse_repeat (repeat, &due_date, &recurrence, &error) ||
          !(rrule = dg_recurrence_to_rrule (&recurrence, zone, &error)))
        return dg_cli_fail (error);
    }
  else if (rrule_text != NULL)
    {
      if (!(rrule = dg_rrule_normalize (rrule_text, &error)))
        return dg_cli_fail (error);
    }

  if (rate_text != NULL || fee_text != NULL)
    {
      DgMoney money;

      billing = rate_text != NULL ? DG_TASK_BILLING_OWN_RATE : DG_TASK_BILLING_FIXED_FEE;
      if (!dg_money_parse (rate_text != NULL ? rate_text : fee_text, currency, &money, &error))
        return dg_cli_fail (error);
      billing_amount = money.minor;
    }

  task = dg_task_new (title);
  g_object_set (task,
                "assistant-id", assistant_id,
                "handbook-id", handbook_id,
                "due-date", due,
                "due-time", due_time != NULL ? due_time : "",
                "time-zone", zone,
                "rrule", rrule != NULL ? rrule : "",
                "notes", notes != NULL ? notes : "",
                "priority", priority,
                "billing", billing,
                "billing-amount", billing_amount,
                NULL);
  if (estimate != NOT_GIVEN)
    g_object_set (task, "estimate-minutes", estimate, NULL);

  if (!dg_task_store_add (stores.tasks, task, &error))
    return dg_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_task_json (builder, task, currency);
      json_builder_end_object (builder);
      dg_cli_print_json (builder);
    }
  else
    {
      g_print ("%" G_GINT64_FORMAT "\n%s\n", dg_task_get_id (task), dg_task_get_uid (task));
    }

  return DG_CLI_EXIT_OK;
}

static int
run_task_list (DgCli              *cli,
               const DgCliCommand *command,
               int                 argc,
               char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) owner_zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (owner_zone);
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  DgTaskStatus status = DG_TASK_STATUS_OPEN;
  gboolean all_statuses = TRUE;
  gboolean with_overdue = FALSE;
  gboolean json = FALSE;
  gint64 assistant_id;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("Only the tasks of this assistant"), N_("ID") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("open, in-progress, done, cancelled, skipped or all"), N_("STATUS") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day to list"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day to list"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("Lists every occurrence due in the period, each recurring "
                                       "task once per due date. Without --from and --to: from "
                                       "today 14 days ahead, and before that the occurrences "
                                       "still open (overdue). Days are those of this computer’s "
                                       "time zone; the due time is shown in it and, where it "
                                       "differs, in the assistant’s. Without --status every "
                                       "status is listed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id))
    return DG_CLI_EXIT_USAGE;

  if (status_text != NULL && !g_str_equal (status_text, "all"))
    {
      if (!dg_task_status_from_string (status_text, &status))
        {
          g_autofree char *message = g_strdup_printf (_("The status “%s” is not known: use open, "
                                                        "in-progress, done, cancelled, skipped "
                                                        "or all."),
                                                      status_text);

          dg_cli_print_error (message);
          return DG_CLI_EXIT_FAILED;
        }
      all_statuses = FALSE;
    }

  if ((from_text != NULL && !dg_validate_date (from_text, &error)) ||
      (to_text != NULL && !dg_validate_date (to_text, &error)))
    return dg_cli_fail (error);

  today = g_date_time_new (owner_zone, g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now), 0, 0, 0);

  if (from_text == NULL && to_text == NULL)
    {
      with_overdue = TRUE;
      from = g_date_time_add_days (today, -OVERDUE_DAYS);
      to = g_date_time_add_days (today, LIST_DAYS);
    }
  else
    {
      g_autoptr(GDateTime) last = NULL;

      from = from_text != NULL ? day_start_from_text (from_text, owner_zone) : g_date_time_ref (today);
      last = to_text != NULL ? day_start_from_text (to_text, owner_zone) : g_date_time_add_days (from, LIST_DAYS - 1);
      /* --to names the last day listed, which ends at the next midnight. */
      to = g_date_time_add_days (last, 1);

      if (g_date_time_compare (last, from) < 0)
        {
          g_autofree char *first_day = g_date_time_format (from, "%Y-%m-%d");
          g_autofree char *last_day = g_date_time_format (last, "%Y-%m-%d");
          g_autofree char *message = g_strdup_printf (_("The last day %s is before the first day %s."),
                                                      last_day, first_day);

          dg_cli_print_error (message);
          return DG_CLI_EXIT_FAILED;
        }
    }

  if (!dg_cli_stores_open (&stores, cli, DG_CLI_STORE_TASKS, &error) ||
      (assistant_id != 0 && !dg_cli_find_assistant (stores.assistants, assistant_id, &error)) ||
      !(occurrences = dg_task_store_list_occurrences (stores.tasks, from, to, assistant_id, &error)))
    return dg_cli_fail (error);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < occurrences->len; i++)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      DgTask *task = dg_task_occurrence_get_task (occurrence);
      char **cells;

      /* Before today only what is still to do. */
      if (with_overdue &&
          g_date_time_compare (dg_task_occurrence_get_due (occurrence), today) < 0 &&
          !dg_task_occurrence_is_overdue (occurrence, now))
        continue;

      if (!all_statuses && dg_task_occurrence_get_status (occurrence) != status)
        continue;

      if (json)
        {
          add_occurrence_json (builder, occurrence, now, owner_zone);
          continue;
        }

      cells = g_new0 (char *, 7);
      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, dg_task_get_id (task));
      cells[1] = format_occurrence (dg_task_occurrence_get_recurrence_id (occurrence));
      cells[2] = dg_task_occurrence_format_due (occurrence, owner_zone);
      cells[3] = format_occurrence_status (occurrence, now);
      cells[4] = g_strdup (dg_task_get_title (task));
      cells[5] = g_strdup (dg_task_get_assistant_name (task));
      g_ptr_array_add (rows, cells);
    }

  json_builder_end_array (builder);

  if (json)
    dg_cli_print_json (builder);
  else if (rows->len == 0)
    g_print ("%s\n", _("There are no tasks to list."));
  else
    {
      const char *headers[] = {
        _("ID"), _("Occurrence"), _("Due"), _("Status"), _("Title"), _("Assistant"),
      };

      dg_cli_print_table (headers, G_N_ELEMENTS (headers), rows);
    }

  return DG_CLI_EXIT_OK;
}

/* The next occurrences of a recurring @task from @now, with their status. */
static GPtrArray *
list_next_occurrences (DgCliStores *stores,
                       DgTask      *task,
                       GDateTime   *now,
                       GError     **error)
{
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) times = NULL;
  gint64 from = g_date_time_to_unix (now);

  times = dg_recurrence_expand (dg_task_get_rrule (task), dg_task_get_due_date (task),
                                dg_task_get_due_time (task), dg_task_get_time_zone (task),
                                from, from + SHOW_SECONDS, SHOW_OCCURRENCES, error);
  if (times == NULL)
    return NULL;

  for (guint i = 0; i < times->len; i++)
    {
      const DgOccurrenceTime *occurrence_time = &g_array_index (times, DgOccurrenceTime, i);
      DgTaskOccurrence *occurrence;

      occurrence = dg_task_store_get_occurrence (stores->tasks, task, occurrence_time->recurrence_id, error);
      if (occurrence == NULL)
        return NULL;
      g_ptr_array_add (occurrences, occurrence);
    }

  return g_steal_pointer (&occurrences);
}

static void
add_occurrences_json (JsonBuilder *builder,
                      const char  *member,
                      GPtrArray   *occurrences,
                      GDateTime   *now,
                      GTimeZone   *owner_zone)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < occurrences->len; i++)
    add_occurrence_json (builder, g_ptr_array_index (occurrences, i), now, owner_zone);
  json_builder_end_array (builder);
}

static void
print_occurrences (const char *heading,
                   GPtrArray  *occurrences,
                   GDateTime  *now,
                   GTimeZone  *owner_zone)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { _("Occurrence"), _("Due"), _("Status") };

  g_print ("\n%s\n", heading);
  if (occurrences->len == 0)
    {
      g_print ("  %s\n", _("None."));
      return;
    }

  for (guint i = 0; i < occurrences->len; i++)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      char **cells = g_new0 (char *, 4);

      cells[0] = format_occurrence (dg_task_occurrence_get_recurrence_id (occurrence));
      cells[1] = dg_task_occurrence_format_due (occurrence, owner_zone);
      cells[2] = format_occurrence_status (occurrence, now);
      g_ptr_array_add (rows, cells);
    }

  dg_cli_print_table (headers, G_N_ELEMENTS (headers), rows);
}

static void
print_task_text (DgTask     *task,
                 const char *currency)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (DgCliField));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, dg_task_get_id (task));
  g_autofree char *due = NULL;
  g_autofree char *handbook = NULL;
  g_autofree char *repeats = NULL;
  g_autofree char *estimate = NULL;
  g_autofree char *amount = format_billing_amount (task, currency, dg_money_format);
  g_autofree char *percent = NULL;
  g_autofree char *completed_at = format_timestamp (dg_task_get_completed_at (task));
  g_autofree char *created_at = format_timestamp (dg_task_get_created_at (task));
  DgTaskBilling billing = dg_task_get_billing (task);
  DgTaskStatus status = dg_task_get_status (task);

  if (dg_task_is_all_day (task))
    /* Translators: the due date of a task without a time, and its time zone */
    due = g_strdup_printf (_("%s, all day (%s)"), dg_task_get_due_date (task), dg_task_get_time_zone (task));
  else
    /* Translators: the due date and time of a task, and its time zone */
    due = g_strdup_printf (_("%s %s (%s)"), dg_task_get_due_date (task),
                           dg_task_get_due_time (task), dg_task_get_time_zone (task));

  if (dg_task_get_handbook_id (task) != 0)
    /* Translators: a handbook's title and the version a task is pinned to */
    handbook = g_strdup_printf (_("%s, version %d"), dg_task_get_handbook_title (task),
                                dg_task_get_handbook_version (task));

  dg_cli_add_field (fields, _("ID"), id);
  dg_cli_add_field (fields, _("UID"), dg_task_get_uid (task));
  dg_cli_add_field (fields, _("Title"), dg_task_get_title (task));
  dg_cli_add_field (fields, _("Assistant"), dg_task_get_assistant_name (task));
  dg_cli_add_field (fields, _("Handbook"), handbook != NULL ? handbook : "");
  dg_cli_add_field (fields, dg_task_is_recurring (task) ? _("First due") : _("Due"), due);

  if (dg_task_is_recurring (task))
    {
      repeats = dg_rrule_describe (dg_task_get_rrule (task), dg_task_get_time_zone (task));
      dg_cli_add_field (fields, _("Repeats"), repeats);
      dg_cli_add_field (fields, _("Rule"), dg_task_get_rrule (task));
    }

  dg_cli_add_field (fields, _("Priority"), dg_task_priority_get_label (dg_task_get_priority (task)));
  if (dg_task_get_estimate_minutes (task) > 0)
    {
      estimate = dg_handbook_format_minutes (dg_task_get_estimate_minutes (task));
      dg_cli_add_field (fields, _("Estimated time"), estimate);
    }
  dg_cli_add_field (fields, _("Billing"), dg_task_billing_get_label (billing));
  if (billing == DG_TASK_BILLING_OWN_RATE)
    dg_cli_add_field (fields, _("Hourly rate"), amount);
  else if (billing == DG_TASK_BILLING_FIXED_FEE)
    dg_cli_add_field (fields, _("Fee"), amount);

  dg_cli_add_field (fields, _("Status"), dg_task_status_get_label (status));
  if (dg_task_status_is_pending (status) && dg_task_get_percent_complete (task) > 0)
    {
      /* Translators: how much of a task is done, such as “40 %” */
      percent = g_strdup_printf (_("%d %%"), dg_task_get_percent_complete (task));
      dg_cli_add_field (fields, _("Progress"), percent);
    }
  if (status == DG_TASK_STATUS_DONE)
    dg_cli_add_field (fields, _("Completed"), completed_at);
  dg_cli_add_field (fields, _("Notes"), dg_task_get_notes (task));
  dg_cli_add_field (fields, _("Created"), created_at);

  dg_cli_print_fields ((const DgCliField *) fields->data, fields->len);
}

static int
run_task_show (DgCli              *cli,
               const DgCliCommand *command,
               int                 argc,
               char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) owner_zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (owner_zone);
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  const char *currency;
  gboolean json = FALSE;
  DgTask *task;
  gint64 id;

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("For a recurring task, also shows its next occurrences "
                                       "and every occurrence that has a status of its own."));
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (!dg_cli_stores_open (&stores, cli, DG_CLI_STORE_TASKS, &error) ||
      !(task = find_task (stores.tasks, id, &error)))
    return dg_cli_fail (error);

  currency = get_currency (&stores, task);

  if (dg_task_is_recurring (task) &&
      (!(next = list_next_occurrences (&stores, task, now, &error)) ||
       !(overrides = dg_task_store_list_overrides (stores.tasks, task, &error))))
    return dg_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      json_builder_begin_object (builder);
      add_task_json (builder, task, currency);
      add_occurrences_json (builder, "next_occurrences", next != NULL ? next : none, now, owner_zone);
      add_occurrences_json (builder, "overrides", overrides != NULL ? overrides : none, now, owner_zone);
      json_builder_end_object (builder);
      dg_cli_print_json (builder);
    }
  else
    {
      print_task_text (task, currency);
      if (next != NULL)
        print_occurrences (_("Next occurrences:"), next, now, owner_zone);
      if (overrides != NULL && overrides->len > 0)
        print_occurrences (_("Occurrences with a status of their own:"), overrides, now, owner_zone);
    }

  return DG_CLI_EXIT_OK;
}

/* An example for --occurrence: the task's next pending occurrence, else
 * its first due date. */
static char *
get_occurrence_example (DgCliStores *stores,
                        DgTask      *task)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(DgTaskOccurrence) next = dg_task_store_next_occurrence (stores->tasks, task, now);

  if (next != NULL)
    return format_occurrence (dg_task_occurrence_get_recurrence_id (next));

  return g_strdup (dg_task_get_due_date (task));
}

/* “done”, “skip”, “reopen” and “cancel”: sets @status on the task or on the
 * occurrence given with --occurrence (which “cancel” does not take). */
static int
run_status_change (DgCli              *cli,
                   const DgCliCommand *command,
                   int                 argc,
                   char              **argv,
                   DgTaskStatus        status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *occurrence_text = NULL;
  g_autofree char *recurrence_id = NULL;
  g_autofree char *id_text = NULL;
  DgTask *task;
  gint64 id;
  const GOptionEntry entries[] = {
    { "occurrence", 0, 0, G_OPTION_ARG_STRING, &occurrence_text,
      N_("The occurrence of a recurring task, by its date (and time) in the task’s time zone"),
      N_("YYYY-MM-DD[THH:MM]") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  if (status != DG_TASK_STATUS_CANCELLED)
    {
      g_option_context_set_description (context,
                                        N_("A recurring task is done or skipped one occurrence at "
                                           "a time: name it with --occurrence, as “delegate-cli "
                                           "task list” shows it. The other occurrences keep "
                                           "their status."));
      g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
    }

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (!dg_cli_stores_open (&stores, cli, DG_CLI_STORE_TASKS, &error) ||
      !(task = find_task (stores.tasks, id, &error)))
    return dg_cli_fail (error);

  if (status == DG_TASK_STATUS_SKIPPED && !dg_task_is_recurring (task))
    {
      g_autofree char *message = g_strdup_printf (_("Task %s does not repeat, so there is no "
                                                    "occurrence to skip. To call the task off, "
                                                    "run “delegate-cli task cancel %s”."),
                                                  id_text, id_text);

      dg_cli_print_error (message);
      return DG_CLI_EXIT_FAILED;
    }

  /* A whole series can only be reopened or cancelled: done and skipped
   * belong to one date. */
  if (occurrence_text == NULL && dg_task_is_recurring (task) &&
      (status == DG_TASK_STATUS_DONE || status == DG_TASK_STATUS_SKIPPED))
    {
      g_autofree char *example = get_occurrence_example (&stores, task);

      return dg_cli_usage_error (_("Task %s repeats: say which occurrence with --occurrence, "
                                   "such as --occurrence %s."),
                                 id_text, example);
    }

  if (occurrence_text != NULL &&
      !resolve_occurrence (task, occurrence_text, &recurrence_id, &error))
    return dg_cli_fail (error);

  if (!dg_task_store_set_status (stores.tasks, task, recurrence_id, status, &error))
    {
      dg_cli_fail (error);

      if (g_error_matches (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE))
        {
          g_printerr (_("Run “delegate-cli task show %s” to see when it is due."), id_text);
          g_printerr ("\n");
        }

      return DG_CLI_EXIT_FAILED;
    }

  return DG_CLI_EXIT_OK;
}

static int
run_task_done (DgCli              *cli,
               const DgCliCommand *command,
               int                 argc,
               char              **argv)
{
  return run_status_change (cli, command, argc, argv, DG_TASK_STATUS_DONE);
}

static int
run_task_skip (DgCli              *cli,
               const DgCliCommand *command,
               int                 argc,
               char              **argv)
{
  return run_status_change (cli, command, argc, argv, DG_TASK_STATUS_SKIPPED);
}

static int
run_task_reopen (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  return run_status_change (cli, command, argc, argv, DG_TASK_STATUS_OPEN);
}

static int
run_task_cancel (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  return run_status_change (cli, command, argc, argv, DG_TASK_STATUS_CANCELLED);
}

/* For dg_cli_run_change: the task store alone, as deleting needs no
 * assistant. */
static gpointer
find_task_record (DgCli     *cli,
                  gint64     id,
                  GObject  **out_store,
                  GError   **error)
{
  DgDatabase *db = dg_cli_get_database (cli, FALSE, error);
  DgTaskStore *store;

  if (db == NULL || !(store = dg_task_store_new (db, error)))
    return NULL;
  *out_store = G_OBJECT (store);

  return find_task (store, id, error);
}

static int
run_task_delete (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  return dg_cli_run_change (cli, command, argc, argv, find_task_record,
                            DG_TASK_ERROR, DG_TASK_ERROR_IN_USE,
                            _("To call the task off while keeping its records, "
                              "run “delegate-cli task cancel %s”."));
}

static const DgCliCommand task_commands[] = {
  { "list", N_("List the occurrences of tasks due in a period"), run_task_list },
  { "show", N_("Show every field of one task and its next occurrences"), run_task_show },
  { "add", N_("Assign a task, one-off or recurring, to an assistant"), run_task_add },
  { "done", N_("Mark a task, or one occurrence of it, as done"), run_task_done },
  { "skip", N_("Skip one occurrence of a recurring task"), run_task_skip },
  { "reopen", N_("Mark a task, or one occurrence of it, as open again"), run_task_reopen },
  { "cancel", N_("Cancel a task, or every occurrence of a recurring one"), run_task_cancel },
  { "delete", N_("Delete a task and the statuses of its occurrences"),
    run_task_delete, G_CALLBACK (dg_task_store_delete) },
  { NULL }
};

int
dg_cli_task_run (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  return dg_cli_run_group (cli, command, task_commands, argc, argv);
}
