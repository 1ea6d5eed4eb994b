/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-overview-page"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dg-duration.h"
#include "dg-hours-chart.h"
#include "dg-money.h"
#include "dg-overview-page-private.h"

/* The lists are a glance, not the place to work through everything: past
 * this many rows a last row leads to the page that lists them all. */
#define MAX_ROWS 8
/* The chart's weeks, this one included. */
#define N_WEEKS 8
/* How often the automatic approval runs while the window is open. */
#define AUTO_APPROVAL_INTERVAL_SECONDS (60 * 60)
/* Shown again after this long, the page reads anew: the time of day
 * decides what is overdue. */
#define FRESH_FOR (60 * G_USEC_PER_SEC)

struct _DgOverviewPage
{
  AdwBin            parent_instance;

  DgTimesheetStore *timesheets;
  DgTaskStore      *tasks;
  DgInvoiceStore   *invoices;        /* NULL: no unpaid invoices section */
  GTimeZone        *owner_zone;

  /* Nothing is read until the page's first frame is on screen, so that
   * the window opens as fast as an empty one; a change while the page is
   * hidden only marks it stale. */
  gboolean          loaded;
  gboolean          stale;
  gint64            loaded_at;       /* monotonic */
  guint             load_source;
  GdkFrameClock    *frame_clock;     /* while waiting for its first paint */
  gulong            after_paint_id;
  /* The settings the last load saw: the Preferences change them without
   * a signal, so they are compared when the window is active again. */
  GDateWeekday      week_start;
  guint             auto_approve_days;
  GtkWindow        *window;          /* while mapped: its "is-active" */
  gboolean          auto_approval_started;
  guint             auto_approval_source;
  AdwToast         *toast;           /* weak: the last automatic approval's */

  GtkListBox       *awaiting_list;
  GtkWidget        *awaiting_empty;
  GtkListBox       *overdue_list;
  GtkWidget        *overdue_empty;
  GtkWidget        *invoices_box;
  GtkLabel         *invoices_summary;
  GtkListBox       *invoices_list;
  GtkWidget        *invoices_empty;
  GtkStack         *hours_stack;
  DgHoursChart     *hours_chart;
};

G_DEFINE_FINAL_TYPE (DgOverviewPage, dg_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_INVOICE_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  WEEK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Shown in the nearest toast overlay: the window's, or a test's. */
static void
add_toast (DgOverviewPage *self,
           AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* A list that cannot be read is said in a toast, not a dialog: it may
 * come back on every reload. @format has one %s, the reason. */
static void
show_load_error (DgOverviewPage *self,
                 const char     *format,
                 const GError   *error)
{
  g_autofree char *title = g_strdup_printf (format, error->message);

  add_toast (self, adw_toast_new (title));
}

/* The view stack page of that name (the window's "tasks" or "timesheets"),
 * or NULL when the page is not in such a stack. */
static GtkWidget *
find_stack_page (DgOverviewPage *self,
                 const char     *name)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  return stack != NULL ? adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), name) : NULL;
}

static void
show_stack_page (DgOverviewPage *self,
                 const char     *name)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  if (stack != NULL && find_stack_page (self, name) != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* @warning, when not NULL, is a state said in words before the detail
 * ("Overdue"), in the error colour but never by the colour alone. */
static GtkWidget *
create_row (const char *title,
            const char *subtitle,
            const char *warning,
            const char *detail,
            gboolean    activatable)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names and titles are the owner's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);
  if (warning != NULL)
    {
      GtkWidget *label = gtk_label_new (warning);

      gtk_widget_add_css_class (label, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (detail != NULL)
    {
      GtkWidget *label = gtk_label_new (detail);

      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (activatable)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* The last row of a list cut short: it leads to the page @page_name, when
 * that page is there to be shown. */
static void
add_more_row (DgOverviewPage *self,
              GtkListBox     *list,
              const char     *title,
              const char     *page_name)
{
  GtkWidget *row = create_row (title, NULL, NULL, NULL, find_stack_page (self, page_name) != NULL);

  g_object_set_data_full (G_OBJECT (row), "dg-page", g_strdup (page_name), g_free);
  gtk_list_box_append (list, row);
}

/* ---- awaiting approval ---------------------------------------------------- */

static char *
format_week_detail (DgTimesheetWeek *week)
{
  g_autofree char *hours = dg_duration_format_hours (dg_timesheet_week_get_minutes (week));
  DgMoney amount = dg_timesheet_week_get_amount (week);
  g_autofree char *money = dg_money_format (&amount);

  /* Translators: a week's hours and amount, "12.5 h · €450.00" */
  return g_strdup_printf (_("%s · %s"), hours, money);
}

static void
load_awaiting (DgOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) weeks = NULL;
  guint n_weeks = 0;
  guint n_rows;

  clear_list (self->awaiting_list);
  /* Only the weeks shown are built; the rest are counted. */
  weeks = dg_timesheet_store_list_first_weeks (self->timesheets, 0, DG_TIMESHEET_FILTER_AWAITING,
                                               MAX_ROWS, &n_weeks, &error);
  if (weeks == NULL)
    {
      /* Translators: %s is the reason, a sentence */
      show_load_error (self, _("The weeks awaiting approval could not be read: %s"), error);
      weeks = g_ptr_array_new ();
      n_weeks = 0;
    }

  n_rows = n_weeks > MAX_ROWS ? MAX_ROWS - 1 : n_weeks;
  for (guint i = 0; i < n_rows; i++)
    {
      DgTimesheetWeek *week = g_ptr_array_index (weeks, i);
      g_autofree char *range = dg_timesheet_week_format_range (week);
      g_autofree char *detail = format_week_detail (week);
      GtkWidget *row = create_row (dg_timesheet_week_get_assistant_name (week), range, NULL, detail, TRUE);

      g_object_set_data_full (G_OBJECT (row), "dg-week",
                              g_object_ref (week), g_object_unref);
      gtk_list_box_append (self->awaiting_list, row);
    }
  if (n_rows < n_weeks)
    {
      guint n_more = n_weeks - n_rows;
      /* Translators: the last row of the weeks awaiting approval on the
       * Overview, when there are too many to list there */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "And %u more week on the Timesheets page",
                                                             "And %u more weeks on the Timesheets page",
                                                             n_more),
                                                n_more);

      add_more_row (self, self->awaiting_list, title, "timesheets");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->awaiting_list), n_weeks > 0);
  gtk_widget_set_visible (self->awaiting_empty, n_weeks == 0);
}

static void
on_awaiting_row_activated (GtkListBox     *list,
                           GtkListBoxRow  *row,
                           DgOverviewPage *self)
{
  DgTimesheetWeek *week = g_object_get_data (G_OBJECT (row), "dg-week");
  const char *page_name = g_object_get_data (G_OBJECT (row), "dg-page");

  if (page_name != NULL)
    {
      show_stack_page (self, page_name);
      return;
    }
  g_assert (week != NULL);
  g_signal_emit (self, signals[WEEK_ACTIVATED], 0,
                 dg_timesheet_week_get_assistant_id (week),
                 dg_timesheet_week_get_start_date (week));
}

/* ---- overdue tasks -------------------------------------------------------- */

static void
load_overdue (DgOverviewPage *self,
              GDateTime      *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  guint n_rows;

  clear_list (self->overdue_list);
  upcoming = dg_task_store_list_upcoming (self->tasks, now, self->week_start, 0, &error);
  if (upcoming == NULL)
    {
      /* Translators: %s is the reason, a sentence */
      show_load_error (self, _("The overdue tasks could not be read: %s"), error);
      upcoming = g_ptr_array_new ();
    }
  for (guint i = 0; i < upcoming->len; i++)
    if (dg_task_occurrence_is_overdue (g_ptr_array_index (upcoming, i), now))
      g_ptr_array_add (overdue, g_ptr_array_index (upcoming, i));

  n_rows = overdue->len > MAX_ROWS ? MAX_ROWS - 1 : overdue->len;
  for (guint i = 0; i < n_rows; i++)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (overdue, i);
      DgTask *task = dg_task_occurrence_get_task (occurrence);
      g_autofree char *due = dg_task_occurrence_format_due (occurrence, self->owner_zone);
      /* Translators: an overdue task's assistant and due date:
       * "Ana Lima · Mon 30 Nov, 09:00" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), dg_task_get_assistant_name (task), due);
      GtkWidget *row = create_row (dg_task_get_title (task), subtitle, NULL, NULL, TRUE);

      g_object_set_data_full (G_OBJECT (row), "dg-task", g_object_ref (task), g_object_unref);
      gtk_list_box_append (self->overdue_list, row);
    }
  if (n_rows < overdue->len)
    {
      guint n_more = overdue->len - n_rows;
      /* Translators: the last row of the overdue tasks on the Overview */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "And %u more on the Tasks page",
                                                             "And %u more on the Tasks page",
                                                             n_more),
                                                n_more);

      add_more_row (self, self->overdue_list, title, "tasks");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->overdue_list), overdue->len > 0);
  gtk_widget_set_visible (self->overdue_empty, overdue->len == 0);
}

/* Opens the task on the Tasks page, where it can be done or changed. */
static void
on_overdue_row_activated (GtkListBox     *list,
                          GtkListBoxRow  *row,
                          DgOverviewPage *self)
{
  DgTask *task = g_object_get_data (G_OBJECT (row), "dg-task");
  const char *page_name = g_object_get_data (G_OBJECT (row), "dg-page");
  GtkWidget *tasks_page;

  if (page_name != NULL)
    {
      show_stack_page (self, page_name);
      return;
    }
  g_assert (task != NULL);
  tasks_page = find_stack_page (self, "tasks");
  if (tasks_page == NULL)
    return;
  show_stack_page (self, "tasks");
  gtk_widget_activate_action (tasks_page, "tasks.edit", "x", dg_task_get_id (task));
}

/* ---- unpaid invoices ------------------------------------------------------ */

/* "30 Nov 2026" for a stored "YYYY-MM-DD"; the text itself if it is not
 * such a date. */
static char *
format_due_date (const char *due_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year = 0, month = 0, day = 0;

  /* Not g_date_set_parse(): it reads dates in the user's locale. */
  if (sscanf (due_date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (due_date);
  /* Translators: an invoice's due date on the Overview, a
   * g_date_time_format() format; "30 Nov 2026" */
  return g_date_time_format (date, _("%-d %b %Y"));
}

static int
compare_money_currency (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (((const DgMoney *) a)->currency, ((const DgMoney *) b)->currency);
}

/* Adds @amount to the sum of its currency in @sums (DgMoney): amounts in
 * different currencies are never added. FALSE when the sum would not fit. */
static gboolean
add_to_sums (GArray        *sums,
             const DgMoney *amount)
{
  for (guint i = 0; i < sums->len; i++)
    {
      DgMoney *sum = &g_array_index (sums, DgMoney, i);

      if (strcmp (sum->currency, amount->currency) != 0)
        continue;
      if (amount->minor > 0 ? sum->minor > G_MAXINT64 - amount->minor
                            : sum->minor < G_MININT64 - amount->minor)
        return FALSE;
      sum->minor += amount->minor;
      return TRUE;
    }
  g_array_append_val (sums, *amount);
  return TRUE;
}

/* "5 unpaid invoices · 2 overdue: €450.00, ₱3,000.00", one amount per
 * currency, in the order of the currency codes. @overdue_sums is NULL when
 * the amounts could not be added up. */
static char *
format_invoices_summary (guint   n_unpaid,
                         guint   n_overdue,
                         GArray *overdue_sums)
{
  g_autofree char *unpaid_text = NULL;
  g_autofree char *overdue_text = NULL;

  /* Translators: the start of the summary of the unpaid invoices on the
   * Overview */
  unpaid_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u unpaid invoice",
                                              "%u unpaid invoices",
                                              n_unpaid),
                                 n_unpaid);
  if (n_overdue == 0)
    {
      /* Translators: the end of the summary of the unpaid invoices when
       * none is overdue: "3 unpaid invoices · none overdue" */
      overdue_text = g_strdup (_("none overdue"));
    }
  else if (overdue_sums == NULL)
    {
      /* Translators: the end of the summary of the unpaid invoices when
       * the overdue amounts are too large to add up */
      overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n_overdue),
                                      n_overdue);
    }
  else
    {
      g_autoptr(GString) amounts = g_string_new (NULL);

      g_array_sort (overdue_sums, compare_money_currency);
      for (guint i = 0; i < overdue_sums->len; i++)
        {
          g_autofree char *amount = dg_money_format (&g_array_index (overdue_sums, DgMoney, i));

          if (i > 0)
            /* Translators: between the overdue amounts of different
             * currencies: "€450.00, ₱3,000.00" */
            g_string_append (amounts, C_("list of amounts", ", "));
          g_string_append (amounts, amount);
        }
      /* Translators: the end of the summary of the unpaid invoices: how
       * many are overdue and their amounts, one per currency, "2 overdue:
       * €450.00, ₱3,000.00" */
      overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue: %s", "%u overdue: %s", n_overdue),
                                      n_overdue, amounts->str);
    }
  /* Translators: the summary of the unpaid invoices on the Overview, the
   * number of unpaid ones, then the overdue ones: "5 unpaid invoices · 2
   * overdue: €450.00, ₱3,000.00" */
  return g_strdup_printf (_("%s · %s"), unpaid_text, overdue_text);
}

static void
load_invoices (DgOverviewPage *self,
               GDateTime      *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unpaid = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GArray) overdue_sums = g_array_new (FALSE, FALSE, sizeof (DgMoney));
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gboolean sums_fit = TRUE;
  guint n_overdue = 0;
  guint n_rows;

  clear_list (self->invoices_list);
  unpaid = dg_invoice_store_list (self->invoices, DG_INVOICE_FILTER_UNPAID, 0, &error);
  if (unpaid == NULL)
    {
      /* Translators: %s is the reason, a sentence */
      show_load_error (self, _("The unpaid invoices could not be read: %s"), error);
      unpaid = g_ptr_array_new ();
    }

  /* The overdue ones first, then the rest, each by due date as the store
   * lists them. */
  for (guint i = 0; i < unpaid->len; i++)
    {
      DgInvoice *invoice = g_ptr_array_index (unpaid, i);

      if (dg_invoice_is_overdue (invoice, today))
        {
          DgMoney total = dg_invoice_get_total (invoice);

          g_ptr_array_insert (sorted, n_overdue++, invoice);
          sums_fit = sums_fit && add_to_sums (overdue_sums, &total);
        }
      else
        g_ptr_array_add (sorted, invoice);
    }

  n_rows = sorted->len > MAX_ROWS ? MAX_ROWS - 1 : sorted->len;
  for (guint i = 0; i < n_rows; i++)
    {
      DgInvoice *invoice = g_ptr_array_index (sorted, i);
      DgMoney total = dg_invoice_get_total (invoice);
      g_autofree char *amount = dg_money_format (&total);
      g_autofree char *due = format_due_date (dg_invoice_get_due_date (invoice));
      /* Translators: an unpaid invoice's assistant and due date on the
       * Overview: "Ana Lima · due 30 Nov 2026" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · due %s"),
                                                   dg_invoice_get_assistant_name (invoice), due);
      /* Translators: said of an unpaid invoice past its due date */
      const char *warning = i < n_overdue ? _("Overdue") : NULL;
      GtkWidget *row = create_row (dg_invoice_get_number (invoice), subtitle, warning, amount, TRUE);

      g_object_set_data_full (G_OBJECT (row), "dg-invoice", g_object_ref (invoice), g_object_unref);
      gtk_list_box_append (self->invoices_list, row);
    }
  if (n_rows < sorted->len)
    {
      guint n_more = sorted->len - n_rows;
      /* Translators: the last row of the unpaid invoices on the Overview */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "And %u more on the Invoices page",
                                                             "And %u more on the Invoices page",
                                                             n_more),
                                                n_more);

      add_more_row (self, self->invoices_list, title, "invoices");
    }

  if (sorted->len > 0)
    {
      g_autofree char *summary = format_invoices_summary (sorted->len, n_overdue,
                                                          sums_fit ? overdue_sums : NULL);

      gtk_label_set_label (self->invoices_summary, summary);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->invoices_summary), sorted->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->invoices_list), sorted->len > 0);
  gtk_widget_set_visible (self->invoices_empty, sorted->len == 0);
  gtk_widget_set_visible (self->invoices_box, TRUE);
}

/* The window shows the invoice on its Invoices page; a page elsewhere
 * (without the action) does nothing. */
static void
on_invoices_row_activated (GtkListBox     *list,
                           GtkListBoxRow  *row,
                           DgOverviewPage *self)
{
  DgInvoice *invoice = g_object_get_data (G_OBJECT (row), "dg-invoice");
  const char *page_name = g_object_get_data (G_OBJECT (row), "dg-page");

  if (page_name != NULL)
    {
      show_stack_page (self, page_name);
      return;
    }
  g_assert (invoice != NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-invoice", "x", dg_invoice_get_id (invoice));
}

/* ---- hours per assistant -------------------------------------------------- */

static void
load_hours (DgOverviewPage *self,
            GDateTime      *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hours = NULL;
  GDate today, first_week;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  dg_timesheet_week_start_of (&today, self->week_start, &first_week);
  g_date_subtract_days (&first_week, 7 * (N_WEEKS - 1));

  hours = dg_timesheet_store_hours_by_week (self->timesheets, &today, N_WEEKS, &error);
  if (hours == NULL)
    {
      /* Translators: %s is the reason, a sentence */
      show_load_error (self, _("The hours per assistant could not be read: %s"), error);
      hours = g_ptr_array_new ();
    }
  dg_hours_chart_set_data (self->hours_chart, hours, &first_week, N_WEEKS);
  gtk_stack_set_visible_child_name (self->hours_stack,
                                    dg_hours_chart_is_empty (self->hours_chart) ? "empty" : "chart");
}

/* ---- loading -------------------------------------------------------------- */

static void
load (DgOverviewPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->timesheets == NULL || self->tasks == NULL)
    return;

  self->loaded = TRUE;
  self->stale = FALSE;
  self->loaded_at = g_get_monotonic_time ();
  self->week_start = dg_timesheet_store_get_week_start (self->timesheets);
  self->auto_approve_days = dg_timesheet_store_get_auto_approve_days (self->timesheets);

  now = g_date_time_new_now (self->owner_zone);
  load_awaiting (self);
  load_overdue (self, now);
  if (self->invoices != NULL)
    load_invoices (self, now);
  load_hours (self, now);
}

static void run_auto_approval (DgOverviewPage *self);

static gboolean
on_load_idle (gpointer user_data)
{
  DgOverviewPage *self = user_data;

  self->load_source = 0;
  /* The first run of the automatic approval waits for the first frame
   * too; what it approves is then in the load that follows its signal. */
  if (!self->auto_approval_started && self->timesheets != NULL)
    {
      self->auto_approval_started = TRUE;
      run_auto_approval (self);
    }
  if (!self->loaded || self->stale)
    load (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_load (DgOverviewPage *self)
{
  if (self->load_source == 0)
    self->load_source = g_idle_add (on_load_idle, self);
}

static void
stop_waiting_for_frame (DgOverviewPage *self)
{
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  self->frame_clock = NULL;
}

static void
on_frame_clock_after_paint (GdkFrameClock  *frame_clock,
                            DgOverviewPage *self)
{
  stop_waiting_for_frame (self);
  schedule_load (self);
}

void
dg_overview_page_reload (DgOverviewPage *self)
{
  g_return_if_fail (DG_IS_OVERVIEW_PAGE (self));

  self->stale = TRUE;
  /* Before the first frame, the load is already waiting for it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->frame_clock == NULL)
    schedule_load (self);
}

static void
on_store_changed (DgOverviewPage *self)
{
  dg_overview_page_reload (self);
}

/* Back from the Preferences: a new first day of the week changes every
 * week shown, and a new number of days may approve something now. */
static void
on_window_is_active (GtkWindow      *window,
                     GParamSpec     *pspec,
                     DgOverviewPage *self)
{
  if (!gtk_window_is_active (window) || !self->loaded || self->timesheets == NULL)
    return;
  if (dg_timesheet_store_get_auto_approve_days (self->timesheets) != self->auto_approve_days)
    run_auto_approval (self);
  if (dg_timesheet_store_get_week_start (self->timesheets) != self->week_start ||
      dg_timesheet_store_get_auto_approve_days (self->timesheets) != self->auto_approve_days)
    dg_overview_page_reload (self);
}

static void
dg_overview_page_map (GtkWidget *widget)
{
  DgOverviewPage *self = DG_OVERVIEW_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (dg_overview_page_parent_class)->map (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_signal_connect_object (root, "notify::is-active", G_CALLBACK (on_window_is_active), self, 0);
    }

  if (self->loaded && g_get_monotonic_time () - self->loaded_at > FRESH_FOR)
    self->stale = TRUE;
  if (self->loaded && !self->stale)
    return;
  /* The first time, after the window's first frame: reading comes after
   * the owner sees the window. */
  if (!self->loaded && self->frame_clock == NULL)
    {
      self->frame_clock = gtk_widget_get_frame_clock (widget);
      self->after_paint_id = g_signal_connect (self->frame_clock, "after-paint",
                                               G_CALLBACK (on_frame_clock_after_paint), self);
      gdk_frame_clock_request_phase (self->frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }
  if (self->frame_clock == NULL)
    schedule_load (self);
}

static void
dg_overview_page_unmap (GtkWidget *widget)
{
  DgOverviewPage *self = DG_OVERVIEW_PAGE (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, on_window_is_active, self);
  self->window = NULL;
  stop_waiting_for_frame (self);

  GTK_WIDGET_CLASS (dg_overview_page_parent_class)->unmap (widget);
}

/* ---- automatic approval --------------------------------------------------- */

guint
dg_overview_page_run_auto_approval (DgOverviewPage  *self,
                                    GDateTime       *now,
                                    GError         **error)
{
  guint n_approved = 0;

  g_return_val_if_fail (DG_IS_OVERVIEW_PAGE (self), 0);
  g_return_val_if_fail (now != NULL, 0);
  g_return_val_if_fail (self->timesheets != NULL, 0);

  if (!dg_timesheet_store_apply_auto_approval (self->timesheets, now, &n_approved, error))
    return 0;
  if (n_approved > 0)
    {
      /* Translators: a toast; "too long" is longer than the days set for
       * "Automatic Approval" in Preferences; %u is a number of time entries */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u entry pending too long was approved automatically",
                                                             "%u entries pending too long were approved automatically",
                                                             n_approved),
                                                n_approved);

      /* A toast still shown says the news instead of a second one: and
       * libadwaita 1.2 may crash when a toast is dismissed while it is
       * still appearing. */
      if (self->toast != NULL)
        {
          adw_toast_set_title (self->toast, title);
          return n_approved;
        }
      self->toast = adw_toast_new (title);
      g_object_add_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
      adw_toast_set_timeout (self->toast, 10);
      add_toast (self, self->toast);
    }
  return n_approved;
}

static void
run_auto_approval (DgOverviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (!dg_overview_page_run_auto_approval (self, now, &error) && error != NULL)
    {
      /* Translators: %s is the reason, a sentence */
      g_autofree char *title = g_strdup_printf (_("The automatic approval did not run: %s"), error->message);

      add_toast (self, adw_toast_new (title));
    }
}

/* Hourly, the page is read again even when nothing was approved: tasks
 * fall overdue and weeks begin without any change to the stores. */
static gboolean
on_auto_approval_timeout (gpointer user_data)
{
  DgOverviewPage *self = user_data;

  run_auto_approval (self);
  dg_overview_page_reload (self);
  return G_SOURCE_CONTINUE;
}

/* ---- setup ---------------------------------------------------------------- */

static void
disconnect_stores (DgOverviewPage *self)
{
  if (self->timesheets != NULL)
    g_signal_handlers_disconnect_by_func (self->timesheets, on_store_changed, self);
  if (self->tasks != NULL)
    g_signal_handlers_disconnect_by_func (self->tasks, on_store_changed, self);
  g_clear_object (&self->timesheets);
  g_clear_object (&self->tasks);
}

void
dg_overview_page_set_stores (DgOverviewPage   *self,
                             DgTimesheetStore *timesheets,
                             DgTaskStore      *tasks)
{
  g_return_if_fail (DG_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (DG_IS_TIMESHEET_STORE (timesheets));
  g_return_if_fail (DG_IS_TASK_STORE (tasks));

  disconnect_stores (self);
  self->timesheets = g_object_ref (timesheets);
  self->tasks = g_object_ref (tasks);
  g_signal_connect_swapped (timesheets, "changed", G_CALLBACK (on_store_changed), self);
  g_signal_connect_swapped (tasks, "occurrences-changed", G_CALLBACK (on_store_changed), self);

  if (self->auto_approval_source == 0)
    self->auto_approval_source = g_timeout_add_seconds (AUTO_APPROVAL_INTERVAL_SECONDS,
                                                        on_auto_approval_timeout, self);
  dg_overview_page_reload (self);
}

static void
disconnect_invoice_store (DgOverviewPage *self)
{
  if (self->invoices != NULL)
    g_signal_handlers_disconnect_by_func (self->invoices, on_store_changed, self);
  g_clear_object (&self->invoices);
}

void
dg_overview_page_set_invoice_store (DgOverviewPage *self,
                                    DgInvoiceStore *invoices)
{
  g_return_if_fail (DG_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (invoices == NULL || DG_IS_INVOICE_STORE (invoices));

  if (self->invoices == invoices)
    return;
  disconnect_invoice_store (self);
  if (invoices != NULL)
    {
      self->invoices = g_object_ref (invoices);
      g_signal_connect_swapped (invoices, "changed", G_CALLBACK (on_store_changed), self);
    }
  else
    {
      /* With a store the section appears at the next load, together with
       * what it lists; without one it has nothing to say. */
      gtk_widget_set_visible (self->invoices_box, FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVOICE_STORE]);
  dg_overview_page_reload (self);
}

gboolean
dg_overview_page_get_loaded (DgOverviewPage *self)
{
  g_return_val_if_fail (DG_IS_OVERVIEW_PAGE (self), FALSE);

  return self->loaded && !self->stale && self->load_source == 0;
}

DgHoursChart *
dg_overview_page_get_chart (DgOverviewPage *self)
{
  g_return_val_if_fail (DG_IS_OVERVIEW_PAGE (self), NULL);

  return self->hours_chart;
}

AdwToast *
dg_overview_page_get_toast (DgOverviewPage *self)
{
  g_return_val_if_fail (DG_IS_OVERVIEW_PAGE (self), NULL);

  return self->toast;
}

static void
dg_overview_page_dispose (GObject *object)
{
  DgOverviewPage *self = DG_OVERVIEW_PAGE (object);

  stop_waiting_for_frame (self);
  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_handle_id (&self->auto_approval_source, g_source_remove);
  g_clear_weak_pointer (&self->toast);
  disconnect_stores (self);
  disconnect_invoice_store (self);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (dg_overview_page_parent_class)->dispose (object);
}

static void
dg_overview_page_finalize (GObject *object)
{
  DgOverviewPage *self = DG_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->owner_zone, g_time_zone_unref);

  G_OBJECT_CLASS (dg_overview_page_parent_class)->finalize (object);
}

static void
dg_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DgOverviewPage *self = DG_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_INVOICE_STORE:
      g_value_set_object (value, self->invoices);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DgOverviewPage *self = DG_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_INVOICE_STORE:
      dg_overview_page_set_invoice_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_overview_page_class_init (DgOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_overview_page_dispose;
  object_class->finalize = dg_overview_page_finalize;
  object_class->get_property = dg_overview_page_get_property;
  object_class->set_property = dg_overview_page_set_property;
  widget_class->map = dg_overview_page_map;
  widget_class->unmap = dg_overview_page_unmap;

  properties[PROP_INVOICE_STORE] =
    g_param_spec_object ("invoice-store", NULL, NULL,
                         DG_TYPE_INVOICE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[WEEK_ACTIVATED] =
    g_signal_new ("week-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  g_type_ensure (DG_TYPE_HOURS_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DgOverviewPage, awaiting_list);
  gtk_widget_class_bind_template_child (widget_class, DgOverviewPage, awaiting_empty);
  gtk_widget_class_bind_template_child (widget_class, DgOverviewPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, DgOverviewPage, overdue_empty);
  gtk_widget_class_bind_template_child (widget_class, DgOverviewPage, invoices_box);
  gtk_widget_class_bind_template_child (widget_class, DgOverviewPage, invoices_summary);
  gtk_widget_class_bind_template_child (widget_class, DgOverviewPage, invoices_list);
  gtk_widget_class_bind_template_child (widget_class, DgOverviewPage, invoices_empty);
  gtk_widget_class_bind_template_child (widget_class, DgOverviewPage, hours_stack);
  gtk_widget_class_bind_template_child (widget_class, DgOverviewPage, hours_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_awaiting_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_invoices_row_activated);
}

static void
dg_overview_page_init (DgOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_zone = g_time_zone_new_local ();
  self->week_start = G_DATE_MONDAY;
}
