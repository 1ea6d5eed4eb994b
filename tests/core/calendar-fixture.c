/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "calendar-fixture"

#include <locale.h>
#include <string.h>

#include "dg-calendar-export.h"
#include "dg-database.h"

/* Writes, into the folder given as the only argument, a calendar export
 * (tasks.ics) and what Delegate itself says about it (expected.json): the
 * tasks with their DUE and RRULE, and every occurrence in a range of half
 * a year from dg_task_store_list_occurrences. check-calendar-python.py
 * then reads the .ics with an independent implementation and must find the
 * same. The tasks cover the zones and rules where implementations differ:
 * daylight saving in Berlin and New York, none in Manila, a half-hour
 * shift on Lord Howe Island, Nth weekday of the month, COUNT, UNTIL (also
 * typed in the other form: a date beside a time, a UTC time on an all-day
 * task), all day, UTC, a time the clocks skip on the day they go forward,
 * and stored overrides of each status, whose STATUS and PERCENT-COMPLETE
 * the other side must see on their occurrence. */

static const char *range_from = "2026-11-01T12:00:00Z";
static const char *range_to = "2027-05-01T12:00:00Z";

static const struct
{
  const char *title;
  const char *zone;
  const char *due_date;
  const char *due_time;
  const char *rrule;
} fixture_tasks[] = {
  { "Weekly in Berlin", "Europe/Berlin", "2026-11-02", "09:00", "FREQ=WEEKLY;BYDAY=MO,TH" },
  { "Second Tuesday in New York", "America/New_York", "2026-11-10", "17:00", "FREQ=MONTHLY;BYDAY=2TU" },
  { "Last Friday in Berlin", "Europe/Berlin", "2026-11-27", "16:30", "FREQ=MONTHLY;BYDAY=-1FR" },
  { "Ten days in Manila", "Asia/Manila", "2026-12-01", "08:30", "FREQ=DAILY;COUNT=10" },
  { "Sundays on Lord Howe until April", "Australia/Lord_Howe", "2027-03-07", "09:00",
    "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270430T125959Z" },
  { "Once on Lord Howe", "Australia/Lord_Howe", "2026-12-24", "10:00", "" },
  { "Every other Friday, all day", "Australia/Lord_Howe", "2026-11-06", "", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR" },
  { "Once, all day, in New York", "America/New_York", "2027-01-15", "", "" },
  { "Tuesdays until a typed date", "Europe/Berlin", "2026-11-03", "10:00",
    "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270209" },
  { "Every third day, all day, until a typed time", "Asia/Manila", "2026-12-01", "",
    "FREQ=DAILY;INTERVAL=3;UNTIL=20261220T120000Z" },
  { "Nights in New York", "America/New_York", "2027-03-10", "02:30", "FREQ=DAILY;COUNT=10" },
  { "Weekly in UTC", "UTC", "2026-11-04", "07:15", "FREQ=WEEKLY;COUNT=8" },
  { "Once in UTC", "Etc/UTC", "2026-12-31", "23:30", "" },
};

/* Occurrences given a status of their own: the task (by index above),
 * the date, the status and the percentage. */
static const struct
{
  guint        task;
  const char  *recurrence_id;
  DgTaskStatus status;
  int          percent;
} fixture_overrides[] = {
  { 0, "20261130T090000", DG_TASK_STATUS_DONE, 100 },
  { 0, "20261203T090000", DG_TASK_STATUS_SKIPPED, 0 },
  { 3, "20261204T083000", DG_TASK_STATUS_IN_PROGRESS, 40 },
  { 6, "20261120", DG_TASK_STATUS_DONE, 100 },
  /* due at 03:30 daylight time, 02:30 as the rule names it */
  { 10, "20270314T023000", DG_TASK_STATUS_DONE, 100 },
  { 11, "20261111T071500", DG_TASK_STATUS_SKIPPED, 0 },
};

/* RFC 5545 names, as the other side reads them. */
static const char *
status_to_ical (DgTaskStatus status)
{
  switch (status)
    {
    case DG_TASK_STATUS_OPEN:
      return "NEEDS-ACTION";
    case DG_TASK_STATUS_IN_PROGRESS:
      return "IN-PROCESS";
    case DG_TASK_STATUS_DONE:
      return "COMPLETED";
    case DG_TASK_STATUS_CANCELLED:
    case DG_TASK_STATUS_SKIPPED:
      return "CANCELLED";
    default:
      g_assert_not_reached ();
    }
}

static gboolean
build (const char  *dir,
       GError     **error)
{
  g_autofree char *db_path = g_build_filename (dir, "delegate.db", NULL);
  g_autofree char *ics_path = g_build_filename (dir, "tasks.ics", NULL);
  g_autofree char *json_path = g_build_filename (dir, "expected.json", NULL);
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgHandbookStore) handbooks = NULL;
  g_autoptr(DgTaskStore) tasks = NULL;
  g_autoptr(DgAssistant) assistant = dg_assistant_new ();
  g_autoptr(GFile) ics = NULL;
  g_autoptr(GString) json = g_string_new ("{\n");
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  db = dg_database_open (db_path, error);
  if (db == NULL)
    return FALSE;
  if ((assistants = dg_assistant_store_new (db, error)) == NULL ||
      (handbooks = dg_handbook_store_new (db, error)) == NULL ||
      (tasks = dg_task_store_new (db, error)) == NULL)
    return FALSE;

  g_object_set (assistant,
                "name", "Maria Santos",
                "email", "maria.santos@example.com",
                "time-zone", "Asia/Manila",
                "currency", "EUR",
                "hourly-rate", (gint64) 1500,
                NULL);
  if (!dg_assistant_store_add (assistants, assistant, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fixture_tasks); i++)
    {
      g_autoptr(DgTask) task = dg_task_new (fixture_tasks[i].title);

      g_object_set (task,
                    "assistant-id", dg_assistant_get_id (assistant),
                    "time-zone", fixture_tasks[i].zone,
                    "due-date", fixture_tasks[i].due_date,
                    "due-time", fixture_tasks[i].due_time,
                    "rrule", fixture_tasks[i].rrule,
                    NULL);
      if (!dg_task_store_add (tasks, task, error))
        return FALSE;
      g_ptr_array_add (added, task);
    }
  /* An override in the file must replace its occurrence, not add one. */
  for (guint i = 0; i < G_N_ELEMENTS (fixture_overrides); i++)
    {
      DgTaskProgress progress = {
        dg_task_get_id (added->pdata[fixture_overrides[i].task]),
        fixture_overrides[i].recurrence_id,
        fixture_overrides[i].status,
        fixture_overrides[i].percent,
        NULL,
      };

      if (!dg_task_store_set_progress (tasks, &progress, 1, error))
        return FALSE;
    }

  ics = g_file_new_for_path (ics_path);
  if (!dg_calendar_export_to_file (tasks, handbooks, assistants, NULL, 0, ics, error))
    return FALSE;

  g_string_append_printf (json, "  \"from\": \"%s\",\n  \"to\": \"%s\",\n  \"tasks\": [\n",
                          range_from, range_to);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tasks)); i++)
    {
      g_autoptr(DgTask) task = g_list_model_get_item (G_LIST_MODEL (tasks), i);
      g_autoptr(GDateTime) due = dg_task_get_due (task);
      g_autofree char *due_text = g_date_time_format (due, dg_task_is_all_day (task) ? "%Y%m%d"
                                                                                     : "%Y%m%dT%H%M%S");

      g_string_append_printf (json,
                              "    {\"uid\": \"%s\", \"zone\": \"%s\", \"all_day\": %s, "
                              "\"due\": \"%s\", \"rrule\": \"%s\"}%s\n",
                              dg_task_get_uid (task), dg_task_get_time_zone (task),
                              dg_task_is_all_day (task) ? "true" : "false",
                              due_text, dg_task_get_rrule (task),
                              i + 1 < g_list_model_get_n_items (G_LIST_MODEL (tasks)) ? "," : "");
    }
  g_string_append (json, "  ],\n  \"occurrences\": [\n");

  from = g_date_time_new_from_iso8601 (range_from, utc);
  to = g_date_time_new_from_iso8601 (range_to, utc);
  occurrences = dg_task_store_list_occurrences (tasks, from, to, 0, error);
  if (occurrences == NULL)
    return FALSE;
  for (guint i = 0; i < occurrences->len; i++)
    {
      DgTaskOccurrence *occurrence = occurrences->pdata[i];
      DgTask *task = dg_task_occurrence_get_task (occurrence);
      g_autoptr(GDateTime) due_utc = g_date_time_to_utc (dg_task_occurrence_get_due (occurrence));
      g_autofree char *start = g_date_time_format (due_utc, "%Y-%m-%dT%H:%M:%SZ");

      g_string_append_printf (json,
                              "    {\"uid\": \"%s\", \"recurrence_id\": \"%s\", \"start_utc\": \"%s\", "
                              "\"status\": \"%s\", \"percent\": %d}%s\n",
                              dg_task_get_uid (task),
                              dg_task_occurrence_get_recurrence_id (occurrence),
                              start, status_to_ical (dg_task_occurrence_get_status (occurrence)),
                              dg_task_occurrence_get_percent_complete (occurrence),
                              i + 1 < occurrences->len ? "," : "");
    }
  g_string_append (json, "  ],\n  \"overrides\": [\n");
  for (guint i = 0; i < G_N_ELEMENTS (fixture_overrides); i++)
    g_string_append_printf (json, "    {\"uid\": \"%s\", \"recurrence_id\": \"%s\"}%s\n",
                            dg_task_get_uid (added->pdata[fixture_overrides[i].task]),
                            fixture_overrides[i].recurrence_id,
                            i + 1 < G_N_ELEMENTS (fixture_overrides) ? "," : "");
  g_string_append (json, "  ]\n}\n");

  return g_file_set_contents (json_path, json->str, json->len, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("Usage: %s FOLDER\n", argv[0]);
      return 2;
    }
  if (!build (argv[1], &error))
    {
      g_printerr ("calendar-fixture: %s\n", error->message);
      return 1;
    }
  return 0;
}
