/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-business-profile"

#include <stdlib.h>

#include "dg-business-profile.h"
#include "dg-test-utils.h"
#include "dg-validation.h"

static DgBusinessProfile *
load_profile (DgDatabase *db)
{
  g_autoptr(GError) error = NULL;
  DgBusinessProfile *profile = dg_business_profile_load (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

/* What the file holds, read through a connection of its own. */
static DgBusinessProfile *
reload_profile (const char *path)
{
  g_autoptr(DgDatabase) db = dg_test_open_database (path);

  return load_profile (db);
}

static DgBusinessProfile *
make_complete_profile (void)
{
  DgBusinessProfile *profile = dg_business_profile_new ();

  g_object_set (profile,
                "name", "Acme Bäckerei GmbH",
                "address", "Hauptstraße 1\n10115 Berlin\nGermany",
                "tax-number", "27/123/45678",
                "vat-id", "DE123456789",
                "iban", "DE89370400440532013000",
                "bic", "COBADEFFXXX",
                "email", "invoices@acme-baeckerei.de",
                "currency", "EUR",
                "invoice-number-pattern", "GS-{YYYY}-{NNNN}",
                "cancellation-number-pattern", "STORNO-{YYYY}-{NNNN}",
                "payment-terms-days", 30,
                "week-start", G_DATE_SUNDAY,
                "auto-approve-days", 7,
                NULL);
  return profile;
}

static void
assert_same_profile (DgBusinessProfile *expected,
                     DgBusinessProfile *actual)
{
  g_assert_cmpstr (dg_business_profile_get_name (actual), ==, dg_business_profile_get_name (expected));
  g_assert_cmpstr (dg_business_profile_get_address (actual), ==, dg_business_profile_get_address (expected));
  g_assert_cmpstr (dg_business_profile_get_tax_number (actual), ==, dg_business_profile_get_tax_number (expected));
  g_assert_cmpstr (dg_business_profile_get_vat_id (actual), ==, dg_business_profile_get_vat_id (expected));
  g_assert_cmpstr (dg_business_profile_get_iban (actual), ==, dg_business_profile_get_iban (expected));
  g_assert_cmpstr (dg_business_profile_get_bic (actual), ==, dg_business_profile_get_bic (expected));
  g_assert_cmpstr (dg_business_profile_get_email (actual), ==, dg_business_profile_get_email (expected));
  g_assert_cmpstr (dg_business_profile_get_currency (actual), ==, dg_business_profile_get_currency (expected));
  g_assert_cmpstr (dg_business_profile_get_invoice_number_pattern (actual), ==,
                   dg_business_profile_get_invoice_number_pattern (expected));
  g_assert_cmpstr (dg_business_profile_get_cancellation_number_pattern (actual), ==,
                   dg_business_profile_get_cancellation_number_pattern (expected));
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (actual), ==,
                   dg_business_profile_get_payment_terms_days (expected));
  g_assert_cmpint (dg_business_profile_get_week_start (actual), ==,
                   dg_business_profile_get_week_start (expected));
  g_assert_cmpint (dg_business_profile_get_auto_approve_days (actual), ==,
                   dg_business_profile_get_auto_approve_days (expected));
}

static void
assert_defaults (DgBusinessProfile *profile)
{
  g_assert_cmpstr (dg_business_profile_get_currency (profile), ==, "EUR");
  g_assert_cmpstr (dg_business_profile_get_invoice_number_pattern (profile), ==, "{YYYY}-{NNNN}");
  g_assert_cmpstr (dg_business_profile_get_cancellation_number_pattern (profile), ==, "ST-{YYYY}-{NNNN}");
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (profile), ==, 14);
  /* Weeks start on Monday, and nothing is approved without the owner. */
  g_assert_cmpint (dg_business_profile_get_week_start (profile), ==, G_DATE_MONDAY);
  g_assert_cmpint (dg_business_profile_get_auto_approve_days (profile), ==, 0);
  g_assert_cmpstr (dg_business_profile_get_name (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_address (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_tax_number (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_vat_id (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_iban (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_bic (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_email (profile), ==, "");
}

static void
test_defaults (DgTestFixture *fixture,
               gconstpointer  user_data)
{
  g_autoptr(DgBusinessProfile) loaded = load_profile (fixture->db);
  g_autoptr(DgBusinessProfile) fresh = dg_business_profile_new ();
  g_autoptr(GError) error = NULL;

  assert_defaults (loaded);
  assert_defaults (fresh);

  /* The defaults alone are a profile that can be saved. */
  g_assert_true (dg_business_profile_validate (loaded, &error));
  g_assert_no_error (error);
  g_assert_true (dg_business_profile_save (loaded, fixture->db, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (DgTestFixture *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(DgBusinessProfile) profile = make_complete_profile ();
  g_autoptr(DgBusinessProfile) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_business_profile_save (profile, fixture->db, &error));
  g_assert_no_error (error);

  loaded = load_profile (fixture->db);
  assert_same_profile (profile, loaded);
  g_clear_object (&loaded);

  /* And after the application is closed and started again. */
  g_clear_object (&fixture->db);
  loaded = reload_profile (fixture->path);
  assert_same_profile (profile, loaded);

  /* Saving again replaces the values; there is still one profile. */
  g_object_set (loaded, "name", "Acme Bakery Ltd", "currency", "GBP", "payment-terms-days", 0,
                "week-start", G_DATE_SATURDAY, "auto-approve-days", 0, NULL);
  fixture->db = dg_test_open_database (fixture->path);
  g_assert_true (dg_business_profile_save (loaded, fixture->db, &error));
  g_assert_no_error (error);
  g_clear_object (&profile);
  profile = reload_profile (fixture->path);
  assert_same_profile (loaded, profile);
  g_assert_cmpstr (dg_business_profile_get_currency (profile), ==, "GBP");
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (profile), ==, 0);
  g_assert_cmpint (dg_business_profile_get_week_start (profile), ==, G_DATE_SATURDAY);
  g_assert_cmpint (dg_business_profile_get_auto_approve_days (profile), ==, 0);
}

typedef struct
{
  const char *property;
  const char *value;       /* for an int property: a number */
  const char *mentions;    /* a word the message must contain */
} InvalidCase;

static void
test_invalid_refused (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  static const InvalidCase cases[] = {
    { "iban", "DE89370400440532013001", "IBAN" },
    { "iban", "DE89 3704 0044 0532 0130", "IBAN" },
    { "iban", "XX89370400440532013000", "IBAN" },
    { "bic", "DEUT", "BIC" },
    { "bic", "DEUTXXFF", "BIC" },
    { "email", "invoices@", "invoices@" },
    { "email", "invoices at acme.de", "e-mail" },
    { "vat-id", "DE12345", "VAT ID" },
    { "currency", "XYZ", "currency" },
    { "currency", "", "currency" },
    { "invoice-number-pattern", "{YYYY}", "counter" },
    { "invoice-number-pattern", "{NNNN}-{NNNN}", "counter" },
    { "invoice-number-pattern", "{YYYY}-{NNNN", "{" },
    { "invoice-number-pattern", "Nr. {NNNN}", "pattern" },
    { "invoice-number-pattern", "", "pattern" },
    /* The same as the invoice pattern: the two series would collide. */
    { "cancellation-number-pattern", "GS-{YYYY}-{NNNN}", "invoice numbers" },
    { "cancellation-number-pattern", "ST-{YYYY}", "counter" },
    { "cancellation-number-pattern", "ST-{YYYY}", "cancellation" },
    { "cancellation-number-pattern", "ST {NNNN}", "cancellation" },
    { "cancellation-number-pattern", "", "cancellation" },
    { "invoice-number-pattern", "STORNO-{YYYY}-{NNNN}", "cancellation numbers" },
    /* Equal but for the placeholders: they would make the same numbers. */
    { "cancellation-number-pattern", "GS-{YY}-{NNN}", "placeholders" },
    { "invoice-number-pattern", "STORNO-{YY}{MM}-{N}", "placeholders" },
    { "payment-terms-days", "-1", "payment terms" },
    { "payment-terms-days", "366", "payment terms" },
    { "payment-terms-days", "400", "payment terms" },
    { "week-start", "0", "first day of the week" },
    { "week-start", "8", "first day of the week" },
    { "auto-approve-days", "-1", "automatic approval" },
    { "auto-approve-days", "91", "automatic approval" },
  };
  g_autoptr(DgBusinessProfile) saved = make_complete_profile ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_business_profile_save (saved, fixture->db, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DgBusinessProfile) changed = load_profile (fixture->db);
      g_autoptr(DgBusinessProfile) reloaded = NULL;

      g_test_message ("%s = “%s”", cases[i].property, cases[i].value);

      /* A valid change alongside the invalid one must not slip through either. */
      g_object_set (changed, "name", "Changed GmbH", NULL);
      if (G_IS_PARAM_SPEC_INT (g_object_class_find_property (G_OBJECT_GET_CLASS (changed), cases[i].property)))
        g_object_set (changed, cases[i].property, atoi (cases[i].value), NULL);
      else
        g_object_set (changed, cases[i].property, cases[i].value, NULL);

      g_assert_false (dg_business_profile_validate (changed, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);

      g_assert_false (dg_business_profile_save (changed, fixture->db, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == DG_VALIDATION_ERROR);
      dg_test_assert_error_mentions (error, cases[i].mentions);
      g_clear_error (&error);

      reloaded = load_profile (fixture->db);
      assert_same_profile (saved, reloaded);
    }

  /* Nothing reached the file. */
  g_clear_object (&fixture->db);
  {
    g_autoptr(DgBusinessProfile) reloaded = reload_profile (fixture->path);
    assert_same_profile (saved, reloaded);
  }
}

static void
test_valid_edge_values (DgTestFixture *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(DgBusinessProfile) profile = make_complete_profile ();
  g_autoptr(DgBusinessProfile) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* As printed on a bank card: spaces and lower case. */
  g_object_set (profile,
                "iban", "DE89 3704 0044 0532 0130 00",
                "bic", "deut de ff",
                "payment-terms-days", 365,
                "invoice-number-pattern", "{YY}{MM}/{NNNNNN}",
                "cancellation-number-pattern", "S{YY}{MM}/{NNNNNN}",
                "currency", "CHF",
                "week-start", G_DATE_MONDAY,
                "auto-approve-days", 90,
                NULL);
  g_assert_true (dg_business_profile_save (profile, fixture->db, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->db);
  loaded = reload_profile (fixture->path);
  /* Stored in one form, whatever was typed. */
  g_assert_cmpstr (dg_business_profile_get_iban (loaded), ==, "DE89370400440532013000");
  g_assert_cmpstr (dg_business_profile_get_bic (loaded), ==, "DEUTDEFF");
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (loaded), ==, 365);
  g_assert_cmpstr (dg_business_profile_get_invoice_number_pattern (loaded), ==, "{YY}{MM}/{NNNNNN}");
  g_assert_cmpstr (dg_business_profile_get_cancellation_number_pattern (loaded), ==, "S{YY}{MM}/{NNNNNN}");
  g_assert_cmpstr (dg_business_profile_get_currency (loaded), ==, "CHF");
  g_assert_cmpint (dg_business_profile_get_week_start (loaded), ==, G_DATE_MONDAY);
  g_assert_cmpint (dg_business_profile_get_auto_approve_days (loaded), ==, 90);

  /* Optional fields may be emptied again. */
  g_object_set (loaded, "iban", "", "bic", "", "vat-id", "", "email", "", "payment-terms-days", 0, NULL);
  fixture->db = dg_test_open_database (fixture->path);
  g_assert_true (dg_business_profile_save (loaded, fixture->db, &error));
  g_assert_no_error (error);
  g_clear_object (&profile);
  profile = load_profile (fixture->db);
  g_assert_cmpstr (dg_business_profile_get_iban (profile), ==, "");
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (profile), ==, 0);
}

static void
test_validate_field (void)
{
  static const DgTestFieldCase cases[] = {
    { "name", "", TRUE },
    { "address", "", TRUE },
    { "tax-number", "", TRUE },
    { "iban", "", TRUE },
    { "iban", "DE89370400440532013000", TRUE },
    { "iban", "DE89 3704 0044 0532 0130 00", TRUE },
    { "iban", "DE89370400440532013001", FALSE },
    { "bic", "", TRUE },
    { "bic", "COBADEFFXXX", TRUE },
    { "bic", "COBADEFFX", FALSE },
    { "email", "", TRUE },
    { "email", "owner@example.com", TRUE },
    { "email", "owner@example", FALSE },
    { "vat-id", "", TRUE },
    { "vat-id", "DE123456789", TRUE },
    { "vat-id", "DE1234567890", FALSE },
    { "currency", "EUR", TRUE },
    { "currency", "", FALSE },
    { "currency", "eur", FALSE },
    { "invoice-number-pattern", "{YYYY}-{NNNN}", TRUE },
    { "invoice-number-pattern", "", FALSE },
    { "invoice-number-pattern", "{YYYY}", FALSE },
    { "cancellation-number-pattern", "ST-{YYYY}-{NNNN}", TRUE },
    { "cancellation-number-pattern", "", FALSE },
    { "cancellation-number-pattern", "ST-{YYYY}", FALSE },
  };

  dg_test_assert_field_cases (dg_business_profile_validate_field, cases, G_N_ELEMENTS (cases));
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init (&argc, &argv);

  dg_test_add_with_database ("/business-profile/defaults", test_defaults);
  dg_test_add_with_database ("/business-profile/round-trip", test_round_trip);
  dg_test_add_with_database ("/business-profile/invalid-refused", test_invalid_refused);
  dg_test_add_with_database ("/business-profile/valid-edge-values", test_valid_edge_values);
  g_test_add_func ("/business-profile/validate-field", test_validate_field);

  return g_test_run ();
}
