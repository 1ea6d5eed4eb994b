/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>

#include "dg-assistant-store.h"
#include "dg-business-profile.h"
#include "dg-money.h"
#include "dg-validation.h"

#include "dg-cli-assistant.h"
#include "dg-cli-stores.h"

enum
{
  ASSISTANT_OPTION_NAME,
  ASSISTANT_OPTION_EMAIL,
  ASSISTANT_OPTION_TIME_ZONE,
  ASSISTANT_OPTION_COUNTRY,
  ASSISTANT_OPTION_ADDRESS,
  ASSISTANT_OPTION_CURRENCY,
  ASSISTANT_OPTION_RATE,
  ASSISTANT_OPTION_TAX_STATUS,
  ASSISTANT_OPTION_VAT_RATE,
  ASSISTANT_OPTION_VAT_ID,
  ASSISTANT_OPTION_SELF_BILLING_DATE,
  ASSISTANT_OPTION_NOTES,
  ASSISTANT_OPTION_TAX_NUMBER,
  ASSISTANT_OPTION_IBAN,
  ASSISTANT_OPTION_BIC,
  ASSISTANT_OPTION_INVOICE_LANGUAGE,
  N_ASSISTANT_OPTIONS
};

/* Shared by “add” and “edit”, which differ only in where they start from. */
static const DgCliPropertyOption assistant_options[N_ASSISTANT_OPTIONS] = {
  [ASSISTANT_OPTION_NAME] = { "name", "name", N_("The assistant’s name"), N_("NAME") },
  [ASSISTANT_OPTION_EMAIL] = { "email", "email", N_("The e-mail address"), N_("ADDRESS") },
  [ASSISTANT_OPTION_TIME_ZONE] = { "time-zone", "time-zone", N_("The IANA time zone, such as Asia/Manila"), N_("ZONE") },
  [ASSISTANT_OPTION_COUNTRY] = { "country", "country", N_("The country, an ISO 3166 code such as PH"), N_("CODE") },
  [ASSISTANT_OPTION_ADDRESS] = { "address", "address", N_("The postal address, lines separated by newlines"), N_("ADDRESS") },
  [ASSISTANT_OPTION_CURRENCY] = { "currency", "currency", N_("The currency of the rate, an ISO 4217 code such as EUR"), N_("CODE") },
  [ASSISTANT_OPTION_RATE] = { "rate", "hourly-rate", N_("The hourly rate, such as 12.50"), N_("AMOUNT") },
  [ASSISTANT_OPTION_TAX_STATUS] = { "tax-status", "tax-status", N_("vat, small-business, reverse-charge or outside-scope"), N_("STATUS") },
  [ASSISTANT_OPTION_VAT_RATE] = { "vat-rate", "vat-rate", N_("The VAT rate in percent, such as 19 or 7.7"), N_("PERCENT") },
  [ASSISTANT_OPTION_VAT_ID] = { "vat-id", "vat-id", N_("The VAT identification number"), N_("ID") },
  [ASSISTANT_OPTION_SELF_BILLING_DATE] = { "self-billing-date", "self-billing-date", N_("The date of the self-billing agreement"), N_("YYYY-MM-DD") },
  [ASSISTANT_OPTION_NOTES] = { "notes", "notes", N_("Notes"), N_("TEXT") },
  [ASSISTANT_OPTION_TAX_NUMBER] = { "tax-number", "tax-number", N_("The tax number from the assistant’s tax office"), N_("NUMBER") },
  [ASSISTANT_OPTION_IBAN] = { "iban", "iban", N_("The IBAN invoices are paid to"), N_("IBAN") },
  [ASSISTANT_OPTION_BIC] = { "bic", "bic", N_("The BIC of the assistant’s bank"), N_("BIC") },
  [ASSISTANT_OPTION_INVOICE_LANGUAGE] = { "invoice-language", "invoice-language", N_("The language of the assistant’s invoices: en or de"), N_("LANGUAGE") },
};

static gboolean
apply_assistant_values (DgAssistant                *assistant,
                        const DgCliPropertyValues  *values,
                        GError                    **error)
{
  const char *rate_text = values->values[ASSISTANT_OPTION_RATE];
  const char *tax_status_text = values->values[ASSISTANT_OPTION_TAX_STATUS];
  const char *vat_rate_text = values->values[ASSISTANT_OPTION_VAT_RATE];
  g_autofree char *old_currency = g_strdup (dg_assistant_get_currency (assistant));
  const char *currency;

  /* Strings first, in the form the store keeps them: the rate is read in
   * the currency given with it. */
  dg_cli_set_string_properties (assistant, values);
  dg_assistant_normalize (assistant);
  currency = dg_assistant_get_currency (assistant);

  /* The rate is stored in minor units of the currency: kept as it is, €12.50
   * (1250 cents) would become ¥1250. Only the user knows the new amount. */
  if (rate_text == NULL &&
      dg_assistant_get_hourly_rate (assistant) != 0 &&
      g_strcmp0 (old_currency, currency) != 0)
    {
      /* An unknown code is the error to report, not the missing rate. */
      if (!dg_validate_currency (currency, error))
        return FALSE;

      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                   _("Give the hourly rate in %s too (--rate), as the currency changes."),
                   currency);
      return FALSE;
    }

  if (tax_status_text != NULL)
    {
      DgTaxStatus status;

      if (!dg_tax_status_from_string (tax_status_text, &status))
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("The tax status “%s” is not known: use vat, small-business, "
                         "reverse-charge or outside-scope."),
                       tax_status_text);
          return FALSE;
        }

      g_object_set (assistant, "tax-status", status, NULL);
    }

  if (vat_rate_text != NULL)
    {
      int basis_points;

      if (!dg_assistant_parse_vat_rate (vat_rate_text, &basis_points, error))
        return FALSE;

      g_object_set (assistant, "vat-rate", basis_points, NULL);
    }

  if (rate_text != NULL)
    {
      gint64 rate;

      if (!dg_assistant_parse_hourly_rate (rate_text, currency, &rate, error))
        return FALSE;

      g_object_set (assistant, "hourly-rate", rate, NULL);
    }

  return TRUE;
}

typedef char *(*MoneyFormatFunc) (const DgMoney *money);

/* The hourly rate with @format (for people or for scripts); empty when the
 * currency is not one core knows, as no amount can be shown in it. */
static char *
format_rate (DgAssistant     *assistant,
             MoneyFormatFunc  format)
{
  const char *currency = dg_assistant_get_currency (assistant);
  DgMoney rate;

  if (!dg_currency_is_known (currency))
    return g_strdup ("");

  dg_money_init (&rate, dg_assistant_get_hourly_rate (assistant), currency);

  return format (&rate);
}

static const char *
get_invoice_language_label (DgAssistant *assistant)
{
  const char *code = dg_assistant_get_invoice_language (assistant);

  if (g_strcmp0 (code, "de") == 0)
    return _("German");
  if (g_strcmp0 (code, "en") == 0)
    return _("English");
  return code;
}

static const char *
get_state_label (DgAssistant *assistant)
{
  return dg_assistant_get_active (assistant) ? _("active") : _("archived");
}

static void
add_assistant_json (JsonBuilder *builder,
                    DgAssistant *assistant)
{
  g_autofree char *rate = format_rate (assistant, dg_money_format_plain);

  json_builder_begin_object (builder);
  dg_cli_json_add_int (builder, "id", dg_assistant_get_id (assistant));
  dg_cli_json_add_string (builder, "name", dg_assistant_get_name (assistant));
  dg_cli_json_add_string (builder, "email", dg_assistant_get_email (assistant));
  dg_cli_json_add_string (builder, "time_zone", dg_assistant_get_time_zone (assistant));
  dg_cli_json_add_string (builder, "country", dg_assistant_get_country (assistant));
  dg_cli_json_add_string (builder, "address", dg_assistant_get_address (assistant));
  dg_cli_json_add_string (builder, "currency", dg_assistant_get_currency (assistant));
  dg_cli_json_add_int (builder, "hourly_rate_minor", dg_assistant_get_hourly_rate (assistant));
  dg_cli_json_add_string (builder, "hourly_rate", rate);
  dg_cli_json_add_string (builder, "tax_status",
                          dg_tax_status_to_string (dg_assistant_get_tax_status (assistant)));
  dg_cli_json_add_int (builder, "vat_rate_basis_points", dg_assistant_get_vat_rate (assistant));
  dg_cli_json_add_string (builder, "vat_id", dg_assistant_get_vat_id (assistant));
  dg_cli_json_add_string (builder, "self_billing_date", dg_assistant_get_self_billing_date (assistant));
  dg_cli_json_add_string (builder, "notes", dg_assistant_get_notes (assistant));
  dg_cli_json_add_string (builder, "tax_number", dg_assistant_get_tax_number (assistant));
  dg_cli_json_add_string (builder, "iban", dg_assistant_get_iban (assistant));
  dg_cli_json_add_string (builder, "bic", dg_assistant_get_bic (assistant));
  dg_cli_json_add_string (builder, "invoice_language", dg_assistant_get_invoice_language (assistant));
  dg_cli_json_add_boolean (builder, "active", dg_assistant_get_active (assistant));
  json_builder_end_object (builder);
}

static void
print_assistant_text (DgAssistant *assistant)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, dg_assistant_get_id (assistant));
  g_autofree char *rate = format_rate (assistant, dg_money_format);
  g_autofree char *machine_percent = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *vat_rate = NULL;
  g_autofree char *iban = NULL;
  g_auto(GStrv) percent_parts = NULL;
  DgNumberStyle style;

  /* Core writes "7.7"; a reader expects the decimal point of the locale. */
  dg_number_style_from_locale (&style);
  machine_percent = dg_assistant_format_vat_rate (dg_assistant_get_vat_rate (assistant));
  percent_parts = g_strsplit (machine_percent, ".", 2);
  percent = g_strjoinv (style.decimal_point, percent_parts);
  /* Translators: a percentage, such as “19 %” */
  vat_rate = g_strdup_printf (_("%s %%"), percent);
  /* In groups of four, as on a bank statement. */
  iban = *dg_assistant_get_iban (assistant) != '\0'
         ? dg_iban_format (dg_assistant_get_iban (assistant)) : g_strdup ("");

  {
    const DgCliField fields[] = {
      { _("ID"), id },
      { _("Name"), dg_assistant_get_name (assistant) },
      { _("E-mail"), dg_assistant_get_email (assistant) },
      { _("Time zone"), dg_assistant_get_time_zone (assistant) },
      { _("Country"), dg_assistant_get_country (assistant) },
      { _("Address"), dg_assistant_get_address (assistant) },
      { _("Currency"), dg_assistant_get_currency (assistant) },
      { _("Hourly rate"), rate },
      { _("Tax status"), dg_tax_status_get_label (dg_assistant_get_tax_status (assistant)) },
      { _("VAT rate"), vat_rate },
      { _("VAT ID"), dg_assistant_get_vat_id (assistant) },
      { _("Self-billing agreement"), dg_assistant_get_self_billing_date (assistant) },
      { _("Tax number"), dg_assistant_get_tax_number (assistant) },
      { _("IBAN"), iban },
      { _("BIC"), dg_assistant_get_bic (assistant) },
      { _("Invoice language"), get_invoice_language_label (assistant) },
      { _("Notes"), dg_assistant_get_notes (assistant) },
      { _("State"), get_state_label (assistant) },
    };

    dg_cli_print_fields (fields, G_N_ELEMENTS (fields));
  }
}

/* Only “add” may create the database: the other commands read it, or
 * change an assistant that a new database cannot hold. */
static DgAssistantStore *
open_store (DgCli     *cli,
            gboolean   create,
            GError   **error)
{
  DgDatabase *db = dg_cli_get_database (cli, create, error);

  if (db == NULL)
    return NULL;

  return dg_assistant_store_new (db, error);
}

/* For the commands on one assistant: opens the store and finds @id in it. */
static DgAssistant *
find_assistant (DgCli             *cli,
                gint64             id,
                DgAssistantStore **out_store,
                GError           **error)
{
  if (!(*out_store = open_store (cli, FALSE, error)))
    return NULL;

  return dg_cli_find_assistant (*out_store, id, error);
}

static int
run_assistant_list (DgCli              *cli,
                    const DgCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgAssistantStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean all = FALSE;
  gboolean archived = FALSE;
  gboolean json = FALSE;
  guint n_items;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("List archived assistants too"), NULL },
    { "archived", 0, 0, G_OPTION_ARG_NONE, &archived, N_("List only archived assistants"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (all && archived)
    return dg_cli_usage_error (_("The options --all and --archived cannot be used together."));

  if (!(store = open_store (cli, FALSE, &error)))
    return dg_cli_fail (error);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DgAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (store), i);
      char **cells;

      /* Without --all: the active ones, or with --archived the others. */
      if (!all && dg_assistant_get_active (assistant) == archived)
        continue;

      if (json)
        {
          add_assistant_json (builder, assistant);
          continue;
        }

      cells = g_new0 (char *, 8);
      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, dg_assistant_get_id (assistant));
      cells[1] = g_strdup (dg_assistant_get_name (assistant));
      cells[2] = g_strdup (dg_assistant_get_email (assistant));
      cells[3] = g_strdup (dg_assistant_get_time_zone (assistant));
      cells[4] = g_strdup (dg_assistant_get_currency (assistant));
      cells[5] = format_rate (assistant, dg_money_format);
      cells[6] = g_strdup (get_state_label (assistant));
      g_ptr_array_add (rows, cells);
    }

  json_builder_end_array (builder);

  if (json)
    dg_cli_print_json (builder);
  else if (rows->len == 0)
    g_print ("%s\n", _("There are no assistants to list."));
  else
    {
      const char *headers[] = {
        _("ID"), _("Name"), _("E-mail"), _("Zone"), _("Currency"), _("Rate"), _("State"),
      };

      dg_cli_print_table (headers, G_N_ELEMENTS (headers), rows);
    }

  return DG_CLI_EXIT_OK;
}

static int
run_assistant_show (DgCli              *cli,
                    const DgCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgAssistantStore) store = NULL;
  g_autoptr(GError) error = NULL;
  DgAssistant *assistant;
  gboolean json = FALSE;
  gint64 id;

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (!(assistant = find_assistant (cli, id, &store, &error)))
    return dg_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_assistant_json (builder, assistant);
      dg_cli_print_json (builder);
    }
  else
    {
      print_assistant_text (assistant);
    }

  return DG_CLI_EXIT_OK;
}

static int
run_assistant_add (DgCli              *cli,
                   const DgCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgAssistantStore) store = NULL;
  g_autoptr(DgAssistant) assistant = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(DgCliPropertyValues) values = { NULL };

  dg_cli_property_values_init (&values, assistant_options, N_ASSISTANT_OPTIONS);
  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("--name is required. The currency is the business "
                                       "profile’s unless given; the time zone is this "
                                       "computer’s (or UTC) unless given. Prints the new "
                                       "assistant’s ID."));
  dg_cli_add_property_options (context, &values);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (values.values[ASSISTANT_OPTION_NAME] == NULL)
    return dg_cli_usage_error (_("The option --name is required."));

  if (!(store = open_store (cli, TRUE, &error)))
    return dg_cli_fail (error);

  assistant = dg_assistant_new ();

  if (values.values[ASSISTANT_OPTION_CURRENCY] == NULL)
    {
      g_autoptr(DgBusinessProfile) profile = NULL;
      const char *currency;

      profile = dg_business_profile_load (dg_assistant_store_get_database (store), &error);
      if (profile == NULL)
        return dg_cli_fail (error);

      currency = dg_business_profile_get_currency (profile);
      if (currency != NULL && *currency != '\0')
        g_object_set (assistant, "currency", currency, NULL);
    }

  if (values.values[ASSISTANT_OPTION_TIME_ZONE] == NULL)
    {
      g_autofree char *zone = dg_time_zone_get_default ();

      g_object_set (assistant, "time-zone", zone, NULL);
    }

  if (!apply_assistant_values (assistant, &values, &error) ||
      !dg_assistant_store_add (store, assistant, &error))
    return dg_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", dg_assistant_get_id (assistant));

  return DG_CLI_EXIT_OK;
}

static int
run_assistant_edit (DgCli              *cli,
                    const DgCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgAssistantStore) store = NULL;
  g_autoptr(DgAssistant) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(DgCliPropertyValues) values = { NULL };
  DgAssistant *assistant;
  gint64 id;

  dg_cli_property_values_init (&values, assistant_options, N_ASSISTANT_OPTIONS);
  context = dg_cli_change_context_new (N_("ID"), command->summary, &values);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id) ||
      !dg_cli_expect_changes (&values))
    return DG_CLI_EXIT_USAGE;

  if (!(assistant = find_assistant (cli, id, &store, &error)))
    return dg_cli_fail (error);

  changes = dg_assistant_copy (assistant);

  if (!apply_assistant_values (changes, &values, &error) ||
      !dg_assistant_store_update (store, changes, &error))
    return dg_cli_fail (error);

  return DG_CLI_EXIT_OK;
}

static gpointer
find_assistant_record (DgCli     *cli,
                       gint64     id,
                       GObject  **out_store,
                       GError   **error)
{
  DgAssistantStore *store = NULL;
  DgAssistant *assistant = find_assistant (cli, id, &store, error);

  *out_store = G_OBJECT (store);
  return assistant;
}

/* “archive”, “restore” and “delete”: the command's action is the store's
 * function that makes the change. */
static int
run_assistant_change (DgCli              *cli,
                      const DgCliCommand *command,
                      int                 argc,
                      char              **argv)
{
  return dg_cli_run_change (cli, command, argc, argv, find_assistant_record,
                            DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_IN_USE,
                            _("To hide the assistant from lists while keeping the records, "
                              "run “delegate-cli assistant archive %s”."));
}

static const DgCliCommand assistant_commands[] = {
  { "list", N_("List assistants"), run_assistant_list },
  { "show", N_("Show every field of one assistant"), run_assistant_show },
  { "add", N_("Add an assistant"), run_assistant_add },
  { "edit", N_("Change fields of an assistant"), run_assistant_edit },
  { "archive", N_("Archive an assistant: hidden from lists, records kept"),
    run_assistant_change, G_CALLBACK (dg_assistant_store_archive) },
  { "restore", N_("Make an archived assistant active again"),
    run_assistant_change, G_CALLBACK (dg_assistant_store_restore) },
  { "delete", N_("Delete an assistant that nothing refers to"),
    run_assistant_change, G_CALLBACK (dg_assistant_store_delete) },
  { NULL }
};

int
dg_cli_assistant_run (DgCli              *cli,
                      const DgCliCommand *command,
                      int                 argc,
                      char              **argv)
{
  return dg_cli_run_group (cli, command, assistant_commands, argc, argv);
}
