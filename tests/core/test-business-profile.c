/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-business-profile"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "dg-business-profile.h"
#include "dg-database.h"
#include "dg-validation.h"

typedef struct
{
  char       *dir;
  char       *path;
  DgDatabase *db;
} Fixture;

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("delegate-test-business-profile-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "delegate.db", NULL);
  fixture->db = dg_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

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
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (path, &error);

  g_assert_no_error (error);
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
                "payment-terms-days", 30,
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
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (actual), ==,
                   dg_business_profile_get_payment_terms_days (expected));
}

static void
assert_defaults (DgBusinessProfile *profile)
{
  g_assert_cmpstr (dg_business_profile_get_currency (profile), ==, "EUR");
  g_assert_cmpstr (dg_business_profile_get_invoice_number_pattern (profile), ==, "{YYYY}-{NNNN}");
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (profile), ==, 14);
  g_assert_cmpstr (dg_business_profile_get_name (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_address (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_tax_number (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_vat_id (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_iban (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_bic (profile), ==, "");
  g_assert_cmpstr (dg_business_profile_get_email (profile), ==, "");
}

static void
test_defaults (Fixture       *fixture,
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
test_round_trip (Fixture       *fixture,
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
  g_object_set (loaded, "name", "Acme Bakery Ltd", "currency", "GBP", "payment-terms-days", 0, NULL);
  fixture->db = dg_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (dg_business_profile_save (loaded, fixture->db, &error));
  g_assert_no_error (error);
  g_clear_object (&profile);
  profile = reload_profile (fixture->path);
  assert_same_profile (loaded, profile);
  g_assert_cmpstr (dg_business_profile_get_currency (profile), ==, "GBP");
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (profile), ==, 0);
}

typedef struct
{
  const char *property;
  const char *value;       /* for payment-terms-days: a number */
  const char *mentions;    /* a word the message must contain */
} InvalidCase;

static void
test_invalid_refused (Fixture       *fixture,
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
    { "payment-terms-days", "-1", "payment terms" },
    { "payment-terms-days", "366", "payment terms" },
    { "payment-terms-days", "400", "payment terms" },
  };
  g_autoptr(DgBusinessProfile) saved = make_complete_profile ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_business_profile_save (saved, fixture->db, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DgBusinessProfile) changed = load_profile (fixture->db);
      g_autoptr(DgBusinessProfile) reloaded = NULL;
      g_autofree char *message = NULL;
      g_autofree char *needle = NULL;

      g_test_message ("%s = “%s”", cases[i].property, cases[i].value);

      /* A valid change alongside the invalid one must not slip through either. */
      g_object_set (changed, "name", "Changed GmbH", NULL);
      if (g_str_equal (cases[i].property, "payment-terms-days"))
        g_object_set (changed, "payment-terms-days", atoi (cases[i].value), NULL);
      else
        g_object_set (changed, cases[i].property, cases[i].value, NULL);

      g_assert_false (dg_business_profile_validate (changed, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);

      g_assert_false (dg_business_profile_save (changed, fixture->db, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == DG_VALIDATION_ERROR);
      message = g_utf8_strdown (error->message, -1);
      needle = g_utf8_strdown (cases[i].mentions, -1);
      if (strstr (message, needle) == NULL)
        g_error ("The error “%s” does not mention “%s”", error->message, cases[i].mentions);
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
test_valid_edge_values (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(DgBusinessProfile) profile = make_complete_profile ();
  g_autoptr(DgBusinessProfile) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iban = NULL;
  g_autofree char *bic = NULL;

  /* As printed on a bank card: spaces and lower case. */
  g_object_set (profile,
                "iban", "DE89 3704 0044 0532 0130 00",
                "bic", "deut de ff",
                "payment-terms-days", 365,
                "invoice-number-pattern", "{YY}{MM}/{NNNNNN}",
                "currency", "CHF",
                NULL);
  g_assert_true (dg_business_profile_save (profile, fixture->db, &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->db);
  loaded = reload_profile (fixture->path);
  iban = dg_iban_normalize (dg_business_profile_get_iban (loaded));
  bic = dg_bic_normalize (dg_business_profile_get_bic (loaded));
  g_assert_cmpstr (iban, ==, "DE89370400440532013000");
  g_assert_cmpstr (bic, ==, "DEUTDEFF");
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (loaded), ==, 365);
  g_assert_cmpstr (dg_business_profile_get_invoice_number_pattern (loaded), ==, "{YY}{MM}/{NNNNNN}");
  g_assert_cmpstr (dg_business_profile_get_currency (loaded), ==, "CHF");

  /* Optional fields may be emptied again. */
  g_object_set (loaded, "iban", "", "bic", "", "vat-id", "", "email", "", "payment-terms-days", 0, NULL);
  fixture->db = dg_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (dg_business_profile_save (loaded, fixture->db, &error));
  g_assert_no_error (error);
  g_clear_object (&profile);
  profile = load_profile (fixture->db);
  g_assert_cmpstr (dg_business_profile_get_iban (profile), ==, "");
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (profile), ==, 0);
}

typedef struct
{
  const char *property;
  const char *value;
  gboolean    valid;
} FieldCase;

static void
test_validate_field (void)
{
  static const FieldCase cases[] = {
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
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = dg_business_profile_validate_field (cases[i].property, cases[i].value, &error);

      g_test_message ("%s = “%s”", cases[i].property, cases[i].value);
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (valid)
        g_assert_no_error (error);
      else
        g_assert_nonnull (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* Report every failing case, not just the first one. */
  g_test_set_nonfatal_assertions ();

  g_test_add ("/business-profile/defaults", Fixture, NULL, fixture_set_up, test_defaults, fixture_tear_down);
  g_test_add ("/business-profile/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/business-profile/invalid-refused", Fixture, NULL, fixture_set_up, test_invalid_refused, fixture_tear_down);
  g_test_add ("/business-profile/valid-edge-values", Fixture, NULL, fixture_set_up, test_valid_edge_values, fixture_tear_down);
  g_test_add_func ("/business-profile/validate-field", test_validate_field);

  return g_test_run ();
}
