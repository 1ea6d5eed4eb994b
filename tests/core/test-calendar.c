/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-calendar"

#include <string.h>

#include "dg-calendar-export.h"
#include "dg-calendar-import.h"
#include "dg-ical-document.h"
#include "dg-test-utils.h"

/* The calendar exchange with an assistant's client: what the export writes,
 * and what an import of the client's copy changes (and what it leaves). */

typedef struct
{
  DgAssistantStore  *assistants;
  DgHandbookStore   *handbooks;
  DgTaskStore       *tasks;
  DgBusinessProfile *profile;
  DgAssistant       *maria;      /* Asia/Manila */
  DgAssistant       *ben;        /* America/New_York */
  DgTask            *weekly;     /* Mondays 09:00 Europe/Berlin, handbook v1 */
  DgTask            *one_off;    /* 2026-12-03 14:30 Asia/Manila */
  DgTask            *all_day;    /* 2026-12-15, all day */
  DgTask            *other;      /* Ben's, America/New_York */
} World;

static void
world_clear (World *world)
{
  g_clear_object (&world->assistants);
  g_clear_object (&world->handbooks);
  g_clear_object (&world->tasks);
  g_clear_object (&world->profile);
}

static DgAssistant *
add_assistant (World      *world,
               const char *name,
               const char *email,
               const char *zone)
{
  g_autoptr(DgAssistant) assistant = dg_assistant_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (assistant,
                "name", name,
                "email", email,
                "time-zone", zone,
                "currency", "EUR",
                "hourly-rate", (gint64) 1500,
                NULL);
  g_assert_true (dg_assistant_store_add (world->assistants, assistant, &error));
  g_assert_no_error (error);
  return assistant;
}

/* The store keeps the task; the pointer returned is borrowed. */
static DgTask *
add_task (World      *world,
          const char *title,
          DgAssistant *assistant,
          const char *due_date,
          const char *due_time,
          const char *zone,
          const char *rrule,
          gint64      handbook_id)
{
  g_autoptr(DgTask) task = dg_task_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (task,
                "assistant-id", dg_assistant_get_id (assistant),
                "due-date", due_date,
                "due-time", due_time,
                "time-zone", zone,
                "rrule", rrule,
                "handbook-id", handbook_id,
                NULL);
  g_assert_true (dg_task_store_add (world->tasks, task, &error));
  g_assert_no_error (error);
  return task;
}

/* A handbook whose steps have long lines with umlauts, so that the export
 * has to fold lines next to multi-byte characters. */
static DgHandbook *
add_handbook (World *world)
{
  g_autoptr(DgHandbook) handbook = dg_handbook_new ("Newsletter versenden");
  g_autoptr(DgHandbookStep) first =
    dg_handbook_step_new ("Entwurf prüfen",
                          "Öffne den Entwurf im Newsletter-Werkzeug und prüfe Überschriften, "
                          "Links und Bilder; ändere nichts an der Gestaltung ohne Rückfrage.\n"
                          "Schreibe Auffälligkeiten in die Notizen.",
                          TRUE, 15);
  g_autoptr(DgHandbookStep) second = dg_handbook_step_new ("Versand planen", "Montags 10:00 Uhr.", FALSE, 0);
  g_autoptr(GError) error = NULL;

  dg_handbook_insert_step (handbook, 0, first);
  dg_handbook_insert_step (handbook, 1, second);
  g_assert_true (dg_handbook_store_save (world->handbooks, handbook, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_handbook_store_publish (world->handbooks, handbook, "First", &error), ==, 1);
  g_assert_no_error (error);
  return handbook;
}

static void
world_init (World      *world,
            DgDatabase *db)
{
  g_autoptr(GError) error = NULL;
  DgHandbook *handbook;

  world->assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  world->handbooks = dg_handbook_store_new (db, &error);
  g_assert_no_error (error);
  world->tasks = dg_task_store_new (db, &error);
  g_assert_no_error (error);

  world->profile = dg_business_profile_new ();
  g_object_set (world->profile,
                "name", "Müller, Schmidt & Co. KG",
                "email", "office@mueller-schmidt.example",
                NULL);

  world->maria = add_assistant (world, "Maria Santos", "maria.santos@example.com", "Asia/Manila");
  world->ben = add_assistant (world, "Ben Carter", "ben.carter@example.com", "America/New_York");
  handbook = add_handbook (world);

  world->weekly = add_task (world, "Send the newsletter", world->maria,
                            "2026-11-30", "09:00", "Europe/Berlin", "FREQ=WEEKLY;BYDAY=MO",
                            dg_handbook_get_id (handbook));
  {
    g_autoptr(DgTask) changes = dg_task_copy (world->weekly);

    g_object_set (changes, "notes", "Use the list “Customers 2026”.", "priority", DG_TASK_PRIORITY_HIGH, NULL);
    g_assert_true (dg_task_store_update (world->tasks, changes, &error));
    g_assert_no_error (error);
  }
  world->one_off = add_task (world, "Invoice run", world->maria,
                             "2026-12-03", "14:30", "Asia/Manila", "", 0);
  world->all_day = add_task (world, "Quarterly report", world->maria,
                             "2026-12-15", "", "Asia/Manila", "", 0);
  world->other = add_task (world, "Inbox zero", world->ben,
                           "2026-12-01", "08:00", "America/New_York", "FREQ=DAILY;COUNT=5", 0);

  /* Done before the export: written as an override. */
  g_assert_true (dg_task_store_set_status (world->tasks, world->weekly, "20261130T090000",
                                           DG_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);
}

static char *
export_text (World  *world,
             gint64  assistant_id)
{
  g_autoptr(GError) error = NULL;
  char *text = dg_calendar_export (world->tasks, world->handbooks, world->assistants,
                                   world->profile, assistant_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static icalcomponent *
find_todo (icalcomponent *calendar,
           const char    *uid,
           gboolean       override)
{
  for (icalcomponent *todo = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT);
       todo != NULL;
       todo = icalcomponent_get_next_component (calendar, ICAL_VTODO_COMPONENT))
    {
      gboolean is_override = icalcomponent_get_first_property (todo, ICAL_RECURRENCEID_PROPERTY) != NULL;

      if (g_strcmp0 (icalcomponent_get_uid (todo), uid) == 0 && is_override == override)
        return todo;
    }
  return NULL;
}

static const char *
property_text (icalcomponent     *component,
               icalproperty_kind  kind)
{
  icalproperty *property = icalcomponent_get_first_property (component, kind);

  return property != NULL ? icalproperty_get_value_as_string (property) : NULL;
}

static const char *
parameter_text (icalcomponent       *component,
                icalproperty_kind    kind,
                icalparameter_kind   parameter_kind)
{
  icalproperty *property = icalcomponent_get_first_property (component, kind);
  icalparameter *parameter = property != NULL ? icalproperty_get_first_parameter (property, parameter_kind)
                                              : NULL;

  return parameter != NULL ? icalparameter_get_iana_value (parameter) : NULL;
}

static int
compare_strings (gconstpointer a,
                    gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* ---- export ------------------------------------------------------------- */

static void
test_export_lines (DgTestFixture *fixture,
                   gconstpointer  user_data)
{
  World world = { 0, };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint folded = 0;

  g_autoptr(GString) title = g_string_new ("A");
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTask) changes = NULL;
  icalcomponent *calendar;

  world_init (&world, fixture->db);
  /* Two- and three-byte characters where a fold at exactly 75 octets
   * would cut one in half. */
  for (guint i = 0; i < 40; i++)
    g_string_append (title, i % 2 == 0 ? "ü" : "€");
  changes = dg_task_copy (world.one_off);
  g_object_set (changes, "title", title->str, NULL);
  g_assert_true (dg_task_store_update (world.tasks, changes, &error));
  g_assert_no_error (error);
  text = export_text (&world, 0);

  /* CRLF only, and every line at most 75 octets of valid UTF-8: a fold
   * never splits a character. */
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (lines[i][0] == ' ')
        folded++;
    }
  g_assert_cmpuint (folded, >, 0);

  /* Unfolded again, the title is whole. */
  calendar = icalparser_parse_string (text);
  g_assert_cmpstr (icalcomponent_get_summary (find_todo (calendar, dg_task_get_uid (world.one_off), FALSE)),
                   ==, title->str);
  icalcomponent_free (calendar);

  world_clear (&world);
}

static void
test_export_content (DgTestFixture *fixture,
                     gconstpointer  user_data)
{
  World world = { 0, };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgIcalDocument) document = NULL;
  icalcomponent *calendar;
  icalcomponent *todo;
  icalcomponent *override;
  g_autoptr(GPtrArray) zones = g_ptr_array_new ();
  const char *description;
  guint n_todos = 0;

  world_init (&world, fixture->db);
  text = export_text (&world, 0);

  /* Our own strict reader takes what we write. */
  document = dg_ical_document_read (text, -1, &error);
  g_assert_no_error (error);

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpstr (property_text (calendar, ICAL_VERSION_PROPERTY), ==, "2.0");
  g_assert_nonnull (property_text (calendar, ICAL_PRODID_PROPERTY));

  /* One VTIMEZONE per zone of a timed task, by its plain IANA name. */
  for (icalcomponent *zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       zone != NULL;
       zone = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    g_ptr_array_add (zones, (gpointer) property_text (zone, ICAL_TZID_PROPERTY));
  g_ptr_array_sort (zones, (GCompareFunc) compare_strings);
  g_assert_cmpuint (zones->len, ==, 3);
  g_assert_cmpstr (zones->pdata[0], ==, "America/New_York");
  g_assert_cmpstr (zones->pdata[1], ==, "Asia/Manila");
  g_assert_cmpstr (zones->pdata[2], ==, "Europe/Berlin");
  g_assert_null (strstr (text, "freeassociation"));

  /* Four tasks and one override. */
  for (todo = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT);
       todo != NULL;
       todo = icalcomponent_get_next_component (calendar, ICAL_VTODO_COMPONENT))
    n_todos++;
  g_assert_cmpuint (n_todos, ==, 5);

  todo = find_todo (calendar, dg_task_get_uid (world.weekly), FALSE);
  g_assert_nonnull (todo);
  g_assert_cmpstr (property_text (todo, ICAL_SUMMARY_PROPERTY), ==, "Send the newsletter");
  g_assert_cmpstr (property_text (todo, ICAL_DUE_PROPERTY), ==, "20261130T090000");
  g_assert_cmpstr (parameter_text (todo, ICAL_DUE_PROPERTY, ICAL_TZID_PARAMETER), ==, "Europe/Berlin");
  /* A repeating task starts when it is first due: RRULE and RECURRENCE-ID
   * are defined on DTSTART. */
  g_assert_cmpstr (property_text (todo, ICAL_DTSTART_PROPERTY), ==, "20261130T090000");
  g_assert_cmpstr (parameter_text (todo, ICAL_DTSTART_PROPERTY, ICAL_TZID_PARAMETER), ==, "Europe/Berlin");
  g_assert_cmpstr (property_text (todo, ICAL_RRULE_PROPERTY), ==, "FREQ=WEEKLY;BYDAY=MO");
  g_assert_cmpstr (property_text (todo, ICAL_STATUS_PROPERTY), ==, "NEEDS-ACTION");
  g_assert_cmpstr (property_text (todo, ICAL_PRIORITY_PROPERTY), ==, "1");
  g_assert_cmpstr (property_text (todo, ICAL_PERCENTCOMPLETE_PROPERTY), ==, "0");
  g_assert_nonnull (property_text (todo, ICAL_CREATED_PROPERTY));
  g_assert_true (icaltime_is_utc (icalcomponent_get_dtstamp (todo)));
  g_assert_cmpstr (property_text (todo, ICAL_ORGANIZER_PROPERTY), ==, "mailto:office@mueller-schmidt.example");
  g_assert_cmpstr (parameter_text (todo, ICAL_ORGANIZER_PROPERTY, ICAL_CN_PARAMETER), ==, "Müller, Schmidt & Co. KG");
  g_assert_cmpstr (property_text (todo, ICAL_ATTENDEE_PROPERTY), ==, "mailto:maria.santos@example.com");
  g_assert_cmpstr (parameter_text (todo, ICAL_ATTENDEE_PROPERTY, ICAL_CN_PARAMETER), ==, "Maria Santos");
  g_assert_nonnull (strstr (text, "X-DELEGATE-HANDBOOK-VERSION:1\r\n"));

  description = icalcomponent_get_description (todo);
  g_assert_nonnull (description);
  g_assert_true (g_str_has_prefix (description, "Use the list “Customers 2026”.\n\nHandbook: Newsletter versenden (version 1)\n"));
  g_assert_nonnull (strstr (description, "\n1. Entwurf prüfen (15 min)\n   Öffne den Entwurf"));
  g_assert_nonnull (strstr (description, "\n   Schreibe Auffälligkeiten in die Notizen."));
  g_assert_nonnull (strstr (description, "\n2. Versand planen\n   Montags 10:00 Uhr."));

  /* The occurrence done before the export, as an override. */
  override = find_todo (calendar, dg_task_get_uid (world.weekly), TRUE);
  g_assert_nonnull (override);
  g_assert_cmpstr (property_text (override, ICAL_RECURRENCEID_PROPERTY), ==, "20261130T090000");
  g_assert_cmpstr (property_text (override, ICAL_DTSTART_PROPERTY), ==, "20261130T090000");
  g_assert_cmpstr (parameter_text (override, ICAL_RECURRENCEID_PROPERTY, ICAL_TZID_PARAMETER), ==, "Europe/Berlin");
  g_assert_cmpstr (property_text (override, ICAL_STATUS_PROPERTY), ==, "COMPLETED");
  g_assert_cmpstr (property_text (override, ICAL_PERCENTCOMPLETE_PROPERTY), ==, "100");
  g_assert_nonnull (property_text (override, ICAL_COMPLETED_PROPERTY));
  g_assert_null (icalcomponent_get_first_property (override, ICAL_RRULE_PROPERTY));

  /* All day: a DATE, no zone. A one-off: no RRULE, no handbook. */
  todo = find_todo (calendar, dg_task_get_uid (world.all_day), FALSE);
  g_assert_nonnull (todo);
  g_assert_cmpstr (property_text (todo, ICAL_DUE_PROPERTY), ==, "20261215");
  g_assert_true (icalcomponent_get_due (todo).is_date);
  g_assert_null (parameter_text (todo, ICAL_DUE_PROPERTY, ICAL_TZID_PARAMETER));
  /* A one-off task is due, it does not start (RFC 5545 §3.8.2.3 wants a
   * DUE later than DTSTART). */
  g_assert_null (icalcomponent_get_first_property (todo, ICAL_DTSTART_PROPERTY));
  todo = find_todo (calendar, dg_task_get_uid (world.one_off), FALSE);
  g_assert_nonnull (todo);
  g_assert_null (icalcomponent_get_first_property (todo, ICAL_DTSTART_PROPERTY));
  g_assert_cmpstr (property_text (todo, ICAL_DUE_PROPERTY), ==, "20261203T143000");
  g_assert_null (icalcomponent_get_first_property (todo, ICAL_RRULE_PROPERTY));
  g_assert_null (icalcomponent_get_first_property (todo, ICAL_DESCRIPTION_PROPERTY));
  g_assert_cmpstr (parameter_text (todo, ICAL_DUE_PROPERTY, ICAL_TZID_PARAMETER), ==, "Asia/Manila");

  icalcomponent_free (calendar);
  world_clear (&world);
}

static void
test_export_one_assistant (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  World world = { 0, };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *written = NULL;

  world_init (&world, fixture->db);
  text = export_text (&world, dg_assistant_get_id (world.ben));
  g_assert_nonnull (strstr (text, dg_task_get_uid (world.other)));
  g_assert_null (strstr (text, dg_task_get_uid (world.weekly)));
  g_assert_nonnull (strstr (text, "TZID:America/New_York\r\n"));
  g_assert_null (strstr (text, "TZID:Europe/Berlin"));

  missing = dg_calendar_export (world.tasks, world.handbooks, world.assistants,
                                world.profile, 9999, &error);
  g_assert_null (missing);
  g_assert_error (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Without an e-mail address there is no ORGANIZER. */
  g_object_set (world.profile, "email", "", NULL);
  g_clear_pointer (&text, g_free);
  text = export_text (&world, 0);
  g_assert_null (strstr (text, "ORGANIZER"));

  path = g_build_filename (fixture->dir, "tasks.ics", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (dg_calendar_export_to_file (world.tasks, world.handbooks, world.assistants,
                                             world.profile, 0, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "BEGIN:VCALENDAR\r\n"));

  world_clear (&world);
}

/* Clients such as Outlook go by the VTIMEZONE rather than the name: each
 * one written must give the offsets of the zone database it came from. */
static void
test_export_time_zone_offsets (DgTestFixture *fixture,
                               gconstpointer  user_data)
{
  World world = { 0, };
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  guint n_zones = 0;

  world_init (&world, fixture->db);
  add_task (&world, "Half-hour daylight saving", world.maria,
                        "2026-10-04", "09:00", "Australia/Lord_Howe", "FREQ=WEEKLY", 0);
  text = export_text (&world, 0);
  calendar = icalparser_parse_string (text);

  for (icalcomponent *vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       vtimezone != NULL;
       vtimezone = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    {
      const char *tzid = property_text (vtimezone, ICAL_TZID_PROPERTY);
      g_autoptr(GTimeZone) reference = g_time_zone_new_identifier (tzid);
      icaltimezone *zone = icaltimezone_new ();

      g_assert_nonnull (reference);
      g_assert_true (icaltimezone_set_component (zone, icalcomponent_new_clone (vtimezone)));
      /* Every 12 hours for two years, through each change of the clocks. */
      for (gint64 t = 1767225600; t < 1767225600 + 2 * 366 * 86400; t += 12 * 3600)
        {
          struct icaltimetype utc = icaltime_from_timet_with_zone ((time_t) t, FALSE,
                                                                   icaltimezone_get_utc_timezone ());
          int is_daylight = 0;
          int from_file = icaltimezone_get_utc_offset_of_utc_time (zone, &utc, &is_daylight);
          int from_database = g_time_zone_get_offset (reference,
                                                      g_time_zone_find_interval (reference, G_TIME_TYPE_UNIVERSAL, t));

          if (from_file != from_database)
            g_error ("%s at %" G_GINT64_FORMAT ": the VTIMEZONE says %d s, the zone database %d s",
                     tzid, t, from_file, from_database);
        }
      icaltimezone_free (zone, TRUE);
      n_zones++;
    }
  g_assert_cmpuint (n_zones, ==, 4);

  icalcomponent_free (calendar);
  world_clear (&world);
}

/* ---- round trip --------------------------------------------------------- */

static icalcomponent *
make_override (icalcomponent *master,
               const char    *recurrence_id_line)
{
  icalcomponent *override = icalcomponent_new_clone (master);
  icalproperty *property;
  g_autofree char *as_text = g_strdup_printf ("BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\n%s\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
                                              recurrence_id_line);
  icalcomponent *parsed = icalparser_parse_string (as_text);
  icalcomponent *parsed_todo = icalcomponent_get_first_component (parsed, ICAL_VTODO_COMPONENT);

  while ((property = icalcomponent_get_first_property (override, ICAL_RRULE_PROPERTY)) != NULL)
    {
      icalcomponent_remove_property (override, property);
      icalproperty_free (property);
    }
  property = icalcomponent_get_first_property (parsed_todo, ICAL_RECURRENCEID_PROPERTY);
  icalcomponent_add_property (override, icalproperty_new_clone (property));
  icalcomponent_free (parsed);
  return override;
}

static void
set_progress_properties (icalcomponent            *todo,
                         enum icalproperty_status  status,
                         int                       percent,
                         gboolean                  completed)
{
  icalproperty *property;

  while ((property = icalcomponent_get_first_property (todo, ICAL_STATUS_PROPERTY)) != NULL ||
         (property = icalcomponent_get_first_property (todo, ICAL_PERCENTCOMPLETE_PROPERTY)) != NULL ||
         (property = icalcomponent_get_first_property (todo, ICAL_COMPLETED_PROPERTY)) != NULL)
    {
      icalcomponent_remove_property (todo, property);
      icalproperty_free (property);
    }
  icalcomponent_add_property (todo, icalproperty_new_status (status));
  icalcomponent_add_property (todo, icalproperty_new_percentcomplete (percent));
  if (completed)
    icalcomponent_add_property (todo, icalproperty_new_completed (icaltime_from_string ("20261207T101500Z")));
}

/* What an assistant's client sends back: occurrence 7 Dec done (written
 * with its RECURRENCE-ID in UTC, as some clients do), the invoice run in
 * progress at 50 %, and a task of the assistant's own. */
static char *
edit_as_client (World      *world,
                const char *exported)
{
  icalcomponent *calendar = icalparser_parse_string (exported);
  icalcomponent *master = find_todo (calendar, dg_task_get_uid (world->weekly), FALSE);
  icalcomponent *override;
  icalcomponent *own;
  char *text;

  override = make_override (master, "RECURRENCE-ID:20261207T080000Z");
  set_progress_properties (override, ICAL_STATUS_COMPLETED, 100, TRUE);
  icalcomponent_add_component (calendar, override);

  set_progress_properties (find_todo (calendar, dg_task_get_uid (world->one_off), FALSE),
                           ICAL_STATUS_INPROCESS, 50, FALSE);

  own = icalcomponent_new_vtodo ();
  icalcomponent_set_uid (own, "assistants-own-task@client.example");
  icalcomponent_set_summary (own, "Buy printer paper");
  icalcomponent_add_property (own, icalproperty_new_status (ICAL_STATUS_COMPLETED));
  icalcomponent_add_component (calendar, own);

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  return text;
}

static DgCalendarChange *
find_change (GPtrArray  *changes,
             DgTask     *task,
             const char *recurrence_id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      DgCalendarChange *change = changes->pdata[i];

      if (change->task_id == dg_task_get_id (task) &&
          g_strcmp0 (change->recurrence_id, recurrence_id) == 0)
        return change;
    }
  return NULL;
}

static DgTaskStatus
occurrence_status (World      *world,
                   DgTask     *task,
                   const char *recurrence_id,
                   int        *percent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTaskOccurrence) occurrence = dg_task_store_get_occurrence (world->tasks, task,
                                                                         recurrence_id, &error);

  g_assert_no_error (error);
  if (occurrence == NULL)
    return DG_TASK_STATUS_CANCELLED;
  if (percent != NULL)
    *percent = dg_task_occurrence_get_percent_complete (occurrence);
  return dg_task_occurrence_get_status (occurrence);
}

/* A typed UNTIL goes out in the form RFC 5545 wants beside DTSTART,
 * whichever form it was typed in: a UTC time for a timed task (the end of
 * that day in the task's zone), a date for an all-day one. */
static void
test_export_until (DgTestFixture *fixture,
                   gconstpointer  user_data)
{
  World world = { 0, };
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  DgTask *timed;
  DgTask *all_day;

  world_init (&world, fixture->db);
  timed = add_task (&world, "Until a date", world.maria,
                    "2026-11-30", "09:00", "Europe/Berlin", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261221", 0);
  all_day = add_task (&world, "Until a time", world.maria,
                      "2026-12-01", "", "Asia/Manila", "FREQ=DAILY;UNTIL=20261220T120000Z", 0);
  text = export_text (&world, 0);
  calendar = icalparser_parse_string (text);

  g_assert_cmpstr (property_text (find_todo (calendar, dg_task_get_uid (timed), FALSE), ICAL_RRULE_PROPERTY),
                   ==, "FREQ=WEEKLY;UNTIL=20261221T225959Z;BYDAY=MO");
  g_assert_cmpstr (property_text (find_todo (calendar, dg_task_get_uid (all_day), FALSE), ICAL_RRULE_PROPERTY),
                   ==, "FREQ=DAILY;UNTIL=20261220");

  icalcomponent_free (calendar);
  world_clear (&world);
}

/* Tasks in UTC and the zones that are UTC by another name: libical has no
 * VTIMEZONE for "UTC" and "GMT", so their times are written as UTC. An
 * export for all assistants that holds one works, and reads back. */
static void
test_export_utc (DgTestFixture *fixture,
                 gconstpointer  user_data)
{
  static const char *zones[] = { "UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal" };
  World world = { 0, };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCalendarImport) import = NULL;
  g_autoptr(GString) edited = NULL;
  icalcomponent *calendar;
  icalcomponent *todo;
  DgTask *daily;
  DgCalendarChange *change;

  world_init (&world, fixture->db);
  daily = add_task (&world, "Daily in UTC", world.ben, "2026-12-01", "10:00", "UTC", "FREQ=DAILY;COUNT=5", 0);
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *title = g_strdup_printf ("One-off %u", i);

      add_task (&world, title, world.maria, "2026-12-02", "11:30", zones[i], "", 0);
    }
  g_assert_true (dg_task_store_set_status (world.tasks, daily, "20261202T100000", DG_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);

  text = export_text (&world, 0);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *tzid = g_strconcat ("TZID=", zones[i], NULL);
      g_autofree char *vtimezone = g_strconcat ("TZID:", zones[i], NULL);

      g_assert_null (strstr (text, tzid));
      g_assert_null (strstr (text, vtimezone));
    }
  for (icalcomponent *zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       zone != NULL;
       zone = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    g_assert_false (g_str_has_suffix (property_text (zone, ICAL_TZID_PROPERTY), "UTC"));

  todo = find_todo (calendar, dg_task_get_uid (daily), FALSE);
  g_assert_cmpstr (property_text (todo, ICAL_DUE_PROPERTY), ==, "20261201T100000Z");
  g_assert_cmpstr (property_text (todo, ICAL_DTSTART_PROPERTY), ==, "20261201T100000Z");
  g_assert_null (parameter_text (todo, ICAL_DUE_PROPERTY, ICAL_TZID_PARAMETER));
  todo = find_todo (calendar, dg_task_get_uid (daily), TRUE);
  g_assert_cmpstr (property_text (todo, ICAL_RECURRENCEID_PROPERTY), ==, "20261202T100000Z");
  g_assert_null (parameter_text (todo, ICAL_RECURRENCEID_PROPERTY, ICAL_TZID_PARAMETER));
  for (todo = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT);
       todo != NULL;
       todo = icalcomponent_get_next_component (calendar, ICAL_VTODO_COMPONENT))
    if (g_str_has_prefix (icalcomponent_get_summary (todo), "One-off "))
      g_assert_cmpstr (property_text (todo, ICAL_DUE_PROPERTY), ==, "20261202T113000Z");
  icalcomponent_free (calendar);

  /* Read back as it is: nothing to change. */
  import = dg_calendar_import_prepare (world.tasks, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_calendar_import_get_changes (import)->len, ==, 0);
  g_assert_cmpuint (dg_calendar_import_get_skipped (import)->len, ==, 0);
  g_clear_object (&import);

  /* The client marks the next date done, written in UTC. */
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "RECURRENCE-ID:20261202T100000Z", "RECURRENCE-ID:20261203T100000Z", 1), ==, 1);
  import = dg_calendar_import_prepare (world.tasks, edited->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_calendar_import_get_changes (import)->len, ==, 1);
  change = find_change (dg_calendar_import_get_changes (import), daily, "20261203T100000");
  g_assert_nonnull (change);
  g_assert_cmpint (change->new_status, ==, DG_TASK_STATUS_DONE);

  world_clear (&world);
}

/* The assistant's copy of a task due at 02:30 in New York every day, with
 * 8 March 2026 (the clocks go from 02:00 to 03:00) done: the occurrence is
 * due at 03:30, but the rule, and so every RECURRENCE-ID, calls it 02:30. */
static void
test_spring_forward (DgTestFixture *fixture,
                     gconstpointer  user_data)
{
  static const char *client_ids[] = {
    "RECURRENCE-ID;TZID=America/New_York:20260308T023000",   /* as the rule names it */
    "RECURRENCE-ID:20260308T073000Z",                        /* the instant, in UTC */
    "RECURRENCE-ID;VALUE=DATE:20260308",                     /* that day's */
    "RECURRENCE-ID;TZID=Europe/Berlin:20260308T083000",      /* the instant, elsewhere */
    "RECURRENCE-ID;TZID=America/New_York:20260308T033000",   /* the time it is due at */
  };
  World world = { 0, };
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCalendarImport) import = NULL;
  g_autoptr(GString) edited = NULL;
  icalcomponent *calendar;
  icalcomponent *override;
  DgTask *task;
  DgCalendarSkipped *skipped;
  const char *line;

  world_init (&world, fixture->db);
  task = add_task (&world, "Night shift", world.ben, "2026-03-01", "02:30", "America/New_York",
                   "FREQ=DAILY;COUNT=14", 0);
  g_assert_true (dg_task_store_set_status (world.tasks, task, "20260308T023000", DG_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);

  exported = export_text (&world, dg_assistant_get_id (world.ben));
  calendar = icalparser_parse_string (exported);
  override = find_todo (calendar, dg_task_get_uid (task), TRUE);
  g_assert_cmpstr (property_text (override, ICAL_RECURRENCEID_PROPERTY), ==, "20260308T023000");
  g_assert_cmpstr (parameter_text (override, ICAL_RECURRENCEID_PROPERTY, ICAL_TZID_PARAMETER), ==, "America/New_York");
  /* Due when it is due: 03:30 daylight time. */
  g_assert_cmpstr (property_text (override, ICAL_DUE_PROPERTY), ==, "20260308T033000");
  icalcomponent_free (calendar);

  /* Our own file back: nothing to change, nothing skipped. */
  import = dg_calendar_import_prepare (world.tasks, exported, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_calendar_import_get_changes (import)->len, ==, 0);
  g_assert_cmpuint (dg_calendar_import_get_skipped (import)->len, ==, 0);
  g_clear_object (&import);

  /* Open again, then marked done by the client, written each way. */
  g_assert_true (dg_task_store_set_status (world.tasks, task, "20260308T023000", DG_TASK_STATUS_OPEN, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (client_ids); i++)
    {
      g_autoptr(GString) copy = g_string_new (exported);
      DgCalendarChange *change;

      g_test_message ("%s", client_ids[i]);
      g_assert_cmpuint (g_string_replace (copy, "RECURRENCE-ID;TZID=America/New_York:20260308T023000",
                                          client_ids[i], 1), ==, 1);
      import = dg_calendar_import_prepare (world.tasks, copy->str, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (dg_calendar_import_get_skipped (import)->len, ==, 0);
      g_assert_cmpuint (dg_calendar_import_get_changes (import)->len, ==, 1);
      change = find_change (dg_calendar_import_get_changes (import), task, "20260308T023000");
      g_assert_nonnull (change);
      g_assert_cmpint (change->old_status, ==, DG_TASK_STATUS_OPEN);
      g_assert_cmpint (change->new_status, ==, DG_TASK_STATUS_DONE);
      g_clear_object (&import);
    }

  /* A time that is no occurrence is named as the owner reads it, with the
   * line of its RECURRENCE-ID. */
  edited = g_string_new (exported);
  g_assert_cmpuint (g_string_replace (edited, "RECURRENCE-ID;TZID=America/New_York:20260308T023000",
                                      "RECURRENCE-ID;TZID=America/New_York:20260309T040000", 1), ==, 1);
  import = dg_calendar_import_prepare (world.tasks, edited->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_calendar_import_get_changes (import)->len, ==, 0);
  g_assert_cmpuint (dg_calendar_import_get_skipped (import)->len, ==, 1);
  skipped = dg_calendar_import_get_skipped (import)->pdata[0];
  g_assert_cmpstr (skipped->reason, ==, "Monday, 9 March 2026, 04:00 is not a date of this task’s schedule.");
  line = edited->str;
  for (guint i = 1; i < skipped->line; i++)
    line = strchr (line, '\n') + 1;
  g_assert_true (g_str_has_prefix (line, "RECURRENCE-ID;"));

  world_clear (&world);
}

static void
test_round_trip (DgTestFixture *fixture,
                 gconstpointer  user_data)
{
  World world = { 0, };
  g_autofree char *exported = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCalendarImport) import = NULL;
  g_autoptr(DgCalendarImport) unchanged = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *changes;
  GPtrArray *skipped;
  DgCalendarChange *change;
  guint n_tasks;
  int percent = -1;

  world_init (&world, fixture->db);
  n_tasks = g_list_model_get_n_items (G_LIST_MODEL (world.tasks));

  /* Our own file back, untouched: nothing to change. */
  exported = export_text (&world, 0);
  unchanged = dg_calendar_import_prepare (world.tasks, exported, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_calendar_import_get_changes (unchanged)->len, ==, 0);
  g_assert_cmpuint (dg_calendar_import_get_skipped (unchanged)->len, ==, 0);

  edited = edit_as_client (&world, exported);
  import = dg_calendar_import_prepare (world.tasks, edited, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);

  /* The preview lists exactly the two changes. */
  changes = dg_calendar_import_get_changes (import);
  g_assert_cmpuint (changes->len, ==, 2);
  change = find_change (changes, world.weekly, "20261207T090000");
  g_assert_nonnull (change);
  g_assert_cmpint (change->old_status, ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (change->new_status, ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (change->new_percent, ==, 100);
  g_assert_cmpstr (change->completed_at, ==, "2026-12-07T10:15:00Z");
  g_assert_cmpstr (change->title, ==, "Send the newsletter");
  change = find_change (changes, world.one_off, "");
  g_assert_nonnull (change);
  g_assert_cmpint (change->new_status, ==, DG_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (change->new_percent, ==, 50);
  g_assert_cmpstr (change->completed_at, ==, "");

  skipped = dg_calendar_import_get_skipped (import);
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_cmpstr (((DgCalendarSkipped *) skipped->pdata[0])->uid, ==, "assistants-own-task@client.example");
  g_assert_cmpstr (((DgCalendarSkipped *) skipped->pdata[0])->summary, ==, "Buy printer paper");
  g_assert_cmpuint (((DgCalendarSkipped *) skipped->pdata[0])->line, >, 0);

  summary = dg_calendar_import_describe (import);
  g_test_message ("%s", summary);
  g_assert_cmpstr (summary, ==, "1 task will change. 1 date of 1 repeating task will change. "
                               "1 task in the file is not in Delegate and will not be created.");

  /* Prepare wrote nothing. */
  g_assert_cmpint (occurrence_status (&world, world.weekly, "20261207T090000", NULL), ==, DG_TASK_STATUS_OPEN);

  g_assert_true (dg_calendar_import_apply (import, &error));
  g_assert_no_error (error);

  g_assert_cmpint (occurrence_status (&world, world.weekly, "20261207T090000", NULL), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (occurrence_status (&world, world.weekly, "20261130T090000", NULL), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (occurrence_status (&world, world.weekly, "20261214T090000", NULL), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (occurrence_status (&world, world.weekly, "20261221T090000", NULL), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (dg_task_get_status (world.weekly), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (occurrence_status (&world, world.one_off, NULL, &percent), ==, DG_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (percent, ==, 50);
  g_assert_cmpint (occurrence_status (&world, world.all_day, NULL, NULL), ==, DG_TASK_STATUS_OPEN);
  /* The unknown task was not created. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (world.tasks)), ==, n_tasks);
  g_assert_null (dg_task_store_find_by_uid (world.tasks, "assistants-own-task@client.example"));

  /* The same file again has nothing left to do. */
  g_clear_object (&import);
  import = dg_calendar_import_prepare (world.tasks, edited, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dg_calendar_import_get_changes (import)->len, ==, 0);

  /* Done, then reopened, in Delegate: the next export says open, and
   * reading it back finds nothing to change, whatever percentage the
   * reopened task or date kept. */
  g_assert_true (dg_task_store_set_status (world.tasks, world.one_off, NULL, DG_TASK_STATUS_DONE, &error));
  g_assert_true (dg_task_store_set_status (world.tasks, world.one_off, NULL, DG_TASK_STATUS_OPEN, &error));
  g_assert_true (dg_task_store_set_status (world.tasks, world.weekly, "20261207T090000", DG_TASK_STATUS_OPEN, &error));
  g_assert_no_error (error);
  g_clear_pointer (&exported, g_free);
  exported = export_text (&world, 0);
  g_clear_object (&import);
  import = dg_calendar_import_prepare (world.tasks, exported, -1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < dg_calendar_import_get_changes (import)->len; i++)
    g_test_message ("unexpected change: %s",
                    ((DgCalendarChange *) dg_calendar_import_get_changes (import)->pdata[i])->title);
  g_assert_cmpuint (dg_calendar_import_get_changes (import)->len, ==, 0);
  g_assert_cmpuint (dg_calendar_import_get_skipped (import)->len, ==, 0);
  g_assert_cmpint (occurrence_status (&world, world.one_off, NULL, NULL), ==, DG_TASK_STATUS_OPEN);

  world_clear (&world);
}

/* A task changed between preview and apply: nothing is written, not even
 * the changes that would still fit. */
static void
test_changed_in_between (DgTestFixture *fixture,
                         gconstpointer  user_data)
{
  World world = { 0, };
  g_autofree char *exported = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCalendarImport) import = NULL;

  world_init (&world, fixture->db);
  exported = export_text (&world, 0);
  edited = edit_as_client (&world, exported);
  import = dg_calendar_import_prepare (world.tasks, edited, -1, &error);
  g_assert_no_error (error);

  g_assert_true (dg_task_store_set_status (world.tasks, world.one_off, NULL, DG_TASK_STATUS_DONE, &error));
  g_assert_no_error (error);

  g_assert_false (dg_calendar_import_apply (import, &error));
  g_assert_error (error, DG_CALENDAR_IMPORT_ERROR, DG_CALENDAR_IMPORT_ERROR_CHANGED);
  dg_test_assert_error_mentions (error, "Invoice run");
  g_assert_cmpint (occurrence_status (&world, world.weekly, "20261207T090000", NULL), ==, DG_TASK_STATUS_OPEN);

  world_clear (&world);
}

/* A damaged copy is refused with its line, and nothing changes. */
static void
test_malformed_import (DgTestFixture *fixture,
                       gconstpointer  user_data)
{
  World world = { 0, };
  g_autofree char *exported = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCalendarImport) import = NULL;
  char *end;

  world_init (&world, fixture->db);
  exported = export_text (&world, 0);
  edited = edit_as_client (&world, exported);

  /* Cut off before the last END:VCALENDAR. */
  end = g_strrstr (edited, "END:VCALENDAR");
  g_assert_nonnull (end);
  *end = '\0';
  import = dg_calendar_import_prepare (world.tasks, edited, -1, &error);
  g_assert_null (import);
  g_assert_error (error, DG_ICAL_ERROR, DG_ICAL_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "Line 1: "));
  g_clear_error (&error);

  /* A bad date in an otherwise good file. */
  g_clear_pointer (&edited, g_free);
  edited = edit_as_client (&world, exported);
  {
    g_autoptr(GString) damaged = g_string_new (edited);

    g_assert_cmpuint (g_string_replace (damaged, "COMPLETED:20261207T101500Z", "COMPLETED:20261207T1015Z", 1), ==, 1);
    import = dg_calendar_import_prepare (world.tasks, damaged->str, -1, &error);
  }
  g_assert_null (import);
  g_assert_error (error, DG_ICAL_ERROR, DG_ICAL_ERROR_MALFORMED);
  dg_test_assert_error_mentions (error, "COMPLETED");

  g_assert_cmpint (occurrence_status (&world, world.weekly, "20261207T090000", NULL), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (occurrence_status (&world, world.one_off, NULL, NULL), ==, DG_TASK_STATUS_OPEN);

  world_clear (&world);
}

/* What clients write that Delegate does not take, and what it does. */
static void
test_client_variants (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  World world = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCalendarImport) import = NULL;
  g_autofree char *text = NULL;
  const char *weekly;
  GPtrArray *changes;
  GPtrArray *skipped;

  world_init (&world, fixture->db);
  weekly = dg_task_get_uid (world.weekly);
  text = g_strdup_printf (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Client//EN\r\n"
    /* the master marked done: the whole series, not taken */
    "BEGIN:VTODO\r\nUID:%s\r\nSTATUS:COMPLETED\r\nEND:VTODO\r\n"
    /* 14 Dec as a DATE: that day's occurrence at 09:00 Berlin, skipped */
    "BEGIN:VTODO\r\nUID:%s\r\nRECURRENCE-ID;VALUE=DATE:20261214\r\nSTATUS:CANCELLED\r\nEND:VTODO\r\n"
    /* a Tuesday is no date of a Monday task */
    "BEGIN:VTODO\r\nUID:%s\r\nRECURRENCE-ID;TZID=Europe/Berlin:20261215T090000\r\nSTATUS:COMPLETED\r\nEND:VTODO\r\n"
    /* 21 Dec written in New York time: 03:00 there is 09:00 in Berlin */
    "BEGIN:VTODO\r\nUID:%s\r\nRECURRENCE-ID;TZID=America/New_York:20261221T030000\r\nPERCENT-COMPLETE:100\r\nEND:VTODO\r\n"
    /* a one-off task cancelled, the all-day one only given a COMPLETED */
    "BEGIN:VTODO\r\nUID:%s\r\nSTATUS:CANCELLED\r\nEND:VTODO\r\n"
    "BEGIN:VTODO\r\nUID:%s\r\nCOMPLETED:20261215T050000Z\r\nEND:VTODO\r\n"
    /* nothing said about progress: nothing changes */
    "BEGIN:VTODO\r\nUID:%s\r\nSUMMARY:renamed by the client\r\nEND:VTODO\r\n"
    /* a status of the client's own */
    "BEGIN:VTODO\r\nUID:%s\r\nRECURRENCE-ID;TZID=America/New_York:20261202T080000\r\nSTATUS:DONE\r\nEND:VTODO\r\n"
    /* an explicit STATUS wins: reopened with 100 %% and COMPLETED left
     * over is open (as it already is: no change) … */
    "BEGIN:VTODO\r\nUID:%s\r\nRECURRENCE-ID;TZID=America/New_York:20261203T080000\r\n"
    "STATUS:NEEDS-ACTION\r\nPERCENT-COMPLETE:100\r\nCOMPLETED:20261203T140000Z\r\nEND:VTODO\r\n"
    /* … and in progress is in progress, COMPLETED or not */
    "BEGIN:VTODO\r\nUID:%s\r\nRECURRENCE-ID;TZID=America/New_York:20261204T080000\r\n"
    "STATUS:IN-PROCESS\r\nPERCENT-COMPLETE:40\r\nCOMPLETED:20261204T140000Z\r\nEND:VTODO\r\n"
    /* this date and all later ones: Delegate marks one date at a time */
    "BEGIN:VTODO\r\nUID:%s\r\nRECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Berlin:20261228T090000\r\n"
    "STATUS:COMPLETED\r\nEND:VTODO\r\n"
    /* one date of a task that does not repeat */
    "BEGIN:VTODO\r\nUID:%s\r\nRECURRENCE-ID;TZID=Asia/Manila:20261203T143000\r\nSTATUS:COMPLETED\r\nEND:VTODO\r\n"
    /* two tasks of the client's own, one of them repeating with an
     * override: two tasks, not three */
    "BEGIN:VTODO\r\nUID:client-series@client.example\r\nRRULE:FREQ=DAILY\r\nSTATUS:NEEDS-ACTION\r\nEND:VTODO\r\n"
    "BEGIN:VTODO\r\nUID:client-series@client.example\r\nRECURRENCE-ID:20261201T100000Z\r\nSTATUS:COMPLETED\r\nEND:VTODO\r\n"
    "BEGIN:VTODO\r\nUID:client-single@client.example\r\nEND:VTODO\r\n"
    "BEGIN:VEVENT\r\nUID:event@client.example\r\nDTSTART:20261201T100000Z\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n",
    weekly, weekly, weekly, weekly,
    dg_task_get_uid (world.one_off), dg_task_get_uid (world.all_day), dg_task_get_uid (world.other),
    dg_task_get_uid (world.other), dg_task_get_uid (world.other), dg_task_get_uid (world.other),
    weekly, dg_task_get_uid (world.one_off));

  import = dg_calendar_import_prepare (world.tasks, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  changes = dg_calendar_import_get_changes (import);
  skipped = dg_calendar_import_get_skipped (import);
  for (guint i = 0; i < skipped->len; i++)
    g_test_message ("skipped line %u: %s", ((DgCalendarSkipped *) skipped->pdata[i])->line,
                    ((DgCalendarSkipped *) skipped->pdata[i])->reason);

  g_assert_cmpuint (changes->len, ==, 5);
  g_assert_cmpint (find_change (changes, world.weekly, "20261214T090000")->new_status, ==, DG_TASK_STATUS_SKIPPED);
  g_assert_cmpint (find_change (changes, world.weekly, "20261221T090000")->new_status, ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (find_change (changes, world.one_off, "")->new_status, ==, DG_TASK_STATUS_CANCELLED);
  g_assert_cmpint (find_change (changes, world.all_day, "")->new_status, ==, DG_TASK_STATUS_DONE);
  g_assert_cmpstr (find_change (changes, world.all_day, "")->completed_at, ==, "2026-12-15T05:00:00Z");
  g_assert_null (find_change (changes, world.other, "20261203T080000"));
  g_assert_cmpint (find_change (changes, world.other, "20261204T080000")->new_status, ==, DG_TASK_STATUS_IN_PROGRESS);
  g_assert_cmpint (find_change (changes, world.other, "20261204T080000")->new_percent, ==, 40);
  g_assert_cmpstr (find_change (changes, world.other, "20261204T080000")->completed_at, ==, "");

  /* Each with the line of what it is about: the entry, or the
   * RECURRENCE-ID or STATUS that cannot be taken. */
  g_assert_cmpuint (skipped->len, ==, 8);
  g_assert_cmpuint (((DgCalendarSkipped *) skipped->pdata[0])->line, ==, 4);
  g_assert_cmpuint (((DgCalendarSkipped *) skipped->pdata[1])->line, ==, 15);
  g_assert_cmpstr (((DgCalendarSkipped *) skipped->pdata[1])->reason, ==,
                   "Tuesday, 15 December 2026, 09:00 is not a date of this task’s schedule.");
  g_assert_cmpuint (((DgCalendarSkipped *) skipped->pdata[2])->line, ==, 38);
  g_assert_nonnull (strstr (((DgCalendarSkipped *) skipped->pdata[2])->reason, "“DONE”"));
  g_assert_cmpuint (((DgCalendarSkipped *) skipped->pdata[3])->line, ==, 56);
  g_assert_nonnull (strstr (((DgCalendarSkipped *) skipped->pdata[3])->reason, "THISANDFUTURE"));
  g_assert_cmpuint (((DgCalendarSkipped *) skipped->pdata[4])->line, ==, 61);
  g_assert_nonnull (strstr (((DgCalendarSkipped *) skipped->pdata[4])->reason, "does not repeat"));
  g_assert_cmpuint (((DgCalendarSkipped *) skipped->pdata[5])->line, ==, 64);
  g_assert_cmpuint (((DgCalendarSkipped *) skipped->pdata[6])->line, ==, 69);
  g_assert_cmpuint (((DgCalendarSkipped *) skipped->pdata[7])->line, ==, 74);
  g_assert_cmpuint (dg_calendar_import_get_n_ignored (import), ==, 1);
  {
    g_autofree char *summary = dg_calendar_import_describe (import);

    g_assert_cmpstr (summary, ==,
                     "2 tasks will change. 3 dates of 2 repeating tasks will change. "
                     "2 tasks in the file are not in Delegate and will not be created. "
                     "5 entries are left alone; the list says why. "
                     "1 event or other entry that is not a task is not read.");
  }

  g_assert_true (dg_calendar_import_apply (import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (occurrence_status (&world, world.weekly, "20261214T090000", NULL), ==, DG_TASK_STATUS_SKIPPED);
  g_assert_cmpint (occurrence_status (&world, world.weekly, "20261221T090000", NULL), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (dg_task_get_status (world.weekly), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (dg_task_get_status (world.one_off), ==, DG_TASK_STATUS_CANCELLED);
  g_assert_cmpint (dg_task_get_status (world.all_day), ==, DG_TASK_STATUS_DONE);
  g_assert_cmpint (dg_task_get_status (world.other), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (occurrence_status (&world, world.weekly, "20261228T090000", NULL), ==, DG_TASK_STATUS_OPEN);
  g_assert_cmpint (occurrence_status (&world, world.other, "20261203T080000", NULL), ==, DG_TASK_STATUS_OPEN);

  world_clear (&world);
}

/* ---- other programs' files ---------------------------------------------- */

/* What each file of $DG_SAMPLES_DIR must give: read, with how many
 * entries of tasks Delegate does not have (by UID) and how many events, or
 * refused with the line and a part of the reason. None of their tasks is
 * ours, so none changes anything. */
static const struct
{
  const char *name;
  int         refused_line;    /* 0: read */
  DgIcalError code;            /* refused: the error */
  const char *reason;          /* refused: part of the message */
  guint       n_unknown;       /* read: tasks not in Delegate */
  guint       n_skipped;       /* read: entries listed */
  guint       n_ignored;       /* read: events and the like */
} sample_outcomes[] = {
  { "B/nextcloud_tasks_subsubtask_related_to.ics", 0, 0, NULL, 1, 1, 0 },
  { "B/tasksorg_apple_ios_geofence_alarm_todo.ics", 0, 0, NULL, 1, 1, 0 },
  { "B/tasksorg_nextcloud_all_day_todo.ics", 0, 0, NULL, 1, 1, 0 },
  /* one repeating task with one date done: two entries, one task */
  { "B/tasksorg_thunderbird_completed_recurring_todo.ics", 0, 0, NULL, 1, 2, 0 },
  { "B/tasksorg_thunderbird_todo_relative_valarm.ics", 0, 0, NULL, 1, 1, 0 },
  { "C/icalendar_exchange2010_eastern_standard_time_unquoted.ics", 0, 0, NULL, 0, 0, 1 },
  { "C/icalendar_exchange2010_pacific_standard_time_quoted.ics", 0, 0, NULL, 0, 0, 1 },
  { "C/icalendar_google_weekly_apple_structured_location.ics", 0, 0, NULL, 0, 0, 1 },
  { "C/icalendar_outlook_exchange2010_gmt_standard_time.ics", 0, 0, NULL, 0, 0, 3 },
  { "C/icalendar_thunderbird_europe_london_snoozed_alarms.ics", 0, 0, NULL, 0, 0, 1 },
  { "D/icalendar_bom_crlf_empty_calendar.ics", 0, 0, NULL, 0, 0, 0 },
  { "D/icalendar_missing_end_vcalendar.ics", 1, DG_ICAL_ERROR_MALFORMED, "no matching END:VCALENDAR", 0, 0, 0 },
  { "D/libical_fuzz_issue252_non_utf8_nul_mixed_eol.ics", 2, DG_ICAL_ERROR_MALFORMED, "control character", 0, 0, 0 },
  { "D/libical_itip_stream_bad_dtend.ics", 17, DG_ICAL_ERROR_MALFORMED, "DTEND", 0, 0, 0 },
  { "D/libical_recur_errors_colon_on_continuation_line.ics", 1, DG_ICAL_ERROR_NOT_CALENDAR, "no BEGIN:VCALENDAR", 0, 0, 0 },
  { "D/solidtime_clockify_detailed_short_row.csv", 1, DG_ICAL_ERROR_NOT_CALENDAR, "not an iCalendar file", 0, 0, 0 },
};

static void
test_samples (DgTestFixture *fixture,
              gconstpointer  user_data)
{
  const char *samples = g_getenv ("DG_SAMPLES_DIR");
  static const char *folders[] = { "B", "C", "D" };
  World world = { 0, };
  guint n_files = 0;

  if (samples == NULL || !g_file_test (samples, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The shared sample files are not here ($DG_SAMPLES_DIR is not a folder).");
      return;
    }
  world_init (&world, fixture->db);

  /* Every file there has its outcome in the table: a new one must be
   * added with what it should give. */
  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = g_build_filename (samples, folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *relative = g_build_filename (folders[f], name, NULL);
          gboolean listed = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (sample_outcomes); i++)
            listed |= g_str_equal (sample_outcomes[i].name, relative);
          if (!listed)
            g_error ("%s has no expected outcome in sample_outcomes", relative);
          n_files++;
        }
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (sample_outcomes));

  for (guint i = 0; i < G_N_ELEMENTS (sample_outcomes); i++)
    {
      g_autofree char *path = g_build_filename (samples, sample_outcomes[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(DgCalendarImport) import = dg_calendar_import_prepare_file (world.tasks, file, &error);
      g_autofree char *summary = NULL;
      GPtrArray *skipped;

      if (sample_outcomes[i].refused_line > 0)
        {
          g_autofree char *prefix = g_strdup_printf ("Line %d: ", sample_outcomes[i].refused_line);

          g_test_message ("%s refused: %s", sample_outcomes[i].name,
                          error != NULL ? error->message : "(not refused)");
          g_assert_null (import);
          g_assert_error (error, DG_ICAL_ERROR, (int) sample_outcomes[i].code);
          g_assert_true (g_str_has_prefix (error->message, prefix));
          g_assert_nonnull (strstr (error->message, sample_outcomes[i].reason));
          continue;
        }

      g_assert_no_error (error);
      g_assert_nonnull (import);
      summary = dg_calendar_import_describe (import);
      skipped = dg_calendar_import_get_skipped (import);
      g_test_message ("%s: %s", sample_outcomes[i].name, summary);
      g_assert_cmpuint (dg_calendar_import_get_changes (import)->len, ==, 0);
      g_assert_cmpuint (skipped->len, ==, sample_outcomes[i].n_skipped);
      for (guint j = 0; j < skipped->len; j++)
        g_assert_cmpuint (((DgCalendarSkipped *) skipped->pdata[j])->line, >, 0);
      g_assert_cmpuint (dg_calendar_import_get_n_ignored (import), ==, sample_outcomes[i].n_ignored);
      if (sample_outcomes[i].n_unknown == 1)
        g_assert_nonnull (strstr (summary, "1 task in the file is not in Delegate"));
      else
        g_assert_null (strstr (summary, "not in Delegate"));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (world.tasks)), ==, 4);

  world_clear (&world);
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  dg_test_add_with_database ("/calendar/export/lines", test_export_lines);
  dg_test_add_with_database ("/calendar/export/content", test_export_content);
  dg_test_add_with_database ("/calendar/export/one-assistant", test_export_one_assistant);
  dg_test_add_with_database ("/calendar/export/time-zone-offsets", test_export_time_zone_offsets);
  dg_test_add_with_database ("/calendar/export/until", test_export_until);
  dg_test_add_with_database ("/calendar/export/utc", test_export_utc);
  dg_test_add_with_database ("/calendar/import/round-trip", test_round_trip);
  dg_test_add_with_database ("/calendar/import/spring-forward", test_spring_forward);
  dg_test_add_with_database ("/calendar/import/changed-in-between", test_changed_in_between);
  dg_test_add_with_database ("/calendar/import/malformed", test_malformed_import);
  dg_test_add_with_database ("/calendar/import/client-variants", test_client_variants);
  dg_test_add_with_database ("/calendar/import/samples", test_samples);

  return g_test_run ();
}
