/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DG_DURATION_ERROR (dg_duration_error_quark ())

typedef enum
{
  DG_DURATION_ERROR_INVALID,   /* not a duration */
  DG_DURATION_ERROR_NEGATIVE,  /* below zero */
  DG_DURATION_ERROR_TOO_LONG,  /* more than @max_seconds */
} DgDurationError;

GQuark   dg_duration_error_quark        (void);

/* Parses a duration as people type it and time trackers export it, into
 * seconds: "1:30" and "01:30:00" (hours:minutes[:seconds]), "1.5" and "1,5"
 * (decimal hours, either decimal sign), "90m", "90 min", "2h", "1h 30m",
 * "1h30". Surrounding spaces are ignored. An empty text, a negative one,
 * minutes or seconds of 60 or more in the clock forms, and anything longer
 * than @max_seconds (0: no limit) are refused with a translated sentence
 * that quotes the text. */
gboolean dg_duration_parse              (const char *text,
                                         gint64      max_seconds,
                                         gint64     *out_seconds,
                                         GError    **error);
/* Whole minutes, half a minute and more rounding up (36 s → 1 min,
 * 29 s → 0 min). */
gint64   dg_duration_seconds_to_minutes (gint64      seconds);
/* "1:30", "0:05", "27:00" (hours:minutes, never days) */
char    *dg_duration_format_minutes     (gint64      minutes);
/* Hours with the locale's decimal sign and up to two decimals, for totals
 * beside an amount: "1.5 h", "12.25 h" (translatable unit). */
char    *dg_duration_format_hours       (gint64      minutes);

G_END_DECLS
