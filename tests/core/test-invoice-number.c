/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-invoice-number"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "dg-invoice-number.h"
#include "dg-test-utils.h"

typedef struct
{
  const char *pattern;
  const char *date;     /* "YYYY-MM-DD" */
  guint64     counter;
  const char *number;
  const char *prefix;
} NumberCase;

static void
date_of (const char *text,
         GDate      *out_date)
{
  int year, month, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
  g_assert_true (g_date_valid (out_date));
}

static void
check_cases (const NumberCase *cases,
             gsize             n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *prefix = NULL;
      GDate date;

      date_of (cases[i].date, &date);
      number = dg_invoice_number_format (cases[i].pattern, &date, cases[i].counter);
      prefix = dg_invoice_number_series_prefix (cases[i].pattern, &date);
      g_assert_cmpstr (number, ==, cases[i].number);
      g_assert_cmpstr (prefix, ==, cases[i].prefix);
    }
}

static void
test_formats (void)
{
  static const NumberCase cases[] = {
    { "{YYYY}-{NNNN}", "2026-11-28", 7, "2026-0007", "2026-{NNNN}" },
    { "{YYYY}-{NNNN}", "2026-11-28", 1, "2026-0001", "2026-{NNNN}" },
    { "{YYYY}-{NNNN}", "2026-11-28", 9999, "2026-9999", "2026-{NNNN}" },
    { "R{NNNNN}", "2026-11-28", 42, "R00042", "R{NNNNN}" },
    { "{N}", "2026-11-28", 3, "3", "{N}" },
    { "{YY}{MM}-{NNN}", "2026-03-05", 12, "2603-012", "2603-{NNN}" },
    { "INV/{YYYY}/{MM}/{NN}", "2026-01-31", 5, "INV/2026/01/05", "INV/2026/01/{NN}" },
    { "{NN}-{YYYY}", "2026-11-28", 7, "07-2026", "{NN}-2026" },
    { "{MM}.{YY}_{NNNN}", "2026-10-01", 77, "10.26_0077", "10.26_{NNNN}" },
    { "{YY}-{NNN}", "2000-06-15", 1, "00-001", "00-{NNN}" },
    { "{YY}-{NNN}", "2009-06-15", 1, "09-001", "09-{NNN}" },
    { "{YYYY}{MM}{NNN}", "2026-12-31", 4, "202612004", "202612{NNN}" },
    { "{NNNN}", "2026-11-28", 0, "0000", "{NNNN}" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* A prefix (letters, digits, - _ / .) stays as written, and nothing in it
 * is taken for a placeholder. */
static void
test_prefixes (void)
{
  static const NumberCase cases[] = {
    { "GS-{YYYY}-{NNNN}", "2026-11-28", 8, "GS-2026-0008", "GS-2026-{NNNN}" },
    { "ST-{YYYY}-{NNNN}", "2026-11-28", 1, "ST-2026-0001", "ST-2026-{NNNN}" },
    { "YYYY-NN-{NNN}", "2026-11-28", 2, "YYYY-NN-002", "YYYY-NN-{NNN}" },
    { "a.b_c/{N}", "2026-11-28", 15, "a.b_c/15", "a.b_c/{N}" },
    { "MM{MM}-{N}", "2026-02-01", 1, "MM02-1", "MM02-{N}" },
    { "2026-{NNNN}x", "2027-11-28", 3, "2026-0003x", "2026-{NNNN}x" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* The series follows the dates in the pattern: a yearly pattern starts a
 * new series on 1 January, a monthly one on the first of each month, and
 * a pattern without a date never does. */
static void
test_series_change (void)
{
  static const struct {
    const char *pattern;
    const char *date_a;
    const char *date_b;
    gboolean    same_series;
  } cases[] = {
    { "{YYYY}-{NNNN}", "2026-12-31", "2027-01-01", FALSE },
    { "{YYYY}-{NNNN}", "2026-01-01", "2026-12-31", TRUE },
    { "{YY}{MM}-{NNN}", "2026-11-30", "2026-12-01", FALSE },
    { "{YY}{MM}-{NNN}", "2026-11-01", "2026-11-30", TRUE },
    { "{YY}{MM}-{NNN}", "2026-11-15", "2027-11-15", FALSE },
    { "{MM}-{NNN}", "2026-11-15", "2027-11-15", TRUE },
    { "{YY}-{NNN}", "1926-05-01", "2026-05-01", TRUE },
    { "{YYYY}-{NNN}", "1926-05-01", "2026-05-01", FALSE },
    { "R{NNNNN}", "2026-12-31", "2027-01-01", TRUE },
    { "R{NNNNN}", "2026-12-31", "2040-07-01", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *prefix_a = NULL;
      g_autofree char *prefix_b = NULL;
      GDate a, b;

      date_of (cases[i].date_a, &a);
      date_of (cases[i].date_b, &b);
      prefix_a = dg_invoice_number_series_prefix (cases[i].pattern, &a);
      prefix_b = dg_invoice_number_series_prefix (cases[i].pattern, &b);
      if (cases[i].same_series)
        g_assert_cmpstr (prefix_a, ==, prefix_b);
      else
        g_assert_cmpstr (prefix_a, !=, prefix_b);
    }
}

/* A counter that outgrows its placeholder is written in full, never cut,
 * so numbers stay unique. */
static void
test_wide_counters (void)
{
  static const NumberCase cases[] = {
    { "{YYYY}-{NNNN}", "2026-11-28", 10000, "2026-10000", "2026-{NNNN}" },
    { "{YYYY}-{NNNN}", "2026-11-28", 123456789, "2026-123456789", "2026-{NNNN}" },
    { "{N}-{YY}", "2026-11-28", 100, "100-26", "{N}-26" },
    { "R{NNNNNNNNNN}", "2026-11-28", 42, "R0000000042", "R{NNNNNNNNNN}" },
    { "R{NNNNNNNNNN}", "2026-11-28", 9999999999, "R9999999999", "R{NNNNNNNNNN}" },
    { "R{NNNNNNNNNN}", "2026-11-28", G_MAXUINT64, "R18446744073709551615", "R{NNNNNNNNNN}" },
    { "{N}", "2026-11-28", G_MAXUINT64, "18446744073709551615", "{N}" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Every number of a series is its prefix with the counter filled in, and
 * consecutive counters give distinct numbers. */
static void
test_prefix_agrees_with_number (void)
{
  static const char * const patterns[] = {
    "{YYYY}-{NNNN}", "R{NNNNN}", "{YY}{MM}-{NNN}", "{NN}/{YYYY}", "x{N}y{MM}",
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GDate date;

  date_of ("2026-11-28", &date);
  for (gsize p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autofree char *prefix = dg_invoice_number_series_prefix (patterns[p], &date);
      const char *open = strchr (prefix, '{');
      const char *close = strchr (prefix, '}');

      g_assert_nonnull (open);
      g_assert_nonnull (close);
      g_hash_table_remove_all (seen);

      for (guint64 counter = 1; counter <= 1500; counter++)
        {
          g_autofree char *number = dg_invoice_number_format (patterns[p], &date, counter);
          g_autofree char *digits = g_strdup_printf ("%0*" G_GUINT64_FORMAT,
                                                     (int) (close - open - 1), counter);
          g_autofree char *expected = g_strdup_printf ("%.*s%s%s", (int) (open - prefix),
                                                       prefix, digits, close + 1);

          g_assert_cmpstr (number, ==, expected);
          g_assert_false (g_hash_table_contains (seen, number));
          g_hash_table_add (seen, g_steal_pointer (&number));
        }
    }
}

static void
test_invalid_pattern (void)
{
  g_autofree char *number = NULL;
  GDate date;

  date_of ("2026-11-28", &date);
  g_test_expect_message ("dg-invoice-number", G_LOG_LEVEL_CRITICAL, "*pattern*");
  number = dg_invoice_number_format ("{YYYY}-{NN}-{NN}", &date, 1);
  g_test_assert_expected_messages ();
  g_assert_null (number);
}

int
main (int argc, char *argv[])
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/invoice-number/formats", test_formats);
  g_test_add_func ("/invoice-number/prefixes", test_prefixes);
  g_test_add_func ("/invoice-number/series-change", test_series_change);
  g_test_add_func ("/invoice-number/wide-counters", test_wide_counters);
  g_test_add_func ("/invoice-number/prefix-agrees", test_prefix_agrees_with_number);
  g_test_add_func ("/invoice-number/invalid-pattern", test_invalid_pattern);

  return g_test_run ();
}
