/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-database.h"

G_BEGIN_DECLS

#define DG_TYPE_BUSINESS_PROFILE (dg_business_profile_get_type ())
G_DECLARE_FINAL_TYPE (DgBusinessProfile, dg_business_profile, DG, BUSINESS_PROFILE, GObject)

/* The owner's business: one per database. Properties (all strings unless
 * noted): "name", "address", "tax-number", "vat-id", "iban", "bic", "email",
 * "currency", "invoice-number-pattern", "payment-terms-days" (int),
 * "week-start" (int: a GDateWeekday, G_DATE_MONDAY by default — the first
 * day of a timesheet week), "auto-approve-days" (int 0…90: a week still
 * pending this many days after it ends is approved automatically; 0, the
 * default, turns it off), "cancellation-number-pattern" (the numbers of
 * cancellation invoices, a series of their own: "ST-{YYYY}-{NNNN}" by
 * default; must differ from the invoice pattern). */
DgBusinessProfile *dg_business_profile_new      (void);
DgBusinessProfile *dg_business_profile_load     (DgDatabase        *db,
                                                 GError           **error);
/* Validates, then stores. Nothing is stored when a field is invalid. */
gboolean           dg_business_profile_save     (DgBusinessProfile *self,
                                                 DgDatabase        *db,
                                                 GError           **error);
/* Checks every field that is filled in; the error names the field. */
gboolean           dg_business_profile_validate (DgBusinessProfile *self,
                                                 GError           **error);
/* The form a valid value is stored in: stripped; IBAN, BIC and VAT ID
 * without spaces and in capitals. Save applies it to every field. */
char              *dg_business_profile_normalize_field (const char *property,
                                                        const char *value);
/* Validates one field by property name with the value given. */
gboolean           dg_business_profile_validate_field (const char  *property,
                                                       const char  *value,
                                                       GError     **error);

const char *dg_business_profile_get_name                   (DgBusinessProfile *self);
const char *dg_business_profile_get_address                (DgBusinessProfile *self);
const char *dg_business_profile_get_tax_number             (DgBusinessProfile *self);
const char *dg_business_profile_get_vat_id                 (DgBusinessProfile *self);
const char *dg_business_profile_get_iban                   (DgBusinessProfile *self);
const char *dg_business_profile_get_bic                    (DgBusinessProfile *self);
const char *dg_business_profile_get_email                  (DgBusinessProfile *self);
const char *dg_business_profile_get_currency               (DgBusinessProfile *self);
const char *dg_business_profile_get_invoice_number_pattern (DgBusinessProfile *self);
int         dg_business_profile_get_payment_terms_days     (DgBusinessProfile *self);
GDateWeekday dg_business_profile_get_week_start            (DgBusinessProfile *self);
int         dg_business_profile_get_auto_approve_days      (DgBusinessProfile *self);
const char *dg_business_profile_get_cancellation_number_pattern (DgBusinessProfile *self);

G_END_DECLS
