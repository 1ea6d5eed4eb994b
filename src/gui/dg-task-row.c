/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-task-row"

#include <glib/gi18n.h>

#include "dg-task-row.h"

struct _DgTaskRow
{
  GtkListBoxRow     parent_instance;

  DgTaskOccurrence *occurrence;
  DgTaskGroup       group;

  GtkLabel         *label;
  GtkWidget        *repeat_icon;
  GtkWidget        *skip_button;
  GtkWidget        *done_button;
  GtkWidget        *reopen_button;
};

G_DEFINE_FINAL_TYPE (DgTaskRow, dg_task_row, GTK_TYPE_LIST_BOX_ROW)

static char *
build_markup (DgTaskOccurrence *occurrence,
              GTimeZone        *owner_zone)
{
  DgTask *task = dg_task_occurrence_get_task (occurrence);
  DgTaskStatus status = dg_task_occurrence_get_status (occurrence);
  g_autofree char *due = dg_task_occurrence_format_due (occurrence, owner_zone);
  g_autofree char *title = g_markup_escape_text (dg_task_get_title (task), -1);
  /* Translators: the second line of a task in the list: assistant · due · status */
  g_autofree char *details = g_strdup_printf (_("%s · %s · %s"),
                                              dg_task_get_assistant_name (task), due,
                                              dg_task_status_get_label (status));
  g_autofree char *escaped = g_markup_escape_text (details, -1);

  /* Finished work is struck through, so that the open work stands out. */
  if (!dg_task_status_is_pending (status))
    return g_strdup_printf ("<s>%s</s>\n<span size=\"small\" alpha=\"60%%\">%s</span>", title, escaped);
  return g_strdup_printf ("<b>%s</b>\n<span size=\"small\" alpha=\"60%%\">%s</span>", title, escaped);
}

GtkWidget *
dg_task_row_new (DgTaskOccurrence *occurrence,
                 DgTaskGroup       group,
                 GTimeZone        *owner_zone)
{
  DgTaskRow *self;
  DgTask *task;
  DgTaskStatus status;
  gboolean pending;
  g_autofree char *markup = NULL;
  GVariant *target;

  g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (occurrence), NULL);
  g_return_val_if_fail (owner_zone != NULL, NULL);

  self = g_object_new (DG_TYPE_TASK_ROW, NULL);
  self->occurrence = g_object_ref (occurrence);
  self->group = group;
  task = dg_task_occurrence_get_task (occurrence);
  status = dg_task_occurrence_get_status (occurrence);
  pending = dg_task_status_is_pending (status);

  markup = build_markup (occurrence, owner_zone);
  gtk_label_set_markup (self->label, markup);
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
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", dg_task_get_id (task));

  return GTK_WIDGET (self);
}

DgTaskOccurrence *
dg_task_row_get_occurrence (DgTaskRow *self)
{
  g_return_val_if_fail (DG_IS_TASK_ROW (self), NULL);

  return self->occurrence;
}

DgTaskGroup
dg_task_row_get_group (DgTaskRow *self)
{
  g_return_val_if_fail (DG_IS_TASK_ROW (self), DG_TASK_GROUP_LATER);

  return self->group;
}

static void
dg_task_row_dispose (GObject *object)
{
  DgTaskRow *self = DG_TASK_ROW (object);

  g_clear_object (&self->occurrence);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_TASK_ROW);

  G_OBJECT_CLASS (dg_task_row_parent_class)->dispose (object);
}

static void
dg_task_row_class_init (DgTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_task_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-task-row.ui");
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
