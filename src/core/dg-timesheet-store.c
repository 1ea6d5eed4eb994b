/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-timesheet-store"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dg-duration.h"
#include "dg-money.h"
#include "dg-task-private.h"
#include "dg-time-entry-private.h"
#include "dg-timesheet-private.h"
#include "dg-timesheet-store.h"
#include "dg-validation.h"

/* The hour a grid cell's entry starts at, in the assistant's zone. */
#define GRID_ENTRY_HOUR 9

struct _DgTimesheetStore
{
  GObject     parent_instance;

  DgDatabase *db;
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DgTimesheetStore, dg_timesheet_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (dg-timesheet-error-quark, dg_timesheet_error)

/* ---- SQL ------------------------------------------------------------------ */

static const char *select_settings_sql =
  "SELECT week_start, auto_approve_days FROM business_profile WHERE id = 1";
static const char *select_assistant_sql =
  "SELECT name, time_zone, currency, hourly_rate, active FROM assistants WHERE id = ?1";
static const char *select_task_sql =
  "SELECT assistant_id, title FROM tasks WHERE id = ?1";

#define ENTRY_COLUMNS \
  "e.id, e.assistant_id, coalesce (e.task_id, 0), e.start_utc, e.time_zone, " \
  "e.minutes, e.note, e.source, e.external_id, e.state, e.reason, a.name, " \
  "coalesce (t.title, '')"
#define ENTRY_TABLES \
  " FROM time_entries e JOIN assistants a ON a.id = e.assistant_id " \
  "LEFT JOIN tasks t ON t.id = e.task_id"
#define SELECT_ENTRIES "SELECT " ENTRY_COLUMNS ENTRY_TABLES

static const char *select_entry_sql = SELECT_ENTRIES " WHERE e.id = ?1";
static const char *select_week_entries_sql =
  SELECT_ENTRIES " WHERE e.assistant_id = ?1 AND e.local_date BETWEEN ?2 AND ?3 "
  "ORDER BY e.start_utc, e.id";
static const char *select_entries_sql =
  SELECT_ENTRIES " WHERE (?1 = 0 OR e.assistant_id = ?1) AND e.local_date BETWEEN ?2 AND ?3 "
  "ORDER BY e.start_utc, e.id";
static const char *select_pending_until_sql =
  SELECT_ENTRIES " WHERE e.state = 'pending' AND e.local_date <= ?1 "
  "ORDER BY e.assistant_id, e.start_utc, e.id";
/* With what automatic approval needs beside the entry: since when it is
 * pending, and the assistant's zone, in which their weeks end. */
#define PENDING_SINCE_COLUMN 13
static const char *select_pending_sql =
  "SELECT " ENTRY_COLUMNS ", e.pending_since, a.time_zone" ENTRY_TABLES
  " WHERE e.state = 'pending' ORDER BY e.assistant_id, e.start_utc, e.id";
static const char *select_grid_cell_sql =
  SELECT_ENTRIES " WHERE e.assistant_id = ?1 AND coalesce (e.task_id, 0) = ?2 "
  "AND e.local_date = ?3 AND e.source = 'manual' AND e.state IN ('pending', 'rejected') "
  "ORDER BY e.id";

static const char *insert_entry_sql =
  "INSERT INTO time_entries (assistant_id, task_id, start_utc, time_zone, local_date, "
  "minutes, note, source, external_id, state, reason, created_at, pending_since) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'pending', '', ?10, ?10)";
/* Only an entry still editable is written: the state in the match keeps a
 * frozen one frozen whatever the caller read before. A rejected entry
 * corrected this way is pending from ?9, now (SET reads the old state). */
static const char *update_entry_sql =
  "UPDATE time_entries SET assistant_id = ?2, task_id = ?3, start_utc = ?4, time_zone = ?5, "
  "local_date = ?6, minutes = ?7, note = ?8, state = 'pending', reason = '', "
  "pending_since = CASE state WHEN 'rejected' THEN ?9 ELSE pending_since END "
  "WHERE id = ?1 AND state IN ('pending', 'rejected')";
/* An entry that becomes pending (reopened) is pending from ?5, now. */
static const char *update_state_sql =
  "UPDATE time_entries SET state = ?2, reason = ?3, "
  "pending_since = CASE ?2 WHEN 'pending' THEN ?5 ELSE pending_since END "
  "WHERE id = ?1 AND state = ?4";
static const char *delete_entry_sql =
  "DELETE FROM time_entries WHERE id = ?1 AND state IN ('pending', 'rejected')";
/* The condition on external_id repeats the partial index's, without which
 * SQLite cannot use that index and reads the whole table for every row. */
static const char *count_external_id_sql =
  "SELECT count(*) FROM time_entries WHERE source = ?1 AND external_id = ?2 AND external_id <> ''";

static const char *insert_audit_sql =
  "INSERT INTO audit_log (at, object_type, object_id, assistant_id, local_date, "
  "old_state, new_state, reason, automatic, summary) "
  "VALUES (?1, 'time-entry', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char *select_audit_sql =
  "SELECT id, at, object_type, object_id, assistant_id, local_date, old_state, new_state, "
  "reason, automatic, summary FROM audit_log "
  "WHERE object_type = 'time-entry' AND (?1 = 0 OR assistant_id = ?1) "
  "AND (?2 = '' OR local_date BETWEEN ?2 AND ?3) ORDER BY id";

/* The first day of an entry's week, from its local date and ?1, the first
 * weekday as strftime's %w counts (Sunday 0). */
#define WEEK_OF_ENTRY \
  "date (local_date, '-' || ((CAST (strftime ('%w', local_date) AS INTEGER) - ?1 + 7) % 7) " \
  "|| ' days')"
/* The awaiting weeks are found from the pending entries alone (through
 * the index on state), not by grouping every entry ever made. */
#define SELECT_WEEKS(STATE_CONDITION) \
  "SELECT w.assistant_id, w.week FROM (" \
  "  SELECT DISTINCT assistant_id, " WEEK_OF_ENTRY " AS week " \
  "  FROM time_entries WHERE " STATE_CONDITION " AND (?2 = 0 OR assistant_id = ?2)) w " \
  "JOIN assistants a ON a.id = w.assistant_id "
static const char *select_awaiting_weeks_sql =
  SELECT_WEEKS ("state = 'pending'") "ORDER BY w.week, a.name COLLATE NOCASE, a.id";
static const char *select_all_weeks_sql =
  SELECT_WEEKS ("1") "ORDER BY w.week DESC, a.name COLLATE NOCASE, a.id";

static const char *select_week_totals_sql =
  "SELECT e.local_date, e.state, e.minutes, coalesce (e.task_id, 0), coalesce (t.title, ''), "
  "coalesce (t.billing, ''), coalesce (t.billing_amount, 0) "
  "FROM time_entries e LEFT JOIN tasks t ON t.id = e.task_id "
  "WHERE e.assistant_id = ?1 AND e.local_date BETWEEN ?2 AND ?3";
/* Done occurrences of fixed-fee series (a recurrence id starts with the
 * occurrence's local date) and done fixed-fee one-off tasks, due in the
 * week. */
#define OCCURRENCE_DATE \
  "substr (o.recurrence_id, 1, 4) || '-' || substr (o.recurrence_id, 5, 2) || '-' || " \
  "substr (o.recurrence_id, 7, 2)"
static const char *select_fixed_fees_sql =
  "SELECT t.id, t.title, o.recurrence_id, " OCCURRENCE_DATE ", t.billing_amount "
  "FROM task_occurrences o JOIN tasks t ON t.id = o.task_id "
  "WHERE t.assistant_id = ?1 AND t.billing = 'fixed-fee' AND t.rrule <> '' "
  "AND o.status = 'done' AND " OCCURRENCE_DATE " BETWEEN ?2 AND ?3 "
  "UNION ALL "
  "SELECT id, title, '', due_date, billing_amount FROM tasks "
  "WHERE assistant_id = ?1 AND billing = 'fixed-fee' AND rrule = '' AND status = 'done' "
  "AND due_date BETWEEN ?2 AND ?3";

static const char *select_hours_sql =
  "SELECT e.assistant_id, a.name, e.local_date, sum (e.minutes) "
  "FROM time_entries e JOIN assistants a ON a.id = e.assistant_id "
  "WHERE e.state <> 'rejected' AND e.local_date BETWEEN ?1 AND ?2 "
  "GROUP BY e.assistant_id, e.local_date";

/* The tasks a week's grid offers: the assistant's open ones, those due in
 * the week (a one-off task, or an occurrence of a series that has a status
 * of its own, not skipped), and any with hours in the week. Done and
 * cancelled tasks of other weeks stay out, or a year of one-off tasks
 * would fill the grid. */
static const char *select_grid_tasks_sql =
  "SELECT t.id, t.title FROM tasks t "
  "WHERE (t.assistant_id = ?1 AND (t.status IN ('open', 'in-progress') "
  "  OR (t.rrule = '' AND t.status = 'done' AND t.due_date BETWEEN ?2 AND ?3) "
  "  OR (t.status <> 'cancelled' AND t.id IN ("
  "    SELECT o.task_id FROM task_occurrences o "
  "    WHERE o.status <> 'skipped' AND " OCCURRENCE_DATE " BETWEEN ?2 AND ?3)))) "
  "OR t.id IN (SELECT task_id FROM time_entries "
  "            WHERE assistant_id = ?1 AND local_date BETWEEN ?2 AND ?3)";
static const char *select_grid_entries_sql =
  "SELECT coalesce (task_id, 0), local_date, minutes, state, source FROM time_entries "
  "WHERE assistant_id = ?1 AND local_date BETWEEN ?2 AND ?3";

/* ---- small helpers --------------------------------------------------------- */

typedef struct
{
  char    *name;
  char    *time_zone;
  char    *currency;
  gint64   hourly_rate;
  gboolean active;
} Assistant;

static void
assistant_clear (Assistant *assistant)
{
  g_clear_pointer (&assistant->name, g_free);
  g_clear_pointer (&assistant->time_zone, g_free);
  g_clear_pointer (&assistant->currency, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Assistant, assistant_clear)

static char *
now_utc_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static void
format_date (const GDate *date,
             char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

/* Reads a stored "YYYY-MM-DD" (the schema's CHECK keeps its shape). */
static gboolean
parse_date (const char *text,
            GDate      *out_date)
{
  unsigned int year, month, day;

  g_date_clear (out_date, 1);
  if (sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

/* strftime's number (%w) of a GDateWeekday: Sunday is 0 there. */
static int
weekday_number (GDateWeekday weekday)
{
  return weekday % 7;
}

static void
week_bounds (const GDate *week_start,
             char         out_first[11],
             char         out_last[11])
{
  GDate last = *week_start;

  g_date_add_days (&last, 6);
  format_date (week_start, out_first);
  format_date (&last, out_last);
}

/* Steps @stmt, a query with one row and an integer first column. */
static gboolean
query_int (DgDatabase    *db,
           sqlite3_stmt  *stmt,
           gint64        *out_value,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  else
    dg_database_propagate_error (db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
read_settings (DgTimesheetStore *self,
               GDateWeekday     *out_week_start,
               guint            *out_auto_approve_days,
               GError          **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_settings_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      int week_start = sqlite3_column_int (stmt, 0);
      int days = sqlite3_column_int (stmt, 1);

      /* The schema's CHECKs keep both in range; the guards are for a
       * file changed by hand. */
      *out_week_start = g_date_valid_weekday (week_start) ? (GDateWeekday) week_start : G_DATE_MONDAY;
      *out_auto_approve_days = days > 0 ? (guint) days : 0;
    }
  else
    {
      dg_database_propagate_error (self->db, error);
      if (rc == SQLITE_DONE && error != NULL && *error == NULL)
        g_set_error_literal (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CORRUPT,
                             _("The business profile is missing from the database. Restore a backup of the database."));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static GDateWeekday
week_start_or_monday (DgTimesheetStore *self)
{
  GDateWeekday week_start = G_DATE_MONDAY;
  guint days;

  if (!read_settings (self, &week_start, &days, NULL))
    return G_DATE_MONDAY;
  return week_start;
}

static gboolean
read_assistant (DgTimesheetStore  *self,
                gint64             assistant_id,
                Assistant         *out,
                GError           **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_assistant_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assistant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->name = g_strdup (dg_database_column_text (stmt, 0));
      out->time_zone = g_strdup (dg_database_column_text (stmt, 1));
      out->currency = g_strdup (dg_database_column_text (stmt, 2));
      out->hourly_rate = sqlite3_column_int64 (stmt, 3);
      out->active = sqlite3_column_int (stmt, 4) != 0;
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND,
                         _("The assistant of these hours no longer exists. Choose another assistant."));
  else
    dg_database_propagate_error (self->db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static GTimeZone *
lookup_zone (const char *identifier)
{
  GTimeZone *zone = _dg_task_lookup_zone (identifier);

  /* Validation keeps zones known; UTC only guards against a database
   * changed by hand. */
  return zone ? zone : g_time_zone_new_utc ();
}

static DgTimeEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  DgTimeEntry *entry = dg_time_entry_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (dg_database_column_text (stmt, 3), NULL);
  DgTimeEntryState state = DG_TIME_ENTRY_STATE_PENDING;

  /* The schema's CHECK keeps the state to the known ones. */
  dg_time_entry_state_from_string (dg_database_column_text (stmt, 9), &state);

  dg_time_entry_set_assistant_id (entry, sqlite3_column_int64 (stmt, 1));
  dg_time_entry_set_task_id (entry, sqlite3_column_int64 (stmt, 2));
  dg_time_entry_set_time_zone (entry, dg_database_column_text (stmt, 4));
  dg_time_entry_set_start (entry, start);
  dg_time_entry_set_minutes (entry, sqlite3_column_int (stmt, 5));
  dg_time_entry_set_note (entry, dg_database_column_text (stmt, 6));
  dg_time_entry_set_source (entry, dg_database_column_text (stmt, 7),
                            dg_database_column_text (stmt, 8));
  _dg_time_entry_set_stored (entry, sqlite3_column_int64 (stmt, 0), state,
                             dg_database_column_text (stmt, 10));
  _dg_time_entry_set_display (entry, dg_database_column_text (stmt, 11),
                              dg_database_column_text (stmt, 12));
  return entry;
}

/* Steps @stmt (bound) and collects its rows as entries. */
static GPtrArray *
collect_entries (DgTimesheetStore  *self,
                 sqlite3_stmt      *stmt,
                 GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}

static DgTimeEntry *
read_entry (DgTimesheetStore  *self,
            gint64             entry_id,
            GError           **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_entry_sql, error);
  DgTimeEntry *entry = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND,
                         _("The time entry no longer exists. Reload the list and try again."));
  else
    dg_database_propagate_error (self->db, error);
  sqlite3_reset (stmt);
  return entry;
}

static GPtrArray *
read_week_entries (DgTimesheetStore  *self,
                   gint64             assistant_id,
                   const GDate       *week_start,
                   GError           **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_week_entries_sql, error);
  char first[11], last[11];

  if (stmt == NULL)
    return NULL;
  week_bounds (week_start, first, last);
  sqlite3_bind_int64 (stmt, 1, assistant_id);
  dg_database_bind_text (stmt, 2, first);
  dg_database_bind_text (stmt, 3, last);
  return collect_entries (self, stmt, error);
}

/* What an entry was about, as the audit log keeps it. */
static char *
make_summary (DgTimeEntry *entry)
{
  return dg_time_entry_format_audit_summary (dg_time_entry_get_local_date (entry),
                                             dg_time_entry_get_minutes (entry),
                                             dg_time_entry_get_task_title (entry),
                                             dg_time_entry_get_note (entry));
}

static gboolean
write_audit (DgTimesheetStore  *self,
             DgTimeEntry       *entry,
             const char        *old_state,
             const char        *new_state,
             const char        *reason,
             gboolean           automatic,
             GError           **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, insert_audit_sql, error);
  g_autofree char *at = now_utc_string ();
  g_autofree char *summary = make_summary (entry);

  if (stmt == NULL)
    return FALSE;
  dg_database_bind_text (stmt, 1, at);
  sqlite3_bind_int64 (stmt, 2, dg_time_entry_get_id (entry));
  sqlite3_bind_int64 (stmt, 3, dg_time_entry_get_assistant_id (entry));
  dg_database_bind_text (stmt, 4, dg_time_entry_get_local_date (entry));
  dg_database_bind_text (stmt, 5, old_state);
  dg_database_bind_text (stmt, 6, new_state);
  dg_database_bind_text (stmt, 7, reason);
  sqlite3_bind_int (stmt, 8, automatic ? 1 : 0);
  dg_database_bind_text (stmt, 9, summary);
  return dg_database_execute (self->db, stmt, error);
}

/* Writes @to for the stored @entry (whose state is the stored one), with
 * its audit row; @entry then holds the new state. */
static gboolean
change_state (DgTimesheetStore  *self,
              DgTimeEntry       *entry,
              DgTimeEntryState   to,
              const char        *reason,
              gboolean           automatic,
              GError           **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, update_state_sql, error);
  g_autofree char *now = now_utc_string ();
  DgTimeEntryState from = dg_time_entry_get_state (entry);
  /* The entry keeps a reason only while it is rejected; a reopening's
   * reason lives in the audit log alone. */
  const char *stored_reason = to == DG_TIME_ENTRY_STATE_REJECTED ? reason : "";

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dg_time_entry_get_id (entry));
  dg_database_bind_text (stmt, 2, dg_time_entry_state_to_string (to));
  dg_database_bind_text (stmt, 3, stored_reason);
  dg_database_bind_text (stmt, 4, dg_time_entry_state_to_string (from));
  dg_database_bind_text (stmt, 5, now);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  /* Inside the transaction the row was read just before; a mismatch is a
   * bug, not a race. */
  g_assert (dg_database_changes (self->db) == 1);

  if (!write_audit (self, entry, dg_time_entry_state_to_string (from),
                    dg_time_entry_state_to_string (to), reason, automatic, error))
    return FALSE;
  _dg_time_entry_set_stored (entry, dg_time_entry_get_id (entry), to, stored_reason);
  return TRUE;
}

static gboolean
delete_stored_entry (DgTimesheetStore  *self,
                     DgTimeEntry       *entry,
                     GError           **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, delete_entry_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dg_time_entry_get_id (entry));
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  g_assert (dg_database_changes (self->db) == 1);
  return write_audit (self, entry,
                      dg_time_entry_state_to_string (dg_time_entry_get_state (entry)),
                      "deleted", "", FALSE, error);
}

/* A stripped copy of @reason, or NULL with REASON_REQUIRED and @message. */
static char *
check_reason (const char  *reason,
              const char  *message,
              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_REASON_REQUIRED, message);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

static void
set_frozen_error (DgTimeEntry  *entry,
                  gboolean      deleting,
                  GError      **error)
{
  g_autofree char *summary = make_summary (entry);

  if (dg_time_entry_get_state (entry) == DG_TIME_ENTRY_STATE_INVOICED)
    g_set_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_FROZEN,
                 deleting
                 ? _("The entry “%s” is invoiced, so it can never be deleted.")
                 : _("The entry “%s” is invoiced, so it can never be changed."),
                 summary);
  else
    g_set_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_FROZEN,
                 deleting
                 ? _("The entry “%s” is approved, so it cannot be deleted. Reopen its week first.")
                 : _("The entry “%s” is approved, so it cannot be changed. Reopen its week first."),
                 summary);
}

/* Why @entry cannot go from its state to @to. */
static void
set_transition_error (DgTimeEntry       *entry,
                      DgTimeEntryState   to,
                      GError           **error)
{
  g_autofree char *summary = make_summary (entry);
  DgTimeEntryState from = dg_time_entry_get_state (entry);
  const char *format;

  /* Single entries are only approved or rejected; weeks say their own. */
  g_assert (to == DG_TIME_ENTRY_STATE_APPROVED || to == DG_TIME_ENTRY_STATE_REJECTED);

  if (from == DG_TIME_ENTRY_STATE_INVOICED)
    format = _("The entry “%s” is invoiced, so its approval can no longer change.");
  else if (to == DG_TIME_ENTRY_STATE_APPROVED && from == DG_TIME_ENTRY_STATE_APPROVED)
    format = _("The entry “%s” is approved already. Reload the week to see its current state.");
  else if (to == DG_TIME_ENTRY_STATE_APPROVED)
    format = _("The entry “%s” was rejected. It can be approved once it is corrected.");
  else if (from == DG_TIME_ENTRY_STATE_REJECTED)
    format = _("The entry “%s” is rejected already. Reload the week to see its current state.");
  else
    format = _("The entry “%s” is approved, so it cannot be rejected. Reopen its week first.");

  g_set_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_INVALID_TRANSITION, format, summary);
}

static void
emit_changed (DgTimesheetStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- the object -------------------------------------------------------------- */

static void
dg_timesheet_store_dispose (GObject *object)
{
  DgTimesheetStore *self = DG_TIMESHEET_STORE (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (dg_timesheet_store_parent_class)->dispose (object);
}

static void
dg_timesheet_store_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DgTimesheetStore *self = DG_TIMESHEET_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_timesheet_store_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DgTimesheetStore *self = DG_TIMESHEET_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_timesheet_store_class_init (DgTimesheetStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dg_timesheet_store_dispose;
  object_class->get_property = dg_timesheet_store_get_property;
  object_class->set_property = dg_timesheet_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, DG_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dg_timesheet_store_init (DgTimesheetStore *self)
{
}

DgTimesheetStore *
dg_timesheet_store_new (DgDatabase *db)
{
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  return g_object_new (DG_TYPE_TIMESHEET_STORE, "database", db, NULL);
}

DgDatabase *
dg_timesheet_store_get_database (DgTimesheetStore *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), NULL);

  return self->db;
}

GDateWeekday
dg_timesheet_store_get_week_start (DgTimesheetStore *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), G_DATE_MONDAY);

  return week_start_or_monday (self);
}

guint
dg_timesheet_store_get_auto_approve_days (DgTimesheetStore *self)
{
  GDateWeekday week_start;
  guint days = 0;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), 0);

  if (!read_settings (self, &week_start, &days, NULL))
    return 0;
  return days;
}

void
dg_assistant_hours_free (DgAssistantHours *hours)
{
  if (hours == NULL)
    return;
  g_free (hours->name);
  g_free (hours->minutes);
  g_free (hours);
}

void
dg_timesheet_grid_row_free (DgTimesheetGridRow *row)
{
  if (row == NULL)
    return;
  g_free (row->title);
  g_free (row);
}

/* ---- entries ------------------------------------------------------------------ */

/* What adding and updating share: the assistant exists (and, for new
 * hours, is active), an empty zone becomes theirs, the entry is valid, its
 * task is the assistant's; the display fields are filled in. */
static gboolean
prepare_entry (DgTimesheetStore  *self,
               DgTimeEntry       *entry,
               gboolean           new_hours,
               GError           **error)
{
  g_auto(Assistant) assistant = { 0 };
  g_autofree char *task_title = NULL;
  gint64 task_id = dg_time_entry_get_task_id (entry);

  if (dg_time_entry_get_assistant_id (entry) > 0)
    {
      if (!read_assistant (self, dg_time_entry_get_assistant_id (entry), &assistant, error))
        return FALSE;
      if (new_hours && !assistant.active)
        {
          g_set_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_ARCHIVED,
                       _("“%s” is archived. Restore the assistant before adding hours for them."),
                       assistant.name);
          return FALSE;
        }
      if (dg_text_is_blank (dg_time_entry_get_time_zone (entry)))
        dg_time_entry_set_time_zone (entry, assistant.time_zone);
    }

  if (!dg_time_entry_validate (entry, error))
    return FALSE;

  if (task_id != 0)
    {
      sqlite3_stmt *stmt = dg_database_prepare (self->db, select_task_sql, error);
      gint64 task_assistant = 0;
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, task_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          task_assistant = sqlite3_column_int64 (stmt, 0);
          task_title = g_strdup (dg_database_column_text (stmt, 1));
        }
      else if (rc != SQLITE_DONE)
        {
          dg_database_propagate_error (self->db, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);

      if (task_title == NULL)
        {
          g_set_error_literal (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_NOT_FOUND,
                               _("The task of these hours no longer exists. Choose another task, or none."));
          return FALSE;
        }
      if (task_assistant != dg_time_entry_get_assistant_id (entry))
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("The task “%s” is not assigned to %s. Choose one of their tasks, or none."),
                       task_title, assistant.name);
          return FALSE;
        }
    }

  _dg_time_entry_set_display (entry, assistant.name, task_title);
  return TRUE;
}

static gboolean
external_id_stored (DgTimesheetStore  *self,
                    const char        *source,
                    const char        *external_id,
                    gboolean          *out_stored,
                    GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  *out_stored = FALSE;
  /* Manual entries have no external id, and never count as imported. */
  if (external_id == NULL || *external_id == '\0')
    return TRUE;
  stmt = dg_database_prepare (self->db, count_external_id_sql, error);
  if (stmt == NULL)
    return FALSE;
  dg_database_bind_text (stmt, 1, source);
  dg_database_bind_text (stmt, 2, external_id);
  if (!query_int (self->db, stmt, &count, error))
    return FALSE;
  *out_stored = count > 0;
  return TRUE;
}

static void
bind_start_and_zone (sqlite3_stmt *stmt,
                     int           first,
                     DgTimeEntry  *entry)
{
  g_autofree char *start = g_date_time_format (dg_time_entry_get_start (entry),
                                               "%Y-%m-%dT%H:%M:%SZ");

  dg_database_bind_text (stmt, first, start);
  dg_database_bind_text (stmt, first + 1, dg_time_entry_get_time_zone (entry));
  dg_database_bind_text (stmt, first + 2, dg_time_entry_get_local_date (entry));
}

static void
bind_task_id (sqlite3_stmt *stmt,
              int           index,
              gint64        task_id)
{
  /* No task is NULL, which the foreign key does not check. */
  if (task_id != 0)
    sqlite3_bind_int64 (stmt, index, task_id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Inserts the prepared @entry as pending with its audit row; returns its
 * id (0 on failure). @entry's id is left for the caller to set once the
 * transaction is committed. */
static gint64
insert_entry (DgTimesheetStore  *self,
              DgTimeEntry       *entry,
              GError           **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, insert_entry_sql, error);
  g_autofree char *created_at = now_utc_string ();
  g_autoptr(DgTimeEntry) logged = NULL;
  gint64 id;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, dg_time_entry_get_assistant_id (entry));
  bind_task_id (stmt, 2, dg_time_entry_get_task_id (entry));
  bind_start_and_zone (stmt, 3, entry);
  sqlite3_bind_int (stmt, 6, dg_time_entry_get_minutes (entry));
  dg_database_bind_text (stmt, 7, dg_time_entry_get_note (entry));
  dg_database_bind_text (stmt, 8, dg_time_entry_get_source (entry));
  dg_database_bind_text (stmt, 9, dg_time_entry_get_external_id (entry));
  dg_database_bind_text (stmt, 10, created_at);
  if (!dg_database_execute (self->db, stmt, error))
    return 0;
  id = dg_database_last_insert_id (self->db);

  logged = dg_time_entry_copy (entry);
  _dg_time_entry_set_stored (logged, id, DG_TIME_ENTRY_STATE_PENDING, "");
  if (!write_audit (self, logged, "", "pending", "", FALSE, error))
    return 0;
  return id;
}

/* Writes the prepared @changes over the stored entry @id, which was read
 * pending or rejected in this transaction (see update_entry_sql). */
static gboolean
update_stored_entry (DgTimesheetStore  *self,
                     gint64             id,
                     DgTimeEntry       *changes,
                     GError           **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, update_entry_sql, error);
  g_autofree char *now = now_utc_string ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, dg_time_entry_get_assistant_id (changes));
  bind_task_id (stmt, 3, dg_time_entry_get_task_id (changes));
  bind_start_and_zone (stmt, 4, changes);
  sqlite3_bind_int (stmt, 7, dg_time_entry_get_minutes (changes));
  dg_database_bind_text (stmt, 8, dg_time_entry_get_note (changes));
  dg_database_bind_text (stmt, 9, now);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  g_assert (dg_database_changes (self->db) == 1);
  return TRUE;
}

static void
set_duplicate_error (DgTimeEntry  *entry,
                     GError      **error)
{
  g_set_error (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_DUPLICATE,
               _("These hours were imported before (“%s” from %s). Importing them again would count them twice."),
               dg_time_entry_get_external_id (entry), dg_time_entry_get_source (entry));
}

typedef struct
{
  DgTimesheetStore *self;
  DgTimeEntry      *entry;
  gint64            id;
} AddEntryData;

static gboolean
add_entry_in_transaction (DgDatabase  *db,
                          gpointer     user_data,
                          GError     **error)
{
  AddEntryData *data = user_data;
  gboolean stored;

  if (!prepare_entry (data->self, data->entry, TRUE, error) ||
      !external_id_stored (data->self, dg_time_entry_get_source (data->entry),
                           dg_time_entry_get_external_id (data->entry), &stored, error))
    return FALSE;
  if (stored)
    {
      set_duplicate_error (data->entry, error);
      return FALSE;
    }
  data->id = insert_entry (data->self, data->entry, error);
  return data->id != 0;
}

gboolean
dg_timesheet_store_add_entry (DgTimesheetStore  *self,
                              DgTimeEntry       *entry,
                              GError           **error)
{
  AddEntryData data = { self, entry, 0 };

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_TIME_ENTRY (entry), FALSE);
  g_return_val_if_fail (dg_time_entry_get_id (entry) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!dg_database_transaction (self->db, add_entry_in_transaction, &data, error))
    return FALSE;
  _dg_time_entry_set_stored (entry, data.id, DG_TIME_ENTRY_STATE_PENDING, "");
  emit_changed (self);
  return TRUE;
}

typedef struct
{
  DgTimesheetStore *self;
  GPtrArray        *entries;
  GArray           *ids;        /* gint64 per entry, 0 for a duplicate */
  guint             n_added;
  guint             n_duplicates;
} AddEntriesData;

static gboolean
add_entries_in_transaction (DgDatabase  *db,
                            gpointer     user_data,
                            GError     **error)
{
  AddEntriesData *data = user_data;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < data->entries->len; i++)
    {
      DgTimeEntry *entry = g_ptr_array_index (data->entries, i);
      const char *external_id = dg_time_entry_get_external_id (entry);
      gboolean stored = FALSE;
      gint64 id = 0;

      /* A duplicate is left out before any check: an entry imported
       * before stays recognised even if, say, its assistant is archived
       * since. */
      if (!external_id_stored (data->self, dg_time_entry_get_source (entry), external_id,
                               &stored, error))
        return FALSE;

      if (*external_id != '\0')
        {
          /* A unit separator cannot occur in a source name. */
          char *key = g_strconcat (dg_time_entry_get_source (entry), "\x1f", external_id, NULL);

          if (!g_hash_table_add (seen, key))
            stored = TRUE;
        }

      if (stored)
        data->n_duplicates++;
      else
        {
          if (!prepare_entry (data->self, entry, TRUE, error))
            {
              /* Translators: before why an entry of an import was refused. */
              g_prefix_error (error, _("Entry %u of %u: "), i + 1, data->entries->len);
              return FALSE;
            }
          id = insert_entry (data->self, entry, error);
          if (id == 0)
            return FALSE;
          data->n_added++;
        }
      g_array_append_val (data->ids, id);
    }
  return TRUE;
}

gboolean
dg_timesheet_store_add_entries (DgTimesheetStore  *self,
                                GPtrArray         *entries,
                                guint             *n_added,
                                guint             *n_duplicates,
                                GError           **error)
{
  g_autoptr(GArray) ids = NULL;
  AddEntriesData data = { self, entries, NULL, 0, 0 };

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  for (guint i = 0; i < entries->len; i++)
    {
      g_return_val_if_fail (DG_IS_TIME_ENTRY (g_ptr_array_index (entries, i)), FALSE);
      g_return_val_if_fail (dg_time_entry_get_id (g_ptr_array_index (entries, i)) == 0, FALSE);
    }

  if (n_added != NULL)
    *n_added = 0;
  if (n_duplicates != NULL)
    *n_duplicates = 0;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), entries->len);
  data.ids = ids;
  if (!dg_database_transaction (self->db, add_entries_in_transaction, &data, error))
    return FALSE;

  /* Only what was committed gets its id. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (id != 0)
        _dg_time_entry_set_stored (g_ptr_array_index (entries, i), id,
                                   DG_TIME_ENTRY_STATE_PENDING, "");
    }
  if (n_added != NULL)
    *n_added = data.n_added;
  if (n_duplicates != NULL)
    *n_duplicates = data.n_duplicates;
  if (data.n_added > 0)
    emit_changed (self);
  return TRUE;
}

gboolean
dg_timesheet_store_has_external_id (DgTimesheetStore  *self,
                                    const char        *source,
                                    const char        *external_id,
                                    gboolean          *out_stored,
                                    GError           **error)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (out_stored != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return external_id_stored (self, source, external_id, out_stored, error);
}

typedef struct
{
  DgTimesheetStore *self;
  DgTimeEntry      *changes;
} UpdateEntryData;

static gboolean
update_entry_in_transaction (DgDatabase  *db,
                             gpointer     user_data,
                             GError     **error)
{
  UpdateEntryData *data = user_data;
  g_autoptr(DgTimeEntry) stored = NULL;
  gboolean new_assistant;

  stored = read_entry (data->self, dg_time_entry_get_id (data->changes), error);
  if (stored == NULL)
    return FALSE;
  if (!dg_time_entry_state_is_editable (dg_time_entry_get_state (stored)))
    {
      set_frozen_error (stored, FALSE, error);
      return FALSE;
    }

  dg_time_entry_set_source (data->changes, dg_time_entry_get_source (stored),
                            dg_time_entry_get_external_id (stored));
  /* Moving hours to another assistant gives that one new hours. */
  new_assistant = dg_time_entry_get_assistant_id (data->changes) !=
                  dg_time_entry_get_assistant_id (stored);
  if (!prepare_entry (data->self, data->changes, new_assistant, error))
    return FALSE;

  if (!update_stored_entry (data->self, dg_time_entry_get_id (stored), data->changes, error))
    return FALSE;

  /* The correction: a rejected entry waits for the owner again. */
  if (dg_time_entry_get_state (stored) == DG_TIME_ENTRY_STATE_REJECTED)
    {
      _dg_time_entry_set_stored (data->changes, dg_time_entry_get_id (stored),
                                 DG_TIME_ENTRY_STATE_PENDING, "");
      if (!write_audit (data->self, data->changes, "rejected", "pending", "",
                        FALSE, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
dg_timesheet_store_update_entry (DgTimesheetStore  *self,
                                 DgTimeEntry       *changes,
                                 GError           **error)
{
  UpdateEntryData data = { self, changes };

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_TIME_ENTRY (changes), FALSE);
  g_return_val_if_fail (dg_time_entry_get_id (changes) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!dg_database_transaction (self->db, update_entry_in_transaction, &data, error))
    return FALSE;
  _dg_time_entry_set_stored (changes, dg_time_entry_get_id (changes),
                             DG_TIME_ENTRY_STATE_PENDING, "");
  emit_changed (self);
  return TRUE;
}

typedef struct
{
  DgTimesheetStore *self;
  gint64            entry_id;
} DeleteEntryData;

static gboolean
delete_entry_in_transaction (DgDatabase  *db,
                             gpointer     user_data,
                             GError     **error)
{
  DeleteEntryData *data = user_data;
  g_autoptr(DgTimeEntry) stored = NULL;

  stored = read_entry (data->self, data->entry_id, error);
  if (stored == NULL)
    return FALSE;
  if (!dg_time_entry_state_is_editable (dg_time_entry_get_state (stored)))
    {
      set_frozen_error (stored, TRUE, error);
      return FALSE;
    }
  return delete_stored_entry (data->self, stored, error);
}

gboolean
dg_timesheet_store_delete_entry (DgTimesheetStore  *self,
                                 gint64             entry_id,
                                 GError           **error)
{
  DeleteEntryData data = { self, entry_id };

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!dg_database_transaction (self->db, delete_entry_in_transaction, &data, error))
    return FALSE;
  emit_changed (self);
  return TRUE;
}

DgTimeEntry *
dg_timesheet_store_get_entry (DgTimesheetStore  *self,
                              gint64             entry_id,
                              GError           **error)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_entry (self, entry_id, error);
}

GPtrArray *
dg_timesheet_store_list_week_entries (DgTimesheetStore  *self,
                                      gint64             assistant_id,
                                      const GDate       *week_start,
                                      GError           **error)
{
  GDate start;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), NULL);
  g_return_val_if_fail (week_start != NULL && g_date_valid (week_start), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The same week as dg_timesheet_store_get_week() finds for that date. */
  dg_timesheet_week_start_of (week_start, week_start_or_monday (self), &start);
  return read_week_entries (self, assistant_id, &start, error);
}

GPtrArray *
dg_timesheet_store_list_entries (DgTimesheetStore  *self,
                                 gint64             assistant_id,
                                 const GDate       *from,
                                 const GDate       *to,
                                 GError           **error)
{
  sqlite3_stmt *stmt;
  char first[11] = "0000-00-00";
  char last[11] = "9999-99-99";

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), NULL);
  g_return_val_if_fail (from == NULL || g_date_valid (from), NULL);
  g_return_val_if_fail (to == NULL || g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = dg_database_prepare (self->db, select_entries_sql, error);
  if (stmt == NULL)
    return NULL;
  if (from != NULL)
    format_date (from, first);
  if (to != NULL)
    format_date (to, last);
  sqlite3_bind_int64 (stmt, 1, assistant_id);
  dg_database_bind_text (stmt, 2, first);
  dg_database_bind_text (stmt, 3, last);
  return collect_entries (self, stmt, error);
}

/* ---- approval --------------------------------------------------------------- */

typedef enum
{
  SELECT_IDS,        /* the entries of @ids */
  SELECT_WEEK,       /* the entries of one assistant's week */
  SELECT_UNTIL,      /* every pending entry up to a date */
  SELECT_AUTOMATIC,  /* every pending entry of a week long over */
} Selection;

typedef struct
{
  DgTimesheetStore *self;
  Selection         selection;
  const gint64     *ids;
  guint             n_ids;
  gint64            assistant_id;
  GDate             week_start;  /* SELECT_WEEK; SELECT_UNTIL: the last day */
  GDateTime        *now;         /* SELECT_AUTOMATIC */
  DgTimeEntryState  from;
  DgTimeEntryState  to;
  const char       *reason;
  guint             n_changed;
} TransitionData;

static GPtrArray *
select_by_ids (TransitionData  *data,
               GError         **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < data->n_ids; i++)
    {
      DgTimeEntry *entry;

      /* The same entry twice is asked for once. */
      if (!g_hash_table_add (seen, (gpointer) &data->ids[i]))
        continue;
      entry = read_entry (data->self, data->ids[i], error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
      if (dg_time_entry_get_state (entry) != data->from)
        {
          set_transition_error (entry, data->to, error);
          return NULL;
        }
    }
  return g_steal_pointer (&entries);
}

/* The entries of the week in state @data->from, after the week's checks:
 * none such, or (reopening) an invoiced one, refuses the whole call. */
static GPtrArray *
select_in_week (TransitionData  *data,
                GDateWeekday     first_weekday,
                GError         **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  GDate start;

  dg_timesheet_week_start_of (&data->week_start, first_weekday, &start);
  all = read_week_entries (data->self, data->assistant_id, &start, error);
  if (all == NULL)
    return NULL;

  for (guint i = 0; i < all->len; i++)
    {
      DgTimeEntry *entry = g_ptr_array_index (all, i);

      if (data->to == DG_TIME_ENTRY_STATE_PENDING &&
          dg_time_entry_get_state (entry) == DG_TIME_ENTRY_STATE_INVOICED)
        {
          g_set_error_literal (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_INVOICED,
                               _("This week has invoiced hours, so it can never be reopened. Cancel the invoice to release them first."));
          return NULL;
        }
      if (dg_time_entry_get_state (entry) == data->from)
        g_ptr_array_add (entries, g_object_ref (entry));
    }

  if (entries->len == 0)
    {
      const char *message;

      if (data->to == DG_TIME_ENTRY_STATE_APPROVED)
        message = _("This week has no pending hours to approve.");
      else if (data->to == DG_TIME_ENTRY_STATE_REJECTED)
        message = _("This week has no pending hours to reject.");
      else
        message = _("This week has no approved hours to reopen.");
      g_set_error_literal (error, DG_TIMESHEET_ERROR, DG_TIMESHEET_ERROR_INVALID_TRANSITION, message);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static GPtrArray *
select_until (TransitionData  *data,
              GError         **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (data->self->db, select_pending_until_sql, error);
  char last[11];

  if (stmt == NULL)
    return NULL;
  format_date (&data->week_start, last);
  dg_database_bind_text (stmt, 1, last);
  return collect_entries (data->self, stmt, error);
}

/* The instant an entry of the week @start, pending since @pending_since,
 * becomes due for automatic approval: @days after its week ended (local
 * midnight after the last day, in the assistant's @time_zone) or after it
 * became pending, whichever is later. Hours added late, corrected or
 * reopened have then waited the whole @days for the owner, as the ones
 * entered in their week. NULL when @pending_since cannot be read (a file
 * changed by hand): such an entry waits for the owner. */
static GDateTime *
auto_approval_due (const GDate *start,
                   const char  *pending_since,
                   const char  *time_zone,
                   guint        days)
{
  g_autoptr(GTimeZone) zone = lookup_zone (time_zone);
  g_autoptr(GDateTime) since = g_date_time_new_from_iso8601 (pending_since, NULL);
  g_autoptr(GDateTime) week_end = NULL;
  g_autoptr(GDateTime) later = NULL;
  GDate end = *start;

  if (since == NULL)
    return NULL;
  g_date_add_days (&end, 7);
  week_end = g_date_time_new (zone, g_date_get_year (&end), g_date_get_month (&end),
                              g_date_get_day (&end), 0, 0, 0);
  later = g_date_time_compare (since, week_end) > 0 ? g_date_time_to_timezone (since, zone)
                                                    : g_date_time_ref (week_end);
  return g_date_time_add_days (later, days);
}

static GPtrArray *
select_automatic (TransitionData  *data,
                  GDateWeekday     first_weekday,
                  guint            days,
                  GError         **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = dg_database_prepare (data->self->db, select_pending_sql, error);
  int rc;

  /* Every pending entry is looked at: few stay pending for long, and
   * whether a week is over depends on each assistant's zone. */
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DgTimeEntry) entry = entry_from_row (stmt);
      g_autoptr(GDateTime) due = NULL;
      GDate date, start;

      if (!parse_date (dg_time_entry_get_local_date (entry), &date))
        continue;
      dg_timesheet_week_start_of (&date, first_weekday, &start);
      due = auto_approval_due (&start, dg_database_column_text (stmt, PENDING_SINCE_COLUMN),
                               dg_database_column_text (stmt, PENDING_SINCE_COLUMN + 1), days);
      if (due != NULL && g_date_time_compare (due, data->now) <= 0)
        g_ptr_array_add (entries, g_steal_pointer (&entry));
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (data->self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&entries);
}

static gboolean
transition_in_transaction (DgDatabase  *db,
                           gpointer     user_data,
                           GError     **error)
{
  TransitionData *data = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  GDateWeekday first_weekday;
  guint days;

  if (!read_settings (data->self, &first_weekday, &days, error))
    return FALSE;

  switch (data->selection)
    {
    case SELECT_IDS:
      entries = select_by_ids (data, error);
      break;
    case SELECT_WEEK:
      entries = select_in_week (data, first_weekday, error);
      break;
    case SELECT_UNTIL:
      entries = select_until (data, error);
      break;
    case SELECT_AUTOMATIC:
      if (days == 0)
        return TRUE;
      entries = select_automatic (data, first_weekday, days, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (entries == NULL)
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      if (!change_state (data->self, g_ptr_array_index (entries, i), data->to, data->reason, data->selection == SELECT_AUTOMATIC, error))
        return FALSE;
      data->n_changed++;
    }
  return TRUE;
}

/* Runs @data and, when something changed, says so. */
static gboolean
run_transition (TransitionData  *data,
                GError         **error)
{
  if (!dg_database_transaction (data->self->db, transition_in_transaction, data, error))
    return FALSE;
  if (data->n_changed > 0)
    emit_changed (data->self);
  return TRUE;
}

gboolean
dg_timesheet_store_approve_entries (DgTimesheetStore  *self,
                                    const gint64      *entry_ids,
                                    guint              n_entries,
                                    GError           **error)
{
  TransitionData data = { 0 };

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (entry_ids != NULL || n_entries == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data.self = self;
  data.selection = SELECT_IDS;
  data.ids = entry_ids;
  data.n_ids = n_entries;
  data.from = DG_TIME_ENTRY_STATE_PENDING;
  data.to = DG_TIME_ENTRY_STATE_APPROVED;
  data.reason = "";
  return run_transition (&data, error);
}

gboolean
dg_timesheet_store_reject_entries (DgTimesheetStore  *self,
                                   const gint64      *entry_ids,
                                   guint              n_entries,
                                   const char        *reason,
                                   GError           **error)
{
  TransitionData data = { 0 };
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (entry_ids != NULL || n_entries == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = check_reason (reason, _("Enter a reason for rejecting the hours, so that the assistant knows what to correct."), error);
  if (stripped == NULL)
    return FALSE;

  data.self = self;
  data.selection = SELECT_IDS;
  data.ids = entry_ids;
  data.n_ids = n_entries;
  data.from = DG_TIME_ENTRY_STATE_PENDING;
  data.to = DG_TIME_ENTRY_STATE_REJECTED;
  data.reason = stripped;
  return run_transition (&data, error);
}

static gboolean
run_week_transition (DgTimesheetStore  *self,
                     gint64             assistant_id,
                     const GDate       *week_start,
                     DgTimeEntryState   from,
                     DgTimeEntryState   to,
                     const char        *reason,
                     GError           **error)
{
  TransitionData data = { 0 };

  data.self = self;
  data.selection = SELECT_WEEK;
  data.assistant_id = assistant_id;
  data.week_start = *week_start;
  data.from = from;
  data.to = to;
  data.reason = reason;
  return run_transition (&data, error);
}

gboolean
dg_timesheet_store_approve_week (DgTimesheetStore  *self,
                                 gint64             assistant_id,
                                 const GDate       *week_start,
                                 GError           **error)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (week_start != NULL && g_date_valid (week_start), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_week_transition (self, assistant_id, week_start, DG_TIME_ENTRY_STATE_PENDING,
                              DG_TIME_ENTRY_STATE_APPROVED, "", error);
}

gboolean
dg_timesheet_store_reject_week (DgTimesheetStore  *self,
                                gint64             assistant_id,
                                const GDate       *week_start,
                                const char        *reason,
                                GError           **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (week_start != NULL && g_date_valid (week_start), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = check_reason (reason, _("Enter a reason for rejecting the hours, so that the assistant knows what to correct."), error);
  if (stripped == NULL)
    return FALSE;
  return run_week_transition (self, assistant_id, week_start, DG_TIME_ENTRY_STATE_PENDING,
                              DG_TIME_ENTRY_STATE_REJECTED, stripped, error);
}

gboolean
dg_timesheet_store_reopen_week (DgTimesheetStore  *self,
                                gint64             assistant_id,
                                const GDate       *week_start,
                                const char        *reason,
                                GError           **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (week_start != NULL && g_date_valid (week_start), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = check_reason (reason, _("Enter a reason for reopening the week; it is kept in the week’s history."), error);
  if (stripped == NULL)
    return FALSE;
  return run_week_transition (self, assistant_id, week_start, DG_TIME_ENTRY_STATE_APPROVED,
                              DG_TIME_ENTRY_STATE_PENDING, stripped, error);
}

gboolean
dg_timesheet_store_approve_until (DgTimesheetStore  *self,
                                  const GDate       *until,
                                  guint             *n_approved,
                                  GError           **error)
{
  TransitionData data = { 0 };

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (until != NULL && g_date_valid (until), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_approved != NULL)
    *n_approved = 0;
  data.self = self;
  data.selection = SELECT_UNTIL;
  data.week_start = *until;
  data.from = DG_TIME_ENTRY_STATE_PENDING;
  data.to = DG_TIME_ENTRY_STATE_APPROVED;
  data.reason = "";
  if (!run_transition (&data, error))
    return FALSE;
  if (n_approved != NULL)
    *n_approved = data.n_changed;
  return TRUE;
}

gboolean
dg_timesheet_store_apply_auto_approval (DgTimesheetStore  *self,
                                        GDateTime         *now,
                                        guint             *n_approved,
                                        GError           **error)
{
  TransitionData data = { 0 };

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_approved != NULL)
    *n_approved = 0;
  data.self = self;
  data.selection = SELECT_AUTOMATIC;
  data.now = now;
  data.from = DG_TIME_ENTRY_STATE_PENDING;
  data.to = DG_TIME_ENTRY_STATE_APPROVED;
  data.reason = "";
  if (!run_transition (&data, error))
    return FALSE;
  if (n_approved != NULL)
    *n_approved = data.n_changed;
  return TRUE;
}

/* ---- weeks, totals and history ------------------------------------------------ */

/* Minutes of one task in a week, while the week is summed up. */
typedef struct
{
  gint64  task_id;
  char   *title;
  char   *billing;
  gint64  rate;     /* the task's own: only for "own-rate" */
  gint64  minutes;
} TaskMinutes;

static void
task_minutes_free (TaskMinutes *task)
{
  g_free (task->title);
  g_free (task->billing);
  g_free (task);
}

static DgTimesheetWeek *
build_week (DgTimesheetStore  *self,
            gint64             assistant_id,
            const GDate       *start,
            GError           **error)
{
  g_auto(Assistant) assistant = { 0 };
  g_autoptr(DgTimesheetWeek) week = NULL;
  g_autoptr(GHashTable) tasks = NULL;
  GHashTableIter iter;
  TaskMinutes *task;
  sqlite3_stmt *stmt;
  char first[11], last[11];
  guint32 first_day = g_date_get_julian (start);
  int rc;

  if (!read_assistant (self, assistant_id, &assistant, error))
    return NULL;
  week = _dg_timesheet_week_new (assistant_id, assistant.name, assistant.time_zone,
                                 assistant.currency, start);
  week_bounds (start, first, last);

  stmt = dg_database_prepare (self->db, select_week_totals_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assistant_id);
  dg_database_bind_text (stmt, 2, first);
  dg_database_bind_text (stmt, 3, last);
  tasks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                 (GDestroyNotify) task_minutes_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DgTimeEntryState state = DG_TIME_ENTRY_STATE_PENDING;
      gint64 minutes = sqlite3_column_int64 (stmt, 2);
      gint64 task_id = sqlite3_column_int64 (stmt, 3);
      GDate date;

      if (!parse_date (dg_database_column_text (stmt, 0), &date))
        continue;
      dg_time_entry_state_from_string (dg_database_column_text (stmt, 1), &state);
      _dg_timesheet_week_add_entry (week, g_date_get_julian (&date) - first_day, state, minutes);
      if (state == DG_TIME_ENTRY_STATE_REJECTED)
        continue;

      task = g_hash_table_lookup (tasks, &task_id);
      if (task == NULL)
        {
          task = g_new0 (TaskMinutes, 1);
          task->task_id = task_id;
          task->title = task_id != 0 ? g_strdup (dg_database_column_text (stmt, 4))
                                     : g_strdup (_("No task"));
          task->billing = g_strdup (dg_database_column_text (stmt, 5));
          task->rate = sqlite3_column_int64 (stmt, 6);
          g_hash_table_insert (tasks, &task->task_id, task);
        }
      task->minutes += minutes;
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  g_hash_table_iter_init (&iter, tasks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &task))
    {
      gint64 amount = 0;

      /* A fixed fee pays for the task however long it took. */
      if (g_strcmp0 (task->billing, "fixed-fee") != 0 &&
          !dg_money_amount_for_minutes (task->minutes,
                                        g_strcmp0 (task->billing, "own-rate") == 0
                                        ? task->rate : assistant.hourly_rate,
                                        &amount, error))
        return NULL;
      _dg_timesheet_week_add_task_total (week, task->task_id, g_steal_pointer (&task->title),
                                         task->minutes, amount);
    }

  stmt = dg_database_prepare (self->db, select_fixed_fees_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assistant_id);
  dg_database_bind_text (stmt, 2, first);
  dg_database_bind_text (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _dg_timesheet_week_add_fixed_fee (week, sqlite3_column_int64 (stmt, 0),
                                      dg_database_column_text (stmt, 1),
                                      dg_database_column_text (stmt, 2),
                                      dg_database_column_text (stmt, 3),
                                      sqlite3_column_int64 (stmt, 4));
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  _dg_timesheet_week_finish (week);
  return g_steal_pointer (&week);
}

typedef struct
{
  gint64 assistant_id;
  GDate  start;
} WeekKey;

GPtrArray *
dg_timesheet_store_list_weeks (DgTimesheetStore   *self,
                               gint64              assistant_id,
                               DgTimesheetFilter   filter,
                               GError            **error)
{
  return dg_timesheet_store_list_first_weeks (self, assistant_id, filter, G_MAXUINT, NULL, error);
}

GPtrArray *
dg_timesheet_store_list_first_weeks (DgTimesheetStore   *self,
                                     gint64              assistant_id,
                                     DgTimesheetFilter   filter,
                                     guint               max_weeks,
                                     guint              *n_weeks,
                                     GError            **error)
{
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GArray) keys = NULL;
  GDateWeekday first_weekday;
  sqlite3_stmt *stmt;
  guint days;
  int rc;
  WeekKey key;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), NULL);
  g_return_val_if_fail (filter == DG_TIMESHEET_FILTER_AWAITING ||
                        filter == DG_TIMESHEET_FILTER_ALL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_settings (self, &first_weekday, &days, error))
    return NULL;
  stmt = dg_database_prepare (self->db,
                              filter == DG_TIMESHEET_FILTER_AWAITING
                              ? select_awaiting_weeks_sql : select_all_weeks_sql,
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, weekday_number (first_weekday));
  sqlite3_bind_int64 (stmt, 2, assistant_id);

  /* The weeks are built after the statement is done, as building one runs
   * statements of its own. */
  keys = g_array_new (FALSE, FALSE, sizeof key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      key.assistant_id = sqlite3_column_int64 (stmt, 0);
      if (parse_date (dg_database_column_text (stmt, 1), &key.start))
        g_array_append_val (keys, key);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  if (n_weeks != NULL)
    *n_weeks = keys->len;
  weeks = g_ptr_array_new_full (MIN (keys->len, max_weeks), g_object_unref);
  for (guint i = 0; i < keys->len && i < max_weeks; i++)
    {
      DgTimesheetWeek *week;

      key = g_array_index (keys, WeekKey, i);
      week = build_week (self, key.assistant_id, &key.start, error);
      if (week == NULL)
        return NULL;
      g_ptr_array_add (weeks, week);
    }
  return g_steal_pointer (&weeks);
}

DgTimesheetWeek *
dg_timesheet_store_get_week (DgTimesheetStore  *self,
                             gint64             assistant_id,
                             const GDate       *week_start,
                             GError           **error)
{
  GDate start;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), NULL);
  g_return_val_if_fail (week_start != NULL && g_date_valid (week_start), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A view may still hold a first day from before the week start was
   * changed; it gets the week that holds that day now. */
  dg_timesheet_week_start_of (week_start, week_start_or_monday (self), &start);
  return build_week (self, assistant_id, &start, error);
}

static int
compare_assistant_hours (gconstpointer a,
                         gconstpointer b)
{
  const DgAssistantHours *hours_a = *(DgAssistantHours **) a;
  const DgAssistantHours *hours_b = *(DgAssistantHours **) b;
  int cmp = _dg_timesheet_compare_titles (hours_a->name, hours_b->name);

  if (cmp != 0)
    return cmp;
  return (hours_a->assistant_id > hours_b->assistant_id) -
         (hours_a->assistant_id < hours_b->assistant_id);
}

GPtrArray *
dg_timesheet_store_hours_by_week (DgTimesheetStore  *self,
                                  const GDate       *today,
                                  guint              n_weeks,
                                  GError           **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) by_assistant = NULL;
  sqlite3_stmt *stmt;
  char first_text[11], last_text[11];
  GDate first, last;
  int rc;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dg_timesheet_week_start_of (today, week_start_or_monday (self), &last);
  first = last;
  g_date_subtract_days (&first, 7 * (n_weeks - 1));
  g_date_add_days (&last, 6);
  format_date (&first, first_text);
  format_date (&last, last_text);

  stmt = dg_database_prepare (self->db, select_hours_sql, error);
  if (stmt == NULL)
    return NULL;
  dg_database_bind_text (stmt, 1, first_text);
  dg_database_bind_text (stmt, 2, last_text);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_assistant_hours_free);
  by_assistant = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 assistant_id = sqlite3_column_int64 (stmt, 0);
      gint64 minutes = sqlite3_column_int64 (stmt, 3);
      DgAssistantHours *hours;
      GDate date;

      if (minutes <= 0 || !parse_date (dg_database_column_text (stmt, 2), &date))
        continue;
      hours = g_hash_table_lookup (by_assistant, &assistant_id);
      if (hours == NULL)
        {
          hours = g_new0 (DgAssistantHours, 1);
          hours->assistant_id = assistant_id;
          hours->name = g_strdup (dg_database_column_text (stmt, 1));
          hours->minutes = g_new0 (gint64, n_weeks);
          hours->n_weeks = n_weeks;
          g_ptr_array_add (result, hours);
          g_hash_table_insert (by_assistant, &hours->assistant_id, hours);
        }
      hours->minutes[(g_date_get_julian (&date) - g_date_get_julian (&first)) / 7] += minutes;
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  g_ptr_array_sort (result, compare_assistant_hours);
  return g_steal_pointer (&result);
}

GPtrArray *
dg_timesheet_store_list_audit (DgTimesheetStore  *self,
                               gint64             assistant_id,
                               const GDate       *week_start,
                               GError           **error)
{
  g_autoptr(GPtrArray) events = NULL;
  sqlite3_stmt *stmt;
  char first[11] = "", last[11] = "";
  int rc;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), NULL);
  g_return_val_if_fail (week_start == NULL || g_date_valid (week_start), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = dg_database_prepare (self->db, select_audit_sql, error);
  if (stmt == NULL)
    return NULL;
  if (week_start != NULL)
    {
      GDate start;

      /* The rows of the entries dated in the week as weeks start now. */
      dg_timesheet_week_start_of (week_start, week_start_or_monday (self), &start);
      week_bounds (&start, first, last);
    }
  sqlite3_bind_int64 (stmt, 1, assistant_id);
  dg_database_bind_text (stmt, 2, first);
  dg_database_bind_text (stmt, 3, last);

  events = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (dg_database_column_text (stmt, 1), NULL);

      g_ptr_array_add (events,
                       dg_audit_event_new_from_row (sqlite3_column_int64 (stmt, 0),
                                                    at,
                                                    dg_database_column_text (stmt, 2),
                                                    sqlite3_column_int64 (stmt, 3),
                                                    sqlite3_column_int64 (stmt, 4),
                                                    dg_database_column_text (stmt, 5),
                                                    dg_database_column_text (stmt, 6),
                                                    dg_database_column_text (stmt, 7),
                                                    dg_database_column_text (stmt, 8),
                                                    sqlite3_column_int (stmt, 9) != 0,
                                                    dg_database_column_text (stmt, 10)));
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&events);
}

/* ---- the weekly grid ---------------------------------------------------------- */

static int
compare_grid_rows (gconstpointer a,
                   gconstpointer b)
{
  const DgTimesheetGridRow *row_a = *(DgTimesheetGridRow **) a;
  const DgTimesheetGridRow *row_b = *(DgTimesheetGridRow **) b;
  int cmp = _dg_timesheet_compare_titles (row_a->title, row_b->title);

  if (cmp != 0)
    return cmp;
  return (row_a->task_id > row_b->task_id) - (row_a->task_id < row_b->task_id);
}

GPtrArray *
dg_timesheet_store_get_grid (DgTimesheetStore  *self,
                             gint64             assistant_id,
                             const GDate       *week_start,
                             GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) by_task = NULL;
  DgTimesheetGridRow *no_task;
  sqlite3_stmt *stmt;
  char first[11], last[11];
  guint32 first_day;
  int rc;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), NULL);
  g_return_val_if_fail (week_start != NULL && g_date_valid (week_start), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  week_bounds (week_start, first, last);
  first_day = g_date_get_julian (week_start);

  stmt = dg_database_prepare (self->db, select_grid_tasks_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assistant_id);
  dg_database_bind_text (stmt, 2, first);
  dg_database_bind_text (stmt, 3, last);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_timesheet_grid_row_free);
  by_task = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DgTimesheetGridRow *row = g_new0 (DgTimesheetGridRow, 1);

      row->task_id = sqlite3_column_int64 (stmt, 0);
      row->title = g_strdup (dg_database_column_text (stmt, 1));
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_task, &row->task_id, row);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  g_ptr_array_sort (rows, compare_grid_rows);

  no_task = g_new0 (DgTimesheetGridRow, 1);
  no_task->title = g_strdup (_("No task"));
  g_ptr_array_add (rows, no_task);
  g_hash_table_insert (by_task, &no_task->task_id, no_task);

  stmt = dg_database_prepare (self->db, select_grid_entries_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assistant_id);
  dg_database_bind_text (stmt, 2, first);
  dg_database_bind_text (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 task_id = sqlite3_column_int64 (stmt, 0);
      DgTimesheetGridRow *row = g_hash_table_lookup (by_task, &task_id);
      DgTimeEntryState state = DG_TIME_ENTRY_STATE_PENDING;
      gboolean manual = g_strcmp0 (dg_database_column_text (stmt, 4),
                                   DG_TIME_ENTRY_SOURCE_MANUAL) == 0;
      GDate date;
      guint day;

      if (row == NULL || !parse_date (dg_database_column_text (stmt, 1), &date))
        continue;
      day = g_date_get_julian (&date) - first_day;
      dg_time_entry_state_from_string (dg_database_column_text (stmt, 3), &state);
      if (manual && dg_time_entry_state_is_editable (state))
        row->editable[day] += sqlite3_column_int64 (stmt, 2);
      /* Rejected imported hours count nowhere until they are corrected. */
      else if (state != DG_TIME_ENTRY_STATE_REJECTED)
        row->other[day] += sqlite3_column_int64 (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&rows);
}

typedef struct
{
  DgTimesheetStore *self;
  gint64            assistant_id;
  gint64            task_id;
  GDate             day;
  gint64            minutes;
} GridCellData;

static gboolean
set_grid_cell_in_transaction (DgDatabase  *db,
                              gpointer     user_data,
                              GError     **error)
{
  GridCellData *data = user_data;
  g_auto(Assistant) assistant = { 0 };
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(DgTimeEntry) entry = NULL;
  sqlite3_stmt *stmt;
  char day[11];
  guint first_removed = 0;

  if (!read_assistant (data->self, data->assistant_id, &assistant, error))
    return FALSE;

  stmt = dg_database_prepare (data->self->db, select_grid_cell_sql, error);
  if (stmt == NULL)
    return FALSE;
  format_date (&data->day, day);
  sqlite3_bind_int64 (stmt, 1, data->assistant_id);
  sqlite3_bind_int64 (stmt, 2, data->task_id);
  dg_database_bind_text (stmt, 3, day);
  cell = collect_entries (data->self, stmt, error);
  if (cell == NULL)
    return FALSE;

  if (data->minutes > 0)
    {
      zone = lookup_zone (assistant.time_zone);
      start = g_date_time_new (zone, g_date_get_year (&data->day), g_date_get_month (&data->day),
                               g_date_get_day (&data->day), GRID_ENTRY_HOUR, 0, 0);

      if (cell->len > 0)
        {
          /* The first entry of the cell takes the new value; the others
           * go. */
          entry = dg_time_entry_copy (g_ptr_array_index (cell, 0));
          first_removed = 1;
        }
      else
        {
          entry = dg_time_entry_new ();
          dg_time_entry_set_assistant_id (entry, data->assistant_id);
          dg_time_entry_set_task_id (entry, data->task_id);
          dg_time_entry_set_source (entry, DG_TIME_ENTRY_SOURCE_MANUAL, "");
        }
      dg_time_entry_set_time_zone (entry, assistant.time_zone);
      dg_time_entry_set_start (entry, start);
      dg_time_entry_set_minutes (entry, (int) data->minutes);
    }

  for (guint i = first_removed; i < cell->len; i++)
    if (!delete_stored_entry (data->self, g_ptr_array_index (cell, i), error))
      return FALSE;

  if (entry == NULL)
    return TRUE;
  if (dg_time_entry_get_id (entry) == 0)
    return prepare_entry (data->self, entry, TRUE, error) &&
           insert_entry (data->self, entry, error) != 0;

  if (!prepare_entry (data->self, entry, FALSE, error) ||
      !update_stored_entry (data->self, dg_time_entry_get_id (entry), entry, error))
    return FALSE;
  if (dg_time_entry_get_state (entry) == DG_TIME_ENTRY_STATE_REJECTED)
    return write_audit (data->self, entry, "rejected", "pending", "", FALSE, error);
  return TRUE;
}

gboolean
dg_timesheet_store_set_grid_cell (DgTimesheetStore  *self,
                                  gint64             assistant_id,
                                  gint64             task_id,
                                  const GDate       *day,
                                  gint64             minutes,
                                  GError           **error)
{
  GridCellData data = { self, assistant_id, task_id, { 0 }, minutes };

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (self), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (minutes < 0 || minutes > 24 * 60)
    {
      g_autofree char *text = dg_duration_format_minutes (minutes);

      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The hours of a day must be between 0:00 and 24:00; %s is not."),
                   text);
      return FALSE;
    }
  data.day = *day;
  if (!dg_database_transaction (self->db, set_grid_cell_in_transaction, &data, error))
    return FALSE;
  emit_changed (self);
  return TRUE;
}
