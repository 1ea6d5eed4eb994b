/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-duration.h"
#include "dg-time-import.h"
#include "dg-validation.h"

#include "dg-cli-stores.h"
#include "dg-cli-time.h"

/* The longest entry the store takes: one whole day. */
#define MAX_DURATION_SECONDS ((gint64) 24 * 60 * 60)
/* Where a manual entry starts when --start is not given, as the weekly
 * grid's entries do. */
#define DEFAULT_START_HOUR 9

/* ---- shared with “timesheet” --------------------------------------------- */

void
dg_cli_time_add_entry_json (JsonBuilder *builder,
                            DgTimeEntry *entry)
{
  g_autoptr(GDateTime) local_start = NULL;
  g_autofree char *start = NULL;
  g_autofree char *start_time = NULL;
  g_autofree char *start_utc = NULL;
  g_autofree char *duration = NULL;

  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (DG_IS_TIME_ENTRY (entry));

  local_start = dg_time_entry_dup_local_start (entry);
  if (local_start != NULL)
    {
      /* RFC 3339 with the assistant's offset, as “task list --json” writes
       * times; the UTC instant beside it for scripts that compare. */
      start = g_date_time_format (local_start, "%Y-%m-%dT%H:%M:%S%:z");
      start_time = g_date_time_format (local_start, "%H:%M");
      start_utc = g_date_time_format (dg_time_entry_get_start (entry), "%Y-%m-%dT%H:%M:%SZ");
    }
  duration = dg_duration_format_minutes (dg_time_entry_get_minutes (entry));

  dg_cli_json_add_int (builder, "id", dg_time_entry_get_id (entry));
  dg_cli_json_add_int (builder, "assistant_id", dg_time_entry_get_assistant_id (entry));
  dg_cli_json_add_string (builder, "assistant", dg_time_entry_get_assistant_name (entry));
  dg_cli_json_add_int (builder, "task_id", dg_time_entry_get_task_id (entry));
  dg_cli_json_add_string (builder, "task", dg_time_entry_get_task_title (entry));
  dg_cli_json_add_string (builder, "date", dg_time_entry_get_local_date (entry));
  dg_cli_json_add_string (builder, "start_time", start_time);
  dg_cli_json_add_string (builder, "start", start);
  dg_cli_json_add_string (builder, "start_utc", start_utc);
  dg_cli_json_add_string (builder, "time_zone", dg_time_entry_get_time_zone (entry));
  dg_cli_json_add_int (builder, "minutes", dg_time_entry_get_minutes (entry));
  dg_cli_json_add_string (builder, "duration", duration);
  dg_cli_json_add_string (builder, "state", dg_time_entry_state_to_string (dg_time_entry_get_state (entry)));
  dg_cli_json_add_string (builder, "reason", dg_time_entry_get_reason (entry));
  dg_cli_json_add_string (builder, "note", dg_time_entry_get_note (entry));
  dg_cli_json_add_string (builder, "source", dg_time_entry_get_source (entry));
  dg_cli_json_add_string (builder, "external_id", dg_time_entry_get_external_id (entry));
}

void
dg_cli_time_add_listed_entry_json (JsonBuilder *builder,
                                   guint        index,
                                   gpointer     entries)
{
  g_return_if_fail (entries != NULL);
  g_return_if_fail (index < ((GPtrArray *) entries)->len);

  dg_cli_time_add_entry_json (builder, g_ptr_array_index ((GPtrArray *) entries, index));
}

char *
dg_cli_time_format_start (DgTimeEntry *entry)
{
  g_autoptr(GDateTime) local_start = NULL;

  g_return_val_if_fail (DG_IS_TIME_ENTRY (entry), NULL);

  local_start = dg_time_entry_dup_local_start (entry);
  if (local_start == NULL)
    return g_strdup ("");

  return g_date_time_format (local_start, "%H:%M");
}

char *
dg_cli_time_format_state (DgTimeEntry *entry)
{
  DgTimeEntryState state;

  g_return_val_if_fail (DG_IS_TIME_ENTRY (entry), NULL);

  state = dg_time_entry_get_state (entry);
  if (state == DG_TIME_ENTRY_STATE_REJECTED)
    {
      g_autofree char *reason = dg_cli_time_one_line (dg_time_entry_get_reason (entry));

      /* Translators: the state of a rejected time entry and the reason, such as “Rejected: wrong day” */
      return g_strdup_printf (_("%s: %s"), dg_time_entry_state_get_label (state), reason);
    }

  return g_strdup (dg_time_entry_state_get_label (state));
}

char *
dg_cli_time_one_line (const char *text)
{
  char *line;

  if (text == NULL)
    return g_strdup ("");

  /* A note may hold line breaks and tabs, which would break the table's
   * columns apart. */
  line = g_strdup (text);
  for (char *p = line; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        *p = ' ';
    }

  return line;
}

gboolean
dg_cli_time_parse_date (const char  *text,
                        GDate       *out_date,
                        GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (!dg_validate_date (text, error))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date,
                  (GDateDay) g_ascii_strtoull (text + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (text, NULL, 10));

  return TRUE;
}

/* ---- values as typed ----------------------------------------------------- */

/* "9:00" or "09:00", 00:00 to 23:59. */
static gboolean
parse_time_of_day (const char  *text,
                   int         *out_hour,
                   int         *out_minute,
                   GError     **error)
{
  const char *colon = strchr (text, ':');
  gsize hour_length = colon != NULL ? (gsize) (colon - text) : 0;
  gboolean valid = colon != NULL && (hour_length == 1 || hour_length == 2) && strlen (colon + 1) == 2;

  for (gsize i = 0; valid && i < hour_length; i++)
    valid = g_ascii_isdigit (text[i]);
  valid = valid && g_ascii_isdigit (colon[1]) && g_ascii_isdigit (colon[2]);

  if (valid)
    {
      *out_hour = (int) g_ascii_strtoull (text, NULL, 10);
      *out_minute = (int) g_ascii_strtoull (colon + 1, NULL, 10);
      valid = *out_hour < 24 && *out_minute < 60;
    }

  if (!valid)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not a time of day: give it as HH:MM, from 00:00 to 23:59."),
                   text);
      return FALSE;
    }

  return TRUE;
}

/* A duration as the owner types it, in whole minutes, at least one. */
static gboolean
parse_minutes (const char  *text,
               int         *out_minutes,
               GError     **error)
{
  gint64 seconds;
  gint64 minutes;

  if (!dg_duration_parse (text, MAX_DURATION_SECONDS, &seconds, error))
    return FALSE;

  minutes = dg_duration_seconds_to_minutes (seconds);
  if (minutes < 1)
    {
      g_set_error (error, DG_DURATION_ERROR, DG_DURATION_ERROR_INVALID,
                   _("The duration “%s” is less than a minute: give at least one minute, "
                     "such as 1:30, 1.5 or 90m."),
                   text);
      return FALSE;
    }

  *out_minutes = (int) minutes;

  return TRUE;
}

/* --task: an ID, or “none” to take an entry off its task. */
static gboolean
parse_task_option (const char *text,
                   gint64     *out_task_id)
{
  if (text != NULL && g_ascii_strcasecmp (text, "none") == 0)
    {
      *out_task_id = 0;
      return TRUE;
    }

  return dg_cli_parse_id_option (text, out_task_id);
}

static GTimeZone *
lookup_zone (const char  *identifier,
             GError     **error)
{
  GTimeZone *zone = identifier != NULL ? g_time_zone_new_identifier (identifier) : NULL;

  if (zone == NULL)
    g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                 _("The time zone “%s” is not known on this computer, so the local time "
                   "cannot be placed. Check the assistant’s time zone."),
                 identifier != NULL ? identifier : "");

  return zone;
}

/* ---- time add ------------------------------------------------------------ */

static void
print_entry_json (DgTimeEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  dg_cli_time_add_entry_json (builder, entry);
  json_builder_end_object (builder);
  dg_cli_print_json (builder);
}

static int
run_time_add (DgCli              *cli,
              const DgCliCommand *command,
              int                 argc,
              char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(DgTimeEntry) entry = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *duration_text = NULL;
  g_autofree char *task_text = NULL;
  g_autofree char *note = NULL;
  DgAssistant *assistant;
  gint64 assistant_id;
  gint64 task_id;
  gboolean json = FALSE;
  int hour = DEFAULT_START_HOUR;
  int minute = 0;
  int minutes;
  GDate date;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("The ID of the assistant who worked"), N_("ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The day, in the assistant’s time zone"), N_("YYYY-MM-DD") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text, N_("When the work began, in the assistant’s time zone; 09:00 unless given"), N_("HH:MM") },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &duration_text, N_("How long: 1:30, 1.5 or 90m"), N_("DURATION") },
    { "task", 0, 0, G_OPTION_ARG_STRING, &task_text, N_("The ID of the assistant’s task the hours were for"), N_("ID") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What was done"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("--assistant, --date and --duration are required. The date "
                                       "and start are the assistant’s local time, which also "
                                       "decides the week the hours belong to. The new entry "
                                       "waits for approval. Prints its ID."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id) ||
      !parse_task_option (task_text, &task_id))
    return DG_CLI_EXIT_USAGE;

  if (assistant_text == NULL)
    return dg_cli_usage_error (_("The option %s is required."), "--assistant");
  if (date_text == NULL)
    return dg_cli_usage_error (_("The option %s is required."), "--date");
  if (duration_text == NULL)
    return dg_cli_usage_error (_("The option %s is required."), "--duration");

  if (!dg_cli_time_parse_date (date_text, &date, &error) ||
      (start_text != NULL && !parse_time_of_day (start_text, &hour, &minute, &error)) ||
      !parse_minutes (duration_text, &minutes, &error))
    return dg_cli_fail (error);

  if (!dg_cli_stores_open (&stores, cli, DG_CLI_STORE_TIMESHEETS, &error) ||
      !(assistant = dg_cli_find_assistant (stores.assistants, assistant_id, &error)) ||
      !(zone = lookup_zone (dg_assistant_get_time_zone (assistant), &error)))
    return dg_cli_fail (error);

  start = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date), hour, minute, 0);

  entry = dg_time_entry_new ();
  dg_time_entry_set_assistant_id (entry, assistant_id);
  dg_time_entry_set_task_id (entry, task_id);
  dg_time_entry_set_time_zone (entry, dg_assistant_get_time_zone (assistant));
  dg_time_entry_set_start (entry, start);
  dg_time_entry_set_minutes (entry, minutes);
  dg_time_entry_set_note (entry, note != NULL ? note : "");
  dg_time_entry_set_source (entry, DG_TIME_ENTRY_SOURCE_MANUAL, "");

  if (!dg_timesheet_store_add_entry (stores.timesheets, entry, &error))
    return dg_cli_fail (error);

  if (json)
    print_entry_json (entry);
  else
    g_print ("%" G_GINT64_FORMAT "\n", dg_time_entry_get_id (entry));

  return DG_CLI_EXIT_OK;
}

/* ---- time list ----------------------------------------------------------- */

static int
run_time_list (DgCli              *cli,
               const DgCliCommand *command,
               int                 argc,
               char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(GPtrArray) entries_found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean json = FALSE;
  gint64 assistant_id;
  GDate from;
  GDate to;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("Only the hours of this assistant"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day to list"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day to list"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("Days and start times are the assistant’s local time: an "
                                       "entry belongs to the day on which the assistant began "
                                       "it. Without --from and --to every entry is listed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id))
    return DG_CLI_EXIT_USAGE;

  if ((from_text != NULL && !dg_cli_time_parse_date (from_text, &from, &error)) ||
      (to_text != NULL && !dg_cli_time_parse_date (to_text, &to, &error)))
    return dg_cli_fail (error);

  if (from_text != NULL && to_text != NULL && g_date_compare (&to, &from) < 0)
    {
      g_autofree char *message = g_strdup_printf (_("The last day %s is before the first day %s."),
                                                  to_text, from_text);

      dg_cli_print_error (message);
      return DG_CLI_EXIT_FAILED;
    }

  if (!dg_cli_stores_open (&stores, cli, DG_CLI_STORE_TIMESHEETS, &error) ||
      (assistant_id != 0 && !dg_cli_find_assistant (stores.assistants, assistant_id, &error)) ||
      !(entries_found = dg_timesheet_store_list_entries (stores.timesheets, assistant_id,
                                                         from_text != NULL ? &from : NULL,
                                                         to_text != NULL ? &to : NULL,
                                                         &error)))
    return dg_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      dg_cli_json_add_objects (builder, NULL, entries_found->len,
                               dg_cli_time_add_listed_entry_json, entries_found);
      dg_cli_print_json (builder);
    }
  else if (entries_found->len == 0)
    {
      g_print ("%s\n", _("There are no time entries to list."));
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char *headers[] = {
        _("ID"), _("Date"), _("Start"), _("Duration"), _("Assistant"), _("Task"),
        _("State"), _("Source"), _("Note"),
      };

      for (guint i = 0; i < entries_found->len; i++)
        {
          DgTimeEntry *entry = g_ptr_array_index (entries_found, i);
          char **cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);

          cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, dg_time_entry_get_id (entry));
          cells[1] = g_strdup (dg_time_entry_get_local_date (entry));
          cells[2] = dg_cli_time_format_start (entry);
          cells[3] = dg_duration_format_minutes (dg_time_entry_get_minutes (entry));
          cells[4] = g_strdup (dg_time_entry_get_assistant_name (entry));
          cells[5] = g_strdup (dg_time_entry_get_task_title (entry));
          cells[6] = dg_cli_time_format_state (entry);
          cells[7] = g_strdup (dg_time_entry_get_source (entry));
          cells[8] = dg_cli_time_one_line (dg_time_entry_get_note (entry));
          g_ptr_array_add (rows, cells);
        }

      dg_cli_print_table (headers, G_N_ELEMENTS (headers), rows);
    }

  return DG_CLI_EXIT_OK;
}

/* ---- time edit and delete ------------------------------------------------ */

/* After a refusal because the entry's week is approved: how to change it. */
static void
print_frozen_hint (DgTimeEntry *entry)
{
  g_autoptr(GDateTime) local_start = dg_time_entry_dup_local_start (entry);
  g_autofree char *assistant_id = NULL;

  if (dg_time_entry_get_state (entry) != DG_TIME_ENTRY_STATE_APPROVED || local_start == NULL)
    return;

  /* The ID as text: xgettext cannot see through G_GINT64_FORMAT, so a
   * message holding it would never be found in the catalogue. */
  assistant_id = g_strdup_printf ("%" G_GINT64_FORMAT, dg_time_entry_get_assistant_id (entry));
  g_printerr (_("To correct approved hours, reopen their week first: run “delegate-cli "
                "timesheet reopen --assistant %s --week %s --reason TEXT”."),
              assistant_id, dg_time_entry_get_local_date (entry));
  g_printerr ("\n");
}

static int
run_time_edit (DgCli              *cli,
               const DgCliCommand *command,
               int                 argc,
               char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(DgTimeEntry) entry = NULL;
  g_autoptr(DgTimeEntry) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *duration_text = NULL;
  g_autofree char *task_text = NULL;
  g_autofree char *note = NULL;
  gint64 id;
  gint64 task_id = 0;
  int hour = 0;
  int minute = 0;
  int minutes = 0;
  GDate date;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The day, in the assistant’s time zone"), N_("YYYY-MM-DD") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text, N_("When the work began, in the assistant’s time zone"), N_("HH:MM") },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &duration_text, N_("How long: 1:30, 1.5 or 90m"), N_("DURATION") },
    { "task", 0, 0, G_OPTION_ARG_STRING, &task_text, N_("The ID of the assistant’s task, or “none”"), N_("ID") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What was done"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("Only the fields given change. Entries waiting for approval "
                                       "and rejected ones can be changed; a rejected entry then "
                                       "waits for approval again. Approved and invoiced hours "
                                       "cannot be changed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id) ||
      !parse_task_option (task_text, &task_id))
    return DG_CLI_EXIT_USAGE;

  if (date_text == NULL && start_text == NULL && duration_text == NULL &&
      task_text == NULL && note == NULL)
    return dg_cli_usage_error (_("No field to change was given."));

  if ((date_text != NULL && !dg_cli_time_parse_date (date_text, &date, &error)) ||
      (start_text != NULL && !parse_time_of_day (start_text, &hour, &minute, &error)) ||
      (duration_text != NULL && !parse_minutes (duration_text, &minutes, &error)))
    return dg_cli_fail (error);

  if (!dg_cli_stores_open (&stores, cli, DG_CLI_STORE_TIMESHEETS, &error) ||
      !(entry = dg_timesheet_store_get_entry (stores.timesheets, id, &error)))
    return dg_cli_fail (error);

  changes = dg_time_entry_copy (entry);

  if (date_text != NULL || start_text != NULL)
    {
      g_autoptr(GDateTime) old_start = dg_time_entry_dup_local_start (entry);
      g_autoptr(GTimeZone) zone = NULL;
      g_autoptr(GDateTime) new_start = NULL;

      if (!(zone = lookup_zone (dg_time_entry_get_time_zone (entry), &error)))
        return dg_cli_fail (error);

      if (date_text == NULL)
        g_date_set_dmy (&date, g_date_time_get_day_of_month (old_start),
                        g_date_time_get_month (old_start), g_date_time_get_year (old_start));
      if (start_text == NULL)
        {
          hour = g_date_time_get_hour (old_start);
          minute = g_date_time_get_minute (old_start);
        }

      new_start = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date), hour, minute, 0);
      dg_time_entry_set_start (changes, new_start);
    }
  if (duration_text != NULL)
    dg_time_entry_set_minutes (changes, minutes);
  if (task_text != NULL)
    dg_time_entry_set_task_id (changes, task_id);
  if (note != NULL)
    dg_time_entry_set_note (changes, note);

  if (!dg_timesheet_store_update_entry (stores.timesheets, changes, &error))
    {
      dg_cli_fail (error);
      if (g_error_matches (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_FROZEN))
        print_frozen_hint (entry);
      return DG_CLI_EXIT_FAILED;
    }

  return DG_CLI_EXIT_OK;
}

static int
run_time_delete (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(DgTimeEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("Entries waiting for approval and rejected ones can be "
                                       "deleted; approved and invoiced hours cannot. The audit "
                                       "log keeps a record of the deletion."));

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (!dg_cli_stores_open (&stores, cli, DG_CLI_STORE_TIMESHEETS, &error) ||
      !(entry = dg_timesheet_store_get_entry (stores.timesheets, id, &error)))
    return dg_cli_fail (error);

  if (!dg_timesheet_store_delete_entry (stores.timesheets, id, &error))
    {
      dg_cli_fail (error);
      if (g_error_matches (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_FROZEN))
        print_frozen_hint (entry);
      return DG_CLI_EXIT_FAILED;
    }

  return DG_CLI_EXIT_OK;
}

/* ---- time import --------------------------------------------------------- */

/* What to do when the file leaves the order of its dates open. */
#define DATE_ORDER_HINT N_("Run the command again with --date-order dmy if the dates are day " \
                           "first, or with --date-order mdy if they are month first.")

static const struct
{
  const char   *key;
  DgTimeColumn  column;
} map_keys[] = {
  { "date", DG_TIME_COLUMN_DATE },
  { "start", DG_TIME_COLUMN_START_TIME },
  { "start-time", DG_TIME_COLUMN_START_TIME },
  { "end", DG_TIME_COLUMN_END_TIME },
  { "end-time", DG_TIME_COLUMN_END_TIME },
  { "duration", DG_TIME_COLUMN_DURATION },
  { "note", DG_TIME_COLUMN_NOTE },
  { "description", DG_TIME_COLUMN_NOTE },
  { "task", DG_TIME_COLUMN_TASK },
  { "person", DG_TIME_COLUMN_PERSON },
};

/* The key --map takes for @column in the example it prints. */
static const char *
get_map_key (DgTimeColumn column)
{
  switch (column)
    {
    case DG_TIME_COLUMN_DATE: return "date";
    case DG_TIME_COLUMN_START_TIME: return "start";
    case DG_TIME_COLUMN_END_TIME: return "end";
    case DG_TIME_COLUMN_DURATION: return "duration";
    case DG_TIME_COLUMN_NOTE: return "note";
    case DG_TIME_COLUMN_TASK: return "task";
    case DG_TIME_COLUMN_PERSON: return "person";
    case DG_TIME_COLUMN_COUNT:
    default:
      g_assert_not_reached ();
    }
}

/* A column of --map: its number from 1, or its name in the header (any
 * case). */
static gboolean
resolve_column (const char * const  *header,
                const char          *text,
                int                 *out_column,
                GError             **error)
{
  guint n_columns = header != NULL ? g_strv_length ((char **) header) : 0;
  guint64 number;

  if (g_ascii_string_to_unsigned (text, 10, 1, n_columns > 0 ? n_columns : 1, &number, NULL) &&
      number <= n_columns)
    {
      *out_column = (int) number - 1;
      return TRUE;
    }

  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *name = g_utf8_casefold (header[i], -1);
      g_autofree char *wanted = g_utf8_casefold (text, -1);

      if (g_str_equal (g_strstrip (name), g_strstrip (wanted)))
        {
          *out_column = (int) i;
          return TRUE;
        }
    }

  g_set_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_MAPPING,
               _("The file has no column “%s”: name a column as its header row does, or "
                 "by its number from 1 to %u."),
               text, n_columns);

  return FALSE;
}

/* --date-order: how the file writes its dates. A usage error otherwise. */
static gboolean
parse_date_order (const char  *text,
                  DgDateOrder *out_order)
{
  if (g_ascii_strcasecmp (text, "ymd") == 0)
    *out_order = DG_DATE_ORDER_YMD;
  else if (g_ascii_strcasecmp (text, "dmy") == 0)
    *out_order = DG_DATE_ORDER_DMY;
  else if (g_ascii_strcasecmp (text, "mdy") == 0)
    *out_order = DG_DATE_ORDER_MDY;
  else
    {
      dg_cli_usage_error (_("The date order “%s” is not known: use ymd (2026-03-02), "
                            "dmy (02.03.2026) or mdy (03/02/2026)."),
                          text);
      return FALSE;
    }

  return TRUE;
}

/* --map date=COL,duration=COL,… (the option may be repeated), the dates
 * read in @date_order. Columns not named stay unmapped. */
static gboolean
parse_mapping (char               **map_values,
               DgDateOrder          date_order,
               const char * const  *header,
               DgTimeColumnMapping *out_mapping,
               GError             **error)
{
  for (guint c = 0; c < DG_TIME_COLUMN_COUNT; c++)
    out_mapping->columns[c] = -1;
  out_mapping->date_order = date_order;

  for (guint i = 0; map_values[i] != NULL; i++)
    {
      g_auto(GStrv) pairs = g_strsplit (map_values[i], ",", -1);

      for (guint j = 0; pairs[j] != NULL; j++)
        {
          const char *pair = g_strstrip (pairs[j]);
          const char *equals = strchr (pair, '=');
          g_autofree char *key = NULL;
          gboolean found = FALSE;
          int column;

          if (*pair == '\0')
            continue;

          if (equals == NULL)
            {
              g_set_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_MAPPING,
                           _("“%s” is not a column mapping: write FIELD=COLUMN, such as "
                             "date=1 or duration=Hours."),
                           pair);
              return FALSE;
            }

          key = g_strstrip (g_strndup (pair, equals - pair));
          if (!resolve_column (header, equals + 1, &column, error))
            return FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (map_keys); k++)
            {
              if (g_ascii_strcasecmp (key, map_keys[k].key) == 0)
                {
                  out_mapping->columns[map_keys[k].column] = column;
                  found = TRUE;
                }
            }

          if (!found)
            {
              g_set_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_MAPPING,
                           _("The field “%s” is not known: map date, start, end, duration, "
                             "note, task or person."),
                           key);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* A CSV whose header no known tool writes: its columns, and a --map to
 * start from. */
static void
print_mapping_help (DgTimeImport *import)
{
  const char * const *header = dg_time_import_get_header (import);
  DgTimeColumnMapping guess;
  g_autoptr(GString) example = g_string_new (NULL);

  if (header == NULL)
    return;

  g_printerr ("%s\n", _("The columns of the file are:"));
  for (guint i = 0; header[i] != NULL; i++)
    g_printerr ("  %u  %s\n", i + 1, header[i]);

  if (dg_time_column_mapping_guess (header, &guess))
    {
      for (guint c = 0; c < DG_TIME_COLUMN_COUNT; c++)
        {
          if (guess.columns[c] < 0)
            continue;
          g_string_append_printf (example, "%s%s=%d", example->len > 0 ? "," : "",
                                  get_map_key (c), guess.columns[c] + 1);
        }
    }
  else
    {
      g_string_append (example, "date=COLUMN,duration=COLUMN,note=COLUMN");
    }

  g_printerr (_("Say which column holds what with --map FIELD=COLUMN,…, naming a column by "
                "its number or its name; the fields are date, start, end, duration, note, "
                "task and person, and date with either duration or start and end is "
                "required. Add --date-order dmy or mdy for dates such as 02.03.2026 or "
                "03/02/2026. For example: --map %s"),
              example->str);
  g_printerr ("\n");
}

static const char *
get_row_kind_string (DgTimeImportRowKind kind)
{
  switch (kind)
    {
    case DG_TIME_IMPORT_ROW_ADD: return "add";
    case DG_TIME_IMPORT_ROW_DUPLICATE: return "duplicate";
    case DG_TIME_IMPORT_ROW_IGNORED: return "ignored";
    case DG_TIME_IMPORT_ROW_BAD: return "bad";
    default:
      g_assert_not_reached ();
    }
}

/* “Line 7: 2026-03-02 09:00, 1:30: reason”, or without the entry's time
 * when there is none. */
static void
print_row_line (const DgTimeImportRow *row)
{
  g_print ("  ");

  if (row->entry != NULL)
    {
      g_autofree char *start = dg_cli_time_format_start (row->entry);
      g_autofree char *duration = dg_duration_format_minutes (dg_time_entry_get_minutes (row->entry));

      /* Translators: a line of an import's preview: the line number, the
       * entry's date, start and duration, and why it is left out, such as
       * “Line 7: 2026-03-02 09:00, 1:30: imported before” */
      g_print (_("Line %u: %s %s, %s: %s"), row->line, dg_time_entry_get_local_date (row->entry),
               start, duration, row->reason != NULL ? row->reason : "");
    }
  else
    {
      /* Translators: a line of an import's preview and the reason, such as
       * “Line 4: the date “31.02.2026” does not exist” */
      g_print (_("Line %u: %s"), row->line, row->reason != NULL ? row->reason : "");
    }
  g_print ("\n");

  if (row->kind == DG_TIME_IMPORT_ROW_BAD && row->text != NULL && *row->text != '\0')
    {
      g_autofree char *text = dg_cli_time_one_line (row->text);

      g_print ("    %s\n", text);
    }
}

static void
print_rows_of_kind (DgTimeImport        *import,
                    DgTimeImportRowKind  kind,
                    const char          *heading)
{
  GPtrArray *rows = dg_time_import_get_rows (import);

  if (dg_time_import_count_rows (import, kind) == 0)
    return;

  g_print ("\n%s\n", heading);
  for (guint i = 0; i < rows->len; i++)
    {
      const DgTimeImportRow *row = g_ptr_array_index (rows, i);

      if (row->kind == kind)
        print_row_line (row);
    }
}

static void
print_preview_text (DgTimeImport *import)
{
  GPtrArray *rows = dg_time_import_get_rows (import);
  g_autofree char *description = dg_time_import_describe (import);
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n_add = dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_ADD);
  const char *headers[] = {
    _("Line"), _("Date"), _("Start"), _("Duration"), _("Assistant"), _("Task"), _("Note"),
  };
  DgCliField fields[] = {
    { _("Format"), dg_time_import_format_get_label (dg_time_import_get_format (import)) },
  };

  g_print ("%s\n\n", description);
  dg_cli_print_fields (fields, G_N_ELEMENTS (fields));

  if (n_add > 0)
    {
      g_print ("\n");
      g_print (ngettext ("%u entry to add:", "%u entries to add:", n_add), n_add);
      g_print ("\n");

      for (guint i = 0; i < rows->len; i++)
        {
          const DgTimeImportRow *row = g_ptr_array_index (rows, i);
          char **cells;

          if (row->kind != DG_TIME_IMPORT_ROW_ADD)
            continue;

          cells = g_new0 (char *, G_N_ELEMENTS (headers) + 1);
          cells[0] = g_strdup_printf ("%u", row->line);
          cells[1] = g_strdup (dg_time_entry_get_local_date (row->entry));
          cells[2] = dg_cli_time_format_start (row->entry);
          cells[3] = dg_duration_format_minutes (dg_time_entry_get_minutes (row->entry));
          cells[4] = g_strdup (dg_time_entry_get_assistant_name (row->entry));
          cells[5] = g_strdup (dg_time_entry_get_task_title (row->entry));
          cells[6] = dg_cli_time_one_line (dg_time_entry_get_note (row->entry));
          g_ptr_array_add (table, cells);
        }

      dg_cli_print_table (headers, G_N_ELEMENTS (headers), table);
    }

  print_rows_of_kind (import, DG_TIME_IMPORT_ROW_DUPLICATE, _("Imported before, left out:"));
  print_rows_of_kind (import, DG_TIME_IMPORT_ROW_IGNORED, _("Nothing to import:"));
  print_rows_of_kind (import, DG_TIME_IMPORT_ROW_BAD, _("Lines with errors:"));
}

static void
print_preview_json (DgTimeImport *import,
                    const char   *path,
                    gboolean      applied,
                    guint         n_added)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *description = dg_time_import_describe (import);
  DgTimeImportFormat format = dg_time_import_get_format (import);
  GPtrArray *rows = dg_time_import_get_rows (import);

  json_builder_begin_object (builder);
  dg_cli_json_add_string (builder, "file", path);
  dg_cli_json_add_string (builder, "format", dg_time_import_format_get_source (format));
  dg_cli_json_add_string (builder, "format_label", dg_time_import_format_get_label (format));
  dg_cli_json_add_string (builder, "summary", description);
  dg_cli_json_add_boolean (builder, "applied", applied);
  dg_cli_json_add_boolean (builder, "date_order_guessed", dg_time_import_get_date_order_guessed (import));
  dg_cli_json_add_int (builder, "added", n_added);
  dg_cli_json_add_int (builder, "to_add", dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_ADD));
  dg_cli_json_add_int (builder, "duplicates", dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_DUPLICATE));
  dg_cli_json_add_int (builder, "ignored", dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_IGNORED));
  dg_cli_json_add_int (builder, "bad", dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_BAD));

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const DgTimeImportRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (builder);
      dg_cli_json_add_int (builder, "line", row->line);
      dg_cli_json_add_string (builder, "kind", get_row_kind_string (row->kind));
      dg_cli_json_add_string (builder, "reason", row->reason);
      dg_cli_json_add_string (builder, "text", row->text);
      json_builder_set_member_name (builder, "entry");
      if (row->entry != NULL)
        {
          json_builder_begin_object (builder);
          dg_cli_time_add_entry_json (builder, row->entry);
          json_builder_end_object (builder);
        }
      else
        {
          json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  dg_cli_print_json (builder);
}

/* A CSV file that needs a mapping (@import failed with NEEDS_MAPPING and
 * knows the header), read again through the one @map_values give. */
static DgTimeImport *
prepare_mapped (DgCliStores   *stores,
                DgTimeImport  *import,
                GFile         *file,
                gint64         assistant_id,
                char         **map_values,
                DgDateOrder    date_order,
                GError       **error)
{
  g_autoptr(DgTimeImport) mapped = NULL;
  DgTimeColumnMapping mapping;

  if (!parse_mapping (map_values, date_order, dg_time_import_get_header (import),
                      &mapping, error))
    return NULL;

  mapped = dg_time_import_new (stores->timesheets);
  dg_time_import_set_default_assistant (mapped, assistant_id);
  dg_time_import_set_mapping (mapped, &mapping);
  if (!dg_time_import_prepare_file (mapped, file, error))
    return NULL;

  return g_steal_pointer (&mapped);
}

static int
run_time_import (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(DgTimeImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *date_order_text = NULL;
  g_auto(GStrv) map_values = NULL;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  gboolean applied = FALSE;
  gboolean ask_date_order;
  DgDateOrder date_order = DG_DATE_ORDER_YMD;
  gint64 assistant_id;
  guint n_added = 0;
  guint n_bad;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("The ID of the assistant whose hours the file holds, for rows that name nobody Delegate knows"), N_("ID") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what would be added"), NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &map_values, N_("Which column holds what, for a CSV file of another tool: date, start, end, duration, note, task, person"), N_("FIELD=COLUMN,…") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order_text, N_("How the dates are written: ymd, dmy or mdy; needed for dates such as 03/04/2026 when the file does not show whether they are day or month first"), N_("ORDER") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("FILE"), command->summary);
  g_option_context_set_description (context,
                                    N_("Reads the CSV export of Toggl Track, Clockify, Kimai or "
                                       "Harvest, recognised by its header, any other CSV file "
                                       "through --map, or the events of a calendar file (.ics). "
                                       "Prints the entries it would add, those imported before, "
                                       "those with nothing to import and every line with an "
                                       "error, then adds the entries, all or nothing. A file "
                                       "with an error adds nothing and exits with status 1; "
                                       "importing the same file again adds nothing. Rows are "
                                       "matched to an assistant by e-mail or name, and to a task "
                                       "by its title."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_options (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id) ||
      (date_order_text != NULL && !parse_date_order (date_order_text, &date_order)))
    return DG_CLI_EXIT_USAGE;

  if (argc < 2)
    return dg_cli_usage_error (_("Give the file to import."));
  if (argc > 2)
    return dg_cli_usage_error (_("The argument “%s” was not expected."), argv[2]);

  file = g_file_new_for_commandline_arg (argv[1]);
  display_name = g_filename_display_name (argv[1]);

  if (!dg_cli_stores_open (&stores, cli, DG_CLI_STORE_TIMESHEETS, &error) ||
      (assistant_id != 0 && !dg_cli_find_assistant (stores.assistants, assistant_id, &error)))
    return dg_cli_fail (error);

  import = dg_time_import_new (stores.timesheets);
  dg_time_import_set_default_assistant (import, assistant_id);
  dg_time_import_set_date_order (import, date_order);

  if (!dg_time_import_prepare_file (import, file, &error) &&
      map_values != NULL &&
      g_error_matches (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_NEEDS_MAPPING))
    {
      g_autoptr(DgTimeImport) mapped = NULL;

      g_clear_error (&error);
      mapped = prepare_mapped (&stores, import, file, assistant_id, map_values,
                               date_order, &error);
      if (mapped != NULL)
        g_set_object (&import, mapped);
    }
  else if (error == NULL && map_values != NULL)
    {
      g_printerr (_("The file was recognised as %s, so --map was not used."),
                  dg_time_import_format_get_label (dg_time_import_get_format (import)));
      g_printerr ("\n");
    }

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"),
                                                  display_name, error->message);

      dg_cli_print_error (message);
      if (g_error_matches (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_NEEDS_MAPPING))
        print_mapping_help (import);

      return DG_CLI_EXIT_FAILED;
    }

  n_bad = dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_BAD);
  /* The preview says how the dates were read, but the command does not
   * wait for the owner to read it: hours put into the wrong week would be
   * approved and billed there, so it adds nothing until told the order. */
  ask_date_order = dg_time_import_get_date_order_guessed (import) &&
                   dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_ADD) > 0;

  if (!json)
    print_preview_text (import);

  if (!dry_run && !ask_date_order && dg_time_import_can_apply (import))
    {
      if (!dg_time_import_apply (import, &n_added, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Nothing was imported from “%s”: %s"),
                                                      display_name, error->message);

          if (json)
            print_preview_json (import, argv[1], FALSE, 0);
          dg_cli_print_error (message);
          return DG_CLI_EXIT_FAILED;
        }
      applied = TRUE;
    }

  if (json)
    print_preview_json (import, argv[1], applied, n_added);

  if (n_bad > 0 || (ask_date_order && !dry_run))
    {
      if (n_bad > 0)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (ngettext ("Nothing was imported from “%s”: %u line has an error. "
                                               "Correct the file and import it again.",
                                               "Nothing was imported from “%s”: %u lines have errors. "
                                               "Correct the file and import it again.",
                                               n_bad),
                                     display_name, n_bad);
          dg_cli_print_error (message);
        }
      if (ask_date_order && !dry_run)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("Nothing was imported from “%s”: the file does not show "
                                       "whether its dates are day first or month first."),
                                     display_name);
          dg_cli_print_error (message);
          g_printerr ("%s\n", _(DATE_ORDER_HINT));
        }
      return DG_CLI_EXIT_FAILED;
    }

  if (!json)
    {
      g_print ("\n");
      if (dry_run && ask_date_order)
        g_print ("%s\n%s", _("Nothing was added: this was a dry run."), _(DATE_ORDER_HINT));
      else if (dry_run)
        g_print ("%s", _("Nothing was added: this was a dry run."));
      else if (applied)
        g_print (ngettext ("%u entry was added.", "%u entries were added.", n_added), n_added);
      else
        g_print ("%s", _("Nothing was added: the file holds no new entries."));
      g_print ("\n");
    }

  return DG_CLI_EXIT_OK;
}

static const DgCliCommand time_commands[] = {
  { "list", N_("List hours worked, by day"), run_time_list },
  { "add", N_("Add hours an assistant worked"), run_time_add },
  { "edit", N_("Change hours that are not approved yet"), run_time_edit },
  { "delete", N_("Delete hours that are not approved yet"), run_time_delete },
  { "import", N_("Import hours from a time tracker’s CSV export or a calendar file"), run_time_import },
  { NULL }
};

int
dg_cli_time_run (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  return dg_cli_run_group (cli, command, time_commands, argc, argv);
}
