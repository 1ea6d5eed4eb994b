/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-bench"

#include <glib/gstdio.h>

#include "dg-bench-utils.h"

DgDatabase *
dg_bench_open_scratch_database (const char  *name,
                                char       **dir,
                                GError     **error)
{
  static const char *fast_writes_sql = "PRAGMA synchronous = OFF";
  g_autofree char *template = g_strdup_printf ("delegate-%s-XXXXXX", name);
  g_autofree char *path = NULL;
  DgDatabase *db;
  sqlite3_stmt *stmt;

  *dir = g_dir_make_tmp (template, error);
  if (*dir == NULL)
    return NULL;
  path = g_build_filename (*dir, "delegate.db", NULL);
  db = dg_database_open (path, error);
  if (db == NULL)
    {
      dg_bench_remove_scratch (*dir);
      g_clear_pointer (dir, g_free);
      return NULL;
    }
  stmt = dg_database_prepare (db, fast_writes_sql, NULL);
  if (stmt != NULL)
    dg_database_execute (db, stmt, NULL);
  return db;
}

void
dg_bench_remove_scratch (const char *dir)
{
  GDir *handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_remove (child);
    }
  g_clear_pointer (&handle, g_dir_close);
  g_rmdir (dir);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

void
dg_bench_sort (GArray *times)
{
  g_array_sort (times, compare_doubles);
}

double
dg_bench_percentile (GArray *sorted,
                     double  fraction)
{
  guint index = (guint) (fraction * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

double
dg_bench_elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

double
dg_bench_median_of_runs (DgBenchTimedFunc func,
                         gpointer         data,
                         int              runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < runs; i++)
    {
      double ms = func (data);

      g_array_append_val (times, ms);
    }
  dg_bench_sort (times);
  return dg_bench_percentile (times, 0.5);
}
