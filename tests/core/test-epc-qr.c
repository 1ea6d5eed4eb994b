/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-epc-qr"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dg-epc-qr.h"
#include "dg-test-utils.h"

/* ---- the payload, byte for byte ------------------------------------------ */

static void
test_payload_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = dg_epc_qr_payload ("COBADEFFXXX", "Maria Santos",
                                                "DE89 3704 0044 0532 0130 00", 123450,
                                                "2026-0001", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (payload, ==,
                   "BCD\n002\n1\nSCT\nCOBADEFFXXX\nMaria Santos\nDE89370400440532013000\n"
                   "EUR1234.50\n\n\n2026-0001");
}

static void
test_payload_normalised (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;

  /* Lower case and spaces in IBAN and BIC, spaces around the name, one
   * cent, UTF-8 in the name: the payload carries it unchanged. */
  payload = dg_epc_qr_payload ("cobade ff", "  Jürgen Müßig-Øster ", "de89370400440532013000", 1,
                               "Gutschrift 2026-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (payload, ==,
                   "BCD\n002\n1\nSCT\nCOBADEFF\nJürgen Müßig-Øster\nDE89370400440532013000\n"
                   "EUR0.01\n\n\nGutschrift 2026-0002");
}

static void
test_payload_without_bic_and_reference (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;

  payload = dg_epc_qr_payload (NULL, "A", "FR1420041010050500013M02606", G_GINT64_CONSTANT (99999999999),
                               NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (payload, ==,
                   "BCD\n002\n1\nSCT\n\nA\nFR1420041010050500013M02606\nEUR999999999.99\n\n\n");

  g_clear_pointer (&payload, g_free);
  payload = dg_epc_qr_payload ("", "A", "DE89370400440532013000", 100, "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (payload, ==, "BCD\n002\n1\nSCT\n\nA\nDE89370400440532013000\nEUR1.00\n\n\n");
}

/* 70 characters are allowed, counted as characters, not bytes. */
static void
test_payload_name_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *payload = NULL;

  for (guint i = 0; i < 70; i++)
    g_string_append (name, "ä");
  payload = dg_epc_qr_payload (NULL, name->str, "DE89370400440532013000", 500, "x", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (payload, name->str));

  g_clear_pointer (&payload, g_free);
  g_string_append_c (name, 'a');
  payload = dg_epc_qr_payload (NULL, name->str, "DE89370400440532013000", 500, "x", &error);
  g_assert_error (error, DG_EPC_QR_ERROR, DG_EPC_QR_ERROR_INVALID);
  g_assert_null (payload);
  g_assert_nonnull (strstr (error->message, "70"));
}

typedef struct
{
  const char *bic;
  const char *name;
  const char *iban;
  gint64      amount;
  const char *remittance;
  const char *message_part;   /* the field the message names */
} InvalidCase;

static void
test_payload_invalid (void)
{
  g_autoptr(GString) long_reference = g_string_new (NULL);
  const InvalidCase cases[] = {
    { NULL, "Maria", "DE89370400440532013000", 0, "r", "amount" },
    { NULL, "Maria", "DE89370400440532013000", -500, "r", "amount" },
    { NULL, "Maria", "DE89370400440532013000", G_GINT64_CONSTANT (100000000000), "r", "amount" },
    { NULL, "Maria", "DE89-3704-0044-0532-0130-00", 500, "r", "IBAN" },
    { NULL, "Maria", "DE89 3704 0044 0532 0130 0!", 500, "r", "IBAN" },
    { NULL, "Maria", "DE88370400440532013000", 500, "r", "IBAN" },
    { NULL, "Maria", "", 500, "r", "IBAN" },
    { "COBA", "Maria", "DE89370400440532013000", 500, "r", "BIC" },
    { NULL, "", "DE89370400440532013000", 500, "r", "name" },
    { NULL, "   ", "DE89370400440532013000", 500, "r", "name" },
    { NULL, "Maria\nSantos", "DE89370400440532013000", 500, "r", "name" },
    { NULL, "Maria\xff", "DE89370400440532013000", 500, "r", "name" },
    { NULL, "Maria", "DE89370400440532013000", 500, "2026\n0001", "reference" },
    { NULL, "Maria", "DE89370400440532013000", 500, NULL, "reference" },
  };

  for (guint i = 0; i < 141; i++)
    g_string_append_c (long_reference, '0' + i % 10);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *payload = NULL;
      const char *remittance = cases[i].remittance != NULL ? cases[i].remittance : long_reference->str;

      g_test_message ("case %u", i);
      payload = dg_epc_qr_payload (cases[i].bic, cases[i].name, cases[i].iban, cases[i].amount,
                                   remittance, &error);
      g_assert_null (payload);
      g_assert_error (error, DG_EPC_QR_ERROR, DG_EPC_QR_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

/* ---- the code drawn, read back with zbarimg -------------------------------- */

static gboolean
have_zbarimg (void)
{
  g_autofree char *path = g_find_program_in_path ("zbarimg");

  if (path == NULL)
    g_test_skip ("zbarimg (zbar-tools) is not installed");
  return path != NULL;
}

/* What zbarimg reads in @png, without the newline it ends its output with. */
static char *
decode (const char *png)
{
  const char *argv[] = { "zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  gsize length;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("zbarimg: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  length = strlen (out);
  g_assert_cmpuint (length, >, 0);
  g_assert_cmpint (out[length - 1], ==, '\n');
  out[length - 1] = '\0';
  return out;
}

static void
draw_png (const char *payload,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 320, 320);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_assert_true (dg_epc_qr_draw (cr, payload, 10, 10, 300, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_draw_decodes (void)
{
  const struct
  {
    const char *bic;
    const char *name;
    const char *iban;
    gint64      amount;
    const char *remittance;
  } cases[] = {
    { "COBADEFFXXX", "Maria Santos", "DE89370400440532013000", 123450, "2026-0001" },
    { NULL, "Jürgen Müßig-Øster · Übersetzungen", "AT611904300234573201", 99, "Gutschrift 2026-0002 für Oktober" },
    { "BNPAFRPP", "Éloïse Lefèvre", "FR1420041010050500013M02606", G_GINT64_CONSTANT (99999999999),
      "2026/11-0003 Größe ≥ 140 Zeichen? Nein: kurz genug, aber mit UTF-8 darin, €, ½ und 漢字" },
  };
  g_autofree char *dir = NULL;

  if (!have_zbarimg ())
    return;
  dir = dg_test_make_tmp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *payload = dg_epc_qr_payload (cases[i].bic, cases[i].name, cases[i].iban,
                                                    cases[i].amount, cases[i].remittance, &error);
      g_autofree char *name = g_strdup_printf ("code-%u.png", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *decoded = NULL;

      g_assert_no_error (error);
      draw_png (payload, path);
      decoded = decode (path);
      g_assert_cmpstr (decoded, ==, payload);
      g_assert_cmpint (memcmp (decoded, payload, strlen (payload) + 1), ==, 0);
    }
  dg_test_remove_tree (dir);
}

/* The square holds the quiet zone: what is drawn stays inside it, and its
 * border (four modules wide) is white. */
static void
test_draw_stays_in_square (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = dg_epc_qr_payload (NULL, "Maria Santos", "DE89370400440532013000",
                                                500, "2026-0001", &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 200);
  cairo_t *cr = cairo_create (surface);
  guchar *data;
  int stride;
  guint dark_inside = 0;

  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_paint (cr);
  g_assert_true (dg_epc_qr_draw (cr, payload, 50, 50, 100, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 200; y++)
    {
      for (int x = 0; x < 200; x++)
        {
          guint32 pixel = *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
          gboolean inside = x >= 50 && x < 150 && y >= 50 && y < 150;
          gboolean border = inside && (x < 53 || x >= 147 || y < 53 || y >= 147);

          if (!inside)
            g_assert_cmphex (pixel, ==, 0x808080);
          else if (border)
            g_assert_cmphex (pixel, ==, 0xffffff);
          else if (pixel == 0)
            dark_inside++;
        }
    }
  g_assert_cmpuint (dark_inside, >, 1000);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/epc-qr/payload/full", test_payload_full);
  g_test_add_func ("/epc-qr/payload/normalised", test_payload_normalised);
  g_test_add_func ("/epc-qr/payload/without-bic-and-reference", test_payload_without_bic_and_reference);
  g_test_add_func ("/epc-qr/payload/name-length", test_payload_name_length);
  g_test_add_func ("/epc-qr/payload/invalid", test_payload_invalid);
  g_test_add_func ("/epc-qr/draw/decodes", test_draw_decodes);
  g_test_add_func ("/epc-qr/draw/stays-in-square", test_draw_stays_in_square);

  return g_test_run ();
}
