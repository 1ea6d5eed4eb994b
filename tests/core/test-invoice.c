/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-invoice"

#include <glib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "dg-invoice-private.h"
#include "dg-test-utils.h"

static const DgNumberStyle german = { ",", ".", FALSE, TRUE };
static const DgNumberStyle english = { ".", ",", TRUE, FALSE };

/* ---- helpers -------------------------------------------------------------- */

static DgInvoiceLine *
line_new (DgInvoiceLineKind kind,
          gint64            amount,
          int               tax_rate)
{
  DgInvoiceLine *line = g_new0 (DgInvoiceLine, 1);

  line->kind = kind;
  line->description = g_strdup ("Work");
  line->service_date = g_strdup ("");
  line->recurrence_id = g_strdup ("");
  line->quantity = 1;
  line->unit_price = amount;
  line->amount = amount;
  line->tax_rate = tax_rate;
  return line;
}

/* An hours line valued as the store values it. */
static DgInvoiceLine *
hours_line (gint64 minutes,
            gint64 hourly_rate,
            int    tax_rate)
{
  g_autoptr(GError) error = NULL;
  DgInvoiceLine *line;
  gint64 amount = 0;

  g_assert_true (dg_money_amount_for_minutes (minutes, hourly_rate, &amount, &error));
  g_assert_no_error (error);
  line = line_new (DG_INVOICE_LINE_HOURS, amount, tax_rate);
  line->minutes = minutes;
  line->unit_price = hourly_rate;
  return line;
}

static DgInvoiceLine *
extra_line (gint64 quantity,
            gint64 unit_price,
            int    tax_rate)
{
  DgInvoiceLine *line = line_new (DG_INVOICE_LINE_EXTRA, quantity * unit_price, tax_rate);

  line->quantity = quantity;
  line->unit_price = unit_price;
  return line;
}

static GPtrArray *
lines_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) dg_invoice_line_free);
}

/* The lines of a cancellation: the same, negated. */
static GPtrArray *
lines_negated (GPtrArray *lines)
{
  GPtrArray *negated = lines_new ();

  for (guint i = 0; i < lines->len; i++)
    {
      DgInvoiceLine *copy = dg_invoice_line_copy (g_ptr_array_index (lines, i));

      copy->amount = -copy->amount;
      if (copy->kind == DG_INVOICE_LINE_HOURS)
        copy->minutes = -copy->minutes;
      else
        copy->quantity = -copy->quantity;
      g_ptr_array_add (negated, copy);
    }
  return negated;
}

static DgInvoiceParties *
parties_new (void)
{
  DgInvoiceParties *parties = g_new0 (DgInvoiceParties, 1);

  parties->business_name = g_strdup ("Example GmbH");
  parties->business_address = g_strdup ("Hauptstraße 1\n10115 Berlin");
  parties->business_tax_number = g_strdup ("12/345/67890");
  parties->business_vat_id = g_strdup ("DE123456789");
  parties->business_email = g_strdup ("owner@example.com");
  parties->assistant_name = g_strdup ("Ana Reyes");
  parties->assistant_address = g_strdup ("Calle 5\n28001 Madrid");
  parties->assistant_country = g_strdup ("ES");
  parties->assistant_email = g_strdup ("ana@example.com");
  parties->assistant_tax_number = g_strdup ("");
  parties->assistant_vat_id = g_strdup ("ESX1234567X");
  parties->assistant_iban = g_strdup ("ES9121000418450200051332");
  parties->assistant_bic = g_strdup ("CAIXESBBXXX");
  parties->self_billing_date = g_strdup ("2026-01-15");
  parties->tax_status = DG_TAX_STATUS_REVERSE_CHARGE;
  parties->vat_rate = 0;
  return parties;
}

typedef struct
{
  gint64 net;
  gint64 tax;
  gint64 total;
} Totals;

static Totals
totals_of (GPtrArray  *lines,
           GPtrArray **out_groups)
{
  g_autoptr(GError) error = NULL;
  Totals totals = { -1, -1, -1 };

  g_assert_true (dg_invoice_compute_totals (lines, out_groups, &totals.net, &totals.tax,
                                            &totals.total, &error));
  g_assert_no_error (error);
  return totals;
}

static void
assert_group (GPtrArray *groups,
              guint      index,
              int        tax_rate,
              gint64     net,
              gint64     tax)
{
  const DgInvoiceTaxGroup *group;

  g_assert_cmpuint (index, <, groups->len);
  group = g_ptr_array_index (groups, index);
  g_assert_cmpint (group->tax_rate, ==, tax_rate);
  g_assert_cmpint (group->net, ==, net);
  g_assert_cmpint (group->tax, ==, tax);
}

static void
assert_formatted (gint64               minor,
                  const char          *currency,
                  const DgNumberStyle *style,
                  const char          *expected)
{
  g_autofree char *text = NULL;
  DgMoney money;

  dg_money_init (&money, minor, currency);
  text = dg_money_format_with_style (&money, style);
  g_assert_cmpstr (text, ==, expected);
}

/* ---- enums, lines, paper -------------------------------------------------- */

static void
test_enums (void)
{
  static const struct { DgInvoiceState state; const char *name; } states[] = {
    { DG_INVOICE_STATE_DRAFT, "draft" },
    { DG_INVOICE_STATE_ISSUED, "issued" },
    { DG_INVOICE_STATE_PAID, "paid" },
    { DG_INVOICE_STATE_CANCELLED, "cancelled" },
  };
  static const struct { DgInvoiceLineKind kind; const char *name; } kinds[] = {
    { DG_INVOICE_LINE_HOURS, "hours" },
    { DG_INVOICE_LINE_FIXED_FEE, "fixed-fee" },
    { DG_INVOICE_LINE_EXTRA, "extra" },
  };
  DgInvoiceState state;
  DgInvoiceGrouping grouping;
  DgInvoiceLineKind kind;
  DgPaper paper;

  for (gsize i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_assert_cmpstr (dg_invoice_state_to_string (states[i].state), ==, states[i].name);
      g_assert_true (dg_invoice_state_from_string (states[i].name, &state));
      g_assert_cmpint (state, ==, states[i].state);
      g_assert_cmpuint (strlen (dg_invoice_state_get_label (states[i].state)), >, 0);
    }
  g_assert_cmpstr (dg_invoice_state_get_label (DG_INVOICE_STATE_CANCELLED), ==, "Cancelled");
  g_assert_false (dg_invoice_state_from_string ("Draft", &state));
  g_assert_false (dg_invoice_state_from_string (NULL, &state));
  g_assert_true (G_TYPE_IS_ENUM (DG_TYPE_INVOICE_STATE));

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_cmpstr (dg_invoice_line_kind_to_string (kinds[i].kind), ==, kinds[i].name);
      g_assert_true (dg_invoice_line_kind_from_string (kinds[i].name, &kind));
      g_assert_cmpint (kind, ==, kinds[i].kind);
    }
  g_assert_false (dg_invoice_line_kind_from_string ("fee", &kind));

  g_assert_cmpstr (dg_invoice_grouping_to_string (DG_INVOICE_GROUPING_BY_TASK), ==, "by-task");
  g_assert_cmpstr (dg_invoice_grouping_to_string (DG_INVOICE_GROUPING_BY_ENTRY), ==, "by-entry");
  g_assert_true (dg_invoice_grouping_from_string ("by-entry", &grouping));
  g_assert_cmpint (grouping, ==, DG_INVOICE_GROUPING_BY_ENTRY);
  g_assert_true (dg_invoice_grouping_from_string ("by-task", &grouping));
  g_assert_cmpint (grouping, ==, DG_INVOICE_GROUPING_BY_TASK);
  g_assert_false (dg_invoice_grouping_from_string ("task", &grouping));

  g_assert_cmpstr (dg_paper_to_string (DG_PAPER_A4), ==, "a4");
  g_assert_cmpstr (dg_paper_to_string (DG_PAPER_LETTER), ==, "letter");
  g_assert_true (dg_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, DG_PAPER_LETTER);
  g_assert_true (dg_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, DG_PAPER_A4);
  g_assert_false (dg_paper_from_string ("A4", &paper));
}

static void
test_line_copy (void)
{
  g_autoptr(DgInvoiceLine) line = hours_line (90, 4500, 1900);
  g_autoptr(DgInvoiceLine) copy = NULL;

  line->id = 12;
  line->position = 3;
  line->task_id = 7;
  line->handbook_id = 4;
  line->handbook_version = 2;
  g_free (line->service_date);
  line->service_date = g_strdup ("2026-11-02");
  g_free (line->recurrence_id);
  line->recurrence_id = g_strdup ("20261102T090000Z");

  copy = dg_invoice_line_copy (line);
  g_assert_true (copy != line);
  g_assert_cmpint (copy->id, ==, 12);
  g_assert_cmpuint (copy->position, ==, 3);
  g_assert_cmpint (copy->kind, ==, DG_INVOICE_LINE_HOURS);
  g_assert_cmpint (copy->task_id, ==, 7);
  g_assert_cmpint (copy->handbook_id, ==, 4);
  g_assert_cmpint (copy->handbook_version, ==, 2);
  g_assert_cmpint (copy->minutes, ==, 90);
  g_assert_cmpint (copy->unit_price, ==, 4500);
  g_assert_cmpint (copy->amount, ==, 6750);
  g_assert_cmpint (copy->tax_rate, ==, 1900);
  g_assert_cmpstr (copy->description, ==, "Work");
  g_assert_true (copy->description != line->description);
  g_assert_cmpstr (copy->service_date, ==, "2026-11-02");
  g_assert_true (copy->service_date != line->service_date);
  g_assert_cmpstr (copy->recurrence_id, ==, "20261102T090000Z");
  g_assert_true (copy->recurrence_id != line->recurrence_id);

  dg_invoice_line_free (NULL);
}

static void
test_paper (void)
{
  static const struct { const char *locale; DgPaper paper; } cases[] = {
    { "en_US.UTF-8", DG_PAPER_LETTER },
    { "en_CA.UTF-8", DG_PAPER_LETTER },
    { "de_DE.UTF-8", DG_PAPER_A4 },
    { "en_GB.UTF-8", DG_PAPER_A4 },
    { "C", DG_PAPER_A4 },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_PAPER, NULL));
  double width = 0, height = 0;

  dg_paper_get_size (DG_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.001);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.001);
  dg_paper_get_size (DG_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612.0);
  g_assert_cmpfloat (height, ==, 792.0);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (setlocale (LC_PAPER, cases[i].locale) == NULL)
        {
          g_test_message ("Locale %s is not installed; its paper is not checked.", cases[i].locale);
          continue;
        }
      g_assert_cmpint (dg_paper_from_locale (), ==, cases[i].paper);
    }
  setlocale (LC_PAPER, saved);
}

/* ---- totals in three currencies ------------------------------------------- */

/* EUR, two minor digits: each line rounded half away from zero, tax per rate
 * on the sum of the nets (not per line), groups by rate ascending. */
static void
test_totals_eur (void)
{
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) small = lines_new ();
  g_autoptr(GPtrArray) small_groups = NULL;
  Totals totals;

  /* 20 min × 50.05 €/h = 16.683… → 16.68; 1 min × 0.30 €/h = 0.005 → 0.01
   * (the tie goes up); an expense of 12.50 € at 7 %. */
  g_ptr_array_add (lines, hours_line (20, 5005, 1900));
  g_ptr_array_add (lines, extra_line (1, 1250, 700));
  g_ptr_array_add (lines, hours_line (1, 30, 1900));
  g_assert_cmpint (((DgInvoiceLine *) lines->pdata[0])->amount, ==, 1668);
  g_assert_cmpint (((DgInvoiceLine *) lines->pdata[2])->amount, ==, 1);

  totals = totals_of (lines, &groups);
  g_assert_cmpuint (groups->len, ==, 2);
  /* 12.50 × 7 % = 0.875 → 0.88; 16.69 × 19 % = 3.1711 → 3.17 */
  assert_group (groups, 0, 700, 1250, 88);
  assert_group (groups, 1, 1900, 1669, 317);
  g_assert_cmpint (totals.net, ==, 2919);
  g_assert_cmpint (totals.tax, ==, 405);
  g_assert_cmpint (totals.total, ==, 3324);

  assert_formatted (totals.net, "EUR", &english, "€29.19");
  assert_formatted (totals.tax, "EUR", &english, "€4.05");
  assert_formatted (totals.total, "EUR", &english, "€33.24");
  assert_formatted (totals.total, "EUR", &german, "33,24 €");

  /* Five lines of 0.02 € at 19 %: 0.0038 € of tax each would round to
   * nothing; on their sum, 0.10 € × 19 % = 0.019 → 0.02. */
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (small, extra_line (1, 2, 1900));
  totals = totals_of (small, &small_groups);
  assert_group (small_groups, 0, 1900, 10, 2);
  g_assert_cmpint (totals.total, ==, 12);
  assert_formatted (totals.total, "EUR", &german, "0,12 €");
}

/* JPY has no minor unit: amounts are whole yen and round to them. */
static void
test_totals_jpy (void)
{
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GPtrArray) groups = NULL;
  Totals totals;

  /* 50 min × 2,500 ¥/h = 2,083.3 → 2,083; 7 min → 291.67 → 292;
   * 3 min × 2,510 ¥/h = 125.5 → 126 */
  g_ptr_array_add (lines, hours_line (50, 2500, 1000));
  g_ptr_array_add (lines, hours_line (7, 2500, 1000));
  g_ptr_array_add (lines, hours_line (3, 2510, 1000));
  g_assert_cmpint (((DgInvoiceLine *) lines->pdata[0])->amount, ==, 2083);
  g_assert_cmpint (((DgInvoiceLine *) lines->pdata[1])->amount, ==, 292);
  g_assert_cmpint (((DgInvoiceLine *) lines->pdata[2])->amount, ==, 126);

  totals = totals_of (lines, &groups);
  /* 2,501 ¥ × 10 % = 250.1 → 250 */
  g_assert_cmpuint (groups->len, ==, 1);
  assert_group (groups, 0, 1000, 2501, 250);
  g_assert_cmpint (totals.total, ==, 2751);
  assert_formatted (totals.net, "JPY", &english, "¥2,501");
  assert_formatted (totals.tax, "JPY", &english, "¥250");
  assert_formatted (totals.total, "JPY", &english, "¥2,751");
  assert_formatted (totals.total, "JPY", &german, "2.751 ¥");

  /* 2,375 ¥ × 10 % = 237.5: the tie rounds up to 238. */
  g_ptr_array_set_size (lines, 0);
  g_clear_pointer (&groups, g_ptr_array_unref);
  g_ptr_array_add (lines, extra_line (1, 2375, 1000));
  totals = totals_of (lines, &groups);
  assert_group (groups, 0, 1000, 2375, 238);
  assert_formatted (totals.total, "JPY", &english, "¥2,613");
}

/* KWD has three minor digits (fils). */
static void
test_totals_kwd (void)
{
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GPtrArray) groups = NULL;
  Totals totals;

  /* 45 min × 4.125 KWD/h = 3.09375 → 3.094; 1 min × 0.030 KWD/h = 0.0005 → 0.001 */
  g_ptr_array_add (lines, hours_line (45, 4125, 500));
  g_ptr_array_add (lines, hours_line (1, 30, 500));
  g_ptr_array_add (lines, extra_line (2, 1500, 0));
  g_assert_cmpint (((DgInvoiceLine *) lines->pdata[0])->amount, ==, 3094);
  g_assert_cmpint (((DgInvoiceLine *) lines->pdata[1])->amount, ==, 1);

  totals = totals_of (lines, &groups);
  /* 3.095 × 5 % = 0.15475 → 0.155 */
  g_assert_cmpuint (groups->len, ==, 2);
  assert_group (groups, 0, 0, 3000, 0);
  assert_group (groups, 1, 500, 3095, 155);
  g_assert_cmpint (totals.net, ==, 6095);
  g_assert_cmpint (totals.tax, ==, 155);
  g_assert_cmpint (totals.total, ==, 6250);
  assert_formatted (totals.net, "KWD", &english, "KWD 6.095");
  assert_formatted (totals.tax, "KWD", &english, "KWD 0.155");
  assert_formatted (totals.total, "KWD", &english, "KWD 6.250");
  assert_formatted (totals.total, "KWD", &german, "6,250 KWD");
}

/* Several rates on one invoice, the lines in no particular order: one
 * group per rate, ascending, each taxed on its own sum. */
static void
test_several_rates (void)
{
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GPtrArray) groups = NULL;
  Totals totals;

  g_ptr_array_add (lines, extra_line (1, 10001, 1900));
  g_ptr_array_add (lines, extra_line (3, 333, 0));
  g_ptr_array_add (lines, extra_line (1, 2050, 700));
  g_ptr_array_add (lines, extra_line (1, 9999, 1900));
  g_ptr_array_add (lines, extra_line (1, 4321, 1600));
  g_ptr_array_add (lines, extra_line (1, -500, 700));

  totals = totals_of (lines, &groups);
  g_assert_cmpuint (groups->len, ==, 4);
  assert_group (groups, 0, 0, 999, 0);
  /* 15.50 × 7 % = 1.085 → 1.09 */
  assert_group (groups, 1, 700, 1550, 109);
  /* 43.21 × 16 % = 6.9136 → 6.91 */
  assert_group (groups, 2, 1600, 4321, 691);
  /* 200.00 × 19 % = 38.00 */
  assert_group (groups, 3, 1900, 20000, 3800);
  g_assert_cmpint (totals.net, ==, 999 + 1550 + 4321 + 20000);
  g_assert_cmpint (totals.tax, ==, 109 + 691 + 3800);
  g_assert_cmpint (totals.total, ==, totals.net + totals.tax);
  assert_formatted (totals.total, "EUR", &german, "314,70 €");
}

/* A cancellation negates every line; rounding half away from zero makes its
 * tax and total the exact negatives of the original's, ties included. */
static void
test_negative_lines (void)
{
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GPtrArray) negated = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) negated_groups = NULL;
  g_autoptr(GPtrArray) jpy = lines_new ();
  g_autoptr(GPtrArray) jpy_groups = NULL;
  Totals totals, cancelled;

  g_ptr_array_add (lines, hours_line (20, 5005, 1900));
  g_ptr_array_add (lines, extra_line (1, 1250, 700));
  g_ptr_array_add (lines, hours_line (1, 30, 1900));
  negated = lines_negated (lines);
  g_assert_cmpint (((DgInvoiceLine *) negated->pdata[2])->amount, ==, -1);

  totals = totals_of (lines, &groups);
  cancelled = totals_of (negated, &negated_groups);
  g_assert_cmpuint (negated_groups->len, ==, groups->len);
  /* -12.50 × 7 % = -0.875 → -0.88, not -0.87 */
  assert_group (negated_groups, 0, 700, -1250, -88);
  assert_group (negated_groups, 1, 1900, -1669, -317);
  g_assert_cmpint (cancelled.net, ==, -totals.net);
  g_assert_cmpint (cancelled.tax, ==, -totals.tax);
  g_assert_cmpint (cancelled.total, ==, -totals.total);
  assert_formatted (cancelled.total, "EUR", &english, "-€33.24");
  assert_formatted (cancelled.total, "EUR", &german, "-33,24 €");

  /* Hours negated before rounding: -1 min × 0.30 €/h = -0.005 → -0.01. */
  {
    g_autoptr(DgInvoiceLine) line = hours_line (-1, 30, 1900);

    g_assert_cmpint (line->amount, ==, -1);
  }

  /* A discount on an invoice: 2,375 ¥ - 250 ¥ at 10 % = 212.5 → 213. */
  g_ptr_array_add (jpy, extra_line (1, 2375, 1000));
  g_ptr_array_add (jpy, extra_line (1, -250, 1000));
  totals = totals_of (jpy, &jpy_groups);
  assert_group (jpy_groups, 0, 1000, 2125, 213);
  assert_formatted (totals.total, "JPY", &english, "¥2,338");
  g_ptr_array_set_size (jpy, 0);
  g_clear_pointer (&jpy_groups, g_ptr_array_unref);
  g_ptr_array_add (jpy, extra_line (1, -2125, 1000));
  totals = totals_of (jpy, &jpy_groups);
  assert_group (jpy_groups, 0, 1000, -2125, -213);
  assert_formatted (totals.total, "JPY", &english, "-¥2,338");

  /* A credit line that cancels the rest: net zero, tax zero. */
  g_ptr_array_add (jpy, extra_line (1, 2125, 1000));
  totals = totals_of (jpy, NULL);
  g_assert_cmpint (totals.net, ==, 0);
  g_assert_cmpint (totals.tax, ==, 0);
  g_assert_cmpint (totals.total, ==, 0);
}

static void
test_no_lines (void)
{
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GPtrArray) groups = NULL;
  Totals totals = totals_of (lines, &groups);

  g_assert_cmpuint (groups->len, ==, 0);
  g_assert_cmpint (totals.net, ==, 0);
  g_assert_cmpint (totals.tax, ==, 0);
  g_assert_cmpint (totals.total, ==, 0);
}

/* round(net × rate / 10000) half away from zero, computed in 128 bits: an
 * independent check of the 64-bit computation. */
static gint64
exact_tax (gint64 net,
           int    rate)
{
  __int128 product = (__int128) net * rate;
  __int128 quotient = product / 10000;
  __int128 remainder = product % 10000;

  if (remainder >= 5000)
    quotient++;
  else if (remainder <= -5000)
    quotient--;
  g_assert_true (quotient >= G_MININT64 && quotient <= G_MAXINT64);
  return (gint64) quotient;
}

/* Large amounts whose net × rate does not fit in 64 bits still get the
 * exact tax; amounts whose sum or tax does not fit are refused. */
static void
test_overflow (void)
{
  static const struct { gint64 a; gint64 b; int rate; } refused[] = {
    { G_MAXINT64, 1, 0 },                         /* the net */
    { G_MININT64, -1, 0 },
    { G_MAXINT64 / 2 + 1, G_MAXINT64 / 2 + 1, 0 },
    { G_MAXINT64 - 10, 0, 1900 },                 /* net + tax */
    { G_MININT64 + 10, 0, 1900 },
    { G_MAXINT64 / 2, 0, 25000 },                 /* the tax itself */
  };
  static const struct { gint64 net; int rate; } large[] = {
    { 4000000000000000000, 1900 },
    { -4000000000000000000, 1900 },
    { 7000000000000000001, 2500 },
    { -7000000000000000001, 2500 },
    { G_MAXINT64 / 2, 10000 },
    { 4611686018427387905, 9999 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GPtrArray) lines = lines_new ();
      g_autoptr(GPtrArray) groups = NULL;
      g_autoptr(GError) error = NULL;
      gint64 net = 4711, tax = 4711, total = 4711;

      g_ptr_array_add (lines, extra_line (1, refused[i].a, refused[i].rate));
      g_ptr_array_add (lines, extra_line (1, refused[i].b, refused[i].rate));
      g_assert_false (dg_invoice_compute_totals (lines, &groups, &net, &tax, &total, &error));
      g_assert_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_OVERFLOW);
      g_assert_null (groups);
      g_assert_cmpint (net, ==, 4711);
      g_assert_cmpint (tax, ==, 4711);
      g_assert_cmpint (total, ==, 4711);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (large); i++)
    {
      g_autoptr(GPtrArray) lines = lines_new ();
      g_autoptr(GPtrArray) groups = NULL;
      Totals totals;

      g_ptr_array_add (lines, extra_line (1, large[i].net, large[i].rate));
      totals = totals_of (lines, &groups);
      assert_group (groups, 0, large[i].rate, large[i].net, exact_tax (large[i].net, large[i].rate));
      g_assert_cmpint (totals.total, ==, totals.net + totals.tax);
    }

  /* _dg_invoice_new fails as the totals do. */
  {
    g_autoptr(GPtrArray) lines = lines_new ();
    g_autoptr(GError) error = NULL;
    DgInvoiceFields fields = { .currency = "EUR" };
    DgInvoice *invoice;

    g_ptr_array_add (lines, extra_line (1, G_MAXINT64, 1900));
    invoice = _dg_invoice_new (&fields, g_steal_pointer (&lines), parties_new (), &error);
    g_assert_null (invoice);
    g_assert_error (error, DG_MONEY_ERROR, DG_MONEY_ERROR_OVERFLOW);
  }
}

/* ---- randomised ----------------------------------------------------------- */

/* Random invoices: lines of every kind (hours from minutes × rate, fixed
 * fees, expenses, discounts, cancellations), several tax rates, in EUR, JPY
 * and KWD. Whatever the lines, the figures printed on the invoice agree:
 * net = Σ groups' nets = Σ lines, tax = Σ groups' taxes, each group's tax
 * is the exact rounding of its net, total = net + tax, and a cancellation
 * is the exact negative. The seed is fixed and printed, so a failure can be
 * repeated; DG_TEST_SEED chooses another. */
static void
test_random_invoices (void)
{
  static const char * const currencies[] = { "EUR", "JPY", "KWD" };
  static const int rates[] = { 0, 500, 700, 1000, 1600, 1900, 2000, 2100, 2500, 777, 10000 };
  const char *seed_text = g_getenv ("DG_TEST_SEED");
  guint32 seed = seed_text != NULL ? (guint32) strtoul (seed_text, NULL, 10) : 20261128;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_invoices = 5000, n_lines_total = 0;

  g_test_message ("Random invoices with seed %" G_GUINT32_FORMAT " (set DG_TEST_SEED to repeat another)", seed);

  for (guint n = 0; n < n_invoices; n++)
    {
      const char *currency = currencies[g_rand_int_range (rand, 0, G_N_ELEMENTS (currencies))];
      int scale = dg_currency_get_minor_digits (currency) == 0 ? 1
                  : dg_currency_get_minor_digits (currency) == 2 ? 100 : 1000;
      g_autoptr(GPtrArray) lines = lines_new ();
      g_autoptr(GPtrArray) negated = NULL;
      g_autoptr(GHashTable) expected_nets = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
      g_autoptr(DgInvoice) invoice = NULL;
      g_autoptr(DgInvoice) cancellation = NULL;
      g_autoptr(GError) error = NULL;
      DgInvoiceFields fields = { .currency = currency, .state = DG_INVOICE_STATE_DRAFT };
      guint n_lines = g_rand_int_range (rand, 1, 80);
      guint n_rates = g_rand_int_range (rand, 1, 4);
      int invoice_rates[3];
      gint64 line_sum = 0, group_net_sum = 0, group_tax_sum = 0;
      gboolean is_cancellation = g_rand_int_range (rand, 0, 10) == 0;
      GPtrArray *groups;
      DgMoney net, tax, total;
      Totals totals;
      int previous_rate = -1;

      for (guint r = 0; r < n_rates; r++)
        invoice_rates[r] = g_rand_int_range (rand, 0, 5) == 0
                           ? g_rand_int_range (rand, 0, 10001)
                           : rates[g_rand_int_range (rand, 0, G_N_ELEMENTS (rates))];

      for (guint l = 0; l < n_lines; l++)
        {
          int rate = invoice_rates[g_rand_int_range (rand, 0, n_rates)];
          DgInvoiceLine *line;
          gint64 *expected;

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:
            case 1:
              line = hours_line (g_rand_int_range (rand, 1, 12 * 60),
                                 g_rand_int_range (rand, 1, 300 * scale), rate);
              break;
            case 2:
              line = extra_line (g_rand_int_range (rand, 1, 20),
                                 g_rand_int_range (rand, 1, 1000 * scale), rate);
              line->kind = DG_INVOICE_LINE_FIXED_FEE;
              break;
            default:
              /* expenses, and discounts with a negative price */
              line = extra_line (g_rand_int_range (rand, 1, 5),
                                 g_rand_int_range (rand, -100 * scale, 200 * scale), rate);
              break;
            }
          if (is_cancellation)
            line->amount = -line->amount;

          line->position = l + 1;
          line_sum += line->amount;
          expected = g_hash_table_lookup (expected_nets, GINT_TO_POINTER (rate));
          if (expected == NULL)
            {
              expected = g_new0 (gint64, 1);
              g_hash_table_insert (expected_nets, GINT_TO_POINTER (rate), expected);
            }
          *expected += line->amount;
          g_ptr_array_add (lines, line);
        }
      n_lines_total += n_lines;

      negated = lines_negated (lines);
      invoice = _dg_invoice_new (&fields, g_steal_pointer (&lines), parties_new (), &error);
      g_assert_no_error (error);
      g_assert_nonnull (invoice);
      if (invoice == NULL)
        continue;

      groups = dg_invoice_get_tax_groups (invoice);
      g_assert_cmpuint (groups->len, ==, g_hash_table_size (expected_nets));
      for (guint g = 0; g < groups->len; g++)
        {
          const DgInvoiceTaxGroup *group = g_ptr_array_index (groups, g);
          const gint64 *expected = g_hash_table_lookup (expected_nets, GINT_TO_POINTER (group->tax_rate));

          g_assert_cmpint (group->tax_rate, >, previous_rate);
          previous_rate = group->tax_rate;
          g_assert_nonnull (expected);
          if (expected != NULL)
            g_assert_cmpint (group->net, ==, *expected);
          g_assert_cmpint (group->tax, ==, exact_tax (group->net, group->tax_rate));
          group_net_sum += group->net;
          group_tax_sum += group->tax;
        }

      net = dg_invoice_get_net_total (invoice);
      tax = dg_invoice_get_tax_total (invoice);
      total = dg_invoice_get_total (invoice);
      g_assert_cmpstr (net.currency, ==, currency);
      g_assert_cmpint (net.minor, ==, line_sum);
      g_assert_cmpint (net.minor, ==, group_net_sum);
      g_assert_cmpint (tax.minor, ==, group_tax_sum);
      g_assert_cmpint (total.minor, ==, net.minor + tax.minor);

      totals = totals_of (negated, NULL);
      g_assert_cmpint (totals.net, ==, -net.minor);
      g_assert_cmpint (totals.tax, ==, -tax.minor);
      g_assert_cmpint (totals.total, ==, -total.minor);

      /* What is printed adds up too: the figures as formatted parse back to
       * amounts whose sum is the printed total. */
      if (n % 10 == 0)
        {
          g_autofree char *net_text = dg_money_format_with_style (&net, &german);
          g_autofree char *tax_text = dg_money_format_with_style (&tax, &german);
          g_autofree char *total_text = dg_money_format_with_style (&total, &english);
          DgMoney net_back, tax_back, total_back;

          g_assert_true (dg_money_parse (net_text, currency, &net_back, NULL));
          g_assert_true (dg_money_parse (tax_text, currency, &tax_back, NULL));
          g_assert_true (dg_money_parse (total_text, currency, &total_back, NULL));
          g_assert_cmpint (net_back.minor + tax_back.minor, ==, total_back.minor);
        }

      /* An invoice built from the negated lines is the exact negative. */
      fields.kind = DG_INVOICE_KIND_CANCELLATION;
      cancellation = _dg_invoice_new (&fields, g_steal_pointer (&negated), parties_new (), &error);
      g_assert_no_error (error);
      g_assert_cmpint (dg_invoice_get_total (cancellation).minor, ==, -total.minor);
    }

  g_test_message ("%u invoices, %u lines", n_invoices, n_lines_total);
}

/* ---- parties -------------------------------------------------------------- */

static void
assert_parties_equal (const DgInvoiceParties *a,
                      const DgInvoiceParties *b)
{
  g_assert_cmpstr (a->business_name, ==, b->business_name);
  g_assert_cmpstr (a->business_address, ==, b->business_address);
  g_assert_cmpstr (a->business_tax_number, ==, b->business_tax_number);
  g_assert_cmpstr (a->business_vat_id, ==, b->business_vat_id);
  g_assert_cmpstr (a->business_email, ==, b->business_email);
  g_assert_cmpstr (a->assistant_name, ==, b->assistant_name);
  g_assert_cmpstr (a->assistant_address, ==, b->assistant_address);
  g_assert_cmpstr (a->assistant_country, ==, b->assistant_country);
  g_assert_cmpstr (a->assistant_email, ==, b->assistant_email);
  g_assert_cmpstr (a->assistant_tax_number, ==, b->assistant_tax_number);
  g_assert_cmpstr (a->assistant_vat_id, ==, b->assistant_vat_id);
  g_assert_cmpstr (a->assistant_iban, ==, b->assistant_iban);
  g_assert_cmpstr (a->assistant_bic, ==, b->assistant_bic);
  g_assert_cmpstr (a->self_billing_date, ==, b->self_billing_date);
  g_assert_cmpint (a->tax_status, ==, b->tax_status);
  g_assert_cmpint (a->vat_rate, ==, b->vat_rate);
}

static void
test_parties_round_trip (void)
{
  g_autoptr(DgInvoiceParties) parties = parties_new ();
  g_autoptr(DgInvoiceParties) copy = NULL;
  g_autoptr(DgInvoiceParties) parsed = NULL;
  g_autoptr(DgInvoiceParties) reparsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  g_free (parties->business_name);
  parties->business_name = g_strdup ("Müller & Söhne \"Büro\" = GmbH; [Zentrale] # 1");
  g_free (parties->business_address);
  parties->business_address = g_strdup ("  c/o Frau Ö. Şahin\nStraße des 17. Juni 1\r\n\t10623 Berlin\n\n");
  g_free (parties->assistant_name);
  parties->assistant_name = g_strdup ("José \"Pepe\" Ñúñez \\n no newline");
  g_free (parties->assistant_address);
  parties->assistant_address = g_strdup ("[Assistant]\nname=not a key\n# not a comment\n東京都千代田区 1-1  ");
  g_free (parties->assistant_email);
  parties->assistant_email = g_strdup ("");
  g_free (parties->business_tax_number);
  parties->business_tax_number = NULL;   /* read as "" */
  parties->tax_status = DG_TAX_STATUS_VAT;
  parties->vat_rate = 1900;

  copy = dg_invoice_parties_copy (parties);
  g_assert_true (copy->business_name != parties->business_name);
  assert_parties_equal (copy, parties);

  text = dg_invoice_parties_serialize (parties);
  parsed = dg_invoice_parties_parse (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (parsed);
  g_assert_cmpstr (parsed->business_tax_number, ==, "");
  g_free (parties->business_tax_number);
  parties->business_tax_number = g_strdup ("");
  assert_parties_equal (parsed, parties);

  text_again = dg_invoice_parties_serialize (parsed);
  g_assert_cmpstr (text_again, ==, text);
  reparsed = dg_invoice_parties_parse (text_again, &error);
  g_assert_no_error (error);
  assert_parties_equal (reparsed, parties);

  /* every tax status survives */
  for (DgTaxStatus status = DG_TAX_STATUS_OUTSIDE_SCOPE; status <= DG_TAX_STATUS_REVERSE_CHARGE; status++)
    {
      g_autoptr(DgInvoiceParties) back = NULL;
      g_autofree char *status_text = NULL;

      parties->tax_status = status;
      parties->vat_rate = status == DG_TAX_STATUS_VAT ? 700 : 0;
      status_text = dg_invoice_parties_serialize (parties);
      back = dg_invoice_parties_parse (status_text, &error);
      g_assert_no_error (error);
      assert_parties_equal (back, parties);
    }

  dg_invoice_parties_free (NULL);
}

/* A damaged stored text is refused with a message, never half read. */
static void
test_parties_broken (void)
{
  g_autoptr(DgInvoiceParties) parties = parties_new ();
  g_autofree char *good = dg_invoice_parties_serialize (parties);
  g_autoptr(GString) no_iban = g_string_new (good);
  g_autoptr(GString) bad_status = g_string_new (good);
  g_autoptr(GString) bad_rate = g_string_new (good);
  g_autoptr(GString) big_rate = g_string_new (good);
  const char *broken[5 + 4];

  g_assert_cmpuint (g_string_replace (no_iban, "iban=", "ibn=", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (bad_status, "tax-status=reverse-charge", "tax-status=exempt", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (bad_rate, "vat-rate=0", "vat-rate=19x", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (big_rate, "vat-rate=0", "vat-rate=10001", 1), ==, 1);

  broken[0] = "";
  broken[1] = "this is not a key file";
  broken[2] = "[Business]\nname=Example\n";
  broken[3] = "[Business\nname=x\n";
  broken[4] = "[Business]\nname=\\x\n";
  broken[5] = no_iban->str;
  broken[6] = bad_status->str;
  broken[7] = bad_rate->str;
  broken[8] = big_rate->str;

  for (gsize i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(DgInvoiceParties) parsed = NULL;
      g_autoptr(GError) error = NULL;

      parsed = dg_invoice_parties_parse (broken[i], &error);
      g_assert_null (parsed);
      g_assert_nonnull (error);
      dg_test_assert_error_mentions (error, "backup");
    }
}

/* ---- the invoice object --------------------------------------------------- */

static DgInvoice *
invoice_new (DgInvoiceKind  kind,
             DgInvoiceState state,
             const char    *due_date)
{
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GError) error = NULL;
  DgInvoiceFields fields = {
    .id = 41,
    .kind = kind,
    .state = state,
    .number = state == DG_INVOICE_STATE_DRAFT ? NULL : "2026-0007",
    .assistant_id = 3,
    .assistant_name = "Ana Reyes",
    .period_start = "2026-10-27",
    .period_end = "2026-11-02",
    .grouping = DG_INVOICE_GROUPING_BY_ENTRY,
    .currency = "EUR",
    .language = "de",
    .paper = DG_PAPER_LETTER,
    .issue_date = "2026-11-03",
    .due_date = due_date,
    .paid_date = state == DG_INVOICE_STATE_PAID ? "2026-11-20" : NULL,
    .paid_amount = state == DG_INVOICE_STATE_PAID ? 3324 : 0,
  };
  DgInvoice *invoice;

  g_ptr_array_add (lines, hours_line (20, 5005, 1900));
  g_ptr_array_add (lines, extra_line (1, 1250, 700));
  g_ptr_array_add (lines, hours_line (1, 30, 1900));
  invoice = _dg_invoice_new (&fields, g_steal_pointer (&lines), parties_new (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (invoice);
  return invoice;
}

static void
test_invoice_object (void)
{
  g_autoptr(DgInvoice) invoice = invoice_new (DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_PAID, "2026-11-17");
  g_autoptr(DgInvoice) draft = invoice_new (DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_DRAFT, NULL);
  g_autofree char *number = NULL;
  g_autofree char *period_start = NULL;
  g_autofree char *paid_date = NULL;
  gint64 id = 0, total = 0, assistant_id = 0;
  int state = -1, kind = -1;
  GPtrArray *lines;
  GPtrArray *groups;

  g_assert_cmpint (dg_invoice_get_id (invoice), ==, 41);
  g_assert_cmpint (dg_invoice_get_kind (invoice), ==, DG_INVOICE_KIND_INVOICE);
  g_assert_cmpint (dg_invoice_get_state (invoice), ==, DG_INVOICE_STATE_PAID);
  g_assert_cmpstr (dg_invoice_get_number (invoice), ==, "2026-0007");
  g_assert_cmpint (dg_invoice_get_assistant_id (invoice), ==, 3);
  g_assert_cmpstr (dg_invoice_get_assistant_name (invoice), ==, "Ana Reyes");
  g_assert_cmpstr (dg_invoice_get_period_start (invoice), ==, "2026-10-27");
  g_assert_cmpstr (dg_invoice_get_period_end (invoice), ==, "2026-11-02");
  g_assert_cmpint (dg_invoice_get_grouping (invoice), ==, DG_INVOICE_GROUPING_BY_ENTRY);
  g_assert_cmpstr (dg_invoice_get_currency (invoice), ==, "EUR");
  g_assert_cmpstr (dg_invoice_get_language (invoice), ==, "de");
  g_assert_cmpint (dg_invoice_get_paper (invoice), ==, DG_PAPER_LETTER);
  g_assert_cmpstr (dg_invoice_get_issue_date (invoice), ==, "2026-11-03");
  g_assert_cmpstr (dg_invoice_get_due_date (invoice), ==, "2026-11-17");
  g_assert_cmpstr (dg_invoice_get_paid_date (invoice), ==, "2026-11-20");
  g_assert_cmpint (dg_invoice_get_paid_amount (invoice), ==, 3324);
  g_assert_cmpint (dg_invoice_get_cancels_id (invoice), ==, 0);
  g_assert_cmpstr (dg_invoice_get_cancels_number (invoice), ==, "");
  g_assert_cmpint (dg_invoice_get_cancelled_by_id (invoice), ==, 0);
  g_assert_cmpstr (dg_invoice_get_cancelled_by_number (invoice), ==, "");
  g_assert_cmpstr (dg_invoice_get_cancel_reason (invoice), ==, "");
  g_assert_cmpstr (dg_invoice_get_parties (invoice)->assistant_iban, ==, "ES9121000418450200051332");

  lines = dg_invoice_get_lines (invoice);
  g_assert_cmpuint (lines->len, ==, 3);
  groups = dg_invoice_get_tax_groups (invoice);
  g_assert_cmpuint (groups->len, ==, 2);
  assert_group (groups, 0, 700, 1250, 88);
  assert_group (groups, 1, 1900, 1669, 317);
  g_assert_cmpint (dg_invoice_get_net_total (invoice).minor, ==, 2919);
  g_assert_cmpint (dg_invoice_get_tax_total (invoice).minor, ==, 405);
  g_assert_cmpint (dg_invoice_get_total (invoice).minor, ==, 3324);
  g_assert_cmpstr (dg_invoice_get_total (invoice).currency, ==, "EUR");

  g_object_get (invoice,
                "id", &id,
                "kind", &kind,
                "state", &state,
                "number", &number,
                "assistant-id", &assistant_id,
                "period-start", &period_start,
                "paid-date", &paid_date,
                "total", &total,
                NULL);
  g_assert_cmpint (id, ==, 41);
  g_assert_cmpint (kind, ==, DG_INVOICE_KIND_INVOICE);
  g_assert_cmpint (state, ==, DG_INVOICE_STATE_PAID);
  g_assert_cmpstr (number, ==, "2026-0007");
  g_assert_cmpint (assistant_id, ==, 3);
  g_assert_cmpstr (period_start, ==, "2026-10-27");
  g_assert_cmpstr (paid_date, ==, "2026-11-20");
  g_assert_cmpint (total, ==, 3324);

  /* the properties are read-only */
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (invoice), "state")->flags & G_PARAM_WRITABLE);
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (invoice), "total")->flags & G_PARAM_WRITABLE);

  /* NULL fields read as "" */
  g_assert_cmpstr (dg_invoice_get_number (draft), ==, "");
  g_assert_cmpstr (dg_invoice_get_due_date (draft), ==, "");
  g_assert_cmpstr (dg_invoice_get_paid_date (draft), ==, "");
}

static void
test_overdue (void)
{
  static const struct {
    DgInvoiceKind  kind;
    DgInvoiceState state;
    const char    *due_date;
    const char    *today;
    gboolean       overdue;
  } cases[] = {
    { DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_ISSUED, "2026-11-17", "2026-11-16", FALSE },
    { DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_ISSUED, "2026-11-17", "2026-11-17", FALSE },
    { DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_ISSUED, "2026-11-17", "2026-11-18", TRUE },
    { DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_ISSUED, "2026-12-31", "2027-01-01", TRUE },
    { DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_ISSUED, "2026-09-30", "2026-10-01", TRUE },
    { DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_ISSUED, "2027-01-01", "2026-12-31", FALSE },
    { DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_PAID, "2026-11-17", "2026-12-18", FALSE },
    { DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_DRAFT, "2026-11-17", "2026-12-18", FALSE },
    { DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_DRAFT, NULL, "2026-12-18", FALSE },
    { DG_INVOICE_KIND_INVOICE, DG_INVOICE_STATE_CANCELLED, "2026-11-17", "2026-12-18", FALSE },
    { DG_INVOICE_KIND_CANCELLATION, DG_INVOICE_STATE_ISSUED, "2026-11-17", "2026-12-18", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DgInvoice) invoice = invoice_new (cases[i].kind, cases[i].state, cases[i].due_date);

      g_assert_cmpint (dg_invoice_is_overdue (invoice, cases[i].today), ==, cases[i].overdue);
    }
}

static void
test_format_period (void)
{
  static const struct { const char *start; const char *end; const char *text; } cases[] = {
    { "2026-10-27", "2026-11-02", "27 Oct – 2 Nov 2026" },
    { "2026-11-01", "2026-11-30", "1–30 Nov 2026" },
    { "2026-12-28", "2027-01-03", "28 Dec 2026 – 3 Jan 2027" },
    { "2026-11-05", "2026-11-05", "5 Nov 2026" },
    { "2025-11-05", "2026-11-05", "5 Nov 2025 – 5 Nov 2026" },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));

  /* English month names, whatever the user's locale. */
  g_assert_nonnull (setlocale (LC_TIME, "C.UTF-8"));
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) lines = lines_new ();
      g_autoptr(DgInvoice) invoice = NULL;
      g_autofree char *text = NULL;
      DgInvoiceFields fields = {
        .currency = "EUR",
        .period_start = cases[i].start,
        .period_end = cases[i].end,
      };

      invoice = _dg_invoice_new (&fields, g_steal_pointer (&lines), parties_new (), NULL);
      text = dg_invoice_format_period (invoice);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  setlocale (LC_TIME, saved);
}

int
main (int argc, char *argv[])
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/invoice/enums", test_enums);
  g_test_add_func ("/invoice/line-copy", test_line_copy);
  g_test_add_func ("/invoice/paper", test_paper);
  g_test_add_func ("/invoice/totals/eur", test_totals_eur);
  g_test_add_func ("/invoice/totals/jpy", test_totals_jpy);
  g_test_add_func ("/invoice/totals/kwd", test_totals_kwd);
  g_test_add_func ("/invoice/totals/several-rates", test_several_rates);
  g_test_add_func ("/invoice/totals/negative", test_negative_lines);
  g_test_add_func ("/invoice/totals/no-lines", test_no_lines);
  g_test_add_func ("/invoice/totals/overflow", test_overflow);
  g_test_add_func ("/invoice/totals/random", test_random_invoices);
  g_test_add_func ("/invoice/parties/round-trip", test_parties_round_trip);
  g_test_add_func ("/invoice/parties/broken", test_parties_broken);
  g_test_add_func ("/invoice/object", test_invoice_object);
  g_test_add_func ("/invoice/overdue", test_overdue);
  g_test_add_func ("/invoice/format-period", test_format_period);

  return g_test_run ();
}
