/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-task-store"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dg-recurrence.h"
#include "dg-task-private.h"
#include "dg-task-store.h"
#include "dg-validation.h"

/* Overdue occurrences older than this stay off the Tasks page. */
#define UPCOMING_OVERDUE_DAYS 90
/* How next_occurrence looks ahead: usually the first occurrence is the
 * one (and each costs a step of libical's calendar), so it asks for one,
 * then for ever more after a run of finished ones, up to a limit, so that
 * a long series of done occurrences cannot make it run forever. */
#define NEXT_FIRST_BATCH 1
#define NEXT_MAX_BATCH 256
#define NEXT_MAX_BATCHES 16
/* An end for an open search: a hundred years ahead. */
#define FAR_FUTURE_SECONDS ((gint64) 100 * 366 * 24 * 3600)

struct _DgTaskStore
{
  GObject     parent_instance;

  DgDatabase *db;
  GPtrArray  *items;   /* DgTask *, sorted by compare_tasks() */
};

enum {
  OCCURRENCES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void dg_task_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DgTaskStore, dg_task_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      dg_task_store_list_model_init))
G_DEFINE_QUARK (dg-task-error-quark, dg_task_error)

/* The numbers of the parameters are shared by insert_sql and update_sql,
 * which both go through bind_task(). */
#define SELECT_TASKS \
  "SELECT t.id, t.uid, t.title, t.assistant_id, t.handbook_id, t.handbook_version, " \
  "t.due_date, t.due_time, t.time_zone, t.rrule, t.notes, t.priority, " \
  "t.estimate_minutes, t.billing, t.billing_amount, t.status, t.percent_complete, " \
  "t.completed_at, t.created_at, a.name, a.time_zone, coalesce (v.title, '') " \
  "FROM tasks t JOIN assistants a ON a.id = t.assistant_id " \
  "LEFT JOIN handbook_versions v ON v.handbook_id = t.handbook_id AND v.number = t.handbook_version"

static const char *select_all_sql = SELECT_TASKS;
static const char *select_one_sql = SELECT_TASKS " WHERE t.id = ?1";
static const char *insert_sql =
  "INSERT INTO tasks (uid, title, assistant_id, handbook_id, handbook_version, "
  "due_date, due_time, time_zone, rrule, notes, priority, estimate_minutes, billing, "
  "billing_amount, status, percent_complete, completed_at, created_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
/* The UID (?1) is part of the match: it never changes. */
static const char *update_sql =
  "UPDATE tasks SET title = ?2, assistant_id = ?3, handbook_id = ?4, handbook_version = ?5, "
  "due_date = ?6, due_time = ?7, time_zone = ?8, rrule = ?9, notes = ?10, priority = ?11, "
  "estimate_minutes = ?12, billing = ?13, billing_amount = ?14, status = ?15, "
  "percent_complete = ?16, completed_at = ?17, created_at = ?18 "
  "WHERE id = ?19 AND uid = ?1";
static const char *set_handbook_version_sql =
  "UPDATE tasks SET handbook_version = ?1 WHERE id = ?2";
static const char *set_task_progress_sql =
  "UPDATE tasks SET status = ?1, percent_complete = ?2, completed_at = ?3 WHERE id = ?4";
static const char *delete_sql =
  "DELETE FROM tasks WHERE id = ?1";
static const char *select_assistant_sql =
  "SELECT name, time_zone, active FROM assistants WHERE id = ?1";
static const char *handbook_exists_sql =
  "SELECT count(*) FROM handbooks WHERE id = ?1";
static const char *latest_version_sql =
  "SELECT coalesce (max(number), 0) FROM handbook_versions WHERE handbook_id = ?1";
static const char *version_exists_sql =
  "SELECT count(*) FROM handbook_versions WHERE handbook_id = ?1 AND number = ?2";
static const char *select_overrides_sql =
  "SELECT recurrence_id, status, percent_complete, completed_at FROM task_occurrences "
  "WHERE task_id = ?1 ORDER BY recurrence_id";
/* Recurrence ids in basic format sort as their dates do. */
static const char *select_overrides_between_sql =
  "SELECT recurrence_id, status, percent_complete, completed_at FROM task_occurrences "
  "WHERE task_id = ?1 AND recurrence_id >= ?2 AND recurrence_id < ?3";
static const char *upsert_override_sql =
  "INSERT INTO task_occurrences (task_id, recurrence_id, status, percent_complete, completed_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5) "
  "ON CONFLICT (task_id, recurrence_id) DO UPDATE SET status = excluded.status, "
  "percent_complete = excluded.percent_complete, completed_at = excluded.completed_at";
static const char *delete_override_sql =
  "DELETE FROM task_occurrences WHERE task_id = ?1 AND recurrence_id = ?2";
static const char *delete_all_overrides_sql =
  "DELETE FROM task_occurrences WHERE task_id = ?1";

/* The stored status of one occurrence. */
typedef struct
{
  DgTaskStatus status;
  int          percent_complete;
  char        *completed_at;
} Override;

static void
override_free (Override *override)
{
  g_free (override->completed_at);
  g_free (override);
}

/* ---- helpers ------------------------------------------------------------ */

static char *
now_utc_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static int
compare_tasks (DgTask *a,
               DgTask *b)
{
  int cmp;

  cmp = g_strcmp0 (dg_task_get_due_date (a), dg_task_get_due_date (b));
  if (cmp != 0)
    return cmp;
  /* "" (all day) sorts before any time of the same day. */
  cmp = g_strcmp0 (dg_task_get_due_time (a), dg_task_get_due_time (b));
  if (cmp != 0)
    return cmp;
  cmp = strcmp (_dg_task_get_sort_key (a), _dg_task_get_sort_key (b));
  if (cmp != 0)
    return cmp;
  return (dg_task_get_id (a) > dg_task_get_id (b)) - (dg_task_get_id (a) < dg_task_get_id (b));
}

static int
compare_task_pointers (gconstpointer a,
                       gconstpointer b)
{
  return compare_tasks (*(DgTask **) a, *(DgTask **) b);
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  DgTaskOccurrence *occ_a = *(DgTaskOccurrence **) a;
  DgTaskOccurrence *occ_b = *(DgTaskOccurrence **) b;
  int cmp = g_date_time_compare (dg_task_occurrence_get_due (occ_a), dg_task_occurrence_get_due (occ_b));

  if (cmp != 0)
    return cmp;
  return compare_tasks (dg_task_occurrence_get_task (occ_a), dg_task_occurrence_get_task (occ_b));
}

static guint
sorted_position (DgTaskStore *self,
                 DgTask      *task)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_tasks (g_ptr_array_index (self->items, mid), task) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
insert_sorted (DgTaskStore *self,
               DgTask      *task)
{
  guint position = sorted_position (self, task);

  g_ptr_array_insert (self->items, position, g_object_ref (task));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
set_gone_error (DgTask  *task,
                GError **error)
{
  g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND,
               _("The task “%s” no longer exists. Reload the list and try again."),
               dg_task_get_title (task));
}

static gboolean
find_position (DgTaskStore *self,
               gint64       id,
               guint       *out_position)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      if (dg_task_get_id (g_ptr_array_index (self->items, i)) == id)
        {
          *out_position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static DgTask *
find_stored (DgTaskStore  *self,
             DgTask       *task,
             guint        *out_position,
             GError      **error)
{
  guint position;

  if (!find_position (self, dg_task_get_id (task), &position))
    {
      set_gone_error (task, error);
      return NULL;
    }
  if (out_position != NULL)
    *out_position = position;
  return g_ptr_array_index (self->items, position);
}

static DgTask *
task_from_row (sqlite3_stmt *stmt)
{
  DgTask *task = dg_task_new (NULL);
  DgTaskPriority priority = sqlite3_column_int (stmt, 11);
  DgTaskBilling billing = DG_TASK_BILLING_ASSISTANT_RATE;
  DgTaskStatus status = DG_TASK_STATUS_OPEN;

  /* The schema's CHECK constraints keep these to the known values. */
  dg_task_billing_from_string (dg_database_column_text (stmt, 13), &billing);
  dg_task_status_from_string (dg_database_column_text (stmt, 15), &status);

  g_object_set (task,
                "id", (gint64) sqlite3_column_int64 (stmt, 0),
                "uid", dg_database_column_text (stmt, 1),
                "title", dg_database_column_text (stmt, 2),
                "assistant-id", (gint64) sqlite3_column_int64 (stmt, 3),
                "handbook-id", (gint64) sqlite3_column_int64 (stmt, 4),
                "handbook-version", sqlite3_column_int (stmt, 5),
                "due-date", dg_database_column_text (stmt, 6),
                "due-time", dg_database_column_text (stmt, 7),
                "time-zone", dg_database_column_text (stmt, 8),
                "rrule", dg_database_column_text (stmt, 9),
                "notes", dg_database_column_text (stmt, 10),
                "priority", priority,
                "estimate-minutes", sqlite3_column_int (stmt, 12),
                "billing", billing,
                "billing-amount", (gint64) sqlite3_column_int64 (stmt, 14),
                "status", status,
                "percent-complete", sqlite3_column_int (stmt, 16),
                "completed-at", dg_database_column_text (stmt, 17),
                "created-at", dg_database_column_text (stmt, 18),
                NULL);
  _dg_task_set_display (task,
                        dg_database_column_text (stmt, 19),
                        dg_database_column_text (stmt, 20),
                        dg_database_column_text (stmt, 21));
  return task;
}

static void
bind_task (sqlite3_stmt *stmt,
           DgTask       *task)
{
  dg_database_bind_text (stmt, 1, dg_task_get_uid (task));
  dg_database_bind_text (stmt, 2, dg_task_get_title (task));
  sqlite3_bind_int64 (stmt, 3, dg_task_get_assistant_id (task));
  /* No handbook is NULL, which the foreign keys do not check. */
  if (dg_task_get_handbook_id (task) != 0)
    {
      sqlite3_bind_int64 (stmt, 4, dg_task_get_handbook_id (task));
      sqlite3_bind_int (stmt, 5, dg_task_get_handbook_version (task));
    }
  else
    {
      sqlite3_bind_null (stmt, 4);
      sqlite3_bind_null (stmt, 5);
    }
  dg_database_bind_text (stmt, 6, dg_task_get_due_date (task));
  dg_database_bind_text (stmt, 7, dg_task_get_due_time (task));
  dg_database_bind_text (stmt, 8, dg_task_get_time_zone (task));
  dg_database_bind_text (stmt, 9, dg_task_get_rrule (task));
  dg_database_bind_text (stmt, 10, dg_task_get_notes (task));
  sqlite3_bind_int (stmt, 11, dg_task_get_priority (task));
  sqlite3_bind_int (stmt, 12, dg_task_get_estimate_minutes (task));
  dg_database_bind_text (stmt, 13, dg_task_billing_to_string (dg_task_get_billing (task)));
  sqlite3_bind_int64 (stmt, 14, dg_task_get_billing_amount (task));
  dg_database_bind_text (stmt, 15, dg_task_status_to_string (dg_task_get_status (task)));
  sqlite3_bind_int (stmt, 16, dg_task_get_percent_complete (task));
  dg_database_bind_text (stmt, 17, dg_task_get_completed_at (task));
  dg_database_bind_text (stmt, 18, dg_task_get_created_at (task));
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

/* Copies every writable property of @from to @to, and the display ones. */
static void
take_values (DgTask *to,
             DgTask *from)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  if (to == from)
    return;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_pspecs);
  g_object_freeze_notify (G_OBJECT (to));
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_WRITABLE) == 0)
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (from), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (to), pspecs[i]->name, &value);
    }
  _dg_task_set_display (to,
                        dg_task_get_assistant_name (from),
                        dg_task_get_assistant_time_zone (from),
                        dg_task_get_handbook_title (from));
  g_object_thaw_notify (G_OBJECT (to));
}

/* Reads the row of @id back, with the display values from the assistant
 * and the handbook version. */
static DgTask *
read_task (DgTaskStore  *self,
           gint64        id,
           GError      **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_one_sql, error);
  DgTask *task = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    task = task_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND,
                         _("The task no longer exists. Reload the list and try again."));
  else
    dg_database_propagate_error (self->db, error);
  sqlite3_reset (stmt);
  return task;
}

/* The assistant's time zone, after checking that they exist and, for new
 * work (@must_be_active), that they are not archived. */
static char *
check_assistant (DgTaskStore  *self,
                 gint64        assistant_id,
                 gboolean      must_be_active,
                 GError      **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_assistant_sql, error);
  g_autofree char *name = NULL;
  g_autofree char *time_zone = NULL;
  gboolean active = FALSE;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assistant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      name = g_strdup (dg_database_column_text (stmt, 0));
      time_zone = g_strdup (dg_database_column_text (stmt, 1));
      active = sqlite3_column_int (stmt, 2) != 0;
    }
  else if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  if (name == NULL)
    {
      g_set_error_literal (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND,
                           _("The assistant of this task no longer exists. Choose another assistant."));
      return NULL;
    }
  if (must_be_active && !active)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is archived. Restore the assistant before giving them new work."),
                   name);
      return NULL;
    }
  return g_steal_pointer (&time_zone);
}

/* The number of the latest published version of @handbook_id. */
static int
latest_version (DgTaskStore  *self,
                gint64        handbook_id,
                GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 value = 0;

  stmt = dg_database_prepare (self->db, handbook_exists_sql, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, handbook_id);
  if (!query_int (self->db, stmt, &value, error))
    return 0;
  if (value == 0)
    {
      g_set_error_literal (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND,
                           _("The handbook of this task no longer exists. Choose another handbook."));
      return 0;
    }

  stmt = dg_database_prepare (self->db, latest_version_sql, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, handbook_id);
  if (!query_int (self->db, stmt, &value, error))
    return 0;
  if (value == 0)
    {
      g_set_error_literal (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_PUBLISHED_VERSION,
                           _("The handbook has not been published yet, so no version can be given with the task. Publish the handbook first."));
      return 0;
    }
  return (int) value;
}

static gboolean
check_version_exists (DgTaskStore  *self,
                      gint64        handbook_id,
                      int           number,
                      GError      **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, version_exists_sql, error);
  gint64 count = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, handbook_id);
  sqlite3_bind_int (stmt, 2, number);
  if (!query_int (self->db, stmt, &count, error))
    return FALSE;
  if (count == 0)
    {
      g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND,
                   _("Version %d of the handbook has not been published. Choose a published version."),
                   number);
      return FALSE;
    }
  return TRUE;
}

/* The rule of @task (normalised) with its UNTIL in the form RFC 5545 wants
 * for its schedule. A rule kept from @current (NULL for a new task) whose
 * zone changes has a UTC UNTIL made for the old zone: it goes back to the
 * local date it ends on there first, so that the series ends on the same
 * date in the new zone. */
static void
fit_rule_until (DgTask *task,
                DgTask *current)
{
  g_autofree char *in_old_zone = NULL;
  g_autofree char *fitted = NULL;
  const char *rrule = dg_task_get_rrule (task);

  if (current != NULL &&
      g_strcmp0 (rrule, dg_task_get_rrule (current)) == 0 &&
      g_strcmp0 (dg_task_get_time_zone (task), dg_task_get_time_zone (current)) != 0)
    {
      in_old_zone = dg_rrule_fit_until (rrule, "", dg_task_get_time_zone (current));
      if (in_old_zone != NULL)
        rrule = in_old_zone;
    }

  fitted = dg_rrule_fit_until (rrule, dg_task_get_due_time (task), dg_task_get_time_zone (task));
  /* NULL only for a rule or zone that validation has refused already. */
  if (fitted != NULL)
    g_object_set (task, "rrule", fitted, NULL);
}

/* Reopening work that was done starts it again: without a percentage of
 * its own, 100 % goes back to 0 (or the next calendar import would read
 * it as done again), and a completion time only belongs to done work. */
static int
reopened_percent (DgTaskStatus old_status,
                  int          old_percent)
{
  return old_status == DG_TASK_STATUS_DONE || old_percent >= 100 ? 0 : old_percent;
}

/* What add and update share: the assistant's zone for an empty one, the
 * checks of dg_task_validate(), the rule in its normal form with its UNTIL
 * fitted, and the progress in line with the status. @current is the
 * stored task an update changes, NULL for a new one. */
static gboolean
prepare_task (DgTaskStore  *self,
              DgTask       *task,
              DgTask       *current,
              gboolean      assistant_must_be_active,
              GError      **error)
{
  g_autofree char *assistant_zone = NULL;

  if (dg_task_get_assistant_id (task) > 0)
    {
      assistant_zone = check_assistant (self, dg_task_get_assistant_id (task),
                                        assistant_must_be_active, error);
      if (assistant_zone == NULL)
        return FALSE;
      if (dg_text_is_blank (dg_task_get_time_zone (task)))
        g_object_set (task, "time-zone", assistant_zone, NULL);
    }

  if (!dg_task_validate (task, error))
    return FALSE;

  if (dg_task_is_recurring (task))
    {
      g_autofree char *rrule = dg_rrule_normalize (dg_task_get_rrule (task), error);

      if (rrule == NULL)
        return FALSE;
      g_object_set (task, "rrule", rrule, NULL);
      fit_rule_until (task, current);

      /* A series is done one occurrence at a time. */
      if (dg_task_get_status (task) != DG_TASK_STATUS_OPEN &&
          dg_task_get_status (task) != DG_TASK_STATUS_CANCELLED)
        {
          g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_INVALID_STATUS,
                       _("“%s” repeats, so it is done one occurrence at a time. Mark an occurrence done, or cancel the task to end the series."),
                       dg_task_get_title (task));
          return FALSE;
        }
    }

  if (dg_task_get_status (task) != DG_TASK_STATUS_DONE)
    {
      /* Reopened: a percentage the caller left as it was is the done
       * one's, not theirs (see reopened_percent()). */
      if (current != NULL && dg_task_get_status (current) == DG_TASK_STATUS_DONE &&
          dg_task_get_percent_complete (task) == dg_task_get_percent_complete (current))
        g_object_set (task, "percent-complete", 0, NULL);
      g_object_set (task, "completed-at", "", NULL);
    }
  return TRUE;
}

static GTimeZone *
task_zone (DgTask *task)
{
  GTimeZone *zone = _dg_task_lookup_zone (dg_task_get_time_zone (task));

  /* Validation keeps the zone known; UTC only guards against a database
   * changed by hand. */
  return zone ? zone : g_time_zone_new_utc ();
}

static GArray *
expand (DgTask   *task,
        gint64    from_utc,
        gint64    to_utc,
        guint     max_count,
        GError  **error)
{
  /* Keeps the zone parsed for the expansion's own lookups of it. */
  g_autoptr(GTimeZone) zone = task_zone (task);

  return dg_recurrence_expand (dg_task_get_rrule (task),
                               dg_task_get_due_date (task),
                               dg_task_get_due_time (task),
                               dg_task_get_time_zone (task),
                               from_utc, to_utc, max_count, error);
}

/* A bound for recurrence ids of occurrences due around @utc: its UTC date
 * moved by @days, as "YYYYMMDD". A local date is less than a day from the
 * UTC one, so two days of margin cover every zone. */
static char *
recurrence_id_bound (gint64 utc,
                     int    days)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) moved = date_time ? g_date_time_add_days (date_time, days) : NULL;

  return moved ? g_date_time_format (moved, "%Y%m%d") : NULL;
}

/* The stored statuses of the occurrences of @task_id due in
 * [@from_utc, @to_utc) (and perhaps a few just outside), by recurrence id:
 * a list needs those of its window, not of the series' whole past. */
static GHashTable *
load_overrides_between (DgTaskStore  *self,
                        gint64        task_id,
                        gint64        from_utc,
                        gint64        to_utc,
                        GError      **error)
{
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) override_free);
  g_autofree char *lower = recurrence_id_bound (from_utc, -2);
  g_autofree char *upper = recurrence_id_bound (to_utc, 2);
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_overrides_between_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, task_id);
  /* Past the dates GDateTime knows, the bound is open: "" sorts before
   * every id, a letter after every digit. */
  dg_database_bind_text (stmt, 2, lower ? lower : "");
  dg_database_bind_text (stmt, 3, upper ? upper : "A");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Override *override = g_new0 (Override, 1);

      override->status = DG_TASK_STATUS_OPEN;
      dg_task_status_from_string (dg_database_column_text (stmt, 1), &override->status);
      override->percent_complete = sqlite3_column_int (stmt, 2);
      override->completed_at = g_strdup (dg_database_column_text (stmt, 3));
      g_hash_table_insert (overrides, g_strdup (dg_database_column_text (stmt, 0)), override);
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&overrides);
}

static GHashTable *
load_overrides (DgTaskStore  *self,
                gint64        task_id,
                GError      **error)
{
  return load_overrides_between (self, task_id, G_MININT64, G_MAXINT64, error);
}

/* The occurrence at @time with its status: a one-off task's own; in a
 * series the stored override or open; pending ones of a cancelled series
 * are cancelled, while what was done or skipped stays so. */
static DgTaskOccurrence *
make_occurrence (DgTask                 *task,
                 GTimeZone              *zone,
                 const char             *recurrence_id,
                 gint64                  due_utc,
                 GHashTable             *overrides)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (due_utc);
  g_autoptr(GDateTime) due = g_date_time_to_timezone (utc, zone);
  Override *override = NULL;
  DgTaskStatus status;

  if (!dg_task_is_recurring (task))
    return dg_task_occurrence_new (task, "", due,
                                   dg_task_get_status (task),
                                   dg_task_get_percent_complete (task),
                                   dg_task_get_completed_at (task));

  if (overrides != NULL)
    override = g_hash_table_lookup (overrides, recurrence_id);
  status = override ? override->status : DG_TASK_STATUS_OPEN;
  if (dg_task_get_status (task) == DG_TASK_STATUS_CANCELLED && dg_task_status_is_pending (status))
    status = DG_TASK_STATUS_CANCELLED;
  return dg_task_occurrence_new (task, recurrence_id, due, status,
                                 override ? override->percent_complete : 0,
                                 override ? override->completed_at : "");
}

/* @recurrence_id as the owner reads it: "Thursday, 26 March 2026, 10:00
 * (Europe/Berlin)", the wall-clock time it names in the task's zone (even
 * one that a change of clocks skips), or the date alone for an all-day
 * one; NULL when it names no date. */
static char *
format_recurrence_id (DgTask     *task,
                      const char *recurrence_id)
{
  g_autoptr(GDateTime) named = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  int year, month, day, hour = 0, minute = 0, second = 0;
  gsize length = strlen (recurrence_id);
  char separator = 'T';

  if ((length != 8 && length != 15) ||
      sscanf (recurrence_id, "%4d%2d%2d%c%2d%2d%2d", &year, &month, &day,
              &separator, &hour, &minute, &second) != (length == 8 ? 3 : 7) ||
      separator != 'T' || !g_date_valid_dmy (day, month, year))
    return NULL;
  /* Only a calendar to format the digits with: UTC moves none of them. */
  named = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (named == NULL)
    return NULL;
  /* Translators: the date of an occurrence in a sentence, see
   * g_date_time_format(); "Thursday, 26 March 2026" */
  date = g_date_time_format (named, _("%A, %-d %B %Y"));
  if (length == 8)
    return g_steal_pointer (&date);
  /* Translators: a time of day, see g_date_time_format(); "10:00" */
  time = g_date_time_format (named, _("%H:%M"));
  /* Translators: the date and time of an occurrence, and the time zone
   * they are meant in: "Thursday, 26 March 2026, 10:00 (Europe/Berlin)" */
  return g_strdup_printf (_("%s, %s (%s)"), date, time, dg_task_get_time_zone (task));
}

static void
set_no_such_occurrence_error (DgTask      *task,
                              const char  *recurrence_id,
                              GError     **error)
{
  g_autofree char *when = NULL;

  if (!dg_task_is_recurring (task))
    {
      g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE,
                   _("“%s” does not repeat, so it has no single occurrences. Change the task itself."),
                   dg_task_get_title (task));
      return;
    }
  if (recurrence_id == NULL || *recurrence_id == '\0')
    {
      g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE,
                   _("“%s” repeats. Choose which of its occurrences to change."),
                   dg_task_get_title (task));
      return;
    }
  when = format_recurrence_id (task, recurrence_id);
  if (when == NULL)
    {
      g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE,
                   _("“%s” is not a date of an occurrence. Name it as 20261130 or 20261130T090000."),
                   recurrence_id);
      return;
    }
  g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NO_SUCH_OCCURRENCE,
               /* Translators: a task's title, then a date and time such as
                * "Thursday, 26 March 2026, 10:00 (Europe/Berlin)" */
               _("“%s” is not due on %s. Choose a date on which the task repeats."),
               dg_task_get_title (task), when);
}

/* Expands the rule around @recurrence_id to find the occurrence's instant,
 * which differs from the id's local time when that falls into a
 * daylight-saving gap. */
static gboolean
find_occurrence_time (DgTask            *task,
                      const char        *recurrence_id,
                      DgOccurrenceTime  *out_time,
                      GError           **error)
{
  g_autoptr(GDateTime) nominal = NULL;
  g_autoptr(GArray) times = NULL;
  gint64 around;

  /* Whether the rule has the id at all is answered by the expansion
   * below, which is needed anyway. */
  if (dg_task_is_recurring (task))
    {
      if (recurrence_id == NULL || *recurrence_id == '\0')
        {
          set_no_such_occurrence_error (task, recurrence_id, error);
          return FALSE;
        }
      nominal = dg_recurrence_id_to_date_time (recurrence_id, dg_task_get_time_zone (task));
    }
  else
    {
      if (recurrence_id != NULL && *recurrence_id != '\0')
        {
          set_no_such_occurrence_error (task, recurrence_id, error);
          return FALSE;
        }
      nominal = dg_task_get_due (task);
    }

  if (nominal == NULL)
    {
      set_no_such_occurrence_error (task, recurrence_id, error);
      return FALSE;
    }

  around = g_date_time_to_unix (nominal);
  times = expand (task, around - 2 * 24 * 3600, around + 2 * 24 * 3600, 0, error);
  if (times == NULL)
    return FALSE;
  for (guint i = 0; i < times->len; i++)
    {
      DgOccurrenceTime *time = &g_array_index (times, DgOccurrenceTime, i);

      if (!dg_task_is_recurring (task) || g_strcmp0 (time->recurrence_id, recurrence_id) == 0)
        {
          *out_time = *time;
          return TRUE;
        }
    }

  set_no_such_occurrence_error (task, recurrence_id, error);
  return FALSE;
}

static gboolean
load (DgTaskStore  *self,
      GPtrArray    *items,
      GError      **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_all_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, task_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  g_ptr_array_sort (items, compare_task_pointers);
  return TRUE;
}

/* ---- the list ----------------------------------------------------------- */

DgTaskStore *
dg_task_store_new (DgDatabase  *db,
                   GError     **error)
{
  g_autoptr(DgTaskStore) self = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  self = g_object_new (DG_TYPE_TASK_STORE, NULL);
  self->db = g_object_ref (db);
  if (!load (self, self->items, error))
    return NULL;
  return g_steal_pointer (&self);
}

DgDatabase *
dg_task_store_get_database (DgTaskStore *self)
{
  g_return_val_if_fail (DG_IS_TASK_STORE (self), NULL);

  return self->db;
}

gboolean
dg_task_store_reload (DgTaskStore  *self,
                      GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) old_items = NULL;
  guint old_len;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), FALSE);

  if (!load (self, items, error))
    return FALSE;

  old_items = g_steal_pointer (&self->items);
  old_len = old_items->len;
  self->items = g_steal_pointer (&items);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
  g_signal_emit (self, signals[OCCURRENCES_CHANGED], 0);
  return TRUE;
}

DgTask *
dg_task_store_find (DgTaskStore *self,
                    gint64       id)
{
  guint position;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), NULL);

  if (!find_position (self, id, &position))
    return NULL;
  return g_ptr_array_index (self->items, position);
}

DgTask *
dg_task_store_find_by_uid (DgTaskStore *self,
                           const char  *uid)
{
  g_return_val_if_fail (DG_IS_TASK_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      DgTask *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (dg_task_get_uid (item), uid) == 0)
        return item;
    }
  return NULL;
}

/* ---- add, update, delete ------------------------------------------------ */

gboolean
dg_task_store_add (DgTaskStore  *self,
                   DgTask       *task,
                   GError      **error)
{
  g_autoptr(DgTask) prepared = NULL;
  g_autoptr(DgTask) stored = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *created_at = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_TASK (task), FALSE);
  g_return_val_if_fail (dg_task_get_id (task) == 0, FALSE);

  /* Worked on a copy, so that a refused task is left as the user typed it. */
  prepared = dg_task_copy (task);
  if (!prepare_task (self, prepared, NULL, TRUE, error))
    return FALSE;

  if (dg_task_get_handbook_id (prepared) != 0)
    {
      int version = dg_task_get_handbook_version (prepared);

      if (version == 0)
        version = latest_version (self, dg_task_get_handbook_id (prepared), error);
      else if (!check_version_exists (self, dg_task_get_handbook_id (prepared), version, error))
        version = 0;
      if (version == 0)
        return FALSE;
      g_object_set (prepared, "handbook-version", version, NULL);
    }
  else
    g_object_set (prepared, "handbook-version", 0, NULL);

  uuid = g_uuid_string_random ();
  uid = g_strconcat (uuid, "@delegate", NULL);
  created_at = now_utc_string ();
  g_object_set (prepared, "uid", uid, "created-at", created_at, NULL);

  stmt = dg_database_prepare (self->db, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_task (stmt, prepared);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;

  stored = read_task (self, dg_database_last_insert_id (self->db), error);
  if (stored == NULL)
    return FALSE;
  take_values (task, stored);
  insert_sorted (self, task);
  g_signal_emit (self, signals[OCCURRENCES_CHANGED], 0);
  return TRUE;
}

typedef struct
{
  DgTask   *task;               /* as it is to be written */
  gboolean  schedule_changed;
} UpdateData;

/* What a new schedule does with the stored statuses of a task: each moves
 * to the occurrence on its local date (the date part of its recurrence id,
 * whatever the time or zone), or is dropped when that date is no longer
 * an occurrence. */
typedef struct
{
  char         *recurrence_id;
  char         *new_recurrence_id;   /* NULL: dropped */
  DgTaskStatus  status;
  int           percent_complete;
  char         *completed_at;
} StatusMove;

static void
status_move_free (StatusMove *move)
{
  g_free (move->recurrence_id);
  g_free (move->new_recurrence_id);
  g_free (move->completed_at);
  g_free (move);
}

/* The start of the UTC day of the recurrence id @recurrence_id's date,
 * moved by @days; FALSE when the id has no date. */
static gboolean
recurrence_id_day_utc (const char *recurrence_id,
                       int         days,
                       gint64     *out_utc)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) moved = NULL;
  int year, month, date;

  if (strlen (recurrence_id) < 8 ||
      sscanf (recurrence_id, "%4d%2d%2d", &year, &month, &date) != 3 ||
      !g_date_valid_dmy (date, month, year))
    return FALSE;
  day = g_date_time_new_utc (year, month, date, 0, 0, 0);
  moved = day ? g_date_time_add_days (day, days) : NULL;
  if (moved == NULL)
    return FALSE;
  *out_utc = g_date_time_to_unix (moved);
  return TRUE;
}

/* Plans what the schedule of @task (as it is to be written) does to the
 * statuses stored for its id: a StatusMove for each, in @moves. Writes
 * nothing. */
static gboolean
plan_status_moves (DgDatabase  *db,
                   DgTask      *task,
                   GPtrArray   *moves,
                   GError     **error)
{
  g_autoptr(GHashTable) by_date = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GArray) times = NULL;
  sqlite3_stmt *stmt;
  gint64 from_utc = G_MAXINT64, to_utc = G_MININT64;
  int rc;

  stmt = dg_database_prepare (db, select_overrides_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dg_task_get_id (task));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StatusMove *move = g_new0 (StatusMove, 1);
      gint64 day_from, day_to;

      move->recurrence_id = g_strdup (dg_database_column_text (stmt, 0));
      move->status = DG_TASK_STATUS_OPEN;
      dg_task_status_from_string (dg_database_column_text (stmt, 1), &move->status);
      move->percent_complete = sqlite3_column_int (stmt, 2);
      move->completed_at = g_strdup (dg_database_column_text (stmt, 3));
      g_ptr_array_add (moves, move);

      /* A local date is less than a day from the UTC one. */
      if (recurrence_id_day_utc (move->recurrence_id, -2, &day_from) &&
          recurrence_id_day_utc (move->recurrence_id, 3, &day_to))
        {
          from_utc = MIN (from_utc, day_from);
          to_utc = MAX (to_utc, day_to);
        }
    }
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  /* A one-off task has no occurrences of its own to keep them on. */
  if (moves->len == 0 || !dg_task_is_recurring (task) || from_utc > to_utc)
    return TRUE;

  times = expand (task, from_utc, to_utc, 0, error);
  if (times == NULL)
    return FALSE;
  /* A task repeats at most daily: one occurrence a date. */
  by_date = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < times->len; i++)
    {
      DgOccurrenceTime *time = &g_array_index (times, DgOccurrenceTime, i);

      g_hash_table_insert (by_date, g_strndup (time->recurrence_id, 8), time->recurrence_id);
    }

  taken = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < moves->len; i++)
    {
      StatusMove *move = g_ptr_array_index (moves, i);
      g_autofree char *date = g_strndup (move->recurrence_id, 8);
      const char *target = g_hash_table_lookup (by_date, date);

      if (target == NULL || g_hash_table_contains (taken, target))
        continue;
      g_hash_table_add (taken, (gpointer) target);
      move->new_recurrence_id = g_strdup (target);
    }
  return TRUE;
}

static guint
count_dropped (GPtrArray *moves)
{
  guint dropped = 0;

  for (guint i = 0; i < moves->len; i++)
    if (((StatusMove *) g_ptr_array_index (moves, i))->new_recurrence_id == NULL)
      dropped++;
  return dropped;
}

/* Rewrites the stored statuses of @task as plan_status_moves() planned
 * them for its new schedule; called inside the update's transaction. */
static gboolean
move_statuses (DgDatabase  *db,
               DgTask      *task,
               GError     **error)
{
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) status_move_free);
  gboolean unchanged = TRUE;
  sqlite3_stmt *stmt;

  if (!plan_status_moves (db, task, moves, error))
    return FALSE;
  for (guint i = 0; i < moves->len && unchanged; i++)
    {
      StatusMove *move = g_ptr_array_index (moves, i);

      unchanged = g_strcmp0 (move->recurrence_id, move->new_recurrence_id) == 0;
    }
  if (unchanged)
    return TRUE;

  /* All out, then the kept ones back under their new ids. */
  stmt = dg_database_prepare (db, delete_all_overrides_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dg_task_get_id (task));
  if (!dg_database_execute (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < moves->len; i++)
    {
      StatusMove *move = g_ptr_array_index (moves, i);

      if (move->new_recurrence_id == NULL)
        continue;
      stmt = dg_database_prepare (db, upsert_override_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, dg_task_get_id (task));
      dg_database_bind_text (stmt, 2, move->new_recurrence_id);
      dg_database_bind_text (stmt, 3, dg_task_status_to_string (move->status));
      sqlite3_bind_int (stmt, 4, move->percent_complete);
      dg_database_bind_text (stmt, 5, move->completed_at);
      if (!dg_database_execute (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
update_task (DgDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  UpdateData *data = user_data;
  sqlite3_stmt *stmt = dg_database_prepare (db, update_sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_task (stmt, data->task);
  sqlite3_bind_int64 (stmt, 19, dg_task_get_id (data->task));
  if (!dg_database_execute (db, stmt, error))
    return FALSE;
  if (dg_database_changes (db) == 0)
    {
      set_gone_error (data->task, error);
      return FALSE;
    }
  return !data->schedule_changed || move_statuses (db, data->task, error);
}

/* @changes as dg_task_store_update() would write it, for the stored task
 * at @out_position. */
static DgTask *
prepare_update (DgTaskStore  *self,
                DgTask       *changes,
                guint        *out_position,
                GError      **error)
{
  g_autoptr(DgTask) prepared = NULL;
  DgTask *current;

  current = find_stored (self, changes, out_position, error);
  if (current == NULL)
    return NULL;

  prepared = dg_task_copy (changes);
  g_object_set (prepared,
                "uid", dg_task_get_uid (current),
                "created-at", dg_task_get_created_at (current),
                NULL);
  /* Existing work may stay with an archived assistant; new work may not. */
  if (!prepare_task (self, prepared, current,
                     dg_task_get_assistant_id (prepared) != dg_task_get_assistant_id (current),
                     error))
    return NULL;

  if (dg_task_get_handbook_id (prepared) == 0)
    g_object_set (prepared, "handbook-version", 0, NULL);
  else if (dg_task_get_handbook_id (prepared) == dg_task_get_handbook_id (current))
    g_object_set (prepared, "handbook-version", dg_task_get_handbook_version (current), NULL);
  else
    {
      int version = latest_version (self, dg_task_get_handbook_id (prepared), error);

      if (version == 0)
        return NULL;
      g_object_set (prepared, "handbook-version", version, NULL);
    }
  return g_steal_pointer (&prepared);
}

static gboolean
schedule_changed (DgTask *a,
                  DgTask *b)
{
  return g_strcmp0 (dg_task_get_rrule (a), dg_task_get_rrule (b)) != 0 ||
         g_strcmp0 (dg_task_get_due_date (a), dg_task_get_due_date (b)) != 0 ||
         g_strcmp0 (dg_task_get_due_time (a), dg_task_get_due_time (b)) != 0 ||
         g_strcmp0 (dg_task_get_time_zone (a), dg_task_get_time_zone (b)) != 0;
}

gboolean
dg_task_store_update (DgTaskStore  *self,
                      DgTask       *changes,
                      GError      **error)
{
  g_autoptr(DgTask) prepared = NULL;
  g_autoptr(DgTask) reread = NULL;
  g_autoptr(DgTask) stored = NULL;
  UpdateData data;
  guint position;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_TASK (changes), FALSE);

  prepared = prepare_update (self, changes, &position, error);
  if (prepared == NULL)
    return FALSE;

  data.task = prepared;
  data.schedule_changed = schedule_changed (prepared, g_ptr_array_index (self->items, position));
  if (!dg_database_transaction (self->db, update_task, &data, error))
    return FALSE;

  /* The display values may have changed with the assistant or handbook;
   * reading them cannot undo the write, so a failure only keeps the old
   * ones. */
  reread = read_task (self, dg_task_get_id (prepared), NULL);

  stored = g_ptr_array_steal_index (self->items, position);
  take_values (stored, reread ? reread : prepared);
  take_values (changes, stored);
  /* The due date or title may have moved it in the list. */
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  insert_sorted (self, stored);
  g_signal_emit (self, signals[OCCURRENCES_CHANGED], 0);
  return TRUE;
}

gboolean
dg_task_store_count_dropped_statuses (DgTaskStore *self,
                                      DgTask      *changes,
                                      guint       *n_dropped,
                                      GError     **error)
{
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(DgTask) prepared = NULL;
  guint position;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_TASK (changes), FALSE);
  g_return_val_if_fail (n_dropped != NULL, FALSE);

  /* A change that update() refuses drops nothing; the window shows why
   * when it tries to save. */
  *n_dropped = 0;
  prepared = prepare_update (self, changes, &position, NULL);
  if (prepared == NULL ||
      !schedule_changed (prepared, g_ptr_array_index (self->items, position)))
    return TRUE;

  moves = g_ptr_array_new_with_free_func ((GDestroyNotify) status_move_free);
  if (!plan_status_moves (self->db, prepared, moves, error))
    return FALSE;
  *n_dropped = count_dropped (moves);
  return TRUE;
}

gboolean
dg_task_store_update_handbook_version (DgTaskStore  *self,
                                       DgTask       *task,
                                       GError      **error)
{
  g_autoptr(DgTask) reread = NULL;
  sqlite3_stmt *stmt;
  DgTask *stored;
  guint position;
  int version;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_TASK (task), FALSE);

  stored = find_stored (self, task, &position, error);
  if (stored == NULL)
    return FALSE;
  if (dg_task_get_handbook_id (stored) == 0)
    {
      g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND,
                   _("“%s” is not done by a handbook. Choose a handbook for the task first."),
                   dg_task_get_title (stored));
      return FALSE;
    }

  version = latest_version (self, dg_task_get_handbook_id (stored), error);
  if (version == 0)
    return FALSE;
  if (version == dg_task_get_handbook_version (stored))
    {
      g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_UP_TO_DATE,
                   _("“%s” already follows the latest version (%d) of its handbook."),
                   dg_task_get_title (stored), version);
      return FALSE;
    }

  stmt = dg_database_prepare (self->db, set_handbook_version_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, version);
  sqlite3_bind_int64 (stmt, 2, dg_task_get_id (stored));
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  if (dg_database_changes (self->db) == 0)
    {
      set_gone_error (stored, error);
      return FALSE;
    }

  g_object_set (stored, "handbook-version", version, NULL);
  reread = read_task (self, dg_task_get_id (stored), NULL);
  if (reread != NULL)
    _dg_task_set_display (stored,
                          dg_task_get_assistant_name (reread),
                          dg_task_get_assistant_time_zone (reread),
                          dg_task_get_handbook_title (reread));
  if (task != stored)
    take_values (task, stored);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

static gboolean
delete_task (DgDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  DgTask *task = user_data;
  sqlite3_stmt *stmt = dg_database_prepare (db, delete_sql, error);

  if (stmt == NULL)
    return FALSE;
  /* The occurrences' statuses go with it (ON DELETE CASCADE); time entries
   * and invoice lines hold foreign keys without one, so the database
   * itself refuses while any refers to the task. */
  sqlite3_bind_int64 (stmt, 1, dg_task_get_id (task));
  if (!dg_database_execute (db, stmt, error))
    return FALSE;
  if (dg_database_changes (db) == 0)
    {
      set_gone_error (task, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
dg_task_store_delete (DgTaskStore  *self,
                      DgTask       *task,
                      GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DgTask) removed = NULL;
  DgTask *stored;
  guint position;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_TASK (task), FALSE);

  stored = find_stored (self, task, &position, error);
  if (stored == NULL)
    return FALSE;

  if (!dg_database_transaction (self->db, delete_task, stored, &local_error))
    {
      if (g_error_matches (local_error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CONSTRAINT))
        g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_IN_USE,
                     _("“%s” cannot be deleted because recorded hours or invoices refer to it. Cancel the task instead."),
                     dg_task_get_title (stored));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  removed = g_ptr_array_steal_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_signal_emit (self, signals[OCCURRENCES_CHANGED], 0);
  return TRUE;
}

/* ---- status, per occurrence --------------------------------------------- */

/* The new status of a one-off task or a series, applied to the object in
 * the list once the transaction committed. */
typedef struct
{
  DgTask       *task;
  DgTaskStatus  status;
  int           percent_complete;
  char         *completed_at;
} TaskProgress;

static void
task_progress_free (TaskProgress *progress)
{
  g_free (progress->completed_at);
  g_free (progress);
}

typedef struct
{
  DgTaskStore          *self;
  const DgTaskProgress *changes;
  guint                 n_changes;
  GPtrArray            *applied;   /* TaskProgress * */
} ProgressData;

static gboolean
check_progress_values (int          percent_complete,
                       const char  *completed_at,
                       GError     **error)
{
  if (percent_complete < 0 || percent_complete > 100)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The progress must be between 0 and 100 %."));
      return FALSE;
    }
  if (*completed_at != '\0')
    {
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (completed_at, NULL);

      if (parsed == NULL || !g_str_has_suffix (completed_at, "Z"))
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("“%s” is not a completion time. Give it in UTC, such as 2026-11-30T09:00:00Z."),
                       completed_at);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
apply_task_progress (ProgressData          *data,
                     DgTask                *task,
                     const DgTaskProgress  *change,
                     GError               **error)
{
  TaskProgress *progress;
  g_autofree char *completed_at = NULL;
  sqlite3_stmt *stmt;
  int percent;

  if (change->status == DG_TASK_STATUS_SKIPPED)
    {
      g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_INVALID_STATUS,
                   _("Only a single occurrence of a repeating task can be skipped, not “%s” itself. Cancel the task instead."),
                   dg_task_get_title (task));
      return FALSE;
    }
  if (dg_task_is_recurring (task) &&
      change->status != DG_TASK_STATUS_OPEN && change->status != DG_TASK_STATUS_CANCELLED)
    {
      g_set_error (error, DG_TASK_ERROR, DG_TASK_ERROR_INVALID_STATUS,
                   _("“%s” repeats, so it is done one occurrence at a time. Mark an occurrence done, or cancel the task to end the series."),
                   dg_task_get_title (task));
      return FALSE;
    }

  if (change->percent_complete >= 0)
    percent = change->percent_complete;
  else if (change->status == DG_TASK_STATUS_DONE)
    percent = 100;
  else
    percent = reopened_percent (dg_task_get_status (task), dg_task_get_percent_complete (task));
  if (change->completed_at != NULL)
    completed_at = g_strdup (change->completed_at);
  else if (change->status == DG_TASK_STATUS_DONE)
    completed_at = now_utc_string ();
  else
    completed_at = g_strdup ("");
  if (!check_progress_values (percent, completed_at, error))
    return FALSE;

  stmt = dg_database_prepare (data->self->db, set_task_progress_sql, error);
  if (stmt == NULL)
    return FALSE;
  dg_database_bind_text (stmt, 1, dg_task_status_to_string (change->status));
  sqlite3_bind_int (stmt, 2, percent);
  dg_database_bind_text (stmt, 3, completed_at);
  sqlite3_bind_int64 (stmt, 4, dg_task_get_id (task));
  if (!dg_database_execute (data->self->db, stmt, error))
    return FALSE;
  if (dg_database_changes (data->self->db) == 0)
    {
      set_gone_error (task, error);
      return FALSE;
    }

  progress = g_new0 (TaskProgress, 1);
  progress->task = task;
  progress->status = change->status;
  progress->percent_complete = percent;
  progress->completed_at = g_steal_pointer (&completed_at);
  g_ptr_array_add (data->applied, progress);
  return TRUE;
}

static gboolean
apply_occurrence_progress (ProgressData          *data,
                           DgTask                *task,
                           const DgTaskProgress  *change,
                           GError               **error)
{
  DgDatabase *db = data->self->db;
  g_autoptr(GHashTable) overrides = NULL;
  g_autofree char *completed_at = NULL;
  DgOccurrenceTime time;
  DgTaskStatus status = change->status;
  Override *override;
  sqlite3_stmt *stmt;
  int percent;

  if (!find_occurrence_time (task, change->recurrence_id, &time, error))
    return FALSE;

  /* An occurrence comes back from a calendar as CANCELLED when it was
   * skipped (RFC 5545 has no other word for it). */
  if (status == DG_TASK_STATUS_CANCELLED)
    status = DG_TASK_STATUS_SKIPPED;

  overrides = load_overrides_between (data->self, dg_task_get_id (task),
                                      time.due_utc, time.due_utc + 1, error);
  if (overrides == NULL)
    return FALSE;
  override = g_hash_table_lookup (overrides, change->recurrence_id);

  if (change->percent_complete >= 0)
    percent = change->percent_complete;
  else if (status == DG_TASK_STATUS_DONE)
    percent = 100;
  else
    percent = override ? reopened_percent (override->status, override->percent_complete) : 0;
  if (change->completed_at != NULL)
    completed_at = g_strdup (change->completed_at);
  else if (status == DG_TASK_STATUS_DONE)
    completed_at = now_utc_string ();
  else
    completed_at = g_strdup ("");
  if (!check_progress_values (percent, completed_at, error))
    return FALSE;

  /* Open with nothing done is what every occurrence is without a status
   * of its own: nothing to store. */
  if (status == DG_TASK_STATUS_OPEN && percent == 0)
    {
      stmt = dg_database_prepare (db, delete_override_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, dg_task_get_id (task));
      dg_database_bind_text (stmt, 2, change->recurrence_id);
      return dg_database_execute (db, stmt, error);
    }

  stmt = dg_database_prepare (db, upsert_override_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dg_task_get_id (task));
  dg_database_bind_text (stmt, 2, change->recurrence_id);
  dg_database_bind_text (stmt, 3, dg_task_status_to_string (status));
  sqlite3_bind_int (stmt, 4, percent);
  dg_database_bind_text (stmt, 5, completed_at);
  return dg_database_execute (db, stmt, error);
}

static gboolean
apply_progress (DgDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  ProgressData *data = user_data;

  for (guint i = 0; i < data->n_changes; i++)
    {
      const DgTaskProgress *change = &data->changes[i];
      DgTask *task = dg_task_store_find (data->self, change->task_id);
      gboolean ok;

      if (task == NULL)
        {
          g_set_error_literal (error, DG_TASK_ERROR, DG_TASK_ERROR_NOT_FOUND,
                               _("The task no longer exists. Reload the list and try again."));
          return FALSE;
        }
      if (change->status > DG_TASK_STATUS_SKIPPED)
        {
          g_set_error_literal (error, DG_TASK_ERROR, DG_TASK_ERROR_INVALID_STATUS,
                               _("This is not a status a task can have."));
          return FALSE;
        }

      if (change->recurrence_id == NULL || *change->recurrence_id == '\0')
        ok = apply_task_progress (data, task, change, error);
      else if (!dg_task_is_recurring (task))
        {
          set_no_such_occurrence_error (task, change->recurrence_id, error);
          ok = FALSE;
        }
      else
        ok = apply_occurrence_progress (data, task, change, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
dg_task_store_set_progress (DgTaskStore           *self,
                            const DgTaskProgress  *changes,
                            guint                  n_changes,
                            GError               **error)
{
  g_autoptr(GPtrArray) applied = g_ptr_array_new_with_free_func ((GDestroyNotify) task_progress_free);
  ProgressData data = { self, changes, n_changes, applied };

  g_return_val_if_fail (DG_IS_TASK_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL || n_changes == 0, FALSE);

  if (n_changes == 0)
    return TRUE;
  if (!dg_database_transaction (self->db, apply_progress, &data, error))
    return FALSE;

  for (guint i = 0; i < applied->len; i++)
    {
      TaskProgress *progress = g_ptr_array_index (applied, i);
      guint position;

      g_object_set (progress->task,
                    "status", progress->status,
                    "percent-complete", progress->percent_complete,
                    "completed-at", progress->completed_at,
                    NULL);
      if (find_position (self, dg_task_get_id (progress->task), &position))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  g_signal_emit (self, signals[OCCURRENCES_CHANGED], 0);
  return TRUE;
}

gboolean
dg_task_store_set_status (DgTaskStore   *self,
                          DgTask        *task,
                          const char    *recurrence_id,
                          DgTaskStatus   status,
                          GError       **error)
{
  DgTaskProgress change = { 0, recurrence_id, status, -1, NULL };

  g_return_val_if_fail (DG_IS_TASK_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_TASK (task), FALSE);

  change.task_id = dg_task_get_id (task);
  return dg_task_store_set_progress (self, &change, 1, error);
}

DgTaskOccurrence *
dg_task_store_get_occurrence (DgTaskStore  *self,
                              DgTask       *task,
                              const char   *recurrence_id,
                              GError      **error)
{
  g_autoptr(GHashTable) overrides = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  DgOccurrenceTime time;
  DgTask *stored;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), NULL);
  g_return_val_if_fail (DG_IS_TASK (task), NULL);

  stored = find_stored (self, task, NULL, error);
  if (stored == NULL)
    return NULL;
  if (dg_task_is_recurring (stored) && (recurrence_id == NULL || *recurrence_id == '\0'))
    {
      set_no_such_occurrence_error (stored, recurrence_id, error);
      return NULL;
    }
  if (!find_occurrence_time (stored, recurrence_id, &time, error))
    return NULL;
  if (dg_task_is_recurring (stored))
    {
      overrides = load_overrides_between (self, dg_task_get_id (stored),
                                          time.due_utc, time.due_utc + 1, error);
      if (overrides == NULL)
        return NULL;
    }
  zone = task_zone (stored);
  return make_occurrence (stored, zone, time.recurrence_id, time.due_utc, overrides);
}

GPtrArray *
dg_task_store_list_overrides (DgTaskStore  *self,
                              DgTask       *task,
                              GError      **error)
{
  g_autoptr(GHashTable) overrides = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  GHashTableIter iter;
  gpointer key;
  DgTask *stored;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), NULL);
  g_return_val_if_fail (DG_IS_TASK (task), NULL);

  stored = find_stored (self, task, NULL, error);
  if (stored == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func (g_object_unref);
  if (!dg_task_is_recurring (stored))
    return g_steal_pointer (&result);

  overrides = load_overrides (self, dg_task_get_id (stored), error);
  if (overrides == NULL)
    return NULL;

  zone = task_zone (stored);
  g_hash_table_iter_init (&iter, overrides);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      DgOccurrenceTime time;

      /* Every stored id is a date of the rule: update() drops the others. */
      if (!find_occurrence_time (stored, key, &time, error))
        return NULL;
      g_ptr_array_add (result, make_occurrence (stored, zone, time.recurrence_id, time.due_utc, overrides));
    }
  g_ptr_array_sort (result, compare_occurrences);
  return g_steal_pointer (&result);
}

/* ---- agenda ------------------------------------------------------------- */

static gboolean
add_occurrences (DgTaskStore  *self,
                 DgTask       *task,
                 gint64        from_utc,
                 gint64        to_utc,
                 GPtrArray    *result,
                 GError      **error)
{
  g_autoptr(GArray) times = NULL;
  g_autoptr(GHashTable) overrides = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  times = expand (task, from_utc, to_utc, 0, error);
  if (times == NULL)
    return FALSE;
  if (times->len == 0)
    return TRUE;

  if (dg_task_is_recurring (task))
    {
      overrides = load_overrides_between (self, dg_task_get_id (task), from_utc, to_utc, error);
      if (overrides == NULL)
        return FALSE;
    }
  zone = task_zone (task);
  for (guint i = 0; i < times->len; i++)
    {
      DgOccurrenceTime *time = &g_array_index (times, DgOccurrenceTime, i);

      g_ptr_array_add (result, make_occurrence (task, zone, time->recurrence_id, time->due_utc, overrides));
    }
  return TRUE;
}

GPtrArray *
dg_task_store_list_occurrences (DgTaskStore  *self,
                                GDateTime    *from,
                                GDateTime    *to,
                                gint64        assistant_id,
                                GError      **error)
{
  g_autoptr(GPtrArray) result = NULL;
  gint64 from_utc, to_utc;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  from_utc = g_date_time_to_unix (from);
  to_utc = g_date_time_to_unix (to);
  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    {
      DgTask *task = g_ptr_array_index (self->items, i);

      if (assistant_id != 0 && dg_task_get_assistant_id (task) != assistant_id)
        continue;
      if (!add_occurrences (self, task, from_utc, to_utc, result, error))
        return NULL;
    }
  g_ptr_array_sort (result, compare_occurrences);
  return g_steal_pointer (&result);
}

/* The calendar day an occurrence shows under for the owner in @zone: an
 * all-day one on its own date, a timed one on the owner's date of its
 * instant. */
static guint32
owner_day (DgTaskOccurrence *occurrence,
           GTimeZone        *zone)
{
  g_autoptr(GDateTime) local = NULL;

  if (dg_task_is_all_day (dg_task_occurrence_get_task (occurrence)))
    return _dg_date_time_get_day_number (dg_task_occurrence_get_due (occurrence));
  local = g_date_time_to_timezone (dg_task_occurrence_get_due (occurrence), zone);
  return _dg_date_time_get_day_number (local);
}

/* The first pending occurrence of @stored, a task of the list, due at or
 * after @from_utc. */
static DgTaskOccurrence *
next_pending (DgTaskStore *self,
              DgTask      *stored,
              gint64       from_utc)
{
  g_autoptr(GHashTable) overrides = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) error = NULL;

  if (dg_task_get_status (stored) == DG_TASK_STATUS_CANCELLED)
    return NULL;

  if (dg_task_is_recurring (stored))
    {
      overrides = load_overrides_between (self, dg_task_get_id (stored),
                                          from_utc, G_MAXINT64, &error);
      if (overrides == NULL)
        {
          g_warning ("The statuses of “%s” could not be read: %s", dg_task_get_title (stored), error->message);
          return NULL;
        }
    }
  zone = task_zone (stored);

  for (guint batch = 0, batch_size = NEXT_FIRST_BATCH;
       batch < NEXT_MAX_BATCHES;
       batch++, batch_size = MIN (batch_size * 8, NEXT_MAX_BATCH))
    {
      g_autoptr(GArray) times = expand (stored, from_utc, from_utc + FAR_FUTURE_SECONDS, batch_size, &error);

      if (times == NULL)
        {
          g_warning ("The occurrences of “%s” could not be computed: %s", dg_task_get_title (stored), error->message);
          return NULL;
        }
      if (times->len == 0)
        return NULL;

      for (guint i = 0; i < times->len; i++)
        {
          DgOccurrenceTime *time = &g_array_index (times, DgOccurrenceTime, i);
          g_autoptr(DgTaskOccurrence) occurrence =
            make_occurrence (stored, zone, time->recurrence_id, time->due_utc, overrides);

          if (dg_task_status_is_pending (dg_task_occurrence_get_status (occurrence)))
            return g_steal_pointer (&occurrence);
        }
      from_utc = g_array_index (times, DgOccurrenceTime, times->len - 1).due_utc + 1;
    }
  return NULL;
}

/* The days and instants list_upcoming() sorts by. */
typedef struct
{
  GDateTime  *now;
  GTimeZone  *zone;           /* the owner's, @now's */
  guint32     today;
  guint32     week_end_day;   /* the first day after the week */
  gint64      from_utc;
  gint64      to_utc;
  gint64      expand_to_utc;  /* a week past the window */
} Upcoming;

/* Adds what the Tasks page shows of @task: its occurrences of the window
 * that are due this week or overdue, and its first pending one after the
 * week. One expansion serves both for a task that repeats at least weekly,
 * as expanding is the costly part; a slower one looks further on. */
static gboolean
add_upcoming (DgTaskStore     *self,
              DgTask          *task,
              const Upcoming  *upcoming,
              GPtrArray       *result,
              GError         **error)
{
  g_autoptr(GArray) times = NULL;
  g_autoptr(GHashTable) overrides = NULL;
  g_autoptr(GTimeZone) zone = task_zone (task);
  gboolean want_later = dg_task_get_status (task) != DG_TASK_STATUS_CANCELLED;

  times = expand (task, upcoming->from_utc, upcoming->expand_to_utc, 0, error);
  if (times == NULL)
    return FALSE;
  if (dg_task_is_recurring (task) && times->len > 0)
    {
      overrides = load_overrides_between (self, dg_task_get_id (task),
                                          upcoming->from_utc, upcoming->expand_to_utc, error);
      if (overrides == NULL)
        return FALSE;
    }

  for (guint i = 0; i < times->len; i++)
    {
      DgOccurrenceTime *time = &g_array_index (times, DgOccurrenceTime, i);
      g_autoptr(DgTaskOccurrence) occurrence =
        make_occurrence (task, zone, time->recurrence_id, time->due_utc, overrides);
      DgTaskStatus status = dg_task_occurrence_get_status (occurrence);
      guint32 due_day = owner_day (occurrence, upcoming->zone);

      if (due_day >= upcoming->week_end_day)
        {
          /* The first pending one after the week; the rest are not shown. */
          if (want_later && dg_task_status_is_pending (status))
            {
              g_ptr_array_add (result, g_steal_pointer (&occurrence));
              want_later = FALSE;
            }
          if (!want_later && time->due_utc >= upcoming->to_utc)
            break;
          continue;
        }

      /* A cancelled task is off the page; a skipped occurrence stays, as
       * a decision the owner made about that day. */
      if (status == DG_TASK_STATUS_CANCELLED)
        continue;
      if (due_day >= upcoming->today ||
          (due_day + UPCOMING_OVERDUE_DAYS >= upcoming->today &&
           dg_task_occurrence_is_overdue (occurrence, upcoming->now)))
        g_ptr_array_add (result, g_steal_pointer (&occurrence));
    }

  if (want_later)
    {
      /* Days after the week, whatever the zones. */
      DgTaskOccurrence *next = next_pending (self, task, upcoming->expand_to_utc);

      if (next != NULL)
        g_ptr_array_add (result, next);
    }
  return TRUE;
}

GPtrArray *
dg_task_store_list_upcoming (DgTaskStore   *self,
                             GDateTime     *now,
                             GDateWeekday   week_start,
                             gint64         assistant_id,
                             GError       **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GDateTime) today_start = NULL;
  g_autoptr(GDateTime) week_end = NULL;
  g_autoptr(GDateTime) window_from = NULL;
  g_autoptr(GDateTime) window_to = NULL;
  Upcoming upcoming;
  guint days_into_week;
  int year, month, day;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (week_start >= G_DATE_MONDAY && week_start <= G_DATE_SUNDAY, NULL);

  upcoming.now = now;
  upcoming.zone = g_date_time_get_timezone (now);
  g_date_time_get_ymd (now, &year, &month, &day);
  today_start = g_date_time_new (upcoming.zone, year, month, day, 0, 0, 0);
  days_into_week = (g_date_time_get_day_of_week (now) - week_start + 7) % 7;
  week_end = g_date_time_add_days (today_start, 7 - days_into_week);
  upcoming.today = _dg_date_time_get_day_number (now);
  upcoming.week_end_day = _dg_date_time_get_day_number (week_end);

  /* A day more on each side: an all-day occurrence is due at midnight in
   * its own zone, which can be the day before or after in the owner's. */
  window_from = g_date_time_add_days (today_start, -(UPCOMING_OVERDUE_DAYS + 1));
  window_to = g_date_time_add_days (week_end, 1);
  upcoming.from_utc = g_date_time_to_unix (window_from);
  upcoming.to_utc = g_date_time_to_unix (window_to);
  upcoming.expand_to_utc = upcoming.to_utc + 7 * 24 * 3600;

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    {
      DgTask *task = g_ptr_array_index (self->items, i);

      if (assistant_id != 0 && dg_task_get_assistant_id (task) != assistant_id)
        continue;
      if (!add_upcoming (self, task, &upcoming, result, error))
        return NULL;
    }

  g_ptr_array_sort (result, compare_occurrences);
  return g_steal_pointer (&result);
}

DgTaskOccurrence *
dg_task_store_next_occurrence (DgTaskStore *self,
                               DgTask      *task,
                               GDateTime   *after)
{
  DgTask *stored;

  g_return_val_if_fail (DG_IS_TASK_STORE (self), NULL);
  g_return_val_if_fail (DG_IS_TASK (task), NULL);
  g_return_val_if_fail (after != NULL, NULL);

  stored = dg_task_store_find (self, dg_task_get_id (task));
  if (stored == NULL)
    return NULL;
  return next_pending (self, stored, g_date_time_to_unix (after));
}

/* ---- GListModel --------------------------------------------------------- */

static GType
dg_task_store_get_item_type (GListModel *model)
{
  return DG_TYPE_TASK;
}

static guint
dg_task_store_get_n_items (GListModel *model)
{
  return DG_TASK_STORE (model)->items->len;
}

static gpointer
dg_task_store_get_item (GListModel *model,
                        guint       position)
{
  DgTaskStore *self = DG_TASK_STORE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
dg_task_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dg_task_store_get_item_type;
  iface->get_n_items = dg_task_store_get_n_items;
  iface->get_item = dg_task_store_get_item;
}

static void
dg_task_store_dispose (GObject *object)
{
  DgTaskStore *self = DG_TASK_STORE (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_task_store_parent_class)->dispose (object);
}

static void
dg_task_store_class_init (DgTaskStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dg_task_store_dispose;

  /**
   * DgTaskStore::occurrences-changed:
   *
   * The occurrences of some task changed: a status, the dates, or a task
   * added, removed or reloaded. Agenda views list them again.
   */
  signals[OCCURRENCES_CHANGED] =
    g_signal_new ("occurrences-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dg_task_store_init (DgTaskStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
