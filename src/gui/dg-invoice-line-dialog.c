/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-invoice-line-dialog"

#include <glib/gi18n.h>

#include "dg-form-row.h"
#include "dg-invoice-line-dialog.h"
#include "dg-validation.h"

/* As many units as anyone bills on one line; more is a typing error. */
#define MAX_QUANTITY G_GINT64_CONSTANT (1000000)

struct _DgInvoiceLineDialog
{
  AdwWindow       parent_instance;

  DgInvoiceStore *store;
  DgInvoice      *invoice;

  AdwEntryRow    *description_row;
  AdwEntryRow    *quantity_row;
  AdwEntryRow    *price_row;
  GtkLabel       *field_errors;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (DgInvoiceLineDialog, dg_invoice_line_dialog, ADW_TYPE_WINDOW)

static void
show_error (DgInvoiceLineDialog *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_field_changed (DgInvoiceLineDialog *self)
{
  show_error (self, NULL);
}

static gboolean
read_quantity (DgInvoiceLineDialog *self,
               gint64              *out_quantity)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->quantity_row))));
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, (guint64) MAX_QUANTITY, &value, NULL))
    /* Translators: %d is the largest quantity */
    g_set_error (&error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                 _("Enter the quantity as a whole number from 1 to %d."), (int) MAX_QUANTITY);
  dg_form_row_set_error (GTK_WIDGET (self->quantity_row), self->field_errors, error);
  *out_quantity = (gint64) value;
  return error == NULL;
}

static gboolean
read_price (DgInvoiceLineDialog *self,
            gint64              *out_price)
{
  g_autoptr(GError) error = NULL;
  DgMoney price = { 0 };

  if (dg_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->price_row))))
    g_set_error_literal (&error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                         _("Enter the price of one unit; a discount has a negative price."));
  else
    dg_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->price_row)),
                    dg_invoice_get_currency (self->invoice), &price, &error);
  dg_form_row_set_error (GTK_WIDGET (self->price_row), self->field_errors, error);
  *out_price = price.minor;
  return error == NULL;
}

static void
on_add_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DgInvoiceLineDialog *self = DG_INVOICE_LINE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
  g_autoptr(GError) description_error = NULL;
  gint64 quantity = 0, price = 0;
  gboolean quantity_ok, price_ok;

  if (description[0] == '\0')
    g_set_error_literal (&description_error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                         _("Describe the line as it should appear on the invoice."));
  dg_form_row_set_error (GTK_WIDGET (self->description_row), self->field_errors, description_error);
  quantity_ok = read_quantity (self, &quantity);
  price_ok = read_price (self, &price);
  if (description_error != NULL || !quantity_ok || !price_ok)
    return;

  if (!dg_invoice_store_add_line (self->store, dg_invoice_get_id (self->invoice), description, quantity, price,
                                  &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
dg_invoice_line_dialog_dispose (GObject *object)
{
  DgInvoiceLineDialog *self = DG_INVOICE_LINE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_INVOICE_LINE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->invoice);

  G_OBJECT_CLASS (dg_invoice_line_dialog_parent_class)->dispose (object);
}

static void
dg_invoice_line_dialog_class_init (DgInvoiceLineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_invoice_line_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-invoice-line-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgInvoiceLineDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, DgInvoiceLineDialog, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, DgInvoiceLineDialog, price_row);
  gtk_widget_class_bind_template_child (widget_class, DgInvoiceLineDialog, field_errors);
  gtk_widget_class_bind_template_child (widget_class, DgInvoiceLineDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "line.add", NULL, on_add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_invoice_line_dialog_init (DgInvoiceLineDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DgInvoiceLineDialog *
dg_invoice_line_dialog_new (GtkWindow      *parent,
                            DgInvoiceStore *store,
                            DgInvoice      *invoice)
{
  DgInvoiceLineDialog *self;
  g_autofree char *price_title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_INVOICE_STORE (store), NULL);
  g_return_val_if_fail (DG_IS_INVOICE (invoice), NULL);

  self = g_object_new (DG_TYPE_INVOICE_LINE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->invoice = g_object_ref (invoice);
  /* Translators: %s is a currency code, "EUR" */
  price_title = g_strdup_printf (_("Unit Price (%s)"), dg_invoice_get_currency (invoice));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->price_row), price_title);
  return self;
}
