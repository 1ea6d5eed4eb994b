/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-test-utils"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "dg-test-utils.h"
#include "dg-validation.h"

#ifdef __SANITIZE_ADDRESS__
/* Fontconfig 2.14.1 (Debian 12) loses a few bytes while it parses its
 * configuration (in a thread of its own, so the stack LeakSanitizer keeps
 * names no caller of ours); not ours to fix, but it would fail every test
 * that lays out text. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}
#endif

/* Pango's font map keeps the fonts it loaded until it goes; without this
 * LeakSanitizer reports them at exit in every test that lays out text. */
static void
release_fonts (void)
{
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
}

void
dg_test_init (int    *argc,
              char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  g_test_set_nonfatal_assertions ();
  atexit (release_fonts);
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

gint64
dg_test_add_task (DgDatabase *db,
                  gint64      assistant_id,
                  const char *title,
                  const char *billing,
                  gint64      amount,
                  const char *due_date,
                  const char *rrule,
                  const char *status,
                  gint64      handbook_id)
{
  static guint counter;
  g_autofree char *uid = g_strdup_printf ("task-%u@test", ++counter);
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "INSERT INTO tasks (uid, title, assistant_id, handbook_id, handbook_version, due_date, "
    "time_zone, rrule, billing, billing_amount, status, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'Europe/Berlin', ?7, ?8, ?9, ?10, '2026-01-01T00:00:00Z')");

  dg_database_bind_text (stmt, 1, uid);
  dg_database_bind_text (stmt, 2, title);
  sqlite3_bind_int64 (stmt, 3, assistant_id);
  /* Left unbound, both stay NULL: a task without a handbook. */
  if (handbook_id != 0)
    {
      sqlite3_bind_int64 (stmt, 4, handbook_id);
      sqlite3_bind_int (stmt, 5, 1);
    }
  dg_database_bind_text (stmt, 6, due_date);
  dg_database_bind_text (stmt, 7, rrule);
  dg_database_bind_text (stmt, 8, billing);
  sqlite3_bind_int64 (stmt, 9, amount);
  dg_database_bind_text (stmt, 10, status);
  g_assert_true (dg_database_execute (db, stmt, NULL));
  return dg_database_last_insert_id (db);
}

void
dg_test_add_occurrence (DgDatabase *db,
                        gint64      task_id,
                        const char *recurrence_id,
                        const char *status)
{
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "INSERT INTO task_occurrences (task_id, recurrence_id, status) VALUES (?1, ?2, ?3)");

  sqlite3_bind_int64 (stmt, 1, task_id);
  dg_database_bind_text (stmt, 2, recurrence_id);
  dg_database_bind_text (stmt, 3, status);
  g_assert_true (dg_database_execute (db, stmt, NULL));
}

DgTimeEntry *
dg_test_new_entry (gint64      assistant_id,
                   gint64      task_id,
                   const char *local,
                   const char *zone,
                   int         minutes,
                   const char *note)
{
  DgTimeEntry *entry = dg_time_entry_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) start = NULL;

  g_assert_nonnull (tz);
  start = g_date_time_new_from_iso8601 (local, tz);
  g_assert_nonnull (start);
  dg_time_entry_set_assistant_id (entry, assistant_id);
  dg_time_entry_set_task_id (entry, task_id);
  dg_time_entry_set_start (entry, start);
  dg_time_entry_set_time_zone (entry, zone);
  dg_time_entry_set_minutes (entry, minutes);
  dg_time_entry_set_note (entry, note);
  return entry;
}
