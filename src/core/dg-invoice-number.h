/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Invoice numbers from a pattern (checked by
 * dg_validate_invoice_number_pattern): {YYYY}, {YY} and {MM} are the issue
 * date's year and month; the one counter {N…} is the number within the
 * series, padded with zeros to the width of the placeholder (and written
 * in full when it is wider). */

/* The series a number belongs to: the pattern with the date filled in and
 * the counter left as it is. "{YYYY}-{NNNN}" on 2026-11-28 → "2026-{NNNN}":
 * the counter starts again at 1 each year; "R{NNNNN}" never starts again. */
char   *dg_invoice_number_series_prefix (const char  *pattern,
                                         const GDate *issue_date);
/* "{YYYY}-{NNNN}", 2026-11-28, 7 → "2026-0007" */
char   *dg_invoice_number_format        (const char  *pattern,
                                         const GDate *issue_date,
                                         guint64      counter);

G_END_DECLS
