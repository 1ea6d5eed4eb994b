/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-assistant"

#include <glib/gi18n.h>

#include "dg-assistant.h"
#include "dg-money.h"
#include "dg-validation.h"

enum {
  PROP_0,
  /* string properties first, so that they index strings[] */
  PROP_NAME,
  PROP_EMAIL,
  PROP_TIME_ZONE,
  PROP_COUNTRY,
  PROP_ADDRESS,
  PROP_CURRENCY,
  PROP_VAT_ID,
  PROP_SELF_BILLING_DATE,
  PROP_NOTES,
  PROP_TAX_NUMBER,
  PROP_IBAN,
  PROP_BIC,
  PROP_INVOICE_LANGUAGE,
  LAST_STRING_PROP = PROP_INVOICE_LANGUAGE,
  PROP_ID,
  PROP_HOURLY_RATE,
  PROP_TAX_STATUS,
  PROP_VAT_RATE,
  PROP_ACTIVE,
  N_PROPS
};

struct _DgAssistant
{
  GObject      parent_instance;

  gint64       id;
  gint64       hourly_rate;
  DgTaxStatus  tax_status;
  int          vat_rate;
  gboolean     active;
  char        *strings[LAST_STRING_PROP + 1];   /* indexed by PROP_ of a string property */
  GTimeZone   *zone;      /* parsed "time-zone", made when first needed */
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DgAssistant, dg_assistant, G_TYPE_OBJECT)

static const GEnumValue tax_status_values[] = {
  { DG_TAX_STATUS_OUTSIDE_SCOPE, "DG_TAX_STATUS_OUTSIDE_SCOPE", "outside-scope" },
  { DG_TAX_STATUS_VAT, "DG_TAX_STATUS_VAT", "vat" },
  { DG_TAX_STATUS_SMALL_BUSINESS, "DG_TAX_STATUS_SMALL_BUSINESS", "small-business" },
  { DG_TAX_STATUS_REVERSE_CHARGE, "DG_TAX_STATUS_REVERSE_CHARGE", "reverse-charge" },
  { 0, NULL, NULL }
};

GType
dg_tax_status_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DgTaxStatus", tax_status_values));
  return type_id;
}

const char *
dg_tax_status_to_string (DgTaxStatus status)
{
  g_return_val_if_fail (status <= DG_TAX_STATUS_REVERSE_CHARGE, NULL);

  return tax_status_values[status].value_nick;
}

gboolean
dg_tax_status_from_string (const char  *text,
                           DgTaxStatus *out_status)
{
  g_return_val_if_fail (out_status != NULL, FALSE);

  for (guint i = 0; tax_status_values[i].value_nick != NULL; i++)
    {
      if (g_strcmp0 (text, tax_status_values[i].value_nick) == 0)
        {
          *out_status = tax_status_values[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
dg_tax_status_get_label (DgTaxStatus status)
{
  switch (status)
    {
    case DG_TAX_STATUS_OUTSIDE_SCOPE:  return _("Outside the scope of VAT");
    case DG_TAX_STATUS_VAT:            return _("Charges VAT");
    case DG_TAX_STATUS_SMALL_BUSINESS: return _("Small-business exemption");
    case DG_TAX_STATUS_REVERSE_CHARGE: return _("Reverse charge (EU)");
    default:                           g_return_val_if_reached (NULL);
    }
}

DgAssistant *
dg_assistant_new (void)
{
  return g_object_new (DG_TYPE_ASSISTANT, NULL);
}

DgAssistant *
dg_assistant_copy (DgAssistant *self)
{
  DgAssistant *copy;

  g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL);

  copy = dg_assistant_new ();
  copy->id = self->id;
  copy->hourly_rate = self->hourly_rate;
  copy->tax_status = self->tax_status;
  copy->vat_rate = self->vat_rate;
  copy->active = self->active;
  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    {
      g_free (copy->strings[i]);
      copy->strings[i] = g_strdup (self->strings[i]);
    }
  return copy;
}

gboolean
dg_assistant_validate_field (const char  *property,
                             const char  *value,
                             GError     **error)
{
  g_return_val_if_fail (property != NULL, FALSE);

  if (g_str_equal (property, "name"))
    {
      if (dg_text_is_blank (value))
        {
          g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                               _("Enter the assistant’s name."));
          return FALSE;
        }
      return TRUE;
    }
  if (g_str_equal (property, "time-zone"))
    return dg_validate_time_zone (value, error);
  if (g_str_equal (property, "currency"))
    return dg_validate_currency (value, error);
  if (g_str_equal (property, "invoice-language"))
    {
      g_autofree char *language = g_strstrip (g_strdup (value ? value : ""));

      if (g_str_equal (language, "en") || g_str_equal (language, "de"))
        return TRUE;
      if (*language == '\0')
        {
          g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                               _("Choose the language of the assistant’s invoices: English (en) or German (de)."));
          return FALSE;
        }
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not an invoice language. Choose English (en) or German (de)."),
                   value ? value : "");
      return FALSE;
    }

  /* The remaining fields are optional: checked only when filled in. */
  if (dg_text_is_blank (value))
    return TRUE;
  if (g_str_equal (property, "email"))
    return dg_validate_email (value, error);
  if (g_str_equal (property, "country"))
    return dg_validate_country_code (value, error);
  if (g_str_equal (property, "vat-id"))
    return dg_validate_vat_id (value, error);
  if (g_str_equal (property, "self-billing-date"))
    return dg_validate_date (value, error);
  if (g_str_equal (property, "iban"))
    return dg_validate_iban (value, error);
  if (g_str_equal (property, "bic"))
    return dg_validate_bic (value, error);
  return TRUE;
}

void
dg_assistant_normalize (DgAssistant *self)
{
  g_return_if_fail (DG_IS_ASSISTANT (self));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    {
      g_autofree char *value = NULL;

      /* Addresses and notes keep their lines as typed. */
      if (i == PROP_ADDRESS || i == PROP_NOTES)
        continue;
      value = g_strstrip (g_strdup (self->strings[i]));
      /* Identifiers are kept in one form, so invoices print them alike
       * whatever spacing or case was typed. */
      if (*value != '\0' && (i == PROP_VAT_ID || i == PROP_IBAN || i == PROP_BIC))
        {
          char *normalized = i == PROP_VAT_ID ? dg_vat_id_normalize (value)
                           : i == PROP_IBAN ? dg_iban_normalize (value)
                           : dg_bic_normalize (value);

          g_free (value);
          value = normalized;
        }
      g_object_set (self, properties[i]->name, value, NULL);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
dg_assistant_validate (DgAssistant  *self,
                       GError      **error)
{
  g_return_val_if_fail (DG_IS_ASSISTANT (self), FALSE);

  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    if (!dg_assistant_validate_field (properties[i]->name, self->strings[i], error))
      return FALSE;

  if (self->hourly_rate < 0)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The hourly rate cannot be negative."));
      return FALSE;
    }
  if (self->vat_rate < 0 || self->vat_rate > 10000)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The VAT rate must be between 0 and 100 %."));
      return FALSE;
    }
  /* An invoice charging VAT at 0 % would need the reason for no tax
   * printed on it (§ 14 (4) Nr. 8 UStG), which only the other statuses
   * give. */
  if (self->tax_status == DG_TAX_STATUS_VAT && self->vat_rate == 0)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("An assistant who charges VAT needs a VAT rate above 0 %. Enter their rate, or choose the tax status that exempts them."));
      return FALSE;
    }
  return TRUE;
}

gboolean
dg_assistant_parse_hourly_rate (const char  *text,
                                const char  *currency,
                                gint64      *out_minor,
                                GError     **error)
{
  DgMoney money;

  g_return_val_if_fail (out_minor != NULL, FALSE);

  if (dg_text_is_blank (text))
    {
      *out_minor = 0;
      return TRUE;
    }
  if (!dg_money_parse (text, currency, &money, error))
    return FALSE;
  if (money.minor < 0)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The hourly rate cannot be negative."));
      return FALSE;
    }
  *out_minor = money.minor;
  return TRUE;
}

gboolean
dg_assistant_parse_vat_rate (const char  *text,
                             int         *out_basis_points,
                             GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  int whole = 0;
  int fraction = 0;
  int fraction_digits = 0;

  g_return_val_if_fail (out_basis_points != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (g_str_has_suffix (stripped, "%"))
    {
      stripped[strlen (stripped) - 1] = '\0';
      g_strchomp (stripped);
    }

  p = stripped;
  if (*p == '\0')
    goto invalid;
  for (; g_ascii_isdigit (*p) && whole <= 100; p++)
    whole = whole * 10 + (*p - '0');
  if (*p == '.' || *p == ',')
    {
      for (p++; g_ascii_isdigit (*p) && fraction_digits < 3; p++, fraction_digits++)
        fraction = fraction * 10 + (*p - '0');
      if (fraction_digits == 0 || fraction_digits > 2)
        goto invalid;
      if (fraction_digits == 1)
        fraction *= 10;
    }
  if (*p != '\0' || whole * 100 + fraction > 10000)
    goto invalid;

  *out_basis_points = whole * 100 + fraction;
  return TRUE;

invalid:
  g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
               _("“%s” is not a VAT rate. Enter a percentage between 0 and 100, such as 19 or 7.7."),
               text ? text : "");
  return FALSE;
}

char *
dg_assistant_format_vat_rate (int basis_points)
{
  /* Negated as unsigned, so that even G_MININT cannot overflow. */
  const char *sign = basis_points < 0 ? "-" : "";
  guint magnitude = basis_points < 0 ? 0u - (guint) basis_points : (guint) basis_points;
  guint whole = magnitude / 100;
  guint fraction = magnitude % 100;

  if (fraction == 0)
    return g_strdup_printf ("%s%u", sign, whole);
  if (fraction % 10 == 0)
    return g_strdup_printf ("%s%u.%u", sign, whole, fraction / 10);
  return g_strdup_printf ("%s%u.%02u", sign, whole, fraction);
}

char *
dg_assistant_format_local_time (DgAssistant *self,
                                GDateTime   *now)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (dg_text_is_blank (self->strings[PROP_TIME_ZONE]))
    return NULL;
  /* Parsing the zone reads its file: lists show many assistants, often. */
  if (self->zone == NULL)
    self->zone = g_time_zone_new_identifier (self->strings[PROP_TIME_ZONE]);
  if (self->zone == NULL)
    return NULL;
  local = g_date_time_to_timezone (now, self->zone);
  /* Translators: the assistant's local time of day, see strftime */
  return g_date_time_format (local, _("%H:%M"));
}

gint64       dg_assistant_get_id                (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), 0); return self->id; }
const char  *dg_assistant_get_name              (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_NAME]; }
const char  *dg_assistant_get_email             (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_EMAIL]; }
const char  *dg_assistant_get_time_zone         (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_TIME_ZONE]; }
const char  *dg_assistant_get_country           (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_COUNTRY]; }
const char  *dg_assistant_get_address           (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_ADDRESS]; }
const char  *dg_assistant_get_currency          (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_CURRENCY]; }
gint64       dg_assistant_get_hourly_rate       (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), 0); return self->hourly_rate; }
DgTaxStatus  dg_assistant_get_tax_status        (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), 0); return self->tax_status; }
int          dg_assistant_get_vat_rate          (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), 0); return self->vat_rate; }
const char  *dg_assistant_get_vat_id            (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_VAT_ID]; }
const char  *dg_assistant_get_self_billing_date (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_SELF_BILLING_DATE]; }
const char  *dg_assistant_get_notes             (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_NOTES]; }
gboolean     dg_assistant_get_active            (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), FALSE); return self->active; }
const char  *dg_assistant_get_tax_number        (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_TAX_NUMBER]; }
const char  *dg_assistant_get_iban              (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_IBAN]; }
const char  *dg_assistant_get_bic               (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_BIC]; }
const char  *dg_assistant_get_invoice_language  (DgAssistant *self) { g_return_val_if_fail (DG_IS_ASSISTANT (self), NULL); return self->strings[PROP_INVOICE_LANGUAGE]; }

static void
dg_assistant_finalize (GObject *object)
{
  DgAssistant *self = DG_ASSISTANT (object);

  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    g_free (self->strings[i]);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (dg_assistant_parent_class)->finalize (object);
}

static void
dg_assistant_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DgAssistant *self = DG_ASSISTANT (object);

  if (prop_id >= 1 && prop_id <= LAST_STRING_PROP)
    {
      g_value_set_string (value, self->strings[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:          g_value_set_int64 (value, self->id); break;
    case PROP_HOURLY_RATE: g_value_set_int64 (value, self->hourly_rate); break;
    case PROP_TAX_STATUS:  g_value_set_enum (value, self->tax_status); break;
    case PROP_VAT_RATE:    g_value_set_int (value, self->vat_rate); break;
    case PROP_ACTIVE:      g_value_set_boolean (value, self->active); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_assistant_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DgAssistant *self = DG_ASSISTANT (object);

  if (prop_id >= 1 && prop_id <= LAST_STRING_PROP)
    {
      const char *text = g_value_get_string (value);

      if (g_strcmp0 (self->strings[prop_id], text ? text : "") != 0)
        {
          if (prop_id == PROP_TIME_ZONE)
            g_clear_pointer (&self->zone, g_time_zone_unref);
          g_free (self->strings[prop_id]);
          self->strings[prop_id] = g_strdup (text ? text : "");
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id == g_value_get_int64 (value))
        return;
      self->id = g_value_get_int64 (value);
      break;
    case PROP_HOURLY_RATE:
      if (self->hourly_rate == g_value_get_int64 (value))
        return;
      self->hourly_rate = g_value_get_int64 (value);
      break;
    case PROP_TAX_STATUS:
      if (self->tax_status == (DgTaxStatus) g_value_get_enum (value))
        return;
      self->tax_status = g_value_get_enum (value);
      break;
    case PROP_VAT_RATE:
      if (self->vat_rate == g_value_get_int (value))
        return;
      self->vat_rate = g_value_get_int (value);
      break;
    case PROP_ACTIVE:
      if (self->active == g_value_get_boolean (value))
        return;
      self->active = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
dg_assistant_class_init (DgAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const string_names[] = {
    NULL, "name", "email", "time-zone", "country", "address", "currency",
    "vat-id", "self-billing-date", "notes", "tax-number", "iban", "bic",
    "invoice-language",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == LAST_STRING_PROP + 1);

  object_class->finalize = dg_assistant_finalize;
  object_class->get_property = dg_assistant_get_property;
  object_class->set_property = dg_assistant_set_property;

  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    properties[i] = g_param_spec_string (string_names[i], NULL, NULL,
                                         i == PROP_INVOICE_LANGUAGE ? "en" : "", flags);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HOURLY_RATE] =
    g_param_spec_int64 ("hourly-rate", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_TAX_STATUS] =
    g_param_spec_enum ("tax-status", NULL, NULL, DG_TYPE_TAX_STATUS,
                       DG_TAX_STATUS_OUTSIDE_SCOPE, flags);
  properties[PROP_VAT_RATE] =
    g_param_spec_int ("vat-rate", NULL, NULL, 0, 10000, 0, flags);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_assistant_init (DgAssistant *self)
{
  self->active = TRUE;
  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    self->strings[i] = g_strdup (i == PROP_INVOICE_LANGUAGE ? "en" : "");
}
