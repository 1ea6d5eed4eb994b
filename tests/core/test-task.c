/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-task"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "dg-task-occurrence.h"
#include "dg-task-private.h"
#include "dg-test-utils.h"
#include "dg-validation.h"

/* A task that passes validation, to be spoiled one field at a time. */
static DgTask *
make_valid_task (void)
{
  DgTask *task = dg_task_new ("Reconcile the bank account");

  g_object_set (task,
                "assistant-id", (gint64) 1,
                "due-date", "2026-11-30",
                "due-time", "09:00",
                "time-zone", "Europe/Berlin",
                NULL);
  return task;
}

static void
test_enum_strings (void)
{
  static const struct { DgTaskStatus status; const char *text; } statuses[] = {
    { DG_TASK_STATUS_OPEN, "open" },
    { DG_TASK_STATUS_IN_PROGRESS, "in-progress" },
    { DG_TASK_STATUS_DONE, "done" },
    { DG_TASK_STATUS_CANCELLED, "cancelled" },
    { DG_TASK_STATUS_SKIPPED, "skipped" },
  };
  static const struct { DgTaskPriority priority; const char *text; } priorities[] = {
    { DG_TASK_PRIORITY_NONE, "none" },
    { DG_TASK_PRIORITY_HIGH, "high" },
    { DG_TASK_PRIORITY_MEDIUM, "medium" },
    { DG_TASK_PRIORITY_LOW, "low" },
  };
  static const struct { DgTaskBilling billing; const char *text; } billings[] = {
    { DG_TASK_BILLING_ASSISTANT_RATE, "assistant-rate" },
    { DG_TASK_BILLING_OWN_RATE, "own-rate" },
    { DG_TASK_BILLING_FIXED_FEE, "fixed-fee" },
  };
  DgTaskStatus status;
  DgTaskPriority priority;
  DgTaskBilling billing;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_assert_cmpstr (dg_task_status_to_string (statuses[i].status), ==, statuses[i].text);
      g_assert_true (dg_task_status_from_string (statuses[i].text, &status));
      g_assert_cmpint (status, ==, statuses[i].status);
      g_assert_cmpstr (dg_task_status_get_label (statuses[i].status), !=, "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      g_assert_cmpstr (dg_task_priority_to_string (priorities[i].priority), ==, priorities[i].text);
      g_assert_true (dg_task_priority_from_string (priorities[i].text, &priority));
      g_assert_cmpint (priority, ==, priorities[i].priority);
      g_assert_cmpstr (dg_task_priority_get_label (priorities[i].priority), !=, "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (billings); i++)
    {
      g_assert_cmpstr (dg_task_billing_to_string (billings[i].billing), ==, billings[i].text);
      g_assert_true (dg_task_billing_from_string (billings[i].text, &billing));
      g_assert_cmpint (billing, ==, billings[i].billing);
      g_assert_cmpstr (dg_task_billing_get_label (billings[i].billing), !=, "");
    }

  g_assert_false (dg_task_status_from_string ("finished", &status));
  g_assert_false (dg_task_status_from_string (NULL, &status));
  g_assert_false (dg_task_priority_from_string ("urgent", &priority));
  g_assert_false (dg_task_billing_from_string ("hourly", &billing));

  /* The GTypes know the same nicks, for properties and GtkDropDowns. */
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (DG_TYPE_TASK_STATUS);
    g_assert_cmpint (g_enum_get_value_by_nick (klass, "in-progress")->value, ==, DG_TASK_STATUS_IN_PROGRESS);
  }
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (DG_TYPE_TASK_PRIORITY);
    g_assert_cmpint (g_enum_get_value_by_nick (klass, "low")->value, ==, 9);
  }
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (DG_TYPE_TASK_BILLING);
    g_assert_cmpint (g_enum_get_value_by_nick (klass, "fixed-fee")->value, ==, DG_TASK_BILLING_FIXED_FEE);
  }
}

static void
test_status_pending (void)
{
  g_assert_true (dg_task_status_is_pending (DG_TASK_STATUS_OPEN));
  g_assert_true (dg_task_status_is_pending (DG_TASK_STATUS_IN_PROGRESS));
  g_assert_false (dg_task_status_is_pending (DG_TASK_STATUS_DONE));
  g_assert_false (dg_task_status_is_pending (DG_TASK_STATUS_CANCELLED));
  g_assert_false (dg_task_status_is_pending (DG_TASK_STATUS_SKIPPED));
}

static void
test_copy_keeps_everything (void)
{
  g_autoptr(DgTask) task = make_valid_task ();
  g_autoptr(DgTask) copy = NULL;

  g_object_set (task,
                "id", (gint64) 7,
                "uid", "abc@delegate",
                "handbook-id", (gint64) 3,
                "handbook-version", 2,
                "rrule", "FREQ=WEEKLY;BYDAY=MO",
                "notes", "Use the new login.",
                "priority", DG_TASK_PRIORITY_HIGH,
                "estimate-minutes", 45,
                "billing", DG_TASK_BILLING_FIXED_FEE,
                "billing-amount", (gint64) 5000,
                "status", DG_TASK_STATUS_IN_PROGRESS,
                "percent-complete", 40,
                "completed-at", "",
                "created-at", "2026-11-01T08:00:00Z",
                NULL);
  copy = dg_task_copy (task);

  g_assert_true (copy != task);
  g_assert_cmpint (dg_task_get_id (copy), ==, 7);
  g_assert_cmpstr (dg_task_get_uid (copy), ==, "abc@delegate");
  g_assert_cmpstr (dg_task_get_title (copy), ==, "Reconcile the bank account");
  g_assert_cmpint (dg_task_get_assistant_id (copy), ==, 1);
  g_assert_cmpint (dg_task_get_handbook_id (copy), ==, 3);
  g_assert_cmpint (dg_task_get_handbook_version (copy), ==, 2);
  g_assert_cmpstr (dg_task_get_due_date (copy), ==, "2026-11-30");
  g_assert_cmpstr (dg_task_get_due_time (copy), ==, "09:00");
  g_assert_cmpstr (dg_task_get_time_zone (copy), ==, "Europe/Berlin");
  g_assert_cmpstr (dg_task_get_rrule (copy), ==, "FREQ=WEEKLY;BYDAY=MO");
  g_assert_cmpstr (dg_task_get_notes (copy), ==, "Use the new login.");
  g_assert_cmpint (dg_task_get_priority (copy), ==, DG_TASK_PRIORITY_HIGH);
  g_assert_cmpint (dg_task_get_estimate_minutes (copy), ==, 45);
  g_assert_cmpint (dg_task_get_billing (copy), ==, DG_TASK_BILLING_FIXED_FEE);
  g_assert_cmpint (dg_task_get_billing_amount (copy), ==, 5000);
  g_assert_cmpint (dg_task_get_status (copy), ==, DG_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (dg_task_get_percent_complete (copy), ==, 40);
  g_assert_cmpstr (dg_task_get_created_at (copy), ==, "2026-11-01T08:00:00Z");
  g_assert_true (dg_task_is_recurring (copy));
  g_assert_false (dg_task_is_all_day (copy));

  /* The copy is independent. */
  g_object_set (copy, "title", "Something else", NULL);
  g_assert_cmpstr (dg_task_get_title (task), ==, "Reconcile the bank account");
}

static void
test_due (void)
{
  g_autoptr(DgTask) task = make_valid_task ();
  g_autoptr(GDateTime) due = dg_task_get_due (task);
  g_autoptr(GDateTime) all_day_due = NULL;

  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_get_hour (due), ==, 9);
  g_assert_cmpint (g_date_time_get_day_of_month (due), ==, 30);
  /* 09:00 in Berlin in winter is 08:00 UTC. */
  g_assert_cmpint (g_date_time_to_unix (due), ==, 1796025600);

  g_object_set (task, "due-time", "", NULL);
  g_assert_true (dg_task_is_all_day (task));
  all_day_due = dg_task_get_due (task);
  g_assert_cmpint (g_date_time_get_hour (all_day_due), ==, 0);
  g_assert_false (dg_task_is_recurring (task));
}

typedef struct
{
  const char *property;
  const char *value;   /* parsed per property type */
  gboolean    valid;
  const char *mentions;
} ValidationCase;

static void
test_validation_table (void)
{
  static const ValidationCase cases[] = {
    { "title", "", FALSE, "title" },
    { "title", "   ", FALSE, "title" },
    { "title", "Pay the invoices", TRUE, NULL },
    { "assistant-id", "0", FALSE, "assistant" },
    { "due-date", "", FALSE, "date" },
    { "due-date", "2026-02-30", FALSE, NULL },
    { "due-date", "30.11.2026", FALSE, NULL },
    { "due-time", "", TRUE, NULL },
    { "due-time", "23:59", TRUE, NULL },
    { "due-time", "24:00", FALSE, "HH:MM" },
    { "due-time", "9:00", FALSE, "HH:MM" },
    { "due-time", "09:60", FALSE, "HH:MM" },
    { "time-zone", "", FALSE, "time zone" },
    { "time-zone", "Mars/Olympus", FALSE, NULL },
    { "time-zone", "Asia/Manila", TRUE, NULL },
    { "rrule", "", TRUE, NULL },
    { "rrule", "FREQ=WEEKLY;BYDAY=MO,WE", TRUE, NULL },
    { "rrule", "FREQ=HOURLY", FALSE, NULL },
    { "rrule", "BYDAY=MO", FALSE, NULL },
    /* The first due date, Monday 30 November 2026, must be a date of the
     * rule, wherever the rule ends. */
    { "rrule", "FREQ=WEEKLY;BYDAY=MO;COUNT=3", TRUE, NULL },
    { "rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", TRUE, NULL },
    { "rrule", "FREQ=MONTHLY;BYDAY=-1MO", TRUE, NULL },
    { "rrule", "FREQ=MONTHLY;BYMONTHDAY=30,31", TRUE, NULL },
    { "rrule", "FREQ=YEARLY", TRUE, NULL },
    { "rrule", "FREQ=WEEKLY;BYDAY=TU;COUNT=3", FALSE, "Monday, 30 November 2026 is not one of the rule" },
    { "rrule", "FREQ=MONTHLY;BYDAY=1MO", FALSE, "Monday, 30 November 2026" },
    { "rrule", "FREQ=MONTHLY;BYMONTHDAY=1", FALSE, "start on a day the rule includes" },
    { "rrule", "FREQ=YEARLY;BYMONTH=12", FALSE, "Monday, 30 November 2026" },
    { "rrule", "FREQ=DAILY;BYDAY=SA,SU", FALSE, "Monday, 30 November 2026" },
    /* No control characters: a title on one line, notes with line
     * breaks and tabs only. */
    { "title", "Pay the\ninvoices", FALSE, "line" },
    { "title", "Pay\tthe invoices", FALSE, "tabs" },
    { "title", "Pay the invoices\x07", FALSE, "control" },
    { "title", "Pay the invoices\x7f", FALSE, "control" },
    { "title", "Überweisungen prüfen – 𝄞", TRUE, NULL },
    { "notes", "Step one\n\tStep two\n", TRUE, NULL },
    { "notes", "Step one\r\nStep two", FALSE, "control" },
    { "notes", "Escape \x1b[1mbold", FALSE, "control" },
    { "status", "skipped", FALSE, "skipped" },
    { "status", "done", TRUE, NULL },
    { "estimate-minutes", "-5", FALSE, "estimate" },
    { "estimate-minutes", "0", TRUE, NULL },
    { "percent-complete", "101", FALSE, "100" },
    { "percent-complete", "-1", FALSE, "100" },
    { "percent-complete", "100", TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DgTask) task = make_valid_task ();
      g_autoptr(GError) error = NULL;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (task), cases[i].property);
      gboolean valid;

      g_test_message ("%s = “%s”", cases[i].property, cases[i].value);
      g_assert_nonnull (pspec);
      if (pspec->value_type == G_TYPE_STRING)
        g_object_set (task, cases[i].property, cases[i].value, NULL);
      else if (pspec->value_type == G_TYPE_INT64)
        g_object_set (task, cases[i].property, g_ascii_strtoll (cases[i].value, NULL, 10), NULL);
      else if (pspec->value_type == G_TYPE_INT)
        g_object_set (task, cases[i].property, (int) g_ascii_strtoll (cases[i].value, NULL, 10), NULL);
      else if (pspec->value_type == DG_TYPE_TASK_STATUS)
        {
          DgTaskStatus status;

          g_assert_true (dg_task_status_from_string (cases[i].value, &status));
          g_object_set (task, cases[i].property, status, NULL);
        }
      else
        g_assert_not_reached ();

      valid = dg_task_validate (task, &error);
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (valid)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, DG_VALIDATION_ERROR, error->code);
          g_assert_cmpstr (error->message, !=, "");
          if (cases[i].mentions != NULL)
            dg_test_assert_error_mentions (error, cases[i].mentions);
        }
    }
}

static void
test_validation_billing (void)
{
  static const struct { DgTaskBilling billing; gint64 amount; gboolean valid; } cases[] = {
    { DG_TASK_BILLING_ASSISTANT_RATE, 0, TRUE },
    { DG_TASK_BILLING_ASSISTANT_RATE, 2000, FALSE },
    { DG_TASK_BILLING_OWN_RATE, 0, FALSE },
    { DG_TASK_BILLING_OWN_RATE, 2500, TRUE },
    { DG_TASK_BILLING_OWN_RATE, -2500, FALSE },
    { DG_TASK_BILLING_FIXED_FEE, 0, FALSE },
    { DG_TASK_BILLING_FIXED_FEE, 15000, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DgTask) task = make_valid_task ();
      g_autoptr(GError) error = NULL;

      g_object_set (task, "billing", cases[i].billing, "billing-amount", cases[i].amount, NULL);
      g_assert_cmpint (dg_task_validate (task, &error), ==, cases[i].valid);
      if (cases[i].valid)
        g_assert_no_error (error);
      else
        g_assert_error (error, DG_VALIDATION_ERROR, error->code);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(DgTask) task = make_valid_task ();
  guint notifications = 0;

  g_signal_connect (task, "notify::status", G_CALLBACK (count_notify), &notifications);
  g_object_set (task, "status", DG_TASK_STATUS_OPEN, NULL);
  g_assert_cmpuint (notifications, ==, 0);
  g_object_set (task, "status", DG_TASK_STATUS_DONE, NULL);
  g_assert_cmpuint (notifications, ==, 1);
  g_object_set (task, "status", DG_TASK_STATUS_DONE, NULL);
  g_assert_cmpuint (notifications, ==, 1);
}

/* ---- occurrences ---------------------------------------------------------- */

static GDateTime *
make_time (const char *zone_id,
           int         year,
           int         month,
           int         day,
           int         hour,
           int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);

  g_assert_nonnull (zone);
  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

/* An occurrence of a task due on @date at @time ("" = all day) in
 * @task_zone, done by an assistant in @assistant_zone. */
static DgTaskOccurrence *
make_occurrence (const char   *task_zone,
                 const char   *assistant_zone,
                 int           year,
                 int           month,
                 int           day,
                 const char   *time,
                 DgTaskStatus  status)
{
  g_autoptr(DgTask) task = make_valid_task ();
  g_autoptr(GDateTime) due = NULL;
  int hour = 0, minute = 0;

  if (*time != '\0')
    g_assert_cmpint (sscanf (time, "%d:%d", &hour, &minute), ==, 2);
  g_object_set (task, "time-zone", task_zone, "due-time", time, NULL);
  /* The display properties are the store's; a fresh task has none, so the
   * task's own zone stands in for the assistant's unless given. */
  if (assistant_zone != NULL)
    _dg_task_set_display (task, "Maria Santos", assistant_zone, "");
  due = make_time (task_zone, year, month, day, hour, minute);
  return dg_task_occurrence_new (task, "", due, status, 0, "");
}

static void
test_occurrence_overdue_timed (void)
{
  g_autoptr(DgTaskOccurrence) occurrence =
    make_occurrence ("Europe/Berlin", NULL, 2026, 11, 30, "09:00", DG_TASK_STATUS_OPEN);
  g_autoptr(DgTaskOccurrence) done =
    make_occurrence ("Europe/Berlin", NULL, 2026, 11, 30, "09:00", DG_TASK_STATUS_DONE);
  g_autoptr(GDateTime) before = make_time ("Europe/Berlin", 2026, 11, 30, 8, 59);
  g_autoptr(GDateTime) after = make_time ("Europe/Berlin", 2026, 11, 30, 9, 1);

  g_assert_false (dg_task_occurrence_is_overdue (occurrence, before));
  g_assert_true (dg_task_occurrence_is_overdue (occurrence, after));
  g_assert_false (dg_task_occurrence_is_overdue (done, after));
}

static void
test_occurrence_overdue_all_day_in_assistant_zone (void)
{
  /* Due all day on Mon 30 Nov, done by an assistant in Auckland; the owner
   * is in Berlin. At 13:00 Berlin on the 30th it is already 01:00 on Tue 1
   * Dec in Auckland: overdue there, though still the 30th in Berlin. */
  g_autoptr(DgTaskOccurrence) occurrence =
    make_occurrence ("Pacific/Auckland", "Pacific/Auckland", 2026, 11, 30, "", DG_TASK_STATUS_OPEN);
  g_autoptr(DgTaskOccurrence) berlin_assistant =
    make_occurrence ("Pacific/Auckland", "Europe/Berlin", 2026, 11, 30, "", DG_TASK_STATUS_OPEN);
  g_autoptr(GDateTime) now = make_time ("Europe/Berlin", 2026, 11, 30, 13, 0);
  g_autoptr(GDateTime) earlier = make_time ("Europe/Berlin", 2026, 11, 30, 11, 0);

  g_assert_true (dg_task_occurrence_is_overdue (occurrence, now));
  g_assert_false (dg_task_occurrence_is_overdue (occurrence, earlier));
  /* The same instant, judged where an assistant in Berlin lives. */
  g_assert_false (dg_task_occurrence_is_overdue (berlin_assistant, now));
  g_assert_cmpint (dg_task_occurrence_get_group (occurrence, now, G_DATE_MONDAY), ==, DG_TASK_GROUP_OVERDUE);
  g_assert_cmpint (dg_task_occurrence_get_group (berlin_assistant, now, G_DATE_MONDAY), ==, DG_TASK_GROUP_TODAY);
}

static void
test_occurrence_groups (void)
{
  /* Wednesday 2 Dec 2026, 10:00 in Berlin. */
  g_autoptr(GDateTime) now = make_time ("Europe/Berlin", 2026, 12, 2, 10, 0);
  static const struct {
    int day;
    const char *time;
    DgTaskStatus status;
    GDateWeekday week_start;
    DgTaskGroup expected;
  } cases[] = {
    { 1, "09:00", DG_TASK_STATUS_OPEN, G_DATE_MONDAY, DG_TASK_GROUP_OVERDUE },
    { 2, "09:00", DG_TASK_STATUS_OPEN, G_DATE_MONDAY, DG_TASK_GROUP_OVERDUE },
    { 2, "09:00", DG_TASK_STATUS_DONE, G_DATE_MONDAY, DG_TASK_GROUP_TODAY },
    { 2, "11:00", DG_TASK_STATUS_OPEN, G_DATE_MONDAY, DG_TASK_GROUP_TODAY },
    { 2, "", DG_TASK_STATUS_OPEN, G_DATE_MONDAY, DG_TASK_GROUP_TODAY },
    { 3, "09:00", DG_TASK_STATUS_OPEN, G_DATE_MONDAY, DG_TASK_GROUP_THIS_WEEK },
    { 6, "09:00", DG_TASK_STATUS_OPEN, G_DATE_MONDAY, DG_TASK_GROUP_THIS_WEEK },
    { 7, "09:00", DG_TASK_STATUS_OPEN, G_DATE_MONDAY, DG_TASK_GROUP_LATER },
    /* A week that starts on Sunday ends on Saturday the 5th. */
    { 6, "09:00", DG_TASK_STATUS_OPEN, G_DATE_SUNDAY, DG_TASK_GROUP_LATER },
    { 5, "09:00", DG_TASK_STATUS_OPEN, G_DATE_SUNDAY, DG_TASK_GROUP_THIS_WEEK },
    { 1, "09:00", DG_TASK_STATUS_SKIPPED, G_DATE_MONDAY, DG_TASK_GROUP_OVERDUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DgTaskOccurrence) occurrence =
        make_occurrence ("Europe/Berlin", NULL, 2026, 12, cases[i].day, cases[i].time, cases[i].status);

      g_test_message ("case %u", i);
      g_assert_cmpint (dg_task_occurrence_get_group (occurrence, now, cases[i].week_start), ==, cases[i].expected);
    }

  g_assert_cmpstr (dg_task_group_get_label (DG_TASK_GROUP_OVERDUE), !=, "");
  g_assert_cmpstr (dg_task_group_get_label (DG_TASK_GROUP_LATER), !=, "");
}

static void
test_occurrence_format_due (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(DgTaskOccurrence) manila =
    make_occurrence ("Asia/Manila", "Asia/Manila", 2026, 11, 30, "16:00", DG_TASK_STATUS_OPEN);
  g_autoptr(DgTaskOccurrence) local =
    make_occurrence ("Europe/Berlin", "Europe/Paris", 2026, 11, 30, "09:00", DG_TASK_STATUS_OPEN);
  g_autoptr(DgTaskOccurrence) all_day =
    make_occurrence ("Asia/Manila", "Asia/Manila", 2026, 11, 30, "", DG_TASK_STATUS_OPEN);
  g_autofree char *manila_text = dg_task_occurrence_format_due (manila, berlin);
  g_autofree char *local_text = dg_task_occurrence_format_due (local, berlin);
  g_autofree char *all_day_text = dg_task_occurrence_format_due (all_day, berlin);
  const char *time_locale = setlocale (LC_TIME, NULL);

  /* The tests run in C.UTF-8; elsewhere the names are translated. */
  if (g_str_has_prefix (time_locale, "C") || g_str_equal (time_locale, "POSIX"))
    {
      g_assert_cmpstr (manila_text, ==, "Mon 30 Nov, 09:00 (Manila: Mon 30 Nov, 16:00)");
      g_assert_cmpstr (local_text, ==, "Mon 30 Nov, 09:00");
      g_assert_cmpstr (all_day_text, ==, "Mon 30 Nov");
    }
  else
    {
      g_assert_nonnull (strstr (manila_text, "Manila"));
      g_assert_null (strstr (local_text, "("));
      g_assert_null (strstr (all_day_text, ":"));
    }
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/task/enum-strings", test_enum_strings);
  g_test_add_func ("/task/status-pending", test_status_pending);
  g_test_add_func ("/task/copy", test_copy_keeps_everything);
  g_test_add_func ("/task/due", test_due);
  g_test_add_func ("/task/validation", test_validation_table);
  g_test_add_func ("/task/validation-billing", test_validation_billing);
  g_test_add_func ("/task/notify", test_notify_only_on_change);
  g_test_add_func ("/task-occurrence/overdue-timed", test_occurrence_overdue_timed);
  g_test_add_func ("/task-occurrence/overdue-all-day-assistant-zone", test_occurrence_overdue_all_day_in_assistant_zone);
  g_test_add_func ("/task-occurrence/groups", test_occurrence_groups);
  g_test_add_func ("/task-occurrence/format-due", test_occurrence_format_due);

  return g_test_run ();
}
