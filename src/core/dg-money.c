/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-money"

#include "dg-money.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

G_DEFINE_QUARK (dg-money-error-quark, dg_money_error)

typedef struct
{
  char        code[4];
  guint8      digits;
  /* What Delegate prints; the code where a sign would be ambiguous. */
  const char *symbol;
  /* What people write at home, accepted when parsing ("$" for CAD). */
  const char *local_symbol;
} CurrencyInfo;

/* Current ISO 4217 codes (fund, metal and test codes left out), sorted by
 * code so that dg_currency_get_codes() can hand them out in order. */
static const CurrencyInfo currencies[] = {
  { "AED", 2, "AED", NULL },
  { "AFN", 2, "AFN", NULL },
  { "ALL", 2, "ALL", NULL },
  { "AMD", 2, "AMD", NULL },
  { "ANG", 2, "ANG", NULL },
  { "AOA", 2, "AOA", NULL },
  { "ARS", 2, "ARS", "$" },
  { "AUD", 2, "A$", "$" },
  { "AWG", 2, "AWG", NULL },
  { "AZN", 2, "₼", NULL },
  { "BAM", 2, "KM", NULL },
  { "BBD", 2, "BBD", "$" },
  { "BDT", 2, "৳", NULL },
  { "BGN", 2, "BGN", NULL },
  { "BHD", 3, "BHD", NULL },
  { "BIF", 0, "BIF", NULL },
  { "BMD", 2, "BMD", "$" },
  { "BND", 2, "BND", "$" },
  { "BOB", 2, "Bs", NULL },
  { "BRL", 2, "R$", NULL },
  { "BSD", 2, "BSD", "$" },
  { "BTN", 2, "BTN", NULL },
  { "BWP", 2, "BWP", NULL },
  { "BYN", 2, "BYN", NULL },
  { "BZD", 2, "BZD", "$" },
  { "CAD", 2, "CA$", "$" },
  { "CDF", 2, "CDF", NULL },
  { "CHF", 2, "CHF", NULL },
  { "CLP", 0, "CLP", "$" },
  { "CNY", 2, "CN¥", "¥" },
  { "COP", 2, "COP", "$" },
  { "CRC", 2, "₡", NULL },
  { "CUP", 2, "CUP", "$" },
  { "CVE", 2, "CVE", NULL },
  { "CZK", 2, "Kč", NULL },
  { "DJF", 0, "DJF", NULL },
  { "DKK", 2, "kr", NULL },
  { "DOP", 2, "DOP", "$" },
  { "DZD", 2, "DZD", NULL },
  { "EGP", 2, "EGP", NULL },
  { "ERN", 2, "ERN", NULL },
  { "ETB", 2, "ETB", NULL },
  { "EUR", 2, "€", NULL },
  { "FJD", 2, "FJD", "$" },
  { "FKP", 2, "FKP", "£" },
  { "GBP", 2, "£", NULL },
  { "GEL", 2, "₾", NULL },
  { "GHS", 2, "GH₵", NULL },
  { "GIP", 2, "GIP", "£" },
  { "GMD", 2, "GMD", NULL },
  { "GNF", 0, "GNF", NULL },
  { "GTQ", 2, "GTQ", NULL },
  { "GYD", 2, "GYD", "$" },
  { "HKD", 2, "HK$", "$" },
  { "HNL", 2, "HNL", NULL },
  { "HTG", 2, "HTG", NULL },
  { "HUF", 2, "Ft", NULL },
  { "IDR", 2, "Rp", NULL },
  { "ILS", 2, "₪", NULL },
  { "INR", 2, "₹", NULL },
  { "IQD", 3, "IQD", NULL },
  { "IRR", 2, "IRR", NULL },
  { "ISK", 0, "kr", NULL },
  { "JMD", 2, "JMD", "$" },
  { "JOD", 3, "JOD", NULL },
  { "JPY", 0, "¥", "円" },
  { "KES", 2, "KSh", NULL },
  { "KGS", 2, "KGS", NULL },
  { "KHR", 2, "KHR", NULL },
  { "KMF", 0, "KMF", NULL },
  { "KPW", 2, "KPW", NULL },
  { "KRW", 0, "₩", NULL },
  { "KWD", 3, "KWD", NULL },
  { "KYD", 2, "KYD", "$" },
  { "KZT", 2, "₸", NULL },
  { "LAK", 2, "₭", NULL },
  { "LBP", 2, "LBP", NULL },
  { "LKR", 2, "LKR", NULL },
  { "LRD", 2, "LRD", "$" },
  { "LSL", 2, "LSL", NULL },
  { "LYD", 3, "LYD", NULL },
  { "MAD", 2, "MAD", NULL },
  { "MDL", 2, "MDL", NULL },
  { "MGA", 2, "MGA", NULL },
  { "MKD", 2, "MKD", NULL },
  { "MMK", 2, "MMK", NULL },
  { "MNT", 2, "₮", NULL },
  { "MOP", 2, "MOP", NULL },
  { "MRU", 2, "MRU", NULL },
  { "MUR", 2, "MUR", NULL },
  { "MVR", 2, "MVR", NULL },
  { "MWK", 2, "MWK", NULL },
  { "MXN", 2, "MX$", "$" },
  { "MYR", 2, "RM", NULL },
  { "MZN", 2, "MZN", NULL },
  { "NAD", 2, "NAD", "$" },
  { "NGN", 2, "₦", NULL },
  { "NIO", 2, "NIO", NULL },
  { "NOK", 2, "kr", NULL },
  { "NPR", 2, "NPR", NULL },
  { "NZD", 2, "NZ$", "$" },
  { "OMR", 3, "OMR", NULL },
  { "PAB", 2, "PAB", NULL },
  { "PEN", 2, "PEN", NULL },
  { "PGK", 2, "PGK", NULL },
  { "PHP", 2, "₱", NULL },
  { "PKR", 2, "PKR", NULL },
  { "PLN", 2, "zł", NULL },
  { "PYG", 0, "₲", NULL },
  { "QAR", 2, "QAR", NULL },
  { "RON", 2, "lei", NULL },
  { "RSD", 2, "RSD", NULL },
  { "RUB", 2, "₽", NULL },
  { "RWF", 0, "RWF", NULL },
  { "SAR", 2, "SAR", NULL },
  { "SBD", 2, "SBD", "$" },
  { "SCR", 2, "SCR", NULL },
  { "SDG", 2, "SDG", NULL },
  { "SEK", 2, "kr", NULL },
  { "SGD", 2, "S$", "$" },
  { "SHP", 2, "SHP", "£" },
  { "SLE", 2, "SLE", NULL },
  { "SOS", 2, "SOS", NULL },
  { "SRD", 2, "SRD", "$" },
  { "SSP", 2, "SSP", NULL },
  { "STN", 2, "STN", NULL },
  { "SVC", 2, "SVC", NULL },
  { "SYP", 2, "SYP", NULL },
  { "SZL", 2, "SZL", NULL },
  { "THB", 2, "฿", NULL },
  { "TJS", 2, "TJS", NULL },
  { "TMT", 2, "TMT", NULL },
  { "TND", 3, "TND", NULL },
  { "TOP", 2, "TOP", NULL },
  { "TRY", 2, "₺", NULL },
  { "TTD", 2, "TTD", "$" },
  { "TWD", 2, "NT$", "$" },
  { "TZS", 2, "TSh", NULL },
  { "UAH", 2, "₴", NULL },
  { "UGX", 0, "UGX", NULL },
  { "USD", 2, "$", "US$" },
  { "UYU", 2, "UYU", "$" },
  { "UZS", 2, "UZS", NULL },
  { "VED", 2, "VED", NULL },
  { "VES", 2, "VES", NULL },
  { "VND", 0, "₫", NULL },
  { "VUV", 0, "VUV", NULL },
  { "WST", 2, "WST", NULL },
  { "XAF", 0, "FCFA", NULL },
  { "XCD", 2, "EC$", "$" },
  { "XCG", 2, "XCG", NULL },
  { "XOF", 0, "CFA", NULL },
  { "XPF", 0, "XPF", NULL },
  { "YER", 2, "YER", NULL },
  { "ZAR", 2, "R", NULL },
  { "ZMW", 2, "ZMW", NULL },
  { "ZWG", 2, "ZWG", NULL },
};

static const CurrencyInfo *
lookup_currency (const char *code)
{
  gsize lo = 0;
  gsize hi = G_N_ELEMENTS (currencies);

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      int cmp = strcmp (code, currencies[mid].code);

      if (cmp == 0)
        return &currencies[mid];
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }

  return NULL;
}

gboolean
dg_currency_is_known (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return lookup_currency (code) != NULL;
}

int
dg_currency_get_minor_digits (const char *code)
{
  const CurrencyInfo *info;

  g_return_val_if_fail (code != NULL, -1);

  info = lookup_currency (code);
  return info != NULL ? info->digits : -1;
}

const char * const *
dg_currency_get_codes (void)
{
  static const char *codes[G_N_ELEMENTS (currencies) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
        codes[i] = currencies[i].code;
      codes[G_N_ELEMENTS (currencies)] = NULL;
      g_once_init_leave (&initialized, 1);
    }

  return codes;
}

const char *
dg_currency_get_symbol (const char *code)
{
  const CurrencyInfo *info;

  g_return_val_if_fail (code != NULL, NULL);

  info = lookup_currency (code);
  return info != NULL ? info->symbol : code;
}

void
dg_money_init (DgMoney    *money,
               gint64      minor,
               const char *currency)
{
  g_return_if_fail (money != NULL);
  g_return_if_fail (currency != NULL && dg_currency_is_known (currency));

  money->minor = minor;
  g_strlcpy (money->currency, currency, sizeof money->currency);
}

/* ---- parsing ---------------------------------------------------------- */

typedef enum
{
  SEP_DOT,
  SEP_COMMA,
  SEP_SPACE,
  SEP_APOSTROPHE,
} SepKind;

/* A run of digits and the separator that precedes it (none for the first). */
typedef struct
{
  SepKind sep;
  gsize   start;
  gsize   len;
} Group;

static gboolean
is_sign (gunichar c)
{
  return c == '-' || c == '+' || c == 0x2212 /* MINUS SIGN */;
}

static gboolean
is_number_char (gunichar c)
{
  return g_ascii_isdigit (c) || c == '.' || c == ',' || c == '\'' ||
         c == 0x2019 /* RIGHT SINGLE QUOTATION MARK, Swiss grouping */ ||
         g_unichar_isspace (c);
}

/* A currency symbol or code is anything that is neither number nor sign. */
static gboolean
is_token_char (gunichar c)
{
  return !is_number_char (c) && !is_sign (c);
}

static gboolean
token_names_currency (const CurrencyInfo *info,
                      const char         *token)
{
  return g_ascii_strcasecmp (token, info->code) == 0 ||
         strcmp (token, info->symbol) == 0 ||
         (info->local_symbol != NULL && strcmp (token, info->local_symbol) == 0);
}

static gboolean
check_currency_token (const gunichar     *chars,
                      gsize               len,
                      const CurrencyInfo *expected,
                      const char         *text,
                      GError            **error)
{
  /* Cannot fail: the characters were decoded from valid UTF-8. */
  g_autofree char *token = g_ucs4_to_utf8 (chars, len, NULL, NULL, NULL);

  g_assert (token != NULL);

  if (token_names_currency (expected, token))
    return TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (token_names_currency (&currencies[i], token))
        {
          g_set_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_CURRENCY_MISMATCH,
                       _("The amount “%s” is in “%s”, but %s is expected here. Enter it in %s."),
                       text, token, expected->code, expected->code);
          return FALSE;
        }
    }

  g_set_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_INVALID,
               _("“%s” in “%s” is not a currency. Enter only the number, or use %s."),
               token, text, expected->code);
  return FALSE;
}

static gboolean
set_not_an_amount (const char  *text,
                   GError     **error)
{
  g_set_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_INVALID,
               _("“%s” is not an amount of money. Write it like 1234.56 or 1.234,56."),
               text);
  return FALSE;
}

static gboolean
set_overflow (const char  *text,
              GError     **error)
{
  g_set_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_OVERFLOW,
               _("The amount “%s” is too large. Enter a smaller amount."),
               text);
  return FALSE;
}

/* Appends @len digits to @value; FALSE if it no longer fits in gint64. */
static gboolean
append_digits (guint64        *value,
               const gunichar *digits,
               gsize           len)
{
  for (gsize i = 0; i < len; i++)
    {
      guint64 next;

      if (!g_uint64_checked_mul (&next, *value, 10) ||
          !g_uint64_checked_add (&next, next, digits[i] - '0') ||
          next > G_MAXINT64)
        return FALSE;
      *value = next;
    }

  return TRUE;
}

/* Sets @out_decimal to the index of the group after the decimal separator,
 * or to 0 if every mark groups thousands; FALSE if the marks contradict
 * each other. */
static gboolean
find_decimal_group (const Group  *groups,
                    guint         n_groups,
                    guint         minor_digits,
                    gboolean      starts_with_lone_zero,
                    guint        *out_decimal)
{
  guint n_dots = 0, n_commas = 0, n_others = 0;
  guint last_mark = 0;

  for (guint i = 1; i < n_groups; i++)
    {
      if (groups[i].sep == SEP_DOT)
        n_dots++;
      else if (groups[i].sep == SEP_COMMA)
        n_commas++;
      else
        n_others++;

      if (groups[i].sep == SEP_DOT || groups[i].sep == SEP_COMMA)
        last_mark = i;
    }

  *out_decimal = 0;

  if (last_mark == 0)
    return TRUE;

  /* Nothing may follow the decimals, so a mark before the last group is
   * a thousands separator or a mistake ("1.234 567"). */
  if (last_mark != n_groups - 1)
    return FALSE;

  if (n_dots > 0 && n_commas > 0)
    {
      /* "1.234,56" or "1,234.56": the last mark is the decimal one and
       * must be the only one of its kind. */
      if ((groups[last_mark].sep == SEP_DOT ? n_dots : n_commas) != 1)
        return FALSE;
      *out_decimal = last_mark;
      return TRUE;
    }

  if (n_dots + n_commas > 1)
    return TRUE;            /* "1.234.567": all thousands */

  /* A single mark before three digits: "1.234" is a thousand in either
   * notation, unless the currency has three decimals (1.234 KWD), spaces
   * already group the thousands ("1 234,567"), or what stands before it
   * cannot be a thousands group (",500", "0,500", "1234.567"). */
  if (n_others == 0 &&
      groups[last_mark].len == 3 &&
      minor_digits != 3 &&
      groups[0].len > 0 && groups[0].len <= 3 &&
      !starts_with_lone_zero)
    return TRUE;

  *out_decimal = last_mark;
  return TRUE;
}

gboolean
dg_money_parse (const char  *text,
                const char  *currency,
                DgMoney     *out_money,
                GError     **error)
{
  const CurrencyInfo *info;
  g_autofree gunichar *chars = NULL;
  g_autoptr(GArray) groups = NULL;
  glong n_chars = 0;
  gsize start, end, token_end, token_start;
  gboolean negative = FALSE;
  gboolean seen_sign = FALSE;
  gsize symbol_at = 0, symbol_len = 0;    /* the currency symbol or code, if any */
  guint decimal = 0;
  guint n_integer_groups;
  guint64 magnitude = 0;
  gsize fraction_len = 0;
  const Group *fraction = NULL;
  gint64 minor;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (out_money != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = lookup_currency (currency);
  if (info == NULL)
    {
      g_set_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_UNKNOWN_CURRENCY,
                   _("“%s” is not a currency code Delegate knows. Choose a currency such as EUR or USD."),
                   currency);
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, DG_MONEY_ERROR, DG_MONEY_ERROR_INVALID,
                           _("The amount contains characters that are not text. Type it again."));
      return FALSE;
    }

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  start = 0;
  end = (gsize) n_chars;

  while (start < end && g_unichar_isspace (chars[start]))
    start++;
  while (end > start && g_unichar_isspace (chars[end - 1]))
    end--;

  if (start == end)
    {
      g_set_error_literal (error, DG_MONEY_ERROR, DG_MONEY_ERROR_INVALID,
                           _("Enter an amount, for example 12.50."));
      return FALSE;
    }

  /* Sign and symbol may come in either order: "-€12", "€-12", "-12 €". */
  if (is_sign (chars[start]))
    {
      negative = chars[start] != '+';
      seen_sign = TRUE;
      start++;
      while (start < end && g_unichar_isspace (chars[start]))
        start++;
    }

  token_end = start;
  while (token_end < end && is_token_char (chars[token_end]))
    token_end++;
  if (token_end > start)
    {
      symbol_at = start;
      symbol_len = token_end - start;
      start = token_end;
      while (start < end && g_unichar_isspace (chars[start]))
        start++;
    }

  if (!seen_sign && start < end && is_sign (chars[start]))
    {
      negative = chars[start] != '+';
      start++;
      while (start < end && g_unichar_isspace (chars[start]))
        start++;
    }

  token_start = end;
  while (token_start > start && is_token_char (chars[token_start - 1]))
    token_start--;
  if (token_start < end)
    {
      /* Two symbols ("€12 EUR") or a symbol and nothing else ("abc"). */
      if (symbol_len > 0 || token_start == start)
        return set_not_an_amount (text, error);
      symbol_at = token_start;
      symbol_len = end - token_start;
      end = token_start;
      while (end > start && g_unichar_isspace (chars[end - 1]))
        end--;
    }

  if (start == end)
    return set_not_an_amount (text, error);

  if (symbol_len > 0 && !check_currency_token (chars + symbol_at, symbol_len, info, text, error))
    return FALSE;

  /* Split the number into digit groups and the separators between them. */
  groups = g_array_new (FALSE, FALSE, sizeof (Group));
  {
    Group current = { SEP_SPACE, start, 0 };

    for (gsize i = start; i < end; i++)
      {
        gunichar c = chars[i];

        if (g_ascii_isdigit (c))
          {
            current.len++;
            continue;
          }

        if (!is_number_char (c))
          return set_not_an_amount (text, error);

        /* Two separators in a row, or a thousands separator in front. */
        if (current.len == 0 && (groups->len > 0 || !(c == '.' || c == ',')))
          return set_not_an_amount (text, error);

        g_array_append_val (groups, current);
        current.start = i + 1;
        current.len = 0;
        if (c == '.')
          current.sep = SEP_DOT;
        else if (c == ',')
          current.sep = SEP_COMMA;
        else if (c == '\'' || c == 0x2019)
          current.sep = SEP_APOSTROPHE;
        else
          current.sep = SEP_SPACE;
      }

    if (current.len == 0)
      return set_not_an_amount (text, error);
    g_array_append_val (groups, current);
  }

  if (!find_decimal_group ((const Group *) groups->data, groups->len, info->digits,
                           g_array_index (groups, Group, 0).len == 1 &&
                           chars[g_array_index (groups, Group, 0).start] == '0',
                           &decimal))
    return set_not_an_amount (text, error);

  n_integer_groups = decimal > 0 ? decimal : groups->len;

  /* ",5" is a fraction; anything else needs digits before the first mark. */
  if (g_array_index (groups, Group, 0).len == 0 && (decimal != 1 || n_integer_groups != 1))
    return set_not_an_amount (text, error);

  /* Thousands groups: 1–3 digits first, then exactly 3, all with one separator. */
  for (guint i = 1; i < n_integer_groups; i++)
    {
      const Group *g = &g_array_index (groups, Group, i);

      if (g->len != 3 || g->sep != g_array_index (groups, Group, 1).sep)
        return set_not_an_amount (text, error);
    }
  if (n_integer_groups > 1 && g_array_index (groups, Group, 0).len > 3)
    return set_not_an_amount (text, error);

  for (guint i = 0; i < n_integer_groups; i++)
    {
      const Group *g = &g_array_index (groups, Group, i);

      if (!append_digits (&magnitude, chars + g->start, g->len))
        return set_overflow (text, error);
    }

  if (decimal > 0)
    {
      fraction = &g_array_index (groups, Group, decimal);
      fraction_len = fraction->len;

      /* Zeros beyond the currency's precision lose nothing: "12.500" EUR. */
      while (fraction_len > info->digits && chars[fraction->start + fraction_len - 1] == '0')
        fraction_len--;

      if (fraction_len > info->digits)
        {
          if (info->digits == 0)
            g_set_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_TOO_PRECISE,
                         _("%s has no smaller unit, so “%s” cannot have decimal places. Enter a whole number."),
                         info->code, text);
          else
            g_set_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_TOO_PRECISE,
                         ngettext ("%s has only %u decimal place, but “%s” has more. Round the amount yourself.",
                                   "%s has only %u decimal places, but “%s” has more. Round the amount yourself.",
                                   info->digits),
                         info->code, (guint) info->digits, text);
          return FALSE;
        }
    }

  /* Scale to minor units: append the fraction, then pad with zeros. */
  if (fraction != NULL && !append_digits (&magnitude, chars + fraction->start, fraction_len))
    return set_overflow (text, error);
  for (gsize i = fraction_len; i < info->digits; i++)
    {
      static const gunichar zero = '0';

      if (!append_digits (&magnitude, &zero, 1))
        return set_overflow (text, error);
    }

  minor = (gint64) magnitude;
  out_money->minor = negative ? -minor : minor;
  g_strlcpy (out_money->currency, info->code, sizeof out_money->currency);

  return TRUE;
}

/* ---- formatting ------------------------------------------------------- */

static const char *
intern_locale_string (const char *value,
                      const char *fallback)
{
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return g_intern_static_string (fallback);
  return g_intern_string (value);
}

void
dg_number_style_from_locale (DgNumberStyle *style)
{
  const struct lconv *conv;

  g_return_if_fail (style != NULL);

  conv = localeconv ();

  /* Amounts follow the locale's money conventions (LC_MONETARY) where it has
   * them, e.g. de_CH writes 1'234.50; plain numbers (LC_NUMERIC) otherwise. */
  if (conv->mon_decimal_point[0] != '\0')
    {
      style->decimal_point = intern_locale_string (conv->mon_decimal_point, ".");
      style->thousands_sep = intern_locale_string (conv->mon_thousands_sep, "");
    }
  else
    {
      style->decimal_point = intern_locale_string (conv->decimal_point[0] != '\0' ? conv->decimal_point : ".", ".");
      style->thousands_sep = intern_locale_string (conv->thousands_sep, "");
    }

  /* CHAR_MAX means "not specified", as in the C locale. */
  style->symbol_first = conv->p_cs_precedes == CHAR_MAX ? TRUE : conv->p_cs_precedes != 0;
  style->space_between = conv->p_sep_by_space == CHAR_MAX ? FALSE : conv->p_sep_by_space != 0;
}

/* The magnitude of any gint64, G_MININT64 included, without overflow. */
static guint64
magnitude_of (gint64 value)
{
  return value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
}

static void
append_number (GString    *out,
               gint64      minor,
               guint       digits,
               const char *decimal_point,
               const char *thousands_sep)
{
  g_autofree char *all = NULL;
  gsize len, int_len;
  guint64 magnitude = magnitude_of (minor);

  /* At least one integer digit: 5 cents is "0.05". */
  all = g_strdup_printf ("%0*" G_GUINT64_FORMAT, (int) digits + 1, magnitude);
  len = strlen (all);
  int_len = len - digits;

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && thousands_sep != NULL && (int_len - i) % 3 == 0)
        g_string_append (out, thousands_sep);
      g_string_append_c (out, all[i]);
    }

  if (digits > 0)
    {
      g_string_append (out, decimal_point);
      g_string_append (out, all + int_len);
    }
}

char *
dg_money_format_with_style (const DgMoney       *money,
                            const DgNumberStyle *style)
{
  const CurrencyInfo *info;
  const char *symbol;
  GString *out;
  gboolean space;

  g_return_val_if_fail (money != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (style->decimal_point != NULL, NULL);

  info = lookup_currency (money->currency);
  g_return_val_if_fail (info != NULL, NULL);

  symbol = info->symbol;
  out = g_string_new (money->minor < 0 ? "-" : "");

  if (style->symbol_first)
    {
      const char *last = g_utf8_find_prev_char (symbol, symbol + strlen (symbol));

      space = style->space_between || g_unichar_isalpha (g_utf8_get_char (last));
      g_string_append (out, symbol);
      if (space)
        g_string_append_c (out, ' ');
      append_number (out, money->minor, info->digits, style->decimal_point, style->thousands_sep);
    }
  else
    {
      space = style->space_between || g_unichar_isalpha (g_utf8_get_char (symbol));
      append_number (out, money->minor, info->digits, style->decimal_point, style->thousands_sep);
      if (space)
        g_string_append_c (out, ' ');
      g_string_append (out, symbol);
    }

  return g_string_free (out, FALSE);
}

char *
dg_money_format (const DgMoney *money)
{
  DgNumberStyle style;

  g_return_val_if_fail (money != NULL, NULL);

  dg_number_style_from_locale (&style);
  return dg_money_format_with_style (money, &style);
}

char *
dg_money_format_plain (const DgMoney *money)
{
  const CurrencyInfo *info;
  GString *out;

  g_return_val_if_fail (money != NULL, NULL);

  info = lookup_currency (money->currency);
  g_return_val_if_fail (info != NULL, NULL);

  out = g_string_new (money->minor < 0 ? "-" : "");
  append_number (out, money->minor, info->digits, ".", NULL);
  return g_string_free (out, FALSE);
}

char *
dg_money_format_number (const DgMoney *money)
{
  const CurrencyInfo *info;
  DgNumberStyle style;
  GString *out;

  g_return_val_if_fail (money != NULL, NULL);

  info = lookup_currency (money->currency);
  g_return_val_if_fail (info != NULL, NULL);

  dg_number_style_from_locale (&style);
  out = g_string_new (money->minor < 0 ? "-" : "");
  append_number (out, money->minor, info->digits, style.decimal_point, NULL);
  return g_string_free (out, FALSE);
}

/* ---- arithmetic ------------------------------------------------------- */

gboolean
dg_money_amount_for_minutes (gint64   minutes,
                             gint64   hourly_rate_minor,
                             gint64  *out_amount_minor,
                             GError **error)
{
  guint64 m, r, a, b, c, d, rest, amount;
  gboolean negative;

  g_return_val_if_fail (out_amount_minor != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Work on magnitudes so that rounding away from zero is rounding up. With
   * m = 60a + b and r = 60c + d, m·r/60 = a·r + b·c + b·d/60 exactly, and
   * b·d < 3600, so no intermediate product needs more than 64 bits unless
   * the result itself does. */
  negative = (minutes < 0) != (hourly_rate_minor < 0);
  m = magnitude_of (minutes);
  r = magnitude_of (hourly_rate_minor);
  a = m / 60;
  b = m % 60;
  c = r / 60;
  d = r % 60;
  rest = b * d;

  if (!g_uint64_checked_mul (&amount, a, r) ||
      !g_uint64_checked_add (&amount, amount, b * c) ||
      !g_uint64_checked_add (&amount, amount, rest / 60 + (rest % 60 >= 30 ? 1 : 0)) ||
      amount > G_MAXINT64)
    {
      g_set_error_literal (error, DG_MONEY_ERROR, DG_MONEY_ERROR_OVERFLOW,
                           _("The amount for this time is too large to compute. Check the hours and the rate."));
      return FALSE;
    }

  *out_amount_minor = negative ? -(gint64) amount : (gint64) amount;
  return TRUE;
}
