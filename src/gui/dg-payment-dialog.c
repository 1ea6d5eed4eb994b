/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-payment-dialog"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dg-form-row.h"
#include "dg-payment-dialog.h"
#include "dg-validation.h"

struct _DgPaymentDialog
{
  AdwWindow       parent_instance;

  DgInvoiceStore *store;
  DgInvoice      *invoice;

  AdwEntryRow    *date_row;
  GtkLabel       *amount_label;
  GtkLabel       *field_errors;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (DgPaymentDialog, dg_payment_dialog, ADW_TYPE_WINDOW)

static void
show_error (DgPaymentDialog *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_field_changed (DgPaymentDialog *self)
{
  show_error (self, NULL);
}

/* "YYYY-MM-DD", not g_date_set_parse(), which reads the user's locale. */
static gboolean
read_date (DgPaymentDialog *self,
           GDate           *out_date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  guint year = 0, month = 0, day = 0;

  g_date_clear (out_date, 1);
  if (dg_validate_date (text, &error) && sscanf (text, "%4u-%2u-%2u", &year, &month, &day) == 3)
    g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  else if (error == NULL)
    g_set_error_literal (&error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                         _("Enter the date as year, month and day: 2026-11-30."));
  dg_form_row_set_error (GTK_WIDGET (self->date_row), self->field_errors, error);
  return error == NULL;
}

static void
on_record_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgPaymentDialog *self = DG_PAYMENT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!read_date (self, &date))
    return;

  if (!dg_invoice_store_mark_paid (self->store, dg_invoice_get_id (self->invoice), &date,
                                   dg_invoice_get_total (self->invoice).minor, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
dg_payment_dialog_dispose (GObject *object)
{
  DgPaymentDialog *self = DG_PAYMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_PAYMENT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->invoice);

  G_OBJECT_CLASS (dg_payment_dialog_parent_class)->dispose (object);
}

static void
dg_payment_dialog_class_init (DgPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_payment_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgPaymentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, DgPaymentDialog, amount_label);
  gtk_widget_class_bind_template_child (widget_class, DgPaymentDialog, field_errors);
  gtk_widget_class_bind_template_child (widget_class, DgPaymentDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "payment.record", NULL, on_record_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_payment_dialog_init (DgPaymentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DgPaymentDialog *
dg_payment_dialog_new (GtkWindow      *parent,
                       DgInvoiceStore *store,
                       DgInvoice      *invoice)
{
  DgPaymentDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *total = NULL;
  DgMoney money;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_INVOICE_STORE (store), NULL);
  g_return_val_if_fail (DG_IS_INVOICE (invoice), NULL);

  self = g_object_new (DG_TYPE_PAYMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->invoice = g_object_ref (invoice);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  money = dg_invoice_get_total (invoice);
  total = dg_money_format (&money);
  gtk_label_set_label (self->amount_label, total);
  return self;
}
