/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-assistant-row"

#include <glib/gi18n.h>

#include "dg-assistant-row.h"

struct _DgAssistantRow
{
  AdwBin       parent_instance;

  DgAssistant *assistant;

  GtkLabel    *label;
  guint        clock_id;
};

G_DEFINE_FINAL_TYPE (DgAssistantRow, dg_assistant_row, ADW_TYPE_BIN)

static void
refresh (DgAssistantRow *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *local_time = NULL;
  g_autoptr(GString) details = NULL;
  g_autofree char *markup = NULL;

  if (self->assistant == NULL)
    return;

  now = g_date_time_new_now_utc ();
  local_time = dg_assistant_format_local_time (self->assistant, now);
  details = g_string_new (dg_assistant_get_time_zone (self->assistant));
  if (local_time != NULL)
    /* Translators: after the time zone, the current time there: "Asia/Manila · 20:05" */
    g_string_append_printf (details, _(" · %s"), local_time);
  if (!dg_assistant_get_active (self->assistant))
    /* Translators: after the time zone and time of an archived assistant */
    g_string_append (details, _(" · Archived"));

  markup = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"small\" alpha=\"60%%\">%s</span>",
                                    dg_assistant_get_name (self->assistant), details->str);
  gtk_label_set_markup (self->label, markup);
}

static gboolean
on_clock_tick (gpointer user_data)
{
  refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_assistant_notify (DgAssistant    *assistant,
                     GParamSpec     *pspec,
                     DgAssistantRow *self)
{
  refresh (self);
}

void
dg_assistant_row_set_assistant (DgAssistantRow *self,
                                DgAssistant    *assistant)
{
  g_return_if_fail (DG_IS_ASSISTANT_ROW (self));
  g_return_if_fail (assistant == NULL || DG_IS_ASSISTANT (assistant));

  if (self->assistant != NULL)
    g_signal_handlers_disconnect_by_func (self->assistant, on_assistant_notify, self);
  g_set_object (&self->assistant, assistant);
  if (assistant != NULL)
    g_signal_connect_object (assistant, "notify", G_CALLBACK (on_assistant_notify), self, 0);
  refresh (self);
}

static void
dg_assistant_row_dispose (GObject *object)
{
  DgAssistantRow *self = DG_ASSISTANT_ROW (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  dg_assistant_row_set_assistant (self, NULL);
  /* The label is the bin's child and a template child: let the bin release it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_ASSISTANT_ROW);

  G_OBJECT_CLASS (dg_assistant_row_parent_class)->dispose (object);
}

static void
dg_assistant_row_class_init (DgAssistantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_assistant_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-assistant-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DgAssistantRow, label);
}

static void
dg_assistant_row_init (DgAssistantRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The local time beside the zone stays current while the row is shown. */
  self->clock_id = g_timeout_add_seconds (30, on_clock_tick, self);
}
