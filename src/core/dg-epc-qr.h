/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The EPC payment QR code ("GiroCode", EPC069-12 version 002) that banking
 * apps read to fill in a SEPA credit transfer. */

#define DG_EPC_QR_ERROR (dg_epc_qr_error_quark ())

typedef enum
{
  DG_EPC_QR_ERROR_INVALID,   /* a field the code cannot carry (names the field) */
  DG_EPC_QR_ERROR_ENCODE,    /* libqrencode failed */
} DgEpcQrError;

GQuark   dg_epc_qr_error_quark (void);

/* The payload, lines joined by "\n" with no "\n" after the last:
 *   BCD / 002 / 1 (UTF-8) / SCT / BIC (may be empty) / name (≤ 70 chars) /
 *   IBAN / "EUR" + amount with "." and two decimals ("EUR1234.50") /
 *   purpose (empty) / structured reference (empty) / @remittance (≤ 140)
 * @amount_cents must be 1 … 99999999999 (0.01 … 999,999,999.99 EUR). IBAN
 * and BIC are written without spaces, in capitals. */
char    *dg_epc_qr_payload     (const char  *bic,
                                const char  *name,
                                const char  *iban,
                                gint64       amount_cents,
                                const char  *remittance,
                                GError     **error);
/* Draws the QR code of @payload (error correction level M, as EPC069-12
 * asks) in black on white as a square of @size user units at (@x, @y),
 * with the quiet zone of four modules inside that square. */
gboolean dg_epc_qr_draw        (cairo_t     *cr,
                                const char  *payload,
                                double       x,
                                double       y,
                                double       size,
                                GError     **error);

G_END_DECLS
