/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-duration"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "dg-duration.h"

G_DEFINE_QUARK (dg-duration-error-quark, dg_duration_error)

/* Whole hours beyond this are refused as not a duration at all: it keeps
 * every sum below in gint64 (a billion hours is over 100 000 years). */
#define MAX_WHOLE 1000000000
/* Decimal places read exactly; later ones are far below a second for any
 * unit here and are ignored (spreadsheets write 1.3333333333333333). */
#define MAX_FRACTION_DIGITS 9

/* A decimal number as typed: @whole and @fraction / 10^@digits. Kept apart
 * rather than as a double so that "0,01" hours is exactly 36 seconds. */
typedef struct
{
  gint64 whole;
  gint64 fraction;
  int    digits;
} Decimal;

/* Reads digits, then optionally '.' or ',' and more digits, at *@p. At
 * least one digit overall; a decimal sign needs a digit after it. */
static gboolean
read_decimal (const char **p,
              Decimal     *out)
{
  const char *s = *p;
  gboolean any = FALSE;

  out->whole = 0;
  out->fraction = 0;
  out->digits = 0;
  for (; g_ascii_isdigit (*s); s++)
    {
      out->whole = out->whole * 10 + (*s - '0');
      if (out->whole > MAX_WHOLE)
        return FALSE;
      any = TRUE;
    }
  if ((*s == '.' || *s == ',') && g_ascii_isdigit (s[1]))
    {
      for (s++; g_ascii_isdigit (*s); s++)
        {
          if (out->digits < MAX_FRACTION_DIGITS)
            {
              out->fraction = out->fraction * 10 + (*s - '0');
              out->digits++;
            }
        }
      any = TRUE;
    }
  *p = s;
  return any;
}

/* @number × @unit seconds, the fraction rounded to the nearest second. */
static gint64
decimal_to_seconds (const Decimal *number,
                    gint64         unit)
{
  gint64 scale = 1;

  for (int i = 0; i < number->digits; i++)
    scale *= 10;
  return number->whole * unit + (2 * number->fraction * unit + scale) / (2 * scale);
}

static gint64
unit_seconds (const char *word)
{
  static const struct { const char *name; gint64 seconds; } units[] = {
    { "h", 3600 }, { "hr", 3600 }, { "hrs", 3600 }, { "hour", 3600 }, { "hours", 3600 },
    { "std", 3600 }, { "stunde", 3600 }, { "stunden", 3600 },
    { "m", 60 }, { "min", 60 }, { "mins", 60 }, { "minute", 60 }, { "minutes", 60 },
    { "minuten", 60 },
    { "s", 1 }, { "sec", 1 }, { "secs", 1 }, { "second", 1 }, { "seconds", 1 },
    { "sek", 1 }, { "sekunde", 1 }, { "sekunden", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (word, units[i].name) == 0)
      return units[i].seconds;
  return 0;
}

/* Exactly two digits at @p, as minutes and seconds are written in a clock. */
static gboolean
read_two_digits (const char *p,
                 int        *out)
{
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;
  *out = (p[0] - '0') * 10 + (p[1] - '0');
  return TRUE;
}

typedef enum { PARSED, NOT_A_DURATION, OUT_OF_RANGE } ParseResult;

/* "H:MM" or "H:MM:SS". */
static ParseResult
parse_clock (const char *text,
             gint64     *out_seconds)
{
  const char *p = text;
  gint64 hours = 0;
  int minutes, seconds = 0;

  if (!g_ascii_isdigit (*p))
    return NOT_A_DURATION;
  for (; g_ascii_isdigit (*p); p++)
    {
      hours = hours * 10 + (*p - '0');
      if (hours > MAX_WHOLE)
        return NOT_A_DURATION;
    }
  if (*p != ':' || !read_two_digits (p + 1, &minutes))
    return NOT_A_DURATION;
  p += 3;
  if (*p == ':')
    {
      if (!read_two_digits (p + 1, &seconds))
        return NOT_A_DURATION;
      p += 3;
    }
  if (*p != '\0')
    return NOT_A_DURATION;
  if (minutes >= 60 || seconds >= 60)
    return OUT_OF_RANGE;
  *out_seconds = hours * 3600 + minutes * 60 + seconds;
  return PARSED;
}

/* Decimal hours ("1.5"), or numbers with units ("90 min", "1h 30m", "1h30",
 * "1,5 Std."), largest unit first, each at most once; a bare number right
 * after the hours is minutes. */
static ParseResult
parse_units (const char *text,
             gint64     *out_seconds)
{
  const char *p = text;
  gint64 total = 0;
  gint64 last_unit = G_MAXINT64;   /* units must get smaller */
  guint n_numbers = 0;

  while (*p != '\0')
    {
      Decimal number;
      char word[16];
      gsize length = 0;
      gint64 unit;

      if (!read_decimal (&p, &number))
        return NOT_A_DURATION;
      n_numbers++;
      while (*p == ' ')
        p++;
      while (g_ascii_isalpha (*p))
        {
          if (length + 1 >= sizeof word)
            return NOT_A_DURATION;
          word[length++] = *p++;
        }
      word[length] = '\0';

      if (length == 0)
        {
          if (*p != '\0')
            return NOT_A_DURATION;
          /* A lone number is decimal hours, a number after hours minutes. */
          if (n_numbers == 1)
            unit = 3600;
          else if (last_unit == 3600 && number.digits == 0)
            unit = 60;
          else
            return NOT_A_DURATION;
        }
      else
        {
          unit = unit_seconds (word);
          if (unit == 0)
            return NOT_A_DURATION;
          /* German abbreviations are written with a full stop: "1 Std. 30 Min." */
          if (*p == '.')
            p++;
        }
      if (unit >= last_unit)
        return NOT_A_DURATION;
      last_unit = unit;
      total += decimal_to_seconds (&number, unit);
      while (*p == ' ')
        p++;
    }

  *out_seconds = total;
  return PARSED;
}

gboolean
dg_duration_parse (const char  *text,
                   gint64       max_seconds,
                   gint64      *out_seconds,
                   GError     **error)
{
  g_autofree char *stripped = NULL;
  ParseResult result;
  gint64 seconds = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (max_seconds >= 0, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, DG_DURATION_ERROR, DG_DURATION_ERROR_INVALID,
                           _("Enter a duration, such as 1:30, 1.5 or 90m."));
      return FALSE;
    }
  /* ASCII hyphen-minus or the minus sign U+2212 */
  if (*stripped == '-' || g_str_has_prefix (stripped, "\xe2\x88\x92"))
    {
      g_set_error (error, DG_DURATION_ERROR, DG_DURATION_ERROR_NEGATIVE,
                   _("“%s” is negative; a duration cannot be less than zero."), stripped);
      return FALSE;
    }

  if (strchr (stripped, ':') != NULL)
    result = parse_clock (stripped, &seconds);
  else
    result = parse_units (stripped, &seconds);

  if (result == OUT_OF_RANGE)
    {
      g_set_error (error, DG_DURATION_ERROR, DG_DURATION_ERROR_INVALID,
                   _("“%s” is not a duration: minutes and seconds must be below 60, as in 1:30 or 01:30:00."),
                   stripped);
      return FALSE;
    }
  if (result == NOT_A_DURATION)
    {
      g_set_error (error, DG_DURATION_ERROR, DG_DURATION_ERROR_INVALID,
                   _("“%s” is not a duration. Write it as hours and minutes (1:30), decimal hours (1.5) or with units (90m, 1h 30m)."),
                   stripped);
      return FALSE;
    }
  if (max_seconds > 0 && seconds > max_seconds)
    {
      g_autofree char *longest = dg_duration_format_minutes (max_seconds / 60);

      g_set_error (error, DG_DURATION_ERROR, DG_DURATION_ERROR_TOO_LONG,
                   /* Translators: the second %s is the longest duration allowed, such as 24:00 */
                   _("“%s” is too long: the longest duration allowed here is %s."),
                   stripped, longest);
      return FALSE;
    }

  if (out_seconds != NULL)
    *out_seconds = seconds;
  return TRUE;
}

gint64
dg_duration_seconds_to_minutes (gint64 seconds)
{
  /* Half a minute and more rounds away from zero. */
  if (seconds < 0)
    return -((-seconds + 30) / 60);
  return (seconds + 30) / 60;
}

char *
dg_duration_format_minutes (gint64 minutes)
{
  gint64 magnitude = minutes < 0 ? -minutes : minutes;

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d",
                          minutes < 0 ? "-" : "",
                          magnitude / 60, (int) (magnitude % 60));
}

char *
dg_duration_format_hours (gint64 minutes)
{
  gint64 magnitude = minutes < 0 ? -minutes : minutes;
  /* hundredths of an hour, half away from zero */
  gint64 hundredths = (magnitude * 100 * 2 + 60) / (60 * 2);
  const char *decimal_point = localeconv ()->decimal_point;
  g_autoptr(GString) number = g_string_new (minutes < 0 && hundredths > 0 ? "-" : "");
  int cents = hundredths % 100;

  g_string_append_printf (number, "%" G_GINT64_FORMAT, hundredths / 100);
  if (cents != 0)
    {
      g_string_append (number, decimal_point && *decimal_point ? decimal_point : ".");
      if (cents % 10 == 0)
        g_string_append_printf (number, "%d", cents / 10);
      else
        g_string_append_printf (number, "%02d", cents);
    }

  /* Translators: a number of hours, such as "1.5 h" */
  return g_strdup_printf (_("%s h"), number->str);
}
