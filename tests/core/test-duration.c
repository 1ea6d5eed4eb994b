/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-duration"

#include <locale.h>
#include <string.h>

#include "dg-duration.h"
#include "dg-test-utils.h"

static void
test_parse_forms (void)
{
  static const struct { const char *text; gint64 seconds; } cases[] = {
    /* clock */
    { "1:30", 5400 },
    { "0:05", 300 },
    { "01:30:00", 5400 },
    { "00:00:36", 36 },
    { "27:00", 97200 },
    { "0:00", 0 },
    { "  1:30\t", 5400 },
    /* decimal hours, either sign, computed exactly */
    { "1.5", 5400 },
    { "1,5", 5400 },
    { "0,01", 36 },
    { "0.01", 36 },
    { "0.25", 900 },
    { ".5", 1800 },
    { "2", 7200 },
    { "8.000", 28800 },
    { "1.3333333333333333", 4800 },
    { "0.0001", 0 },       /* 0.36 s */
    { "0.0002", 1 },       /* 0.72 s */
    /* units */
    { "90m", 5400 },
    { "90 min", 5400 },
    { "90 MIN", 5400 },
    { "45 minutes", 2700 },
    { "2h", 7200 },
    { "2 hours", 7200 },
    { "1h 30m", 5400 },
    { "1h30m", 5400 },
    { "1h30", 5400 },
    { "1h 30", 5400 },
    { "1.5h", 5400 },
    { "1,5 h", 5400 },
    { "1h 30m 20s", 5420 },
    { "90s", 90 },
    /* German */
    { "2 Std", 7200 },
    { "1,5 Std.", 5400 },
    { "1 Std. 30 Min.", 5400 },
    { "45 Min", 2700 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seconds = -1;

      g_test_message ("“%s”", cases[i].text);
      g_assert_true (dg_duration_parse (cases[i].text, 0, &seconds, &error));
      g_assert_no_error (error);
      g_assert_cmpint (seconds, ==, cases[i].seconds);
    }
}

static void
test_parse_refusals (void)
{
  static const struct { const char *text; gint64 max; DgDurationError code; } cases[] = {
    { "", 0, DG_DURATION_ERROR_INVALID },
    { "   ", 0, DG_DURATION_ERROR_INVALID },
    { "-1:00", 0, DG_DURATION_ERROR_NEGATIVE },
    { "-1.5", 0, DG_DURATION_ERROR_NEGATIVE },
    { "−30m", 0, DG_DURATION_ERROR_NEGATIVE },
    { "1:75", 0, DG_DURATION_ERROR_INVALID },
    { "1:30:60", 0, DG_DURATION_ERROR_INVALID },
    { "1:5", 0, DG_DURATION_ERROR_INVALID },
    { "1:30:", 0, DG_DURATION_ERROR_INVALID },
    { ":30", 0, DG_DURATION_ERROR_INVALID },
    { "1:30 h", 0, DG_DURATION_ERROR_INVALID },
    { "abc", 0, DG_DURATION_ERROR_INVALID },
    { "1.", 0, DG_DURATION_ERROR_INVALID },
    { "1.5.2", 0, DG_DURATION_ERROR_INVALID },
    { "1 30", 0, DG_DURATION_ERROR_INVALID },
    { "30m 1h", 0, DG_DURATION_ERROR_INVALID },
    { "1h 2h", 0, DG_DURATION_ERROR_INVALID },
    { "1h 30.5", 0, DG_DURATION_ERROR_INVALID },
    { "h", 0, DG_DURATION_ERROR_INVALID },
    { "5 parsecs", 0, DG_DURATION_ERROR_INVALID },
    { "+1:00", 0, DG_DURATION_ERROR_INVALID },
    { "99999999999999999999", 0, DG_DURATION_ERROR_INVALID },
    { "24:01", 86400, DG_DURATION_ERROR_TOO_LONG },
    { "25", 86400, DG_DURATION_ERROR_TOO_LONG },
    { "1441m", 86400, DG_DURATION_ERROR_TOO_LONG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (cases[i].text));
      gint64 seconds = 42;

      g_test_message ("“%s”", cases[i].text);
      g_assert_false (dg_duration_parse (cases[i].text, cases[i].max, &seconds, &error));
      g_assert_error (error, DG_DURATION_ERROR, (int) cases[i].code);
      g_assert_cmpint (seconds, ==, 42);
      /* The sentence quotes what was typed, so the user sees which cell. */
      if (error != NULL && *stripped != '\0')
        g_assert_nonnull (strstr (error->message, stripped));
    }

  /* Exactly the maximum is allowed. */
  {
    gint64 seconds = 0;

    g_assert_true (dg_duration_parse ("24:00", 86400, &seconds, NULL));
    g_assert_cmpint (seconds, ==, 86400);
    g_assert_true (dg_duration_parse ("1440 min", 86400, &seconds, NULL));
    g_assert_cmpint (seconds, ==, 86400);
  }
}

static void
test_seconds_to_minutes (void)
{
  g_assert_cmpint (dg_duration_seconds_to_minutes (0), ==, 0);
  g_assert_cmpint (dg_duration_seconds_to_minutes (29), ==, 0);
  g_assert_cmpint (dg_duration_seconds_to_minutes (30), ==, 1);
  g_assert_cmpint (dg_duration_seconds_to_minutes (36), ==, 1);
  g_assert_cmpint (dg_duration_seconds_to_minutes (89), ==, 1);
  g_assert_cmpint (dg_duration_seconds_to_minutes (90), ==, 2);
  g_assert_cmpint (dg_duration_seconds_to_minutes (3600), ==, 60);
  g_assert_cmpint (dg_duration_seconds_to_minutes (3601), ==, 60);
  g_assert_cmpint (dg_duration_seconds_to_minutes (-30), ==, -1);
  g_assert_cmpint (dg_duration_seconds_to_minutes (-29), ==, 0);
}

static void
test_format_minutes (void)
{
  static const struct { gint64 minutes; const char *text; } cases[] = {
    { 0, "0:00" },
    { 5, "0:05" },
    { 90, "1:30" },
    { 1620, "27:00" },
    { 6000, "100:00" },
    { -5, "-0:05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = dg_duration_format_minutes (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_hours (void)
{
  static const struct { gint64 minutes; const char *text; } cases[] = {
    { 0, "0 h" },
    { 60, "1 h" },
    { 90, "1.5 h" },
    { 735, "12.25 h" },
    { 1, "0.02 h" },      /* 0.0166… */
    { 20, "0.33 h" },
    { 40, "0.67 h" },
    { 1500, "25 h" },
    { -90, "-1.5 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = dg_duration_format_hours (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The decimal sign is the locale's; the test runs where German is there. */
static void
test_format_hours_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *text = NULL;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("The locale de_DE.UTF-8 is not installed (package locales-all).");
      return;
    }
  text = dg_duration_format_hours (735);
  setlocale (LC_NUMERIC, saved);
  g_assert_cmpstr (text, ==, "12,25 h");
}

/* What the window's grid does with a cell: parse, then whole minutes. */
static void
test_parse_then_round (void)
{
  gint64 seconds = 0;

  g_assert_true (dg_duration_parse ("0,01", 0, &seconds, NULL));
  g_assert_cmpint (dg_duration_seconds_to_minutes (seconds), ==, 1);
  g_assert_true (dg_duration_parse ("0:00:29", 0, &seconds, NULL));
  g_assert_cmpint (dg_duration_seconds_to_minutes (seconds), ==, 0);
  g_assert_true (dg_duration_parse ("1.3333333333333333", 0, &seconds, NULL));
  g_assert_cmpint (dg_duration_seconds_to_minutes (seconds), ==, 80);
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/duration/parse-forms", test_parse_forms);
  g_test_add_func ("/duration/parse-refusals", test_parse_refusals);
  g_test_add_func ("/duration/parse-then-round", test_parse_then_round);
  g_test_add_func ("/duration/seconds-to-minutes", test_seconds_to_minutes);
  g_test_add_func ("/duration/format-minutes", test_format_minutes);
  g_test_add_func ("/duration/format-hours", test_format_hours);
  g_test_add_func ("/duration/format-hours-locale", test_format_hours_locale);

  return g_test_run ();
}
