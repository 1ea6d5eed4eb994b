/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-invoice-store.h"
#include "dg-task-store.h"
#include "dg-timesheet-store.h"

G_BEGIN_DECLS

#define DG_TYPE_OVERVIEW_PAGE (dg_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (DgOverviewPage, dg_overview_page, DG, OVERVIEW_PAGE, AdwBin)

/* The page the window opens with: the weeks awaiting approval, the overdue
 * tasks, the unpaid invoices (once it has an invoice store, property
 * "invoice-store") and a chart of each assistant's hours in the last eight
 * weeks. Nothing is read before the page's first frame is on screen; it
 * reads again when the stores change.
 *
 * Once it has stores, the page also runs the automatic approval (see
 * dg_timesheet_store_apply_auto_approval) after its first frame and every
 * hour, and says in a toast when that approved something.
 *
 * Signal "week-activated" (gint64 assistant_id, const char *week_start):
 * the owner chose a week awaiting approval; @week_start is its first day,
 * "YYYY-MM-DD". The window shows that week on the Timesheets page.
 *
 * Activating an overdue task, or the "more" row of a list, shows the page
 * named "tasks", "timesheets" or "invoices" of the AdwViewStack the page is
 * in. Activating an unpaid invoice activates the action "win.show-invoice"
 * (parameter "x", the invoice's id), when the window has it. */
void dg_overview_page_set_stores (DgOverviewPage   *self,
                                  DgTimesheetStore *timesheets,
                                  DgTaskStore      *tasks);
/* The unpaid invoices come from @invoices (NULL: the page has no such
 * section); the same as setting "invoice-store". Reads nothing before the
 * first frame either. */
void dg_overview_page_set_invoice_store (DgOverviewPage *self,
                                         DgInvoiceStore *invoices);
/* Reads everything again: now while the page is shown, else when it is
 * shown next. */
void dg_overview_page_reload     (DgOverviewPage   *self);

G_END_DECLS
