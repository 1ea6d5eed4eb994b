/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-calendar-import"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-calendar-import.h"
#include "dg-ical-document.h"
#include "dg-recurrence.h"

#define SECONDS_PER_DAY (24 * 3600)

G_DEFINE_QUARK (dg-calendar-import-error-quark, dg_calendar_import_error)

struct _DgCalendarImport
{
  GObject      parent_instance;

  DgTaskStore *tasks;
  GPtrArray   *changes;     /* DgCalendarChange * */
  GPtrArray   *skipped;     /* DgCalendarSkipped * */
  GHashTable  *unknown;     /* the UIDs Delegate does not have */
  guint        n_unknown_entries;  /* of skipped: entries with those UIDs */
  guint        n_ignored;
};

G_DEFINE_FINAL_TYPE (DgCalendarImport, dg_calendar_import, G_TYPE_OBJECT)

void
dg_calendar_change_free (DgCalendarChange *change)
{
  if (change == NULL)
    return;
  g_free (change->uid);
  g_free (change->title);
  g_free (change->recurrence_id);
  g_clear_pointer (&change->due, g_date_time_unref);
  g_free (change->completed_at);
  g_free (change);
}

void
dg_calendar_skipped_free (DgCalendarSkipped *skipped)
{
  if (skipped == NULL)
    return;
  g_free (skipped->uid);
  g_free (skipped->summary);
  g_free (skipped->reason);
  g_free (skipped);
}

static void
dg_calendar_import_finalize (GObject *object)
{
  DgCalendarImport *self = DG_CALENDAR_IMPORT (object);

  g_clear_object (&self->tasks);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_clear_pointer (&self->unknown, g_hash_table_unref);

  G_OBJECT_CLASS (dg_calendar_import_parent_class)->finalize (object);
}

static void
dg_calendar_import_class_init (DgCalendarImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dg_calendar_import_finalize;
}

static void
dg_calendar_import_init (DgCalendarImport *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_calendar_change_free);
  self->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_calendar_skipped_free);
  self->unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ---- reading one VTODO -------------------------------------------------- */

static void
add_skipped (DgCalendarImport *self,
             guint             line,
             const char       *uid,
             const char       *summary,
             char             *reason)
{
  DgCalendarSkipped *skipped = g_new0 (DgCalendarSkipped, 1);

  skipped->line = line;
  skipped->uid = g_strdup (uid != NULL ? uid : "");
  skipped->summary = g_strdup (summary != NULL ? summary : "");
  skipped->reason = reason;
  g_ptr_array_add (self->skipped, skipped);
}

static char *
format_utc (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date_time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* An occurrence as the owner reads it in a reason: "Monday, 8 March 2026,
 * 02:30", the wall clock of the task's zone. */
static char *
format_occurrence (GDateTime *local,
                   gboolean   all_day)
{
  if (all_day)
    /* TRANSLATORS: a date in a sentence about an entry of the calendar
     * file, see g_date_time_format(): "Monday, 8 March 2026" */
    return g_date_time_format (local, _("%A, %-d %B %Y"));
  /* TRANSLATORS: a date and time in a sentence about an entry of the
   * calendar file, see g_date_time_format(): "Monday, 8 March 2026, 02:30" */
  return g_date_time_format (local, _("%A, %-d %B %Y, %H:%M"));
}

/* The occurrences of @task due within a day of [@from, @to). */
static GArray *
expand_around (DgTask  *task,
               gint64   from,
               gint64   to,
               GError **error)
{
  return dg_recurrence_expand (dg_task_get_rrule (task), dg_task_get_due_date (task),
                               dg_task_get_due_time (task), dg_task_get_time_zone (task),
                               from - SECONDS_PER_DAY, to + SECONDS_PER_DAY, 0, error);
}

/* The id of the occurrence due at the instant @due, or NULL. */
static char *
find_occurrence_at (DgTask     *task,
                    GDateTime  *due,
                    GError    **error)
{
  gint64 instant = g_date_time_to_unix (due);
  g_autoptr(GArray) occurrences = expand_around (task, instant, instant + 1, error);

  if (occurrences == NULL)
    return NULL;
  for (guint i = 0; i < occurrences->len; i++)
    {
      DgOccurrenceTime *occurrence = &g_array_index (occurrences, DgOccurrenceTime, i);

      if (occurrence->due_utc == instant)
        return g_strdup (occurrence->recurrence_id);
    }
  return NULL;
}

/* The id of the occurrence on the local date @date ("20260308"), or NULL. */
static char *
find_occurrence_on (DgTask      *task,
                    const char  *date,
                    GError     **error)
{
  g_autofree char *midnight = g_strconcat (date, "T000000", NULL);
  g_autoptr(GDateTime) start = dg_recurrence_id_to_date_time (midnight, dg_task_get_time_zone (task));
  g_autoptr(GArray) occurrences = NULL;

  if (start == NULL)
    return NULL;
  occurrences = expand_around (task, g_date_time_to_unix (start),
                               g_date_time_to_unix (start) + SECONDS_PER_DAY, error);
  if (occurrences == NULL)
    return NULL;
  for (guint i = 0; i < occurrences->len; i++)
    {
      const char *id = g_array_index (occurrences, DgOccurrenceTime, i).recurrence_id;

      if (strncmp (id, date, 8) == 0)
        return g_strdup (id);
    }
  return NULL;
}

/* Whether a RECURRENCE-ID's TZID names the task's own zone, so that its
 * wall clock is the id as the rule gives it. */
static gboolean
is_task_zone (DgTask     *task,
              const char *tzid)
{
  g_autofree char *iana = dg_ical_tzid_to_iana (tzid);

  return g_strcmp0 (iana, dg_task_get_time_zone (task)) == 0;
}

/* The occurrence a RECURRENCE-ID names, as Delegate stores it: the wall
 * clock the rule gives in the task's zone ("20260308T023000"), or a date
 * for an all-day task. The value's digits are that id when it is in the
 * task's zone or floating: on a day the clocks go forward, 02:30 is what
 * the recurrence set calls the occurrence that is due at 03:30. A UTC
 * value or one in another zone is an instant, matched against the instants
 * the occurrences are due at. A DATE names that day's occurrence. Sets
 * @recurrence_id to NULL and @shown to what the file named when the task
 * has no such occurrence; FALSE only for an error. */
static gboolean
resolve_recurrence_id (DgIcalDocument  *document,
                       icalcomponent   *todo,
                       icalproperty    *property,
                       DgTask          *task,
                       GTimeZone       *zone,
                       char           **recurrence_id,
                       char           **shown,
                       GError         **error)
{
  icalvalue *value = icalproperty_get_value (property);
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  gboolean all_day = dg_task_is_all_day (task);
  struct icaltimetype time;
  g_autofree char *digits = NULL;
  g_autoptr(GDateTime) instant = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) local_error = NULL;

  *recurrence_id = NULL;
  *shown = NULL;
  time = icalvalue_isa (value) == ICAL_DATE_VALUE ? icalvalue_get_date (value)
                                                   : icalvalue_get_datetime (value);
  digits = g_strdup_printf ("%04d%02d%02dT%02d%02d%02d", time.year, time.month, time.day,
                            time.hour, time.minute, time.second);

  if (time.is_date || all_day)
    {
      /* The day is the same wherever the value is local; a UTC time or
       * one in another zone falls on a day of the task's zone. */
      if (!time.is_date && (icaltime_is_utc (time) || (tzid != NULL &&
                                                        !is_task_zone (task, icalparameter_get_tzid (tzid)))))
        {
          g_autofree char *date = NULL;

          instant = dg_ical_document_get_date_time (document, todo, ICAL_RECURRENCEID_PROPERTY,
                                                    zone, error);
          if (instant == NULL)
            return FALSE;
          local = g_date_time_to_timezone (instant, zone);
          date = g_date_time_format (local, "%Y%m%d");
          memcpy (digits, date, 8);
        }
      digits[8] = '\0';
      if (all_day)
        *recurrence_id = dg_recurrence_has_occurrence (dg_task_get_rrule (task),
                                                       dg_task_get_due_date (task),
                                                       dg_task_get_due_time (task),
                                                       dg_task_get_time_zone (task), digits)
                           ? g_strdup (digits) : NULL;
      else
        {
          *recurrence_id = find_occurrence_on (task, digits, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
      if (*recurrence_id == NULL)
        {
          g_autofree char *midnight = g_strconcat (digits, "T000000", NULL);
          g_autoptr(GDateTime) day = dg_recurrence_id_to_date_time (midnight, "UTC");

          *shown = day != NULL ? format_occurrence (day, TRUE) : g_strdup (digits);
        }
      return TRUE;
    }

  if (!icaltime_is_utc (time) && (tzid == NULL || is_task_zone (task, icalparameter_get_tzid (tzid))))
    {
      if (dg_recurrence_has_occurrence (dg_task_get_rrule (task), dg_task_get_due_date (task),
                                        dg_task_get_due_time (task), dg_task_get_time_zone (task),
                                        digits))
        {
          *recurrence_id = g_steal_pointer (&digits);
          return TRUE;
        }
      /* Not an id of the rule; it may still be the instant one is due at
       * (02:30 written as 03:30 on a day the clocks skip 02:00 to 03:00). */
    }

  instant = dg_ical_document_get_date_time (document, todo, ICAL_RECURRENCEID_PROPERTY, zone, error);
  if (instant == NULL)
    return FALSE;
  *recurrence_id = find_occurrence_at (task, instant, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*recurrence_id == NULL)
    {
      local = g_date_time_to_timezone (instant, zone);
      *shown = format_occurrence (local, FALSE);
    }
  return TRUE;
}

typedef struct
{
  gboolean     has_status;    /* STATUS, PERCENT-COMPLETE or COMPLETED */
  DgTaskStatus status;
  int          percent;       /* -1: not in the file, or not to be taken */
  char        *completed_at;  /* from COMPLETED, or NULL */
} IcalProgress;

/* What the client says about the task. Returns FALSE, with @reason set,
 * for a status a task cannot have (an event's CONFIRMED, say). */
static gboolean
read_progress (DgIcalDocument  *document,
               icalcomponent   *todo,
               gboolean         occurrence,
               IcalProgress    *progress,
               char           **reason,
               GError         **error)
{
  icalproperty *status_property = icalcomponent_get_first_property (todo, ICAL_STATUS_PROPERTY);
  icalproperty *percent_property = icalcomponent_get_first_property (todo, ICAL_PERCENTCOMPLETE_PROPERTY);
  icalproperty *completed_property = icalcomponent_get_first_property (todo, ICAL_COMPLETED_PROPERTY);

  progress->has_status = status_property != NULL || percent_property != NULL ||
                         completed_property != NULL;
  progress->percent = percent_property != NULL
                        ? CLAMP (icalproperty_get_percentcomplete (percent_property), 0, 100)
                        : -1;
  progress->completed_at = NULL;

  if (completed_property != NULL)
    {
      g_autoptr(GDateTime) completed = dg_ical_document_get_date_time (document, todo,
                                                                        ICAL_COMPLETED_PROPERTY,
                                                                        NULL, error);
      if (completed == NULL)
        return FALSE;
      progress->completed_at = format_utc (completed);
    }

  if (status_property == NULL)
    {
      /* Clients differ in what they write for a finished task: some only
       * PERCENT-COMPLETE:100, some only COMPLETED; without a STATUS, any
       * of them means done. */
      if (progress->percent == 100 || completed_property != NULL)
        progress->status = DG_TASK_STATUS_DONE;
      else
        progress->status = progress->percent > 0 ? DG_TASK_STATUS_IN_PROGRESS : DG_TASK_STATUS_OPEN;
      return TRUE;
    }

  /* A STATUS says it outright, and wins over the other two: a task
   * reopened with 100 % left over is open. */
  switch (icalproperty_get_status (status_property))
    {
    case ICAL_STATUS_CANCELLED:
      progress->status = occurrence ? DG_TASK_STATUS_SKIPPED : DG_TASK_STATUS_CANCELLED;
      break;
    case ICAL_STATUS_COMPLETED:
      progress->status = DG_TASK_STATUS_DONE;
      break;
    case ICAL_STATUS_INPROCESS:
      progress->status = DG_TASK_STATUS_IN_PROGRESS;
      break;
    case ICAL_STATUS_NEEDSACTION:
      progress->status = DG_TASK_STATUS_OPEN;
      break;
    default:
      /* TRANSLATORS: %s is a status as the file gives it, such as CONFIRMED */
      *reason = g_strdup_printf (_("“%s” is not a status a task can have."),
                                 icalproperty_get_value_as_string (status_property));
      return FALSE;
    }
  /* 100 % of a task that is not done contradicts the status. */
  if (progress->status != DG_TASK_STATUS_DONE && progress->percent == 100)
    progress->percent = -1;
  return TRUE;
}

static gboolean
read_todo (DgCalendarImport  *self,
           DgIcalDocument    *document,
           icalcomponent     *todo,
           GHashTable        *targets,
           GError           **error)
{
  guint line = dg_ical_document_get_line (document, todo);
  const char *uid = icalcomponent_get_uid (todo);
  const char *summary = icalcomponent_get_summary (todo);
  DgTask *task;
  g_autoptr(GTimeZone) zone = NULL;
  icalproperty *recurrence_property;
  g_autofree char *recurrence_id = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(DgCalendarChange) change = NULL;
  DgTaskStatus old_status;
  int old_percent;
  const char *old_completed_at;
  g_autoptr(DgTaskOccurrence) occurrence = NULL;
  IcalProgress progress = { 0, };
  g_autofree char *reason = NULL;
  int new_percent;
  g_autofree char *new_completed_at = NULL;

  if (uid == NULL || *uid == '\0')
    {
      add_skipped (self, line, uid, summary,
                   g_strdup (_("The entry has no UID, so it cannot be matched to a task.")));
      return TRUE;
    }
  task = dg_task_store_find_by_uid (self->tasks, uid);
  if (task == NULL)
    {
      add_skipped (self, line, uid, summary,
                   g_strdup (_("This task is not in Delegate; an import only updates tasks and never creates them.")));
      /* A repeating task of the client's comes as several entries, and
       * is still one task. */
      g_hash_table_add (self->unknown, g_strdup (uid));
      self->n_unknown_entries++;
      return TRUE;
    }
  zone = g_time_zone_new_identifier (dg_task_get_time_zone (task));
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  recurrence_property = icalcomponent_get_first_property (todo, ICAL_RECURRENCEID_PROPERTY);
  if (recurrence_property != NULL)
    {
      icalparameter *range = icalproperty_get_first_parameter (recurrence_property, ICAL_RANGE_PARAMETER);
      guint property_line = dg_ical_document_get_property_line (document, recurrence_property);
      g_autofree char *shown = NULL;

      if (!dg_task_is_recurring (task))
        {
          add_skipped (self, property_line, uid, summary,
                       g_strdup (_("The entry is for one date of a repeating task, but this task does not repeat.")));
          return TRUE;
        }
      if (range != NULL && icalparameter_get_range (range) == ICAL_RANGE_THISANDFUTURE)
        {
          add_skipped (self, property_line, uid, summary,
                       g_strdup (_("The entry changes this date and every later one (RANGE=THISANDFUTURE); Delegate applies a status to one date only, so mark each date in the calendar instead.")));
          return TRUE;
        }
      if (!resolve_recurrence_id (document, todo, recurrence_property, task, zone,
                                  &recurrence_id, &shown, error))
        return FALSE;
      if (recurrence_id != NULL)
        occurrence = dg_task_store_get_occurrence (self->tasks, task, recurrence_id, NULL);
      if (occurrence == NULL)
        {
          add_skipped (self, property_line, uid, summary,
                       /* TRANSLATORS: %s is a date, or a date and time, such
                        * as "Monday, 8 March 2026, 02:30" */
                       g_strdup_printf (_("%s is not a date of this task’s schedule."),
                                        shown != NULL ? shown : recurrence_id));
          return TRUE;
        }
      old_status = dg_task_occurrence_get_status (occurrence);
      old_percent = dg_task_occurrence_get_percent_complete (occurrence);
      old_completed_at = dg_task_occurrence_get_completed_at (occurrence);
      due = g_date_time_ref (dg_task_occurrence_get_due (occurrence));
    }
  else
    {
      recurrence_id = g_strdup ("");
      old_status = dg_task_get_status (task);
      old_percent = dg_task_get_percent_complete (task);
      old_completed_at = dg_task_get_completed_at (task);
      due = dg_task_get_due (task);
    }

  target = g_strconcat (uid, "\n", recurrence_id, NULL);
  if (g_hash_table_contains (targets, target))
    {
      add_skipped (self, line, uid, summary,
                   g_strdup (_("The same task or date appears earlier in the file; only the first entry is read.")));
      return TRUE;
    }
  g_hash_table_add (targets, g_steal_pointer (&target));

  if (!read_progress (document, todo, *recurrence_id != '\0', &progress, &reason, error))
    {
      g_free (progress.completed_at);
      if (reason == NULL)
        return FALSE;
      add_skipped (self,
                   dg_ical_document_get_property_line (document,
                                                       icalcomponent_get_first_property (todo, ICAL_STATUS_PROPERTY)),
                   uid, summary, g_steal_pointer (&reason));
      return TRUE;
    }
  new_completed_at = progress.completed_at;

  /* A client that writes nothing about progress says nothing: a missing
   * STATUS must not reopen a task that is cancelled here. */
  if (!progress.has_status)
    return TRUE;

  /* The master VTODO of a repeating task stands for the whole series.
   * Delegate completes a series one occurrence at a time (RFC 5545
   * RECURRENCE-ID), so a client that marks the master done or in progress
   * (some do when the last instance is ticked off, others to mean "this
   * one") is not guessed at: the entry is listed with the reason, and the
   * occurrences the client wrote as overrides (Thunderbird does) apply. */
  if (*recurrence_id == '\0' && dg_task_is_recurring (task) &&
      (progress.status == DG_TASK_STATUS_DONE || progress.status == DG_TASK_STATUS_IN_PROGRESS))
    {
      add_skipped (self, line, uid, summary,
                   g_strdup (_("The whole series is marked as done or in progress; Delegate records that for each date, so mark the dates instead.")));
      return TRUE;
    }

  if (progress.status == DG_TASK_STATUS_DONE)
    new_percent = 100;
  else if (progress.percent >= 0)
    new_percent = progress.percent;
  else if (old_status == DG_TASK_STATUS_DONE)
    new_percent = 0;
  else
    new_percent = old_percent;

  if (progress.status != DG_TASK_STATUS_DONE)
    g_clear_pointer (&new_completed_at, g_free);
  else if (new_completed_at == NULL && old_status == DG_TASK_STATUS_DONE && *old_completed_at != '\0')
    new_completed_at = g_strdup (old_completed_at);
  else if (new_completed_at == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      new_completed_at = format_utc (now);
    }

  if (progress.status == old_status && new_percent == old_percent)
    return TRUE;

  change = g_new0 (DgCalendarChange, 1);
  change->line = line;
  change->uid = g_strdup (uid);
  change->task_id = dg_task_get_id (task);
  change->title = g_strdup (dg_task_get_title (task));
  change->recurrence_id = g_steal_pointer (&recurrence_id);
  change->due = g_steal_pointer (&due);
  change->old_status = old_status;
  change->new_status = progress.status;
  change->old_percent = old_percent;
  change->new_percent = new_percent;
  change->completed_at = new_completed_at != NULL ? g_steal_pointer (&new_completed_at) : g_strdup ("");
  g_ptr_array_add (self->changes, g_steal_pointer (&change));
  return TRUE;
}

/* ---- public API --------------------------------------------------------- */

DgCalendarImport *
dg_calendar_import_prepare (DgTaskStore  *tasks,
                            const char   *data,
                            gssize        length,
                            GError      **error)
{
  static const icalcomponent_kind ignored_kinds[] = {
    ICAL_VEVENT_COMPONENT, ICAL_VJOURNAL_COMPONENT, ICAL_VFREEBUSY_COMPONENT,
  };
  g_autoptr(DgIcalDocument) document = NULL;
  g_autoptr(DgCalendarImport) self = NULL;
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *todos;

  g_return_val_if_fail (DG_IS_TASK_STORE (tasks), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = dg_ical_document_read (data != NULL ? data : "", length, error);
  if (document == NULL)
    return NULL;

  self = g_object_new (DG_TYPE_CALENDAR_IMPORT, NULL);
  self->tasks = g_object_ref (tasks);

  todos = dg_ical_document_get_components (document, ICAL_VTODO_COMPONENT);
  for (guint i = 0; i < todos->len; i++)
    if (!read_todo (self, document, todos->pdata[i], targets, error))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (ignored_kinds); i++)
    self->n_ignored += dg_ical_document_get_components (document, ignored_kinds[i])->len;

  return g_steal_pointer (&self);
}

DgCalendarImport *
dg_calendar_import_prepare_file (DgTaskStore  *tasks,
                                 GFile        *file,
                                 GError      **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (DG_IS_TASK_STORE (tasks), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return NULL;
  return dg_calendar_import_prepare (tasks, data, length, error);
}

GPtrArray *
dg_calendar_import_get_changes (DgCalendarImport *self)
{
  g_return_val_if_fail (DG_IS_CALENDAR_IMPORT (self), NULL);

  return self->changes;
}

GPtrArray *
dg_calendar_import_get_skipped (DgCalendarImport *self)
{
  g_return_val_if_fail (DG_IS_CALENDAR_IMPORT (self), NULL);

  return self->skipped;
}

guint
dg_calendar_import_get_n_ignored (DgCalendarImport *self)
{
  g_return_val_if_fail (DG_IS_CALENDAR_IMPORT (self), 0);

  return self->n_ignored;
}

char *
dg_calendar_import_describe (DgCalendarImport *self)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) dated_tasks = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_task_changes = 0;
  guint n_date_changes = 0;
  guint n_unknown;
  guint n_other;

  g_return_val_if_fail (DG_IS_CALENDAR_IMPORT (self), NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      DgCalendarChange *change = self->changes->pdata[i];

      if (*change->recurrence_id == '\0')
        n_task_changes++;
      else
        {
          n_date_changes++;
          g_hash_table_add (dated_tasks, &change->task_id);
        }
    }
  n_unknown = g_hash_table_size (self->unknown);
  n_other = self->skipped->len - self->n_unknown_entries;

  if (n_task_changes > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (ngettext ("%u task will change.",
                                                "%u tasks will change.", n_task_changes),
                                      n_task_changes));
  if (n_date_changes > 0)
    {
      guint n_dated_tasks = g_hash_table_size (dated_tasks);
      /* TRANSLATORS: the start of "3 dates of 2 repeating tasks will change." */
      g_autofree char *dates = g_strdup_printf (ngettext ("%u date", "%u dates", n_date_changes),
                                                n_date_changes);

      g_ptr_array_add (sentences,
                       /* TRANSLATORS: %s is "1 date" or "3 dates", %u the
                        * number of tasks they belong to */
                       g_strdup_printf (ngettext ("%s of %u repeating task will change.",
                                                  "%s of %u repeating tasks will change.", n_dated_tasks),
                                        dates, n_dated_tasks));
    }
  if (self->changes->len == 0 && self->skipped->len > 0)
    g_ptr_array_add (sentences, g_strdup (_("Nothing to change.")));
  else if (self->changes->len == 0)
    g_ptr_array_add (sentences,
                     g_strdup (_("Nothing to change: the tasks in the file match those in Delegate.")));
  if (n_unknown > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (ngettext ("%u task in the file is not in Delegate and will not be created.",
                                                "%u tasks in the file are not in Delegate and will not be created.",
                                                n_unknown),
                                      n_unknown));
  if (n_other > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (ngettext ("%u entry is left alone; the list says why.",
                                                "%u entries are left alone; the list says why.", n_other),
                                      n_other));
  if (self->n_ignored > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (ngettext ("%u event or other entry that is not a task is not read.",
                                                "%u events or other entries that are not tasks are not read.",
                                                self->n_ignored),
                                      self->n_ignored));
  g_ptr_array_add (sentences, NULL);

  return g_strjoinv (" ", (char **) sentences->pdata);
}

/* The task or occurrence still has the status the preview showed. */
static gboolean
change_still_applies (DgCalendarImport *self,
                      DgCalendarChange *change)
{
  DgTask *task = dg_task_store_find (self->tasks, change->task_id);
  g_autoptr(DgTaskOccurrence) occurrence = NULL;

  if (task == NULL || g_strcmp0 (dg_task_get_uid (task), change->uid) != 0)
    return FALSE;
  if (*change->recurrence_id == '\0')
    return dg_task_get_status (task) == change->old_status &&
           dg_task_get_percent_complete (task) == change->old_percent;

  occurrence = dg_task_store_get_occurrence (self->tasks, task, change->recurrence_id, NULL);
  return occurrence != NULL &&
         dg_task_occurrence_get_status (occurrence) == change->old_status &&
         dg_task_occurrence_get_percent_complete (occurrence) == change->old_percent;
}

gboolean
dg_calendar_import_apply (DgCalendarImport  *self,
                          GError           **error)
{
  g_autofree DgTaskProgress *progress = NULL;

  g_return_val_if_fail (DG_IS_CALENDAR_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->changes->len == 0)
    return TRUE;

  progress = g_new0 (DgTaskProgress, self->changes->len);
  for (guint i = 0; i < self->changes->len; i++)
    {
      DgCalendarChange *change = self->changes->pdata[i];

      if (!change_still_applies (self, change))
        {
          g_set_error (error, DG_CALENDAR_IMPORT_ERROR, DG_CALENDAR_IMPORT_ERROR_CHANGED,
                       _("The task “%s” has changed since the file was read. Nothing was imported; read the file again to see what it would change now."),
                       change->title);
          return FALSE;
        }
      progress[i].task_id = change->task_id;
      progress[i].recurrence_id = change->recurrence_id;
      progress[i].status = change->new_status;
      progress[i].percent_complete = change->new_percent;
      progress[i].completed_at = change->completed_at;
    }

  return dg_task_store_set_progress (self->tasks, progress, self->changes->len, error);
}
