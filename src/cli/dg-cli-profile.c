/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>

#include "dg-business-profile.h"
#include "dg-validation.h"

#include "dg-cli-profile.h"

enum
{
  PROFILE_OPTION_NAME,
  PROFILE_OPTION_ADDRESS,
  PROFILE_OPTION_TAX_NUMBER,
  PROFILE_OPTION_VAT_ID,
  PROFILE_OPTION_IBAN,
  PROFILE_OPTION_BIC,
  PROFILE_OPTION_EMAIL,
  PROFILE_OPTION_CURRENCY,
  PROFILE_OPTION_INVOICE_NUMBER_PATTERN,
  PROFILE_OPTION_PAYMENT_TERMS_DAYS,
  N_PROFILE_OPTIONS
};

static const DgCliPropertyOption profile_options[N_PROFILE_OPTIONS] = {
  [PROFILE_OPTION_NAME] = { "name", "name", N_("The business name"), N_("NAME") },
  [PROFILE_OPTION_ADDRESS] = { "address", "address", N_("The postal address, lines separated by newlines"), N_("ADDRESS") },
  [PROFILE_OPTION_TAX_NUMBER] = { "tax-number", "tax-number", N_("The tax number"), N_("NUMBER") },
  [PROFILE_OPTION_VAT_ID] = { "vat-id", "vat-id", N_("The VAT identification number, such as DE123456789"), N_("ID") },
  [PROFILE_OPTION_IBAN] = { "iban", "iban", N_("The IBAN of the bank account"), N_("IBAN") },
  [PROFILE_OPTION_BIC] = { "bic", "bic", N_("The BIC of the bank"), N_("BIC") },
  [PROFILE_OPTION_EMAIL] = { "email", "email", N_("The e-mail address"), N_("ADDRESS") },
  [PROFILE_OPTION_CURRENCY] = { "currency", "currency", N_("The default currency, an ISO 4217 code such as EUR"), N_("CODE") },
  [PROFILE_OPTION_INVOICE_NUMBER_PATTERN] = { "invoice-number-pattern", "invoice-number-pattern", N_("The pattern of invoice numbers, such as {YYYY}-{NNNN}"), N_("PATTERN") },
  [PROFILE_OPTION_PAYMENT_TERMS_DAYS] = { "payment-terms-days", "payment-terms-days", N_("Days until an invoice is due"), N_("DAYS") },
};

static gboolean
apply_profile_values (DgBusinessProfile          *profile,
                      const DgCliPropertyValues  *values,
                      GError                    **error)
{
  const char *days_text = values->values[PROFILE_OPTION_PAYMENT_TERMS_DAYS];

  dg_cli_set_string_properties (profile, values);

  if (days_text != NULL)
    {
      gint64 days;

      /* The range is core's rule; this only makes sure the text is a number. */
      if (!g_ascii_string_to_signed (days_text, 10, G_MININT, G_MAXINT, &days, NULL))
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("The payment terms “%s” are not a whole number of days."),
                       days_text);
          return FALSE;
        }

      g_object_set (profile, "payment-terms-days", (int) days, NULL);
    }

  return TRUE;
}

static void
print_profile_json (DgBusinessProfile *profile)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  dg_cli_json_add_string (builder, "name", dg_business_profile_get_name (profile));
  dg_cli_json_add_string (builder, "address", dg_business_profile_get_address (profile));
  dg_cli_json_add_string (builder, "tax_number", dg_business_profile_get_tax_number (profile));
  dg_cli_json_add_string (builder, "vat_id", dg_business_profile_get_vat_id (profile));
  dg_cli_json_add_string (builder, "iban", dg_business_profile_get_iban (profile));
  dg_cli_json_add_string (builder, "bic", dg_business_profile_get_bic (profile));
  dg_cli_json_add_string (builder, "email", dg_business_profile_get_email (profile));
  dg_cli_json_add_string (builder, "currency", dg_business_profile_get_currency (profile));
  dg_cli_json_add_string (builder, "invoice_number_pattern",
                          dg_business_profile_get_invoice_number_pattern (profile));
  dg_cli_json_add_int (builder, "payment_terms_days",
                       dg_business_profile_get_payment_terms_days (profile));
  json_builder_end_object (builder);

  dg_cli_print_json (builder);
}

static void
print_profile_text (DgBusinessProfile *profile)
{
  const char *iban = dg_business_profile_get_iban (profile);
  int days = dg_business_profile_get_payment_terms_days (profile);
  g_autofree char *iban_text = NULL;
  g_autofree char *days_text = NULL;

  iban_text = iban != NULL && *iban != '\0' ? dg_iban_format (iban) : g_strdup ("");
  days_text = g_strdup_printf (ngettext ("%d day", "%d days", days), days);

  {
    const DgCliField fields[] = {
      { _("Name"), dg_business_profile_get_name (profile) },
      { _("Address"), dg_business_profile_get_address (profile) },
      { _("Tax number"), dg_business_profile_get_tax_number (profile) },
      { _("VAT ID"), dg_business_profile_get_vat_id (profile) },
      { _("IBAN"), iban_text },
      { _("BIC"), dg_business_profile_get_bic (profile) },
      { _("E-mail"), dg_business_profile_get_email (profile) },
      { _("Currency"), dg_business_profile_get_currency (profile) },
      { _("Invoice numbers"), dg_business_profile_get_invoice_number_pattern (profile) },
      { _("Payment terms"), days_text },
    };

    dg_cli_print_fields (fields, G_N_ELEMENTS (fields));
  }
}

static int
run_profile_show (DgCli              *cli,
                  const DgCliCommand *command,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgBusinessProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  DgDatabase *db;
  gboolean json = FALSE;

  context = dg_cli_option_context_new (NULL, command->summary);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (!(db = dg_cli_get_database (cli, FALSE, &error)) ||
      !(profile = dg_business_profile_load (db, &error)))
    return dg_cli_fail (error);

  if (json)
    print_profile_json (profile);
  else
    print_profile_text (profile);

  return DG_CLI_EXIT_OK;
}

static int
run_profile_set (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgBusinessProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(DgCliPropertyValues) values = { NULL };
  DgDatabase *db;

  dg_cli_property_values_init (&values, profile_options, N_PROFILE_OPTIONS);
  context = dg_cli_change_context_new (NULL, command->summary, &values);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_expect_changes (&values))
    return DG_CLI_EXIT_USAGE;

  if (!(db = dg_cli_get_database (cli, TRUE, &error)) ||
      !(profile = dg_business_profile_load (db, &error)) ||
      !apply_profile_values (profile, &values, &error) ||
      !dg_business_profile_save (profile, db, &error))
    return dg_cli_fail (error);

  return DG_CLI_EXIT_OK;
}

static const DgCliCommand profile_commands[] = {
  { "show", N_("Show the business profile"), run_profile_show },
  { "set", N_("Change fields of the business profile"), run_profile_set },
  { NULL }
};

int
dg_cli_profile_run (DgCli              *cli,
                    const DgCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  return dg_cli_run_group (cli, command, profile_commands, argc, argv);
}
