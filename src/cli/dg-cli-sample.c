/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dg-sample.h"

#include "dg-cli-sample.h"
#include "dg-cli-time.h"

/* A file this run created is removed again when the sample could not be
 * written, with SQLite's companions, so a failed run leaves nothing behind. */
static void
remove_new_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static int
run_sample_create (DgCli              *cli,
                   const DgCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database_path = NULL;
  g_autofree char *scale_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *language = NULL;
  g_autofree char *display_path = NULL;
  DgSampleOptions options;
  GDate today;
  guint64 value;
  gboolean existed;
  DgDatabase *db;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_path,
      N_("The new database file to write the sample into (required)"), N_("PATH") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_text,
      N_("How large: 1 (the default) is the sample a newcomer explores; N has N times the "
         "assistants, two years of hours and thousands of tasks and handbooks"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The seed of the made-up data: the same seed, scale and date give the same data"), N_("SEED") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day the sample is seen from, YYYY-MM-DD (default: today)"), N_("DATE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the handbooks: en or de (default: the one of your locale)"), N_("LANGUAGE") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  dg_sample_options_init (&options);

  if (database_path != NULL)
    {
      g_free (cli->database_path);
      cli->database_path = g_steal_pointer (&database_path);
    }
  /* The default database is the owner's own: made-up data never goes there. */
  if (cli->database_path == NULL)
    return dg_cli_usage_error (_("Name the new database file with --database PATH. The sample "
                                 "business is never written into your own database."));

  if (scale_text != NULL)
    {
      if (!g_ascii_string_to_unsigned (scale_text, 10, 1, DG_SAMPLE_SCALE_MAX, &value, NULL))
        return dg_cli_usage_error (_("The scale “%s” is not a whole number from 1 to %u."),
                                   scale_text, (guint) DG_SAMPLE_SCALE_MAX);
      options.scale = (guint) value;
    }
  if (seed_text != NULL)
    {
      if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT32, &value, NULL))
        return dg_cli_usage_error (_("The seed “%s” is not a whole number from 0 to %u."),
                                   seed_text, G_MAXUINT32);
      options.seed = (guint32) value;
    }
  if (today_text != NULL)
    {
      if (!dg_cli_time_parse_date (today_text, &today, &error))
        return dg_cli_usage_error ("%s", error->message);
      options.today = &today;
    }
  if (language != NULL)
    {
      if (!g_str_equal (language, "en") && !g_str_equal (language, "de"))
        return dg_cli_usage_error (_("The language “%s” is not one the handbooks are written in; "
                                     "use en or de."), language);
      options.language = language;
    }

  existed = g_file_test (cli->database_path, G_FILE_TEST_EXISTS);
  db = dg_cli_get_database (cli, TRUE, &error);
  if (db == NULL)
    return dg_cli_fail (error);

  if (!dg_sample_create (db, &options, &error))
    {
      if (!existed)
        {
          g_clear_object (&cli->database);
          remove_new_database (cli->database_path);
        }
      return dg_cli_fail (error);
    }

  display_path = g_filename_display_name (cli->database_path);
  g_print (_("Wrote the sample business (scale %u) to “%s”.\n"), options.scale, display_path);
  return DG_CLI_EXIT_OK;
}

static const DgCliCommand sample_commands[] = {
  { "create", N_("Write the sample business into a new database"), run_sample_create },
  { NULL }
};

int
dg_cli_sample_run (DgCli              *cli,
                   const DgCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  return dg_cli_run_group (cli, command, sample_commands, argc, argv);
}
