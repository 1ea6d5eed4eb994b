/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define DG_DATABASE_ERROR (dg_database_error_quark ())

typedef enum
{
  DG_DATABASE_ERROR_CANNOT_OPEN,
  DG_DATABASE_ERROR_NOT_A_DATABASE,
  DG_DATABASE_ERROR_CORRUPT,
  DG_DATABASE_ERROR_NEWER_VERSION,
  DG_DATABASE_ERROR_BACKUP_FAILED,
  DG_DATABASE_ERROR_CONSTRAINT,
  DG_DATABASE_ERROR_FAILED,
} DgDatabaseError;

#define DG_TYPE_DATABASE (dg_database_get_type ())
G_DECLARE_FINAL_TYPE (DgDatabase, dg_database, DG, DATABASE, GObject)

typedef gboolean (*DgTransactionFunc) (DgDatabase  *db,
                                       gpointer     user_data,
                                       GError     **error);

GQuark         dg_database_error_quark         (void);

/* $XDG_DATA_HOME/delegate/delegate.db */
char          *dg_database_get_default_path    (void);
int            dg_database_get_latest_version  (void);

/* Opens or creates (mode 0600) the database at @path and brings its schema up
 * to date, after a backup copy when an existing file is migrated. A file that
 * is not a database, is corrupt, or was written by a newer Delegate is refused
 * and left untouched. */
DgDatabase    *dg_database_open                (const char   *path,
                                                GError      **error);
const char    *dg_database_get_path            (DgDatabase   *self);
int            dg_database_get_version         (DgDatabase   *self);
/* Path of the backup taken before the last migration, or NULL. */
const char    *dg_database_get_backup_path     (DgDatabase   *self);

/* A prepared statement for @sql, prepared once per database and cached by
 * its text; returned reset with its bindings cleared. Owned by @self. */
sqlite3_stmt  *dg_database_prepare             (DgDatabase   *self,
                                                const char   *sql,
                                                GError      **error);
/* Steps @stmt expecting SQLITE_DONE, then resets it. */
gboolean       dg_database_execute             (DgDatabase   *self,
                                                sqlite3_stmt *stmt,
                                                GError      **error);
/* Sets @error from the connection's last error (code mapped to DgDatabaseError). */
void           dg_database_propagate_error     (DgDatabase   *self,
                                                GError      **error);
gint64         dg_database_last_insert_id      (DgDatabase   *self);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
int            dg_database_changes             (DgDatabase   *self);

/* Runs @func inside a transaction (a savepoint when nested): committed when it
 * returns TRUE, rolled back entirely when it returns FALSE. Every change that
 * touches more than one row goes through here. */
gboolean       dg_database_transaction         (DgDatabase        *self,
                                                DgTransactionFunc  func,
                                                gpointer           user_data,
                                                GError           **error);

/* Binding helpers: text may be NULL (bound as ''). */
void           dg_database_bind_text           (sqlite3_stmt *stmt,
                                                int           index,
                                                const char   *text);
/* The column's text, never NULL ("" for NULL). */
const char    *dg_database_column_text         (sqlite3_stmt *stmt,
                                                int           column);

G_END_DECLS
