/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>

#include "dg-duration.h"
#include "dg-invoice-document.h"
#include "dg-invoice-store.h"
#include "dg-money.h"

#include "dg-cli-invoice.h"
#include "dg-cli-stores.h"
#include "dg-cli-time.h"

/* ---- the store and the options every command shares ----------------------- */

static DgInvoiceStore *
open_invoice_store (DgCli   *cli,
                    GError **error)
{
  DgDatabase *db = dg_cli_get_database (cli, FALSE, error);

  if (db == NULL)
    return NULL;

  return dg_invoice_store_new (db);
}

/* Today in the owner's zone, the zone of this computer: issue, payment and
 * cancellation dates are the business's dates, not the assistant's. */
static void
get_today (GDate *out_date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

static char *
format_today (void)
{
  GDate today;

  get_today (&today);

  return dg_cli_format_date (&today);
}

/* The date of --date, or today when it was not given. */
static gboolean
parse_date_or_today (const char  *text,
                     GDate       *out_date,
                     GError     **error)
{
  if (text == NULL)
    {
      get_today (out_date);
      return TRUE;
    }

  return dg_cli_time_parse_date (text, out_date, error);
}

/* A whole number given with an option, such as --quantity; the store
 * checks its range. On a usage error prints it and returns FALSE. */
static gboolean
parse_count_option (const char *option,
                    const char *text,
                    gint64     *out_count)
{
  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, out_count, NULL))
    {
      dg_cli_usage_error (_("The value “%s” of %s is not a whole number."), text, option);
      return FALSE;
    }

  return TRUE;
}

/* ---- text ------------------------------------------------------------------ */

static char *
format_invoice_money (DgInvoice *invoice,
                      gint64     minor,
                      gboolean   plain)
{
  return dg_cli_format_money (minor, dg_invoice_get_currency (invoice), plain);
}

/* Basis points as a percentage: 1900 → "19 %", 770 → "7.7 %". */
static char *
format_rate (int basis_points)
{
  if (basis_points % 100 == 0)
    return g_strdup_printf ("%d %%", basis_points / 100);
  if (basis_points % 10 == 0)
    return g_strdup_printf ("%d.%d %%", basis_points / 100, (basis_points % 100) / 10);
  return g_strdup_printf ("%d.%02d %%", basis_points / 100, basis_points % 100);
}

static char *
format_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* What the owner calls an invoice: its number, or “draft #5” before it
 * has one. */
static char *
describe_invoice (DgInvoice *invoice)
{
  g_autofree char *id = NULL;

  if (dg_invoice_get_state (invoice) != DG_INVOICE_STATE_DRAFT)
    return g_strdup (dg_invoice_get_number (invoice));

  id = format_id (dg_invoice_get_id (invoice));

  /* Translators: an invoice that has no number yet, with its ID */
  return g_strdup_printf (_("draft #%s"), id);
}

static const char *
kind_to_string (DgInvoiceKind kind)
{
  return kind == DG_INVOICE_KIND_CANCELLATION ? "cancellation" : "invoice";
}

static char *
format_state (DgInvoice  *invoice,
              const char *today)
{
  const char *label = dg_invoice_state_get_label (dg_invoice_get_state (invoice));

  if (dg_invoice_is_overdue (invoice, today))
    /* Translators: an invoice's state, such as “Issued”, when its due date has passed */
    return g_strdup_printf (_("%s, overdue"), label);

  return g_strdup (label);
}

static char *
format_period (DgInvoice *invoice)
{
  /* Translators: a service period, from its first to its last day */
  return g_strdup_printf (_("%s to %s"), dg_invoice_get_period_start (invoice),
                          dg_invoice_get_period_end (invoice));
}

/* Hours in hours and minutes ("1:30 h"), exactly as the printed invoice
 * has them: rounded decimal hours ("0.12 h" for 7 minutes) would not
 * multiply to the line's amount. Anything else as a count of units. */
static char *
format_quantity (const DgInvoiceLine *line)
{
  if (line->kind == DG_INVOICE_LINE_HOURS)
    {
      g_autofree char *hours = dg_duration_format_minutes (line->minutes);

      /* Translators: hours and minutes on an invoice line, such as “1:30 h” */
      return g_strdup_printf (_("%s h"), hours);
    }

  return g_strdup_printf ("%" G_GINT64_FORMAT, line->quantity);
}

static char *
format_unit_price (DgInvoice           *invoice,
                   const DgInvoiceLine *line)
{
  g_autofree char *price = format_invoice_money (invoice, line->unit_price, FALSE);

  if (line->kind == DG_INVOICE_LINE_HOURS)
    /* Translators: an hourly rate on an invoice line, such as “€12.50/h” */
    return g_strdup_printf (_("%s/h"), price);

  return g_steal_pointer (&price);
}

/* The invoice with @id, or NULL with an error that names the ID, as the
 * other commands say it of their records. */
static DgInvoice *
find_invoice (DgInvoiceStore  *store,
              gint64           id,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  DgInvoice *invoice = dg_invoice_store_get (store, id, &local_error);

  if (invoice == NULL)
    {
      if (g_error_matches (local_error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND))
        {
          g_autofree char *id_text = format_id (id);

          g_set_error (error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND,
                       _("There is no invoice with the ID %s."), id_text);
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
    }

  return invoice;
}

/* ---- one invoice, as text or JSON ---------------------------------------- */

/* What “invoice show” prints beside the invoice itself: the entries each
 * line billed (the way back to the work) and the invoice's history. */
typedef struct
{
  DgInvoice  *invoice;
  GPtrArray  *line_entries;  /* GArray of gint64 per line, by position */
  GPtrArray  *history;       /* DgAuditEvent */
  const char *today;
} InvoiceDetails;

static void
invoice_details_clear (InvoiceDetails *details)
{
  g_clear_object (&details->invoice);
  g_clear_pointer (&details->line_entries, g_ptr_array_unref);
  g_clear_pointer (&details->history, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (InvoiceDetails, invoice_details_clear)

/* Loads what the invoice with @id shows; @today lives as long as @details. */
static gboolean
invoice_details_load (InvoiceDetails  *details,
                      DgInvoiceStore  *store,
                      gint64           id,
                      const char      *today,
                      GError         **error)
{
  GPtrArray *lines;

  details->today = today;
  details->invoice = find_invoice (store, id, error);
  if (details->invoice == NULL)
    return FALSE;

  lines = dg_invoice_get_lines (details->invoice);
  details->line_entries = g_ptr_array_new_full (lines->len, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < lines->len; i++)
    {
      const DgInvoiceLine *line = g_ptr_array_index (lines, i);
      GArray *entry_ids = dg_invoice_store_list_line_entries (store, line->id, error);

      if (entry_ids == NULL)
        return FALSE;
      g_ptr_array_add (details->line_entries, entry_ids);
    }

  details->history = dg_invoice_store_list_audit (store, id, error);

  return details->history != NULL;
}

static void
add_money_json (JsonBuilder *builder,
                DgInvoice   *invoice,
                const char  *member,
                gint64       minor)
{
  g_autofree char *minor_member = g_strconcat (member, "_minor", NULL);
  g_autofree char *plain = format_invoice_money (invoice, minor, TRUE);

  dg_cli_json_add_int (builder, minor_member, minor);
  dg_cli_json_add_string (builder, member, plain);
}

/* The members every listed invoice has. */
static void
add_invoice_json (JsonBuilder *builder,
                  DgInvoice   *invoice,
                  const char  *today)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (invoice);
  DgInvoiceState state = dg_invoice_get_state (invoice);

  dg_cli_json_add_int (builder, "id", dg_invoice_get_id (invoice));
  dg_cli_json_add_string (builder, "kind", kind_to_string (dg_invoice_get_kind (invoice)));
  dg_cli_json_add_string (builder, "state", dg_invoice_state_to_string (state));
  dg_cli_json_add_string (builder, "number", dg_invoice_get_number (invoice));
  dg_cli_json_add_int (builder, "assistant_id", dg_invoice_get_assistant_id (invoice));
  dg_cli_json_add_string (builder, "assistant", dg_invoice_get_assistant_name (invoice));
  dg_cli_json_add_string (builder, "period_start", dg_invoice_get_period_start (invoice));
  dg_cli_json_add_string (builder, "period_end", dg_invoice_get_period_end (invoice));
  dg_cli_json_add_string (builder, "grouping",
                          dg_invoice_grouping_to_string (dg_invoice_get_grouping (invoice)));
  dg_cli_json_add_string (builder, "currency", dg_invoice_get_currency (invoice));
  dg_cli_json_add_string (builder, "language", dg_invoice_get_language (invoice));
  dg_cli_json_add_string (builder, "paper", dg_paper_to_string (dg_invoice_get_paper (invoice)));
  dg_cli_json_add_string (builder, "tax_status",
                          parties != NULL ? dg_tax_status_to_string (parties->tax_status) : "");
  dg_cli_json_add_string (builder, "issue_date", dg_invoice_get_issue_date (invoice));
  dg_cli_json_add_string (builder, "due_date", dg_invoice_get_due_date (invoice));
  dg_cli_json_add_boolean (builder, "overdue", dg_invoice_is_overdue (invoice, today));
  dg_cli_json_add_string (builder, "paid_date", dg_invoice_get_paid_date (invoice));
  add_money_json (builder, invoice, "paid_amount", dg_invoice_get_paid_amount (invoice));
  dg_cli_json_add_int (builder, "cancels_id", dg_invoice_get_cancels_id (invoice));
  dg_cli_json_add_string (builder, "cancels_number", dg_invoice_get_cancels_number (invoice));
  dg_cli_json_add_int (builder, "cancelled_by_id", dg_invoice_get_cancelled_by_id (invoice));
  dg_cli_json_add_string (builder, "cancelled_by_number",
                          dg_invoice_get_cancelled_by_number (invoice));
  dg_cli_json_add_string (builder, "cancel_reason", dg_invoice_get_cancel_reason (invoice));
  add_money_json (builder, invoice, "net_total", dg_invoice_get_net_total (invoice).minor);
  add_money_json (builder, invoice, "tax_total", dg_invoice_get_tax_total (invoice).minor);
  add_money_json (builder, invoice, "total", dg_invoice_get_total (invoice).minor);
}

static void
add_line_json (JsonBuilder *builder,
               guint        index,
               gpointer     user_data)
{
  InvoiceDetails *details = user_data;
  const DgInvoiceLine *line = g_ptr_array_index (dg_invoice_get_lines (details->invoice), index);
  GArray *entry_ids = g_ptr_array_index (details->line_entries, index);

  dg_cli_json_add_int (builder, "id", line->id);
  dg_cli_json_add_int (builder, "position", line->position);
  dg_cli_json_add_string (builder, "kind", dg_invoice_line_kind_to_string (line->kind));
  dg_cli_json_add_string (builder, "date", line->service_date);
  dg_cli_json_add_string (builder, "description", line->description);
  dg_cli_json_add_int (builder, "task_id", line->task_id);
  dg_cli_json_add_string (builder, "recurrence_id", line->recurrence_id);
  dg_cli_json_add_int (builder, "handbook_id", line->handbook_id);
  dg_cli_json_add_int (builder, "handbook_version", line->handbook_version);
  dg_cli_json_add_int (builder, "minutes", line->minutes);
  dg_cli_json_add_int (builder, "quantity", line->quantity);
  add_money_json (builder, details->invoice, "unit_price", line->unit_price);
  add_money_json (builder, details->invoice, "amount", line->amount);
  dg_cli_json_add_int (builder, "tax_rate", line->tax_rate);

  json_builder_set_member_name (builder, "entry_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entry_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (entry_ids, gint64, i));
  json_builder_end_array (builder);
}

static void
add_tax_group_json (JsonBuilder *builder,
                    guint        index,
                    gpointer     user_data)
{
  DgInvoice *invoice = user_data;
  const DgInvoiceTaxGroup *group = g_ptr_array_index (dg_invoice_get_tax_groups (invoice), index);

  dg_cli_json_add_int (builder, "tax_rate", group->tax_rate);
  add_money_json (builder, invoice, "net", group->net);
  add_money_json (builder, invoice, "tax", group->tax);
}

static void
add_parties_json (JsonBuilder            *builder,
                  const DgInvoiceParties *parties)
{
  json_builder_set_member_name (builder, "parties");
  json_builder_begin_object (builder);
  dg_cli_json_add_string (builder, "business_name", parties->business_name);
  dg_cli_json_add_string (builder, "business_address", parties->business_address);
  dg_cli_json_add_string (builder, "business_tax_number", parties->business_tax_number);
  dg_cli_json_add_string (builder, "business_vat_id", parties->business_vat_id);
  dg_cli_json_add_string (builder, "business_email", parties->business_email);
  dg_cli_json_add_string (builder, "assistant_name", parties->assistant_name);
  dg_cli_json_add_string (builder, "assistant_address", parties->assistant_address);
  dg_cli_json_add_string (builder, "assistant_country", parties->assistant_country);
  dg_cli_json_add_string (builder, "assistant_email", parties->assistant_email);
  dg_cli_json_add_string (builder, "assistant_tax_number", parties->assistant_tax_number);
  dg_cli_json_add_string (builder, "assistant_vat_id", parties->assistant_vat_id);
  dg_cli_json_add_string (builder, "assistant_iban", parties->assistant_iban);
  dg_cli_json_add_string (builder, "assistant_bic", parties->assistant_bic);
  dg_cli_json_add_string (builder, "self_billing_date", parties->self_billing_date);
  dg_cli_json_add_string (builder, "tax_status", dg_tax_status_to_string (parties->tax_status));
  dg_cli_json_add_int (builder, "vat_rate", parties->vat_rate);
  json_builder_end_object (builder);
}

static void
add_audit_json (JsonBuilder *builder,
                guint        index,
                gpointer     user_data)
{
  DgAuditEvent *event = g_ptr_array_index ((GPtrArray *) user_data, index);
  g_autofree char *at = g_date_time_format (dg_audit_event_get_at (event), "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *description = dg_audit_event_describe (event);

  dg_cli_json_add_string (builder, "at", at);
  dg_cli_json_add_string (builder, "old_state", dg_audit_event_get_old_state (event));
  dg_cli_json_add_string (builder, "new_state", dg_audit_event_get_new_state (event));
  dg_cli_json_add_string (builder, "reason", dg_audit_event_get_reason (event));
  dg_cli_json_add_string (builder, "summary", dg_audit_event_get_summary (event));
  dg_cli_json_add_string (builder, "description", description);
}

static void
print_invoice_json (InvoiceDetails *details)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  DgInvoice *invoice = details->invoice;
  const DgInvoiceParties *parties = dg_invoice_get_parties (invoice);

  json_builder_begin_object (builder);
  add_invoice_json (builder, invoice, details->today);
  dg_cli_json_add_objects (builder, "lines", dg_invoice_get_lines (invoice)->len,
                           add_line_json, details);
  dg_cli_json_add_objects (builder, "tax_groups", dg_invoice_get_tax_groups (invoice)->len,
                           add_tax_group_json, invoice);
  if (parties != NULL)
    add_parties_json (builder, parties);
  dg_cli_json_add_objects (builder, "history", details->history->len, add_audit_json,
                           details->history);
  json_builder_end_object (builder);

  dg_cli_print_json (builder);
}

static void
fill_line_row (char     **cells,
               guint      row,
               gpointer   user_data)
{
  DgInvoice *invoice = user_data;
  const DgInvoiceLine *line = g_ptr_array_index (dg_invoice_get_lines (invoice), row);

  cells[0] = g_strdup_printf ("%u", line->position);
  cells[1] = g_strdup (line->service_date);
  cells[2] = dg_cli_time_one_line (line->description);
  cells[3] = format_quantity (line);
  cells[4] = format_unit_price (invoice, line);
  cells[5] = format_invoice_money (invoice, line->amount, FALSE);
}

static void
fill_tax_group_row (char     **cells,
                    guint      row,
                    gpointer   user_data)
{
  DgInvoice *invoice = user_data;
  const DgInvoiceTaxGroup *group = g_ptr_array_index (dg_invoice_get_tax_groups (invoice), row);

  cells[0] = format_rate (group->tax_rate);
  cells[1] = format_invoice_money (invoice, group->net, FALSE);
  cells[2] = format_invoice_money (invoice, group->tax, FALSE);
}

static void
fill_history_row (char     **cells,
                  guint      row,
                  gpointer   user_data)
{
  DgAuditEvent *event = g_ptr_array_index ((GPtrArray *) user_data, row);
  g_autofree char *description = dg_audit_event_describe (event);

  /* The description names the reason already. */
  cells[0] = dg_cli_format_local_time (dg_audit_event_get_at (event));
  cells[1] = dg_cli_time_one_line (description);
}

static void
print_invoice_text (InvoiceDetails *details)
{
  DgInvoice *invoice = details->invoice;
  const DgInvoiceParties *parties = dg_invoice_get_parties (invoice);
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (DgCliField));
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (DgCliField));
  g_autofree char *id = format_id (dg_invoice_get_id (invoice));
  g_autofree char *kind = NULL;
  g_autofree char *state = format_state (invoice, details->today);
  g_autofree char *period = format_period (invoice);
  g_autofree char *paid = NULL;
  g_autofree char *net = format_invoice_money (invoice, dg_invoice_get_net_total (invoice).minor, FALSE);
  g_autofree char *tax = format_invoice_money (invoice, dg_invoice_get_tax_total (invoice).minor, FALSE);
  g_autofree char *total = format_invoice_money (invoice, dg_invoice_get_total (invoice).minor, FALSE);
  GPtrArray *lines = dg_invoice_get_lines (invoice);
  GPtrArray *tax_groups = dg_invoice_get_tax_groups (invoice);
  const char *number = dg_invoice_get_number (invoice);
  const char *line_headers[] = {
    _("Pos."), _("Date"), _("Description"), _("Quantity"), _("Unit price"), _("Amount"),
  };
  const char *tax_headers[] = { _("Tax rate"), _("Net"), _("Tax") };
  const char *history_headers[] = { _("When"), _("Change") };

  if (dg_invoice_get_kind (invoice) == DG_INVOICE_KIND_CANCELLATION)
    /* Translators: the kind of an invoice that cancels the one with this number */
    kind = g_strdup_printf (_("Cancellation of %s"), dg_invoice_get_cancels_number (invoice));
  else
    kind = g_strdup (_("Self-billing invoice"));

  dg_cli_add_field (fields, _("Number"), *number != '\0' ? number : _("None yet: a draft"));
  dg_cli_add_field (fields, _("ID"), id);
  dg_cli_add_field (fields, _("Kind"), kind);
  dg_cli_add_field (fields, _("State"), state);
  dg_cli_add_field (fields, _("Assistant"), dg_invoice_get_assistant_name (invoice));
  dg_cli_add_field (fields, _("Service period"), period);
  if (*dg_invoice_get_issue_date (invoice) != '\0')
    dg_cli_add_field (fields, _("Issue date"), dg_invoice_get_issue_date (invoice));
  if (*dg_invoice_get_due_date (invoice) != '\0')
    dg_cli_add_field (fields, _("Due date"), dg_invoice_get_due_date (invoice));
  if (*dg_invoice_get_paid_date (invoice) != '\0')
    {
      g_autofree char *amount = format_invoice_money (invoice, dg_invoice_get_paid_amount (invoice), FALSE);

      /* Translators: a payment: its amount and its date */
      paid = g_strdup_printf (_("%s on %s"), amount, dg_invoice_get_paid_date (invoice));
      dg_cli_add_field (fields, _("Paid"), paid);
    }
  if (*dg_invoice_get_cancelled_by_number (invoice) != '\0')
    dg_cli_add_field (fields, _("Cancelled by"), dg_invoice_get_cancelled_by_number (invoice));
  if (*dg_invoice_get_cancel_reason (invoice) != '\0')
    dg_cli_add_field (fields, _("Reason for the cancellation"), dg_invoice_get_cancel_reason (invoice));
  dg_cli_add_field (fields, _("Currency"), dg_invoice_get_currency (invoice));
  dg_cli_add_field (fields, _("Language"), dg_invoice_get_language (invoice));
  if (parties != NULL)
    dg_cli_add_field (fields, _("Tax"), dg_tax_status_get_label (parties->tax_status));
  dg_cli_print_fields ((const DgCliField *) fields->data, fields->len);

  g_print ("\n%s\n", _("Lines:"));
  if (lines->len == 0)
    g_print ("  %s\n", _("None."));
  else
    dg_cli_print_filled_table (line_headers, G_N_ELEMENTS (line_headers), lines->len,
                               fill_line_row, invoice);

  if (tax_groups->len > 0)
    {
      g_print ("\n");
      dg_cli_print_filled_table (tax_headers, G_N_ELEMENTS (tax_headers), tax_groups->len,
                                 fill_tax_group_row, invoice);
    }

  g_print ("\n");
  dg_cli_add_field (totals, _("Net total"), net);
  dg_cli_add_field (totals, _("Tax"), tax);
  dg_cli_add_field (totals, _("Total"), total);
  dg_cli_print_fields ((const DgCliField *) totals->data, totals->len);

  g_print ("\n%s\n", _("History:"));
  if (details->history->len == 0)
    g_print ("  %s\n", _("None."));
  else
    dg_cli_print_filled_table (history_headers, G_N_ELEMENTS (history_headers),
                               details->history->len, fill_history_row, details->history);
}

/* Prints the invoice with @id as it is stored now, as “invoice show” does. */
static int
show_invoice (DgInvoiceStore *store,
              gint64          id,
              gboolean        json)
{
  g_auto(InvoiceDetails) details = { NULL };
  g_autofree char *today = format_today ();
  g_autoptr(GError) error = NULL;

  if (!invoice_details_load (&details, store, id, today, &error))
    return dg_cli_fail (error);

  if (json)
    print_invoice_json (&details);
  else
    print_invoice_text (&details);

  return DG_CLI_EXIT_OK;
}

/* ---- invoice draft and refresh ------------------------------------------- */

/* --by-entry and --by-task: on a usage error (both) prints it and returns
 * FALSE; neither leaves @out_grouping as it is. */
static gboolean
choose_grouping (gboolean           by_entry,
                 gboolean           by_task,
                 DgInvoiceGrouping *out_grouping)
{
  if (by_entry && by_task)
    {
      dg_cli_usage_error (_("Give either --by-entry or --by-task, not both."));
      return FALSE;
    }

  if (by_entry)
    *out_grouping = DG_INVOICE_GROUPING_BY_ENTRY;
  else if (by_task)
    *out_grouping = DG_INVOICE_GROUPING_BY_TASK;

  return TRUE;
}

static int
run_invoice_draft (DgCli              *cli,
                   const DgCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean by_entry = FALSE;
  gboolean by_task = FALSE;
  gboolean json = FALSE;
  DgInvoiceGrouping grouping = DG_INVOICE_GROUPING_BY_TASK;
  gint64 assistant_id;
  GDate from, to;
  const GOptionEntry entries[] = {
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("The ID of the assistant"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day of the service period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day of the service period"), N_("YYYY-MM-DD") },
    { "by-entry", 0, 0, G_OPTION_ARG_NONE, &by_entry, N_("One line per time entry"), NULL },
    { "by-task", 0, 0, G_OPTION_ARG_NONE, &by_task, N_("One line per task, its hours summed (the default)"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("--assistant, --from and --to are required. The draft "
                                       "bills the assistant’s approved hours of the period that "
                                       "no invoice bills yet, and the fixed-fee tasks done in "
                                       "it, in the assistant’s currency; the days are the "
                                       "assistant’s local dates. A draft can still be changed "
                                       "and deleted; “invoice issue” gives it its number."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id) ||
      !choose_grouping (by_entry, by_task, &grouping))
    return DG_CLI_EXIT_USAGE;

  if (assistant_text == NULL || from_text == NULL || to_text == NULL)
    return dg_cli_usage_error (_("The option %s is required."),
                               assistant_text == NULL ? "--assistant"
                               : from_text == NULL ? "--from" : "--to");

  if (!dg_cli_time_parse_date (from_text, &from, &error) ||
      !dg_cli_time_parse_date (to_text, &to, &error) ||
      !dg_cli_stores_open (&stores, cli, 0, &error) ||
      !dg_cli_find_assistant (stores.assistants, assistant_id, &error) ||
      !(store = open_invoice_store (cli, &error)) ||
      !(invoice = dg_invoice_store_create_draft (store, assistant_id, &from, &to, grouping, &error)))
    return dg_cli_fail (error);

  return show_invoice (store, dg_invoice_get_id (invoice), json);
}

static int
run_invoice_refresh (DgCli              *cli,
                     const DgCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(DgInvoice) refreshed = NULL;
  g_autoptr(GError) error = NULL;
  gboolean by_entry = FALSE;
  gboolean by_task = FALSE;
  gboolean json = FALSE;
  DgInvoiceGrouping grouping;
  gint64 id;
  const GOptionEntry entries[] = {
    { "by-entry", 0, 0, G_OPTION_ARG_NONE, &by_entry, N_("One line per time entry"), NULL },
    { "by-task", 0, 0, G_OPTION_ARG_NONE, &by_task, N_("One line per task, its hours summed"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("Builds the draft’s lines of hours and fixed fees again "
                                       "from what is approved and not yet invoiced now, as after "
                                       "hours were approved or a week reopened. Lines added with "
                                       "“invoice line add” are kept. Without --by-entry or "
                                       "--by-task the lines are made as before."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (!(store = open_invoice_store (cli, &error)) ||
      !(invoice = find_invoice (store, id, &error)))
    return dg_cli_fail (error);

  grouping = dg_invoice_get_grouping (invoice);
  if (!choose_grouping (by_entry, by_task, &grouping))
    return DG_CLI_EXIT_USAGE;

  if (!(refreshed = dg_invoice_store_refresh_draft (store, id, grouping, &error)))
    return dg_cli_fail (error);

  return show_invoice (store, id, json);
}

/* ---- invoice line add and remove ----------------------------------------- */

static int
run_line_add (DgCli              *cli,
              const DgCliCommand *command,
              int                 argc,
              char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *quantity_text = NULL;
  gboolean json = FALSE;
  gint64 quantity = 1;
  DgMoney amount;
  gint64 id;
  const GOptionEntry entries[] = {
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What the line bills, as printed"), N_("TEXT") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("The price of one unit; negative for a discount"), N_("AMOUNT") },
    { "quantity", 0, 0, G_OPTION_ARG_STRING, &quantity_text, N_("How many units (1 when not given)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("--description and --amount are required. Adds a line "
                                       "to a draft, such as an expense or, with a negative "
                                       "amount, a discount. The amount is in the invoice’s "
                                       "currency; the line is taxed at the invoice’s rate."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id) ||
      (quantity_text != NULL && !parse_count_option ("--quantity", quantity_text, &quantity)))
    return DG_CLI_EXIT_USAGE;

  if (description == NULL || amount_text == NULL)
    return dg_cli_usage_error (_("The option %s is required."),
                               description == NULL ? "--description" : "--amount");

  if (!(store = open_invoice_store (cli, &error)) ||
      !(invoice = find_invoice (store, id, &error)) ||
      !dg_money_parse (amount_text, dg_invoice_get_currency (invoice), &amount, &error) ||
      !dg_invoice_store_add_line (store, id, description, quantity, amount.minor, &error))
    return dg_cli_fail (error);

  return show_invoice (store, id, json);
}

static int
run_line_remove (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  const DgInvoiceLine *line = NULL;
  gboolean json = FALSE;
  GPtrArray *lines;
  guint64 position;
  gint64 id;

  context = dg_cli_option_context_new (N_("ID LINE"), command->summary);
  g_option_context_set_description (context,
                                    N_("LINE is the line’s position, as “invoice show” lists "
                                       "it. Removes it from a draft; the hours it billed can be "
                                       "billed again. The lines after it move up."));
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_options (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (argc < 3)
    return dg_cli_usage_error (argc < 2 ? _("The ID is missing.")
                                        : _("The line’s position is missing."));
  if (argc > 3)
    return dg_cli_usage_error (_("The argument “%s” was not expected."), argv[3]);

  if (!dg_cli_parse_id_option (argv[1], &id))
    return DG_CLI_EXIT_USAGE;

  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXUINT, &position, NULL))
    return dg_cli_usage_error (_("“%s” is not a line’s position: a position is a whole number "
                                 "from 1 up."), argv[2]);

  if (!(store = open_invoice_store (cli, &error)) ||
      !(invoice = find_invoice (store, id, &error)))
    return dg_cli_fail (error);

  lines = dg_invoice_get_lines (invoice);
  for (guint i = 0; i < lines->len && line == NULL; i++)
    {
      const DgInvoiceLine *candidate = g_ptr_array_index (lines, i);

      if (candidate->position == position)
        line = candidate;
    }

  if (line == NULL)
    {
      g_autofree char *name = describe_invoice (invoice);

      g_set_error (&error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOT_FOUND,
                   _("The invoice %s has no line %s; “delegate-cli invoice show %s” lists its lines."),
                   name, argv[2], argv[1]);
      return dg_cli_fail (error);
    }

  if (!dg_invoice_store_remove_line (store, id, line->id, &error))
    return dg_cli_fail (error);

  return show_invoice (store, id, json);
}

static const DgCliCommand line_commands[] = {
  { "add", N_("Add a line to a draft: an expense, or a discount"), run_line_add },
  { "remove", N_("Remove a line from a draft"), run_line_remove },
  { NULL }
};

static int
run_invoice_line (DgCli              *cli,
                  const DgCliCommand *command,
                  int                 argc,
                  char              **argv)
{
  return dg_cli_run_group (cli, command, line_commands, argc, argv);
}

/* ---- invoice delete -------------------------------------------------------- */

static int
run_invoice_delete (DgCli              *cli,
                    const DgCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("Deletes a draft; the hours it billed can be billed "
                                       "again. An issued invoice is never deleted: cancel it "
                                       "with “invoice cancel”."));

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (!(store = open_invoice_store (cli, &error)) ||
      !(invoice = find_invoice (store, id, &error)) ||
      !dg_invoice_store_delete_draft (store, id, &error))
    return dg_cli_fail (error);

  /* Translators: %s is the draft's ID */
  g_print (_("Deleted the draft #%s."), argv[1]);
  g_print ("\n");

  return DG_CLI_EXIT_OK;
}

/* ---- invoice issue --------------------------------------------------------- */

static int
run_invoice_issue (DgCli              *cli,
                   const DgCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(DgInvoice) draft = NULL;
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  gboolean json = FALSE;
  GDate date;
  gint64 id;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The issue date (today when not given)"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("Gives the draft the next number of the invoice series, "
                                       "freezes its lines and both parties’ details, marks the "
                                       "hours it bills as invoiced and stores its PDF, all at "
                                       "once, and prints the number. This cannot be undone: an "
                                       "issued invoice is only ever cancelled. Refused when the "
                                       "business profile or the assistant lacks a detail the "
                                       "invoice must show, or when hours of the draft were "
                                       "reopened or invoiced since (run “invoice refresh”)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (!parse_date_or_today (date_text, &date, &error) ||
      !(store = open_invoice_store (cli, &error)) ||
      !(draft = find_invoice (store, id, &error)) ||
      !(invoice = dg_invoice_store_issue (store, id, &date, &error)))
    return dg_cli_fail (error);

  if (json)
    return show_invoice (store, id, TRUE);

  g_print ("%s\n", dg_invoice_get_number (invoice));

  return DG_CLI_EXIT_OK;
}

/* ---- invoice list ------------------------------------------------------------ */

typedef struct
{
  GPtrArray  *invoices;
  const char *today;
} InvoiceList;

static void
add_listed_invoice_json (JsonBuilder *builder,
                         guint        index,
                         gpointer     user_data)
{
  InvoiceList *list = user_data;

  add_invoice_json (builder, g_ptr_array_index (list->invoices, index), list->today);
}

static void
fill_invoice_row (char     **cells,
                  guint      row,
                  gpointer   user_data)
{
  InvoiceList *list = user_data;
  DgInvoice *invoice = g_ptr_array_index (list->invoices, row);

  cells[0] = format_id (dg_invoice_get_id (invoice));
  cells[1] = describe_invoice (invoice);
  cells[2] = g_strdup (dg_invoice_get_assistant_name (invoice));
  cells[3] = format_period (invoice);
  cells[4] = format_invoice_money (invoice, dg_invoice_get_total (invoice).minor, FALSE);
  cells[5] = format_state (invoice, list->today);
  cells[6] = g_strdup (dg_invoice_get_due_date (invoice));
}

static int
run_invoice_list (DgCli              *cli,
                  const DgCliCommand *command,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(DgCliStores) stores = { NULL };
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *today = format_today ();
  gboolean drafts = FALSE;
  gboolean unpaid = FALSE;
  gboolean json = FALSE;
  DgInvoiceFilter filter;
  InvoiceList list;
  gint64 assistant_id;
  const GOptionEntry entries[] = {
    { "drafts", 0, 0, G_OPTION_ARG_NONE, &drafts, N_("Only drafts"), NULL },
    { "unpaid", 0, 0, G_OPTION_ARG_NONE, &unpaid, N_("Only issued invoices not paid yet, the oldest due first"), NULL },
    { "assistant", 0, 0, G_OPTION_ARG_STRING, &assistant_text, N_("Only the invoices of this assistant"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("Lists every invoice, cancellations too: drafts first, "
                                       "then the newest issued. An issued invoice not paid by "
                                       "its due date is overdue."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv) ||
      !dg_cli_parse_id_option (assistant_text, &assistant_id))
    return DG_CLI_EXIT_USAGE;

  if (drafts && unpaid)
    return dg_cli_usage_error (_("Give either --drafts or --unpaid, not both."));
  filter = drafts ? DG_INVOICE_FILTER_DRAFTS : unpaid ? DG_INVOICE_FILTER_UNPAID : DG_INVOICE_FILTER_ALL;

  if ((assistant_id != 0 &&
       (!dg_cli_stores_open (&stores, cli, 0, &error) ||
        !dg_cli_find_assistant (stores.assistants, assistant_id, &error))) ||
      !(store = open_invoice_store (cli, &error)) ||
      !(invoices = dg_invoice_store_list (store, filter, assistant_id, &error)))
    return dg_cli_fail (error);

  list.invoices = invoices;
  list.today = today;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      dg_cli_json_add_objects (builder, NULL, invoices->len, add_listed_invoice_json, &list);
      dg_cli_print_json (builder);
    }
  else if (invoices->len == 0)
    {
      g_print ("%s\n", drafts ? _("There are no drafts.")
                       : unpaid ? _("No invoice is waiting for payment.")
                       : _("There are no invoices."));
    }
  else
    {
      const char *headers[] = {
        _("ID"), _("Number"), _("Assistant"), _("Period"), _("Total"), _("State"), _("Due"),
      };

      dg_cli_print_filled_table (headers, G_N_ELEMENTS (headers), invoices->len,
                                 fill_invoice_row, &list);
    }

  return DG_CLI_EXIT_OK;
}

/* ---- invoice show ------------------------------------------------------------ */

static int
run_invoice_show (DgCli              *cli,
                  const DgCliCommand *command,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gint64 id;

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("Shows the invoice’s number, state and dates, its lines "
                                       "with their positions, the net and tax per tax rate, the "
                                       "totals, the payment, the cancellation that refers to it "
                                       "or that it is, and its history. The JSON lists, for each "
                                       "line, the time entries it bills."));
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (!(store = open_invoice_store (cli, &error)))
    return dg_cli_fail (error);

  return show_invoice (store, id, json);
}

/* ---- invoice pdf --------------------------------------------------------------- */

/* Writes @bytes to @path: a new file, or with @force in place of one that
 * exists (through a temporary file, so that a failure keeps the old one). */
static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            gboolean     force,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_path = g_filename_display_name (path);
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  if (force)
    {
      if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, NULL, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("The file “%s” could not be written: %s"), display_path,
                       local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  /* Created only when it does not exist, which is checked and done in one step. */
  stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                     _("The file “%s” exists already. Give --force to replace it, or another "
                       "file name."), display_path);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("The file “%s” could not be written: %s"), display_path,
                     local_error->message);
      return FALSE;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, size, NULL, NULL, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      /* No half-written PDF left behind to be mistaken for the invoice. */
      g_file_delete (file, NULL, NULL);
      g_set_error (error, local_error->domain, local_error->code,
                   _("The file “%s” could not be written: %s"), display_path,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

static int
run_invoice_pdf (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display_path = NULL;
  gboolean force = FALSE;
  gboolean draft;
  gint64 id;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the file if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("-o is required. An issued invoice is written exactly as "
                                       "it was stored when it was issued, so that every copy is "
                                       "the same document. A draft is written as a preview, "
                                       "marked as a draft and without a number. An existing file "
                                       "is only replaced with --force."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (output == NULL)
    return dg_cli_usage_error (_("The option %s is required."), "-o");

  if (!(store = open_invoice_store (cli, &error)) ||
      !(invoice = find_invoice (store, id, &error)))
    return dg_cli_fail (error);

  draft = dg_invoice_get_state (invoice) == DG_INVOICE_STATE_DRAFT;
  if (draft)
    {
      g_autoptr(DgInvoiceDocument) document = dg_invoice_document_new (invoice);

      pdf = dg_invoice_document_render_pdf (document, &error);
    }
  else
    {
      pdf = dg_invoice_store_get_pdf (store, id, &error);
    }

  if (pdf == NULL || !write_file (output, pdf, force, &error))
    return dg_cli_fail (error);

  name = describe_invoice (invoice);
  display_path = g_filename_display_name (output);
  if (draft)
    /* Translators: the first %s is a draft, such as “draft #5”, the second a file */
    g_print (_("Wrote a preview of the %s to “%s”."), name, display_path);
  else
    /* Translators: the first %s is an invoice number, the second a file */
    g_print (_("Wrote the invoice %s to “%s”."), name, display_path);
  g_print ("\n");

  return DG_CLI_EXIT_OK;
}

/* ---- invoice pay and cancel -------------------------------------------------- */

static int
run_invoice_pay (DgCli              *cli,
                 const DgCliCommand *command,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  DgMoney paid;
  GDate paid_date;
  gint64 id;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The day it was paid (today when not given)"), N_("YYYY-MM-DD") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount_text, N_("The amount paid (the total when not given)"), N_("AMOUNT") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("Records that an issued invoice was paid, in the "
                                       "invoice’s currency. An invoice that is paid is no longer "
                                       "overdue."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (!parse_date_or_today (date_text, &paid_date, &error) ||
      !(store = open_invoice_store (cli, &error)) ||
      !(invoice = find_invoice (store, id, &error)))
    return dg_cli_fail (error);

  if (amount_text == NULL)
    paid = dg_invoice_get_total (invoice);
  else if (!dg_money_parse (amount_text, dg_invoice_get_currency (invoice), &paid, &error))
    return dg_cli_fail (error);

  if (!dg_invoice_store_mark_paid (store, id, &paid_date, paid.minor, &error))
    return dg_cli_fail (error);

  if (json)
    return show_invoice (store, id, TRUE);

  amount = format_invoice_money (invoice, paid.minor, FALSE);
  date = dg_cli_format_date (&paid_date);
  /* Translators: an invoice number, an amount and a date */
  g_print (_("Recorded the payment of %s: %s on %s."), dg_invoice_get_number (invoice), amount, date);
  g_print ("\n");

  return DG_CLI_EXIT_OK;
}

static int
run_invoice_cancel (DgCli              *cli,
                    const DgCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgInvoiceStore) store = NULL;
  g_autoptr(DgInvoice) invoice = NULL;
  g_autoptr(DgInvoice) cancellation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *reason = NULL;
  gboolean json = FALSE;
  GDate date;
  gint64 id;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the invoice is cancelled"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The date of the cancellation (today when not given)"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("--reason is required. Issues a cancellation invoice "
                                       "with the next number of the cancellation series, the "
                                       "same lines with negative amounts and a reference to the "
                                       "invoice, and prints its number. The hours the invoice "
                                       "billed can then be billed again by a new draft."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (reason == NULL)
    return dg_cli_usage_error (_("Give the reason with --reason: the cancellation and the "
                                 "history keep it."));

  if (!parse_date_or_today (date_text, &date, &error) ||
      !(store = open_invoice_store (cli, &error)) ||
      !(invoice = find_invoice (store, id, &error)) ||
      !(cancellation = dg_invoice_store_cancel (store, id, &date, reason, &error)))
    return dg_cli_fail (error);

  if (json)
    return show_invoice (store, dg_invoice_get_id (cancellation), TRUE);

  g_print ("%s\n", dg_invoice_get_number (cancellation));

  return DG_CLI_EXIT_OK;
}

static const DgCliCommand invoice_commands[] = {
  { "list", N_("List invoices: all, drafts or unpaid"), run_invoice_list },
  { "show", N_("Show an invoice’s lines, totals, payment and history"), run_invoice_show },
  { "draft", N_("Draft an invoice of an assistant’s approved work in a period"), run_invoice_draft },
  { "line", N_("Add or remove lines of a draft"), run_invoice_line },
  { "refresh", N_("Build a draft’s lines again from the work invoiceable now"), run_invoice_refresh },
  { "delete", N_("Delete a draft"), run_invoice_delete },
  { "issue", N_("Issue a draft: give it its number and freeze it"), run_invoice_issue },
  { "pdf", N_("Write an invoice, or a draft’s preview, as a PDF file"), run_invoice_pdf },
  { "pay", N_("Record the payment of an issued invoice"), run_invoice_pay },
  { "cancel", N_("Cancel an issued invoice with a cancellation invoice"), run_invoice_cancel },
  { NULL }
};

int
dg_cli_invoice_run (DgCli              *cli,
                    const DgCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  return dg_cli_run_group (cli, command, invoice_commands, argc, argv);
}
