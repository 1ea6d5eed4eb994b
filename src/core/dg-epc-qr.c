/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-epc-qr"

#include <errno.h>
#include <glib/gi18n.h>
#include <qrencode.h>
#include <string.h>

#include "dg-epc-qr.h"
#include "dg-validation.h"

G_DEFINE_QUARK (dg-epc-qr-error-quark, dg_epc_qr_error)

/* Limits of EPC069-12 version 002. */
#define MAX_NAME_CHARS        70
#define MAX_REMITTANCE_CHARS  140
#define MAX_AMOUNT_CENTS      G_GINT64_CONSTANT (99999999999)
#define MAX_PAYLOAD_BYTES     331
#define QUIET_ZONE_MODULES    4

/* A field that is one line of the payload: valid UTF-8 without a line
 * break or another control character, which would shift every later field
 * to the wrong line in the banking app. */
static gboolean
is_single_line (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_text_field (const char  *text,
                  guint        max_chars,
                  const char  *too_long_message,
                  const char  *bad_message,
                  GError     **error)
{
  if (!is_single_line (text))
    {
      g_set_error_literal (error, DG_EPC_QR_ERROR, DG_EPC_QR_ERROR_INVALID, bad_message);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > (glong) max_chars)
    {
      g_set_error_literal (error, DG_EPC_QR_ERROR, DG_EPC_QR_ERROR_INVALID, too_long_message);
      return FALSE;
    }
  return TRUE;
}

char *
dg_epc_qr_payload (const char  *bic,
                   const char  *name,
                   const char  *iban,
                   gint64       amount_cents,
                   const char  *remittance,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean_iban = NULL;
  g_autofree char *clean_bic = NULL;
  g_autofree char *trimmed_name = NULL;
  GString *payload;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (iban != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (bic == NULL)
    bic = "";
  if (remittance == NULL)
    remittance = "";

  trimmed_name = g_strstrip (g_strdup (name));
  if (*trimmed_name == '\0')
    {
      g_set_error_literal (error, DG_EPC_QR_ERROR, DG_EPC_QR_ERROR_INVALID,
                           _("The payment code needs the payee’s name. Enter the assistant’s name."));
      return NULL;
    }
  if (!check_text_field (trimmed_name, MAX_NAME_CHARS,
                         _("The payee’s name is longer than the 70 characters a payment code can carry. Shorten the assistant’s name."),
                         _("The payee’s name contains a line break or a control character. Remove it from the assistant’s name."),
                         error))
    return NULL;

  if (!dg_validate_iban (iban, &local_error))
    {
      g_set_error_literal (error, DG_EPC_QR_ERROR, DG_EPC_QR_ERROR_INVALID, local_error->message);
      return NULL;
    }
  clean_iban = dg_iban_normalize (iban);

  if (*bic != '\0' && !dg_validate_bic (bic, &local_error))
    {
      g_set_error_literal (error, DG_EPC_QR_ERROR, DG_EPC_QR_ERROR_INVALID, local_error->message);
      return NULL;
    }
  clean_bic = *bic != '\0' ? dg_bic_normalize (bic) : g_strdup ("");

  if (amount_cents < 1 || amount_cents > MAX_AMOUNT_CENTS)
    {
      g_set_error_literal (error, DG_EPC_QR_ERROR, DG_EPC_QR_ERROR_INVALID,
                           _("A payment code carries an amount from 0.01 to 999,999,999.99 euros; this amount is outside that range."));
      return NULL;
    }

  if (!check_text_field (remittance, MAX_REMITTANCE_CHARS,
                         _("The payment reference is longer than the 140 characters a payment code can carry."),
                         _("The payment reference contains a line break or a control character."),
                         error))
    return NULL;

  payload = g_string_new ("BCD\n002\n1\nSCT\n");
  g_string_append_printf (payload, "%s\n%s\n%s\n", clean_bic, trimmed_name, clean_iban);
  g_string_append_printf (payload, "EUR%" G_GINT64_FORMAT ".%02d\n",
                          amount_cents / 100, (int) (amount_cents % 100));
  /* No purpose code and no structured (RF) reference: the invoice number
   * goes in the unstructured remittance, the last line. */
  g_string_append (payload, "\n\n");
  g_string_append (payload, remittance);

  /* With every field at its limit the text can exceed what the standard
   * allows in total; no banking app has to read more. */
  if (payload->len > MAX_PAYLOAD_BYTES)
    {
      g_string_free (payload, TRUE);
      g_set_error_literal (error, DG_EPC_QR_ERROR, DG_EPC_QR_ERROR_INVALID,
                           _("The payment code would be longer than the 331 bytes banking apps read. Shorten the payee’s name or the reference."));
      return NULL;
    }

  return g_string_free (payload, FALSE);
}

gboolean
dg_epc_qr_draw (cairo_t     *cr,
                const char  *payload,
                double       x,
                double       y,
                double       size,
                GError     **error)
{
  QRcode *code;
  double module;
  int width;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (payload != NULL, FALSE);
  g_return_val_if_fail (size > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* 8-bit mode, so the UTF-8 bytes go in unchanged (the payload says
   * character set 1, UTF-8); level M, as EPC069-12 asks. */
  code = QRcode_encodeData ((int) strlen (payload), (const unsigned char *) payload, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      g_set_error (error, DG_EPC_QR_ERROR, DG_EPC_QR_ERROR_ENCODE,
                   _("The payment code could not be drawn: %s."), g_strerror (errno));
      return FALSE;
    }

  width = code->width;
  module = size / (width + 2 * QUIET_ZONE_MODULES);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  /* One path of horizontal runs, filled once: separate squares would leave
   * hairline seams between neighbours when antialiased. */
  cairo_new_path (cr);
  for (int row = 0; row < width; row++)
    {
      int column = 0;

      while (column < width)
        {
          int start;

          if ((code->data[row * width + column] & 1) == 0)
            {
              column++;
              continue;
            }
          start = column;
          while (column < width && (code->data[row * width + column] & 1) != 0)
            column++;
          cairo_rectangle (cr,
                           x + (QUIET_ZONE_MODULES + start) * module,
                           y + (QUIET_ZONE_MODULES + row) * module,
                           (column - start) * module,
                           module);
        }
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  cairo_restore (cr);

  QRcode_free (code);
  return TRUE;
}
