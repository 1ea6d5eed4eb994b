/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dg-database.h"

G_BEGIN_DECLS

/* Exit statuses, as scripts rely on them. */
typedef enum
{
  DG_CLI_EXIT_OK = 0,
  DG_CLI_EXIT_FAILED = 1,  /* the operation failed: invalid value, database refused */
  DG_CLI_EXIT_USAGE = 2,   /* unknown command or option, missing argument */
} DgCliExit;

/* State shared by every command of one run. */
typedef struct
{
  char       *database_path;  /* from --database, NULL for the default */
  DgDatabase *database;       /* opened on first use */
} DgCli;

void dg_cli_clear (DgCli *cli);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DgCli, dg_cli_clear)

typedef struct _DgCliCommand DgCliCommand;

/* @argv[0] is the command's own name; options and arguments follow. */
typedef int (*DgCliCommandFunc) (DgCli              *cli,
                                 const DgCliCommand *command,
                                 int                 argc,
                                 char              **argv);

struct _DgCliCommand
{
  const char       *name;
  const char       *summary;  /* N_(): one line for the list of commands and --help */
  DgCliCommandFunc  func;
  GCallback         action;   /* for @func, when one func serves several commands */
};

/* Opens the database named by --database (or the default) once. Only the
 * commands that store something new pass @create: for the others a missing
 * file is an error, as the path is more likely mistyped than meant to be new. */
DgDatabase     *dg_cli_get_database        (DgCli              *cli,
                                            gboolean            create,
                                            GError            **error);

/* An option context with the usage line "PRGNAME [OPTION…] @parameter_string"
 * and @summary, both untranslated (N_()): GOption translates them for --help. */
GOptionContext *dg_cli_option_context_new  (const char         *parameter_string,
                                            const char         *summary);
/* Parses the options; on a usage error prints it and returns FALSE. */
gboolean        dg_cli_parse_options       (GOptionContext     *context,
                                            int                *argc,
                                            char             ***argv);

/* Runs a command made of subcommands ("assistant add"): --help lists
 * @subcommands, and the first argument picks one of them. */
int             dg_cli_run_group           (DgCli              *cli,
                                            const DgCliCommand *command,
                                            const DgCliCommand *subcommands,
                                            int                 argc,
                                            char              **argv);
/* The list of @commands for a --help summary, translated. */
char           *dg_cli_describe_commands   (const char         *summary,
                                            const DgCliCommand *commands);
/* Finds the command named by @argv[1] and runs it with the arguments after it. */
int             dg_cli_run_subcommand      (DgCli              *cli,
                                            const DgCliCommand *commands,
                                            int                 argc,
                                            char              **argv);

/* Prints "delegate-cli: @message" to stderr, as a full sentence. */
void            dg_cli_print_error         (const char         *message);
/* Prints @error and returns DG_CLI_EXIT_FAILED. */
int             dg_cli_fail                (const GError       *error);
/* Prints the message and a pointer to --help; returns DG_CLI_EXIT_USAGE. */
int             dg_cli_usage_error         (const char         *format,
                                            ...) G_GNUC_PRINTF (1, 2);

/* Parses the options of a command that takes no argument; on a usage error
 * prints it and returns FALSE. */
gboolean        dg_cli_parse_no_arguments  (GOptionContext     *context,
                                            int                *argc,
                                            char             ***argv);
/* Reads the ID given with an option such as --assistant: a whole number
 * from 1 up, or 0 when @text is NULL (the option was not given). On a usage
 * error prints it and returns FALSE. */
gboolean        dg_cli_parse_id_option     (const char         *text,
                                            gint64             *out_id);
/* Parses the options and the single ID argument (a positive integer) of a
 * command on one record; on a usage error prints it and returns FALSE. */
gboolean        dg_cli_parse_id_argument   (GOptionContext     *context,
                                            int                *argc,
                                            char             ***argv,
                                            gint64             *out_id);
/* Adds --json, which sets @json. */
void            dg_cli_add_json_option     (GOptionContext     *context,
                                            gboolean           *json);

typedef struct
{
  const char *label;  /* translated */
  const char *value;
} DgCliField;

/* Appends a DgCliField to @fields, an array of them that is printed once
 * every field is known. */
void            dg_cli_add_field           (GArray             *fields,
                                            const char         *label,
                                            const char         *value);
/* "Label:  value" lines with the values aligned. */
void            dg_cli_print_fields        (const DgCliField   *fields,
                                            gsize               n_fields);
/* A table with a header line; each row is a strv of @n_columns cells. */
void            dg_cli_print_table         (const char * const *headers,
                                            guint               n_columns,
                                            GPtrArray          *rows);
/* Fills in row @row of a table: a new string in each of its cells. */
typedef void    (*DgCliFillRowFunc)        (char              **cells,
                                            guint               row,
                                            gpointer            user_data);
/* dg_cli_print_table() of @n_rows rows, each filled in by @fill_row. */
void            dg_cli_print_filled_table  (const char * const *headers,
                                            guint               n_columns,
                                            guint               n_rows,
                                            DgCliFillRowFunc    fill_row,
                                            gpointer            user_data);
/* @date as "2026-03-31", the form every command reads dates in. */
char           *dg_cli_format_date         (const GDate        *date);
/* A UTC instant as the owner at this computer reads it, "2026-03-31 14:05";
 * "" for NULL. */
char           *dg_cli_format_local_time   (GDateTime          *at);
/* An amount in @currency: for display, or plain ("1234.50") for JSON; the
 * minor units alone when the currency is NULL or not one core knows. */
char           *dg_cli_format_money        (gint64              minor,
                                            const char         *currency,
                                            gboolean            plain);
/* An option that sets the object property of the same meaning. */
typedef struct
{
  const char *option;           /* long name: --option */
  const char *property;
  const char *description;      /* N_() */
  const char *arg_description;  /* N_() */
} DgCliPropertyOption;

/* The values of @options as typed: values[i] for options[i], NULL when that
 * option was not given. */
typedef struct
{
  const DgCliPropertyOption  *options;
  guint                       n_options;
  char                      **values;
} DgCliPropertyValues;

void            dg_cli_property_values_init  (DgCliPropertyValues       *values,
                                              const DgCliPropertyOption *options,
                                              guint                      n_options);
void            dg_cli_property_values_clear (DgCliPropertyValues       *values);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DgCliPropertyValues, dg_cli_property_values_clear)

/* Adds the options of @values, which parsing then fills in. */
void            dg_cli_add_property_options  (GOptionContext            *context,
                                              DgCliPropertyValues       *values);
/* Sets the properties of type string whose option was given; the caller
 * converts the others (numbers, enums, money) from the text itself. */
void            dg_cli_set_string_properties (gpointer                   object,
                                              const DgCliPropertyValues *values);
/* The option context of a command that changes only the fields given, such
 * as “assistant edit”: the options of @values, and a description saying so. */
GOptionContext *dg_cli_change_context_new    (const char                *parameter_string,
                                              const char                *summary,
                                              DgCliPropertyValues       *values);
/* After parsing a change: FALSE, with a usage error, when no field was given. */
gboolean        dg_cli_expect_changes        (const DgCliPropertyValues *values);

void            dg_cli_json_add_string     (JsonBuilder        *builder,
                                            const char         *member,
                                            const char         *value);
void            dg_cli_json_add_int        (JsonBuilder        *builder,
                                            const char         *member,
                                            gint64              value);
void            dg_cli_json_add_boolean    (JsonBuilder        *builder,
                                            const char         *member,
                                            gboolean            value);
/* Adds the members of object @index of an array (the object is open). */
typedef void    (*DgCliJsonObjectFunc)     (JsonBuilder        *builder,
                                            guint               index,
                                            gpointer            user_data);
/* An array of @n_objects objects, each filled in by @add_members: the value
 * of @member, or when @member is NULL the next value (such as the whole
 * document). */
void            dg_cli_json_add_objects    (JsonBuilder        *builder,
                                            const char         *member,
                                            guint               n_objects,
                                            DgCliJsonObjectFunc add_members,
                                            gpointer            user_data);
/* What @builder built, as pretty-printed JSON on stdout. */
void            dg_cli_print_json          (JsonBuilder        *builder);

/* Finds the record with @id in its store, which is returned in
 * @out_store (a new reference) for the change to go through. */
typedef gpointer (*DgCliFindFunc)   (DgCli     *cli,
                                     gint64     id,
                                     GObject  **out_store,
                                     GError   **error);
/* A store function such as dg_assistant_store_archive. */
typedef gboolean (*DgCliChangeFunc) (gpointer   store,
                                     gpointer   record,
                                     GError   **error);

/* “archive”, “restore” and “delete” of any record: parses the ID, finds
 * the record with @find and applies the command's action (a
 * DgCliChangeFunc). When the store refuses with @in_use_domain /
 * @in_use_code, @archive_hint (a format with %s for the ID) follows the
 * error. */
int             dg_cli_run_change          (DgCli              *cli,
                                            const DgCliCommand *command,
                                            int                 argc,
                                            char              **argv,
                                            DgCliFindFunc       find,
                                            GQuark              in_use_domain,
                                            int                 in_use_code,
                                            const char         *archive_hint);

G_END_DECLS
