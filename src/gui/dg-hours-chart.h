/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dg-timesheet-store.h"

G_BEGIN_DECLS

#define DG_TYPE_HOURS_CHART (dg_hours_chart_get_type ())
G_DECLARE_FINAL_TYPE (DgHoursChart, dg_hours_chart, DG, HOURS_CHART, GtkWidget)

/* A stacked bar chart of hours: one bar per week, one coloured part per
 * assistant, an hours axis, week labels and a legend. The assistants with
 * the most hours get a colour each; the rest share one part, "Others".
 * Its accessible description says the figures in words. */
GtkWidget  *dg_hours_chart_new             (void);
/* Shows @hours (DgAssistantHours *, each with @n_weeks values, oldest week
 * first; copied), the oldest week starting on @first_week. */
void        dg_hours_chart_set_data        (DgHoursChart *self,
                                            GPtrArray    *hours,
                                            const GDate  *first_week,
                                            guint         n_weeks);
guint       dg_hours_chart_get_n_weeks     (DgHoursChart *self);
/* The assistants as given to set_data, in that order. */
guint       dg_hours_chart_get_n_series    (DgHoursChart *self);
gint64      dg_hours_chart_get_series_id   (DgHoursChart *self,
                                            guint         series);
const char *dg_hours_chart_get_series_name (DgHoursChart *self,
                                            guint         series);
gint64      dg_hours_chart_get_minutes     (DgHoursChart *self,
                                            guint         series,
                                            guint         week);
/* What the chart's accessible description says (NULL before set_data). */
const char *dg_hours_chart_get_description (DgHoursChart *self);
/* Whether there is not a single minute to show. */
gboolean    dg_hours_chart_is_empty        (DgHoursChart *self);

G_END_DECLS
