/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-task-dialog"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-accessible.h"
#include "dg-confirmation.h"
#include "dg-form-row.h"
#include "dg-money.h"
#include "dg-recurrence.h"
#include "dg-task-dialog.h"
#include "dg-validation.h"

/* In the order of the repeat row's items. */
typedef enum
{
  PRESET_NEVER,
  PRESET_DAILY,
  PRESET_WEEKDAYS,
  PRESET_WEEKLY,
  PRESET_MONTHLY_DAY,
  PRESET_MONTHLY_WEEKDAY,
  PRESET_CUSTOM,
} RepeatPreset;

/* In the order of the ends row's items. */
typedef enum
{
  ENDS_NEVER,
  ENDS_AFTER,
  ENDS_ON_DATE,
} RepeatEnd;

/* In the order of the priority row's items. */
static const DgTaskPriority priorities[] = {
  DG_TASK_PRIORITY_NONE, DG_TASK_PRIORITY_HIGH, DG_TASK_PRIORITY_MEDIUM, DG_TASK_PRIORITY_LOW,
};

#define WORKDAYS (DG_WEEKDAY_MONDAY | DG_WEEKDAY_TUESDAY | DG_WEEKDAY_WEDNESDAY | \
                  DG_WEEKDAY_THURSDAY | DG_WEEKDAY_FRIDAY)
#define DEFAULT_TIME "09:00"

struct _DgTaskDialog
{
  AdwWindow         parent_instance;

  DgTaskStore      *tasks;
  DgAssistantStore *assistants;
  DgHandbookStore  *handbooks;
  DgTask           *edited;         /* the stored task, or NULL for a new one */
  DgTask           *working;        /* the copy the form writes to */
  GHashTable       *problems;       /* the rows marked invalid */
  GArray           *handbook_ids;   /* gint64 per handbook item; 0 = none */
  GArray           *assistant_ids;  /* gint64 per assistant item */
  char             *assistant_zone; /* of the chosen assistant: the default zone */
  gboolean          loading;
  gboolean          tried;          /* Save was pressed: required fields say so */
  GDateWeekday      due_weekday;    /* of the last valid due date */
  RepeatPreset      shown_preset;   /* the repeat row's choice before a change */

  AdwWindowTitle   *window_title;
  GtkWidget        *save_button;
  AdwToastOverlay  *toast_overlay;
  AdwEntryRow      *title_row;
  AdwComboRow      *handbook_row;
  GtkWidget        *latest_button;
  AdwComboRow      *assistant_row;
  AdwEntryRow      *date_row;
  GtkPopover       *date_popover;
  GtkCalendar      *calendar;
  GtkSwitch        *all_day_switch;
  AdwEntryRow      *time_row;
  AdwEntryRow      *time_zone_row;
  AdwPreferencesGroup *repeat_group;
  AdwComboRow      *repeat_row;
  GtkWidget        *weekdays_row;
  GtkToggleButton  *weekday_buttons[7];   /* Monday first */
  GtkWidget        *interval_row;
  GtkSpinButton    *interval_spin;
  GtkLabel         *unit_label;
  AdwEntryRow      *rrule_row;
  AdwComboRow      *ends_row;
  GtkWidget        *count_row;
  GtkSpinButton    *count_spin;
  AdwEntryRow      *until_row;
  AdwComboRow      *priority_row;
  GtkSpinButton    *estimate_spin;
  AdwComboRow      *billing_row;
  AdwEntryRow      *amount_row;
  GtkTextView      *notes_view;
  GtkWidget        *status_box;
  GtkWidget        *cancel_task_button;
  GtkWidget        *reopen_task_button;
  GtkLabel         *task_errors;
  GtkLabel         *due_errors;
  GtkLabel         *repeat_errors;
  GtkLabel         *billing_errors;
  GtkStringList    *handbook_model;
  GtkStringList    *assistant_model;
  GtkStringList    *priority_model;
  GtkStringList    *billing_model;
};

G_DEFINE_FINAL_TYPE (DgTaskDialog, dg_task_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_toast (DgTaskDialog *self,
            const char   *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

static guint
position_of_id (GArray *ids,
                gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static DgAssistant *
selected_assistant (DgTaskDialog *self)
{
  gint64 id = selected_id (self->assistant_row, self->assistant_ids);

  return id != 0 ? dg_assistant_store_find (self->assistants, id) : NULL;
}

/* ---- inline errors -------------------------------------------------------- */

/* Marks @row, and lists its message under its group (the label the row
 * was given in init). */
static void
set_problem (DgTaskDialog *self,
             gpointer      row,
             const GError *error)
{
  dg_form_row_set_error (row, g_object_get_data (row, "dg-errors-label"), error);
  if (error != NULL)
    g_hash_table_add (self->problems, row);
  else
    g_hash_table_remove (self->problems, row);
}

static void
set_problem_text (DgTaskDialog *self,
                  gpointer      row,
                  const char   *message)
{
  g_autoptr(GError) error = NULL;

  if (message != NULL)
    error = g_error_new_literal (DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID, message);
  set_problem (self, row, error);
}

/* A required field left empty complains only once the owner typed in it or
 * pressed Save: a new form does not start out red. */
static gboolean
complains_when_empty (DgTaskDialog *self,
                      gpointer      row)
{
  return self->tried || g_object_get_data (row, "dg-touched") != NULL;
}

/* ---- reading the form ------------------------------------------------------- */

/* "9:05" or "09:05" → "09:05"; NULL when it is no time of day. */
static char *
parse_time (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  unsigned hours = 0, minutes = 0;
  char *end = NULL;
  const char *p = stripped;

  if (!g_ascii_isdigit (*p))
    return NULL;
  hours = (unsigned) g_ascii_strtoull (p, &end, 10);
  if (end == p || end - p > 2 || *end != ':')
    return NULL;
  p = end + 1;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != '\0')
    return NULL;
  minutes = (unsigned) ((p[0] - '0') * 10 + (p[1] - '0'));
  if (hours > 23 || minutes > 59)
    return NULL;
  return g_strdup_printf ("%02u:%02u", hours, minutes);
}

/* The due date as typed, or NULL when it is not a valid date. */
static GDate *
due_date (DgTaskDialog *self)
{
  GDate *date;

  if (!dg_validate_date (text_of (self->date_row), NULL))
    return NULL;
  date = g_date_new ();
  g_date_set_parse (date, text_of (self->date_row));
  if (!g_date_valid (date))
    {
      g_date_free (date);
      return NULL;
    }
  return date;
}

static RepeatPreset
selected_preset (DgTaskDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->repeat_row);

  return selected <= PRESET_CUSTOM ? (RepeatPreset) selected : PRESET_NEVER;
}

/* The days the weekly row has chosen. */
static DgWeekdays
chosen_weekdays (DgTaskDialog *self)
{
  DgWeekdays weekdays = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_buttons); i++)
    if (gtk_toggle_button_get_active (self->weekday_buttons[i]))
      weekdays |= 1 << i;
  return weekdays;
}

static DgWeekdays
weekday_bit (GDateWeekday weekday)
{
  return 1 << (weekday - G_DATE_MONDAY);
}

/* Which day of the month (1..4, or -1 for the last) @date's weekday is. */
static int
week_number_of (const GDate *date)
{
  int number = (g_date_get_day (date) - 1) / 7 + 1;

  return number >= 5 ? -1 : number;
}

/* The rule the repeat rows describe: "" for a one-off, NULL with the
 * problem shown at the row that causes it. */
static char *
read_rrule (DgTaskDialog *self,
            const char   *time_zone)
{
  RepeatPreset preset = selected_preset (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = due_date (self);
  DgRecurrence recurrence = { 0 };
  char *rrule;

  set_problem (self, self->repeat_row, NULL);
  set_problem (self, self->rrule_row, NULL);
  set_problem (self, self->until_row, NULL);
  set_problem (self, self->weekdays_row, NULL);

  if (preset == PRESET_CUSTOM)
    {
      if (dg_text_is_blank (text_of (self->rrule_row)) && !complains_when_empty (self, self->rrule_row))
        return NULL;
      rrule = dg_rrule_normalize (text_of (self->rrule_row), &error);
      set_problem (self, self->rrule_row, error);
      return rrule;
    }

  recurrence.interval = gtk_spin_button_get_value_as_int (self->interval_spin);
  switch (preset)
    {
    case PRESET_NEVER:
      return g_strdup ("");
    case PRESET_DAILY:
      recurrence.kind = DG_RECURRENCE_DAILY;
      break;
    case PRESET_WEEKDAYS:
      recurrence.kind = DG_RECURRENCE_WEEKLY;
      recurrence.interval = 1;
      recurrence.weekdays = WORKDAYS;
      break;
    case PRESET_WEEKLY:
      recurrence.kind = DG_RECURRENCE_WEEKLY;
      recurrence.weekdays = chosen_weekdays (self);
      if (recurrence.weekdays == 0)
        {
          set_problem_text (self, self->weekdays_row, _("Choose at least one day of the week."));
          return NULL;
        }
      break;
    case PRESET_MONTHLY_DAY:
    case PRESET_MONTHLY_WEEKDAY:
      /* The first occurrence is the due date, so the rule follows it. */
      if (date == NULL)
        return NULL;
      if (preset == PRESET_MONTHLY_DAY)
        {
          recurrence.kind = DG_RECURRENCE_MONTHLY_BY_DAY;
          recurrence.month_day = g_date_get_day (date);
        }
      else
        {
          recurrence.kind = DG_RECURRENCE_MONTHLY_BY_WEEKDAY;
          recurrence.week_number = week_number_of (date);
          recurrence.weekday = g_date_get_weekday (date);
        }
      break;
    case PRESET_CUSTOM:
    default:
      g_assert_not_reached ();
    }

  switch ((RepeatEnd) adw_combo_row_get_selected (self->ends_row))
    {
    case ENDS_AFTER:
      recurrence.count = gtk_spin_button_get_value_as_int (self->count_spin);
      break;
    case ENDS_ON_DATE:
      if (!dg_validate_date (text_of (self->until_row), &error))
        {
          if (!dg_text_is_blank (text_of (self->until_row)) || complains_when_empty (self, self->until_row))
            set_problem (self, self->until_row, error);
          return NULL;
        }
      if (date != NULL && strcmp (text_of (self->until_row), text_of (self->date_row)) < 0)
        {
          set_problem_text (self, self->until_row, _("The last date cannot be before the due date."));
          return NULL;
        }
      g_strlcpy (recurrence.until, text_of (self->until_row), sizeof recurrence.until);
      break;
    case ENDS_NEVER:
    default:
      break;
    }

  rrule = dg_recurrence_to_rrule (&recurrence, time_zone, &error);
  set_problem (self, self->repeat_row, error);
  return rrule;
}

static void
update_visibility (DgTaskDialog *self)
{
  RepeatPreset preset = selected_preset (self);
  RepeatEnd ends = adw_combo_row_get_selected (self->ends_row);
  gboolean repeats = preset != PRESET_NEVER && preset != PRESET_CUSTOM;
  DgTaskBilling billing = adw_combo_row_get_selected (self->billing_row);
  int interval = gtk_spin_button_get_value_as_int (self->interval_spin);
  DgAssistant *assistant = selected_assistant (self);
  const char *currency = assistant ? dg_assistant_get_currency (assistant) : "";
  g_autofree char *amount_title = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->time_row), !gtk_switch_get_active (self->all_day_switch));
  gtk_widget_set_visible (self->weekdays_row, preset == PRESET_WEEKLY);
  gtk_widget_set_visible (self->interval_row, repeats && preset != PRESET_WEEKDAYS);
  gtk_widget_set_visible (GTK_WIDGET (self->rrule_row), preset == PRESET_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->ends_row), repeats);
  gtk_widget_set_visible (self->count_row, repeats && ends == ENDS_AFTER);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), repeats && ends == ENDS_ON_DATE);

  if (preset == PRESET_DAILY)
    gtk_label_set_label (self->unit_label, g_dngettext (GETTEXT_PACKAGE, "day", "days", interval));
  else if (preset == PRESET_WEEKLY)
    gtk_label_set_label (self->unit_label, g_dngettext (GETTEXT_PACKAGE, "week", "weeks", interval));
  else
    gtk_label_set_label (self->unit_label, g_dngettext (GETTEXT_PACKAGE, "month", "months", interval));

  gtk_widget_set_visible (GTK_WIDGET (self->amount_row), billing != DG_TASK_BILLING_ASSISTANT_RATE);
  if (billing == DG_TASK_BILLING_FIXED_FEE)
    /* Translators: the title of the amount field, with the currency code: "Fee in EUR" */
    amount_title = g_strdup_printf (_("Fee in %s"), currency);
  else
    /* Translators: the title of the amount field, with the currency code: "Hourly Rate in EUR" */
    amount_title = g_strdup_printf (_("Hourly Rate in %s"), currency);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), amount_title);
}

/* Core refuses a series whose first date is not one of its rule's dates
 * (RFC 5545 leaves what such a start means open). Once every field is fine
 * on its own, that refusal is said beside the date: its message asks for a
 * start on a day the rule includes. */
static void
check_schedule (DgTaskDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTask) once = NULL;

  if (g_hash_table_size (self->problems) > 0 || !dg_task_is_recurring (self->working) ||
      dg_task_validate (self->working, &error))
    return;
  /* Only what the rule adds; anything else (a title still empty) is the
   * other fields' to say. */
  once = dg_task_copy (self->working);
  g_object_set (once, "rrule", "", NULL);
  if (dg_task_validate (once, NULL))
    set_problem (self, self->date_row, error);
}

/* Checks every field and writes the valid ones to the working copy; the
 * invalid ones are marked where they are. */
static void
validate_form (DgTaskDialog *self)
{
  g_autoptr(GError) error = NULL;
  DgAssistant *assistant = selected_assistant (self);
  const char *title = text_of (self->title_row);
  const char *zone = text_of (self->time_zone_row);
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);
  DgTaskBilling billing = adw_combo_row_get_selected (self->billing_row);
  guint priority = adw_combo_row_get_selected (self->priority_row);
  g_autofree char *time = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *description = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  gboolean zone_valid;

  update_visibility (self);

  if (dg_text_is_blank (title))
    set_problem_text (self, self->title_row,
                      complains_when_empty (self, self->title_row) ? _("Give the task a title.") : NULL);
  else
    set_problem (self, self->title_row, NULL);
  g_object_set (self->working, "title", title, NULL);

  if (assistant == NULL)
    set_problem_text (self, self->assistant_row,
                      _("Add an assistant on the Assistants page first: work is always assigned to someone."));
  else
    set_problem (self, self->assistant_row, NULL);
  g_object_set (self->working, "assistant-id", assistant ? dg_assistant_get_id (assistant) : (gint64) 0, NULL);

  if (dg_validate_date (text_of (self->date_row), &error))
    g_object_set (self->working, "due-date", text_of (self->date_row), NULL);
  set_problem (self, self->date_row, error);
  g_clear_error (&error);

  if (all_day)
    {
      set_problem (self, self->time_row, NULL);
      g_object_set (self->working, "due-time", "", NULL);
    }
  else if ((time = parse_time (text_of (self->time_row))) != NULL)
    {
      set_problem (self, self->time_row, NULL);
      g_object_set (self->working, "due-time", time, NULL);
    }
  else
    {
      set_problem_text (self, self->time_row,
                        _("Enter the time as hours and minutes, for example 09:30, or switch on All Day."));
    }

  zone_valid = dg_validate_time_zone (zone, &error);
  if (zone_valid)
    g_object_set (self->working, "time-zone", zone, NULL);
  else
    {
      g_autofree char *suggestion = dg_time_zone_suggest (zone);

      if (suggestion != NULL)
        {
          /* Translators: the time zone typed was not exact; %s is the one it probably means */
          g_autofree char *message = g_strdup_printf (_("Did you mean “%s”? Time zones are written as in the IANA database."), suggestion);

          g_clear_error (&error);
          error = g_error_new_literal (DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID, message);
        }
    }
  set_problem (self, self->time_zone_row, error);
  g_clear_error (&error);

  rrule = read_rrule (self, zone_valid ? zone : "UTC");
  if (rrule != NULL)
    {
      g_object_set (self->working, "rrule", rrule, NULL);
      description = dg_rrule_describe (rrule, zone_valid ? zone : "UTC");
    }
  adw_preferences_group_set_description (self->repeat_group,
                                         description && *description ? description
                                         : rrule && *rrule == '\0' ? _("Once, on the due date.") : NULL);

  g_object_set (self->working,
                "priority", priorities[priority < G_N_ELEMENTS (priorities) ? priority : 0],
                "estimate-minutes", gtk_spin_button_get_value_as_int (self->estimate_spin),
                "billing", billing,
                NULL);

  if (billing == DG_TASK_BILLING_ASSISTANT_RATE)
    {
      set_problem (self, self->amount_row, NULL);
      g_object_set (self->working, "billing-amount", (gint64) 0, NULL);
    }
  else if (assistant != NULL)
    {
      DgMoney money;

      if (dg_text_is_blank (text_of (self->amount_row)))
        set_problem_text (self, self->amount_row,
                          complains_when_empty (self, self->amount_row) ? _("Enter the amount.") : NULL);
      else if (!dg_money_parse (text_of (self->amount_row), dg_assistant_get_currency (assistant), &money, &error))
        set_problem (self, self->amount_row, error);
      else if (money.minor <= 0)
        set_problem_text (self, self->amount_row, _("The amount must be more than zero."));
      else
        {
          set_problem (self, self->amount_row, NULL);
          g_object_set (self->working, "billing-amount", money.minor, NULL);
        }
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set (self->working, "notes", notes, NULL);

  check_schedule (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "task.save",
                                 g_hash_table_size (self->problems) == 0);
}

/* ---- handbooks ------------------------------------------------------------- */

static int
latest_version (DgTaskDialog *self,
                gint64        handbook_id)
{
  DgHandbook *handbook = handbook_id ? dg_handbook_store_find (self->handbooks, handbook_id) : NULL;

  return handbook ? dg_handbook_get_version (handbook) : 0;
}

static void
update_handbook_subtitle (DgTaskDialog *self)
{
  gint64 id = selected_id (self->handbook_row, self->handbook_ids);
  int latest = latest_version (self, id);
  gboolean pinned = self->edited != NULL && id == dg_task_get_handbook_id (self->edited);
  int version = pinned ? dg_task_get_handbook_version (self->edited) : latest;
  g_autofree char *subtitle = NULL;

  if (id == 0)
    subtitle = g_strdup (_("Optional: the written instructions to follow"));
  else if (pinned && latest > version)
    /* Translators: the handbook version a task follows, and the newer one */
    subtitle = g_strdup_printf (_("Version %d · version %d is newer"), version, latest);
  else if (pinned)
    /* Translators: the handbook version a task follows */
    subtitle = g_strdup_printf (_("Version %d"), version);
  else
    /* Translators: the handbook version a new task will follow */
    subtitle = g_strdup_printf (_("Follows version %d, the latest"), latest);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->handbook_row), subtitle);
  gtk_widget_set_visible (self->latest_button, pinned && latest > version);
}

static void
on_handbook_selected (DgTaskDialog *self)
{
  gint64 id = selected_id (self->handbook_row, self->handbook_ids);
  gboolean pinned = self->edited != NULL && id == dg_task_get_handbook_id (self->edited);

  update_handbook_subtitle (self);
  if (self->loading)
    return;

  /* Another handbook is pinned at its latest version when saved. */
  g_object_set (self->working,
                "handbook-id", id,
                "handbook-version", pinned ? dg_task_get_handbook_version (self->edited) : 0,
                NULL);
  if (id != 0)
    {
      g_autoptr(DgHandbook) version = dg_handbook_store_get_version (self->handbooks, id,
                                                                     latest_version (self, id), NULL);

      self->loading = TRUE;
      if (version != NULL && dg_text_is_blank (text_of (self->title_row)))
        gtk_editable_set_text (GTK_EDITABLE (self->title_row), dg_handbook_get_display_title (version));
      if (version != NULL && dg_handbook_get_total_minutes (version) > 0)
        gtk_spin_button_set_value (self->estimate_spin, dg_handbook_get_total_minutes (version));
      self->loading = FALSE;
    }
  validate_form (self);
}

static void
on_latest_clicked (DgTaskDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->edited == NULL)
    return;
  if (!dg_task_store_update_handbook_version (self->tasks, self->edited, &error))
    {
      show_toast (self, error->message);
      return;
    }
  g_object_set (self->working, "handbook-version", dg_task_get_handbook_version (self->edited), NULL);
  update_handbook_subtitle (self);
  /* Translators: after the task was moved to the latest handbook version */
  message = g_strdup_printf (_("The task now follows version %d."), dg_task_get_handbook_version (self->edited));
  show_toast (self, message);
}

/* The published handbooks that are not archived, and the task's own. */
static void
fill_handbooks (DgTaskDialog *self)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  GListModel *model = G_LIST_MODEL (self->handbooks);
  gint64 own = dg_task_get_handbook_id (self->working);
  gint64 none = 0;

  g_array_append_val (self->handbook_ids, none);
  g_ptr_array_add (titles, (gpointer) C_("handbook", "None"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DgHandbook) handbook = g_list_model_get_item (model, i);
      gint64 id = dg_handbook_get_id (handbook);

      if (dg_handbook_get_version (handbook) == 0 ||
          (dg_handbook_get_archived (handbook) && id != own))
        continue;
      g_array_append_val (self->handbook_ids, id);
      g_ptr_array_add (titles, (gpointer) dg_handbook_get_display_title (handbook));
    }
  g_ptr_array_add (titles, NULL);
  gtk_string_list_splice (self->handbook_model, 0, 0, (const char * const *) titles->pdata);
}

/* ---- assistants ------------------------------------------------------------ */

static void
fill_assistants (DgTaskDialog *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GListModel *model = G_LIST_MODEL (self->assistants);
  gint64 own = dg_task_get_assistant_id (self->working);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DgAssistant) assistant = g_list_model_get_item (model, i);
      gint64 id = dg_assistant_get_id (assistant);

      if (!dg_assistant_get_active (assistant) && id != own)
        continue;
      g_array_append_val (self->assistant_ids, id);
      g_ptr_array_add (names, (gpointer) dg_assistant_get_name (assistant));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->assistant_model, 0, 0, (const char * const *) names->pdata);
}

static void
on_assistant_selected (DgTaskDialog *self)
{
  DgAssistant *assistant = selected_assistant (self);
  const char *zone = assistant ? dg_assistant_get_time_zone (assistant) : "";

  /* The zone follows the assistant unless the owner typed another one. */
  if (!self->loading &&
      (dg_text_is_blank (text_of (self->time_zone_row)) ||
       g_strcmp0 (text_of (self->time_zone_row), self->assistant_zone) == 0))
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->time_zone_row), zone);
      self->loading = FALSE;
    }
  g_free (self->assistant_zone);
  self->assistant_zone = g_strdup (zone);

  if (!self->loading)
    validate_form (self);
}

/* ---- changes --------------------------------------------------------------- */

static void
on_form_changed (DgTaskDialog *self)
{
  RepeatPreset preset = selected_preset (self);
  gboolean preset_chosen = preset != self->shown_preset;
  g_autoptr(GDate) date = NULL;

  if (self->loading)
    return;
  date = due_date (self);

  /* Weekly starts on the due date's day, so that the first date is one
   * of the rule's, and a custom rule from the one the presets made. Only
   * when the preset or the date changes: the owner may empty the days or
   * the rule to choose or type another. */
  self->loading = TRUE;
  if (date != NULL && preset == PRESET_WEEKLY)
    {
      DgWeekdays chosen = chosen_weekdays (self);
      GDateWeekday weekday = g_date_get_weekday (date);
      gboolean date_moved = weekday != self->due_weekday;

      /* The only day chosen being the old date's, it moves with the date;
       * days chosen besides it stay as they are. */
      if ((chosen == 0 && (preset_chosen || date_moved)) ||
          (date_moved && self->due_weekday != G_DATE_BAD_WEEKDAY && chosen == weekday_bit (self->due_weekday)))
        for (guint i = 0; i < G_N_ELEMENTS (self->weekday_buttons); i++)
          gtk_toggle_button_set_active (self->weekday_buttons[i], i == (guint) (weekday - G_DATE_MONDAY));
    }
  if (preset == PRESET_CUSTOM && preset_chosen && dg_text_is_blank (text_of (self->rrule_row)))
    gtk_editable_set_text (GTK_EDITABLE (self->rrule_row), dg_task_get_rrule (self->working));
  self->loading = FALSE;
  self->shown_preset = preset;
  if (date != NULL)
    self->due_weekday = g_date_get_weekday (date);

  validate_form (self);
}

static void
on_entry_changed (DgTaskDialog *self,
                  GtkEditable  *row)
{
  if (self->loading)
    return;
  g_object_set_data (G_OBJECT (row), "dg-touched", GINT_TO_POINTER (TRUE));
  on_form_changed (self);
}

static void
on_notes_changed (GtkTextBuffer *buffer,
                  DgTaskDialog  *self)
{
  if (!self->loading)
    validate_form (self);
}

/* The calendar opens on the date typed, when there is one. */
static void
on_date_popover_show (DgTaskDialog *self)
{
  g_autoptr(GDate) date = due_date (self);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) day = NULL;

  if (date == NULL)
    return;
  day = g_date_time_new (utc, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  self->loading = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->loading = FALSE;
}

static void
on_calendar_day_selected (DgTaskDialog *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  day = gtk_calendar_get_date (self->calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_popover_popdown (self->date_popover);
}

/* ---- loading ---------------------------------------------------------------- */

static void
load_recurrence (DgTaskDialog *self)
{
  const char *rrule = dg_task_get_rrule (self->working);
  DgRecurrence recurrence = { 0 };
  g_autoptr(GDate) date = due_date (self);
  RepeatPreset preset = PRESET_CUSTOM;

  gtk_editable_set_text (GTK_EDITABLE (self->rrule_row), rrule);
  if (!dg_recurrence_from_rrule (rrule, dg_task_get_time_zone (self->working), &recurrence))
    recurrence.kind = DG_RECURRENCE_CUSTOM;

  /* "FREQ=WEEKLY" without days repeats on the due date's (RFC 5545): the
   * Weekly preset shows that day chosen, and saves the same dates. */
  if (recurrence.kind == DG_RECURRENCE_CUSTOM && date != NULL &&
      strstr (rrule, "FREQ=WEEKLY") != NULL && strstr (rrule, "BYDAY=") == NULL)
    {
      static const char * const codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
      g_autofree char *with_day = g_strdup_printf ("%s;BYDAY=%s", rrule,
                                                   codes[g_date_get_weekday (date) - G_DATE_MONDAY]);
      DgRecurrence weekly = { 0 };

      if (dg_recurrence_from_rrule (with_day, dg_task_get_time_zone (self->working), &weekly) &&
          weekly.kind == DG_RECURRENCE_WEEKLY)
        recurrence = weekly;
    }

  switch (recurrence.kind)
    {
    case DG_RECURRENCE_NONE:
      preset = PRESET_NEVER;
      break;
    case DG_RECURRENCE_DAILY:
      preset = PRESET_DAILY;
      break;
    case DG_RECURRENCE_WEEKLY:
      preset = recurrence.weekdays == WORKDAYS && recurrence.interval == 1 ? PRESET_WEEKDAYS : PRESET_WEEKLY;
      break;
    /* A monthly rule on another day than the due date's is shown as typed:
     * the presets follow the due date. */
    case DG_RECURRENCE_MONTHLY_BY_DAY:
      if (date != NULL && recurrence.month_day == g_date_get_day (date))
        preset = PRESET_MONTHLY_DAY;
      break;
    case DG_RECURRENCE_MONTHLY_BY_WEEKDAY:
      if (date != NULL && recurrence.weekday == g_date_get_weekday (date) &&
          recurrence.week_number == week_number_of (date))
        preset = PRESET_MONTHLY_WEEKDAY;
      break;
    case DG_RECURRENCE_CUSTOM:
    default:
      break;
    }

  adw_combo_row_set_selected (self->repeat_row, preset);
  if (recurrence.interval >= 1)
    gtk_spin_button_set_value (self->interval_spin, recurrence.interval);
  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_buttons); i++)
    gtk_toggle_button_set_active (self->weekday_buttons[i],
                                  preset == PRESET_WEEKLY && (recurrence.weekdays & (1 << i)) != 0);
  if (recurrence.count > 0)
    {
      adw_combo_row_set_selected (self->ends_row, ENDS_AFTER);
      gtk_spin_button_set_value (self->count_spin, recurrence.count);
    }
  else if (recurrence.until[0] != '\0')
    {
      adw_combo_row_set_selected (self->ends_row, ENDS_ON_DATE);
      gtk_editable_set_text (GTK_EDITABLE (self->until_row), recurrence.until);
    }
}

static void
load_form (DgTaskDialog *self)
{
  DgTask *task = self->working;
  DgAssistant *assistant;
  g_autoptr(GDate) date = NULL;
  guint position;

  self->loading = TRUE;

  fill_handbooks (self);
  fill_assistants (self);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), dg_task_get_title (task));
  position = position_of_id (self->handbook_ids, dg_task_get_handbook_id (task));
  adw_combo_row_set_selected (self->handbook_row, position != GTK_INVALID_LIST_POSITION ? position : 0);
  position = position_of_id (self->assistant_ids, dg_task_get_assistant_id (task));
  adw_combo_row_set_selected (self->assistant_row, position != GTK_INVALID_LIST_POSITION ? position : 0);
  assistant = selected_assistant (self);
  g_free (self->assistant_zone);
  self->assistant_zone = g_strdup (assistant ? dg_assistant_get_time_zone (assistant) : "");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), dg_task_get_due_date (task));
  date = due_date (self);
  gtk_switch_set_active (self->all_day_switch, dg_task_is_all_day (task) && self->edited != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row),
                         *dg_task_get_due_time (task) ? dg_task_get_due_time (task) : DEFAULT_TIME);
  gtk_editable_set_text (GTK_EDITABLE (self->time_zone_row),
                         *dg_task_get_time_zone (task) ? dg_task_get_time_zone (task) : self->assistant_zone);
  load_recurrence (self);
  self->shown_preset = selected_preset (self);
  if (date != NULL)
    self->due_weekday = g_date_get_weekday (date);

  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    if (priorities[i] == dg_task_get_priority (task))
      adw_combo_row_set_selected (self->priority_row, i);
  gtk_spin_button_set_value (self->estimate_spin, dg_task_get_estimate_minutes (task));
  adw_combo_row_set_selected (self->billing_row, dg_task_get_billing (task));
  if (dg_task_get_billing (task) != DG_TASK_BILLING_ASSISTANT_RATE && assistant != NULL)
    {
      DgMoney amount;
      g_autofree char *text = NULL;

      dg_money_init (&amount, dg_task_get_billing_amount (task), dg_assistant_get_currency (assistant));
      text = dg_money_format_number (&amount);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), text);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), dg_task_get_notes (task), -1);

  self->loading = FALSE;

  gtk_widget_set_visible (self->status_box, self->edited != NULL);
  if (self->edited != NULL)
    {
      gboolean cancelled = dg_task_get_status (self->edited) == DG_TASK_STATUS_CANCELLED;

      gtk_widget_set_visible (self->cancel_task_button, !cancelled);
      gtk_widget_set_visible (self->reopen_task_button, cancelled);
    }
  adw_window_title_set_title (self->window_title, self->edited ? _("Edit Task") : _("New Task"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), self->edited ? _("_Save") : _("C_reate"));
  update_handbook_subtitle (self);
  validate_form (self);
}

void
dg_task_dialog_set_assistant_id (DgTaskDialog *self,
                                 gint64        assistant_id)
{
  guint position;

  g_return_if_fail (DG_IS_TASK_DIALOG (self));

  position = position_of_id (self->assistant_ids, assistant_id);
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->assistant_row, position);
}

/* ---- saving ----------------------------------------------------------------- */

static gboolean
close_window (gpointer window)
{
  gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

/* Announces @stored and closes: not while the key or button that saved
 * is still being handled. */
static void
finish (DgTaskDialog *self,
        DgTask       *stored)
{
  if (stored != NULL)
    g_signal_emit (self, signals[SAVED], 0, stored);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window, g_object_ref (self), g_object_unref);
}

static gboolean
write_task (DgTaskDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->edited == NULL ? !dg_task_store_add (self->tasks, self->working, &error)
                           : !dg_task_store_update (self->tasks, self->working, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }
  finish (self, self->edited != NULL ? self->edited : self->working);
  return TRUE;
}

static void
on_schedule_dialog_response (AdwMessageDialog *dialog,
                             const char       *response,
                             DgTaskDialog     *self)
{
  if (g_strcmp0 (response, "change-schedule") == 0)
    write_task (self);
}

gboolean
dg_task_dialog_save (DgTaskDialog *self)
{
  guint dropped = 0;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DG_IS_TASK_DIALOG (self), FALSE);

  self->tried = TRUE;
  validate_form (self);
  if (g_hash_table_size (self->problems) > 0)
    {
      show_toast (self, _("Correct the highlighted fields first."));
      return FALSE;
    }

  /* A new time keeps every status on its date; a new rule or first date
   * may leave some dates out, and what was recorded for them goes. */
  if (self->edited != NULL &&
      !dg_task_store_count_dropped_statuses (self->tasks, self->working, &dropped, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }
  if (dropped == 0)
    return write_task (self);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u date marked done or skipped is not part of the new schedule and its status will be removed.",
                                       "%u dates marked done or skipped are not part of the new schedule and their status will be removed.",
                                       dropped),
                          dropped);
  dg_confirmation_present (GTK_WINDOW (self), _("Change the Schedule?"), body,
                           _("_Cancel"), "change-schedule", _("C_hange Schedule"),
                           G_CALLBACK (on_schedule_dialog_response), self);
  return FALSE;
}

static void
set_task_status (DgTaskDialog *self,
                 DgTaskStatus  status)
{
  g_autoptr(GError) error = NULL;

  if (self->edited == NULL)
    return;
  /* For a series, the whole series: a single date is skipped on the page. */
  if (!dg_task_store_set_status (self->tasks, self->edited, NULL, status, &error))
    {
      show_toast (self, error->message);
      return;
    }
  finish (self, self->edited);
}

static void
on_cancel_dialog_response (AdwMessageDialog *dialog,
                           const char       *response,
                           DgTaskDialog     *self)
{
  if (g_strcmp0 (response, "cancel-task") == 0)
    set_task_status (self, DG_TASK_STATUS_CANCELLED);
}

static void
on_cancel_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgTaskDialog *self = DG_TASK_DIALOG (widget);
  g_autofree char *body = NULL;

  if (self->edited == NULL)
    return;
  body = g_strdup_printf (dg_task_is_recurring (self->edited)
                          ? _("No date of “%s” will be due any more. What was done is kept, and the assistant’s calendar learns of it at the next export.")
                          : _("“%s” will no longer be due. Its records are kept, and the assistant’s calendar learns of it at the next export."),
                          dg_task_get_title (self->edited));
  dg_confirmation_present (GTK_WINDOW (self), _("Cancel the Task?"), body,
                           _("_Keep the Task"), "cancel-task", _("_Cancel Task"),
                           G_CALLBACK (on_cancel_dialog_response), self);
}

static void
on_reopen_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_task_status (DG_TASK_DIALOG (widget), DG_TASK_STATUS_OPEN);
}

static void
on_delete_dialog_response (AdwMessageDialog *dialog,
                           const char       *response,
                           DgTaskDialog     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete-task") != 0 || self->edited == NULL)
    return;
  if (!dg_task_store_delete (self->tasks, self->edited, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      /* Hours or invoices refer to it: cancelling is what keeps them. */
      if (g_error_matches (error, DG_TASK_ERROR, DG_TASK_ERROR_IN_USE) &&
          dg_task_get_status (self->edited) != DG_TASK_STATUS_CANCELLED)
        {
          adw_toast_set_button_label (toast, _("Cancel Task…"));
          adw_toast_set_action_name (toast, "task.cancel");
        }
      /* It says what to do instead: it stays until read and dismissed. */
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  finish (self, NULL);
}

static void
on_delete_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgTaskDialog *self = DG_TASK_DIALOG (widget);
  g_autofree char *body = NULL;

  if (self->edited == NULL)
    return;
  body = g_strdup_printf (dg_task_is_recurring (self->edited)
                          ? _("“%s” and what was recorded for each of its dates will be deleted. This cannot be undone. To keep its history, cancel the task instead.")
                          : _("“%s” and what was recorded for it will be deleted. This cannot be undone. To keep its history, cancel the task instead."),
                          dg_task_get_title (self->edited));
  dg_confirmation_present (GTK_WINDOW (self), _("Delete the Task?"), body,
                           _("_Keep the Task"), "delete-task", _("_Delete Task"),
                           G_CALLBACK (on_delete_dialog_response), self);
}

static void
on_save_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  dg_task_dialog_save (DG_TASK_DIALOG (widget));
}

/* ---- the object -------------------------------------------------------------- */

DgTaskDialog *
dg_task_dialog_new (GtkWindow        *parent,
                    DgTaskStore      *tasks,
                    DgAssistantStore *assistants,
                    DgHandbookStore  *handbooks,
                    DgTask           *task)
{
  DgTaskDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_TASK_STORE (tasks), NULL);
  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (assistants), NULL);
  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (handbooks), NULL);
  g_return_val_if_fail (task == NULL || DG_IS_TASK (task), NULL);

  self = g_object_new (DG_TYPE_TASK_DIALOG, "transient-for", parent, NULL);
  self->tasks = g_object_ref (tasks);
  self->assistants = g_object_ref (assistants);
  self->handbooks = g_object_ref (handbooks);
  if (task != NULL)
    {
      self->edited = g_object_ref (task);
      self->working = dg_task_copy (task);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      self->working = dg_task_new ("");
      g_object_set (self->working, "due-date", today, "due-time", DEFAULT_TIME, NULL);
    }
  load_form (self);
  return self;
}

static void
dg_task_dialog_dispose (GObject *object)
{
  DgTaskDialog *self = DG_TASK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_TASK_DIALOG);
  g_clear_object (&self->tasks);
  g_clear_object (&self->assistants);
  g_clear_object (&self->handbooks);
  g_clear_object (&self->edited);
  g_clear_object (&self->working);

  G_OBJECT_CLASS (dg_task_dialog_parent_class)->dispose (object);
}

static void
dg_task_dialog_finalize (GObject *object)
{
  DgTaskDialog *self = DG_TASK_DIALOG (object);

  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->handbook_ids, g_array_unref);
  g_clear_pointer (&self->assistant_ids, g_array_unref);
  g_clear_pointer (&self->assistant_zone, g_free);

  G_OBJECT_CLASS (dg_task_dialog_parent_class)->finalize (object);
}

static void
dg_task_dialog_class_init (DgTaskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_task_dialog_dispose;
  object_class->finalize = dg_task_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, DG_TYPE_TASK);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-task-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, handbook_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, latest_button);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, assistant_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, all_day_switch);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, repeat_group);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, weekdays_row);
  gtk_widget_class_bind_template_child_full (widget_class, "monday_button", FALSE, G_STRUCT_OFFSET (DgTaskDialog, weekday_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "tuesday_button", FALSE, G_STRUCT_OFFSET (DgTaskDialog, weekday_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "wednesday_button", FALSE, G_STRUCT_OFFSET (DgTaskDialog, weekday_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "thursday_button", FALSE, G_STRUCT_OFFSET (DgTaskDialog, weekday_buttons[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "friday_button", FALSE, G_STRUCT_OFFSET (DgTaskDialog, weekday_buttons[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "saturday_button", FALSE, G_STRUCT_OFFSET (DgTaskDialog, weekday_buttons[5]));
  gtk_widget_class_bind_template_child_full (widget_class, "sunday_button", FALSE, G_STRUCT_OFFSET (DgTaskDialog, weekday_buttons[6]));
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, interval_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, rrule_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, estimate_spin);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, billing_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, status_box);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, cancel_task_button);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, reopen_task_button);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, task_errors);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, due_errors);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, repeat_errors);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, billing_errors);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, handbook_model);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, assistant_model);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, priority_model);
  gtk_widget_class_bind_template_child (widget_class, DgTaskDialog, billing_model);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_handbook_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_latest_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_assistant_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_show);

  gtk_widget_class_install_action (widget_class, "task.save", NULL, on_save_activated);
  gtk_widget_class_install_action (widget_class, "task.cancel", NULL, on_cancel_activated);
  gtk_widget_class_install_action (widget_class, "task.reopen", NULL, on_reopen_activated);
  gtk_widget_class_install_action (widget_class, "task.delete", NULL, on_delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_task_dialog_init (DgTaskDialog *self)
{
  struct { gpointer row; GtkLabel **errors; } fields[] = {
    { NULL, &self->task_errors }, { NULL, &self->task_errors },
    { NULL, &self->due_errors }, { NULL, &self->due_errors }, { NULL, &self->due_errors },
    { NULL, &self->repeat_errors }, { NULL, &self->repeat_errors }, { NULL, &self->repeat_errors },
    { NULL, &self->repeat_errors }, { NULL, &self->billing_errors },
  };

  self->problems = g_hash_table_new (NULL, NULL);
  self->handbook_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->assistant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The combo rows announce their first selection while the template is
   * built: that is no edit. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  dg_accessible_name_calendar (self->calendar);

  fields[0].row = self->title_row;
  fields[1].row = self->assistant_row;
  fields[2].row = self->date_row;
  fields[3].row = self->time_row;
  fields[4].row = self->time_zone_row;
  fields[5].row = self->repeat_row;
  fields[6].row = self->weekdays_row;
  fields[7].row = self->rrule_row;
  fields[8].row = self->until_row;
  fields[9].row = self->amount_row;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_object_set_data (G_OBJECT (fields[i].row), "dg-errors-label", *fields[i].errors);

  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    gtk_string_list_append (self->priority_model, dg_task_priority_get_label (priorities[i]));
  for (DgTaskBilling billing = DG_TASK_BILLING_ASSISTANT_RATE; billing <= DG_TASK_BILLING_FIXED_FEE; billing++)
    gtk_string_list_append (self->billing_model, dg_task_billing_get_label (billing));
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (on_notes_changed), self);

  self->loading = FALSE;
}
