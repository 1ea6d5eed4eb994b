/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-task-store"

#include <string.h>

#include "dg-assistant-store.h"
#include "dg-database-private.h"
#include "dg-handbook-store.h"
#include "dg-recurrence.h"
#include "dg-task-store.h"
#include "dg-test-utils.h"
#include "dg-validation.h"

/* Helpers */

static DgTaskStore *
make_store (DgDatabase *db)
{
  g_autoptr(GError) error = NULL;
  DgTaskStore *store = dg_task_store_new (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
add_assistant (DgDatabase *db,
               const char *name,
               const char *time_zone)
{
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "INSERT INTO assistants (name, time_zone, currency) VALUES (?1, ?2, 'EUR')");

  dg_database_bind_text (stmt, 1, name);
  dg_database_bind_text (stmt, 2, time_zone);
  g_assert_true (dg_database_execute (db, stmt, NULL));
  return dg_database_last_insert_id (db);
}

/* A handbook with one step, published @versions times (0: a draft only). */
static DgHandbook *
add_handbook (DgHandbookStore *store,
              const char      *title,
              int              versions)
{
  g_autoptr(DgHandbook) handbook = dg_handbook_new (title);
  g_autoptr(DgHandbookStep) step = dg_handbook_step_new ("Open the portal", "", FALSE, 10);
  g_autoptr(GError) error = NULL;

  dg_handbook_insert_step (handbook, 0, step);
  g_assert_true (dg_handbook_store_save (store, handbook, &error));
  g_assert_no_error (error);
  for (int i = 1; i <= versions; i++)
    {
      g_autofree char *purpose = g_strdup_printf ("Revision %d", i);

      g_object_set (handbook, "purpose", purpose, NULL);
      g_assert_cmpint (dg_handbook_store_publish (store, handbook, purpose, &error), ==, i);
      g_assert_no_error (error);
    }
  return g_object_ref (handbook);
}

static DgTask *
new_task (const char *title,
          gint64      assistant_id,
          const char *due_date,
          const char *due_time,
          const char *rrule)
{
  DgTask *task = dg_task_new (title);

  g_object_set (task,
                "assistant-id", assistant_id,
                "due-date", due_date,
                "due-time", due_time,
                "rrule", rrule,
                NULL);
  return task;
}

/* Adds a task due in the assistant's zone; the store keeps it, and the
 * caller gets a reference too. */
static DgTask *
add_task (DgTaskStore *store,
          const char  *title,
          gint64       assistant_id,
          const char  *due_date,
          const char  *due_time,
          const char  *rrule)
{
  g_autoptr(DgTask) task = new_task (title, assistant_id, due_date, due_time, rrule);
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_task_store_add (store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_task_get_id (task), >, 0);
  return g_steal_pointer (&task);
}

static GDateTime *
make_time (const char *zone_id,
           int         year,
           int         month,
           int         day,
           int         hour,
           int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);

  g_assert_nonnull (zone);
  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static DgTaskStatus
status_of (DgTaskStore *store,
           DgTask      *task,
           const char  *recurrence_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTaskOccurrence) occurrence = dg_task_store_get_occurrence (store, task, recurrence_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (occurrence);
  return occurrence ? dg_task_occurrence_get_status (occurrence) : DG_TASK_STATUS_OPEN;
}

static void
set_status (DgTaskStore  *store,
            DgTask       *task,
            const char   *recurrence_id,
            DgTaskStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_task_store_set_status (store, task, recurrence_id, status, &error));
  g_assert_no_error (error);
}

static guint
count_overrides (DgTaskStore *store,
                 DgTask      *task)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overrides = dg_task_store_list_overrides (store, task, &error);

  g_assert_no_error (error);
  g_assert_nonnull (overrides);
  return overrides ? overrides->len : 0;
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* Tests */

static void
test_add_find_list (DgTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Asia/Manila");
  g_autoptr(DgTask) later = add_task (store, "Send the newsletter", maria, "2026-12-03", "10:00", "");
  g_autoptr(DgTask) earlier = add_task (store, "Reconcile the bank account", maria, "2026-12-01", "", "");
  g_autoptr(DgTask) same_day = add_task (store, "Answer support mail", maria, "2026-12-01", "", "");
  g_autoptr(DgTask) first = NULL;
  guint changes = 0;

  g_signal_connect_swapped (store, "occurrences-changed", G_CALLBACK (count_signal), &changes);

  /* The zone became the assistant's, the UID is new and stable. */
  g_assert_cmpstr (dg_task_get_time_zone (later), ==, "Asia/Manila");
  g_assert_true (g_str_has_suffix (dg_task_get_uid (later), "@delegate"));
  g_assert_cmpuint (strlen (dg_task_get_uid (later)), ==, 36 + strlen ("@delegate"));
  g_assert_cmpstr (dg_task_get_uid (later), !=, dg_task_get_uid (earlier));
  g_assert_true (g_str_has_suffix (dg_task_get_created_at (later), "Z"));
  g_assert_cmpstr (dg_task_get_assistant_name (later), ==, "Maria Santos");
  g_assert_cmpstr (dg_task_get_assistant_time_zone (later), ==, "Asia/Manila");

  /* By due date and time, then title. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_true (first == same_day);
  g_assert_true (dg_task_store_find (store, dg_task_get_id (earlier)) == earlier);
  g_assert_true (dg_task_store_find_by_uid (store, dg_task_get_uid (later)) == later);
  g_assert_null (dg_task_store_find (store, 9999));
  g_assert_null (dg_task_store_find_by_uid (store, "nobody@delegate"));

  /* What a fresh store reads back is what was added. */
  {
    g_autoptr(DgTaskStore) again = make_store (fixture->db);
    DgTask *read = dg_task_store_find_by_uid (again, dg_task_get_uid (later));

    g_assert_nonnull (read);
    g_assert_cmpstr (dg_task_get_title (read), ==, "Send the newsletter");
    g_assert_cmpstr (dg_task_get_due_date (read), ==, "2026-12-03");
    g_assert_cmpstr (dg_task_get_due_time (read), ==, "10:00");
    g_assert_cmpstr (dg_task_get_time_zone (read), ==, "Asia/Manila");
    g_assert_cmpstr (dg_task_get_assistant_name (read), ==, "Maria Santos");
  }

  set_status (store, earlier, NULL, DG_TASK_STATUS_DONE);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (dg_task_get_status (earlier), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (dg_task_get_percent_complete (earlier), ==, 100);
  g_assert_true (g_str_has_suffix (dg_task_get_completed_at (earlier), "Z"));
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM tasks WHERE status = 'done'"), ==, 1);
}

static void
test_order_ignores_case (DgTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Asia/Manila");
  g_autoptr(DgTask) banana = add_task (store, "banana", maria, "2026-12-01", "09:00", "");
  g_autoptr(DgTask) apple = add_task (store, "Apple", maria, "2026-12-01", "09:00", "");
  g_autoptr(DgTask) cherry = add_task (store, "cherry", maria, "2026-12-01", "09:00", "");
  g_autoptr(DgTask) renamed = NULL;
  g_autoptr(GError) error = NULL;
  DgTask *expected[] = { apple, banana, cherry };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(DgTask) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (item == expected[i]);
    }

  /* A new title takes its new place. */
  renamed = dg_task_copy (apple);
  g_object_set (renamed, "title", "Date", NULL);
  g_assert_true (dg_task_store_update (store, renamed, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DgTask) last = g_list_model_get_item (G_LIST_MODEL (store), 2);

    g_assert_true (last == apple);
  }
}

static void
test_add_refused (DgTestFixture *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Asia/Manila");
  g_autoptr(DgTask) no_title = new_task ("  ", maria, "2026-12-01", "", "");
  g_autoptr(DgTask) nobody = new_task ("Pay", 4242, "2026-12-01", "", "");
  g_autoptr(DgTask) archived = new_task ("Pay", maria, "2026-12-01", "", "");
  g_autoptr(DgTask) bad_rule = new_task ("Pay", maria, "2026-12-01", "", "FREQ=SECONDLY");
  g_autoptr(DgTask) wednesday = new_task ("Pay", maria, "2026-12-02", "09:00", "FREQ=WEEKLY;BYDAY=MO;COUNT=3");
  g_autoptr(GError) error = NULL;

  g_assert_false (dg_task_store_add (store, no_title, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  g_assert_false (dg_task_store_add (store, nobody, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (dg_task_store_add (store, bad_rule, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, error->code);
  g_clear_error (&error);
  /* A refused task is left as typed. */
  g_assert_cmpint (dg_task_get_id (bad_rule), ==, 0);
  g_assert_cmpstr (dg_task_get_time_zone (bad_rule), ==, "");

  /* A weekly rule on Mondays cannot start on a Wednesday, nor be moved
   * there by an update. */
  g_assert_false (dg_task_store_add (store, wednesday, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
  dg_test_assert_error_mentions (error, "Wednesday, 2 December 2026 is not one of the rule");
  g_clear_error (&error);
  {
    g_autoptr(DgTask) monday = add_task (store, "Pay", maria, "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO;COUNT=3");
    g_autoptr(DgTask) moved = dg_task_copy (monday);

    g_object_set (moved, "due-date", "2026-12-02", NULL);
    g_assert_false (dg_task_store_update (store, moved, &error));
    dg_test_assert_error_mentions (error, "Wednesday, 2 December 2026");
    g_clear_error (&error);
    g_assert_cmpstr (dg_task_get_due_date (monday), ==, "2026-11-30");
    g_assert_true (dg_task_store_delete (store, monday, &error));
    g_assert_no_error (error);
  }

  dg_test_execute (fixture->db, "UPDATE assistants SET active = 0");
  g_assert_false (dg_task_store_add (store, archived, &error));
  dg_test_assert_error_mentions (error, "archived");
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM tasks"), ==, 0);
}

static void
test_rule_normalized (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) task = add_task (store, "Payroll", maria, "2026-11-30", "09:00", "rrule:freq=weekly;byday=mo");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = dg_rrule_normalize ("RRULE:FREQ=WEEKLY;BYDAY=MO", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (dg_task_get_rrule (task), ==, expected);
  g_assert_false (g_str_has_prefix (dg_task_get_rrule (task), "RRULE:"));
}

static void
test_update_and_delete (DgTestFixture *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Asia/Manila");
  gint64 jon = add_assistant (fixture->db, "Jon Reyes", "America/New_York");
  g_autoptr(DgTask) a = add_task (store, "A task", maria, "2026-12-01", "", "");
  g_autoptr(DgTask) b = add_task (store, "B task", maria, "2026-12-02", "", "");
  g_autoptr(DgTask) changes = dg_task_copy (a);
  g_autoptr(DgTask) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = g_strdup (dg_task_get_uid (a));

  g_object_set (changes,
                "title", "A task, renamed",
                "due-date", "2026-12-09",
                "assistant-id", jon,
                "time-zone", "America/New_York",
                "uid", "hijacked@example.com",
                "billing", DG_TASK_BILLING_FIXED_FEE,
                "billing-amount", (gint64) 12000,
                NULL);
  g_assert_true (dg_task_store_update (store, changes, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (dg_task_get_title (a), ==, "A task, renamed");
  g_assert_cmpstr (dg_task_get_uid (a), ==, uid);
  g_assert_cmpstr (dg_task_get_assistant_name (a), ==, "Jon Reyes");
  g_assert_cmpint (dg_task_get_billing_amount (a), ==, 12000);
  /* It moved behind B. */
  second = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_true (second == a);

  {
    g_autoptr(DgTaskStore) again = make_store (fixture->db);
    DgTask *read = dg_task_store_find_by_uid (again, uid);

    g_assert_nonnull (read);
    g_assert_cmpstr (dg_task_get_title (read), ==, "A task, renamed");
    g_assert_cmpint (dg_task_get_billing (read), ==, DG_TASK_BILLING_FIXED_FEE);
  }

  /* An invalid change writes nothing. */
  g_object_set (changes, "title", "", NULL);
  g_assert_false (dg_task_store_update (store, changes, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpstr (dg_task_get_title (a), ==, "A task, renamed");

  g_assert_true (dg_task_store_delete (store, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_null (dg_task_store_find (store, dg_task_get_id (b)));
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM tasks"), ==, 1);

  /* Deleting it twice says so. */
  g_assert_false (dg_task_store_delete (store, b, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND);
}

static void
test_handbook_version_pinned (DgTestFixture *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  g_autoptr(DgHandbookStore) handbooks = dg_handbook_store_new (fixture->db, NULL);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Asia/Manila");
  g_autoptr(DgHandbook) payroll = add_handbook (handbooks, "Payroll", 2);
  g_autoptr(DgHandbook) other = add_handbook (handbooks, "Invoices", 1);
  g_autoptr(DgTask) task = new_task ("Run payroll", maria, "2026-12-01", "", "");
  g_autoptr(DgTask) changes = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (task, "handbook-id", dg_handbook_get_id (payroll), NULL);
  g_assert_true (dg_task_store_add (store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_task_get_handbook_version (task), ==, 2);
  g_assert_cmpstr (dg_task_get_handbook_title (task), ==, "Payroll");

  /* A newer version does not change the task by itself. */
  g_object_set (payroll, "purpose", "Revision 3", NULL);
  g_assert_cmpint (dg_handbook_store_publish (handbooks, payroll, "Third", &error), ==, 3);
  g_assert_no_error (error);

  /* Nor does an update that tries to set it directly. */
  changes = dg_task_copy (task);
  g_object_set (changes, "handbook-version", 3, "notes", "Mind the new bank.", NULL);
  g_assert_true (dg_task_store_update (store, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_task_get_handbook_version (task), ==, 2);

  g_assert_true (dg_task_store_update_handbook_version (store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_task_get_handbook_version (task), ==, 3);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT handbook_version FROM tasks"), ==, 3);

  g_assert_false (dg_task_store_update_handbook_version (store, task, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_UP_TO_DATE);
  g_clear_error (&error);

  /* Another handbook pins its latest version. */
  g_clear_object (&changes);
  changes = dg_task_copy (task);
  g_object_set (changes, "handbook-id", dg_handbook_get_id (other), NULL);
  g_assert_true (dg_task_store_update (store, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_task_get_handbook_id (task), ==, dg_handbook_get_id (other));
  g_assert_cmpint (dg_task_get_handbook_version (task), ==, 1);
  g_assert_cmpstr (dg_task_get_handbook_title (task), ==, "Invoices");
}

static void
test_handbook_not_published (DgTestFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  g_autoptr(DgHandbookStore) handbooks = dg_handbook_store_new (fixture->db, NULL);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Asia/Manila");
  g_autoptr(DgHandbook) draft = add_handbook (handbooks, "Draft only", 0);
  g_autoptr(DgTask) task = new_task ("Run payroll", maria, "2026-12-01", "", "");
  g_autoptr(GError) error = NULL;

  g_object_set (task, "handbook-id", dg_handbook_get_id (draft), NULL);
  g_assert_false (dg_task_store_add (store, task, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_PUBLISHED_VERSION);
  dg_test_assert_error_mentions (error, "publish");
  g_clear_error (&error);

  g_object_set (task, "handbook-id", (gint64) 4242, NULL);
  g_assert_false (dg_task_store_add (store, task, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM tasks"), ==, 0);
}

static void
test_occurrence_completion (DgTestFixture *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) weekly = add_task (store, "Payroll", maria, "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overrides = NULL;

  /* Done on Monday leaves next Monday open. */
  set_status (store, weekly, "20261130T090000", DG_TASK_STATUS_DONE);
  g_assert_cmpint (status_of (store, weekly, "20261130T090000"), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (status_of (store, weekly, "20261207T090000"), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (dg_task_get_status (weekly), ==, DG_TASK_STATUS_OPEN);

  set_status (store, weekly, "20261214T090000", DG_TASK_STATUS_SKIPPED);
  g_assert_cmpint (status_of (store, weekly, "20261214T090000"), ==, DG_TASK_STATUS_SKIPPED);
  g_assert_cmpint (status_of (store, weekly, "20261207T090000"), ==, DG_TASK_STATUS_OPEN);

  overrides = dg_task_store_list_overrides (store, weekly, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overrides->len, ==, 2);
  g_assert_cmpstr (dg_task_occurrence_get_recurrence_id (g_ptr_array_index (overrides, 0)), ==, "20261130T090000");
  g_assert_cmpint (dg_task_occurrence_get_percent_complete (g_ptr_array_index (overrides, 0)), ==, 100);
  g_assert_cmpstr (dg_task_occurrence_get_recurrence_id (g_ptr_array_index (overrides, 1)), ==, "20261214T090000");

  /* Back to open: no stored status any more. */
  set_status (store, weekly, "20261214T090000", DG_TASK_STATUS_OPEN);
  g_assert_cmpuint (count_overrides (store, weekly), ==, 1);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM task_occurrences"), ==, 1);

  /* Tuesday is not a date of the rule, nor 10:00 on a Monday; the
   * message names the date and time as the owner reads them. */
  g_assert_false (dg_task_store_set_status (store, weekly, "20261201T090000", DG_TASK_STATUS_DONE, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE);
  dg_test_assert_error_mentions (error, "Tuesday, 1 December 2026, 09:00 (Europe/Berlin)");
  g_assert_null (strstr (error->message, "20261201"));
  g_clear_error (&error);
  g_assert_false (dg_task_store_set_status (store, weekly, "yesterday", DG_TASK_STATUS_DONE, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE);
  dg_test_assert_error_mentions (error, "yesterday");
  g_clear_error (&error);
  g_assert_false (dg_task_store_set_status (store, weekly, "20261207T100000", DG_TASK_STATUS_DONE, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE);
  g_clear_error (&error);
  g_assert_null (dg_task_store_get_occurrence (store, weekly, "20261201T090000", &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE);
  g_clear_error (&error);

  /* A series is done one occurrence at a time. */
  g_assert_false (dg_task_store_set_status (store, weekly, NULL, DG_TASK_STATUS_DONE, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_INVALID_STATUS);
  g_clear_error (&error);
  g_assert_false (dg_task_store_set_status (store, weekly, NULL, DG_TASK_STATUS_SKIPPED, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_INVALID_STATUS);
  g_clear_error (&error);
  g_assert_cmpuint (count_overrides (store, weekly), ==, 1);
}

static void
test_one_off_status (DgTestFixture *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) task = add_task (store, "File the receipts", maria, "2026-11-30", "09:00", "");
  g_autoptr(GError) error = NULL;
  DgTaskProgress progress = { dg_task_get_id (task), NULL, DG_TASK_STATUS_IN_PROGRESS, 40, NULL };

  g_assert_true (dg_task_store_set_progress (store, &progress, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_task_get_status (task), ==, DG_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (dg_task_get_percent_complete (task), ==, 40);
  g_assert_cmpstr (dg_task_get_completed_at (task), ==, "");
  g_assert_cmpint (status_of (store, task, NULL), ==, DG_TASK_STATUS_IN_PROGRESS);

  g_assert_false (dg_task_store_set_status (store, task, NULL, DG_TASK_STATUS_SKIPPED, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_INVALID_STATUS);
  g_clear_error (&error);
  g_assert_false (dg_task_store_set_status (store, task, "20261130T090000", DG_TASK_STATUS_DONE, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE);
  g_clear_error (&error);

  progress.status = DG_TASK_STATUS_DONE;
  progress.percent_complete = -1;
  progress.completed_at = "2026-11-30T10:15:00Z";
  g_assert_true (dg_task_store_set_progress (store, &progress, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_task_get_percent_complete (task), ==, 100);
  g_assert_cmpstr (dg_task_get_completed_at (task), ==, "2026-11-30T10:15:00Z");

  progress.completed_at = "yesterday";
  g_assert_false (dg_task_store_set_progress (store, &progress, 1, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (dg_task_get_completed_at (task), ==, "2026-11-30T10:15:00Z");
}

static void
test_batch_all_or_nothing (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) weekly = add_task (store, "Payroll", maria, "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(DgTask) one_off = add_task (store, "Close the books", maria, "2026-12-31", "", "");
  g_autoptr(GError) error = NULL;
  guint changes = 0;
  const DgTaskProgress batch[] = {
    { dg_task_get_id (one_off), NULL, DG_TASK_STATUS_DONE, -1, NULL },
    { dg_task_get_id (weekly), "20261130T090000", DG_TASK_STATUS_DONE, -1, NULL },
    { dg_task_get_id (weekly), "20261202T090000", DG_TASK_STATUS_DONE, -1, NULL },
  };

  g_signal_connect_swapped (store, "occurrences-changed", G_CALLBACK (count_signal), &changes);
  g_assert_false (dg_task_store_set_progress (store, batch, G_N_ELEMENTS (batch), &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE);
  g_clear_error (&error);

  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM task_occurrences"), ==, 0);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM tasks WHERE status = 'done'"), ==, 0);
  g_assert_cmpint (dg_task_get_status (one_off), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpuint (changes, ==, 0);

  /* Without the bad one, both apply. */
  g_assert_true (dg_task_store_set_progress (store, batch, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_task_get_status (one_off), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (status_of (store, weekly, "20261130T090000"), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpuint (changes, ==, 1);
}

static void
test_series_cancel (DgTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) weekly = add_task (store, "Payroll", maria, "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(GDateTime) from = make_time ("Europe/Berlin", 2026, 11, 30, 0, 0);
  g_autoptr(GDateTime) to = make_time ("Europe/Berlin", 2026, 12, 28, 0, 0);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;

  set_status (store, weekly, "20261130T090000", DG_TASK_STATUS_DONE);
  set_status (store, weekly, NULL, DG_TASK_STATUS_CANCELLED);
  g_assert_cmpint (dg_task_get_status (weekly), ==, DG_TASK_STATUS_CANCELLED);

  occurrences = dg_task_store_list_occurrences (store, from, to, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 4);
  /* What was done stays done; the rest of the series is cancelled. */
  g_assert_cmpint (dg_task_occurrence_get_status (g_ptr_array_index (occurrences, 0)), ==, DG_TASK_STATUS_DONE);
  for (guint i = 1; i < occurrences->len; i++)
    g_assert_cmpint (dg_task_occurrence_get_status (g_ptr_array_index (occurrences, i)), ==, DG_TASK_STATUS_CANCELLED);
  g_assert_null (dg_task_store_next_occurrence (store, weekly, from));

  /* Reopened, the series goes on. */
  set_status (store, weekly, NULL, DG_TASK_STATUS_OPEN);
  {
    g_autoptr(DgTaskOccurrence) next = dg_task_store_next_occurrence (store, weekly, from);

    g_assert_nonnull (next);
    g_assert_cmpstr (dg_task_occurrence_get_recurrence_id (next), ==, "20261207T090000");
  }
}

static void
test_occurrences_across_dst (DgTestFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  gint64 jon = add_assistant (fixture->db, "Jon Reyes", "America/New_York");
  /* Europe/Berlin moves to summer time on Sunday 28 March 2027. */
  g_autoptr(DgTask) weekly = add_task (store, "Payroll", maria, "2027-03-15", "09:00", "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(DgTask) other = add_task (store, "Other assistant", jon, "2027-03-16", "09:00", "");
  g_autoptr(GDateTime) from = make_time ("Europe/Berlin", 2027, 3, 14, 0, 0);
  g_autoptr(GDateTime) to = make_time ("Europe/Berlin", 2027, 4, 12, 0, 0);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *id; int utc_hour; } expected[] = {
    { "20270315T090000", 8 },
    { "20270322T090000", 8 },
    { "20270329T090000", 7 },
    { "20270405T090000", 7 },
  };

  all = dg_task_store_list_occurrences (store, from, to, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);

  occurrences = dg_task_store_list_occurrences (store, from, to, maria, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < occurrences->len && i < G_N_ELEMENTS (expected); i++)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      GDateTime *due = dg_task_occurrence_get_due (occurrence);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (due);

      g_assert_true (dg_task_occurrence_get_task (occurrence) == weekly);
      g_assert_cmpstr (dg_task_occurrence_get_recurrence_id (occurrence), ==, expected[i].id);
      g_assert_cmpint (g_date_time_get_hour (due), ==, 9);
      g_assert_cmpint (g_date_time_get_minute (due), ==, 0);
      g_assert_cmpint (g_date_time_get_hour (utc), ==, expected[i].utc_hour);
      g_assert_cmpint (dg_task_occurrence_get_status (occurrence), ==, DG_TASK_STATUS_OPEN);
    }
}

static DgTaskGroup
group_of (DgTaskOccurrence *occurrence,
          GDateTime        *now)
{
  return dg_task_occurrence_get_group (occurrence, now, G_DATE_MONDAY);
}

static void
test_upcoming_groups (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  gint64 jon = add_assistant (fixture->db, "Jon Reyes", "Europe/Berlin");
  /* Wednesday 2 December 2026, 10:00 in Berlin. */
  g_autoptr(GDateTime) now = make_time ("Europe/Berlin", 2026, 12, 2, 10, 0);
  g_autoptr(DgTask) weekly = add_task (store, "Payroll", maria, "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(DgTask) yesterday = add_task (store, "Yesterday", maria, "2026-12-01", "09:00", "");
  g_autoptr(DgTask) today = add_task (store, "Today", maria, "2026-12-02", "15:00", "");
  g_autoptr(DgTask) friday = add_task (store, "Friday", maria, "2026-12-04", "", "");
  g_autoptr(DgTask) later = add_task (store, "Later", maria, "2026-12-20", "", "");
  g_autoptr(DgTask) done = add_task (store, "Done before", maria, "2026-12-01", "08:00", "");
  g_autoptr(DgTask) cancelled = add_task (store, "Cancelled series", maria, "2026-11-30", "11:00", "FREQ=DAILY");
  g_autoptr(DgTask) jons = add_task (store, "Jon's", jon, "2026-12-03", "", "");
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) jons_only = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *title; DgTaskGroup group; } expected[] = {
    { "Payroll", DG_TASK_GROUP_OVERDUE },     /* Mon 30 Nov */
    { "Yesterday", DG_TASK_GROUP_OVERDUE },   /* Tue 1 Dec */
    { "Today", DG_TASK_GROUP_TODAY },
    { "Jon's", DG_TASK_GROUP_THIS_WEEK },     /* Thu 3 Dec, all day */
    { "Friday", DG_TASK_GROUP_THIS_WEEK },
    { "Payroll", DG_TASK_GROUP_LATER },       /* Mon 7 Dec only */
    { "Later", DG_TASK_GROUP_LATER },
  };

  set_status (store, done, NULL, DG_TASK_STATUS_DONE);
  set_status (store, cancelled, NULL, DG_TASK_STATUS_CANCELLED);

  upcoming = dg_task_store_list_upcoming (store, now, G_DATE_MONDAY, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < upcoming->len; i++)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (upcoming, i);
      g_autofree char *due = g_date_time_format_iso8601 (dg_task_occurrence_get_due (occurrence));

      g_test_message ("%s %s", dg_task_get_title (dg_task_occurrence_get_task (occurrence)), due);
    }
  g_assert_cmpuint (upcoming->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < upcoming->len && i < G_N_ELEMENTS (expected); i++)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (upcoming, i);

      g_assert_cmpstr (dg_task_get_title (dg_task_occurrence_get_task (occurrence)), ==, expected[i].title);
      g_assert_cmpint (group_of (occurrence, now), ==, expected[i].group);
    }

  jons_only = dg_task_store_list_upcoming (store, now, G_DATE_MONDAY, jon, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jons_only->len, ==, 1);
}

static void
test_upcoming_later_rows (DgTestFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  /* Wednesday 2 December 2026; the week ends on Sunday the 6th. */
  g_autoptr(GDateTime) now = make_time ("Europe/Berlin", 2026, 12, 2, 10, 0);
  g_autoptr(DgTask) weekly = add_task (store, "Weekly", maria, "2026-12-03", "09:00", "FREQ=WEEKLY");
  g_autoptr(DgTask) monthly = add_task (store, "Monthly", maria, "2026-12-03", "", "FREQ=MONTHLY");
  g_autoptr(DgTask) done_later = add_task (store, "Done early", maria, "2027-01-15", "", "");
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const expected[] = {
    "Monthly 20261203", "Weekly 20261203T090000",
    "Weekly 20261217T090000", "Monthly 20270103",
  };

  /* Next week's is done already: the row after the week is the one after. */
  set_status (store, weekly, "20261210T090000", DG_TASK_STATUS_DONE);
  set_status (store, done_later, NULL, DG_TASK_STATUS_DONE);

  upcoming = dg_task_store_list_upcoming (store, now, G_DATE_MONDAY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < upcoming->len && i < G_N_ELEMENTS (expected); i++)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (upcoming, i);
      g_autofree char *row = g_strdup_printf ("%s %s",
                                              dg_task_get_title (dg_task_occurrence_get_task (occurrence)),
                                              dg_task_occurrence_get_recurrence_id (occurrence));

      g_assert_cmpstr (row, ==, expected[i]);
    }
}

static void
test_overdue_in_assistant_zone (DgTestFixture *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 aroha = add_assistant (fixture->db, "Aroha Ngata", "Pacific/Auckland");
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) auckland = add_task (store, "Auckland", aroha, "2026-11-30", "", "");
  g_autoptr(DgTask) berlin = add_task (store, "Berlin", maria, "2026-11-30", "", "");
  /* The owner is in Berlin: 13:00 there is 01:00 on 1 December in Auckland. */
  g_autoptr(GDateTime) now = make_time ("Europe/Berlin", 2026, 11, 30, 13, 0);
  g_autoptr(DgTaskOccurrence) auckland_occurrence = NULL;
  g_autoptr(DgTaskOccurrence) berlin_occurrence = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GError) error = NULL;

  auckland_occurrence = dg_task_store_get_occurrence (store, auckland, NULL, &error);
  g_assert_no_error (error);
  berlin_occurrence = dg_task_store_get_occurrence (store, berlin, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (dg_task_occurrence_is_overdue (auckland_occurrence, now));
  g_assert_false (dg_task_occurrence_is_overdue (berlin_occurrence, now));

  upcoming = dg_task_store_list_upcoming (store, now, G_DATE_MONDAY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (upcoming->len, ==, 2);
  for (guint i = 0; i < upcoming->len; i++)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (upcoming, i);
      DgTask *task = dg_task_occurrence_get_task (occurrence);

      g_assert_cmpint (group_of (occurrence, now), ==,
                       task == auckland ? DG_TASK_GROUP_OVERDUE : DG_TASK_GROUP_TODAY);
    }
}

/* What count_dropped_statuses says for @changes, which must succeed. */
static guint
dropped_by (DgTaskStore *store,
            DgTask      *changes)
{
  g_autoptr(GError) error = NULL;
  guint n_dropped = G_MAXUINT;

  g_assert_true (dg_task_store_count_dropped_statuses (store, changes, &n_dropped, &error));
  g_assert_no_error (error);
  return n_dropped;
}

/* Updates @task with @changes after checking that count_dropped_statuses
 * foretold what the update then dropped. */
static void
update_dropping (DgTaskStore *store,
                 DgTask      *task,
                 DgTask      *changes,
                 guint        expected_dropped)
{
  g_autoptr(GError) error = NULL;
  guint before = count_overrides (store, task);

  g_assert_cmpuint (dropped_by (store, changes), ==, expected_dropped);
  /* Counting writes nothing. */
  g_assert_cmpuint (count_overrides (store, task), ==, before);
  g_assert_true (dg_task_store_update (store, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_overrides (store, task), ==, before - expected_dropped);
}

static void
test_rule_change_keeps_valid_overrides (DgTestFixture *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) task = add_task (store, "Payroll", maria, "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO,WE");
  g_autoptr(DgTask) changes = NULL;
  g_autoptr(GError) error = NULL;

  set_status (store, task, "20261130T090000", DG_TASK_STATUS_DONE);
  set_status (store, task, "20261202T090000", DG_TASK_STATUS_SKIPPED);
  g_assert_cmpuint (count_overrides (store, task), ==, 2);

  /* A change of notes keeps everything. */
  changes = dg_task_copy (task);
  g_object_set (changes, "notes", "Use the new portal.", NULL);
  update_dropping (store, task, changes, 0);

  /* Mondays only: Wednesday's status goes, and the count said so. */
  g_object_set (changes, "rrule", "FREQ=WEEKLY;BYDAY=MO", NULL);
  update_dropping (store, task, changes, 1);
  g_assert_cmpint (status_of (store, task, "20261130T090000"), ==, DG_TASK_STATUS_DONE);

  /* A series cannot be made done as a whole through an update either. */
  g_object_set (changes, "status", DG_TASK_STATUS_DONE, NULL);
  g_assert_false (dg_task_store_update (store, changes, &error));
  g_assert_error (error, DG_TASK_ERROR, DG_TASK_ERROR_INVALID_STATUS);
  g_assert_cmpuint (dropped_by (store, changes), ==, 0);
  g_assert_cmpuint (count_overrides (store, task), ==, 1);
}

static void
test_time_change_keeps_statuses (DgTestFixture *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) task = add_task (store, "Payroll", maria, "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(DgTask) changes = NULL;
  DgTaskProgress progress = { dg_task_get_id (task), "20261214T090000", DG_TASK_STATUS_IN_PROGRESS, 40, NULL };
  g_autoptr(GError) error = NULL;

  set_status (store, task, "20261130T090000", DG_TASK_STATUS_DONE);
  set_status (store, task, "20261207T090000", DG_TASK_STATUS_SKIPPED);
  g_assert_true (dg_task_store_set_progress (store, &progress, 1, &error));
  g_assert_no_error (error);

  /* 09:00 → 10:00: every status stays on its date, at the new time. */
  changes = dg_task_copy (task);
  g_object_set (changes, "due-time", "10:00", NULL);
  update_dropping (store, task, changes, 0);
  g_assert_cmpint (status_of (store, task, "20261130T100000"), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (status_of (store, task, "20261207T100000"), ==, DG_TASK_STATUS_SKIPPED);
  g_assert_cmpint (status_of (store, task, "20261214T100000"), ==, DG_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                                      "SELECT percent_complete FROM task_occurrences "
                                      "WHERE recurrence_id = '20261214T100000'"), ==, 40);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                                      "SELECT count(*) FROM task_occurrences WHERE recurrence_id LIKE '%T0900%'"), ==, 0);

  /* Another zone: the same local dates. */
  g_object_set (changes, "time-zone", "America/New_York", NULL);
  update_dropping (store, task, changes, 0);
  g_assert_cmpint (status_of (store, task, "20261130T100000"), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (status_of (store, task, "20261207T100000"), ==, DG_TASK_STATUS_SKIPPED);

  /* All day, and back to a time of day. */
  g_object_set (changes, "due-time", "", NULL);
  update_dropping (store, task, changes, 0);
  g_assert_cmpint (status_of (store, task, "20261130"), ==, DG_TASK_STATUS_DONE);
  g_object_set (changes, "due-time", "08:30", NULL);
  update_dropping (store, task, changes, 0);
  g_assert_cmpint (status_of (store, task, "20261207T083000"), ==, DG_TASK_STATUS_SKIPPED);

  /* A first date a week later leaves the first Monday out of the series. */
  g_object_set (changes, "due-date", "2026-12-07", NULL);
  update_dropping (store, task, changes, 1);
  g_assert_cmpint (status_of (store, task, "20261207T083000"), ==, DG_TASK_STATUS_SKIPPED);
}

static void
test_weekday_change_drops_statuses (DgTestFixture *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) task = add_task (store, "Payroll", maria, "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(DgTask) to_one_off = NULL;
  g_autoptr(DgTask) changes = NULL;

  set_status (store, task, "20261130T090000", DG_TASK_STATUS_DONE);
  set_status (store, task, "20261207T090000", DG_TASK_STATUS_DONE);

  /* Weekly on Tuesday instead: no Monday is an occurrence any more. The
   * count tells the window beforehand, and nothing is written by it. */
  changes = dg_task_copy (task);
  g_object_set (changes, "rrule", "FREQ=WEEKLY;BYDAY=TU", "due-date", "2026-12-01", NULL);
  g_assert_cmpuint (dropped_by (store, changes), ==, 2);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM task_occurrences"), ==, 2);

  /* Made one-off, it would drop both as well. */
  to_one_off = dg_task_copy (task);
  g_object_set (to_one_off, "rrule", "", NULL);
  g_assert_cmpuint (dropped_by (store, to_one_off), ==, 2);

  update_dropping (store, task, changes, 2);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM task_occurrences"), ==, 0);
  g_assert_cmpint (status_of (store, task, "20261201T090000"), ==, DG_TASK_STATUS_OPEN);
}

/* When the statuses cannot be read, the count fails rather than say "none
 * dropped", so that the window never changes a schedule without asking. */
static void
test_dropped_count_fails_when_unreadable (DgTestFixture *fixture,
                                          gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) task = add_task (store, "Payroll", maria, "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(DgTask) changes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_dropped = G_MAXUINT;

  set_status (store, task, "20261130T090000", DG_TASK_STATUS_DONE);
  changes = dg_task_copy (task);
  g_object_set (changes, "rrule", "FREQ=WEEKLY;BYDAY=TU", "due-date", "2026-12-01", NULL);
  dg_test_execute (fixture->db, "ALTER TABLE task_occurrences RENAME TO task_occurrences_gone");

  g_assert_false (dg_task_store_count_dropped_statuses (store, changes, &n_dropped, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (n_dropped, ==, 0);
}

static void
test_reopen_clears_progress (DgTestFixture *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) one_off = add_task (store, "File the receipts", maria, "2026-11-30", "09:00", "");
  g_autoptr(DgTask) weekly = add_task (store, "Payroll", maria, "2026-11-30", "09:00", "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(DgTask) changes = NULL;
  g_autoptr(DgTaskOccurrence) occurrence = NULL;
  g_autoptr(GError) error = NULL;
  DgTaskProgress progress = { dg_task_get_id (weekly), "20261207T090000", DG_TASK_STATUS_IN_PROGRESS, -1, NULL };

  /* Reopened, a one-off task starts again from 0 %, with no completion
   * time, so that an export does not send it out as 100 % done. */
  set_status (store, one_off, NULL, DG_TASK_STATUS_DONE);
  g_assert_cmpint (dg_task_get_percent_complete (one_off), ==, 100);
  set_status (store, one_off, NULL, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (dg_task_get_status (one_off), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (dg_task_get_percent_complete (one_off), ==, 0);
  g_assert_cmpstr (dg_task_get_completed_at (one_off), ==, "");
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT max(percent_complete) FROM tasks"), ==, 0);

  /* In progress after done: 0 % without a percentage of its own. */
  set_status (store, one_off, NULL, DG_TASK_STATUS_DONE);
  set_status (store, one_off, NULL, DG_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (dg_task_get_percent_complete (one_off), ==, 0);
  g_assert_cmpstr (dg_task_get_completed_at (one_off), ==, "");

  /* The same through an update of the task. */
  set_status (store, one_off, NULL, DG_TASK_STATUS_DONE);
  changes = dg_task_copy (one_off);
  g_object_set (changes, "status", DG_TASK_STATUS_OPEN, NULL);
  g_assert_true (dg_task_store_update (store, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_task_get_percent_complete (one_off), ==, 0);
  g_assert_cmpstr (dg_task_get_completed_at (one_off), ==, "");

  /* An occurrence reopened has no status of its own any more. */
  set_status (store, weekly, "20261130T090000", DG_TASK_STATUS_DONE);
  set_status (store, weekly, "20261130T090000", DG_TASK_STATUS_OPEN);
  g_assert_cmpuint (count_overrides (store, weekly), ==, 0);
  occurrence = dg_task_store_get_occurrence (store, weekly, "20261130T090000", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_task_occurrence_get_percent_complete (occurrence), ==, 0);
  g_clear_object (&occurrence);

  /* In progress after done: 0 %, or the percentage given. */
  set_status (store, weekly, "20261207T090000", DG_TASK_STATUS_DONE);
  g_assert_true (dg_task_store_set_progress (store, &progress, 1, &error));
  g_assert_no_error (error);
  occurrence = dg_task_store_get_occurrence (store, weekly, "20261207T090000", &error);
  g_assert_cmpint (dg_task_occurrence_get_status (occurrence), ==, DG_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (dg_task_occurrence_get_percent_complete (occurrence), ==, 0);
  g_assert_cmpstr (dg_task_occurrence_get_completed_at (occurrence), ==, "");
  g_clear_object (&occurrence);
  progress.percent_complete = 30;
  g_assert_true (dg_task_store_set_progress (store, &progress, 1, &error));
  g_assert_no_error (error);
  occurrence = dg_task_store_get_occurrence (store, weekly, "20261207T090000", &error);
  g_assert_cmpint (dg_task_occurrence_get_percent_complete (occurrence), ==, 30);
}

static void
test_until_fitted (DgTestFixture *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  /* UNTIL as typed: a date beside a time of day, a UTC time for all day. */
  g_autoptr(DgTask) timed = add_task (store, "Payroll", maria, "2026-11-30", "09:00",
                                      "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261221");
  g_autoptr(DgTask) all_day = add_task (store, "Backups", maria, "2026-11-30", "",
                                        "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261221T225959Z");
  g_autoptr(DgTask) changes = NULL;
  g_autoptr(GError) error = NULL;

  /* The end of 21 December in Berlin, in UTC; and the date itself. */
  g_assert_nonnull (strstr (dg_task_get_rrule (timed), "UNTIL=20261221T225959Z"));
  g_assert_nonnull (strstr (dg_task_get_rrule (all_day), "UNTIL=20261221;"));
  g_assert_cmpint (dg_test_query_int (fixture->db,
                                      "SELECT count(*) FROM tasks WHERE rrule LIKE '%UNTIL=20261221T225959Z%'"), ==, 1);

  /* Another zone: the series still ends on 21 December, there. */
  changes = dg_task_copy (timed);
  g_object_set (changes, "time-zone", "America/New_York", NULL);
  g_assert_true (dg_task_store_update (store, changes, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dg_task_get_rrule (timed), "UNTIL=20261222T045959Z"));

  /* All day now: a date. */
  g_object_set (changes, "due-time", "", NULL);
  g_assert_true (dg_task_store_update (store, changes, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dg_task_get_rrule (timed), "UNTIL=20261221;"));
}

static void
test_reload (DgTestFixture *fixture,
             gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  g_autoptr(DgTaskStore) other = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) task = add_task (other, "Added elsewhere", maria, "2026-12-01", "", "");
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  dg_test_execute (fixture->db, "UPDATE assistants SET name = 'Maria Santos-Cruz'");

  g_signal_connect_swapped (store, "occurrences-changed", G_CALLBACK (count_signal), &changes);
  g_assert_true (dg_task_store_reload (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpstr (dg_task_get_assistant_name (dg_task_store_find_by_uid (store, dg_task_get_uid (task))), ==,
                   "Maria Santos-Cruz");
  g_assert_cmpuint (changes, ==, 1);
}

static void
test_in_use (DgTestFixture *fixture,
             gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  g_autoptr(DgHandbookStore) handbooks = dg_handbook_store_new (fixture->db, NULL);
  gint64 maria_id = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  /* Made after the assistant was written, so that it lists them. */
  g_autoptr(DgAssistantStore) assistants = dg_assistant_store_new (fixture->db, NULL);
  g_autoptr(DgHandbook) payroll = add_handbook (handbooks, "Payroll", 1);
  g_autoptr(DgTask) task = new_task ("Run payroll", maria_id, "2026-12-01", "", "FREQ=MONTHLY");
  g_autoptr(GError) error = NULL;
  DgAssistant *maria;

  maria = dg_assistant_store_find (assistants, maria_id);
  g_assert_nonnull (maria);

  g_object_set (task, "handbook-id", dg_handbook_get_id (payroll), NULL);
  g_assert_true (dg_task_store_add (store, task, &error));
  g_assert_no_error (error);
  set_status (store, task, "20261201", DG_TASK_STATUS_DONE);

  g_assert_false (dg_assistant_store_delete (assistants, maria, &error));
  g_assert_error (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_false (dg_handbook_store_delete (handbooks, payroll, &error));
  g_assert_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM handbook_versions"), ==, 1);

  /* Without the task, both can go; its occurrence statuses go with it. */
  g_assert_true (dg_task_store_delete (store, task, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM task_occurrences"), ==, 0);
  g_assert_true (dg_handbook_store_delete (handbooks, payroll, &error));
  g_assert_no_error (error);
  g_assert_true (dg_assistant_store_delete (assistants, maria, &error));
  g_assert_no_error (error);
}

static void
test_schema_checks (DgTestFixture *fixture,
                    gconstpointer  user_data)
{
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  sqlite3_stmt *stmt = dg_test_prepare (fixture->db,
    "INSERT INTO tasks (uid, title, assistant_id, due_date, time_zone, priority, billing, "
    "billing_amount, status, percent_complete, created_at) "
    "VALUES (?1, 'T', ?2, '2026-12-01', 'Europe/Berlin', ?3, ?4, ?5, ?6, ?7, '2026-11-01T00:00:00Z')");
  static const struct { int priority; const char *billing; gint64 amount; const char *status; int percent; gboolean ok; } cases[] = {
    { 0, "assistant-rate", 0, "open", 0, TRUE },
    { 3, "assistant-rate", 0, "open", 0, FALSE },
    { 0, "hourly", 0, "open", 0, FALSE },
    { 0, "fixed-fee", 0, "open", 0, FALSE },
    { 0, "fixed-fee", -5, "open", 0, FALSE },
    { 0, "assistant-rate", 0, "skipped", 0, FALSE },
    { 0, "assistant-rate", 0, "open", 101, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uid = g_strdup_printf ("check-%u@delegate", i);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      sqlite3_reset (stmt);
      dg_database_bind_text (stmt, 1, uid);
      sqlite3_bind_int64 (stmt, 2, maria);
      sqlite3_bind_int (stmt, 3, cases[i].priority);
      dg_database_bind_text (stmt, 4, cases[i].billing);
      sqlite3_bind_int64 (stmt, 5, cases[i].amount);
      dg_database_bind_text (stmt, 6, cases[i].status);
      sqlite3_bind_int (stmt, 7, cases[i].percent);
      g_assert_cmpint (dg_database_execute (fixture->db, stmt, &error), ==, cases[i].ok);
      if (!cases[i].ok)
        g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CONSTRAINT);
    }
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
test_next_occurrence_skips_finished (DgTestFixture *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  g_autoptr(DgTask) weekly = add_task (store, "Payroll", maria, "2026-11-30", "", "FREQ=WEEKLY;COUNT=3");
  g_autoptr(DgTask) one_off = add_task (store, "Close the books", maria, "2026-12-31", "17:00", "");
  g_autoptr(GDateTime) start = make_time ("Europe/Berlin", 2026, 11, 1, 0, 0);
  g_autoptr(DgTaskOccurrence) next = NULL;
  guint items_changed = 0;

  /* All-day occurrences have date-only recurrence ids. */
  set_status (store, weekly, "20261130", DG_TASK_STATUS_DONE);
  set_status (store, weekly, "20261207", DG_TASK_STATUS_SKIPPED);
  next = dg_task_store_next_occurrence (store, weekly, start);
  g_assert_nonnull (next);
  g_assert_cmpstr (dg_task_occurrence_get_recurrence_id (next), ==, "20261214");
  g_clear_object (&next);

  /* The series ends after three: once the last is done, nothing is next. */
  set_status (store, weekly, "20261214", DG_TASK_STATUS_DONE);
  g_assert_null (dg_task_store_next_occurrence (store, weekly, start));

  g_signal_connect (store, "items-changed", G_CALLBACK (count_items_changed), &items_changed);
  next = dg_task_store_next_occurrence (store, one_off, start);
  g_assert_nonnull (next);
  g_assert_cmpstr (dg_task_occurrence_get_recurrence_id (next), ==, "");
  g_clear_object (&next);
  set_status (store, one_off, NULL, DG_TASK_STATUS_DONE);
  /* The row of the task shows its new status. */
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_null (dg_task_store_next_occurrence (store, one_off, start));
}

static void
test_daylight_saving_gap (DgTestFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Europe/Berlin");
  /* 02:30 does not exist in Berlin on Sunday 28 March 2027. */
  g_autoptr(DgTask) daily = add_task (store, "Backups", maria, "2027-03-27", "02:30", "FREQ=DAILY;COUNT=3");
  g_autoptr(GDateTime) from = make_time ("Europe/Berlin", 2027, 3, 27, 0, 0);
  g_autoptr(GDateTime) to = make_time ("Europe/Berlin", 2027, 3, 30, 0, 0);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  DgTaskOccurrence *gap;

  occurrences = dg_task_store_list_occurrences (store, from, to, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 3);
  gap = g_ptr_array_index (occurrences, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (dg_task_occurrence_get_due (gap)), ==, 28);
  g_assert_cmpint (g_date_time_get_hour (dg_task_occurrence_get_due (gap)), ==, 3);

  /* It is completed by its recurrence id, which names the nominal time. */
  set_status (store, daily, dg_task_occurrence_get_recurrence_id (gap), DG_TASK_STATUS_DONE);
  g_assert_cmpint (status_of (store, daily, dg_task_occurrence_get_recurrence_id (gap)), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpuint (count_overrides (store, daily), ==, 1);
}

static void
test_format_due_beside_assistant (DgTestFixture *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(DgTaskStore) store = make_store (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria Santos", "Asia/Manila");
  g_autoptr(DgTask) task = add_task (store, "Payroll", maria, "2026-11-30", "16:00", "");
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) manila = g_time_zone_new_identifier ("Asia/Manila");
  g_autoptr(DgTaskOccurrence) occurrence = NULL;
  g_autofree char *for_berlin = NULL;
  g_autofree char *for_manila = NULL;
  g_autoptr(GError) error = NULL;

  occurrence = dg_task_store_get_occurrence (store, task, NULL, &error);
  g_assert_no_error (error);
  for_berlin = dg_task_occurrence_format_due (occurrence, berlin);
  for_manila = dg_task_occurrence_format_due (occurrence, manila);
  /* 16:00 in Manila is 09:00 in Berlin (C.UTF-8 names in the test run). */
  g_assert_nonnull (strstr (for_berlin, "09:00"));
  g_assert_nonnull (strstr (for_berlin, "Manila"));
  g_assert_nonnull (strstr (for_berlin, "16:00"));
  g_assert_null (strstr (for_manila, "Manila"));
  g_assert_nonnull (strstr (for_manila, "16:00"));
}

static void
test_migrate_from_version_3 (void)
{
  g_autofree char *dir = dg_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "delegate.db", NULL);
  g_autoptr(DgDatabase) old = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgTaskStore) store = NULL;
  g_autoptr(DgTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dg_database_get_latest_version (), >=, 4);
  old = _dg_database_open_at_version (path, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dg_database_get_version (old), ==, 3);
  add_assistant (old, "Maria Santos", "Asia/Manila");
  g_assert_cmpint (dg_test_query_int (old, "SELECT count(*) FROM sqlite_schema WHERE name = 'tasks'"), ==, 0);
  g_clear_object (&old);

  db = dg_test_open_database (path);
  g_assert_cmpint (dg_test_query_int (db, "PRAGMA user_version"), ==, dg_database_get_latest_version ());
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM sqlite_schema "
                                          "WHERE name IN ('tasks', 'task_occurrences')"), ==, 2);
  g_assert_nonnull (dg_database_get_backup_path (db));
  g_assert_cmpint (dg_test_query_int (db, "SELECT count(*) FROM assistants"), ==, 1);

  /* The migrated database takes tasks for the assistant it had. */
  store = make_store (db);
  task = add_task (store, "First task", dg_test_query_int (db, "SELECT id FROM assistants"), "2026-12-01", "", "");
  g_assert_cmpstr (dg_task_get_time_zone (task), ==, "Asia/Manila");

  g_clear_object (&store);
  g_clear_object (&db);
  dg_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  dg_test_add_with_database ("/task-store/add-find-list", test_add_find_list);
  dg_test_add_with_database ("/task-store/order-ignores-case", test_order_ignores_case);
  dg_test_add_with_database ("/task-store/add-refused", test_add_refused);
  dg_test_add_with_database ("/task-store/rule-normalized", test_rule_normalized);
  dg_test_add_with_database ("/task-store/update-and-delete", test_update_and_delete);
  dg_test_add_with_database ("/task-store/handbook-version-pinned", test_handbook_version_pinned);
  dg_test_add_with_database ("/task-store/handbook-not-published", test_handbook_not_published);
  dg_test_add_with_database ("/task-store/occurrence-completion", test_occurrence_completion);
  dg_test_add_with_database ("/task-store/one-off-status", test_one_off_status);
  dg_test_add_with_database ("/task-store/batch-all-or-nothing", test_batch_all_or_nothing);
  dg_test_add_with_database ("/task-store/series-cancel", test_series_cancel);
  dg_test_add_with_database ("/task-store/occurrences-across-dst", test_occurrences_across_dst);
  dg_test_add_with_database ("/task-store/upcoming-groups", test_upcoming_groups);
  dg_test_add_with_database ("/task-store/upcoming-later-rows", test_upcoming_later_rows);
  dg_test_add_with_database ("/task-store/overdue-in-assistant-zone", test_overdue_in_assistant_zone);
  dg_test_add_with_database ("/task-store/rule-change-keeps-valid-overrides", test_rule_change_keeps_valid_overrides);
  dg_test_add_with_database ("/task-store/time-change-keeps-statuses", test_time_change_keeps_statuses);
  dg_test_add_with_database ("/task-store/weekday-change-drops-statuses", test_weekday_change_drops_statuses);
  dg_test_add_with_database ("/task-store/dropped-count-fails-when-unreadable", test_dropped_count_fails_when_unreadable);
  dg_test_add_with_database ("/task-store/reopen-clears-progress", test_reopen_clears_progress);
  dg_test_add_with_database ("/task-store/until-fitted", test_until_fitted);
  dg_test_add_with_database ("/task-store/reload", test_reload);
  dg_test_add_with_database ("/task-store/in-use", test_in_use);
  dg_test_add_with_database ("/task-store/schema-checks", test_schema_checks);
  dg_test_add_with_database ("/task-store/next-occurrence-skips-finished", test_next_occurrence_skips_finished);
  dg_test_add_with_database ("/task-store/daylight-saving-gap", test_daylight_saving_gap);
  dg_test_add_with_database ("/task-store/format-due-beside-assistant", test_format_due_beside_assistant);
  g_test_add_func ("/task-store/migrate-from-version-3", test_migrate_from_version_3);

  return g_test_run ();
}
