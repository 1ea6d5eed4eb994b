/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-database"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "dg-database-private.h"

/* "DgDb" — marks a file as a Delegate database, so that another program's
 * SQLite file is refused instead of being migrated into. */
#define DG_APPLICATION_ID 0x44674462

struct _DgDatabase
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  char       *backup_path;
  GHashTable *statements;        /* SQL text (copied) → sqlite3_stmt * */
  guint       transaction_depth;
};

G_DEFINE_TYPE (DgDatabase, dg_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (dg-database-error-quark, dg_database_error)

/* Numbered migrations: migrations[i] brings the schema from version i to i + 1.
 * Never edit one that has shipped; append a new one. */
static const char * const migrations[] = {
  /* 1: the business profile and the assistants */
  "CREATE TABLE business_profile ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  tax_number TEXT NOT NULL DEFAULT '',"
  "  vat_id TEXT NOT NULL DEFAULT '',"
  "  iban TEXT NOT NULL DEFAULT '',"
  "  bic TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  currency TEXT NOT NULL DEFAULT 'EUR',"
  "  invoice_number_pattern TEXT NOT NULL DEFAULT '{YYYY}-{NNNN}',"
  "  payment_terms_days INTEGER NOT NULL DEFAULT 14"
  "    CHECK (payment_terms_days BETWEEN 0 AND 365)"
  ");"
  "INSERT INTO business_profile (id) VALUES (1);"
  "CREATE TABLE assistants ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  email TEXT NOT NULL DEFAULT '',"
  "  time_zone TEXT NOT NULL,"
  "  country TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  currency TEXT NOT NULL,"
  "  hourly_rate INTEGER NOT NULL DEFAULT 0 CHECK (hourly_rate >= 0),"
  "  tax_status TEXT NOT NULL DEFAULT 'outside-scope'"
  "    CHECK (tax_status IN ('outside-scope', 'vat', 'small-business', 'reverse-charge')),"
  "  vat_rate INTEGER NOT NULL DEFAULT 0 CHECK (vat_rate BETWEEN 0 AND 10000),"
  "  vat_id TEXT NOT NULL DEFAULT '',"
  "  self_billing_date TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");",

  /* 2: the assistants list is read in name order */
  "CREATE INDEX assistants_by_name ON assistants (name COLLATE NOCASE);",

  /* 3: handbooks — the editable drafts with their steps, the published
   * versions (frozen by triggers: only deleting the handbook removes them),
   * the assistants' acknowledgements (which keep a handbook from being
   * deleted) and the full-text index over the drafts (rowid = handbook id).
   * A draft is saved as typed, titled or not, so that nothing typed is
   * lost; only a published version must have its titles. */
  "CREATE TABLE handbooks ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  purpose TEXT NOT NULL DEFAULT '',"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  links TEXT NOT NULL DEFAULT '',"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  saved_at TEXT NOT NULL"
  ");"
  "CREATE TABLE handbook_steps ("
  "  handbook_id INTEGER NOT NULL REFERENCES handbooks (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position >= 1),"
  "  title TEXT NOT NULL,"
  "  details TEXT NOT NULL DEFAULT '',"
  "  checklist INTEGER NOT NULL DEFAULT 0 CHECK (checklist IN (0, 1)),"
  "  minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),"
  "  PRIMARY KEY (handbook_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE handbook_versions ("
  "  id INTEGER PRIMARY KEY,"
  "  handbook_id INTEGER NOT NULL REFERENCES handbooks (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL CHECK (number >= 1),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  purpose TEXT NOT NULL DEFAULT '',"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  links TEXT NOT NULL DEFAULT '',"
  "  change_note TEXT NOT NULL DEFAULT '',"
  "  published_at TEXT NOT NULL,"
  "  UNIQUE (handbook_id, number)"
  ");"
  "CREATE TABLE handbook_version_steps ("
  "  version_id INTEGER NOT NULL REFERENCES handbook_versions (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position >= 1),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  details TEXT NOT NULL DEFAULT '',"
  "  checklist INTEGER NOT NULL DEFAULT 0 CHECK (checklist IN (0, 1)),"
  "  minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),"
  "  PRIMARY KEY (version_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER handbook_versions_no_update BEFORE UPDATE ON handbook_versions "
  "BEGIN SELECT RAISE (ABORT, 'a published handbook version cannot be changed'); END;"
  "CREATE TRIGGER handbook_versions_no_delete BEFORE DELETE ON handbook_versions "
  "  WHEN EXISTS (SELECT 1 FROM handbooks WHERE id = OLD.handbook_id) "
  "BEGIN SELECT RAISE (ABORT, 'a published handbook version cannot be deleted'); END;"
  "CREATE TRIGGER handbook_version_steps_no_update BEFORE UPDATE ON handbook_version_steps "
  "BEGIN SELECT RAISE (ABORT, 'a published handbook version cannot be changed'); END;"
  "CREATE TRIGGER handbook_version_steps_no_delete BEFORE DELETE ON handbook_version_steps "
  "  WHEN EXISTS (SELECT 1 FROM handbook_versions WHERE id = OLD.version_id) "
  "BEGIN SELECT RAISE (ABORT, 'a published handbook version cannot be changed'); END;"
  "CREATE TABLE handbook_acknowledgements ("
  "  handbook_id INTEGER NOT NULL REFERENCES handbooks (id),"
  "  assistant_id INTEGER NOT NULL REFERENCES assistants (id),"
  "  version INTEGER NOT NULL,"
  "  acknowledged_on TEXT NOT NULL,"
  "  PRIMARY KEY (handbook_id, assistant_id),"
  "  FOREIGN KEY (handbook_id, version) REFERENCES handbook_versions (handbook_id, number)"
  ") WITHOUT ROWID;"
  "CREATE INDEX handbook_acknowledgements_by_assistant ON handbook_acknowledgements (assistant_id);"
  "CREATE VIRTUAL TABLE handbook_search USING fts5 ("
  "  title, purpose, tags, steps,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
  ");",

  /* 4: tasks — the assignments, each pinned to a published handbook
   * version (so neither the assistant nor the handbook can be deleted while
   * a task refers to them), and the statuses of single occurrences of
   * recurring tasks (RFC 5545 RECURRENCE-ID overrides). A one-off task and
   * a whole series keep their status in tasks; SKIPPED exists only for an
   * occurrence. The CHECKs repeat the store's rules as a second line of
   * defence against other writers. */
  "CREATE TABLE tasks ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  assistant_id INTEGER NOT NULL REFERENCES assistants (id),"
  "  handbook_id INTEGER REFERENCES handbooks (id),"
  "  handbook_version INTEGER CHECK (handbook_version >= 1),"
  "  due_date TEXT NOT NULL"
  "    CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  due_time TEXT NOT NULL DEFAULT ''"
  "    CHECK (due_time = '' OR due_time GLOB '[0-2][0-9]:[0-5][0-9]'),"
  "  time_zone TEXT NOT NULL CHECK (length(time_zone) > 0),"
  "  rrule TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  priority INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1, 5, 9)),"
  "  estimate_minutes INTEGER NOT NULL DEFAULT 0 CHECK (estimate_minutes >= 0),"
  "  billing TEXT NOT NULL DEFAULT 'assistant-rate'"
  "    CHECK (billing IN ('assistant-rate', 'own-rate', 'fixed-fee')),"
  "  billing_amount INTEGER NOT NULL DEFAULT 0 CHECK (billing_amount >= 0),"
  "  status TEXT NOT NULL DEFAULT 'open'"
  "    CHECK (status IN ('open', 'in-progress', 'done', 'cancelled')),"
  "  percent_complete INTEGER NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),"
  "  completed_at TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  CHECK ((handbook_id IS NULL) = (handbook_version IS NULL)),"
  "  CHECK ((billing = 'assistant-rate') = (billing_amount = 0)),"
  "  FOREIGN KEY (handbook_id, handbook_version) REFERENCES handbook_versions (handbook_id, number)"
  ");"
  "CREATE INDEX tasks_by_assistant ON tasks (assistant_id);"
  "CREATE INDEX tasks_by_due ON tasks (due_date, due_time);"
  "CREATE INDEX tasks_by_handbook ON tasks (handbook_id, handbook_version);"
  "CREATE TABLE task_occurrences ("
  "  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,"
  "  recurrence_id TEXT NOT NULL"
  "    CHECK (recurrence_id GLOB '[0-9][0-9][0-9][0-9][0-1][0-9][0-3][0-9]'"
  "        OR recurrence_id GLOB '[0-9][0-9][0-9][0-9][0-1][0-9][0-3][0-9]T[0-2][0-9][0-5][0-9][0-6][0-9]'),"
  "  status TEXT NOT NULL"
  "    CHECK (status IN ('open', 'in-progress', 'done', 'skipped')),"
  "  percent_complete INTEGER NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),"
  "  completed_at TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (task_id, recurrence_id)"
  ") WITHOUT ROWID;",

  /* 5: time entries and their audit log. An entry keeps the instant it
   * began (UTC) with the zone it was made in, and its local date there:
   * the day and, with the business's first day of the week, the week it
   * belongs to. Imported entries are recognised again by (source,
   * external_id). pending_since is when it last became pending (added,
   * corrected after a rejection, reopened): automatic approval counts its
   * days from then when that is after the week ended. The audit log is
   * append-only; it keeps what it needs (assistant, the entry's local
   * date, summary) so that it outlives a deleted entry; the date, not the
   * week, so that a week's history stays whole when the first day of the
   * week changes. */
  "ALTER TABLE business_profile ADD COLUMN week_start INTEGER NOT NULL DEFAULT 1"
  "  CHECK (week_start BETWEEN 1 AND 7);"
  "ALTER TABLE business_profile ADD COLUMN auto_approve_days INTEGER NOT NULL DEFAULT 0"
  "  CHECK (auto_approve_days BETWEEN 0 AND 90);"
  "CREATE TABLE time_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  assistant_id INTEGER NOT NULL REFERENCES assistants (id),"
  "  task_id INTEGER REFERENCES tasks (id),"
  "  start_utc TEXT NOT NULL"
  "    CHECK (start_utc GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),"
  "  time_zone TEXT NOT NULL CHECK (length(time_zone) > 0),"
  "  local_date TEXT NOT NULL"
  "    CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  source TEXT NOT NULL DEFAULT 'manual' CHECK (length(source) > 0),"
  "  external_id TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT 'pending'"
  "    CHECK (state IN ('pending', 'approved', 'rejected', 'invoiced')),"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  pending_since TEXT NOT NULL"
  "    CHECK (pending_since GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),"
  "  CHECK ((state = 'rejected') = (length(reason) > 0))"
  ");"
  "CREATE UNIQUE INDEX time_entries_by_source ON time_entries (source, external_id)"
  "  WHERE external_id <> '';"
  "CREATE INDEX time_entries_by_week ON time_entries (assistant_id, local_date);"
  "CREATE INDEX time_entries_by_state ON time_entries (state, local_date);"
  "CREATE INDEX time_entries_by_task ON time_entries (task_id);"
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  object_type TEXT NOT NULL CHECK (length(object_type) > 0),"
  "  object_id INTEGER NOT NULL,"
  "  assistant_id INTEGER NOT NULL DEFAULT 0,"
  "  local_date TEXT NOT NULL DEFAULT ''"
  "    CHECK (local_date = '' OR local_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  old_state TEXT NOT NULL,"
  "  new_state TEXT NOT NULL,"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  automatic INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1)),"
  "  summary TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX audit_log_by_date ON audit_log (assistant_id, local_date);"
  "CREATE INDEX audit_log_by_object ON audit_log (object_type, object_id);"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
  "BEGIN SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
  "BEGIN SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;",

  /* 6: invoices. A draft is built from approved entries and done fixed-fee
   * occurrences and may be changed or deleted; issuing gives it a number
   * from its series (reserved in the issuing transaction, so a number is
   * used exactly when an invoice has it), freezes the parties and the lines
   * as copies, marks the entries invoiced and keeps the rendered PDF, so
   * every later copy is the same document. Triggers refuse any change to
   * an issued invoice's document, lines and billed entries (lines moved
   * in or entries linked to its lines too), and deleting it; only its
   * payment (once: a payment is never taken back or rewritten) and its
   * cancellation (only once a cancellation invoice refers to it, with the
   * reason) may still be recorded. A cancellation is
   * an invoice of kind 'cancellation' with its own series that points at
   * the original; it is built as a draft (lines can only be added to a
   * draft) and issued in the same transaction. An invoice id is never
   * used twice (AUTOINCREMENT), so a deleted draft's audit rows never
   * become another invoice's history. invoice_line_entries keeps, for
   * good, which entries a line billed (the way back from a line to the
   * work and its handbook). */
  "ALTER TABLE assistants ADD COLUMN tax_number TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE assistants ADD COLUMN iban TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE assistants ADD COLUMN bic TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE assistants ADD COLUMN invoice_language TEXT NOT NULL DEFAULT 'en'"
  "  CHECK (invoice_language IN ('en', 'de'));"
  "ALTER TABLE business_profile ADD COLUMN cancellation_number_pattern TEXT NOT NULL"
  "  DEFAULT 'ST-{YYYY}-{NNNN}';"
  "CREATE TABLE invoice_number_series ("
  "  series TEXT NOT NULL CHECK (series IN ('invoice', 'cancellation')),"
  "  prefix TEXT NOT NULL,"
  "  last_number INTEGER NOT NULL CHECK (last_number >= 1),"
  "  PRIMARY KEY (series, prefix)"
  ") WITHOUT ROWID;"
  "CREATE TABLE invoices ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'cancellation')),"
  "  state TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (state IN ('draft', 'issued', 'paid', 'cancelled')),"
  "  number TEXT UNIQUE,"
  "  assistant_id INTEGER NOT NULL REFERENCES assistants (id),"
  "  period_start TEXT NOT NULL"
  "    CHECK (period_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  period_end TEXT NOT NULL"
  "    CHECK (period_end GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  grouping TEXT NOT NULL DEFAULT 'by-task' CHECK (grouping IN ('by-task', 'by-entry')),"
  "  currency TEXT NOT NULL CHECK (length(currency) = 3),"
  "  language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de')),"
  "  paper TEXT NOT NULL DEFAULT 'a4' CHECK (paper IN ('a4', 'letter')),"
  "  issue_date TEXT NOT NULL DEFAULT '',"
  "  due_date TEXT NOT NULL DEFAULT '',"
  "  paid_date TEXT NOT NULL DEFAULT '',"
  "  paid_amount INTEGER NOT NULL DEFAULT 0,"
  "  cancels_id INTEGER UNIQUE REFERENCES invoices (id),"
  "  cancel_reason TEXT NOT NULL DEFAULT '',"
  "  net_total INTEGER NOT NULL DEFAULT 0,"
  "  tax_total INTEGER NOT NULL DEFAULT 0,"
  "  total INTEGER NOT NULL DEFAULT 0,"
  "  parties TEXT NOT NULL DEFAULT '',"
  "  pdf BLOB,"
  "  created_at TEXT NOT NULL,"
  "  CHECK ((state = 'draft') = (number IS NULL)),"
  "  CHECK ((state = 'draft') = (pdf IS NULL)),"
  "  CHECK ((kind = 'cancellation') = (cancels_id IS NOT NULL)),"
  "  CHECK (kind = 'invoice' OR state IN ('draft', 'issued')),"
  "  CHECK (state <> 'paid' OR paid_date <> ''),"
  "  CHECK (period_start <= period_end),"
  "  CHECK (net_total + tax_total = total)"
  ");"
  "CREATE INDEX invoices_by_assistant ON invoices (assistant_id, period_start);"
  "CREATE INDEX invoices_by_state ON invoices (state, due_date);"
  "CREATE TABLE invoice_lines ("
  "  id INTEGER PRIMARY KEY,"
  "  invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position >= 1),"
  "  kind TEXT NOT NULL CHECK (kind IN ('hours', 'fixed-fee', 'extra')),"
  "  description TEXT NOT NULL CHECK (length(trim(description)) > 0),"
  "  service_date TEXT NOT NULL DEFAULT '',"
  "  task_id INTEGER REFERENCES tasks (id) ON DELETE SET NULL,"
  "  recurrence_id TEXT NOT NULL DEFAULT '',"
  "  handbook_id INTEGER,"
  "  handbook_version INTEGER,"
  "  minutes INTEGER NOT NULL DEFAULT 0,"
  "  quantity INTEGER NOT NULL DEFAULT 1,"
  "  unit_price INTEGER NOT NULL DEFAULT 0,"
  "  amount INTEGER NOT NULL,"
  "  tax_rate INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate BETWEEN 0 AND 10000),"
  "  UNIQUE (invoice_id, position)"
  ");"
  "CREATE INDEX invoice_lines_by_task ON invoice_lines (task_id, recurrence_id);"
  "CREATE TABLE invoice_line_entries ("
  "  line_id INTEGER NOT NULL REFERENCES invoice_lines (id) ON DELETE CASCADE,"
  "  entry_id INTEGER NOT NULL,"
  "  PRIMARY KEY (line_id, entry_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX invoice_line_entries_by_entry ON invoice_line_entries (entry_id);"
  "CREATE TRIGGER invoices_issued_frozen BEFORE UPDATE ON invoices "
  "WHEN OLD.state <> 'draft' AND ("
  "  NEW.number IS NOT OLD.number OR NEW.kind IS NOT OLD.kind"
  "  OR NEW.assistant_id IS NOT OLD.assistant_id"
  "  OR NEW.period_start IS NOT OLD.period_start OR NEW.period_end IS NOT OLD.period_end"
  "  OR NEW.grouping IS NOT OLD.grouping OR NEW.currency IS NOT OLD.currency"
  "  OR NEW.language IS NOT OLD.language OR NEW.paper IS NOT OLD.paper"
  "  OR NEW.issue_date IS NOT OLD.issue_date OR NEW.due_date IS NOT OLD.due_date"
  "  OR NEW.cancels_id IS NOT OLD.cancels_id"
  "  OR NEW.net_total IS NOT OLD.net_total OR NEW.tax_total IS NOT OLD.tax_total"
  "  OR NEW.total IS NOT OLD.total OR NEW.parties IS NOT OLD.parties"
  "  OR NEW.pdf IS NOT OLD.pdf OR NEW.created_at IS NOT OLD.created_at"
  "  OR NEW.state = 'draft' OR OLD.state = 'cancelled'"
  "  OR (OLD.state = 'paid' AND NEW.state NOT IN ('paid', 'cancelled'))"
  "  OR (OLD.state = 'paid' AND (NEW.paid_date IS NOT OLD.paid_date"
  "      OR NEW.paid_amount IS NOT OLD.paid_amount))"
  "  OR (NEW.state = 'cancelled' AND OLD.state <> 'cancelled' AND NOT EXISTS ("
  "      SELECT 1 FROM invoices c WHERE c.cancels_id = OLD.id AND c.state = 'issued'))"
  "  OR (NEW.cancel_reason IS NOT OLD.cancel_reason AND NEW.state <> 'cancelled')) "
  "BEGIN SELECT RAISE (ABORT, 'an issued invoice cannot be changed'); END;"
  "CREATE TRIGGER invoices_issued_no_delete BEFORE DELETE ON invoices "
  "WHEN OLD.state <> 'draft' "
  "BEGIN SELECT RAISE (ABORT, 'an issued invoice cannot be deleted'); END;"
  "CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines "
  "WHEN (SELECT state FROM invoices WHERE id = NEW.invoice_id) <> 'draft' "
  "BEGIN SELECT RAISE (ABORT, 'an issued invoice cannot be changed'); END;"
  "CREATE TRIGGER invoice_lines_frozen_update BEFORE UPDATE ON invoice_lines "
  "WHEN (SELECT state FROM invoices WHERE id = OLD.invoice_id) <> 'draft' "
  "  OR (SELECT state FROM invoices WHERE id = NEW.invoice_id) <> 'draft' "
  "BEGIN SELECT RAISE (ABORT, 'an issued invoice cannot be changed'); END;"
  "CREATE TRIGGER invoice_lines_frozen_delete BEFORE DELETE ON invoice_lines "
  "WHEN (SELECT state FROM invoices WHERE id = OLD.invoice_id) <> 'draft' "
  "BEGIN SELECT RAISE (ABORT, 'an issued invoice cannot be changed'); END;"
  "CREATE TRIGGER invoice_line_entries_frozen BEFORE DELETE ON invoice_line_entries "
  "WHEN (SELECT i.state FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id"
  "      WHERE l.id = OLD.line_id) <> 'draft' "
  "BEGIN SELECT RAISE (ABORT, 'an issued invoice cannot be changed'); END;"
  "CREATE TRIGGER invoice_line_entries_frozen_insert BEFORE INSERT ON invoice_line_entries "
  "WHEN (SELECT i.state FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id"
  "      WHERE l.id = NEW.line_id) <> 'draft' "
  "BEGIN SELECT RAISE (ABORT, 'an issued invoice cannot be changed'); END;"
  "CREATE TRIGGER invoice_line_entries_frozen_update BEFORE UPDATE ON invoice_line_entries "
  "WHEN (SELECT i.state FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id"
  "      WHERE l.id = OLD.line_id) <> 'draft' "
  "  OR (SELECT i.state FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id"
  "      WHERE l.id = NEW.line_id) <> 'draft' "
  "BEGIN SELECT RAISE (ABORT, 'an issued invoice cannot be changed'); END;",
};

int
dg_database_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

char *
dg_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "delegate", "delegate.db", NULL);
}

static int
error_code_for_sqlite (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT: return DG_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_NOTADB:     return DG_DATABASE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:    return DG_DATABASE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:   return DG_DATABASE_ERROR_CANNOT_OPEN;
    default:                return DG_DATABASE_ERROR_FAILED;
    }
}

static void
set_damaged_error (const char  *path,
                   GError     **error)
{
  g_set_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CORRUPT,
               _("The database “%s” is damaged. Restore it from a backup; it was left unchanged."),
               path);
}

static void
set_newer_version_error (const char  *path,
                         int          version,
                         int          known_version,
                         GError     **error)
{
  g_set_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_NEWER_VERSION,
               _("The database “%s” was written by a newer version of Delegate (schema %d; this version knows up to %d). Update Delegate to open it; the file was left unchanged."),
               path, version, known_version);
}

static void
set_error_from_handle (sqlite3     *handle,
                       const char  *path,
                       GError     **error)
{
  int code = sqlite3_extended_errcode (handle);

  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Delegate database. Choose another file; this one was left unchanged."),
                   path);
      break;
    case SQLITE_CORRUPT:
      set_damaged_error (path, error);
      break;
    default:
      g_set_error (error, DG_DATABASE_ERROR, error_code_for_sqlite (code),
                   _("The database could not be read or changed: %s."),
                   sqlite3_errmsg (handle));
      break;
    }
}

void
dg_database_propagate_error (DgDatabase  *self,
                             GError     **error)
{
  g_return_if_fail (DG_IS_DATABASE (self));

  set_error_from_handle (self->handle, self->path, error);
}

static gboolean
exec (sqlite3     *handle,
      const char  *path,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error_from_handle (handle, path, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3     *handle,
           const char  *path,
           const char  *sql,
           int         *out_value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error_from_handle (handle, path, error);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int (stmt, 0);
  else if (rc != SQLITE_DONE)
    set_error_from_handle (handle, path, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* Looks at an existing file without writing to it: a refused file must stay
 * byte-for-byte as it was. */
static gboolean
inspect_existing_file (const char  *path,
                       GError     **error)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  int application_id = 0;
  int tables = 0;
  gboolean ok = FALSE;

  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  int flags = SQLITE_OPEN_READONLY;

  /* Reading a WAL database creates -wal and -shm files beside it. Without a
   * -wal file the main file holds every committed page, so it can be read as
   * immutable, which writes nothing at all. */
  if (!g_file_test (wal_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *file_uri = g_filename_to_uri (path, NULL, NULL);

      if (file_uri != NULL)
        {
          uri = g_strconcat (file_uri, "?immutable=1", NULL);
          flags |= SQLITE_OPEN_URI;
        }
    }

  if (sqlite3_open_v2 (uri ? uri : path, &handle, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CANNOT_OPEN,
                   _("The database “%s” could not be opened: %s."),
                   path, handle ? sqlite3_errmsg (handle) : g_strerror (ENOMEM));
      goto out;
    }

  if (!query_int (handle, path, "PRAGMA user_version", &version, error) ||
      !query_int (handle, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (handle, path, "SELECT count(*) FROM sqlite_schema", &tables, error))
    goto out;

  if (application_id != DG_APPLICATION_ID && tables > 0)
    {
      g_set_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of Delegate. Choose another file; this one was left unchanged."),
                   path);
      goto out;
    }

  if (version > dg_database_get_latest_version ())
    {
      set_newer_version_error (path, version, dg_database_get_latest_version (), error);
      goto out;
    }

  if (sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_error_from_handle (handle, path, error);
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      set_damaged_error (path, error);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return ok;
}

static gboolean
create_private_file (const char  *path,
                     gboolean    *out_created,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CANNOT_OPEN,
                   _("The folder “%s” could not be created: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Created here rather than by SQLite, which would use 0644: the data is
   * private. SQLite gives the -wal and -shm files the same mode. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      *out_created = TRUE;
      return TRUE;
    }
  if (errno == EEXIST)
    {
      *out_created = FALSE;
      return TRUE;
    }

  {
    int saved_errno = errno;
    g_set_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CANNOT_OPEN,
                 _("The database “%s” could not be created: %s."),
                 path, g_strerror (saved_errno));
  }
  return FALSE;
}

static gboolean
dg_database_file_has_content (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

static char *
choose_backup_path (const char *path,
                    int         version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *candidate = g_strdup_printf ("%s.schema-%d.%s.bak", path, version, stamp);
  guint n = 1;

  while (g_file_test (candidate, G_FILE_TEST_EXISTS))
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.schema-%d.%s-%u.bak", path, version, stamp, n++);
    }
  return candidate;
}

static gboolean
backup_to (DgDatabase  *self,
           const char  *backup_path,
           GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean created;
  int rc;

  if (!create_private_file (backup_path, &created, error))
    return FALSE;

  rc = sqlite3_open_v2 (backup_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->handle, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_BACKUP_FAILED,
                   _("No backup of the database could be written to “%s” (%s), so it was not updated. Free some disk space and try again."),
                   backup_path, dest ? sqlite3_errmsg (dest) : g_strerror (ENOMEM));
      sqlite3_close (dest);
      g_unlink (backup_path);
      return FALSE;
    }

  sqlite3_close (dest);
  return TRUE;
}

static gboolean
migrate (DgDatabase  *self,
         int          from_version,
         int          to_version,
         GError     **error)
{
  g_autofree char *set_version = NULL;
  g_autofree char *set_application_id = NULL;

  if (from_version >= to_version)
    return TRUE;

  if (from_version > 0)
    {
      g_autofree char *backup_path = choose_backup_path (self->path, from_version);

      if (!backup_to (self, backup_path, error))
        return FALSE;
      g_free (self->backup_path);
      self->backup_path = g_steal_pointer (&backup_path);
    }

  if (!exec (self->handle, self->path, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int v = from_version; v < to_version; v++)
    {
      if (!exec (self->handle, self->path, migrations[v], error))
        {
          g_prefix_error (error, _("Updating the database to schema %d failed: "), v + 1);
          sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  set_application_id = g_strdup_printf ("PRAGMA application_id = %d", DG_APPLICATION_ID);
  if (!exec (self->handle, self->path, set_version, error) ||
      !exec (self->handle, self->path, set_application_id, error) ||
      !exec (self->handle, self->path, "COMMIT", error))
    {
      sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

DgDatabase *
_dg_database_open_at_version (const char  *relative_path,
                              int          version,
                              GError     **error)
{
  /* Absolute, so that it can become the file: URI of the read-only check. */
  g_autofree char *path = NULL;
  g_autoptr(DgDatabase) self = NULL;
  gboolean created = FALSE;
  int current_version = 0;

  g_return_val_if_fail (relative_path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= dg_database_get_latest_version (), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_canonicalize_filename (relative_path, NULL);
  if (!create_private_file (path, &created, error))
    return NULL;

  if (!created && !inspect_existing_file (path, error))
    return NULL;

  /* An empty file becomes a new database: make it as private as one we create. */
  if (!created && !dg_database_file_has_content (path))
    g_chmod (path, 0600);

  self = g_object_new (DG_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CANNOT_OPEN,
                   _("The database “%s” could not be opened: %s."),
                   path, self->handle ? sqlite3_errmsg (self->handle) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, TRUE);

  /* WAL keeps readers and the writer apart and, with synchronous=FULL, a
   * crash at any instant leaves the last committed state. */
  if (!exec (self->handle, path, "PRAGMA foreign_keys = ON", error) ||
      !exec (self->handle, path, "PRAGMA busy_timeout = 5000", error) ||
      !exec (self->handle, path, "PRAGMA journal_mode = WAL", error) ||
      !exec (self->handle, path, "PRAGMA synchronous = FULL", error) ||
      !query_int (self->handle, path, "PRAGMA user_version", &current_version, error))
    return NULL;

  if (current_version > version)
    {
      set_newer_version_error (path, current_version, version, error);
      return NULL;
    }

  if (!migrate (self, current_version, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

DgDatabase *
dg_database_open (const char  *path,
                  GError     **error)
{
  return _dg_database_open_at_version (path, dg_database_get_latest_version (), error);
}

const char *
dg_database_get_path (DgDatabase *self)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), NULL);

  return self->path;
}

const char *
dg_database_get_backup_path (DgDatabase *self)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), NULL);

  return self->backup_path;
}

int
dg_database_get_version (DgDatabase *self)
{
  int version = 0;

  g_return_val_if_fail (DG_IS_DATABASE (self), 0);

  query_int (self->handle, self->path, "PRAGMA user_version", &version, NULL);
  return version;
}

sqlite3_stmt *
dg_database_prepare (DgDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DG_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      dg_database_propagate_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
dg_database_execute (DgDatabase    *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    dg_database_propagate_error (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

int
dg_database_changes (DgDatabase *self)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), 0);

  return sqlite3_changes (self->handle);
}

gint64
dg_database_last_insert_id (DgDatabase *self)
{
  g_return_val_if_fail (DG_IS_DATABASE (self), 0);

  return sqlite3_last_insert_rowid (self->handle);
}

gboolean
dg_database_transaction (DgDatabase         *self,
                         DgTransactionFunc   func,
                         gpointer            user_data,
                         GError            **error)
{
  g_autofree char *begin = NULL;
  g_autofree char *commit = NULL;
  g_autofree char *rollback = NULL;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (DG_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->transaction_depth == 0)
    {
      begin = g_strdup ("BEGIN IMMEDIATE");
      commit = g_strdup ("COMMIT");
      rollback = g_strdup ("ROLLBACK");
    }
  else
    {
      begin = g_strdup_printf ("SAVEPOINT dg_%u", self->transaction_depth);
      commit = g_strdup_printf ("RELEASE dg_%u", self->transaction_depth);
      rollback = g_strdup_printf ("ROLLBACK TO dg_%u; RELEASE dg_%u",
                                  self->transaction_depth, self->transaction_depth);
    }

  if (!exec (self->handle, self->path, begin, error))
    return FALSE;

  self->transaction_depth++;
  ok = func (self, user_data, &local_error);
  self->transaction_depth--;

  /* A function that fails must say why. */
  g_assert (ok || local_error != NULL);

  if (ok && exec (self->handle, self->path, commit, &local_error))
    return TRUE;

  sqlite3_exec (self->handle, rollback, NULL, NULL, NULL);
  g_propagate_error (error, local_error);
  return FALSE;
}

void
dg_database_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

const char *
dg_database_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

static void
dg_database_finalize (GObject *object)
{
  DgDatabase *self = DG_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (dg_database_parent_class)->finalize (object);
}

static void
dg_database_class_init (DgDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dg_database_finalize;
}

static void
dg_database_init (DgDatabase *self)
{
  /* Keyed by the text, not its address: a caller's freed text can leave
   * its address to another statement, which would then run the wrong SQL. */
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}
