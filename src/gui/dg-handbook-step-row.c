/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-handbook-step-row"

#include <glib/gi18n.h>

#include "dg-handbook-step-row.h"
#include "dg-validation.h"

struct _DgHandbookStepRow
{
  GtkListBoxRow   parent_instance;

  DgHandbookStep *step;
  guint           position;
  guint           n_steps;
  gboolean        loading;
  gboolean        touched;     /* typed into, or left: an empty title is then an error */

  GtkWidget      *handle;
  GtkLabel       *number_label;
  GtkEntry       *title_entry;
  GtkLabel       *title_error;
  GtkTextView    *details_view;
  GtkWidget      *details_placeholder;

  GtkCheckButton *checklist_button;
  GtkSpinButton  *minutes_spin;
};

G_DEFINE_FINAL_TYPE (DgHandbookStepRow, dg_handbook_step_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_problems (DgHandbookStepRow *self)
{
  gboolean blank = dg_text_is_blank (dg_handbook_step_get_title (self->step));
  gboolean shown = blank && self->touched;
  GtkWidget *entry = GTK_WIDGET (self->title_entry);

  gtk_widget_set_visible (GTK_WIDGET (self->title_error), shown);
  if (shown)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      gtk_label_get_label (self->title_error), -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
changed (DgHandbookStepRow *self)
{
  update_problems (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_title_changed (GtkEditable       *entry,
                  DgHandbookStepRow *self)
{
  if (self->loading)
    return;
  self->touched = TRUE;
  g_object_set (self->step, "title", gtk_editable_get_text (entry), NULL);
  changed (self);
}

static void
on_title_focus_left (GtkEventControllerFocus *controller,
                     DgHandbookStepRow       *self)
{
  self->touched = TRUE;
  update_problems (self);
}

static void
on_details_changed (GtkTextBuffer     *buffer,
                    DgHandbookStepRow *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->details_placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
  if (self->loading)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set (self->step, "details", text, NULL);
  changed (self);
}

static void
on_checklist_toggled (GtkCheckButton    *button,
                      DgHandbookStepRow *self)
{
  if (self->loading)
    return;
  g_object_set (self->step, "checklist", gtk_check_button_get_active (button), NULL);
  changed (self);
}

static void
on_minutes_changed (GtkSpinButton     *spin,
                    DgHandbookStepRow *self)
{
  if (self->loading)
    return;
  g_object_set (self->step, "minutes", gtk_spin_button_get_value_as_int (spin), NULL);
  changed (self);
}

static void
on_move_up_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgHandbookStepRow *self = DG_HANDBOOK_STEP_ROW (widget);

  if (self->position > 0)
    g_signal_emit (self, signals[MOVE], 0, self->position, self->position - 1);
}

static void
on_move_down_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DgHandbookStepRow *self = DG_HANDBOOK_STEP_ROW (widget);

  if (self->position + 1 < self->n_steps)
    g_signal_emit (self, signals[MOVE], 0, self->position, self->position + 1);
}

static void
on_remove_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

/* Dragging carries the position of the step, which only this window
 * understands: a step is not something to drop into another program. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource     *source,
                 double             x,
                 double             y,
                 DgHandbookStepRow *self)
{
  return gdk_content_provider_new_typed (G_TYPE_UINT, self->position);
}

static void
on_drag_begin (GtkDragSource     *source,
               GdkDrag           *drag,
               DgHandbookStepRow *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));
  graphene_point_t point;

  if (!gtk_widget_compute_point (self->handle, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  gtk_drag_source_set_icon (source, icon, (int) point.x + 8, (int) point.y + 8);
}

static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         DgHandbookStepRow *self)
{
  guint from = g_value_get_uint (value);

  if (from == self->position || from >= self->n_steps)
    return FALSE;
  g_signal_emit (self, signals[MOVE], 0, from, self->position);
  return TRUE;
}

GtkWidget *
dg_handbook_step_row_new (DgHandbookStep *step)
{
  DgHandbookStepRow *self;

  g_return_val_if_fail (DG_IS_HANDBOOK_STEP (step), NULL);

  self = g_object_new (DG_TYPE_HANDBOOK_STEP_ROW, NULL);
  self->step = g_object_ref (step);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), dg_handbook_step_get_title (step));
  /* Loading is no edit to undo. */
  gtk_text_buffer_begin_irreversible_action (gtk_text_view_get_buffer (self->details_view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view),
                            dg_handbook_step_get_details (step), -1);
  gtk_text_buffer_end_irreversible_action (gtk_text_view_get_buffer (self->details_view));
  gtk_check_button_set_active (self->checklist_button, dg_handbook_step_get_checklist (step));
  gtk_spin_button_set_value (self->minutes_spin, dg_handbook_step_get_minutes (step));
  self->loading = FALSE;

  /* A stored step with an empty title is an error to show at once; a new
   * one only once the owner has had a chance to type. */
  self->touched = *dg_handbook_step_get_title (step) != '\0' ||
                  *dg_handbook_step_get_details (step) != '\0';
  update_problems (self);
  return GTK_WIDGET (self);
}

DgHandbookStep *
dg_handbook_step_row_get_step (DgHandbookStepRow *self)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_STEP_ROW (self), NULL);

  return self->step;
}

void
dg_handbook_step_row_set_position (DgHandbookStepRow *self,
                                   guint              position,
                                   guint              n_steps)
{
  g_autofree char *number = NULL;
  g_autofree char *details_label = NULL;
  g_autofree char *title_label = NULL;

  g_return_if_fail (DG_IS_HANDBOOK_STEP_ROW (self));
  g_return_if_fail (position < n_steps);

  self->position = position;
  self->n_steps = n_steps;

  number = g_strdup_printf ("%u", position + 1);
  gtk_label_set_label (self->number_label, number);
  /* Translators: the accessible name of a step's title field */
  title_label = g_strdup_printf (_("Title of step %u"), position + 1);
  /* Translators: the accessible name of a step's details field */
  details_label = g_strdup_printf (_("Details of step %u"), position + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->details_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, details_label, -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.move-down", position + 1 < n_steps);
}

guint
dg_handbook_step_row_get_position (DgHandbookStepRow *self)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_STEP_ROW (self), 0);

  return self->position;
}

void
dg_handbook_step_row_show_problems (DgHandbookStepRow *self)
{
  g_return_if_fail (DG_IS_HANDBOOK_STEP_ROW (self));

  self->touched = TRUE;
  update_problems (self);
}

void
dg_handbook_step_row_focus_title (DgHandbookStepRow *self)
{
  g_return_if_fail (DG_IS_HANDBOOK_STEP_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
dg_handbook_step_row_dispose (GObject *object)
{
  DgHandbookStepRow *self = DG_HANDBOOK_STEP_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_HANDBOOK_STEP_ROW);
  g_clear_object (&self->step);

  G_OBJECT_CLASS (dg_handbook_step_row_parent_class)->dispose (object);
}

static void
dg_handbook_step_row_class_init (DgHandbookStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_handbook_step_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-handbook-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DgHandbookStepRow, handle);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookStepRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookStepRow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookStepRow, title_error);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookStepRow, details_view);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookStepRow, details_placeholder);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookStepRow, checklist_button);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookStepRow, minutes_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_title_focus_left);
  gtk_widget_class_bind_template_callback (widget_class, on_checklist_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_minutes_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_prepare);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_begin);

  gtk_widget_class_install_action (widget_class, "step.move-up", NULL, on_move_up_activated);
  gtk_widget_class_install_action (widget_class, "step.move-down", NULL, on_move_down_activated);
  gtk_widget_class_install_action (widget_class, "step.remove", NULL, on_remove_activated);
  /* Bubbling up from whichever field of the row has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "step.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "step.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "step.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "step.move-down", NULL);
}

static void
dg_handbook_step_row_init (DgHandbookStepRow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (gtk_text_view_get_buffer (self->details_view), "changed",
                    G_CALLBACK (on_details_changed), self);

  target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
