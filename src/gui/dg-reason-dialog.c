/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-reason-dialog"

#include <glib/gi18n.h>

#include "dg-reason-dialog.h"

struct _DgReasonDialog
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *entry;
};

G_DEFINE_FINAL_TYPE (DgReasonDialog, dg_reason_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  REASON_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
dg_reason_dialog_dup_reason (DgReasonDialog *self)
{
  g_return_val_if_fail (DG_IS_REASON_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

static gboolean
has_reason (DgReasonDialog *self)
{
  g_autofree char *reason = dg_reason_dialog_dup_reason (self);

  return reason[0] != '\0';
}

static void
on_entry_changed (DgReasonDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), DG_REASON_DIALOG_RESPONSE,
                                           has_reason (self));
}

/* Enter confirms as the button would: the dialog closes, then answers. */
static void
on_entry_activate (DgReasonDialog *self)
{
  if (!has_reason (self))
    return;
  g_object_ref (self);
  gtk_window_close (GTK_WINDOW (self));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), DG_REASON_DIALOG_RESPONSE);
  g_object_unref (self);
}

static void
dg_reason_dialog_response (AdwMessageDialog *dialog,
                           const char       *response)
{
  DgReasonDialog *self = DG_REASON_DIALOG (dialog);
  g_autofree char *reason = dg_reason_dialog_dup_reason (self);

  if (ADW_MESSAGE_DIALOG_CLASS (dg_reason_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (dg_reason_dialog_parent_class)->response (dialog, response);

  /* A response can be given without the button (a test, an accessibility
   * tool): without a reason, it does nothing. */
  if (g_strcmp0 (response, DG_REASON_DIALOG_RESPONSE) != 0 || reason[0] == '\0')
    return;
  g_signal_emit (self, signals[REASON_CHOSEN], 0, reason);
}

static void
dg_reason_dialog_class_init (DgReasonDialogClass *klass)
{
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  dialog_class->response = dg_reason_dialog_response;

  signals[REASON_CHOSEN] = g_signal_new ("reason-chosen",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
dg_reason_dialog_init (DgReasonDialog *self)
{
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->entry), "reason_entry");
  gtk_entry_set_placeholder_text (self->entry, _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"),
                                  -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->entry));
}

DgReasonDialog *
dg_reason_dialog_new (GtkWindow  *parent,
                      const char *heading,
                      const char *body,
                      const char *response_label)
{
  DgReasonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (response_label != NULL, NULL);

  self = g_object_new (DG_TYPE_REASON_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       "body", body,
                       NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    DG_REASON_DIALOG_RESPONSE, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), DG_REASON_DIALOG_RESPONSE,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), DG_REASON_DIALOG_RESPONSE, FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  return self;
}
