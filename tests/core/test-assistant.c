/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-assistant"


#include "dg-assistant.h"
#include "dg-assistant-store.h"
#include "dg-test-utils.h"
#include "dg-validation.h"

/* Helpers */

static DgAssistant *
make_assistant (const char *name)
{
  DgAssistant *assistant = dg_assistant_new ();

  g_object_set (assistant,
                "name", name,
                "email", "maria.santos@example.com",
                "time-zone", "Asia/Manila",
                "country", "PH",
                "address", "12 Rizal Street\nCebu City 6000",
                "currency", "EUR",
                "hourly-rate", (gint64) 1500,
                "tax-status", DG_TAX_STATUS_OUTSIDE_SCOPE,
                "self-billing-date", "2026-01-15",
                "notes", "Prefers written briefs.",
                NULL);
  return assistant;
}

static DgAssistantStore *
make_store (DgDatabase *db)
{
  g_autoptr(GError) error = NULL;
  DgAssistantStore *store = dg_assistant_store_new (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static DgAssistant *
add_assistant (DgAssistantStore *store,
               const char       *name)
{
  g_autoptr(DgAssistant) assistant = make_assistant (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_assistant_store_add (store, assistant, &error));
  g_assert_no_error (error);
  /* The store keeps its own reference. */
  return assistant;
}

static const char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr(DgAssistant) assistant = g_list_model_get_item (model, position);
  const char *name;

  g_assert_nonnull (assistant);
  name = dg_assistant_get_name (assistant);
  /* Still owned by the model after this reference is dropped. */
  return name;
}

static void
assert_names (GListModel         *model,
              const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (name_at (model, i), ==, expected[i]);
}

/* What the file holds, through a database handle and store of their own. */
static DgAssistantStore *
reload_store (const char *path)
{
  g_autoptr(DgDatabase) db = dg_test_open_database (path);

  /* The store keeps the database open until it is dropped itself. */
  return make_store (db);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (changes->len, >, index);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

/* Validation */

static void
assert_invalid (DgAssistant *assistant,
                int          code,
                const char  *word)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dg_assistant_validate (assistant, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, code);
  dg_test_assert_error_mentions (error, word);
}

static void
test_validate_complete (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_assistant_validate (assistant, &error));
  g_assert_no_error (error);

  /* Charging VAT, with an ID, at a rate with decimals. */
  g_object_set (assistant,
                "tax-status", DG_TAX_STATUS_VAT,
                "vat-rate", 770,
                "vat-id", "DE123456789",
                "country", "DE",
                "time-zone", "Europe/Berlin",
                NULL);
  g_assert_true (dg_assistant_validate (assistant, &error));
  g_assert_no_error (error);

  /* Only name, zone and currency are needed; the rest may stay empty. */
  g_clear_object (&assistant);
  assistant = dg_assistant_new ();
  g_object_set (assistant, "name", "Maria Santos", "time-zone", "Asia/Manila", "currency", "USD", NULL);
  g_assert_true (dg_assistant_validate (assistant, &error));
  g_assert_no_error (error);
  g_assert_true (dg_assistant_get_active (assistant));
  g_assert_cmpint (dg_assistant_get_id (assistant), ==, 0);
}

static void
test_validate_payment_details (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");
  g_autoptr(GError) error = NULL;

  /* A new assistant is invoiced in English until told otherwise. */
  g_assert_cmpstr (dg_assistant_get_invoice_language (assistant), ==, "en");
  g_assert_cmpstr (dg_assistant_get_tax_number (assistant), ==, "");
  g_assert_cmpstr (dg_assistant_get_iban (assistant), ==, "");
  g_assert_cmpstr (dg_assistant_get_bic (assistant), ==, "");

  g_object_set (assistant, "iban", "DE89 3704 0044 0532 0130 01", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "IBAN");

  g_object_set (assistant, "iban", "DE89 3704 0044 0532 0130 00", "bic", "DEUT", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "BIC");

  g_object_set (assistant, "bic", "DEUTDEFF", "invoice-language", "fr", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "invoice language");
  g_object_set (assistant, "invoice-language", "", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_REQUIRED, "language");

  g_object_set (assistant, "invoice-language", "de", "tax-number", "12/345/67890", NULL);
  g_assert_true (dg_assistant_validate (assistant, &error));
  g_assert_no_error (error);
}

static void
test_normalize_payment_details (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");
  g_autoptr(DgAssistant) copy = NULL;

  g_object_set (assistant,
                "iban", " de89 3704 0044 0532 0130 00 ",
                "bic", "deut de ff 500",
                "tax-number", "  12/345/67890 ",
                "invoice-language", " de ",
                NULL);
  dg_assistant_normalize (assistant);
  g_assert_cmpstr (dg_assistant_get_iban (assistant), ==, "DE89370400440532013000");
  g_assert_cmpstr (dg_assistant_get_bic (assistant), ==, "DEUTDEFF500");
  g_assert_cmpstr (dg_assistant_get_tax_number (assistant), ==, "12/345/67890");
  g_assert_cmpstr (dg_assistant_get_invoice_language (assistant), ==, "de");

  copy = dg_assistant_copy (assistant);
  g_assert_cmpstr (dg_assistant_get_iban (copy), ==, "DE89370400440532013000");
  g_assert_cmpstr (dg_assistant_get_bic (copy), ==, "DEUTDEFF500");
  g_assert_cmpstr (dg_assistant_get_tax_number (copy), ==, "12/345/67890");
  g_assert_cmpstr (dg_assistant_get_invoice_language (copy), ==, "de");
}

static void
test_validate_missing_name (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("");

  assert_invalid (assistant, DG_VALIDATION_ERROR_REQUIRED, "name");
  g_object_set (assistant, "name", " \t ", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_REQUIRED, "name");
}

static void
test_validate_bad_email (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");

  g_object_set (assistant, "email", "maria.santos@", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "maria.santos@");
  g_object_set (assistant, "email", "maria santos@example.com", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "e-mail");
}

static void
test_validate_unknown_zone (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");

  g_object_set (assistant, "time-zone", "Mars/Olympus_Mons", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "time zone");
  /* Calendars read zone names case-sensitively. */
  g_object_set (assistant, "time-zone", "asia/manila", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "time zone");
}

/* dg-assistant.h: "e-mail, zone, country, VAT ID and date checked when
 * filled in" — an assistant whose zone is not known yet can still be saved. */
static void
test_validate_zone_required (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");
  g_autoptr(GError) error = NULL;

  /* Every date and "overdue" is judged in the assistant's zone. */
  g_object_set (assistant, "time-zone", "", NULL);
  g_assert_false (dg_assistant_validate (assistant, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (dg_assistant_validate_field ("time-zone", "", &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
}

static void
test_validate_negative_rate (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");

  g_object_set (assistant, "hourly-rate", (gint64) -1, NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "hourly rate");
}

static void
test_validate_vat_rate_range (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (assistant), "vat-rate");
  g_autoptr(GError) error = NULL;
  int basis_points = -1;

  /* More than 100 % can neither be typed nor held by an assistant. */
  g_assert_nonnull (pspec);
  g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->minimum, ==, 0);
  g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->maximum, ==, 10000);
  g_assert_false (dg_assistant_parse_vat_rate ("101", &basis_points, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
  dg_test_assert_error_mentions (error, "VAT rate");
  g_assert_cmpint (basis_points, ==, -1);

  g_object_set (assistant, "tax-status", DG_TAX_STATUS_VAT, "vat-rate", 10000, NULL);
  g_clear_error (&error);
  g_assert_true (dg_assistant_validate (assistant, &error));
  g_assert_no_error (error);

  /* Charging VAT at 0 % is refused: the invoice would give no reason for
   * charging no tax. The other statuses carry no rate. */
  g_object_set (assistant, "vat-rate", 0, NULL);
  g_assert_false (dg_assistant_validate (assistant, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
  dg_test_assert_error_mentions (error, "VAT rate");
  dg_test_assert_error_mentions (error, "tax status");
  g_clear_error (&error);
  g_object_set (assistant, "tax-status", DG_TAX_STATUS_SMALL_BUSINESS, NULL);
  g_assert_true (dg_assistant_validate (assistant, &error));
  g_assert_no_error (error);
}

static void
test_validate_bad_date (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");

  g_object_set (assistant, "self-billing-date", "2026-02-30", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "2026-02-30");
  g_object_set (assistant, "self-billing-date", "15.01.2026", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "date");
}

static void
test_validate_unknown_currency (void)
{
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");

  g_object_set (assistant, "currency", "XYZ", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "currency");
  g_object_set (assistant, "currency", "", NULL);
  assert_invalid (assistant, DG_VALIDATION_ERROR_INVALID, "currency");
}

static void
test_validate_field (void)
{
  static const DgTestFieldCase cases[] = {
    { "name", "Maria Santos", TRUE },
    { "name", "", FALSE },
    { "name", "   ", FALSE },
    { "email", "", TRUE },
    { "email", "maria@example.com", TRUE },
    { "email", "maria@", FALSE },
    { "email", "maria@example", FALSE },
    { "email", "maria@@example.com", FALSE },
    { "time-zone", "Europe/Berlin", TRUE },
    { "time-zone", "Australia/Lord_Howe", TRUE },
    { "time-zone", "Europe/Springfield", FALSE },
    { "country", "", TRUE },
    { "country", "PH", TRUE },
    { "country", "XX", FALSE },
    { "country", "Philippines", FALSE },
    { "currency", "EUR", TRUE },
    { "currency", "JPY", TRUE },
    { "currency", "", FALSE },
    { "currency", "EURO", FALSE },
    { "vat-id", "", TRUE },
    { "vat-id", "DE123456789", TRUE },
    { "vat-id", "DE1234", FALSE },
    { "self-billing-date", "", TRUE },
    { "self-billing-date", "2024-02-29", TRUE },
    { "self-billing-date", "2025-02-29", FALSE },
    { "self-billing-date", "tomorrow", FALSE },
    { "address", "12 Rizal Street", TRUE },
    { "notes", "anything at all", TRUE },
    { "tax-number", "", TRUE },
    { "tax-number", "12/345/67890", TRUE },
    { "iban", "", TRUE },
    { "iban", "DE89 3704 0044 0532 0130 00", TRUE },
    { "iban", "de89370400440532013000", TRUE },
    { "iban", "DE89 3704 0044 0532 0130 01", FALSE },
    { "iban", "DE89 3704", FALSE },
    { "bic", "", TRUE },
    { "bic", "deut de ff", TRUE },
    { "bic", "DEUTDEFF500", TRUE },
    { "bic", "DEUTDE", FALSE },
    { "invoice-language", "en", TRUE },
    { "invoice-language", "de", TRUE },
    { "invoice-language", "", FALSE },
    { "invoice-language", "fr", FALSE },
    { "invoice-language", "English", FALSE },
  };

  dg_test_assert_field_cases (dg_assistant_validate_field, cases, G_N_ELEMENTS (cases));
}

/* Parsing what is typed */

typedef struct
{
  const char *text;
  int         basis_points;   /* -1: refused */
} VatCase;

static void
test_parse_vat_rate (void)
{
  static const VatCase cases[] = {
    { "19", 1900 },
    { "7,7", 770 },
    { "7.7", 770 },
    { "8.1 %", 810 },
    { "8.1%", 810 },
    { " 19 ", 1900 },
    { "0", 0 },
    { "100", 10000 },
    { "5.5", 550 },
    { "2.15", 215 },
    { "100.01", -1 },
    { "101", -1 },
    { "1000", -1 },
    { "-1", -1 },
    { "abc", -1 },
    { "19.999", -1 },
    { "", -1 },
    { "%", -1 },
    { "19.", -1 },
    { "1 9", -1 },
    { "99999999999999999999", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int basis_points = -42;
      gboolean ok = dg_assistant_parse_vat_rate (cases[i].text, &basis_points, &error);

      g_test_message ("VAT rate “%s”", cases[i].text);
      if (cases[i].basis_points >= 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (basis_points, ==, cases[i].basis_points);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
          g_assert_cmpint (basis_points, ==, -42);
        }
    }
}

static void
test_format_vat_rate (void)
{
  static const struct { int basis_points; const char *text; } cases[] = {
    { 1900, "19" }, { 770, "7.7" }, { 825, "8.25" }, { 0, "0" },
    { 5, "0.05" }, { 50, "0.5" }, { 10000, "100" }, { 1001, "10.01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = dg_assistant_format_vat_rate (cases[i].basis_points);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* Whatever is shown in a form can be saved again unchanged. */
  for (int basis_points = 0; basis_points <= 10000; basis_points++)
    {
      g_autofree char *text = dg_assistant_format_vat_rate (basis_points);
      g_autoptr(GError) error = NULL;
      int parsed = -1;

      g_assert_true (dg_assistant_parse_vat_rate (text, &parsed, &error));
      g_assert_no_error (error);
      g_assert_cmpint (parsed, ==, basis_points);
    }
}

typedef struct
{
  const char *text;
  const char *currency;
  gint64      minor;
  gboolean    valid;
} RateCase;

static void
test_parse_hourly_rate (void)
{
  static const RateCase cases[] = {
    { "12,50", "EUR", 1250, TRUE },
    { "12.50", "EUR", 1250, TRUE },
    { "€12.50", "EUR", 1250, TRUE },
    { "15", "USD", 1500, TRUE },
    { "1500", "JPY", 1500, TRUE },
    { "", "EUR", 0, TRUE },
    { "   ", "EUR", 0, TRUE },
    { "0", "EUR", 0, TRUE },
    { "-5", "EUR", 0, FALSE },
    { "12.5055", "EUR", 0, FALSE },
    { "1,234.567", "EUR", 0, FALSE },
    { "twelve", "EUR", 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -42;
      gboolean ok = dg_assistant_parse_hourly_rate (cases[i].text, cases[i].currency, &minor, &error);

      g_test_message ("Hourly rate “%s” %s", cases[i].text, cases[i].currency);
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (cases[i].valid)
        {
          g_assert_no_error (error);
          g_assert_cmpint (minor, ==, cases[i].minor);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_cmpint (minor, ==, -42);
        }
    }
}

static void
test_parse_hourly_rate_negative_message (void)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  g_assert_false (dg_assistant_parse_hourly_rate ("-5", "EUR", &minor, &error));
  dg_test_assert_error_mentions (error, "negative");
}

/* Local time */

typedef struct
{
  const char *zone;
  const char *utc;
  const char *expected;
} LocalTimeCase;

static void
test_format_local_time (void)
{
  static const LocalTimeCase cases[] = {
    { "Europe/Berlin", "2026-07-01T12:00:00Z", "14:00" },
    { "Europe/Berlin", "2026-01-15T12:00:00Z", "13:00" },
    { "Asia/Manila", "2026-07-01T12:00:00Z", "20:00" },
    { "Asia/Kolkata", "2026-07-01T12:00:00Z", "17:30" },
    { "America/St_Johns", "2026-07-01T12:00:00Z", "09:30" },
    { "Australia/Lord_Howe", "2026-01-15T12:30:00Z", "23:30" },
    { "Australia/Lord_Howe", "2026-07-01T12:00:00Z", "22:30" },
    { "Pacific/Kiritimati", "2026-07-01T12:00:00Z", "02:00" },
  };
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (cases[i].utc, NULL);
      g_autofree char *local = NULL;

      g_assert_nonnull (now);
      g_object_set (assistant, "time-zone", cases[i].zone, NULL);
      local = dg_assistant_format_local_time (assistant, now);
      g_test_message ("%s at %s", cases[i].zone, cases[i].utc);
      g_assert_cmpstr (local, ==, cases[i].expected);
    }
}

/* The store */

static void
test_store_add_sorted (DgTestFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  static const char * const sorted[] = { "Anna", "Bernd", "Carla", "Dana", NULL };
  gint64 ids[4];

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == DG_TYPE_ASSISTANT);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), changes);

  ids[0] = dg_assistant_get_id (add_assistant (store, "Carla"));
  assert_change (changes, 0, 0, 0, 1);
  ids[1] = dg_assistant_get_id (add_assistant (store, "Anna"));
  assert_change (changes, 1, 0, 0, 1);
  ids[2] = dg_assistant_get_id (add_assistant (store, "Dana"));
  assert_change (changes, 2, 2, 0, 1);
  ids[3] = dg_assistant_get_id (add_assistant (store, "Bernd"));
  assert_change (changes, 3, 1, 0, 1);
  g_assert_cmpuint (changes->len, ==, 4);

  assert_names (G_LIST_MODEL (store), sorted);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpint (ids[i], >, 0);
      for (guint j = 0; j < i; j++)
        g_assert_cmpint (ids[i], !=, ids[j]);
    }
  g_assert_cmpstr (dg_assistant_get_name (dg_assistant_store_find (store, ids[0])), ==, "Carla");
  g_assert_null (dg_assistant_store_find (store, 9999));
  g_assert_true (dg_assistant_store_get_database (store) == fixture->db);

  g_signal_handlers_disconnect_by_func (store, on_items_changed, changes);
}

static void
test_store_add_invalid (DgTestFixture *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(DgAssistantStore) reloaded = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(DgAssistant) assistant = make_assistant ("Maria Santos");
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), changes);
  g_object_set (assistant, "email", "not an address", NULL);

  g_assert_false (dg_assistant_store_add (store, assistant, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
  g_assert_cmpint (dg_assistant_get_id (assistant), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (changes->len, ==, 0);

  reloaded = reload_store (fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 0);

  g_signal_handlers_disconnect_by_func (store, on_items_changed, changes);
}

static void
test_store_update (DgTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(DgAssistantStore) reloaded = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(DgAssistant) changed = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const before[] = { "Anna", "Bernd", "Carla", NULL };
  static const char * const after[] = { "Anna", "Carla", "Zora", NULL };
  DgAssistant *bernd;
  DgAssistant *found;
  gint64 id;

  add_assistant (store, "Anna");
  bernd = add_assistant (store, "Bernd");
  add_assistant (store, "Carla");
  assert_names (G_LIST_MODEL (store), before);
  id = dg_assistant_get_id (bernd);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), changes);

  /* A new rate, same name: the row stays where it is. */
  changed = dg_assistant_copy (bernd);
  g_assert_true (changed != bernd);
  g_assert_cmpint (dg_assistant_get_id (changed), ==, id);
  g_object_set (changed, "hourly-rate", (gint64) 2250, "email", "bernd@example.org", NULL);
  g_assert_true (dg_assistant_store_update (store, changed, &error));
  g_assert_no_error (error);
  assert_names (G_LIST_MODEL (store), before);
  found = dg_assistant_store_find (store, id);
  g_assert_cmpint (dg_assistant_get_hourly_rate (found), ==, 2250);
  g_assert_cmpstr (dg_assistant_get_email (found), ==, "bernd@example.org");
  g_assert_cmpuint (changes->len, >=, 1);
  g_array_set_size (changes, 0);

  reloaded = reload_store (fixture->path);
  found = dg_assistant_store_find (reloaded, id);
  g_assert_nonnull (found);
  g_assert_cmpint (dg_assistant_get_hourly_rate (found), ==, 2250);
  g_assert_cmpstr (dg_assistant_get_email (found), ==, "bernd@example.org");
  g_clear_object (&reloaded);

  /* Renamed: it moves from position 1 to the end. */
  g_object_set (changed, "name", "Zora", NULL);
  g_assert_true (dg_assistant_store_update (store, changed, &error));
  g_assert_no_error (error);
  assert_names (G_LIST_MODEL (store), after);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 1, 1, 0);
  assert_change (changes, 1, 2, 0, 1);
  /* The object the list handed out is the one that changed. */
  g_assert_cmpstr (dg_assistant_get_name (bernd), ==, "Zora");
  g_assert_true (dg_assistant_store_find (store, id) == bernd);

  reloaded = reload_store (fixture->path);
  assert_names (G_LIST_MODEL (reloaded), after);
  g_assert_cmpstr (dg_assistant_get_name (dg_assistant_store_find (reloaded, id)), ==, "Zora");

  g_signal_handlers_disconnect_by_func (store, on_items_changed, changes);
}

static void
test_store_update_invalid (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(DgAssistantStore) reloaded = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(DgAssistant) changed = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const names[] = { "Anna", "Bernd", NULL };
  DgAssistant *bernd;
  DgAssistant *stored;
  gint64 id;

  add_assistant (store, "Anna");
  bernd = add_assistant (store, "Bernd");
  id = dg_assistant_get_id (bernd);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), changes);

  changed = dg_assistant_copy (bernd);
  g_object_set (changed, "name", "", "hourly-rate", (gint64) 9999, NULL);
  g_assert_false (dg_assistant_store_update (store, changed, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  g_clear_object (&changed);
  changed = dg_assistant_copy (bernd);
  g_object_set (changed, "time-zone", "Nowhere/Special", "hourly-rate", (gint64) 9999, NULL);
  g_assert_false (dg_assistant_store_update (store, changed, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);

  g_assert_cmpuint (changes->len, ==, 0);
  assert_names (G_LIST_MODEL (store), names);
  stored = dg_assistant_store_find (store, id);
  g_assert_cmpstr (dg_assistant_get_time_zone (stored), ==, "Asia/Manila");
  g_assert_cmpint (dg_assistant_get_hourly_rate (stored), ==, 1500);

  reloaded = reload_store (fixture->path);
  assert_names (G_LIST_MODEL (reloaded), names);
  stored = dg_assistant_store_find (reloaded, id);
  g_assert_cmpstr (dg_assistant_get_time_zone (stored), ==, "Asia/Manila");
  g_assert_cmpint (dg_assistant_get_hourly_rate (stored), ==, 1500);

  g_signal_handlers_disconnect_by_func (store, on_items_changed, changes);
}

/* What the assistants table holds, read past the store. */
static gint64
query_int_for_id (DgDatabase *db,
                  const char *sql,
                  gint64      id)
{
  sqlite3_stmt *stmt = dg_test_prepare (db, sql);

  sqlite3_bind_int64 (stmt, 1, id);
  return dg_test_step_int (stmt);
}

static gint64
stored_active (DgDatabase *db,
               gint64      id)
{
  static const char *sql = "SELECT active FROM assistants WHERE id = ?1";

  return query_int_for_id (db, sql, id);
}

static gint64
count_rows_with_id (DgDatabase *db,
                    gint64      id)
{
  static const char *sql = "SELECT count(*) FROM assistants WHERE id = ?1";

  return query_int_for_id (db, sql, id);
}

static void
test_store_row_gone (DgTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(DgAssistant) changed = NULL;
  g_autoptr(GError) error = NULL;
  DgAssistant *anna = add_assistant (store, "Anna");

  /* Another program (the command line) removes the row meanwhile: a save
   * must not be reported done. */
  dg_test_execute (fixture->db, "DELETE FROM assistants");

  changed = dg_assistant_copy (anna);
  g_object_set (changed, "notes", "changed", NULL);
  g_assert_false (dg_assistant_store_update (store, changed, &error));
  g_assert_error (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dg_assistant_store_archive (store, anna, &error));
  g_assert_error (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dg_assistant_store_delete (store, anna, &error));
  g_assert_error (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_NOT_FOUND);
}

static void
test_store_normalizes (DgTestFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  DgAssistant *anna = add_assistant (store, "Anna");
  g_autoptr(DgAssistant) changed = dg_assistant_copy (anna);
  g_autoptr(GError) error = NULL;

  g_object_set (changed, "name", "  Anna Berg ", "vat-id", "de 123.456-789",
                "address", "Street 1\nTown\n", NULL);
  g_assert_true (dg_assistant_store_update (store, changed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM assistants WHERE name = 'Anna Berg' "
                                                   "AND vat_id = 'DE123456789' AND address = 'Street 1' || char(10) || 'Town' || char(10)"),
                   ==, 1);
}

static void
test_store_archive_restore (DgTestFixture *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(DgAssistantStore) reloaded = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  DgAssistant *bernd;
  gint64 id;

  add_assistant (store, "Anna");
  bernd = add_assistant (store, "Bernd");
  id = dg_assistant_get_id (bernd);
  g_assert_cmpint (stored_active (fixture->db, id), ==, 1);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), changes);

  g_assert_true (dg_assistant_store_archive (store, bernd, &error));
  g_assert_no_error (error);
  g_assert_false (dg_assistant_get_active (bernd));
  g_assert_false (dg_assistant_get_active (dg_assistant_store_find (store, id)));
  g_assert_cmpint (stored_active (fixture->db, id), ==, 0);
  /* Archived assistants stay in the list, so that old work still shows them. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  /* Filters over the list learn that the row changed. */
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 1, 1, 1);

  reloaded = reload_store (fixture->path);
  g_assert_false (dg_assistant_get_active (dg_assistant_store_find (reloaded, id)));
  g_clear_object (&reloaded);

  g_assert_true (dg_assistant_store_restore (store, bernd, &error));
  g_assert_no_error (error);
  g_assert_true (dg_assistant_get_active (bernd));
  g_assert_cmpint (stored_active (fixture->db, id), ==, 1);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 1, 1, 1, 1);

  reloaded = reload_store (fixture->path);
  g_assert_true (dg_assistant_get_active (dg_assistant_store_find (reloaded, id)));

  g_signal_handlers_disconnect_by_func (store, on_items_changed, changes);
}

static void
test_store_delete_unreferenced (DgTestFixture *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(DgAssistantStore) reloaded = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  static const char * const remaining[] = { "Anna", "Carla", NULL };
  DgAssistant *bernd;
  gint64 id;

  add_assistant (store, "Anna");
  bernd = add_assistant (store, "Bernd");
  add_assistant (store, "Carla");
  id = dg_assistant_get_id (bernd);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), changes);

  g_assert_true (dg_assistant_store_delete (store, bernd, &error));
  g_assert_no_error (error);
  assert_names (G_LIST_MODEL (store), remaining);
  g_assert_null (dg_assistant_store_find (store, id));
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 1, 1, 0);
  g_assert_cmpint (count_rows_with_id (fixture->db, id), ==, 0);

  reloaded = reload_store (fixture->path);
  assert_names (G_LIST_MODEL (reloaded), remaining);

  g_signal_handlers_disconnect_by_func (store, on_items_changed, changes);
}

static void
test_store_delete_referenced (DgTestFixture *fixture,
                              gconstpointer  user_data)
{
  /* Stands in for the tables that refer to assistants (tasks, time
   * entries, invoices), under a name no migration will ever use. */
  static const char *create_tasks_sql =
    "CREATE TABLE referring_records (id INTEGER PRIMARY KEY, "
    "assistant_id INTEGER NOT NULL REFERENCES assistants(id))";
  static const char *insert_task_sql =
    "INSERT INTO referring_records (assistant_id) VALUES (?1)";
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(DgAssistantStore) reloaded = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  static const char * const names[] = { "Anna", "Bernd", NULL };
  sqlite3_stmt *stmt;
  DgAssistant *bernd;
  gint64 id;

  add_assistant (store, "Anna");
  bernd = add_assistant (store, "Bernd");
  id = dg_assistant_get_id (bernd);

  dg_test_execute (fixture->db, create_tasks_sql);
  stmt = dg_test_prepare (fixture->db, insert_task_sql);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_true (dg_database_execute (fixture->db, stmt, &error));
  g_assert_no_error (error);

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), changes);

  g_assert_false (dg_assistant_store_delete (store, bernd, &error));
  g_assert_error (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_IN_USE);
  dg_test_assert_error_mentions (error, "archive");
  dg_test_assert_error_mentions (error, "Bernd");
  g_clear_error (&error);

  g_assert_cmpuint (changes->len, ==, 0);
  assert_names (G_LIST_MODEL (store), names);
  g_assert_true (dg_assistant_store_find (store, id) == bernd);
  g_assert_cmpint (count_rows_with_id (fixture->db, id), ==, 1);

  /* What it suggests works. */
  g_assert_true (dg_assistant_store_archive (store, bernd, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_active (fixture->db, id), ==, 0);

  reloaded = reload_store (fixture->path);
  assert_names (G_LIST_MODEL (reloaded), names);
  g_assert_false (dg_assistant_get_active (dg_assistant_store_find (reloaded, id)));

  g_signal_handlers_disconnect_by_func (store, on_items_changed, changes);
}

static void
assert_same_assistant (DgAssistant *expected,
                       DgAssistant *actual)
{
  g_assert_nonnull (actual);
  g_assert_cmpint (dg_assistant_get_id (actual), ==, dg_assistant_get_id (expected));
  g_assert_cmpstr (dg_assistant_get_name (actual), ==, dg_assistant_get_name (expected));
  g_assert_cmpstr (dg_assistant_get_email (actual), ==, dg_assistant_get_email (expected));
  g_assert_cmpstr (dg_assistant_get_time_zone (actual), ==, dg_assistant_get_time_zone (expected));
  g_assert_cmpstr (dg_assistant_get_country (actual), ==, dg_assistant_get_country (expected));
  g_assert_cmpstr (dg_assistant_get_address (actual), ==, dg_assistant_get_address (expected));
  g_assert_cmpstr (dg_assistant_get_currency (actual), ==, dg_assistant_get_currency (expected));
  g_assert_cmpint (dg_assistant_get_hourly_rate (actual), ==, dg_assistant_get_hourly_rate (expected));
  g_assert_cmpint (dg_assistant_get_tax_status (actual), ==, dg_assistant_get_tax_status (expected));
  g_assert_cmpint (dg_assistant_get_vat_rate (actual), ==, dg_assistant_get_vat_rate (expected));
  g_assert_cmpstr (dg_assistant_get_vat_id (actual), ==, dg_assistant_get_vat_id (expected));
  g_assert_cmpstr (dg_assistant_get_self_billing_date (actual), ==, dg_assistant_get_self_billing_date (expected));
  g_assert_cmpstr (dg_assistant_get_notes (actual), ==, dg_assistant_get_notes (expected));
  g_assert_cmpint (dg_assistant_get_active (actual), ==, dg_assistant_get_active (expected));
  g_assert_cmpstr (dg_assistant_get_tax_number (actual), ==, dg_assistant_get_tax_number (expected));
  g_assert_cmpstr (dg_assistant_get_iban (actual), ==, dg_assistant_get_iban (expected));
  g_assert_cmpstr (dg_assistant_get_bic (actual), ==, dg_assistant_get_bic (expected));
  g_assert_cmpstr (dg_assistant_get_invoice_language (actual), ==, dg_assistant_get_invoice_language (expected));
}

/* One assistant read alone, without a store, has every field the store
 * wrote; an id that is not there is NOT_FOUND. */
static void
test_load_one (DgTestFixture *fixture,
               gconstpointer  user_data)
{
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(DgAssistant) changed = NULL;
  g_autoptr(DgAssistant) loaded = NULL;
  g_autoptr(GError) error = NULL;
  DgAssistant *jonas = add_assistant (store, "Jonas Weber");

  changed = dg_assistant_copy (jonas);
  g_object_set (changed,
                "country", "DE",
                "tax-status", DG_TAX_STATUS_VAT,
                "vat-rate", 1900,
                "tax-number", "12/345/67890",
                "iban", "DE89370400440532013000",
                "bic", "COBADEFFXXX",
                "invoice-language", "de",
                NULL);
  g_assert_true (dg_assistant_store_update (store, changed, &error));
  g_assert_no_error (error);

  loaded = dg_assistant_load (fixture->db, dg_assistant_get_id (jonas), &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (dg_assistant_get_name (loaded), ==, "Jonas Weber");
  g_assert_cmpstr (dg_assistant_get_country (loaded), ==, "DE");
  g_assert_cmpint (dg_assistant_get_tax_status (loaded), ==, DG_TAX_STATUS_VAT);
  g_assert_cmpint (dg_assistant_get_vat_rate (loaded), ==, 1900);
  g_assert_cmpstr (dg_assistant_get_tax_number (loaded), ==, "12/345/67890");
  g_assert_cmpstr (dg_assistant_get_iban (loaded), ==, "DE89370400440532013000");
  g_assert_cmpstr (dg_assistant_get_bic (loaded), ==, "COBADEFFXXX");
  g_assert_cmpstr (dg_assistant_get_invoice_language (loaded), ==, "de");
  g_clear_object (&loaded);

  loaded = dg_assistant_load (fixture->db, dg_assistant_get_id (jonas) + 100, &error);
  g_assert_null (loaded);
  g_assert_error (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_NOT_FOUND);
}

static void
test_store_persistence (DgTestFixture *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(DgAssistantStore) reloaded = NULL;
  g_autoptr(DgAssistant) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgAssistant) maria = NULL;
  g_autoptr(DgAssistant) jonas = NULL;
  g_autoptr(DgAssistant) amelie = NULL;
  static const char * const names[] = { "Amélie Laurent", "Jonas Weber", "Maria Santos", NULL };

  /* Kept beyond the store, to compare with what is read back. */
  maria = g_object_ref (add_assistant (store, "Maria Santos"));
  jonas = g_object_ref (add_assistant (store, "Jonas Weber"));
  changed = dg_assistant_copy (jonas);
  g_object_set (changed,
                "email", "jonas@example.de",
                "time-zone", "Europe/Berlin",
                "country", "DE",
                "tax-status", DG_TAX_STATUS_VAT,
                "vat-rate", 1900,
                "vat-id", "DE123456789",
                "hourly-rate", (gint64) 4500,
                "tax-number", "12/345/67890",
                "iban", "de89 3704 0044 0532 0130 00",
                "bic", "cobadeffxxx",
                "invoice-language", "de",
                NULL);
  g_assert_true (dg_assistant_store_update (store, changed, &error));
  g_assert_no_error (error);
  g_clear_object (&changed);
  amelie = g_object_ref (add_assistant (store, "Amélie Laurent"));
  changed = dg_assistant_copy (amelie);
  g_object_set (changed,
                "time-zone", "Europe/Paris",
                "country", "FR",
                "tax-status", DG_TAX_STATUS_SMALL_BUSINESS,
                "self-billing-date", "",
                "notes", "",
                NULL);
  g_assert_true (dg_assistant_store_update (store, changed, &error));
  g_assert_no_error (error);
  g_assert_true (dg_assistant_store_archive (store, amelie, &error));
  g_assert_no_error (error);

  /* Everything comes back after the application is closed and started again. */
  g_clear_object (&store);
  g_clear_object (&fixture->db);
  reloaded = reload_store (fixture->path);
  assert_names (G_LIST_MODEL (reloaded), names);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DgAssistant) item = g_list_model_get_item (G_LIST_MODEL (reloaded), i);
      DgAssistant *expected = i == 0 ? amelie : i == 1 ? jonas : maria;

      assert_same_assistant (expected, item);
    }
  g_assert_cmpint (dg_assistant_get_tax_status (dg_assistant_store_find (reloaded, dg_assistant_get_id (jonas))),
                   ==, DG_TAX_STATUS_VAT);
  g_assert_cmpint (dg_assistant_get_vat_rate (dg_assistant_store_find (reloaded, dg_assistant_get_id (jonas))),
                   ==, 1900);
  /* Payment details come back in the form invoices print them. */
  g_assert_cmpstr (dg_assistant_get_tax_number (dg_assistant_store_find (reloaded, dg_assistant_get_id (jonas))),
                   ==, "12/345/67890");
  g_assert_cmpstr (dg_assistant_get_iban (dg_assistant_store_find (reloaded, dg_assistant_get_id (jonas))),
                   ==, "DE89370400440532013000");
  g_assert_cmpstr (dg_assistant_get_bic (dg_assistant_store_find (reloaded, dg_assistant_get_id (jonas))),
                   ==, "COBADEFFXXX");
  g_assert_cmpstr (dg_assistant_get_invoice_language (dg_assistant_store_find (reloaded, dg_assistant_get_id (jonas))),
                   ==, "de");
  g_assert_cmpstr (dg_assistant_get_invoice_language (dg_assistant_store_find (reloaded, dg_assistant_get_id (maria))),
                   ==, "en");
}

static void
test_store_unicode_names (DgTestFixture *fixture,
                          gconstpointer  user_data)
{
  static const char * const names[] = {
    "Lena 🌻 Fischer",
    "مريم العلي",          /* Arabic, right to left */
    "שרה לוי",             /* Hebrew, right to left */
    "Nguyễn Thị Ánh",      /* combining-heavy Vietnamese */
    "👩🏽‍💻",                  /* an emoji sequence with a zero-width joiner */
  };
  g_autoptr(DgAssistantStore) store = make_store (fixture->db);
  g_autoptr(DgAssistantStore) reloaded = NULL;
  gint64 ids[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      DgAssistant *assistant = add_assistant (store, names[i]);
      g_autoptr(DgAssistant) changed = dg_assistant_copy (assistant);
      g_autoptr(GError) error = NULL;
      g_autofree char *notes = g_strdup_printf ("Notiz für %s ✓", names[i]);

      g_object_set (changed, "notes", notes, "address", names[i], NULL);
      g_assert_true (dg_assistant_store_update (store, changed, &error));
      g_assert_no_error (error);
      ids[i] = dg_assistant_get_id (assistant);
    }

  g_clear_object (&store);
  g_clear_object (&fixture->db);
  reloaded = reload_store (fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      DgAssistant *assistant = dg_assistant_store_find (reloaded, ids[i]);
      g_autofree char *notes = g_strdup_printf ("Notiz für %s ✓", names[i]);

      g_assert_nonnull (assistant);
      /* Byte for byte: no normalisation, no reordering of right-to-left text. */
      g_assert_cmpstr (dg_assistant_get_name (assistant), ==, names[i]);
      g_assert_cmpstr (dg_assistant_get_address (assistant), ==, names[i]);
      g_assert_cmpstr (dg_assistant_get_notes (assistant), ==, notes);
    }
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/assistant/validate/complete", test_validate_complete);
  g_test_add_func ("/assistant/validate/missing-name", test_validate_missing_name);
  g_test_add_func ("/assistant/validate/payment-details", test_validate_payment_details);
  g_test_add_func ("/assistant/normalize/payment-details", test_normalize_payment_details);
  g_test_add_func ("/assistant/validate/bad-email", test_validate_bad_email);
  g_test_add_func ("/assistant/validate/unknown-zone", test_validate_unknown_zone);
  g_test_add_func ("/assistant/validate/zone-required", test_validate_zone_required);
  g_test_add_func ("/assistant/validate/negative-rate", test_validate_negative_rate);
  g_test_add_func ("/assistant/validate/vat-rate-range", test_validate_vat_rate_range);
  g_test_add_func ("/assistant/validate/bad-date", test_validate_bad_date);
  g_test_add_func ("/assistant/validate/unknown-currency", test_validate_unknown_currency);
  g_test_add_func ("/assistant/validate/field", test_validate_field);
  g_test_add_func ("/assistant/parse/vat-rate", test_parse_vat_rate);
  g_test_add_func ("/assistant/format/vat-rate", test_format_vat_rate);
  g_test_add_func ("/assistant/parse/hourly-rate", test_parse_hourly_rate);
  g_test_add_func ("/assistant/parse/hourly-rate-negative", test_parse_hourly_rate_negative_message);
  g_test_add_func ("/assistant/local-time", test_format_local_time);

  dg_test_add_with_database ("/assistant/store/add-sorted", test_store_add_sorted);
  dg_test_add_with_database ("/assistant/store/add-invalid", test_store_add_invalid);
  dg_test_add_with_database ("/assistant/store/update", test_store_update);
  dg_test_add_with_database ("/assistant/store/update-invalid", test_store_update_invalid);
  dg_test_add_with_database ("/assistant/store/archive-restore", test_store_archive_restore);
  dg_test_add_with_database ("/assistant/store/row-gone", test_store_row_gone);
  dg_test_add_with_database ("/assistant/store/normalizes", test_store_normalizes);
  dg_test_add_with_database ("/assistant/store/delete-unreferenced", test_store_delete_unreferenced);
  dg_test_add_with_database ("/assistant/store/delete-referenced", test_store_delete_referenced);
  dg_test_add_with_database ("/assistant/store/persistence", test_store_persistence);
  dg_test_add_with_database ("/assistant/store/load-one", test_load_one);
  dg_test_add_with_database ("/assistant/store/unicode-names", test_store_unicode_names);

  return g_test_run ();
}
