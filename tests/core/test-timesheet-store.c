/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-timesheet-store"

#include <stdio.h>
#include <string.h>

#include "dg-test-utils.h"
#include "dg-time-entry.h"
#include "dg-timesheet-store.h"
#include "dg-validation.h"

/* ---- helpers ----------------------------------------------------------------- */

static gint64
add_assistant_full (DgDatabase *db,
                    const char *name,
                    const char *time_zone,
                    const char *currency,
                    gint64      hourly_rate)
{
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "INSERT INTO assistants (name, time_zone, currency, hourly_rate) VALUES (?1, ?2, ?3, ?4)");

  dg_database_bind_text (stmt, 1, name);
  dg_database_bind_text (stmt, 2, time_zone);
  dg_database_bind_text (stmt, 3, currency);
  sqlite3_bind_int64 (stmt, 4, hourly_rate);
  g_assert_true (dg_database_execute (db, stmt, NULL));
  return dg_database_last_insert_id (db);
}

static gint64
add_assistant (DgDatabase *db,
               const char *name,
               const char *time_zone)
{
  return add_assistant_full (db, name, time_zone, "EUR", 3000);
}

static GDate *
date_of (const char *iso)
{
  unsigned int year, month, day;

  g_assert_cmpint (sscanf (iso, "%4u-%2u-%2u", &year, &month, &day), ==, 3);
  return g_date_new_dmy (day, month, year);
}

static gint64
add_entry (DgTimesheetStore *store,
           gint64            assistant_id,
           gint64            task_id,
           const char       *local,
           const char       *zone,
           int               minutes)
{
  g_autoptr(DgTimeEntry) entry = dg_test_new_entry (assistant_id, task_id, local, zone, minutes, "Work");
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_timesheet_store_add_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_time_entry_get_id (entry), >, 0);
  return dg_time_entry_get_id (entry);
}

static DgTimeEntryState
entry_state (DgTimesheetStore *store,
             gint64            id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimeEntry) entry = dg_timesheet_store_get_entry (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entry);
  return entry ? dg_time_entry_get_state (entry) : (DgTimeEntryState) -1;
}

static gint64
count_audit (DgDatabase *db)
{
  return dg_test_query_int (db, "SELECT count(*) FROM audit_log");
}

static void
set_state_by_sql (DgDatabase *db,
                  gint64      id,
                  const char *state)
{
  sqlite3_stmt *stmt = dg_test_prepare (db, "UPDATE time_entries SET state = ?2 WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, id);
  dg_database_bind_text (stmt, 2, state);
  g_assert_true (dg_database_execute (db, stmt, NULL));
}

static void
set_profile (DgDatabase *db,
             int         week_start,
             int         auto_approve_days)
{
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "UPDATE business_profile SET week_start = ?1, auto_approve_days = ?2 WHERE id = 1");

  sqlite3_bind_int (stmt, 1, week_start);
  sqlite3_bind_int (stmt, 2, auto_approve_days);
  g_assert_true (dg_database_execute (db, stmt, NULL));
}

/* As if every entry had been entered when its work began: automatic
 * approval counts from the time an entry became pending when that is
 * after its week ended, and the tests add last March's hours today. */
static void
backdate_pending (DgDatabase *db)
{
  dg_test_execute (db, "UPDATE time_entries SET pending_since = start_utc");
}

static char *
pending_since (DgDatabase *db,
               gint64      id)
{
  sqlite3_stmt *stmt = dg_test_prepare (db, "SELECT pending_since FROM time_entries WHERE id = ?1");
  char *text = NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

/* The last audit row: "old>new:reason:automatic". */
static char *
last_audit (DgDatabase *db)
{
  sqlite3_stmt *stmt = dg_test_prepare (db,
    "SELECT old_state || '>' || new_state || ':' || reason || ':' || automatic "
    "FROM audit_log ORDER BY id DESC LIMIT 1");
  char *text = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static gboolean
is_imported (DgTimesheetStore *store,
             const char       *source,
             const char       *external_id)
{
  g_autoptr(GError) error = NULL;
  gboolean stored = TRUE;

  g_assert_true (dg_timesheet_store_has_external_id (store, source, external_id, &stored, &error));
  g_assert_no_error (error);
  return stored;
}

static void
on_changed (DgTimesheetStore *store,
            guint            *count)
{
  (*count)++;
}

/* ---- adding entries ---------------------------------------------------------- */

static void
test_add_entry (DgTestFixture *fixture,
                gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  gint64 other = add_assistant (fixture->db, "Jonas", "Europe/Berlin");
  gint64 triage = dg_test_add_task (fixture->db, maria, "Inbox triage", "assistant-rate", 0,
                                    "2026-03-02", "", "open", 0);
  gint64 foreign = dg_test_add_task (fixture->db, other, "Bookkeeping", "assistant-rate", 0,
                                     "2026-03-02", "", "open", 0);
  g_autoptr(DgTimeEntry) entry = dg_test_new_entry (maria, triage, "2026-03-02T09:00:00",
                                                    "Asia/Manila", 90, "Morning");
  g_autoptr(DgTimeEntry) read = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &changed);

  /* An empty zone becomes the assistant's. */
  dg_time_entry_set_time_zone (entry, "");
  g_assert_true (dg_timesheet_store_add_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpint (dg_time_entry_get_id (entry), >, 0);
  g_assert_cmpint (dg_time_entry_get_state (entry), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpstr (dg_time_entry_get_time_zone (entry), ==, "Asia/Manila");
  g_assert_cmpstr (dg_time_entry_get_assistant_name (entry), ==, "Maria");
  g_assert_cmpstr (dg_time_entry_get_task_title (entry), ==, "Inbox triage");

  read = dg_timesheet_store_get_entry (store, dg_time_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dg_time_entry_get_local_date (read), ==, "2026-03-02");
  g_assert_cmpint (dg_time_entry_get_minutes (read), ==, 90);
  g_assert_cmpstr (dg_time_entry_get_note (read), ==, "Morning");
  g_assert_cmpstr (dg_time_entry_get_source (read), ==, DG_TIME_ENTRY_SOURCE_MANUAL);
  g_assert_cmpstr (dg_time_entry_get_task_title (read), ==, "Inbox triage");
  g_assert_true (g_date_time_equal (dg_time_entry_get_start (read), dg_time_entry_get_start (entry)));
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM time_entries WHERE start_utc = '2026-03-02T01:00:00Z'"), ==, 1);

  /* Its creation is logged. */
  g_assert_cmpint (count_audit (fixture->db), ==, 1);
  {
    g_autofree char *audit = last_audit (fixture->db);
    g_assert_cmpstr (audit, ==, ">pending::0");
  }

  /* A task of another assistant is refused. */
  {
    g_autoptr(DgTimeEntry) wrong = dg_test_new_entry (maria, foreign, "2026-03-02T09:00:00",
                                                      "Asia/Manila", 30, "");

    g_assert_false (dg_timesheet_store_add_entry (store, wrong, &error));
    g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
    dg_test_assert_error_mentions (error, "Bookkeeping");
    g_clear_error (&error);
  }
  /* An unknown assistant and an unknown task. */
  {
    g_autoptr(DgTimeEntry) nobody = dg_test_new_entry (4242, 0, "2026-03-02T09:00:00",
                                                       "Asia/Manila", 30, "");
    g_autoptr(DgTimeEntry) no_task = dg_test_new_entry (maria, 4242, "2026-03-02T09:00:00",
                                                        "Asia/Manila", 30, "");

    g_assert_false (dg_timesheet_store_add_entry (store, nobody, &error));
    g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (dg_timesheet_store_add_entry (store, no_task, &error));
    g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  /* An invalid entry: validation's message. */
  {
    g_autoptr(DgTimeEntry) too_long = dg_test_new_entry (maria, 0, "2026-03-02T09:00:00",
                                                         "Asia/Manila", 1441, "");

    g_assert_false (dg_timesheet_store_add_entry (store, too_long, &error));
    g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* An archived assistant gets no new hours. */
  {
    g_autoptr(DgTimeEntry) late = dg_test_new_entry (other, 0, "2026-03-02T09:00:00",
                                                     "Europe/Berlin", 30, "");

    dg_test_execute (fixture->db, "UPDATE assistants SET active = 0 WHERE name = 'Jonas'");
    g_assert_false (dg_timesheet_store_add_entry (store, late, &error));
    g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_ARCHIVED);
    dg_test_assert_error_mentions (error, "Jonas");
    g_clear_error (&error);
    g_assert_cmpint (dg_time_entry_get_id (late), ==, 0);
  }

  /* None of the refusals stored or logged anything, nor said "changed". */
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM time_entries"), ==, 1);
  g_assert_cmpint (count_audit (fixture->db), ==, 1);
  g_assert_cmpint (changed, ==, 1);

  /* An imported entry is recognised by source and external id. */
  {
    g_autoptr(DgTimeEntry) imported = dg_test_new_entry (maria, 0, "2026-03-03T09:00:00",
                                                         "Asia/Manila", 30, "");
    g_autoptr(DgTimeEntry) again = dg_test_new_entry (maria, 0, "2026-03-03T09:00:00",
                                                      "Asia/Manila", 30, "");

    dg_time_entry_set_source (imported, "toggl", "t-1");
    dg_time_entry_set_source (again, "toggl", "t-1");
    g_assert_false (is_imported (store, "toggl", "t-1"));
    g_assert_true (dg_timesheet_store_add_entry (store, imported, &error));
    g_assert_no_error (error);
    g_assert_true (is_imported (store, "toggl", "t-1"));
    g_assert_false (is_imported (store, "clockify", "t-1"));
    g_assert_false (is_imported (store, "toggl", ""));
    g_assert_false (dg_timesheet_store_add_entry (store, again, &error));
    g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_DUPLICATE);
    g_clear_error (&error);
  }
}

/* ---- the state machine --------------------------------------------------------- */

typedef enum
{
  ACT_APPROVE,
  ACT_REJECT,
  ACT_REJECT_NO_REASON,
  ACT_UPDATE,
  ACT_DELETE,
  ACT_REOPEN,
  ACT_REOPEN_NO_REASON,
  ACT_APPROVE_WEEK,
  ACT_REJECT_WEEK,
  ACT_GRID_CELL,
} Action;

typedef struct
{
  const char *from;        /* the entry's state before */
  Action      action;
  int         error_code;  /* -1: allowed */
  const char *to;          /* state after ("deleted": gone) */
  const char *audit;       /* the audit row written, NULL for none */
} TransitionCase;

static const TransitionCase transition_cases[] = {
  /* pending */
  { "pending",  ACT_APPROVE,          -1, "approved", "pending>approved::0" },
  { "pending",  ACT_REJECT,           -1, "rejected", "pending>rejected:Wrong day:0" },
  { "pending",  ACT_REJECT_NO_REASON, DG_TIMESHEET_ERROR_REASON_REQUIRED, "pending", NULL },
  { "pending",  ACT_UPDATE,           -1, "pending", NULL },
  { "pending",  ACT_DELETE,           -1, "deleted", "pending>deleted::0" },
  { "pending",  ACT_REOPEN,           DG_TIMESHEET_ERROR_INVALID_TRANSITION, "pending", NULL },
  { "pending",  ACT_APPROVE_WEEK,     -1, "approved", "pending>approved::0" },
  { "pending",  ACT_REJECT_WEEK,      -1, "rejected", "pending>rejected:Wrong day:0" },
  { "pending",  ACT_GRID_CELL,        -1, "pending", NULL },
  /* approved */
  { "approved", ACT_APPROVE,          DG_TIMESHEET_ERROR_INVALID_TRANSITION, "approved", NULL },
  { "approved", ACT_REJECT,           DG_TIMESHEET_ERROR_INVALID_TRANSITION, "approved", NULL },
  { "approved", ACT_UPDATE,           DG_TIMESHEET_ERROR_FROZEN, "approved", NULL },
  { "approved", ACT_DELETE,           DG_TIMESHEET_ERROR_FROZEN, "approved", NULL },
  { "approved", ACT_REOPEN,           -1, "pending", "approved>pending:Wrong day:0" },
  { "approved", ACT_REOPEN_NO_REASON, DG_TIMESHEET_ERROR_REASON_REQUIRED, "approved", NULL },
  { "approved", ACT_APPROVE_WEEK,     DG_TIMESHEET_ERROR_INVALID_TRANSITION, "approved", NULL },
  { "approved", ACT_REJECT_WEEK,      DG_TIMESHEET_ERROR_INVALID_TRANSITION, "approved", NULL },
  /* approved manual hours are beside the grid cell, never changed by it */
  { "approved", ACT_GRID_CELL,        -1, "approved", ">pending::0" },
  /* rejected */
  { "rejected", ACT_APPROVE,          DG_TIMESHEET_ERROR_INVALID_TRANSITION, "rejected", NULL },
  { "rejected", ACT_REJECT,           DG_TIMESHEET_ERROR_INVALID_TRANSITION, "rejected", NULL },
  { "rejected", ACT_UPDATE,           -1, "pending", "rejected>pending::0" },
  { "rejected", ACT_DELETE,           -1, "deleted", "rejected>deleted::0" },
  { "rejected", ACT_REOPEN,           DG_TIMESHEET_ERROR_INVALID_TRANSITION, "rejected", NULL },
  { "rejected", ACT_APPROVE_WEEK,     DG_TIMESHEET_ERROR_INVALID_TRANSITION, "rejected", NULL },
  { "rejected", ACT_REJECT_WEEK,      DG_TIMESHEET_ERROR_INVALID_TRANSITION, "rejected", NULL },
  { "rejected", ACT_GRID_CELL,        -1, "pending", "rejected>pending::0" },
  /* invoiced */
  { "invoiced", ACT_APPROVE,          DG_TIMESHEET_ERROR_INVALID_TRANSITION, "invoiced", NULL },
  { "invoiced", ACT_REJECT,           DG_TIMESHEET_ERROR_INVALID_TRANSITION, "invoiced", NULL },
  { "invoiced", ACT_UPDATE,           DG_TIMESHEET_ERROR_FROZEN, "invoiced", NULL },
  { "invoiced", ACT_DELETE,           DG_TIMESHEET_ERROR_FROZEN, "invoiced", NULL },
  { "invoiced", ACT_REOPEN,           DG_TIMESHEET_ERROR_INVOICED, "invoiced", NULL },
  { "invoiced", ACT_APPROVE_WEEK,     DG_TIMESHEET_ERROR_INVALID_TRANSITION, "invoiced", NULL },
  { "invoiced", ACT_REJECT_WEEK,      DG_TIMESHEET_ERROR_INVALID_TRANSITION, "invoiced", NULL },
};

static gboolean
run_action (DgTimesheetStore *store,
            gint64            assistant_id,
            gint64            id,
            Action            action,
            GError          **error)
{
  g_autoptr(GDate) week = date_of ("2026-03-02");
  g_autoptr(GDate) day = date_of ("2026-03-03");
  g_autoptr(DgTimeEntry) entry = NULL;

  switch (action)
    {
    case ACT_APPROVE:
      return dg_timesheet_store_approve_entries (store, &id, 1, error);
    case ACT_REJECT:
      return dg_timesheet_store_reject_entries (store, &id, 1, "  Wrong day\n", error);
    case ACT_REJECT_NO_REASON:
      return dg_timesheet_store_reject_entries (store, &id, 1, " \t ", error);
    case ACT_UPDATE:
      entry = dg_timesheet_store_get_entry (store, id, error);
      if (entry == NULL)
        return FALSE;
      dg_time_entry_set_minutes (entry, 45);
      return dg_timesheet_store_update_entry (store, entry, error);
    case ACT_DELETE:
      return dg_timesheet_store_delete_entry (store, id, error);
    case ACT_REOPEN:
      return dg_timesheet_store_reopen_week (store, assistant_id, week, "Wrong day", error);
    case ACT_REOPEN_NO_REASON:
      return dg_timesheet_store_reopen_week (store, assistant_id, week, "", error);
    case ACT_APPROVE_WEEK:
      return dg_timesheet_store_approve_week (store, assistant_id, week, error);
    case ACT_REJECT_WEEK:
      return dg_timesheet_store_reject_week (store, assistant_id, week, "Wrong day", error);
    case ACT_GRID_CELL:
      return dg_timesheet_store_set_grid_cell (store, assistant_id, 0, day, 45, error);
    default:
      g_assert_not_reached ();
    }
}

static void
test_transitions (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (transition_cases); i++)
    {
      const TransitionCase *c = &transition_cases[i];
      DgTestFixture fixture = { 0 };
      g_autoptr(DgTimesheetStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *audit = NULL;
      gint64 assistant, id, audit_before, stored;
      guint changed = 0;
      gboolean ok;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s, action %d", i, c->from, c->action);
      dg_test_fixture_set_up (&fixture, NULL);
      store = dg_timesheet_store_new (fixture.db);
      assistant = add_assistant (fixture.db, "Maria", "Asia/Manila");
      /* Tuesday 3 March 2026, 10:00 in Manila: the week of Monday 2 March. */
      id = add_entry (store, assistant, 0, "2026-03-03T10:00:00", "Asia/Manila", 90);

      if (g_str_equal (c->from, "approved") || g_str_equal (c->from, "invoiced"))
        g_assert_true (dg_timesheet_store_approve_entries (store, &id, 1, NULL));
      else if (g_str_equal (c->from, "rejected"))
        g_assert_true (dg_timesheet_store_reject_entries (store, &id, 1, "Too long", NULL));
      if (g_str_equal (c->from, "invoiced"))
        set_state_by_sql (fixture.db, id, "invoiced");
      g_assert_cmpstr (dg_time_entry_state_to_string (entry_state (store, id)), ==, c->from);

      audit_before = count_audit (fixture.db);
      g_signal_connect (store, "changed", G_CALLBACK (on_changed), &changed);
      ok = run_action (store, assistant, id, c->action, &error);

      if (c->error_code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (changed, ==, 1);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, DG_TIMESHEET_ERROR, c->error_code);
          /* A sentence to show, not a code. */
          g_assert_true (error != NULL && strlen (error->message) > 20);
          g_assert_cmpint (changed, ==, 0);
        }

      stored = dg_test_query_int (fixture.db, "SELECT count(*) FROM time_entries WHERE source = 'manual' AND minutes = 90");
      if (g_str_equal (c->to, "deleted"))
        g_assert_cmpint (dg_test_query_int (fixture.db, "SELECT count(*) FROM time_entries"), ==, 0);
      else if (c->action == ACT_GRID_CELL && g_str_equal (c->from, "approved"))
        {
          /* The approved entry stays; the cell got an entry of its own. */
          g_assert_cmpint (entry_state (store, id), ==, DG_TIME_ENTRY_STATE_APPROVED);
          g_assert_cmpint (dg_test_query_int (fixture.db, "SELECT count(*) FROM time_entries"), ==, 2);
        }
      else
        {
          g_assert_cmpstr (dg_time_entry_state_to_string (entry_state (store, id)), ==, c->to);
          /* Refused changes leave the entry as it was. */
          if (c->error_code >= 0)
            g_assert_cmpint (stored, ==, 1);
        }

      if (c->audit == NULL)
        g_assert_cmpint (count_audit (fixture.db), ==, audit_before);
      else
        {
          g_assert_cmpint (count_audit (fixture.db), ==, audit_before + 1);
          audit = last_audit (fixture.db);
          g_assert_cmpstr (audit, ==, c->audit);
        }

      /* The stored reason is only a rejected entry's. */
      g_assert_cmpint (dg_test_query_int (fixture.db,
                       "SELECT count(*) FROM time_entries WHERE (state = 'rejected') <> (reason <> '')"), ==, 0);

      g_clear_object (&store);
      dg_test_fixture_tear_down (&fixture, NULL);
    }
}

/* Approving several entries is all or nothing. */
static void
test_approve_entries_all_or_nothing (DgTestFixture *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  gint64 ids[3];
  g_autoptr(GError) error = NULL;

  ids[0] = add_entry (store, maria, 0, "2026-03-02T10:00:00", "Asia/Manila", 60);
  ids[1] = add_entry (store, maria, 0, "2026-03-03T10:00:00", "Asia/Manila", 60);
  ids[2] = add_entry (store, maria, 0, "2026-03-04T10:00:00", "Asia/Manila", 60);
  g_assert_true (dg_timesheet_store_approve_entries (store, &ids[1], 1, NULL));

  g_assert_false (dg_timesheet_store_approve_entries (store, ids, 3, &error));
  g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_INVALID_TRANSITION);
  /* The message names the entry. */
  dg_test_assert_error_mentions (error, "Tue 3 Mar 2026");
  g_clear_error (&error);
  g_assert_cmpint (entry_state (store, ids[0]), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpint (entry_state (store, ids[2]), ==, DG_TIME_ENTRY_STATE_PENDING);

  /* An id twice is one approval; an unknown one refuses everything. */
  {
    gint64 twice[] = { ids[0], ids[0], ids[2] };
    gint64 unknown[] = { ids[0], 999 };

    g_assert_false (dg_timesheet_store_reject_entries (store, unknown, 2, "No", &error));
    g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (entry_state (store, ids[0]), ==, DG_TIME_ENTRY_STATE_PENDING);

    g_assert_true (dg_timesheet_store_approve_entries (store, twice, 3, &error));
    g_assert_no_error (error);
    g_assert_cmpint (entry_state (store, ids[0]), ==, DG_TIME_ENTRY_STATE_APPROVED);
    g_assert_cmpint (entry_state (store, ids[2]), ==, DG_TIME_ENTRY_STATE_APPROVED);
    g_assert_cmpint (dg_test_query_int (fixture->db,
                     "SELECT count(*) FROM audit_log WHERE new_state = 'approved'"), ==, 3);
  }
}

static void
test_reopen_refused_when_invoiced (DgTestFixture *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  g_autoptr(GDate) week = date_of ("2026-03-02");
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  a = add_entry (store, maria, 0, "2026-03-02T10:00:00", "Asia/Manila", 60);
  b = add_entry (store, maria, 0, "2026-03-05T10:00:00", "Asia/Manila", 60);
  g_assert_true (dg_timesheet_store_approve_week (store, maria, week, &error));
  g_assert_no_error (error);
  set_state_by_sql (fixture->db, b, "invoiced");

  g_assert_false (dg_timesheet_store_reopen_week (store, maria, week, "Typo", &error));
  g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_INVOICED);
  g_clear_error (&error);
  /* Not even the approved, not invoiced entry was reopened. */
  g_assert_cmpint (entry_state (store, a), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (entry_state (store, b), ==, DG_TIME_ENTRY_STATE_INVOICED);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM audit_log WHERE old_state = 'approved'"), ==, 0);

  /* Rejecting a week also needs a reason. */
  add_entry (store, maria, 0, "2026-03-06T10:00:00", "Asia/Manila", 60);
  g_assert_false (dg_timesheet_store_reject_week (store, maria, week, NULL, &error));
  g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_REASON_REQUIRED);
}

/* ---- the audit log ------------------------------------------------------------- */

static void
test_audit_rows (DgTestFixture *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  gint64 jonas = add_assistant (fixture->db, "Jonas", "Europe/Berlin");
  gint64 triage = dg_test_add_task (fixture->db, maria, "Inbox triage", "assistant-rate", 0,
                                    "2026-03-02", "", "open", 0);
  g_autoptr(GDate) week = date_of ("2026-03-02");
  g_autoptr(GDate) next_week = date_of ("2026-03-09");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(DgTimeEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) earlier = g_date_time_add_seconds (before, -1);
  gint64 id, other;
  DgAuditEvent *event;

  id = add_entry (store, maria, triage, "2026-03-02T13:00:00", "Asia/Manila", 90);
  other = add_entry (store, maria, 0, "2026-03-10T13:00:00", "Asia/Manila", 30);
  add_entry (store, jonas, 0, "2026-03-03T13:00:00", "Europe/Berlin", 30);
  g_assert_true (dg_timesheet_store_reject_entries (store, &id, 1, "Wrong task", NULL));
  entry = dg_timesheet_store_get_entry (store, id, NULL);
  g_assert_cmpstr (dg_time_entry_get_reason (entry), ==, "Wrong task");
  dg_time_entry_set_minutes (entry, 60);
  g_assert_true (dg_timesheet_store_update_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_time_entry_get_state (entry), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpstr (dg_time_entry_get_reason (entry), ==, "");
  g_assert_true (dg_timesheet_store_approve_week (store, maria, week, NULL));
  g_assert_true (dg_timesheet_store_reopen_week (store, maria, week, "Client disputes", NULL));
  g_assert_true (dg_timesheet_store_delete_entry (store, id, NULL));

  events = dg_timesheet_store_list_audit (store, maria, week, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 6);
  {
    const char *expected[][3] = {
      { "", "pending", "" },
      { "pending", "rejected", "Wrong task" },
      { "rejected", "pending", "" },
      { "pending", "approved", "" },
      { "approved", "pending", "Client disputes" },
      { "pending", "deleted", "" },
    };
    const char *described[] = {
      "Added",
      "Pending → Rejected: Wrong task",
      "Rejected → Pending",
      "Pending → Approved",
      "Approved → Pending: Client disputes",
      "Deleted",
    };

    for (guint i = 0; i < events->len && i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *text = NULL;

        event = g_ptr_array_index (events, i);
        g_assert_cmpstr (dg_audit_event_get_object_type (event), ==, "time-entry");
        g_assert_cmpint (dg_audit_event_get_object_id (event), ==, id);
        g_assert_cmpint (dg_audit_event_get_assistant_id (event), ==, maria);
        g_assert_cmpstr (dg_audit_event_get_local_date (event), ==, "2026-03-02");
        g_assert_cmpstr (dg_audit_event_get_old_state (event), ==, expected[i][0]);
        g_assert_cmpstr (dg_audit_event_get_new_state (event), ==, expected[i][1]);
        g_assert_cmpstr (dg_audit_event_get_reason (event), ==, expected[i][2]);
        g_assert_false (dg_audit_event_get_automatic (event));
        g_assert_cmpint (g_date_time_compare (dg_audit_event_get_at (event), earlier), >=, 0);
        g_assert_cmpint (g_date_time_get_utc_offset (dg_audit_event_get_at (event)), ==, 0);
        text = dg_audit_event_describe (event);
        g_assert_cmpstr (text, ==, described[i]);
      }
    /* What it was about, as it was then. */
    g_assert_cmpstr (dg_audit_event_get_summary (g_ptr_array_index (events, 0)), ==,
                     "Mon 2 Mar 2026, 1:30, Inbox triage");
    g_assert_cmpstr (dg_audit_event_get_summary (g_ptr_array_index (events, 5)), ==,
                     "Mon 2 Mar 2026, 1:00, Inbox triage");
  }

  /* Each week has its own history, each assistant theirs. */
  g_clear_pointer (&events, g_ptr_array_unref);
  events = dg_timesheet_store_list_audit (store, maria, next_week, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (dg_audit_event_get_object_id (g_ptr_array_index (events, 0)), ==, other);
  g_assert_cmpstr (dg_audit_event_get_summary (g_ptr_array_index (events, 0)), ==,
                   "Tue 10 Mar 2026, 0:30, Work");
  all = dg_timesheet_store_list_audit (store, maria, NULL, &error);
  g_assert_cmpuint (all->len, ==, 7);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = dg_timesheet_store_list_audit (store, jonas, NULL, &error);
  g_assert_cmpuint (all->len, ==, 1);
}

/* The object ids of a week's history, "3,3,5". */
static char *
audit_ids (DgTimesheetStore *store,
           gint64            assistant_id,
           const char       *day)
{
  g_autoptr(GDate) date = date_of (day);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = dg_timesheet_store_list_audit (store, assistant_id, date, &error);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            dg_audit_event_get_object_id (g_ptr_array_index (events, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* A week's history is found by the entries' dates, so changing the first
 * day of the week loses none of it (it was filed under the week start of
 * the day it was written, and a Monday week's history read "None" once
 * weeks started on Sunday). */
static void
test_audit_after_week_start_change (DgTestFixture *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Europe/Berlin");
  g_autoptr(GDate) week = date_of ("2026-03-02");
  g_autoptr(GDate) sunday_week = date_of ("2026-03-08");
  g_autofree char *expected = NULL;
  g_autofree char *ids = NULL;
  gint64 monday, sunday, next;

  monday = add_entry (store, maria, 0, "2026-03-02T10:00:00", "Europe/Berlin", 30);
  sunday = add_entry (store, maria, 0, "2026-03-08T10:00:00", "Europe/Berlin", 60);
  next = add_entry (store, maria, 0, "2026-03-09T10:00:00", "Europe/Berlin", 15);
  g_assert_true (dg_timesheet_store_approve_week (store, maria, week, NULL));

  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT, monday, sunday, monday, sunday);
  ids = audit_ids (store, maria, "2026-03-02");
  g_assert_cmpstr (ids, ==, expected);
  g_clear_pointer (&ids, g_free);

  /* Weeks start on Sunday: Monday's rows are in the week of 1 March (also
   * asked for by the Monday a view kept), Sunday's with the 9th's. */
  set_profile (fixture->db, G_DATE_SUNDAY, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, monday, monday);
  ids = audit_ids (store, maria, "2026-03-01");
  g_assert_cmpstr (ids, ==, expected);
  g_clear_pointer (&ids, g_free);
  ids = audit_ids (store, maria, "2026-03-02");
  g_assert_cmpstr (ids, ==, expected);
  g_clear_pointer (&ids, g_free);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              sunday, next, sunday);
  ids = audit_ids (store, maria, "2026-03-08");
  g_assert_cmpstr (ids, ==, expected);
  g_clear_pointer (&ids, g_free);

  /* A row written while weeks start on Sunday is in the Monday week once
   * they start on Monday again. */
  g_assert_true (dg_timesheet_store_reopen_week (store, maria, sunday_week, "Check Sunday", NULL));
  set_profile (fixture->db, G_DATE_MONDAY, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                              monday, sunday, monday, sunday, sunday);
  ids = audit_ids (store, maria, "2026-03-02");
  g_assert_cmpstr (ids, ==, expected);
}

static void
test_audit_append_only (DgTestFixture *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  add_entry (store, maria, 0, "2026-03-02T13:00:00", "Asia/Manila", 90);
  g_assert_cmpint (count_audit (fixture->db), ==, 1);

  stmt = dg_test_prepare (fixture->db, "UPDATE audit_log SET reason = 'forged'");
  g_assert_false (dg_database_execute (fixture->db, stmt, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  stmt = dg_test_prepare (fixture->db, "DELETE FROM audit_log");
  g_assert_false (dg_database_execute (fixture->db, stmt, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_audit (fixture->db), ==, 1);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM audit_log WHERE reason = ''"), ==, 1);
}

/* ---- weeks ------------------------------------------------------------------------ */

static DgTimesheetWeek *
get_week (DgTimesheetStore *store,
          gint64            assistant_id,
          const char       *start)
{
  g_autoptr(GDate) date = date_of (start);
  g_autoptr(GError) error = NULL;
  DgTimesheetWeek *week = dg_timesheet_store_get_week (store, assistant_id, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (week);
  return week;
}

static void
test_week_sunday_night_manila (DgTestFixture *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  g_autoptr(DgTimesheetWeek) week = NULL;
  g_autoptr(DgTimesheetWeek) next = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDate) monday = date_of ("2026-03-02");
  g_autoptr(GDate) next_monday = date_of ("2026-03-09");
  gint64 id;

  /* Sunday 8 March 2026, 23:30 in Manila is 15:30 UTC that Sunday, and
   * already Monday in zones east of Manila: it belongs to Sunday's week. */
  id = add_entry (store, maria, 0, "2026-03-08T23:30:00", "Asia/Manila", 60);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM time_entries WHERE start_utc = '2026-03-08T15:30:00Z' "
                   "AND local_date = '2026-03-08'"), ==, 1);

  g_assert_cmpint (dg_timesheet_store_get_week_start (store), ==, G_DATE_MONDAY);
  week = get_week (store, maria, "2026-03-02");
  g_assert_cmpstr (dg_timesheet_week_get_start_date (week), ==, "2026-03-02");
  g_assert_cmpint (dg_timesheet_week_get_state (week), ==, DG_TIMESHEET_STATE_PENDING);
  g_assert_cmpint (dg_timesheet_week_get_minutes (week), ==, 60);
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 6), ==, 60);
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 0), ==, 0);
  next = get_week (store, maria, "2026-03-09");
  g_assert_cmpint (dg_timesheet_week_get_state (next), ==, DG_TIMESHEET_STATE_EMPTY);
  g_assert_cmpint (dg_timesheet_week_get_minutes (next), ==, 0);

  entries = dg_timesheet_store_list_week_entries (store, maria, monday, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = dg_timesheet_store_list_week_entries (store, maria, next_monday, NULL);
  g_assert_cmpuint (entries->len, ==, 0);

  /* The list finds the same week as the totals (SQL and C agree). */
  add_entry (store, maria, 0, "2026-03-07T12:00:00", "Asia/Manila", 5);
  add_entry (store, maria, 0, "2026-03-09T00:00:00", "Asia/Manila", 7);
  {
    /* Newest first; Saturday 7, Sunday 8 (23:30) and Monday 9 March. */
    struct { GDateWeekday first; const char *starts[3]; } cases[] = {
      { G_DATE_MONDAY,   { "2026-03-09", "2026-03-02", NULL } },
      { G_DATE_SUNDAY,   { "2026-03-08", "2026-03-01", NULL } },
      { G_DATE_SATURDAY, { "2026-03-07", NULL, NULL } },
      { G_DATE_TUESDAY,  { "2026-03-03", NULL, NULL } },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GPtrArray) weeks = NULL;
        guint n = 0;

        set_profile (fixture->db, cases[i].first, 0);
        weeks = dg_timesheet_store_list_weeks (store, maria, DG_TIMESHEET_FILTER_ALL, NULL);
        while (n < G_N_ELEMENTS (cases[i].starts) && cases[i].starts[n] != NULL)
          n++;
        g_assert_cmpuint (weeks->len, ==, n);
        for (guint w = 0; w < weeks->len && w < n; w++)
          g_assert_cmpstr (dg_timesheet_week_get_start_date (g_ptr_array_index (weeks, w)), ==,
                           cases[i].starts[w]);
      }
  }
  dg_test_execute (fixture->db, "DELETE FROM time_entries WHERE minutes IN (5, 7)");

  /* With weeks starting on Sunday, the entry opens the next week. */
  set_profile (fixture->db, G_DATE_SUNDAY, 0);
  g_assert_cmpint (dg_timesheet_store_get_week_start (store), ==, G_DATE_SUNDAY);
  g_clear_object (&week);
  week = get_week (store, maria, "2026-03-08");
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 0), ==, 60);
  g_clear_object (&week);
  week = get_week (store, maria, "2026-03-01");
  g_assert_cmpint (dg_timesheet_week_get_state (week), ==, DG_TIMESHEET_STATE_EMPTY);

  /* The audit row keeps the entry's local date, Sunday in Manila. */
  g_assert_true (dg_timesheet_store_approve_entries (store, &id, 1, NULL));
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM audit_log WHERE new_state = 'approved' "
                   "AND local_date = '2026-03-08'"), ==, 1);
}

static void
test_week_with_dst_change (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 jonas = add_assistant (fixture->db, "Jonas", "Europe/Berlin");
  g_autoptr(DgTimesheetWeek) week = NULL;
  g_autoptr(DgTimesheetWeek) next = NULL;
  g_autoptr(DgTimesheetWeek) before = NULL;
  g_autoptr(GDate) monday = date_of ("2026-03-23");
  g_autoptr(GPtrArray) entries = NULL;

  /* Berlin's clocks go forward on Sunday 29 March 2026. The week of
   * Monday 23 March still has seven local days: its first minutes are
   * Sunday evening in UTC, its last ones are two hours before UTC midnight. */
  add_entry (store, jonas, 0, "2026-03-23T00:30:00", "Europe/Berlin", 10);  /* 22 Mar 23:30Z */
  add_entry (store, jonas, 0, "2026-03-29T01:30:00", "Europe/Berlin", 20);  /* before the change */
  add_entry (store, jonas, 0, "2026-03-29T03:30:00", "Europe/Berlin", 30);  /* after it */
  add_entry (store, jonas, 0, "2026-03-29T23:30:00", "Europe/Berlin", 40);  /* 29 Mar 21:30Z */
  add_entry (store, jonas, 0, "2026-03-30T00:30:00", "Europe/Berlin", 50);  /* 29 Mar 22:30Z */
  add_entry (store, jonas, 0, "2026-03-22T23:30:00", "Europe/Berlin", 60);  /* the week before */

  week = get_week (store, jonas, "2026-03-23");
  g_assert_cmpint (dg_timesheet_week_get_minutes (week), ==, 10 + 20 + 30 + 40);
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 0), ==, 10);
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 6), ==, 20 + 30 + 40);
  g_assert_cmpint (dg_timesheet_week_get_n_pending (week), ==, 4);
  next = get_week (store, jonas, "2026-03-30");
  g_assert_cmpint (dg_timesheet_week_get_minutes (next), ==, 50);
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (next, 0), ==, 50);
  before = get_week (store, jonas, "2026-03-16");
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (before, 6), ==, 60);

  entries = dg_timesheet_store_list_week_entries (store, jonas, monday, NULL);
  g_assert_cmpuint (entries->len, ==, 4);
  /* By start. */
  g_assert_cmpint (dg_time_entry_get_minutes (g_ptr_array_index (entries, 0)), ==, 10);
  g_assert_cmpint (dg_time_entry_get_minutes (g_ptr_array_index (entries, 3)), ==, 40);

  /* The clocks go back on Sunday 25 October 2026: 23:30 that night is
   * 22:30 UTC, still that week; 00:30 on Monday is the next one. */
  g_clear_object (&week);
  g_clear_object (&next);
  add_entry (store, jonas, 0, "2026-10-19T00:15:00", "Europe/Berlin", 11);  /* 18 Oct 22:15Z */
  add_entry (store, jonas, 0, "2026-10-25T23:30:00", "Europe/Berlin", 12);
  add_entry (store, jonas, 0, "2026-10-26T00:30:00", "Europe/Berlin", 13);
  week = get_week (store, jonas, "2026-10-19");
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 0), ==, 11);
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 6), ==, 12);
  g_assert_cmpint (dg_timesheet_week_get_minutes (week), ==, 23);
  next = get_week (store, jonas, "2026-10-26");
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (next, 0), ==, 13);
}

static void
test_week_start_and_range (void)
{
  struct { const char *date; GDateWeekday first; const char *start; } cases[] = {
    { "2026-03-02", G_DATE_MONDAY, "2026-03-02" },
    { "2026-03-08", G_DATE_MONDAY, "2026-03-02" },
    { "2026-03-08", G_DATE_SUNDAY, "2026-03-08" },
    { "2026-03-07", G_DATE_SUNDAY, "2026-03-01" },
    { "2026-03-07", G_DATE_SATURDAY, "2026-03-07" },
    { "2026-01-01", G_DATE_MONDAY, "2025-12-29" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) date = date_of (cases[i].date);
      g_autoptr(GDate) expected = date_of (cases[i].start);
      GDate start;

      dg_timesheet_week_start_of (date, cases[i].first, &start);
      g_assert_cmpint (g_date_compare (&start, expected), ==, 0);
    }
}

/* A view keeps the first day of the week it shows; after the week start
 * changed in Preferences that day is no first day any more, and the store
 * gives the week that holds it (it refused it with a critical, and the
 * window crashed). */
static void
test_get_week_any_day (DgTestFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Europe/Berlin");
  g_autoptr(DgTimesheetWeek) week = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDate) kept = date_of ("2026-03-02");
  g_autoptr(GError) error = NULL;

  add_entry (store, maria, 0, "2026-03-01T10:00:00", "Europe/Berlin", 15);
  add_entry (store, maria, 0, "2026-03-02T10:00:00", "Europe/Berlin", 30);
  add_entry (store, maria, 0, "2026-03-08T10:00:00", "Europe/Berlin", 60);

  /* Any day of a Monday week. */
  week = get_week (store, maria, "2026-03-04");
  g_assert_cmpstr (dg_timesheet_week_get_start_date (week), ==, "2026-03-02");
  g_assert_cmpint (dg_timesheet_week_get_minutes (week), ==, 90);
  g_clear_object (&week);

  /* Monday 2 March, kept by a view, once weeks start on Sunday. */
  set_profile (fixture->db, G_DATE_SUNDAY, 0);
  week = get_week (store, maria, "2026-03-02");
  g_assert_cmpstr (dg_timesheet_week_get_start_date (week), ==, "2026-03-01");
  g_assert_cmpint (dg_timesheet_week_get_minutes (week), ==, 45);
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 0), ==, 15);
  entries = dg_timesheet_store_list_week_entries (store, maria, kept, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (dg_time_entry_get_minutes (g_ptr_array_index (entries, 0)), ==, 15);
}

static void
test_list_weeks (DgTestFixture *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  gint64 jonas = add_assistant (fixture->db, "Jonas", "Europe/Berlin");
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) week = date_of ("2026-03-09");
  gint64 id;

  add_entry (store, maria, 0, "2026-03-03T10:00:00", "Asia/Manila", 60);
  add_entry (store, maria, 0, "2026-03-16T10:00:00", "Asia/Manila", 60);
  id = add_entry (store, maria, 0, "2026-03-10T10:00:00", "Asia/Manila", 60);
  add_entry (store, jonas, 0, "2026-03-04T10:00:00", "Europe/Berlin", 60);
  g_assert_true (dg_timesheet_store_approve_week (store, maria, week, NULL));

  /* Weeks waiting for approval, oldest first (then by name). */
  weeks = dg_timesheet_store_list_weeks (store, 0, DG_TIMESHEET_FILTER_AWAITING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 3);
  g_assert_cmpstr (dg_timesheet_week_get_start_date (g_ptr_array_index (weeks, 0)), ==, "2026-03-02");
  g_assert_cmpstr (dg_timesheet_week_get_assistant_name (g_ptr_array_index (weeks, 0)), ==, "Jonas");
  g_assert_cmpstr (dg_timesheet_week_get_start_date (g_ptr_array_index (weeks, 1)), ==, "2026-03-02");
  g_assert_cmpstr (dg_timesheet_week_get_assistant_name (g_ptr_array_index (weeks, 1)), ==, "Maria");
  g_assert_cmpstr (dg_timesheet_week_get_start_date (g_ptr_array_index (weeks, 2)), ==, "2026-03-16");

  /* Only the first ones built, the rest counted (the Overview's summary). */
  {
    g_autoptr(GPtrArray) first = NULL;
    guint n_weeks = 0;

    first = dg_timesheet_store_list_first_weeks (store, 0, DG_TIMESHEET_FILTER_AWAITING, 2,
                                                 &n_weeks, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_weeks, ==, 3);
    g_assert_cmpuint (first->len, ==, 2);
    g_assert_cmpstr (dg_timesheet_week_get_assistant_name (g_ptr_array_index (first, 1)), ==, "Maria");
    g_assert_cmpstr (dg_timesheet_week_get_start_date (g_ptr_array_index (first, 1)), ==, "2026-03-02");
  }

  /* Every week, newest first; one assistant's. */
  g_clear_pointer (&weeks, g_ptr_array_unref);
  weeks = dg_timesheet_store_list_weeks (store, maria, DG_TIMESHEET_FILTER_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 3);
  g_assert_cmpstr (dg_timesheet_week_get_start_date (g_ptr_array_index (weeks, 0)), ==, "2026-03-16");
  g_assert_cmpstr (dg_timesheet_week_get_start_date (g_ptr_array_index (weeks, 1)), ==, "2026-03-09");
  g_assert_cmpint (dg_timesheet_week_get_state (g_ptr_array_index (weeks, 1)), ==, DG_TIMESHEET_STATE_APPROVED);
  g_assert_cmpstr (dg_timesheet_week_get_start_date (g_ptr_array_index (weeks, 2)), ==, "2026-03-02");

  /* The states of a week. */
  set_state_by_sql (fixture->db, id, "invoiced");
  {
    g_autoptr(DgTimesheetWeek) invoiced = get_week (store, maria, "2026-03-09");
    g_autoptr(DgTimesheetWeek) pending = get_week (store, maria, "2026-03-16");
    g_autofree char *range = dg_timesheet_week_format_range (invoiced);
    DgTimesheetState state;

    g_assert_cmpint (dg_timesheet_week_get_state (invoiced), ==, DG_TIMESHEET_STATE_INVOICED);
    g_assert_cmpuint (dg_timesheet_week_get_n_invoiced (invoiced), ==, 1);
    g_object_get (pending, "state", &state, NULL);
    g_assert_cmpint (state, ==, DG_TIMESHEET_STATE_PENDING);
    g_assert_cmpstr (dg_timesheet_state_to_string (state), ==, "pending");
    g_assert_cmpstr (range, ==, "9–15 March 2026");
  }
  {
    g_autoptr(GDate) start = date_of ("2026-03-16");
    g_autoptr(DgTimesheetWeek) rejected = NULL;

    g_assert_true (dg_timesheet_store_reject_week (store, maria, start, "Which client?", NULL));
    rejected = get_week (store, maria, "2026-03-16");
    g_assert_cmpint (dg_timesheet_week_get_state (rejected), ==, DG_TIMESHEET_STATE_REJECTED);
    g_assert_cmpint (dg_timesheet_week_get_minutes (rejected), ==, 0);
    g_assert_cmpint (dg_timesheet_week_get_n_rejected (rejected), ==, 1);
  }
  {
    g_autoptr(DgTimesheetWeek) across = get_week (store, maria, "2026-03-30");
    g_autoptr(DgTimesheetWeek) new_year = get_week (store, maria, "2025-12-29");
    g_autofree char *across_range = dg_timesheet_week_format_range (across);
    g_autofree char *new_year_range = dg_timesheet_week_format_range (new_year);

    g_assert_cmpstr (across_range, ==, "30 March – 5 April 2026");
    g_assert_cmpstr (new_year_range, ==, "29 December 2025 – 4 January 2026");
  }
}

/* ---- automatic approval ---------------------------------------------------------- */

static GDateTime *
utc (const char *text)
{
  GDateTime *date_time = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (date_time);
  return date_time;
}

static void
test_auto_approval (DgTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  g_autoptr(GDateTime) far = utc ("2030-01-01T00:00:00Z");
  g_autoptr(GDateTime) minute_before = utc ("2026-03-11T15:59:00Z");
  g_autoptr(GDateTime) at = utc ("2026-03-11T16:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GDate) week = date_of ("2026-03-02");
  guint n = 99, changed = 0;
  gint64 a, b, later, rejected;

  a = add_entry (store, maria, 0, "2026-03-02T10:00:00", "Asia/Manila", 60);
  b = add_entry (store, maria, 0, "2026-03-08T23:30:00", "Asia/Manila", 60);
  rejected = add_entry (store, maria, 0, "2026-03-04T10:00:00", "Asia/Manila", 60);
  later = add_entry (store, maria, 0, "2026-03-09T00:30:00", "Asia/Manila", 60);
  g_assert_true (dg_timesheet_store_reject_entries (store, &rejected, 1, "Duplicate", NULL));
  backdate_pending (fixture->db);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &changed);

  /* Off by default. */
  g_assert_cmpuint (dg_timesheet_store_get_auto_approve_days (store), ==, 0);
  g_assert_true (dg_timesheet_store_apply_auto_approval (store, far, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (entry_state (store, a), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpint (changed, ==, 0);

  /* Three days: the week ends at midnight in Manila after Sunday 8 March
   * (8 March 16:00 UTC), so it is approved from 11 March 16:00 UTC. */
  set_profile (fixture->db, G_DATE_MONDAY, 3);
  g_assert_cmpuint (dg_timesheet_store_get_auto_approve_days (store), ==, 3);
  g_assert_true (dg_timesheet_store_apply_auto_approval (store, minute_before, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (entry_state (store, a), ==, DG_TIME_ENTRY_STATE_PENDING);

  g_assert_true (dg_timesheet_store_apply_auto_approval (store, at, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpint (entry_state (store, a), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (entry_state (store, b), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (entry_state (store, rejected), ==, DG_TIME_ENTRY_STATE_REJECTED);
  g_assert_cmpint (entry_state (store, later), ==, DG_TIME_ENTRY_STATE_PENDING);

  events = dg_timesheet_store_list_audit (store, maria, week, &error);
  {
    DgAuditEvent *last = g_ptr_array_index (events, events->len - 1);
    g_autofree char *text = dg_audit_event_describe (last);

    g_assert_true (dg_audit_event_get_automatic (last));
    g_assert_cmpstr (dg_audit_event_get_new_state (last), ==, "approved");
    g_assert_cmpstr (text, ==, "Approved automatically");
  }
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM audit_log WHERE automatic = 1"), ==, 2);

  /* Nothing left to do: no change. */
  g_assert_true (dg_timesheet_store_apply_auto_approval (store, at, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (changed, ==, 1);
}

/* The week ends in the assistant's zone, not in the entry's. */
static void
test_auto_approval_assistant_zone (DgTestFixture *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 ana = add_assistant (fixture->db, "Ana", "America/Mexico_City");
  g_autoptr(GDateTime) minute_before = utc ("2026-03-10T05:59:00Z");
  g_autoptr(GDateTime) at = utc ("2026-03-10T06:00:00Z");
  guint n = 0;
  gint64 id;

  /* Logged while travelling, in Berlin's zone; the week still ends at
   * midnight in Mexico City (UTC-6): 9 March 06:00 UTC, + 1 day. */
  id = add_entry (store, ana, 0, "2026-03-04T10:00:00", "Europe/Berlin", 60);
  backdate_pending (fixture->db);
  set_profile (fixture->db, G_DATE_MONDAY, 1);
  g_assert_true (dg_timesheet_store_apply_auto_approval (store, minute_before, &n, NULL));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (dg_timesheet_store_apply_auto_approval (store, at, &n, NULL));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (entry_state (store, id), ==, DG_TIME_ENTRY_STATE_APPROVED);
}

/* Hours of a week long over that arrive today (imported, or entered
 * late) have not been pending N days: they wait N days from now for the
 * owner (they were approved at the next run, before anyone saw them). */
static void
test_auto_approval_late_hours (DgTestFixture *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  g_autoptr(GPtrArray) imported = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) almost = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  guint n = 99, added = 0;
  gint64 manual;

  set_profile (fixture->db, G_DATE_MONDAY, 3);
  g_ptr_array_add (imported, dg_test_new_entry (maria, 0, "2024-03-04T10:00:00", "Asia/Manila", 120, "Report"));
  g_ptr_array_add (imported, dg_test_new_entry (maria, 0, "2024-03-05T10:00:00", "Asia/Manila", 90, "Calls"));
  dg_time_entry_set_source (g_ptr_array_index (imported, 0), "toggl", "t-1");
  dg_time_entry_set_source (g_ptr_array_index (imported, 1), "toggl", "t-2");
  g_assert_true (dg_timesheet_store_add_entries (store, imported, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  manual = add_entry (store, maria, 0, "2024-03-06T10:00:00", "Asia/Manila", 30);
  after = g_date_time_new_now_utc ();

  /* Pending since it was added (kept to the second). */
  since = pending_since (fixture->db, manual);
  {
    g_autoptr(GDateTime) since_time = g_date_time_new_from_iso8601 (since, NULL);
    g_autoptr(GDateTime) second_before = g_date_time_add (before, -G_TIME_SPAN_SECOND);

    g_assert_nonnull (since_time);
    g_assert_cmpint (g_date_time_compare (since_time, second_before), >, 0);
    g_assert_cmpint (g_date_time_compare (since_time, after), <=, 0);
  }

  g_assert_true (dg_timesheet_store_apply_auto_approval (store, after, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  /* Not a second before three days have passed since they came. */
  almost = g_date_time_add (before, 3 * G_TIME_SPAN_DAY - G_TIME_SPAN_SECOND);
  g_assert_true (dg_timesheet_store_apply_auto_approval (store, almost, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (entry_state (store, manual), ==, DG_TIME_ENTRY_STATE_PENDING);

  due = g_date_time_add_days (after, 3);
  g_assert_true (dg_timesheet_store_apply_auto_approval (store, due, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (entry_state (store, manual), ==, DG_TIME_ENTRY_STATE_APPROVED);
}

/* A reopened week, and a rejected entry corrected, wait N days again: the
 * next run approved them again at once, so an old week could not be
 * reopened with automatic approval on. */
static void
test_auto_approval_reopened_and_corrected (DgTestFixture *fixture,
                                           gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Europe/Berlin");
  g_autoptr(GDate) week = date_of ("2026-03-02");
  g_autoptr(GDate) day = date_of ("2026-03-04");
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) almost = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(DgTimeEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  guint n = 0;
  gint64 a, b, rejected, cell;

  a = add_entry (store, maria, 0, "2026-03-02T10:00:00", "Europe/Berlin", 60);
  b = add_entry (store, maria, 0, "2026-03-03T10:00:00", "Europe/Berlin", 60);
  rejected = add_entry (store, maria, 0, "2026-03-05T10:00:00", "Europe/Berlin", 45);
  g_assert_true (dg_timesheet_store_set_grid_cell (store, maria, 0, day, 30, NULL));
  cell = dg_test_query_int (fixture->db, "SELECT max(id) FROM time_entries");
  g_assert_true (dg_timesheet_store_reject_entries (store, &rejected, 1, "Wrong day", NULL));
  g_assert_true (dg_timesheet_store_reject_entries (store, &cell, 1, "Too long", NULL));
  backdate_pending (fixture->db);
  set_profile (fixture->db, G_DATE_MONDAY, 3);

  after = g_date_time_new_now_utc ();
  g_assert_true (dg_timesheet_store_apply_auto_approval (store, after, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_clear_pointer (&after, g_date_time_unref);

  before = g_date_time_new_now_utc ();
  g_assert_true (dg_timesheet_store_reopen_week (store, maria, week, "Check the hours", &error));
  g_assert_no_error (error);
  entry = dg_timesheet_store_get_entry (store, rejected, NULL);
  dg_time_entry_set_minutes (entry, 30);
  g_assert_true (dg_timesheet_store_update_entry (store, entry, &error));
  g_assert_no_error (error);
  /* The grid's cell corrects its rejected entry as well. */
  g_assert_true (dg_timesheet_store_set_grid_cell (store, maria, 0, day, 20, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry_state (store, cell), ==, DG_TIME_ENTRY_STATE_PENDING);
  after = g_date_time_new_now_utc ();

  g_assert_true (dg_timesheet_store_apply_auto_approval (store, after, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  last = last_audit (fixture->db);
  g_assert_cmpstr (last, ==, "rejected>pending::0");
  g_assert_cmpint (entry_state (store, a), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpint (entry_state (store, b), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpint (entry_state (store, rejected), ==, DG_TIME_ENTRY_STATE_PENDING);

  almost = g_date_time_add (before, 3 * G_TIME_SPAN_DAY - G_TIME_SPAN_SECOND);
  g_assert_true (dg_timesheet_store_apply_auto_approval (store, almost, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  due = g_date_time_add_days (after, 3);
  g_assert_true (dg_timesheet_store_apply_auto_approval (store, due, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (entry_state (store, a), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (entry_state (store, rejected), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (entry_state (store, cell), ==, DG_TIME_ENTRY_STATE_APPROVED);
}

static void
test_approve_until (DgTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  gint64 jonas = add_assistant (fixture->db, "Jonas", "Europe/Berlin");
  g_autoptr(GDate) until = date_of ("2026-03-04");
  g_autoptr(GError) error = NULL;
  gint64 m1, m2, j1, j2, rejected;
  guint n = 0;

  m1 = add_entry (store, maria, 0, "2026-03-02T10:00:00", "Asia/Manila", 60);
  m2 = add_entry (store, maria, 0, "2026-03-05T00:30:00", "Asia/Manila", 60);
  j1 = add_entry (store, jonas, 0, "2026-03-04T23:30:00", "Europe/Berlin", 60);
  j2 = add_entry (store, jonas, 0, "2026-03-05T10:00:00", "Europe/Berlin", 60);
  rejected = add_entry (store, jonas, 0, "2026-03-01T10:00:00", "Europe/Berlin", 60);
  g_assert_true (dg_timesheet_store_reject_entries (store, &rejected, 1, "No", NULL));

  g_assert_true (dg_timesheet_store_approve_until (store, until, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (entry_state (store, m1), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (entry_state (store, j1), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_cmpint (entry_state (store, m2), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpint (entry_state (store, j2), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpint (entry_state (store, rejected), ==, DG_TIME_ENTRY_STATE_REJECTED);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM audit_log WHERE new_state = 'approved' AND automatic = 0"), ==, 2);

  /* Nothing more up to that day: not an error. */
  g_assert_true (dg_timesheet_store_approve_until (store, until, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
}

/* ---- totals -------------------------------------------------------------------------- */

static void
test_totals (DgTestFixture *fixture,
             gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant_full (fixture->db, "Maria", "Asia/Manila", "USD", 3000);
  gint64 triage, research, website, report, cancelled_report;
  g_autoptr(DgTimesheetWeek) week = NULL;
  GPtrArray *totals, *fees;
  DgTimesheetTaskTotal *total;
  DgTimesheetFixedFee *fee;
  DgMoney amount;
  gint64 rejected;

  triage = dg_test_add_task (fixture->db, maria, "Inbox triage", "assistant-rate", 0, "2026-03-02", "", "open", 0);
  research = dg_test_add_task (fixture->db, maria, "Research", "own-rate", 4500, "2026-03-02", "", "open", 0);
  website = dg_test_add_task (fixture->db, maria, "Website update", "fixed-fee", 25000, "2026-03-04", "", "done", 0);
  report = dg_test_add_task (fixture->db, maria, "Weekly report", "fixed-fee", 5000, "2026-02-02",
                             "FREQ=WEEKLY;BYDAY=MO,FR", "open", 0);
  cancelled_report = dg_test_add_task (fixture->db, maria, "Old report", "fixed-fee", 7000, "2026-02-02",
                                       "FREQ=WEEKLY", "cancelled", 0);
  /* Done twice this week, once the week before, once skipped, once open. */
  dg_test_add_occurrence (fixture->db, report, "20260302T090000", "done");
  dg_test_add_occurrence (fixture->db, report, "20260306T090000", "done");
  dg_test_add_occurrence (fixture->db, report, "20260227T090000", "done");
  dg_test_add_occurrence (fixture->db, report, "20260309", "done");
  dg_test_add_occurrence (fixture->db, cancelled_report, "20260303T090000", "skipped");
  /* A fixed-fee one-off task done but due another week counts there. */
  dg_test_add_task (fixture->db, maria, "Logo", "fixed-fee", 9900, "2026-03-10", "", "done", 0);

  add_entry (store, maria, triage, "2026-03-02T10:00:00", "Asia/Manila", 90);   /* 45.00 */
  add_entry (store, maria, triage, "2026-03-03T10:00:00", "Asia/Manila", 30);   /* +15.00 */
  add_entry (store, maria, research, "2026-03-03T14:00:00", "Asia/Manila", 20); /* 15.00 */
  add_entry (store, maria, website, "2026-03-04T10:00:00", "Asia/Manila", 240); /* 0 */
  add_entry (store, maria, report, "2026-03-06T10:00:00", "Asia/Manila", 45);   /* 0 */
  add_entry (store, maria, 0, "2026-03-07T10:00:00", "Asia/Manila", 1);         /* 0.50 */
  rejected = add_entry (store, maria, triage, "2026-03-05T10:00:00", "Asia/Manila", 600);
  g_assert_true (dg_timesheet_store_reject_entries (store, &rejected, 1, "Too much", NULL));

  week = get_week (store, maria, "2026-03-02");
  g_assert_cmpstr (dg_timesheet_week_get_currency (week), ==, "USD");
  g_assert_cmpint (dg_timesheet_week_get_minutes (week), ==, 90 + 30 + 20 + 240 + 45 + 1);
  g_assert_cmpint (dg_timesheet_week_get_pending_minutes (week), ==, 90 + 30 + 20 + 240 + 45 + 1);
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 0), ==, 90);
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 1), ==, 50);
  g_assert_cmpint (dg_timesheet_week_get_day_minutes (week, 3), ==, 0);
  g_assert_cmpuint (dg_timesheet_week_get_n_pending (week), ==, 6);
  g_assert_cmpuint (dg_timesheet_week_get_n_rejected (week), ==, 1);

  totals = dg_timesheet_week_get_task_totals (week);
  g_assert_cmpuint (totals->len, ==, 5);
  {
    struct { const char *title; gint64 minutes; gint64 amount; } expected[] = {
      { "Inbox triage", 120, 6000 },
      { "Research", 20, 1500 },
      { "Website update", 240, 0 },
      { "Weekly report", 45, 0 },
      { "No task", 1, 50 },
    };

    for (guint i = 0; i < totals->len && i < G_N_ELEMENTS (expected); i++)
      {
        total = g_ptr_array_index (totals, i);
        g_assert_cmpstr (total->title, ==, expected[i].title);
        g_assert_cmpint (total->minutes, ==, expected[i].minutes);
        g_assert_cmpint (total->amount, ==, expected[i].amount);
      }
    total = g_ptr_array_index (totals, 4);
    g_assert_cmpint (total->task_id, ==, 0);
  }

  fees = dg_timesheet_week_get_fixed_fees (week);
  g_assert_cmpuint (fees->len, ==, 3);
  fee = g_ptr_array_index (fees, 0);
  g_assert_cmpstr (fee->title, ==, "Weekly report");
  g_assert_cmpstr (fee->due_date, ==, "2026-03-02");
  g_assert_cmpstr (fee->recurrence_id, ==, "20260302T090000");
  g_assert_cmpint (fee->fee, ==, 5000);
  fee = g_ptr_array_index (fees, 1);
  g_assert_cmpstr (fee->title, ==, "Website update");
  g_assert_cmpstr (fee->recurrence_id, ==, "");
  g_assert_cmpstr (fee->due_date, ==, "2026-03-04");
  g_assert_cmpint (fee->fee, ==, 25000);
  fee = g_ptr_array_index (fees, 2);
  g_assert_cmpstr (fee->due_date, ==, "2026-03-06");

  amount = dg_timesheet_week_get_amount (week);
  g_assert_cmpint (amount.minor, ==, 6000 + 1500 + 50 + 5000 + 25000 + 5000);
  g_assert_cmpstr (amount.currency, ==, "USD");
  {
    gint64 property = 0;

    g_object_get (week, "amount", &property, NULL);
    g_assert_cmpint (property, ==, amount.minor);
  }
}

static void
test_totals_rounding (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  struct { gint64 rate; int minutes; gint64 amount; } cases[] = {
    { 1000, 1, 17 },    /* 16.67 */
    { 1000, 2, 33 },    /* 33.33 */
    { 1050, 1, 18 },    /* 17.5: half away from zero */
    { 1030, 1, 17 },    /* 17.17 */
    { 9999, 59, 9832 }, /* 9832.35 */
    { 0, 60, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("Assistant %" G_GSIZE_FORMAT, i);
      gint64 id = add_assistant_full (fixture->db, name, "UTC", "EUR", cases[i].rate);
      g_autoptr(DgTimesheetWeek) week = NULL;
      GPtrArray *totals;

      add_entry (store, id, 0, "2026-03-02T10:00:00", "UTC", cases[i].minutes);
      week = get_week (store, id, "2026-03-02");
      totals = dg_timesheet_week_get_task_totals (week);
      g_assert_cmpuint (totals->len, ==, 1);
      g_assert_cmpint (((DgTimesheetTaskTotal *) g_ptr_array_index (totals, 0))->amount, ==, cases[i].amount);
      g_assert_cmpint (dg_timesheet_week_get_amount (week).minor, ==, cases[i].amount);
    }

  /* Each task's total is rounded once, not each entry: 3 × 1 min at
   * 10.00/h is 50 cents, not 3 × 17. */
  {
    gint64 id = add_assistant_full (fixture->db, "Sum", "UTC", "EUR", 1000);
    g_autoptr(DgTimesheetWeek) week = NULL;

    add_entry (store, id, 0, "2026-03-02T10:00:00", "UTC", 1);
    add_entry (store, id, 0, "2026-03-03T10:00:00", "UTC", 1);
    add_entry (store, id, 0, "2026-03-04T10:00:00", "UTC", 1);
    week = get_week (store, id, "2026-03-02");
    g_assert_cmpint (dg_timesheet_week_get_amount (week).minor, ==, 50);
  }
}

static void
test_hours_by_week (DgTestFixture *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 zoe = add_assistant (fixture->db, "Zoe", "Europe/Berlin");
  gint64 maria = add_assistant (fixture->db, "maria", "Asia/Manila");
  g_autoptr(GDate) today = date_of ("2026-03-18");
  g_autoptr(GPtrArray) hours = NULL;
  g_autoptr(GError) error = NULL;
  DgAssistantHours *row;
  gint64 rejected;

  add_assistant (fixture->db, "Idle", "UTC");
  add_entry (store, zoe, 0, "2026-03-02T10:00:00", "Europe/Berlin", 60);   /* week 0 */
  add_entry (store, zoe, 0, "2026-03-22T23:00:00", "Europe/Berlin", 30);   /* week 2 (Sunday) */
  add_entry (store, zoe, 0, "2026-02-28T10:00:00", "Europe/Berlin", 500);  /* before */
  add_entry (store, zoe, 0, "2026-03-23T10:00:00", "Europe/Berlin", 500);  /* after */
  add_entry (store, maria, 0, "2026-03-09T10:00:00", "Asia/Manila", 45);   /* week 1 */
  rejected = add_entry (store, maria, 0, "2026-03-10T10:00:00", "Asia/Manila", 100);
  g_assert_true (dg_timesheet_store_reject_entries (store, &rejected, 1, "No", NULL));

  hours = dg_timesheet_store_hours_by_week (store, today, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hours->len, ==, 2);
  row = g_ptr_array_index (hours, 0);
  g_assert_cmpstr (row->name, ==, "maria");
  g_assert_cmpint (row->assistant_id, ==, maria);
  g_assert_cmpuint (row->n_weeks, ==, 3);
  g_assert_cmpint (row->minutes[0], ==, 0);
  g_assert_cmpint (row->minutes[1], ==, 45);
  g_assert_cmpint (row->minutes[2], ==, 0);
  row = g_ptr_array_index (hours, 1);
  g_assert_cmpstr (row->name, ==, "Zoe");
  g_assert_cmpint (row->minutes[0], ==, 60);
  g_assert_cmpint (row->minutes[1], ==, 0);
  g_assert_cmpint (row->minutes[2], ==, 30);
}

/* ---- the grid -------------------------------------------------------------------------- */

static DgTimesheetGridRow *
find_row (GPtrArray *rows,
          gint64     task_id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((DgTimesheetGridRow *) g_ptr_array_index (rows, i))->task_id == task_id)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static void
test_grid (DgTestFixture *fixture,
           gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  gint64 triage = dg_test_add_task (fixture->db, maria, "inbox triage", "assistant-rate", 0, "2026-03-02", "", "open", 0);
  gint64 admin = dg_test_add_task (fixture->db, maria, "Admin", "assistant-rate", 0, "2026-03-02", "", "done", 0);
  gint64 gone = dg_test_add_task (fixture->db, maria, "Cancelled", "assistant-rate", 0, "2026-03-02", "", "cancelled", 0);
  gint64 old = dg_test_add_task (fixture->db, maria, "Archive", "assistant-rate", 0, "2026-03-02", "", "cancelled", 0);
  g_autoptr(GDate) monday = date_of ("2026-03-02");
  g_autoptr(GDate) tuesday = date_of ("2026-03-03");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimeEntry) imported = dg_test_new_entry (maria, triage, "2026-03-03T15:00:00", "Asia/Manila", 25, "");
  DgTimesheetGridRow *row;
  gint64 approved, second, first_id;

  /* The cancelled task with hours this week has a row; without, none. */
  add_entry (store, maria, old, "2026-03-04T10:00:00", "Asia/Manila", 15);
  dg_time_entry_set_source (imported, "toggl", "x-1");
  g_assert_true (dg_timesheet_store_add_entry (store, imported, NULL));
  approved = add_entry (store, maria, triage, "2026-03-03T08:00:00", "Asia/Manila", 40);
  g_assert_true (dg_timesheet_store_approve_entries (store, &approved, 1, NULL));

  rows = dg_timesheet_store_get_grid (store, maria, monday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (((DgTimesheetGridRow *) g_ptr_array_index (rows, 0))->title, ==, "Admin");
  g_assert_cmpstr (((DgTimesheetGridRow *) g_ptr_array_index (rows, 1))->title, ==, "Archive");
  g_assert_cmpstr (((DgTimesheetGridRow *) g_ptr_array_index (rows, 2))->title, ==, "inbox triage");
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpint (row->task_id, ==, 0);
  g_assert_cmpstr (row->title, ==, "No task");
  g_assert_null (find_row (rows, gone));
  g_assert_nonnull (find_row (rows, admin));
  row = find_row (rows, old);
  g_assert_cmpint (row->editable[2], ==, 15);
  row = find_row (rows, triage);
  g_assert_cmpint (row->editable[1], ==, 0);
  g_assert_cmpint (row->other[1], ==, 25 + 40);

  /* A cell: a new manual entry at 09:00 local time. */
  g_assert_true (dg_timesheet_store_set_grid_cell (store, maria, triage, tuesday, 90, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM time_entries WHERE source = 'manual' AND minutes = 90 "
                   "AND start_utc = '2026-03-03T01:00:00Z' AND local_date = '2026-03-03' "
                   "AND time_zone = 'Asia/Manila' AND state = 'pending'"), ==, 1);
  first_id = dg_test_query_int (fixture->db, "SELECT id FROM time_entries WHERE minutes = 90");

  /* Changed again: the same entry holds the new value. */
  g_assert_true (dg_timesheet_store_set_grid_cell (store, maria, triage, tuesday, 75, &error));
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM time_entries WHERE source = 'manual' AND task_id IS NOT NULL "
                   "AND local_date = '2026-03-03' AND state = 'pending'"), ==, 1);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT id FROM time_entries WHERE minutes = 75"), ==, first_id);

  /* Two manual entries in one cell become one. */
  second = add_entry (store, maria, triage, "2026-03-03T18:00:00", "Asia/Manila", 10);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dg_timesheet_store_get_grid (store, maria, monday, NULL);
  g_assert_cmpint (find_row (rows, triage)->editable[1], ==, 85);
  g_assert_true (dg_timesheet_store_set_grid_cell (store, maria, triage, tuesday, 60, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM time_entries WHERE source = 'manual' AND state = 'pending' "
                   "AND local_date = '2026-03-03'"), ==, 1);
  {
    g_autoptr(DgTimeEntry) gone_entry = dg_timesheet_store_get_entry (store, second, &error);

    g_assert_null (gone_entry);
    g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dg_timesheet_store_get_grid (store, maria, monday, NULL);
  row = find_row (rows, triage);
  g_assert_cmpint (row->editable[1], ==, 60);
  /* Imported and approved hours were left alone. */
  g_assert_cmpint (row->other[1], ==, 25 + 40);
  g_assert_cmpint (entry_state (store, approved), ==, DG_TIME_ENTRY_STATE_APPROVED);
  g_assert_true (is_imported (store, "toggl", "x-1"));

  /* 0 removes the cell's entries, and each removal is logged. */
  g_assert_true (dg_timesheet_store_set_grid_cell (store, maria, triage, tuesday, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dg_timesheet_store_get_grid (store, maria, monday, NULL);
  g_assert_cmpint (find_row (rows, triage)->editable[1], ==, 0);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                   "SELECT count(*) FROM audit_log WHERE new_state = 'deleted'"), ==, 2);

  /* The "No task" cell. */
  g_assert_true (dg_timesheet_store_set_grid_cell (store, maria, 0, monday, 30, &error));
  entries = dg_timesheet_store_list_week_entries (store, maria, monday, NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dg_timesheet_store_get_grid (store, maria, monday, NULL);
  g_assert_cmpint (find_row (rows, 0)->editable[0], ==, 30);

  /* Out of range, and a task of nobody. */
  g_assert_false (dg_timesheet_store_set_grid_cell (store, maria, 0, monday, 1441, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dg_timesheet_store_set_grid_cell (store, maria, 999, monday, 30, &error));
  g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An archived assistant's cells can be emptied, not filled. */
  dg_test_execute (fixture->db, "UPDATE assistants SET active = 0");
  g_assert_false (dg_timesheet_store_set_grid_cell (store, maria, triage, tuesday, 30, &error));
  g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_ARCHIVED);
  g_clear_error (&error);
  g_assert_true (dg_timesheet_store_set_grid_cell (store, maria, 0, monday, 0, &error));
  g_assert_no_error (error);
}

/* ---- imports ----------------------------------------------------------------------------- */

/* The grid offers the tasks of the week, not every task the assistant
 * ever had: after a year of one-off tasks it had hundreds of rows. */
static void
test_grid_tasks (DgTestFixture *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  gint64 jonas = add_assistant (fixture->db, "Jonas", "Europe/Berlin");
  g_autoptr(GDate) monday = date_of ("2026-03-02");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char *title; const char *due; const char *rrule; const char *status; gboolean shown; } tasks[] = {
    { "Overdue and open", "2025-11-03", "", "open", TRUE },
    { "Started", "2026-01-05", "", "in-progress", TRUE },
    { "Due later", "2026-06-01", "", "open", TRUE },
    { "Done this week", "2026-03-06", "", "done", TRUE },
    { "Done last year", "2025-03-03", "", "done", FALSE },
    { "Done next week", "2026-03-09", "", "done", FALSE },
    { "Cancelled this week", "2026-03-04", "", "cancelled", FALSE },
    { "Cancelled long ago", "2025-05-05", "", "cancelled", FALSE },
    { "Weekly, running", "2026-01-05", "FREQ=WEEKLY;BYDAY=MO", "open", TRUE },
    { "Weekly, done with this week's", "2026-01-05", "FREQ=WEEKLY;BYDAY=MO", "done", TRUE },
    { "Weekly, done long ago", "2025-01-06", "FREQ=WEEKLY;BYDAY=MO", "done", FALSE },
    { "Weekly, skipped this week", "2026-01-05", "FREQ=WEEKLY;BYDAY=MO", "done", FALSE },
    { "Weekly, cancelled", "2026-01-05", "FREQ=WEEKLY;BYDAY=MO", "cancelled", FALSE },
    { "Done with hours", "2025-02-03", "", "done", TRUE },
    { "Cancelled with hours", "2025-02-03", "", "cancelled", TRUE },
  };
  gint64 ids[G_N_ELEMENTS (tasks)];

  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    ids[i] = dg_test_add_task (fixture->db, maria, tasks[i].title, "assistant-rate", 0, tasks[i].due,
                               tasks[i].rrule, tasks[i].status, 0);
  dg_test_add_occurrence (fixture->db, ids[9], "20260302", "done");
  dg_test_add_occurrence (fixture->db, ids[10], "20250106", "done");
  dg_test_add_occurrence (fixture->db, ids[11], "20260302", "skipped");
  add_entry (store, maria, ids[13], "2026-03-03T10:00:00", "Asia/Manila", 30);
  add_entry (store, maria, ids[14], "2026-03-08T10:00:00", "Asia/Manila", 30);
  /* Another assistant's open task is not Maria's to log. */
  dg_test_add_task (fixture->db, jonas, "Jonas's task", "assistant-rate", 0, "2026-03-02", "", "open", 0);

  rows = dg_timesheet_store_get_grid (store, maria, monday, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tasks); i++)
    {
      g_test_message ("%s", tasks[i].title);
      g_assert_cmpint (find_row (rows, ids[i]) != NULL, ==, tasks[i].shown);
    }
  /* The tasks shown, and the row without a task. */
  g_assert_cmpuint (rows->len, ==, 8 + 1);
}

static void
test_add_entries (DgTestFixture *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_added = 99, n_duplicates = 99, changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &changed);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *local = g_strdup_printf ("2026-03-0%dT10:00:00", i + 2);
      g_autofree char *external = g_strdup_printf ("c-%d", i % 3);
      DgTimeEntry *entry = dg_test_new_entry (maria, 0, local, "Asia/Manila", 30, "Imported");

      /* c-0, c-1, c-2, c-0 again: the last one is a duplicate in the file. */
      dg_time_entry_set_source (entry, "clockify", external);
      g_ptr_array_add (batch, entry);
    }
  /* One bad entry refuses the whole batch. */
  dg_time_entry_set_minutes (g_ptr_array_index (batch, 2), 0);
  g_assert_false (dg_timesheet_store_add_entries (store, batch, &n_added, &n_duplicates, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM time_entries"), ==, 0);
  g_assert_cmpint (count_audit (fixture->db), ==, 0);
  g_assert_cmpint (dg_time_entry_get_id (g_ptr_array_index (batch, 0)), ==, 0);
  g_assert_cmpint (changed, ==, 0);

  dg_time_entry_set_minutes (g_ptr_array_index (batch, 2), 30);
  g_assert_true (dg_timesheet_store_add_entries (store, batch, &n_added, &n_duplicates, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);
  g_assert_cmpuint (n_duplicates, ==, 1);
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpint (dg_time_entry_get_id (g_ptr_array_index (batch, 0)), >, 0);
  g_assert_cmpint (dg_time_entry_get_id (g_ptr_array_index (batch, 3)), ==, 0);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM time_entries"), ==, 3);
  g_assert_cmpint (count_audit (fixture->db), ==, 3);

  /* The same file again adds nothing, even after the assistant left. */
  dg_test_execute (fixture->db, "UPDATE assistants SET active = 0");
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *local = g_strdup_printf ("2026-03-0%dT10:00:00", i + 2);
      g_autofree char *external = g_strdup_printf ("c-%d", i % 3);
      DgTimeEntry *entry = dg_test_new_entry (maria, 0, local, "Asia/Manila", 30, "Imported");

      dg_time_entry_set_source (entry, "clockify", external);
      g_ptr_array_add (again, entry);
    }
  g_assert_true (dg_timesheet_store_add_entries (store, again, &n_added, &n_duplicates, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (n_duplicates, ==, 4);
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM time_entries"), ==, 3);

  /* New hours of the archived assistant are refused, all of them. */
  {
    g_autoptr(GPtrArray) late = g_ptr_array_new_with_free_func (g_object_unref);
    DgTimeEntry *entry = dg_test_new_entry (maria, 0, "2026-03-09T10:00:00", "Asia/Manila", 30, "");

    dg_time_entry_set_source (entry, "clockify", "c-9");
    g_ptr_array_add (late, entry);
    g_assert_false (dg_timesheet_store_add_entries (store, late, &n_added, &n_duplicates, &error));
    g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_ARCHIVED);
  }
}

/* A database that cannot be read is an error the import preview shows on
 * the line, not "not imported before" (which listed the row as new). */
static void
test_has_external_id_error (DgTestFixture *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  g_autoptr(GError) error = NULL;
  gboolean stored = TRUE;

  dg_test_execute (fixture->db, "DROP TABLE time_entries");
  g_assert_false (dg_timesheet_store_has_external_id (store, "toggl", "t-1", &stored, &error));
  g_assert_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_FAILED);
  g_assert_false (stored);
}

static void
test_update_keeps_source (DgTestFixture *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(DgTimesheetStore) store = dg_timesheet_store_new (fixture->db);
  gint64 maria = add_assistant (fixture->db, "Maria", "Asia/Manila");
  g_autoptr(DgTimeEntry) entry = dg_test_new_entry (maria, 0, "2026-03-02T10:00:00", "Asia/Manila", 30, "");
  g_autoptr(DgTimeEntry) changes = NULL;
  g_autoptr(DgTimeEntry) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) from = date_of ("2026-03-01");
  g_autoptr(GDate) to = date_of ("2026-03-02");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GTimeZone) manila = g_time_zone_new_identifier ("Asia/Manila");
  g_autoptr(GDateTime) start = g_date_time_new (manila, 2026, 3, 9, 8, 0, 0);

  dg_time_entry_set_source (entry, "harvest", "h-1");
  g_assert_true (dg_timesheet_store_add_entry (store, entry, NULL));
  changes = dg_time_entry_copy (entry);
  dg_time_entry_set_source (changes, "manual", "");
  dg_time_entry_set_start (changes, start);
  dg_time_entry_set_note (changes, "Moved");
  g_assert_true (dg_timesheet_store_update_entry (store, changes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dg_time_entry_get_source (changes), ==, "harvest");

  read = dg_timesheet_store_get_entry (store, dg_time_entry_get_id (entry), NULL);
  g_assert_cmpstr (dg_time_entry_get_source (read), ==, "harvest");
  g_assert_cmpstr (dg_time_entry_get_external_id (read), ==, "h-1");
  g_assert_cmpstr (dg_time_entry_get_local_date (read), ==, "2026-03-09");
  g_assert_cmpstr (dg_time_entry_get_note (read), ==, "Moved");
  /* A pending entry's edit is not a change of state: not logged. */
  g_assert_cmpint (count_audit (fixture->db), ==, 1);

  listed = dg_timesheet_store_list_entries (store, 0, from, to, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = dg_timesheet_store_list_entries (store, maria, NULL, NULL, &error);
  g_assert_cmpuint (listed->len, ==, 1);

  /* Gone: not found. */
  g_assert_true (dg_timesheet_store_delete_entry (store, dg_time_entry_get_id (entry), NULL));
  g_assert_false (dg_timesheet_store_update_entry (store, changes, &error));
  g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (dg_timesheet_store_delete_entry (store, dg_time_entry_get_id (entry), &error));
  g_assert_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  dg_test_add_with_database ("/timesheet-store/add-entry", test_add_entry);
  g_test_add_func ("/timesheet-store/transitions", test_transitions);
  dg_test_add_with_database ("/timesheet-store/approve-entries-all-or-nothing", test_approve_entries_all_or_nothing);
  dg_test_add_with_database ("/timesheet-store/reopen-refused-when-invoiced", test_reopen_refused_when_invoiced);
  dg_test_add_with_database ("/timesheet-store/audit-rows", test_audit_rows);
  dg_test_add_with_database ("/timesheet-store/audit-after-week-start-change", test_audit_after_week_start_change);
  dg_test_add_with_database ("/timesheet-store/audit-append-only", test_audit_append_only);
  dg_test_add_with_database ("/timesheet-store/week-sunday-night-manila", test_week_sunday_night_manila);
  dg_test_add_with_database ("/timesheet-store/week-with-dst-change", test_week_with_dst_change);
  g_test_add_func ("/timesheet-store/week-start-and-range", test_week_start_and_range);
  dg_test_add_with_database ("/timesheet-store/get-week-any-day", test_get_week_any_day);
  dg_test_add_with_database ("/timesheet-store/list-weeks", test_list_weeks);
  dg_test_add_with_database ("/timesheet-store/auto-approval", test_auto_approval);
  dg_test_add_with_database ("/timesheet-store/auto-approval-assistant-zone", test_auto_approval_assistant_zone);
  dg_test_add_with_database ("/timesheet-store/auto-approval-late-hours", test_auto_approval_late_hours);
  dg_test_add_with_database ("/timesheet-store/auto-approval-reopened-and-corrected", test_auto_approval_reopened_and_corrected);
  dg_test_add_with_database ("/timesheet-store/approve-until", test_approve_until);
  dg_test_add_with_database ("/timesheet-store/totals", test_totals);
  dg_test_add_with_database ("/timesheet-store/totals-rounding", test_totals_rounding);
  dg_test_add_with_database ("/timesheet-store/hours-by-week", test_hours_by_week);
  dg_test_add_with_database ("/timesheet-store/grid", test_grid);
  dg_test_add_with_database ("/timesheet-store/grid-tasks", test_grid_tasks);
  dg_test_add_with_database ("/timesheet-store/add-entries", test_add_entries);
  dg_test_add_with_database ("/timesheet-store/update-keeps-source", test_update_keeps_source);
  dg_test_add_with_database ("/timesheet-store/has-external-id-error", test_has_external_id_error);

  return g_test_run ();
}
