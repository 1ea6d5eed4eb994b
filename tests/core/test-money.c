/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-money"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "dg-money.h"

static const DgNumberStyle german = { ",", ".", FALSE, TRUE };
static const DgNumberStyle english = { ".", ",", TRUE, FALSE };
static const DgNumberStyle french = { ",", "\u202f", FALSE, TRUE };

static void
test_currency_table (void)
{
  static const struct { const char *code; int digits; } cases[] = {
    { "EUR", 2 }, { "USD", 2 }, { "GBP", 2 }, { "CHF", 2 }, { "PLN", 2 },
    { "SEK", 2 }, { "PHP", 2 }, { "INR", 2 }, { "BRL", 2 }, { "ARS", 2 },
    { "CAD", 2 }, { "AUD", 2 }, { "NZD", 2 }, { "MXN", 2 }, { "COP", 2 },
    { "ZAR", 2 }, { "NGN", 2 }, { "KES", 2 }, { "UAH", 2 }, { "RON", 2 },
    { "HUF", 2 }, { "CZK", 2 }, { "DKK", 2 }, { "NOK", 2 }, { "TRY", 2 },
    { "JPY", 0 }, { "CLP", 0 }, { "KRW", 0 }, { "VND", 0 }, { "ISK", 0 },
    { "KWD", 3 }, { "BHD", 3 }, { "TND", 3 }, { "OMR", 3 }, { "JOD", 3 },
    { "IQD", 3 }, { "LYD", 3 },
  };
  const char * const *codes;
  guint n_codes;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].code);
      g_assert_true (dg_currency_is_known (cases[i].code));
      g_assert_cmpint (dg_currency_get_minor_digits (cases[i].code), ==, cases[i].digits);
    }

  g_assert_false (dg_currency_is_known ("XYZ"));
  g_assert_false (dg_currency_is_known ("eur"));
  g_assert_false (dg_currency_is_known (""));
  g_assert_false (dg_currency_is_known ("DEM"));   /* withdrawn in 2002 */
  g_assert_cmpint (dg_currency_get_minor_digits ("XYZ"), ==, -1);

  codes = dg_currency_get_codes ();
  n_codes = g_strv_length ((char **) codes);
  g_assert_cmpuint (n_codes, >, 140);
  for (guint i = 0; i < n_codes; i++)
    {
      g_assert_cmpuint (strlen (codes[i]), ==, 3);
      g_assert_true (g_ascii_isupper (codes[i][0]) && g_ascii_isupper (codes[i][1]) &&
                     g_ascii_isupper (codes[i][2]));
      g_assert_true (dg_currency_is_known (codes[i]));
      if (i > 0)
        g_assert_cmpstr (codes[i - 1], <, codes[i]);
    }
  g_assert_true (g_strv_contains (codes, "EUR"));
  g_assert_true (g_strv_contains (codes, "PHP"));
}

static void
test_currency_symbols (void)
{
  static const struct { const char *code; const char *symbol; } cases[] = {
    { "EUR", "€" }, { "USD", "$" }, { "GBP", "£" }, { "PHP", "₱" }, { "INR", "₹" },
    { "BRL", "R$" }, { "JPY", "¥" }, { "PLN", "zł" }, { "SEK", "kr" }, { "NOK", "kr" },
    { "CHF", "CHF" }, { "KWD", "KWD" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (dg_currency_get_symbol (cases[i].code), ==, cases[i].symbol);

  /* Unknown codes stand for themselves. */
  g_assert_cmpstr (dg_currency_get_symbol ("XYZ"), ==, "XYZ");
}

typedef struct
{
  const char *text;
  const char *currency;
  gint64      minor;
} ParseCase;

static void
test_parse_valid (void)
{
  static const ParseCase cases[] = {
    /* English and German notation */
    { "1,234.56", "EUR", 123456 },
    { "1.234,56", "EUR", 123456 },
    { "1,234,567.89", "EUR", 123456789 },
    { "12.345.678,9", "EUR", 1234567890 },
    { "1.234.567", "EUR", 123456700 },
    { "1234", "EUR", 123400 },
    { "1234.5", "EUR", 123450 },
    { "1234,5", "EUR", 123450 },
    { "0", "EUR", 0 },
    { "-0", "EUR", 0 },
    { "0,5", "EUR", 50 },
    { "0.5", "EUR", 50 },
    { ",5", "EUR", 50 },
    { "  12.50  ", "EUR", 1250 },
    /* a single mark before three digits groups thousands… */
    { "1.234", "EUR", 123400 },
    { "1,234", "EUR", 123400 },
    { "1.234", "JPY", 1234 },
    { "1,234", "USD", 123400 },
    /* …except for three-decimal currencies and where it cannot be thousands */
    { "1.234", "KWD", 1234 },
    { "1,234", "KWD", 1234 },
    { "1.234", "BHD", 1234 },
    { "1.234,567", "KWD", 1234567 },
    { "0,500", "EUR", 50 },
    /* trailing zeros lose nothing */
    { "12.5000", "EUR", 1250 },
    { "12.500,00", "EUR", 1250000 },
    { "1,00", "JPY", 1 },
    /* space, no-break space, narrow no-break space, apostrophe */
    { "1 234,56", "EUR", 123456 },
    { "1\u00a0234,56", "EUR", 123456 },
    { "1\u202f234,56", "EUR", 123456 },
    { "1 234 567", "EUR", 123456700 },
    { "1'234.56", "CHF", 123456 },
    { "1\u2019234.56", "CHF", 123456 },
    /* signs */
    { "-4,20", "EUR", -420 },
    { "\u22124,20", "EUR", -420 },
    { "+5", "EUR", 500 },
    { "- 5", "EUR", -500 },
    { "-€4.20", "EUR", -420 },
    { "€-4.20", "EUR", -420 },
    { "-4,20 €", "EUR", -420 },
    /* symbols and codes */
    { "12,50 €", "EUR", 1250 },
    { "12,50€", "EUR", 1250 },
    { "€12.50", "EUR", 1250 },
    { "€ 12", "EUR", 1200 },
    { "EUR 3.5", "EUR", 350 },
    { "eur 3.5", "EUR", 350 },
    { "3.5 EUR", "EUR", 350 },
    { "$12.50", "USD", 1250 },
    { "US$12.50", "USD", 1250 },
    { "$12.50", "CAD", 1250 },
    { "CA$12.50", "CAD", 1250 },
    { "R$ 1.234,56", "BRL", 123456 },
    { "₱1,234.56", "PHP", 123456 },
    { "₹ 500", "INR", 50000 },
    { "¥1,235", "JPY", 1235 },
    { "1235円", "JPY", 1235 },
    { "5 zł", "PLN", 500 },
    { "zł 5", "PLN", 500 },
    { "kr 10", "SEK", 1000 },
    { "CHF 1'234.50", "CHF", 123450 },
    /* the ends of gint64 */
    { "92233720368547758.07", "EUR", G_MAXINT64 },
    { "-92233720368547758.07", "EUR", -G_MAXINT64 },
    { "9223372036854775807", "JPY", G_MAXINT64 },
    { "9,223,372,036,854,775.807", "KWD", G_MAXINT64 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      DgMoney money = { 0 };

      g_test_message ("“%s” %s", cases[i].text, cases[i].currency);
      g_assert_true (dg_money_parse (cases[i].text, cases[i].currency, &money, &error));
      g_assert_no_error (error);
      g_assert_cmpint (money.minor, ==, cases[i].minor);
      g_assert_cmpstr (money.currency, ==, cases[i].currency);
    }
}

typedef struct
{
  const char  *text;
  const char  *currency;
  DgMoneyError code;
} ParseErrorCase;

static void
test_parse_invalid (void)
{
  static const ParseErrorCase cases[] = {
    { "", "EUR", DG_MONEY_ERROR_INVALID },
    { "   ", "EUR", DG_MONEY_ERROR_INVALID },
    { "abc", "EUR", DG_MONEY_ERROR_INVALID },
    { "€", "EUR", DG_MONEY_ERROR_INVALID },
    { "-", "EUR", DG_MONEY_ERROR_INVALID },
    { "--5", "EUR", DG_MONEY_ERROR_INVALID },
    { "5-", "EUR", DG_MONEY_ERROR_INVALID },
    { "1e5", "EUR", DG_MONEY_ERROR_INVALID },
    { "12a", "EUR", DG_MONEY_ERROR_INVALID },
    { "5 XYZ", "EUR", DG_MONEY_ERROR_INVALID },
    { "€12 EUR", "EUR", DG_MONEY_ERROR_INVALID },
    { "12 € 5", "EUR", DG_MONEY_ERROR_INVALID },
    { "1.2.3,4,5", "EUR", DG_MONEY_ERROR_INVALID },
    { "12,345,67", "EUR", DG_MONEY_ERROR_INVALID },
    { "1.000.00", "EUR", DG_MONEY_ERROR_INVALID },
    { "1.23.456", "EUR", DG_MONEY_ERROR_INVALID },
    { "1234,567.89", "EUR", DG_MONEY_ERROR_INVALID },
    { "1.234 567", "EUR", DG_MONEY_ERROR_INVALID },
    { "1 234 5", "EUR", DG_MONEY_ERROR_INVALID },
    { "1..5", "EUR", DG_MONEY_ERROR_INVALID },
    { "1,,5", "EUR", DG_MONEY_ERROR_INVALID },
    { "12.", "EUR", DG_MONEY_ERROR_INVALID },
    { ".", "EUR", DG_MONEY_ERROR_INVALID },
    { "1,234.567", "EUR", DG_MONEY_ERROR_TOO_PRECISE },
    { "1.234,567", "EUR", DG_MONEY_ERROR_TOO_PRECISE },
    { "1234.567", "EUR", DG_MONEY_ERROR_TOO_PRECISE },
    { "0,001", "EUR", DG_MONEY_ERROR_TOO_PRECISE },
    { "1 234,567", "EUR", DG_MONEY_ERROR_TOO_PRECISE },
    { "1.5", "JPY", DG_MONEY_ERROR_TOO_PRECISE },
    { "1.2345", "KWD", DG_MONEY_ERROR_TOO_PRECISE },
    { "$5", "EUR", DG_MONEY_ERROR_CURRENCY_MISMATCH },
    { "5 USD", "EUR", DG_MONEY_ERROR_CURRENCY_MISMATCH },
    { "£5", "EUR", DG_MONEY_ERROR_CURRENCY_MISMATCH },
    { "€5", "USD", DG_MONEY_ERROR_CURRENCY_MISMATCH },
    { "R$5", "USD", DG_MONEY_ERROR_CURRENCY_MISMATCH },
    { "99999999999999999999", "EUR", DG_MONEY_ERROR_OVERFLOW },
    { "92233720368547758.08", "EUR", DG_MONEY_ERROR_OVERFLOW },
    { "-92233720368547758.08", "EUR", DG_MONEY_ERROR_OVERFLOW },
    { "9223372036854775808", "JPY", DG_MONEY_ERROR_OVERFLOW },
    { "5", "XYZ", DG_MONEY_ERROR_UNKNOWN_CURRENCY },
    { "5", "eur", DG_MONEY_ERROR_UNKNOWN_CURRENCY },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      DgMoney money = { 4711, "EUR" };

      g_test_message ("“%s” %s", cases[i].text, cases[i].currency);
      g_assert_false (dg_money_parse (cases[i].text, cases[i].currency, &money, &error));
      g_assert_error (error, DG_MONEY_ERROR, (gint) cases[i].code);
      g_assert_true (g_str_has_suffix (error->message, "."));
      /* A failed parse leaves the caller's value alone. */
      g_assert_cmpint (money.minor, ==, 4711);
    }
}

typedef struct
{
  gint64               minor;
  const char          *currency;
  const DgNumberStyle *style;
  const char          *expected;
} FormatCase;

static void
test_format_with_style (void)
{
  static const FormatCase cases[] = {
    { 123456, "EUR", &german, "1.234,56 €" },
    { 123456, "EUR", &english, "€1,234.56" },
    { -123456, "EUR", &german, "-1.234,56 €" },
    { -123456, "EUR", &english, "-€1,234.56" },
    { 0, "EUR", &german, "0,00 €" },
    { 0, "EUR", &english, "€0.00" },
    { -5, "EUR", &german, "-0,05 €" },
    { 100000, "EUR", &english, "€1,000.00" },
    { 99999, "EUR", &english, "€999.99" },
    { 123456789, "EUR", &german, "1.234.567,89 €" },
    { 1235, "JPY", &english, "¥1,235" },
    { 1235, "JPY", &german, "1.235 ¥" },
    { 999, "JPY", &english, "¥999" },
    { -1235, "JPY", &english, "-¥1,235" },
    { 1234567, "KWD", &english, "KWD 1,234.567" },
    { 1234567, "KWD", &german, "1.234,567 KWD" },
    { 5, "KWD", &english, "KWD 0.005" },
    { 123456, "CHF", &english, "CHF 1,234.56" },
    { 123456, "PLN", &english, "zł 1,234.56" },
    { 123456, "PLN", &french, "1\u202f234,56 zł" },
    { 123456, "BRL", &english, "R$1,234.56" },
    { 123456, "BRL", &german, "1.234,56 R$" },
    { 123456, "PHP", &english, "₱1,234.56" },
    { G_MAXINT64, "EUR", &english, "€92,233,720,368,547,758.07" },
    { G_MININT64, "EUR", &german, "-92.233.720.368.547.758,08 €" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      DgMoney money;

      dg_money_init (&money, cases[i].minor, cases[i].currency);
      text = dg_money_format_with_style (&money, cases[i].style);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_plain (void)
{
  static const struct { gint64 minor; const char *currency; const char *expected; } cases[] = {
    { 123456, "EUR", "1234.56" },
    { -5, "EUR", "-0.05" },
    { 0, "EUR", "0.00" },
    { 100, "EUR", "1.00" },
    { 123456789, "USD", "1234567.89" },
    { 1234, "JPY", "1234" },
    { -1, "JPY", "-1" },
    { 1234, "KWD", "1.234" },
    { -1, "KWD", "-0.001" },
    { G_MAXINT64, "EUR", "92233720368547758.07" },
    { G_MININT64, "EUR", "-92233720368547758.08" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      DgMoney money;

      dg_money_init (&money, cases[i].minor, cases[i].currency);
      text = dg_money_format_plain (&money);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_c_locale (void)
{
  DgNumberStyle style;
  DgMoney money;
  g_autofree char *euro = NULL;
  g_autofree char *franc = NULL;

  g_assert_nonnull (setlocale (LC_ALL, "C"));

  /* The C locale does not say where the symbol goes: first, no space. */
  dg_number_style_from_locale (&style);
  g_assert_cmpstr (style.decimal_point, ==, ".");
  g_assert_cmpstr (style.thousands_sep, ==, "");
  g_assert_true (style.symbol_first);
  g_assert_false (style.space_between);

  dg_money_init (&money, -123456, "EUR");
  euro = dg_money_format (&money);
  g_assert_cmpstr (euro, ==, "-€1234.56");

  dg_money_init (&money, 123456, "CHF");
  franc = dg_money_format (&money);
  g_assert_cmpstr (franc, ==, "CHF 1234.56");
}

/* Real locales, where installed (build-aux may not have generated them). */
static void
test_format_locales (void)
{
  static const struct { const char *locale; const char *expected; const char *number; } cases[] = {
    { "de_DE.UTF-8", "-1.234,56 €", "-1234,56" },
    { "en_US.UTF-8", "-€1,234.56", "-1234.56" },
    { "fr_FR.UTF-8", "-1\u202f234,56 €", "-1234,56" },
    /* Swiss money has its own separators, unlike Swiss numbers. */
    { "de_CH.UTF-8", "-€ 1’234.56", "-1234.56" },
  };
  guint tested = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *number = NULL;
      DgMoney money;
      DgMoney parsed;
      g_autoptr(GError) error = NULL;

      if (setlocale (LC_ALL, cases[i].locale) == NULL)
        continue;

      dg_money_init (&money, -123456, "EUR");
      text = dg_money_format (&money);
      number = dg_money_format_number (&money);
      setlocale (LC_ALL, "C");
      g_assert_cmpstr (text, ==, cases[i].expected);
      /* What an edit field shows parses back to the same amount. */
      g_assert_cmpstr (number, ==, cases[i].number);
      g_assert_true (dg_money_parse (number, "EUR", &parsed, &error));
      g_assert_no_error (error);
      g_assert_cmpint (parsed.minor, ==, money.minor);
      tested++;
    }

  if (tested == 0)
    g_test_skip ("None of the de_DE, en_US and fr_FR UTF-8 locales is installed.");
}

static gint64
random_amount (void)
{
  guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
  gint64 value;

  /* Spread over all magnitudes, from cents to the top of gint64. */
  bits >>= g_test_rand_int_range (1, 64);
  value = (gint64) bits;
  return g_test_rand_bit () ? -value : value;
}

static void
test_round_trip (void)
{
  static const char * const currencies[] = { "EUR", "USD", "JPY", "KWD", "BHD", "CLP", "PHP", "CHF" };
  const DgNumberStyle *styles[] = { &german, &english, &french };

  for (guint i = 0; i < 20000; i++)
    {
      const char *currency = currencies[g_test_rand_int_range (0, G_N_ELEMENTS (currencies))];
      const DgNumberStyle *style = styles[g_test_rand_int_range (0, G_N_ELEMENTS (styles))];
      g_autoptr(GError) error = NULL;
      g_autofree char *plain = NULL;
      g_autofree char *display = NULL;
      DgMoney money, parsed = { 0 };

      dg_money_init (&money, random_amount (), currency);

      plain = dg_money_format_plain (&money);
      g_assert_true (dg_money_parse (plain, currency, &parsed, &error));
      g_assert_no_error (error);
      g_assert_cmpint (parsed.minor, ==, money.minor);

      display = dg_money_format_with_style (&money, style);
      g_assert_true (dg_money_parse (display, currency, &parsed, &error));
      g_assert_no_error (error);
      g_assert_cmpint (parsed.minor, ==, money.minor);
    }
}

typedef struct
{
  gint64 minutes;
  gint64 rate;
  gint64 expected;
} MinutesCase;

static void
test_amount_for_minutes (void)
{
  static const MinutesCase cases[] = {
    { 1, 50, 1 },                 /* 0.833 */
    { 1, 30, 1 },                 /* 0.5 goes up */
    { 1, 29, 0 },                 /* 0.483 */
    { 1, 1, 0 },
    { 3, 1010, 51 },              /* 50.5 */
    { -3, 1010, -51 },            /* -50.5 goes down, away from zero */
    { 3, -1010, -51 },
    { -3, -1010, 51 },
    { 1, -30, -1 },
    { 45, 2550, 1913 },           /* 1912.5 */
    { 0, 5000, 0 },
    { 5000, 0, 0 },
    { 60, 5000, 5000 },
    { 90, 5000, 7500 },
    { 7 * 60 + 13, 4250, 30671 }, /* 30670.83 */
    { 60000000000, 100000000, 100000000000000000 },
    { 60, G_MAXINT64, G_MAXINT64 },
    { -60, G_MAXINT64, -G_MAXINT64 },
    { G_MAXINT64, 60, G_MAXINT64 },
    { G_MAXINT64, 59, G_GINT64_CONSTANT (9069649169573862877) },
    { 2, G_MAXINT64, G_GINT64_CONSTANT (307445734561825860) },   /* MAX/30 = …860.23 */
    { G_MININT64, 1, G_GINT64_CONSTANT (-153722867280912930) },
  };
  static const struct { gint64 minutes; gint64 rate; } overflows[] = {
    { G_MAXINT64, 61 },
    { 61, G_MAXINT64 },
    { G_MININT64, 60 },
    { G_MININT64, G_MININT64 },
    { G_MAXINT64, G_MAXINT64 },
    { G_GINT64_CONSTANT (3600000000000), G_GINT64_CONSTANT (1000000000000) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 amount = 4711;

      g_test_message ("%" G_GINT64_FORMAT " min at %" G_GINT64_FORMAT,
                      cases[i].minutes, cases[i].rate);
      g_assert_true (dg_money_amount_for_minutes (cases[i].minutes, cases[i].rate, &amount, &error));
      g_assert_no_error (error);
      g_assert_cmpint (amount, ==, cases[i].expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (overflows); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 amount = 4711;

      g_assert_false (dg_money_amount_for_minutes (overflows[i].minutes, overflows[i].rate, &amount, &error));
      g_assert_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_OVERFLOW);
      g_assert_cmpint (amount, ==, 4711);
    }
}

/* Checks one rounded amount against the exact rational minutes × rate / 60,
 * in integers: off by at most half a minor unit, and ties away from zero. */
static void
assert_rounded (gint64 minutes,
                gint64 rate,
                gint64 amount)
{
  gint64 exact60 = minutes * rate;
  gint64 diff = amount * 60 - exact60;

  g_assert_cmpint (ABS (diff), <=, 30);
  if (ABS (diff) == 30)
    g_assert_cmpint (ABS (amount * 60), >, ABS (exact60));
  if (exact60 != 0 && amount != 0)
    g_assert_cmpint (amount > 0, ==, exact60 > 0);
}

static void
test_amount_for_minutes_random (void)
{
  for (guint i = 0; i < 200000; i++)
    {
      gint64 minutes = g_test_rand_int_range (-100000, 100001);
      gint64 rate = g_test_rand_int_range (-10000000, 10000001);
      gint64 amount = 0;

      g_assert_true (dg_money_amount_for_minutes (minutes, rate, &amount, NULL));
      assert_rounded (minutes, rate, amount);
    }

  /* Invoices: lines at one rate; the total is the sum of the rounded lines,
   * whichever order they are summed in, and stays within half a unit per
   * line of the exact total. */
  for (guint i = 0; i < 5000; i++)
    {
      gint64 rate = g_test_rand_int_range (1, 20000);
      guint n_lines = g_test_rand_int_range (1, 50);
      gint64 line_minutes[50];
      gint64 total = 0, total_again = 0, total_minutes = 0;

      for (guint l = 0; l < n_lines; l++)
        {
          gint64 amount = 0;

          line_minutes[l] = g_test_rand_int_range (1, 24 * 60);
          g_assert_true (dg_money_amount_for_minutes (line_minutes[l], rate, &amount, NULL));
          assert_rounded (line_minutes[l], rate, amount);
          total += amount;
          total_minutes += line_minutes[l];
        }

      for (guint l = n_lines; l > 0; l--)
        {
          gint64 amount = 0;

          g_assert_true (dg_money_amount_for_minutes (line_minutes[l - 1], rate, &amount, NULL));
          total_again += amount;
        }

      g_assert_cmpint (total, ==, total_again);
      g_assert_cmpint (ABS (total * 60 - total_minutes * rate), <=, 30 * (gint64) n_lines);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/currency/table", test_currency_table);
  g_test_add_func ("/money/currency/symbols", test_currency_symbols);
  g_test_add_func ("/money/parse/valid", test_parse_valid);
  g_test_add_func ("/money/parse/invalid", test_parse_invalid);
  g_test_add_func ("/money/format/style", test_format_with_style);
  g_test_add_func ("/money/format/plain", test_format_plain);
  g_test_add_func ("/money/format/c-locale", test_format_c_locale);
  g_test_add_func ("/money/format/locales", test_format_locales);
  g_test_add_func ("/money/format/round-trip", test_round_trip);
  g_test_add_func ("/money/minutes/cases", test_amount_for_minutes);
  g_test_add_func ("/money/minutes/random", test_amount_for_minutes_random);

  return g_test_run ();
}
