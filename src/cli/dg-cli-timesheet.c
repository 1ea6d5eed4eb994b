/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>

#include "dg-duration.h"
#include "dg-money.h"

#include "dg-cli-stores.h"
#include "dg-cli-time.h"
#include "dg-cli-timesheet.h"

/* ---- the stores ---------------------------------------------------------- */

/* Opens the stores and, as the window does every hour, approves the weeks
 * that have waited longer than the business allows, so that a command
 * never shows them as still awaiting approval. What it approved is said on
 * stdout, or on stderr when stdout carries JSON. */
static gboolean
open_stores (DgCli        *cli,
             DgCliStores  *stores,
             gboolean      json,
             GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n_approved = 0;

  if (!dg_cli_stores_open (stores, cli, DG_CLI_STORE_TIMESHEETS, error))
    return FALSE;

  if (!dg_timesheet_store_apply_auto_approval (stores->timesheets, now, &n_approved, error))
    return FALSE;

  if (n_approved > 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (ngettext ("%u entry was approved automatically: it had waited "
                                           "for approval longer than the business allows.",
                                           "%u entries were approved automatically: they had "
                                           "waited for approval longer than the business allows.",
                                           n_approved),
                                 n_approved);
      if (json)
        g_printerr ("%s\n", message);
      else
        g_print ("%s\n", message);
    }

  return TRUE;
}

/* The first day of the week, in the business's weeks, that contains the
 * day @week_text (any day of it). */
static gboolean
parse_week (DgCliStores  *stores,
            const char   *week_text,
            GDate        *out_start,
            GError      **error)
{
  GDate date;

  if (!dg_cli_time_parse_date (week_text, &date, error))
    return FALSE;

  dg_timesheet_week_start_of (&date, dg_timesheet_store_get_week_start (stores->timesheets),
                              out_start);

  return TRUE;
}

/* ---- text ---------------------------------------------------------------- */

static char *
format_week_end (DgTimesheetWeek *week)
{
  GDate end = *dg_timesheet_week_get_start (week);

  g_date_add_days (&end, 6);

  return dg_cli_format_date (&end);
}

static char *
format_week_amount (DgTimesheetWeek *week,
                    gboolean         plain)
{
  DgMoney amount = dg_timesheet_week_get_amount (week);

  return dg_cli_format_money (amount.minor, dg_timesheet_week_get_currency (week), plain);
}

/* ---- JSON ---------------------------------------------------------------- */

static void
add_week_json (JsonBuilder     *builder,
               DgTimesheetWeek *week)
{
  g_autofree char *end = format_week_end (week);
  g_autofree char *hours = dg_duration_format_minutes (dg_timesheet_week_get_minutes (week));
  g_autofree char *amount = format_week_amount (week, TRUE);
  g_autofree char *range = dg_timesheet_week_format_range (week);

  dg_cli_json_add_int (builder, "assistant_id", dg_timesheet_week_get_assistant_id (week));
  dg_cli_json_add_string (builder, "assistant", dg_timesheet_week_get_assistant_name (week));
  dg_cli_json_add_string (builder, "time_zone", dg_timesheet_week_get_time_zone (week));
  dg_cli_json_add_string (builder, "week_start", dg_timesheet_week_get_start_date (week));
  dg_cli_json_add_string (builder, "week_end", end);
  dg_cli_json_add_string (builder, "week", range);
  dg_cli_json_add_string (builder, "state", dg_timesheet_state_to_string (dg_timesheet_week_get_state (week)));
  dg_cli_json_add_int (builder, "n_pending", dg_timesheet_week_get_n_pending (week));
  dg_cli_json_add_int (builder, "n_approved", dg_timesheet_week_get_n_approved (week));
  dg_cli_json_add_int (builder, "n_rejected", dg_timesheet_week_get_n_rejected (week));
  dg_cli_json_add_int (builder, "n_invoiced", dg_timesheet_week_get_n_invoiced (week));
  dg_cli_json_add_int (builder, "minutes", dg_timesheet_week_get_minutes (week));
  dg_cli_json_add_int (builder, "pending_minutes", dg_timesheet_week_get_pending_minutes (week));
  dg_cli_json_add_string (builder, "hours", hours);
  dg_cli_json_add_string (builder, "currency", dg_timesheet_week_get_currency (week));
  dg_cli_json_add_int (builder, "amount_minor", dg_timesheet_week_get_amount (week).minor);
  dg_cli_json_add_string (builder, "amount", amount);
}

/* The objects of a week's arrays: days, task totals and fixed fees from
 * the DgTimesheetWeek, entries and history from their arrays. */

static void
add_day_json (JsonBuilder *builder,
              guint        day,
              gpointer     user_data)
{
  DgTimesheetWeek *week = user_data;
  GDate date = *dg_timesheet_week_get_start (week);
  g_autofree char *date_text = NULL;

  g_date_add_days (&date, day);
  date_text = dg_cli_format_date (&date);

  dg_cli_json_add_string (builder, "date", date_text);
  dg_cli_json_add_int (builder, "minutes", dg_timesheet_week_get_day_minutes (week, day));
}

static void
add_task_total_json (JsonBuilder *builder,
                     guint        index,
                     gpointer     user_data)
{
  DgTimesheetWeek *week = user_data;
  const DgTimesheetTaskTotal *total = g_ptr_array_index (dg_timesheet_week_get_task_totals (week), index);
  g_autofree char *amount = dg_cli_format_money (total->amount, dg_timesheet_week_get_currency (week), TRUE);

  dg_cli_json_add_int (builder, "task_id", total->task_id);
  dg_cli_json_add_string (builder, "title", total->title);
  dg_cli_json_add_int (builder, "minutes", total->minutes);
  dg_cli_json_add_int (builder, "amount_minor", total->amount);
  dg_cli_json_add_string (builder, "amount", amount);
}

static void
add_fixed_fee_json (JsonBuilder *builder,
                    guint        index,
                    gpointer     user_data)
{
  DgTimesheetWeek *week = user_data;
  const DgTimesheetFixedFee *fee = g_ptr_array_index (dg_timesheet_week_get_fixed_fees (week), index);
  g_autofree char *amount = dg_cli_format_money (fee->fee, dg_timesheet_week_get_currency (week), TRUE);

  dg_cli_json_add_int (builder, "task_id", fee->task_id);
  dg_cli_json_add_string (builder, "title", fee->title);
  dg_cli_json_add_string (builder, "recurrence_id", fee->recurrence_id);
  dg_cli_json_add_string (builder, "due_date", fee->due_date);
  dg_cli_json_add_int (builder, "fee_minor", fee->fee);
  dg_cli_json_add_string (builder, "fee", amount);
}

static void
add_audit_json (JsonBuilder *builder,
                guint        index,
                gpointer     user_data)
{
  DgAuditEvent *event = g_ptr_array_index ((GPtrArray *) user_data, index);
  g_autofree char *at = g_date_time_format (dg_audit_event_get_at (event), "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *description = dg_audit_event_describe (event);

  dg_cli_json_add_string (builder, "at", at);
  dg_cli_json_add_string (builder, "object_type", dg_audit_event_get_object_type (event));
  dg_cli_json_add_int (builder, "object_id", dg_audit_event_get_object_id (event));
  dg_cli_json_add_string (builder, "old_state", dg_audit_event_get_old_state (event));
  dg_cli_json_add_string (builder, "new_state", dg_audit_event_get_new_state (event));
  dg_cli_json_add_string (builder, "reason", dg_audit_event_get_reason (event));
  dg_cli_json_add_boolean (builder, "automatic", dg_audit_event_get_automatic (event));
  dg_cli_json_add_string (builder, "summary", dg_audit_event_get_summary (event));
  dg_cli_json_add_string (builder, "description", description);
}

/* ---- timesheet list ------------------------------------------------------ */

static void
add_listed_week_json (JsonBuilder *builder,
                      guint        index,
                      gpointer     user_data)
{
  add_week_json (builder, g_ptr_array_index ((GPtrArray *) user_data, index));
}

static void
fill_week_row (char     **cells,
               guint      row,
               gpointer   user_data)
{
  DgTimesheetWeek *week = g_ptr_array_index ((GPtrArray *) user_data, row);
  g_autofree char *end = format_week_end (week);

  /* Translators: a week in the list of timesheets, from its first to its last day */
  cells[0] = g_strdup_printf (_("%s to %s"), dg_timesheet_week_get_start_date (week), end);
  cells[1] = g_strdup_printf ("%" G_GINT64_FORMAT, dg_timesheet_week_get_assistant_id (week));
  cells[2] = g_strdup (dg_timesheet_week_get_assistant_name (week));
  cells[3] = g_strdup (dg_timesheet_state_get_label (dg_timesheet_week_get_state (week)));
  cells[4] = dg_duration_format_minutes (dg_timesheet_week_get_minutes (week));
  cells[5] = format_week_amount (week, FALSE);
}

static int
run_timesheet_list (DgCli              *cli,
                    const DgCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assistant_text = NULL;
  gboolean all = FALSE;
  gboolean json = FALSE;
  gint64 assistant_id;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("Only the weeks of this assistant"), N_("ID") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every week with hours, newest first, not only those awaiting approval"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("Lists the weeks with hours waiting for approval, oldest "
                                       "first. A week is the assistant’s local week, starting on "
                                       "the business’s first day of the week. Hours count every "
                                       "entry but rejected ones; the amount is in the assistant’s "
                                       "currency. When automatic approval is on, every timesheet "
                                       "command first approves the weeks that have waited long "
                                       "enough, and says so."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id))
    return DG_CLI_EXIT_USAGE;

  if (!open_stores (cli, &stores, json, &error) ||
      (assistant_id != 0 && !dg_cli_find_assistant (stores.assistants, assistant_id, &error)) ||
      !(weeks = dg_timesheet_store_list_weeks (stores.timesheets, assistant_id,
                                               all ? DG_TIMESHEET_FILTER_ALL : DG_TIMESHEET_FILTER_AWAITING,
                                               &error)))
    return dg_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      dg_cli_json_add_objects (builder, NULL, weeks->len, add_listed_week_json, weeks);
      dg_cli_print_json (builder);
    }
  else if (weeks->len == 0)
    {
      g_print ("%s\n", all ? _("There are no timesheets to list.")
                           : _("No week is waiting for approval."));
    }
  else
    {
      const char *headers[] = {
        _("Week"), _("ID"), _("Assistant"), _("State"), _("Hours"), _("Amount"),
      };

      dg_cli_print_filled_table (headers, G_N_ELEMENTS (headers), weeks->len,
                                 fill_week_row, weeks);
    }

  return DG_CLI_EXIT_OK;
}

/* ---- timesheet show ------------------------------------------------------ */

/* The tables of a week: the rows of days, task totals and fixed fees are
 * filled in from the DgTimesheetWeek, those of entries and history from
 * their arrays. */

static void
fill_day_row (char     **cells,
              guint      row,
              gpointer   user_data)
{
  DgTimesheetWeek *week = user_data;
  GDate date = *dg_timesheet_week_get_start (week);
  char name[64];

  g_date_add_days (&date, row);
  g_date_strftime (name, sizeof name, "%a %Y-%m-%d", &date);
  cells[0] = g_strdup (name);
  cells[1] = dg_duration_format_minutes (dg_timesheet_week_get_day_minutes (week, row));
}

static void
fill_task_total_row (char     **cells,
                     guint      row,
                     gpointer   user_data)
{
  DgTimesheetWeek *week = user_data;
  const DgTimesheetTaskTotal *total = g_ptr_array_index (dg_timesheet_week_get_task_totals (week), row);

  cells[0] = g_strdup (total->title);
  cells[1] = dg_duration_format_minutes (total->minutes);
  cells[2] = dg_cli_format_money (total->amount, dg_timesheet_week_get_currency (week), FALSE);
}

static void
fill_fixed_fee_row (char     **cells,
                    guint      row,
                    gpointer   user_data)
{
  DgTimesheetWeek *week = user_data;
  const DgTimesheetFixedFee *fee = g_ptr_array_index (dg_timesheet_week_get_fixed_fees (week), row);

  cells[0] = g_strdup (fee->title);
  cells[1] = g_strdup (fee->due_date);
  cells[2] = dg_cli_format_money (fee->fee, dg_timesheet_week_get_currency (week), FALSE);
}

static void
fill_entry_row (char     **cells,
                guint      row,
                gpointer   user_data)
{
  DgTimeEntry *entry = g_ptr_array_index ((GPtrArray *) user_data, row);

  cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, dg_time_entry_get_id (entry));
  cells[1] = g_strdup (dg_time_entry_get_local_date (entry));
  cells[2] = dg_cli_time_format_start (entry);
  cells[3] = dg_duration_format_minutes (dg_time_entry_get_minutes (entry));
  cells[4] = g_strdup (dg_time_entry_get_task_title (entry));
  cells[5] = dg_cli_time_format_state (entry);
  cells[6] = g_strdup (dg_time_entry_get_source (entry));
  cells[7] = dg_cli_time_one_line (dg_time_entry_get_note (entry));
}

static void
fill_history_row (char     **cells,
                  guint      row,
                  gpointer   user_data)
{
  DgAuditEvent *event = g_ptr_array_index ((GPtrArray *) user_data, row);
  g_autofree char *description = dg_audit_event_describe (event);

  cells[0] = dg_cli_format_local_time (dg_audit_event_get_at (event));
  cells[1] = g_strdup_printf ("%" G_GINT64_FORMAT, dg_audit_event_get_object_id (event));
  cells[2] = dg_cli_time_one_line (description);
  cells[3] = dg_cli_time_one_line (dg_audit_event_get_summary (event));
}

static void
print_week_text (DgTimesheetWeek *week,
                 GPtrArray       *week_entries,
                 GPtrArray       *history)
{
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (DgCliField));
  g_autofree char *range = dg_timesheet_week_format_range (week);
  g_autofree char *end = format_week_end (week);
  g_autofree char *dates = NULL;
  g_autofree char *hours = dg_duration_format_minutes (dg_timesheet_week_get_minutes (week));
  g_autofree char *pending = dg_duration_format_minutes (dg_timesheet_week_get_pending_minutes (week));
  g_autofree char *amount = format_week_amount (week, FALSE);
  GPtrArray *task_totals = dg_timesheet_week_get_task_totals (week);
  GPtrArray *fixed_fees = dg_timesheet_week_get_fixed_fees (week);
  const char *day_headers[] = { _("Day"), _("Hours") };
  const char *task_headers[] = { _("Task"), _("Hours"), _("Amount") };
  const char *fee_headers[] = { _("Fixed-fee task"), _("Due"), _("Fee") };
  const char *entry_headers[] = {
    _("ID"), _("Date"), _("Start"), _("Duration"), _("Task"), _("State"), _("Source"), _("Note"),
  };
  const char *history_headers[] = { _("When"), _("Entry"), _("Change"), _("About") };

  /* Translators: a week’s dates and the zone they are in, such as “2026-03-02 to 2026-03-08, Asia/Manila” */
  dates = g_strdup_printf (_("%s to %s, %s"), dg_timesheet_week_get_start_date (week), end,
                           dg_timesheet_week_get_time_zone (week));

  dg_cli_add_field (fields, _("Assistant"), dg_timesheet_week_get_assistant_name (week));
  dg_cli_add_field (fields, _("Week"), range);
  dg_cli_add_field (fields, _("Days"), dates);
  dg_cli_add_field (fields, _("State"), dg_timesheet_state_get_label (dg_timesheet_week_get_state (week)));
  dg_cli_add_field (fields, _("Hours"), hours);
  dg_cli_add_field (fields, _("Awaiting approval"), pending);
  dg_cli_add_field (fields, _("Amount"), amount);
  dg_cli_print_fields ((const DgCliField *) fields->data, fields->len);

  g_print ("\n");
  dg_cli_print_filled_table (day_headers, G_N_ELEMENTS (day_headers), 7, fill_day_row, week);

  if (task_totals->len > 0)
    {
      g_print ("\n");
      dg_cli_print_filled_table (task_headers, G_N_ELEMENTS (task_headers), task_totals->len,
                                 fill_task_total_row, week);
    }

  if (fixed_fees->len > 0)
    {
      g_print ("\n");
      dg_cli_print_filled_table (fee_headers, G_N_ELEMENTS (fee_headers), fixed_fees->len,
                                 fill_fixed_fee_row, week);
    }

  g_print ("\n%s\n", _("Entries:"));
  if (week_entries->len == 0)
    g_print ("  %s\n", _("None."));
  else
    dg_cli_print_filled_table (entry_headers, G_N_ELEMENTS (entry_headers), week_entries->len,
                               fill_entry_row, week_entries);

  g_print ("\n%s\n", _("History:"));
  if (history->len == 0)
    g_print ("  %s\n", _("None."));
  else
    dg_cli_print_filled_table (history_headers, G_N_ELEMENTS (history_headers), history->len,
                               fill_history_row, history);
}

static void
print_week_json (DgTimesheetWeek *week,
                 GPtrArray       *week_entries,
                 GPtrArray       *history)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *task_totals = dg_timesheet_week_get_task_totals (week);
  GPtrArray *fixed_fees = dg_timesheet_week_get_fixed_fees (week);

  json_builder_begin_object (builder);
  add_week_json (builder, week);

  dg_cli_json_add_objects (builder, "days", 7, add_day_json, week);
  dg_cli_json_add_objects (builder, "tasks", task_totals->len, add_task_total_json, week);
  dg_cli_json_add_objects (builder, "fixed_fees", fixed_fees->len, add_fixed_fee_json, week);
  dg_cli_json_add_objects (builder, "entries", week_entries->len,
                           dg_cli_time_add_listed_entry_json, week_entries);
  dg_cli_json_add_objects (builder, "history", history->len, add_audit_json, history);

  json_builder_end_object (builder);
  dg_cli_print_json (builder);
}

/* --assistant and --week, both required. */
static gboolean
check_week_options (const char *assistant_text,
                    const char *week_text)
{
  if (assistant_text == NULL)
    {
      dg_cli_usage_error (_("The option %s is required."), "--assistant");
      return FALSE;
    }
  if (week_text == NULL)
    {
      dg_cli_usage_error (_("The option %s is required."), "--week");
      return FALSE;
    }

  return TRUE;
}

static int
run_timesheet_show (DgCli              *cli,
                    const DgCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(DgTimesheetWeek) week = NULL;
  g_autoptr(GPtrArray) week_entries = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *week_text = NULL;
  gboolean json = FALSE;
  gint64 assistant_id;
  GDate start;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("The ID of the assistant"), N_("ID") },
    { "week", 0, 0, G_OPTION_ARG_STRING, &week_text, N_("Any day of the week"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("--assistant and --week are required. Shows the week’s "
                                       "entries with their state, the hours of each day and "
                                       "task, the amount, and the history of every approval, "
                                       "rejection and reopening. Dates and start times are the "
                                       "assistant’s local time; the history’s times are this "
                                       "computer’s."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id) ||
      !check_week_options (assistant_text, week_text))
    return DG_CLI_EXIT_USAGE;

  if (!open_stores (cli, &stores, json, &error) ||
      !dg_cli_find_assistant (stores.assistants, assistant_id, &error) ||
      !parse_week (&stores, week_text, &start, &error) ||
      !(week = dg_timesheet_store_get_week (stores.timesheets, assistant_id, &start, &error)) ||
      !(week_entries = dg_timesheet_store_list_week_entries (stores.timesheets, assistant_id, &start, &error)) ||
      !(history = dg_timesheet_store_list_audit (stores.timesheets, assistant_id, &start, &error)))
    return dg_cli_fail (error);

  if (json)
    print_week_json (week, week_entries, history);
  else
    print_week_text (week, week_entries, history);

  return DG_CLI_EXIT_OK;
}

/* ---- approve, reject, reopen --------------------------------------------- */

/* The IDs of --entry, which may be repeated and may hold several IDs
 * separated by commas. On a usage error prints it and returns NULL. */
static GArray *
parse_entry_ids (char **values)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          gint64 id;

          if (!dg_cli_parse_id_option (g_strstrip (parts[j]), &id))
            return NULL;
          g_array_append_val (ids, id);
        }
    }

  return g_steal_pointer (&ids);
}

/* Which entries a change applies to. */
typedef enum
{
  TARGET_WEEK,     /* --assistant and --week */
  TARGET_ENTRIES,  /* --entry */
  TARGET_UNTIL,    /* --until: every assistant's pending entries */
} Target;

/* Exactly one of the week, --entry and (when @until_text may be given)
 * --until; on a usage error prints it and returns FALSE. */
static gboolean
choose_target (const char  *assistant_text,
               const char  *week_text,
               char       **entry_values,
               const char  *until_text,
               gboolean     with_until,
               Target      *out_target)
{
  gboolean week = assistant_text != NULL || week_text != NULL;
  gboolean entries = entry_values != NULL;
  gboolean until = until_text != NULL;

  if (week + entries + until == 0)
    {
      if (with_until)
        dg_cli_usage_error (_("Say which hours: a week with --assistant and --week, single "
                              "entries with --entry, or every assistant’s up to a day with --until."));
      else
        dg_cli_usage_error (_("Say which hours: a week with --assistant and --week, or single "
                              "entries with --entry."));
      return FALSE;
    }

  if (week + entries + until > 1)
    {
      if (with_until)
        dg_cli_usage_error (_("Give only one of a week (--assistant and --week), --entry and --until."));
      else
        dg_cli_usage_error (_("Give either a week (--assistant and --week) or --entry, not both."));
      return FALSE;
    }

  if (week && !check_week_options (assistant_text, week_text))
    return FALSE;

  *out_target = week ? TARGET_WEEK : entries ? TARGET_ENTRIES : TARGET_UNTIL;

  return TRUE;
}

/* The week of @assistant_id that contains @week_text, as it is before the
 * change: what the change will count and name. */
static DgTimesheetWeek *
load_week (DgCliStores  *stores,
           gint64        assistant_id,
           const char   *week_text,
           GDate        *out_start,
           GError      **error)
{
  if (!dg_cli_find_assistant (stores->assistants, assistant_id, error) ||
      !parse_week (stores, week_text, out_start, error))
    return NULL;

  return dg_timesheet_store_get_week (stores->timesheets, assistant_id, out_start, error);
}

/* @format (from ngettext, for @n_entries) with the count, the assistant
 * and the week: “Approved 3 entries of Maria Santos, 2–8 March 2026.” */
static void
print_week_done (const char      *format,
                 guint            n_entries,
                 DgTimesheetWeek *week)
{
  g_autofree char *range = dg_timesheet_week_format_range (week);

  g_print (format, n_entries, dg_timesheet_week_get_assistant_name (week), range);
  g_print ("\n");
}

static int
run_timesheet_approve (DgCli              *cli,
                       const DgCliCommand *command,
                       int                 argc,
                       char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *until_text = NULL;
  g_auto(GStrv) entry_values = NULL;
  gint64 assistant_id;
  Target target;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("With --week: the ID of the assistant"), N_("ID") },
    { "week", 0, 0, G_OPTION_ARG_STRING, &week_text, N_("Approve every pending entry of the week with this day"), N_("YYYY-MM-DD") },
    { "entry", 0, 0, G_OPTION_ARG_STRING_ARRAY, &entry_values, N_("Approve this entry; may be repeated"), N_("ID") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text, N_("Approve every assistant’s pending entries up to this day"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("Approves a whole week (--assistant and --week), single "
                                       "entries (--entry), or the pending entries of every "
                                       "assistant up to a day (--until). All or nothing: when one "
                                       "of the entries given is not waiting for approval, none "
                                       "is approved. Approved hours can no longer be changed; "
                                       "they are what an invoice bills."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id) ||
      !choose_target (assistant_text, week_text, entry_values, until_text, TRUE, &target) ||
      (target == TARGET_ENTRIES && !(ids = parse_entry_ids (entry_values))))
    return DG_CLI_EXIT_USAGE;

  if (!open_stores (cli, &stores, FALSE, &error))
    return dg_cli_fail (error);

  switch (target)
    {
    case TARGET_WEEK:
      {
        g_autoptr(DgTimesheetWeek) week = NULL;
        guint n_entries;
        GDate start;

        if (!(week = load_week (&stores, assistant_id, week_text, &start, &error)) ||
            !dg_timesheet_store_approve_week (stores.timesheets, assistant_id, &start, &error))
          return dg_cli_fail (error);

        n_entries = dg_timesheet_week_get_n_pending (week);
        print_week_done (ngettext ("Approved %u entry of %s, %s.",
                                   "Approved %u entries of %s, %s.", n_entries),
                         n_entries, week);
      }
      break;

    case TARGET_ENTRIES:
      if (!dg_timesheet_store_approve_entries (stores.timesheets, (const gint64 *) ids->data,
                                               ids->len, &error))
        return dg_cli_fail (error);

      g_print (ngettext ("Approved %u entry.", "Approved %u entries.", ids->len), ids->len);
      g_print ("\n");
      break;

    case TARGET_UNTIL:
      {
        GDate until;
        guint n_approved = 0;

        if (!dg_cli_time_parse_date (until_text, &until, &error) ||
            !dg_timesheet_store_approve_until (stores.timesheets, &until, &n_approved, &error))
          return dg_cli_fail (error);

        if (n_approved == 0)
          g_print (_("No entry up to %s was waiting for approval."), until_text);
        else
          g_print (ngettext ("Approved %u entry up to %s.", "Approved %u entries up to %s.",
                             n_approved),
                   n_approved, until_text);
        g_print ("\n");
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return DG_CLI_EXIT_OK;
}

static int
run_timesheet_reject (DgCli              *cli,
                      const DgCliCommand *command,
                      int                 argc,
                      char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) entry_values = NULL;
  gint64 assistant_id;
  Target target;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why, for the assistant to correct it"), N_("TEXT") },
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("With --week: the ID of the assistant"), N_("ID") },
    { "week", 0, 0, G_OPTION_ARG_STRING, &week_text, N_("Reject every pending entry of the week with this day"), N_("YYYY-MM-DD") },
    { "entry", 0, 0, G_OPTION_ARG_STRING_ARRAY, &entry_values, N_("Reject this entry; may be repeated"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("--reason is required. Rejects a whole week’s pending "
                                       "entries (--assistant and --week) or single entries "
                                       "(--entry), all or nothing. A rejected entry waits for "
                                       "correction: changing it with “delegate-cli time edit” "
                                       "makes it wait for approval again."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id) ||
      !choose_target (assistant_text, week_text, entry_values, NULL, FALSE, &target) ||
      (target == TARGET_ENTRIES && !(ids = parse_entry_ids (entry_values))))
    return DG_CLI_EXIT_USAGE;

  if (reason == NULL)
    return dg_cli_usage_error (_("Give the reason with --reason: the assistant reads it to "
                                 "correct the hours."));

  if (!open_stores (cli, &stores, FALSE, &error))
    return dg_cli_fail (error);

  if (target == TARGET_WEEK)
    {
      g_autoptr(DgTimesheetWeek) week = NULL;
      guint n_entries;
      GDate start;

      if (!(week = load_week (&stores, assistant_id, week_text, &start, &error)) ||
          !dg_timesheet_store_reject_week (stores.timesheets, assistant_id, &start, reason, &error))
        return dg_cli_fail (error);

      n_entries = dg_timesheet_week_get_n_pending (week);
      print_week_done (ngettext ("Rejected %u entry of %s, %s.",
                                 "Rejected %u entries of %s, %s.", n_entries),
                       n_entries, week);
    }
  else
    {
      if (!dg_timesheet_store_reject_entries (stores.timesheets, (const gint64 *) ids->data,
                                              ids->len, reason, &error))
        return dg_cli_fail (error);

      g_print (ngettext ("Rejected %u entry.", "Rejected %u entries.", ids->len), ids->len);
      g_print ("\n");
    }

  return DG_CLI_EXIT_OK;
}

static int
run_timesheet_reopen (DgCli              *cli,
                      const DgCliCommand *command,
                      int                 argc,
                      char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(DgTimesheetWeek) week = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *reason = NULL;
  gint64 assistant_id;
  guint n_entries;
  GDate start;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("The ID of the assistant"), N_("ID") },
    { "week", 0, 0, G_OPTION_ARG_STRING, &week_text, N_("Any day of the week"), N_("YYYY-MM-DD") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the approval is taken back"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("--assistant, --week and --reason are required. The "
                                       "week’s approved entries wait for approval again and can "
                                       "be corrected. A week with invoiced hours is never "
                                       "reopened."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id) ||
      !check_week_options (assistant_text, week_text))
    return DG_CLI_EXIT_USAGE;

  if (reason == NULL)
    return dg_cli_usage_error (_("Give the reason with --reason: the history keeps it."));

  if (!open_stores (cli, &stores, FALSE, &error) ||
      !(week = load_week (&stores, assistant_id, week_text, &start, &error)) ||
      !dg_timesheet_store_reopen_week (stores.timesheets, assistant_id, &start, reason, &error))
    return dg_cli_fail (error);

  n_entries = dg_timesheet_week_get_n_approved (week);
  print_week_done (ngettext ("Reopened %u entry of %s, %s.",
                             "Reopened %u entries of %s, %s.", n_entries),
                   n_entries, week);

  return DG_CLI_EXIT_OK;
}

static const DgCliCommand timesheet_commands[] = {
  { "list", N_("List the weeks awaiting approval, or every week"), run_timesheet_list },
  { "show", N_("Show one week’s entries, totals, amount and history"), run_timesheet_show },
  { "approve", N_("Approve a week, single entries, or everything up to a day"), run_timesheet_approve },
  { "reject", N_("Reject a week or single entries, with a reason"), run_timesheet_reject },
  { "reopen", N_("Take back the approval of a week, with a reason"), run_timesheet_reopen },
  { NULL }
};

int
dg_cli_timesheet_run (DgCli              *cli,
                      const DgCliCommand *command,
                      int                 argc,
                      char              **argv)
{
  return dg_cli_run_group (cli, command, timesheet_commands, argc, argv);
}
