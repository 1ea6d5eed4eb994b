/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-calendar-import-dialog"

#include <glib/gi18n.h>

#include "dg-calendar-import-dialog.h"

struct _DgCalendarImportDialog
{
  AdwWindow            parent_instance;

  DgCalendarImport    *import;

  GtkButton           *apply_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *changes_group;
  GtkListBox          *change_list;
  AdwPreferencesGroup *skipped_group;
  GtkListBox          *skipped_list;
};

G_DEFINE_FINAL_TYPE (DgCalendarImportDialog, dg_calendar_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_IMPORT,
  N_PROPS
};

enum {
  APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
format_percent (int percent)
{
  /* Translators: a task's percent complete, "40 %" */
  return g_strdup_printf (_("%d %%"), percent);
}

/* "Open → Done", and the percentages when they say more than the status:
 * "In Progress · 20 % → 60 %". */
static char *
describe_status_change (const DgCalendarChange *change)
{
  GString *text = g_string_new (NULL);
  gboolean percent_implied = (change->new_status == DG_TASK_STATUS_DONE && change->new_percent == 100) ||
                             (change->new_status == DG_TASK_STATUS_OPEN && change->new_percent == 0);

  if (change->old_status != change->new_status)
    /* Translators: a status change in the import preview, "Open → Done" */
    g_string_printf (text, _("%s → %s"),
                     dg_task_status_get_label (change->old_status),
                     dg_task_status_get_label (change->new_status));
  else
    g_string_append (text, dg_task_status_get_label (change->new_status));

  if (change->old_percent != change->new_percent &&
      (!percent_implied || change->old_status == change->new_status))
    {
      g_autofree char *old_percent = format_percent (change->old_percent);
      g_autofree char *new_percent = format_percent (change->new_percent);

      /* Translators: after the status in the import preview, the change of
       * percent complete: " · 20 % → 60 %" */
      g_string_append_printf (text, _(" · %s → %s"), old_percent, new_percent);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_date (const DgCalendarChange *change)
{
  g_autofree char *date = NULL;

  if (change->due == NULL)
    return g_strdup ("");
  /* The date that identifies the occurrence: the one in the task's zone,
   * as its RECURRENCE-ID has it. */
  /* Translators: the date of a task's occurrence in the import preview; see g_date_time_format() */
  date = g_date_time_format (change->due, _("%A, %-d %B %Y"));
  if (change->recurrence_id != NULL && *change->recurrence_id != '\0')
    return g_steal_pointer (&date);
  /* Translators: the import changes the task itself (a one-off task, or a
   * whole series), which is first due on this date */
  return g_strdup_printf (_("Due %s"), date);
}

static GtkWidget *
create_change_row (const DgCalendarChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = describe_date (change);
  g_autofree char *status = describe_status_change (change);
  g_autofree char *subtitle = NULL;

  if (*date != '\0')
    /* Translators: the occurrence's date, then its status change:
     * "Monday, 30 November 2026 · Open → Done" */
    subtitle = g_strdup_printf (_("%s · %s"), date, status);
  else
    subtitle = g_strdup (status);

  gtk_widget_set_name (row, "change_row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
create_skipped_row (const DgCalendarSkipped *skipped)
{
  GtkWidget *row = adw_action_row_new ();
  const char *name = skipped->summary != NULL && *skipped->summary != '\0' ? skipped->summary : skipped->uid;
  g_autofree char *subtitle = NULL;

  /* Translators: where an entry the import leaves alone is in the file,
   * and why: "Line 12 · This task is not in Delegate." */
  subtitle = g_strdup_printf (_("Line %u · %s"), skipped->line, skipped->reason);

  gtk_widget_set_name (row, "skipped_row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL && *name != '\0' ? name : _("Untitled Entry"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The UID tells the owner which entry it is when the summary does not. */
  if (skipped->uid != NULL && *skipped->uid != '\0')
    gtk_widget_set_tooltip_text (row, skipped->uid);
  return row;
}

static void
fill (DgCalendarImportDialog *self)
{
  GPtrArray *changes = dg_calendar_import_get_changes (self->import);
  GPtrArray *skipped = dg_calendar_import_get_skipped (self->import);
  g_autofree char *summary = dg_calendar_import_describe (self->import);

  gtk_label_set_text (self->summary_label, summary);

  for (guint i = 0; i < changes->len; i++)
    gtk_list_box_append (self->change_list, create_change_row (g_ptr_array_index (changes, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), changes->len > 0);

  for (guint i = 0; i < skipped->len; i++)
    gtk_list_box_append (self->skipped_list, create_skipped_row (g_ptr_array_index (skipped, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), skipped->len > 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), changes->len > 0);
  /* With nothing to apply, Enter should not seem to do something. */
  if (changes->len == 0)
    gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
}

static void
on_apply_button_clicked (DgCalendarImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!dg_calendar_import_apply (self->import, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[APPLIED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
dg_calendar_import_dialog_constructed (GObject *object)
{
  DgCalendarImportDialog *self = DG_CALENDAR_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (dg_calendar_import_dialog_parent_class)->constructed (object);

  fill (self);
}

static void
dg_calendar_import_dialog_dispose (GObject *object)
{
  DgCalendarImportDialog *self = DG_CALENDAR_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_CALENDAR_IMPORT_DIALOG);
  g_clear_object (&self->import);

  G_OBJECT_CLASS (dg_calendar_import_dialog_parent_class)->dispose (object);
}

static void
dg_calendar_import_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  DgCalendarImportDialog *self = DG_CALENDAR_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      g_value_set_object (value, self->import);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_calendar_import_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  DgCalendarImportDialog *self = DG_CALENDAR_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      self->import = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_calendar_import_dialog_class_init (DgCalendarImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dg_calendar_import_dialog_constructed;
  object_class->dispose = dg_calendar_import_dialog_dispose;
  object_class->get_property = dg_calendar_import_dialog_get_property;
  object_class->set_property = dg_calendar_import_dialog_set_property;

  properties[PROP_IMPORT] =
    g_param_spec_object ("import", NULL, NULL,
                         DG_TYPE_CALENDAR_IMPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The changes were written; the dialog closes right after. */
  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-calendar-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgCalendarImportDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarImportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarImportDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarImportDialog, change_list);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarImportDialog, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, DgCalendarImportDialog, skipped_list);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_button_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_calendar_import_dialog_init (DgCalendarImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DgCalendarImportDialog *
dg_calendar_import_dialog_new (GtkWindow        *parent,
                               DgCalendarImport *import)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_CALENDAR_IMPORT (import), NULL);

  return g_object_new (DG_TYPE_CALENDAR_IMPORT_DIALOG,
                       "transient-for", parent,
                       "import", import,
                       NULL);
}
