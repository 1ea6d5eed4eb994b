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
  PROFILE_OPTION_CANCELLATION_NUMBER_PATTERN,
  PROFILE_OPTION_PAYMENT_TERMS_DAYS,
  PROFILE_OPTION_WEEK_START,
  PROFILE_OPTION_AUTO_APPROVE_DAYS,
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
  [PROFILE_OPTION_CANCELLATION_NUMBER_PATTERN] = { "cancellation-number-pattern", "cancellation-number-pattern", N_("The pattern of cancellation numbers, a series of their own, such as ST-{YYYY}-{NNNN}"), N_("PATTERN") },
  [PROFILE_OPTION_PAYMENT_TERMS_DAYS] = { "payment-terms-days", "payment-terms-days", N_("Days until an invoice is due"), N_("DAYS") },
  [PROFILE_OPTION_WEEK_START] = { "week-start", "week-start", N_("The first day of a timesheet week: monday … sunday"), N_("DAY") },
  [PROFILE_OPTION_AUTO_APPROVE_DAYS] = { "auto-approve-days", "auto-approve-days", N_("Approve a week still pending this many days after it ends (0: never)"), N_("DAYS") },
};

/* The weekdays as the option takes them, Monday first (GDateWeekday 1). */
static const char * const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static gboolean
parse_days (const char  *text,
            const char  *format,
            int         *out_days,
            GError     **error)
{
  gint64 days;

  /* The range is core's rule; this only makes sure the text is a number. */
  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &days, NULL))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID, format, text);
      return FALSE;
    }
  *out_days = (int) days;
  return TRUE;
}

static gboolean
apply_profile_values (DgBusinessProfile          *profile,
                      const DgCliPropertyValues  *values,
                      GError                    **error)
{
  const char *days_text = values->values[PROFILE_OPTION_PAYMENT_TERMS_DAYS];
  const char *week_start_text = values->values[PROFILE_OPTION_WEEK_START];
  const char *auto_days_text = values->values[PROFILE_OPTION_AUTO_APPROVE_DAYS];
  int days;

  dg_cli_set_string_properties (profile, values);

  if (days_text != NULL)
    {
      if (!parse_days (days_text, _("The payment terms “%s” are not a whole number of days."),
                       &days, error))
        return FALSE;
      g_object_set (profile, "payment-terms-days", days, NULL);
    }

  if (auto_days_text != NULL)
    {
      if (!parse_days (auto_days_text,
                       _("The automatic approval “%s” is not a whole number of days."),
                       &days, error))
        return FALSE;
      g_object_set (profile, "auto-approve-days", days, NULL);
    }

  if (week_start_text != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (weekday_names); i++)
        if (g_ascii_strcasecmp (week_start_text, weekday_names[i]) == 0)
          break;
      if (i == G_N_ELEMENTS (weekday_names))
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("“%s” is not a day of the week; use monday, tuesday, wednesday, thursday, friday, saturday or sunday."),
                       week_start_text);
          return FALSE;
        }
      g_object_set (profile, "week-start", (int) (G_DATE_MONDAY + i), NULL);
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
  dg_cli_json_add_string (builder, "cancellation_number_pattern",
                          dg_business_profile_get_cancellation_number_pattern (profile));
  dg_cli_json_add_int (builder, "payment_terms_days",
                       dg_business_profile_get_payment_terms_days (profile));
  dg_cli_json_add_string (builder, "week_start",
                          weekday_names[dg_business_profile_get_week_start (profile) - G_DATE_MONDAY]);
  dg_cli_json_add_int (builder, "auto_approve_days",
                       dg_business_profile_get_auto_approve_days (profile));
  json_builder_end_object (builder);

  dg_cli_print_json (builder);
}

static void
print_profile_text (DgBusinessProfile *profile)
{
  const char *iban = dg_business_profile_get_iban (profile);
  int days = dg_business_profile_get_payment_terms_days (profile);
  g_autofree char *iban_text = NULL;
  int auto_days = dg_business_profile_get_auto_approve_days (profile);
  g_autofree char *days_text = NULL;
  g_autofree char *week_start_text = NULL;
  g_autofree char *auto_days_text = NULL;
  GDate monday;

  iban_text = iban != NULL && *iban != '\0' ? dg_iban_format (iban) : g_strdup ("");
  days_text = g_strdup_printf (ngettext ("%d day", "%d days", days), days);
  /* 7 December 2026 is a Monday: the weekday's name in the user's language. */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 7 + dg_business_profile_get_week_start (profile) - G_DATE_MONDAY,
                  G_DATE_DECEMBER, 2026);
  week_start_text = g_malloc (64);
  if (g_date_strftime (week_start_text, 64, "%A", &monday) == 0)
    week_start_text[0] = '\0';
  auto_days_text = auto_days == 0
                   ? g_strdup (_("Off"))
                   : g_strdup_printf (ngettext ("%d day after the week ends",
                                                "%d days after the week ends", auto_days),
                                      auto_days);

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
      { _("Cancellation numbers"), dg_business_profile_get_cancellation_number_pattern (profile) },
      { _("Payment terms"), days_text },
      { _("Week starts on"), week_start_text },
      { _("Automatic approval"), auto_days_text },
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
