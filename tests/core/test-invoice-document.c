/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-invoice-document"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "dg-epc-qr.h"
#include "dg-invoice-document.h"
#include "dg-invoice-private.h"
#include "dg-invoice-text.h"
#include "dg-test-utils.h"

/* The printed invoice is checked by what poppler reads back from the PDF
 * (pdftotext, pdfinfo, pdffonts, pdftoppm) and what zbarimg reads from its
 * QR code, not by comparing pictures. */

/* ---- building invoices --------------------------------------------------- */

static DgInvoiceLine *
make_line (guint              position,
           DgInvoiceLineKind  kind,
           const char        *description,
           const char        *service_date,
           gint64             minutes_or_quantity,
           gint64             unit_price,
           int                tax_rate)
{
  g_autoptr(GError) error = NULL;
  DgInvoiceLine *line = g_new0 (DgInvoiceLine, 1);

  line->position = position;
  line->kind = kind;
  line->description = g_strdup (description);
  line->service_date = g_strdup (service_date);
  line->recurrence_id = g_strdup ("");
  line->unit_price = unit_price;
  line->tax_rate = tax_rate;
  if (kind == DG_INVOICE_LINE_HOURS)
    {
      line->minutes = minutes_or_quantity;
      line->quantity = 1;
      g_assert_true (dg_money_amount_for_minutes (line->minutes, unit_price, &line->amount, &error));
      g_assert_no_error (error);
    }
  else
    {
      line->quantity = minutes_or_quantity;
      line->amount = line->quantity * unit_price;
    }
  return line;
}

static GPtrArray *
new_lines (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) dg_invoice_line_free);
}

static DgInvoiceParties *
make_parties (DgTaxStatus status)
{
  DgInvoiceParties *parties = g_new0 (DgInvoiceParties, 1);

  parties->business_name = g_strdup ("Kranich Werbeagentur GmbH");
  parties->business_address = g_strdup ("Lindenallee 17\n50668 Köln");
  parties->business_tax_number = g_strdup ("217/5734/0815");
  parties->business_vat_id = g_strdup ("DE811907980");
  parties->business_email = g_strdup ("buero@kranich.example");
  parties->assistant_name = g_strdup ("Ana Ferreira");
  parties->assistant_address = g_strdup ("Rua das Flores 12\n1200-195 Lisboa");
  parties->assistant_country = g_strdup ("PT");
  parties->assistant_email = g_strdup ("ana@ferreira.example");
  parties->assistant_tax_number = g_strdup ("PT-NIF 245 123 987");
  parties->assistant_vat_id = g_strdup ("PT507172230");
  parties->assistant_iban = g_strdup ("PT50000201231234567890154");
  parties->assistant_bic = g_strdup ("CGDIPTPL");
  parties->self_billing_date = g_strdup ("2026-01-15");
  parties->tax_status = status;
  parties->vat_rate = status == DG_TAX_STATUS_VAT ? 1900 : 0;
  return parties;
}

static DgInvoiceFields
issued_fields (const char *language,
               const char *currency)
{
  return (DgInvoiceFields) {
    .id = 7,
    .kind = DG_INVOICE_KIND_INVOICE,
    .state = DG_INVOICE_STATE_ISSUED,
    .number = "2026-0042",
    .assistant_id = 3,
    .assistant_name = "Ana Ferreira",
    .period_start = "2026-11-02",
    .period_end = "2026-11-29",
    .grouping = DG_INVOICE_GROUPING_BY_TASK,
    .currency = currency,
    .language = language,
    .paper = DG_PAPER_A4,
    .issue_date = "2026-11-30",
    .due_date = "2026-12-14",
  };
}

static DgInvoice *
make_invoice (const DgInvoiceFields *fields,
              GPtrArray             *lines,
              DgInvoiceParties      *parties)
{
  g_autoptr(GError) error = NULL;
  DgInvoice *invoice = _dg_invoice_new (fields, lines, parties, &error);

  g_assert_no_error (error);
  g_assert_nonnull (invoice);
  return invoice;
}

/* Three lines of every kind at the status's rate. */
static DgInvoice *
make_small_invoice (DgTaxStatus  status,
                    const char  *language)
{
  DgInvoiceFields fields = issued_fields (language, "EUR");
  GPtrArray *lines = new_lines ();
  int rate = status == DG_TAX_STATUS_VAT ? 1900 : 0;

  g_ptr_array_add (lines, make_line (1, DG_INVOICE_LINE_HOURS, "Bookkeeping for the online shop",
                                     "", 90, 4500, rate));
  g_ptr_array_add (lines, make_line (2, DG_INVOICE_LINE_FIXED_FEE, "Monthly newsletter",
                                     "2026-11-16", 1, 25000, rate));
  g_ptr_array_add (lines, make_line (3, DG_INVOICE_LINE_EXTRA, "Stock photos",
                                     "2026-11-20", 3, 1299, rate));
  return make_invoice (&fields, lines, make_parties (status));
}

/* ---- running poppler and zbar -------------------------------------------- */

static gboolean
have_programs (const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_find_program_in_path (names[i]);

      if (path == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s is not installed", names[i]);

          g_test_skip (message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
have_poppler (void)
{
  const char *names[] = { "pdftotext", "pdfinfo", "pdffonts", "pdftoppm", NULL };

  return have_programs (names);
}

/* Runs @argv; its output, or NULL and the exit status in @out_status when
 * that is not 0 (zbarimg exits with 4 when it finds no code). */
static char *
run_status (const char * const *argv,
            int                *out_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (out_status != NULL)
    *out_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  else if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s failed: %s", argv[0], err);
  return out;
}

static char *
run (const char * const *argv)
{
  return run_status (argv, NULL);
}

typedef struct
{
  char *dir;
  char *path;
} Pdf;

static void
pdf_clear (Pdf *pdf)
{
  if (pdf->dir != NULL)
    dg_test_remove_tree (pdf->dir);
  g_clear_pointer (&pdf->dir, g_free);
  g_clear_pointer (&pdf->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

static void
write_pdf (DgInvoiceDocument *document,
           Pdf               *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = dg_invoice_document_render_pdf (document, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  pdf->dir = dg_test_make_tmp_dir ();
  pdf->path = g_build_filename (pdf->dir, "invoice.pdf", NULL);
  g_assert_true (g_file_set_contents (pdf->path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

/* The text in the order it was drawn (-raw), so that a wrapped value
 * follows its label. */
static char *
pdf_text (const Pdf *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-raw", pdf->path, "-", NULL };

  return run (argv);
}

/* The text of each page, from one pdftotext run: it ends every page with
 * a form feed. */
static GStrv
pdf_pages (const Pdf *pdf)
{
  g_autofree char *text = pdf_text (pdf);
  g_auto(GStrv) parts = g_strsplit (text, "\f", -1);
  g_autoptr(GStrvBuilder) pages = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL && parts[i + 1] != NULL; i++)
    g_strv_builder_add (pages, parts[i]);
  return g_strv_builder_end (pages);
}

/* One line of pdfinfo: "Pages:          3" → "3". */
static char *
pdf_info (const Pdf  *pdf,
          const char *key)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", pdf->path, NULL };
  g_autofree char *info = run (argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
    }
  return NULL;
}

/* Fails unless every one of @needles occurs in @text; says which is missing. */
static void
assert_contains_all (const char         *text,
                     const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    {
      if (strstr (text, needles[i]) == NULL)
        g_test_message ("“%s” missing in:\n%s", needles[i], text);
      g_assert_nonnull (strstr (text, needles[i]));
    }
}

static void
assert_contains_none (const char         *text,
                      const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    {
      if (strstr (text, needles[i]) != NULL)
        g_test_message ("“%s” should not be in:\n%s", needles[i], text);
      g_assert_null (strstr (text, needles[i]));
    }
}

/* pdftotext breaks text where the layout does; compare with single spaces. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* ---- the document's words and formats ------------------------------------ */

static void
test_text_formats (void)
{
  const DgInvoiceLanguage de = DG_INVOICE_LANGUAGE_DE;
  const DgInvoiceLanguage en = DG_INVOICE_LANGUAGE_EN;
  const struct
  {
    char       *got;
    const char *expected;
  } cases[] = {
    { dg_invoice_text_format_money (de, 123456, "EUR"), "1.234,56 €" },
    { dg_invoice_text_format_money (en, 123456, "EUR"), "€1,234.56" },
    { dg_invoice_text_format_money (de, -5, "EUR"), "-0,05 €" },
    { dg_invoice_text_format_money (en, -5, "EUR"), "-€0.05" },
    { dg_invoice_text_format_money (de, 1234567, "JPY"), "1.234.567 ¥" },
    { dg_invoice_text_format_money (en, 1234567, "KWD"), "KWD 1,234.567" },
    { dg_invoice_text_format_date (de, "2026-11-28"), "28.11.2026" },
    { dg_invoice_text_format_date (en, "2026-11-28"), "28 November 2026" },
    { dg_invoice_text_format_date (en, "2026-02-03"), "3 February 2026" },
    { dg_invoice_text_format_short_date (en, "2026-02-03"), "3 Feb 2026" },
    { dg_invoice_text_format_short_date (de, "2026-02-03"), "03.02.2026" },
    { dg_invoice_text_format_date (de, ""), "" },
    { dg_invoice_text_format_period (de, "2026-11-01", "2026-11-30"), "01.11.2026 – 30.11.2026" },
    { dg_invoice_text_format_period (en, "2026-11-05", "2026-11-05"), "5 November 2026" },
    { dg_invoice_text_format_hours (de, 90), "1:30 Std." },
    { dg_invoice_text_format_hours (en, 5), "0:05 h" },
    { dg_invoice_text_format_hours (en, -605), "-10:05 h" },
    { dg_invoice_text_format_units (de, 1250), "1.250" },
    { dg_invoice_text_format_units (en, -1250000), "-1,250,000" },
    { dg_invoice_text_format_rate (de, 1900), "19 %" },
    { dg_invoice_text_format_rate (en, 1900), "19%" },
    { dg_invoice_text_format_rate (de, 750), "7,5 %" },
    { dg_invoice_text_format_rate (en, 1234), "12.34%" },
    { dg_invoice_text_format_rate (en, 5), "0.05%" },
    { dg_invoice_text_format_hourly_price (de, 4500, "EUR"), "45,00 €/Std." },
    { dg_invoice_text_format_hourly_price (en, 4500, "EUR"), "€45.00/h" },
    { dg_invoice_text_format_tax_at_rate (de, 700), "USt. 7 %" },
    { dg_invoice_text_format_net_at_rate (en, 700), "Net amount at 7%" },
    { dg_invoice_text_format_page (de, 2, 3), "Seite 2 von 3" },
    { dg_invoice_text_format_page (en, 2, 3), "Page 2 of 3" },
    { dg_invoice_text_format_cancellation_title (de, "2026-0001"), "Stornorechnung zur Gutschrift Nr. 2026-0001" },
    { dg_invoice_text_format_payment (en, "€5.00", "1 December 2026", "DE89 3704", "", "2026-0001"),
      "We will transfer €5.00 by 1 December 2026 to your account IBAN DE89 3704, reference: 2026-0001." },
    { dg_invoice_text_format_payment (de, "5,00 €", "01.12.2026", "", "", ""),
      "Den Betrag von 5,00 € überweisen wir bis zum 01.12.2026." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (cases[i].got, ==, cases[i].expected);
      g_free (cases[i].got);
    }

  g_assert_cmpint (dg_invoice_language_from_code ("de"), ==, de);
  g_assert_cmpint (dg_invoice_language_from_code ("de_AT"), ==, de);
  g_assert_cmpint (dg_invoice_language_from_code ("en"), ==, en);
  g_assert_cmpint (dg_invoice_language_from_code ("dev"), ==, en);
  g_assert_cmpint (dg_invoice_language_from_code (NULL), ==, en);
  g_assert_cmpstr (dg_invoice_text_get_country_name (de, "pt"), ==, "Portugal");
  g_assert_cmpstr (dg_invoice_text_get_country_name (en, "AT"), ==, "Austria");
  g_assert_cmpstr (dg_invoice_text_get_country_name (de, "AT"), ==, "Österreich");
  g_assert_null (dg_invoice_text_get_country_name (en, "ZZ"));
  /* Both languages have every text. */
  for (guint id = 0; id < DG_INVOICE_TEXT_N_TEXTS; id++)
    {
      g_assert_nonnull (dg_invoice_text_get (de, id));
      g_assert_nonnull (dg_invoice_text_get (en, id));
    }
}

/* ---- every mandatory element, for each tax status and language ----------- */

typedef struct
{
  DgTaxStatus  status;
  const char  *language;
} MandatoryCase;

static void
test_mandatory (gconstpointer data)
{
  const MandatoryCase *test = data;
  gboolean de = g_str_equal (test->language, "de");
  DgInvoiceLanguage language = de ? DG_INVOICE_LANGUAGE_DE : DG_INVOICE_LANGUAGE_EN;
  g_autoptr(DgInvoice) invoice = make_small_invoice (test->status, test->language);
  g_autoptr(DgInvoiceDocument) document = dg_invoice_document_new (invoice);
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *net = NULL;
  g_autofree char *tax = NULL;
  g_autofree char *total = NULL;
  g_autofree char *title = NULL;
  gint64 expected_net = 6750 + 25000 + 3 * 1299;
  gboolean vat = test->status == DG_TAX_STATUS_VAT;
  const char * const always[] = {
    "Kranich Werbeagentur GmbH", "Lindenallee 17", "50668 Köln",          /* the business */
    "Ana Ferreira", "Rua das Flores 12", "1200-195 Lisboa", "PORTUGAL",   /* the assistant */
    "217/5734/0815", "DE811907980",                                      /* their tax numbers */
    "PT-NIF 245 123 987",
    "2026-0042",                                                          /* the number */
    "Gutschrift",
    "Bookkeeping for the online shop", "Monthly newsletter", "Stock photos",
    NULL
  };
  const char * const german[] = {
    "30.11.2026",                         /* issue date */
    "02.11.–29.11.2026",                  /* service period */
    "14.12.2026",                         /* due date */
    "15.01.2026",                         /* self-billing agreement */
    "Gutschriftsverfahren vereinbart am",
    "1:30 Std.", "45,00 €/Std.", "67,50 €", "250,00 €", "12,99 €", "38,97 €",
    "Seite 1 von 1", "Gutschrift 2026-0042",
    NULL
  };
  const char * const english[] = {
    "Self-billing invoice (Gutschrift)",
    "30 November 2026",
    "2–29 November 2026",
    "14 December 2026",
    "15 January 2026",
    "Self-billing agreed on",
    "1:30 h", "€45.00/h", "€67.50", "€250.00", "€12.99", "€38.97",
    "Page 1 of 1", "Self-billing invoice 2026-0042",
    NULL
  };

  if (!have_poppler ())
    return;

  write_pdf (document, &pdf);
  raw = pdf_text (&pdf);
  text = squeeze (raw);

  assert_contains_all (text, always);
  assert_contains_all (text, de ? german : english);

  net = dg_invoice_text_format_money (language, expected_net, "EUR");
  tax = dg_invoice_text_format_money (language, vat ? (expected_net * 19 + 50) / 100 : 0, "EUR");
  total = dg_invoice_text_format_money (language, vat ? expected_net + (expected_net * 19 + 50) / 100 : expected_net, "EUR");
  g_assert_cmpint (dg_invoice_get_total (invoice).minor, ==, vat ? 42420 : 35647);
  {
    const char * const amounts[] = { net, total, NULL };

    assert_contains_all (text, amounts);
  }

  switch (test->status)
    {
    case DG_TAX_STATUS_VAT:
      {
        const char * const de_vat[] = { "Nettobetrag 19 %", "USt. 19 %", tax, NULL };
        const char * const en_vat[] = { "Net amount at 19%", "VAT 19%", tax, NULL };
        const char * const notes[] = { "§ 19 UStG", "Reverse charge", "Nicht im Inland", "Not subject", NULL };

        assert_contains_all (text, de ? de_vat : en_vat);
        assert_contains_none (text, notes);
      }
      break;

    case DG_TAX_STATUS_SMALL_BUSINESS:
      {
        const char * const de_note[] = { "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.", NULL };
        const char * const en_note[] = { "No VAT is charged under the small-business exemption (§ 19 UStG).", NULL };
        const char * const no_tax[] = { "USt. 19", "VAT 19", "Reverse charge", NULL };

        assert_contains_all (text, de ? de_note : en_note);
        assert_contains_none (text, no_tax);
      }
      break;

    case DG_TAX_STATUS_REVERSE_CHARGE:
      {
        const char * const de_note[] = {
          "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge",
          "USt-IdNr. des Leistenden: PT507172230",
          "USt-IdNr. des Leistungsempfängers: DE811907980",
          NULL
        };
        const char * const en_note[] = {
          "Steuerschuldnerschaft des Leistungsempfängers / Reverse charge",
          "VAT ID of the supplier: PT507172230",
          "VAT ID of the recipient: DE811907980",
          NULL
        };
        const char * const no_tax[] = { "USt. 19", "VAT 19", "§ 19 UStG", NULL };

        assert_contains_all (text, de ? de_note : en_note);
        assert_contains_none (text, no_tax);
      }
      break;

    case DG_TAX_STATUS_OUTSIDE_SCOPE:
      {
        const char * const de_note[] = { "Nicht im Inland steuerbare Leistung", NULL };
        const char * const en_note[] = { "Not subject to German VAT (service outside its scope)", NULL };
        const char * const no_tax[] = { "USt. 19", "VAT 19", "§ 19 UStG", "Reverse charge", NULL };

        assert_contains_all (text, de ? de_note : en_note);
        assert_contains_none (text, no_tax);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  /* The PDF's own title and author. */
  title = pdf_info (&pdf, "Title");
  g_assert_cmpstr (title, ==, de ? "Gutschrift 2026-0042" : "Self-billing invoice 2026-0042");
  {
    g_autofree char *author = pdf_info (&pdf, "Author");

    g_assert_cmpstr (author, ==, "Kranich Werbeagentur GmbH");
  }
}

/* ---- a long invoice ------------------------------------------------------ */

static const char *words[] = {
  "Prepare", "the", "weekly", "report", "for", "marketing", "and", "sort", "incoming", "mail",
  "update", "product", "listings", "answer", "customer", "questions", "about", "delivery",
};

/* A description of @n_words words, starting with "Item N:" and ending with
 * "(end N)" so that a row torn across pages would show. */
static char *
long_description (guint position,
                  guint n_words)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "Item%u:", position);
  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (out, " %s", words[(position + i) % G_N_ELEMENTS (words)]);
  g_string_append_printf (out, " (end%u)", position);
  return g_string_free (out, FALSE);
}

static DgInvoice *
make_long_invoice (guint        n_lines,
                   const char  *language,
                   DgPaper      paper)
{
  DgInvoiceFields fields = issued_fields (language, "EUR");
  GPtrArray *lines = new_lines ();

  fields.paper = paper;
  for (guint i = 1; i <= n_lines; i++)
    {
      g_autofree char *description = long_description (i, i % 7 == 0 ? 40 : 3);
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", 2 + i % 28);

      g_ptr_array_add (lines, make_line (i, i % 5 == 0 ? DG_INVOICE_LINE_FIXED_FEE : DG_INVOICE_LINE_HOURS,
                                         description, date, i % 5 == 0 ? 2 : 15 + i, 4000 + i, 1900));
    }
  return make_invoice (&fields, lines, make_parties (DG_TAX_STATUS_VAT));
}

static void
test_many_pages (void)
{
  g_autoptr(DgInvoice) invoice = make_long_invoice (300, "en", DG_PAPER_A4);
  g_autoptr(DgInvoiceDocument) document = dg_invoice_document_new (invoice);
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *pages_text = NULL;
  g_autofree guint *seen_on = g_new0 (guint, 301);
  g_auto(GStrv) pages = NULL;
  guint n_pages = dg_invoice_document_get_n_pages (document);

  if (!have_poppler ())
    return;

  g_assert_cmpuint (n_pages, >, 5);
  write_pdf (document, &pdf);
  pages_text = pdf_info (&pdf, "Pages");
  g_assert_cmpuint (g_ascii_strtoull (pages_text, NULL, 10), ==, n_pages);
  pages = pdf_pages (&pdf);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);

  for (guint page = 1; page <= n_pages && pages[page - 1] != NULL; page++)
    {
      g_autofree char *text = squeeze (pages[page - 1]);
      g_autofree char *page_of = g_strdup_printf ("Page %u of %u", page, n_pages);
      const char * const furniture[] = {
        "Pos.", "Date", "Description", "Quantity", "Unit price", "Amount",
        page_of, "Self-billing invoice 2026-0042", NULL
      };
      guint rows = 0;

      assert_contains_all (text, furniture);

      /* Each row is whole on one page: its first and last word together. */
      for (guint i = 1; i <= 300; i++)
        {
          g_autofree char *start = g_strdup_printf ("Item%u:", i);
          g_autofree char *end = g_strdup_printf ("(end%u)", i);
          gboolean has_start = strstr (text, start) != NULL;
          gboolean has_end = strstr (text, end) != NULL;

          g_assert_cmpint (has_start, ==, has_end);
          if (has_start)
            {
              g_assert_cmpuint (seen_on[i], ==, 0);
              seen_on[i] = page;
              rows++;
            }
        }
      /* Every page carries lines, the last one too (with the totals). */
      g_assert_cmpuint (rows, >, 0);
      if (page == n_pages)
        {
          g_autofree char *total = dg_invoice_text_format_money (DG_INVOICE_LANGUAGE_EN,
                                                                 dg_invoice_get_total (invoice).minor, "EUR");
          const char * const last[] = { "Total", total, NULL };

          assert_contains_all (text, last);
        }
    }

  /* All 300 lines, in order. */
  for (guint i = 1; i <= 300; i++)
    {
      g_assert_cmpuint (seen_on[i], >, 0);
      if (i > 1)
        g_assert_cmpuint (seen_on[i], >=, seen_on[i - 1]);
    }
}

/* A first row too tall for what the letterhead leaves of the first page,
 * but not for a continuation page, starts the table on the second page,
 * whole and under the table's header, instead of running off the first. */
static void
test_tall_first_row (void)
{
  DgInvoiceFields fields = issued_fields ("en", "EUR");
  GPtrArray *lines = new_lines ();
  g_autofree char *tall = long_description (1, 330);
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(DgInvoiceDocument) document = NULL;
  g_auto(Pdf) pdf = { 0 };
  g_auto(GStrv) pages = NULL;

  if (!have_poppler ())
    return;

  g_ptr_array_add (lines, make_line (1, DG_INVOICE_LINE_HOURS, tall, "2026-11-02", 90, 4500, 1900));
  g_ptr_array_add (lines, make_line (2, DG_INVOICE_LINE_EXTRA, "Stock photos", "2026-11-20", 3, 1299, 1900));
  invoice = make_invoice (&fields, lines, make_parties (DG_TAX_STATUS_VAT));
  document = dg_invoice_document_new (invoice);
  g_assert_cmpuint (dg_invoice_document_get_n_pages (document), ==, 2);
  write_pdf (document, &pdf);
  pages = pdf_pages (&pdf);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);

  {
    g_autofree char *first = squeeze (pages[0]);
    g_autofree char *second = squeeze (pages[1]);
    const char * const not_on_first[] = { "Item1:", "(end1)", "Pos.", "Stock photos", NULL };
    const char * const on_first[] = { "Self-billing invoice (Gutschrift)", "Page 1 of 2", NULL };
    const char * const on_second[] = { "Pos.", "Description", "Item1:", "(end1)", "Stock photos", "Total",
                                       "Page 2 of 2", NULL };

    assert_contains_none (first, not_on_first);
    assert_contains_all (first, on_first);
    assert_contains_all (second, on_second);
  }
}

/* A row taller than any page (a description of thousands of words) would
 * run off its page and be cut short in a PDF that is frozen once issued:
 * the PDF is refused, naming the line, and issuing with it. */
static void
test_row_taller_than_page (void)
{
  DgInvoiceFields fields = issued_fields ("en", "EUR");
  GPtrArray *lines = new_lines ();
  g_autofree char *huge = long_description (2, 4000);
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(DgInvoiceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_ptr_array_add (lines, make_line (1, DG_INVOICE_LINE_EXTRA, "Stock photos", "2026-11-20", 3, 1299, 1900));
  g_ptr_array_add (lines, make_line (2, DG_INVOICE_LINE_HOURS, huge, "2026-11-02", 90, 4500, 1900));
  g_ptr_array_add (lines, make_line (3, DG_INVOICE_LINE_EXTRA, "Travel", "2026-11-21", 1, 5000, 1900));
  invoice = make_invoice (&fields, lines, make_parties (DG_TAX_STATUS_VAT));
  document = dg_invoice_document_new (invoice);

  bytes = dg_invoice_document_render_pdf (document, &error);
  g_assert_null (bytes);
  g_assert_error (error, DG_INVOICE_DOCUMENT_ERROR, DG_INVOICE_DOCUMENT_ERROR_TOO_LONG);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Line 2 (“Item2: "));
  g_assert_nonnull (strstr (error->message, "…”) is too long to fit on a page."));
  g_assert_null (strstr (error->message, "(end2)"));

  /* The pages can still be drawn, for a draft's preview. */
  g_assert_cmpuint (dg_invoice_document_get_n_pages (document), >=, 2);
}

/* The service period fits the info block's value column on one line:
 * "2 November 2026 – 29 November 2026" used to wrap after the dash. */
static void
test_service_period (void)
{
  const struct
  {
    const char *language;
    const char *start;
    const char *end;
    const char *expected;
  } cases[] = {
    { "en", "2026-11-02", "2026-11-29", "2–29 November 2026" },
    { "de", "2026-11-02", "2026-11-29", "02.11.–29.11.2026" },
    { "en", "2026-11-02", "2026-12-03", "2 Nov – 3 Dec 2026" },
    { "de", "2026-11-02", "2026-12-03", "02.11.–03.12.2026" },
    { "en", "2026-12-28", "2027-01-03", "28 Dec 2026 – 3 Jan 2027" },
    { "de", "2026-12-28", "2027-01-03", "28.12.2026 – 03.01.2027" },
    { "en", "2026-09-30", "2026-09-30", "30 September 2026" },
    { "de", "2026-09-30", "2026-09-30", "30.09.2026" },
  };

  if (!have_poppler ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DgInvoiceFields fields = issued_fields (cases[i].language, "EUR");
      GPtrArray *lines = new_lines ();
      g_autoptr(DgInvoice) invoice = NULL;
      g_autoptr(DgInvoiceDocument) document = NULL;
      g_auto(Pdf) pdf = { 0 };
      g_autofree char *raw = NULL;
      g_auto(GStrv) text_lines = NULL;
      gboolean found = FALSE;

      fields.period_start = cases[i].start;
      fields.period_end = cases[i].end;
      g_ptr_array_add (lines, make_line (1, DG_INVOICE_LINE_EXTRA, "Stock photos", "", 3, 1299, 1900));
      invoice = make_invoice (&fields, lines, make_parties (DG_TAX_STATUS_VAT));
      document = dg_invoice_document_new (invoice);
      write_pdf (document, &pdf);
      raw = pdf_text (&pdf);

      /* On one line of the text, after its label. */
      text_lines = g_strsplit (raw, "\n", -1);
      for (guint j = 0; text_lines[j] != NULL && !found; j++)
        found = strstr (text_lines[j], cases[i].expected) != NULL &&
                strstr (text_lines[j], g_str_equal (cases[i].language, "de") ? "Leistungszeitraum"
                                                                               : "Service period") != NULL;
      if (!found)
        g_test_message ("“%s” not on one line in:\n%s", cases[i].expected, raw);
      g_assert_true (found);
    }
}

/* ---- the QR code --------------------------------------------------------- */

/* What zbarimg reads on the last page rendered at 200 dpi, or NULL when it
 * finds no code. */
static char *
decode_last_page (const Pdf *pdf,
                  guint      n_pages)
{
  g_autofree char *page = g_strdup_printf ("%u", n_pages);
  g_autofree char *prefix = g_build_filename (pdf->dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *render[] = { "pdftoppm", "-r", "200", "-png", "-singlefile",
                           "-f", page, "-l", page, pdf->path, prefix, NULL };
  const char *zbar[] = { "zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png, NULL };
  g_autofree char *ignored = run (render);
  char *out = NULL;
  int status = 0;
  gsize length;

  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  out = run_status (zbar, &status);
  if (status == 4)   /* no code found */
    {
      g_free (out);
      return NULL;
    }
  g_assert_cmpint (status, ==, 0);
  length = strlen (out);
  g_assert_cmpuint (length, >, 0);
  g_assert_cmpint (out[length - 1], ==, '\n');
  out[length - 1] = '\0';
  return out;
}

static void
test_qr_code (void)
{
  const char *needed[] = { "pdftoppm", "zbarimg", NULL };
  g_autoptr(DgInvoice) invoice = make_small_invoice (DG_TAX_STATUS_VAT, "de");
  g_autoptr(DgInvoiceDocument) document = dg_invoice_document_new (invoice);
  g_autoptr(GError) error = NULL;
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *decoded = NULL;

  if (!have_programs (needed))
    return;

  expected = dg_epc_qr_payload ("CGDIPTPL", "Ana Ferreira", "PT50000201231234567890154",
                                42420, "2026-0042", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (expected, ==,
                   "BCD\n002\n1\nSCT\nCGDIPTPL\nAna Ferreira\nPT50000201231234567890154\n"
                   "EUR424.20\n\n\n2026-0042");

  write_pdf (document, &pdf);
  decoded = decode_last_page (&pdf, dg_invoice_document_get_n_pages (document));
  g_assert_cmpstr (decoded, ==, expected);
}

/* Also on the last page of a long invoice, with a name in UTF-8. */
static void
test_qr_code_long_utf8 (void)
{
  const char *needed[] = { "pdftoppm", "zbarimg", NULL };
  DgInvoiceFields fields = issued_fields ("en", "EUR");
  GPtrArray *lines = new_lines ();
  DgInvoiceParties *parties = make_parties (DG_TAX_STATUS_SMALL_BUSINESS);
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(DgInvoiceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *decoded = NULL;

  if (!have_programs (needed))
    return;

  g_free (parties->assistant_name);
  parties->assistant_name = g_strdup ("Zoë Šimić-Müller");
  g_free (parties->assistant_bic);
  parties->assistant_bic = g_strdup ("");
  for (guint i = 1; i <= 60; i++)
    g_ptr_array_add (lines, make_line (i, DG_INVOICE_LINE_HOURS, "Inbox", "2026-11-10", 45, 3000, 0));
  invoice = make_invoice (&fields, lines, parties);
  document = dg_invoice_document_new (invoice);
  g_assert_cmpuint (dg_invoice_document_get_n_pages (document), >, 1);

  expected = dg_epc_qr_payload ("", "Zoë Šimić-Müller", "PT50000201231234567890154",
                                dg_invoice_get_total (invoice).minor, "2026-0042", &error);
  g_assert_no_error (error);

  write_pdf (document, &pdf);
  decoded = decode_last_page (&pdf, dg_invoice_document_get_n_pages (document));
  g_assert_cmpstr (decoded, ==, expected);
}

/* No code where nobody can pay with it: another currency, a draft, no IBAN. */
static void
test_qr_code_absent (void)
{
  const char *needed[] = { "pdftoppm", "zbarimg", NULL };

  if (!have_programs (needed))
    return;

  for (guint i = 0; i < 3; i++)
    {
      DgInvoiceFields fields = issued_fields ("en", i == 0 ? "JPY" : "EUR");
      GPtrArray *lines = new_lines ();
      DgInvoiceParties *parties = make_parties (DG_TAX_STATUS_VAT);
      g_autoptr(DgInvoice) invoice = NULL;
      g_autoptr(DgInvoiceDocument) document = NULL;
      g_auto(Pdf) pdf = { 0 };
      g_autofree char *decoded = NULL;

      if (i == 1)
        {
          fields.state = DG_INVOICE_STATE_DRAFT;
          fields.number = "";
        }
      if (i == 2)
        {
          g_free (parties->assistant_iban);
          parties->assistant_iban = g_strdup ("");
        }
      g_ptr_array_add (lines, make_line (1, DG_INVOICE_LINE_HOURS, "Inbox", "", 600, 3000, 1900));
      invoice = make_invoice (&fields, lines, parties);
      document = dg_invoice_document_new (invoice);
      write_pdf (document, &pdf);
      decoded = decode_last_page (&pdf, dg_invoice_document_get_n_pages (document));
      g_assert_null (decoded);
    }
}

/* A supplier outside the EU has no VAT ID: the reverse-charge note names
 * only the recipient's, with no empty "VAT ID of the supplier:" line. */
static void
test_reverse_charge_without_vat_id (void)
{
  DgInvoiceFields fields = issued_fields ("en", "EUR");
  GPtrArray *lines = new_lines ();
  DgInvoiceParties *parties = make_parties (DG_TAX_STATUS_REVERSE_CHARGE);
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(DgInvoiceDocument) document = NULL;
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;

  g_free (parties->assistant_vat_id);
  parties->assistant_vat_id = g_strdup ("");
  g_free (parties->assistant_country);
  parties->assistant_country = g_strdup ("PH");
  g_ptr_array_add (lines, make_line (1, DG_INVOICE_LINE_HOURS, "Inbox", "", 600, 3000, 0));
  invoice = make_invoice (&fields, lines, parties);
  document = dg_invoice_document_new (invoice);
  write_pdf (document, &pdf);
  text = pdf_text (&pdf);
  g_assert_nonnull (strstr (text, "Reverse charge"));
  g_assert_nonnull (strstr (text, "DE811907980"));
  g_assert_null (strstr (text, "VAT ID of the supplier"));
}

/* ---- fonts, paper, metadata, drafts, cancellations ------------------------ */

static void
test_fonts_embedded (void)
{
  g_autoptr(DgInvoice) invoice = make_small_invoice (DG_TAX_STATUS_REVERSE_CHARGE, "de");
  g_autoptr(DgInvoiceDocument) document = dg_invoice_document_new (invoice);
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;

  if (!have_poppler ())
    return;

  write_pdf (document, &pdf);
  {
    const char *argv[] = { "pdffonts", pdf.path, NULL };

    fonts = run (argv);
  }
  /* name type encoding emb sub uni object ID: after the two header lines,
   * every font must say "yes" under "emb". */
  lines = g_strsplit (fonts, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "name"));
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit_set (lines[i], " ", -1);
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) words_of_line = NULL;

        for (guint j = 0; fields[j] != NULL; j++)
          {
            if (*fields[j] != '\0')
              g_strv_builder_add (builder, fields[j]);
          }
        words_of_line = g_strv_builder_end (builder);
        n = g_strv_length (words_of_line);
        g_assert_cmpuint (n, >=, 7);
        /* Counted from the end: emb sub uni and the two parts of the object ID. */
        g_assert_cmpstr (words_of_line[n - 5], ==, "yes");
      }
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, 2);   /* regular and bold */
}

static void
test_paper (void)
{
  if (!have_poppler ())
    return;

  for (guint i = 0; i < 2; i++)
    {
      DgPaper paper = i == 0 ? DG_PAPER_A4 : DG_PAPER_LETTER;
      g_autoptr(DgInvoice) invoice = make_long_invoice (40, "en", paper);
      g_autoptr(DgInvoiceDocument) document = dg_invoice_document_new (invoice);
      g_auto(Pdf) pdf = { 0 };
      g_autofree char *size = NULL;
      double width, height;

      dg_invoice_document_get_page_size (document, &width, &height);
      write_pdf (document, &pdf);
      size = pdf_info (&pdf, "Page size");
      if (paper == DG_PAPER_A4)
        {
          g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
          g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
          g_assert_cmpstr (size, ==, "595.276 x 841.89 pts (A4)");
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
          g_assert_cmpfloat_with_epsilon (height, 792, 0.01);
          g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");
        }
      /* Every page, not only the first. */
      {
        g_autofree char *last = g_strdup_printf ("%u", dg_invoice_document_get_n_pages (document));
        const char *argv[] = { "pdfinfo", "-f", "1", "-l", last, pdf.path, NULL };
        g_autofree char *info = run (argv);
        g_autofree char *squeezed = squeeze (info);

        g_assert_cmpuint (dg_invoice_document_get_n_pages (document), >, 1);
        for (guint page = 1; page <= dg_invoice_document_get_n_pages (document); page++)
          {
            g_autofree char *expected = g_strdup_printf ("Page %u size: %s", page, size);

            g_assert_nonnull (strstr (squeezed, expected));
          }
      }
    }
}

static void
test_draft (void)
{
  for (guint i = 0; i < 2; i++)
    {
      const char *language = i == 0 ? "de" : "en";
      DgInvoiceFields fields = issued_fields (language, "EUR");
      GPtrArray *lines = new_lines ();
      g_autoptr(DgInvoice) invoice = NULL;
      g_autoptr(DgInvoiceDocument) document = NULL;
      g_auto(Pdf) pdf = { 0 };
      g_auto(GStrv) pages = NULL;
      guint n_pages;

      if (!have_poppler ())
        return;

      fields.state = DG_INVOICE_STATE_DRAFT;
      fields.number = "";
      fields.issue_date = "";
      fields.due_date = "";
      for (guint j = 1; j <= 50; j++)
        g_ptr_array_add (lines, make_line (j, DG_INVOICE_LINE_HOURS, "Inbox", "2026-11-03", 60, 3000, 1900));
      invoice = make_invoice (&fields, lines, make_parties (DG_TAX_STATUS_VAT));
      document = dg_invoice_document_new (invoice);
      n_pages = dg_invoice_document_get_n_pages (document);
      g_assert_cmpuint (n_pages, >, 1);
      write_pdf (document, &pdf);
      pages = pdf_pages (&pdf);
      g_assert_cmpuint (g_strv_length (pages), ==, n_pages);

      for (guint page = 1; page <= n_pages && pages[page - 1] != NULL; page++)
        {
          const char *raw = pages[page - 1];
          g_autofree char *text = squeeze (raw);
          g_autoptr(GString) letters = g_string_new (NULL);
          const char * const de_draft[] = { "Gutschrift (Entwurf)", NULL };
          const char * const en_draft[] = { "Self-billing invoice (Draft)", NULL };

          assert_contains_all (text, i == 0 ? de_draft : en_draft);
          /* The watermark runs diagonally: pdftotext gives one letter a line. */
          for (const char *p = raw; *p != '\0'; p++)
            if (!g_ascii_isspace (*p))
              g_string_append_c (letters, *p);
          g_assert_nonnull (strstr (letters->str, i == 0 ? "ENTWURF" : "DRAFT"));
        }
      {
        g_autofree char *text = squeeze (pages[0]);
        const char * const de_number[] = { "Gutschrift-Nr. Entwurf", NULL };
        const char * const en_number[] = { "Invoice no. Draft", NULL };

        assert_contains_all (text, i == 0 ? de_number : en_number);
      }
      {
        /* Neither a due date nor a number yet: the payment sentence
         * leaves them out instead of printing blanks. */
        g_autofree char *text = squeeze (pages[n_pages - 1]);
        const char * const de_payment[] = { "Den Betrag von 1.785,00 € überweisen wir auf Ihr Konto IBAN PT50", NULL };
        const char * const en_payment[] = { "We will transfer €1,785.00 to your account IBAN PT50", NULL };
        const char * const blanks[] = { "bis zum .", "by .", "Verwendungszweck", "reference", NULL };

        assert_contains_all (text, i == 0 ? de_payment : en_payment);
        assert_contains_none (text, blanks);
      }
    }
}

static void
test_cancellation (void)
{
  DgInvoiceFields fields = issued_fields ("de", "EUR");
  GPtrArray *lines = new_lines ();
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(DgInvoiceDocument) document = NULL;
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char * const expected[] = {
    "Stornorechnung zur Gutschrift Nr. 2026-0042",
    "Grund: Stunden doppelt erfasst",
    "Storno-Nr. S-2026-0001",
    "-1:30 Std.", "-67,50 €", "-250,00 €",
    "Nettobetrag 19 %", "-317,50 €", "USt. 19 %", "-60,33 €", "Gesamtbetrag", "-377,83 €",
    "Stornorechnung S-2026-0001",
    NULL
  };

  if (!have_poppler ())
    return;

  fields.kind = DG_INVOICE_KIND_CANCELLATION;
  fields.number = "S-2026-0001";
  fields.cancels_id = 7;
  fields.cancels_number = "2026-0042";
  /* As the store issues a cancellation: the reason on the cancellation
   * itself, not only on the original it cancels. */
  fields.cancel_reason = "Stunden doppelt erfasst";
  fields.due_date = "";
  g_ptr_array_add (lines, make_line (1, DG_INVOICE_LINE_HOURS, "Bookkeeping", "", -90, 4500, 1900));
  g_ptr_array_add (lines, make_line (2, DG_INVOICE_LINE_FIXED_FEE, "Newsletter", "2026-11-16", -1, 25000, 1900));
  invoice = make_invoice (&fields, lines, make_parties (DG_TAX_STATUS_VAT));
  document = dg_invoice_document_new (invoice);
  write_pdf (document, &pdf);

  raw = pdf_text (&pdf);
  text = squeeze (raw);
  assert_contains_all (text, expected);
  {
    g_autofree char *title = pdf_info (&pdf, "Title");

    g_assert_cmpstr (title, ==, "Stornorechnung S-2026-0001");
  }
}

/* A draft without lines yet (the owner is still adding them) prints its
 * table header and a zero total, and nothing to pay. */
static void
test_empty_draft (void)
{
  DgInvoiceFields fields = issued_fields ("en", "EUR");
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(DgInvoiceDocument) document = NULL;
  g_auto(Pdf) pdf = { 0 };
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char * const expected[] = { "Description", "Amount", "Total €0.00", "Page 1 of 1", NULL };
  const char * const absent[] = { "We will transfer", "IBAN", NULL };

  if (!have_poppler ())
    return;

  fields.state = DG_INVOICE_STATE_DRAFT;
  fields.number = "";
  invoice = make_invoice (&fields, new_lines (), make_parties (DG_TAX_STATUS_SMALL_BUSINESS));
  document = dg_invoice_document_new (invoice);
  g_assert_cmpuint (dg_invoice_document_get_n_pages (document), ==, 1);
  write_pdf (document, &pdf);
  raw = pdf_text (&pdf);
  text = squeeze (raw);
  assert_contains_all (text, expected);
  assert_contains_none (text, absent);
}

/* The same invoice makes the same file: what is stored at issuing is what
 * a later print would give. */
static void
test_reproducible (void)
{
  g_autoptr(DgInvoice) invoice = make_long_invoice (30, "de", DG_PAPER_A4);
  g_autoptr(DgInvoiceDocument) first = dg_invoice_document_new (invoice);
  g_autoptr(DgInvoiceDocument) second = dg_invoice_document_new (invoice);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = dg_invoice_document_render_pdf (first, &error);
  g_autoptr(GBytes) b = NULL;

  g_assert_no_error (error);
  b = dg_invoice_document_render_pdf (second, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_true (g_str_has_prefix (g_bytes_get_data (a, NULL), "%PDF-"));
}

/* draw_page on any surface (the print dialog's) draws the same items. */
static void
test_draw_on_image (void)
{
  g_autoptr(DgInvoice) invoice = make_small_invoice (DG_TAX_STATUS_VAT, "en");
  g_autoptr(DgInvoiceDocument) document = dg_invoice_document_new (invoice);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (surface);
  guchar *data;
  int stride;
  guint dark = 0;

  g_assert_true (dg_invoice_document_get_invoice (document) == invoice);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  dg_invoice_document_draw_page (document, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 421; y++)
    for (int x = 0; x < 298; x++)
      if ((*(guint32 *) (data + y * stride + x * 4) & 0xff) < 0x80)
        dark++;
  g_assert_cmpuint (dark, >, 1000);
  cairo_surface_destroy (surface);
}

/* ---- the printed figures add up ------------------------------------------ */

/* An amount as printed ("-1.234,56 €", "€1,234.56", "KWD 1,234.567",
 * "1.234 ¥"): every currency prints all its minor digits, so its digits
 * are the minor units. */
static gint64
parse_printed_amount (const char *text)
{
  gint64 value = 0;
  gboolean negative = strchr (text, '-') != NULL;
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          value = value * 10 + (*p - '0');
          digits++;
        }
    }
  g_assert_cmpuint (digits, >, 0);
  return negative ? -value : value;
}

/* "19%", "7,5 %", "12.34%" → basis points */
static int
parse_printed_rate (const char *text)
{
  int whole = 0, fraction = 0, fraction_digits = 0;
  gboolean in_fraction = FALSE;

  for (const char *p = text; *p != '\0' && *p != '%'; p++)
    {
      if (*p == '.' || *p == ',')
        in_fraction = TRUE;
      else if (g_ascii_isdigit (*p) && in_fraction)
        {
          fraction = fraction * 10 + (*p - '0');
          fraction_digits++;
        }
      else if (g_ascii_isdigit (*p))
        whole = whole * 10 + (*p - '0');
    }
  if (fraction_digits == 1)
    fraction *= 10;
  return whole * 100 + fraction;
}

static gboolean
has_digit (const char *word)
{
  return strpbrk (word, "0123456789") != NULL;
}

/* A currency written in letters before the number ("KWD 1.500", "-KWD 2.000"). */
static gboolean
is_code_word (const char *word)
{
  if (*word == '-')
    word++;
  if (*word == '\0')
    return FALSE;
  for (const char *p = word; *p != '\0'; p++)
    {
      if (!g_ascii_isupper (*p))
        return FALSE;
    }
  return TRUE;
}

/* Splits @line into what comes before the amount at its end and the
 * amount: "€67.50", "67,50 €", "KWD 67.500", "67,500 KWD". NULL when the
 * line does not end in a number. pdftotext keeps or drops the space in
 * "19 %" depending on the gap, so words are not counted blindly. */
static char *
take_amount (const char  *line,
             char       **out_rest)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  g_auto(GStrv) words_of_line = g_regex_split_simple ("\\s+", stripped, 0, 0);
  guint n = g_strv_length (words_of_line);
  guint first;
  g_autofree char *rest = NULL;

  if (*stripped == '\0' || n == 0)
    return NULL;
  if (!has_digit (words_of_line[n - 1]))
    {
      if (n < 2 || !has_digit (words_of_line[n - 2]))
        return NULL;
      first = n - 2;
    }
  else if (n >= 2 && is_code_word (words_of_line[n - 2]))
    first = n - 2;
  else
    first = n - 1;

  if (out_rest != NULL)
    {
      g_autofree char *saved = words_of_line[first];

      words_of_line[first] = NULL;
      *out_rest = g_strjoinv (" ", words_of_line);
      words_of_line[first] = g_steal_pointer (&saved);
    }
  return g_strjoinv (" ", words_of_line + first);
}

/* The rate at the end of @text ("… 19%", "… 7,5 %"), or NULL. */
static char *
take_rate (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_auto(GStrv) words_of_line = g_regex_split_simple ("\\s+", stripped, 0, 0);
  guint n = g_strv_length (words_of_line);

  if (n >= 2 && g_str_equal (words_of_line[n - 1], "%"))
    return g_strconcat (words_of_line[n - 2], "%", NULL);
  if (n >= 1 && g_str_has_suffix (words_of_line[n - 1], "%"))
    return g_strdup (words_of_line[n - 1]);
  return NULL;
}

static gint64
round_half_away (gint64 numerator,
                 gint64 denominator)
{
  gint64 magnitude = (ABS (numerator) * 2 + denominator) / (2 * denominator);

  return numerator < 0 ? -magnitude : magnitude;
}

/* Reads the table, the nets, taxes and total back from the PDF's text
 * (pdftotext -layout) and checks that they add up. The columns may be a
 * single space apart, so a row is read from its end: the amount, and
 * before it, when the lines have several rates, the rate. */
static void
check_printed_figures (DgInvoice  *invoice,
                       const char *text)
{
  DgInvoiceLanguage language = dg_invoice_language_from_code (dg_invoice_get_language (invoice));
  gboolean de = language == DG_INVOICE_LANGUAGE_DE;
  GPtrArray *invoice_lines = dg_invoice_get_lines (invoice);
  GPtrArray *groups = dg_invoice_get_tax_groups (invoice);
  gboolean rate_column = groups->len > 1;
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GHashTable) row_sums = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GHashTable) printed_net = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GHashTable) printed_tax = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GRegex) row_start = g_regex_new ("^\\s*(\\d+)\\s", 0, 0, NULL);
  const char *net_prefix = de ? "Nettobetrag" : "Net amount";
  const char *tax_prefix = de ? "USt. " : "VAT ";
  const char *total_label = de ? "Gesamtbetrag" : "Total";
  guint next_position = 1;
  gboolean in_table = FALSE;
  gboolean have_total = FALSE;
  gint64 printed_total = 0;
  gint64 sum_net = 0, sum_tax = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *label = NULL;
      g_autofree char *amount = NULL;

      if (g_str_has_prefix (line, "Pos. "))
        {
          in_table = TRUE;
          continue;
        }
      if (in_table && g_regex_match (row_start, lines[i], 0, &match))
        {
          g_autofree char *position = g_match_info_fetch (match, 1);

          if (g_ascii_strtoull (position, NULL, 10) == next_position)
            {
              const DgInvoiceLine *invoice_line = invoice_lines->pdata[next_position - 1];
              g_autofree char *before = NULL;
              g_autofree char *rate_text = NULL;
              gint64 *sum;
              int rate = invoice_line->tax_rate;

              amount = take_amount (line, &before);
              g_assert_nonnull (amount);
              if (amount == NULL)
                return;
              if (rate_column)
                {
                  rate_text = take_rate (before);
                  g_assert_nonnull (rate_text);
                  if (rate_text == NULL)
                    return;
                  rate = parse_printed_rate (rate_text);
                }
              if (rate != invoice_line->tax_rate || parse_printed_amount (amount) != invoice_line->amount)
                g_test_message ("row %u misread: “%s”", next_position, line);
              g_assert_cmpint (rate, ==, invoice_line->tax_rate);
              g_assert_cmpint (parse_printed_amount (amount), ==, invoice_line->amount);

              sum = g_hash_table_lookup (row_sums, GINT_TO_POINTER (rate));
              if (sum == NULL)
                {
                  sum = g_new0 (gint64, 1);
                  g_hash_table_insert (row_sums, GINT_TO_POINTER (rate), sum);
                }
              *sum += parse_printed_amount (amount);
              next_position++;
              continue;
            }
        }

      amount = take_amount (line, &label);
      if (amount == NULL)
        continue;
      if (g_str_has_prefix (label, net_prefix) &&
          (g_str_equal (label, net_prefix) || g_str_has_suffix (label, "%")))
        {
          int rate = g_str_equal (label, net_prefix) ? 0 : parse_printed_rate (label + strlen (net_prefix));
          gint64 *value = g_new (gint64, 1);

          *value = parse_printed_amount (amount);
          g_assert_false (g_hash_table_contains (printed_net, GINT_TO_POINTER (rate)));
          g_hash_table_insert (printed_net, GINT_TO_POINTER (rate), value);
          in_table = FALSE;
        }
      else if (g_str_has_prefix (label, tax_prefix) && g_str_has_suffix (label, "%"))
        {
          gint64 *value = g_new (gint64, 1);

          *value = parse_printed_amount (amount);
          g_hash_table_insert (printed_tax, GINT_TO_POINTER (parse_printed_rate (label + strlen (tax_prefix))), value);
        }
      else if (g_str_equal (label, total_label))
        {
          g_assert_false (have_total);
          printed_total = parse_printed_amount (amount);
          have_total = TRUE;
        }
    }

  /* Every line was found, in order. */
  g_assert_cmpuint (next_position, ==, invoice_lines->len + 1);
  g_assert_true (have_total);
  g_assert_cmpuint (g_hash_table_size (printed_net), ==, groups->len);
  g_assert_cmpuint (g_hash_table_size (printed_tax), ==, groups->len);

  for (guint i = 0; i < groups->len; i++)
    {
      const DgInvoiceTaxGroup *group = groups->pdata[i];
      gpointer key = GINT_TO_POINTER (group->tax_rate);
      gint64 *rows = g_hash_table_lookup (row_sums, key);
      gint64 *net = g_hash_table_lookup (printed_net, key);
      gint64 *tax = g_hash_table_lookup (printed_tax, key);

      g_assert_nonnull (rows);
      g_assert_nonnull (net);
      g_assert_nonnull (tax);
      if (rows == NULL || net == NULL || tax == NULL)
        return;
      /* The rows add up to the printed net, the printed tax is that net's. */
      g_assert_cmpint (*rows, ==, *net);
      g_assert_cmpint (*tax, ==, round_half_away (*net * group->tax_rate, 10000));
      g_assert_cmpint (*net, ==, group->net);
      g_assert_cmpint (*tax, ==, group->tax);
      sum_net += *net;
      sum_tax += *tax;
    }
  g_assert_cmpint (printed_total, ==, sum_net + sum_tax);
  g_assert_cmpint (printed_total, ==, dg_invoice_get_total (invoice).minor);
}

/* Fifty invoices, read back by pdftotext processes that run side by side:
 * one after the other they would take most of the test's time. */
static void
test_randomised_figures (void)
{
  static const char * const currencies[] = { "EUR", "JPY", "KWD" };
  static const int rates[] = { 0, 700, 1900, 2100, 750 };
  const guint n_invoices = 50;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  g_autoptr(GPtrArray) invoices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *dir = NULL;

  if (!have_poppler ())
    return;
  dir = dg_test_make_tmp_dir ();

  for (guint n = 0; n < n_invoices; n++)
    {
      const char *currency = currencies[g_rand_int_range (rand, 0, G_N_ELEMENTS (currencies))];
      const char *language = g_rand_boolean (rand) ? "de" : "en";
      DgInvoiceFields fields = issued_fields (language, currency);
      GPtrArray *lines = new_lines ();
      guint n_lines = g_rand_int_range (rand, 1, n % 10 == 0 ? 60 : 14);
      guint n_rates = g_rand_int_range (rand, 1, 4);
      g_autoptr(DgInvoiceDocument) document = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("invoice-%u", n);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, name);
      g_autofree char *txt = g_strdup_printf ("%s/%s.txt", dir, name);
      DgInvoice *invoice;
      GSubprocess *process;

      for (guint i = 1; i <= n_lines; i++)
        {
          int rate = rates[g_rand_int_range (rand, 0, (int) n_rates + 1) % G_N_ELEMENTS (rates)];
          int kind = g_rand_int_range (rand, 0, 3);
          gint64 price = g_rand_int_range (rand, 1, 2000000);
          g_autofree char *date = g_strdup_printf ("2026-11-%02d", g_rand_int_range (rand, 1, 31));

          if (kind == DG_INVOICE_LINE_EXTRA && g_rand_boolean (rand))
            price = -price / 10 - 1;   /* a discount */
          g_ptr_array_add (lines, make_line (i, kind, kind == DG_INVOICE_LINE_EXTRA ? "Extra expenses" : "Work done",
                                             date,
                                             kind == DG_INVOICE_LINE_HOURS ? g_rand_int_range (rand, 1, 6000)
                                                                           : g_rand_int_range (rand, 1, 40),
                                             price, rate));
        }
      invoice = make_invoice (&fields, lines, make_parties (DG_TAX_STATUS_VAT));
      g_ptr_array_add (invoices, invoice);
      document = dg_invoice_document_new (invoice);
      bytes = dg_invoice_document_render_pdf (document, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (pdf, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
      g_assert_no_error (error);

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                                  "pdftotext", "-enc", "UTF-8", "-layout", pdf, txt, NULL);
      g_assert_no_error (error);
      g_ptr_array_add (processes, process);
    }

  for (guint n = 0; n < n_invoices; n++)
    {
      DgInvoice *invoice = invoices->pdata[n];
      g_autoptr(GError) error = NULL;
      g_autofree char *txt = g_strdup_printf ("%s/invoice-%u.txt", dir, n);
      g_autofree char *text = NULL;

      g_assert_true (g_subprocess_wait_check (processes->pdata[n], NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (txt, &text, NULL, &error));
      g_assert_no_error (error);
      g_test_message ("invoice %u: %s, %s, %u lines", n, dg_invoice_get_currency (invoice),
                      dg_invoice_get_language (invoice), dg_invoice_get_lines (invoice)->len);
      check_printed_figures (invoice, text);
    }
  dg_test_remove_tree (dir);
}

/* ---- two documents for a person to look at -------------------------------- */

static void
test_write_samples (void)
{
  const char *dir = g_getenv ("DG_TEST_OUTPUT_DIR");
  g_autoptr(DgInvoice) german = make_long_invoice (24, "de", DG_PAPER_A4);
  g_autoptr(DgInvoice) english = make_small_invoice (DG_TAX_STATUS_REVERSE_CHARGE, "en");
  g_autoptr(DgInvoiceDocument) german_document = dg_invoice_document_new (german);
  g_autoptr(DgInvoiceDocument) english_document = dg_invoice_document_new (english);

  g_assert_cmpuint (dg_invoice_document_get_n_pages (german_document), ==, 2);
  g_assert_cmpuint (dg_invoice_document_get_n_pages (english_document), ==, 1);

  if (dir == NULL)
    {
      g_test_skip ("DG_TEST_OUTPUT_DIR is not set");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      DgInvoiceDocument *document = i == 0 ? german_document : english_document;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = dg_invoice_document_render_pdf (document, &error);
      g_autofree char *path = g_build_filename (dir, i == 0 ? "invoice-de-two-pages.pdf"
                                                            : "invoice-en-one-page.pdf", NULL);

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), &error));
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    DgTaxStatus  status;
    const char  *name;
  } statuses[] = {
    { DG_TAX_STATUS_VAT, "vat" },
    { DG_TAX_STATUS_SMALL_BUSINESS, "small-business" },
    { DG_TAX_STATUS_REVERSE_CHARGE, "reverse-charge" },
    { DG_TAX_STATUS_OUTSIDE_SCOPE, "outside-scope" },
  };
  static MandatoryCase cases[G_N_ELEMENTS (statuses) * 2];

  dg_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      for (guint j = 0; j < 2; j++)
        {
          MandatoryCase *test = &cases[i * 2 + j];
          g_autofree char *path = NULL;

          test->status = statuses[i].status;
          test->language = j == 0 ? "de" : "en";
          path = g_strdup_printf ("/invoice-document/mandatory/%s/%s", statuses[i].name, test->language);
          g_test_add_data_func (path, test, test_mandatory);
        }
    }
  g_test_add_func ("/invoice-document/text-formats", test_text_formats);
  g_test_add_func ("/invoice-document/many-pages", test_many_pages);
  g_test_add_func ("/invoice-document/tall-first-row", test_tall_first_row);
  g_test_add_func ("/invoice-document/row-taller-than-page", test_row_taller_than_page);
  g_test_add_func ("/invoice-document/service-period", test_service_period);
  g_test_add_func ("/invoice-document/qr-code", test_qr_code);
  g_test_add_func ("/invoice-document/qr-code-long-utf8", test_qr_code_long_utf8);
  g_test_add_func ("/invoice-document/qr-code-absent", test_qr_code_absent);
  g_test_add_func ("/invoice-document/reverse-charge-without-vat-id", test_reverse_charge_without_vat_id);
  g_test_add_func ("/invoice-document/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/invoice-document/paper", test_paper);
  g_test_add_func ("/invoice-document/draft", test_draft);
  g_test_add_func ("/invoice-document/cancellation", test_cancellation);
  g_test_add_func ("/invoice-document/empty-draft", test_empty_draft);
  g_test_add_func ("/invoice-document/reproducible", test_reproducible);
  g_test_add_func ("/invoice-document/draw-on-image", test_draw_on_image);
  g_test_add_func ("/invoice-document/randomised-figures", test_randomised_figures);
  g_test_add_func ("/invoice-document/write-samples", test_write_samples);

  return g_test_run ();
}
