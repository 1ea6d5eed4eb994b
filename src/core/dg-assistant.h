/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DG_TAX_STATUS_OUTSIDE_SCOPE,   /* not subject to VAT here (e.g. outside the EU) */
  DG_TAX_STATUS_VAT,             /* charges VAT at vat-rate */
  DG_TAX_STATUS_SMALL_BUSINESS,  /* small-business exemption (§19 UStG) */
  DG_TAX_STATUS_REVERSE_CHARGE,  /* EU abroad: the recipient owes the tax */
} DgTaxStatus;

#define DG_TYPE_TAX_STATUS (dg_tax_status_get_type ())
GType        dg_tax_status_get_type        (void);
/* "vat", "small-business", "reverse-charge", "outside-scope" */
const char  *dg_tax_status_to_string       (DgTaxStatus  status);
gboolean     dg_tax_status_from_string     (const char  *text,
                                            DgTaxStatus *out_status);
/* Translated, for display */
const char  *dg_tax_status_get_label       (DgTaxStatus  status);

#define DG_TYPE_ASSISTANT (dg_assistant_get_type ())
G_DECLARE_FINAL_TYPE (DgAssistant, dg_assistant, DG, ASSISTANT, GObject)

/* A remote assistant. Properties: "id" (int64, 0 until stored), "name",
 * "email", "time-zone", "country", "address", "currency", "hourly-rate"
 * (int64 minor units of currency per hour), "tax-status" (DgTaxStatus),
 * "vat-rate" (int, basis points: 1900 = 19 %), "vat-id",
 * "self-billing-date" (YYYY-MM-DD or ""), "notes", "active" (boolean),
 * "tax-number" (the assistant's tax number from their tax office, or ""),
 * "iban", "bic" (where invoices are paid; without spaces, in capitals),
 * "invoice-language" ("en" or "de": the language of their invoices). */
DgAssistant *dg_assistant_new               (void);
DgAssistant *dg_assistant_copy              (DgAssistant *self);

/* Checks every field: name required; e-mail, zone, country, VAT ID and date
 * checked when filled in; rate not negative; currency known; VAT rate in
 * 0…100 %. The error is a sentence that names the field. */
gboolean     dg_assistant_validate          (DgAssistant *self,
                                             GError     **error);
/* Brings typed values to their stored form: single-line fields stripped,
 * the VAT ID without spaces and in capitals. The store applies it. */
void         dg_assistant_normalize         (DgAssistant *self);
/* Validates one field by property name with a string value as typed. */
gboolean     dg_assistant_validate_field    (const char  *property,
                                             const char  *value,
                                             GError     **error);
/* Parses an hourly rate as typed ("12,50", "€12.50") in @currency; a negative
 * rate is refused. */
gboolean     dg_assistant_parse_hourly_rate (const char  *text,
                                             const char  *currency,
                                             gint64      *out_minor,
                                             GError     **error);
/* Parses a VAT rate in percent as typed ("19", "7,7", "8.1 %") into basis
 * points (1900); 0…100 % with at most two decimals. */
gboolean     dg_assistant_parse_vat_rate    (const char  *text,
                                             int         *out_basis_points,
                                             GError     **error);
/* A VAT rate in basis points as dg_assistant_parse_vat_rate() reads it back:
 * 1900 → "19", 770 → "7.7", 825 → "8.25"; always with "." (callers that show
 * it may put the locale's decimal point in its place). */
char        *dg_assistant_format_vat_rate   (int          basis_points);
/* The assistant's current local time, "14:05" , "14:05" */
char        *dg_assistant_format_local_time (DgAssistant *self,
                                             GDateTime   *now);

gint64       dg_assistant_get_id                (DgAssistant *self);
const char  *dg_assistant_get_name              (DgAssistant *self);
const char  *dg_assistant_get_email             (DgAssistant *self);
const char  *dg_assistant_get_time_zone         (DgAssistant *self);
const char  *dg_assistant_get_country           (DgAssistant *self);
const char  *dg_assistant_get_address           (DgAssistant *self);
const char  *dg_assistant_get_currency          (DgAssistant *self);
gint64       dg_assistant_get_hourly_rate       (DgAssistant *self);
DgTaxStatus  dg_assistant_get_tax_status        (DgAssistant *self);
int          dg_assistant_get_vat_rate          (DgAssistant *self);
const char  *dg_assistant_get_vat_id            (DgAssistant *self);
const char  *dg_assistant_get_self_billing_date (DgAssistant *self);
const char  *dg_assistant_get_notes             (DgAssistant *self);
gboolean     dg_assistant_get_active            (DgAssistant *self);
const char  *dg_assistant_get_tax_number        (DgAssistant *self);
const char  *dg_assistant_get_iban              (DgAssistant *self);
const char  *dg_assistant_get_bic               (DgAssistant *self);
const char  *dg_assistant_get_invoice_language  (DgAssistant *self);

G_END_DECLS
