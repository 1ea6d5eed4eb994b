/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "dg-database.h"
#include "dg-time-entry.h"

G_BEGIN_DECLS

/* g_test_init() in the user's locale, with assertions that let the test go
 * on, so that one run reports every failing case and not just the first. */
void          dg_test_init                  (int           *argc,
                                             char        ***argv);

/* A fresh database in a temporary directory of its own, for g_test_add():
 * set up opens @path in @dir, tear down closes it and removes @dir. */
typedef struct
{
  char       *dir;
  char       *path;  /* "delegate.db" in @dir */
  DgDatabase *db;
} DgTestFixture;

void          dg_test_fixture_set_up        (DgTestFixture *fixture,
                                             gconstpointer  user_data);
void          dg_test_fixture_tear_down     (DgTestFixture *fixture,
                                             gconstpointer  user_data);

typedef void (*DgTestFixtureFunc) (DgTestFixture *fixture,
                                   gconstpointer  user_data);

/* Adds the test @test_path that runs @func on a fresh DgTestFixture. */
void          dg_test_add_with_database     (const char        *test_path,
                                             DgTestFixtureFunc  func);

/* A new directory "delegate-PROGRAM-XXXXXX" in the temporary folder, named
 * after the test program so that a left-over one shows where it came from. */
char         *dg_test_make_tmp_dir          (void);
/* Removes @path and, for a directory, everything below it. */
void          dg_test_remove_tree           (const char    *path);
/* Opens (or creates) the database at @path, which must succeed. */
DgDatabase   *dg_test_open_database         (const char    *path);

/* Fails unless @error is set and its message contains @word, ignoring case:
 * a user must be able to tell from the message what to fix. */
void          dg_test_assert_error_mentions (const GError  *error,
                                             const char    *word);

/* One case for a validate_field function: @value typed into @property. */
typedef struct
{
  const char *property;
  const char *value;
  gboolean    valid;
} DgTestFieldCase;

typedef gboolean (*DgTestFieldValidator) (const char  *property,
                                          const char  *value,
                                          GError     **error);

/* Checks each case against @validate: a valid value sets no error, an
 * invalid one a DG_VALIDATION_ERROR with a message to show. */
void          dg_test_assert_field_cases    (DgTestFieldValidator   validate,
                                             const DgTestFieldCase *cases,
                                             gsize                  n_cases);

/* Statements on @db that must succeed. @sql must be a string literal, as
 * dg_database_prepare() caches statements by address. */
sqlite3_stmt *dg_test_prepare               (DgDatabase    *db,
                                             const char    *sql);
void          dg_test_execute               (DgDatabase    *db,
                                             const char    *sql);
/* Steps @stmt to its first row, resets it and returns its first column. */
gint64        dg_test_step_int              (sqlite3_stmt  *stmt);
/* The first column of the first row of @sql, which takes no parameters. */
gint64        dg_test_query_int             (DgDatabase    *db,
                                             const char    *sql);

/* A task straight in SQL, in Europe/Berlin: @billing "assistant-rate",
 * "own-rate" or "fixed-fee" with @amount; @rrule "" for a one-off task;
 * @handbook_id 0 for none, or a handbook whose version 1 the task follows. */
gint64        dg_test_add_task              (DgDatabase    *db,
                                             gint64         assistant_id,
                                             const char    *title,
                                             const char    *billing,
                                             gint64         amount,
                                             const char    *due_date,
                                             const char    *rrule,
                                             const char    *status,
                                             gint64         handbook_id);
/* The occurrence @recurrence_id ("20261103") of @task_id with @status. */
void          dg_test_add_occurrence        (DgDatabase    *db,
                                             gint64         task_id,
                                             const char    *recurrence_id,
                                             const char    *status);
/* A new, unsaved entry starting at @local ("2026-03-02T09:00:00") in the
 * zone @zone. */
DgTimeEntry  *dg_test_new_entry             (gint64         assistant_id,
                                             gint64         task_id,
                                             const char    *local,
                                             const char    *zone,
                                             int            minutes,
                                             const char    *note);

G_END_DECLS
