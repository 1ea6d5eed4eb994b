/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DG_MONEY_ERROR (dg_money_error_quark ())

typedef enum
{
  DG_MONEY_ERROR_INVALID,          /* text is not an amount */
  DG_MONEY_ERROR_UNKNOWN_CURRENCY, /* not an ISO 4217 code we know */
  DG_MONEY_ERROR_TOO_PRECISE,      /* more minor digits than the currency has */
  DG_MONEY_ERROR_OVERFLOW,         /* does not fit in gint64 minor units */
  DG_MONEY_ERROR_CURRENCY_MISMATCH, /* "$5" typed where EUR is expected */
} DgMoneyError;

/* An amount of money: integer minor units (cents) and an ISO 4217 code.
 * Never floating point. */
typedef struct
{
  gint64 minor;
  char   currency[4];
} DgMoney;

/* How numbers are written for display (from the user's locale, or fixed in tests).
 * A symbol made of letters ("CHF", "kr") is always kept apart from the number
 * by a space, whatever @space_between says, so that "CHF12.50" cannot happen. */
typedef struct
{
  const char *decimal_point;
  const char *thousands_sep;
  gboolean    symbol_first;   /* "€1.00" rather than "1.00 €" */
  gboolean    space_between;  /* a space between symbol and number */
} DgNumberStyle;

GQuark       dg_money_error_quark            (void);

gboolean     dg_currency_is_known            (const char    *code);
/* Minor digits of an ISO 4217 currency (EUR 2, JPY 0, KWD 3); -1 if unknown. */
int          dg_currency_get_minor_digits    (const char    *code);
/* NULL-terminated list of known codes, sorted. */
const char * const *dg_currency_get_codes    (void);
/* "€" for EUR, "$" for USD, … or the code itself (the @code pointer). */
const char  *dg_currency_get_symbol          (const char    *code);

void         dg_money_init                   (DgMoney       *money,
                                              gint64         minor,
                                              const char    *currency);
/* Parses what a user types: "1,234.56", "1.234,56", "12,50 €", "€ 12", "EUR 3.5",
 * "-4,20", "1 234,56". @currency decides the number of minor digits.
 * If both "." and "," appear, the last one is the decimal separator. A single
 * "." or "," followed by exactly three digits groups thousands ("1.234" is
 * 1234.00 EUR), except for currencies with three minor digits (1.234 KWD) or
 * after a lone zero ("0,500"). Spaces and apostrophes always group thousands.
 * More decimals than the currency has is an error, unless they are zeros. */
gboolean     dg_money_parse                  (const char    *text,
                                              const char    *currency,
                                              DgMoney       *out_money,
                                              GError       **error);
/* Separators from LC_NUMERIC, symbol position from LC_MONETARY. Where the
 * locale does not say (the C locale), the symbol goes first without a space:
 * "€1234.56". The strings are interned and stay valid. */
void         dg_number_style_from_locale     (DgNumberStyle *style);
char        *dg_money_format_with_style      (const DgMoney *money,
                                              const DgNumberStyle *style);
/* For display, in the user's locale: "1.234,56 €" or "€1,234.56".
 * A negative amount starts with the sign: "-1.234,56 €", "-€1,234.56". */
char        *dg_money_format                 (const DgMoney *money);
/* Locale-independent machine form for CLI/JSON: "1234.56" (no symbol). */
char        *dg_money_format_plain           (const DgMoney *money);
/* For a field the user edits: the locale's decimal point, no symbol and no
 * grouping, so that it parses back as typed: "1234,50" in German. */
char        *dg_money_format_number          (const DgMoney *money);
/* round(minutes × hourly_rate / 60), half away from zero, in minor units. */
gboolean     dg_money_amount_for_minutes     (gint64         minutes,
                                              gint64         hourly_rate_minor,
                                              gint64        *out_amount_minor,
                                              GError       **error);

G_END_DECLS
