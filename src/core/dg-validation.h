/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DG_VALIDATION_ERROR (dg_validation_error_quark ())

typedef enum
{
  DG_VALIDATION_ERROR_REQUIRED,
  DG_VALIDATION_ERROR_INVALID,
} DgValidationError;

GQuark    dg_validation_error_quark          (void);

/* NULL, empty or only white space */
gboolean  dg_text_is_blank                   (const char *text);

/* Each returns TRUE for a valid value, or FALSE with a translated sentence the
 * user can act on. An empty value is invalid; callers decide what is optional. */
gboolean  dg_validate_email                  (const char *text, GError **error);
/* An IANA zone known to libical's built-in zone database ("Europe/Berlin"). */
gboolean  dg_validate_time_zone              (const char *tzid, GError **error);
/* This computer's zone when libical knows it, else "UTC": the guess for a
 * new assistant. */
char     *dg_time_zone_get_default           (void);
/* The zone a user probably meant: "manila" → "Asia/Manila",
 * "europe/berlin" → "Europe/Berlin"; NULL when nothing matches. */
char     *dg_time_zone_suggest               (const char *text);
/* An ISO 4217 code Delegate knows the minor digits of ("EUR"). */
gboolean  dg_validate_currency               (const char *code, GError **error);
/* ISO 3166-1 alpha-2 in capitals ("DE"); also XK (Kosovo), which the EU and
 * SWIFT use although ISO has not assigned it. */
gboolean  dg_validate_country_code           (const char *code, GError **error);
/* NULL-terminated list of the codes dg_validate_country_code() accepts, sorted. */
const char * const *dg_country_get_codes     (void);
/* ISO 13616 with the mod-97 checksum and the country's length; spaces allowed. */
gboolean  dg_validate_iban                   (const char *text, GError **error);
/* "DE89 3704 0044 0532 0130 00" → "DE89370400440532013000" (uppercase, no spaces). */
char     *dg_iban_normalize                  (const char *text);
/* groups of four for display */
char     *dg_iban_format                     (const char *text);
/* ISO 9362: 8 or 11 characters; spaces and lower case are allowed, as for IBANs. */
gboolean  dg_validate_bic                    (const char *text, GError **error);
/* "deut de ff" → "DEUTDEFF" */
char     *dg_bic_normalize                   (const char *text);
/* Format of a VAT identification number: two-letter country prefix and the
 * country's pattern for EU members (DE + 9 digits, …), lenient elsewhere.
 * Spaces, dots and dashes are allowed ("CHE-123.456.789 MWST"). Greece is EL,
 * Northern Ireland XI; any other prefix must be a country code. */
gboolean  dg_validate_vat_id                 (const char *text, GError **error);
/* "de 123.456.789" → "DE123456789" (upper case, no spaces, dots or dashes) */
char     *dg_vat_id_normalize                (const char *text);
/* ISO 8601 calendar date "YYYY-MM-DD" that exists. */
gboolean  dg_validate_date                   (const char *text, GError **error);
/* An invoice number pattern: must contain exactly one {N…} counter
 * ({NNNN}), may contain {YYYY}, {YY}, {MM}, and text of [A-Za-z0-9-_/.]. */
gboolean  dg_validate_invoice_number_pattern (const char *pattern, GError **error);

G_END_DECLS
