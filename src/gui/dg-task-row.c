/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-task-row"

#include <glib/gi18n.h>

#include "dg-task-row.h"

struct _DgTaskRow
{
  GtkWidget         parent_instance;

  DgOccurrenceItem *item;
  GTimeZone        *owner_zone;

  GtkLabel         *label;
  GtkWidget        *repeat_icon;
  GtkWidget        *skip_button;
  GtkWidget        *done_button;
  GtkWidget        *reopen_button;
};

G_DEFINE_FINAL_TYPE (DgTaskRow, dg_task_row, GTK_TYPE_WIDGET)

static char *
build_details (DgTaskOccurrence *occurrence,
               GTimeZone        *owner_zone)
{
  DgTask *task = dg_task_occurrence_get_task (occurrence);
  g_autofree char *due = dg_task_occurrence_format_due (occurrence, owner_zone);

  /* Translators: the second line of a task in the list: assistant · due · status */
  return g_strdup_printf (_("%s · %s · %s"),
                          dg_task_get_assistant_name (task), due,
                          dg_task_status_get_label (dg_task_occurrence_get_status (occurrence)));
}

static void
refresh (DgTaskRow *self)
{
  DgTaskOccurrence *occurrence = dg_occurrence_item_get_occurrence (self->item);
  DgTask *task = dg_task_occurrence_get_task (occurrence);
  DgTaskStatus status = dg_task_occurrence_get_status (occurrence);
  gboolean pending = dg_task_status_is_pending (status);
  g_autofree char *details = build_details (occurrence, self->owner_zone);
  g_autofree char *title = g_markup_escape_text (dg_task_get_title (task), -1);
  g_autofree char *escaped = g_markup_escape_text (details, -1);
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;
  GVariant *target;

  /* Finished work is struck through, so that the open work stands out. */
  if (!pending)
    markup = g_strdup_printf ("<s>%s</s>\n<span size=\"small\" alpha=\"60%%\">%s</span>", title, escaped);
  else
    markup = g_strdup_printf ("<b>%s</b>\n<span size=\"small\" alpha=\"60%%\">%s</span>", title, escaped);
  gtk_label_set_markup (self->label, markup);
  accessible = g_strdup_printf ("%s, %s", dg_task_get_title (task), details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_visible (self->repeat_icon, dg_task_is_recurring (task));

  /* Only an occurrence of a series can be skipped; a one-off task that is
   * no longer wanted is cancelled in its dialog. A cancelled series cannot
   * be reopened one date at a time. */
  gtk_widget_set_visible (self->done_button, pending);
  gtk_widget_set_visible (self->skip_button, pending && dg_task_is_recurring (task));
  gtk_widget_set_visible (self->reopen_button,
                          status == DG_TASK_STATUS_DONE || status == DG_TASK_STATUS_SKIPPED ||
                          (status == DG_TASK_STATUS_CANCELLED && !dg_task_is_recurring (task)));

  target = g_variant_ref_sink (g_variant_new ("(xs)", dg_task_get_id (task),
                                              dg_task_occurrence_get_recurrence_id (occurrence)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->done_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->skip_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->reopen_button), target);
  g_variant_unref (target);

  /* The corners of the card the rows under one heading form. */
  if (dg_occurrence_item_get_first (self->item))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dg-first");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dg-first");
  if (dg_occurrence_item_get_last (self->item))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dg-last");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dg-last");
}

static void
on_item_notify (DgTaskRow *self)
{
  refresh (self);
}

GtkWidget *
dg_task_row_new (void)
{
  return g_object_new (DG_TYPE_TASK_ROW, NULL);
}

void
dg_task_row_set_item (DgTaskRow        *self,
                      DgOccurrenceItem *item,
                      GTimeZone        *owner_zone)
{
  g_return_if_fail (DG_IS_TASK_ROW (self));
  g_return_if_fail (item == NULL || !dg_occurrence_item_is_heading (item));
  g_return_if_fail (item == NULL || owner_zone != NULL);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify, self);
  g_set_object (&self->item, item);
  g_clear_pointer (&self->owner_zone, g_time_zone_unref);
  if (item == NULL)
    return;
  self->owner_zone = g_time_zone_ref (owner_zone);
  g_signal_connect_swapped (item, "notify::occurrence", G_CALLBACK (on_item_notify), self);
  refresh (self);
}

DgTaskOccurrence *
dg_task_row_get_occurrence (DgTaskRow *self)
{
  g_return_val_if_fail (DG_IS_TASK_ROW (self), NULL);

  return self->item != NULL ? dg_occurrence_item_get_occurrence (self->item) : NULL;
}

static void
dg_task_row_dispose (GObject *object)
{
  DgTaskRow *self = DG_TASK_ROW (object);
  GtkWidget *child;

  dg_task_row_set_item (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_TASK_ROW);
  /* The box that holds the rest has no name to be disposed by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dg_task_row_parent_class)->dispose (object);
}

static void
dg_task_row_class_init (DgTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_task_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-task-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dg-task-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, DgTaskRow, label);
  gtk_widget_class_bind_template_child (widget_class, DgTaskRow, repeat_icon);
  gtk_widget_class_bind_template_child (widget_class, DgTaskRow, skip_button);
  gtk_widget_class_bind_template_child (widget_class, DgTaskRow, done_button);
  gtk_widget_class_bind_template_child (widget_class, DgTaskRow, reopen_button);
}

static void
dg_task_row_init (DgTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
