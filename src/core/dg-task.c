/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-task"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dg-recurrence.h"
#include "dg-task-private.h"
#include "dg-validation.h"

enum {
  PROP_0,
  /* string properties first, so that they index strings[] */
  PROP_UID,
  PROP_TITLE,
  PROP_DUE_DATE,
  PROP_DUE_TIME,
  PROP_TIME_ZONE,
  PROP_RRULE,
  PROP_NOTES,
  PROP_COMPLETED_AT,
  PROP_CREATED_AT,
  LAST_WRITABLE_STRING_PROP = PROP_CREATED_AT,
  PROP_ASSISTANT_NAME,
  PROP_ASSISTANT_TIME_ZONE,
  PROP_HANDBOOK_TITLE,
  LAST_STRING_PROP = PROP_HANDBOOK_TITLE,
  PROP_ID,
  PROP_ASSISTANT_ID,
  PROP_HANDBOOK_ID,
  PROP_HANDBOOK_VERSION,
  PROP_PRIORITY,
  PROP_ESTIMATE_MINUTES,
  PROP_BILLING,
  PROP_BILLING_AMOUNT,
  PROP_STATUS,
  PROP_PERCENT_COMPLETE,
  N_PROPS
};

struct _DgTask
{
  GObject        parent_instance;

  gint64         id;
  gint64         assistant_id;
  gint64         handbook_id;
  int            handbook_version;
  DgTaskPriority priority;
  int            estimate_minutes;
  DgTaskBilling  billing;
  gint64         billing_amount;
  DgTaskStatus   status;
  int            percent_complete;
  char          *strings[LAST_STRING_PROP + 1];   /* indexed by PROP_ of a string property */
  char          *sort_key;   /* of the title, made when first needed */
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DgTask, dg_task, G_TYPE_OBJECT)

/* ---- enums -------------------------------------------------------------- */

static const GEnumValue status_values[] = {
  { DG_TASK_STATUS_OPEN, "DG_TASK_STATUS_OPEN", "open" },
  { DG_TASK_STATUS_IN_PROGRESS, "DG_TASK_STATUS_IN_PROGRESS", "in-progress" },
  { DG_TASK_STATUS_DONE, "DG_TASK_STATUS_DONE", "done" },
  { DG_TASK_STATUS_CANCELLED, "DG_TASK_STATUS_CANCELLED", "cancelled" },
  { DG_TASK_STATUS_SKIPPED, "DG_TASK_STATUS_SKIPPED", "skipped" },
  { 0, NULL, NULL }
};

static const GEnumValue priority_values[] = {
  { DG_TASK_PRIORITY_NONE, "DG_TASK_PRIORITY_NONE", "none" },
  { DG_TASK_PRIORITY_HIGH, "DG_TASK_PRIORITY_HIGH", "high" },
  { DG_TASK_PRIORITY_MEDIUM, "DG_TASK_PRIORITY_MEDIUM", "medium" },
  { DG_TASK_PRIORITY_LOW, "DG_TASK_PRIORITY_LOW", "low" },
  { 0, NULL, NULL }
};

static const GEnumValue billing_values[] = {
  { DG_TASK_BILLING_ASSISTANT_RATE, "DG_TASK_BILLING_ASSISTANT_RATE", "assistant-rate" },
  { DG_TASK_BILLING_OWN_RATE, "DG_TASK_BILLING_OWN_RATE", "own-rate" },
  { DG_TASK_BILLING_FIXED_FEE, "DG_TASK_BILLING_FIXED_FEE", "fixed-fee" },
  { 0, NULL, NULL }
};

static const GEnumValue *
find_value (const GEnumValue *values,
            int               value)
{
  for (guint i = 0; values[i].value_nick != NULL; i++)
    if (values[i].value == value)
      return &values[i];
  return NULL;
}

static gboolean
find_nick (const GEnumValue *values,
           const char       *text,
           int              *out_value)
{
  for (guint i = 0; values[i].value_nick != NULL; i++)
    {
      if (g_strcmp0 (text, values[i].value_nick) == 0)
        {
          *out_value = values[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

GType
dg_task_status_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DgTaskStatus", status_values));
  return type_id;
}

const char *
dg_task_status_to_string (DgTaskStatus status)
{
  const GEnumValue *value = find_value (status_values, status);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

gboolean
dg_task_status_from_string (const char   *text,
                            DgTaskStatus *status)
{
  int value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!find_nick (status_values, text, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

const char *
dg_task_status_get_label (DgTaskStatus status)
{
  switch (status)
    {
    case DG_TASK_STATUS_OPEN:        return _("Open");
    case DG_TASK_STATUS_IN_PROGRESS: return _("In Progress");
    case DG_TASK_STATUS_DONE:        return _("Done");
    case DG_TASK_STATUS_CANCELLED:   return _("Cancelled");
    case DG_TASK_STATUS_SKIPPED:     return _("Skipped");
    default:                         g_return_val_if_reached (NULL);
    }
}

gboolean
dg_task_status_is_pending (DgTaskStatus status)
{
  return status == DG_TASK_STATUS_OPEN || status == DG_TASK_STATUS_IN_PROGRESS;
}

GType
dg_task_priority_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DgTaskPriority", priority_values));
  return type_id;
}

const char *
dg_task_priority_to_string (DgTaskPriority priority)
{
  const GEnumValue *value = find_value (priority_values, priority);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

gboolean
dg_task_priority_from_string (const char     *text,
                              DgTaskPriority *priority)
{
  int value;

  g_return_val_if_fail (priority != NULL, FALSE);

  if (!find_nick (priority_values, text, &value))
    return FALSE;
  *priority = value;
  return TRUE;
}

const char *
dg_task_priority_get_label (DgTaskPriority priority)
{
  switch (priority)
    {
    /* Translators: a task's priority */
    case DG_TASK_PRIORITY_NONE:   return C_("priority", "None");
    case DG_TASK_PRIORITY_HIGH:   return C_("priority", "High");
    case DG_TASK_PRIORITY_MEDIUM: return C_("priority", "Medium");
    case DG_TASK_PRIORITY_LOW:    return C_("priority", "Low");
    default:                      g_return_val_if_reached (NULL);
    }
}

GType
dg_task_billing_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DgTaskBilling", billing_values));
  return type_id;
}

const char *
dg_task_billing_to_string (DgTaskBilling billing)
{
  const GEnumValue *value = find_value (billing_values, billing);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

gboolean
dg_task_billing_from_string (const char    *text,
                             DgTaskBilling *billing)
{
  int value;

  g_return_val_if_fail (billing != NULL, FALSE);

  if (!find_nick (billing_values, text, &value))
    return FALSE;
  *billing = value;
  return TRUE;
}

const char *
dg_task_billing_get_label (DgTaskBilling billing)
{
  switch (billing)
    {
    case DG_TASK_BILLING_ASSISTANT_RATE: return _("Hourly at the assistant’s rate");
    case DG_TASK_BILLING_OWN_RATE:       return _("Hourly at a rate of its own");
    case DG_TASK_BILLING_FIXED_FEE:      return _("Fixed fee");
    default:                             g_return_val_if_reached (NULL);
    }
}

/* ---- DgTask ------------------------------------------------------------- */

DgTask *
dg_task_new (const char *title)
{
  return g_object_new (DG_TYPE_TASK, "title", title, NULL);
}

DgTask *
dg_task_copy (DgTask *self)
{
  DgTask *copy;

  g_return_val_if_fail (DG_IS_TASK (self), NULL);

  copy = g_object_new (DG_TYPE_TASK, NULL);
  copy->id = self->id;
  copy->assistant_id = self->assistant_id;
  copy->handbook_id = self->handbook_id;
  copy->handbook_version = self->handbook_version;
  copy->priority = self->priority;
  copy->estimate_minutes = self->estimate_minutes;
  copy->billing = self->billing;
  copy->billing_amount = self->billing_amount;
  copy->status = self->status;
  copy->percent_complete = self->percent_complete;
  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    {
      g_free (copy->strings[i]);
      copy->strings[i] = g_strdup (self->strings[i]);
    }
  return copy;
}

void
_dg_task_set_display (DgTask     *self,
                      const char *assistant_name,
                      const char *assistant_time_zone,
                      const char *handbook_title)
{
  const char *values[] = { assistant_name, assistant_time_zone, handbook_title };

  g_return_if_fail (DG_IS_TASK (self));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      guint prop_id = PROP_ASSISTANT_NAME + i;
      const char *text = values[i] ? values[i] : "";

      if (g_strcmp0 (self->strings[prop_id], text) == 0)
        continue;
      g_free (self->strings[prop_id]);
      self->strings[prop_id] = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
_dg_task_get_sort_key (DgTask *self)
{
  g_return_val_if_fail (DG_IS_TASK (self), NULL);

  if (self->sort_key == NULL)
    {
      g_autofree char *folded = g_utf8_casefold (self->strings[PROP_TITLE], -1);

      self->sort_key = g_utf8_collate_key (folded, -1);
    }
  return self->sort_key;
}

GTimeZone *
_dg_task_lookup_zone (const char *identifier)
{
  G_LOCK_DEFINE_STATIC (kept_zones);
  static GHashTable *kept_zones = NULL;
  GTimeZone *zone;

  if (identifier == NULL || *identifier == '\0')
    return NULL;

  G_LOCK (kept_zones);
  if (kept_zones == NULL)
    kept_zones = g_hash_table_new (g_str_hash, g_str_equal);
  zone = g_hash_table_lookup (kept_zones, identifier);
  if (zone == NULL)
    {
      zone = g_time_zone_new_identifier (identifier);
      if (zone != NULL)
        g_hash_table_insert (kept_zones, g_strdup (identifier), zone);
    }
  G_UNLOCK (kept_zones);

  return zone ? g_time_zone_ref (zone) : NULL;
}

/* "HH:MM" with hours 00..23 and minutes 00..59. */
static gboolean
parse_time (const char *text,
            int        *out_hour,
            int        *out_minute)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  *out_hour = (text[0] - '0') * 10 + (text[1] - '0');
  *out_minute = (text[3] - '0') * 10 + (text[4] - '0');
  return *out_hour <= 23 && *out_minute <= 59;
}

/* Whether @text holds a C0 control character (or DEL), other than a line
 * break or tab where @allow_line_breaks: iCalendar TEXT cannot carry them,
 * and a line break in a title breaks every list that shows it. */
static gboolean
has_control_character (const char *text,
                       gboolean    allow_line_breaks)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (allow_line_breaks && (*p == '\n' || *p == '\t'))
        continue;
      if (*p < 0x20 || *p == 0x7f)
        return TRUE;
    }
  return FALSE;
}

gboolean
dg_task_validate (DgTask  *self,
                  GError **error)
{
  int hour, minute;

  g_return_val_if_fail (DG_IS_TASK (self), FALSE);

  if (dg_text_is_blank (self->strings[PROP_TITLE]))
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                           _("Enter a title for the task."));
      return FALSE;
    }
  if (has_control_character (self->strings[PROP_TITLE], FALSE))
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("Write the title on one line: it cannot contain line breaks, tabs or other control characters."));
      return FALSE;
    }
  if (has_control_character (self->strings[PROP_NOTES], TRUE))
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The notes contain a control character, perhaps pasted from another program. Remove it; line breaks and tabs are fine."));
      return FALSE;
    }
  if (self->assistant_id <= 0)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                           _("Choose the assistant who does the task."));
      return FALSE;
    }
  if (dg_text_is_blank (self->strings[PROP_DUE_DATE]))
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                           _("Choose the date the task is due."));
      return FALSE;
    }
  if (!dg_validate_date (self->strings[PROP_DUE_DATE], error))
    return FALSE;
  if (*self->strings[PROP_DUE_TIME] != '\0' &&
      !parse_time (self->strings[PROP_DUE_TIME], &hour, &minute))
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("“%s” is not a time of day. Enter it as HH:MM, such as 09:30, or leave it empty for a task due all day."),
                   self->strings[PROP_DUE_TIME]);
      return FALSE;
    }
  if (dg_text_is_blank (self->strings[PROP_TIME_ZONE]))
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                           _("Choose the time zone the due date is meant in."));
      return FALSE;
    }
  if (!dg_validate_time_zone (self->strings[PROP_TIME_ZONE], error))
    return FALSE;
  if (*self->strings[PROP_RRULE] != '\0')
    {
      g_autofree char *normalized = dg_rrule_normalize (self->strings[PROP_RRULE], error);
      int year, month, day;

      if (normalized == NULL)
        return FALSE;
      /* The date was validated above. */
      if (sscanf (self->strings[PROP_DUE_DATE], "%4d-%2d-%2d", &year, &month, &day) == 3 &&
          !dg_rrule_includes_date (normalized, year, month, day))
        {
          g_autoptr(GDateTime) first = g_date_time_new_utc (year, month, day, 12, 0, 0);
          /* Translators: the first due date in a sentence, see
           * g_date_time_format(); "Wednesday, 2 December 2026" */
          g_autofree char *date = g_date_time_format (first, _("%A, %-d %B %Y"));

          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       /* Translators: %s is a date such as "Wednesday, 2 December 2026" */
                       _("%s is not one of the rule’s dates: let the task start on a day the rule includes."),
                       date);
          return FALSE;
        }
    }
  if (self->status == DG_TASK_STATUS_SKIPPED)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("Only a single occurrence of a repeating task can be skipped, not the task itself. Cancel the task instead."));
      return FALSE;
    }
  if (find_value (priority_values, self->priority) == NULL)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The priority must be none, high, medium or low."));
      return FALSE;
    }
  if (self->estimate_minutes < 0)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The estimate cannot be negative."));
      return FALSE;
    }
  if (self->billing_amount < 0)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The amount cannot be negative."));
      return FALSE;
    }
  switch (self->billing)
    {
    case DG_TASK_BILLING_ASSISTANT_RATE:
      if (self->billing_amount != 0)
        {
          g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                               _("A task billed at the assistant’s rate has no amount of its own. Clear the amount or choose another billing."));
          return FALSE;
        }
      break;
    case DG_TASK_BILLING_OWN_RATE:
      if (self->billing_amount == 0)
        {
          g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                               _("Enter the hourly rate for this task."));
          return FALSE;
        }
      break;
    case DG_TASK_BILLING_FIXED_FEE:
      if (self->billing_amount == 0)
        {
          g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                               _("Enter the fixed fee for this task."));
          return FALSE;
        }
      break;
    default:
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("Choose how the task is billed."));
      return FALSE;
    }
  if (self->percent_complete < 0 || self->percent_complete > 100)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The progress must be between 0 and 100 %."));
      return FALSE;
    }
  return TRUE;
}

gboolean
dg_task_is_recurring (DgTask *self)
{
  g_return_val_if_fail (DG_IS_TASK (self), FALSE);

  return *self->strings[PROP_RRULE] != '\0';
}

gboolean
dg_task_is_all_day (DgTask *self)
{
  g_return_val_if_fail (DG_IS_TASK (self), FALSE);

  return *self->strings[PROP_DUE_TIME] == '\0';
}

GDateTime *
dg_task_get_due (DgTask *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  int year, month, day;
  int hour = 0, minute = 0;
  char end;

  g_return_val_if_fail (DG_IS_TASK (self), NULL);

  if (sscanf (self->strings[PROP_DUE_DATE], "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  if (*self->strings[PROP_DUE_TIME] != '\0' &&
      !parse_time (self->strings[PROP_DUE_TIME], &hour, &minute))
    return NULL;
  zone = _dg_task_lookup_zone (self->strings[PROP_TIME_ZONE]);
  if (zone == NULL)
    return NULL;
  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

gint64         dg_task_get_id                  (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), 0); return self->id; }
const char    *dg_task_get_uid                 (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_UID]; }
const char    *dg_task_get_title               (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_TITLE]; }
gint64         dg_task_get_assistant_id        (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), 0); return self->assistant_id; }
gint64         dg_task_get_handbook_id         (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), 0); return self->handbook_id; }
int            dg_task_get_handbook_version    (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), 0); return self->handbook_version; }
const char    *dg_task_get_due_date            (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_DUE_DATE]; }
const char    *dg_task_get_due_time            (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_DUE_TIME]; }
const char    *dg_task_get_time_zone           (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_TIME_ZONE]; }
const char    *dg_task_get_rrule               (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_RRULE]; }
const char    *dg_task_get_notes               (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_NOTES]; }
DgTaskPriority dg_task_get_priority            (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), 0); return self->priority; }
int            dg_task_get_estimate_minutes    (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), 0); return self->estimate_minutes; }
DgTaskBilling  dg_task_get_billing             (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), 0); return self->billing; }
gint64         dg_task_get_billing_amount      (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), 0); return self->billing_amount; }
DgTaskStatus   dg_task_get_status              (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), 0); return self->status; }
int            dg_task_get_percent_complete    (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), 0); return self->percent_complete; }
const char    *dg_task_get_completed_at        (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_COMPLETED_AT]; }
const char    *dg_task_get_created_at          (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_CREATED_AT]; }
const char    *dg_task_get_assistant_name      (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_ASSISTANT_NAME]; }
const char    *dg_task_get_assistant_time_zone (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_ASSISTANT_TIME_ZONE]; }
const char    *dg_task_get_handbook_title      (DgTask *self) { g_return_val_if_fail (DG_IS_TASK (self), NULL); return self->strings[PROP_HANDBOOK_TITLE]; }

static void
dg_task_finalize (GObject *object)
{
  DgTask *self = DG_TASK (object);

  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    g_free (self->strings[i]);
  g_free (self->sort_key);

  G_OBJECT_CLASS (dg_task_parent_class)->finalize (object);
}

static void
dg_task_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  DgTask *self = DG_TASK (object);

  if (prop_id >= 1 && prop_id <= LAST_STRING_PROP)
    {
      g_value_set_string (value, self->strings[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:               g_value_set_int64 (value, self->id); break;
    case PROP_ASSISTANT_ID:     g_value_set_int64 (value, self->assistant_id); break;
    case PROP_HANDBOOK_ID:      g_value_set_int64 (value, self->handbook_id); break;
    case PROP_HANDBOOK_VERSION: g_value_set_int (value, self->handbook_version); break;
    case PROP_PRIORITY:         g_value_set_enum (value, self->priority); break;
    case PROP_ESTIMATE_MINUTES: g_value_set_int (value, self->estimate_minutes); break;
    case PROP_BILLING:          g_value_set_enum (value, self->billing); break;
    case PROP_BILLING_AMOUNT:   g_value_set_int64 (value, self->billing_amount); break;
    case PROP_STATUS:           g_value_set_enum (value, self->status); break;
    case PROP_PERCENT_COMPLETE: g_value_set_int (value, self->percent_complete); break;
    default:                    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define SET_FIELD(field, getter)              \
  G_STMT_START {                              \
    if (self->field == getter (value))        \
      return;                                 \
    self->field = getter (value);             \
  } G_STMT_END

static void
dg_task_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  DgTask *self = DG_TASK (object);

  if (prop_id >= 1 && prop_id <= LAST_WRITABLE_STRING_PROP)
    {
      const char *text = g_value_get_string (value);

      if (g_strcmp0 (self->strings[prop_id], text ? text : "") != 0)
        {
          if (prop_id == PROP_TITLE)
            g_clear_pointer (&self->sort_key, g_free);
          g_free (self->strings[prop_id]);
          self->strings[prop_id] = g_strdup (text ? text : "");
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:               SET_FIELD (id, g_value_get_int64); break;
    case PROP_ASSISTANT_ID:     SET_FIELD (assistant_id, g_value_get_int64); break;
    case PROP_HANDBOOK_ID:      SET_FIELD (handbook_id, g_value_get_int64); break;
    case PROP_HANDBOOK_VERSION: SET_FIELD (handbook_version, g_value_get_int); break;
    case PROP_PRIORITY:         SET_FIELD (priority, (DgTaskPriority) g_value_get_enum); break;
    case PROP_ESTIMATE_MINUTES: SET_FIELD (estimate_minutes, g_value_get_int); break;
    case PROP_BILLING:          SET_FIELD (billing, (DgTaskBilling) g_value_get_enum); break;
    case PROP_BILLING_AMOUNT:   SET_FIELD (billing_amount, g_value_get_int64); break;
    case PROP_STATUS:           SET_FIELD (status, (DgTaskStatus) g_value_get_enum); break;
    case PROP_PERCENT_COMPLETE: SET_FIELD (percent_complete, g_value_get_int); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
dg_task_class_init (DgTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dg_task_finalize;
  object_class->get_property = dg_task_get_property;
  object_class->set_property = dg_task_set_property;

  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, "", rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, "", rw);
  properties[PROP_DUE_TIME] = g_param_spec_string ("due-time", NULL, NULL, "", rw);
  properties[PROP_TIME_ZONE] = g_param_spec_string ("time-zone", NULL, NULL, "", rw);
  properties[PROP_RRULE] = g_param_spec_string ("rrule", NULL, NULL, "", rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_COMPLETED_AT] = g_param_spec_string ("completed-at", NULL, NULL, "", rw);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, "", rw);
  properties[PROP_ASSISTANT_NAME] = g_param_spec_string ("assistant-name", NULL, NULL, "", ro);
  properties[PROP_ASSISTANT_TIME_ZONE] = g_param_spec_string ("assistant-time-zone", NULL, NULL, "", ro);
  properties[PROP_HANDBOOK_TITLE] = g_param_spec_string ("handbook-title", NULL, NULL, "", ro);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ASSISTANT_ID] = g_param_spec_int64 ("assistant-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_HANDBOOK_ID] = g_param_spec_int64 ("handbook-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_HANDBOOK_VERSION] = g_param_spec_int ("handbook-version", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_PRIORITY] = g_param_spec_enum ("priority", NULL, NULL, DG_TYPE_TASK_PRIORITY,
                                                 DG_TASK_PRIORITY_NONE, rw);
  /* Negative values are accepted here so that validation can name them. */
  properties[PROP_ESTIMATE_MINUTES] = g_param_spec_int ("estimate-minutes", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_BILLING] = g_param_spec_enum ("billing", NULL, NULL, DG_TYPE_TASK_BILLING,
                                                DG_TASK_BILLING_ASSISTANT_RATE, rw);
  properties[PROP_BILLING_AMOUNT] = g_param_spec_int64 ("billing-amount", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, DG_TYPE_TASK_STATUS,
                                               DG_TASK_STATUS_OPEN, rw);
  properties[PROP_PERCENT_COMPLETE] = g_param_spec_int ("percent-complete", NULL, NULL, G_MININT, G_MAXINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_task_init (DgTask *self)
{
  for (guint i = 1; i <= LAST_STRING_PROP; i++)
    self->strings[i] = g_strdup ("");
}
