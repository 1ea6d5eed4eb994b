/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-database"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dg-database-private.h"
#include "dg-test-utils.h"

#define TEST_ERROR (g_quark_from_static_string ("test-error"))

/* Helpers */

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static gboolean
sidecar_exists (const char *path,
                const char *suffix)
{
  g_autofree char *sidecar = g_strconcat (path, suffix, NULL);

  return g_file_test (sidecar, G_FILE_TEST_EXISTS);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             const char *contents,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
assert_bytes_equal (GBytes *expected,
                    GBytes *actual)
{
  gsize expected_length;
  gsize actual_length;
  const guint8 *expected_data = g_bytes_get_data (expected, &expected_length);
  const guint8 *actual_data = g_bytes_get_data (actual, &actual_length);

  g_assert_cmpmem (expected_data, expected_length, actual_data, actual_length);
}

/* Runs a query returning one integer on a connection of its own, outside
 * DgDatabase, the way another tool (or a user with sqlite3) would see the file. */
static gint64
plain_query_int (const char *path,
                 const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static char *
plain_query_text (const char *path,
                  const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static void
plain_exec (const char *path,
            const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* @sql must be a string literal: dg_database_prepare() caches by address. */
static char *
query_text (DgDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = dg_test_prepare (db, sql);
  char *value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup (dg_database_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static const char *insert_assistant_sql =
  "INSERT INTO assistants (name, time_zone, currency, hourly_rate) "
  "VALUES (?1, 'Asia/Manila', 'EUR', 1500)";

static gboolean
insert_assistant (DgDatabase  *db,
                  const char  *name,
                  GError     **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (db, insert_assistant_sql, error);

  if (stmt == NULL)
    return FALSE;
  dg_database_bind_text (stmt, 1, name);
  return dg_database_execute (db, stmt, error);
}

static gint64
count_assistants_named (DgDatabase *db,
                        const char *name)
{
  static const char *sql = "SELECT count(*) FROM assistants WHERE name = ?1";
  sqlite3_stmt *stmt = dg_test_prepare (db, sql);

  dg_database_bind_text (stmt, 1, name);
  return dg_test_step_int (stmt);
}

static gboolean
insert_many_assistants (DgDatabase  *db,
                        gpointer     user_data,
                        GError     **error)
{
  guint n = GPOINTER_TO_UINT (user_data);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Assistant %05u %s", i,
                                               "with a name long enough to fill pages quickly");
      if (!insert_assistant (db, name, error))
        return FALSE;
    }
  return TRUE;
}

/* A real Delegate database holding @n assistants, closed again. */
static void
create_filled_database (const char *path,
                        guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_test_open_database (path);

  dg_database_transaction (db, insert_many_assistants, GUINT_TO_POINTER (n), &error);
  g_assert_no_error (error);
}

/* Creating */

static void
test_create_mode (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  db = dg_test_open_database (path);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (dg_database_get_path (db), ==, path);
  g_assert_cmpint (file_mode (path), ==, 0600);
  g_assert_cmpint (dg_database_get_version (db), ==, dg_database_get_latest_version ());
  /* Nothing to lose in a new file, so nothing is backed up. */
  g_assert_null (dg_database_get_backup_path (db));

  /* A write while the database is open goes to the write-ahead log, which
   * holds the same private data and must be as private as the file. */
  g_assert_true (insert_assistant (db, "Maria Santos", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (file_mode (wal), ==, 0600);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    g_assert_cmpint (file_mode (shm), ==, 0600);

  g_clear_object (&db);
  dg_test_remove_tree (dir);
}

static void
test_create_parent_folder (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "data", "delegate", NULL);
  g_autofree char *path = g_build_filename (folder, "delegate.db", NULL);
  g_autoptr(DgDatabase) db = NULL;

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  db = dg_test_open_database (path);

  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (file_mode (folder), ==, 0700);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (file_mode (path), ==, 0600);
  g_assert_cmpint (dg_database_get_version (db), ==, dg_database_get_latest_version ());

  g_clear_object (&db);
  dg_test_remove_tree (dir);
}

static void
test_create_pragmas (DgTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *journal_mode = NULL;

  g_assert_cmpint (dg_test_query_int (fixture->db, "PRAGMA foreign_keys"), ==, 1);
  journal_mode = query_text (fixture->db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (dg_test_query_int (fixture->db, "PRAGMA user_version"), ==, dg_database_get_latest_version ());
  g_assert_cmpint (dg_test_query_int (fixture->db, "PRAGMA busy_timeout"), >, 0);
  /* The business profile has its one row from the start. */
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM business_profile"), ==, 1);

  g_clear_object (&fixture->db);

  /* Reopening a current database changes nothing and takes no backup. */
  fixture->db = dg_test_open_database (fixture->path);
  g_assert_cmpint (dg_database_get_version (fixture->db), ==, dg_database_get_latest_version ());
  g_assert_null (dg_database_get_backup_path (fixture->db));
}

/* Migrations */

/* Data that is valid at schema @version; each later migration must keep it. */
static void
insert_data_at_version (DgDatabase *db,
                        int         version)
{
  static const char *profile_sql =
    "UPDATE business_profile SET name = 'Acme Bakery', payment_terms_days = 30";
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (version, >=, 1);

  g_assert_true (insert_assistant (db, "Maria Santos", &error));
  g_assert_no_error (error);

  dg_test_execute (db, profile_sql);
}

static void
assert_data_present (DgDatabase *db)
{
  g_autofree char *profile_name = query_text (db, "SELECT name FROM business_profile WHERE id = 1");

  g_assert_cmpint (count_assistants_named (db, "Maria Santos"), ==, 1);
  g_assert_cmpint (dg_test_query_int (db, "SELECT hourly_rate FROM assistants WHERE name = 'Maria Santos'"), ==, 1500);
  g_assert_cmpstr (profile_name, ==, "Acme Bakery");
  g_assert_cmpint (dg_test_query_int (db, "SELECT payment_terms_days FROM business_profile"), ==, 30);
}

static void
test_migrate_each_version (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  int latest = dg_database_get_latest_version ();

  g_assert_cmpint (latest, >=, 1);

  for (int v = 1; v < latest; v++)
    {
      g_autofree char *name = g_strdup_printf ("schema-%d.db", v);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *backup_path = NULL;
      g_autofree char *backup_name = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(DgDatabase) db = NULL;

      g_test_message ("Migrating a filled database from schema %d to %d", v, latest);

      db = _dg_database_open_at_version (path, v, &error);
      g_assert_no_error (error);
      g_assert_cmpint (dg_database_get_version (db), ==, v);
      insert_data_at_version (db, v);
      g_clear_object (&db);

      db = dg_test_open_database (path);
      g_assert_cmpint (dg_database_get_version (db), ==, latest);
      assert_data_present (db);
      g_assert_cmpint (dg_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);

      g_assert_nonnull (dg_database_get_backup_path (db));
      backup_path = g_strdup (dg_database_get_backup_path (db));
      g_assert_cmpstr (backup_path, !=, path);
      g_assert_true (g_file_test (backup_path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (file_mode (backup_path), ==, 0600);
      g_clear_object (&db);

      /* The backup is the database as it was before the migration. */
      g_assert_cmpint (plain_query_int (backup_path, "PRAGMA user_version"), ==, v);
      g_assert_cmpint (plain_query_int (backup_path, "SELECT count(*) FROM assistants WHERE name = 'Maria Santos'"), ==, 1);
      backup_name = plain_query_text (backup_path, "SELECT name FROM business_profile WHERE id = 1");
      g_assert_cmpstr (backup_name, ==, "Acme Bakery");

      /* Once migrated, opening it again takes no further backup. */
      db = dg_test_open_database (path);
      g_assert_null (dg_database_get_backup_path (db));
      assert_data_present (db);
    }

  dg_test_remove_tree (dir);
}

static void
test_migrate_current_takes_no_backup (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(DgDatabase) db = NULL;
  guint n_files = 0;
  GDir *listing;

  db = _dg_database_open_at_version (path, dg_database_get_latest_version (), NULL);
  g_assert_nonnull (db);
  insert_data_at_version (db, dg_database_get_latest_version ());
  g_clear_object (&db);

  db = dg_test_open_database (path);
  g_assert_null (dg_database_get_backup_path (db));
  assert_data_present (db);
  g_clear_object (&db);

  /* No stray copies either. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_dir_close (listing);
  g_assert_cmpuint (n_files, ==, 1);

  dg_test_remove_tree (dir);
}

static guint
count_backups (const char *dir)
{
  GDir *listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".bak"))
      n++;
  g_dir_close (listing);
  return n;
}

static void
test_migrate_failure_keeps_old_state (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;

  if (dg_database_get_latest_version () < 2)
    {
      g_test_skip ("Needs a migration after the first one");
      dg_test_remove_tree (dir);
      return;
    }

  /* Migration 2 creates the index "assistants_by_name"; a table of that name
   * makes it fail half-way, as a full disk or a bug in a migration would. */
  db = _dg_database_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  insert_data_at_version (db, 1);
  g_clear_object (&db);
  plain_exec (path, "CREATE TABLE assistants_by_name (x INTEGER)");

  db = dg_database_open (path, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_true (error->domain == DG_DATABASE_ERROR);
  g_test_message ("Failed with: %s", error->message);
  g_clear_error (&error);

  /* Still the old schema with all its data, and a backup was taken first. */
  g_assert_cmpint (plain_query_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (plain_query_int (path, "SELECT count(*) FROM assistants WHERE name = 'Maria Santos'"), ==, 1);
  g_assert_cmpint (plain_query_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'assistants_by_name' AND type = 'index'"), ==, 0);
  g_assert_cmpuint (count_backups (dir), ==, 1);

  /* Once the obstacle is gone, the migration goes through. */
  plain_exec (path, "DROP TABLE assistants_by_name");
  db = dg_test_open_database (path);
  g_assert_cmpint (dg_database_get_version (db), ==, dg_database_get_latest_version ());
  assert_data_present (db);

  g_clear_object (&db);
  dg_test_remove_tree (dir);
}

/* Refusing files that must not be touched */

static void
assert_refused_unchanged (const char *path,
                          int         code,
                          int         alternative_code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;

  db = dg_database_open (path, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_test_message ("Refused with: %s", error->message);
  g_assert_true (error->domain == DG_DATABASE_ERROR);
  if (error->code != code && error->code != alternative_code)
    g_error ("Expected error %d or %d, got %d: %s", code, alternative_code, error->code, error->message);
  /* The message names the file, so the user knows which one was refused. */
  g_assert_nonnull (strstr (error->message, path));

  after = read_bytes (path);
  assert_bytes_equal (before, after);
  g_assert_false (sidecar_exists (path, "-wal"));
  g_assert_false (sidecar_exists (path, "-shm"));
  g_assert_false (sidecar_exists (path, "-journal"));
}

static void
test_refuse_newer_version (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                                  dg_database_get_latest_version () + 1);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;
  GStatBuf st_before;
  GStatBuf st_after;

  create_filled_database (path, 3);
  /* What a newer Delegate would leave behind. */
  plain_exec (path, set_version);
  g_assert_false (sidecar_exists (path, "-wal"));
  g_assert_false (sidecar_exists (path, "-shm"));

  before = read_bytes (path);
  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  db = dg_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer"));

  after = read_bytes (path);
  assert_bytes_equal (before, after);
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);
  g_assert_cmpint (st_after.st_mtim.tv_nsec, ==, st_before.st_mtim.tv_nsec);
  g_assert_false (sidecar_exists (path, "-wal"));
  g_assert_false (sidecar_exists (path, "-shm"));
  g_assert_cmpint (plain_query_int (path, "PRAGMA user_version"), ==, dg_database_get_latest_version () + 1);

  dg_test_remove_tree (dir);
}

static void
test_refuse_newer_version_relative_path (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                                  dg_database_get_latest_version () + 1);
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;

  /* As the command line passes it: relative to the working directory. */
  create_filled_database (path, 3);
  plain_exec (path, set_version);
  g_assert_cmpint (g_chdir (dir), ==, 0);
  db = dg_database_open ("delegate.db", &error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_assert_null (db);
  g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_NEWER_VERSION);
  g_assert_false (sidecar_exists (path, "-wal"));
  g_assert_false (sidecar_exists (path, "-shm"));

  dg_test_remove_tree (dir);
}

static void
test_refuse_newer_version_rollback_journal (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d",
                                                  dg_database_get_latest_version () + 1);

  /* The same refusal when the newer version stopped using write-ahead logging. */
  create_filled_database (path, 3);
  plain_exec (path, set_version);
  assert_refused_unchanged (path, DG_DATABASE_ERROR_NEWER_VERSION, DG_DATABASE_ERROR_NEWER_VERSION);

  dg_test_remove_tree (dir);
}

static void
test_refuse_random_bytes (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "random.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260701);
  g_autofree char *contents = g_malloc (8192);

  for (guint i = 0; i < 8192; i++)
    contents[i] = (char) g_rand_int_range (rand, 0, 256);
  write_bytes (path, contents, 8192);

  assert_refused_unchanged (path, DG_DATABASE_ERROR_NOT_A_DATABASE, DG_DATABASE_ERROR_CORRUPT);

  dg_test_remove_tree (dir);
}

static void
test_refuse_text_file (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  const char *text = "Shopping list\n- flour\n- yeast\n- salt\n";

  write_bytes (path, text, strlen (text));

  assert_refused_unchanged (path, DG_DATABASE_ERROR_NOT_A_DATABASE, DG_DATABASE_ERROR_CORRUPT);

  dg_test_remove_tree (dir);
}

static void
test_refuse_truncated (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *real_path = g_build_filename (dir, "real.db", NULL);
  g_autofree char *path = g_build_filename (dir, "truncated.db", NULL);
  g_autoptr(GBytes) real = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *contents = g_malloc (4100);
  gsize length;
  const char *data;

  create_filled_database (real_path, 10);
  real = read_bytes (real_path);
  data = g_bytes_get_data (real, &length);
  g_assert_cmpuint (length, >, 100);

  /* A real header, then garbage: what a broken copy or download looks like. */
  memcpy (contents, data, 100);
  for (guint i = 100; i < 4100; i++)
    contents[i] = (char) g_rand_int_range (rand, 0, 256);
  write_bytes (path, contents, 4100);

  assert_refused_unchanged (path, DG_DATABASE_ERROR_NOT_A_DATABASE, DG_DATABASE_ERROR_CORRUPT);

  dg_test_remove_tree (dir);
}

static void
test_refuse_other_program (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "places.sqlite", NULL);

  plain_exec (path,
              "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT);"
              "INSERT INTO bookmarks (url) VALUES ('https://www.gnome.org/');");
  g_assert_cmpint (plain_query_int (path, "PRAGMA application_id"), ==, 0);
  g_assert_cmpint (plain_query_int (path, "PRAGMA user_version"), ==, 0);

  assert_refused_unchanged (path, DG_DATABASE_ERROR_NOT_A_DATABASE, DG_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_cmpint (plain_query_int (path, "SELECT count(*) FROM bookmarks"), ==, 1);

  dg_test_remove_tree (dir);
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *contents = NULL;
  const char *data;
  gsize length;
  gsize page_size;
  gsize n_pages;

  create_filled_database (path, 2000);
  g_assert_false (sidecar_exists (path, "-wal"));
  page_size = plain_query_int (path, "PRAGMA page_size");
  original = read_bytes (path);
  data = g_bytes_get_data (original, &length);
  contents = g_memdup2 (data, length);
  n_pages = length / page_size;
  g_assert_cmpuint (n_pages, >=, 10);

  /* Two whole pages in the middle, as a failing disk would leave them. */
  for (gsize i = (n_pages / 2) * page_size; i < (n_pages / 2 + 2) * page_size; i++)
    contents[i] = (char) g_rand_int_range (rand, 0, 256);
  write_bytes (path, contents, length);

  assert_refused_unchanged (path, DG_DATABASE_ERROR_CORRUPT, DG_DATABASE_ERROR_CORRUPT);

  dg_test_remove_tree (dir);
}

static void
test_refuse_folder (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;

  db = dg_database_open (dir, &error);
  g_assert_null (db);
  g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CANNOT_OPEN);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  dg_test_remove_tree (dir);
}

static void
test_accept_empty_file (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = NULL;

  write_bytes (path, "", 0);

  db = dg_test_open_database (path);
  g_assert_cmpint (dg_database_get_version (db), ==, dg_database_get_latest_version ());
  g_assert_null (dg_database_get_backup_path (db));
  g_assert_true (insert_assistant (db, "Maria Santos", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  db = dg_test_open_database (path);
  g_assert_cmpint (count_assistants_named (db, "Maria Santos"), ==, 1);

  g_clear_object (&db);
  dg_test_remove_tree (dir);
}

/* Transactions */

typedef struct
{
  const char *first;
  const char *second;
  gboolean    fail;
} InsertTwo;

static gboolean
insert_two (DgDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  InsertTwo *data = user_data;

  if (!insert_assistant (db, data->first, error) ||
      !insert_assistant (db, data->second, error))
    return FALSE;

  if (data->fail)
    {
      g_set_error_literal (error, TEST_ERROR, 1, "The second step failed.");
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gboolean inner_fails;
  gboolean outer_fails;
} Nested;

static gboolean
insert_nested (DgDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  Nested *nested = user_data;
  InsertTwo inner = { "Inner A", "Inner B", nested->inner_fails };
  g_autoptr(GError) inner_error = NULL;
  gboolean inner_ok;

  if (!insert_assistant (db, "Outer A", error))
    return FALSE;

  inner_ok = dg_database_transaction (db, insert_two, &inner, &inner_error);
  g_assert_cmpint (inner_ok, ==, !nested->inner_fails);
  if (nested->inner_fails)
    {
      g_assert_error (inner_error, TEST_ERROR, 1);
      /* The outer part sees the inner part undone, and carries on. */
      g_assert_cmpint (count_assistants_named (db, "Inner A"), ==, 0);
      g_assert_cmpint (count_assistants_named (db, "Outer A"), ==, 1);
    }
  else
    {
      g_assert_no_error (inner_error);
    }

  if (!insert_assistant (db, "Outer B", error))
    return FALSE;

  if (nested->outer_fails)
    {
      g_set_error_literal (error, TEST_ERROR, 2, "The outer step failed.");
      return FALSE;
    }
  return TRUE;
}

static void
test_transaction_rollback (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  InsertTwo data = { "Anna", "Bernd", TRUE };

  g_assert_false (dg_database_transaction (fixture->db, insert_two, &data, &error));
  g_assert_error (error, TEST_ERROR, 1);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM assistants"), ==, 0);

  /* Still nothing after reopening: the rollback reached the file. */
  g_clear_object (&fixture->db);
  fixture->db = dg_test_open_database (fixture->path);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM assistants"), ==, 0);

  /* The database is usable again after a rollback. */
  g_clear_error (&error);
  data.fail = FALSE;
  g_assert_true (dg_database_transaction (fixture->db, insert_two, &data, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM assistants"), ==, 2);
}

static void
test_transaction_rollback_on_constraint (DgTestFixture *fixture,
                                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  /* The schema refuses a blank name: the second row fails in SQLite itself. */
  InsertTwo data = { "Anna", "   ", FALSE };

  g_assert_false (dg_database_transaction (fixture->db, insert_two, &data, &error));
  g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpint (count_assistants_named (fixture->db, "Anna"), ==, 0);
}

static void
test_transaction_commit (DgTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  InsertTwo data = { "Anna", "Bernd", FALSE };

  g_assert_true (dg_database_transaction (fixture->db, insert_two, &data, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->db);

  fixture->db = dg_test_open_database (fixture->path);
  g_assert_cmpint (count_assistants_named (fixture->db, "Anna"), ==, 1);
  g_assert_cmpint (count_assistants_named (fixture->db, "Bernd"), ==, 1);
}

static void
test_transaction_nested_inner_fails (DgTestFixture *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Nested nested = { TRUE, FALSE };

  g_assert_true (dg_database_transaction (fixture->db, insert_nested, &nested, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->db);

  fixture->db = dg_test_open_database (fixture->path);
  g_assert_cmpint (count_assistants_named (fixture->db, "Outer A"), ==, 1);
  g_assert_cmpint (count_assistants_named (fixture->db, "Outer B"), ==, 1);
  g_assert_cmpint (count_assistants_named (fixture->db, "Inner A"), ==, 0);
  g_assert_cmpint (count_assistants_named (fixture->db, "Inner B"), ==, 0);
}

static void
test_transaction_nested_outer_fails (DgTestFixture *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Nested nested = { FALSE, TRUE };

  g_assert_false (dg_database_transaction (fixture->db, insert_nested, &nested, &error));
  g_assert_error (error, TEST_ERROR, 2);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM assistants"), ==, 0);

  /* Both succeeding commits all four rows. */
  g_clear_error (&error);
  nested.outer_fails = FALSE;
  g_assert_true (dg_database_transaction (fixture->db, insert_nested, &nested, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->db);

  fixture->db = dg_test_open_database (fixture->path);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM assistants"), ==, 4);
}

/* Statements */

static void
test_statement_cache (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  static const char *sql = "SELECT ?1";
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *first;
  sqlite3_stmt *second;

  first = dg_database_prepare (fixture->db, sql, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  sqlite3_bind_int (first, 1, 42);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first, 0), ==, 42);

  /* The same statement, reset and with its old binding cleared. */
  second = dg_database_prepare (fixture->db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (second == first);
  g_assert_cmpint (sqlite3_step (second), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (second, 0), ==, SQLITE_NULL);
  sqlite3_reset (second);

  /* Bad SQL is an error, not a crash. */
  g_assert_null (dg_database_prepare (fixture->db, "SELECT FROM WHERE", &error));
  g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_FAILED);
}

/* Crash safety */

#define CRASH_COMMITTED_ROWS 50
#define CRASH_UNCOMMITTED_ROWS 20000

static gboolean
insert_then_crash (DgDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  static const char *sql =
    "INSERT INTO assistants (name, time_zone, currency, notes) "
    "VALUES ('Uncommitted', 'Europe/Berlin', 'EUR', ?1)";
  g_autofree char *notes = g_strnfill (400, 'x');

  /* Enough to spill the page cache, so that uncommitted pages really reach
   * the write-ahead log before the process dies. */
  for (guint i = 0; i < CRASH_UNCOMMITTED_ROWS; i++)
    {
      sqlite3_stmt *stmt = dg_database_prepare (db, sql, error);

      g_assert_nonnull (stmt);
      dg_database_bind_text (stmt, 1, notes);
      g_assert_true (dg_database_execute (db, stmt, error));
    }

  _exit (1);
}

static void
test_crash_safety (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;

  if (g_test_subprocess ())
    {
      path = g_strdup (g_getenv ("DG_TEST_CRASH_DATABASE"));
      g_assert_nonnull (path);
      db = dg_test_open_database (path);
      g_assert_true (dg_database_transaction (db, insert_many_assistants,
                                              GUINT_TO_POINTER (CRASH_COMMITTED_ROWS), &error));
      g_assert_no_error (error);
      dg_database_transaction (db, insert_then_crash, NULL, &error);
      g_assert_not_reached ();
    }

  dir = dg_test_make_tmp_dir ();
  path = g_build_filename (dir, "delegate.db", NULL);
  g_setenv ("DG_TEST_CRASH_DATABASE", path, TRUE);
  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_failed ();
  g_unsetenv ("DG_TEST_CRASH_DATABASE");

  /* The process died with its log still there: nothing was checkpointed. */
  g_assert_true (sidecar_exists (path, "-wal"));

  db = dg_test_open_database (path);
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM assistants WHERE name LIKE 'Assistant %'"),
                   ==, CRASH_COMMITTED_ROWS);
  g_assert_cmpint (count_assistants_named (db, "Uncommitted"), ==, 0);
  check = query_text (db, "PRAGMA quick_check");
  g_assert_cmpstr (check, ==, "ok");
  g_clear_object (&db);

  dg_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/database/create/mode", test_create_mode);
  g_test_add_func ("/database/create/parent-folder", test_create_parent_folder);
  dg_test_add_with_database ("/database/create/pragmas", test_create_pragmas);
  g_test_add_func ("/database/migrate/each-version", test_migrate_each_version);
  g_test_add_func ("/database/migrate/current-takes-no-backup", test_migrate_current_takes_no_backup);
  g_test_add_func ("/database/migrate/failure-keeps-old-state", test_migrate_failure_keeps_old_state);
  g_test_add_func ("/database/refuse/newer-version", test_refuse_newer_version);
  g_test_add_func ("/database/refuse/newer-version-rollback-journal", test_refuse_newer_version_rollback_journal);
  g_test_add_func ("/database/refuse/newer-version-relative-path", test_refuse_newer_version_relative_path);
  g_test_add_func ("/database/refuse/random-bytes", test_refuse_random_bytes);
  g_test_add_func ("/database/refuse/text-file", test_refuse_text_file);
  g_test_add_func ("/database/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/database/refuse/other-program", test_refuse_other_program);
  g_test_add_func ("/database/refuse/corrupt", test_refuse_corrupt);
  g_test_add_func ("/database/refuse/folder", test_refuse_folder);
  g_test_add_func ("/database/accept/empty-file", test_accept_empty_file);
  dg_test_add_with_database ("/database/transaction/rollback", test_transaction_rollback);
  dg_test_add_with_database ("/database/transaction/rollback-on-constraint", test_transaction_rollback_on_constraint);
  dg_test_add_with_database ("/database/transaction/commit", test_transaction_commit);
  dg_test_add_with_database ("/database/transaction/nested-inner-fails", test_transaction_nested_inner_fails);
  dg_test_add_with_database ("/database/transaction/nested-outer-fails", test_transaction_nested_outer_fails);
  dg_test_add_with_database ("/database/statement-cache", test_statement_cache);
  g_test_add_func ("/database/crash-safety", test_crash_safety);

  return g_test_run ();
}
