/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dg-calendar-export.h"
#include "dg-calendar-import.h"

#include "dg-cli-calendar.h"

static int
run_calendar_export (DgCli              *cli,
                     const DgCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgHandbookStore) handbooks = NULL;
  g_autoptr(DgTaskStore) tasks = NULL;
  g_autoptr(DgBusinessProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *output = NULL;
  DgDatabase *db;
  gint64 assistant_id;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("Only the tasks of this assistant"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write, or - for standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("-o is required. Writes one to-do (VTODO) per task, with "
                                       "its repetition, due time and time zone, status and the "
                                       "steps of its handbook, for the assistant to add to their "
                                       "calendar. Without --assistant the tasks of every "
                                       "assistant are written."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (!dg_cli_parse_id_option (assistant_text, &assistant_id))
    return DG_CLI_EXIT_USAGE;

  if (output == NULL)
    return dg_cli_usage_error (_("Give the file to write with -o FILE, or -o - for standard output."));

  if (!(db = dg_cli_get_database (cli, FALSE, &error)) ||
      !(assistants = dg_assistant_store_new (db, &error)) ||
      !(handbooks = dg_handbook_store_new (db, &error)) ||
      !(tasks = dg_task_store_new (db, &error)) ||
      !(profile = dg_business_profile_load (db, &error)))
    return dg_cli_fail (error);

  if (assistant_id != 0 && dg_assistant_store_find (assistants, assistant_id) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no assistant with the ID %s."), assistant_text);

      dg_cli_print_error (message);
      return DG_CLI_EXIT_FAILED;
    }

  if (g_str_equal (output, "-"))
    {
      g_autofree char *calendar = dg_calendar_export (tasks, handbooks, assistants, profile,
                                                      assistant_id, &error);

      if (calendar == NULL)
        return dg_cli_fail (error);

      /* iCalendar is UTF-8 with CRLF whatever the locale, as a file would be. */
      fputs (calendar, stdout);
      if (fflush (stdout) != 0)
        {
          dg_cli_print_error (_("The calendar could not be written to standard output."));
          return DG_CLI_EXIT_FAILED;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (output);

      if (!dg_calendar_export_to_file (tasks, handbooks, assistants, profile,
                                       assistant_id, file, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not save the calendar: %s"),
                                                      error->message);

          dg_cli_print_error (message);
          return DG_CLI_EXIT_FAILED;
        }
    }

  return DG_CLI_EXIT_OK;
}

/* The due of an occurrence in the task's zone, as the assistant reads it. */
static char *
format_change_due (DgTaskStore            *tasks,
                   const DgCalendarChange *change)
{
  DgTask *task = dg_task_store_find (tasks, change->task_id);
  gboolean all_day = task != NULL && dg_task_is_all_day (task);

  if (change->due == NULL)
    return g_strdup ("");

  return g_date_time_format (change->due, all_day ? "%Y-%m-%d" : "%Y-%m-%d %H:%M");
}

/* The percentage a status stands for, which “Done → Open” need not repeat;
 * -1 for in progress, where any percentage says something. */
static int
get_status_percent (DgTaskStatus status)
{
  switch (status)
    {
    case DG_TASK_STATUS_IN_PROGRESS:
      return -1;
    case DG_TASK_STATUS_DONE:
      return 100;
    case DG_TASK_STATUS_OPEN:
    case DG_TASK_STATUS_CANCELLED:
    case DG_TASK_STATUS_SKIPPED:
    default:
      return 0;
    }
}

/* “Open → Done”, with the percentage when it changes and is not just that
 * of the new status. */
static char *
format_status_change (const DgCalendarChange *change)
{
  const char *old_label = dg_task_status_get_label (change->old_status);
  const char *new_label = dg_task_status_get_label (change->new_status);

  if (change->old_percent != change->new_percent &&
      (change->old_status == change->new_status ||
       change->new_percent != get_status_percent (change->new_status)))
    /* Translators: a status change with the new progress, such as “Open → In Progress (40 %)” */
    return g_strdup_printf (_("%s → %s (%d %%)"), old_label, new_label, change->new_percent);

  /* Translators: a status change, such as “Open → Done” */
  return g_strdup_printf (_("%s → %s"), old_label, new_label);
}

static void
print_preview_text (DgTaskStore      *tasks,
                    DgCalendarImport *import)
{
  GPtrArray *changes = dg_calendar_import_get_changes (import);
  GPtrArray *skipped = dg_calendar_import_get_skipped (import);
  g_autofree char *description = dg_calendar_import_describe (import);

  g_print ("%s\n", description);

  if (changes->len > 0)
    {
      g_print ("\n%s\n", _("Changes:"));
      for (guint i = 0; i < changes->len; i++)
        {
          const DgCalendarChange *change = g_ptr_array_index (changes, i);
          g_autofree char *due = format_change_due (tasks, change);
          g_autofree char *status = format_status_change (change);
          g_autofree char *task_id = g_strdup_printf ("%" G_GINT64_FORMAT, change->task_id);

          g_print ("  ");
          /* Translators: one change of a calendar import: the line in the
           * file, the task's ID and title, the occurrence's due date and
           * the status change, such as
           * “Line 12: task 3 “Weekly report”, 2026-11-30 09:00: Open → Done” */
          g_print (_("Line %u: task %s “%s”, %s: %s"),
                   change->line, task_id, change->title, due, status);
          g_print ("\n");
        }
    }

  if (skipped->len > 0)
    {
      g_print ("\n%s\n", _("Not imported:"));
      for (guint i = 0; i < skipped->len; i++)
        {
          const DgCalendarSkipped *skip = g_ptr_array_index (skipped, i);
          const char *name = skip->summary != NULL && *skip->summary != '\0' ? skip->summary : skip->uid;

          /* Translators: a to-do of the file that the import leaves alone:
           * the line, its title (or UID) and the reason */
          g_print ("  ");
          g_print (_("Line %u: “%s”: %s"), skip->line, name != NULL ? name : "", skip->reason);
          g_print ("\n");
        }
    }
}

static void
print_preview_json (DgCalendarImport *import,
                    gboolean          applied)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *changes = dg_calendar_import_get_changes (import);
  GPtrArray *skipped = dg_calendar_import_get_skipped (import);
  g_autofree char *description = dg_calendar_import_describe (import);

  json_builder_begin_object (builder);
  dg_cli_json_add_string (builder, "summary", description);
  dg_cli_json_add_boolean (builder, "applied", applied);
  dg_cli_json_add_int (builder, "ignored_components", dg_calendar_import_get_n_ignored (import));

  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      const DgCalendarChange *change = g_ptr_array_index (changes, i);
      /* RFC 3339, as “task list --json” writes it. */
      g_autofree char *due = change->due != NULL ? g_date_time_format (change->due, "%Y-%m-%dT%H:%M:%S%:z") : NULL;

      json_builder_begin_object (builder);
      dg_cli_json_add_int (builder, "line", change->line);
      dg_cli_json_add_string (builder, "uid", change->uid);
      dg_cli_json_add_int (builder, "task_id", change->task_id);
      dg_cli_json_add_string (builder, "title", change->title);
      dg_cli_json_add_string (builder, "recurrence_id", change->recurrence_id);
      dg_cli_json_add_string (builder, "due", due);
      dg_cli_json_add_string (builder, "old_status", dg_task_status_to_string (change->old_status));
      dg_cli_json_add_string (builder, "new_status", dg_task_status_to_string (change->new_status));
      dg_cli_json_add_int (builder, "old_percent", change->old_percent);
      dg_cli_json_add_int (builder, "new_percent", change->new_percent);
      dg_cli_json_add_string (builder, "completed_at", change->completed_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "skipped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < skipped->len; i++)
    {
      const DgCalendarSkipped *skip = g_ptr_array_index (skipped, i);

      json_builder_begin_object (builder);
      dg_cli_json_add_int (builder, "line", skip->line);
      dg_cli_json_add_string (builder, "uid", skip->uid);
      dg_cli_json_add_string (builder, "summary", skip->summary);
      dg_cli_json_add_string (builder, "reason", skip->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  dg_cli_print_json (builder);
}

static int
run_calendar_import (DgCli              *cli,
                     const DgCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgTaskStore) tasks = NULL;
  g_autoptr(DgCalendarImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  gboolean applied = FALSE;
  DgDatabase *db;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what would change"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("FILE.ics"), command->summary);
  g_option_context_set_description (context,
                                    N_("Reads the assistant’s copy of an exported calendar and "
                                       "takes over the status, progress and completion time of "
                                       "each to-do, matched by its UID (and, for one occurrence "
                                       "of a recurring task, its RECURRENCE-ID). To-dos Delegate "
                                       "does not know are listed, never created. Prints what "
                                       "changes, then changes it, all or nothing; a damaged file "
                                       "is refused with its line number and changes nothing."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_options (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (argc < 2)
    return dg_cli_usage_error (_("Give the calendar file to import."));
  if (argc > 2)
    return dg_cli_usage_error (_("The argument “%s” was not expected."), argv[2]);

  file = g_file_new_for_commandline_arg (argv[1]);
  display_name = g_filename_display_name (argv[1]);

  if (!(db = dg_cli_get_database (cli, FALSE, &error)) ||
      !(tasks = dg_task_store_new (db, &error)))
    return dg_cli_fail (error);

  if (!(import = dg_calendar_import_prepare_file (tasks, file, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"),
                                                  display_name, error->message);

      dg_cli_print_error (message);
      return DG_CLI_EXIT_FAILED;
    }

  if (!json)
    print_preview_text (tasks, import);

  if (!dry_run && dg_calendar_import_get_changes (import)->len > 0)
    {
      if (!dg_calendar_import_apply (import, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Nothing was imported from “%s”: %s"),
                                                      display_name, error->message);

          dg_cli_print_error (message);
          return DG_CLI_EXIT_FAILED;
        }
      applied = TRUE;
    }

  if (json)
    print_preview_json (import, applied);
  else if (dry_run && dg_calendar_import_get_changes (import)->len > 0)
    g_print ("\n%s\n", _("Nothing was changed: this was a dry run."));
  else if (applied)
    g_print ("\n%s\n", _("The changes were saved."));

  return DG_CLI_EXIT_OK;
}

static const DgCliCommand calendar_commands[] = {
  { "export", N_("Write tasks as an iCalendar file for the assistants’ calendars"), run_calendar_export },
  { "import", N_("Take over the status of tasks from an assistant’s calendar file"), run_calendar_import },
  { NULL }
};

int
dg_cli_calendar_run (DgCli              *cli,
                     const DgCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  return dg_cli_run_group (cli, command, calendar_commands, argc, argv);
}
