/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-handbook-templates"

#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "dg-handbook-templates.h"

static const char * const expected_ids[] = {
  "appointment-scheduling",
  "blog-articles",
  "bookkeeping-reconciliation",
  "data-entry",
  "file-storage",
  "inbox-management",
  "phone-calls",
  "social-media-posts",
  "travel-arrangements",
};

static GPtrArray *
list_ids (const char *language)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (const DgHandbookTemplateInfo *info = dg_handbook_templates_list (language); info->id != NULL; info++)
    {
      g_assert_cmpstr (info->language, ==, language);
      g_assert_nonnull (info->title);
      g_assert_cmpstr (info->title, !=, "");
      g_ptr_array_add (ids, (gpointer) info->id);
    }

  return ids;
}

static void
test_list (void)
{
  const char * const languages[] = { "en", "de" };

  for (gsize l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GPtrArray) ids = list_ids (languages[l]);

      g_test_message ("%s", languages[l]);
      g_assert_cmpuint (ids->len, ==, G_N_ELEMENTS (expected_ids));
      for (gsize i = 0; i < G_N_ELEMENTS (expected_ids); i++)
        g_assert_true (g_ptr_array_find_with_equal_func (ids, expected_ids[i], g_str_equal, NULL));
    }

  /* Built once: the same array every time. */
  g_assert_true (dg_handbook_templates_list ("de") == dg_handbook_templates_list ("de"));

  /* The titles are the files' own, in their language. */
  for (const DgHandbookTemplateInfo *info = dg_handbook_templates_list ("de"); info->id != NULL; info++)
    if (g_str_equal (info->id, "bookkeeping-reconciliation"))
      g_assert_cmpstr (info->title, ==, "Monatlicher Belegabgleich");

  g_assert_null (dg_handbook_templates_list ("fr")->id);
}

static void
check_template (DgHandbook *handbook)
{
  g_autoptr(GError) error = NULL;
  GListModel *steps = dg_handbook_get_steps (handbook);
  guint n_steps = g_list_model_get_n_items (steps);
  guint n_checklist = 0;

  g_assert_true (dg_handbook_validate (handbook, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_handbook_get_id (handbook), ==, 0);
  g_assert_cmpstr (dg_handbook_get_title (handbook), !=, "");
  g_assert_cmpuint (strlen (dg_handbook_get_purpose (handbook)), >, 40);
  g_assert_nonnull (dg_handbook_get_tags (handbook));
  g_assert_cmpuint (g_strv_length ((char **) dg_handbook_get_tags (handbook)), >=, 1);
  if (dg_handbook_get_links (handbook) != NULL)
    g_assert_cmpuint (g_strv_length ((char **) dg_handbook_get_links (handbook)), <=, 3);
  g_assert_cmpuint (n_steps, >=, 6);
  g_assert_cmpuint (n_steps, <=, 12);
  g_assert_cmpint (dg_handbook_get_total_minutes (handbook), >, 0);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);

      g_assert_cmpstr (dg_handbook_step_get_details (step), !=, "");
      /* "\n" escapes in the files must have been decoded. */
      g_assert_null (strstr (dg_handbook_step_get_details (step), "\\n"));
      g_assert_cmpint (dg_handbook_step_get_minutes (step), >, 0);
      if (dg_handbook_step_get_checklist (step))
        n_checklist++;
    }
  g_assert_cmpuint (n_checklist, >=, 1);
}

static void
test_instantiate (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (expected_ids); i++)
    {
      g_autoptr(DgHandbook) english = NULL;
      g_autoptr(DgHandbook) german = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", expected_ids[i]);

      english = dg_handbook_templates_instantiate (expected_ids[i], "en", &error);
      g_assert_no_error (error);
      check_template (english);

      german = dg_handbook_templates_instantiate (expected_ids[i], "de", &error);
      g_assert_no_error (error);
      check_template (german);

      g_assert_cmpstr (dg_handbook_get_title (english), !=, dg_handbook_get_title (german));
      g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (english)), ==,
                        g_list_model_get_n_items (dg_handbook_get_steps (german)));
    }
}

static void
test_content (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgHandbook) handbook = dg_handbook_templates_instantiate ("bookkeeping-reconciliation", "de", &error);
  g_autoptr(DgHandbookStep) first = NULL;
  g_autoptr(DgHandbookStep) never_pay = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (dg_handbook_get_title (handbook), ==, "Monatlicher Belegabgleich");
  g_assert_true (g_strv_contains (dg_handbook_get_tags (handbook), "Buchhaltung"));

  first = g_list_model_get_item (dg_handbook_get_steps (handbook), 0);
  g_assert_cmpstr (dg_handbook_step_get_title (first), ==, "Kontoauszüge des Monats abrufen");
  g_assert_true (dg_handbook_step_get_checklist (first));
  g_assert_cmpint (dg_handbook_step_get_minutes (first), ==, 10);

  never_pay = g_list_model_get_item (dg_handbook_get_steps (handbook), 6);
  g_assert_cmpstr (dg_handbook_step_get_title (never_pay), ==, "Niemals selbst zahlen oder freigeben");
  g_assert_true (dg_handbook_step_get_checklist (never_pay));

  g_clear_object (&handbook);
  handbook = dg_handbook_templates_instantiate ("appointment-scheduling", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_handbook_get_links (handbook)[0], ==, "https://support.google.com/calendar");
  g_assert_null (dg_handbook_get_links (handbook)[1]);
}

static void
test_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgHandbook) handbook = NULL;

  handbook = dg_handbook_templates_instantiate ("tax-return", "en", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "tax-return"));
  g_assert_null (handbook);
  g_clear_error (&error);

  handbook = dg_handbook_templates_instantiate ("data-entry", "fr", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "fr"));
  g_assert_null (handbook);
  g_clear_error (&error);

  /* A path must not reach the other language or anything outside. */
  handbook = dg_handbook_templates_instantiate ("../de/data-entry", "en", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (handbook);
}

static void
use_locale (const char *name)
{
  g_setenv ("LC_ALL", name, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
}

static void
test_default_language (void)
{
  g_unsetenv ("LANGUAGE");

  use_locale ("de_DE.UTF-8");
  g_assert_cmpstr (dg_handbook_templates_default_language (), ==, "de");

  use_locale ("C");
  g_assert_cmpstr (dg_handbook_templates_default_language (), ==, "en");

  use_locale ("en_GB.UTF-8");
  g_assert_cmpstr (dg_handbook_templates_default_language (), ==, "en");

  use_locale ("de_AT.UTF-8");
  g_assert_cmpstr (dg_handbook_templates_default_language (), ==, "de");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handbook-templates/list", test_list);
  g_test_add_func ("/handbook-templates/instantiate", test_instantiate);
  g_test_add_func ("/handbook-templates/content", test_content);
  g_test_add_func ("/handbook-templates/unknown", test_unknown);
  g_test_add_func ("/handbook-templates/default-language", test_default_language);

  return g_test_run ();
}
