/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks before something that cannot be undone: a dialog on @parent with a
 * safe "cancel" response (the default, also on Escape) and the destructive
 * @response_id. @callback is connected to "response" for the lifetime of
 * @receiver. */
void dg_confirmation_present (GtkWindow  *parent,
                              const char *heading,
                              const char *body,
                              const char *cancel_label,
                              const char *response_id,
                              const char *response_label,
                              GCallback   callback,
                              gpointer    receiver);

G_END_DECLS
