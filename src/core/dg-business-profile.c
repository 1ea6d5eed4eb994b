/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-business-profile"

#include <glib/gi18n.h>

#include "dg-business-profile.h"
#include "dg-validation.h"

enum {
  PROP_0,
  /* string properties first, in the order of the table's columns */
  PROP_NAME,
  PROP_ADDRESS,
  PROP_TAX_NUMBER,
  PROP_VAT_ID,
  PROP_IBAN,
  PROP_BIC,
  PROP_EMAIL,
  PROP_CURRENCY,
  PROP_INVOICE_NUMBER_PATTERN,
  PROP_CANCELLATION_NUMBER_PATTERN,
  LAST_STRING_PROP = PROP_CANCELLATION_NUMBER_PATTERN,
  PROP_PAYMENT_TERMS_DAYS,
  PROP_WEEK_START,
  PROP_AUTO_APPROVE_DAYS,
  N_PROPS
};

struct _DgBusinessProfile
{
  GObject  parent_instance;

  char    *strings[LAST_STRING_PROP + 1];
  int      payment_terms_days;
  int      week_start;          /* a GDateWeekday */
  int      auto_approve_days;   /* 0: off */
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DgBusinessProfile, dg_business_profile, G_TYPE_OBJECT)

static const char *select_sql =
  "SELECT name, address, tax_number, vat_id, iban, bic, email, currency, "
  "invoice_number_pattern, cancellation_number_pattern, payment_terms_days, "
  "week_start, auto_approve_days "
  "FROM business_profile WHERE id = 1";
static const char *update_sql =
  "UPDATE business_profile SET name = ?1, address = ?2, tax_number = ?3, "
  "vat_id = ?4, iban = ?5, bic = ?6, email = ?7, currency = ?8, "
  "invoice_number_pattern = ?9, cancellation_number_pattern = ?10, "
  "payment_terms_days = ?11, week_start = ?12, auto_approve_days = ?13 "
  "WHERE id = 1";

#define MAX_PAYMENT_TERMS_DAYS 365
#define MAX_AUTO_APPROVE_DAYS 90

DgBusinessProfile *
dg_business_profile_new (void)
{
  return g_object_new (DG_TYPE_BUSINESS_PROFILE, NULL);
}

DgBusinessProfile *
dg_business_profile_load (DgDatabase  *db,
                          GError     **error)
{
  g_autoptr(DgBusinessProfile) self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db, select_sql, error);
  if (stmt == NULL)
    return NULL;

  self = dg_business_profile_new ();
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      /* The first migration inserts the one row; it is never deleted. */
      dg_database_propagate_error (db, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    g_object_set (self, properties[i]->name, dg_database_column_text (stmt, i - 1), NULL);
  g_object_set (self,
                "payment-terms-days", sqlite3_column_int (stmt, LAST_STRING_PROP),
                "week-start", sqlite3_column_int (stmt, LAST_STRING_PROP + 1),
                "auto-approve-days", sqlite3_column_int (stmt, LAST_STRING_PROP + 2),
                NULL);
  g_object_thaw_notify (G_OBJECT (self));
  sqlite3_reset (stmt);

  return g_steal_pointer (&self);
}

gboolean
dg_business_profile_validate_field (const char  *property,
                                    const char  *value,
                                    GError     **error)
{
  g_return_val_if_fail (property != NULL, FALSE);

  if (g_str_equal (property, "currency"))
    return dg_validate_currency (value, error);
  if (g_str_equal (property, "invoice-number-pattern"))
    return dg_validate_invoice_number_pattern (value, error);
  if (g_str_equal (property, "cancellation-number-pattern"))
    {
      if (dg_text_is_blank (value))
        {
          g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                               _("Enter a pattern for cancellation numbers, such as ST-{YYYY}-{NNNN}."));
          return FALSE;
        }
      if (!dg_validate_invoice_number_pattern (value, error))
        {
          /* The shared messages speak of a pattern; say which one. */
          g_prefix_error (error, _("The pattern for cancellation numbers is not valid. "));
          return FALSE;
        }
      return TRUE;
    }

  /* The rest may stay empty until an invoice needs them. */
  if (dg_text_is_blank (value))
    return TRUE;
  if (g_str_equal (property, "iban"))
    return dg_validate_iban (value, error);
  if (g_str_equal (property, "bic"))
    return dg_validate_bic (value, error);
  if (g_str_equal (property, "email"))
    return dg_validate_email (value, error);
  if (g_str_equal (property, "vat-id"))
    return dg_validate_vat_id (value, error);
  return TRUE;
}

char *
dg_business_profile_normalize_field (const char *property,
                                     const char *value)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (property != NULL, NULL);

  stripped = g_strstrip (g_strdup (value ? value : ""));
  /* Identifiers are kept in one form, so invoices print them alike
   * whatever spacing or case was typed. */
  if (*stripped != '\0')
    {
      if (g_str_equal (property, "iban"))
        return dg_iban_normalize (stripped);
      if (g_str_equal (property, "bic"))
        return dg_bic_normalize (stripped);
      if (g_str_equal (property, "vat-id"))
        return dg_vat_id_normalize (stripped);
    }
  return g_steal_pointer (&stripped);
}

/* @pattern without its placeholders: the text every number it makes
 * shares. */
static char *
pattern_literal_text (const char *pattern)
{
  GString *text = g_string_new (NULL);
  gboolean in_placeholder = FALSE;

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == '{')
        in_placeholder = TRUE;
      else if (*p == '}')
        in_placeholder = FALSE;
      else if (!in_placeholder)
        g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

/* Cancellations have a series of their own (§14 UStG: numbers unique).
 * This refuses patterns that are equal, or equal but for their
 * placeholders ("{YYYY}-{NNNN}" and "{YY}-{NNN}"), which would soon make
 * the same numbers. Patterns that still could ("{YYYY}-{NNNN}" and
 * "{YYYY}-000{N}") are caught by the invoice store, which refuses a number
 * that is taken and names the pattern to change. */
static gboolean
patterns_differ (DgBusinessProfile  *self,
                 GError            **error)
{
  g_autofree char *invoice = dg_business_profile_normalize_field ("invoice-number-pattern",
                                                                  self->strings[PROP_INVOICE_NUMBER_PATTERN]);
  g_autofree char *cancellation = dg_business_profile_normalize_field ("cancellation-number-pattern",
                                                                       self->strings[PROP_CANCELLATION_NUMBER_PATTERN]);
  g_autofree char *invoice_text = pattern_literal_text (invoice);
  g_autofree char *cancellation_text = pattern_literal_text (cancellation);

  if (g_str_equal (invoice, cancellation))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The pattern for cancellation numbers must differ from the pattern for invoice numbers (both are “%s”), since cancellations are numbered in a series of their own."),
                   invoice);
      return FALSE;
    }
  if (g_str_equal (invoice_text, cancellation_text))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The patterns for invoice numbers (“%s”) and cancellation numbers (“%s”) differ only in their placeholders, so they would make the same numbers. Add a text of its own to the cancellation pattern, such as “ST-”."),
                   invoice, cancellation);
      return FALSE;
    }
  return TRUE;
}

gboolean
dg_business_profile_validate (DgBusinessProfile  *self,
                              GError            **error)
{
  g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), FALSE);

  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    if (!dg_business_profile_validate_field (properties[i]->name, self->strings[i], error))
      return FALSE;

  if (!patterns_differ (self, error))
    return FALSE;
  if (self->payment_terms_days < 0 || self->payment_terms_days > MAX_PAYMENT_TERMS_DAYS)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("Payment terms must be between 0 and %d days."), MAX_PAYMENT_TERMS_DAYS);
      return FALSE;
    }
  if (self->week_start < G_DATE_MONDAY || self->week_start > G_DATE_SUNDAY)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The first day of the week must be a day from Monday to Sunday."));
      return FALSE;
    }
  if (self->auto_approve_days < 0 || self->auto_approve_days > MAX_AUTO_APPROVE_DAYS)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("Automatic approval must be off (0 days) or come between 1 and %d days after a week ends."),
                   MAX_AUTO_APPROVE_DAYS);
      return FALSE;
    }
  return TRUE;
}

gboolean
dg_business_profile_save (DgBusinessProfile  *self,
                          DgDatabase         *db,
                          GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), FALSE);
  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);

  if (!dg_business_profile_validate (self, error))
    return FALSE;

  stmt = dg_database_prepare (db, update_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    {
      g_autofree char *value = dg_business_profile_normalize_field (properties[i]->name, self->strings[i]);

      g_object_set (self, properties[i]->name, value, NULL);
      dg_database_bind_text (stmt, i, self->strings[i]);
    }
  sqlite3_bind_int (stmt, LAST_STRING_PROP + 1, self->payment_terms_days);
  sqlite3_bind_int (stmt, LAST_STRING_PROP + 2, self->week_start);
  sqlite3_bind_int (stmt, LAST_STRING_PROP + 3, self->auto_approve_days);
  return dg_database_execute (db, stmt, error);
}

const char *dg_business_profile_get_name                   (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), NULL); return self->strings[PROP_NAME]; }
const char *dg_business_profile_get_address                (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), NULL); return self->strings[PROP_ADDRESS]; }
const char *dg_business_profile_get_tax_number             (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), NULL); return self->strings[PROP_TAX_NUMBER]; }
const char *dg_business_profile_get_vat_id                 (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), NULL); return self->strings[PROP_VAT_ID]; }
const char *dg_business_profile_get_iban                   (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), NULL); return self->strings[PROP_IBAN]; }
const char *dg_business_profile_get_bic                    (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), NULL); return self->strings[PROP_BIC]; }
const char *dg_business_profile_get_email                  (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), NULL); return self->strings[PROP_EMAIL]; }
const char *dg_business_profile_get_currency               (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), NULL); return self->strings[PROP_CURRENCY]; }
const char *dg_business_profile_get_invoice_number_pattern (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), NULL); return self->strings[PROP_INVOICE_NUMBER_PATTERN]; }
const char *dg_business_profile_get_cancellation_number_pattern (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), NULL); return self->strings[PROP_CANCELLATION_NUMBER_PATTERN]; }
int         dg_business_profile_get_payment_terms_days     (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), 0); return self->payment_terms_days; }
GDateWeekday dg_business_profile_get_week_start            (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), G_DATE_MONDAY); return self->week_start; }
int         dg_business_profile_get_auto_approve_days      (DgBusinessProfile *self) { g_return_val_if_fail (DG_IS_BUSINESS_PROFILE (self), 0); return self->auto_approve_days; }

static void
dg_business_profile_finalize (GObject *object)
{
  DgBusinessProfile *self = DG_BUSINESS_PROFILE (object);

  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (dg_business_profile_parent_class)->finalize (object);
}

/* The int a property of that type is kept in, or NULL for another. */
static int *
int_field (DgBusinessProfile *self,
           guint              prop_id)
{
  switch (prop_id)
    {
    case PROP_PAYMENT_TERMS_DAYS: return &self->payment_terms_days;
    case PROP_WEEK_START:         return &self->week_start;
    case PROP_AUTO_APPROVE_DAYS:  return &self->auto_approve_days;
    default:                      return NULL;
    }
}

static void
dg_business_profile_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DgBusinessProfile *self = DG_BUSINESS_PROFILE (object);

  if (prop_id >= 1 && prop_id <= LAST_STRING_PROP)
    g_value_set_string (value, self->strings[prop_id]);
  else if (int_field (self, prop_id) != NULL)
    g_value_set_int (value, *int_field (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
dg_business_profile_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DgBusinessProfile *self = DG_BUSINESS_PROFILE (object);

  if (prop_id >= 1 && prop_id <= LAST_STRING_PROP)
    {
      const char *text = g_value_get_string (value);

      if (g_strcmp0 (self->strings[prop_id], text ? text : "") == 0)
        return;
      g_free (self->strings[prop_id]);
      self->strings[prop_id] = g_strdup (text ? text : "");
    }
  else if (int_field (self, prop_id) != NULL)
    {
      int *field = int_field (self, prop_id);

      if (*field == g_value_get_int (value))
        return;
      *field = g_value_get_int (value);
    }
  else
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
dg_business_profile_class_init (DgBusinessProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const string_names[] = {
    NULL, "name", "address", "tax-number", "vat-id", "iban", "bic", "email",
    "currency", "invoice-number-pattern", "cancellation-number-pattern",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == LAST_STRING_PROP + 1);

  object_class->finalize = dg_business_profile_finalize;
  object_class->get_property = dg_business_profile_get_property;
  object_class->set_property = dg_business_profile_set_property;

  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    properties[i] = g_param_spec_string (string_names[i], NULL, NULL, "", flags);
  /* Unchecked here so that a typed value can be held and reported by validate(). */
  properties[PROP_PAYMENT_TERMS_DAYS] =
    g_param_spec_int ("payment-terms-days", NULL, NULL, G_MININT, G_MAXINT, 14, flags);
  properties[PROP_WEEK_START] =
    g_param_spec_int ("week-start", NULL, NULL, G_MININT, G_MAXINT, G_DATE_MONDAY, flags);
  properties[PROP_AUTO_APPROVE_DAYS] =
    g_param_spec_int ("auto-approve-days", NULL, NULL, G_MININT, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_business_profile_init (DgBusinessProfile *self)
{
  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    self->strings[i] = g_strdup ("");
  g_free (self->strings[PROP_CURRENCY]);
  self->strings[PROP_CURRENCY] = g_strdup ("EUR");
  g_free (self->strings[PROP_INVOICE_NUMBER_PATTERN]);
  self->strings[PROP_INVOICE_NUMBER_PATTERN] = g_strdup ("{YYYY}-{NNNN}");
  g_free (self->strings[PROP_CANCELLATION_NUMBER_PATTERN]);
  self->strings[PROP_CANCELLATION_NUMBER_PATTERN] = g_strdup ("ST-{YYYY}-{NNNN}");
  self->payment_terms_days = 14;
  self->week_start = G_DATE_MONDAY;
  self->auto_approve_days = 0;
}
