/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-new-invoice-dialog"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dg-form-row.h"
#include "dg-new-invoice-dialog.h"
#include "dg-validation.h"

struct _DgNewInvoiceDialog
{
  AdwWindow         parent_instance;

  DgInvoiceStore   *invoices;
  GArray           *assistant_ids;   /* gint64 per assistant_model item */

  GtkStringList    *assistant_model;
  AdwComboRow      *assistant_row;
  AdwEntryRow      *from_row;
  AdwEntryRow      *to_row;
  AdwComboRow      *grouping_row;
  GtkLabel         *field_errors;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (DgNewInvoiceDialog, dg_new_invoice_dialog, ADW_TYPE_WINDOW)

enum {
  INVOICE_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (DgNewInvoiceDialog *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A date typed as "YYYY-MM-DD" (not g_date_set_parse(), which reads the
 * user's locale); FALSE with the row marked. */
static gboolean
read_date (DgNewInvoiceDialog *self,
           AdwEntryRow        *row,
           GDate              *out_date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  guint year = 0, month = 0, day = 0;

  g_date_clear (out_date, 1);
  if (dg_validate_date (text, &error) && sscanf (text, "%4u-%2u-%2u", &year, &month, &day) == 3)
    g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  else if (error == NULL)
    g_set_error_literal (&error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                         _("Enter the date as year, month and day: 2026-11-30."));
  dg_form_row_set_error (GTK_WIDGET (row), self->field_errors, error);
  return error == NULL;
}

static gint64
selected_assistant_id (DgNewInvoiceDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->assistant_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->assistant_ids->len)
    return 0;
  return g_array_index (self->assistant_ids, gint64, selected);
}

/* A change to any field makes the last refusal out of date. */
static void
on_field_changed (DgNewInvoiceDialog *self)
{
  show_error (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-invoice.create", selected_assistant_id (self) != 0);
}

static void
on_create_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgNewInvoiceDialog *self = DG_NEW_INVOICE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgInvoice) draft = NULL;
  gint64 assistant_id = selected_assistant_id (self);
  gboolean from_ok, to_ok;
  GDate from, to;

  if (assistant_id == 0)
    return;
  from_ok = read_date (self, self->from_row, &from);
  to_ok = read_date (self, self->to_row, &to);
  if (!from_ok || !to_ok)
    return;

  draft = dg_invoice_store_create_draft (self->invoices, assistant_id, &from, &to,
                                         adw_combo_row_get_selected (self->grouping_row) == DG_INVOICE_GROUPING_BY_ENTRY
                                         ? DG_INVOICE_GROUPING_BY_ENTRY : DG_INVOICE_GROUPING_BY_TASK,
                                         &error);
  if (draft == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* Kept alive while the page reacts and the window closes. */
  g_object_ref (self);
  g_signal_emit (self, signals[INVOICE_CREATED], 0, dg_invoice_get_id (draft));
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

void
dg_new_invoice_dialog_default_period (const GDate *today,
                                      GDate       *out_from,
                                      GDate       *out_to)
{
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out_from != NULL && out_to != NULL);

  /* The first of this month, less a day: the last day of last month. */
  g_date_clear (out_to, 1);
  g_date_set_dmy (out_to, 1, g_date_get_month (today), g_date_get_year (today));
  g_date_subtract_days (out_to, 1);
  g_date_clear (out_from, 1);
  g_date_set_dmy (out_from, 1, g_date_get_month (out_to), g_date_get_year (out_to));
}

static void
set_date (AdwEntryRow *row,
          const GDate *date)
{
  char text[16];

  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
fill_assistants (DgNewInvoiceDialog *self,
                 DgAssistantStore   *assistants,
                 gint64              assistant_id)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (assistants));
  guint position = 0;

  /* Archived assistants too: their last hours may still be unbilled. The
   * store lists them by name. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (assistants), i);
      gint64 id = dg_assistant_get_id (assistant);

      if (id == assistant_id)
        position = self->assistant_ids->len;
      g_array_append_val (self->assistant_ids, id);
      g_ptr_array_add (names, (gpointer) dg_assistant_get_name (assistant));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->assistant_model, 0, 0, (const char * const *) names->pdata);
  if (n > 0)
    adw_combo_row_set_selected (self->assistant_row, position);
  else
    show_error (self, _("There is no assistant to invoice yet. Add one on the Assistants page first."));
}

static void
dg_new_invoice_dialog_dispose (GObject *object)
{
  DgNewInvoiceDialog *self = DG_NEW_INVOICE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_NEW_INVOICE_DIALOG);
  g_clear_object (&self->invoices);

  G_OBJECT_CLASS (dg_new_invoice_dialog_parent_class)->dispose (object);
}

static void
dg_new_invoice_dialog_finalize (GObject *object)
{
  DgNewInvoiceDialog *self = DG_NEW_INVOICE_DIALOG (object);

  g_clear_pointer (&self->assistant_ids, g_array_unref);

  G_OBJECT_CLASS (dg_new_invoice_dialog_parent_class)->finalize (object);
}

static void
dg_new_invoice_dialog_class_init (DgNewInvoiceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_new_invoice_dialog_dispose;
  object_class->finalize = dg_new_invoice_dialog_finalize;

  signals[INVOICE_CREATED] = g_signal_new ("invoice-created",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-new-invoice-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgNewInvoiceDialog, assistant_model);
  gtk_widget_class_bind_template_child (widget_class, DgNewInvoiceDialog, assistant_row);
  gtk_widget_class_bind_template_child (widget_class, DgNewInvoiceDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, DgNewInvoiceDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, DgNewInvoiceDialog, grouping_row);
  gtk_widget_class_bind_template_child (widget_class, DgNewInvoiceDialog, field_errors);
  gtk_widget_class_bind_template_child (widget_class, DgNewInvoiceDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "new-invoice.create", NULL, on_create_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_new_invoice_dialog_init (DgNewInvoiceDialog *self)
{
  self->assistant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

DgNewInvoiceDialog *
dg_new_invoice_dialog_new (GtkWindow        *parent,
                           DgInvoiceStore   *invoices,
                           DgAssistantStore *assistants,
                           gint64            assistant_id)
{
  DgNewInvoiceDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today, from, to;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_INVOICE_STORE (invoices), NULL);
  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (assistants), NULL);

  self = g_object_new (DG_TYPE_NEW_INVOICE_DIALOG, "transient-for", parent, NULL);
  self->invoices = g_object_ref (invoices);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  dg_new_invoice_dialog_default_period (&today, &from, &to);
  set_date (self->from_row, &from);
  set_date (self->to_row, &to);
  fill_assistants (self, assistants, assistant_id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-invoice.create", selected_assistant_id (self) != 0);
  return self;
}
