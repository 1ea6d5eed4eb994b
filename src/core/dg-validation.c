/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-validation"

#include "dg-validation.h"
#include "dg-money.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

G_DEFINE_QUARK (dg-validation-error-quark, dg_validation_error)

/* ISO 3166-1 alpha-2, all officially assigned codes, plus XK (Kosovo), a
 * user-assigned code that the EU, SWIFT IBANs and VAT IDs use. Sorted. */
static const char * const country_codes[] = {
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
  "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
  "BT", "BV", "BW", "BY", "BZ",
  "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW",
  "CX", "CY", "CZ",
  "DE", "DJ", "DK", "DM", "DO", "DZ",
  "EC", "EE", "EG", "EH", "ER", "ES", "ET",
  "FI", "FJ", "FK", "FM", "FO", "FR",
  "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT",
  "GU", "GW", "GY",
  "HK", "HM", "HN", "HR", "HT", "HU",
  "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT",
  "JE", "JM", "JO", "JP",
  "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ",
  "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY",
  "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
  "MT", "MU", "MV", "MW", "MX", "MY", "MZ",
  "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
  "OM",
  "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY",
  "QA",
  "RE", "RO", "RS", "RU", "RW",
  "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
  "ST", "SV", "SX", "SY", "SZ",
  "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ",
  "UA", "UG", "UM", "US", "UY", "UZ",
  "VA", "VC", "VE", "VG", "VI", "VN", "VU",
  "WF", "WS",
  "XK",
  "YE", "YT",
  "ZA", "ZM", "ZW",
  NULL
};

/* IBAN length per country, from the SWIFT IBAN registry. */
static const struct
{
  char  country[3];
  guint length;
} iban_lengths[] = {
  { "AD", 24 }, { "AE", 23 }, { "AL", 28 }, { "AT", 20 }, { "AZ", 28 }, { "BA", 20 },
  { "BE", 16 }, { "BG", 22 }, { "BH", 22 }, { "BI", 27 }, { "BR", 29 }, { "BY", 28 },
  { "CH", 21 }, { "CR", 22 }, { "CY", 28 }, { "CZ", 24 }, { "DE", 22 }, { "DJ", 27 },
  { "DK", 18 }, { "DO", 28 }, { "EE", 20 }, { "EG", 29 }, { "ES", 24 }, { "FI", 18 },
  { "FK", 18 }, { "FO", 18 }, { "FR", 27 }, { "GB", 22 }, { "GE", 22 }, { "GI", 23 },
  { "GL", 18 }, { "GR", 27 }, { "GT", 28 }, { "HN", 28 }, { "HR", 21 }, { "HU", 28 },
  { "IE", 22 }, { "IL", 23 }, { "IQ", 23 }, { "IS", 26 }, { "IT", 27 }, { "JO", 30 },
  { "KW", 30 }, { "KZ", 20 }, { "LB", 28 }, { "LC", 32 }, { "LI", 21 }, { "LT", 20 },
  { "LU", 20 }, { "LV", 21 }, { "LY", 25 }, { "MC", 27 }, { "MD", 24 }, { "ME", 22 },
  { "MK", 19 }, { "MN", 20 }, { "MR", 27 }, { "MT", 31 }, { "MU", 30 }, { "NI", 28 },
  { "NL", 18 }, { "NO", 15 }, { "OM", 23 }, { "PK", 24 }, { "PL", 28 }, { "PS", 29 },
  { "PT", 25 }, { "QA", 29 }, { "RO", 24 }, { "RS", 22 }, { "RU", 33 }, { "SA", 24 },
  { "SC", 31 }, { "SD", 18 }, { "SE", 24 }, { "SI", 19 }, { "SK", 24 }, { "SM", 27 },
  { "SO", 23 }, { "ST", 25 }, { "SV", 28 }, { "TL", 23 }, { "TN", 24 }, { "TR", 26 },
  { "UA", 29 }, { "VA", 22 }, { "VG", 24 }, { "XK", 20 }, { "YE", 30 },
};

gboolean
dg_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* Checks what every validator checks first; FALSE with an error if @text is
 * not UTF-8 or is empty. */
static gboolean
check_present (const char  *text,
               const char  *required_message,
               GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The text contains characters that are not valid. Type it again."));
      return FALSE;
    }

  if (dg_text_is_blank (text))
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                           required_message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
all_chars (const char *text,
           gsize       len,
           gboolean  (*pred) (gchar c))
{
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\0' || !pred (text[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_digit (gchar c)
{
  return g_ascii_isdigit (c);
}

static gboolean
is_upper (gchar c)
{
  return g_ascii_isupper (c);
}

static gboolean
is_upper_alnum (gchar c)
{
  return g_ascii_isdigit (c) || g_ascii_isupper (c);
}

/* ---- e-mail ----------------------------------------------------------- */

static gboolean
is_valid_domain_label (const char *label,
                       gsize       len)
{
  if (len == 0 || len > 63 || label[0] == '-' || label[len - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = label[i];

      /* Bytes >= 0x80 belong to internationalised domain names. */
      if (!g_ascii_isalnum (c) && c != '-' && c < 0x80)
        return FALSE;
    }

  return TRUE;
}

/* Characters that are only allowed in quoted local parts, which nobody
 * types into a form. */
static gboolean
has_special_char (const char *local,
                  gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (strchr ("()<>[]\\,;:\"", local[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

gboolean
dg_validate_email (const char  *text,
                   GError     **error)
{
  const char *at;
  const char *domain;
  const char *label;
  gsize local_len;
  gboolean all_digits_tld = TRUE;
  gsize tld_len = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_present (text, _("Enter an e-mail address."), error))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("The e-mail address “%s” contains a space. Remove it."), text);
          return FALSE;
        }
    }

  at = strchr (text, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not an e-mail address. It needs exactly one “@”, as in name@example.com."),
                   text);
      return FALSE;
    }

  local_len = at - text;
  domain = at + 1;

  if (local_len == 0 || local_len > 64 ||
      text[0] == '.' || text[local_len - 1] == '.' ||
      g_strstr_len (text, local_len, "..") != NULL ||
      has_special_char (text, local_len))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The part before the “@” in “%s” is not valid. Check the e-mail address."),
                   text);
      return FALSE;
    }

  if (strchr (domain, '.') == NULL || strlen (domain) > 253)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The domain of “%s” is not complete. It needs a dot, as in example.com."),
                   text);
      return FALSE;
    }

  label = domain;
  for (;;)
    {
      const char *dot = strchr (label, '.');
      gsize len = dot != NULL ? (gsize) (dot - label) : strlen (label);

      if (!is_valid_domain_label (label, len))
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("The domain of “%s” is not valid. Check the part after the “@”."),
                       text);
          return FALSE;
        }

      if (dot == NULL)
        {
          all_digits_tld = all_chars (label, len, is_digit);
          tld_len = len;
          break;
        }
      label = dot + 1;
    }

  /* A numeric or one-letter top-level label is an IP address or a typo. */
  if (all_digits_tld || tld_len < 2)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The domain of “%s” is not valid. Check the part after the “@”."),
                   text);
      return FALSE;
    }

  return TRUE;
}

/* ---- time zone -------------------------------------------------------- */

gboolean
dg_validate_time_zone (const char  *tzid,
                       GError     **error)
{
  g_return_val_if_fail (tzid != NULL, FALSE);

  if (!check_present (tzid, _("Choose a time zone."), error))
    return FALSE;

  /* Zone names are case-sensitive in every calendar that will read them, so
   * "Europe/berlin" is refused rather than silently corrected. */
  if (icaltimezone_get_builtin_timezone (tzid) == NULL)
    {
      g_autofree char *suggestion = dg_time_zone_suggest (tzid);

      if (suggestion != NULL)
        g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                     _("“%s” is not a time zone name: write it as %s."),
                     tzid, suggestion);
      else
        g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                     _("“%s” is not a known time zone. Use a name such as Europe/Berlin or Asia/Manila."),
                     tzid);
      return FALSE;
    }

  return TRUE;
}

char *
dg_time_zone_get_default (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *identifier = g_time_zone_get_identifier (local);

  if (identifier != NULL && icaltimezone_get_builtin_timezone (identifier) != NULL)
    return g_strdup (identifier);
  return g_strdup ("UTC");
}

char *
dg_time_zone_suggest (const char *text)
{
  icalarray *zones = icaltimezone_get_builtin_timezones ();
  g_autofree char *trimmed = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* People type the city ("manila", "Buenos Aires") or get the case wrong
   * ("europe/berlin"): compare without case, with spaces as underscores. */
  trimmed = g_strstrip (g_strdup (text));
  wanted = g_strdelimit (g_ascii_strdown (trimmed, -1), " ", '_');
  if (*wanted == '\0')
    return NULL;

  for (size_t i = 0; i < zones->num_elements; i++)
    {
      icaltimezone *zone = icalarray_element_at (zones, i);
      const char *location = icaltimezone_get_location (zone);
      const char *city;
      g_autofree char *folded = NULL;

      if (location == NULL)
        continue;
      folded = g_ascii_strdown (location, -1);
      city = strrchr (folded, '/');
      if (g_str_equal (folded, wanted) || (city != NULL && g_str_equal (city + 1, wanted)))
        return g_strdup (location);
    }
  return NULL;
}

/* ---- currency --------------------------------------------------------- */

gboolean
dg_validate_currency (const char  *code,
                      GError     **error)
{
  if (code == NULL || !dg_currency_is_known (code))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not a currency code Delegate knows. Use an ISO 4217 code such as EUR or USD."),
                   code ? code : "");
      return FALSE;
    }
  return TRUE;
}

/* ---- country ---------------------------------------------------------- */

static gboolean
country_is_known (const char *code)
{
  for (gsize i = 0; country_codes[i] != NULL; i++)
    {
      if (strcmp (code, country_codes[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

const char * const *
dg_country_get_codes (void)
{
  return country_codes;
}

gboolean
dg_validate_country_code (const char  *code,
                          GError     **error)
{
  g_return_val_if_fail (code != NULL, FALSE);

  if (!check_present (code, _("Choose a country."), error))
    return FALSE;

  if (country_is_known (code))
    return TRUE;

  if (strlen (code) == 2 && !all_chars (code, 2, is_upper))
    {
      g_autofree char *upper = g_ascii_strup (code, -1);

      if (country_is_known (upper))
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("Write the country code in capital letters: “%s”."), upper);
          return FALSE;
        }
    }

  g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
               _("“%s” is not a country code. Use the two letters of ISO 3166, such as DE or PH."),
               code);
  return FALSE;
}

/* ---- IBAN and BIC ----------------------------------------------------- */

/* Upper case without any white space; NULL if @text is not UTF-8. */
static char *
normalize_account_text (const char *text)
{
  GString *out;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c < 0x80 ? (gunichar) g_ascii_toupper (c) : c);
    }

  return g_string_free (out, FALSE);
}

char *
dg_iban_normalize (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return normalize_account_text (text);
}

char *
dg_iban_format (const char *text)
{
  g_autofree char *iban = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  iban = normalize_account_text (text);
  if (iban == NULL)
    return g_utf8_make_valid (text, -1);

  out = g_string_new (NULL);
  for (const char *p = iban; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (p != iban && g_utf8_pointer_to_offset (iban, p) % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, g_utf8_get_char (p));
    }

  return g_string_free (out, FALSE);
}

static guint
iban_length_for (const char *country)
{
  for (gsize i = 0; i < G_N_ELEMENTS (iban_lengths); i++)
    {
      if (strncmp (country, iban_lengths[i].country, 2) == 0)
        return iban_lengths[i].length;
    }

  return 0;
}

/* ISO 7064 MOD 97-10 on the rearranged IBAN, one character at a time, so
 * the 30-digit number never has to exist. */
static guint
iban_mod97 (const char *iban)
{
  gsize len = strlen (iban);
  guint remainder = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = iban[(i + 4) % len];

      if (g_ascii_isdigit (c))
        remainder = (remainder * 10 + (c - '0')) % 97;
      else
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    }

  return remainder;
}

gboolean
dg_validate_iban (const char  *text,
                  GError     **error)
{
  g_autofree char *iban = NULL;
  guint expected_length;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_present (text, _("Enter an IBAN."), error))
    return FALSE;

  iban = normalize_account_text (text);
  length = strlen (iban);

  for (const char *p = iban; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!is_upper_alnum (*p))
        {
          g_autofree char *bad = g_strndup (p, g_utf8_next_char (p) - p);

          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("An IBAN contains only letters and digits, but “%s” contains “%s”. Remove it."),
                       text, bad);
          return FALSE;
        }
    }

  if (length < 4 || !all_chars (iban, 2, is_upper) || !all_chars (iban + 2, 2, is_digit))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not an IBAN. An IBAN starts with a country code and two check digits, such as DE89."),
                   text);
      return FALSE;
    }

  expected_length = iban_length_for (iban);
  if (expected_length == 0)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%.2s” is not a country that uses IBANs. Check the first two letters."),
                   iban);
      return FALSE;
    }

  if (length != expected_length)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("An IBAN from %.2s has %u characters, but this one has %u. Check for a missing or extra character."),
                   iban, expected_length, (guint) length);
      return FALSE;
    }

  if (iban_mod97 (iban) != 1)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The check digits of the IBAN “%s” do not match. Look for a mistyped or swapped digit."),
                   text);
      return FALSE;
    }

  return TRUE;
}

char *
dg_bic_normalize (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return normalize_account_text (text);
}

gboolean
dg_validate_bic (const char  *text,
                 GError     **error)
{
  g_autofree char *bic = NULL;
  gsize length;
  char country[3] = { 0 };

  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_present (text, _("Enter a BIC."), error))
    return FALSE;

  bic = normalize_account_text (text);
  length = strlen (bic);

  if ((length != 8 && length != 11) ||
      !all_chars (bic, 4, is_upper) ||
      !all_chars (bic + 4, 2, is_upper) ||
      !all_chars (bic + 6, length - 6, is_upper_alnum))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not a BIC. A BIC has 8 or 11 letters and digits, such as DEUTDEFF or DEUTDEFF500."),
                   text);
      return FALSE;
    }

  memcpy (country, bic + 4, 2);
  if (!country_is_known (country))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The BIC “%s” names the country “%s”, which does not exist. Check letters 5 and 6."),
                   text, country);
      return FALSE;
    }

  return TRUE;
}

/* ---- VAT identification number ---------------------------------------- */

/* One alternative of a country's format, written as runs of a character
 * class: 'd' digits, 'a' capital letters, 'x' either, or a literal capital,
 * each with a minimum and maximum count. */
typedef struct
{
  char  cls;
  guint8 min;
  guint8 max;
} VatRun;

#define VAT_MAX_RUNS 4

typedef struct
{
  char        prefix[3];
  const char *example;
  VatRun      runs[VAT_MAX_RUNS];
} VatFormat;

/* EU members (Greece as EL), Northern Ireland (XI), the United Kingdom and
 * Switzerland; a country may have more than one line. */
static const VatFormat vat_formats[] = {
  { "AT", "ATU12345678", { { 'U', 1, 1 }, { 'd', 8, 8 } } },
  { "BE", "BE0123456789", { { 'd', 10, 10 } } },   /* first digit 0 or 1, checked below */
  { "BG", "BG123456789", { { 'd', 9, 10 } } },
  { "CY", "CY12345678X", { { 'd', 8, 8 }, { 'a', 1, 1 } } },
  { "CZ", "CZ12345678", { { 'd', 8, 10 } } },
  { "DE", "DE123456789", { { 'd', 9, 9 } } },
  { "DK", "DK12345678", { { 'd', 8, 8 } } },
  { "EE", "EE123456789", { { 'd', 9, 9 } } },
  { "EL", "EL123456789", { { 'd', 9, 9 } } },
  { "ES", "ESX1234567X", { { 'a', 1, 1 }, { 'd', 7, 7 }, { 'x', 1, 1 } } },
  { "ES", "ESX1234567X", { { 'd', 8, 8 }, { 'a', 1, 1 } } },   /* a letter at one end */
  { "FI", "FI12345678", { { 'd', 8, 8 } } },
  { "FR", "FRXX123456789", { { 'x', 2, 2 }, { 'd', 9, 9 } } },
  { "GB", "GB123456789", { { 'd', 9, 9 } } },
  { "GB", "GB123456789", { { 'd', 12, 12 } } },
  { "GB", "GB123456789", { { 'G', 1, 1 }, { 'D', 1, 1 }, { 'd', 3, 3 } } },   /* government departments */
  { "GB", "GB123456789", { { 'H', 1, 1 }, { 'A', 1, 1 }, { 'd', 3, 3 } } },   /* health authorities */
  { "HR", "HR12345678901", { { 'd', 11, 11 } } },
  { "HU", "HU12345678", { { 'd', 8, 8 } } },
  { "IE", "IE1234567X", { { 'd', 7, 7 }, { 'a', 1, 2 } } },
  { "IE", "IE1234567X", { { 'd', 1, 1 }, { 'x', 1, 1 }, { 'd', 5, 5 }, { 'a', 1, 1 } } },
  { "IT", "IT12345678901", { { 'd', 11, 11 } } },
  { "LT", "LT123456789", { { 'd', 9, 9 } } },
  { "LT", "LT123456789", { { 'd', 12, 12 } } },
  { "LU", "LU12345678", { { 'd', 8, 8 } } },
  { "LV", "LV12345678901", { { 'd', 11, 11 } } },
  { "MT", "MT12345678", { { 'd', 8, 8 } } },
  { "NL", "NL123456789B01", { { 'd', 9, 9 }, { 'B', 1, 1 }, { 'd', 2, 2 } } },
  { "PL", "PL1234567890", { { 'd', 10, 10 } } },
  { "PT", "PT123456789", { { 'd', 9, 9 } } },
  { "RO", "RO1234567890", { { 'd', 2, 10 } } },
  { "SE", "SE123456789001", { { 'd', 12, 12 } } },
  { "SI", "SI12345678", { { 'd', 8, 8 } } },
  { "SK", "SK1234567890", { { 'd', 10, 10 } } },
  { "XI", "XI123456789", { { 'd', 9, 9 } } },
  { "XI", "XI123456789", { { 'd', 12, 12 } } },
  { "XI", "XI123456789", { { 'G', 1, 1 }, { 'D', 1, 1 }, { 'd', 3, 3 } } },
  { "XI", "XI123456789", { { 'H', 1, 1 }, { 'A', 1, 1 }, { 'd', 3, 3 } } },
};

static gboolean
vat_char_matches (char cls,
                  char c)
{
  switch (cls)
    {
    case 'd':
      return g_ascii_isdigit (c);
    case 'a':
      return g_ascii_isupper (c);
    case 'x':
      return is_upper_alnum (c);
    default:
      return c == cls;
    }
}

/* Runs are matched greedily. That is enough here: wherever two neighbouring
 * runs can match the same character, the first has a fixed length. */
static gboolean
vat_matches (const VatFormat *format,
             const char      *number)
{
  const char *p = number;

  for (guint r = 0; r < VAT_MAX_RUNS && format->runs[r].cls != '\0'; r++)
    {
      const VatRun *run = &format->runs[r];
      guint count = 0;

      while (count < run->max && *p != '\0' && vat_char_matches (run->cls, *p))
        {
          count++;
          p++;
        }

      if (count < run->min)
        return FALSE;
    }

  return *p == '\0';
}

char *
dg_vat_id_normalize (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != ' ' && *p != '.' && *p != '-' && *p != '\t')
        g_string_append_c (out, g_ascii_toupper (*p));
    }

  return g_string_free (out, FALSE);
}

static gboolean
set_vat_invalid (const char  *text,
                 const char  *example,
                 GError     **error)
{
  g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
               _("“%s” is not a valid VAT ID for this country. It should look like %s."),
               text, example);
  return FALSE;
}

static gboolean
validate_swiss_uid (const char  *text,
                    const char  *number,
                    GError     **error)
{
  static const char * const suffixes[] = { "", "MWST", "TVA", "IVA", NULL };

  /* CHE + 9 digits, then the language's word for VAT, if any. */
  if (g_str_has_prefix (number, "CHE") && all_chars (number + 3, 9, is_digit))
    {
      for (gsize i = 0; suffixes[i] != NULL; i++)
        {
          if (strcmp (number + 12, suffixes[i]) == 0)
            return TRUE;
        }
    }

  return set_vat_invalid (text, "CHE-123.456.789 MWST", error);
}

gboolean
dg_validate_vat_id (const char  *text,
                    GError     **error)
{
  g_autofree char *vat = NULL;
  char prefix[3] = { 0 };
  const char *example = NULL;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_present (text, _("Enter a VAT ID."), error))
    return FALSE;

  vat = dg_vat_id_normalize (text);
  length = strlen (vat);

  if (length < 2 || !all_chars (vat, 2, is_upper))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not a VAT ID. A VAT ID starts with the two letters of its country, such as DE."),
                   text);
      return FALSE;
    }

  memcpy (prefix, vat, 2);

  if (strcmp (prefix, "CH") == 0)
    return validate_swiss_uid (text, vat, error);

  if (strcmp (prefix, "GR") == 0)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("Greek VAT IDs start with EL, not GR. Write “EL%s”."), vat + 2);
      return FALSE;
    }

  if (strcmp (prefix, "EL") != 0 && strcmp (prefix, "XI") != 0 && !country_is_known (prefix))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” does not start with a country code. Check the first two letters."),
                   text);
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (vat_formats); i++)
    {
      if (strcmp (vat_formats[i].prefix, prefix) != 0)
        continue;

      if (example == NULL)
        example = vat_formats[i].example;
      if (vat_matches (&vat_formats[i], vat + 2) &&
          (strcmp (prefix, "BE") != 0 || vat[2] == '0' || vat[2] == '1'))
        return TRUE;
    }

  if (example != NULL)
    return set_vat_invalid (text, example, error);

  /* Countries outside the EU write their tax numbers in many ways. */
  if (length < 4 || length > 15 || !all_chars (vat + 2, length - 2, is_upper_alnum))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not a VAT ID. After the country code, enter 2 to 13 letters and digits."),
                   text);
      return FALSE;
    }

  return TRUE;
}

/* ---- date ------------------------------------------------------------- */

gboolean
dg_validate_date (const char  *text,
                  GError     **error)
{
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_present (text, _("Enter a date."), error))
    return FALSE;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !all_chars (text, 4, is_digit) ||
      !all_chars (text + 5, 2, is_digit) ||
      !all_chars (text + 8, 2, is_digit))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not a date in the form YYYY-MM-DD, such as 2024-03-31."),
                   text);
      return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The date “%s” does not exist. Check the month and the day."),
                   text);
      return FALSE;
    }

  return TRUE;
}

/* ---- invoice number pattern ------------------------------------------- */

static gboolean
is_pattern_text_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '/' || c == '.';
}

gboolean
dg_validate_invoice_number_pattern (const char  *pattern,
                                    GError     **error)
{
  guint counters = 0;

  g_return_val_if_fail (pattern != NULL, FALSE);

  if (!check_present (pattern, _("Enter an invoice number pattern, such as {YYYY}-{NNNN}."), error))
    return FALSE;

  for (const char *p = pattern; *p != '\0';)
    {
      if (*p == '{')
        {
          const char *close = strchr (p + 1, '}');
          const char *open = strchr (p + 1, '{');
          gsize len;

          if (close == NULL || (open != NULL && open < close))
            {
              g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("A “{” in “%s” is not closed. Write placeholders as {NNNN}."),
                           pattern);
              return FALSE;
            }

          len = close - (p + 1);
          if (len >= 1 && len <= 10 && strspn (p + 1, "N") == len)
            counters++;
          else if (!(len == 4 && strncmp (p + 1, "YYYY", 4) == 0) &&
                   !(len == 2 && strncmp (p + 1, "YY", 2) == 0) &&
                   !(len == 2 && strncmp (p + 1, "MM", 2) == 0))
            {
              g_autofree char *name = g_strndup (p, len + 2);

              g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("“%s” is not a placeholder. Use {YYYY}, {YY}, {MM} and a counter from {N} to {NNNNNNNNNN}."),
                           name);
              return FALSE;
            }

          p = close + 1;
        }
      else if (*p == '}')
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("A “}” in “%s” has no matching “{”. Remove it."),
                       pattern);
          return FALSE;
        }
      else if (!is_pattern_text_char (*p))
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("The number pattern “%s” may contain only letters, digits, - _ / . and placeholders."),
                       pattern);
          return FALSE;
        }
      else
        p++;
    }

  if (counters != 1)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   counters == 0
                   ? _("The number pattern “%s” has no counter. Add one, such as {NNNN}.")
                   : _("The number pattern “%s” has more than one counter. Keep only one {N…}."),
                   pattern);
      return FALSE;
    }

  return TRUE;
}
