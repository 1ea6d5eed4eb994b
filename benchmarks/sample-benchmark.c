/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sample-benchmark"

/* Measures writing the sample business (dg_sample_create) at a few scales,
 * each into a new database with the settings the window and the command line
 * use (WAL, synchronous writes): the median of the runs (wall clock), the
 * processor time of the last run (which a busy machine does not inflate),
 * what was written (assistants, handbooks, tasks, time entries, invoices)
 * and the size of the file.
 *
 *   sample-benchmark [--scales 1,10] [--runs N] [--seed N]
 *
 * A developer tool that is never installed: its output is not translated.
 * The targets are ours: scale 1 under one second, since a newcomer waits for
 * it on the welcome page, and scale 10 in seconds (under 20 s), so that a
 * load test's database is quick to make; larger scales are only reported.
 * Exit status 0 when it ran; a missed target is reported, not failed. */

#include <stdio.h>
#include <time.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "dg-bench-utils.h"
#include "dg-sample.h"

#define SMALL_TARGET_MS 1000.0
#define LARGE_TARGET_MS 20000.0

typedef struct
{
  guint   scale;
  guint32 seed;
  GDate   today;
  gint64  counts[5];
  gint64  file_size;
  double  cpu_ms;      /* of the last run */
  gboolean failed;
} Run;

static const char * const count_labels[] = {
  "assistants", "handbooks", "tasks", "time entries", "invoices",
};

static gint64
query_count (DgDatabase *db,
             const char *sql)
{
  sqlite3_stmt *stmt = dg_database_prepare (db, sql, NULL);
  gint64 value = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return value;
}

static void
count_rows (DgDatabase *db,
            Run        *run)
{
  static const char assistants_sql[] = "SELECT count(*) FROM assistants";
  static const char handbooks_sql[] = "SELECT count(*) FROM handbooks";
  static const char tasks_sql[] = "SELECT count(*) FROM tasks";
  static const char entries_sql[] = "SELECT count(*) FROM time_entries";
  static const char invoices_sql[] = "SELECT count(*) FROM invoices";

  run->counts[0] = query_count (db, assistants_sql);
  run->counts[1] = query_count (db, handbooks_sql);
  run->counts[2] = query_count (db, tasks_sql);
  run->counts[3] = query_count (db, entries_sql);
  run->counts[4] = query_count (db, invoices_sql);
}

static double
time_create (gpointer data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("delegate-sample-XXXXXX", &error);
  g_autofree char *path = NULL;
  DgDatabase *db;
  DgSampleOptions options;
  GStatBuf buf;
  gint64 start;
  clock_t cpu_start;
  double ms;

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      run->failed = TRUE;
      return 0;
    }
  path = g_build_filename (dir, "sample.db", NULL);

  dg_sample_options_init (&options);
  options.scale = run->scale;
  options.seed = run->seed;
  options.today = &run->today;
  options.language = "en";

  /* Opening (and the schema's migrations) is not the sample's work. */
  db = dg_database_open (path, &error);
  start = g_get_monotonic_time ();
  cpu_start = clock ();
  if (db == NULL || !dg_sample_create (db, &options, &error))
    {
      g_printerr ("Scale %u: %s\n", run->scale, error->message);
      run->failed = TRUE;
    }
  ms = dg_bench_elapsed_ms (start);
  run->cpu_ms = (double) (clock () - cpu_start) * 1000.0 / CLOCKS_PER_SEC;

  if (db != NULL)
    {
      count_rows (db, run);
      g_object_unref (db);
    }
  if (g_stat (path, &buf) == 0)
    run->file_size = buf.st_size;
  dg_bench_remove_scratch (dir);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scales_text = g_strdup ("1,10");
  int runs = 1;
  int seed = 20260701;
  GOptionEntry entries[] = {
    { "scales", 0, 0, G_OPTION_ARG_STRING, &scales_text, "Scales to measure, comma-separated (1,10)", "LIST" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per scale; the median is shown (1)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the sample", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) scales = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Give at least one run.");
      return 2;
    }

  scales = g_strsplit (scales_text, ",", -1);
  printf ("SQLite %s, median of %d run(s), seed %d\n", sqlite3_libversion (), runs, seed);

  for (guint i = 0; scales[i] != NULL; i++)
    {
      Run run = { 0 };
      guint64 scale;
      double ms;
      double target;

      if (!g_ascii_string_to_unsigned (scales[i], 10, 1, DG_SAMPLE_SCALE_MAX, &scale, NULL))
        {
          g_printerr ("“%s” is not a scale from 1 to %d.\n", scales[i], DG_SAMPLE_SCALE_MAX);
          return 2;
        }
      run.scale = (guint) scale;
      run.seed = (guint32) seed;
      g_date_clear (&run.today, 1);
      g_date_set_time_t (&run.today, time (NULL));

      ms = dg_bench_median_of_runs (time_create, &run, runs);
      if (run.failed)
        {
          status = 1;
          continue;
        }

      target = run.scale == 1 ? SMALL_TARGET_MS : run.scale <= 10 ? LARGE_TARGET_MS : 0;
      if (target > 0)
        printf ("Scale %-4u %9.0f ms, processor %9.0f ms  (target %.0f s: %s)\n", run.scale, ms,
                run.cpu_ms, target / 1000.0, ms <= target ? "met" : "MISSED");
      else
        printf ("Scale %-4u %9.0f ms, processor %9.0f ms\n", run.scale, ms, run.cpu_ms);
      printf ("          ");
      for (guint c = 0; c < G_N_ELEMENTS (count_labels); c++)
        printf ("%s%" G_GINT64_FORMAT " %s", c > 0 ? ", " : "", run.counts[c], count_labels[c]);
      printf ("; %.1f MB\n", run.file_size / 1e6);
    }

  return status;
}
