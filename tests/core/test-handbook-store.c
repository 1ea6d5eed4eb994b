/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-handbook-store"

#include <pango/pango.h>
#include <string.h>

#include "dg-handbook-store.h"
#include "dg-test-utils.h"
#include "dg-validation.h"

/* Helpers */

static DgHandbookStore *
make_store (DgDatabase *db)
{
  g_autoptr(GError) error = NULL;
  DgHandbookStore *store = dg_handbook_store_new (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
append_step (DgHandbook *handbook,
             const char *title,
             const char *details)
{
  g_autoptr(DgHandbookStep) step = dg_handbook_step_new (title, details, FALSE, 10);

  dg_handbook_insert_step (handbook, g_list_model_get_n_items (dg_handbook_get_steps (handbook)), step);
}

static DgHandbookStep *
step_at (DgHandbook *handbook,
         guint       position)
{
  DgHandbookStep *step = g_list_model_get_item (dg_handbook_get_steps (handbook), position);

  g_assert_nonnull (step);
  /* Still owned by the handbook after this reference is dropped. */
  g_object_unref (step);
  return step;
}

/* Saves a new handbook titled @title with the steps "Open" and "Check";
 * the store keeps it. */
static DgHandbook *
add_handbook (DgHandbookStore *store,
              const char      *title,
              const char      *purpose)
{
  g_autoptr(DgHandbook) handbook = dg_handbook_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (handbook, "purpose", purpose, NULL);
  append_step (handbook, "Open", "Open the shared drive.");
  append_step (handbook, "Check", "Check every entry twice.");
  g_assert_true (dg_handbook_store_save (store, handbook, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_handbook_get_id (handbook), >, 0);
  return handbook;
}

static int
publish (DgHandbookStore *store,
         DgHandbook      *handbook,
         const char      *note)
{
  g_autoptr(GError) error = NULL;
  int number = dg_handbook_store_publish (store, handbook, note, &error);

  g_assert_no_error (error);
  g_assert_cmpint (number, >, 0);
  return number;
}

static gint64
add_assistant (DgDatabase *db,
               const char *name)
{
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "INSERT INTO assistants (name, time_zone, currency) VALUES (?1, 'Asia/Manila', 'EUR')");

  dg_database_bind_text (stmt, 1, name);
  g_assert_true (dg_database_execute (db, stmt, NULL));
  return dg_database_last_insert_id (db);
}

static GPtrArray *
search (DgHandbookStore *store,
        const char      *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = dg_handbook_store_search (store, query, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static gboolean
search_finds (DgHandbookStore *store,
              const char      *query,
              gint64           id)
{
  g_autoptr(GPtrArray) hits = search (store, query);

  for (guint i = 0; i < hits->len; i++)
    if (((DgHandbookHit *) g_ptr_array_index (hits, i))->handbook_id == id)
      return TRUE;
  return FALSE;
}

static const char *
title_at (GListModel *model,
          guint       position)
{
  g_autoptr(DgHandbook) handbook = g_list_model_get_item (model, position);

  g_assert_nonnull (handbook);
  /* Still owned by the model after this reference is dropped. */
  return dg_handbook_get_title (handbook);
}

/* Tests */

static void
test_save_and_load (DgTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbookStore) reloaded = NULL;
  g_autoptr(DgDatabase) other_db = NULL;
  g_autoptr(DgHandbook) handbook = dg_handbook_new ("  Monatsabschluss 🧾  ");
  g_autoptr(DgHandbookStep) long_step = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_details = g_strnfill (100000, 'y');
  const char *tags[] = { " finance ", "", "monthly\nend of month", "tax, receipts", NULL };
  const char *expected_tags[] = { "finance", "monthly", "end of month", "tax", "receipts", NULL };
  const char *links[] = { "https://example.com/ledger", NULL };
  DgHandbook *loaded;

  g_object_set (handbook,
                "purpose", "Close the month so that the tax adviser gets complete books.\nSecond line.",
                "tags", tags,
                "links", links,
                NULL);
  append_step (handbook, "Export the bank statement", "From the bank’s website, as CSV.");
  append_step (handbook, "تحقق من الفواتير", "راجع كل فاتورة");
  long_step = dg_handbook_step_new ("Read the long guide", long_details, TRUE, 45);
  dg_handbook_insert_step (handbook, 1, long_step);

  g_assert_true (dg_handbook_store_save (store, handbook, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_handbook_get_id (handbook), >, 0);
  /* Saving trims the title, tags and links; a comma separates tags, as in
   * the window's tags field. */
  g_assert_cmpstr (dg_handbook_get_title (handbook), ==, "Monatsabschluss 🧾");
  g_assert_cmpstrv (dg_handbook_get_tags (handbook), expected_tags);
  g_assert_nonnull (dg_handbook_get_date (handbook));
  g_assert_cmpint (dg_handbook_get_version (handbook), ==, 0);
  /* Never published: there is something to publish. */
  g_assert_true (dg_handbook_get_has_changes (handbook));
  g_assert_true (dg_handbook_store_find (store, dg_handbook_get_id (handbook)) == handbook);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* Another connection reads the same content, steps in order. */
  other_db = dg_test_open_database (fixture->path);
  reloaded = make_store (other_db);
  loaded = dg_handbook_store_find (reloaded, dg_handbook_get_id (handbook));
  g_assert_nonnull (loaded);
  g_assert_true (dg_handbook_content_equal (loaded, handbook));
  g_assert_cmpstr (dg_handbook_get_purpose (loaded), ==, dg_handbook_get_purpose (handbook));
  g_assert_cmpstrv (dg_handbook_get_tags (loaded), expected_tags);
  g_assert_cmpstrv (dg_handbook_get_links (loaded), links);
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (loaded, 0)), ==, "Export the bank statement");
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (loaded, 1)), ==, "Read the long guide");
  g_assert_cmpuint (strlen (dg_handbook_step_get_details (step_at (loaded, 1))), ==, 100000);
  g_assert_true (dg_handbook_step_get_checklist (step_at (loaded, 1)));
  g_assert_cmpint (dg_handbook_step_get_minutes (step_at (loaded, 1)), ==, 45);
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (loaded, 2)), ==, "تحقق من الفواتير");
  g_assert_true (g_date_time_equal (dg_handbook_get_date (loaded), dg_handbook_get_date (handbook)));
  g_assert_true (dg_handbook_get_has_changes (loaded));

  /* Reordering and removing steps is saved as well. */
  dg_handbook_move_step (handbook, 2, 0);
  g_object_unref (dg_handbook_remove_step (handbook, 2));
  g_assert_true (dg_handbook_store_save (store, handbook, &error));
  g_assert_no_error (error);
  g_clear_object (&reloaded);
  reloaded = make_store (other_db);
  loaded = dg_handbook_store_find (reloaded, dg_handbook_get_id (handbook));
  g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (loaded)), ==, 2);
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (loaded, 0)), ==, "تحقق من الفواتير");
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (loaded, 1)), ==, "Export the bank statement");
}

/* Nothing typed is lost: a draft is saved without a title and with a step
 * not titled yet, as right after "Add Step"; only publishing needs both. */
static void
test_incomplete_draft_is_saved (DgTestFixture *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbookStore) reloaded = NULL;
  g_autoptr(DgDatabase) other_db = NULL;
  g_autoptr(DgHandbook) untitled = dg_handbook_new ("  ");
  g_autoptr(DgHandbook) open_step = dg_handbook_new ("Onboarding");
  g_autoptr(DgHandbook) copy = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  DgHandbook *loaded;

  g_object_set (untitled, "purpose", "Half-written notes about invoices", NULL);
  g_assert_true (dg_handbook_store_save (store, untitled, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_handbook_get_id (untitled), >, 0);
  g_assert_cmpstr (dg_handbook_get_title (untitled), ==, "");

  append_step (open_step, "Send the welcome mail", "");
  append_step (open_step, "", "Ask for the logo files");
  g_assert_true (dg_handbook_store_save (store, open_step, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_handbook_get_id (open_step), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_steps WHERE title = ''"), ==, 1);

  /* Another connection reads both back as they were typed. */
  other_db = dg_test_open_database (fixture->path);
  reloaded = make_store (other_db);
  loaded = dg_handbook_store_find (reloaded, dg_handbook_get_id (untitled));
  g_assert_nonnull (loaded);
  g_assert_true (dg_handbook_content_equal (loaded, untitled));
  g_assert_cmpstr (dg_handbook_get_purpose (loaded), ==, "Half-written notes about invoices");
  loaded = dg_handbook_store_find (reloaded, dg_handbook_get_id (open_step));
  g_assert_nonnull (loaded);
  g_assert_true (dg_handbook_content_equal (loaded, open_step));
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (loaded, 1)), ==, "");
  g_assert_cmpstr (dg_handbook_step_get_details (step_at (loaded, 1)), ==, "Ask for the logo files");

  /* Search finds whatever text there is. */
  hits = dg_handbook_store_search (store, "logo", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((DgHandbookHit *) g_ptr_array_index (hits, 0))->handbook_id, ==, dg_handbook_get_id (open_step));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = dg_handbook_store_search (store, "invoices", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((DgHandbookHit *) g_ptr_array_index (hits, 0))->handbook_id, ==, dg_handbook_get_id (untitled));

  /* A copy of an untitled draft is untitled too, not " (Copy)". */
  copy = dg_handbook_store_duplicate (store, untitled, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_handbook_get_title (copy), ==, "");

  /* Publishing either is refused with the reason, and nothing is frozen. */
  g_assert_cmpint (dg_handbook_store_publish (store, untitled, "", &error), ==, 0);
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (dg_handbook_store_publish (store, open_step, "", &error), ==, 0);
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
  dg_test_assert_error_mentions (error, "2");
  g_clear_error (&error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_versions"), ==, 0);
  g_assert_cmpint (dg_handbook_get_version (open_step), ==, 0);

  /* Completed, they publish. */
  g_object_set (untitled, "title", "Invoices", NULL);
  g_assert_cmpint (publish (store, untitled, ""), ==, 1);
  g_object_set (step_at (open_step, 1), "title", "Collect the logo", NULL);
  g_assert_cmpint (publish (store, open_step, "First version"), ==, 1);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_version_steps WHERE title = ''"), ==, 0);
}

/* The schema itself keeps a published version complete, whatever the
 * code above it does. */
static void
test_published_titles_are_required (DgTestFixture *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  DgHandbook *handbook = add_handbook (store, "Travel booking", "");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_cmpint (dg_handbook_get_id (handbook), >, 0);
  stmt = dg_test_prepare (fixture->db,
                          "INSERT INTO handbook_versions (handbook_id, number, title, published_at) "
                          "SELECT id, 1, ' ', '2026-11-28T09:00:00Z' FROM handbooks");
  g_assert_false (dg_database_execute (fixture->db, stmt, &error));
  g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  publish (store, handbook, "");
  stmt = dg_test_prepare (fixture->db,
                          "INSERT INTO handbook_version_steps (version_id, position, title) "
                          "SELECT id, 99, '' FROM handbook_versions");
  g_assert_false (dg_database_execute (fixture->db, stmt, &error));
  g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CONSTRAINT);
}

static void
test_sorted_by_title (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbookStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  DgHandbook *zebra;

  add_handbook (store, "invoices", "");
  zebra = add_handbook (store, "Zebra crossing", "");
  add_handbook (store, "Appointments", "");
  add_handbook (store, "cleaning", "");

  g_assert_cmpstr (title_at (G_LIST_MODEL (store), 0), ==, "Appointments");
  g_assert_cmpstr (title_at (G_LIST_MODEL (store), 3), ==, "Zebra crossing");

  /* A renamed handbook moves to its new place. */
  g_object_set (zebra, "title", "Backups", NULL);
  g_assert_true (dg_handbook_store_save (store, zebra, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (title_at (G_LIST_MODEL (store), 1), ==, "Backups");

  /* Loading sorts the same way. */
  reloaded = make_store (fixture->db);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (title_at (G_LIST_MODEL (reloaded), i), ==, title_at (G_LIST_MODEL (store), i));
}

static void
test_save_a_copy (DgTestFixture *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  DgHandbook *handbook = add_handbook (store, "Payroll", "");
  g_autoptr(DgHandbook) edited = dg_handbook_copy (handbook);
  g_autoptr(GError) error = NULL;

  /* An editor may work on a copy: saving it updates the draft in the list. */
  g_object_set (edited, "purpose", "Pay everyone on time.", NULL);
  append_step (edited, "Send payslips", "");
  g_assert_true (dg_handbook_store_save (store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpstr (dg_handbook_get_purpose (handbook), ==, "Pay everyone on time.");
  g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (handbook)), ==, 3);
  g_assert_true (dg_handbook_content_equal (handbook, edited));
}

static void
test_publish_versions (DgTestFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbookStore) reloaded = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(DgHandbook) first = NULL;
  g_autoptr(GError) error = NULL;
  DgHandbook *handbook = add_handbook (store, "Customer calls", "Answer within a day.");
  DgHandbook *loaded;
  DgHandbook *version;

  g_assert_cmpint (publish (store, handbook, "  First version  "), ==, 1);
  g_assert_cmpint (dg_handbook_get_version (handbook), ==, 1);
  g_assert_false (dg_handbook_get_has_changes (handbook));
  g_assert_false (dg_handbook_get_published (handbook));

  /* An edit makes the draft differ from version 1. */
  g_object_set (step_at (handbook, 1), "details", "Check every entry three times.", NULL);
  g_assert_true (dg_handbook_store_save (store, handbook, &error));
  g_assert_no_error (error);
  g_assert_true (dg_handbook_get_has_changes (handbook));
  g_assert_cmpint (dg_handbook_get_version (handbook), ==, 1);

  /* Loading computes the same. */
  reloaded = make_store (fixture->db);
  loaded = dg_handbook_store_find (reloaded, dg_handbook_get_id (handbook));
  g_assert_true (dg_handbook_get_has_changes (loaded));
  g_assert_cmpint (dg_handbook_get_version (loaded), ==, 1);
  g_clear_object (&reloaded);

  g_assert_cmpint (publish (store, handbook, "Stricter checking"), ==, 2);
  g_assert_false (dg_handbook_get_has_changes (handbook));
  reloaded = make_store (fixture->db);
  loaded = dg_handbook_store_find (reloaded, dg_handbook_get_id (handbook));
  g_assert_false (dg_handbook_get_has_changes (loaded));
  g_assert_cmpint (dg_handbook_get_version (loaded), ==, 2);

  /* Every published version stays readable, newest first. */
  versions = dg_handbook_store_list_versions (store, dg_handbook_get_id (handbook), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  version = g_ptr_array_index (versions, 0);
  g_assert_cmpint (dg_handbook_get_version (version), ==, 2);
  g_assert_true (dg_handbook_get_published (version));
  g_assert_cmpstr (dg_handbook_get_change_note (version), ==, "Stricter checking");
  g_assert_nonnull (dg_handbook_get_date (version));
  g_assert_true (dg_handbook_content_equal (version, handbook));

  first = dg_handbook_store_get_version (store, dg_handbook_get_id (handbook), 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpint (dg_handbook_get_id (first), ==, dg_handbook_get_id (handbook));
  g_assert_cmpstr (dg_handbook_get_change_note (first), ==, "First version");
  g_assert_cmpstr (dg_handbook_step_get_details (step_at (first, 1)), ==, "Check every entry twice.");
  g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (first)), ==, 2);

  g_assert_null (dg_handbook_store_get_version (store, dg_handbook_get_id (handbook), 3, &error));
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND);
  dg_test_assert_error_mentions (error, "3");
}

static void
test_publish_new_handbook (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbook) handbook = dg_handbook_new ("Travel booking");
  g_autoptr(DgHandbook) invalid = dg_handbook_new ("");
  g_autoptr(GError) error = NULL;

  /* Publishing saves first: a handbook never saved gets its id and version 1. */
  append_step (handbook, "Compare fares", "");
  g_assert_cmpint (publish (store, handbook, ""), ==, 1);
  g_assert_cmpint (dg_handbook_get_id (handbook), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  g_assert_cmpint (dg_handbook_store_publish (store, invalid, "", &error), ==, 0);
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_versions"), ==, 1);
}

static void
test_publish_without_changes (DgTestFixture *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbookStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  DgHandbook *handbook = add_handbook (store, "Social media", "");

  publish (store, handbook, "");
  g_assert_cmpint (dg_handbook_store_publish (store, handbook, "Again", &error), ==, 0);
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NO_CHANGES);
  g_clear_error (&error);

  /* Changes that are undone again leave nothing to publish either. */
  g_object_set (handbook, "purpose", "Something", NULL);
  g_object_set (handbook, "purpose", "", NULL);
  reloaded = make_store (fixture->db);
  g_assert_cmpint (dg_handbook_store_publish (reloaded, dg_handbook_store_find (reloaded, dg_handbook_get_id (handbook)), "", &error), ==, 0);
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NO_CHANGES);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_versions"), ==, 1);
  g_clear_error (&error);

  /* Tags count as content. */
  g_object_set (handbook, "tags", (const char *[]) { "marketing", NULL }, NULL);
  g_assert_cmpint (publish (store, handbook, ""), ==, 2);
}

static void
test_published_versions_cannot_change (DgTestFixture *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbook) version = NULL;
  g_autoptr(GError) error = NULL;
  DgHandbook *handbook = add_handbook (store, "Backups", "");
  sqlite3_stmt *stmt;

  publish (store, handbook, "");

  /* Not even raw SQL changes a published version. */
  stmt = dg_test_prepare (fixture->db, "UPDATE handbook_versions SET title = 'Changed'");
  g_assert_false (dg_database_execute (fixture->db, stmt, &error));
  g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  stmt = dg_test_prepare (fixture->db, "UPDATE handbook_version_steps SET details = 'Changed'");
  g_assert_false (dg_database_execute (fixture->db, stmt, &error));
  g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  stmt = dg_test_prepare (fixture->db, "DELETE FROM handbook_version_steps");
  g_assert_false (dg_database_execute (fixture->db, stmt, &error));
  g_clear_error (&error);
  stmt = dg_test_prepare (fixture->db, "DELETE FROM handbook_versions");
  g_assert_false (dg_database_execute (fixture->db, stmt, &error));
  g_clear_error (&error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_version_steps"), ==, 2);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_versions WHERE title = 'Backups'"), ==, 1);

  /* Nor does the store. */
  version = dg_handbook_store_get_version (store, dg_handbook_get_id (handbook), 1, &error);
  g_assert_no_error (error);
  g_object_set (version, "title", "Changed", NULL);
  g_assert_false (dg_handbook_store_save (store, version, &error));
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_PUBLISHED);
  g_clear_error (&error);
  g_assert_false (dg_handbook_store_archive (store, version, &error));
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_PUBLISHED);
  g_assert_cmpstr (dg_handbook_get_title (handbook), ==, "Backups");
}

static void
test_acknowledgements (DgTestFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(GPtrArray) acks = NULL;
  g_autoptr(GError) error = NULL;
  DgHandbook *handbook = add_handbook (store, "Data protection", "");
  gint64 id = dg_handbook_get_id (handbook);
  gint64 maria = add_assistant (fixture->db, "Maria Santos");
  gint64 ana = add_assistant (fixture->db, "ana Reyes");
  DgAcknowledgement *ack;

  /* Nothing published yet: nothing to acknowledge. */
  g_assert_false (dg_handbook_store_acknowledge (store, id, maria, 1, "2026-03-02", &error));
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  publish (store, handbook, "");
  g_assert_true (dg_handbook_store_acknowledge (store, id, maria, 1, "2026-03-02", &error));
  g_assert_no_error (error);
  g_assert_true (dg_handbook_store_acknowledge (store, id, ana, 1, "2026-03-03", &error));
  g_assert_no_error (error);

  acks = dg_handbook_store_list_acknowledgements (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acks->len, ==, 2);
  ack = g_ptr_array_index (acks, 0);
  g_assert_cmpstr (ack->assistant_name, ==, "ana Reyes");
  g_assert_cmpint (ack->assistant_id, ==, ana);
  g_assert_cmpint (ack->version, ==, 1);
  g_assert_cmpstr (ack->date, ==, "2026-03-03");
  g_assert_false (ack->outdated);
  g_clear_pointer (&acks, g_ptr_array_unref);

  /* A new version makes both acknowledgements stale. */
  append_step (handbook, "Lock the screen", "");
  publish (store, handbook, "Screen locking");
  acks = dg_handbook_store_list_acknowledgements (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (((DgAcknowledgement *) g_ptr_array_index (acks, 0))->outdated);
  g_assert_true (((DgAcknowledgement *) g_ptr_array_index (acks, 1))->outdated);
  g_clear_pointer (&acks, g_ptr_array_unref);

  /* Acknowledging the new version replaces the old record. */
  g_assert_true (dg_handbook_store_acknowledge (store, id, maria, 2, "2026-04-01", &error));
  g_assert_no_error (error);
  acks = dg_handbook_store_list_acknowledgements (store, id, &error);
  g_assert_cmpuint (acks->len, ==, 2);
  ack = g_ptr_array_index (acks, 1);
  g_assert_cmpstr (ack->assistant_name, ==, "Maria Santos");
  g_assert_cmpint (ack->version, ==, 2);
  g_assert_cmpstr (ack->date, ==, "2026-04-01");
  g_assert_false (ack->outdated);
  g_assert_true (((DgAcknowledgement *) g_ptr_array_index (acks, 0))->outdated);

  /* Unknown versions, bad dates and unknown assistants are refused. */
  g_assert_false (dg_handbook_store_acknowledge (store, id, maria, 3, "2026-04-01", &error));
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND);
  dg_test_assert_error_mentions (error, "3");
  g_clear_error (&error);
  g_assert_false (dg_handbook_store_acknowledge (store, id, maria, 2, "2026-02-30", &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dg_handbook_store_acknowledge (store, id, maria + ana + 100, 2, "2026-04-01", &error));
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_acknowledgements"), ==, 2);
}

static void
test_delete (DgTestFixture *fixture,
             gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgHandbook) handbook = g_object_ref (add_handbook (store, "Shipping returns", ""));
  DgHandbook *other = add_handbook (store, "Shipping orders", "");
  gint64 id = dg_handbook_get_id (handbook);
  gint64 maria = add_assistant (fixture->db, "Maria Santos");

  publish (store, handbook, "");
  publish (store, other, "");
  g_assert_true (dg_handbook_store_acknowledge (store, id, maria, 1, "2026-03-02", &error));
  g_assert_no_error (error);

  /* An acknowledgement is a record of what someone read: it keeps the
   * handbook from being deleted. */
  g_assert_false (dg_handbook_store_delete (store, handbook, &error));
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_IN_USE);
  dg_test_assert_error_mentions (error, "archive");
  g_clear_error (&error);
  g_assert_true (dg_handbook_store_find (store, id) == handbook);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbooks"), ==, 2);
  /* The refused delete was rolled back whole, search index included. */
  g_assert_true (search_finds (store, "returns", id));

  dg_test_execute (fixture->db, "DELETE FROM handbook_acknowledgements");
  g_assert_true (dg_handbook_store_delete (store, handbook, &error));
  g_assert_no_error (error);
  g_assert_null (dg_handbook_store_find (store, id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* Its steps and versions went with it; the other handbook's stayed. */
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbooks"), ==, 1);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_steps"), ==, 2);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_versions"), ==, 1);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_version_steps"), ==, 2);
  g_assert_false (search_finds (store, "returns", id));
  g_assert_true (search_finds (store, "shipping", dg_handbook_get_id (other)));

  /* Deleting it twice says that it is gone. */
  g_assert_false (dg_handbook_store_delete (store, handbook, &error));
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND);
}

static void
test_archive (DgTestFixture *fixture,
              gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbookStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  DgHandbook *handbook = add_handbook (store, "Old newsletter routine", "");
  gint64 id = dg_handbook_get_id (handbook);

  g_assert_true (search_finds (store, "newsletter", id));
  g_assert_true (dg_handbook_store_archive (store, handbook, &error));
  g_assert_no_error (error);
  g_assert_true (dg_handbook_get_archived (handbook));
  g_assert_false (search_finds (store, "newsletter", id));
  /* Still listed: the list shows archived handbooks too. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* Saving an archived handbook keeps it out of search. */
  g_object_set (handbook, "purpose", "Kept for reference.", NULL);
  g_assert_true (dg_handbook_store_save (store, handbook, &error));
  g_assert_no_error (error);
  g_assert_false (search_finds (store, "newsletter", id));

  reloaded = make_store (fixture->db);
  g_assert_true (dg_handbook_get_archived (dg_handbook_store_find (reloaded, id)));

  g_assert_true (dg_handbook_store_restore (store, handbook, &error));
  g_assert_no_error (error);
  g_assert_false (dg_handbook_get_archived (handbook));
  g_assert_true (search_finds (store, "newsletter", id));
  g_assert_true (search_finds (store, "reference", id));
}

static void
test_duplicate (DgTestFixture *fixture,
                gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbook) copy = NULL;
  g_autoptr(GError) error = NULL;
  DgHandbook *handbook = add_handbook (store, "Expense reports", "Monthly");

  publish (store, handbook, "");
  g_assert_true (dg_handbook_store_archive (store, handbook, &error));
  copy = dg_handbook_store_duplicate (store, handbook, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpint (dg_handbook_get_id (copy), >, dg_handbook_get_id (handbook));
  g_assert_nonnull (strstr (dg_handbook_get_title (copy), "Expense reports"));
  g_assert_cmpstr (dg_handbook_get_title (copy), !=, "Expense reports");
  g_assert_cmpstr (dg_handbook_get_purpose (copy), ==, "Monthly");
  g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (copy)), ==, 2);
  g_assert_true (step_at (copy, 0) != step_at (handbook, 0));
  /* A new handbook: not published, not archived, in the list. */
  g_assert_cmpint (dg_handbook_get_version (copy), ==, 0);
  g_assert_false (dg_handbook_get_archived (copy));
  g_assert_true (dg_handbook_store_find (store, dg_handbook_get_id (copy)) == copy);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
}

static void
test_search_prefix_and_accents (DgTestFixture *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  gint64 appointments = dg_handbook_get_id (add_handbook (store, "Appointment reminders", ""));
  gint64 cafe = dg_handbook_get_id (add_handbook (store, "Café orders", "Order beans weekly."));
  gint64 resume = dg_handbook_get_id (add_handbook (store, "Screening a résumé", ""));
  g_autoptr(DgHandbook) tagged = dg_handbook_new ("Quarterly report");
  g_autoptr(GError) error = NULL;

  g_object_set (tagged, "tags", (const char *[]) { "Steuerberater", NULL }, NULL);
  append_step (tagged, "Collect figures", "Ask the Straße office for the numbers.");
  g_assert_true (dg_handbook_store_save (store, tagged, &error));
  g_assert_no_error (error);

  g_assert_true (search_finds (store, "appoint", appointments));
  g_assert_true (search_finds (store, "APPOINTMENT", appointments));
  g_assert_true (search_finds (store, "cafe", cafe));
  g_assert_true (search_finds (store, "café", cafe));
  g_assert_true (search_finds (store, "resume", resume));
  g_assert_true (search_finds (store, "steuer", dg_handbook_get_id (tagged)));
  g_assert_true (search_finds (store, "figures straße", dg_handbook_get_id (tagged)));
  /* Every word must match. */
  g_assert_false (search_finds (store, "cafe reminders", cafe));
  g_assert_false (search_finds (store, "zeppelin", cafe));
  /* Step details are searched too. */
  g_assert_true (search_finds (store, "shared drive", cafe));
}

static void
test_search_ranking_and_snippet (DgTestFixture *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbook) routine = dg_handbook_new ("Monthly routine");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 invoicing;
  DgHandbookHit *hit;

  append_step (routine, "Tidy up", "Archive every invoice & receipt in the <Finance> folder.");
  g_assert_true (dg_handbook_store_save (store, routine, &error));
  g_assert_no_error (error);
  invoicing = dg_handbook_get_id (add_handbook (store, "Invoice checks", "Before sending anything."));

  /* A match in the title ranks above one in a step's details. */
  hits = search (store, "invoice");
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (((DgHandbookHit *) g_ptr_array_index (hits, 0))->handbook_id, ==, invoicing);
  g_assert_cmpstr (((DgHandbookHit *) g_ptr_array_index (hits, 0))->title, ==, "Invoice checks");
  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpint (hit->handbook_id, ==, dg_handbook_get_id (routine));
  g_assert_cmpstr (hit->title, ==, "Monthly routine");

  /* The snippet is markup: the text escaped, the match in bold. */
  g_test_message ("snippet: %s", hit->snippet);
  g_assert_nonnull (strstr (hit->snippet, "<b>invoice</b>"));
  g_assert_nonnull (strstr (hit->snippet, "&amp;"));
  g_assert_nonnull (strstr (hit->snippet, "&lt;Finance&gt;"));
  g_assert_null (strchr (hit->snippet, '\002'));
  g_assert_true (pango_parse_markup (hit->snippet, -1, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = dg_handbook_store_search (store, "invoice", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
test_search_any_text (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  static const char * const queries[] = {
    "\"foo\" OR (bar", "*", "NEAR(", "\"", "title:open", "-check", "^open",
    "open AND", "NOT", "a OR b NOT c", "'; DROP TABLE handbooks; --", "{title purpose}: x",
    "\xff\xfe broken utf-8", "open\"*", "   ", "", "🧾", "))))((((",
  };
  gint64 id = dg_handbook_get_id (add_handbook (store, "Open the shop", ""));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = NULL;

      g_test_message ("query: %s", queries[i]);
      hits = dg_handbook_store_search (store, queries[i], 10, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }

  /* Syntax is ignored, the words still count. */
  g_assert_true (search_finds (store, "\"open\" (shop", id));
  g_assert_true (search_finds (store, "open* -shop)", id));
  {
    g_autoptr(GPtrArray) hits = search (store, "   ");

    g_assert_cmpuint (hits->len, ==, 0);
  }
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbooks"), ==, 1);
}

static void
test_search_many (DgTestFixture *fixture,
                  gconstpointer  user_data)
{
  static const char * const words[] = {
    "invoice", "customer", "backup", "newsletter", "payroll", "shipping",
    "appointment", "calendar", "review", "report", "onboarding", "supplier",
  };
  g_autoptr(DgHandbookStore) store = make_store (fixture->db);
  g_autoptr(DgHandbookStore) reloaded = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s %s %u", words[i % G_N_ELEMENTS (words)],
                                                words[(i / 7) % G_N_ELEMENTS (words)], i);
      g_autoptr(DgHandbook) handbook = dg_handbook_new (title);

      append_step (handbook, words[(i / 3) % G_N_ELEMENTS (words)], "Follow the checklist.");
      g_assert_true (dg_handbook_store_save (store, handbook, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2000);

  hits = dg_handbook_store_search (store, "payroll", 5000, &error);
  g_assert_no_error (error);
  /* Title or step: at least every sixth handbook has the word. */
  g_assert_cmpuint (hits->len, >=, 2000 / G_N_ELEMENTS (words));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (store, "calendar repo 1999");
  g_assert_cmpuint (hits->len, >=, 1);

  reloaded = make_store (fixture->db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2000);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init (&argc, &argv);

  dg_test_add_with_database ("/handbook-store/save-and-load", test_save_and_load);
  dg_test_add_with_database ("/handbook-store/incomplete-draft-is-saved", test_incomplete_draft_is_saved);
  dg_test_add_with_database ("/handbook-store/published-titles-are-required", test_published_titles_are_required);
  dg_test_add_with_database ("/handbook-store/sorted-by-title", test_sorted_by_title);
  dg_test_add_with_database ("/handbook-store/save-a-copy", test_save_a_copy);
  dg_test_add_with_database ("/handbook-store/publish/versions", test_publish_versions);
  dg_test_add_with_database ("/handbook-store/publish/new-handbook", test_publish_new_handbook);
  dg_test_add_with_database ("/handbook-store/publish/without-changes", test_publish_without_changes);
  dg_test_add_with_database ("/handbook-store/publish/versions-cannot-change", test_published_versions_cannot_change);
  dg_test_add_with_database ("/handbook-store/acknowledgements", test_acknowledgements);
  dg_test_add_with_database ("/handbook-store/delete", test_delete);
  dg_test_add_with_database ("/handbook-store/archive", test_archive);
  dg_test_add_with_database ("/handbook-store/duplicate", test_duplicate);
  dg_test_add_with_database ("/handbook-store/search/prefix-and-accents", test_search_prefix_and_accents);
  dg_test_add_with_database ("/handbook-store/search/ranking-and-snippet", test_search_ranking_and_snippet);
  dg_test_add_with_database ("/handbook-store/search/any-text", test_search_any_text);
  dg_test_add_with_database ("/handbook-store/search/many", test_search_many);

  return g_test_run ();
}
