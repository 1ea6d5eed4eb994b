/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-approve-until-dialog"

#include <glib/gi18n.h>

#include "dg-accessible.h"
#include "dg-approve-until-dialog.h"
#include "dg-duration.h"

struct _DgApproveUntilDialog
{
  AdwMessageDialog  parent_instance;

  DgTimesheetStore *store;
  GDate             until;
  guint             n_entries;
  gint64            minutes;

  GtkCalendar      *calendar;
};

G_DEFINE_FINAL_TYPE (DgApproveUntilDialog, dg_approve_until_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Counts what approve_until would approve now: the pending entries of
 * every assistant dated @until or earlier, as the store selects them. */
static void
count_pending (DgApproveUntilDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = dg_timesheet_store_list_entries (self->store, 0, NULL, &self->until, &error);
  g_autoptr(GDateTime) day = g_date_time_new_utc (g_date_get_year (&self->until), g_date_get_month (&self->until),
                                                  g_date_get_day (&self->until), 0, 0, 0);
  /* Translators: the last day whose hours are approved, "Sun 22 Nov 2026";
   * see g_date_time_format() for the codes. */
  g_autofree char *until = g_date_time_format (day, _("%a %-d %b %Y"));
  g_autofree char *body = NULL;

  self->n_entries = 0;
  self->minutes = 0;
  if (entries == NULL)
    /* Translators: %s is the reason, a sentence */
    body = g_strdup_printf (_("The hours waiting for approval could not be read: %s"), error->message);
  else
    {
      for (guint i = 0; i < entries->len; i++)
        {
          DgTimeEntry *entry = g_ptr_array_index (entries, i);

          if (dg_time_entry_get_state (entry) != DG_TIME_ENTRY_STATE_PENDING)
            continue;
          self->n_entries++;
          self->minutes += dg_time_entry_get_minutes (entry);
        }
      if (self->n_entries == 0)
        /* Translators: %s is a day, "Sun 22 Nov 2026" */
        body = g_strdup_printf (_("No entry dated %s or earlier waits for approval."), until);
      else
        {
          g_autofree char *hours = dg_duration_format_hours (self->minutes);

          /* Translators: %u is a number of time entries, the first %s
           * their hours, "12.5 h", the second a day, "Sun 22 Nov 2026" */
          body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u entry (%s) dated %s or earlier waits for approval. Approve it?",
                                               "%u entries (%s in all) of every assistant, dated %s or earlier, wait for approval. Approve them all?",
                                               self->n_entries),
                                  self->n_entries, hours, until);
        }
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), DG_APPROVE_UNTIL_DIALOG_RESPONSE,
                                           self->n_entries > 0);
}

static void
on_day_selected (DgApproveUntilDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  g_date_set_dmy (&self->until, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  if (self->store != NULL)
    count_pending (self);
}

void
dg_approve_until_dialog_set_until (DgApproveUntilDialog *self,
                                   const GDate          *until)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (DG_IS_APPROVE_UNTIL_DIALOG (self));
  g_return_if_fail (until != NULL && g_date_valid (until));

  day = g_date_time_new_local (g_date_get_year (until), g_date_get_month (until), g_date_get_day (until), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, day);
  /* Selecting the day already shown announces nothing. */
  self->until = *until;
  count_pending (self);
}

guint
dg_approve_until_dialog_get_n_entries (DgApproveUntilDialog *self)
{
  g_return_val_if_fail (DG_IS_APPROVE_UNTIL_DIALOG (self), 0);

  return self->n_entries;
}

gint64
dg_approve_until_dialog_get_minutes (DgApproveUntilDialog *self)
{
  g_return_val_if_fail (DG_IS_APPROVE_UNTIL_DIALOG (self), 0);

  return self->minutes;
}

static void
dg_approve_until_dialog_response (AdwMessageDialog *dialog,
                                  const char       *response)
{
  DgApproveUntilDialog *self = DG_APPROVE_UNTIL_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  guint n_approved = 0;

  if (ADW_MESSAGE_DIALOG_CLASS (dg_approve_until_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (dg_approve_until_dialog_parent_class)->response (dialog, response);

  /* A response can be given without the button (a test, an accessibility
   * tool): with nothing counted, it does nothing. */
  if (g_strcmp0 (response, DG_APPROVE_UNTIL_DIALOG_RESPONSE) != 0 || self->n_entries == 0)
    return;
  if (!dg_timesheet_store_approve_until (self->store, &self->until, &n_approved, &error))
    {
      GtkWidget *message = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                                   _("Could Not Approve the Hours"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static void
dg_approve_until_dialog_dispose (GObject *object)
{
  DgApproveUntilDialog *self = DG_APPROVE_UNTIL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_APPROVE_UNTIL_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dg_approve_until_dialog_parent_class)->dispose (object);
}

static void
dg_approve_until_dialog_class_init (DgApproveUntilDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = dg_approve_until_dialog_dispose;
  dialog_class->response = dg_approve_until_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-approve-until-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgApproveUntilDialog, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
}

static void
dg_approve_until_dialog_init (DgApproveUntilDialog *self)
{
  g_date_clear (&self->until, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  dg_accessible_name_calendar (self->calendar);
}

DgApproveUntilDialog *
dg_approve_until_dialog_new (GtkWindow        *parent,
                             DgTimesheetStore *store)
{
  DgApproveUntilDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  GDate until;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (store), NULL);

  self = g_object_new (DG_TYPE_APPROVE_UNTIL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  /* Up to the end of last week: the weeks that are over. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  dg_timesheet_week_start_of (&today, dg_timesheet_store_get_week_start (store), &until);
  g_date_subtract_days (&until, 1);
  dg_approve_until_dialog_set_until (self, &until);
  return self;
}
