/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-task-occurrence"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-task-occurrence.h"
#include "dg-task-private.h"

enum {
  PROP_0,
  PROP_TASK,
  PROP_RECURRENCE_ID,
  PROP_DUE,
  PROP_STATUS,
  PROP_PERCENT_COMPLETE,
  PROP_COMPLETED_AT,
  N_PROPS
};

struct _DgTaskOccurrence
{
  GObject       parent_instance;

  DgTask       *task;
  char         *recurrence_id;
  GDateTime    *due;
  DgTaskStatus  status;
  int           percent_complete;
  char         *completed_at;
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DgTaskOccurrence, dg_task_occurrence, G_TYPE_OBJECT)

const char *
dg_task_group_get_label (DgTaskGroup group)
{
  switch (group)
    {
    case DG_TASK_GROUP_OVERDUE:   return _("Overdue");
    case DG_TASK_GROUP_TODAY:     return _("Today");
    case DG_TASK_GROUP_THIS_WEEK: return _("This Week");
    case DG_TASK_GROUP_LATER:     return _("Later");
    default:                      g_return_val_if_reached (NULL);
    }
}

DgTaskOccurrence *
dg_task_occurrence_new (DgTask       *task,
                        const char   *recurrence_id,
                        GDateTime    *due,
                        DgTaskStatus  status,
                        int           percent_complete,
                        const char   *completed_at)
{
  DgTaskOccurrence *self;

  g_return_val_if_fail (DG_IS_TASK (task), NULL);
  g_return_val_if_fail (due != NULL, NULL);

  self = g_object_new (DG_TYPE_TASK_OCCURRENCE, NULL);
  self->task = g_object_ref (task);
  self->recurrence_id = g_strdup (recurrence_id ? recurrence_id : "");
  self->due = g_date_time_ref (due);
  self->status = status;
  self->percent_complete = percent_complete;
  self->completed_at = g_strdup (completed_at ? completed_at : "");
  return self;
}

DgTask       *dg_task_occurrence_get_task (DgTaskOccurrence *self) { g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (self), NULL); return self->task; }
const char   *dg_task_occurrence_get_recurrence_id (DgTaskOccurrence *self) { g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (self), NULL); return self->recurrence_id; }
GDateTime    *dg_task_occurrence_get_due (DgTaskOccurrence *self) { g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (self), NULL); return self->due; }
DgTaskStatus  dg_task_occurrence_get_status (DgTaskOccurrence *self) { g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (self), 0); return self->status; }
int           dg_task_occurrence_get_percent_complete (DgTaskOccurrence *self) { g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (self), 0); return self->percent_complete; }
const char   *dg_task_occurrence_get_completed_at (DgTaskOccurrence *self) { g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (self), NULL); return self->completed_at; }

/* The assistant's zone, where their working day is; the task's own zone
 * when the assistant's is not known. */
static GTimeZone *
get_assistant_zone (DgTaskOccurrence *self)
{
  const char *identifier = dg_task_get_assistant_time_zone (self->task);
  GTimeZone *zone = NULL;

  if (identifier != NULL && *identifier != '\0')
    zone = _dg_task_lookup_zone (identifier);
  /* The due time is in the task's zone. */
  if (zone == NULL)
    zone = g_time_zone_ref (g_date_time_get_timezone (self->due));
  return zone;
}

guint32
_dg_date_time_get_day_number (GDateTime *date_time)
{
  GDate date;
  int year, month, day;

  g_date_time_get_ymd (date_time, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* Past due regardless of the status: the timed one once @now has passed
 * its instant, the all-day one once the assistant's date is after it. */
static gboolean
is_past_due (DgTaskOccurrence *self,
             GDateTime        *now)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local_now = NULL;

  if (!dg_task_is_all_day (self->task))
    return g_date_time_compare (now, self->due) > 0;

  zone = get_assistant_zone (self);
  local_now = g_date_time_to_timezone (now, zone);
  return _dg_date_time_get_day_number (local_now) > _dg_date_time_get_day_number (self->due);
}

gboolean
dg_task_occurrence_is_overdue (DgTaskOccurrence *self,
                               GDateTime        *now)
{
  g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return dg_task_status_is_pending (self->status) && is_past_due (self, now);
}

DgTaskGroup
dg_task_occurrence_get_group (DgTaskOccurrence *self,
                              GDateTime        *now,
                              GDateWeekday      week_start)
{
  g_autoptr(GDateTime) owner_due = NULL;
  guint32 today, due_day, week_end;
  guint days_into_week;

  g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (self), DG_TASK_GROUP_LATER);
  g_return_val_if_fail (now != NULL, DG_TASK_GROUP_LATER);
  g_return_val_if_fail (week_start >= G_DATE_MONDAY && week_start <= G_DATE_SUNDAY, DG_TASK_GROUP_LATER);

  today = _dg_date_time_get_day_number (now);
  /* An all-day occurrence is due on its date wherever it is read. */
  if (dg_task_is_all_day (self->task))
    due_day = _dg_date_time_get_day_number (self->due);
  else
    {
      owner_due = g_date_time_to_timezone (self->due, g_date_time_get_timezone (now));
      due_day = _dg_date_time_get_day_number (owner_due);
    }

  if (is_past_due (self, now) &&
      (dg_task_status_is_pending (self->status) || due_day != today))
    return DG_TASK_GROUP_OVERDUE;
  if (due_day <= today)
    return DG_TASK_GROUP_TODAY;

  days_into_week = (g_date_time_get_day_of_week (now) - week_start + 7) % 7;
  week_end = today + (7 - days_into_week);
  if (due_day < week_end)
    return DG_TASK_GROUP_THIS_WEEK;
  return DG_TASK_GROUP_LATER;
}

/* "Asia/Manila" → "Manila", "America/Los_Angeles" → "Los Angeles": how the
 * owner names the place where the assistant lives. */
static char *
zone_city (const char *identifier)
{
  const char *slash = strrchr (identifier, '/');
  char *city = g_strdup (slash ? slash + 1 : identifier);

  g_strdelimit (city, "_", ' ');
  return city;
}

char *
dg_task_occurrence_format_due (DgTaskOccurrence *self,
                               GTimeZone        *owner_zone)
{
  g_autoptr(GDateTime) owner_due = NULL;
  g_autoptr(GDateTime) assistant_due = NULL;
  g_autoptr(GTimeZone) assistant_zone = NULL;
  g_autofree char *owner_text = NULL;
  g_autofree char *assistant_text = NULL;
  g_autofree char *city = NULL;

  g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (self), NULL);
  g_return_val_if_fail (owner_zone != NULL, NULL);

  if (dg_task_is_all_day (self->task))
    /* Translators: the date of an all-day task, a g_date_time_format()
     * format; "Mon 30 Nov" */
    return g_date_time_format (self->due, _("%a %-d %b"));

  owner_due = g_date_time_to_timezone (self->due, owner_zone);
  /* Translators: the date and time a task is due, a g_date_time_format()
   * format; "Mon 30 Nov, 09:00" */
  owner_text = g_date_time_format (owner_due, _("%a %-d %b, %H:%M"));

  assistant_zone = get_assistant_zone (self);
  assistant_due = g_date_time_to_timezone (self->due, assistant_zone);
  if (g_date_time_get_utc_offset (assistant_due) == g_date_time_get_utc_offset (owner_due))
    return g_steal_pointer (&owner_text);

  city = zone_city (g_time_zone_get_identifier (assistant_zone));
  assistant_text = g_date_time_format (assistant_due, _("%a %-d %b, %H:%M"));
  /* Translators: the due time in the owner's zone, then the place where the
   * assistant lives and their local time: "Mon 30 Nov, 09:00 (Manila: Mon
   * 30 Nov, 16:00)" */
  return g_strdup_printf (_("%s (%s: %s)"), owner_text, city, assistant_text);
}

static void
dg_task_occurrence_finalize (GObject *object)
{
  DgTaskOccurrence *self = DG_TASK_OCCURRENCE (object);

  g_clear_object (&self->task);
  g_clear_pointer (&self->recurrence_id, g_free);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_clear_pointer (&self->completed_at, g_free);

  G_OBJECT_CLASS (dg_task_occurrence_parent_class)->finalize (object);
}

static void
dg_task_occurrence_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DgTaskOccurrence *self = DG_TASK_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_TASK:             g_value_set_object (value, self->task); break;
    case PROP_RECURRENCE_ID:    g_value_set_string (value, self->recurrence_id); break;
    case PROP_DUE:              g_value_set_boxed (value, self->due); break;
    case PROP_STATUS:           g_value_set_enum (value, self->status); break;
    case PROP_PERCENT_COMPLETE: g_value_set_int (value, self->percent_complete); break;
    case PROP_COMPLETED_AT:     g_value_set_string (value, self->completed_at); break;
    default:                    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_task_occurrence_class_init (DgTaskOccurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dg_task_occurrence_finalize;
  object_class->get_property = dg_task_occurrence_get_property;

  properties[PROP_TASK] = g_param_spec_object ("task", NULL, NULL, DG_TYPE_TASK, ro);
  properties[PROP_RECURRENCE_ID] = g_param_spec_string ("recurrence-id", NULL, NULL, "", ro);
  properties[PROP_DUE] = g_param_spec_boxed ("due", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, DG_TYPE_TASK_STATUS,
                                               DG_TASK_STATUS_OPEN, ro);
  properties[PROP_PERCENT_COMPLETE] = g_param_spec_int ("percent-complete", NULL, NULL, 0, 100, 0, ro);
  properties[PROP_COMPLETED_AT] = g_param_spec_string ("completed-at", NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_task_occurrence_init (DgTaskOccurrence *self)
{
}
