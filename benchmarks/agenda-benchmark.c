/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "agenda-benchmark"

/* Measures the assignments on a busy business: 20 assistants in five time
 * zones (two with daylight saving on opposite hemispheres, one without, one
 * with a half-hour shift) and 2,000 tasks made with a fixed seed: 30 %
 * one-off, the rest daily, weekly on one to three days or monthly, started
 * up to two years ago, with every fifth past occurrence of a series marked
 * done. Timed, each as the median of 20 runs:
 *
 *   - the Tasks page's list (dg_task_store_list_upcoming),
 *   - the 14-day agenda (dg_task_store_list_occurrences),
 *   - loading the store as the window does at start-up,
 *   - exporting every task as one calendar, and reading it back as a
 *     status import (prepare: parse and compare, no writes).
 *
 *   agenda-benchmark [--tasks N] [--seed N]
 *
 * A developer tool that is never installed: its output is not translated.
 * The targets are ours (the window must not stall): the list and the agenda
 * under 50 ms each. Exit status 0 when it ran; a missed target is reported,
 * not failed. */

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "dg-assistant-store.h"
#include "dg-bench-utils.h"
#include "dg-business-profile.h"
#include "dg-calendar-export.h"
#include "dg-calendar-import.h"
#include "dg-handbook-store.h"
#include "dg-task-store.h"

#define RUNS           20
#define LIST_TARGET_MS 50.0

static const char * const zones[] = {
  "Europe/Berlin", "America/New_York", "Asia/Manila", "Australia/Lord_Howe",
  "America/Argentina/Buenos_Aires",
};

static const char * const rules[] = {
  "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=TU,TH",
  "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
  "FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=2TU",
};

static const char * const titles[] = {
  "Answer customer e-mails", "Reconcile the bank statement", "Schedule social posts",
  "Book travel", "Update the CRM", "Publish the blog article", "Check supplier invoices",
  "Back up the shared drive", "Prepare the newsletter", "Call back leads",
};

typedef struct
{
  DgDatabase        *db;
  DgTaskStore       *tasks;
  DgAssistantStore  *assistants;
  DgHandbookStore   *handbooks;
  DgBusinessProfile *profile;
  GDateTime         *now;
  guint              n_items;
  gsize              export_size;
} Bench;

static double
time_upcoming (gpointer data)
{
  Bench *bench = data;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) items = dg_task_store_list_upcoming (bench->tasks, bench->now,
                                                            G_DATE_MONDAY, 0, NULL);

  g_assert (items != NULL);
  bench->n_items = items->len;
  return dg_bench_elapsed_ms (start);
}

static double
time_agenda (gpointer data)
{
  Bench *bench = data;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GDateTime) day = g_date_time_new (g_date_time_get_timezone (bench->now),
                                              g_date_time_get_year (bench->now),
                                              g_date_time_get_month (bench->now),
                                              g_date_time_get_day_of_month (bench->now),
                                              0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_days (day, 14);
  g_autoptr(GPtrArray) items = dg_task_store_list_occurrences (bench->tasks, day, end, 0, NULL);

  g_assert (items != NULL);
  bench->n_items = items->len;
  return dg_bench_elapsed_ms (start);
}

static double
time_load (gpointer data)
{
  Bench *bench = data;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(DgTaskStore) store = dg_task_store_new (bench->db, NULL);

  g_assert (store != NULL);
  bench->n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  return dg_bench_elapsed_ms (start);
}

static gint64
add_assistants (DgAssistantStore *assistants,
                GError          **error)
{
  gint64 first = 0;

  for (int i = 0; i < 20; i++)
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
    }
  return first;
}

static gboolean
add_tasks (Bench  *bench,
           gint64  first_assistant,
           int     n_tasks,
           GRand  *rand,
           GError **error)
{
  g_autoptr(GDateTime) start = g_date_time_add_days (bench->now, -730);

  for (int i = 0; i < n_tasks; i++)
    {
      g_autoptr(DgTask) task = dg_task_new (titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
      g_autoptr(GDateTime) due = g_date_time_add_days (start, g_rand_int_range (rand, 0, 820));
      g_autofree char *date = g_date_time_format (due, "%Y-%m-%d");
      g_autofree char *time = g_strdup_printf ("%02d:%02d", g_rand_int_range (rand, 7, 19),
                                               g_rand_boolean (rand) ? 0 : 30);
      gboolean recurring = g_rand_int_range (rand, 0, 10) >= 3;

      int assistant = g_rand_int_range (rand, 0, 20);

      g_object_set (task,
                    "assistant-id", first_assistant + assistant,
                    "time-zone", zones[assistant % G_N_ELEMENTS (zones)],
                    "due-date", date, "due-time", time,
                    "rrule", recurring ? rules[g_rand_int_range (rand, 0, G_N_ELEMENTS (rules))] : "",
                    "estimate-minutes", g_rand_int_range (rand, 15, 180), NULL);
      /* A series starts on one of its own dates: move the first due date
       * on until the rule includes it (a month at most). */
      for (int day = 0; day < 62 && !dg_task_validate (task, NULL); day++)
        {
          g_autoptr(GDateTime) next = g_date_time_add_days (due, day + 1);
          g_autofree char *next_date = g_date_time_format (next, "%Y-%m-%d");

          g_object_set (task, "due-date", next_date, NULL);
        }
      if (!dg_task_store_add (bench->tasks, task, error))
        return FALSE;
      if (recurring)
        {
          g_autoptr(GPtrArray) past = dg_task_store_list_occurrences (bench->tasks, due, bench->now,
                                                                      dg_task_get_assistant_id (task),
                                                                      error);
          g_autoptr(GArray) done = g_array_new (FALSE, TRUE, sizeof (DgTaskProgress));

          if (past == NULL)
            return FALSE;
          for (guint j = 0; j < past->len; j += 5)
            {
              DgTaskOccurrence *occurrence = g_ptr_array_index (past, j);
              DgTaskProgress progress = {
                .task_id = dg_task_get_id (task),
                .recurrence_id = dg_task_occurrence_get_recurrence_id (occurrence),
                .status = DG_TASK_STATUS_DONE,
                .percent_complete = -1,
              };

              if (dg_task_occurrence_get_task (occurrence) == task)
                g_array_append_val (done, progress);
            }
          if (done->len > 0 &&
              !dg_task_store_set_progress (bench->tasks, (DgTaskProgress *) done->data, done->len, error))
            return FALSE;
        }
    }
  return TRUE;
}

static double
time_export_and_prepare (Bench  *bench,
                         double *prepare_ms,
                         guint  *n_changes,
                         GError **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *text = dg_calendar_export (bench->tasks, bench->handbooks, bench->assistants,
                                              bench->profile, 0, error);
  double export_ms = dg_bench_elapsed_ms (start);
  g_autoptr(DgCalendarImport) import = NULL;

  if (text == NULL)
    return -1;
  bench->export_size = strlen (text);
  start = g_get_monotonic_time ();
  import = dg_calendar_import_prepare (bench->tasks, text, -1, error);
  *prepare_ms = dg_bench_elapsed_ms (start);
  if (import == NULL)
    return -1;
  *n_changes = dg_calendar_import_get_changes (import)->len;
  return export_ms;
}

int
main (int   argc,
      char *argv[])
{
  int n_tasks = 2000;
  int seed = 20261128;
  GOptionEntry entries[] = {
    { "tasks", 0, 0, G_OPTION_ARG_INT, &n_tasks, "Tasks to create (2000)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the generated tasks", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *dir = NULL;
  Bench bench = { NULL };
  gint64 first_assistant;
  gint64 start;
  double upcoming_ms, agenda_ms, load_ms, export_ms, prepare_ms = 0;
  guint n_upcoming, n_agenda, n_changes = 0;
  int status = 1;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_tasks < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Give at least one task.");
      return 2;
    }

  bench.db = dg_bench_open_scratch_database ("agenda", &dir, &error);
  if (bench.db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bench.now = g_date_time_new_now (local);
  bench.assistants = dg_assistant_store_new (bench.db, &error);
  if (bench.assistants != NULL)
    bench.handbooks = dg_handbook_store_new (bench.db, &error);
  if (bench.handbooks != NULL)
    bench.profile = dg_business_profile_load (bench.db, &error);
  if (bench.profile != NULL)
    bench.tasks = dg_task_store_new (bench.db, &error);
  if (bench.tasks == NULL)
    goto out;

  rand = g_rand_new_with_seed ((guint32) seed);
  start = g_get_monotonic_time ();
  first_assistant = add_assistants (bench.assistants, &error);
  if (first_assistant == 0 || !add_tasks (&bench, first_assistant, n_tasks, rand, &error))
    goto out;
  printf ("Created 20 assistants and %d tasks in %.1f s (libical, SQLite %s)\n",
          n_tasks, dg_bench_elapsed_ms (start) / 1000.0, sqlite3_libversion ());

  upcoming_ms = dg_bench_median_of_runs (time_upcoming, &bench, RUNS);
  n_upcoming = bench.n_items;
  agenda_ms = dg_bench_median_of_runs (time_agenda, &bench, RUNS);
  n_agenda = bench.n_items;
  load_ms = dg_bench_median_of_runs (time_load, &bench, RUNS);
  export_ms = time_export_and_prepare (&bench, &prepare_ms, &n_changes, &error);
  if (export_ms < 0)
    goto out;

  printf ("Median of %d runs:\n", RUNS);
  printf ("  Tasks page list: %.2f ms (%u occurrences)\n", upcoming_ms, n_upcoming);
  printf ("  14-day agenda:   %.2f ms (%u occurrences)\n", agenda_ms, n_agenda);
  printf ("  load the store:  %.2f ms (%d tasks)\n", load_ms, n_tasks);
  printf ("Once:\n");
  printf ("  export all as iCalendar: %.1f ms (%.1f KiB)\n", export_ms, bench.export_size / 1024.0);
  printf ("  read it back as a status import (preview): %.1f ms (%u changes: expected 0)\n",
          prepare_ms, n_changes);
  printf ("  list %s and agenda %s the target of %.0f ms\n",
          upcoming_ms < LIST_TARGET_MS ? "meets" : "MISSES",
          agenda_ms < LIST_TARGET_MS ? "meets" : "MISSES", LIST_TARGET_MS);
  status = 0;

out:
  if (error != NULL)
    g_printerr ("%s\n", error->message);
  g_clear_object (&bench.tasks);
  g_clear_object (&bench.profile);
  g_clear_object (&bench.handbooks);
  g_clear_object (&bench.assistants);
  g_clear_pointer (&bench.now, g_date_time_unref);
  g_clear_object (&bench.db);
  dg_bench_remove_scratch (dir);
  return status;
}
