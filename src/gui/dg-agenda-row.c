/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-agenda-row"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-agenda-row.h"

struct _DgAgendaRow
{
  GtkWidget         parent_instance;

  DgOccurrenceItem *item;
  DgTaskOccurrence *occurrence;    /* the item's, while bound */
  GTimeZone        *owner_zone;

  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *status_label;
  GtkWidget        *done_button;
  GtkWidget        *menu_button;
};

G_DEFINE_FINAL_TYPE (DgAgendaRow, dg_agenda_row, GTK_TYPE_WIDGET)

enum {
  STATUS_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Asia/Manila" → "Manila", "America/Argentina/Buenos_Aires" → "Buenos Aires":
 * the name people know the place by. */
static char *
city_of (const char *zone_id)
{
  const char *slash = strrchr (zone_id, '/');

  return g_strdelimit (g_strdup (slash != NULL ? slash + 1 : zone_id), "_", ' ');
}

static const char *
assistant_zone_of (DgTask *task)
{
  const char *zone = dg_task_get_assistant_time_zone (task);

  return zone != NULL && *zone != '\0' ? zone : dg_task_get_time_zone (task);
}

/* "09:00", or "09:00 · 16:00 in Manila" when the assistant's zone (the
 * task's, without an assistant zone) has another offset at that instant;
 * "All day" for an all-day occurrence. Translated. */
static char *
dg_agenda_format_time (DgTaskOccurrence *occurrence,
                       GTimeZone        *owner_zone)
{
  DgTask *task;
  GDateTime *due;
  g_autoptr(GTimeZone) assistant_zone = NULL;
  g_autoptr(GDateTime) owner_time = NULL;
  g_autoptr(GDateTime) assistant_time = NULL;
  g_autofree char *owner_text = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *city = NULL;
  const char *zone_id;

  g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (occurrence), NULL);
  g_return_val_if_fail (owner_zone != NULL, NULL);

  task = dg_task_occurrence_get_task (occurrence);
  if (dg_task_is_all_day (task))
    return g_strdup (_("All day"));

  due = dg_task_occurrence_get_due (occurrence);
  owner_time = g_date_time_to_timezone (due, owner_zone);
  /* Translators: a time of day in the agenda; see g_date_time_format() */
  owner_text = g_date_time_format (owner_time, _("%H:%M"));

  zone_id = assistant_zone_of (task);
  assistant_zone = zone_id != NULL && *zone_id != '\0' ? g_time_zone_new_identifier (zone_id) : NULL;
  if (assistant_zone == NULL)
    return g_steal_pointer (&owner_text);
  assistant_time = g_date_time_to_timezone (due, assistant_zone);
  if (g_date_time_get_utc_offset (assistant_time) == g_date_time_get_utc_offset (owner_time))
    return g_steal_pointer (&owner_text);

  /* Far enough east or west it is another day there: say which. */
  if (g_date_time_get_day_of_year (assistant_time) != g_date_time_get_day_of_year (owner_time))
    /* Translators: the assistant's local time when it falls on another day
     * than the owner's, as in "Tue 01:00"; see g_date_time_format() */
    assistant_text = g_date_time_format (assistant_time, _("%a %H:%M"));
  else
    assistant_text = g_date_time_format (assistant_time, _("%H:%M"));
  city = city_of (zone_id);
  /* Translators: the owner's time, then the assistant's local time and the
   * city of their time zone: "09:00 · 16:00 in Manila" */
  return g_strdup_printf (_("%s · %s in %s"), owner_text, assistant_text, city);
}

static void
set_status_tag (DgAgendaRow *self,
                const char  *text,
                const char  *css_class)
{
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label),
                              (const char *[]) { "dg-tag", "caption-heading", css_class, NULL });
}

static void
update_actions (DgAgendaRow  *self,
                DgTaskStatus  status)
{
  gboolean occurrence_of_series = *dg_task_occurrence_get_recurrence_id (self->occurrence) != '\0';
  gboolean can_done = FALSE;
  gboolean can_skip = FALSE;
  gboolean can_reopen = FALSE;

  switch (status)
    {
    case DG_TASK_STATUS_OPEN:
    case DG_TASK_STATUS_IN_PROGRESS:
      can_done = TRUE;
      can_skip = occurrence_of_series;
      break;
    case DG_TASK_STATUS_DONE:
      can_skip = occurrence_of_series;
      can_reopen = TRUE;
      break;
    case DG_TASK_STATUS_SKIPPED:
      can_done = TRUE;
      can_reopen = TRUE;
      break;
    case DG_TASK_STATUS_CANCELLED:
      /* An occurrence of a cancelled series comes back only with the
       * series, which the task dialog reopens; a one-off task can be
       * reopened here. */
      can_reopen = !occurrence_of_series;
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda-row.done", can_done);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda-row.skip", can_skip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda-row.reopen", can_reopen);
  /* The button is for the common case, the menu for the rest. */
  gtk_widget_set_visible (self->done_button, dg_task_status_is_pending (status));
  gtk_widget_set_visible (self->menu_button, can_done || can_skip || can_reopen);
}

static void
refresh (DgAgendaRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->owner_zone);
  DgTask *task = dg_task_occurrence_get_task (self->occurrence);
  DgTaskStatus status = dg_task_occurrence_get_status (self->occurrence);
  gboolean finished = status == DG_TASK_STATUS_DONE ||
                      status == DG_TASK_STATUS_SKIPPED ||
                      status == DG_TASK_STATUS_CANCELLED;
  g_autofree char *time_text = dg_agenda_format_time (self->occurrence, self->owner_zone);
  const char *assistant = dg_task_get_assistant_name (task);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  /* Finished ones stay in the agenda, struck through and faded, so that
   * the day still shows what was planned. Alpha instead of a colour keeps
   * it readable in the dark style. */
  if (finished)
    title = g_markup_printf_escaped ("<span alpha=\"55%%\"><s>%s</s></span>", dg_task_get_title (task));
  else
    title = g_markup_escape_text (dg_task_get_title (task), -1);
  gtk_label_set_label (self->title_label, title);

  if (assistant != NULL && *assistant != '\0')
    /* Translators: the due time, then the assistant: "09:00 · 16:00 in Manila — Maria Santos" */
    subtitle = g_markup_printf_escaped (_("%s — %s"), time_text, assistant);
  else
    subtitle = g_markup_escape_text (time_text, -1);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dg_task_get_title (task), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->subtitle_label), -1);

  if (dg_task_occurrence_is_overdue (self->occurrence, now))
    set_status_tag (self, _("Overdue"), "error");
  else if (status == DG_TASK_STATUS_DONE)
    set_status_tag (self, dg_task_status_get_label (status), "success");
  else if (status == DG_TASK_STATUS_IN_PROGRESS)
    set_status_tag (self, dg_task_status_get_label (status), "accent");
  else if (finished)
    set_status_tag (self, dg_task_status_get_label (status), "dim-label");
  else
    set_status_tag (self, NULL, NULL);

  /* The corners of the card that a day's occurrences form. */
  if (dg_occurrence_item_get_first (self->item))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dg-first");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dg-first");
  if (dg_occurrence_item_get_last (self->item))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dg-last");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dg-last");

  update_actions (self, status);
}

static void
request_status (DgAgendaRow  *self,
                DgTaskStatus  status)
{
  g_signal_emit (self, signals[STATUS_REQUESTED], 0, status);
}

static void
on_done_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  request_status (DG_AGENDA_ROW (widget), DG_TASK_STATUS_DONE);
}

static void
on_skip_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  request_status (DG_AGENDA_ROW (widget), DG_TASK_STATUS_SKIPPED);
}

static void
on_reopen_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  request_status (DG_AGENDA_ROW (widget), DG_TASK_STATUS_OPEN);
}

static void
dg_agenda_row_dispose (GObject *object)
{
  DgAgendaRow *self = DG_AGENDA_ROW (object);
  GtkWidget *child;

  dg_agenda_row_set_item (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_AGENDA_ROW);
  /* The box that holds the rest has no name to be disposed by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dg_agenda_row_parent_class)->dispose (object);
}

static void
dg_agenda_row_class_init (DgAgendaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_agenda_row_dispose;

  /* The status the owner chose for this occurrence. */
  signals[STATUS_REQUESTED] =
    g_signal_new ("status-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DG_TYPE_TASK_STATUS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-agenda-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dg-agenda-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, DgAgendaRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DgAgendaRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DgAgendaRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, DgAgendaRow, done_button);
  gtk_widget_class_bind_template_child (widget_class, DgAgendaRow, menu_button);

  gtk_widget_class_install_action (widget_class, "agenda-row.done", NULL, on_done_activated);
  gtk_widget_class_install_action (widget_class, "agenda-row.skip", NULL, on_skip_activated);
  gtk_widget_class_install_action (widget_class, "agenda-row.reopen", NULL, on_reopen_activated);
}

static void
dg_agenda_row_init (DgAgendaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dg_agenda_row_new (void)
{
  return g_object_new (DG_TYPE_AGENDA_ROW, NULL);
}

static void
on_item_notify (DgAgendaRow *self)
{
  g_set_object (&self->occurrence, dg_occurrence_item_get_occurrence (self->item));
  refresh (self);
}

void
dg_agenda_row_set_item (DgAgendaRow      *self,
                        DgOccurrenceItem *item,
                        GTimeZone        *owner_zone)
{
  g_return_if_fail (DG_IS_AGENDA_ROW (self));
  g_return_if_fail (item == NULL || !dg_occurrence_item_is_heading (item));
  g_return_if_fail (item == NULL || owner_zone != NULL);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify, self);
  g_set_object (&self->item, item);
  g_clear_object (&self->occurrence);
  g_clear_pointer (&self->owner_zone, g_time_zone_unref);
  if (item == NULL)
    return;
  self->owner_zone = g_time_zone_ref (owner_zone);
  g_signal_connect_swapped (item, "notify::occurrence", G_CALLBACK (on_item_notify), self);
  on_item_notify (self);
}

DgTaskOccurrence *
dg_agenda_row_get_occurrence (DgAgendaRow *self)
{
  g_return_val_if_fail (DG_IS_AGENDA_ROW (self), NULL);

  return self->occurrence;
}
