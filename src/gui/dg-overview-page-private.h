/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-hours-chart.h"
#include "dg-overview-page.h"

G_BEGIN_DECLS

/* Runs the automatic approval as of @now, as the page does after its
 * first frame and every hour, with the toast when something was approved;
 * returns how many entries it approved (0 with @error set on failure). */
guint         dg_overview_page_run_auto_approval (DgOverviewPage  *self,
                                                  GDateTime       *now,
                                                  GError         **error);
/* Whether what the page shows is read and up to date. */
gboolean      dg_overview_page_get_loaded        (DgOverviewPage  *self);
DgHoursChart *dg_overview_page_get_chart         (DgOverviewPage  *self);
/* The toast of the last automatic approval while it is shown, or NULL. */
AdwToast     *dg_overview_page_get_toast         (DgOverviewPage  *self);

G_END_DECLS
