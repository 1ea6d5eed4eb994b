/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dg-money.h"

#include "dg-cli-common.h"

void
dg_cli_clear (DgCli *cli)
{
  g_clear_pointer (&cli->database_path, g_free);
  g_clear_object (&cli->database);
}

DgDatabase *
dg_cli_get_database (DgCli     *cli,
                     gboolean   create,
                     GError   **error)
{
  g_return_val_if_fail (cli != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (cli->database == NULL)
    {
      g_autofree char *default_path = NULL;
      const char *path = cli->database_path;

      if (path == NULL)
        path = default_path = dg_database_get_default_path ();

      /* Opening would create the file and its folder: a read would then
       * answer from an empty database instead of saying the path is wrong. */
      if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *display_path = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       _("There is no database at “%s”. Check the path, or create the "
                         "database by adding an assistant or setting the business profile."),
                       display_path);
          return NULL;
        }

      cli->database = dg_database_open (path, error);
    }

  return cli->database;
}

GOptionContext *
dg_cli_option_context_new (const char *parameter_string,
                           const char *summary)
{
  GOptionContext *context;

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);

  return context;
}

gboolean
dg_cli_parse_options (GOptionContext   *context,
                      int              *argc,
                      char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (context != NULL, FALSE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      dg_cli_usage_error ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* Display columns taken by @text in a terminal: wide (CJK) characters take
 * two, combining marks none; so names in any script line up. */
static guint
get_display_width (const char *text)
{
  guint width = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
append_padded (GString    *string,
               const char *text,
               guint       width)
{
  g_string_append (string, text);
  for (guint i = get_display_width (text); i < width; i++)
    g_string_append_c (string, ' ');
}

char *
dg_cli_describe_commands (const char         *summary,
                          const DgCliCommand *commands)
{
  GString *string = g_string_new (NULL);
  guint width = 0;

  g_return_val_if_fail (commands != NULL, NULL);

  for (const DgCliCommand *c = commands; c->name != NULL; c++)
    width = MAX (width, get_display_width (c->name));

  if (summary != NULL)
    g_string_append_printf (string, "%s\n\n", _(summary));
  g_string_append (string, _("Commands:"));
  for (const DgCliCommand *c = commands; c->name != NULL; c++)
    {
      g_string_append (string, "\n  ");
      append_padded (string, c->name, width + 2);
      g_string_append (string, _(c->summary));
    }

  return g_string_free (string, FALSE);
}

int
dg_cli_run_subcommand (DgCli              *cli,
                       const DgCliCommand *commands,
                       int                 argc,
                       char              **argv)
{
  g_return_val_if_fail (cli != NULL, DG_CLI_EXIT_FAILED);
  g_return_val_if_fail (commands != NULL, DG_CLI_EXIT_FAILED);

  if (argc < 2)
    return dg_cli_usage_error (_("No command was given."));

  for (const DgCliCommand *c = commands; c->name != NULL; c++)
    {
      if (g_str_equal (c->name, argv[1]))
        {
          g_autofree char *prgname = NULL;

          /* --help and error hints then name the whole command, as in
           * “delegate-cli assistant add --help”. */
          prgname = g_strdup_printf ("%s %s", g_get_prgname (), c->name);
          g_set_prgname (prgname);

          return c->func (cli, c, argc - 1, argv + 1);
        }
    }

  return dg_cli_usage_error (_("There is no command “%s”."), argv[1]);
}

int
dg_cli_run_group (DgCli              *cli,
                  const DgCliCommand *command,
                  const DgCliCommand *subcommands,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (command != NULL, DG_CLI_EXIT_FAILED);

  summary = dg_cli_describe_commands (command->summary, subcommands);
  context = dg_cli_option_context_new (N_("COMMAND"), summary);
  /* Options after the subcommand's name belong to the subcommand. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!dg_cli_parse_options (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  return dg_cli_run_subcommand (cli, subcommands, argc, argv);
}

void
dg_cli_print_error (const char *message)
{
  g_return_if_fail (message != NULL);

  /* GOption's messages lack the final full stop that core's sentences have. */
  if (g_str_has_suffix (message, ".") ||
      g_str_has_suffix (message, "!") ||
      g_str_has_suffix (message, "?"))
    g_printerr ("delegate-cli: %s\n", message);
  else
    g_printerr ("delegate-cli: %s.\n", message);
}

int
dg_cli_fail (const GError *error)
{
  g_return_val_if_fail (error != NULL, DG_CLI_EXIT_FAILED);

  dg_cli_print_error (error->message);

  return DG_CLI_EXIT_FAILED;
}

int
dg_cli_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  dg_cli_print_error (message);
  g_printerr (_("Run “%s --help” to see how to use it."), g_get_prgname ());
  g_printerr ("\n");

  return DG_CLI_EXIT_USAGE;
}

gboolean
dg_cli_parse_no_arguments (GOptionContext   *context,
                           int              *argc,
                           char           ***argv)
{
  if (!dg_cli_parse_options (context, argc, argv))
    return FALSE;

  if (*argc > 1)
    {
      dg_cli_usage_error (_("The argument “%s” was not expected."), (*argv)[1]);
      return FALSE;
    }

  return TRUE;
}

gboolean
dg_cli_parse_id_option (const char *text,
                        gint64     *out_id)
{
  guint64 id;

  g_return_val_if_fail (out_id != NULL, FALSE);

  *out_id = 0;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      dg_cli_usage_error (_("“%s” is not an ID: an ID is a whole number from 1 up."), text);
      return FALSE;
    }

  *out_id = (gint64) id;

  return TRUE;
}

gboolean
dg_cli_parse_id_argument (GOptionContext   *context,
                          int              *argc,
                          char           ***argv,
                          gint64           *out_id)
{
  g_return_val_if_fail (out_id != NULL, FALSE);

  if (!dg_cli_parse_options (context, argc, argv))
    return FALSE;

  if (*argc < 2)
    {
      dg_cli_usage_error (_("The ID is missing."));
      return FALSE;
    }

  if (*argc > 2)
    {
      dg_cli_usage_error (_("The argument “%s” was not expected."), (*argv)[2]);
      return FALSE;
    }

  return dg_cli_parse_id_option ((*argv)[1], out_id);
}

void
dg_cli_add_json_option (GOptionContext *context,
                        gboolean       *json)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, json, N_("Print JSON, for scripts"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_if_fail (context != NULL);
  g_return_if_fail (json != NULL);

  /* GOption copies the entries. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

void
dg_cli_add_field (GArray     *fields,
                  const char *label,
                  const char *value)
{
  DgCliField field = { label, value };

  g_return_if_fail (fields != NULL);

  g_array_append_val (fields, field);
}

void
dg_cli_print_fields (const DgCliField *fields,
                     gsize             n_fields)
{
  g_autoptr(GString) string = g_string_new (NULL);
  guint width = 0;

  g_return_if_fail (fields != NULL || n_fields == 0);

  for (gsize i = 0; i < n_fields; i++)
    width = MAX (width, get_display_width (fields[i].label) + 1);

  for (gsize i = 0; i < n_fields; i++)
    {
      g_auto(GStrv) lines = g_strsplit (fields[i].value, "\n", -1);
      g_autofree char *label = g_strconcat (fields[i].label, ":", NULL);

      /* No padding after an empty value: no trailing blanks. */
      if (lines[0] == NULL || *lines[0] == '\0')
        g_string_append (string, label);
      else
        append_padded (string, label, width + 2);
      g_string_append (string, lines[0] != NULL ? lines[0] : "");
      g_string_append_c (string, '\n');

      /* A postal address keeps its lines, aligned under the first. */
      for (guint j = 1; lines[0] != NULL && lines[j] != NULL; j++)
        {
          append_padded (string, "", width + 2);
          g_string_append (string, lines[j]);
          g_string_append_c (string, '\n');
        }
    }

  g_print ("%s", string->str);
}

void
dg_cli_print_table (const char * const *headers,
                    guint               n_columns,
                    GPtrArray          *rows)
{
  g_autoptr(GString) string = g_string_new (NULL);
  g_autofree guint *widths = g_new0 (guint, n_columns);

  g_return_if_fail (headers != NULL);
  g_return_if_fail (rows != NULL);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = get_display_width (headers[c]);

  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], get_display_width (cells[c]));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      const char * const *cells = r == 0 ? headers : g_ptr_array_index (rows, r - 1);

      for (guint c = 0; c < n_columns; c++)
        {
          if (c + 1 < n_columns)
            append_padded (string, cells[c], widths[c] + 2);
          else
            g_string_append (string, cells[c]);
        }
      g_string_append_c (string, '\n');
    }

  g_print ("%s", string->str);
}

void
dg_cli_print_filled_table (const char * const *headers,
                           guint               n_columns,
                           guint               n_rows,
                           DgCliFillRowFunc    fill_row,
                           gpointer            user_data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n_rows, (GDestroyNotify) g_strfreev);

  g_return_if_fail (headers != NULL);
  g_return_if_fail (fill_row != NULL);

  for (guint r = 0; r < n_rows; r++)
    {
      char **cells = g_new0 (char *, n_columns + 1);

      fill_row (cells, r, user_data);
      g_ptr_array_add (rows, cells);
    }

  dg_cli_print_table (headers, n_columns, rows);
}

void
dg_cli_json_add_objects (JsonBuilder         *builder,
                         const char          *member,
                         guint                n_objects,
                         DgCliJsonObjectFunc  add_members,
                         gpointer             user_data)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (add_members != NULL);

  if (member != NULL)
    json_builder_set_member_name (builder, member);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_objects; i++)
    {
      json_builder_begin_object (builder);
      add_members (builder, i, user_data);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
dg_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (JSON_IS_BUILDER (builder));

  root = json_builder_get_root (builder);
  g_return_if_fail (root != NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  /* JSON is UTF-8 whatever the locale, so it bypasses g_print's conversion. */
  fputs (text, stdout);
  fputc ('\n', stdout);
}

void
dg_cli_property_values_init (DgCliPropertyValues       *values,
                             const DgCliPropertyOption *options,
                             guint                      n_options)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (options != NULL);

  values->options = options;
  values->n_options = n_options;
  values->values = g_new0 (char *, n_options);
}

void
dg_cli_property_values_clear (DgCliPropertyValues *values)
{
  g_return_if_fail (values != NULL);

  for (guint i = 0; values->values != NULL && i < values->n_options; i++)
    g_free (values->values[i]);
  g_clear_pointer (&values->values, g_free);
}

void
dg_cli_add_property_options (GOptionContext      *context,
                             DgCliPropertyValues *values)
{
  g_autofree GOptionEntry *entries = NULL;

  g_return_if_fail (context != NULL);
  g_return_if_fail (values != NULL && values->values != NULL);

  entries = g_new0 (GOptionEntry, values->n_options + 1);
  for (guint i = 0; i < values->n_options; i++)
    {
      entries[i].long_name = values->options[i].option;
      entries[i].arg = G_OPTION_ARG_STRING;
      entries[i].arg_data = &values->values[i];
      entries[i].description = values->options[i].description;
      entries[i].arg_description = values->options[i].arg_description;
    }

  /* GOption copies the entries. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

void
dg_cli_set_string_properties (gpointer                   object,
                              const DgCliPropertyValues *values)
{
  GObjectClass *klass;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (values != NULL && values->values != NULL);

  klass = G_OBJECT_GET_CLASS (object);

  for (guint i = 0; i < values->n_options; i++)
    {
      const char *property = values->options[i].property;
      GParamSpec *pspec = g_object_class_find_property (klass, property);

      /* The option tables name the properties: a typo is a bug here. */
      g_return_if_fail (pspec != NULL);

      if (values->values[i] != NULL && G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
        g_object_set (object, property, values->values[i], NULL);
    }
}

GOptionContext *
dg_cli_change_context_new (const char          *parameter_string,
                           const char          *summary,
                           DgCliPropertyValues *values)
{
  GOptionContext *context;

  context = dg_cli_option_context_new (parameter_string, summary);
  g_option_context_set_description (context,
                                    N_("Only the fields given change. An empty value clears a field. "
                                       "Nothing is stored when a value is not valid."));
  dg_cli_add_property_options (context, values);

  return context;
}

gboolean
dg_cli_expect_changes (const DgCliPropertyValues *values)
{
  g_return_val_if_fail (values != NULL && values->values != NULL, FALSE);

  for (guint i = 0; i < values->n_options; i++)
    {
      if (values->values[i] != NULL)
        return TRUE;
    }

  dg_cli_usage_error (_("No field to change was given."));

  return FALSE;
}

void
dg_cli_json_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

void
dg_cli_json_add_int (JsonBuilder *builder,
                     const char  *member,
                     gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
dg_cli_json_add_boolean (JsonBuilder *builder,
                         const char  *member,
                         gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

int
dg_cli_run_change (DgCli              *cli,
                   const DgCliCommand *command,
                   int                 argc,
                   char              **argv,
                   DgCliFindFunc       find,
                   GQuark              in_use_domain,
                   int                 in_use_code,
                   const char         *archive_hint)
{
  DgCliChangeFunc change = (DgCliChangeFunc) command->action;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GObject) store = NULL;
  g_autoptr(GError) error = NULL;
  gpointer record;
  gint64 id;

  g_assert (change != NULL);

  context = dg_cli_option_context_new (N_("ID"), command->summary);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (!(record = find (cli, id, &store, &error)))
    return dg_cli_fail (error);

  if (!change (store, record, &error))
    {
      dg_cli_fail (error);

      if (g_error_matches (error, in_use_domain, in_use_code))
        {
          g_printerr (archive_hint, argv[1]);
          g_printerr ("\n");
        }

      return DG_CLI_EXIT_FAILED;
    }

  return DG_CLI_EXIT_OK;
}

char *
dg_cli_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

char *
dg_cli_format_local_time (GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (at);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
dg_cli_format_money (gint64      minor,
                     const char *currency,
                     gboolean    plain)
{
  DgMoney money;

  if (currency == NULL || !dg_currency_is_known (currency))
    return g_strdup_printf ("%" G_GINT64_FORMAT, minor);

  dg_money_init (&money, minor, currency);

  return plain ? dg_money_format_plain (&money) : dg_money_format (&money);
}
