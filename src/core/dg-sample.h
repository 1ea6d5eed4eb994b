/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dg-database.h"

G_BEGIN_DECLS

/* The sample business: a made-up business with real content on every page,
 * for a newcomer to explore and for load and speed tests. It is written into
 * a database of its own, never into the owner's.
 *
 * At scale 1 it has three assistants in different time zones and currencies
 * (Manila/PHP, Berlin/EUR, Buenos Aires/USD), handbooks from the starter
 * library, one-off and recurring tasks, several weeks of hours (pending,
 * approved and invoiced), an issued invoice and a paid one. At scale N it has
 * N times the assistants, years of weekly hours, and thousands of tasks and
 * handbooks.
 *
 * The same seed, scale and today give the same data, row for row, but for
 * what the stores stamp themselves: the times rows were created, saved,
 * published or logged (the clock) and tasks' iCalendar UIDs (random). */

#define DG_SAMPLE_ERROR (dg_sample_error_quark ())

typedef enum
{
  DG_SAMPLE_ERROR_NOT_EMPTY,   /* the database already holds data */
  DG_SAMPLE_ERROR_INVALID,     /* scale out of range */
  DG_SAMPLE_ERROR_NO_TIME_ZONE, /* the system lacks a zone's data (tzdata) */
} DgSampleError;

/* Scale 100 already has 300 assistants, 10,000 handbooks and two years of
 * their hours; beyond it a run takes hours and the entries no longer fit in
 * memory comfortably. */
#define DG_SAMPLE_SCALE_MAX 100

typedef struct
{
  guint        scale;   /* 1 … DG_SAMPLE_SCALE_MAX */
  guint32      seed;
  const GDate *today;   /* the day the sample is "seen" from; NULL: today */
  const char  *language; /* of the handbooks, "en" or "de"; NULL: the one
                          * dg_handbook_templates_default_language() picks */
} DgSampleOptions;

GQuark  dg_sample_error_quark     (void);

/* The options of the small sample a newcomer explores: scale 1, a fixed seed,
 * today. */
void    dg_sample_options_init    (DgSampleOptions        *options);

/* Writes the sample business into @db, which must be empty (no assistants,
 * handbooks, tasks or invoices, and a business profile never saved): it
 * refuses with DG_SAMPLE_ERROR_NOT_EMPTY rather than mix made-up data into
 * real records. Either all of it is written or nothing. */
gboolean dg_sample_create         (DgDatabase             *db,
                                   const DgSampleOptions  *options,
                                   GError                **error);

/* TRUE if nothing at all was saved in @db yet (no records, and every column
 * of the business profile still at its default, number patterns and payment
 * terms included): the first start, when the window offers the welcome
 * page. */
gboolean dg_sample_database_is_empty (DgDatabase  *db,
                                      GError     **error);

/* $XDG_DATA_HOME/delegate/sample.db: where the window keeps the sample
 * business, beside (never inside) the owner's database. */
char    *dg_sample_get_default_path (void);

G_END_DECLS
