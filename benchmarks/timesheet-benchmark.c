/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "timesheet-benchmark"

/* Measures timesheets on a busy business: 20 assistants in five time zones,
 * each with five tasks and three entries on every weekday for two years
 * (about 31,000 entries, made with a fixed seed), everything older than
 * eight weeks approved. Timed, each as the median of 20 runs:
 *
 *   - the weeks awaiting approval, and every week (dg_timesheet_store_list_weeks),
 *   - the Overview's summary: the first seven awaiting weeks built, the rest counted,
 *   - one week with its totals (get_week) and its entries,
 *   - the Overview's chart data: eight weeks of hours per assistant,
 *
 * and once each: adding the two years in one transaction, approving
 * everything up to a date, and importing a generated Toggl Track report of
 * 10,000 rows (preview, apply, and the preview of importing it again, which
 * must find every row imported before).
 *
 *   timesheet-benchmark [--weeks N] [--rows N] [--seed N]
 *
 * A developer tool that is never installed: its output is not translated.
 * The targets are ours (the window must not stall): each list under 50 ms,
 * the 10,000-row import's preview and apply under 2 s each. Exit status 0
 * when it ran; a missed target is reported, not failed. */

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "dg-assistant-store.h"
#include "dg-bench-utils.h"
#include "dg-task-store.h"
#include "dg-time-import.h"
#include "dg-timesheet-store.h"

#define RUNS            20
#define N_ASSISTANTS    20
#define TASKS_EACH      5
#define LIST_TARGET_MS  50.0
#define IMPORT_TARGET_MS 2000.0

static const char * const zones[] = {
  "Europe/Berlin", "America/New_York", "Asia/Manila", "Australia/Lord_Howe",
  "America/Argentina/Buenos_Aires",
};

typedef struct
{
  DgTimesheetStore *store;
  gint64            assistant_id;
  GDate             today;
  GDate             week;
  guint             n_items;
} Bench;

static double
time_awaiting (gpointer data)
{
  Bench *bench = data;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) weeks = dg_timesheet_store_list_weeks (bench->store, 0,
                                                              DG_TIMESHEET_FILTER_AWAITING, NULL);

  g_assert (weeks != NULL);
  bench->n_items = weeks->len;
  return dg_bench_elapsed_ms (start);
}

static double
time_awaiting_first (gpointer data)
{
  Bench *bench = data;
  gint64 start = g_get_monotonic_time ();
  guint n_weeks = 0;
  g_autoptr(GPtrArray) weeks = dg_timesheet_store_list_first_weeks (bench->store, 0,
                                                                    DG_TIMESHEET_FILTER_AWAITING,
                                                                    7, &n_weeks, NULL);

  g_assert (weeks != NULL);
  bench->n_items = weeks->len;
  return dg_bench_elapsed_ms (start);
}

static double
time_all_weeks (gpointer data)
{
  Bench *bench = data;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) weeks = dg_timesheet_store_list_weeks (bench->store, 0,
                                                              DG_TIMESHEET_FILTER_ALL, NULL);

  g_assert (weeks != NULL);
  bench->n_items = weeks->len;
  return dg_bench_elapsed_ms (start);
}

static double
time_week (gpointer data)
{
  Bench *bench = data;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(DgTimesheetWeek) week = dg_timesheet_store_get_week (bench->store, bench->assistant_id,
                                                                 &bench->week, NULL);
  g_autoptr(GPtrArray) entries = dg_timesheet_store_list_week_entries (bench->store,
                                                                       bench->assistant_id,
                                                                       &bench->week, NULL);

  g_assert (week != NULL && entries != NULL);
  bench->n_items = entries->len;
  return dg_bench_elapsed_ms (start);
}

static double
time_chart (gpointer data)
{
  Bench *bench = data;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) hours = dg_timesheet_store_hours_by_week (bench->store, &bench->today, 8, NULL);

  g_assert (hours != NULL);
  bench->n_items = hours->len;
  return dg_bench_elapsed_ms (start);
}

/* Assistants and their tasks; returns the first assistant's id. */
static gint64
add_assistants_and_tasks (DgDatabase *db,
                          GArray     *task_ids,
                          GError    **error)
{
  g_autoptr(DgAssistantStore) assistants = dg_assistant_store_new (db, error);
  g_autoptr(DgTaskStore) tasks = NULL;
  gint64 first = 0;

  if (assistants == NULL)
    return 0;
  tasks = dg_task_store_new (db, error);
  if (tasks == NULL)
    return 0;
  for (int i = 0; i < N_ASSISTANTS; i++)
    {
      g_autoptr(DgAssistant) assistant = dg_assistant_new ();
      g_autofree char *name = g_strdup_printf ("Assistant %02d", i + 1);
      g_autofree char *email = g_strdup_printf ("assistant%02d@example.com", i + 1);

      g_object_set (assistant, "name", name, "email", email,
                    "time-zone", zones[i % G_N_ELEMENTS (zones)],
                    "currency", "EUR", "hourly-rate", (gint64) 1500, NULL);
      if (!dg_assistant_store_add (assistants, assistant, error))
        return 0;
      if (first == 0)
        first = dg_assistant_get_id (assistant);
      for (int t = 0; t < TASKS_EACH; t++)
        {
          g_autofree char *title = g_strdup_printf ("Task %d of %s", t + 1, name);
          g_autoptr(DgTask) task = dg_task_new (title);
          gint64 id;

          g_object_set (task, "assistant-id", dg_assistant_get_id (assistant),
                        "due-date", "2024-01-01", NULL);
          if (!dg_task_store_add (tasks, task, error))
            return 0;
          id = dg_task_get_id (task);
          g_array_append_val (task_ids, id);
        }
    }
  return first;
}

/* Three entries on every weekday of @n_weeks weeks before @today, for every
 * assistant, added in one transaction. */
static guint
add_entries (Bench      *bench,
             gint64      first_assistant,
             GArray     *task_ids,
             int         n_weeks,
             GRand      *rand,
             double     *elapsed_ms,
             GError    **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_added = 0, n_duplicates = 0;
  gint64 start;

  for (int a = 0; a < N_ASSISTANTS; a++)
    {
      const char *zone_name = zones[a % G_N_ELEMENTS (zones)];
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);

      for (int day = 1; day <= n_weeks * 7; day++)
        {
          GDate date = bench->today;

          g_date_subtract_days (&date, day);
          if (g_date_get_weekday (&date) >= G_DATE_SATURDAY)
            continue;
          for (int e = 0; e < 3; e++)
            {
              g_autoptr(DgTimeEntry) entry = dg_time_entry_new ();
              g_autoptr(GDateTime) begin = g_date_time_new (zone, g_date_get_year (&date),
                                                            g_date_get_month (&date),
                                                            g_date_get_day (&date),
                                                            8 + 3 * e, 0, 0);

              dg_time_entry_set_assistant_id (entry, first_assistant + a);
              dg_time_entry_set_task_id (entry, g_array_index (task_ids, gint64,
                                                               a * TASKS_EACH + g_rand_int_range (rand, 0, TASKS_EACH)));
              dg_time_entry_set_time_zone (entry, zone_name);
              dg_time_entry_set_start (entry, begin);
              dg_time_entry_set_minutes (entry, g_rand_int_range (rand, 15, 180));
              dg_time_entry_set_note (entry, "Generated by the benchmark");
              g_ptr_array_add (entries, g_steal_pointer (&entry));
            }
        }
    }
  start = g_get_monotonic_time ();
  if (!dg_timesheet_store_add_entries (bench->store, entries, &n_added, &n_duplicates, error))
    return 0;
  *elapsed_ms = dg_bench_elapsed_ms (start);
  return n_added;
}

/* A Toggl Track detailed report of @n_rows rows for assistant 01, one row
 * per half day from @today backwards. */
static GString *
make_toggl_report (const GDate *today,
                   int          n_rows)
{
  GString *csv = g_string_new ("User,Email,Client,Project,Task,Description,Billable,"
                               "Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n");

  for (int i = 0; i < n_rows; i++)
    {
      GDate date = *today;
      char day[16];
      int hour = i % 2 == 0 ? 9 : 14;

      g_date_subtract_days (&date, 1 + i / 2);
      g_date_strftime (day, sizeof day, "%Y-%m-%d", &date);
      g_string_append_printf (csv, "Assistant 01,assistant01@example.com,Client,Project,,"
                              "\"Report %d, part %d\",Yes,%s,%02d:00:00,%s,%02d:%02d:00,"
                              "01:%02d:00,,25.00\n",
                              i, i % 7, day, hour, day, hour + 1, i % 60, i % 60);
    }
  return csv;
}

static gboolean
time_import (Bench       *bench,
             const GDate *today,
             int          n_rows,
             GError     **error)
{
  g_autoptr(GString) csv = make_toggl_report (today, n_rows);
  g_autoptr(DgTimeImport) import = dg_time_import_new (bench->store);
  g_autoptr(DgTimeImport) again = dg_time_import_new (bench->store);
  gint64 start = g_get_monotonic_time ();
  double prepare_ms, apply_ms, again_ms;
  guint n_added = 0;

  if (!dg_time_import_prepare (import, csv->str, csv->len, error))
    return FALSE;
  prepare_ms = dg_bench_elapsed_ms (start);
  start = g_get_monotonic_time ();
  if (!dg_time_import_apply (import, &n_added, error))
    return FALSE;
  apply_ms = dg_bench_elapsed_ms (start);
  start = g_get_monotonic_time ();
  if (!dg_time_import_prepare (again, csv->str, csv->len, error))
    return FALSE;
  again_ms = dg_bench_elapsed_ms (start);

  printf ("Import of a %d-row Toggl report (%.1f kB):\n", n_rows, csv->len / 1024.0);
  printf ("  preview                     %8.1f ms  (%u to add)%s\n", prepare_ms,
          dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_ADD),
          prepare_ms > IMPORT_TARGET_MS ? "  MISSED the target" : "");
  printf ("  apply                       %8.1f ms  (%u added)%s\n", apply_ms, n_added,
          apply_ms > IMPORT_TARGET_MS ? "  MISSED the target" : "");
  printf ("  preview of the same file    %8.1f ms  (%u imported before, %u to add)\n", again_ms,
          dg_time_import_count_rows (again, DG_TIME_IMPORT_ROW_DUPLICATE),
          dg_time_import_count_rows (again, DG_TIME_IMPORT_ROW_ADD));
  return TRUE;
}

static void
report (const char *what,
        double      ms,
        guint       n_items,
        const char *unit)
{
  printf ("  %-27s %8.2f ms  (%u %s)%s\n", what, ms, n_items, unit,
          ms > LIST_TARGET_MS ? "  MISSED the target" : "");
}

int
main (int   argc,
      char *argv[])
{
  int n_weeks = 104;
  int n_rows = 10000;
  int seed = 20261128;
  GOptionEntry options[] = {
    { "weeks", 0, 0, G_OPTION_ARG_INT, &n_weeks, "Weeks of hours to create (104)", "N" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &n_rows, "Rows of the imported report (10000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generated hours", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) task_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DgDatabase) db = NULL;
  g_autofree char *dir = NULL;
  Bench bench = { NULL };
  gint64 first_assistant;
  double add_ms = 0, ms;
  gint64 start;
  guint n_entries, n_approved = 0;
  GDate until;
  int status = 1;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_weeks < 9 || n_rows < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Give at least 9 weeks and 1 row.");
      return 2;
    }

  db = dg_bench_open_scratch_database ("timesheets", &dir, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bench.store = dg_timesheet_store_new (db);
  g_date_clear (&bench.today, 1);
  g_date_set_time_t (&bench.today, time (NULL));
  rand = g_rand_new_with_seed ((guint32) seed);

  first_assistant = add_assistants_and_tasks (db, task_ids, &error);
  if (first_assistant == 0)
    goto out;
  n_entries = add_entries (&bench, first_assistant, task_ids, n_weeks, rand, &add_ms, &error);
  if (n_entries == 0)
    goto out;
  printf ("Added %u entries of %d assistants over %d weeks in one transaction: %.1f s (SQLite %s)\n",
          n_entries, N_ASSISTANTS, n_weeks, add_ms / 1000.0, sqlite3_libversion ());

  until = bench.today;
  g_date_subtract_days (&until, 8 * 7);
  start = g_get_monotonic_time ();
  if (!dg_timesheet_store_approve_until (bench.store, &until, &n_approved, &error))
    goto out;
  printf ("Approved %u entries up to %d weeks ago: %.1f ms\n", n_approved, 8,
          dg_bench_elapsed_ms (start));

  bench.assistant_id = first_assistant + 2;
  bench.week = bench.today;
  g_date_subtract_days (&bench.week, 14);
  dg_timesheet_week_start_of (&bench.week, dg_timesheet_store_get_week_start (bench.store),
                              &bench.week);

  printf ("Median of %d runs (target %.0f ms each):\n", RUNS, LIST_TARGET_MS);
  ms = dg_bench_median_of_runs (time_awaiting, &bench, RUNS);
  report ("weeks awaiting approval", ms, bench.n_items, "weeks");
  ms = dg_bench_median_of_runs (time_awaiting_first, &bench, RUNS);
  report ("Overview: first 7 awaiting", ms, bench.n_items, "weeks built");
  ms = dg_bench_median_of_runs (time_all_weeks, &bench, RUNS);
  report ("every week", ms, bench.n_items, "weeks");
  ms = dg_bench_median_of_runs (time_week, &bench, RUNS);
  report ("one week with totals", ms, bench.n_items, "entries");
  ms = dg_bench_median_of_runs (time_chart, &bench, RUNS);
  report ("chart, 8 weeks", ms, bench.n_items, "assistants");

  if (!time_import (&bench, &bench.today, n_rows, &error))
    goto out;
  status = 0;

out:
  if (error != NULL)
    g_printerr ("timesheet-benchmark: %s\n", error->message);
  g_clear_object (&bench.store);
  g_clear_object (&db);
  dg_bench_remove_scratch (dir);
  return status;
}
