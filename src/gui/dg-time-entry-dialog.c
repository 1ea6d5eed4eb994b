/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-time-entry-dialog"

#include <glib/gi18n.h>

#include "dg-duration.h"
#include "dg-form-row.h"
#include "dg-time-entry-dialog.h"
#include "dg-validation.h"

/* An entry is at most a day long, as the store allows (1…1440 minutes). */
#define MAX_DURATION_SECONDS ((gint64) 24 * 60 * 60)

struct _DgTimeEntryDialog
{
  AdwWindow         parent_instance;

  DgTimesheetStore *store;
  DgTimeEntry      *entry;        /* a copy of the entry being edited */
  GTimeZone        *zone;         /* the entry's zone: times are typed in it */
  GArray           *task_ids;     /* gint64 per task_model item; 0 = no task */

  AdwWindowTitle   *window_title;
  GtkLabel         *reason_label;
  AdwEntryRow      *date_row;
  AdwEntryRow      *time_row;
  AdwEntryRow      *duration_row;
  AdwComboRow      *task_row;
  GtkStringList    *task_model;
  GtkLabel         *field_errors;
  GtkTextView      *note_view;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (DgTimeEntryDialog, dg_time_entry_dialog, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_field_error (DgTimeEntryDialog *self,
                 AdwEntryRow       *row,
                 const GError      *error)
{
  dg_form_row_set_error (GTK_WIDGET (row), self->field_errors, error);
}

/* "9:05" or "09:05" as hours and minutes; FALSE when it is no time of day. */
static gboolean
parse_time (const char *text,
            int        *out_hours,
            int        *out_minutes)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  const char *p = stripped;
  char *end = NULL;
  guint64 hours;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  hours = g_ascii_strtoull (p, &end, 10);
  if (end - p > 2 || *end != ':')
    return FALSE;
  p = end + 1;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != '\0')
    return FALSE;
  *out_hours = (int) hours;
  *out_minutes = (p[0] - '0') * 10 + (p[1] - '0');
  return hours <= 23 && *out_minutes <= 59;
}

/* The start typed, in the entry's zone; NULL with the rows marked. */
static GDateTime *
read_start (DgTimeEntryDialog *self)
{
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) time_error = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDate) date = NULL;
  int hours = 0, minutes = 0;
  gboolean date_ok = dg_validate_date (text_of (self->date_row), &date_error);
  gboolean time_ok = parse_time (text_of (self->time_row), &hours, &minutes);

  if (!time_ok)
    time_error = g_error_new (DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                              /* Translators: %s is what was typed */
                              _("The start “%s” is not a time of day: write it as hours and minutes, such as 09:30."),
                              text_of (self->time_row));
  set_field_error (self, self->date_row, date_error);
  set_field_error (self, self->time_row, time_error);
  if (!date_ok || !time_ok)
    return NULL;

  date = g_date_new ();
  g_date_set_parse (date, text_of (self->date_row));
  start = g_date_time_new (self->zone, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                           hours, minutes, 0);
  if (start == NULL)
    {
      /* A time skipped when the clocks went forward. */
      g_autoptr(GError) error = g_error_new (DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                                             /* Translators: %s is a time zone, "Europe/Berlin" */
                                             _("That time does not exist in %s on that day (the clocks were put forward): choose another."),
                                             dg_time_entry_get_time_zone (self->entry));

      set_field_error (self, self->time_row, error);
    }
  return g_steal_pointer (&start);
}

/* Whole minutes, 1…1440; -1 with the row marked. */
static int
read_minutes (DgTimeEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 seconds = 0;
  gint64 minutes = -1;

  if (dg_duration_parse (text_of (self->duration_row), MAX_DURATION_SECONDS, &seconds, &error))
    {
      minutes = dg_duration_seconds_to_minutes (seconds);
      if (minutes < 1)
        {
          /* Translators: %s is what was typed */
          error = g_error_new (DG_DURATION_ERROR, DG_DURATION_ERROR_INVALID,
                               _("The duration “%s” is less than a minute: give at least one minute, such as 1:30, 1.5 or 90m."),
                               text_of (self->duration_row));
          minutes = -1;
        }
    }
  set_field_error (self, self->duration_row, error);
  return (int) minutes;
}

static char *
dup_note (DgTimeEntryDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (DgTimeEntryDialog *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Save marks what cannot be read; a marked row is read again as it is
 * corrected, so the mark goes as soon as the text is right (and a form
 * being typed in does not turn red halfway through a date). */
static void
on_field_changed (DgTimeEntryDialog *self,
                  GtkEditable       *editable)
{
  GDateTime *start;

  show_error (self, NULL);
  if (dg_form_row_get_error (GTK_WIDGET (editable)) == NULL)
    return;
  if (editable == GTK_EDITABLE (self->duration_row))
    {
      read_minutes (self);
      return;
    }
  start = read_start (self);
  g_clear_pointer (&start, g_date_time_unref);
}

static void
on_save_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DgTimeEntryDialog *self = DG_TIME_ENTRY_DIALOG (widget);
  g_autoptr(DgTimeEntry) changes = dg_time_entry_copy (self->entry);
  g_autoptr(GDateTime) start = read_start (self);
  int minutes = read_minutes (self);
  g_autofree char *note = dup_note (self);
  g_autoptr(GError) error = NULL;
  guint task = adw_combo_row_get_selected (self->task_row);

  if (start == NULL || minutes < 0)
    {
      show_error (self, _("The entry was not saved: correct the marked fields."));
      return;
    }

  dg_time_entry_set_start (changes, start);
  dg_time_entry_set_minutes (changes, minutes);
  dg_time_entry_set_note (changes, note);
  dg_time_entry_set_task_id (changes, task < self->task_ids->len ? g_array_index (self->task_ids, gint64, task) : 0);
  if (!dg_time_entry_validate (changes, &error) ||
      !dg_timesheet_store_update_entry (self->store, changes, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The tasks the assistant can book hours on in the entry's week (as the
 * hours grid lists them), then "No task"; the entry's own task is among
 * them, as it has hours in that week. */
static void
fill_tasks (DgTimeEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) local = dg_time_entry_dup_local_start (self->entry);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  gint64 current = dg_time_entry_get_task_id (self->entry);
  gboolean has_none = FALSE;
  guint selected = 0;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  rows = dg_timesheet_store_get_grid (self->store, dg_time_entry_get_assistant_id (self->entry), &day, &error);
  if (rows == NULL)
    {
      /* Translators: %s is the reason, a sentence */
      g_autofree char *message = g_strdup_printf (_("The assistant’s tasks could not be read: %s"), error->message);

      show_error (self, message);
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_timesheet_grid_row_free);
    }

  g_array_set_size (self->task_ids, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      DgTimesheetGridRow *row = g_ptr_array_index (rows, i);

      if (row->task_id == current)
        selected = self->task_ids->len;
      has_none = has_none || row->task_id == 0;
      g_array_append_val (self->task_ids, row->task_id);
      g_ptr_array_add (titles, row->title);
    }
  /* Unless reading failed, the grid has both; these keep the entry's own
   * choice in reach all the same. */
  if (current != 0 && (self->task_ids->len == 0 || g_array_index (self->task_ids, gint64, selected) != current))
    {
      selected = self->task_ids->len;
      g_array_append_val (self->task_ids, current);
      g_ptr_array_add (titles, (gpointer) dg_time_entry_get_task_title (self->entry));
    }
  if (!has_none)
    {
      gint64 none = 0;

      if (current == 0)
        selected = self->task_ids->len;
      g_array_append_val (self->task_ids, none);
      g_ptr_array_add (titles, (gpointer) _("No task"));
    }
  g_ptr_array_add (titles, NULL);
  gtk_string_list_splice (self->task_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->task_model)),
                          (const char * const *) titles->pdata);
  adw_combo_row_set_selected (self->task_row, selected);
}

static void
fill_form (DgTimeEntryDialog *self)
{
  g_autoptr(GDateTime) local = dg_time_entry_dup_local_start (self->entry);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  g_autofree char *duration = dg_duration_format_minutes (dg_time_entry_get_minutes (self->entry));
  /* Translators: the start row's title; %s is the assistant's time zone,
   * "Asia/Manila" */
  g_autofree char *time_title = g_strdup_printf (_("Start in %s (HH:MM)"), dg_time_entry_get_time_zone (self->entry));
  const char *reason = dg_time_entry_get_reason (self->entry);

  self->zone = g_time_zone_ref (g_date_time_get_timezone (local));
  adw_window_title_set_subtitle (self->window_title, dg_time_entry_get_assistant_name (self->entry));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->time_row), time_title);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), dg_time_entry_get_local_date (self->entry));
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
  gtk_editable_set_text (GTK_EDITABLE (self->duration_row), duration);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), dg_time_entry_get_note (self->entry), -1);
  if (dg_time_entry_get_state (self->entry) == DG_TIME_ENTRY_STATE_REJECTED && reason != NULL && reason[0] != '\0')
    {
      /* Translators: above the form of a rejected entry; %s is the reason
       * it was rejected */
      g_autofree char *text = g_strdup_printf (_("Rejected: %s. Saving the corrected entry makes it wait for approval again."),
                                               reason);

      gtk_label_set_label (self->reason_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->reason_label), TRUE);
    }
  fill_tasks (self);
  show_error (self, NULL);
}

DgTimeEntryDialog *
dg_time_entry_dialog_new (GtkWindow        *parent,
                          DgTimesheetStore *store,
                          DgTimeEntry      *entry)
{
  DgTimeEntryDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (store), NULL);
  g_return_val_if_fail (DG_IS_TIME_ENTRY (entry), NULL);
  g_return_val_if_fail (dg_time_entry_get_id (entry) > 0, NULL);

  self = g_object_new (DG_TYPE_TIME_ENTRY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->entry = dg_time_entry_copy (entry);
  fill_form (self);
  return self;
}

static void
dg_time_entry_dialog_dispose (GObject *object)
{
  DgTimeEntryDialog *self = DG_TIME_ENTRY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_TIME_ENTRY_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (dg_time_entry_dialog_parent_class)->dispose (object);
}

static void
dg_time_entry_dialog_finalize (GObject *object)
{
  DgTimeEntryDialog *self = DG_TIME_ENTRY_DIALOG (object);

  g_clear_pointer (&self->task_ids, g_array_unref);

  G_OBJECT_CLASS (dg_time_entry_dialog_parent_class)->finalize (object);
}

static void
dg_time_entry_dialog_class_init (DgTimeEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_time_entry_dialog_dispose;
  object_class->finalize = dg_time_entry_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-time-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgTimeEntryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DgTimeEntryDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, DgTimeEntryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, DgTimeEntryDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, DgTimeEntryDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, DgTimeEntryDialog, task_row);
  gtk_widget_class_bind_template_child (widget_class, DgTimeEntryDialog, task_model);
  gtk_widget_class_bind_template_child (widget_class, DgTimeEntryDialog, field_errors);
  gtk_widget_class_bind_template_child (widget_class, DgTimeEntryDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, DgTimeEntryDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, on_save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_time_entry_dialog_init (DgTimeEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->task_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}
