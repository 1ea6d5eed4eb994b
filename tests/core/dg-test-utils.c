/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-test-utils"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dg-test-utils.h"
#include "dg-validation.h"

void
dg_test_init (int    *argc,
              char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  g_test_set_nonfatal_assertions ();
}

char *
dg_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname () : "test");
  g_autofree char *template = g_strdup_printf ("delegate-%s-XXXXXX", program);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
dg_test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      dg_test_remove_tree (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

DgDatabase *
dg_test_open_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  DgDatabase *db = dg_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (DG_IS_DATABASE (db));
  return db;
}

void
dg_test_fixture_set_up (DgTestFixture *fixture,
                        gconstpointer  user_data)
{
  fixture->dir = dg_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "delegate.db", NULL);
  fixture->db = dg_test_open_database (fixture->path);
}

void
dg_test_fixture_tear_down (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  dg_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

void
dg_test_add_with_database (const char        *test_path,
                           DgTestFixtureFunc  func)
{
  g_test_add (test_path, DgTestFixture, NULL, dg_test_fixture_set_up, func, dg_test_fixture_tear_down);
}

void
dg_test_assert_error_mentions (const GError *error,
                               const char   *word)
{
  g_autofree char *message = NULL;
  g_autofree char *needle = NULL;

  g_assert_nonnull (error);
  message = g_utf8_strdown (error->message, -1);
  needle = g_utf8_strdown (word, -1);
  if (strstr (message, needle) == NULL)
    g_error ("The error “%s” does not mention “%s”", error->message, word);
}

void
dg_test_assert_field_cases (DgTestFieldValidator   validate,
                            const DgTestFieldCase *cases,
                            gsize                  n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = validate (cases[i].property, cases[i].value, &error);

      g_test_message ("%s = “%s”", cases[i].property, cases[i].value);
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (valid)
        {
          g_assert_no_error (error);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == DG_VALIDATION_ERROR);
          g_assert_cmpstr (error->message, !=, "");
        }
    }
}

sqlite3_stmt *
dg_test_prepare (DgDatabase *db,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = dg_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  return stmt;
}

void
dg_test_execute (DgDatabase *db,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_database_execute (db, dg_test_prepare (db, sql), &error));
  g_assert_no_error (error);
}

gint64
dg_test_step_int (sqlite3_stmt *stmt)
{
  gint64 value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gint64
dg_test_query_int (DgDatabase *db,
                   const char *sql)
{
  return dg_test_step_int (dg_test_prepare (db, sql));
}
