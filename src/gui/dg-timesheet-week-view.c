/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-timesheet-week-view"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dg-confirmation.h"
#include "dg-duration.h"
#include "dg-money.h"
#include "dg-reason-dialog.h"
#include "dg-time-entry-dialog.h"
#include "dg-timesheet-week-view.h"

struct _DgTimesheetWeekView
{
  AdwBin            parent_instance;

  DgTimesheetStore *store;
  DgTimesheetWeek  *week;            /* the last one read, or NULL */
  gint64            assistant_id;    /* 0: no week chosen */
  GDate             week_start;
  /* A change while hidden is read when shown. */
  gboolean          stale;
  gint64            delete_entry_id; /* asked about in the confirmation */
  GListStore       *entries;         /* DgTimeEntry */
  GtkLabel         *day_names[7];
  GtkLabel         *day_hours[7];

  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *state_label;
  GtkLabel         *error_label;
  GtkWidget        *week_buttons;
  GtkWidget        *approve_week_button;
  GtkWidget        *reject_week_button;
  GtkWidget        *reopen_week_button;
  GtkStack         *entries_stack;
  GtkColumnView    *entries_view;
  GtkScrolledWindow *entries_scroller;
  GtkGrid          *day_grid;
  GtkListBox       *totals_list;
  GtkListBox       *history_list;
};

G_DEFINE_FINAL_TYPE (DgTimesheetWeekView, dg_timesheet_week_view, ADW_TYPE_BIN)

static GtkWindow *
parent_window (DgTimesheetWeekView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (DgTimesheetWeekView *self,
            const char          *heading,
            const GError        *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
format_money (gint64      minor,
              const char *currency)
{
  DgMoney money;

  dg_money_init (&money, minor, currency);
  return dg_money_format (&money);
}

static GDateTime *
date_time_of (const GDate *date)
{
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
}

/* A row of the totals: plain text, which a task title may not be as markup. */
static GtkWidget *
total_row (const char *title,
           const char *subtitle,
           const char *amount,
           gboolean    emphasis)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (amount != NULL)
    {
      GtkWidget *label = gtk_label_new (amount);

      gtk_widget_add_css_class (label, "numeric");
      if (emphasis)
        gtk_widget_add_css_class (label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (emphasis)
    gtk_widget_add_css_class (row, "dg-total-row");
  return row;
}

static void
fill_days (DgTimesheetWeekView *self)
{
  g_autoptr(GDateTime) first = date_time_of (dg_timesheet_week_get_start (self->week));

  for (guint day = 0; day < 7; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (first, day);
      /* Translators: a day in the week's hours per day, "Mon 2"; see
       * g_date_time_format() for the codes. */
      g_autofree char *name = g_date_time_format (date, _("%a %-d"));
      g_autofree char *hours = dg_duration_format_minutes (dg_timesheet_week_get_day_minutes (self->week, day));

      gtk_label_set_label (self->day_names[day], name);
      gtk_label_set_label (self->day_hours[day], hours);
      gtk_widget_set_opacity (GTK_WIDGET (self->day_hours[day]),
                              dg_timesheet_week_get_day_minutes (self->week, day) > 0 ? 1.0 : 0.5);
    }
}

/* "Fri 20 Nov" for a stored "YYYY-MM-DD"; the text itself if it is not one. */
static char *
format_due_date (const char *date)
{
  g_autoptr(GDateTime) day = NULL;
  int year = 0, month = 0, dom = 0;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &dom) != 3 ||
      (day = g_date_time_new_utc (year, month, dom, 0, 0, 0)) == NULL)
    return g_strdup (date != NULL ? date : "");
  /* Translators: a fixed fee's due date in the week's totals, "Fri 20 Nov";
   * see g_date_time_format() for the codes. */
  return g_date_time_format (day, _("%a %-d %b"));
}

static void
fill_totals (DgTimesheetWeekView *self)
{
  const char *currency = dg_timesheet_week_get_currency (self->week);
  GPtrArray *tasks = dg_timesheet_week_get_task_totals (self->week);
  GPtrArray *fees = dg_timesheet_week_get_fixed_fees (self->week);
  DgMoney amount = dg_timesheet_week_get_amount (self->week);
  g_autofree char *week_hours = dg_duration_format_hours (dg_timesheet_week_get_minutes (self->week));
  g_autofree char *week_amount = dg_money_format (&amount);

  clear_list_box (self->totals_list);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      DgTimesheetTaskTotal *total = g_ptr_array_index (tasks, i);
      g_autofree char *hours = dg_duration_format_hours (total->minutes);
      /* A fixed-fee task's hours earn nothing by themselves: its fee is a
       * row of its own. */
      g_autofree char *money = total->amount != 0 ? format_money (total->amount, currency) : NULL;

      gtk_list_box_append (self->totals_list, total_row (total->title, hours, money, FALSE));
    }
  for (guint i = 0; fees != NULL && i < fees->len; i++)
    {
      DgTimesheetFixedFee *fee = g_ptr_array_index (fees, i);
      g_autofree char *money = format_money (fee->fee, currency);
      g_autofree char *due = format_due_date (fee->due_date);
      /* Translators: below a fixed-fee task's title in the week's totals;
       * %s is its due date, "Fri 20 Nov" */
      g_autofree char *subtitle = g_strdup_printf (_("Fixed fee, due %s"), due);

      gtk_list_box_append (self->totals_list, total_row (fee->title, subtitle, money, FALSE));
    }
  gtk_list_box_append (self->totals_list, total_row (_("Week Total"), week_hours, week_amount, TRUE));
}

static GtkWidget *
history_row (DgAuditEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *description = dg_audit_event_describe (event);
  g_autoptr(GDateTime) at = g_date_time_to_local (dg_audit_event_get_at (event));
  /* Translators: when a change was made, in the owner's time zone; see
   * g_date_time_format() for the codes. */
  g_autofree char *when = g_date_time_format (at, _("%-d %b %Y, %H:%M"));
  const char *summary = dg_audit_event_get_summary (event);
  g_autofree char *subtitle = NULL;

  if (summary != NULL && summary[0] != '\0')
    /* Translators: below a change in the history: when, then what it was
     * about, "28 Nov 2026, 14:05 · Mon 2 Mar, 1:30, Inbox triage" */
    subtitle = g_strdup_printf (_("%s · %s"), when, summary);
  else
    subtitle = g_strdup (when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), description);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_name (row, "history_row");
  if (dg_audit_event_get_automatic (event))
    {
      /* Automatic approvals are told apart at a glance: the owner did not
       * look at those hours. */
      GtkWidget *tag = gtk_label_new (_("Automatic"));

      gtk_widget_set_name (tag, "history_automatic");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "dg-tag");
      gtk_widget_add_css_class (tag, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  return row;
}

static void
fill_history (DgTimesheetWeekView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = dg_timesheet_store_list_audit (self->store, self->assistant_id,
                                                                &self->week_start, &error);

  clear_list_box (self->history_list);
  if (events == NULL)
    {
      /* Translators: %s is the reason, a sentence */
      g_autofree char *message = g_strdup_printf (_("The history of this week could not be read: %s"),
                                                  error->message);

      gtk_list_box_append (self->history_list, total_row (message, NULL, NULL, FALSE));
      return;
    }
  if (events->len == 0)
    gtk_list_box_append (self->history_list, total_row (_("No changes yet"), NULL, NULL, FALSE));
  for (guint i = 0; i < events->len; i++)
    gtk_list_box_append (self->history_list, history_row (g_ptr_array_index (events, i)));
}

static void
update_buttons (DgTimesheetWeekView *self)
{
  gboolean pending = self->week != NULL && dg_timesheet_week_get_n_pending (self->week) > 0;
  /* An invoiced entry has been paid for: its week never reopens. */
  gboolean reopenable = self->week != NULL &&
                        dg_timesheet_week_get_n_approved (self->week) > 0 &&
                        dg_timesheet_week_get_n_invoiced (self->week) == 0;

  gtk_widget_set_visible (self->approve_week_button, pending);
  gtk_widget_set_visible (self->reject_week_button, pending);
  gtk_widget_set_visible (self->reopen_week_button, reopenable);
  gtk_widget_set_visible (self->week_buttons, pending || reopenable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "week.approve-week", pending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "week.reject-week", pending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "week.reopen-week", reopenable);
}

/* The week that holds the middle day of the one shown: the same week while
 * the first day of the week is unchanged, else the new week that shares
 * the most days with it (Monday 2 → Sunday 1, and back). */
static void
align_week_start (DgTimesheetWeekView *self)
{
  GDate middle = self->week_start;

  g_date_add_days (&middle, 3);
  dg_timesheet_week_start_of (&middle, dg_timesheet_store_get_week_start (self->store), &self->week_start);
}

static void
load (DgTimesheetWeekView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTimesheetWeek) week = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *range = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *amount_text = NULL;
  DgMoney amount;

  self->stale = FALSE;
  if (self->store == NULL || self->assistant_id == 0)
    return;

  /* The first day of the week may have changed in Preferences since the
   * week was chosen. */
  align_week_start (self);
  week = dg_timesheet_store_get_week (self->store, self->assistant_id, &self->week_start, &error);
  if (week != NULL)
    entries = dg_timesheet_store_list_week_entries (self->store, self->assistant_id, &self->week_start, &error);
  if (entries == NULL)
    {
      /* Translators: %s is the reason, a sentence */
      g_autofree char *message = g_strdup_printf (_("The week could not be read: %s"), error->message);

      gtk_label_set_label (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_set_object (&self->week, week);

  range = dg_timesheet_week_format_range (week);
  hours = dg_duration_format_hours (dg_timesheet_week_get_minutes (week));
  amount = dg_timesheet_week_get_amount (week);
  amount_text = dg_money_format (&amount);
  /* Translators: below an assistant's name: the week, its hours and amount
   * and the assistant's time zone, "2–8 March 2026 · 12.5 h · €187.50 ·
   * Asia/Manila" */
  subtitle = g_strdup_printf (_("%s · %s · %s · times in %s"), range, hours, amount_text,
                              dg_timesheet_week_get_time_zone (week));
  gtk_label_set_label (self->title_label, dg_timesheet_week_get_assistant_name (week));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->state_label, dg_timesheet_state_get_label (dg_timesheet_week_get_state (week)));

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
  gtk_stack_set_visible_child_name (self->entries_stack, entries->len > 0 ? "list" : "empty");

  fill_days (self);
  fill_totals (self);
  fill_history (self);
  update_buttons (self);
}

void
dg_timesheet_week_view_reload (DgTimesheetWeekView *self)
{
  g_return_if_fail (DG_IS_TIMESHEET_WEEK_VIEW (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->stale = TRUE;
}

void
dg_timesheet_week_view_show_week (DgTimesheetWeekView *self,
                                  gint64               assistant_id,
                                  const GDate         *week_start)
{
  g_return_if_fail (DG_IS_TIMESHEET_WEEK_VIEW (self));
  g_return_if_fail (assistant_id > 0);
  g_return_if_fail (week_start != NULL && g_date_valid (week_start));

  self->assistant_id = assistant_id;
  self->week_start = *week_start;
  load (self);
}

DgTimesheetWeek *
dg_timesheet_week_view_get_week (DgTimesheetWeekView *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK_VIEW (self), NULL);

  return self->week;
}

static void
dg_timesheet_week_view_map (GtkWidget *widget)
{
  DgTimesheetWeekView *self = DG_TIMESHEET_WEEK_VIEW (widget);

  GTK_WIDGET_CLASS (dg_timesheet_week_view_parent_class)->map (widget);
  if (self->stale)
    load (self);
}

/* ---- the entries' cells --------------------------------------------------- */

static void
on_label_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                DgTimesheetWeekView      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (list_item, label);
}

/* Dates are short and read whole. */
static void
on_date_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DgTimesheetWeekView      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

/* A rejection's reason gets room, on one line: GTK 4.8's list measures a
 * wrapped label shorter than it is drawn and would cut off the last rows.
 * The tooltip and the history have it whole. */
static void
on_state_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                DgTimesheetWeekView      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_list_item_set_child (list_item, label);
}

static void
on_number_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 DgTimesheetWeekView      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_date_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              DgTimesheetWeekView      *self)
{
  DgTimeEntry *entry = gtk_list_item_get_item (list_item);
  g_autoptr(GDateTime) start = dg_time_entry_dup_local_start (entry);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, dg_time_entry_get_minutes (entry));
  /* Translators: when an entry's work began, in the assistant's zone,
   * "Mon 2 Mar, 09:00"; see g_date_time_format() for the codes. */
  g_autofree char *day = g_date_time_format (start, _("%a %-d %b, %H:%M"));
  /* Translators: when an entry's work ended, "10:30" */
  g_autofree char *until = g_date_time_format (end, _("%H:%M"));
  /* Translators: an entry's start and end, "Mon 2 Mar, 09:00–10:30" */
  g_autofree char *text = g_strdup_printf (_("%s–%s"), day, until);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
on_task_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              DgTimesheetWeekView      *self)
{
  DgTimeEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *title = dg_time_entry_get_task_title (entry);
  gboolean has_task = title != NULL && title[0] != '\0';

  gtk_label_set_label (GTK_LABEL (label), has_task ? title : _("No task"));
  gtk_widget_set_tooltip_text (label, has_task ? title : NULL);
  gtk_widget_set_opacity (label, has_task ? 1.0 : 0.55);
}

static void
on_duration_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  DgTimesheetWeekView      *self)
{
  DgTimeEntry *entry = gtk_list_item_get_item (list_item);
  g_autofree char *text = dg_duration_format_minutes (dg_time_entry_get_minutes (entry));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
on_note_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              DgTimesheetWeekView      *self)
{
  DgTimeEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *note = dg_time_entry_get_note (entry);
  g_autofree char *line = g_strdup (note != NULL ? note : "");

  /* One line in the cell, the whole note in the tooltip. */
  g_strdelimit (line, "\n\r\t", ' ');
  gtk_label_set_label (GTK_LABEL (label), line);
  gtk_widget_set_tooltip_text (label, note != NULL && note[0] != '\0' ? note : NULL);
}

static void
on_state_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DgTimesheetWeekView      *self)
{
  DgTimeEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  DgTimeEntryState state = dg_time_entry_get_state (entry);
  const char *reason = dg_time_entry_get_reason (entry);
  g_autofree char *text = NULL;

  if (state == DG_TIME_ENTRY_STATE_REJECTED && reason != NULL && reason[0] != '\0')
    /* Translators: a rejected entry's state and why, "Rejected: wrong day" */
    text = g_strdup_printf (_("%s: %s"), dg_time_entry_state_get_label (state), reason);
  else
    text = g_strdup (dg_time_entry_state_get_label (state));

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  if (state == DG_TIME_ENTRY_STATE_REJECTED)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

/* Approve and Reject for each entry while it waits, Edit and Delete while
 * it may still change (pending or rejected): in reach of Tab from the row.
 * Icons keep the columns of text wide; the tooltips and accessible names
 * say what they do. */
static GtkWidget *
entry_button (const char *name,
              const char *icon_name,
              const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  return button;
}

/* GTK 4.8 scrolls a column view to a focused row, but not sideways to a
 * focused cell: in a narrow window Tab would take the focus to the row's
 * buttons past the right edge, out of sight. */
static void
on_buttons_focus_enter (GtkEventControllerFocus *controller,
                        DgTimesheetWeekView     *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scroller = GTK_WIDGET (self->entries_scroller);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->entries_scroller);
  double value = gtk_adjustment_get_value (hadjustment);
  double width = gtk_widget_get_width (scroller);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (box, scroller, &bounds))
    return;
  if (bounds.origin.x + bounds.size.width > width)
    gtk_adjustment_set_value (hadjustment, value + bounds.origin.x + bounds.size.width - width);
  else if (bounds.origin.x < 0)
    gtk_adjustment_set_value (hadjustment, value + bounds.origin.x);
}

static void
on_buttons_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  DgTimesheetWeekView      *self)
{
  /* Close together: four of them share the row with the text. */
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *focus;

  gtk_box_append (GTK_BOX (box), entry_button ("entry_approve_button", "object-select-symbolic", _("Approve")));
  /* Not a cross, which reads as "close this row". */
  gtk_box_append (GTK_BOX (box), entry_button ("entry_reject_button", "action-unavailable-symbolic", _("Reject…")));
  gtk_box_append (GTK_BOX (box), entry_button ("entry_edit_button", "document-edit-symbolic", _("Edit…")));
  gtk_box_append (GTK_BOX (box), entry_button ("entry_delete_button", "user-trash-symbolic", _("Delete…")));
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  /* As tall with the buttons hidden: every row has the same height. */
  gtk_widget_set_size_request (box, -1, 34);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_buttons_focus_enter), self, 0);
  gtk_widget_add_controller (box, focus);
  gtk_list_item_set_child (list_item, box);
}

static void
on_buttons_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 DgTimesheetWeekView      *self)
{
  DgTimeEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *approve = gtk_widget_get_first_child (box);
  GtkWidget *reject = gtk_widget_get_next_sibling (approve);
  GtkWidget *edit = gtk_widget_get_next_sibling (reject);
  GtkWidget *delete = gtk_widget_get_next_sibling (edit);
  gint64 id = dg_time_entry_get_id (entry);
  DgTimeEntryState state = dg_time_entry_get_state (entry);

  /* The target before the name: a name without its target is refused. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (approve), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (reject), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (approve), "week.approve-entry");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reject), "week.reject-entry");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "week.edit-entry");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "week.delete-entry");
  gtk_widget_set_visible (approve, state == DG_TIME_ENTRY_STATE_PENDING);
  gtk_widget_set_visible (reject, state == DG_TIME_ENTRY_STATE_PENDING);
  gtk_widget_set_visible (edit, dg_time_entry_state_is_editable (state));
  gtk_widget_set_visible (delete, dg_time_entry_state_is_editable (state));
}

/* ---- actions -------------------------------------------------------------- */

static void
on_approve_entry_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DgTimesheetWeekView *self = DG_TIMESHEET_WEEK_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (self->store == NULL)
    return;
  if (!dg_timesheet_store_approve_entries (self->store, &id, 1, &error))
    {
      show_error (self, _("Could Not Approve the Entry"), error);
      load (self);
    }
}

static void
on_entry_reason_chosen (DgReasonDialog      *dialog,
                        const char          *reason,
                        DgTimesheetWeekView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "dg-entry-id");

  if (!dg_timesheet_store_reject_entries (self->store, id, 1, reason, &error))
    {
      show_error (self, _("Could Not Reject the Entry"), error);
      load (self);
    }
}

static void
on_reject_entry_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DgTimesheetWeekView *self = DG_TIMESHEET_WEEK_VIEW (widget);
  DgReasonDialog *dialog;
  gint64 *id;

  if (self->store == NULL)
    return;
  id = g_new (gint64, 1);
  *id = g_variant_get_int64 (parameter);
  dialog = dg_reason_dialog_new (parent_window (self), _("Reject the Entry?"),
                                 _("The assistant sees why and can correct the entry, which then waits for approval again."),
                                 _("_Reject"));
  g_object_set_data_full (G_OBJECT (dialog), "dg-entry-id", id, g_free);
  g_signal_connect_object (dialog, "reason-chosen", G_CALLBACK (on_entry_reason_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The entry as listed, or NULL. */
static DgTimeEntry *
find_entry (DgTimesheetWeekView *self,
            gint64               entry_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgTimeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (dg_time_entry_get_id (entry) == entry_id)
        return entry;
    }
  return NULL;
}

static void
on_edit_entry_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DgTimesheetWeekView *self = DG_TIMESHEET_WEEK_VIEW (widget);
  DgTimeEntry *entry;

  if (self->store == NULL || (entry = find_entry (self, g_variant_get_int64 (parameter))) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (dg_time_entry_dialog_new (parent_window (self), self->store, entry)));
}

static void
on_delete_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    DgTimesheetWeekView *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;
  if (!dg_timesheet_store_delete_entry (self->store, self->delete_entry_id, &error))
    {
      show_error (self, _("Could Not Delete the Entry"), error);
      load (self);
    }
}

static void
on_delete_entry_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DgTimesheetWeekView *self = DG_TIMESHEET_WEEK_VIEW (widget);
  DgTimeEntry *entry;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *when = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *body = NULL;

  if (self->store == NULL || (entry = find_entry (self, g_variant_get_int64 (parameter))) == NULL)
    return;
  self->delete_entry_id = dg_time_entry_get_id (entry);
  start = dg_time_entry_dup_local_start (entry);
  /* Translators: the day of an entry to be deleted, "Mon 2 Mar"; see
   * g_date_time_format() for the codes. */
  when = g_date_time_format (start, _("%a %-d %b"));
  hours = dg_duration_format_minutes (dg_time_entry_get_minutes (entry));
  /* Translators: %s are the entry's hours, "1:30", its day, "Mon 2 Mar",
   * and the assistant's name */
  body = g_strdup_printf (_("The %s hours of %s are removed from %s’s week. The week’s history keeps that they were deleted."),
                          hours, when, dg_time_entry_get_assistant_name (entry));
  dg_confirmation_present (parent_window (self), _("Delete the Entry?"), body, _("_Cancel"),
                           "delete", _("_Delete"), G_CALLBACK (on_delete_response), self);
}

static void
on_approve_week_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DgTimesheetWeekView *self = DG_TIMESHEET_WEEK_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->assistant_id == 0)
    return;
  if (!dg_timesheet_store_approve_week (self->store, self->assistant_id, &self->week_start, &error))
    {
      show_error (self, _("Could Not Approve the Week"), error);
      load (self);
    }
}

static void
on_week_reason_chosen (DgReasonDialog      *dialog,
                       const char          *reason,
                       DgTimesheetWeekView *self)
{
  g_autoptr(GError) error = NULL;
  gboolean reopen = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "dg-reopen"));
  GDate *week_start = g_object_get_data (G_OBJECT (dialog), "dg-week-start");
  gint64 *assistant_id = g_object_get_data (G_OBJECT (dialog), "dg-assistant-id");
  gboolean done;

  /* The week the dialog was opened for, even if another was chosen since. */
  if (reopen)
    done = dg_timesheet_store_reopen_week (self->store, *assistant_id, week_start, reason, &error);
  else
    done = dg_timesheet_store_reject_week (self->store, *assistant_id, week_start, reason, &error);
  if (!done)
    {
      show_error (self, reopen ? _("Could Not Reopen the Week") : _("Could Not Reject the Week"), error);
      load (self);
    }
}

static void
ask_week_reason (DgTimesheetWeekView *self,
                 gboolean             reopen)
{
  DgReasonDialog *dialog;
  gint64 *assistant_id;
  g_autofree char *body = NULL;

  if (self->store == NULL || self->week == NULL)
    return;

  if (reopen)
    body = g_strdup (_("The approved entries wait for approval again. The reason is kept in the week’s history."));
  else
    /* Translators: %s is the assistant's name */
    body = g_strdup_printf (_("Every entry still waiting goes back to %s with this reason, to be corrected."),
                            dg_timesheet_week_get_assistant_name (self->week));
  dialog = dg_reason_dialog_new (parent_window (self),
                                 reopen ? _("Reopen the Week?") : _("Reject the Week?"),
                                 body,
                                 reopen ? _("Re_open") : _("_Reject"));
  assistant_id = g_new (gint64, 1);
  *assistant_id = self->assistant_id;
  g_object_set_data_full (G_OBJECT (dialog), "dg-assistant-id", assistant_id, g_free);
  g_object_set_data_full (G_OBJECT (dialog), "dg-week-start",
                          g_date_copy (&self->week_start), (GDestroyNotify) g_date_free);
  g_object_set_data (G_OBJECT (dialog), "dg-reopen", GINT_TO_POINTER (reopen));
  g_signal_connect_object (dialog, "reason-chosen", G_CALLBACK (on_week_reason_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reject_week_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ask_week_reason (DG_TIMESHEET_WEEK_VIEW (widget), FALSE);
}

static void
on_reopen_week_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ask_week_reason (DG_TIMESHEET_WEEK_VIEW (widget), TRUE);
}

static void
on_store_changed (DgTimesheetWeekView *self)
{
  dg_timesheet_week_view_reload (self);
}

void
dg_timesheet_week_view_set_store (DgTimesheetWeekView *self,
                                  DgTimesheetStore    *store)
{
  g_return_if_fail (DG_IS_TIMESHEET_WEEK_VIEW (self));
  g_return_if_fail (DG_IS_TIMESHEET_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}

static void
dg_timesheet_week_view_dispose (GObject *object)
{
  DgTimesheetWeekView *self = DG_TIMESHEET_WEEK_VIEW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  /* The bin's child is built from the template: release it through the
   * bin first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_TIMESHEET_WEEK_VIEW);
  g_clear_object (&self->entries);
  g_clear_object (&self->week);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dg_timesheet_week_view_parent_class)->dispose (object);
}

static void
dg_timesheet_week_view_class_init (DgTimesheetWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_timesheet_week_view_dispose;
  widget_class->map = dg_timesheet_week_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-timesheet-week-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, title_label);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, state_label);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, error_label);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, week_buttons);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, approve_week_button);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, reject_week_button);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, reopen_week_button);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, entries_stack);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, entries_view);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, entries_scroller);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, day_grid);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, totals_list);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetWeekView, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_label_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_number_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_date_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_state_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_date_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_task_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_note_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_state_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_buttons_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_buttons_bind);

  gtk_widget_class_install_action (widget_class, "week.approve-entry", "x", on_approve_entry_activated);
  gtk_widget_class_install_action (widget_class, "week.reject-entry", "x", on_reject_entry_activated);
  gtk_widget_class_install_action (widget_class, "week.edit-entry", "x", on_edit_entry_activated);
  gtk_widget_class_install_action (widget_class, "week.delete-entry", "x", on_delete_entry_activated);
  gtk_widget_class_install_action (widget_class, "week.approve-week", NULL, on_approve_week_activated);
  gtk_widget_class_install_action (widget_class, "week.reject-week", NULL, on_reject_week_activated);
  gtk_widget_class_install_action (widget_class, "week.reopen-week", NULL, on_reopen_week_activated);
}

static void
dg_timesheet_week_view_init (DgTimesheetWeekView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (DG_TYPE_TIME_ENTRY);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_column_view_set_model (self->entries_view, GTK_SELECTION_MODEL (selection));

  /* Seven alike cells of a day's name over its hours, filled per week. */
  for (guint day = 0; day < 7; day++)
    {
      self->day_names[day] = GTK_LABEL (gtk_label_new (NULL));
      self->day_hours[day] = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->day_names[day]), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (self->day_names[day]), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->day_hours[day]), "numeric");
      gtk_grid_attach (self->day_grid, GTK_WIDGET (self->day_names[day]), (int) day, 0, 1, 1);
      gtk_grid_attach (self->day_grid, GTK_WIDGET (self->day_hours[day]), (int) day, 1, 1, 1);
    }
  update_buttons (self);
}
