/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-confirmation"

#include "dg-confirmation.h"

void
dg_confirmation_present (GtkWindow  *parent,
                         const char *heading,
                         const char *body,
                         const char *cancel_label,
                         const char *response_id,
                         const char *response_label,
                         GCallback   callback,
                         gpointer    receiver)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_OBJECT (receiver));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", cancel_label,
                                    response_id, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response_id, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", callback, receiver, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
