/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-invoices-page"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dg-duration.h"
#include "dg-invoice-line-dialog.h"
#include "dg-invoice-line-item.h"
#include "dg-invoice-printing.h"
#include "dg-invoices-page-private.h"
#include "dg-new-invoice-dialog.h"
#include "dg-payment-dialog.h"
#include "dg-reason-dialog.h"

#define ISSUE_RESPONSE "issue"
#define DELETE_RESPONSE "delete"

struct _DgInvoicesPage
{
  AdwBin              parent_instance;

  DgInvoiceStore     *store;
  DgAssistantStore   *assistants;
  GListStore         *invoices;          /* DgInvoice */
  GtkSingleSelection *selection;
  GListStore         *lines;             /* DgInvoiceLineItem */
  GtkSingleSelection *line_selection;
  /* Nothing is read until the page is first shown, and a change while it
   * is hidden only marks it stale: the window opens on the Overview, and
   * its start-up is measured. */
  gboolean            loaded;
  gboolean            stale;
  gboolean            list_failed;
  gboolean            selecting;         /* the selection follows the shown invoice */
  /* The invoice in the detail, listed or not (a paid invoice leaves the
   * "Unpaid" list but stays in view). */
  gint64              shown_id;          /* 0: none */
  DgInvoice          *shown;             /* as last read; NULL when it failed */
  gboolean            shown_failed;      /* reading it failed, said in the detail */
  gboolean            issuable;          /* a draft that passed check_issuable */

  GtkDropDown        *filter_dropdown;
  GtkStack           *main_stack;
  AdwStatusPage      *error_status;
  GtkStack           *list_stack;
  GtkColumnView      *invoice_view;
  AdwStatusPage      *list_empty_status;
  GtkStack           *detail_stack;
  AdwStatusPage      *detail_error_status;
  GtkLabel           *title_label;
  GtkLabel           *state_label;
  GtkLabel           *problem_label;
  GtkLabel           *assistant_label;
  GtkLabel           *period_label;
  GtkLabel           *issued_key;
  GtkLabel           *issued_label;
  GtkLabel           *due_key;
  GtkLabel           *due_label;
  GtkLabel           *paid_key;
  GtkLabel           *paid_label;
  GtkLabel           *reference_key;
  GtkLabel           *reference_label;
  GtkColumnView      *line_view;
  GtkGrid            *totals_grid;
  GtkWidget          *add_line_button;
  GtkWidget          *remove_line_button;
  GtkWidget          *refresh_button;
  GtkWidget          *delete_button;
  GtkWidget          *issue_button;
  GtkWidget          *mark_paid_button;
  GtkWidget          *cancel_button;
};

G_DEFINE_FINAL_TYPE (DgInvoicesPage, dg_invoices_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (DgInvoicesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static DgInvoiceFilter
selected_filter (DgInvoicesPage *self)
{
  switch (gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case DG_INVOICE_FILTER_DRAFTS:
      return DG_INVOICE_FILTER_DRAFTS;
    case DG_INVOICE_FILTER_UNPAID:
      return DG_INVOICE_FILTER_UNPAID;
    default:
      return DG_INVOICE_FILTER_ALL;
    }
}

/* The owner's local date, "YYYY-MM-DD" as the invoice's dates are kept. */
static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The same day as the store's functions take it. */
static void
get_today (GDate *out_date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* "3 Dec 2026" for a stored "2026-12-03"; "" for "". */
static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) day = NULL;
  guint year = 0, month = 0, mday = 0;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &year, &month, &mday) != 3)
    return g_strdup ("");
  day = g_date_time_new_utc ((int) year, (int) month, (int) mday, 0, 0, 0);
  if (day == NULL)
    return g_strdup (iso);
  /* Translators: a day in the list of invoices, "3 Dec 2026"; see
   * g_date_time_format() for the codes. */
  return g_date_time_format (day, _("%-d %b %Y"));
}

static char *
format_amount (gint64      minor,
               const char *currency)
{
  DgMoney money;

  dg_money_init (&money, minor, currency);
  return dg_money_format (&money);
}

/* "2026-0001", "Draft", or a cancellation's number. */
static const char *
number_or_draft (DgInvoice *invoice)
{
  const char *number = dg_invoice_get_number (invoice);

  return number[0] != '\0' ? number : _("Draft");
}

/* ---- the detail ---------------------------------------------------------- */

static void
set_row (GtkLabel   *key,
         GtkLabel   *value,
         const char *text)
{
  gboolean shown = text != NULL && text[0] != '\0';

  gtk_label_set_label (value, shown ? text : "");
  if (key != NULL)
    gtk_widget_set_visible (GTK_WIDGET (key), shown);
  gtk_widget_set_visible (GTK_WIDGET (value), shown);
}

static void
add_total_row (DgInvoicesPage *self,
               int             row,
               const char     *label,
               const char     *amount,
               gboolean        strong)
{
  GtkWidget *key = gtk_label_new (label);
  GtkWidget *value = gtk_label_new (amount);

  gtk_label_set_xalign (GTK_LABEL (key), 0.0f);
  gtk_label_set_xalign (GTK_LABEL (value), 1.0f);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_add_css_class (value, "numeric");
  if (strong)
    {
      gtk_widget_add_css_class (key, "heading");
      gtk_widget_add_css_class (value, "heading");
      gtk_widget_set_name (value, "invoice_total");
    }
  else
    gtk_widget_add_css_class (key, "dim-label");
  gtk_grid_attach (self->totals_grid, key, 0, row, 1, 1);
  gtk_grid_attach (self->totals_grid, value, 1, row, 1, 1);
}

/* "19 %" for 1900 basis points, "7.7 %" for 770, as the assistant's
 * rate is written. */
static char *
format_rate (int basis_points)
{
  g_autofree char *rate = dg_assistant_format_vat_rate (basis_points);

  /* Translators: a tax rate in percent, "19 %" */
  return g_strdup_printf (_("%s %%"), rate);
}

/* Net and tax per rate, then the total: the same figures as the document,
 * which adds them up the same way. A handful of rows, so widgets. */
static void
fill_totals (DgInvoicesPage *self,
             DgInvoice      *invoice)
{
  GPtrArray *groups = dg_invoice_get_tax_groups (invoice);
  const char *currency = dg_invoice_get_currency (invoice);
  DgMoney total = dg_invoice_get_total (invoice);
  g_autofree char *total_text = dg_money_format (&total);
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->totals_grid))) != NULL)
    gtk_grid_remove (self->totals_grid, child);

  for (guint i = 0; i < groups->len; i++)
    {
      DgInvoiceTaxGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *rate = format_rate (group->tax_rate);
      g_autofree char *net = format_amount (group->net, currency);
      g_autofree char *net_label = NULL;

      if (group->tax_rate == 0)
        net_label = g_strdup (groups->len == 1 ? _("Net") : _("Net, no tax"));
      else
        /* Translators: %s is a tax rate, "19 %" */
        net_label = g_strdup_printf (_("Net at %s"), rate);
      add_total_row (self, row++, net_label, net, FALSE);
      if (group->tax_rate != 0)
        {
          g_autofree char *tax = format_amount (group->tax, currency);
          /* Translators: %s is a tax rate, "19 %" */
          g_autofree char *tax_label = g_strdup_printf (_("VAT %s"), rate);

          add_total_row (self, row++, tax_label, tax, FALSE);
        }
    }
  add_total_row (self, row, _("Total"), total_text, TRUE);
}

static void
fill_lines (DgInvoicesPage *self,
            DgInvoice      *invoice)
{
  GPtrArray *lines = dg_invoice_get_lines (invoice);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (items, dg_invoice_line_item_new (invoice, i));
  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->line_selection, GTK_INVALID_LIST_POSITION);
}

static void
update_actions (DgInvoicesPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  DgInvoice *invoice = self->shown;
  DgInvoiceState state = invoice != NULL ? dg_invoice_get_state (invoice) : DG_INVOICE_STATE_DRAFT;
  gboolean is_invoice = invoice != NULL && dg_invoice_get_kind (invoice) == DG_INVOICE_KIND_INVOICE;
  gboolean draft = invoice != NULL && state == DG_INVOICE_STATE_DRAFT;
  gboolean unpaid = is_invoice && state == DG_INVOICE_STATE_ISSUED;
  gboolean cancellable = is_invoice && (state == DG_INVOICE_STATE_ISSUED || state == DG_INVOICE_STATE_PAID);
  gboolean line_chosen = gtk_single_selection_get_selected_item (self->line_selection) != NULL;

  gtk_widget_action_set_enabled (widget, "invoices.new", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "invoices.add-line", draft);
  gtk_widget_action_set_enabled (widget, "invoices.remove-line", draft && line_chosen);
  gtk_widget_action_set_enabled (widget, "invoices.refresh", draft);
  gtk_widget_action_set_enabled (widget, "invoices.delete-draft", draft);
  gtk_widget_action_set_enabled (widget, "invoices.issue", draft && self->issuable);
  gtk_widget_action_set_enabled (widget, "invoices.print", invoice != NULL);
  gtk_widget_action_set_enabled (widget, "invoices.export-pdf", invoice != NULL);
  gtk_widget_action_set_enabled (widget, "invoices.mark-paid", unpaid);
  gtk_widget_action_set_enabled (widget, "invoices.cancel", cancellable);

  /* Only what the state allows is offered at all; Issue stays in sight
   * while something is missing, beside the message that says what. */
  gtk_widget_set_visible (self->add_line_button, draft);
  gtk_widget_set_visible (self->remove_line_button, draft);
  gtk_widget_set_visible (self->refresh_button, draft);
  gtk_widget_set_visible (self->delete_button, draft);
  gtk_widget_set_visible (self->issue_button, draft);
  gtk_widget_set_visible (self->mark_paid_button, unpaid);
  gtk_widget_set_visible (self->cancel_button, cancellable);
}

static void
fill_detail (DgInvoicesPage *self)
{
  DgInvoice *invoice = self->shown;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = today_iso ();
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *due = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *state = NULL;
  DgInvoiceState invoice_state;

  self->issuable = FALSE;
  if (invoice == NULL)
    {
      g_list_store_remove_all (self->lines);
      update_actions (self);
      return;
    }

  invoice_state = dg_invoice_get_state (invoice);
  if (invoice_state == DG_INVOICE_STATE_DRAFT)
    title = g_strdup (_("Draft Invoice"));
  else if (dg_invoice_get_kind (invoice) == DG_INVOICE_KIND_CANCELLATION)
    /* Translators: %s is the number of a cancellation invoice */
    title = g_strdup_printf (_("Cancellation %s"), dg_invoice_get_number (invoice));
  else
    /* Translators: %s is an invoice number */
    title = g_strdup_printf (_("Invoice %s"), dg_invoice_get_number (invoice));
  gtk_label_set_label (self->title_label, title);

  if (dg_invoice_is_overdue (invoice, today))
    /* Translators: the state of an invoice past its due date */
    state = g_strdup_printf (_("%s, Overdue"), dg_invoice_state_get_label (invoice_state));
  else
    state = g_strdup (dg_invoice_state_get_label (invoice_state));
  gtk_label_set_label (self->state_label, state);

  set_row (NULL, self->assistant_label, dg_invoice_get_assistant_name (invoice));
  period = dg_invoice_format_period (invoice);
  set_row (NULL, self->period_label, period);
  issued = format_date (dg_invoice_get_issue_date (invoice));
  set_row (self->issued_key, self->issued_label, issued);
  due = format_date (dg_invoice_get_due_date (invoice));
  if (due[0] != '\0' && dg_invoice_is_overdue (invoice, today))
    {
      /* Translators: a due date that has passed, "3 Dec 2026 (overdue)" */
      g_autofree char *overdue = g_strdup_printf (_("%s (overdue)"), due);

      g_free (due);
      due = g_steal_pointer (&overdue);
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");
  set_row (self->due_key, self->due_label, due);

  if (dg_invoice_get_paid_date (invoice)[0] != '\0')
    {
      g_autofree char *day = format_date (dg_invoice_get_paid_date (invoice));
      g_autofree char *amount = format_amount (dg_invoice_get_paid_amount (invoice), dg_invoice_get_currency (invoice));

      /* Translators: when and how much was paid, "3 Dec 2026, €1,234.50" */
      paid = g_strdup_printf (_("%s, %s"), day, amount);
    }
  set_row (self->paid_key, self->paid_label, paid);

  if (dg_invoice_get_cancels_number (invoice)[0] != '\0')
    /* Translators: %s is the number of the invoice a cancellation reverses */
    reference = g_strdup_printf (_("Cancels invoice %s"), dg_invoice_get_cancels_number (invoice));
  else if (dg_invoice_get_cancelled_by_number (invoice)[0] != '\0')
    /* Translators: the first %s is the cancellation's number, the second
     * the reason given */
    reference = g_strdup_printf (_("Cancelled by %s: %s"), dg_invoice_get_cancelled_by_number (invoice),
                                 dg_invoice_get_cancel_reason (invoice));
  set_row (self->reference_key, self->reference_label, reference);

  /* What the document still needs is said before the owner tries. */
  if (invoice_state == DG_INVOICE_STATE_DRAFT)
    self->issuable = dg_invoice_store_check_issuable (self->store, dg_invoice_get_id (invoice), &error);
  gtk_label_set_label (self->problem_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);

  fill_lines (self, invoice);
  fill_totals (self, invoice);
  update_actions (self);
}

/* The list's selection marks the shown invoice, when it is listed. */
static void
sync_selection (DgInvoicesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->invoices));
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->shown_id != 0 && i < n; i++)
    {
      g_autoptr(DgInvoice) invoice = g_list_model_get_item (G_LIST_MODEL (self->invoices), i);

      if (dg_invoice_get_id (invoice) == self->shown_id)
        {
          position = i;
          break;
        }
    }
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  /* An invoice chosen elsewhere (the Overview) may be far down the list:
   * the column view's inner list view can scroll to it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->invoice_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
update_stacks (DgInvoicesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->invoices));
  DgInvoiceFilter filter = selected_filter (self);

  if (self->list_failed)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }
  /* The invitation to start only while there is no invoice at all. */
  if (n == 0 && self->shown == NULL && !self->shown_failed && filter == DG_INVOICE_FILTER_ALL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, "invoices");
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  adw_status_page_set_title (self->list_empty_status,
                             filter == DG_INVOICE_FILTER_DRAFTS ? _("No Drafts")
                             : filter == DG_INVOICE_FILTER_UNPAID ? _("Nothing Unpaid")
                             : _("No Invoices"));
  gtk_stack_set_visible_child_name (self->detail_stack,
                                    self->shown != NULL ? "invoice"
                                    : self->shown_failed ? "error"
                                    : "placeholder");
}

/* Reads the shown invoice again; it may have been deleted. Any other
 * failure is said where the invoice would be, and the next reload tries
 * again. */
static void
load_shown (DgInvoicesPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->shown);
  self->shown_failed = FALSE;
  if (self->shown_id != 0)
    {
      self->shown = dg_invoice_store_get (self->store, self->shown_id, &error);
      if (self->shown == NULL && g_error_matches (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND))
        self->shown_id = 0;
      else if (self->shown == NULL)
        {
          self->shown_failed = TRUE;
          adw_status_page_set_description (self->detail_error_status, error->message);
        }
    }
  fill_detail (self);
}

static void
load (DgInvoicesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invoices = NULL;

  if (self->store == NULL)
    return;
  self->loaded = TRUE;
  self->stale = FALSE;

  invoices = dg_invoice_store_list (self->store, selected_filter (self), 0, &error);
  self->list_failed = invoices == NULL;
  if (invoices == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      update_stacks (self);
      return;
    }

  self->selecting = TRUE;
  g_list_store_splice (self->invoices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->invoices)),
                       invoices->pdata, invoices->len);
  self->selecting = FALSE;

  /* The first listed is shown at once, beside the list. */
  if (self->shown_id == 0 && invoices->len > 0)
    self->shown_id = dg_invoice_get_id (g_ptr_array_index (invoices, 0));
  load_shown (self);
  sync_selection (self);
  update_stacks (self);
}

void
dg_invoices_page_reload (DgInvoicesPage *self)
{
  g_return_if_fail (DG_IS_INVOICES_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self->main_stack)))
    load (self);
  else
    self->stale = TRUE;
}

void
dg_invoices_page_show_invoice (DgInvoicesPage *self,
                               gint64          invoice_id)
{
  g_return_if_fail (DG_IS_INVOICES_PAGE (self));
  g_return_if_fail (invoice_id > 0);

  self->shown_id = invoice_id;
  if (self->store == NULL)
    return;
  if (!self->loaded || !gtk_widget_get_mapped (GTK_WIDGET (self->main_stack)))
    {
      self->stale = TRUE;
      return;
    }
  load_shown (self);
  sync_selection (self);
  update_stacks (self);
}

gboolean
dg_invoices_page_get_loaded (DgInvoicesPage *self)
{
  g_return_val_if_fail (DG_IS_INVOICES_PAGE (self), FALSE);

  return self->loaded;
}

GListModel *
dg_invoices_page_get_invoices (DgInvoicesPage *self)
{
  g_return_val_if_fail (DG_IS_INVOICES_PAGE (self), NULL);

  return G_LIST_MODEL (self->invoices);
}

DgInvoice *
dg_invoices_page_get_shown (DgInvoicesPage *self)
{
  g_return_val_if_fail (DG_IS_INVOICES_PAGE (self), NULL);

  return self->shown;
}

GListModel *
dg_invoices_page_get_lines (DgInvoicesPage *self)
{
  g_return_val_if_fail (DG_IS_INVOICES_PAGE (self), NULL);

  return G_LIST_MODEL (self->lines);
}

void
dg_invoices_page_select_line (DgInvoicesPage *self,
                              guint           position)
{
  g_return_if_fail (DG_IS_INVOICES_PAGE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->lines)));

  gtk_single_selection_set_selected (self->line_selection, position);
}

gboolean
dg_invoices_page_export_to (DgInvoicesPage *self,
                            GFile          *file,
                            GError        **error)
{
  g_return_val_if_fail (DG_IS_INVOICES_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->shown != NULL, FALSE);

  return dg_invoice_export_write (self->store, self->shown, file, error);
}

/* ---- signals ------------------------------------------------------------- */

static void
on_main_stack_map (DgInvoicesPage *self)
{
  if (!self->loaded || self->stale)
    load (self);
}

static void
on_try_again_clicked (DgInvoicesPage *self)
{
  load (self);
}

static void
on_filter_changed (DgInvoicesPage *self)
{
  if (self->store == NULL)
    return;
  dg_invoices_page_reload (self);
}

static void
on_selection_changed (DgInvoicesPage *self)
{
  DgInvoice *invoice = gtk_single_selection_get_selected_item (self->selection);

  if (self->selecting || invoice == NULL || dg_invoice_get_id (invoice) == self->shown_id)
    return;
  self->shown_id = dg_invoice_get_id (invoice);
  load_shown (self);
  update_stacks (self);
}

static void
on_line_selection_changed (DgInvoicesPage *self)
{
  update_actions (self);
}

static void
on_store_changed (DgInvoicesPage *self)
{
  dg_invoices_page_reload (self);
}

/* ---- cells --------------------------------------------------------------- */

/* One label a cell: a column view keeps up to 200 rows alive. */
static void
on_label_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                DgInvoicesPage           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

/* Numbers, dates and states are short and unreadable cut: they keep their
 * width, the assistant's name gives way, and a window narrower than the
 * table scrolls it sideways. */
static void
on_short_label_setup (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      DgInvoicesPage           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_list_item_set_child (list_item, label);
}

static void
on_wrap_label_setup (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     DgInvoicesPage           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_list_item_set_child (list_item, label);
}

static void
on_amount_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 DgInvoicesPage           *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
set_cell (GtkListItem *list_item,
          const char  *text)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
on_number_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                DgInvoicesPage           *self)
{
  set_cell (list_item, number_or_draft (gtk_list_item_get_item (list_item)));
}

static void
on_assistant_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   DgInvoicesPage           *self)
{
  set_cell (list_item, dg_invoice_get_assistant_name (gtk_list_item_get_item (list_item)));
}

static void
on_period_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                DgInvoicesPage           *self)
{
  g_autofree char *period = dg_invoice_format_period (gtk_list_item_get_item (list_item));

  set_cell (list_item, period);
}

static void
on_total_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DgInvoicesPage           *self)
{
  DgMoney total = dg_invoice_get_total (gtk_list_item_get_item (list_item));
  g_autofree char *text = dg_money_format (&total);

  set_cell (list_item, text);
}

static void
on_state_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DgInvoicesPage           *self)
{
  DgInvoice *invoice = gtk_list_item_get_item (list_item);

  set_cell (list_item, dg_invoice_get_kind (invoice) == DG_INVOICE_KIND_CANCELLATION
                       ? _("Cancellation") : dg_invoice_state_get_label (dg_invoice_get_state (invoice)));
}

/* The due date; past it, unpaid, it says so in words and in colour. */
static void
on_due_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             DgInvoicesPage           *self)
{
  DgInvoice *invoice = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *today = today_iso ();
  g_autofree char *due = format_date (dg_invoice_get_due_date (invoice));

  if (due[0] != '\0' && dg_invoice_is_overdue (invoice, today))
    {
      /* Translators: a due date that has passed, "3 Dec 2026 (overdue)" */
      g_autofree char *overdue = g_strdup_printf (_("%s (overdue)"), due);

      gtk_label_set_label (GTK_LABEL (label), overdue);
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (label), due);
      gtk_widget_remove_css_class (label, "error");
    }
}

static const DgInvoiceLine *
line_of (GtkListItem *list_item)
{
  return dg_invoice_line_item_get_line (gtk_list_item_get_item (list_item));
}

static const char *
currency_of (GtkListItem *list_item)
{
  return dg_invoice_get_currency (dg_invoice_line_item_get_invoice (gtk_list_item_get_item (list_item)));
}

static void
on_position_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  DgInvoicesPage           *self)
{
  g_autofree char *text = g_strdup_printf ("%u", line_of (list_item)->position);

  set_cell (list_item, text);
}

static void
on_service_date_bind (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      DgInvoicesPage           *self)
{
  g_autofree char *text = format_date (line_of (list_item)->service_date);

  set_cell (list_item, text);
}

static void
on_description_bind (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     DgInvoicesPage           *self)
{
  set_cell (list_item, line_of (list_item)->description);
}

static void
on_quantity_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  DgInvoicesPage           *self)
{
  const DgInvoiceLine *line = line_of (list_item);
  g_autofree char *text = NULL;

  /* Hours as the printed invoice writes them, "12:30 h", so the owner
   * reads the same figure on screen and on paper. */
  if (line->kind == DG_INVOICE_LINE_HOURS)
    {
      g_autofree char *clock = dg_duration_format_minutes (line->minutes);

      /* Translators: the hours and minutes of an invoice line, "12:30 h" */
      text = g_strdup_printf (_("%s h"), clock);
    }
  else
    text = g_strdup_printf ("%" G_GINT64_FORMAT, line->quantity);
  set_cell (list_item, text);
}

static void
on_unit_price_bind (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    DgInvoicesPage           *self)
{
  const DgInvoiceLine *line = line_of (list_item);
  g_autofree char *price = format_amount (line->unit_price, currency_of (list_item));

  if (line->kind == DG_INVOICE_LINE_HOURS)
    {
      /* Translators: an hourly rate, "€15.00/h" */
      g_autofree char *rate = g_strdup_printf (_("%s/h"), price);

      set_cell (list_item, rate);
    }
  else
    set_cell (list_item, price);
}

static void
on_amount_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                DgInvoicesPage           *self)
{
  g_autofree char *amount = format_amount (line_of (list_item)->amount, currency_of (list_item));

  set_cell (list_item, amount);
}

/* ---- actions ------------------------------------------------------------- */

static void
show_failure (DgInvoicesPage *self,
              const char     *heading,
              const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A question before what cannot be undone; the invoice it is about rides
 * on the dialog, as the shown one may change meanwhile. */
static void
ask (DgInvoicesPage        *self,
     const char            *heading,
     const char            *body,
     const char            *response_id,
     const char            *response_label,
     AdwResponseAppearance  appearance,
     GCallback              callback)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    response_id, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response_id, appearance);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "dg-invoice", g_object_ref (self->shown), g_object_unref);
  g_signal_connect_object (dialog, "response", callback, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static DgInvoice *
asked_about (GObject *dialog)
{
  return g_object_get_data (dialog, "dg-invoice");
}

static void
on_invoice_created (DgInvoicesPage *self,
                    gint64          invoice_id)
{
  /* The new draft is shown, and listed: the unpaid list has no drafts. */
  self->shown_id = invoice_id;
  if (selected_filter (self) == DG_INVOICE_FILTER_UNPAID)
    gtk_drop_down_set_selected (self->filter_dropdown, DG_INVOICE_FILTER_ALL);
  else
    load (self);
}

static void
on_new_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (widget);
  DgNewInvoiceDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = dg_new_invoice_dialog_new (parent_window (self), self->store, self->assistants,
                                      self->shown != NULL ? dg_invoice_get_assistant_id (self->shown) : 0);
  g_signal_connect_object (dialog, "invoice-created", G_CALLBACK (on_invoice_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_line_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (widget);

  if (self->shown == NULL)
    return;
  gtk_window_present (GTK_WINDOW (dg_invoice_line_dialog_new (parent_window (self), self->store, self->shown)));
}

static void
on_remove_line_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (widget);
  DgInvoiceLineItem *item = gtk_single_selection_get_selected_item (self->line_selection);
  g_autoptr(GError) error = NULL;

  if (self->shown == NULL || item == NULL)
    return;
  if (!dg_invoice_store_remove_line (self->store, dg_invoice_get_id (self->shown),
                                     dg_invoice_line_item_get_line (item)->id, &error))
    show_failure (self, _("Could Not Remove the Line"), error);
}

/* Hours approved, reopened or invoiced elsewhere since the draft was
 * made: its work lines are built again, as the store's messages ask. */
static void
on_refresh_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) refreshed = NULL;

  if (self->shown == NULL)
    return;
  refreshed = dg_invoice_store_refresh_draft (self->store, dg_invoice_get_id (self->shown),
                                              dg_invoice_get_grouping (self->shown), &error);
  if (refreshed == NULL)
    show_failure (self, _("Could Not Refresh the Draft"), error);
}

static void
on_delete_response (DgInvoicesPage *self,
                    const char     *response,
                    GObject        *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, DELETE_RESPONSE) != 0)
    return;
  if (!dg_invoice_store_delete_draft (self->store, dg_invoice_get_id (asked_about (dialog)), &error))
    show_failure (self, _("Could Not Delete the Draft"), error);
}

static void
on_delete_draft_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (widget);
  g_autofree char *body = NULL;

  if (self->shown == NULL)
    return;
  /* Translators: %s is an assistant's name */
  body = g_strdup_printf (_("The draft for %s is deleted. The hours and tasks it billed can be invoiced again."),
                          dg_invoice_get_assistant_name (self->shown));
  ask (self, _("Delete Draft?"), body, DELETE_RESPONSE, _("_Delete"), ADW_RESPONSE_DESTRUCTIVE,
       G_CALLBACK (on_delete_response));
}

static void
on_issue_response (DgInvoicesPage *self,
                   const char     *response,
                   GObject        *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) issued = NULL;
  GDate today;

  if (g_strcmp0 (response, ISSUE_RESPONSE) != 0)
    return;
  get_today (&today);
  issued = dg_invoice_store_issue (self->store, dg_invoice_get_id (asked_about (dialog)), &today, &error);
  if (issued == NULL)
    show_failure (self, _("Could Not Issue the Invoice"), error);
}

static void
on_issue_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  DgMoney total;
  g_autofree char *total_text = NULL;

  if (self->shown == NULL)
    return;
  /* Checked again: the profile or the assistant may have changed since
   * the draft was shown. */
  if (!dg_invoice_store_check_issuable (self->store, dg_invoice_get_id (self->shown), &error))
    {
      fill_detail (self);
      return;
    }
  total = dg_invoice_get_total (self->shown);
  total_text = dg_money_format (&total);
  /* Translators: the first %s is an assistant's name, the second the
   * total, "€1,234.50" */
  body = g_strdup_printf (_("This invoice for %s, %s in all, gets the next number today, and the work it bills is marked invoiced. "
                            "An issued invoice can never be changed or deleted; it can only be cancelled by a cancellation invoice."),
                          dg_invoice_get_assistant_name (self->shown), total_text);
  ask (self, _("Issue the Invoice?"), body, ISSUE_RESPONSE, _("_Issue"), ADW_RESPONSE_SUGGESTED,
       G_CALLBACK (on_issue_response));
}

static void
on_print_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (widget);

  if (self->shown != NULL)
    dg_invoice_print (parent_window (self), self->shown);
}

static void
on_export_pdf_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (widget);

  if (self->shown != NULL)
    dg_invoice_export (parent_window (self), self->store, self->shown);
}

static void
on_mark_paid_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (widget);

  if (self->shown == NULL)
    return;
  gtk_window_present (GTK_WINDOW (dg_payment_dialog_new (parent_window (self), self->store, self->shown)));
}

static void
on_cancel_reason_chosen (DgInvoicesPage *self,
                         const char     *reason,
                         GObject        *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) cancellation = NULL;
  GDate today;

  get_today (&today);
  cancellation = dg_invoice_store_cancel (self->store, dg_invoice_get_id (asked_about (dialog)), &today, reason,
                                          &error);
  if (cancellation == NULL)
    show_failure (self, _("Could Not Cancel the Invoice"), error);
}

static void
on_cancel_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (widget);
  DgReasonDialog *dialog;
  g_autofree char *heading = NULL;

  if (self->shown == NULL)
    return;
  /* Translators: %s is an invoice number */
  heading = g_strdup_printf (_("Cancel Invoice %s?"), dg_invoice_get_number (self->shown));
  dialog = dg_reason_dialog_new (parent_window (self), heading,
                                 _("A cancellation invoice with a number of its own and the same lines negated is issued today and refers to this invoice. "
                                   "Its hours and tasks can then be invoiced again. This cannot be undone."),
                                 _("Cancel _Invoice"));
  g_object_set_data_full (G_OBJECT (dialog), "dg-invoice", g_object_ref (self->shown), g_object_unref);
  g_signal_connect_object (dialog, "reason-chosen", G_CALLBACK (on_cancel_reason_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- life cycle ---------------------------------------------------------- */

void
dg_invoices_page_set_stores (DgInvoicesPage   *self,
                             DgInvoiceStore   *invoices,
                             DgAssistantStore *assistants)
{
  g_return_if_fail (DG_IS_INVOICES_PAGE (self));
  g_return_if_fail (DG_IS_INVOICE_STORE (invoices));
  g_return_if_fail (DG_IS_ASSISTANT_STORE (assistants));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (invoices);
  self->assistants = g_object_ref (assistants);
  g_signal_connect_object (invoices, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  /* A renamed assistant: drafts show the new name. */
  g_signal_connect_object (assistants, "items-changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  update_actions (self);
  dg_invoices_page_reload (self);
}

static void
dg_invoices_page_dispose (GObject *object)
{
  DgInvoicesPage *self = DG_INVOICES_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->assistants != NULL)
    g_signal_handlers_disconnect_by_data (self->assistants, self);
  /* The bin's child is built from the template: release it through the
   * bin first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_INVOICES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->invoices);
  g_clear_object (&self->line_selection);
  g_clear_object (&self->lines);
  g_clear_object (&self->shown);
  g_clear_object (&self->store);
  g_clear_object (&self->assistants);

  G_OBJECT_CLASS (dg_invoices_page_parent_class)->dispose (object);
}

static void
dg_invoices_page_class_init (DgInvoicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_invoices_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-invoices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, invoice_view);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, list_empty_status);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, detail_error_status);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, assistant_label);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, issued_key);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, issued_label);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, due_key);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, due_label);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, paid_key);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, paid_label);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, reference_key);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, line_view);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, totals_grid);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, add_line_button);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, remove_line_button);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, issue_button);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, mark_paid_button);
  gtk_widget_class_bind_template_child (widget_class, DgInvoicesPage, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_main_stack_map);
  gtk_widget_class_bind_template_callback (widget_class, on_try_again_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_label_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_short_label_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_wrap_label_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_number_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_assistant_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_period_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_total_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_state_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_due_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_position_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_service_date_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_description_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_quantity_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_price_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_bind);

  gtk_widget_class_install_action (widget_class, "invoices.new", NULL, on_new_activated);
  gtk_widget_class_install_action (widget_class, "invoices.add-line", NULL, on_add_line_activated);
  gtk_widget_class_install_action (widget_class, "invoices.remove-line", NULL, on_remove_line_activated);
  gtk_widget_class_install_action (widget_class, "invoices.refresh", NULL, on_refresh_activated);
  gtk_widget_class_install_action (widget_class, "invoices.delete-draft", NULL, on_delete_draft_activated);
  gtk_widget_class_install_action (widget_class, "invoices.issue", NULL, on_issue_activated);
  gtk_widget_class_install_action (widget_class, "invoices.print", NULL, on_print_activated);
  gtk_widget_class_install_action (widget_class, "invoices.export-pdf", NULL, on_export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "invoices.mark-paid", NULL, on_mark_paid_activated);
  gtk_widget_class_install_action (widget_class, "invoices.cancel", NULL, on_cancel_activated);
}

static void
dg_invoices_page_init (DgInvoicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->invoices = g_list_store_new (DG_TYPE_INVOICE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->invoices)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->invoice_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);

  self->lines = g_list_store_new (DG_TYPE_INVOICE_LINE_ITEM);
  self->line_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->lines)));
  gtk_single_selection_set_autoselect (self->line_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->line_selection, TRUE);
  gtk_column_view_set_model (self->line_view, GTK_SELECTION_MODEL (self->line_selection));
  g_signal_connect_swapped (self->line_selection, "notify::selected", G_CALLBACK (on_line_selection_changed), self);

  update_actions (self);
  update_stacks (self);
}
