/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>
#include <locale.h>

#include "dg-cli-assistant.h"
#include "dg-cli-calendar.h"
#include "dg-cli-common.h"
#include "dg-cli-handbook.h"
#include "dg-cli-invoice.h"
#include "dg-cli-profile.h"
#include "dg-cli-sample.h"
#include "dg-cli-task.h"
#include "dg-cli-time.h"
#include "dg-cli-timesheet.h"

static const DgCliCommand commands[] = {
  { "profile", N_("Show or change the business profile"), dg_cli_profile_run },
  { "assistant", N_("List, add, change, archive or delete assistants"), dg_cli_assistant_run },
  { "handbook", N_("List, show, search, add, publish or export handbooks"), dg_cli_handbook_run },
  { "task", N_("Assign tasks, list them and mark them done or skipped"), dg_cli_task_run },
  { "calendar", N_("Export tasks as an iCalendar file, or import their status from one"), dg_cli_calendar_run },
  { "time", N_("Add, list and import the hours assistants worked"), dg_cli_time_run },
  { "timesheet", N_("List the weeks of hours, and approve, reject or reopen them"), dg_cli_timesheet_run },
  { "invoice", N_("Draft, issue, list, print, pay and cancel invoices"), dg_cli_invoice_run },
  { "sample", N_("Write a made-up sample business into a new database, to explore or to test with"), dg_cli_sample_run },
  { NULL }
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCli) cli = { NULL };
  g_autofree char *summary = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &cli.database_path,
      N_("The database file to use instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Fixed rather than argv[0], which may be a path or a libtool wrapper:
   * every message and usage line starts with it. */
  g_set_prgname ("delegate-cli");

  summary = dg_cli_describe_commands (N_("Manages the data of Delegate: the business profile, "
                                         "the assistants, the handbooks, the tasks, the "
                                         "hours worked and the invoices."),
                                      commands);
  context = dg_cli_option_context_new (N_("COMMAND SUBCOMMAND [OPTION…]"), summary);
  g_option_context_set_description (context,
                                    N_("Run “delegate-cli COMMAND --help” to see a command’s subcommands.\n"
                                       "Exit status: 0 when done, 1 when the operation failed, "
                                       "2 when the command line was wrong."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command's name belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!dg_cli_parse_options (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (version)
    {
      g_print ("delegate-cli %s\n", PACKAGE_VERSION);
      return DG_CLI_EXIT_OK;
    }

  return dg_cli_run_subcommand (&cli, commands, argc, argv);
}
