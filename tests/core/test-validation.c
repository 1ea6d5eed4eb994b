/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-validation"

#include <glib.h>
#include <string.h>

#include "dg-validation.h"

typedef gboolean (*Validator) (const char *text, GError **error);

static void
assert_valid (Validator   validate,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("valid: “%s”", text);
  g_assert_true (validate (text, &error));
  g_assert_no_error (error);
}

/* Returns the message so that callers can compare the reasons. */
static char *
assert_invalid (Validator   validate,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean blank = stripped[0] == '\0';

  g_test_message ("invalid: “%s”", text);
  g_assert_false (validate (text, &error));
  g_assert_error (error, DG_VALIDATION_ERROR,
                  blank ? DG_VALIDATION_ERROR_REQUIRED : DG_VALIDATION_ERROR_INVALID);
  /* A full sentence for the user. */
  g_assert_true (g_ascii_isupper (error->message[0]) || g_str_has_prefix (error->message, "“"));
  g_assert_true (g_str_has_suffix (error->message, "."));
  return g_strdup (error->message);
}

#define ASSERT_INVALID(validate, text) g_free (assert_invalid ((validate), (text)))

/* The message with the value itself taken out, to compare reasons. */
static char *
assert_invalid_reason (Validator   validate,
                       const char *text)
{
  g_autofree char *message = assert_invalid (validate, text);
  g_auto(GStrv) parts = g_strsplit (message, text, -1);

  return g_strjoinv ("…", parts);
}

/* ---- IBAN ------------------------------------------------------------- */

static const char * const valid_ibans[] = {
  "DE89 3704 0044 0532 0130 00",
  "GB82 WEST 1234 5698 7654 32",
  "FR14 2004 1010 0505 0001 3M02 606",
  "CH93 0076 2011 6238 5295 7",
  "NL91 ABNA 0417 1643 00",
  "AT61 1904 3002 3457 3201",
  "BE68 5390 0754 7034",
  "ES91 2100 0418 4502 0005 1332",
  "PL61 1090 1014 0000 0712 1981 2874",
  "SE45 5000 0000 0583 9825 7466",
  "IT60 X054 2811 1010 0000 0123 456",
  "NO93 8601 1117 947",
  "LU28 0019 4006 4475 0000",
  "IE29 AIBK 9311 5212 3456 78",
  "DK50 0040 0440 1162 43",
  "FI21 1234 5600 0007 85",
  "PT50 0002 0123 1234 5678 9015 4",
  "LI21 0881 0000 2324 013A A",
  "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
  "SA03 8000 0000 6080 1016 7519",
  "BR18 0036 0305 0000 1000 9795 493C 1",
  "HU42 1177 3016 1111 1018 0000 0000",
  "CZ65 0800 0000 1920 0014 5399",
  "GR16 0110 1250 0000 0001 2300 695",
  "RO49 AAAA 1B31 0075 9384 0000",
  "TR33 0006 1005 1978 6457 8413 26",
  "UA21 3223 1300 0002 6007 2335 6600 1",
  "XK05 1212 0123 4567 8906",
  "LC55 HEMM 0001 0001 0012 0012 0002 3015",
  "RU02 0445 2560 0407 0281 0412 3456 7890 1",
};

static void
test_iban_valid (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (valid_ibans); i++)
    {
      g_autofree char *compact = NULL;
      g_autofree char *lower = NULL;

      assert_valid (dg_validate_iban, valid_ibans[i]);

      compact = dg_iban_normalize (valid_ibans[i]);
      g_assert_null (strchr (compact, ' '));
      assert_valid (dg_validate_iban, compact);

      lower = g_ascii_strdown (valid_ibans[i], -1);
      assert_valid (dg_validate_iban, lower);
    }

  assert_valid (dg_validate_iban, "  de89370400440532013000  ");
  assert_valid (dg_validate_iban, "DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000");
}

static void
test_iban_invalid (void)
{
  g_autofree char *changed = NULL;
  g_autofree char *swapped = NULL;
  g_autofree char *swapped_check = NULL;
  g_autofree char *too_short = NULL;
  g_autofree char *too_long = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *bad_char = NULL;
  g_autofree char *bad_start = NULL;

  changed = assert_invalid_reason (dg_validate_iban, "DE89 3704 0044 0532 0130 01");
  swapped = assert_invalid_reason (dg_validate_iban, "DE89 3704 0044 0532 0310 00");
  swapped_check = assert_invalid_reason (dg_validate_iban, "DE98 3704 0044 0532 0130 00");
  ASSERT_INVALID (dg_validate_iban, "GB82 WEST 1234 5698 7654 23");
  ASSERT_INVALID (dg_validate_iban, "NL91 ABNA 0417 1643 01");
  ASSERT_INVALID (dg_validate_iban, "NL91 ABNB 0417 1643 00");
  too_short = assert_invalid_reason (dg_validate_iban, "DE89 3704 0044 0532 0130 0");
  too_long = assert_invalid_reason (dg_validate_iban, "DE89 3704 0044 0532 0130 000");
  ASSERT_INVALID (dg_validate_iban, "BE68 5390 0754 7034 1");
  unknown = assert_invalid_reason (dg_validate_iban, "XX89 3704 0044 0532 0130 00");
  ASSERT_INVALID (dg_validate_iban, "US12 3456 7890 1234");
  bad_start = assert_invalid_reason (dg_validate_iban, "D189 3704 0044 0532 0130 00");
  ASSERT_INVALID (dg_validate_iban, "DEA9 3704 0044 0532 0130 00");
  ASSERT_INVALID (dg_validate_iban, "89DE 3704 0044 0532 0130 00");
  bad_char = assert_invalid_reason (dg_validate_iban, "DE89-3704-0044-0532-0130-00");
  ASSERT_INVALID (dg_validate_iban, "DE89 3704 0044 0532 0130 0Ä");
  ASSERT_INVALID (dg_validate_iban, "DE8");
  ASSERT_INVALID (dg_validate_iban, "DE");
  ASSERT_INVALID (dg_validate_iban, "");
  ASSERT_INVALID (dg_validate_iban, "   ");

  /* The user learns what is wrong, not only that something is. */
  g_assert_cmpstr (changed, ==, swapped);
  g_assert_cmpstr (changed, !=, too_short);
  g_assert_cmpstr (changed, !=, unknown);
  g_assert_cmpstr (changed, !=, bad_char);
  g_assert_cmpstr (changed, !=, bad_start);
  g_assert_cmpstr (swapped_check, ==, changed);
  g_assert_cmpstr (too_short, !=, unknown);
  g_assert_cmpstr (too_short, !=, bad_char);
  g_assert_nonnull (strstr (too_short, "22"));
  g_assert_nonnull (strstr (too_short, "21"));
  g_assert_nonnull (strstr (too_long, "23"));
  g_assert_nonnull (strstr (unknown, "XX"));
  g_assert_nonnull (strstr (bad_char, "-"));
}

/* An independent MOD 97-10 in the way the standard describes it: nine
 * digits at a time, with the remainder carried in front. */
static guint
reference_mod97 (const char *iban)
{
  g_autofree char *rearranged = g_strconcat (iban + 4, (char[]) { iban[0], iban[1], iban[2], iban[3], 0 }, NULL);
  GString *digits = g_string_new (NULL);
  guint64 remainder = 0;

  for (const char *p = rearranged; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else
        g_string_append_printf (digits, "%d", *p - 'A' + 10);
    }

  for (gsize i = 0; i < digits->len; i += 7)
    {
      g_autofree char *chunk = g_strdup_printf ("%02" G_GUINT64_FORMAT "%.7s", remainder, digits->str + i);

      remainder = g_ascii_strtoull (chunk, NULL, 10) % 97;
    }

  g_string_free (digits, TRUE);
  return (guint) remainder;
}

static void
test_iban_random (void)
{
  static const struct { const char *country; guint length; } countries[] = {
    { "DE", 22 }, { "AT", 20 }, { "CH", 21 }, { "GB", 22 }, { "FR", 27 }, { "NL", 18 },
    { "ES", 24 }, { "IT", 27 }, { "PL", 28 }, { "SE", 24 }, { "BE", 16 }, { "NO", 15 },
    { "MT", 31 }, { "LC", 32 }, { "RU", 33 }, { "BR", 29 },
  };
  static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  for (guint i = 0; i < 5000; i++)
    {
      gsize c = g_test_rand_int_range (0, G_N_ELEMENTS (countries));
      guint length = countries[c].length;
      char iban[40] = { 0 };
      guint check;
      gsize pos;
      char original;

      memcpy (iban, countries[c].country, 2);
      iban[2] = iban[3] = '0';
      for (guint k = 4; k < length; k++)
        iban[k] = g_test_rand_bit () ? alphabet[g_test_rand_int_range (0, 10)]
                                     : alphabet[g_test_rand_int_range (0, 36)];

      check = 98 - reference_mod97 (iban);
      iban[2] = '0' + check / 10;
      iban[3] = '0' + check % 10;
      g_assert_cmpuint (reference_mod97 (iban), ==, 1);
      assert_valid (dg_validate_iban, iban);

      /* Any one character changed is caught. */
      pos = g_test_rand_int_range (2, length);
      original = iban[pos];
      do
        iban[pos] = g_ascii_isdigit (original) ? alphabet[g_test_rand_int_range (0, 10)]
                                               : alphabet[g_test_rand_int_range (10, 36)];
      while (iban[pos] == original);
      ASSERT_INVALID (dg_validate_iban, iban);
      iban[pos] = original;

      /* So is any swap of two neighbouring, different digits or letters.
       * (MOD 97-10 cannot see every letter–digit swap: "B1" and "1B" both
       * become 111.) */
      pos = g_test_rand_int_range (4, length - 1);
      if (iban[pos] != iban[pos + 1] &&
          g_ascii_isdigit (iban[pos]) == g_ascii_isdigit (iban[pos + 1]))
        {
          char tmp = iban[pos];

          iban[pos] = iban[pos + 1];
          iban[pos + 1] = tmp;
          ASSERT_INVALID (dg_validate_iban, iban);
        }
    }
}

static void
test_iban_format (void)
{
  g_autofree char *a = dg_iban_format ("de89370400440532013000");
  g_autofree char *b = dg_iban_format ("DE89 3704 0044 0532 0130 00");
  g_autofree char *c = dg_iban_format ("BE68 5390 0754 7034");
  g_autofree char *d = dg_iban_format ("NO9386011117947");
  g_autofree char *e = dg_iban_normalize (" de89 3704\t0044 0532 0130 00 ");
  g_autofree char *f = dg_iban_format ("");

  g_assert_cmpstr (a, ==, "DE89 3704 0044 0532 0130 00");
  g_assert_cmpstr (b, ==, "DE89 3704 0044 0532 0130 00");
  g_assert_cmpstr (c, ==, "BE68 5390 0754 7034");
  g_assert_cmpstr (d, ==, "NO93 8601 1117 947");
  g_assert_cmpstr (e, ==, "DE89370400440532013000");
  g_assert_cmpstr (f, ==, "");
}

/* ---- BIC -------------------------------------------------------------- */

static void
test_bic (void)
{
  static const char * const valid[] = {
    "DEUTDEFF", "DEUTDEFF500", "COBADEFFXXX", "BNPAFRPP", "UBSWCHZH80A",
    "NEDSZAJJXXX", "BOPIPHMM", "deut de ff", "DEUT DE FF 500",
  };
  static const char * const invalid[] = {
    "DEUTDEF", "DEUTDEFF5", "DEUTDEFF50", "DEUTDEFF5000", "DEU1DEFF", "DEUT1EFF",
    "DEUTXXFF", "DEUTDEF!", "DEUTDEFF50!", "DEUT-DE-FF", "", " ",
  };
  g_autofree char *normalized = dg_bic_normalize (" deut de ff ");

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (dg_validate_bic, valid[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    ASSERT_INVALID (dg_validate_bic, invalid[i]);

  g_assert_cmpstr (normalized, ==, "DEUTDEFF");
}

/* ---- VAT ID ----------------------------------------------------------- */

static void
test_vat_id (void)
{
  static const char * const valid[] = {
    "DE123456789", "DE 123 456 789", "de123456789", "ATU12345678", "ATU 1234 5678",
    "FRXX999999999", "FR12345678901", "FR 12 345678901", "NL123456789B01", "NL 1234.56.789.B.01",
    "BE0123456789", "BE1234567890", "BE 0123.456.789",
    "ESX1234567X", "ES12345678Z", "ESA12345678", "IT12345678901", "PL1234567890", "PL 123-456-78-90",
    "SE123456789001", "IE1234567T", "IE1234567WA", "IE1A23456T", "PT123456789",
    "CZ12345678", "CZ123456789", "CZ1234567890", "DK12345678", "FI12345678", "EL123456789",
    "HU12345678", "LU12345678", "RO12", "RO1234567890", "SK1234567890", "SI12345678",
    "LT123456789", "LT123456789012", "LV12345678901", "EE123456789", "HR12345678901",
    "BG123456789", "BG1234567890", "CY12345678X", "MT12345678",
    "GB123456789", "GB123456789012", "GB 123 4567 89", "GBGD001", "GBHA599",
    "XI123456789", "XIGD123",
    "CHE-123.456.789 MWST", "CHE-123.456.789", "CHE123456789TVA", "CHE-123.456.789 IVA",
    "NO123456789MVA", "PH123456789000", "US12", "AU12345678901",
  };
  static const char * const invalid[] = {
    "DE12345678", "DE1234567890", "DE12345678A", "DE12345678!", "ATU1234567", "AT12345678",
    "NL123456789B1", "NL123456789A01", "NL12345678B01", "BE2123456789", "BE012345678",
    "FR1234567890", "FRXX99999999", "IT1234567890", "PL123456789", "SE12345678901",
    "ES123456789", "IE12345678", "CY123456789", "RO1", "RO12345678901", "LT1234567890",
    "GB12345678", "GB1234567890", "GBGD0001", "GBXY123", "GR123456789",
    "CHE-123.456.78", "CHE123456789XYZ", "CH123456789", "CHE-123.456.789 VAT",
    "12345678", "D1", "DE", "QQ1234", "PH1", "US12345678901234", "US12_34",
    "", "  ",
  };
  g_autofree char *greek = NULL;
  g_autofree char *normalized = dg_vat_id_normalize ("che-123.456.789 mwst");

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (dg_validate_vat_id, valid[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    ASSERT_INVALID (dg_validate_vat_id, invalid[i]);

  greek = assert_invalid (dg_validate_vat_id, "GR 123456789");
  g_assert_nonnull (strstr (greek, "EL123456789"));
  g_assert_cmpstr (normalized, ==, "CHE123456789MWST");
}

/* ---- e-mail ----------------------------------------------------------- */

static void
test_email (void)
{
  static const char * const valid[] = {
    "a@b.de", "first.last+tag@example.co.uk", "user_name@sub-domain.example.com",
    "ANNA@EXAMPLE.ORG", "anna@xn--mller-kva.de", "jürgen@müller.de", "o'brien@example.ie",
    "1234@example.ph",
  };
  static const char * const invalid[] = {
    "plainaddress", "@example.com", "a@", "a@b", "a@@b.de", "a@b@c.de", "a b@c.de",
    " a@b.de", "a@b.de ", "a@b.de\n", "a@-b.de", "a@b-.de", "a@b..de", "a@.b.de", "a@b.de.",
    ".a@b.de", "a.@b.de", "a..b@c.de", "a@b.c", "a@1.2.3.4", "a,b@c.de", "a@b_c.de",
    "<a@b.de>", "Anna <a@b.de>", "", "   ",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (dg_validate_email, valid[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    ASSERT_INVALID (dg_validate_email, invalid[i]);
}

/* ---- time zone -------------------------------------------------------- */

static void
test_time_zone (void)
{
  static const char * const valid[] = {
    "Europe/Berlin", "Asia/Manila", "America/Argentina/Buenos_Aires", "Australia/Lord_Howe",
    "America/New_York", "Asia/Kolkata", "Africa/Lagos", "Pacific/Chatham", "UTC",
  };
  /* Zone names are case-sensitive: "Europe/berlin" would not be
   * understood by the calendars that receive it. */
  static const char * const invalid[] = {
    "Mars/Olympus", "Europe/berlin", "EUROPE/BERLIN", "Berlin", "Europe/Berlin ",
    " Europe/Berlin", "Europe/Berlin/Mitte", "CEST", "", "  ",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (dg_validate_time_zone, valid[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    ASSERT_INVALID (dg_validate_time_zone, invalid[i]);
}

static void
test_time_zone_suggestion (void)
{
  static const struct { const char *typed; const char *suggested; } cases[] = {
    { "manila", "Asia/Manila" },
    { "Berlin", "Europe/Berlin" },
    { "europe/berlin", "Europe/Berlin" },
    { " Buenos Aires ", "America/Argentina/Buenos_Aires" },
    { "Lord_Howe", "Australia/Lord_Howe" },
    { "Atlantis", NULL },
    { "", NULL },
  };
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *suggested = dg_time_zone_suggest (cases[i].typed);

      g_assert_cmpstr (suggested, ==, cases[i].suggested);
    }

  /* The message offers the suggestion. */
  g_assert_false (dg_validate_time_zone ("manila", &error));
  g_assert_nonnull (strstr (error->message, "Asia/Manila"));
}

/* ---- country ---------------------------------------------------------- */

static void
test_country_code (void)
{
  static const char * const valid[] = {
    "DE", "AT", "CH", "PH", "IN", "BR", "AR", "GB", "US", "XK", "AX", "SS", "SX", "ZW", "AD",
  };
  static const char * const invalid[] = {
    "UK", "EU", "XX", "EL", "D", "DEU", "D1", "AN", "YU", "", " ",
  };
  const char * const *codes = dg_country_get_codes ();
  g_autofree char *lower = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (dg_validate_country_code, valid[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    ASSERT_INVALID (dg_validate_country_code, invalid[i]);

  /* Lower case is refused with the right spelling in the message. */
  lower = assert_invalid (dg_validate_country_code, "de");
  g_assert_nonnull (strstr (lower, "DE"));

  /* 249 ISO 3166-1 codes and XK, sorted, each accepted. */
  g_assert_cmpuint (g_strv_length ((char **) codes), ==, 250);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      assert_valid (dg_validate_country_code, codes[i]);
      if (i > 0)
        g_assert_cmpstr (codes[i - 1], <, codes[i]);
    }
}

/* ---- date ------------------------------------------------------------- */

static void
test_date (void)
{
  static const char * const valid[] = {
    "2024-02-29", "2000-02-29", "2023-12-31", "1999-01-01", "2024-04-30",
  };
  static const char * const invalid[] = {
    "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00",
    "0000-01-01", "1.1.2024", "01.01.2024", "2024-1-01", "2024/01/01", "2024-01-01T00:00",
    "20240101", "2024-01-1", "24-01-01", "2024-0a-01", "", "  ",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (dg_validate_date, valid[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    ASSERT_INVALID (dg_validate_date, invalid[i]);
}

/* ---- invoice number pattern ------------------------------------------- */

static void
test_invoice_number_pattern (void)
{
  static const char * const valid[] = {
    "{YYYY}-{NNNN}", "RE-{NNNNNN}", "{N}", "{NNNNNNNNNN}", "GS/{YY}/{MM}/{NNN}",
    "INV_{YYYY}.{NNNN}", "{NNNN}-{YYYY}", "G{YYYY}{MM}{NNNN}",
  };
  static const char * const invalid[] = {
    "{YYYY}", "RE-2024", "{NN}{NN}", "{NNN}-{N}", "{FOO}-{NNN}", "{NNN", "NNN}", "{NNN}}",
    "{{NNN}}", "{NNNNNNNNNNN}", "{}{NNN}", "{yyyy}-{NNNN}", "{nnnn}", "{DD}-{NNNN}",
    "RE {NNNN}", "RE#{NNNN}", "RE-{NNNN}-ä", "{YYYY-NNNN}", "", "  ",
  };
  g_autofree char *unknown = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (dg_validate_invoice_number_pattern, valid[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    ASSERT_INVALID (dg_validate_invoice_number_pattern, invalid[i]);

  unknown = assert_invalid (dg_validate_invoice_number_pattern, "{FOO}-{NNN}");
  g_assert_nonnull (strstr (unknown, "{FOO}"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validation/iban/valid", test_iban_valid);
  g_test_add_func ("/validation/iban/invalid", test_iban_invalid);
  g_test_add_func ("/validation/iban/random", test_iban_random);
  g_test_add_func ("/validation/iban/format", test_iban_format);
  g_test_add_func ("/validation/bic", test_bic);
  g_test_add_func ("/validation/vat-id", test_vat_id);
  g_test_add_func ("/validation/email", test_email);
  g_test_add_func ("/validation/time-zone", test_time_zone);
  g_test_add_func ("/validation/time-zone-suggestion", test_time_zone_suggestion);
  g_test_add_func ("/validation/country-code", test_country_code);
  g_test_add_func ("/validation/date", test_date);
  g_test_add_func ("/validation/invoice-number-pattern", test_invoice_number_pattern);

  return g_test_run ();
}
