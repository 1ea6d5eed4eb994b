/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-invoice-text"

#include <stdio.h>
#include <string.h>

#include "dg-invoice-text.h"

/* No gettext in this file, on purpose: an invoice's language belongs to the
 * invoice (the assistant chose it), not to the user running the program, so
 * a German desktop prints an English invoice in English and the other way
 * round. Both languages are complete tables here; a third is a new column. */

static const char * const texts[DG_INVOICE_TEXT_N_TEXTS][2] = {
  [DG_INVOICE_TEXT_TITLE] =
    { "Self-billing invoice (Gutschrift)", "Gutschrift" },
  [DG_INVOICE_TEXT_SELF_BILLING_NOTE] =
    { "Issued by the recipient of the service under the self-billing procedure (§ 14 (2) UStG).",
      "Abrechnung im Gutschriftsverfahren durch den Leistungsempfänger (§ 14 Abs. 2 Satz 2 UStG)." },
  [DG_INVOICE_TEXT_DRAFT] =
    { "Draft", "Entwurf" },
  [DG_INVOICE_TEXT_WATERMARK] =
    { "DRAFT", "ENTWURF" },
  [DG_INVOICE_TEXT_NUMBER] =
    { "Invoice no.", "Gutschrift-Nr." },
  [DG_INVOICE_TEXT_CANCELLATION_NUMBER] =
    { "Cancellation no.", "Storno-Nr." },
  [DG_INVOICE_TEXT_ISSUE_DATE] =
    { "Issue date", "Datum" },
  [DG_INVOICE_TEXT_SERVICE_PERIOD] =
    { "Service period", "Leistungszeitraum" },
  [DG_INVOICE_TEXT_DUE_DATE] =
    { "Due date", "Fällig am" },
  [DG_INVOICE_TEXT_YOUR_TAX_NUMBER] =
    { "Your tax number", "Ihre Steuer-Nr." },
  [DG_INVOICE_TEXT_YOUR_VAT_ID] =
    { "Your VAT ID", "Ihre USt-IdNr." },
  [DG_INVOICE_TEXT_OUR_TAX_NUMBER] =
    { "Our tax number", "Unsere Steuer-Nr." },
  [DG_INVOICE_TEXT_OUR_VAT_ID] =
    { "Our VAT ID", "Unsere USt-IdNr." },
  [DG_INVOICE_TEXT_SELF_BILLING_AGREED] =
    { "Self-billing agreed on", "Gutschriftsverfahren vereinbart am" },
  [DG_INVOICE_TEXT_CANCEL_REASON] =
    { "Reason", "Grund" },
  [DG_INVOICE_TEXT_TAX_NUMBER_SHORT] =
    { "Tax no.", "St.-Nr." },
  [DG_INVOICE_TEXT_VAT_ID_SHORT] =
    { "VAT ID", "USt-IdNr." },
  [DG_INVOICE_TEXT_COLUMN_POSITION] =
    { "Pos.", "Pos." },
  [DG_INVOICE_TEXT_COLUMN_DATE] =
    { "Date", "Datum" },
  [DG_INVOICE_TEXT_COLUMN_DESCRIPTION] =
    { "Description", "Leistung" },
  [DG_INVOICE_TEXT_COLUMN_QUANTITY] =
    { "Quantity", "Menge" },
  [DG_INVOICE_TEXT_COLUMN_UNIT_PRICE] =
    { "Unit price", "Einzelpreis" },
  [DG_INVOICE_TEXT_COLUMN_RATE] =
    { "VAT", "USt." },
  [DG_INVOICE_TEXT_COLUMN_AMOUNT] =
    { "Amount", "Betrag" },
  [DG_INVOICE_TEXT_NET] =
    { "Net amount", "Nettobetrag" },
  [DG_INVOICE_TEXT_TOTAL] =
    { "Total", "Gesamtbetrag" },
  [DG_INVOICE_TEXT_NOTE_SMALL_BUSINESS] =
    { "No VAT is charged under the small-business exemption (§ 19 UStG).",
      "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet." },
  [DG_INVOICE_TEXT_NOTE_REVERSE_CHARGE] =
    { "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge: the recipient of the service owes the VAT.",
      "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge: Die Umsatzsteuer schuldet der Leistungsempfänger." },
  [DG_INVOICE_TEXT_NOTE_OUTSIDE_SCOPE] =
    { "Not subject to German VAT (service outside its scope).",
      "Nicht im Inland steuerbare Leistung." },
  [DG_INVOICE_TEXT_SUPPLIER_VAT_ID] =
    { "VAT ID of the supplier", "USt-IdNr. des Leistenden" },
  [DG_INVOICE_TEXT_RECIPIENT_VAT_ID] =
    { "VAT ID of the recipient", "USt-IdNr. des Leistungsempfängers" },
  [DG_INVOICE_TEXT_PAYMENT] =
    { "Payment", "Zahlung" },
  [DG_INVOICE_TEXT_HOURS_WITHOUT_TASK] =
    { "Hours without a task", "Stunden ohne Aufgabe" },
};

static const char * const month_names[12] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

/* Countries an assistant is likely to live in; an address names the
 * country, a code alone does not get a letter delivered. */
static const struct
{
  const char *code;
  const char *en;
  const char *de;
} countries[] = {
  { "AR", "Argentina", "Argentinien" },
  { "AT", "Austria", "Österreich" },
  { "AU", "Australia", "Australien" },
  { "BA", "Bosnia and Herzegovina", "Bosnien und Herzegowina" },
  { "BE", "Belgium", "Belgien" },
  { "BG", "Bulgaria", "Bulgarien" },
  { "BR", "Brazil", "Brasilien" },
  { "CA", "Canada", "Kanada" },
  { "CH", "Switzerland", "Schweiz" },
  { "CY", "Cyprus", "Zypern" },
  { "CZ", "Czechia", "Tschechien" },
  { "DE", "Germany", "Deutschland" },
  { "DK", "Denmark", "Dänemark" },
  { "EE", "Estonia", "Estland" },
  { "EG", "Egypt", "Ägypten" },
  { "ES", "Spain", "Spanien" },
  { "FI", "Finland", "Finnland" },
  { "FR", "France", "Frankreich" },
  { "GB", "United Kingdom", "Vereinigtes Königreich" },
  { "GR", "Greece", "Griechenland" },
  { "HR", "Croatia", "Kroatien" },
  { "HU", "Hungary", "Ungarn" },
  { "ID", "Indonesia", "Indonesien" },
  { "IE", "Ireland", "Irland" },
  { "IN", "India", "Indien" },
  { "IS", "Iceland", "Island" },
  { "IT", "Italy", "Italien" },
  { "JP", "Japan", "Japan" },
  { "KE", "Kenya", "Kenia" },
  { "KW", "Kuwait", "Kuwait" },
  { "LI", "Liechtenstein", "Liechtenstein" },
  { "LT", "Lithuania", "Litauen" },
  { "LU", "Luxembourg", "Luxemburg" },
  { "LV", "Latvia", "Lettland" },
  { "MA", "Morocco", "Marokko" },
  { "MT", "Malta", "Malta" },
  { "MX", "Mexico", "Mexiko" },
  { "NG", "Nigeria", "Nigeria" },
  { "NL", "Netherlands", "Niederlande" },
  { "NO", "Norway", "Norwegen" },
  { "NZ", "New Zealand", "Neuseeland" },
  { "PH", "Philippines", "Philippinen" },
  { "PK", "Pakistan", "Pakistan" },
  { "PL", "Poland", "Polen" },
  { "PT", "Portugal", "Portugal" },
  { "RO", "Romania", "Rumänien" },
  { "RS", "Serbia", "Serbien" },
  { "SE", "Sweden", "Schweden" },
  { "SI", "Slovenia", "Slowenien" },
  { "SK", "Slovakia", "Slowakei" },
  { "TR", "Türkiye", "Türkei" },
  { "UA", "Ukraine", "Ukraine" },
  { "US", "United States", "Vereinigte Staaten" },
  { "VN", "Viet Nam", "Vietnam" },
  { "ZA", "South Africa", "Südafrika" },
};

DgInvoiceLanguage
dg_invoice_language_from_code (const char *code)
{
  if (code != NULL && g_ascii_strncasecmp (code, "de", 2) == 0 &&
      (code[2] == '\0' || code[2] == '_' || code[2] == '-'))
    return DG_INVOICE_LANGUAGE_DE;
  return DG_INVOICE_LANGUAGE_EN;
}

const char *
dg_invoice_text_get (DgInvoiceLanguage language,
                     DgInvoiceTextId   id)
{
  g_return_val_if_fail (language <= DG_INVOICE_LANGUAGE_DE, NULL);
  g_return_val_if_fail (id < DG_INVOICE_TEXT_N_TEXTS, NULL);

  return texts[id][language];
}

void
dg_invoice_text_get_number_style (DgInvoiceLanguage  language,
                                  DgNumberStyle     *out_style)
{
  g_return_if_fail (out_style != NULL);

  if (language == DG_INVOICE_LANGUAGE_DE)
    *out_style = (DgNumberStyle) { ",", ".", FALSE, TRUE };
  else
    *out_style = (DgNumberStyle) { ".", ",", TRUE, FALSE };
}

char *
dg_invoice_text_format_money (DgInvoiceLanguage  language,
                              gint64             minor,
                              const char        *currency)
{
  DgNumberStyle style;
  DgMoney money;

  g_return_val_if_fail (currency != NULL, NULL);

  dg_invoice_text_get_number_style (language, &style);
  dg_money_init (&money, minor, currency);
  return dg_money_format_with_style (&money, &style);
}

static GDate *
parse_date (const char *iso_date)
{
  unsigned year, month, day;
  char tail;

  if (iso_date == NULL ||
      sscanf (iso_date, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_new_dmy (day, month, year);
}

char *
dg_invoice_text_format_date (DgInvoiceLanguage  language,
                             const char        *iso_date)
{
  g_autoptr(GDate) date = parse_date (iso_date);

  if (date == NULL)
    return g_strdup (iso_date != NULL ? iso_date : "");

  if (language == DG_INVOICE_LANGUAGE_DE)
    return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (date),
                            g_date_get_month (date), g_date_get_year (date));
  return g_strdup_printf ("%u %s %04u", g_date_get_day (date),
                          month_names[g_date_get_month (date) - 1], g_date_get_year (date));
}

char *
dg_invoice_text_format_short_date (DgInvoiceLanguage  language,
                                   const char        *iso_date)
{
  g_autoptr(GDate) date = parse_date (iso_date);

  if (date == NULL || language == DG_INVOICE_LANGUAGE_DE)
    return dg_invoice_text_format_date (language, iso_date);
  return g_strdup_printf ("%u %.3s %04u", g_date_get_day (date),
                          month_names[g_date_get_month (date) - 1], g_date_get_year (date));
}

char *
dg_invoice_text_format_period (DgInvoiceLanguage  language,
                               const char        *start,
                               const char        *end)
{
  g_autofree char *first = dg_invoice_text_format_date (language, start);
  g_autofree char *last = dg_invoice_text_format_date (language, end);

  if (g_strcmp0 (start, end) == 0 || *last == '\0')
    return g_steal_pointer (&first);
  return g_strdup_printf ("%s – %s", first, last);
}

char *
dg_invoice_text_format_hours (DgInvoiceLanguage  language,
                              gint64             minutes)
{
  guint64 magnitude = minutes < 0 ? -(guint64) minutes : (guint64) minutes;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ":%02u %s",
                          minutes < 0 ? "-" : "",
                          magnitude / 60, (guint) (magnitude % 60),
                          language == DG_INVOICE_LANGUAGE_DE ? "Std." : "h");
}

char *
dg_invoice_text_format_units (DgInvoiceLanguage  language,
                              gint64             quantity)
{
  DgNumberStyle style;
  guint64 magnitude = quantity < 0 ? -(guint64) quantity : (guint64) quantity;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  gsize length = strlen (digits);
  GString *out = g_string_new (quantity < 0 ? "-" : "");

  dg_invoice_text_get_number_style (language, &style);
  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, style.thousands_sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
dg_invoice_text_format_rate (DgInvoiceLanguage  language,
                             int                basis_points)
{
  DgNumberStyle style;
  const char *sign = basis_points < 0 ? "-" : "";
  guint magnitude = (guint) ABS (basis_points);
  guint whole = magnitude / 100;
  guint fraction = magnitude % 100;
  /* German puts a space before "%" (DIN 5008), English does not. */
  const char *percent = language == DG_INVOICE_LANGUAGE_DE ? " %" : "%";

  dg_invoice_text_get_number_style (language, &style);
  if (fraction == 0)
    return g_strdup_printf ("%s%u%s", sign, whole, percent);
  if (fraction % 10 == 0)
    return g_strdup_printf ("%s%u%s%u%s", sign, whole, style.decimal_point, fraction / 10, percent);
  return g_strdup_printf ("%s%u%s%02u%s", sign, whole, style.decimal_point, fraction, percent);
}

char *
dg_invoice_text_format_hourly_price (DgInvoiceLanguage  language,
                                     gint64             minor,
                                     const char        *currency)
{
  g_autofree char *price = dg_invoice_text_format_money (language, minor, currency);

  return g_strconcat (price, language == DG_INVOICE_LANGUAGE_DE ? "/Std." : "/h", NULL);
}

char *
dg_invoice_text_format_net_at_rate (DgInvoiceLanguage  language,
                                    int                basis_points)
{
  g_autofree char *rate = dg_invoice_text_format_rate (language, basis_points);

  if (language == DG_INVOICE_LANGUAGE_DE)
    return g_strdup_printf ("Nettobetrag %s", rate);
  return g_strdup_printf ("Net amount at %s", rate);
}

char *
dg_invoice_text_format_tax_at_rate (DgInvoiceLanguage  language,
                                    int                basis_points)
{
  g_autofree char *rate = dg_invoice_text_format_rate (language, basis_points);

  if (language == DG_INVOICE_LANGUAGE_DE)
    return g_strdup_printf ("USt. %s", rate);
  return g_strdup_printf ("VAT %s", rate);
}

char *
dg_invoice_text_format_page (DgInvoiceLanguage  language,
                             guint              page,
                             guint              n_pages)
{
  if (language == DG_INVOICE_LANGUAGE_DE)
    return g_strdup_printf ("Seite %u von %u", page, n_pages);
  return g_strdup_printf ("Page %u of %u", page, n_pages);
}

char *
dg_invoice_text_format_cancellation_title (DgInvoiceLanguage  language,
                                           const char        *cancelled_number)
{
  g_return_val_if_fail (cancelled_number != NULL, NULL);

  if (language == DG_INVOICE_LANGUAGE_DE)
    return g_strdup_printf ("Stornorechnung zur Gutschrift Nr. %s", cancelled_number);
  return g_strdup_printf ("Cancellation of self-billing invoice (Gutschrift) no. %s", cancelled_number);
}

char *
dg_invoice_text_format_cancellation_note (DgInvoiceLanguage  language,
                                          const char        *cancelled_number)
{
  g_return_val_if_fail (cancelled_number != NULL, NULL);

  if (language == DG_INVOICE_LANGUAGE_DE)
    return g_strdup_printf ("Diese Stornorechnung hebt die Gutschrift Nr. %s vollständig auf; "
                            "bereits gezahlte Beträge werden verrechnet.", cancelled_number);
  return g_strdup_printf ("This cancellation reverses self-billing invoice no. %s in full; "
                          "amounts already paid will be settled.", cancelled_number);
}

char *
dg_invoice_text_format_document_name (DgInvoiceLanguage  language,
                                      gboolean           cancellation,
                                      const char        *number)
{
  const char *name;

  g_return_val_if_fail (number != NULL, NULL);

  if (language == DG_INVOICE_LANGUAGE_DE)
    name = cancellation ? "Stornorechnung" : "Gutschrift";
  else
    name = cancellation ? "Cancellation" : "Self-billing invoice";
  return g_strdup_printf ("%s %s", name, number);
}

char *
dg_invoice_text_format_payment (DgInvoiceLanguage  language,
                                const char        *amount,
                                const char        *due_date,
                                const char        *iban,
                                const char        *bic,
                                const char        *reference)
{
  GString *out = g_string_new (NULL);
  gboolean de = language == DG_INVOICE_LANGUAGE_DE;

  g_return_val_if_fail (amount != NULL, NULL);

  if (de)
    g_string_append_printf (out, "Den Betrag von %s überweisen wir", amount);
  else
    g_string_append_printf (out, "We will transfer %s", amount);
  /* A draft may not have its dates yet. */
  if (due_date != NULL && *due_date != '\0')
    g_string_append_printf (out, de ? " bis zum %s" : " by %s", due_date);

  if (iban != NULL && *iban != '\0')
    {
      g_string_append_printf (out, de ? " auf Ihr Konto IBAN %s" : " to your account IBAN %s", iban);
      if (bic != NULL && *bic != '\0')
        g_string_append_printf (out, ", BIC %s", bic);
    }
  if (reference != NULL && *reference != '\0')
    g_string_append_printf (out, de ? ", Verwendungszweck: %s" : ", reference: %s", reference);
  g_string_append_c (out, '.');

  return g_string_free (out, FALSE);
}

const char *
dg_invoice_text_get_country_name (DgInvoiceLanguage  language,
                                  const char        *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      if (g_ascii_strcasecmp (countries[i].code, code) == 0)
        return language == DG_INVOICE_LANGUAGE_DE ? countries[i].de : countries[i].en;
    }
  return NULL;
}
