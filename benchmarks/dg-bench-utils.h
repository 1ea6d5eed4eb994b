/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dg-database.h"

G_BEGIN_DECLS

/* What the benchmarks share: a scratch database and the statistics of a
 * series of timings. Developer tools only; nothing here is translated. */

/* A new database in a new temporary directory, with synchronous writes off
 * (filling it is not what is measured). Sets @dir to the directory. */
DgDatabase *dg_bench_open_scratch_database (const char  *name,
                                            char       **dir,
                                            GError     **error);
/* Removes the directory made by dg_bench_open_scratch_database(). */
void        dg_bench_remove_scratch        (const char  *dir);

/* Sorts @times (double milliseconds) in place for dg_bench_percentile(). */
void        dg_bench_sort                  (GArray      *times);
double      dg_bench_percentile            (GArray      *sorted,
                                            double       fraction);
double      dg_bench_elapsed_ms            (gint64       start);

/* One timed call: does the work on @data and returns its milliseconds. */
typedef double (*DgBenchTimedFunc) (gpointer data);

/* The median of @runs calls of @func. */
double      dg_bench_median_of_runs        (DgBenchTimedFunc func,
                                            gpointer         data,
                                            int              runs);

G_END_DECLS
