/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-handbook-export"

#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dg-handbook-export.h"
#include "dg-test-utils.h"

static DgHandbook *
new_handbook (const char *title,
              const char *purpose)
{
  DgHandbook *handbook = dg_handbook_new (title);

  g_object_set (handbook, "purpose", purpose, NULL);
  return handbook;
}

static void
add_step (DgHandbook *handbook,
          const char *title,
          const char *details,
          gboolean    checklist,
          int         minutes)
{
  g_autoptr(DgHandbookStep) step = dg_handbook_step_new (title, details, checklist, minutes);
  GListModel *steps = dg_handbook_get_steps (handbook);

  dg_handbook_insert_step (handbook, g_list_model_get_n_items (steps), step);
}

/* The client handbook every test starts from: version 2, three steps, the
 * second one a checklist item. */
static DgHandbook *
new_client_handbook (void)
{
  DgHandbook *handbook = new_handbook ("Welcome a new client",
                                       "Every new client should feel expected from the first day.");
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, 28, 12, 0, 0);
  const char *tags[] = { "clients", "onboarding", NULL };
  const char *links[] = { "https://crm.example.com", "Ask Anna when the CRM is down", NULL };

  g_object_set (handbook,
                "version", 2,
                "published", TRUE,
                "date", date,
                "tags", tags,
                "links", links,
                NULL);
  add_step (handbook, "Create the client in the CRM",
            "Open the CRM and choose New client.\nFill in name, e-mail and phone.\n\nSave.",
            FALSE, 15);
  add_step (handbook, "Send the welcome e-mail", "Use the template \"Welcome\".", TRUE, 5);
  add_step (handbook, "Book the kick-off call", "", FALSE, 70);
  return handbook;
}

static void
test_markdown (void)
{
  g_autoptr(DgHandbook) handbook = new_client_handbook ();
  g_autofree char *markdown = dg_handbook_to_markdown (handbook);

  g_assert_cmpstr (markdown, ==,
                   "# Welcome a new client\n"
                   "\n"
                   "Every new client should feel expected from the first day.\n"
                   "\n"
                   "Version 2 · 2026-11-28\n"
                   "Tags: clients, onboarding\n"
                   "Estimated time: 1 h 30 min\n"
                   "\n"
                   "## Steps\n"
                   "\n"
                   "1. **Create the client in the CRM** (15 min)\n"
                   "   Open the CRM and choose New client.\n"
                   "   Fill in name, e-mail and phone.\n"
                   "\n"
                   "   Save.\n"
                   "\n"
                   "2. [ ] **Send the welcome e-mail** (5 min)\n"
                   "   Use the template \"Welcome\".\n"
                   "\n"
                   "3. **Book the kick-off call** (1 h 10 min)\n"
                   "\n"
                   "## Links\n"
                   "\n"
                   "- <https://crm.example.com>\n"
                   "- Ask Anna when the CRM is down\n");
}

/* User text is shown as typed where the e-mail renders Markdown: nothing in
 * it becomes a heading, a list, emphasis, a link or HTML. */
static void
test_markdown_escaped (void)
{
  g_autoptr(DgHandbook) handbook = new_handbook ("# *Not* a [link](x) <b>",
                                                 "- not a list\n"
                                                 "1. not numbered\n"
                                                 "> not a quote\n"
                                                 "\n"
                                                 "+ plus & ampersand &amp; `code` _under_ a|b ~strike~\n"
                                                 "===");
  const char *tags[] = { "#tag", "a_b", NULL };
  const char *links[] = {
    "https://example.com/a_b?x=1&y=2",
    "[not](a link) - see *this*",
    "- dash note",
    "mailto:anna@example.com",
    "https://example.com/<x>",
    "www.example.com",
    NULL
  };
  g_autofree char *markdown = NULL;

  g_object_set (handbook, "tags", tags, "links", links, NULL);
  add_step (handbook, "**bold** <i>",
            "# heading\n"
            "  - item\n"
            "2) second\n"
            "    four spaces\n"
            "\n"
            "    indented paragraph start\n"
            "back\\slash",
            TRUE, 0);

  markdown = dg_handbook_to_markdown (handbook);
  g_assert_cmpstr (markdown, ==,
                   "# \\# \\*Not\\* a \\[link\\](x) \\<b\\>\n"
                   "\n"
                   "\\- not a list\n"
                   "1\\. not numbered\n"
                   "\\> not a quote\n"
                   "\n"
                   "\\+ plus & ampersand \\&amp; \\`code\\` \\_under\\_ a\\|b \\~strike\\~\n"
                   "\\===\n"
                   "\n"
                   "Draft\n"
                   "Tags: \\#tag, a\\_b\n"
                   "\n"
                   "## Steps\n"
                   "\n"
                   "1. [ ] **\\*\\*bold\\*\\* \\<i\\>**\n"
                   "   \\# heading\n"
                   "     \\- item\n"
                   "   2\\) second\n"
                   "       four spaces\n"
                   "\n"
                   "   indented paragraph start\n"
                   "   back\\\\slash\n"
                   "\n"
                   "## Links\n"
                   "\n"
                   "- <https://example.com/a_b?x=1&y=2>\n"
                   "- \\[not\\](a link) - see \\*this\\*\n"
                   "- \\- dash note\n"
                   "- <mailto:anna@example.com>\n"
                   "- https://example.com/\\<x\\>\n"
                   "- www.example.com\n");
}

/* Escaping leaves ordinary text alone: letters, digits, punctuation that
 * means nothing in Markdown, umlauts and emoji. */
static void
test_markdown_plain_text (void)
{
  g_autoptr(DgHandbook) handbook = new_handbook ("Rechnung 2026, Müller & Söhne 🧾",
                                                 "Zahlen: 1, 2, 3. Fertig! 😀\n"
                                                 "3.5 Stunden (ca.) reichen; e-mail an Jörg.");
  const char *tags[] = { "Büro", "2026", NULL };
  const char *links[] = { "Frag Jörg, 3 Tage vorher 📞", NULL };
  g_autofree char *markdown = NULL;

  g_object_set (handbook, "tags", tags, "links", links, NULL);
  add_step (handbook, "Schritt 1, prüfen ✅", "Größe 42, Farbe grün 🎨.\n10 Stück = 1 Karton?", FALSE, 0);

  markdown = dg_handbook_to_markdown (handbook);
  g_assert_cmpstr (markdown, ==,
                   "# Rechnung 2026, Müller & Söhne 🧾\n"
                   "\n"
                   "Zahlen: 1, 2, 3. Fertig! 😀\n"
                   "3.5 Stunden (ca.) reichen; e-mail an Jörg.\n"
                   "\n"
                   "Draft\n"
                   "Tags: Büro, 2026\n"
                   "\n"
                   "## Steps\n"
                   "\n"
                   "1. **Schritt 1, prüfen ✅**\n"
                   "   Größe 42, Farbe grün 🎨.\n"
                   "   10 Stück = 1 Karton?\n"
                   "\n"
                   "## Links\n"
                   "\n"
                   "- Frag Jörg, 3 Tage vorher 📞\n");
}

static void
test_markdown_draft (void)
{
  g_autoptr(DgHandbook) handbook = new_handbook ("Pay the bills", "");
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 3, 5, 9, 30, 0);
  g_autofree char *markdown = NULL;

  for (int i = 1; i <= 10; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bill %d", i);

      add_step (handbook, title, "Check the amount.", FALSE, 0);
    }

  markdown = dg_handbook_to_markdown (handbook);
  g_assert_true (g_str_has_prefix (markdown, "# Pay the bills\n\nDraft\n\n## Steps\n"));
  g_assert_null (strstr (markdown, "Estimated time"));
  g_assert_null (strstr (markdown, "Links"));
  g_assert_nonnull (strstr (markdown, "\n9. **Bill 9**\n   Check the amount.\n"));
  /* After "10. " the details are indented one more, to stay in the item. */
  g_assert_nonnull (strstr (markdown, "\n10. **Bill 10**\n    Check the amount.\n"));

  g_object_set (handbook, "date", date, "version", 4, NULL);
  g_clear_pointer (&markdown, g_free);
  markdown = dg_handbook_to_markdown (handbook);
  g_assert_true (g_str_has_prefix (markdown, "# Pay the bills\n\nDraft · saved 2026-03-05\n\n"));
}

/* ---- PDF: checked by the text pdftotext finds in it ---------------------- */

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return path != NULL;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The text of each page; pdftotext ends every page with a form feed. */
static GStrv
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run (argv);
  g_auto(GStrv) parts = g_strsplit (text, "\f", -1);
  g_autoptr(GStrvBuilder) pages = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i + 1] != NULL)
        g_strv_builder_add (pages, parts[i]);
    }
  return g_strv_builder_end (pages);
}

/* Writes @handbook as "handbook.pdf" in a fresh directory. */
static char *
export (DgHandbook  *handbook,
        char       **out_dir)
{
  g_autoptr(GError) error = NULL;
  char *dir = dg_test_make_tmp_dir ();
  char *path = g_build_filename (dir, "handbook.pdf", NULL);

  g_assert_true (dg_handbook_export_pdf (handbook, path, &error));
  g_assert_no_error (error);
  *out_dir = dir;
  return path;
}

/* Fails unless the @needles occur in @haystack in this order. */
static void
assert_in_order (const char         *haystack,
                 const char * const *needles)
{
  const char *at = haystack;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (at, needles[i]);

      if (found == NULL)
        g_test_message ("“%s” missing (or out of order) in:\n%s", needles[i], haystack);
      g_assert_nonnull (found);
      if (found == NULL)
        return;
      at = found + strlen (needles[i]);
    }
}

static void
test_pdf_three_steps (void)
{
  g_autoptr(DgHandbook) handbook = new_client_handbook ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  const char *expected[] = {
    "Welcome a new client",
    "Every new client should feel expected",
    "Version 2, published November 28, 2026",
    "Estimated time: 1 h 30 min",
    "Create the client in the CRM", "15 min", "Open the CRM and choose New client.",
    "Send the welcome e-mail", "5 min", "Use the template \"Welcome\".",
    "Book the kick-off call", "1 h 10 min",
    "Page 1 of 1",
    NULL
  };

  if (!have_pdftotext ())
    return;

  path = export (handbook, &dir);
  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_in_order (pages[0], expected);

  dg_test_remove_tree (dir);
}

static void
test_pdf_draft (void)
{
  g_autoptr(DgHandbook) handbook = new_handbook ("Pay the bills", "");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  const char *expected[] = { "Pay the bills", "Draft", "1.", "Check the amount", "Page 1 of 1", NULL };

  if (!have_pdftotext ())
    return;

  add_step (handbook, "Check the amount", "", FALSE, 0);
  path = export (handbook, &dir);
  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_in_order (pages[0], expected);
  g_assert_null (strstr (pages[0], "Estimated time"));

  dg_test_remove_tree (dir);
}

/* Thirty steps with details of different lengths, so that step titles come
 * to lie at every height of a page, the foot included. */
static DgHandbook *
new_long_handbook (guint purpose_sentences)
{
  g_autoptr(GString) purpose = g_string_new ("Month-end closing.");
  DgHandbook *handbook;

  for (guint i = 0; i < purpose_sentences; i++)
    g_string_append (purpose, " Work through the list from top to bottom.");
  handbook = new_handbook ("Close the month", purpose->str);

  for (int i = 1; i <= 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Task %d title", i);
      g_autoptr(GString) details = g_string_new (NULL);

      g_string_append_printf (details, "Begin %d: open the ledger.", i);
      for (int j = 0; j < (i * 7) % 23; j++)
        g_string_append (details, " Compare each booking with the bank statement and mark it.");
      if (i % 4 == 0)
        g_string_append (details, "\n\nThen write down what did not match.\nOne line per booking.");
      add_step (handbook, title, details->str, i % 3 == 0, i);
    }
  return handbook;
}

static void
test_pdf_many_pages (void)
{
  if (!have_pdftotext ())
    return;

  for (guint shift = 0; shift < 6; shift++)
    {
      g_autoptr(DgHandbook) handbook = new_long_handbook (shift * 3);
      g_autofree char *dir = NULL;
      g_autofree char *path = export (handbook, &dir);
      g_auto(GStrv) pages = pdf_pages (path);
      g_autofree char *all = g_strjoinv ("\n", pages);
      g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
      g_auto(GStrv) ordered = NULL;
      guint n_pages = g_strv_length (pages);

      g_assert_cmpuint (n_pages, >, 2);

      for (guint p = 0; p < n_pages; p++)
        {
          g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

          g_assert_nonnull (strstr (pages[p], footer));
        }

      for (int i = 1; i <= 30; i++)
        {
          g_autofree char *title = g_strdup_printf ("Task %d title", i);
          g_autofree char *begin = g_strdup_printf ("Begin %d:", i);
          gboolean found = FALSE;

          g_strv_builder_add (titles, title);
          for (guint p = 0; p < n_pages; p++)
            {
              if (strstr (pages[p], title) == NULL)
                continue;
              found = TRUE;
              if (strstr (pages[p], begin) == NULL)
                g_test_message ("“%s” is on page %u, its details are not", title, p + 1);
              g_assert_nonnull (strstr (pages[p], begin));
            }
          g_assert_true (found);
        }

      ordered = g_strv_builder_end (titles);
      assert_in_order (all, (const char * const *) ordered);
      dg_test_remove_tree (dir);
    }
}

/* One paragraph of 100,000 characters: numbered words, so that a line lost
 * or printed twice at a page break shows. */
static void
test_pdf_huge_step (void)
{
  g_autoptr(DgHandbook) handbook = new_handbook ("A very long step", "");
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *last_footer = NULL;
  guint n_words = 0;
  guint expected = 1;

  if (!have_pdftotext ())
    return;

  while (details->len < 100000)
    g_string_append_printf (details, "w%05u ", ++n_words);
  add_step (handbook, "Read everything", details->str, TRUE, 5);
  add_step (handbook, "The step after", "Still here.", FALSE, 0);

  path = export (handbook, &dir);
  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), >, 10);
  last_footer = g_strdup_printf ("Page %u of %u", g_strv_length (pages), g_strv_length (pages));
  g_assert_nonnull (strstr (pages[g_strv_length (pages) - 1], last_footer));

  all = g_strjoinv (" ", pages);
  g_assert_nonnull (strstr (all, "The step after"));
  g_assert_nonnull (strstr (all, "Still here."));
  words = g_strsplit_set (all, " \n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != 'w' || strlen (words[i]) != 6)
        continue;
      if (g_ascii_strtoull (words[i] + 1, NULL, 10) != expected)
        g_test_message ("expected w%05u, found %s", expected, words[i]);
      g_assert_cmpuint (g_ascii_strtoull (words[i] + 1, NULL, 10), ==, expected);
      if (g_ascii_strtoull (words[i] + 1, NULL, 10) != expected)
        break;
      expected++;
    }
  g_assert_cmpuint (expected - 1, ==, n_words);

  dg_test_remove_tree (dir);
}

static void
test_pdf_scripts (void)
{
  g_autoptr(DgHandbook) handbook = new_handbook ("Reisekosten 🧾 erfassen", "Für Kunden in Tel Aviv und Dubai ✈️.");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;

  if (!have_pdftotext ())
    return;

  add_step (handbook, "Belege 📎 sammeln", "Jeden Beleg fotografieren 📷 und ablegen.", TRUE, 10);
  add_step (handbook, "שלום לקוח", "כתוב את שם הלקוח.", FALSE, 5);
  add_step (handbook, "مرحبا بالعميل", "اكتب اسم العميل.\nمرة واحدة فقط.", FALSE, 5);

  path = export (handbook, &dir);
  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  g_assert_nonnull (strstr (pages[0], "Reisekosten"));
  g_assert_nonnull (strstr (pages[0], "Belege"));
  g_assert_nonnull (strstr (pages[0], "fotografieren"));
  /* pdftotext gives right-to-left text back in the order it is read. */
  g_assert_nonnull (strstr (pages[0], "שלום"));
  g_assert_nonnull (strstr (pages[0], "הלקוח"));
  g_assert_nonnull (strstr (pages[0], "مرحبا"));
  g_assert_nonnull (strstr (pages[0], "العميل"));
  g_assert_nonnull (strstr (pages[0], "Page 1 of 1"));

  dg_test_remove_tree (dir);
}

static char *
page_size (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  const char *line = strstr (info, "Page size:");

  g_assert_nonnull (line);
  return line != NULL ? g_strndup (line, strcspn (line, "\n")) : g_strdup ("");
}

static void
test_pdf_paper (void)
{
  g_autoptr(DgHandbook) handbook = new_client_handbook ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *a4 = NULL;

  if (!have_pdftotext ())
    return;

  if (setlocale (LC_PAPER, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the locale en_US.UTF-8 is not installed");
      return;
    }
  path = export (handbook, &dir);
  letter = page_size (path);
  dg_test_remove_tree (dir);
  g_clear_pointer (&dir, g_free);
  g_clear_pointer (&path, g_free);

  if (setlocale (LC_PAPER, "de_DE.UTF-8") == NULL)
    {
      setlocale (LC_PAPER, "");
      g_test_skip ("the locale de_DE.UTF-8 is not installed");
      return;
    }
  path = export (handbook, &dir);
  a4 = page_size (path);
  dg_test_remove_tree (dir);
  setlocale (LC_PAPER, "");

  g_assert_nonnull (strstr (letter, "612 x 792 pts"));
  g_assert_nonnull (strstr (a4, "595.28 x 841.89 pts"));
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(DgHandbook) handbook = new_client_handbook ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "handbook.pdf", NULL);
  g_autofree char *again = g_build_filename (dir, "handbook.pdf", NULL);

  g_assert_false (dg_handbook_export_pdf (handbook, path, &error));
  dg_test_assert_error_mentions (error, "PDF");
  dg_test_assert_error_mentions (error, "No such file");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Saving over an earlier export replaces it. */
  g_assert_true (g_file_set_contents (again, "old", -1, NULL));
  g_assert_true (dg_handbook_export_pdf (handbook, again, NULL));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (again, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  }

  dg_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/handbook-export/markdown", test_markdown);
  g_test_add_func ("/handbook-export/markdown-draft", test_markdown_draft);
  g_test_add_func ("/handbook-export/markdown-escaped", test_markdown_escaped);
  g_test_add_func ("/handbook-export/markdown-plain-text", test_markdown_plain_text);
  g_test_add_func ("/handbook-export/pdf/three-steps", test_pdf_three_steps);
  g_test_add_func ("/handbook-export/pdf/draft", test_pdf_draft);
  g_test_add_func ("/handbook-export/pdf/many-pages", test_pdf_many_pages);
  g_test_add_func ("/handbook-export/pdf/huge-step", test_pdf_huge_step);
  g_test_add_func ("/handbook-export/pdf/scripts", test_pdf_scripts);
  g_test_add_func ("/handbook-export/pdf/paper", test_pdf_paper);
  g_test_add_func ("/handbook-export/pdf/unwritable", test_pdf_unwritable);

  return g_test_run ();
}
